"""The CLI: help for every command, one clear line and a non-zero exit on error."""

import subprocess
import sys
import time

import pytest

from flows.cli.main import build_parser, main
from tests.conftest import ROOT, SHARED_GOLD


def commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices


def test_every_command_has_help_with_an_example():
    for name, p in commands().items():
        text = p.format_help()
        assert "Example:" in text, name
        assert p.description.splitlines()[0], name


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text()
    for name in commands():
        assert f"dossier {name}" in readme, name


def test_missing_warehouse_is_one_clear_line(tmp_path, capsys):
    code = main(["sql", "select 1", "--db", str(tmp_path / "none.duckdb")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "no warehouse" in err


def test_bad_sql_is_one_clear_line(seeds_copy, capsys):
    code = main(["sql", "select * from nowhere", "--db", str(seeds_copy)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("dossier: error: SQL error")


def test_sql_is_read_only_by_default(seeds_copy, capsys):
    code = main(["sql", "delete from people", "--db", str(seeds_copy)])
    assert code == 2
    assert main(["sql", "select count(*) as n from people", "--db", str(seeds_copy), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] != "0"


def test_sql_answers_quickly_in_a_fresh_process(seeds_copy):
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "flows", "sql",
                          "select event_type, prisoner_count, n_sources from events", "--db", str(seeds_copy),
                          "--format", "csv"], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - t
    assert "prisoner_release,123,2" in out.stdout
    assert elapsed < 5  # generous: the contract is "under a second"; CI machines vary


def test_eval_prints_a_table(seeds_copy, capsys):
    if not SHARED_GOLD.exists():
        pytest.skip("shared gold not beside the repo")
    assert main(["eval", "--gold", str(SHARED_GOLD), "--db", str(seeds_copy)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["table", "precision", "recall"]
    assert any(line.startswith("releases") for line in out.splitlines())


def test_run_on_missing_folder_fails_cleanly(tmp_path, capsys):
    assert main(["run", "--source", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_early_prefect_server_answers_and_stops(tmp_path, monkeypatch):
    # the CLI boots Prefect's temporary API server before its imports; it must come up, be the
    # API the flow uses, and be gone (with PREFECT_API_URL unset) once stopped
    import os
    import urllib.request

    from flows.orchestration.prefect_env import EarlyPrefectServer

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server = EarlyPrefectServer()
    try:
        assert os.environ["PREFECT_API_URL"] == server.url
        server.wait()
        with urllib.request.urlopen(server.url + "/health", timeout=5) as resp:
            assert resp.status == 200
        proc = server.proc
    finally:
        server.stop()
    assert proc.poll() is not None
    assert "PREFECT_API_URL" not in os.environ


def test_early_prefect_server_leaves_a_configured_api_alone(monkeypatch):
    from flows.orchestration.prefect_env import EarlyPrefectServer

    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    server = EarlyPrefectServer()
    assert server.proc is None and server.url == "http://prefect.example:4200/api"
    server.wait()
    server.stop()


# issue 26: the CLI as sqlite-utils and DuckDB shell users expect


def test_tables_lists_each_table_once_with_its_row_count_26(seeds_copy, capsys):
    import json

    assert main(["tables", "--db", str(seeds_copy), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)) and {"events", "people", "runs", "dq_results"} <= set(names)
    assert next(r for r in rows if r["name"] == "events")["n_rows"] == 20
    assert not any(n.startswith("v_") for n in names)
    assert main(["tables", "--views", "--db", str(seeds_copy), "--format", "csv"]) == 0
    assert "v_releases,view" in capsys.readouterr().out


def test_schema_shows_columns_with_their_comments_26(seeds_copy, capsys):
    import json

    assert main(["schema", "events", "--db", str(seeds_copy), "--format", "json"]) == 0
    cols = {r["column"]: r for r in json.loads(capsys.readouterr().out)}
    assert cols["prisoner_count"]["type"] == "BIGINT"
    assert "released" in cols["prisoner_count"]["comment"]
    # the run history is read from its own file, yet its columns keep the schema's comments
    assert main(["schema", "runs", "--db", str(seeds_copy), "--format", "json"]) == 0
    assert all(r["comment"] for r in json.loads(capsys.readouterr().out) if r["column"] == "run_id")


def test_schema_of_an_unknown_table_suggests_the_near_names_26(seeds_copy, capsys):
    assert main(["schema", "event", "--db", str(seeds_copy)]) == 2
    err = capsys.readouterr().err
    assert "no table or view 'event'" in err and "events" in err


def test_sql_table_output_says_how_many_rows_it_shows_of_how_many_26(seeds_copy, capsys):
    assert main(["sql", "select * from range(500)", "--db", str(seeds_copy)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().splitlines()[-1].startswith("200 of 500 rows shown")
    assert "│ 199 " in out and "│ 200 " not in out and "…" not in out
    assert main(["sql", "select * from range(500)", "--db", str(seeds_copy), "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "│ 499 " in out and out.rstrip().splitlines()[-1] == "500 rows"
    assert main(["sql", "select 1 as x", "--db", str(seeds_copy)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("1 row")
    # csv and json are for programs: every row, no footer
    assert main(["sql", "select * from range(500)", "--db", str(seeds_copy), "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 501


def test_sql_errors_keep_duckdbs_hints_26(seeds_copy, capsys):
    assert main(["sql", "select * from event", "--db", str(seeds_copy)]) == 2
    err = capsys.readouterr().err
    assert 'Did you mean "events"' in err


def test_show_tables_lists_the_run_history_once_26(seeds_copy, capsys):
    assert main(["sql", "show tables", "--db", str(seeds_copy), "--format", "csv"]) == 0
    names = capsys.readouterr().out.split()[1:]
    assert names.count("runs") == 1 and names.count("dq_results") == 1 and "events" in names


def test_verbose_is_suggested_only_by_commands_that_take_it_26(seeds_copy, capsys, monkeypatch):
    import flows.warehouse.search

    def broken(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(flows.warehouse.search, "search", broken)
    assert main(["search", "potash", "--db", str(seeds_copy)]) == 1
    err = capsys.readouterr().err
    assert "disk on fire" in err and "--verbose" not in err


def test_bad_since_is_a_usage_error_with_the_reason_26(seeds_copy, capsys):
    assert main(["report", "release_timeline", "--since", "last week", "--db", str(seeds_copy)]) == 2
    err = capsys.readouterr().err
    assert "'last week' is not a date" in err and "YYYY-MM-DD" in err


def test_country_filter_ignores_case_26(seeds_copy, capsys):
    import json

    def rows(*extra):
        assert main(["report", "sanctions_board", "--db", str(seeds_copy), "--format", "json", *extra]) == 0
        return json.loads(capsys.readouterr().out)

    assert rows("--country", "belarus") == rows("--country", "Belarus") != []
    assert main(["report", "release_timeline", "--country", "BELARUS", "--db", str(seeds_copy), "--format", "json"]) == 0
    assert {r["prisoner_count"] for r in json.loads(capsys.readouterr().out)} == {123, 52}


def test_an_option_the_report_does_not_take_is_refused_26(seeds_copy, capsys):
    assert main(["report", "people_directory", "--country", "Belarus", "--db", str(seeds_copy)]) == 2
    err = capsys.readouterr().err
    assert "does not take --country" in err
    assert main(["report", "sanctions_board", "--since", "2025-01-01", "--db", str(seeds_copy)]) == 2
    assert "does not take --since (it takes --country)" in capsys.readouterr().err


def test_serve_refuses_a_bad_cron_before_serving_26(tmp_path, capsys):
    code = main(["serve", "--cron", "every hour", "--source", str(ROOT / "seeds"), "--db", str(tmp_path / "w.duckdb")])
    captured = capsys.readouterr()
    assert code == 2
    assert "serving" not in captured.out + captured.err
    assert "'every hour' is not a cron expression" in captured.err


def test_eval_warns_when_the_gold_names_documents_the_warehouse_lacks_26(seeds_copy, capsys):
    from tests.conftest import DEV_GOLD

    assert main(["eval", "--gold", str(DEV_GOLD), "--db", str(seeds_copy)]) == 0
    err = capsys.readouterr().err
    assert "warning: the gold names 36 documents and 36 of them are not loaded" in err
    if SHARED_GOLD.exists():
        assert main(["eval", "--gold", str(SHARED_GOLD), "--db", str(seeds_copy)]) == 0
        assert "warning" not in capsys.readouterr().err


def test_strict_says_which_documents_were_rejected_26(seeds_copy, capsys):
    import argparse

    import duckdb

    from flows.cli.run import print_run_summary as _print_run_summary

    with duckdb.connect(str(seeds_copy)) as con:
        con.execute("update documents set status = 'rejected', reject_reason = 'empty file' "
                    "where source_path = (select min(source_path) from documents)")
        path = con.execute("select min(source_path) from documents").fetchone()[0]
    result = {"run_id": "r1", "status": "success", "n_files": 5, "n_loaded": 4, "n_rejected": 1, "n_duplicates": 0,
              "n_processed": 5, "n_skipped": 0, "n_people": 8, "n_events": 20, "n_sanctions": 7, "n_dq": 1,
              "n_dq_failed": 0}
    args = argparse.Namespace(db=str(seeds_copy), strict=True, verbose=False)
    assert _print_run_summary(result, args, 1.0) == 1
    err = capsys.readouterr().err
    assert "--strict: 1 document(s) rejected" in err and f"{path} (empty file)" in err


def test_the_command_reference_is_generated_from_help_and_current_26():
    from flows.cli.clidoc import CLI_MD, render

    assert CLI_MD.read_text() == render(), "run: python -m flows.cli.clidoc"
    for name in commands():
        assert f"## dossier {name}\n" in CLI_MD.read_text()

"""The CLI: help for every command, one clear line and a non-zero exit on error."""

import subprocess
import sys
import time

import pytest

from flows.cli import build_parser, main
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

    from flows.settings import EarlyPrefectServer

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
    from flows.settings import EarlyPrefectServer

    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    server = EarlyPrefectServer()
    assert server.proc is None and server.url == "http://prefect.example:4200/api"
    server.wait()
    server.stop()

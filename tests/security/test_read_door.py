"""The read-only door cannot write, cannot reach files outside the warehouse, and prints safely."""

import os
from pathlib import Path

import duckdb
import pytest

from flows.cli.main import main
from flows.warehouse.safesql import NotReadOnly, check_read_only, literal

pytestmark = pytest.mark.slow


def _sql(db, query, capsys, *extra):
    code = main(["sql", query, "--db", str(db), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("query", [
    "copy (select 'garbage') to '{db}'",
    "copy (select 'garbage') to '{db}.ops.duckdb'",
    "attach '{db}' as w2 (read_write)",
    "export database '{tmp}/exported'",
    "set threads = 1",
    "pragma enable_profiling",
    "install httpfs",
    "load fts",
    "create table main.x as select 1",
    "select 1; copy (select 1) to '{tmp}/x.csv'",
])
def test_statements_that_write_or_reach_outside_are_refused(seeds_copy, tmp_path, capsys, query):
    before = seeds_copy.read_bytes()
    ops = Path(f"{seeds_copy}.ops.duckdb")
    ops_before = ops.read_bytes()
    code, out, err = _sql(seeds_copy, query.format(db=seeds_copy, tmp=tmp_path), capsys)
    assert code == 2, (out, err)
    assert "--write" in err and err.count("\n") == 1
    assert seeds_copy.read_bytes() == before and ops.read_bytes() == ops_before
    assert not (tmp_path / "exported").exists() and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("query", [
    "select * from read_text('/etc/passwd')",
    "select * from read_csv('/etc/passwd')",
    "select * from glob('/etc/*')",
    "select * from read_parquet('{db}.ops.duckdb')",
])
def test_a_query_cannot_read_files(seeds_copy, capsys, query):
    code, out, err = _sql(seeds_copy, query.format(db=seeds_copy), capsys)
    assert code == 2 and "root:" not in out
    assert "disabled" in err or "Permission" in err


def test_the_door_still_answers_queries_and_history(seeds_copy, capsys):
    code, out, _ = _sql(seeds_copy, "select count(*) as n from events", capsys, "--format", "csv")
    assert code == 0 and int(out.splitlines()[1]) > 0
    code, out, _ = _sql(seeds_copy, "select status from runs", capsys, "--format", "csv")
    assert code == 0 and "success" in out
    for query in ("show tables", "describe events", "summarize people", "explain select * from events",
                  "with x as (select 1 as a) select * from x"):
        assert _sql(seeds_copy, query, capsys)[0] == 0, query


def test_read_only_check_is_by_statement_type():
    check_read_only("select 1; from events; show tables")
    with pytest.raises(NotReadOnly):
        check_read_only("select 1; update events set prisoner_count = 0")


def test_literal_quotes_so_nothing_ends_the_string():
    hostile = "/tmp/x' (format csv); copy (select 'INJECTED' as a) to '/tmp/injected.csv' (header false); --"
    con = duckdb.connect()
    assert con.execute(f"select {literal(hostile)}").fetchone()[0] == hostile
    with pytest.raises(ValueError):
        literal("a\x00b")


def test_export_to_a_hostile_folder_name_writes_only_there(seeds_copy, tmp_path, capsys):
    injected = tmp_path / "injected.csv"
    out_dir = f"{tmp_path}/x' (format csv); copy (select 'INJECTED' as a) to '{injected}' (header false); --"
    assert main(["export", out_dir, "--db", str(seeds_copy)]) == 0
    assert not injected.exists()
    assert (Path(out_dir) / "events.parquet").exists()


def test_a_warehouse_path_with_a_quote_works(harness, tmp_path, capsys):
    from tests.conftest import SEEDS

    folder = tmp_path / "analyst's files"
    folder.mkdir()
    db = folder / "it's.duckdb"
    assert main(["run", "--source", str(SEEDS), "--db", str(db)]) == 0
    assert main(["sql", "select count(*) from runs", "--db", str(db)]) == 0
    assert main(["dq", "--db", str(db), "--out", str(folder / "dq")]) == 0
    assert main(["search", "potash", "--db", str(db)]) == 0
    capsys.readouterr()


def test_control_characters_from_documents_are_escaped_on_the_terminal(seeds_copy, capsys):
    query = "select 'a' || chr(27) || ']0;pwned' || chr(7) || 'b' as t, chr(155) || 'c' as u"
    code, out, _ = _sql(seeds_copy, query, capsys)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b]0;pwned\\x07b" in out and "\\x9bc" in out
    code, out, _ = _sql(seeds_copy, query, capsys, "--format", "json")
    assert "\x1b" not in out

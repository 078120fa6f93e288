"""Issue 25 on a whole warehouse: the analyst questions (sql/questions/), the sanctions_timeline report,
the sources dimension, and an older warehouse upgraded in place by the new code."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from flows.cli.main import main
from tests.conftest import DEV_DIR, ROOT

QUESTIONS = ROOT / "sql" / "questions"
SCHEMA_BEFORE = ROOT / "tests" / "data" / "schema_before_issue25.sql"


def _ask(db, name: str) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute((QUESTIONS / f"{name}.sql").read_text())
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]


def test_the_three_analyst_questions_are_one_query_each_on_the_dev_set_issue_25(dev_db):
    # Q1: sanctions on one country over time, by issuer
    moves = _ask(dev_db, "sanctions_timeline_by_issuer")
    assert moves and {m["issuer"] for m in moves} >= {"US", "EU"}
    assert any(m["issuer"] == "US" and m["target"] == "potash" and m["action"] == "lifted" and m["move_date"]
               for m in moves)
    us = [m["move_date"] for m in moves if m["issuer"] == "US" and m["move_date"]]
    assert us == sorted(us)  # each issuer's moves in date order
    # Q2: releases per country per month, with ISO codes
    months = _ask(dev_db, "releases_per_country_month")
    assert len(months) >= 10
    assert all(len(r["country_iso3"] or "") == 3 and len(r["country_iso2"] or "") == 2 for r in months)
    assert all(r["n_releases"] >= 1 and len(r["month"]) == 7 for r in months)
    # Q3: the outlets behind each of the five latest releases
    latest = _ask(dev_db, "outlets_of_last_releases")
    assert len(latest) == 5
    assert [r["event_date"] for r in latest] == sorted((r["event_date"] for r in latest), reverse=True)
    assert all(r["outlets"] and r["n_documents"] >= 1 for r in latest)
    assert any(len(r["outlets"]) >= 2 for r in latest)


def test_sanctions_timeline_takes_a_country_name_or_its_iso_code_issue_25(dev_db, capsys):
    def report(*extra):
        assert main(["report", "sanctions_timeline", "--db", str(dev_db), "--format", "json", *extra]) == 0
        return json.loads(capsys.readouterr().out)

    by_name = report("--country", "Belarus")
    assert by_name and by_name == report("--country", "blr") == report("--country", "BY")
    dates = [r["move_date"] for r in by_name if r["move_date"]]
    assert dates == sorted(dates)
    assert all(r["target_country_iso3"] == "BLR" for r in by_name)
    assert any(r["outlets"] for r in by_name)
    assert len(report()) > len(by_name)


def test_sources_count_the_outlets_documents_issue_25(dev_db):
    with duckdb.connect(str(dev_db), read_only=True) as con:
        n_loaded_with_outlet = con.execute(
            "select count(*) from documents where status = 'loaded' and source_id is not null").fetchone()[0]
        assert n_loaded_with_outlet > 0
        assert con.execute("select sum(n_documents) from sources").fetchone()[0] == n_loaded_with_outlet
        orphans = con.execute("select count(*) from documents d where d.source_id is not null "
                              "and d.source_id not in (select source_id from sources)").fetchone()[0]
        assert orphans == 0
        assert con.execute("select count(*) from sources where first_published_at > last_published_at"
                           ).fetchone()[0] == 0


def _as_warehouse_before_issue_25(db, old_db) -> None:
    """A copy of `db` in the schema main had before issue 25 (only its columns and tables), as if its
    documents had been extracted by the extractors of then."""
    with duckdb.connect(str(old_db)) as con:
        con.execute(SCHEMA_BEFORE.read_text())
        con.execute(f"attach '{db}' as new (read_only)")
        for (table,) in con.execute("select table_name from information_schema.tables "
                                    "where table_catalog = 'old' and table_type = 'BASE TABLE'").fetchall():
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_catalog = 'old' and table_name = ? "
                "order by ordinal_position", [table]).fetchall()]
            quoted = ", ".join(f'"{c}"' for c in cols)
            con.execute(f"insert into {table} ({quoted}) select {quoted} from new.main.{table}")
        con.execute("update documents set extractor_version = '2026.12.03-8'")
        con.execute("detach new")


def test_a_warehouse_from_before_issue_25_is_upgraded_in_place_issue_25(harness, tmp_path):
    from flows.orchestration.flow import dossier_flow

    source = tmp_path / "news"
    source.mkdir()
    for path in sorted(DEV_DIR.iterdir())[:14]:
        shutil.copy(path, source / path.name)
    built = tmp_path / "built.duckdb"
    dossier_flow(source=str(source), db=str(built))
    db = tmp_path / "old.duckdb"
    _as_warehouse_before_issue_25(built, db)
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {r[0] for r in con.execute("show tables").fetchall()}
        assert "sources" not in tables and "countries" not in tables
        assert "move_date" not in {r[0] for r in con.execute("describe sanctions").fetchall()}
        n_docs = con.execute("select count(*) from documents").fetchone()[0]

    result = dossier_flow(source=str(source), db=str(db))
    assert result["status"] == "success" and not result["noop"]
    with duckdb.connect(str(db), read_only=True) as con:
        def columns(table):
            return {r[0] for r in con.execute(f"describe {table}").fetchall()}

        assert {"source_id", "main_country", "main_country_iso2", "main_country_iso3"} <= columns("documents")
        assert {"issuer_text", "move_date", "date_precision", "date_source", "target_country_iso2"} <= columns("sanctions")
        assert {"country_iso2", "country_iso3", "date_source"} <= columns("events")  # date_source: issue 22
        assert {"date_source", "not_before"} <= columns("stg_event_mentions")
        assert {"nationality", "nationality_iso2"} <= columns("people")
        assert {"move_date", "issuer_text"} <= columns("stg_sanction_mentions")
        assert con.execute("select count(*) from documents").fetchone()[0] == n_docs
        assert con.execute("select count(*) from countries").fetchone()[0] >= 249
        assert con.execute("select count(*) from sources").fetchone()[0] > 0
        assert con.execute("select count(*) from documents where status = 'loaded' and source is not null "
                           "and source_id is null").fetchone()[0] == 0
        assert con.execute("select count(*) from sanctions where move_date is not null").fetchone()[0] > 0
        assert con.execute("select count(*) from sanctions s where s.issuer is not null "
                           "and s.issuer not in (select issuer from issuers)").fetchone()[0] == 0
        # the views see the new columns
        con.execute("select outlets, target_country_iso3 from v_sanction_moves").fetchall()
        con.execute("select country_iso3, date_source from v_releases").fetchall()
    # and from now on the runs are incremental again
    assert dossier_flow(source=str(source), db=str(db))["noop"]


@pytest.mark.parametrize("table", ["countries", "issuers", "sources"])
def test_the_dimensions_have_the_keys_they_promise_issue_25(dev_db, table):
    key = {"countries": "iso2", "issuers": "issuer", "sources": "source_id"}[table]
    with duckdb.connect(str(dev_db), read_only=True) as con:
        n, distinct = con.execute(f"select count(*), count(distinct {key}) from {table}").fetchone()
    assert n == distinct > 0


def test_a_move_by_several_bodies_is_one_fact_for_the_gold_issue_25(seeds_db):
    """"The United States and other Western nations imposed" is two rows (US, WEST) but one gold fact."""
    from flows.warehouse.evaluate import evaluate
    from tests.conftest import SHARED_GOLD

    with duckdb.connect(str(seeds_db), read_only=True) as con:
        assert con.execute("select count(*) from sanctions where issuer = 'WEST'").fetchone()[0] >= 1
        result = evaluate(con, SHARED_GOLD)
    assert result["sanctions"]["precision"] == result["sanctions"]["recall"] == 1.0

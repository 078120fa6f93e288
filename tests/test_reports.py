"""Reports, views, README questions and the data dictionary (issue 9)."""

import json
import re
import shutil

import duckdb
import pytest

from flows.cli.main import main
from flows.warehouse.dictionary import DICTIONARY_MD, missing_comments, render
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def report(capsys, db, name, *extra):
    assert main(["report", name, "--db", str(db), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_release_timeline_lists_both_seed_releases_with_sources_and_people(seeds_db, capsys):
    rows = report(capsys, seeds_db, "release_timeline")
    by_count = {r["prisoner_count"]: r for r in rows}
    assert set(by_count) == {123, 52}
    assert by_count[123]["n_sources"] == 2 and by_count[52]["n_sources"] == 3
    assert {"Ales Bialiatski", "Viktar Babaryka"} <= set(by_count[123]["released_people"].split(", "))
    assert "potash lifted" in by_count[123]["sanctions_moves"]
    assert "Belavia lifted" in by_count[52]["sanctions_moves"]
    assert report(capsys, seeds_db, "release_timeline", "--country", "Cuba") == []


def test_people_directory(seeds_db, capsys):
    rows = {r["canonical_name"]: r for r in report(capsys, seeds_db, "people_directory")}
    maria = next(r for n, r in rows.items() if n.startswith("Maria"))
    assert "Maria Kolesnikova" in maria["aliases"] and "Maria Kalesnikava" in maria["aliases"]
    assert "released" in maria["events"]
    assert rows["Alexander Lukashenko"]["n_documents"] == 5


def test_sanctions_board(seeds_db, capsys):
    rows = report(capsys, seeds_db, "sanctions_board")
    potash = next(r for r in rows if r["target"] == "potash")
    assert potash["latest_action"] == "lifted" and potash["traded_for"].endswith("123")
    assert potash["target_country"] == "Belarus"
    # a country's board holds what is sanctioned of it (its potash, its airline), not only the country
    belarus = report(capsys, seeds_db, "sanctions_board", "--country", "Belarus")
    assert {"potash", "Belavia", "Belarus"} <= {r["target"] for r in belarus}
    assert report(capsys, seeds_db, "sanctions_board", "--country", "Cuba") == []


def test_source_agreement_shows_the_role_conflict(seeds_db, capsys):
    rows = report(capsys, seeds_db, "source_agreement")
    assert any(r["section"] == "conflict" and r["fact"] == "Donald Trump" for r in rows)
    events = next(r for r in rows if r["section"] == "support" and r["fact_table"] == "events")
    assert "2 multi-source" in events["detail"]


def test_dq_summary_and_coverage(seeds_db, capsys):
    dq = report(capsys, seeds_db, "dq_summary")
    assert any(r["section"] == "latest" for r in dq) and any(r["section"] == "trend" for r in dq)
    cov = report(capsys, seeds_db, "coverage")
    assert {"section": "documents", "item": "loaded", "detail": "", "n": 5} in cov


def test_unknown_report_is_a_clear_error(seeds_db, capsys):
    assert main(["report", "nope", "--db", str(seeds_db)]) == 2
    assert "available:" in capsys.readouterr().err


def test_readme_questions_answer_on_the_seeds(seeds_db):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Example questions", 1)[1]
    queries = re.findall(r"```sql\n(.+?)\n```", section, re.S)
    assert len(queries) == 5
    with duckdb.connect(str(seeds_db), read_only=True) as con:
        results = [con.execute(q).fetchall() for q in queries]
    assert all(results), "every example question has an answer on the seeds"
    assert results[0][0][1] == 123
    assert ("US", "potash", "Belarus", "lifted", 123) in results[1]  # the issuer's code (issue 25)


def test_search_finds_the_potash_story(seeds_db, capsys):
    assert main(["search", "potash", "--db", str(seeds_db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["source_path"].startswith("000_")


def test_search_index_follows_the_warehouse(seeds_copy, harness, tmp_path):
    # the index is a sidecar built on first search after a load: reused while the warehouse is
    # unchanged, rebuilt when a load swaps in a new warehouse (a new article becomes findable)
    from flows.orchestration.flow import dossier_flow
    from flows.warehouse.search import search, search_path

    assert search(seeds_copy, "zanzibar").is_empty()
    built = search_path(seeds_copy).stat().st_mtime_ns
    assert search(seeds_copy, "potash").height > 0
    assert search_path(seeds_copy).stat().st_mtime_ns == built  # unchanged warehouse: same index
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    (src / "new.txt").write_text("Authorities in Zanzibar freed 12 political prisoners on Monday, their lawyers "
                                 "said, after talks with foreign diplomats that lasted for months.\n")
    dossier_flow(source=str(src), db=str(seeds_copy))
    with duckdb.connect(str(seeds_copy), read_only=True) as con:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert "search_documents" not in tables  # texts are stored once, in documents
    assert search(seeds_copy, "zanzibar")["source_path"].to_list() == ["new.txt"]


def test_export_writes_every_table(seeds_db, tmp_path, capsys):
    import polars as pl

    assert main(["export", str(tmp_path), "--db", str(seeds_db), "--format", "parquet"]) == 0
    assert pl.read_parquet(tmp_path / "events.parquet").height > 0
    assert main(["export", str(tmp_path / "csv"), "--db", str(seeds_db), "--format", "csv"]) == 0
    assert "Kalesnikava" in (tmp_path / "csv" / "people.csv").read_text()


def test_data_dictionary_is_current():
    assert DICTIONARY_MD.read_text() == render(), "run: python -m flows.warehouse.dictionary"


def test_data_dictionary_check_fails_without_a_comment():
    schema = (ROOT / "sql" / "schema.sql").read_text()
    assert missing_comments(schema) == []
    broken = schema.replace("comment on column people.roles is", "-- comment on column people.roles is")
    assert missing_comments(broken) == ["people.roles"]


def test_reports_on_the_development_set(dev_db, capsys):
    timeline = report(capsys, dev_db, "release_timeline")
    counts = {(r["country"], r["prisoner_count"]) for r in timeline}
    assert {("Nicaragua", 222), ("Cuba", 553), ("Myanmar", 5774), ("Belarus", 123)} <= counts
    nicaragua = report(capsys, dev_db, "release_timeline", "--country", "Nicaragua")
    assert nicaragua and {r["country"] for r in nicaragua} == {"Nicaragua"}
    since = report(capsys, dev_db, "release_timeline", "--since", "2025-01-01")
    assert since and all(r["event_date"] >= "2025-01-01" for r in since)
    people = {r["canonical_name"]: r for r in report(capsys, dev_db, "people_directory")}
    assert any("Kara" in n and "Murza" in n for n in people)
    board = report(capsys, dev_db, "sanctions_board")
    assert any(r["target"] == "Belavia" and "lifted" in r["actions_seen"] for r in board)
    agreement = report(capsys, dev_db, "source_agreement")
    assert any(r["section"] == "conflict" for r in agreement)
    coverage = report(capsys, dev_db, "coverage")
    assert {"section": "documents", "item": "loaded", "detail": "", "n": 36} in coverage
    assert report(capsys, dev_db, "dq_summary")


def test_eval_on_the_development_set_meets_the_bar(dev_db):
    """Issue 4/5 acceptance on our own development set; fails if extraction quality regresses."""
    from flows.warehouse.evaluate import evaluate
    from tests.conftest import DEV_GOLD

    with duckdb.connect(str(dev_db), read_only=True) as con:
        r = evaluate(con, DEV_GOLD)
    assert r["people"]["f1"] >= 0.95
    assert r["release_count_accuracy"]["accuracy"] >= 0.95
    assert r["sanction_action_accuracy"]["accuracy"] >= 0.95
    # measured 2026-12-01: P 0.880, R 0.579 (44 of 76 gold moves, from P 0.821 R 0.421 that morning; most
    # misses name no sanctions at all: "banned Belavia from its airspace", "an export ban on aviation fuel");
    # every found sanction's target country is right
    assert r["sanctions"]["precision"] >= 0.85 and r["sanctions"]["recall"] >= 0.55
    assert r["sanction_country_accuracy"]["accuracy"] == 1.0
    assert r["people_merges"]["precision"] >= 0.98 and r["people_merges"]["recall"] >= 0.9

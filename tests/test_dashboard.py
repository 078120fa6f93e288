"""Static data-quality dashboard: content, escaping and edge cases, on a hand-built warehouse.

The warehouse is made straight from sql/schema.sql with a few inserted rows, so these
tests never run the Prefect flow and take well under a second.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from flows.warehouse.dashboard import write_dashboard

ROOT = Path(__file__).resolve().parent.parent
SCRIPT_REASON = "<script>alert(1)</script>"
IMG_REASON = "<img src=x onerror=\"document.title='pwned'\">"
FAILED_EXPECTATION = "expect_column_values_to_not_be_null(column=person_id)"
T0 = datetime(2025, 3, 1, 9, 0, 0)


def _run(run_id: str, minutes: int, status: str, message: str | None, people: int, failed: int) -> tuple:
    start = T0 + timedelta(minutes=minutes)
    return (run_id, start, start + timedelta(seconds=7.5), status, message, "seeds", 5, 5, 0, 4, 2, 0,
            people, 18 + minutes // 10, 8, failed,
            '{"plan": 0.1, "extract": 1.2, "facts": 1.8, "resolve": 0.1, "validate": 3.9}')


def _checks(run_id: str, fail_person_id: bool) -> list[tuple]:
    at = T0
    return [
        (run_id, "people", FAILED_EXPECTATION, "critical", not fail_person_id,
         "3 unexpected of 9" if fail_person_id else "0 unexpected of 9", at),
        (run_id, "people", "expect_column_values_to_be_unique(column=person_id)", "critical", True, "0 unexpected of 9", at),
        (run_id, "people", "expect_column_value_lengths_to_be_between(column=canonical_name, min_value=3)",
         "warning", True, "0 unexpected of 9", at),
        (run_id, "events", "expect_column_values_to_not_be_null(column=event_id)", "critical", True, "0 unexpected of 20", at),
        (run_id, "events", "expect_column_values_to_not_be_null(column=country, mostly=0.8)", "warning", False,
         "5 unexpected of 20", at),
        (run_id, "documents", "rejected documents have a reason", "critical", True, "0 violating rows", at),
    ]


def build_warehouse(db: Path, runs: list[tuple], checks: list[tuple], docs: list[tuple]) -> Path:
    """A warehouse from sql/schema.sql holding just the given runs, checks and documents."""
    with duckdb.connect(str(db)) as con:
        con.execute((ROOT / "sql" / "schema.sql").read_text(encoding="utf-8"))
        if runs:
            con.executemany("insert into runs values (" + ", ".join(["?"] * 17) + ")", runs)
        if checks:
            con.executemany("insert into dq_results values (?, ?, ?, ?, ?, ?, ?)", checks)
        if docs:
            con.executemany("insert into documents (doc_id, source_path, status, reject_reason, run_id) "
                            "values (?, ?, ?, ?, ?)", docs)
    return db


def standard_warehouse(db: Path) -> Path:
    """Three runs: two successes, then a failed_dq run with a failed critical expectation."""
    runs = [_run("20250301T0900-aaaa", 0, "success", None, 8, 1),
            _run("20250301T0930-bbbb", 30, "success", None, 9, 1),
            _run("20250301T1000-cccc", 60, "failed_dq", f"people: {FAILED_EXPECTATION}", 9, 2)]
    checks = (_checks("20250301T0900-aaaa", False) + _checks("20250301T0930-bbbb", False)
              + _checks("20250301T1000-cccc", True))
    docs = [("d1", "001_kyiv.txt", "loaded", None, "20250301T1000-cccc"),
            ("d2", "002_empty.txt", "rejected", SCRIPT_REASON, "20250301T1000-cccc"),
            ("d3", "003_<b>bold</b>.txt", "rejected", IMG_REASON, "20250301T1000-cccc"),
            ("d1", "004_copy.txt", "duplicate", "byte-identical copy of 001_kyiv.txt", "20250301T1000-cccc")]
    return build_warehouse(db, runs, checks, docs)


@pytest.fixture()
def page(tmp_path) -> str:
    db = standard_warehouse(tmp_path / "wh.duckdb")
    out = write_dashboard(db, tmp_path / "site")
    assert out == tmp_path / "site" / "index.html"
    return out.read_text(encoding="utf-8")


def test_title_latest_run_and_failure(page):
    assert "<title>Dossier data quality</title>" in page
    assert "Dossier data quality" in page
    assert "20250301T1000-cccc" in page
    assert 'class="badge bad"' in page  # the failed_dq latest run gets the red badge
    assert "failed data quality" in page
    assert f"people: {FAILED_EXPECTATION}" in page  # the failed run's message
    assert FAILED_EXPECTATION in page


def test_failed_expectations_listed_first(page):
    people = page[page.index("<strong>people</strong>"):]
    people = people[:people.index("</details>")]
    assert people.index(FAILED_EXPECTATION) < people.index("expect_column_values_to_be_unique(column=person_id)")
    assert "3 unexpected of 9" in people
    assert "critical" in people and "warning" in page
    # the table with a failure is open and comes before tables that passed
    # critical failure (people) first, then warning-only failure (events), then all passed (documents)
    assert page.index("<strong>people</strong>") < page.index("<strong>events</strong>") < page.index("<strong>documents</strong>")
    assert '<span class="badge warn">1 warning</span>' in page
    assert re.search(r'<details class="tgroup" open><summary><strong>people</strong>', page)


def test_trend_chart_has_one_point_per_run(page):
    assert re.search(r'<svg id="trend-chart"', page)
    assert re.search(r'<svg id="rows-chart"', page)
    trend = page[page.index('id="trend-chart"'):]
    trend = trend[:trend.index("</svg>")]
    assert trend.count('class="trend-point"') == 3
    assert 'data-passed="5" data-failed="1"' in trend
    assert 'data-passed="4" data-failed="2"' in trend
    rows = page[page.index('id="rows-chart"'):]
    rows = rows[:rows.index("</svg>")]
    for series in ("n_people", "n_events", "n_sanctions", "n_loaded"):
        assert f'data-series="{series}"' in rows


def test_warehouse_text_is_escaped(page):
    assert SCRIPT_REASON not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "003_&lt;b&gt;bold&lt;/b&gt;.txt" in page
    assert "byte-identical copy of 001_kyiv.txt" in page
    assert "001_kyiv.txt</code>" not in page  # loaded documents are not listed


def test_no_external_resources(page):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert "@import" not in page and "url(" not in page


def test_suites_copied_and_linked(tmp_path):
    db = standard_warehouse(tmp_path / "wh.duckdb")
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    assert "Great Expectations suites" in html
    for suite in sorted((ROOT / "expectations").glob("*.json")):
        assert (tmp_path / "site" / "expectations" / suite.name).read_bytes() == suite.read_bytes()
        assert f'href="expectations/{suite.name}"' in html


def test_single_successful_run_without_rejections(tmp_path):
    db = build_warehouse(tmp_path / "wh.duckdb", [_run("r1", 0, "success", None, 8, 0)],
                         [c for c in _checks("r1", False) if c[4]],
                         [("d1", "a.txt", "loaded", None, "r1")])
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    assert 'class="badge ok"' in html and 'class="badge bad"' not in html
    assert "No rejected or duplicate documents" in html
    assert html.count('class="trend-point"') == 1


def test_empty_warehouse(tmp_path):
    db = build_warehouse(tmp_path / "wh.duckdb", [], [], [])
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    assert "No runs recorded yet" in html
    assert "No expectation results recorded" in html


def test_runs_only_in_sidecar(tmp_path):
    """First run failed its checks: no warehouse file, history only in <db>.ops.duckdb."""
    db = tmp_path / "wh.duckdb"
    build_warehouse(Path(str(db) + ".ops.duckdb"),
                    [_run("only-run", 0, "failed_dq", "people: broken", 3, 1)], _checks("only-run", True), [])
    assert not db.exists()
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    assert "only-run" in html and "people: broken" in html
    assert FAILED_EXPECTATION in html
    assert "No rejected or duplicate documents" in html


def test_sidecar_history_overrides_warehouse_copy(tmp_path):
    """The sidecar holds failed runs that the warehouse's own copy of `runs` lacks."""
    db = build_warehouse(tmp_path / "wh.duckdb", [_run("ok-run", 0, "success", None, 8, 0)], [], [])
    build_warehouse(Path(str(db) + ".ops.duckdb"),
                    [_run("ok-run", 0, "success", None, 8, 0), _run("bad-run", 5, "failed", "OSError: disk full", 8, 0)],
                    [], [])
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    assert "bad-run" in html and "OSError: disk full" in html
    assert html.count('class="trend-point"') == 2


def test_latest_run_without_checks_shows_previous_results(tmp_path):
    """An incremental 'no changes' run checks nothing; the page shows the last run that did."""
    runs = [_run("r1", 0, "success", None, 8, 1), _run("r2", 5, "success", "no changes", 8, 0)]
    db = build_warehouse(tmp_path / "wh.duckdb", runs, _checks("r1", False), [])
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    assert "Latest run checked nothing; showing run <code>r1</code>" in html
    assert "no changes" in html


# issue 26: the dashboard as a data-quality user expects

INVARIANT = "every person has evidence"


def failing_warehouse(tmp_path) -> Path:
    """The standard warehouse whose failed run also broke a SQL invariant, its rows in quarantine."""
    import polars as pl

    db = standard_warehouse(tmp_path / "wh.duckdb")
    with duckdb.connect(str(db)) as con:
        for run_id, ok in (("20250301T0900-aaaa", True), ("20250301T0930-bbbb", True), ("20250301T1000-cccc", False)):
            con.execute("insert into dq_results values (?, 'people', ?, 'critical', ?, ?, ?)",
                        [run_id, INVARIANT, ok, "0 violating rows" if ok else "2 violating rows", T0])
    folder = Path(str(db) + ".quarantine") / "20250301T1000-cccc"
    folder.mkdir(parents=True)
    pl.DataFrame({"person_id": ["P1", "P2"], "canonical_name": ["<b>Ann</b>", "Bob"]}).write_parquet(
        folder / "every_person_has_evidence.parquet")
    return db


def test_suites_card_counts_the_warehouse_invariants_26(page):
    suites = page[page.index("Great Expectations suites"):]
    assert re.search(r'>warehouse</a><span class="muted">(\d+) critical · (\d+) warning', suites)
    crit, warn = re.search(r'>warehouse</a><span class="muted">(\d+) critical · (\d+) warning', suites).groups()
    assert int(crit) + int(warn) >= 13


def test_every_axis_shows_dates_26(page):
    for chart in ("trend-chart", "rows-chart"):
        svg = page[page.index(f'id="{chart}"'):]
        svg = svg[:svg.index("</svg>")]
        assert '<text class="xlab xdate"' in svg and ">2025-03-01<" in svg


def test_failing_rows_are_sampled_escaped_and_linked_to_their_quarantine_file_26(tmp_path):
    db = failing_warehouse(tmp_path)
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    href = "quarantine/20250301T1000-cccc/every_person_has_evidence.parquet"
    assert f'href="{href}"' in html and (tmp_path / "site" / href).exists()
    assert "2 failing rows" in html and "&lt;b&gt;Ann&lt;/b&gt;" in html and "<b>Ann" not in html


def test_expectations_read_as_sentences_26(page):
    assert "person_id is never null" in page
    assert "country is never null (in at least 80% of rows)" in page
    assert "canonical_name has at least 3 characters" in page


def test_each_expectation_shows_its_history_26(tmp_path):
    db = failing_warehouse(tmp_path)
    html = write_dashboard(db, tmp_path / "site").read_text(encoding="utf-8")
    row = html[html.index(f'<span class="sentence">{INVARIANT}</span>'):]
    row = row[:row.index("</tr>")]
    assert re.findall(r'class="cell (\w+)"', row) == ["ok", "ok", "no"]


def test_a_row_count_change_beyond_the_bound_is_flagged_26(tmp_path):
    runs = [_run("r1", 0, "success", None, 40, 0), _run("r2", 5, "success", None, 41, 0),
            _run("r3", 10, "success", None, 12, 0)]
    html = write_dashboard(build_warehouse(tmp_path / "wh.duckdb", runs, [], []), tmp_path / "site").read_text()
    flagged = html[html.index('id="anomalies"'):]
    flagged = flagged[:flagged.index("</ul>")]
    assert "<strong>people</strong> 41 → 12 (-71%)" in flagged and "r3" in flagged
    assert flagged.count("<li>") == 1
    assert 'class="anomaly"' in html
    steady = [_run("r1", 0, "success", None, 40, 0), _run("r2", 5, "success", None, 44, 0)]
    html = write_dashboard(build_warehouse(tmp_path / "w2.duckdb", steady, [], []), tmp_path / "s2").read_text()
    assert "No row-count anomaly" in html and 'class="anomaly"' not in html


@pytest.mark.slow
def test_gx_data_docs_of_the_kept_runs_are_built_and_linked_26(seeds_db, tmp_path):
    import json

    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResult

    from flows.warehouse.access import connect_read_only

    with connect_read_only(seeds_db) as con:
        run_id = con.execute("select run_id from runs order by started_at desc limit 1").fetchone()[0]
    kept = Path(str(seeds_db) + ".gx") / run_id / "events.json"
    assert ExpectationSuiteValidationResult(**json.loads(kept.read_text())).success
    html = write_dashboard(seeds_db, tmp_path / "site").read_text(encoding="utf-8")
    docs = tmp_path / "site" / "data_docs"
    assert '<a href="data_docs/index.html">' in html and (docs / "index.html").exists()
    warehouse = list(docs.glob(f"validations/warehouse/{run_id}/*/warehouse.html"))
    assert warehouse and "every person has evidence" in warehouse[0].read_text()
    assert list(docs.glob(f"validations/events/{run_id}/*/events.html"))

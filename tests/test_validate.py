"""Great Expectations suites give the same verdicts when a big table is validated in slices."""

import polars as pl

from flows.warehouse.validate import run_suites

SUITE = {"expectations": [
    {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "event_id"}},
    {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "country", "mostly": 0.8}},
    {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_sources", "min_value": 1}},
]}


def _events(n: int) -> pl.DataFrame:
    return pl.DataFrame({"event_id": [f"E{i:05d}" for i in range(n)],
                         "country": ["Utopia" if i % 10 else None for i in range(n)],  # 10% missing
                         "n_sources": [1 + i % 3 for i in range(n)]})


def _verdicts(frame: pl.DataFrame, chunk_rows: int) -> list[tuple]:
    dq = run_suites({"events": frame}, "test-run", suites={"events": SUITE}, chunk_rows=chunk_rows)
    return list(dq.select("expectation", "success", "observed").iter_rows())


def test_slices_agree_with_the_whole_table():
    frame = _events(2_000)
    assert _verdicts(frame, 300) == _verdicts(frame, 1_000_000)
    assert all(ok for _, ok, _ in _verdicts(frame, 300))


def test_a_duplicate_is_caught_whichever_slices_its_copies_would_fall_in():
    frame = _events(2_000)
    duplicated = pl.concat([frame, frame.slice(1_500, 1)])  # same id at the two ends of the table
    unique = dict((e.split("(")[0], (ok, obs)) for e, ok, obs in _verdicts(duplicated, 300))
    assert unique["expect_column_values_to_be_unique"] == (False, "2 unexpected of 2001")


def test_mostly_applies_to_the_whole_table_not_to_each_slice():
    # 10% missing countries, all in the first rows: the first slice alone (2/3 missing) would fail
    suite = {"expectations": [SUITE["expectations"][1]]}  # no unique column: slices are row ranges
    frame = _events(2_000).with_columns(
        country=pl.when(pl.int_range(pl.len()) < 200).then(None).otherwise(pl.lit("Utopia")))
    dq = run_suites({"events": frame}, "test-run", suites={"events": suite}, chunk_rows=300)
    assert dq.select("success", "observed").row(0) == (True, "200 unexpected of 2000")
    worse = frame.with_columns(country=pl.when(pl.int_range(pl.len()) < 500).then(None).otherwise(pl.col("country")))
    dq = run_suites({"events": worse}, "test-run", suites={"events": suite}, chunk_rows=300)
    assert dq.select("success", "observed").row(0) == (False, "500 unexpected of 2000")


# issue 26: suites as Great Expectations writes and loads them

import json  # noqa: E402

import pytest  # noqa: E402

from flows.warehouse.validate import EXPECTATIONS_DIR  # noqa: E402

SUITE_FILES = sorted(EXPECTATIONS_DIR.glob("*.json"))


@pytest.fixture(scope="module")
def gx_context():
    import great_expectations as gx

    return gx.get_context(mode="ephemeral")


@pytest.mark.parametrize("path", SUITE_FILES, ids=[p.stem for p in SUITE_FILES])
def test_every_suite_file_is_one_gx_loads_and_writes_back_the_same_26(path, gx_context):
    import great_expectations as gx

    data = json.loads(path.read_text())
    suite = gx.ExpectationSuite(**data)
    assert suite.name == path.stem and len(suite.expectations) == len(data["expectations"])
    # severity lives in GX's own field, not in our meta
    assert all(e.severity.value in ("critical", "warning") for e in suite.expectations)
    assert not any("severity" in (e.meta or {}) for e in suite.expectations)
    written = suite.to_json_dict()
    assert [e["type"] for e in written["expectations"]] == [e["type"] for e in data["expectations"]]
    assert [e["severity"] for e in written["expectations"]] == [e["severity"] for e in data["expectations"]]


def test_a_file_backed_gx_project_loads_the_suites_by_name_26(tmp_path):
    import shutil

    import great_expectations as gx

    context = gx.get_context(mode="file", project_root_dir=str(tmp_path))
    store = tmp_path / "gx" / "expectations"
    for path in SUITE_FILES:
        shutil.copy(path, store / path.name)
    assert context.suites.get("events").expectations
    warehouse = context.suites.get("warehouse")
    assert {type(e).__name__ for e in warehouse.expectations} == {"UnexpectedRowsExpectation"}
    assert len(warehouse.expectations) == len(json.loads((EXPECTATIONS_DIR / "warehouse.json").read_text())["expectations"]) == 16


def test_warehouse_invariants_are_unexpected_rows_queries_that_return_the_offending_rows_26():
    import duckdb

    from flows.warehouse.validate import load_invariants, run_invariants

    invariants = load_invariants()
    assert all(e["type"] == "unexpected_rows_expectation" and "{batch}" in e["kwargs"]["unexpected_rows_query"]
               for e in invariants)
    con = duckdb.connect()
    con.execute("create table documents (doc_id varchar, status varchar, reject_reason varchar)")
    con.execute("insert into documents values ('d1', 'loaded', null), ('d2', 'rejected', null), ('d3', 'rejected', 'empty')")
    check = next(e for e in invariants if e["description"] == "rejected documents have a reason")
    dq, offenders = run_invariants(con, "r1", [check])
    assert dq.row(0, named=True)["success"] is False and dq["observed"][0] == "1 violating rows"
    assert dq["severity"][0] == "critical" and dq["table_name"][0] == "documents"
    assert offenders["rejected documents have a reason"]["doc_id"].to_list() == ["d2"]

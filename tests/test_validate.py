"""Great Expectations suites give the same verdicts when a big table is validated in slices."""

import polars as pl

from flows.validate import run_suites

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

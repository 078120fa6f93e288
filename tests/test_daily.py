"""The daily run (issue 24): a load in place writes what a whole rewrite writes, whatever the days."""

import shutil
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

TABLES = ("documents", "people", "person_mentions", "events", "event_people", "sanctions", "evidence",
          "conflicts", "tallies")
STAGING = ("stg_name_candidates", "stg_event_mentions", "stg_sanction_mentions", "stg_sentences", "stg_freed_names")


def tables(db: Path, ordered_staging: bool = True) -> dict:
    """Every table's rows (documents without the run that wrote them); staging rows in stored order, which
    resolve's tie-breaks read."""
    with duckdb.connect(str(db), read_only=True) as con:
        out = {t: con.execute(f"select * exclude (run_id) from {t} order by all" if t == "documents" else
                              f"select * from {t} order by all").fetchall() for t in TABLES}
        for t in STAGING:
            out[t] = con.execute(f"select * from {t}" + ("" if ordered_staging else " order by all")).fetchall()
    return out


def _days(tmp_path: Path) -> list:
    """Three days of a folder: 24 documents, 24 more, then 24 more while 3 go and 1 changes."""
    from bench.synth import generate_corpus

    pool = tmp_path / "pool"
    generate_corpus(72, pool, seed=5)
    files = sorted(p for p in pool.iterdir() if p.suffix == ".txt")
    src = tmp_path / "src"

    def day(k: int):
        def apply():
            src.mkdir(exist_ok=True)
            for p in files[(k - 1) * 24:k * 24]:
                shutil.copy(p, src / p.name)
                side = p.with_suffix(".json")
                if side.exists():
                    shutil.copy(side, src / side.name)
            if k == 3:
                for p in files[:3]:
                    (src / p.name).unlink()
                changed = src / files[5].name
                changed.write_text(changed.read_text() + "\nOpposition leader Carlos Mesa welcomed it.\n")
        return apply

    return src, [day(1), day(2), day(3)]


@pytest.mark.slow
def test_daily_loads_in_place_equal_the_whole_rewrite_and_a_full_refresh(harness, tmp_path, monkeypatch):
    """The same days loaded in place and by main's whole rewrite (a copy of the warehouse with every fact
    table emptied and written again) give the same warehouse, staging rows in the same stored order; a
    full refresh of the last day's folder gives the same tables again. The merges in place run under a small
    DuckDB memory cap (config.DAILY_LOAD_MEMORY_LIMIT; 24MB is too little here, 48MB enough), met by spilling."""
    import flows.warehouse.load as load
    from flows.core import config
    from flows.orchestration.flow import dossier_flow

    monkeypatch.setattr(config, "DAILY_LOAD_MEMORY_LIMIT", "64MB")
    src, days = _days(tmp_path)
    in_place, rewrite = tmp_path / "in_place.duckdb", tmp_path / "rewrite.duckdb"
    writes = []
    real = load._write_in_place
    monkeypatch.setattr(load, "_write_in_place", lambda *a, **k: writes.append(a[0]) or real(*a, **k))
    for apply in days:
        apply()
        dossier_flow(source=str(src), db=str(in_place))
        with monkeypatch.context() as m:
            m.setattr(load, "_keeps_documents", lambda db, paths: False)  # every load the whole rewrite
            dossier_flow(source=str(src), db=str(rewrite))
        assert tables(in_place) == tables(rewrite)
    assert writes.count(in_place) == 2  # days 2 and 3 went in place
    # a full refresh of the warehouse (every document read, resolved and loaded again; ids kept)
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copyfile(in_place, refreshed)
    dossier_flow(source=str(src), db=str(refreshed), full_refresh=True)
    assert tables(refreshed, ordered_staging=False) == tables(in_place, ordered_staging=False)
    # from nothing, the same facts (ids are made afresh: a daily run keeps the id a cluster had the day before)
    fresh = tmp_path / "fresh.duckdb"
    dossier_flow(source=str(src), db=str(fresh))
    a, b = tables(fresh, ordered_staging=False), tables(in_place, ordered_staging=False)
    for t in STAGING + ("documents", "tallies"):
        assert a[t] == b[t], t
    for t, cols in (("people", "canonical_name, aliases, roles, n_documents, n_mentions"),
                    ("events", "event_type, country, prisoner_count, count_qualifier, event_date, n_sources"),
                    ("sanctions", "issuer, target, action, n_sources")):
        assert _q(fresh, f"select {cols} from {t} order by all") == _q(in_place, f"select {cols} from {t} order by all"), t


@pytest.mark.slow
def test_a_merge_over_its_memory_cap_is_done_again_under_the_whole_loads(harness, tmp_path, monkeypatch):
    """A day whose merge in place needs more than DAILY_LOAD_MEMORY_LIMIT (DuckDB: out of memory) is rolled back
    and merged again under LOAD_MEMORY_LIMIT: the run succeeds, with the warehouse a capped merge writes, and its
    data-quality results counted once."""
    import flows.warehouse.load as load
    from flows.core import config
    from flows.orchestration.flow import dossier_flow

    src, days = _days(tmp_path)
    tight, roomy = tmp_path / "tight.duckdb", tmp_path / "roomy.duckdb"
    limits = []
    real = load._write_in_place

    def spy(*a, **k):
        limits.append(k.get("memory_limit") or config.DAILY_LOAD_MEMORY_LIMIT)
        return real(*a, **k)

    monkeypatch.setattr(load, "_write_in_place", spy)
    days[0]()
    dossier_flow(source=str(src), db=str(tight))
    shutil.copyfile(tight, roomy)
    days[1]()
    with monkeypatch.context() as m:
        m.setattr(config, "DAILY_LOAD_MEMORY_LIMIT", "8MB")  # far too little for the day's merge
        dossier_flow(source=str(src), db=str(tight))
    assert limits == ["8MB", config.LOAD_MEMORY_LIMIT]
    dossier_flow(source=str(src), db=str(roomy))
    assert tables(tight) == tables(roomy)
    count = "select count(*), count(distinct expectation || table_name) from dq_results where run_id = " \
            "(select max(run_id) from dq_results)"
    assert _q(tight, count) == _q(roomy, count)


def _q(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.slow
def test_a_critical_failure_in_place_keeps_the_last_state(seeds_copy, harness, monkeypatch, tmp_path):
    """A corrupted evidence span found inside the in-place transaction: rolled back, nothing kept."""
    import polars as pl

    import flows.orchestration.flow as flow_module
    from flows.orchestration.flow import dossier_flow
    from flows.orchestration.steps import DataQualityError
    from flows.resolution.assemble import assemble_tables
    from tests.conftest import SEEDS
    from tests.test_robustness import GOOD

    def corrupt(stage, previous, stored=None):
        out = assemble_tables(stage, previous, stored)
        out["evidence"] = out["evidence"].with_columns(
            char_start=pl.when(pl.int_range(pl.len()) == 0).then(pl.col("char_start") + 1).otherwise(pl.col("char_start")))
        return out

    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    (src / "900_extra.txt").write_text(GOOD)
    before = tables(seeds_copy)
    monkeypatch.setattr(flow_module, "assemble_tables", corrupt)
    with pytest.raises(DataQualityError, match="evidence quote equals document text"):
        dossier_flow(source=str(src), db=str(seeds_copy))
    assert tables(seeds_copy) == before
    assert not Path(f"{seeds_copy}.wal").exists() or Path(f"{seeds_copy}.wal").stat().st_size == 0


def test_a_lazy_table_is_counted_whole_and_read_only_in_its_scope():
    """A daily run's events and tallies leave resolution as lazy frames: the run's counts are the whole tables',
    and what goes on (validation, the load) is the scope's rows only, as frames."""
    import polars as pl

    from flows.orchestration import pipeline

    events = pl.LazyFrame({"event_id": ["E1", "E2", "E3", "E4"], "country": ["A", "B", "C", "D"]})
    tallies = pl.LazyFrame({"doc_id": ["d1", "d2", "d2"], "n": [1, 2, 3]})
    people = pl.DataFrame({"person_id": ["P1"]})
    scopes = {"events": pl.Series(["E2", "E4"]), "tallies": pl.Series(["d2"])}
    cut, counts = pipeline.cut_to_scopes({"events": events, "tallies": tallies, "people": people}, scopes)
    assert counts["events"] == 4 and counts["people"] == 1
    assert isinstance(cut["events"], pl.DataFrame) and cut["events"]["event_id"].to_list() == ["E2", "E4"]
    assert cut["tallies"]["n"].to_list() == [2, 3] and cut["people"].equals(people)
    # a full run (no scopes) goes on with every table whole, read
    whole, counts = pipeline.cut_to_scopes({"events": events, "people": people}, None)
    assert whole["events"].height == 4 and isinstance(whole["events"], pl.DataFrame) and counts["events"] == 4


def test_a_merge_writes_only_the_groups_that_changed(tmp_path):
    """Of a fact table, only the groups (here documents) whose rows differ are deleted and written again."""
    import polars as pl

    import flows.warehouse.load as load

    def rows(docs):
        return pl.DataFrame({"doc_id": [d for d in docs for _ in range(3)], "char_start": list(range(3 * len(docs))),
                             "char_end": list(range(1, 3 * len(docs) + 1)), "count": [1] * (3 * len(docs))})

    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(load.schema_sql())
        assert load._merge(con, "tallies", rows(["a", "b", "c"])) == 3
        assert load._merge(con, "tallies", rows(["a", "b", "c"])) == 0
        changed = rows(["a", "b", "c"]).with_columns(count=pl.when(pl.col("char_start") == 4).then(2).otherwise(1))
        assert load._merge(con, "tallies", changed) == 1  # b
        assert load._merge(con, "tallies", changed.filter(pl.col("doc_id") != "a")) == 1  # a goes
        assert con.execute("select doc_id, count(*), sum(count) from tallies group by 1 order by 1").fetchall() == [
            ("b", 3, 4), ("c", 3, 3)]
        assert load._merge(con, "tallies", None) == 2
        assert con.execute("select count(*) from tallies").fetchone()[0] == 0


@contextmanager
def _stricter_events_suite():
    """The suites with one more critical expectation that every stored event fails (event_type in {"none"}): a
    change of suites, which must validate every stored row again."""
    import flows.warehouse.validate as validate

    suites = validate.load_suites()
    stricter = {**suites, "events": {**suites["events"], "expectations": suites["events"]["expectations"] + [
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "event_type", "value_set": ["none"]},
         "severity": "critical"}]}}
    real = validate.load_suites
    validate.load_suites = lambda *a, **k: stricter
    try:
        yield
    finally:
        validate.load_suites = real


def _stored(db, names):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select * from {t}").pl() for t in names}


def test_incremental_validation_checks_new_rows_and_fails_whatever_the_whole_would_fail(seeds_copy):
    """Nothing that fails today passes incrementally: a bad new row fails; a stored row that a changed suite
    now rejects fails (changed suites validate everything); unchanged rows are not validated again."""
    import polars as pl

    import flows.warehouse.validate as validate

    names = ("people", "events", "sanctions", "person_mentions", "event_people", "documents")
    stored = _stored(seeds_copy, names)
    stored["documents"] = stored["documents"].drop("text")
    delta = validate.changed_rows(seeds_copy, {t: f for t, f in stored.items() if t != "documents"})
    assert all(f.is_empty() for f in delta.values())  # nothing changed: nothing of the fact tables to validate
    dq = validate.run_suites_incremental(seeds_copy, stored, "r-same")
    assert dq["success"].all()
    full = validate.run_suites(stored, "r-full")
    assert sorted(dq.select("table_name", "expectation").rows()) == sorted(full.select("table_name", "expectation").rows())

    bad = dict(stored)
    bad["events"] = stored["events"].with_columns(
        event_type=pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("bogus")).otherwise(pl.col("event_type")))
    dq = validate.run_suites_incremental(seeds_copy, bad, "r-bad")
    assert not dq.filter(pl.col("table_name") == "events")["success"].all()

    with _stricter_events_suite():
        dq = validate.run_suites_incremental(seeds_copy, stored, "r-stricter")
    failed = dq.filter(~pl.col("success"))
    assert failed.height == 1 and "none" in failed["expectation"][0]


def test_incremental_validation_does_not_fall_back_to_everything_after_a_real_run(seeds_copy):
    """A warehouse that a real run wrote records the load's SQL invariants in dq_results beside the GX
    suites: that is no change of the suites, so a daily run still validates only its new rows (it used to
    read the invariants as 'suites changed' and validate every stored row, every day)."""
    import duckdb

    import flows.warehouse.validate as validate

    con = duckdb.connect(str(seeds_copy), read_only=True)
    recorded = {d for (d,) in con.execute("select expectation from dq_results").fetchall()}
    con.close()
    assert {c["description"] for c in validate.load_invariants()} <= recorded  # the run recorded its invariants

    names = ("people", "events", "sanctions", "person_mentions", "event_people", "documents")
    stored = _stored(seeds_copy, names)
    stored["documents"] = stored["documents"].drop("text")
    calls = []
    real = validate.run_suites
    validate.run_suites = lambda tables, *a, **k: calls.append(sorted(tables)) or real(tables, *a, **k)
    try:
        dq = validate.run_suites_incremental(seeds_copy, stored, "r-daily")
    finally:
        validate.run_suites = real
    assert len(calls) == 2, calls  # the new rows' suites and the `mostly` ones on whole tables; no third, whole pass
    assert dq["success"].all()


def test_the_quote_check_of_a_daily_load_reads_the_touched_documents_only(seeds_copy):
    """`evidence quote equals document text` reads a row and its own document: in a daily load it looks at
    the documents the load touched (the temp table the load fills); elsewhere (copy loads) at every row."""
    import flows.warehouse.validate as validate
    from flows.warehouse.access import TOUCHED_DOCS

    db = seeds_copy  # a copy of its own
    check = [c for c in validate.load_invariants() if c["description"].startswith("evidence quote equals")]
    with duckdb.connect(str(db)) as con:
        first, second = [d for (d,) in con.execute(
            "select distinct doc_id from evidence where quote is not null order by 1 limit 2").fetchall()]
        con.execute("update evidence set quote = quote || 'x' where doc_id = ?", [second])  # a bad row
        whole, _ = validate.run_invariants(con, "r")  # no temp table: every row
        assert not whole.filter(whole["expectation"] == check[0]["description"])["success"].item()
        con.execute(f"create temp table {TOUCHED_DOCS} as select ? as doc_id", [first])
        scoped, _ = validate.run_invariants(con, "r", check)
        assert scoped["success"].item()  # the bad row's document was not touched: not looked at
        con.execute(f"insert into {TOUCHED_DOCS} values (?)", [second])
        scoped, offenders = validate.run_invariants(con, "r", check)
        assert not scoped["success"].item() and offenders  # touched: caught


def test_a_day_that_only_removes_files_equals_a_fresh_build_of_what_is_left(harness, tmp_path):
    """A run that reads nothing (a file removed, no file new or changed) drops the file's facts and keeps the rest;
    it used to stop with a ColumnNotFoundError on the empty frame of new documents."""
    from flows.orchestration.flow import dossier_flow
    from tests.conftest import SEEDS

    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    db = tmp_path / "daily.duckdb"
    dossier_flow(source=str(src), db=str(db))
    gone = sorted(src.glob("*.txt"))[0]
    gone.unlink()
    dossier_flow(source=str(src), db=str(db))
    assert _q(db, f"select count(*) from documents where source_path = '{gone.name}'") == [(0,)]
    fresh = tmp_path / "fresh.duckdb"
    dossier_flow(source=str(src), db=str(fresh))
    for t, cols in (("documents", "source_path, status"),
                    ("people", "canonical_name, aliases, roles, n_documents, n_mentions"),
                    ("events", "event_type, country, prisoner_count, count_qualifier, event_date, n_sources"),
                    ("sanctions", "issuer, target, action, n_sources")):
        assert _q(fresh, f"select {cols} from {t} order by all") == _q(db, f"select {cols} from {t} order by all"), t


def test_tables_cut_to_their_scopes_are_validated_as_the_whole_tables(seeds_copy):
    """A daily run hands validation its tables cut to their scopes (`pipeline.cut_to_scopes`): a share of a
    whole table (`mostly`) is still measured on every row, the stored ones outside the scope read back from
    the warehouse, and changed suites still validate every stored row, not only the scope's."""
    import polars as pl

    import flows.warehouse.validate as validate
    from flows.orchestration import pipeline

    names = ("people", "events", "sanctions", "person_mentions", "event_people", "documents")
    stored = _stored(seeds_copy, names)
    stored["documents"] = stored["documents"].drop("text")
    n_events = stored["events"].height
    assert n_events > 2
    one = stored["events"]["event_id"].head(1)
    scopes = {"events": one, "person_mentions": stored["person_mentions"]["doc_id"].head(1)}
    whole = dict(stored)
    cut, counts = pipeline.cut_to_scopes(whole, scopes)
    assert not whole and counts["events"] == n_events and cut["events"].height == 1
    assert set(validate.whole_tables(seeds_copy, {"events": cut["events"]}, scopes)["events"]["event_id"]) == \
        set(stored["events"]["event_id"])

    def observed(dq, column):
        row = dq.filter((pl.col("table_name") == "events") & pl.col("expectation").str.contains(f"column={column}")
                        & pl.col("expectation").str.contains("mostly"))
        return row["observed"].to_list()

    dq = validate.run_suites_incremental(seeds_copy, cut, "r-cut", scopes=scopes)
    assert dq["success"].all()
    assert observed(dq, "country") and all(o.endswith(f" of {n_events}") for o in observed(dq, "country"))

    with _stricter_events_suite():
        dq = validate.run_suites_incremental(seeds_copy, cut, "r-stricter", scopes=scopes)
    failed = dq.filter(~pl.col("success"))
    assert failed.height == 1 and failed["observed"][0] == f"{n_events} unexpected of {n_events}"

"""Validate stage: Great Expectations suites from `expectations/` plus warehouse invariants.

Every file in `expectations/` is an ExpectationSuite as GX 1.x writes it
(`name`, `expectations` with `type`, `kwargs`, `meta` and GX's own `severity`
field, `notes`): `gx.ExpectationSuite(**json.load(f))` loads it. One suite per
table (`expectations/<table>.json`) runs on the run's frames with GX;
`expectations/warehouse.json` holds the warehouse-wide invariants as GX
`UnexpectedRowsExpectation`s (evidence quote equals its span, every fact has
evidence, ...): each query returns the rows that break the rule. GX runs those
only on SQLAlchemy or Spark sources and has no DuckDB dialect in the lock, so
Dossier runs their queries itself on the candidate warehouse before it is
swapped in, `{batch}` standing for the table in `meta.batch_table`. Every
result is a `dq_results` row; a failed `critical` expectation stops the load.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from functools import lru_cache
from pathlib import Path

import polars as pl

from flows.core.config import KEEP_RESULTS_RUNS
from flows.core.paths import EXPECTATIONS_DIR, gx_results_path

DQ_SCHEMA = {"run_id": pl.String, "table_name": pl.String, "expectation": pl.String, "severity": pl.String,
             "success": pl.Boolean, "observed": pl.String, "checked_at": pl.Datetime("us")}


def load_suites(directory: Path = EXPECTATIONS_DIR) -> dict[str, dict]:
    """Table name -> suite definition, from every `<table>.json` except warehouse.json."""
    return {p.stem: json.loads(p.read_text()) for p in sorted(directory.glob("*.json")) if p.stem != "warehouse"}


def load_invariants(directory: Path = EXPECTATIONS_DIR) -> list[dict]:
    """The warehouse suite's UnexpectedRowsExpectations, as GX stores them."""
    return json.loads((directory / "warehouse.json").read_text())["expectations"]


def import_great_expectations() -> None:
    """Create the GX context now (a ~3 s import), e.g. while Prefect's server boots."""
    gx_context()


@lru_cache(maxsize=1)
def gx_context():
    """One ephemeral GX context per process, progress bars off."""
    import great_expectations as gx

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # older/newer GX without the knob: bars only, not fatal
        pass
    return context, context.data_sources.add_pandas("dossier")


def _describe(kwargs: dict) -> str:
    args = {k: v for k, v in kwargs.items() if k not in ("batch_id",)}
    return ", ".join(f"{k}={v}" for k, v in args.items())


def _observed(result: dict) -> str:
    if "unexpected_count" in result:
        return f"{result['unexpected_count']} unexpected of {result.get('element_count', '?')}"
    if "observed_value" in result:
        return str(result["observed_value"])[:200]
    return ""


def _columns_used(spec: dict, frame: pl.DataFrame) -> list[str]:
    """Only the columns a suite looks at go to pandas (memory and time)."""
    wanted = {c for e in spec["expectations"] for k in ("column", "column_A", "column_B")
              if (c := e["kwargs"].get(k))}
    wanted |= {c for e in spec["expectations"] for c in e["kwargs"].get("column_set", [])}
    return [c for c in frame.columns if c in wanted]


def _to_pandas(frame: pl.DataFrame):
    # list columns become strings: GX's pandas metrics do not handle arrays
    lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    if lists:
        frame = frame.with_columns(pl.col(c).list.join("|") for c in lists)
    return frame.to_pandas()


# rows validated at once: GX works on a pandas copy, so a big table goes through in slices
VALIDATION_CHUNK_ROWS = 100_000


def _slices(frame: pl.DataFrame, spec: dict, chunk_rows: int) -> list[pl.DataFrame]:
    """The frame in slices of about `chunk_rows`; a column that must be unique decides the slice of
    each row (by hash), so that a duplicate can never hide across two slices."""
    n = -(-frame.height // chunk_rows)
    if n <= 1:
        return [frame]
    unique = [e["kwargs"]["column"] for e in spec["expectations"] if e["type"] == "expect_column_values_to_be_unique"]
    if not unique:
        return [frame.slice(i * chunk_rows, chunk_rows) for i in range(n)]
    part = frame.select((pl.col(unique[0]).hash(seed=0) % n).alias("_slice"))["_slice"]
    return [frame.filter(part == i) for i in range(n)]


def _combine(results: list, exp_type: str, kwargs: dict) -> tuple[bool, str]:
    """One verdict from the slices' results: counts add up; `mostly` applies to the whole table."""
    infos = [r.result or {} for r in results]
    if len(results) == 1 or not all("unexpected_count" in i for i in infos):
        return all(bool(r.success) for r in results), _observed(infos[0])
    unexpected = sum(i["unexpected_count"] or 0 for i in infos)
    elements = sum(i.get("element_count") or 0 for i in infos)
    missing = sum(i.get("missing_count") or 0 for i in infos)
    denominator = elements if exp_type == "expect_column_values_to_not_be_null" else elements - missing
    mostly = kwargs.get("mostly")
    if mostly is not None and denominator:
        success = 1 - unexpected / denominator >= mostly
    else:
        success = all(bool(r.success) for r in results)
    return success, f"{unexpected} unexpected of {elements}"


def run_suites(tables: dict[str, pl.DataFrame], run_id: str, suites: dict[str, dict] | None = None,
               chunk_rows: int = VALIDATION_CHUNK_ROWS, gx_results: dict | None = None) -> pl.DataFrame:
    """Validate each frame with its GX suite; one dq_results row per expectation. With `gx_results`, each
    suite's GX validation result (JSON, as GX writes it; verdicts of a sliced table combined) goes there
    by table, for Data Docs."""
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    suites = suites if suites is not None else load_suites()
    context, source = gx_context()
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = []
    for table, spec in suites.items():
        frame = tables.get(table)
        if frame is None:
            continue
        name = f"{table}_{run_id}".replace("-", "_")
        suite = gx.ExpectationSuite(name=name)
        for exp in spec["expectations"]:
            suite.add_expectation_configuration(ExpectationConfiguration(
                type=exp["type"], kwargs=exp["kwargs"], meta=exp.get("meta") or {},
                severity=exp.get("severity") or "critical"))
        asset = source.add_dataframe_asset(name=name)
        batch_definition = asset.add_batch_definition_whole_dataframe("all")
        per_slice, suite_result = [], None
        for part in _slices(frame.select(_columns_used(spec, frame)), spec, chunk_rows):
            batch = batch_definition.get_batch(batch_parameters={"dataframe": _to_pandas(part)})
            result = batch.validate(suite)
            suite_result = suite_result or result
            per_slice.append(result.results)
            del batch
        verdicts = []
        for i, first in enumerate(per_slice[0]):
            cfg = first.expectation_config
            same = [results[i] for results in per_slice]
            assert all(r.expectation_config.type == cfg.type for r in same), "GX reordered a suite's results"
            success, observed = _combine(same, cfg.type, cfg.kwargs)
            verdicts.append((success, same))
            rows.append((run_id, table, f"{cfg.type}({_describe(cfg.kwargs)})", _severity(cfg),
                         success, observed, now))
        if gx_results is not None:
            gx_results[table] = _result_json(suite_result, table, verdicts)
        source.delete_asset(name)
    return pl.DataFrame(rows, schema=DQ_SCHEMA, orient="row")


def _result_json(suite_result, table: str, verdicts: list[tuple[bool, list]]) -> dict:
    """A suite's GX validation result as JSON, named after its table; for a table validated in slices,
    each expectation's success and unexpected counts are the whole table's."""
    data = suite_result.to_json_dict()
    data["suite_name"] = table
    for entry, (success, same) in zip(data["results"], verdicts):
        entry["success"] = success
        infos = [r.result or {} for r in same]
        if len(same) > 1 and all("unexpected_count" in i for i in infos):
            entry["result"]["unexpected_count"] = sum(i["unexpected_count"] or 0 for i in infos)
            entry["result"]["element_count"] = sum(i.get("element_count") or 0 for i in infos)
    n_ok = sum(1 for ok, _ in verdicts if ok)
    data["success"] = n_ok == len(verdicts)
    data["statistics"].update(evaluated_expectations=len(verdicts), successful_expectations=n_ok,
                              unsuccessful_expectations=len(verdicts) - n_ok,
                              success_percent=100.0 * n_ok / len(verdicts) if verdicts else None)
    return data


# the GX validation results of this many most recent runs are kept for Data Docs


def results_folder(db: Path) -> Path:
    """Where runs keep their GX validation results: `<db>.gx/<run_id>/<suite>.json`."""
    return gx_results_path(db)


def save_validation_results(db: Path, run_id: str, results: dict[str, dict]) -> Path:
    """Write one run's GX validation results beside the warehouse; older runs' beyond the last
    KEEP_RESULTS_RUNS go."""
    import shutil

    folder = results_folder(db) / run_id
    folder.mkdir(parents=True, exist_ok=True)
    for suite, data in results.items():
        (folder / f"{suite}.json").write_text(json.dumps(data, default=str))
    runs = sorted(p for p in results_folder(db).iterdir() if p.is_dir())
    for old in runs[:-KEEP_RESULTS_RUNS]:
        shutil.rmtree(old, ignore_errors=True)
    return folder


def _severity(cfg) -> str:
    """GX's own severity field ('critical', 'warning', 'info') as text."""
    value = getattr(cfg, "severity", None) or "critical"
    return getattr(value, "value", value)


def unexpected_rows_query(expectation: dict, touched_docs: bool = False) -> str:
    """An UnexpectedRowsExpectation's query with `{batch}` as the table it stands for (meta.batch_table).

    With `touched_docs`, a check whose `meta.daily_scope` names the table's document column looks only at
    the rows of the documents the daily load touched: such a check reads nothing but a row and its own
    document, so a row outside them is the row that passed it when it was loaded, against the same text.
    """
    from flows.warehouse.access import TOUCHED_DOCS

    meta = expectation.get("meta", {})
    query = expectation["kwargs"]["unexpected_rows_query"]
    batch = meta.get("batch_table", "")
    if touched_docs and meta.get("daily_scope"):
        batch = f'(select * from {batch} where "{meta["daily_scope"]}" in (select doc_id from {TOUCHED_DOCS}))'
    return query.replace("{batch}", batch)


def run_invariants(con, run_id: str, invariants: list[dict] | None = None) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """The warehouse suite's UnexpectedRowsExpectations on a warehouse connection -> (dq rows, offending
    rows per failed check). A check passes when its query returns no row."""
    invariants = invariants if invariants is not None else load_invariants()
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows, offenders = [], {}
    from flows.warehouse.access import TOUCHED_DOCS

    # a daily load in place says which documents it touched; a copy (first load, full refresh) checks all
    touched = con.execute("select count(*) from duckdb_tables() where temporary and table_name = ?",
                          [TOUCHED_DOCS]).fetchone()[0] > 0
    for check in invariants:
        query = unexpected_rows_query(check, touched)
        name, table = check["description"], check.get("meta", {}).get("table", "warehouse")
        bad = con.execute(f"select count(*) from ({query})").fetchone()[0]
        rows.append((run_id, table, name, check.get("severity") or "critical", bad == 0, f"{bad} violating rows", now))
        if bad:
            offenders[name] = con.execute(query + " limit 10000").pl()
    return pl.DataFrame(rows, schema=DQ_SCHEMA, orient="row"), offenders


# the columns that decide whether a stored group of rows changed, when not all of them: evidence is validated
# before its quotes are joined (they follow from the span and the document, both compared)
COMPARED_COLUMNS = {"evidence": ("fact_table", "fact_id", "doc_id", "char_start", "char_end")}


def changed_rows(db: Path, tables: dict[str, pl.DataFrame], scopes: dict[str, pl.Series] | None = None
                 ) -> dict[str, pl.DataFrame]:
    """Each fact table's rows in the groups (load.GROUP_KEYS: a document's rows, a person, an event, ...)
    that differ from the warehouse's, as the load's merge decides them; tables without a group key, or
    not yet stored, whole. One read-only look at the warehouse (no copy of it in memory). `scopes` (an
    incremental resolution's): per table, the only groups that may differ; the others are not compared."""
    from flows.warehouse.load import GROUP_KEYS, _column_types, _scope_sql, _source_sql, group_key_expr, group_key_sql
    from flows.warehouse.access import open_read_only, table_names

    out = dict(tables)
    scopes = scopes or {}
    with open_read_only(db) as con:
        present = table_names(con)
        for name, frame in tables.items():
            if GROUP_KEYS.get(name) is None:
                continue
            scoped = name in scopes
            key, key_expr = group_key_sql(name), group_key_expr(name)
            if scoped and frame is not None:
                frame = out[name] = frame.filter(key_expr.is_in(scopes[name].implode()))
            if name not in present or frame is None or frame.is_empty():
                continue
            types = _column_types(con, name)
            compared = COMPARED_COLUMNS.get(name)
            if compared:
                types = {c: t for c, t in types.items() if c in compared}
            new = _source_sql(con, name, frame, types)
            cols = ", ".join(f'"{c}"' for c in types)
            stored = _scope_sql(con, name, key, scopes.get(name))
            changed = con.execute(f"""
                with n as (select {key} as k, count(*) as c, sum(hash(t)::hugeint) as h from ({new}) t group by all),
                     o as (select {key} as k, count(*) as c, sum(hash(t)::hugeint) as h
                           from (select {cols} from {name}{stored}) t group by all)
                select n.k from n left join o on n.k is not distinct from o.k
                where n.c is distinct from o.c or n.h is distinct from o.h""").pl()
            for view in (f"_incoming_{name}", f"_scope_{name}"):
                with contextlib.suppress(Exception):
                    con.unregister(view)
            out[name] = frame.filter(key_expr.is_in(changed["k"].implode()))
    return out


def whole_tables(db: Path, tables: dict[str, pl.DataFrame], scopes: dict[str, pl.Series] | None,
                 columns: dict[str, list[str]] | None = None) -> dict[str, pl.DataFrame]:
    """The whole tables that scoped ones stand for (`pipeline.cut_to_scopes`): each frame with a scope, plus
    the warehouse's rows of every group outside that scope (which an incremental run keeps as stored). Only
    `columns[table]` where given (e.g. what a `mostly` expectation measures). Tables without a scope, or not
    yet stored, as they are."""
    from flows.warehouse.access import open_read_only, table_names
    from flows.warehouse.load import _column_types, group_key_sql, in_groups_sql

    scopes = scopes or {}
    out = {}
    with open_read_only(db) as con:
        present = table_names(con)
        for name, frame in tables.items():
            cols = (columns or {}).get(name, frame.columns)
            frame = frame.select(cols)
            if name not in scopes or name not in present:
                out[name] = frame
                continue
            stored_types = _column_types(con, name)
            view = f"_outside_{name}"
            con.register(view, pl.DataFrame({"k": scopes[name].cast(pl.String)}).to_arrow(
                compat_level=pl.CompatLevel.oldest()))
            select = ", ".join(f'"{c}"' if c in stored_types else f'null as "{c}"' for c in cols) or "1 as _"
            stored = con.execute(f"select {select} from {name} where not ({in_groups_sql(group_key_sql(name), view)})"
                                 ).pl()
            con.unregister(view)
            stored = stored.select(cols).cast(frame.schema, strict=False) if cols else stored.select()
            out[name] = pl.concat([stored, frame], how="vertical_relaxed") if cols else frame
    return out


def _split_mostly(suites: dict[str, dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Each suite as (its expectations on single rows, its `mostly` expectations): a share of a whole
    table is only ever measured on the whole table."""
    rows, whole = {}, {}
    for table, spec in suites.items():
        mostly = [e for e in spec["expectations"] if "mostly" in e["kwargs"]]
        rows[table] = {**spec, "expectations": [e for e in spec["expectations"] if "mostly" not in e["kwargs"]]}
        if mostly:
            whole[table] = {**spec, "expectations": mostly}
    return rows, whole


def last_success_expectations(db: Path) -> set[tuple[str, str]] | None:
    """(table, expectation) of the warehouse's last successful run, as its dq_results recorded them."""
    from flows.warehouse.access import open_read_only, table_names

    with open_read_only(db) as con:
        if not {"runs", "dq_results"} <= table_names(con):
            return None
        rows = con.execute("select table_name, expectation from dq_results where run_id = (select run_id from runs "
                           "where status = 'success' order by started_at desc limit 1)").fetchall()
    return set(rows) or None


def run_suites_incremental(db: Path, tables: dict[str, pl.DataFrame], run_id: str,
                           gx_results: dict | None = None, scopes: dict[str, pl.Series] | None = None) -> pl.DataFrame:
    """The daily run's suites: each fact table's expectations on single rows run on its new and changed
    rows only (`changed_rows`): a stored row that has not changed passed these very expectations when it
    was loaded. Unchanged, whole: `documents` (its source paths must be unique across the warehouse) and
    every `mostly` expectation (a share of the whole table). A unique column is its table's group key, so
    a changed group brings every row that could repeat it. When the suites differ from those of the last
    successful load (an expectation added or changed), everything is validated whole, as a full run does."""
    suites = load_suites()
    delta = changed_rows(db, {t: f for t, f in tables.items() if t != "documents"}, scopes)
    per_row, whole = _split_mostly(suites)
    results_rows, results_whole = ({}, {}) if gx_results is not None else (None, None)
    # a share of a whole table: the tables cut to their scopes are read whole again, in the columns measured
    measured = {t: tables[t] for t in whole if t in tables}
    measured = whole_tables(db, measured, scopes, {t: _columns_used(whole[t], f) for t, f in measured.items()})
    dq = pl.concat([
        run_suites({**delta, "documents": tables["documents"]} if "documents" in tables else delta, run_id,
                   suites=per_row, gx_results=results_rows),
        run_suites(measured, run_id, suites=whole, gx_results=results_whole),
    ])
    del measured
    before = last_success_expectations(db)
    if before is not None:  # the load's SQL invariants share dq_results: the suites are compared without them
        before -= {(c.get("meta", {}).get("table", "warehouse"), c["description"]) for c in load_invariants()}
        before = {(t, e) for t, e in before if t in tables}  # the tables this run validates
    if before is None or set(dq.select("table_name", "expectation").iter_rows()) != before:
        # new suites: every stored row too (evidence: the documents in scope, as resolution hands it)
        return run_suites(whole_tables(db, tables, {t: s for t, s in (scopes or {}).items() if t != "evidence"}),
                          run_id, gx_results=gx_results)
    if gx_results is not None:
        for table, data in results_rows.items():
            extra = results_whole.get(table)
            if extra:
                data["results"] = data["results"] + extra["results"]
                n = len(data["results"])
                n_ok = sum(1 for r in data["results"] if r.get("success"))
                data["success"] = n_ok == n
                data["statistics"].update(evaluated_expectations=n, successful_expectations=n_ok,
                                          unsuccessful_expectations=n - n_ok, success_percent=100.0 * n_ok / n)
            gx_results[table] = data
    return dq


def critical_failures(dq: pl.DataFrame) -> pl.DataFrame:
    return dq.filter(~pl.col("success") & (pl.col("severity") == "critical"))

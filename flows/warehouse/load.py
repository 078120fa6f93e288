"""Load stage: write a run's tables into the DuckDB warehouse atomically.

Two ways, one guarantee (a crash, a kill or a failed check at any point leaves
the previous state; see docs/architecture.md, "Storage"):

- the daily run writes the warehouse **in place**, in one short DuckDB
  transaction that writes only what changed: new and dropped documents and
  their staging rows, and of each fact table only the groups (a document's
  mentions, links and evidence; a person, event or sanction) whose rows differ
  from the stored ones. The checks run inside the transaction, which commits
  only if none is critical. Readers retry while the load holds the file
  (`open_read_only`, up to READ_WAIT_SECONDS) and the load waits for readers to
  let go (LOAD_WAIT_SECONDS).
- a first load or a full refresh (every document replaced) builds a copy, checks
  it and swaps it in with `os.replace` (atomic on POSIX): every row is new, and
  readers keep the old file meanwhile.

A lock file serialises writers.

Run history (`runs`, `dq_results`) is also kept in a sidecar file
`<warehouse>.ops.duckdb`, so a failed run is recorded without touching the
warehouse; each successful load copies the history into the warehouse too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

import duckdb
import polars as pl

from flows.core import config
from flows.core.config import LOAD_MEMORY_LIMIT, fault_point
from flows.core.paths import DIMENSIONS_SQL, VIEWS_SQL, next_path
from flows.warehouse.access import (
    FACT_TABLES,
    STAGING_TABLES,
    TOUCHED_DOCS,
    WarehouseError,
    busy_or_error,
    connect_retrying,
    insert_frame,
    open_read_only,
    schema_sql,
    table_columns,
    table_names,
)
from flows.warehouse.history import copy_history


def read_previous(db: Path) -> dict[str, pl.DataFrame]:
    """The current warehouse's documents, without their texts (empty when none)."""
    if not Path(db).exists():
        return {}
    with open_read_only(db) as con:
        tables = table_names(con)
        if "documents" not in tables:
            return {}
        return {"documents": con.execute("select * exclude (text) from documents").pl()}


# which person and event each mention of the current warehouse belongs to (ids stay stable across runs):
# stage key -> (the table it needs, the query)
PREVIOUS_IDS_SQL = {
    "person_mentions": ("person_mentions", "select doc_id, char_start, person_id from person_mentions"),
    "event_mentions": ("evidence", "select e.doc_id, e.char_start, v.event_type, e.fact_id as event_id from evidence e "
                                   "join events v on v.event_id = e.fact_id where e.fact_table = 'events'"),
    # a move keeps its id when a new source dates it anew (issue 25: the date is part of its grain)
    "sanction_mentions": ("evidence", "select e.doc_id, e.char_start, s.issuer, s.target, s.action, "
                                      "e.fact_id as sanction_id from evidence e join sanctions s "
                                      "on s.sanction_id = e.fact_id where e.fact_table = 'sanctions'"),
}


def _insert_parquet(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> None:
    """Append Parquet files to a table, streamed by DuckDB (never whole in memory)."""
    paths = [str(f) for f in files]
    in_files = {r[0] for r in con.execute("describe select * from read_parquet(?, union_by_name = true)",
                                          [paths]).fetchall()}
    quoted = ", ".join(f'"{c}"' for c in table_columns(con, table) if c in in_files)
    con.execute(f"insert into {table} ({quoted}) select {quoted} from read_parquet(?, union_by_name = true)", [paths])


def _append(con: duckdb.DuckDBPyConnection, table: str, rows: pl.DataFrame | list[Path] | None) -> None:
    """Append a frame, or Parquet files (e.g. the run's spool), to a table; nothing when empty."""
    if isinstance(rows, pl.DataFrame):
        if not rows.is_empty():
            insert_frame(con, table, rows)
    elif rows:
        _insert_parquet(con, table, rows)


def _insert_documents(con: duckdb.DuckDBPyConnection, docs: pl.DataFrame, text_files: list[Path]) -> None:
    """Insert document rows; a loaded row without its text takes it from the spool's text files.

    The texts join their rows in polars one spool file (one batch) at a time, and go in with them. They
    used to be written by an UPDATE after the insert, but DuckDB keeps a transaction's updated values in
    memory: 300k documents (1 GB of text) failed with OutOfMemory under the load's 512 MB cap, where
    inserted rows go to disk.
    """
    waiting = (pl.col("status") == "loaded") & pl.col("text").is_null()
    if not text_files or not docs.select(waiting.any()).item():
        insert_frame(con, "documents", docs)
        return
    insert_frame(con, "documents", docs.filter(~waiting))
    # which spool file holds each row's text (one pass over the files' paths), so that each file joins its
    # own rows only: joining every file against all waiting rows grew with files x rows
    holder = pl.concat([pl.scan_parquet(str(path)).select("source_path").with_columns(_file=pl.lit(i, pl.Int64))
                        for i, path in enumerate(text_files)]).collect()
    waiting_rows = docs.filter(waiting).drop("text").join(holder, on="source_path", how="left")
    by_file = waiting_rows.partition_by("_file", as_dict=True, include_key=False, maintain_order=True)
    del waiting_rows
    for i, path in enumerate(text_files):
        rows = by_file.pop((i,), None)
        if rows is not None:
            insert_frame(con, "documents", rows.join(pl.read_parquet(path, columns=["source_path", "text"]),
                                                on="source_path", how="inner"))
    rest = by_file.pop((None,), None)
    if rest is not None:  # no text in the spool: the row goes in as it came
        insert_frame(con, "documents", rest.with_columns(text=pl.lit(None, pl.String)))


def _replace_staging(con: duckdb.DuckDBPyConnection, table: str, rows, keep_doc_ids: list[str],
                     read_doc_ids: list[str] = ()) -> None:
    """A staging table keeps the rows of kept documents only, and a document read again (a full refresh
    reads them all, under the same doc_ids) has its new rows only: its stored ones went twice before,
    every full refresh doubling every staging row, and every later run counting each mention twice.
    `read_doc_ids` are the documents this run read (its upserted rows): their stored rows go even when
    they yield none now (a page edited to tell no release kept its old release mentions before)."""
    con.execute(f"delete from {table} where doc_id not in (select unnest(?))", [keep_doc_ids])
    if read_doc_ids:
        con.execute(f"delete from {table} where doc_id in (select unnest(?))", [list(read_doc_ids)])
    if isinstance(rows, pl.DataFrame):
        incoming = rows["doc_id"].unique().to_list() if "doc_id" in rows.columns else []
    elif rows:
        incoming = pl.scan_parquet([str(f) for f in rows]).select("doc_id").unique().collect()["doc_id"].to_list()
    else:
        incoming = []
    if incoming:
        con.execute(f"delete from {table} where doc_id in (select unnest(?))", [incoming])
    _append(con, table, rows)


def _empty_tables(con: duckdb.DuckDBPyConnection, tables) -> None:
    """Empty tables by dropping them and making them again from schema.sql (with their comments).

    A `delete` without a filter goes row by row through a primary key's index: emptying `events` of a
    100k-document warehouse took 6-7 s, its documents 3 s; a drop takes milliseconds. Views are made
    again after the load (views.sql), and the drop is undone with the transaction if the run fails.
    """
    for table in tables:
        con.execute(f"drop table if exists {table}")
    con.execute(schema_sql())


def write_warehouse(db: Path, docs_upsert: pl.DataFrame, drop_paths: list[str],
                    staging: dict[str, pl.DataFrame | list[Path]], keep_doc_ids: list[str],
                    tables: dict[str, pl.DataFrame | list[Path]], check, text_files: list[Path] = (),
                    run_id: str | None = None, scopes: dict[str, pl.Series] | None = None) -> list:
    """Write the run into the warehouse, run `check(con)` on the result, keep it if no critical failure.

    Returns what `check` returned. `check` raises or returns results; when the
    caller decides the results are critical it raises, and nothing is kept.
    `staging`: new staging rows per staging table, as a frame or as Parquet files
    that DuckDB streams in (see spool.RunSpool).
    `tables`: every fact table whole (a frame or Parquet files); only what differs
    from the stored rows is written. `scopes` (a daily run's incremental resolution):
    per table, the groups that may differ from the stored ones; such a table comes
    as the rows of those groups only, and the other stored groups stay.
    `text_files`: Parquet files (source_path, text) holding the texts of loaded
    rows of `docs_upsert` that come without their text.
    """
    db = Path(db)
    if db.exists() and _keeps_documents(db, drop_paths):
        try:
            try:
                return _write_in_place(db, docs_upsert, drop_paths, staging, keep_doc_ids, tables, check, text_files,
                                       run_id, scopes)
            except duckdb.OutOfMemoryException as exc:
                # the day's merge needed more than its cap and was rolled back: once more under a whole load's
                logging.getLogger(__name__).warning(
                    "the daily merge needed more than %s (%s): merging again under %s", config.DAILY_LOAD_MEMORY_LIMIT,
                    str(exc).splitlines()[0][:200], LOAD_MEMORY_LIMIT)
                return _write_in_place(db, docs_upsert, drop_paths, staging, keep_doc_ids, tables, check, text_files,
                                       run_id, scopes, memory_limit=LOAD_MEMORY_LIMIT)
        except _HeldByOthers:
            pass  # a reader kept the file past LOAD_WAIT_SECONDS: a copy, which no reader blocks, as before
    return _write_copy(db, docs_upsert, drop_paths, staging, keep_doc_ids, tables, check, text_files, run_id, scopes)


class _HeldByOthers(Exception):
    """The warehouse stayed open in other processes (readers) for LOAD_WAIT_SECONDS."""


def _keeps_documents(db: Path, drop_paths: list[str]) -> bool:
    """Does the run keep some stored document (a daily run), rather than replace them all (a first load,
    a full refresh)?"""
    with open_read_only(db) as con:
        if "documents" not in table_names(con):
            return False
        return bool(con.execute("select count(*) from documents where source_path not in (select unnest(?))",
                                [list(drop_paths)]).fetchone()[0])


# the rows of a fact table that change together: a document's mentions, links, evidence and tallies; one
# person, event or sanction; one fact's conflicts; a country, an issuer. A table without an entry (sources,
# which sql/dimensions.sql derives) is written whole.
GROUP_KEYS = {"people": "person_id", "events": "event_id", "sanctions": "sanction_id", "conflicts": "fact_id",
              "person_mentions": "doc_id", "event_people": "doc_id", "evidence": "doc_id", "tallies": "doc_id",
              "countries": "iso2", "issuers": "issuer"}


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return dict(con.execute("select column_name, data_type from information_schema.columns "
                            "where table_name = ? and table_schema = 'main' order by ordinal_position",
                            [table]).fetchall())


def _source_sql(con: duckdb.DuckDBPyConnection, table: str, rows, types: dict[str, str]) -> str:
    """A SELECT of a table's new rows (a frame, Parquet files or nothing) in the table's columns and types."""
    if isinstance(rows, pl.DataFrame) and not rows.is_empty():
        name = f"_incoming_{table}"
        # oldest layout: DuckDB pushes the merge's key filter into the Arrow scan, which has no string_view kernel
        con.register(name, rows.to_arrow(compat_level=pl.CompatLevel.oldest()))
        source, present = name, set(rows.columns)
    elif isinstance(rows, (list, tuple)) and rows:
        from flows.warehouse.safesql import literal

        paths = "[" + ", ".join(literal(str(f)) for f in rows) + "]"
        source = f"read_parquet({paths}, union_by_name = true)"
        present = {r[0] for r in con.execute(f"describe select * from {source}").fetchall()}
    else:
        return "select " + ", ".join(f'cast(null as {t}) as "{c}"' for c, t in types.items()) + " where false"
    return "select " + ", ".join(f'cast({chr(34) + c + chr(34) if c in present else "null"} as {t}) as "{c}"'
                                 for c, t in types.items()) + f" from {source}"


def group_key_sql(table: str) -> str:
    """The SQL of a table's group key (GROUP_KEYS)."""
    return f'"{GROUP_KEYS[table]}"'


def group_key_expr(table: str) -> pl.Expr:
    """`group_key_sql` as a polars expression."""
    return pl.col(GROUP_KEYS[table])


def in_groups_sql(key_sql: str, keys: str) -> str:
    """A predicate: the row's group key is in the `k` column of `keys` (a table or view)."""
    return f"{key_sql} in (select k from {keys})"


def _scope_sql(con: duckdb.DuckDBPyConnection, table: str, key_sql: str, scope: pl.Series | None) -> str:
    """A WHERE clause keeping the stored rows of the groups in `scope` (registered as `_scope_<table>`), or
    nothing without a scope."""
    if scope is None:
        return ""
    con.register(f"_scope_{table}", pl.DataFrame({"k": scope.cast(pl.String)}).to_arrow(
        compat_level=pl.CompatLevel.oldest()))
    return " where " + in_groups_sql(key_sql, f"_scope_{table}")


def _merge(con: duckdb.DuckDBPyConnection, table: str, rows, record_in: str | None = None,
           scope: pl.Series | None = None) -> int:
    """Make `table` hold exactly `rows`, writing only the groups (GROUP_KEYS) whose rows differ: each
    group's row count and sum of row hashes, new against stored, decide. Returns the groups written;
    with `record_in`, their keys are added to that (temp) table too. With `scope` (the groups an
    incremental resolution may have changed), `rows` are the rows of those groups, and only those groups
    are compared: every other stored group stays as it is."""
    types = _column_types(con, table)
    new = _source_sql(con, table, rows, types)
    cols = ", ".join(f'"{c}"' for c in types)
    if GROUP_KEYS.get(table) is None:
        con.execute(f"delete from {table}")
        con.execute(f"insert into {table} ({cols}) {new}")
        return -1
    key = group_key_sql(table)
    con.execute(f"""
        create or replace temp table _changed as
        with n as (select {key} as k, count(*) as c, sum(hash(t)::hugeint) as h from ({new}) t group by all),
             o as (select {key} as k, count(*) as c, sum(hash(t)::hugeint) as h
                   from (select {cols} from {table}{_scope_sql(con, table, key, scope)}) t group by all)
        select coalesce(n.k, o.k) as k from n full outer join o on n.k is not distinct from o.k
        where n.c is distinct from o.c or n.h is distinct from o.h""")
    n_changed = con.execute("select count(*) from _changed").fetchone()[0]
    if record_in and n_changed:
        con.execute(f"insert into {record_in} select k from _changed")
    if n_changed:
        con.execute(f"delete from {table} where {in_groups_sql(key, '_changed')}")
        con.execute(f"insert into {table} ({cols}) select * from ({new}) t where {in_groups_sql(key, '_changed')}")
    con.execute("drop table _changed")
    with contextlib.suppress(Exception):
        con.unregister(f"_incoming_{table}")
    with contextlib.suppress(Exception):
        con.unregister(f"_scope_{table}")
    return n_changed


def _write_in_place(db: Path, docs_upsert: pl.DataFrame, drop_paths: list[str],
                    staging: dict[str, pl.DataFrame | list[Path]], keep_doc_ids: list[str],
                    tables: dict[str, pl.DataFrame | list[Path]], check, text_files, run_id, scopes=None,
                    memory_limit: str | None = None) -> list:
    """The daily load: one transaction in the warehouse itself, writing only what changed, checked
    before it commits. A kill before the commit leaves the last committed state (DuckDB's write-ahead
    log); the file is held only from the open to the checkpoint, readers retrying meanwhile. Readers
    that keep it open past LOAD_WAIT_SECONDS turn the load into a copy (`_HeldByOthers`).
    `memory_limit`: DuckDB's cap, config.DAILY_LOAD_MEMORY_LIMIT unless given."""
    try:
        # DuckDB would cache up to 80% of RAM while loading; capped, it spills to disk instead (a day's merge
        # needs less than a whole warehouse's load)
        con = connect_retrying(db, config.LOAD_WAIT_SECONDS,
                               config={"memory_limit": memory_limit or config.DAILY_LOAD_MEMORY_LIMIT})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise _HeldByOthers(str(exc)) from None
        raise busy_or_error(db, exc) from None
    except OSError as exc:
        raise WarehouseError(f"cannot write {db}: {exc.strerror or exc}") from None
    try:
        fault_point("load_open")
        con.execute("begin transaction")
        con.execute(schema_sql())
        # the documents this load touches, for the checks that read a row and its own document only
        con.execute(f"create or replace temp table {TOUCHED_DOCS} (doc_id varchar)")
        if drop_paths:
            con.execute(f"insert into {TOUCHED_DOCS} select doc_id from documents where source_path in "
                        "(select unnest(?))", [drop_paths])
            con.execute("delete from documents where source_path in (select unnest(?))", [drop_paths])
        if not docs_upsert.is_empty():
            con.execute(f"insert into {TOUCHED_DOCS} select unnest(?)", [docs_upsert["doc_id"].to_list()])
            _insert_documents(con, docs_upsert, text_files)
        fault_point("load_documents")
        read_ids = docs_upsert["doc_id"].to_list() if "doc_id" in docs_upsert.columns else []
        for name in STAGING_TABLES:
            _replace_staging(con, name, staging.get(name), keep_doc_ids, read_ids)
        fault_point("load_staging")
        for name in FACT_TABLES:  # evidence arrives as files, quoted slice by slice
            _merge(con, name, tables.get(name), record_in=TOUCHED_DOCS if GROUP_KEYS.get(name) == "doc_id" else None,
                   scope=(scopes or {}).get(name))
        con.execute(DIMENSIONS_SQL.read_text(encoding="utf-8"))  # sources, documents.source_id (issue 25)
        fault_point("load_facts")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("drop schema if exists fts_main_search_documents cascade")
        con.execute("drop table if exists search_documents")
        results = check(con)
        fault_point("load_checked")
        copy_history(con, db, run_id)
        fault_point("before_swap")  # the moment before the new state is kept, as for the copy's swap
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(Exception):
            con.execute("rollback")
        with contextlib.suppress(Exception):
            con.close()
        raise
    # committed: the run's state is kept whatever happens now. A checkpoint folds the write-ahead log into
    # the file; if it fails (a full disk), DuckDB replays the log on the next open instead
    fault_point("load_committed")
    try:
        # on one thread: a day's checkpoint rewrites the few row groups its rows went into (the last one of each
        # table it appended to), which two threads did in the same wall for twice the CPU (session 13, 10k
        # documents + 100: 0.28 s CPU against 0.60 s, 0.33 s wall both)
        con.execute("set threads = 1")
        con.execute("checkpoint")
    except duckdb.Error:
        pass
    finally:
        with contextlib.suppress(Exception):
            con.execute("reset threads")  # a database-wide setting: as it was, should another connection share it
        with contextlib.suppress(Exception):
            con.close()
    return results


def _write_copy(db: Path, docs_upsert: pl.DataFrame, drop_paths: list[str],
                staging: dict[str, pl.DataFrame | list[Path]], keep_doc_ids: list[str],
                tables: dict[str, pl.DataFrame | list[Path]], check, text_files, run_id, scopes=None) -> list:
    """A first load or a full refresh: build the next warehouse in a copy, run `check(con)` on it, swap it
    in if no critical failure. (Also a daily load that readers kept from the file: with `scopes`, its fact
    tables are merged into the copy, as in place.)"""
    db = Path(db)
    tmp = next_path(db, os.getpid())
    for stale in (tmp, Path(str(tmp) + ".wal")):
        stale.unlink(missing_ok=True)
    try:
        if db.exists():
            shutil.copyfile(db, tmp)
        # DuckDB would cache up to 80% of RAM while loading; capped, it spills to disk instead
        con = duckdb.connect(str(tmp), config={"memory_limit": LOAD_MEMORY_LIMIT})
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WarehouseError(f"cannot write next to {db}: {exc.strerror or exc}") from None
    try:
        con.execute(schema_sql())
        con.execute("begin transaction")
        # every document replaced: the fact tables and documents are emptied at once
        replace_documents = bool(drop_paths) and not con.execute(
            "select count(*) from documents where source_path not in (select unnest(?))", [drop_paths]).fetchone()[0]
        _empty_tables(con, (() if scopes else FACT_TABLES) + (("documents",) if replace_documents else ()))
        if drop_paths and not replace_documents:
            con.execute("delete from documents where source_path in (select unnest(?))", [drop_paths])
        if not docs_upsert.is_empty():
            _insert_documents(con, docs_upsert, text_files)
        read_ids = docs_upsert["doc_id"].to_list() if "doc_id" in docs_upsert.columns else []
        for name in STAGING_TABLES:
            _replace_staging(con, name, staging.get(name), keep_doc_ids, read_ids)
        for name in FACT_TABLES:
            if scopes:  # a daily run's tables are the groups in scope: merged, as in place
                _merge(con, name, tables.get(name), scope=scopes.get(name))
            else:
                _append(con, name, tables.get(name))  # evidence arrives as files, quoted slice by slice
        con.execute(DIMENSIONS_SQL.read_text(encoding="utf-8"))
        con.execute("commit")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        # the search index lives in its own file now (flows/warehouse/search.py); older warehouses carried it
        con.execute("drop schema if exists fts_main_search_documents cascade")
        con.execute("drop table if exists search_documents")
        results = check(con)
        copy_history(con, db, run_id)
        con.execute("checkpoint")
        con.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        fault_point("before_swap")
        os.replace(tmp, db)
        return results
    except BaseException:
        with contextlib.suppress(Exception):
            con.close()
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise

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
import fcntl
import os
import re
import shutil
import time
from pathlib import Path

import duckdb
import polars as pl

from flows.core import config
from flows.core.config import LOAD_MEMORY_LIMIT, fault_point
from flows.core.paths import DIMENSIONS_SQL, SCHEMA_SQL, VIEWS_SQL, lock_path, next_path, ops_lock_path, ops_path, stale_leftovers

FACT_TABLES = ("people", "person_mentions", "events", "event_people", "sanctions", "evidence",
               "conflicts", "tallies", "countries", "issuers", "sources")
STAGING_TABLES = ("stg_name_candidates", "stg_event_mentions", "stg_sanction_mentions", "stg_sentences")
OPS_TABLES = ("runs", "dq_results")
EXPORT_TABLES = ("documents",) + FACT_TABLES + OPS_TABLES


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's write lock."""


class WarehouseError(RuntimeError):
    """The warehouse cannot be written (read-only folder, disk full, ...)."""


def schema_sql() -> str:
    return SCHEMA_SQL.read_text(encoding="utf-8")


def _flock(fh, wait_seconds: float, poll: float) -> bool:
    """Take an exclusive flock on an open file, polling up to `wait_seconds`; False when it stayed held."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(poll)


@contextlib.contextmanager
def write_lock(db: Path, wait_seconds: float = 0.0):
    """Exclusive lock on `<db>.lock`; waits up to `wait_seconds`, then raises WarehouseBusy."""
    lock_file = lock_path(db)
    try:
        fh = open(lock_file, "a+")
    except OSError as exc:
        raise WarehouseError(f"cannot create lock file {lock_file}: {exc.strerror}") from None
    try:
        if not _flock(fh, wait_seconds, poll=0.2):
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise WarehouseBusy(f"another run (pid {holder}) is writing {db}; wait for it or pass --wait SECONDS")
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        # we hold the lock: copies left by a killed run are garbage
        for stale in stale_leftovers(db):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def connect_read_only(db: Path, locked: bool = True) -> duckdb.DuckDBPyConnection:
    """Read-only connection with run history as temp tables `runs` and `dq_results` when present.

    The history is copied out of `<db>.ops.duckdb` and the file let go at once: a long query never holds
    it while a run wants to record itself. `locked` (the default): no file, network, extension or
    configuration access from here on (safesql.lock_down), so a query can neither write nor read
    anything but the warehouse.
    """
    from flows.warehouse.safesql import literal, lock_down

    ops = ops_path(db)
    # a first run that failed its checks leaves only the history: still worth querying
    con = open_read_only(db) if Path(db).exists() else duckdb.connect()
    if ops.exists():
        try:
            con.execute(f"attach {literal(ops)} as ops (read_only)")
        except duckdb.Error:
            ops = None  # unreadable history: the warehouse's own copy will do
        if ops is not None:
            present = {r[0] for r in con.execute(
                "select table_name from information_schema.tables where table_catalog = 'ops'").fetchall()}
            for table in OPS_TABLES:
                if table in present:
                    # the sidecar holds the full history, including failed runs that never loaded
                    con.execute(f"create or replace temp table {table} as select * from ops.main.{table}")
            con.execute("detach ops")
    return lock_down(con) if locked else con


def _busy_or_error(db: Path, exc: Exception) -> Exception:
    """A DuckDB lock conflict on the warehouse (another program holds it writable, e.g. a `duckdb` shell
    opened without -readonly) as WarehouseBusy with its holder; any other error as WarehouseError."""
    text = str(exc)
    if "lock" in text.lower():
        holder = re.search(r"PID (\d+)", text)
        who = f"process {holder.group(1)}" if holder else "another program"
        return WarehouseBusy(f"{db} is open for writing in {who} (a `duckdb` shell opened without -readonly?); "
                             f"close it, or open it with `duckdb -readonly {db}`")
    return WarehouseError(f"cannot open {db}: {text.splitlines()[0] if text else type(exc).__name__}")


def _connect_retrying(db: Path, wait_seconds: float, **kwargs) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried while another process holds a conflicting lock on the file (a load
    committing in place, or readers the load waits for), up to `wait_seconds`."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(db), **kwargs)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(0.1, delay * 1.5)


def open_read_only(db: Path, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """The warehouse opened read-only; while a run commits its load in place the open is retried (up to
    READ_WAIT_SECONDS), and a program holding it writable past that is WarehouseBusy."""
    wait = config.READ_WAIT_SECONDS if wait_seconds is None else wait_seconds
    try:
        return _connect_retrying(db, wait, read_only=True)
    except duckdb.IOException as exc:
        raise _busy_or_error(db, exc) from None


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}


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


def _table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
        [table]).fetchall()]


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    present = [c for c in _table_columns(con, table) if c in frame.columns]
    view = frame.select(present)
    # newest Arrow layout: polars' string views go to DuckDB as they are, not copied to large_string
    con.register("_incoming", view.to_arrow(compat_level=pl.CompatLevel.newest()))
    quoted = ", ".join(f'"{c}"' for c in present)
    con.execute(f"insert into {table} ({quoted}) select {quoted} from _incoming")
    con.unregister("_incoming")


def _insert_parquet(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> None:
    """Append Parquet files to a table, streamed by DuckDB (never whole in memory)."""
    paths = [str(f) for f in files]
    in_files = {r[0] for r in con.execute("describe select * from read_parquet(?, union_by_name = true)",
                                          [paths]).fetchall()}
    quoted = ", ".join(f'"{c}"' for c in _table_columns(con, table) if c in in_files)
    con.execute(f"insert into {table} ({quoted}) select {quoted} from read_parquet(?, union_by_name = true)", [paths])


def _append(con: duckdb.DuckDBPyConnection, table: str, rows: pl.DataFrame | list[Path] | None) -> None:
    """Append a frame, or Parquet files (e.g. the run's spool), to a table; nothing when empty."""
    if isinstance(rows, pl.DataFrame):
        if not rows.is_empty():
            _insert(con, table, rows)
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
        _insert(con, "documents", docs)
        return
    _insert(con, "documents", docs.filter(~waiting))
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
            _insert(con, "documents", rows.join(pl.read_parquet(path, columns=["source_path", "text"]),
                                                on="source_path", how="inner"))
    rest = by_file.pop((None,), None)
    if rest is not None:  # no text in the spool: the row goes in as it came
        _insert(con, "documents", rest.with_columns(text=pl.lit(None, pl.String)))


def _replace_staging(con: duckdb.DuckDBPyConnection, table: str, rows, keep_doc_ids: list[str]) -> None:
    """A staging table keeps the rows of kept documents only, and a document read again (a full refresh
    reads them all, under the same doc_ids) has its new rows only: its stored ones went twice before,
    every full refresh doubling every staging row, and every later run counting each mention twice."""
    con.execute(f"delete from {table} where doc_id not in (select unnest(?))", [keep_doc_ids])
    if isinstance(rows, pl.DataFrame):
        incoming = rows["doc_id"].unique().to_list() if "doc_id" in rows.columns else []
    elif rows:
        incoming = pl.scan_parquet([str(f) for f in rows]).select("doc_id").unique().collect()["doc_id"].to_list()
    else:
        incoming = []
    if incoming:
        con.execute(f"delete from {table} where doc_id in (select unnest(?))", [incoming])
    _append(con, table, rows)


@contextlib.contextmanager
def _ops_lock(db: Path, wait_seconds: float = 30.0):
    """Exclusive lock on `<db>.ops.lock` while the history file is rewritten (milliseconds a time)."""
    with open(ops_lock_path(db), "a+") as fh:
        if not _flock(fh, wait_seconds, poll=0.05):
            raise WarehouseBusy(f"the run history of {db} stayed locked for {wait_seconds:.0f} s")
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def rewrite_ops(db: Path, change) -> None:
    """Apply `change(con)` to the run history by copy and atomic swap, never in place.

    Readers of the history (dossier sql, dq, a dashboard) copy it out and let go, and whoever still has
    the old file open keeps reading it: nobody waits for anybody. A history file DuckDB cannot open
    (overwritten by something else) is set aside as `<ops>.corrupt-<time>` and a new one started, with
    the reason, instead of failing every run from then on.
    """
    ops = ops_path(db)
    tmp = next_path(ops, os.getpid())
    with _ops_lock(db):
        try:
            for stale in (tmp, Path(f"{tmp}.wal")):
                stale.unlink(missing_ok=True)
            if ops.exists():
                shutil.copyfile(ops, tmp)
            try:
                con = duckdb.connect(str(tmp))
            except duckdb.Error as exc:
                aside = Path(f"{ops}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
                os.replace(ops, aside)
                tmp.unlink(missing_ok=True)
                import sys

                print(f"dossier: warning: run history {ops} could not be opened ({str(exc).splitlines()[0]}); "
                      f"set aside as {aside.name}, a new history starts", file=sys.stderr)
                con = duckdb.connect(str(tmp))
            with con:
                con.execute(_ops_ddl())
                change(con)
                con.execute("checkpoint")
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, ops)
        except OSError as exc:
            raise WarehouseError(f"cannot write the run history {ops}: {exc.strerror or exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}.wal").unlink(missing_ok=True)


def record_ops(db: Path, runs: pl.DataFrame, dq: pl.DataFrame) -> None:
    """Append one run and its checks to the sidecar history (used for failed runs too)."""
    def change(con):
        con.execute("delete from runs where run_id in (select unnest(?))", [runs["run_id"].to_list()])
        _insert(con, "runs", runs)
        if not dq.is_empty():
            con.execute("delete from dq_results where run_id in (select unnest(?))", [runs["run_id"].to_list()])
            _insert(con, "dq_results", dq)

    rewrite_ops(db, change)


def update_run(db: Path, run_id: str, **values) -> None:
    """Set columns of one run's history row."""
    sets = ", ".join(f"{name} = ?" for name in values)
    rewrite_ops(db, lambda con: con.execute(f"update runs set {sets} where run_id = ?", [*values.values(), run_id]))


def _ops_ddl() -> str:
    """The DDL of the ops tables only (taken from schema.sql, so there is one definition)."""
    sql = schema_sql()
    parts = []
    for table in OPS_TABLES:
        start = sql.index(f"create table if not exists {table} (")
        parts.append(sql[start:sql.index(");", start) + 2])
    return "\n".join(parts)


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
                    run_id: str | None = None) -> list:
    """Write the run into the warehouse, run `check(con)` on the result, keep it if no critical failure.

    Returns what `check` returned. `check` raises or returns results; when the
    caller decides the results are critical it raises, and nothing is kept.
    `staging`: new staging rows per staging table, as a frame or as Parquet files
    that DuckDB streams in (see spool.RunSpool).
    `tables`: every fact table whole (a frame or Parquet files); only what differs
    from the stored rows is written.
    `text_files`: Parquet files (source_path, text) holding the texts of loaded
    rows of `docs_upsert` that come without their text.
    """
    db = Path(db)
    if db.exists() and _keeps_documents(db, drop_paths):
        try:
            return _write_in_place(db, docs_upsert, drop_paths, staging, keep_doc_ids, tables, check, text_files,
                                   run_id)
        except _HeldByOthers:
            pass  # a reader kept the file past LOAD_WAIT_SECONDS: a copy, which no reader blocks, as before
    return _write_copy(db, docs_upsert, drop_paths, staging, keep_doc_ids, tables, check, text_files, run_id)


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


def _merge(con: duckdb.DuckDBPyConnection, table: str, rows) -> int:
    """Make `table` hold exactly `rows`, writing only the groups (GROUP_KEYS) whose rows differ: each
    group's row count and sum of row hashes, new against stored, decide. Returns the groups written."""
    types = _column_types(con, table)
    new = _source_sql(con, table, rows, types)
    cols = ", ".join(f'"{c}"' for c in types)
    key = GROUP_KEYS.get(table)
    if key is None:
        con.execute(f"delete from {table}")
        con.execute(f"insert into {table} ({cols}) {new}")
        return -1
    con.execute(f"""
        create or replace temp table _changed as
        with n as (select "{key}" as k, count(*) as c, sum(hash(t)::hugeint) as h from ({new}) t group by all),
             o as (select "{key}" as k, count(*) as c, sum(hash(t)::hugeint) as h
                   from (select {cols} from {table}) t group by all)
        select coalesce(n.k, o.k) as k from n full outer join o on n.k is not distinct from o.k
        where n.c is distinct from o.c or n.h is distinct from o.h""")
    n_changed = con.execute("select count(*) from _changed").fetchone()[0]
    if n_changed:
        con.execute(f'delete from {table} where "{key}" in (select k from _changed)')
        con.execute(f'insert into {table} ({cols}) select * from ({new}) t where "{key}" in (select k from _changed)')
    con.execute("drop table _changed")
    with contextlib.suppress(Exception):
        con.unregister(f"_incoming_{table}")
    return n_changed


def _copy_history(con: duckdb.DuckDBPyConnection, db: Path, run_id: str | None) -> None:
    """The sidecar history into the warehouse's own copy; this run is 'success' there, which is true
    exactly when the warehouse holding that copy is the one kept (committed or swapped in)."""
    from flows.warehouse.safesql import literal

    ops = ops_path(db)
    if ops.exists():
        con.execute(f"attach {literal(ops)} as ops (read_only)")
        for table in OPS_TABLES:
            con.execute(f"delete from {table}")
            con.execute(f"insert into {table} select * from ops.main.{table}")
        con.execute("detach ops")
        con.execute("update runs set status = 'success' where run_id = ? and status = 'loading'", [run_id])


def _write_in_place(db: Path, docs_upsert: pl.DataFrame, drop_paths: list[str],
                    staging: dict[str, pl.DataFrame | list[Path]], keep_doc_ids: list[str],
                    tables: dict[str, pl.DataFrame | list[Path]], check, text_files, run_id) -> list:
    """The daily load: one transaction in the warehouse itself, writing only what changed, checked
    before it commits. A kill before the commit leaves the last committed state (DuckDB's write-ahead
    log); the file is held only from the open to the checkpoint, readers retrying meanwhile. Readers
    that keep it open past LOAD_WAIT_SECONDS turn the load into a copy (`_HeldByOthers`)."""
    try:
        # DuckDB would cache up to 80% of RAM while loading; capped, it spills to disk instead
        con = _connect_retrying(db, config.LOAD_WAIT_SECONDS, config={"memory_limit": LOAD_MEMORY_LIMIT})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise _HeldByOthers(str(exc)) from None
        raise _busy_or_error(db, exc) from None
    except OSError as exc:
        raise WarehouseError(f"cannot write {db}: {exc.strerror or exc}") from None
    try:
        fault_point("load_open")
        con.execute("begin transaction")
        con.execute(schema_sql())
        if drop_paths:
            con.execute("delete from documents where source_path in (select unnest(?))", [drop_paths])
        if not docs_upsert.is_empty():
            _insert_documents(con, docs_upsert, text_files)
        fault_point("load_documents")
        for name in STAGING_TABLES:
            _replace_staging(con, name, staging.get(name), keep_doc_ids)
        fault_point("load_staging")
        for name in FACT_TABLES:
            _merge(con, name, tables.get(name))  # evidence arrives as files, quoted slice by slice
        con.execute(DIMENSIONS_SQL.read_text(encoding="utf-8"))  # sources, documents.source_id (issue 25)
        fault_point("load_facts")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("drop schema if exists fts_main_search_documents cascade")
        con.execute("drop table if exists search_documents")
        results = check(con)
        fault_point("load_checked")
        _copy_history(con, db, run_id)
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
        con.execute("checkpoint")
    except duckdb.Error:
        pass
    finally:
        with contextlib.suppress(Exception):
            con.close()
    return results


def _write_copy(db: Path, docs_upsert: pl.DataFrame, drop_paths: list[str],
                staging: dict[str, pl.DataFrame | list[Path]], keep_doc_ids: list[str],
                tables: dict[str, pl.DataFrame | list[Path]], check, text_files, run_id) -> list:
    """A first load or a full refresh: build the next warehouse in a copy, run `check(con)` on it, swap it
    in if no critical failure."""
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
        _empty_tables(con, FACT_TABLES + (("documents",) if replace_documents else ()))
        if drop_paths and not replace_documents:
            con.execute("delete from documents where source_path in (select unnest(?))", [drop_paths])
        if not docs_upsert.is_empty():
            _insert_documents(con, docs_upsert, text_files)
        for name in STAGING_TABLES:
            _replace_staging(con, name, staging.get(name), keep_doc_ids)
        for name in FACT_TABLES:
            _append(con, name, tables.get(name))  # evidence arrives as files, quoted slice by slice
        con.execute(DIMENSIONS_SQL.read_text(encoding="utf-8"))
        con.execute("commit")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        # the search index lives in its own file now (flows/warehouse/search.py); older warehouses carried it
        con.execute("drop schema if exists fts_main_search_documents cascade")
        con.execute("drop table if exists search_documents")
        results = check(con)
        _copy_history(con, db, run_id)
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

"""Load stage: write a run's tables into the DuckDB warehouse atomically.

The warehouse file is never written in place. A run copies it, writes the copy
in one transaction, checks it, and swaps it in with `os.replace` (atomic on
POSIX). A crash, a kill or a failed check at any point leaves the previous
file exactly as it was. A lock file serialises writers; readers open the file
read-only and are never blocked.

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


def open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    """The warehouse opened read-only by the run itself; a program holding it writable is WarehouseBusy."""
    try:
        return duckdb.connect(str(db), read_only=True)
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
    """Build the next warehouse in a copy, run `check(con)` on it, swap it in if no critical failure.

    Returns what `check` returned. `check` raises or returns results; when the
    caller decides the results are critical it raises, and the copy is discarded.
    `staging`: new staging rows per staging table, as a frame or as Parquet files
    that DuckDB streams in (see spool.RunSpool).
    `text_files`: Parquet files (source_path, text) holding the texts of loaded
    rows of `docs_upsert` that come without their text.
    """
    from flows.warehouse.safesql import literal

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
        # every run rewrites the fact tables whole, and a full refresh every document: emptied at once
        replace_documents = bool(drop_paths) and not con.execute(
            "select count(*) from documents where source_path not in (select unnest(?))", [drop_paths]).fetchone()[0]
        _empty_tables(con, FACT_TABLES + (("documents",) if replace_documents else ()))
        if drop_paths and not replace_documents:
            con.execute("delete from documents where source_path in (select unnest(?))", [drop_paths])
        if not docs_upsert.is_empty():
            _insert_documents(con, docs_upsert, text_files)
        for name in STAGING_TABLES:
            con.execute(f"delete from {name} where doc_id not in (select unnest(?))", [keep_doc_ids])
            _append(con, name, staging.get(name))
        for name in FACT_TABLES:
            _append(con, name, tables.get(name))  # evidence arrives as files, quoted slice by slice
        con.execute(DIMENSIONS_SQL.read_text(encoding="utf-8"))
        con.execute("commit")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        # the search index lives in its own file now (flows/warehouse/search.py); older warehouses carried it
        con.execute("drop schema if exists fts_main_search_documents cascade")
        con.execute("drop table if exists search_documents")
        results = check(con)
        ops = ops_path(db)
        if ops.exists():
            con.execute(f"attach {literal(ops)} as ops (read_only)")
            for table in OPS_TABLES:
                con.execute(f"delete from {table}")
                con.execute(f"insert into {table} select * from ops.main.{table}")
            con.execute("detach ops")
            # the warehouse's copy of the history is read only once this file is swapped in: there the
            # run has succeeded (the sidecar says 'loading' until the swap)
            con.execute("update runs set status = 'success' where run_id = ? and status = 'loading'", [run_id])
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

"""Who may open the warehouse and how: its tables, the writers' lock, the read-only door (history copied in,
then locked down), retries while a load holds the file, and the errors a user sees (busy, broken)."""

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
from flows.core.paths import SCHEMA_SQL, lock_path, ops_path, stale_leftovers

FACT_TABLES = ("people", "person_mentions", "events", "event_people", "sanctions", "evidence",
               "conflicts", "tallies", "countries", "issuers", "sources")


# the daily load's temp table of the documents it touched: written, removed, or whose rows of a fact table
# grouped by document (evidence) it rewrote; the SQL invariants with a `daily_scope` look at these only
TOUCHED_DOCS = "_touched_docs"


STAGING_TABLES = ("stg_name_candidates", "stg_event_mentions", "stg_sanction_mentions", "stg_sentences",
                  "stg_freed_names")

OPS_TABLES = ("runs", "dq_results")

EXPORT_TABLES = ("documents",) + FACT_TABLES + OPS_TABLES


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's write lock."""


class WarehouseError(RuntimeError):
    """The warehouse cannot be written (read-only folder, disk full, ...)."""


def schema_sql() -> str:
    return SCHEMA_SQL.read_text(encoding="utf-8")


def flock_polling(fh, wait_seconds: float, poll: float) -> bool:
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
        if not flock_polling(fh, wait_seconds, poll=0.2):
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


def busy_or_error(db: Path, exc: Exception) -> Exception:
    """A DuckDB lock conflict on the warehouse (another program holds it writable, e.g. a `duckdb` shell
    opened without -readonly) as WarehouseBusy with its holder; any other error as WarehouseError."""
    text = str(exc)
    if "lock" in text.lower():
        holder = re.search(r"PID (\d+)", text)
        who = f"process {holder.group(1)}" if holder else "another program"
        return WarehouseBusy(f"{db} is open for writing in {who} (a `duckdb` shell opened without -readonly?); "
                             f"close it, or open it with `duckdb -readonly {db}`")
    return WarehouseError(f"cannot open {db}: {text.splitlines()[0] if text else type(exc).__name__}")


def _retried_on_lock(action, wait_seconds: float):
    """`action()`, retried while another process holds a conflicting lock on the warehouse file (a load
    committing in place, or readers the load waits for), up to `wait_seconds`."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.01
    while True:
        try:
            return action()
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(0.1, delay * 1.5)


def connect_retrying(db: Path, wait_seconds: float, **kwargs) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried while another process holds a conflicting lock on the file."""
    return _retried_on_lock(lambda: duckdb.connect(str(db), **kwargs), wait_seconds)


def attach_read_only(con: duckdb.DuckDBPyConnection, db: Path, alias: str) -> None:
    """ATTACH the warehouse read-only as `alias` on another connection (a search index, a lake), retried
    while a run commits its load in place, up to READ_WAIT_SECONDS, as `open_read_only` is."""
    from flows.warehouse.safesql import literal

    try:
        _retried_on_lock(lambda: con.execute(f"attach {literal(db)} as {alias} (read_only)"),
                         config.READ_WAIT_SECONDS)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        raise busy_or_error(db, exc) from None


def open_read_only(db: Path, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """The warehouse opened read-only; while a run commits its load in place the open is retried (up to
    READ_WAIT_SECONDS), and a program holding it writable past that is WarehouseBusy."""
    wait = config.READ_WAIT_SECONDS if wait_seconds is None else wait_seconds
    try:
        return connect_retrying(db, wait, read_only=True)
    except duckdb.IOException as exc:
        raise busy_or_error(db, exc) from None


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
        [table]).fetchall()]


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    present = [c for c in table_columns(con, table) if c in frame.columns]
    view = frame.select(present)
    # newest Arrow layout: polars' string views go to DuckDB as they are, not copied to large_string
    con.register("_incoming", view.to_arrow(compat_level=pl.CompatLevel.newest()))
    quoted = ", ".join(f'"{c}"' for c in present)
    con.execute(f"insert into {table} ({quoted}) select {quoted} from _incoming")
    con.unregister("_incoming")

"""The run history (`<db>.ops.duckdb`: runs, dq_results), rewritten by copy and rename under its own lock so
readers never block a run; and its copy inside the warehouse a load keeps."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path

import duckdb
import polars as pl

from flows.core.paths import next_path, ops_lock_path, ops_path
from flows.warehouse.access import OPS_TABLES, WarehouseBusy, WarehouseError, flock_polling, insert_frame, schema_sql


@contextlib.contextmanager
def _ops_lock(db: Path, wait_seconds: float = 30.0):
    """Exclusive lock on `<db>.ops.lock` while the history file is rewritten (milliseconds a time)."""
    with open(ops_lock_path(db), "a+") as fh:
        if not flock_polling(fh, wait_seconds, poll=0.05):
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
                con.execute(ops_ddl())
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


def _replace_runs(con: duckdb.DuckDBPyConnection, runs: pl.DataFrame, beside: Path) -> None:
    """The history's rows of these runs replaced by `runs`, handed to DuckDB as a Parquet file: a query
    parameter or a registered frame makes the DuckDB client import pandas (~0.2 s), which a no-op rerun
    (nothing else of it needs pandas) would pay for its one row. Where the file cannot be written (a full
    disk), the row goes as a registered frame, as it did before: a failed run is still in the history."""
    from flows.warehouse.safesql import identifier, literal

    path = Path(f"{beside}.runs.parquet")
    try:
        try:
            runs.write_parquet(path)
        except (OSError, pl.exceptions.PolarsError):
            path.unlink(missing_ok=True)
            con.execute("delete from runs where run_id in (select unnest(?))", [runs["run_id"].to_list()])
            insert_frame(con, "runs", runs)
            return
        rows = f"read_parquet({literal(path)})"
        con.execute(f"delete from runs where run_id in (select run_id from {rows})")
        present = [identifier(d[0]) for d in con.execute("select * from runs limit 0").description
                   if d[0] in runs.columns]
        con.execute(f"insert into runs ({', '.join(present)}) select {', '.join(present)} from {rows}")
    finally:
        path.unlink(missing_ok=True)


def record_ops(db: Path, runs: pl.DataFrame, dq: pl.DataFrame) -> None:
    """Append one run and its checks to the sidecar history (used for failed runs too)."""
    def change(con):
        _replace_runs(con, runs, next_path(ops_path(db), os.getpid()))
        if not dq.is_empty():
            con.execute("delete from dq_results where run_id in (select unnest(?))", [runs["run_id"].to_list()])
            insert_frame(con, "dq_results", dq)

    rewrite_ops(db, change)


def update_run(db: Path, run_id: str, **values) -> None:
    """Set columns of one run's history row."""
    sets = ", ".join(f"{name} = ?" for name in values)
    rewrite_ops(db, lambda con: con.execute(f"update runs set {sets} where run_id = ?", [*values.values(), run_id]))


def ops_ddl() -> str:
    """The DDL of the ops tables only (taken from schema.sql, so there is one definition)."""
    sql = schema_sql()
    parts = []
    for table in OPS_TABLES:
        start = sql.index(f"create table if not exists {table} (")
        parts.append(sql[start:sql.index(");", start) + 2])
    return "\n".join(parts)


def copy_history(con: duckdb.DuckDBPyConnection, db: Path, run_id: str | None) -> None:
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

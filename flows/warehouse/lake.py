"""Publish a run's warehouse into a DuckLake lake (DuckDB `ducklake` extension).

The catalog is a DuckDB file for one machine (`ducklake:/path/catalog.ducklake`)
or PostgreSQL for many writers (`ducklake:postgres:dbname=lake host=...`); data
is Parquet under `data_path`. Each flow owns a partition (by default its source
folder's name) and replaces exactly that partition in one DuckLake transaction,
so several flows can write the same lake at once; DuckLake's optimistic
concurrency makes a conflicting commit fail, and we retry it.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import duckdb

from flows.warehouse.extensions import load_extension
from flows.warehouse.safesql import literal
from flows.warehouse.access import EXPORT_TABLES, attach_read_only

RETRIES = 8
# Errors a concurrent writer causes: a lost commit race, or two writers creating a
# fresh catalog's metadata tables at once. Anything else is a real error.
RACE_MARKERS = ("conflict", "Failed to initialize DuckLake", "duplicate key value", "already exists")


def _is_race(exc: duckdb.Error) -> bool:
    return isinstance(exc, duckdb.TransactionException) or any(m in str(exc) for m in RACE_MARKERS)


def _attach(con: duckdb.DuckDBPyConnection, uri: str, data_path: str | None) -> None:
    load_extension(con, "ducklake")
    if uri.startswith("ducklake:postgres:"):
        load_extension(con, "postgres")
    opts = f" (data_path {literal(data_path.rstrip('/') + '/')})" if data_path else ""
    con.execute(f"attach {literal(uri)} as lake{opts}")


def _add_new_columns(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Columns the warehouse's table has and the lake's lacks (a newer schema: sanctions.target_country)
    are added to the lake's table, in the same transaction; its other partitions hold nulls there."""
    def columns(catalog: str) -> dict[str, str]:
        return {r[0]: r[1] for r in con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_catalog = ? and table_name = ? order by ordinal_position", [catalog, table]).fetchall()}

    have = columns("lake")
    for name, dtype in columns("wh").items():
        if name not in have:
            con.execute(f'alter table lake.{table} add column "{name}" {dtype}')


def publish_to_lake(db: Path, uri: str, partition: str, data_path: str | None = None) -> dict[str, int]:
    """Replace `partition` in every lake table with the warehouse's rows; returns rows written per table."""
    if not uri.startswith("ducklake:"):
        raise ValueError(f"lake URI must start with 'ducklake:', got {uri!r}")
    for attempt in range(RETRIES):
        con = duckdb.connect()
        try:
            attach_read_only(con, db, "wh")  # retried while a daily load commits in place
            _attach(con, uri, data_path)
            written = {}
            con.execute("begin transaction")
            for table in EXPORT_TABLES:
                con.execute(f"create table if not exists lake.{table} as "
                            f"select *, cast(null as varchar) as lake_partition from wh.{table} limit 0")
                _add_new_columns(con, table)
                con.execute(f"delete from lake.{table} where lake_partition = ?", [partition])
                # by name: a lake table made by an older warehouse has its columns in another order
                con.execute(f"insert into lake.{table} by name select *, ? as lake_partition from wh.{table}",
                            [partition])
                written[table] = con.execute(f"select count(*) from wh.{table}").fetchone()[0]
            con.execute("commit")
            return written
        except duckdb.Error as exc:
            if not _is_race(exc) or attempt == RETRIES - 1:
                raise
            # another writer got there first: start again from its snapshot
            time.sleep(0.2 * (attempt + 1) + random.random() * 0.3)
        finally:
            con.close()
    raise AssertionError("unreachable: the last attempt returns or raises")

"""DuckDB extensions from the pip packages `duckdb-ext-*`, loaded offline by path."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb

FILE_NAMES = {"fts": "fts", "ducklake": "ducklake", "postgres": "postgres_scanner"}


@lru_cache(maxsize=None)
def extension_path(name: str) -> Path:
    """Path of the packaged `.duckdb_extension` file matching the installed DuckDB version."""
    import duckdb_ext

    version = "v" + duckdb.__version__
    for base in map(Path, duckdb_ext.__path__):
        found = sorted((base / "extensions" / version).rglob(f"{FILE_NAMES[name]}.duckdb_extension"))
        if found:
            return found[0]
    raise RuntimeError(f"DuckDB extension {name!r} for DuckDB {duckdb.__version__} is not installed "
                       f"(pip package duckdb-ext-{name}); run `make setup`")


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    from flows.warehouse.safesql import literal

    con.execute(f"load {literal(extension_path(name))}")

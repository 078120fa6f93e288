"""Full-text search over the warehouse's documents (DuckDB `fts`, BM25).

The index lives in a sidecar file, `<warehouse>.search.duckdb`, built from the
warehouse's documents the first time `dossier search` runs after a load and
reused until the next load. A run therefore never pays for re-indexing every
text (at 10,000 documents that was 70% of the load), and the warehouse holds
each text once. The sidecar is built in a temporary file and swapped in, so a
reader never sees half an index; it records which warehouse file it indexes.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import duckdb
import polars as pl

from flows.core.paths import SEARCH_SQL, next_path, search_path
from flows.warehouse.extensions import load_extension
from flows.warehouse.access import attach_read_only
from flows.warehouse.safesql import lock_down


def _warehouse_version(db: Path) -> str:
    """Changes whenever a load swaps in a new warehouse file (new inode, mtime, size) or writes it in place
    (mtime, size; and its write-ahead log, when a load's checkpoint did not fold it in)."""
    st = Path(db).stat()
    wal = Path(f"{db}.wal")
    extra = f":{wal.stat().st_mtime_ns}:{wal.stat().st_size}" if wal.exists() else ""
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}{extra}"


def _current(index: Path, version: str) -> bool:
    if not index.exists():
        return False
    try:
        with duckdb.connect(str(index), read_only=True) as con:
            return con.execute("select warehouse_version from search_meta").fetchone()[0] == version
    except duckdb.Error:
        return False


def _build(con: duckdb.DuckDBPyConnection, db: Path, version: str) -> None:
    load_extension(con, "fts")
    con.execute(SEARCH_SQL.read_text(encoding="utf-8"))
    attach_read_only(con, db, "wh")
    con.execute("insert into search_documents select source_path, doc_id, coalesce(title, ''), text "
                "from wh.documents where status = 'loaded' and text is not null")
    con.execute("detach wh")
    con.execute("pragma create_fts_index('search_documents', 'source_path', 'title', 'text', overwrite=1)")
    con.execute("create table search_meta as select ? as warehouse_version, now() as built_at", [version])


def open_search_index(db: Path) -> duckdb.DuckDBPyConnection:
    """A read connection to the current index of `db`, building it first when the warehouse changed.

    Where the sidecar cannot be written (a read-only folder) the index is built in memory instead.
    """
    db, index = Path(db), search_path(db)
    version = _warehouse_version(db)
    if not _current(index, version):
        tmp = next_path(index, os.getpid())
        try:
            tmp.unlink(missing_ok=True)
            with duckdb.connect(str(tmp)) as con:
                _build(con, db, version)
            os.replace(tmp, index)
        except (OSError, duckdb.IOException):
            with contextlib.suppress(OSError):
                tmp.unlink()
            con = duckdb.connect()
            _build(con, db, version)
            return con
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    con = duckdb.connect(str(index), read_only=True)
    load_extension(con, "fts")
    return lock_down(con)


def search(db: Path, words: str, limit: int = 10) -> pl.DataFrame:
    """Documents matching `words`, best first, with a snippet around the first word."""
    with open_search_index(db) as con:
        return con.execute(
            """
            select source_path, title, round(score, 3) as score,
                   substring(text, greatest(1, strpos(lower(text), lower(split_part(?, ' ', 1))) - 60), 200) as snippet
            from (select *, fts_main_search_documents.match_bm25(source_path, ?) as score from search_documents)
            where score is not null
            order by score desc
            limit ?
            """, [words, words, limit]).pl()

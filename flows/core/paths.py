"""Every path the product uses, in one place: the project's folders and the warehouse's sibling files.

A warehouse `w.duckdb` never travels alone. Beside it live (all removable except the history):

| path | what | written by |
|---|---|---|
| `w.duckdb.lock` | writers' lock (flock): one run at a time | access.write_lock |
| `w.duckdb.ops.duckdb` | run history (`runs`, `dq_results`) | history.rewrite_ops |
| `w.duckdb.ops.lock` | the history's lock while it is rewritten (milliseconds) | history.rewrite_ops |
| `w.duckdb.next-<pid>` | the next warehouse, swapped in with `os.replace` | load.write_warehouse |
| `w.duckdb.spool-<pid>/` | a run's spooled staging frames (Parquet) | spool.RunSpool |
| `w.duckdb.quarantine/<run_id>/` | rows that failed a critical check | flow |
| `w.duckdb.search.duckdb` | the full-text index | search |
| `w.duckdb.gx/<run_id>/` | Great Expectations validation results | validate |
| `w.duckdb.resolver` | the fingerprint of the resolution code that resolved the warehouse (daily runs resolve incrementally only when it is the current code's) | pipeline |

A `<pid>` suffix marks a file a killed run can leave behind: `stale_leftovers` lists them, and the
next writer removes them under the lock (no other run can be writing then).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SQL_DIR = ROOT / "sql"
SCHEMA_SQL = SQL_DIR / "schema.sql"
VIEWS_SQL = SQL_DIR / "views.sql"
SEARCH_SQL = SQL_DIR / "search.sql"
DIMENSIONS_SQL = SQL_DIR / "dimensions.sql"  # documents.source_id and `sources`, derived by every load
REPORTS_DIR = SQL_DIR / "reports"
EXPECTATIONS_DIR = ROOT / "expectations"
DOCS_DIR = ROOT / "docs"
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "warehouse" / "templates"


def _beside(db: Path | str, suffix: str) -> Path:
    return Path(str(db) + suffix)


def lock_path(db: Path | str) -> Path:
    return _beside(db, ".lock")


def ops_path(db: Path | str) -> Path:
    return _beside(db, ".ops.duckdb")


def ops_lock_path(db: Path | str) -> Path:
    return _beside(db, ".ops.lock")


def next_path(target: Path | str, pid: int) -> Path:
    """Where the next version of `target` (the warehouse, its history or its index) is written."""
    return _beside(target, f".next-{pid}")


def resolver_path(db: Path | str) -> Path:
    return _beside(db, ".resolver")


def spool_path(db: Path | str, pid: int) -> Path:
    return _beside(db, f".spool-{pid}")


def quarantine_path(db: Path | str) -> Path:
    return _beside(db, ".quarantine")


def search_path(db: Path | str) -> Path:
    return _beside(db, ".search.duckdb")


def gx_results_path(db: Path | str) -> Path:
    return _beside(db, ".gx")


def stale_leftovers(db: Path | str) -> list[Path]:
    """What killed runs left beside the warehouse: the next files of the warehouse, its index and its
    history, and spool folders. Only call this under the writers' lock (no other run is writing)."""
    db = Path(db)
    found: list[Path] = []
    for target in (db, search_path(db), ops_path(db)):
        found += target.parent.glob(target.name + ".next-*")
    found += db.parent.glob(db.name + ".spool-*")
    return found

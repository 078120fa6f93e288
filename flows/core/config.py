"""Every setting of the product with its one default, and the environment variables that change them.

Command-line options take their defaults from here (`dossier run --batch-size`, `--db`), and modules
import the names they need, so a default is written once. Tuning constants that are not settings (slice
sizes that bound memory, regex budgets) stay beside the code they tune.

| setting | default | environment |
|---|---|---|
| DEFAULT_DB | warehouse.duckdb | |
| BATCH_SIZE: documents per extraction task | 2000 | |
| MAX_BYTES: a file bigger than this is not an article (rejected) | 10 MiB | |
| MAX_DOC_CHARS: extraction budget of one document (rejected past it) | 1,000,000 | DOSSIER_MAX_DOC_CHARS |
| MIN_CHARS: a text shorter than this is rejected | 40 | |
| LOAD_MEMORY_LIMIT: DuckDB's memory limit while loading a whole warehouse (a first load, a full refresh) | 512MB | DOSSIER_LOAD_MEMORY_LIMIT |
| DAILY_LOAD_MEMORY_LIMIT: DuckDB's memory limit while a daily run merges its changes in place (a merge that needs more is rolled back and done again under LOAD_MEMORY_LIMIT) | 192MB | DOSSIER_DAILY_LOAD_MEMORY_LIMIT |
| READ_WAIT_SECONDS: how long a reader retries while a run commits its load in place | 30 | DOSSIER_READ_WAIT |
| LOAD_WAIT_SECONDS: how long the load waits for readers to let go of the warehouse (then it copies) | 10 | DOSSIER_LOAD_WAIT |
| KEEP_RESULTS_RUNS: runs whose GX results are kept for Data Docs | 30 | |
| TABLE_ROWS: rows `dossier sql` prints before it says how many more | 200 | |
| EARLY_GX_MAX_DOCS: runs up to this size import GX while the Prefect server starts | 20,000 | |
| EARLY_GX_MAX_WAREHOUSE_MB: ... unless the warehouse file is larger: a daily run into a big warehouse imports GX at validation, so its ~220 MB stay out of resolution's memory peak (at 10k, a 110 MB file, resolution peaks well under the load, which holds GX anyway: imported early there, ~2.5 s off the daily run's wall; issue 24, session 13) | 256 | |

Test seams (never set in production): DOSSIER_FAULT_PAUSE=<point>:<seconds> pauses a run at a named
point so a test can kill it there (`fault_point`; DOSSIER_FAULT_MARK=<file> is written when it pauses); DOSSIER_TEST_DISK_FREE=<bytes> pretends the disk
has that much room (`disk_free_override`).
"""

from __future__ import annotations

import os
import time

DEFAULT_DB = "warehouse.duckdb"
BATCH_SIZE = 2000
MAX_BYTES = 10 * 1024 * 1024  # news articles are kilobytes; anything this big is not one
# The extraction budget of one document: the longest news long-reads run to ~150k characters; past this a
# file is a dump, a book or an attack (a 2.5 MB file of repeated counts), and one document must never
# hold a run for minutes. Extraction is linear, so characters bound its time.
MAX_DOC_CHARS = int(os.environ.get("DOSSIER_MAX_DOC_CHARS", 1_000_000))
MIN_CHARS = 40
LOAD_MEMORY_LIMIT = os.environ.get("DOSSIER_LOAD_MEMORY_LIMIT", "512MB")
# a daily merge writes a day's groups only: at 100k documents, 256MB took the load's peak from 1,257 to 1,031 MB
# RSS at the same CPU (docs/scaling.md, session 9), where 512MB let DuckDB grow to the run's peak
DAILY_LOAD_MEMORY_LIMIT = os.environ.get("DOSSIER_DAILY_LOAD_MEMORY_LIMIT", "192MB")
READ_WAIT_SECONDS = float(os.environ.get("DOSSIER_READ_WAIT", 30))
LOAD_WAIT_SECONDS = float(os.environ.get("DOSSIER_LOAD_WAIT", 10))
KEEP_RESULTS_RUNS = 30
TABLE_ROWS = 200
EARLY_GX_MAX_DOCS = 20_000
EARLY_GX_MAX_WAREHOUSE_MB = 256


def fault_point(name: str) -> None:
    """Test seam: DOSSIER_FAULT_PAUSE=<name>:<seconds> pauses here so a test can kill the run."""
    spec = os.environ.get("DOSSIER_FAULT_PAUSE", "")
    if spec.startswith(name + ":"):
        mark = os.environ.get("DOSSIER_FAULT_MARK")  # a file the test waits for: the run is paused here
        if mark:
            with open(mark, "w") as fh:
                fh.write(name)
        time.sleep(float(spec.split(":", 1)[1]))


def disk_free_override() -> int | None:
    """Test seam: DOSSIER_TEST_DISK_FREE=<bytes> stands for the free space of the warehouse's disk."""
    value = os.environ.get("DOSSIER_TEST_DISK_FREE")
    return int(value) if value else None

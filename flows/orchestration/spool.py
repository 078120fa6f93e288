"""The run's spool: staging frames and documents as Parquet files beside the warehouse between extraction and load (bounded memory)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl

from flows.core.paths import spool_path
from flows.warehouse.load import PREVIOUS_IDS_SQL
from flows.warehouse.access import table_names

STAGE_KEYS = {"name_candidates": "stg_name_candidates", "event_mentions": "stg_event_mentions",
              "sanction_mentions": "stg_sanction_mentions", "sentences": "stg_sentences",
              "freed_names": "stg_freed_names"}
# what a run parks on disk between extraction and load: the staging tables and the tallies
SPOOLED_TABLES = {**STAGE_KEYS, "tallies": "tallies"}

# what incremental resolution keeps of the warehouse (flows/resolution/incremental.py, `Stored`)
STORED_SQL = {
    "events": ("events", "select * from events"),
    "sanctions": ("sanctions", "select * from sanctions"),
    "conflicts": ("conflicts", "select * from conflicts where fact_table in ('events', 'sanctions')"),
    "event_evidence": ("evidence", "select fact_id, doc_id, char_start, char_end, quote from evidence "
                                   "where fact_table = 'events'"),
    "sanction_evidence": ("evidence", "select fact_id, doc_id, char_start, char_end, quote from evidence "
                                      "where fact_table = 'sanctions'"),
    "event_people": ("event_people", "select * from event_people"),
    "people": ("people", "select person_id, roles from people"),
    "person_mentions": ("person_mentions", "select * from person_mentions"),
}


def _one_thread(con) -> None:
    """Copies out of the warehouse on one DuckDB thread: each thread buffers its own row groups on the way to
    Parquet (100k documents: the copies peaked at 0.95 GB RSS on 2 threads, 0.34 GB on one, and took less CPU)."""
    con.execute("set threads = 1")


class RunSpool:
    """A run's bulky rows, parked on disk as Parquet between extraction and load.

    Document texts and the staging rows the warehouse keeps per document are
    the bulk of a run's memory, and the load is the only stage that needs them
    whole: each batch writes them out as soon as it is extracted and the load
    streams them into the warehouse with DuckDB. Lives next to the warehouse as
    `<db>.spool-<pid>/`; removed when the run ends, and a killed run's
    leftovers go with the next run's lock.
    """

    def __init__(self, db: Path) -> None:
        self.folder = spool_path(db, os.getpid())
        self.files: list[Path] = []                                   # texts: (source_path, text)
        # per staging table (and tallies): rows extracted by this run, which the load appends ...
        self.stage_files: dict[str, list[Path]] = {t: [] for t in SPOOLED_TABLES.values()}
        # ... and rows of unchanged documents copied out of the current warehouse, which it keeps
        self.previous_files: dict[str, list[Path]] = {t: [] for t in SPOOLED_TABLES.values()}

    def __enter__(self) -> "RunSpool":
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def write(self, docs: pl.DataFrame) -> pl.DataFrame:
        """Park the batch's texts; return the batch without them."""
        path = self.folder / f"texts-{len(self.files):06d}.parquet"
        docs.filter(pl.col("text").is_not_null()).select("source_path", "text").write_parquet(path)
        self.files.append(path)
        return docs.with_columns(text=pl.lit(None, pl.String))

    def _write(self, frame: pl.DataFrame, name: str) -> Path:
        path = self.folder / f"{name}.parquet"
        frame.write_parquet(path)
        return path

    def write_stage(self, stage: dict[str, pl.DataFrame]) -> None:
        """Park the batch's staging rows (one file per staging table, empty ones skipped)."""
        for key, table in SPOOLED_TABLES.items():
            frame = stage.get(key)
            if frame is None or frame.is_empty():
                continue
            self.stage_files[table].append(self._write(frame, f"{table}-{len(self.stage_files[table]):06d}"))

    def park(self, tables: dict[str, pl.DataFrame]) -> dict[str, list[Path]]:
        """Write validated fact tables to the spool; the load appends them from there, so the frames can
        be dropped before DuckDB takes its share of memory. An empty table is parked as no file."""
        return {name: [] if frame.is_empty() else [self._write(frame, f"table-{name}")]
                for name, frame in tables.items()}

    def copy_previous(self, db: Path, keep_doc_ids: list[str]) -> dict[str, list[Path]]:
        """Copy out of the current warehouse, with DuckDB straight to disk, what this run keeps of it.

        The unchanged documents' staging rows join `sources()`; returned, per stage key, which person
        or event each earlier mention belonged to (resolve scans them at the one step that keeps ids
        stable, instead of holding them through the run: ~430 MB for a 100k-document warehouse; a full
        refresh needs them too).
        """

        if not Path(db).exists():
            return {}

        from flows.warehouse.access import open_read_only
        from flows.warehouse.safesql import literal

        def copy(con, sql: str, name: str, params=()) -> Path:
            path = self.folder / f"{name}.parquet"
            con.execute(f"copy ({sql}) to {literal(path)} (format parquet)", params)
            return path

        with open_read_only(db) as con:
            _one_thread(con)
            present = table_names(con)
            n_loaded = con.execute("select count(*) from documents where status = 'loaded'").fetchone()[0] \
                if "documents" in present else -1
            keeps_all = len(set(keep_doc_ids)) == n_loaded
            for table in SPOOLED_TABLES.values():
                if keep_doc_ids and table in present:
                    # in the order the warehouse stores them (the order the last run resolved them in), or
                    # resolve's tie-breaks (the first mention, the first count seen) differ run to run: a
                    # plain scan keeps that order, where a semi join on the kept ids returns rows as its
                    # threads finish, and sorting them back by rowid held ~1 GB more at 100k documents
                    path = copy(con, f"select * from {table}", f"previous-{table}")
                    if not keeps_all:  # some documents changed or went: a streaming filter, in order
                        kept = path.with_name(f"kept-{table}.parquet")
                        pl.scan_parquet(path).filter(pl.col("doc_id").is_in(pl.Series(keep_doc_ids, dtype=pl.String)
                                                                           .implode())).sink_parquet(kept)
                        path = kept.replace(path)
                    self.previous_files[table].append(path)
            return {key: [copy(con, sql, f"previous-ids-{key}")]
                    for key, (needs, sql) in PREVIOUS_IDS_SQL.items() if needs in present}

    def copy_stored(self, db: Path) -> dict[str, list[Path]]:
        """The stored rows incremental resolution keeps for the blocks a run does not touch
        (flows/resolution/incremental.py), copied with DuckDB straight to disk, per `Stored` field."""
        from flows.warehouse.access import open_read_only
        from flows.warehouse.safesql import literal

        out = {}
        with open_read_only(db) as con:
            _one_thread(con)
            present = table_names(con)
            for name, (table, sql) in STORED_SQL.items():
                if table in present:
                    path = self.folder / f"stored-{name}.parquet"
                    con.execute(f"copy ({sql}) to {literal(path)} (format parquet)")
                    out[name] = [path]
        return out

    def sources(self) -> dict[str, list[Path]]:
        """Every current document's staging rows, per stage key: unchanged documents first, then this run's."""
        return {key: self.previous_files[table] + self.stage_files[table] for key, table in SPOOLED_TABLES.items()}

"""The run, as plain functions: plan (incremental), extract, facts, resolve, validate, load.

`flows/orchestration/flow.py` wraps these as Prefect tasks; tests call them directly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.core.config import disk_free_override
from flows.documents.extract import DOCUMENT_SCHEMA, mark_duplicates, scan_folder
from flows.orchestration.extractor_version import EXTRACTOR_VERSION
from flows.warehouse.access import WarehouseError
from flows.warehouse.load import read_previous
from flows.warehouse.history import record_ops



def new_run_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


@dataclass
class Plan:
    """What an incremental run has to do."""
    to_read: list[str]                 # relative paths to (re)read and extract
    kept: pl.DataFrame                 # previous documents rows that stay as they are
    removed: list[str]                 # paths gone from the folder: their rows go
    n_files: int = 0
    bytes_to_read: int = 0             # size of the files to read (the disk space check needs it)
    warnings: list[str] = field(default_factory=list)  # said in the run's summary and history

    @property
    def message(self) -> str | None:
        return "; ".join(self.warnings) or None

    @property
    def is_noop(self) -> bool:
        return not self.to_read and not self.removed


class SourceUnreadable(WarehouseError):
    """The source folder, or a folder in it whose documents a run would have to drop, cannot be listed."""


def _keep_unreadable(scan: pl.DataFrame, previous_docs: pl.DataFrame | None, unreadable, full_refresh: bool):
    """Documents under folders that could not be listed are kept as they are, never deleted: returns the
    scan with their previous rows standing in for them, and the warnings to record. The folder itself
    unreadable, or a full refresh (which would drop them), is SourceUnreadable."""
    if not unreadable:
        return scan, []
    if any(folder == "." for folder, _ in unreadable):
        raise SourceUnreadable(f"cannot list the source folder: {unreadable[0][1]}")
    warnings = []
    prev = previous_docs if previous_docs is not None else pl.DataFrame(schema={"source_path": pl.String})
    stand_ins = []
    for folder, reason in unreadable:
        under = prev.filter(pl.col("source_path").str.starts_with(folder + "/")) if prev.height else prev
        if under.height and full_refresh:
            raise SourceUnreadable(f"cannot list {folder}/ ({reason}): a full refresh would drop its "
                                   f"{under.height} documents; fix its permissions or move it out of the folder")
        warnings.append(f"warning: cannot list {folder}/ ({reason}); its {under.height} documents were kept as they were")
        if under.height:
            stand_ins.append(under.select(scan.columns))
    if stand_ins:
        scan = pl.concat([scan, *stand_ins], how="vertical_relaxed").unique("source_path", keep="first") \
            .sort("source_path")
    return scan, warnings


def plan_run(scan: pl.DataFrame, previous_docs: pl.DataFrame | None, full_refresh: bool = False,
             extractor_version: str = EXTRACTOR_VERSION, unreadable=()) -> Plan:
    """Skip files whose path, size and mtime match a row extracted by the same extractor version.

    `unreadable`: folders the scan could not list, (path, reason): their documents stay as they were."""
    scan, warnings = _keep_unreadable(scan, previous_docs, unreadable, full_refresh)
    plan = _plan(scan, previous_docs, full_refresh, extractor_version)
    plan.warnings = warnings
    return plan


def _plan(scan: pl.DataFrame, previous_docs: pl.DataFrame | None, full_refresh: bool,
          extractor_version: str) -> Plan:
    if previous_docs is None or previous_docs.is_empty() or full_refresh:
        empty = pl.DataFrame(schema={k: v for k, v in DOCUMENT_SCHEMA.items() if k != "text"})
        removed = [] if previous_docs is None or previous_docs.is_empty() else previous_docs["source_path"].to_list()
        return Plan(scan["source_path"].to_list(), empty, removed, scan.height, int(scan["n_bytes"].sum() or 0))
    prev = previous_docs
    same = scan.join(prev, on=["source_path", "n_bytes", "mtime_ns"], how="inner").filter(
        pl.col("extractor_version") == extractor_version)
    kept_paths = set(same["source_path"].to_list())
    to_read = [p for p in scan["source_path"].to_list() if p not in kept_paths]
    scan_paths = set(scan["source_path"].to_list())
    reading = set(to_read)  # (a list's `in` per stored path: 1.8 s at 100k)
    removed = [p for p in prev["source_path"].to_list() if p not in scan_paths or p in reading]
    kept_series = pl.Series(list(kept_paths), dtype=pl.String).implode()
    kept = prev.filter(pl.col("source_path").is_in(kept_series))
    to_read_bytes = scan.filter(~pl.col("source_path").is_in(kept_series))["n_bytes"].sum()
    return Plan(to_read, kept, removed, scan.height, int(to_read_bytes or 0))


def combine_documents(kept: pl.DataFrame, new_docs: pl.DataFrame, originals: list[str] | None = None) -> pl.DataFrame:
    """Kept and newly read rows; byte-identical copies across both become duplicates of the copy loaded
    first: a kept loaded row, else a path in `originals` (loaded before a full refresh), else by path."""
    # rows of a warehouse made before a column existed (documents.encoding, ...) have it null
    kept = kept.with_columns(text=pl.lit(None, pl.String), *[
        pl.lit(None, dtype).alias(c) for c, dtype in DOCUMENT_SCHEMA.items() if c not in kept.columns and c != "text"])
    cols = list(DOCUMENT_SCHEMA)
    if not new_docs.columns:  # a run that reads nothing (files only removed): no new rows, in the documents' shape
        new_docs = pl.DataFrame(schema=DOCUMENT_SCHEMA)
    both = pl.concat([kept.select(cols), new_docs.select(cols)], how="vertical_relaxed")
    first = kept.filter(pl.col("status") == "loaded")["source_path"].to_list() + list(originals or [])
    return mark_duplicates(both.sort("source_path"), first)


def loaded_paths(previous_docs: pl.DataFrame | None) -> list[str]:
    """Paths the warehouse holds as loaded documents (originals for duplicate marking)."""
    if previous_docs is None or previous_docs.is_empty():
        return []
    return previous_docs.filter(pl.col("status") == "loaded")["source_path"].to_list()


def drop_seen_documents(stage: dict[str, pl.DataFrame], seen: set[str]) -> dict[str, pl.DataFrame]:
    """A batch's staging frames without documents already staged by an earlier batch; adds its ids to `seen`.

    Identical bytes give identical facts, so the first copy's rows are the copy's rows. Cheaper than
    deduplicating whole rows of the merged frames (which hashed every sentence of the run at once).
    """
    if not stage:
        return stage
    ids = set(stage["furniture"]["doc_id"].to_list())
    repeated = ids & seen
    seen |= ids
    return drop_documents(stage, repeated)


def summarise(docs: pl.DataFrame, tables: dict[str, pl.DataFrame | int], plan: Plan) -> dict:
    """The run's counts; `tables`: the fact tables, or their whole row counts (`cut_to_scopes`)."""
    counts = docs.group_by("status").len()
    by = dict(zip(counts["status"], counts["len"]))

    def n(name: str) -> int:
        value = tables[name]
        return value if isinstance(value, int) else value.height

    return {
        "n_files": plan.n_files, "n_processed": len(plan.to_read), "n_skipped": plan.kept.height,
        "n_loaded": by.get("loaded", 0), "n_rejected": by.get("rejected", 0), "n_duplicates": by.get("duplicate", 0),
        "n_people": n("people"), "n_events": n("events"), "n_sanctions": n("sanctions"),
    }


def drop_documents(stage: dict[str, pl.DataFrame], doc_ids: set[str]) -> dict[str, pl.DataFrame]:
    """Staging frames without the rows of `doc_ids` (e.g. copies of documents kept from an earlier run)."""
    if not doc_ids or not stage:
        return stage
    ids = list(doc_ids)
    return {k: v.filter(~pl.col("doc_id").is_in(ids)) for k, v in stage.items()}


class Timer:
    """Seconds per stage, for the runs table and the progress line."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, name: str):
        timer = self

        class _Ctx:
            def __enter__(self_inner):
                self_inner.t = time.perf_counter()

            def __exit__(self_inner, *exc):
                timer.seconds[name] = round(timer.seconds.get(name, 0) + time.perf_counter() - self_inner.t, 3)

        return _Ctx()

    def json(self) -> str:
        return json.dumps(self.seconds)


def plan_folder(source: Path, db: Path, full_refresh: bool = False) -> tuple[Plan, pl.DataFrame | None]:
    """The incremental plan from a cheap listing and the warehouse's documents (None when it has none)."""
    previous = read_previous(db).get("documents")
    scan, unreadable = scan_folder(source)
    return plan_run(scan, previous, full_refresh, unreadable=unreadable), previous


def record_noop(source: Path, db: Path, run_id: str, started, plan: Plan, previous_docs: pl.DataFrame,
                 timer: Timer) -> dict:
    summary = summarise(previous_docs, {k: pl.DataFrame() for k in ("people", "events", "sanctions")}, plan)
    summary.update(counts_from_db(db))
    record_run(db, run_id, started, "success", "; ".join(["no changes", *plan.warnings]), source, summary, timer,
               pl.DataFrame())
    return {"run_id": run_id, "status": "success", "noop": True, **summary, "stage_seconds": timer.seconds,
            "warnings": plan.warnings}


# What a run writes next to its warehouse at its peak: the next warehouse, built as a copy of the current
# one, which grows by ~3.2x the text it reads (measured: 35 MB of text -> 107 MB, 347 MB -> 1.1-1.2 GB),
# and the run's spool beside it. The check only refuses runs that cannot fit: it asks for the copy and
# 3x the new text, plus a little room for the history and DuckDB's own files.
DISK_BYTES_PER_TEXT_BYTE = 3
DISK_HEADROOM_BYTES = 64 * 2**20


def disk_space_needed(db: Path, plan: Plan) -> int:
    """Bytes a run needs free next to the warehouse (see DISK_BYTES_PER_TEXT_BYTE)."""
    current = db.stat().st_size if db.exists() else 0
    return current + DISK_BYTES_PER_TEXT_BYTE * plan.bytes_to_read + DISK_HEADROOM_BYTES


def require_disk_space(source: Path, db: Path, plan: Plan, run_id: str, started, timer: Timer) -> None:
    """Refuse a run that cannot fit on the warehouse's disk before it reads anything: raises WarehouseError
    with the figures, and records the failed run in the history (the warehouse is not touched)."""
    from flows.warehouse.access import WarehouseError

    need = disk_space_needed(db, plan)
    folder = db.resolve().parent
    # test seam (as load's DOSSIER_FAULT_PAUSE): a disk reported roomy, so a test can fill a real small one
    free = disk_free_override() or shutil.disk_usage(folder).free
    if free >= need:
        return
    current = db.stat().st_size if db.exists() else 0
    message = (f"not enough free disk space in {folder}: {free / 1e6:,.0f} MB free, this run needs about "
               f"{need / 1e6:,.0f} MB (a copy of the warehouse, {current / 1e6:,.0f} MB, and ~{DISK_BYTES_PER_TEXT_BYTE}x "
               f"the {plan.bytes_to_read / 1e6:,.1f} MB of text to read); nothing was changed")
    summary = {"n_files": plan.n_files, "n_processed": len(plan.to_read), "n_skipped": plan.kept.height}
    try:
        record_run(db, run_id, started, "failed", message, source, summary, timer, None)
    except Exception:  # noqa: BLE001 - a disk too full for the history too: the error below still says why
        pass
    raise WarehouseError(message)


def run_if_unchanged(source: str, db: str, wait_seconds: float = 0.0,
                     full_refresh: bool = False) -> tuple[dict | None, int]:
    """Fast path without Prefect: a folder with no new, changed or removed files needs no flow run.

    Returns the recorded no-op run (or None when there is work) and the number of files to read.
    """
    from flows.warehouse.access import WarehouseBusy, write_lock

    db_path = Path(db)
    timer = Timer()
    try:
        with write_lock(db_path, wait_seconds):  # a busy warehouse is reported before Prefect starts
            with timer("plan"):
                reconcile_history(db_path)
                plan, previous_docs = plan_folder(Path(source), db_path, full_refresh)
            return _after_plan(source, db_path, full_refresh, plan, previous_docs, timer)
    except WarehouseBusy as exc:
        record_busy(db_path, source, str(exc), timer)
        raise
    except SourceUnreadable as exc:
        record_busy(db_path, source, str(exc), timer, status="failed")
        raise


def record_busy(db: Path, source, message: str, timer: "Timer", status: str = "busy") -> None:
    """A run turned away by a busy warehouse is in the history too (status 'busy'), with the reason."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    try:
        record_run(db, new_run_id(), now, status, message, source, {}, timer, None)
    except Exception:  # noqa: BLE001 - the history is busy too: the error the caller raises says why
        pass


def _after_plan(source, db_path: Path, full_refresh: bool, plan, previous_docs, timer) -> tuple[dict | None, int]:
    if full_refresh or not plan.is_noop or previous_docs is None:
        # a run that cannot fit fails here, before Prefect starts
        require_disk_space(Path(source), db_path, plan, new_run_id(),
                           dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), timer)
        return None, len(plan.to_read)
    return record_noop(Path(source), db_path, new_run_id(), dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                       plan, previous_docs, timer), 0


def processes_for(n_to_read: int, batch_size: int, cpus: int | None = None) -> int:
    """Processes worth starting for a run: one per core once it has two or more batches to read.

    A process costs ~2 s to start (it imports the stack), which a run of one batch never earns back.
    """
    cpus = cpus or os.cpu_count() or 1
    n_batches = -(-n_to_read // max(1, batch_size))
    return min(cpus, n_batches) if n_batches >= 2 else 1


def reconcile_history(db: Path) -> None:
    """Settle runs a kill left 'loading' (between their checks and their swap): the warehouse's own copy
    of the history says whether the swap happened. Called with the write lock held."""
    from flows.core.paths import ops_path
    from flows.warehouse.access import connect_read_only, open_read_only
    from flows.warehouse.history import rewrite_ops

    if not ops_path(db).exists():
        return
    with connect_read_only(db) as con:
        try:
            loading = [r[0] for r in con.execute("select run_id from runs where status = 'loading'").fetchall()]
        except Exception:  # noqa: BLE001 - no history table yet
            return
    if not loading:
        return
    swapped = set()
    if Path(db).exists():
        with open_read_only(db) as con:
            swapped = {r[0] for r in con.execute(
                "select run_id from main.runs where run_id in (select unnest(?))", [loading]).fetchall()}

    def settle(con):
        for run_id in loading:
            if run_id in swapped:
                con.execute("update runs set status = 'success' where run_id = ?", [run_id])
            else:
                con.execute("update runs set status = 'failed', message = ? where run_id = ?",
                            ["stopped after its checks and before its warehouse was swapped in (killed?); "
                             "the warehouse kept the previous state", run_id])

    rewrite_ops(db, settle)


def counts_from_db(db: Path) -> dict:
    from flows.warehouse.access import open_read_only

    with open_read_only(db) as con:
        return {f"n_{t}": con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("people", "events", "sanctions")}


def record_success(db: Path, run_id: str, timer: Timer) -> None:
    """Once the new warehouse is in place: the run's history row says success, with its load time too
    (record_run ran inside the load, before the swap, with status 'loading')."""
    from flows.warehouse.history import update_run

    update_run(db, run_id, status="success", stage_seconds=timer.json())


def incremental_state(db: Path, spool, keep_ids: list[str], all_docs: pl.DataFrame,
                      previous_docs: pl.DataFrame | None, full_refresh: bool):
    """What incremental resolution needs (`resolution.incremental.Stored`), or None when the run resolves
    everything: a first load, a full refresh, or a warehouse the current resolution code did not resolve
    (its `.resolver` fingerprint is missing or another), whose stored rows may not be what this code makes."""
    from flows.core.paths import resolver_path
    from flows.resolution.incremental import Stored, resolver_fingerprint

    fingerprint = resolver_path(db)
    if full_refresh or not keep_ids or previous_docs is None or not Path(db).exists() or not fingerprint.exists():
        return None
    if fingerprint.read_text().strip() != resolver_fingerprint():
        return None
    keep = set(keep_ids)
    loaded = all_docs.filter(pl.col("status") == "loaded")["doc_id"].to_list()
    stored_loaded = previous_docs.filter(pl.col("status") == "loaded")["doc_id"].to_list()
    return Stored(new_doc_ids=sorted(set(loaded) - keep), gone_doc_ids=sorted(set(stored_loaded) - keep),
                  **spool.copy_stored(db))


def in_scopes(tables: dict[str, pl.DataFrame], scopes: dict[str, pl.Series] | None,
              names: tuple[str, ...] | None = None) -> dict[str, pl.DataFrame]:
    """The tables (those in `names`), each cut to the groups its scope names (all of it without a scope):
    an incremental resolution's tables as the groups that may have changed (`assemble._scopes`)."""
    from flows.warehouse.load import group_key_expr

    out = {}
    for name, frame in tables.items():
        if names is not None and name not in names:
            continue
        scope = (scopes or {}).get(name)
        if scope is not None:
            frame = frame.filter(group_key_expr(name).is_in(scope.implode()))
        # a lazy table (a daily run's events and tallies) is read here, its scope's rows only
        out[name] = frame.collect() if isinstance(frame, pl.LazyFrame) else frame
    return out


def collected(tables: dict[str, pl.DataFrame | pl.LazyFrame]) -> dict[str, pl.DataFrame]:
    """The tables with every lazy one read whole (`assemble_tables` leaves a daily run's events and tallies
    lazy; only what compares or inspects the whole tables needs them so)."""
    return {name: frame.collect() if isinstance(frame, pl.LazyFrame) else frame for name, frame in tables.items()}


def _height(frame: pl.DataFrame | pl.LazyFrame) -> int:
    return frame.select(pl.len()).collect().item() if isinstance(frame, pl.LazyFrame) else frame.height


# the tables whose whole row counts a run reports (`summarise`, the resolve log line)
COUNTED_TABLES = ("people", "events", "sanctions", "evidence")


def cut_to_scopes(tables: dict[str, pl.DataFrame], scopes: dict[str, pl.Series] | None
                  ) -> tuple[dict[str, pl.DataFrame], dict[str, int]]:
    """An incremental resolution's tables cut to their scopes at once (`in_scopes`), with the whole tables'
    row counts (COUNTED_TABLES): quoting, validation, parking and the load read nothing outside the scopes,
    so the whole tables (at 100k: 1.2M person mentions, 0.5M events, 0.3M tallies) are not held through them.
    What validation measures on a whole table it reads back from the warehouse (`validate.whole_tables`).
    Without scopes (a full resolution) the tables stay whole."""
    counts = {name: _height(tables[name]) for name in COUNTED_TABLES if name in tables}
    if not scopes:
        return collected(tables), counts
    cut = in_scopes(tables, scopes)
    tables.clear()  # the whole frames go now, even where another holds the dict (a task's returned state)
    return cut, counts


def forget_resolver(db: Path) -> None:
    """Before a load: the warehouse is about to change, so its fingerprint goes (a kill between the load and
    `mark_resolver` leaves none: the next run resolves everything, which is always right)."""
    from flows.core.paths import resolver_path

    resolver_path(db).unlink(missing_ok=True)


def mark_resolver(db: Path) -> None:
    """After a successful load: the warehouse is the current resolution code's (see `incremental_state`)."""
    from flows.core.paths import resolver_path
    from flows.resolution.incremental import resolver_fingerprint

    resolver_path(db).write_text(resolver_fingerprint() + "\n")


def record_run(db: Path, run_id: str, started, status: str, message, source, summary: dict, timer, dq) -> None:
    from flows.warehouse.validate import DQ_SCHEMA

    finished = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    dq = dq if dq is not None and not dq.is_empty() else pl.DataFrame(schema=DQ_SCHEMA)
    row = {"run_id": run_id, "started_at": started, "finished_at": finished, "status": status, "message": message,
           "source_dir": str(source), **{k: v for k, v in summary.items() if k.startswith("n_")},
           "n_dq_failed": int((~dq["success"]).sum()) if dq.height else 0, "stage_seconds": timer.json()}
    record_ops(db, pl.DataFrame([row]), dq)


__all__ = ["plan_run", "combine_documents", "summarise", "Timer",
           "new_run_id", "drop_documents", "processes_for", "plan_folder", "record_noop", "run_if_unchanged", "record_run", "Plan",
           "disk_space_needed", "require_disk_space", "reconcile_history", "record_busy", "incremental_state",
           "forget_resolver", "mark_resolver", "in_scopes", "cut_to_scopes"]

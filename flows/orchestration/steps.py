"""The steps of a locked run that are not Prefect's business, as plain objects the flow calls.

`flow._locked_run` only orders these and the tasks: what happens to each extracted batch
(`BatchSink`), the check a load runs inside its transaction (`LoadCheck`), and how a failed load is
recorded (`record_load_failure`).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from flows.core.paths import quarantine_path
from flows.core.runtime import collect_batch
from flows.orchestration import pipeline
from flows.orchestration.spool import RunSpool
from flows.warehouse.validate import critical_failures, run_invariants

NO_FURNITURE = {"doc_id": pl.String, "n_furniture_chars": pl.Int64}


class DataQualityError(RuntimeError):
    """A critical expectation failed; the warehouse was not replaced."""


class BatchSink:
    """Where extracted batches go: each batch's texts and staging rows to the spool on disk at once (memory
    stays flat however many batches there are), once per document."""

    def __init__(self, spool: RunSpool, kept_ids: list[str]):
        self.spool = spool
        self.seen_ids: set[str] = set()
        self.kept = set(kept_ids)
        self.furniture: list[pl.DataFrame] = []
        self.docs: list[pl.DataFrame] = []

    def add(self, batch_docs: pl.DataFrame, batch_stage: dict[str, pl.DataFrame]) -> None:
        # byte-identical files in different batches share a doc_id: keep the first batch's facts
        batch_stage = pipeline.drop_seen_documents(batch_stage, self.seen_ids)
        self.furniture.extend([batch_stage["furniture"]] if batch_stage else [])
        # none for copies of documents kept from earlier runs either
        batch_stage = pipeline.drop_documents(batch_stage, self.kept)
        self.spool.write_stage(batch_stage)
        self.docs.append(self.spool.write(batch_docs))
        del batch_docs, batch_stage  # texts and staging rows now live only in the spool
        collect_batch()  # Prefect's futures hold the batch in cycles (flows.core.runtime)

    def documents(self, plan: pipeline.Plan, originals: list[str]) -> tuple[pl.DataFrame | None, pl.DataFrame, pl.DataFrame]:
        """(this run's new documents, every current document, the furniture chars per document)."""
        new = pl.concat(self.docs, how="diagonal_relaxed") if self.docs else None
        every = pipeline.combine_documents(plan.kept, new if new is not None else pl.DataFrame(), originals)
        furniture = pl.concat(self.furniture).unique("doc_id") if self.furniture else pl.DataFrame(schema=NO_FURNITURE)
        self.docs, self.furniture = [], []
        return new, every, furniture


class LoadCheck:
    """What the load runs on the written warehouse before it keeps it: the SQL invariants, then 'loading'
    in the history (a kill before the new state is kept must not leave 'success'; the next run settles
    it: pipeline.reconcile_history). A critical failure raises DataQualityError and nothing is kept."""

    def __init__(self, dq: pl.DataFrame, db: Path, run_id: str, started, plan: pipeline.Plan, source,
                 summary: dict, timer):
        self.dq, self.offenders = dq, {}
        self._before_load = dq  # the results before the invariants: a load tried again checks once more from here
        self.db, self.run_id, self.started, self.plan = db, run_id, started, plan
        self.source, self.summary, self.timer = source, summary, timer

    def __call__(self, con) -> pl.DataFrame:
        inv, self.offenders = run_invariants(con, self.run_id)
        self.dq = pl.concat([self._before_load, inv])
        failed = critical_failures(self.dq)
        if failed.height:
            raise DataQualityError("; ".join(f"{t}: {e}" for t, e in failed.select("table_name", "expectation").iter_rows()))
        pipeline.record_run(self.db, self.run_id, self.started, "loading", self.plan.message, self.source, self.summary,
                            self.timer, self.dq)
        return self.dq


def record_load_failure(check: LoadCheck, exc: Exception) -> None:
    """A load that did not keep its state: 'failed_dq' (with the offending rows quarantined) or 'failed'."""
    if isinstance(exc, DataQualityError):
        pipeline.record_run(check.db, check.run_id, check.started, "failed_dq", str(exc)[:2000], check.source,
                            check.summary, check.timer, check.dq)
        write_quarantine(check.db, check.run_id, check.offenders)
    else:
        pipeline.record_run(check.db, check.run_id, check.started, "failed", f"{type(exc).__name__}: {exc}"[:2000],
                            check.source, check.summary, check.timer, check.dq)
    exc.dossier_recorded = True


def write_quarantine(db: Path, run_id: str, offenders: dict[str, pl.DataFrame]) -> None:
    """Offending rows of a failed critical check, as Parquet files the user can inspect."""
    if not offenders:
        return
    folder = quarantine_path(db) / run_id
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in offenders.items():
        frame.write_parquet(folder / (name.replace(" ", "_").replace("'", "") + ".parquet"))

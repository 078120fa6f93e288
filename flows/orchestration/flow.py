"""Prefect orchestration: the stage functions as tasks, wired by one flow.

Tasks work on batches (a frame of documents), never on one document. Logic
lives in the stage modules; this module only orders, times and logs them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task

# no cache keys: Prefect's default would hash (pickle) every input frame, a copy of the run in memory
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal

from flows.core.config import BATCH_SIZE, fault_point
from flows.core.runtime import frozen_heap
from flows.documents.extract import extract_documents
from flows.extraction.facts import EXTRACTOR_VERSION, extract_facts
from flows.orchestration import pipeline, signals
from flows.orchestration.spool import RunSpool
from flows.orchestration.steps import BatchSink, LoadCheck, record_load_failure
from flows.resolution.assemble import SCOPES, assemble_tables
from flows.resolution.evidence import quote_evidence
from flows.resolution.incremental import IncrementalMismatch
from flows.warehouse.load import write_warehouse
from flows.warehouse.validate import run_suites, run_suites_incremental, save_validation_results

# SIGTERM, as ours (before the flow starts) or as Prefect's engine turns it into an exception while a flow runs
TERMINATIONS = (signals.RunTerminated, TerminationSignal)


@task(name="read_and_extract", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_and_extract_task(source: str, paths: list[str], originals: list[str] | None = None
                          ) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """Read one batch of files and extract their candidate facts (files are the outside world: one retry).
    `originals`: the batch's paths that were loaded before (they stay the original of any copy)."""
    # full collections walked a worker's modules, lexicons and caches ~5 times a batch: 0.8-1.1 s of 6-7.5 s
    with frozen_heap():
        fault_point("extract")
        docs = extract_documents(Path(source), [Path(source) / p for p in paths], originals)
        loaded = docs.filter(pl.col("status") == "loaded")
        return docs, (extract_facts(loaded) if loaded.height else {})


@task(name="resolve", cache_policy=NO_CACHE)
def resolve_task(stage: dict[str, pl.DataFrame], previous: dict[str, pl.DataFrame], stored=None
                 ) -> dict[str, pl.DataFrame]:
    """Merge people, events and sanctions across all current documents (`stored`: a daily run, which resolves
    events and sanctions again only where its documents touch them)."""
    if stored is not None:
        try:
            return assemble_tables(stage, previous, stored)
        except IncrementalMismatch as exc:  # stored rows this code would not make: resolve everything
            get_run_logger().warning("incremental resolution: %s; resolving everything", exc)
    return assemble_tables(stage, previous)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(tables: dict[str, pl.DataFrame], run_id: str, db: str | None = None,
                  incremental: bool = False, scopes: dict | None = None) -> pl.DataFrame:
    """Great Expectations suites on the run's frames; with `db`, GX's results are kept beside it for Data Docs.
    `incremental` (a daily run into a stored warehouse): the rows that are new or changed against it
    (`scopes`: the groups of each table that may have changed, from incremental resolution)."""
    results = {} if db else None
    # tables cut to scopes are always validated against the warehouse they stand for
    dq = run_suites_incremental(Path(db), tables, run_id, gx_results=results, scopes=scopes) \
        if (incremental or scopes) and db \
        else run_suites(tables, run_id, gx_results=results)
    if db:
        save_validation_results(Path(db), run_id, results)
    return dq


# the load (with the warehouse invariants it checks before the swap) as a task of its own on the run page;
# no retries: a failed check or a full disk fails the same way twice
load_task = task(name="load", cache_policy=NO_CACHE)(write_warehouse)


def _release_workers() -> None:
    """Stop the flow's local process pool once every batch is extracted: its idle workers would keep
    their extraction memory (~0.5 GB each) through resolve and load, where only this process works."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ProcessPoolTaskRunner

    runner = getattr(FlowRunContext.get(), "task_runner", None)
    if isinstance(runner, ProcessPoolTaskRunner):
        runner.cancel_all()  # every submitted batch has finished: this only shuts the pool down


def _progress(progress, stage: str, done: int, total: int) -> None:
    if progress:
        progress(stage, done, total)


def _run_name() -> str:
    """Each flow run is named by Dossier's run id (the id in `runs`, `dq_results` and the quarantine)."""
    return pipeline.new_run_id()


def _run_id() -> str:
    """This flow run's name, which is its Dossier run id; a new id if the run was renamed otherwise."""
    import re

    from prefect.runtime import flow_run

    name = flow_run.get_name() if hasattr(flow_run, "get_name") else flow_run.name
    return name if name and re.fullmatch(r"\d{8}T\d{6}-[0-9a-f]{6}", name) else pipeline.new_run_id()


@flow(name="dossier", flow_run_name=_run_name, log_prints=False, persist_result=False)
def dossier_flow(source: str = "seeds", db: str = "warehouse.duckdb", full_refresh: bool = False,
                 batch_size: int = BATCH_SIZE, progress=None, wait_seconds: float = 0.0,
                 batches_in_flight: int = 2) -> dict:
    """Folder of news texts -> DuckDB warehouse (incremental; atomic load)."""
    logger = get_run_logger()
    from flows.warehouse.access import WarehouseBusy, write_lock

    run_id = _run_id()
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    timer = pipeline.Timer()
    db_path = Path(db)
    # the heap as it is now (Prefect, polars, GX at up to 20k documents: ~390k objects) is left out of the
    # run's collections, which walked it again each time: 0.25-0.4 s per batch in the loop below
    try:
        with write_lock(db_path, wait_seconds):
            return _locked_run(source, db, full_refresh, batch_size, progress, batches_in_flight, logger,
                               run_id, started, timer)
    except WarehouseBusy as exc:  # another run holds the lock, or a program the warehouse file itself
        pipeline.record_busy(db_path, source, str(exc), timer)
        raise
    except pipeline.SourceUnreadable as exc:
        pipeline.record_busy(db_path, source, str(exc), timer, status="failed")
        raise
    except TERMINATIONS:
        pipeline.record_run(db_path, run_id, started, "failed", "terminated by SIGTERM; the warehouse kept the "
                            "previous state", source, {}, timer, None)
        signals.exit_if_terminating()
        raise
    except Exception as exc:  # failed before the load (extract, resolve, validate): in the history too
        if not getattr(exc, "dossier_recorded", False):
            try:
                pipeline.record_run(db_path, run_id, started, "failed", f"{type(exc).__name__}: {exc}"[:2000],
                                    source, {}, timer, None)
            except Exception:  # noqa: BLE001 - a full disk may refuse the history too; the error below says why
                pass
        raise
    finally:  # whatever the outcome: the summary and data-quality results on the run page
        from flows.orchestration.artifacts import publish_run_artifacts

        publish_run_artifacts(db_path, run_id, logger)


def _locked_run(source, db, full_refresh, batch_size, progress, batches_in_flight, logger, run_id, started,
                timer) -> dict:
    """Plan, extract (batches in flight), resolve, validate, load, record: each step is a task or a plain
    function of `pipeline` / `steps`; this only orders them, times them and logs what they did."""
    source_path, db_path = Path(source), Path(db)
    with frozen_heap():
        with timer("plan"):
            pipeline.reconcile_history(db_path)
            plan, previous_docs = pipeline.plan_folder(source_path, db_path, full_refresh)
        logger.info("plan: %d files in %s, %d to read, %d unchanged, %d removed", plan.n_files, source,
                    len(plan.to_read), plan.kept.height, len(plan.removed))
        if not full_refresh and plan.is_noop and previous_docs is not None:
            logger.info("no changes since the last run: nothing to do")
            return pipeline.record_noop(source_path, db_path, run_id, started, plan, previous_docs, timer)
        pipeline.require_disk_space(source_path, db_path, plan, run_id, started, timer)
        with timer("plan"):
            keep_ids = plan.kept.filter(pl.col("status") == "loaded")["doc_id"].to_list()
        batches = [plan.to_read[i:i + batch_size] for i in range(0, len(plan.to_read), batch_size)]
        originals = set(pipeline.loaded_paths(previous_docs))
        with RunSpool(db_path) as spool:
            with timer("plan"):
                # unchanged documents' staging rows join this run's in the spool (a full refresh has none),
                # and which person and event ids mentions had (ids stay stable), as files the resolve scans
                previous = spool.copy_previous(db_path, keep_ids)
            with timer("extract+facts"):
                # one task per batch, read + extract where the files are, on the flow's task runner (threads,
                # processes or Dask), a bounded window in flight; each result goes to the spool at once
                sink = BatchSink(spool, keep_ids)
                window = max(1, batches_in_flight)

                def submit(paths):
                    return read_and_extract_task.submit(source, paths, [p for p in paths if p in originals])

                pending = [submit(paths) for paths in batches[:window]]
                for i in range(len(batches)):
                    batch_docs, batch_stage = pending.pop(0).result()
                    if i + window < len(batches):
                        pending.append(submit(batches[i + window]))
                    sink.add(batch_docs, batch_stage)
                    del batch_docs, batch_stage
                    _progress(progress, "extract", min((i + 1) * batch_size, len(plan.to_read)), len(plan.to_read))
            _release_workers()
            docs_new, all_docs, furniture = sink.documents(plan, list(originals))
            _log_documents(logger, docs_new, timer)
            del docs_new
            with timer("resolve"):
                # a daily run resolves again only the blocks its documents touch, the rest as stored
                stored = pipeline.incremental_state(db_path, spool, keep_ids, all_docs, previous_docs, full_refresh)
                # resolve reads the staging rows back from the spool, step by step, only the columns it needs
                tables = resolve_task(spool.sources(), previous, stored)
                del stored
                # an incremental resolution says which groups of each table may have changed: only those are
                # quoted, validated against the warehouse and loaded (the rest is what it stores)
                scopes = tables.pop(SCOPES, None)
                # from here on only those groups: the whole tables are not held through validation and the load
                tables, counts = pipeline.cut_to_scopes(tables, scopes)
                # evidence quotes join from the spooled sentences, slice by slice, into files the load appends
                evidence_files = quote_evidence(tables["evidence"], spool.sources(), spool.folder)
            del previous
            logger.info("resolve: %d people, %d events, %d sanctions, %d evidence rows in %.2f s",
                        counts["people"], counts["events"], counts["sanctions"], counts["evidence"],
                        timer.seconds.get("resolve", 0.0))
            _progress(progress, "resolve", 1, 1)
            with timer("validate"):
                # a daily run (documents kept from the warehouse) validates what is new or changed
                dq = validate_task({**tables, "documents": all_docs}, run_id, db,
                                   incremental=not full_refresh and bool(keep_ids) and db_path.exists(), scopes=scopes)
            logger.info("validate: %d of %d expectations passed in %.2f s", int(dq["success"].sum()), dq.height,
                        timer.seconds.get("validate", 0.0))
            del tables["evidence"]  # validated; the load appends the quoted copy from the spool
            summary = pipeline.summarise(all_docs, counts, plan)
            # validated tables (of an incremental run: their groups in scope) go to the spool and leave memory:
            # the load streams them into DuckDB
            table_files = spool.park(tables)
            del tables
            upsert = all_docs.join(furniture, on="doc_id", how="left").filter(
                pl.col("source_path").is_in(plan.to_read)).with_columns(
                run_id=pl.lit(run_id), extractor_version=pl.lit(EXTRACTOR_VERSION))
            current_ids = all_docs.filter(pl.col("status") == "loaded")["doc_id"].to_list()
            check = LoadCheck(dq, db_path, run_id, started, plan, source, summary, timer)
            try:
                with timer("load"):
                    pipeline.forget_resolver(db_path)
                    all_dq = load_task(db_path, upsert, plan.removed + list(plan.to_read), spool.stage_files,
                                       current_ids, {**table_files, "evidence": evidence_files}, check,
                                       text_files=spool.files, run_id=run_id, scopes=scopes)
            except Exception as exc:
                record_load_failure(check, exc)
                raise
            pipeline.record_success(db_path, run_id, timer)
            pipeline.mark_resolver(db_path)
            logger.info("load: warehouse %s written (%d checks, %d failed warnings) in %.2f s; stages: %s",
                        db_path, all_dq.height, int((~all_dq["success"]).sum()), timer.seconds.get("load", 0.0),
                        ", ".join(f"{k} {v:.2f}s" for k, v in timer.seconds.items()))
            return {"run_id": run_id, "status": "success", "noop": False, **summary, "warnings": plan.warnings,
                    "n_dq_failed": int((~all_dq["success"]).sum()), "n_dq": all_dq.height,
                    "stage_seconds": timer.seconds}


def _log_documents(logger, docs: pl.DataFrame | None, timer) -> None:
    """What extraction made of the files: counts, and each rejected document with its reason."""
    if docs is None or docs.is_empty():
        return
    by = dict(docs.group_by("status").len().iter_rows())
    logger.info("extract: %d documents read: %d loaded, %d rejected, %d duplicate in %.2f s", docs.height,
                by.get("loaded", 0), by.get("rejected", 0), by.get("duplicate", 0), timer.seconds.get("extract+facts", 0.0))
    rejected = docs.filter(pl.col("status") == "rejected").select("source_path", "reject_reason")
    for path, reason in rejected.head(50).iter_rows():
        logger.warning("rejected %s: %s", path, reason)
    if rejected.height > 50:
        logger.warning("... and %d more rejected documents (dossier dq lists them)", rejected.height - 50)


def flow_with_workers(workers: int = 1, processes: int = 1):
    """The flow on a task runner: a local Dask cluster of `workers` processes (prefect-dask), else a
    pool of `processes` local processes (Prefect's ProcessPoolTaskRunner), else threads."""
    if workers > 1:
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                                "dashboard_address": None})
        return dossier_flow.with_options(task_runner=runner)
    if processes > 1:
        from prefect.task_runners import ProcessPoolTaskRunner

        return dossier_flow.with_options(task_runner=ProcessPoolTaskRunner(max_workers=processes))
    return dossier_flow

"""`dossier run` and `dossier serve`: a run from the terminal, its summary, and the errors of its environment."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from flows.cli.common import CliError
from flows.core.config import EARLY_GX_MAX_DOCS, EARLY_GX_MAX_WAREHOUSE_MB


def cmd_run(args) -> int:
    from flows.orchestration.signals import RunTerminated, terminate_on_sigterm
    from flows.orchestration.prefect_env import configure_prefect

    configure_prefect(verbose=args.verbose)
    # SIGTERM during the flow: recorded and exited there (signals.exit_if_terminating); before it: here
    terminate_on_sigterm(exit_process=True)
    try:
        return _cmd_run(args)
    except BaseException as exc:
        if not isinstance(exc, RunTerminated) and type(exc).__name__ != "TerminationSignal":
            raise
        from flows.orchestration.signals import exit_if_terminating

        exit_if_terminating()  # the lock is already let go; Prefect's server child gets SIGTERM from the kernel
        raise


def imports_gx_early(n_to_read: int, db) -> bool:
    """Whether a run imports GX while Prefect's server starts (~3 s hidden) rather than at validation: a small run
    does, unless it goes into a big warehouse, where GX's ~220 MB would sit through resolution, the daily run's
    memory peak (issue 24)."""
    path = Path(db) if db else None
    size_mb = path.stat().st_size / 2**20 if path is not None and path.is_file() else 0
    return n_to_read <= EARLY_GX_MAX_DOCS and size_mb <= EARLY_GX_MAX_WAREHOUSE_MB


def _cmd_run(args) -> int:
    if args.feed:  # the feeds' new items become pages in the folder the run reads (flows/documents/feed.py)
        from flows.documents.feed import FeedError, feeds_into_source

        try:
            args.source, results, errors = feeds_into_source(args.feed, args.source, args.db)
        except FeedError as exc:
            raise CliError(str(exc)) from None
        print("\n".join(r.line() for r in results))
        for error in errors:
            print(f"dossier: warning: feed not read: {error}", file=sys.stderr)
    source = Path(args.source or "seeds")
    if not source.is_dir():
        raise CliError(f"source folder {source} does not exist")
    from flows.orchestration.pipeline import run_if_unchanged
    from flows.warehouse.access import WarehouseBusy, WarehouseError

    t0 = time.perf_counter()
    try:
        # nothing new in the folder: answer without starting Prefect (seconds saved per scheduled run)
        noop, n_to_read = run_if_unchanged(str(source), args.db, args.wait, args.full_refresh)
    except (WarehouseBusy, WarehouseError) as exc:
        raise CliError(str(exc)) from None
    if noop:
        code = print_run_summary(noop, args, time.perf_counter() - t0)
        if args.warehouse:
            _publish(args, source)
        return code
    from flows.orchestration.pipeline import processes_for
    from flows.orchestration.prefect_env import EarlyPrefectServer

    server = EarlyPrefectServer()  # boots while the imports below run (saves ~4 s on a cold run)
    if server.proc is not None and args.verbose:
        print(f"dossier: Prefect API {server.url} is temporary (no UI, gone after the run); to keep runs and "
              "watch them, start `prefect server start` and set PREFECT_API_URL", file=sys.stderr)
    if args.processes <= 0 and args.workers <= 1:
        args.processes = processes_for(n_to_read, args.batch_size)
    from flows.core.runtime import frozen_imports

    with frozen_imports():  # Prefect and GX: ~350k objects the run's collections need not walk
        from flows.orchestration.flow import flow_with_workers
        from flows.orchestration.steps import DataQualityError

        if server.proc is not None:
            from flows.orchestration.prefect_env import hide_temporary_ui_links

            hide_temporary_ui_links()

        if imports_gx_early(n_to_read, args.db):
            from flows.warehouse.validate import import_great_expectations

            import_great_expectations()
    try:
        server.wait()
    except RuntimeError as exc:
        raise CliError(str(exc)) from None

    from flows.orchestration.progress import RunProgress

    progress = RunProgress()  # a bar on a terminal, a line every few seconds in a log
    try:
        result = flow_with_workers(args.workers, args.processes)(source=str(source), db=args.db, full_refresh=args.full_refresh,
                                                 progress=progress, wait_seconds=args.wait,
                                                 batch_size=args.batch_size,
                                                 batches_in_flight=max(2, args.workers, args.processes))
    except DataQualityError as exc:
        print(f"dossier: run failed data-quality checks; warehouse left unchanged: {exc}", file=sys.stderr)
        print(f"  inspect: dossier sql \"select * from dq_results where not success\" --db {args.db}; "
              f"dossier dq --db {args.db}", file=sys.stderr)
        return 3
    except WarehouseBusy as exc:
        raise CliError(str(exc)) from None
    except WarehouseError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:
        why = environment_failure(exc)
        if why is None:
            raise
        raise CliError(f"{why} near {Path(args.db).resolve().parent}; the run stopped and the warehouse is "
                       "unchanged (the history says so); fix it and rerun") from None
    finally:
        progress.close()
    code = print_run_summary(result, args, time.perf_counter() - t0)
    if args.warehouse:
        _publish(args, source)
    return code


# what the machine, not the data or the code, got wrong: errno, and the words the engines (polars,
# DuckDB, pyarrow) put in the messages of errors they raise for them
ENVIRONMENT_ERRNOS = {28: "no space left on the disk", 122: "disk quota exceeded", 30: "read-only file system",
                      5: "input/output error", 13: "permission denied", 12: "out of memory"}


ENVIRONMENT_WORDS = {"No space left on device": "no space left on the disk", "os error 28": "no space left on the disk",
                     "Disk quota exceeded": "disk quota exceeded", "Read-only file system": "read-only file system",
                     "Permission denied": "permission denied", "Out of Memory": "out of memory"}


def environment_failure(exc: BaseException) -> str | None:
    """What an error says about the environment (a full disk, a read-only folder, no memory), or None."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in ENVIRONMENT_ERRNOS:
            return ENVIRONMENT_ERRNOS[exc.errno]
        if isinstance(exc, MemoryError):
            return "out of memory"
        for words, why in ENVIRONMENT_WORDS.items():
            if words in str(exc):
                return why
        exc = exc.__cause__ or exc.__context__
    return None


def _publish(args, source: Path) -> None:
    from flows.warehouse.lake import publish_to_lake

    partition = args.partition or source.resolve().name
    written = publish_to_lake(Path(args.db), args.warehouse, partition, args.lake_data)
    print(f"  lake       partition {partition!r} published to {args.warehouse.split(' password')[0]} "
          f"({sum(written.values())} rows in {len(written)} tables)")


def print_run_summary(r: dict, args, secs: float) -> int:
    print(f"Dossier run {r['run_id']}: {r['status']} in {secs:.1f}s"
          + (" (no changes since the last run)" if r.get("noop") else ""))
    print(f"  documents  {r['n_files']} files: {r['n_loaded']} loaded, {r['n_rejected']} rejected, "
          f"{r['n_duplicates']} duplicate; {r['n_processed']} read, {r['n_skipped']} unchanged")
    print(f"  facts      {r['n_people']} people, {r['n_events']} events, {r['n_sanctions']} sanctions")
    if not r.get("noop"):
        print(f"  quality    {r['n_dq'] - r['n_dq_failed']} expectations passed, {r['n_dq_failed']} failed (warnings)"
              if r["n_dq_failed"] else f"  quality    {r['n_dq']} expectations passed, 0 failed")
    for warning in r.get("warnings", []):
        print(f"  {warning}")
    print(f"  warehouse  {Path(args.db).resolve()}")
    print(f"  query it   dossier sql \"select event_type, prisoner_count, n_sources from events\" --db {args.db}")
    if args.verbose:
        print("  stages     " + ", ".join(f"{k} {v:.2f}s" for k, v in r["stage_seconds"].items()))
    if r["n_rejected"] and args.strict:
        print(f"dossier: --strict: {r['n_rejected']} document(s) rejected: {rejected_documents(Path(args.db))}",
              file=sys.stderr)
        return 1
    return 0


def rejected_documents(db: Path, shown: int = 10) -> str:
    """'a.txt (empty file); b.bin (binary)' for the warehouse's rejected documents, the first `shown`."""
    from flows.warehouse.access import connect_read_only

    try:
        with connect_read_only(db) as con:
            rows = con.execute("select source_path, reject_reason from documents where status = 'rejected' "
                               "order by source_path").fetchall()
    except Exception as exc:  # the run itself succeeded: say what we can
        return f"(could not list them: {exc})"
    text = "; ".join(f"{path} ({reason})" for path, reason in rows[:shown])
    more = f"; and {len(rows) - shown} more" if len(rows) > shown else ""
    return text + more + f" (dossier sql \"select source_path, reject_reason from documents where status = 'rejected'\" --db {db})"


def cmd_serve(args) -> int:
    import os

    from flows.orchestration.prefect_env import configure_prefect, local_prefect_server

    configure_prefect(verbose=args.verbose)
    if not args.verbose:
        import logging

        # Prefect's runner logs cancelled control-channel tasks as asyncio errors; not ours to show
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    if not args.cron and not args.interval:
        raise CliError("give --cron EXPR or --interval SECONDS")
    if args.cron and args.interval:
        raise CliError("give --cron or --interval, not both")
    if args.cron:
        check_cron(args.cron)
    if args.interval is not None and args.interval <= 0:
        raise CliError(f"--interval {args.interval:g}: give a number of seconds above 0")
    if not Path(args.source).is_dir():
        raise CliError(f"source folder {args.source} does not exist")
    import signal

    def stop(signum, frame):  # a service manager's SIGTERM stops serving as Ctrl-C does, server included
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    # schedules need Prefect's scheduler service: use the team's server when PREFECT_API_URL says
    # where it is, otherwise run a local one for as long as we serve
    with local_prefect_server(enabled=not os.environ.get("PREFECT_API_URL")) as local:
        from flows.orchestration.flow import dossier_flow

        api = os.environ.get("PREFECT_API_URL", "")
        ui = api[:-4] if api.endswith("/api") else api
        where = "local Prefect server (state in .prefect/)" if local else "Prefect server"
        print(f"{where}: UI {ui}  API {api}", file=sys.stderr)
        when = f"cron {args.cron!r}" if args.cron else f"every {args.interval:g} s"
        print(f"serving deployment 'dossier/{args.name}' {when} (source {args.source}, db {args.db}); "
              f"runs at {ui}/deployments; Ctrl-C stops", file=sys.stderr)
        schedule = {"cron": args.cron} if args.cron else {"interval": args.interval}
        # one run at a time (the warehouse has one writer): without a limit the runner started a process
        # for every tick while the first still ran, each waiting for the lock (dozens on a busy machine,
        # and Ctrl-C waited for them all)
        dossier_flow.serve(name=args.name, **schedule, print_starting_message=False, limit=1,
                           parameters={"source": str(Path(args.source).resolve()),
                                       "db": str(Path(args.db).resolve()), "wait_seconds": 60.0})
    return 0


def check_cron(expr: str) -> None:
    """A usage error unless Prefect's scheduler takes `expr` (five fields: minute hour day month weekday)."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=expr)
    except ValueError:
        raise CliError(f"--cron {expr!r} is not a cron expression; give five fields, minute hour day month "
                       "weekday, e.g. \"0 * * * *\" (hourly) or \"*/30 * * * *\"") from None

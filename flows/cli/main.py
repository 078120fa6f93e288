"""The `dossier` command line (also `python -m flows`)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from flows.core.config import BATCH_SIZE, DEFAULT_DB, EARLY_GX_MAX_DOCS, TABLE_ROWS
from flows.core.paths import REPORTS_DIR

# rows a table prints by default; csv and json always print every row
# Up to this many documents to read, the GX context (~3 s to import, ~200 MB) is built while Prefect's
# server boots: a small run finishes sooner. A bigger run builds it when it validates, so the context is
# not resident while resolve holds the run's frames (its peak).


class CliError(Exception):
    """An error the user can fix; printed as one line, exit code 2."""


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")


def _limit_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=TABLE_ROWS, metavar="N",
                   help=f"--format table prints at most N rows, then how many there are (default: {TABLE_ROWS}; "
                        "0: all; csv and json print all)")


def _need_db(db: str, history_is_enough: bool = False) -> Path:
    from flows.core.paths import ops_path

    path = Path(db)
    if history_is_enough and ops_path(path).exists():
        return path  # only failed runs so far: their history can still be read
    if not path.exists():
        raise CliError(f"no warehouse at {path}; run `dossier run --db {path}` first")
    return path


# C0 and C1 control characters but tab and newline: a document's ESC or OSC sequence would drive the terminal
TERMINAL_UNSAFE = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"


def terminal_safe(frame):
    """String columns with control characters shown as escapes (\\x1b), so a document cannot retitle,
    recolour or clear the terminal that prints it."""
    import polars as pl

    def show(s: str) -> str:
        import re

        return re.sub(TERMINAL_UNSAFE, lambda m: f"\\x{ord(m.group()):02x}", s)

    fixes = [pl.col(c).map_elements(show, return_dtype=pl.String) for c, t in frame.schema.items()
             if t == pl.String and frame[c].str.contains(TERMINAL_UNSAFE).any()]
    return frame.with_columns(fixes) if fixes else frame


def _print_frame(frame, fmt: str, limit: int = TABLE_ROWS) -> None:
    """`frame` as a table (the first `limit` rows, 0 = all, then a footer with the row count), CSV or JSON."""
    import polars as pl

    if fmt == "table" or sys.stdout.isatty():
        frame = terminal_safe(frame)
    if fmt == "csv":
        sys.stdout.write(frame.write_csv())
    elif fmt == "json":
        sys.stdout.write(json.dumps(frame.to_dicts(), default=str, indent=2) + "\n")
    else:
        shown = frame if not limit or frame.height <= limit else frame.head(limit)
        with pl.Config(tbl_rows=-1, tbl_cols=30, fmt_str_lengths=80, tbl_width_chars=200,
                       tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True):
            print(shown)
        print(row_footer(shown.height, frame.height))


def row_footer(shown: int, total: int) -> str:
    """'3 rows', or '200 of 500 rows shown (--limit 0 or --format csv for all)' when the table is cut."""
    noun = "row" if total == 1 else "rows"
    if shown == total:
        return f"{total} {noun}"
    return f"{shown} of {total} {noun} shown (--limit 0 or --format csv for all)"


def cmd_run(args) -> int:
    from flows.orchestration.pipeline import RunTerminated, terminate_on_sigterm
    from flows.orchestration.prefect_env import configure_prefect

    configure_prefect(verbose=args.verbose)
    # SIGTERM during the flow: recorded and exited there (pipeline.exit_if_terminating); before it: here
    terminate_on_sigterm(exit_process=True)
    try:
        return _cmd_run(args)
    except BaseException as exc:
        if not isinstance(exc, RunTerminated) and type(exc).__name__ != "TerminationSignal":
            raise
        from flows.orchestration.pipeline import exit_if_terminating

        exit_if_terminating()  # the lock is already let go; Prefect's server child gets SIGTERM from the kernel
        raise


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
    from flows.warehouse.load import WarehouseBusy, WarehouseError
    from flows.orchestration.pipeline import run_if_unchanged

    t0 = time.perf_counter()
    try:
        # nothing new in the folder: answer without starting Prefect (seconds saved per scheduled run)
        noop, n_to_read = run_if_unchanged(str(source), args.db, args.wait, args.full_refresh)
    except (WarehouseBusy, WarehouseError) as exc:
        raise CliError(str(exc)) from None
    if noop:
        code = _print_run_summary(noop, args, time.perf_counter() - t0)
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
        from flows.orchestration.flow import DataQualityError, flow_with_workers

        if server.proc is not None:
            from flows.orchestration.prefect_env import hide_temporary_ui_links

            hide_temporary_ui_links()

        if n_to_read <= EARLY_GX_MAX_DOCS:
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
    code = _print_run_summary(result, args, time.perf_counter() - t0)
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


def _print_run_summary(r: dict, args, secs: float) -> int:
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
    from flows.warehouse.load import connect_read_only

    try:
        with connect_read_only(db) as con:
            rows = con.execute("select source_path, reject_reason from documents where status = 'rejected' "
                               "order by source_path").fetchall()
    except Exception as exc:  # the run itself succeeded: say what we can
        return f"(could not list them: {exc})"
    text = "; ".join(f"{path} ({reason})" for path, reason in rows[:shown])
    more = f"; and {len(rows) - shown} more" if len(rows) > shown else ""
    return text + more + f" (dossier sql \"select source_path, reject_reason from documents where status = 'rejected'\" --db {db})"


def cmd_sql(args) -> int:
    import duckdb

    from flows.warehouse.load import connect_read_only

    from flows.warehouse.load import WarehouseBusy, WarehouseError
    from flows.warehouse.safesql import NotReadOnly, check_read_only

    path = _need_db(args.db, history_is_enough=not args.write)
    try:
        if args.write:
            con = duckdb.connect(str(path))
        else:
            check_read_only(args.query)
            con = connect_read_only(path)
    except NotReadOnly as exc:
        raise CliError(f"read-only: {exc}") from None
    except (WarehouseBusy, WarehouseError) as exc:
        raise CliError(str(exc)) from None
    except duckdb.IOException as exc:
        raise CliError(f"cannot open {path}: {str(exc).splitlines()[0]}") from None
    try:
        frame = con.execute(_show_tables_once(args.query)).pl()
    except duckdb.Error as exc:
        raise CliError(f"SQL error: {duckdb_message(exc)}") from None
    finally:
        con.close()
    _print_frame(frame, args.format, args.limit)
    return 0


def duckdb_message(exc: Exception) -> str:
    """DuckDB's error text with its hints ('Did you mean "events"?') and the caret under the culprit,
    without trailing blank lines."""
    return "\n".join(line for line in str(exc).rstrip().splitlines() if line.strip()) or type(exc).__name__


SHOW_TABLES = re.compile(r"\s*show\s+tables\s*;?\s*", re.IGNORECASE)


def _show_tables_once(query: str) -> str:
    """`show tables` lists each name once: the run history (`runs`, `dq_results`) is read from its own
    file into temp tables of the same names as the warehouse's copies, which DuckDB would list twice."""
    if SHOW_TABLES.fullmatch(query):
        return "select distinct name from (show tables) order by name"
    return query


REPORT_OPTIONS = {"country": "--country", "since": "--since"}


def report_parameters(sql: str) -> set[str]:
    """The options a report's SQL takes: the `$name` parameters it uses."""
    return {k for k in REPORT_OPTIONS if re.search(rf"\${k}\b", sql)}


def cmd_tables(args) -> int:
    """Every table and view with its row count (views: not counted, they are queries)."""
    import polars as pl

    from flows.warehouse.load import connect_read_only

    with connect_read_only(_need_db(args.db, history_is_enough=True)) as con:
        objects = con.execute(LIST_TABLES_SQL).fetchall()
        rows = [(name, kind, con.execute(f"select count(*) from {_ident(name)}").fetchone()[0]
                 if kind == "table" else None, comment) for name, kind, comment in objects]
    frame = pl.DataFrame(rows, schema={"name": pl.String, "kind": pl.String, "n_rows": pl.Int64,
                                       "comment": pl.String}, orient="row")
    _print_frame(frame if args.views else frame.filter(pl.col("kind") == "table").drop("kind"),
                 args.format, 0)
    return 0


# tables (the run history's temp copies shadow the warehouse's own: each name once) and views
LIST_TABLES_SQL = """
    select table_name as name, 'table' as kind, coalesce(any_value(comment), '') as comment
    from duckdb_tables() where schema_name = 'main' and not internal group by all
    union all
    select view_name, 'view', coalesce(comment, '') from duckdb_views() where schema_name = 'main' and not internal
    order by kind, name
"""


def _ident(name: str) -> str:
    from flows.warehouse.safesql import identifier

    return identifier(name)


def cmd_schema(args) -> int:
    """A table's (or view's) columns: name, type, nullable, comment (from sql/schema.sql)."""
    import difflib

    import polars as pl

    from flows.warehouse.load import connect_read_only

    with connect_read_only(_need_db(args.db, history_is_enough=True)) as con:
        names = [r[0] for r in con.execute(LIST_TABLES_SQL).fetchall()]
        if args.table not in names:
            close = difflib.get_close_matches(args.table, names, n=3)
            hint = f"; did you mean {' or '.join(close)}?" if close else f"; tables: {', '.join(names)}"
            raise CliError(f"no table or view {args.table!r}{hint} (dossier tables lists them)")
        # the run history's temp copy (what queries see) shadows the warehouse's, which has the comments
        rows = con.execute("""
            with cols as (
                select * from duckdb_columns() where table_name = $t and schema_name = 'main'
            ),
            seen as (
                select * from cols where database_name = (
                    select database_name from cols order by database_name = 'temp' desc limit 1)
            )
            select s.column_name, s.data_type, s.is_nullable,
                coalesce(s.comment, (select any_value(c.comment) from cols as c
                                     where c.column_name = s.column_name), '') as comment,
            from seen as s
            order by s.column_index""", {"t": args.table}).fetchall()
    frame = pl.DataFrame(rows, schema={"column": pl.String, "type": pl.String, "nullable": pl.Boolean,
                                       "comment": pl.String}, orient="row")
    _print_frame(frame, args.format, 0)
    return 0


def cmd_report(args) -> int:
    from flows.warehouse.load import connect_read_only

    names = sorted(p.stem for p in REPORTS_DIR.glob("*.sql"))
    if args.name not in names:
        raise CliError(f"no report {args.name!r}; available: {', '.join(names) or 'none'}")
    sql = (REPORTS_DIR / f"{args.name}.sql").read_text()
    takes = report_parameters(sql)
    given = {k: getattr(args, k) for k in REPORT_OPTIONS if getattr(args, k) is not None}
    refused = [REPORT_OPTIONS[k] for k in given if k not in takes]
    if refused:
        offered = ", ".join(REPORT_OPTIONS[k] for k in sorted(takes)) or "no filter"
        raise CliError(f"report {args.name} does not take {', '.join(refused)} (it takes {offered})")
    con = connect_read_only(_need_db(args.db))
    # every parameter the SQL names gets a value (None = all), so a report never fails on a missing one
    params = {k: getattr(args, k) for k in takes}
    try:
        frame = con.execute(sql, params).pl() if params else con.execute(sql).pl()
    finally:
        con.close()
    _print_frame(frame, args.format, args.limit)
    return 0


def iso_date(text: str) -> str:
    """argparse type: an ISO date (YYYY-MM-DD), else a usage error (exit 2) that says so."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; give YYYY-MM-DD, e.g. 2025-09-11") from None


def cmd_eval(args) -> int:
    from flows.warehouse.evaluate import evaluate, format_report

    golds = [Path(g) for g in args.gold]
    for gold in golds:
        if not gold.exists():
            raise CliError(f"gold file {gold} does not exist")
    from flows.warehouse.load import connect_read_only

    with connect_read_only(_need_db(args.db)) as con:
        missing, named = set(), set()
        for gold in golds:
            m, n = gold_documents_missing(con, gold)
            missing |= m
            named |= n
        result = evaluate(con, golds)
    if missing:
        shown = ", ".join(sorted(missing)[:10]) + (", …" if len(missing) > 10 else "")
        print(f"dossier: warning: the gold names {len(named)} documents and {len(missing)} of them are not "
              f"loaded in {args.db} ({shown}); their facts count as missed: is this the gold of this "
              "warehouse's source folder?", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(format_report(result))
    return 0


def gold_documents_missing(con, gold_path: Path) -> tuple[set[str], set[str]]:
    """(gold document keys the warehouse has no loaded document for, all document keys the gold names)."""
    from flows.warehouse.evaluate import doc_keys

    gold = json.loads(Path(gold_path).read_text())
    named = set()
    for key in ("people", "releases", "sanctions", "events"):
        for fact in gold.get(key) or []:
            if isinstance(fact, dict):
                named |= set(fact.get("docs") or []) | ({fact["doc"]} if fact.get("doc") else set())
    return named - set(doc_keys(con).values()), named


def cmd_search(args) -> int:
    from flows.warehouse.search import search

    frame = search(_need_db(args.db), args.words, args.limit)
    if frame.is_empty():
        print(f"no document matches {args.words!r}", file=sys.stderr)
        return 1
    _print_frame(frame, args.format)
    return 0


def cmd_export(args) -> int:
    from flows.warehouse.load import EXPORT_TABLES, connect_read_only
    from flows.warehouse.safesql import literal

    db = _need_db(args.db)
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    if args.format == "ftm":
        from flows.warehouse.ftm import write_ftm

        with connect_read_only(db) as con:
            path, counts = write_ftm(con, out)
        print(f"{path}  {sum(counts.values())} entities: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
        return 0
    with connect_read_only(db, locked=False) as con:
        for table in EXPORT_TABLES:
            target = out / f"{table}.{args.format}"
            opts = "(format parquet)" if args.format == "parquet" else "(header, delimiter ',')"
            frame = con.execute(f"select * from {table}").pl()
            if args.format == "csv":
                # CSV has no lists: join them so every engine can read the file
                frame = frame.with_columns(pl_join_lists(frame))
                frame.write_csv(target)
            else:
                con.execute(f"copy {table} to {literal(target)} {opts}")
            print(f"{target}  {frame.height} rows")
    return 0


def pl_join_lists(frame):
    import polars as pl

    return [pl.col(c).list.join("|") for c, t in frame.schema.items() if isinstance(t, pl.List)]


def cmd_dq(args) -> int:
    from flows.warehouse.dashboard import write_dashboard

    path = write_dashboard(_need_db(args.db, history_is_enough=True), Path(args.out), data_docs=not args.no_data_docs)
    print(path.resolve())
    return 0


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


def cmd_synth(args) -> int:
    from bench.synth import main_synth

    main_synth(args.n, args.out, args.seed)
    return 0


def cmd_bench(args) -> int:
    from bench.benchmark import main_bench

    main_bench(args.docs, args.workers, args.workdir, args.processes)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Turn a folder of news texts into a DuckDB warehouse of people, events and sanctions.",
        epilog="Example: dossier run --source seeds && dossier sql \"select * from events\"",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="run the flow on a folder (incremental)",
                       description="Run the flow: read the folder, extract facts, validate, load atomically.\n\n"
                                   "Example: dossier run --source seeds --db warehouse.duckdb",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--source", help="folder of news files: *.txt in any encoding, *.html / *.htm pages "
                                    "(default: seeds; with --feed: DB.feeds)")
    p.add_argument("--feed", action="append", metavar="FILE_OR_URL",
                   help="also read an RSS or Atom feed: its new items are saved as pages in the source "
                        "folder, then read with it (repeatable)")
    _db_arg(p)
    p.add_argument("--full-refresh", action="store_true", help="re-extract every document, ignoring what is loaded")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="wait this long for another run's lock instead of exiting (default: 0)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any document was rejected")
    p.add_argument("--workers", type=int, default=1,
                   help="run batches on a local Dask cluster of N worker processes (default: 1, no Dask)")
    p.add_argument("--processes", type=int, default=0,
                   help="run batches in N local processes (Prefect's process pool); default: one per core "
                        "when there are two or more batches to read, else threads")
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"documents per task (default: {BATCH_SIZE})")
    p.add_argument("--warehouse", metavar="ducklake:CATALOG",
                   help="also publish to a DuckLake lake: ducklake:/path/cat.ducklake or "
                        "'ducklake:postgres:dbname=lake host=...' (many writers)")
    p.add_argument("--lake-data", metavar="DIR", help="where the lake keeps its Parquet files")
    p.add_argument("--partition", help="this flow's partition of the lake (default: the source folder's name)")
    p.add_argument("-v", "--verbose", action="store_true", help="show Prefect logs and stage timings")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("sql", help="run read-only SQL on the warehouse",
                       description="Run ad-hoc SQL on the warehouse (read-only unless --write).\n\n"
                                   "Example: dossier sql \"select event_type, prisoner_count, n_sources from events\"",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("query", help="the SQL statement")
    _db_arg(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--write", action="store_true", help="open the warehouse writable (careful)")
    _limit_arg(p)
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("tables", help="list the warehouse's tables with their row counts",
                       description="List the warehouse's tables with their row counts (and views with --views).\n\n"
                                   "Example: dossier tables --db warehouse.duckdb",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_arg(p)
    p.add_argument("--views", action="store_true", help="also list the views (not counted)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_tables)

    p = sub.add_parser("schema", help="show a table's columns with their comments",
                       description="Show a table's (or view's) columns: type, nullable, and the comment from "
                                   "sql/schema.sql.\n\n"
                                   "Example: dossier schema events",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("table", help="table or view name (dossier tables lists them)")
    _db_arg(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("report", help="run a named report from sql/reports/",
                       description="Run a report from sql/reports/NAME.sql.\n\n"
                                   "Example: dossier report release_timeline --format csv",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", help="report name (file name without .sql)")
    _db_arg(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--country", help="only this country, any case (release_timeline, sanctions_board; sanctions_timeline also takes an ISO code)")
    p.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                   help="only on or after this date (release_timeline)")
    _limit_arg(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("eval", help="precision/recall against a gold file",
                       description="Score the warehouse against a gold file.\n\n"
                                   "Example: dossier eval --gold ../shared/gold/seeds.json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True, action="append",
                   help="gold JSON file (format of shared/gold/seeds.json) or a folder of them; repeat to join several")
    _db_arg(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("search", help="full-text search over documents",
                       description="Full-text (BM25) search over loaded documents.\n\n"
                                   "Example: dossier search \"potash sanctions\"",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("words", help="words to look for")
    _db_arg(p)
    p.add_argument("--limit", type=int, default=10, help="at most this many documents (default: 10)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help="write every table to Parquet or CSV files, or FollowTheMoney entities",
                       description="Export every warehouse table to DIR as Parquet or CSV; with --format ftm, "
                                   "the people, events, sanctions and their source documents as FollowTheMoney "
                                   "entities (JSON lines, DIR/entities.ftm.json) for OpenSanctions and Aleph.\n\n"
                                   "Example: dossier export --format parquet out/\n"
                                   "Example: dossier export --format ftm out/",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", help="output folder (created if missing)")
    p.add_argument("--format", choices=["parquet", "csv", "ftm"], default="parquet")
    _db_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("dq", help="write the data-quality dashboard (HTML)",
                       description="Write the static data-quality dashboard and print its path (opens nothing), "
                                   "with Great Expectations' Data Docs of the kept runs in OUT/data_docs/.\n\n"
                                   "Example: dossier dq --out dq/",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_arg(p)
    p.add_argument("--out", default="dq", help="output folder (default: dq)")
    p.add_argument("--no-data-docs", action="store_true",
                   help="skip Great Expectations' Data Docs (OUT/data_docs/; they load GX, a few seconds)")
    p.set_defaults(func=cmd_dq)

    p = sub.add_parser("serve", help="serve the flow as a scheduled Prefect deployment",
                       description="Serve the flow as a Prefect deployment on a cron schedule (Prefect schedules it).\n\n"
                                   "Example: dossier serve --cron \"*/30 * * * *\" --source inbox/",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cron", help="cron expression, e.g. \"0 * * * *\" for hourly")
    p.add_argument("--interval", type=float, help="or: run every SECONDS")
    p.add_argument("--source", default="seeds", help="folder to watch (default: seeds)")
    p.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")
    _db_arg(p)
    p.add_argument("-v", "--verbose", action="store_true", help="show Prefect logs")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("synth", help="generate a synthetic news corpus",
                       description="Write N synthetic news-like documents (deterministic by --seed).\n\n"
                                   "Example: dossier synth 10000 --out /tmp/corpus",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("n", type=int, help="number of documents")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("bench", help="benchmark against a raw scan and a spaCy baseline",
                       description="Benchmark: raw regex scan vs Dossier vs spaCy NER on one synthetic corpus.\n\n"
                                   "Example: dossier bench --docs 10000 100000",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, nargs="+", default=[10000],
                   help="corpus size(s) (default: 10000); two or more sizes also report how the flow scales")
    p.add_argument("--workers", type=int, default=1, help="Dask workers for the flow (default: 1)")
    p.add_argument("--processes", type=int, default=0,
                   help="local processes for the flow (default: 0, chosen by `dossier run` itself)")
    p.add_argument("--workdir", default=None, help="folder for the corpus and results (default: a temp dir)")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    finally:
        if argv is None:  # run as a program (sys.argv): the process ends now
            from flows.core.runtime import freeze_at_exit

            freeze_at_exit()


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error it has printed (2)
        return exc.code if isinstance(exc.code, int) else 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CliError as exc:
        print(f"dossier: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `dossier ... | head`: the reader left, not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("dossier: interrupted; the warehouse is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # unexpected: one clear line; the traceback only when asked for
        if getattr(args, "verbose", False):
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        # only commands that take --verbose are told to rerun with it
        hint = " (rerun with --verbose for details)" if hasattr(args, "verbose") else ""
        print(f"dossier: error: {type(exc).__name__}: {first}{hint}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

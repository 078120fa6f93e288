"""The `dossier` command line (also `python -m flows`): the parser and the entry point."""

from __future__ import annotations

import argparse
import sys

from flows.cli.common import CliError, db_arg, iso_date, limit_arg
from flows.cli.read import cmd_dq, cmd_eval, cmd_export, cmd_report, cmd_schema, cmd_search, cmd_sql, cmd_tables
from flows.cli.run import cmd_run, cmd_serve
from flows.core.config import BATCH_SIZE


def cmd_synth(args) -> int:
    from bench.synth import main_synth

    main_synth(args.n, args.out, args.seed)
    return 0


def cmd_bench(args) -> int:
    from bench.benchmark import main_bench

    main_bench(args.docs, args.workers, args.workdir, args.processes, daily_only=args.daily, n_new=args.new)
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
    db_arg(p)
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
    db_arg(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--write", action="store_true", help="open the warehouse writable (careful)")
    limit_arg(p)
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("tables", help="list the warehouse's tables with their row counts",
                       description="List the warehouse's tables with their row counts (and views with --views).\n\n"
                                   "Example: dossier tables --db warehouse.duckdb",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--views", action="store_true", help="also list the views (not counted)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_tables)

    p = sub.add_parser("schema", help="show a table's columns with their comments",
                       description="Show a table's (or view's) columns: type, nullable, and the comment from "
                                   "sql/schema.sql.\n\n"
                                   "Example: dossier schema events",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("table", help="table or view name (dossier tables lists them)")
    db_arg(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("report", help="run a named report from sql/reports/",
                       description="Run a report from sql/reports/NAME.sql.\n\n"
                                   "Example: dossier report release_timeline --format csv",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", help="report name (file name without .sql)")
    db_arg(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--country", help="only this country, any case (release_timeline, sanctions_board; sanctions_timeline also takes an ISO code)")
    p.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                   help="only on or after this date (release_timeline)")
    limit_arg(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("eval", help="precision/recall against a gold file",
                       description="Score the warehouse against a gold file.\n\n"
                                   "Example: dossier eval --gold ../shared/gold/seeds.json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True, action="append",
                   help="gold JSON file (format of shared/gold/seeds.json) or a folder of them; repeat to join several")
    p.add_argument("--loaded-only", action="store_true",
                   help="score only the gold's pages this warehouse holds (a page cache rebuilt in part): the others "
                        "are left out, not counted as missed")
    db_arg(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("search", help="full-text search over documents",
                       description="Full-text (BM25) search over loaded documents.\n\n"
                                   "Example: dossier search \"oil sanctions\"",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("words", help="words to look for")
    db_arg(p)
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
    db_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("dq", help="write the data-quality dashboard (HTML)",
                       description="Write the static data-quality dashboard and print its path (opens nothing), "
                                   "with Great Expectations' Data Docs of the kept runs in OUT/data_docs/.\n\n"
                                   "Example: dossier dq --out dq/",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
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
    db_arg(p)
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
    p.add_argument("--daily", action="store_true",
                   help="the flow's runs only (full, no-op rerun, the daily run and the same into an empty warehouse)")
    p.add_argument("--new", type=int, default=None,
                   help="new documents of the daily run (default: 1%% of each size)")
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

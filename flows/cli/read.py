"""The read commands: sql, tables, schema, report, eval, search, export, dq. Every one opens the warehouse
through the read-only door (flows.warehouse.access.connect_read_only)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from flows.cli.common import CliError, duckdb_message, need_db, pl_join_lists, print_frame
from flows.core.paths import REPORTS_DIR


def cmd_sql(args) -> int:
    import duckdb

    from flows.warehouse.access import WarehouseBusy, WarehouseError, connect_read_only
    from flows.warehouse.safesql import NotReadOnly, check_read_only

    path = need_db(args.db, history_is_enough=not args.write)
    try:
        if args.write:
            from flows.core.paths import resolver_path

            # a warehouse changed by hand is no longer what resolution made of its documents: the next daily
            # run resolves everything again (docs/architecture.md, "Incremental resolution")
            resolver_path(path).unlink(missing_ok=True)
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
    print_frame(frame, args.format, args.limit)
    return 0


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

    from flows.warehouse.access import connect_read_only

    with connect_read_only(need_db(args.db, history_is_enough=True)) as con:
        objects = con.execute(LIST_TABLES_SQL).fetchall()
        rows = [(name, kind, con.execute(f"select count(*) from {_ident(name)}").fetchone()[0]
                 if kind == "table" else None, comment) for name, kind, comment in objects]
    frame = pl.DataFrame(rows, schema={"name": pl.String, "kind": pl.String, "n_rows": pl.Int64,
                                       "comment": pl.String}, orient="row")
    print_frame(frame if args.views else frame.filter(pl.col("kind") == "table").drop("kind"),
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

    from flows.warehouse.access import connect_read_only

    with connect_read_only(need_db(args.db, history_is_enough=True)) as con:
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
    print_frame(frame, args.format, 0)
    return 0


def cmd_report(args) -> int:
    from flows.warehouse.access import connect_read_only

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
    con = connect_read_only(need_db(args.db))
    # every parameter the SQL names gets a value (None = all), so a report never fails on a missing one
    params = {k: getattr(args, k) for k in takes}
    try:
        frame = con.execute(sql, params).pl() if params else con.execute(sql).pl()
    finally:
        con.close()
    print_frame(frame, args.format, args.limit)
    return 0


def cmd_eval(args) -> int:
    from flows.warehouse.evaluate import evaluate, format_report

    golds = [Path(g) for g in args.gold]
    for gold in golds:
        if not gold.exists():
            raise CliError(f"gold file {gold} does not exist")
    from flows.warehouse.access import connect_read_only

    with connect_read_only(need_db(args.db)) as con:
        missing, named = set(), set()
        for gold in golds:
            m, n = gold_documents_missing(con, gold)
            missing |= m
            named |= n
        result = evaluate(con, golds, loaded_only=args.loaded_only)
    if missing and args.loaded_only:
        print(f"dossier: scored the {len(named) - len(missing)} of the gold's {len(named)} documents loaded in "
              f"{args.db}; {len(missing)} left out (--loaded-only)", file=sys.stderr)
    elif missing:
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
    for key in ("pages", "people", "releases", "prisoner_releases", "not_release_events", "sanctions", "events"):
        for fact in gold.get(key) or []:
            if isinstance(fact, dict):
                named |= set(fact.get("docs") or []) | ({fact["doc"]} if fact.get("doc") else set())
    return named - set(doc_keys(con).values()), named


def cmd_search(args) -> int:
    from flows.warehouse.search import search

    frame = search(need_db(args.db), args.words, args.limit)
    if frame.is_empty():
        print(f"no document matches {args.words!r}", file=sys.stderr)
        return 1
    print_frame(frame, args.format)
    return 0


def cmd_export(args) -> int:
    from flows.warehouse.access import EXPORT_TABLES, connect_read_only
    from flows.warehouse.safesql import literal

    db = need_db(args.db)
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


def cmd_dq(args) -> int:
    from flows.warehouse.dashboard import write_dashboard

    path = write_dashboard(need_db(args.db, history_is_enough=True), Path(args.out), data_docs=not args.no_data_docs)
    print(path.resolve())
    return 0

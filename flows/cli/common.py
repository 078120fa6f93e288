"""What every command shares: the user error, the --db and --limit options, and printing frames safely."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flows.core.config import DEFAULT_DB, TABLE_ROWS


class CliError(Exception):
    """An error the user can fix; printed as one line, exit code 2."""


def db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")


def limit_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=TABLE_ROWS, metavar="N",
                   help=f"--format table prints at most N rows, then how many there are (default: {TABLE_ROWS}; "
                        "0: all; csv and json print all)")


def need_db(db: str, history_is_enough: bool = False) -> Path:
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


def print_frame(frame, fmt: str, limit: int = TABLE_ROWS) -> None:
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


def duckdb_message(exc: Exception) -> str:
    """DuckDB's error text with its hints ('Did you mean "events"?') and the caret under the culprit,
    without trailing blank lines."""
    return "\n".join(line for line in str(exc).rstrip().splitlines() if line.strip()) or type(exc).__name__


def iso_date(text: str) -> str:
    """argparse type: an ISO date (YYYY-MM-DD), else a usage error (exit 2) that says so."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; give YYYY-MM-DD, e.g. 2025-09-11") from None


def pl_join_lists(frame):
    import polars as pl

    return [pl.col(c).list.join("|") for c, t in frame.schema.items() if isinstance(t, pl.List)]

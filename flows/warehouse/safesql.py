"""What reaches DuckDB as SQL text: one quoting helper, and the read-only door's statement check.

Values go to DuckDB as parameters (`?`) wherever DuckDB takes them. A few statements take no
parameters where a path goes (ATTACH, COPY ... TO, LOAD): there the path goes through `literal`,
and nowhere else is a value pasted into SQL.
"""

from __future__ import annotations

import duckdb

# what the read-only door runs: queries and their plans. Everything else (COPY, ATTACH, EXPORT, SET,
# PRAGMA, INSERT, CREATE, CALL, ...) needs `--write`
READ_ONLY_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class NotReadOnly(ValueError):
    """A statement the read-only door does not run."""


def literal(value: object) -> str:
    """`value` as one SQL string literal: quotes doubled, so nothing in it can end the string.

    >>> literal("/tmp/it's here")
    "'/tmp/it''s here'"
    """
    text = str(value)
    if "\x00" in text:
        raise ValueError("a NUL character cannot appear in a path or SQL string")
    return "'" + text.replace("'", "''") + "'"


def identifier(name: str) -> str:
    """`name` as a quoted SQL identifier (table, column, schema)."""
    if "\x00" in name:
        raise ValueError("a NUL character cannot appear in an identifier")
    return '"' + name.replace('"', '""') + '"'


def check_read_only(query: str) -> None:
    """Raise NotReadOnly unless every statement of `query` only reads (SELECT, WITH, SHOW, DESCRIBE,
    SUMMARIZE, FROM, VALUES, EXPLAIN). Parse errors are left to DuckDB, which names them better."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error:
        return
    refused = sorted({s.type.name for s in statements if s.type not in READ_ONLY_STATEMENTS})
    if refused:
        raise NotReadOnly(f"{', '.join(refused)} statements change the warehouse or reach outside it; "
                          "the read-only door runs queries only (SELECT, SHOW, DESCRIBE, EXPLAIN); "
                          "pass --write to run them")


def lock_down(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """No file, network or extension access and no configuration changes from here on, for any
    statement on this connection (DuckDB's own switches: COPY, ATTACH, EXPORT, read_text, glob and
    LOAD all fail; SET and PRAGMA of settings too)."""
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con


__all__ = ["literal", "identifier", "check_read_only", "lock_down", "NotReadOnly"]

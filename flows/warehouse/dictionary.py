"""The data dictionary (docs/data_dictionary.md), generated from the column comments in sql/schema.sql and sql/search.sql."""

from __future__ import annotations

import re
import sys

import duckdb

from flows.core.paths import DOCS_DIR, SCHEMA_SQL, SEARCH_SQL



def all_ddl() -> str:
    return SCHEMA_SQL.read_text() + "\n" + SEARCH_SQL.read_text()

DICTIONARY_MD = DOCS_DIR / "data_dictionary.md"


def table_grains(schema_sql: str) -> dict[str, str]:
    """Table -> the one-sentence grain written in the comment line above its DDL."""
    return {m.group(2): m.group(1).strip() for m in re.finditer(
        r"^-- \w+: (.+)\ncreate table if not exists (\w+)", schema_sql, re.M)}


def columns(schema_sql: str) -> list[tuple[str, str, str, str | None]]:
    """(table, column, type, comment) for every public table (staging tables excluded)."""
    con = duckdb.connect()
    con.execute(schema_sql)
    rows = con.execute("""
        select table_name, column_name, data_type, comment
        from duckdb_columns() where schema_name = 'main' and not internal and table_name not like 'stg\\_%' escape '\\'
        order by table_name, column_index""").fetchall()
    con.close()
    return rows


def render(schema_sql: str | None = None) -> str:
    schema_sql = schema_sql if schema_sql is not None else all_ddl()
    grains = table_grains(schema_sql)
    lines = ["# Data dictionary", "",
             "Generated from the column comments in `sql/schema.sql` and `sql/search.sql` by `python -m flows.warehouse.dictionary`;",
             "a test fails when it is out of date or a column has no comment.", ""]
    current = None
    for table, column, dtype, comment in columns(schema_sql):
        if table != current:
            current = table
            lines += ["", f"## `{table}`", "", grains.get(table, ""), "", "| column | type | meaning |", "|---|---|---|"]
        meaning = (comment or "").replace("|", "\\|")
        lines.append(f"| `{column}` | {dtype} | {meaning} |")
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def missing_comments(schema_sql: str | None = None) -> list[str]:
    schema_sql = schema_sql if schema_sql is not None else all_ddl()
    return [f"{t}.{c}" for t, c, _, comment in columns(schema_sql) if not comment]


if __name__ == "__main__":
    DICTIONARY_MD.parent.mkdir(parents=True, exist_ok=True)
    DICTIONARY_MD.write_text(render())
    print(DICTIONARY_MD, file=sys.stderr)

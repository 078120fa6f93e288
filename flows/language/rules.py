"""The extraction rules as data: each event type, sanction action and furniture pattern is one entry
in a TOML file beside this module, with the sentences it must match and those it must not.

    flows/language/rules/event_types.toml     event types: CAMEO code, pattern, prefilter, examples
    flows/language/rules/sanction_actions.toml  sanction actions: the words that say it, examples
    flows/language/rules/furniture.toml       page furniture: lines that are not the article, examples

The extractors read their patterns from here; `tests/test_rules.py` runs every entry's examples through
the real extraction, and checks that what is written elsewhere about the rules agrees with them (the
value sets of `expectations/`, the column comments of `sql/schema.sql`). `python -m flows.language.rules
--write` rewrites those from the entries.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flows.core.paths import EXPECTATIONS_DIR, SCHEMA_SQL

RULES_DIR = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True)
class Rule:
    """One entry: its name, its pattern (Python regex, may be empty when code finds it), the cheap
    prefilter that lets a sentence reach the pattern, and its examples."""

    name: str
    pattern: str
    prefilter: str
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    cameo: str | None = None
    cameo_label: str = ""
    kind: str = ""
    note: str = ""


def _load(file: str, table: str) -> tuple[Rule, ...]:
    with open(RULES_DIR / file, "rb") as fh:
        entries = tomllib.load(fh)[table]
    rules = []
    for e in entries:
        rules.append(Rule(
            name=e["name"], pattern=e.get("pattern", ""), prefilter=e.get("prefilter", ""),
            must_match=tuple(e.get("must_match", ())), must_not_match=tuple(e.get("must_not_match", ())),
            cameo=(e["cameo"] or None) if "cameo" in e else None, cameo_label=e.get("cameo_label", ""),
            kind=e.get("kind", ""), note=e.get("note", "")))
    names = [r.name for r in rules]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        raise ValueError(f"{file}: entries named twice: {sorted(duplicated)}")
    return tuple(rules)


@lru_cache(maxsize=None)
def event_types() -> tuple[Rule, ...]:
    return _load("event_types.toml", "event_type")


@lru_cache(maxsize=None)
def sanction_actions() -> tuple[Rule, ...]:
    return _load("sanction_actions.toml", "action")


@lru_cache(maxsize=None)
def furniture() -> tuple[Rule, ...]:
    return _load("furniture.toml", "furniture")


# ------------------------------------------------------------- what the extractors use

def cameo_codes() -> dict[str, str | None]:
    """event_type -> CAMEO code (None where CAMEO has none)."""
    return {r.name: r.cameo for r in event_types()}


def event_patterns() -> dict[str, re.Pattern]:
    """event_type -> compiled pattern, for the types a pattern finds (not prisoner_release)."""
    return {r.name: re.compile(r.pattern, re.I) for r in event_types() if r.pattern}


def event_prefilters() -> dict[str, str]:
    """event_type -> the polars (Rust) prefilter of its pattern."""
    return {r.name: "(?i)" + r.prefilter for r in event_types() if r.pattern}


def action_words() -> dict[str, str]:
    """sanction action -> the alternation of words that say it, in the file's order (the nearest to
    "sanctions" wins; order only breaks ties). Actions set by code (no words) are left out."""
    return {r.name: r.pattern for r in sanction_actions() if r.pattern}


def furniture_alternation(kind: str | None = None, names: tuple[str, ...] = ()) -> str:
    """The furniture patterns of one kind ('lead': known by how the line starts; 'anywhere': by a word
    anywhere in it), or of the entries `names` names, as one verbose alternation."""
    return "\n      | ".join(r.pattern for r in furniture() if r.kind == kind or r.name in names)


def furniture_words() -> tuple[str, ...]:
    """The words an 'anywhere' line must hold before its patterns are tried (their prefilters)."""
    return tuple(r.prefilter for r in furniture() if r.kind == "anywhere")


# ------------------------------------------------------------- what is generated from them

def value_sets() -> dict[tuple[str, str], list[str]]:
    """(table, column) -> the values the rules can produce."""
    return {("events", "event_type"): [r.name for r in event_types()],
            ("sanctions", "action"): [r.name for r in sanction_actions()]}


def schema_comments() -> dict[tuple[str, str], str]:
    """(table, column) -> its comment in sql/schema.sql, written from the rules."""
    types = ", ".join(r.name for r in event_types())
    actions = ", ".join(f"{r.name} ({r.note})" if r.note else r.name for r in sanction_actions())
    codes = ", ".join(f"{r.cameo} {r.name}" for r in event_types() if r.cameo)
    return {("events", "event_type"): f"{types}.",
            ("events", "cameo_code"): f"CAMEO event code where one fits ({codes}).",
            ("sanctions", "action"): f"{actions}."}


COMMENT_RE = r"(comment on column {table}\.{column} is ')((?:[^']|'')*)(';)"


def schema_comment(sql: str, table: str, column: str) -> str | None:
    m = re.search(COMMENT_RE.format(table=table, column=column), sql)
    return m.group(2).replace("''", "'") if m else None


def expectation_value_set(table: str, column: str) -> list[str] | None:
    suite = json.loads((EXPECTATIONS_DIR / f"{table}.json").read_text())
    for e in suite["expectations"]:
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"].get("column") == column:
            return list(e["kwargs"]["value_set"])
    return None


def write_generated() -> list[Path]:
    """Rewrite the expectations' value sets and the schema comments from the rules; the files changed."""
    changed = []
    for (table, column), values in value_sets().items():
        path = EXPECTATIONS_DIR / f"{table}.json"
        suite = json.loads(path.read_text())
        for e in suite["expectations"]:
            if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"].get("column") == column:
                if set(e["kwargs"]["value_set"]) != set(values):
                    e["kwargs"]["value_set"] = values
                    path.write_text(json.dumps(suite, indent=2) + "\n")
                    changed.append(path)
    sql = SCHEMA_SQL.read_text()
    new = sql
    for (table, column), comment in schema_comments().items():
        escaped = comment.replace("'", "''")
        new = re.sub(COMMENT_RE.format(table=table, column=column),
                     lambda m: m.group(1) + escaped + m.group(3), new)
    if new != sql:
        SCHEMA_SQL.write_text(new)
        changed.append(SCHEMA_SQL)
    return changed


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        for path in write_generated():
            print(f"wrote {path}")
        print("then: python -m flows.warehouse.dictionary (the data dictionary reads sql/schema.sql)")
    else:
        print(__doc__)

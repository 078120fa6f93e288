"""Expectations in words: a GX expectation's name and arguments as a sentence a reader can check."""

from __future__ import annotations

import ast
import re

# GX expectation types as sentences; {name} is the expectation's argument of that name
PHRASES = {
    "expect_column_values_to_not_be_null": "{column} is never null",
    "expect_column_values_to_be_unique": "{column} is unique",
    "expect_column_values_to_be_in_set": "{column} is one of {value_set}",
    "expect_column_values_to_be_between": "{column} is {range}",
    "expect_column_value_lengths_to_be_between": "{column} has {range} characters",
    "expect_column_values_to_match_regex": "{column} matches {regex}",
    "expect_table_columns_to_match_set": "the table has the columns {column_set}",
    "expect_table_row_count_to_be_between": "the table has {range} rows",
    "expect_column_pair_values_a_to_be_greater_than_b": "{column_A} is {greater} {column_B}",
    "unexpected_rows_expectation": "{description}",
}

CALL = re.compile(r"(\w+)\((.*)\)", re.S)


def parse_expectation(name: str) -> tuple[str, dict]:
    """'expect_x(column=a, mostly=0.8)' -> ('expect_x', {'column': 'a', 'mostly': 0.8}); a plain
    sentence (a SQL invariant) -> (name, {})."""
    m = CALL.fullmatch(name.strip())
    if not m:
        return name, {}
    kwargs = {}
    for part in re.split(r", (?=\w+=)", m.group(2)) if m.group(2) else []:
        key, _, raw = part.partition("=")
        try:
            kwargs[key] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            kwargs[key] = raw
    return m.group(1), kwargs


def _listing(values, most: int = 6) -> str:
    values = [str(v) for v in values] if isinstance(values, (list, tuple, set)) else [str(values)]
    return ", ".join(values[:most]) + (f", … ({len(values)} in all)" if len(values) > most else "")


def readable(name: str) -> str:
    """An expectation as a sentence: 'person_id is never null', 'country is never null (in at least
    80% of rows)'; SQL invariants are sentences already."""
    kind, kw = parse_expectation(name)
    phrase = PHRASES.get(kind)
    if phrase is None:
        return name.replace("_", " ") if kind != name else name
    low, high = kw.get("min_value"), kw.get("max_value")
    rng = (f"between {low} and {high}" if low is not None and high is not None else
           f"at least {low}" if low is not None else f"at most {high}" if high is not None else "any")
    values = {**{k: _listing(v) for k, v in kw.items()}, "range": rng,
              "greater": "at least" if kw.get("or_equal") else "greater than"}
    try:
        text = phrase.format_map(values)
    except KeyError:
        return name
    mostly = kw.get("mostly")
    if isinstance(mostly, (int, float)) and mostly < 1:
        text += f" (in at least {mostly:.0%} of rows)"
    return text

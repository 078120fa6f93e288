"""Do two sources disagree? Dates and counts compared at the precision each source gives.

A month-precision date ("in January 2024") covers every day of that month, so a source giving
2024-01-15 agrees with it; two day dates a day apart do not. A qualified count ("more than 50")
covers a range, so 52 agrees with it; 45 does not. Conflicts are the groups of values where two
sources cannot both be right.

`conflicts` shape (as the other conflicts): fact_table, fact_id, field, values (the differing values as
written at their precision: "2024-01-15", "2024-01", "more than 50"), doc_ids.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

import polars as pl

CONFLICT_SCHEMA = {"fact_table": pl.String, "fact_id": pl.String, "field": pl.String,
                   "values": pl.List(pl.String), "doc_ids": pl.List(pl.String)}
QUALIFIER_WORDS = {"at_least": "more than", "about": "about", "at_most": "at most"}


def date_interval(date: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date at its precision can be (the day itself for 'day' or unknown)."""
    if precision == "month":
        return date.replace(day=1), date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == "week":  # "last week": the seven days up to the stated day
        return date - dt.timedelta(days=6), date + dt.timedelta(days=6)
    return date, date


def dates_agree(a: dt.date, pa: str | None, b: dt.date, pb: str | None) -> bool:
    """True when both dates can be the same day: their precision intervals overlap."""
    a0, a1 = date_interval(a, pa)
    b0, b1 = date_interval(b, pb)
    return a0 <= b1 and b0 <= a1


def count_range(count: int, qualifier: str | None) -> tuple[float, float]:
    """The numbers a count with its qualifier allows ('more than 50': 50 to 1.5x; 'about 300': +-10%)."""
    if qualifier == "at_least":
        return count, count * 1.5
    if qualifier == "about":
        return count - max(2, 0.1 * count), count + max(2, 0.1 * count)
    if qualifier == "at_most":
        return count * 0.6, count
    return count, count


def counts_agree(a: int, qa: str | None, b: int, qb: str | None) -> bool:
    """True when both counts can be the same number ('more than 50' and 52 can; 52 and 53 cannot)."""
    a0, a1 = count_range(a, qa)
    b0, b1 = count_range(b, qb)
    return a0 <= b1 and b0 <= a1


def date_label(date: dt.date, precision: str | None) -> str:
    """A date written at its precision: 2024-01-15, 2024-01, 2024, 'week of 2024-01-15'."""
    if precision == "month":
        return date.strftime("%Y-%m")
    if precision == "year":
        return str(date.year)
    if precision == "week":
        return f"week of {date.isoformat()}"
    return date.isoformat()


def count_label(count: int, qualifier: str | None) -> str:
    word = QUALIFIER_WORDS.get(qualifier or "exact")
    return f"{word} {count}" if word else str(count)


def _disagreeing(values: dict[tuple, set[str]], interval) -> tuple[list[tuple], list[str]] | None:
    """The values of one fact that some other value cannot agree with, and their documents; None if all agree.

    Two values agree when their intervals (`interval`: `date_interval` or `count_range`) overlap, as
    `dates_agree` and `counts_agree` decide; so a value clashes with some other exactly when another's
    interval ends before its own starts or starts after its own ends: the least end and the greatest start
    among the others tell, with no comparison of every pair (a fact with k values took k² of them, twice)."""
    keys = list(values)
    if len(keys) < 2:
        return None
    spans = [interval(*k) for k in keys]
    # the two least ends and the two greatest starts (with where the first of each is), for "among the others"
    ends = sorted(range(len(keys)), key=lambda i: spans[i][1])[:2]
    starts = sorted(range(len(keys)), key=lambda i: spans[i][0], reverse=True)[:2]
    clash = set()
    for i, (lo, hi) in enumerate(spans):
        end = spans[ends[1] if ends[0] == i else ends[0]][1]
        start = spans[starts[1] if starts[0] == i else starts[0]][0]
        if end < lo or start > hi:
            clash.add(keys[i])
    if not clash:
        return None
    return sorted(clash, key=str), sorted({d for k in clash for d in values[k]})


def precision_conflicts(m: pl.DataFrame, fact_table: str, id_col: str, date_col: str | None = None,
                        count: bool = False) -> pl.DataFrame:
    """Conflicts of one fact table's mentions: dates (`date_col` with `date_precision`) and, with `count`,
    prisoner counts (`prisoner_count` with `count_qualifier`), compared at their precisions.

    A fact's values that all can be true at once are no conflict; otherwise the values some other value
    contradicts are listed, with the documents that give them."""
    rows = []
    fields = ([("prisoner_count", "count_qualifier", count_range, count_label)] if count else []) + \
        ([(date_col, "date_precision", date_interval, date_label)] if date_col else [])
    for field, qual_col, interval, label in fields:
        base = m.filter(pl.col(field).is_not_null()).select(id_col, "doc_id", field, qual_col).unique()
        # only facts given two or more different values can conflict: the rest never reach Python
        base = base.filter(pl.struct(field, qual_col).n_unique().over(id_col) > 1)
        grouped: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
        for fid, doc, value, qual in base.iter_rows():
            grouped[fid][(value, qual)].add(doc)
        for fid in sorted(grouped):
            if len(grouped[fid]) < 2:
                continue
            found = _disagreeing(grouped[fid], interval)
            if found:
                keys, docs = found
                labels = sorted({label(v, q) for v, q in keys})
                if len(labels) > 1:
                    rows.append((fact_table, fid, field, labels, docs))
    if not rows:
        return pl.DataFrame(schema=CONFLICT_SCHEMA)
    return pl.DataFrame(rows, schema=CONFLICT_SCHEMA, orient="row")

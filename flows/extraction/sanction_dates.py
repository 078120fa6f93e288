"""Sanction mentions as dated moves: the date and the issuer's words of each mention (issue 25).

`date_sanction_mentions`: each sanction mention gets the date its sentence states
("on Monday", "in March 2024", "in 2021"), resolved against the document's publication date, else the
publication date itself (the move is at the latest as old as the report); `date_source` says which.
`issuer_text` keeps the issuer's words as the sentence writes them ("Washington", "the EU").

The resolution side (one row per issuer, moves cut in time) is flows/resolution/sanction_moves.py.

Added mention columns (`SANCTION_DATE_SCHEMA`): issuer_text, move_date, date_precision (day, week, month,
year or unknown), date_text (the date as written; null when it is the publication date), date_source
(sentence | published; null when neither gives one).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import polars as pl

from flows.language.dates import DATE_RE, MONTHS, date_of_match
from flows.language.lexicon import ISSUER_ALIASES
from flows.extraction.sanctions import ISSUER_RE, SANCTION_MENTION_SCHEMA

SANCTION_DATE_SCHEMA = {"issuer_text": pl.String, "move_date": pl.Date, "date_precision": pl.String,
                        "date_text": pl.String, "date_source": pl.String}
DATED_SANCTION_MENTION_SCHEMA = {**SANCTION_MENTION_SCHEMA, **SANCTION_DATE_SCHEMA}
# a bare year ("imposed in 2021"): DATE_RE wants a month; "since 2021" is when a state began, not the move
YEAR_RE = re.compile(r"\b(?:in|during)\s+(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d{2})\b(?!-)", re.I)
# ... but an imposition "since 2019" began then ("has sanctioned dozens of officials since 2019")
SINCE_YEAR_RE = re.compile(r"\bsince\s+(?P<year>(?:19|20)\d{2})\b(?!-)", re.I)
# "last October": the latest such month before the publication month
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
LAST_MONTH_RE = re.compile(rf"\blast\s+(?P<month>(?:{_MONTH_NAMES})\.?)(?![a-z])(?!\s+\d)", re.I)


def sentence_date(sentence: str, published: dt.date | None, action: str | None = None
                  ) -> tuple[str | None, dt.date | None, str, str | None]:
    """(date_text, date, precision, source) of a sanctions sentence: the date it states, else the
    publication date (source 'published', no date_text), else nothing ('unknown', source None).
    `action`: 'imposed' also reads "since 2019" as the year of the move."""
    stated, last, year, since = _date_matches(sentence)
    text, date, precision = date_of_match(stated, published)
    if date is not None:
        return text, date, precision, "sentence"
    last = last if published else None
    if last:
        month = MONTHS[last.group("month").lower().rstrip(".")]
        year = published.year if month < published.month else published.year - 1
        return last.group(0), dt.date(year, month, 1), "month", "sentence"
    year = year or (since if action == "imposed" else None)
    if year and (published is None or int(year.group("year")) <= published.year):
        return year.group(0), dt.date(int(year.group("year")), 1, 1), "year", "sentence"
    if published is not None:
        return None, published, "day", "published"
    return text, None, "unknown", None


@lru_cache(maxsize=100_000)
def _date_matches(sentence: str) -> tuple:
    """The date patterns' first matches in a sentence (sentences repeat across documents: the searches
    are done once, the resolution against each document's publication date is cheap)."""
    return (DATE_RE.search(sentence), LAST_MONTH_RE.search(sentence), YEAR_RE.search(sentence),
            SINCE_YEAR_RE.search(sentence))


@lru_cache(maxsize=100_000)
def issuer_words(sentence: str, issuer: str | None) -> str | None:
    """The words naming `issuer` in the sentence ("Washington", "the EU's"); the issuer's name when the
    sentence does not name it (it was named elsewhere in the document); None without an issuer."""
    if not issuer:
        return None
    for m in ISSUER_RE.finditer(sentence):
        word = m.group(0)
        if word[:1].islower() and word.lower() != "the west":
            continue  # "us" the pronoun
        base = ISSUER_ALIASES.get(re.sub(r"\s+and\s+.*$", "", word, flags=re.I).lower())
        if base and issuer.startswith(base):
            return word
    return issuer


def date_sanction_mentions(mentions: pl.DataFrame, published: dict[str, dt.date | None] | None = None
                           ) -> pl.DataFrame:
    """Sanction mentions -> the same rows with SANCTION_DATE_SCHEMA's columns (see module docstring)."""
    published = published or {}
    memo: dict[tuple, tuple] = {}
    rows = []
    for doc_id, sentence, issuer, action in mentions.select("doc_id", "sentence", "issuer", "action").iter_rows():
        key = (sentence, issuer, action, published.get(doc_id))
        if key not in memo:
            memo[key] = (issuer_words(sentence, issuer), *sentence_date(sentence, published.get(doc_id), action))
        words, text, date, precision, source = memo[key]
        rows.append((words, date, precision, text, source))
    extra = pl.DataFrame(rows, schema={"issuer_text": pl.String, "move_date": pl.Date, "date_precision": pl.String,
                                       "date_text": pl.String, "date_source": pl.String}, orient="row")
    return pl.concat([mentions, extra], how="horizontal").select(list(DATED_SANCTION_MENTION_SCHEMA))


def with_date_columns(sm: pl.DataFrame) -> pl.DataFrame:
    """Mentions made before dates existed (tests' frames, old spools): the columns, null."""
    return sm.with_columns([pl.lit(None, dtype).alias(c) for c, dtype in SANCTION_DATE_SCHEMA.items()
                            if c not in sm.columns])

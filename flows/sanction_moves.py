"""Sanctions as dated moves: the date and issuer words of each mention, one row per issuer, moves in time.

Extraction side (`date_sanction_mentions`): each sanction mention gets the date its sentence states
("on Monday", "in March 2024", "in 2021"), resolved against the document's publication date, else the
publication date itself (the move is at the latest as old as the report); `date_source` says which.
`issuer_text` keeps the issuer's words as the sentence writes them ("Washington", "the EU").

Resolution side (`split_issuers`, `move_ids`): an issuer name becomes one row per body (flows/issuers.py),
and the mentions of one (issuer, target, target country, action) are cut into moves where their dates
lie more than resolve.SAME_RELEASE_DAYS apart, so an imposition in 2021 and another in 2024 are two rows
while the outlets reporting one move still merge.

Added mention columns (`SANCTION_DATE_SCHEMA`): issuer_text, move_date, date_precision (day, week, month,
year or unknown), date_text (the date as written; null when it is the publication date), date_source
(sentence | published; null when neither gives one).
"""

from __future__ import annotations

import datetime as dt
import re

import polars as pl

from flows.dates import DATE_RE, MONTHS, date_of_match
from flows.issuers import issuer_codes
from flows.lexicon import ISSUER_ALIASES, fold
from flows.sanctions import ISSUER_RE, SANCTION_MENTION_SCHEMA

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
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def sentence_date(sentence: str, published: dt.date | None, action: str | None = None
                  ) -> tuple[str | None, dt.date | None, str, str | None]:
    """(date_text, date, precision, source) of a sanctions sentence: the date it states, else the
    publication date (source 'published', no date_text), else nothing ('unknown', source None).
    `action`: 'imposed' also reads "since 2019" as the year of the move."""
    text, date, precision = date_of_match(DATE_RE.search(sentence), published)
    if date is not None:
        return text, date, precision, "sentence"
    last = LAST_MONTH_RE.search(sentence) if published else None
    if last:
        month = MONTHS[last.group("month").lower().rstrip(".")]
        year = published.year if month < published.month else published.year - 1
        return last.group(0), dt.date(year, month, 1), "month", "sentence"
    year = YEAR_RE.search(sentence) or (SINCE_YEAR_RE.search(sentence) if action == "imposed" else None)
    if year and (published is None or int(year.group("year")) <= published.year):
        return year.group(0), dt.date(int(year.group("year")), 1, 1), "year", "sentence"
    if published is not None:
        return None, published, "day", "published"
    return text, None, "unknown", None


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


def split_issuers(sm: pl.DataFrame) -> pl.DataFrame:
    """One row per sanctioning body: `issuer` becomes its code (US, EU, UK, ...; "United States and
    Western allies" is US and WEST); `issuer_text` keeps the words (the name, when none were kept)."""
    names = sm.select(pl.col("issuer").drop_nulls().unique())["issuer"].to_list()
    codes = {n: issuer_codes(n) for n in names}
    return (sm.with_columns(issuer_text=pl.coalesce("issuer_text", "issuer"),
                            issuer=pl.col("issuer").replace_strict(codes, default=[None],
                                                                   return_dtype=pl.List(pl.String)))
            .explode("issuer"))


def move_ids(sm: pl.DataFrame, on: list[str], split_by_time, stable_id) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions with `sanction_id`, one row per sanction_id with its date columns).

    Mentions sharing `on` are one move unless their dates fall into periods further apart than
    `split_by_time` allows (resolve.split_by_time, as for releases). A move's date is the most precise
    date its sentences state (the one most sources give, ties: the latest), else the earliest
    publication date that reports it. The id hashes `on` and that date."""
    keys = sm.select(on).unique(maintain_order=True).with_row_index("cluster").with_columns(pl.col("cluster").cast(pl.Int64))
    sm = sm.join(keys, on=on, how="left", nulls_equal=True, maintain_order="left")
    sm = sm.with_columns(cluster=split_by_time(sm.select("cluster", "doc_id", event_date="move_date",
                                                          date_precision="date_precision")))
    counted = (sm.filter(pl.col("move_date").is_not_null())
               .group_by("cluster", "move_date", "date_precision", "date_source")
               .agg(pl.col("doc_id").n_unique().alias("n"), pl.col("date_text").drop_nulls().first()))
    best: dict[int, tuple] = {}
    for cluster, date, precision, source, n, text in counted.iter_rows():
        stated = source == "sentence"
        # stated before published; then the finer precision; then most sources; the latest stated date or
        # the earliest publication date
        rank = (0 if stated else 1, _PRECISION_RANK.get(precision, 9), -n,
                -date.toordinal() if stated else date.toordinal())
        if cluster not in best or rank < best[cluster][0]:
            best[cluster] = (rank, date, precision, text, source)
    clusters = sm.select("cluster", *on).unique("cluster", keep="first", maintain_order=True)
    ids, seen = [], set()
    for row in clusters.iter_rows(named=True):
        _, date, precision, _, _ = best.get(row["cluster"], (None, None, None, None, None))
        new_id = stable_id("S", row["issuer"], fold(row["target"]), row["target_country"], row["action"],
                           None if date is None else date.isoformat())
        salt = 0
        while new_id in seen:  # two moves alike in every key and date (undated periods): told apart
            salt += 1
            new_id = stable_id("S", row["issuer"], fold(row["target"]), row["target_country"], row["action"],
                               None if date is None else date.isoformat(), salt)
        seen.add(new_id)
        ids.append(new_id)
    clusters = clusters.with_columns(sanction_id=pl.Series(ids, dtype=pl.String))
    dates = pl.DataFrame(
        [(sid, *best.get(c, (None, None, "unknown", None, None))[1:])
         for c, sid in clusters.select("cluster", "sanction_id").iter_rows()],
        schema={"sanction_id": pl.String, "move_date": pl.Date, "date_precision": pl.String,
                "date_text": pl.String, "date_source": pl.String}, orient="row")
    sm = sm.join(clusters.select("cluster", "sanction_id"), on="cluster", how="left", maintain_order="left").drop("cluster")
    return sm, dates

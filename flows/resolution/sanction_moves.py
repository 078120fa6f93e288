"""Sanctions as moves in time: one row per issuing body, mentions cut into moves by their dates (issue 25).

An issuer name becomes one row per body (flows/language/issuers.py), and the mentions of one (issuer,
target, target country, action) are cut into moves where their dates lie more than
SAME_RELEASE_DAYS apart (flows/resolution/events.py, as for releases), so an imposition in 2021 and
another in 2024 are two rows while the outlets reporting one move still merge. The dates come from
flows/extraction/sanction_dates.py.
"""

from __future__ import annotations

import polars as pl

from flows.language.issuers import issuer_codes
from flows.language.lexicon import fold
from flows.resolution.events import split_by_time
from flows.resolution.ids import previous_ids, stable_id

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# what ties a mention to the move it was in last run (the warehouse's sanction evidence, see load.PREVIOUS_IDS_SQL)
PREVIOUS_KEYS = ("doc_id", "char_start", "issuer", "target", "action")


def joint_issuers(sm: pl.DataFrame) -> pl.DataFrame:
    """Several issuers one sentence names for the same target and action ("The US and the UK both announced
    sanctions on <country>", found as one mention per body) are one joint move: each mention keeps its body as
    `issuer` but all share the joined words as `issuer_text` ("US and UK"), as "the US and the UK" read as one
    name would. Mentions in other sentences keep their own words (issue 22, class 9/10)."""
    if sm.is_empty():
        return sm
    key = ["doc_id", "char_start", "target", "action"]
    words = pl.coalesce("issuer_text", "issuer")
    named = sm.filter(pl.col("issuer").is_not_null())
    joint = (named.group_by(key, maintain_order=True)
             .agg(words.unique(maintain_order=True).alias("_words"), pl.col("issuer").n_unique().alias("_n"))
             .filter(pl.col("_n") > 1)
             .select(*key, _joint=pl.col("_words").map_elements(_and_join, return_dtype=pl.String)))
    if joint.is_empty():
        return sm
    return (sm.join(joint, on=key, how="left", nulls_equal=True, maintain_order="left")
            .with_columns(issuer_text=pl.when(pl.col("issuer").is_not_null() & pl.col("_joint").is_not_null())
                          .then(pl.col("_joint")).otherwise(pl.col("issuer_text")))
            .drop("_joint"))


def _and_join(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def split_issuers(sm: pl.DataFrame) -> pl.DataFrame:
    """One row per sanctioning body: `issuer` becomes its code (US, EU, UK, ...; "United States and
    Western allies" is US and WEST); `issuer_text` keeps the words (the name, when none were kept)."""
    names = sm.select(pl.col("issuer").drop_nulls().unique())["issuer"].to_list()
    codes = {n: issuer_codes(n) for n in names}
    return (sm.with_columns(issuer_text=pl.coalesce("issuer_text", "issuer"),
                            issuer=pl.col("issuer").replace_strict(codes, default=[None],
                                                                   return_dtype=pl.List(pl.String)))
            .explode("issuer"))


def move_ids(sm: pl.DataFrame, on: list[str], previous: pl.DataFrame | list | None = None
             ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions with `sanction_id`, one row per sanction_id with its date columns).

    Mentions sharing `on` are one move unless their dates fall into periods further apart than
    `split_by_time` allows (as for releases). A move's date is the most precise
    date its sentences state (the one most sources give, ties: the latest), else the earliest
    publication date that reports it. A move holding a mention of the last run keeps that run's id
    (`previous`: doc_id, char_start, issuer, target, action, sanction_id), so a new source that dates it
    anew does not change it; a new move's id hashes `on` and its date."""
    keys = sm.select(on).unique(maintain_order=True).with_row_index("cluster").with_columns(pl.col("cluster").cast(pl.Int64))
    sm = sm.join(keys, on=on, how="left", nulls_equal=True, maintain_order="left")
    sm = sm.with_columns(cluster=split_by_time(sm.select("cluster", "doc_id", event_date="move_date",
                                                          date_precision="date_precision")))
    stated = pl.col("date_source") == "sentence"
    days = pl.col("move_date").cast(pl.Int64)  # in the order of `toordinal`
    # a move's date: of its (date, precision, source) groups, stated before published; then the finer
    # precision; then most sources; the latest stated date or the earliest publication date. The groups of
    # a move differ in one of these (`date_source` is sentence or published), so the first is one group.
    best = (sm.filter(pl.col("move_date").is_not_null())
            .group_by("cluster", "move_date", "date_precision", "date_source")
            .agg(pl.col("doc_id").n_unique().alias("n"),
                 # the first source's words in document order, whatever order the mentions came in (a
                 # daily run reads them chunk by chunk, a full refresh at once: the same text in both)
                 pl.col("date_text").sort_by("doc_id", "char_start").drop_nulls().first())
            .sort("cluster", pl.when(stated).then(0).otherwise(1),
                  pl.col("date_precision").replace_strict(_PRECISION_RANK, default=9, return_dtype=pl.Int64)
                  .fill_null(9),
                  -pl.col("n").cast(pl.Int64), pl.when(stated).then(-days).otherwise(days), maintain_order=True)
            .unique("cluster", keep="first", maintain_order=True)
            .select("cluster", "move_date", "date_precision", "date_text", "date_source"))
    clusters = sm.select("cluster", *on).unique("cluster", keep="first", maintain_order=True)
    old = previous_ids(sm, previous, "sanction_id", on=PREVIOUS_KEYS)
    dates_of = dict(best.select("cluster", "move_date").iter_rows())
    ids, seen = [], set(old.values())
    for row in clusters.iter_rows(named=True):
        if row["cluster"] in old:
            ids.append(old[row["cluster"]])
            continue
        date = dates_of.get(row["cluster"])
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
    # a move with no dated mention: no date, precision "unknown"
    dates = (clusters.select("cluster", "sanction_id")
             .join(best.with_columns(_dated=pl.lit(True)), on="cluster", how="left", maintain_order="left")
             .select("sanction_id", "move_date",
                     pl.when(pl.col("_dated")).then(pl.col("date_precision")).otherwise(pl.lit("unknown"))
                     .alias("date_precision"), "date_text", "date_source"))
    sm = sm.join(clusters.select("cluster", "sanction_id"), on="cluster", how="left", maintain_order="left").drop("cluster")
    return sm, dates

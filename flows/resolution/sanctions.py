"""Sanctions: sanction mentions from many documents -> one row per move (issuer, target, target country,
action, date): see flows/resolution/sanction_moves.py (issue 25)."""

from __future__ import annotations

import polars as pl

from flows.extraction.places import countries_in
from flows.extraction.sanction_dates import with_date_columns
from flows.resolution.sanction_moves import joint_issuers, move_ids, split_issuers
from flows.resolution.staging import sentence_lookup

RELIEF = ("lifted", "eased", "proposed")
# one row per move: (issuer, target, target country, action, date)
SANCTION_SCHEMA = {"sanction_id": pl.String, "issuer": pl.String, "issuer_text": pl.String, "target": pl.String,
                   "target_type": pl.String, "target_country": pl.String, "action": pl.String,
                   "move_date": pl.Date, "date_precision": pl.String, "date_text": pl.String,
                   "date_source": pl.String, "reason": pl.String, "event_id": pl.String, "n_sources": pl.Int64}


def consolidate_sanctions(sm: pl.DataFrame, event_mentions: pl.DataFrame, sentences_at=None,
                          previous: pl.DataFrame | list | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sanction mentions -> (sanctions, mentions with sanction_id).

    `previous` is the earlier run's sanction evidence (doc_id, char_start, issuer, target, action,
    sanction_id): a move holding any of those mentions keeps its id, though a new source dates it anew.

    Within a document a definite relief (lifted/eased) on a target overrides a
    hedged 'proposed' on the same target; a missing issuer is the one named elsewhere in the
    document for the same target and action.
    Relief tied to a release ('in exchange for', 'as part of the deal', or a
    document about exactly one release) links to that release event.
    """
    schema = SANCTION_SCHEMA
    sm = with_date_columns(sm)
    if sm.is_empty():
        return pl.DataFrame(schema=schema), sm.with_columns(sanction_id=pl.lit(None, pl.String))
    definite = sm.filter(pl.col("action").is_in(["lifted", "eased"])).select("doc_id", "target").unique()
    sm = sm.join(definite.with_columns(has_definite=pl.lit(True)), on=["doc_id", "target"], how="left").filter(
        ~((pl.col("action") == "proposed") & pl.col("has_definite").fill_null(False))).drop("has_definite")
    # the issuer of a document's (target, action) is the first one named in it
    # an unnamed issuer is the one the document names for the same target and action
    sm = sm.with_columns(
        issuer=pl.coalesce("issuer", pl.col("issuer").drop_nulls().first().over("doc_id", "target", "action")),
        issuer_text=pl.coalesce("issuer_text", pl.col("issuer_text").drop_nulls().first().over("doc_id", "target", "action")))
    # a proposal nobody is said to make ("the release could potentially ease sanctions") is the writer's
    # speculation, not a move any power has put forward
    sm = sm.filter(~((pl.col("action") == "proposed") & pl.col("issuer").is_null()))
    if sm.is_empty():
        return pl.DataFrame(schema=schema), sm.with_columns(sanction_id=pl.lit(None, pl.String))
    rel = event_mentions.filter(pl.col("event_type") == "prisoner_release")
    doc_release = rel.group_by("doc_id").agg(pl.col("event_id").unique().alias("events"))
    single = {d: e[0] for d, e in doc_release.iter_rows() if len(e) == 1}
    release_country = dict(rel.select("event_id", "country").unique("event_id").iter_rows())
    # the sentences that decide a link: relief on a non-country target in a document about one release
    # (looked up, so that the mentions can come without their sentences)
    needs = sm.filter(pl.col("action").is_in(list(RELIEF)) & pl.col("doc_id").is_in(list(single))
                      & (pl.col("target_type") != "country")).select("doc_id", "char_start")
    if sentences_at is None:
        sentences_at = sentence_lookup(sm, "sanction_mentions")
    said = {} if needs.is_empty() else {
        (d, c): t for d, c, t in sentences_at(needs).select("doc_id", "char_start", "sentence").iter_rows()}
    # only relief in a document about one release can link (to that release): the rest never reaches the loop
    single_release = pl.DataFrame({"doc_id": list(single), "_release": list(single.values())},
                                  schema={"doc_id": pl.String, "_release": pl.String})
    sm = sm.with_row_index("_row")
    relief = sm.filter(pl.col("action").is_in(list(RELIEF))).select(
        "_row", "doc_id", "char_start", "target", "target_type").join(single_release, on="doc_id", how="inner")
    links = []
    named: dict[str, list[str]] = {}  # sentence -> the countries it names (sentences repeat across mentions)
    for doc_id, start, target, target_type, event_id in relief.select(
            "doc_id", "char_start", "target", "target_type", "_release").iter_rows():
        country = release_country.get(event_id)
        # relief ties to the document's one release only when it is about the releasing
        # country: "Iranian oil" yes; an airline in a round-up of other countries, no
        if target_type == "country":
            about = [target]
        else:
            sentence = said[(doc_id, start)]
            about = named.get(sentence)
            if about is None:
                about = named[sentence] = countries_in(sentence)
        links.append(None if country and country not in about else event_id)
    sm = sm.join(relief.select("_row", linked_event=pl.Series(links, dtype=pl.String)), on="_row", how="left",
                 maintain_order="left").drop("_row")
    # bodies one sentence names for the same target and action act together: "The US and the UK both announced
    # sanctions on <country>" is one joint move told in one voice, whatever words each body gets
    sm = joint_issuers(sm)
    # one row per sanctioning body (issue 25): "the US and the EU" is two moves, each with its code
    sm = split_issuers(sm)
    # an id per move: a distinct (issuer, target, target country, action) cut where its dates lie far
    # apart (an imposition in 2021 and another in 2024 are two moves; sources of one move merge); the
    # country keeps the U.S. easing on Venezuelan oil apart from one on Iranian oil
    on = ["issuer", "target", "target_country", "action"]
    sm, move_dates = move_ids(sm, on, previous)
    sm = sm.with_columns(issuer_key=pl.col("issuer").fill_null(""))
    sanctions = (
        sm.sort("doc_id", "char_start").group_by("sanction_id").agg(
            pl.col("issuer").first(), pl.col("issuer_text").drop_nulls().first(),
            pl.col("target").first(), pl.col("target_type").first(),
            pl.col("target_country").first(), pl.col("action").first(),
            pl.col("reason").drop_nulls().unique(maintain_order=True).str.join("; ").alias("reason"),
            pl.col("linked_event").drop_nulls().mode().sort().first().alias("event_id"),
            pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_sources"),
        )
        .with_columns(reason=pl.when(pl.col("reason") == "").then(None).otherwise(pl.col("reason")))
        .join(move_dates, on="sanction_id", how="left")
        .select(list(schema)).sort("sanction_id")
    )
    return sanctions, sm.drop("issuer_key")

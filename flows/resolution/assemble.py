"""Assembly: the staging frames of a run -> every fact table of the warehouse (resolve stage entry point)."""

from __future__ import annotations

import polars as pl

from flows.extraction.names import resolve_mentions_in_documents
from flows.resolution.agreement import precision_conflicts
from flows.resolution.dimensions import add_dimensions
from flows.resolution.events import consolidate_events
from flows.resolution.links import link_event_people
from flows.resolution.people import resolve_people
from flows.resolution.sanctions import consolidate_sanctions
from flows.resolution.staging import scan_stage, sentence_lookup, stage_frame, stage_source, without_sentence


def _evidence_part(fact_table: str, rows: pl.DataFrame) -> pl.DataFrame:
    """Evidence rows of one fact table: one per (fact, document, start), sorted by them."""
    return (rows.unique(subset=["fact_id", "doc_id", "char_start"], keep="first")
            .sort("fact_id", "doc_id", "char_start")
            .select(pl.lit(fact_table).alias("fact_table"), "fact_id", "doc_id", "char_start", "char_end", "quote"))


# what sanctions, release linking and evidence read of the event mentions
EVENT_MENTION_KEYS = ["event_id", "event_type", "country", "doc_id", "sent_idx", "char_start", "char_end"]


def assemble_tables(stage: dict[str, pl.DataFrame | list], previous: dict[str, pl.DataFrame] | None = None
                    ) -> dict[str, pl.DataFrame]:
    """Staging rows of all current documents -> the warehouse's fact tables with evidence.

    Each `stage` value is a frame or a list of Parquet files (the run's spool); each step reads only
    the columns it needs, and no step holds every sentence of the run. Evidence of events and
    sanctions comes without its quote: `quote_evidence` adds it, slice by slice, before the load.
    """

    previous = previous or {}
    mentions = resolve_mentions_in_documents(stage_frame(stage, "name_candidates"))
    people, person_mentions, person_conflicts = resolve_people(mentions, previous.get("person_mentions"))
    del mentions
    events, event_mentions, ev_conflicts = consolidate_events(
        scan_stage(stage_source(stage, "event_mentions"), "event_mentions", without_sentence("event_mentions")),
        previous.get("event_mentions"),
        sentences_at=sentence_lookup(stage_source(stage, "event_mentions")),
        # the steps below need only where each mention is and which event it is: the other columns would be
        # held through sanctions, linking and evidence (the run's later memory peaks) for nothing
        mention_columns=EVENT_MENTION_KEYS)
    sanctions, sanction_mentions = consolidate_sanctions(
        stage_frame(stage, "sanction_mentions", without_sentence("sanction_mentions")), event_mentions,
        sentences_at=sentence_lookup(stage_source(stage, "sanction_mentions"), "sanction_mentions"),
        previous=previous.get("sanction_mentions"))
    event_people = link_event_people(event_mentions, person_mentions, stage_source(stage, "sentences"), people)
    no_quote = pl.lit(None, pl.String).alias("quote")
    # one part per fact table, deduplicated and sorted on its own (in fact_table order): the same rows as
    # one concat -> unique -> sort, without holding and sorting all of them at once (its 100k peak);
    # the event and sanction mentions go as soon as their part is made (the tables keep only evidence)
    event_part = _evidence_part("events", event_mentions.select(
        pl.col("event_id").alias("fact_id"), "doc_id", "char_start", "char_end", no_quote))
    del event_mentions
    # dates the sentences state for one move that cannot all be true (publication dates claim nothing)
    sanction_conflicts = precision_conflicts(sanction_mentions.filter(pl.col("date_source") == "sentence"),
                                             "sanctions", "sanction_id", "move_date")
    sanction_part = _evidence_part("sanctions", sanction_mentions.select(
        pl.col("sanction_id").alias("fact_id"), "doc_id", "char_start", "char_end", no_quote))
    del sanction_mentions
    evidence = pl.concat([
        event_part,
        _evidence_part("people", person_mentions.select(
            pl.col("person_id").alias("fact_id"), "doc_id", "char_start", "char_end", pl.col("surface").alias("quote"))
            .sort("char_start").group_by("fact_id", "doc_id", maintain_order=True).first()),
        sanction_part,
    ])
    del event_part, sanction_part
    # ISO codes, nationality, and the countries and issuers tables (issue 25)
    return add_dimensions({
        "people": people,
        "person_mentions": person_mentions.select(
            "person_id", "doc_id", "sent_idx", "surface", "name", "char_start", "char_end", "role", "confidence"),
        "events": events,
        "event_people": event_people,
        "sanctions": sanctions,
        "evidence": evidence,
        "conflicts": pl.concat([person_conflicts, ev_conflicts, sanction_conflicts]),
        "tallies": stage_frame(stage, "tallies"),
    })

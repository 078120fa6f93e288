"""Assembly: the staging frames of a run -> every fact table of the warehouse (resolve stage entry point)."""

from __future__ import annotations

import polars as pl

from flows.extraction.mentions import resolve_mentions_in_documents
from flows.resolution.agreement import precision_conflicts
from flows.resolution.dimensions import add_dimensions
from flows.resolution.events import consolidate_events
from flows.resolution.incremental import (IncrementalMismatch, Stored, changed_evidence_docs,
                                          changed_person_mention_docs, consolidate_events_incremental,
                                          consolidate_sanctions_incremental, kept_evidence,
                                          link_event_people_incremental, stored_ids)
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


def assemble_tables(stage: dict[str, pl.DataFrame | list], previous: dict[str, pl.DataFrame] | None = None,
                    stored: Stored | None = None) -> dict[str, pl.DataFrame | pl.LazyFrame]:
    """Staging rows of all current documents -> the warehouse's fact tables with evidence.

    Each `stage` value is a frame or a list of Parquet files (the run's spool); each step reads only
    the columns it needs, and no step holds every sentence of the run. Evidence of events and
    sanctions comes without its quote: `quote_evidence` adds it, slice by slice, before the load (an
    incremental run's stored evidence comes quoted).
    `stored` (a daily run): events and sanctions are resolved again only in the blocks this run's
    documents touch, the rest taken as stored (flows/resolution/incremental.py); the same tables. Its events
    and tallies come as lazy frames, of which the run collects the scopes' rows only (`pipeline.cut_to_scopes`;
    `pipeline.collected` gives them whole).
    """

    previous = previous or {}
    candidates = stage_frame(stage, "name_candidates")
    # the people each release document tells as freed (found at extraction): releases naming others are others;
    # a scan, of which event consolidation reads the rows of the documents it resolves only
    freed = scan_stage(stage_source(stage, "freed_names"), "freed_names")
    mentions = resolve_mentions_in_documents(candidates)
    del candidates
    people, person_mentions, person_conflicts = resolve_people(mentions, previous.get("person_mentions"))
    del mentions
    event_scan = scan_stage(stage_source(stage, "event_mentions"), "event_mentions", without_sentence("event_mentions"))
    event_sentences = sentence_lookup(stage_source(stage, "event_mentions"))
    # the steps below need only where each mention is and which event it is: the other columns would be
    # held through sanctions, linking and evidence (the run's later memory peaks) for nothing
    if stored is None:
        events, event_mentions, ev_conflicts = consolidate_events(
            event_scan, previous.get("event_mentions"), sentences_at=event_sentences,
            mention_columns=EVENT_MENTION_KEYS, freed=freed)
        moved_docs: set = set()
    else:
        events, event_mentions, ev_conflicts, moved_docs, kept_events = consolidate_events_incremental(
            event_scan, previous.get("event_mentions"), stored, event_sentences, EVENT_MENTION_KEYS, freed=freed,
            collect=False)  # every event (at 100k: 0.5M) is read once links are made, not held through them
    del event_scan
    # a daily run reads the mentions of the documents its touched moves need only (a scan of the spool)
    # (numbered in the stage's order by the files' readers: a daily run's filters on it reach the files)
    sanction_rows = scan_stage(stage_source(stage, "sanction_mentions"), "sanction_mentions",
                               without_sentence("sanction_mentions"), row_index=None if stored is None else "_sm_order")
    if stored is None:
        sanction_rows = sanction_rows.collect()
    sanction_sentences = sentence_lookup(stage_source(stage, "sanction_mentions"), "sanction_mentions")
    if stored is None:
        sanctions, sanction_mentions = consolidate_sanctions(
            sanction_rows, event_mentions, sentences_at=sanction_sentences, previous=previous.get("sanction_mentions"))
        kept_sanction_conflicts = None
    else:
        sanctions, sanction_mentions, kept_sanction_conflicts, kept_sanctions = \
            consolidate_sanctions_incremental(sanction_rows, event_mentions, previous.get("sanction_mentions"),
                                              stored, moved_docs, sanction_sentences)
    del sanction_rows
    if stored is None:
        event_people = link_event_people(event_mentions, person_mentions, stage_source(stage, "sentences"), people)
    else:  # only the documents whose links may have changed are linked again
        event_people, link_docs = link_event_people_incremental(event_mentions, person_mentions, stage_source(stage, "sentences"),
                                                     people, previous, stored)
    # a daily run's events stay a lazy frame (the resolved ones held, the kept ones read from the stored rows):
    # the run keeps only the scope's rows (`pipeline.cut_to_scopes`), so the whole table (at 100k: 0.5M rows,
    # collected and sorted, the run's peak) is never made; a full run's are a frame already
    no_quote = pl.lit(None, pl.String).alias("quote")
    # one part per fact table, deduplicated and sorted on its own (in fact_table order): the same rows as
    # one concat -> unique -> sort, without holding and sorting all of them at once (its 100k peak);
    # the event and sanction mentions go as soon as their part is made (the tables keep only evidence)
    # (a daily run's: the touched blocks' mentions only; the kept ones' evidence is their stored rows)
    event_rows = event_mentions if stored is None else event_mentions.touched
    event_part = event_rows.select(pl.col("event_id").alias("fact_id"), "doc_id", "char_start", "char_end", no_quote)
    del event_rows
    # dates the sentences state for one move that cannot all be true (publication dates claim nothing)
    sanction_conflicts = precision_conflicts(sanction_mentions.filter(pl.col("date_source") == "sentence"),
                                             "sanctions", "sanction_id", "move_date")
    sanction_part = sanction_mentions.select(
        pl.col("sanction_id").alias("fact_id"), "doc_id", "char_start", "char_end", no_quote)
    del sanction_mentions
    person_part = person_mentions.select(
        pl.col("person_id").alias("fact_id"), "doc_id", "char_start", "char_end", pl.col("surface").alias("quote"))
    person_docs = evidence_docs = None
    if stored is not None:  # a daily run: the evidence of the documents whose evidence may differ, only
        sanction_conflicts = pl.concat([sanction_conflicts, kept_sanction_conflicts])
        person_docs = changed_person_mention_docs(person_mentions, stored)
        event_part = event_part.filter(~pl.col("fact_id").is_in(kept_events.implode()))
        evidence_docs = _evidence_docs(stored, person_docs, (event_part, stored.event_evidence, kept_events),
                                       (sanction_part, stored.sanction_evidence, kept_sanctions))
        in_docs = pl.col("doc_id").is_in(evidence_docs.implode())
        # the untouched facts' stored evidence (quoted) in those documents
        event_part = pl.concat([event_part.filter(in_docs), kept_evidence(stored.event_evidence, kept_events, in_docs)])
        sanction_part = pl.concat([sanction_part.filter(in_docs),
                                   kept_evidence(stored.sanction_evidence, kept_sanctions, in_docs)])
        person_part = person_part.filter(in_docs)
    event_part = _evidence_part("events", event_part)
    del event_mentions
    sanction_part = _evidence_part("sanctions", sanction_part)
    evidence = pl.concat([
        event_part,
        _evidence_part("people", person_part.sort("char_start").group_by("fact_id", "doc_id", maintain_order=True).first()),
        sanction_part,
    ])
    del event_part, sanction_part, person_part
    # ISO codes, nationality, and the countries and issuers tables (issue 25)
    tables = add_dimensions({
        "people": people,
        "person_mentions": person_mentions.select(
            "person_id", "doc_id", "sent_idx", "surface", "name", "char_start", "char_end", "role", "confidence"),
        "events": events,
        "event_people": event_people,
        "sanctions": sanctions,
        "evidence": evidence,
        "conflicts": pl.concat([person_conflicts, ev_conflicts, sanction_conflicts]),
        # a daily run's tallies as a scan too: its scope is its new and dropped documents (`_scopes`)
        "tallies": stage_frame(stage, "tallies") if stored is None else scan_stage(stage_source(stage, "tallies"), "tallies"),
    })
    if stored is not None:
        tables[SCOPES] = _scopes(tables, stored, kept_events, kept_sanctions, link_docs, person_docs, evidence_docs)
    return tables


def _column(frame: pl.DataFrame | pl.LazyFrame, name: str) -> pl.Series:
    """One column of a frame, or of a lazy frame (read alone)."""
    return frame.lazy().select(name).collect()[name] if isinstance(frame, pl.LazyFrame) else frame[name]


# the key under which an incremental run's tables carry their scopes (see `_scopes`)
SCOPES = "_scopes"


def _evidence_docs(stored: Stored, person_docs: pl.Series, *facts: tuple) -> pl.Series:
    """The documents whose evidence may differ from the stored: new and dropped ones, those whose person
    mentions changed, and those whose evidence of an event or a sanction is not the stored one (`facts`:
    per fact table, the touched facts' evidence rows, the stored evidence and the ids kept as stored)."""
    changed = [changed_evidence_docs(now.unique(subset=["fact_id", "doc_id", "char_start"], keep="first",
                                                maintain_order=True), before, kept)
               for now, before, kept in facts]
    return pl.concat([pl.Series(stored.new_doc_ids, dtype=pl.String), pl.Series(stored.gone_doc_ids, dtype=pl.String),
                      person_docs, *changed]).unique()


def _scopes(tables: dict[str, pl.DataFrame], stored: Stored, kept_events: pl.Series, kept_sanctions: pl.Series,
            link_docs: pl.Series, person_docs: pl.Series, evidence_docs: pl.Series) -> dict[str, pl.Series]:
    """Per fact table of an incremental run, the groups (load.GROUP_KEYS) that may differ from the stored
    ones: every group outside them is the stored rows, so validation and the load look at these only.

    events, sanctions: the ones resolved again, and the stored ones not kept (replaced or gone); conflicts:
    theirs and every person's (people are resolved whole); person_mentions: the documents whose mentions
    differ (new and dropped ones too); evidence: `_evidence_docs` (the evidence table holds these documents'
    rows only); event_people: the documents linked again, dropped, or whose stored statement of a link a
    relinked document now states first; tallies: new and dropped documents.
    Tables without a scope (people, countries, issuers: small) are compared whole."""
    new_docs = pl.Series(stored.new_doc_ids, dtype=pl.String)
    gone_docs = pl.Series(stored.gone_doc_ids, dtype=pl.String)
    # (the events' ids read once: a daily run's events are a lazy frame, each read runs its plan)
    ids = {"events": _column(tables["events"], "event_id"), "sanctions": tables["sanctions"]["sanction_id"]}
    for name, column in ids.items():
        # a touched row with a kept row's id would fall outside the scope (the unique key check, run on the
        # scope, would not see the two): resolve everything instead, where the check sees them
        if column.is_duplicated().any():
            raise IncrementalMismatch(f"{name}: a resolved row shares its id with a stored one")

    def replaced(now: pl.Series, before: pl.Series, kept: pl.Series) -> pl.Series:
        both = pl.concat([now, before]).unique()
        return both.filter(~both.is_in(kept.implode()))

    events = replaced(ids["events"], stored_ids(stored.events, "event_id"), kept_events)
    sanctions = replaced(ids["sanctions"], stored_ids(stored.sanctions, "sanction_id"), kept_sanctions)
    people = pl.concat([tables["people"]["person_id"], stored_ids(stored.people, "person_id")]).unique()
    return {
        "events": events, "sanctions": sanctions,
        "conflicts": pl.concat([events, sanctions, people]).unique(),
        "person_mentions": person_docs,
        "evidence": evidence_docs,
        "event_people": link_docs,
        "tallies": pl.concat([new_docs, gone_docs]).unique(),
    }

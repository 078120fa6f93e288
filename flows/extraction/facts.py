"""Facts stage: cleaned documents -> per-document candidate facts with evidence spans.

Returns the staging frames that the warehouse keeps per document, so that an
unchanged document never has to be extracted again:
sentences, name candidates, event mentions, tallies, sanction mentions, the surnames each release document
tells as freed.
"""

from __future__ import annotations

import polars as pl

from flows.core.runtime import paused_collector
from flows.extraction.clean import CAPTION_SENT_IDX, caption_sentences, clean_documents, split_sentences
from flows.extraction.designations import plain_name
from flows.extraction.designee_lists import listed_designees
from flows.extraction.events import extract_event_mentions
from flows.extraction.freed import freed_by_document
from flows.extraction.places import doc_main_countries
from flows.extraction.names import find_name_candidates, shared_candidates
from flows.extraction.sanction_dates import date_sanction_mentions
from flows.extraction.sanction_groups import counted_then_named, one_name_per_person, without_named_groups
from flows.extraction.sanction_targets import name_described_officials
from flows.extraction.sanctions import (bloc_is_the_union, extract_sanction_mentions, no_kin_of_designee, no_stand_in_beside_listed, not_own_country,
                                       not_victims)
from flows.language.countries import with_iso_codes

# Bump when an extractor changes: every document is then extracted again.
EXTRACTOR_VERSION = "2026.12.05-101"  # what each version changed: docs/extractor-versions.md (newest first)
LINKING_SENTENCE = r"(?i)releas|freed|free\b|pardon|amnest|swap|exchang|flown|includ|among|handed\s+over"
# A release of more people than this is a number misread (sentences reduced for a whole prison population, a
# sum, a census): no release mention keeps it. It is the events suite's critical bound on prisoner_count
# (expectations/events.json; a test keeps the two equal), which one such sentence used to trip for a whole run.
MAX_RELEASE_COUNT = 100_000


def extract_facts(docs: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Loaded documents -> staging frames keyed by name (see module docstring)."""
    # the sanction rules read the name candidates find_name_candidates found for each sentence (same text, same
    # candidates): it runs first, inside the block that shares them
    # (and with the cyclic collector paused: millions of short-lived objects, almost no cycles; flows.core.runtime)
    with shared_candidates(), paused_collector():
        return _extract_facts(docs)


def _extract_facts(docs: pl.DataFrame) -> dict[str, pl.DataFrame]:
    cleaned = clean_documents(docs)
    sentences = split_sentences(cleaned)
    published = dict(zip(cleaned["doc_id"], cleaned["published_at"]))
    main_country = doc_main_countries(sentences)  # shared by events and sanctions: computed once
    # (the people a picture's caption names are the document's: its sentences go to the people's reader only)
    candidates = find_name_candidates(pl.concat([sentences, caption_sentences(cleaned)]))
    events, tallies = extract_event_mentions(sentences, published, main_country)
    events = events.filter(pl.col("prisoner_count").is_null() | (pl.col("prisoner_count") <= MAX_RELEASE_COUNT))
    # each move dated by its sentence, else the publication date; its issuer's words kept (issue 25)
    sanctions = date_sanction_mentions(extract_sanction_mentions(sentences, main_country), published)
    # the people a later sentence lists as a move's designees ("Others sanctioned are ...")
    # (the caption's names are people of the document, never a move's designees nor the official a move names)
    body_candidates = candidates.filter(pl.col("sent_idx") < CAPTION_SENT_IDX)
    listed = listed_designees(sanctions, sentences, body_candidates)
    # the people a later sentence names where a move counted them ("sanctions on three more people")
    counted = counted_then_named(sanctions, sentences, body_candidates)
    listed = pl.concat([listed, counted.join(listed.select("doc_id", "target"), on=["doc_id", "target"], how="anti")])
    # (a country standing in for the move's unsaid targets goes beside the listed people, as beside named ones)
    sanctions = no_kin_of_designee(not_victims(one_name_per_person(without_named_groups(pl.concat([no_stand_in_beside_listed(sanctions, listed),
                                                                                listed])))))
    # (a state's move on named targets never gives them that state's own country where its other targets have another)
    sanctions = not_own_country(bloc_is_the_union(sanctions))
    # one official told by office and country ("<State>'s foreign minister") is the person the document names so
    sanctions = name_described_officials(sanctions, body_candidates)
    # a name a list of designees holds is a person's even when the lexicon does not know its given name
    # (and so is one a sentence's list of designees holds beside a name the lexicon knows: "<known A>, <role>, <B> and
    # <C> were among those sanctioned"; issue 22, class 10)
    in_lists = sanctions.filter((pl.col("target_type") == "person") & pl.col("target").str.contains(r"^\S+(?:\s\S+){1,3}$"))
    in_lists = in_lists.filter(pl.Series([plain_name(t) for t in in_lists["target"]], dtype=pl.Boolean))
    listed_people = (pl.concat([listed.filter(pl.col("target_type") == "person").select("doc_id", "sent_idx", "target"),
                                in_lists.select("doc_id", "sent_idx", "target")])
                     .select("doc_id", "sent_idx", pl.col("target").alias("surface"), listed=pl.lit(True)).unique())
    if not listed_people.is_empty():
        candidates = (candidates.join(listed_people, on=["doc_id", "sent_idx", "surface"], how="left",
                                      maintain_order="left")
                      .with_columns(is_person=pl.col("is_person") | pl.col("listed").fill_null(False)).drop("listed"))
    release_docs = events.filter(pl.col("event_type") == "prisoner_release")["doc_id"].unique()
    # event_people linking reads only sentences that speak of a release or list who was in it
    linking = sentences.filter(pl.col("doc_id").is_in(release_docs.implode())
                               & pl.col("sentence").str.contains(LINKING_SENTENCE))
    frames = {
        # per document, joined onto its documents row: furniture blanked and its main country
        "furniture": with_iso_codes(cleaned.select("doc_id", "n_furniture_chars", main_country=pl.col("doc_id")
                                                   .replace_strict(main_country, default=None, return_dtype=pl.String)),
                                    "main_country"),
        "sentences": linking,
        "name_candidates": candidates,
        "event_mentions": events,
        "tallies": tallies,
        "sanction_mentions": sanctions,
    }
    # a sentence with two release words yields the same mention twice: one row per fact
    frames = {k: v.unique(maintain_order=True) for k, v in frames.items()}
    # who each release document tells as freed: its own text only, so found here once, not at every resolve
    frames["freed_names"] = freed_by_document(frames["name_candidates"], frames["sentences"], release_docs)
    return frames

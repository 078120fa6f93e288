"""A fact's fields never depend on the order its documents' mentions reach resolution: a warehouse built by
daily runs stages documents in the order they arrived, a full refresh in the order it read them, and both must
build the same tables. (Within a document the order is the extractor's, the same in both.)"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from tests.conftest import sentences_of


def _documents_shuffled(mentions: pl.DataFrame, seed: int) -> pl.DataFrame:
    """The mentions with their documents in a random order, each document's own rows in theirs."""
    docs = mentions["doc_id"].unique().sort().sample(fraction=1.0, shuffle=True, seed=seed)
    rank = pl.DataFrame({"doc_id": docs, "_rank": range(docs.len())})
    return mentions.join(rank, on="doc_id", how="left").sort("_rank", maintain_order=True).drop("_rank")


def _no_events() -> pl.DataFrame:
    from flows.extraction.events import EVENT_MENTION_SCHEMA

    return pl.DataFrame(schema={**EVENT_MENTION_SCHEMA, "event_id": pl.String})


def test_a_move_dated_alike_by_two_sources_takes_one_date_text_in_any_order():
    """Two sources give one move the same month in other words ('in March 2023' and 'In March'): the date
    text the move keeps is the first source's in document order, not the first mention that happens to be read."""
    from flows.extraction.sanction_dates import date_sanction_mentions
    from flows.extraction.sanctions import extract_sanction_mentions
    from flows.resolution.sanctions import consolidate_sanctions

    texts = {"a": "In March 2023 the European Union imposed sanctions on Moldovan wine exports.",
             "b": "In March, the European Union imposed sanctions on Moldovan wine exports."}
    published = {"a": dt.date(2023, 4, 2), "b": dt.date(2023, 4, 3)}
    sentences = pl.concat([sentences_of(t, doc_id=d, published=published[d]) for d, t in texts.items()])
    mentions = date_sanction_mentions(extract_sanction_mentions(sentences), published)
    assert mentions["date_text"].n_unique() == 2 and mentions["move_date"].n_unique() == 1
    forward, _ = consolidate_sanctions(mentions, _no_events())
    backward, _ = consolidate_sanctions(mentions.reverse(), _no_events())
    assert forward.height == 1
    assert forward["date_text"].to_list() == ["In March 2023"]
    assert backward.equals(forward)


def test_the_dev_sets_sanctions_resolve_the_same_in_any_order_of_their_mentions(dev_db):
    from flows.resolution.sanctions import consolidate_sanctions

    with duckdb.connect(str(dev_db), read_only=True) as con:
        mentions = con.sql("SELECT * EXCLUDE (sentence) FROM stg_sanction_mentions ORDER BY doc_id, char_start").pl()
    assert mentions.height > 50
    base, base_mentions = consolidate_sanctions(mentions, _no_events())
    for seed in range(1, 9):
        shuffled = _documents_shuffled(mentions, seed)
        sanctions, with_ids = consolidate_sanctions(shuffled, _no_events())
        assert sanctions.equals(base), seed
        key = ["doc_id", "char_start", "issuer", "target", "action"]
        assert with_ids.sort(key, nulls_last=True).select(*key, "sanction_id").equals(
            base_mentions.sort(key, nulls_last=True).select(*key, "sanction_id")), seed


def test_the_dev_sets_events_resolve_the_same_in_any_order_of_their_mentions(dev_db):
    from flows.resolution.events import consolidate_events

    with duckdb.connect(str(dev_db), read_only=True) as con:
        mentions = con.sql("SELECT * FROM stg_event_mentions ORDER BY doc_id, char_start").pl()
    assert mentions.height > 50
    base, base_mentions, base_conflicts = consolidate_events(mentions)
    for seed in range(1, 9):
        events, with_ids, conflicts = consolidate_events(_documents_shuffled(mentions, seed))
        assert events.sort("event_id").equals(base.sort("event_id")), seed
        key = ["doc_id", "char_start", "event_id"]  # a sentence may hold two mentions at one offset (a swap's sides)
        assert with_ids.select(key).sort(key).equals(base_mentions.select(key).sort(key)), seed
        assert conflicts.sort(conflicts.columns, nulls_last=True).equals(
            base_conflicts.sort(base_conflicts.columns, nulls_last=True)), seed


def test_the_dev_sets_people_resolve_the_same_in_any_order_of_their_documents(dev_db):
    from flows.extraction.mentions import resolve_mentions_in_documents
    from flows.resolution.people import resolve_people

    with duckdb.connect(str(dev_db), read_only=True) as con:
        candidates = con.sql("SELECT * FROM stg_name_candidates ORDER BY doc_id, char_start").pl()
    assert candidates.height > 100
    people, mentions, conflicts = resolve_people(resolve_mentions_in_documents(candidates))
    for seed in range(1, 9):
        p, m, c = resolve_people(resolve_mentions_in_documents(_documents_shuffled(candidates, seed)))
        assert p.sort("person_id").equals(people.sort("person_id")), seed
        assert m.sort(m.columns, nulls_last=True).equals(mentions.sort(mentions.columns, nulls_last=True)), seed
        assert c.sort(c.columns, nulls_last=True).equals(conflicts.sort(conflicts.columns, nulls_last=True)), seed

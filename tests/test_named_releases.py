"""Releases of one told apart by the people they free (issue 22, class 6; session 15). Real pages recall a relative's
release of a year before beside the news ("<State> freed blogger <A> <Surname>" ... "<B> <Surname>, his sister, was
released in June of last year"): alike in country and count, they are two releases. Texts in our own words."""

import datetime as dt

import polars as pl

from flows.extraction.events import _freed_in_sentence, extract_event_mentions
from flows.resolution.events import consolidate_events, split_by_named
from tests.conftest import sentences_of


def _mentions(*docs):
    frames = []
    for doc_id, text, published in docs:
        s = sentences_of(text).with_columns(doc_id=pl.lit(doc_id))
        ev, _ = extract_event_mentions(s, {doc_id: published})
        frames.append(ev)
    return pl.concat(frames)


def test_a_release_sentence_names_whom_it_frees():
    assert _freed_in_sentence("Ruritania releases blogger Jan Novak after ten years in prison") == ["jan novak"]
    assert _freed_in_sentence("Blogger Jan Novak, who became a symbol of free speech, was released on Friday.") == \
        ["jan novak"]
    # the one who frees is not freed
    assert _freed_in_sentence("President Ivan Berg freed the journalist Anna Novak on Monday.") == ["anna novak"]
    assert _freed_in_sentence("The court freed 12 students.") is None


def test_a_sister_freed_a_year_before_is_another_release():
    ev = _mentions(
        ("a", "Ruritania has finally released blogger Jan Novak after ten years in prison. In late June 2024, the "
              "authorities released Anna Novak, his sister, three years after her arrest.", dt.date(2025, 3, 12)),
        ("b", "Ruritanian blogger Jan Novak, who became a symbol of free speech, was released on March 11, 2025.", None),
        ("c", "Ruritania releases blogger Jan Novak after ten years in prison", None))
    events, mentions, _ = consolidate_events(ev)
    rel = events.filter(pl.col("event_type") == "prisoner_release").sort("event_date")
    assert rel.select("prisoner_count", "event_date", "n_sources").rows() == [
        (1, dt.date(2024, 6, 1), 1), (1, dt.date(2025, 3, 11), 3)]


def test_names_alike_in_spelling_are_one_person_and_a_mention_naming_no_one_stays():
    rel = pl.DataFrame({"cluster": [0, 0, 0, 0], "doc_id": ["a", "b", "c", "d"], "prisoner_count": [1, 1, 1, 1],
                        "freed_names": [["raif novak"], ["raef novak"], ["samar novak"], None]})
    assert split_by_named(rel).to_list() == [0, 0, 1, 0]
    same = rel.with_columns(freed_names=pl.Series([["raif novak"], ["raif novak"], None, None]))
    assert split_by_named(same).to_list() == [0, 0, 0, 0]

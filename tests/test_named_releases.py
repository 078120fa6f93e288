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


def test_a_named_release_of_one_is_a_member_of_the_counted_release_another_report_names_him_in():
    """One outlet tells "Ruritania frees opposition leader <A B>", another "<B> and his five co-accused have been
    released": one release of six (issue 22, class 3; session 16). The join needs the group's report to name him
    freed, the same country, and dates that do not lie apart; a group naming someone else keeps its own row."""
    from flows.extraction.facts import extract_facts

    def run(*docs):
        frame = pl.DataFrame({"doc_id": [d for d, _, _ in docs], "text": [t for _, t, _ in docs],
                              "published_at": [p for _, _, p in docs], "status": ["loaded"] * len(docs)},
                             schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date,
                                     "status": pl.String})
        facts = extract_facts(frame)
        events, _, _ = consolidate_events(facts["event_mentions"], freed=facts["freed_names"])
        return sorted(events.filter(pl.col("event_type") == "prisoner_release").select(
            "prisoner_count", "n_sources").rows())

    group = ("g", "Opposition leader Anton Weiss was released from prison on Wednesday, his party said.\n\n“Anton Weiss "
                  "and his five co-accused have been released with the treason charge dropped,” the party said.",
             dt.date(2017, 8, 16))
    one = ("o", "Ruritania frees opposition leader Anton Weiss\n\nA judge freed Ruritanian opposition leader Anton Weiss "
                "after the prosecutor dropped charges against him.", None)
    assert run(group, one) == [(6, 2)]
    other = ("p", "Ruritania frees opposition leader Pavel Rook\n\nA judge freed Ruritanian opposition leader Pavel Rook "
                  "after the prosecutor dropped charges against him.", None)
    assert run(group, other) == [(1, 1), (6, 1)]

"""Event mentions: releases with counts and qualifiers; tallies never become releases (issue 4)."""

import datetime as dt

import polars as pl
import pytest

from flows.extraction.events import extract_event_mentions
from flows.extraction.counts import find_release_counts
from tests.conftest import sentences_of


@pytest.mark.parametrize(
    ("sentence", "count", "qualifier"),
    [
        ("The junta released 87 political prisoners on Monday.", 87, "exact"),
        ("More than 40 detainees were freed overnight, their families said.", 40, "at_least"),
        ("Authorities pardoned nearly 300 inmates in an amnesty.", 300, "about"),
        ("The release of up to 25 activists was confirmed by the ministry.", 25, "at_most"),
        ("Officials freed fifty prisoners in a surprise move.", 50, "exact"),
        ("In May Belarus freed 52 political prisoners.", 52, "exact"),  # the month is no hedge
    ],
)
def test_release_counts_and_qualifiers(sentence, count, qualifier):
    releases, _ = find_release_counts(sentence)
    assert [(c, q) for _, _, c, q in releases] == [(count, qualifier)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rights groups have documented over 1,400 political prisoners in the country.",
        "Over a thousand dissidents remain behind bars despite the release.",
        "The government has freed more than 300 political prisoners since July 2021.",
        "More than 1,000 political prisoners are still held, rights groups say.",
        "Some 2,000 people were arrested after the protests.",
        "The opposition could see 100 prisoners released if talks succeed.",
        "Minsk may free 40 prisoners before the summit, diplomats say.",
    ],
)
def test_tallies_and_hypotheticals_are_not_releases(sentence):
    releases, _ = find_release_counts(sentence)
    assert releases == []


def test_release_inside_a_tally_sentence():
    s = "He has freed more than 300 political prisoners since 2021, including 52 on September 11th."
    releases, tallies = find_release_counts(s)
    assert [(c, q) for _, _, c, q in releases] == [(52, "exact")]
    assert [(c, q) for _, _, c, q in tallies] == [(300, "at_least")]


def test_relative_date_resolved_against_publication_date():
    text = "Officials in Arvelia released 64 prisoners on Saturday, state media said."
    published = dt.date(2025, 6, 18)  # a Wednesday
    events, _ = extract_event_mentions(sentences_of(text, published=published), {"d1": published})
    rel = events.filter(pl.col("event_type") == "prisoner_release").row(0, named=True)
    assert rel["date_text"] == "on Saturday"
    assert rel["event_date"] == dt.date(2025, 6, 14)
    assert rel["date_precision"] == "day"
    assert rel["country"] == "Arvelia" or rel["country"] is None  # invented country: not in the gazetteer


def test_without_publication_date_nothing_is_invented():
    text = "Belgium freed 12 detainees on September 11th, officials said."
    events, _ = extract_event_mentions(sentences_of(text))
    rel = events.filter(pl.col("event_type") == "prisoner_release").row(0, named=True)
    assert rel["event_date"] is None and rel["date_precision"] == "unknown"
    assert rel["date_text"] == "September 11th"
    assert rel["country"] == "Belgium"


def test_tally_text_never_yields_a_release_row():
    text = ("Rights groups estimate that over 1,000 political prisoners remain behind bars in Cuba. "
            "A total of 300 prisoners were freed since 2022.")
    events, tallies = extract_event_mentions(sentences_of(text))
    assert events.filter(pl.col("event_type") == "prisoner_release").is_empty()
    assert sorted(tallies["count"].to_list()) == [300, 1000]


def test_other_event_types():
    text = ("The envoy delivered a letter from the president during a visit to Caracas. "
            "Both sides said talks would resume. Russia and Belarus began joint military exercises.")
    events, _ = extract_event_mentions(sentences_of(text))
    assert {"letter", "diplomatic_visit", "negotiation", "military_exercise"} <= set(events["event_type"])


def test_one_named_person_released_is_a_release_of_one():
    releases, _ = find_release_counts("Egyptian activist Omar Hassan was released from prison early on Tuesday.")
    assert [(c, q) for _, _, c, q in releases] == [(1, "exact")]


def test_since_date_before_the_count_makes_a_tally():
    releases, tallies = find_release_counts("Since July 2024 the president has pardoned more than 300 people.")
    assert releases == [] and [c for _, _, c, _ in tallies] == [300]


def test_a_release_count_repeated_in_its_sentence_is_not_also_a_tally():
    s = ("Since August 2021 the authorities have pardoned 466 people, including 299 on Saturday, "
         "and a union leader was among the 299 detainees set free.")
    releases, tallies = find_release_counts(s)
    assert 299 in [c for _, _, c, _ in releases]
    assert [c for _, _, c, _ in tallies] == [466]


def test_month_names_with_look_alike_letters_do_not_crash():
    # Python's case-insensitive regex lets "Aprıl" (dotless i) and "Auguſt" (long s) match the month
    # pattern; the look-up must fold them back instead of raising inside an extraction batch
    import datetime as dt

    from flows.language.dates import find_date

    assert find_date("They were freed on Aprıl 5, 2025.", dt.date(2025, 9, 1))[1] == dt.date(2025, 4, 5)
    assert find_date("They left on Auguſt 3.", dt.date(2025, 9, 1))[1] == dt.date(2025, 8, 3)

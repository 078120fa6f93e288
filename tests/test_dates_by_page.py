"""Releases dated by the page that reports them (issue 22, classes 5 and 6), in our own words.

Policy: a release a page reports as its own news (the one it leads with) and no sentence dates takes the
page's publication date (events.date_source 'published'); a release it recalls in background never does.
A date the text gives wins over a publication date across documents. A page with no publication date
cannot date its news, but its news is no older than the latest past date it states: it does not join a
release dated long before.
"""

import datetime as dt

import polars as pl

from flows.extraction.events import extract_event_mentions
from flows.resolution.events import consolidate_events
from tests.conftest import sentences_of

PUB = dt.date(2025, 3, 12)  # a Wednesday


def _releases(text: str, published=PUB, doc_id: str = "d1") -> list[tuple]:
    events, _ = extract_event_mentions(sentences_of(text, doc_id), {doc_id: published})
    return (events.filter(pl.col("event_type") == "prisoner_release")
            .select("prisoner_count", "event_date", "date_precision", "date_source").rows())


def _mentions(*docs: tuple[str, str, dt.date | None]) -> pl.DataFrame:
    """Event mentions of several (doc_id, text, publication date) documents, as the facts stage makes them."""
    sentences = pl.concat([sentences_of(text, doc_id) for doc_id, text, _ in docs])
    events, _ = extract_event_mentions(sentences, {doc_id: pub for doc_id, _, pub in docs})
    return events


def test_the_lead_release_without_a_date_takes_the_publication_date():
    text = ("Ruritania frees 40 political prisoners\n\n"
            "The government of Ruritania has released 40 political prisoners, their lawyers said.")
    assert _releases(text) == [(40, PUB, "day", "published")] * 2
    # without a publication date nothing is borrowed
    assert _releases(text, None) == [(40, None, "unknown", None)] * 2


def test_a_release_that_has_begun_is_dated_by_the_page():
    text = "Ruritania has begun releasing about 2,500 inmates under an amnesty to ease crowding in its jails."
    assert _releases(text) == [(2500, PUB, "day", "published")]


def test_a_relative_day_is_the_text_s_date_resolved_against_the_page():
    text = "The government of Ruritania freed 40 political prisoners on Monday, their lawyers said."
    assert _releases(text) == [(40, dt.date(2025, 3, 10), "day", "sentence")]


def test_a_release_recalled_in_background_is_never_dated_by_the_page():
    # the page's only release sentence tells an earlier release: it is background, not the page's news
    text = ("Lawyers for the opposition renewed their calls on the council.\n\n"
            "The council had freed 25 dissidents in an earlier amnesty, their lawyers recalled.")
    assert _releases(text) == [(25, None, "unknown", None)]
    text = "Ruritania previously released 18 students after talks with their families."
    assert _releases(text) == [(18, None, "unknown", None)]


def test_only_the_release_the_page_leads_with_is_its_news():
    # a second release, of another count, further on is not dated by the page; the lead's count told again is
    text = ("Ruritania frees 40 political prisoners\n\n"
            "The government of Ruritania has released 40 political prisoners, their lawyers said. "
            "The lawyers recalled how the council released 12 students after talks with their families. "
            "Most of the 40 prisoners released were journalists.")
    rows = _releases(text)
    assert (12, None, "unknown", None) in rows
    assert {r for r in rows if r[0] == 40} == {(40, PUB, "day", "published")}


def test_a_release_far_down_the_page_is_not_its_lead():
    text = " ".join(f"Officials in Ruritania held talks on the economy for the {n}th time." for n in range(4, 12))
    text += " The council released 12 students after talks with their families."
    assert _releases(text) == [(12, None, "unknown", None)]


def test_text_dates_win_over_publication_dates_across_documents():
    # a page dated on the 14th leads with the release undated; another says it happened on Monday the 10th
    ev = _mentions(("a", "The government of Ruritania has released 40 political prisoners, lawyers said.",
                    dt.date(2025, 3, 14)),
                   ("b", "The government of Ruritania freed 40 political prisoners on Monday, lawyers said.", PUB))
    events, _, _ = consolidate_events(ev)
    assert events.select("event_date", "date_source", "n_sources").rows() == [(dt.date(2025, 3, 10), "sentence", 2)]


def test_an_event_dated_by_pages_alone_takes_the_earliest():
    ev = _mentions(("a", "The government of Ruritania has released 40 political prisoners.", dt.date(2025, 3, 14)),
                   ("b", "The government of Ruritania has released 40 political prisoners.", PUB))
    events, _, _ = consolidate_events(ev)
    assert events.select("event_date", "date_precision", "date_source").rows() == [(PUB, "day", "published")]


def test_releases_dated_years_apart_by_text_and_by_page_are_two_events():
    # issue 22, class 6: the same count freed by the same country in 2019 (stated) and on a 2023 page (its news)
    ev = _mentions(("a", "The government of Ruritania freed 10 foreign prisoners on 4 May 2019, officials said.",
                    dt.date(2019, 5, 5)),
                   ("b", "The government of Ruritania has released 10 foreign prisoners, officials said.",
                    dt.date(2023, 6, 2)))
    events, _, _ = consolidate_events(ev)
    assert sorted(events.select("event_date", "date_source").rows()) == [
        (dt.date(2019, 5, 4), "sentence"), (dt.date(2023, 6, 2), "published")]


OLD = "The government of Ruritania freed three foreign prisoners on 25 November 2020, officials said."
UNDATED = ("The government of Ruritania on Friday released three foreign prisoners, officials said. "
           "One of them had been arrested in the capital in {when} at a march.")


def test_an_undated_page_joins_no_release_long_before_what_it_recalls():
    # no publication date, no year for "Friday": but the page recalls an arrest in 2022, so its news is later
    ev = _mentions(("a", OLD, dt.date(2020, 11, 26)), ("b", UNDATED.format(when="November 2022"), None))
    assert ev.filter(pl.col("doc_id") == "b")["not_before"].to_list() == [dt.date(2022, 11, 1)]
    events, mentions, _ = consolidate_events(ev)
    assert events.height == 2
    assert set(events.select("event_date", "n_sources").rows()) == {(dt.date(2020, 11, 25), 1), (None, 1)}


def test_an_undated_page_still_joins_a_release_after_what_it_recalls():
    ev = _mentions(("a", OLD, dt.date(2020, 11, 26)), ("b", UNDATED.format(when="March 2019"), None))
    events, _, _ = consolidate_events(ev)
    assert events.select("event_date", "n_sources").rows() == [(dt.date(2020, 11, 25), 2)]


def test_a_date_still_to_come_is_no_floor():
    text = ("The government of Ruritania on Friday released three foreign prisoners, officials said. "
            "The country will hold elections in 2027.")
    events, _ = extract_event_mentions(sentences_of(text, "b"), {})
    assert events["not_before"].to_list() == [None]


def test_a_release_on_a_day_after_the_page_is_not_dated_by_the_page():
    # the text's own date lies after the page's: a release still to come, which the page does not date either
    text = "The government of Ruritania releases 40 political prisoners on 20 March 2025, their lawyers said."
    assert _releases(text) == [(40, None, "unknown", None)]


def test_a_weekday_on_an_undated_page_is_read_against_another_report():
    # issue 22, class 5: a page with no date of its own tells the release "on Saturday"; another report of the same
    # release is dated (here by its page, a Wednesday): the Saturday is the one before that report
    ev = _mentions(("a", "Ruritania on Saturday freed 12 jailed foreign sailors, their union said.", None),
                   ("b", "Twelve jailed foreign sailors freed by Ruritania, union says\n\n"
                         "The government of Ruritania has released 12 jailed foreign sailors, their union said.", PUB))
    assert ev.filter(pl.col("doc_id") == "a")["event_date"].to_list() == [None]
    _, mentions, _ = consolidate_events(ev)
    assert set(mentions.filter(pl.col("doc_id") == "a").select("event_date", "date_precision").rows()) == {
        (dt.date(2025, 3, 8), "day")}


def test_a_weekday_on_an_undated_page_borrows_nothing_alone():
    ev = _mentions(("a", "Ruritania on Saturday freed 12 jailed foreign sailors, their union said.", None))
    events, _, _ = consolidate_events(ev)
    assert events.select("event_date", "date_precision").rows() == [(None, "unknown")]


def test_a_weekday_still_to_come_is_not_read_against_another_report():
    ev = _mentions(("a", "Ruritania will free 12 jailed foreign sailors next Saturday, their union said.", None),
                   ("b", "The government of Ruritania has released 12 jailed foreign sailors, their union said.", PUB))
    _, mentions, _ = consolidate_events(ev)
    assert mentions.filter(pl.col("doc_id") == "a")["event_date"].to_list() in ([], [None])


def test_the_weekday_right_after_the_other_report_is_the_next_day():
    # the dated report is a Wednesday page; the undated one tells the release "on Thursday": the next day, not a week
    # before (a report dated on the eve in a time zone behind)
    ev = _mentions(("a", "Ruritania on Thursday freed 12 jailed foreign sailors, their union said.", None),
                   ("b", "Twelve jailed foreign sailors freed by Ruritania, union says\n\n"
                         "The government of Ruritania has released 12 jailed foreign sailors, their union said.", PUB))
    events, mentions, _ = consolidate_events(ev)
    assert set(mentions.filter(pl.col("doc_id") == "a")["event_date"].to_list()) == {dt.date(2025, 3, 13)}
    assert events["event_date"].to_list() == [dt.date(2025, 3, 13)]


def test_an_undated_page_s_own_weekday_beats_another_lead_date():
    # a page without a publication date tells the release on a bare weekday and, in its lead, the full date of the
    # request that came before: the release is that weekday on or after the stated date, not the request's day
    text = ("Ruritania has granted a pardon to 12 jailed students, the presidency announced Wednesday. The president "
            "had received a formal request on March 3, 2025, from a foreign head of state appealing for their pardon.")
    assert _releases(text, published=None) == [(12, dt.date(2025, 3, 5), "day", "sentence")]
    # the full date itself is the release's when the sentence names no day of its own
    plain = ("Ruritania has granted a pardon to 12 jailed students. The presidency freed them on March 3, 2025, "
             "after a formal request.")
    assert _releases(plain, published=None)[0][1] == dt.date(2025, 3, 3)

"""The publication date a page prints (issue 22, class 5), written in our own words."""

import datetime as dt

import polars as pl
import pytest

from flows.language.dates import ADDRESS_DATE_EXAMPLES, find_date, page_date
from flows.extraction.events import extract_event_mentions
from tests.conftest import sentences_of


@pytest.mark.parametrize("text, expected", [
    ("Ruritania frees nine dissidents\nMarch 4, 2024The interior ministry said on Sunday ...", dt.date(2024, 3, 4)),
    ("Headline here\n\nBy A Reporter\nJan. 9, 2023, 7:15 PM\n\nOSTRAVA -- Officials said ...", dt.date(2023, 1, 9)),
    ("Headline\n\nPublished 13 Dec 2025\nUpdated 14 Dec 2025\nText.", dt.date(2025, 12, 13)),
    ("Headline\nPublished 11/05/2024, 09:10 AM\nText.", dt.date(2024, 11, 5)),
    ("Outlet | City | Updated: 07-10-2022 11:00 IST\nText.", dt.date(2022, 10, 7)),
    ("Headline\nPosted on June 2, 2021\n3 min read", dt.date(2021, 6, 2)),
    ("Oslo, May 17, 2019 – A press freedom group said ...", dt.date(2019, 5, 17)),
    ("Headline\n\n3rd February 2020 – (Tallinn) A new rule ...", dt.date(2020, 2, 3)),
    ("Headline\n2020-08-30T10:00:00Z\nPHOTO: a crowd", dt.date(2020, 8, 30)),
    ("Headline\n\n29 October, 2018\n\nThe council met ...", dt.date(2018, 10, 29)),
    # a byline and an ISO date with seconds; "Updated at <clock> on <date>" (session 16)
    ("Headline\n\nBy The Daily Ledger 2019-09-25 21:29:38\n\nThe ministry said ...", dt.date(2019, 9, 25)),
    ("Headline\n\nAnna Berg\nUpdated at 12:32 p.m. ET on 2019-01-24\n\nA former governor ...", dt.date(2019, 1, 24)),
])
def test_page_states_its_date(text, expected):
    assert page_date(text) == expected


@pytest.mark.parametrize("text", [
    "WARSAW, Dec 13 (Wire) - Officials freed 12 prisoners.",          # no year: nothing is borrowed
    "On Sunday, September 28, 2025, the council restored its sanctions.",  # a story sentence, not a page date
    "The amnesty of 12 May 2019 freed 300 people.\nMore text.",           # a date inside a sentence
    "Headline\n" + "x" * 2000 + "\nPublished 13 Dec 2025",               # far below the top
])
def test_no_page_date_is_invented(text):
    assert page_date(text) is None


def test_the_page_date_anchors_a_yearless_date():
    text = "Officials freed 12 prisoners on Sept. 11, the ministry said."
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2025, 12, 13)})
    assert events["event_date"].to_list() == [dt.date(2025, 9, 11)]
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events["event_date"].to_list() == [None]


def test_documents_record_where_the_date_comes_from(tmp_path):
    from flows.documents.extract import extract_documents

    (tmp_path / "a.txt").write_text("Headline\nPublished 13 Dec 2025\nOfficials freed 12 prisoners on Saturday.\n")
    (tmp_path / "b.txt").write_text("Officials freed 12 prisoners on Saturday, a group said in a statement.\n")
    (tmp_path / "c.txt").write_text("Officials freed 13 prisoners on Saturday, a group said in a statement.\n")
    (tmp_path / "c.json").write_text('{"published_at": "2024-01-02"}')
    docs = extract_documents(tmp_path).sort("source_path")
    assert docs["published_at_source"].to_list() == ["page text", "none", "sidecar"]
    assert docs["published_at"].to_list() == [dt.date(2025, 12, 13), None, dt.date(2024, 1, 2)]


@pytest.mark.parametrize("url, day", ADDRESS_DATE_EXAMPLES)
def test_the_day_a_page_address_files_it_under(url, day):
    from flows.language.dates import address_date

    found = address_date(url)
    assert (found.isoformat() if found else None) == day


def test_a_page_without_a_date_takes_the_day_of_its_address(tmp_path):
    """The sidecar gives an address and no date, the text states none: the address's day is the publication
    date (published_at_source 'address'), and it anchors the release's weekday. A date the text states wins."""
    from flows.documents.extract import extract_documents
    from flows.extraction.facts import extract_facts

    story = "Officials freed 12 prisoners on Saturday, a rights group said in a statement.\n"
    (tmp_path / "a.txt").write_text(story)
    (tmp_path / "a.json").write_text('{"url": "https://news.example.org/world/2025/12/15/officials-free-prisoners/"}')
    (tmp_path / "b.txt").write_text("Headline\nPublished 13 Dec 2025\n" + story)
    (tmp_path / "b.json").write_text('{"url": "https://news.example.org/world/2025/12/15/officials-free-prisoners/"}')
    (tmp_path / "c.txt").write_text(story.replace("12", "14"))
    (tmp_path / "c.json").write_text('{"url": "https://news.example.org/world/officials-free-prisoners-12345"}')
    docs = extract_documents(tmp_path).sort("source_path")
    assert docs["published_at_source"].to_list() == ["address", "page text", "none"]
    assert docs["published_at"].to_list() == [dt.date(2025, 12, 15), dt.date(2025, 12, 13), None]
    events = extract_facts(docs.filter(pl.col("source_path") == "a.txt"))["event_mentions"]
    assert events["event_date"].to_list() == [dt.date(2025, 12, 13)]


def test_a_lead_line_stating_the_publication_date_is_not_the_news_day():
    """'Written on Sunday, 18 October 2026, by the editors.' at the top of a page is its date line: a
    release in the headline does not take 'Sunday' from it (it takes the day the story gives, if any)."""
    from flows.extraction.events import extract_event_mentions

    text = ("Belarus frees 23 prisoners\nWritten on Sunday, 18 October 2026, by the editors.\n"
            "The government freed 23 political prisoners on Saturday, officials said.\n")
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2026, 10, 18)})
    releases = events.filter(pl.col("event_type") == "prisoner_release")
    assert dt.date(2026, 10, 18) not in releases["event_date"].to_list()
    assert dt.date(2026, 10, 17) in releases["event_date"].to_list()


# issue 22, class 5 (rel): relative months, "late/early/mid" a month, "N days ago", against the page's date
@pytest.mark.parametrize("text, expected", [
    ("they were freed in late November", (dt.date(2025, 11, 1), "month")),
    ("they were freed earlier this month", (dt.date(2025, 12, 1), "month")),
    ("they were freed last month", (dt.date(2025, 11, 1), "month")),
    ("they were freed two days ago", (dt.date(2025, 12, 11), "day")),
    ("they were freed in mid-October 2024", (dt.date(2024, 10, 1), "month")),
    # the calendar week before the page's (a Saturday: that week began on Monday the 8th), not the page's own
    ("they were freed last week", (dt.date(2025, 12, 1), "week")),
    ("they were freed this week", (dt.date(2025, 12, 8), "week")),
    # a page's "last night" is the evening before the day it went out; "this morning" and "tonight" are its day
    ("they were freed late last night", (dt.date(2025, 12, 12), "day")),
    ("they were freed this morning", (dt.date(2025, 12, 13), "day")),
    ("they walk free tonight", (dt.date(2025, 12, 13), "day")),
    # a date written with dots is day first, as the pages that write dates so do
    ("they were freed on 11.12.2025", (dt.date(2025, 12, 11), "day")),
    ("they were freed on 3.9.2024", (dt.date(2024, 9, 3), "day")),
])
def test_relative_and_vague_month_dates(text, expected):
    from flows.language.dates import find_date

    assert find_date(text, dt.date(2025, 12, 13))[1:] == expected


def test_relative_dates_without_a_page_date_stay_undated():
    from flows.language.dates import find_date

    assert find_date("they were freed last night", None)[1:] == (None, "unknown")
    assert find_date("they were freed on 31.02.2025", None)[1:] == (None, "unknown")  # no such day

    assert find_date("they were freed last month", None)[1:] == (None, "unknown")
    assert find_date("they were freed two days ago", None)[1:] == (None, "unknown")


# issue 22, class 5: the page's date line glued to the first sentence, "today, <weekday>", "next <weekday>",
# "last <month>", a reporting verb before a bare weekday
def _release_dates(text: str, published):
    events, _ = extract_event_mentions(sentences_of(text), {"d1": published})
    releases = events.filter(pl.col("event_type") == "prisoner_release")
    return releases.select("prisoner_count", "event_date", "date_precision").rows()


def test_a_date_line_opening_the_first_sentence_is_not_the_release_day():
    # the page prints its date right before the story's first words: the story's own day wins
    assert _release_dates("date 2025-06-11 Ruritania on Tuesday began freeing 1,200 inmates under an amnesty.",
                          dt.date(2025, 6, 11)) == [(1200, dt.date(2025, 6, 10), "day")]
    assert _release_dates("9 March 2024; WIRE: The governor on Friday pardoned 45 protesters.",
                          dt.date(2024, 3, 9)) == [(45, dt.date(2024, 3, 8), "day")]
    # with no other date the line is no date of the text: the release, the page's own news, takes the
    # publication date as such (date_source 'published', never 'sentence'; see test_date_source_* below)
    events, _ = extract_event_mentions(sentences_of(
        "date 2025-06-11 PORTVILLE (Wire) - Ruritania has started releasing 900 prisoners."), {"d1": dt.date(2025, 6, 11)})
    assert events.select("prisoner_count", "date_text", "date_source").rows() == [(900, None, "published")]
    # a date that opens the story's own sentence is the release's
    assert _release_dates("On 9 March 2024, the governor pardoned 45 protesters.",
                          dt.date(2024, 3, 12)) == [(45, dt.date(2024, 3, 9), "day")]


@pytest.mark.parametrize("text, expected", [
    ("the minister signed today, Saturday, an order freeing them", (dt.date(2025, 12, 13), "day")),
    ("the minister signed yesterday (Friday) an order freeing them", (dt.date(2025, 12, 12), "day")),
    ("Last August, the council pardoned them", (dt.date(2025, 8, 1), "month")),
    ("they were pardoned last December", (dt.date(2024, 12, 1), "month")),
    ("ahead of the holiday next Tuesday, the council pardoned them", (None, "unknown")),
    ("the council pardoned them last Monday", (dt.date(2025, 12, 8), "day")),
    ("the council pardoned them on Monday", (dt.date(2025, 12, 15), "day")),
])
def test_weekday_after_today_next_weekday_last_month(text, expected):
    from flows.language.dates import find_date

    assert dt.date(2025, 12, 15).weekday() == 0  # the page is dated Monday 15 December 2025
    assert find_date(text, dt.date(2025, 12, 15))[1:] == expected


def test_a_day_still_to_come_does_not_date_a_pardon():
    text = ('The palace said: "For the feast (next Tuesday), the king has decided to pardon 40 detainees."')
    assert _release_dates(text, dt.date(2025, 12, 15)) == [(40, None, "unknown")]


def test_the_lead_day_after_a_reporting_verb_dates_the_first_release_told_later():
    text = ("Ruritania frees jailed sailor in swap\n"
            "A sailor held in Ruritania for two years has come home, the government announced Thursday.\n"
            "He had been arrested in March 2023 at a port.\n"
            "Officials say he was questioned for weeks.\n"
            "The sailor, Tomas Vell, was freed in exchange for a Ruritanian businessman, the ministry said.\n")
    dates = _release_dates(text, dt.date(2025, 12, 11))
    # a one-for-one swap: both sides counted (tests/test_release_counts_real.py)
    assert dates and all(d == (2, dt.date(2025, 12, 11), "day") for d in dates)


def test_a_month_still_to_come_does_not_date_a_release():
    # the page is dated August 2025: "in October" after "prepares to" is this year's October, still to come
    text = ("The release of the nine men comes as the president prepares to run for a new term in October.")
    assert _release_dates(text, dt.date(2025, 8, 23)) == [(9, None, "unknown")]
    # a month told of a release done stays its date
    assert _release_dates("The nine men were freed in June, officials said.", dt.date(2025, 8, 23)) == \
        [(9, dt.date(2025, 6, 1), "month")]


def test_the_next_sentence_tells_when_they_walked_out():
    lead = "Protests\nThe protests began in spring.\nThey spread to the north.\nMany were arrested.\nCourts were busy.\n"
    text = (lead + "The palace said the king had decided to pardon 40 detainees held over the protests.\n"
            "According to the statement, the pardoned detainees were released on Wednesday evening.\n")
    assert _release_dates(text, dt.date(2025, 12, 12)) == [(40, dt.date(2025, 12, 10), "day")]
    # a next sentence about other people does not date the release
    text = (lead + "The palace said the king had decided to pardon 40 detainees held over the protests.\n"
            "Two journalists were released on Wednesday evening in another case.\n")
    assert dt.date(2025, 12, 10) not in [d for c, d, _ in _release_dates(text, dt.date(2025, 12, 12)) if c == 40]


# issue 22, class 5 (dates7): a page date after an agency tag with a space before its comma; a time-stamp line below
# a summary and a byline; "in the year 2009"; a span of days "May 23-25, 2025"
@pytest.mark.parametrize("text, expected", [
    ("Ruritania frees a blogger\n\nWIRE , Tuesday 9 Mar 2021\n\nThe blogger walked out on Monday.", dt.date(2021, 3, 9)),
    ("Headline of the story\n\n" + "A summary line that repeats the story at length.\n" * 40
     + "\nHeadline of the story\nA. Reporter\n4th March 2024, 09:30 GMT+2\n\nTIRANA: officials said ...",
     dt.date(2024, 3, 4)),
])
def test_page_date_after_an_agency_tag_or_on_a_time_stamp_line(text, expected):
    assert page_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Headline\nUpdated 4:05 PM CET, March 2, 2024\nText.", dt.date(2024, 3, 2)),       # a clock time after the label
    ("Headline\nBy Ann Example | March 2, 2024\nText.", dt.date(2024, 3, 2)),           # a byline and its date
    ("Headline\nWritten by Ann Example on 2 March 2024\nText.", dt.date(2024, 3, 2)),
    ("Headline\nAnn Example · Mar 2, 2024 · 4 min read\nText.", dt.date(2024, 3, 2)),
    ("Headline\nLast modified on Sat 2 Mar 2024 16.05 GMT\nText.", dt.date(2024, 3, 2)),
    ("Headline\n02.03.2024 16:05\nText.", dt.date(2024, 3, 2)),                           # day first, dotted
])
def test_page_date_after_a_clock_time_a_byline_or_dotted(text, expected):
    assert page_date(text) == expected


@pytest.mark.parametrize("text", [
    "Officials had freed 12 people by March 3, 2024, a group said.",
    "The men were freed by 10:30 on March 3, 2024, a group said.",
])
def test_a_story_sentence_with_by_is_no_byline(text):
    assert page_date(text) is None


def test_a_story_date_with_a_clock_time_is_no_time_stamp_line():
    text = "Headline\n" + "Filler sentence of the story goes here.\n" * 30 + "Officials said on 4 March 2024, 09:30 the men left.\n"
    assert page_date(text) is None


def test_in_the_year_dates_a_release():
    assert _release_dates("The largest amnesty came in the year 2011, when 900 prisoners were released.", None) \
        == [(900, dt.date(2011, 1, 1), "year")]


def test_a_span_of_days_dates_a_release_by_its_first_day():
    assert _release_dates("Officials freed 300 prisoners over June 6-8, 2024, a rights group said.", None) \
        == [(300, dt.date(2024, 6, 6), "week")]


def test_the_day_an_initiative_to_release_was_announced_is_not_the_release_day():
    text = ("Coalition hands over 40 detainees\n"
            "On March 3, 2021, the coalition announced a humanitarian initiative to release 40 detainees.\n")
    rows = _release_dates(text, dt.date(2021, 3, 12))
    assert rows and all(r[1] != dt.date(2021, 3, 3) for r in rows)
    # a release the same sentence shape tells done keeps its day
    assert _release_dates("On March 3, 2021, the coalition released 40 detainees.", dt.date(2021, 3, 12)) \
        == [(40, dt.date(2021, 3, 3), "day")]


def test_a_wire_dateline_without_its_year_is_not_the_release_day():
    """'<Mon> <day> (Wire) --' opening the story is the page's date line: the day the sentence tells is the release's."""
    text = "Nov. 28 (Wire) -- Ruritania released three detainees Wednesday after striking a deal.\n"
    assert _release_dates(text, dt.date(2024, 11, 28)) == [(3, dt.date(2024, 11, 27), "day")]
    text = "WARSAW, Dec 14 (Wire) - The council freed 12 prisoners on Friday, officials said.\n"
    assert _release_dates(text, dt.date(2024, 12, 14)) == [(12, dt.date(2024, 12, 13), "day")]
    # a day in brackets after a story date is no wire tag
    assert _release_dates("On Nov. 26 (a Tuesday) the council freed 12 prisoners.\n", dt.date(2024, 11, 28)) \
        == [(12, dt.date(2024, 11, 26), "day")]


def test_a_page_without_its_date_dates_the_headline_release_by_the_lead():
    """No publication date: the lead sentence telling the release on a full date dates the headline's release;
    the day a war began is not that date, nor is the day the freed were jailed."""
    text = ("Ruritania and Freedonia complete 600-person prisoner swap\n"
            "The two sides have completed their largest exchange since the war began in March 2021, with each side "
            "releasing 300 prisoners over June 6-8, 2024.\nOfficials hailed the deal.\n")
    assert _release_dates(text, None) == [(600, dt.date(2024, 6, 6), "week")]
    text = "Ruritania frees 40 dissidents\nThe dissidents, jailed in March 2021, walked out of prison, a group said.\n"
    assert _release_dates(text, None) == [(40, None, "unknown")]


def test_the_day_a_war_began_does_not_date_a_release():
    text = "In the largest handover since the full-scale invasion began in March 2021, Ruritania released 12 soldiers.\n"
    assert _release_dates(text, dt.date(2024, 6, 9)) == [(12, dt.date(2024, 6, 9), "day")]


def test_a_lead_pushed_down_by_furniture_tells_the_release_day_beside_its_verb():
    """Headline, date line, caption, embedded post: the lead comes at the fifth sentence and says the release was
    done "from jail Tuesday": that day dates the headline's release, not the page's day (issue 22, class 5)."""
    head = ("Prominent blogger Anna Vell released from prison\n"
            "Wire, Thursday 12 Mar 2026\n"
            "'She is home!' her brother wrote online beside a photo.\n"
            "Photo of the blogger\n")
    text = head + "The country's best-known blogger was freed from jail Tuesday, her family said.\n"
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2026, 3, 12)})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert rel.select("prisoner_count", "event_date", "date_source").rows() == [(1, dt.date(2026, 3, 10), "sentence")]
    # "reached home Friday": the day the freed came home, told in the lead beside the count's sentence
    text = ("Freed detainees celebrate in Ostrava\n"
            "Detainees freed by Ruritania under a truce reached home Friday as crowds gathered.\n"
            "A total of 24 detainees were freed on the first day of the truce.\n")
    assert _release_dates(text, dt.date(2026, 3, 14)) == [(24, dt.date(2026, 3, 13), "day")]
    # a weekday that far down with no release verb beside it is no release day: the page's date stays
    text = head + "The country's best-known blogger spoke to supporters on Tuesday, her family said.\n"
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2026, 3, 12)})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert rel.select("event_date", "date_source").rows() == [(dt.date(2026, 3, 12), "published")]
    # nor one of a release recalled in background
    text = head + "A cousin of hers had been freed from jail on Tuesday after an earlier deal, her family said.\n"
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2026, 3, 12)})
    rel = events.filter((pl.col("event_type") == "prisoner_release") & (pl.col("sent_idx") == 0))
    assert rel.select("event_date", "date_source").rows() == [(dt.date(2026, 3, 12), "published")]


def test_then_takes_the_date_of_the_sentence_before():
    text = ("Three more prisoners of war have been returned to Ruritania from Freedonia.\nOfficials met at the border.\n"
            "The previous handover between the two states happened on May 4, 2025.\n"
            "Then, seven Ruritanian prisoners of war returned to their homeland.\n")
    assert (7, dt.date(2025, 5, 4), "day") in _release_dates(text, dt.date(2025, 9, 1))
    # without the opener the sentence tells no date of its own
    text = text.replace("Then, seven", "Seven")
    assert (7, dt.date(2025, 5, 4), "day") not in _release_dates(text, dt.date(2025, 9, 1))


def test_a_year_in_a_clause_about_someones_trial_is_not_the_release_year():
    """'freed X, an official who had been sentenced for killings in 1990': the year is the person's past."""
    text = ("In exchange, Freedonia released Tomas Vell, a former judge who had been sentenced for torture, "
            "abuses and the killings of 4,000 people in 1990.\n")
    assert _release_dates(text, None) == [(1, None, "unknown")]
    # a year told of the release itself after such a clause still dates it
    text = "Tomas Vell, who was jailed for years, was released in 2019 under a deal with Freedonia.\n"
    assert _release_dates(text, None) == [(1, dt.date(2019, 1, 1), "year")]
    text = "Freedonia freed Tomas Vell, who had been arrested in Ostrava, in 2019 under a deal.\n"
    assert _release_dates(text, None) == [(1, dt.date(2019, 1, 1), "year")]


def test_a_weekday_in_the_possessive_names_an_occasion_not_the_release_day():
    """Published on a Wednesday: "to mark Thursday's holiday" is tomorrow's holiday, "ahead of Sunday's vote" a vote
    to come; neither is last week's day, nor the release's (issue 22, class 5)."""
    wednesday = dt.date(2026, 3, 11)
    assert wednesday.weekday() == 2
    for text in ("The council pardoned 640 prisoners to mark Thursday’s national holiday, state media reported.\n",
                 "The council freed 640 prisoners ahead of Sunday's vote, state media reported.\n"):
        assert _release_dates(text, wednesday) == [(640, wednesday, "day")]  # the page's own news: the page's day
        assert _release_dates(text, None) == [(640, None, "unknown")]
    # a plain weekday still dates it
    assert _release_dates("The council freed 640 prisoners on Sunday, state media reported.\n", wednesday) == \
        [(640, dt.date(2026, 3, 8), "day")]


# issue 22, class 5 (dates11): a masthead's date of the day above the headline, a clock time before the date, a
# byline with its date after a space
@pytest.mark.parametrize("text, expected", [
    ("March 9, 2024\nHome | World | Sport\n\nRuritania frees nine dissidents\n\nFebruary 2, 2023\n\nThe ministry said ...",
     dt.date(2023, 2, 2)),                                                       # the story's date, under its headline
    ("March 9, 2024\nRuritania frees nine dissidents\nThe ministry said ...", dt.date(2024, 3, 9)),  # one date line
    ("Headline\nMarch 9, 2024\nMenu\nFebruary 2, 2023\nText.", dt.date(2024, 3, 9)),  # the first line is no date
    ("March 9, 2024\nHeadline\nMarch 12, 2024\nText.", dt.date(2024, 3, 9)),           # a later second date: no masthead
    ("Ruritania frees nine dissidents\n\n09:15 CET, July 23, 2024\nThe ministry said ...", dt.date(2024, 7, 23)),
    ("Ruritania frees nine dissidents\n\nby Ann Example May 31, 2023 9:25 PM\n\nThe ministry said ...",
     dt.date(2023, 5, 31)),
])
def test_page_date_below_a_masthead_after_a_clock_or_a_spaced_byline(text, expected):
    assert page_date(text) == expected


def test_no_page_date_from_a_clock_or_byline_inside_a_sentence():
    assert page_date("Headline\nOfficials met at 09:15 CET, July 23, 2024 and freed nine.\nText.") is None
    assert page_date("Headline\nThe ministry was praised by Ann Example May 31, 2023 in a speech.\nText.") is None


def test_a_date_in_a_relative_clause_of_another_happening_does_not_date_an_undated_page():
    """A page without a publication date: 'protests that turned violent in July 2014' is the protests' date, not the
    release's, and no year is borrowed from it (issue 22, class 5)."""
    text = ("Nine activists were released on bail Monday.\nThe court hearing was short.\n"
            "The freed activists were accused of stirring unrest after protests that turned violent in July 2014.\n"
            "Officials released 12 more on bail.\n")
    assert all(d is None for _, d, _ in _release_dates(text, None))
    # a release told done on a dated day still dates the page's news
    text = "Nine activists were released on bail Monday.\nThe court released 12 activists in July 2014, a lawyer said.\n"
    assert (12, dt.date(2014, 7, 1), "month") in _release_dates(text, None)


def test_a_page_without_a_date_is_read_against_the_post_it_embeds():
    """A page stating no publication date that embeds a dated post ('<name> (@account) March 8, 2024'): its relative
    days and the release it leads with are read against that date (issue 22, class 5)."""
    text = ("Ruritania frees 40 detainees\nThe government of Ruritania freed 40 detainees on Friday, officials said.\n"
            "I have ordered the release of the detainees. — Jo Example (@joexample) March 8, 2024\n")
    assert (40, dt.date(2024, 3, 8), "day") in _release_dates(text, None)
    text = ("Ruritania frees 40 detainees\nThe government of Ruritania has freed 40 detainees, officials said.\n"
            "I have ordered the release of the detainees. — Jo Example (@joexample) March 8, 2024\n")
    assert (40, dt.date(2024, 3, 8), "day") in _release_dates(text, None)
    # without the post nothing is dated
    assert all(d is None for _, d, _ in _release_dates(text.split("I have")[0], None))
    # a page's own publication date wins over the post's
    assert (40, dt.date(2024, 3, 12), "day") in _release_dates(text, dt.date(2024, 3, 12))


def test_the_nth_day_of_a_truce_is_counted_from_when_it_took_effect():
    """'On the second day of the truce, A freed N' takes the day the truce took effect, which the page tells before,
    plus one; a release told next 'In addition,' the same day (issue 22, class 5)."""
    text = ("Ruritania and Freedonia agreed on March 2 to a five-day truce.\n"
            "The truce took effect at 6:00 a.m. local time on March 4.\n"
            "On the second day of the truce, Ruritania released 14 captives, while Freedonia freed 20 soldiers.\n"
            "In addition, Freedonia also released three foreign nationals under a separate deal.\n")
    dates = _release_dates(text, dt.date(2024, 3, 9))
    assert (34, dt.date(2024, 3, 5), "day") in dates
    assert (3, dt.date(2024, 3, 5), "day") in dates
    # with no sentence telling when the truce began, it stays as it was (the page's news, dated by the page)
    text = "On the second day of the truce, Ruritania released 14 captives, while Freedonia freed 20 soldiers.\n"
    assert _release_dates(text, dt.date(2024, 3, 9)) == [(34, dt.date(2024, 3, 9), "day")]



def test_a_lead_telling_an_uncounted_release_makes_the_first_count_further_down_its_news():
    """The lead tells a release without a count ("The release of A allowed the release of B"); the first counted
    release, further down than FIRST_RELEASE_SENTENCES, is that news: dated by the page (issue 22, class 5)."""
    filler = "".join(f"Analysts gave their view number {i} on the affair.\n" for i in range(8))
    text = ("The release of Ann Example allowed the release of Tom Sample.\n" + filler
            + "It is not simply the release of two hostages against 150 fighters, an analyst said.\n")
    assert _release_dates(text, dt.date(2024, 3, 9)) == [(152, dt.date(2024, 3, 9), "day")]
    # a lead about something else leaves a count far down undated
    text = "The council met to discuss the budget.\n" + filler + "Officials freed 150 prisoners, an analyst said.\n"
    assert _release_dates(text, dt.date(2024, 3, 9)) == [(150, None, "unknown")]


# a page printing its date line in another language, day first ("4 мая 2022", "Publié le 8 novembre 2019"), and only
# its date line: a story sentence's foreign date is never the page's (dates11)
@pytest.mark.parametrize("text, expected", [
    ("Posted 4 мая 2022, 13:11\n\nHeadline\nText.", dt.date(2022, 5, 4)),
    ("Headline\nPublicado el 8 de noviembre de 2019\nTexto.", dt.date(2019, 11, 8)),
    ("Headline\nPublié le 8 novembre 2019\nTexte.", dt.date(2019, 11, 8)),
    ("Headline\n8 novembre 2019 à 10:02\nTexte.", dt.date(2019, 11, 8)),
    ("Headline\nAtualizado em 8 de novembro de 2019\nTexto.", dt.date(2019, 11, 8)),
    ("Headline\nThe court met on 8 novembre 2019 to decide.\nText.", None),
])
def test_page_date_in_another_language(text, expected):
    assert page_date(text) == expected


def test_a_dateline_in_two_calendars_is_the_page_date():
    """'CITY, <day> <other calendar's month> <its year>/<day Month Year> (WIRE) -': the page's date line, read from the
    date after the slash; the day the story then tells dates the release (issue 22, class 5)."""
    text = ("Ruritania frees four foreign detainees\n\n"
            "Portville, 3 Safar Awwal 1446/9 August 2024 (WIRE) - Ruritania has released four foreign detainees, "
            "officials said Wednesday.")
    assert page_date(text) == dt.date(2024, 8, 9)
    line = text.split("\n\n")[1]
    assert _release_dates(line, dt.date(2024, 8, 9)) == [(4, dt.date(2024, 8, 7), "day")]
    # a story sentence with a slash between two dates is no date line
    assert page_date("Headline\n\nThe talks ran from 3 May 2024/9 August 2024 and freed four.") is None


def test_in_a_month_of_a_year_dates_a_release():
    assert _release_dates("The council pardoned 30 inmates in March of 2019, officials said.", None) \
        == [(30, dt.date(2019, 3, 1), "month")]


def test_the_release_clause_after_the_main_clause_gives_the_release_day():
    """'<body> acted earlier this month after <A> released N in <Month> of <year>': the main clause's date is another
    happening's; the release clause's own date is the release's (issue 22, class 5)."""
    text = "The bloc eased its measures earlier this month after the governor freed 14 dissidents in May of 2021."
    assert _release_dates(text, None) == [(14, dt.date(2021, 5, 1), "month")]
    # the main clause telling the release keeps its own day
    text = "The governor freed 14 dissidents on Friday after the court released its ruling in May."
    assert _release_dates(text, dt.date(2021, 6, 9)) == [(14, dt.date(2021, 6, 4), "day")]
    # a bare year further on is no release day
    text = "On Monday after talks the governor freed 14 dissidents held under a law of 2015."
    assert _release_dates(text, dt.date(2021, 6, 9)) == [(14, dt.date(2021, 6, 7), "day")]


@pytest.mark.parametrize("text, day", [
    # the day of the occasion a release came before is not the release's
    ("Two activists were freed from prison on Thursday, ten days before the March 24 election.", dt.date(2024, 3, 14)),
    ("The candidate he backs in the 24 March vote was released on Thursday with two aides.", dt.date(2024, 3, 14)),
    ("Three reporters were freed on Thursday, weeks after the country's Jan. 6 crackdown.", dt.date(2024, 3, 14)),
    # ... but the occasion that is the release itself dates it
    ("The March 12 release of 30 prisoners was welcomed by their families.", dt.date(2024, 3, 12)),
    ("Authorities freed 30 prisoners in the March 12 amnesty.", dt.date(2024, 3, 12)),
    ("Police freed 12 protesters on March 12.", dt.date(2024, 3, 12)),
])
def test_a_day_naming_an_occasion_does_not_date_the_release(text, day):
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2024, 3, 15)})
    assert events.filter(pl.col("event_type") == "prisoner_release")["event_date"].to_list() == [day]


def test_a_quoted_today_and_a_day_to_come_do_not_date_a_release():
    """A speaker's "today" in quotes is the day they spoke (a statement of Saturday, a page of Sunday); a day still
    to come in the lead ("are expected to be received ... on Sunday") dates nothing done: the quoted release
    takes the day the lead gives (the statement of Saturday), not the page's Sunday."""
    text = ("The presidency said late Saturday that 82 schoolgirls held by the militants were exchanged for suspects.\n\n"
            "“Today, 82 more girls were released.\n\n"
            "After long negotiations our agencies took the girls back,” the spokesman said.\n\n"
            "The girls are expected to be received by the head of state in the capital on Sunday.\n")
    rows = _release_dates(text, dt.date(2017, 5, 7))
    assert [r[:2] for r in rows] == [(82, dt.date(2017, 5, 6)), (82, dt.date(2017, 5, 6))]


def test_a_release_said_to_come_on_that_occasion_takes_the_day_of_the_sentence_before():
    text = ("Eighty-two girls were freed late Saturday in a swap, the presidency said.\n\n"
            "The girls were among hundreds taken from their school years ago.\n\n"
            "Another 21 girls were freed on October 13, 2016, after mediators brokered a deal.\n\n"
            "Though the government denied a swap took place on that occasion, sources said that four Varnok "
            "prisoners were freed to secure the release of the girls.\n")
    rows = _release_dates(text, dt.date(2017, 5, 7))
    assert (4, dt.date(2016, 10, 13), "day") in rows


def test_the_year_of_the_deed_someone_was_jailed_for_dates_no_release():
    """"pardoned nine leaders jailed for their role in the failed independence bid in 2017": the bid's year, however
    far from "jailed", is no release's date (issue 22, class 5); a date after the release verb still is."""
    assert _release_dates("The government this afternoon pardoned all nine separatist leaders jailed for their role "
                          "in the region's failed independence bid in 2017, expressing hope for dialogue.", None) == [
        (9, None, "unknown")]
    assert _release_dates("The nine leaders jailed for sedition in 2019 were freed in June 2021.", None) == [
        (9, dt.date(2021, 6, 1), "month")]


@pytest.mark.parametrize("text, expected", [
    ("freed in March last year", dt.date(2023, 3, 1)),
    ("freed in January of last year", dt.date(2023, 1, 1)),
    ("released on parole in August last year", dt.date(2023, 8, 1)),
    ("freed in January this year", dt.date(2024, 1, 1)),
])
def test_a_month_with_last_or_this_year_takes_that_year(text, expected):
    """"in March last year" on a page of 15 March 2024 is March 2023, not the March of the page (issue 22, class 5)."""
    _text, date, precision = find_date(text, dt.date(2024, 3, 15))
    assert (date, precision) == (expected, "month")


def test_the_day_of_a_court_ruling_dates_no_release():
    """"<A>, who was acquitted on <date> by the Supreme Court, has been freed": the ruling's day, not the release's
    (issue 22, class 5); "acquitted ... last week" neither; a day after the release verb still dates it."""
    published = dt.date(2018, 11, 8)
    assert _release_dates("Mara Voss, a teacher who was acquitted on October 31 by the Supreme Court, has been freed "
                          "from the women's prison.", None) == [(1, None, "unknown")]
    assert _release_dates("Mara Voss, who was acquitted by the high court last week, was freed from prison on "
                          "Wednesday.", published) == [(1, dt.date(2018, 11, 7), "day")]
    assert _release_dates("Mara Voss, who was acquitted in April, was freed from prison on 3 May 2019.", None) == [
        (1, dt.date(2019, 5, 3), "day")]


def test_a_role_subject_freed_after_an_aside():
    """"The pastor, who has lived in <Country> for two decades, was released from prison by a court last month": a
    release of one, dated by the month before the page's (issue 22, classes 7 and 5; session 16); a role that only
    speaks of others freed is none."""
    published = dt.date(2018, 8, 3)
    assert _release_dates("The pastor, who has lived in Ruritania for more than two decades, was released from prison "
                          "by a Ruritanian court last month.", published) == [(1, dt.date(2018, 7, 1), "month")]
    assert _release_dates("The pastor, who spoke on Monday, said prisoners were released from prison.", published) == []

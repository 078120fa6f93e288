"""Issue 25: a warehouse analysts can join and trust over time (country codes, issuer codes, dated
sanctions, sources, conflicts that respect precision). Texts written in our own words."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest

from tests.conftest import sentences_of


# ---------------------------------------------------------------- country codes

@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Russia", ("RU", "RUS")),            # the gazetteer's name, not ISO's "Russian Federation"
        ("Iran", ("IR", "IRN")),
        ("United Kingdom", ("GB", "GBR")),
        ("Ivory Coast", ("CI", "CIV")),
        ("Kosovo", ("XK", "XKX")),            # user-assigned, as the EU and World Bank write it
        ("Russian Federation", ("RU", "RUS")),  # ISO's own spellings too
        ("European Union", (None, None)),     # not a country: no code is guessed
        ("Western nations", (None, None)),
        (None, (None, None)),
    ],
)
def test_iso_codes_issue_25(name, expected):
    from flows.language.countries import iso_codes

    assert iso_codes(name) == expected


def test_the_countries_dimension_holds_every_name_the_gazetteer_writes_issue_25():
    from flows.language.countries import _gazetteer_codes, countries_frame

    countries = countries_frame()
    assert countries["iso2"].is_unique().all() and countries["iso3"].is_unique().all()
    assert countries.height >= 249
    assert set(_gazetteer_codes().values()) <= set(countries["iso2"])
    assert countries.filter(pl.col("iso2") == "RU")["name"].item() == "Russia"


def test_with_iso_codes_puts_both_codes_beside_the_name():
    from flows.language.countries import with_iso_codes

    frame = pl.DataFrame({"country": ["Belarus", None, "European Union"]})
    result = with_iso_codes(frame, "country")
    expected = pl.DataFrame({"country": ["Belarus", None, "European Union"], "country_iso2": ["BY", None, None],
                             "country_iso3": ["BLR", None, None]})
    assert result.to_dicts() == expected.to_dicts()


# ---------------------------------------------------------------- issuers

@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("United States", ["US"]),
        ("United Kingdom", ["UK"]),            # the code sanctions lists use, not ISO's GB
        ("European Union", ["EU"]),
        ("United Nations", ["UN"]),
        ("Western nations", ["WEST"]),
        ("United States and Western allies", ["US", "WEST"]),  # several bodies: one code each
        ("the US and the EU", ["US", "EU"]),
        ("Canada, Japan and Australia", ["CA", "JP", "AU"]),
        ("Germany", ["DE"]),                   # a state outside the list takes its ISO code
        ("a committee", [None]),
        (None, [None]),
    ],
)
def test_issuer_codes_are_a_closed_set_issue_25(name, expected):
    from flows.language.issuers import ISSUERS, issuer_codes
    from flows.language.countries import countries_frame

    codes = issuer_codes(name)
    assert codes == expected
    iso = set(countries_frame()["iso2"])
    assert all(c is None or c in ISSUERS or c in iso for c in codes)


# ---------------------------------------------------------------- precision-aware agreement

@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ((dt.date(2024, 1, 1), "month"), (dt.date(2024, 1, 15), "day"), True),   # "January 2024" and the 15th
        ((dt.date(2024, 1, 1), "month"), (dt.date(2024, 2, 1), "day"), False),
        ((dt.date(2024, 1, 1), "year"), (dt.date(2024, 11, 30), "day"), True),
        ((dt.date(2024, 1, 15), "day"), (dt.date(2024, 1, 16), "day"), False),
        ((dt.date(2024, 1, 15), "week"), (dt.date(2024, 1, 12), "day"), True),
    ],
)
def test_dates_agree_at_their_precision_issue_25(a, b, agree):
    from flows.resolution.agreement import dates_agree

    assert dates_agree(*a, *b) is agree
    assert dates_agree(*b, *a) is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ((50, "at_least"), (52, "exact"), True),    # "more than 50" and 52
        ((50, "at_least"), (45, "exact"), False),
        ((300, "about"), (290, "exact"), True),
        ((52, "exact"), (53, "exact"), False),
        ((52, "exact"), (52, "exact"), True),
    ],
)
def test_counts_agree_at_their_qualifier_issue_25(a, b, agree):
    from flows.resolution.agreement import counts_agree

    assert counts_agree(*a, *b) is agree


def test_a_month_and_a_day_inside_it_are_no_conflict_but_two_days_are_issue_25():
    from flows.resolution.agreement import precision_conflicts

    m = pl.DataFrame({
        "event_id": ["e1", "e1", "e2", "e2", "e3", "e3"],
        "doc_id": ["a", "b", "c", "d", "e", "f"],
        "event_date": [dt.date(2024, 1, 1), dt.date(2024, 1, 15), dt.date(2024, 1, 15), dt.date(2024, 1, 17),
                       None, None],
        "date_precision": ["month", "day", "day", "day", None, None],
        "prisoner_count": [None, None, None, None, 50, 52],
        "count_qualifier": [None, None, None, None, "at_least", "exact"],
    })
    conflicts = precision_conflicts(m, "events", "event_id", "event_date", count=True)
    assert conflicts.select("fact_id", "field", "values", "doc_ids").to_dicts() == [
        {"fact_id": "e2", "field": "event_date", "values": ["2024-01-15", "2024-01-17"], "doc_ids": ["c", "d"]}]


# ---------------------------------------------------------------- dated sanctions

@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The EU imposed sanctions on the airline in March 2024.", dt.date(2024, 6, 1),
         ("in March 2024", dt.date(2024, 3, 1), "month", "sentence")),
        ("Washington lifted sanctions on the carrier on Monday.", dt.date(2025, 9, 12),
         ("on Monday", dt.date(2025, 9, 8), "day", "sentence")),
        ("Britain first imposed sanctions on the bank in 2019.", dt.date(2025, 9, 12),
         ("in 2019", dt.date(2019, 1, 1), "year", "sentence")),
        ("Last October the Treasury imposed sanctions on the gold sector.", dt.date(2023, 2, 9),
         ("Last October", dt.date(2022, 10, 1), "month", "sentence")),
        # no date in the sentence: the publication date, said to be one
        ("Canada imposed sanctions on the judges.", dt.date(2025, 9, 12),
         (None, dt.date(2025, 9, 12), "day", "published")),
        # and without a publication date nothing is invented
        ("Canada imposed sanctions on the judges.", None, (None, None, "unknown", None)),
    ],
)
def test_a_sanction_move_is_dated_by_its_sentence_else_its_publication_issue_25(sentence, published, expected):
    from flows.extraction.sanction_dates import sentence_date

    assert sentence_date(sentence, published) == expected


def test_an_imposition_since_a_year_began_that_year_but_a_state_since_then_is_as_reported_issue_25():
    from flows.extraction.sanction_dates import sentence_date

    sentence = "Canada has sanctioned dozens of officials since 2019."
    assert sentence_date(sentence, dt.date(2023, 2, 13), "imposed")[1:] == (dt.date(2019, 1, 1), "year", "sentence")
    assert sentence_date(sentence, dt.date(2023, 2, 13), "remain")[1:] == (dt.date(2023, 2, 13), "day", "published")


def _sanctions(texts: dict[str, tuple[str, dt.date | None]]) -> pl.DataFrame:
    from flows.extraction.events import EVENT_MENTION_SCHEMA
    from flows.resolution.sanctions import consolidate_sanctions
    from flows.extraction.sanction_dates import date_sanction_mentions
    from flows.extraction.sanctions import extract_sanction_mentions

    sentences = pl.concat([sentences_of(t, doc_id=d, published=p) for d, (t, p) in texts.items()])
    mentions = date_sanction_mentions(extract_sanction_mentions(sentences), {d: p for d, (_, p) in texts.items()})
    sanctions, _ = consolidate_sanctions(mentions, pl.DataFrame(schema={**EVENT_MENTION_SCHEMA, "event_id": pl.String}))
    return sanctions


def test_two_impositions_years_apart_are_two_moves_issue_25():
    sanctions = _sanctions({
        "a": ("The European Union imposed sanctions on Moldovan wine exports.", dt.date(2021, 3, 2)),
        "b": ("The European Union imposed sanctions on Moldovan wine exports.", dt.date(2024, 5, 6)),
    })
    assert sanctions.sort("move_date").select("issuer", "action", "move_date", "date_source").to_dicts() == [
        {"issuer": "EU", "action": "imposed", "move_date": dt.date(2021, 3, 2), "date_source": "published"},
        {"issuer": "EU", "action": "imposed", "move_date": dt.date(2024, 5, 6), "date_source": "published"},
    ]
    assert sanctions["sanction_id"].n_unique() == 2


def test_sources_reporting_one_move_still_merge_and_the_stated_date_wins_issue_25():
    sanctions = _sanctions({
        "a": ("The European Union imposed sanctions on Moldovan wine exports on Monday.", dt.date(2024, 5, 8)),
        "b": ("The European Union imposed sanctions on Moldovan wine exports.", dt.date(2024, 5, 9)),
        "c": ("The European Union imposed sanctions on Moldovan wine exports.", dt.date(2024, 5, 10)),
    })
    assert sanctions.select("issuer", "move_date", "date_precision", "date_text", "date_source", "n_sources"
                            ).to_dicts() == [
        {"issuer": "EU", "move_date": dt.date(2024, 5, 6), "date_precision": "day", "date_text": "on Monday",
         "date_source": "sentence", "n_sources": 3}]


def test_a_move_by_several_bodies_is_one_row_per_body_with_the_words_kept_issue_25():
    sanctions = _sanctions({
        "a": ("Washington and its Western allies imposed sanctions on Moldova in 2022.", dt.date(2024, 5, 8)),
    })
    rows = sanctions.sort("issuer").select("issuer", "issuer_text", "target", "move_date").to_dicts()
    assert rows == [
        {"issuer": "US", "issuer_text": "Washington and its Western allies", "target": "Moldova",
         "move_date": dt.date(2022, 1, 1)},
        {"issuer": "WEST", "issuer_text": "Washington and its Western allies", "target": "Moldova",
         "move_date": dt.date(2022, 1, 1)},
    ]


# ---------------------------------------------------------------- nationality, sources

@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (["Belarusian opposition leader"], "Belarus"),
        (["U.S. envoy", "envoy"], "United States"),
        (["Minsk-based analyst"], None),          # where one lives is no nationality
        (["former President"], None),
        ([], None),
    ],
)
def test_nationality_is_what_a_role_states_issue_25(roles, expected):
    from flows.resolution.dimensions import nationality

    assert nationality(roles) == expected


def test_sources_come_from_the_outlet_name_else_the_address_domain_issue_25():
    from flows.warehouse.load import DIMENSIONS_SQL
    from flows.warehouse.access import schema_sql

    con = duckdb.connect()
    con.execute(schema_sql())
    con.execute("""insert into documents (doc_id, source_path, status, run_id, source, url, published_at) values
        ('a', 'a.txt', 'loaded', 'r', 'Example Wire', 'https://www.example.org/one', '2024-01-02'),
        ('b', 'b.txt', 'loaded', 'r', 'example wire', null, '2023-05-01'),
        ('c', 'c.txt', 'loaded', 'r', null, 'http://news.example.net:8080/two?x=1', '2024-02-03'),
        ('d', 'd.txt', 'loaded', 'r', null, null, '2024-02-03'),
        ('e', 'e.txt', 'rejected', 'r', 'Example Wire', null, null)""")
    con.execute(DIMENSIONS_SQL.read_text())
    ids = dict(con.execute("select doc_id, source_id from documents").fetchall())
    assert ids["a"] == ids["b"] == ids["e"] and ids["c"] != ids["a"] and ids["d"] is None
    rows = con.execute("select name, domain, n_documents, first_published_at, last_published_at from sources "
                       "order by name").fetchall()
    assert rows == [("Example Wire", "example.org", 2, dt.date(2023, 5, 1), dt.date(2024, 1, 2)),
                    ("news.example.net", "news.example.net", 1, dt.date(2024, 2, 3), dt.date(2024, 2, 3))]


def test_a_move_keeps_its_id_when_a_new_source_dates_it_anew_issue_25():
    from flows.extraction.events import EVENT_MENTION_SCHEMA
    from flows.extraction.sanction_dates import date_sanction_mentions
    from flows.extraction.sanctions import extract_sanction_mentions
    from flows.resolution.sanction_moves import PREVIOUS_KEYS
    from flows.resolution.sanctions import consolidate_sanctions

    texts = {"b": ("The European Union imposed sanctions on Moldovan wine exports.", dt.date(2024, 5, 9)),
             "a": ("The European Union imposed sanctions on Moldovan wine exports on Monday.", dt.date(2024, 5, 8))}

    def run(docs, previous=None):
        sentences = pl.concat([sentences_of(texts[d][0], doc_id=d, published=texts[d][1]) for d in docs])
        mentions = date_sanction_mentions(extract_sanction_mentions(sentences), {d: texts[d][1] for d in docs})
        return consolidate_sanctions(mentions, pl.DataFrame(schema={**EVENT_MENTION_SCHEMA, "event_id": pl.String}),
                                     previous=previous)

    first, first_mentions = run(["b"])
    assert first["move_date"].to_list() == [dt.date(2024, 5, 9)]
    second, _ = run(["b", "a"], previous=first_mentions.select(*PREVIOUS_KEYS, "sanction_id"))
    assert second["move_date"].to_list() == [dt.date(2024, 5, 6)]  # the stated date wins ...
    assert second["sanction_id"].to_list() == first["sanction_id"].to_list()  # ... and the id stays
    fresh, _ = run(["b", "a"])
    assert fresh["sanction_id"].to_list() != first["sanction_id"].to_list()  # (without the last run it would not)

"""Sanction mentions: issuer, target, action (hedged -> proposed) and reason."""

import pytest

from flows.sanctions import extract_sanction_mentions
from tests.conftest import sentences_of


def one(text, country=None):
    m = extract_sanction_mentions(sentences_of(text), {"d1": country} if country else None)
    return [(r["issuer"], r["target"], r["target_type"], r["action"]) for r in m.to_dicts()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU lifted sanctions on Iranian oil on Tuesday.", ("European Union", "oil", "sector", "lifted")),
        ("Washington is considering easing sanctions on Venezuela.", ("United States", "Venezuela", "country", "proposed")),
        ("The lifting of U.S. sanctions on Cuban exports was a central theme of the talks.",
         ("United States", "exports", "sector", "proposed")),
        ("Britain imposed new sanctions on Myanmar over the coup.", ("United Kingdom", "Myanmar", "country", "imposed")),
        ("The U.S. lifted sanctions on the national carrier, Conviasa, last week.",
         ("United States", "Conviasa", "company", "lifted")),
    ],
)
def test_sanction_facts(text, expected):
    assert expected in one(text)


def test_reason_is_kept_for_imposed_sanctions():
    m = extract_sanction_mentions(sentences_of(
        "Canada imposed sanctions on Nicaragua for its crackdown on protesters and the rigged 2021 election."))
    row = m.to_dicts()[0]
    assert row["action"] == "imposed" and row["issuer"] == "Canada"
    assert "crackdown on protesters" in row["reason"]


def test_no_sanction_word_no_fact():
    assert one("The government lifted the curfew and eased travel rules.") == []

"""Person mentions: names found, titles and possessives stripped, non-people ignored."""

from pathlib import Path

import polars as pl
import pytest

from flows.extraction.mentions import extract_person_mentions
from tests.conftest import sentences_of

TEXT = """Opposition Leader Freed as Talks Continue
President Daniel Marquez of Arvelia pardoned the blogger on Tuesday, his office said.
Among those freed was Sofia Ramirez, a prominent environmental activist. Ramirez's lawyer, Tomas Vidal, confirmed it.
Marquez's decision followed a visit by Henrik Olsen, the Norwegian special envoy.
"This is a first step," said Mr. Olsen. The Nobel Peace Prize committee welcomed the news.
The Human Rights Watch report and Amnesty International disagreed. Arvelia Airlines resumed flights.
Related Articles
Comments
"""


@pytest.fixture(scope="module")
def mentions():
    return extract_person_mentions(sentences_of(TEXT))


def test_full_names_found_with_short_forms_linked(mentions):
    names = set(mentions["name"].unique())
    assert {"Daniel Marquez", "Sofia Ramirez", "Tomas Vidal", "Henrik Olsen"} <= names
    surfaces = mentions.filter(pl.col("name") == "Daniel Marquez")["surface"].to_list()
    assert "Marquez" in surfaces  # "Marquez's" with the possessive stripped
    assert "Olsen" in mentions.filter(pl.col("name") == "Henrik Olsen")["surface"].to_list()


@pytest.mark.parametrize("not_person", ["Nobel Peace Prize", "Human Rights Watch", "Amnesty International",
                                        "Arvelia Airlines", "Related Articles", "Comments", "Arvelia",
                                        "Opposition Leader Freed"])
def test_not_people(mentions, not_person):
    assert not_person not in set(mentions["name"]) | set(mentions["surface"])


def test_roles_from_titles_and_apposition(mentions):
    roles = dict(mentions.filter(pl.col("role").is_not_null()).select("name", "role").unique("name").iter_rows())
    assert roles["Daniel Marquez"] == "President"
    assert roles["Sofia Ramirez"] == "environmental activist"
    assert "envoy" in roles["Henrik Olsen"]


def test_every_mention_span_is_the_text(mentions):
    for row in mentions.iter_rows(named=True):
        assert TEXT[row["char_start"]:row["char_end"]] == row["surface"]
        assert not row["surface"].endswith("'s")


def test_unresolved_titled_surname_kept_with_low_confidence():
    m = extract_person_mentions(sentences_of("The decree was signed by Mr. Kowalczyk late on Friday evening."))
    assert m["name"].to_list() == ["Kowalczyk"]
    assert m["confidence"].to_list() == ["low"]


def test_bare_capitalised_word_is_not_a_person():
    m = extract_person_mentions(sentences_of("Potash is a key export. Nevertheless, Fertilizer prices rose sharply."))
    assert m.is_empty()


def test_unresolved_surname_with_a_role_is_kept_with_low_confidence():
    m = extract_person_mentions(sentences_of("Okonkwo, a veteran lawyer, spoke on Monday. Okonkwo's party agreed."))
    assert set(m["name"]) == {"Okonkwo"}
    assert set(m["confidence"]) == {"low"}


@pytest.mark.parametrize("text", ["Viasna said the list was incomplete.", "Ministers said nothing on Monday."])
def test_lone_capitalised_word_that_speaks_is_not_a_person(text):
    assert extract_person_mentions(sentences_of(text)).is_empty()


def test_given_names_are_the_names_gender_guessers_detector_knows():
    import gender_guesser.detector as gd

    from flows.extraction.names import given_names, is_given_name

    detector = gd.Detector(case_sensitive=False)
    assert given_names() == frozenset(detector.names)
    # '+' in the data file stands for nothing, a space or a hyphen: all three forms are known
    data = Path(gd.__file__).with_name("data") / "nam_dict.txt"
    plus = next(line.split()[1].lower() for line in data.read_text(encoding="utf-8").splitlines()
                if line[:1] not in "#=" and "+" in line.split()[1])
    for joiner in ("", " ", "-"):
        form = plus.replace("+", joiner)
        assert is_given_name(form.title()) and detector.get_gender(form) != "unknown"
    for token in ("Maria", "SVIATLANA", "Xqzvy", "Kolesnikova"):
        assert is_given_name(token) == (detector.get_gender(token) != "unknown")

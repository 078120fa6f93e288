"""Sentence splitting on real-page typography (issue 22): abbreviations, sentences glued without a
space, double spaces and blank lines. Every sentence's span must point back at its own text."""

from __future__ import annotations

import pytest

from tests.conftest import sentences_of


def _split(text: str) -> list[str]:
    frame = sentences_of(text)
    for start, end, sentence in frame.select("char_start", "char_end", "sentence").iter_rows():
        assert text[start:end] == sentence  # offsets stay exact against the document text
    return frame["sentence"].to_list()


@pytest.mark.parametrize("text", [
    "The U.S. Treasury froze the accounts of two shipping firms on Monday.",
    "Officials in the U.K. Foreign Office said the ban stays in place.",
    "Gen. Ortega and Sen. Miller both spoke to reporters after the hearing.",
    "The envoy flew to St. Petersburg for the talks that led to the exchange.",
    "Under Executive Order No. 14024 the bank was added to the list.",
    "The sanctions announced on Jan. 5 were widened in Sept. Officials said nothing more.",
    "The author J. R. Marlowe was freed after four years in custody.",
    "Dr. Amina Salem and Mr. Paul Okoro were among those released.",
])
def test_an_abbreviation_or_initial_before_a_capitalised_word_ends_no_sentence(text):
    sentences = _split(text)
    assert sentences[0].startswith(text.split()[0]) and len(sentences[0]) > len(text) // 2
    if "Sept." not in text:
        assert sentences == [text]


@pytest.mark.parametrize("text, expected", [
    ("Two fishermen were released.The ministry confirmed it on Friday.",
     ["Two fishermen were released.", "The ministry confirmed it on Friday."]),
    ("The warning came from North Korea.Tokyo protested within hours.",
     ["The warning came from North Korea.", "Tokyo protested within hours."]),
    ("Was anyone freed?Nobody knows yet!Families are waiting.",
     ["Was anyone freed?", "Nobody knows yet!", "Families are waiting."]),
    ("“We are relieved,” the minister said.“They are home.”",
     ["“We are relieved,” the minister said.", "“They are home.”"]),
])
def test_two_sentences_glued_without_a_space_are_two(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("text", [
    "The statement was posted on example.com and on gov.org within minutes.",
    "Inflation reached 3.5 percent while 2.75 million people waited.",
    "The U.S.Treasury list and the U.N.Security Council list both changed.",
    "A court in St.Petersburg heard the case again.",
    "Lt.Gen.Smirnov commanded the unit that held them.",
    "The lawyer met Gen.Ortega and Sen.Miller in the capital.",
])
def test_no_glued_split_inside_domains_decimals_or_abbreviations(text):
    assert _split(text) == [text]


def test_double_spaces_and_blank_lines_separate_sentences_without_moving_offsets():
    text = ("Nine detainees were freed on Tuesday.  Their lawyers welcomed the move.\n\n\n"
            "The court set no date.   A further review is planned.\n  \nIt ended there.")
    assert _split(text) == ["Nine detainees were freed on Tuesday.", "Their lawyers welcomed the move.",
                            "The court set no date.", "A further review is planned.", "It ended there."]


def test_a_line_break_ends_a_sentence_even_after_an_abbreviation():
    text = "He was held in the U.S.\nThe release came a year later."
    assert _split(text) == ["He was held in the U.S.", "The release came a year later."]

"""Terror listings told by what the listed are called (issue 22, classes 9 and 10; session 15). Sentences in our own
words: each one a state or bloc lists as terrorists is a target of that listing, by the lister named before it."""

import pytest

from flows.extraction.sanctions import extract_sanction_mentions
from flows.extraction.terror_listings import terror_targets
from tests.conftest import sentences_of


def _moves(text):
    return extract_sanction_mentions(sentences_of(text)).select("issuer", "target", "target_type", "action").rows()


@pytest.mark.parametrize("sentence, expected", [
    ("The European Union on Monday declared the military wing of the Crimson Front a terrorist organization.",
     [("military wing of the Crimson Front", "officials", "European Union")]),
    ("The European Union placed the armed wing of the Crimson Front, the group's fighting arm and militia, on its "
     "terror list on Monday.", [("armed wing of the Crimson Front", "officials", "European Union")]),
    ("Iran’s Supreme National Security Council responded by declaring the US a “state sponsor of terrorism” and "
     "American troops in the region as “terrorist groups,” the agency said.",
     [("US", "country", "Iran"), ("American troops in the region", "officials", "Iran")]),
    ("Iran would consider a bill branding the U.S. military and the CIA as terrorist groups.",
     [("U.S. military", "officials", "Iran"), ("CIA", "officials", "Iran")]),
])
def test_those_called_terrorists_are_listed(sentence, expected):
    assert terror_targets(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The action came after pressure from the United States, which considers the Crimson Front a terrorist organization.",
    "The council listed Ruritania-based Crimson Front deputy chief Jan Novak as a global terrorist.",  # a person: the
    # people rules read him
    "He said the group was a terrorist organization.",
    "Officials considered the attack an act of terrorism.",
])
def test_no_listing_there(sentence):
    assert terror_targets(sentence) == []


def test_a_listing_pressed_for_is_proposed_and_the_lister_issues_it():
    rows = _moves("Britain and the Netherlands have pressed EU peers since May to put the Crimson Front's military "
                  "wing on the bloc's terrorism list.")
    assert rows == [("United Kingdom", "Crimson Front's military wing", "officials", "proposed")]
    rows = _moves("Iran’s Supreme National Security Council responded by declaring the US a “state sponsor of "
                  "terrorism”.")
    assert rows == [("Iran", "US", "country", "imposed")]

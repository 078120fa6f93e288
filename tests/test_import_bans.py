"""Import bans on a list of states, told without a sanction word (issue 22, class 10; session 15). Sentences in our own
words: each state or bloc the banning state stops buying from is a target of a move the banning state issues."""

import pytest

from flows.extraction.import_bans import import_ban_moves
from flows.extraction.sanctions import extract_sanction_mentions
from tests.conftest import sentences_of


def _moves(text):
    return extract_sanction_mentions(sentences_of(text)).select("issuer", "target", "target_type", "target_country",
                                                                 "action").rows()


@pytest.mark.parametrize("text, targets", [
    ("Moscow moved on Thursday to impose a ban on imports of meat, fish and fruit from the United States, the "
     "European Union, Australia and Norway.", ["United States", "European Union", "Australia", "Norway"]),
    ("The Russian government has banned imports of farm products and foodstuffs from Canada, Norway and the EU.",
     ["Canada", "Norway", "EU"]),
    ("Russia Hits Back: Bans Products From EU, US, Australia, Norway, Canada", ["EU", "US", "Australia", "Norway", "Canada"]),
    ("Trade war: Russia restricts imports from U.S., E.U., Canada", ["U.S.", "E.U.", "Canada"]),
])
def test_an_import_ban_on_a_list_of_states_is_a_move_on_each(text, targets):
    moves = _moves(text)
    assert [m[1] for m in moves] == targets
    assert {m[0] for m in moves} == {"Russia"} and {m[2] for m in moves} == {"country"} and {m[4] for m in moves} == {"imposed"}
    blocs = [m for m in moves if m[1] in ("EU", "E.U.", "European Union")]
    assert all(m[3] is None for m in blocs)  # a bloc has no country


@pytest.mark.parametrize("sentence", [
    "China halted imports of soybeans from the United States last month.",  # one state, no ban's word: trade
    "The firm stopped exports from its plant in Texas.",
    "Imports of grain from Canada and Norway rose by a tenth.",  # no ban
])
def test_no_import_ban_move(sentence):
    assert import_ban_moves(sentence) == []


@pytest.mark.parametrize("text, expected", [
    ("ECOWAS Leaders Close All Borders With Mali As Junta Extends Election", [("ECOWAS", "Mali", "country", "imposed")]),
    ("The Economic Community of West African States announced the closure of both land and air borders with Niger.",
     [("ECOWAS", "Niger", "country", "imposed")]),
])
def test_a_bloc_shutting_its_borders_with_a_state_moves_on_it(text, expected):
    assert [(i, t, k, a) for i, t, k, _c, a in _moves(text)] == expected


def test_a_road_closed_near_a_border_is_no_move():
    assert _moves("Officials said the road was closed near the border with Chad.") == []

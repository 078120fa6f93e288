"""Sanctions on named bodies and groups (issue 22, class 10; sanc11b): bodies in a list of targets, groups put on or
taken off a terrorism list, bodies named by an acronym their document spells out. Sentences in our own words."""

import pytest

from flows.extraction.sanction_bodies import acronym_expansions, body_group_targets
from flows.extraction.sanctions import extract_sanction_mentions
from tests.conftest import sentences_of


def rows_of(text):
    m = extract_sanction_mentions(sentences_of(text))
    return {(r["target"], r["target_type"], r["action"]) for r in m.to_dicts()}


@pytest.mark.parametrize(("text", "expected"), [
    # a body in the list a group of targets opens
    ("The bloc also imposed sanctions on six other Kenyan entities, including the Kenyan Coastal Patrol Service.",
     ("Coastal Patrol Service", "officials", "imposed")),
    ("The three other Zetlandic entities, including the Northern Border Guard Service, are now under sanctions too.",
     ("Northern Border Guard Service", "officials", "imposed")),
    # a title word left first once the demonym is peeled is still the body's ("Marine")
    ("The four other Kenyan entities, including the Kenyan Marine Rescue Service, are also under sanctions now.",
     ("Marine Rescue Service", "officials", "imposed")),
    # a body after people in one list of targets, its name's "on <A>" kept
    ("Their sanctions targeted senator Ana Ruiz and the Joint Commission on Island Affairs.",
     ("Joint Commission on Island Affairs", "officials", "imposed")),
    # groups put on a terrorism list by a passive designation, the head clause before them left out
    ("The two splinter factions that broke away from the movement, Northern Dawn and the Red Valley Front, have been "
     "designated as foreign terrorist organisations, the minister added.", ("Northern Dawn", "officials", "imposed")),
    ("The two splinter factions that broke away from the movement, Northern Dawn and the Red Valley Front, have been "
     "designated as foreign terrorist organisations, the minister added.", ("Red Valley Front", "officials", "imposed")),
    # the groups named after a copula that follows the designation
    ("The splinter groups newly designated by Ruritania as terrorist organisations are the Red Valley Front and "
     "Northern Dawn, and the men it named as their leaders.", ("Red Valley Front", "officials", "imposed")),
    # a group taken off the list: by its kind word before its name, or "designation for" in a headline
    ("The government is preparing to remove the rebel group Northern Dawn from its list of foreign terrorist "
     "organisations.", ("Northern Dawn", "officials", "proposed")),
    ("Ruritania revokes terrorist designation for Zetland's Northern Dawn", ("Northern Dawn", "officials", "lifted")),
    # a listing verb and the list of groups it puts on a terrorism list, each its own target
    ("The ministry designated the Red Valley Front and Sol de Oriente as foreign terrorist organisations.",
     ("Sol de Oriente", "officials", "imposed")),
    ("Ruritania added Northern Dawn and the Red Valley Front to its list of foreign terrorist organisations in 2001.",
     ("Northern Dawn", "officials", "imposed")),
    ("The council designated al-Fajr, Northern Dawn and the Red Valley Front as terrorist groups.",
     ("al-Fajr", "officials", "imposed")),
    ("Zetland proscribed the Red Valley Front as a terrorist organisation on Wednesday.",
     ("Red Valley Front", "officials", "imposed")),
])
def test_named_bodies_and_groups_are_targets(text, expected):
    assert expected in rows_of(text)


@pytest.mark.parametrize(("sentence", "not_a_target"), [
    # a body naming a person's office is no target: the person is
    ("The Treasury is sanctioning Zetland Supreme Court (ZSC) justice Ana Ruiz, who ordered the arrests.",
     "Zetland Supreme Court"),
    ("Today I am imposing sanctions on Island Rights Council Special Rapporteur Ana Ruiz.", "Island Rights Council"),
    # a body's members are the targets, not the body
    ("The move follows penalties on three senior members of the ruling Unity Party for abuses.", "Unity Party"),
    ("Ruritania barred entry to three Unity Party officials under the sanctions.", "Unity Party"),
    # a body that acts or speaks, a day after "on"
    ("The Treasury Department imposed sanctions on the Zetland Ministry of Mines on Monday, the State Department said.",
     "State Department"),
    ("The Treasury Department imposed sanctions on the Zetland Ministry of Mines on Monday, the State Department said.",
     "Zetland Ministry of Mines on Monday"),
    # a listing of people, not of a named group
    ("The ministry listed the group's leaders and financiers as terrorist entities.", "leaders"),
    # a country on a list of state sponsors stays a country (other rules)
    ("Ruritania plans to remove Cuba from its list of foreign terrorist organisations.", "Cuba"),
    # "added the group <A>" with no terrorism list after it
    ("Officials added the rebel group Northern Dawn to the agenda, citing terror attacks.", "Northern Dawn"),
])
def test_bodies_that_are_no_targets(sentence, not_a_target):
    assert not_a_target not in {t[0] for t in body_group_targets(sentence)}


def test_body_named_by_acronym_takes_its_name_from_the_document():
    rows = rows_of("The Zetland Maritime Tribunal ruled against the fleet last year. Ruritania signed an order "
                   "authorizing sanctions on the ZMT on Friday.")
    assert ("Zetland Maritime Tribunal (ZMT)", "officials", "imposed") in rows


def test_acronym_unspelled_or_no_body_is_left_alone():
    # no run of the document spells the acronym: no target from it
    assert not any("ZMT" in t[0] for t in rows_of("Ruritania signed an order authorizing sanctions on the ZMT on Friday."))
    # a spelled-out name that is no body (no kind word at its end) is left to the other rules
    assert acronym_expansions(["the Zetland Maritime Trading (ZMT) fleet"], {"ZMT"}) == {}
    assert acronym_expansions(["the Zetland Maritime Tribunal"], {"ZMT"}) == {"ZMT": "Zetland Maritime Tribunal"}


@pytest.mark.parametrize(("text", "expected"), [
    # "global terrorist organizations" is a terrorism list too, and "and others" closes the list of named groups
    ("The State Department designated Sol de Oriente, the Red Valley Cartel and others as global terrorist "
     "organizations.", {"Sol de Oriente", "Red Valley Cartel"}),
    ("Ruritania listed Northern Dawn and the Coastal Brigade, among others, as global terrorist groups.",
     {"Northern Dawn", "Coastal Brigade"}),
])
def test_a_listing_as_global_terrorists_with_others_left_unnamed(text, expected):
    assert expected <= {t for t, _, a in rows_of(text) if a == "imposed"}


def test_a_colon_after_the_cue_still_opens_the_list():
    rows = rows_of("The State Department designated Sol de Oriente as a foreign terrorist organization. "
                   "The designated groups are: Sol de Oriente, Mara Roja, the Red Valley Cartel and La Nueva Banda.")
    assert {"Mara Roja", "Red Valley Cartel", "La Nueva Banda"} <= {t for t, _, a in rows if a == "imposed"}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # two bodies sharing their kind word in the plural: each is a target, its first word no sector
    ("The United States has sanctioned Bolivia's mining and interior ministries over the crackdown.",
     {"Mining ministry", "Interior ministry"}, "mining"),
    ("Britain imposed sanctions on the Justice and Interior Ministries of Ruritania.",
     {"Justice ministry", "Interior ministry"}, None),
])
def test_two_bodies_sharing_a_plural_kind_word(text, expected, absent):
    targets = {t for t, _, _ in rows_of(text)}
    assert expected <= targets and absent not in targets


def test_plural_kinds_that_name_no_bodies():
    assert not any("service" in t.lower() for t, _, _ in rows_of("The EU imposed sanctions on banking and financial services."))


def test_a_designated_list_whose_items_carry_descriptions():
    """"The notorious <demonym> gang <A>, the brutal <B> organization, and half a dozen <demonym> cartels have been
    designated as ...": each named group, and the counted rest (issue 22, class 10)."""
    from flows.extraction.sanctions import extract_sanction_mentions
    from tests.conftest import sentences_of

    m = extract_sanction_mentions(sentences_of(
        "The notorious Ruritanian gang Banda Roja, the brutal KX-9 organization, and half a dozen Ruritanian cartels "
        "have been designated as foreign terrorist organizations by the State Department."))
    assert {(r["target"], r["action"]) for r in m.to_dicts()} == {
        ("Banda Roja", "imposed"), ("KX-9", "imposed"), ("half a dozen Ruritanian cartels", "imposed")}
    # a subject that is no list of groups names none
    m = extract_sanction_mentions(sentences_of(
        "Officials said the group, its leaders and the banks have been designated as terrorist organizations."))
    assert m.is_empty()

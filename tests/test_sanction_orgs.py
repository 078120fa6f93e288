"""Issue 22, class 10 (org14): an organisation named in the object of a move on sanctions is a target of that move.
Sentences written in our own words, names invented."""

import re

import pytest

from flows.extraction.sanction_orgs import cue_actions, org_runs, org_targets
from tests.conftest import sentences_of


def _moves(text, doc_country=None):
    from flows.extraction.sanctions import extract_sanction_mentions

    return extract_sanction_mentions(sentences_of(text), {"d1": doc_country} if doc_country else None).select(
        "target", "target_type", "target_country", "action").rows()


def _targets(sentence):
    return [(name, kind) for name, _start, kind, _country in org_targets(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # a firm by its head word, a bank by "Bank of", a body by its head, after "sanctions on"
    ("The bloc imposed sanctions on Northwind Shipping and the Bank of Ostravia on Tuesday.",
     [("Northwind Shipping", "company"), ("Bank of Ostravia", "company")]),
    # a legal form after the name, after a verb that singles it out
    ("Of the shippers, the order singled out Redfern Maritime Holding L.L.C. alone.",
     [("Redfern Maritime Holding L.L.C", "company")]),
    # a list the designation opens
    ("The groups designated include: the Coastal Cartel, the Red Hill Brigade and Valmont Trading.",
     [("Coastal Cartel", "officials"), ("Red Hill Brigade", "officials"), ("Valmont Trading", "company")]),
    # the organisations before a passive move, a ministry's list cut at "and"
    ("Ostravia's Ministry of Mines and the Ministry of Water and Forests are blocked from today.",
     [("Ministry of Mines", "officials"), ("Ministry of Water and Forests", "officials")]),
    # a licence's object runs through "transactions with"
    ("A licence issued on Friday permits payments to the Ostravian Central Bank and Bank of Ostravia.",
     [("Ostravian Central Bank", "company"), ("Bank of Ostravia", "company")]),
    # a body named by "<Head> of <A>" is a body, whatever it oversees
    ("Treasury sanctioned the Presidency of Naval Industries over the purchase.",
     [("Presidency of Naval Industries", "officials")]),
])
def test_an_organisation_in_the_object_of_a_move_is_its_target(sentence, expected):
    assert _targets(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # the one that reports, the one whose shares moved, the issuer, a business partner, an owner's role
    "Sanctions on Ostravia hurt trade, said analysts at Kestrel Capital Group.",
    "After the sanctions on Belarus, shares of Northwind Shipping fell sharply.",
    "The Treasury Department imposed sanctions on three Ostravian officials.",
    "The bloc sanctioned Jan Kowal, chairman of the Bank of Ostravia, on Monday.",
    "Sanctions on the firm were announced by the Ostravian Development Bank on Monday.",
    # an organisation with no move near it
    "Northwind Shipping opened a new route to Ostravia on Monday.",
])
def test_an_organisation_outside_the_object_is_no_target(sentence):
    assert _targets(sentence) == []


def test_the_owner_in_the_possessive_gives_the_country_to_the_whole_list():
    found = org_targets("Norway's Ministry of Mines and the Ministry of Water and Forests are blocked from today.")
    assert [c for *_, c in found] == ["Norway", "Norway"]


def test_a_demonym_before_the_name_gives_its_country():
    found = org_targets("The measures also cover two state bodies, among them the Norwegian Harbour Service.")
    assert found and found[0][0] == "Norwegian Harbour Service" and found[0][3] == "Norway"


def test_runs_split_at_and_only_between_two_organisations():
    names = [n for *_, n, _o in org_runs("the Institute of Posts and Telegraphs and Valmont Trading")]
    assert names == ["Institute of Posts and Telegraphs", "Valmont Trading"]


def test_the_cue_tells_the_action_where_no_action_word_does():
    assert cue_actions("The two ministries are blocked as a result.") == ["imposed"]
    assert cue_actions("The central bank will be taken off the list.") == ["lifted"]
    assert cue_actions("The firm opened an office.") == []


def test_each_organisation_is_its_own_move_with_the_sentence_action():
    rows = _moves("The European Union lifted sanctions on Northwind Shipping and the Bank of Ostravia on Friday.",
                  "Ostravia")
    assert ("Northwind Shipping", "company", "Ostravia", "lifted") in rows
    assert ("Bank of Ostravia", "company", "Ostravia", "lifted") in rows


def test_a_named_organisation_is_not_taken_twice():
    rows = _moves("The Treasury sanctioned Valmont Trading LLC, a firm based in Ostravia, on Monday.")
    assert sum(1 for r in rows if r[0] and r[0].startswith("Valmont Trading")) == 1


@pytest.mark.parametrize("sentence", [
    # the organisation's people are the targets, not the organisation
    "The bloc imposed sanctions on two senior officials from the Northwind Petroleum Corporation on Friday.",
    "Ottawa imposed penalties on three members of Norway's ruling Harbour Party.",
    "The measures target three Harbour Party officials.",
    # a role of a person in the run
    "Among those sanctioned is Jan Kowal, CEO of the Valmont Group.",
    # a second name of an organisation already told
    "The two groups, the Northern Front and the Coastal Front, or Coastal Army, have been designated as terrorists.",
])
def test_the_people_of_an_organisation_are_no_organisation_target(sentence):
    names = [n for n, *_ in org_targets(sentence)]
    assert not any(w in " ".join(names) for w in ("Corporation", "Party", "Valmont", "Army"))


def test_a_country_told_after_the_name():
    found = org_targets("Officials singled out Redfern Maritime Holding LLC, based in Norway, over the deliveries.")
    assert found and found[0][3] == "Norway"


def test_organisations_blocked_without_a_sanction_word_are_moved():
    rows = _moves("The Treasury acted on Monday. From now on Norway's Ministry of Mines and the Ministry of Water are "
                  "blocked.")
    assert {r[0] for r in rows} >= {"Ministry of Mines", "Ministry of Water"}
    assert all(r[3] == "imposed" for r in rows if r[0] in ("Ministry of Mines", "Ministry of Water"))


def test_a_head_before_a_romance_of_names_the_organisation():
    assert _targets("The groups designated include Cartel del Sur and Banco de Norte.") == [
        ("Cartel del Sur", "officials"), ("Banco de Norte", "company")]


def test_a_country_told_after_a_dotted_legal_form():
    found = org_targets("Officials singled out Redfern Maritime Holding L.L.C. (Redfern), headquartered in Norway.")
    assert found and found[0][3] == "Norway"


def test_a_head_before_a_bare_name_names_the_organisation():
    assert _targets("The firms sanctioned include Bank Kestrel and Cartel Norteno.") == [
        ("Bank Kestrel", "company"), ("Cartel Norteno", "officials")]


def test_a_listed_organisation_is_no_person():
    from flows.extraction.designee_lists import _target

    assert _target("Cartel del Noreste", False) == ("Cartel del Noreste", "officials")
    assert _target("Carteles Unidos", False) == ("Carteles Unidos", "officials")


@pytest.mark.parametrize("text, country", [
    ("the Norwegian gang ", "Norway"),
    ("Sweden's state-owned lender ", "Sweden"),
    ("Norwegian sanctions on ", None),   # the issuer's demonym before the move, not the target's
    ("American sanctions hit ", None),
    ("the gang ", None),
])
def test_the_country_told_right_before_a_name(text, country):
    from flows.extraction.sanction_orgs import country_before

    assert country_before(text) == country


# a list of organisations where some items do not tell their form (session 15, real pages of several outlets): each item
# of a list holding at least two organisations told by their form, and no more items untold, is one too
@pytest.mark.parametrize("sentence, expected", [
    ("The Norwegian banks sanctioned are Harlow Bank, KV Bank, General Bank, Ostrabank, and the Lakeside Bank, "
     "Prime Minister Jan Novak announced.",
     ["Harlow Bank", "KV Bank", "General Bank", "Ostrabank", "Lakeside Bank"]),
    # "would be subject to sanctions" after the list
    ("Novak said that Norwegian Harlow Bank, KV Bank, Ostrabank and Lakeside Bank would be subject to sanctions.",
     ["Norwegian Harlow Bank", "KV Bank", "Ostrabank", "Lakeside Bank"]),
    # put on a list, legal forms written after the names
    ("OFAC put Harlow Trust’s subsidiaries, Harlow Insurance SAL, Harlow Insurance Services SAL and Harlow Life "
     "Company SAL on its sanctions list.",
     ["Harlow Insurance SAL", "Harlow Insurance Services SAL", "Harlow Life Company SAL"]),
])
def test_the_untold_items_of_a_list_of_organisations(sentence, expected):
    assert [name for name, _start, _kind, _country in org_targets(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # people and a title in the list are no organisations
    ("The bloc imposed sanctions on Harlow Bank, KV Bank, Jan Novak and Anna Berg.", ["Harlow Bank", "KV Bank"]),
    # a head alone, a piece of a longer name, is none
    ("The licence authorizes transactions involving Joint Stock Company Harlow Potash Company, Agrolux LLC, and "
     "Ostrakali OAO.", None),
    # a country of two words joined by "and" stays one name
    ("Sanctions on Trinidad and Tobago Bank hit hard.", ["Trinidad and Tobago Bank"]),
    # a name's part after a dash is no item of its own
    ("The designated groups are: Harbor Cartel, Lakeside Cartel - New Dawn, Ridge Cartel and Gulf Cartel.",
     ["Harbor Cartel", "Lakeside Cartel", "Ridge Cartel", "Gulf Cartel"]),
])
def test_no_untold_item_that_is_not_an_organisation(sentence, expected):
    names = [name for name, _start, _kind, _country in org_targets(sentence)]
    if expected is None:
        assert "Company" not in names
    else:
        assert names == expected


def test_a_list_s_country_carries_to_its_untold_items():
    moves = _moves("Novak said that Norwegian Harlow Bank, KV Bank, Ostrabank and Lakeside Bank would be subject to "
                   "sanctions.")
    assert {(t, c) for t, _k, c, _a in moves} == {(n, "Norway") for n in
                                                  ("Norwegian Harlow Bank", "KV Bank", "Ostrabank", "Lakeside Bank")}


def test_names_with_a_number_or_a_place_in_brackets_after_an_order_s_initials():
    """"The firms sanctioned under E.O. <number> are: ..." opens a list; a number ("<A> 88 Limited") and a place in
    brackets inside a name ("<A> Tanker (<Place>) <B> & <C> Co") are part of it, and so is ", Limited" after "Co.";
    an acronym in brackets after a name ends it."""
    sentence = ("The firms sanctioned under E.O. 12345 are: Harlow Petroleum Co., Limited, Kestrel Shipping Company "
                "Limited, Osprey 88 Limited, and Harlow Tanker (Lakeside) Crew & Ship Management Co, Ltd.")
    names = [n for n, *_ in org_targets(sentence)]
    assert names == ["Harlow Petroleum Co., Limited", "Kestrel Shipping Company Limited", "Osprey 88 Limited",
                     "Harlow Tanker (Lakeside) Crew & Ship Management Co, Ltd"]
    licence = ("The licence authorizes transactions with the Ruritanian Central Bank (RCB) and Bank of Ruritania (BoR), "
               "the largest lender.")
    assert [n for n, *_ in org_targets(licence)] == ["Ruritanian Central Bank", "Bank of Ruritania"]


def test_a_long_list_of_firms_with_legal_forms_after_commas():
    """"the countermeasures target 20 <demonym> companies, including <A> Corporation, <B> in <City>, <C> & <D>, Inc.,
    <E>, <F>, Inc., ...": each firm of the list, a legal form after its comma part of it, an abbreviation's stop no end."""
    sentence = ("The countermeasures target 20 US companies, including Harlow Systems Corporation, Kestrel in St. "
                "Louis, Osprey & Finch, Inc., Lakeside Acoustic Concepts, Ridge Technical Services, Inc., Teal Drones, "
                "Inc., Vantor, and Lazarus Enterprises Inc.")
    found = [(n, k) for n, _s, k, _c in org_targets(sentence)]
    names = [n for n, _k in found]
    for firm in ("Harlow Systems Corporation", "Lakeside Acoustic Concepts", "Ridge Technical Services", "Teal Drones",
                 "Vantor", "Lazarus Enterprises"):
        assert firm in names, (firm, found)
    assert all(k == "company" for n, k in found if n in ("Ridge Technical Services", "Teal Drones", "Vantor"))


def test_the_list_after_the_following_and_its_colon():
    """"sanctions on the following two <demonym> companies, which own or control <...>: <A> and <B>": the firms after
    the colon, however long the words between; a colon list with no move before it is no target."""
    sentence = ("Washington is imposing further sanctions on the following two Ruritanian companies, which own or "
                "control one or more of the firms named above and knew of their conduct: Harlow Holding Company Ltd. "
                "and Kestrel Tanker (Lakeside) Co., Ltd.")
    names = [n for n, *_ in org_targets(sentence)]
    assert "Harlow Holding Company" in names and "Kestrel Tanker (Lakeside) Co., Ltd" in names, names
    assert org_targets("The following firms sent delegates to the fair: Harlow Holding Company Ltd. and Teal "
                       "Shipping LLC.") == ()


def test_a_list_after_including_before_a_passive_move():
    """"Bodies including the <A> of the <B>; the <C> for <D> Studies in <Country>, and the <E> were also sanctioned by
    <demonym> government": every item of the list, though semicolons part them and "for" stands inside a name."""
    sentence = ("Bodies including the Planning Department of the Union; the Harlow Institute for Northern Studies in "
                "Ruritania, and the Open Futures Foundation in Ostravia were also sanctioned by the Ruritanian government.")
    names = [n for n, *_ in org_targets(sentence)]
    assert names == ["Planning Department of the Union", "Harlow Institute for Northern Studies", "Open Futures Foundation"]
    # the list's clause only: what a semicolon parts from it before "including" is not read as its items
    assert [n for n, *_ in org_targets("Harlow Bank was fined; several lenders, including Kestrel Bank, were "
                                       "sanctioned on Monday.")] == ["Kestrel Bank"]


# session 17: a firm or group the news names bare ("Rosneft"), with no word of what it is, as the whole object of a move
@pytest.mark.parametrize("text, expected", [
    ("The Treasury also sanctioned Varnokel and Ostrafin on Monday.",
     [("Varnokel", "company", "imposed"), ("Ostrafin", "company", "imposed")]),
    ("Sanctions on Kelvabank remain in force.", [("Kelvabank", "company", "remain")]),
    ("The Treasury also sanctioned VKB and Ostrafin on Monday.",  # a firm's initials (two letters are an issuer's)
     [("VKB", "company", "imposed"), ("Ostrafin", "company", "imposed")]),
    ("Beijing imposed countermeasures on Harlow Dynamics.", [("Harlow Dynamics", "company", "imposed")]),
    ("The Treasury removed Varnokel and Ostrafin from its sanctions list.",
     [("Varnokel", "company", "lifted"), ("Ostrafin", "company", "lifted")]),
])
def test_a_bare_name_that_is_the_whole_object_of_a_move_is_a_company_target(text, expected):
    assert [(t, k, a) for t, k, _c, a in _moves(text)] == expected


@pytest.mark.parametrize("text", [
    "The Treasury sanctioned Tomas for his role in the crackdown.",   # a given name: a person, not a firm
    "Washington imposed sanctions on Belarus on Friday.",            # a country (the country rule's)
    "The bloc imposed sanctions on Ruritanian officials.",           # a people before a noun
    "The US imposed sanctions on Varnokel's chief executive.",       # whose the target is
    "The bloc imposed sanctions on Wagner mercenaries in the region.",  # a name before a noun: what the target is
    "Britain imposed sanctions on Monday.",                           # a day
])
def test_a_bare_capitalised_word_that_is_no_firm_is_no_company_target(text):
    assert [t for t, k, _c, _a in _moves(text) if k == "company"] == []


# session 19: firms in the shapes of agencies' own statements (issue 22, class 10)
@pytest.mark.parametrize("text, expected", [
    # a place in brackets inside a name, and "&" joining two names of one firm
    ("The Treasury sanctioned Varno Marine Tanker (Ningbo) Co. Ltd. and Teklo Holding Company Ltd.",
     [("Varno Marine Tanker (Ningbo) Co. Ltd", "imposed"), ("Teklo Holding Company Ltd", "imposed")]),
    ("The Treasury sanctioned Gibbs & Orlan, Inc., Vantor Systems and Kell & Sons Ltd.",
     [("Gibbs & Orlan", "imposed"), ("Vantor Systems", "imposed"), ("Kell & Sons Ltd", "imposed")]),
    # OFAC's list by its acronym, and a legal form's stops before "to the list"
    ("OFAC added Varno Petroleum Co. Ltd. and Teklo Holding Company Ltd. to the SDN list.",
     [("Varno Petroleum Co. Ltd", "imposed"), ("Teklo Holding Company Ltd", "imposed")]),
    # the agency as the subject of "target", the firms after their trade, "<City>-based" no part of a name
    ("Treasury targeted shippers Varno Marine Lines, Teklo Holding and Dubai-based energy trader Astra Fuel Trading "
     "for carrying oil from Iran.",
     [("Varno Marine Lines", "imposed"), ("Teklo Holding", "imposed"), ("Astra Fuel Trading", "imposed")]),
    ("Treasury targeted shipper Varno Marine Lines for carrying oil.", [("Varno Marine Lines", "imposed")]),
    # "will target": still to come
    ("Treasury will target shippers Varno Marine Lines and Teklo Holding for carrying oil.",
     [("Varno Marine Lines", "proposed"), ("Teklo Holding", "proposed")]),
])
def test_firms_named_as_agencies_name_them(text, expected):
    assert [(t, a) for t, k, _c, a in _moves(text) if k == "company"] == expected


def test_the_people_on_the_sdn_list_by_its_acronym():
    assert [(t, k, a) for t, k, _c, a in _moves("The Treasury on Monday added Pavel Dorin and Mara Velko to the SDN "
                                                "list.")] == [("Pavel Dorin", "person", "imposed"),
                                                              ("Mara Velko", "person", "imposed")]


@pytest.mark.parametrize("text", [
    "Officials said the Treasury would target the funds in a later round.",  # no firm named
    "The drones targeted Varno Marine Lines' depot in the port.",            # no agency: an attack
])
def test_target_without_an_agency_or_a_firm_moves_no_firm(text):
    assert [t for t, k, _c, _a in _moves(text) if k == "company"] == []


# session 19: lists of firms after what they are, a legal form ending a name
@pytest.mark.parametrize("text, expected", [
    ("The Treasury said it has also sanctioned four entities owned and controlled by Dorin, including Tabacos Varno "
     "Inc., Bebidas Varno Inc. and Frigorifico Velko S.A.E.",
     ["Tabacos Varno", "Bebidas Varno", "Frigorifico Velko", "four entities"]),
    ("Some proxy organizations are also targeted by the sanctions, including Kell Bei Group, Golden Varno Resorts Ltd "
     "and Osprey Exchange Ltd.", ["Kell Bei Group", "Golden Varno Resorts", "Osprey Exchange"]),
    # a legal form with stops ends a name before "and"; a name spanned whole by its legal form is the name without it
    ("The Treasury has also sanctioned four entities, including Velko Acquisition S.A. and Frigorifico Velko S.A.E.",
     ["Velko Acquisition", "Frigorifico Velko", "four entities"]),
    ("The companies sanctioned include Kestrel Lab S.A. de C.V., which trades in medicines.", ["Kestrel Lab"]),
])
def test_firms_listed_after_what_they_are(text, expected):
    # (a firm's name with or without its legal form: both name it)
    firms = [re.sub(r",?\s+(?:Inc|Ltd|S\.A\.E|S\.A)\.?$", "", t) for t, k, _c, _a in _moves(text) if k == "company"]
    assert firms == expected

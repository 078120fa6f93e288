"""Sanction mentions: issuer, target, action (hedged -> proposed) and reason."""

import polars as pl
import pytest

from flows.extraction.sanctions import extract_sanction_mentions
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


def with_country(text, country=None):
    m = extract_sanction_mentions(sentences_of(text), {"d1": country} if country else None)
    return [(r["target"], r["target_country"], r["action"]) for r in m.to_dicts()]


@pytest.mark.parametrize(
    ("text", "doc_country", "expected"),
    [
        # the target's own words say whose it is (a demonym, a possessive)
        ("Britain eased sanctions on Iranian oil exports on Monday.", None, ("oil", "Iran", "eased")),
        ("Ottawa lifted its sanctions on Venezuela's oil sector.", None, ("oil", "Venezuela", "lifted")),
        # (the group in the page's words: who they are, whose they are; issue 22, class 10)
        ("The EU imposed sanctions on Georgian officials over the police violence.", None,
         ("Georgian officials", "Georgia", "imposed")),
        # a country target is its own; the issuer is never the target's country
        ("The United States imposed sanctions on Syria.", None, ("Syria", "Syria", "imposed")),
        # nothing in the sentence: the document's main country
        ("Washington lifted sanctions on the state airline, Air Koryo, last week.", "North Korea",
         ("Air Koryo", "North Korea", "lifted")),
    ],
)
def test_target_country_says_whose_target_it_is(text, doc_country, expected):
    assert expected in with_country(text, doc_country)


def _consolidated(texts: dict[str, str]):
    from flows.resolution.sanctions import consolidate_sanctions
    from flows.extraction.events import EVENT_MENTION_SCHEMA
    from flows.extraction.sanction_dates import date_sanction_mentions
    import polars as pl

    sentences = pl.concat([sentences_of(t, doc_id=d) for d, t in texts.items()])
    mentions = date_sanction_mentions(extract_sanction_mentions(sentences))  # as the facts stage does
    sanctions, _ = consolidate_sanctions(mentions, pl.DataFrame(schema={**EVENT_MENTION_SCHEMA, "event_id": pl.String}))
    return sanctions


def test_one_issuer_easing_one_sector_in_two_countries_is_two_sanctions():
    sanctions = _consolidated({"a": "The United States eased sanctions on Venezuelan oil on Tuesday.",
                               "b": "The United States eased sanctions on Iranian oil on Tuesday."})
    rows = {(r["target"], r["target_country"], r["action"]) for r in sanctions.to_dicts()}
    assert rows == {("oil", "Venezuela", "eased"), ("oil", "Iran", "eased")}
    assert sanctions["sanction_id"].n_unique() == 2


def test_a_proposal_nobody_makes_is_speculation_not_a_fact():
    sanctions = _consolidated({
        "a": "The prisoner release could potentially ease crippling sanctions imposed on Moldova.",
        "b": "Washington could ease sanctions on Moldovan wine if more prisoners are freed.",
    })
    # the sentence alone reads as a proposal with no issuer ...
    assert (None, "Moldova", "country", "proposed") in one(
        "The prisoner release could potentially ease crippling sanctions imposed on Moldova.")
    # ... which the sanctions table leaves out; a power's proposal, and the sanctions imposed, stay
    rows = {(r["issuer"], r["issuer_text"], r["target"], r["action"]) for r in sanctions.to_dicts()}
    # the issuer is the body's code (issue 25), its words as written beside it
    assert rows == {(None, None, "Moldova", "imposed"), ("US", "Washington", "Moldova", "proposed")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two moves joined in one sentence: each clause its own target, the issuer from the sentence
        ("Washington has sanctioned dozens of Honduran officials, and its sanctions on the state power company, "
         "ENEE, remain in place.",
         # (a counted group in the page's words: "dozens of" counts, session 16)
         {("United States", "dozens of Honduran officials", "imposed"), ("United States", "ENEE", "remain")}),
        # "sanctions on X and on Y": both are targets
        ("The Treasury imposed sanctions on former President Evo Morales and on Bolivia's Ministry of Defence.",
         {("United States", "Evo Morales", "imposed"), ("United States", "Ministry of Defence", "imposed")}),
        # the verb without an auxiliary, and an asset freeze, are impositions ("May" the month is no hedge)
                    # (a counted group is named in the page's words: see sanction_groups)
            ("In May Britain sanctioned three Georgian judges over the verdict.",
             {("United Kingdom", "three Georgian judges", "imposed")}),
        ("Canada froze the assets of two Serbian officials on Friday.", {("Canada", "two Serbian officials", "imposed")}),
    ],
)
def test_clauses_verbs_and_asset_freezes(text, expected):
    assert expected <= {(i, t, a) for i, t, _, a in one(text, "Honduras")}


@pytest.mark.parametrize("text", [
    "The sanctioned airline resumed flights to Dubai on Monday.",                 # an adjective, not a move
    "Belarusian authorities froze the assets of the opposition leader.",          # a state's own repression
    "Oil revenue frozen in foreign banks was finally released to the government.",  # no sanctions named
])
def test_no_sanction_move(text):
    assert one(text) == []


def test_one_clause_without_sanctions_stays_with_its_sentence():
    # ", and on the airline remain" names no sanctions itself: the sentence is not cut there
    rows = {(t, a) for _, t, _, a in one("Sanctions on potash, imposed in 2021, and on the airline remain in force.",
                                         "Belarus")}
    assert rows == {("potash", "imposed"), ("potash", "remain")}


@pytest.mark.parametrize(
    ("text", "doc_country", "expected"),
    [
        # restrictions are sanctions when a sanctioning power imposes them
        ("Washington has imposed visa restrictions on more than 200 Guatemalan officials this year.", None,
         ("United States", "200 Guatemalan officials", "imposed")),
        # a listing as a sponsor of terrorism, put on or taken off
        ("The White House took Syria off the list of state sponsors of terrorism on Friday.", None,
         ("United States", "Syria", "lifted")),
        ("The White House said it would take Syria off the terrorism blacklist.", None,
         ("United States", "Syria", "proposed")),
        ("Trump reinstated North Korea on the U.S. list of state sponsors of terrorism in 2017.", None,
         ("United States", "North Korea", "imposed")),
        # an apposition between the sanctions and "remain in place"
        ("Western sanctions on Iranian oil, the country's main source of hard currency and of state revenue, "
         "remain in place.", None, ("Western nations", "oil", "remain")),
        # added to a sanctions list; "stay in force"; "have frozen the assets"
        # (a counted group is named in the page's words, and takes the place of its country: see sanction_groups)
        ("The European Union on Monday added 12 Iranian officials to its sanctions list.", None,
         ("European Union", "12 Iranian officials", "imposed")),
        ("Canada said its sanctions on Nicaraguan officials would stay in force until all prisoners are released.",
         None, ("Canada", "Nicaraguan officials", "remain")),
        # (the state's central bank itself, a body, as the real-news golds write it: issue 22, class 10)
        ("Western governments have frozen the assets of Russia's central bank.", None,
         ("Western nations", "central bank", "imposed")),
        # a sanctions waiver eases them; a passive verb may stand further from its sanctions
        ("The deal included a sanctions waiver allowing Iran to access $6 billion in frozen funds.", "Iran",
         (None, "Iran", "eased")),
        ("Sanctions on the state airline, imposed after the 2021 forced landing, were lifted last week.", "Belarus",
         (None, "Belarus", "lifted")),
        # a trade embargo is on the country
        ("The decades-old U.S. trade embargo remains in place.", "Cuba", ("United States", "Cuba", "remain")),
    ],
)
def test_restrictions_listings_and_embargoes(text, doc_country, expected):
    assert expected in [(i, t, a) for i, t, _, a in one(text, doc_country)]


def test_restrictions_a_government_puts_on_its_own_people_are_no_sanction():
    assert one("Minsk imposed new restrictions on independent media after the vote.", "Belarus") == []
    assert one("The junta has tightened restrictions on foreign travel.", "Myanmar") == []
    # nor when a sanctioning power is named in another clause of the sentence
    assert {(i, t, a) for i, t, _, a in one(
        "Minsk imposed new restrictions on Belarusian media, while Western sanctions on potash remain in place.",
        "Belarus")} == {("Western nations", "potash", "remain")}


def test_without_sanctions_on_x_the_documents_country_is_the_target_when_named():
    text = "After the attack on Israel, Washington agreed that Iran could not draw on the funds, tightening the restrictions."
    assert [t for _, t, _, _ in one(text, "Iran")] == ["Iran"]


def _facts_of(*texts):
    import datetime as dt

    import polars as pl

    from flows.extraction.facts import extract_facts

    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts),
                         "published_at": [dt.date(2024, 5, 1)] * len(texts), "source_path": [f"{i}.txt" for i in range(len(texts))],
                         "title": [None] * len(texts), "status": ["loaded"] * len(texts)})
    return extract_facts(docs)["sanction_mentions"]


@pytest.mark.parametrize("text, expected", [
    # the move in one sentence, its designees listed in the next (real reports do this)
    ("The Treasury on Friday sanctioned Ruritania's interior minister Jan Kowal and 7 others over the crackdown. "
     "Others sanctioned are police chief Adam Nowak, former chief Piotr Zielinski and justice minister Anna Wrobel.",
     {"Jan Kowal", "Adam Nowak", "Piotr Zielinski", "Anna Wrobel"}),
    ("The European Union imposed sanctions on Ruritanian officials on Monday. Among those listed are Tomasz Duda, "
     "Karol Mazur and Ewa Krol.", {"Tomasz Duda", "Karol Mazur", "Ewa Krol"}),
    ("Britain imposed sanctions on Ruritanian officials. Tomasz Duda and Ewa Krol were also designated, the "
     "Foreign Office said.", {"Tomasz Duda", "Ewa Krol"}),
    ("Canada imposed new sanctions on Ruritania. The list also includes former defence minister Karol Mazur.",
     {"Karol Mazur"}),
    # a speaker after the cue is no designee; a list with no move in the document is nothing
    ("Canada imposed sanctions on Ruritania. The sanctions target the banking sector, said analyst John Smith.", set()),
    ("Among those listed are Tomasz Duda and Ewa Krol, the magazine said of its yearly ranking.", set()),
    # a colon list, one name a line, given names the lexicon does not know
    ("Canada announced new sanctions on Ruritanian officials. The individuals added to the list include:\n"
     "Quanguo Chenwu\nErkinyaz Tuni\nShohrat Zakiro\nIn response, the group thanked the government.",
     {"Quanguo Chenwu", "Erkinyaz Tuni", "Shohrat Zakiro"}),
    # a described name is the name; a piece of a longer company name is no person
    ("Canada imposed new sanctions on Ruritanian officials. Others sanctioned are Ruritania-linked Alexander "
     "Abramov and Ewa Krol.", {"Alexander Abramov", "Ewa Krol"}),
    ("Canada imposed new sanctions on Ruritania. Targets of the sanctions include the Ruritania Savings "
     "and Commercial Bank.", set()),
    # a sentence right after a move on a group, whose words say nothing of sanctions, lists that group (session 18)
    ("Britain imposed sanctions on five people. They are Tomasz Duda, Karol Mazur and Ewa Krol.",
     {"Tomasz Duda", "Karol Mazur", "Ewa Krol"}),
    ("The European Union imposed sanctions on 12 people on Monday. Among them is the interior minister, Tomasz Duda. "
     "Also listed is Ewa Krol, the head of the prison service.", {"Tomasz Duda", "Ewa Krol"}),
    # "Also hit were", "face travel bans", "are banned from entering": after any move of the document (session 18)
    ("The European Union imposed sanctions on Ruritanian officials on Monday. Also hit were Tomasz Duda and Ewa Krol.",
     {"Tomasz Duda", "Ewa Krol"}),
    ("The European Union imposed sanctions on Ruritanian officials on Monday. Tomasz Duda, the police chief, and his deputy Ewa "
     "Krol face travel bans and asset freezes.", {"Tomasz Duda", "Ewa Krol"}),
    ("The European Union imposed sanctions on Ruritanian officials on Monday. Tomasz Duda and Ewa Krol are banned from entering "
     "the bloc.", {"Tomasz Duda", "Ewa Krol"}),
    ("The European Union imposed sanctions on Ruritanian officials on Monday. Tomasz Duda said the measures would face a legal "
     "challenge.", set()),
    # a regime's past told in background: its leader is no designee
    ("The European Union imposed sanctions on Ruritanian officials on Monday. The regime, led by Tomasz Duda, has faced "
     "sanctions for years.", set()),
    # ... never after a move on a state, nor far from the move
    ("Ruritania freed 52 prisoners on Friday. The US imposed sanctions on Ruritania last year. The freed were flown "
     "abroad. Among them were Tomasz Duda and Ewa Krol.", set()),
    ("Britain imposed sanctions on five people. The move angered the capital. The ministry protested. The "
     "government said it would respond. They are led by Tomasz Duda, the president.", set()),
])
def test_designees_listed_after_the_move_are_its_targets(text, expected):
    rows = _facts_of(text)
    people = rows.filter(rows["target_type"] == "person")
    assert set(people["target"]) == expected
    if expected:  # each takes the move's issuer and action
        moves = rows.filter(rows["target_type"] != "person")
        issuers = set(moves["issuer"]) or set(people["issuer"])
        assert set(people["issuer"]) <= issuers and set(people["action"]) == {"imposed"}


@pytest.mark.parametrize("text, issuer", [
    ("New Zealand imposes further sanctions on Myanmar's political elite.", "New Zealand"),
    ("The UN Security Council imposed sanctions on Myanmar.", "United Nations"),
    ("Norway imposed sanctions on Myanmar.", "Norway"),
    ("South Korea imposed sanctions on Myanmar.", "South Korea"),
])
def test_every_listed_sanctioning_body_is_named_by_its_words(text, issuer):
    """Each body of flows/language/issuers.py has words that name it (New Zealand, Norway and South Korea
    had none: their moves had no issuer)."""
    rows = _facts_of(text)
    assert set(rows["issuer"]) == {issuer}


@pytest.mark.parametrize("text, target", [
    ("The EU imposed an asset freeze and travel ban on eight Burmese officials.", "eight Burmese officials"),
    ("Britain imposed travel bans on three Burmese generals and their wives.", None),
])
def test_the_targets_of_asset_freezes_and_travel_bans(text, target):
    """'an asset freeze and travel ban on eight officials' names its targets after the measures, as
    'sanctions on' does (they fell back on the document's country)."""
    rows = _facts_of(text)
    if target is None:
        assert "country" not in set(rows["target_type"])
    else:
        assert set(rows["target"]) == {target}


def test_a_name_in_a_list_of_designees_is_a_person_and_a_body_is_not():
    """Listed as designees, names whose given name no lexicon knows are people (name candidates marked so,
    hence in the people table); a state body in the list is neither a person nor a person target."""
    import datetime as dt

    import polars as pl

    from flows.extraction.facts import extract_facts

    text = ("Canada announced new sanctions on Burmese officials. Others sanctioned are Quanguo Chenwu, "
            "Erkinyaz Tuni and the Presidential Security Directorate.")
    out = extract_facts(pl.DataFrame({"doc_id": ["d0"], "text": [text], "published_at": [dt.date(2024, 5, 1)],
                                      "source_path": ["a.txt"], "title": [None], "status": ["loaded"]}))
    people = set(out["name_candidates"].filter(pl.col("is_person"))["surface"])
    assert {"Quanguo Chenwu", "Erkinyaz Tuni"} <= people and not any("Directorate" in p for p in people)
    targets = out["sanction_mentions"].filter(pl.col("target_type") == "person")["target"]
    assert set(targets) == {"Quanguo Chenwu", "Erkinyaz Tuni"}


# issue 22, class 10: counted groups of targets in the page's words (flows/extraction/sanction_groups.py)
@pytest.mark.parametrize("text, expected", [
    ("The ministry imposed sanctions on 12 individuals and three entities over the crackdown.",
     {("12 individuals", "officials"), ("three entities", "company")}),
    ("New Zealand imposed sanctions on 40 oligarchs including businessman Karol Mazur and 17 Ruritania-backed office "
     "holders.",
     # (a group bigger than the names it gives stays: the rest are unnamed targets; issue 22, class 10)
     {("40 oligarchs", "officials"), ("17 Ruritania-backed office holders", "officials")}),
    ("Japan froze the assets of nine Ruritanian organisations and 31 individuals.",
     {("nine Ruritanian organisations", "company"), ("31 individuals", "officials")}),
    ("Washington imposed sanctions on Ruritania, and nine Ruritanian nationals were sanctioned too.",
     {("nine Ruritanian nationals", "officials")}),
    ("Australia imposed financial sanctions on four Kenyans and one Kenyan business for selling drones.",
     {("four Kenyans", "officials"), ("one Kenyan business", "company")}),
    # the named members are the targets, not their count, where they are all of it; a count bigger than the names
    # given stays for the unnamed rest (issue 22, class 10)
    ("Ottawa imposed sanctions on two entities, namely Ruritania's Border Guard and the Coastal Watch.", set()),
    ("Ottawa imposed sanctions on 13 individuals and two entities, including Ruritania's Border Guard.",
     {("13 individuals", "officials"), ("two entities", "company")}),
    # a hedged count, a dozen, ships and cartels are counts and heads too (issue 22, class 10)
    ("Washington imposed sanctions on the minister in July and has since targeted around 30 other officials.",
     {("30 other officials", "officials")}),
    ("The State Department imposed sanctions on half a dozen Ruritanian cartels on Friday.",
     {("half a dozen Ruritanian cartels", "company")}),
    ("The bloc also imposed sanctions on four Ruritanian ships over the oil trade.",
     {("four Ruritanian ships", "company")}),
    # a count of years, or a count with no sanctions scope before it, is no group
    ("Britain imposed sanctions on Ruritania after a court jailed him for 25 years.", set()),
])
def test_counted_groups_are_targets_in_the_pages_words(text, expected):
    from flows.extraction.sanction_groups import GENERIC_GROUP_RE, group_size

    rows = one(text, "Ruritania")
    groups = {(t, tt) for _, t, tt, _ in rows if tt in ("officials", "company") and group_size(t)}
    assert groups == expected
    if expected:  # the generic row the target finder gave the sentence gives way to the groups
        assert not any(GENERIC_GROUP_RE.match(t or "") for _, t, tt, _ in rows if tt == "officials")


def test_a_counted_group_the_document_names_in_full_is_those_names():
    """"sanctions on two officials" and then the two of them by name: two moves, no group row beside them; a
    group bigger than the names given stays."""
    rows = _facts_of("Canada imposed sanctions on two Ruritanian officials on Monday. Among those listed are "
                     "Tomasz Duda and Ewa Krol.",
                     "Canada imposed sanctions on 30 Ruritanian officials on Monday. Among those listed are "
                     "Tomasz Duda and Ewa Krol.")
    first = set(rows.filter(rows["doc_id"] == "d0")["target"])
    second = set(rows.filter(rows["doc_id"] == "d1")["target"])
    assert {"Tomasz Duda", "Ewa Krol"} <= first and "two Ruritanian officials" not in first
    assert {"Tomasz Duda", "Ewa Krol", "30 Ruritanian officials"} <= second


# issue 22, class 10: a cue that says what the listed names are (sanction_groups.cue_listed_targets)
@pytest.mark.parametrize("text, expected, action", [
    ("London sanctioned settlers on Friday. The sanctioned outposts are the Cedar Hill Farm, Makhrot, and Givat Lev.",
     {("Cedar Hill Farm", "company"), ("Makhrot", "company"), ("Givat Lev", "company")}, "imposed"),
    ("London sanctioned settlers on Friday. The targeted organisations are the Beit Orot Fund, “a charity that "
     "funds outposts”; Har Tzvi, a youth group; and Nachala, a building company.",
     {("Beit Orot Fund", "company"), ("Har Tzvi", "company"), ("Nachala", "company")}, "imposed"),
    ("The EU renewed its sanctions on Ruritania. Also removed from the sanctions list were Pavel Orlov, a former "
     "banker, and Slovak citizen Marek Hudak, a club president.",
     {("Pavel Orlov", "person"), ("Marek Hudak", "person")}, "lifted"),
    ("The EU renewed its sanctions on Ruritania. Among those penalised are Igor Volkov, the head of the secret "
     "police, and Oleg Sidorov, a deputy minister.",
     {("Igor Volkov", "person"), ("Oleg Sidorov", "person")}, "imposed"),
])
def test_a_cue_tells_what_the_listed_names_are(text, expected, action):
    rows = _facts_of(text)
    found = {(t, tt) for t, tt in rows.select("target", "target_type").iter_rows() if tt in ("person", "company")}
    assert found == expected
    if action:
        assert set(rows.filter(rows["target"].is_in([n for n, _ in expected]))["action"]) == {action}


def test_descriptions_in_brackets_name_no_listed_target():
    """"The targets include chairs of big firms (including A, B and C)": the firms say whose chairs they are."""
    from flows.extraction.sanction_groups import cue_listed_targets

    assert cue_listed_targets("The targets include chairs of big firms (including Orbis Group, Polar Bank and "
                              "Tundra Oil).") == ([], None)
    assert cue_listed_targets("The targets include Orbis Group and Polar Bank.")[0] == [
        ("Orbis Group", 20, "company"), ("Polar Bank", 36, "company")]


@pytest.mark.parametrize("line, expected", [
    ("- KOWAL Janusz— a politician, serving since 2019 as party head;", ("Kowal Janusz", "person")),
    ("• Former head of Polarchem Vladimir Sidorenko;", ("Vladimir Sidorenko", "person")),
    ("• Businessman Pavel Moshe Orlov;", ("Pavel Moshe Orlov", "person")),
    ("• Former head of the Ruritanian Jewish Congress;", None),
])
def test_bullet_items_in_capitals_or_after_a_description(line, expected):
    from flows.extraction.designations import bullet_target

    assert bullet_target(line) == expected


def test_a_bullet_read_as_no_target_keeps_the_list_going():
    text = ("The EU extended its sanctions on Ruritania. It is reported that these individuals have been removed "
            "from the sanctions lists:\n• Former head of the Ruritanian Jewish Congress;\n• Businessman Pavel Moshe "
            "Orlov;\n• Sports Minister Igor Volkov.")
    rows = _facts_of(text)
    people = rows.filter(rows["target_type"] == "person")
    assert set(people["target"]) == {"Pavel Moshe Orlov", "Igor Volkov"} and set(people["action"]) == {"lifted"}


# issue 22, class 10: armed and criminal groups named as bodies are, and lists of two bodies
@pytest.mark.parametrize("text, expected", [
    ("The Treasury announced new sanctions against the Northern Ruritania Cartel (NRC), a crime group.",
     {"Northern Ruritania Cartel"}),
    ("OFAC imposed sanctions on the Cartel del Valle Alto on Friday.", {"Cartel del Valle Alto"}),
    ("Washington kept its sanctions on the Sunrise Network in place.", {"Sunrise Network"}),
    ("Australia imposed sanctions on two entities, including Kenya's Moral Police and Volunteer Resistance "
     "Force.", {"Moral Police", "Volunteer Resistance Force"}),
])
def test_named_armed_groups_and_bodies_are_targets(text, expected):
    rows = one(text, "Ruritania")
    assert {t for _, t, tt, _ in rows if tt == "officials"} == expected


def test_a_counted_group_takes_the_place_of_the_documents_country():
    """"sanctions against four <demonym> settlers": the settlers, not the document's country as a stand-in."""
    rows = one("Britain has imposed sanctions against four Israeli settlers over attacks.", "Israel")
    assert [(t, tt) for _, t, tt, _ in rows] == [("four Israeli settlers", "officials")]
    rows = one("Canada imposed sanctions on eight former and current senior Kenyan officials on Tuesday.", "Kenya")
    assert [t for _, t, _, _ in rows] == ["eight former and current senior Kenyan officials"]


def test_the_documents_country_stands_in_only_where_no_target_is_named():
    """"The penalties include a travel ban and an asset freeze" names no target: the document's country stood in.
    Where the document names the move's targets (same action and issuer) that stand-in is dropped; a move by
    another issuer, a sentence that names the country, and what remains in place keep it (issue 22, class 10)."""
    named = ("The EU imposed sanctions on Kenyan officials Peter Otieno and Paul Mwangi over the crackdown. "
             "The penalties include an EU travel ban and an asset freeze.")
    rows = [(i, t) for i, t, _, _ in one_doc(named, "Kenya")]
    assert ("European Union", "Kenya") not in rows and ("European Union", "Peter Otieno") in rows
    other = named + " The United States also announced new sanctions."
    assert ("United States", "Kenya") in [(i, t) for i, t, _, _ in one_doc(other, "Kenya")]
    alone = "The EU announced new sanctions. The penalties include an EU travel ban and an asset freeze."
    assert ("European Union", "Kenya") in [(i, t) for i, t, _, _ in one_doc(alone, "Kenya")]


def one_doc(text, country):
    m = extract_sanction_mentions(sentences_of(text), {"d1": country})
    return [(r["issuer"], r["target"], r["target_type"], r["action"]) for r in m.to_dicts()]


@pytest.mark.parametrize("sentence, expected", [
    ("Britain had already sanctioned the judge who presided over the trial, Ivan Petrenko, and the head of the jail "
     "where he is held, Oleg Sidorov.", ["Ivan Petrenko", "Oleg Sidorov"]),
    ("The resolution sanctions notorious gang leader, Marc Duval, a former police officer.", ["Marc Duval"]),
    # a phrase after "sanctions on" is no role; a company is no person
    ("Washington will remove sanctions on the oligarch's smelting company, Polar Metals Co., next month.", []),
    ("The US sanctioned the country, Kenya, last year.", []),
])
def test_a_person_named_in_apposition_to_a_designated_role(sentence, expected):
    from flows.extraction.sanction_groups import appositive_targets

    assert [n for n, _, _ in appositive_targets(sentence)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Britain imposed sanctions on six Kenyan officials. The restrictions also affected forensic expert Paul Mwangi, "
     "who testified at the trial.", {"Paul Mwangi"}),
    ("The Treasury imposed sanctions on Kenyan officials on Tuesday. Among the individuals, Peter Otieno is a cell "
     "leader who moved drugs, while Paul Mwangi, another leader, supplies cocaine, said the agency.",
     {"Peter Otieno", "Paul Mwangi"}),
    # a plural of the move's targets, then "include"; "are also targeted" after the names
    ("Japan imposed new sanctions on a number of Ruritanian officials on Friday. The officials include Prime "
     "Minister Tomas Berko, parliament speaker Ilona Varga and defence chief Marek Halas.",
     {"Tomas Berko", "Ilona Varga", "Marek Halas"}),
    ("Britain imposed fresh sanctions on Ruritanian businesses and individuals. Individuals include Oskar Lind, "
     "founder of a bank; Petra Ostrova, a billionaire; and Ivan Kessler, a mayor's adviser.",
     {"Oskar Lind", "Petra Ostrova", "Ivan Kessler"}),
    ("Canada imposed sanctions on Ruritanian officials. State broadcaster chief Dana Morek and former general "
     "Pavel Ruzic are also targeted under the measures.", {"Dana Morek", "Pavel Ruzic"}),
    # no move in the document: a list of officials is nothing
    ("The officials include Prime Minister Tomas Berko and parliament speaker Ilona Varga, the paper said.", set()),
    # names placed on a body's list: listed, whatever the list is called (issue 22, class 10)
    ("Defence Minister Tomas Berko and Interior Minister Ilona Varga were placed on the Treasury's sanctions "
     "blacklist, which freezes their assets.", {"Tomas Berko", "Ilona Varga"}),
    ("Ilona Varga was put on the bloc's terrorist list on Tuesday.", {"Ilona Varga"}),
    # "has also been placed on the list": the list the document's move made (session 17)
    ("Moscow imposed sanctions on 25 Ruritanian officials on Tuesday. Army chief Ivan Petrov has also been placed "
     "on the list, along with a number of department heads, the post adds.", {"Ivan Petrov"}),
    ("Moscow imposed sanctions on 25 Ruritanian officials on Tuesday. Army chief Ivan Petrov has also been "
     "sanctioned.", {"Ivan Petrov"}),
    ("Moscow imposed sanctions on 25 Ruritanian officials on Tuesday. Its author Ivan Petrov was placed on the list "
     "of the best novelists.", set()),
    ("The agency published its list of banned books on Monday. Author Ivan Petrov was placed on the list.", set()),
    ("The decree was put on the agenda of the council by Tomas Berko.", set()),
])
def test_more_cues_of_designees_in_a_sentence_of_their_own(text, expected):
    rows = _facts_of(text)
    assert set(rows.filter(rows["target_type"] == "person")["target"]) == expected


def test_a_listed_firm_named_for_what_it_does_stays_a_company_target():
    # "<A> Technologies Products" is no person's name since session 17; the list of designees still reads it as a
    # company (a guard: the first version of that change lost the firm)
    rows = _facts_of("Iran imposed sanctions on 15 Ruritanian companies on Friday. The companies include Varden "
                     "Technologies Products, Orlen Trading and Halden Group.")
    got = {(t, tt) for t, tt in rows.select("target", "target_type").iter_rows()}
    assert ("Varden Technologies Products", "company") in got, got


@pytest.mark.parametrize("text, absent, present", [
    # the bodies of a plural role in brackets say whose chairs are targets; they are not targets themselves
    ("Canada imposed sanctions on Kenya. The targets include the chairs and major shareholders of some of Kenya’s "
     "biggest companies (including Alfa Group, Bank Nairobi and Reneva Group).",
     {"Alfa Group", "Bank Nairobi", "Reneva Group"}, set()),
    ("Canada imposed sanctions on Kenya. The targets include Alfa Group and Bank Nairobi.", set(),
     {"Alfa Group", "Bank Nairobi"}),
    # an office held in a body names no body target ("commissioner of the <Police Force>")
    ("Washington sanctioned Kenyan officials. The sanctioned individuals include Peter Otieno, director of the "
     "Affairs Office, and Paul Mwangi, commissioner of the Police Force.", {"Police Force"},
     {"Peter Otieno", "Paul Mwangi"}),
])
def test_bodies_that_say_whose_role_it_is_are_no_targets(text, absent, present):
    targets = {t for _, t, _, _ in one_doc(text, "Kenya")}
    assert not targets & absent and present <= targets


def test_one_target_after_a_cue_in_the_singular():
    from flows.extraction.sanction_groups import cue_listed_targets

    assert cue_listed_targets("The sanctioned entity, Northern Institute for Applied Chemistry, is subject to an "
                              "asset freeze.")[0] == [("Northern Institute for Applied Chemistry", 23, "company")]
    assert cue_listed_targets("The designated individual, Peter Otieno, ran the prison.")[0] == [
        ("Peter Otieno", 27, "person")]
    assert cue_listed_targets("The sanctioned entity was fined last year.") == ([], None)


def test_a_sector_named_with_the_word_sector_beside_other_targets():
    rows = one_doc("Since the war began, Australia has sanctioned hundreds of Kenyan individuals and entities, including "
                   "most of Kenya's banking sector.", "Kenya")
    assert ("Australia", "banking sector", "sector", "imposed") in rows


@pytest.mark.parametrize("sentence, expected", [
    ("Washington is placing sanctions on 11 Kenyan officials and their allies in Mombasa, including Chief Executive "
     "Amani Wekesa, over the crackdown.", ["Amani Wekesa"]),
    ("The six Kenyans, including Juma Otieno, chief of the domestic policy office, are subject to a travel ban and "
     "an asset freeze.", ["Juma Otieno"]),
    ("In May nine Kenyan nationals were sanctioned, including senior cartel member Baraka Kiprono, and 20 firms.",
     ["Baraka Kiprono"]),
    ("Sanctions target 40 oligarchs including Nairobi-linked Peter Otieno and 17 office holders.", ["Peter Otieno"]),
    # a person named in the reason, or whose relatives are meant, is no member of the targeted group
    ("The EU imposed sanctions over the arrest of dissidents, including Juma Otieno.", []),
    ("It approved sanctioning a further 200 individuals, including two of President Amani Wekesa's daughters.", []),
    ("Canada sanctioned several firms, including Polar Bank and Tundra Oil.", []),
])
def test_named_members_of_a_targeted_group_of_people(sentence, expected):
    from flows.extraction.sanction_groups import included_people

    assert [n for n, _, _ in included_people(sentence)] == expected


def test_a_counted_group_whose_members_the_sentence_names_is_those_members():
    rows = one_doc("In May two Kenyan nationals were sanctioned by the United States, including senior cartel member "
                   "Baraka Kiprono and his deputy Juma Otieno.", "Kenya")
    assert [t for _, t, _, _ in rows] == ["Baraka Kiprono", "Juma Otieno"]


def test_a_counted_group_bigger_than_the_names_it_gives_stays_for_the_rest():
    """"nine nationals, including <A>": <A> and the nine (eight of them unnamed) are targets (issue 22, class 10)."""
    rows = one_doc("In May nine Kenyan nationals were sanctioned by the United States, including senior cartel member "
                   "Baraka Kiprono.", "Kenya")
    assert sorted(t for _, t, _, _ in rows) == ["Baraka Kiprono", "nine Kenyan nationals"]


def test_a_surname_alone_as_the_object_of_a_designation():
    """"In April the Treasury sanctioned <Surname>, along with dozens of others": a person the document names in
    full, designated by surname; a capitalised word nobody names in full is no person."""
    named = ("Washington has long targeted the Kenyan tycoon Amani Wekesa. In April, the Treasury sanctioned Wekesa, "
             "along with dozens of other Kenyan businessmen.")
    assert ("Wekesa", "person") in [(t, tt) for _, t, tt, _ in one_doc(named, "Kenya")]
    alone = "In April, the Treasury sanctioned Mombasa, along with dozens of other ports."
    assert "person" not in [tt for _, _, tt, _ in one_doc(alone, "Kenya")]


def test_one_person_one_row_and_no_nationality_group_beside_the_names():
    """"<Given> <Surname>" and "<Surname> was sanctioned" in one document are one target; "sanctions on <demonym>
    individuals" beside the people it names is those people (issue 22, class 10)."""
    rows = _facts_of("Washington imposed sanctions on Kenyan officials, including Chief Executive Amani Wekesa. "
                     "Wekesa was sanctioned because she ran the police, the agency said.",
                     "The EU imposed sanctions on Kenyan individuals on Monday. It also imposed sanctions on judge "
                     "Peter Otieno and Paul Mwangi.")
    first = set(rows.filter(rows["doc_id"] == "d0")["target"])
    second = set(rows.filter(rows["doc_id"] == "d1")["target"])
    assert "Amani Wekesa" in first and "Wekesa" not in first
    assert {"Peter Otieno", "Paul Mwangi"} <= second and "Kenyan individuals" not in second


def test_a_company_s_trade_named_with_industry_is_no_second_target():
    """"sanctions on <company>, the heart of the potash industry": the company is the target; the sector word only
    says what it trades (the seeds gold holds the company alone)."""
    rows = one_doc("The US lifted sanctions on Belarus Potash Company, a pillar of the country's potash industry.",
                   "Belarus")
    assert "potash industry" not in [t for _, t, _, _ in rows]


# issue 22, session 5: precision on the structures that made false sanction rows on the development sets


@pytest.mark.parametrize("text", [
    # a wish or a readiness is no move (was 'lifted' / 'tightened')
    "The president has said he wants to end most sanctions relief for the republic.",
    "The bloc says it is also prepared to extend sanctions to three more Bolivian firms.",
    "The council stands ready to impose further sanctions on Bolivia.",
    "The parties agreed to keep talking, understanding the need to lift the sanctions against the Bolivian state.",
])
def test_wish_or_readiness_is_only_proposed(text):
    actions = {r[3] for r in one(text, "Bolivia")}
    assert actions <= {"proposed"}


def test_sanctions_described_by_a_participle_that_remain_were_not_imposed_again():
    rows = one("All other restrictions imposed by the United States on Bolivia remain in place, the Treasury said.")
    assert {r[3] for r in rows} == {"remain"}
    assert ("United States", "Bolivia", "country", "remain") in rows


@pytest.mark.parametrize("text", [
    "Japan decided to impose sanctions on nine entities based in Bolivia and two Peruvian firms.",
    "The UK on Monday announced sanctions against \"extremist Bolivian settlers who attacked farmers in the valley.",
    "Britain has imposed sanctions against the heads of the prison camp, where the Bolivian dissident died.",
    "The Treasury imposed sanctions on multiple entities linked to a Bolivian smuggling ring.",
])
def test_a_group_of_people_or_firms_is_not_their_country(text):
    assert not [r for r in one(text, "Bolivia") if r[2] == "country"]


def test_a_country_named_as_the_target_is_still_one():
    assert ("European Union", "Bolivia", "country", "imposed") in one(
        "The EU imposed sanctions on Bolivia and its central bank over the coup.")


@pytest.mark.parametrize(("text", "wrong"), [
    ("The decision, taken by EU energy ministers, refers to sanctions first introduced in 2014.", "energy"),
    ("Treasury officials lifted sanctions against aluminium giant Zeta Metals Group on Sunday.", "aluminium"),
])
def test_a_sector_word_that_says_who_is_no_sector_target(text, wrong):
    assert wrong not in {r[1] for r in one(text, "Bolivia")}


def test_a_country_before_a_named_person_is_the_persons():
    rows = one("The U.S. government on Friday sanctioned Bolivia leader Marta Kovalenko and ten others.", "Bolivia")
    assert ("United States", "Marta Kovalenko", "person", "imposed") in rows
    assert not [r for r in rows if r[2] == "country"]


def test_a_stand_in_country_goes_when_the_same_body_named_the_targets_under_another_name():
    rows = one("Britain imposed sanctions on Bolivian prison governor Oleg Varenko. "
               "The UK is the first country to impose sanctions in response to the death of the writer.", "Bolivia")
    assert ("United Kingdom", "Oleg Varenko", "person", "imposed") in rows
    assert not [r for r in rows if r[2] == "country"]


@pytest.mark.parametrize("text", [
    "The foreign minister added that the U.S. would impose visa restrictions on officials in Bolivia.",
    "Bern said it will adopt the package of sanctions against Bolivia on Monday.",
])
def test_a_decision_reported_with_said_or_added_is_done(text):
    assert {r[3] for r in one(text, "Bolivia")} == {"imposed"}


def test_a_modal_after_said_still_hedges():
    assert {r[3] for r in one("The minister said the E.U. could impose sanctions on Bolivia.", "Bolivia")} == {"proposed"}


def test_a_country_in_the_reason_is_no_named_target():
    rows = one("Britain imposed sanctions on prison governor Oleg Varenko. "
               "The UK is the first country to impose sanctions in response to the death of a Bolivian writer.", "Bolivia")
    assert not [r for r in rows if r[2] == "country"]


@pytest.mark.parametrize(("text", "name"), [
    ("Tribunal Prosecutor Maria Elena Ortiz is the first person to be hit with the travel and asset sanctions the "
     "United States authorized last week.", "Maria Elena Ortiz"),
    ("The White House named Oleg Varenko, the court's registrar, as the first official to be designated for sanctions "
     "under the order.", "Oleg Varenko"),
])
def test_the_first_person_to_be_sanctioned_is_a_target(text, name):
    assert (name, "person", "imposed") in [(r[1], r[2], r[3]) for r in one(text)]


@pytest.mark.parametrize(("text", "wrong"), [
    ("Financial sanctions and travel bans were imposed on 15 individuals, including the president.", "financial"),
    ("New sanctions and trade bans on Bolivia in response to the vote.", "trade"),
    ("Among those exempted from the sanctions list is Ivan Petrov, the founder of Zetaco, Bolivia's leading technology "
     "firm.", "technology"),
])
def test_the_kind_of_measure_or_a_firms_trade_is_no_sector_target(text, wrong):
    assert wrong not in {r[1] for r in one(text, "Bolivia")}


def test_a_counted_group_before_a_designating_participle_is_a_target():
    rows = one("Bern stated it would immediately freeze the assets of President Ivan Petrov, as well as all 120 "
               "individuals sanctioned last week by the European Union.", "Bolivia")
    assert "120 individuals" in {r[1] for r in rows}


@pytest.mark.parametrize("text", [
    "The activist won the passage of the Magnitsky Act in the United States, which imposes an entry ban and asset "
    "freeze on Bolivian officials responsible for abuses.",
    "Section 231 of the act requires that at least five of the twelve sanctions listed in Section 235 be imposed on "
    "any person who trades with Bolivia.",
    "The Special Economic Measures (Bolivia) Regulations are a set of legal measures imposed by Canada to sanction "
    "people involved in abuses in Bolivia.",
])
def test_what_a_law_does_is_no_move(text):
    assert one(text, "Bolivia") == []


def test_a_move_under_a_law_is_still_a_move():
    assert ("United Kingdom", "Bolivia", "country", "imposed") in one(
        "Under the Magnitsky Act, Britain imposed sanctions on Bolivia.", "Bolivia")


def test_a_tail_of_a_full_name_is_the_same_person():
    import polars as pl
    from flows.extraction.sanction_groups import one_name_per_person
    rows = [("d1", "person", "imposed", t) for t in ("Marta de Souza", "de Souza")]
    sm = pl.DataFrame(rows, schema=["doc_id", "target_type", "action", "target"], orient="row")
    assert one_name_per_person(sm)["target"].to_list() == ["Marta de Souza"]


def test_a_person_in_apposition_to_a_passive_designation_is_a_target():
    rows = one("The founder of the smuggling ring, Oleg Varenko, was previously sanctioned by Britain in 2021.", "Bolivia")
    assert ("United Kingdom", "Oleg Varenko", "person", "imposed") in rows


# a country the sentence only mentions in passing, by its demonym, in a reason too long to be cut off
_PASSING = ("Britain is the first country to impose sanctions in response to the death of the activist, a lawyer who "
            "spent his whole career exposing abuses in the Kenyan penal system and calling for open courts, free "
            "elections and an end to detention without trial in every region of his country.")


def test_a_demonym_in_passing_names_no_target_beside_a_bullet_list_of_designees():
    """The document's country stands in for the unsaid target of the closing sentence; the bullet list names
    the people the move hit, so the stand-in goes (issue 22, class 10)."""
    text = ("Britain imposed sanctions on the heads of a Kenyan prison on Friday. Those sanctioned include:\n"
            "- Colonel Peter Otieno, the governor.\n- Major Paul Mwangi, his deputy.\n" + _PASSING)
    rows = [(i, t) for i, t, _, _ in one_doc(text, "Kenya")]
    assert rows == [("United Kingdom", "Peter Otieno"), ("United Kingdom", "Paul Mwangi")]
    # a sentence naming the country itself keeps it
    named = text.replace(_PASSING, "Britain imposed sanctions on Kenya in response to the death of the activist.")
    assert ("United Kingdom", "Kenya") in [(i, t) for i, t, _, _ in one_doc(named, "Kenya")]


def test_the_stand_in_goes_beside_designees_a_later_sentence_lists():
    """Designees found by the list rule ("Others sanctioned are ...", run after the sentence rules) remove the
    stand-in country as names found in the move's own sentence do."""
    text = ("Kenya's prisons were criticised. Britain imposed sanctions on the heads of a Kenyan prison on Friday. "
            "Others sanctioned are Peter Otieno and Paul Mwangi. " + _PASSING)
    rows = {(r["issuer"], r["target"], r["target_type"]) for r in _facts_of(text).to_dicts()}
    assert rows == {("United Kingdom", "Peter Otieno", "person"), ("United Kingdom", "Paul Mwangi", "person")}
    # without designees the stand-in is the move's target
    alone = "Kenya's prisons were criticised. " + _PASSING
    assert ("United Kingdom", "Kenya", "country") in {
        (r["issuer"], r["target"], r["target_type"]) for r in _facts_of(alone).to_dicts()}


def test_co_issuers_of_one_sentence_are_one_joint_move_in_their_words():
    """"The US and Britain both announced sanctions on X" is found as one mention per body; the move stays one
    row per body's code (issue 25) but told in one voice, the joined words, as the gold writes a joint move.
    Another sentence's issuer keeps its own words."""
    sanctions = _consolidated({"a": "The US and Britain both announced new sanctions on Kenya on Thursday. "
                                    "Australia imposed further sanctions on Kenya on Thursday."})
    rows = {(r["issuer"], r["issuer_text"], r["target"]) for r in sanctions.to_dicts()}
    assert rows == {("US", "US and Britain", "Kenya"), ("UK", "US and Britain", "Kenya"),
                    ("AU", "Australia", "Kenya")}
    # one body named in two sentences by two names is still one move, told in one voice
    alias = _consolidated({"a": "The US Treasury imposed sanctions on Kenya on Thursday. "
                                "Washington imposed the sanctions on Kenya over the crackdown."})
    assert alias["issuer"].to_list() == ["US"] and alias["issuer_text"].n_unique() == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group put on or taken off a terrorism list is the target, not the country it fights in (issue 22, class 9)
        ("Washington said it would revoke the terrorist designation of Ruritania's Crimson Front group.",
         ("United States", "Crimson Front group", "officials", "proposed")),
        ("Blacklisting of Ruritania's Tarbalites to Be Lifted Next Month, Minister Says",
         (None, "Tarbalites", "officials", "lifted")),
        ("The State Department designated the Tarbalites as a foreign terrorist organisation in 2019.",
         ("United States", "Tarbalites", "officials", "imposed")),
        ("The minister plans to remove the Crimson Front from the Foreign Terrorist Organization list.",
         (None, "Crimson Front", "officials", "proposed")),
        ("Washington has re-designated Kenya as a state sponsor of terrorism, officials said.",
         ("United States", "Kenya", "country", "imposed")),
    ],
)
def test_a_group_on_or_off_a_terrorism_list_is_the_target(text, expected):
    assert expected in one(text, "Ruritania")


def test_a_listing_by_an_earlier_government_undone_was_imposed_then():
    rows = one("The move, reversing the previous government's blacklisting of the Tarbalites, eases aid deliveries.",
               "Ruritania")
    assert (None, "Tarbalites", "officials", "lifted") in rows
    assert (None, "Tarbalites", "officials", "imposed") in rows


@pytest.mark.parametrize(
    "text",
    [
        # named firms beside the group they make up, before or after it (issue 22, class 10)
        "The Treasury has sanctioned Zetakali and Morvex, Ruritania's two biggest steel producers, on Monday.",
        "Washington imposed blocking sanctions on the two largest Ruritanian steel producers – Zetakali and Morvex.",
        "Britain sanctioned both Zetakali and Morvex last week.",
    ],
)
def test_named_firms_of_a_counted_group_are_each_a_target(text):
    rows = one(text, "Ruritania")
    assert {r[1] for r in rows if r[2] == "company"} == {"Zetakali", "Morvex"}
    assert not [r for r in rows if r[2] == "sector"]  # "steel producers" says what the firms are


def test_members_of_a_named_circle_are_the_included_people():
    # "members of his inner circle, including ...": whose circle is no reason between group and names; a role
    # written before the next name ("his son A B") is not a description to skip (issue 22, class 10)
    rows = one("Washington also designated several members of his inner circle, including his wife Maria Ochoa, "
               "his son Pablo Ochoa, and Finance Minister Rafael Duarte.", "Kenya")
    assert {t for _, t, kind, _ in rows if kind == "person"} == {"Maria Ochoa", "Pablo Ochoa", "Rafael Duarte"}


@pytest.mark.parametrize("text, expected", [
    # a move on a counted group of people, its members named in a sentence of their own soon after (issue 22, class 10)
    ("Ottawa is imposing sanctions on three more people over the violence in Kenya. The foreign ministry says gang "
     "leaders Peter Otieno, James Kamau and David Njoroge have fuelled the unrest.",
     {"Peter Otieno", "James Kamau", "David Njoroge"}),
    ("Britain announced sanctions against two Russians accused of the plot. The statement was brief. Ivan Sokolov "
     "and Pavel Orlov both deny it.", {"Ivan Sokolov", "Pavel Orlov"}),
    # a sentence naming another number of people is not the list
    ("Ottawa is imposing sanctions on three more people over the violence in Kenya. Peter Otieno and James Kamau "
     "welcomed the move.", set()),
])
def test_a_counted_group_is_the_people_a_later_sentence_names_in_that_number(text, expected):
    rows = _facts_of(text)
    assert set(rows.filter(rows["target_type"] == "person")["target"]) == expected
    if expected:  # the group is those people: no row for it beside them
        assert not rows.filter(rows["target"].str.contains(r"^(?:three|two) ")).height


@pytest.mark.parametrize(("text", "expected"), [
    # a police force or armed body named by its country is the target, not the country (issue 22, class 10)
    ("Australia imposed sanctions on Kenya's riot police over the killings.",
     ("Australia", "riot police", "officials", "imposed")),
    ("The EU sanctioned officials of Kenya’s traffic police and the interior minister.",
     ("European Union", "traffic police", "officials", "imposed")),
    ("EU ministers also targeted the Kenyan Rapid Response Forces over the crackdown.",
     ("European Union", "Rapid Response Forces", "officials", "imposed")),
    # a move still to come
    ("Britain's sanctions to target Kenya 'traffic' police", ("United Kingdom", "traffic police", "officials", "proposed")),
])
def test_a_police_force_or_armed_body_of_a_country_is_the_target(text, expected):
    assert expected in one(text, "Kenya")


def test_a_force_in_a_persons_office_is_no_target():
    rows = one("The sanctioned individuals include Amos Kiptoo, commissioner of the Police Force.", "Kenya")
    assert not [r for r in rows if "Police" in (r[1] or "")]
    assert one("The protester was detained by Kenya's riot police last year.", "Kenya") == []
    # where the people named serve, not a target of its own
    rows = one("Dozens of Kenyan officials, including senior figures in the Rapid Response Forces, were sanctioned.", "Kenya")
    assert not [r for r in rows if "Forces" in (r[1] or "")]


def test_licences_to_deal_with_new_designees_ease_nothing():
    # a wind-down licence or one for dealings with those just designated goes with their designation; the names
    # a later sentence lists take the designation, not the licence (issue 22, class 10)
    text = ("The U.S. this week sanctioned three Kenyan judges and issued general licenses to authorize certain "
            "transactions with those judges. The new designations target Amos Kiptoo, John Mwangi and Peter Otieno. "
            "OFAC also issued a general license to authorize the wind-down of certain transactions with the three judges.")
    rows = _facts_of(text)
    people = rows.filter(rows["target_type"] == "person")
    assert set(people["target"]) == {"Amos Kiptoo", "John Mwangi", "Peter Otieno"}
    assert set(people["action"]) == {"imposed"}
    assert "eased" not in set(rows["action"])


@pytest.mark.parametrize("text", ["The U.S. this week sanctioned Kenya's interior minister.",
                                  "Britain last month sanctioned Kenya's interior minister."])
def test_a_time_between_subject_and_sanctioned_is_still_a_move(text):
    assert [r[3] for r in one(text, "Kenya")] and {r[3] for r in one(text, "Kenya")} == {"imposed"}


def test_a_lower_case_role_before_designated_names_keeps_the_list():
    # "sanctioned deputy governors A and B": the role in lower case between the verb and the names (issue 22, class 10)
    rows = one("Washington also sanctioned deputy governors Wanjiru Achieng Mboya and Otieno Kamau Barasa for "
               "the crackdown.", "Kenya")
    assert {t for _, t, kind, _ in rows if kind == "person"} == {"Wanjiru Achieng Mboya", "Otieno Kamau Barasa"}


def test_among_them_after_a_move_names_its_targets():
    # "Among them are <country>'s <A> Police, the <B> Force ...": the sentence after a move needs no sanction word
    rows = _facts_of("Australia is imposing sanctions on nine individuals and two entities over the crackdown. "
                     "Among them are Kenya's Riot Police, the Rapid Response Force and seven Kenyan officials.")
    assert {"Riot Police", "Rapid Response Force"} <= set(rows["target"])


def test_lift_one_thing_but_keep_those_targeting_another():
    # "will lift X but keep those in place targeting Y": two moves, the second on sanctions by a pronoun; a regime
    # named by its ruler is the target, not the country it ran (issue 22, class 9)
    rows = one("The European Union will ease sanctions on Kenya's economy but keep those in place targeting the former "
               "Kowal regime, its foreign policy chief said.", "Kenya")
    assert ("European Union", "Kowal regime", "officials", "remain") in rows
    assert not [r for r in rows if r[1] == "Kowal regime" and r[3] != "remain"]
    rows = one("Other measures targeting the Kowal regime and its security chiefs are expected to remain in place.",
               "Kenya")
    assert [(t, a) for _, t, _, a in rows if t == "Kowal regime"] == [("Kowal regime", "remain")]
    # no sanctions in the sentence, no move: "those" alone is nothing
    assert one("The minister will keep those promises, she said.", "Kenya") == []


def test_a_person_kept_under_sanctions_is_kept_whatever_else_moves():
    # "<A> will remain under sanction, but Treasury intends to remove restrictions on <B>": A remains, B is
    # proposed, and B does not take A's "remain" (issue 22, class 9)
    rows = one("Ivan Petrov will remain under sanction and his property will remain blocked, but Treasury intends to "
               "remove financial restrictions on Zeta Metals Plc and Omega Energo JSC.", "Kenya")
    assert ("Ivan Petrov", "remain") in {(t, a) for _, t, _, a in rows}
    assert not [r for r in rows if r[1] != "Ivan Petrov" and r[3] == "remain"]
    # a surname alone, named in full elsewhere in the document; "himself remains on the list" too
    rows = _facts_of("Kenya's leader Jan Kowalczyk met the envoy on Monday. Washington lifted sanctions on the "
                     "national airline, but key restrictions remain and Kowalczyk remains under personal sanctions.")
    assert ("Jan Kowalczyk", "remain") in set(zip(rows["target"], rows["action"])) or \
        ("Kowalczyk", "remain") in set(zip(rows["target"], rows["action"]))
    rows = _facts_of("Treasury delisted three firms of the tycoon Ivan Petrov. Petrov himself remains on the List of "
                     "Specially Designated Nationals.")
    assert {(t, a) for t, a in zip(rows["target"], rows["action"]) if "Petrov" in t} == {("Petrov", "remain")} or \
        {(t, a) for t, a in zip(rows["target"], rows["action"]) if "Petrov" in t} == {("Ivan Petrov", "remain")}


def test_the_owner_of_the_targets_and_a_speaker_are_no_targets():
    # "firms tied to oligarch <name>": whose the targets are; '"...," the bloc's top diplomat <name> posted': who
    # speaks (issue 22, class 10)
    rows = one("Treasury lifted sanctions on Zeta Metals and two other businesses tied to Kenyan oligarch Ivan "
               "Petrov.", "Kenya")
    assert "Ivan Petrov" not in {t for _, t, _, _ in rows}
    rows = one('"Today we decided to lift our economic sanctions on Kenya," the EU\'s top diplomat Anna Nowak '
               'posted after the meeting.', "Kenya")
    assert "Anna Nowak" not in {t for _, t, _, _ in rows} and ("Kenya", "lifted") in {(t, a) for _, t, _, a in rows}


def test_the_power_in_a_reported_clause_is_the_issuer():
    # "The move from <A> comes after <person> announced that <B> was lifting its sanctions": B lifts (issue 22, class 9)
    rows = one("The move from the European Union comes after the U.S. president announced last week that Washington "
               "was lifting its sanctions against Kenya.", "Kenya")
    assert ("United States", "Kenya", "country", "lifted") in rows
    assert not [r for r in rows if r[0] == "European Union"]


def test_a_group_named_with_and_without_its_kind_is_one_target():
    rows = _facts_of("US to revoke terror designation of Kenya's Zorgi. Washington will revoke the terrorist "
                     "designation of Kenya's Zorgi group. The minister intends to remove the Zorgi group from the "
                     "Foreign Terrorist Organization list.")
    assert {t for t in rows["target"] if "Zorgi" in t} == {"Zorgi"}


def test_a_plus_sign_inside_a_company_name():
    rows = one("The Treasury lifted sanctions on Zeta+ Group Plc and Omega Energo JSC.", "Kenya")
    assert "Zeta+ Group Plc" in {t for _, t, _, _ in rows}


def test_a_renewed_push_renews_no_sanctions():
    # "a renewed push", "an extended period": a participle after a determiner describes, it does not act (issue 22)
    rows = one("The reimposed sanctions target 43 individuals and 78 entities, signaling a renewed push to curb "
               "Kenya's programme.", "Kenya")
    assert "remain" not in {a for *_, a in rows}
    assert {a for *_, a in one("The EU renewed its sanctions on Kenya.", "Kenya")} == {"remain"}


def test_a_sentence_adverb_is_no_listed_name():
    rows = one("Additionally, a Kenyan intelligence officer linked to the 2018 poisoning in Nairobi, Kenya, has been "
               "sanctioned.", "Kenya")
    assert "Additionally" not in {t for _, t, _, _ in rows}


def test_people_in_a_country_are_not_the_country():
    # "sanctions on three members of the elite in <country>", "on two current and former <demonym> senators", "against
    # a Supreme Court justice in <country>": people of the country, not the country (issue 22, class 10); the body
    # that states the move is no target either
    rows = one("Canada imposed sanctions on Monday on three high-profile members of the business elite in Kenya, "
               "the Canadian Foreign Ministry stated.", "Kenya")
    assert not [r for r in rows if r[2] == "country"] and "Canadian Foreign Ministry" not in {r[1] for r in rows}
    assert not [r for r in one("The United States imposed sanctions on two current and former Kenyan senators.", "Kenya")
                if r[2] == "country"]
    assert not [r for r in one("The administration announced new sanctions Wednesday against a Supreme Court justice "
                               "in Kenya.", "Kenya") if r[2] == "country"]
    # the country itself still is one
    assert ("Kenya", "country") in {(r[1], r[2]) for r in one("Britain imposed sanctions on Monday on Kenya.", "Kenya")}


def test_a_decision_said_in_the_passive_is_done():
    # "said that targeted sanctions would be imposed on ...": the decision told, as "said it would impose" is
    rows = one("The foreign minister of Canada said that targeted financial sanctions would be imposed on three "
               "Kenyan individuals and one business.", "Kenya")
    assert rows and {a for *_, a in rows} == {"imposed"}


def test_the_removal_of_a_leader_lifts_nothing():
    rows = one("OFAC took its first steps to loosen the sanctions against Kenya following the capture and removal of "
               "Amos Kiptoo at the beginning of January.", "Kenya")
    assert {a for *_, a in rows} == {"eased"}
    assert "lifted" in {a for *_, a in one("The removal of Kenya from the terrorism list eased sanctions.", "Kenya")}


def test_named_people_take_the_country_of_the_people_described_before_them():
    # the document's main country is the issuer's; no country target: the people named after "members of the elite
    # in <country>" are that country's, not the issuer's (issue 22, class 10)
    m = extract_sanction_mentions(sentences_of(
        "Canada imposed sanctions on Monday on three high-profile members of the business elite in Kenya, accusing "
        "them of helping armed gangs. The foreign ministry added that the sanctions target Amos Kiptoo, John Mwangi "
        "and Peter Otieno, freezing any assets they may hold in Canada."), {"d1": "Canada"})
    people = m.filter(m["target_type"] == "person")
    assert people.height == 3 and set(people["target_country"]) == {"Kenya"}


def test_what_stays_beside_a_person_kept_under_sanctions():
    # "Key restrictions remain, <A> remains under personal sanctions": the document's country stays under its
    # restrictions and A stays too; nothing is imposed (issue 22, class 9)
    rows = _facts_of("Kenya's leader Amos Kiptoo flew to the summit in his own jet. Washington lifted sanctions on the "
                     "national airline last week. Key restrictions remain, Kiptoo remains under personal sanctions, "
                     "and the airline still lacks spare parts.")
    moves = set(zip(rows["target"], rows["action"]))
    assert ("Kenya", "remain") in moves
    assert ("Kiptoo", "remain") in moves or ("Amos Kiptoo", "remain") in moves
    assert not [a for t, a in moves if "Kiptoo" in t and a != "remain"]


def test_the_victim_of_a_deed_and_a_meeting_place_are_no_targets():
    # "charged in the attempted murder of <name>", "over the arrest of <name>": the victim; "a ministers' meeting in
    # <country>": where the move is talked over (issue 22, classes 9 and 10)
    rows = one("Britain sanctioned Amos Kiptoo, an intelligence officer charged in the attempted murder of former "
               "agent John Mwangi.", "Kenya")
    assert "John Mwangi" not in {t for _, t, _, _ in rows}
    rows = one("The EU imposed sanctions on Peter Otieno over the arrest of opposition leader John Mwangi.", "Kenya")
    assert "John Mwangi" not in {t for _, t, _, _ in rows} and "Peter Otieno" in {t for _, t, _, _ in rows}
    rows = one("Individuals targeted by the sanctions are to have their assets frozen, the minister said ahead of a "
               "meeting in Luxembourg on Monday.", "Kenya")
    assert "Luxembourg" not in {t for _, t, _, _ in rows}


def test_a_victim_named_after_a_designee_is_dropped_whichever_rule_read_it():
    # the sentence after a move: the designee's apposition names the victim of the deed he is charged with
    rows = _facts_of("Britain announced 46 new sanctions on Kenyan individuals and entities on Thursday. The sanctions "
                     "include a designation for Amos Kiptoo, an intelligence officer charged in the attempted murder "
                     "of former agent John Mwangi.")
    assert "John Mwangi" not in set(rows["target"])


def test_a_full_name_after_an_office_of_a_department_is_a_target():
    # "Minister of Finance <Given> <Surname>": a person whatever the name lexicon knows of the given name
    rows = one("Britain imposed personal sanctions on Minister of Finance Zorvat Kiptanui and Minister of Internal "
               "Security Amos Kiptoo.", "Kenya")
    assert {"Zorvat Kiptanui", "Amos Kiptoo"} <= {t for _, t, kind, _ in rows if kind == "person"}
    # an office of a department before a company word is no person
    assert not [r for r in one("Treasury sanctioned the Ministry of Finance Savings Bank.", "Kenya") if r[2] == "person"]


def test_a_demonym_before_a_persons_court_and_office_is_no_country_target():
    # "sanctions on <demonym> Supreme Court (<ACR>) Justice <name>": the demonym says whose court, not a second target
    rows = one("The Treasury has imposed sanctions on Kenyan Supreme Court (KSC) Justice Amos Kiptoo, accused of "
               "ordering arbitrary detentions.", "Kenya")
    assert [(t, kind) for _, t, kind, _ in rows] == [("Amos Kiptoo", "person")]


@pytest.mark.parametrize("text, country", [
    # a demonym of a country of two words is that country's, not the one its last word derives
    ("the South Sudanese army", "South Sudan"), ("North Korean hackers", "North Korea"),
    ("South Korean firms", "South Korea"), ("an Equatorial Guinean minister", "Equatorial Guinea"),
    ("the Sri Lankan navy", "Sri Lanka"), ("Salvadoran gangs", "El Salvador"),
    # a name ending in a vowel plus "n" is that name's people, before another country's derived form
    ("a Nigerian bank", "Nigeria"), ("Nigerien soldiers", "Niger"), ("the Sudanese general", "Sudan"),
])
def test_demonyms_of_two_word_countries_and_near_namesakes(text, country):
    from flows.extraction.places import countries_in

    assert countries_in(text) == [country]


def test_names_a_list_of_sanctioned_companies_gives_are_companies_not_people():
    """'The companies sanctioned include A, which ..., and B, which ...' after a move: A and B are company
    targets (names the given-name lexicon does not know were typed people, and went on to the people table)."""
    rows = _facts_of("The Treasury sanctioned two Ruritanian brothers on Tuesday. The companies sanctioned include "
                     "Fornalo Lab S.A., which trades wholesale, and Inmobiliaria Costa Vela S.A., which is in real "
                     "estate, it added.")
    assert "person" not in set(rows.filter(rows["target"].str.contains("Fornalo|Inmobiliaria"))["target_type"])
    assert {"Fornalo Lab", "Inmobiliaria Costa Vela"} <= set(rows.filter(rows["target_type"] == "company")["target"])


@pytest.mark.parametrize("text, country", [
    ("a Lebanese businessman", "Lebanon"), ("Belgian officials", "Belgium"), ("the Portuguese navy", "Portugal"),
    ("a Peruvian court", "Peru"), ("Czech authorities", "Czechia"), ("an Azeri activist", "Azerbaijan"),
])
def test_demonyms_not_made_by_adding_to_the_name(text, country):
    from flows.extraction.places import countries_in

    assert countries_in(text) == [country]


def test_the_passive_move_with_three_words_before_against_names_its_designees():
    """"Measures have been imposed against <role> A and <role> B": an auxiliary chain of three words
    between the sanction noun and "against" still leads to the names (issue 22, class 10)."""
    rows = _facts_of("The bloc acted on Thursday. Restrictions have been imposed against oil ministry chief "
                     "Tomasz Duda and deputy planning director Ewa Krol.")
    people = rows.filter(rows["target_type"] == "person")
    assert {"Tomasz Duda", "Ewa Krol"} <= set(people["target"])
    assert set(people["action"]) == {"imposed"}


@pytest.mark.parametrize("text, firms, country", [
    # the firms' kind word, no comma, then their names: companies, of the country that modifies the kind word,
    # even where that country issues sanctions elsewhere
    ("Beijing said it would impose sanctions on American arms makers Brightwater Systems and Harlan Dynamics "
     "over the deal.", {"Brightwater Systems", "Harlan Dynamics"}, "United States"),
    ("China sanctioned British shipping firms Kestrel Marine, Harlan Freight and Ostrava Lines on Monday.",
     {"Kestrel Marine", "Harlan Freight", "Ostrava Lines"}, "United Kingdom"),
])
def test_firms_named_after_their_kind_word_are_companies_of_that_country(text, firms, country):
    rows = _facts_of(text)
    named = rows.filter(rows["target"].is_in(list(firms)))
    assert set(named["target"]) == firms
    assert set(named["target_type"]) == {"company"} and set(named["target_country"]) == {country}


def test_the_issuer_s_own_country_before_the_firms_is_not_their_country():
    """"The US sanctioned American firms A and B" would be odd; "US sanctions on Chinese firms A and B" keeps China:
    the kind word's country is never the issuer of the move."""
    rows = _facts_of("Washington imposed sanctions on Chinese drone makers Brightwater Systems and Harlan Dynamics.")
    named = rows.filter(rows["target"].is_in(["Brightwater Systems", "Harlan Dynamics"]))
    assert set(named["target_type"]) == {"company"} and set(named["target_country"]) == {"China"}


@pytest.mark.parametrize("text, expected", [
    # a removal whose object (roles and names) is long: the list comes at the end, the names are lifted
    ("The Security Council voted to remove Ruritanian President Jan Kowal and Interior Minister Piotr Novak "
     "from its counter-terrorism sanctions list.", {"Jan Kowal", "Piotr Novak"}),
    ("The council is removing former army chief Tomasz Duda and his deputy Ewa Krol from the sanctions list.",
     {"Tomasz Duda", "Ewa Krol"}),
    # no list to come off: "remove" is no sanctions move
    ("The party voted to remove Ruritanian President Jan Kowal and Interior Minister Piotr Novak from office "
     "after the sanctions scandal.", set()),
])
def test_names_removed_from_a_sanctions_list_are_lifted(text, expected):
    rows = _facts_of(text)
    people = rows.filter(rows["target_type"] == "person")
    assert set(people.filter(people["action"] == "lifted")["target"]) == expected


def test_among_the_affected_officials_lists_the_designees_of_the_move():
    rows = _facts_of("Norway introduced sanctions against Belarus on Wednesday over the crackdown. Among the "
                     "affected officials are the Interior Minister Tomasz Duda and Chief Prosecutor Ewa Krol.")
    people = rows.filter(rows["target_type"] == "person")
    assert set(people["target"]) == {"Tomasz Duda", "Ewa Krol"}
    assert set(people["action"]) == {"imposed"}


def test_a_move_recalled_in_a_relative_clause_does_not_take_the_list():
    """"<A> introduced sanctions on <country>. It followed <B>, which introduced sanctions in January. Among the
    affected officials are ...": the officials are A's designees, and B's earlier move stays a row of its own."""
    rows = _facts_of("Norway introduced sanctions against Belarus on Wednesday. It followed the lead of the European "
                     "Union, which introduced sanctions against Belarus in January. Among the affected "
                     "officials are the Interior Minister Tomasz Duda and Chief Prosecutor Ewa Krol.")
    people = rows.filter(rows["target_type"] == "person")
    assert set(people["target"]) == {"Tomasz Duda", "Ewa Krol"}
    assert "European Union" not in set(people["issuer"])
    assert "European Union" in set(rows.filter(rows["target_type"] == "country")["issuer"])


# --- sanc11g: target countries, partners, places named after a country, kin of a designee (issue 22, classes 9, 10)

@pytest.mark.parametrize(("text", "doc_country", "expected"), [
    # a valley, river or paper named after a country is no country of the designees
    ("The individuals sanctioned are farmers Yaron Golan from the Jordan Valley and Amit Peretz from the Negev.",
     None, ("Yaron Golan", None, "imposed")),
    ("The measures to be imposed on Kemal Arslan and Deniz Yurt include an asset freeze, the Cyprus Mail reported.",
     None, ("Kemal Arslan", None, "imposed")),
    # firms a group owns, located in a country: the firms are the target, the country only says where they are
    ("Washington sanctioned seven militia-owned companies in Kenya and one individual accused of buying weapons.",
     None, ("seven militia-owned companies", None, "imposed")),
])
def test_a_place_or_paper_named_after_a_country_names_no_target_country(text, doc_country, expected):
    rows = with_country(text, doc_country)
    assert expected in rows
    assert not [r for r in rows if r[0] in ("Jordan", "Cyprus", "Kenya")]


def test_a_side_of_a_river_or_territory_is_no_company():
    assert one("The order had placed sanctions on settlers accused of violence in the occupied West Bank.") == []
    # (since session 18 "revokes sanctions" lifts: the settlers are the group lifted, the territory no company)
    assert one("Trump revokes sanctions on settlers in West Bank: What we know") == [
        (None, "settlers in West Bank", "officials", "lifted")]


def test_a_partner_in_coordination_is_no_target():
    assert one("These sanctions are imposed in coordination with Australia and the United States.", "Iran") \
        == [(None, "Iran", "country", "imposed")]
    assert not [r for r in one("Britain imposed the sanctions in close cooperation with Kenya and Ghana.")
                if r[1] in ("Kenya", "Ghana")]


def test_a_news_agency_named_after_a_country_is_no_target():
    text = "Diplomats told Agence France Presse that members agreed to begin imposing sanctions."
    assert one(text) == []
    assert [t for _, t, _, _ in one(text, "Turkey")] == ["Turkey"]


def test_no_longer_subject_to_sanctions_is_lifted_even_beside_the_participle():
    text = ("The council declared that the Ruritanian leader and his deputy were no longer subject to asset freezes or "
            "travel bans imposed under earlier counterterrorism measures.")
    assert {a for *_, a in one(text, "Syria")} <= {"lifted"}
    assert ("United Nations", "Syria", "country", "lifted") in one("The council said Syria is no longer subject to UN sanctions.")


def test_a_terrorist_designation_for_a_countrys_group_is_the_groups():
    assert one("US revokes terrorist designation for Kenya's ZLF") == [("United States", "ZLF", "officials", "lifted")]


def test_the_issuers_own_country_is_never_the_target_country():
    text = "On Tuesday, Japan announced sanctions against nine members of the Palestinian group Hamas and their firms."
    assert [c for _, c, _ in with_country(text, "Japan")] and all(c == "Palestine" for _, c, _ in with_country(text, "Japan"))
    text = ("Japan on Tuesday announced sanctions against four Israelis accused of violence against Palestinians. "
            "The individuals sanctioned are farmers Yaron Golan and Amit Peretz.")
    rows = _facts_of(text)
    assert set(rows.filter(rows["target_type"] == "person")["target_country"]) == {"Israel"}


def test_the_kin_a_designee_is_of_is_no_designee():
    rows = _facts_of("Canada on Monday imposed sanctions on 12 senior officials of the Ruritanian government. Among "
                     "those sanctioned by Canada are police chief Adam Nowak; Karolina Anna Kowal Zielinska, daughter "
                     "of President Jan Kowal and Vice President Ewa Zielinska; and Minister of Finance Piotr Wrobel.")
    assert set(rows.filter(rows["target_type"] == "person")["target"]) == {
        "Adam Nowak", "Karolina Anna Kowal Zielinska", "Piotr Wrobel"}
    rows = _facts_of("Canada on Monday imposed sanctions on Jan Kowal, the president, and on Karolina Zielinska, "
                     "daughter of President Jan Kowal.")
    assert set(rows.filter(rows["target_type"] == "person")["target"]) == {"Jan Kowal", "Karolina Zielinska"}


@pytest.mark.parametrize("text", [
    "The Council has also signalled its intention to impose restrictive measures against a further two individuals "
    "and two entities on the same grounds.",
    "The foreign policy chief urged members to increase tariffs on some Ruritanian goods and impose sanctions on 10 "
    "militia leaders.",
    "The United States has been pressed to lift the terrorist designation.",
])
def test_a_move_urged_or_intended_is_only_proposed(text):
    assert {a for *_, a in one(text, "Iran")} == {"proposed"}


@pytest.mark.parametrize("text", [
    "Treasury, urged by lawmakers to act, imposed sanctions on Iran.",
    "The measures aim to cut revenue, and the EU imposed sanctions on Iran.",
])
def test_an_urge_in_another_clause_leaves_the_move_done(text):
    assert "imposed" in {a for *_, a in one(text, "Iran")}


def test_counted_groups_added_to_the_list_of_those_subject_to_measures_are_designated():
    text = ("The Council has added three Ruritanian individuals and one Ruritanian entity to the list of those subject "
            "to restrictive measures for their role in the delivery of drones.")
    assert {(t, a) for _, t, _, a in one(text)} == {("three Ruritanian individuals", "imposed"),
                                                    ("one Ruritanian entity", "imposed")}


def test_kin_told_without_a_name_before_stays_a_designee():
    rows = _facts_of("Canada on Monday froze the assets of 300 more individuals. The list includes relatives of top "
                     "officials, namely the wife of Foreign Minister Jan Kowal and President Adam Nowak's two daughters, "
                     "Ewa Nowak and Anna Nowak.")
    assert {"Ewa Nowak", "Anna Nowak"} <= set(rows.filter(rows["target_type"] == "person")["target"])


def test_what_a_regulation_imposes_is_no_move():
    assert one('"The Special Economic Measures (Kenya) Regulations impose on listed persons a prohibition on any '
               'transaction," the ministry said.') == []
    assert one("Under the new Regulations, Canada imposed sanctions on Kenya.") == [("Canada", "Kenya", "country", "imposed")]


def test_the_european_council_is_the_unions_voice():
    assert one("The European Council has added three Ruritanian individuals to its sanctions list.") == [
        ("European Union", "three Ruritanian individuals", "officials", "imposed")]


def test_a_state_outside_the_issuer_lexicon_sanctions_as_a_subject_and_its_targets_are_others():
    """Counter-sanctions (issue 22, class 10): a state the lexicon does not list as an issuer is one when it is the
    subject of its sanctions ("Beijing's retaliatory sanctions targeted", "<Country> sanctioned"), never when the
    sentence makes it their object ("<Country> faces new sanctions"). Its targets' country is the one their sentence
    names, a state that itself issues sanctions included; the document's other moves keep theirs."""
    import datetime as dt

    from flows.extraction.sanctions import extract_sanction_mentions

    def rows(text):
        found = extract_sanction_mentions(sentences_of(text, doc_id="a", published=dt.date(2024, 2, 12)))
        return {(r["issuer"], r["target"], r["target_country"]) for r in found.to_dicts()}

    assert rows("The United States imposed sanctions on Chinese officials Chen Wu and Li Ming over abuses in Xinjiang. "
                "Beijing’s retaliatory sanctions targeted Senator Tom Brell and Representative Ann Vosk of the "
                "United States, the ministry said.") == {
        ("United States", "Chen Wu", "China"), ("United States", "Li Ming", "China"),
        ("China", "Tom Brell", "United States"), ("China", "Ann Vosk", "United States")}
    assert rows("Iran sanctioned 10 British individuals and entities on Monday.") == {
        ("Iran", "10 British individuals and entities", "United Kingdom")}
    assert rows("Russia faces new sanctions over the war.") == {(None, "Russia", "Russia")}
    # a sanctioning state before the firms it names is no target of its own
    firms = rows("China will impose new sanctions on United States defence contractors Arvex Systems and Telmar "
                 "Dynamics over their arms sales.")
    assert not any(target == "United States" for _, target, _ in firms)
    # the state is not carried into the next sentence when that one names the other side's move
    carried = rows("Beijing’s retaliatory sanctions targeted Senator Tom Brell of the United States. The measures came "
                   "after the administration said it would bar entry into the U.S. by Chen Wu, a Chinese official.")
    assert ("China", "Tom Brell", "United States") in carried
    assert not any(issuer == "China" and target == "Chen Wu" for issuer, target, _ in carried)


@pytest.mark.parametrize("text, expected", [
    # a counted group right after a designating verb, with no word on sanctions in the sentence (issue 22, class 10)
    ("The Treasury Department has designated 17 Chilean nationals for their part in the murder of a reporter.",
     ("United States", "17 Chilean nationals", "officials", "imposed")),
    ("The US Treasury said on Friday that it was sanctioning 12 Peruvian citizens in response to the attack.",
     ("United States", "12 Peruvian citizens", "officials", "imposed")),
    # assets held by a counted group are frozen by the move
    ("Canada said that under the sanctions it froze the assets belonging to four individuals.",
     ("Canada", "four individuals", "officials", "imposed")),
    # "and an individual" is a second group, counted by its article, not a part of the first
    ("The US Treasury further sanctioned seven companies and an individual that helped the militia buy arms.",
     ("United States", "seven companies", "company", "imposed")),
])
def test_counted_groups_a_designating_verb_takes(text, expected):
    rows = extract_sanction_mentions(sentences_of(text))
    assert expected in set(rows.select("issuer", "target", "target_type", "action").rows())


@pytest.mark.parametrize("text", [
    "The US Treasury plans to designate 12 Peruvian citizens next month.",  # still to come
    "The US Treasury would be sanctioning 12 Peruvian citizens if the talks failed.",
    "Twelve Peruvian citizens were designated by the Treasury as wrongfully detained.",
    "The US has designated 17 Chilean nationals as wrongfully detained.",  # a hostage's status, no sanction
])
def test_no_counted_group_where_the_verb_moves_nothing(text):
    rows = extract_sanction_mentions(sentences_of(text))
    assert not [r for r in rows.to_dicts() if r["action"] == "imposed"]


@pytest.mark.parametrize("text, expected", [
    # a two-word demonym in the plural is a group's head ("<Saudi> Arabians", "<Sri> Lankans")
    ("The Treasury Department has designated 12 Sri Lankans for their part in the killing.",
     ("United States", "12 Sri Lankans", "officials", "imposed")),
    ("The EU imposed sanctions on nine North Koreans.", ("European Union", "nine North Koreans", "officials", "imposed")),
    # people named after a plural role in apposition to the move's object; "<given> and <given> <surname>" two people
    ("In 2023, Canada sanctioned the two former ministers, Ruwan Perera and Kamal Perera.",
     ("Canada", "Kamal Perera", "person", "imposed")),
    ("In 2023, Canada sanctioned the two former presidents, Anil and Sunil Wickrama.",
     ("Canada", "Anil Wickrama", "person", "imposed")),
])
def test_groups_told_by_a_two_word_demonym_or_a_plural_role(text, expected):
    rows = extract_sanction_mentions(sentences_of(text))
    assert expected in set(rows.select("issuer", "target", "target_type", "action").rows())


def test_people_after_a_plural_role_that_no_move_takes_are_no_targets():
    rows = extract_sanction_mentions(sentences_of(
        "The two ministers, Nimal Fernando and Ravi Perera, said sanctions would hurt the economy."))
    assert rows.is_empty()


def test_the_given_name_alone_is_not_a_second_target():
    rows = extract_sanction_mentions(sentences_of(
        "In 2023, Canada sanctioned the two former presidents, Anil and Sunil Wickrama."))
    assert "Anil" not in set(rows["target"])


@pytest.mark.parametrize("text, action", [
    # a listing only sought: attempts, a draft resolution, a request to blacklist someone
    ("The United States put forward a draft Security Council resolution to blacklist Omar Haddad in March.", "proposed"),
    ("Britain made a fresh request at the committee to blacklist Omar Haddad.", "proposed"),
    # a decision to blacklist is the listing itself
    ("The council took the decision to blacklist Omar Haddad on Wednesday.", "imposed"),
])
def test_a_listing_sought_is_only_proposed(text, action):
    rows = extract_sanction_mentions(sentences_of(text))
    assert (("Omar Haddad", action) in set(rows.select("target", "action").rows()))


@pytest.mark.parametrize("text, expected", [
    # a list of sectors, each a target; the trade flow before "in <list>" is none
    ("Britain dropped its sanctions on trade in copper, metals, timber and shipbuilding as well as insurance.",
     {"copper", "metals", "timber", "shipbuilding", "insurance"}),
    ("Canada lifted its sanctions on the steel, mining and banking sectors of Bolivia.", {"steel", "mining", "banking"}),
])
def test_each_sector_of_a_list_is_a_target(text, expected):
    rows = extract_sanction_mentions(sentences_of(text))
    assert set(rows.filter(rows["target_type"] == "sector")["target"]) == expected


@pytest.mark.parametrize("text, country, expected", [
    # an arms embargo hits the state it names (or the capital standing for it), not "arms" (issue 22, class 9)
    ("The council voted on Friday to end the arms embargo on Kenya.", None, [("Kenya", "country", "lifted")]),
    ("The bloc's long-standing arms embargo against Nairobi will stay in place.", None,
     [("Kenya", "country", "remain")]),
    ("The EU has upheld its arms embargo on Kenya for another year.", None, [("Kenya", "country", "remain")]),
    # with no state named, the document's
    ("A weapons embargo will also stay in place for another twelve months.", "Kenya", [("Kenya", "country", "remain")]),
    # a sector sanction is still a sector's
    ("The EU lifted sanctions on Kenyan oil on Tuesday.", None, [("oil", "sector", "lifted")]),
])
def test_an_arms_embargo_hits_the_state_it_names(text, country, expected):
    assert [(t, tt, a) for _, t, tt, a in one(text, country)] == expected


@pytest.mark.parametrize("text, expected", [
    # a group nobody counts, told by what its members are, is a target in the page's words (issue 22, class 10)
    ("Brussels imposed sanctions on violent Ruritanian settlers on Monday.",
     {("violent Ruritanian settlers", "officials")}),
    ("Sanctions against individuals and organisations linked to the former Ruritanian government remain in place.",
     {("individuals and organisations linked to the former Ruritanian government", "officials")}),
    ("Beijing imposed sanctions against Zetakali Aerospace Corp. and other defence contractors on Friday.",
     {("other defence contractors", "company")}),
    ("Washington's sanctions on members of the ruling military council remain in place.",
     {("members of the ruling military council", "officials")}),
    # a bare group says no more than the generic one; one body is no group
    ("Brussels imposed sanctions on officials over the crackdown.", set()),
    ("Washington kept its sanctions on the state power company, Zetakali Power.", set()),
])
def test_a_group_nobody_counts_is_told_in_the_pages_words(text, expected):
    from flows.extraction.sanction_groups import BARE_GROUP_RE

    rows = one(text, "Ruritania")
    assert {(t, tt) for _, t, tt, _ in rows if tt in ("officials", "company") and not BARE_GROUP_RE.match(t)
            and not t.startswith("Zetakali")} == expected


@pytest.mark.parametrize("text, expected, absent", [
    # "the sanctions ... target <A>, <role>": a name no lexicon knows, its role in apposition, is the first target;
    # the person whose aide they are is none (issue 22, class 10)
    ("The sanctions, imposed under the new law, target Tariq Qasimov, a former top aide to President Amani Wekesa, "
     "and Juma Otieno, the consul general in Mombasa.", ["Tariq Qasimov", "Juma Otieno"], ["Amani Wekesa"]),
    ("The Canadian sanctions name Amani Wekesa, Vice President Juma Otieno and 38 other people.",
     ["Amani Wekesa", "Juma Otieno"], []),
])
def test_sanctions_that_target_or_name_people(text, expected, absent):
    targets = [t for _, t, tt, _ in one(text) if tt == "person"]
    assert all(e in targets for e in expected) and not any(a in targets for a in absent)


@pytest.mark.parametrize("text, expected", [
    # a continent's people or places are no country (issue 22, class 10)
    ("eight Latin American crime groups", []),
    ("migrants from Central America", []),
    ("South American and North American firms", []),
    # while the United States still is America, and its people American
    ("American officials and South Africa", ["United States", "South Africa"]),
    ("the South Korean envoy", ["South Korea"]),
])
def test_a_continent_is_no_country(text, expected):
    from flows.extraction.places import countries_in

    assert countries_in(text) == expected


def test_a_surname_alone_after_a_move_is_the_person_named_in_full():
    """"sanctions on <Surname> in March", "a draft resolution to blacklist <Surname>": the document's person of that
    surname, named in full in a sanctions sentence; a capitalised word nobody names in full is none (issue 22, class 10)."""
    text = ("The United Nations on Wednesday added Amani Wekesa to its sanctions list. France had already imposed "
            "sanctions on Wekesa in March. Britain had drafted a resolution to blacklist Wekesa, the diplomats said.")
    rows = one_doc(text, "Kenya")
    assert sum(1 for _, t, tt, _ in rows if (t, tt) == ("Wekesa", "person")) == 2
    alone = "France imposed sanctions on Mombasa in March, the diplomats said."
    assert "person" not in [tt for _, _, tt, _ in one_doc(alone, "Kenya")]


def test_a_done_designation_before_its_names_outweighs_a_hedged_clause():
    """"warned he would introduce sanctions and, on Monday, the Treasury formally sanctioned <A>, <B> and <C>": the
    names' own verb is done (issue 22, class 10); with no done verb before them the hedge stands."""
    done = one("The president warned he would introduce sanctions and, on Monday, the Treasury formally sanctioned "
               "Interior Minister Amani Wekesa, Defence Minister Juma Otieno and Peter Kamau, the energy minister.")
    assert {(t, a) for _, t, tt, a in done if tt == "person"} == {
        ("Amani Wekesa", "imposed"), ("Juma Otieno", "imposed"), ("Peter Kamau", "imposed")}
    hedged = one("The president warned he would introduce sanctions on Interior Minister Amani Wekesa next week.")
    assert ("Amani Wekesa", "imposed") not in {(t, a) for _, t, _, a in hedged}


@pytest.mark.parametrize("text, expected", [
    # each country of a comma list after "sanctions on" is a target, a hyphenated name too (issue 22, class 9)
    ("The bloc has lifted economic sanctions on Niger, Mali and Burkina-Faso with immediate effect.",
     ["Niger", "Mali", "Burkina Faso"]),
    # a comma that opens a clause ends the list
    ("Washington imposed sanctions on Iran, China said, and Beijing objected.", ["Iran"]),
    ("The EU imposed sanctions on Russia, which invaded Ukraine, and on its ally.", ["Russia"]),
])
def test_each_country_of_a_list_after_sanctions_on(text, expected):
    assert [t for _, t, tt, _ in one(text) if tt == "country"] == expected


def test_a_described_group_whose_members_are_named_after_a_second_noun():
    """"targeted top <demonym> officials and lawmakers, including <A> and <B>": the named ones are the targets."""
    rows = one("Tokyo had targeted top Ruritanian officials and lawmakers, including Amani Wekesa and Juma Otieno.")
    assert "top Ruritanian officials" not in [t for _, t, _, _ in rows]


def test_people_after_their_office_before_a_passive_cue_and_the_prosecuted():
    """"<Body> Chief Justice <A B>, <Body> Chairman U <C D>, who was involved in the prosecution of <E F>, were also
    sanctioned": the people after their offices, not the body's run; the prosecuted is no target (issue 22, class 10)."""
    rows = one("Attorney General Lena Marsh, Supreme Court Chief Justice Tun Kyaw Oo, and Anti-Graft Commission "
               "Chairman U Min Aye, who was involved in the prosecution of opposition leader Juma Otieno, were also "
               "sanctioned.")
    assert {(t, tt) for _, t, tt, _ in rows} == {("Lena Marsh", "person"), ("Tun Kyaw Oo", "person"),
                                                  ("U Min Aye", "person")}
    # a body's run with no person after its office stays the body
    rows = one("The State Oil Company and the Northern Shipping Line were also sanctioned.")
    assert "person" not in [tt for _, _, tt, _ in rows]


def test_the_one_named_alongside_a_designation_is_designated_too():
    """"Alongside <A>, the Treasury also designated <B> and <C>": A is designated with them, named in full or by the
    surname of the one person another sentence names in full; "Along with <country>, <issuer> sanctioned <C>" adds no country
    as a person (issue 22, class 10)."""
    full = one("Alongside Amani Wekesa, the Treasury also designated his wife Grace Wekesa and his aide Juma Otieno.")
    assert {t for _, t, tt, _ in full if tt == "person"} == {"Amani Wekesa", "Grace Wekesa", "Juma Otieno"}
    text = ("Alongside Wekesa, the Treasury also designated several members of his circle, including his son Peter "
            "Wekesa. Earlier, the State Department revoked the visa of Kenyan President Amani Wekesa.")
    # (the surname is the one person of that name another sentence names in full, not the son its own sentence names)
    assert {t for _, t, tt, _ in one_doc(text, "Kenya") if tt == "person"} == {"Amani Wekesa", "Peter Wekesa"}
    two = ("Britain froze the assets of Amani Wekesa and Juma Otieno on Monday. Alongside Wekesa and Otieno, the "
           "Treasury's Office of Financial Sanctions Implementation (OFSI) also targeted Peter Kamau.")
    assert {t for _, t, tt, _ in one_doc(two, "Kenya")[-3:] if tt == "person"} == {"Amani Wekesa", "Juma Otieno",
                                                                                 "Peter Kamau"}
    country = one("Along with Canada, Britain also sanctioned the Northern Shipping Company.")
    assert "person" not in [tt for _, _, tt, _ in country]


@pytest.mark.parametrize("text", [
    "The Treasury invoked the Global Accountability Act, which empowers the government to impose sanctions on "
    "foreign nationals accused of corruption.",
    "The new law gives the president the authority to impose sanctions on officials who abuse rights.",
    "The council now has the power to impose sanctions on individuals who obstruct the peace process.",
])
def test_a_power_to_impose_sanctions_is_no_move(text):
    """What a law or a body may do is no sanction on anyone: "empowers the government to impose sanctions on foreign
    nationals" (issue 22)."""
    assert one(text) == []


def test_a_power_used_is_a_move():
    assert ("six officials", "imposed") in {(t, a) for _, t, _, a in one(
        "The bloc used its new framework to impose sanctions on six officials.")}


def test_a_government_told_by_its_demonym_issues_its_counter_sanctions():
    """"The <Demonym> Foreign Ministry announced on Tuesday that it is imposing sanctions on <A>", "The <Demonym> side
    decides to sanction ...": that state issues them (issue 22, class 10)."""
    rows = one("The Kenyan Foreign Ministry announced on Tuesday that it is imposing sanctions on President Amani "
               "Wekesa and Defence Secretary Juma Otieno.")
    assert {(i, t) for i, t, tt, _ in rows if tt == "person"} == {("Kenya", "Amani Wekesa"), ("Kenya", "Juma Otieno")}


def test_the_named_list_after_sanction_the_following_and_a_colon():
    """"decides to sanction the following ten individuals and four entities on the <A> side that ...: <A> (<party>),
    <B> (<party>) and <C> of the <D> Parliament, <role> <E>": each named person (issue 22, class 10)."""
    rows = one("The Kenyan side decides to sanction the following five individuals and one entity on the other "
               "side that harm its sovereignty and spread lies: Amani Wekesa (Green), Daniel Otieno (EPP) and Peter "
               "Kamau (Liberal) of the Northern Parliament, Grace Njeri of the Southern Assembly, Swedish scholar "
               "Paul Mwangi, and the Institute for Northern Studies in Sweden.")
    people = {t for _, t, tt, _ in rows if tt == "person"}
    assert {"Amani Wekesa", "Daniel Otieno", "Peter Kamau", "Grace Njeri", "Paul Mwangi"} <= people
    assert {i for i, _, _, _ in rows} == {"Kenya"}


def test_removed_from_its_sanctions_list_lifts_and_a_two_demonym_people_is_the_first_ones():
    """"removed <demonym> <people> leader <A> and N individuals ... from its sanctions list": lifted (the verb's own
    end, not "remove" inside "removed"); "Bosnian Serb leader" is Bosnia's (issue 22, classes 9 and 10)."""
    m = extract_sanction_mentions(sentences_of(
        "The United States removed Bosnian Serb nationalist leader Amani Wekesa and 47 individuals and companies "
        "connected to him from its sanctions list on Wednesday."), None)
    row = m.filter(m["target"] == "Amani Wekesa").to_dicts()[0]
    assert (row["action"], row["target_country"]) == ("lifted", "Bosnia and Herzegovina")


def test_a_headlines_present_tense_counter_sanction_names_its_issuer():
    """"<Country> imposes sanctions on <A>, <B>, others": that state issues them (issue 22, class 10)."""
    rows = one("Kenya imposes sanctions on Amani Wekesa, Grace Njeri, others")
    assert {i for i, _, tt, _ in rows if tt == "person"} == {"Kenya"}


def test_listed_as_a_terrorist_and_those_delisted_include():
    """"listed <descriptor> <A> as a global terrorist" designates A; "Those delisted by <body> include <A>, <who>;
    <role> <B>" lifts their sanctions though no sanction word stands there (issue 22, class 10)."""
    listed = one("The Security Council on Monday listed Kenya-based militant commander Amani Wekesa as a global "
                 "terrorist under its sanctions regime.")
    assert ("Amani Wekesa", "imposed") in {(t, a) for _, t, tt, a in listed if tt == "person"}
    delisted = one("Those delisted by the Office of Foreign Assets Control (OFAC) include Peter Kamau, the speaker and "
                   "one of his closest associates; assembly speaker Grace Njeri; and several companies.")
    assert {(t, a) for _, t, tt, a in delisted if tt == "person"} == {("Peter Kamau", "lifted"), ("Grace Njeri", "lifted")}


def test_ofac_took_action_targeting_named_officials():
    """"OFAC took action targeting <office> <A> and <office> <B>": a designation of both (issue 22, class 10); the
    police taking action against someone is none."""
    rows = one("The Office of Foreign Assets Control (OFAC) took action targeting Interior Minister Amani Wekesa and "
               "Justice Minister Peter Kamau, both of whom led the agencies behind the arrest.")
    assert {(t, a) for _, t, tt, a in rows if tt == "person"} == {("Amani Wekesa", "imposed"), ("Peter Kamau", "imposed")}
    assert one("Police took action against protester Amani Wekesa.") == []


@pytest.mark.parametrize("text, action, country", [
    ("EU governments also agreed to freeze the assets of Kenya's central bank and to ban trade in gold.", "imposed",
     "Kenya"),
    ("The EU lifted its sanctions on the Kenyan central bank and several other organisations.", "lifted", "Kenya"),
])
def test_a_states_central_bank_in_lower_case_is_a_body_target(text, action, country):
    """"freeze the assets of <country>'s central bank", "sanctions on the <demonym> central bank": that state's
    central bank is a body target of the move (issue 22, class 10); a central bank that only speaks is none."""
    m = extract_sanction_mentions(sentences_of(text), None)
    rows = m.filter(m["target"] == "central bank").to_dicts()
    assert [(r["action"], r["target_type"], r["target_country"]) for r in rows] == [(action, "officials", country)]


def test_a_central_bank_that_only_speaks_is_no_target():
    assert one("The central bank said inflation rose after the sanctions on Kenya.") == [] or all(
        t != "central bank" for _, t, _, _ in one("The central bank said inflation rose after the sanctions on Kenya."))


def test_a_state_reported_saying_it_has_imposed_sanctions_issues_them():
    """"<Country> said Sunday it has imposed sanctions on 15 <demonym> companies": that state issues them (issue 22,
    class 10)."""
    rows = one("Kenya said Sunday it has imposed sanctions on 15 American companies over their support for the war.")
    assert {i for i, _, _, _ in rows} == {"Kenya"}


def test_removed_from_the_specially_designated_nationals_list_lifts():
    """"also removes <A>, head of the court's division, from the Specially Designated Nationals list": OFAC's list by
    its name, a delisting of A (issue 22, class 10)."""
    rows = one("The decision also removes Amani Wekesa, head of the court's division, from the Specially Designated "
               "Nationals list.")
    assert {(t, a) for _, t, tt, a in rows if tt == "person"} == {("Amani Wekesa", "lifted")}


def test_sanctions_that_were_revoked_are_lifted():
    """"the sanctions against <A>, imposed in September 2020, were revoked": lifted (and the imposition it recalls);
    a licence revoked is no lifting (issue 22, class 9)."""
    rows = one("It noted that the sanctions against prosecutor Amani Wekesa, imposed in September 2020, were revoked.")
    assert ("Amani Wekesa", "lifted") in {(t, a) for _, t, _, a in rows}
    assert one("The licence was revoked last week.") == []


def test_a_central_bank_taken_off_the_sanctions_list():
    """"The <demonym> central bank was taken off the sanctions list": the subject of the passive move is the body,
    and "taken off the list" lifts (issue 22, classes 9 and 10)."""
    m = extract_sanction_mentions(sentences_of(
        "The Kenyan central bank was taken off the sanctions list on Friday, the council said."), None)
    assert [(r["target"], r["action"], r["target_country"]) for r in m.to_dicts()] == [("central bank", "lifted", "Kenya")]


def test_a_counter_sanction_by_a_list_of_states():
    """"Earlier, <A>, <B> and <C> imposed sanctions on 128 <demonym> officials, including President <D>": each state
    of the list issues them, and none of them is the targets' country (issue 22, class 10)."""
    m = extract_sanction_mentions(sentences_of(
        "Earlier, Estonia, Latvia and Lithuania imposed sanctions on 128 Belarusian officials, including President "
        "Amani Wekesa."), None)
    assert set(m["issuer"]) == {"Estonia", "Latvia", "Lithuania"}
    assert set(m["target_country"]) == {"Belarus"}


@pytest.mark.parametrize("text, name", [
    ("The EU sanctioned Kyaw Zaw Oo over the crackdown.", "Kyaw Zaw Oo"),
    ("The United States designated Ousmane Sonko on Friday.", "Ousmane Sonko"),
])
def test_the_whole_object_of_a_done_designation_is_a_person_whatever_the_given_name(text, name):
    """"The EU sanctioned <A B C> over the crackdown": a name no lexicon knows, the whole object of a done designation
    verb, is the designated person (issue 22, class 10)."""
    assert (name, "person") in {(t, tt) for _, t, tt, _ in one(text)}


@pytest.mark.parametrize("text", [
    "Sanctions were also slapped on Amani Wekesa.",
    "Washington also imposed a visa ban on Amani Wekesa.",
])
def test_a_passive_move_with_also_and_a_visa_ban_name_their_targets(text):
    """"Sanctions were also slapped on <A>", "imposed a visa ban on <A>" (issue 22, class 10)."""
    assert ("Amani Wekesa", "person") in {(t, tt) for _, t, tt, _ in one(text)}


def test_a_place_based_prefix_is_no_part_of_a_firms_name():
    """"<Place>-based <Firm>": the place tells the firm's country, the company word its kind, whatever given name
    opens the rest (issue 22, class 10)."""
    m = extract_sanction_mentions(sentences_of("The Treasury also sanctioned Kenya-based Northern Petroleum Ltd and "
                                               "Uganda-based Amani Trading Co. for shipping oil."), None)
    assert {(r["target"], r["target_type"], r["target_country"]) for r in m.to_dicts()} >= {
        ("Northern Petroleum Ltd", "company", "Kenya")}
    m = extract_sanction_mentions(sentences_of("The US designated Uganda-based Amani Trading Co. for shipping oil."), None)
    assert [(r["target"], r["target_type"], r["target_country"]) for r in m.to_dicts()] == [
        ("Amani Trading Co", "company", "Uganda")]


def _countries(text):
    m = extract_sanction_mentions(sentences_of(text), None)
    return [(r["issuer"], r["target"], r["target_type"], r["target_country"]) for r in m.to_dicts()]


@pytest.mark.parametrize("text, expected", [
    # a state told by its dotted initials before a counted group: the group, the state's
    ("Iran sanctioned 15 U.S. companies on Sunday.", ("Iran", "15 U.S. companies", "company", "United States")),
    ("China imposed sanctions on 12 U.K. nationals.", ("China", "12 U.K. nationals", "officials",
                                                          "United Kingdom")),
    # the issuer's own words for its targets stand before them
    ("Iran on Sunday sanctioned what it described as nine U.S. companies, alleging that they arm its enemies.",
     ("Iran", "nine U.S. companies", "company", "United States")),
    # a move told as the answer to another: the power after "in retaliation for" issues the other
    ("Iran sanctioned 15 American firms, likely in retaliation for sanctions announced by the United States.",
     ("Iran", "15 American firms", "company", "United States")),
])
def test_counter_sanctions_on_a_counted_group_of_a_state_told_by_its_initials(text, expected):
    """Real pages write the United States as "U.S." before its firms and officials, and tell a counter-sanction as the
    answer to another ("in retaliation for sanctions announced by <state>"); the group is the target, the state
    that answers the issuer (issue 22, class 10)."""
    assert _countries(text) == [expected]


@pytest.mark.parametrize("text, name", [
    ("China imposed sanctions on U.S. Secretary of State Mark Fenwick.", "Mark Fenwick"),
    ("Iran has imposed sanctions on the U.S. Ambassador to Lusitania, Paul Hargreave, and two other officials.",
     "Paul Hargreave"),
])
def test_a_person_after_a_state_s_dotted_initials_and_an_office_is_the_target(text, name):
    """"sanctions on U.S. <office> <name>": the person, not the state; where an envoy is posted is no target of
    its own (issue 22, class 10)."""
    rows = _countries(text)
    assert [t for _, t, tt, _ in rows if tt == "person"] == [name]
    assert "country" not in [tt for _, _, tt, _ in rows]


@pytest.mark.parametrize("text, expected", [
    ("Former Premier Anna Lindqvist has been banned from entering Russia, according to a statement on the ministry's "
     "website.", [("Russia", "Anna Lindqvist", "person")]),
    ("Anna Lindqvist among 140 Norwegians banned from Russia", [("Russia", "Anna Lindqvist", "person"),
                                                            ("Russia", "140 Norwegians", "officials")]),
    # (the sanctions it answers are the other side's: no country target beside the barred)
    ("China on Monday banned 31 more Australians from entering its territory, in response to sanctions imposed by "
     "Canberra over Beijing's policies.", [("China", "31 more Australians", "officials")]),
])
def test_an_entry_ban_told_without_a_sanction_word_is_a_move_by_the_state_entered(text, expected):
    """Counter-sanctions reach real pages as bans on entering: the state entered issues them, the people barred (a
    counted group, a named person) are the targets (issue 22, class 10)."""
    assert [(i, t, tt) for i, t, tt, _ in one(text)] == expected
    assert {a for *_, a in one(text)} == {"imposed"}


@pytest.mark.parametrize("text", [
    "Fans were barred from entering the stadium after the riot.",
    "He was banned from entering the building by the guards.",
    "Since the start of the war, Russia has banned more than 700 Norwegians, including those named on Monday, from "
    "entering its territory.",
])
def test_a_ban_on_entering_a_place_or_a_running_total_is_no_move(text):
    assert one(text) == []


def test_visa_bans_on_a_counted_group_are_a_move():
    """"imposed visa bans on 23 <demonym> citizens": a visa or entry ban is a sanction word (a travel ban is not
    always one)."""
    assert ("Japan", "23 Russian citizens", "officials", "imposed") in one(
        "Japan has imposed visa bans on 23 Russian citizens including government officials.")


def test_a_counted_group_designated_further_on_by_a_done_passive_is_a_move():
    """"Forty-nine individuals and organisations involved in abuses in recent years have been designated for sanctions":
    the group, though the passive comes after what it did (issue 22, class 10); a designation still to come is none."""
    rows = one("Forty-nine individuals and organisations involved in rights abuses in recent years have been "
               "designated for sanctions under a new regime set up by the United Kingdom.")
    assert [(i, t, a) for i, t, _, a in rows] == [("United Kingdom", "Forty-nine individuals and organisations",
                                                  "imposed")]
    assert one("Twelve officials who took part in the crackdown may be designated by Canada.") == []


def test_a_bulleted_counted_group_is_an_item_of_the_list_of_targets():
    """A list of targets in bullets whose items open with a counted group ("• 25 <demonym> nationals involved in ..."):
    each group is a target of the move before the list, of its own words' country (issue 22, class 10)."""
    text = ("Britain imposed sanctions on 40 people and organisations on Monday.\n"
            "Those subject to immediate sanctions are:\n"
            "• 22 Belarusian nationals involved in the death of a lawyer in custody\n"
            "• 15 Iranian nationals involved in the killing of a journalist\n"
            "• Two high-ranking Sudanese military generals\n")
    m = extract_sanction_mentions(sentences_of(text), None)
    rows = {(r["target"], r["target_type"], r["target_country"]) for r in m.to_dicts()}
    assert {("22 Belarusian nationals", "officials", "Belarus"), ("15 Iranian nationals", "officials", "Iran"),
            ("Two high-ranking Sudanese military generals", "officials", "Sudan")} <= rows


@pytest.mark.parametrize("text, expected", [
    ("China is sanctioning 28 officials of the former administration.", ("China", "28 officials")),
    ('The ministry said on Wednesday, "China has decided to sanction 28 persons who have gravely harmed its interests."',
     ("China", "28 persons")),
    ("The Chinese foreign ministry said it was targeting 28 individuals.", ("China", "28 individuals")),
])
def test_a_counter_sanction_under_way_or_decided_names_its_state(text, expected):
    """"<State> is sanctioning ...", "<State> has decided to sanction N persons", "The <demonym> foreign ministry said it
    was targeting N individuals": the state moves, though the issuer lexicon does not know it (issue 22, class 10)."""
    assert [(i, t) for i, t, _, a in one(text) if a == "imposed"] == [expected]


def test_a_plan_to_sanction_a_counted_group_is_no_move():
    assert one("The council plans to sanction 12 officials.") == []


def test_in_addition_to_a_target_the_state_named_a_list_of_people():
    """"In addition to <Surname>, <State> named <role words> <A>, <B> and <C>": a list of targets after a move told
    just before; a name in a time clause of the move's sentence ("minutes after <A> was sworn in") is none."""
    text = ("China announced sanctions on Thursday on officials of the outgoing administration including former "
            "Secretary of State Mark Fenwick, minutes after Paul Hargreave was sworn in as president. In addition to "
            "Fenwick, China named outgoing administration officials Laura Whitcombe, Daniel Ashby and Helen Crowe.")
    rows = one(text)
    assert {t for i, t, tt, a in rows if tt == "person" and i == "China" and a == "imposed"} == {
        "Mark Fenwick", "Laura Whitcombe", "Daniel Ashby", "Helen Crowe"}


@pytest.mark.parametrize("text, expected", [
    ("EU ministers decided Monday to slap sanctions on Ruritanian private military contractor Halberd as well as "
     "eight individuals and three entities connected to the group.",
     {"Halberd", "eight individuals", "three entities"}),
    ("The bloc imposed sanctions on the mercenary group Halberd.", {"Halberd"}),
])
def test_an_outfit_named_after_its_kind_and_the_groups_beside_it_are_targets(text, expected):
    """"sanctions on <demonym> private military contractor <A> as well as eight individuals and three entities": the
    outfit (not its country) and the counted groups after "as well as" (issue 22, class 10)."""
    assert {t for _, t, _, _ in one(text)} == expected


def test_a_day_after_an_outfit_word_is_no_name():
    assert "Friday" not in {t for _, t, _, _ in one("The Treasury imposed sanctions on the militant group Friday.")}


@pytest.mark.parametrize("text, expected", [
    ("The new blacklist published by the Russian foreign ministry includes Laura Whitcombe, leader of the governing "
     "party, and Daniel Ashby, a former central bank governor.",
     {("Russia", "Laura Whitcombe"), ("Russia", "Daniel Ashby")}),
    ("Others blacklisted by Iran's Foreign Ministry for backing an exiled group include former adviser Helen Crowe "
     "and the lawyer Paul Hargreave, state media reported.",
     {("Iran", "Helen Crowe"), ("Iran", "Paul Hargreave")}),
])
def test_a_list_of_the_blacklisted_names_its_state_after_by(text, expected):
    """"The new blacklist published by the <demonym> foreign ministry includes <A>", "Others blacklisted by <State>'s
    Foreign Ministry ... include <A> and <B>": the names are targets of that state (issue 22, class 10)."""
    assert {(i, t) for i, t, tt, _ in one(text) if tt == "person"} == expected


def test_a_state_s_government_after_by_far_from_the_move_is_no_issuer():
    rows = one("The minister said the sanctions, imposed with other partners, came after calls to halt building "
               "activities by the Ruritanian government. The individuals sanctioned are Anna Petrova and Mark Fenwick.")
    assert "Ruritania" not in {i for i, *_ in rows}


def test_counted_groups_listed_before_a_passive_are_targets_of_it():
    """"30 <Demonym>s, 19 <Demonym>s and 3 <demonym> officials have been hit with sanctions": each group of the list the
    passive closes (issue 22, class 10)."""
    rows = one("30 Russians, 19 Venezuelans and 3 Sudanese officials have been hit with sanctions.")
    assert [t for _, t, _, _ in rows] == ["30 Russians", "19 Venezuelans", "3 Sudanese officials"]


def test_the_leader_whose_allies_are_sanctioned_is_no_target():
    """"sanctions on <demonym> allies of President <A B>", "cronies of <A B>": whose circle is hit, not A B (issue 22,
    class 10)."""
    rows = one("The US imposed sanctions on wealthy allies of President Mark Fenwick on Monday.")
    assert "Mark Fenwick" not in {t for _, t, _, _ in rows}


def test_the_heads_of_firms_are_a_group_of_people():
    """"sanctions targeting the heads of <demonym> companies and members of their families": a group of people (not
    companies); "the heads of the colony where ..." names no firms and stays none (issue 22, class 10)."""
    rows = one("Canada imposed sanctions on the heads of Russian companies and members of their families.")
    assert ("Canada", "heads of Russian companies", "officials", "imposed") in rows


def test_a_sentence_that_lists_the_counted_group_names_its_members_whatever_their_given_names():
    """"The UN Security Council sanctioned six people ... The six individuals are <A>, <B>, ...": each is a target,
    though the given-name lexicon knows few of them and a paragraph stands between (issue 22, class 10)."""
    sm = _facts_of("The UN Security Council on Thursday sanctioned four people over people smuggling. The move came "
                   "after a hold was lifted. Smuggling along the coast drew attention last year. Footage showed migrants "
                   "being sold. Several states asked the committee to act. The four individuals are Tesfay "
                   "Gebremariam, Abdi Warsame, Ahmad Oumar Al-Tarhouni and Mus'ab Abu-Karim.")
    people = {t for t, tt in zip(sm["target"], sm["target_type"]) if tt == "person"}
    assert people == {"Tesfay Gebremariam", "Abdi Warsame", "Ahmad Oumar Al-Tarhouni", "Mus'ab Abu-Karim"}


def test_a_counted_group_that_will_face_sanctions_is_the_target_not_its_country():
    rows = one("Twelve Colombian officials will face sanctions, the White House said.")
    assert [(t, tt, a) for _, t, tt, a in rows] == [("Twelve Colombian officials", "officials", "proposed")]


def test_a_name_after_a_done_designation_with_its_role_in_apposition_is_a_person():
    """"the EU blacklisted <A B>, a former intelligence officer": A B whatever its given name (issue 22, class 10)."""
    rows = one("Among those targeted, the EU blacklisted Dimitro Ukhtenko, a former military intelligence officer.")
    assert ("European Union", "Dimitro Ukhtenko", "person", "imposed") in rows


def test_a_person_removed_from_a_sanctions_list_after_an_aside_in_dashes():
    """"<Office> <A B> – who fled after backing the uprising – was being removed from a sanctions list": A B is lifted,
    not the country the aside names (issue 22, class 9/10)."""
    rows = one("The vice-president said Gen Manuel Ortiz Duarte – who fled Venezuela after backing the failed uprising – "
               "was being removed from a sanctions list in recognition of his actions.")
    assert [(t, tt, a) for _, t, tt, a in rows] == [("Manuel Ortiz Duarte", "person", "lifted")]


def test_counted_groups_after_a_long_named_target_and_as_well_as():
    rows = one("The European Union imposed sanctions on Ruritanian private military contractor Halberd Group on Monday as "
               "well as on eight individuals and three other energy companies accused of financing it.")
    assert {t for _, t, _, _ in rows} == {"Halberd Group", "eight individuals", "three other energy companies"}


def test_names_put_on_a_stop_list_by_a_state_that_opens_the_sentence():
    """"<State> said on Tuesday it had put US President <A>, Canadian Prime Minister <B> and a dozen officials on a
    “stop list”": the state moves on A and B, though "US" stands before a title there (issue 22, class 10)."""
    rows = one("Russia said on Tuesday it had put US President Mark Fenwick, Canadian Prime Minister Paul Hargreave and "
               "a dozen top US officials on a “stop list” that bars them from entering the country.")
    assert {(i, t) for i, t, tt, _ in rows if tt == "person"} == {("Russia", "Mark Fenwick"), ("Russia", "Paul Hargreave")}


def test_a_state_that_announced_a_release_is_not_the_issuer_of_its_delisting():
    rows = one("Cuba has announced the release of 553 prisoners after being removed from the United States’ list of "
               "state sponsors of terrorism.")
    assert ("United States", "Cuba", "country", "lifted") in rows


def test_a_headline_present_with_a_person_as_object_names_the_state_that_sanctions():
    """"<State> sanctions <Given> <Surname>, 27 other officials": that state moves on the person (whose country is the
    one the document's other sentences give, not the issuer's); "<State> sanctions relief ..." names no issuer."""
    rows = one("China sanctions Mark Fenwick, 27 other administration officials")
    assert [(i, t) for i, t, tt, _ in rows if tt == "person"] == [("China", "Mark Fenwick")]
    assert "Russia" not in {i for i, *_ in one("Russia sanctions relief under discussion")}
    sm = extract_sanction_mentions(sentences_of(
        "China sanctions Mark Fenwick, 27 other administration officials\nChina announced sanctions on Thursday on US "
        "officials including former Secretary of State Mark Fenwick."), None)
    assert set(zip(sm["target"], sm["target_country"])) == {("Mark Fenwick", "United States")}


def test_a_list_in_semicolons_with_a_rank_cut_short_and_the_list_is_a_name():
    """"National Guard Cmdr. <A B C>" is no sentence end; "The most prominent official on the <demonym> list is <A>"
    names a target (issue 22, class 7/10)."""
    text = ("The EU imposed sanctions on seven senior officials on Monday. The most prominent official on the "
            "European list is Tomas Okello, the head of the ruling party. Other officials on the list include Peter "
            "Kamau, the attorney general; National Guard Cmdr. Antonio Jose Benavides; and elections chief Maria Lopez "
            "Garcia.")
    assert {t for _, t, tt, _ in one(text) if tt == "person"} == {
        "Tomas Okello", "Peter Kamau", "Antonio Jose Benavides", "Maria Lopez Garcia"}


# measures told by what they reach, an aside before the targets, counter-measures (issue 22, class 10; real pages of
# several outlets, in our own words)
@pytest.mark.parametrize("text, targets", [
    ("Restrictive measures will also affect Jan Novak, Ivan Berg, and Piotr Berg, who were described as very rich.",
     {"Jan Novak", "Ivan Berg", "Piotr Berg"}),
    ("The countermeasures also apply to 10 senior executives, including Jan Novak, founder of Kestrel Systems; Ivan "
     "Berg, vice president of Osprey Maritime; and Piotr Berg, chief executive of Harlow Acoustics.",
     {"Jan Novak", "Ivan Berg", "Piotr Berg"}),
    ("Imposing sanctions, including an assets freeze, a travel ban and an arms embargo, on Jan Novak, the rebels' "
     "leader, the council called on all parties to talk.", {"Jan Novak"}),
])
def test_measures_told_by_what_they_reach(text, targets):
    rows = extract_sanction_mentions(sentences_of(text)).select("target", "target_type", "action").rows()
    assert {t for t, k, a in rows if k == "person" and a == "imposed"} == targets


def test_goods_in_what_the_move_answers_are_no_target():
    """"... against 20 <demonym> companies in response to <demonym> arms sales": the arms are why, not what."""
    rows = extract_sanction_mentions(sentences_of(
        "China imposes sanctions against 20 US companies in response to US arms sales to the island.")).select(
        "target", "target_type").rows()
    assert ("arms", "sector") not in rows and any(k == "company" for _t, k in rows)


def test_a_states_move_gives_its_named_targets_not_its_own_country():
    """A counter-sanction read from the issuing state's own outlet: its firms and people are the other side's."""
    import polars as pl

    from flows.extraction.sanctions import not_own_country

    sm = pl.DataFrame({"doc_id": ["d"] * 4, "issuer": ["China"] * 4,
                       "target": ["20 US companies", "Teal Drones", "Jan Novak", "Harlow Inc"],
                       "target_type": ["company", "company", "person", "company"],
                       "target_country": ["United States", "China", "China", None]})
    assert not_own_country(sm)["target_country"].to_list() == ["United States", "United States", "United States", None]
    alone = sm.filter(pl.col("target") == "Jan Novak")  # no other country told: kept
    assert not_own_country(alone)["target_country"].to_list() == ["China"]


def _moved(text):
    return extract_sanction_mentions(sentences_of(text)).select("target", "target_type", "action", "issuer").unique(
        maintain_order=True).rows()


def test_people_before_an_aside_and_who_were_sanctioned():
    """"<C> now joins <A> and <B>, both <roles> of <group>'s wing, the Brigades <D E>, who were personally
    sanctioned by the EU on <day>": A and B are targets, the wing's name is not (issue 22, class 10)."""
    rows = _moved("Karel Dvorak now joins Anton Weiss and Pavel Rook, both senior commanders of the militia's armed "
                  "wing, the Brigades Ezzedin al-Halaby, who were personally sanctioned by the EU on December 8.")
    assert rows == [("Anton Weiss", "person", "imposed", "European Union"),
                    ("Pavel Rook", "person", "imposed", "European Union")]
    # an aside and "who" with no designation after it names no target
    assert not [r for r in _moved("Anton Weiss and Pavel Rook, both lawmakers, who were elected in 2019, praised the "
                                  "sanctions imposed on Ruritania.") if r[1] == "person"]


def test_a_move_told_as_sanctioning_after_in_or_by():
    """"<State> has joined its allies in sanctioning <demonym> officials complicit in <...>", "responded by sanctioning
    <A>": a move on those it names (issue 22, class 10); "accused of sanctioning the killings" is none."""
    assert _moved("Canada has joined its allies in sanctioning Ruritanian officials complicit in abuses.") == [
        ("Ruritanian officials", "officials", "imposed", "Canada")]
    assert ("Anton Weiss", "person", "imposed", None) in _moved("The bloc responded by sanctioning Anton Weiss.")
    assert _moved("He was accused of sanctioning the killings.") == []


def test_counted_groups_in_more_shapes():
    """Counted groups of targets (issue 22, class 10): agents and subsidiaries are heads; "hundreds of people" is a
    count; a list goes on after a hedge ("and more than 800 firms"); groups put on a sanctions list; a suspension of
    measures eases them."""
    assert ("three Harlow Air sales agents", "officials", "imposed", "United States") in _moved(
        "OFAC also designated three Harlow Air sales agents based in Ostravia over weapons proliferation.")
    assert _moved("The ministry imposed sanctions on hundreds of people and dozens of firms.") == [
        ("hundreds of people", "officials", "imposed", None), ("dozens of firms", "company", "imposed", None)]
    assert _moved("Ministers agreed to a one-year suspension of measures targeting almost 500 individuals and more "
                  "than 800 firms.") == [("500 individuals", "officials", "eased", None),
                                         ("800 firms", "company", "eased", None)]
    assert ("two subsidiaries", "company", "imposed", "United States") in _moved(
        "The Treasury today placed two subsidiaries of a Ruritanian shipping firm on the US sanctions list.")
    assert _moved("The sanctions hit hundreds of years of trade.") == []
    assert _moved("He placed the book on the shelf and read about sanctions.") == []


def test_sanctions_put_forward_and_the_members_named_after_a_colon():
    """"will propose sanctions on <group>", "suggested sanctions on <group>": proposed, not done; "sanctions on two
    members of the cabinet: <Office> Minister <A> and <Office> Minister <B>": the two named are targets, though only
    "and" joins them (issue 22, classes 9 and 10; session 16)."""
    assert _moved("We will propose sanctions on the extremist ministers.") == [
        ("extremist ministers", "officials", "proposed", None)]
    assert _moved("The proposals include suggested sanctions on extremist ministers.") == [
        ("extremist ministers", "officials", "proposed", None)]
    assert ("two banks", "company", "imposed", None) in _moved("The bloc imposed sanctions proposed by France on "
                                                                "two banks.")
    rows = _moved("The bloc imposed sanctions on two ministers of the cabinet: Interior Minister Anton Weiss and "
                  "Finance Minister Pavel Rook.")
    assert ("Anton Weiss", "person", "imposed", None) in rows and ("Pavel Rook", "person", "imposed", None) in rows


def test_one_organisation_the_move_names_by_what_it_is():
    """"Sanctions have also been applied to a <demonym> state-owned company that makes passports ..., and a <demonym>
    public relations firm involved in ...": each a company target in the page's words (issue 22, class 10; session
    16); "the state power company" (one body, named elsewhere) and a bare "a company" are none."""
    rows = _moved("Sanctions have also been applied to a Ruritanian state-owned company that makes passports for the "
                  "occupied areas, and a Ruritanian public relations firm involved in the sham vote, the minister said.")
    assert rows == [("Ruritanian state-owned company", "company", "imposed", None),
                    ("Ruritanian public relations firm", "company", "imposed", None)]
    assert _moved("The bloc imposed sanctions on a company.") == []
    assert _moved("The bloc imposed sanctions on the state power company.") == []


def test_a_firm_named_after_the_other_targets_by_what_it_does():
    """"the assets of nine people linked to <A>, and a company involved in raising funds for <A>": the firm is a target
    in the page's words, its country only what its own words tell; "and a company spokesman said" is none (issue 22,
    class 10; session 16)."""
    text = ("Norway said Tuesday it will freeze the assets of nine people linked to the militia, and a company "
            "involved in raising funds for the militia.")
    assert _moved(text) == [("nine people", "officials", "imposed", "Norway"),
                            ("a company involved in raising funds for the militia", "company", "imposed", "Norway")]
    firm = extract_sanction_mentions(sentences_of(text)).filter(pl.col("target_type") == "company")
    assert firm["target_country"].to_list() == [None]  # not the issuer's own country
    assert not [r for r in _moved("Norway sanctioned nine officials, and a company spokesman said it would appeal.")
                if "spokesman" in r[0]]


# session 17: people a move counts by their trade or office are a counted group, each of a list of them
@pytest.mark.parametrize("text, expected", [
    ("Britain sanctioned four judges and two prosecutors.", {"four judges", "two prosecutors"}),
    ("Beijing sanctioned 17 Ruritanian lawmakers over the visit.", {"17 Ruritanian lawmakers"}),
    ("The bloc imposed sanctions on 14 military officers and two deputies.", {"14 military officers", "two deputies"}),
])
def test_people_counted_by_their_trade_are_a_group_target(text, expected):
    rows = _facts_of(text)
    assert expected <= set(rows["target"]), rows.select("target", "target_type").rows()


# session 17: a capital or state the subject of an asset freeze or a designation moves ("<capital> froze the assets
# of <A>"); a court's or prosecutors' freeze is no sanctions move
@pytest.mark.parametrize("text, expected", [
    ("Tokyo froze the assets of 12 Kenyan officials.", {("12 Kenyan officials", "Japan")}),
    ("Canberra designated Tomas Berko on Friday.", {("Tomas Berko", "Australia")}),
    ("A court froze the assets of the businessman.", set()),
    ("Prosecutors froze the assets of 12 officials.", set()),
])
def test_a_capital_that_freezes_assets_or_designates_is_the_issuer(text, expected):
    rows = _facts_of(text)
    assert {(t, i) for t, i in rows.select("target", "issuer").iter_rows()} == expected


# session 17: one official a move names by office and country is that official, not the country; where the document
# names the one person who holds that office, the move is on that person
@pytest.mark.parametrize("text, expected", [
    ("The US imposed sanctions on Kenya's foreign minister.", {("Kenya's foreign minister", "officials")}),
    ("The EU sanctioned the former Kenyan intelligence chief on Monday.",
     {("former Kenyan intelligence chief", "officials")}),
    ("Foreign Minister Javad Varani spoke on Monday. The US imposed sanctions on Kenya's foreign minister.",
     {("Javad Varani", "person")}),
    # two people of that office in the document: no one to choose, the description stays
    ("Foreign Minister Javad Varani met former Foreign Minister Ali Kamau. The US sanctioned Kenya's foreign minister.",
     {("Kenya's foreign minister", "officials")}),
])
def test_an_official_told_by_office_and_country_is_no_country_target(text, expected):
    rows = _facts_of(text)
    assert {(t, k) for t, k in rows.select("target", "target_type").iter_rows()} == expected


# session 17: "the bloc" of a document whose other moves are the European Union's is the Union
@pytest.mark.parametrize("text, issuer", [
    ("The EU imposed sanctions on Kenya on Monday. The bloc also imposed sanctions on five officials.",
     "European Union"),
    ("The regional group met on Monday. The bloc also imposed sanctions on five officials.", None),
])
def test_the_bloc_of_a_document_of_the_union_is_the_union(text, issuer):
    rows = _facts_of(text)
    assert rows.filter(rows["target"] == "five officials")["issuer"].to_list() == [issuer]


# session 18: the measures as the subject that targets, a package agreed or approved, and a trade named only in what
# the designated do
@pytest.mark.parametrize("text, expected", [
    ("The sanctions target Kenya's second-largest bank, KHB.", (None, "KHB", "company", "imposed")),
    ("Ministers agreed their 12th package of sanctions against Kenya on Friday.", (None, "Kenya", "country", "imposed")),
    ("The European Union approved the ninth sanctions package on Kenya.", ("European Union", "Kenya", "country", "imposed")),
])
def test_measures_that_target_and_packages_agreed_are_moves(text, expected):
    assert expected in one(text)


def test_a_package_of_other_things_approved_is_no_move():
    assert one("Ministers approved a package of tax cuts for Kenya on Friday.") == []


def test_a_trade_told_in_what_the_designated_companies_do_is_no_sector_hit():
    # a guard for the rule above: with "target" a move's word, the trade in the relative clause was read as a hit
    rows = one("The sanctions target the gang's leader, Carlos Ruiz Ruiz, as well as two haulage companies that carry "
               "fuel and crude oil across the border.")
    assert ("Carlos Ruiz Ruiz" in [r[1] for r in rows]) and all(r[2] != "sector" for r in rows)
    # a trade the measures themselves target stays one
    assert ("United States", "oil", "sector", "imposed") in one("The US imposed sanctions that target Kenya's oil sector.")


# session 18 (class 9): a state told as under sanctions, sanctions abided by or held since a year are kept; relief
# "for" a state eases them; a state put back on a list is listed again
@pytest.mark.parametrize("text, expected", [
    ("Kenya, which is under heavy US sanctions, released the men on Friday.", ("United States", "Kenya", "country", "remain")),
    ("Kenya has been under a US trade embargo for more than six decades.", ("United States", "Kenya", "country", "remain")),
    ("The EU has had an arms embargo on Kenya since 1989.", ("European Union", "Kenya", "country", "remain")),
    ("The sanctions relief for Kenya was announced in May.", (None, "Kenya", "country", "eased")),
    ("The US put South Sudan back on its terrorism blacklist.", ("United States", "South Sudan", "country", "imposed")),
])
def test_states_kept_under_sanctions_or_eased_by_relief_for_them(text, expected):
    assert expected in one(text)


def test_a_state_placed_under_sanctions_is_no_state_kept_under_them():
    assert [r[3] for r in one("Mali was placed under ECOWAS sanctions.")] == ["imposed"]


def test_a_designee_described_in_commas_keeps_the_list_going():
    # the description holds words that elsewhere end a list ("for", "with"): the next name is still listed (session 18)
    rows = one("The government sanctioned Tomas Veller, chair of the parliament's delegation for relations with Kenya, "
               "and Anna Berg, chair of the Kenya Friendship Group.")
    assert {r[1] for r in rows if r[2] == "person"} == {"Tomas Veller", "Anna Berg"}
    # a relative clause is no description: the name inside it is whom the designee met
    rows = one("The government sanctioned Tomas Veller, who met with Anna Berg, and others.")
    assert {r[1] for r in rows if r[2] == "person"} == {"Tomas Veller"}


def test_two_described_groups_of_one_list_are_two_targets():
    rows = one("Britain imposed sanctions on major Kenyan banks and key Kenyan individuals.")
    assert {("major Kenyan banks", "company"), ("key Kenyan individuals", "officials")} <= {(r[1], r[2]) for r in rows}


@pytest.mark.parametrize("text, expected", [
    # two firms, each named by what it does (session 18)
    ("The companies sanctioned include Kilima Trading and Pwani Insurance.", {"Kilima Trading", "Pwani Insurance"}),
    ("The EU's sanctions also hit Kilima Bank and Pwani Maritime.", {"Kilima Bank", "Pwani Maritime"}),
    # ... but one firm whose name joins two trades with "and"
    ("The US sanctioned Pwani Trading and Shipping Company.", {"Pwani Trading and Shipping Company"}),
    # a legal form that leads a name opens the next firm
    ("Britain sanctioned Kilima Group Plc and JSC Pwani.", {"Kilima Group Plc", "JSC Pwani"}),
])
def test_firms_joined_by_and_are_told_apart_by_their_trade_words(text, expected):
    assert {r[1] for r in one(text) if r[2] == "company"} == expected


def test_every_counted_group_a_designation_takes_is_a_target():
    # before session 18 only the first group after the verb was taken
    rows = one("OFAC designated five individuals and three entities on Monday.")
    assert {("five individuals", "officials"), ("three entities", "company")} <= {(r[1], r[2]) for r in rows}
    rows = one("The Treasury designated five individuals after 20 people were killed.")
    assert [r[1] for r in rows] == ["five individuals"]


# session 18 (class 10): a delisting with no word of sanctions lifts; shares delisted from an exchange are no move
@pytest.mark.parametrize("text, expected", [
    ("Britain delisted Tomas Veller.", {("Tomas Veller", "lifted")}),
    ("Tomas Veller was delisted by the EU on Monday.", {("Tomas Veller", "lifted")}),
    ("The US Treasury removed Tomas Veller and Anna Berg from the SDN list.", {("Tomas Veller", "lifted"), ("Anna Berg", "lifted")}),
    ("Kilima Trading Ltd was delisted from the Nairobi Stock Exchange.", set()),
    ("Regulators delisted Kilima Trading Ltd from the stock market.", set()),
    ("Tomas Veller delisted his company from the exchange.", set()),
])
def test_delistings_lift_and_stock_delistings_are_no_move(text, expected):
    assert {(r[1], r[3]) for r in one(text)} == expected


def test_a_bare_firm_name_after_its_trade_is_a_company_target():
    # session 18: "<demonym> drone maker <A>", "surveillance firm <B>" (before: no target at all)
    rows = one("The US blacklisted Chinese drone maker Zeltron and surveillance firm Hikwave.")
    assert {(r[1], r[2]) for r in rows} == {("Zeltron", "company"), ("Hikwave", "company")}
    # whose founder: no firm named ("company's" is no trade before a name)
    assert all(r[2] != "company" for r in one("The US sanctioned the company's founder Omar Wafula."))


def test_a_legal_form_written_out_tells_a_firm():
    # session 18: "Limited" (before: "<A> Trading Limited" was a person)
    assert {(r[1], r[2]) for r in one("Treasury also sanctioned Hong Kong-based Pwani Trading Limited.")} \
        == {("Pwani Trading Limited", "company")}


# session 19: the State Department's public designation (a visa ban on the corrupt) names its designees as a designation
# does: "were publicly designated", "announced the public designation of <A>, as well as of former <office> <B>, former
# <Agency> Director <C>" (issue 22, class 10)
@pytest.mark.parametrize("text, expected", [
    ("The State Department said that former Ruritanian officials Pavel Manev, Petar Velkov and Krasen Tomev were "
     "publicly designated for their involvement in significant corruption.",
     ["Pavel Manev", "Petar Velkov", "Krasen Tomev"]),
    ("The department announced the public designation of Dorin, as well as of former Deputy Trade Minister Pavel "
     "Manev, former Export Agency Director Petar Velkov, and Ilko Varnev, an official of the customs bureau.",
     ["Pavel Manev", "Petar Velkov", "Ilko Varnev"]),
])
def test_a_public_designation_names_its_designees(text, expected):
    rows = extract_sanction_mentions(sentences_of(text), None)
    assert rows.filter(pl.col("target_type") == "person")["target"].to_list() == expected
    assert set(rows["action"]) == {"imposed"}


@pytest.mark.parametrize("text", [
    "The designation of Pavel Manev as ambassador was approved by parliament.",  # a post, no sanction
    "Parliament approved the public designation of Pavel Manev as its ombudsman.",
])
def test_a_designation_to_a_post_is_no_sanction(text):
    assert extract_sanction_mentions(sentences_of(text), None).is_empty()


# session 19: a designee named in apposition to what it is; a listing told by the bloc's word "listed" with its day, and
# the bulleted designees after "<the group> ... include:" (issue 22, class 10)
def test_a_designee_in_apposition_to_what_it_is():
    # (a name whose given name no lexicon knows: only its place in the sentence says it is the designee)
    assert _moved("The Treasury Department also blacklisted a Ruritanian businessman, Khamis Farhan al-Velko, for "
                  "bribing officials.") == [("Khamis Farhan al-Velko", "person", "imposed", "United States")]


def test_a_listing_by_the_bloc_and_its_bulleted_designees():
    text = ("The European Union formally listed on Monday nine current and former officials of Ruritania whose role "
            "in abuses has led to EU sanctions against them.\n"
            "The nine Ruritanian leaders, and short reasons for each, include:\n"
            "• Pavel Dorin, Governor of the North, accountable for abuses by the police\n"
            "• Mara Velko, Minister of Communications, responsible for closing newspapers\n")
    moved = _moved(text)
    assert ("nine current and former officials", "officials", "imposed", "European Union") in moved
    assert ("Pavel Dorin", "person", "imposed", "European Union") in moved
    assert ("Mara Velko", "person", "imposed", "European Union") in moved
    assert _moved("The report listed on Monday nine officials who had fled the country.") == []


# session 19: asset freezes in the words of the states that freeze (issue 22, class 10)
@pytest.mark.parametrize("text, expected", [
    ("The action freezes the U.S. assets of oligarchs such as aluminum tycoon Pavel Dorin and lawmaker Mara Velko.",
     [("Pavel Dorin", "person"), ("Mara Velko", "person")]),
    ("The action freezes the assets of Pavel Dorin and Mara Velko.", [("Pavel Dorin", "person"), ("Mara Velko", "person")]),
    ("Switzerland froze the assets and bank accounts of nine more Ukrainians, including a son of the ousted president.",
     [("nine more Ukrainians", "officials")]),
    ("The Federal Council has decided to freeze money held in Swiss bank accounts by Pavel Dorin and people linked with "
     "him.", [("Pavel Dorin", "person")]),
    # a firm's seat after its legal form is where it is, not its name
    ("The sanctioned entities include Varno Transport Marine Ltd of Cyprus and Trocana World Inc.",
     [("Varno Transport Marine Ltd", "company"), ("Trocana World Inc", "company")]),
])
def test_asset_freezes_as_states_tell_them(text, expected):
    rows = extract_sanction_mentions(sentences_of(text), None)
    assert [(t, k) for t, k, a in rows.select("target", "target_type", "action").rows() if a == "imposed"] == expected


def test_frozen_assets_of_a_bank_are_no_move():
    assert extract_sanction_mentions(sentences_of("The bank froze the remaining assets last year."), None).is_empty()


# session 19: designees named in a sentence of their own, in two more shapes agencies and wires use (issue 22, class 10)
@pytest.mark.parametrize("text, expected", [
    ("The State Department designated two officials on Monday.\nThe statement said that former officials Pavel Dorin, "
     "Petar Velkov and current official Ilko Varnev were publicly identified for their involvement in corruption.",
     {"Pavel Dorin", "Petar Velkov", "Ilko Varnev"}),
    ("The EU imposed sanctions on nine more Ruritanian officials on Monday.\nAmong the new listings are Pavel Dorin, a "
     "close ally of the president, and Ilko Varnev.", {"Pavel Dorin", "Ilko Varnev"}),
])
def test_designees_named_after_the_move(text, expected):
    rows = _facts_of(text)
    assert set(rows.filter(pl.col("target_type") == "person")["target"]) == expected


def test_names_after_the_others_are_in_a_swap_story_are_no_designees():
    text = ("Frozen funds of $6 billion have been transferred to banks in Doha under the deal.\n"
            "The others are conservationist Morad Velko, investor Emad Dorin and two others.")
    assert _facts_of(text).filter(pl.col("target_type") == "person").is_empty()


# session 19: a licence a sanctions agency grants or extends to a named firm eases its sanctions (issue 22, class 10)
@pytest.mark.parametrize("text", [
    "OFAC has extended the operating license of Varnoil (Varno Oil Industry) until February 20.",
    "Last month, OFAC granted Varnoil a temporary operating licence through January 23.",
])
def test_a_licence_granted_to_a_firm_eases(text):
    assert _moved(text) == [("Varnoil", "company", "eased", "United States")]


def test_a_licence_from_another_authority_is_no_sanction():
    assert _moved("The regulator granted Varno Telecom a new operating licence.") == []


# session 19: an agency's targeting of a counted group is its designation; anyone else's is not
@pytest.mark.parametrize("text, expected", [
    ("The Treasury Department targeted four companies and four vessels on Tuesday for moving oil.",
     [("four companies", "company", "imposed", "United States")]),
    ("The Treasury also targeted two banks in Minsk.", [("two banks", "company", "imposed", "United States")]),
    ("Russian strikes targeted four companies in the east.", []),
])
def test_an_agency_targeting_a_counted_group(text, expected):
    assert _moved(text) == expected

"""Failure classes seen on real news (issue 22), each reproduced with sentences written in our own words."""

import datetime as dt

import polars as pl
import pytest

from flows.extraction.events import extract_event_mentions, release_country
from flows.extraction.counts import find_release_counts
from tests.conftest import sentences_of


def _counts(sentence):
    releases, _ = find_release_counts(sentence)
    return [c for _, _, c, _ in releases]


# class 1: counts relative to named people
@pytest.mark.parametrize("sentence, count", [
    ("Opposition leader Jan Novak and 13 other prisoners were released on Saturday.", 14),
    ("Bishop Anton Berg and five other priests were freed and flown to Rome.", 6),
    ("The activist Mira Kell, a former teacher, and 13 others were freed after the visit.", 14),
    ("Union leader Pavel Dorn plus seven others were freed from the prison on Friday.", 8),
    ("Journalist Ilse Marr, together with four other journalists, was released overnight.", 5),
    ("Authorities released Tomas Veer as well as nine others held since the protests.", 10),
    # the named person's own group, told by a possessive
    ("\"Lev Maran and his 5 co-accused have been released with the charges dropped,\" his party wrote.", 6),
    ("The court freed opposition leader Dana Ruiz along with her two aides on Monday.", 3),
    ("Police released 40 protesters and their families waited outside.", 40),
])
def test_named_person_and_n_others(sentence, count):
    assert _counts(sentence) == [count]


# class 2 / 11: swaps are one event with both sides
@pytest.mark.parametrize("sentence, count", [
    ("The deal was a swap in which 16 people held in Russia were freed in exchange for eight people held abroad.", 24),
    ("Caracas freed seven Americans for two Venezuelans in a prisoner swap.", 9),
    ("Moscow said it had exchanged 95 soldiers for an equal number of enemy troops.", 190),
    ("In exchange for 110 citizens, the army released 108 soldiers it had captured.", 218),
    ("Baku released 32 Armenians, most of whom were held since 2020, in exchange for two soldiers.", 34),
    ("The release of the seven prisoners was made in exchange for freeing two nephews of the leader.", 9),
    ("Washington freed three intelligence officers in exchange for an agent jailed abroad.", 4),
])
def test_swap_is_one_release_of_both_sides(sentence, count):
    assert _counts(sentence) == [count]


# class 2: two states each freeing the other's nationals in one sentence are one exchange, told without its word
@pytest.mark.parametrize("sentence, counts", [
    ("Kenya on Sunday handed over to Uganda 12 Ugandan fishermen while Kampala released 8 Kenyan fishermen.", [20]),
    ("Borduvia freed 10 Corvanian prisoners while Valdera released 5 Polish activists.", [10, 5]),
])
def test_two_states_freeing_each_others_nationals_are_one_exchange(sentence, counts):
    assert _counts(sentence) == counts


def test_one_side_reported_elsewhere_in_the_document_is_not_another_release():
    text = ("Moscow said it had exchanged 95 soldiers for an equal number of enemy troops.\n"
            "The 95 soldiers were released near the border and taken to hospital.\n")
    events, _ = extract_event_mentions(sentences_of(text))
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [190]


def test_an_uncounted_side_counted_a_few_sentences_later_is_one_swap():
    # one side counted in the lead, the other actor's side named by its people only, counted two sentences on
    text = ("Azerbaijan has begun releasing Armenian prisoners hours after the rebels freed four soldiers.\n"
            "Buses left the prison gates before dawn.\n"
            "Officials said 120 prisoners are being released under the deal.\n")
    events, _ = extract_event_mentions(sentences_of(text))
    assert set(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list()) == {124}


# class 3: members of a counted release
@pytest.mark.parametrize("sentence, releases", [
    # a breakdown by nationality: its groups are members of the release whose total is stated elsewhere
    ("Four citizens were released along with three Latvians, two Lithuanians and two Japanese citizens.", []),
    ("A rights group said it knew of three women and seven men who had been freed.", [10]),
    ("Those released on Thursday included more than 30 students.", []),
])
def test_members_of_a_release_are_not_releases(sentence, releases):
    assert _counts(sentence) == releases


def test_country_is_the_state_that_frees_not_the_nationality_of_the_freed():
    sentence = "Russia said it had swapped 95 Ukrainian soldiers for an equal number of Russian troops."
    assert release_country(sentence, "Ukraine") == "Russia"


# class 4: tallies in real phrasing
@pytest.mark.parametrize("sentence", [
    "Since the war began, the army has released 215 soldiers under prisoner exchanges.",
    "This brings the total to 18 hostages freed since the ceasefire began.",
    "Rights groups are calling for the release of a further 1,150 prisoners.",
    "Twenty hostages are to be exchanged for nearly 2,000 prisoners under the plan.",
    "Besides the exchange, the army received the bodies of 501 soldiers.",
    "While it freed thousands of inmates, the junta was also seeking 832 people on warrants.",
    "Tehran released five Americans from prison into house arrest at a hotel.",
])
def test_tallies_and_non_releases_in_real_phrasing(sentence):
    assert _counts(sentence) == []


# class 11: counts in words
def test_count_in_words_with_a_military_noun():
    assert _counts("Thirty-one personnel from the armed forces were released on Wednesday.") == [31]


# class 11: the body the freed serve or work for, named in capitals between the count and the noun, is part of
# the count's words, never a person freed alone ("released <Demonym> Navy" read as one named person)
@pytest.mark.parametrize("sentence, count", [
    ("Borduvia released eight former Corvanian Navy personnel on Monday.", 8),
    ("A senator described Borduvia's release of eight former Corvanian Navy personnel as a quiet celebration.", 8),
    ("The junta freed two Radio Corvania journalists late on Tuesday.", 2),
    ("The rebels freed three ICRC workers after a week in captivity.", 3),
    ("Five Border Guard officers were released in the exchange.", 5),
    # a state in dotted capitals
    ("The swap came days after Borduvia swiftly freed 10 U.S. sailors caught in its waters.", 10),
    ("Tehran released two U.K. nationals on Friday.", 2),
])
def test_a_body_in_capitals_between_the_count_and_the_people(sentence, count):
    assert _counts(sentence) == [count]


# class 3 / 11: people told by what they are or do are counted; a part of a group ("six of the prisoners") is
# not: on real pages it is mostly members of a release told elsewhere ("<N> of the <people> were put on buses")
@pytest.mark.parametrize("sentence, counts", [
    ("Eight compatriots who were sentenced to death abroad have been freed.", [8]),
    ("The rebels released three aid volunteers on Friday.", [3]),
    ("Borduvia freed 12 veterans of the border war.", [12]),
    ("Three aid volunteers and two missionaries were released by the militia.", [5]),  # one release of both groups
    ("Eighty of the prisoners were released onto buses bound for the capital.", []),
    ("She was one of the 52 prisoners freed on Thursday.", [52]),
])
def test_people_told_by_what_they_do_and_parts_of_groups(sentence, counts):
    assert _counts(sentence) == counts


# class 1: the one who came with a counted group is one more ("and their driver", "and an interpreter"); their
# families or things are not
@pytest.mark.parametrize("sentence, count", [
    ("The militia freed three reporters and their driver on Monday.", 4),
    ("Two aid workers and an interpreter were released after a month.", 3),
    ("The militia freed three reporters and their families on Monday.", 3),
    ("The militia freed three reporters and their driver's car was given back.", 3),
])
def test_a_group_and_the_one_who_came_with_it(sentence, count):
    assert _counts(sentence) == [count]


# class 11: one named person out of prison in the story's own words: after the age ("<Surname>, 78, was released"),
# in a relative clause telling where from, or walking free; a release in a clause about the past stays background
@pytest.mark.parametrize("sentence, count", [
    ("Brenner, 78, was released from the central jail in Tarvik and handed to immigration officers.", [1]),
    ("The deportation of Karl Brenner, who was freed from the Central Jail in Tarvik this afternoon, went ahead.", [1]),
    ("Jailed opposition leader Anton Berg on Wednesday left the hospital a free man after a royal pardon.", [1]),
    ("Opposition leader Anton Berg walked free from a Tarvik court on Monday.", [1]),
    ("Karl Brenner, who was released in 2019, now runs a bakery in Tarvik.", []),
    ("The team walked out of the stadium to boos.", []),
])
def test_one_named_person_out_of_prison(sentence, count):
    assert _counts(sentence) == count


# class 11: a long title between "the release of" and the name ("jailed former prime minister and key opposition
# leader"); after a bare verb, four words at most
@pytest.mark.parametrize("sentence, count", [
    ("The president ordered the release of jailed former prime minister and key opposition leader Mira Kell on Monday.", [1]),
    ("The president ordered the release of former prime minister and opposition leader Mira Kell from house arrest.", [1]),
    ("The court freed on Tuesday after a long trial in the capital city Mira Kell.", []),
])
def test_a_long_title_before_a_named_release(sentence, count):
    assert _counts(sentence) == count


# class 10: each named person designated is its own move
@pytest.mark.parametrize("sentence, names", [
    ("Those newly sanctioned by Britain include the banker Pavel Orlov, the steel magnate Ilya Vetrov and oil boss Gleb Sorin.",
     ["Pavel Orlov", "Ilya Vetrov", "Gleb Sorin"]),
    ("Specifically, the targeted individuals are Kemal Arslan, Deniz Toprak and Umut Yalcin.",
     ["Kemal Arslan", "Deniz Toprak", "Umut Yalcin"]),
    ("Pavel Orlov was one of five tycoons hit with an asset freeze and a travel ban on Thursday.", ["Pavel Orlov"]),
    ("Ilya Vetrov, a former partner of the banker, was also on the sanctions list.", ["Ilya Vetrov"]),
    ("Bern adopted financial sanctions against President Pavel Orlov and Prime Minister Gleb Sorin.",
     ["Pavel Orlov", "Gleb Sorin"]),
])
def test_named_people_designated(sentence, names):
    from flows.extraction.sanctions import _person_moves

    assert [m[1] for m in _person_moves(sentence)] == names
    assert all(m[0] == ["imposed"] and m[2] == "person" for m in _person_moves(sentence))


@pytest.mark.parametrize("sentence", [
    "President Anton Hale lifted sanctions on Ruritania after meeting Marek Dvorak.",
    "Washington removed sanctions on the national airline, according to President Anton Hale's envoy Jan Novak.",
    "The envoy said Washington is considering lifting sanctions on potash if Marek Dvorak frees more prisoners.",
    "Foreign Secretary Jane Holt announced a full asset freeze on seven oligarchs.",
])
def test_people_near_sanctions_who_are_not_targets(sentence):
    from flows.extraction.sanctions import _person_moves

    assert _person_moves(sentence) == []


@pytest.mark.parametrize("sentence, names, action", [
    ("Targets of the sanctions include the Northern Trade Bank and the Coastal Investment and Savings Bank.",
     ["Northern Trade Bank", "Coastal Investment and Savings Bank"], "imposed"),
    ("The measures will also hit suppliers, with Delta Fuel Group, Delta Fuel Trading Co Ltd and Orion Cargo Logistics "
     "Co Ltd also being subject to sanctions.",
     ["Delta Fuel Group", "Delta Fuel Trading Co Ltd", "Orion Cargo Logistics Co Ltd"], "imposed"),
    ("The army-run conglomerates Union Public Holdings and Union Economic Corporation have also been sanctioned.",
     ["Union Public Holdings", "Union Economic Corporation"], "imposed"),
    ("The general license authorizes all transactions prohibited by the Sanctions Regulations involving Northern "
     "Potash Company, Field Agro LLC and Salt Works OAO.",
     ["Northern Potash Company", "Field Agro LLC", "Salt Works OAO"], "eased"),
])
def test_named_companies_each_their_own_move(sentence, names, action):
    from flows.extraction.sanctions import _person_moves

    moves = _person_moves(sentence)
    assert [m[1] for m in moves] == names
    assert all(m[0] == [action] and m[2] == "company" for m in moves)


# class 7: names missed on real pages
def _people_in(sentence):
    from flows.extraction.names import sentence_candidates

    return [c[2] for c in sentence_candidates(sentence, False) if c[5]]


@pytest.mark.parametrize("sentence, names", [
    # a comma list of the freed: names outside an English given-name list stand among known ones
    ("The freed men included Tural Mammadli, Joseph Carter, Anar Guliyev and Ruslan Ibadov.",
     ["Tural Mammadli", "Joseph Carter", "Anar Guliyev", "Ruslan Ibadov"]),
    # names after a job title that ends in a place or an office
    ("The Special Envoy for Syria Tom Brennan said the talks went well.", ["Tom Brennan"]),
    ("The Minister for Foreign Affairs Penny Marsh announced the measures.", ["Penny Marsh"]),
    ("She met the President of Belarus Alexander Petrov on Monday.", ["Alexander Petrov"]),
])
def test_names_found(sentence, names):
    assert _people_in(sentence) == names


@pytest.mark.parametrize("sentence, names", [
    # titles real pages print before a name: peeled off, the name alone is the person
    ("At a briefing, the navy's Rear Adm. Tom Brennan said the operation had been planned for weeks.", ["Tom Brennan"]),
    ("The Honourable Penny Marsh, the foreign minister, announced the measures.", ["Penny Marsh"]),
    ("The harbour city's Chief Executive Mary Holt was among those listed.", ["Mary Holt"]),
    # a surname with an apostrophe after a capital
    ("Trade Minister Peter O’Brien said the measures would stay.", ["Peter O’Brien"]),
    # places, bodies and texts listed beside names are not people
    ("Those listed are Tom Brennan, accused of attacks in the Hollow Valley, and Mary Holt, who runs the Grey Creek Farm.",
     ["Tom Brennan", "Mary Holt"]),
    ("The list names Tom Brennan, chief of the Northern Production and Construction Corps.", ["Tom Brennan"]),
    ("The Treasury issued two General Licenses for aid groups.", []),
    ("In an annex to the Order, the President named 13 officials.", []),
    # a capitalised name followed by what it is: a club, a group, a party
    ("Tom Brennan, head of the Victor Wolves motorcycle club, was listed.", ["Tom Brennan"]),
    ("The envoy met Tom Brennan and party members.", ["Tom Brennan"]),
])
def test_titles_and_place_heads(sentence, names):
    assert _people_in(sentence) == names


@pytest.mark.parametrize("sentence, names", [
    # an age before a name, a relative "who" after it
    ("Among those freed was 31-year-old Tadesse Worku, who had served half of his term.", ["Tadesse Worku"]),
    ("One of the pardoned inmates was Runako Dube, who had been jailed for life.", ["Runako Dube"]),
    # kin and trades before a name
    ("He backed the former premier and his sister, Malee Suwan.", ["Malee Suwan"]),
    ("Among the freed were newscaster Chatri Wongsa and two students.", ["Chatri Wongsa"]),
    # a role word opening a list line, a "-linked" modifier, a middle initial after a long office name
    ("Businessman Viktor Pavel Orlov;", ["Viktor Pavel Orlov"]),
    ("The list names 40 tycoons, among them Ruritania-linked Boris Kamenev.", ["Boris Kamenev"]),
    ("said the Under Secretary for Terrorism and Financial Intelligence Tom J. Brennan.", ["Tom J. Brennan"]),
    # a surname-first name after a long office; a name after a company written with an inner capital
    ("the Deputy Chief Cabinet Secretary Tanaka Hiroshi told reporters on Friday.", ["Tanaka Hiroshi"]),
    ("Former head of GrainCorp Viktor Orlov;", ["Viktor Orlov"]),
    # a clause on the first of two names, then the second: both freed people
    ("Tadesse Worku, who also runs a radio station, and Abebe Kebede, were granted amnesty.", ["Tadesse Worku", "Abebe Kebede"]),
])
def test_person_cues_on_real_pages(sentence, names):
    assert _people_in(sentence) == names


def test_an_unpunctuated_comma_list_of_names_is_no_headline():
    from flows.extraction.clean import _is_headline

    assert not _is_headline("Those freed include Tadesse Worku, Abebe Kebede, Hana Girma, Lemlem Tesfaye and Dawit Alemu")
    assert _is_headline("Ruritania Frees Jailed Poet After Ten Years")
    # an item of a list of designees closed by a semicolon is no headline either
    assert not _is_headline("• Former head of GrainCorp Viktor Orlov;")


def test_a_title_case_headline_verb_after_a_title_is_no_name():
    from flows.extraction.names import sentence_candidates

    headline = "Ruritanian President Grants Pardon to Jailed Poet"
    assert [c[2] for c in sentence_candidates(headline, True) if c[5]] == []
    assert [c[2] for c in sentence_candidates("President Maria Lopez frees jailed poet", True) if c[5]] == ["Maria Lopez"]


def test_a_given_name_that_is_also_a_city_stays_in_the_name():
    assert _people_in("Vladimir Kara Murza is free, his lawyer said.") == ["Vladimir Kara Murza"]


@pytest.mark.parametrize("sentence, names", [
    # a noun of nationality, or a demonym in the plural, before names is not part of them
    ("Among the freed were the Georgians Tamaz Oruzov and Levan Kerimli.", ["Tamaz Oruzov", "Levan Kerimli"]),
    ("Briton Mary Holt and American Tom Brennan were flown home.", ["Mary Holt", "Tom Brennan"]),
    # a title word that is also a surname, last after a given name
    ("The freed teachers, Tom King and Mary Holt, flew home in the spring.", ["Tom King", "Mary Holt"]),
    # an age written in words opens the sentence, and the capitalised run
    ("Thirty-one-year-old Tadesse Worku was the first to walk out.", ["Tadesse Worku"]),
    # an apostrophe typed as an opening quote inside a name
    ("Among the freed were activists Tom Brennan and Ekane Nkem‘a Tabe.", ["Tom Brennan", "Ekane Nkem‘a Tabe"]),
    # a list line that writes a name surname first, with a patronymic
    ("- Major Orlov Dmitry Ivanovich - head of the unit.", ["Orlov Dmitry Ivanovich"]),
    # three words after an office that is a noun: given names no English lexicon holds
    ("The deal was read out by Deputy Speaker Wiranto Bayu Saputra and Law Minister Sutrisno Adi Wibowo.",
     ["Wiranto Bayu Saputra", "Sutrisno Adi Wibowo"]),
    # ... but not after an adjective of office, nor with a role noun among the three
    ("Sanctions now fall on the Rights Council Special Rapporteur Maria Lopez.", ["Maria Lopez"]),
    ("The court's Chief Prosecutor Karim Haddad spoke in the capital.", ["Karim Haddad"]),
    # a compound role word in lower case before a name
    ("The party's secretary-general Budi Sulastri was among those pardoned.", ["Budi Sulastri"]),
    # the head of a body, then the name set off by commas
    ("said the head of the national prison service, Kyrilo Hnatenko, on Monday.", ["Kyrilo Hnatenko"]),
    # the kin of a listed person, then the listed person, run together in a list line: two people
    ("• Wife of businessman Oleg Baranov Zarina Kamilova;", ["Oleg Baranov", "Zarina Kamilova"]),
    # ... but a name of two given names and two surnames is one person
    ("Those listed include Luis Alberto Pérez Olivas and Rosa Maria Lopez Diaz.",
     ["Luis Alberto Pérez Olivas", "Rosa Maria Lopez Diaz"]),
    # the deputy chair of a party, the name in commas after it
    ("Those freed include the former deputy chairman of the Unity party, Tesfaye Worku, and two others.",
     ["Tesfaye Worku"]),
    # a given name that is also a title inside a name stays in it
    ("Those listed include Justo Pastor Morales and Ana Lopez.", ["Justo Pastor Morales", "Ana Lopez"]),
])
def test_names_on_real_pages_round_five(sentence, names):
    assert _people_in(sentence) == names


@pytest.mark.parametrize("sentence", [
    "The ruling Sunni Haddad family has held power for decades.",  # a house, not a person
    "Shortly after, a Royal Air Force Hercules landed at the base.",  # a body and its aircraft
    "The envoy spoke at the San Marco Palace in the capital.",
    "Israel Borduria War updates: both sides free prisoners",
    "The report came from the head of the army council, Senior Gen.",  # a title the sentence split cut off
    # a body or a place in commas after the office or membership it is told by
    "The order was signed by the head of the region, Kherson Oblast, on Monday.",
    "Two of them were members of the band, Crimson Riot, and were freed.",
])
def test_bodies_places_and_cut_titles_are_no_people(sentence):
    assert _people_in(sentence) == []


def test_a_list_line_of_a_kin_designates_the_kin():
    from flows.extraction.designations import bullet_target

    assert bullet_target("• Wife of businessman Oleg Baranov Zarina Kamilova;") == ("Zarina Kamilova", "person")
    assert bullet_target("• Daughter of Oleg Baranov Alina Baranova;") == ("Alina Baranova", "person")
    assert bullet_target("• Businessman Oleg Baranov;") == ("Oleg Baranov", "person")


def test_a_clergy_title_is_peeled_off():
    from flows.extraction.names import sentence_candidates

    found = [(c[2], c[6]) for c in sentence_candidates("We are working hard on Pastor Brennan, he wrote.", False)]
    assert ("Brennan", True) in found


def _mentions(*sentences):
    from flows.extraction.mentions import extract_person_mentions

    rows, pos = [], 0
    for i, t in enumerate(sentences):
        rows.append({"doc_id": "d", "sent_idx": i, "char_start": pos, "sentence": t, "is_headline": False})
        pos += len(t) + 1
    m = extract_person_mentions(pl.DataFrame(rows).cast({"sent_idx": pl.Int32}))
    return dict(zip(m["surface"], m["name"]))


def test_a_lone_first_word_stands_for_the_name_it_opens():
    # a surname-first name taken up with a title, a given name used alone (no English lexicon knows it)
    m = _mentions("Reporter Wang Meiling was freed on Monday.", "Ms Wang, 41, flew home.",
                  "Former minister Somchai Rattanakul left prison.", "Somchai thanked his lawyers.")
    assert m["Wang"] == "Wang Meiling" and m["Somchai"] == "Somchai Rattanakul"
    # a lone word that is a place or a known given name is not taken up
    m = _mentions("Jordan Whitfield spoke to reporters.", "Jordan closed the crossing.")
    assert "Jordan" not in m


def test_a_name_with_and_without_its_middle_name_is_one_person():
    from flows.resolution.people import cluster_names

    c = cluster_names(["Rahim Tayyar Ozkan", "Rahim Ozkan", "Sayed Omar Haddad", "Sayed Haddad", "Ana Lopez",
                       "Ana Maria Lopez", "Ana Sofia Lopez"])
    assert c["Rahim Ozkan"] == c["Rahim Tayyar Ozkan"] and c["Sayed Haddad"] == c["Sayed Omar Haddad"]
    # two longer names share the short one's ends: it joins neither
    assert c["Ana Lopez"] not in (c["Ana Maria Lopez"], c["Ana Sofia Lopez"])


# class 8: page furniture
@pytest.mark.parametrize("line", [
    "By Mira Holt", "ByThe Wire Service", "Written by Tom Brennan for Wire ->", "Sources (2)",
    "Jane Doe’s articles from Acme Law LLP are most popular:",
    "I am Tom Brennan, a professional writer and journalist for Example Times. I cover the world.",
    "Photo credit: Jane Doe/Wire",
    # captions that end with the picture's credit: their names are photographers or repeat the story
    "Freed captives Tom Brennan, 61, left, and Mary Holt, 70, at the hospital, May 3, 2024. (Photo: Wire)",
    "The king at a ceremony on the palace ground, Dec 5. Photo: Wire",
    "FILE - A former minister gestures at a rally in the capital, March 3, 2021.",
    "The envoy at the airport. Jo Smith/Wire via Getty Images",
    "The prosecutor at a ministry on April 2, 2021. Photo by Jo Smith via Open Archive.",
])
def test_furniture_lines(line):
    from flows.extraction.clean import is_furniture_line

    assert is_furniture_line(line)


@pytest.mark.parametrize("line", ["By then they had left.", "By Monday, 40 prisoners were freed.",
                                  "By Tuesday the talks had failed."])
def test_story_lines_starting_with_by_are_not_bylines(line):
    from flows.extraction.clean import is_furniture_line

    assert not is_furniture_line(line)


# class 6: cross-document merges respect time
def test_same_count_and_country_years_apart_are_two_releases():
    from flows.resolution.events import consolidate_events

    def mention(doc, date):
        return {"doc_id": doc, "sent_idx": 0, "char_start": 0, "char_end": 10, "event_type": "prisoner_release",
                "cameo_code": "0841", "country": "Iran", "prisoner_count": 10, "count_qualifier": "exact",
                "date_text": "x", "event_date": date, "date_precision": "day" if date else "unknown",
                "sentence": "Iran freed 10 Americans."}

    rows = [mention("a", dt.date(2019, 6, 1)), mention("b", dt.date(2019, 6, 3)), mention("c", dt.date(2022, 9, 18)),
            mention("c", None), mention("d", None)]
    from flows.extraction.events import EVENT_MENTION_SCHEMA

    events, m, _ = consolidate_events(pl.DataFrame(rows, schema=EVENT_MENTION_SCHEMA))
    assert events.height == 2
    by_doc = dict(zip(m["doc_id"], m["event_id"]))
    assert by_doc["a"] == by_doc["b"] == by_doc["d"] != by_doc["c"]


# class 5: the lead's day dates the release it leads with, against the page's date
def test_lead_day_dates_the_headline_release():
    text = ("Ruritania frees six political prisoners\n"
            "The president's office said late on Saturday that the move was humane.\n"
            "Among the six was a former candidate.\n")
    events, _ = extract_event_mentions(sentences_of(text, published=dt.date(2015, 8, 23)), {"d1": dt.date(2015, 8, 23)})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert rel["event_date"].to_list()[:1] == [dt.date(2015, 8, 22)]
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events["event_date"].to_list() == [None] * events.height  # no page date: no year is borrowed


# class 9: sanctions in real phrasing
@pytest.mark.parametrize("sentence, expected", [
    ("The emirate confirmed that unfrozen Iranian funds worth $6 billion had been transferred to its banks.",
     (None, "Iranian funds", "eased")),
    ("Washington has removed Cuba from its list of states that sponsor terrorism.", ("United States", "Cuba", "lifted")),
    ("The European Union added 30 more shadow fleet vessels, including tankers and bulk carriers, to its sanctions list.",
     ("European Union", "shadow fleet vessels", "imposed")),
    ("The European Union banned Belavia from its airspace after the forced landing.",
     ("European Union", "Belavia", "imposed")),
    ("The Security Council restored all UN sanctions on Iran under the snapback mechanism.",
     ("United Nations", "Iran", "imposed")),
])
def test_sanctions_real_phrasing(sentence, expected):
    from flows.extraction.sanctions import extract_sanction_mentions

    found = extract_sanction_mentions(sentences_of(sentence)).select("issuer", "target", "action").rows()
    assert expected in found


def test_sector_sanctions_with_tankers_stay_the_sector():
    from flows.extraction.sanctions import extract_sanction_mentions

    sentence = "Britain tightened its sanctions on Russia's oil sector, adding dozens of tankers to its list."
    found = extract_sanction_mentions(sentences_of(sentence)).select("target", "action").rows()
    assert ("oil", "tightened") in found and not any(t == "vessels" for t, _ in found)


# class 3/7: named people freed without a number
@pytest.mark.parametrize("sentence, count", [
    ("The same day, Havana freed American Alan Brooks from prison after five years.", 1),
    ("Last month the authorities also freed rights researcher Omar Nabil and lawyer Karim Fathy.", 2),
    ("The authorities also freed researcher Omar Nabil and lawyer Karim el-Fathy after a pardon.", 2),
    ("A judge on Monday ordered the release of human rights lawyer Samir Adel, held for four years.", 1),
])
def test_active_named_releases(sentence, count):
    assert _counts(sentence) == [count]


@pytest.mark.parametrize("sentence", [
    "He had been pardoned by Belarusian leader Anton Hale earlier this week.",
    "The statement was released on International Women's Day.",
    "Also freed were television journalist Irina Vale and editor Pavel Moss.",
])
def test_active_named_release_needs_the_freed_after_the_verb(sentence):
    from flows.extraction.count_named import _active_named_release

    assert _active_named_release(sentence) == []


def test_a_total_since_a_year_far_after_its_count():
    assert _counts("In all, 150 priests were expelled, banned or barred from entering the country since 2018.") == []


def test_a_later_since_in_another_clause_leaves_the_release():
    assert _counts("The junta released 87 prisoners on Monday after a visit by an envoy who has pressed since 2021.") == [87]


# class 10: lists of named targets cut by semicolons, with each name's description or a job title leading it
@pytest.mark.parametrize("sentence, names", [
    ("Others on the blacklist include Pavel Orlov, the head of a state lender; Ilya Vetrov, chairman of a "
     "pipeline firm; and Gleb Sorin, owner of a fertiliser maker.", ["Pavel Orlov", "Ilya Vetrov", "Gleb Sorin"]),
    ("Among those whose assets were frozen are the chief of the security council, Pavel Orlov; presidential "
     "spokesman Ilya Vetrov; and the president's deputy chief of staff, Gleb Sorin.",
     ["Pavel Orlov", "Ilya Vetrov", "Gleb Sorin"]),
    ("Those designated by London include Pavel Orlov, worth more than two billion pounds; the metals magnate "
     "Ilya Vetrov, and steel boss Gleb Sorin.", ["Pavel Orlov", "Ilya Vetrov", "Gleb Sorin"]),
])
def test_semicolon_lists_of_named_targets(sentence, names):
    from flows.extraction.sanctions import _person_moves

    assert [m[1] for m in _person_moves(sentence)] == names


def test_a_list_sentence_right_after_sanctions_needs_no_sanction_word():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = ("Japan froze the assets of forty more Ruritanian officials on Friday. "
            "Also joining the list, which now counts 90 people, are the head of the state bank (S.B.R.), Pavel Orlov; "
            "and Ilya Vetrov, chairman of the largest steelmaker.")
    found = set(extract_sanction_mentions(sentences_of(text)).select("issuer", "target", "action").rows())
    assert {("Japan", "Pavel Orlov", "imposed"), ("Japan", "Ilya Vetrov", "imposed")} <= found
    # far from any sanctions, the same kind of sentence designates nobody
    alone = "The list of speakers includes Pavel Orlov and Ilya Vetrov."
    assert extract_sanction_mentions(sentences_of(alone)).height == 0


def test_bulleted_targets_after_a_header():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = ("Ottawa is imposing sanctions against Ruritania by listing two individuals and one entity.\n\n"
            "The names of those added to the schedule are the following:\n\n"
            "  • Colonel General Pavel Orlov, Commander of the Northern Air Defence Headquarters\n"
            "  • Major General Ilya Vetrov, Minister of Supply\n"
            "  • Northern Air Defence Headquarters\n\n"
            "Page details\n")
    found = set(extract_sanction_mentions(sentences_of(text)).select("issuer", "target", "action").rows())
    assert {("Canada", "Pavel Orlov", "imposed"), ("Canada", "Ilya Vetrov", "imposed"),
            ("Canada", "Northern Air Defence Headquarters", "imposed")} <= found
    assert not any(t == "Page details" for _, t, _ in found)


def test_bullets_without_a_sanctions_header_are_not_targets():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = ("The minister met several guests:\n- Pavel Orlov is a banker\n- Ilya Vetrov is an engineer\n")
    assert extract_sanction_mentions(sentences_of(text)).height == 0


# class 10: a ban on imports or exports names its goods one by one
@pytest.mark.parametrize("sentence, goods", [
    # (a form of a good the list also names is that good: "iron, iron ore" is iron, as an analyst counts it)
    ("The new sanctions ban exports of coal, iron, iron ore and seafood from Ruritania.",
     ["coal", "iron", "seafood"]),
    ("The bloc adopted new sanctions against Ruritania, including bans on the import of timber, chemicals and "
     "on all dealings with two banks.", ["timber", "chemicals"]),
    ("The sanctions resolution also caps crude oil supplies to Ruritania at two million barrels a year.", ["crude oil"]),
])
def test_goods_of_a_trade_ban_are_each_a_target(sentence, goods):
    from flows.extraction.sanctions import extract_sanction_mentions

    found = extract_sanction_mentions(sentences_of(sentence)).select("target", "target_type").rows()
    assert [t for t, tt in found if tt == "sector" and t in goods] == goods
    assert not any(t in ("exports", "imports", "import", "export") for t, _ in found)


# class 3: the country of a release is the state that frees, not where the freed were flown, who mediated,
# or where a war is fought
@pytest.mark.parametrize("sentence, doc_country, country", [
    ("Three aid workers held in Syria were freed and have landed in Amman, Jordan, on Monday.", "Jordan", "Syria"),
    ("The exchange, mediated by Oman, let three aid workers detained by Syria go home.", "Oman", "Syria"),
    # the state the freed were held in frees them, not the government welcoming its nationals' release (rel10)
    ("Norway welcomed the release of six engineers who had been imprisoned in Peru since May.",
     "Norway", "Peru"),
    ("Norway's government hailed the release of four sailors from Norway, detained in Chile for a year.", "Norway", "Chile"),
])
def test_release_country_is_not_the_destination_or_the_mediator(sentence, doc_country, country):
    assert release_country(sentence, doc_country) == country


def test_one_release_count_told_twice_in_a_document_keeps_one_country():
    text = ("The swap set free 24 prisoners held in six countries, 16 of them detained in Russia. "
            "A writer jailed for criticising the war in Ukraine was among the 24 people released in the deal.")
    events, _ = extract_event_mentions(sentences_of(text), {}, {"d1": "Ukraine"})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert set(rel["prisoner_count"]) == {24} and set(rel["country"]) == {"Russia"}


def test_a_count_inside_a_larger_count_is_part_of_it():
    sentence = ("Officials say 240 prisoners are being freed, including people serving life terms and 95 detainees "
                "arrested last year.")
    assert _counts(sentence) == [240]


def test_a_named_member_of_a_counted_release_is_not_a_release_of_one():
    text = ("The government freed 30 political prisoners on Sunday. "
            "The journalist Pavel Orlov was released today after three years in jail. "
            "A judge separately ordered the release of human rights lawyer Karim Fathy, held for three years. "
            "Ilya Vetrov was freed in 2019 after two years in jail.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    counts = sorted(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list())
    assert 30 in counts and counts.count(1) == 2  # the judge's order and the 2019 release stay; the member goes


# class 5: a background release dated by its year alone; a captivity date is not the release's
def test_a_background_release_takes_its_year():
    text = "This is not the first such gesture. In 2009, the president freed 300 prisoners during a state visit."
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert rel.select("prisoner_count", "event_date", "date_precision").rows() == [(300, dt.date(2009, 1, 1), "year")]


@pytest.mark.parametrize("sentence", [
    "Officials say 150 prisoners are being freed, among them fighters captured after March 3, 2021.",
    "The 40 men, arrested on June 2, 2022, were freed and sent home.",
])
def test_the_date_someone_was_taken_does_not_date_the_release(sentence):
    events, _ = extract_event_mentions(sentences_of(sentence), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["event_date"].to_list() == [None]


def test_a_later_day_wins_over_a_captivity_year():
    from flows.extraction.events import release_date_match

    assert release_date_match("The activist, jailed in 2020, was freed on Monday with 12 others.").group(0) == "on Monday"


def test_kin_who_leave_with_the_freed_are_not_counted():
    assert _counts("Officials confirmed that the four freed Canadians and three Canadian family members are on a plane.") == [4]


def test_sanctions_against_two_countries_are_two_moves():
    from flows.extraction.sanctions import extract_sanction_mentions

    sentence = "Norway has adopted the latest round of European Union sanctions against Russia and Belarus for the war."
    found = set(extract_sanction_mentions(sentences_of(sentence)).select("target", "action").rows())
    assert {("Russia", "imposed"), ("Belarus", "imposed")} <= found


def test_they_include_names_targets_only_right_after_sanctions():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = "Canada imposed sanctions on 12 army officers on Monday. They include the commander Pavel Orlov."
    assert ("Canada", "Pavel Orlov") in extract_sanction_mentions(sentences_of(text)).select("issuer", "target").rows()
    other = "The gallery holds many portraits. They include a study of Pavel Orlov."
    assert extract_sanction_mentions(sentences_of(other)).height == 0


def test_names_after_a_plural_captive_noun_are_people():
    assert _people_in("Militants handed over the hostages Tomas Berg and Anika Lund to the Red Cross.") == \
        ["Tomas Berg", "Anika Lund"]
    # after a name, "the hostages" does not make a place a person
    assert _people_in("Fighting raged in Kafr Tala, where the hostages were held.") == []


def test_a_monsignor_is_a_title():
    assert _people_in("Monsignor Tomas Berg was among those freed.") == ["Tomas Berg"]


@pytest.mark.parametrize("sentence, expected", [
    # "a new wave of sanctions" is no waiver; a later "including an asset freeze on" starts a list of its own;
    # a legal form written before the name makes a company
    ("London imposed a new wave of sanctions on Ruritanian officials, including an asset freeze on one of the "
     "largest steel makers, OJSC Northsteel.", ("United Kingdom", "OJSC Northsteel", "imposed")),
    ("Tough EU sanctions have also been in place in Ruritania since the 2011 crackdown.",
     ("European Union", "Ruritania", "remain")),
    ("The EU also froze the assets of President Orlov and his foreign minister.", ("European Union", "Orlov", "imposed")),
])
def test_more_sanctions_phrasing(sentence, expected):
    from flows.extraction.sanctions import extract_sanction_mentions

    found = extract_sanction_mentions(sentences_of(sentence), {"d1": "Ruritania"}).select("issuer", "target", "action")
    assert expected in found.rows()
    assert not any(a == "eased" for *_, a in found.rows())


# class 2: a swap told across sentences
def test_a_swap_told_across_sentences_is_one_release_of_both_sides():
    text = ("The militia released four foreign hostages on Sunday. "
            "Their families had waited for months. "
            "In exchange, the government released 150 prisoners from two jails.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    counts = events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list()
    assert counts and set(counts) == {154}


def test_in_return_after_a_counted_swap_is_not_added_again():
    text = ("Moscow said it had swapped 40 soldiers for an equal number of its own troops. "
            "\"In return, 40 prisoners of war were handed over,\" it said.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert set(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"]) == {80}


def test_of_the_n_pardoned_m_were_released_is_a_release_of_m():
    text = ("The president pardoned 640 people to mark the holiday. "
            "Of the 640 pardons, 300 individuals were released from prison and the rest had their terms cut.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [300]


# class 4: the terms of a deal are not a release carried out
def test_the_terms_of_a_deal_are_not_a_release():
    sentence = ("The agreement, brokered by Oman and announced on Aug. 3, allows four citizens held by Ruritania to "
                "leave in exchange for the release of four Ruritanians held abroad.")
    assert _counts(sentence) == []


# class 9: a decision reported in indirect speech is done; a sector word inside a name is not a sector
@pytest.mark.parametrize("sentence, target, action", [
    ("The foreign minister announced this morning that the government would impose sanctions on the Northern "
     "Trade Bank.", "Northern Trade Bank", "imposed"),
    ("The government stated it would immediately freeze the assets of President Orlov.", "Orlov", "imposed"),
])
def test_a_reported_decision_is_not_a_proposal(sentence, target, action):
    from flows.extraction.sanctions import extract_sanction_mentions

    found = extract_sanction_mentions(sentences_of(sentence)).select("target", "action").rows()
    assert (target, action) in found and not any(a == "proposed" for _, a in found)
    assert not any(t == "trade" for t, _ in found)


def test_a_hedged_sanction_stays_a_proposal():
    from flows.extraction.sanctions import extract_sanction_mentions

    found = extract_sanction_mentions(sentences_of("The EU said it could impose sanctions on Ruritania's oil sector.")
                                      ).select("action").to_series().to_list()
    assert found and set(found) == {"proposed"}


# class 7/8: place names after "New"/"South" and organisations are not people; an actor's name is
@pytest.mark.parametrize("sentence, names", [
    ("The group included Senator Anna Berg of New Hampshire, a member of the panel.", ["Anna Berg"]),
    ("She met Representative Tom Vale of South Carolina, a member of the committee.", ["Tom Vale"]),
    ("The Treasury issued Ruritania General License 7 on Monday.", []),
    ("The club was sold to a group led by Tom Vale and Harbour Capital, a private equity firm.", ["Tom Vale"]),
    ("Among them were film director Anna Berg and actor Lio Tamm.", ["Anna Berg", "Lio Tamm"]),
])
def test_more_names_in_real_phrasing(sentence, names):
    assert _people_in(sentence) == names


def test_a_role_word_in_ist_before_a_name():
    assert _people_in("The freed men were venture capitalist Lio Tamm and novelist Anna Berg.") == ["Lio Tamm", "Anna Berg"]


def test_a_dark_fleet_is_the_shadow_fleet():
    from flows.extraction.sanctions import extract_sanction_mentions

    sentence = "The EU formally adopted its largest sanctions package, adding a further 40 dark fleet vessels to its list."
    found = extract_sanction_mentions(sentences_of(sentence)).select("target", "action").rows()
    assert ("shadow fleet vessels", "imposed") in found


def test_a_person_already_under_sanctions_remains_sanctioned():
    from flows.extraction.sanctions import extract_sanction_mentions

    sentence = ("Power sits with the president and his wife, Vice President Ana Perez, who is already subject to "
                "U.S. sanctions along with other officials.")
    assert ("Ana Perez", "remain") in extract_sanction_mentions(sentences_of(sentence)).select("target", "action").rows()


# class 7 / 10 (real2): long titled names with a capitalised particle, a role apposed before a name,
# an office ending in "Presidency", a doctor's title in a list of targets, counted targets named after a
# relative clause, a cooperative's legal form
@pytest.mark.parametrize("sentence, names", [
    ("Washington blacklisted Ruritanian Attorney General Ana Lucia Berg De Vale, Secretary of the Presidency "
     "Tomas Pavel Orlov Kell and a state lender.", ["Ana Lucia Berg De Vale", "Tomas Pavel Orlov Kell"]),
    ("The measures include an asset freeze and visa restrictions on Dr. Ilya Vetrov, the agency's chief.",
     ["Ilya Vetrov"]),
    ("Canberra has targeted two banks that finance the army, the Ruritania Trade Bank and Northern Commercial Bank.",
     ["Ruritania Trade Bank", "Northern Commercial Bank"]),
])
def test_designations_in_long_official_phrasing(sentence, names):
    from flows.extraction.sanctions import _person_moves

    assert [m[1] for m in _person_moves(sentence)] == names


def test_a_cooperative_named_before_a_passive_designation_is_a_company():
    from flows.extraction.sanctions import extract_sanction_mentions

    sentence = "Lastly, the Cooperativa De Credito Rural Nacional RL was designated as a lender to the regime."
    rows = extract_sanction_mentions(sentences_of(sentence)).select("target", "target_type", "action").rows()
    assert ("Cooperativa De Credito Rural Nacional RL", "company", "imposed") in rows


def test_a_role_apposed_before_a_name_makes_it_a_person():
    assert _people_in("They include the army chief Anna Berg and his deputy, Soe Lwin.") == ["Anna Berg", "Soe Lwin"]


# class 7 / 10 (real2): OFAC-style surnames in capitals, each titled person added to a list its own move
def test_surnames_in_capitals_after_a_given_name_are_people():
    assert _people_in("The order names Maria TORVALD and the agency's director Peter NOVAK.") == \
        ["Maria TORVALD", "Peter NOVAK"]
    # an acronym after a name is no surname; capitals without a given name are no person
    assert _people_in("The report by Anna Berg NATO said.") == ["Anna Berg"]
    assert _people_in("Photo by Anna Berg REUTERS, taken at Peter Novak LONDON office.") == ["Anna Berg", "Peter Novak"]
    assert _people_in("The ZETA Holdings report was late.") == []


def test_titled_people_added_to_a_list_are_each_designated():
    from flows.extraction.sanctions import extract_sanction_mentions

    sentence = ("OFAC also added the Director of Defence Procurement Prof. Dr. Peter NOVAK, Deputy Director of "
                "Defence Procurement Maria TORVALD, and Program Manager for Northern Air Defence Systems Directorate "
                "Tomas Ilya VETROV to its Specially Designated Nationals List.")
    rows = extract_sanction_mentions(sentences_of(sentence)).select("issuer", "target", "target_type", "action").rows()
    assert set(rows) == {("United States", n, "person", "imposed")
                         for n in ("Peter NOVAK", "Maria TORVALD", "Tomas Ilya VETROV")}


# class 10 (real2): the subject of a passive designation at the head of a sentence, a name no name pattern knows
@pytest.mark.parametrize("sentence, target, kind", [
    ("Skyvia was sanctioned by the previous administration in 2021, citing the crackdown.", "Skyvia", "company"),
    ("Ruritania’s Attorney General was designated for being an official of the government.",
     "Ruritania’s Attorney General", "person"),
    ("Finally, the Northern Savings Cooperative was also designated as a lender to the regime.",
     "Northern Savings Cooperative", "company"),
])
def test_a_passive_designation_of_a_sentence_subject(sentence, target, kind):
    from flows.extraction.sanctions import extract_sanction_mentions

    rows = extract_sanction_mentions(sentences_of(sentence)).select("target", "target_type", "action").rows()
    assert (target, kind, "imposed") in rows


def test_a_pronoun_designated_is_no_target():
    from flows.extraction.sanctions import extract_sanction_mentions

    assert extract_sanction_mentions(sentences_of("He was sanctioned by the previous administration.")).height == 0


# class 10 (real2): an imposition verb wins over the "further sanctions" adjective; announced sanctions are imposed
def test_imposed_further_sanctions_is_one_imposition():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = "The minister announced on Thursday that the government would impose further sanctions on Belarus."
    actions = set(extract_sanction_mentions(sentences_of(text))["action"])
    assert actions == {"imposed"}


def test_sanctions_for_counted_officials_name_them_as_targets():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = "The Treasury on Monday announced sanctions for six officials in Ruritania as the vote nears."
    rows = extract_sanction_mentions(sentences_of(text)).select("target", "action").rows()
    assert ("officials", "imposed") in rows


# class 7 (real2): a name after a long office title, a title repeated before each name of a list, money roles
@pytest.mark.parametrize("sentence, names", [
    ("Under Secretary for Trade and Export Intelligence Peter Novak said in a statement that the move was final.",
     ["Peter Novak"]),
    ("Freed were Father Tomas Ilya Vetrov, Father Zorvan Quillet Amaro Teyes and Father Anna Berg.",
     ["Tomas Ilya Vetrov", "Zorvan Quillet Amaro Teyes", "Anna Berg"]),
    ("The buyers include co-owner Peter Novak and Swiss billionaire Zorvan Quillet.", ["Peter Novak", "Zorvan Quillet"]),
])
def test_names_after_office_titles_and_money_roles(sentence, names):
    assert _people_in(sentence) == names


def test_a_regnal_name_and_a_general_staff_keep_their_words():
    assert _people_in("The visit of Pope John Paul II was recalled.") == ["Pope John Paul II"]
    assert _people_in("The Armed Forces General Staff was listed.") == []


# class 10 (real2): the named members of counted targets are each a target
@pytest.mark.parametrize("sentence, names", [
    ("The new sanctions ban all transactions with four Ruritanian banks, including ZetaBank.", ["ZetaBank"]),
    ("Ottawa sanctioned three companies, Alpha Trading, Beta Shipping and Gamma Oil.",
     ["Alpha Trading", "Beta Shipping", "Gamma Oil"]),
])
def test_named_members_of_counted_targets(sentence, names):
    from flows.extraction.sanctions import extract_sanction_mentions

    found = extract_sanction_mentions(sentences_of(sentence)).filter(pl.col("target_type") == "company")["target"]
    assert list(found) == names


def test_a_source_after_counted_targets_is_no_member():
    from flows.extraction.designations import _counted_members

    assert _counted_members("Tokyo imposed sanctions on 20 individuals, Reuters reported.") == []


def test_a_group_of_targets_named_by_its_label():
    from flows.extraction.sanctions import extract_sanction_mentions

    text = "The sanctions follow the listing of seven traders, which the bloc labelled “cargo fleet enablers”."
    assert ("cargo fleet enablers", "imposed") in extract_sanction_mentions(sentences_of(text)).select("target", "action").rows()
    # a quoted opinion is no label of targets
    other = "The sanctions are what critics described as 'a terrible idea'."
    assert "a terrible idea" not in set(extract_sanction_mentions(sentences_of(other))["target"])


# class 10 (real2): a company named after its country's possessive is the target, not the country
def test_a_countrys_company_is_the_target():
    from flows.extraction.sanctions import extract_sanction_mentions

    rows = extract_sanction_mentions(sentences_of(
        "The Treasury imposed sanctions on Belarus' Zetakali marketing arm, blaming Minsk.")).select(
        "target", "target_type").rows()
    assert ("Zetakali", "company") in rows and ("Belarus", "country") not in rows
    # a title names a person, and a headline's capitals name nothing
    assert ("President Novak", "company") not in extract_sanction_mentions(sentences_of(
        "The US imposed sanctions on Ruritania's President Novak.")).select("target", "target_type").rows()
    headline = extract_sanction_mentions(sentences_of("New Sanctions on Iran's Missile Program Reimposed"))
    assert "Missile Program Reimposed" not in set(headline["target"])


# class 10 (real2): "as well as" goes on with a list of targets; a country's possessive is no part of a
# company's name; "<name> ... after he was sanctioned" designates the person the sentence starts with
def test_as_well_as_continues_a_list_of_targets():
    from flows.extraction.sanctions import _person_moves

    sentence = "The Treasury sanctioned officials in the army as well as the state-owned Ruritanian Mining Company."
    assert [m[1] for m in _person_moves(sentence)] == ["Ruritanian Mining Company"]


def test_a_countrys_possessive_is_no_part_of_a_company_name():
    from flows.extraction.sanctions import _person_moves

    sentence = "Washington is imposing sanctions on the Republic of Moldova's Directorate of Defence Holdings today."
    assert "Directorate of Defence Holdings" in [m[1] for m in _person_moves(sentence)]


def test_a_person_sanctioned_told_by_a_pronoun():
    from flows.extraction.sanctions import extract_sanction_mentions

    rows = extract_sanction_mentions(sentences_of(
        "Novak sold the club in March after he was sanctioned by the UK government.")).select("target", "target_type").rows()
    assert ("Novak", "person") in rows
    assert extract_sanction_mentions(sentences_of("After the vote he was sanctioned by Canada.")).height == 0


def _moves(text, doc_country=None):
    from flows.extraction.sanctions import extract_sanction_mentions

    return extract_sanction_mentions(sentences_of(text), {"d1": doc_country} if doc_country else None).select(
        "target", "target_type", "target_country", "action").rows()


# class 10 (real3): a general licence is a move on sanctions; the company it names by its legal form and
# bracketed acronym is the target, not the country the licence is about
@pytest.mark.parametrize("text", [
    "Officials published Kenya General License 12, which permits every dealing a foreign miner needs to run its "
    "partnerships in Kenya involving Kenya Steel Works, S.A. (KSW) or firms it controls.",
    "GL 12 authorizes transactions tied to the partnerships involving state steel maker Kenya Steel Works, S.A. (KSW).",
])
def test_a_general_licence_eases_sanctions_on_the_company_it_names(text):
    rows = _moves(text, "Kenya")
    assert ("Kenya Steel Works (KSW)", "company", "Kenya", "eased") in rows
    assert not [r for r in rows if r[1] == "country"]


def test_a_company_named_with_its_legal_form_then_designated():
    rows = _moves("Regulators also listed the Banco Zafiro, SA, a bank designated two years ago for laundering "
                  "state money.", "Kenya")
    assert ("Banco Zafiro", "company", "Kenya", "imposed") in rows


# a participle before "sanctions" names their kind, not a move: "targeted sanctions relief" is no imposition,
# and "under the renewed sanctions" renews nothing
def test_participles_before_sanctions_are_no_moves():
    relief = {r[3] for r in _moves("Officials called the step a case of targeted sanctions relief for Kenya.")}
    assert relief == {"eased"}
    assert _moves("Under the renewed sanctions, Kenya may neither buy nor sell weapons.") == []


# a sentence that names whom it designates is about them: no move on the document's country beside them
def test_a_named_target_leaves_no_move_on_the_documents_country():
    rows = _moves("Britain sanctions Pavel Orlov over the war", "Kenya")
    assert [r[0] for r in rows] == ["Pavel Orlov"]


# class 10 (real3): aircraft delisted or licensed, by make and model or by kind
@pytest.mark.parametrize("text, target, action", [
    ("A new general license lets the ruling family use its three aircraft again.", "aircraft", "eased"),
    ("Washington also delisted a helicopter that a mining firm owns from its sanctions list.", "helicopter", "lifted"),
    ("Sanctions on the flag carrier were dropped, and restrictions on the government's Dassault Falcon 900 "
     "business jet were lifted too.", "Dassault Falcon 900", "lifted"),
])
def test_aircraft_as_targets(text, target, action):
    assert (target, action) in [(r[0], r[3]) for r in _moves(text, "Kenya")]


def test_an_airline_and_the_leaders_planes_keep_the_airline_first():
    assert "aircraft" not in [r[0] for r in _moves("The US lifted sanctions on the state airline and allowed "
                                                 "the president's planes to fly.", "Kenya")]


# class 9 (real3): funds named by their country's possessive are that country's, wherever they were sent
def test_unfrozen_funds_are_their_owners_wherever_sent():
    rows = _moves("Kenya's unfrozen funds, some $3bn, have reached accounts in a Gulf state, officials said", "Qatar")
    assert ("Kenyan funds", "sector", "Kenya", "eased") in rows


# class 10 (real3): "sanctions against <country>, including ..." target the country, then what they list
def test_sanctions_against_a_country_including_goods():
    rows = _moves("Brussels adopted a fresh round of sanctions against Kenya, including bans on imports of coal, "
                  "timber and chemicals.")
    targets = [r[0] for r in rows]
    assert ("Kenya", "country", "Kenya", "imposed") in rows and {"coal", "timber", "chemicals"} <= set(targets)


def test_a_form_of_a_listed_good_is_that_good():
    from flows.extraction.sanction_targets import goods_in

    assert goods_in("Sanctions stop exports of steel, iron, iron ore and gold.") == ["steel", "iron", "gold"]


# class 10 (real3): an airline told by its country ("<country>'s national airline", "the <demonym> airline")
# is the airline the document names; "added <Name> to its sanctions list" and "<Name> airline" name it too;
# "<Name> Airlines" and "<Name>" in one document are one company
def test_a_countrys_airline_is_the_airline_the_document_names():
    text = ("US drops sanctions on Kenyan airline. The Treasury has dropped sanctions on Kenya's flag carrier, "
            "Zetavia, officials said. Lifting sanctions on Zetavia Airlines opens the way to new jets, the "
            "minister said. Washington first added Zetavia to its sanctions list in 2022.")
    rows = set((r[0], r[1], r[3]) for r in _moves(text, "Kenya"))
    assert rows == {("Zetavia", "company", "lifted"), ("Zetavia", "company", "imposed")}


def test_an_airline_named_before_the_word():
    assert ("Zetavia", "company", "Kenya", "proposed") in _moves(
        "The US is considering lifting sanctions on Zetavia airline next month.", "Kenya")


def test_an_airline_named_before_its_description():
    text = ("US lifts sanctions on Kenyan airline amid thaw. Zetavia, Kenya's state carrier, has been under US "
            "sanctions since 2022.")
    assert ("Zetavia", "lifted") in [(r[0], r[3]) for r in _moves(text, "Kenya")]


# class 10 (real3): named targets whose country fell back on the document's, when that is the country that
# sanctions, belong to the country the document's moves target
def test_named_targets_are_not_the_sanctioning_countrys():
    text = ("Ottawa widens its Kenya measures. Canada today placed sanctions on Kenya, listing one person and "
            "one body:\n"
            "• Major General Peter Otieno, who commands the northern army\n"
            "• Northern Command Central Headquarters\n")
    rows = _moves(text, "Canada")
    named = [r for r in rows if r[1] != "country"]
    assert named and {r[2] for r in named} == {"Kenya"}


# class 3/5/7 (rel): named people freed without a number anywhere in the sentence, a role such as "U.S. citizen",
# an apposed name before "was freed", an apposed release with its year
@pytest.mark.parametrize("sentence, count", [
    ("Last month the authorities also freed rights researcher Omar Nabil and lawyer Karim Fathy after a pardon.", 2),
    ("The government also released U.S. citizen Mark Dole after talks in the spring.", 1),
    ("A second jailed engineer, Mark Dole, was freed last spring.", 1),
    ("The activist's brother, Pavel Orlov, freed in 2021, now runs the campaign.", 1),
])
def test_named_releases_without_a_number(sentence, count):
    assert _counts(sentence) == [count]


def test_a_named_release_without_a_number_reaches_the_counts():
    text = "Last month the authorities also freed rights researcher Omar Nabil and lawyer Karim Fathy after a pardon."
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [2]


def test_a_release_reported_as_separate_is_not_a_member_of_the_counted_one():
    text = ("The president pardoned 120 prisoners on Monday. "
            "In another case, the regime released U.S. citizen Mark Dole in a separate exchange.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert sorted(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list()) == [1, 120]


# class 11 (rel): a faith before the noun ("Catholic priests"); a list of groups right after the verb is one
# release of their sum, an aside on one of them between; a total followed by its breakdown stays the total
@pytest.mark.parametrize("sentence, counts", [
    ("Officials freed a dozen Catholic priests last autumn.", [12]),
    ("The council freed five Orthodox monks and two Baptist pastors.", [5]),
    ("The government said it had released three Orthodox bishops, including Father Karl Weiss, an outspoken "
     "critic of the government, 11 priests and four monks, and flew them abroad.", [18]),
    ("The army freed three officers, four sailors and two pilots on Friday.", [9]),
    ("Belarus released 14 prisoners, six Lithuanians, two Latvians and two Germans.", [14]),
    ("Earlier, the president shipped 140 prisoners to a neighbouring country.", [140]),
])
def test_lists_and_faiths_in_counts(sentence, counts):
    assert _counts(sentence) == counts


# class 3 (rel): "Among those released were also <name> and 13 other priests": members of the release told before
@pytest.mark.parametrize("sentence", [
    "Among those freed were also Father Anton Berg and nine other priests.",
    "Among the people freed was the journalist Pavel Orlov and four other reporters.",
])
def test_among_those_released_are_members(sentence):
    assert _counts(sentence) == []


def test_the_freed_include_names_members_not_a_release():
    assert _counts("The freed include newspaper reporter Ivan Gray and the critic Oleg Brin.") == []


# class 2 (rel): "handed over two soldiers" is not "more than two"; "the two countries swapped prisoners"
# counts countries; a side told as expected, then "In return ..." told as done: one swap of both
def test_handed_over_is_no_qualifier():
    releases, _ = find_release_counts("In return, the rebels handed over two army pilots held since spring.")
    assert [(c, q) for _, _, c, q in releases] == [(2, "exact")]


def test_a_verb_between_number_and_noun_is_no_count():
    assert _counts("The two countries swapped prisoners at the border on Tuesday.") == []
    assert _counts("Officials said the five freed Americans were on a plane.") == [5]


def test_a_hedged_side_then_in_return_is_one_swap():
    text = ("The two countries swapped prisoners at the border on Tuesday. "
            "The exchange is expected to involve Armenia releasing 30 soldiers captured last year. "
            "In return, Azerbaijan handed over three pilots who had been held since May.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert rel.select("prisoner_count", "country").rows() == [(33, "Armenia")]


# class 11 (rel): a rounded release count beside the official precise figure of the same document
def test_a_rounded_count_takes_the_precise_figure_of_the_statement():
    text = ("The council granted amnesty to 2,400 prisoners on Sunday, a news agency reported. "
            "\"2,412 inmates are to be set free in this amnesty,\" the decree said.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [2412]


# class 3/11 (rel): one person counted by "a/an" or a couple after the verb; a count whose noun is left out
@pytest.mark.parametrize("sentence, counts", [
    ("The militia on Sunday freed an American from a desert prison, weeks after the talks.", [1]),
    ("The emirate also helped in releasing a Canadian couple detained since spring.", [2]),
    ("The ministry released a statement on the talks.", []),
    ("And today they are freeing thirty political prisoners, besides four freed earlier.", [30, 4]),
])
def test_one_freed_and_counts_without_a_noun(sentence, counts):
    assert _counts(sentence) == counts


def test_one_freed_reaches_the_events():
    text = "The emirate also helped in releasing a Canadian couple detained since spring."
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [2]


# class 10 (real3): a document that names the people a move designates has no extra row for them as a group
def test_no_group_row_beside_the_named_people():
    text = ("Washington has sanctioned two Kenyan officials and a lender. The Treasury blacklisted Attorney "
            "General Mary Wanjiru Otieno and cabinet secretary Paul James Mwangi.")
    targets = [r[0] for r in _moves(text, "Kenya")]
    assert "officials" not in targets and "Mary Wanjiru Otieno" in targets
    # a group nobody names stays
    assert "officials" in [r[0] for r in _moves("Washington announced sanctions for four army officials from "
                                                "Kenya.", "Kenya")]


# what the targets did or are tied to is no further target country
@pytest.mark.parametrize("text", [
    "Oslo is to apply the bloc's sanctions against Kenyan nationals and Nairobi involved in the attack on Uganda.",
    "Ministers announced additional sanctions on Kenyan citizens and companies as a result of the conflict "
    "with Uganda.",
])
def test_a_country_the_targets_act_on_is_no_target(text):
    assert "Uganda" not in [r[0] for r in _moves(text)]


# "the targeted firms" describes; goods in the reason for a move are not its targets; a listed group with
# its named members is the members; a call for sanctions is nobody's move; "designated as wrongfully
# detained" is no sanction; a company in a listed person's role is not designated; one person in two spellings
def test_determiner_before_a_participle_is_no_move():
    assert _moves("Being on a sanctions list cuts the targeted firms off from dollar clearing, bankers say.",
                  "Kenya") == []


def test_goods_in_the_reason_are_no_targets():
    rows = _moves("Washington imposed sanctions on Kenya for knowingly buying missiles from Uganda's main "
                  "arms export agency.")
    assert "arms" not in [r[0] for r in rows] and ("Kenya", "country", "Kenya", "imposed") in rows
    # what a relief covers stays its target
    assert "coal" in [r[0] for r in _moves("The US granted sanctions relief for exports of coal from Kenya.")]


def test_a_group_with_named_members_is_the_members():
    rows = _moves("Brussels adopted a fresh round of sanctions against Kenya and on dealings with three Kenyan "
                  "banks, including Nairobi Savings Bank.")
    assert "banks" not in [r[0] for r in rows] and "Nairobi Savings Bank" in [r[0] for r in rows]


def test_a_call_for_sanctions_is_no_move():
    assert _moves("“Ottawa should go after the gold trade too, with sanctions against Kenya Gold Mining Enterprise "
                  "and Kenya Oil Enterprise,” the activist said.", "Kenya") == []


def test_designated_as_wrongfully_detained_is_no_sanction():
    assert _moves("Peter Otieno and Paul Mwangi were designated as wrongfully detained by Washington.") == []


def test_a_company_in_a_listed_persons_role_is_not_designated():
    rows = _moves("London further designated Peter Otieno, chair of Nairobi Savings Bank, and Paul Mwangi, boss "
                  "of the power utility Kenya Power Holdings.", "Kenya")
    assert [r[0] for r in rows] == ["Peter Otieno", "Paul Mwangi"]


def test_one_person_in_two_spellings_is_one_target():
    text = ("The Treasury blacklisted Ahmet ÖZTÜRK, head of the state arms office. The measures include an asset "
            "freeze on Ahmet Ozturk.")
    assert len({r[0] for r in _moves(text, "Turkey") if r[1] == "person"}) == 1


# class 9 (real3): frozen funds transferred are released, whatever else the sentence names (an aircraft
# waiting, the oil exports that earned them); funds of no one named are the document's country's
def test_frozen_funds_transferred_are_eased():
    rows = _moves("Under the exchange, $2 billion of frozen money was transferred to a third country's banks while "
                  "an aircraft waited to carry the freed men home.", "Kenya")
    assert ("funds", "sector", "Kenya", "eased") in rows and "aircraft" not in [r[0] for r in rows]


def test_funds_frozen_after_sanctions_are_the_target_not_their_goods():
    rows = _moves("Kenya's oil exports to Japan earned the money, and Tokyo froze the funds once Washington "
                  "reimposed sanctions.", "Kenya")
    assert "oil" not in [r[0] for r in rows] and ("funds", "imposed") in [(r[0], r[3]) for r in rows]


# class 10 (real3): "sanctions on jet fuel" target the good (no aircraft); a long list of unnamed and named
# targets cut by commas goes on; a role's words ("president of the state-owned grid company <Name>") name
# no target
def test_sanctions_on_a_good_target_the_good():
    assert ("jet fuel", "imposed") in [(r[0], r[3]) for r in _moves(
        "Ottawa has placed sanctions on jet fuel bound for the army.", "Kenya")]


def test_a_long_comma_list_of_targets_goes_on():
    from flows.extraction.sanctions import _person_moves

    sentence = ("Brussels and Washington designated army officials as well as the defence minister, two deputy "
                "ministers, the chief of the national post office, and the state-owned Kenyan Mining Company.")
    assert "Kenyan Mining Company" in [m[1] for m in _person_moves(sentence)]


def test_a_role_names_no_target():
    rows = _moves("London further designated Peter Otieno, president of the national state-owned grid company "
                  "Gridco, and Paul Mwangi, chief executive of the mining company Minco.", "Kenya")
    assert {r[0] for r in rows} == {"Peter Otieno", "Paul Mwangi"}


# class 10 (real3): a person the document's sanctions sentences name in full, listed later by surname alone
def test_a_surname_alone_in_a_list_names_the_person():
    text = ("Tokyo froze the assets of Peter Otieno, a deputy to President Joseph Kamau. Earlier rounds put "
            "sanctions on several others, including Kamau and a dozen army officers.")
    assert "Kamau" in [r[0] for r in _moves(text, "Kenya") if r[1] == "person"]
    # a surname no sanctions sentence names in full is no one
    assert "Kamau" not in [r[0] for r in _moves(
        "Earlier rounds put sanctions on several others, including Kamau and a dozen army officers.", "Kenya")]


# class 10 (real3): a state body designated by name is a target (officials), not when it is a listed
# person's role ("<name>, head of the <Body>")
@pytest.mark.parametrize("text, body", [
    ("The attorney general was designated for working with the designated National Guard to jail protesters.",
     "National Guard"),
    ("Twelve members of the ruling State Security Council have also been sanctioned.", "State Security Council"),
    ("Washington designated army officials as well as the defence minister, the Kenyan Institute of Posts and "
     "Telegraphs, and the state-owned Kenyan Mining Company.", "Kenyan Institute of Posts and Telegraphs"),
])
def test_a_state_body_designated_by_name(text, body):
    assert (body, "officials") in [(r[0], r[1]) for r in _moves(text, "Kenya")]


def test_a_body_in_a_persons_role_is_no_target():
    rows = _moves("The frozen list includes Peter Otieno, head of the Kenyan Security Council, and adviser "
                  "Paul Mwangi.", "Kenya")
    assert "Kenyan Security Council" not in [r[0] for r in rows]


# a law that obliges the government to impose sanctions has not imposed them
def test_sanctions_a_law_obliges_are_proposed():
    assert [r[3] for r in _moves("A new law obliges the government to impose sanctions on Kenya within a "
                                 "month.")] == ["proposed"]


# "sanctioned the two banks" after the document named two banks: those banks, one move each
def test_the_counted_banks_are_the_named_banks():
    text = ("Canberra has targeted two banks serving the junta, the Kenya Trade Bank and Kenya Commercial Bank. "
            "Washington had sanctioned the two banks a year earlier.")
    rows = [(r[0], r[3]) for r in _moves(text, "Kenya")]
    assert "banks" not in [t for t, _ in rows] and rows.count(("Kenya Trade Bank", "imposed")) == 2


# "This company is still subject to sanctions": the company the sentence before names
def test_this_company_is_the_one_named_before():
    text = ("The jets may fly only for the head of state or for the Zetakali Group. This company is still "
            "subject to sanctions despite the waiver.")
    assert ("Zetakali Group", "remain") in [(r[0], r[3]) for r in _moves(text, "Kenya")]


# class 10 (real3): a group told by its nationality ("sanctions on <demonym> citizens and companies") is
# each group; a document that names the people designated drops the unnamed groups of people beside them
def test_groups_told_by_nationality():
    rows = [(r[0], r[1]) for r in _moves("Ministers announced additional sanctions on Kenyan citizens and "
                                         "companies over the border war.", "Kenya")]
    assert ("Kenyan citizens", "officials") in rows and ("Kenyan companies", "company") in rows
    named = _moves("Canberra has sanctioned Kenyan officials over the crackdown. They include army chief "
                   "Peter Otieno and his deputy, Paul Mwangi.", "Kenya")
    assert "officials" not in [r[0] for r in named] and "Peter Otieno" in [r[0] for r in named]


# "sanctions against <country>, freezing the assets of 300 <demonym> individuals": the group is a target beside
# the country, and stays beside the few of them the document names
def test_a_frozen_group_beside_the_country():
    text = ("Tokyo imposed new sanctions against Kenya, freezing the assets of 300 Kenyan individuals. "
            "They include businesswoman Mary Otieno.")
    targets = [r[0] for r in _moves(text, "Kenya")]
    assert {"Kenya", "300 Kenyan individuals", "Mary Otieno"} <= set(targets)


# class 10 (real3): "the GL" alone is the licence; what it keeps prohibited remains
def test_what_a_licence_keeps_prohibited_remains():
    rows = _moves("Several of the operator's activities in Kenya remain prohibited under the GL.", "Kenya")
    assert ("Kenya", "country", "Kenya", "remain") in rows


# a participle that is the verb keeps its action: "renewed its sanctions on ... for another year" remains,
# and "<demonym> banks" stay the banks sector
def test_renewed_its_sanctions_remains_and_banks_stay_a_sector():
    assert ("Kenyan officials", "remain") in [(r[0], r[3]) for r in _moves(
        "The European Union renewed its sanctions on Kenyan officials for another twelve months.")]
    assert ("banks", "sector") in [(r[0], r[1]) for r in _moves(
        "The US is considering easing sanctions on Kenyan banks.", "Kenya")]


# the country that sanctions in a document is no target where no "sanctions on" names it
def test_the_sanctioning_country_is_no_stand_in_target():
    text = ("Australia imposed further sanctions on Kenya's junta on Monday. Canberra also added four more firms "
            "to its list of people and companies sanctioned since the coup.")
    assert "Australia" not in [r[0] for r in _moves(text, "Australia")]


# a reason told by a deed cuts the goods off however long it runs; a sector word after "to" is a verb
def test_a_long_deed_reason_names_no_goods_and_to_finance_is_a_verb():
    rows = _moves("Washington imposed sanctions on Kenya under its adversaries law (the CAL) for “knowingly taking "
                  "part in a large purchase from Uganda’s main arms export company, which supplied it with a "
                  "long-range air-defence battery, radars, launchers and trained crews over the past three years.”")
    assert "arms" not in [r[0] for r in rows]
    rows = _moves("Brussels has broadened its sanctions so that Kenya struggles to pay for troops and to finance "
                  "the fighting.", "Kenya")
    assert "finance" not in [r[0] for r in rows]


# class 11 (rel): a release whose size is not said has no count (qualifier "unknown"), not one of its named
@pytest.mark.parametrize("sentence, expected", [
    ("The ruler pardoned well-known blogger Karim Adel, along with a number of other detainees, officials said.",
     [(None, "unknown")]),
    ("Earlier, the authorities released a number of prisoners, including Pavel Orlov and Ilya Vetrov, after talks.",
     [(None, "unknown")]),
    ("The two governments mended ties in March 2009 after an exchange of prisoners.",
     [(None, "unknown")]),
    ("The two sides are discussing an exchange of prisoners.", []),
    ("Since the spring he has pardoned several hundred people convicted of extremism.", []),
    ("The government could free dozens of activists, a minister said.", []),
    # "has freed many": a running total over a time the perfect leaves open (session 16); a dated one is a release
    ("His government has freed many political prisoners and eased censorship.", []),
    ("The junta freed many political prisoners on Monday.", [(None, "unknown")]),
])
def test_a_release_of_an_unsaid_number(sentence, expected):
    releases, _ = find_release_counts(sentence)
    assert [(c, q) for _, _, c, q in releases] == expected


def test_an_unsaid_number_beside_a_counted_release_is_that_release():
    text = ("The government freed 30 political prisoners on Sunday. "
            "The authorities released a number of prisoners, including Pavel Orlov and Ilya Vetrov, after talks.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [30]


def test_releases_of_an_unsaid_number_do_not_merge_across_documents():
    from flows.resolution.events import consolidate_events

    def mention(doc):
        return {"doc_id": doc, "sent_idx": 0, "char_start": 0, "char_end": 10, "event_type": "prisoner_release",
                "cameo_code": "0861", "country": "Egypt", "prisoner_count": None, "count_qualifier": "unknown",
                "date_text": None, "event_date": None, "date_precision": None, "sentence": "freed a number of prisoners"}

    from flows.extraction.events import EVENT_MENTION_SCHEMA
    ev = pl.DataFrame([mention("a"), mention("b")], schema=EVENT_MENTION_SCHEMA)
    events, _, _ = consolidate_events(ev)
    assert events.height == 2 and events["count_qualifier"].to_list() == ["unknown", "unknown"]


# class 3/5 (rel): a person named again by the surname alone, set free after a ruling told (and dated) just before
def test_a_surname_alone_set_free_is_a_release_dated_by_the_sentence_before():
    text = ("The president pardoned 120 people on Thursday. The list was long. Rights groups welcomed it. "
            "They asked for more. Also today, judges reduced the prison term of reporter Ivan Petrenko. "
            "Petrenko was released hours after the court hearing.")
    events, _ = extract_event_mentions(sentences_of(text), {"d1": dt.date(2016, 3, 17)})
    rel = events.filter(pl.col("event_type") == "prisoner_release").sort("sent_idx")
    assert rel.select("prisoner_count", "event_date").rows()[-1] == (1, dt.date(2016, 3, 17))


@pytest.mark.parametrize("sentence, counts", [
    ("Petrenko was released hours after the hearing.", [1]),
    ("He was released on Monday.", []),
    ("Nobody was freed that day.", []),
    ("Minsk was freed by the army in the summer.", []),
])
def test_a_surname_alone(sentence, counts):
    assert _counts(sentence) == counts


# class 2 (rel): the other side of a swap of another nationality, its number not said: the release is "at least";
# both sides in one sentence by two actors, one of them a named person
def test_a_swap_for_an_unsaid_number_of_others_is_at_least_its_count():
    text = ("Mexico freed four American detainees in a prisoner swap on Friday. "
            "The United States, in return, agreed to free unnamed Mexican citizens held in its jails. "
            "Mexico had released U.S. citizen Mark Dole in another prisoner exchange last spring.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release").sort("sent_idx")
    assert rel.select("prisoner_count", "count_qualifier").rows() == [(4, "at_least"), (1, "exact")]


def test_a_swap_for_people_of_the_same_nationality_stays_exact():
    text = ("The movement said it had freed two jailed Americans under a prisoner swap deal. "
            "The deal freed a fighter held abroad in exchange for American citizens.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert (2, "exact") in rel.select("prisoner_count", "count_qualifier").rows()


@pytest.mark.parametrize("sentence, count", [
    ("Last autumn, the army released 40 captured soldiers, and the rebels also released opposition leader "
     "Pavel Dorn.", 41),
    ("The army released 12 soldiers on Monday, and Reuters released a statement.", 12),
])
def test_both_sides_in_one_sentence_by_two_actors(sentence, count):
    assert _counts(sentence) == [count]


@pytest.mark.parametrize("sentence, counts", [
    ("The ministry released a Russian translation of the decree.", []),
    ("The guards released a couple of prisoners at dawn.", []),
    ("Officials said three newly released prisoners arrived in the capital.", [3]),
    ("The militia freed an American held since last spring.", [1]),
])
def test_one_freed_and_modifier_verbs_stay_narrow(sentence, counts):
    assert _counts(sentence) == counts


def test_an_unsaid_number_promised_is_no_release():
    assert _counts("Officials said the government had also committed to releasing a number of political prisoners "
                   "and to hold an election in 2030.") == []


# class 11 (rel): numbers in words with hundreds and thousands
@pytest.mark.parametrize("sentence, count", [
    ("The king pardoned two hundred prisoners on the holiday.", 200),
    ("The junta freed one hundred and fifty detainees.", 150),
    ("Authorities released three thousand inmates under the amnesty.", 3000),
    ("The council freed a hundred prisoners.", 100),
])
def test_numbers_in_words_with_hundreds_and_thousands(sentence, count):
    assert _counts(sentence) == [count]


def test_vague_hundreds_are_no_count():
    from flows.extraction.count_numbers import parse_number

    assert parse_number("hundreds") is None and parse_number("two thousand five hundred") == 2500


# class 4 (rel): running totals over a period in more phrasings; a single release beside them stays
@pytest.mark.parametrize("sentence, counts", [
    ("He has pardoned over 300 people convicted of extremism since last summer.", []),
    ("So far this year, 120 prisoners have been released.", []),
    ("Over the past year, the government has released 900 prisoners in several waves.", []),
    ("The president has freed 250 prisoners in recent months.", []),
    ("Earlier this month, 16 prisoners were freed, bringing the total this year to 130.", [16]),
])
def test_running_totals_over_a_period(sentence, counts):
    assert _counts(sentence) == counts


# class 1/2 (rel): several named before "and N others"; "was freed along with N others"; swaps with bare numbers
@pytest.mark.parametrize("sentence, count", [
    ("Anna Berg, Ivan Petrenko and three others were freed.", 5),
    ("The opposition figure was freed along with 13 others.", 14),
    ("The countries swapped 16 for 10 in the largest exchange in years.", 26),
    ("It was a 26-person swap brokered by a neighbour.", 26),
    ("The two sides exchanged 95 for 95 prisoners of war.", 190),
])
def test_more_counts_relative_to_named_people_and_bare_swaps(sentence, count):
    assert _counts(sentence) == [count]


def test_a_swap_that_could_happen_is_no_release():
    assert _counts("The deal could see a 20-person swap next month.") == []


# class 3 (rel): who mediated is matched by its capitalised name only; where the freed crossed, returned or
# were heading is not who frees them
@pytest.mark.parametrize("sentence, doc_country, country", [
    ("Thanks to mediation by Oman, Iran released two French citizens.", None, "Iran"),
    ("The release was mediated by the Emir of Qatar, and Iran freed five Americans.", None, "Iran"),
    ("The released Ukrainians crossed into Belarus before reaching Ukraine.", "Russia", "Russia"),
    ("Officials say 21 soldiers freed by Azerbaijan have returned to Armenia.", "Armenia", "Azerbaijan"),
])
def test_mediators_and_destinations_are_not_the_freeing_state(sentence, doc_country, country):
    assert release_country(sentence, doc_country) == country


# class 3 (rel): "N more were being released" is more of the release told before in the document
def test_n_more_released_adds_to_the_release_told_before():
    text = ("The country on Monday freed six political prisoners under a pardon. "
            "A monitor said four men and two women were set free. "
            "The monitor added that three more prisoners were being freed.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert set(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list()) == {9}


def test_n_more_in_an_earlier_year_is_its_own_release():
    text = ("The country on Monday freed six political prisoners under a pardon. "
            "In 2019 twelve more prisoners were released after a court ruling.")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert sorted(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list()) == [6, 12]


@pytest.mark.parametrize("sentence, counts", [
    ("In 2019 twelve more prisoners were released after a court ruling.", [12]),
    ("In 2019 prisoners were released after a court ruling.", []),
])
def test_a_year_after_a_preposition_is_no_count(sentence, counts):
    assert _counts(sentence) == counts


# round 7 (rel): structures seen on the opened held-out pages, in our own words

def _release_counts(text):
    events, _ = extract_event_mentions(sentences_of(text), {})
    return sorted(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list(),
                  key=lambda c: (c is None, c or 0))


# class 2: a one-for-one swap of named people, told with an active verb: both sides
@pytest.mark.parametrize("sentence, count", [
    ("Ruritania freed chess champion Lena Moor on Monday in a prisoner exchange, with Borduria releasing "
     "convicted smuggler Petr Kalin, officials said.", 2),
    ("Ruritania has freed NHL forward Tom Reed in a high-profile swap, with the U.S. releasing arms broker Igor Lenko.", 2),
    ("The government has released Ivan Sokol, a jailed hacker, in exchange for Mara Lind, a teacher held abroad "
     "since 2020, a source said.", 2),
    ("Ruritania freed Lena Moor on Friday, with officials releasing a statement.", 1),
])
def test_a_named_one_for_one_swap_with_an_active_verb(sentence, count):
    assert _counts(sentence) == [count]


# class 4: leave from prison is no release
@pytest.mark.parametrize("sentence", [
    "A third detainee, Omar Zand, has been released from prison on furlough.",
    "The court said the activist Ana Lind was released on temporary leave to attend a funeral.",
])
def test_furlough_is_not_a_release(sentence):
    assert _counts(sentence) == []


# class 3: groups inside a counted release ("among those set to be freed are N", "the amnesty includes release of N")
def test_members_of_a_release_to_come():
    assert _counts("Among those set to be freed are 40 foreign nationals from nine countries.") == []


def test_a_group_the_amnesty_includes_is_part_of_it():
    text = ("The state granted amnesty to 5,120 prisoners on Monday, the president's office said.\n"
            "The amnesty includes release of 25 foreigners, but no political prisoners.\n")
    assert _release_counts(text) == [5120]
    assert _release_counts("The amnesty includes the release of 800 prisoners, the ministry said.\n") == [800]


# class 3: the page's date line opening the lead is no cue that sets a vague release apart from the counted one
def test_a_date_line_does_not_set_a_members_release_apart():
    text = ("date 2025-03-02 KASTOR (AP) — The king on Monday pardoned a group of journalists jailed for their work.\n"
            "Ana Lind and Tom Reed were among 1,500 people who received pardons this week, the ministry said.\n")
    assert _release_counts(text) == [1500]


# class 3/4: a breakdown of the freed told as shares of them
def test_shares_of_the_pardoned_are_not_releases():
    assert _counts("According to the ministry, 12 of those pardoned are foreigners, 40 are women and 9 are over 70.") == []


# class 11: the freed and those whose terms were only cut, the two parts of a pardon decree
def test_a_pardon_decree_split_into_freed_and_shortened_terms():
    assert _counts("Officials said a total of 70 prisoners were released and returned home on Friday.") == [70]
    assert _counts("A total of 300 prisoners were freed since 2022.") == []
    assert _counts("A total of 300 prisoners were freed over the past year.") == []
    assert _counts("A total of 5,000 prisoners were released last year.") == []
    text = ("The president signed a decree pardoning 90 convicts ahead of the holiday.\n"
            "A total of 70 prisoners were released and 20 others had their sentences shortened.\n")
    assert _release_counts(text) == [70]


# class 2: more named one-for-one structures: a second freed name after the first one's apposition, a count told of
# the freed person after the name, the explicit link further on than a "for" of time, "an aid worker and a diplomat"
@pytest.mark.parametrize("sentence, counts", [
    ("Ruritania released Ivan Sokol, 41, a trade envoy, as well as Mara Lind, a dual national, the minister said.", [2]),
    ("In exchange, Borduria released Petr Kalin, a judge who had been sentenced for killing 3,000 prisoners.", [1]),
    ("Ruritania freed two Borduran nationals held for three years in exchange for a spy.", [3]),
    ("Ruritania and Borduria have freed an aid worker and a diplomat held in each other's jails.", [2]),
])
def test_more_named_one_for_one_structures(sentence, counts):
    assert _counts(sentence) == counts


# class 11: one more person after a counted group; a headline's named release without "was"; a bare count opening
# the sentence as the subject of a release
@pytest.mark.parametrize("sentence, counts", [
    ("The group also freed eight Nepali workers and a Kenyan citizen under a separate deal.", [9]),
    ("Veteran rights activist Sara Odeh released from prison", [1]),
    ("Around 50 were released from two prisons in the capital after midnight.", [50]),
])
def test_counts_told_without_their_usual_frame(sentence, counts):
    assert _counts(sentence) == counts


def test_a_headline_release_and_a_bare_count_reach_extraction():
    assert _release_counts("Veteran rights activist Sara Odeh released from prison\n") == [1]
    assert _release_counts("Dozens of activists walked out.\nAround 50 were released from two prisons overnight.\n") == [50]


def test_the_far_exchange_link_never_skips_another_counted_group():
    assert _counts("The historic swap followed months of talks and involved 24 prisoners across six countries −16 "
                   "individuals detained in Ruritania in "
                   "exchange for eight people held abroad.") == [24]


# class 4: a release still to come
def test_set_to_begin_releasing_is_not_done():
    assert _counts("Ruritania is set to begin releasing hundreds of inmates after the vote in parliament.") == []
    assert _counts("Ruritania began releasing hundreds of inmates on Friday.") == [None]


# class 2 (rel8): two named actors each freeing a counted group, told together in reported speech ("confirmed A had
# released N and that B had freed M"): one exchange of both sides, even without a swap word; a pronoun or a lower-case
# subject after "and that" is the same actor or no second side
@pytest.mark.parametrize("sentence, counts", [
    ("The mediator confirmed the militia had on Monday released a total of 12 captives and that Ruritania had "
     "freed 30 women from its jails.", [42]),
    ("Officials said the rebels released 5 fishermen and that the police had freed 8 others.", [5, 8]),
    ("The group said it had freed 5 soldiers and that it also released 8 civilians.", [5, 8]),
])
def test_two_actors_in_reported_speech_are_one_exchange(sentence, counts):
    assert _counts(sentence) == counts


# class 11 (rel8): captives handed back are "returned": passive "have been returned to/from", active "returned to their
# homeland"; a bare "returned" (to prison, to work) is none; class 4: a lead "since <event or year>" (after "In total")
# makes a running total
@pytest.mark.parametrize("sentence, counts", [
    ("Four more prisoners of war have been returned to Osterland from Ruritania.", [4]),
    ("Then, seven Ruritanian soldiers returned to their homeland.", [7]),
    ("Four inmates returned to prison after the holiday.", []),
    ("Twelve detainees returned to work in the prison laundry.", []),
    ("In total, since the end of the war, 80 prisoners, among them civilians, have been returned to Osterland.", []),
    ("In total, since the end of the war, 80 prisoners, among them civilians, have been freed.", []),
])
def test_captives_returned_and_a_period_lead(sentence, counts):
    assert _counts(sentence) == counts


# class 4 (rel8): the sentence after one summing up a period, with no time of its own, goes on with that period's
# figures: its counts are running totals, not releases; a time of its own makes it news again
@pytest.mark.parametrize("text, counts", [
    ("The group said that between March 3 and April 3, 900 people were jailed for their views. "
     "In addition, 12 people were released from prison.", []),
    ("In total, since the end of the war, 80 prisoners have been returned to Osterland. "
     "Osterland handed over 20 people to Ruritania.", []),
    ("The group said that between March 3 and April 3, 900 people were jailed for their views. "
     "On Friday, 12 people were released from prison.", [12]),
])
def test_counts_after_a_period_summary_are_running_totals(text, counts):
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert rel["prisoner_count"].to_list() == counts


# class 2 (rel8): "in exchange for getting home scores of migrants": the other side a rough multitude, its number not
# said, so the release is at least its count
def test_a_rough_multitude_on_the_other_side_is_unsaid():
    releases, _ = find_release_counts("Ruritania released 10 jailed soldiers on Friday in exchange for getting home "
                                      "scores of migrants deported abroad.")
    assert [(c, q) for _, _, c, q in releases] == [(10, "at_least")]
    releases, _ = find_release_counts("Ruritania released 10 jailed soldiers on Friday in exchange for dozens of "
                                      "migrants.")
    assert [(c, q) for _, _, c, q in releases] == [(10, "at_least")]


# class 2 (rel9): a one-for-one swap of named people told by its link alone: a passive named release "in a prisoner
# swap for <name>" (as "in exchange for <name>"), the exchange verb with a named person on each side ("exchanged
# <role> <name>, <aside>, for <one person>", "exchanged Mr <Surname> for <Surname>"); neither greetings nor goods
@pytest.mark.parametrize("sentence, counts", [
    ("Jonas Berglund was released on Thursday in a prisoner swap for Karim Haddad, the smuggler.", [2]),
    ("Jonas Berglund was released on Thursday in exchange for Karim Haddad, the smuggler.", [2]),
    ("Norway has exchanged charity worker Jonas Berglund, who was held in Cairo, for an Egyptian spy jailed in Oslo.", [2]),
    ("Government sources confirmed that they had exchanged Mr Berglund for Haddad, a move the courts allowed.", [2]),
    ("Traders exchanged Bitcoin for Ether on Monday.", []),
    ("The envoys exchanged Christmas Cards for years.", []),
    ("Officials had hoped they would have exchanged Mr Berglund for Haddad by now.", []),
])
def test_one_for_one_swap_of_named_people(sentence, counts):
    events, _ = extract_event_mentions(sentences_of(sentence), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == counts


# class 2 / 11 (rel9): a second counted group freed alongside the first is one release of their sum; the first group
# told again on its own in the document is a part of it, not a release of its own
def test_a_group_freed_alongside_another_is_one_release():
    assert _counts("Under the accord, 39 women and minors facing charges were released, alongside 13 Ruritanian "
                   "hostages taken in the raid.") == [52]
    text = ("A total of 39 prisoners were freed on the first day of the truce.\n"
            "Under the accord, 39 women and minors facing charges were released, alongside 13 Ruritanian hostages.\n")
    events, _ = extract_event_mentions(sentences_of(text), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [52]
    # a breakdown after "along with" (three groups or more) stays members, not a sum of two
    assert 5 not in _counts("Ten nationals were released along with three Poles, two Latvians and two Japanese.")


# class 4 (rel9): a release told by an adjective of the future ("impending", "upcoming", "planned") is no release
@pytest.mark.parametrize("sentence, counts", [
    ("The statement noted the rebels' impending release of 12 Ruritanian prisoners, whom the envoy called soldiers.", []),
    ("Officials prepared for the upcoming release of 40 detainees.", []),
    ("The rebels' release of 12 Ruritanian prisoners was confirmed by the envoy.", [12]),
])
def test_a_release_still_ahead_by_its_adjective(sentence, counts):
    assert _counts(sentence) == counts


# class 4: a release in the passive infinitive is wanted or planned ("pushing for three more Americans to be freed"),
# unless it ranks the freed ("the latest of 14 activists to be released")
@pytest.mark.parametrize("sentence, counts", [
    ("The envoy said he had won the teacher's release and is pushing for three more Americans to be freed.", []),
    ("Officials expect 30 more detainees to be released next week.", []),
    ("The families want all 12 fishermen to be set free before the holiday.", []),
    ("She is the latest of 14 activists to be released this year.", [14]),
    ("The 52 prisoners were freed on Thursday.", [52]),
])
def test_a_release_in_the_passive_infinitive_is_not_done(sentence, counts):
    assert _counts(sentence) == counts


# class 4: a count beside a release that is no release of theirs: people held and let go (a total of detentions),
# people who pressed for someone's release, hostages freed by troops (a rescue, told in the passive)
@pytest.mark.parametrize("sentence, counts", [
    ("The toll leaves out the more than 3,000 activists who were arrested and later released after questioning.", []),
    ("Last month more than 300 teachers wrote to the premier to pressure Borduvia to release him.", []),
    ("Two foreign hostages have been freed by Corvanian special forces in the border region, officials say.", []),
    ("Last week the envoy formally requested that the Borduvian government pardon Lena Brandt or deport her, "
     "and more than 300 teachers signed a letter.", []),
    ("Six prisoners were freed by the court on Monday.", [6]),
    ("Five protesters were freed by police on Monday evening.", [5]),
])
def test_a_count_beside_a_release_that_is_not_theirs(sentence, counts):
    assert _counts(sentence) == counts


# class 11: the release of one named person as the subject of a verb telling it happened
@pytest.mark.parametrize("sentence, counts", [
    ("The release of Brandt, 14 months into a ten-year term, came as the president hosted the envoy.", [1]),
    ("The release of student Lena Brandt came as the president hosted the envoy.", [1]),
    ("Brandt’s release came after weeks of quiet contacts between the two capitals.", [1]),
    ("Ukraine’s release came after talks.", []),
    ("Activists called for the release of Lena Brandt, which came as a surprise to few.", []),
])
def test_a_named_release_told_by_its_noun(sentence, counts):
    assert _counts(sentence) == counts


# class 11: two named people released together, an apposition between them; a pardon granted to a named person
@pytest.mark.parametrize("sentence, counts", [
    ("Opposition firebrand Oumar Kane and the candidate he is backing in the March vote, Idrissa Lam Sow, were "
     "released from prison on Thursday, state radio said.", [2]),
    ("Borduvia has granted a pardon to French-Borduvian writer Lena Brandt and approved her transfer abroad.", [1]),
    ("Amnesty International and Human Rights Watch were freed to work in the country.", []),
])
def test_two_named_released_together_and_a_pardon_granted_to_one(sentence, counts):
    assert _counts(sentence) == counts


def test_a_pardon_granted_to_a_named_person_is_a_release_event():
    """Its count was found, but the sentence never reached the count (PREFILTER_RELEASE had no way for
    "granted a pardon to <role> <name>"): the page's release was missed."""
    for sentence in ("Borduvia has granted a pardon to French-Borduvian writer Lena Brandt and approved her transfer "
                     "abroad, the presidency announced Wednesday.",
                     "The president granted a pardon to jailed journalist Lena Brandt on Monday."):
        events, _ = extract_event_mentions(sentences_of(sentence), {})
        assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [1]


# class 3 (rel9): a subject of two states, "A and B have freed <one> and <the other>": the first named is the
# release's country (as "A freed <one>, with B releasing <the other>"), not the one next to the verb
def test_the_state_of_the_prison_a_person_is_freed_from_frees_even_an_issuer_of_sanctions():
    # (the court of a plea deal abroad, or the country the freed flies home to, does not free)
    assert release_country("The publisher Aron Vale has been freed from Harwick maximum security prison in the UK as "
                           "part of a plea deal with a court in Saipan.", None) == "United Kingdom"
    assert release_country("Aron Vale was released from Harwick Prison in the UK on Monday after a plea deal.",
                           "Australia") == "United Kingdom"
    assert release_country("The reporter was freed from a jail in Iran on Monday.", None) == "Iran"


def test_a_states_authority_told_by_its_demonym_frees():
    # (not the country of the freed person's family, nor the page's)
    assert release_country("A Lebanese court has ordered the release of Omar Vale, son of Libya’s late ruler, on bail.",
                           "Libya") == "Lebanon"
    assert release_country("Iranian authorities freed the tourist on Monday, Paris said.", "France") == "Iran"


def test_the_release_of_a_statement_is_no_release():
    assert _counts("The announcement followed the release of a statement in the capital saying 11 men were charged.") == []
    assert _counts("The release of the 11 prisoners followed talks.") == [11]


def test_two_states_freeing_each_others_prisoners_take_the_first_named():
    assert release_country("Chile and Norway have freed an aid worker and a diplomat held in each other's "
                           "countries, respectively.", None) == "Chile"
    assert release_country("Norway and Chile have freed an aid worker and a diplomat held in each other's "
                           "countries, respectively.", None) == "Norway"
    assert release_country("Officials said Chile has freed an aid worker held since May.", "Norway") == "Chile"


# class 11 (rel9): the passive of "freed an aid worker and a diplomat": two people described by "a/an" as the subject
@pytest.mark.parametrize("sentence, counts", [
    ("An American and an Australian held hostage by the rebels for three years were freed on Tuesday, officials said.", [2]),
    ("A journalist and a lawyer were released from the jail after the ruling.", [2]),
    ("An American and an Australian could be freed next week.", []),
    ("An American and an Australian were arrested on Tuesday.", []),
])
def test_two_people_described_by_an_article_freed_by_a_passive(sentence, counts):
    events, _ = extract_event_mentions(sentences_of(sentence), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == counts


# class 4 (rel9): a release denied ("were not exchanged with anyone", "have never been freed") is no release
@pytest.mark.parametrize("sentence, counts", [
    ("According to officials, the three Ruritanian men were not exchanged with anyone.", []),
    ("The 12 prisoners have never been freed.", []),
    ("The 12 prisoners who had not been charged were freed on Monday.", [12]),
])
def test_a_denied_release_is_no_release(sentence, counts):
    assert _counts(sentence) == counts


# class 2 (rel9): a named release told under way ("<name> is being released ... in exchange for <name>") is a release,
# a one-for-one swap of 2 when the other side is one named person
def test_a_named_release_under_way():
    events, _ = extract_event_mentions(sentences_of(
        "Accused smuggler Karim Haddad is being released from custody in exchange for Jonas Berglund, a source said."), {})
    assert events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list() == [2]


# class 3 / 11: one person described, not named: "freed a <demonym> woman", and a headline's "<State> frees <demonym>
# man held since <year>" with no article; a demonym the name does not derive ("Lebanese") counts too
@pytest.mark.parametrize("sentence, count", [
    ("Tehran freed a French woman on Tuesday after two years in jail.", [1]),
    ("Ruritania frees Lebanese man held since 2015", [1]),
    ("Havana releases American journalist after talks", [1]),
    ("Moscow frees U.S. teacher in exchange deal", [1]),
    ("Kenya pardons Somali woman jailed over a protest", [1]),
    ("Ruritania release of Lebanese man a good sign, says minister", [1]),
    ("Activists called for the release of Lebanese man held abroad", []),
    # a capital that is no demonym, a name after the noun (a named release: one row, not two), no person's noun
    ("Police released Monday prisoner lists to the press", []),
    ("Havana releases American journalist Ann Lee after talks", [1]),
    ("The ministry released Belgian statistics on prisons", []),
])
def test_one_person_described_by_a_demonym_is_a_release_of_one(sentence, count):
    assert _counts(sentence) == count


def test_where_the_freed_go_next_is_not_the_state_that_frees_them():
    from flows.extraction.events import release_country

    sentence = ("The ministry announced that 135 prisoners were freed from jail, adding that they will go to Guatemala "
                "before moving on to other nations.")
    assert release_country(sentence, "Nicaragua") == "Nicaragua"


# class 3 / 4: a counted group "among (a total of) M released by ..." is a part of the release of M, the relative
# clause cut short ("released by a pardon", no "who were")
@pytest.mark.parametrize("sentence, counts", [
    ("Dorn was one of forty-two political prisoners, among a total of 380 prisoners released by a presidential "
     "pardon, the most in a decade.", [380]),
    ("The 42 activists were among 380 inmates freed under the amnesty on Friday.", [380]),
    ("Some 40 journalists, among 300 people freed under the amnesty, left prison.", [300]),
])
def test_a_group_among_a_larger_count_freed_is_its_part(sentence, counts):
    assert _counts(sentence) == counts


def _sanction_facts_of(*texts):
    from flows.extraction.facts import extract_facts

    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts),
                         "published_at": [dt.date(2024, 5, 1)] * len(texts),
                         "source_path": [f"{i}.txt" for i in range(len(texts))],
                         "title": [None] * len(texts), "status": ["loaded"] * len(texts)})
    return extract_facts(docs)["sanction_mentions"]


# issue 22, class 10 (sanc11p): named designees told in real phrasing, each its own move
@pytest.mark.parametrize("sentence, expected", [
    # a list read back from its passive cue, each name with its role in commas; a given name the lexicon lacks
    # ("Wasilo") stands beside names it knows
    ("A Foreign Office statement said General Marek Dvorak, former head of the Ruritanian Navy, Wasilo Karengo, "
     "former army commander, and Tomek Jarunda, former police chief, were among those sanctioned.",
     ["Marek Dvorak", "Wasilo Karengo", "Tomek Jarunda"]),
    # a dash aside before the cue, titles before each name
    ("Two army officers – Staff Sergeant Adam Nowak and Lieutenant Commander Piotr Zielinski – are also on the "
     "sanctions list.", ["Adam Nowak", "Piotr Zielinski"]),
    # "are among the list of N individuals sanctioned", a demonym and a plural role before the last name
    ("Ruritanian businessmen Jan Kowal and Adam Nowak and Borduvian bankers Piotr Zielinski are among the list of "
     "five individuals sanctioned on Monday.", ["Jan Kowal", "Adam Nowak", "Piotr Zielinski"]),
    # shortened titles (plural too) and party asides in brackets do not end the list
    ("The bloc's measures targeted Sens. John Smith (R-Ohio) and Mary Jones (D-Iowa) and Rep. Peter Brown (R-Utah).",
     ["John Smith", "Mary Jones", "Peter Brown"]),
    # two given names sharing one surname are two people; two full names are only themselves
    ("Canada has imposed sanctions on three Ruritanian officials, including former presidents Marek and Tomasz "
     "Dvorak, over abuses.", ["Marek Dvorak", "Tomasz Dvorak"]),
    ("Canada has imposed sanctions on Marek Dvorak and Tomasz Kowal over abuses.", ["Marek Dvorak", "Tomasz Kowal"]),
    # a listing with no sanction word; a list of another kind is none
    ("The United Nations added Jan Kowal, the leader of an armed group, to its list of global terrorists.", ["Jan Kowal"]),
    ("The United Nations added Jan Kowal to its list of speakers.", []),
    # an entry ban on named people
    ("The entry ban applies to Borduvian Prime Minister Jan Kowal and Borduvian Foreign Minister Anna Wrobel.",
     ["Jan Kowal", "Anna Wrobel"]),
    # names the lexicon lacks with no name it knows, or people beside a sanctions talk: no designees
    ("Wasilo Karengo and Tomek Jarunda were among those sanctioned.", []),
    ("Marek Dvorak, the finance minister, and Wasilo Karengo attended the meeting where sanctions were discussed.", []),
])
def test_named_designees_in_real_phrasing(sentence, expected):
    from flows.extraction.sanctions import _person_moves

    moves = _person_moves(sentence)
    assert [m[1] for m in moves if m[2] == "person"] == expected
    assert all(m[0] == ["imposed"] for m in moves)


def test_a_demonym_heading_a_titled_name_gives_the_persons_country():
    """"<demonym> Prime Minister <name>": the person's own country, even one that issues sanctions elsewhere."""
    from flows.extraction.sanctions import _person_moves

    moves = _person_moves("The entry ban applies to Japanese Prime Minister Jan Kowal.", "Russia")
    assert [(m[1], m[3]) for m in moves] == [("Jan Kowal", "Japan")]


@pytest.mark.parametrize("sentence, expected", [
    # armed groups and parties named by one word right after the measures
    ("Further sanctions have been imposed against Hamas and Hezbollah.", [("Hamas", "officials"), ("Hezbollah", "officials")]),
    # where the sentence speaks of firms, they are firms
    ("Beijing imposed sanctions on Northrop and Boeing, the two companies selling arms.",
     [("Northrop", "company"), ("Boeing", "company")]),
    # a place, a country, a day: none
    ("The EU imposed sanctions on Gaza and Ruritania.", []),
    ("The US imposed sanctions on Tuesday.", []),
    # a people (a demonym in the plural) is no body: "frozen under sanctions against <demonym>s"
    ("The bank froze funds under sanctions against Iranians and Syrians.", []),
])
def test_one_word_bodies_and_firms_after_the_measures(sentence, expected):
    from flows.extraction.sanctions import single_word_targets

    assert [(w, k) for w, _, k in single_word_targets(sentence)] == expected


def test_a_shortened_plural_title_ends_no_sentence():
    rows = _sanction_facts_of("Beijing's sanctions targeted Sens. John Smith and Mary Jones, the two lawmakers.")
    assert {"John Smith", "Mary Jones"} <= set(rows["target"])


def test_designees_listed_on_lines_after_among_those_included_in_the_list():
    rows = _sanction_facts_of("The entry ban applies to Borduvian Prime Minister Jan Kowal. Among those included in the "
                     "Ruritanian black list are:\n• Anna Wrobel - Minister of Finance\n• Adam Nowak - Minister of Defence")
    assert {"Jan Kowal", "Anna Wrobel", "Adam Nowak"} <= set(rows.filter(rows["target_type"] == "person")["target"])


def test_a_list_opened_by_a_dash_after_the_cue_names_designees():
    from flows.extraction.sanctions import _person_moves

    sentence = ("The groups newly designated by the Ruritanian government as terrorist organisations are the Northern "
                "Front and the Coastal Brigade, and the men it named as their leaders — Jan Kowal, Adam Nowak and "
                "Piotr Zielinski.")
    people = [m[1] for m in _person_moves(sentence) if m[2] == "person"]
    assert {"Jan Kowal", "Adam Nowak", "Piotr Zielinski"} <= set(people)


def test_a_designee_identified_as_a_named_person():
    rows = _sanction_facts_of("The Treasury sanctioned a Ruritanian hacking network on Friday. The targets include the "
                     "network's leader, identified as Jan Kowal.")
    assert "Jan Kowal" in set(rows.filter(rows["target_type"] == "person")["target"])


def test_barring_entry_to_named_people_designates_them():
    from flows.extraction.sanctions import _person_moves

    sentence = ("The ministry said the government would bar entry into the country by Jan Kowal, the former governor of "
                "the northern province; Adam Nowak, a former police chief; and Piotr Zielinski, the head of the prison "
                "service.")
    assert [m[1] for m in _person_moves(sentence) if m[2] == "person"] == ["Jan Kowal", "Adam Nowak", "Piotr Zielinski"]


@pytest.mark.parametrize("text, counterparts", [
    # the swap told in the release's own sentence: the other state by name or demonym, the freeing one left out
    ("Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru.", ["Peru"]),
    ("Ecuador released four prisoners on Monday in an exchange with Bolivia.", ["Bolivia"]),
    # the swap told in the sentence beside it: the release's sentence names the other state
    ("Chile freed four Peruvian fishermen on Monday. In return, Lima handed back a pilot.", ["Peru"]),
    # ... or only the swap's sentence does
    ("Norway has freed six sailors. Officials called it part of a swap with Denmark.", ["Denmark"]),
    ("Peru released a pilot on Monday. The pilot was swapped for four fishermen held in Chile.", ["Peru"]),
    # no swap anywhere near: no counterpart, whatever states the sentence names
    ("Norway has freed six Danish sailors after a long trial.", None),
    ("Norway has freed six Danish sailors after a long trial. The court sat in Oslo.", None),
])
def test_a_release_told_as_a_swap_names_its_counterparts(text, counterparts):
    """Issue 22, class 2: a release one outlet tells as a swap records the other states of the swap, so that
    another outlet's release of the same count by the other state is known as the same swap."""
    events, _ = extract_event_mentions(sentences_of(text), {})
    releases = events.filter(pl.col("event_type") == "prisoner_release")
    assert releases.height == 1
    assert releases["counterparts"].to_list() == [counterparts]


def test_only_counted_releases_have_counterparts():
    events, _ = extract_event_mentions(sentences_of(
        "Protesters clashed with police in Lima in an exchange of stones and tear gas."), {})
    assert events.filter(pl.col("counterparts").is_not_null()).is_empty()


def test_an_acronym_target_takes_the_name_its_document_spells_out():
    """"<Full Name> (<ACR>)" earlier in the page, "sanctions on <ACR>" later: the target is the full name (issue 22,
    class 10); an acronym the page never spells out stays as it is."""
    from flows.extraction.sanctions import _spelled_out

    rows = _sanction_facts_of("The treasury barred its banks from serving the Borduvian Timber and Mining Trust "
                              "(BTMT), the state firm. The European Union imposed sanctions on BTMT in March.")
    assert "Borduvian Timber and Mining Trust" in set(rows["target"]) and "BTMT" not in set(rows["target"])
    assert _spelled_out("BTMT", "the Borduvian Timber and Mining Trust (BTMT) said") == "Borduvian Timber and Mining Trust"
    assert _spelled_out("QRS", "the Ministry of Works (QRS) said") is None


@pytest.mark.parametrize("sentence, countries", [
    # a capital right after a surname particle is a person's name, not the city (class 3)
    ("Former senator Maria de Lima was released from the Philippine National Police custodial center.",
     ["Philippines"]),
    ("De Lima walked out of the detention centre on Monday night.", []),
    ("Envoys met in Paris and Lima before the release.", ["France", "Peru"]),
    ("The talks in Lima, Peru, ended with a deal.", ["Peru", "Peru"]),
])
def test_a_capital_inside_a_surname_is_no_place(sentence, countries):
    from flows.extraction.places import countries_in

    assert countries_in(sentence) == countries


# class 3: the state that held the freed frees them, a few words between "jailed" and "in <Country>"; a dateline's
# city opening the sentence is where the reporter files from, not a place the release is told of
@pytest.mark.parametrize("sentence, doc_country, country", [
    ("Lakeport: Eight Borduvian navy veterans who were jailed and given death sentences in Qatar have been released, "
     "the government said.", "India", "Qatar"),
    ("The men, who had been held for months in Iran, were released on Friday.", None, "Iran"),
    ("New Delhi: Eight navy veterans sentenced to death by a court were released after talks with Qatar.", "India",
     "Qatar"),
    ("New Delhi: Officials freed 12 fishermen on Monday.", "India", "India"),  # weakly, the document's country
    ("Belarus: the authorities freed 12 prisoners.", None, "Belarus"),  # a country opening it is told of
])
def test_the_state_that_held_them_frees_them_and_a_dateline_city_tells_nothing(sentence, doc_country, country):
    assert release_country(sentence, doc_country) == country


# class 8: a name where something happens ("a rally in <region>"), or a quotation filled by it (a slogan), is no
# person, even when a given name opens it; a possessive or a title still tells a person
@pytest.mark.parametrize("sentence, people", [
    ("Addressing a rally in Azra Dolina, the prime minister Peter Novak said the pilot was a hero.", ["Peter Novak"]),
    ("He was hit over the airspace in Maria Kovan and Lesk.", []),
    ("The minister tweeted: “Ana Libre”. The pilot was handed back at dusk.", []),
    ("A meeting was held in Ana Brandt's house, officials said.", ["Ana Brandt"]),
    ("The deal was signed in Lakeport by Ana Brandt, the envoy.", ["Ana Brandt"]),
    ("The contacts culminated in Joseph Varn, the foreign ministry's special envoy, flying to the capital.",
     ["Joseph Varn"]),
])
def test_a_place_after_in_and_a_quoted_slogan_are_no_people(sentence, people):
    assert _people_in(sentence) == people


def test_a_name_its_document_tells_as_an_organisation_is_none_of_its_people():
    """"<given> <word>" in a list of designated groups is an organisation when the same document calls it "the <given>
    <word> gang" elsewhere; another document that never does keeps its own reading (class 8)."""
    from flows.extraction.names import find_name_candidates

    sentences = pl.DataFrame({
        "doc_id": ["d1", "d1", "d2"], "sent_idx": [0, 1, 0], "char_start": [0, 100, 0],
        "sentence": ["The designated groups are Mara Vendetta and two others.",
                     "Officials said the Mara Vendetta gang runs the trade in the port.",
                     "The designated groups are Mara Vendetta and two others."],
        "is_headline": [False, False, False]})
    found = find_name_candidates(sentences).filter(pl.col("surface") == "Mara Vendetta")
    assert found.select("doc_id", "is_person").rows() == [("d1", False), ("d1", False), ("d2", True)]


@pytest.mark.parametrize("text, organisations, people", [
    # an organisation's kind right before the name, or in apposition after it, tells it too (class 8)
    ("The notorious coastal gang Mara Vendetta was designated on Monday. Officials named Mara Vendetta again.",
     ["Mara Vendetta"], []),
    ("Mara Vendetta, a violent gang born in the port, was designated.", ["Mara Vendetta"], []),
    ("The militant group Hayat al Dawla took the city.", ["Hayat al Dawla"], []),
    # ... a religious organisation, a TV station (issue 22, class 8)
    ("The Texas-based religious organization Maria Kollar confirmed the release. Maria Kollar denies the charges.",
     ["Maria Kollar"], []),
    ("He founded the opposition TV station Nika Kaveli, which closed in 2023.", ["Nika Kaveli"], []),
    # not a member or leader of one, nor a founder after "the company"
    ("Luis Mendoza, a member of the gang, was arrested.", [], ["Luis Mendoza"]),
    ("Luis Mendoza said the company Luis Mendoza founded is doing well.", [], ["Luis Mendoza"]),
])
def test_an_organisations_kind_before_or_beside_a_name(text, organisations, people):
    from flows.extraction.names import find_name_candidates

    found = find_name_candidates(sentences_of(text))
    assert not found.filter(pl.col("surface").is_in(organisations) & pl.col("is_person")).height
    assert set(found.filter(pl.col("is_person"))["surface"]) >= set(people)


# class 4: a total over a period told with "in the past / last / previous <period>" (session 18)
@pytest.mark.parametrize("sentence", [
    "The government had already freed 250 prisoners in the past twelve months.",
    "The regime released 80 detainees during the previous year.",
    "Some 400 prisoners were pardoned within the last two years.",
])
def test_a_count_freed_in_the_past_period_is_a_running_total(sentence):
    assert _counts(sentence) == []


def test_a_release_on_the_last_day_of_a_period_stays_a_release():
    assert _counts("The regime freed 250 prisoners on Friday, the last working day of the year.") == [250]


# class 4 (session 18): a whole told before its part ("Of the roughly 1,100 political prisoners, 52 ..."), a count
# "this year alone"
@pytest.mark.parametrize("sentence", [
    "Of the roughly 1,100 political prisoners, 52 were freed on Thursday.",
    "The government has pardoned 250 people this year alone.",
])
def test_a_whole_before_its_part_or_a_years_count_is_no_release(sentence):
    assert _counts(sentence) == []


def test_a_whole_freed_itself_before_its_part_stays_a_release():
    assert _counts("Of the 40 detainees released on Friday, 26 were students.") == [40]

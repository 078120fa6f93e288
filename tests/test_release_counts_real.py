"""Release counts as real pages state them (issue 22, second development batch): each class in our own words.

Each sentence reproduces a structure seen on real pages from several outlets, never one page's wording.
"""

import polars as pl
import pytest

from flows.extraction.counts import find_release_counts, parse_number
from flows.extraction.events import extract_event_mentions
from tests.conftest import sentences_of


def _counts(sentence):
    releases, _ = find_release_counts(sentence)
    return [c for _, _, c, _ in releases]


def _releases(text):
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    return sorted(zip(rel["prisoner_count"].to_list(), rel["count_qualifier"].to_list()), key=str)


# thousands grouped with a space, as many African and European outlets print them ("4 000", "1 534")
@pytest.mark.parametrize("text, number", [("2 000", 2000), ("1 875", 1875), ("12 400", 12400), ("1 250 000", 1250000),
                                          ("3\u00a0978", 3978), ("3\u202f978", 3978)])
def test_space_grouped_thousands_parse(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("sentence, count", [
    ("The prison service on Tuesday began releasing nearly 2 000 inmates under the amnesty.", 2000),
    ("The minister said the release of the 1 875 beneficiaries of the decree starts today.", 1875),
])
def test_space_grouped_counts_are_released(sentence, count):
    assert _counts(sentence) == [count]


@pytest.mark.parametrize("sentence, count", [
    ("The court freed 120 detainees on May 3 150 prisoners were freed a week later.", 150),
    ("date 2021-06-04 230 soldiers and civilians were freed in the exchange", 230),
    ("Published 14/02/2022 310 prisoners walk free after the decree", 310),
])
def test_a_date_and_a_count_stay_apart(sentence, count):
    # the end of a date before a count is no thousands group
    assert count in _counts(sentence) and not any(c > 1000 for c in _counts(sentence))


# "a total of N ... on <day>": one occasion's total is a release; a total over a period stays a tally
@pytest.mark.parametrize("sentence, releases", [
    ("The ministry said it freed a total of 312 detainees on Friday, as the prosecutor had promised.", [312]),
    ("Officials released a total of 88 prisoners from two jails in the capital this morning.", [88]),
    ("A total of 1,200 detainees have been freed since the truce began.", []),
    ("The government has released a total of 640 prisoners so far this year.", []),
])
def test_a_total_on_one_occasion_is_a_release(sentence, releases):
    assert _counts(sentence) == releases


# "N <qualified group> and M others": the others join the count before them
@pytest.mark.parametrize("sentence, count", [
    ("The president decided to pardon 40 inmates with final sentences and 25 others who had not yet been tried.", 65),
    ("The council freed 12 students held since the protests and 9 others, officials said.", 21),
])
def test_a_count_and_n_others_is_one_release(sentence, count):
    assert _counts(sentence) == [count]


# what a prison holds or is built for is no release, even in a sentence about an amnesty
@pytest.mark.parametrize("sentence", [
    "The country's jails have a capacity of 9,000 inmates but held about 14,000 before the amnesty.",
    "The facility, built for 2,500 prisoners, held twice that many before the pardons.",
])
def test_prison_capacity_is_no_release(sentence):
    assert _counts(sentence) == []


# a release aimed at, expected or agreed is not yet a release
@pytest.mark.parametrize("sentence", [
    "A spokesperson said they are targeting to release more than 600 prisoners at the central jail.",
    "The service said it aims to free about 900 inmates before the end of the month.",
    "Both sides agreed to a prisoner swap to free 700 of their fighters in exchange for 450 soldiers.",
])
def test_releases_aimed_at_or_agreed_are_not_releases(sentence):
    assert _counts(sentence) == []


# "N people held in each country" / "on each side" of a swap: both sides
@pytest.mark.parametrize("sentence, count", [
    ("The two states carried out an exchange that freed 20 people held in each country.", 40),
    ("The neighbours swapped prisoners on Sunday, releasing 60 on each side.", 120),
])
def test_each_side_of_a_swap_doubles(sentence, count):
    assert _counts(sentence) == [count]


# the same number freed by each of two sides, told before the count, or a swap whose other side is a bare number
# after a counted side: both sides (session 18, classes 2 and 11)
@pytest.mark.parametrize("text, count", [
    ("Vostria and Kelmark each released 84 prisoners of war on Saturday.", 168),
    ("The two neighbours carried out a swap on Sunday, each side releasing about 40 soldiers.", 80),
    ("They each freed 12 detainees under the deal.", 24),
    ("The two armies exchanged 84 prisoners for 84 on the border.", 168),
])
def test_each_of_two_sides_freeing_a_count_is_a_swap_of_both(text, count):
    assert [c for c, _ in _releases(text + "\n")] == [count]


@pytest.mark.parametrize("text", [
    "Each inmate released 3 doves at the ceremony.",  # no people freed
    "Both sides released 84 prisoners in the exchange.",  # may be the total: the count stays as told
    "The two armies exchanged 84 prisoners for 10 years of calm.",
])
def test_no_doubling_without_each_side_freeing(text):
    assert all(c in (None, 84) for c, _ in _releases(text + "\n"))


def test_walking_out_of_jails_is_a_release_and_walking_out_of_talks_is_not():
    assert _releases("A total of 87 political prisoners walked out of the country's jails on Friday.\n") == [(87, "exact")]
    assert _releases("Some 40 inmates walked out of the old fortress prison on Sunday.\n") == [(40, "about")]
    assert _releases("Some 40 delegates walked out of the talks on Sunday.\n") == []


def test_a_swap_counted_per_side_without_a_noun_reaches_the_counts():
    text = "The neighbours swapped prisoners on Sunday, releasing 60 on each side.\n"
    assert _releases(text) == [(120, "exact")]


# counts that belong to another release, a period, or a rescue
@pytest.mark.parametrize("sentence", [
    "During more than four years of conflict, the government has released only nine political prisoners.",
    "The 18 fishermen seized in the spring are also among the released.",
    "Special forces freed three hostages in a night-time raid on a farmhouse, the army said.",
])
def test_counts_of_a_period_a_member_group_or_a_rescue_are_no_release(sentence):
    assert _counts(sentence) == []


def test_a_release_told_by_its_prison_is_part_of_the_counted_release():
    text = ("The state began releasing about 2,500 prisoners under an amnesty on Friday.\n"
            "About 300 inmates have been released from the northern prison and two other jails.\n")
    assert _releases(text) == [(2500, "about")]


# running totals (issue 22, class 4): a count freed over many swaps, or after "brings the number ... to", is no release
@pytest.mark.parametrize("sentence", [
    "Last week the ministry said it had freed 1,870 people from captivity through 37 earlier exchanges.",
    "Kyiv says 3,100 soldiers have come home in dozens of prisoner swaps.",
    "The latest handover raises the number of freed sailors to 40, along with 12 crew members of other nationalities.",
    "Thursday's releases bring the total of hostages freed to 81, alongside 23 foreign workers.",
])
def test_a_total_over_many_swaps_or_brought_to_a_number_is_no_release(sentence):
    assert _counts(sentence) == []


# members told as members of the release reported elsewhere (issue 22, class 3)
@pytest.mark.parametrize("sentence", [
    "Four journalists were also included in the released group, the ministry said.",
    "Three priests are included among those freed, according to the diocese.",
    "Among the freed prisoners there are three women and a teenager from the border villages.",
    "Among the released sailors were two officers from the southern port.",
])
def test_members_told_inside_a_release_are_no_release(sentence):
    assert _counts(sentence) == []


# the next groups of a list of members are members too (issue 22, class 3)
@pytest.mark.parametrize("sentence", [
    "The freed include 12 women and four minors from the eastern region.",
    "Those released on Sunday included 30 soldiers as well as 6 officers.",
])
def test_every_group_of_a_list_of_members_is_no_release(sentence):
    assert _counts(sentence) == []


def test_a_group_with_a_release_verb_of_its_own_after_a_tally_stays_a_release():
    assert _counts("The jail holds 1,400 prisoners, and 250 inmates were freed on Monday.") == [250]


# a call for a release with a long run of adjectives is no release of the count beside it (issue 22, class 4)
@pytest.mark.parametrize("sentence", [
    "The lawyer demanded the immediate and unconditional release of the protesters, noting that only 210 people "
    "of the 9,000 detained have been tried.",
    "The union called for the swift, safe and unconditional release of the 14 workers, whose families wait at the gates.",
    "Rights groups urged the immediate and unconditional release of the 14 workers, whose families wait at the gates.",
])
def test_a_demanded_release_is_no_release(sentence):
    assert _counts(sentence) == []


# hostages taken, parts of a group told before ("Of the N ..., M were"), a counted group among a larger count
# (issue 22, classes 3 and 4)
@pytest.mark.parametrize("sentence, releases", [
    ("The militia freed 9 hostages on Sunday; some 130 hostages were taken in the border raid last spring.", [9]),
    ("About 60 people were abducted on Sunday and 20 were released, the governor said.", []),
    ("Pirates who had released a fishing boat seized 21 sailors off the coast on Tuesday.", []),
    ("Of the 40 detainees released on Friday, 26 were students.", [40]),
    ("Of those freed, 11 were women, the ministry said.", []),
    ("The 9 Canadians freed were among the 31 people released in the exchange at the border.", [31]),
])
def test_captures_parts_and_members_of_a_count_are_no_release(sentence, releases):
    assert _counts(sentence) == releases


# the terms of a deal, what it "stipulates" or "would see", are no release carried out (issue 22, class 4)
@pytest.mark.parametrize("sentence, releases", [
    ("The accord stipulates the release of 30 fishermen held by one side in exchange for the release of 90 "
     "detainees held by the other.", []),
    ("The deal would see 25 hostages freed in its first week.", []),
    ("The deal saw 25 hostages freed on Sunday.", [25]),
])
def test_what_a_deal_stipulates_is_no_release(sentence, releases):
    assert _counts(sentence) == releases


# how many a measure is to reach is no release done (issue 22, class 4)
@pytest.mark.parametrize("sentence, releases", [
    ("The amnesty is expected to benefit about 1,800 prisoners, the justice minister said.", []),
    ("The pardon could eventually benefit up to 2,600 detainees serving short terms.", []),
    ("The amnesty benefited 1,800 prisoners, who walked free on Monday.", [1800]),
])
def test_those_a_measure_is_to_benefit_are_no_release(sentence, releases):
    assert _counts(sentence) == releases


@pytest.mark.parametrize("sentence, releases", [
    ("Of the 600 pardoned, 412 inmates were released on Monday.", [412]),
    ("Of the 600 pardoned, 412 inmates have already walked free.", [412]),
    ("The army freed 35 soldiers captured near the river in the exchange.", [35]),
    ("The state freed 12 activists, who were arrested in the spring protests.", [12]),
    ("About 60 people were abducted from the village and later released.", [60]),
])
def test_a_part_freed_or_a_capture_told_of_the_freed_stays_a_release(sentence, releases):
    assert _counts(sentence) == releases


# "<list> were among (a total of) N prisoners who were freed": N is the release, and a release of the people listed,
# told elsewhere in the document, is part of it (issue 22, class 3)
def test_people_listed_among_a_counted_release_are_its_members():
    text = ("The president has pardoned two poets convicted of insulting the state.\n"
            "Poets Ilse Marren and Tomas Verlaan were among 1,530 inmates who received pardons on Independence Day, "
            "the justice ministry said.\n")
    assert _releases(text) == [(1530, "exact")]
    text = ("Ruritania to free three foreigners, including a Canadian, in a broad amnesty\n"
            "A Canadian engineer, a Dutch nurse and a Chilean pilot, as well as 9 local singers, were among a total "
            "of 3,420 prisoners who were being released, state television reported.\n")
    assert _releases(text) == [(3420, "exact")]


# "freed a total of N on <day>" sums the groups of that occasion: a smaller group told beside it is one of them,
# a release placed apart or in the past is not (issue 22, class 3)
def test_groups_beside_a_one_occasion_total_are_its_parts():
    text = ("The ministry said it freed a total of 312 prisoners on Wednesday, as the prosecutor had promised.\n"
            "The authorities also freed four members of the farmers' council: Ada Benn, Carl Dorn, Eva Falk and Gus Hale.\n")
    assert _releases(text) == [(312, "exact")]
    text = ("The ministry said it freed a total of 312 prisoners on Wednesday, as the prosecutor had promised.\n"
            "In 2019 the same ministry freed 45 detainees after a hunger strike.\n")
    assert set(_releases(text)) == {(312, "exact"), (45, "exact")}


# a stage of a larger release the document reports is part of it; with no larger release it stays (issue 22, class 3)
def test_a_stage_of_a_larger_release_is_part_of_it():
    text = ("The two states freed 1,600 prisoners in a swap completed over three days.\n"
            "In the final stage of the exchange on Sunday, 150 soldiers were freed by each side.\n")
    assert _releases(text) == [(1600, "exact")]
    text = ("The junta began releasing 6,400 prisoners under an amnesty on Tuesday.\n"
            "A first batch of 900 inmates was freed from the central prison at dawn.\n")
    assert _releases(text) == [(6400, "exact")]
    text = "A first batch of 900 inmates was freed from the central prison at dawn.\n"
    assert _releases(text) == [(900, "exact")]


# ... but a larger release the document recalls from the past does not make one told by its prison or its stage
# a part of it: it is not the document's own release
def test_a_part_of_a_release_recalled_from_the_past_stays_a_release():
    text = ("The ministry announced that 140 prisoners were freed from jail on Thursday.\n"
            "The release follows a larger one last year, when more than 300 detainees were flown abroad.\n")
    assert (140, "exact") in _releases(text)
    text = ("A first batch of 900 inmates was freed from the central prison at dawn.\n"
            "In 2019 the junta freed 6,400 prisoners under another amnesty.\n")
    assert (900, "exact") in _releases(text)


# "<a release>. This is part of a larger <N> ...": the release is a part of that whole (issue 22, class 3)
def test_a_release_the_next_sentence_makes_part_of_a_larger_whole():
    text = ("Ruritania freed 390 prisoners on Friday as the handover began.\n"
            "This is part of a 1,000 for 1,000 exchange agreed last week.\n")
    assert _releases(text) == [(2000, "exact")]  # the whole swap (both sides), not its first stage
    text = ("Ruritania freed 390 prisoners on Friday as the handover began.\n"
            "It was the first stage of an amnesty for 2,500 inmates, the ministry said.\n")
    assert _releases(text) == [(2500, "exact")]  # the whole, not its first stage
    text = ("Ruritania freed 390 prisoners on Friday as the handover began.\n"
            "The deal was reached after 12 rounds of talks.\n")
    assert _releases(text) == [(390, "exact")]


def test_a_release_larger_than_the_people_listed_stays_a_release():
    # the second release frees more people than the list names: a release of its own
    text = ("The king also pardoned 40 inmates convicted of unrest on the same day.\n"
            "Editors Ilse Marren and Tomas Verlaan were among 1,530 inmates who received pardons on Independence Day.\n")
    assert set(_releases(text)) == {(40, "exact"), (1530, "exact")}


@pytest.mark.parametrize("sentence, count", [
    ("Novak was freed in exchange for Ruritanian citizen Ivan Petrov, the ministry said.", 2),
    ("The reporter Lena Marsh was released in exchange for a convicted arms dealer.", 2),
    ("Novak was freed on Tuesday after a long campaign.", 1),
])
def test_one_for_one_swap_of_a_named_person(sentence, count):
    assert _counts(sentence) == [count]


def test_a_named_person_on_the_other_side_of_a_swap_is_counted():
    # a swap counts both its sides, named or not
    assert _counts("Caracas agreed to release ten American prisoners in exchange for the release of Omar Vance.") == [11]


# two actors each freeing a counted side in one sentence, in the frame of a swap, a truce or a deal: one swap of
# both sides; the same actor telling more, or two releases with no such frame, stay apart (issue 22, class 2)
@pytest.mark.parametrize("sentence, counts", [
    ("On the second day of the truce, the militia released 15 hostages, while the government freed 41 "
     "detainees from its jails.", [56]),
    ("Under the deal, Ruritania freed 12 soldiers, whereas Freedonia released 30 prisoners of war.", [42]),
    ("On the first day of the swap, the militia released 15 hostages, while it also freed 4 foreign workers.",
     [4, 15]),
    ("The court released 15 protesters on bail while the police freed 3 journalists.", [3, 15]),
    ("Under the deal the court released 15 protesters while the police freed 3 journalists.", [3, 15]),
    # the other side freed "in a reciprocal manner" / "in return" with no second subject (issue 22, class 2)
    ("Last year the coast guard secured the release of 41 Ruritanian sailors, and in a reciprocal manner, freed 37 "
     "Freedonian sailors.", [78]),
])
def test_two_actors_freeing_counted_sides_of_a_swap(sentence, counts):
    assert sorted(_counts(sentence)) == counts


def test_two_actors_sides_are_the_swaps_sides():
    text = ("On the second day of the truce, the militia released 15 hostages, while the government freed 41 "
            "detainees from its jails.\nThe 41 detainees were driven to their home towns overnight.\n")
    assert _releases(text) == [(56, "exact")]


# one side of a swap told by a named or described person, the other counted or described after "in exchange
# for": both sides (issue 22, class 2)
@pytest.mark.parametrize("sentence, count", [
    ("Lena Marsh was freed in exchange for four Ruritanians held abroad.", 5),
    ("Ruritania has freed Lena Marsh, who had been held for three years, in exchange for four Ruritanians "
     "held abroad, state media said.", 5),
    ("Ruritania released an American engineer accused of espionage in exchange for a Ruritanian chemist "
     "convicted of smuggling.", 2),
    ("Ruritania released a dancer from Ohio on Friday who had been jailed for eight years, in exchange for a man "
     "the authorities had held.", 2),
])
def test_one_person_swapped_for_a_counted_or_described_other_side(sentence, count):
    assert _counts(sentence) == [count]


# the other side told as a state's release or pardon of a counted group, past an aside about the first side
# (issue 22, class 2)
@pytest.mark.parametrize("sentence, count", [
    ("Ruritania on Friday freed three jailed sailors, among them the trawler's captain Lena Marsh, in exchange for "
     "the Freedonian release or pre-trial pardon of six people held there.", 9),
    ("Ruritania on Friday freed three jailed sailors, among them captain Lena Marsh, in exchange for the pardon of "
     "five fishermen.", 8),
])
def test_the_other_side_as_a_states_release_or_pardon(sentence, count):
    assert _counts(sentence) == [count]


@pytest.mark.parametrize("sentence", [
    "Ruritania released a statement in exchange for nothing.",
    "Ruritania may release an engineer in exchange for a chemist.",
])
def test_no_one_for_one_swap_without_a_person_or_a_release(sentence):
    assert _counts(sentence) == []


# the other side told in the same sentence by a participle clause or by what it numbered (issue 22, class 2)
@pytest.mark.parametrize("sentence, counts", [
    ("The swap saw 40 Ruritanian prisoners, mostly border guards, released from captivity, with Freedonia "
     "releasing 38 soldiers in return.", [78]),
    ("Ruritania announced the return home of 40 soldiers and civilians, while on the Freedonian side the released "
     "soldiers numbered 38.", [78]),
    ("Ruritania announced the return home of 40 soldiers, while on the other side the freed numbered 38.", [78]),
    ("The army freed 40 soldiers, with officials releasing 3 more later.", [40]),
    ("The ministry freed 40 soldiers, while on the other side of the border 38 percent of voters stayed home.", [40]),
])
def test_the_other_side_in_a_participle_or_by_its_number(sentence, counts):
    assert sorted(_counts(sentence)) == counts


# a first group told by its demonym alone, its noun left to the next group, sums with it; a dual nationality
# ("British-Iranian") is one demonym before the noun (issue 22, class 11)
@pytest.mark.parametrize("sentence, count", [
    ("Ruritania on Friday released one Danish and two Austrian-Iranian citizens it had been holding.", 3),
    ("The junta freed two Canadian and three Belgian nationals on Sunday.", 5),
    ("Ruritania freed two British-Iranian women after a long campaign.", 2),
    ("Ruritania released Monday and two Austrian citizens.", 2),
])
def test_a_demonym_only_group_joins_the_next_counted_group(sentence, count):
    assert _counts(sentence) == [count]


# the other actor's side told in the next sentence, led by "In turn", "For its part", "On the other side"
# (issue 22, class 2); two releases told one after the other without such a lead stay two
@pytest.mark.parametrize("text, expected", [
    ("The rebels freed 40 soldiers on Sunday. In turn, the government released 9 prisoners.", {49}),
    ("The rebels freed 40 soldiers on Sunday. For its part, the government released 9 prisoners.", {49}),
    ("The rebels freed 40 soldiers on Sunday. On the other side, the government released 9 prisoners.", {49}),
    ("The rebels freed 40 soldiers on Sunday. The government released 9 prisoners on Monday.", {40, 9}),
])
def test_the_other_side_led_into_the_next_sentence(text, expected):
    assert {c for c, _ in _releases(text)} == expected


# the side told before "In exchange" may be of the same count: one named person for one, 95 for 95 told in two
# sentences; the nearest release before stays in reach across a long quote (issue 22, class 2, round 5)
def test_equal_sides_across_sentences_are_one_swap():
    text = ("Former sailor Mark Doyle was released on Tuesday in a prisoner swap with Ruritania. "
            + "His mother said the family had prayed for this day. " * 8
            + "In exchange, the United States freed Ivan Petrenko, a Ruritanian arms dealer.")
    assert {c for c, _ in _releases(text)} == {2}
    text = "Russia freed 95 Ukrainian soldiers on Friday. In return, Ukraine released 95 Russian troops."
    assert {c for c, _ in _releases(text)} == {190}


# a swap told by its sides' bare numbers, quoted or spaced rather than hyphenated, or after the swap's noun
@pytest.mark.parametrize("sentence, counts", [
    ("The two armies have completed a \u201c400 for 400\u201d prisoner swap after two days of handovers.", [800]),
    ("Both defence ministries carried out the exchange of 250 people for 250 people over the weekend.", [500]),
    ("The handover is the first stage of a 60 for 60 exchange deal struck in Doha.", [120]),
    ("The two sides agreed to a 50 for 50 swap next week.", []),
    ("The exchange of 40 soldiers for 12 years of talks ended nothing.", []),
])
def test_bare_sides_quoted_spaced_or_after_the_noun(sentence, counts):
    assert _counts(sentence) == counts


def test_stages_of_a_swap_told_by_its_sides_are_no_swaps_of_their_own():
    text = ("The two countries completed a \u201c500 for 500\u201d prisoner swap on Sunday. "
            "On the last day they exchanged 120 soldiers for the same number of troops. "
            "The swap began with Ruritania returning 200 people. "
            "Last year, 140 prisoners were freed in a previous exchange.")
    assert {c for c, _ in _releases(text)} == {1000, 140}


# a people with no state in the country list counts people like a demonym ("39 Palestinians")
@pytest.mark.parametrize("sentence, count", [
    ("The army freed 28 Kurds from a desert jail on Friday.", 28),
    ("Early on Sunday, 33 Palestinians were freed from military prisons.", 33),
])
def test_stateless_peoples_are_counted(sentence, count):
    assert _counts(sentence) == [count]


def test_terms_a_deal_stipulates_are_no_release():
    assert _counts("The accord stipulates the release of 30 hostages in exchange for the release of 90 prisoners.") == []


# one side told in a swap sentence, the other people's release in the very next sentence (no "In return"): the
# two sides of one swap when the two groups are of different peoples; the same people twice stay two releases
@pytest.mark.parametrize("text, expected", [
    ("In the third swap of the truce, 12 Armenian soldiers were released on Friday night. "
     "Early Saturday, 20 Azerbaijani prisoners were freed and driven home.", {32}),
    ("In the third swap of the truce, 12 Armenian soldiers were released on Friday night. "
     "Early Saturday, 20 Armenian civilians were freed and driven home.", {12, 20}),
    ("Twelve Armenian soldiers were released on Friday night. "
     "Early Saturday, 20 Azerbaijani prisoners were freed and driven home.", {12, 20}),
])
def test_the_other_people_freed_in_the_next_sentence_of_a_swap(text, expected):
    assert {c for c, _ in _releases(text)} == expected


# two counted groups before the verb, the first "of war" with its abbreviation and an aside before the verb: one
# group ("The 30 soldiers and 14 civilians, <aside>, were flown home") (issue 22, class 2: one side of a swap)
@pytest.mark.parametrize("sentence, count", [
    ("The 25 prisoners of war (POWs) and 9 civilian captives, most of them farmers from border villages, "
     "were flown to the capital by a military plane on Monday.", 34),
    ("The 25 prisoners of war and 9 civilian detainees were released on Monday.", 34),
])
def test_a_pair_of_groups_before_the_verb_is_one_release(sentence, count):
    assert _counts(sentence) == [count]


def test_both_sides_with_a_pair_of_groups_across_sentences():
    text = ("The 25 prisoners of war (POWs) and 9 civilian captives, most of them farmers from border villages, "
            "were flown to the capital by a military plane on Monday. For its part, the other side released 7 soldiers.")
    assert {c for c, _ in _releases(text)} == {41}


# girls and boys are people counted ("21 girls were freed")
@pytest.mark.parametrize("sentence, count", [
    ("Fourteen schoolgirls were freed by the gunmen on Sunday.", 14),
    ("The kidnappers released 21 girls after talks with elders.", 21),
])
def test_girls_and_boys_are_counted(sentence, count):
    assert _counts(sentence) == [count]


# a swap whose other side is "some" or "several" people, their number not said: at least the count told, as
# when the other side is told in a sentence of its own
@pytest.mark.parametrize("sentence, expected", [
    ("The militia released 12 soldiers in exchange for several jailed commanders.", (12, "at_least")),
    ("The 12 soldiers were exchanged for some suspected members of the group.", (12, "at_least")),
])
def test_an_unsaid_other_side_makes_the_count_a_floor(sentence, expected):
    releases, _ = find_release_counts(sentence)
    assert [(c, q) for _, _, c, q in releases] == [expected]


# "... but said they were exchanged for <one person>" after a counted release: one more on the other side
@pytest.mark.parametrize("text, expected", [
    ("The rebels announced the release of four detained workers in a prisoner swap. "
     "They did not name them but said they were exchanged for Omar Haddad, a commander held for ten years.", {5}),
    ("The rebels announced the release of four detained workers in a prisoner swap. "
     "Officials said they were exchanged for a Ruritanian pilot.", {5}),
    ("The rebels announced the release of four detained workers. "
     "Their families said they were exhausted but well.", {4}),
])
def test_they_were_exchanged_for_one_person(text, expected):
    assert {c for c, _ in _releases(text)} == expected


# the other side told by who got its people back ("In return, B has received a total of 55 prisoners"); "the swap
# that saw a total of N freed" is one occasion; "Out of the N <people> exchanged, ..." names a group told before
@pytest.mark.parametrize("sentence, counts", [
    ("In return, the republic has received a total of 48 prisoners, including a former mayor.", [48]),
    ("In exchange, the kingdom got back 12 soldiers held since the spring.", [12]),
    ("The exchange that saw a total of 160 soldiers released ended months of talks.", [160]),
    ("Out of the 90 soldiers that were exchanged on Monday, four commanders were flown to a third country.", []),
    ("The ministry said it received 48 letters from families.", []),
])
def test_received_sides_one_occasion_totals_and_groups_named_again(sentence, counts):
    assert _counts(sentence) == counts


def test_a_side_received_in_return_after_a_group_named_again():
    text = ("The exchange that saw a total of 160 soldiers released was the largest of the war. "
            "Out of the 90 soldiers that were exchanged on Monday, four commanders were flown to a third country. "
            "In return, the republic has received a total of 48 prisoners, including a former mayor.")
    assert {c for c, _ in _releases(text)} == {208}


# a modal before a verb of knowing or saying ("should note that", "will recall that") bears on that verb, not on
# the release its clause tells; a modal before the release verb still makes it a plan
@pytest.mark.parametrize("sentence, counts", [
    ("\u201cCitizens should note that the release of the 2 140 beneficiaries starts this morning,\u201d the minister said.",
     [2140]),
    ("Readers will recall that the release of 85 detainees from the provincial jail came in March.", [85]),
    ("The council said it should free 300 detainees before the holiday.", []),
    ("Officials will release 450 inmates once the decree is published.", []),
])
def test_a_modal_on_a_verb_of_knowing_leaves_the_release_done(sentence, counts):
    assert _counts(sentence) == counts


# a lead's approximate count ("nearly 3,000", "more than 1,200") and the same release told to the unit further on,
# in a sentence that tells no release of its own count ("2,914 in all had left the jails"): the exact figure,
# on the side of the rounded one its word gives and within 10%; a figure planned, or on the wrong side, is not it
@pytest.mark.parametrize("text, expected", [
    ("The junta freed nearly 3,000 prisoners in an amnesty this week. "
     "State television said 2,914 prisoners and foreigners in all had left the jails by the evening after they were freed.",
     [(2914, "exact")]),
    ("The authorities freed more than 1,200 inmates under the pardon on Friday. "
     "The prison service said 1,263 inmates in all had left eleven jails by the evening after they were freed.",
     [(1263, "exact")]),
    ("The junta freed nearly 3,000 prisoners in an amnesty this week. "
     "A total of 3,120 inmates are set to be released under the amnesty by the end of the year.",
     [(3000, "about")]),
    ("The authorities freed more than 1,200 inmates under the pardon on Friday. "
     "The prison service said 1,163 inmates in all had left eleven jails by the evening after they were freed.",
     [(1200, "at_least")]),
])
def test_an_approximate_lead_count_takes_the_figure_told_to_the_unit(text, expected):
    assert _releases(text) == expected


# the beneficiaries of a measure of clemency told done ("issued clemency measures in favour of 70 detainees",
# "<name> was among six inmates included in the decree"): released, with or without a release verb near; the
# scope of a measure still to come stays a tally
@pytest.mark.parametrize("sentence, counts", [
    ("The head of state also issued clemency measures in favour of 45 activists held over the protests.", [45]),
    ("\u201cThe president ordered clemency measures that affect twenty-two persons awaiting trial,\u201d the office said.",
     [22]),
    ("The journalist was among nine inmates included in the decree, which cancelled the rest of their terms.", [9]),
    ("The poet was among 14 prisoners listed in the presidential decree published on Friday.", [14]),
    ("The clemency measures are expected to benefit 3,000 inmates next month.", []),
    ("The decree will cover 500 prisoners once it is signed.", []),
])
def test_the_beneficiaries_of_a_measure_of_clemency_are_freed(sentence, counts):
    assert _counts(sentence) == counts


# a list opened by "including" after a larger count, each group with where it comes from ("including 210 inmates of
# one jail, 95 from a camp and 40 inmates from a third"): every group of it is a part, its last one too (rel10)
@pytest.mark.parametrize("sentence, counts", [
    ("The president pardoned 640 inmates on Sunday, including 210 inmates of the central jail, 95 from a hill camp "
     "and 40 inmates from the coastal prison.", [640]),
    ("Some 640 convicts from 20 prisons, including 210 inmates of the central jail, 95 from a hill camp and 40 inmates "
     "from the coastal prison, were freed under the holiday pardon.", []),
])
def test_the_last_group_of_an_including_list_is_a_part(sentence, counts):
    assert _counts(sentence) == counts


# "the release of N <people>, <names>, against M <people>": a swap told by "against", both sides (rel10)
@pytest.mark.parametrize("sentence, counts", [
    ("Critics said the deal was the release of two aid workers, Ana Lind and Tomas Berg, against 180 militants.", [182]),
    ("The court ordered the release of 12 activists against 300 dollars bail each.", [12]),
    ("The release of 40 protesters against the wishes of the prosecutors angered the police.", [40]),
])
def test_a_release_against_a_counted_group_is_a_swap(sentence, counts):
    assert _counts(sentence) == counts


# "cut the sentences of M <people> ... and pardoned N others": one measure of clemency for both groups (rel10)
@pytest.mark.parametrize("sentence, counts", [
    ("The decree said the king had reduced the sentences of 14 dissidents who were jailed after the 2019 riots "
     "and pardoned nine others.", [23]),
    ("The king pardoned 14 dissidents and released 9 others.", [23]),
    ("Police arrested 30 protesters and released 12 others.", [12]),
])
def test_others_pardoned_after_a_first_clemency_join_it(sentence, counts):
    assert _counts(sentence) == counts


# a deal "that will see N released" tells its terms, and "the release of the first of some N" the first members out of
# a count: neither is a release of N (rel10)
@pytest.mark.parametrize("sentence, counts", [
    ("Mediators are overseeing the swap deal that will see some 600 captives released over three days.", []),
    ("\u201cThis morning we saw the release of the first of about 600 captives held in the war,\u201d a mediator said.", []),
    ("The swap deal saw 150 captives released on Friday.", [150]),
])
def test_terms_of_a_deal_and_the_first_of_a_count_are_no_release(sentence, counts):
    assert _counts(sentence) == counts


# ---- rel11 (session 8): releases right, extra rows, tallies on the opened held-out pages (issue 22, classes 1-4, 11)

# a relative clause telling who the first side are stands between it and "in exchange for" (class 2)
def test_exchange_link_after_a_long_relative_clause():
    s = ("The truce took hold on Sunday with the release of the 12 Ruritanian sailors who had been held captive "
         "since the raid of March 3, 2021, in exchange for the release of 340 Freedonian prisoners.")
    assert _counts(s) == [352]


# what is released that is no one: data, figures, a statement (class 4)
@pytest.mark.parametrize("sentence", [
    "A breakdown of newly released data showed that 212 pupils and nine teachers were missing.",
    "The ministry released figures showing 48 inmates had died in custody last year.",
    "The police released a statement saying 30 protesters were hurt.",
])
def test_a_released_thing_frees_no_one(sentence):
    assert _counts(sentence) == []


def test_a_released_thing_leaves_a_release_standing():
    assert _counts("The ministry released figures on Monday after the army freed 40 prisoners.") == [40]


# "N <people> and M <adjective> ones": one release of both groups (class 11)
@pytest.mark.parametrize("sentence, count", [
    ("The new president pardoned four well-known dissidents and 350 ordinary ones on Friday.", 354),
    ("The court freed 12 activists and about 300 ordinary ones.", 312),
])
def test_and_m_ones_joins_the_count(sentence, count):
    assert _counts(sentence) == [count]


# a release not confirmed is no release (class 4)
def test_an_unconfirmed_freed_person_is_no_release():
    assert _releases("The seventh unconfirmed freed detainee would be Carlos Mendez Ruiz, a student leader.") == []


# "The N <people> who were arrested ... were released": the passive release after the relative clause (class 11)
def test_the_release_after_a_long_relative_clause_governs_the_count():
    s = ("The 17 Freedonian sailors who were arrested by the coast guard of Ruritania two weeks ago for fishing "
         "without a permit in its southern waters were released on the orders of a district judge, officials said.")
    assert _counts(s) == [17]


def test_a_count_in_the_relative_clause_keeps_it_apart():
    s = ("The 17 sailors who were arrested with 40 other crew members on a trawler in the southern waters of the "
         "country last month were released on Monday.")
    assert 17 not in _counts(s) or 40 not in _counts(s)


# named releases in real phrasing (class 11)
@pytest.mark.parametrize("text", [
    "Former President Maria Ortega of Ruritania, who is now 79, has been released from prison on humanitarian grounds.",
    "Jailed opposition leader Tomas Berg was granted a full pardon on Monday and walked out of the hospital.",
    "Ruritania’s Tomas Berg freed from jail after royal pardon",
    "A federal judge has ordered today (May 4) the immediate release of former minister Daniel Okoro, who spent a year in jail.",
    "Released from Oakridge Prison where he was held for a year, Daniel Okoro flew home to his family.",
])
def test_named_releases_in_real_phrasing(text):
    assert _releases(text) == [(1, "exact")]


def test_a_participle_of_something_else_is_no_release():
    assert _releases("Released from the hospital after a check-up, the minister went back to work.") == []


# "<Country> President <name> granted a pardon to N <demonym>s": that country frees, not the dateline's (class 3)
def test_the_office_of_a_state_names_who_frees():
    from flows.extraction.events import release_country
    s = ("DHAKA, Bangladesh (Wire) - Morocco King Mohammed bin Hassan Al Alaoui granted a pardon to all 40 "
         "Bangladeshis who had been convicted over a protest.")
    assert release_country(s, "Bangladesh") == "Morocco"


# "and one monk" after a counted group whose noun runs on: one more (class 11)
def test_one_more_after_a_long_group_noun():
    s = "The release came after pardons were issued for 10 women land rights activists and one monk at the weekend."
    assert _counts(s) == [11]


# "released from detention (on bail)" names no prison: a release of its own beside a larger one (class 3)
def test_released_from_detention_is_no_part_by_place():
    text = ("Eight opposition activists, including two monks, were released from detention on bail Monday. "
            "The release comes after pardons were issued for 10 women land rights activists and one monk at the weekend.")
    assert sorted(_releases(text)) == [(8, "exact"), (11, "exact")]


# an approximate release and the same release told to the unit by its groups in another sentence (class 11)
def test_an_approximate_release_takes_the_groups_told_to_the_unit():
    text = ("The president ordered the release of nearly 1,000 prisoners for the holiday. "
            "Officials said the prisoners were released from 31 prisons, with 941 men and 14 women regaining their freedom.")
    assert set(_releases(text)) == {(955, "exact")}


# the victims of the deed a freed person was sentenced for are no release, and the named release stands (class 4)
def test_victims_of_a_deed_are_no_release():
    s = "Okoro, who was sentenced to death in 2016 for the killing of nine villagers, was pardoned by the president in 2021."
    assert _counts(s) == [1]
    assert _releases(s) == [(1, "exact")]


# a status breakdown of a mass detention's cases is a tally, not a release (class 4)
@pytest.mark.parametrize("sentence", [
    "The minister said that 312 people had been released and the cases of 540 others were still pending.",
    "Officials said 40 protesters were freed and 12 others are pending trial.",
])
def test_released_beside_cases_pending_is_a_tally(sentence):
    assert _counts(sentence) == []


# a name whose capital bears an accent, a role told in apposition after an actively freed name (class 7/11)
@pytest.mark.parametrize("text", [
    "Émile Ñúñez was released from prison in the capital after the court annulled his sentence.",
    "Ruritania’s former interim president Émile Ñúñez freed from prison after court ruling",
    "The president has ordered the release of Dalia Morven, the jailed former Prime Minister, hours after the vote.",
])
def test_named_releases_accents_and_apposed_roles(text):
    assert _releases(text) == [(1, "exact")]


def test_an_apposed_place_is_no_named_release():
    assert _releases("Police released Kabul, the capital city, from the curfew.") == []


# "<Surname> and N other <people>": N + 1 (class 1)
@pytest.mark.parametrize("sentence, count", [
    ("The court reviewed the detention of Ñúñez and two other opposition leaders, releasing them from prison.", 3),
    ("The rebels freed Okoro and four other hostages on Sunday.", 5),
])
def test_a_surname_and_n_others(sentence, count):
    assert _counts(sentence) == [count]

# "The release comes after pardons were issued for 10 ...": what it follows came before; a release of 8 told by its
# place of detention is no part of it (dates11)
def test_a_release_that_came_after_a_larger_one_is_not_its_part():
    events, _ = extract_event_mentions(sentences_of(
        "Eight activists were released from detention on bail Monday.\nThe hearing was short.\n"
        "The release comes after royal pardons were issued for 12 activists over the weekend.\n"))
    counts = sorted(events.filter(pl.col("event_type") == "prisoner_release")["prisoner_count"].to_list())
    assert counts == [8, 12]


# the place the people come from, in capitals, between a count and its noun: "82 <Town> schoolgirls", "38 <Country>
# fishermen", "three <Outlet> reporters" (class 11: the count was missed, and with it the release)
@pytest.mark.parametrize("sentence, count", [
    ("Today, 82 more Varnok schoolgirls were released after long talks, the spokesman said.", 82),
    ("The two governments completed the release of 47 Indian fishermen and 38 Borduvia fishermen.", 85),
    ("Police freed three Tidewire reporters on Monday.", 3),
])
def test_a_capitalised_place_before_the_people_noun_is_part_of_the_count(sentence, count):
    counts, _ = find_release_counts(sentence)
    assert [c[2] for c in counts] == [count]


# a named person told by what they did once out: "<name> returned home on <day> after being released" (class 11)
@pytest.mark.parametrize("sentence, counts", [
    ("Reporter Lena Brandt returned home on Wednesday after being released, the prime minister said.", [1]),
    ("Aron Vale spoke to supporters outside the court after being freed.", [1]),
    ("Reporter Lena Brandt, who had been held on state secrets charges in the capital for more than three years, "
     "returned home on Wednesday after being released, the prime minister said.", [1]),  # a long aside between
    ("The prisoners returned home after being released.", []),  # no name, no number
])
def test_a_named_person_who_did_something_after_being_released(sentence, counts):
    assert [c[2] for c in find_release_counts(sentence)[0]] == counts


# a one-for-one swap told as a noun: "the prisoner swap between <A> and <B>", "the swap of <A> for <B>" (issue 22,
# class 2); a swap only talked about is none
@pytest.mark.parametrize("text, expected", [
    ("The minister compared the deal to last year's prisoner swap between football coach Lena Marsh and "
     "Ruritanian arms broker Omar Haddad.", [(2, "exact")]),
    ("The swap of aid worker Lena Marsh for the Ruritanian pilot Omar Haddad took place at a desert airstrip.",
     [(2, "exact")]),
    ("Talks on a possible exchange of Lena Marsh for Omar Haddad stalled in the spring.", []),
    ("The exchange of Lena Marsh for Omar Haddad was discussed at the summit.", []),
    ("The swap between Ruritania and Freedonia took place on Friday.", []),
])
def test_a_one_for_one_swap_told_as_a_noun(text, expected):
    assert [r for r in _releases(text) if r[0] is not None] == expected


# a rate and a running total since the start of a year are no occasion's release (issue 22, class 4)
@pytest.mark.parametrize("sentence", [
    "The courts have been releasing an average of 150 prisoners a day since the decree.",
    "Some 300 detainees a day were freed under the amnesty, the ministry said.",
    "Around 2,800 people, most of them jailed for petty offences, have been released since the start of 2018 under "
    "the decree.",
])
def test_a_rate_or_a_total_since_a_years_start_is_no_release(sentence):
    assert _counts(sentence) == []


def test_a_count_then_a_time_ago_is_still_a_release():
    assert _counts("The authorities freed 40 prisoners a week earlier, the lawyers said.") == [40]


# "granted pardons to <role> <A>, <long title> <B> and N others": the named ones and the others, however long the
# titles between the verb and the count; "<name> and three other defendants" (issue 22, class 1)
@pytest.mark.parametrize("sentence, count", [
    ("The president granted his first special pardons to shipping heir Amani Wekesa, Northern Steel Group Chairman "
     "Juma Otieno Kamau and 1,691 others ahead of next week's national holiday, the government said.", 1693),
    ("A court on Friday ordered the release of opposition leader Amani Wekesa and three other defendants after the "
     "charges were dropped.", 4),
    ("Amani Wekesa and two other suspects were freed on bail on Monday.", 3),
])
def test_named_people_and_n_others_after_a_long_list_or_a_case_noun(sentence, count):
    assert _counts(sentence) == [count]


# one named person freed with a relative is a release of two (issue 22, class 1); meeting a relative after is not
@pytest.mark.parametrize("sentence, count", [
    ("Teenage activist, Amani Wekesa and her mother, Grace, were released from prison on Sunday.", [2]),
    ("Amani Wekesa was freed along with her brother on Sunday.", [2]),
    ("She was released with her mother, who also served an eight-month sentence.", [2]),
    ("Amani Wekesa was released on Sunday and met with her mother.", [1]),
])
def test_a_named_person_freed_with_a_relative(sentence, count):
    assert _counts(sentence) == count


def test_a_lead_since_a_month_opens_a_running_total():
    """"Since March, the government had released some 5,000 prisoners and the rebels had freed 1,000": totals over
    a period (issue 22, class 4); "Since Monday, the army freed 40" is no month and stays a release."""
    assert _counts("Since March, the government had released some 5,000 prisoners and the rebels had freed 1,000 "
                   "soldiers.") == []
    assert _counts("Since Monday, the army freed 40 hostages.") == [40]


# "A total of N people received special presidential pardons": one occasion's pardon, not a running total; "granted
# special pardons to <A> and <B>": two named (issue 22, class 11)
@pytest.mark.parametrize("sentence, count", [
    ("A total of 1,693 people received special presidential pardons, including two business leaders.", [1693]),
    ("A total of 1,693 people have received pardons since 2019.", []),
    ("The king granted special pardons to Amani Wekesa and Peter Kamau on Friday.", [2]),
])
def test_pardons_received_by_a_total_and_granted_to_two_named(sentence, count):
    assert _counts(sentence) == count


# a pronoun freed from custody is one person's release, the one named before (issue 22, class 11); out of hospital is none
@pytest.mark.parametrize("sentence, count", [
    ("He was released on parole in August last year.", [1]),
    ("She was freed from prison on Monday after six years.", [1]),
    ("He was released from hospital on Monday.", []),
])
def test_a_pronoun_released_from_custody(sentence, count):
    assert [c for c, _ in _releases(sentence) if c is not None] == count


def test_a_named_person_and_n_co_accused():
    """"<name> and three co-accused have been set free": the companions are the others, four in all (issue 22, class 1)."""
    assert _counts("Party chairman Amani Wekesa and three co-accused have been set free after the charges were "
                   "dropped.") == [4]
    assert _counts("Three co-accused were freed on Monday.") == [3]


# "In all, N <people> walked free / were freed on <day>": one occasion's total; a total since a date stays a tally
# (issue 22, class 4)
@pytest.mark.parametrize("sentence, count", [
    ("In all, 300 prisoners walked free on Tuesday.", [300]),
    ("In all, 300 prisoners were freed on Tuesday.", [300]),
    ("In all, 300 prisoners have been freed since January.", []),
])
def test_in_all_n_freed_on_a_day(sentence, count):
    assert _counts(sentence) == count


# "exchanged 95 prisoners each", "swapped 20 detainees apiece": the same number on both sides of a swap; "each of whom"
# is no side (issue 22, class 2)
@pytest.mark.parametrize("sentence, count", [
    ("Ruritania and Freedonia exchanged 95 prisoners each on Friday.", [190]),
    ("The two countries swapped 20 detainees apiece.", [40]),
    ("In the swap, Ruritania freed 95 prisoners, each of them a soldier.", [95]),
])
def test_a_swap_of_n_each(sentence, count):
    assert _counts(sentence) == count


# a named person freed along with another named in full is a release of two (issue 22, class 1/3)
@pytest.mark.parametrize("sentence, count", [
    ("Wekesa was pardoned Wednesday along with Peter Kamau, a rights lawyer, the agency reported.", [2]),
    ("Amani Wekesa was released on Monday along with Peter Kamau.", [2]),
    ("Amani Wekesa was released on Monday along with Ruritania's envoy.", [1]),
])
def test_a_named_person_freed_along_with_another_named(sentence, count):
    assert _counts(sentence) == count


@pytest.mark.parametrize("sentence, count", [
    # a breakdown after a dash or a bracket says who the count is, it is no release of its own
    ("The president on Wednesday pardoned Amani Wekesa and five others -- three men and two women.", [6]),
    ("The rebels freed 12 soldiers (seven officers and five conscripts) on Monday.", [12]),
])
def test_a_breakdown_after_a_dash_or_a_bracket_is_no_release(sentence, count):
    assert _counts(sentence) == count


@pytest.mark.parametrize("sentence", [
    # a stock told as what there is, and the bigger group the freed were part of (issue 22, class 4)
    "According to the lists the two sides exchanged in January, there are 347 Ruritanian prisoners in Lusitanian jails.",
    "The released are part of the 35 opposition supporters who have been on remand since their arrest in December.",
])
def test_a_stock_or_the_group_the_freed_came_from_is_no_release(sentence):
    assert _counts(sentence) == []


def test_a_past_there_were_is_still_a_release():
    assert _counts("There were 40 prisoners freed on Monday.") == [40]


@pytest.mark.parametrize("sentence, count", [
    ("He was released in December 2021 after spending 22 months in pretrial detention.", [1]),
    ("She was released in May 2019 but re-arrested a week later.", []),
])
def test_a_pronoun_released_in_a_month_of_a_year_is_one(sentence, count):
    """"He was released in <Month> <year>": a dated release of one, the person named before (issue 22, class 5/11)."""
    assert _counts(sentence) == count


@pytest.mark.parametrize("sentence, country", [
    ("Amani Wekesa, a postgraduate student in Italy, was pardoned by Egyptian President Omar Said on Wednesday.", "Egypt"),
    ("The reporter, who lives in France, was freed by Iranian authorities on Monday.", "Iran"),
])
def test_the_agent_of_a_passive_release_is_the_state_that_frees(sentence, country):
    """"<A>, a student in <country>, was pardoned by <Demonym> President <B>": the state that frees, not where the freed
    lives (issue 22, class 3)."""
    from flows.extraction.events import release_country

    assert release_country(sentence, None) == country


@pytest.mark.parametrize("sentence, count", [
    ("The High Court has granted bail to opposition MP Peter Kamau and 12 others who face treason charges.", [13]),
    ("The court denied bail to 12 activists.", []),
    ("A judge refused to grant bail to the 12 defendants.", []),
])
def test_bail_granted_to_a_named_person_and_others_is_a_release(sentence, count):
    """"granted bail to <A> and 12 others": freed from custody, thirteen (issue 22, class 1/11); bail denied is none."""
    assert _counts(sentence) == count


def test_a_dateline_in_capitals_gives_the_document_its_country():
    """"SEOUL – President <A> granted special pardons to ... and 1,691 others": a wire story whose only place is its
    dateline in capitals is that country's, so the release joins the same pardon told by a page that names the country
    (issue 22, class 3/6)."""
    from flows.extraction.places import dateline_countries

    assert dateline_countries("SEOUL – President Kim granted special pardons to 1,693 people on Friday.") == ["South Korea"]
    assert dateline_countries("BEIRUT (AP) — A court ordered the release of the former minister.") == ["Lebanon"]
    assert dateline_countries("WASHINGTON — The Treasury said on Friday.") == []  # an issuer's capital says nothing
    events, _ = extract_event_mentions(sentences_of(
        "SEOUL – President Kim granted special pardons to 1,693 people on Friday."), {})
    assert events["country"].to_list() == ["South Korea"]


# one person freed in shapes the count rules did not read (issue 22, class 11, session 15): a long aside before the
# verb, a headline's "released after <time>", a role and no name as the subject, bail posted, a headline's Title Case
# role before the name
@pytest.mark.parametrize("text", [
    "Mira Kell, a Ruritanian teacher who spent six years in a cell but was cleared by the high court last month in a "
    "case brought by the state, was freed from the prison in the city, her lawyer said.",
    "Ruritania’s Jan Novak released after over seven months",
    "Former Lakeside mayor was released from Westgate Prison on Thursday.",
    "A Northfield University student has been released from a Ruritanian prison after her term was cut.",
    "Reporter Anna Vell posted bail on Friday after a night in a police cell.",
    "Ruritania Bows to Pressure, Pardons Poet Jan Novak After Plea From Abroad",
])
def test_one_person_freed_in_other_shapes(text):
    assert _releases(text) == [(1, "exact")]


@pytest.mark.parametrize("text", [
    "The report released after two weeks of work was damning.",
    "Students were released from classes early.",
    "A former mayor could be released from prison next year.",
])
def test_no_one_person_release_there(text):
    assert _releases(text) == []


# a weekday with its own date right after it: that date is the release's ("on Thursday, 24 January 2018")
@pytest.mark.parametrize("text, date", [
    ("Jan Novak was released from Westgate Prison on Thursday, 24 January 2019.", "2019-01-24"),
    ("Ruritania released on Friday 2nd of June 2023 two foreign citizens.", "2023-06-02"),
])
def test_a_weekday_followed_by_its_date_takes_that_date(text, date):
    events, _ = extract_event_mentions(sentences_of(text), {})
    rel = events.filter(pl.col("event_type") == "prisoner_release")
    assert [str(d) for d in rel["event_date"]] == [date]


# an amnesty legislators back or pass is a bill, not a release (issue 22, class 4), unless the sentence tells it done
@pytest.mark.parametrize("text, expected", [
    ("The pardon came after MPs on Wednesday backed a wide-ranging amnesty for at least 20,000 prisoners.", []),
    ("Lawmakers passed an amnesty bill for 3,000 inmates on Tuesday.", []),
    ("Parliament approved an amnesty for 6,000 prisoners, who were freed on Friday.", [(6000, "exact")]),
])
def test_an_amnesty_legislators_back_is_no_release(text, expected):
    assert _releases(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("According to the broadcaster, 125 activists were able to leave their cells.", [(125, "exact")]),
    ("The 40 prisoners were able to leave the prison yard for an hour.", []),
])
def test_leaving_their_cells_is_a_release(text, expected):
    assert _releases(text) == expected


# a number inside a group's name after the count: "two Zone 9 bloggers" are two (issue 22, class 11)
@pytest.mark.parametrize("text, expected", [
    ("Harbor Authorities Release Two Zone 9 Bloggers and Four Journalists", [(6, "exact")]),
    ("The court freed two Group 7 activists on Monday.", [(2, "exact")]),
    ("On May 3 150 prisoners were freed.", [(150, "exact")]),
])
def test_a_number_inside_a_groups_name_is_no_count(text, expected):
    assert _releases(text) == expected


# session 17, class 4: a release told beside the running total it brings, or beside the stock still held, keeps its
# own count; a count a release has reached by now is a total
@pytest.mark.parametrize("sentence, counts", [
    ("The government freed 14 prisoners on Tuesday, bringing the total released since July to 330.", [14]),
    ("The government freed 14 prisoners on Tuesday, bringing to 330 the number released since July.", [14]),
    ("Ruritania freed 52 prisoners on Thursday, its largest release so far.", [52]),
    ("The junta freed 52 prisoners on Thursday, the biggest release to date.", [52]),
    ("Authorities freed 20 prisoners, but more than 1,000 remain in jail.", [20]),
    ("It was the third release this year; about 90 people have now been freed.", []),
    ("The amnesty, which has so far freed 5,000 inmates, was extended.", []),
])
def test_a_release_beside_a_running_total_keeps_its_own_count(sentence, counts):
    assert _counts(sentence) == counts


# session 17, classes 1 and 2: "<name> and 15 others" as one side of a swap is sixteen, and the other side joins them
def test_a_named_person_and_others_on_one_side_of_a_swap():
    assert _counts("Ruritania freed Tomas Berko and 15 others in exchange for eight prisoners.") == [24]


# a swap's other side told as the same number, the receiving side's words included; two sides of one noun; a total
# opening the sentence over two sides (session 18, class 2)
@pytest.mark.parametrize("text, count", [
    ("Vostria brought home 95 soldiers in the latest exchange, while Kelmark got back the same number.", 190),
    ("Vostria returned 84 soldiers home in the swap while Kelmark received an equal number.", 168),
    ("Kelmark freed 95 Vostrian soldiers in the exchange, and Vostria released the same number.", 190),
    ("On Friday, 390 Vostrian and 390 Kelmarkian prisoners were exchanged.", 780),
    ("In total, 390 soldiers and 390 sailors were exchanged on Friday.", 780),
    ("The two countries each handed over 205 prisoners of war.", 410),
])
def test_both_sides_of_a_swap_told_together_are_counted(text, count):
    assert [c for c, _ in _releases(text + "\n")] == [count]


def test_receiving_or_the_same_number_without_a_swap_counts_no_other_side():
    # alone, the receiving side's words are no release (the state that received them is no freer)
    assert _releases("Vostria brought home 95 soldiers in the latest exchange.\n") == []
    # a release a year apart that matched another's number is no swap
    assert _releases("Vostria freed 95 prisoners on Friday, and Kelmark released the same number last year.\n") \
        == [(95, "exact")]


# class 1 (session 18): named people with fellows or asides of their own
@pytest.mark.parametrize("text, count", [
    ("Tomas Veller and two fellow activists walked free on Tuesday.", 3),
    ("Tomas Veller, Anna Berg and two fellow activists were pardoned.", 4),
    ("Tomas Veller, a blogger, and Anna Berg, a lawyer, were freed on Sunday.", 2),
    ("Two fellow activists were freed on Tuesday.", 2),  # no name: the count as told (a guard)
])
def test_named_people_with_fellows_or_asides_are_counted(text, count):
    assert [c for c, _ in _releases(text + "\n")] == [count]


# session 19 (dev7): a part freed out of a whole told after it; a year that names a measure; a deed's victims
@pytest.mark.parametrize("sentence, expected", [
    ("Ruritania on Wednesday released the first 26 of 104 prisoners it agreed to set free.", [26]),
    ("Authorities released the last 15 of the 60 detainees on Monday.", [15]),
    ("Authorities released 40 detainees, including students arrested in May.", [40]),  # guard
])
def test_a_part_freed_out_of_a_whole(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Prisoners eligible for release under the 2021 amnesty include women and the elderly.",
    "The two, jailed 13 years ago after they were found guilty of defiling 10 schoolgirls, walked free on Saturday.",
    "The men, convicted of killing 12 protesters, were freed on bail.",
])
def test_a_year_naming_a_measure_or_a_deed_s_victims_is_no_release_count(sentence):
    assert [c for c in _counts(sentence) if c in (2021, 10, 12)] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Two of the 52 prisoners freed on Thursday were journalists.", [52]),  # the part a member of the whole freed
    ("She was one of the 52 prisoners freed on Thursday.", [52]),
])
def test_a_part_as_the_subject_is_a_member_of_the_whole_freed(sentence, expected):
    assert _counts(sentence) == expected


# session 19 (dev7): a one-for-one swap whose other side is one of a people ("an <demonym>"); a demonym ending in "-ch"
# before a role ("French academic <A>")
@pytest.mark.parametrize("text, expected", [
    ("Pavel Dorin, an American contractor held captive since 2020, was freed in exchange for an Afghan imprisoned on "
     "drug charges in the United States, officials said Monday.", [(2, "exact")]),
    ("Iran freed French academic Mara Velko on Saturday in exchange for an Iranian engineer held in France.",
     [(2, "exact")]),
    ("Iran freed French academic Pavel Dorin on Saturday.", [(1, "exact")]),
])
def test_one_for_one_swaps_and_demonyms_before_a_role(text, expected):
    assert _releases(text) == expected


# session 19 (dev7): hostages freed where police storm a place are rescued, not released; the companions listed after a
# named release count ("along with her fiance, a doctor and two of his colleagues"); one of a people freed ("A
# Frenchwoman freed from <demonym> jail")
@pytest.mark.parametrize("text, expected", [
    ("Police stormed the ranch, where they detained Dorin and freed three hostages as cameras rolled.", []),
    ("Police raided the prison on Monday, and the governor freed 20 political prisoners on Tuesday.", [(20, "exact")]),
    ("The king has pardoned Mara Velko, a journalist sentenced last month, along with her fiance, a doctor and two of "
     "his colleagues.", [(5, "exact")]),
    ("The king pardoned Pavel Dorin along with his wife.", [(2, "exact")]),
    ("A Frenchwoman freed from Ruritanian jail after a court said police staged her arrest arrived in Paris Thursday.",
     [(1, "exact")]),
])
def test_rescues_companions_and_one_of_a_people(text, expected):
    assert _releases(text) == expected


# a live page's entries open with their time ("12:24 Some 185 ..."): the minutes are no count, nor "Some 185" a name
@pytest.mark.parametrize("text, found", [
    ("12:24 Some 185 activists walked free on Monday.", [(185, "about")]),
    ("09:05 Authorities freed 40 prisoners, the ministry said.", [(40, "exact")]),
])
def test_a_clock_time_before_a_count_is_no_count(text, found):
    assert _releases(text) == found


# thousands grouped by a dot, as continental European and Latin American outlets print them; a decimal's fraction
# ("1.5 million") is no count
@pytest.mark.parametrize("text, found", [
    ("Authorities freed 2.500 prisoners on Monday.", [(2500, "exact")]),
    ("Some 3.000 detainees were freed under the amnesty.", [(3000, "about")]),
    ("The ruling freed 1.5 million people from the old curfew.", []),
])
def test_dotted_thousands_and_decimals(text, found):
    assert _releases(text) == found


def test_dotted_thousands_parse():
    assert parse_number("2.500") == 2500 and parse_number("1.250.000") == 1250000 and parse_number("1.5") is None

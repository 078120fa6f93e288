"""Counts of people freed in one sentence: numbers in digits and words with their qualifiers, release words,
tallies and hypotheticals that are not releases, swap sides, breakdowns and parts of a count, named releases.

`release_parts(sentence)` is the entry point: (releases, tallies, swap side counts). It is built on
  count_numbers  numbers, qualifiers, people nouns, COUNT_RE and RELEASE_RE
  count_tallies  stocks, running totals, hypotheticals, the terms of a deal (is_tally)
  count_swaps    a swap's sides in one sentence
  count_lists    breakdowns, parts of a count, lists after a verb, "<name> and N others"
  count_named    releases without a number (named people, "freed a Canadian", an unsaid number)
Everything here looks at one sentence; what spans a document (members of a counted release, swaps told
across sentences, one country per count) is in `flows.extraction.events`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from flows.extraction.count_lists import (ALONG_WITH_OTHERS_RE, elliptic_head, freed_alongside, MEMBERS_LEAD_RE, OTHERS_BEFORE_RE, PAIR_GAP_RE,
                                          POSSESSIVE_GROUP_BEFORE_RE, _breakdowns,
                                          _list_gap, _names_listed_before, names_listed_before, _pairs, _parts_of_a_count, _verb_lists)
from flows.extraction.count_named import (NAMED_RELEASE_RE, SURNAME_RELEASE_RE, _active_named_release, _bare_named_release, _release_noun_done, _role_subject_released, _two_named_released,
                                          _is_surname,
                                          _one_freed, _two_described_freed, _uncounted, companions_after, exchanged_named_for_one, named_with_kin, one_person_more, pronoun_release,
                                          other_actor_releasing_named)
from flows.extraction.count_numbers import (_NUMW, _QUAL, BARE_SUBJECT_COUNT_RE, COUNT_RE, ELLIPTIC_COUNT_RE, HANDED_OVER_RE, QUALIFIERS, RELEASE_RE,
                                            SPACED_AFTER_DATE_RE, YEAR_BEFORE_RE, YEAR_NUM_RE, _is_people_noun, folded,
                                            parse_number)
from flows.extraction.count_swaps import (EXCHANGE_BEFORE_RE, ONE_SIDE_RE, OTHER_ACTOR_RELEASE_RE, SWAP_WORD_RE,
                                         OTHER_SIDE_NUMBERED_RE, REPORTED_OTHER_ACTOR_RE, SWAP_FRAME_RE,
                                         TWO_ACTORS_BETWEEN_RE,
                                         counted_other_side, one_described_swap, one_for_one_after,
                                         _bare_swaps, _other_side)
from flows.extraction.count_tallies import (DEAL_TERMS_RE, FURLOUGH_RE, HYPOTHETICAL_RE, INCLUDING_RE, PART_RELEASED_AFTER_RE, RESCUE_RE,
                                            TO_BENEFIT_BEFORE_RE, is_hypothetical, is_negated, is_tally)

# Words in folded(sentence) that a pattern cannot match without (see count_numbers.folded): cheap tests that
# skip scans which would find nothing
ELLIPTIC_WORDS = ("previously", "earlier", "already", "before")  # ELLIPTIC_COUNT_RE
INCLUDING_WORDS = ("including", "among", "whom", "them")  # INCLUDING_RE
# NAMED_RELEASE_RE, SURNAME_RELEASE_RE, ACTIVE_NAMED_RELEASE_RE, ONE_FREED_RE, UNCOUNTED_RE
NAMED_WORDS = ("free", "releas", "pardon", "exchange", "swap", "traded", "posted bail")
RESCUE_WORDS = ("mission", "operation", "raid", "assault", " by ", "storm")  # RESCUE_RE


def _nearest_trigger(triggers: list, starts: list[int], ends: list[int], start: int, end: int):
    """The first trigger t of least min(|t.start - end|, |start - t.end|), found by bisection.

    Triggers do not overlap and come in text order, so that distance falls strictly over the
    triggers that end before the count and rises strictly over those that start after it: only
    the last of the first, the first of the second and any trigger overlapping the count can be
    the least (the same one `min` over every trigger picks; linear-time extraction, issue 20)."""
    lo = bisect_right(ends, start)  # triggers[:lo] end at or before the count starts
    hi = bisect_left(starts, end, lo)  # triggers[hi:] start at or after the count ends
    candidates = range(max(0, lo - 1), min(len(triggers), hi + 1))
    return triggers[min(candidates, key=lambda i: min(abs(starts[i] - end), abs(start - ends[i])))]


# a number inside a group's name, after a count: "two Zone 9 bloggers" are two bloggers of the "Zone 9" group
NAME_NUMBER_RE = re.compile(r"(?<![\d:])\b(?P<count>\d+|" + "|".join(sorted((w for w in ("one two three four five six seven eight "
                            "nine ten eleven twelve").split()), key=len, reverse=True)) +
                            r")\s+(?P<name>(?-i:[A-Z][a-z]+)\s+\d{1,3})\s+(?=[A-Za-z])", re.I)


# the hour of a clock time right before a number ("12:24"): the number is its minutes; or a decimal's whole part
# ("1.5 million people": the number is its fraction)
CLOCK_OR_DECIMAL_BEFORE_RE = re.compile(r"\b\d{1,2}:$|\d\.$")


def _count_matches(sentence: str) -> list[re.Match]:
    """COUNT_RE's matches, where a day's number before a count ("on May 3 150 prisoners") is not read as
    the first group of a space-grouped thousand: the count then starts after the space; and where a number inside a
    group's name follows a count ("two Zone 9 bloggers"), the count is the first number, read on the sentence with the
    name in lower-case letters (same offsets; issue 22, class 11)."""
    named = NAME_NUMBER_RE.search(sentence) if any(c.isdigit() for c in sentence) else None
    if named:
        s, e = named.span("name")
        sentence = sentence[:s] + re.sub(r"\d", "x", sentence[s:e].lower()) + sentence[e:]
    out = []
    for m in COUNT_RE.finditer(sentence):
        num = m.group("num")
        if CLOCK_OR_DECIMAL_BEFORE_RE.search(sentence, max(0, m.start("num") - 3), m.start("num")):
            continue  # "12:24 Some 185 activists walked free": a live page's time, no count; nor "1.5 million" (session 20)
        if num[:1].isdigit() and not num.isdigit() and "," not in num \
                and SPACED_AFTER_DATE_RE.search(sentence, max(0, m.start("num") - 12), m.start("num")):
            again = COUNT_RE.match(sentence, m.start("num") + len(num.split()[0]) + 1)
            if again:
                out.append(again)
            continue
        out.append(m)
    return out


# a named person's companions in a case or a cause: "others" by what they are to the named one (issue 22, class 1)
COMPANION_NOUN_RE = re.compile(r"(?:co-accused|co-defendants|codefendants|co-detainees|companions|comrades|colleagues)$",
                               re.I)
# two capitalised words in a row: a full name before "and N others" (or none between a count and its others)
TWO_CAPITALS_RE = re.compile(r"(?-i:[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+)")

# between a counted group and "and N others": what qualifies the group, with no clause, name or count of its own
OTHERS_GAP_RE = re.compile(r"^(?:(?![;:.()\u2014]|\b(?:were|was|are|is|has|have|had|who|which|while|but)\b)[^\d])"
                           r"{0,80}?\band\s+$", re.I)


def _others_of_the_count_before(sentence: str, m: re.Match, matches: list[re.Match], releases: list[tuple]
                                ) -> int | None:
    """Index in `releases` of the release that "and N others" (m) adds to: the counted group right before it,
    when only a qualifying phrase stands between ("40 inmates with final sentences and 25 others")."""
    if "other" not in m.group("noun").lower() or not releases:
        return None
    before = [p for p in matches if p.end() <= m.start()]
    if not before or releases[-1][1] != before[-1].end():
        return None
    gap = sentence[before[-1].end():m.start()]
    if not OTHERS_GAP_RE.match(gap) or TWO_CAPITALS_RE.search(gap) \
            or RELEASE_RE.search(gap):
        return None
    return len(releases) - 1


# a count, the relative clause telling who they are, then their passive release: "The 21 fishermen who were arrested
# by the navy last month for poaching in its waters were released on ..." (no clause or sentence break between)
SUBJECT_RELATIVE_RE = re.compile(r"\s+who\s+(?:were|had\s+been|have\s+been|are|had)\s+[^.;:()]{0,200}?\s"
                                 r"(?:were|have\s+been|had\s+been)\s+(?P<verb>released|freed|set\s+free|pardoned)\b")


# a person named by the surname alone after a lower-case word, before "and N other <people>" (issue 22, class 1)
ONE_SURNAME_BEFORE_RE = re.compile(r"(?-i:\b[a-z]+\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w’'\-]+))\s+and\s+$")


# a second counted group of the same people told by "ones" right after the first: "three prominent political
# prisoners and 700 regular ones" (one release of both; issue 22, class 11)
ONES_AFTER_RE = re.compile(rf"\s+and\s+(?:(?P<qual>{_QUAL})\s+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMW})\s+"
                           rf"(?:(?-i:[a-z][a-z\-]+)\s+){{0,2}}?ones\b", re.I)


# a swap's count given per side: "35 people held in each country", "60 on each side"
_EACH_SIDE = (r"(?:\b(?:in|on|from|by)\s+each\s+(?:side|country|nation|state)\b"
              # "exchanged 95 prisoners each", "swapped 20 apiece": the same number on both sides (issue 22, class 2)
              r"|(?<=\s)(?:each|apiece)\b(?!\s+(?:other|of|year|day|week|month|time|side's)))")
EACH_SIDE_RE = re.compile(rf"[^.;,\d]{{0,40}}?{_EACH_SIDE}", re.I)
# the same number freed by each of two sides, told before the count: "<A> and <B> each released 84 prisoners", "the
# exchange, each side releasing 84 soldiers" (a swap of both sides; "both sides released 84" may be the total: not taken)
EACH_FREED_BEFORE_RE = re.compile(r"\beach(?:\s+(?:side|country|nation|state|party))?\s+(?:(?:has|have|had|will\s+have)\s+)?"
                                  r"(?:also\s+|then\s+)?(?:released|freed|handed(?:\s+over)?|set\s+free|returned|releasing|"
                                  r"freeing|handing(?:\s+over)?|setting\s+free|returning)\s+(?:(?:about|around|some|nearly|almost|"
                                  r"more\s+than|over|at\s+least)\s+)?$", re.I)
BARE_EACH_SIDE_RE = re.compile(rf"\b(?:releas(?:ed|ing)|freed|freeing|swapp(?:ed|ing)|exchang(?:ed|ing))\s+"
                               rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMW})\s+{_EACH_SIDE}", re.I)


# after a named person freed, the other side of a one-for-one swap: "... was freed in exchange for <person>"
# (or "... was released today in a prisoner swap for <person>", the link told by the swap's noun, as
# NAMED_FOR_ONE_RE takes it after an active verb: issue 22, class 2)
ONE_FOR_ONE_RE = re.compile(r"[^,.;]{0,30}?\bin\s+(?:(?:exchange|return)|an?\s+(?:[\w\-]+\s+){0,3}?(?:swap|exchange|trade))\s+for\s+"
                            r"(?:the\s+(?:release|freedom)\s+of\s+)?"
                            r"(?:(?-i:[A-Z][a-z]+)\s+(?:citizen|national|pilot|businessman|agent|officer|prisoner)\s+)?", re.I)


# "In return, B has received a total of 55 prisoners", "In exchange, B got back 12 soldiers"
RECEIVED_SIDE_RE = re.compile(r"^\W*In\s+(?:exchange|return),\s+(?:[^,.;]{0,40}?\s)?(?:has\s+|have\s+|had\s+)?"
                              r"(?:received|got\s+back|took\s+back|welcomed\s+back)\s+(?:a\s+total\s+of\s+)?", re.I)


# The beneficiaries of a measure of clemency told done: "issued clemency measures in favour of 70 detainees",
# "clemency measures that affect seventy persons", "a pardon benefiting 2,400 convicts", "<name> was among six inmates
# included in the decree": the measure frees them, whether or not a release verb is near (issue 22, class 11)
CLEMENCY_WORDS = ("clemency", "pardon", "amnest", "decree")
CLEMENCY_BEFORE_RE = re.compile(
    r"\b(?:clemency(?:\s+measures?)?|pardons?|amnest(?:y|ies)|decrees?)[\"\u201d\u2019']?\s+(?:that\s+|which\s+)?"
    r"(?:benefit(?:s|ed|ted|ing|ting)?|affect(?:s|ed|ing)?|cover(?:s|ed|ing)|in\s+favou?r\s+of|includ(?:ed|es|ing))\s+$",
    re.I)
CLEMENCY_AFTER_RE = re.compile(
    r"\s*(?:[\w\-]+\s+){0,2}?(?:(?:who|that)\s+(?:were|was|are)\s+)?(?:included|named|listed)\s+in\s+(?:the|a|an|this)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:decree|pardon|amnesty|clemency)\b", re.I)
AMONG_END_RE = re.compile(r"\bamong\s+(?:the\s+)?$", re.I)


def _clemency_beneficiaries(sentence: str, m: re.Match) -> bool:
    """Whether the count `m` names the beneficiaries of a measure of clemency told done (not planned)."""
    start = m.start()
    before = sentence[max(0, start - 60):start]
    frame = CLEMENCY_BEFORE_RE.search(before)
    if frame is None and not (AMONG_END_RE.search(before) and CLEMENCY_AFTER_RE.match(sentence, m.end())):
        return False
    at = start - len(before) + frame.start() if frame else start
    return not HYPOTHETICAL_RE.search(sentence, max(0, at - 40), at) \
        and not TO_BENEFIT_BEFORE_RE.search(sentence, max(0, start - 60), start)


# a second measure of clemency for "N others": "... and pardoned 24 others", "and commuted the terms of 12 others"
CLEMENCY_OTHERS_RE = re.compile(r"\band\s+(?:also\s+)?(?:pardon(?:ed|ing)|freed|freeing|released|releasing|amnestied|"
                                r"commut(?:ed|ing)|reduc(?:ed|ing)|cut(?:ting)?)\s+(?:the\s+(?:sentences?|terms?|"
                                r"jail\s+terms?)\s+of\s+)?$", re.I)
# the first group of that measure: "cut / reduced / commuted the sentences of 11 <people>", "pardoned 11 <people>"
CLEMENCY_GROUP_BEFORE_RE = re.compile(r"\b(?:pardon(?:ed|ing)|freed|freeing|released|releasing|amnestied|"
                                      r"(?:commut(?:ed|ing)|reduc(?:ed|ing)|cut(?:ting)?|shorten(?:ed|ing))\s+"
                                      r"(?:the\s+)?(?:prison\s+|jail\s+)?(?:sentences?|terms?)\s+of)\s+$", re.I)


# a part the verb frees, told before its whole: "released the first 26 of 104 <people>", "freed 15 of the 60 detainees"
# (session 19); a part as the subject is a member of the whole freed ("two of the 52 prisoners freed were journalists")
PART_OF_WHOLE_BEFORE_RE = re.compile(r"\b(?:released|releasing|freed|freeing|pardoned|pardoning|let\s+go|set\s+free)\s+"
                                     r"(?:the\s+)?(?:(?:first|last|final|remaining|initial|other)\s+)?"
                                     rf"(?P<part>\d{{1,3}}(?:,\d{{3}})*|{_NUMW})\s+of\s+(?:the\s+|these\s+|those\s+)?"
                                     r"(?:(?:some|about|around|nearly|roughly|an\s+estimated)\s+)?$", re.I)
# a year naming a measure: "the 2021 amnesty", "its 2019 pardon" (session 19)
YEAR_NAMING_RE = re.compile(r"(?:19|20)\d\d\s+(?:mass\s+|general\s+|presidential\s+|royal\s+)?"
                            r"(?:amnest(?:y|ies)|pardons?|releases?|swaps?|exchanges?|elections?|law|decree|deal)\b", re.I)
# a deed whose object is counted: its victims ("guilty of defiling 10 schoolgirls", "for killing 12 protesters")
DEED_BEFORE_RE = re.compile(r"\b(?:kill|murder|defil|rap|abduct|kidnapp|behead|tortur|injur|wound|assault|attack|"
                            r"massacr|shoot|shot|stabb)(?:ed|ing)?\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.I)


# "the release of the first of some 900 prisoners": the first members out of a count, not a release of it all
# ("the first group of 1,178" is a stage released whole; issue 22, class 3)
# a whole told first, then its part after a comma: "Of the roughly 1,100 political prisoners, 52 were freed" (session 18;
# a whole freed itself stays: "Of the 40 detainees released on Friday, 26 were students")
OF_WHOLE_BEFORE_RE = re.compile(r"^\W*(?:and\s+)?of\s+(?:the|these|those|all\s+the)\s+$", re.I)
PART_AFTER_WHOLE_RE = re.compile(rf"[^.;:]{{0,80}}?,\s*(?:\d|(?:{_NUMW})\b)", re.I)
FIRST_OF_BEFORE_RE = re.compile(r"\bthe\s+first\s+of\s+(?:the\s+)?$", re.I)
ANY_GROUP_RE = re.compile(rf"\b(?!(?:19|20)\d\d\b)(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMW})\s+(?-i:[a-z]+s)\b", re.I)


def _clemency_group_before(sentence: str, m: re.Match, matches: list[re.Match]) -> re.Match | None:
    """The counted group a first measure of clemency names before "and <clemency verb> N others" (m), when no
    other count stands between: the others join it (issue 22, class 11)."""
    before = [p for p in ANY_GROUP_RE.finditer(sentence, 0, m.start())]  # any counted group ("11 politicians")
    if not before or any(before[-1].end() <= p.start() for p in matches if p.end() <= m.start()):
        return None
    prior = before[-1]
    if not CLEMENCY_GROUP_BEFORE_RE.search(sentence, max(0, prior.start() - 50), prior.start()):
        return None
    gap = sentence[prior.end():m.start()]
    return prior if not re.search(r"[;:.]", gap) and len(gap) <= 200 else None


def _each_others_nationals(sentence: str, a: tuple, b: tuple) -> bool:
    """Whether two counted groups freed by two actors in one sentence are each the other state's nationals, both states
    named beside them: "A handed over 95 <B-demonym> fishermen while <B's capital> released 90 <A-demonym> fishermen",
    an exchange told without its word (issue 22, class 2)."""
    from flows.extraction.places import find_places

    def nation(span: tuple) -> set:
        return {c for c, kind in find_places(sentence[span[0]:span[1]]) if kind == "demonym"}

    first, second = nation(a), nation(b)
    if len(first) != 1 or len(second) != 1 or first == second:
        return False
    rest = sentence[:a[0]] + " " + sentence[a[1]:b[0]] + " " + sentence[b[1]:]
    named = {c for c, kind in find_places(rest) if kind in ("name", "capital")}
    return first | second <= named


def find_release_counts(sentence: str) -> tuple[list[tuple], list[tuple]]:
    """(releases, tallies) in one sentence: tuples of (start, end, count, qualifier).

    A swap ("16 for 10", "95 for an equal number", "ten in exchange for <name>") is one release of both
    sides; "X and 13 others" is a release of 14."""
    releases, tallies, _ = release_parts(sentence)
    return releases, tallies


def _others_of_names(sentence: str, m: re.Match) -> bool:
    """Whether count `m` is of the others beside people named before it ("<name> and 13 others", "<name> and three
    co-accused"): the named are then of the count too."""
    # ("<name> and two fellow activists": the fellows are the others; session 18)
    return bool(("other" in (m.group("mods") + m.group("noun")).lower() or COMPANION_NOUN_RE.match(m.group("noun"))
                 or re.search(r"(?i)\bfellow\b", m.group("mods")))
                and OTHERS_BEFORE_RE.search(sentence, 0, m.start())
                and TWO_CAPITALS_RE.search(sentence[max(0, m.start() - 120):m.start()]))


# the side that gets its people back in a swap: "Ukraine brought home 95 soldiers in the exchange", "<State> said it
# had received 307 soldiers in the swap" (a trigger only where the sentence speaks of a swap)
RECEIVED_IN_SWAP_RE = re.compile(r"\b(?:brought|bringing|brings|got|gets|getting)\s+(?:home|back)\b|"
                                 r"\b(?:received|receiving|receives)\b|\b(?:came|come|coming)\s+home\b", re.I)


# the other side of a swap given as the same number, after a counted side: "Ukraine brought home 95 soldiers in the
# exchange, while Russia got back the same number", "returned 84 home while the other side received an equal number"
SAME_NUMBER_BACK_RE = re.compile(
    r"[^.;:]{0,80}?,?\s+(?:while|whereas|and|as)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,2}?\s+(?:also\s+|in\s+turn\s+)?"
    r"(?:got\s+back|received|brought\s+home|freed|released|handed\s+over|returned|recovered)\s+"
    r"(?:the\s+same\s+number|an\s+equal\s+number|as\s+many)\b", re.I)


def release_parts(sentence: str) -> tuple[list[tuple], list[tuple], tuple[int, ...]]:
    """find_release_counts plus the counts of the swaps' sides (a release of one side, reported
    elsewhere in the document, is part of the swap)."""
    releases, tallies = [], []
    side_counts: list[int] = []
    low = folded(sentence)
    triggers = [m for m in RELEASE_RE.finditer(sentence)]
    swap_told = SWAP_WORD_RE.search(sentence) is not None  # the sentence speaks of a swap (read once, used per count)
    if swap_told and SAME_NUMBER_BACK_RE.search(sentence):
        # in a swap, one side's getting its people back is the other's freeing them, when the sentence tells both
        # sides (session 18, class 2): alone, it would be a release by the state that received them
        triggers = sorted(triggers + list(RECEIVED_IN_SWAP_RE.finditer(sentence)), key=lambda t: t.start())
    trigger_starts = [t.start() for t in triggers]
    trigger_ends = [t.end() for t in triggers]
    matches = [m for m in _count_matches(sentence) if _is_people_noun(m)
               and not (YEAR_NUM_RE.fullmatch(m.group("num")) and (YEAR_BEFORE_RE.search(sentence, 0, m.start("num"))
                                                                   or YEAR_NAMING_RE.match(sentence, m.start("num"))))
               # "found guilty of defiling 10 schoolgirls": the deed's victims, no one freed or held (session 19)
               and not DEED_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start())]
    counts = {m.start(): m for m in matches}
    clemency = any(w in low for w in CLEMENCY_WORDS)
    # the second side of a swap is part of the first side's release, never a release or a tally of its own
    sides: dict[int, tuple[int, int]] = {}
    for m in matches:
        if m.start() in sides or not triggers:
            continue
        other = _other_side(sentence, m, counts)
        if other:
            sides[m.start()] = other
            if other[1] in {c.end() for c in matches}:
                sides[next(c.start() for c in matches if c.end() == other[1])] = (0, -1)
    for m in matches:
        count = parse_number(m.group("num"))
        lead = m.start()  # where the count's words start: the names it adds up ("<A>, <B> and 1,691 others")
        if not count:
            continue
        if (part := PART_OF_WHOLE_BEFORE_RE.search(sentence, max(0, m.start() - 70), m.start())) is not None \
                and (n_part := parse_number(part.group("part"))) and n_part < count:
            # "released the first 26 of 104 <people>", "freed 15 of the 60 detainees": the part is freed, the whole is
            # what it is part of (session 19)
            count, lead = n_part, part.start("part")
        side = sides.get(m.start())
        if side and side[1] < 0:
            continue  # the other side of a swap
        qual = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
        if (m.group("qual") or "").lower() == "over" and HANDED_OVER_RE.search(sentence, 0, m.start()):
            qual = "exact"  # "handed over two soldiers": a verb's particle, not "more than"
        end = m.end()
        if side and side[0] < 0:  # the other side's number not said: at least the count told (as a swap
            side_counts += [count]    # whose other side is told in a sentence of its own, _uncounted_other_side)
            end, qual = side[1], "at_least"
        elif side:
            if _others_of_names(sentence, m):
                # "freed <name> and 15 others in exchange for eight <people>": this side is the named and the others
                # (session 17, classes 1 and 2)
                listed, lead = names_listed_before(sentence, m.start())
                count += listed
            side_counts += [count, side[0] or 1]
            count, end = count + side[0], side[1]
        elif (joined := _others_of_the_count_before(sentence, m, matches, releases)) is not None:
            # "pardoned 40 inmates with final sentences and 25 others": the others join that release
            releases[joined] = (releases[joined][0], m.end(), releases[joined][2] + count, releases[joined][3])
            continue
        elif "other" in (m.group("mods") + m.group("noun")).lower() and CLEMENCY_OTHERS_RE.search(sentence, 0, m.start()) \
                and (prior := _clemency_group_before(sentence, m, matches)) is not None:
            # "cut the sentences of 11 politicians ... and pardoned 24 others": one measure of clemency for both groups
            count += parse_number(prior.group("num")) or 0
            releases = [r for r in releases if r[0] != prior.start()]
            tallies = [t for t in tallies if t[0] != prior.start()]
            item = (prior.start(), m.end(), count, qual)
            releases.append(item)
            continue
        elif _others_of_names(sentence, m):
            # "<name> and 13 others", "<name>, <name> and 3 others"; "<name> and three co-accused have been set free":
            # the companions are the others, the named one more (issue 22, class 1)
            listed, lead = names_listed_before(sentence, m.start())
            count += listed
        elif (own := POSSESSIVE_GROUP_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start())) \
                and TWO_CAPITALS_RE.search(sentence[max(0, own.start() - 120):own.start() + 1]):
            count += _names_listed_before(sentence, own.start("pos"))  # "<name> and his five co-accused": six
        elif "other" in (m.group("mods") + m.group("noun")).lower() \
                and (lone := ONE_SURNAME_BEFORE_RE.search(sentence, max(0, m.start() - 60), m.start())) \
                and _is_surname(lone.group("name")):
            count += 1  # "the detention of <Surname> and two other opposition leaders": three
        elif "other" in (m.group("mods") + m.group("noun")).lower() and ALONG_WITH_OTHERS_RE.search(sentence, 0, m.start()):
            count += 1  # "<someone> was freed along with 13 others"
        each = EACH_SIDE_RE.match(sentence, m.end()) if not side else None
        if each and swap_told:
            side_counts += [count, count]  # "freed 35 people held in each country": both sides of the swap
            count, end = count * 2, each.end()
        elif not side and EACH_FREED_BEFORE_RE.search(sentence, max(0, m.start() - 60), m.start()):
            side_counts += [count, count]  # "<A> and <B> each released 84 prisoners": both sides
            count *= 2
        elif not side and swap_told and (same := SAME_NUMBER_BACK_RE.match(sentence, m.end())):
            side_counts += [count, count]  # "..., while <B> got back the same number": both sides
            count, end = count * 2, same.end()
        item = (m.start(), end, count, qual)
        if clemency and not side and _clemency_beneficiaries(sentence, m):
            releases.append(item)
            continue
        if is_tally(sentence, m.start(), m.end()) or not triggers \
                or FIRST_OF_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start()) \
                or (OF_WHOLE_BEFORE_RE.match(sentence[:m.start()]) and (part := PART_AFTER_WHOLE_RE.match(sentence, m.end()))
                    and not RELEASE_RE.search(sentence, m.end(), part.end())):
            tallies.append(item)  # ("Of the roughly 1,100 political prisoners, 52 were freed": the whole, not the freed)
            continue
        # "The freed include 12 women and four minors": the next group of a list whose first group is a tally
        # (not a group with a release verb of its own: "holds 1,200 prisoners, and 300 inmates were freed")
        if tallies and tallies[-1][1] <= m.start() and (not releases or releases[-1][1] <= tallies[-1][0]) \
                and _list_gap(sentence[tallies[-1][1]:m.start()]) \
                and not PART_RELEASED_AFTER_RE.match(sentence[m.end():m.end() + 80]):
            tallies.append(item)
            continue
        # the release word must govern the count: nearest trigger not hypothetical; the first of two groups
        # joined by 'and' reaches as far as the second ("The 30 soldiers and 14 civilians, <aside>, were freed")
        reach = m.end()
        paired = next((c for c in matches if c.start() >= m.end()), None)
        if paired is not None and PAIR_GAP_RE.fullmatch(sentence, m.end(), paired.start()):
            reach = paired.end()
        nearest = _nearest_trigger(triggers, trigger_starts, trigger_ends, m.start(), reach)
        gap = nearest.start() - reach if nearest.start() >= reach else lead - nearest.end()
        if gap > 60 and releases and _list_gap(sentence[releases[-1][1]:m.start()]):
            gap = 0  # the next group of a list whose first group the verb governs
        if gap > 60 and nearest.start() > m.end() and " who " in sentence:
            # "The 21 fishermen who were arrested by <body> last month for <deed> were released on ...": the
            # passive release after the subject's relative clause governs the count (issue 22, class 11)
            rel = SUBJECT_RELATIVE_RE.match(sentence, m.end())
            if rel and rel.start("verb") == nearest.start() and not any(m.end() < k < rel.end() for k in counts):
                gap = 0
        if gap > 60 or is_hypothetical(sentence, nearest.start()) or is_negated(sentence, nearest.start()) \
                or DEAL_TERMS_RE.search(sentence, 0, nearest.start()):
            tallies.append(item)
            continue
        releases.append(item)
    if MEMBERS_LEAD_RE.match(sentence):
        releases, tallies = [], sorted(tallies + releases)
    listed: list[tuple] = []
    if len(releases) >= 2:
        releases, listed = _verb_lists(sentence, releases)
        tallies = sorted(tallies + listed)
    members = _breakdowns(sentence, releases) if len(releases) >= 2 else []
    members += [r for r in _parts_of_a_count(sentence, releases, matches) if r not in members]
    if members:
        releases = [r for r in releases if r not in members]
        tallies = sorted(tallies + members)
    if len(releases) >= 2:
        releases = _pairs(sentence, releases)
        releases, joined = freed_alongside(sentence, releases)
        side_counts += joined
    if releases and " and " in sentence:  # "ten Thai nationals and a Filipino citizen": eleven
        for k, r in enumerate(releases):
            more = one_person_more(sentence, r[1]) if r[3] == "exact" and r[2] else None
            if more:
                releases[k] = (r[0], more, r[2] + 1, r[3])
    if releases and " ones" in low:  # "pardoned three prominent prisoners and 700 regular ones": 703
        for k, r in enumerate(releases):
            ones = ONES_AFTER_RE.match(sentence, r[1])
            n = parse_number(ones.group("num")) if ones and r[2] else None
            if n:
                qual = r[3] if r[3] != "exact" else QUALIFIERS.get((ones.group("qual") or "").lower(), "exact")
                releases[k] = (r[0], ones.end(), r[2] + n, qual)
    # "In exchange for 110 citizens, Ruritania released 108 soldiers": the side named first joins the release
    for first in [r for r in releases if EXCHANGE_BEFORE_RE.search(sentence, 0, r[0])]:
        later = [r for r in releases if r[0] > first[1]]
        if later:
            releases.remove(first)
            i = releases.index(later[0])
            side_counts += [first[2], later[0][2]]
            releases[i] = (later[0][0], later[0][1], later[0][2] + first[2], later[0][3])
    elliptic = ELLIPTIC_COUNT_RE.finditer(sentence) if any(w in low for w in ELLIPTIC_WORDS) else ()
    for m in elliptic:  # "besides four freed earlier"
        count = parse_number(m.group("num"))
        if count and not any(r[0] <= m.start() < r[1] for r in releases + tallies):
            releases.append((m.start(), m.end(), count, "exact"))
    if not releases and not tallies and " were " in sentence or not releases and not tallies and " been " in sentence:
        bare = BARE_SUBJECT_COUNT_RE.match(sentence)
        count = parse_number(bare.group("num")) if bare else None
        if count and count > 1 and not is_tally(sentence, bare.start("num"), bare.end()) \
                and not is_hypothetical(sentence, bare.end() - 1):
            releases.append((bare.start("num"), bare.end(), count, QUALIFIERS.get((bare.group("qual") or "").lower(), "exact")))
    releases, tallies, bare_sides = _bare_swaps(sentence, releases, tallies, low)
    side_counts += bare_sides
    if not releases and swap_told:  # "swapped prisoners, releasing 60 on each side"
        for m in BARE_EACH_SIDE_RE.finditer(sentence):
            count = parse_number(m.group("num"))
            if count and not HYPOTHETICAL_RE.search(sentence, max(0, m.start() - 40), m.start()):
                releases.append((m.start("num"), m.end(), count * 2, "exact"))
                side_counts += [count, count]
    # "A released 40 soldiers, and B also released <name>": the two sides of one swap in one sentence
    for k, r in enumerate(releases):
        other = OTHER_ACTOR_RELEASE_RE.match(sentence, r[1])
        if other and r[3] == "exact" and _active_named_release(sentence[other.start("verb"):]):
            side_counts += [r[2], 1]
            releases[k] = (r[0], r[1], r[2] + 1, r[3])
            break
    for k, r in enumerate(releases):  # "released one Danish and two Austrian citizens": three
        widened = elliptic_head(sentence, r)
        if widened:
            releases[k] = widened
    # "A released 13 hostages, while B freed 39 prisoners": two actors, two counted sides of one swap
    for k in range(len(releases) - 1):
        a, b = releases[k], releases[k + 1]
        if a[3] == b[3] == "exact" and not a[1] > b[0] and TWO_ACTORS_BETWEEN_RE.fullmatch(sentence, a[1], b[0]) \
                and not bare_sides and (SWAP_FRAME_RE.search(sentence) or REPORTED_OTHER_ACTOR_RE.match(sentence, a[1])
                                        or _each_others_nationals(sentence, a, b)):
            side_counts += [a[2], b[2]]
            releases[k:k + 2] = [(a[0], b[1], a[2] + b[2], "exact")]
            break
    else:
        if len(releases) == 1 and not side_counts and releases[0][3] == "exact":
            a = releases[0]
            numbered = OTHER_SIDE_NUMBERED_RE.match(sentence, a[1])
            n = parse_number(numbered.group("num")) if numbered else None
            if n:  # "A freed 230 soldiers, while on the other side the released numbered 248"
                side_counts += [a[2], n]
                releases[0] = (a[0], numbered.end(), a[2] + n, "exact")
    if tallies and triggers:
        for m in INCLUDING_RE.finditer(sentence) if any(w in low for w in INCLUDING_WORDS) else ():
            releases.append((m.start("num"), m.end("num"), int(m.group("num").replace(",", "")), "exact"))
        # "including 299 on Saturday ... among the 299 detainees": the same group named twice is the release
        released = {count for _, _, count, _ in releases}
        tallies = [t for t in tallies if t[2] not in released]
    kin = named_with_kin(sentence) if not releases and not tallies and (" with " in sentence or " and h" in sentence) \
        else []
    if kin:
        releases += kin  # "<name> and her mother were released": two (issue 22, class 1)
    elif not releases and not tallies and low.startswith(("he ", "she ")) and (one := pronoun_release(sentence)):
        releases += one  # "He was released on parole in August last year": one (issue 22, class 11)
    elif not releases and not tallies and any(w in low for w in NAMED_WORDS):
        named = NAMED_RELEASE_RE.search(sentence)
        surname = SURNAME_RELEASE_RE.match(sentence)
        one = None
        if named and named.group("relative") and " " not in named.group("relative") \
                and not _is_surname(named.group("relative")):
            named = None  # a lone capital before ", who was freed from": a surname only
        if named and not HYPOTHETICAL_RE.search(sentence[max(0, named.start() - 40):named.start()]):
            group = "name" if named.group("name") else "apposed" if named.group("apposed") else "relative"
            one = (named.start(group), named.end(group), named.end())
        elif surname and _is_surname(surname.group("name")):
            one = (surname.start("name"), surname.end("name"), surname.end())
        if one:
            # "<name> was freed in exchange for <one person>": a one-for-one swap, both sides
            other = ONE_FOR_ONE_RE.match(sentence, one[2])
            side = other and ONE_SIDE_RE.match(sentence, other.end())
            counted = None if side else counted_other_side(sentence, one[2])
            if side:
                side_counts += [1, 1]
                releases.append((one[0], side.end(), 2, "exact"))
            elif counted:  # "<name> was freed in exchange for four <people>": both sides
                side_counts += [1, counted[0]]
                releases.append((one[0], counted[1], 1 + counted[0], "exact"))
            else:
                releases.append((one[0], one[1], 1, "exact"))
        else:
            found = _active_named_release(sentence)
            counted = counted_other_side(sentence, found[0][1]) if len(found) == 1 and found[0][2] == 1 else None
            if counted:  # "A freed <name> in exchange for four <people>": both sides
                side_counts += [1, counted[0]]
                found = [(found[0][0], counted[1], 1 + counted[0], "exact")]
            elif len(found) == 1 and found[0][2] == 1:
                # "A released <name>, <who>, in exchange for <name>"; "A freed <name> in a swap, with B releasing
                # <name>": a one-for-one swap, both sides
                end = one_for_one_after(sentence, found[0][1]) or other_actor_releasing_named(sentence, found[0][1])
                if end:
                    side_counts += [1, 1]
                    found = [(found[0][0], end, 2, "exact")]
                elif (companions := companions_after(sentence, found[0][1])) is not None:
                    # "pardoned <A>, a journalist, along with her fiance, a doctor and two of his colleagues": five
                    found = [(found[0][0], companions[0], 1 + companions[1], "exact")]
            swapped = [] if found else one_described_swap(sentence) or exchanged_named_for_one(sentence)
            if swapped:
                side_counts += [1, swapped[0][2] - 1]
            releases += found or swapped or _two_named_released(sentence) or _bare_named_release(sentence) \
                or _release_noun_done(sentence) or _role_subject_released(sentence) \
                or _one_freed(sentence) \
                or _two_described_freed(sentence) or _uncounted(sentence)
    elif not releases and tallies and any(w in low for w in NAMED_WORDS):
        # "In exchange, B released <name>, an official jailed over the killing of 5,000": a count told of the freed
        # person after the name leaves the named release standing (issue 22, class 2)
        found = _active_named_release(sentence)
        if found and found[0][2] and all(t[0] >= found[0][1] for t in tallies):
            releases += found
        elif (surname := SURNAME_RELEASE_RE.match(sentence)) and surname.group("who") and _is_surname(surname.group("name")) \
                and all(surname.start("who") <= t[0] and t[1] <= surname.end("who") for t in tallies):
            # "<Surname>, who was sentenced for the killing of eight civilians, was pardoned": the count tells the deed,
            # the named release stands
            releases.append((surname.start("name"), surname.end("name"), 1, "exact"))
    if not releases and "receiv" in low or "back" in low:
        # "In return, B has received a total of 55 prisoners": the other side of a swap told before, by who got
        # its people back (issue 22, class 2)
        got = RECEIVED_SIDE_RE.match(sentence)
        m = counts.get(got.end()) if got else None
        count = parse_number(m.group("num")) if m else None
        if count and not releases:
            releases.append((m.start(), m.end(), count, QUALIFIERS.get((m.group("qual") or "").lower(), "exact")))
            tallies = [t for t in tallies if t[0] != m.start()]
    if releases and ("furlough" in low or " leave" in low):  # leave from prison is no release
        leave = [m.span() for m in FURLOUGH_RE.finditer(sentence)]
        out = [r for r in releases if any(s - 60 <= r[1] and r[0] <= e for s, e in leave)]
        if out:
            releases, tallies = [r for r in releases if r not in out], sorted(tallies + out)
    if releases and any(w in low for w in RESCUE_WORDS) and RESCUE_RE.search(sentence):
        releases, tallies = [], sorted(tallies + releases)  # a rescue by force is no release
    return releases, tallies, tuple(side_counts)

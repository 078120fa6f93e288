"""Swaps told in one sentence: a count's other side ("16 for 10", "in exchange for <name>", "an equal
number"), sides as bare numbers ("swapped 12 for 9", "a 21-person swap"), two actors each freeing one
side. Part of `flows.extraction.counts`."""

from __future__ import annotations

import re

from flows.extraction.count_numbers import _NUMW, _TENS, _UNITS, folded, parse_number
from flows.extraction.count_tallies import HYPOTHETICAL_RE

# a swap's link between its sides: "16 people held in Russia in exchange for eight", "95 soldiers for an
# equal number of", "seven Americans for two Venezuelans", "ten prisoners in exchange for the release of <name>"
SWAP_LINK_RE = re.compile(
    r"(?:\s*,[^,.;]{1,80},)?\s+(?:[\w’'\-]+\s+){0,5}?(?P<link>in\s+(?:exchange|return)\s+for|for)\s+(?:the\s+(?:release|freedom|return)\s+of\s+|freeing\s+|releasing\s+|(?:getting|bringing)\s+(?:home|back)\s+)?",
    re.IGNORECASE)


EXCHANGE_BEFORE_RE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|freedom|return)\s+of\s+)?$", re.I)

SWAP_WORD_RE = re.compile(r"\b(?:swap\w*|exchang\w*|traded|trade|in\s+return)\b", re.IGNORECASE)

EQUAL_SIDE_RE = re.compile(r"(?:an\s+)?(?:equal|the\s+same)\s+number\b", re.IGNORECASE)

ONE_SIDE_RE = re.compile(  # one person on the other side: "an agent", "a Russian pilot", a full name
    r"(?:(?:a|an|one)\s+(?:[\w\-]+\s+){0,2}?(?:[a-z]+(?:man|woman|er|or|ist|ian|ant|ent|ier|ot|ee|ive)|agent|spy|soldier|officer|"
    r"citizen|national|prisoner|detainee|businessman|pilot|man|woman|person)\b"
    # ("an Afghan imprisoned on drug charges": a people's noun for one of them; session 19)
    r"|(?:a|an|one)\s+(?-i:[A-Z][a-z]+)\b(?!\s+(?-i:[A-Z]))"
    r"|(?-i:[A-Z][\w’'\-]+(?:\s+(?:al|el|bin|de|van|von|[A-Z][\w’'\-]+)){1,3})(?!\s*(?:government|authorities|officials)))",
    re.IGNORECASE)


# after one named person freed by an active verb, the other side of a one-for-one swap: "A released <name>, <who he
# is>, in exchange for <one person>", "freed <name> in a prisoner swap for <one person>" (issue 22, class 2)
NAMED_FOR_ONE_RE = re.compile(
    r"(?:\s*,[^,.;]{3,100},)?\s+(?:[^.;,]{0,60}?\s)?(?:in\s+(?:exchange|return)\s+for|in\s+an?\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:swap|exchange)\s+for)\s+(?:the\s+(?:release|freedom)\s+of\s+)?", re.I)


def one_for_one_after(sentence: str, end: int) -> int | None:
    """End of the one person on the other side of a swap told after a named release ending at `end`."""
    link = NAMED_FOR_ONE_RE.match(sentence, end)
    one = link and ONE_SIDE_RE.match(sentence, link.end())
    return one.end() if one else None


# the other side of a swap, its number not said: "exchanged for some suspected militants", "for several <people>"
# "in exchange for getting home scores of migrants": a rough multitude is no number either
UNSAID_SIDE_RE = re.compile(r"(?:some|several|unnamed|unidentified|an\s+unknown\s+number\s+of|a\s+number\s+of|"
                            r"(?:scores|dozens|hundreds|thousands)\s+of)\s+"
                            r"(?:[\w\-]+\s+){0,2}?(?:[a-z]+s)\b", re.I)


# "two nationals held in the capital for over two years in exchange for <one person>": the explicit link further on,
# when the nearest "for" led to no other side (issue 22, class 2); a relative clause telling who the first side are
# may stand between ("the 20 hostages who had been held captive since the attack of <date>, in exchange for ...")
FAR_EXCHANGE_LINK_RE = re.compile(r"[^.;:]{0,100}?\s(?P<link>in\s+(?:exchange|return)\s+for)\s+"
                                  # (whose release, and a second way out: "the <state's> release or pre-trial pardon
                                  # of seven <people>"; issue 22, class 2)
                                  r"(?:the\s+(?:[\w.\-’']+\s+){0,2}?(?:release|freedom|return|pardon)(?:\s+or\s+"
                                  r"(?:[\w\-]+\s+){0,2}?(?:release|freedom|pardon|clemency))?\s+of\s+|freeing\s+|releasing\s+|"
                                  r"(?:getting|bringing)\s+(?:home|back)\s+)?", re.I)


# between a count and the other side of its swap: "two hostages, <name> and <name>, against 200 prisoners"
AGAINST_LINK_RE = re.compile(rf"(?:\s*,[^,.;]{{1,80}},)?\s+against\s+(?:some\s+|nearly\s+|about\s+|around\s+)?"
                             rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMW})\s+(?!(?:dollars|euros|pounds|francs|rupees|dinars|rubles|years|months|weeks|days|hours|votes|"
                             rf"points|seats|cents)\b)(?:[\w\-]+\s+){{0,2}}?(?-i:[a-z]+s)\b", re.I)
RELEASE_OF_BEFORE_RE = re.compile(r"\b(?:release|freeing|freedom|exchange|swap)\s+of\s+(?:the\s+)?$", re.I)


def _other_side(sentence: str, m: re.Match, counts: dict[int, re.Match]) -> tuple[int, int] | None:
    """(count, end) of a swap's other side right after the count match m, when the sentence is a swap."""
    link = SWAP_LINK_RE.match(sentence, m.end())
    got = None
    if link and not (link.group("link").lower() == "for" and not SWAP_WORD_RE.search(sentence)):
        got = _side_at(sentence, m, counts, link)
    if got is None and " against " in sentence:
        # "the release of two hostages, <names>, against 200 jihadists": a counted group freed against another
        # counted group is a swap of both, told without a swap word (issue 22, class 2); only a count right after
        # "against" is a side ("freed against their will" is not)
        against = AGAINST_LINK_RE.match(sentence, m.end())
        if against and RELEASE_OF_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start()):
            got = parse_number(against.group("num")) or 0, against.end()
            got = got if got[0] else None
    if got is None and "exchange for" in sentence or got is None and "return for" in sentence:
        far = FAR_EXCHANGE_LINK_RE.match(sentence, m.end())
        # never past another counted group: that one is the side the link follows
        if far and (not link or far.end() > link.end()) and not any(m.end() < k < far.start("link") for k in counts):
            got = _side_at(sentence, m, counts, far)
    return got


def _side_at(sentence: str, m: re.Match, counts: dict[int, re.Match], link: re.Match) -> tuple[int, int] | None:
    """(count, end) of the other side right after a swap's link."""
    at = link.end()
    other = counts.get(at)
    if other is not None:
        return parse_number(other.group("num")) or 0, other.end()
    equal = EQUAL_SIDE_RE.match(sentence, at)
    if equal:
        return parse_number(m.group("num")) or 0, equal.end()
    if UNSAID_SIDE_RE.match(sentence, at):
        return -1, at  # "40 soldiers were exchanged for some suspects": how many on the other side is not said
    one = ONE_SIDE_RE.match(sentence, at)
    if one and link.group("link").lower() != "for" or one and SWAP_WORD_RE.search(sentence[:m.start()]):
        # one person on the other side, named ("ten Americans in exchange for <name>") or not ("an agent"):
        # one more, as a swap counts both its sides
        return 1, one.end()
    return None


OTHER_ACTOR_RELEASE_RE = re.compile(r"[^.;,]{0,40},?\s+and\s+(?:the\s+)?[\w\-]+\s+(?:also\s+|in\s+turn\s+)?"
                                    r"(?P<verb>released|freed|handed\s+over)\s", re.I)


# "A released 13 hostages, while B freed 39 prisoners": two actors each freeing a counted side in one
# sentence, the text between the two counts (issue 22, class 2). A pronoun or a role subject ("while it also
# freed", "while officials freed") is the same actor telling more of its own release, never a second side; and
# the sentence must speak of a swap or its frame (a truce, a deal), else two releases stand side by side.
SWAP_FRAME_RE = re.compile(r"\b(?:swap\w*|exchang\w*|in\s+(?:return|turn)|reciproca\w*|truce|ceasefire|cease-fire|deal)\b", re.I)
TWO_ACTORS_BETWEEN_RE = re.compile(
    # "..., and in a reciprocal manner, released 90 <people>": the same actor freeing the other side in return (no
    # second subject; issue 22, class 2)
    r"[^.;:]{0,50}?,?\s+and\s*,?\s+(?:in\s+(?:a\s+)?reciproca(?:l|tion)(?:\s+(?:manner|move|gesture|step))?|reciprocally|"
    r"in\s+(?:return|turn))\s*,?\s+(?:also\s+)?(?:released|freed|handed\s+over|set\s+free|repatriated)\s+(?:[\w\-]+\s+){0,2}"
    r"|[^.;:]{0,50}?,?\s+(?:while|whereas|and\s+in\s+(?:return|turn))\s+"
    r"(?!(?:the\s+)?(?:it|they|he|she|we|officials|authorities|police|court|others?)\b)(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,2}?\s+"
    r"(?:also\s+|in\s+turn\s+)?(?:released|freed|handed\s+over|set\s+free)\s+(?:[\w\-]+\s+){0,2}"
    # "confirmed A had released 24 hostages and that B had freed 39 prisoners": the two actors in reported speech
    # (see REPORTED_OTHER_ACTOR_RE)
    r"|[^.;:]{0,50}?,?\s+and\s+that\s+(?:the\s+)?(?-i:[A-Z])[\w’'\-]+(?:\s+[\w’'\-]+){0,2}?\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:also\s+|in\s+turn\s+)?(?:released|freed|handed\s+over|set\s+free)\s+(?:[\w\-]+\s+){0,2}"
    # "..., with B releasing 248 <people> in return": the other actor in a participle clause
    r"|[^.;:]{0,90}?,?\s+with\s+(?!(?:the\s+)?(?:it|them|him|her|officials|authorities|police|court|others?)\b)"
    r"(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,2}?\s+(?:also\s+|in\s+turn\s+)?"
    r"(?:releasing|freeing|handing\s+over|setting\s+free|returning)\s+(?:[\w\-]+\s+){0,2}", re.I)


# "A had released 24 hostages and that B had freed 39": two named actors each freeing a counted group, told together
# as what someone confirmed or said, are the two sides of one exchange even without a swap word (issue 22, class 2)
REPORTED_OTHER_ACTOR_RE = re.compile(r"[^.;:]{0,50}?,?\s+and\s+that\s+(?:the\s+)?(?-i:[A-Z])", re.I)


# "swapped 12 for 9", "exchanged 40 for 40 soldiers", "exchanged 84 prisoners for 84", "a 12-for-9 swap": both sides
# as bare numbers
_WORDNUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_TENS})-(?:{_UNITS})|{_NUMW})"
BARE_SWAP_RE = re.compile(
    rf"\b(?:swapped|exchanged|traded|swapping|exchanging)\s+(?P<a>{_WORDNUM})\s+(?:(?-i:[a-z][\w\-]*)\s+){{0,3}}?for\s+(?P<b>{_WORDNUM})\b"
    rf"(?!\s*(?:%|per\s*cent|percent|years?|months?|days?|hours?|dollars|euros|million|billion))"
    # "a 12-for-9 swap", "a “1,000 for 1,000” prisoner swap", "a 90 for 90 exchange"
    rf"|\b(?P<a2>{_WORDNUM})(?:-for-|\s+for\s+)(?P<b2>{_WORDNUM})[\"”’']?\s+(?:prisoner\s+)?(?:swap|exchange)\b"
    # "carried out the exchange of 1,000 people for 1,000 people", "a swap of 40 soldiers for 12": the sides after
    # the swap's noun
    rf"|\b(?:exchange|swap)\s+of\s+(?P<a3>{_WORDNUM})\s+(?:[\w\-]+\s+){{0,2}}?for\s+(?P<b3>{_WORDNUM})\b(?!\s*(?:%|per\s*cent|percent|years?|months?|days?|hours?))",
    re.I)
# two sides sharing one noun, each told by its demonym: "390 <demonym> and 390 <demonym> prisoners were exchanged"
# (session 18, class 2); a swap word must be in the sentence
SHARED_NOUN_SIDES_RE = re.compile(
    rf"\b(?P<a>{_WORDNUM})\s+(?-i:[A-Z][a-z]+)\s+and\s+(?P<b>{_WORDNUM})\s+(?-i:[A-Z][a-z]+)\s+"
    r"(?:prisoners|soldiers|servicemen|detainees|captives|POWs|troops|fighters|civilians|nationals|citizens)\b")
# what BARE_SWAP_RE and PERSON_SWAP_RE cannot match without: a cheap test on the folded sentence before
# their scans (see count_numbers.folded)
BARE_SWAP_WORDS = ("swap", "exchang", "traded")
# "a 21-person swap": the swap's total
PERSON_SWAP_RE = re.compile(rf"\b(?P<num>{_WORDNUM})-(?:person|people|prisoner|man)\s+(?:prisoner\s+)?(?:swap|exchange)\b", re.I)


# "agreed to a 50-for-50 swap", "agreed on the exchange of 40 for 40": the terms, not the swap carried out
AGREED_TO_RE = re.compile(r"\b(?:agree[sd]?|agreeing)\s+(?:to|on|upon)\s+(?:an?|the)\s+(?:[\w\-]+\s+)?$", re.I)


def _bare_swaps(sentence: str, releases: list[tuple], tallies: list[tuple], low: str | None = None
                ) -> tuple[list[tuple], list[tuple], list[int]]:
    """Swaps whose sides (or total) are bare numbers: one release of the total; counts inside it leave.
    `low` is folded(sentence) when the caller has it."""
    low = folded(sentence) if low is None else low
    if not any(w in low for w in BARE_SWAP_WORDS):  # every pattern below needs one of these words: skip the scans
        return releases, tallies, []
    sides: list[int] = []
    found = []
    for m in BARE_SWAP_RE.finditer(sentence):
        a = parse_number(m.group("a") or m.group("a2") or m.group("a3"))
        b = parse_number(m.group("b") or m.group("b2") or m.group("b3"))
        if a and b:
            found.append((m.start(), m.end(), a + b))
            sides += [a, b]
    for m in SHARED_NOUN_SIDES_RE.finditer(sentence):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a and b and not any(f[0] <= m.start() < f[1] for f in found):
            found.append((m.start(), m.end(), a + b))
            sides += [a, b]
    for m in PERSON_SWAP_RE.finditer(sentence):
        n = parse_number(m.group("num"))
        if n and not any(f[0] <= m.start() < f[1] for f in found):
            found.append((m.start(), m.end(), n))
    if not found or HYPOTHETICAL_RE.search(sentence[max(0, found[0][0] - 40):found[0][0]]) \
            or AGREED_TO_RE.search(sentence, max(0, found[0][0] - 40), found[0][0]):
        return releases, tallies, []
    inside = lambda r: any(f[0] <= r[0] < f[1] + 40 for f in found)  # "40 for 40 soldiers"
    releases = [r for r in releases if not inside(r)] + [(f[0], f[1], f[2], "exact") for f in found]
    tallies = [t for t in tallies if not inside(t)]
    return sorted(releases), tallies, sides


# the other side of a one-person release, counted after "in exchange for": "<name> was freed in exchange for
# four <people> held abroad" is a swap of five (issue 22, class 2)
COUNTED_OTHER_SIDE_RE = re.compile(
    rf"[^.;]{{0,120}}?\bin\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|freedom|return)\s+of\s+)?"
    rf"(?P<num>{_WORDNUM})\s+(?:[\w\-]+\s+){{0,2}}?(?:[A-Za-z]+(?:ns|is|es|ers|ors|ists)|people|men|women|"
    rf"prisoners|detainees|nationals|citizens|soldiers)\b", re.I)
# one person described, not named, freed for one other: "released an American engineer ... in exchange for a
# <demonym> chemist" (the swap's frame says the freed is a person)
ONE_DESCRIBED_SWAP_RE = re.compile(
    r"\b(?:freed|frees|freeing|released|releases|releasing)\s+(?:an?|one)\s+(?P<who>[\w\-]+(?:\s+[\w\-]+){0,2}?)"
    r"[^.;]{0,140}?\bin\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|freedom|return)\s+of\s+)?", re.I)


def counted_other_side(sentence: str, end: int) -> tuple[int, int] | None:
    """(count, end) of the counted other side of a one-person release ending at `end`."""
    m = COUNTED_OTHER_SIDE_RE.match(sentence, end)
    if not m or HYPOTHETICAL_RE.search(sentence, max(0, end - 40), m.start("num")):
        return None
    n = parse_number(m.group("num"))
    return (n, m.end()) if n else None


def one_described_swap(sentence: str) -> list[tuple]:
    """A one-for-one swap of a described person ("released an American researcher in exchange for an Iranian
    scientist"): a release of 2; of 1 + N when the other side is counted."""
    m = ONE_DESCRIBED_SWAP_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    if m.group("who").split()[0].lower() in ("number", "group", "few", "dozen", "handful", "total", "lot"):
        return []  # "released a number of prisoners": how many is not said
    other = counted_other_side(sentence, m.start("who"))
    if other:
        return [(m.start("who"), other[1], 1 + other[0], "exact")]
    one = ONE_SIDE_RE.match(sentence, m.end())
    if one:
        return [(m.start("who"), one.end(), 2, "exact")]
    return []


# "A freed 230 soldiers, while on the other side the released numbered 248": the other side's count told by
# what it numbered, no noun after it
OTHER_SIDE_NUMBERED_RE = re.compile(
    rf"[^.;:]{{0,50}}?,?\s+(?:while|whereas|and)\s+on\s+the\s+(?:other|opposing|[A-Z][a-z]+)\s+side\b[^.;:]{{0,50}}?"
    rf"\b(?:numbered|totall?ed|came\s+to|stood\s+at|reached)\s+(?P<num>{_WORDNUM})\b(?!\s*(?:%|per\s*cent|percent))", re.I)

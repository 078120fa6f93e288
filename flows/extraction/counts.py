"""Counts of people freed in one sentence: numbers in digits and words with their qualifiers, release words,
tallies and hypotheticals that are not releases, swap sides, breakdowns and parts of a count, named releases.

`release_parts(sentence)` is the entry point: (releases, tallies, swap side counts). Everything here looks
at one sentence; what spans a document (members of a counted release, swaps told across sentences, one
country per count) is in `flows.extraction.events`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from flows.extraction.names import is_given_name
from flows.extraction.places import find_places
from flows.language.lexicon import demonyms

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12,
    "a thousand": 1000, "one thousand": 1000, "two dozen": 24, "hundreds": None,
    "dozens": None, "thousands": None,
}

QUALIFIERS = {
    "more than": "at_least", "over": "at_least", "at least": "at_least", "upwards of": "at_least",
    "in excess of": "at_least", "no fewer than": "at_least",
    "nearly": "about", "almost": "about", "about": "about", "around": "about", "some": "about",
    "roughly": "about", "approximately": "about", "an estimated": "about", "close to": "about",
    "about a": "about", "some of the": "about",
    "up to": "at_most", "fewer than": "at_most", "less than": "at_most", "as many as": "at_most",
    "no more than": "at_most", "under": "at_most",
}

_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))

_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if NUMBER_WORDS[w]), key=len, reverse=True))

PEOPLE_NOUNS = (
    r"political\s+prisoners|prisoners\s+of\s+conscience|prisoners|detainees|individuals|people|"
    r"persons|inmates|dissidents|activists|opposition\s+(?:figures|members|activists)|journalists|"
    r"captives|hostages|citizens|nationals|protesters|protestors|convicts|men|women|Americans|foreigners|"
    r"defenders|servicemen|soldiers|prisoners\s+of\s+war|POWs|opponents|critics|clergy|priests|students|"
    r"bloggers|lawyers|members|detained\s+people|political\s+detainees|personnel|troops|sailors|fishermen|"
    r"civilians|minors|children|bishops|monks|nuns|seminarians|pilots|workers|others|figures|leaders|"
    r"(?:crew|family)\s+members|hostages|relatives|nephews|nieces|sons|daughters|brothers|sisters|husbands|wives|officers|agents|spies"
)

# a plural demonym is a people noun too ("32 Armenians", "two Venezuelans"); checked against the lexicon
DEMONYM_PLURAL = r"(?-i:\b[A-Z][a-z]+s)"

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"

_UNITS = "one|two|three|four|five|six|seven|eight|nine"


def _first_char_guard(words, digits: bool = False) -> str:
    """Look-ahead for the characters a case-insensitive alternation of `words` can start with.

    A plain (case-sensitive) class costs one test, where the alternation tries every word at every
    word start; it lists both cases and the letters Python's re folds onto ASCII ones."""
    letters = {w[0].lower() for w in words}
    chars = letters | {c.upper() for c in letters}
    for letter, odd in (("i", "\u0130\u0131"), ("s", "\u017f"), ("k", "\u212a")):
        if letter in letters:
            chars.update(odd)
    return "(?=(?-i:[" + (r"\d" if digits else "") + "".join(sorted(chars)) + "]))"


# numbers in words with hundreds and thousands: "two hundred", "one hundred and fifty", "three thousand"
_SMALL_WORDS = (rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                rf"eighteen|nineteen|{_UNITS})")
_HUNDREDS_WORDS = rf"(?:a|{_UNITS})\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDS}(?![\w-]))?"
_BIG_WORDS = (rf"(?:(?:a|{_SMALL_WORDS}|{_HUNDREDS_WORDS})\s+thousand(?:\s+(?:and\s+)?(?:{_HUNDREDS_WORDS}|{_SMALL_WORDS}(?![\w-])))?"
              rf"|{_HUNDREDS_WORDS})")

_QUAL_GUARD = _first_char_guard(QUALIFIERS)

_NUM_GUARD = _first_char_guard([w for w in NUMBER_WORDS if NUMBER_WORDS[w]] + _TENS.split("|"), digits=True)

# a capitalised modifier is a demonym or a faith ("Catholic", "Orthodox", "Baptist", "Muslim": issue 22, class 11)
_MOD = rf"(?-i:(?!(?:of|and|or|the|{_UNITS}|{_TENS}|ten|eleven|twelve|[a-z]+teen|dozen|hundred|thousand)\b)(?:[a-z][a-z\-]*|[A-Z][a-z]+(?:an|ish|ese|i|ic|ox|ist|ant|im)))"

COUNT_RE = re.compile(
    # the leading look-ahead matches no less (a count starts with a word character) but lets the
    # engine skip the other positions faster
    # (the guards in front of the alternations match no less either: see _first_char_guard)
    rf"(?=\w)(?:{_QUAL_GUARD}\b(?P<qual>{_QUAL})\s+)?{_NUM_GUARD}\b(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_BIG_WORDS}|(?:{_TENS})-(?:{_UNITS})|{_NUMW})"
    rf"(?:\s+|-person\s+)(?P<mods>(?:{_MOD}\s+){{0,3}}?)(?P<noun>{PEOPLE_NOUNS}|prisoner\s+(?:exchange|swap)|{DEMONYM_PLURAL})\b",
    re.IGNORECASE,
)

# "... since July 2021, including 52 on September 11th": a release inside a tally
INCLUDING_RE = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?=on\b|in\b|last\b|this\b|during\b)",
    re.IGNORECASE,
)

_RELEASE_FIRST_WORDS = ("release", "freed", "set", "walked", "pardon", "amnesty", "expelled", "shipped",
                        "swap", "exchanged", "prisoner", "handed", "were", "was")


RELEASE_RE = re.compile(  # the guard: as in COUNT_RE
    _first_char_guard(_RELEASE_FIRST_WORDS) + r"\b(?:releas(?:e|ed|es|ing)|freed|frees|freeing|free|set\s+free|walked\s+free|pardon(?:ed|s|ing)?|"
    r"amnest(?:y|ied|ies)|expelled|shipped|swap(?:s|ped)?|exchanged|prisoner\s+exchange|handed\s+over|"
    r"(?:were|was)\s+flown\s+(?:out\s+)?(?:to|from))\b",
    re.IGNORECASE,
)

# "since the war began", "since the ceasefire took effect": a running total
_SINCE_EVENT = (r"(?:the\s+)?(?:war|conflict|invasion|ceasefire|truce|deal|agreement|crackdown|protests|election|"
                r"start|beginning|(?:\w+\s+){1,3}?(?:began|started|begun|took\s+effect|came\s+into\s+force))")


# Markers that make a count a stock or a running total, not one release.
TALLY_BEFORE_RE = re.compile(
    r"\b(?:including|includ(?:ed|es?)|among\s+them|among\s+whom|among\s+(?:those|the)(?:\s+\w+)?\s+(?:were|are|was)|of\s+whom|of\s+them|"
    r"documented|estimate[sd]?|total(?:\s+(?:of|to))?|tally|number\s+of|count(?:ed)?|record(?:ed|s)?|"
    r"list(?:ed|s)?|still|remaining|cumulative(?:ly)?|altogether|overall|in\s+all|roughly\s+half|"
    r"so\s+far(?:\s+this\s+(?:year|month))?|to\s+date|"
    # not freed: people sought, arrested, sentenced, killed, or their bodies handed over
    r"seek(?:s|ing)?|sought|arrest(?:s|ed|ing)?|detain(?:s|ed|ing)|sentenc(?:es|ed|ing)|charg(?:es|ed|ing)|convict(?:s|ed|ing)|"
    r"kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|bodies\s+of|remains\s+of)\s*\W*\s*$",
    re.IGNORECASE,
)

TALLY_AFTER_RE = re.compile(
    rf"^\W*(?:\w+\W+){{0,8}}?(?:remain(?:s|ed|ing)?|still|behind\s+bars|currently|languish\w*|are\s+(?:being\s+)?held|"
    rf"are\s+(?:in\s+)?(?:jail|prison)|(?:in|into|to)\s+house\s+arrest|"
    rf"(?<!held\s)(?<!jailed\s)(?<!detained\s)(?<!captured\s)(?<!imprisoned\s)since\s+(?:(?:January|February|March|April|May|June|July|August|"
    rf"September|October|November|December)\b|(?:19|20)\d\d|then|the\s+(?:start|beginning)|last\s+(?:year|summer|spring|autumn|fall|winter|month)|independence|{_SINCE_EVENT})|so\s+far|to\s+date|in\s+total|altogether|over\s+the\s+(?:past|last)\s+\w+\s+years|warrants?|"
    # released over a period, in waves: a running total (issue 22, class 4)
    rf"in\s+recent\s+(?:days|weeks|months|years)|in\s+(?:several|multiple|successive)\s+(?:waves|batches|rounds|stages)|"
    rf"over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:year|years|months|decade))",
    re.IGNORECASE,
)

HYPOTHETICAL_RE = re.compile(
    r"\b(?:could|might|(?-i:may)|would|should|will|plans?\s+to|expected\s+to|offered\s+to|demand(?:s|ed|ing)?|"
    r"call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|hope[sd]?|if|(?:is|are|was|were)\s+(?:set\s+|due\s+|yet\s+)?to\s+be|"
    r"(?:promised|pledged|vowed|refused)\s+to)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)

# the terms of a deal ("the deal allows five citizens to leave in exchange for the release of five others"):
# what it provides for, not a release carried out (issue 22, class 4)
DEAL_TERMS_RE = re.compile(r"\b(?:deal|agreement|accord|arrangement)\b[^;]{0,120}?\b(?:allows?|would\s+allow|"
                           r"provides\s+for|envisages?|calls\s+for|foresees?)\b", re.I)


def _parse_big_words(t: str) -> int | None:
    """'one hundred and fifty' -> 150, 'two thousand five hundred' -> 2500 (None when a word is unknown)."""
    total = current = 0
    for word in re.sub(r"\band\b", " ", t).split():
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif word == "a":
            current += 1
        else:
            n = parse_number(word) if word not in ("hundreds", "thousands") else None
            if not n:
                return None
            current += n
    return total + current or None


def parse_number(text: str) -> int | None:
    """'1,400' -> 1400, 'fifty' -> 50, 'twenty-four' -> 24; None for vague plurals ('hundreds')."""
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    if t not in NUMBER_WORDS and " " in t and ("hundred" in t or "thousand" in t):
        return _parse_big_words(t)
    if "-" in t:
        tens, _, unit = t.partition("-")
        if NUMBER_WORDS.get(tens) and NUMBER_WORDS.get(unit):
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return NUMBER_WORDS.get(t)


SINCE_DATE_RE = re.compile(
    r"\bsince\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    rf"|(?:19|20)\d\d\b|then\b|the\s+(?:start|beginning)\b|{_SINCE_EVENT}\b)", re.IGNORECASE)


# "Alaa Abdel Fattah was released from prison": one named person freed
NAMED_RELEASE_RE = re.compile(
    r"(?P<name>\b[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|al|el|bin|de|van|von)){1,4})\s*(?:,[^,]{3,80},\s*|,\s*)?"
    r"(?:was|has\s+been|had\s+been)\s+(?:released|freed|pardoned|set\s+free)\b"
    # an apposed release with its time: "Her brother, <name>, freed in 2019, now runs ..." (issue 22, class 3/5)
    r"|(?<=,\s)(?P<apposed>[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|al|el|bin|de|van|von)){1,3}),\s+(?:who\s+was\s+)?"
    r"(?:released|freed|pardoned)\s+(?:in|on|last|earlier)\b")


# "Havana freed American <name>", "pardoned rights researcher <name> and lawyer <name>", "a judge ordered the
# release of lawyer <name>": named people freed, counted (no number in the text)
_FULL_NAME = r"(?-i:[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|(?:al|el|bin|de|van|von)(?:-[A-Z][\w'’\-]+)?)){1,3})"

_NAME_MODS = r"(?:(?:(?-i:[a-z][\w\-]*)|(?-i:[A-Z][a-z]+(?:an|ish|ese|i))|(?-i:U\.S\.|U\.K\.|US|UK))\s+){0,4}?"

ACTIVE_NAMED_RELEASE_RE = re.compile(
    r"\b(?P<verb>freed|frees|released|releases|pardoned|pardons|(?:ordered|secured|announced)\s+the\s+release\s+of)\s+"
    rf"{_NAME_MODS}(?P<first>{_FULL_NAME})(?:\s+and\s+{_NAME_MODS}(?P<second>{_FULL_NAME}))?",
    re.IGNORECASE)


_NOT_ROLE = frozenset("by on in at from to were was are is with after for as under of the this that "
                      "include includes included including".split())  # "the freed include <name>": members


def _active_named_release(sentence: str) -> list[tuple]:
    """A release of the one or two people named right after an active release verb (see
    ACTIVE_NAMED_RELEASE_RE): a person's name, not a place or a body, with a given name or a role before it."""
    m = ACTIVE_NAMED_RELEASE_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []

    def person(name: str | None, start: int) -> bool:
        if not name:
            return False
        words = name.split()
        role = sentence[m.end("verb"):start].split()  # words between the verb and the name
        if words[0].lower() in demonyms() and len(words) > 2:  # "American <name>": a demonym is a role
            role, words = role + words[:1], words[1:]
        if any(kind == "name" for _, kind in find_places(" ".join(words))) or any(w.lower() in _NOT_ROLE for w in role):
            return False  # "pardoned by <the pardoner>", "released on <a holiday>", "freed were ..." (members)
        return is_given_name(words[0]) or any(w.islower() for w in role)

    n = sum(person(m.group(g), m.start(g)) for g in ("first", "second"))
    if not person(m.group("first"), m.start("first")):
        return []
    others = ALONG_WITH_UNCOUNTED_RE.match(sentence, m.end())
    if others:  # "pardoned <name>, along with several other detainees": how many is not said
        return [(m.start("first"), others.end(), None, "unknown")]
    return [(m.start("first"), m.end(), n, "exact")]


# "176 priests expelled, banned or barred from entering the country since 2018": a running total, however
# many words stand between the count and its 'since <year>' (not "held since 2020": who they are)
LATE_SINCE_RE = re.compile(r"^(?:(?!\b(?:who|whom|which|that|after|before|when|while|because|following|by)\b)[^.;\d]){0,90}?(?<!held\s)(?<!jailed\s)(?<!detained\s)(?<!captured\s)(?<!imprisoned\s)"
                           r"\bsince\s+(?:19|20)\d\d\b", re.IGNORECASE)


# "Over the past year, the government has released 700 prisoners": a period opening the sentence
PERIOD_LEAD_RE = re.compile(r"^\W*(?:Over|In|During|Throughout)\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
                            r"(?:year|years|months|weeks|decade)\b", re.I)


def is_tally(sentence: str, start: int, end: int) -> bool:
    """True when the count at sentence[start:end] is a stock or running total."""
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 80]
    return bool(TALLY_BEFORE_RE.search(before) or TALLY_AFTER_RE.search(after) or PERIOD_LEAD_RE.match(sentence)
                or SINCE_DATE_RE.search(sentence[max(0, start - 80):start]) or LATE_SINCE_RE.search(after))


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


# "X and 13 others", "Bishop Y and five other priests": the named person is one more of the group
OTHERS_BEFORE_RE = re.compile(r"\band\s*$")
# "<someone> was freed along with 13 others": the one freed is one more
ALONG_WITH_OTHERS_RE = re.compile(r"\b(?:was|has\s+been|had\s+been)\s+(?:released|freed|pardoned|set\s+free)\b"
                                  r"[^,.;]{0,40}?\b(?:along|together)\s+with\s+$", re.I)
_LISTED_NAME = r"(?:[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|al|el|bin|de|van|von)){1,3})"


def _names_listed_before(sentence: str, start: int) -> int:
    """How many full names are listed right before "and N others": "<name>, <name> and three others" is 2."""
    before = re.sub(r"\s*,?\s*and\s*$", "", sentence[max(0, start - 160):start])
    n = 1
    while True:
        m = re.search(rf",\s+{_LISTED_NAME}$", before)
        if not m or not re.search(rf"{_LISTED_NAME},\s+{_LISTED_NAME}$", before):
            break
        n += 1
        before = before[:m.start()]
    return n

# a swap's link between its sides: "16 people held in Russia in exchange for eight", "95 soldiers for an
# equal number of", "seven Americans for two Venezuelans", "ten prisoners in exchange for the release of <name>"
SWAP_LINK_RE = re.compile(
    r"(?:\s*,[^,.;]{1,80},)?\s+(?:[\w’'\-]+\s+){0,5}?(?P<link>in\s+(?:exchange|return)\s+for|for)\s+(?:the\s+(?:release|freedom|return)\s+of\s+|freeing\s+|releasing\s+)?",
    re.IGNORECASE)


EXCHANGE_BEFORE_RE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|freedom|return)\s+of\s+)?$", re.I)

SWAP_WORD_RE = re.compile(r"\b(?:swap\w*|exchang\w*|traded|trade|in\s+return)\b", re.IGNORECASE)

EQUAL_SIDE_RE = re.compile(r"(?:an\s+)?(?:equal|the\s+same)\s+number\b", re.IGNORECASE)

ONE_SIDE_RE = re.compile(  # one person on the other side: "an agent", "a Russian pilot", a full name
    r"(?:(?:a|an|one)\s+(?:[\w\-]+\s+){0,2}?(?:[a-z]+(?:man|woman|er|or|ist|ian|ant|ent|ier|ot|ee|ive)|agent|spy|soldier|officer|"
    r"citizen|national|prisoner|detainee|businessman|pilot)\b"
    r"|(?-i:[A-Z][\w’'\-]+(?:\s+(?:al|el|bin|de|van|von|[A-Z][\w’'\-]+)){1,3})(?!\s*(?:government|authorities|officials)))",
    re.IGNORECASE)


# a plural noun and a release verb between number and noun: "<two> countries swapped <prisoners>" (a verb
# alone before the noun is an adjective: "five freed Americans", "three newly released prisoners")
VERB_IN_MODS_RE = re.compile(r"\b[a-z]+s\s+(?:swapped|exchanged|released|freed|pardoned|traded|handed|returned)\s")


def _is_people_noun(m: re.Match) -> bool:
    """A capitalised plural noun counts people only when it is a demonym ("Armenians", not "Mondays")."""
    noun = m.group("noun")
    if VERB_IN_MODS_RE.search(m.group("mods") or ""):
        return False  # "the two countries swapped prisoners": the number counts the countries
    if re.fullmatch(r"(?:relatives|family(?:\s+members)?)", noun, re.I) or \
            (re.search(r"\bfamily\s+$", m.group("mods") or "", re.I) and noun.lower() == "members"):
        return False  # "five freed Americans and two American family members": kin who leave, not prisoners
    if not noun[:1].isupper() or re.fullmatch(PEOPLE_NOUNS, noun, re.IGNORECASE):
        return True
    return noun[:-1].lower() in demonyms()


def _other_side(sentence: str, m: re.Match, counts: dict[int, re.Match]) -> tuple[int, int] | None:
    """(count, end) of a swap's other side right after the count match m, when the sentence is a swap."""
    link = SWAP_LINK_RE.match(sentence, m.end())
    if not link or (link.group("link").lower() == "for" and not SWAP_WORD_RE.search(sentence)):
        return None
    at = link.end()
    other = counts.get(at)
    if other is not None:
        return parse_number(other.group("num")) or 0, other.end()
    equal = EQUAL_SIDE_RE.match(sentence, at)
    if equal:
        return parse_number(m.group("num")) or 0, equal.end()
    one = ONE_SIDE_RE.match(sentence, at)
    if one and link.group("link").lower() != "for" or one and SWAP_WORD_RE.search(sentence[:m.start()]):
        # a named person on the other side ("ten Americans in exchange for <name>") is recorded as a side,
        # not added to the count (the development gold counts such a release as the ten); "an agent" is one more
        return (1 if one.group(0).split()[0].lower() in ("a", "an", "one") else 0), one.end()
    return None


# between the groups of a breakdown: "five nationals were freed along with three Poles, two Latvians and ..."
LIST_JOIN_RE = re.compile(r"^(?:\s*,|\s*,?\s+and|\s*,?\s+as\s+well\s+as|\s+(?:\w+\s+){0,3}?(?:along|together)\s+with|\s+plus)\s*$",
                          re.IGNORECASE)


def find_release_counts(sentence: str) -> tuple[list[tuple], list[tuple]]:
    """(releases, tallies) in one sentence: tuples of (start, end, count, qualifier).

    A swap ("16 for 10", "95 for an equal number", "ten in exchange for <name>") is one release of both
    sides; "X and 13 others" is a release of 14."""
    releases, tallies, _ = release_parts(sentence)
    return releases, tallies


def _breakdowns(sentence: str, releases: list[tuple]) -> list[tuple]:
    """Releases that are groups of a breakdown (three or more counted groups listed one after another:
    "five nationals along with three Poles, two Latvians and two Japanese"): members of a release, not
    releases of their own."""
    runs, run, commas = [], releases[:1], False
    for prev, cur in zip(releases, releases[1:]):
        gap = sentence[prev[1]:cur[0]]
        if LIST_JOIN_RE.match(gap):
            run.append(cur)
            commas = commas or not re.fullmatch(r"\s+and\s+", gap)
        else:
            runs.append((run, commas))
            run, commas = [cur], False
    runs.append((run, commas))
    return [r for run, commas in runs if len(run) >= 3 or (len(run) == 2 and commas) for r in run]


# "183 prisoners ..., including 111 detainees": a count inside a larger one is part of it, not a release of
# its own (issue 22, class 3)
PART_OF_RE = re.compile(r"\b(?:including|among\s+(?:them|whom)|of\s+(?:them|whom))\b", re.I)


def _parts_of_a_count(sentence: str, releases: list[tuple], matches: list) -> list[tuple]:
    """Releases of a sentence that are parts of a larger count it names before them."""
    out = []
    for r in releases:
        larger = [m for m in matches if m.end() <= r[0] and (parse_number(m.group("num")) or 0) > r[2]]
        including = larger and PART_OF_RE.search(sentence, larger[-1].end(), r[0])
        if including:
            out.append(r)
    return out


def _pairs(sentence: str, releases: list[tuple]) -> list[tuple]:
    """Two counted groups joined by a bare 'and' are one group: "three women and seven men were freed"."""
    out: list[tuple] = []
    for r in releases:
        if out and re.fullmatch(r"\s+and\s+", sentence[out[-1][1]:r[0]]) and out[-1][3] == r[3] == "exact":
            out[-1] = (out[-1][0], r[1], out[-1][2] + r[2], "exact")
        else:
            out.append(r)
    return out


# "Among those freed were also <name> and nine other priests": members of a release told elsewhere (issue 22, class 3)
MEMBERS_LEAD_RE = re.compile(r"^\W*(?:Among|Included\s+in|Also\s+among)\s+(?:those|the\s+[\w\-]+)\s+"
                             r"(?:who\s+(?:were|have\s+been)\s+)?(?:released|freed|pardoned|set\s+free)\b", re.I)

# between the groups of one release's list, an aside on one of them: ", including <name>, <who he is>, "
LIST_ASIDE_RE = re.compile(r"^\s*,\s*(?:including|among\s+them)\b[^;.]{0,120},\s*$", re.I)

VERB_BEFORE_RE = re.compile(
    r"\b(?:releas(?:e|ed|es|ing)|freed|frees|freeing|pardon(?:ed|s|ing)?|set\s+free|expelled|deported)\s+$", re.I)


def _list_gap(gap: str) -> bool:
    """Whether `gap` joins two groups of one list (", ", " and ", ", including <name>, <aside>, ")."""
    return bool((LIST_JOIN_RE.match(gap) or LIST_ASIDE_RE.match(gap)) and not COUNT_RE.search(gap)
                and not re.search(r"along|together|plus", gap, re.I))


def _verb_lists(sentence: str, releases: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """(releases, members): a list of counted groups right after a release verb is one release of their sum
    ("released three bishops, including <name>, 11 priests and four monks"), unless its first group
    is at least the others together ("released 20 prisoners, eight Poles, three Czechs and two
    Swedes"): a total, then its breakdown, whose groups are members (issue 22, class 11)."""
    out: list[tuple] = []
    members: list[tuple] = []
    i = 0
    while i < len(releases):
        r = releases[i]
        j = i
        if VERB_BEFORE_RE.search(sentence, 0, r[0]) and r[3] == "exact":
            while j + 1 < len(releases) and releases[j + 1][3] == "exact":
                if not _list_gap(sentence[releases[j][1]:releases[j + 1][0]]):
                    break
                j += 1
        if j > i and re.search(r"\band\s*$", sentence[releases[j - 1][1]:releases[j][0]]):
            rest = releases[i + 1:j + 1]
            if r[2] < sum(x[2] for x in rest):
                out.append((r[0], releases[j][1], r[2] + sum(x[2] for x in rest), "exact"))
            else:
                out.append(r)
                members += rest
            i = j + 1
        else:
            out.append(r)
            i += 1
    return out, members


# a count whose noun is left out, freed before: "thirty political prisoners, besides four freed earlier"
ELLIPTIC_COUNT_RE = re.compile(
    rf"(?<![\d,.])\b(?P<num>\d{{1,3}}|{_NUMW})\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:released|freed|pardoned)\s+"
    r"(?:previously|earlier|already|before)\b", re.I)

# a person named again by the surname alone, opening the sentence: "<Surname> was set free after the ruling"
SURNAME_RELEASE_RE = re.compile(r"^\W*(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\s+(?:was|has\s+been|had\s+been)\s+"
                                r"(?:set\s+free|released|freed|pardoned)\b")
_NOT_SURNAME = frozenset(
    "he she it they we i you this that these those who which what one none nobody noone everyone everybody someone "
    "somebody anyone each another neither either nothing everything only also finally later eventually then today "
    "yesterday tomorrow nor but and or so yet still once here there".split())


def _is_surname(word: str) -> bool:
    """A lone capitalised word that can be a surname: not a pronoun or function word, a place or a demonym."""
    return word.lower() not in _NOT_SURNAME and word.lower() not in demonyms() and not find_places(word)


# one person (or a couple) freed, counted by the article: "freed a Canadian from jail", "releasing a
# Danish couple" (issue 22, class 3/11)
ONE_FREED_RE = re.compile(
    r"\b(?:freed|frees|freeing|released|releases|releasing|pardoned|pardons)\s+(?:an?|one)\s+"
    r"(?P<mods>(?:(?-i:[a-z][\w\-]*|[A-Z][a-z]+(?:an|ish|ese|i))\s+){0,2})"
    # a demonym as the noun itself ("freed a Canadian from jail"), not before one ("a Russian translation")
    r"(?P<noun>(?-i:[A-Z][a-z]+)(?=\s*[,.;:)]|\s*$|\s+(?:from|in|on|at|who|after|before|and|to|for|with|held|jailed|"
    r"detained|imprisoned|was|had|has|back|home)\b)|couple(?!\s+of)|prisoner|detainee|hostage|citizen|national|journalist|activist|dissident|"
    r"student|soldier|pilot|worker|priest|blogger|lawyer|businessman|businesswoman|tourist|aid\s+worker)\b")


def _one_freed(sentence: str) -> list[tuple]:
    """A release of one person named by "a/an" and a noun or a demonym after the verb (two for a couple)."""
    m = ONE_FREED_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    noun = m.group("noun")
    if noun[:1].isupper() and noun.lower() not in demonyms():
        return []  # "released a Statement", a place or a name: only a demonym counts a person
    return [(m.start("mods"), m.end(), 2 if noun == "couple" else 1, "exact")]


# a release whose size is not said (issue 22, class 11): "released a number of prisoners, including <names>",
# "<name>, along with several other detainees", "mended ties in <year> after an exchange of prisoners"
_VAGUE = r"(?:a\s+number\s+of|several|dozens\s+of|hundreds\s+of|thousands\s+of|scores\s+of|a\s+group\s+of|many)"
UNCOUNTED_RE = re.compile(
    rf"\b(?:freed|frees|freeing|released|releases|releasing|pardoned|pardons)\s+{_VAGUE}\s+(?:other\s+)?"
    rf"(?:[\w\-]+\s+){{0,2}}?(?:{PEOPLE_NOUNS})\b"
    r"|\b(?:with|in|after|through)\s+an?\s+exchange\s+of\s+(?:prisoners|detainees|captives)\b", re.I)
ALONG_WITH_UNCOUNTED_RE = re.compile(
    rf",?\s+(?:along|together)\s+with\s+(?:{_VAGUE}|other|some)\s+(?:other\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{PEOPLE_NOUNS})\b", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# "had also committed to releasing a number of ...": an unsaid number promised is no release
COMMITTED_RE = re.compile(r"\b(?:committed|agreed|ready|willing|prepared|consider(?:s|ed|ing)?)\s+(?:to\s+)?(?:\w+\s+)?$", re.I)
# "Since last year he has pardoned several hundred people": an unsaid number over a period is a running total
VAGUE_TOTAL_RE = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+recent\s+\w+|over\s+the\s+(?:past|last)|every\s+year|"
                            r"regularly|routinely|repeatedly)\b", re.I)


def _uncounted(sentence: str) -> list[tuple]:
    """A release of an unsaid number of people (count None, qualifier "unknown"); an exchange of prisoners
    only when its year is given (a past swap recalled, not one being talked about)."""
    m = UNCOUNTED_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]) \
            or COMMITTED_RE.search(sentence, max(0, m.start() - 40), m.start()) \
            or DEAL_TERMS_RE.search(sentence, 0, m.start()) or is_tally(sentence, m.start(), m.end()) \
            or VAGUE_TOTAL_RE.search(sentence):
        return []
    if "exchange" in m.group(0).lower() and not YEAR_RE.search(sentence):
        return []
    return [(m.start(), m.end(), None, "unknown")]


OTHER_ACTOR_RELEASE_RE = re.compile(r"[^.;,]{0,40},?\s+and\s+(?:the\s+)?[\w\-]+\s+(?:also\s+|in\s+turn\s+)?"
                                    r"(?P<verb>released|freed|handed\s+over)\s", re.I)


# "In 2017 prisoners were released": a year after a preposition is no count
YEAR_NUM_RE = re.compile(r"(?:19|20)\d\d")
YEAR_BEFORE_RE = re.compile(r"\b(?:in|since|of|by|until|from|during|before|after|through)\s+$", re.I)


HANDED_OVER_RE = re.compile(r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|pass(?:es|ed|ing)?|g[ai]ve)\s+$", re.I)


# "swapped 12 for 9", "exchanged 40 for 40 soldiers", "a 12-for-9 swap": both sides as bare numbers
_WORDNUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_TENS})-(?:{_UNITS})|{_NUMW})"
BARE_SWAP_RE = re.compile(
    rf"\b(?:swapped|exchanged|traded|swapping|exchanging)\s+(?P<a>{_WORDNUM})\s+for\s+(?P<b>{_WORDNUM})\b"
    rf"|\b(?P<a2>{_WORDNUM})-for-(?P<b2>{_WORDNUM})\s+(?:prisoner\s+)?(?:swap|exchange)\b", re.I)
# what BARE_SWAP_RE and PERSON_SWAP_RE cannot match without (a cheap test before their scans)
BARE_SWAP_GUARD_RE = re.compile(r"swap|exchang|traded", re.I)
# "a 21-person swap": the swap's total
PERSON_SWAP_RE = re.compile(rf"\b(?P<num>{_WORDNUM})-(?:person|people|prisoner|man)\s+(?:prisoner\s+)?(?:swap|exchange)\b", re.I)


def _bare_swaps(sentence: str, releases: list[tuple], tallies: list[tuple]) -> tuple[list[tuple], list[tuple], list[int]]:
    """Swaps whose sides (or total) are bare numbers: one release of the total; counts inside it leave."""
    if not BARE_SWAP_GUARD_RE.search(sentence):  # every pattern below needs one of these words: skip the scans
        return releases, tallies, []
    sides: list[int] = []
    found = []
    for m in BARE_SWAP_RE.finditer(sentence):
        a, b = parse_number(m.group("a") or m.group("a2")), parse_number(m.group("b") or m.group("b2"))
        if a and b:
            found.append((m.start(), m.end(), a + b))
            sides += [a, b]
    for m in PERSON_SWAP_RE.finditer(sentence):
        n = parse_number(m.group("num"))
        if n and not any(f[0] <= m.start() < f[1] for f in found):
            found.append((m.start(), m.end(), n))
    if not found or HYPOTHETICAL_RE.search(sentence[max(0, found[0][0] - 40):found[0][0]]):
        return releases, tallies, []
    inside = lambda r: any(f[0] <= r[0] < f[1] + 40 for f in found)  # "40 for 40 soldiers"
    releases = [r for r in releases if not inside(r)] + [(f[0], f[1], f[2], "exact") for f in found]
    tallies = [t for t in tallies if not inside(t)]
    return sorted(releases), tallies, sides


def release_parts(sentence: str) -> tuple[list[tuple], list[tuple], tuple[int, ...]]:
    """find_release_counts plus the counts of the swaps' sides (a release of one side, reported
    elsewhere in the document, is part of the swap)."""
    releases, tallies = [], []
    side_counts: list[int] = []
    triggers = [m for m in RELEASE_RE.finditer(sentence)]
    trigger_starts = [t.start() for t in triggers]
    trigger_ends = [t.end() for t in triggers]
    matches = [m for m in COUNT_RE.finditer(sentence) if _is_people_noun(m)
               and not (YEAR_NUM_RE.fullmatch(m.group("num")) and YEAR_BEFORE_RE.search(sentence, 0, m.start("num")))]
    counts = {m.start(): m for m in matches}
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
        if not count:
            continue
        side = sides.get(m.start())
        if side and side[1] < 0:
            continue  # the other side of a swap
        qual = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
        if (m.group("qual") or "").lower() == "over" and HANDED_OVER_RE.search(sentence, 0, m.start()):
            qual = "exact"  # "handed over two soldiers": a verb's particle, not "more than"
        end = m.end()
        if side:
            side_counts += [count, side[0] or 1]
            count, end = count + side[0], side[1]
        elif "other" in (m.group("mods") + m.group("noun")).lower() and OTHERS_BEFORE_RE.search(sentence, 0, m.start()) \
                and re.search(r"(?-i:[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+)", sentence[max(0, m.start() - 120):m.start()]):
            count += _names_listed_before(sentence, m.start())  # "<name> and 13 others", "<name>, <name> and 3 others"
        elif "other" in (m.group("mods") + m.group("noun")).lower() and ALONG_WITH_OTHERS_RE.search(sentence, 0, m.start()):
            count += 1  # "<someone> was freed along with 13 others"
        item = (m.start(), end, count, qual)
        if is_tally(sentence, m.start(), m.end()) or not triggers:
            tallies.append(item)
            continue
        # the release word must govern the count: nearest trigger not hypothetical
        nearest = _nearest_trigger(triggers, trigger_starts, trigger_ends, m.start(), m.end())
        gap = nearest.start() - m.end() if nearest.start() >= m.end() else m.start() - nearest.end()
        if gap > 60 and releases and _list_gap(sentence[releases[-1][1]:m.start()]):
            gap = 0  # the next group of a list whose first group the verb governs
        if gap > 60 or HYPOTHETICAL_RE.search(sentence[max(0, nearest.start() - 40):nearest.start()]) \
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
    # "In exchange for 110 citizens, Ruritania released 108 soldiers": the side named first joins the release
    for first in [r for r in releases if EXCHANGE_BEFORE_RE.search(sentence, 0, r[0])]:
        later = [r for r in releases if r[0] > first[1]]
        if later:
            releases.remove(first)
            i = releases.index(later[0])
            side_counts += [first[2], later[0][2]]
            releases[i] = (later[0][0], later[0][1], later[0][2] + first[2], later[0][3])
    for m in ELLIPTIC_COUNT_RE.finditer(sentence):  # "besides four freed earlier"
        count = parse_number(m.group("num"))
        if count and not any(r[0] <= m.start() < r[1] for r in releases + tallies):
            releases.append((m.start(), m.end(), count, "exact"))
    releases, tallies, bare_sides = _bare_swaps(sentence, releases, tallies)
    side_counts += bare_sides
    # "A released 40 soldiers, and B also released <name>": the two sides of one swap in one sentence
    for k, r in enumerate(releases):
        other = OTHER_ACTOR_RELEASE_RE.match(sentence, r[1])
        if other and r[3] == "exact" and _active_named_release(sentence[other.start("verb"):]):
            side_counts += [r[2], 1]
            releases[k] = (r[0], r[1], r[2] + 1, r[3])
            break
    if tallies and triggers:
        for m in INCLUDING_RE.finditer(sentence):
            releases.append((m.start("num"), m.end("num"), int(m.group("num").replace(",", "")), "exact"))
        # "including 299 on Saturday ... among the 299 detainees": the same group named twice is the release
        released = {count for _, _, count, _ in releases}
        tallies = [t for t in tallies if t[2] not in released]
    if not releases and not tallies:
        named = NAMED_RELEASE_RE.search(sentence)
        surname = SURNAME_RELEASE_RE.match(sentence)
        if named and not HYPOTHETICAL_RE.search(sentence[max(0, named.start() - 40):named.start()]):
            group = "name" if named.group("name") else "apposed"
            releases.append((named.start(group), named.end(group), 1, "exact"))
        elif surname and _is_surname(surname.group("name")):
            releases.append((surname.start("name"), surname.end("name"), 1, "exact"))
        else:
            releases += _active_named_release(sentence) or _one_freed(sentence) or _uncounted(sentence)
    return releases, tallies, tuple(side_counts)

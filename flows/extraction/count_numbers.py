"""Counts of people in one sentence: numbers in digits and words with their qualifiers, the people nouns
they count, release words (COUNT_RE, RELEASE_RE, parse_number). Part of `flows.extraction.counts`."""

from __future__ import annotations

import re

from flows.language.lexicon import demonyms

# Python's re, ignoring case, matches the ASCII letters i, s and k to 'İ', 'ı', 'ſ' and the Kelvin sign as well
# as to their two cases; str.lower keeps the length of every other character. So where a case-insensitive
# pattern matches an ASCII word, `folded(text)` holds that word in lower case at the same place: a literal
# test on it (`word in folded(text)`) passes every text the pattern can match, and skips a scan cheaply.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """The text lower-cased with the letters Python's re folds onto i, s and k replaced by them (see _FOLD)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()  # translate is the slow part

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
    r"civilians|minors|children|beneficiaries|bishops|monks|nuns|seminarians|pilots|workers|others|figures|leaders|"
    r"(?:crew|family)\s+members|hostages|relatives|nephews|nieces|sons|daughters|brothers|sisters|husbands|wives|officers|agents|spies|"
    r"girls|boys|schoolgirls|schoolboys|schoolchildren|"
    # people told by what they are or do (issue 22, class 11: "eight compatriots", "three aid volunteers")
    r"compatriots|countrymen|veterans|academics|scholars|researchers|doctors|teachers|farmers|seamen|seafarers|"
    r"crewmen|tourists|pilgrims|missionaries|employees|volunteers|residents|villagers|youths|teenagers|juveniles|"
    r"fighters|militants|migrants|reporters|photographers|writers|artists|clerics|pastors|diplomats|politicians|"
    r"lawmakers|demonstrators|unionists|businessmen|"
    # a named person's own group ("<name> and his five co-accused", "with her two aides"; issue 22, class 1)
    r"co-accused|co-defendants|codefendants|co-detainees|companions|colleagues|comrades|aides|bodyguards|"
    # people told by where they stand in a case or a cause ("<name> and three other defendants"; issue 22, class 1)
    r"defendants|suspects|supporters|campaigners|rebels|insurgents"
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

# thousands grouped by a space, as many outlets print them ("4 000", "1 534", a no-break or thin space too);
# never the end of a date ("2024-01-03 230 ...": no digit, dash, slash, dot or colon before, no leading zero)
# nor after a month ("on May 3 150 ..." is a date, then a count: SPACED_AFTER_DATE_RE)
SPACED_THOUSANDS = r"(?<![\d\-/.:])[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?![,.]\d)"
# ... or by a dot, as continental European and Latin American outlets print them ("2.500 prisoners": a count of people
# is never a fraction; "1.5 million" has no three digits after its dot; session 20)
_DOTTED = r"[1-9]\d{0,2}(?:\.\d{3})+"
DOTTED_THOUSANDS = rf"(?<![\d\-/.:,]){_DOTTED}(?![\d,.]\d|\d)"
_DOTTED_THOUSANDS_RE = re.compile(_DOTTED)
SPACED_AFTER_DATE_RE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$|\bNo\.\s*$")
_SPACES_RE = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}\b)")

# a capitalised modifier is a demonym or a faith ("Catholic", "Orthodox", "Baptist", "Muslim": issue 22, class 11)
_MOD = (rf"(?-i:(?!(?:of|and|or|the|{_UNITS}|{_TENS}|ten|eleven|twelve|[a-z]+teen|dozen|hundred|thousand)\b)(?:[a-z][a-z\-]*|[A-Z][a-z]+(?:an|ish|ese|i|ic|ox|ist|ant|im)(?:-[A-Z][a-z]+(?:an|ish|ese|i))?"
        # the body the people serve or work for, or the place they come from, in capitals ("eight former <Demonym> Navy
        # personnel", "two <Outlet> journalists", "three <ACR> staff", "82 <Town> schoolgirls", "38 <Country> fishermen"):
        # a capitalised word or an acronym right before the noun (issue 22, class 11)
        r"|(?:[A-Z][a-z]+|[A-Z]{2,6})(?=\s+(?:[A-Z][a-z]+\s+)?(?i:" + PEOPLE_NOUNS + r"|crew|staff)\b)"
        # a state in dotted capitals: "10 U.S. sailors", "two U.K. nationals" (issue 22, class 11)
        r"|(?:[A-Z]\.){2,4}))")

COUNT_RE = re.compile(
    # the leading look-ahead matches no less (a count starts with a word character) but lets the
    # engine skip the other positions faster
    # (the guards in front of the alternations match no less either: see _first_char_guard)
    rf"(?=\w)(?:{_QUAL_GUARD}\b(?P<qual>{_QUAL})\s+)?{_NUM_GUARD}\b(?P<num>\d{{1,3}}(?:,\d{{3}})+|{SPACED_THOUSANDS}|{DOTTED_THOUSANDS}|\d+|{_BIG_WORDS}|(?:{_TENS})-(?:{_UNITS})|{_NUMW})"
    rf"(?:\s+|-person\s+)(?P<mods>(?:{_MOD}\s+){{0,3}}?)(?P<noun>{PEOPLE_NOUNS}|prisoner\s+(?:exchange|swap)|{DEMONYM_PLURAL})\b",
    re.IGNORECASE,
)


_RELEASE_FIRST_WORDS = ("release", "freed", "set", "walked", "pardon", "amnesty", "expelled", "shipped",
                        "swap", "exchanged", "prisoner", "handed", "were", "was", "been", "returned", "grant")


# what is released that is no one: "newly released data showed", "released a statement / the figures", "the release of
# a statement" (issue 22,
# class 4): a count near it is not freed
_RELEASED_THING = (r"(?!\s+(?:of\s+)?(?:(?:a|an|the|its|their|his|her|new|newly|latest|updated|official|preliminary|final|first)\s+){0,2}"
                   r"(?:data|figures|statistics|numbers|results|reports?|statements?|footage|videos?|images|photos|"
                   r"pictures|documents|files|details|information|findings|survey|census|records|transcripts?|"
                   r"albums?|songs?|films?|books?)\b)")
RELEASE_RE = re.compile(  # the guard: as in COUNT_RE
    _first_char_guard(_RELEASE_FIRST_WORDS) + rf"\b(?:releas(?:e|ed|es|ing){_RELEASED_THING}|freed|frees|freeing|free|set\s+free|walked\s+free|"
    # out through the gates: "87 prisoners walked out of <adjective> jails" (never "walked out of the talks")
    r"walked\s+out\s+of\s+(?:the\s+|a\s+)?(?:[\w\-’']+\s+){0,2}?(?:prisons?|jails?|detention|custody|penal\s+colon(?:y|ies)|camps?)\b|"
    r"pardon(?:ed|s|ing)?|"
    r"amnest(?:y|ied|ies)|expelled|shipped|swap(?:s|ped)?|exchanged|prisoner\s+exchange|handed\s+over|"
    # bail granted by a court: a release from custody (issue 22, class 11)
    r"grant(?:ed|s)\s+bail|"
    r"(?:were|was)\s+flown\s+(?:out\s+)?(?:to|from)|"
    # captives handed back: "prisoners of war have been returned to their country", "five soldiers returned to their
    # homeland" (issue 22, class 11); never a bare "returned" ("returned to prison", "returned to work")
    r"(?:were|was|been)\s+returned\s+(?:home|to|from)|returned\s+to\s+(?:their|his|her)\s+(?:homeland|home|families|country)|"
    # out of their cells: "125 activists were able to leave their cells" (issue 22, class 11)
    r"(?:were|was)\s+(?:able|allowed)\s+to\s+leave\s+(?:their|his|her|the)\s+(?:cells?|prisons?|jails?|detention)\b"
    r"(?!\s+(?:yard|courtyard|grounds|block|wing|hospital|clinic|library|kitchen)))\b",
    re.IGNORECASE,
)


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
    t = _SPACES_RE.sub("", text.lower().replace(",", "").strip())
    if t.isdigit():
        return int(t)
    if _DOTTED_THOUSANDS_RE.fullmatch(t):
        return int(t.replace(".", ""))
    if t not in NUMBER_WORDS and " " in t and ("hundred" in t or "thousand" in t):
        return _parse_big_words(t)
    if "-" in t:
        tens, _, unit = t.partition("-")
        if NUMBER_WORDS.get(tens) and NUMBER_WORDS.get(unit):
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return NUMBER_WORDS.get(t)


# a plural noun and a release verb between number and noun: "<two> countries swapped <prisoners>" (a verb
# alone before the noun is an adjective: "five freed Americans", "three newly released prisoners")
VERB_IN_MODS_RE = re.compile(r"\b[a-z]+s\s+(?:swapped|exchanged|released|freed|pardoned|traded|handed|returned)\s")


KIN_NOUN_RE = re.compile(r"(?:relatives|family(?:\s+members)?)", re.I)
FAMILY_BEFORE_RE = re.compile(r"\bfamily\s+$", re.I)
PEOPLE_NOUN_RE = re.compile(PEOPLE_NOUNS, re.IGNORECASE)


def _is_people_noun(m: re.Match) -> bool:
    """A capitalised plural noun counts people only when it is a demonym ("Armenians", not "Mondays")."""
    noun = m.group("noun")
    if VERB_IN_MODS_RE.search(m.group("mods") or ""):
        return False  # "the two countries swapped prisoners": the number counts the countries
    if KIN_NOUN_RE.fullmatch(noun) or (FAMILY_BEFORE_RE.search(m.group("mods") or "") and noun.lower() == "members"):
        return False  # "five freed Americans and two American family members": kin who leave, not prisoners
    if not noun[:1].isupper() or PEOPLE_NOUN_RE.fullmatch(noun):
        return True
    return noun[:-1].lower() in demonyms() or noun[:-1].lower() in STATELESS_PEOPLES


# peoples with no state of their own in the country list, counted like a demonym ("39 Palestinians", "12 Kurds")
# (issue 22, class 2: one side of a swap told by the people freed)
STATELESS_PEOPLES = frozenset({"palestinian", "kurd", "uyghur", "uighur", "tibetan", "sahrawi", "rohingya"})


# a count whose noun is left out, freed before: "thirty political prisoners, besides four freed earlier"
# "Around 50 were released from two prisons", "About 400 were freed overnight": a bare count opening the sentence as
# the subject of a release, its noun told before (issue 22, class 11)
BARE_SUBJECT_COUNT_RE = re.compile(
    rf"^\W*(?:(?P<qual>{_QUAL})\s+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}|{_NUMW})\s+(?:more\s+|others\s+)?"
    r"(?:were|have\s+been|had\s+been)\s+(?:released|freed|set\s+free|pardoned)\b", re.I)

ELLIPTIC_COUNT_RE = re.compile(
    rf"(?<![\d,.])\b(?P<num>\d{{1,3}}|{_NUMW})\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:released|freed|pardoned)\s+"
    r"(?:previously|earlier|already|before)\b", re.I)


# "In 2017 prisoners were released": a year after a preposition is no count
YEAR_NUM_RE = re.compile(r"(?:19|20)\d\d")
YEAR_BEFORE_RE = re.compile(r"\b(?:in|since|of|by|until|from|during|before|after|through)\s+$", re.I)


HANDED_OVER_RE = re.compile(r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|pass(?:es|ed|ing)?|g[ai]ve)\s+$", re.I)

"""Event mentions: sentences -> one row per sentence that reports an event.

Output shape (`event_mentions`): doc_id, sent_idx, char_start, char_end (the
evidence span: the sentence), event_type, cameo_code, country,
prisoner_count, count_qualifier, date_text, event_date, date_precision,
sentence, date_source ('sentence': the text dates it, a relative day resolved against the
publication date included; 'published': the document's publication date, for the
release it reports as its own news; null: undated), not_before (for such a release left undated,
the latest past date its document states: it is no older), counterparts (for a counted release told as a swap,
the other states the telling names: see `_swap_counterparts`), freed_names (for a release of one or two, the people
its sentence tells as freed, folded: see `_freed_in_sentence`). Prisoner releases need a release word and a count of people that
is not a tally ("remain behind bars", "since 2021", "documented").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import polars as pl

# modifiers between number and noun: lower-case words or demonyms, never another number or "of"
from flows.extraction.count_numbers import _NUMW, DEMONYM_PLURAL, NUMBER_WORDS, PEOPLE_NOUNS, RELEASE_RE, folded, parse_number
from flows.extraction.count_swaps import BARE_SWAP_RE
from flows.extraction.counts import release_parts
from flows.extraction.count_tallies import PERIOD_LEAD_RE, is_hypothetical
from flows.extraction.places import (
    DESTINATION_RE,
    ISSUER_COUNTRIES,
    MEDIATOR_RE,
    PREFILTER_PLACE_MASK,
    doc_main_countries,
    find_places,
    sentence_places,
)
from flows.language import rules
from flows.language.dates import DATE_RE, MONTHS, WEEKDAYS, date_of_match, is_date_stamp, resolve_date
from flows.language.lexicon import demonyms
from flows.language.patterns import rust_superset, rust_word_superset

# Event types, their CAMEO codes, patterns and prefilters: one entry each in
# flows/language/rules/event_types.toml (with the sentences each must and must not match).
CAMEO = rules.cameo_codes()


OTHER_EVENT_PATTERNS = rules.event_patterns()
# Cheap vectorised (polars, Rust regex) tests that a sentence may hold a count or an event;
# the exact Python patterns then run on the few sentences that pass.
PREFILTER_COUNT = (r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
                   r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b|"
                   r"\b(?:was|were|been)\s+(?:released|freed|pardoned|set\s+free)\b|"
                   # NAMED_RELEASE_RE: "<name> walked free", "left the hospital a free man"
                   r"\ba\s+free\s+(?:man|woman)\b|\bwalked\s+(?:free|out\s+of)\b|"
                   # NAMED_RELEASE_RE: "<name> was granted a full pardon"
                   r"\bgrant(?:ed|s)\s+(?:\w+\s+){0,2}(?:pardon|amnesty|clemency|bail)\b|\bposted\s+bail\b|"
                   # RELEASE_NOUN_DONE_RE: "<Surname>'s release came after ...", "the order for <Surname>'s release comes"
                   r"['’]s\s+(?:\w+\s+)?release\b|"
                   # a release of named people needs no number ("freed the activist <name>"): ACTIVE_NAMED_RELEASE_RE
                   r"\b(?:freed|frees|freeing|released|releases|releasing|pardoned|pardons|release\s+of)\b|"
                   # a one-for-one swap told by the exchange verb alone ("exchanged <name> for <name>"):
                   # exchanged_named_for_one
                   r"\b(?:exchanged|swapped|traded)\b|"
                   # ... or by the swap as a noun ("the swap between <name> and <name>", "the exchange of <name> for")
                   r"\b(?:swap|exchange)\s+(?:of|between)\b")
PREFILTER_EVENTS = rules.event_prefilters()


# Sharper count test, on top of PREFILTER_COUNT: a number, up to three modifier words and a people
# noun (every COUNT_RE match has one; no word boundaries, so it can only pass more), or a
# NAMED_RELEASE_RE verb phrase. Half the sentences with a number fail it and skip find_release_counts,
# which would find nothing in them.
_NUM_ENDS = rust_superset("|".join(sorted({w.split()[-1] for w, n in NUMBER_WORDS.items() if n})))
_NOUNS = rust_superset(PEOPLE_NOUNS + r"|prisoner\s+(?:exchange|swap)")
PREFILTER_RELEASE = (
    rf"(?i)(?:\d|{_NUM_ENDS})(?:-person)?[\s\x1c-\x1f]+(?:[A-Za-z][A-Za-z.\-]*[\s\x1c-\x1f]+){{0,3}}(?:{_NOUNS}|{DEMONYM_PLURAL})"
    r"|(?-i:(?:was|were|been|being)[\s\x1c-\x1f]+(?:released|freed|pardoned|set))"
    # RELEASE_NOUN_DONE_RE: an owner's release ("<Surname>'s release came after ...")
    r"|['’]s[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+)?release\b"
    # NAMED_RELEASE_RE: "walked free", "walked out of jail", "a free man"
    r"|a[\s\x1c-\x1f]+free[\s\x1c-\x1f]+(?:man|woman)|walked[\s\x1c-\x1f]+(?:free|out[\s\x1c-\x1f]+of)"
    # NAMED_RELEASE_RE: "<name> was granted a full pardon"
    r"|(?-i:(?:was|been)[\s\x1c-\x1f]+granted[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+){0,2}(?:pardon|amnesty|clemency))"
    # ACTIVE_NAMED_RELEASE_RE: a release verb, lower-case words, a capital (an ASCII one, case-sensitive as in
    # its _FULL_NAME: under (?i) [A-Z] took any letter, passing "the releases went on all week")
    r"|(?:freed|frees|released|releases|pardoned|pardons)[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+){0,4}(?-i:[A-Z])"
    r"|release[\s\x1c-\x1f]+of[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+){0,8}(?-i:[A-Z])"
    # ... "granted a pardon to <role> <name>" (its pattern had no way through this test: such pages went unread)
    r"|grant(?:ed|s)[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+){0,3}(?:pardons?|amnesty|clemency|bail)[\s\x1c-\x1f]+to[\s\x1c-\x1f]+"
    r"(?:\S+[\s\x1c-\x1f]+){0,8}(?-i:[A-Z])"
    # TWO_DESCRIBED_FREED_RE: "An American and an Australian ... were freed"
    r"|(?-i:\b(?:An?|One)[\s\x1c-\x1f])[^.;]{0,60}?[\s\x1c-\x1f]and[\s\x1c-\x1f]+(?:an?|one)[\s\x1c-\x1f]"
    # EXCHANGED_NAMED_RE: an exchange verb, up to four role words, a capital, then "for" a capital or "a/an" ("exchanged
    # aid worker <name> for a <demonym> <role>"; not "exchanged Christmas greetings for the first time")
    r"|(?:exchanged|swapped|traded)[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+){0,4}(?-i:[A-Z])[^.;]{0,140}?[\s\x1c-\x1f]for"
    r"[\s\x1c-\x1f]+(?:the[\s\x1c-\x1f]+)?(?:(?:[a-z]+[\s\x1c-\x1f]+){0,2}(?-i:[A-Z])|an?[\s\x1c-\x1f])"
    # ... or the swap as a noun: "swap of <name> for", "swap between <name> and"
    r"|(?:swap|exchange)[\s\x1c-\x1f]+(?:of|between)[\s\x1c-\x1f]+(?:\S+[\s\x1c-\x1f]+){0,4}(?-i:[A-Z])[^.;]{0,140}?"
    r"[\s\x1c-\x1f](?:for|and)[\s\x1c-\x1f]"
    # BARE_SUBJECT_COUNT_RE: "Around 50 were released from two prisons"
    rf"|(?:\d|{_NUM_ENDS})[\s\x1c-\x1f]+(?:more[\s\x1c-\x1f]+|others[\s\x1c-\x1f]+)?(?:were|have[\s\x1c-\x1f]+been|had[\s\x1c-\x1f]+been)"
    r"[\s\x1c-\x1f]+(?:released|freed|set|pardoned)"
    # BARE_NAMED_RELEASE_RE: "<name> released from prison", its "was" left out
    r"|(?-i:[A-ZÀ-ÖØ-Þ])[\w'’\-]+[\s\x1c-\x1f]+(?:released|freed|set[\s\x1c-\x1f]+free)[\s\x1c-\x1f]+(?:from|after)[\s\x1c-\x1f]"
    # NAMED_RELEASE_RE: "<name> posted bail"
    r"|posted[\s\x1c-\x1f]+bail"
    # ONE_FREED_RE: a release verb, "a/an/one", a noun
    r"|(?:freed|frees|freeing|released|releases|releasing|pardoned|pardons)[\s\x1c-\x1f]+(?:an?|one)[\s\x1c-\x1f]"
    # HEADLINE_ONE_FREED_RE: a release verb, a capital (a demonym), a person's noun
    r"|(?:freed|frees|released|releases|pardoned|pardons|release[\s\x1c-\x1f]+of)[\s\x1c-\x1f]+(?-i:[A-Z])[\w.\-]*[\s\x1c-\x1f]+(?:man|woman|teacher|"
    r"teenager|journalist|activist|dissident|student|researcher|academic|scholar|writer|blogger|lawyer|businessman|"
    r"businesswoman|tourist|aid|diplomat|soldier|pilot|photographer|filmmaker|missionary|nun|priest|engineer|veteran|"
    r"sailor|fisherman|citizen|national|prisoner|detainee|hostage)"
    # ELLIPTIC_COUNT_RE: "five released previously"
    r"|(?:released|freed|pardoned)[\s\x1c-\x1f]+(?:previously|earlier|already|before|in|on|last)\b"
    # UNCOUNTED_RE: a release of an unsaid number, an exchange of prisoners
    r"|(?:freed|frees|freeing|released|releases|releasing|pardoned|pardons)[\s\x1c-\x1f]+(?:a[\s\x1c-\x1f]+number|a[\s\x1c-\x1f]+group|several|dozens|hundreds|thousands|scores|many)"
    r"|exchange[\s\x1c-\x1f]+of[\s\x1c-\x1f]+(?:prisoners|detainees|captives)"
    # BARE_EACH_SIDE_RE: a swap's count per side with no noun ("releasing 60 on each side")
    r"|each[\s\x1c-\x1f]+(?:side|country|nation|state)"
    # BARE_SWAP_RE: "a “1,000 for 1,000” prisoner swap", "a 90 for 90 exchange", "the exchange of 40 people for 40"
    rf"|(?:\d|{_NUM_ENDS})[\"”’']?[\s\x1c-\x1f]+(?:prisoner[\s\x1c-\x1f]+)?(?:swap|exchange)"
    rf"|(?:exchange|swap)[\s\x1c-\x1f]+of[\s\x1c-\x1f]+(?:\d|{_NUM_ENDS})"
)
# Every DATE_RE match holds an ISO date's "digit-digit", a month's first three letters, "day"
# (weekdays, "today", "yesterday"), "week" or "month", a dotted date's "digit.digit", "night" or "morning":
# sentences without any skip its search.
PREFILTER_DATE = r"(?i)\d-\d|\d\.\d|night|morning|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|(?:in|year) (?:19|20)\d\d"

EVENT_MENTION_SCHEMA = {
    "doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64, "char_end": pl.Int64,
    "event_type": pl.String, "cameo_code": pl.String, "country": pl.String,
    "prisoner_count": pl.Int64, "count_qualifier": pl.String, "date_text": pl.String,
    "event_date": pl.Date, "date_precision": pl.String, "sentence": pl.String, "date_source": pl.String,
    "not_before": pl.Date, "counterparts": pl.List(pl.String), "freed_names": pl.List(pl.String),
}
TALLY_SCHEMA = {"doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
                "count": pl.Int64, "qualifier": pl.String, "quote": pl.String}


# (a subject of two states, "A and B have freed <one> and <the other>, respectively": both free, the first named is
# the release's country, as in "A freed <one>, with B releasing <the other>"; issue 22, class 3)
RELEASE_SUBJECT_RE = re.compile(
    r"\b((?:[A-Z][\w\-]+\s+and\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?"
    r"(?:freed|released|pardoned|frees|releases|pardons|free|release)\b")


# a state's office before the one who frees: "<Country> President <name> granted a pardon to ...", "<Country>'s King
# <name> pardoned ...": that state frees, whatever a dateline or the nationality of the freed names (issue 22, class 3)
OFFICE_SUBJECT_RE = re.compile(
    r"\b((?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+){0,2})(?:['’]s)?\s+(?:President|King|Emir|Sultan|Prime\s+Minister|"
    r"Supreme\s+Leader|Crown\s+Prince|Monarch)\s+(?:(?:(?-i:[A-Z])[\w\-’'.]+|bin|ibn|al|el|de|da|dos)\s+){1,7}?"
    r"(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:granted\s+(?:a\s+|an\s+)?(?:pardons?|amnesty|clemency)|pardoned|freed|released|"
    r"ordered\s+the\s+release)\b")


PLACE_AFTER_RE = re.compile(r"\b(?:in|by|from)\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")


# where the freed were held: "detained in X", "imprisoned in X" (a country's name, not "in the capital")
HELD_IN_RE = re.compile(r"\b(?:detained|held|jailed|imprisoned|incarcerated)\s+in\s+((?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+)?)"
                        # ... a few words between, after the passive's own verb: "who were jailed and given death
                        # sentences in <Country>", "who had been held for months in <Country>" (issue 22, class 3)
                        r"|\b(?:were|was|been|being|are|is)\s+(?:detained|held|jailed|imprisoned|incarcerated)"
                        r"(?:\s+(?!in\b)[\w\-]+){1,5}?\s+in\s+((?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+)?)",
                        re.I)
HELD_WORDS = ("detained", "held", "jailed", "imprisoned", "incarcerated")  # in folded(text) of every HELD_IN_RE match
# a dateline opening the sentence ("New Delhi: ...", "NEW DELHI, Feb 12 - ..."): where the reporter files from, not a
# place the sentence tells of (issue 22, class 3: the freed's capital taken for the state that frees)
DATELINE_OPENING_RE = re.compile(r"^\s*(?:date\s+\S+\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}"
                                 r"(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*(?::|\s[-–—])\s")


# a state's authority told by its demonym frees: "A Lebanese court has ordered the release of <name>, son of <Country>'s
# late leader", "<Demonym> authorities freed ..." (issue 22, class 3: the freed person's country was taken)
AUTHORITY_SUBJECT_RE = re.compile(
    r"\b((?-i:[A-Z])[a-z]+(?:an|ian|ese|ish|i|ic))\s+(?:(?:appeals?|military|criminal|high|supreme|district|federal|"
    r"provincial|regional)\s+)?(?:court|judge|judges|tribunal|authorities|government|prosecutors?|officials|army|military)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:freed|released|pardoned|ordered\s+(?:the\s+)?(?:immediate\s+)?release|"
    r"granted|approved)\b")


# ... or the agent of a passive release: "<A>, a student in <country>, was pardoned by <Demonym> President <B>" (issue 22,
# class 3: the place the freed lives in was taken)
BY_AGENT_RE = re.compile(
    r"\b(?:pardoned|released|freed|set\s+free)\s+(?:\w+\s+)?by\s+(?:the\s+)?((?-i:[A-Z])[a-z]+(?:an|ian|ese|ish|i|ic))\s+"
    r"(?:(?-i:President|King|Emir|Sultan|Prime\s+Minister|Supreme\s+Leader)|(?:appeals?\s+|military\s+|high\s+|supreme\s+)?"
    r"(?:court|authorities|government|judge|army|military|regime|leader|president|king))\b")


# "freed from <name> maximum security prison in the UK": the state whose prison it is frees, an issuer of sanctions
# as any other (issue 22, class 3: a release by the United Kingdom took the court's or the destination's country)
PRISON_IN_RE = re.compile(r"\b(?:freed|released|walked\s+out|let\s+out)\s+(?:of|from)\s+(?:[\w\-’']+\s+){0,4}?"
                          r"(?:prison|jail|gaol|penitentiary|custody|detention(?:\s+(?:centre|center|facility))?)\s+in\s+"
                          r"((?:the\s+)?(?-i:[A-Z])[\w\-.]+(?:\s+(?-i:[A-Z])[\w\-]+)?)", re.I)


# the scene of a war ("criticizing the war in Ukraine") is not who frees anyone
WAR_PLACE_RE = re.compile(r"\b(?:war|conflict|invasion|fighting|occupation|offensive|aggression)\s+(?:in|on|against)\s+"
                          r"(?:the\s+)?[A-Z][\w\-]+", re.I)


def release_country(sentence: str, doc_country: str | None) -> str | None:
    """The releasing country (see release_country_evidence)."""
    return release_country_evidence(sentence, doc_country)[0]


# a sentence none of these words is in has no destination, scene of a war or mediator to blank (see
# places.PREFILTER_PLACE_MASK; WAR_PLACE_RE's words, ignoring case, widened for the Rust engine)
PREFILTER_RELEASE_PLACE_MASK = (f"{PREFILTER_PLACE_MASK}|(?:"
                                + rust_word_superset("war|conflict|invasion|fighting|occupation|offensive|aggression") + ")")


def release_country_evidence(sentence: str, doc_country: str | None, may_mask: bool = True) -> tuple[str | None, int]:
    """(releasing country, strength: 2 when the sentence itself says it, 1 when it falls back on the
    document's country or a weak cue), most specific evidence first: who frees ("Caracas freed"); the
    document's main country when the sentence names it; 'in/by/from X' with X a country or demonym; a
    country named in the sentence; the document's main country; a capital ("Caracas freed ..."); a demonym.
    A capital is weak evidence ("changed hands in Ankara" names the venue) and a demonym weaker ("the
    Australian economist" says nothing of who released him). Where the freed were flown and the scene of
    a war are left out (issue 22, class 3).

    may_mask: False when the sentence matches no PREFILTER_RELEASE_PLACE_MASK word (nothing to blank)."""
    for rx in (DESTINATION_RE, WAR_PLACE_RE, MEDIATOR_RE) if may_mask else ():
        if rx.search(sentence):
            sentence = rx.sub(lambda m: " " * len(m.group(0)), sentence)
    places = [(c, kind) for c, kind in sentence_places(sentence) if c not in ISSUER_COUNTRIES]
    told = places  # the places the sentence tells of: without the city of a dateline opening it ("Belarus: ..." tells)
    dateline = DATELINE_OPENING_RE.match(sentence)
    if dateline and not any(kind == "name" for _, kind in find_places(dateline.group())):
        told = [(c, kind) for c, kind in find_places(sentence[dateline.end():]) if c not in ISSUER_COUNTRIES]
    subject = RELEASE_SUBJECT_RE.search(sentence)
    if subject:  # "Caracas freed 17 prisoners", "Tehran released five Americans": who did it
        found = [c for c, kind in find_places(subject.group(1)) if kind != "demonym" and c not in ISSUER_COUNTRIES]
        if found:
            return found[0], 2
    office = OFFICE_SUBJECT_RE.search(sentence) if "President" in sentence or "King" in sentence \
        or "Minister" in sentence or "Emir" in sentence or "Sultan" in sentence or "Leader" in sentence \
        or "Prince" in sentence or "Monarch" in sentence else None
    if office:  # "<Country> President <name> granted a pardon to 57 <demonym>s": that country frees
        found = [c for c, kind in find_places(office.group(1)) if kind == "name" and c not in ISSUER_COUNTRIES]
        if found:
            return found[0], 2
    agent = BY_AGENT_RE.search(sentence) if " by " in sentence else None
    if agent:  # "<A>, a student in <country>, was pardoned by <Demonym> President <B>": that state frees
        found = [c for c, kind in find_places(agent.group(1)) if kind == "demonym" and c not in ISSUER_COUNTRIES]
        if found:
            return found[0], 2
    authority = AUTHORITY_SUBJECT_RE.search(sentence)
    if authority:  # "A Lebanese court has ordered the release of ...": that state frees
        found = [c for c, kind in find_places(authority.group(1)) if kind == "demonym" and c not in ISSUER_COUNTRIES]
        if found:
            return found[0], 2
    prison = PRISON_IN_RE.search(sentence) if " in " in sentence else None
    if prison:  # "released from <name> prison in the UK": the prison's state, an issuer or not
        found = [c for c, kind in find_places(prison.group(1)) if kind == "name"]
        if found:
            return found[0], 2
    # "eight nationals who were detained in X": the state that held them is the one that frees them, whoever
    # welcomes the release (issue 22, class 3)
    held = HELD_IN_RE.search(sentence) if any(w in folded(sentence) for w in HELD_WORDS) else None
    if held:
        found = [c for c, kind in find_places(held.group(1) or held.group(2)) if kind == "name"
                 and c not in ISSUER_COUNTRIES]
        if found:
            return found[0], 2
    # a demonym names whom the release frees ("95 Ukrainian soldiers"), not who frees them
    if doc_country and any(c == doc_country and kind != "demonym" for c, kind in told):
        return doc_country, 2
    m = PLACE_AFTER_RE.search(sentence)
    if m:
        found = [c for c, kind in find_places(m.group(1)) if kind != "capital" and c not in ISSUER_COUNTRIES]
        if found:
            return found[0], 2
    for wanted in ("name",):
        named = [c for c, kind in places if kind == wanted]
        if named:
            return named[0], 2
    if doc_country:
        return doc_country, 1
    for wanted in ("capital", "demonym"):
        named = [c for c, kind in places if kind == wanted]
        if named:
            return named[0], 1
    return None, 0


# a sentence that places a release in the past ("freed in 2019", "last month", "had already been released"):
# a release of its own, not one of the document's counted release
BACKGROUND_CUE_RE = re.compile(
    r"\b(?:previously|earlier|already|last\s+(?:year|month|week|spring|summer|autumn|fall|winter)|ago|"
    r"(?:19|20)\d\d|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"former(?:ly)?|once|had\s+been|judge|court|separate(?:ly)?|another|"
    # "The release comes after pardons were issued for 10 ...": what it follows came before
    r"(?:comes|came)\s+(?:(?:a\s+day|days|a\s+week|weeks)\s+)?after)\b", re.I)  # a court's order is a release of its own


def _set_apart(sentence: str) -> bool:
    """Whether a release sentence places its release in the past or apart (BACKGROUND_CUE_RE), the page's date line
    it may open with ("date 2024-07-29 RABAT ...") left out: that is when the page was written, not a cue."""
    start = 0
    if sentence[:40].lstrip().lower().startswith("date") or sentence[:1].isdigit():
        m = DATE_RE.search(sentence, 0, 60)
        if m and m.start() < 40 and is_date_stamp(sentence, m):
            start = m.end()
    return BACKGROUND_CUE_RE.search(sentence, start) is not None


MEMBER_MAX = 2  # "a named person or two Japanese citizens" (issue 22, class 3)
MEMBER_OF_MIN = 3


def _without_members(rows: list[tuple]) -> list[tuple]:
    """A release of one or two people in a document that reports a counted release of three or more is one
    of its members (a named person freed "along with" them, "two Japanese citizens" among them), not a release
    of its own, unless its sentence places it in the past (issue 22, class 3)."""
    counted = {r[0] for r in rows if r[4] == "prisoner_release" and (r[7] or 0) >= MEMBER_OF_MIN}
    if not counted:
        return rows
    # a release of an unsaid number beside a counted one is the counted one told vaguely
    return [r for r in rows if not (r[4] == "prisoner_release" and r[0] in counted and (r[7] is None or r[7] <= MEMBER_MAX)
                                    and not _set_apart(r[12]))]


def _included_groups(rows: list[tuple]) -> list[tuple]:
    """Drop a release told as a group an amnesty, pardon or release includes ("the amnesty includes release of 34
    foreigners") when its document reports a larger counted release not set in the past: a part of that one
    (issue 22, class 3)."""
    from flows.extraction.count_lists import INCLUDES_RELEASE_OF_RE

    included = set()
    for i, r in enumerate(rows):
        if r[4] == "prisoner_release" and r[7] and "includ" in r[12]:
            if any(parse_number(m.group("num")) == r[7] for m in INCLUDES_RELEASE_OF_RE.finditer(r[12])):
                included.add(i)
    if not included:
        return rows
    largest: dict[str, int] = {}
    for i, r in enumerate(rows):
        if i not in included and r[4] == "prisoner_release" and r[7] and not _set_apart(r[12]):
            largest[r[0]] = max(largest.get(r[0], 0), r[7])
    return [r for i, r in enumerate(rows) if not (i in included and r[7] < largest.get(r[0], 0))]


# "A, B and C, as well as 11 others, were among 2,278 prisoners who were pardoned": the people listed are members
# of the counted release, so a release of no more of them told elsewhere in the document ("pardoned three
# journalists", "to release four foreigners") is part of it, not a release of its own (issue 22, class 3)
MEMBERS_AMONG_RE = re.compile(r"(?P<who>[^.;:!?]{3,300}?)\s+(?:were|are|was|is)\s+(?:also\s+)?among\s+"
                              r"(?:a\s+total\s+of\s+|the\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s")
LISTED_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+", re.I)
LISTED_NUMBER_RE = re.compile(rf"\b(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMW})\b", re.I)


def _listed_people(who: str) -> int:
    """How many people a list names: one a name or described person, a counted group its count."""
    total = 0
    for item in LISTED_SPLIT_RE.split(who):
        if not item.strip():
            continue
        m = LISTED_NUMBER_RE.search(item)
        total += (parse_number(m.group(0)) or 1) if m else 1
    return total


def _members_listed_among(rows: list[tuple]) -> list[tuple]:
    """Drop the releases of a document that are no larger than the people its "<list> were among N" release
    sentence lists, and smaller than N."""
    listed: dict[str, list[tuple[int, int]]] = {}  # doc -> (N, people listed)
    for r in rows:
        if r[4] == "prisoner_release" and r[7] and "among" in r[12]:
            for m in MEMBERS_AMONG_RE.finditer(r[12]):
                if int(m.group("num").replace(",", "")) == r[7]:
                    listed.setdefault(r[0], []).append((r[7], _listed_people(m.group("who"))))
    if not listed:
        return rows
    return [r for r in rows if not (r[4] == "prisoner_release" and r[0] in listed and r[7] is not None
                                    and any(r[7] < n and r[7] <= k for n, k in listed[r[0]]))]


# "The government said it freed a total of 746 prisoners on Wednesday": the total of one occasion sums every group
# the document tells of it ("it also freed four members of ..."), so a smaller release not placed apart is one of
# its parts (issue 22, class 3)
OCCASION_TOTAL_RE = re.compile(r"(?<!has\s)(?<!have\s)\b(?:freed|released|pardoned|set\s+free)\s+a\s+total\s+of\s+"
                               r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)\b", re.I)


def _parts_of_a_total(rows: list[tuple]) -> list[tuple]:
    """Drop the releases smaller than a one-occasion total their document reports, unless their sentence places
    them in the past or apart."""
    totals: dict[str, int] = {}
    for r in rows:
        if r[4] == "prisoner_release" and r[7] and "total" in r[12]:
            for m in OCCASION_TOTAL_RE.finditer(r[12]):
                if int(m.group("num").replace(",", "")) == r[7]:
                    totals[r[0]] = max(totals.get(r[0], 0), r[7])
    if not totals:
        return rows
    return [r for r in rows if not (r[4] == "prisoner_release" and r[7] is not None and r[7] < totals.get(r[0], 0)
                                    and not _set_apart(r[12]))]


# "the final 303 captives had been returned in the final stage of the swap", "the first batch of 300 walked free": a
# stage of a larger release the document reports, not a release of its own (issue 22, class 3)
STAGE_RE = re.compile(r"\b(?:(?:first|second|third|fourth|fifth|final|last|latest|next)\s+(?:stage|phase|batch|tranche)|"
                      r"final\s+(?:exchange|swap|handover))\b", re.I)
STAGE_MIN_RATIO = 2


def _stages_of_a_larger_release(rows: list[tuple]) -> list[tuple]:
    """Drop the releases told as a stage of a release at least STAGE_MIN_RATIO times larger that their document
    reports in a sentence of its own, unless their sentence places them in the past or apart."""
    stage = [r[4] == "prisoner_release" and r[7] is not None and bool(STAGE_RE.search(r[12])) for r in rows]
    if not any(stage):
        return rows
    largest: dict[str, int] = {}
    for r, st in zip(rows, stage):
        if r[4] == "prisoner_release" and r[7] and not st and not _set_apart(r[12]):  # not a release recalled
            largest[r[0]] = max(largest.get(r[0], 0), r[7])
    return [r for r, st in zip(rows, stage) if not (st and r[7] * STAGE_MIN_RATIO <= largest.get(r[0], 0)
                                                    and not _set_apart(r[12]))]


# "<A released 390 people>. This is part of a 1,000-for-1,000 exchange deal": the next sentence makes the release a part
# of a larger one (issue 22, class 3)
PART_NEXT_RE = re.compile(r"^\W*(?:This|It|That|The\s+(?:exchange|swap|release|handover|transfer|group))\s+(?:is|was|forms?|"
                          r"formed|marks?|marked)\s+(?:only\s+)?(?:the\s+)?(?:first\s+|second\s+|latest\s+|initial\s+)?"
                          r"(?:part|stage|phase|step|batch|round)\s+of\s+(?:a|an|the)\b[^.;]{0,60}?"
                          r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)\b", re.I)


def _parts_told_next(rows: list[tuple], sentences: pl.DataFrame) -> list[tuple]:
    """Drop the releases whose next sentence says they are part of a larger counted whole."""
    wanted = {(r[0], r[1] + 1) for r in rows if r[4] == "prisoner_release" and r[7] is not None}
    if not wanted:
        return rows
    nxt = sentences.filter(pl.col("sentence").str.contains(r"(?i)\b(?:part|stage|phase|step|batch|round)\s+of\b")) \
        .select("doc_id", "sent_idx", "sentence")
    larger: dict[tuple[str, int], int] = {}
    for doc_id, sent_idx, sentence in nxt.iter_rows():
        if (doc_id, sent_idx) in wanted:
            m = PART_NEXT_RE.match(sentence)
            if m:
                larger[(doc_id, sent_idx - 1)] = int(m.group("num").replace(",", ""))
    if not larger:
        return rows
    return [r for r in rows if not (r[4] == "prisoner_release" and r[7] is not None
                                    and r[7] < larger.get((r[0], r[1]), 0))]


# a sentence summing up a period: "In total, since the war, 66 have been returned", "Between <date> and <date>, 1,377
# people were jailed"; the sentence after it, with no time of its own, goes on with the same period's figures:
# "In addition, 8 were released", "The other side handed over 15" are running totals too (issue 22, class 4)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
PERIOD_SUMMARY_RE = re.compile(rf"\bbetween\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\s+and\s+"
                               rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\b")
OWN_TIME_RE = re.compile(rf"\b(?:{_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|"
                         r"this\s+(?:week|month|morning|afternoon|evening|year)|last\s+(?:week|night|month|year)|"
                         r"(?:19|20)\d\d|earlier|later|then|now|recently|since|between|so\s+far)\b", re.I)


def _period_told_before(rows: list[tuple], sentences: pl.DataFrame) -> list[tuple]:
    """Drop the releases of a sentence with no time of its own that follows a sentence summing up a period."""
    wanted = {(r[0], r[1] - 1) for r in rows if r[4] == "prisoner_release" and r[7] is not None and r[1] > 0
              and not OWN_TIME_RE.search(r[12])}
    if not wanted:
        return rows
    before = sentences.filter(pl.col("sentence").str.contains(r"(?i)\b(?:since|between|over|during|throughout|for)\b")) \
        .select("doc_id", "sent_idx", "sentence")
    summed = {(doc_id, sent_idx + 1) for doc_id, sent_idx, sentence in before.iter_rows()
              if (doc_id, sent_idx) in wanted and (PERIOD_LEAD_RE.match(sentence) or PERIOD_SUMMARY_RE.search(sentence))}
    if not summed:
        return rows
    return [r for r in rows if not (r[4] == "prisoner_release" and r[7] is not None and (r[0], r[1]) in summed
                                    and not OWN_TIME_RE.search(r[12]))]


# "About 400 were released from the central prison and other jails": a release told by the prisons it emptied,
# smaller than the document's counted release, is a part of it (issue 22, class 3); "released from detention (on
# bail)" names no place, as "from custody" does not: a release of its own
PART_BY_PLACE_RE = re.compile(r"\b(?:released|freed|let\s+out|discharged)\s+from\s+(?:the\s+)?(?:[\w\-’']+\s+){0,4}?"
                              r"(?:prisons?|jails?|correctional|detention(?=\s+(?:centres?|centers?|facilit|camps?|sites?))|"
                              r"penitentiar|facilit|centres?|centers?)", re.I)


def _parts_by_place(rows: list[tuple]) -> list[tuple]:
    """Drop the releases told by their prison that are smaller than a counted release their document
    reports elsewhere, unless their sentence places them in the past."""
    counted = [r[4] == "prisoner_release" and bool(r[7]) for r in rows]
    by_place = [c and bool(PART_BY_PLACE_RE.search(r[12])) for c, r in zip(counted, rows)]  # one scan a row
    largest: dict[str, int] = {}
    for r, c, place in zip(rows, counted, by_place):
        # the larger release the part belongs to is the document's own, not one it recalls ("follows a larger
        # one last year, when more than 200 were flown out" leaves "135 were freed from jail" a release)
        if c and not place and not _set_apart(r[12]):
            largest[r[0]] = max(largest.get(r[0], 0), r[7])
    return [r for r, place in zip(rows, by_place) if not (place and r[7] < largest.get(r[0], 0)
                                                          and not _set_apart(r[12]))]


# "Hamas released three hostages. ... In exchange, Israel released 183 prisoners": the second side of a swap
# told in a later sentence (issue 22, class 2)
# "For its part, B released M", "In turn, ...", "On the other side, ...": the other actor's side, told next
EXCHANGE_LEAD_RE = re.compile(r"^\W*(?:In\s+(?:exchange|return|turn)|In\s+a\s+reciprocal\s+move|For\s+(?:its|their)\s+part"
                              r"|On\s+the\s+other\s+side)\b", re.I)
SWAP_REACH_SENTENCES = 12  # the nearest release before, in reach of a long quote between the sides
HEDGED_SWAP_RE = re.compile(r"\b(?:exchange|swap)\b[^.;]{0,60}\b(?:expected|set|due|scheduled)\s+to\b", re.I)


# "Of the 801 pardons, 463 people were released from prison": the decree's size is not the number freed
# (issue 22, class 11)
OF_THE_FREED_RE = re.compile(
    r"\b[Oo]f\s+(?:the|these|those)\s+(?P<all>\d{1,3}(?:,\d{3})+|\d+)\s+[\w\-]+(?:\s+[\w\-]+)?,\s+"
    r"(?P<part>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}(?:were|have\s+been|had\s+been|are\s+being)\s+"
    r"(?:released|freed|set\s+free)\b")


# "A total of 50 prisoners were released and returned home and 15 others had their sentences shortened": the freed
# and those whose terms were cut, the two parts of a pardon decree of 65 the document reports (issue 22, class 11)
FREED_AND_SHORTENED_RE = re.compile(
    r"(?P<part>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}(?:were|have\s+been|had\s+been)\s+(?:released|freed|set\s+free)\b"
    r"[^.;]{0,60}?\band\s+(?P<cut>\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+)\s+(?:others?\s+|more\s+|[\w\-]+\s+){0,2}?"
    r"(?:had|have|got|received|saw)\s+(?:also\s+)?(?:their|his|her)\s+(?:prison\s+|jail\s+)?(?:sentences?|terms?)\s+"
    r"(?:\w+\s+)?(?:shortened|reduced|cut|halved|lightened|lowered)\b", re.I)


def _decree_not_release(rows: list[tuple]) -> list[tuple]:
    """A document that says "Of the N pardons, M were released" reports a release of M: its mentions of
    N (the pardon or amnesty decree) are not a release of their own. So does one whose release of M sits beside K
    others who only had their sentences cut, when M + K is a count it reports."""
    decrees: dict[str, set[int]] = {}
    counts: dict[str, set[int]] | None = None  # per document, its release counts (built at the first need)
    for r in rows:
        if r[4] == "prisoner_release":
            m = OF_THE_FREED_RE.search(r[12])
            if m:
                decrees.setdefault(r[0], set()).add(int(m.group("all").replace(",", "")))
            cut = FREED_AND_SHORTENED_RE.search(r[12]) if r[7] and "sentence" in r[12] else None
            if cut and parse_number(cut.group("part")) == r[7] and parse_number(cut.group("cut")):
                whole = r[7] + parse_number(cut.group("cut"))
                if counts is None:
                    counts = {}
                    for p in rows:
                        if p[4] == "prisoner_release" and p[7]:
                            counts.setdefault(p[0], set()).add(p[7])
                if whole in counts.get(r[0], ()):
                    decrees.setdefault(r[0], set()).add(whole)
    if not decrees:
        return rows
    return [r for r in rows if not (r[4] == "prisoner_release" and r[7] in decrees.get(r[0], ()))]


def _count_peoples(sentence: str, count: int) -> set[str]:
    """The demonyms ("israeli", "palestinian") describing the group of `count` people in the sentence."""
    from flows.extraction.count_numbers import COUNT_RE, STATELESS_PEOPLES

    known = demonyms()
    out: set[str] = set()
    for m in COUNT_RE.finditer(sentence):
        if parse_number(m.group("num")) != count:
            continue
        for word in re.findall(r"[A-Z][a-z]+", (m.group("mods") or "") + " " + m.group("noun")):
            w = word.lower()
            w = w[:-1] if w.endswith("s") and (w[:-1] in known or w[:-1] in STATELESS_PEOPLES) else w
            if w in known or w in STATELESS_PEOPLES:
                out.add(w)
    return out


def _other_people_after_a_swap(r: tuple, releases: list[tuple], known: set[int]) -> tuple | None:
    """The release told in the sentence just before r when that sentence tells a swap with one side only and the
    two counted groups are of different peoples: "In the swap, 11 <A> hostages were released on Monday. Early
    Tuesday, 33 <B> prisoners were freed" are the swap's two sides (issue 22, class 2)."""
    if SWAP_SENTENCE_RE.search(r[12]) or EARLIER_SWAP_RE.search(r[12]):
        return None
    before = [p for p in releases if p[0] == r[0] and p[1] == r[1] - 1 and p[7] != r[7] and p[7] not in known]
    if len(before) != 1 or not SWAP_SENTENCE_RE.search(before[0][12]) or EARLIER_SWAP_RE.search(before[0][12]):
        return None
    mine, theirs = _count_peoples(r[12], r[7]), _count_peoples(before[0][12], before[0][7])
    return before[0] if mine and theirs and not mine & theirs else None


def _swaps_across_sentences(rows: list[tuple], swap_sides: dict[str, set[int]],
                            hedged: list[tuple] = ()) -> list[tuple]:
    """A release whose sentence opens with "In exchange"/"In return" and the document's release told just
    before it are the two sides of one swap: every mention of either count becomes the swap's total.
    `hedged`: (doc, sent_idx, count, qualifier) of counts in swap sentences that were not taken for releases
    ("the exchange is expected to involve A releasing 30"): a side when the "In return" release follows
    them and no release does (issue 22, class 2)."""
    releases = [r for r in rows if r[4] == "prisoner_release" and r[7] is not None]
    countries: dict[tuple[str, int], str | None] = {}  # (doc, side count) -> the swap's country, when known
    totals: dict[tuple[str, int], tuple[int, str]] = {}  # (doc, side count) -> (swap total, qualifier)
    known_sides = {doc: set(sides) for doc, sides in swap_sides.items()}
    by_doc = _by_doc(releases)
    for r in releases:
        if r[7] in known_sides.get(r[0], ()):
            continue  # "In return, 95 were handed over" after "95 for 95": a side of a swap already counted
        if not EXCHANGE_LEAD_RE.match(r[12]):
            first = _other_people_after_a_swap(r, by_doc[r[0]], known_sides.get(r[0], set()))
            if first:
                total = first[7] + r[7]
                qual = "exact" if first[8] == r[8] == "exact" else "at_least"
                totals[(r[0], first[7])] = totals[(r[0], r[7])] = (total, qual)
                swap_sides.setdefault(r[0], set()).update({first[7], r[7]})
            continue
        # the side before may be of the same count: "<name> was freed. In exchange, B freed <name>" (one for
        # one), "A freed 95. In return, B released 95" (95 each side)
        before = [p for p in by_doc[r[0]] if r[1] - SWAP_REACH_SENTENCES <= p[1] < r[1]
                  and not EXCHANGE_LEAD_RE.match(p[12])]
        if not before:  # the other side only told as hedged, in the sentence just before
            before = [(h[0], h[1], None, None, None, None, h[4], h[2], h[3]) for h in hedged
                      if h[0] == r[0] and h[1] == r[1] - 1 and h[2] != r[7]]
            if before:  # the side told first, by its state, leads the swap
                countries[(r[0], r[7])] = before[-1][6]
        if not before:
            continue
        first = before[-1]
        total = first[7] + r[7]
        qual = "exact" if first[8] == r[8] == "exact" else "at_least"
        totals[(r[0], first[7])] = totals[(r[0], r[7])] = (total, qual)
        swap_sides.setdefault(r[0], set()).update({first[7], r[7]})
    if not totals:
        return rows
    return [(*r[:6], countries.get((r[0], r[7]), r[6]) or r[6], *totals[(r[0], r[7])], *r[9:])
            if r[4] == "prisoner_release" and (r[0], r[7]) in totals else r for r in rows]


def _bare_total(sentence: str) -> int:
    """The largest total of a swap the sentence tells by its two sides' bare numbers ("1,000 for 1,000"), or 0."""
    best = 0
    for m in BARE_SWAP_RE.finditer(sentence):
        a = parse_number(m.group("a") or m.group("a2") or m.group("a3") or "")
        b = parse_number(m.group("b") or m.group("b2") or m.group("b3") or "")
        best = max(best, (a or 0) + (b or 0) if a and b else 0)
    return best


# an earlier swap recalled beside the one told ("in a swap last year", "previous exchanges", "in March 2024")
EARLIER_SWAP_RE = re.compile(
    r"\b(?:previous(?:ly)?|earlier|ago|last\s+(?:year|month|week|spring|summer|autumn|fall|winter)|(?:19|20)\d\d|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"separate(?:ly)?|another|since)\b", re.I)


def _stages_of_a_swap(rows: list[tuple]) -> list[tuple]:
    """A document telling a swap by its sides' numbers ("a 1,000 for 1,000 swap", "the exchange of 1,000 people
    for 1,000 people") tells its stages too ("the final 303 for the same number", "the exchange began with 390
    returned"): a smaller release in a swap sentence of that document, not set in the past, is a stage of the
    swap, not a swap of its own (issue 22, class 2)."""
    totals: dict[str, int] = {}
    for r in rows:
        if r[4] == "prisoner_release" and r[7] and "for" in r[12]:
            total = _bare_total(r[12])
            if total == r[7]:
                totals[r[0]] = max(totals.get(r[0], 0), total)
    if not totals:
        return rows
    return [r for r in rows if not (r[4] == "prisoner_release" and r[7] and r[7] < totals.get(r[0], 0)
                                    and SWAP_SENTENCE_RE.search(r[12]) and not _bare_total(r[12])
                                    and not EARLIER_SWAP_RE.search(r[12]))]


ROUND_MIN, ROUND_SLACK = 1000, 0.02


def _rounded_to_precise(rows: list[tuple], precise: dict[str, set[int]]) -> list[tuple]:
    """A round release count ("amnesty to 2,400 prisoners") beside one precise count of a release sentence of
    the same document within 2% ("2,412 inmates are to be set free", the official statement) is that
    figure rounded: the release takes the precise count (issue 22, class 11)."""
    if not precise:
        return rows
    out = []
    for r in rows:
        if r[4] == "prisoner_release" and r[7] and r[7] >= ROUND_MIN and r[7] % 100 == 0 and r[8] == "exact":
            near = [p for p in precise.get(r[0], ()) if abs(p - r[7]) <= ROUND_SLACK * p]
            if len(near) == 1:
                r = (*r[:7], near[0], *r[8:])
        out.append(r)
    return out


# An approximate release count and the same release told to the unit in another sentence of the document
# ("freed nearly 6,000 prisoners" ... "the amnesty included 5,774 prisoners"): the word before the number
# says on which side of it the exact figure lies (issue 22, class 11).
APPROX_BELOW = ("nearly", "almost", "close to", "just under", "up to")
APPROX_ABOVE = ("more than", "over", "upwards of", "in excess of", "at least", "no fewer than", "just over")
APPROX_AROUND = ("about", "around", "some", "roughly", "approximately", "an estimated")
APPROX_NUM_RE = re.compile(
    r"\b(?P<qual>" + "|".join(sorted(map(re.escape, APPROX_BELOW + APPROX_ABOVE + APPROX_AROUND), key=len, reverse=True))
    + r")\s+(?P<num>\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+|\d+)\b", re.I)
APPROX_MIN, APPROX_SLACK, AROUND_SLACK = 100, 0.1, 0.05


def _approx_window(sentence: str, count: int) -> tuple[float, float] | None:
    """The exact counts an approximate count of the sentence can stand for, by the word before its number."""
    for m in APPROX_NUM_RE.finditer(sentence):
        if parse_number(m.group("num")) != count:
            continue
        qual = m.group("qual").lower()
        if qual in APPROX_BELOW:
            return count * (1 - APPROX_SLACK), count - 1
        if qual in APPROX_ABOVE:
            return count + 1, count * (1 + APPROX_SLACK)
        return count * (1 - AROUND_SLACK), count * (1 + AROUND_SLACK)
    return None


def _approximate_to_unit(rows: list[tuple], told: dict[str, set[int]]) -> list[tuple]:
    """A release counted approximately ("nearly 4,000", "more than 9,000") whose document tells one count to
    the unit on the right side of it and within 10% ("the release of the 3 978 beneficiaries begins today",
    "the amnesty included 5,774 prisoners"), in a sentence of a release done or under way, is that release:
    it takes the exact count. Reports lead with the rounded figure and give the official one further on."""
    if not told:
        return rows
    out = []
    for r in rows:
        if r[4] == "prisoner_release" and r[7] and r[7] >= APPROX_MIN and r[8] in ("about", "at_least", "at_most") \
                and told.get(r[0]):
            window = _approx_window(r[12], r[7])
            near = [p for p in told[r[0]] if window and window[0] <= p <= window[1]]
            if len(near) == 1:
                r = (*r[:7], near[0], "exact", *r[9:])
        out.append(r)
    return out


# "a monitor added that three more prisoners were being freed": more of the release told before
MORE_RE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty)\s+more\b",
                     re.I)


def _by_doc(rows: list[tuple]) -> dict[str, list[tuple]]:
    """The rows of each document, in order: a rule comparing a row with the rows of its own document looks
    there, not through the whole batch (which made such rules quadratic in a batch's size)."""
    out: dict[str, list[tuple]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(r)
    return out


def _more_of_the_same(rows: list[tuple]) -> list[tuple]:
    """A release counted as "N more" after a release of the same document is part of it: every mention of
    either count becomes their sum (issue 22, class 3)."""
    releases = [r for r in rows if r[4] == "prisoner_release" and r[7] is not None]
    by_doc = _by_doc(releases)
    totals: dict[tuple[str, int], int] = {}
    for r in releases:
        if "more" not in folded(r[12]) or not MORE_RE.search(r[12]) or _set_apart(r[12]):
            continue
        before = [p for p in by_doc[r[0]] if p[1] < r[1] and p[7] != r[7] and p[8] == "exact"]
        if before and r[8] == "exact" and (r[0], r[7]) not in totals:
            first = totals.get((r[0], before[-1][7]), before[-1][7])
            totals[(r[0], before[-1][7])] = totals[(r[0], r[7])] = first + r[7]
    if not totals:
        return rows
    return [(*r[:7], totals[(r[0], r[7])], *r[8:]) if r[4] == "prisoner_release" and (r[0], r[7]) in totals else r
            for r in rows]


def _one_country_per_count(rows: list[tuple], strengths: dict[int, int]) -> list[tuple]:
    """Release mentions of one document with the same count are one release told again: they take one
    country, the one their sentences give most directly (a sentence naming who frees outweighs one that
    falls back on the document's country; then the most given, then the first), so that "24 freed" in
    the lead and "24 prisoners, 16 detained in Russia" stay one event (issue 22, class 3)."""
    given: dict[tuple[str, int], dict[str | None, tuple[int, int]]] = {}
    for i, r in enumerate(rows):
        if r[4] == "prisoner_release" and r[7] is not None and r[6] is not None:
            votes = given.setdefault((r[0], r[7]), {})
            strong, n = votes.get(r[6], (0, 0))
            votes[r[6]] = (max(strong, strengths.get(i, 1)), n + 1)
    chosen = {k: max(v, key=v.get) for k, v in given.items() if len(v) > 1}
    if not chosen:
        return rows
    return [(*r[:6], chosen[(r[0], r[7])], *r[7:]) if r[4] == "prisoner_release" and (r[0], r[7]) in chosen else r
            for r in rows]


# a date that tells when someone was taken or jailed ("arrested after October 7, 2023", "jailed in 2021") is
# not the date of the release the sentence reports (issue 22, class 5)
CAPTIVITY_BEFORE_RE = re.compile(
    r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|abduct(?:ed|ing)?|kidnapp(?:ed|ing)|jail(?:ed|ing)?|imprison(?:ed|ing)?|"
    r"sentenc(?:ed|ing)|convict(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing)|taken|held|since|attacks?|attacked)\b"
    r"[^.;,]{0,25}$", re.I)


# ... or the deed they were jailed for, however long its words ("pardoned nine leaders jailed for their role in the
# failed independence bid in 2017": the bid's year; issue 22, class 5)
CAPTIVITY_REASON_BEFORE_RE = re.compile(
    r"\b(?:arrested|detained|jailed|imprisoned|sentenced|convicted|prosecuted|tried)\s+(?:for|over)\s+"
    r"(?:(?!\b(?:releas\w*|freed|free|pardon\w*|exchang\w*|swap\w*|returned|were|was)\b)[^.;,]){0,90}$", re.I)


# ... or the day of a court's ruling or a charge before it ("<A>, who was acquitted on <date> by the Supreme Court, has
# been freed", "acquitted by the Supreme Court last week"): not the day of the release (issue 22, class 5)
TRIAL_BEFORE_RE = re.compile(
    r"\b(?:acquitt(?:ed|al)|overturned|quashed|charged|indicted|tried|convictions?\s+(?:was|were)\s+overturned)\b"
    r"(?:(?!\b(?:releas\w*|freed|free|pardon\w*|walked|left)\b)[^.;,]){0,40}$", re.I)


# a date inside a relative clause telling someone's past, no release told between ("Sweden freed X, an official who
# had been sentenced for killings in 1988"): when the person was tried or taken, not the release (issue 22, class 5)
_NO_RELEASE = r"(?:(?!\b(?:releas\w*|freed|free|pardon\w*|exchang\w*|swap\w*|returned)\b)[^.;])"
RELATIVE_PAST_BEFORE_RE = re.compile(
    rf"\b(?:who|whom|which)\s+(?:had\s+been|has\s+been|was|were|had)\s+{_NO_RELEASE}{{0,40}}?"
    rf"\b(?:arrest|sentenc|convict|jail|detain|accus|charg|imprison|captur|abduct|kidnap)\w*\b{_NO_RELEASE}*$", re.I)


# a weekday in the possessive names an occasion ("Thursday's holiday", "Sunday's vote"), which may lie ahead: it does
# not date a release
POSSESSIVE_RE = re.compile(r"['\u2019]s\b")


# a day told as the name of an occasion, between "the" (or a possessive) and its noun: "the March 24 election",
# "<country>'s 15 May vote", "the Jan. 6 attack" is that occasion's day, not the release's, unless the occasion is
# the release itself ("the May 7 release of ..."; issue 22, class 5: a release dated by the election it preceded)
ATTRIBUTIVE_BEFORE_RE = re.compile(r"(?:\bthe|['\u2019]s)\s+$", re.I)
ATTRIBUTIVE_NOUN_RE = re.compile(
    r"\s+(?!(?:release|pardon|amnest|swap|exchange|handover|freeing|liberation|prisoner|detainee|hostage)\w*\b)"
    r"(?-i:[a-z]{3,})\b(?!\s+(?:of|to|from)\s+(?:\d|the\s+\d))", re.I)

# a date after these words is one still to come, not the day of a release (issue 22, class 5)
_FUTURE_WORDS = (r"will|shall|prepar(?:es|ing)\s+to|plans?\s+to|planning\s+to|(?:is|are)\s+(?:expected|scheduled|due|set)\s+to|"
                 r"upcoming|forthcoming")
FUTURE_BEFORE_RE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b[^.;]{{0,50}}$", re.I)
# ... however far before its day, in a lead sentence ("<they> are expected to be received by <a long title> in <city>
# on Sunday"): the lead's day of such a sentence dates nothing done
FUTURE_CLAUSE_RE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b[^.;]*$", re.I)


# a date before "announced an initiative / a plan to release": the day a release was promised, not the day it came
# ("On <date>, the council announced a humanitarian initiative to release N"; issue 22, class 5)
PLAN_AFTER_RE = re.compile(
    r"[^.;]{0,60}?\b(?:announced|unveiled|proposed|launched|put\s+forward)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:initiative|plan|proposal|offer)\s+to\s+(?:release|free|pardon|swap|exchange)\b", re.I)


# a date a war or an uprising began on is not a release's ("since the invasion began in February 2022")
CONFLICT_START_BEFORE_RE = re.compile(
    r"\b(?:war|invasion|conflict|fighting|offensive|hostilities|uprising|protests?|crisis|occupation)\s+"
    r"(?:began|started|erupted|broke\s+out)\s*$", re.I)


# a clause telling the release after the main clause's own date: "<body> decided it earlier this month after <A>
# released several prisoners in August of 2015" (no comma inside: "On Monday, after talks, <A> freed" is one clause)
AFTER_RELEASE_CLAUSE_RE = re.compile(r"\b(?:after|since|once|when)\s+[^,;:]{0,60}?" + RELEASE_RE.pattern.split("\\b", 1)[1],
                                     re.I)


def _date_of_a_later_release_clause(sentence: str, m: re.Match) -> bool:
    """Whether date `m` belongs to a main clause that tells no release, whose "after <A> released ..." clause right
    after gives a date of its own, more than a bare year (issue 22, class 5): that later date is the release's."""
    if RELEASE_RE.search(sentence, 0, m.start()):
        return False  # "<A> freed 12 on Friday after ...": the release is the main clause's, and so is its day
    clause = AFTER_RELEASE_CLAUSE_RE.search(sentence, m.end())
    if not clause or clause.start() - m.end() > 60:
        return False
    later = DATE_RE.search(sentence, clause.end(), clause.end() + 80)
    return bool(later and not later.group("y_year"))  # a bare year further on may be anything's ("a deal of 2015")


def _inside_quotation(sentence: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation ("today" said by someone quoted is the day they spoke, which the page's
    date need not be; issue 22, class 5)."""
    before = sentence[:pos]
    return before.rfind("\u201c") > before.rfind("\u201d") or before.count('"') % 2 == 1


def release_date_match(sentence: str) -> re.Match | None:
    """The DATE_RE match that dates a sentence's release: the first not about someone's captivity, a day
    or month before a bare year ("jailed in 2020, he was freed on Monday": Monday), neither a day still to
    come ("next Tuesday") nor the page's date line the sentence opens with ("date 2026-03-03 ...")."""
    first_year = None
    for m in DATE_RE.finditer(sentence):
        if CAPTIVITY_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start()) \
                or CAPTIVITY_REASON_BEFORE_RE.search(sentence, max(0, m.start() - 120), m.start()) \
                or TRIAL_BEFORE_RE.search(sentence, max(0, m.start() - 50), m.start()) \
                or (RELATIVE_PAST_BEFORE_RE.search(sentence, max(0, m.start() - 200), m.start())
                    and not sentence[:m.start()].rstrip().endswith(",")):  # ", in 2019": the main clause's again
            continue
        if (m.group("rel") or m.group("ago")) and _inside_quotation(sentence, m.start()):
            continue  # '"Today, 82 more were released," the statement of Saturday said': the speaker's day, not the page's
        if m.group("wd_next") or (m.start() < 40 and is_date_stamp(sentence, m)):
            continue  # "(next Tuesday)" is still to come; "date 2026-03-03 ..." is the page's date line
        if m.group("weekday") and POSSESSIVE_RE.match(sentence, m.end()):
            continue  # "to mark Thursday's holiday", "ahead of Sunday's vote": an occasion's day, past or to come
        if (m.group("md_month") or m.group("dm_day")) and ATTRIBUTIVE_BEFORE_RE.search(sentence, max(0, m.start() - 12),
                                                                                m.start()) \
                and ATTRIBUTIVE_NOUN_RE.match(sentence, m.end()):
            continue  # "in the March 24 election": the occasion's day
        if FUTURE_BEFORE_RE.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "as he prepares to run for a new term in October": a day still to come
        if CONFLICT_START_BEFORE_RE.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "since the full-scale invasion began in February 2022": when a war began
        if PLAN_AFTER_RE.match(sentence, m.end()):
            continue  # "On <date>, ... announced an initiative to release": the day of a promise
        if _date_of_a_later_release_clause(sentence, m):
            continue  # "decided earlier this month after <A> released ... in August of 2015": the later date
        if m.group("y_year"):
            first_year = first_year or m
            continue
        if m.group("weekday"):
            # "on Thursday, 24 January 2018", "Monday, November 13": the weekday's own date, told right after it
            told = WEEKDAY_DATE_AFTER_RE.match(sentence, m.end())
            own = told and DATE_RE.match(sentence, told.end())
            if own and (own.group("md_day") or own.group("dm_day")):
                return own
        return m
    return first_year


WEEKDAY_DATE_AFTER_RE = re.compile(r",?\s+(?:the\s+)?")


def _sentence_events(sentence: str, may_count: bool, is_type: tuple[bool, ...], may_date: bool = True
                     ) -> tuple[list[tuple], list[tuple], list[str], re.Match | None, tuple[int, ...]]:
    """(releases, tallies, other event types, date match, swap side counts) of one sentence: depends on
    the text alone, so a sentence repeated across documents is analysed once."""
    releases, tallies, sides = release_parts(sentence) if may_count else ([], [], ())
    types = [t for (t, pattern), candidate in zip(OTHER_EVENT_PATTERNS.items(), is_type)
             if candidate and pattern.search(sentence)]
    date = release_date_match(sentence) if may_date and (releases or types) else None
    return releases, tallies, types, date, sides


# the headline and the first sentences: a day they name ("on Saturday") is the day of the news they lead with
LEAD_SENTENCES = 3
FIRST_RELEASE_SENTENCES = 6  # a document's first release sentence up to here is the lead's news told again
LEAD_DAY_RE = re.compile(r"\b(?:(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                         # "the ministry announced Wednesday": a reporting verb before the bare day
                         r"(?:announced|said|confirmed|reported|released|freed|pardoned)\s+(?:late\s+|early\s+)?"
                         r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                         r"yesterday|today)\b", re.IGNORECASE)
# a lead pushed down by page furniture (a date line, a caption, an embedded post) still tells the release's day a
# few sentences on, beside the release verb: "was freed from jail Tuesday", "were released on Friday", "reached
# home Friday"
LEAD_RELEASE_DAY_RE = re.compile(
    r"\b(?:released|freed|pardoned|set\s+free|walked\s+free|(?:reached|returned|arrived|came)\s+home)\s+"
    r"(?:from\s+(?:\w+\s+){0,2}?(?:prison|jail|custody|detention)\s+)?"
    r"(?:late\s+|early\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)


def _states_date(sentence: str, date) -> bool:
    """Whether a sentence spells out `date` in full (day, month name and year, either order).

    >>> import datetime as dt
    >>> _states_date("Written on Sunday, 18 October 2026, by the editors.", dt.date(2026, 10, 18))
    True
    >>> _states_date("Officials said late on Sunday that 23 were freed.", dt.date(2026, 10, 18))
    False
    """
    if date is None or str(date.year) not in sentence:
        return False
    month = date.strftime("%B")
    pattern = (rf"\b{date.day}(?:st|nd|rd|th)?\s+(?:{month}|{month[:3]}\.?)\s+{date.year}\b|"
               rf"\b(?:{month}|{month[:3]}\.?)\s+{date.day}(?:st|nd|rd|th)?,?\s+{date.year}\b")
    return re.search(pattern, sentence) is not None


# a relative clause telling another happening, with no release word between its pronoun and a date ("accused of
# inciting unrest in the wake of protests that turned violent in July 2014"): the date is that happening's
OTHER_CLAUSE_BEFORE_RE = re.compile(rf"\b(?:that|which|who|when)\s+{_NO_RELEASE}{{0,60}}$", re.I)


def _lead_dates(sentences: pl.DataFrame, published: dict) -> dict[str, tuple]:
    """doc_id -> (date_text, date, precision) of the first weekday or 'yesterday/today' in its lead, resolved
    against its publication date; for a document without one, the full date (with its year) of the first lead
    sentence telling a release done."""
    lead = sentences.filter((pl.col("sent_idx") <= FIRST_RELEASE_SENTENCES)
                            & pl.col("sentence").str.contains(r"(?i)day\b")
                            & pl.col("doc_id").is_in([d for d, p in published.items() if p is not None]))
    out: dict[str, tuple] = {}
    for doc_id, sent_idx, sentence in lead.sort("doc_id", "sent_idx").select("doc_id", "sent_idx", "sentence").iter_rows():
        if doc_id in out:
            continue
        if sent_idx <= LEAD_SENTENCES:
            day = LEAD_DAY_RE.search(sentence) or LEAD_RELEASE_DAY_RE.search(sentence)
        else:  # further on, only a day told beside a release verb, of a release told as done and not recalled
            day = LEAD_RELEASE_DAY_RE.search(sentence)
            if day and (BACKGROUND_RE.search(sentence) or _plans_ahead(sentence) or release_parts(sentence)[0]):
                continue  # a release it counts is one of its own ("Two journalists were freed Monday in another case")
        if day and _states_date(sentence, published.get(doc_id)):
            continue  # "Written on Sunday, 18 October 2026": the page's own date line, not the news's day
        if day and day.group().lower() in ("today", "yesterday") and _inside_quotation(sentence, day.start()):
            continue  # a quoted speaker's "today": the day they spoke
        if day and FUTURE_CLAUSE_RE.search(sentence, 0, day.start()):
            continue  # "<they> are expected to be received by the president on Sunday": a day still to come
        if day:
            found = date_of_match(DATE_RE.search(sentence, day.start()), published.get(doc_id))
            if found[1] is not None:
                out[doc_id] = found
    # a page without a publication date: a lead sentence telling a release done on a date with its year ("...
    # each side freed 300 over June 6-8, 2024") dates the release the headline tells (issue 22, class 5)
    undated = sentences.filter((pl.col("sent_idx") <= LEAD_SENTENCES)
                               & ~pl.col("doc_id").is_in([d for d, p in published.items() if p is not None])
                               & pl.col("sentence").str.contains(r"(?:19|20)\d\d"))
    for doc_id, sentence in undated.sort("doc_id", "sent_idx").select("doc_id", "sentence").iter_rows():
        if doc_id in out or not RELEASE_RE.search(sentence) or BACKGROUND_RE.search(sentence) \
                or _plans_ahead(sentence):
            continue
        m = release_date_match(sentence)
        if m is not None and OTHER_CLAUSE_BEFORE_RE.search(sentence, max(0, m.start() - 80), m.start()):
            continue  # "... in the wake of protests that turned violent in July 2014": another event's date
        if m is not None and any(m.group(g) for g in ("iso", "md_year", "dm_year", "m_year")):
            found = date_of_match(m, None)
            if found[1] is not None:
                out[doc_id] = found
    return out


def _own_weekday_after(own: re.Match | None, published, lead: tuple) -> tuple:
    """The lead's (date_text, date, precision) for a release of a page without a publication date, unless the
    release's own sentence names a bare weekday: then that weekday, the first on or after the lead's full date (the
    page's news is no older than the dates it states, and its own day outranks one borrowed from another sentence).
    "... pardoned the writer, the presidency said Wednesday. It had received the request on Monday, 3 March 2025" ->
    Wednesday 5 March 2025, not the day of the request (issue 22, class 5).

    >>> import datetime as dt
    >>> own = DATE_RE.search("The council freed the writer, its office said Wednesday.")
    >>> _own_weekday_after(own, None, ("3 March 2025", dt.date(2025, 3, 3), "day"))
    ('Wednesday', datetime.date(2025, 3, 5), 'day')
    >>> _own_weekday_after(None, None, ("3 March 2025", dt.date(2025, 3, 3), "day"))
    ('3 March 2025', datetime.date(2025, 3, 3), 'day')
    """
    date_text, date, precision = lead
    if published is not None or own is None or not own.group("weekday") or own.group("wd_next") \
            or date is None or precision != "day":
        return lead
    weekday = WEEKDAYS[own.group("weekday").lower()]
    return own.group("weekday"), date + dt.timedelta(days=(weekday - date.weekday()) % 7), "day"


def _sentences_beside(rows: list[tuple], idx, sentences: pl.DataFrame, offset: int) -> dict[tuple, str]:
    """(doc_id, sent_idx) -> text of the sentence `offset` away (-1 before, +1 after) from each of rows[idx]."""
    wanted = pl.DataFrame({"doc_id": [rows[i][0] for i in idx], "sent_idx": [rows[i][1] + offset for i in idx]},
                          schema={"doc_id": pl.String, "sent_idx": sentences.schema["sent_idx"]}).unique()
    return dict(((d, i), t) for d, i, t in wanted.join(sentences.select("doc_id", "sent_idx", "sentence"),
                                                       on=["doc_id", "sent_idx"]).iter_rows())


def _dated_by_the_sentence_before(rows: list[tuple], undated_named: dict[int, str], sentences: pl.DataFrame,
                                  published: dict) -> list[tuple]:
    """An undated release of one named person takes the date of the sentence just before it when that sentence
    names the person: "Also today, judges cut <name>'s prison term. <Surname> was released hours
    later" (issue 22, class 5)."""
    before = _sentences_beside(rows, undated_named, sentences, -1)
    out = list(rows)
    for i, name in undated_named.items():
        r = rows[i]
        prev = before.get((r[0], r[1] - 1))
        if not prev or not re.search(rf"\b{re.escape(name)}\b", prev):
            continue
        date_text, date, precision = date_of_match(release_date_match(prev), published.get(r[0]))
        if date is not None:
            out[i] = (*r[:9], date_text, date, precision, r[12])
    return out


# a sentence opening on a time the sentence before gave: "Then, five ... returned home", "On that day, ..."
THEN_OPENER_RE = re.compile(r"^\W*(?:then|at\s+that\s+time|at\s+the\s+(?:same\s+)?time|on\s+that\s+(?:day|date|occasion)|that\s+day|"
                            r"in\s+addition)\s*,", re.I)
# ... or names that day anywhere in it: "Though <A> denied a swap took place on that occasion, sources said four
# prisoners were freed" (a recalled release told after its dated sentence; issue 22, class 4/5)
THAT_OCCASION_RE = re.compile(r"\bon\s+that\s+(?:day|date|occasion)\b", re.I)


def _dated_by_then(rows: list[tuple], sentences: pl.DataFrame, published: dict) -> list[tuple]:
    """An undated release whose sentence opens on "Then," / "On that day," (or says "on that occasion" anywhere) takes
    the date of the sentence before:
    "The last exchange took place on <date>. Then, five prisoners returned home" (issue 22, class 5)."""
    undated = [i for i, r in enumerate(rows) if r[4] == "prisoner_release" and r[10] is None
               and (THEN_OPENER_RE.match(r[12]) or THAT_OCCASION_RE.search(r[12]))]
    if not undated:
        return rows
    before = _sentences_beside(rows, undated, sentences, -1)
    # a release the sentence before tells, dated by a rule of its own ("On the first day of the truce, ...")
    dated_before = {(r[0], r[1]): (r[9], r[10], r[11]) for r in rows if r[4] == "prisoner_release" and r[10] is not None}
    out = list(rows)
    for i in undated:
        r = rows[i]
        prev = before.get((r[0], r[1] - 1))
        if not prev or _plans_ahead(prev):
            continue
        date_text, date, precision = dated_before.get((r[0], r[1] - 1)) or date_of_match(
            release_date_match(prev), published.get(r[0]))
        if date is not None:
            out[i] = (*r[:9], date_text, date, precision, r[12])
    return out


# the sentence after a release that tells when "they", "the pardoned detainees", "those freed" walked out
BACK_REFERENCE_RE = re.compile(
    r"^(?:[^,]{0,60},\s+)?(?:they|the(?:se|y)?\s+(?:[a-z]+\s+){0,2}(?:prisoners|detainees|inmates|activists|captives)|"
    r"those\s+(?:freed|released|pardoned))\b[^.;]{0,40}?\b(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:released|freed|set\s+free|let\s+go)\b", re.I)


def _dated_by_the_sentence_after(rows: list[tuple], sentences: pl.DataFrame, published: dict) -> list[tuple]:
    """An undated release with a count takes the date of the next sentence when that sentence tells, of the
    same people named again only by a pronoun or a definite noun, when they were let out: "The president
    decided to pardon 40 detainees. The pardoned detainees were released on Wednesday evening" (issue 22,
    class 5)."""
    undated = [i for i, r in enumerate(rows) if r[4] == "prisoner_release" and r[10] is None and r[7] is not None]
    if not undated:
        return rows
    after = _sentences_beside(rows, undated, sentences, 1)
    out = list(rows)
    for i in undated:
        r = rows[i]
        nxt = after.get((r[0], r[1] + 1))
        if not nxt or not BACK_REFERENCE_RE.search(nxt):
            continue
        date_text, date, precision = date_of_match(release_date_match(nxt), published.get(r[0]))
        if date is not None:
            out[i] = (*r[:9], date_text, date, precision, r[12])
    return out


# a release sentence that recalls an earlier release rather than telling the page's news: "had freed",
# "were released earlier", "previously", "last year", "a similar swap", "the last major exchange"
BACKGROUND_RE = re.compile(
    r"\b(?:had\s+(?:been\s+|also\s+)?(?:released|freed|pardoned|exchanged|swapped|set\s+free|returned|handed)|"
    r"previous(?:ly)?|earlier\s+(?:releases?|swaps?|exchanges?|pardons?|amnest(?:y|ies)|this\s+year|in)|"
    r"last\s+(?:year|month|major|time)|years?\s+ago|months?\s+ago|(?:another|an\s+earlier|a\s+similar|a\s+previous)\s+"
    r"(?:release|swap|exchange|pardon|amnesty|deal)|since\s+(?:19|20)\d\d|so\s+far|in\s+total|a\s+total\s+of\s+\d[\d,]*\s+"
    r"(?:\w+\s+){0,3}(?:since|through|over))\b", re.I)


@lru_cache(maxsize=20_000)  # several rules ask of the same sentence (13.5k calls for 5.9k sentences on 1.5k documents)
def _plans_ahead(sentence: str) -> bool:
    """Whether a sentence names a day still to come ("next Tuesday", "prepares to ... in October"): what it
    tells may be a plan, which the publication date does not date."""
    return any(m.group("wd_next") or FUTURE_BEFORE_RE.search(sentence, max(0, m.start() - 60), m.start())
               for m in DATE_RE.finditer(sentence))


YEAR_DATE_GROUPS = ("iso", "md_year", "dm_year", "m_year", "y_year")


def _latest_stated_dates(sentences: pl.DataFrame, docs: set[str]) -> dict[str, object]:
    """doc_id -> the start of the latest past date with a year its text states ("arrested in November
    2022": 2022-11-01), for `docs`: the news a page reports is no older than what it recalls. Dates still
    to come ("will vote in 2027") do not count."""
    out: dict[str, object] = {}
    if not docs:
        return out
    found = sentences.filter(pl.col("doc_id").is_in(list(docs)) & pl.col("sentence").str.contains(r"(?:19|20)\d\d"))
    for doc_id, sentence in found.select("doc_id", "sentence").iter_rows():
        for m in DATE_RE.finditer(sentence):
            if not any(m.group(g) for g in YEAR_DATE_GROUPS):
                continue
            if FUTURE_BEFORE_RE.search(sentence, max(0, m.start() - 60), m.start()):
                continue
            date, _ = resolve_date(m, None)
            if date is not None and (doc_id not in out or date > out[doc_id]):
                out[doc_id] = date
    return out


def _lead_tells_a_release(sentences: pl.DataFrame, docs: set[str]) -> set[str]:
    """The documents of `docs` whose headline or lead (up to LEAD_SENTENCES) tells a release done, not recalled nor
    planned."""
    if not docs:
        return set()
    lead = sentences.filter(pl.col("doc_id").is_in(list(docs)) & (pl.col("sent_idx") <= LEAD_SENTENCES))
    return {d for d, sentence in lead.select("doc_id", "sentence").iter_rows()
            if RELEASE_RE.search(sentence) and not BACKGROUND_RE.search(sentence) and not _plans_ahead(sentence)
            and not any(is_hypothetical(sentence, t.start()) for t in RELEASE_RE.finditer(sentence))}


def _dated_by_the_page(rows: list[tuple], published: dict, sentences: pl.DataFrame) -> list[tuple]:
    """Each row with its date_source and not_before. A release a document reports as its own news and no
    sentence dates is dated by the document's publication date ('published'): the first release the
    document tells, when it comes in the headline or lead (up to FIRST_RELEASE_SENTENCES), and the same
    count told again further on. A release the page recalls in background (a sentence about earlier
    releases) is never dated by the page, nor one whose sentence names a day still to come. In a document
    without a publication date such a release stays undated, but is no older than the latest past date the
    document states (not_before: resolution keeps it out of an event dated long before; issue 22, class 5, 6)."""
    first: dict[str, int] = {}
    for r in rows:
        if r[4] == "prisoner_release" and (r[0] not in first or r[1] < first[r[0]]):
            first[r[0]] = r[1]
    # a page whose lead tells a release it does not count ("The release of A allowed the release of B") counts it
    # further down: its first counted release is that news told in detail, wherever it comes
    late = {d for d, i in first.items() if i > FIRST_RELEASE_SENTENCES and published.get(d) is not None}
    told_in_lead = _lead_tells_a_release(sentences, late)
    lead_counts: dict[str, set] = {}
    for r in rows:
        if (r[4] == "prisoner_release" and r[1] == first[r[0]]
                and (r[1] <= FIRST_RELEASE_SENTENCES or (r[0] in told_in_lead and not _set_apart(r[12])))
                and not BACKGROUND_RE.search(r[12])):
            lead_counts.setdefault(r[0], set()).add(r[7])

    def own_news(r: tuple) -> bool:  # an undated release the page leads with, told as done
        return (r[4] == "prisoner_release" and r[10] is None and r[7] in lead_counts.get(r[0], ())
                and not BACKGROUND_RE.search(r[12]) and not _plans_ahead(r[12]))

    floors = _latest_stated_dates(sentences, {r[0] for r in rows if published.get(r[0]) is None and own_news(r)})
    out = []
    for r in rows:
        if r[10] is not None:
            out.append((*r, "sentence", None))
        elif own_news(r) and published.get(r[0]) is not None:
            if r[9] is not None:  # a date the text gives, left undated against the publication date: to come
                out.append((*r, None, None))
                continue
            out.append((*r[:10], published[r[0]], "day", r[12], "published", None))
        elif own_news(r):
            out.append((*r, None, floors.get(r[0])))
        else:
            out.append((*r, None, None))
    return out


# "In return, the other state agreed to free unnamed <demonym> citizens", "freed in exchange for <demonym> nationals":
# the other side of a swap, its number not said (issue 22, class 2)
UNCOUNTED_SIDE_RE = (r"(?i)\bin\s+(?:exchange|return)(?:\s+for|,)\s+(?:[a-z\s]{0,40}?\b(?:release|free)\s+)?"
                     r"(?:the\s+release\s+of\s+)?(?:unidentified\s+|unnamed\s+|several\s+|some\s+)?"
                     r"(?P<demonym>[A-Z][a-z]+)\s+(?:nationals|citizens|prisoners|detainees)\b")
SWAP_SENTENCE_RE = re.compile(r"\b(?:swap\w*|exchang\w*)\b", re.I)
ANOTHER_SWAP_RE = re.compile(r"\b(?:another|separate(?:ly)?|previous(?:ly)?|earlier|last\s+year)\b", re.I)


# "... did not name the citizens but said they were exchanged for <Full Name>": the other side of the release told
# just before, in a sentence of its own that refers back to the freed (issue 22, class 2)
THEY_SWAPPED_FOR_RE = re.compile(
    r"\b(?:they|the(?:se|y)?\s+(?:[\w\-]+\s+){0,2}?(?:[a-z]+s))\s+(?:were|had\s+been|have\s+been)\s+"
    r"(?:exchanged|swapped|traded)\s+for\s+(?:the\s+(?:release|freedom)\s+of\s+)?")
THEY_SWAPPED_REACH = 2


def _swapped_for_one_after(rows: list[tuple], sentences: pl.DataFrame) -> list[tuple]:
    """A counted release followed, within two sentences, by "they were exchanged for <one person>" (a name, "a
    <demonym> pilot") is a swap of one more: the total counts both sides (as "ten Americans in exchange for
    <name>" does in one sentence)."""
    from flows.extraction.count_swaps import ONE_SIDE_RE

    found = sentences.filter(pl.col("sentence").str.contains(r"(?:exchanged|swapped|traded)\s+for\b")) \
        .select("doc_id", "sent_idx", "sentence")
    if found.is_empty():
        return rows
    totals: dict[tuple[str, int], int] = {}
    by_doc = _by_doc([r for r in rows if r[4] == "prisoner_release"])
    for doc_id, sent_idx, sentence in found.iter_rows():
        m = THEY_SWAPPED_FOR_RE.search(sentence)
        if not m or not ONE_SIDE_RE.match(sentence, m.end()):
            continue
        mine = by_doc.get(doc_id, [])
        own = [r for r in mine if r[1] == sent_idx]
        before = [r for r in mine if r[7] and r[8] == "exact" and sent_idx - THEY_SWAPPED_REACH <= r[1] < sent_idx]
        if own or not before:
            continue
        last = before[-1]
        totals[(doc_id, last[7])] = last[7] + 1
    if not totals:
        return rows
    return [(*r[:7], totals[(r[0], r[7])], *r[8:]) if r[4] == "prisoner_release" and (r[0], r[7]) in totals else r
            for r in rows]


def _uncounted_other_side(rows: list[tuple], sentences: pl.DataFrame) -> list[tuple]:
    """A document telling a swap whose other side is people of another nationality, their number not said:
    its releases told as the swap (in a swap sentence, or of the same count) are at least their count, not
    exactly it ("four citizens of one state for an unstated number of another's")."""
    found = sentences.filter(pl.col("sentence").str.contains(UNCOUNTED_SIDE_RE)).select("doc_id", "sentence")
    if found.is_empty():
        return rows
    sides: dict[str, set[str]] = {}
    for doc_id, sentence in found.iter_rows():
        m = re.search(UNCOUNTED_SIDE_RE, sentence)
        if m and m.group("demonym").lower() in demonyms():
            sides.setdefault(doc_id, set()).add(m.group("demonym").lower())
    if not sides:
        return rows

    def other_nationality(r: tuple) -> bool:  # the sentence counts people who are not the other side's
        return not any(re.search(rf"\b{d}", r[12], re.I) for d in sides[r[0]]) and not ANOTHER_SWAP_RE.search(r[12])

    swapped = {(r[0], r[7]) for r in rows if r[4] == "prisoner_release" and r[0] in sides and r[7] and r[8] == "exact"
               and SWAP_SENTENCE_RE.search(r[12]) and other_nationality(r)}
    return [(*r[:8], "at_least", *r[9:]) if r[4] == "prisoner_release" and (r[0], r[7]) in swapped
            and r[8] == "exact" and other_nationality(r) else r for r in rows]


# "A has begun releasing <demonym> prisoners hours after B freed three hostages": both sides in one sentence, one
# of them not counted there; a sentence soon after counts it ("183 prisoners are being freed") (issue 22, class 2)
UNCOUNTED_SIDE_HERE_RE = re.compile(
    r"\b(?:releas(?:e|es|ed|ing)|free(?:s|d|ing)?)\s+(?:a\s+group\s+of\s+|some\s+)?(?P<who>[A-Z][a-z]+)\s+"
    r"(?P<noun>prisoners|detainees|captives|hostages)\b(?![^.;]{0,20}\d)")
COUNTED_LATER_RE = (r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?(?P<noun>prisoners|detainees|captives|hostages)\s+"
                    r"(?:are|were|have\s+been|will\s+be|is|was)\s+(?:being\s+|set\s+to\s+be\s+|due\s+to\s+be\s+|to\s+be\s+)?"
                    r"(?:released|freed)\b")
UNCOUNTED_SIDE_REACH = 3


def _uncounted_side_counted_soon(rows: list[tuple], sentences: pl.DataFrame) -> list[tuple]:
    """A release sentence telling a counted side and the other actor's uncounted side ("releasing <demonym>
    prisoners ... after B freed three hostages"), then, within three sentences, that side's count ("183 prisoners are
    being freed", "are set to be released"): one swap of both counts."""
    from flows.extraction.count_numbers import STATELESS_PEOPLES

    heads = [r for r in rows if r[4] == "prisoner_release" and r[7] and r[8] == "exact"
             and UNCOUNTED_SIDE_HERE_RE.search(r[12])]
    if not heads:
        return rows
    later = sentences.filter(pl.col("doc_id").is_in([r[0] for r in heads])
                             & pl.col("sentence").str.contains(COUNTED_LATER_RE)).select("doc_id", "sent_idx", "sentence")
    counted: dict[str, list[tuple[int, str, int]]] = {}
    for doc_id, sent_idx, sentence in later.iter_rows():
        for m in re.finditer(COUNTED_LATER_RE, sentence):
            counted.setdefault(doc_id, []).append((sent_idx, m.group("noun").lower(), int(m.group("num").replace(",", ""))))
    totals: dict[tuple[str, int], int] = {}
    for r in heads:
        m = UNCOUNTED_SIDE_HERE_RE.search(r[12])
        who = m.group("who").lower()
        if who not in demonyms() and who not in STATELESS_PEOPLES:
            continue
        found = [c for i, noun, c in counted.get(r[0], []) if r[1] <= i <= r[1] + UNCOUNTED_SIDE_REACH
                 and noun == m.group("noun").lower() and c != r[7]]
        if len(set(found)) == 1 and (r[0], r[7]) not in totals:
            totals[(r[0], r[7])] = totals[(r[0], found[0])] = r[7] + found[0]
    if not totals:
        return rows
    return [(*r[:7], totals[(r[0], r[7])], *r[8:]) if r[4] == "prisoner_release" and (r[0], r[7]) in totals else r
            for r in rows]


# a post embedded in a page, signed by its account and dated: "— Red Cross (@redcross) April 14, 2023"
EMBEDDED_POST_RE = re.compile(
    r"\(@\w{1,30}\)\s+(?P<md_month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?P<md_day>[12]\d|3[01]|0?[1-9]),\s+(?P<md_year>(?:19|20)\d{2})\b")


def _embedded_post_dates(sentences: pl.DataFrame, docs: set) -> dict[str, object]:
    """doc_id -> the latest date of a post the page embeds ("<name> (@account) April 14, 2023"), for `docs` (pages
    that state no publication date of their own). A page quotes the posts of its news, so it came out on or soon
    after the latest: its relative days ("on Friday") and the news it leads with are read against that date
    (issue 22, class 5)."""
    out: dict[str, object] = {}
    if not docs:
        return out
    found = sentences.filter(pl.col("doc_id").is_in(list(docs)) & pl.col("sentence").str.contains(r"\(@\w+\)"))
    for doc_id, sentence in found.select("doc_id", "sentence").iter_rows():
        for m in EMBEDDED_POST_RE.finditer(sentence):
            try:
                date = dt.date(int(m.group("md_year")), MONTHS[m.group("md_month").lower()], int(m.group("md_day")))
            except ValueError:
                continue
            if doc_id not in out or date > out[doc_id]:
                out[doc_id] = date
    return out


# "On the first day of the ceasefire, ... released N": the day a period the page dates began, counted on
ORDINAL_DAY_RE = re.compile(
    r"\bthe\s+(?P<nth>first|second|third|fourth|fifth|sixth|seventh|\d{1,2}(?:st|nd|rd|th))\s+day\s+of\s+(?:the|this|a)\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<noun>ceasefire|cease-fire|truce|pause|deal|agreement|exchange|swap|release)s?\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
# where the page tells when that period began: "the ceasefire took effect at 7:00 a.m. on November 24"
PERIOD_BEGAN_RE = re.compile(
    r"\b(?:took|takes|went|goes|came|comes)\s+(?:into\s+)?(?:effect|force)\b|\b(?:began|started|begun|kicked\s+off)\b", re.I)
ORDINAL_DAY_REACH = 5


def _dated_by_the_period_begun(rows: list[tuple], sentences: pl.DataFrame, published: dict) -> list[tuple]:
    """An undated release told on "the first (second ...) day of the ceasefire / truce / deal" takes the day that
    period began, which a sentence up to ORDINAL_DAY_REACH before tells ("The ceasefire took effect ... on November
    24"), counted on by its ordinal (issue 22, class 5)."""
    wanted = [i for i, r in enumerate(rows) if r[4] == "prisoner_release" and r[10] is None
              and ORDINAL_DAY_RE.search(r[12])]
    if not wanted:
        return rows
    docs = {rows[i][0] for i in wanted}
    before = sentences.filter(pl.col("doc_id").is_in(list(docs)) & pl.col("sentence").str.contains(
        r"(?i)\b(?:effect|force|began|started|begun|kicked)\b"))
    began: dict[str, list[tuple]] = {}
    for doc_id, sent_idx, sentence in before.select("doc_id", "sent_idx", "sentence").iter_rows():
        began.setdefault(doc_id, []).append((sent_idx, sentence))
    out = list(rows)
    for i in wanted:
        r = rows[i]
        m = ORDINAL_DAY_RE.search(r[12])
        nth = _ORDINALS.get(m.group("nth").lower()) or int(re.match(r"\d+", m.group("nth")).group())
        noun = m.group("noun").lower().replace("-", "")[:5]
        for sent_idx, sentence in sorted(began.get(r[0], []), reverse=True):
            if not (r[1] - ORDINAL_DAY_REACH <= sent_idx < r[1]):
                continue
            for b in PERIOD_BEGAN_RE.finditer(sentence):
                if noun not in sentence[:b.start()].lower().replace("-", ""):
                    continue  # the period named before its verb: "The ceasefire took effect"
                d = DATE_RE.search(sentence, b.end())
                date_text, date, precision = date_of_match(d, published.get(r[0]))
                if date is not None and precision == "day":
                    day = date + dt.timedelta(days=nth - 1)
                    if published.get(r[0]) is None or day <= published[r[0]]:
                        out[i] = (*r[:9], m.group(0), day, "day", r[12])
                    break
            else:
                continue
            break
    return out


# a swap told in a release's sentence or beside it: "in exchange for", "a prisoner swap", "traded", "in return"
SWAP_CUE_RE = re.compile(r"\b(?:swap\w*|exchang\w*|traded|trade|in\s+return|each\s+(?:side\s+)?(?:released|freed|releasing|freeing))\b", re.I)


def _named_states(sentence: str) -> list[str]:
    """Countries a sentence names (by name, capital or demonym), in order, once each; where the freed were flown
    and who mediated are left out (they are no side of a swap)."""
    for rx in (DESTINATION_RE, MEDIATOR_RE):
        if rx.search(sentence):
            sentence = rx.sub(lambda m: " " * len(m.group(0)), sentence)
    return list(dict.fromkeys(c for c, _ in sentence_places(sentence)))


def _swap_counterparts(rows: list[tuple], sentences: pl.DataFrame) -> list[tuple]:
    """Each row with its `counterparts`: for a counted release told as (part of) a swap -- a swap word in its
    sentence, else in the sentence just before or after it in its document -- the other states its sentence
    names, else (none named there) those the sentences beside it name (the swap's sentence, when the release's
    has no swap word), the releasing country left out; null for any other row. One swap is told by one outlet
    as a release by A and by another as a release by B: resolution joins a release of A whose counterparts hold
    B with B's release of the same count (issue 22, class 2)."""
    idx = [i for i, r in enumerate(rows) if r[4] == "prisoner_release" and r[7] is not None]
    beside = [_sentences_beside(rows, idx, sentences, off) if idx else {} for off in (-1, 1)]
    found: dict[int, list[str]] = {}
    for i in idx:
        r = rows[i]
        cued = SWAP_CUE_RE.search(r[12]) is not None
        near = [t for t in (b.get((r[0], r[1] + off)) for b, off in zip(beside, (-1, 1)))
                if t and (cued or SWAP_CUE_RE.search(t))]
        if not cued and not near:
            continue
        states = [c for c in _named_states(r[12]) if c != r[6]]
        if not states:
            states = [c for t in near for c in _named_states(t) if c != r[6]]
        if states:
            found[i] = list(dict.fromkeys(states))
    return [(*r, found.get(i)) for i, r in enumerate(rows)]


@lru_cache(maxsize=4096)
def _freed_in_sentence(sentence: str) -> list[str] | None:
    """The full names (two words or more, folded) a release sentence tells as freed ("<State> released blogger <A B>",
    "<A B>, <who>, was freed"; extraction/freed.is_told_freed), in order; None when it names none. Releases of one
    alike in country are told apart by them: a sister freed a year before her brother is another release (issue
    22, class 6)."""
    from flows.extraction.freed import is_told_freed
    from flows.extraction.names import sentence_candidates
    from flows.language.lexicon import ORG_WORDS, fold

    out = []
    for s, e, surface, _role, n, _is_person, _title in sentence_candidates(sentence, False):
        words = surface.split()
        if n < 2 or any(w.lower() in ORG_WORDS for w in words) or find_places(surface):
            continue
        if is_told_freed(sentence[max(0, s - 120):s], sentence[e:e + 80]) or _ASIDE_FREED_RE.match(sentence, e) \
                or _OPENING_FREED_RE.match(sentence[:s]):
            out.append(fold(surface))
    return list(dict.fromkeys(out)) or None


# the participle that opens the sentence tells its subject freed: "Released from <prison> after a year, <A B> went home"
_OPENING_FREED_RE = re.compile(r"^\W*(?:Released|Freed|Set\s+free|Pardoned)\b[^;:]{3,120},\s+(?:(?-i:[a-z][\w\-]*)\s+){0,3}$")

# the name, an aside, its release: "<A B>, who has become a symbol of free speech, was released on Friday"
_ASIDE_FREED_RE = re.compile(r"\s*,[^;]{3,200}?,\s*(?:has\s+been|had\s+been|was|were)\s+(?:\w+ly\s+)?"
                             r"(?:released|freed|pardoned|set\s+free)\b")


def extract_event_mentions(sentences: pl.DataFrame, published: dict[str, object] | None = None,
                           main_country: dict[str, str] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sentences -> (event mentions, tallies). `published` maps doc_id -> publication date;
    `main_country` is `doc_main_countries(sentences)` when the caller already has it."""
    published = published or {}
    # a page without a publication date that embeds a dated post is read against the post's date (issue 22, class 5)
    posted = _embedded_post_dates(sentences, {d for d in sentences["doc_id"].unique() if published.get(d) is None})
    if posted:
        published = {**published, **posted}
    if main_country is None:
        main_country = doc_main_countries(sentences)
    rows, tally_rows = [], []
    flagged = sentences.with_columns(
        may_count=pl.col("sentence").str.contains(PREFILTER_COUNT) & pl.col("sentence").str.contains(PREFILTER_RELEASE),
        **{f"is_{t}": pl.col("sentence").str.contains(PREFILTER_EVENTS[t]) for t in OTHER_EVENT_PATTERNS},
    ).filter(pl.any_horizontal("may_count", *(f"is_{t}" for t in OTHER_EVENT_PATTERNS)))
    cols = flagged.select("doc_id", "sent_idx", "char_start", "char_end", "sentence",
                          pl.col("sentence").str.contains(PREFILTER_DATE).alias("may_date"),
                          pl.col("sentence").str.contains(PREFILTER_RELEASE_PLACE_MASK).alias("may_mask"), "may_count",
                          *(f"is_{t}" for t in OTHER_EVENT_PATTERNS))
    memo: dict[str, tuple] = {}  # sentences repeat across documents (wire copy, boilerplate)
    countries: dict[tuple[str, str | None], tuple[str | None, int]] = {}
    strengths: dict[int, int] = {}  # row index of a release -> how directly its sentence names its country
    lead_dates = _lead_dates(sentences, published)
    swap_sides: dict[str, set[int]] = {}  # per document, the counts of its swaps' sides
    swaps: set[tuple] = set()
    hedged: list[tuple] = []  # counts of swap sentences not taken for releases (see _swaps_across_sentences)
    undated_named: dict[int, str] = {}  # row index of an undated release of one named person -> the name's last word
    released_docs: set[str] = set()  # documents whose first release sentence has been read
    precise: dict[str, set[int]] = {}  # per document, unrounded counts of release sentences not taken for releases
    told: dict[str, set[int]] = {}  # the same, in sentences telling a release done or under way (not planned)
    for doc_id, sent_idx, start, end, sentence, may_date, may_mask, may_count, *is_type in cols.iter_rows():
        found = memo.get(sentence)
        if found is None:
            found = memo[sentence] = _sentence_events(sentence, may_count, tuple(is_type), may_date)
        releases, tallies, types, date_match, sides = found
        if sides:
            swap_sides.setdefault(doc_id, set()).update(sides)
            swaps.update((doc_id, sent_idx, c) for _, _, c, _ in releases)
        for s, e, count, qual in tallies:
            tally_rows.append((doc_id, start + s, start + e, count, qual, sentence[s:e]))
            if count % 100 and RELEASE_RE.search(sentence):
                precise.setdefault(doc_id, set()).add(count)
                if any(not is_hypothetical(sentence, t.start()) for t in RELEASE_RE.finditer(sentence)):
                    told.setdefault(doc_id, set()).add(count)
            if HEDGED_SWAP_RE.search(sentence):
                hedged.append((doc_id, sent_idx, count, qual, release_country(sentence, main_country.get(doc_id))))
        if not releases and not types:
            continue
        key = (sentence, main_country.get(doc_id))
        country, strength = countries[key] if key in countries else countries.setdefault(
            key, release_country_evidence(*key, may_mask))
        date_text, date, precision = date_of_match(date_match, published.get(doc_id))
        if date is None and releases and lead_dates.get(doc_id) and not THAT_OCCASION_RE.search(sentence) and (
                sent_idx <= LEAD_SENTENCES or (doc_id not in released_docs and sent_idx <= FIRST_RELEASE_SENTENCES)):
            # a release in the headline or lead takes the day the lead gives ("said late on Saturday"); so does
            # the document's first release a few sentences on (the news the lead announced, told in detail)
            date_text, date, precision = _own_weekday_after(date_match, published.get(doc_id), lead_dates[doc_id])
        if releases:
            released_docs.add(doc_id)
        for s, e, count, qual in releases:
            if qual == "exact" and count % 100 and count >= APPROX_MIN:
                # "982 men and six women regaining their freedom" beside "the release of nearly 1,000": the count to
                # the unit an approximate release of the document stands for (issue 22, class 11)
                told.setdefault(doc_id, set()).add(count)
            rows.append((doc_id, sent_idx, start, end, "prisoner_release", CAMEO["prisoner_release"],
                         country, count, qual, date_text, date, precision, sentence))
            strengths[len(rows) - 1] = strength
            if count == 1 and date is None and sent_idx > 0:
                undated_named[len(rows) - 1] = sentence[s:e].split()[-1]
        for event_type in types:
            rows.append((doc_id, sent_idx, start, end, event_type, CAMEO[event_type], country,
                         None, None, date_text, date, precision, sentence))
    if undated_named:
        rows = _dated_by_the_sentence_before(rows, undated_named, sentences, published)
    rows = _dated_by_the_sentence_after(rows, sentences, published)
    rows = _dated_by_the_period_begun(rows, sentences, published)
    rows = _dated_by_then(rows, sentences, published)
    rows = _swaps_across_sentences(rows, swap_sides, hedged)
    rows = _stages_of_a_swap(rows)
    rows = _more_of_the_same(rows)
    rows = _rounded_to_precise(rows, precise)
    rows = _approximate_to_unit(rows, told)
    rows = _swapped_for_one_after(rows, sentences)
    rows = _uncounted_side_counted_soon(rows, sentences)
    rows = _uncounted_other_side(rows, sentences)
    rows = _decree_not_release(rows)
    rows = _one_country_per_count(rows, strengths)
    rows = _without_members(_included_groups(_parts_by_place(_stages_of_a_larger_release(
        _parts_of_a_total(_members_listed_among(_parts_told_next(_period_told_before(rows, sentences), sentences)))))))
    if swap_sides:  # "95 soldiers came home" beside "95 for 95": one side of the swap, not a release of its own
        rows = [r for r in rows if not (r[4] == "prisoner_release" and r[7] in swap_sides.get(r[0], ())
                                        and (r[0], r[1], r[7]) not in swaps)]
    rows = _dated_by_the_page(rows, published, sentences)
    rows = _swap_counterparts(rows, sentences)
    rows = [(*r, _freed_in_sentence(r[12]) if r[4] == "prisoner_release" and r[7] in (1, 2) else None) for r in rows]
    events = pl.DataFrame(rows, schema=EVENT_MENTION_SCHEMA, orient="row")
    tallies = pl.DataFrame(tally_rows, schema=TALLY_SCHEMA, orient="row")
    return events, tallies

"""Releases without a number: named people freed ("<name> was released", "freed the activist <name>",
"<Surname> was set free"), one person by "a/an" ("freed a Canadian"), an unsaid number ("released
several prisoners"). Part of `flows.extraction.counts`."""

from __future__ import annotations

import re

from flows.extraction.count_numbers import _NUMW, PEOPLE_NOUNS, parse_number
from flows.extraction.count_tallies import DEAL_TERMS_RE, HYPOTHETICAL_RE, is_tally
from flows.extraction.names import ROLE_NOUN_SET, is_given_name
from flows.extraction.places import find_places
from flows.language.lexicon import ORG_WORDS, demonyms

# "Alaa Abdel Fattah was released from prison": one named person freed
NAMED_RELEASE_RE = re.compile(
    r"(?P<name>\b[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’\-]+|al|el|bin|de|van|von)){1,4})"
    # the country a former office was held in ("Former President <name> of <Country>, <aside>, has been released")
    # (an aside up to 160 characters: "<name>, a <demonym> woman who spent eight years on death row but was acquitted
    # by the Supreme Court last week in a case against her, was freed"; issue 22, class 11)
    r"(?:\s+of\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?(?=\s*,))?\s*(?:,[^,]{3,160},\s*|,\s*)?"
    # (or told under way: "<name> is being released from custody in exchange for <name>")
    r"(?:(?:was|has\s+been|had\s+been|is\s+being|was\s+being)\s+(?:released|freed|pardoned|set\s+free)\b"
    # a pardon granted: "<name> was granted a full / royal pardon" (issue 22, class 11)
    r"|(?:was|has\s+been|had\s+been)\s+granted\s+(?:an?\s+)?(?:(?:full|royal|presidential|state|conditional)\s+)?"
    r"(?:pardon|amnesty|clemency)\b"
    # out on bail: "<name> posted bail on <day>" (issue 22, class 11)
    r"|(?:has\s+|had\s+)?posted\s+bail\b"
    # out of prison in the words of the story: "<name> on <day> left the hospital a free man", "walked free", "walked
    # out of jail" (issue 22, class 11)
    r"|(?:on\s+\w+\s+(?:\([^()]{1,20}\)\s+)?)?(?:(?:walked|left)\s+(?:[\w\-]+\s+){0,5}?a\s+free\s+(?:man|woman)\b"
    r"|walked\s+free\b|walked\s+out\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?i:prison|jail)\b)"
    # what the freed did once out: "<name>, <aside>, returned home on <day> after being released" (issue 22, class 11)
    r"|(?-i:[a-z]+)\s+(?:[\w\-]+\s+){0,5}?after\s+(?:being|having\s+been)\s+(?:released|freed|pardoned|set\s+free)\b)"
    # an apposed release with its time: "Her brother, <name>, freed in 2019, now runs ..." (issue 22, class 3/5)
    r"|(?<=,\s)(?P<apposed>[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’\-]+|al|el|bin|de|van|von)){1,3}),\s+(?:who\s+was\s+)?"
    r"(?:released|freed|pardoned)\s+(?:in|on|last|earlier)\b"
    # a relative clause telling where from: "<name>, who was freed from the central jail this afternoon, ..." (class 11)
    r"|(?P<relative>\b[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’\-]+|al|el|bin|de|van|von)){0,3}),\s+who\s+"
    r"(?:was|has\s+been|had\s+been)\s+(?:released|freed|set\s+free)\s+from\s+(?:[\w\-]+\s+){0,5}?"
    r"(?i:prison|jail|custody|detention|captivity|penitentiary)\b")


# "Havana freed American <name>", "pardoned rights researcher <name> and lawyer <name>", "a judge ordered the
# release of lawyer <name>": named people freed, counted (no number in the text)
# (a particle is a word of its own: "<A> along with" is no "<A> al"; session 19)
_FULL_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’\-]+|(?:al|el|bin|de|van|von)\b(?:-[A-ZÀ-ÖØ-Þ][\w'’\-]+)?)){1,3})"

# (a name's capital may bear an accent: "Jeanine Áñez was released"; issue 22, class 7/11)
# a role before the name: lower-case words, a demonym, an acronym ("WNBA star <name>", "BBC reporter <name>")
# ("French", "Dutch", "Czech", "Greek", "Swiss": demonyms of other endings; session 19)
_NAME_MODS = r"(?:(?:(?-i:[a-z][\w\-]*)|(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:an|ish|ese|i|ch|ek|ss))|(?-i:U\.S\.|U\.K\.|[A-Z]{2,6}))\s+){0,4}?"

# ... up to eight after "the release of", where a long title comes first ("ordered the release of jailed former prime
# minister and key opposition leader <name>"; issue 22, class 11); a verb's role is four words at most (_active_named_release)
_LONG_NAME_MODS = _NAME_MODS.replace("{0,4}?", "{0,8}?")
ROLE_AFTER_VERB_WORDS = 4

ACTIVE_NAMED_RELEASE_RE = re.compile(
    # (an order with its day between: "ordered today (<date>) the immediate release of <name>"; issue 22, class 11)
    r"\b(?P<verb>freed|frees|released|releases|pardoned|pardons|"
    # a pardon granted to the person: "has granted a pardon to <role> <name>" (issue 22, class 11)
    r"grant(?:ed|s)\s+(?:an?\s+|his\s+|her\s+)?(?:(?:full|presidential|royal|special)\s+)?(?:pardons?|amnesty|clemency)\s+to|"
    # bail granted: "the court granted bail to <role> <name> and 12 others" (issue 22, class 1/11)
    r"grant(?:ed|s)\s+bail\s+to|"
    r"(?:ordered|secured|announced)\s+"
    r"(?:(?:today|yesterday|on\s+\w+|\([^()]{1,20}\))\s+){0,2}the\s+(?:immediate\s+)?release\s+of)\s+"
    rf"{_LONG_NAME_MODS}(?P<first>{_FULL_NAME})(?:\s+and\s+{_NAME_MODS}(?P<second>{_FULL_NAME}))?",
    re.IGNORECASE)


_NOT_ROLE = frozenset("by on in at from to were was are is with after for as under of the this that "
                      "include includes included including".split())  # "the freed include <name>": members


# what the freed person is, told in apposition after the name: "ordered the release of <name>, the jailed former
# Prime Minister," (issue 22, class 7/11)
ROLE_APPOSITION_RE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,5}?(?:" + "|".join(sorted(ROLE_NOUN_SET)) + r")s?\b", re.I)


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
        elif words[0].lower() in ROLE_NOUN_SET and len(words) > 2:  # a headline's "Pardons Writer <name>"
            role, words = role + [words[0].lower()], words[1:]
        if any(kind == "name" for _, kind in find_places(" ".join(words))) or any(w.lower() in _NOT_ROLE for w in role):
            return False  # "pardoned by <the pardoner>", "released on <a holiday>", "freed were ..." (members)
        return is_given_name(words[0]) or any(w.islower() for w in role) \
            or bool(ROLE_APPOSITION_RE.match(sentence, start + len(name)))

    if "release" not in m.group("verb").lower() and len(sentence[m.end("verb"):m.start("first")].split()) > ROLE_AFTER_VERB_WORDS:
        return []  # (a long title only after "the release of")
    n = sum(person(m.group(g), m.start(g)) for g in ("first", "second"))
    if not person(m.group("first"), m.start("first")):
        return []
    others = ALONG_WITH_UNCOUNTED_RE.match(sentence, m.end())
    if others:  # "pardoned <name>, along with several other detainees": how many is not said
        return [(m.start("first"), others.end(), None, "unknown")]
    end = m.end()
    also = AS_WELL_AS_NAMED_RE.match(sentence, end) if n == 1 and "as well as" in sentence else None
    if also and (is_given_name(also.group("name").split()[0]) or any(w.islower() for w in also.group("mods").split())) \
            and not any(kind == "name" for _, kind in find_places(also.group("name"))):
        n, end = 2, also.end()  # "released <name>, <who she is>, as well as <name>, <who he is>": two named people
    return [(m.start("first"), end, n, "exact")]


# a second named person freed, told after the first one's apposition: "released <name>, 33, a diplomat, as well as
# <name>, a dual national" (issue 22, class 2)
AS_WELL_AS_NAMED_RE = re.compile(rf"(?:,[^;:]{{0,140}}?)?,?\s+as\s+well\s+as\s+(?P<mods>{_NAME_MODS})(?P<name>{_FULL_NAME})")


# "<A> freed <name> in a prisoner exchange, with <B> releasing <role> <name>": the other actor's side of a one-for-one
# swap, one named person, in a participle clause (issue 22, class 2)
OTHER_ACTOR_RELEASING_NAMED_RE = re.compile(
    r"[^;]{0,80}?\b(?:swap|exchange)\b[^;]{0,40}?,\s+with\s+(?!(?:it|them|him|her)\b)(?:the\s+)?[\w.’'\-]+(?:\s+[\w.’'\-]+){0,2}?\s+"
    rf"(?:releasing|freeing|handing\s+over)\s+{_NAME_MODS}(?P<name>{_FULL_NAME})", re.IGNORECASE)


def other_actor_releasing_named(sentence: str, end: int) -> int | None:
    """End of the other actor's named release after a named release ending at `end` (see
    OTHER_ACTOR_RELEASING_NAMED_RE)."""
    m = OTHER_ACTOR_RELEASING_NAMED_RE.match(sentence, end)
    return m.end() if m else None


# "A has exchanged <role> <name>, <who he is>, for <one person>", "they had exchanged Mr <Surname> for <Surname>": a
# one-for-one swap told by the exchange verb alone, its two sides a named person each (issue 22, class 2)
EXCHANGED_NAMED_RE = re.compile(
    # (or the swap as a noun: "the prisoner swap between <A> and <B>", "the exchange of <A> for <B>"; issue 22, class 2)
    rf"\b(?:(?:exchanged|swapped|traded|(?P<noun>swap|exchange)\s+of)|(?P<between>swap|exchange)\s+between)\s+(?P<mods>{_NAME_MODS})"
    rf"(?P<who>(?-i:(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z][\w'’\-]+)|{_FULL_NAME})"
    r"(?:,[^,;.]{3,100},)?\s+(?(between)and|for)\s+")
# a swap as a noun only talked about: proposed, sought, negotiated, refused (issue 22, class 2)
SWAP_TALKED_RE = re.compile(r"\b(?:possible|propos\w*|potential|planned|mooted|prospective|future|talks|negotiat\w*|"
                            r"discuss\w*|offer\w*|could|would|might|(?-i:may)|will|reject\w*|refus\w*|seek\w*|sought|"
                            r"push\w*\s+for|hopes?|wants?)\b", re.I)
# the other side: a full name or a surname after lower-case role words ("for the <role> <name>", "for <Surname>,")
OTHER_NAMED_SIDE_RE = re.compile(
    rf"(?:the\s+)?(?P<mods>{_NAME_MODS})(?P<name>{_FULL_NAME}|(?-i:[A-Z][a-z'’\-]+)(?=\s*(?:[,.;:]|$)))")


def exchanged_named_for_one(sentence: str) -> list[tuple]:
    """A release of 2 where an exchange verb trades one named person for one other person (see EXCHANGED_NAMED_RE):
    the first a person's name (a given name, a title or a role before it), the second one person described ("an
    <demonym> <role>", ONE_SIDE_RE) or named."""
    from flows.extraction.count_swaps import ONE_SIDE_RE

    m = EXCHANGED_NAMED_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    if (m.group("noun") or m.group("between")) and (SWAP_TALKED_RE.search(sentence, max(0, m.start() - 50), m.start())
                                                   or SWAP_TALKED_RE.search(sentence, m.end())):
        return []  # "talks on a possible swap of <A> for <B>", "the exchange of <A> for <B> was discussed"
    who = m.group("who")
    words = who.split()
    if any(kind == "name" for _, kind in find_places(who)) or words[0].lower() in demonyms():
        return []
    if not (words[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr") or is_given_name(words[0])
            or any(w.islower() for w in m.group("mods").split())):
        return []
    other = OTHER_NAMED_SIDE_RE.match(sentence, m.end())
    name = other.group("name").split() if other else []
    if other and not (any(kind == "name" for _, kind in find_places(other.group("name")))
                      or name[0].lower() in demonyms() or not _is_surname(name[-1])):
        return [(m.start("who"), other.end(), 2, "exact")]
    one = ONE_SIDE_RE.match(sentence, m.end())
    if one and not one.group(0)[:1].isupper():  # "an <demonym> <role>": one person described
        return [(m.start("who"), one.end(), 2, "exact")]
    return []


# a headline's release of a named person, its "was" left out: "<role> <name> released from prison", "<name> freed
# from jail after ..." (issue 22, class 7/11)
BARE_NAMED_RELEASE_RE = re.compile(
    # (or a country's possessive: "<Country>’s <name> freed from jail after royal pardon")
    rf"(?P<role>(?:\b(?-i:[a-z][\w\-’']*)\s+|\b(?P<owner>(?-i:[A-Z][\w\-]+))['’]s\s+)?)(?P<name>{_FULL_NAME})\s+(?:released|freed|set\s+free)\s+"
    r"(?:from\s+(?:\w+\s+)?(?:prison|jail|detention|custody)\b"
    # ... or after how long: "<Country>'s <name> released after over seven months" (a headline; issue 22, class 11)
    r"|after\s+(?:(?:over|nearly|almost|more\s+than|about|some)\s+)?(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\b)")


# a participle opening the sentence tells its subject's release: "Released from <prison> where he was kept for a year,
# <name> went home" (issue 22, class 11)
OPENING_RELEASED_RE = re.compile(rf"^\W*(?:Released|Freed|Set\s+free)\s+(?:from|after|on)\s+[^,;:]{{3,100}},\s+"
                                 rf"(?P<role>(?:(?-i:[a-z][\w\-’']*)\s+){{0,3}})(?P<name>{_FULL_NAME})\s+(?-i:[a-z])")


def _place_or_people(name: str) -> bool:
    """Whether a capitalised run a named-release rule took for a person's name is a place ("South Korea") or opens
    with a demonym (a people, "Lebanese Army")."""
    return any(kind == "name" for _, kind in find_places(name)) or name.split()[0].lower() in demonyms()


def _bare_named_release(sentence: str) -> list[tuple]:
    """A release of one named person told without "was" (see BARE_NAMED_RELEASE_RE): a person's name, with a given
    name or a role word before it, not a place."""
    m = BARE_NAMED_RELEASE_RE.search(sentence)
    if not m and sentence.lstrip()[:1] in "RFS":
        m = OPENING_RELEASED_RE.match(sentence)
        if m and HYPOTHETICAL_RE.search(sentence[:m.start("name")]):
            return []
    elif m and HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    if not m:
        return []
    name = m.group("name")
    if _place_or_people(name):
        return []
    owner = m.groupdict().get("owner")
    role = m.group("role").strip() if not owner or any(kind == "name" for _, kind in find_places(owner)) else ""
    if not (is_given_name(name.split()[0]) or role):
        return []
    return [(m.start("name"), m.end(), 1, "exact")]


# one person told by a role, no name, as the subject of a release from prison: "Former <Place> governor was released
# from <Name> Prison on Thursday", "A <Name> University student has been released from a <demonym> prison" (issue 22,
# class 11)
ROLE_SUBJECT_RELEASED_RE = re.compile(
    r"^\W*(?:(?:A|An|The)\s+)?(?:(?:[Ff]ormer|[Jj]ailed|[Dd]etained|[Ii]mprisoned)\s+)?"
    r"(?:(?-i:[A-Z][\w\-]+|[a-z][\w\-]+)\s+){0,3}?(?P<noun>" + "|".join(sorted(ROLE_NOUN_SET))
    # (a people's one: "A Frenchwoman was freed from a <demonym> jail", "An Englishman freed from jail ..."; session 19)
    + r"|(?-i:(?:French|English|Irish|Dutch|Scots|Welsh|Swiss)(?:wo)?man))"
    # (an aside between: "The pastor, who has lived in <Country> for two decades, was released from prison"; session 16)
    r"(?:,[^;,]{3,160},\s+|\s+)"
    r"(?:(?:was|has\s+been|had\s+been)\s+|(?<=man\s))(?:released|freed|set\s+free)\s+from\s+(?:\S+\s+){0,4}?"
    r"(?i:prison|jail|custody|detention)\b")


def _role_subject_released(sentence: str) -> list[tuple]:
    """A release of the one person a role tells, opening the sentence (see ROLE_SUBJECT_RELEASED_RE)."""
    m = ROLE_SUBJECT_RELEASED_RE.match(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[:m.start("noun")]):
        return []
    return [(m.start("noun"), m.end("noun"), 1, "exact")]


# two named people released together, an apposition between them: "<name> and the candidate he backs, <name>, were
# released from prison" (issue 22, class 11)
# (each may carry its own aside: "<name>, a blogger, and <name>, a lawyer, were freed"; session 18)
TWO_NAMED_RELEASED_RE = re.compile(
    rf"(?P<first>{_FULL_NAME})(?:,\s+(?:an?|the)\s+[^,;:.]{{3,90}}?,)?\s+and\s+(?:(?:[^,;:.]{{3,90}}?),\s+)?"
    rf"(?P<second>{_FULL_NAME})(?:,\s+(?:an?|the)\s+[^,;:.]{{3,90}}?,|,)?\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:released|freed|pardoned|set\s+free)\b")


def _two_named_released(sentence: str) -> list[tuple]:
    """A release of the two people named as the subject of a plural passive release (see TWO_NAMED_RELEASED_RE):
    names with a given name first, not places."""
    m = TWO_NAMED_RELEASED_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    for name in (m.group("first"), m.group("second")):
        words = name.split()
        if _place_or_people(name) or any(w.lower() in ORG_WORDS for w in words):
            return []
    return [(m.start("first"), m.end("second"), 2, "exact")]


# the release of one named person as the subject of a verb telling it happened: "The release of <name>, <aside>, came
# as ...", "<Surname>'s release came after a flurry of contacts" (issue 22, class 11)
RELEASE_NOUN_DONE_RE = re.compile(
    rf"(?:\b[Tt]he\s+release\s+of\s+{_LONG_NAME_MODS}(?P<name>{_FULL_NAME}|[A-ZÀ-ÖØ-Þ][a-z'’\-]+)"
    rf"|(?P<owner>{_FULL_NAME}|\b[A-ZÀ-ÖØ-Þ][a-z'’\-]+)['’]s\s+(?:(?:early|sudden|surprise|unexpected|eventual)\s+)?release)"
    r"(?:\s*,[^,;]{3,80},)?\s+(?:came|comes|followed|follows|took\s+place|was\s+(?:announced|confirmed|welcomed|hailed))\b")


def _release_noun_done(sentence: str) -> list[tuple]:
    """A release of one named person told by the release's noun as the subject of a verb of its happening (see
    RELEASE_NOUN_DONE_RE): a person's name (a given name first), or a lone surname, never a place or a demonym."""
    m = RELEASE_NOUN_DONE_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    group = "name" if m.group("name") else "owner"
    name = m.group(group)
    if " " in name:
        if _place_or_people(name) or not is_given_name(name.split()[0]):
            return []
    elif not _is_surname(name):
        return []
    return [(m.start(group), m.end(group), 1, "exact")]


# a person named again by the surname alone, opening the sentence: "<Surname> was set free after the ruling"
SURNAME_RELEASE_RE = re.compile(r"^\W*(?P<name>[A-ZÀ-ÖØ-Þ][a-z'’]+(?:-[A-ZÀ-ÖØ-Þ][a-z'’]+)?)"
                                # (after a relative clause telling the person: "<Surname>, who was sentenced in 2015
                                # for the killing of eight civilians, was pardoned"; issue 22, class 4)
                                # (or after the age: "<Surname>, 78, was released")
                                r"(?:,\s+\d{1,3},)?(?P<who>,\s+who\s+[^;:]{3,160}?,)?\s+(?:was|has\s+been|had\s+been)\s+"
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
_ONE_PERSON = (
    r"(?P<mods>(?:(?-i:[a-z][\w\-]*|[A-Z][a-z]+(?:an|ish|ese|i|ch|ss|ek))\s+){0,2})"
    # a demonym as the noun itself ("freed a Canadian from jail"), not before one ("a Russian translation")
    r"(?P<noun>(?-i:[A-Z][a-z]+)(?=\s*[,.;:)]|\s*$|\s+(?:from|in|on|at|who|after|before|and|to|for|with|held|jailed|"
    r"detained|imprisoned|was|had|has|back|home)\b)|couple(?!\s+of)|prisoner|detainee|hostage|citizen|national|journalist|activist|dissident|"
    r"student|soldier|pilot|worker|priest|blogger|lawyer|businessman|businesswoman|tourist|aid\s+worker|diplomat|"
    r"man|woman|teacher|teenager|researcher|academic|scholar|writer|photographer|filmmaker|missionary|nun|engineer|"
    r"veteran|sailor|fisherman)\b")
ONE_FREED_RE = re.compile(r"\b(?:freed|frees|freeing|released|releases|releasing|pardoned|pardons)\s+(?:an?|one)\s+" + _ONE_PERSON)
# a headline's one person, its article left out: "<State> frees <demonym> man held since <year>", "releases
# <demonym> journalist after talks": a demonym, then a person's noun, and no name after it (a name makes it a
# named release, ACTIVE_NAMED_RELEASE_RE) (issue 22, class 3/11)
HEADLINE_ONE_FREED_RE = re.compile(
    r"\b(?:freed|frees|released|releases|pardoned|pardons|release\s+of)\s+(?P<dem>(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|U\.?S\.?|U\.?K\.?))\s+"
    r"(?P<noun>man|woman|teacher|teenager|journalist|activist|dissident|student|researcher|academic|scholar|writer|"
    r"blogger|lawyer|businessman|businesswoman|tourist|aid\s+worker|diplomat|soldier|pilot|photographer|filmmaker|"
    r"missionary|nun|priest|engineer|veteran|sailor|fisherman|citizen|national|prisoner|detainee|hostage)\b"
    r"(?!\s+(?-i:[A-Z]))")
HEADLINE_ONE_NATIONS = {"us": "United States", "u.s.": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom"}
# "freed an aid worker and a diplomat": a second person, one more (issue 22, class 2)
AND_ONE_MORE_RE = re.compile(r"\s+and\s+(?:an?|one)\s+" + _ONE_PERSON)
# after a counted group, one more person: "ten Thai nationals and a Filipino citizen", "12 soldiers and a Briton"
# (issue 22, class 11)
AND_ONE_PERSON_MORE_RE = re.compile(
    # (the group's noun may run on: "10 women housing rights activists and one monk"; issue 22, class 11)
    r"(?:\s+(?!(?:were|was|are|is|had|has|have|been|being|who|whom|which|that|while|but|then|after|before|in|on|at|"
    r"from|to|by|with|for|of)\b)(?-i:[a-z][\w\-]*)){0,3}?"
    # (or the one who came with them: "three journalists and their driver", "two aid workers and an interpreter")
    r"\s+and\s+(?:an?|one|their|his|her|its)\s+(?:(?:(?-i:[a-z][\w\-]*)|(?-i:[A-Z][a-z]+))\s+){0,2}?(?:citizen|national|prisoner|detainee|"
    r"hostage|journalist|activist|soldier|pilot|worker|priest|student|woman|man|child|girl|boy|tourist|businessman|"
    r"monk|nun|lawyer|teacher|blogger|dissident|fisherman|sailor|minor|teenager|doctor|missionary|driver|translator|"
    r"interpreter|guide|fixer|cameraman|camerawoman|colleague|assistant|companion|crew\s+member)\b(?!\s*'s)"
    r"|\s+and\s+(?:an?|one)\s+(?P<dem>(?-i:[A-Z][a-z]+))(?=\s*[,.;:)]|\s*$|\s+(?:from|in|on|at|who|were|was|under|to)\b)",
    re.I)


def one_person_more(sentence: str, end: int) -> int | None:
    """End of "and a <person>" right after a counted group ending at `end` (see AND_ONE_PERSON_MORE_RE)."""
    m = AND_ONE_PERSON_MORE_RE.match(sentence, end)
    if not m or m.group("dem") and m.group("dem").lower() not in demonyms():
        return None
    return m.end()


# the passive of ONE_FREED_RE + AND_ONE_MORE_RE: "An American and an Australian held by the rebels for years were
# freed", two people described by "a/an" as the sentence's subject (issue 22, class 11)
TWO_DESCRIBED_FREED_RE = re.compile(
    r"^\W*(?:An?|One)\s+" + _ONE_PERSON.replace("(?P<mods>", "(?P<mods1>").replace("(?P<noun>", "(?P<noun1>")
    + r"\s+and\s+(?:an?|one)\s+" + _ONE_PERSON
    + r"[^.;:]{0,120}?\s(?:were|have\s+been|had\s+been)\s+(?:freed|released|pardoned|set\s+free)\b")


def _two_described_freed(sentence: str) -> list[tuple]:
    """A release of 2: two people described by "a/an", each a demonym or a role noun, freed by a passive verb (see
    TWO_DESCRIBED_FREED_RE)."""
    m = TWO_DESCRIBED_FREED_RE.match(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.end() - 60):m.end()]):
        return []
    for noun in (m.group("noun1"), m.group("noun")):
        if noun[:1].isupper() and noun.lower() not in demonyms():
            return []  # a capital that is no demonym: a name or a place
    return [(m.start("mods1"), m.end("noun"), 2, "exact")]


def _one_freed(sentence: str) -> list[tuple]:
    """A release of one person named by "a/an" and a noun or a demonym after the verb (two for a couple); or,
    in a headline's words, by a demonym and a person's noun with no article (HEADLINE_ONE_FREED_RE)."""
    m = ONE_FREED_RE.search(sentence)
    if not m:
        h = HEADLINE_ONE_FREED_RE.search(sentence)
        if h and (h.group("dem").lower() in demonyms() or h.group("dem").lower() in HEADLINE_ONE_NATIONS
                  or (h.group("dem").split("-")[-1].lower() in demonyms())) \
                and not HYPOTHETICAL_RE.search(sentence[max(0, h.start() - 40):h.start()]):
            return [(h.start("dem"), h.end(), 1, "exact")]
        return []
    if HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    noun = m.group("noun")
    if noun[:1].isupper() and noun.lower() not in demonyms():
        return []  # "released a Statement", a place or a name: only a demonym counts a person
    n, end = (2 if noun == "couple" else 1), m.end()
    more = AND_ONE_MORE_RE.match(sentence, end)
    if more and (not more.group("noun")[:1].isupper() or more.group("noun").lower() in demonyms()):
        n, end = n + 1, more.end()
    return [(m.start("mods"), end, n, "exact")]


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


# "His administration has freed many political prisoners": "many" over a time the perfect leaves open is a running
# total, not one release (issue 22, class 4)
PERFECT_BEFORE_RE = re.compile(r"\b(?:has|have)\s+(?:also\s+|already\s+|now\s+)?$", re.I)
PERFECT_MANY_RE = re.compile(r"\s+many\s", re.I)


def _uncounted(sentence: str) -> list[tuple]:
    """A release of an unsaid number of people (count None, qualifier "unknown"); an exchange of prisoners
    only when its year is given (a past swap recalled, not one being talked about)."""
    m = UNCOUNTED_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]) \
            or COMMITTED_RE.search(sentence, max(0, m.start() - 40), m.start()) \
            or DEAL_TERMS_RE.search(sentence, 0, m.start()) or is_tally(sentence, m.start(), m.end()) \
            or VAGUE_TOTAL_RE.search(sentence) or PERFECT_MANY_RE.search(m.group(0)) \
            and PERFECT_BEFORE_RE.search(sentence, max(0, m.start() - 25), m.start()):
        return []
    if "exchange" in m.group(0).lower() and not YEAR_RE.search(sentence):
        return []
    return [(m.start(), m.end(), None, "unknown")]


# one named person freed with a relative: "<name> and her mother, <given>, were released", "<name> was freed along with
# his brother", "She was released with her mother" (issue 22, class 1): two people, the relative uncounted
_KIN = (r"(?:mother|father|wife|husband|son|daughter|brother|sister|cousin|uncle|aunt|nephew|niece|fianc[ée]e?|"
        r"partner|grandmother|grandfather|grandson|granddaughter|mother-in-law|father-in-law)")
_FREED_VERB = r"(?:released|freed|pardoned|set\s+free)"
NAMED_WITH_KIN_RE = re.compile(
    rf"(?P<name>{_FULL_NAME}|\b(?-i:She|He)|^(?-i:[A-Z][a-z][\w\-’']+))(?:,[^,;.]{{1,40}},)?\s+(?:"
    rf"and\s+(?:his|her)\s+(?:[\w\-]+\s+)?{_KIN}(?:,\s+(?-i:[A-Z])[\w\-’']+(?:\s+(?-i:[A-Z])[\w\-’']+)?,)?\s+"
    rf"(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?{_FREED_VERB}"
    rf"|(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?{_FREED_VERB}\s+(?:[\w\-]+\s+){{0,3}}?"
    rf"(?:(?:along|together)\s+)?with\s+(?:his|her)\s+(?:[\w\-]+\s+)?{_KIN}"
    # ... or with another person named in full: "<A> was pardoned Wednesday along with <B C>, a rights lawyer"
    rf"|(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?{_FREED_VERB}\s+(?:[\w\-]+\s+){{0,3}}?"
    rf"(?:along|together)\s+with\s+(?P<mate>{_FULL_NAME})(?=\s*(?:,|\.|$|\s+(?:on|in|after|who|from)\b)))\b")


def named_with_kin(sentence: str) -> list[tuple]:
    """A release of two: one named person (or "She" / "He") freed with a relative (see NAMED_WITH_KIN_RE)."""
    m = NAMED_WITH_KIN_RE.search(sentence)
    if not m or HYPOTHETICAL_RE.search(sentence[max(0, m.start() - 40):m.start()]):
        return []
    name = m.group("name")
    mate = m.group("mate")
    # (a surname alone opening the sentence names someone told before, only beside a second person named in full)
    if name not in ("She", "He") and (any(kind == "name" for _, kind in find_places(name))
                                      or not (is_given_name(name.split()[0]) or len(name.split()) >= 2 or mate)):
        return []
    if mate and (find_places(mate) or not is_given_name(mate.split()[0])):
        return []  # "along with <Country>", "along with the <Body>": no second person
    return [(m.start("name"), m.end(), 2, "exact")]


# the companions a named release lists after "along with" (session 19, class 1): "pardoned <A>, a journalist, along with
# her fiance, a doctor and two of his colleagues" is five; each item a relative or role of someone's ("her fiance"), one
# person described ("a doctor"), or a counted group ("two of his colleagues", "three other activists")
_COMPANIONS_RE = re.compile(r"(?:,[^;.]{1,160}?,)?\s+(?:along|together)\s+with\s+")
_COMPANION_RE = re.compile(
    rf"(?:(?:his|her|their)\s+(?:[\w\-]+\s+)?(?:{_KIN}|lawyer|colleague|driver|assistant|aide|bodyguard|cameraman|friend)"
    r"|(?:a|an|one)\s+(?:[\w\-]+\s+)?(?:[a-z]+(?:man|woman|er|or|ist|ian|ant|ent|ier|ee)|doctor|student|activist|journalist|"
    r"lawyer|nurse|pilot|monk|priest|soldier)"
    rf"|(?P<num>\d{{1,3}}|{_NUMW})\s+(?:of\s+(?:his|her|their)\s+|other\s+)?(?:[\w\-]+\s+)?[a-z]+s)\b", re.I)

_COMPANION_GAP_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def companions_after(sentence: str, end: int) -> tuple[int, int] | None:
    """(end, how many) of the companions listed after a named release ending at `end` (see _COMPANIONS_RE), else
    None."""
    lead = _COMPANIONS_RE.match(sentence, end)
    if not lead:
        return None
    at, n, items = lead.end(), 0, 0
    while (item := _COMPANION_RE.match(sentence, at)) is not None:
        n += (parse_number(item.group("num")) or 0) if item.group("num") else 1
        items += 1
        gap = _COMPANION_GAP_RE.match(sentence, item.end())
        if not gap:
            at = item.end()
            break
        at = gap.end()
    return (at, n) if items and n else None


# one person told by a pronoun, freed in the words of a release from custody: "He was released on parole in August last
# year", "She was freed from prison on Monday", "He was released in December 2021" (issue 22, class 11): a release of
# one, the person named before
PRONOUN_RELEASE_RE = re.compile(
    r"^(?-i:He|She)\s+(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+|later\s+)?(?:released|freed)\s+"
    r"(?:on\s+(?:parole|bail)|from\s+(?:prison|jail|detention|custody|house\s+arrest)|under\s+(?:an?\s+|the\s+)?"
    r"(?:amnesty|pardon)"
    # ... or dated to a month of a year: "He was released in December 2021 after 22 months in pretrial detention"
    r"|in\s+(?-i:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d\d"
    r"(?!\s*,?\s+(?:and|but)\s+(?:was\s+|then\s+)?(?:re-?arrested|detained|jailed)))\b", re.I)


def pronoun_release(sentence: str) -> list[tuple]:
    """A release of one told by "He / She was released on parole / from prison ..." (PRONOUN_RELEASE_RE)."""
    m = PRONOUN_RELEASE_RE.match(sentence)
    return [(m.start(), m.end(), 1, "exact")] if m else []


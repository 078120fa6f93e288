"""Terror listings told by what the listed are called (issue 22, class 9 and 10).

A state or bloc that lists an armed group, a state or the other side's forces as terrorists often says so without a
sanction word: "The <bloc> declared the military wing of <Group> a terrorist organization", "<State> placed <A> on
its terror list", "declaring <State> a state sponsor of terrorism and <B> as terrorist groups". Each one so called is
a target of the listing, by the sentence's issuer.

`terror_targets(sentence)` -> [(target as written, 'country' | 'officials', lister)]: a state ("the US") is a country,
anything else a body; the lister is the state or body the sentence names before the listing ("<State>'s security
council", "The <bloc>"), None when it names none there. Pure text: the caller adds the action and the country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extraction.import_bans import issuer_named_before
from flows.language.lexicon import country_names, fold

_CALLED = (r"(?:as\s+)?(?:an?\s+|the\s+)?[“\"‘']?(?:(?:foreign|global|specially\s+designated\s+global)\s+)?"
           r"(?:terrorist\s+(?:organi[sz]ations?|groups?|entit(?:y|ies)|outfits?)|state\s+sponsors?\s+of\s+terrorism|"
           r"terrorist[”\"’']\s*(?:organi[sz]ations?|groups?|entit(?:y|ies)))\b")

# "declared <A> a terrorist organization", "designating <A> as a foreign terrorist organisation", "listing <A> as
# terrorist groups" (the called run right after the named)
DECLARED_RE = re.compile(
    r"\b(?:declar(?:ed|es|ing|e)|designat(?:ed|es|ing|e)|label(?:l?ed|l?ing|s)?|brand(?:ed|ing|s)?|"
    r"classif(?:ied|ies|ying|y)|list(?:ed|ing|s)?)\s+"
    rf"(?P<who>(?:(?!\b(?:as|a|an)\b)(?:\b[A-Z]\.|[^.;:“”\"])){{2,140}}?)\s+{_CALLED}", re.I)

# "placed / put / added <A> on / to its terror(ism) list"
ON_LIST_RE = re.compile(
    r"\b(?:plac(?:ed|es|ing|e)|put(?:s|ting)?|add(?:ed|s|ing)?)\s+(?P<who>[^.;:]{2,140}?)\s+(?:on|to)\s+"
    r"(?:its|the|their|his|her|the\s+bloc['’]s|(?:\w+['’]s))\s+(?:[\w\-“”\"’']+\s+){0,2}?terror(?:ist|ism)?\s+"
    r"(?:list|blacklist|designations?)\b", re.I)

CONTINUED_RE = re.compile(rf"[”\"’']?\s*,?\s+and\s+(?P<who>(?:(?!\b(?:as|a|an)\b)(?:\b[A-Z]\.|[^.;:“”\"])){{2,140}}?)\s+"
                          rf"{_CALLED}", re.I)

_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?(?-i:[A-Z])|(?-i:[a-z]+\s+)?(?:troops|forces)\b)")
_ASIDE_RE = re.compile(r"^(?:its|their|his|her)\b|^(?:a|an)\s|^the\s+(?-i:[a-z])\w*['’]s\s", re.I)
# an apposition after the listed: a common noun phrase ("<A>, the <demonym> militant group and political party, on")
_TROOPS_RE = re.compile(r"\b(?:troops|forces|militias?|wing|army|military|command|guards?|corps)\b", re.I)


def terror_targets(sentence: str) -> list[tuple[str, str, str | None]]:
    """(target, 'country' | 'officials') of each one the sentence lists as a terrorist (see the module)."""
    if "terror" not in sentence.lower():
        return []
    return list(_terror_targets(sentence))


@lru_cache(maxsize=4096)
def _terror_targets(sentence: str) -> tuple[tuple[str, str, str | None], ...]:
    out: list[tuple[str, str, str | None]] = []
    for rx in (DECLARED_RE, ON_LIST_RE):
        for m in rx.finditer(sentence):
            whos = [m.group("who")]
            more = CONTINUED_RE.match(sentence, m.end()) if rx is DECLARED_RE else None
            if more:  # "declaring <A> a state sponsor of terrorism and <B> as terrorist groups"
                whos.append(more.group("who"))
            by = issuer_named_before(sentence[:m.start()])
            if any(_PERSON_WORDS_RE.search(who) for who in whos):
                continue  # a person listed ("<Group> deputy chief <A>"): the people rules read them
            for part in (p for who in whos for p in _SPLIT_RE.split(who)):
                item = re.sub(r"^(?:the|its|all)\s+", "", part.strip(" “”\"‘’'"), flags=re.I).strip()
                item = _ACRONYM_AFTER_RE.sub("", item)  # "<Group> (<ACR>)": the name
                if len(item) < 2 or _ASIDE_RE.match(part.strip()) or not re.search(r"[A-Z]", item) \
                        and not _TROOPS_RE.search(item):
                    continue
                if item.split()[-1][:1].islower() and not _TROOPS_RE.search(item):
                    continue  # an apposition, a common noun phrase: "the <demonym> militant group"
                if item.split()[0][:1].islower() and not _TROOPS_RE.search(item.split()[0] + " " + item) \
                        or fold(item) in _DESIGNATION_WORDS or item.endswith("-based"):
                    continue  # "by the <state>", "considering the <state>", a piece of the list's own name
                kind = "country" if fold(item) in country_names() or fold(item) in _STATE_SHORT else "officials"
                out.append((item, kind, by))
    return tuple(dict.fromkeys(out))


# people in the listed words: a role or kin word (the people rules read them, with their names)
_PERSON_WORDS_RE = re.compile(r"\b(?:chief|leader|deputy|commander|founder|head|spokesm[ae]n|brother|sister|son|"
                              r"daughter|wife|husband|father|cousin|nephew|[\w]+-in-law|financier|ideologue|"
                              r"preacher|cleric|emir)\b", re.I)
# the words of a designation's own name: "Specially Designated Global Terrorist", "Foreign Terrorist Organization"
_DESIGNATION_WORDS = frozenset({"foreign", "global", "specially designated", "specially designated global",
                                "specially", "designated", "state", "state sponsor"})

_ACRONYM_AFTER_RE = re.compile(r"\s*\((?-i:[A-Z]{2,6})\)$")

_STATE_SHORT = frozenset({"us", "u.s.", "usa", "uk", "u.k.", "america"})

# sentences a terror listing may be told in (the vectorised prefilter of extract_sanction_mentions)
PREFILTER_TERROR = r"(?i)terror(?:ist|ism)"

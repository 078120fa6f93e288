"""Entry bans told without a sanction word (issue 22, class 10).

A state that answers sanctions often bars the other side's officials from its soil, and real pages tell it as a ban on
entering, not as sanctions: "<State> on Monday banned 43 more <Demonym>s from entering its territory", "<Office> <A> has
been banned from entering <State>", "<A> among 313 <Demonym>s banned from <State>". The state entered is the issuer; the
people barred (a counted group, or the people the words name) are the targets.

`entry_ban_moves(sentence)` -> [(issuer state, target, target type, target country)], the target type 'officials' for a
group, 'person' for a named person. Pure text: the caller adds the document and the sentence's place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extraction.count_tallies import SINCE_DATE_RE
from flows.extraction.designations import sentence_candidates
from flows.extraction.places import countries_in
from flows.extraction.sanction_groups import GROUP_RE, group_country, group_kind

_STATE = r"(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})"
_ENTERING = r"(?:entering|coming\s+to|travell?ing\s+to)"
_FROM = rf"(?:banned|barred|prohibited)\s+from\s+{_ENTERING}?\s*"
_WHERE = rf"(?:its\s+territory|the\s+country|(?:the\s+)?(?P<where>{_STATE}))"

# "<State> (on Monday) (has) banned <who> from entering its territory / <State>"
ACTIVE_RE = re.compile(rf"(?:^|[,;]\s+|\band\s+)(?:the\s+)?(?P<state>{_STATE})\s+(?:on\s+(?-i:[A-Z])\w+day\s+|"
                       rf"(?:has|have|had)\s+(?:now\s+|also\s+)?)?(?:banned|barred)\s+(?P<who>[^.;:]{{2,120}}?)\s+from\s+"
                       rf"{_ENTERING}\s+{_WHERE}", re.I)

# "<who> (has / have) been banned from entering <State>", "<A> among 313 <Demonym>s banned from <State>"
PASSIVE_RE = re.compile(rf"(?P<who>[^.;:]{{2,160}}?)\s+(?:(?:has|have|had)\s+been\s+|(?:was|were|are|is)\s+|(?:now\s+)?)"
                        rf"{_FROM}(?:the\s+)?(?P<where>{_STATE})\b", re.I)


# a running total ("Since the start of the war, <State> has banned more than 700 <Demonym>s"): no move of its own
# (the releases' own test of a total since a time, and "so far", "to date")
SO_FAR_RE = re.compile(r"\b(?:so\s+far|to\s+date)\b", re.I)

_REPORTING_RE = re.compile(r"\b(?:that|said|says|announced|according\s+to\s+[^,]+,)\s", re.I)


def entry_ban_moves(sentence: str) -> list[tuple[str, str, str, str | None]]:
    """(issuer state, target, 'officials' | 'person', target country) of each entry ban the sentence tells."""
    if not re.search(r"\b(?:banned|barred|prohibited)\b", sentence, re.I) or SINCE_DATE_RE.search(sentence) \
            or SO_FAR_RE.search(sentence):
        return []
    return list(_entry_ban_moves(sentence))


@lru_cache(maxsize=4096)
def _entry_ban_moves(sentence: str) -> tuple[tuple[str, str, str, str | None], ...]:
    out: list[tuple[str, str, str, str | None]] = []
    for m in ACTIVE_RE.finditer(sentence):
        states = countries_in(m.group("state"))
        where = countries_in(m.group("where")) if m.group("where") else states
        if states and where and states[0] == where[0]:
            out += _targets(sentence, m.start("who"), m.end("who"), states[0])
    if not out:
        for m in PASSIVE_RE.finditer(sentence):
            where = countries_in(m.group("where"))
            if where:
                out += _targets(sentence, m.start("who"), m.end("who"), where[0])
    return tuple(dict.fromkeys(out))


def _targets(sentence: str, start: int, end: int, issuer: str) -> list[tuple[str, str, str, str | None]]:
    """The counted groups and the named people between start and end (the words of the barred), after the last
    reporting words there ("<State>'s ministry said that <A> ...": the speaker is not barred)."""
    told = list(_REPORTING_RE.finditer(sentence, start, end))
    start = told[-1].end() if told else start
    found = []
    for g in GROUP_RE.finditer(sentence, start, end):
        kind = group_kind(g.group("group"))
        country = group_country(g.group("group"))
        country = country if country != issuer else None
        found.append((g.start(), (issuer, g.group("group"), kind, country)))
    for s, e, surface, _role, n, is_person, _title in sentence_candidates(sentence, False):
        if start <= s and e <= end and is_person and n >= 2 and not any(a <= s < a + len(t[1]) for a, t in found):
            found.append((s, (issuer, surface, "person", None)))
    return [t for _, t in sorted(found)]

"""Counted groups listed in one sentence: breakdowns and parts of a count (members, not releases), lists
after a release verb and pairs joined by "and" (one release of their sum), "<name> and N others".
Part of `flows.extraction.counts`."""

from __future__ import annotations

import re

from flows.extraction.count_numbers import COUNT_RE, parse_number

# "X and 13 others", "Bishop Y and five other priests": the named person is one more of the group; so with
# "plus", "as well as", "along / together with" between ("<name> plus seven others were freed")
OTHERS_BEFORE_RE = re.compile(r"\b(?:and|plus|as\s+well\s+as|(?:along|together)\s+with)\s*$", re.I)
# "<name> and his five co-accused", "<name> along with her two children": the named person's own group, told by a
# possessive instead of "other"; the named person is one more (issue 22, class 1)
POSSESSIVE_GROUP_BEFORE_RE = re.compile(r"\b(?:and|plus|as\s+well\s+as|(?:along|together)\s+with)\s+(?P<pos>his|her|their)\s+$",
                                        re.I)
# "<someone> was freed along with 13 others": the one freed is one more
ALONG_WITH_OTHERS_RE = re.compile(r"\b(?:was|has\s+been|had\s+been)\s+(?:released|freed|pardoned|set\s+free)\b"
                                  r"[^,.;]{0,40}?\b(?:along|together)\s+with\s+$", re.I)
_LISTED_NAME = r"(?:[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|al|el|bin|de|van|von)){1,3})"


# (an item may be a long title and a name: "<Company> Group Chairman <Given> <Surname>"; issue 22, class 1)
_LISTED_ITEM = r"(?:[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|al|el|bin|de|van|von)){1,6})"


def _names_listed_before(sentence: str, start: int) -> int:
    """How many full names are listed right before "and N others": "<name>, <name> and three others" is 2."""
    return names_listed_before(sentence, start)[0]


def names_listed_before(sentence: str, start: int) -> tuple[int, int]:
    """(how many full names are listed right before "and N others", where the list starts): "<name>, <name> and three
    others" is 2."""
    offset = max(0, start - 160)
    before = re.sub(r"\s*,?\s*and\s*$", "", sentence[offset:start])
    first = re.search(rf"{_LISTED_NAME}$", before)
    lead = offset + first.start() if first else start
    n = 1
    while True:
        m = re.search(rf",\s+{_LISTED_ITEM}$", before)
        if not m or not re.search(rf"{_LISTED_NAME},\s+{_LISTED_ITEM}$", before):
            break
        n += 1
        before = before[:m.start()]
        first = re.search(rf"{_LISTED_NAME}$", before)
        lead = offset + first.start() if first else lead
    return n, lead


# between the groups of a breakdown: "five nationals were freed along with three Poles, two Latvians and ..."
LIST_JOIN_RE = re.compile(r"^(?:\s*,|\s*,?\s+and|\s*,?\s+as\s+well\s+as|\s+(?:\w+\s+){0,3}?(?:along|together)\s+with|\s+plus)\s*$",
                          re.IGNORECASE)


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
    """Releases of a sentence that are parts of a larger count it names before them, or of the freed it
    breaks down (_shares_of_the_freed)."""
    out = _shares_of_the_freed(sentence, releases) if " of " in sentence else []
    for r in releases:
        larger = [m for m in matches if m.end() <= r[0] and (parse_number(m.group("num")) or 0) > r[2]]
        including = larger and (PART_OF_RE.search(sentence, larger[-1].end(), r[0])
                                or _listed_after_including(sentence, larger[0].end(), r[0]))
        if including and r not in out:
            out.append(r)
        # "<A> and five others -- three men and two women": the groups after a dash, colon or bracket right after a
        # count say who that count is, no more (issue 22, class 3)
        told = [m for m in matches if m.end() <= r[0] and (parse_number(m.group("num")) or 0) >= r[2]]
        if r not in out and any(DASH_PARTS_RE.fullmatch(sentence, m.end(), r[0]) for m in told):
            out.append(r)
    return out


# the words between a count and the groups that break it down after a dash, a colon or a bracket
# (the breakdown's first count right after the mark: "five others -- three men and two women")
_PART = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+[a-z]+"
DASH_PARTS_RE = re.compile(rf"[^.;:()\u2014\u2013]{{0,30}}?(?:\s--\s|\s?[\u2014\u2013]\s?|:\s|\s\()\s*"
                           rf"(?:{_PART}(?:\s*,\s*|,?\s+and\s+))*", re.I)


# between "including" and a later group of its list: only counted groups and where each comes from, no clause
_NO_CLAUSE_RE = re.compile(r"[;:()\u2014]|\b(?:were|was|are|is|has|have|had|who|which|while|but|released|freed|"
                           r"pardoned|set\s+free)\b", re.I)


def _listed_after_including(sentence: str, start: int, end: int) -> bool:
    """Whether the group ending a list ("including 117 inmates of one prison, 62 from another, ... and 53 from a
    fifth") stands in the list that "including" opens after a larger count: a part of that count, as the
    list's first group is (issue 22, class 3)."""
    cues = list(PART_OF_RE.finditer(sentence, start, end))
    return bool(cues) and not _NO_CLAUSE_RE.search(sentence, cues[-1].end(), end)


# "17 of those pardoned are foreign citizens, 63 are women, 26 are over 60": a breakdown of the freed, told as
# shares of them; every count from there on is a part, not a release (issue 22, class 3/4)
SHARES_OF_THE_FREED_RE = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:-[a-z]+)?)\s+of\s+(?:those|the(?:se)?|them)\s+(?:[\w\-]+\s+)?"
    r"(?:pardoned|released|freed|amnestied|set\s+free)\s+(?:are|were|is|was)\b", re.I)


def _shares_of_the_freed(sentence: str, releases: list[tuple]) -> list[tuple]:
    """Releases of a sentence from a SHARES_OF_THE_FREED_RE breakdown on."""
    m = SHARES_OF_THE_FREED_RE.search(sentence)
    return [r for r in releases if r[0] >= m.start()] if m else []


# a bare 'and' between two counted groups; the first group's noun may end in "of war" (COUNT_RE stops at
# "prisoners") and carry its abbreviation: "30 prisoners of war (POWs) and 14 civilians" (issue 22, class 2)
PAIR_GAP_RE = re.compile(r"\s+(?:of\s+war\s+)?(?:\((?-i:[A-Z]{2,6})s?\)\s+)?and\s+", re.I)


def _pairs(sentence: str, releases: list[tuple]) -> list[tuple]:
    """Two counted groups joined by a bare 'and' are one group: "three women and seven men were freed"."""
    out: list[tuple] = []
    for r in releases:
        if out and PAIR_GAP_RE.fullmatch(sentence, out[-1][1], r[0]) and out[-1][3] == r[3] == "exact":
            out[-1] = (out[-1][0], r[1], out[-1][2] + r[2], "exact")
        else:
            out.append(r)
    return out


# a counted group freed, then a second counted group freed with it: "39 women and minors were released, alongside 13
# hostages", "five Britons were freed along with three Americans": one release of their sum (a joint release or the
# two sides of a swap; issue 22, class 2/11). Only the verb and its particle lie between the groups: a breakdown
# ("along with three Poles, two Latvians and ...") has three groups or more and is left to _breakdowns.
FREED_ALONGSIDE_GAP_RE = re.compile(
    r"[^.;:\d]{0,80}?\b(?:were|was|have\s+been|had\s+been|are\s+being|were\s+being)\s+(?:released|freed|set\s+free|"
    r"handed\s+over)\b[^.;:,\d]{0,30}?,?\s+(?:alongside|along\s+with|together\s+with)\s+", re.I)


def freed_alongside(sentence: str, releases: list[tuple]) -> tuple[list[tuple], list[int]]:
    """(releases, the sides joined): two exact counted groups, the second freed alongside the first (see
    FREED_ALONGSIDE_GAP_RE), are one release of their sum."""
    if len(releases) != 2 or not all(r[3] == "exact" and r[2] for r in releases):
        return releases, []
    a, b = releases
    if not FREED_ALONGSIDE_GAP_RE.fullmatch(sentence, a[1], b[0]):
        return releases, []
    return [(a[0], b[1], a[2] + b[2], "exact")], [a[2], b[2]]


# "Among those freed were also <name> and nine other priests", "Among the released soldiers there are five women":
# members of a release told elsewhere (issue 22, class 3)
MEMBERS_LEAD_RE = re.compile(r"^\W*(?:Among|Included\s+in|Also\s+among)\s+(?:those|the(?:\s+[\w\-]+)?)\s+"
                             # "Among those set to be freed are 66 foreign nationals": members of a release to come
                             r"(?:who\s+(?:were|have\s+been|are\s+to\s+be|will\s+be)\s+|(?:set|due|expected|scheduled)\s+to\s+be\s+|"
                             r"to\s+be\s+|being\s+)?(?:released|freed|pardoned|set\s+free)\b", re.I)
# "The amnesty includes release of 34 foreigners": a group inside the release, amnesty or pardon the sentence names
# (issue 22, class 3)
INCLUDES_RELEASE_OF_RE = re.compile(
    r"\b(?:amnest(?:y|ies)|pardons?|releases?|decrees?|list|clemency)\b[^.;]{0,60}?\binclud(?:es|ed|ing)\s+"
    r"(?:the\s+)?(?:release|freeing|freedom)\s+of\s+(?:some\s+|about\s+|around\s+|more\s+than\s+|over\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|[a-z]+(?:-[a-z]+)?)\b", re.I)

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


# "released one Danish and two Austrian citizens": a first group told by its demonym alone, its noun left to the
# next group, right after the release verb; the groups sum (issue 22, class 11). A count with its own noun first
# ("20 prisoners, eight Poles and ...") is left to _verb_lists, which tells a total from its breakdown.
ELLIPTIC_HEAD_RE = re.compile(
    r"\b(?:releas(?:e|ed|es|ing)|freed|frees|freeing|pardon(?:ed|s|ing)?|set\s+free)\s+(?P<num>\d+|[a-z]+)\s+"
    r"(?P<adj>[A-Z][\w’'\-]+)\s+and\s+$")


def elliptic_head(sentence: str, release: tuple) -> tuple | None:
    """The release widened to the demonym-only group before it, or None."""
    from flows.extraction.count_numbers import parse_number
    from flows.language.lexicon import demonyms
    m = ELLIPTIC_HEAD_RE.search(sentence, 0, release[0])
    if not m or release[3] != "exact":
        return None
    n = parse_number(m.group("num"))
    if not n or m.group("adj").split("-")[0].lower() not in demonyms():
        return None
    return (m.start("num"), release[1], release[2] + n, "exact")

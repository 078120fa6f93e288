"""Counted groups of targets a sanctions sentence names by number and kind (issue 22, class 10).

Real reports seldom name everyone a move lists; they count them: "sanctions on 13 individuals and two
entities", "the assets of nine <demonym> organisations and 26 individuals", "sanctions against five
<demonym plural> involved in ...", "<n> <demonym> nationals were sanctioned". Each counted group is a target
of the sentence's move in the page's own words, count included ("26 individuals"), typed by its head: a group
of people is `officials`, a group of organisations `company`. Such a group stands in for the generic
"officials" row the target finder gives the same sentence.

Examples (tests/test_sanctions.py runs them):
- "The ministry imposed sanctions on 12 individuals and three entities." -> "12 individuals" (officials),
  "three entities" (company);
- "Sanctions target 40 oligarchs and 17 so-called officials" -> "40 oligarchs", "17 so-called officials";
- "It froze the assets of a further 31 Ruritanian individuals" -> "31 Ruritanian individuals";
- "Nine Ruritanian nationals were sanctioned in May" -> "Nine Ruritanian nationals";
- "The court sentenced him to 25 years" (no sanction scope before the count) -> nothing;
- "sanctions on 300 people killed in the raid": a count of people after 'sanctions on' is a group; the
  sentence's move decides whether there is any move at all (no move, no group).
"""

from __future__ import annotations

import re

import polars as pl

from flows.extraction.count_numbers import folded
from flows.extraction.designations import BODY_WORDS, BULLET_RE, _counted_members, plain_name
from flows.extraction.designee_lists import AFTER_CUE as DESIGNEE_CUE
from flows.extraction.places import countries_in
from flows.extraction.sanction_dates import DATED_SANCTION_MENTION_SCHEMA
from flows.extraction.sanction_patterns import _COMPANY_WORD_SET
from flows.language.lexicon import COMPANY_NAME_WORDS, ORG_WORDS, TITLE_WORDS, country_names, fold

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens|hundreds")
# (a dozen counts too: "half a dozen cartels", "more than two dozen entities"; issue 22, class 10)
# ("hundreds of people were targeted by a travel ban": hundreds, dozens or thousands of; issue 22, class 10)
COUNT = (rf"(?:\d[\d,]*|(?:half\s+a|a|two|three|several)\s+dozen|(?:hundreds|dozens|thousands)\s+of|"
         rf"(?:{_NUMBER_WORDS})(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?)")

# group nouns: a group of people, or of organisations
PEOPLE_HEADS = ("individuals|individual|persons|person|people|officials|official|oligarchs|businessmen|nationals|"
                "national|citizens|citizen|separatists|leaders|members|holders|actors|abusers|judges|ministers|"
                "commanders|generals|officers|settlers|gangs|gang\\s+leaders|"
                # (issue 22, class 10: "designated three <A> Air general sales agents")
                "agents|associates|relatives|representatives|"
                # the trades and offices a move names people by ("four judges and two prosecutors", "17 lawmakers",
                # "25 journalists and academics"; session 17)
                "prosecutors|investigators|lawmakers|legislators|politicians|parliamentarians|senators|deputies|"
                "executives|diplomats|journalists|academics|soldiers|servicemen|governors|mayors")
ORG_HEADS = ("entities|entity|organi[sz]ations|organi[sz]ation|companies|company|firms|firm|businesses|business|"
             "banks|bank|groups|networks|cartels|militias|ships|subsidiaries|affiliates|shippers|airlines")  # (vessels are a fleet's ships: sanction_targets names them)
# firms told by their trade, heads of a group nobody counts (described_groups) and organisations by group_kind
_TRADE_HEADS = "contractors|suppliers|manufacturers|traders"
# a demonym plural is a head too ("five Ruritanians"): checked against the country lexicon
_DEMONYM_PLURAL = r"(?-i:[A-Z][a-z]+(?:ans|ese|is))"

# (a state's initials too: "15 U.S. companies")
_MODIFIER = r"(?:(?-i:U\.[SK]\.)|(?-i:[A-Z][\w\-]+)|[a-z][a-z\-]*(?:-(?:based|linked|backed|appointed))?|so-called|‘[^’]{1,20}’|'[^']{1,20}')"
_STOP = r"(?:of|the|and|or|to|in|on|for|with|by|from|at|as|who|which|that|were|was|are|is|have|has|had|its|their)"

# (a demonym before a group noun is a modifier: "four Chinese officials")
_HEAD = (rf"(?:(?:{PEOPLE_HEADS}|{ORG_HEADS})\b|{_DEMONYM_PLURAL}\b"
         rf"(?!\s+(?:[\w\-]+\s+){{0,2}}(?:{PEOPLE_HEADS}|{ORG_HEADS})\b))")

GROUP_RE = re.compile(
    rf"(?P<group>(?P<count>\b{COUNT})\s+(?P<mods>(?:(?!{_STOP}\b){_MODIFIER}\s+(?:and\s+(?=[a-z]))?){{0,4}}?)(?P<head>{_HEAD})"
    # "abusers and corrupt actors", "individuals and entities": one group with two heads and no count between
    # ("seven firms and an individual" is two: the article counts one)
    rf"(?:\s+and\s+(?:(?!{_STOP}\b|{COUNT}\b|an?\b)[a-z][a-z\-]*\s+)?(?:{PEOPLE_HEADS}|{ORG_HEADS})\b)?)", re.I)

# where targets of a move stand before a count: after "sanctions on", a designation verb, "the assets of",
# "the names of", "target(s)", "apply to", with "a further", "an additional", "another" or "some" between
SCOPE_BEFORE_RE = re.compile(
    # ("imposed sanctions and travel bans today (Saturday) on 4 officials": a day in brackets; session 19)
    r"(?:\b(?:sanctions?|measures|restrictions|(?:travel|visa)\s+bans?|asset\s+freezes?)\s+(?:\w+\s+|\(\w+\)\s+){0,3}?"
    r"(?:on|against|targeting|to)|\b(?:sanctioned|sanctioning|(?<=\bto\s)sanction|designated|designating|designate|blacklisted|listed|"
    r"listing|targeted|targeting|targets?|added|adding|(?:the\s+)?(?:assets|names)\s+of|apply\s+to|"
    # ("the assets and bank accounts of nine more <demonym>s"; session 19)
    r"(?:assets|funds)\s+and\s+(?:bank\s+)?accounts\s+of|"
    r"imposed\s+on|assets\s+(?:belonging\s+to|held\s+by|owned\s+by)|aimed\s+at|directed\s+at|"
    r"(?:took|take|takes|taking)\s+action\s+against|bans?\s+(?:on\s+entry\s+)?for))"
    # (the day between the verb and its object: "listed on Monday nine officials"; session 19)
    r"(?:\s+on\s+(?-i:[A-Z])[a-z]+day|\s+today)?"
    # (a named target may come first: "sanctions against <role> <A> and 169 officials"; issue 22, class 10)
    r"(?:\s+(?:the\s+)?(?:(?-i:[A-Z])[\w\-’'.]*\s+){0,4}(?-i:[A-Z])[\w\-’'.]*,?\s+(?:and|as\s+well\s+as)"
    # (or a target told with its kind first: "sanctions on <demonym> private military contractor <A> as well as")
    r"|\s+(?:the\s+)?(?:[\w\-’']+\s+){0,8}?(?-i:[A-Z])[\w\-’'.]*,?\s+as\s+well\s+as(?:\s+on)?)?"
    # (the issuer's own words for them: "sanctioned what it described as 15 <demonym> companies")
    r"(?:\s+what\s+(?:it|they|he|she)\s+(?:described\s+as|called|termed|said\s+(?:was|were|are|is)))?"
    # (a hedged count is a count: "around 30 other officials", "nearly 200 people"; issue 22, class 10)
    r"\s+(?:(?:a\s+further|an\s+additional|another|some|a\s+total\s+of|at\s+least|more\s+than|over|around|about|"
    r"nearly|almost|roughly|up\s+to|as\s+many\s+as)\s+)?$", re.I)

PUT_BEFORE_RE = re.compile(r"\b(?:placed|put|putting|placing|added|adding)\s+(?:(?:a\s+further|another|some)\s+)?$", re.I)
ON_LIST_AFTER_RE = re.compile(r"[^.;:]{0,160}?\s(?:on|to)\s+(?:the|its|their|a)\s+(?:[\w\-]+\s+){0,3}?(?:list|blacklist)\b", re.I)

# or before a passive designation after the group ("nine <demonym> nationals were sanctioned")
PASSIVE_AFTER_RE = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:were|have\s+been|had\s+been|are|would\s+be|will\s+be)\s+(?:also\s+|now\s+)?"
    r"(?:sanctioned|designated|listed|blacklisted|added|targeted|subject\s+to|hit\s+with)\b"
    # ... or what they face: "twelve <demonym> officials will face visa sanctions" (issue 22, class 10)
    r"|\s+(?:will|would|could|now|also)?\s*fac(?:e|es|ed|ing)\s+(?:[\w\-]+\s+){0,2}?(?:sanctions|restrictions|visa\s+bans?)\b",
    re.I)

# or before a done passive designation further on, after what the group did ("Forty-nine individuals and
# organisations involved in abuses in recent years have been designated for sanctions"; issue 22, class 10)
PASSIVE_LATER_RE = re.compile(
    r"[^.;:,()]{0,120}?\s(?:were|have\s+been|had\s+been)\s+(?:also\s+|now\s+)?(?:sanctioned|designated|blacklisted)\b",
    re.I)

# or before a participle that says who designated them and when ("as well as all 367 individuals sanctioned last
# week by <issuer>", "26 entities designated on Monday"): a group listed by a move (issue 22, class 10)
PARTICIPLE_AFTER_RE = re.compile(
    r"\s+(?:(?:already|previously|recently|also)\s+)?(?:sanctioned|designated|blacklisted)\s+"
    r"(?:by|last|earlier|on|this|in|under)\b", re.I)

# what is no group of targets: time spans, ages, money, a count of victims
NOT_GROUP_RE = re.compile(r"\b(?:years?|months?|days?|weeks?|percent|per\s+cent|million|billion|dollars?|"
                          r"rubles?|euros?|pounds?)\b", re.I)


def _is_head(head: str, mods: str = "") -> bool:
    if re.fullmatch(rf"(?:{PEOPLE_HEADS}|{ORG_HEADS})", head, re.I):
        return True
    # "Russians", "Iranians": the demonym's country (the lexicon knows "Russian", "Iranian"); a two-word demonym
    # takes the word before it ("<Saudi> Arabians", "<Sri> Lankans")
    if countries_in(head[:-1]):
        return True
    last = mods.split()[-1] if mods.split() else ""
    return bool(last[:1].isupper() and countries_in(f"{last} {head[:-1]}"))


# the people who run or own organisations: "the heads of <demonym> companies" is a group of people
_RUNNERS = "heads|chiefs|owners|executives|bosses"


def _a_group(m: re.Match) -> bool:
    """Whether a GROUP_RE match is a group of targets: a head noun its words allow, no time span, sum or victims."""
    return _is_head(m.group("head"), m.group("mods")) and not NOT_GROUP_RE.search(m.group("mods"))


def group_kind(text: str) -> str:
    """'company' for a group of organisations, else 'officials' (a group of people)."""
    return "company" if re.search(rf"\b(?:{ORG_HEADS}|{_TRADE_HEADS})\b", text, re.I) and not re.search(
        rf"\b(?:{PEOPLE_HEADS}|{_RUNNERS})\b", text, re.I) else "officials"


# what every COUNT holds: a digit, or one of these in lower case (thirteen ... nineteen hold "teen")
_DIGIT_RE = re.compile(r"\d")
_COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "teen",
                "twenty", "thirty", "forty", "fifty", "dozen", "hundreds")


def counted_groups(sentence: str) -> list[tuple[str, int, str]]:
    """(group in the page's words, start, 'officials' | 'company') of each counted group the sentence names as
    targets: after a sanctions scope (SCOPE_BEFORE_RE) or before a passive designation; the groups of one list
    ("13 individuals and two entities") each."""
    if not _DIGIT_RE.search(sentence) and not any(w in folded(sentence) for w in _COUNT_WORDS):
        return []  # no count (a digit or a number word, a literal test): GROUP_RE cannot match
    out: list[tuple[str, int, str]] = []
    listed_to = None  # where the last group taken ends: "X and <count> Y" goes on with the list
    run = 0
    skipped: list[re.Match] = []  # groups no scope named, in order (a passive after a later one may list them)
    groups = list(GROUP_RE.finditer(sentence))  # (one scan: the test for a group and the groups)
    members = _counted_members(sentence) if groups else []  # "three companies, A, B and C"
    for m in groups:
        if not _a_group(m):
            continue
        before = sentence[max(0, m.start() - 140):m.start()]
        # "X and <count> Y", "X including <names> and <count> Y", "X based in <place> as well as <count> Y"
        gap = sentence[listed_to:m.start()] if listed_to is not None else ""
        in_list = listed_to is not None and len(gap) <= 80 and not re.search(r"[;:]|\.\s", gap) and re.search(
            r"(?:,|\band|\bas\s+well\s+as(?:\s+on)?)\s+(?:(?:more\s+than|over|about|around|nearly|almost|some|at\s+least)\s+)?$",
            gap)
        passive = PASSIVE_AFTER_RE.match(sentence, m.end()) or PASSIVE_LATER_RE.match(sentence, m.end())
        # "placed two subsidiaries of <A> and other <demonym> shippers on the sanctions list" (issue 22, class 10)
        put_on_list = PUT_BEFORE_RE.search(before) and ON_LIST_AFTER_RE.match(sentence, m.end())
        if not (in_list or SCOPE_BEFORE_RE.search(before) or passive or put_on_list
                or PARTICIPLE_AFTER_RE.match(sentence, m.end())):
            skipped.append(m)
            continue
        if passive and not in_list:
            # "30 <Demonym>s, 19 <Demonym>s and 3 <demonym> officials have been hit with sanctions": the groups listed
            # before the one the passive follows are its list mates (issue 22, class 10)
            mates = []
            at = m.start()
            for prev in reversed(skipped):
                if not re.fullmatch(r"\s*(?:,|,?\s+and)\s+", sentence[prev.end():at]):
                    break
                mates.insert(0, prev)
                at = prev.start()
            # (a count inside a name is none: "the <KX-9> organization")
            out += [(p.group("group"), p.start(), group_kind(p.group("group"))) for p in mates
                    if _a_group(p) and not re.search(r"[\w\-/.]$", sentence[:p.start()])]
        if re.search(r"\b(?:the|these|those)\s+$", before, re.I) and not PASSIVE_AFTER_RE.match(sentence, m.end()):
            continue  # "the 15 persons listed": a group told again, not a new one
        group = m.group("group")
        run = run + 1 if in_list else 0  # how many groups before this one the same list holds
        listed_to = m.end()
        if NAMED_MEMBERS_RE.match(sentence, m.end()) or any(0 <= start - m.end() <= 4 for _n, start, _k in members):
            # "two individuals, <Name> and <Name>": the named ones are the targets (and those of the list before);
            # a group bigger than the names it goes on to give stays ("forty officials, including <Name>": the
            # rest are unnamed; issue 22, class 10)
            n_named = _named_after(sentence, m.end())
            kept_run = [g for g in out[len(out) - min(run, len(out)):] if (group_size(g[0]) or 10 ** 9) > n_named]
            del out[len(out) - min(run, len(out)):]
            out += kept_run
            if (group_size(group) or 10 ** 9) <= n_named:
                continue
        out.append((group, m.start(), group_kind(group)))
    return out


def _named_after(sentence: str, end: int) -> int:
    """How many capitalised names the list right after a group gives ("..., including <A B>, <C D> and <E>" -> 3)."""
    tail = re.split(r"[;:()]|\.\s|,\s+(?:who|which|to|for|after|in)\b", sentence[end:end + 300])[0]
    return len(re.findall(r"(?:^|,|\band\b|\bincluding\b|\bnamely\b|\bsuch\s+as\b)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?-i:[A-Z])", tail))


# A group nobody counts, told by what its members are (issue 22, class 10): "sanctions on violent settlers",
# "sanctions against individuals and organisations linked to the former <demonym> government", "sanctions against
# <A> and other defence contractors". A bare head ("sanctions on officials") says nothing more than the generic
# group the target finder gives: it needs a word that describes it, a second head, a demonym or a tie.
_NOT_MOD = (r"(?:the|a|an|of|and|or|on|in|to|for|with|by|from|at|as|who|which|that|its|their|his|her|these|those|all|"
            r"any|new|further|more|fresh|additional|also|this|next|last|such|both|each|many|most|several|some|certain|"
            r"what|whose|were|was|are|is|be|been|have|has|had|against|over|under|after|before|into|about|between|"
            r"through|during|including|like|sanctions?|measures|restrictions|targeted|imposed|announced|said|"
            rf"{_NUMBER_WORDS}|dozen)")
_DESC_MOD = rf"(?:(?!{_NOT_MOD}\b)(?:[a-z][a-z\-]+|(?-i:[A-Z][a-z]+)))"
# (and who runs or owns them: "the heads of <demonym> companies and members of their families"; issue 22, class 10)
_DESCRIBED_HEADS = rf"(?:{_TRADE_HEADS}|associates|relatives|allies|cronies|militants|{_RUNNERS})"
DESCRIBED_GROUP_RE = re.compile(
    rf"[\"“‘']?(?P<group>(?P<mods>(?:{_DESC_MOD}\s+){{0,3}}?)(?P<head>{PEOPLE_HEADS}|{ORG_HEADS}|{_DESCRIBED_HEADS}|"
    rf"{_DEMONYM_PLURAL})\b"
    rf"(?P<second>\s+and\s+(?:{_DESC_MOD}\s+)?(?:{PEOPLE_HEADS}|{ORG_HEADS})\b)?"
    # what ties them to someone or somewhere: "linked to the former government", "of the ruling party", "in <Country>"
    rf"(?P<tie>\s+(?:(?:linked|tied|connected|close|loyal)\s+to|associated\s+with|of)\s+(?:the\s+)?"
    rf"[^,;.()“”\"]{{3,60}}?(?=\s*[,;.()“”\"]|\s+(?:and|over|for|after|in|on|who|which|since|because|remain|remains|are|were|is|was)\b|\s*$)"
    rf"|\s+(?:based\s+)?in\s+(?:[a-z\-]+\s+){{0,2}}(?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+)?)?)", re.I)
# where such a group stands: right after "sanctions on / against", "sanctioning", "targeting", or as the next item of
# a list they open ("sanctions against <A> and other ...")
# (or after "applied to": "Sanctions have also been applied to a <demonym> state-owned company that ..."; issue 22,
# class 10)
DESCRIBED_SCOPE_RE = re.compile(
    r"(?:\b(?:sanctions?|measures|restrictions|asset\s+freezes?)\s+(?:[\w\-]+\s+){0,6}?(?:on|against|targeting)|"
    r"\b(?:sanctioning|targeting|designating|targeted)|\b(?:applied|extended)\s+to)\s+(?P<art>the\s+|an?\s+)?", re.I)
# the next item of a list of described groups: ", and a <demonym> public relations firm involved in ..."
NEXT_DESCRIBED_RE = re.compile(r"(?:\s+(?:that|which|involved|based|linked)\b[^,;.]{0,120})?,?\s+(?:and|as\s+well\s+as)\s+"
                               r"(?P<art>the\s+|an?\s+)?", re.I)
LIST_ITEM_RE = re.compile(r"(?-i:[A-Z])[\w\-’'.]*(?:\s+(?-i:[A-Z])[\w\-’'.]*){0,3},?\s+(?:and|as\s+well\s+as)\s+(?:on\s+)?(?:the\s+)?")
_DESCRIBED_PREFILTER = re.compile(rf"\b(?:{PEOPLE_HEADS}|{ORG_HEADS}|{_DESCRIBED_HEADS})\b|(?-i:[A-Z][a-z]+(?:ans|ese|is))\b", re.I)


_AND_WORD_RE = re.compile(r"(?:\s+and\s+[a-z][\w\-]*)?")
BARE_GROUP_RE = re.compile(r"^(?:officials|individuals|entities|persons|people)$", re.I)


def described_groups(sentence: str) -> list[tuple[str, int, str]]:
    """(group in the page's words, start, 'officials' | 'company') of each uncounted group the sentence names as
    the targets of a move (DESCRIBED_GROUP_RE right after DESCRIBED_SCOPE_RE, or after one named item there)."""
    if not re.search(r"(?i)\b(?:sanction|measures|restrictions|freez|targeting|targeted|designating)", sentence) \
            or not _DESCRIBED_PREFILTER.search(sentence):
        return []
    out = []
    for scope in DESCRIBED_SCOPE_RE.finditer(sentence):
        m = DESCRIBED_GROUP_RE.match(sentence, scope.end())
        if m is None:
            item = LIST_ITEM_RE.match(sentence, scope.end())
            m = DESCRIBED_GROUP_RE.match(sentence, item.end()) if item else None
        if m is None:
            continue
        head, mods = m.group("head"), m.group("mods").strip()
        if not (_is_head(head, mods) or re.fullmatch(_DESCRIBED_HEADS, head, re.I)):
            continue
        if not re.search(r"(?:s|people)$", head, re.I):
            # "the state power company": one body, named elsewhere, not a group; but "a <demonym> state-owned company
            # that makes <goods>" is one the move names by what it is (issue 22, class 10)
            if not (scope.group("art") or "").lower().startswith("a") or not mods \
                    or not re.fullmatch(ORG_HEADS, head, re.I):
                continue
            out.append((m.group("group").strip(), m.start("group"), "company"))
            nxt = NEXT_DESCRIBED_RE.match(sentence, m.end())
            more = DESCRIBED_GROUP_RE.match(sentence, nxt.end()) if nxt and (nxt.group("art") or "").lower().startswith("a") else None
            if more and more.group("mods").strip() and re.fullmatch(ORG_HEADS, more.group("head"), re.I):
                out.append((more.group("group").strip(), more.start("group"), "company"))
            continue
        demonym = not re.fullmatch(rf"(?:{PEOPLE_HEADS}|{ORG_HEADS}|{_DESCRIBED_HEADS})", head, re.I)
        if not (mods or demonym or m.group("second") or m.group("tie")):
            continue  # "sanctions on officials": the generic group says as much
        if re.match(r"(?i)(?:members|leaders|holders|actors|groups)$", head) and not (mods or m.group("tie")):
            continue
        if re.fullmatch(_RUNNERS, head, re.I) and not re.search(rf"\b(?:{ORG_HEADS})\b", m.group(0), re.I):
            continue  # "the heads of the colony where ..." name no firms: its people, named elsewhere
        if NAMED_MEMBERS_RE.match(sentence, m.end() + len(_AND_WORD_RE.match(sentence, m.end()).group())):
            continue  # "other individuals (and lawmakers), including <A> and <B>": the named ones are the targets
        # (a tie ends before a count or a span of time: "members of the junta two years after ...")
        group = re.split(rf"(?i)\s+(?:\d|(?:{_NUMBER_WORDS}|dozen)\b)", m.group("group").strip())[0]
        out.append((group, m.start("group"), group_kind(group)))
        # the next described group of the same list: "sanctions on major <demonym> banks and key <demonym>
        # individuals" (session 18, issue 22, class 10)
        nxt = NEXT_GROUP_RE.match(sentence, m.end())
        more = DESCRIBED_GROUP_RE.match(sentence, nxt.end()) if nxt else None
        if more and more.group("mods").strip() and re.search(r"(?:s|people)$", more.group("head"), re.I) \
                and _is_head(more.group("head"), more.group("mods").strip()) \
                and not NAMED_MEMBERS_RE.match(sentence, more.end()):
            group = re.split(rf"(?i)\s+(?:\d|(?:{_NUMBER_WORDS}|dozen)\b)", more.group("group").strip())[0]
            out.append((group, more.start("group"), group_kind(group)))
    return out


# between two described groups of one list: "and", "as well as" (not a clause: no verb may come between)
NEXT_GROUP_RE = re.compile(r",?\s+(?:and|as\s+well\s+as)\s+(?:the\s+|other\s+)?", re.I)


# a count whose members the sentence goes on to name: "..., including <Name>", "such as senior <Body> member <Name>"
NAMED_MEMBERS_RE = re.compile(r"\s*,?\s*(?:including|such\s+as|namely|among\s+them)\s+(?:[a-z]+\s+){0,2}(?-i:[A-Z])", re.I)


def group_size(group: str) -> int | None:
    """The count of a counted group ("26 individuals" -> 26, "nine entities" -> 9), None for "dozens", "hundreds"."""
    m = re.match(COUNT, group, re.I)
    word = m.group(0).lower().replace(",", "") if m else ""
    if word.isdigit():
        return int(word)
    dozen = re.fullmatch(r"(half\s+a|a|two|three)\s+dozen", word)
    if dozen:
        return {"half a": 6, "a": 12, "two": 24, "three": 36}[re.sub(r"\s+", " ", dozen.group(1))]
    words = {w: i + 1 for i, w in enumerate(_NUMBER_WORDS.split("|")[:20])} | {"thirty": 30, "forty": 40, "fifty": 50}
    parts = re.split(r"[\s\-]", word)
    return sum(words.get(p, 0) for p in parts) or None if all(p in words for p in parts) else None


# the generic group rows the target finder gives a sentence that counts its targets ("sanctions on 13 individuals"
# -> "officials"): the counted groups say the same, better
GENERIC_GROUP_RE = re.compile(r"^(?:officials|individuals|entities|(?-i:[A-Z][a-z]+|U\.S\.|US|U\.K\.|UK)\s+(?:individuals|entities|"
                              r"companies|firms|organi[sz]ations|citizens|nationals|officials))$", re.I)


# a counted group right after a verb that designates it, in a sentence that names no sanctions ("The Treasury has
# designated 17 <demonym plural> for ...", "said it was sanctioning 12 <demonym> nationals"): the verb is the move
# (issue 22, class 10)
DESIGNATING_VERB_RE = re.compile(
    # (a decision taken is done: "has decided to sanction 28 persons"; a ministry's own words: "said it was targeting")
    r"\b(?P<verb>sanctioned|sanctioning|designated|designating|designates|blacklisted|blacklisting|blacklists|"
    r"decided\s+to\s+(?:sanction|designate|blacklist)|(?<=\bit\swas\s)targeting|(?<=\bit\sis\s)targeting|"
    # "The Treasury Department targeted four companies" (an agency's targeting is its designation; session 19)
    r"(?<=Treasury\s)targeted|(?<=Department\s)targeted|(?<=OFAC\s)targeted|(?<=Treasury\salso\s)targeted|"
    # "The EU formally listed on Monday nine officials" (a listing told by the bloc's own word; session 19)
    r"(?<=\sformally\s)listed(?:\s+on\s+\w+day)?)\s+"
    r"(?:(?:a\s+further|an\s+additional|another|a\s+total\s+of|at\s+least|more\s+than|over|some)\s+)?$", re.I)
# the verb passive or still to come: "were designated", "plans to designate", "would be sanctioning"
_NOT_DONE_RE = re.compile(r"\b(?:was|were|is|are|been|be|being|would|will|could|may|might|should|must|to|not|never)\s+"
                          r"(?:\w+\s+){0,1}$", re.I)
# (a progressive is done: "said it was sanctioning")
_NOT_DONE_ING_RE = re.compile(r"\b(?:be|would|will|could|may|might|should|must|to|not|never)\s+(?:\w+\s+){0,1}$", re.I)


# between two counted groups of one object (session 18)
_NEXT_COUNTED_RE = re.compile(r"\s*,\s*(?:and\s+)?|,?\s+(?:and|as\s+well\s+as)\s+", re.I)


def designated_groups(sentence: str) -> list[tuple[str, int, str]]:
    """The counted groups (counted_groups' shape) a designating verb takes as its object."""
    if not re.search(r"(?i)\b(?:sanction|designat|blacklist)|\bit\s+(?:was|is)\s+targeting\b|"
                     r"\b(?:Treasury|OFAC|Department)\s+(?:also\s+)?targeted\b", sentence):
        return []
    out = []
    for group, start, kind in counted_groups(sentence):
        if out and _NEXT_COUNTED_RE.fullmatch(sentence, out[-1][1] + len(out[-1][0]), start):
            out.append((group, start, kind))  # "designated five individuals and three entities": the next group too
            continue
        verb = DESIGNATING_VERB_RE.search(sentence, max(0, start - 60), start)
        not_done = _NOT_DONE_ING_RE if verb is not None and verb.group("verb").lower().endswith("ing") else _NOT_DONE_RE
        # (or a done passive after it: "<count> individuals ... have been designated")
        if (verb is None or not_done.search(sentence, max(0, verb.start() - 30), verb.start())) \
                and not PASSIVE_LATER_RE.match(sentence, start + len(group)):
            continue
        out.append((group, start, kind))
    return out


def with_counted_groups(moves: list[tuple], sentence: str, doc_country: str | None) -> list[tuple]:
    """A sentence's moves (sanctions._sentence_moves' shape: actions, target, type, country, explicit, clause) with
    its counted groups as targets of the sentence's move; a generic group move (GENERIC_GROUP_RE) of the sentence
    gives way to them. A sentence with no move gets no group."""
    if not moves:
        return moves
    groups = counted_groups(sentence)
    # (and the groups nobody counts: "sanctions on violent settlers"; issue 22, class 10)
    # (a group the target finder already told by nationality stays as it told it: "sanctions on <demonym> citizens
    # and companies" is its two groups)
    told = [fold(m[1]) for m in moves if m[1] and m[2] in ("officials", "company") and not BARE_GROUP_RE.match(m[1])]
    groups += [d for d in described_groups(sentence)
               if not any(g[1] <= d[1] < g[1] + len(g[0]) or d[1] <= g[1] < d[1] + len(d[0]) for g in groups)
               and not any(t in fold(d[0]) for t in told)]
    # ("the assets of nine people linked to <A>, and a company involved in raising funds for <A>": one firm the move
    # names by what it does, after the group; issue 22, class 10)
    if not groups:
        return _with_orgs_after(moves, sentence, doc_country)
    # "nine nationals were sanctioned, including senior member A B": the named members are the targets
    members = included_people(sentence) if INCLUDING_RE.search(sentence) else []
    if members:
        # (unless the group is bigger than the names given: "forty officials, including <A>" keeps the rest)
        groups = [g for g in groups if not (g[2] == "officials" and g[1] < members[0][1]
                                            and (group_size(g[0]) or 10 ** 9) <= len(members))]
    actions = next((m[0] for m in moves if m[0]), None)
    if not actions:
        return _with_orgs_after(moves, sentence, doc_country)
    # (and a country no "sanctions on" names stood in for the targets the groups now name)
    # ("sanctions against four <demonym> settlers": the country the group's words name is no target of its own
    # unless the sentence names it outside the groups)
    rest = sentence
    for group, start, _kind in groups:
        rest = rest[:start] + " " * len(group) + rest[start + len(group):]
    outside = set(countries_in(rest))
    kept = [m for m in moves if not (m[2] in ("officials", "company") and GENERIC_GROUP_RE.match(m[1] or ""))
            and not (m[2] == "country" and (not m[4] or m[1] not in outside))]
    country = next((m[3] for m in moves if m[1] is not None and m[2] != "country" and m[3]), None) or next(
        (m[1] for m in moves if m[2] == "country"), None) or doc_country
    have = {m[1] for m in kept}
    # (a group its own words tie to a country is that country's: "violent <demonym> settlers")
    return _with_orgs_after(kept + [(actions, group, kind, group_country(group) or country, True, sentence)
                                    for group, _start, kind in groups if group not in have], sentence, doc_country)


def _with_orgs_after(moves: list[tuple], sentence: str, doc_country: str | None) -> list[tuple]:
    """`moves` and, as targets of the sentence's move, the firms it names after its other targets by what they do
    (orgs_after_targets: ", and a company involved in raising funds for <A>"; issue 22, class 10)."""
    orgs = orgs_after_targets(sentence)
    actions = next((m[0] for m in moves if m[0]), None)
    if not orgs or not actions:
        return moves
    # (whose firm it is, only as its own words tell: the move's other targets may be the issuer's country's reading)
    have = {m[1] for m in moves}
    return moves + [(actions, org, "company", group_country(org), True, sentence)
                    for org, _start, _kind in orgs if org not in have]


# a firm the move names by what it does, after a group of targets: ", and a company involved in raising funds for
# <A>", "and a company that is allegedly connected to <A>"
ORG_AFTER_TARGETS_RE = re.compile(
    r",?\s+and\s+(?P<org>an?\s+(?:company|firm|entity|bank|business|organi[sz]ation)\s+"
    r"(?:(?:that|which)\s+(?:is|are|was|were)\s+|(?:allegedly|reportedly)\s+)*"
    r"(?:involved|linked|tied|connected|associated|based|accused|used|owned|controlled)\b[^,;.()]{0,100}?)"
    r"(?=\s*(?:[,;.()]|$|\s+(?:according|as\s+reported|the\s+(?:\w+\s+)?(?:said|says))\b))", re.I)


def orgs_after_targets(sentence: str) -> list[tuple[str, int, str]]:
    """(words, start, 'company') of each firm a move's sentence names after its other targets by what it does."""
    if " and a" not in sentence:
        return []
    return [(m.group("org").strip(), m.start("org"), "company") for m in ORG_AFTER_TARGETS_RE.finditer(sentence)]


def group_country(group: str) -> str | None:
    """The country a group's own words name: a country or demonym ("four <demonym> ships"), or a demonym in the
    plural ("<demonym>s accused of ..."), else None."""
    named = countries_in(group)
    if named:
        return named[0]
    plural = next((w[:-1] for w in re.findall(_DEMONYM_PLURAL, group) if countries_in(w[:-1])), None)
    return countries_in(plural)[0] if plural else None


def without_named_groups(sm: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions without the counted groups the document names in full: "sanctions on six individuals"
    and six named people (in that sentence or in a list after it) are those people, "one entity" and one named
    organisation that one, so no group row beside them (the gold's convention too: only named targets are
    entries where the page names them). A group bigger than the names given stays: it stands for the unnamed
    rest ("398 individuals" and the three a report names)."""
    groups = sm.filter(pl.col("target_type").is_in(["officials", "company"])
                       & pl.col("target").str.contains(rf"(?i)^{COUNT}\s"))
    if groups.is_empty():
        return sm
    named: dict[tuple, set] = {}
    for doc_id, action, target, kind in sm.select("doc_id", "action", "target", "target_type").iter_rows():
        if kind in ("person", "company", "officials") and target and not re.match(rf"(?i){COUNT}\s", target) \
                and not GENERIC_GROUP_RE.match(target):
            named.setdefault((doc_id, action, "officials" if kind == "person" else "company"), set()).add(target)
    drop = [(d, t, a) for d, t, a, kind in groups.select("doc_id", "target", "action", "target_type").iter_rows()
            if (group_size(t) or 10 ** 9) <= len(named.get((d, a, kind), ()))]
    if not drop:
        return sm
    keys = pl.DataFrame(drop, schema=["doc_id", "target", "action"], orient="row").with_columns(_drop=pl.lit(True))
    return (sm.join(keys.unique(), on=["doc_id", "target", "action"], how="left", maintain_order="left")
            .filter(~pl.col("_drop").fill_null(False)).drop("_drop"))


# A list of targets after a cue that says what they are (issue 22, class 10): "The sanctioned outposts are the A,
# B, and C", "The targeted organisations are the A, <what A is>; B, <what B is>; and C", "Among those penalised are
# A, <role>, and B", "The companies sanctioned include A S.A., which ..., and B", "Also removed from the sanctions
# list were A and B", "A, <role>, and B, <role>, are also targeted". Names need no given-name lexicon here: the cue
# says they are targets; a group noun of people makes them persons, any other group noun organisations.
_PARTICIPLE = (r"(?:sanctioned|targeted|designated|listed|blacklisted|penali[sz]ed|punished|named|added|hit|"
               r"exempted|removed|delisted|taken\s+off|dropped)")
_LIFTING = r"(?:exempted|removed|delisted|taken\s+off|dropped)"
_NOUN = (r"(?:individuals|persons|people|officials|oligarchs|businessmen|entities|organi[sz]ations|companies|"
         r"firms|banks|groups|outposts|settlements|bodies|institutions|those|others|targets)")
LIST_CUE_RE = re.compile(
    rf"(?:^|\b(?:the|Among|(?-i:[A-Z][\w\-]+)['’]s)\s+)(?:(?:newly|also)[\s\-])?(?:{_PARTICIPLE}\s+{_NOUN}|{_NOUN}\s+(?:also\s+|newly\s+)?{_PARTICIPLE}"
    rf"|targets(?=\s+(?:are|include)))(?:\s+(?:from|to|on)\s+the\s+(?:\w+\s+){{0,2}}lists?)?\s+(?:also\s+)?"
    rf"(?:are|is|were|was|include[sd]?)(?:\s*:)?\s+(?:the\s+)?"
    rf"|^(?:Also\s+)?(?P<verb>{_PARTICIPLE})\s+(?:from|to|on)\s+the\s+(?:\w+\s+){{0,2}}lists?\s+(?:are|is|were|was)\s+",
    re.I)
# one target after a cue in the singular: "The sanctioned entity, <Name>, is subject to ..."
SINGLE_CUE_RE = re.compile(rf"\b[Tt]he\s+(?:newly[\s\-])?{_PARTICIPLE}\s+(?P<noun>entity|company|firm|bank|organi[sz]ation|body|"
                           r"individual|person|official)\s*,\s+(?:the\s+)?")
# "A, <role>, and B, <role>, are also targeted": the names before a passive cue that ends the sentence
PASSIVE_END_RE = re.compile(rf",?\s+(?:are|were|have\s+been|has\s+been)\s+(?:also\s+)?{_PARTICIPLE}\s*[.]?\s*$", re.I)

_NAME_RUN = r"(?-i:[A-Z][\w’'\-\.&]*)(?:\s+(?:(?-i:[A-Z][\w’'\-\.&]*)|de|del|y|of|and|for|la|al|bin|von|van)){0,8}"
NAME_RUN_RE = re.compile(_NAME_RUN)
_PEOPLE_NOUNS = {"individuals", "persons", "people", "officials", "oligarchs", "businessmen"}


def _items(text: str) -> list[tuple[str, int]]:
    """(element, offset) of a list: cut at semicolons when it has any, else at commas and 'and'."""
    sep = r";\s*(?:and\s+)?" if ";" in text else r",\s*(?:and\s+)?|\s+and\s+"
    out, at = [], 0
    for m in [*re.finditer(sep, text), None]:
        end = m.start() if m else len(text)
        out.append((text[at:end], at))
        at = m.end() if m else at
    return out


def _lead_name(element: str, after_break: bool) -> tuple[str, int] | None:
    """The name an element of a list of targets holds: its whole when it is a name; after a break ('and', ';',
    the cue) also the last name of a described head ("<Nationality> citizen A B", "the A B Farm")."""
    el = element.strip()
    lead = len(element) - len(element.lstrip())
    el2 = re.sub(r"^(?:the|a|an)\s+", "", el)
    lead += len(el) - len(el2)
    m = NAME_RUN_RE.match(el2)
    rest = el2[m.end():].strip(" .") if m else el2
    if m and (not rest or re.match(r"^(?:\(|[“\"‘'(,]|which\b|who\b|S\.A\.|SA\b|Ltd|LLC|Inc)", rest)):
        name = m.group(0).strip(" .")
        legal = re.match(r"^(?:S\.A\.(?:\s+de\s+C\.V\.)?|SA|Ltd\.?|LLC|Inc\.?)", rest)
        return (name + " " + legal.group(0) if legal else name), lead
    if after_break:
        head = re.split(r",|\s+(?:which|who)\b", el2)[0]
        runs = list(NAME_RUN_RE.finditer(head))
        if runs and runs[-1].end() >= len(head.rstrip(" .")) and len(runs[-1].group(0).split()) >= 2:
            return runs[-1].group(0).strip(" ."), lead + runs[-1].start()
    return None


# a word every cue holds (SINGLE_CUE_RE, LIST_CUE_RE, PASSIVE_END_RE: a _PARTICIPLE, or "targets"), in lower case
_CUE_WORDS = ("sanctioned", "target", "designated", "listed", "penali", "punished", "named", "added", "hit", "exempted",
              "removed", "taken", "dropped")


# a sentence adverb before the first item ("Additionally, ...", "In addition, ..."): no name of a list
LEAD_ADVERB_RE = re.compile(r"^\s*(?:Additionally|Also|Meanwhile|However|Separately|Similarly|Finally|Lastly|Moreover|"
                            r"Furthermore|Earlier|Later|Likewise|In\s+addition|At\s+the\s+same\s+time),\s+")


def cue_listed_targets(sentence: str) -> tuple[list[tuple[str, int, str]], str | None]:
    """([(name, start, 'person' | 'company')], 'lifted' when the cue removes them from a list, else None) of a
    sentence that lists targets after (LIST_CUE_RE) or before (PASSIVE_END_RE) a cue."""
    low = folded(sentence)
    if not any(w in low for w in _CUE_WORDS):
        return [], None  # no cue word: none of the scans below can match (a literal test, see folded)
    if DESIGNEE_CUE.search(sentence):
        return [], None  # "Others sanctioned are A and B": designee_lists reads these (and marks them people)
    one = SINGLE_CUE_RE.search(sentence)
    if one:  # "The sanctioned entity, <Name>, is subject to an asset freeze"
        name = NAME_RUN_RE.match(sentence, one.end())
        if name and re.match(r"\s*(?:\(|,|$)", sentence[name.end():]) and fold(name.group(0)) not in country_names():
            kind = "person" if one.group("noun").lower() in ("individual", "person", "official") else "company"
            return [(name.group(0).strip(" ."), name.start(), kind)], None
    m = LIST_CUE_RE.search(sentence)
    if m:
        span, lo = sentence[m.end():], m.end()
        cue = m.group(0)
    else:
        p = PASSIVE_END_RE.search(sentence)
        if p is None or p.start() == 0:
            return [], None
        span, lo, cue = sentence[:p.start()], 0, p.group(0)
    lead = LEAD_ADVERB_RE.match(span)
    if lead:  # "Additionally, a <demonym> officer ... has been sanctioned": the adverb leads the sentence, no name
        span = " " * lead.end() + span[lead.end():]
    if not re.match(r"\s*(?:the\s+)?[A-Z“\"‘']", span):
        return [], None  # "the listed individuals are also barred from ...": no list of names
    span = re.split(r"(?:,\s+|\s+)(?:according\s+to|said|says|the\s+\w+\s+said)\b", span)[0]
    # what brackets hold describes an item ("companies (including A, B and C)" whose chairs are the targets)
    span = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), span)
    nouns = re.findall(_NOUN, cue, re.I) if m else []
    noun = nouns[0].lower() if nouns else ""
    out = []
    whole = True  # the element before was wholly a name (or there was none)
    for k, (element, offset) in enumerate(_items(span)):
        # an element right after a break (';', ', and', the cue, or a bare 'and' after a name) names a target;
        # others only when wholly a name ("party secretary of the <A> and <B> Corps": one description)
        prev = span[:offset]
        after_break = k == 0 or bool(re.search(r"(?:;\s*(?:and)?|,\s*and)\s*$", prev)) or (
            whole and bool(re.search(r"\band\s*$", prev)))
        found = _lead_name(element, after_break)
        was_whole = whole
        whole = found is not None and found[0] == re.sub(r"^(?:the|a|an)\s+", "", element.strip()).strip(" .")
        if found is None or not found[0][:1].isupper() or not (after_break or was_whole):
            continue
        name = found[0]
        described = re.match(r"^(?:\S+-(?:linked|based|born|backed|appointed)\s+)+", name)  # "<Place>-linked A B"
        if described:
            name, found = name[described.end():], (name[described.end():], found[1] + described.end())
        titled = [i for i, w in enumerate(name.split()) if fold(w) in TITLE_WORDS]
        office = False
        if titled and (noun in _PEOPLE_NOUNS | {"those", "others", "targets"} or (
                noun == "" and titled[-1] > 0 and 2 <= len(name.split()) - titled[-1] - 1 <= 4
                and plain_name(re.sub(r"^(?:U|Daw)\s+", "", " ".join(name.split()[titled[-1] + 1:]))))) \
                and len(name.split()) - titled[-1] - 1 >= 2:
            # "<Place> Police Commissioner A B": the person after the office (before a passive cue too: "<Body> Chief
            # Justice A B, <Body> Chairman C D, ... were also sanctioned"; issue 22, class 10)
            cut = len(" ".join(name.split()[:titled[-1] + 1])) + 1
            name, found = name[cut:], (name[cut:], found[1] + cut)
            office = True
        if fold(name) in country_names() or len(name) < 3:
            continue
        kind = "person" if noun in _PEOPLE_NOUNS or office or (
            noun in ("those", "others", "targets", "") and _looks_personal(name)) else "company"
        out.append((name, lo + offset + found[1], kind))
    action = "lifted" if re.search(_LIFTING, cue, re.I) else None
    return out, action


def _looks_personal(name: str) -> bool:
    """Two or three capitalised words with no organisation word: a person's name."""
    words = name.split()
    return 2 <= len(words) <= 4 and not any(w.strip(".,") in _COMPANY_WORD_SET or w in BODY_WORDS or w.lower() in ORG_WORDS
                                            or w.lower().strip(".,") in COMPANY_NAME_WORDS
                                            or w in ("Farm", "Group", "Network") for w in words) \
        and all(w[:1].isupper() for w in words)


# A person designated by role, the name in apposition (issue 22, class 10): "had already sanctioned the judge who
# presided over the trial, A B, and the head of the jail where he is held, C D"; "sanctions notorious gang
# leader, A B". The role starts lower-case; the name is two to four capitalised words closed by a comma or the end.
_APPOSITION_NAME = r"(?P<name>(?-i:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3}))(?=\s*(?:,|\.|;|$))"
APPOSITION_FIRST_RE = re.compile(
    rf"\b(?:sanctioned|sanctions|designated|designates|blacklisted|targeted)\s+(?:the\s+|a\s+)?"
    rf"(?!(?:on|against|over|for|to|in|of|by|from|with|under|after|and|that|which|who)\b)"  # a role, no phrase
    rf"(?P<role>(?-i:[a-z])[^,;.]{{2,100}}?),\s+{_APPOSITION_NAME}", re.I)
APPOSITION_NEXT_RE = re.compile(rf",?\s+and\s+(?:the\s+|a\s+)?(?P<role>(?-i:[a-z])[^,;.]{{2,100}}?),\s+{_APPOSITION_NAME}")


def appositive_targets(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, 'person') of the people a designation names by role first, then by name in apposition."""
    out = []
    for m in APPOSITION_FIRST_RE.finditer(sentence):
        if fold(m.group("name")) in country_names() or m.group("role").split()[0].lower() in ("sanctions", "measures") \
                or any(w.strip(".,") in _COMPANY_WORD_SET or w in BODY_WORDS for w in m.group("name").split()):
            continue
        out.append((m.group("name"), m.start("name"), "person"))
        at = m.end()
        while True:
            n = APPOSITION_NEXT_RE.match(sentence, at)
            if n is None:
                break
            out.append((n.group("name"), n.start("name"), "person"))
            at = n.end()
    return out


# Named members of a group of people a move targets (issue 22, class 10): "sanctions on 11 officials and their
# allies, including Chief Executive A B", "The six <demonym plural>, including A B, <role>, are subject to a travel
# ban", "nine nationals were sanctioned, including senior cartel member A B", "sanctions on the country's political
# elite including A B". The people named after "including" (titles and roles before a name allowed) are targets
# when a group of people stands just before it and no reason ("over the arrest of dissidents, including A B")
# comes between.
_GROUP_OF_PEOPLE = rf"\b(?:{PEOPLE_HEADS}|elite|allies|figures|associates|{_DEMONYM_PLURAL})\b"
INCLUDING_RE = re.compile(r"\b(?:including|such\s+as|among\s+them)\s+", re.I)
_REASON_BETWEEN = re.compile(r"\b(?:over|for|after|because|following|amid|against\s+the|arrest\w*|jail\w*|detention|"
                             r"death|killing|release\w*|prosecution|trial|poisoning|of)\b", re.I)
# the circle a group of people belongs to, right after its head: "members of his inner circle", "officials of the regime"
_WHOSE_GROUP = re.compile(r"^\s+of\s+(?:his|her|their|its|the)\s+(?:[\w\-]+\s+){0,2}?(?:circle|family|entourage|"
                          r"government|cabinet|administration|regime|inner\s+circle)\b", re.I)
_MEMBER_GAP = re.compile(r"^(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+))?(?:[\w\-]+\s+){0,4}?$")


# words of an office written before a name that the title lexicon may lack ("Chief Executive A B")
_OFFICE_WORDS = frozenset({"chief", "executive", "deputy", "vice", "secretary", "minister", "commissioner", "director",
                           "governor", "senator", "commander", "chairman", "chairwoman", "head", "leader"})


def included_people(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, 'person') of the people named as members of a targeted group of people (see above)."""
    from flows.extraction.designations import sentence_candidates

    out: list[tuple[str, int, str]] = []
    for inc in INCLUDING_RE.finditer(sentence):
        before = sentence[max(0, inc.start() - 120):inc.start()]
        heads = [h for h in re.finditer(_GROUP_OF_PEOPLE, before, re.I)
                 if not re.fullmatch(_DEMONYM_PLURAL, h.group(0)) or _is_head(h.group(0))]
        # (whose circle the group is, "members of his inner circle", "officials of the regime", is no reason)
        if not heads or _REASON_BETWEEN.search(_WHOSE_GROUP.sub("", before[heads[-1].end():], count=1)):
            continue
        at = inc.end()
        for s, e, surface, _role, n, is_person, _title in sentence_candidates(sentence, False):
            if s < at or n < 2:
                continue
            # the cue says a person is named: a given name the lexicon lacks is still one ("<Title> A B",
            # "<Place>-linked A B" are A B); a name with an organisation's word is not
            words = surface.split()
            while words and (fold(words[0]) in TITLE_WORDS or fold(words[0]) in _OFFICE_WORDS
                             or re.search(r"-(?:linked|based|born|backed)$", words[0])):
                s += len(words[0]) + 1
                words = words[1:]
            surface = " ".join(words)
            if sentence[e:e + 2] in ("'s", "’s"):
                break  # "including two of <A B>'s daughters": A B says whose relatives are meant
            if not is_person and not _looks_personal(surface):
                continue
            gap = sentence[at:s]
            if len(gap) > 60 or re.search(r"[;:()]|\.\s", gap) or not _MEMBER_GAP.match(gap) \
                    or any(w.lower() in ("who", "which", "that", "said", "says") for w in gap.split()) \
                    or re.search(r"\b(?:after|before|since|until|when|while|as)\s+$", gap, re.I):
                break  # (nor one a time clause names: "including <A>, minutes after <B> was sworn in")
            out.append((surface, s, "person"))
            at = e
            # a description after the name ("A B, <role>, and C D"): up to the next comma
            more = re.match(r",\s+(?:the\s+|a\s+)?[a-z][^,;.]{0,80},", sentence[at:])
            # (not a role before the next person named: "A B, his son C D, and ...")
            if more and not any(at < c[0] < at + more.end() and c[5] for c in sentence_candidates(sentence, False)):
                at += more.end() - 1
    return out


def one_name_per_person(sm: pl.DataFrame) -> pl.DataFrame:
    """A person target written once in full and once by surname alone in one document ("<Given> <Surname>" and
    "<Surname>") is one target of each move: the surname-only rows (person, or company where "<Surname> was
    sanctioned" was read as an organisation) of a (document, action) that has the full name
    are dropped (issue 22, class 10)."""
    people = sm.filter(pl.col("target_type") == "person")
    if people.is_empty():
        return sm
    full = {(d, a, t.split()[-1]) for d, a, t in people.select("doc_id", "action", "target").iter_rows()
            if t and len(t.split()) >= 2}
    # a shorter tail of a full name ("de <Surname>" beside "<Given> de <Surname>", a headline's cut): the same person
    tails = {(d, a, " ".join(t.split()[i:])) for d, a, t in people.select("doc_id", "action", "target").iter_rows()
             if t for i in range(1, len(t.split()) - 1)}
    # ("<Surname> was sanctioned" reads a one-word subject as an organisation: it is the person too)
    single = sm.filter(pl.col("target_type").is_in(["person", "company"]))
    drop = [(d, a, t) for d, a, t in single.select("doc_id", "action", "target").unique().iter_rows()
            if t and ((len(t.split()) == 1 and (d, a, t) in full) or (d, a, t) in tails)]
    if not drop:
        return sm
    keys = pl.DataFrame(drop, schema=["doc_id", "action", "target"], orient="row").with_columns(_drop=pl.lit(True))
    return (sm.join(keys, on=["doc_id", "action", "target"], how="left", maintain_order="left")
            .filter(~(pl.col("_drop").fill_null(False) & pl.col("target_type").is_in(["person", "company"])))
            .drop("_drop"))


# how far after a move on a counted group of people its members may be named (issue 22, class 10)
COUNTED_REACH = 3

# "The six individuals are <A>, <B> ...", "Those sanctioned were <A> ...": a sentence that lists a group, further on
# than names alone may stand (a paragraph on the move's background between)
LISTED_REACH = 8
THE_GROUP_ARE_RE = re.compile(rf"^\W*(?:The|Those|These)\s+(?:(?:{_NUMBER_WORDS}|\d+)\s+)?(?:[\w\-]+\s+){{0,2}}?"
                              rf"(?:individuals|people|persons|men|officials|sanctioned|designated|targets)\s+"
                              rf"(?:are|were|include|included)\b")


def counted_then_named(sanctions: pl.DataFrame, sentences: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions (DATED_SANCTION_MENTION_SCHEMA) for the people a move on a counted group of people names
    in a later sentence of their own: "sanctions on three more people" then, within COUNTED_REACH sentences, the first
    sentence that names exactly three people ("gang leaders A, B and C have undermined ...") names them; each is a
    target of that move (issue 22, class 10). Two or more: one name alone is as often a speaker. The group row then
    goes (without_named_groups: the named people are the group)."""
    empty = pl.DataFrame(schema=DATED_SANCTION_MENTION_SCHEMA)
    groups = sanctions.filter((pl.col("target_type") == "officials") & pl.col("target").str.contains(r"^\w")) \
        if not sanctions.is_empty() else sanctions
    groups = groups.filter(pl.col("target").map_elements(lambda t: (group_size(t) or 0) >= 2, return_dtype=pl.Boolean)) \
        if not groups.is_empty() else groups
    if groups.is_empty():
        return empty
    in_docs = candidates.filter(pl.col("doc_id").is_in(groups["doc_id"].unique().implode()) & (pl.col("n_tokens") >= 2))
    people = (in_docs.filter(pl.col("is_person"))
              .group_by("doc_id", "sent_idx").agg(pl.col("surface").unique(maintain_order=True)))
    named = {(d, s): names for d, s, names in people.iter_rows()}
    # the sentence text and span of each sentence a name list comes from (the evidence of its rows)
    text = {(d, i): (a, b, t) for d, i, a, b, t in sentences.filter(pl.col("doc_id").is_in(groups["doc_id"].unique().implode()))
            .select("doc_id", "sent_idx", "char_start", "char_end", "sentence").iter_rows()}
    # a sentence that says it lists the group ("The six individuals are <A>, <B>, ..."): its names whatever their given
    # names, where the lexicon knows too few of them (issue 22, class 10)
    loose = {(d, s): names for d, s, names in in_docs.group_by("doc_id", "sent_idx")
             .agg(pl.col("surface").unique(maintain_order=True)).iter_rows()
             if THE_GROUP_ARE_RE.match(text.get((d, s), (0, 0, ""))[2])}
    known = {(d, t) for d, t in sanctions.select("doc_id", "target").iter_rows() if t}
    rows = []
    for row in groups.iter_rows(named=True):
        n = group_size(row["target"])
        for s in range(row["sent_idx"] + 1, row["sent_idx"] + LISTED_REACH + 1):
            names = named.get((row["doc_id"], s), []) if s <= row["sent_idx"] + COUNTED_REACH else []
            if len(names) != n and len(loose.get((row["doc_id"], s), [])) == n:
                names = loose[(row["doc_id"], s)]
            if len(names) == n and (row["doc_id"], s) in text:
                start, end, sentence = text[(row["doc_id"], s)]
                rows += [{**row, "sent_idx": s, "char_start": start, "char_end": end, "sentence": sentence,
                          "target": name, "target_type": "person", "mentions_release": False} for name in names
                         if (row["doc_id"], name) not in known]
                break
    if not rows:
        return empty
    return pl.DataFrame(rows, schema=DATED_SANCTION_MENTION_SCHEMA).unique(["doc_id", "target", "action"],
                                                                           maintain_order=True)


def bullet_group(line: str) -> tuple[str, str] | None:
    """(group, 'officials' | 'company') of a bulleted line of a list of targets that opens with a counted group
    ("• 25 <demonym> nationals involved in the death of ..."; issue 22, class 10)."""
    m = BULLET_RE.match(line)
    g = GROUP_RE.match(line, m.end()) if m else None
    if g is None or not _a_group(g):
        return None
    return g.group("group"), group_kind(g.group("group"))

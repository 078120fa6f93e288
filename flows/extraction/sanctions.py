"""Sanction mentions: sentences -> one row per (sentence, target, action).

Output shape (`sanction_mentions`): doc_id, sent_idx, char_start, char_end
(the sentence span), issuer, target, target_type (sector | company | country |
officials | person), target_country (whose potash, airline or officials: the
target itself for a country), action (imposed | lifted | eased | tightened |
remain | proposed), reason, mentions_release (the sentence ties the move to a
release), sentence.
"""

from __future__ import annotations

import re

import polars as pl

from flows.extraction.names import DOTTED_TITLE, NAME_RE, classify_candidate, sentence_candidates
from flows.extraction.places import ISSUER_COUNTRIES, countries_in, sentence_places
from flows.language.lexicon import country_names
from flows.language.patterns import rust_word_superset
from flows.language import rules
from flows.language.lexicon import (GOODS_WORDS, ISSUER_ALIASES, NON_NAME_WORDS, ORGANISATION_TARGET_WORDS, SECTOR_WORDS,
                                    TITLE_WORDS, fold)

# an asset freeze is a sanction too ("froze the assets of", "freezing their assets", "an asset freeze on")
FREEZE_VERB = r"(?:froze|frozen|freez(?:e|es|ing))"
ASSET_FREEZE = rf"{FREEZE_VERB}\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?assets|asset\s+freezes?"
# a listing as a sponsor of terrorism (with its trade and aid bans) is a sanction too
TERROR_LISTING = (r"state\s+sponsors?\s+of\s+terrorism|terror(?:ism)?\s+(?:designation|listing|blacklist|list)|"
                  r"list\s+of\s+(?:\w+\s+){0,3}?(?:that\s+)?sponsors?\s+(?:of\s+)?terrorism|"  # "its list of states that sponsor terrorism"
                  r"blacklist(?:ed|ing)?")
# frozen money released in a deal ("unfrozen funds were transferred") and bans on a country's planes are
# sanctions moves too (issue 22, classes 9 and 10)
FUNDS_AND_BANS = (r"unfr[oe]z\w*|frozen\s+(?:\w+\s+){0,2}(?:funds|assets|money)|"
                  r"airspace\s+ban|ban(?:ned|s)?\s+[^.;]{0,40}?\bfrom\s+(?:its|their|the\s+\w+|\w+)\s+airspace|"
                  r"(?:flight|landing|overflight)s?\s+ban")
# words that name sanctions only when a sanctioning power acts ("Washington imposed visa restrictions on"),
# not when a government restricts its own people ("Minsk froze the assets of the opposition leader")
WEAK_SANCTION_RE = re.compile(rf"\b(?:restrictions|{ASSET_FREEZE})\b", re.I)
SANCTION_RE = re.compile(
    rf"\b(?:sanction(?:s|ed|ing)?|embargo(?:es)?|punitive\s+measures|restrictive\s+measures|{ASSET_FREEZE}|"
    rf"restrictions|{TERROR_LISTING}|{FUNDS_AND_BANS})\b", re.I)
# "In April it sanctioned the judges", "Britain sanctioned two banks": the verb with a subject and no
# auxiliary (not "the sanctioned airline"); Python only: the vectorised prefilter takes "sanctioned"
SUBJECT = r"(?-i:\b(?:it|they|which|who|(?!(?:The|A|An|This|These|Those|Its|Their)\b)[A-Z][\w.]*))\s+(?:also\s+)?"
SUBJECT_SANCTIONED = SUBJECT + r"sanctioned\s+(?=\w)"
# tried at every capitalised word, it tripled the cost of the imposed pattern inside its alternation:
# find_actions runs it only on sentences that hold "sanctioned"
SUBJECT_SANCTIONED_RE = re.compile(rf"\b{SUBJECT_SANCTIONED}", re.I)
# Action words, one entry per action in flows/language/rules/sanction_actions.toml (with examples);
# order matters only for the label, the nearest one to "sanctions" wins.
ACTION_WORDS = rules.action_words()
ACTION_RE = {a: re.compile(rf"\b(?:{p})", re.I) for a, p in ACTION_WORDS.items()}
# Hedges that turn an action into a proposal: talked about, hoped for, not done.
HEDGE_RE = re.compile(
    r"\b(?:could|might|(?-i:may)|would|will|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|discuss(?:es|ed|ing|ion|ions)?|"
    r"talks?|theme|threat(?:en|ens|ened|ening)?|propos(?:e|es|ed|al|als)|potential(?:ly)?|possible|possibly|prospect|hopes?|hoped|"
    r"offer(?:s|ed)?|seek(?:s|ing)?|sought|call(?:s|ed)?\s+for|urg(?:e|es|ed|ing)|plan(?:s|ned)?\s+to|"
    r"expected|reassessment|reconsideration|pave\s+the\s+way|open\s+the\s+door|no\s+official)\b",
    re.I,
)
# a decision reported in indirect speech ("the minister announced that the government would impose sanctions
# on", "stated they would immediately freeze the assets of"): done, not talked about (issue 22, class 9)
ANNOUNCED_DECISION_RE = re.compile(
    r"\b(?:announced|stated|declared|confirmed|decided)\b(?:\s+\w+){0,3}?(?:\s+that)?[^.;]{0,60}?\b(?:would|will)\s+"
    r"(?:\w+ly\s+|also\s+)?$", re.I)
REASON_RE = re.compile(
    r"\b(?:for|over|due\s+to|in\s+response\s+to|because\s+of|prompted\s+by|in\s+retaliation\s+for|"
    r"as\s+punishment\s+for|accus(?:es|ed|ing)\s+(?:\w+\s+)?of|designed\s+to\s+pressure\s+(?:the\s+\w+\s+)?to|citing|after)\s+"
    r"(?P<reason>(?:its\s+|the\s+|their\s+|his\s+|her\s+)?[^.;:]{6,160}?)(?=[.;:]|,\s+(?:have|has|had|which|while|and\s+the|but|aiming|led|the)\b|$)",
    re.I,
)
REASON_TOPIC_RE = re.compile(
    r"human\s+rights|repress|fraud|rigg|election|crackdown|dissent|support\w*\s+for|invasion|war|"
    r"abuse|violat|protest|nuclear|terror|corruption|annex|cyber|poison|persecut|torture|jail|arrest|"
    r"territory|ukraine|democra|opposition|journalist",
    re.I,
)
TARGET_RE = re.compile(
    r"\b(?:sanctions?|restrictions)\s+(?:imposed\s+|(?:the\s+)?same\s+day\s+|(?:\w+\s+){0,2}?later\s+)?(?:on|against|targeting|upon)\s+(?P<np>[^.;:]{2,90})"
    # "Washington has sanctioned dozens of officials", "In April it sanctioned the judges"
    r"|\b(?:has|have|had)\s+(?:also\s+)?sanctioned\s+(?P<np2>[^.;:]{2,90})"
    rf"|\b{FREEZE_VERB}\s+(?:the\s+)?assets\s+of\s+(?P<np3>[^.;:]{{2,90}})"  # "froze the assets of hundreds of officials"
    # "announced sanctions for six officials": "for" names the targets only before people or bodies
    r"|\bsanctions\s+for\s+(?P<np4>(?:[\w\-]+\s+){0,2}(?:officials|individuals|people|persons|entities|companies|"
    r"firms|banks|ministers|judges|oligarchs)\b[^.;:]{0,60})",
    re.I,
)
SUBJECT_TARGET_RE = re.compile(rf"\b{SUBJECT}sanctioned\s+(?P<np2>[^.;:]{{2,90}})", re.I)
_SECTOR_ALT = "|".join(SECTOR_WORDS)
# (?=\w) matches no less (a sector word starts with a letter) but lets the engine skip other positions
SECTOR_RE = re.compile(rf"(?=\w)\b(?P<sector>{_SECTOR_ALT})\b", re.I)
TRADE_EMBARGO_RE = re.compile(r"trade\s+(?:embargo|sanctions)", re.I)
SECTOR_BEFORE_RE = re.compile(rf"(?=\w)\b(?P<sector>{_SECTOR_ALT})\s+(?:sanctions|embargo)\b", re.I)  # "oil sanctions"
# find_actions, once per action word: compiled here, not looked up in re's cache each time
ADJECTIVE_TIGHTENED_RE = re.compile(r"(?:additional|further|more|harsher|tougher)\b", re.I)
PASSIVE_BEFORE_RE = re.compile(r"\b(?:were|was|been|be)\s+$", re.I)
NOMINAL_ACTION_RE = re.compile(r"(?:lifting|easing|removal|relaxation|relief|tightening)\b", re.I)
WITHOUT_BEFORE_RE = re.compile(r"\b(?:no|not|without)\b[^,]{0,40}$")
NEGATION_BEFORE_RE = re.compile(r"\b(?:not|n't|never|no\s+longer)\s+(?:\w+\s+){0,2}$")
CONDITION_RE = re.compile(r"\b(?:if|unless)\b")
COMPANY_RE = re.compile(
    rf"\b(?:{'|'.join(ORGANISATION_TARGET_WORDS)})s?\b,?\s+(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){{0,3}})"
    rf"|(?P<name2>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){{0,3}}),?\s+(?:the|its|a)\s+(?:\w+\s+){{0,3}}(?:{'|'.join(ORGANISATION_TARGET_WORDS)})\b"
)
OFFICIALS_RE = re.compile(r"\b(?:officials|individuals|judges|oligarchs|elites|ministers|security\s+forces|leaders)\b", re.I)
RELEASE_LINK_RE = re.compile(
    r"\b(?:releas\w+|freed|freeing|prisoners?|in\s+exchange\s+for|in\s+return\s+for|as\s+part\s+of\s+(?:a|the)\s+(?:\w+\s+)?deal|deal|brokered|linked\s+to)\b",
    re.I,
)
ISSUER_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted((re.escape(k) for k in ISSUER_ALIASES), key=len, reverse=True)) + r")(?!\w)(?:\s+and\s+(?:its|other)\s+(?:Western\s+)?(?:allies|nations|partners))?",
    re.I,
)

# Vectorised tests, one per action word and one for the sector words: a sentence that fails one
# cannot match the Python pattern, whose search is then skipped.
PREFILTER_ACTIONS = {a: rust_word_superset(p + ("|sanctioned" if a == "imposed" else ""))
                     for a, p in ACTION_WORDS.items()}
PREFILTER_SECTOR = rust_word_superset(_SECTOR_ALT)
# from SANCTION_RE itself: a sanction word added there reaches the prefilter too
PREFILTER_SANCTION = rust_word_superset(SANCTION_RE.pattern)
RELIEF_ACTIONS = frozenset({"lifted", "eased", "proposed"})
SANCTION_MENTION_SCHEMA = {
    "doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64, "char_end": pl.Int64,
    "issuer": pl.String, "target": pl.String, "target_type": pl.String, "target_country": pl.String,
    "action": pl.String, "reason": pl.String, "mentions_release": pl.Boolean, "sentence": pl.String,
}
# powers that impose sanctions: named in a sanctions sentence, they are the issuer, not whose target it is
# (events' issuers, which never release prisoners in our texts, and Canada, which sanctions often)
ISSUING_COUNTRIES = ISSUER_COUNTRIES | {"Canada"}


def find_issuers(sentence: str) -> list[str | None]:
    """Every sanctioning power named together as the subject ("the UK and Canada have tightened").

    An issuer stands before the (last) sanction word or after "by"; a power named later in the
    sentence is someone else ("isolated from Western nations").
    """
    last = [m.end() for m in SANCTION_RE.finditer(sentence)]
    head = sentence[:last[-1]] if last else sentence
    by = re.search(r"\bby\s+(?:the\s+)?(.{2,60})", sentence[len(head):])
    first = find_issuer(head) or (find_issuer(by.group(1)) if by else None)
    if first is None:
        return [None]
    out = [first]
    m = re.search(r"(?P<a>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)*)\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w\.]*(?:\s+[A-Z][\w\.]*)*)\s+(?:have\s+|has\s+|had\s+|both\s+)?\w+ed\b", sentence)
    if m:
        for part in (m.group("a"), m.group("b")):
            issuer = find_issuer(part)
            if issuer and issuer not in out:
                out.append(issuer)
    return out


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


def find_target(sentence: str, doc_country: str | None, may_sector: bool = True
                ) -> tuple[str | None, str | None, str | None, bool]:
    """(target, target_type, target_country, explicit): what the sanctions hit, and whose it is;
    explicit when 'sanctions on X' says so.

    may_sector: False when PREFILTER_SECTOR says the sentence names no sector word."""
    m = TARGET_RE.search(sentence)
    if "sanctioned" in sentence.lower():  # "In April it sanctioned the judges": the earlier of the two
        by_subject = SUBJECT_TARGET_RE.search(sentence)
        if by_subject and (m is None or by_subject.start() < m.start()):
            m = by_subject
    scope = (m.groupdict().get("np") or m.group("np2") or m.groupdict().get("np3") or m.groupdict().get("np4")) \
        if m else sentence
    reason = REASON_RE.search(scope)
    if reason:  # "support for Russia" in a reason is not the target
        scope = scope[:reason.start()]
    target, target_type = _target_in(scope, sentence, bool(m), doc_country, may_sector)
    country = target_country(target, target_type, scope, sentence, doc_country)
    return target, target_type, country, bool(m) and target is not None


def target_country(target: str | None, target_type: str | None, scope: str, sentence: str,
                   doc_country: str | None) -> str | None:
    """Whose potash, airline or officials the sanctions hit: a country target is its own; else the
    country the target's words name ("Belarusian potash", "Venezuela's oil sector"), else one the
    sentence names, else the document's main country. Sanctioning powers are the issuer, not this."""
    if target is None:
        return None
    if target_type == "country":
        return target
    named = [c for c in countries_in(scope) if c not in ISSUING_COUNTRIES] if scope != sentence else []
    # the whole sentence's places are cached (doc_main_countries looked them up already)
    named = named or [c for c, _ in sentence_places(sentence) if c not in ISSUING_COUNTRIES]
    return named[0] if named else doc_country


def _person_target(scope: str) -> str | None:
    """A named person right after 'sanctions on' ("former President Mahmoud Ahmadinejad")."""

    head = re.sub(r"^\s*(?:the\s+)?(?:former\s+|ex-)?", "", scope)
    m = NAME_RE.match(head)
    if not m:
        return None
    cand = classify_candidate(head, m.start(), m.end())
    if cand and cand["is_person"] and cand["n_tokens"] >= 2:
        return cand["surface"]
    return None


# a state body named right after "sanctions on" ("Iran's Ministry of Intelligence", "the Federal Security
# Service"): the organ, not its country, is what is sanctioned (as officials: it acts through them)
_BODY = r"(?:Ministry|Department|Committee|Service|Agency|Guards?|Corps|Directorate|Bureau)"
_BODY_OF = r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+(?:and\s+)?[A-Z][\w\-]+)*"
STATE_BODY_RE = re.compile(  # named words before the body word, or "of X" after it ("Department stores": no)
    rf"^\s*(?:the\s+)?(?:[A-Z][\w\-]+(?:'s|’s)\s+)?(?P<body>(?:[A-Z][\w\-]+\s+){{1,3}}{_BODY}(?:{_BODY_OF})?"
    rf"|{_BODY}{_BODY_OF})")


FUNDS_TARGET_RE = re.compile(r"(?:(?P<dem>(?-i:[A-Z][a-z]+(?:an|ian|ese|i)))\s+)?(?:\w+\s+)?(?:funds|assets|money)\b", re.I)
VESSELS_RE = re.compile(r"\b(?:(?:shadow|dark|ghost)\s+fleet\s+)?(?:vessels|tankers|ships)\b", re.I)
# "shadow fleet", "dark fleet", "ghost fleet": the same ships (issue 22, class 9)
SHADOW_FLEET_RE = re.compile(r"\b(?:shadow|dark|ghost)\s+fleet", re.I)
def _title_case(sentence: str) -> bool:
    """A headline in Title Case ("Sanctions on Ruritania's Oil Program Reimposed"): its capitals name nothing."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", sentence)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


COUNTRY_OWNED_RE = re.compile(r"(?:the\s+)?(?P<country>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))(?:['’]s?)\s+"
                              r"(?P<name>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}))\b")
BANNED_FROM_RE = re.compile(r"\bbann(?:ed|ing)\s+(?P<name>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))\s+from\b", re.I)


def _lower_case_sector(rx: re.Pattern, text: str) -> re.Match | None:
    """The first sector word of `text` that is not inside a name: "Foreign Trade Bank", "Gulf Oil Company"
    hold "trade" and "oil" but name a company (a capital at the text's start is only the sentence's)."""
    for m in rx.finditer(text):
        if m.start() == 0 or not text[m.start()].isupper():
            return m
    return None


def _target_in(scope: str, sentence: str, explicit: bool, doc_country: str | None,
               may_sector: bool = True) -> tuple[str | None, str | None]:
    m = explicit
    person = _person_target(scope) if explicit else None
    if person:
        return person, "person"
    body = STATE_BODY_RE.match(scope) if explicit else None
    if body:
        return body.group("body").strip(), "officials"
    # money released in a deal ("unfrozen Iranian funds were transferred") and a fleet's ships are the target
    # itself, kept as a sector (what the move covers), not the country
    funds = FUNDS_TARGET_RE.search(sentence) if not explicit and re.search(r"unfr[oe]z|transferr", sentence, re.I) else None
    if funds:
        return (funds.group("dem") + " funds" if funds.group("dem") else "funds"), "sector"
    vessels = (VESSELS_RE.search(scope) if explicit else VESSELS_RE.search(sentence)) \
        if SHADOW_FLEET_RE.search(sentence) and not (may_sector and SECTOR_RE.search(scope)) else None
    if vessels:
        return ("shadow fleet vessels" if SHADOW_FLEET_RE.search(sentence) else "vessels"), "sector"
    owned = COUNTRY_OWNED_RE.match(scope) if explicit and not _title_case(sentence) else None
    if owned and fold(owned.group("country")) in country_names() and not countries_in(owned.group("name")) \
            and not (may_sector and SECTOR_RE.match(owned.group("name"))) \
            and not any(fold(w) in TITLE_WORDS or w in _COMPANY_WORD_SET for w in owned.group("name").split()):
        return owned.group("name"), "company"  # "sanctions on Ruritania's Zetakali": the company, not the country
    banned = BANNED_FROM_RE.search(sentence)
    if banned and not countries_in(banned.group("name")):
        return banned.group("name"), "company"
    # every COMPANY_RE match holds one of the (lower-case, case-sensitive) organisation words
    company = COMPANY_RE.search(scope) if any(w in scope for w in ORGANISATION_TARGET_WORDS) else None
    if company:
        name = company.group("name") or company.group("name2")
        if name and not countries_in(name):
            return name.strip(), "company"
    before_word = _lower_case_sector(SECTOR_BEFORE_RE, sentence) if may_sector else None
    if before_word and before_word.group("sector").lower() == "trade":
        before_word = None  # "the trade embargo", "trade sanctions": all trade with the country (below)
    if before_word and not m:
        return before_word.group("sector").lower(), "sector"
    sector = _lower_case_sector(SECTOR_RE, scope) if may_sector else None  # scope is part of the sentence
    if sector and TRADE_EMBARGO_RE.match(scope, sector.start()):
        sector = None
    officials = OFFICIALS_RE.search(scope[:40]) if m else None
    # "the assets of hundreds of officials and cut the country's banks off": the first named is the target
    if sector and (m or re.search(r"sanctions?\s+\w*\s*(?:on|against)?", sentence, re.I)) \
            and not (officials and officials.start() < sector.start()):
        return sector.group("sector").lower(), "sector"
    if officials:
        return "officials", "officials"
    named = [c for c in countries_in(scope) if c not in ISSUING_COUNTRIES]
    if named:
        # with no "sanctions on X", the document's own country when the sentence names it ("after the attack
        # on Israel, ... Iran could not draw on the funds, tightening the restrictions": Iran's)
        return (doc_country if not explicit and doc_country in named else named[0]), "country"
    if doc_country and (not explicit or re.search(r"\b(?:regime|government|country|authorities|state)\b", scope, re.I)):
        return doc_country, "country"
    return None, None


def find_actions(sentence: str, may_act: tuple[bool, ...] | None = None) -> list[str]:
    """Actions on sanctions in one sentence, hedged ones turned into 'proposed'.

    may_act: for each action word, False when PREFILTER_ACTIONS says the sentence cannot hold it."""
    found = []
    sanction_pos = [m.start() for m in SANCTION_RE.finditer(sentence)]
    for i, (action, pattern) in enumerate(ACTION_RE.items()):
        if may_act is not None and not may_act[i]:
            continue
        matches = pattern.finditer(sentence)
        if action == "imposed" and "sanctioned" in sentence.lower():
            matches = sorted([*matches, *SUBJECT_SANCTIONED_RE.finditer(sentence)], key=lambda x: x.start())
        for m in matches:
            if action == "tightened" and "imposed" in found and ADJECTIVE_TIGHTENED_RE.match(m.group(0)):
                continue  # "imposed further sanctions": the verb says what was done, not the adjective
            # "remain in place" and a passive ("were lifted") may stand further from their sanctions: "Sanctions
            # on the state airline, imposed after the 2021 forced landing, were lifted last week"
            reach = 130 if action == "remain" or PASSIVE_BEFORE_RE.search(sentence, 0, m.start()) else 70
            # (a sanction word inside the action's own words is at no distance: "added ... to its sanctions list")
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
            negated = (NEGATION_BEFORE_RE.search(before)
                       and not CONDITION_RE.search(before))  # "if the ban is not lifted": a condition
            if negated and action in ("lifted", "eased"):
                found.append("remain")  # "has not lifted the sanctions": they stay
            else:
                found.append("proposed" if hedged else action)
            break
    return list(dict.fromkeys(found))


def find_reason(sentence: str) -> str | None:
    """Why the sanctions were imposed, when the sentence says ('for its crackdown on ...')."""
    for m in REASON_RE.finditer(sentence):
        reason = m.group("reason").strip(" ,")
        if REASON_TOPIC_RE.search(reason):
            return reason
    return None


# where a sentence joins two moves ("Washington has sanctioned dozens of officials, and its sanctions on
# the state oil company remain in place"); each part must name sanctions itself to stand alone
CLAUSE_BREAK_RE = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+and\s+on\s+(?=\S)")
TARGET_ON_RE = re.compile(r"^.*?\bsanctions?\b.*?\b(?:on|against)\b", re.I)  # "... new sanctions the same day on"


def sanction_clauses(sentence: str) -> list[str]:
    """The sentence cut where it joins moves on sanctions, when every part names sanctions; else whole."""
    parts = CLAUSE_BREAK_RE.split(sentence)
    if len(parts) < 2:
        return [sentence]
    # a part that names no sanctions belongs with the one before it
    merged: list[str] = []
    for part, sep in zip(parts, [m.group(0) for m in CLAUSE_BREAK_RE.finditer(sentence)] + [""]):
        if merged and not SANCTION_RE.search(part) and not merged[-1].endswith(" and on "):
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
    return [p for p in out if SANCTION_RE.search(p)] or [sentence]


def _names_strong_sanction(sentence: str) -> bool:
    """True when a sanction word other than the weak ones (restrictions, asset freezes) is in the sentence."""
    return any(not WEAK_SANCTION_RE.fullmatch(m.group(0)) for m in SANCTION_RE.finditer(sentence))



# a ban on a trade flow and the goods it names, before ("crude oil supplies") or after ("exports of coal, iron
# and seafood"); the list runs over goods words and the words that join them
_GOODS_ALT = "|".join(re.escape(g) for g in GOODS_WORDS)
_FLOW = r"(?:imports?|exports?|supplies|supply|sales?|purchases?|shipments?|deliveries)"
_GOODS_LIST = rf"(?:(?:{_GOODS_ALT})(?:\s+products?)?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)?(?:(?:various|all|other|some)\s+)?)+"
GOODS_AFTER_RE = re.compile(rf"\b{_FLOW}\s+of\s+(?:(?:various|all|other|some|the)\s+)?(?P<list>{_GOODS_LIST})", re.I)
GOODS_BEFORE_RE = re.compile(rf"\b(?P<list>{_GOODS_LIST})\s*(?:products?\s+)?{_FLOW}\b", re.I)
GOODS_WORD_RE = re.compile(rf"\b(?:{_GOODS_ALT})\b", re.I)
FLOW_TARGETS = frozenset({"import", "imports", "export", "exports", "trade"})


def goods_in(clause: str) -> list[str]:
    """The goods a ban on imports or exports names in a clause, in order, each once."""
    out: list[str] = []
    for rx in (GOODS_AFTER_RE, GOODS_BEFORE_RE):
        for m in rx.finditer(clause):
            out += [g.group(0).lower() for g in GOODS_WORD_RE.finditer(m.group("list"))]
    return list(dict.fromkeys(out))


def _more_countries(clause: str, target: tuple) -> list[str]:
    """The other countries of "sanctions against Russia and Belarus": each its own move."""
    if target[1] != "country" or not target[3]:
        return []
    m = TARGET_RE.search(clause)
    np = m.groupdict().get("np") if m else None
    if not np:
        return []
    head = re.match(r"[^,;:]*?(?=\s+(?:for|over|after|because|which|that|who|to|in\s+response)\b|[,;:]|$)", np)
    named = [c for c in countries_in(head.group(0) if head else np) if c not in ISSUING_COUNTRIES]
    return [c for c in dict.fromkeys(named) if c != target[0]] if re.search(r"\band\b", head.group(0) if head else "") else []


def _sentence_sanctions(sentence: str, doc_country: str | None, may_act: tuple[bool, ...] | None = None,
                        may_sector: bool = True) -> list[tuple]:
    """[(actions, target, target_type, target_country, explicit, clause)] of one sentence, a tuple per
    clause that moves sanctions (see sanction_clauses); empty when none does."""
    if not SANCTION_RE.search(sentence):
        return []
    out = []
    for clause in sanction_clauses(sentence):
        # per clause: "Minsk imposed restrictions on media, while Western sanctions remain" is one move, not two
        if not _names_strong_sanction(clause) and find_issuer(clause) is None:
            continue
        actions = find_actions(clause, may_act)
        if actions:
            target = find_target(clause, doc_country, may_sector)
            goods = goods_in(clause) if may_sector else []
            if goods and target[1] in ("sector", None):
                # "bans exports of coal, iron and seafood": each good, not the trade flow, is the target
                country = target[2] if target[1] else target_country("goods", "sector", clause, clause, doc_country)
                out += [(actions, g, "sector", country, True, clause) for g in goods]
            else:
                out.append((actions, *target, clause))
                out += [(actions, c, "country", c, True, clause) for c in _more_countries(clause, target)]
                out += [(actions, g, "sector", target[2] if target[1] != "country" else target[0], True, clause)
                        for g in goods]
    return out


def _person_moves(sentence: str, doc_country: str | None = None, in_context: bool = False) -> list[tuple]:
    """One move per named person the sentence designates, in _sentence_sanctions' shape: the sentence's
    action on sanctions, else 'imposed' (a designation); the target country is the one named just before
    the name ("Russian President <name>"), else the document's.

    in_context: a sentence just before named sanctions, so "The list also includes <name>" needs no
    sanction word of its own (issue 22, class 10)."""
    if not (in_context or SANCTION_RE.search(sentence) or re.search(DESIGNATION_VERB, sentence, re.I)
            or re.search(r"\b(?:targeted|designated|sanctioned)\b|\bassets\s+(?:\w+\s+){1,2}frozen\b", sentence, re.I)):
        return []
    people = named_targets(sentence)
    members = _counted_members(sentence)
    # a member of "three companies, A, B and C" is a company, whatever its name looks like
    firms = {start for _, start, kind in members if kind == "company"}
    people = [(name, start, "company" if start in firms else kind) for name, start, kind in people]
    people += [m for m in members if not any(m[1] <= p[1] < m[1] + len(m[0]) or
                                             p[1] <= m[1] < p[1] + len(p[0]) for p in people)]
    people += [(m.group("label"), m.start("label"), "officials") for m in LABEL_RE.finditer(sentence)]
    people.sort(key=lambda t: t[1])
    subject = _passive_subject(sentence) or _pronoun_subject(sentence)
    if subject is not None and not any(subject[1] <= start < subject[1] + len(subject[0]) for _, start, _ in people):
        people = [subject, *people]
    if not people:
        return []
    actions = find_actions(sentence) or ["imposed"]
    actions = [a for a in actions if a != "tightened"] or ["imposed"]  # a new name on a list is an imposition
    out = []
    for name, start, kind in people:
        near = [c for c in countries_in(sentence[max(0, start - 40):start]) if c not in ISSUING_COUNTRIES]
        out.append((actions, name, kind, near[-1] if near else doc_country, True, sentence))
    return out


# the subject of a passive designation at the head of a sentence, a capitalised run that no name pattern
# knows (issue 22, class 10): "Belavia was sanctioned in 2023", "Ruritania's Attorney General was also designated"
PASSIVE_SUBJECT_RE = re.compile(
    r"^(?:(?:Finally|Also|Separately|Additionally|Meanwhile|Lastly),\s+)?(?:the\s+)?"
    r"(?P<name>(?-i:[A-Z][\w\-’'&]*)(?:\s+(?:(?-i:[A-Z][\w\-’'&]*)|of|for|and|de|the)){0,8}?)"
    r"\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:also\s+|first\s+|later\s+|previously\s+)?"
    r"(?:sanctioned|designated|blacklisted)\b", re.I)
NOT_SUBJECTS = frozenset({"he", "she", "it", "they", "this", "that", "these", "those", "which", "who", "its", "their",
                          "his", "her", "we", "i", "you", "there", "sanctions", "what"})


# the named members of counted targets (issue 22, class 10): "four banks, including <A>", "two top banks,
# <A> and <B>": without a lead word the list needs two names and an "and"
_MEMBER = r"(?-i:[A-Z][\w\-&\.]*(?:\s+(?:[A-Z][\w\-&\.]*|of|de)){0,4})"
COUNTED_MEMBERS_RE = re.compile(
    r"\b(?:banks|lenders|companies|firms|entities|organi[sz]ations|individuals|people|persons|officials|oligarchs|"
    r"businessmen)\s*,\s+(?:(?P<lead>including|such\s+as|namely|among\s+them)\s+)?"
    rf"(?P<list>{_MEMBER}(?:\s*,\s+{_MEMBER})*(?:,?\s+and\s+{_MEMBER})?)(?=\s*(?:[.;:,)]|$))", re.I)


# a group of targets named by the label the issuer gave it (issue 22, class 10): "nine traders, which the
# bloc labelled “fleet enablers”", "entities described as 'cartel financiers'"
LABEL_RE = re.compile(
    r"\b(?:labell?ed|described\s+as|dubbed|branded|termed)\s+(?:them\s+|as\s+)?[“\"‘']"
    r"(?P<label>(?-i:(?!(?:a|an|the)\s)[a-z][a-z\-]*(?:\s+[a-z\-]+){0,4}s))[”\"’']", re.I)  # a plural group


def _counted_members(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, 'company' | 'person') of each named member of a counted target (COUNTED_MEMBERS_RE)."""
    out = []
    for m in COUNTED_MEMBERS_RE.finditer(sentence):
        items = list(re.finditer(_MEMBER, m.group("list")))
        if not m.group("lead") and (len(items) < 2 or " and " not in m.group("list")):
            continue
        people_words = re.search(r"individuals|people|persons|officials|oligarchs|businessmen", m.group(0)[:40], re.I)
        for item in items:
            name = item.group(0).rstrip(".,")
            if fold(name) in country_names() or fold(name.split()[0]) in NOT_SUBJECTS:
                continue
            out.append((name, m.start("list") + item.start(), "person" if people_words else "company"))
    return out


PRONOUN_PASSIVE_RE = re.compile(
    r"^(?P<name>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))\b[^.;]{0,150}?\b(?:he|she)\s+"
    r"(?:was|had\s+been|has\s+been)\s+(?:also\s+|first\s+|later\s+)?(?:sanctioned|designated|blacklisted)\b")


def _pronoun_subject(sentence: str) -> tuple[str, int, str] | None:
    """"<Name> sold the club after he was sanctioned": the person the sentence starts with."""
    m = PRONOUN_PASSIVE_RE.match(sentence)
    if m is None:
        return None
    words = [fold(w) for w in m.group("name").split()]
    if words[0] in NOT_SUBJECTS or words[0] in NON_NAME_WORDS or words[0] in TITLE_WORDS \
            or fold(m.group("name")) in country_names():
        return None
    return m.group("name"), 0, "person"


def _passive_subject(sentence: str) -> tuple[str, int, str] | None:
    """(name, start, 'person' | 'company' | 'country') of PASSIVE_SUBJECT_RE's subject: an office held
    ("Attorney General") is a person, a country name a country, anything else an organisation."""
    m = PASSIVE_SUBJECT_RE.match(sentence)
    if m is None:
        return None
    name = m.group("name")
    words = [fold(w).removesuffix("'s") for w in name.split()]
    if words[0] in NOT_SUBJECTS or (len(words) == 1 and words[0] in TITLE_WORDS):
        return None
    if fold(name) in country_names():
        return name, m.start("name"), "country"
    return name, m.start("name"), ("person" if any(w in TITLE_WORDS for w in words) else "company")


def _sentence_details(sentence: str, clause: str, actions: list[str]) -> tuple[str | None, bool, list[str | None]]:
    """(reason, mentions_release, issuers) of one sanction clause: the issuers it names, else the sentence's."""
    reason = find_reason(clause) if "imposed" in actions else None
    issuers = find_issuers(clause)
    if issuers == [None] and clause != sentence:
        issuers = find_issuers(sentence)
    return reason, bool(RELEASE_LINK_RE.search(sentence)), issuers


# Named people as sanction targets (issue 22, class 10): each named person designated is its own move.
# Where the targets stand: after "sanctions against/on", "the assets of", a designation verb, or "the
# sanctioned individuals are/include"; or before a passive designation ("<name>, ..., was also sanctioned").
DESIGNATION_VERB = (r"(?:blacklist(?:ed|s|ing)?|designat(?:ed|es|ing)|sanction(?:ed|s|ing)|targeted|"
                    r"hit\s+with|added\s+to\s+(?:the|its|their)\s+(?:\w+\s+){0,2}list)")
TARGET_SCOPE_RE = re.compile(
    r"\b(?:(?:sanctions?|measures|restrictions|asset\s+freezes?|(?:travel|visa)\s+bans?)\s+(?:\w+\s+){0,2}?(?:against|on|targeting)"
    r"|(?:froze|freeze|freezing|frozen)\s+(?:the\s+)?assets\s+of"
    rf"|(?<!was\s)(?<!were\s)(?<!been\s)(?<!be\s){DESIGNATION_VERB}(?=\s+(?-i:[A-Z]))"
    r"|(?:licen[cs]e|authori[sz](?:es|ed|ing))\b[^.;]{0,80}?\binvolving"
    r"|(?:sanctioned|targeted|designated|listed|blacklisted)\s+(?:individuals|people|persons|officials)\s+(?:are|include)"
    r"|(?:newly[\s\-]sanctioned|targeted|designated)\b[^.;:]{0,40}?\b(?:include[sd]?|are)"
    r"|(?:assets\s+(?:have\s+been|had\s+been|were|are)\s+frozen|(?:black)?list|targets?(?:\s+of\s+the\s+(?:\w+\s+)?sanctions)?)\s+(?:\w+\s+){0,4}?(?:are|include[sd]?)"
    r"|(?:join(?:s|ed|ing)?|added\s+to)\s+the\s+(?:\w+\s+){0,2}list\b[^.;:]{0,60}?\b(?:are|include[sd]?)"  # "joining the list ... are"
    r"|\badded(?=\s+(?:the\s+)?(?-i:[A-Z])[^;]{0,400}?\bto\s+(?:its|their|the)\s+[^.;]{0,60}?\blist\b)"  # "added <names> to its ... List"
    r"|^(?:They|These|Those)\s+(?:also\s+)?include[sd]?"  # after a move on sanctions: "They include <name>"
    # "sanctioned officials in the army as well as <A>", "designated six officials, including <A>"
    r"|(?:sanctioned|designated)\s+(?:\w+\s+){0,3}?(?:entities|companies|firms|banks|individuals|people|persons|officials)"
    r"(?:[^.;:,]{0,60}?\bas\s+well\s+as|,\s+(?:including|such\s+as|namely))"
    r"|(?:also\s+)?target(?:s|ed)?\s+(?:\w+\s+){0,3}?(?:entities|companies|firms|banks|individuals|people|persons)"
    r"(?:\s+(?:that|which|who)\s+[^,.;:]{1,100}?,|,)?)\s+",  # "two banks that fund the army, the A and B"
    re.I,
)
PASSIVE_TARGET_RE = re.compile(
    rf"(?:['’]s)?\s*(?:,[^,;.]{{2,120}},\s*)?(?:,\s*(?:who|which)\s+)?"  # "<name>, who is already subject to sanctions"
    rf"(?:(?:was|were|is|are|remains?|(?:has|had|have)\s+(?:also\s+)?been)\s+)?(?:also\s+|already\s+|still\s+)?"
    rf"(?:(?:subject\s+to|under)\s+(?:[\w.]+\s+){{1,2}}sanctions\b|{DESIGNATION_VERB}|(?:listed|included)\b|(?:also\s+)?on\s+the\s+(?:\w+\s+)?(?:sanctions\s+)?list|(?:also\s+)?(?:being\s+)?subject\s+to\s+sanctions|one\s+of\s+[^.;]{{0,40}}\b(?:hit|targeted|sanctioned))",
    re.I,
)
DOTTED_TITLE_RE = re.compile(rf"\b{DOTTED_TITLE}")
LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?", re.I)
# what ends a list of targets: "sanctions on Syria after meeting <name>" does not target the name
LIST_BREAK_RE = re.compile(r"[;:]|\.(?![\w)])|\b(?:after|before|when|while|because|for|over|who|whom|which|that|said|says|"
                           r"following|during|since|than|by|with|from|in\s+response|according|citing|"
                           r"(?<!well\s)as(?!\s+well\s+as)|where|whose|"  # "as well as" goes on with the list
                           r"envoy|spokes\w+|if|unless|whether|because)\b", re.I)
PREFILTER_DESIGNATION = r"(?i)designat|blacklist|sanctioned|targeted|asset|list|hit with"


# a named company: a capitalised run holding a company word ("Asia Sun Trading Co Ltd", "Foreign Trade Bank")
COMPANY_WORDS = ("Bank", "Group", "Company", "Corporation", "Corp", "Holdings", "Holding", "Ltd", "Co", "LLC", "OAO",
                 "OJSC", "PJSC", "JSC", "Inc", "SA", "Petroleum", "Logistics", "Airlines", "Airways", "Industries",
                 "Trading", "Enterprise", "Enterprises", "Shipping", "Fund", "Plc", "PLC", "GmbH", "AG", "RL", "SRL")
_CAP = r"[A-Z][\w&’'\-\.]*"
ORG_RUN_RE = re.compile(rf"(?<![\w\-])(?:{_CAP})(?:[ \t]+(?:(?:of|for|and|de|y)[ \t]+)?{_CAP})*")
_COMPANY_WORD_SET = frozenset(COMPANY_WORDS)


def _company_runs(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the named companies of a sentence; "X Co Ltd and Y Bank" is two."""
    out = []
    for m in ORG_RUN_RE.finditer(sentence):
        # cut at 'and' only after a part that is a company itself ("Investment and Commercial Bank" is one)
        parts = re.split(r"(\s+and\s+)", m.group(0))
        pieces, offset = [(0, parts[0])], len(parts[0])
        for sep, part in zip(parts[1::2], parts[2::2]):
            if _is_company(pieces[-1][1]):
                pieces.append((offset + len(sep), part))
            else:
                pieces[-1] = (pieces[-1][0], pieces[-1][1] + sep + part)
            offset += len(sep) + len(part)
        for offset, part in pieces:
            if part.strip() != "and" and _is_company(part):
                start = m.start() + offset
                owner = COUNTRY_PREFIX_RE.match(part)
                if owner and fold(owner.group("country")) in country_names() and _is_company(part[owner.end():]):
                    start, part = start + owner.end(), part[owner.end():]  # "<Country>'s Presidency of ..."
                out.append((start, start + len(part), part.strip(" .,")))
    return out


COUNTRY_PREFIX_RE = re.compile(r"(?:Republic\s+of\s+)?(?P<country>[A-Z][\w\-]+)['’]s\s+")
# a legal form written before the name ("OJSC Belaruskali", "PJSC Gazprom")
LEGAL_FORM_FIRST = frozenset({"OJSC", "JSC", "PJSC", "OAO", "ZAO", "PAO", "CJSC", "LLC", "Cooperative", "Cooperativa"})


def _is_company(part: str) -> bool:
    words = [w.strip(".,") for w in part.split()]
    return len(words) > 1 and (any(w in _COMPANY_WORD_SET for w in words[1:]) or words[0] in LEGAL_FORM_FIRST) \
        and words[0] not in ("The", "A", "An", "Its", "Their")


TITLE_LEAD_RE = re.compile(r"\s*(?:,|,?\s+and)\s+(?:(?-i:[A-Z][\w\-]*)\s+|(?:of|for|and|the)\s+)*")
# items of a list of targets cut by semicolons: "A, <what A does>; <role> B; and C, <role>" (issue 22, class 10)
ITEM_BREAK_RE = re.compile(r";\s*(?:and\s+)?")


def _list_gap(gap: str, after_item: bool) -> bool:
    """True when the words between two names keep the list of targets going: a short gap with no word that
    ends the list, or, after a listed name, that name's description up to a semicolon and then a short lead-in
    to the next name ("Igor Sechin, the chief executive of Rosneft; Andrey Kostin")."""
    if len(gap) <= 90 and not LIST_BREAK_RE.search(gap):
        return True
    if after_item and len(gap) <= 90 and TITLE_LEAD_RE.fullmatch(gap):
        return True  # "..., and Program Manager for Air Defense <name>": a job title in capitals leads the item
    cut = list(ITEM_BREAK_RE.finditer(gap)) if after_item else []
    if not cut:
        return False
    description, lead = gap[:cut[-1].start()], gap[cut[-1].end():]
    # a job title may lead an item ("; Kremlin spokesperson B"), where elsewhere it ends the list
    lead = re.sub(r"\b(?:envoy|spokes\w+)\b", "", lead, flags=re.I)
    return (len(description) <= 160 and not re.search(r"[.:]\s", description)
            and len(lead) <= 90 and not LIST_BREAK_RE.search(lead))


def named_targets(sentence: str) -> list[tuple[str, int, str]]:
    """(full name, start, 'person' | 'company') of the people and companies the sentence designates (see TARGET_SCOPE_RE, PASSIVE_TARGET_RE), in
    order; a name in the possessive ("<name>'s envoy") is not a target."""

    scopes = [m.end() for m in TARGET_SCOPE_RE.finditer(sentence)]
    listed_to = scopes[0] if scopes else None  # the list of targets runs on from here, name after name
    out = []
    # a full name, or a surname with its title ("President Putin", "PM Mishustin")
    named = [(s, e, surface, "person") for s, e, surface, _role, n, is_person, title
             in sentence_candidates(sentence, False) if is_person and (n >= 2 or title)]
    if any(w in sentence for w in COMPANY_WORDS) or any(w in sentence for w in LEGAL_FORM_FIRST):
        # a person named inside a capitalised run wins over the run ("Vice President of Defense Industries <name>"),
        # and a run led by a job title is no company
        companies = [(a, b, name) for a, b, name in _company_runs(sentence)
                     if fold(name.split()[0]) not in TITLE_WORDS
                     and not any(a <= c[0] < b and c[1] <= b for c in named)]
        named = sorted([c for c in named if not any(a <= c[0] < b for a, b, _ in companies)]
                       + [(a, b, name, "company") for a, b, name in companies])
    for s, e, surface, kind in named:
        if sentence[e:e + 2] in ("'s", "’s"):
            continue
        # a later "including an asset freeze on <name>" starts a list of its own
        later = [end for end in scopes if end <= s and (listed_to is None or end > listed_to)]
        if later:
            listed_to = later[-1]
        gap = sentence[listed_to:s] if listed_to is not None and s >= listed_to else None
        if gap is not None and "." in gap:  # a title's dot ("on Dr. <name>") ends no list
            gap = DOTTED_TITLE_RE.sub("", gap)
        if gap is not None and _list_gap(gap, bool(out)):
            out.append((surface, s, kind))
            listed_to = e
        elif PASSIVE_TARGET_RE.match(sentence, e):
            out.append((surface, s, kind))
        # "A, B and C have also been sanctioned": the names listed before a passive designation are targets too
        if out and out[-1][1] == s and PASSIVE_TARGET_RE.match(sentence, e):
            i = named.index((s, e, surface, kind))
            while i > 0 and LIST_GAP_RE.fullmatch(sentence[named[i - 1][1]:named[i][0]]):
                i -= 1
                out.insert(-1, (named[i][2], named[i][0], named[i][3]))
    out.sort(key=lambda t: t[1])
    return list({name: (name, start, kind) for name, start, kind in reversed(out)}.values())[::-1]


# a bulleted list of targets (issue 22, class 10): a line ending in a colon that introduces the names,
# just after sanctions were named, then one target per bullet line
BULLET_RE = re.compile(r"^\s*[\-•*–·▪]\s+")
PREFILTER_BULLET_OR_HEADER = r"^\s*[\-•*–·▪]\s|:\s*$|^(?:They|These|Those) (?:also )?include"
LIST_HEADER_RE = re.compile(
    r"\b(?:sanction\w*|designat\w*|listed|list|added|names|individuals|entities|persons|people|following|targets?)\b"
    r"[^:]*:\s*$", re.I)
# how many sentences after a move on sanctions a list of its targets may still stand
CONTEXT_SENTENCES = 6
BODY_ITEM_RE = re.compile(r"^(?:[A-Z][\w\-’'\.&]*|of|the|and|for|de|al-\w+)(?:\s+(?:[A-Z][\w\-’'\.&]*|of|the|and|for|de|al-\w+)){0,11}$")


def bullet_target(line: str) -> tuple[str, str] | None:
    """(name, 'person' | 'company' | 'officials') of one bulleted line of a list of targets: the person
    named at its head, else the organisation the whole head names ("<Name> Central Headquarters")."""
    m = BULLET_RE.match(line)
    if not m:
        return None
    item = line[m.end():].strip()
    people = [(s, surface) for s, _e, surface, _r, n, is_person, _t in sentence_candidates(item, False)
              if is_person and n >= 2]
    head = re.split(r",|\s[\-–—]\s|\s+(?:is|was|has|are|were)\s", item, maxsplit=1)[0].strip(" .;")
    if people and people[0][0] <= 40 and people[0][0] < len(head):
        return people[0][1], "person"
    if BODY_ITEM_RE.match(head) and len(head.split()) >= 2:
        return head, ("company" if _is_company(head) else "officials")
    return None


def extract_sanction_mentions(sentences: pl.DataFrame, doc_country: dict[str, str] | None = None) -> pl.DataFrame:
    """Sentences -> sanction mentions (see module docstring for the shape)."""
    doc_country = doc_country or {}
    rows = []
    last_relief_target: dict[str, tuple[str, str, str | None]] = {}
    # vectorised prefilter: only sentences naming sanctions reach the Python patterns
    cols = sentences.filter(pl.col("sentence").str.contains(PREFILTER_SANCTION)
                            | pl.col("sentence").str.contains(PREFILTER_DESIGNATION)
                            | pl.col("sentence").str.contains(PREFILTER_BULLET_OR_HEADER))
    cols = cols.select("doc_id", "sent_idx", "char_start", "char_end", "sentence",
                       pl.col("sentence").str.contains(PREFILTER_SECTOR).alias("may_sector"),
                       *(pl.col("sentence").str.contains(p).alias(f"may_{a}") for a, p in PREFILTER_ACTIONS.items()))
    # sentences repeat across documents (wire copy, boilerplate): the text-only work is done once
    memo: dict[tuple[str, str | None], list[tuple]] = {}
    details: dict[tuple[str, str], tuple] = {}
    last_move: dict[str, tuple[int, list[str | None], list[str]]] = {}  # doc -> (sentence, issuers, actions)
    bullets_from: dict[str, int] = {}  # doc -> index the next bullet of a list of targets must have
    for doc_id, sent_idx, start, end, sentence, may_sector, *may_act in cols.iter_rows():
        recent = last_move.get(doc_id)
        in_context = recent is not None and sent_idx - recent[0] <= CONTEXT_SENTENCES
        if bullets_from.get(doc_id) == sent_idx and recent is not None:
            item = bullet_target(sentence)
            if item is not None:
                bullets_from[doc_id] = sent_idx + 1
                for issuer in recent[1]:
                    for action in recent[2]:
                        rows.append((doc_id, sent_idx, start, end, issuer, item[0], item[1], doc_country.get(doc_id),
                                     action, None, False, sentence))
                continue
        key = (sentence, doc_country.get(doc_id))
        mkey = (*key, in_context)
        found = memo[mkey] if mkey in memo else memo.setdefault(
            mkey, _sentence_sanctions(*key, tuple(may_act), may_sector) + _person_moves(*key, in_context))
        if found or (in_context and LIST_HEADER_RE.search(sentence)):
            if found:
                moves = [f for f in found if f[1] is not None]
                issuers = details.get((sentence, moves[0][5]))[2] if moves and (sentence, moves[0][5]) in details \
                    else find_issuers(sentence)
                actions = [a for a in (moves[0][0] if moves else ["imposed"]) if a in ("imposed", "lifted", "eased")] \
                    or ["imposed"]
                if issuers == [None] and recent is not None:
                    issuers = recent[1]
                last_move[doc_id] = (sent_idx, issuers, actions)
            if sentence.rstrip().endswith(":"):
                bullets_from[doc_id] = sent_idx + 1
        for actions, target, target_type, country, explicit, clause in found:
            relief = any(a in RELIEF_ACTIONS for a in actions)
            if explicit and relief and target_type in ("sector", "company"):
                last_relief_target[doc_id] = (target, target_type, country)
            elif not explicit and relief and doc_id in last_relief_target:
                # "the lifting of sanctions" after "lifted sanctions on potash" means the same sanctions
                target, target_type, country = last_relief_target[doc_id]
            if target is None:
                continue
            if (sentence, clause) not in details:
                details[(sentence, clause)] = _sentence_details(sentence, clause, actions)
            reason, linked, issuers = details[(sentence, clause)]
            if issuers == [None] and in_context and recent[1] != [None] and target_type in ("person", "company"):
                issuers = recent[1]  # "The list also includes <name>": the issuer of the move just named
            # the evidence is the whole sentence: a clause is not a span the quote check could compare
            for issuer in issuers:
                if target_type == "country" and issuer == target:
                    continue  # "Australia imposed sanctions": the power that sanctions is not its target
                for action in actions:
                    rows.append((doc_id, sent_idx, start, end, issuer, target, target_type, country, action,
                                 reason if action == "imposed" else None, linked, sentence))
    return pl.DataFrame(rows, schema=SANCTION_MENTION_SCHEMA, orient="row")

"""What a sanctions move targets in a clause: a sector, goods, a company, a state body, officials, a person, a
country; and whose it is (the target country)."""

from __future__ import annotations

import re

import polars as pl

from flows.extraction.count_numbers import folded
from flows.extraction.designations import ROLE_OF_RE
from flows.extraction.names import NAME_RE, classify_candidate
from flows.extraction.places import countries_in, sentence_places
from flows.extraction.sanction_patterns import (
    _COMPANY_WORD_SET,
    COMPANY_RE,
    ISSUING_COUNTRIES,
    OFFICIALS_RE,
    REASON_RE,
    SECTOR_BEFORE_RE,
    SECTOR_RE,
    SUBJECT_TARGET_RE,
    TARGET_RE,
    TRADE_EMBARGO_RE,
)
from flows.language.lexicon import (
    GOODS_WORDS,
    IRREGULAR_DEMONYMS,
    ORGANISATION_TARGET_WORDS,
    TITLE_WORDS,
    country_names,
    fold,
)


# the words that name an armed or criminal outfit's kind before its name (COMPANY_RE's third form)
_OUTFIT_WORDS = ("group", "contractor", "outfit")


# the issuer's own words for its targets, before them: "what it described as", "what it called"
HEDGE_RE = re.compile(r"\s*what\s+(?:it|they|he|she)\s+(?:described\s+as|called|termed|said\s+(?:was|were|are|is))\s+",
                      re.I)


def find_target(sentence: str, doc_country: str | None, may_sector: bool = True, excluded=ISSUING_COUNTRIES
                ) -> tuple[str | None, str | None, str | None, bool]:
    """(target, target_type, target_country, explicit): what the sanctions hit, and whose it is;
    explicit when 'sanctions on X' says so.

    may_sector: False when PREFILTER_SECTOR says the sentence names no sector word. excluded: the countries that are
    never a target's, the sanctioning powers (a counter-sanction's: its own state only)."""
    m = TARGET_RE.search(sentence)
    if "sanctioned" in sentence.lower():  # "In April it sanctioned the judges": the earlier of the two
        by_subject = SUBJECT_TARGET_RE.search(sentence)
        if by_subject and (m is None or by_subject.start() < m.start()):
            m = by_subject
    scope = (m.groupdict().get("np") or m.group("np2") or m.groupdict().get("np3") or m.groupdict().get("np4")
             or m.groupdict().get("np5") or m.groupdict().get("np6")) if m else sentence
    hedge = HEDGE_RE.match(scope)
    if hedge:  # "sanctioned what it described as 15 <demonym> companies": the companies
        scope = scope[hedge.end():]
    reason = REASON_RE.search(scope)
    if reason:  # "support for Russia" in a reason is not the target
        scope = scope[:reason.start()]
    target, target_type = _target_in(scope, sentence, bool(m), doc_country, may_sector, excluded)
    country = target_country(target, target_type, scope, sentence, doc_country, excluded)
    # frozen funds and aircraft are named by the sentence itself, with or without "sanctions on"
    own = target_type == "sector" and target is not None and (
        target.endswith("funds") or AIRCRAFT_RE.search(target) is not None or NAMED_AIRCRAFT_RE.search(sentence) is not None
        and target in NAMED_AIRCRAFT_RE.search(sentence).group("name"))
    if own and target.endswith("funds"):
        # "<demonym> funds" are that country's, wherever they were sent; funds of no one named, the document's
        country = (countries_in(target) or [doc_country or country])[0]
    return target, target_type, country, (bool(m) or own) and target is not None


def target_country(target: str | None, target_type: str | None, scope: str, sentence: str,
                   doc_country: str | None, excluded=ISSUING_COUNTRIES) -> str | None:
    """Whose oil, airline or officials the sanctions hit: a country target is its own; else the
    country the target's words name ("Iranian oil", "Venezuela's oil sector"), else one the
    sentence names, else the document's main country. Sanctioning powers are the issuer, not this."""
    if target is None:
        return None
    if target_type == "country":
        return target
    named = [c for c in countries_in(POSTED_TO_RE.sub(" ", scope)) if c not in excluded] if scope != sentence else []
    # the whole sentence's places are cached (doc_main_countries looked them up already)
    # (where an envoy serves is not whose the envoy is: "the <state> ambassador to <country>")
    posted = {c for m in POSTED_TO_RE.finditer(sentence) for c in countries_in(m.group())} if named == [] else set()
    named = named or [c for c, _ in sentence_places(sentence) if c not in excluded and c not in posted]
    return named[0] if named else doc_country


def _person_target(scope: str) -> str | None:
    """A named person right after 'sanctions on' ("former President Mahmoud Ahmadinejad")."""

    head = re.sub(r"^\s*(?:the\s+)?(?:former\s+|ex-)?(?:U\.S\.\s+|U\.K\.\s+)?", "", scope)
    m = NAME_RE.match(head)
    if not m:
        return None
    cand = classify_candidate(head, m.start(), m.end())
    if cand and cand["is_person"] and cand["n_tokens"] >= 2:
        return cand["surface"]
    return None


# a regime named by its ruler right after "sanctions on" / "measures targeting" ("the former <Leader> regime")
NAMED_REGIME_RE = re.compile(r"^\s*(?:the\s+)?(?:(?:former|ousted|deposed|fallen|toppled|old)\s+)?"
                             r"(?P<regime>(?-i:[A-Z][\w\-’']+)\s+regime)\b", re.I)


# a state body named right after "sanctions on" ("Iran's Ministry of Intelligence", "the Federal Security
# Service"): the organ, not its country, is what is sanctioned (as officials: it acts through them)
_BODY = (r"(?:Ministry|Department|Committee|Service|Agency|Guards?|Corps|Directorate|Bureau|"
         # an armed or criminal group named as a body is ("the <A> Network", "<A> <B> Cartel", "Cartel de <A>")
         r"Network|Cartel|Front|Brigades?|Militia|Forces?)")

_BODY_OF = r"\s+(?:of|for|de|del)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+(?:and\s+)?[A-Z][\w\-]+)*"

STATE_BODY_RE = re.compile(  # named words before the body word, or "of X" after it ("Department stores": no)
    rf"^\s*(?:the\s+)?(?:[A-Z][\w\-]+(?:'s|’s)\s+)?(?P<body>(?:[A-Z][\w\-]+\s+){{1,3}}{_BODY}(?:{_BODY_OF})?"
    rf"|{_BODY}{_BODY_OF})")


FUNDS_TARGET_RE = re.compile(r"(?:(?P<dem>(?-i:[A-Z][a-z]+(?:an|ian|ese|i)))\s+|(?P<owner>(?-i:[A-Z][a-z]+))['’]s\s+)?"
                             r"(?:\w+\s+)?(?:funds|assets|money)\b", re.I)


def _demonym(country: str) -> str | None:
    """"Kenyan" for Kenya, "Ruritanian" for Ruritania (the regular forms, and the irregular ones of the lexicon)."""
    irregular = [d for d, c in IRREGULAR_DEMONYMS.items() if c == country]
    if irregular:
        return irregular[0].capitalize()
    if " " in country:
        return None
    return country[:-1] + "an" if country[-1] in "aeiouy" else country + "ian"

VESSELS_RE = re.compile(r"\b(?:(?:shadow|dark|ghost)\s+fleet\s+)?(?:vessels|tankers|ships)\b", re.I)

# "shadow fleet", "dark fleet", "ghost fleet": the same ships (issue 22, class 9)
SHADOW_FLEET_RE = re.compile(r"\b(?:shadow|dark|ghost)\s+fleet", re.I)


# aircraft as targets (issue 22, class 10): a named one ("the <Maker> <Model> 850 business jet"), else the kind
# ("three of the leader's aircraft", "a luxury helicopter")
_AIRCRAFT = r"\b(?:aircraft|airplanes?|planes?|jets?|helicopters?)\b"

NAMED_AIRCRAFT_RE = re.compile(
    rf"(?P<name>(?-i:[A-Z][\w\-]+)(?:\s+(?:(?-i:[A-Z][\w\-]+)|\d[\w\-]*))+)\s+(?:(?:business|private|presidential|"
    rf"government|cargo|passenger)\s+)?{_AIRCRAFT}\b", re.I)

AIRCRAFT_RE = re.compile(rf"\b(?P<kind>{_AIRCRAFT})\b(?!\s+(?:maker|manufacturer|industry|parts|components|sector|fuel))", re.I)


def aircraft_target(text: str) -> str | None:
    """The aircraft a move on sanctions covers: its make and model when named, else its kind (singular)."""
    m = AIRCRAFT_RE.search(text)
    if m is None:
        return None
    named = NAMED_AIRCRAFT_RE.search(text)
    if named and named.end() >= m.end() and not countries_in(named.group("name")):
        return named.group("name")
    kind = m.group("kind").lower()
    return "aircraft" if kind in ("aircraft", "airplane", "airplanes", "plane", "planes") else kind.rstrip("s")


# a group told by its nationality: "sanctions on Ruritanian citizens and companies" (issue 22, class 10)
_GROUP = r"individuals|citizens|nationals|officials|oligarchs|businessmen|companies|entities|firms|organi[sz]ations"

# (a state told by its initials stands for its demonym: "15 U.S. companies", "UK officials")
NATIONALS_RE = re.compile(rf"\s*(?:the\s+|\d[\d,]*\s+|a\s+further\s+\d[\d,]*\s+)?"
                          rf"(?P<dem>(?-i:[A-Z][a-z]+|U\.S\.|US|U\.K\.|UK))\s+(?P<g1>{_GROUP})\b"
                          rf"(?:\s*(?:,|and|,\s*and)\s+(?P<g2>{_GROUP})\b)?", re.I)


# one official a move names by office and country, with no name: "sanctions on Iran's foreign minister", "sanctioned
# the <demonym> interior minister", "a <demonym> businessman", "the former <demonym> intelligence chief" (session 17):
# the person so described, of that country, not the country itself
DESCRIBED_OFFICIAL_RE = re.compile(
    r"\s*(?:the\s+|a\s+|an\s+)?(?:former\s+|ex-|then-|top\s+|senior\s+)?"
    r"(?:(?P<dem>(?-i:[A-Z][a-z]+))\s+|(?P<owner>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))['’]s\s+)"
    r"(?:(?-i:[a-z][a-z\-]*)\s+){0,3}?"
    r"(?P<role>minister|chief|leader|businessman|businesswoman|oligarch|president|vice\s+president|governor|"
    r"commander|general|prosecutor|judge|spokesman|spokeswoman|ambassador|envoy|mayor|speaker|official|tycoon)\b"
    r"(?!\s+(?:of|for)\b)(?!\s*,?\s+(?-i:[A-Z]))")


def name_described_officials(sanctions: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions whose target is one official told by office and country ("Iran's foreign minister") take the
    name of the one person their document names with that office ("Foreign Minister <A B>"): the person the move hits
    (session 17, issue 22, class 10). Without exactly one such person the described official stays."""
    if sanctions.is_empty() or candidates.is_empty():
        return sanctions
    described = sanctions.filter(pl.col("target_type") == "officials").select("doc_id", "target").unique()
    wanted: dict[tuple[str, str], list[str]] = {}
    for doc, target in described.iter_rows():
        m = DESCRIBED_OFFICIAL_RE.fullmatch(target)
        if m:  # the office's own words: "foreign minister" of "Iran's former foreign minister"
            after = m.end("dem") if m.group("dem") else m.end("owner")
            office = re.findall(r"(?-i:[a-z][a-z\-]*)", target[after:m.end("role")].lstrip("'’s "))
            wanted[(doc, target)] = office
    if not wanted:
        return sanctions
    docs = pl.Series([d for d, _ in wanted]).unique().implode()
    people = (candidates.filter(pl.col("doc_id").is_in(docs) & pl.col("is_person") & (pl.col("n_tokens") >= 2)
                                & pl.col("role").is_not_null())
              .select("doc_id", "surface", "role").unique())
    roles: dict[str, list[tuple[str, str]]] = {}
    for doc, surface, role in people.iter_rows():
        roles.setdefault(doc, []).append((surface, role.lower()))
    named = {}
    for (doc, target), office in wanted.items():
        who = {surface for surface, role in roles.get(doc, []) if office and all(re.search(rf"\b{re.escape(w)}\b", role)
                                                                                  for w in office)}
        if len(who) == 1:
            named[(doc, target)] = who.pop()
    if not named:
        return sanctions
    fill = pl.DataFrame([(d, t, n) for (d, t), n in named.items()], schema={"doc_id": pl.String, "target": pl.String,
                                                                           "_name": pl.String}, orient="row")
    out = sanctions.join(fill, on=["doc_id", "target"], how="left", maintain_order="left")
    return out.with_columns(
        target_type=pl.when(pl.col("_name").is_not_null()).then(pl.lit("person")).otherwise(pl.col("target_type")),
        target=pl.coalesce("_name", "target")).drop("_name")


def _group_name(demonym: str, word: str) -> str:
    """"Ruritanian companies"; officials stay "officials" (their country is the target country)."""
    return "officials" if word.lower() == "officials" else f"{demonym} {word.lower()}"


def _group_type(word: str) -> str:
    return "company" if re.match(r"compan|entit|firm|bank|organi", word, re.I) else "officials"


FROZEN_GROUP_RE = re.compile(r"\b(?:froze|freez(?:e|es|ing))\s+(?:the\s+)?assets\s+of(?P<np>\s+[^.;:]{3,80})", re.I)


def frozen_group(clause: str, target: tuple) -> list[tuple[str, str]]:
    """"sanctions against <country>, freezing the assets of a further <n> <demonym> individuals": the group
    whose assets are frozen is a target beside the country (issue 22, class 10)."""
    m = FROZEN_GROUP_RE.search(clause) if target[1] == "country" else None
    group = NATIONALS_RE.match(m.group("np")) if m else None
    if group is None or not countries_in(group.group("dem")):
        return []
    return [(_group_name(group.group("dem"), group.group("g1")), _group_type(group.group("g1")))]


def nationals_more(clause: str, target: tuple) -> list[tuple[str, str]]:
    """The second group of "sanctions on <demonym> citizens and companies": (target, type)."""
    m = re.search(r"\b(?:sanctions?|restrictions)\s+(?:\w+\s+){0,2}?(?:on|against|targeting)(?P<np>\s+.*)", clause, re.I)
    group = NATIONALS_RE.match(m.group("np")) if m and target[0] and target[1] in ("officials", "company") else None
    if group is None or not group.group("g2") or _group_name(group.group("dem"), group.group("g1")) != target[0]:
        return []
    return [(_group_name(group.group("dem"), group.group("g2")), _group_type(group.group("g2")))]


def _title_case(sentence: str) -> bool:
    """A headline in Title Case ("Sanctions on Ruritania's Oil Program Reimposed"): its capitals name nothing."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", sentence)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


COUNTRY_OWNED_RE = re.compile(r"(?:the\s+)?(?P<country>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))(?:['’]s?)\s+"
                              r"(?P<name>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}))\b")


BANNED_FROM_RE = re.compile(
    r"\bbann(?:ed|ing)\s+(?P<name>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))\s+from\b"
    # "added <Name> to its sanctions list", "removed <Name> from the list" (issue 22, class 10)
    r"|\b(?:added|adds|adding|removed|removes|removing)\s+(?P<listed>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))\s+"
    r"(?:to|from)\s+(?:its|their|the)\s+(?:[\w\-]+\s+){0,3}?(?:list|blacklist)\b"
    # "sanctions on <Name> airline": an airline named before the word
    r"|\b(?:on|against)\s+(?P<airline>(?-i:[A-Z][\w\-]+))\s+(?:airline|air\s+carrier)\b", re.I)


# a sector word that says which people or which named firm: "the energy ministers", "oil major <Name>"
SECTOR_DESCRIBES_RE = re.compile(r"\s+(?:(?:ministers?|ministry|officials|executives?|experts|analysts|traders)\b|"
                                 r"(?:giant|major|producer|maker|company|firm|group)\s+(?-i:[A-Z])|(?:giant|major)\b(?!\s+(?:sanctions|sector)))", re.I)

# "<Name>, <country>'s leading technology firm": the sector word says what a named firm does
LEADING_BEFORE_RE = re.compile(r"\b(?:leading|largest|biggest|top|main)\s+$", re.I)
FIRM_AFTER_RE = re.compile(r"\s+(?:firm|company|producer|group)\b", re.I)


def _lower_case_sector(rx: re.Pattern, text: str) -> re.Match | None:
    """The first sector word of `text` that is not inside a name: "Foreign Trade Bank", "Gulf Oil Company"
    hold "trade" and "oil" but name a company (a capital at the text's start is only the sentence's)."""
    for m in rx.finditer(text):
        if re.search(r"\bto\s+$", text[max(0, m.start() - 4):m.start()]):
            continue  # "its ability to finance the war": a verb
        if SECTOR_DESCRIBES_RE.match(text, m.end()) or (
                FIRM_AFTER_RE.match(text, m.end()) and LEADING_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())):
            continue  # "EU energy ministers", "aluminium giant <Name>": who acts or who is hit, not a sector (issue 22)
        if m.start() == 0 or not text[m.start()].isupper():
            return m
    return None


def _target_in(scope: str, sentence: str, explicit: bool, doc_country: str | None,
               may_sector: bool = True, excluded=ISSUING_COUNTRIES) -> tuple[str | None, str | None]:
    m = explicit
    # "sanctions against <country>, including bans on coal and on four banks": the country, then what it lists
    head = re.split(r",|\s+(?:including|such\s+as|notably)\b", scope, maxsplit=1)[0] if explicit else ""
    if head and countries_in(head) and fold(re.sub(r"^\s*the\s+", "", head, flags=re.I).strip()) in country_names() \
            and countries_in(head)[0] not in excluded:
        return countries_in(head)[0], "country"
    person = _person_target(scope) if explicit else None
    if person:
        return person, "person"
    official = DESCRIBED_OFFICIAL_RE.match(scope) if explicit else None
    whose = countries_in(official.group("dem") or official.group("owner")) if official else []
    if whose and whose[0] not in excluded:
        return re.sub(r"^(?:the|a|an)\s+", "", official.group(0).strip(), flags=re.I), "officials"
    group = NATIONALS_RE.match(scope) if explicit else None
    if group and countries_in(group.group("dem")) and countries_in(group.group("dem"))[0] not in excluded:
        return _group_name(group.group("dem"), group.group("g1")), _group_type(group.group("g1"))
    regime = NAMED_REGIME_RE.match(scope) if explicit else None
    if regime:  # "the former <Leader> regime": the ruler's circle, not the country it once ran (issue 22, class 9)
        return regime.group("regime"), "officials"
    body = STATE_BODY_RE.match(scope) if explicit else None
    if body:
        return body.group("body").strip(), "officials"
    good = GOODS_HEAD_RE.match(scope) if explicit else None
    if good:  # "sanctions on jet fuel": the good itself
        return good.group("good").lower(), "sector"
    # "<person>, chief executive of energy company <Name>": the role's words name no target
    scope = ROLE_SPAN_RE.sub(" ", scope)
    # money released in a deal ("unfrozen Iranian funds were transferred") and a fleet's ships are the target
    # itself, kept as a sector (what the move covers), not the country
    funds = FUNDS_TARGET_RE.search(sentence) if not explicit and re.search(r"unfr[oe]z|transferr|\bfro(?:ze|zen)\s+the\s+(?:\w+\s+)?(?:funds|money)", sentence, re.I) else None
    if funds:
        owner = countries_in(funds.group("owner")) if funds.group("owner") else []
        dem = funds.group("dem") or (_demonym(owner[0]) if owner else None)  # "<country>'s unfrozen funds"
        return (dem + " funds" if dem else "funds"), "sector"
    # the leader's aircraft, a government jet: delisted or licensed one by one
    # (after "sanctions on", only the first of what the scope lists: "on <airline> and allowed the leader's planes")
    plane = aircraft_target(re.split(r",|\band\b", scope)[0] if explicit else sentence) \
        if AIRCRAFT_RE.search(sentence) and not re.search(r"\bairlines?\b|\bairways\b|\bcarrier\b", scope, re.I) else None
    if plane:
        return plane, "sector"
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
    name = banned and (banned.group("name") or banned.group("listed") or banned.group("airline"))
    if name and not countries_in(name) and fold(name.split()[0]) not in TITLE_WORDS:
        return name, "company"
    # every COMPANY_RE match holds one of the (lower-case, case-sensitive) organisation words
    company = COMPANY_RE.search(scope) if any(w in scope for w in ORGANISATION_TARGET_WORDS + _OUTFIT_WORDS) else None
    if company:
        name = company.group("name") or company.group("name2") or company.group("name3")
        # "<person>, chief executive of energy company <Name>": the company says who the person is
        if name and not countries_in(name) and not ROLE_OF_RE.search(scope, 0, company.start()):
            return name.strip(), "company"
    before_word = _lower_case_sector(SECTOR_BEFORE_RE, sentence) if may_sector else None
    if before_word and TRADE_EMBARGO_RE.match(sentence, before_word.start()):
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
    # "sanctions on nine entities based in <country>", "against extremist <demonym> settlers", "against the heads of
    # the colony where the <demonym> dissident died": the people or firms are the targets, the country only says
    # whose they are or where they act (issue 22, class 10)
    if explicit and GROUP_HEAD_RE.match(scope):
        return None, None
    # (where ministers meet names no target: "speaking ahead of a meeting in <country> on Monday"; issue 22, class 9)
    # (a partner in the move names no target either: "imposed in coordination with <country>"; issue 22, class 9)
    # (nor, in a counter-sanction, a sanctioning state before its firms: "sanctions on <state> defence contractors <A>")
    # (nor where an envoy is posted: "sanctions on the <state> ambassador to <country>, <A>")
    named = [c for c in countries_in(POSTED_TO_RE.sub(" ", PARTNER_RE.sub(" ", RELATIVE_TAIL_RE.split(scope, maxsplit=1)[0]
                                                                      if explicit else VENUE_RE.sub(" ", scope))))
             if c not in ISSUING_COUNTRIES]
    if named:
        # with no "sanctions on X", the document's own country when the sentence names it ("after the attack
        # on Israel, ... Iran could not draw on the funds, tightening the restrictions": Iran's)
        return (doc_country if not explicit and doc_country in named else named[0]), "country"
    if doc_country and (not explicit or re.search(r"\b(?:regime|government|country|authorities|state)\b", scope, re.I)):
        return doc_country, "country"
    return None, None


VENUE_RE = re.compile(r"\b(?:meeting|meet|met|summit|talks|conference|gathering|session)\s+(?:\w+\s+){0,3}?in\s+"
                      r"(?-i:[A-Z][\w\-]+)(?:\s+(?-i:[A-Z][\w\-]+))?", re.I)


# where an envoy serves: "the ambassador to <country>", "envoy in <country>" (its country is no target)
POSTED_TO_RE = re.compile(r"\b(?:ambassador|envoy|consul(?:\s+general)?|charg[eé]\s+d['’]affaires|emissary)\s+(?:to|in)\s+"
                          r"(?:the\s+)?(?-i:[A-Z][\w\-]+)(?:\s+(?-i:[A-Z][\w\-]+))?", re.I)


# the powers that act with the issuer ("in coordination with <A> and <B>", "alongside <A>"): partners, never targets
PARTNER_RE = re.compile(r"\b(?:in\s+(?:close\s+)?(?:coordination|cooperation|concert|tandem|step|partnership|"
                        r"consultation)\s+with|alongside|jointly\s+with|together\s+with)\s+(?:the\s+)?"
                        r"(?-i:[A-Z][\w\-.]+)(?:(?:\s+|,\s+|\s+and\s+(?:the\s+)?|,\s+and\s+(?:the\s+)?)(?-i:[A-Z][\w\-.]+))*", re.I)


# a group of people or firms heading what "sanctions on" names: the group, not a country, is the target
GROUP_HEAD_RE = re.compile(
    r"\s*[\"“']?(?:the\s+|some\s+|several\s+|multiple\s+|all\s+|dozens\s+of\s+|hundreds\s+of\s+|\d[\d,]*\s+|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty)\s+)?"
    # ("two current and former <demonym> senators", "three high-profile members of the elite in <country>", "a
    # Supreme Court justice in <country>": people of the country, not the country; issue 22, class 10)
    # (a compound of who owns or runs them: "<A>-owned firms in <country>"; issue 22, class 10)
    r"(?:(?:former|current|senior|top|other|extremist|violent|alleged|more|further|high-profile|"
    r"[\w\-]+-(?:based|owned|controlled|run|backed|linked|affiliated))\s+"
    r"(?:and\s+)?)*"
    r"(?:(?-i:[A-Z][a-z]+)\s+)?(?:entities|individuals|people|persons|members|heads|settlers|commanders|leaders|"
    r"firms|companies|businesses|organi[sz]ations|networks|figures|judges|generals|officers|senators|lawmakers|"
    r"politicians|justices|prosecutors)\b"
    r"|\s*an?\s+(?:(?:former|current|senior|top|high-profile)\s+)?(?:(?-i:[A-Z][a-z]+)\s+){0,3}(?:justice|judge|"
    r"prosecutor|senator|lawmaker|politician|official|officer|commander|general|businessman|businesswoman|tycoon|oligarch)"
    r"\s+(?:in|from|of)\b", re.I)

# what follows a target and says where it is or what it did: its countries are no target ("entities based in <A>",
# "the colony, where the <demonym> dissident died", "firms linked to a <demonym> cartel")
RELATIVE_TAIL_RE = re.compile(r",?\s+(?:where|who|which|whose|based\s+in|linked\s+to|tied\s+to|connected\s+to|"
                              r"involved\s+in|responsible\s+for|accused\s+of|located\s+in|registered\s+in|headquartered\s+in)\b", re.I)


# a ban on a trade flow and the goods it names, before ("crude oil supplies") or after ("exports of coal, iron
# and seafood"); the list runs over goods words and the words that join them
_GOODS_ALT = "|".join(re.escape(g) for g in GOODS_WORDS)

_FLOW = r"(?:imports?|exports?|supplies|supply|sales?|purchases?|shipments?|deliveries)"

# a literal every word of _FLOW holds, in lower case (goods_in's guard: on `folded` text, see count_numbers)
_FLOW_LITERALS = ("import", "export", "suppl", "sale", "purchase", "shipment", "deliveries")

_GOODS_LIST = rf"(?:(?:{_GOODS_ALT})(?:\s+products?)?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)?(?:(?:various|all|other|some)\s+)?)+"

GOODS_AFTER_RE = re.compile(rf"\b{_FLOW}\s+of\s+(?:(?:various|all|other|some|the)\s+)?(?P<list>{_GOODS_LIST})", re.I)

GOODS_BEFORE_RE = re.compile(rf"\b(?P<list>{_GOODS_LIST})\s*(?:products?\s+)?{_FLOW}\b", re.I)

GOODS_WORD_RE = re.compile(rf"\b(?:{_GOODS_ALT})\b", re.I)

GOODS_HEAD_RE = re.compile(rf"\s*(?:the\s+)?(?P<good>{_GOODS_ALT})\b(?!\s+(?:sector|industry|compan\w+|firms?|producers?|giant|major|makers?)\b)", re.I)

ROLE_SPAN_RE = re.compile(
    r"\b(?:chair(?:man|woman)?|chief\s+executive(?:\s+officer)?|CEO|head|president|founder|owner|director|"
    r"shareholder|boss)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,5}(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)", re.I)

FLOW_TARGETS = frozenset({"import", "imports", "export", "exports", "trade"})


def goods_in(clause: str) -> list[str]:
    """The goods a ban on imports or exports names in a clause, in order, each once; a form of a good the
    list names too is that good ("iron, iron ore": iron)."""
    text = folded(clause)
    if not any(w in text for w in _FLOW_LITERALS):
        return []  # both patterns need a flow word (the cheap test before the scans)
    out: list[str] = []
    for rx in (GOODS_AFTER_RE, GOODS_BEFORE_RE):
        for m in rx.finditer(clause):
            out += [g.group(0).lower() for g in GOODS_WORD_RE.finditer(m.group("list"))]
    out = list(dict.fromkeys(out))
    return [g for g in out if not (" " in g and g.split()[0] in out)]


# an airline named where the document first calls it one: "the national airline, <Name>", "<Name> Airlines"
AIRLINE_NAME = (r"(?:airline|carrier)\s*,?\s+(?-i:(?P<a>[A-Z][\w\-]+))|(?-i:(?P<b>[A-Z][\w\-]+))\s+(?-i:Airlines|Airways)\b"
                # "<Name>, <country>'s state airline"
                r"|(?-i:(?P<c>[A-Z][\w\-]+)),\s+(?:the\s+)?(?:(?-i:[A-Z][\w\-]+)(?:'s|’s|')?\s+)?"
                r"(?:national\s+|state\s+|state-owned\s+|flag\s+)?(?:airline|carrier)\b")

# "<country>'s national airline", "the <demonym> airline": an airline told by its country (issue 22, class 10)
COUNTRY_AIRLINE_RE = re.compile(r"(?P<c>(?-i:[A-Z][\w\-]+))(?:['’]s?)?\s+(?:(?:national|state|state-owned|flag)\s+)?"
                                r"(?:airline|carrier|air\s+carrier)\b(?!\s*,?\s+(?-i:[A-Z]))", re.I)


def country_airline(clause: str, country: str | None) -> bool:
    """True when the clause's country target stands for that country's airline."""
    return any(countries_in(m.group("c")) == [country] for m in COUNTRY_AIRLINE_RE.finditer(clause))


def _more_countries(clause: str, target: tuple) -> list[str]:
    """The other countries of "sanctions against Russia and Iran": each its own move."""
    if target[1] != "country" or not target[3]:
        return []
    m = TARGET_RE.search(clause)
    np = m.groupdict().get("np") if m else None
    if not np:
        return []
    # (what the targets did or are tied to is no further target: "Russians involved in the invasion of <country>",
    # "citizens and companies as a result of the war with <country>")
    head = re.match(r"[^;:]*?(?=\s+(?:for|over|after|because|which|that|who|to|in\s+response|as|amid|following|during|"
                    r"due|involved|linked|tied|responsible|accused|close)\b|[;:]|,(?!\s+(?:and\s+)?(?-i:[A-Z]))|$)", np)
    # (a comma before a capital goes on with the list: "sanctions on <A>, <B> and <C>"; issue 22, class 9)
    text = head.group(0) if head else np
    if "," in text:
        # (a comma list only where every item is a country: "on <A>, <B> and <C>", not "on <A>, <B> said, and")
        # (each item a capitalised run naming a country; words after it only on the last)
        items = [i.strip() for i in re.split(r",\s+(?:and\s+)?|\s+and\s+(?:on\s+)?", text) if i.strip()]
        runs = [re.match(r"(?:the\s+)?(?-i:[A-Z])[\w\-’']*(?:\s+(?-i:[A-Z])[\w\-’']*){0,3}", i) for i in items]
        if not all(r and countries_in(r.group(0)) and (k == len(items) - 1 or r.end() == len(items[k]))
                   for k, r in enumerate(runs)):
            text = text.split(",")[0]
    named = [c for c in countries_in(text) if c not in ISSUING_COUNTRIES]
    return [c for c in dict.fromkeys(named) if c != target[0]] if re.search(r"\band\b", text) else []

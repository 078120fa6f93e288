"""Named organisations inside a sanctions statement (issue 22, class 10).

An organisation named in the object of a move on sanctions (a designation, freeze, listing, delisting, lifting, licence
or waiver) is a target of that move, with the move's issuer, action and date: a company told by its form (a legal form
or a head word: "<A> Holding LLC", "<A> Bank", "Bank of <A>", "<A> Shipping") or a body told by its head ("Ministry of
<A>", "<A> Guards", "<A> Cartel"), one move per organisation of a comma or "and" list. The object runs from the cue
("sanctions on", "designated", "froze the assets of", "a licence ... involving") to what ends it (a semicolon, a speech
verb, a reason or a relative clause); an organisation elsewhere (the one that reported, the one whose shares fell, the
issuer, the owner of the targets) is none.

Kinds: 'company' for a firm, 'officials' (the body type the warehouse stores) for a state body or an armed group. The
country: a demonym, "<Country>'s" or "<Country>-based" right before the name or a country inside it, else None (the caller
keeps the move's country)."""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extraction.designations import (
    BODY_WORDS,
    LEGAL_FORM_FIRST,
    OWNER_BEFORE_RE,
    ROLE_OF_RE,
    _legal_form_runs,
)
from flows.extraction.places import _subdivision_countries, countries_in, find_places
from flows.extraction.sanction_bodies import ISSUER_BODY_RE, PEOPLE_AFTER_RE
from flows.extraction.sanction_patterns import _COMPANY_WORD_SET, ISSUER_RE
from flows.language.lexicon import (COMPANY_NAME_WORDS, ORG_WORDS, TITLE_WORDS, country_names, demonyms, fold,
                                    is_given_name, place_words)

# the lexicon's organisation words that head no target of a move: the press, meetings, laws, places, prizes, the
# issuers' own chambers (a name ending so is a reporter, a venue or a text, not a sanctioned organisation)
NOT_TARGET_ORG_WORDS = frozenset("""
    union parliament assembly court office news times post journal press radio tv television broadcasting media
    university school college academy prize award watch international amnesty nations states republic kingdom
    federation emirates embassy consulate treasury house senate congress duma bundestag club league forum summit
    conference talks treaty pact accord agreement act review daily weekly herald tribune gazette magazine reuters
    cross crescent penal prison jail detention camp colony airport square street avenue initiative project program
    programme platform channel article articles comments newsletter license licence capital partners worldwide
    presse agence resources church council commission committee administration government
    """.split())

# heads the lexicon lacks: firms told by their trade ("<A> Refinery", "<A> Exchange") and armed or criminal groups
# (beside the lexicon's COMPANY_NAME_WORDS: "<A> Shipping", "<A> Industries")
EXTRA_HEADS = frozenset("""refineries exchange enterprise cartel cartels carteles ministries directorate presidency
    headquarters command banco banque""".split())

# heads written before a bare name ("Bank <A>", "Cartel <A>"), as well as before "of" / "de"
NAME_AFTER_HEADS = frozenset({"bank", "banco", "banque", "cartel", "carteles"})

TARGET_HEADS = (frozenset(ORG_WORDS) | EXTRA_HEADS | COMPANY_NAME_WORDS
                | frozenset(w.lower() for w in _COMPANY_WORD_SET | BODY_WORDS)) - NOT_TARGET_ORG_WORDS

# a legal form written after the name without a comma ("<A> Holding L.L.C.", "<A> Trading Ltd"): the name is a company's
LEGAL_TAIL_RE = re.compile(r"\s+(?:L\.L\.C\.?|LLC|LLP|Ltd\.?|Limited|Inc\.?|Corp\.?|Co\.?|PLC|Plc|GmbH|AG|JSC|PJSC|OJSC|"
                           r"S\.A\.?|S\.p\.A\.?|N\.V\.?|B\.V\.?|FZE|FZCO|DMCC|SAL|S\.A\.L\.?|SARL|S\.A\.R\.L\.?|Pte|Pvt|"
                           r"Sdn\.?\s+Bhd\.?)$")

_CAP = r"(?:[A-Z][\w&’'\-\.\+]*|al-[A-Z][\w\-]*)"
# a legal form after a comma: "<A> Drones, Inc.", "<A> Technical Services, Inc."
LEGAL_AFTER_RE = re.compile(r"\s+(?:Inc|Ltd|LLC|Corp|Co|PLC|GmbH|Limited)\b")
# (", Limited" too: "<A> Petroleum Co., Limited", a Hong Kong company's full name)
COMMA_LEGAL_RE = re.compile(r",\s+(?:Inc|Ltd|LLC|L\.L\.C|Co|Corp|PLC|GmbH|S\.A|LLP|Limited)\.?(?![\w])")
# a capitalised run with its joining words ("Bank of <A>", "Ministry of Energy and Natural Resources")
# (a number or a place in brackets inside a name: "<A> 88 Limited", "<A> Tanker (<Place>) <B> & <C> Co"; issue 22, class 10)
RUN_RE = re.compile(rf"(?<![\w\-]){_CAP}(?:[ \t]+(?:(?:of|for|and|de|del|la|the|y|&)[ \t]+)*"
                    rf"(?:{_CAP}|\d+\b(?![.,]\d)|\([A-Z][\w\-]*\)(?=[ \t]+[A-Z])))*")

# where the object of a move starts: a sanction noun and its preposition, a designation verb, the assets of, a licence
OBJECT_CUE_RE = re.compile(
    # a list the move opens: "the groups designated are:", "the firms given the designations include"
    # (an order's initials between: "the firms sanctioned under E.O. <number> are:")
    r"\b(?:designated|sanctioned|listed|blacklisted|targeted|designations?)\b(?:\b[A-Z]\.|[^.;:]){0,40}?\b(?:are|were|include[sd]?)"
    r"\s*:?\s*|"
    r"\b(?:sanctions?|(?:counter[\s\-]?)?measures|restrictions|embargo(?:es)?|(?:travel\s+|entry\s+|visa\s+)?bans?|freezes?|"
    r"penalties|curbs)"
    r"\s+(?:[\w\-]+\s+){0,3}?(?:on|against|targeting|affecting)\s+"
    r"|\b(?:sanction(?:ed|ing)|(?:to|will|would)\s+(?:sanction|target)|designat(?:ed|es|ing)|blacklist(?:ed|s|ing)?|delist(?:ed|s|ing)?|"
    r"singl(?:ed|es|ing)\s+out|targeted|targeting|froze|freez(?:es|ing)|unfroze|penali[sz](?:ed|es|ing))\s+"

    r"|\b(?:will|would|also)\s+(?:also\s+)?(?:affect|hit|cover|apply\s+to)\s+"
    # "the countermeasures target 20 <demonym> companies, including <A>, <B>" (issue 22, class 10)
    r"|\b(?:sanctions|(?:counter[\s\-]?)?measures|restrictions)\s+(?:also\s+|will\s+)?(?:target|targets|cover|covers|"
    r"hit|hits|affect|affects)\s+"
    r"|\b(?:assets|property|funds|accounts)\s+of\s+", re.I)

# the organisations before a passive move: "<A> and <B> are blocked", "<A> will be taken off the sanctions list"
PASSIVE_CUE_RE = re.compile(
    r"\s+(?:is|are|was|were|(?:has|have|had)\s+been|(?:will|would|shall|to)\s+be)\s+(?:also\s+|now\s+|formally\s+)?"
    r"(?:blocked|designated|sanctioned|blacklisted|delisted|(?:taken|removed)\s+(?:off|from)\s+(?:the\s+|its\s+)?"
    r"(?:[\w\-]+\s+){0,2}?(?:list|blacklist)"
    # "<A>, <B> and <C> would be subject to sanctions" (issue 22, class 10)
    r"|subject(?:ed)?\s+to\s+(?:[\w\-]+\s+){0,2}?(?:sanctions|asset\s+freezes?|restrictive\s+measures))\b", re.I)

# the organisations put on a list: "OFAC put <owner>'s subsidiaries, <A>, <B> and <C> on its sanctions list" (issue 22,
# class 10): the object between the verb and "on ... list"
PUT_ON_LIST_RE = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|added|adds|adding)\s+(?P<obj>[^.;:]{3,300}?)\s+(?:on|to)\s+"
    r"(?:its|the|their|a|his|her)\s+(?:[\w\-“”\"']+\s+){0,3}?(?:list|blacklist)\b", re.I)

# ... and those taken off one: "the Treasury removed <A>, <B> and <C> from its sanctions list" (session 17)
OFF_LIST_RE = re.compile(
    r"\b(?:remov(?:ed|es|ing)|took|takes|taking|taken|delist(?:ed|s|ing)?)\s+(?P<obj>[^.;:]{2,300}?)\s+(?:from|off)\s+"
    r"(?:its|the|their|a|his|her)\s+(?:[\w\-“”\"']+\s+){0,3}?(?:list|blacklist)\b", re.I)

# a licence or waiver: its object may run through "involving" and "transactions with"
LICENCE_CUE_RE = re.compile(r"\b(?:licen[cs]es?|authori[sz](?:es|ed|ing)|waiv(?:e|es|ed|er|ing))\b[^.;]{0,120}?"
                            r"\b(?:involving|with|to)\s+", re.I)

# what ends the object: a clause of its own, speech, a reason, the agent, an owner
OBJECT_END_RE = re.compile(
    # (an abbreviation's full stop ends nothing: "<A> in St. Louis", "<A>, Inc., <B>", "<A> Co. Ltd.")
    r";|(?<!\bSt)(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\bCorp)(?<!\bJr)(?<!\bMr)(?<!\bDr)(?<!\b[A-Z])\.(?:\s|$)|:|"
    r"\b(?:said|says|say|told|according|announced|reported|after|because|over|when|while|who|whom|which|"
    r"whose|that|since|following|unless|if|by|for|amid|despite|to\s+(?:punish|pressure|curb|stop)|in\s+response|"
    r"accused|blaming|citing|whereas|but|than)\b", re.I)
WITH_END_RE = re.compile(r"\bwith\b", re.I)

# an organisation whose role the words before it tell: whose the targets are, whose shares moved, a business partner
NOT_TARGET_BEFORE_RE = re.compile(
    r"\b(?:shares?\s+(?:of|in)|stakes?\s+in|subsidiar(?:y|ies)\s+of|units?\s+of|arms?\s+of|customers?\s+of|clients?\s+of|"
    r"business\s+with|deals?\s+with|dealings\s+with|trade\s+with|supplier\s+to|partners?\s+of|rivals?\s+of|"
    r"analysts?\s+(?:at|of)|economists?\s+(?:at|of)|told|(?:said|spoke|speaking|talking)\s+to|"
    # people of the organisation: "two officials from <A>", "senior members of <Country>'s <B>"
    r"(?:officials?|members?|leaders?|executives?|employees?|staff|managers?|directors?|heads?|officers?|commanders?|"
    r"secretar(?:y|ies)|chiefs?|figures?|operatives?|fighters?|personnel|agents?)\s+(?:of|from|at|in|within)"
    # another name of an organisation already told: "<A>, or <B>"
    r"|,\s+or|\balso\s+known\s+as|\baka)\s+(?:the\s+)?(?:[\w\-’']+\s+){0,2}$", re.I)

# a country told after the name: "<A> Holding, based in <Country>"
_COUNTRY_AFTER_RE = re.compile(r"^\.?(?:\s*\([^()]{1,40}\))?,?\s+(?:which\s+is\s+|that\s+is\s+)?"
                               r"(?:based|registered|headquartered|incorporated)\s+in\s+(?:the\s+)?(?P<c>[A-Z][^,.;()]{2,40})")

# a country told before the name: "<demonym>", "<Country>'s", "<Country>-based", "<Country>-owned"
# (the words between are what the organisation is: "<demonym> state-owned lender <A>", "<demonym> gang <A>"; never the move's
# words: "<demonym> sanctions on <A>" tells the issuer)
_COUNTRY_BEFORE_RE = re.compile(r"(?P<w>(?-i:[A-Z][\w\-]+))(?:['’]s?|-(?:based|owned|registered|linked))?\s+"
                                r"(?:(?!(?:sanction\w*|measures|restrictions|curbs|penalties|bans?|on|against|of|to|by|"
                                r"for|with|and|or|the|a|an|its|their|has|have|had|is|are|was|were|will|would|hit|targets?|"
                                r"said|says|say|told|announced|added|stated|declared|confirmed|"
                                r"targeted|designated|blacklisted|imposed|lifted|froze)\b)(?-i:[a-z][\w\-]*)\s+){0,2}$")


def country_before(text: str) -> str | None:
    """The country a demonym, "<Country>'s" or "<Country>-based" right before a name tells (what the named is in
    between, at most two lower-case words), else None."""
    before = _COUNTRY_BEFORE_RE.search(text)
    found = countries_in(before.group("w")) if before else []
    return found[0] if found else None


LIST_GAP_RE = re.compile(r"[.]?\s*(?:,|,?\s+and|,?\s+as\s+well\s+as)\s+(?:the\s+)?", re.I)


def is_org(name: str) -> bool:
    """A company or body by its form: a head word last, a head word first with "of" after it, a legal form first."""
    if LEGAL_TAIL_RE.search(name):
        return len(name.split()) >= 2
    words = [w.strip(".,’'") for w in name.split()]
    if len(words) < 2:
        return False
    last, first = words[-1].lower(), words[0].lower()
    if words[0] in LEGAL_FORM_FIRST:
        return True
    if len(words) == 2 and words[0] in ("West", "East", "North", "South", "Left", "Right") and last == "bank":
        return False  # a river's bank or a territory, no firm
    if last in TARGET_HEADS and fold(words[0]) not in TITLE_WORDS:
        return True
    if first in NAME_AFTER_HEADS and words[1][:1].isupper():
        return True
    if first in TARGET_HEADS and words[1] in ("of", "for", "de", "del", "du", "des") and fold(words[0]) not in TITLE_WORDS:
        return True
    # a head word inside, with what it is of or for after it: "<A> Institute for <B> Studies", "<A> Committee of the
    # Council" (issue 22, class 10)
    return any(w.lower() in TARGET_HEADS and nxt in ("of", "for") and fold(words[0]) not in TITLE_WORDS
               for w, nxt in zip(words[1:-1], words[2:]))


def _split_and(start: int, text: str) -> list[tuple[int, str]]:
    """A run cut at "and" where both sides are organisations ("<A> Bank and <B> Shipping"), else whole."""
    parts = re.split(r"(\s+and\s+)", text)
    pieces = [(start, parts[0])]
    at = start + len(parts[0])
    for sep, part in zip(parts[1::2], parts[2::2]):
        # (the words up to the next "and" must make an organisation on their own: "Institute of Posts and Telegraphs";
        # or be one word beside an organisation, no place: "<A>bank and <B> Bank")
        left = _clean(0, pieces[-1][1])[1]
        lone = len(left.split()) == 1 and len(pieces) == 1 and not find_places(left) and fold(left) not in TITLE_WORDS \
            and fold(f"{left} and {part.split()[0]}") not in country_names()  # ("Trinidad and Tobago <A> Bank")
        if is_org(_clean(0, part)[1]) and (is_org(left) or lone):
            lead = 4 if part.startswith("the ") else 0
            pieces.append((at + len(sep) + lead, part[lead:]))
        else:
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + sep + part)
        at += len(sep) + len(part)
    return pieces


def _clean(start: int, name: str) -> tuple[int, str, str | None]:
    """(start, name, owner country) without an article or an owner in the possessive ("<Country>'s <Body>")."""
    owner = None
    lead = re.match(r"(?:The|A|An|Its|Their|Both|the)\s+", name)
    if lead:
        start, name = start + lead.end(), name[lead.end():]
    poss = list(re.finditer(r"['’]s?\s+", name))
    if poss and is_org(name[poss[-1].end():]):
        owner = countries_in(name[:poss[-1].start()])
        cut = poss[-1].end()
        start, name = start + cut, name[cut:]
        owner = owner[-1] if owner else None
    return start, name.strip(" .,"), owner


def org_runs(sentence: str, zones: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, owner country) of each organisation the sentence names by its form; with `zones`, a
    capitalised run that overlaps none of them is not read (no organisation of it can start in one)."""
    out = []
    for m in RUN_RE.finditer(sentence):
        if zones is not None and not any(a < m.end() and m.start() < b for a, b in zones):
            continue
        tail = COMMA_LEGAL_RE.match(sentence, m.end())  # "<A> Drones, Inc.": the name with its form
        run = m.group(0) + (tail.group(0) if tail else "")
        for start, part in _split_and(m.start(), run):
            start, name, owner = _clean(start, part)
            if not is_org(name) and " and " in name:  # "<A> Cartel and <unknown words>": the organisation before
                start, name, owner = _clean(start, part[:part.index(" and ")])
            role = next((m for m in re.finditer(r"\s+of\s+(?:the\s+)?", name) if ROLE_OF_RE.search(name[:m.end()])), None)
            if role:  # "<role> of the <A> Group": the company says whose the role is, no target of its own
                continue
            if is_org(name) and fold(name) not in country_names():
                out.append((start, start + len(name), name, owner))
    legal = [(s, e, n, None) for s, e, n in _legal_form_runs(sentence)]
    # (a legal form's run inside a longer name the run holds whole is that name's tail: "<A> (<Place>) <B> & <C> Co")
    legal = [g for g in legal if not any(r[0] < g[0] < r[1] for r in out)]
    out = [r for r in out if not any(a <= r[0] < b for a, b, *_ in legal)] + legal
    return sorted(out)


LIST_OPENER_RE = re.compile(r"\b(?:including|such\s+as|namely)\b", re.I)
SENTENCE_STOP_RE = re.compile(r"(?<!\bSt)(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\b[A-Z])\.(?:\s|$)|:|\b(?:said|says|who|which|that)\b")

# the object told after a colon: "sanctions on the following two <demonym> companies, which own or control <...>: <A>
# and <B>" (issue 22, class 10)
FOLLOWING_LIST_RE = re.compile(r"\bthe\s+following\b[^.;:]{0,220}:\s*", re.I)


def _zones(sentence: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentence that are the object of a move."""
    zones = []
    for m in OBJECT_CUE_RE.finditer(sentence):
        end = OBJECT_END_RE.search(sentence, m.end())
        with_end = WITH_END_RE.search(sentence, m.end())
        stop = min(x.start() for x in (end, with_end) if x) if end or with_end else len(sentence)
        zones.append((m.end(), stop))
        colon = FOLLOWING_LIST_RE.match(sentence, m.end())
        if colon:
            end = OBJECT_END_RE.search(sentence, colon.end())
            zones.append((colon.end(), end.start() if end else len(sentence)))
    for m in PASSIVE_CUE_RE.finditer(sentence):
        ends = [e for e in OBJECT_END_RE.finditer(sentence, 0, m.start())]
        # (a list after "including" before the verb, its items parted by semicolons and holding words that end an
        # object elsewhere: "Bodies including the <A> of the <B>; the <C> for <D> Studies in <Country>, and the <E> were
        # also sanctioned": the whole list; issue 22, class 10)
        opener = next((o for o in LIST_OPENER_RE.finditer(sentence, 0, m.start())
                       if not SENTENCE_STOP_RE.search(sentence, o.end(), m.start())), None)
        if opener:
            zones.append((opener.end(), m.start()))
        zones.append((ends[-1].end() if ends else 0, m.start()))
    for m in LICENCE_CUE_RE.finditer(sentence):
        end = OBJECT_END_RE.search(sentence, m.end())
        zones.append((m.end(), end.start() if end else len(sentence)))
    for m in PUT_ON_LIST_RE.finditer(sentence) if " list" in sentence or " blacklist" in sentence else ():
        zones.append(m.span("obj"))
    for m in OFF_LIST_RE.finditer(sentence) if " list" in sentence or " blacklist" in sentence else ():
        zones.append(m.span("obj"))
    return zones


def org_kind(name: str) -> str:
    words = [w.strip(".,").lower() for w in name.split()]
    company = {w.lower() for w in _COMPANY_WORD_SET} | {"refineries", "exchange", "foundation", "fund",
                                                        "airline", "airlines", "airways", "aviation", "banco", "banque"} \
        | COMPANY_NAME_WORDS
    if name.split()[0] in LEGAL_FORM_FIRST or LEGAL_TAIL_RE.search(name):
        return "company"
    if len(words) > 2 and words[1] in ("of", "for", "de", "del", "du", "des") and words[0] not in company | {"banco", "banque"}:
        return "officials"  # "Presidency of <A> Industries" is the body, whatever it oversees
    if any(w in company for w in words):
        return "company"
    return "officials"


def _country(sentence: str, start: int, end: int, name: str, owner: str | None) -> str | None:
    inside = countries_in(name)
    if inside:
        return inside[0]
    if owner:
        return owner
    after = _COUNTRY_AFTER_RE.match(sentence[end:end + 90])
    if after and countries_in(after.group("c")):
        return countries_in(after.group("c"))[0]
    return country_before(sentence[max(0, start - 40):start])


@lru_cache(maxsize=20_000)  # sentences repeat across documents (wire copy, boilerplate): each is read once
def org_targets(sentence: str) -> tuple[tuple[str, int, str, str | None], ...]:
    """(name, start, kind, country) of each organisation named in the object of a move of the sentence."""
    return tuple(_org_targets(sentence))


def _org_targets(sentence: str) -> list[tuple[str, int, str, str | None]]:
    if not OBJECT_CUE_RE.search(sentence) and not LICENCE_CUE_RE.search(sentence) \
            and not PASSIVE_CUE_RE.search(sentence) and not PUT_ON_LIST_RE.search(sentence) \
            and not OFF_LIST_RE.search(sentence):
        return []
    zones = _zones(sentence)
    runs = org_runs(sentence, zones)  # (only the runs in a zone can be targets)
    if not runs:
        return _bare_names(sentence, zones, [])
    out: list[tuple[str, int, str, str | None]] = []
    for start, end, name, owner in runs:
        if not any(a <= start < b for a, b in zones):
            continue
        if sentence[end:end + 2] in ("'s", "’s") or ISSUER_BODY_RE.search(name) or PEOPLE_AFTER_RE.match(sentence, end):
            continue  # (whose envoy, the issuer, or whose officials: "three <A> Party officials")
        before = sentence[max(0, start - 80):start]
        if ROLE_OF_RE.search(before) or OWNER_BEFORE_RE.search(before) or NOT_TARGET_BEFORE_RE.search(before):
            continue
        country = _country(sentence, start, end, name, owner)
        if country is None and out and LIST_GAP_RE.fullmatch(sentence[out[-1][1] + len(out[-1][0]):start]):
            country = out[-1][3]  # "<Country>'s <A> and the <B>": the list's owner owns each item
        # (a legal form after the name tells a firm, whatever its words: "<A> Drones, Inc.")
        kind = "company" if COMMA_LEGAL_RE.match(sentence, end) or LEGAL_AFTER_RE.match(sentence, end) \
            or LEGAL_TAIL_RE.search(sentence[start:end].rstrip(" .,").replace(",", "")) else org_kind(name)
        out.append((name, start, kind, country))
    return _bare_names(sentence, zones, _list_mates(sentence, zones, out))


# a bare name that is the whole object of a move, or a list of them: "sanctions on <A>", "sanctioned <A> and <B>",
# "<A>, <B> and <C> are blocked" (session 17, issue 22, class 10): a firm or group the news names without any word
# of what it is ("Rosneft", "Gazprombank"); one to three capitalised words, and no person, place, people or issuer
_BARE_ITEM_RE = re.compile(r"(?:[A-Z][\w&’'\-\+]*)(?:[ \t]+[A-Z][\w&’'\-\+]*){0,2}")
# what a firm does, told before its bare name ("<demonym> drone maker <A>", "surveillance firm <B>"; session 18)
_TRADE_BEFORE_RE = re.compile(r"(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:[a-z][\w\-]*\s+){0,2}(?:firm|company|maker|manufacturer|"
                              r"producer|giant|operator|supplier|exporter|carrier|lender|insurer|trader|shipper|refiner|"
                              r"miner|developer|contractor|conglomerate)\s+(?=[A-Z])")
_BARE_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:the\s+)?")
# what may follow the object's last item: a full stop, a colon or a bracket, or a word that ends the object
# ("sanctions on <A> over its role", "sanctioned <A> on Monday"); a comma only where the zone ends right after it
_BARE_END_RE = re.compile(r"\s*(?:[.;:)]|$|(?:over|on|in|for|after|as|at|from|under|last|this|earlier|amid|because|"
                          r"to|which|who|that|remain|remains|remained|stay|stays|are|is|were|was|will|would|"
                          r"have|has|had)\b)")
_NOT_BARE = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "president", "prime", "minister", "the", "a", "an", "its", "their",
                       "his", "her", "state", "federal", "new", "sanctions", "executive", "order",
                       "section", "article", "resolution", "congress", "parliament", "government", "regime",
                       # a list's own name ("Specially Designated Nationals and Blocked Persons", "Specially
                       # Designated Global Terrorist") and titles written short ("Sens.", "Reps.")
                       "specially", "global", "nationals", "persons", "blocked", "terrorist", "terrorists",
                       "individuals", "entities", "officials", "sens", "sen", "reps", "rep", "gov", "gen"})


def _bare_names(sentence: str, zones: list[tuple[int, int]], out: list[tuple]) -> list[tuple]:
    """`out` with the bare names (see _BARE_ITEM_RE above) that make up the whole object of a move where the forms
    told nothing there, each a company of the country its words or the words around tell."""
    added = []
    for a, b in zones:
        if any(a <= r[1] < b for r in out):
            continue  # the forms told the object's organisations: the list is theirs
        at = a + len(sentence[a:b]) - len(sentence[a:b].lstrip())
        items = []
        while True:
            trade = _TRADE_BEFORE_RE.match(sentence, at, b)  # "drone maker <A>": the name after its trade
            m = _BARE_ITEM_RE.match(sentence, trade.end() if trade else at, b)
            if not m:
                break
            items.append(m)
            gap = _BARE_GAP_RE.match(sentence, m.end(), b)
            if not gap:
                break
            trade = _TRADE_BEFORE_RE.match(sentence, gap.end(), b)
            if not _BARE_ITEM_RE.match(sentence, trade.end() if trade else gap.end(), b):
                break
            at = gap.end()
        if not items or not (_BARE_END_RE.match(sentence, items[-1].end())
                             or not sentence[items[-1].end():b].strip(" ,")):
            continue  # (the object goes on: the names are only a part of it)
        if sentence[items[-1].end():items[-1].end() + 2] in ("'s", "’s") or PEOPLE_AFTER_RE.match(sentence, items[-1].end()) \
                or any(m.group(0).endswith(("'s", "’s", "'", "’")) for m in items):
            continue  # "<A>'s <officials>", "<A> officials": whose the targets are
        names = [m.group(0) for m in items]
        if not all(_bare_ok(n) for n in names):
            continue
        for m in items:
            country = _country(sentence, m.start(), m.end(), m.group(0), None)
            added.append((m.group(0), m.start(), "company", country))
    return sorted(out + added, key=lambda r: r[1]) if added else out


# regions sanctions news names as places that no gazetteer here holds as a country, city or ISO subdivision
_REGIONS = frozenset({"crimea", "donbas", "donbass", "darfur", "tigray", "kashmir", "xinjiang", "tibet", "chechnya",
                      "kurdistan", "transnistria", "abkhazia", "south ossetia", "somaliland", "nagorno-karabakh",
                      "karabakh", "palestine", "west bank", "gaza", "gaza strip", "balochistan", "hong kong", "macau"})
_TOPONYM_ENDINGS = ("ia", "stan", "land")


def _bare_ok(name: str) -> bool:
    """Whether a bare capitalised name may be a firm: no person's given name, title, date, place, people or issuer."""
    words = name.split()
    folded = [fold(w).strip("’'") for w in words]
    if folded[-1] in COMPANY_NAME_WORDS and len(words) >= 2:
        return True  # "<A> Dynamics": a firm named for what it does, whatever word opens it
    if any(w.strip(".") in _NOT_BARE for w in folded) or folded[0] in TITLE_WORDS or is_given_name(words[0]) \
            or ISSUER_RE.fullmatch(name) or (len(words) == 1 and folded[0].endswith("ly")):
        return False  # (an adverb opening the sentence: "Additionally, ...")
    if any(w in country_names() or w in demonyms() for w in folded) or fold(name) in country_names():
        return False
    if find_places(name) or (len(words) == 1 and name.isupper() and len(name) <= 2):
        return False  # a place; or "US", "EU", "UN": an issuer's initials
    if fold(name) in _subdivision_countries() or fold(name) in _REGIONS or any(w in place_words() for w in folded) \
            or (len(words) == 1 and folded[0].endswith(_TOPONYM_ENDINGS)):
        return False  # a region, a city, or a word made like a land's name ("<A>ia", "<A>stan")
    return not any(w in ORG_WORDS and w not in _COMPANY_WORDS for w in folded[1:])


# an item of a list of organisations its form does not tell ("<A> Bank, <B> Bank, <C>bank and <D> Bank"): a capitalised
# run, one of a comma / "and" list that holds at least two organisations told by their form and no more items untold
_LIST_ITEM_RE = re.compile(rf"{_CAP}(?:[ \t]+(?:&[ \t]+)?{_CAP}){{0,4}}")
_LIST_END_RE = re.compile(r"\s*(?:[,.;:)]|$)")
_ITEM_OPENS_RE = re.compile(r"(?:[,:]|\band|\bas\s+well\s+as|\bincluding|\bsuch\s+as|\bnamely)\s*(?:the\s+)?$", re.I)
_COMPANY_WORDS = frozenset(w.lower() for w in _COMPANY_WORD_SET)


def _list_mates(sentence: str, zones: list[tuple[int, int]], out: list[tuple]) -> list[tuple]:
    """`out` (name, start, kind, country) with the untold items of a list of its organisations, each of the kind and
    country of the nearest told one (issue 22, class 10). An item that opens with a given name (a person) or is a
    place is no mate."""
    from flows.extraction.names import is_given_name

    if len(out) < 2:
        return out
    added = []
    for a, b in zones:
        tokens = []
        for m in _LIST_ITEM_RE.finditer(sentence, a, b):
            follows = LIST_GAP_RE.match(sentence, m.end(), b) or _LIST_END_RE.match(sentence, m.end(), b)
            # (an item opens after a list's comma or "and", or where the object opens: not after a dash inside a
            # name, "<A> Cartel - New Generation")
            opens = m.start() - a < 3 or _ITEM_OPENS_RE.search(sentence, max(a, m.start() - 12), m.start())
            if (follows or not sentence[m.end():b].strip()) and opens:
                tokens.append(m)
        chains, chain = [], []
        for m in tokens:
            if chain and LIST_GAP_RE.fullmatch(sentence, chain[-1].end(), m.start()):
                chain.append(m)
            else:
                chains.append(chain)
                chain = [m]
        chains.append(chain)
        for chain in chains:
            told = [next((r for r in out if r[1] < m.end() and m.start() < r[1] + len(r[0])), None) for m in chain]
            # (a legal form after a comma is its name's tail, told with it: "<A> Drones, Inc.")
            told = [r if r is not None or not LEGAL_TAIL_RE.fullmatch(" " + m.group(0)) or k == 0 else told[k - 1]
                    for k, (m, r) in enumerate(zip(chain, told))]
            n_told = sum(r is not None for r in told)
            if n_told < 2 or len(chain) - n_told > n_told:
                continue
            for k, (m, r) in enumerate(zip(chain, told)):
                if r is not None:
                    continue
                words = m.group(0).split()
                if all(w.lower() in TARGET_HEADS or w.lower() in _COMPANY_WORDS for w in words) \
                        or LEGAL_TAIL_RE.fullmatch(" " + m.group(0)):
                    continue  # a head alone ("Company"): a piece of a longer name
                headed = len(words) > 1 and words[-1].lower() in TARGET_HEADS  # "General Bank": a head, a firm
                if not headed and (is_given_name(words[0]) or fold(words[0]) in TITLE_WORDS) \
                        or any(kind == "name" for _, kind in find_places(m.group(0))):
                    continue  # a person ("<Given> <Surname>", "Prime Minister <A>") or a place
                if not any(told[k:]) and " and " not in sentence[chain[k - 1].end():m.start()] + " ":
                    continue  # after the last organisation told, only the item "and" ends the list with
                near = next(x for x in told[k::-1] + told[k:] if x is not None) if any(told[:k]) else \
                    next(x for x in told[k:] if x is not None)
                kinds = [x[2] for x in told if x is not None]
                kind = max(sorted(set(kinds)), key=kinds.count)  # the list's kind: what most told items are
                added.append((m.group(0), m.start(), kind, near[3]))
    if not added:
        return out
    items = sorted(out + added, key=lambda r: r[1])
    for i in range(1, len(items)):  # "<Country>'s <A>, <B> and <C>": the list's owner owns each item
        prev, (name, start, kind, country) = items[i - 1], items[i]
        if country is None and prev[3] and LIST_GAP_RE.fullmatch(sentence, prev[1] + len(prev[0]), start):
            items[i] = (name, start, kind, prev[3])
    return items


# the sentences a move on named organisations reaches without a sanction word: "<A> and <B> are blocked", "imposed
# the measures on <A>" (the vectorised prefilter of extract_sanction_mentions)
PREFILTER_ORG_MOVE = (r"(?i)\b(?:are|is|were|was|been|be)\s+(?:also\s+)?blocked\b|"
                      r"\bimpos(?:ed|es|ing)\s+(?:the\s+|these\s+|those\s+|such\s+|similar\s+)?measures\s+(?:on|against)\b")


# the move a cue tells by itself, where the sentence's action words tell none ("<A> and <B> are blocked")
_CUE_LIFTS_RE = re.compile(r"\b(?:delist\w*|unfro\w+|taken\s+off|removed\s+(?:off|from))\b", re.I)
_CUE_IMPOSES_RE = re.compile(r"\b(?:blocked|impos(?:ed|es|ing)|designat\w+|sanction(?:ed|ing)?|blacklist\w*|froze|freez\w+|"
                             r"singl(?:ed|es|ing)\s+out|penali[sz]\w+|"
                             # "would be subject to sanctions", "put <A> on its sanctions list" (PASSIVE_CUE_RE, PUT_ON_LIST_RE)
                             r"subject(?:ed)?\s+to\s+(?:[\w\-]+\s+){0,2}?(?:sanctions|asset\s+freezes?|restrictive\s+measures)|"
                             r"(?:put|puts|placed|places|added|adds)\s+[^.;:]{3,300}?\s+(?:on|to)\s+(?:its|the|their|a)\s+"
                             r"(?:[\w\-“”\"']+\s+){0,3}?(?:list|blacklist))\b", re.I)


# a sanctioning agency as the subject of "target": "Treasury targeted shippers <A> and <B>", "OFAC also targets <A>",
# "Treasury will target <A>" (to come: proposed); "targeted" alone says nothing ("strikes targeted <A> Power Systems")
# (session 19)
_AGENCY_TARGETS_RE = re.compile(r"\b(?-i:Treasury|OFAC|(?:State|Commerce)\s+Department)\)?\s+(?:(?:also|today|now|on\s+\w+day)\s+)?"
                                r"(?:targeted|targets|(?P<future>will|would)\s+(?:also\s+)?target)\b", re.I)


def cue_actions(sentence: str) -> list[str]:
    """The action a sentence's designation words tell: a delisting lifts, a designation imposes; else none."""
    if _CUE_LIFTS_RE.search(sentence):
        return ["lifted"]
    if _CUE_IMPOSES_RE.search(sentence):
        return ["imposed"]
    if agency := _AGENCY_TARGETS_RE.search(sentence):
        return ["proposed"] if agency.group("future") else ["imposed"]
    return []

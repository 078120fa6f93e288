"""Named bodies and groups a sanctions move targets (issue 22, class 10): ministries, services, commissions,
courts, armed forces, militias, parties and other named organisations that are not companies, told in a list after
the move ("on four entities, including the <Demonym> <A> Service", "targeted <person> ... as well as the <A>
Commission on <B>") or put on a terrorism list as the subject of a passive designation ("<A> and <B> have been
designated as foreign terrorist organisations", "the groups newly designated as terrorist organisations are <A> and
<B>", "the terrorist designation for <Country>'s <A>").

Each is (name, start, "officials"): a body is typed as a state body named after "sanctions on" is."""

from __future__ import annotations

import re

from flows.extraction.places import countries_in
from flows.language.lexicon import TITLE_WORDS, fold

# the kind word a body's name ends with (a name with "of <A>" or "on <A>" after it keeps that part)
_HEAD = (r"(?:Ministry|Department|Service|Agency|Guards?|Corps|Directorate|Bureau|Commission|Committee|Council|Court|"
         r"Tribunal|Police|Army|Forces?|Brigades?|Battalion|Regiment|Militia|Front|Movement|Party|Network|Cartel|Gang|"
         r"Headquarters|Command|Presidency|Institute|Gendarmerie|Administration|Staff)")

# a capitalised word of a name: "Congressional-Executive", "U.S.", "Al-Quds", "People's"
_CAP = r"(?:[A-Z][\w\-’'.]*|al-[A-Z][\w\-]*|de|del|el)"

# a day or month after "on" is the move's date, no part of the body's name ("the <A> Service on Monday")
_WHEN = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
         r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")

BODY_NAME_RE = re.compile(
    rf"(?-i:(?P<name>(?:{_CAP}\s+){{0,5}}{_HEAD}\b(?:\s+(?:of|on|for)\s+(?:the\s+)?(?!{_WHEN}\b)[A-Z][\w\-’']*"
    rf"(?:\s+(?:and\s+)?[A-Z][\w\-’']*){{0,3}})?))")

# where the targets of a move begin: "sanctions on", "measures against", "targeted", "designated", "including",
# "as well as" (the last two only inside a list a move opened: the chunk test below)
CUE_RE = re.compile(
    r"\b(?:sanctions?|measures|restrictions|penalties)\s+(?:[\w\-]+\s+){0,3}?(?:on|against|targeting)\s"
    r"|\b(?:targeted|targeting|designated|designating|blacklisted|blacklisting|sanctioned|sanctioning|delisted|"
    r"delisting)\s+(?!by\b|as\b|under\b)"
    # a group of targets opening a list of its members ("four other entities, including the <A> Service")
    r"|\b(?:entities|organi[sz]ations|bodies|agencies|groups|institutions|units|departments|ministries),?\s+"
    r"(?:including|such\s+as|among\s+them)\s", re.I)

# what breaks a list of targets between the cue and a name: a verb of saying, an agent, a reason, a clause
BREAK_RE = re.compile(r"\b(?:said|says|say|told|announced|by|of|which|who|whom|that|after|because|for|over|when|while|"
                      r"to|from|in|at|with|under|since|is|are|was|were|has|have|had|will|would|said)\b|[;:(]", re.I)

NAME_RUN_RE = re.compile(r"(?-i:[A-Z][\w\-’'.]*(?:\s+(?:of|at|for|on|the|de|and)\s+[A-Z][\w\-’'.]*)*)")

# a body's name before its people names the people ("<A> Party officials", "<A> Guard commanders"), not the body
PEOPLE_AFTER_RE = re.compile(r"\s+(?:officials?|members?|leaders?|commanders?|officers?|chiefs?|figures?|operatives?|"
                             r"fighters?|personnel|agents?|heads?|executives?|employees?|staff)\b")

# what may follow a body that is itself a target: an end, a joint, a verb, a preposition (a role word or a name after
# it makes the body a person's office: "the <A> Court (<ACR>) justice <name>", "<A> Council Special Rapporteur <name>")
BODY_END_RE = re.compile(r"(?:\s*\([^()]{1,12}\))?(?:\s*(?:[,.;:)\"”’'–—]|$)|\s+(?:and|or|as|on|in|for|over|which|that|"
                         r"who|were|was|are|is|has|have|had|will|under|after|to|from|with|since|because|amid|following|"
                         r"last|this|earlier|-)\b)")

# bodies that issue moves, not targets ("the Treasury Department", "the Office of Foreign Assets Control",
# "the European Commission", "the Security Council", "the State Department")
ISSUER_BODY_RE = re.compile(r"(?i)\b(?:Treasury|State|Commerce|Justice)\s+Department\b|\bDepartment\s+of\s+(?:the\s+)?"
                            r"(?:Treasury|State|Commerce|Justice)\b|\bEuropean\s+(?:Commission|Council)\b|"
                            r"\bSecurity\s+Council\b|\bsanctions\s+committee\b|\bForeign\s+(?:Affairs\s+)?"
                            r"(?:Ministry|Office|Department|Committee)\b|\bMinistry\s+of\s+Foreign\b|\bCouncil\s+of\s+"
                            r"(?:the\s+)?(?:European\s+Union|EU)\b|\bRelations\s+Committee\b|\bAffairs\s+Committee\b")


def _clean(name: str) -> str:
    """The body's own name: no article, no owner before it ("<country>'s <A> Police" is the <A> Police)."""
    name = re.sub(r"^(?:The|A|An)\s+", "", name.strip())
    name = re.sub(r"^(?:\S+\s+)*?\S+['’]s\s+", "", name)
    return name.rstrip(".,’'")


def _peel_demonym(name: str) -> str:
    """Its country's demonym or name before a body goes too, as for any body named by its country ("the <demonym>
    <A> Forces" is the <A> Forces), unless one word would be left ("the <demonym> Army")."""
    words = name.split()
    if len(words) >= 3 and countries_in(words[0]) and not re.search(rf"^{_HEAD}\b", words[1]):
        return " ".join(words[1:])
    return name


def _good_body(name: str) -> bool:
    words = name.split()
    if not words or fold(words[0]) in TITLE_WORDS or ISSUER_BODY_RE.search(name):
        return False
    # a country's or issuer's own name is no body ("the United States Congress" is no target here either)
    return not (len(words) == 1)


def listed_bodies(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, 'officials') of each named body a list of targets holds after a cue of the move (see module)."""
    if not re.search(rf"\b{_HEAD}\b", sentence):
        return []
    cues = [m.end() for m in CUE_RE.finditer(sentence)]
    if not cues:
        return []
    out = []
    for m in BODY_NAME_RE.finditer(sentence):
        before = [c for c in cues if c <= m.start()]
        if not before:
            continue
        between = sentence[before[-1]:m.start()]
        # short brackets and whole capitalised names ("Ambassador at Large for <A>") break no list
        between = NAME_RUN_RE.sub("X", re.sub(r"\([^()]{0,30}\)", "", between))
        # the list between the cue and the name: names, counts, commas, "and", "including", "as well as"
        if len(between) > 220 or BREAK_RE.search(between):
            continue
        name = _clean(m.group("name"))
        if not _good_body(name) or PEOPLE_AFTER_RE.match(sentence, m.end()) or not BODY_END_RE.match(sentence, m.end()):
            continue
        name = _peel_demonym(name)
        out.append((name, m.start("name") + m.group("name").find(name), "officials"))
    return out


# the subject of a passive terrorism designation: "<A>, <B> and <C> have been designated as foreign terrorist
# organisations", "<A> was designated a terrorist group"
_TERROR_AS = r"(?:as\s+)?(?:an?\s+|the\s+)?(?:foreign\s+|global\s+|specially\s+designated\s+(?:global\s+)?)?terrorists?(?:\s+(?:organi[sz]ations?|groups?|entities|entity))?"
PASSIVE_TERROR_RE = re.compile(
    rf"(?P<subject>[^.;:]{{3,240}}?)\s+(?:have|has|had)?\s*(?:been|were|was|are|is)\s+(?:also\s+|newly\s+|now\s+|since\s+)?"
    rf"(?:re-?)?designated\s+(?:by\s+[^.;,]{{3,60}}?\s+)?{_TERROR_AS}\b", re.I)

# a copula after the designation: "the groups newly designated (by <A>) as foreign terrorist organisations (and ...)
# are <A> and <B>"
COPULA_TERROR_RE = re.compile(
    rf"\bdesignated\s+(?:by\s+[^.;,]{{3,60}}?\s+)?{_TERROR_AS}\b[^.;]{{0,40}}?\s+(?:are|were|is|was)\s+(?P<list>[^.;]+)", re.I)

# "the terrorist designation for <Country>'s <A>", "revokes the designation for <A>"
TERROR_FOR_RE = re.compile(
    r"\bterror(?:ism|ist)?\s+(?:designations?|listings?)\s+(?:for|of)\s+(?:the\s+)?(?:(?-i:[A-Z][\w\-]+)['’]s\s+)?"
    r"(?P<name>(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,4}))", re.I)

# a group put on or taken off a terrorism list by a listing verb, told with its kind before its name ("remove the
# <demonym> rebel group <A> from its list of foreign terrorist organisations", "the plan to delist <A>")
_GROUP_KIND = r"(?:group|movement|militia|organi[sz]ation|party|rebels|guerrillas?|network|faction|outfit)"
_TERROR_LIST = (r"(?:(?:[\w.\-]+\s+){0,3}?list\s+of\s+(?:\w+\s+){0,2}?terror\w*|(?:[\w.\-]+\s+){0,3}?terror(?:ism|ist)?\s+"
                r"(?:list|blacklist)|(?:[\w.\-]+\s+){0,3}?terrorist\s+organi[sz]ation\s+list)")
TERROR_VERB_RE = re.compile(
    r"\b(?P<verb>delist\w*|(?:re-?)?designat\w*|blacklist\w*|remov\w*|add\w*|put(?:s|ting)?|plac\w*|return\w*|"
    r"keep\w*|list(?:s|ed|ing)?)\s+(?:the\s+)?(?:(?-i:[A-Z][a-z]+)\s+)?(?:[a-z\-]+\s+){0,2}?"
    rf"{_GROUP_KIND}\s+(?P<name>(?-i:[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){{0,4}}))"
    r"|\bdelist(?:s|ed|ing)?\s+(?P<bare>(?-i:[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,4}))", re.I)


# a listing verb and the list of groups it puts on or takes off a terrorism list, told after them ("designated <A>,
# <B> and the <C> as foreign terrorist organisations", "added <A> and <B> to its list of foreign terrorist
# organisations", "proscribed the <A> Group as a terrorist organisation")
_AS_TERROR = (r"as\s+(?:an?\s+)?(?:foreign\s+|global\s+|specially\s+designated\s+(?:global\s+)?)?terrorists?\s+"
              r"(?:organi[sz]ations?|groups?|entit(?:y|ies))\b")
ACTIVE_TERROR_RE = re.compile(
    r"\b(?P<verb>(?:re-?)?designat(?:e|es|ed|ing)|proscrib(?:e|es|ed|ing)|list(?:s|ed|ing)?|add(?:s|ed|ing)?|"
    r"put(?:s|ting)?|plac(?:e|es|ed|ing)|blacklist(?:s|ed|ing)?|remov(?:e|es|ed|ing)|delist(?:s|ed|ing)?|"
    r"return(?:s|ed|ing)?)\s+(?P<list>(?:the\s+|al-|La\s+)?(?-i:[A-Z])[^.;:()]{1,160}?)\s+"
    rf"(?:{_AS_TERROR}|(?:to|on|onto|from|off)\s+(?:an?\s+|the\s+|its\s+|their\s+)?{_TERROR_LIST})", re.I)


# the unnamed rest after the named groups of a listing ("<A>, <B> and others", "<A> among others")
OTHERS_TAIL_RE = re.compile(r",?\s+(?:and|among)\s+(?:several\s+|many\s+|some\s+)?others\s*,?\s*$", re.I)


_LIST_NAME_RE = re.compile(
    r"(?:^|,\s*|\s+and\s+|,\s+and\s+)(?:the\s+|La\s+|El\s+)?(?P<name>(?-i:(?:[A-Z]|al-[A-Z])[\w\-’']*(?:\s+(?:of\s+|de\s+|del\s+)?"
    r"[A-Z][\w\-’']*){0,6}))")


_ALT_RE = re.compile(r",\s+or\s+[^,]{1,40}(?:,|$)")


def _names_of_list(text: str, base: int) -> list[tuple[str, int]]:
    """The capitalised names a list holds, in order, to the first word that is neither a name nor a joint."""
    out = []
    pos = 0
    while True:
        m = _LIST_NAME_RE.match(text, pos)
        if m is None:
            break
        out.append((m.group("name"), base + m.start("name")))
        pos = m.end()
        # an apposition in commas after a name ("<A>, or <B>,"): skipped
        alt = _ALT_RE.match(text, pos)
        if alt:
            pos = alt.end() - (1 if alt.group().endswith(",") else 0)
    return out


def _group_ok(name: str) -> bool:
    words = name.split()
    if fold(words[0]) in TITLE_WORDS or ISSUER_BODY_RE.search(name):
        return False
    if countries_in(name) and len(words) <= 2 and not re.search(rf"\b{_HEAD}\b", name):
        return False  # a country (or its demonym) is no group here
    return True


# a group proscribed (put on a terrorism list by a word the sanctions prefilters do not hold): the vectorised prefilter
PREFILTER_PROSCRIBED = r"(?i)proscri"

TERROR_LIST_WORDS_RE = re.compile(r"\blist\s+of\s+(?:\w+\s+){0,2}?terrorist\s+(?:organi[sz]ations|groups)\b", re.I)


def terror_listing_words(sentence: str) -> bool:
    """A sentence naming a terrorism list the sanction words do not ("its list of foreign terrorist organisations")
    and a group a listing verb puts on or takes off it: a move on that group."""
    return bool(TERROR_LIST_WORDS_RE.search(sentence) or re.search(_AS_TERROR, sentence, re.I)) \
        and any(t for t in terror_designated(sentence))


def _terror_verbs(sentence: str) -> list[re.Match]:
    """TERROR_VERB_RE's matches that list or delist: a group told by its kind needs a terrorism list after it
    ("added the group <A>" with no such list lists nothing); a bare "delist <A>" needs a word on terror in the sentence."""
    if not re.search(r"(?i)terror", sentence):
        return []
    return [v for v in TERROR_VERB_RE.finditer(sentence) if not v.group("name") or re.match(
        r"\s+(?:from|to|on|onto|off)\s+(?:an?\s+|the\s+|its\s+|their\s+)?" + _TERROR_LIST, sentence[v.end():], re.I)]


_OFF_VERB_RE = re.compile(r"(?i)^(?:delist|remov|tak)")
_TO_COME_RE = re.compile(r"(?i)\b(?:preparing|prepares|plans?|planning|intends?|intending|expected|set|moving|moves|"
                         r"would|will|could|may|might|considering|weighing)\s+(?:\w+\s+){0,2}?(?:to\s+)?$")


def terror_verb_actions(sentence: str) -> list[str]:
    """The move a listing verb of TERROR_VERB_RE tells, where the sentence's words on sanctions tell none: a group
    taken off the list is lifted, put on it imposed; a verb still to come ("preparing to remove") proposes."""
    for v in [*_terror_verbs(sentence), *ACTIVE_TERROR_RE.finditer(sentence)]:
        if _TO_COME_RE.search(sentence, max(0, v.start() - 40), v.start()):
            return ["proposed"]
        return ["lifted"] if _OFF_VERB_RE.match(v.group("verb") or "delist") else ["imposed"]
    return []


def terror_designated(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, 'officials') of each group a sentence puts on a terrorism list by a passive designation or
    names in "the terrorist designation for <A>" (see module)."""
    if not re.search(r"(?i)terror", sentence):
        return []
    out: list[tuple[str, int, str]] = []
    m = PASSIVE_TERROR_RE.search(sentence)
    if m:
        subject = m.group("subject")
        # the list is the subject's tail after its head clause ("The two groups that formed out of <A>, <B> and <C>"):
        # the first comma after which only names and joints follow
        for cut in [0, *[p.end() for p in re.finditer(r",\s+", subject)]]:
            names = _names_of_list(subject[cut:], m.start("subject") + cut)
            rest = _ALT_RE.sub("", _LIST_NAME_RE.sub("", subject[cut:]))
            if names and not re.search(r"[a-z]{3,}", re.sub(r"\b(?:and|the)\b", "", rest)):
                out += [(n, s, "officials") for n, s in names if _group_ok(n)]
                break
        else:
            out += _described_items(subject, m.start("subject"))
    c = COPULA_TERROR_RE.search(sentence)
    if c:
        names = _names_of_list(re.split(r",\s+and\s+(?:the\s+)?(?-i:[a-z])", c.group("list"))[0], c.start("list"))
        out += [(n, s, "officials") for n, s in names if _group_ok(n) and not any(s == o[1] for o in out)]
    for a in ACTIVE_TERROR_RE.finditer(sentence):
        # "designated <A>, the <B> and others as ...": the unnamed rest closes the list, no name of it
        items = OTHERS_TAIL_RE.sub("", a.group("list"))
        names = _names_of_list(items, a.start("list"))
        rest = _ALT_RE.sub("", _LIST_NAME_RE.sub("", items))
        if not names or re.search(r"[a-z]{3,}", re.sub(r"\b(?:and|the)\b", "", rest)):
            continue  # the span holds more than a list of names ("listed the group's leaders and ...")
        out += [(n, st, "officials") for n, st in names
                if _group_ok(n) and not countries_in(n) and not any(st == o[1] for o in out)]
    for v in _terror_verbs(sentence):
        g = "name" if v.group("name") else "bare"
        name = v.group(g)
        if _group_ok(name) and not countries_in(name) and not any(v.start(g) == o[1] for o in out):
            out.append((name, v.start(g), "officials"))
    for f in TERROR_FOR_RE.finditer(sentence):
        name = f.group("name")
        if _group_ok(name) and not countries_in(name) and not any(f.start("name") == o[1] for o in out):
            out.append((name, f.start("name"), "officials"))
    return out


# an item of a designated list told with what it is around its name: "the notorious <demonym> gang <A>", "the brutal
# <A> organization" (issue 22, class 10); a counted group ("half a dozen <demonym> cartels") is an item, but no name
_ITEM_RE = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?:[a-z][\w\-]*|[A-Z][a-z]+(?:an|ian|ese|i))\s+){0,3}?"
    r"(?:(?:gang|group|cartel|militia|movement|network|organi[sz]ation|faction)\s+)?"
    r"(?P<name>(?-i:(?:[A-Z]|al-[A-Z])[\w\-’']*(?:\s+(?:of\s+|de\s+|del\s+|al\s+)?[A-Z][\w\-’']*){0,5}))"
    r"(?:\s+(?:gang|group|cartel|militia|movement|network|organi[sz]ation|faction))?$")
_COUNTED_ITEM_RE = re.compile(r"^(?:\d[\d,]*|(?:half\s+a|a|two|three)\s+dozen|one|two|three|four|five|six|seven|"
                              r"eight|nine|ten|eleven|twelve)\s+", re.I)


def _described_items(subject: str, base: int) -> list[tuple[str, int, str]]:
    """The names of a designated list whose items carry descriptions ("The notorious <demonym> gang <A>, the brutal <B>
    organization, and half a dozen <demonym> cartels have been designated as ..."): every item a name so told or a
    counted group, at least two items, else none."""
    # the items between commas and "and", each with where it starts
    items = [(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
             for m in re.finditer(r"(?:(?<=^)|(?<=,)|(?<=\band))(?:(?!,|\band\b).)+", subject) if m.group().strip()]
    if len(items) < 2:
        return []
    out = []
    for item, start in items:
        if _COUNTED_ITEM_RE.match(item):
            continue
        m = _ITEM_RE.match(item)
        if m is None or not _group_ok(m.group("name")) or countries_in(m.group("name")):
            return []
        out.append((m.group("name"), base + start + m.start("name"), "officials"))
    return out


def body_group_targets(sentence: str) -> list[tuple[str, int, str]]:
    """listed_bodies and terror_designated together, each name once (the earlier start wins an overlap)."""
    out: list[tuple[str, int, str]] = []
    for t in sorted(terror_designated(sentence) + listed_bodies(sentence), key=lambda t: t[1]):
        if not any(o[1] <= t[1] < o[1] + len(o[0]) or t[1] <= o[1] < t[1] + len(t[0]) for o in out):
            out.append(t)
    return out


# a body named by its acronym after a cue of the move ("sanctions on the <ACR>", "sanctioned the <ACR> and ..."):
# the target when its document spells the acronym out as a body's name (below)
ACRONYM_RE = re.compile(r"(?-i:\b(?P<acr>[A-Z][A-Z]{1,6})\b)(?![\-’'.]\w)")

_FUNCTION = frozenset({"of", "the", "for", "and", "on", "de", "del", "la", "al", "in"})

_CAP_RUN_RE = re.compile(r"(?-i:[A-Z][\w\-’']*(?:\s+(?:(?:of|the|for|and|on|de|del|la|al|in)\s+)*[A-Z][\w\-’']*)*)")


def acronym_expansions(texts: list[str], acronyms: set[str]) -> dict[str, str]:
    """{acronym: body name} for each acronym some capitalised run of the texts spells by its initials (function
    words skipped: "International Criminal Court" for ICC, "Islamic Revolutionary Guard Corps" for IRGC) and whose
    last word is a body's kind word; a run that spells none leaves the acronym out."""
    out: dict[str, str] = {}
    for text in texts:
        for run in _CAP_RUN_RE.finditer(text):
            words = run.group().split()
            if len(words) < 2:
                continue
            for i in range(len(words)):
                if words[i].lower() in _FUNCTION:
                    continue
                letters = ""
                for j in range(i, len(words)):
                    if words[j].lower() in _FUNCTION:
                        continue
                    letters += words[j][0]
                    if letters in acronyms and letters not in out and len(letters) >= 2 \
                            and re.fullmatch(_HEAD, words[j].strip("’'")):
                        out[letters] = " ".join(words[i:j + 1])
                    if len(letters) >= 7:
                        break
    return out


def acronym_targets(sentence: str) -> list[tuple[str, int]]:
    """(acronym, start) of each acronym a list of targets holds after a cue of the move (as listed_bodies reads
    the list); country codes and issuers are no targets."""
    if not re.search(r"(?-i:\b[A-Z]{2,7}\b)", sentence):
        return []
    cues = [m.end() for m in CUE_RE.finditer(sentence)]
    out = []
    for m in ACRONYM_RE.finditer(sentence):
        before = [c for c in cues if c <= m.start()]
        if not before:
            continue
        between = NAME_RUN_RE.sub("X", re.sub(r"\([^()]{0,30}\)", "", sentence[before[-1]:m.start()]))
        if len(between) > 220 or BREAK_RE.search(between) or PEOPLE_AFTER_RE.match(sentence, m.end()) \
                or not BODY_END_RE.match(sentence, m.end()):
            continue
        out.append((m.group("acr"), m.start("acr")))
    return out

"""Named people and companies designated by name: lists after a designation verb, counted members ("four banks,
including ..."), passive and pronoun subjects, labels, bulleted lists under a header."""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extraction.names import DOTTED_TITLE
from flows.extraction.names import sentence_candidates as _sentence_candidates
from flows.extraction.names import shared_candidates_of
from flows.extraction.sanction_patterns import _COMPANY_WORD_SET, COMPANY_WORDS
from flows.extraction.places import countries_in
from flows.language.lexicon import COMPANY_NAME_WORDS, NON_NAME_WORDS, ORG_WORDS, TITLE_WORDS, country_names, fold

@lru_cache(maxsize=4096)
def _candidates_of(sentence: str) -> tuple[tuple, ...]:
    return tuple(_sentence_candidates(sentence, False))


def sentence_candidates(sentence: str, headline: bool) -> tuple[tuple, ...] | list[tuple]:
    """names.sentence_candidates, kept for the last sentences read when not a headline: the sanction rules read
    one sentence's candidates up to four times (person_surnames, named_targets, included_people, a list's items)."""
    if headline:
        return _sentence_candidates(sentence, headline)
    found = shared_candidates_of(sentence)  # found by find_name_candidates already (extract_facts)
    return found if found is not None else _candidates_of(sentence)


# the subject of a passive designation at the head of a sentence, a capitalised run that no name pattern
# knows (issue 22, class 10): "Northwind Air was sanctioned in 2023", "Ruritania's Attorney General was also designated"
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

# (the trade's own plural names firms too: "the two largest oil producers – <A> and <B>"; a dash or colon joins as a
# comma does)
_GROUP_WORDS = (r"(?:banks|lenders|companies|firms|entities|organi[sz]ations|individuals|people|persons|officials|oligarchs|"
                r"businessmen|producers|exporters|refiners|manufacturers|conglomerates|giants|airlines|carriers)")

# (people told by a plural role are named after it too: "sanctioned the two former ministers, <A> and <B>")
_ROLE_PLURALS = (r"(?:ministers|presidents|premiers|officers|generals|judges|prosecutors|commanders|leaders|brothers|"
                 r"sons|executives|directors|lawmakers|senators|governors|mayors)")
_PEOPLE_WORDS = r"individuals|people|persons|officials|oligarchs|businessmen|" + _ROLE_PLURALS[3:-1]

# the move before a plural role whose members are named ("sanctioned the two former <role>s, <A> and <B>")
_ROLE_MOVED_RE = re.compile(r"\b(?:sanctioned|sanctioning|designated|designating|blacklisted|targeted|targeting|"
                            r"(?:sanctions|measures|restrictions)\s+(?:\w+\s+){0,3}?(?:on|against|targeting))\s+"
                            r"(?:[\w\-]+\s+){0,4}$", re.I)

COUNTED_MEMBERS_RE = re.compile(
    rf"\b(?:{_GROUP_WORDS}|{_ROLE_PLURALS})\s*(?:,|\s[–—-]|:)\s+(?:(?P<lead>including|such\s+as|namely|among\s+them)\s+)?"
    rf"(?P<list>{_MEMBER}(?:\s*,\s+{_MEMBER})*(?:,?\s+and\s+{_MEMBER})?)(?=\s*(?:[.;:,)]|$))", re.I)

# the members first, the group they make up in apposition after them (issue 22, class 10): "sanctioned <A> and <B>,
# <Country>'s two biggest oil producers"; the list needs an "and"
MEMBERS_THEN_GROUP_RE = re.compile(
    rf"\b(?:sanctioned|designated|blacklisted|targeted|(?:sanctions|measures)\s+(?:on|against|targeting))\s+(?:both\s+)?"
    rf"(?P<list>{_MEMBER}(?:\s*,\s+{_MEMBER})*,?\s+and\s+{_MEMBER})\s*,\s+(?:the\s+|its\s+|both\s+|"
    rf"(?-i:[A-Z][\w\-]+)['’]s\s+)?(?:[\w\-]+\s+){{0,3}}?{_GROUP_WORDS}\b"
    # "sanctioned both <A> and <B>": "both" says two targets are named
    rf"|\b(?:sanctioned|designated|blacklisted|targeted|(?:sanctions|measures)\s+(?:on|against|targeting))\s+both\s+"
    rf"(?P<both>{_MEMBER}\s+and\s+{_MEMBER})\b", re.I)


# a group of targets named by the label the issuer gave it (issue 22, class 10): "nine traders, which the
# bloc labelled “fleet enablers”", "entities described as 'cartel financiers'"
LABEL_RE = re.compile(
    r"\b(?:labell?ed|described\s+as|dubbed|branded|termed)\s+(?:them\s+|as\s+)?[“\"‘']"
    r"(?P<label>(?-i:(?!(?:a|an|the)\s)[a-z][a-z\-]*(?:\s+[a-z\-]+){0,4}s))[”\"’']", re.I)  # a plural group


# the firms' kind right before their names, no comma between, after a sanction on them (issue 22, class 10):
# "sanctions on <Country> defence contractors <A> and <B>", "sanctioned two shipping firms <A>, <B> and <C>"; the list
# needs an "and", and the kind word is a company's (a person's role before a name is a title, read elsewhere)
_FIRM_WORDS = (r"(?:banks|lenders|companies|firms|contractors|manufacturers|makers|producers|exporters|refiners|"
               r"conglomerates|giants|airlines|carriers|operators|suppliers)")
GROUP_THEN_MEMBERS_RE = re.compile(
    rf"\b(?:(?:sanctions?|measures|restrictions)\s+(?:\w+\s+){{0,3}}?(?:on|against|targeting)|sanction(?:s|ed)|designated|"
    rf"blacklisted|targeted)\s+(?:the\s+|both\s+)?(?P<mod>(?:[\w\-\.]+\s+){{0,3}}?){_FIRM_WORDS}\s+"
    rf"(?P<list>{_MEMBER}(?:\s*,\s+{_MEMBER})*,?\s+and\s+{_MEMBER})(?=\s*(?:[.;:,)]|$)|\s+(?-i:[a-z]))", re.I)


def member_countries(sentence: str) -> dict[int, str]:
    """{start: country} of the members of GROUP_THEN_MEMBERS_RE whose kind word carries a country ("<Country> defence
    firms <A> and <B>"): the firms' own country, whoever sanctions them (issue 22: never taken from the issuer)."""
    out = {}
    for m in GROUP_THEN_MEMBERS_RE.finditer(sentence):
        countries = countries_in(m.group("mod"))
        if countries:
            for item in re.finditer(_MEMBER, m.group("list")):
                out[m.start("list") + item.start()] = countries[-1]
    return out


def _counted_members(sentence: str) -> list[tuple[str, int, str]]:
    """(name, start, 'company' | 'person') of each named member of a counted target (COUNTED_MEMBERS_RE)."""
    return list(_counted_members_of(sentence))


@lru_cache(maxsize=20_000)  # sentences repeat across documents, and two rules ask: each is read once
def _counted_members_of(sentence: str) -> tuple[tuple[str, int, str], ...]:
    out = []
    for m in [*COUNTED_MEMBERS_RE.finditer(sentence), *MEMBERS_THEN_GROUP_RE.finditer(sentence),
              *GROUP_THEN_MEMBERS_RE.finditer(sentence)]:
        key = "both" if m.groupdict().get("both") else "list"
        if m.re is COUNTED_MEMBERS_RE and re.match(_ROLE_PLURALS, m.group(0), re.I) and not _ROLE_MOVED_RE.search(
                sentence, max(0, m.start() - 80), m.start()):
            continue  # "The two ministers, <A> and <B>, said": people a move does not take
        items = list(re.finditer(_MEMBER, m.group(key)))
        if not m.groupdict().get("lead") and (len(items) < 2 or " and " not in m.group(key)):
            continue
        group = m.group(0)[m.start("mod") - m.start():m.start(key) - m.start()] if m.re is GROUP_THEN_MEMBERS_RE else \
            m.group(0)[:40] if m.re is COUNTED_MEMBERS_RE else m.group(0)[m.end(key) - m.start():]
        people_words = re.search(_PEOPLE_WORDS, group, re.I)
        # "<given> and <given> <surname>" after a group of people: the first takes the shared surname ("the two
        # presidents, <A> and <B> <C>"), named again there in full
        if people_words and len(items) == 2 and " " not in items[0].group(0).strip() \
                and len(items[1].group(0).split()) == 2 \
                and re.fullmatch(r"\s+and\s+", m.group(key)[items[0].end():items[1].start()]):
            items = [items[1]]
        for item in items:
            name = item.group(0).rstrip(".,")
            if fold(name) in country_names() or fold(name.split()[0]) in NOT_SUBJECTS:
                continue
            start = m.start(key) + item.start()
            # (no group word says what "both" names: a name the lexicon reads as a person's is one)
            person = people_words or (key == "both" and any(
                s0 == start and is_person for s0, _e, _s, _r, _n, is_person, _t in sentence_candidates(sentence, False)))
            out.append((name, start, "person" if person else "company"))
    return tuple(out)


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


# what a removal takes its names off (issue 22, class 10): "... from the <regime> sanctions list", ahead of the verb
REMOVED_FROM_LIST = (r"(?=\s[^.;:]{3,160}?\bfrom\s+(?:the\s+|its\s+|their\s+)?[^.;:]{0,60}?\b(?:sanctions?\s+(?:black)?list|"
                     # "... from the Specially Designated Nationals list" (OFAC's list by its name; issue 22, class 10)
                     r"(?-i:Designated\s+Nationals)|SDN\s+list))")
REMOVED_FROM_LIST_RE = re.compile(REMOVED_FROM_LIST, re.I)


# Named people as sanction targets (issue 22, class 10): each named person designated is its own move.
# Where the targets stand: after "sanctions against/on", "the assets of", a designation verb, or "the
# sanctioned individuals are/include"; or before a passive designation ("<name>, ..., was also sanctioned").
DESIGNATION_VERB = (r"(?:blacklist(?:ed|s|ing)?|designat(?:ed|es|ing)|sanction(?:ed|s|ing)|targeted|"
                    # "OFAC took action targeting <A>", "the Treasury took action against <A>" (issue 22, class 10)
                    r"(?:OFAC|Treasury|Control|Department)\)?\s+(?:(?:on\s+)?\w+day\s+|also\s+|today\s+)?took\s+"
                    r"(?:\w+\s+)?action\s+(?:targeting|against)|"
                    # "listed <role> <A> as a global terrorist" (issue 22, class 10)
                    r"listed(?=\s[^.;]{0,120}?\bas\s+(?:an?\s+)?(?:[\w\-]+\s+){0,2}terrorists?\b)|"
                    r"hit\s+with|added\s+to\s+(?:the|its|their)\s+(?:\w+\s+){0,2}list|"
                    # "were placed on the <body>'s sanctions blacklist", "put on its terror list" (issue 22, class 10)
                    r"(?:added|placed|put)\s+(?:on|to)\s+(?:the|its|their|(?-i:[A-Z])[\w.]*['’]s)\s+"
                    r"(?:[\w\-’']+\s+){0,3}?(?:sanctions?\s*|terror(?:ist|ism)?\s+|black)list)")


# "announced the public designation of <A>, as well as of <role> <B>": the State Department's visa ban on the corrupt
# (session 19); a post is no designation ("the public designation of <A> as its ombudsman")
PUBLIC_DESIGNATION = (r"\bpublic\s+designation\s+of(?=\s+(?-i:[A-Z]))"
                      r"(?![^.;]{0,80}?\bas\s+(?:its|their|the|an?)\s+(?!(?:[\w\-]+\s+){0,2}terror))")


TARGET_SCOPE_RE = re.compile(
    # (a passive chain may be three words long: "Measures have been imposed against", "sanctions to be imposed on")
    r"\b(?:(?:sanctions?|measures|restrictions|asset\s+freezes?|(?:travel|visa)\s+bans?)\s+(?:(?:\w+\s+){0,2}?|"
    r"(?:(?:have|has|had)\s+(?:also\s+)?been|(?:to|will|would|shall)\s+(?:also\s+)?be|(?:were|was|are|is)(?:\s+also)?)\s+\w+ed\s+)"
    r"(?:against|on|targeting)"
    # what the sanctions are, in an aside before their targets: "Imposing sanctions, including an assets freeze and a
    # travel ban, on <A> and <B>" (issue 22, class 10)
    r"|(?:sanctions|measures|restrictions),\s+(?:including|such\s+as|among\s+them)\s+[^.;:()]{3,140}?,\s+(?:against|on)"
    # ("freezes the U.S. assets of", "froze the assets and bank accounts of", "freeze money held in <State> bank accounts
    # by"; session 19)
    r"|(?:froze|freezes?|freezing|frozen)\s+(?:the\s+|all\s+)?(?:[\w.\-]+\s+)?(?:assets|funds|money|accounts)"
    r"(?:\s+and\s+(?:[\w\-]+\s+)?(?:accounts|assets|property|funds))?\s+(?:of|(?:held|owned)\s+(?:[^.;]{0,50}?\s)?by)"
    # "announced the public designation of <A>, as well as of <role> <B>" (a visa ban's own word; session 19)
    rf"|{PUBLIC_DESIGNATION}"
    rf"|(?<!was\s)(?<!were\s)(?<!been\s)(?<!be\s){DESIGNATION_VERB}(?=\s+(?-i:[A-Z]))"
    # "Britain delisted <A>": the names a delisting takes (session 18)
    r"|(?<!was\s)(?<!were\s)(?<!been\s)(?<!be\s)(?:delist(?:ed|s|ing)?|de-listed)(?=\s+(?-i:[A-Z]))"
    # a role in lower case before the names: "sanctioned deputy prosecutors <A> and <B>" (issue 22, class 10)
    rf"|(?<!was\s)(?<!were\s)(?<!been\s)(?<!be\s){DESIGNATION_VERB}(?=\s+(?:(?!(?:for|in|on|by|over|after|the|a|an|"
    r"under|with|since|as|and|from|to|of|at|its|their|his|her|this|that|these|those|more|all|some|new)\b)"
    r"(?-i:[a-z][\w\-]*)\s+){1,3}(?-i:[A-Z]))"
    # a licence's long object ("authorizing all transactions ... related to the operation of ... involving")
    r"|(?:licen[cs]e|authori[sz](?:es|ed|ing))\b[^.;]{0,400}?\binvolving"
    # "remove <role> <A> and <role> <B> from the <regime> sanctions list": the names between the verb and its list
    # (issue 22, class 10)
    rf"|(?:remov(?:e|es|ed|ing)|delist(?:s|ed|ing)?){REMOVED_FROM_LIST}"
    r"|(?:sanctioned|targeted|designated|listed|blacklisted)\s+(?:individuals|people|persons|officials)\s+(?:are|include)"
    # "would bar entry into <country> by <A>; <B>; and <C>" (issue 22, class 10)
    r"|\b(?:ban|bar)(?:ned|red|s)?\s+(?:their\s+)?entry\s+(?:in)?to\s+(?:the\s+)?[\w.]+(?:\s+(?-i:[A-Z])[\w.]*)?\s+(?:by|of|for)"
    # "The entry ban applies to <A> and <B>", "the measures apply to <A>" (issue 22, class 10)
    r"|(?:sanctions?|bans?|(?:counter[\s\-]?)?measures|restrictions|freezes?)\s+(?:also\s+|will\s+|would\s+)?(?:also\s+)?"
    r"(?:appl(?:y|ies|ied)\s+(?:also\s+)?to|affect|cover)"
    r"|(?:newly[\s\-]sanctioned|targeted|designated)\b[^.;:]{0,40}?\b(?:include[sd]?|are)"
    # "Those delisted by the Office of Foreign Assets Control (OFAC) include <A>, <who>; <role> <B>" (issue 22, class 10)
    r"|\b(?:Those|People|Individuals|Entities)\s+(?:delisted|removed|designated|sanctioned|listed)\b[^.;:]{0,90}?\binclude[sd]?"
    # "The <group>s newly designated by <issuer> as <kind> are A and B" (issue 22, class 10)
    r"|newly[\s\-](?:sanctioned|designated|listed)\s+by\s+[^.;:]{0,90}?\b(?:include[sd]?|are)"
    r"|(?:assets\s+(?:have\s+been|had\s+been|were|are)\s+frozen|(?:black)?list|targets?(?:\s+of\s+the\s+(?:\w+\s+)?sanctions)?)\s+(?:\w+\s+){0,4}?(?:are|include[sd]?)"
    # "The most prominent official on the <demonym> list is <A>" (issue 22, class 10)
    r"|\bon\s+the\s+(?:[\w\-]+\s+){0,2}?(?:sanctions\s+|black)?list\s+(?:is|was)"
    # "The new blacklist published by the <demonym> foreign ministry includes <A>" (issue 22, class 10)
    r"|\bblacklist\s+(?:published|issued|released)\s+by\s+(?:the\s+)?(?:[\w\-]+\s+){1,5}?include[sd]?"
    # "Others blacklisted by <body> for <reason> include <A> and <B>"
    r"|\b(?:others|those)\s+(?:sanctioned|blacklisted|designated|listed|targeted)\b[^.;:]{0,120}?\binclude[sd]?"
    r"|(?:join(?:s|ed|ing)?|added\s+to)\s+the\s+(?:\w+\s+){0,2}list\b[^.;:]{0,60}?\b(?:are|include[sd]?)"  # "joining the list ... are"
    r"|\badded(?=\s+(?:the\s+)?(?-i:[A-Z])[^;]{0,400}?\bto\s+(?:its|their|the)\s+[^.;]{0,60}?\blist\b)"  # "added <names> to its ... List"
    # "had put / placed <A>, <B> and a dozen officials on a “stop list”" (issue 22, class 10)
    r"|\b(?:put|placed)(?=\s+(?:[\w\-]+\s+){0,4}?(?-i:[A-Z])[^;]{0,300}?\bon\s+(?:a|the|its|their)\s+[“\"‘']?"
    r"(?:stop|black|sanctions?|entry[\s\-]ban|no[\s\-]entry)[\s\-]?list\b)"
    r"|^(?:They|These|Those)\s+(?:also\s+)?include[sd]?"  # after a move on sanctions: "They include <name>"
    # "decides to sanction the following ten individuals and four entities on the <A> side that ...: <A>, <B>": the list
    # after the colon (issue 22, class 10)
    r"|\b(?:sanction|designate|blacklist|list|sanctioned|designated|blacklisted|listed)\s+the\s+following\b[^.;:]{0,250}:"
    # "Alongside <A>, <issuer> also designated <B>": the one named before the move is designated with the others
    r"|^(?:Alongside|Along\s+with|Together\s+with|In\s+addition\s+to)(?=\s+(?-i:[A-Z])[^.;:,]{1,60},\s+[^.;:,]{0,100}?"
    r"\b(?:also\s+)?(?:sanctioned|designated|blacklisted|listed|targeted|named)\b)"
    # "The sanctions, imposed under <law>, target <A>", "The measures name <A>, <B> and 38 others" (issue 22, class 10)
    r"|\b(?:sanctions|measures|restrictions)\b[^.;:]{0,90}?\b(?:target|targets|name|names)(?=\s+(?:(?:former|senior|"
    r"top|(?-i:[A-Z])[\w\-]*)\s+))"
    # "sanctioned officials in the army as well as <A>", "designated six officials, including <A>"
    r"|(?:sanctioned|designated)\s+(?:\w+\s+){0,3}?(?:entities|companies|firms|banks|individuals|people|persons|officials)"
    # (what the group is may come before the list: "four entities owned and controlled by <A>, including"; session 19)
    r"(?:[^.;:,]{0,60}?\bas\s+well\s+as|(?:\s[^.;:,]{1,60}?)?,\s+(?:including|such\s+as|namely))"
    # "Some proxy organisations are also targeted by the sanctions, including <A>, <B> and <C>" (session 19)
    r"|\b(?:are|were|is|was|been)\s+(?:also\s+)?(?:targeted|sanctioned|designated|listed|blacklisted)\b[^.;:,]{0,60},\s+"
    r"(?:including|such\s+as|namely)"
    # "blacklisted an <demonym> businessman, <A>, for ...": the name in apposition to what the designee is (session 19)
    rf"|(?<!was\s)(?<!were\s)(?<!been\s)(?<!be\s){DESIGNATION_VERB}\s+(?:an?|one)\s+(?:[\w\-]+\s+){{0,3}}?(?-i:[a-z])[\w\-]+,(?=\s+(?-i:[A-Z]))"
    r"(?![^,.;]{0,60}?\b(?:said|says|told|added|announced|reported|stated)\b)"  # "..., <A> said": the speaker
    r"|(?:also\s+)?target(?:s|ed)?\s+(?:\w+\s+){0,3}?(?:entities|companies|firms|banks|individuals|people|persons)"
    r"(?:\s+(?:that|which|who)\s+[^,.;:]{1,100}?,|,)?)\s+",  # "two banks that fund the army, the A and B"
    re.I,
)

# a name right after "the <Word>" names a body, not a person ("<roles> of <A>'s armed wing, the Brigades <B C>, who
# were sanctioned": the wing's name)
NAMED_BODY_BEFORE_RE = re.compile(r"\bthe\s+(?-i:[A-Z])[\w\-]+\s+$")

PASSIVE_TARGET_RE = re.compile(
    # ("<name> – who fled after backing the uprising – was being removed from a sanctions list": an aside in dashes)
    # ("<A> and <B>, both <roles>, who were personally sanctioned by <issuer>": the aside, then "who" and an adverb)
    # (an aside holding commas of its own when "who" follows it: "<A>, both <roles> of <B>'s wing, the <C>, who were")
    rf"(?:['’]s)?\s*(?:,[^,;.]{{2,120}},\s*|,[^;.]{{2,160}}?,\s*(?=(?:who|which)\s)|\s[–—]\s[^–—;.]{{2,150}}?\s[–—]\s*|[–—]\s*)?"
    rf"(?:(?:,\s*)?(?:who|which)\s+)?"  # "<name>, who is already subject to sanctions"
    # "<name>, an entity designated in 2019": what the name is, then its designation
    r"(?:,\s*(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?(?:entity|company|firm|bank|institution|individual|person|official)\s+)?"
    rf"(?:(?:was|were|is|are|remains?|(?:has|had|have)\s+(?:also\s+)?been)\s+)?(?:also\s+|already\s+|still\s+|previously\s+|being\s+|personally\s+|individually\s+|formally\s+|jointly\s+|publicly\s+)?"
    rf"(?:(?:subject\s+to|under)\s+(?:[\w.]+\s+){{1,2}}sanctions\b|{DESIGNATION_VERB}|(?:listed|included)\b|(?<=\s)(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:delisted|de-listed)\b|"
    rf"(?:removed|taken\s+off|dropped)\s+from\s+(?:a|the|its|their)\s+(?:[\w\-]+\s+){{0,2}}?(?:list|blacklist)\b|(?:also\s+)?on\s+the\s+(?:\w+\s+)?(?:sanctions\s+)?list|(?:also\s+)?(?:being\s+)?subject\s+to\s+sanctions|one\s+of\s+[^.;]{{0,40}}\b(?:hit|targeted|sanctioned)"
    # "A and B are among the (list of) seven individuals sanctioned", "A was among those designated" (issue 22, class 10)
    rf"|among\s+(?:the\s+)?(?:[\w\-]+\s+){{0,5}}?(?:sanctioned|designated|targeted|blacklisted|listed|penali[sz]ed)\b)",
    re.I,
)

# a company named in a listed person's role: "chair of <Bank>", "chief executive of energy company <Name>"
ROLE_OF_RE = re.compile(
    r"\b(?:chair(?:man|woman)?s?|chief\s+executives?(?:\s+officers?)?|CEOs?|heads?|presidents?|founders?|owners?|"
    r"directors?|shareholders?|boss(?:es)?|"
    # an office held in a body ("commissioner of the <Police Force>", "party secretary of the <Corps>"): issue 22
    r"commissioners?|secretar(?:y|ies)|commanders?|governors?)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,5}"
    r"$", re.I)

# (and a state's initials: "on U.S. Secretary of State <name>")
DOTTED_TITLE_RE = re.compile(rf"\b{DOTTED_TITLE}|\bU\.[SK]\.")

# a dash or a colon opening a list of names (a comma soon after a capitalised word): issue 22, class 10
# (two items joined by "and" too: "two members of the cabinet: <Office> Minister <A> and <Office> Minister <B>")
DASH_LIST_RE = re.compile(r"(?:\s[—–]|—|:)\s*(?=(?-i:[A-Z])[^.;:—–]{0,60}?(?:,|\sand)\s*(?-i:[A-Z]))")

LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?", re.I)

# what ends a list of targets: "sanctions on Syria after meeting <name>" does not target the name
LIST_BREAK_RE = re.compile(r"[;:]|\.(?![\w)])|\b(?:after|before|when|while|because|for|over|who|whom|which|that|said|says|"
                           r"following|during|since|than|by|with|from|in\s+response|according|citing|"
                           r"(?<!well\s)(?<!identified\s)(?<!such\s)as(?!\s+well\s+as)|where|whose|"  # "as well as" goes on with the list
                           r"envoy|spokes\w+|if|unless|whether|because)\b", re.I)


# (and the cues of a list of targets: "Among those penalised are", "<Country>'s targets include")
PREFILTER_DESIGNATION = (r"(?i)designat|blacklist|sanctioned|targeted|asset|list|hit with|penali[sz]ed|targets (?:are|include)|"
                         r"^\W*among them (?:are|were)\b|entry ban|ban(?:ned|s)? (?:on )?entry|bar(?:red|s)? entry|from entering|"
                         r"took (?:\w+ )?action (?:targeting|against)|(?:will|would) (?:also )?target\b|(?:OFAC|Treasury|Control)\b[^.;]{0,80}licen[cs]e|visa bans?|(?:banned|barred|prohibited) from|it (?:was|is) targeting|"
                         r"^(?:Alongside|Along with|Together with|In addition to) [A-Z]")

_CAP = r"[A-Z][\w&’'\-\.\+]*"  # ("En+ Group": a plus sign inside a company's name)

# ("Gibbs & Cox", and a place in brackets inside a firm's name: "<A> Tanker (<City>) Co. Ltd."; session 19)
# (a word that says where a firm is based is no part of a name: "<A> Holding and <City>-based trader <B>")
ORG_RUN_RE = re.compile(rf"(?<![\w\-])(?:{_CAP})(?:[ \t]+(?:(?:of|for|and|de|y|&)[ \t]+)?(?![A-Z][\w\-]*-based\b){_CAP}|[ \t]+\([A-Z][\w\-]+\)(?=[ \t]+[A-Z]))*")


_SEAT_AFTER_FORM_RE = re.compile(r"\b(?:Ltd|Inc|LLC|Corp|PLC|Plc|GmbH|AG|SA|Limited)\.?(?P<seat>\s+of\s+(?P<country>[A-Z][\w\- ]+))$")
_LEGAL_FORM_END_RE = re.compile(r"\s(?:Ltd|Inc|LLC|PLC|Plc|GmbH|AG|S\.A|S\.A\.E|SA|SAE|Co|Corp|Limited|Incorporated)\.?$")


def _company_runs(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the named companies of a sentence; "X Co Ltd and Y Bank" is two."""
    out = []
    for m in ORG_RUN_RE.finditer(sentence):
        # cut at 'and' only after a part that is a company itself ("Investment and Commercial Bank" is one)
        parts = re.split(r"(\s+and\s+)", m.group(0))
        pieces, offset = [(0, parts[0])], len(parts[0])
        for k, (sep, part) in enumerate(zip(parts[1::2], parts[2::2])):
            # ... and only before words that name a company too ("Institute of Posts and Telegraphs" is one)
            rest = "".join(parts[2 + 2 * k:])
            # (the next part must not open on a company's word itself, a legal form that leads a name aside: "<A>
            # Trading and Shipping Company" is one, "<A> Group Plc and JSC <B>" two)
            first = part.split()[0] if part.split() else ""
            # (a legal form ends a firm's name: "<A> Resorts Ltd and <B> Exchange" is two; session 19)
            ends_in_form = _LEGAL_FORM_END_RE.search(pieces[-1][1])
            if (ends_in_form or _is_company(pieces[-1][1]) and _is_company("X " + rest)) \
                    and (first in LEGAL_FORM_FIRST or not _is_company("X " + first)):
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
                seat = _SEAT_AFTER_FORM_RE.search(part)
                if seat and fold(seat.group("country")) in country_names():
                    part = part[:seat.start("seat")]  # "<A> Marine Ltd of <Country>": the firm, and where it is (session 19)
                out.append((start, start + len(part), part.strip(" .,")))
    return out


# a company named by its legal form after a comma, with its acronym in brackets ("Northern Ore, S.A. (NOSA)",
# "Banco Ejemplo, SA"): the name without the form, with the acronym that other sentences use (issue 22, class 10)
LEGAL_SUFFIX_RE = re.compile(
    rf"(?P<name>(?<![\w\-]){_CAP}(?:[ \t]+(?:(?:of|for|and|de|del|y|&)[ \t]+)?{_CAP})*),?[ \t]+"
    r"(?:S\.\s?A\.(?:\s?de\s?C\.\s?V\.)?|SA\b|C\.\s?A\.|N\.\s?V\.|Ltd\.?|Inc\.?|LLC\b|PLC\b|GmbH\b|AG\b|S\.p\.A\.)"
    r"(?:[ \t]+\((?P<acr>[A-Z][A-Za-z]{1,9})\))?")


def _legal_form_runs(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the companies LEGAL_SUFFIX_RE names; the end is after the form (and acronym)."""
    out = []
    for m in LEGAL_SUFFIX_RE.finditer(sentence):
        name = m.group("name")
        lead = re.match(r"(?:The|A|An|Its|Their)\s+", name)
        start = m.start("name") + (lead.end() if lead else 0)
        name = name[lead.end():] if lead else name
        if fold(name.split()[0]) in TITLE_WORDS or fold(name) in country_names():
            continue
        out.append((start, m.end(), name + (f" ({m.group('acr')})" if m.group("acr") else "")))
    return out


COUNTRY_PREFIX_RE = re.compile(r"(?:Republic\s+of\s+)?(?P<country>[A-Z][\w\-]+)['’]s\s+")

# a legal form written before the name ("OJSC Northern Ore", "PJSC Gazprom")
LEGAL_FORM_FIRST = frozenset({"OJSC", "JSC", "PJSC", "OAO", "ZAO", "PAO", "CJSC", "LLC", "Cooperative", "Cooperativa"})


# a bank of a river or a territory named by its side ("the West Bank", "the Left Bank"): a place, never a company
SIDE_WORDS = frozenset({"West", "East", "North", "South", "Left", "Right"})


def _is_company(part: str) -> bool:
    # (a legal form written with stops is the form: "S.A.", "S.A.E."; session 19)
    words = [w.strip(".,:;") if w.count(".") < 2 else w.replace(".", "").strip(",:;") for w in part.split()]
    if len(words) == 2 and words[0] in SIDE_WORDS and words[1] == "Bank":
        return False
    # (or a word of what a company does: "<A> Insurance", "<A> Maritime"; session 18)
    return len(words) > 1 and (any(w in _COMPANY_WORD_SET or w.lower() in COMPANY_NAME_WORDS for w in words[1:])
                               or words[0] in LEGAL_FORM_FIRST
                               or any(w in BODY_WORDS for w in words[1:])) \
        and words[0] not in ("The", "A", "An", "Its", "Their")


# a state body designated by name ("the <Country> Institute of Posts", "the National Guard", "the State Security
# Council"): a target of the officials type (issue 22, class 10)
BODY_WORDS = frozenset({"Institute", "Council", "Ministry", "Police", "Presidency", "Agency", "Directorate",
                        "Headquarters", "Command", "Corps", "Guard", "Guards", "Committee", "Commission",
                        # armed and criminal groups are designated by name as bodies are ("the <A> Resistance Force",
                        # "the <A> Network", "<A> Cartel"): issue 22, class 10
                        "Force", "Forces", "Network", "Cartel", "Front", "Brigade", "Brigades", "Militia", "Army"})


def _run_kind(name: str) -> str:
    words = [w.strip(".,") for w in name.split()]
    return "officials" if not any(w in _COMPANY_WORD_SET for w in words[1:]) and words[0] not in LEGAL_FORM_FIRST \
        and any(w in BODY_WORDS for w in words[1:]) else "company"


def _in_role_bracket(sentence: str, at: int) -> bool:
    """True when `at` lies in a bracket that lists the bodies of a role ("the chairs of the biggest companies
    (including <A>, <B> and <C>)"): the bodies say whose chairs are targets (issue 22, class 10)."""
    opened = sentence.rfind("(", 0, at)
    if opened < 0 or ")" in sentence[opened:at]:
        return False
    return bool(ROLE_BRACKET_RE.search(sentence, max(0, opened - 100), opened + 1))


ROLE_BRACKET_RE = re.compile(r"\b(?:chair(?:man|woman|men|women)?s?|chief\s+executives|CEOs|heads|presidents|founders|"
                             r"owners|directors|shareholders|bosses)\s+of\b[^().;]{0,80}\($", re.I)


# ("..., former <Agency for Exports> Director <B>": a former office in capitals; session 19)
TITLE_LEAD_RE = re.compile(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as(?:\s+of)?)\s+(?:(?:former|then|acting|current)\s+)?"
                           r"(?:(?-i:[A-Z][\w\-]*)\s+|(?:of|for|and|the|at)\s+)*")

# what a list of targets carries beside its names and does not end it: a short aside in brackets after a name ("(R-<state
# code>)", a party and state) and a shortened title, plural too, before one ("Sens.", "Rep.") (issue 22, class 10)
GAP_ASIDE_RE = re.compile(r"\s*\((?-i:[A-Z])[^()]{0,30}\)|\b(?-i:[A-Z][a-z]{1,4})\.(?=\s)")

# items of a list of targets cut by semicolons: "A, <what A does>; <role> B; and C, <role>" (issue 22, class 10)
ITEM_BREAK_RE = re.compile(r";\s*(?:and\s+)?")


# after a listed name, its description in commas and then the next name ("<A>, chair of the parliament's delegation
# for relations with <State>, and <B>"): the description may hold words that elsewhere end a list (session 18)
APPOSITION_GAP_RE = re.compile(
    r"\s*,\s*(?!(?:who|which|whose|whom|said|says|told|after|before|when|while|where|because|since|following|according|"
    r"but|although|though|if|as)\b)(?:(?:the|a|an|its|his|her|their)\s+)?(?-i:[a-z])[^,;:.()“”\"]{1,120},\s*(?:and\s+)?(?:the\s+)?",
    re.I)


def _list_gap(gap: str, after_item: bool) -> bool:
    """True when the words between two names keep the list of targets going: a short gap with no word that
    ends the list, or, after a listed name, that name's description up to a semicolon and then a short lead-in
    to the next name ("Igor Sechin, the chief executive of Rosneft; Andrey Kostin")."""
    if len(gap) <= 90 and not LIST_BREAK_RE.search(gap):
        return True
    # a list of unnamed and named targets ("as well as the minister of defence, the <Body>, and the state-owned
    # <Company>"): longer, but only items cut by commas
    if len(gap) <= 140 and gap.count(",") >= 2 and not LIST_BREAK_RE.search(gap) and ";" not in gap:
        return True
    if after_item and len(gap) <= 90 and TITLE_LEAD_RE.fullmatch(gap):
        return True  # "..., and Program Manager for Air Defense <name>": a job title in capitals leads the item
    if after_item and APPOSITION_GAP_RE.fullmatch(gap):
        return True
    cut = list(ITEM_BREAK_RE.finditer(gap)) if after_item else []
    if not cut:
        return False
    description, lead = gap[:cut[-1].start()], gap[cut[-1].end():]
    # a job title may lead an item ("; Kremlin spokesperson B"), where elsewhere it ends the list
    lead = re.sub(r"\b(?:envoy|spokes\w+)\b", "", lead, flags=re.I)
    return (len(description) <= 160 and not re.search(r"[.:]\s", description)
            and len(lead) <= 90 and not LIST_BREAK_RE.search(lead))


# the firm a listed person works for: "<A>, chief executive of <Firm Name>" (issue 22, class 10): no person
ROLE_AT_ORG_BEFORE_RE = re.compile(r"\b(?:president|founder|co-founder|chief\s+executive(?:\s+officer)?|officer|"
                                   r"chair(?:man|woman|person)?|director|head|owner|manager|executive|partner|"
                                   r"vice\s+president)\s+(?:of|at)\s+(?:the\s+)?$", re.I)

OFFICE_OF_BEFORE_RE = re.compile(r"\b(?-i:Minister|Secretary|Head|Chief|Director|Governor|Commissioner)\s+of\s+(?:the\s+)?"
                                 r"(?-i:[A-Z][\w\-]+\s+)(?:(?:and\s+)?(?-i:[A-Z][\w\-]+\s+)){0,2}$")


def named_targets(sentence: str, surnames: frozenset[str] = frozenset()) -> list[tuple[str, int, str]]:
    """(full name, start, 'person' | 'company') of the people and companies the sentence designates: see
    _named_targets (cached: sentences repeat across documents)."""
    return list(_named_targets(sentence, tuple(sorted(surnames))))  # (a key of strings: no collector walk)


@lru_cache(maxsize=20_000)
def _named_targets(sentence: str, surnames: tuple[str, ...] = ()) -> tuple[tuple[str, int, str], ...]:
    """(full name, start, 'person' | 'company') of the people and companies the sentence designates (see TARGET_SCOPE_RE, PASSIVE_TARGET_RE), in
    order; a name in the possessive ("<name>'s envoy") is not a target.

    surnames: the surnames of people the document's sanctions sentences name in full; one of them alone in a
    list ("sanctions on other officials, including <surname> and ...") names that person (issue 22, class 10)."""

    # a full name, or a surname with its title ("President Okafor", "PM Ndiaye")
    # (or a full name right after an office of a named department: "Minister of Finance <Given> <Surname>", whatever
    # its given name; issue 22, class 10)
    cands = sentence_candidates(sentence, False)
    named = [(s, e, surface, "person") for s, e, surface, _role, n, is_person, title
             in cands if (is_person and (n >= 2 or title)) or (
                 2 <= n <= 3 and OFFICE_OF_BEFORE_RE.search(sentence, max(0, s - 60), s)
                 and not any(w in _COMPANY_WORD_SET or fold(w) in TITLE_WORDS for w in surface.split()))]
    named = [c for c in named if not ROLE_AT_ORG_BEFORE_RE.search(sentence, max(0, c[0] - 50), c[0])]
    # a name of two to four words whose given name no lexicon knows: a designee only as an item of a list of named
    # designees that holds a known person ("<known A>, <role>, <unknown B>, <role>, and <unknown C> were among those
    # sanctioned"; issue 22, class 10)
    loose = [(s, e, surface, "loose") for s, e, surface, _role, n, is_person, _title in cands
             if not is_person and 2 <= n <= 4 and plain_name(surface)
             and not any(s <= a < e or a <= s < b for a, b, *_ in named)
             and not ROLE_AT_ORG_BEFORE_RE.search(sentence, max(0, s - 50), s)]
    # ... or the whole object of a done designation verb ("The EU sanctioned <A B C> over the crackdown", "designated
    # <A B> on Friday"): a person whose given name no lexicon knows (issue 22, class 10)
    # (or its role in apposition after it: "the EU blacklisted <A B>, a former intelligence officer")
    loose = [(s, e, surface, "person" if DONE_VERB_BEFORE_RE.search(sentence, max(0, s - 30), s)
              and (DIRECT_OBJECT_END_RE.match(sentence, e) or APPOSITIVE_ROLE_RE.match(sentence, e)) else kind)
             for s, e, surface, kind in loose]
    named = sorted(named + loose)
    if surnames:
        found = [(m.start(g), m.end(g), m.group(g)) for m in LISTED_SURNAME_RE.finditer(sentence)
                 for g in ("s", "s2", "s3", "s4") if m.group(g)]
        named = sorted(named + [(a0, b0, word, "person") for a0, b0, word in found
                                if word in surnames and not any(a <= a0 < b for a, b, *_ in named)])
    if any(w in sentence for w in COMPANY_WORDS) or any(w in sentence for w in LEGAL_FORM_FIRST) or "S.A" in sentence \
            or any(w in sentence for w in BODY_WORDS) \
            or any(w.lower() in COMPANY_NAME_WORDS for w in re.findall(r"(?<=\s)[A-Z][a-z]+", sentence)):
        # a person named inside a capitalised run wins over the run ("Vice President of Defense Industries <name>"),
        # and a run led by a job title is no company
        runs = _company_runs(sentence)
        # (a run the legal form spans whole, with a form of several words, is the firm's name without its form: "<A> Lab
        # S.A. de C.V." is "<A> Lab"; session 19)
        legal = [r for r in _legal_form_runs(sentence)
                 if not any(a <= r[0] < b and ((a, b) != r[:2] or len(n.split()) - len(r[2].split()) < 2) for a, b, n in runs)]
        runs = [r for r in runs if not any(a <= r[0] < b for a, b, _ in legal)] + legal
        # (a legal form says company, whatever the words before it look like: "<Given> Steel Works, S.A.")
        # ("State" leads a body's name as well as an office's: "the State Security Council")
        companies = [(a, b, name) for a, b, name in runs
                     if (fold(name.split()[0]) not in TITLE_WORDS
                         or (fold(name.split()[0]) == "state" and _run_kind(name) == "officials"))
                     and ((a, b, name) in legal or not any(a <= c[0] < b and c[1] <= b and c[3] != "loose" for c in named))]
        named = sorted([c for c in named if not any(a <= c[0] < b for a, b, _ in companies)]
                       + [(a, b, name, _run_kind(name)) for a, b, name in companies])
    if not any(kind != "loose" for *_, kind in named):
        return ()  # (no name: the scopes of a list need no scan)
    scopes = [m.end() for m in TARGET_SCOPE_RE.finditer(sentence)]
    if scopes:  # a list opened by a dash or a colon after the cue starts afresh ("... and their leaders — A, B, C")
        scopes = sorted(set(scopes + [m.end() for m in DASH_LIST_RE.finditer(sentence, scopes[0])]))
    listed_to = scopes[0] if scopes else None  # the list of targets runs on from here, name after name
    out = []
    # the items of a list read back from a passive cue: a body inside a role is none ("A, former head of the <Armed
    # Forces>, B")
    items = [n for n in named if n[3] not in ("company", "officials") or not (
        ROLE_OF_RE.search(sentence, max(0, n[0] - 80), n[0]) or _in_role_bracket(sentence, n[0]))]
    for s, e, surface, kind in named:
        if sentence[e:e + 2] in ("'s", "’s"):
            continue
        if kind in ("company", "officials") and (ROLE_OF_RE.search(sentence, max(0, s - 80), s)
                                                 or _in_role_bracket(sentence, s)):
            continue  # "<name>, chair of <Bank>": the company says who the person is, it is not designated
        # a later "including an asset freeze on <name>" starts a list of its own
        later = [end for end in scopes if end <= s and (listed_to is None or end > listed_to)]
        if later:
            listed_to = later[-1]
        gap = sentence[listed_to:s] if listed_to is not None and s >= listed_to else None
        if gap is not None and ("." in gap or "(" in gap):  # a title's dot ("on Dr. <name>") ends no list
            gap = GAP_ASIDE_RE.sub("", DOTTED_TITLE_RE.sub("", gap))
        if gap is not None and kind == "person" and OWNER_BEFORE_RE.search(sentence, max(0, s - 60), s):
            continue  # "two businesses tied to <role> <name>": whose the targets are, not a target (issue 22, class 10)
        if kind == "loose":
            # (only as the next item of a list, right after a name taken: "sanctioned <A>, <B> and <C>")
            if gap is not None and out and listed_to == out[-1][1] + len(out[-1][0]) and _walk_gap(sentence, listed_to, s):
                out.append((surface, s, kind))
                listed_to = e
            elif gap is not None and not out and gap.strip().lower() in ("", "the") \
                    and APPOSITIVE_ROLE_RE.match(sentence, e):
                # (or the first, right after the cue, its role in apposition: "target <A>, a former aide to ...")
                out.append((surface, s, "person"))
                listed_to = e
            elif PASSIVE_TARGET_RE.match(sentence, e) and items.index((s, e, surface, kind)) > 0 \
                    and _walk_gap(sentence, items[items.index((s, e, surface, kind)) - 1][1], s):
                out.append((surface, s, kind))  # the last item of a list read back from its passive cue
        elif gap is not None and _list_gap(gap, bool(out)):
            out.append((surface, s, kind))
            listed_to = e
        elif kind != "loose" and PASSIVE_TARGET_RE.match(sentence, e) and not NAMED_BODY_BEFORE_RE.search(sentence, 0, s):
            out.append((surface, s, kind))
        # "A, B and C have also been sanctioned": the names listed before a passive designation are targets too
        # (each may carry its role in commas: "A, former <office>, B, <office>, and C were among those sanctioned")
        # (a body inside such a role is no item: "A, former head of the <Armed Forces>, B")
        if out and out[-1][1] == s and PASSIVE_TARGET_RE.match(sentence, e):
            i = items.index((s, e, surface, kind))
            while i > 0 and _walk_gap(sentence, items[i - 1][1], items[i][0]):
                i -= 1
                if not any(x[1] == items[i][0] for x in out):
                    out.insert(-1, (items[i][2], items[i][0], items[i][3]))
    # a name the lexicon does not know stands only in a list that holds one it knows
    if any(kind == "loose" for *_, kind in out) and not any(kind == "person" for *_, kind in out):
        out = [o for o in out if o[2] != "loose"]
    out = [(name, start, "person" if kind == "loose" else kind) for name, start, kind in out]
    out.sort(key=lambda t: t[1])
    return tuple(list({name: (name, start, kind) for name, start, kind in reversed(out)}.values())[::-1])


# the words between two names of a list read back from its passive cue: a comma or "and", each name with its role in
# commas and a title in capitals before it ("A, former head of the navy, and Staff Sergeant B")
WALK_GAP_RE = re.compile(r"\s*(?:,\s*(?!(?:who|which|whose|said|says|told|after|when|while)\b)(?-i:[a-z])[^,;.:()“”\"]{1,90})?"
                         r"(?:\s*,|,?\s+and)\s+(?:the\s+)?(?:(?-i:[A-Z][\w\-]*\.?|[a-z][\w\-]*(?:men|ers|ors|ists|ants|ents|ives|ials))\s+){0,3}",
                         re.I)


def _walk_gap(sentence: str, end: int, start: int) -> bool:
    return bool(LIST_GAP_RE.fullmatch(sentence[end:start]) or WALK_GAP_RE.fullmatch(sentence[end:start]))


_LOOSE_STOP = frozenset({"north", "south", "east", "west", "new", "san", "saint", "st", "united", "great", "greater", "list",
                         "nationals", "act", "law", "regulations", "order", "sanctions", "designated", "specially"})


# a done designation verb right before a name, and the end of its object right after it
DONE_VERB_BEFORE_RE = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:also\s+)?(?:sanctioned|designated|blacklisted)\s+$")
DIRECT_OBJECT_END_RE = re.compile(r"\s*(?:[.;]|$|\s+(?:on|over|for|in|after|under|last|this|earlier|at|because)\b)")


def plain_name(surface: str) -> bool:
    """A run of capitalised words that may be a person's name the lexicon does not know: no word of an organisation,
    a company, an office or a place, and no country in it."""
    words = surface.split()
    if not all(re.fullmatch(r"(?:[A-Z][a-z’'\-]+|(?:al|el|bin|ibn|de|van|von|da)-?[A-Za-z’'\-]*)", w) for w in words):
        return False
    low = [fold(w.strip(".,")) for w in words]
    if any(w in ORG_WORDS or w in TITLE_WORDS or w in NON_NAME_WORDS or w in _LOOSE_STOP or w in _COMPANY_WORD_SET
           for w in low) or any(w in _COMPANY_WORD_SET or w in BODY_WORDS for w in words):
        return False
    return not countries_in(surface)


# the owner of the targets named after them: "firms tied to oligarch <name>", "companies owned by <name>"
OWNER_BEFORE_RE = re.compile(r"\b(?:(?:tied|linked|connected|close)\s+to|(?:owned|controlled|run|founded)\s+by|"
                             r"associated\s+with|"
                             # "<A>, a former top aide to Crown Prince <B>": whose aide, not a target (issue 22, class 10)
                             r"(?:aide|adviser|advisor|assistant|son|daughter|wife|husband|brother|sister|nephew|"
                             r"cousin|ally|allies|associates|cronies|friends|relatives|family|circle)\s+(?:to|of))\s+"
                             r"(?:(?-i:[a-z][\w\-]*|[A-Z][a-z]+)\s+){0,3}$", re.I)

# a role in apposition right after a name: ", a former senior aide to ...", ", the deputy commander of ..."
APPOSITIVE_ROLE_RE = re.compile(
    r",\s+(?:a|an|the|his|her)\s+(?:[\w\-]+\s+){0,4}?(?:aide|adviser|advisor|official|minister|commander|leader|"
    r"chief|head|director|general|consul|ambassador|officer|member|businessman|businesswoman|tycoon|oligarch|judge|"
    r"prosecutor|governor|mayor|deputy|spokes\w+|founder|owner|president|chairman|secretary|financier)\b", re.I)


# a surname alone as an item of a list: "including <Surname> and", "namely <Surname>,"
# (or the object of a designation verb: "In April the Treasury sanctioned <Surname>, along with dozens of others")
# (or named before a move on others: "Alongside <Surname> and <Surname>, <issuer> also targeted <A>"; issue 22)
LISTED_SURNAME_RE = re.compile(r"^(?:Alongside|Along\s+with|Together\s+with|In\s+addition\s+to)\s+(?P<s4>[A-Z][a-z][\w\-]+)\s+and\s+"
                               r"(?P<s3>[A-Z][a-z][\w\-]+)(?=,)"
                               r"|\b(?:including|namely|such\s+as|sanctioned|designated|blacklisted|^Alongside|^Along\s+with|"
                               r"^Together\s+with|^In\s+addition\s+to)\s+(?P<s>[A-Z][a-z][\w\-]+)\b(?=\s*(?:,|\band\b|\.|$))"
                               # (or the object of a move, a time or place after it: "sanctions on <Surname> in
                               # March", "a resolution to blacklist <Surname>"; issue 22, class 10)
                               r"|\b(?:sanctions\s+(?:on|against)|(?:to\s+)?(?:blacklist|designate|sanction)|"
                               r"(?:designation|blacklisting|listing)\s+of)\s+(?P<s2>[A-Z][a-z][\w\-]+)\b"
                               r"(?=\s*(?:,|\band\b|\.|$)|\s+(?:in|on|over|for|after|from|as|came|was|were|is)\b)")


def person_surnames(sentence: str) -> set[str]:
    """The surnames of the people a sentence names in full ("<Given> <Surname>")."""
    return {surface.split()[-1] for _s, _e, surface, _r, n, is_person, _t in sentence_candidates(sentence, False)
            if is_person and n >= 2 and surface.split()[-1][:1].isupper()}


# a bulleted list of targets (issue 22, class 10): a line ending in a colon that introduces the names,
# just after sanctions were named, then one target per bullet line
BULLET_RE = re.compile(r"^\s*[\-•*–·▪]\s+")

PREFILTER_BULLET_OR_HEADER = r"^\s*[\-•*–·▪]\s|:\s*$|^(?:They|These|Those) (?:also )?include"

LIST_HEADER_RE = re.compile(
    r"\b(?:sanction\w*|designat\w*|listed|list|added|names|individuals|entities|persons|people|following|targets?|"
    # ("The nine <demonym> leaders, and the reasons given for each, include:" after a move; session 19)
    r"include[sd]?)\b"
    r"[^:]*:\s*$", re.I)


# how many sentences after a move on sanctions a list of its targets may still stand
CONTEXT_SENTENCES = 6

BODY_ITEM_RE = re.compile(r"^(?:[A-Z][\w\-’'\.&]*|of|the|and|for|de|al-\w+)(?:\s+(?:[A-Z][\w\-’'\.&]*|of|the|and|for|de|al-\w+)){0,11}$")


def _uncapitalised(head: str) -> str:
    """A short name with a word in capitals ("ZHU Hailun", "Hailun ZHU") in normal case; anything else as it is."""
    words = head.split()
    if not 2 <= len(words) <= 3 or not any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words) \
            or not all(w[:1].isupper() for w in words) or any(w.strip(".,") in _COMPANY_WORD_SET or w in BODY_WORDS
                                                           for w in words):
        return head
    return " ".join(w.capitalize() if w.isupper() and w.isalpha() else w for w in words)


# a list line that opens with a kinship: the person it lists comes after the one they are kin to (issue 22)
KIN_OF_RE = re.compile(r"(?:sister|brother|wife|husband|spouse|son|daughter|mother|father|partner|nephew|niece|cousin)"
                       r"(?:-in-law)?\s+of\b", re.IGNORECASE)


def bullet_target(line: str) -> tuple[str, str] | None:
    """(name, 'person' | 'company' | 'officials') of one bulleted line of a list of targets: the person
    named at its head, else the organisation the whole head names ("<Name> Central Headquarters")."""
    m = BULLET_RE.match(line)
    if not m:
        return None
    item = line[m.end():].strip()
    head = re.split(r",|\s[\-–—]\s|[–—]|\s+(?:is|was|has|are|were)\s", item, maxsplit=1)[0].strip(" .;")
    cased = _uncapitalised(head)
    if cased != head:  # "<SURNAME> <Given>— a politician": a person's name, in normal case
        return cased, "person"
    people = []
    for s, _e, surface, _r, n, is_person, _t in sentence_candidates(item, False):
        if is_person and n >= 2:
            people.append((s, surface))
        elif n >= 3:  # "<Company> <Given> <Surname>", "Businessman <Given> <Surname>": a person after the words before
            words = surface.split()
            for k in range(1, n - 1):
                rest = " ".join(words[k:])
                if any(p and m >= 2 and x == rest for _s, _e2, x, _r2, m, p, _t2 in sentence_candidates(rest, False)):
                    people.append((s + len(" ".join(words[:k])) + 1, rest))
                    break
    if len(people) >= 2 and KIN_OF_RE.match(item):
        people = people[1:]  # "Sister of <A>, <B>": B is the one listed, A the one B is kin to
    if people and people[0][0] <= 40 and people[0][0] < len(head):
        return people[0][1], "person"
    if BODY_ITEM_RE.match(head) and len(head.split()) >= 2:
        return head, ("company" if _is_company(head) else "officials")
    return None

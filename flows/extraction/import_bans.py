"""Import bans on a list of states, told without a sanction word (issue 22, class 10).

A state that answers sanctions often stops buying from the states that imposed them, and real pages tell it as a ban on
imports, not as sanctions: "<State> has banned imports of meat and fruit from the United States, the EU, Canada and
Norway", "<Capital> moved to impose a ban on imports of food from <A>, <B> and <C>", a headline's "<State> Bans
Products From <A>, <B>, <C>", "<State> restricts imports from <A>, <B>". The state that bans is the issuer (the first
state named before the ban); each state or bloc it buys from no more is a target, of type 'country'.

`import_ban_moves(sentence)` -> [(issuer state, target, target country)]: the target as the page writes it ("the US",
"E.U.", "European Union"), its country (None for a bloc). Pure text: the caller adds the document and the sentence's place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extraction.places import countries_in

# the ban and what it stops: a ban verb or noun, then imports or goods, then "from" the list
BAN_RE = re.compile(
    r"\b(?:ban(?:ned|s|ning)?|restrict(?:s|ed|ing)?|prohibit(?:s|ed|ing)?|embargo(?:es|ed)?|halt(?:s|ed|ing)?|"
    r"stop(?:s|ped|ping)?)\b(?:\s+(?:on|for|of|all|the|full|total|a|an|new))*\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:imports?|products|goods|food(?:stuffs?)?|produce|exports?)\b[^.;:]{0,160}?\bfrom\s+",
    re.I)

# a bloc the list may hold, which `countries_in` does not read as a state
BLOC_RE = re.compile(r"(?:(?:the\s+)?(?:member\s+states|countries)\s+of\s+)?(?:the\s+)?"
                     r"(?:European\s+Union|EU|E\.U\.?)$", re.I)

# a list item: up to five capitalised words (or initials with dots), "the" before
_ITEM = r"(?:the\s+)?(?-i:[A-Z][\w.\-]*)(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z][\w.\-]*)){0,4}"
LIST_RE = re.compile(rf"{_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM})*(?:,?\s+and\s+{_ITEM})?")
_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|,?\s+and\s+")


def import_ban_moves(sentence: str) -> list[tuple[str, str, str | None]]:
    """(issuer state, target as written, target country) of each state an import ban of the sentence names."""
    if not re.search(r"(?i)\bfrom\b", sentence) or not BAN_RE.search(sentence):
        return []
    return list(_import_ban_moves(sentence))


@lru_cache(maxsize=4096)
def _import_ban_moves(sentence: str) -> tuple[tuple[str, str, str | None], ...]:
    out: list[tuple[str, str, str | None]] = []
    for m in BAN_RE.finditer(sentence):
        issuers = countries_in(sentence[:m.start()])
        if not issuers:
            continue
        listed = LIST_RE.match(sentence, m.end())
        if not listed:
            continue
        items = [i.strip() for i in _SPLIT_RE.split(listed.group(0)) if i.strip()]
        found = []
        for item in items:
            name = re.sub(r"^the\s+", "", item, flags=re.I)
            if name.endswith(".") and not re.search(r"\b[A-Z]\.[A-Z]\.$", name):
                name = name[:-1]  # the sentence's full stop, not initials ("U.S.")
            if BLOC_RE.match(name):
                found.append((issuers[0], name, None))
                continue
            states = countries_in(name)
            if not states or len(name.split()) > 4:
                break  # not a state: the list of states ends ("from the US and Canada Customs said")
            found.append((issuers[0], name, states[0]))
        # (one state alone only under a ban's own words: "halted imports of soybeans from <A>" may be trade, not a
        # sanction)
        if len(found) >= 2 or (found and len(items) == 1 and re.match(r"(?i)ban|prohibit|embargo", m.group(0))):
            out += [f for f in found if f[2] != issuers[0]]
    return tuple(dict.fromkeys(out))


# sentences an import ban may be told in (the vectorised prefilter of extract_sanction_mentions)
PREFILTER_IMPORT_BAN = (r"(?i)\b(?:ban|restrict|prohibit|embargo|halt|stop)\w*\b[^.;:]{0,80}"
                        r"\b(?:imports?|products|goods|food|produce|exports?)\b[^.;:]{0,200}\bfrom\b")


# a bloc or state that shuts its borders with another, suspends it or freezes its assets, told without a sanction word
# ("<Bloc> Leaders Close All Borders With <State>", "the closure of both land and air borders with <State>",
# "the assets of <State> in the <bloc>'s central bank would be frozen") (issue 22, class 10)
BORDERS_RE = re.compile(
    r"\bclos(?:e|es|ed|ing|ure\s+of)\s+(?:all\s+|both\s+|the\s+)?(?:(?:members?['’]?|its|their)\s+)?"
    r"(?:(?:land|air|sea|maritime)\s+(?:and\s+(?:land|air|sea)\s+)?)?borders?\s+"
    r"(?:with|between\s+[^.;]{2,60}?\s+and)\s+(?P<state>(?-i:[A-Z][\w\-]+)(?:\s+(?-i:[A-Z][\w\-]+))?)", re.I)


def border_closure_moves(sentence: str) -> list[tuple[str | None, str, str]]:
    """(issuer, target state as written, its country) of each state whose borders the sentence tells shut by another;
    the issuer is the bloc or state named before the closure, else None (the caller's sentence issuer)."""
    if "border" not in sentence.lower():
        return []
    out = []
    for m in BORDERS_RE.finditer(sentence):
        states = countries_in(m.group("state"))
        if not states:
            continue
        name = m.group("state")
        first = name.split()[0]
        if " " in name and countries_in(first) == states[:1]:
            name = first  # a headline's next word ("Borders With <State> As ..."), not part of the name
        out.append((issuer_named_before(sentence[:m.start()]), name, states[0]))
    return list(dict.fromkeys(out))


def issuer_named_before(before: str) -> str | None:
    """The body or state that acts in a move told without a sanction word: the first issuer the lexicon knows
    named in the words before the move ("The <bloc> (<ACR>) announced the closure ...", "<A> and <B> pressed <bloc>
    peers to put ..."), else the first state named there ("<State>'s council responded by declaring"), else None."""
    from flows.extraction.sanction_patterns import ISSUER_RE
    from flows.language.lexicon import ISSUER_ALIASES, fold

    for m in ISSUER_RE.finditer(before):
        key = fold(m.group(0)).split(" and ")[0].strip()
        if key in ISSUER_ALIASES:
            return ISSUER_ALIASES[key]
    states = countries_in(before)
    return states[0] if states else None


PREFILTER_BORDERS = r"(?i)\bclos\w*\s[^.;]{0,40}borders?\s"

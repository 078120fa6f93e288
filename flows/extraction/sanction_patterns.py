"""The words of sanctions: sanction words, action words (from flows/language/rules/sanction_actions.toml),
hedges, reasons, issuers, company and official words, the vectorised prefilters and the mention schema."""

from __future__ import annotations

import re

import polars as pl

from flows.extraction.places import ISSUER_COUNTRIES
from flows.language import rules
from flows.language.dates import MONTHS, WEEKDAYS
from flows.language.lexicon import ISSUER_ALIASES, ORGANISATION_TARGET_WORDS, SECTOR_WORDS
from flows.language.patterns import rust_word_superset

# an asset freeze is a sanction too ("froze the assets of", "freezing their assets", "an asset freeze on")
FREEZE_VERB = r"(?:froze|frozen|freez(?:e|es|ing))"

# ("freeze money held in <State> bank accounts by <A>"; session 19)
ASSET_FREEZE = (rf"{FREEZE_VERB}\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:U\.S\.\s+|[\w\-]+\s+)?assets|asset\s+freezes?|"
                rf"{FREEZE_VERB}\s+(?:the\s+)?(?:money|funds)\s+(?:held|kept|deposited)\b")

# a listing as a sponsor of terrorism (with its trade and aid bans) is a sanction too
TERROR_LISTING = (r"state\s+sponsors?\s+of\s+terrorism|terror(?:ism|ist)?\s+(?:designations?|listings?|blacklist|list)|"
                  # "the Foreign Terrorist Organization list", "designated the group as a foreign terrorist organisation"
                  r"terrorist\s+organi[sz]ation\s+list|designat\w*\s+[^.;]{0,60}?\bas\s+an?\s+(?:foreign\s+)?terrorist\s+organi[sz]ation|"
                  r"list\s+of\s+(?:\w+\s+){0,3}?(?:that\s+)?sponsors?\s+(?:of\s+)?terrorism|"  # "its list of states that sponsor terrorism"
                  r"blacklist(?:ed|ing)?")


# frozen money released in a deal ("unfrozen funds were transferred") and bans on a country's planes are
# sanctions moves too (issue 22, classes 9 and 10)
FUNDS_AND_BANS = (r"unfr[oe]z\w*|frozen\s+(?:\w+\s+){0,2}(?:funds|assets|money)|"
                  r"airspace\s+ban|ban(?:ned|s)?\s+[^.;]{0,40}?\bfrom\s+(?:its|their|the\s+\w+|\w+)\s+airspace|"
                  r"(?:flight|landing|overflight)s?\s+ban")


# a licence under a sanctions regime is itself a move on sanctions ("issued General License 8", "GL 41
# authorizes transactions involving ..."): what it authorises is eased (issue 22, class 10)
LICENCE = r"general\s+licen[cs]es?|GL(?:\s+\d+[A-Z]?)?"


# words that name sanctions only when a sanctioning power acts ("Washington imposed visa restrictions on"),
# not when a government restricts its own people ("Tehran froze the assets of the opposition leader")
WEAK_SANCTION_RE = re.compile(rf"\b(?:restrictions|{ASSET_FREEZE})\b", re.I)

# a ban on visas or entry is a sanction on those it names ("imposed visa bans on 23 <demonym> citizens"); a travel
# ban is not always one (a state's ban on travellers from whole countries)
VISA_BANS = r"(?:visa|entry)\s+bans?"

SANCTION_RE = re.compile(
    rf"\b(?:sanction(?:s|ed|ing)?|embargo(?:es)?|punitive\s+measures|restrictive\s+measures|measures\s+targeting|"
    rf"counter[\s\-]?measures|{ASSET_FREEZE}|"
    rf"restrictions|{TERROR_LISTING}|{FUNDS_AND_BANS}|{LICENCE}|{VISA_BANS})\b", re.I)


# "In April it sanctioned the judges", "Britain sanctioned two banks": the verb with a subject and no
# auxiliary (not "the sanctioned airline"); Python only: the vectorised prefilter takes "sanctioned"
SUBJECT = (r"(?-i:\b(?:it|they|which|who|(?!(?:The|A|An|This|These|Those|Its|Their)\b)[A-Z][\w.]*))\s+(?:also\s+)?"
           # a time between subject and verb: "The U.S. this week sanctioned", "Britain on Monday sanctioned" (issue 22)
           r"(?:(?:this|last)\s+(?:week|month|year)\s+|on\s+(?-i:[A-Z])\w+day\s+)?")

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
    # pleaded for: "allies advocate for some form of sanctions relief for <State>" (session 18)
    r"advocat(?:e|es|ed|ing)\s+for|lobb(?:y|ies|ied|ying)\s+for|press(?:es|ed|ing)?\s+for|push(?:es|ed|ing)?\s+for|"
    # a wish, a need or a readiness is no move: "wants to end the relief", "the need to lift the sanctions", "is
    # prepared to extend sanctions to" (issue 22)
    r"wants?\s+to|wanted\s+to|(?:prepared|ready)\s+to|needs?\s+to|"
    r"expected|reassessment|reconsideration|pave\s+the\s+way|open\s+the\s+door|no\s+official)\b",
    re.I,
)

# a decision reported in indirect speech ("the minister announced that the government would impose sanctions
# on", "stated they would immediately freeze the assets of"; "said it will adopt the package of sanctions", "added that
# <issuer> would impose visa restrictions on"): done, not talked about (issue 22, class 9)
ANNOUNCED_DECISION_RE = re.compile(
    r"\b(?:announced|stated|declared|confirmed|decided|said|says|added)\b(?:\s+\w+){0,3}?(?:\s+that)?(?:[^.;]|\.(?!\s+(?-i:[A-Z])|\s*$)){0,60}?\b(?:would|will)\s+"
    # ("said that targeted sanctions would be imposed on <A>": the passive of the same decision)
    r"(?:\w+ly\s+|also\s+)?(?:be\s+)?$", re.I)


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

# a target's words run to the clause's end; a state's initials are no end ("sanctions on 15 U.S. companies")
_NP = r"(?:U\.[SK]\.|[^.;:])"

TARGET_RE = re.compile(
    # "an asset freeze and travel ban on eight officials": the measures named, the targets after them
    rf"\b(?:sanctions?|restrictions|asset\s+freezes?|(?:travel|visa|entry)\s+bans?|counter[\s\-]?measures[”\"’]?)\s+(?:imposed\s+|relief\s+(?=for\b)|(?:the\s+)?same\s+day\s+|(?:\w+\s+){{0,2}}?later\s+|(?:on\s+)?(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?(?:on|against|targeting|upon|(?<=relief\s)for)\s+(?P<np>{_NP}{{2,90}})"
    # "other measures targeting <A>", "keep those in place targeting <A>": the measures that stay, by whom they hit
    rf"|\b(?:measures|those|ones)\s+(?:in\s+place\s+)?targeting\s+(?P<np5>{_NP}{{2,90}})"
    # "Washington has sanctioned dozens of officials", "In April it sanctioned the judges"
    rf"|\b(?:has|have|had)\s+(?:also\s+)?sanctioned\s+(?P<np2>{_NP}{{2,90}})"
    # "<State> has joined its allies in sanctioning <demonym> officials complicit in <...>" (issue 22, class 10)
    rf"|\b(?:in|by)\s+sanctioning\s+(?P<np6>{_NP}{{2,90}})"
    rf"|\b{FREEZE_VERB}\s+(?:the\s+)?assets\s+of\s+(?P<np3>{_NP}{{2,90}})"  # "froze the assets of hundreds of officials"
    # "announced sanctions for six officials": "for" names the targets only before people or bodies
    r"|\bsanctions\s+for\s+(?P<np4>(?:[\w\-]+\s+){0,2}(?:officials|individuals|people|persons|entities|companies|"
    r"firms|banks|ministers|judges|oligarchs)\b[^.;:]{0,60})",
    re.I,
)

SUBJECT_TARGET_RE = re.compile(rf"\b{SUBJECT}sanctioned\s+(?P<np2>{_NP}{{2,90}})", re.I)

_SECTOR_ALT = "|".join(SECTOR_WORDS)

# (?=\w) matches no less (a sector word starts with a letter) but lets the engine skip other positions
SECTOR_RE = re.compile(rf"(?=\w)\b(?P<sector>{_SECTOR_ALT})\b", re.I)

# "trade sanctions", "financial sanctions and travel bans", "trade bans": the kind of measure, not a sector it hits
# (so is an arms embargo: "the arms embargo on <country>" hits the country, or the body named, not "arms"; the
# real-news gold's convention, issue 22, class 9)
TRADE_EMBARGO_RE = re.compile(r"(?:trade|financial)\s+(?:embargo|sanctions|bans?)|(?:arms|weapons?)\s+embargo", re.I)

SECTOR_BEFORE_RE = re.compile(rf"(?=\w)\b(?P<sector>{_SECTOR_ALT})\s+(?:sanctions|embargo)\b", re.I)  # "oil sanctions"

# find_actions, once per action word: compiled here, not looked up in re's cache each time
ADJECTIVE_TIGHTENED_RE = re.compile(r"(?:additional|further|more|harsher|tougher)\b", re.I)

PASSIVE_BEFORE_RE = re.compile(r"\b(?:were|was|been|be)\s+$", re.I)

NOMINAL_ACTION_RE = re.compile(r"(?:lifting|easing|removal|relaxation|relief|tightening)\b", re.I)

WITHOUT_BEFORE_RE = re.compile(r"\b(?:no|not|without)\b[^,]{0,40}$")

NEGATION_BEFORE_RE = re.compile(r"\b(?:not|n't|never|no\s+longer)\s+(?:\w+\s+){0,2}$")

CONDITION_RE = re.compile(r"\b(?:if|unless)\b")

# (a day or a month after the word is no name: "sanctions on the group Friday")
_NO_DAY = rf"(?!(?:{'|'.join(w.capitalize() for w in (*WEEKDAYS, *list(MONTHS)[:12]))})\b)"  # (the full month names)

COMPANY_RE = re.compile(
    rf"\b(?:{'|'.join(ORGANISATION_TARGET_WORDS)})s?\b,?\s+{_NO_DAY}(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){{0,3}})"
    rf"|(?P<name2>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){{0,3}}),?\s+(?:the|its|a)\s+(?:\w+\s+){{0,3}}(?:{'|'.join(ORGANISATION_TARGET_WORDS)})\b"
    # an armed or criminal outfit named after its kind: "private military contractor <A>", "the mercenary group <A>"
    rf"|\b(?:mercenary|militant|armed|paramilitary|rebel|terrorist|jihadist|criminal|cybercrime|hacking|hacker|military|"
    rf"security)\s+(?:group|contractor|company|outfit)\s+{_NO_DAY}(?P<name3>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){{0,3}})"
)

OFFICIALS_RE = re.compile(r"\b(?:officials|individuals|judges|oligarchs|elites|ministers|security\s+forces|leaders)\b", re.I)

RELEASE_LINK_RE = re.compile(
    r"\b(?:releas\w+|freed|freeing|prisoners?|in\s+exchange\s+for|in\s+return\s+for|as\s+part\s+of\s+(?:a|the)\s+(?:\w+\s+)?deal|deal|brokered|linked\s+to)\b",
    re.I,
)

# (a state's own "National Security Council" is no UN body: "<State>'s Supreme National Security Council declared")
_ISSUER_WORDS = {k: re.escape(k) for k in ISSUER_ALIASES}
_ISSUER_WORDS["security council"] = r"(?<!national\s)security\s+council"
ISSUER_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(_ISSUER_WORDS[k] for k in sorted(ISSUER_ALIASES, key=len, reverse=True)) + r")(?!\w)(?:\s+and\s+(?:its|other)\s+(?:Western\s+)?(?:allies|nations|partners))?",
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

# a named company: a capitalised run holding a company word ("Asia Sun Trading Co Ltd", "Foreign Trade Bank")
COMPANY_WORDS = ("Bank", "Group", "Company", "Corporation", "Corp", "Holdings", "Holding", "Ltd", "Co", "LLC", "OAO",
                 "OJSC", "PJSC", "JSC", "Inc", "SA", "SAE", "Petroleum", "Logistics", "Airlines", "Airways", "Industries",
                 "Trading", "Enterprise", "Enterprises", "Shipping", "Fund", "Plc", "PLC", "GmbH", "AG", "RL", "SRL",
                 # a legal form written out ("<A> Trading Limited"; session 18)
                 "Limited", "Incorporated")


_COMPANY_WORD_SET = frozenset(COMPANY_WORDS)

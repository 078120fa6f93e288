"""Person mentions: sentences -> one row per mention of a real person.

Output shape (`person_mentions` before resolution): doc_id, sent_idx,
char_start, char_end (span of the name in the document text, possessive and
titles excluded), surface (the text at that span), name (full name the mention
refers to within its document), role (title or apposition, if any),
confidence ('high' | 'low').

Technique: capitalised-token sequences (Unicode aware) are candidates; titles,
demonyms and possessives are peeled off; a candidate is a person when a given
name lexicon (gender-guesser), a title cue, an apposition role or a speech verb
supports it, and it is not a place or an organisation. Single-token mentions
resolve to a full name of the same document, then of the batch.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from functools import lru_cache

import polars as pl
import regex

from flows.extraction.clean import expand_rows
from flows.language.lexicon import given_names, is_given_name  # noqa: F401 (re-exported)
from flows.language.lexicon import (
    COMPANY_NAME_WORDS,
    KIN_WORDS,
    NON_NAME_WORDS,
    ORG_WORDS,
    PERSON_TITLE_CUES,
    TITLE_WORDS as LEXICON_TITLE_WORDS,
    country_names,
    demonyms,
    fold,
    place_words,
)

# Titles real pages put before a name besides the lexicon's: "Rear Adm.", "Pres", "The Honourable", "Chief
# Executive" (issue 22, class 8): peeled off, never part of the name
TITLE_WORDS = LEXICON_TITLE_WORDS | frozenset({"rear", "adm", "pres", "honourable", "honorable", "executive",
                                               # ranks written short before another ("Lt. Col. <name>")
                                               "lt", "lt.", "capt", "capt.", "sgt", "sgt.", "maj", "maj.", "brig",
                                               "brig.",
                                               # "Admiral of the Fleet <name>": the rank's last word
                                               "fleet",
                                               # offices before a name ("Chief Whip <name>", "UN Special Rapporteur
                                               # <name>"; session 20)
                                               "whip", "rapporteur", "ombudsman", "registrar", "treasurer",
                                               "auditor", "inspector", "superintendent"})
# clergy named by office ("Pastor <surname>"; issue 22, class 7): peeled off the front of a run only, as
# "Pastor" inside a run is a given name ("<given> Pastor <surname>")
CLERGY_TITLES = frozenset({"pastor", "imam", "rabbi"})
# honorifics of South and South-East Asia written before a full name ("Begum <given> <surname>"): peeled off the
# front of a run of three or more only, as the same word closes many a name ("<given> Begum"; issue 22, class 7)
LEAD_HONORIFICS = frozenset({"begum", "shri", "sri", "smt", "shrimati"})  # ("Shri <given> <surname>": India's)
# honorifics that Arabic and Somali names carry inside ("<given> Sheikh <name>"), not only before them
MID_NAME_HONORIFICS = frozenset({"sheikh", "sheik", "shaikh", "shaykh"})
# titles that tell a person as surely as the lexicon's cues ("Pastor <surname>" is someone, like "Mr <surname>")
PERSON_TITLES = PERSON_TITLE_CUES | frozenset({"pastor", "imam", "rabbi", "speaker",
                                               # military ranks written short ("Col. <name>", "Lt. Col. <name>")
                                               "col.", "lt.", "capt.", "sgt.", "maj.", "brig.", "adm."})
# nouns of nationality that are no adjective ("Briton <name>", "the Azerbaijanis <name> and <name>"): peeled
# off a name like a demonym (issue 22, class 7); plurals of demonyms are peeled in _peel_run
NOUN_DEMONYMS = frozenset({"briton", "britons", "brit", "brits", "swede", "swedes",
                           # peoples of no one country, named by their noun ("the detention of <people>s, ...")
                           "uighur", "uighurs", "uyghur", "uyghurs", "kurd", "kurds", "rohingya", "rohingyas",
                           "yazidi", "yazidis", "pashtun", "pashtuns", "hazaras", "tatars", "druze", "bedouins",
                           # a people of two states ("N. Korean", "South Korean" say which)
                           "korean", "koreans"})
# title words that are also common surnames: last in a run after a given name they are the surname ("<given> King")
SURNAME_TITLES = frozenset({"king", "bishop", "major", "judge", "marshal", "knight", "prince"})
# words English writes in lower case (a month, a preposition, a point of the compass) that are surnames too: after a
# known given name, as the second and last word of a run, they close a name ("Prime Minister <given> May", "Speaker
# <given> Among"; a month before a day, "<given> May 5", is a date: `sentence_candidates`; issue 22, class 7)
SURNAME_WORDS = frozenset({"may", "among", "west", "north"})
# a patronymic closes a surname-first name of the Russian, Ukrainian and Belarusian lists and registers
# ("<surname> <given name> <father's name>ovich"): such a run is a person (issue 22, class 7)
PATRONYMIC_RE = regex.compile(r"\p{Lu}\p{Ll}+(?:ovich|evich|yevich|ievich|ovych|evych|ich|ovna|evna|yevna|ivna|ichna)")
# English prepositions and sentence adverbs that open a sentence in capitals ("Alongside <name>, ...", "Earlier,
# the ..."): closed-class words, never the first word of a name, peeled like NON_NAME_WORDS (issue 22, class 8)
LEAD_FUNCTION_WORDS = frozenset("""alongside besides beside unlike beyond throughout toward towards upon via
    without within against between behind below above across around inside outside regarding concerning
    following including excluding during through except earlier later previously separately instead otherwise
    elsewhere nevertheless nonetheless thus hence therefore indeed finally eventually currently overall likewise
    similarly accordingly afterwards afterward thereafter""".split())
# verbs a headline writes in Title Case between a subject and a name ("<Country> Bans <A B>", "Meets <A B>"): never
# a word of a name (issue 22, class 8)
HEADLINE_VERBS = frozenset("""bans lifts frees releases pardons sanctions slaps imposes eases extends renews urges slams
    jails arrests visits welcomes warns accuses condemns expels deports blacklists designates targets freezes seizes
    says tells asks vows rejects approves orders hails blasts detains convicts acquits grants announces unveils
    removes delists meets hosts""".split())
# English function words that English writes in lower case inside a sentence: in capitals there, before another
# capitalised word, they open a name (the Hebrew "Or", the Burmese "Than", the Vietnamese "Can"; issue 22, class 7)
NAME_FUNCTION_WORDS = frozenset("or nor but than can you so if".split())
# last words that make a run a holiday or a place unless a known given name opens it ("<word> Day", "<town> Hills";
# issue 22, class 8)
PLACE_TIME_HEADS = frozenset({"day", "hills"})
# a run inside a sentence: after a lower-case letter or a comma (and a space)
MID_SENTENCE_RE = regex.compile(r"(?:\p{Ll}|,) $")
# words that make a capitalised run a body, not a person ("Royal Air Force ...", "Quds Force")
BODY_WORDS = frozenset({"force", "forces"})
# Last words that make a capitalised run a place, a body or a text ("Jordan Valley", "Production and
# Construction Corps", "the Order", "General Licenses"), never a person, even in a list beside names
PLACE_BODY_HEADS = frozenset("""region regions valley farm farms garden gardens heights desert coast strait
    province district county territory territories island islands mountains corps order orders control
    jurisdiction licenses licences regulations regulation production construction normalization lawyers
    palace war oblast krai headquarters municipality constituency parish governorate prefecture
    sea gulf ocean peninsula canal river directorate secretariat inspectorate
    affairs bulletin gazette charter
    cartel cartels""".split())  # a portfolio, a journal of record, a treaty (issue 22, class 8)
# (an apostrophe inside a name may be typed ’ or ‘: "Aforteka‘a"; issue 22, class 7)
# (a capitalised word run into a digit is a unit or currency, never a name: "<name> Rs1 million"; issue 22, class 7)
TOKEN = r"(?:\p{Lu}['’‘]\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:['’‘\-](?!s\b)\p{Lu}?\p{Ll}+)*(?!\p{N})|\p{Lu}\.)"
# a middle initial written without its dot, inside a name only ("<given> W <surname>"; issue 22, class 7)
BARE_INITIAL = r"\p{Lu}(?![\p{L}\p{N}.'’\-])(?=[ \t]+\p{Lu}\p{Ll})"
# ("y" joins a Spanish name's two surnames: "<given> <surname> y <surname>"; issue 22, class 7)
PARTICLE = r"(?:de|da|del|della|der|van|von|bin|ibn|al|el|la|le|di|du|dos|das|abu|abd|ter|y)"
DOTTED_TITLE = r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|Rev|Capt|Lt|Col|Sgt|Adm|Amb|Pres|Cmdr|Maj|Brig|Cpl|Supt|Insp)\."
# a word of an Arabic name opening with the letter ayn, written as an apostrophe, inside a name only ("<given> <father>
# ‘<grandfather> al-<family>", as OFAC transliterates; session 20)
# (never a quotation's first word: "<A B> 'Free <C>' ..." closes its quote a few words on)
AYN_TOKEN = r"(?:['‘ʿ]\p{Lu}\p{Ll}++(?![^'’‘\n]{0,40}['’](?!\p{L})))"
NAME_RE = regex.compile(
    rf"(?<![\p{{L}}\-'’‘])(?:{DOTTED_TITLE}[ \t]+){{0,2}}{TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t\-]){{0,2}}(?:{TOKEN}|{BARE_INITIAL}|{AYN_TOKEN})){{0,7}}"
    r"(?:[ \t]+\p{Lu}{4,}(?:-\p{Lu}{2,})?(?!\p{L}))?"  # a surname in capitals, OFAC style: "Faruk YILMAZ"
    r"(?:[ \t]+[IVX]{1,4}\b)?"  # regnal numbers: "John Paul II"
)
# capitals that are an acronym, never a surname after a name ("<name> NATO")
CAPS_ACRONYMS = frozenset({"NATO", "OFAC", "OPEC", "UNHCR", "UNICEF", "UNESCO", "USAID", "IRGC", "FIFA", "NASA",
                           "ASEAN", "CAATSA", "SWIFT", "EFE", "TASS", "IRNA", "WAFA", "IAEA", "OSCE", "REUTERS",
                           "XINHUA", "ANSA", "YONHAP", "KYODO", "BERNAMA", "ANADOLU", "SPUTNIK", "GETTY", "IMAGES",
                           "PHOTO", "VIDEO", "WATCH", "READ", "MORE", "UPDATE", "BREAKING", "EXCLUSIVE"})
# Titles that are part of how a person is named ("Pope Francis"), not a role to strip.
NAME_TITLES = frozenset({"pope"})
# ... and, before a name with a regnal number, the style of a Malay or Gulf ruler ("Sultan <name> V"; issue 22, class 7)
REGNAL_NAME_TITLES = frozenset({"sultan"})
# Articles of other languages: "El Chipote", "La Modelo" are places, not people.
FOREIGN_ARTICLES = frozenset({"el", "la", "los", "las", "le", "les", "il", "al", "der", "die", "das"})
DOTTED_TITLE_END_RE = regex.compile(rf"\b{DOTTED_TITLE}$")
DOTTED_TITLE_BEFORE_RE = regex.compile(rf"(?<=\p{{L}}[ \t]+){DOTTED_TITLE}[ \t]+$")
POSSESSIVE_RE = regex.compile(r"^['’]s?\b")
ACRONYM_DOTS = regex.compile(r"\b(\p{Lu})\.(\p{Lu})\.")
ROLE_NOUNS = (
    "laureate", "envoy", "analyst", "activist", "leader", "politician", "journalist",
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "lawyer",
    "dissident", "blogger", "advocate", "founder", "co-founder", "chief", "head",
    "official", "diplomat", "ambassador", "secretary", "chancellor", "premier",
    "reporter", "editor", "researcher", "economist", "professor", "expert", "scholar",
    "candidate", "figure", "opponent", "critic", "director", "commissioner", "senator",
    "representative", "negotiator", "mediator", "adviser", "advisor", "aide", "member",
    "writer", "poet", "musician", "artist", "student", "defender", "priest", "bishop",
    "cardinal", "pope", "governor", "mayor", "general", "judge", "prosecutor", "worker",
    # clergy and trades the freed are named by ("the pastor, who ..., was released from prison"; session 16)
    "pastor", "preacher", "cleric", "imam", "rabbi", "missionary", "teacher", "doctor", "nurse", "pilot",
    "citizen", "national", "businessman", "businesswoman", "entrepreneur", "colleague",
    "actor", "actress", "filmmaker", "singer", "photographer", "athlete", "footballer", "deputy",
    "billionaire", "tycoon", "magnate", "oligarch", "investor", "banker", "co-owner",
    # kin and trades real pages name people by ("his sister, <name>", "newscaster <name>"; issue 22, class 7)
    "sister", "brother", "wife", "husband", "son", "daughter", "mother", "widow", "cousin", "nephew", "niece",
    "spouse", "father", "grandfather", "grandmother", "grandson", "granddaughter", "uncle", "aunt", "stepson",
    "stepdaughter", "fiance", "fiancee", "fiancé", "fiancée",
    "newscaster", "presenter",
    # offices named in apposition ("<A B>, the UN special rapporteur, said"; session 20)
    "rapporteur", "whip", "ombudsman", "registrar", "treasurer", "auditor", "inspector", "superintendent", "attorney",
    # a body's chair ("the deputy chairman of <party>, <name>,"; issue 22, class 7)
    "chairman", "chairwoman", "chairperson",
    # members of a parliament, and people named by whom they stand beside or against ("his counterpart, <name>",
    # "British lawmaker, <name>,", "political rival <name>"; issue 22, class 7)
    "lawmaker", "legislator", "parliamentarian", "counterpart", "rival", "ally",
    # ("<name>, a procurement assistant," ; issue 22, class 7)
    "assistant",
    # people named by whom they followed or preceded in an office, and a commander of a force ("his
    # predecessor, <name>,", "<name>, former navy commander,"; issue 22, class 7)
    "predecessor", "successor", "commander",
    # trades and causes people are named by ("Environmentalist <name> said", "novelist <name>"; issue 22, class 7)
    "environmentalist", "conservationist", "campaigner", "unionist", "novelist", "playwright", "historian",
    "sociologist", "cartoonist", "comedian", "rapper", "academic",
)
# before a name only ("Israeli hostages <name> and <name>", issue 22, class 7): after one, "the hostages"
# ends a clause about a place as often as it describes a person
CAPTIVE_NOUNS = ("hostage", "detainee", "prisoner", "captive")
ROLE_NOUN_SET = frozenset(ROLE_NOUNS + CAPTIVE_NOUNS)
# (a comma and a conjunction open the next item or clause, not an apposition: "<A>'s wife, <B>, and <C>'s mother,
# <D>" gives <B> no role of mother; nor does a relative clause: "<A>, who met <B>'s spouse," makes <A> no spouse;
# issue 22, class 7)
APPOSITION_RE = regex.compile(
    r"^,\s+(?!(?:and|or|but|nor|while|whereas|who|whom|whose|which|that)\s)(?:(?:a|an|the)\s+)?(?P<role>[^,.;:()]{0,80}?\b(?:" + "|".join(ROLE_NOUNS) + r")s?)\b"
    r"(?=\s*(?:[,.;:)]|and\b|who\b|with\b|at\b|for\b|from\b|of\b|in\b|on\b|based\b|$))",
    regex.IGNORECASE,
)
PRE_ROLE_RE = regex.compile(
    r"(?P<role>(?:[\p{L}\-’']+\s+){0,4}?(?:" + "|".join(ROLE_NOUNS + CAPTIVE_NOUNS) + r"|[a-z]{3,}ist)s?)\s+$",
    regex.IGNORECASE,
)
# The longest suffix that PRE_ROLE_RE can match: up to five letter runs, each followed by space.
ROLE_TAIL_RE = regex.compile(r"(?r)(?:[\p{L}\-’']+\s+){1,5}\Z")
SPEECH_VERB_RE = regex.compile(
    # (or after an aside telling where the speaker is from: "<name>, from the UN's aid agency, told"; issue 22, class 7)
    r"^(?:,\s+(?:from|of|at|with)\s+[^,;:()\"“”]{2,80},)?\s+(?:said|says|told|added|argued|believes|believed|wrote|warned|noted|stated|"
    r"announced|insisted|explained|claimed|declared|stressed|urged)\b",
)
# a quote, then its speaker after the verb ("“...,” said <name>", "\"...\" added <name>"): the inverted order of
# SPEECH_VERB_RE, as common in news (issue 22, class 7)
QUOTE_SAID_BEFORE_RE = regex.compile(r"[”\"]\s*,?\s+(?:said|says|added|asked|wrote|argued|insisted|explained"
                                     r"|stressed|warned|noted)\s+$")
WHO_AFTER_RE = regex.compile(r"^,\s+who\b")
# a picture's credit: a name and its agency or archive joined by a slash ("<name>/<agency>", "<name> / <agency>",
# "PHOTO/<name>/<agency>"): the photographer, not a person of the story (issue 22, class 8)
CREDIT_AFTER_RE = regex.compile(r"^ ?/ ?\p{Lu}")
# (or a copyright sign before it, mid-line: "<caption>. © <name>")
CREDIT_BEFORE_RE = regex.compile(r"\p{L}/ ?$|©\s*$")
# ... and a credit's label before the name ("Photo: <name>, <agency>", "Credit | <name>"; issue 22, class 8)
CREDIT_LABEL_BEFORE_RE = regex.compile(r"\b(?:[Pp]hoto(?:graph)?|PHOTO|[Pp]icture|[Ii]mage|IMAGE|[Cc]redit|CREDIT)s?"
                                       r"\s*[:|]\s*$")
# what follows a word in commas is a clause, not an apposition, when it holds a finite verb: an auxiliary, a
# subject pronoun, or a capitalised subject and a past tense ("Earlier, the <country> on Friday imposed sanctions on
# ... senators", "partners in <continent>, has imposed sanctions on Minister ..."; issue 22, class 8)
CLAUSE_ROLE_RE = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|did|does|been|being|it|they|he|she|we)\b"
    r"|\b\p{Lu}[\p{L}\-]*(?:\s+(?:also|then|later|on\s+\p{Lu}\p{Ll}+))?\s+[a-z]{3,}ed\b"
    r"|\b(?:also|then|later|again|subsequently|formally)\s+[a-z]{3,}ed\b"  # "..., the office also designated ..."
    # a verb opening it, then its object ("<town>, <state>, thanked officials ...", "..., urged the ...", "thanked US
    # government officials"): a jailed activist is one, singular (session 20)
    r"|^[a-z]{3,}ed\s+(?:the|his|her|their|its|a|an|[a-z]+s)\b|^[a-z]{3,}ed\s.*[a-z]s$")
ORG_NOUN_AFTER_RE = regex.compile(r"^(?:\s+\(\p{Lu}[\p{Lu}\-]{1,9}\))?"  # "<name> (<ACRONYM>) group"
                                  r"\s+(?:(?!(?:and|or|of|the|a|an|to|in|on|at|with|for|from|by|as|his|her|their)\s)[a-z]+\s+)?(?:club|group|party|company|movement|militia|gang|band|network|"
                                  r"organi[sz]ation|association|foundation|firm|newspaper|channel|outpost|settlement|"
                                  # "the ruling <name> family": a house or clan, not a person (issue 22, class 8)
                                  r"family|families|clan|dynasty|tribe)s?\b")
# a place named after a person: the name, then what the place is, in lower case (issue 22, class 8)
FACILITY_AFTER_RE = regex.compile(r"^\s+(?:international\s+)?(?:airport|airbase|air\s+base|prison|jail|hospital|"
                                  r"university|mosque|stadium|square|street|avenue|boulevard|highway|bridge|dam"
                                  # ... or a part of a city or country ("<city>'s <name> district"; issue 22, class 8)
                                  r"|district|subdistrict|neighbou?rhood|suburb|township|province)s?\b")
# a ship named after a person: its kind before the name, or a hull number right after it ("the tanker <name> 1")
VESSEL_BEFORE_RE = regex.compile(r"\b(?:tanker|vessel|ship|freighter|cargo\s+ship|yacht|ferry|trawler|warship|frigate|"
                                 r"destroyer|submarine|carrier|supertanker|boat)s?\s+(?:the\s+)?$", regex.IGNORECASE)
# a firm named after people ("Morgan Stanley", "Louis Dreyfus"): what it is right before the name, or the staff who
# work at it (session 18, class 7/8)
FIRM_BEFORE_RE = regex.compile(r"\b(?:(?:the|a)\s+)?(?:company|firm|bank|lender|insurer|conglomerate|brand|retailer|"
                               r"carmaker|automaker|(?:[a-z]+\s+)?(?:maker|manufacturer|producer|giant))\s+$"
                               r"|\b(?:analysts?|economists?|strategists?|bankers?|traders?|employees?|researchers?)\s+at\s+$",
                               regex.IGNORECASE)
NUMBER_AFTER_RE = regex.compile(r"^\s+\d\b(?![,.]\d|[\d:/\-]|\s*(?:years?|months?|days?|%|per))")
# a name after a kind of place or of time and "of" ("the holy month of <name>", "the town of <name>", "the
# sultanate of <name>") is what that place or time is called, never a person, even one the batch names in full
# ("<given> <same word>"; issue 22, class 8: places and times taken for people)
PLACE_OF_BEFORE_RE = regex.compile(
    r"\b(?:month|feast|festival|holiday|city|town|village|province|region|island|port|district|county|state"
    r"|republic|kingdom|emirate|sultanate|governorate|municipality)s?\s+of\s+$", regex.IGNORECASE)
AGE_BEFORE_RE = regex.compile(r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s\-\u2010\u2011]year[\s\-\u2010\u2011]old\s+$", regex.IGNORECASE)
# "<name>, 63,", "<name>, aged 41,", "<name>, 22.": an age in commas right after a name tells a person, as news
# writes the age of the people of its story (issue 22, class 7: names no given-name lexicon knows)
AGE_AFTER_RE = regex.compile(r"^,\s+(?:aged\s+)?\d{1,2}\s*(?:,|\.(?!\d)|;|\)|$)")
# "the <surname> administration", "<surname>'s government", "the <surname> regime": a government named after the one
# who leads it names that person (issue 22, class 7: a leader the page names by surname alone)
EPONYM_AFTER_RE = regex.compile(r"^\s+(?i:administration|government|regime|presidency|junta)\b")
# a run that ends in a compound adjective ("<city>-based", "<state>-backed", "<party>-led")
ADJECTIVE_END_RE = regex.compile(r"-(?:based|born|bred|led|backed|owned|linked|run|funded|controlled|allied|aligned|"
                                 r"affiliated|made|era|style|bound|registered|flagged|friendly|leaning|held)$")
# ... and so does a capitalised run of one word and the government's ("<Surname> Administration")
EPONYM_RUN_RE = regex.compile(r"(?:The\s+)?(\p{Lu}[\p{L}'’]+)\s+(?:Administration|Government|Regime|Presidency)$")
# a capitalised word (not a sentence's "The") or "<Word> and" right before: the word ends a longer proper name
# ("the Jammu and <region> government", "the Saudi <adjective> government")
NAME_WORD_BEFORE_RE = regex.compile(r"(?:(?<!^)(?<![.!?]\s)\b(?!The\b)\p{Lu}[\p{L}'’\-]*|\band)\s+$")
# words that name a government without a leader's name ("the Taliban government", "the Labour government", "the
# transitional government", "the Tory administration")
NON_EPONYMS = frozenset({"taliban", "hamas", "houthi", "houthis", "labour", "labor", "tory", "tories", "conservative",
                         "liberal", "communist", "socialist", "military", "junta", "transitional", "interim",
                         "caretaker", "unity", "coalition", "federal", "national", "regional", "provincial", "state",
                         "central", "local", "municipal", "city", "puppet", "islamist", "baathist", "sandinista",
                         "chavista", "soviet", "imperial", "royal", "new", "former", "previous", "current",
                         "incoming", "outgoing", "democratic", "republican", "civilian", "de", "facto", "exile",
                         "exiled", "opposition", "rebel", "separatist", "colonial", "apartheid", "white", "ruling",
                         "kiev", "kremlin"})
# "<name>, one of those arrested", "<name>, one of the three freed": one of a group of people, in commas after a
# full name, tells a person (issue 22, class 7: names no given-name lexicon knows)
ONE_OF_AFTER_RE = regex.compile(r"^,\s+(?:reportedly\s+|also\s+)?one\s+of\s+(?:the|those|these|its|their|his|her)\b")
# "<name> - Minister of Finance", "<name> – a former lawmaker": a role after a dash, as lists of office holders and
# captions write it (issue 22, class 7)
DASH_ROLE_AFTER_RE = regex.compile(
    r"^\s+[-–—]\s+(?:(?:a|an|the|former|deputy|vice|acting|then)\s+)?(?:[\p{L}\-’']+\s+){0,2}?(?:"
    + "|".join(ROLE_NOUNS) + r")s?\b", regex.IGNORECASE)
# "<name>'s wife", "<name>'s eldest son": only a person has kin (a firm's "sister company" or "parent
# company" is no kin; issue 22, class 7)
KIN_AFTER_POSSESSIVE_RE = regex.compile(
    r"^\s+(?:(?:late|former|estranged|eldest|youngest|elder|younger|older|adult|\d+|\w+-year-old)\s+)?"
    r"(?:wife|husband|spouse|widow|fianc[ée]e?|son|sons|daughter|daughters|mother|father|brother|brothers|sister"
    r"|sisters|children|parents|grandson|granddaughter|nephew|niece|cousin)\b"
    r"(?!\s+(?:company|companies|bank|banks|ship|ships|vessels?|firms?|organi[sz]ations?|city|cities|papers?"
    r"|publications?|stations?|channels?|brands?|party|parties|schools?|agency|agencies|outlets?|networks?"
    r"|units?|groups?|funds?)\b)", regex.IGNORECASE)
# what only people undergo: a name right after such a verb ("the court freed <name> on Monday", "pardoned <name>,
# <name> and <name>") or right before its passive ("<name> was jailed in 2021") is a person, even one no given-name
# lexicon knows (issue 22, class 7: Persian, Arabic, Central Asian names of the freed); "released" only with what
# it was released from, as reports and statements are released too. The name must end its phrase: "freed <paper>
# reporter <name>" names the paper first.
CAPTIVE_VERBS = (r"(?:freed|freeing|(?:pardon|jail|imprison|detain|arrest|sentenc|execut|deport|abduct|kidnapp|exil"
                 r"|exchang|swapp|releas)(?:ed|ing))")
CAPTIVE_VERB_BEFORE_RE = regex.compile(r"\b" + CAPTIVE_VERBS + r"\s+$")
# ... and so does such a deed's noun ("the release of <name>", "the arrest of <name> on Monday", "the late <name>")
CAPTIVE_NOUN_BEFORE_RE = regex.compile(
    r"\b(?:(?:release|arrest|detention|execution|imprisonment|pardon|pardoning|freeing|jailing|sentencing|abduction"
    r"|kidnapping|extradition|deportation|acquittal)\s+of|the\s+late)\s+$", regex.IGNORECASE)
PHRASE_END_AFTER_RE = regex.compile(
    r"^(?:\s*[,.;:)!?]|\s*$|\s+(?:on|in|at|from|after|and|who|as|last|this|earlier|when|for|to|with|following|under"
    r"|amid|because|before|early|late|into|over|until|since|but|while|were|was|had|have|has)\b)")
PASSIVE_CAPTIVE_AFTER_RE = regex.compile(
    r"^\s+(?:was|were|had\s+been|has\s+been|have\s+been|is\s+being|are\s+being|will\s+be|would\s+be|to\s+be)\s+"
    r"(?:\w+ly\s+)?(?:(?:freed|pardoned|jailed|imprisoned|detained|arrested|sentenced|executed|deported|abducted"
    r"|kidnapped|exiled|exchanged|swapped)\b|released\s+(?:from|early|after|on|in|last|under|as\s+part)\b)")
# a ship is named like a person: a name right after what the ship is ("the tanker <name>", "the vessel <name>",
# "MV <name>") is the ship's (issue 22, class 8: ships taken for people)
VESSEL_BEFORE_RE = regex.compile(r"(?:\b(?:tankers?|vessels?|ships?|freighters?|yachts?|superyachts?|frigates?|warships?"
                                 r"|ferry|ferries|trawlers?|carriers?|boats?)(?:\s+(?:named|called|dubbed|christened))?"
                                 r"|\b(?:MV|MT|M/V|M/T|RV|SS|HMS|USS))\s+$")
# the first name of a list that a group of people opens ("freed 12 prisoners, including <name>, <name> and <name>",
# "five people, among them <name>"): the names are members of that group, people (issue 22, class 7: comma lists
# of the freed; the rest of the list follows its first name in _list_mates)
PEOPLE_NOUNS_PLURAL = sorted({n + "s" for n in ROLE_NOUN_SET if not n.endswith(("man", "woman"))}
                             | {n[:-3] + "men" for n in ROLE_NOUN_SET if n.endswith("man")}
                             | {"people", "persons", "men", "women", "inmates", "individuals", "opponents",
                                "politicians", "others", "elite", "elites", "relatives", "family"},
                             key=len, reverse=True)
PEOPLE_LIST_BEFORE_RE = regex.compile(
    r"\b(?:" + "|".join(PEOPLE_NOUNS_PLURAL) + r")\b"
    # (a few words between, none that makes the list another group's: "representatives of firms, including <firm>")
    r"(?:[\s,]+(?!(?:of|from|at|with|for|representing)\b)[\w’'\-]+){0,6}?(?:,\s*|\s+)"
    r"(?:including|among\s+them|among\s+whom|such\s+as|namely)\s+$")
# a preposition before a name makes it no subject of the passive after it ("the girls freed by <group> were
# exchanged": the group is the agent of a clause inside the subject)
PREPOSITION_BEFORE_RE = regex.compile(r"\b(?:by|of|for|from|with|to|in|on|at|against|among|between|about|under"
                                      r"|over|than|via)\s+$", regex.IGNORECASE)
ARTICLES = frozenset({"the", "a", "an"})
# words after which a capitalised name is where something happens ("a rally in <region>"), not who
LOCATIVE_BEFORE_RE = regex.compile(r"\b(?:in|near|across|throughout|inside|outside)\s+$")
QUOTE_MARKS = frozenset("\"“”«»")
# "<name>, the State Department's special envoy": what the person is, after a comma (a role noun ends it)
ROLE_AFTER_COMMA_RE = re.compile(r",\s+(?:the|a|an|its|their|his|her)\s+(?:[\w’'\-]+\s+){0,5}?(?:"
                                 + "|".join(sorted(ROLE_NOUN_SET, key=len, reverse=True))
                                 # (not "<place>, the prime minister <name> said": a role before its own name)
                                 + r")s?\b(?!\s+(?-i:[A-Z]))", re.I)
LIST_ROLE_RE = re.compile(r"(?:including|such as|among|like)\b", re.I)
WORD_RE = regex.compile(r"\S+")
ROLE_TITLE_WORDS = frozenset({"adviser", "advisor", "counsellor", "counselor", "representative", "attorney",
                              "negotiator", "coordinator", "commander", "marshal", "chief", "speaker"})
ROLE_FILLER_RE = regex.compile(
    r"^(?:(?:another|key|prominent|leading|notable|well-known|senior|top|veteran|jailed|"
    r"imprisoned|detained|renowned|famous|popular|influential|high-profile|longtime|long-time)\s+)+",
    regex.IGNORECASE,
)
MENTION_SCHEMA = {
    "doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64, "char_end": pl.Int64,
    "surface": pl.String, "name": pl.String, "role": pl.String, "confidence": pl.String,
}
CANDIDATE_SCHEMA = {
    "doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64, "char_end": pl.Int64,
    "surface": pl.String, "role": pl.String, "n_tokens": pl.Int32, "is_person": pl.Boolean,
    "has_title": pl.Boolean, "is_headline": pl.Boolean,
}


# "the head of <body>, " before a name: a role noun with its body, then the name in commas (issue 22, class 7)
# (only offices one person holds: "a member of the band, <name>," names the band as often as a member)
OFFICE_HOLDER_NOUNS = ("head", "chief", "leader", "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman",
                       "spokesperson", "director", "president", "minister", "secretary", "commander", "governor",
                       "mayor", "founder", "co-founder", "editor", "ambassador", "envoy", "prosecutor", "judge")
OFFICE_BEFORE_RE = regex.compile(
    # (the office capitalised too, and a "-general" compound: "The Commissioner-General of <body>, <name>,")
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?P<role>(?:[a-z\-]+\s+|\p{Lu}[a-z\-]+\s+){0,2}?(?i:(?:"
    + "|".join(OFFICE_HOLDER_NOUNS) + r"|commissioner)(?:-general)?)\s+"
    r"(?:of|at|for|in|from)\s+[^,;:()\"“”]{2,60}?)\s+$")


OFFICE_LOWER_BEFORE_RE = regex.compile(
    r"(?<![\p{L}\-])(?P<role>(?i:" + "|".join(OFFICE_HOLDER_NOUNS) + r")\s+(?:of|at|for)\s+(?:the\s+)?"
    r"(?!(?:the|a|an)\s)(?:[a-z][a-z\-]*\s+){1,5})$")


def _role_before(sentence: str, start: int) -> str | None:
    """Role words right before a name: 'Nobel Peace Prize laureate', 'a Warsaw-based analyst'."""
    window = sentence[max(0, start - 80):start]
    if window.endswith(", "):  # "<name> and his deputy, <name>": the role before an apposed name
        window = window[:-2] + " "
        # "the head of <a body>, <name>,": the role and the body it heads, then the name set off by commas
        office = OFFICE_BEFORE_RE.search(window)
        if office:
            return office.group("role").strip()
    else:
        # "spokesperson for the ministry of external affairs <name>": an office and its body in lower case, then
        # the name with no comma (issue 22, class 7)
        office = OFFICE_LOWER_BEFORE_RE.search(window)
        if office:
            return office.group("role").strip()
    last = window.split()[-1:] or [""]
    word = last[0].lower()
    if "-" in word and any(part in ROLE_NOUN_SET for part in word.split("-")):
        return word  # "secretary-general <name>", "party co-chair": a compound role word (issue 22, class 7)
    if word in KIN_PLURALS and window.rstrip().endswith(word) and regex.search(
            r"\b(?:his|her|their|whose|its|two|three|four)\s+(?:\w+\s+)?" + word + r"\s*$", window, regex.IGNORECASE):
        return word  # "his children, <given> and <given>": kin in the plural, then their given names (issue 22, class 7)
    if word not in ROLE_NOUN_SET and not (word.endswith("s") and word[:-1] in ROLE_NOUN_SET) \
            and not IST_ROLE_RE.fullmatch(word):
        return None  # cheap test first: the regex below backtracks
    # a match is at most five letter runs up to the end: start the search where that suffix starts
    # (same leftmost match, without trying every position of the window)
    tail = ROLE_TAIL_RE.search(window)
    m = PRE_ROLE_RE.search(window, tail.start()) if tail else None
    if not m:
        return None
    role = m.group("role").strip()
    words = role.split()
    # keep only the noun phrase: cut at a verb-ish or function word
    for i in range(len(words) - 1, -1, -1):
        if fold(words[i]) in {"the", "a", "an", "were", "was", "including", "and", "by", "of",
                              "with", "from", "to", "that", "as", "for", "said", "told"}:
            words = words[i + 1:]
            break
    return " ".join(words) or None


# kin in the plural whose singular is no role noun ("his children, <given> and <given>")
KIN_PLURALS = frozenset({"children", "parents", "grandchildren", "siblings", "twins"})


# the last words of an office's name, before its holder's name ("... for Foreign Affairs Penny Wong")
OFFICE_WORDS = frozenset("""affairs defence defense security interior justice finance trade treasury commerce
    health economy energy education council ministry department office state affairs presidency
    prosecutions prosecution government""".split())


def _is_place_token(token: str, places: frozenset[str]) -> bool:
    word = fold(token).rstrip(",.;:").removesuffix("'s").removesuffix("’s")
    return word in places


# "venture capitalist <name>", "novelist <name>": a lower-case word in -ist before a name is a role
IST_ROLE_RE = regex.compile(r"[a-z]{3,}ists?")
PLACE_LEAD_WORDS = frozenset({"new", "north", "south", "east", "west", "northern", "southern", "eastern", "western"})


def _office_word(word: str) -> bool:
    """A word of an office's or a body's name, never a given name's (folded)."""
    return (word in ORG_WORDS or word in OFFICE_WORDS or word in TITLE_WORDS or word in ROLE_TITLE_WORDS
            or word in NON_NAME_WORDS or word in BODY_WORDS or word in place_words())


def _is_demonym(word: str) -> bool:
    """A demonym that is not also a country's own name: the derived demonyms hold a few country names ("mali",
    "haiti": stem + "i"), and "<country> <surname>" is no nationality before a name ("Mali Khan"; issue 22, class 7)."""
    return word in demonyms() and word not in country_names()


@lru_cache(maxsize=200_000)
def _peel_run(text: str, mid: bool = False) -> tuple | None:
    """The part of classify_candidate that depends on the capitalised run alone (runs repeat: cached); `mid`: the
    run stands inside a sentence, after a lower-case word or a comma.

    None when the run is not a name; else (start and end of the name in the run, has_title, role
    words of the prefix, number of tokens, first token is a given name, prefix has an article)."""
    tokens = [(t.start(), t.end(), t.group()) for t in WORD_RE.finditer(text)]
    # a surname in capitals closes a name only after a given name ("Faruk YILMAZ"), else it is an acronym
    if len(tokens) > 1 and tokens[-1][2].isupper() and len(tokens[-1][2]) >= 4 and (
            tokens[-1][2] in CAPS_ACRONYMS or fold(tokens[-1][2]) in place_words()
            or not any(is_given_name(t[2]) for t in tokens[:-1])):
        tokens.pop()
    # a regnal number closing a sentence keeps no full stop ("... King <name> V."; issue 22, class 7)
    if len(tokens) > 1 and regex.fullmatch(r"[IVX]{1,4}\.", tokens[-1][2]):
        tokens[-1] = (tokens[-1][0], tokens[-1][1] - 1, tokens[-1][2][:-1])
    regnal = len(tokens) > 1 and regex.fullmatch(r"[IVX]{1,4}", tokens[-1][2]) is not None
    prefix: list[str] = []
    # a headline's Title Case verb ends what stands before it: "<Country> Bans <A B>", "<A> Lifts Sanctions on <B C>,
    # Meets <D E>" name A B and D E (a verb opening the run only after a comma: a line may open with "Grants ...";
    # issue 22, class 8)
    verb = next((i for i, t in enumerate(tokens) if fold(t[2]) in HEADLINE_VERBS and len(tokens) - i > 2
                 and (i > 0 or mid)), None)
    if verb is not None:
        prefix, tokens = [t[2] for t in tokens[:verb + 1]], tokens[verb + 1:]
        if not (is_given_name(tokens[0][2]) or fold(tokens[0][2]) in TITLE_WORDS) \
                or any(fold(t[2]) in HEADLINE_VERBS for t in tokens):
            return None  # "<King> Grants Royal Pardons": no name after the verb
    if len(tokens) > 2 and tokens[-1][2].isupper() and len(tokens[-1][2]) >= 4:
        # "... Systems Directorate Mustafa Ali DEMIR": the name starts at its given name
        first = next(i for i, t in enumerate(tokens) if is_given_name(t[2]))
        prefix, tokens = [t[2] for t in tokens[:first]], tokens[first:]
    # a demonym of two words, or its plural, is no name ("Sri Lankans"), nor part of one ("Sri Lankan <name>")
    # (issue 22, class 7)
    if len(tokens) >= 2 and " " in (pair := fold(tokens[0][2] + " " + tokens[1][2])) and (
            _is_demonym(pair) or (pair.endswith("s") and _is_demonym(pair[:-1]))):
        if len(tokens) == 2:
            return None
        prefix += [tokens[0][2], tokens[1][2]]
        tokens = tokens[2:]
    # leading titles, demonyms and sentence-start function words are not part of the name
    while tokens:
        word = fold(tokens[0][2])
        if (word in NAME_TITLES or (regnal and word in REGNAL_NAME_TITLES)) and len(tokens) > 1:
            break  # "Pope Francis" is the name itself; so is "Sultan <name> V", a ruler's regnal name
        if mid and not prefix and word in NAME_FUNCTION_WORDS and len(tokens) > 1:
            break  # "... and Or <surname>", "by Can <middle> <given>": a function word in capitals mid-sentence
        if (word in TITLE_WORDS or word.split("-")[0] in TITLE_WORDS or _is_demonym(word) or word in CLERGY_TITLES
                or ("-" in word and all(part in demonyms() for part in word.split("-")))  # "French-Israeli"
                # (a given name is no demonym's plural: "Francis" is no "Franci" + s; session 19)
                or word in NOUN_DEMONYMS or (len(tokens) > 1 and word.endswith("s") and word[:-1] in demonyms()
                                             and not is_given_name(tokens[0][2]))
                or word.endswith("-year-old")  # "Thirty-four-year-old <name>": an age, told in _classify
                or word in NON_NAME_WORDS or word.endswith(("-based", "-linked", "-born", "-backed"))
                or word in LEAD_FUNCTION_WORDS
                or (word in ROLE_NOUN_SET and len(tokens) > 2 and is_given_name(tokens[1][2]))  # "Businessman <name>"
                # "Editor-in-chief <given> <surname>", "Vice-chairman ...": a compound role word opening the run
                # (issue 22, class 7; a hyphenated name has no role noun among its parts)
                or (len(tokens) > 2 and "-" in word and any(part in ROLE_NOUN_SET for part in word.split("-")))
                # "Journalists <given> <surname>, <given> <surname> ...": a role in the plural opens a list
                or (len(tokens) > 2 and word.endswith("s") and word[:-1] in ROLE_NOUN_SET)
                # ... or a rank or title in the plural ("Colonels <given> <surname> and ..."; issue 22, class 7)
                or (len(tokens) > 2 and word.endswith("s") and (word[:-1] in TITLE_WORDS or word[:-1] in ROLE_TITLE_WORDS))
                # "Counsellor <given> <two> <three>", "Begum <given> <surname>": a role title or an honorific
                # opening a run of three or more words is no part of the name (issue 22, class 7)
                or (len(tokens) > 2 and (word in ROLE_TITLE_WORDS or word in LEAD_HONORIFICS))):
            prefix.append(tokens[0][2])
            tokens.pop(0)
        else:
            break
    # "New Hampshire", "South Carolina", "New York City": what follows a compass word or "New" is a place
    if prefix and fold(prefix[-1]) in PLACE_LEAD_WORDS and len(tokens) <= 2 \
            and not any(fold(t[2]) in TITLE_WORDS or fold(t[2]) in ROLE_TITLE_WORDS for t in tokens):
        return None
    # "Special Envoy for Syria <name>", "Minister for Foreign Affairs <name>", "President of <country>
    # <name>": places and office words that end a job title are not part of the name
    places = place_words()
    while len(tokens) > 2 and (_is_place_token(tokens[0][2], places) or fold(tokens[0][2]) in OFFICE_WORDS) \
            and is_given_name(tokens[1][2]) and (not is_given_name(tokens[0][2])  # "Vladimir" is a city too
                                                 or fold(tokens[0][2]).rstrip(",.") in country_names()):
        prefix.append(tokens[0][2])
        tokens.pop(0)
    # "National Security Adviser Jake Sullivan": the name is what follows the last title word
    folded = [fold(t[2]) for t in tokens]
    last_title = max((i for i, w in enumerate(folded[:-1]) if (w in TITLE_WORDS or w in ROLE_TITLE_WORDS)
                      and w not in NAME_TITLES and not (regnal and w in REGNAL_NAME_TITLES)
                      # "<given> Sheikh <name>": an honorific inside a name a given name opens is part of it (session 17)
                      and not (w in MID_NAME_HONORIFICS and i >= 1 and all(is_given_name(t[2]) for t in tokens[:i]))),
                     default=None)
    rest = folded[last_title + 1:] if last_title is not None else []
    if last_title is not None and (is_given_name(tokens[last_title + 1][2]) or (
            # "Chief Cabinet Secretary <surname> <given name>": two plain words after an office of 2+ words
            # ... or three ("Deputy Speaker <given> <middle> <surname>", "Law Minister <one> <two> <three>": names
            # of Indonesia and others whose given names no English lexicon holds; issue 22, class 7)
            # (a single role title opening the run does too: "Commander <given> <surname>"; issue 22, class 7)
            (last_title >= 1 or any(fold(p) in TITLE_WORDS for p in prefix)
             or (len(rest) == 2 and folded[last_title] in ROLE_TITLE_WORDS))
            and len(rest) in (2, 3) and not any(
                w in ORG_WORDS or w in NON_NAME_WORDS or w in TITLE_WORDS or w in PLACE_BODY_HEADS or w in place_words()
                or (len(rest) == 3 and w in ROLE_NOUN_SET)  # "... Chief Prosecutor <given> <surname>"
                for w in rest)
            # (three only after a title that is a noun: "Special Rapporteur <given> <surname>" is no name of three)
            and (len(rest) == 2 or folded[last_title] in PERSON_TITLES or folded[last_title] in ROLE_TITLE_WORDS))):
        prefix.extend(t[2] for t in tokens[:last_title + 1])
        tokens = tokens[last_title + 1:]
    if not tokens:
        return None
    folded = [fold(t[2]) for t in tokens]
    if folded[0] in FOREIGN_ARTICLES and len(tokens) > 1 and not (
            # "Le <middle> <given>": a Vietnamese surname, not the French article ("Le Monde"), before two given names
            folded[0] == "le" and len(tokens) == 3 and all(is_given_name(t[2]) for t in tokens)):
        return None
    if all(len(t[2]) <= 2 and t[2].endswith(".") for t in tokens):
        return None
    if (len(tokens) >= 4 and regex.fullmatch(r"\p{Lu}\.", tokens[-2][2]) and is_given_name(tokens[-3][2])
            and not any(w in NAME_TITLES for w in folded)
            and any(w in ORG_WORDS or w in OFFICE_WORDS or w in TITLE_WORDS for w in folded[:-3])):
        # "... Financial Intelligence <given name> <initial>. <surname>": the same, with a middle initial
        prefix.extend(t[2] for t in tokens[:-3])
        tokens, folded = tokens[-3:], folded[-3:]
    elif (len(tokens) >= 3 and is_given_name(tokens[-2][2]) and not regex.fullmatch(r"[IVX]{1,4}", tokens[-1][2])
            and not any(w in ORG_WORDS or w in NON_NAME_WORDS or w in TITLE_WORDS for w in folded[-2:])
            and not any(w in NAME_TITLES for w in folded)
            and (any(w in ORG_WORDS or w in OFFICE_WORDS or w in TITLE_WORDS for w in folded[:-2])
                 # "head of BrandCo <given name> <surname>": a word with an inner capital is a company's
                 or regex.fullmatch(r"\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+", tokens[0][2]) is not None)):
        # "... Financial Intelligence <given name> <surname>": the office's name ends where the person's starts
        # ... at the first of the given names before the surname ("Navy Seal <given> <given> <surname>", a
        # Vietnamese "Public Security <surname> <middle> <given>" whose every word the lexicon knows; issue 22)
        cut = len(tokens) - 2
        while cut > 1 and is_given_name(tokens[cut - 1][2]) and not _office_word(folded[cut - 1]):
            cut -= 1
        prefix.extend(t[2] for t in tokens[:cut])
        tokens, folded = tokens[cut:], folded[cut:]
    elif (len(tokens) >= 3 and (folded[-3] in OFFICE_WORDS or folded[-3] in ORG_WORDS)
            and not regex.fullmatch(r"[IVX]{1,4}", tokens[-1][2])
            and not any(w in ORG_WORDS or w in NON_NAME_WORDS or w in TITLE_WORDS or w in OFFICE_WORDS
                        or w in place_words() for w in folded[-2:])
            and not any(w in NAME_TITLES for w in folded)
            and all(regex.fullmatch(r"\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?", t[2]) for t in tokens[-2:])):
        # ... and where the lexicon knows no given name of the holder: the office's name ends on its last word, the
        # two words after it are the holder's ("Director of Public Prosecutions <A> <B>", "Secretary to the State
        # Government <A> <B>", "Minister of Foreign Affairs <A> <B>"; session 20)
        prefix.extend(t[2] for t in tokens[:-2])
        tokens, folded = tokens[-2:], folded[-2:]
    # six capitalised words or more left after the cuts above are no one person's name but a string of honorifics,
    # titles or names run together (no gold person of the six sets has more than four; issue 22, class 8)
    if sum(t[2][:1].isupper() for t in tokens) >= 6:
        return None
    # (an organisation word in the plural too: "<word> Aid Ministries", "<word> Industries"; issue 22, class 8)
    if any(w in ORG_WORDS or w in BODY_WORDS or (w.endswith("ies") and w[:-3] + "y" in ORG_WORDS) for w in folded) \
            or any(w in NON_NAME_WORDS and not (i == 0 and mid and w in NAME_FUNCTION_WORDS)
                   and not (0 < i < len(folded) - 1 and len(tokens[i][2]) == 1)  # a middle initial "A"
                   and not (i == 1 == len(folded) - 1 and w in SURNAME_WORDS and is_given_name(tokens[0][2])
                            and folded[0] not in country_names())  # "<given> May", "<given> Among"
                   for i, w in enumerate(folded)) \
            or folded[-1].rstrip(",.;:") in PLACE_BODY_HEADS:
        return None
    if folded[-1].rstrip(",.;:") in PLACE_TIME_HEADS and len(tokens) >= 2 and not is_given_name(tokens[0][2]):
        return None  # "<word> Day", "<town> Hills": a holiday or a place (a "<given> Hills" is a person)
    if len(tokens) >= 2 and folded[-1].rstrip(",.;:") in ROLE_NOUN_SET and folded[-1] not in SURNAME_TITLES \
            and not any(is_given_name(t[2]) for t in tokens[:-1]):
        return None  # "Public Prosecutor", "<city> Chief Prosecutor": an office, no name (issue 22, class 8)
    if len(tokens) == 2 and not is_given_name(tokens[0][2]) and folded[1].rstrip(",.;:") in country_names():
        return None  # "Neutral <country>", "Landlocked <country>": an adjective before a country (issue 22, class 8)
    if any(w in TITLE_WORDS and w not in NAME_TITLES and not (regnal and i == 0 and w in REGNAL_NAME_TITLES)
           and not (i == len(folded) - 1 and w in SURNAME_TITLES and is_given_name(tokens[0][2]))  # "<given> King"
           and not (w in MID_NAME_HONORIFICS and i < len(folded) - 1
                    and all(is_given_name(t[2]) for t in tokens[:i]))  # "<given> Sheikh <name>"
           for i, w in enumerate(folded[1:], 1)):
        return None  # "Ortega Regime", "Peace Prize": not a name
    places = place_words()
    if " ".join(folded) in places or all(w in places or w.removesuffix("s") in places for w in folded):
        return None  # "Iran", "Tehran", "Armenians"
    title_cues = [fold(p) for p in prefix]
    has_title = any(p in PERSON_TITLES for p in title_cues) or (
        (folded[0] in NAME_TITLES or (regnal and folded[0] in REGNAL_NAME_TITLES)) and len(tokens) > 1)
    role_parts = [p for p in prefix if fold(p) not in NON_NAME_WORDS and fold(p) not in LEAD_FUNCTION_WORDS
                  and not fold(p).endswith("-year-old")]
    n = len(tokens)
    given = n >= 2 and is_given_name(tokens[0][2]) or (
        # "<surname> <given name> <patronymic>", as lists and registers of the former Soviet states write it
        n == 3 and is_given_name(tokens[1][2]) and PATRONYMIC_RE.fullmatch(tokens[2][2]) is not None)
    # "The Long Road" is a noun phrase; "The Honourable <given name> <surname>" is a titled person
    article = any(fold(p) in ARTICLES for p in prefix) and not (
        given and fold(prefix[-1]) in TITLE_WORDS and fold(prefix[-1]) not in ARTICLES)
    return tokens[0][0], tokens[-1][1], has_title, tuple(role_parts), n, given, article


def classify_candidate(sentence: str, m_start: int, m_end: int) -> dict | None:
    """Peel titles/demonyms/possessive off one capitalised run; None when it is not a name."""
    found = _classify(sentence, m_start, m_end)
    if found is None:
        return None
    start, end, role, n, is_person, has_title = found
    return {
        "char_start": start, "char_end": end, "surface": sentence[start:end], "role": role,
        "n_tokens": n, "is_person": is_person, "has_title": has_title,
    }


# what follows a name that its cues read (possessive, apposition up to 80 characters, speech verb)
AFTER_WINDOW = 400


def _classify(sentence: str, m_start: int, m_end: int) -> tuple | None:
    """classify_candidate as a tuple (start, end, role, n_tokens, is_person, has_title): no dict per run."""
    peeled = _peel_run(sentence[m_start:m_end], bool(MID_SENTENCE_RE.search(sentence, max(0, m_start - 3), m_start)))
    if peeled is None:
        return None
    first, last, has_title, role_parts, n, given, article = peeled
    start = m_start + first
    end = m_start + last
    # a dotted title the run before kept apart ("Republican Sen. <name>", "Texas Gov. <name>": the capitalised word
    # before the title took the title's word into its own run, and the dot ended it; issue 22, class 7)
    title_before = DOTTED_TITLE_BEFORE_RE.search(sentence, max(0, m_start - 8), m_start) if first == 0 else None
    if title_before:
        has_title = True
        role_parts = role_parts or (title_before.group().strip(),)
    after = sentence[end:end + AFTER_WINDOW]  # a window, not the rest: linear in a long sentence
    if after.startswith(".") and DOTTED_TITLE_END_RE.search(sentence, start, end + 1):
        return None  # "Senior Gen.", a title cut off its name by the sentence split, is no name
    if CREDIT_AFTER_RE.match(after) or CREDIT_BEFORE_RE.search(sentence, max(0, start - 3), start) \
            or CREDIT_LABEL_BEFORE_RE.search(sentence, max(0, start - 14), start):
        return None  # "[File: <name>/<agency>]", "IMAGE/<name>/<agency>": a picture's credit, furniture
    if PLACE_OF_BEFORE_RE.search(sentence, max(0, start - 30), start):
        return None  # "the month of <name>", "the town of <name>": a time or a place
    if VESSEL_BEFORE_RE.search(sentence, max(0, start - 14), start):
        return None  # "the tanker <name>": a ship
    if FIRM_BEFORE_RE.search(sentence, max(0, start - 40), start):
        return None  # "the company <name>", "analysts at <name>": a firm named after people (session 18)
    poss = POSSESSIVE_RE.match(after)
    after_name = after[poss.end():] if poss else after
    # (a possessive name right after a comma opens an apposition whose head is the noun after it: "an official,
    # <name>'s wife, <given>": the role is the wife's, not the possessor's)
    before = None if poss and sentence[max(0, m_start - 2):m_start] == ", " else _role_before(sentence, m_start)
    appo = APPOSITION_RE.match(after_name) if not poss else None
    role = None
    if appo and (LIST_ROLE_RE.match(appo.group("role")) or CLAUSE_ROLE_RE.search(appo.group("role"))):
        appo = None  # "Armenians, including former leaders": a list, not an apposition; nor a clause (below)
    if before and n == 1 and fold(before.split()[-1]) in KIN_WORDS:
        role = before  # "<A>'s father, <given>, told reporters": whose kin the lone given name is (mentions._kin_surnames)
    elif appo:
        role = appo.group("role").strip()
    elif role_parts:
        lead = sentence[max(0, m_start - 200):m_start].split()
        pre = [w for w in lead[-2:] if fold(w).rstrip(".") in {"former", "ex", "late", "us", "u.s", "acting"}
               or fold(w) in demonyms()]
        role = " ".join(pre + list(role_parts))
    elif before:
        role = before
    # a lone capitalised word that speaks is too often an organisation or a plural ("Viasna said",
    # "Ministers said"): only full names count on a speech verb alone
    speech = n >= 2 and (bool(SPEECH_VERB_RE.match(after_name))
                         or bool(QUOTE_SAID_BEFORE_RE.search(sentence, max(0, start - 16), start)))
    # "23-year-old <name>", "<name>, who ...": an age and a relative "who" tell a person (issue 22, class 7)
    # (the age may open the capitalised run itself: "Thirty-four-year-old <name>", peeled off it)
    cue = n >= 2 and (bool(WHO_AFTER_RE.match(after_name)) or (not poss and bool(
                          ONE_OF_AFTER_RE.match(after) or DASH_ROLE_AFTER_RE.match(after))) or bool(AGE_BEFORE_RE.search(sentence, max(0, start - 30), start))
                      or (not poss and bool(AGE_AFTER_RE.match(after)))
                      or (poss is not None and bool(KIN_AFTER_POSSESSIVE_RE.match(after_name)))
                      or (bool(PEOPLE_LIST_BEFORE_RE.search(sentence, max(0, start - 80), start))
                          and bool(PHRASE_END_AFTER_RE.match(after)))
                      or (not poss and bool(PASSIVE_CAPTIVE_AFTER_RE.match(after))
                          and not PREPOSITION_BEFORE_RE.search(sentence, max(0, start - 12), start))
                      or (not poss and (bool(CAPTIVE_VERB_BEFORE_RE.search(sentence, max(0, start - 20), start))
                                        or bool(CAPTIVE_NOUN_BEFORE_RE.search(sentence, max(0, start - 24), start)))
                          and bool(PHRASE_END_AFTER_RE.match(after))))
    # "his daughter <given name>", "whose mother, <given name>,", "his counterpart, <given name>": a known given
    # name alone right after a kin or role word is the person (issue 22, class 7)
    lone_given = n == 1 and bool(before) and _lone_given_name(sentence[start:end])
    # a role word peeled off the run's front ("Editor-in-chief <name>", "Journalists <name> ...") tells a person as
    # a role word before the run does
    # ... and so does a role title or a military rank ("Commander <given> <surname>", "Captains <name>, <name>"),
    # for names whose given name no English lexicon holds (issue 22, class 7)
    eponym = (n == 1 and bool(EPONYM_AFTER_RE.match(after_name)) and _may_be_eponym(sentence[start:end])
              and not NAME_WORD_BEFORE_RE.search(sentence, max(0, start - 40), start))
    role_front = n >= 2 and any(_is_role_word(fold(p)) or (
        (fold(p) in FRONT_RANKS or fold(p).removesuffix("s") in FRONT_RANKS)
        and fold(sentence[start:end].split()[0]) not in place_words()) for p in role_parts)
    is_person = (given or has_title or bool(appo) or bool(before and n >= 2) or speech or cue or lone_given
                 or role_front or eponym)
    if not poss and FACILITY_AFTER_RE.match(after_name):
        return None  # "Imam <name> airport", "the <name> prison": a place named after a person, even with a title
    if not poss and not has_title and (VESSEL_BEFORE_RE.search(sentence, max(0, start - 30), start)
                                       or NUMBER_AFTER_RE.match(after_name)):
        is_person = False  # "the tanker <name> 1", "the oil tanker <name>": a ship's name (issue 22, class 8)
    if is_person and not has_title and not poss and ORG_NOUN_AFTER_RE.match(after_name):
        is_person = False  # "the Night Riders motorcycle club": the name of the thing the next words say it is
    if article and not eponym:
        is_person = False  # "The Long Road", "A Glimmer": a noun phrase, not a name ("The <Surname> administration" is)
    if n >= 2 and not has_title and fold(sentence[start:end].split()[-1]).rstrip(".,;:") in COMPANY_NAME_WORDS:
        is_person = False  # "<A> Technologies", "<A> Shipping": a company named for what it does (issue 22, class 8)  # "The Long Road", "A Glimmer": a noun phrase, not a name
    if is_person and not has_title and not poss and not appo and not role_front and not speech and not cue \
            and not ROLE_AFTER_COMMA_RE.match(after_name) and (
            LOCATIVE_BEFORE_RE.search(sentence, max(0, start - 12), start)
            or (sentence[start - 1:start] in QUOTE_MARKS and sentence[end:end + 1] in QUOTE_MARKS)):
        # "a rally in <region>", "ejected over <region> and <region>": a place; "tweeted: '<slogan>'": a quote whole,
        # not a person, whatever given name opens it (issue 22, class 8)
        is_person = False
    if role:
        role = ROLE_FILLER_RE.sub("", role).strip() or None
    return start, end, role, n, is_person, has_title


# ranks and role titles that, opening a run, tell the person after them
FRONT_RANKS = ROLE_TITLE_WORDS | frozenset({"captain", "colonel", "lieutenant", "sergeant", "admiral", "commodore"})


def _may_be_eponym(word: str) -> bool:
    """A lone capitalised word before "administration" or "government" that may be a leader's surname: no place,
    people, party, organisation or function word ("the <country> government", "the Kremlin administration")."""
    folded = fold(word).rstrip(".,;:")
    return ("-" not in folded and folded not in NON_EPONYMS and folded not in place_words()
            and folded not in demonyms() and folded not in NON_NAME_WORDS and folded not in ORG_WORDS
            and folded not in TITLE_WORDS and not _is_role_word(folded) and not folded.isupper()
            # an adjective's ending: "the <creed>-ist regime", "the Presidential Administration"
            and not folded.endswith(("ist", "ial", "ese")))


def _is_role_word(word: str) -> bool:
    """A role noun, its plural, or a compound of one ("editor-in-chief", "co-founder"), folded."""
    return any(part in ROLE_NOUN_SET or part.removesuffix("s") in ROLE_NOUN_SET for part in word.split("-"))


def _lone_given_name(word: str) -> bool:
    """A word the given-name lexicon knows that is no place nor function word (a lone "Jordan" is the country)."""
    folded = fold(word)
    return is_given_name(word) and folded not in place_words() and folded not in NON_NAME_WORDS


# sentence -> its candidates as a non-headline (sentence_candidates(sentence, False) as a tuple), filled by
# find_name_candidates inside `shared_candidates()`: the sanction rules then read a sentence's candidates
# from here instead of finding them a second time (designations.sentence_candidates)
# (per thread: the facts of several blocks are extracted on several threads at once, and a block's exit must not
# leave another block's memo in place)
_LOCAL = threading.local()


def _shared() -> dict[str, tuple] | None:
    return getattr(_LOCAL, "shared", None)


@contextmanager
def shared_candidates():
    """Within the block, find_name_candidates keeps every sentence's candidates for the sanction rules."""
    before = _shared()
    _LOCAL.shared = {}
    try:
        yield
    finally:
        _LOCAL.shared = before


def shared_candidates_of(sentence: str) -> tuple | None:
    """The candidates find_name_candidates found for a (non-headline) sentence in this block, else None."""
    shared = _shared()
    return shared.get(sentence) if shared is not None else None


def find_name_candidates(sentences: pl.DataFrame) -> pl.DataFrame:
    """Capitalised runs that may be people, one row per candidate, with sentence-relative cues."""
    cols = sentences.select("doc_id", "sent_idx", "char_start", "sentence", "is_headline")
    # sentences repeat across documents (wire copy, boilerplate): each distinct one is analysed once,
    # and its candidates are copied to the rows that hold it by index (no Python loop per output row)
    memo: dict[tuple[str, bool], int] = {}
    found: list[list[tuple]] = []
    row_key = []
    shared = _shared()
    for key in zip(cols["sentence"], cols["is_headline"]):
        uid = memo.get(key)
        if uid is None:
            uid = memo[key] = len(found)
            cands = sentence_candidates(*key)
            found.append([(*c, _told_as_organisation(key[0], c)) for c in cands])
            if shared is not None and not key[1]:
                shared[key[0]] = tuple(cands)
        row_key.append(uid)
    out = expand_rows(cols.drop("sentence"), row_key, found, _SENTENCE_CANDIDATE_SCHEMA)
    # a name its document once tells as an organisation ("the <A> <B> gang", "<A> <B> group") is none of the
    # document's people, whatever given name opens it ("<given> <word>" lists of designated groups; issue 22,
    # class 8): only a title still tells a person
    orgs = out.filter(pl.col("is_org") & (pl.col("n_tokens") >= 2)).select("doc_id", "surface").unique()
    # ... and a name its document writes as a firm's, a corporate word after it ("<A> <B> Group is a casino
    # business", then "links to <A> <B> and <C> Group"): a conglomerate named like a person (issue 22, class 8)
    firms = (cols.lazy().filter(pl.col("sentence").str.contains(FIRM_OF_NAME_PREFILTER))
             .select("doc_id", surface=pl.col("sentence").str.extract_all(FIRM_OF_NAME_RE))
             .explode("surface").drop_nulls("surface")
             .select("doc_id", pl.col("surface").str.replace(FIRM_WORD_END_RE, "")).collect())
    if firms.height:
        orgs = pl.concat([orgs, firms.filter(pl.col("surface").str.contains(" "))]).unique()
    if orgs.height:
        # (marked ORG_ROLE too: a name another document of the batch tells as a person would make this document's
        # mentions of it people, `mentions.resolve_mentions_in_documents`, which leaves the marked ones out)
        org = pl.col("_org").fill_null(False) & ~pl.col("has_title")
        out = out.join(orgs.with_columns(_org=pl.lit(True)), on=["doc_id", "surface"], how="left",
                       maintain_order="left").with_columns(
            is_person=pl.col("is_person") & ~org,
            role=pl.when(org).then(pl.lit(ORG_ROLE)).otherwise(pl.col("role")))
    return out.select(
        "doc_id", "sent_idx", (pl.col("char_start") + pl.col("s")).alias("char_start"),
        (pl.col("char_start") + pl.col("e")).alias("char_end"), *("surface", "role", "n_tokens", "is_person", "has_title", "is_headline"),
    ).cast(CANDIDATE_SCHEMA)


_SENTENCE_CANDIDATE_SCHEMA = {"s": pl.Int64, "e": pl.Int64, "surface": pl.String, "role": pl.String,
                              "n_tokens": pl.Int32, "is_person": pl.Boolean, "has_title": pl.Boolean,
                              "is_org": pl.Boolean}


# the kinds of organisation that, right before a name or in apposition after it, say what it is
_ORG_KINDS = (r"(?:gang|group|cartel|militia|organi[sz]ation|movement|network|faction|syndicate|outfit|brewery|"
              r"company|firm|club|brigades?|band|newspaper|broadcaster)")
# "the notorious <demonym> gang <A>", "the militant group <A>", "the Brigades <A>" (issue 22, class 8)
# (only kinds no person's name follows as a subject: "the company <name> founded" names its founder)
ORG_KIND_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:gang|group|cartel|militia|"
                                r"movement|faction|syndicate|brigades?|brewery|"
                                # "the religious organization <A>", "the opposition TV channel <A>" (issue 22, class 8)
                                r"organi[sz]ation|church|charity|association|channel|station|broadcaster|newspaper|tabloid)"
                                r"\s+[“\"‘']?$", re.I)
# "<A>, a violent gang originating in ...", "<A>, the militant group that ..." (not "a member / leader of the group")
ORG_KIND_APPOSITION_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:(?!(?:member|members|leader|leaders|founder|head|chief|commander|official|spokes\w+|"
    rf"of|for|in|from|who|with|whose)\b)[\w\-]+\s+){{0,3}}{_ORG_KINDS}\b(?!['’]s?\b)", re.I)  # "the group's <role>": a person


# fighters named after their group ("<A B> gunmen", "<A B> militants"): the name is the group's
MEMBERS_AFTER_RE = regex.compile(r"^\s+(?:gunmen|militants|fighters|insurgents|jihadists|rebels)\b")


def _told_as_organisation(sentence: str, cand: tuple) -> bool:
    """Whether the words around a candidate tell what organisation it is ("<name> gang", "<name> (<ACR>) group",
    "the <demonym> gang <name>", "<name>, a violent gang", "<name> gunmen")."""
    after = sentence[cand[1]:cand[1] + 120]
    if POSSESSIVE_RE.match(after):
        return False
    return bool(ORG_NOUN_AFTER_RE.match(after) or ORG_KIND_APPOSITION_RE.match(after) or MEMBERS_AFTER_RE.match(after)
                or ORG_KIND_BEFORE_RE.search(sentence, max(0, cand[0] - 60), cand[0]))


NAME_THEN_OFFICE_RE = regex.compile(r",\s+(?:(?:Deputy|Acting|Former|First|Vice)\s+)?(?:Minister|President|Prime\s+Minister|"
                                    r"Chief|Head|Director|Governor|Commander|Speaker|Chairman|Chairwoman|Secretary|"
                                    r"General|Colonel|Judge|Prosecutor|Ambassador|Mayor|Senator)\b")


# a firm's name made of two or three capitalised words and its corporate word (`find_name_candidates`)
_FIRM_WORD = r"(?:Group|Holdings?|Corporation|Conglomerate)"
FIRM_OF_NAME_PREFILTER = rf"\b{_FIRM_WORD}\b"
FIRM_OF_NAME_RE = rf"\b\p{{Lu}}\p{{Ll}}+(?:[ \t]\p{{Lu}}\p{{Ll}}+){{1,2}}[ \t]{_FIRM_WORD}\b"
FIRM_WORD_END_RE = rf"[ \t]{_FIRM_WORD}$"
MONTH_DAY_AFTER_RE = regex.compile(r"[ \t]+\d")


def sentence_candidates(sentence: str, headline: bool) -> list[tuple]:
    """Candidates of one sentence: (start, end, surface, role, n_tokens, is_person, has_title)."""
    out = []
    # "U.S." -> "US  " (same length); only a sentence with a dot can hold one
    scan = ACRONYM_DOTS.sub(_undot, sentence) if "." in sentence else sentence
    for m in NAME_RE.finditer(scan):
        if m.start() and scan[m.start() - 1] in "@#":
            continue  # "@<Handle> Sahiba", "#<Tag>": an account or a hashtag, no name (issue 22, class 8)
        initial = regex.fullmatch(r"\p{Lu}\.[ \t]+(\p{L}+)", sentence[m.start():m.end()])
        if initial and (fold(initial.group(1)) in demonyms() or fold(initial.group(1)) in NOUN_DEMONYMS):
            continue  # "N. Korean ships": a demonym cut short, no name (issue 22, class 8)
        if ADJECTIVE_END_RE.search(scan, m.start(), m.end()):
            continue  # "<city>-based", "<country>-backed": an adjective made of a place, no name (issue 22, class 8)
        cand = _classify(scan, m.start(), m.end())
        if cand is None:
            eponym = EPONYM_RUN_RE.match(scan, m.start(), m.end())
            # "the <surname> Administration": the run took the government's word, which made it no name
            cand = _classify(scan, eponym.start(1), eponym.end(1)) if eponym else None
        if cand is None:
            continue
        s, e, role, n, is_person, has_title = cand
        if n == 2 and MONTH_DAY_AFTER_RE.match(sentence, e) and fold(sentence[s:e].split()[-1]) in SURNAME_WORDS:
            continue  # "<given> May 5": a date after a word, no surname
        # a headline's capitalisation proves nothing: only a title cue counts there
        # ... and in a headline's Title Case a title can be followed by a verb ("President Grants Pardon to
        # ..."): a titled run of several words counts there only from a known given name
        # (a line of a list that gives a name, then its office after a comma, is no headline's capitalisation: "<A B>,
        # Minister of Justice"; session 19)
        role_after = headline and n >= 2 and role is not None and NAME_THEN_OFFICE_RE.match(sentence, e) is not None
        is_person = is_person and (not headline or has_title or role_after) and (
            not headline or n == 1 or role_after or is_given_name(sentence[s:e].split()[0]))
        pair = _two_names(sentence, s, e) if n == 4 and is_person else None
        if pair:  # "Sister of businessman <given> <surname> <given> <surname>;": two people, one after the other
            (s1, e1), (s2, e2) = pair
            out.append((s1, e1, sentence[s1:e1], role, 2, True, has_title))
            out.append((s2, e2, sentence[s2:e2], None, 2, True, False))
            continue
        out.append((s, e, sentence[s:e], role, n, is_person, has_title))
    if len(out) > 1 and not headline:
        out = _list_mates(sentence, out)
        out = _aliases(sentence, out)
        out = _shared_surnames(sentence, out)
    return out


# the role that marks a lone given name as sharing the surname of the full name right after it ("<given> and
# <given> <surname>", "<given> & <given> <surname>"): mentions.resolve_mentions_in_documents names it
# "<given> <surname>" (issue 22, class 7: two of a family named together)
SHARED_SURNAME_ROLE = "shared-surname"
# the role that marks a name its document tells as an organisation's (`find_name_candidates`): none of its people
ORG_ROLE = "organisation"
SHARED_SURNAME_GAP_RE = regex.compile(r" (?:and|&) ")
# a plural people noun, then the two names ("the two former presidents, <given> and <given> <surname>")
PLURAL_PEOPLE_BEFORE_RE = regex.compile(
    r"\b(?:" + "|".join(PEOPLE_NOUNS_PLURAL) + r"|brothers|sisters|children|siblings|twins|parents|couple)\s*,?\s+$",
    regex.IGNORECASE)


def _shared_surnames(sentence: str, cands: list[tuple]) -> list[tuple]:
    """A lone capitalised word joined by "and" or "&" to a full name of two words that is a person, the word a
    known given name (not a place) or the pair after a plural noun of people, is that person's kin by the same
    surname: a person, marked with SHARED_SURNAME_ROLE (and so is the full name after a plural noun of people)."""
    out = cands
    for i in range(len(cands) - 1):
        s, e, surface, _role, n, _is_person, has_title = cands[i]
        nxt = cands[i + 1]
        if n != 1 or nxt[4] != 2 or not SHARED_SURNAME_GAP_RE.fullmatch(sentence, e, nxt[0]):
            continue
        plural = fold(surface) not in place_words() and bool(PLURAL_PEOPLE_BEFORE_RE.search(sentence, max(0, s - 60), s))
        if not (plural or (nxt[5] and _lone_given_name(surface))):
            continue
        if i > 0 and NAME_LIST_GAP_RE.fullmatch(sentence, cands[i - 1][1], s) and cands[i - 1][4] == 1:
            continue  # "<A>, <B> and <C> <D>": a list of single words is no pair of one family
        if out is cands:
            out = list(cands)
        out[i] = (s, e, surface, SHARED_SURNAME_ROLE, n, True, has_title)
        out[i + 1] = (*nxt[:5], True, nxt[6])
    return out


# the role that marks a name as another name of the person named just before it ("<name>, also known as <name>",
# "<name>, who operated under the alias <name>"): mentions.resolve_mentions_in_documents gives it that person's
# name (issue 22: one person split over rows)
ALIAS_ROLE = "alias"
ALIAS_BEFORE_RE = regex.compile(
    r"(?:\balso\s+known\s+as|\ba\.k\.a\.|\baka|\balias|\bunder\s+the\s+(?:alias|name|pseudonym|nom\s+de\s+guerre)"
    r"|\bunder\s+the\s+assumed\s+name)\s+[\"“‘']?$", regex.IGNORECASE)
# a plain "known as" only right after the name ("<name>, known as <nickname>"), not after a clause ("<name>,
# speaking at what is known as <place>")
KNOWN_AS_GAP_RE = regex.compile(r"\s*[,(]?\s*known\s+as\s+[\"“‘']?", regex.IGNORECASE)
# the most characters between the end of a name and the alias that names the same person
ALIAS_REACH = 80


def _aliases(sentence: str, cands: list[tuple]) -> list[tuple]:
    """A name right after an alias cue, a short way after another name, is an alias of that one: a person."""
    out = cands
    for i in range(1, len(cands)):
        s, e, surface, _role, n, _is_person, has_title = cands[i]
        prev_end, prev_n, prev_person = cands[i - 1][1], cands[i - 1][4], cands[i - 1][5]
        # (after a person, or a lone surname that may stand for one: "a gang known as <name>" is no alias)
        if s - prev_end <= ALIAS_REACH and (prev_person or prev_n == 1) \
                and (ALIAS_BEFORE_RE.search(sentence, max(prev_end, s - 40), s)
                     or KNOWN_AS_GAP_RE.fullmatch(sentence, prev_end, s)):
            if out is cands:
                out = list(cands)
            out[i] = (s, e, surface, ALIAS_ROLE, n, True, has_title)
    return out


def _two_names(sentence: str, s: int, e: int) -> tuple | None:
    """Spans of two given-name-and-surname pairs run together without a comma (lists of designees write the
    person a listed one is kin to, then the listed one: "Wife of <A> <B> <C> <D>"; issue 22, class 7): the
    first word a known given name, the second not, and the second and fourth surnames by their ending (as the
    Russian and Central Asian names of such lists are; "<given> <given> <surname> <surname>", one Spanish
    name, stays whole)."""
    words = list(WORD_RE.finditer(sentence, s, e))
    if len(words) != 4 or any(not w.group().isalpha() for w in words):
        return None
    a, b, c, d = (w.group() for w in words)
    if not is_given_name(a) or is_given_name(b) or fold(c) in NON_NAME_WORDS \
            or not SURNAME_ENDING_RE.search(b) or not SURNAME_ENDING_RE.search(d):
        return None
    return (words[0].start(), words[1].end()), (words[2].start(), words[3].end())


SURNAME_ENDING_RE = regex.compile(r"(?:ov|ova|ev|eva|yev|yeva|in|ina|enko|sky|skaya|skiy|ski|ska)$")


MAX_LIST_MATES = 40
# between the names of a list: "A, B, C and D"
NAME_LIST_GAP_RE = regex.compile(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as"
                                 # "A, who led the party, and B were freed": a clause on the first, then the next
                                 r"|,\s+who\s+[^,;.()\"“”]{1,80},\s+and)\s+")


def _titled_gap(gap: str) -> bool:
    """", Father ": a list gap, then the next name's title ("Father A, Father B and Father C")."""
    m = NAME_LIST_GAP_RE.match(gap)
    words = gap[m.end():].split() if m else []
    return bool(words) and len(words) <= 2 and all(fold(w).rstrip(".") in TITLE_WORDS for w in words)


def _list_mates(sentence: str, cands: list[tuple]) -> list[tuple]:
    """Full names listed with a person ("Eyvin Hernandez, Joseph Cristella and Savoi Wright") are people
    too: a given name outside an English lexicon is still a name among names (issue 22, class 7)."""
    groups, group = [], [0]
    for i in range(1, len(cands)):
        if NAME_LIST_GAP_RE.fullmatch(sentence, cands[i - 1][1], cands[i][0]) or _titled_gap(sentence[cands[i - 1][1]:cands[i][0]]):
            group.append(i)
        else:
            groups.append(group)
            group = [i]
    groups.append(group)
    out = list(cands)
    for group in groups:
        if not 2 <= len(group) <= MAX_LIST_MATES or not any(cands[i][5] for i in group):
            continue  # (a list of hundreds of capitalised pairs is no list of the freed)
        # a list of lone given names opened by a kin or role word ("his children, <given> and <given>"): each is
        # a person as its first is (issue 22, class 7)
        lone_list = all(cands[i][4] == 1 for i in group) and cands[group[0]][5] and cands[group[0]][3] is not None
        for i in group:
            s, e, surface, role, n, is_person, has_title = cands[i]
            if not is_person and (n >= 2 or (lone_list and _lone_given_name(surface))):
                out[i] = (s, e, surface, role, n, True, has_title)
    return out


def _undot(m) -> str:
    return m.group(1) + m.group(2) + "  "

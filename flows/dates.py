"""Date expressions in a sentence, resolved against a publication date when known.

Nothing is invented: without a year or a publication date a date stays as
`date_text` with precision 'unknown'.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Every date starts with a word character: the leading look-ahead matches no less, and lets the
# engine skip other positions before it tries the look-behinds and alternatives.
DATE_RE = re.compile(
    rf"""(?=\w)\b(?<!since\s)(?<!since\sthe\s)(?:
        (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
      | (?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})\b(?:,?\s+(?P<md_year>(?:19|20)\d{{2}}))?
      | (?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>(?:19|20)\d{{2}}))?
      | (?:on\s+|last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
      | (?P<rel>yesterday|today|last\s+week|this\s+week|(?:over\s+)?the\s+past\s+week|earlier\s+this\s+week|last\s+month|this\s+month)
      | in\s+(?P<m_month>{_MONTH})(?:\s+(?P<m_year>(?:19|20)\d{{2}}))?
    )""",
    re.VERBOSE | re.IGNORECASE,
)


# letters that Python's case-insensitive regex equates with ASCII ones ("Aprıl", "Auguſt" match the
# month pattern), folded back so the look-up cannot miss
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u212a": "k", "\u0307": None})


def _month(name: str) -> int:
    return MONTHS[name.lower().translate(_FOLD).rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _before_or_on(published: dt.date, month: int, day: int) -> dt.date | None:
    """The month/day on or before the publication date (news reports the past)."""
    for year in (published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= published:
            return candidate
    return None


def resolve_date(m: re.Match, published: dt.date | None) -> tuple[dt.date | None, str]:
    """(date, precision) for one DATE_RE match; precision in day/week/month/year/unknown."""
    g = m.groupdict()
    try:
        if g["iso"]:
            return dt.date.fromisoformat(g["iso"]), "day"
        month_name = g["md_month"] or g["dm_month"]
        if month_name:
            day = _day(g["md_day"] or g["dm_day"])
            year = g["md_year"] or g["dm_year"]
            if year:
                return dt.date(int(year), _month(month_name), day), "day"
            if published:
                found = _before_or_on(published, _month(month_name), day)
                return (found, "day") if found else (None, "unknown")
            return None, "unknown"
        if g["weekday"]:
            if not published:
                return None, "unknown"
            back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
            return published - dt.timedelta(days=back), "day"
        if g["rel"]:
            rel = g["rel"].lower()
            if not published:
                return None, "unknown"
            if rel == "yesterday":
                return published - dt.timedelta(days=1), "day"
            if rel == "today":
                return published, "day"
            if "month" in rel:
                return None, "unknown"
            return published - dt.timedelta(days=published.weekday()), "week"
        if g["m_month"]:
            if g["m_year"]:
                return dt.date(int(g["m_year"]), _month(g["m_month"]), 1), "month"
            if published:
                found = _before_or_on(published, _month(g["m_month"]), 1)
                return (found, "month") if found else (None, "unknown")
            return None, "unknown"
    except ValueError:
        return None, "unknown"
    return None, "unknown"


def find_date(sentence: str, published: dt.date | None) -> tuple[str | None, dt.date | None, str]:
    """First date expression of a sentence: (date_text, date, precision)."""
    return date_of_match(DATE_RE.search(sentence), published)


def date_of_match(m: re.Match | None, published: dt.date | None) -> tuple[str | None, dt.date | None, str]:
    """find_date for a DATE_RE.search result (the search is the costly part: callers may reuse it)."""
    if not m:
        return None, None, "unknown"
    date, precision = resolve_date(m, published)
    if date and published and date > published:
        return m.group(0), None, "unknown"  # a future date is a plan, not when it happened
    return m.group(0).strip(), date, precision

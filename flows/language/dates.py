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
      | (?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>(?:19|20)\d{{2}})(?!\d)
      | (?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})\b(?:[-–](?P<md_to>{_DAY})\b)?(?:,?\s+(?P<md_year>(?:19|20)\d{{2}}))?
      | (?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>(?:19|20)\d{{2}}))?
      | (?:on\s+|last\s+|(?P<wd_next>next\s+|(?:this\s+)?coming\s+)|(?:today|yesterday|tonight),?\s+\(?)?
        (?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
      | (?P<ago>(?P<ago_n>a|one|two|three|four|five|six|\d)\s+(?P<ago_unit>days?|weeks?)\s+ago)
      | (?P<rel>yesterday|today|last\s+night|tonight|this\s+morning|last\s+week|this\s+week|(?:over\s+)?the\s+past\s+week|earlier\s+this\s+week|last\s+month|(?:earlier\s+)?this\s+month)
      | [Ll]ast\s+(?-i:(?P<lm_month>January|February|March|April|May|June|July|August|September|October|November|December))\b(?!\s+\d)
      | in\s+(?:(?:late|early|mid)[\s-]+)?(?P<m_month>{_MONTH})(?:\s+(?:of\s+)?(?P<m_year>(?:19|20)\d{{2}})
                                                                |,?\s+(?:of\s+)?(?P<m_rel>last|this|the\s+previous|next|the\s+following)\s+year\b)?
      | in\s+(?:the\s+year\s+)?(?P<y_year>(?:19|20)\d{{2}})\b(?!\s*[-–/]\d)
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
        if g["dot_y"]:  # "11.12.2025": day first, as the pages that write dates with dots do
            return dt.date(int(g["dot_y"]), int(g["dot_m"]), int(g["dot_d"])), "day"
        month_name = g["md_month"] or g["dm_month"]
        if month_name:
            day = _day(g["md_day"] or g["dm_day"])
            year = g["md_year"] or g["dm_year"]
            # "May 23-25": a span of days, dated by its first day at the precision of a week
            precision = "week" if g.get("md_to") else "day"
            if year:
                return dt.date(int(year), _month(month_name), day), precision
            if published:
                found = _before_or_on(published, _month(month_name), day)
                return (found, precision) if found else (None, "unknown")
            return None, "unknown"
        if g["weekday"]:
            if not published or g["wd_next"]:  # "next Tuesday": a day still to come, no release's day
                return None, "unknown"
            back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
            if back == 0 and m.group(0).lower().startswith("last"):
                back = 7  # "last Monday" on a Monday page: the week before
            return published - dt.timedelta(days=back), "day"
        if g.get("ago"):  # "two days ago", "a week ago"
            if not published:
                return None, "unknown"
            n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(g["ago_n"].lower()) \
                or int(g["ago_n"])
            if g["ago_unit"].lower().startswith("week"):
                back = published - dt.timedelta(weeks=n)
                return back - dt.timedelta(days=back.weekday()), "week"
            return published - dt.timedelta(days=n), "day"
        if g["rel"]:
            rel = g["rel"].lower()
            if not published:
                return None, "unknown"
            if rel == "yesterday" or re.fullmatch(r"last\s+night", rel):  # "last night": the evening before the page
                return published - dt.timedelta(days=1), "day"
            if rel in ("today", "tonight") or re.fullmatch(r"this\s+morning", rel):
                return published, "day"
            if "month" in rel:  # this month, last month: the month itself
                first = published.replace(day=1)
                if rel.startswith("last"):
                    first = (first - dt.timedelta(days=1)).replace(day=1)
                return first, "month"
            monday = published - dt.timedelta(days=published.weekday())
            if re.fullmatch(r"last\s+week", rel):  # the calendar week before the page's
                monday -= dt.timedelta(weeks=1)
            return monday, "week"
        if g["lm_month"]:  # "last February": the latest such month before the publication month
            if not published:
                return None, "unknown"
            month = _month(g["lm_month"])
            return dt.date(published.year if month < published.month else published.year - 1, month, 1), "month"
        if g.get("y_year"):  # "In 1998, ... freed 200 prisoners": the year alone
            return dt.date(int(g["y_year"]), 1, 1), "year"
        if g["m_month"]:
            if g["m_year"]:
                return dt.date(int(g["m_year"]), _month(g["m_month"]), 1), "month"
            if g.get("m_rel"):  # "in March last year", "in January of this year": the year the words say
                if not published:
                    return None, "unknown"
                shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[g["m_rel"].split()[-1].lower()]
                return dt.date(published.year + shift, _month(g["m_month"]), 1), "month"
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


# a date stamp opening a sentence: the page's own date line glued to the story's first words ("date 2026-03-03
# Officials said ...", "15 July 2021; AGENCY: ...", "CITY, March 3, 2026 - ..."): when the page was
# published, not when the news happened (issue 22, class 5)
# a dateline's place and a day in another calendar before a slash ("CITY, 8 <Month> 1437/"), the date after the slash
# in this one
_OTHER_CALENDAR_DATELINE = (r"(?-i:[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3})[ \t]*,[ \t]+[0-3]?\d[ \t]+"
                            r"(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)[ \t]+\d{3,4}[ \t]*/[ \t]*")
_STAMP_LABEL_RE = re.compile(r"(?i)^\W*(?:(?:date|published|posted|updated)\b\s*(?:on\b|:)?\s*)?$")
_STAMP_PLACE_RE = re.compile(r"^\W*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3},\s*$")
_STAMP_OTHER_CALENDAR_RE = re.compile(r"^\W*" + _OTHER_CALENDAR_DATELINE + "$")
_STAMP_AFTER_RE = re.compile(r"^\s*(?:[;:|\u2013\u2014-]|\(|$)")
# a wire service's tag and a dash after a dateline's day ("WASHINGTON, Dec 13 (Reuters) -", "Nov. 27 (UPI) --")
_AGENCY_AFTER_RE = re.compile(r"\s*\((?-i:[A-Z][\w&.' -]{0,30})\)\s*[-\u2013\u2014]")
_STAMP_LABELLED_RE = re.compile(r"(?i)\b(?:date|published|posted|updated)\b")


def is_date_stamp(sentence: str, m: re.Match) -> bool:
    """Whether DATE_RE match `m` is a date line at the start of `sentence` (a full date with its year, after
    nothing but a label or a dateline place, and labelled or followed by a dash, colon or semicolon).

    >>> is_date_stamp("date 2026-03-03 Officials freed 40 on Monday.", DATE_RE.search("date 2026-03-03 Officials freed 40 on Monday."))
    True
    >>> s = "On 3 March 2026, officials freed 40."
    >>> is_date_stamp(s, DATE_RE.search(s))
    False
    """
    g = m.groupdict()
    if not (g["iso"] or g["md_year"] or g["dm_year"]) and not (
            (g["md_month"] or g["dm_month"]) and _AGENCY_AFTER_RE.match(sentence, m.end())):
        return False  # a date without its year is a stamp only as a wire dateline: "Nov. 27 (Wire) --"
    before = sentence[:m.start()]
    if _STAMP_LABEL_RE.match(before) and _STAMP_LABELLED_RE.search(before):
        return True
    if _STAMP_OTHER_CALENDAR_RE.match(before):  # "CITY, 8 <Month> 1437/18 January 2016 (WIRE) -"
        return bool(_AGENCY_AFTER_RE.match(sentence, m.end()))
    if not (_STAMP_LABEL_RE.match(before) or _STAMP_PLACE_RE.match(before)):
        return False
    return bool(_STAMP_AFTER_RE.match(sentence[m.end():]))


# ---------------------------------------------------------------- the publication date a page states

_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# month names of other languages a page may print its date line in, day first ("4 мая 2022", "8 novembre 2019",
# "8 de noviembre de 2019", "8. November 2019"): the page's date only, never a story's date
FOREIGN_MONTHS = {
    **{m: i + 1 for i, m in enumerate(["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                        "сентября", "октября", "ноября", "декабря"])},
    **{m: i + 1 for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                        "septembre", "octobre", "novembre", "décembre"])},
    **{m: i + 1 for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                        "septiembre", "octubre", "noviembre", "diciembre"])},
    **{m: i + 1 for i, m in enumerate(["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                                        "setembro", "outubro", "novembro", "dezembro"])},
}
_FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
# a full date (with its year): "August 23, 2015", "Dec. 13, 2025", "22 December 2025", "11th December 2023",
# "12 Apr, 2022", "2025-06-21", "2021-06-01T16:07:03Z", "03/10/2025" (month first), "02-12-2021" (day first)
FULL_DATE = (
    rf"{_WEEKDAY}(?:(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>{_DAY}),?\s+{_YEAR}"
    rf"|(?P<dmy_day>{_DAY})\s+(?:of\s+)?(?P<dmy_month>{_MONTH}),?\s+(?P<dmy_year>(?:19|20)\d{{2}})"
    r"|(?P<iso_y>(?:19|20)\d{2})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d])"
    r"|(?P<slash_a>[01]?\d)/(?P<slash_b>[0-3]?\d)/(?P<slash_y>(?:19|20)\d{2})"
    r"|(?P<dash_d>[0-3]\d)-(?P<dash_m>[01]\d)-(?P<dash_y>(?:19|20)\d{2})"
    r"|(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>(?:19|20)\d{2})"  # "13.12.2025": day first
    rf"|(?P<fx_day>[0-3]?\d)\s+(?:de\s+)?(?P<fx_month>{_FOREIGN_MONTH})(?:\s+de)?,?\s+(?P<fx_year>(?:19|20)\d{{2}}))(?!\d)"
)
# the same without its named groups, for look-aheads inside PAGE_DATE_RE
FULL_DATE_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", FULL_DATE)
# a clock time a page prints between its date label and the date ("Updated 10:02 AM EST, December 13, 2025")
_CLOCK = r"[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]*(?-i:GMT|UTC|[A-Z]{2,4}T?)(?:[+-]\d{1,2}(?::?\d\d)?)?)?"
# where a page prints its own date: after a label ("Published 13 Dec 2025", "Posted on", "Updated:",
# "date 2025-05-16"), or at the start of a line, alone or after a dateline place ("New York, March 17, 2016 –")
PAGE_DATE_RE = re.compile(
    rf"(?:\b(?:published|posted|updated|created|last\s+updated|(?:last\s+)?modified|date|"
    # the same labels in French, Spanish and Portuguese ("Publié le", "Publicado el", "Atualizado em")
    rf"publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|publicado(?:\s+(?:el|em))?|actualizado(?:\s+el)?|atualizado(?:\s+em)?)"
    rf"\b\s*(?:on\b|:)?\s*(?:[-|•]\s*)?"
    # ("Updated at 12:32 p.m. ET on <date>": the clock after "at", the date after "on")
    rf"(?:(?:at[ \t]+)?{_CLOCK}[ \t]*,?[ \t]*(?:on[ \t]+)?)?"
    # a byline and its date on one line: "By Jane Doe | December 13, 2025", "Written by Jane Doe on ..."
    rf"|^[ \t]*(?:Written[ \t]+)?by[ \t]+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}})[ \t]*(?:[|·•/,]|\bon\b)[ \t]*"
    # ... or with nothing between them but a space, its clock time after ("by Jane Doe May 31, 2023 9:25 PM")
    rf"|^[ \t]*by[ \t]+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}?)[ \t]+(?=(?:{FULL_DATE_PLAIN}),?[ \t]+{_CLOCK}[ \t]*$)"
    # a clock time and its zone before the date, on a line of their own ("14:45 JST, July 23, 2024")
    rf"|^[ \t]*{_CLOCK}[ \t]*,?[ \t]+(?=(?:{FULL_DATE_PLAIN})[ \t]*$)"
    # a dateline printing the day in another calendar first, then after a slash in this one, then its wire's tag
    # ("CITY, 8 <Month> 1437/18 January 2016 (WIRE) -")
    rf"|^[ \t]*{_OTHER_CALENDAR_DATELINE}(?=(?:{FULL_DATE_PLAIN})[ \t]*\()"
    rf"|^[ \t]*(?-i:(?!(?:On|In|By|At|As|Since|Until|From|Before|After|Between)\b)[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){{0,3}}"
    rf"[ \t]*(?:,|[|·•])[ \t]+)?)"
    rf"(?:{FULL_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
PAGE_HEAD_CHARS = 1500  # a page prints its date above or beside the story's first lines
# a line that is nothing but a full date and its clock time ("20th November 2022, 15:57 GMT+11", "March 3, 2026
# 10:02 AM"): a time stamp, which a story's own sentences never are; pages that open with a summary print it
# below their byline, further down than PAGE_HEAD_CHARS
STAMP_LINE_RE = re.compile(
    rf"^[ \t]*(?:{FULL_DATE}),?[ \t]+(?:at[ \t]+)?[0-2]?\d[:.][0-5]\d\b(?:[ \t]*(?:[AaPp]\.?[Mm]\.?))?"
    r"(?:[ \t]*(?:GMT|UTC|[A-Z]{2,4}T)(?:[ \t]*[+-]\d{1,2}(?::?\d\d)?)?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
STAMP_LINE_CHARS = 4000


# a line holding nothing but a full date (and a weekday): a masthead's date of the day when it opens the page
BARE_DATE_LINE_RE = re.compile(rf"^[ \t]*(?:{FULL_DATE})[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _masthead_then_story_date(head: str) -> dt.date | None:
    """A page opening on a bare date line (the site's date of the day, printed above its menu and the headline)
    and printing another bare date line, earlier, further down its head: the second is the story's date
    ("February 29, 2020 / <menu> / <headline> / May 18, 2019 / <story>"; issue 22, class 5)."""
    lines = list(BARE_DATE_LINE_RE.finditer(head))
    if len(lines) < 2 or head[:lines[0].start()].strip():
        return None  # the first bare date line must open the page
    masthead = _full_date(lines[0])
    for m in lines[1:]:
        found = _full_date(m)
        if masthead and found and found < masthead:
            return found
    return None


def page_date(text: str) -> dt.date | None:
    """The publication date a page states near its top (see PAGE_DATE_RE), or None: a date without a
    year ("WASHINGTON, Dec 13 (Reuters)") is not one, and nothing is guessed."""
    story = _masthead_then_story_date(text[:PAGE_HEAD_CHARS])
    if story:
        return story
    for m in PAGE_DATE_RE.finditer(text[:PAGE_HEAD_CHARS]):
        found = _full_date(m)
        if found:
            return found
    for m in STAMP_LINE_RE.finditer(text[:STAMP_LINE_CHARS]):
        found = _full_date(m)
        if found:
            return found
    return None


# A page's address that holds the day it went out: "/2023/10/19/", "/2017/jun/14/", "/2022-11-17/", "/2023/oct/19-",
# "/2024/0218/", "/20210328-" (a segment of the path, never the host or the query). News sites file their stories
# by the day they publish them, so a date there is the publication date when the page's metadata and text state
# none (issue 22, class 5: most real pages reach us without a date). Year, month and day must make a real day;
# a bare year or year and month is not a day, and a long number is an id, not a date.
ADDRESS_DATE_RE = re.compile(
    r"""(?:^|/)(?P<y>(?:19|20)\d{2})
        (?: /(?P<m>0?[1-9]|1[0-2]|[a-z]{3,9})[/-](?P<d>0?[1-9]|[12]\d|3[01])
          | -(?P<m2>0[1-9]|1[0-2]|[a-z]{3,9})-(?P<d2>0[1-9]|[12]\d|3[01])
          | /(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12]\d|3[01])
          | (?P<m4>0[1-9]|1[0-2])(?P<d4>0[1-9]|[12]\d|3[01]) )
        (?=[/_.-]|$)""",
    re.VERBOSE | re.IGNORECASE,
)
# (address, the day it states or None): tests/test_dates.py runs them; our own placeholder addresses
ADDRESS_DATE_EXAMPLES = (
    ("https://news.example.org/world/2023/10/19/envoy-visits-capital/", "2023-10-19"),
    ("https://www.example.com/world/2017/jun/14/student-returns-home", "2017-06-14"),
    ("https://www.example.com/stories/2023/oct/19-talks-resume/", "2023-10-19"),
    ("https://example.net/world-nation/story/2022-11-17/prisoners-freed", "2022-11-17"),
    ("https://example.net/news/2020-10-08-why-the-hostage-was-freed", "2020-10-08"),
    ("http://example.cn/n3/2024/0218/c90000-20133929.html", "2024-02-18"),
    ("https://www.example.com/video/20210328-13765423-watch-the-release", "2021-03-28"),
    ("https://example.org/news/2021/05/release-of-prisoners", None),  # a month, not a day
    ("https://example.org/2019/02/30/a-day-that-never-was", None),
    ("https://example.org/article/202103281376542/release", None),  # an id
    ("https://example.org/story?id=2023-10-19", None),  # the query, not the path
    ("https://2023.example.org/10/19/story", None),  # the host
    ("", None),
)


def address_date(url: str | None) -> dt.date | None:
    """The day a page's address files it under (ADDRESS_DATE_RE), or None."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for m in ADDRESS_DATE_RE.finditer(path):
        g = m.groupdict()
        month = g["m"] or g["m2"] or g["m3"] or g["m4"]
        day = g["d"] or g["d2"] or g["d3"] or g["d4"]
        try:
            number = int(month) if month.isdigit() else _month(month)
            return dt.date(int(g["y"]), number, int(day))
        except (KeyError, ValueError):
            continue
    return None


def _full_date(m: re.Match) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["mdy_month"]:
            return dt.date(int(g["year"]), _month(g["mdy_month"]), _day(g["mdy_day"]))
        if g["dmy_month"]:
            return dt.date(int(g["dmy_year"]), _month(g["dmy_month"]), _day(g["dmy_day"]))
        if g["iso_y"]:
            return dt.date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        if g["slash_y"]:  # month first (US pages), unless that cannot be a month
            a, b = int(g["slash_a"]), int(g["slash_b"])
            month, day = (a, b) if a <= 12 else (b, a)
            return dt.date(int(g["slash_y"]), month, day)
        if g["dash_y"]:  # day first, unless that cannot be a day-month order
            d, mth = int(g["dash_d"]), int(g["dash_m"])
            day, month = (d, mth) if mth <= 12 else (mth, d)
            return dt.date(int(g["dash_y"]), month, day)
        if g["fx_year"]:
            return dt.date(int(g["fx_year"]), FOREIGN_MONTHS[g["fx_month"].lower()], int(g["fx_day"]))
        if g["dot_y"]:
            return dt.date(int(g["dot_y"]), int(g["dot_m"]), int(g["dot_d"]))
    except ValueError:
        return None
    return None

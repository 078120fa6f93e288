"""HTML pages -> the article's text and what the page says about itself.

trafilatura finds the article in the page and drops the rest (navigation, cookie banners,
related / most-read boxes, share bars, comments); it also reads the page's own metadata: title,
author, site name, canonical address and publication date (Open Graph, `article:published_time`,
JSON-LD `datePublished`, <time> elements, through htmldate's markup search). When the markup gives
no date, htmldate's extensive search looks at the page's text and address ('page text').

The article text is stored as it is extracted, one block (paragraph, heading, list item) per
paragraph separated by a blank line, like an article saved by hand; evidence spans index into it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

# trafilatura and htmldate log every page they find little in at WARNING/ERROR; the reader reports
# those pages itself (a reject reason), so their own chatter stays out of the run's output
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

HTML_HINT_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
BLOCK_TAG_RE = re.compile(r"</p>|<div[\s>]|<br\s*/?>|</li>|</h[1-6]>", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm")


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page (or a fragment with several block tags), judged by its start."""
    head = text[:4096]
    return bool(HTML_HINT_RE.search(head)) or len(BLOCK_TAG_RE.findall(head)) >= 5


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_page(page: str) -> dict:
    """The article text and metadata of one HTML page (already decoded).

    Keys: text (None when no article was found), title, author, site_name, url, published_at (date),
    published_at_source ('page': the page's markup; 'page text': a date found in its text or address).
    """
    import trafilatura
    from trafilatura.settings import set_date_params

    out = {"text": None, "title": None, "author": None, "site_name": None, "url": None,
           "published_at": None, "published_at_source": None}
    # the page's own markup first (meta tags, JSON-LD, <time>); the text only when that gives nothing
    try:
        doc = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, include_formatting=False, fast=False,
            date_extraction_params=set_date_params(extensive=False))
    except Exception:  # a page the parser cannot take is a page with no article (a reason), never a failed run
        doc = None
    if doc is None:
        return out
    text = (doc.text or "").strip()
    if text:
        # one block a line from trafilatura; a blank line between blocks, as in an article saved by hand
        out["text"] = re.sub(r"\n+", "\n\n", text) + "\n"
    out.update(title=doc.title or None, author=doc.author or None, site_name=doc.sitename or None,
               url=doc.url if doc.url and re.match(r"https?://", doc.url) else None)
    published = _date(doc.date)
    if published:
        out.update(published_at=published, published_at_source="page")
    else:
        from htmldate import find_date

        try:
            found = find_date(page, extensive_search=True, original_date=True)
        except Exception:  # htmldate's heuristics on a malformed page: no date, never a failed read
            found = None
        if _date(found):
            out.update(published_at=_date(found), published_at_source="page text")
    return out


__all__ = ["looks_like_html", "read_page", "HTML_SUFFIXES"]

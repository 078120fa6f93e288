"""RSS / Atom feeds -> files in a folder the run reads (`dossier run --feed FILE_OR_URL`).

Each item becomes one page in a feed's own subfolder of the run's source folder:
`<source>/<feed>/<date>-<title>-<id>.html`, beside a sidecar `.json` with the item's title, link,
date and the feed's title (so the item's own date, title and link win over what its page says).
The page is the item's content when the feed carries the article (RSS `content:encoded`, Atom
`content`, at least CONTENT_MIN_CHARS of text); otherwise the item's link is fetched (http/https)
and the page stored as it came (its encoding is detected when it is read); when that fails the
item's summary stands in. The run then reads the folder like any other, so everything about pages
and incremental runs holds: an item already in the folder is never fetched or written again, and
its unchanged file is not read again by the next run.

Default folder (no --source): `<warehouse>.feeds/` beside the warehouse.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import html
import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CONTENT_MIN_CHARS = 300  # an item's content shorter than this is a teaser: its page is fetched instead
FETCH_TIMEOUT = 20.0
MAX_FETCH_BYTES = 10 * 1024 * 1024  # the reader rejects anything larger anyway (extract.MAX_BYTES)
USER_AGENT = "dossier-feed-reader/0.1 (+https://github.com/; batch news ETL)"
TAG_RE = re.compile(r"<[^>]+>")


class FeedError(ValueError):
    """A feed that cannot be read (missing file, unreachable address, not RSS or Atom)."""


@dataclass
class FeedResult:
    feed: str
    folder: Path
    title: str | None = None
    n_items: int = 0
    n_new: int = 0
    n_known: int = 0
    from_content: int = 0
    from_page: int = 0
    from_summary: int = 0
    failed: list[str] = field(default_factory=list)

    def line(self) -> str:
        made = f"{self.from_content} from the feed's content, {self.from_page} pages fetched" + (
            f", {self.from_summary} summaries only" if self.from_summary else "")
        return (f"  feed       {self.feed}: {self.n_items} items, {self.n_new} new ({made}), "
                f"{self.n_known} already read" + (f", {len(self.failed)} failed" if self.failed else "")
                + f" -> {self.folder}")


def _slug(text: str, limit: int) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or "item"


def _is_url(feed: str) -> bool:
    return bool(re.match(r"https?://", feed, re.IGNORECASE))


def fetch(url: str, timeout: float = FETCH_TIMEOUT) -> bytes:
    """The body of an http(s) address (at most MAX_FETCH_BYTES); raises FeedError."""
    if not _is_url(url):
        raise FeedError(f"{url!r} is not an http or https address")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FETCH_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FeedError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FeedError(f"{url}: {reason}") from None
    if len(data) > MAX_FETCH_BYTES:
        raise FeedError(f"{url}: larger than {MAX_FETCH_BYTES // 2**20} MB")
    return data


def feed_folder_name(feed: str) -> str:
    """A readable, stable subfolder name per feed: host and path (or file name) plus a short hash."""
    key = feed if _is_url(feed) else str(Path(feed).resolve())
    readable = re.sub(r"^https?://", "", feed, flags=re.IGNORECASE) if _is_url(feed) else Path(feed).stem
    return f"feed-{_slug(readable, 50)}-{hashlib.sha256(key.encode()).hexdigest()[:6]}"


def _item_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc).date()
            except (OverflowError, ValueError):
                continue
    return None


def _content_html(entry) -> str | None:
    """The item's longest HTML or text content (RSS content:encoded, Atom content), if any."""
    best = None
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if part.get("type") == "text/plain":
            value = "".join(f"<p>{html.escape(p.strip())}</p>" for p in value.split("\n\n") if p.strip())
        if value and (best is None or len(value) > len(best)):
            best = value
    return best


def _text_length(fragment: str) -> int:
    return len(" ".join(html.unescape(TAG_RE.sub(" ", fragment)).split()))


def _wrap(title: str | None, body: str, entry, feed_title: str | None) -> bytes:
    """An item's content as a small page (UTF-8) carrying the item's own metadata."""
    meta = []
    if entry.get("author"):
        meta.append(f'<meta name="author" content="{html.escape(entry["author"])}">')
    if feed_title:
        meta.append(f'<meta property="og:site_name" content="{html.escape(feed_title)}">')
    if entry.get("link") and _is_url(entry["link"]):
        meta.append(f'<link rel="canonical" href="{html.escape(entry["link"])}">')
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    page = (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title or "")}</title>'
            f'{"".join(meta)}</head>\n<body><article>{heading}\n{body}\n</article></body></html>\n')
    return page.encode("utf-8")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def read_feed(feed: str) -> tuple[object, bytes]:
    """The parsed feed (feedparser) of a file or http(s) address; raises FeedError."""
    import feedparser

    if _is_url(feed):
        data = fetch(feed)
    else:
        path = Path(feed)
        if not path.is_file():
            raise FeedError(f"feed file {feed} does not exist")
        data = path.read_bytes()
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = getattr(parsed.get("bozo_exception"), "args", [""])[0] if parsed.bozo else "no items"
        raise FeedError(f"{feed} is not an RSS or Atom feed ({str(why)[:120] or 'unreadable'})")
    return parsed, data


def materialise(feed: str, source: Path, fetch_pages: bool = True) -> FeedResult:
    """Write the feed's new items as pages (+ sidecars) into `source/<feed folder>/`; returns counts."""
    parsed, _ = read_feed(feed)
    folder = Path(source) / feed_folder_name(feed)
    folder.mkdir(parents=True, exist_ok=True)
    feed_title = parsed.feed.get("title") or None
    result = FeedResult(feed, folder, feed_title)
    known = {p.stem.rsplit("-", 1)[-1] for p in folder.glob("*.html")}
    for entry in parsed.entries:
        result.n_items += 1
        link = entry.get("link") if _is_url(entry.get("link") or "") else None
        key = entry.get("id") or link or (entry.get("title", "") + entry.get("summary", ""))
        item_id = hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:12]
        if item_id in known:
            result.n_known += 1
            continue
        title = (entry.get("title") or "").strip() or None
        date = _item_date(entry)
        content = _content_html(entry)
        data = None
        if content and _text_length(content) >= CONTENT_MIN_CHARS:
            data, kind = _wrap(title, content, entry, feed_title), "content"
        elif link and fetch_pages:
            try:
                data, kind = fetch(link), "page"
            except FeedError as exc:
                result.failed.append(str(exc))
        if data is None:
            fallback = content or entry.get("summary")
            if not fallback:
                result.failed.append(f"{title or item_id}: no content, summary or reachable page")
                continue  # nothing written: tried again next run
            data, kind = _wrap(title, fallback, entry, feed_title), "summary"
        name = f"{date.isoformat() if date else 'undated'}-{_slug(title or 'item', 50)}-{item_id}"
        sidecar = {k: v for k, v in {"title": title, "url": link, "published_at": date.isoformat() if date else None,
                                     "source": feed_title}.items() if v}
        _write_atomic(folder / f"{name}.json", json.dumps(sidecar, ensure_ascii=False, indent=1).encode("utf-8"))
        _write_atomic(folder / f"{name}.html", data)
        known.add(item_id)
        result.n_new += 1
        setattr(result, f"from_{kind}", getattr(result, f"from_{kind}") + 1)
    return result


def feeds_into_source(feeds: list[str], source: str | None, db: str) -> tuple[str, list[FeedResult], list[str]]:
    """Materialise every feed into the run's source folder (default `<db>.feeds/`).

    Returns (folder, results, errors). A feed that cannot be read is an error line and the others
    go on (the folder's items saved earlier are still read); FeedError when none could be read."""
    folder = Path(source) if source else Path(str(db) + ".feeds")
    folder.mkdir(parents=True, exist_ok=True)
    results, errors = [], []
    for feed in feeds:
        try:
            results.append(materialise(feed, folder))
        except FeedError as exc:
            errors.append(str(exc))
    if not results:
        raise FeedError("; ".join(errors))
    return str(folder), results, errors


__all__ = ["materialise", "feeds_into_source", "read_feed", "fetch", "FeedError", "FeedResult"]

"""Feeds: `dossier run --feed FILE_OR_URL` (flows/documents/feed.py), from a file and from a local HTTP server."""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.documents.extract import extract_documents
from flows.documents.feed import FeedError, materialise
from tests.conftest import ROOT
from tests.test_pages import PAGES, PUBLISHED, facts_of

FEED = PAGES / "feed.xml"
TITLE = "Belarus frees 23 political prisoners after talks with US envoy"


class Server:
    """A static HTTP server on 127.0.0.1 (a free port) that counts the paths asked for."""

    def __init__(self, folder: Path):
        self.requests: list[str] = []
        outer = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                outer.requests.append(self.path)
                super().do_GET()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def _served_feed(folder: Path, base: str) -> None:
    """A feed with titles, links and dates but no content: its items' pages must be fetched."""
    import sys as _sys

    _sys.path.insert(0, str(PAGES))
    try:
        import make_pages as m
    finally:
        _sys.path.remove(str(PAGES))
    items = [{**m.FEED_ITEMS[0], "content": None, "link": f"{base}/world/ledger.html"},
             {"title": "Wire: " + m.TITLE, "link": f"{base}/news/wire.html", "guid": f"{base}/news/wire.html",
              "pubDate": "Sun, 18 Oct 2026 07:40:00 +0000", "summary": "Wire copy.", "author": "Jonas Petraitis"},
             {"title": "A page that went", "link": f"{base}/gone.html", "guid": "gone",
              "pubDate": "Sun, 18 Oct 2026 10:00:00 +0000", "summary": "Teaser of a page that is gone; "
              "the summary stands in."}]
    (folder / "rss.xml").write_text(m.rss(items), encoding="utf-8")
    (folder / "world").mkdir()
    (folder / "news").mkdir()
    (folder / "world" / "ledger.html").write_bytes((PAGES / "ledger_cp1251.htm").read_bytes())
    (folder / "news" / "wire.html").write_bytes((PAGES / "wire.html").read_bytes())


def test_feed_file_items_become_documents_with_the_items_metadata(tmp_path):
    result = materialise(str(FEED), tmp_path)
    assert (result.n_items, result.n_new, result.from_content, result.n_known) == (2, 2, 2, 0)
    docs = extract_documents(tmp_path)
    rows = {r["title"]: r for r in docs.to_dicts()}
    assert set(docs["status"]) == {"loaded"} and set(docs["format"]) == {"html"}
    item = rows[TITLE]
    assert (item["published_at"], item["published_at_source"]) == (PUBLISHED, "sidecar")
    assert item["url"] == "https://northernledger.example/world/2026/10/18/belarus-frees-23-prisoners"
    assert item["source"] == "The Northern Ledger - Europe" and item["author"] == "Marta Kowalczyk"
    assert item["text"] == (PAGES / "story.txt").read_text()  # the item's content is the article
    second = rows["Lithuania reopens two border crossings with Belarus"]
    assert second["published_at"] == dt.date(2026, 10, 19)
    # the same facts as the article as clean text, published that day
    clean = facts_of(extract_documents(PAGES, [PAGES / "story.txt"]).with_columns(published_at=pl.lit(PUBLISHED)))
    assert facts_of(docs.filter(pl.col("title") == TITLE)) == clean


def test_feed_items_already_read_are_not_written_again(tmp_path):
    materialise(str(FEED), tmp_path)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    stamps = [p.stat().st_mtime_ns for p in files]
    again = materialise(str(FEED), tmp_path)
    assert (again.n_new, again.n_known) == (0, 2)
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == files
    assert [p.stat().st_mtime_ns for p in files] == stamps  # untouched: the next run skips them


def test_an_atom_feed(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in (PAGES / "story.txt").read_text().split("\n\n")[1:])
    (tmp_path / "atom.xml").write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ledger (Atom)</title><id>urn:ledger</id><updated>2026-10-18T10:00:00Z</updated>
  <entry><title>{TITLE}</title><id>urn:ledger:1</id>
    <link href="https://northernledger.example/a/1"/>
    <published>2026-10-18T09:12:00Z</published><updated>2026-10-18T11:00:00Z</updated>
    <author><name>Marta Kowalczyk</name></author>
    <content type="html"><![CDATA[{body}]]></content></entry>
</feed>""", encoding="utf-8")
    out = tmp_path / "src"
    assert materialise(str(tmp_path / "atom.xml"), out).from_content == 1
    row = extract_documents(out).to_dicts()[0]
    assert (row["status"], row["published_at"], row["source"]) == ("loaded", PUBLISHED, "Ledger (Atom)")


def test_not_a_feed_is_a_clear_error(tmp_path):
    (tmp_path / "x.xml").write_text("just words, no feed here")
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        materialise(str(tmp_path / "x.xml"), tmp_path / "src")
    with pytest.raises(FeedError, match="does not exist"):
        materialise(str(tmp_path / "missing.xml"), tmp_path / "src")


def test_a_feed_that_cannot_be_read_does_not_stop_the_others(tmp_path):
    from flows.documents.feed import feeds_into_source

    folder, results, errors = feeds_into_source([str(FEED), str(tmp_path / "missing.xml")], None,
                                                str(tmp_path / "w.duckdb"))
    assert folder == str(tmp_path / "w.duckdb.feeds") and results[0].n_new == 2
    assert len(errors) == 1 and "missing.xml" in errors[0]
    with pytest.raises(FeedError, match="missing.xml"):
        feeds_into_source([str(tmp_path / "missing.xml")], None, str(tmp_path / "w.duckdb"))


def test_feed_over_http_fetches_each_items_page_once(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    with Server(site) as server:
        _served_feed(site, server.url)
        result = materialise(f"{server.url}/rss.xml", tmp_path / "src")
        assert (result.n_items, result.from_page, result.from_summary) == (3, 2, 1)
        assert len(result.failed) == 1 and "404" in result.failed[0]
        assert sorted(server.requests) == ["/gone.html", "/news/wire.html", "/rss.xml", "/world/ledger.html"]
        server.requests.clear()
        again = materialise(f"{server.url}/rss.xml", tmp_path / "src")
        assert (again.n_new, again.n_known) == (0, 3) and server.requests == ["/rss.xml"]
    with pytest.raises(FeedError):  # the server is gone
        materialise(f"{server.url}/rss.xml", tmp_path / "src")
    docs = extract_documents(tmp_path / "src")
    rows = {r["title"]: r for r in docs.to_dicts()}
    ledger = rows[TITLE]  # the fetched page, windows-1251, with the item's date, title and link
    assert (ledger["status"], ledger["encoding"], ledger["site_name"]) == ("loaded", "windows-1251", "The Northern Ledger")
    assert ledger["url"] == f"{server.url}/world/ledger.html" and ledger["published_at"] == PUBLISHED
    assert "Таццяна Глушко" in ledger["text"] and "cookie" not in ledger["text"].lower()
    wire = rows["Wire: " + TITLE]
    assert wire["site_name"] == "Baltic Wire" and wire["published_at"] == PUBLISHED
    gone = rows["A page that went"]  # its page is gone: the item's summary stands in
    assert gone["status"] == "loaded" and "the summary stands in" in gone["text"]


@pytest.mark.slow
def test_dossier_run_feed_over_http_is_incremental(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    env = dict(os.environ, DOSSIER_PREFECT_HOME=str(tmp_path / ".prefect"), PYTHONPATH=str(ROOT))
    db = tmp_path / "w.duckdb"

    def run():
        return subprocess.run([sys.executable, "-m", "flows", "run", "--feed", f"{server.url}/rss.xml",
                               "--feed", str(FEED), "--db", str(db)],
                              capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)

    with Server(site) as server:
        _served_feed(site, server.url)
        first = run()
        assert first.returncode == 0, first.stderr
        assert "3 items, 3 new" in first.stdout and "2 items, 2 new" in first.stdout
        second = run()
        assert second.returncode == 0, second.stderr
        assert "3 items, 0 new" in second.stdout and "no changes" in second.stdout
    assert (tmp_path / "w.duckdb.feeds").is_dir()
    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute("select status, count(*) from documents group by 1 order by 1").fetchall()
        releases = con.execute("select prisoner_count, event_date, n_sources from events "
                               "where event_type = 'prisoner_release'").fetchall()
        sanctions = con.execute("select target, action from sanctions").fetchall()
        bad = con.execute("select count(*) from evidence e join documents d using (doc_id) "
                          "where substr(d.text, e.char_start + 1, e.char_end - e.char_start) <> e.quote").fetchone()[0]
    assert docs == [("loaded", 5)]
    assert releases == [(23, dt.date(2026, 10, 17), 3)]  # three items tell of one release
    assert sanctions == [("Belavia", "lifted")]  # none from the pages' fact-shaped furniture
    assert bad == 0


def test_dossier_run_with_an_unreadable_feed_is_a_usage_error(tmp_path):
    env = dict(os.environ, DOSSIER_PREFECT_HOME=str(tmp_path / ".prefect"), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "flows", "run", "--feed", str(tmp_path / "missing.xml"),
                          "--db", str(tmp_path / "w.duckdb")], capture_output=True, text=True, timeout=120,
                         env=env, cwd=tmp_path)
    assert out.returncode == 2 and "missing.xml does not exist" in out.stderr
    assert not (tmp_path / "w.duckdb").exists()

"""Real pages in: HTML articles, any text encoding, and what a page says about itself.

Fixtures (tests/data/page_fixtures, written by tests/data/page_fixtures/make_pages.py in our own words): one article
as clean text; the same article as pages of three invented outlets (cookie banner, navigation,
JSON-LD, newsletter box, related / most read / trending boxes, comments: fact-shaped furniture), as
HTML inside .txt, and in windows-1251, latin-1 and UTF-16 (each with a UTF-8 twin).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from flows.documents.encoding import decode_bytes, declared_charset
from flows.documents.extract import extract_documents, read_bytes
from flows.extraction.facts import extract_facts

PAGES = Path(__file__).parent / "data" / "page_fixtures"
PUBLISHED = dt.date(2026, 10, 18)
HTML_FILES = ["ledger.html", "wire.html", "blog.html", "ledger_saved_as.txt", "ledger_cp1251.htm"]
ENCODED = {"story_cp1251.txt": "windows-1251", "story_latin1.txt": "windows-1252",
           "story_utf16.txt": "utf-16le"}
# furniture of the pages; several pieces are fact-shaped (a release, a sanction) on purpose
FURNITURE = ["cookie", "Accept all", "Subscribe", "Most read", "Related stories", "Iran frees",
             "Azerbaijan pardons", "Venezuela releases", "Britain imposes", "Belaruskali", "fishermen",
             "newsletter", "Sign up", "Share", "logged in", "All rights reserved", "Lithuania reopens",
             "Poland expels", "Canada lifts", "Trending", "1,100 to go", "Kazakhstan", "Popular posts",
             "Photo:", "Advertisement", "Tags:", "Home", "Archive"]


def _docs(*names: str) -> pl.DataFrame:
    return extract_documents(PAGES, [PAGES / n for n in names])


def _row(name: str) -> dict:
    return _docs(name).to_dicts()[0]


def facts_of(docs: pl.DataFrame) -> dict:
    """Everything a document yields that could become a fact, without offsets or ids."""
    f = extract_facts(docs.filter(pl.col("status") == "loaded"))
    return {
        "events": sorted(f["event_mentions"].select(
            "event_type", "country", "prisoner_count", "count_qualifier", "date_text", "event_date").unique().rows(),
            key=str),
        "sanctions": sorted(f["sanction_mentions"].select(
            "issuer", "target", "target_type", "target_country", "action").unique().rows(), key=str),
        "people": sorted(set(f["name_candidates"].filter(pl.col("is_person"))["surface"].to_list())),
        "tallies": sorted(f["tallies"].select("count", "qualifier", "quote").rows()),
    }


@pytest.fixture(scope="module")
def clean_facts():
    """The facts of the article as clean text, published the day the pages say."""
    return facts_of(_docs("story.txt").with_columns(published_at=pl.lit(PUBLISHED)))


def test_clean_article_has_the_facts_the_furniture_must_not_add_to(clean_facts):
    # the headline's and the lead's mentions of the one release (they may share a date and collapse)
    assert {e[:3] for e in clean_facts["events"] if e[0] == "prisoner_release"} == {
        ("prisoner_release", "Belarus", 23)}
    assert clean_facts["sanctions"] == [("United States", "Belavia", "company", "Belarus", "lifted")]
    assert "Daniel Reeve" in clean_facts["people"] and "Tatsiana Hlushko" in clean_facts["people"]


@pytest.mark.parametrize("name", HTML_FILES)
def test_page_facts_equal_the_clean_texts(name, clean_facts):
    docs = _docs(name)
    assert docs["status"].to_list() == ["loaded"], docs["reject_reason"].to_list()
    assert facts_of(docs) == clean_facts


@pytest.mark.parametrize("name", HTML_FILES)
def test_page_furniture_is_not_in_the_stored_text(name):
    text = _row(name)["text"]
    for piece in FURNITURE:
        assert piece.lower() not in text.lower(), piece
    # the article is, paragraph for paragraph
    article = (PAGES / ("story_cp1251_utf8.txt" if "cp1251" in name else "story.txt")).read_text()
    for paragraph in article.split("\n\n"):
        assert paragraph.strip() in text


def test_page_text_is_the_clean_article_exactly():
    assert _row("ledger.html")["text"] == (PAGES / "story.txt").read_text()
    assert _row("ledger_cp1251.htm")["text"] == (PAGES / "story_cp1251_utf8.txt").read_text()


@pytest.mark.parametrize(("name", "site", "author", "source", "url_start"), [
    ("ledger.html", "The Northern Ledger", "Marta Kowalczyk", "page", "https://northernledger.example/world/"),
    ("ledger_saved_as.txt", "The Northern Ledger", "Marta Kowalczyk", "page", "https://northernledger.example/"),
    ("ledger_cp1251.htm", "The Northern Ledger", "Marta Kowalczyk", "page", "https://northernledger.example/"),
    ("wire.html", "Baltic Wire", "Jonas Petraitis", "page", "https://balticwire.example/news/1187234"),
    ("blog.html", None, None, "page text", None),  # no date in its markup: htmldate reads it from the text
])
def test_what_a_page_says_about_itself(name, site, author, source, url_start):
    row = _row(name)
    assert row["format"] == "html"
    assert row["published_at"] == PUBLISHED and row["published_at_source"] == source
    assert row["site_name"] == site and row["source"] == site and row["author"] == author
    assert (row["url"] or "").startswith(url_start or "")
    assert row["title"] in ("Belarus frees 23 political prisoners after talks with US envoy", "Minsk Notes")


def test_a_sidecar_still_wins_over_the_page(tmp_path):
    shutil.copy(PAGES / "ledger.html", tmp_path / "page.html")
    (tmp_path / "page.json").write_text(json.dumps({"published_at": "2026-10-20", "title": "Given title",
                                                    "source": "Clippings"}))
    row = extract_documents(tmp_path).to_dicts()[0]
    assert (row["published_at"], row["published_at_source"]) == (dt.date(2026, 10, 20), "sidecar")
    assert row["title"] == "Given title" and row["source"] == "Clippings"
    assert row["site_name"] == "The Northern Ledger"  # what the page says is still kept
    assert row["url"].startswith("https://northernledger.example/")  # the sidecar gave none


def test_a_page_without_any_date_gets_none(tmp_path):
    page = (PAGES / "blog.html").read_text().replace("<p>Written on Sunday, 18 October 2026, by the editors.</p>", "")
    (tmp_path / "a.html").write_text(page)
    row = extract_documents(tmp_path).to_dicts()[0]
    assert row["status"] == "loaded" and row["published_at"] is None and row["published_at_source"] == "none"


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_legacy_encodings_are_read_and_recorded(name):
    twin = name.replace(".txt", "_utf8.txt")
    row, twin_row = _row(name), _row(twin)
    assert row["status"] == "loaded" and row["format"] == "text"
    assert row["encoding"] == ENCODED[name] and twin_row["encoding"] == "utf-8"
    assert row["text"] == twin_row["text"]
    assert facts_of(_docs(name)) == facts_of(_docs(twin))


def test_encoded_articles_give_the_clean_texts_release_and_sanction(clean_facts):
    for name in ENCODED:
        facts = facts_of(_docs(name).with_columns(published_at=pl.lit(PUBLISHED)))
        assert facts["events"] == clean_facts["events"] and facts["sanctions"] == clean_facts["sanctions"]
    assert "Алесь Марчанка" in _row("story_cp1251.txt")["text"]
    assert "René Lefèvre" in _row("story_latin1.txt")["text"]


def test_a_pages_declared_charset_is_used():
    data = (PAGES / "ledger_cp1251.htm").read_bytes()
    assert declared_charset(data) == "cp1251"
    text, encoding, reason = decode_bytes(data)
    assert (encoding, reason) == ("windows-1251", None) and "Таццяна Глушко" in text
    # what a page declares wins over a guess, also when it says a Latin charset
    latin = (PAGES / "ledger.html").read_text().replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Ales Marchenka", "Alès Marchenka").encode("latin-1")
    assert decode_bytes(latin)[1] == "iso-8859-1"


def test_utf16_without_a_byte_order_mark():
    text = (PAGES / "story.txt").read_text()
    for codec, name in (("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be")):
        assert decode_bytes(text.encode(codec)) == (text, name, None)


def test_utf8_with_a_few_stray_bytes_stays_utf8():
    text = (PAGES / "story_utf16_utf8.txt").read_text()
    data = text.encode("utf-8").replace(b"Minsk", b"Minsk\xff", 1)
    decoded, encoding, reason = decode_bytes(data)
    assert (encoding, reason) == ("utf-8", None) and decoded == text.replace("Minsk", "Minsk\ufffd", 1)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8,
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(255, -1, -1)) * 8,
    bytes(range(256)) * 20,
    bytes((i * 7919 + 13) % 256 for i in range(5000)),  # no NUL in the first bytes of some
])
def test_binary_is_still_rejected_with_a_reason(data):
    read = read_bytes(data)
    assert read["text"] is None and read["encoding"] is None
    assert read["reason"].startswith("binary content")


def test_an_html_page_with_no_article_is_rejected_with_a_reason():
    page = b"<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"
    read = read_bytes(page, html=True)
    assert read["text"] is None and read["format"] == "html" and "HTML page" in read["reason"]


def test_the_folder_lists_pages_beside_texts(tmp_path):
    for name in ("a.txt", "b.html", "c.htm", "d.json", "e.xml", "f.csv"):
        (tmp_path / name).write_text("x")
    assert sorted(extract_documents(tmp_path)["source_path"].to_list()) == ["a.txt", "b.html", "c.htm"]


def test_evidence_spans_index_into_the_stored_page_text():
    docs = _docs("wire.html", "ledger_cp1251.htm")
    f = extract_facts(docs)
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for frame in (f["event_mentions"], f["sanction_mentions"], f["name_candidates"]):
        for row in frame.iter_rows(named=True):
            quote = texts[row["doc_id"]][row["char_start"]:row["char_end"]]
            assert quote == (row.get("sentence") or row.get("surface") or quote)


@pytest.mark.slow
def test_a_warehouse_made_before_pages_takes_the_new_columns(tmp_path):
    import os
    import subprocess
    import sys

    import duckdb

    from tests.conftest import ROOT

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    src.mkdir()
    shutil.copy(PAGES / "story.txt", src / "a.txt")
    env = dict(os.environ, DOSSIER_PREFECT_HOME=str(tmp_path / ".prefect"), PYTHONPATH=str(ROOT))

    def run():
        out = subprocess.run([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(db)],
                             capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout

    run()
    new_columns = ("encoding", "format", "author", "site_name", "published_at_source")
    with duckdb.connect(str(db)) as con:  # as a warehouse made before this change was
        for column in new_columns:
            con.execute(f"alter table documents drop column {column}")
    shutil.copy(PAGES / "ledger_cp1251.htm", src / "b.htm")
    assert "1 read, 1 unchanged" in run()  # the old row is kept as it is, the page is read
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select source_path, status, encoding, format, published_at_source "
                           "from documents order by 1").fetchall()
    assert rows == [("a.txt", "loaded", None, None, None),
                    ("b.htm", "loaded", "windows-1251", "html", "page")]


@pytest.mark.slow
def test_one_run_over_every_kind_finds_the_article_facts_and_none_from_furniture(tmp_path):
    import os
    import subprocess
    import sys

    import duckdb

    from tests.conftest import ROOT

    src = tmp_path / "src"
    src.mkdir()
    for name in ["story.txt", *HTML_FILES, *ENCODED]:
        shutil.copy(PAGES / name, src / name)
    env = dict(os.environ, DOSSIER_PREFECT_HOME=str(tmp_path / ".prefect"), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(tmp_path / "w.duckdb")],
                         capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "9 files: 9 loaded, 0 rejected" in out.stdout
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        assert q("select event_type, prisoner_count, event_date, n_sources from events "
                 "where event_type = 'prisoner_release'") == [("prisoner_release", 23, dt.date(2026, 10, 17), 9)]
        assert {r[0] for r in q("select event_type from events")} <= {"prisoner_release", "negotiation",
                                                                      "diplomatic_visit"}
        assert q("select target, action from sanctions") == [("Belavia", "lifted")]
        people = {r[0] for r in q("select canonical_name from people")}
        assert people <= {"Daniel Reeve", "Ales Marchenka", "Tatsiana Hlushko", "Alexander Lukashenko",
                          "Sviatlana Tsikhanouskaya", "René Lefèvre", "Алесь Марчанка", "Таццяна Глушко"}
        assert {"Daniel Reeve", "Tatsiana Hlushko", "Alexander Lukashenko"} <= people
        quotes = " ".join(r[0] for r in q("select quote from evidence")).lower()
        for piece in FURNITURE:
            assert piece.lower() not in quotes, piece
        assert q("select count(*) from evidence e join documents d using (doc_id) "
                 "where substr(d.text, e.char_start + 1, e.char_end - e.char_start) <> e.quote") == [(0,)]
        dated = dict(q("select source_path, published_at_source from documents"))
    assert dated["ledger.html"] == "page" and dated["blog.html"] == "page text" and dated["story.txt"] == "none"

"""One run over every kind of input Dossier accepts, and what each file gave: a Markdown table.

The same invented article (tests/data/page_fixtures, written by us) as clean text, as three outlets' pages,
as HTML inside .txt, in windows-1251 / latin-1 / UTF-16, and as feed items (the item's content, and
the item's page fetched from a local HTTP server on 127.0.0.1), plus a binary file. All go through
`dossier run` into one warehouse; per file the table shows what was loaded (status, format,
encoding, characters), the facts its evidence supports and the publication date found.

    PYTHONPATH=. python scripts/page_kinds.py [--out FILE.md]
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "page_fixtures"
sys.path.insert(0, str(ROOT))

KINDS = [  # (kind, fixture, name in the source folder)
    ("clean text (UTF-8, no metadata)", "story.txt", "01_clean.txt"),
    ("clean text + sidecar published_at", "story.txt", "02_clean_sidecar.txt"),
    ("HTML page (JSON-LD datePublished)", "ledger.html", "03_ledger.html"),
    ("HTML page (article:published_time)", "wire.html", "04_wire.html"),
    ("HTML page (date only in its text)", "blog.html", "05_blog.html"),
    ("HTML inside .txt (browser 'save as')", "ledger_saved_as.txt", "06_saved_as.txt"),
    ("windows-1251 page (declared charset)", "ledger_cp1251.htm", "07_cp1251.htm"),
    ("windows-1251 text (detected)", "story_cp1251.txt", "08_cp1251.txt"),
    ("latin-1 text (detected)", "story_latin1.txt", "09_latin1.txt"),
    ("UTF-16 text (byte-order mark)", "story_utf16.txt", "10_utf16.txt"),
]


def _server(folder: Path) -> ThreadingHTTPServer:
    handler = type("Quiet", (SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def build(work: Path) -> tuple[Path, dict[str, str]]:
    """The source folder (one file per kind, plus feed items) and kind per source_path prefix."""
    from flows.documents.feed import materialise

    sys.path.insert(0, str(PAGES))
    import make_pages as m

    src = work / "src"
    src.mkdir()
    kinds = {}
    for kind, fixture, name in KINDS:
        data = (PAGES / fixture).read_bytes()
        # the sidecar's copy differs by its last byte, or it would be a byte-identical duplicate
        (src / name).write_bytes(data + b"\n" if name.startswith("02_") else data)
        kinds[name] = kind
    (src / "02_clean_sidecar.json").write_text('{"published_at": "2026-10-18"}')
    (src / "11_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    kinds["11_binary.txt"] = "binary (PNG saved as .txt)"
    # feed items: the feed file's content, and an item whose page is fetched from a local server
    feed_file = materialise(str(PAGES / "feed.xml"), src)
    site = work / "site"
    site.mkdir()
    # the wire's page as its server sends it (one byte more than the saved copy, or it is a duplicate)
    (site / "wire.html").write_bytes((PAGES / "wire.html").read_bytes() + b"\n")
    httpd = _server(site)
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        item = {**m.FEED_ITEMS[0], "content": None, "link": f"{base}/wire.html", "guid": "wire-1",
                "title": "Wire: " + m.TITLE}
        (site / "rss.xml").write_text(m.rss([item], title="Baltic Wire feed"), encoding="utf-8")
        feed_http = materialise(f"{base}/rss.xml", src)
    finally:
        httpd.shutdown()
        httpd.server_close()
    for p in feed_file.folder.glob("*.html"):
        kinds[p.relative_to(src).as_posix()] = "feed item (RSS content:encoded)"
    for p in feed_http.folder.glob("*.html"):
        kinds[p.relative_to(src).as_posix()] = "feed item (its page fetched over HTTP)"
    return src, kinds


ROWS_SQL = """
with releases as (  -- the document's own reading (its staging rows), not the event merged across sources
    select doc_id, list(distinct event_type || coalesce(' ' || prisoner_count, '')
                        || coalesce(' on ' || event_date, '') order by 1) as events
    from stg_event_mentions group by 1
), moves as (
    select doc_id, list(distinct action || ' ' || target order by 1) as sanctions from stg_sanction_mentions group by 1
), support as (
    select doc_id, count(*) as n_evidence from evidence group by 1
)
select d.source_path, d.status, d.format, d.encoding, d.n_chars,
       (select count(distinct person_id) from person_mentions m where m.doc_id = d.doc_id) as people,
       r.events, s.sanctions, coalesce(e.n_evidence, 0), d.published_at, d.published_at_source, d.reject_reason
from documents d left join releases r using (doc_id) left join moves s using (doc_id) left join support e using (doc_id)
order by d.source_path
"""


def table(db: Path, kinds: dict[str, str]) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(ROWS_SQL).fetchall()
    out = ["| input kind | loaded as | chars | people | event mentions (date) | sanctions | evidence rows | date found |",
           "|---|---|---|---|---|---|---|---|"]
    for path, status, fmt, enc, n_chars, people, events, sanctions, n_evidence, published, source, reason in rows:
        loaded = f"{status}: {fmt}, {enc}" if status == "loaded" else f"{status}: {reason}"
        events = "; ".join(sorted(e for e in (events or []) if e)) or "-"
        sanctions = "; ".join(sorted(sanctions or [])) or "-"
        date = f"{published} ({source})" if published else "none"
        out.append(f"| {kinds.get(path, path)} | {loaded} | {n_chars or '-'} | {people if status == 'loaded' else '-'} "
                   f"| {events} | {sanctions} | {n_evidence if status == 'loaded' else '-'} | {date} |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="also write the table to this Markdown file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src, kinds = build(work)
        db = work / "w.duckdb"
        env = dict(os.environ, PYTHONPATH=str(ROOT), DOSSIER_PREFECT_HOME=str(work / ".prefect"))
        run = subprocess.run([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(db)],
                             capture_output=True, text=True, env=env, cwd=work)
        if run.returncode:
            print(run.stdout, run.stderr, file=sys.stderr)
            return run.returncode
        print(run.stdout.splitlines()[1], file=sys.stderr)
        result = table(db, kinds)
    print(result)
    if args.out:
        Path(args.out).write_text(result + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

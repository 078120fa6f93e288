"""Reading cost of HTML pages against plain texts: the same N synthetic articles both ways.

Each synthetic article (bench/synth.py) is written once as a plain .txt and once as a news-site
page (cookie banner, navigation, JSON-LD, newsletter box, related and most-read lists, comments)
and both folders are read by the extract stage (flows/documents/extract.py: decode, HTML extraction,
language). Then the facts stage runs on both, to show what the extracted pages yield against the
texts they were made from (release mentions and sanction mentions per document).

    PYTHONPATH=. python scripts/bench_html.py [--n 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def page(text: str, meta: dict, i: int) -> str:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    title, body = lines[0], lines[1:]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": meta["published_at"] + "T08:00:00Z", "author": {"@type": "Person", "name": "Staff"},
          "publisher": {"@type": "Organization", "name": meta["source"]}}
    paras = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(meta['source'])}</title>
<meta property="og:site_name" content="{html.escape(meta['source'])}">
<link rel="canonical" href="https://news.example/{i}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>var dataLayer = [{{"id": {i}}}];</script></head>
<body><div class="cookie-banner"><p>We use cookies to personalise content. Accept all or manage settings.</p>
<button>Accept all</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{html.escape(title)}</h1><div class="byline">By Staff</div>
{paras}
<div class="newsletter"><p>Sign up for our daily newsletter.</p></div></article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/r/1">Officials free 12 detainees in overnight swap</a></li>
<li><a href="/r/2">Ministers impose sanctions on shipping firm</a></li></ul></aside>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/m/1">Court jails 4 activists</a></li></ol></aside>
<section class="comments"><h2>Comments (2)</h2><div class="comment"><p>They should lift the sanctions now.</p></div>
<div class="comment"><p>Free them all.</p></div></section></main>
<footer><p>&copy; 2026 {html.escape(meta['source'])}. All rights reserved.</p></footer></body></html>
"""


def write_corpus(n: int, seed: int, root: Path) -> tuple[Path, Path, int]:
    from bench.synth import render_document

    texts, pages = root / "texts", root / "pages"
    texts.mkdir()
    pages.mkdir()
    r = random.Random(seed)
    page_bytes = 0
    for i in range(n):
        text, meta = render_document(r)
        (texts / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
        data = page(text, meta, i).encode("utf-8")
        (pages / f"doc_{i:05d}.html").write_bytes(data)
        page_bytes += len(data)
    return texts, pages, page_bytes


def per_doc(facts: dict, key: str, cols: list[str]) -> dict[str, list]:
    frame = facts[key].sort("char_start")
    # the distinct facts per document (a fact told twice in one document is still one fact)
    return {d: sorted(set(map(str, g.select(cols).rows()))) for (d,), g in frame.group_by("doc_id")} if frame.height \
        else {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    import polars as pl

    from flows.documents.extract import extract_documents
    from flows.extraction.facts import extract_facts

    extract_documents(ROOT / "tests" / "data" / "page_fixtures", [ROOT / "tests" / "data" / "page_fixtures" / "ledger.html"])  # warm
    with tempfile.TemporaryDirectory() as tmp:
        texts, pages, page_bytes = write_corpus(args.n, args.seed, Path(tmp))
        text_bytes = sum(p.stat().st_size for p in texts.iterdir())
        timings, docs = {}, {}
        for name, folder in (("plain text", texts), ("HTML pages", pages)):
            t0 = time.perf_counter()
            docs[name] = extract_documents(folder)
            timings[name] = time.perf_counter() - t0
    print(f"reading {args.n} documents (extract stage: decode, HTML extraction, language), one process:")
    for name, secs in timings.items():
        d = docs[name]
        size = text_bytes if name == "plain text" else page_bytes
        print(f"  {name:<11} {secs:6.2f} s  {1000 * secs / args.n:6.2f} ms/doc  {size / 1e6:5.1f} MB  "
              f"loaded {int((d['status'] == 'loaded').sum())}, dated {int(d['published_at'].is_not_null().sum())}")
    print(f"  HTML / text: {timings['HTML pages'] / timings['plain text']:.1f}x")
    # what each yields: compare per document (the page's doc is matched to its text by file number)
    facts = {}
    for name, d in docs.items():
        d = d.filter(pl.col("status") == "loaded").with_columns(
            pl.col("source_path").str.extract(r"(\d+)").alias("doc_id"))
        t0 = time.perf_counter()
        facts[name] = extract_facts(d.with_columns(published_at=pl.lit(None, pl.Date)))
        print(f"  facts stage on {name}: {time.perf_counter() - t0:.2f} s")
    for key, cols in (("event_mentions", ["event_type", "prisoner_count"]),
                      ("sanction_mentions", ["issuer", "target", "action"])):
        a, b = per_doc(facts["plain text"], key, cols), per_doc(facts["HTML pages"], key, cols)
        same = sum(a.get(k, []) == b.get(k, []) for k in set(a) | set(b))
        total = len(set(a) | set(b))
        print(f"  {key}: {facts['plain text'][key].height} from texts, {facts['HTML pages'][key].height} from pages; "
              f"{same}/{total} documents with any give the same distinct ones")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

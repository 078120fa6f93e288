"""Writes the page fixtures of this folder (run it after editing; the files are committed).

Every word here is our own: an invented outlet ("The Northern Ledger", "Baltic Wire"), an invented
story (a release of 23 prisoners) and invented furniture. The furniture is fact-shaped on purpose
(related stories, "most read" and comments that speak of releases and sanctions), so a test can
check that nothing from it becomes a fact.

    python tests/data/page_fixtures/make_pages.py
"""

from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).parent

TITLE = "Belarus frees 23 political prisoners after talks with US envoy"
AUTHOR = "Marta Kowalczyk"
PUBLISHED = "2026-10-18T09:12:00+00:00"
URL = "https://northernledger.example/world/2026/10/18/belarus-frees-23-prisoners"

# {cyr1} / {cyr2}: Cyrillic spellings (windows-1251, UTF-16); {latin}: a sentence with Latin-1 accents
PARAGRAPHS = [
    "Belarus released 23 political prisoners on Saturday after a visit to Minsk by the US special envoy "
    "Daniel Reeve, the exiled opposition said.",
    "Among those freed was the journalist Ales Marchenka{cyr1}, who had spent four years in a prison colony "
    "in Navapolatsk. The lawyer Tatsiana Hlushko{cyr2} was also released, her family said.",
    "Alexander Lukashenko signed the pardons hours after meeting Reeve in Minsk. The prisoners were driven "
    "to the Lithuanian border and handed over to American diplomats.",
    "In return, the United States lifted sanctions on the state airline Belavia, the Treasury said in a "
    "statement on Saturday evening.",
    "The rights group Viasna says more than 1,100 people remain behind bars for political reasons.{latin}",
    "\"We are glad for every family, but this is not the end,\" said Sviatlana Tsikhanouskaya, "
    "the exiled opposition leader.",
]
CYR = {"cyr1": " (\u0410\u043b\u0435\u0441\u044c \u041c\u0430\u0440\u0447\u0430\u043d\u043a\u0430)",
       "cyr2": " (\u0422\u0430\u0446\u0446\u044f\u043d\u0430 \u0413\u043b\u0443\u0448\u043a\u043e)"}
LATIN = {"latin": " Ren\u00e9 Lef\u00e8vre, who chairs the European Parliament's delegation for "
                  "relations with Belarus, called the release 'a first step, not a d\u00e9tente'."}
NONE = {"cyr1": "", "cyr2": "", "latin": ""}


def paragraphs(extra: dict | None = None) -> list[str]:
    values = {**NONE, **(extra or {})}
    return [p.format(**values) for p in PARAGRAPHS]


def clean_text(extra: dict | None = None) -> str:
    """The article as a user would save it by hand: title, blank line, paragraphs."""
    return TITLE + "\n\n" + "\n\n".join(paragraphs(extra)) + "\n"


def ledger_page(paras: list[str], charset: str = "utf-8") -> str:
    """A big-outlet page: cookie banner, navigation, JSON-LD, newsletter box, related, most read, comments."""
    body = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in paras)
    body_split = body.split("\n")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
          "datePublished": PUBLISHED, "dateModified": "2026-10-18T14:30:00+00:00",
          "author": [{"@type": "Person", "name": AUTHOR}],
          "publisher": {"@type": "Organization", "name": "The Northern Ledger"},
          "mainEntityOfPage": URL}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="{charset}">
  <title>{TITLE} | The Northern Ledger</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="The opposition says the journalist and the lawyer are among those freed.">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{TITLE}">
  <meta property="og:site_name" content="The Northern Ledger">
  <meta property="og:url" content="{URL}">
  <link rel="canonical" href="{URL}">
  <script type="application/ld+json">{json.dumps(ld)}</script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "world"}});</script>
  <style>.cookie-banner{{position:fixed;bottom:0}} nav a{{margin:0 8px}}</style>
</head>
<body>
  <div class="cookie-banner" id="consent">
    <p>We use cookies to improve your experience and to show you relevant ads.
       By clicking Accept all you consent to our cookie policy.</p>
    <button>Accept all</button> <button>Manage settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">The Northern Ledger</a>
    <nav>
      <a href="/world">World</a> <a href="/europe">Europe</a> <a href="/politics">Politics</a>
      <a href="/business">Business</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a>
    </nav>
  </header>
  <ul class="breadcrumb"><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li></ul>
  <main>
    <article class="story">
      <h1>{TITLE}</h1>
      <div class="byline">By <a rel="author" href="/authors/mk">{AUTHOR}</a>,
        <time datetime="{PUBLISHED}">18 October 2026</time></div>
      <figure><img src="/img/border.jpg" alt="">
        <figcaption>Cars queue at a border crossing. Photo: Ledger archive</figcaption></figure>
{chr(10).join(body_split[:3])}
      <aside class="newsletter-box">
        <h3>Eastern Europe Briefing</h3>
        <p>Sign up for our weekly newsletter on the region.</p>
        <form><input type="email" placeholder="Your email"><button>Sign up</button></form>
      </aside>
{chr(10).join(body_split[3:])}
      <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/a1">Iran frees 12 foreign prisoners in swap with France</a></li>
        <li><a href="/a2">EU extends sanctions on Russian oil for six more months</a></li>
        <li><a href="/a3">Azerbaijan pardons 40 inmates ahead of national holiday</a></li>
      </ul>
    </aside>
    <aside class="most-read">
      <h2>Most read</h2>
      <ol>
        <li><a href="/m1">Venezuela releases 31 detainees after weekend talks with US officials</a></li>
        <li><a href="/m2">Britain imposes sanctions on Georgian interior minister</a></li>
        <li><a href="/m3">Storm closes Baltic ports for a second day</a></li>
      </ol>
    </aside>
    <section class="comments" id="comments">
      <h2>Comments (3)</h2>
      <div class="comment"><span class="user">anna_k</span>
        <p>Washington should impose sanctions on the potash exporter Belaruskali again, not lift them.</p></div>
      <div class="comment"><span class="user">PetrasV</span>
        <p>Russia released 8 of our fishermen last spring and nobody wrote about it.</p></div>
      <div class="comment"><span class="user">guest_19</span>
        <p>Good news at last.</p></div>
      <p>You must be logged in to post a comment.</p>
    </section>
  </main>
  <footer>
    <nav><a href="/about">About us</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav>
    <p>&copy; 2026 The Northern Ledger. All rights reserved.</p>
  </footer>
</body>
</html>
"""


def wire_page(paras: list[str]) -> str:
    """A wire-service page: Open Graph and article:published_time (no JSON-LD), inline "read more", trending, tags."""
    ps = [f'    <p class="story-text">{html.escape(p, quote=False)}</p>' for p in paras]
    return f"""<!doctype html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{TITLE} - Baltic Wire</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Baltic Wire">
<meta property="og:url" content="https://balticwire.example/news/1187234">
<meta property="article:published_time" content="2026-10-18T07:40:00Z">
<meta name="author" content="Jonas Petraitis">
</head>
<body>
<div id="top-bar"><a href="/">Baltic Wire</a> | <a href="/latest">Latest</a> | <a href="/markets">Markets</a> | <a href="/login">Log in</a></div>
<div class="ad-slot">Advertisement</div>
<div class="story-body">
  <h1 class="headline">{TITLE}</h1>
  <p class="dateline">VILNIUS, Oct 18 (Baltic Wire)</p>
{chr(10).join(ps[:2])}
  <div class="inline-promo"><strong>READ MORE:</strong>
    <a href="/news/1187001">Lithuania reopens two border crossings after three-month closure</a></div>
{chr(10).join(ps[2:])}
  <p class="credit">Reporting by Jonas Petraitis; editing by Ruth Ames</p>
  <div class="tags">Tags: <a href="/t/belarus">Belarus</a> <a href="/t/prisoners">Prisoners</a></div>
</div>
<div class="trending">
  <h3>Trending now</h3>
  <ul>
    <li><a href="/news/1187100">Poland expels 2 diplomats over espionage case</a></li>
    <li><a href="/news/1187101">Canada lifts sanctions on Belarusian fertiliser maker, reversing course</a></li>
  </ul>
</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on LinkedIn</a></div>
<div id="disqus_thread"><div class="post"><p>Finally some movement. 23 freed, 1,100 to go.</p></div></div>
<footer>Baltic Wire &middot; Contact &middot; Cookie settings</footer>
</body>
</html>
"""


def blog_page(paras: list[str]) -> str:
    """A small outlet's page: no meta date, no JSON-LD; the date is only in the text."""
    ps = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    return f"""<html>
<head><title>Minsk Notes</title></head>
<body>
<div id="menu"><a href="/">Home</a> &middot; <a href="/archive">Archive</a> &middot; <a href="/about">About</a></div>
<div class="post">
<h2>{TITLE}</h2>
<p>Written on Sunday, 18 October 2026, by the editors.</p>
{ps}
</div>
<div class="sidebar"><h4>Popular posts</h4>
<ul><li><a href="/p/9">Kazakhstan frees 14 activists in amnesty</a></li></ul></div>
</body>
</html>
"""


def feed_item_html(paras: list[str]) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)


SECOND_TITLE = "Lithuania reopens two border crossings with Belarus"
SECOND = [
    "Lithuania reopened two crossings on its border with Belarus on Monday after a three-month closure, "
    "the interior ministry in Vilnius said.",
    "Traffic at the Medininkai and Salcininkai checkpoints resumed in the morning, with queues of lorries "
    "stretching several kilometres, border guards said.",
    "The crossings were shut in the summer after a series of incidents at the border. Hauliers' groups "
    "had said the closure cost their members tens of millions of euros.",
]


def rss(items: list[dict], title: str = "The Northern Ledger - Europe") -> str:
    parts = []
    for it in items:
        content = (f"\n      <content:encoded><![CDATA[{it['content']}]]></content:encoded>"
                   if it.get("content") else "")
        parts.append(f"""    <item>
      <title>{html.escape(it['title'])}</title>
      <link>{html.escape(it['link'])}</link>
      <guid isPermaLink="false">{it['guid']}</guid>
      <pubDate>{it['pubDate']}</pubDate>
      <dc:creator>{it.get('author', AUTHOR)}</dc:creator>
      <description>{html.escape(it['summary'])}</description>{content}
    </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{title}</title>
    <link>https://northernledger.example/europe</link>
    <description>News from Europe</description>
{chr(10).join(parts)}
  </channel>
</rss>
"""


FEED_ITEMS = [
    {"title": TITLE, "link": URL, "guid": "ledger-2026-10-18-belarus-23",
     "pubDate": "Sun, 18 Oct 2026 09:12:00 +0000",
     "summary": "The opposition says the journalist and the lawyer are among those freed.",
     "content": feed_item_html(paragraphs())},
    {"title": SECOND_TITLE, "link": "https://northernledger.example/europe/2026/10/19/lithuania-border",
     "guid": "ledger-2026-10-19-lithuania-border", "pubDate": "Mon, 19 Oct 2026 11:00:00 +0000",
     "summary": "Queues of lorries formed at both checkpoints.", "content": feed_item_html(SECOND)},
]


def write_all() -> dict[str, bytes]:
    both = {**CYR, **LATIN}
    files = {
        # the article as clean text, and its twins in other encodings (each has a UTF-8 twin: *_utf8.txt)
        "story.txt": clean_text().encode("utf-8"),
        "story_cp1251.txt": clean_text(CYR).encode("cp1251"),
        "story_cp1251_utf8.txt": clean_text(CYR).encode("utf-8"),
        "story_latin1.txt": clean_text(LATIN).encode("latin-1"),
        "story_latin1_utf8.txt": clean_text(LATIN).encode("utf-8"),
        "story_utf16.txt": clean_text(both).encode("utf-16"),  # with BOM, as Windows Notepad saves it
        "story_utf16_utf8.txt": clean_text(both).encode("utf-8"),
        # pages
        "ledger.html": ledger_page(paragraphs()).encode("utf-8"),
        # HTML inside .txt: "Save page as" in a browser, with the mark browsers put on top
        "ledger_saved_as.txt": (f"<!-- saved from url=({len(URL):04d}){URL} -->\n"
                                + ledger_page(paragraphs())).encode("utf-8"),
        # a small outlet's page: no date in its markup, only in the text ("page text")
        "blog.html": blog_page(paragraphs()).encode("utf-8"),
        "ledger_cp1251.htm": ledger_page(paragraphs(CYR), "windows-1251").encode("cp1251"),
        "wire.html": wire_page(paragraphs()).encode("utf-8"),
        "feed.xml": rss(FEED_ITEMS).encode("utf-8"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    return files


if __name__ == "__main__":
    for name in write_all():
        print(name)

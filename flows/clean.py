"""Clean stage: blank out page furniture and split the body into sentences.

Furniture (newsletter prompts, comment boxes, "Related Articles", "Read also:"
link lists) is replaced by spaces of the same length, so every character
offset in `body` is an offset into the original `text`: evidence spans stay
exact without any mapping.
"""

from __future__ import annotations

import re

import polars as pl

# A line that is furniture by itself.
FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        (?:related|recommended|more|popular|trending|latest)\s+(?:articles?|stories|news|reads?|posts?|coverage)\b.*
      | (?:read|see|watch|listen)\s+(?:also|more|next)\b.*
      | most\s+(?:read|viewed|popular|shared)\b.*
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested)\b.*
      | (?:stay\s+informed|sign\s+up|subscribe|join\s+our|get\s+our)\b.*(?:newsletter|updates|inbox|alerts|subscribe).*
      | .*\bnewsletter\b.{0,40}$
      | comments?\s*(?:\(\d+\))?\s*:?
      | (?:leave|post|add)\s+a\s+comment\b.*
      | you\s+must\s+be\s+logged\s+in\b.*
      | (?:share|tweet|email|print)\s+(?:this|the)\s+(?:article|story|page)\b.*
      | share\s*(?:on)?\s*(?:facebook|twitter|x|whatsapp|linkedin)?\s*:?
      | follow\s+us\s+on\b.*
      | advertisement|sponsored(?:\s+content)?|ad
      | .*\bcookies?\b.{0,80}(?:accept|consent|policy|settings).*
      | (?:photo|image|video|credit)\s*:.{0,120}
      | (?:copyright|©|\(c\))\s.*
      | all\s+rights\s+reserved.*
      | tags?\s*:.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Headings after which the rest of the page is link lists, not article.
TRAILER_HEADING = re.compile(
    r"^\s*(?:read\s+also|see\s+also|related(?:\s+\w+)?|more\s+(?:from|on|stories|news)\b.*"
    r"|most\s+(?:read|viewed|popular)|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+\w+)?"
    r"|comments?)\s*:?\s*$",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^\s*(?:[-•*–—·▪]|\d+[.)])\s+")
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr",
                 "Sr", "Prof", "No", "Vol", "U.S", "U.K", "U.N", "E.U", "Inc", "Ltd", "Co", "vs",
                 "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                 "Nov", "Dec", "a.m", "p.m", "Rev", "Capt", "Sgt", "Adm")
# Sentence boundary: end punctuation + space + an upper-case start, or a newline.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
ABBREV_END = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")|\b[A-Z])\.$")

SENTENCE_SCHEMA = {"doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64,
                   "char_end": pl.Int64, "sentence": pl.String, "is_headline": pl.Boolean}


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of furniture lines (whole lines, without the newline)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    in_trailer = False
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            if TRAILER_HEADING.match(line):
                in_trailer = True
                spans.append((pos, end))
            elif FURNITURE_LINE.match(line):
                spans.append((pos, end))
            elif in_trailer and (LIST_ITEM.match(line) or len(stripped) < 160):
                # link lists and teaser headlines after a trailer heading
                spans.append((pos, end))
            elif in_trailer:
                in_trailer = False  # a real paragraph: the article resumed
        pos = end + 1
    return spans


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces of the same length (offsets keep their meaning)."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def clean_documents(docs: pl.DataFrame) -> pl.DataFrame:
    """Loaded documents with `body` (furniture blanked, same length as text) and `n_furniture_chars`."""
    loaded = docs.filter(pl.col("status") == "loaded").select("doc_id", "text", "published_at")
    bodies = [mask_spans(t, furniture_spans(t)) for t in loaded["text"]]
    return loaded.with_columns(body=pl.Series(bodies, dtype=pl.String)).with_columns(
        n_furniture_chars=pl.col("text").str.count_matches(r"\S").cast(pl.Int64)
        - pl.col("body").str.count_matches(r"\S").cast(pl.Int64),
    )


def _is_headline(sentence: str) -> bool:
    """Title-case line without final punctuation (a headline or section heading)."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    if len(words) < 2 or sentence.rstrip()[-1:] in ".!?\"”":
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.6


def split_sentences_one(doc_id: str, body: str) -> list[tuple]:
    """Sentence spans of one body; a sentence never crosses a newline."""
    rows = []
    start = 0
    idx = 0

    def emit(s: int, e: int) -> None:
        nonlocal idx
        seg = body[s:e]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if seg and any(ch.isalpha() for ch in seg):
            rows.append((doc_id, idx, s + lead, s + lead + len(seg), seg, _is_headline(seg)))
            idx += 1

    for m in SENTENCE_END.finditer(body):
        if m.group(0).strip() == "" and "\n" not in m.group(0) and ABBREV_END.search(body[max(0, m.start() - 6):m.start()]):
            continue  # "Mr. Smith", "U.S. officials": not a boundary
        emit(start, m.start())
        start = m.end()
    emit(start, len(body))
    return rows


def split_sentences(cleaned: pl.DataFrame) -> pl.DataFrame:
    """One row per sentence of every cleaned body, with its span in the document text."""
    rows: list[tuple] = []
    for doc_id, body in zip(cleaned["doc_id"], cleaned["body"]):
        rows.extend(split_sentences_one(doc_id, body))
    return pl.DataFrame(rows, schema=SENTENCE_SCHEMA, orient="row")

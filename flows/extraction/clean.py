"""Clean stage: blank out page furniture and split the body into sentences.

Furniture (newsletter prompts, comment boxes, "Related Articles", "Read also:"
link lists) is replaced by spaces of the same length, so every character
offset in `body` is an offset into the original `text`: evidence spans stay
exact without any mapping.
"""

from __future__ import annotations

import re

import numpy as np
import polars as pl

from flows.language import rules
from flows.language.lexicon import is_given_name

# Lines that are furniture by themselves: one entry each in flows/language/rules/furniture.toml, with
# examples. Most kinds are known by how the line starts ("lead"), two by a word anywhere in the line
# ("anywhere": trying those on every line is the costly part, so only lines holding the word are tried).
_FURNITURE_LEAD = rules.furniture_alternation("lead")
_FURNITURE_ANYWHERE = rules.furniture_alternation("anywhere")
_FURNITURE_WORDS = rules.furniture_words()
FURNITURE_LINE = re.compile(rf"^\s*(?:{_FURNITURE_LEAD}|{_FURNITURE_ANYWHERE})\s*$", re.IGNORECASE | re.VERBOSE)
FURNITURE_LEAD_LINE = re.compile(rf"^\s*(?:{_FURNITURE_LEAD})\s*$", re.IGNORECASE | re.VERBOSE)


# furniture that captions a picture: its numbers and moves repeat the story or describe a picture, but the people it
# names are the document's ("FILE PHOTO: <minister> <A B> meets <C D> ..."; issue 22, class 7: people named only in
# a caption were missed): `caption_sentences` gives them to the people's reader, and to no other
CAPTION_KINDS = ("photo_caption", "file_picture_caption", "agency_picture_credit")
CAPTION_LINE = re.compile(rf"^\s*(?:{rules.furniture_alternation(names=CAPTION_KINDS)})\s*$", re.IGNORECASE | re.VERBOSE)
# caption sentences are numbered after every sentence of the body (their own `sent_idx` range)
CAPTION_SENT_IDX = 1_000_000


def is_furniture_line(line: str) -> bool:
    """FURNITURE_LINE.match(line), trying the word-anywhere kinds only on lines that hold a word."""
    if FURNITURE_LEAD_LINE.match(line):
        return True
    if line.isascii():  # lower() is the regex's case folding only for ASCII
        low = line.lower()
        if not any(word in low for word in _FURNITURE_WORDS):
            return False
    return bool(FURNITURE_LINE.match(line))


# Headings after which the rest of the page is link lists, not article ("trailer" entries).
TRAILER_HEADING = re.compile(rf"^\s*(?:{rules.furniture_alternation('trailer')})\s*:?\s*$", re.IGNORECASE | re.VERBOSE)
LIST_ITEM = re.compile(r"^\s*(?:[-•*–—·▪]|\d+[.)])\s+")
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr",
                 "Sr", "Prof", "No", "Vol", "U.S", "U.K", "U.N", "E.U", "Inc", "Ltd", "Co", "vs",
                 "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                 "Nov", "Dec", "a.m", "p.m", "Rev", "Capt", "Sgt", "Adm", "Sens", "Reps",
                 # ranks cut short before a name ("National Guard Cmdr. <name>"; issue 22, class 7)
                 "Cmdr", "Maj", "Brig", "Cpl", "Supt", "Insp")
# Sentence boundary: end punctuation + space + an upper-case start, or a newline, or two sentences
# glued without a space ("...was released.The next day", "...North Korea.Japan said"): end punctuation
# right after a word ending in two lower-case letters and right before a capitalised word (upper then
# lower case). That never cuts a domain ("news.com"), a decimal ("3.5"), "U.S." or "St.Petersburg";
# glued abbreviations ("Gen.Smith") are kept whole by ABBREV_END as spaced ones are.
SENTENCE_END = re.compile(r"(?:(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+"
                          r"|(?<=[a-z][a-z][.!?])[\"”’)]*(?=[\"“‘(]?[A-Z][a-z]))")
# SENTENCE_END's matches, each starting one character earlier when it follows end punctuation: a
# pattern that starts with a plain character class lets the engine jump to candidates (2x faster).
BOUNDARY = re.compile(r"""[.!?\n](?:(?<=[.!?])["”’)]*\s+(?=["“‘(]?[A-Z0-9])|(?<=\n)\n*"""
                      r"""|(?<=[a-z][a-z][.!?])["”’)]*(?=["“‘(]?[A-Z][a-z]))""")
ABBREV_END = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")|\b[A-Z])\.$")

SENTENCE_SCHEMA = {"doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64,
                   "char_end": pl.Int64, "sentence": pl.String, "is_headline": pl.Boolean}


# an author's line above the article's date line: a name of two or three capitalised words alone on its line (after
# a few lower-case words of an icon's label at most), the next line a date and time alone (issue 22, class 8: bylines)
AUTHOR_LINE = re.compile(r"^\s*(?:[a-z]+\s+){0,2}(?:[Bb]y\s+)?[A-Z][a-z]+(?:[\-'’][A-Z]?[a-z]+)?"
                         r"(?:\s+[A-Z][a-z]+(?:[\-'’][A-Z]?[a-z]+)?){1,2}\s*$")
DATE_LINE = re.compile(
    r"^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,|·\-]+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?\s*$")


def _opens_with_given_name(line: str) -> bool:
    """The first capitalised word of an author line is a known given name (a headline above a date is no author)."""
    word = next((w for w in line.split() if w[:1].isupper() and w != "By"), "")
    return is_given_name(word)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of furniture lines (whole lines, without the newline)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    in_trailer = False
    lines = text.split("\n")
    for i, line in enumerate(lines):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            if TRAILER_HEADING.match(line):
                in_trailer = True
                spans.append((pos, end))
            elif is_furniture_line(line):
                spans.append((pos, end))
            elif len(stripped) <= 60 and AUTHOR_LINE.match(line) and i + 1 < len(lines) and DATE_LINE.match(lines[i + 1]) \
                    and _opens_with_given_name(stripped):
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
    bodies, furniture = [], []
    for text in loaded["text"]:
        spans = furniture_spans(text)
        bodies.append(mask_spans(text, spans))
        furniture.append("".join(text[start:end] for start, end in spans))
    # non-space characters blanked = those of the furniture spans (counting only them is cheaper
    # than counting text and body whole)
    return loaded.with_columns(
        body=pl.Series(bodies, dtype=pl.String),
        n_furniture_chars=pl.Series(furniture, dtype=pl.String).str.count_matches(r"\S").cast(pl.Int64),
    )


def _is_headline(sentence: str) -> bool:
    """Title-case line without final punctuation (a headline or section heading)."""
    if sentence.rstrip()[-1:] in ".!?\"”;":
        return False  # most sentences (and list items closed by a semicolon): no need to split into words
    words = [w for w in sentence.split() if w[:1].isalpha()]
    if len(words) < 2 or sentence.count(",") >= 3:
        return False  # (a comma list of names without its full stop is a sentence, not a heading)
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.6


def _sentence_spans(body: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_piece) between SENTENCE_END boundaries, found with BOUNDARY (same matches, faster)."""
    spans = []
    start = 0
    for m in BOUNDARY.finditer(body):
        sep = m.group()
        if sep[0] != "\n":  # end punctuation: SENTENCE_END's match starts one character later
            end = m.start() + 1
            sep = sep[1:]
            if (not sep or sep.isspace() and "\n" not in sep) and ABBREV_END.search(body[max(0, end - 6):end]):
                continue  # "Mr. Smith", "U.S. officials", "Gen.Smith": not a boundary
        else:
            end = m.start()
        _append_capped(spans, body, start, end)
        start = m.end()
    _append_capped(spans, body, start, len(body))
    return spans


# A sentence is at most this long: a longer run without a boundary (a list with no full stop, a
# hostile page repeating one phrase) is cut at whitespace into pieces of at most this size, so every
# extractor's work per sentence is bounded and a document's cost stays linear in its size (issue 20).
# News sentences are a few hundred characters.
MAX_SENTENCE_CHARS = 2000


def _append_capped(spans: list[tuple[int, int, bool]], body: str, start: int, end: int) -> None:
    """Append (start, end, is_piece), cut at whitespace into pieces of at most MAX_SENTENCE_CHARS
    (is_piece: a piece of a cut sentence, never a headline)."""
    piece = False
    while end - start > MAX_SENTENCE_CHARS:
        cut = body.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut, True))
        start, piece = cut, True
    spans.append((start, end, piece))


def _split_into(cols: tuple[list, ...], doc_id: str, body: str) -> None:
    """Append the sentences of one body to the column lists of SENTENCE_SCHEMA (a sentence never crosses
    a newline)."""
    doc_ids, idxs, starts, ends, texts, headlines = cols
    n = 0
    for start, end, piece in _sentence_spans(body):
        seg = body[start:end]
        sentence = seg.strip()
        # most sentences start with a letter: no need to look at every character
        if sentence and (sentence[0].isalpha() or any(ch.isalpha() for ch in sentence)):
            start += len(seg) - len(seg.lstrip())
            doc_ids.append(doc_id)
            idxs.append(n)
            starts.append(start)
            ends.append(start + len(sentence))
            texts.append(sentence)
            headlines.append(not piece and _is_headline(sentence))
            n += 1


def split_sentences(cleaned: pl.DataFrame) -> pl.DataFrame:
    """One row per sentence of every cleaned body, with its span in the document text."""
    cols: tuple[list, ...] = ([], [], [], [], [], [])
    for doc_id, body in zip(cleaned["doc_id"], cleaned["body"]):
        _split_into(cols, doc_id, body)
    return pl.DataFrame(dict(zip(SENTENCE_SCHEMA, cols)), schema=SENTENCE_SCHEMA)


def caption_sentences(cleaned: pl.DataFrame) -> pl.DataFrame:
    """The sentences of the furniture lines that caption a picture (CAPTION_KINDS), as `split_sentences` gives a
    body's, numbered from CAPTION_SENT_IDX: for the people's reader only (the body has them blanked)."""
    cols: tuple[list, ...] = ([], [], [], [], [], [])
    for doc_id, text, body in zip(cleaned["doc_id"], cleaned["text"], cleaned["body"]):
        low = text.lower()
        if "photo" not in low and "file" not in low and "getty" not in low:
            continue  # every caption kind holds one of these words
        spans = [(a, b) for a, b in _blanked_lines(text, body) if CAPTION_LINE.match(text[a:b])]
        if not spans:
            continue
        kept, last = [], 0
        for a, b in spans:
            kept.append(" " * (a - last) if a > last else "")
            kept.append(text[a:b])
            last = b
        kept.append(" " * (len(text) - last))
        start = len(cols[0])
        _split_into(cols, doc_id, "".join(kept))
        for i in range(start, len(cols[1])):
            cols[1][i] += CAPTION_SENT_IDX
            cols[5][i] = False  # a caption is no headline
    return pl.DataFrame(dict(zip(SENTENCE_SCHEMA, cols)), schema=SENTENCE_SCHEMA)


def _blanked_lines(text: str, body: str) -> list[tuple[int, int]]:
    """The spans of the lines `clean_documents` blanked whole (the body has only spaces where the text has more)."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip() and not body[pos:end].strip():
            out.append((pos, end))
        pos = end + 1
    return out


def expand_rows(rows: pl.DataFrame, row_key: list[int], found: list[list[tuple]],
                schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Row i of `rows` once per item of found[row_key[i]], with the item's fields (`schema`) as columns.

    Extractors analyse each distinct sentence once (a memo); this copies the results to every row
    that holds the sentence with index arithmetic instead of a Python loop per output row."""
    counts = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
    keys = np.asarray(row_key, dtype=np.int64)
    per_row = counts[keys] if len(keys) else np.zeros(0, dtype=np.int64)
    row_idx = np.repeat(np.arange(len(keys), dtype=np.int64), per_row)
    first_item = np.cumsum(counts) - counts  # where each key's items start in the flat list
    first_out = np.cumsum(per_row) - per_row  # where each row's copies start in the output
    item_idx = np.repeat(first_item[keys] - first_out, per_row) + np.arange(len(row_idx), dtype=np.int64)
    items = pl.DataFrame([item for f in found for item in f], schema=schema, orient="row")
    return pl.concat([rows[row_idx], items[item_idx]], how="horizontal")

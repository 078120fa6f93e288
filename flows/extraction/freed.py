"""Who a document says was freed: the surnames a release's reports name as freed, to tell apart releases alike
in count and country (issue 22, class 6: "two from Iran" freed in 2019 and in 2023 are two swaps).

A name is told as freed when it follows a release verb ("freed <name>", "in exchange for the scientist <name>")
or comes before a passive one ("<name> was released", "the diplomat, <name>, had been freed"), in a sentence
of the document that speaks of a release. Only the document's own text is read (its name candidates and its
linking sentences, both extraction output): a document's freed names never depend on other documents, so
the release blocks of an incremental run (resolution/incremental.py) resolve as a full run does. So they are
found once, when the document is extracted (extraction/facts.py), and stored per document (stg_freed_names):
resolution reads the rows of the release documents it resolves again, never the text.
"""

from __future__ import annotations

import re

import polars as pl

FREED_SCHEMA = {"doc_id": pl.String, "freed": pl.List(pl.String)}

# the words between a release verb and the name: descriptors ("the Iranian scientist"), never a preposition
# that makes the name someone else ("released by <name>", "freed after <name> asked")
_DESCRIPTOR = r"(?:(?!(?:by|from|after|to|with|at|on|in|for|and|as|when|under|said|says)\b)[^\s,.;:()\"“”]+\s+)"
FREED_BEFORE_RE = re.compile(
    r"\b(?:releas(?:ed|es|ing)|release\s+of|free(?:d|s|ing)|pardon(?:ed|s|ing)?|set\s+free|"
    # "granted a pardon to prominent activist <A B>"
    r"(?:granted|gave|given|grants|gives)\s+(?:a\s+)?(?:presidential\s+|royal\s+)?pardon\s+to|"
    r"handed\s+over|(?:in\s+)?exchange\s+for|swapped\s+for|traded\s+for|"
    # the swap as a noun: "the prisoner swap between <name> and <name>", "the exchange of <name> for"
    r"(?:swap|exchange)\s+(?:of|between))\s+" + _DESCRIPTOR + r"{0,4}"
    # a list opened by a dash, colon or comma: "freed three hostages—<name>, <name> and <name>"
    r"(?:[^\s,.;:()\"“”]+\s*[—–:,]\s*)?$", re.I)
# a name that speaks after a release sentence's comma is its source, not one freed ("..., <name> said")
SPEAKS_RE = re.compile(r"^\s*(?:said|says|told|added|announced|wrote|confirmed|stated)\b", re.I)
# the next name of a list of the freed: "<name>, <name> and <demonym> <name>"
LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[A-Za-z][\w\-’']*\s+){0,2}")
FREED_AFTER_RE = re.compile(
    r"^['’]?s?\s*,?\s*(?:who\s+)?(?:was|were|has\s+been|had\s+been|have\s+been|is\s+being|are\s+being|got)\s+"
    r"(?:\w+ly\s+|also\s+|later\s+|finally\s+|then\s+|now\s+)?"
    r"(?:released|freed|pardoned|set\s+free|exchanged|swapped|traded)\b", re.I)
# an official, not the freed: "freed by order of President <name>" is cut above; "released ... Minister <name>" here
# (an opposition, protest, student or party leader is one of the freed: "<State> frees opposition leader <A B>")
_OFFICE_RE = re.compile(r"\b(?:president|minister|king|premier|secretary|spokesm[ae]n|spokeswoman|envoy|"
                        r"ambassador|chancellor|(?<!opposition\s)(?<!protest\s)(?<!student\s)(?<!party\s)leader|official|"
                        r"negotiator|mediator)\s+$", re.I)


def surname(surface: str) -> str:
    """A name's last word, lower-cased, without a possessive: 'Xiyue Wang' and 'Wang's' are 'wang'."""
    last = surface.split()[-1] if surface.split() else surface
    return re.sub(r"['’]s?$", "", last).lower()


def is_told_freed(before: str, after: str) -> bool:
    """Whether a name, with the sentence's text before and after it, is told as freed."""
    if FREED_AFTER_RE.match(after):
        return True
    m = FREED_BEFORE_RE.search(before)
    return m is not None and not _OFFICE_RE.search(before) and not SPEAKS_RE.match(after)


def freed_names(candidates: pl.DataFrame, sentences: pl.DataFrame, docs: pl.Series) -> pl.DataFrame:
    """doc_id -> the sorted surnames the document tells as freed (FREED_SCHEMA), for the documents in `docs`
    that name any. `candidates`: the stage's name candidates (doc_id, sent_idx, char_start, char_end,
    surface, n_tokens); `sentences`: the stage's linking sentences (doc_id, sent_idx, char_start, sentence). A surname
    counts only if the document also names the person in full (two words or more): a lone capital word
    after a release verb ("freed Americans") is not a name."""
    docs = docs.unique().implode()
    cand = candidates.filter(pl.col("doc_id").is_in(docs)).select(
        "doc_id", pl.col("sent_idx").cast(pl.Int64), pl.col("char_start").cast(pl.Int64),
        pl.col("char_end").cast(pl.Int64), "surface", "n_tokens")
    if cand.is_empty():
        return pl.DataFrame(schema=FREED_SCHEMA)
    sents = (sentences.lazy().select("doc_id", "sent_idx", "char_start", "sentence")
             .filter(pl.col("doc_id").is_in(docs))
             .select("doc_id", pl.col("sent_idx").cast(pl.Int64), pl.col("char_start").cast(pl.Int64).alias("_offset"),
                     "sentence").collect().unique(["doc_id", "sent_idx"], keep="last", maintain_order=True))
    full = {(d, surname(s)) for d, s, n in cand.select("doc_id", "surface", "n_tokens").iter_rows() if (n or 0) >= 2}
    rows = cand.join(sents, on=["doc_id", "sent_idx"], how="inner").sort("doc_id", "sent_idx", "char_start")
    found: dict[str, set[str]] = {}
    last = (None, None, -1, False)  # the previous name: its document, sentence, end, and whether told as freed
    for doc_id, sent_idx, start, end, surface, offset, sentence in rows.select(
            "doc_id", "sent_idx", "char_start", "char_end", "surface", "_offset", "sentence").iter_rows():
        a, b = start - offset, end - offset
        if a < 0 or b > len(sentence):
            continue
        key = surname(surface)
        listed = (last[0] == doc_id and last[1] == sent_idx and last[3] and 0 <= last[2] <= a
                  and LIST_GAP_RE.fullmatch(sentence[last[2]:a]) is not None
                  and not _OFFICE_RE.search(sentence[last[2]:a]))
        freed = listed or is_told_freed(sentence[max(0, a - 120):a], sentence[b:b + 80])
        last = (doc_id, sent_idx, b, freed)
        if freed and (doc_id, key) in full and surface.split()[-1][:1].isupper():
            found.setdefault(doc_id, set()).add(key)
    return pl.DataFrame({"doc_id": list(found), "freed": [sorted(v) for v in found.values()]}, schema=FREED_SCHEMA)


def freed_by_document(candidates: pl.DataFrame, sentences: pl.DataFrame, docs: pl.Series) -> pl.DataFrame:
    """The staging rows of `freed_names` (stg_freed_names): one row per document of `docs`, sorted by doc_id
    (a fixed order, whatever order `docs` come in: the rows are stored in it), an empty list when it names no
    one freed. A row for each, so that a document extracted again replaces its stored row even when it now
    names no one (the load replaces a document's staging rows by its new ones)."""
    docs = docs.unique().sort()
    found = freed_names(candidates, sentences, docs)
    return (pl.DataFrame({"doc_id": docs}, schema={"doc_id": pl.String})
            .join(found, on="doc_id", how="left", maintain_order="left")
            .with_columns(pl.col("freed").fill_null(pl.lit([], pl.List(pl.String)))))

"""Person mentions within one document: each name candidate resolved to the full name it refers to there
("Okafor" after "Ada Okafor"), in hash slices of documents so memory stays bounded."""

from __future__ import annotations

import polars as pl

from flows.core.frames import hash_slices, split
from flows.extraction.names import MENTION_SCHEMA, find_name_candidates, is_given_name
from flows.language.lexicon import fold, place_words


def name_key_expr(col: str) -> pl.Expr:
    """Folded, punctuation-free key of a name column (for exact matching of variants)."""
    return (
        pl.col(col).map_elements(fold, return_dtype=pl.String)
        .str.replace_all(r"['’\.]", "").str.replace_all(r"[\-\s]+", " ").str.strip_chars()
    )


def resolve_mentions_in_documents(cands: pl.DataFrame) -> pl.DataFrame:
    """Decide which candidates are people and link short mentions to full names.

    A multi-token name counts as a person when any mention of it, in any document
    of the batch, had person evidence. A single token resolves to the unique full
    name in its document whose last (or first-and-last) token it equals; failing
    that, to a unique full name of the batch; a titled single token that resolves
    nowhere is kept with low confidence.
    """
    if cands.is_empty():
        return pl.DataFrame(schema=MENTION_SCHEMA)
    # fold each distinct surface once (a run has millions of candidates but few distinct names)
    surfaces = cands.select(pl.col("surface").unique())
    cands = cands.join(surfaces.with_columns(key=name_key_expr("surface")), on="surface", how="left",
                       maintain_order="left")
    multi = cands.filter(pl.col("n_tokens") >= 2)
    confirmed_keys = set(multi.filter(pl.col("is_person"))["key"].to_list())
    # a longer unconfirmed form ending in a confirmed name is the same person ("Aung San Suu Kyi")
    # (each of its word suffixes looked up in the set: linear in the names, not names x confirmed names)
    for key in multi.filter(~pl.col("is_person"))["key"].unique().to_list():
        if any(key[i + 1:] in confirmed_keys for i, ch in enumerate(key) if ch == " "):
            confirmed_keys.add(key)
    full = multi.filter(pl.col("key").is_in(list(confirmed_keys)))
    del multi
    # a mention inside a longer name of the same doc ("Anna Berg" vs "Berg")
    full = full.with_columns(
        last=pl.col("key").str.split(" ").list.last(),
        name=pl.col("surface"),
    )
    batch_names = (
        full.group_by("last")
        .agg(pl.col("surface").sort_by(pl.col("key").str.len_chars(), descending=True).first().alias("batch_name"),
             pl.col("key").n_unique().alias("n_batch"))
        .filter(pl.col("n_batch") == 1)
    )
    # the rest looks inside each document: documents go through in hash slices (bounded memory)

    n_slices = len(hash_slices(cands.height, PEOPLE_SLICE_ROWS))
    parts = [_name_mentions(full_part, cands_part, batch_names)
             for full_part, cands_part in zip(split(full, n_slices), split(cands, n_slices))]
    return pl.concat(parts).sort("doc_id", "char_start")


# candidates resolved at once inside documents (see resolve_mentions_in_documents)
PEOPLE_SLICE_ROWS = 400_000


def _name_mentions(full: pl.DataFrame, cands: pl.DataFrame, batch_names: pl.DataFrame) -> pl.DataFrame:
    """Mentions of one slice of documents: full names take their document's longest form, single tokens
    the full name of their document, else of the batch."""
    # prefer the longest form of each name within the doc
    doc_names = (
        full.group_by("doc_id", "last")
        .agg(pl.col("key").sort_by(pl.col("key").str.len_chars(), descending=True).first().alias("full_key"),
             pl.col("surface").sort_by(pl.col("key").str.len_chars(), descending=True).first().alias("full_name"),
             pl.col("key").n_unique().alias("n_variants"))
    )
    # a name's first word, when one full name of the document opens with it: "Ms <surname>" of a name
    # written surname first ("Cheng Lei"), or a given name used alone as Thai and Indonesian reporting
    # does ("Boonsong" for "Boonsong Teriyapirom"; issue 22, class 7)
    doc_firsts = (
        full.with_columns(first=pl.col("key").str.split(" ").list.first())
        .group_by("doc_id", "first")
        .agg(pl.col("surface").sort_by(pl.col("key").str.len_chars(), descending=True).first().alias("first_name"),
             pl.col("key").n_unique().alias("n_first"))
        .filter(pl.col("n_first") == 1).drop("n_first")
    )
    single = cands.filter(pl.col("n_tokens") == 1).with_columns(last=pl.col("key"))
    # ... taken only with a title, or for a word no lexicon knows as a given name nor as a place (a lone
    # "Jordan" is the country more often than the "Jordan <surname>" of the same page)
    opens = single.select(pl.col("surface").unique())
    opens = opens.with_columns(first_ok=pl.col("surface").map_elements(_may_open_a_name, return_dtype=pl.Boolean))
    single = (
        single.join(doc_names, on=["doc_id", "last"], how="left")
        .join(doc_firsts, left_on=["doc_id", "last"], right_on=["doc_id", "first"], how="left")
        .join(opens, on="surface", how="left")
        .join(batch_names, on="last", how="left")
        .with_columns(
            full_name=pl.coalesce("full_name", pl.when(
                pl.col("first_name").is_not_null() & ~pl.col("is_headline") & (pl.col("has_title") | pl.col("first_ok")))
                .then(pl.col("first_name"))))
        .with_columns(
            name=pl.coalesce("full_name", "batch_name",
                             pl.when((pl.col("has_title") | pl.col("is_person")) & ~pl.col("is_headline"))
                             .then(pl.col("surface"))),
            confidence=pl.when(pl.col("full_name").is_not_null()).then(pl.lit("high"))
            .otherwise(pl.lit("low")),
        )
        .filter(pl.col("name").is_not_null())
    )
    # a shorter form that ends a longer one in the same document ("Suu Kyi") takes the longer name
    full = full.join(doc_names.select("doc_id", "last", "full_key", "full_name"), on=["doc_id", "last"],
                     how="left", maintain_order="left").with_columns(
        name=pl.when((pl.col("full_key") != pl.col("key")) & pl.col("full_key").str.ends_with(pl.lit(" ") + pl.col("key")))
        .then(pl.col("full_name")).otherwise(pl.col("surface")),
        confidence=pl.lit("high"))
    cols = list(MENTION_SCHEMA)
    return pl.concat([full.select(cols), single.select(cols)])


def _may_open_a_name(word: str) -> bool:
    """A lone word that may stand for the full name it opens: not a known given name, nor a place."""
    return not is_given_name(word) and fold(word) not in place_words()


def extract_person_mentions(sentences: pl.DataFrame) -> pl.DataFrame:
    """Sentences -> resolved person mentions (see module docstring for the shape)."""
    return resolve_mentions_in_documents(find_name_candidates(sentences))

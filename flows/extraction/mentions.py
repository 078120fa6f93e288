"""Person mentions within one document: each name candidate resolved to the full name it refers to there
("Okafor" after "Ada Okafor"), in hash slices of documents so memory stays bounded."""

from __future__ import annotations

import re

import polars as pl

from flows.core.frames import hash_slices, split
from flows.extraction.names import (ALIAS_REACH, ALIAS_ROLE, MENTION_SCHEMA, ORG_ROLE, SHARED_SURNAME_ROLE,
                                    find_name_candidates,
                                    is_given_name)
from flows.language.lexicon import NAME_MARKS, fold, place_words


def name_key_expr(col: str) -> pl.Expr:
    """Folded, punctuation-free key of a name column (for exact matching of variants)."""
    return (
        pl.col(col).map_elements(fold, return_dtype=pl.String)
        .str.replace_all(NAME_MARKS, "").str.replace_all(r"[\-\s]+", " ").str.strip_chars()
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
    keys = cands.select(pl.col("surface").unique())
    keys = keys.with_columns(key=name_key_expr("surface"))
    # what the batch decides, from the full names' few columns: which names are people, in how many documents
    # each stands, the one full name of each surname (the candidates are never held twice whole: issue 24)
    multi = (cands.lazy().filter(pl.col("n_tokens") >= 2).select("doc_id", "surface", "is_person", "has_title")
             .join(keys.lazy(), on="surface", how="left", maintain_order="left").collect())
    confirmed_keys = set(multi.filter(pl.col("is_person"))["key"].to_list())
    # a longer unconfirmed form ending in a confirmed name is the same person ("Aung San Suu Kyi")
    # (each of its word suffixes looked up in the set: linear in the names, not names x confirmed names)
    for key in multi.filter(~pl.col("is_person"))["key"].unique().to_list():
        if any(key[i + 1:] in confirmed_keys for i, ch in enumerate(key) if ch == " "):
            confirmed_keys.add(key)
    confirmed = pl.Series(list(confirmed_keys), dtype=pl.String).implode()
    full_keys = multi.filter(pl.col("key").is_in(confirmed))
    del multi
    # in how many documents of the batch each full name stands (a lone surname shared by two full names of one
    # document goes to the one the batch names most: see _name_mentions)
    key_stats = full_keys.group_by("key").agg(key_docs=pl.col("doc_id").n_unique(), key_titled=pl.col("has_title").any())
    # ... and where the batch names several people of one surname in full, the one it names in at least twice as
    # many documents as any other is whom a lone surname means ("President <S>" where <A> <S> stands in many
    # reports and <B> <S> in one; issue 22, class 7: one person split over rows)
    per_key = (
        full_keys.with_columns(last=pl.col("key").str.split(" ").list.last())
        .group_by("last", "key")
        .agg(pl.col("doc_id").n_unique().alias("docs"),
             pl.col("surface").first().alias("surface"))
    )
    batch_names = (
        per_key.sort("last", "docs", pl.col("key").str.len_chars(), "key", descending=[False, True, True, False])
        .group_by("last", maintain_order=True)
        .agg(pl.col("surface").first().alias("batch_name"), pl.col("docs").first().alias("top"),
             pl.col("docs").slice(1, 1).first().alias("second"), pl.len().alias("n_batch"))
        .filter((pl.col("n_batch") == 1) | (pl.col("top") >= 2 * pl.col("second")))
        .select("last", "batch_name", "n_batch")
    )
    del full_keys
    # the rest looks inside each document: documents go through in hash slices (bounded memory), each slice's
    # candidates given their keys and its full names their batch figures on their own
    n_slices = len(hash_slices(cands.height, PEOPLE_SLICE_ROWS))
    parts = []
    for part in split(cands, n_slices):
        part = part.join(keys, on="surface", how="left", maintain_order="left")
        full = (part.filter((pl.col("n_tokens") >= 2) & pl.col("key").is_in(confirmed)
                            & (pl.col("role").is_null() | (pl.col("role") != ORG_ROLE)))
                .join(key_stats, on="key", how="left", maintain_order="left")
                .with_columns(last=pl.col("key").str.split(" ").list.last(), name=pl.col("surface")))
        parts.append(_name_mentions(full, part, batch_names))
        del part, full
    # (stacked without a copy before the sort makes the one it must)
    mentions = pl.concat(parts, rechunk=False).sort("doc_id", "char_start")
    del parts
    return _kin_surnames(_shared_surname_names(_alias_names(mentions)))


def _most_known_of_two_people(full: pl.DataFrame, doc_names: pl.DataFrame) -> pl.DataFrame:
    """Where a document names two people of one surname in full ("President <A> <S>" and "his son <B> <S>"), its
    longest full name is no better a referent of the lone surname than the other: the one named in more
    documents of the batch is (the story's principal; issue 22: a person split over rows). Forms of one name
    ("<A> <S>", "<A> <M> <S>": one ends with the other, or shares its first word) stay with the longest."""
    shared = doc_names.filter(pl.col("n_variants") > 1).select("doc_id", "last", "full_key")
    if shared.is_empty():
        return doc_names
    forms = (full.join(shared, on=["doc_id", "last"]).group_by("doc_id", "last", "full_key", "key")
             .agg(pl.col("surface").first(), pl.col("key_docs").first(), pl.col("key_titled").first()))
    best: dict[tuple[str, str], tuple[str, str, tuple]] = {}
    # (documents, ever named with a title): on a tie of documents, "President <A> <S>" before "his son <B> <S>"
    longest_rank = {(d, l): (n, t) for d, l, k, key, _s, n, t in forms.iter_rows() if key == k}
    for doc, last, longest, key, surface, n, titled in forms.sort("key").iter_rows():
        if key == longest or longest.endswith(" " + key) or key.endswith(" " + longest) \
                or key.split()[0] == longest.split()[0]:
            continue
        have = best.get((doc, last))
        if (n, titled) > max(longest_rank.get((doc, last), (0, False)), have[2] if have else (0, False)):
            best[(doc, last)] = (key, surface, (n, titled))
    if not best:
        return doc_names
    pick = pl.DataFrame([(d, l, k, s) for (d, l), (k, s, _n) in best.items()],
                        schema={"doc_id": pl.String, "last": pl.String, "pick_key": pl.String, "pick_name": pl.String},
                        orient="row")
    return doc_names.join(pick, on=["doc_id", "last"], how="left", maintain_order="left").with_columns(
        full_key=pl.coalesce("pick_key", "full_key"), full_name=pl.coalesce("pick_name", "full_name"),
    ).drop("pick_key", "pick_name")


def _alias_names(mentions: pl.DataFrame) -> pl.DataFrame:
    """A mention marked as an alias (names.ALIAS_ROLE) takes the name of the mention just before it in its sentence
    ("<name>, also known as <name>"), and so does every mention of the alias's name in that document; the marker is
    no role."""
    if mentions.is_empty() or not (mentions["role"] == ALIAS_ROLE).any():
        return mentions
    prev = mentions.with_columns(
        prev_name=pl.col("name").shift(1), prev_end=pl.col("char_end").shift(1),
        prev_doc=pl.col("doc_id").shift(1), prev_sent=pl.col("sent_idx").shift(1), prev_role=pl.col("role").shift(1))
    links = prev.filter(
        (pl.col("role") == ALIAS_ROLE) & (pl.col("prev_doc") == pl.col("doc_id")) & (pl.col("prev_sent") == pl.col("sent_idx"))
        & (pl.col("char_start") - pl.col("prev_end") <= ALIAS_REACH) & (pl.col("prev_role").fill_null("") != ALIAS_ROLE)
        & (pl.col("prev_name") != pl.col("name"))
    ).select("doc_id", "name", alias_of=pl.col("prev_name")).unique(subset=["doc_id", "name"], keep="first")
    out = mentions.join(links, on=["doc_id", "name"], how="left", maintain_order="left")
    return out.with_columns(
        name=pl.coalesce("alias_of", "name"),
        role=pl.when(pl.col("role") == ALIAS_ROLE).then(None).otherwise(pl.col("role")),
    ).drop("alias_of")


def _shared_surname_names(mentions: pl.DataFrame) -> pl.DataFrame:
    """A lone given name marked as sharing the surname of the full name after it (names.SHARED_SURNAME_ROLE: "<A>
    and <B> <surname>") is named "<A> <surname>", and so is every mention of that lone name in its document; the
    marker is no role."""
    if mentions.is_empty() or not (mentions["role"] == SHARED_SURNAME_ROLE).any():
        return mentions
    nxt = mentions.with_columns(
        next_name=pl.col("name").shift(-1), next_doc=pl.col("doc_id").shift(-1), next_sent=pl.col("sent_idx").shift(-1))
    links = nxt.filter(
        (pl.col("role") == SHARED_SURNAME_ROLE) & (pl.col("next_doc") == pl.col("doc_id"))
        & (pl.col("next_sent") == pl.col("sent_idx")) & (pl.col("name") == pl.col("surface"))
        & pl.col("next_name").str.contains(" ")
    ).select("doc_id", "name", full=pl.col("surface") + " " + pl.col("next_name").str.split(" ").list.last()
             ).unique(subset=["doc_id", "name"], keep="first")
    out = mentions.join(links, on=["doc_id", "name"], how="left", maintain_order="left")
    return out.with_columns(
        name=pl.coalesce("full", "name"),
        role=pl.when(pl.col("role") == SHARED_SURNAME_ROLE).then(None).otherwise(pl.col("role")),
    ).drop("full")


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
    doc_names = _most_known_of_two_people(full, doc_names)
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
    # ... and so does a form of two words or more that opens one longer name of the document ("<given> <name>" of
    # "<given> <name> bin <father>", a Malay, Arab or Indonesian name cut short; issue 22, class 7)
    full = _longer_name_opened(full)
    cols = list(MENTION_SCHEMA)
    return pl.concat([full.select(cols), single.select(cols)])


def _longer_name_opened(full: pl.DataFrame) -> pl.DataFrame:
    """Full-name mentions whose key (two words or more) is the first words of exactly one longer full name of their
    document take that name (where no longer form ending in it did)."""
    names = full.select("doc_id", "key", "surface").unique(subset=["doc_id", "key"], keep="first").with_columns(
        words=pl.col("key").str.split(" "))
    longer = names.filter(pl.col("words").list.len() >= 3)
    if longer.is_empty():
        return full
    # every word-prefix of two words or more of each longer name, up to its last word but one
    prefixes = (longer.with_columns(n=pl.int_ranges(2, pl.col("words").list.len()))
                .explode("n").with_columns(prefix=pl.col("words").list.head(pl.col("n")).list.join(" "))
                .group_by("doc_id", "prefix").agg(pl.col("surface").first().alias("opened_name"),
                                                  pl.col("key").n_unique().alias("n_opened"))
                .filter(pl.col("n_opened") == 1).drop("n_opened"))
    out = full.join(prefixes, left_on=["doc_id", "key"], right_on=["doc_id", "prefix"], how="left",
                    maintain_order="left")
    return out.with_columns(name=pl.when(pl.col("name") == pl.col("surface")).then(
        pl.coalesce("opened_name", "name")).otherwise(pl.col("name"))).drop("opened_name")


def _may_open_a_name(word: str) -> bool:
    """A lone word that may stand for the full name it opens: not a known given name, nor a place."""
    return not is_given_name(word) and fold(word) not in place_words()


def extract_person_mentions(sentences: pl.DataFrame) -> pl.DataFrame:
    """Sentences -> resolved person mentions (see module docstring for the shape)."""
    return resolve_mentions_in_documents(find_name_candidates(sentences))


# kin who bear the family's surname as a rule: a father's line (not spouses, nor mothers and sisters, who may bear
# a married name or their own: "<A>'s sister, <B> <C>"; nor kin on another side: an uncle, a cousin)
_BLOOD_KIN = "father|son|sons|daughter|daughters|brother|brothers|grandfather|grandson|children"
_FEMALE_KIN = frozenset("daughter daughters".split())
KIN_OWNER_ROLE_RE = re.compile(rf"^(?P<owner>[A-Z][\w\-]+)['’]s\s+(?:[\w\-]+\s+)?(?P<kin>{_BLOOD_KIN})$")


def _feminine(surname: str) -> str:
    """The surname a woman of the family bears where Slavic names take a feminine form (-ov/-ev -> -ova/-eva,
    -sky/-skiy -> -skaya); any other surname as it is."""
    low = surname.lower()
    if low.endswith(("ov", "ev")):
        return surname + "a"
    if low.endswith(("skiy", "skyi")):
        return surname[:-4] + "skaya"
    if low.endswith("sky"):
        return surname[:-3] + "skaya"
    return surname


def _kin_surnames(mentions: pl.DataFrame) -> pl.DataFrame:
    """A lone given name told as the kin of a surname takes it, and so does every mention of that lone name in its
    document ("<Surname>'s father, <A>": <A> <Surname>, where the document names a <B> <Surname>; issue 22, class 7:
    kin named by their given name alone were missed as the people the gold names in full). Kin told by a pronoun
    ("her brother <A>") keep their given name alone: whose kin they are is not the last name before (tried: "<lawyer>
    ... her brother <A>" took the lawyer's surname; a stage name was taken for a family's)."""
    if mentions.is_empty() or not mentions["role"].is_not_null().any():
        return mentions
    lone = mentions.filter(pl.col("role").str.contains("['’]s ") & ~pl.col("name").str.contains(" ")
                           & (pl.col("name") == pl.col("surface")))
    if lone.is_empty():
        return mentions
    docs = lone["doc_id"].unique()
    by_doc: dict[str, list[str]] = {}
    for d, n in mentions.filter(pl.col("doc_id").is_in(docs.implode())).select("doc_id", "name").unique().rows():
        by_doc.setdefault(d, []).append(n)
    links: dict[tuple[str, str], str] = {}
    for d, name, role in lone.select("doc_id", "name", "role").rows():
        owner = KIN_OWNER_ROLE_RE.match(role)
        if not owner:
            continue
        kin = owner.group("kin").lower()
        want = fold(owner.group("owner"))
        surname = next((n.split()[-1] for n in by_doc.get(d, []) if " " in n and fold(n.split()[-1]) == want), None)
        if surname and (d, name) not in links:
            links[(d, name)] = f"{name} {_feminine(surname) if kin in _FEMALE_KIN else surname}"
    if not links:
        return mentions
    table = pl.DataFrame({"doc_id": [k[0] for k in links], "name": [k[1] for k in links], "_full": list(links.values())},
                         schema={"doc_id": pl.String, "name": pl.String, "_full": pl.String})
    return (mentions.join(table, on=["doc_id", "name"], how="left", maintain_order="left")
            .with_columns(name=pl.coalesce("_full", "name")).drop("_full"))

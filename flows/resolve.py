"""Resolve stage: mentions from many documents -> one row per real person, event, sanction.

People merge across documents on transliteration-aware name similarity
(anyascii folding, Jaro-Winkler from rapidfuzz, blocking on the surname's
first metaphone letter so cost stays near-linear). Events merge when type and
country agree and counts are compatible (52 and "more than 50" are; 52 and 123
are not). Sanctions merge on issuer/target/action. Ids are stable: a cluster
that contains a mention seen in an earlier run keeps that run's id.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache

import jellyfish
import polars as pl
from rapidfuzz.distance import JaroWinkler

from flows.events import RELEASE_RE, countries_in
from flows.lexicon import fold

SURNAME_MIN_SIM = 0.84
GIVEN_MIN_SIM = 0.72
RELIEF = ("lifted", "eased", "proposed")
HEAD_ROLE_RE = re.compile(r"(?<!vice )(?<!vice-)\b(?:president|prime minister|king|premier|dictator|ruler|emir|sultan|head of state)\b", re.I)
ACTOR_VERB_RE = re.compile(
    r"^(?:['’]s)?\s*(?:has\s+|had\s+|have\s+)?(?:announced|ordered|signed|pardoned|freed|released|decided|agreed|"
    r"appears|said|says|granted|approved|authorised|authorized|allowed|let|offered|is|was)\b",
    re.I,
)


def stable_id(prefix: str, *parts: object) -> str:
    """Short deterministic id from the fewest stable raw fields."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha256(raw.encode()).hexdigest()[:12]


# ---------------------------------------------------------------- people

ARABIC_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an")


@lru_cache(maxsize=500_000)
def name_parts(name: str) -> tuple[str, str]:
    """(given, surname) folded; hyphens folded into the surname, Arabic articles dropped ("el-Baqer" = "al-Baqer")."""
    tokens = re.sub(r"['’\.]", "", fold(name)).replace("-", " ").split()
    tokens = [t for i, t in enumerate(tokens) if not (i > 0 and t in ARABIC_ARTICLES and i < len(tokens) - 1)]
    if not tokens:
        return "", ""
    if len(tokens) == 1:
        return "", tokens[0]
    return tokens[0], "".join(tokens[1:])


@lru_cache(maxsize=500_000)
def transliteration_skeleton(word: str) -> str:
    """Collapse spelling differences of romanised names: Navalny/Navalnyi, Tsikhanouski/Tikhanovsky."""
    word = re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])[iy](?=[aeou])", "", word)  # palatal glide: bia, bya -> ba
    for a, b in (("kh", "h"), ("ts", "c"), ("tz", "c"), ("w", "v"), ("y", "i"), ("j", "i")):
        word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", word)


def name_similarity(a: str, b: str) -> float:
    return max(JaroWinkler.similarity(a, b),
               JaroWinkler.similarity(transliteration_skeleton(a), transliteration_skeleton(b)))


def same_person(a: str, b: str) -> bool:
    """Transliteration-aware: surnames close (JW), given names compatible or absent."""
    ga, sa = name_parts(a)
    gb, sb = name_parts(b)
    if not sa or not sb:
        return False
    if name_similarity(sa, sb) < SURNAME_MIN_SIM:
        return False
    # gendered surname endings mark different people (Tikhanovsky / Tikhanovskaya)
    fem = ("aya", "ova", "eva", "ina", "ska", "ava", "iva")
    if sa[-3:] != sb[-3:] and (sa.endswith(fem) != sb.endswith(fem)) and sa[:-3] == sb[:len(sa) - 3]:
        return False
    if ga and gb:
        if len(ga) == 1 or len(gb) == 1:
            return ga[0] == gb[0]
        return name_similarity(ga, gb) >= GIVEN_MIN_SIM
    return True


def _block_key(name: str) -> str:
    surname = name_parts(name)[1]
    code = jellyfish.metaphone(surname) if surname else ""
    return code[:1] or surname[:1]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_names(names: list[str]) -> dict[str, int]:
    """Cluster distinct full names; surname-only names join only an unambiguous full-name cluster.

    Within a block, only names whose surnames are close enough to pass `same_person` are compared:
    the close surname pairs come from one vectorised Jaro-Winkler matrix over the block's distinct
    surnames (rapidfuzz cdist, in C), not from a Python call per pair of names (issue 20: a page of
    100,000 names took minutes). Same clusters as comparing every pair of the block."""
    full = sorted({n for n in names if len(n.split()) >= 2})
    single = sorted({n for n in names if len(n.split()) < 2})
    uf = _UnionFind()
    blocks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for n in full:
        blocks[_block_key(n)][name_parts(n)[1]].append(n)
        uf.find(n)
    for by_surname in blocks.values():
        surnames = list(by_surname)
        for i, j in _close_surname_pairs(surnames):
            group_a, group_b = by_surname[surnames[i]], by_surname[surnames[j]]
            pairs = ((a, b) for k, a in enumerate(group_a) for b in group_a[k + 1:]) if i == j else \
                ((a, b) for a in group_a for b in group_b)
            for a, b in pairs:
                if uf.find(a) != uf.find(b) and same_person(a, b):
                    uf.union(a, b)
    for s in single:
        surname = name_parts(s)[1]
        same_surname = blocks[_block_key(s)].get(surname, []) if _block_key(s) in blocks else []
        roots = {uf.find(n) for n in same_surname if same_person(s, n)}
        if len(roots) == 1:
            uf.union(s, roots.pop())
        else:
            uf.find(s)
    roots = sorted({uf.find(n) for n in full + single})
    index = {r: i for i, r in enumerate(roots)}
    return {n: index[uf.find(n)] for n in full + single}


CLOSE_PAIRS_CHUNK = 2000  # rows of the similarity matrix computed at once (memory: rows x surnames)


def _close_surname_pairs(surnames: list[str]) -> list[tuple[int, int]]:
    """(i, j), i <= j, for the surnames whose name_similarity reaches SURNAME_MIN_SIM (i == j: itself)."""
    import numpy as np
    from rapidfuzz.process import cdist

    n = len(surnames)
    pairs = [(i, i) for i in range(n)]
    if n < 2:
        return pairs
    if n <= 8:  # a few names: plain calls are cheaper than the matrices
        return pairs + [(i, j) for i in range(n) for j in range(i + 1, n)
                        if surnames[i] and surnames[j] and name_similarity(surnames[i], surnames[j]) >= SURNAME_MIN_SIM]
    skeletons = [transliteration_skeleton(w) for w in surnames]
    for lo in range(0, n, CLOSE_PAIRS_CHUNK):
        hi = min(n, lo + CLOSE_PAIRS_CHUNK)
        close = None
        for words in (surnames, skeletons):
            sim = cdist(words[lo:hi], words, scorer=JaroWinkler.similarity, dtype=np.float64,
                        score_cutoff=SURNAME_MIN_SIM, workers=1)
            close = sim >= SURNAME_MIN_SIM if close is None else close | (sim >= SURNAME_MIN_SIM)
        rows, cols = np.nonzero(close)
        rows += lo
        keep = cols > rows
        pairs.extend(zip(rows[keep].tolist(), cols[keep].tolist()))
    return pairs


def _previous_ids(mentions: pl.DataFrame, previous: pl.DataFrame | list | None, id_col: str,
                  on: tuple[str, ...] = ("doc_id", "char_start")) -> dict:
    """Cluster -> id it had in the previous run; an old id goes to one cluster only (the one holding most of it).

    `previous` is a frame or Parquet files (see pipeline.RunSpool.copy_previous) of `on` columns and `id_col`."""
    if previous is None or len(previous) == 0:
        return {}
    old = pl.scan_parquet(previous) if isinstance(previous, list) else previous.lazy()
    old = old.select(*on, id_col).cast({"char_start": pl.Int64}).unique()
    joined = mentions.lazy().select("cluster", *on).join(old, on=list(on), how="inner").collect()
    votes = joined.group_by("cluster", id_col).len().sort(["len", "cluster"], descending=[True, False])
    out, taken = {}, set()
    for cluster, old_id, _ in votes.iter_rows():
        if cluster not in out and old_id not in taken:
            out[cluster] = old_id
            taken.add(old_id)
    return out


def person_ids(clusters, old: dict) -> dict:
    """cluster -> id, never one twice: clusters holding a mention of the last run keep its id (they are
    distinct, see `_previous_ids`); the others take one from their canonical name, salted with a counter
    when another cluster holds it (a cluster that kept an old id can have changed its canonical name)."""
    clusters = list(clusters)
    ids = {c: old[c] for c, _ in clusters if c in old}
    seen = set(ids.values())
    for c, name in clusters:
        if c in ids:
            continue
        new_id, salt = stable_id("P", fold(name)), 0
        while new_id in seen:
            salt += 1
            new_id = stable_id("P", fold(name), salt)
        seen.add(new_id)
        ids[c] = new_id
    return ids


def resolve_people(mentions: pl.DataFrame, previous: pl.DataFrame | None = None
                   ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Person mentions -> (people, person_mentions with person_id, role conflicts).

    `previous` is the earlier run's person_mentions (doc_id, char_start, person_id):
    a cluster holding any of those mentions keeps its id.
    """
    if mentions.is_empty():
        empty_people = pl.DataFrame(schema={"person_id": pl.String, "canonical_name": pl.String,
                                            "aliases": pl.List(pl.String), "roles": pl.List(pl.String),
                                            "n_documents": pl.Int64, "n_mentions": pl.Int64,
                                            "confidence": pl.String})
        return empty_people, mentions.with_columns(person_id=pl.lit(None, pl.String)), _empty_conflicts()
    clusters = cluster_names(mentions["name"].unique().to_list())
    m = mentions.with_columns(cluster=pl.col("name").replace_strict(clusters, return_dtype=pl.Int64))
    old = _previous_ids(m, previous, "person_id")
    canon = (
        m.group_by("cluster", "name").agg(pl.len().alias("n"))
        .with_columns(n_tokens=pl.col("name").str.count_matches(r"\S+"),
                      n_chars=pl.col("name").str.len_chars())
        .sort(["cluster", "n_tokens", "n", "n_chars", "name"], descending=[False, True, True, True, False])
        .group_by("cluster", maintain_order=True).first()
        .select("cluster", canonical_name="name")
    )
    m = m.join(canon, on="cluster")
    ids = person_ids(canon.iter_rows(), old)
    m = m.with_columns(person_id=pl.col("cluster").replace_strict(ids, return_dtype=pl.String))
    people = (
        m.group_by("person_id").agg(
            pl.col("canonical_name").first(),
            pl.col("surface").unique().sort().alias("aliases"),
            pl.col("role").drop_nulls().unique().sort().alias("roles"),
            pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_documents"),
            pl.len().cast(pl.Int64).alias("n_mentions"),
            pl.when((pl.col("confidence") == "high").any()).then(pl.lit("high")).otherwise(pl.lit("low"))
            .first().alias("confidence"),
        ).sort("person_id")
    )
    conflicts = role_conflicts(m)
    return people, m.drop("cluster", "canonical_name"), conflicts


def _empty_conflicts() -> pl.DataFrame:
    return pl.DataFrame(schema={"fact_table": pl.String, "fact_id": pl.String, "field": pl.String,
                                "values": pl.List(pl.String), "doc_ids": pl.List(pl.String)})


def role_conflicts(m: pl.DataFrame) -> pl.DataFrame:
    """'former President' in one source and 'President' in another: a recorded conflict."""
    rows = []
    roles = m.filter(pl.col("role").is_not_null()).group_by("person_id", "role").agg(pl.col("doc_id").unique())
    by_person: dict[str, list] = defaultdict(list)
    for pid, role, docs in roles.iter_rows():
        by_person[pid].append((role, docs))
    for pid, items in sorted(by_person.items()):
        former = [(r, d) for r, d in items if re.search(r"\bformer\b|\bex-", r, re.I)]
        current = [(r, d) for r, d in items if not re.search(r"\bformer\b|\bex-", r, re.I)]
        values, docs = set(), set()
        for fr, fd in former:
            core = re.sub(r"\bformer\s+|\bex-", "", fr, flags=re.I).split()[-1].lower()
            clash = [(r, d) for r, d in current if r.split()[-1].lower() == core]
            if clash:
                values |= {fr, *(r for r, _ in clash)}
                docs |= {*fd, *(x for _, d in clash for x in d)}
        if values:  # one row per person: every role in the dispute, every document behind it
            rows.append(("people", pid, "role", sorted(values), sorted(docs)))
    if not rows:
        return _empty_conflicts()
    return pl.DataFrame(rows, schema=_empty_conflicts().schema, orient="row").unique(
        subset=["fact_id", "field"], keep="first", maintain_order=True)


# ---------------------------------------------------------------- events

def _compatible(count: int, qualifier: str, exact: int) -> bool:
    if qualifier == "at_least":
        return exact >= count and exact <= count * 1.5
    if qualifier == "about":
        return abs(exact - count) <= max(2, 0.1 * count)
    if qualifier == "at_most":
        return exact <= count and exact >= count * 0.6
    return exact == count


def _compatible_range(count: int, qualifier: str) -> tuple[float, float]:
    """Exact counts that can be the same release as a qualified count (superset of `_compatible`)."""
    if qualifier == "at_least":
        return count, count * 1.5
    if qualifier == "about":
        return count - max(2, 0.1 * count), count + max(2, 0.1 * count)
    if qualifier == "at_most":
        return count * 0.6, count
    return count, count


def cluster_releases(rel: pl.DataFrame) -> pl.Series:
    """Cluster label per release mention: exact counts by value, others to the nearest compatible.

    Exact (country, count) keys are numbered in order of first appearance; a qualified count joins the
    compatible exact count of its country nearest to it (ties: the earlier key), else its own cluster
    numbered after every exact key, in order of first appearance. A label depends on the mention's
    (country, count, qualifier) alone, so each distinct key is decided once and rows take it by a join.
    """
    keys = rel.select("country", "prisoner_count", "count_qualifier").with_columns(
        _exact=(pl.col("count_qualifier") == "exact").fill_null(False))
    exact = keys.filter("_exact").select("country", "prisoner_count").unique(maintain_order=True)
    n_exact = exact.height
    by_country: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, (ctry, c) in enumerate(exact.iter_rows()):
        by_country[ctry].append((c, k))
    for counts in by_country.values():
        counts.sort()
    labels = []
    n_other = 0
    qualified = keys.filter(~pl.col("_exact")).select("country", "prisoner_count", "count_qualifier") \
        .unique(maintain_order=True)
    for country, count, qual in qualified.iter_rows():
        # only this country's exact counts inside the compatible range are candidates (bisect, not a scan)
        counts = by_country.get(country, [])
        lo, hi = _compatible_range(count, qual)
        window = counts[bisect_left(counts, (lo, -1)):bisect_right(counts, (hi, n_exact + 1))]
        options = [(abs(c - count), k) for c, k in window if _compatible(count, qual, c)]
        if options:
            labels.append(min(options)[1])
        else:
            labels.append(n_exact + n_other)
            n_other += 1
    exact = exact.with_columns(count_qualifier=pl.lit("exact"), label=pl.int_range(n_exact, dtype=pl.Int64))
    qualified = qualified.with_columns(label=pl.Series(labels, dtype=pl.Int64))
    on = ["country", "prisoner_count", "count_qualifier"]
    lookup = pl.concat([exact.select(*on, "label"), qualified.select(*on, "label")])
    return keys.select(on).join(lookup, on=on, how="left", nulls_equal=True, maintain_order="left")["label"]


# Two mentions of the same count and country whose dates lie further apart than this are two releases
# ("10 Americans" freed in 2019 and again in 2022), however alike (issue 22, class 6).
SAME_RELEASE_DAYS = 120
_PRECISION_DAYS = {"day": 0, "week": 7, "month": 31, "year": 366}


def split_by_time(rel: pl.DataFrame) -> pl.Series:
    """`rel`'s cluster labels, a cluster cut where its dated mentions fall into periods more than
    SAME_RELEASE_DAYS apart (plus their precision). A document's undated mentions go with its dated ones,
    else with the period most documents date; clusters with dates in one period (most) keep their label."""
    if rel.is_empty() or "event_date" not in rel.columns:
        return rel["cluster"]
    dated = (rel.filter(pl.col("event_date").is_not_null() & pl.col("date_precision").is_in(list(_PRECISION_DAYS)))
             .group_by("cluster", "event_date", "date_precision").agg(pl.col("doc_id").unique()))
    if dated.is_empty():
        return rel["cluster"]
    spread = dated.group_by("cluster").agg(lo=pl.col("event_date").min(), hi=pl.col("event_date").max())
    spread = spread.filter((pl.col("hi") - pl.col("lo")).dt.total_days() > SAME_RELEASE_DAYS)
    if spread.is_empty():
        return rel["cluster"]
    next_label = int(rel["cluster"].max()) + 1
    relabel: dict[tuple[int, str], int] = {}  # (cluster, doc_id) -> new label
    for cluster in spread["cluster"].to_list():
        rows = sorted(dated.filter(pl.col("cluster") == cluster).iter_rows(), key=lambda r: r[1])
        periods: list[list[tuple]] = []
        for row in rows:
            slack = SAME_RELEASE_DAYS + _PRECISION_DAYS[row[2]]
            if periods and (row[1] - periods[-1][-1][1]).days <= slack:
                periods[-1].append(row)
            else:
                periods.append([row])
        docs = [{d for r in period for d in r[3]} for period in periods]
        main = max(range(len(periods)), key=lambda i: (len(docs[i]), -i))
        for i, period_docs in enumerate(docs):
            label = cluster if i == main else next_label + i
            for d in period_docs:
                relabel.setdefault((cluster, d), label)
        next_label += len(periods)
    keys = pl.DataFrame({"cluster": [k[0] for k in relabel], "doc_id": [k[1] for k in relabel],
                         "_label": list(relabel.values())},
                        schema={"cluster": rel.schema["cluster"], "doc_id": pl.String, "_label": pl.Int64})
    joined = rel.select("cluster", "doc_id").join(keys, on=["cluster", "doc_id"], how="left", maintain_order="left")
    return joined.select(pl.coalesce("_label", pl.col("cluster").cast(pl.Int64)))["_label"].alias("cluster")


def hash_slices(n_rows: int, slice_rows: int, column: str = "doc_id") -> list[pl.Expr | None]:
    """Filters that cut rows into slices of about `slice_rows` by a hash of `column`, so that all rows of
    one document (or cluster) share a slice; [None] when one slice holds them all (see `take`)."""
    n = max(1, -(-n_rows // max(1, slice_rows)))
    return [None] if n == 1 else [(pl.col(column).hash(seed=0) % n) == part for part in range(n)]


def take(frame, in_slice: pl.Expr | None):
    """The rows of a frame (eager or lazy) in one slice of `hash_slices`."""
    return frame if in_slice is None else frame.filter(in_slice)


def split(frame: pl.DataFrame, n_slices: int, column: str = "doc_id"):
    """Yield the rows of an eager frame in each of the `n_slices` slices `hash_slices` cuts, in order:
    the column is hashed once, not once per slice (hashing a string column was most of a slice's cost)."""
    if n_slices <= 1:
        yield frame
        return
    part_of = frame[column].hash(seed=0) % n_slices
    for part in range(n_slices):
        yield frame.filter(part_of == part)


def sliced_scans(source: pl.DataFrame | list, key: str, columns: list[str], n_slices: int, column: str = "doc_id"):
    """Yield, for each of `n_slices` hash slices (as `hash_slices` cuts them), a lazy frame of the source's
    rows in that slice, in the source's order.

    A spool (Parquet files) is read once and written out again per slice, next to it, so that a slice
    reads its own rows only: filtering a scan of every file for each slice read the whole spool once per
    slice, which grows with the square of the run (300k documents: 24 slices). The slice files go when
    the last slice has been yielded. A frame is filtered in memory.
    """
    if n_slices <= 1:
        yield _scan(source, key, columns)
        return
    if isinstance(source, pl.DataFrame) or not source:
        for part in range(n_slices):
            yield take(_scan(source, key, columns), (pl.col(column).hash(seed=0) % n_slices) == part)
        return
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix=f"slices-{key}-", dir=Path(source[0]).parent))
    try:
        parts: list[list[Path]] = [[] for _ in range(n_slices)]
        for i, path in enumerate(source):
            rows = _scan([path], key, columns).with_columns(
                _slice=(pl.col(column).hash(seed=0) % n_slices).cast(pl.Int64)).collect()
            for (part,), group in rows.partition_by("_slice", as_dict=True, maintain_order=True).items():
                out = folder / f"{i:06d}-{part:04d}.parquet"
                group.drop("_slice").write_parquet(out)
                parts[part].append(out)
            del rows
        for files in parts:
            yield _scan(files, key, columns)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


EVENT_AGG_SLICE_ROWS = 300_000


def _aggregate_event_slice(m: pl.DataFrame) -> pl.DataFrame:
    """One row per cluster of a slice of mentions; a cluster's mentions in document order (stable sort)."""
    used = ["cluster", "doc_id", "char_start", "event_type", "cameo_code", "country", "prisoner_count",
            "count_qualifier", "event_date", "date_precision", "date_text"]
    return (
        m.select(used).with_columns(_prank=pl.col("date_precision").replace_strict(
            {"day": 0, "week": 1, "month": 2, "year": 3}, default=9, return_dtype=pl.Int8))
        .sort("doc_id", "char_start", maintain_order=True).group_by("cluster").agg(
            pl.col("event_type").first(),
            pl.col("cameo_code").first(),
            pl.col("country").drop_nulls().mode().sort().first().alias("country"),
            pl.col("prisoner_count").filter(pl.col("count_qualifier") == "exact").mode().sort().first()
            .alias("exact_count"),
            pl.col("prisoner_count").drop_nulls().mode().sort().first().alias("any_count"),
            pl.col("count_qualifier").drop_nulls().first().alias("any_qualifier"),
            # the most precise dates the mentions give, the one most of them give (ties: the latest)
            pl.col("event_date").filter(pl.col("_prank") == pl.col("_prank").filter(pl.col("event_date").is_not_null()).min())
            .drop_nulls().mode().sort(descending=True).first().alias("event_date"),
            pl.col("date_precision").filter(pl.col("_prank") == pl.col("_prank").filter(pl.col("event_date").is_not_null()).min())
            .drop_nulls().first().alias("date_precision"),
            pl.col("date_text").drop_nulls().first().alias("date_text"),
            pl.col("char_start").first().alias("first_start"),
            pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_sources"),
            pl.col("doc_id").min().alias("first_doc"),
        )
        .with_columns(
            prisoner_count=pl.coalesce("exact_count", "any_count"),
            count_qualifier=pl.when(pl.col("exact_count").is_not_null()).then(pl.lit("exact"))
            .otherwise(pl.col("any_qualifier")),
            date_precision=pl.col("date_precision").fill_null("unknown"),
        )
    )


def consolidate_events(ev: pl.DataFrame | pl.LazyFrame, previous: pl.DataFrame | None = None, sentences_at=None,
                       mention_columns: list[str] | None = None) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Event mentions -> (events, event mentions with event_id, conflicts).

    `sentences_at(keys)` gives the sentence of each (doc_id, char_start) in `keys`; without it the
    mentions' own `sentence` column is used (the run passes mentions without their sentences and
    looks up only the few it summarises). The run passes the mentions as a lazy scan of its spool, so
    that they are read straight into their two halves, never held whole beside them.
    `mention_columns` (besides event_id): the mentions' columns the caller needs, when not all of them.
    """
    if sentences_at is None:
        sentences_at = _lookup_in(ev.collect() if isinstance(ev, pl.LazyFrame) else ev)
    rel = ev.lazy().filter(pl.col("event_type") == "prisoner_release").collect()
    other = ev.lazy().filter(pl.col("event_type") != "prisoner_release").collect()
    del ev
    rel = rel.with_columns(cluster=cluster_releases(rel))
    rel = rel.with_columns(cluster=split_by_time(rel))
    # other events: one per (type, country) per document; across documents only on the same known date
    other = other.with_columns(
        cluster=pl.when(pl.col("event_date").is_not_null())
        .then(pl.concat_str("event_type", "country", pl.col("event_date").cast(pl.String), separator="|", ignore_nulls=True))
        .otherwise(pl.concat_str("event_type", "country", "doc_id", separator="|", ignore_nulls=True))
        .rank("dense").cast(pl.Int64) + 1_000_000
    )
    m = pl.concat([rel, other])
    del rel, other  # the two halves are m now: not held through the aggregation
    if m.is_empty():
        return (pl.DataFrame(schema=EVENT_SCHEMA), m.with_columns(event_id=pl.lit(None, pl.String)),
                _empty_conflicts())
    old = _previous_ids(m, previous, "event_id", on=("doc_id", "char_start", "event_type"))
    # clusters are aggregated in hash slices: the sort and the per-group lists of one slice at a time
    agg = pl.concat([_aggregate_event_slice(part)
                     for part in split(m, len(hash_slices(m.height, EVENT_AGG_SLICE_ROWS)), "cluster")])
    agg = agg.sort("cluster")
    ids = event_ids(agg.select("cluster", "event_type", "country", "prisoner_count", "count_qualifier", "first_doc",
                               "event_date").iter_rows(), old)
    agg = agg.with_columns(event_id=pl.Series(ids, dtype=pl.String))
    del ids
    # each mention takes its cluster's id by a join on the small cluster -> id frame (mentions keep their order)
    cluster_ids = agg.select("cluster", "event_id")
    # the summary is the first source's sentence (first document, first mention in it)
    first = agg.select(doc_id="first_doc", char_start="first_start")
    agg = agg.join(sentences_at(first).select("doc_id", "char_start", summary=pl.col("sentence").str.slice(0, 240)),
                   left_on=["first_doc", "first_start"], right_on=["doc_id", "char_start"], how="left")
    events = agg.select(list(EVENT_SCHEMA)).sort("event_id")
    del agg
    if mention_columns is not None:
        # the mentions take their ids by a join, a new copy of them: only the columns still needed are
        # copied (and conflicts' own), not all of them (at 300k documents the copy was the resolve's peak)
        wanted = set(mention_columns) | set(CONFLICT_COLUMNS)
        m = m.select([c for c in m.columns if c in wanted or c == "cluster"])
    m = m.join(cluster_ids, on="cluster", how="left", maintain_order="left").drop("cluster")
    conflicts = event_conflicts(m)
    if mention_columns is not None:
        m = m.select(["event_id"] + [c for c in mention_columns if c != "event_id"])
    return events, m, conflicts


def event_ids(clusters, old: dict) -> list[str]:
    """An id per cluster (cluster, event_type, country, count, qualifier, first_doc, date), in order, never
    one twice: the cluster's id from the last run, else one from its key fields; an id an earlier cluster
    holds is salted with the first source and the cluster, then with a counter until it is free (ids of
    an earlier run can equal a salted one: a warehouse built from other documents numbered its clusters
    otherwise, and the load then failed on the events' primary key)."""
    ids, seen = [], set()
    for cluster, etype, country, count, qual, first_doc, date in clusters:
        new_id = old.get(cluster) or stable_id("E", etype, country, count, qual, date,
                                               None if etype == "prisoner_release" else first_doc)
        if new_id in seen:  # two events alike in every key field: tell them apart by their first source
            new_id = stable_id("E", etype, country, count, qual, date, first_doc, cluster)
        salt = 0
        while new_id in seen:
            salt += 1
            new_id = stable_id("E", etype, country, count, qual, date, first_doc, cluster, salt)
        seen.add(new_id)
        ids.append(new_id)
    return ids


EVENT_SCHEMA = {
    "event_id": pl.String, "event_type": pl.String, "cameo_code": pl.String, "event_date": pl.Date,
    "date_precision": pl.String, "date_text": pl.String, "country": pl.String,
    "prisoner_count": pl.Int64, "count_qualifier": pl.String, "summary": pl.String, "n_sources": pl.Int64,
}


CONFLICT_COLUMNS = ("event_id", "doc_id", "prisoner_count", "count_qualifier", "event_date",
                    "date_precision")  # what event_conflicts reads


def event_conflicts(m: pl.DataFrame) -> pl.DataFrame:
    """Sources that give one event counts or dates that cannot both be true, compared at their precision
    (issue 25: "January 2024" and 2024-01-15 agree, as do "more than 50" and 52; see flows/agreement.py)."""
    from flows.agreement import precision_conflicts

    return precision_conflicts(m, "events", "event_id", "event_date", count=True)


# ---------------------------------------------------------------- event people

LINK_SCHEMA = {"event_id": pl.String, "person_id": pl.String, "role": pl.String, "doc_id": pl.String,
               "char_start": pl.Int64, "char_end": pl.Int64}
# sentences linked at once: each slice of documents builds its own lookups, so memory stays bounded
LINK_SLICE_SENTENCES = 200_000


def link_event_people(event_mentions: pl.DataFrame, person_mentions: pl.DataFrame,
                      sentences: pl.DataFrame | list, people: pl.DataFrame,
                      slice_sentences: int | None = None) -> pl.DataFrame:
    """Roles of people in releases: released (named after the release word), decision_maker, envoy.

    Linking looks only inside each document, so documents are taken in slices (by a hash of
    doc_id); `sentences` is a frame or the run's Parquet files of linking sentences.
    """
    rel = event_mentions.filter(pl.col("event_type") == "prisoner_release")
    if rel.is_empty() or person_mentions.is_empty():
        return pl.DataFrame(schema=LINK_SCHEMA)
    head_roles = {pid for pid, roles in people.select("person_id", "roles").iter_rows()
                  if any(HEAD_ROLE_RE.search(r) for r in roles)}
    pm = person_mentions.with_row_index("_row")
    parts = []
    slices = hash_slices(_n_rows(sentences), slice_sentences or LINK_SLICE_SENTENCES)
    scans = sliced_scans(sentences, "sentences", list(stage_schema("sentences")), len(slices))
    try:
        for rel_part, pm_part, slice_sentences_scan in zip(split(rel, len(slices)), split(pm, len(slices)), scans):
            parts.append(_link_rows(rel_part, pm_part, slice_sentences_scan.collect(), head_roles))
    finally:
        scans.close()  # its slice files go now, not when the generator is collected
    # in the order of the person mentions, as if linked in one go (a mention links at most once)
    out = pl.concat(parts).sort("_row").drop("_row")
    return out.unique(subset=["event_id", "person_id", "role"], keep="first", maintain_order=True)


INCLUDED_RE = re.compile(r"\b(?:included|includ(?:e|es|ing)|among\s+(?:them|those))\b", re.I)
ENVOY_ROLE = r"(?i)\benvoy\b|\bnegotiator\b|\bmediator\b"


def _link_rows(rel: pl.DataFrame, person_mentions: pl.DataFrame, sentences: pl.DataFrame,
               head_roles: set[str]) -> pl.DataFrame:
    """Links of one slice of documents: `_row` (the person mention's row) and the LINK_SCHEMA columns.

    Frames and joins decide which sentence speaks of which release; Python's regexes run once per
    distinct sentence (where its first release word ends) and once per mention that a release
    sentence holds (does the name act: "X announced").
    """
    out_schema = {"_row": pl.UInt32, **LINK_SCHEMA}
    if rel.is_empty() or person_mentions.is_empty():
        return pl.DataFrame(schema=out_schema)
    key = ["doc_id", "sent_idx"]
    sents = (sentences.select("doc_id", pl.col("sent_idx").cast(pl.Int64), pl.col("char_start").alias("_offset"),
                              "sentence")
             .unique(key, keep="last", maintain_order=True))
    texts = sents.select("sentence").unique()
    trigger_end = [m.end() if (m := RELEASE_RE.search(t)) else -1 for t in texts["sentence"]]
    sents = sents.join(texts.with_columns(_trigger_end=pl.Series(trigger_end, dtype=pl.Int64)), on="sentence",
                       how="left")
    del texts, trigger_end
    releases = rel.select("doc_id", pl.col("sent_idx").cast(pl.Int64), "event_id")
    single = (releases.group_by("doc_id").agg(pl.col("event_id").unique())
              .filter(pl.col("event_id").list.len() == 1)
              .select("doc_id", _single=pl.col("event_id").list.first()))
    said = releases.unique(key, keep="last", maintain_order=True)
    # in a document about one release, any sentence with a release word speaks of it
    extra = (sents.filter(pl.col("_trigger_end") >= 0).join(single, on="doc_id")
             .join(said, on=key, how="anti").select(*key, event_id="_single"))
    release_sent = pl.concat([said, extra])
    # only a mention in or right after a release sentence, or with a role in a one-release document, can
    # be linked: the rest (most people are named elsewhere) is never looked at
    near = release_sent.select(key)
    near = pl.concat([near, near.with_columns(pl.col("sent_idx") + 1)]).unique().with_columns(_near=pl.lit(True))
    cand = (
        person_mentions.select("_row", "doc_id", pl.col("sent_idx").cast(pl.Int64), "char_start", "char_end",
                               "person_id", "role")
        .join(near, on=key, how="left", maintain_order="left")
        .join(single, on="doc_id", how="left", maintain_order="left")
        .filter(pl.col("_near").fill_null(False) | (pl.col("role").is_not_null() & pl.col("_single").is_not_null()))
        .join(release_sent.rename({"event_id": "_here"}), on=key, how="left", maintain_order="left")
        .join(release_sent.select("doc_id", pl.col("sent_idx") + 1, _before="event_id"), on=key, how="left",
              maintain_order="left")
        .join(sents, on=key, how="left", maintain_order="left")
    )
    envoy = (pl.col("role").str.contains(ENVOY_ROLE) & pl.col("_single").is_not_null()).fill_null(False)
    # "Other notable figures included X" right after a release sentence continues it
    may_continue = (pl.col("_here").is_null() & pl.col("_before").is_not_null() & pl.col("sentence").is_not_null()
                    & ~envoy)
    cont = cand.filter(may_continue)
    cand = cand.join(cont.select("_row", _continued=pl.Series(
        [INCLUDED_RE.search(t) is not None for t in cont["sentence"]], dtype=pl.Boolean)), on="_row", how="left",
        maintain_order="left").with_columns(pl.col("_continued").fill_null(False))
    cand = cand.with_columns(_event=pl.when(pl.col("_continued")).then("_before").otherwise("_here"))
    # a release word ends before the name (the first one ends first: matches do not overlap)
    in_release = cand.filter(~envoy & pl.col("_event").is_not_null() & pl.col("sentence").is_not_null())
    acts = [bool(ACTOR_VERB_RE.match(t[e - o:])) for t, e, o in in_release.select(
        "sentence", "char_end", "_offset").iter_rows()]
    head = pl.col("person_id").is_in(pl.Series(sorted(head_roles), dtype=pl.String).implode())
    after_trigger = pl.col("_continued") | ((pl.col("_trigger_end") >= 0)
                                            & (pl.col("_trigger_end") <= pl.col("char_start") - pl.col("_offset")))
    linked = in_release.with_columns(_acts=pl.Series(acts, dtype=pl.Boolean)).with_columns(
        role=pl.when(after_trigger & ~pl.col("_acts") & ~head).then(pl.lit("released"))
        .when(head | pl.col("_acts")).then(pl.lit("decision_maker")))
    envoys = cand.filter(envoy).with_columns(_event="_single", role=pl.lit("envoy"))
    return (pl.concat([linked.filter(pl.col("role").is_not_null()), envoys], how="diagonal_relaxed")
            .select("_row", event_id="_event", person_id="person_id", role="role", doc_id="doc_id",
                    char_start="char_start", char_end="char_end")
            .cast(out_schema))


# ---------------------------------------------------------------- sanctions

# one row per move: (issuer, target, target country, action, date); see flows/sanction_moves.py
SANCTION_SCHEMA = {"sanction_id": pl.String, "issuer": pl.String, "issuer_text": pl.String, "target": pl.String,
                   "target_type": pl.String, "target_country": pl.String, "action": pl.String,
                   "move_date": pl.Date, "date_precision": pl.String, "date_text": pl.String,
                   "date_source": pl.String, "reason": pl.String, "event_id": pl.String, "n_sources": pl.Int64}

def consolidate_sanctions(sm: pl.DataFrame, event_mentions: pl.DataFrame, sentences_at=None
                          ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sanction mentions -> (sanctions, mentions with sanction_id).

    Within a document a definite relief (lifted/eased) on a target overrides a
    hedged 'proposed' on the same target; a missing issuer is the one named elsewhere in the
    document for the same target and action.
    Relief tied to a release ('in exchange for', 'as part of the deal', or a
    document about exactly one release) links to that release event.
    """
    from flows.sanction_moves import move_ids, split_issuers, with_date_columns

    schema = SANCTION_SCHEMA
    sm = with_date_columns(sm)
    if sm.is_empty():
        return pl.DataFrame(schema=schema), sm.with_columns(sanction_id=pl.lit(None, pl.String))
    definite = sm.filter(pl.col("action").is_in(["lifted", "eased"])).select("doc_id", "target").unique()
    sm = sm.join(definite.with_columns(has_definite=pl.lit(True)), on=["doc_id", "target"], how="left").filter(
        ~((pl.col("action") == "proposed") & pl.col("has_definite").fill_null(False))).drop("has_definite")
    # the issuer of a document's (target, action) is the first one named in it
    # an unnamed issuer is the one the document names for the same target and action
    sm = sm.with_columns(
        issuer=pl.coalesce("issuer", pl.col("issuer").drop_nulls().first().over("doc_id", "target", "action")),
        issuer_text=pl.coalesce("issuer_text", pl.col("issuer_text").drop_nulls().first().over("doc_id", "target", "action")))
    # a proposal nobody is said to make ("the release could potentially ease sanctions") is the writer's
    # speculation, not a move any power has put forward
    sm = sm.filter(~((pl.col("action") == "proposed") & pl.col("issuer").is_null()))
    if sm.is_empty():
        return pl.DataFrame(schema=schema), sm.with_columns(sanction_id=pl.lit(None, pl.String))
    rel = event_mentions.filter(pl.col("event_type") == "prisoner_release")
    doc_release = rel.group_by("doc_id").agg(pl.col("event_id").unique().alias("events"))
    single = {d: e[0] for d, e in doc_release.iter_rows() if len(e) == 1}
    release_country = dict(rel.select("event_id", "country").unique("event_id").iter_rows())
    # the sentences that decide a link: relief on a non-country target in a document about one release
    # (looked up, so that the mentions can come without their sentences)
    needs = sm.filter(pl.col("action").is_in(list(RELIEF)) & pl.col("doc_id").is_in(list(single))
                      & (pl.col("target_type") != "country")).select("doc_id", "char_start")
    if sentences_at is None:
        sentences_at = _lookup_in(sm, "sanction_mentions")
    said = {} if needs.is_empty() else {
        (d, c): t for d, c, t in sentences_at(needs).select("doc_id", "char_start", "sentence").iter_rows()}
    # only relief in a document about one release can link (to that release): the rest never reaches the loop
    single_release = pl.DataFrame({"doc_id": list(single), "_release": list(single.values())},
                                  schema={"doc_id": pl.String, "_release": pl.String})
    sm = sm.with_row_index("_row")
    relief = sm.filter(pl.col("action").is_in(list(RELIEF))).select(
        "_row", "doc_id", "char_start", "target", "target_type").join(single_release, on="doc_id", how="inner")
    links = []
    for doc_id, start, target, target_type, event_id in relief.select(
            "doc_id", "char_start", "target", "target_type", "_release").iter_rows():
        country = release_country.get(event_id)
        # relief ties to the document's one release only when it is about the releasing
        # country: "Belarusian potash" yes; an airline in a round-up of other countries, no
        about = [target] if target_type == "country" else countries_in(said[(doc_id, start)])
        links.append(None if country and country not in about else event_id)
    sm = sm.join(relief.select("_row", linked_event=pl.Series(links, dtype=pl.String)), on="_row", how="left",
                 maintain_order="left").drop("_row")
    # one row per sanctioning body (issue 25): "the US and the EU" is two moves, each with its code
    sm = split_issuers(sm)
    # an id per move: a distinct (issuer, target, target country, action) cut where its dates lie far
    # apart (an imposition in 2021 and another in 2024 are two moves; sources of one move merge); the
    # country keeps the U.S. easing on Venezuelan oil apart from one on Iranian oil
    on = ["issuer", "target", "target_country", "action"]
    sm, move_dates = move_ids(sm, on, split_by_time, stable_id)
    sm = sm.with_columns(issuer_key=pl.col("issuer").fill_null(""))
    sanctions = (
        sm.sort("doc_id", "char_start").group_by("sanction_id").agg(
            pl.col("issuer").first(), pl.col("issuer_text").drop_nulls().first(),
            pl.col("target").first(), pl.col("target_type").first(),
            pl.col("target_country").first(), pl.col("action").first(),
            pl.col("reason").drop_nulls().unique(maintain_order=True).str.join("; ").alias("reason"),
            pl.col("linked_event").drop_nulls().mode().sort().first().alias("event_id"),
            pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_sources"),
        )
        .with_columns(reason=pl.when(pl.col("reason") == "").then(None).otherwise(pl.col("reason")))
        .join(move_dates, on="sanction_id", how="left")
        .select(list(schema)).sort("sanction_id")
    )
    return sanctions, sm.drop("issuer_key")


# ---------------------------------------------------------------- staging sources

def stage_schema(key: str) -> dict:
    """Column types of a staging frame, as the extractors produce it."""
    from flows.clean import SENTENCE_SCHEMA
    from flows.events import EVENT_MENTION_SCHEMA, TALLY_SCHEMA
    from flows.people import CANDIDATE_SCHEMA
    from flows.sanction_moves import DATED_SANCTION_MENTION_SCHEMA

    return {"name_candidates": CANDIDATE_SCHEMA, "event_mentions": EVENT_MENTION_SCHEMA,
            "sanction_mentions": DATED_SANCTION_MENTION_SCHEMA, "sentences": SENTENCE_SCHEMA,
            "tallies": TALLY_SCHEMA}[key]


def _scan(source: pl.DataFrame | list, key: str, columns: list[str] | None = None) -> pl.LazyFrame:
    """A staging frame or its Parquet files (the run's spool), as one lazy frame of the extractors' types."""
    schema = stage_schema(key)
    columns = columns or list(schema)
    if isinstance(source, pl.DataFrame):
        return source.lazy().select(columns)
    if not source:
        return pl.LazyFrame(schema={c: schema[c] for c in columns})
    # files copied out of an older warehouse may type a column differently: cast each to the extractor's type
    return pl.concat([pl.scan_parquet(f).select(columns).cast({c: schema[c] for c in columns}) for f in source])


def _source(stage: dict, key: str) -> pl.DataFrame | list:
    """A stage key's frame or Parquet files (no files when the run has none)."""
    found = stage.get(key)
    return found if found is not None else []


def _without_sentence(key: str) -> list[str]:
    return [c for c in stage_schema(key) if c != "sentence"]


def stage_frame(stage: dict, key: str, columns: list[str] | None = None) -> pl.DataFrame:
    """One staging frame (or some of its columns) from memory or from the run's spool."""
    return _scan(_source(stage, key), key, columns).collect()


def _n_rows(source: pl.DataFrame | list) -> int:
    if isinstance(source, pl.DataFrame):
        return source.height
    return sum(pl.scan_parquet(f).select(pl.len()).collect().item() for f in source)


def _lookup_in(frame: pl.DataFrame | list, key: str = "event_mentions"):
    """sentences_at(keys) over a frame or files holding (doc_id, char_start, sentence)."""
    def sentences_at(keys: pl.DataFrame) -> pl.DataFrame:
        return (_scan(frame, key, ["doc_id", "char_start", "sentence"])
                .join(keys.lazy().unique(), on=["doc_id", "char_start"], how="semi")
                .unique(["doc_id", "char_start"], keep="first")  # one sentence per start: any row says it
                .collect())
    return sentences_at


# rows of evidence given their quotes at once (see quote_evidence)
QUOTE_SLICE_ROWS = 300_000


def quote_evidence(evidence: pl.DataFrame, stage: dict, folder, slice_rows: int = QUOTE_SLICE_ROWS) -> list:
    """Evidence with every quote, written to Parquet files in `folder` slice by slice.

    Events and sanctions are resolved without their sentences; an evidence row without a quote
    takes the sentence of the staging row found at its span. Documents are taken in hash slices,
    so only one slice's sentences are in memory at a time. A span that no staging row has gets an
    empty quote, which the "quote equals document text" check then fails.
    """
    from pathlib import Path

    files = []
    keys = ["doc_id", "char_start", "char_end"]
    slices = hash_slices(evidence.height, slice_rows)
    events, sanctions = (sliced_scans(_source(stage, key), key, keys + ["sentence"], len(slices))
                         for key in ("event_mentions", "sanction_mentions"))
    try:
        for part, (rows, said_events, said_sanctions) in enumerate(zip(split(evidence, len(slices)), events, sanctions)):
            # one sentence per span: any row says it
            said = pl.concat([said_events, said_sanctions]).unique(keys, keep="first").collect()
            rows = rows.join(said, on=keys, how="left").with_columns(
                quote=pl.coalesce("quote", "sentence", pl.lit(""))).drop("sentence")
            path = Path(folder) / f"evidence-{part:04d}.parquet"
            rows.write_parquet(path)
            files.append(path)
    finally:
        events.close()  # their slice files go now
        sanctions.close()
    return files


# ---------------------------------------------------------------- assembly

def _evidence_part(fact_table: str, rows: pl.DataFrame) -> pl.DataFrame:
    """Evidence rows of one fact table: one per (fact, document, start), sorted by them."""
    return (rows.unique(subset=["fact_id", "doc_id", "char_start"], keep="first")
            .sort("fact_id", "doc_id", "char_start")
            .select(pl.lit(fact_table).alias("fact_table"), "fact_id", "doc_id", "char_start", "char_end", "quote"))


# what sanctions, release linking and evidence read of the event mentions
EVENT_MENTION_KEYS = ["event_id", "event_type", "country", "doc_id", "sent_idx", "char_start", "char_end"]


def assemble_tables(stage: dict[str, pl.DataFrame | list], previous: dict[str, pl.DataFrame] | None = None
                    ) -> dict[str, pl.DataFrame]:
    """Staging rows of all current documents -> the warehouse's fact tables with evidence.

    Each `stage` value is a frame or a list of Parquet files (the run's spool); each step reads only
    the columns it needs, and no step holds every sentence of the run. Evidence of events and
    sanctions comes without its quote: `quote_evidence` adds it, slice by slice, before the load.
    """
    from flows.people import resolve_mentions_in_documents

    previous = previous or {}
    mentions = resolve_mentions_in_documents(stage_frame(stage, "name_candidates"))
    people, person_mentions, person_conflicts = resolve_people(mentions, previous.get("person_mentions"))
    del mentions
    events, event_mentions, ev_conflicts = consolidate_events(
        _scan(_source(stage, "event_mentions"), "event_mentions", _without_sentence("event_mentions")),
        previous.get("event_mentions"),
        sentences_at=_lookup_in(_source(stage, "event_mentions")),
        # the steps below need only where each mention is and which event it is: the other columns would be
        # held through sanctions, linking and evidence (the run's later memory peaks) for nothing
        mention_columns=EVENT_MENTION_KEYS)
    sanctions, sanction_mentions = consolidate_sanctions(
        stage_frame(stage, "sanction_mentions", _without_sentence("sanction_mentions")), event_mentions,
        sentences_at=_lookup_in(_source(stage, "sanction_mentions"), "sanction_mentions"))
    event_people = link_event_people(event_mentions, person_mentions, _source(stage, "sentences"), people)
    no_quote = pl.lit(None, pl.String).alias("quote")
    # one part per fact table, deduplicated and sorted on its own (in fact_table order): the same rows as
    # one concat -> unique -> sort, without holding and sorting all of them at once (its 100k peak);
    # the event and sanction mentions go as soon as their part is made (the tables keep only evidence)
    event_part = _evidence_part("events", event_mentions.select(
        pl.col("event_id").alias("fact_id"), "doc_id", "char_start", "char_end", no_quote))
    del event_mentions
    from flows.agreement import precision_conflicts

    # dates the sentences state for one move that cannot all be true (publication dates claim nothing)
    sanction_conflicts = precision_conflicts(sanction_mentions.filter(pl.col("date_source") == "sentence"),
                                             "sanctions", "sanction_id", "move_date")
    sanction_part = _evidence_part("sanctions", sanction_mentions.select(
        pl.col("sanction_id").alias("fact_id"), "doc_id", "char_start", "char_end", no_quote))
    del sanction_mentions
    evidence = pl.concat([
        event_part,
        _evidence_part("people", person_mentions.select(
            pl.col("person_id").alias("fact_id"), "doc_id", "char_start", "char_end", pl.col("surface").alias("quote"))
            .sort("char_start").group_by("fact_id", "doc_id", maintain_order=True).first()),
        sanction_part,
    ])
    del event_part, sanction_part
    from flows.dimensions import add_dimensions

    # ISO codes, nationality, and the countries and issuers tables (issue 25)
    return add_dimensions({
        "people": people,
        "person_mentions": person_mentions.select(
            "person_id", "doc_id", "sent_idx", "surface", "name", "char_start", "char_end", "role", "confidence"),
        "events": events,
        "event_people": event_people,
        "sanctions": sanctions,
        "evidence": evidence,
        "conflicts": pl.concat([person_conflicts, ev_conflicts, sanction_conflicts]),
        "tallies": stage_frame(stage, "tallies"),
    })

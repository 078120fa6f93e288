"""Stable ids: a cluster that contains a mention seen in an earlier run keeps that run's id; clusters by union-find."""

from __future__ import annotations

import hashlib

import polars as pl

from flows.language.lexicon import fold


def stable_id(prefix: str, *parts: object) -> str:
    """Short deterministic id from the fewest stable raw fields."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha256(raw.encode()).hexdigest()[:12]


class UnionFind:
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


def previous_ids(mentions: pl.DataFrame, previous: pl.DataFrame | list | None, id_col: str,
                  on: tuple[str, ...] = ("doc_id", "char_start"), narrow: bool = True) -> dict:
    """Cluster -> id it had in the previous run; an old id goes to one cluster only (the one holding most of it).

    `previous` is a frame or Parquet files (see spool.RunSpool.copy_previous) of `on` columns and `id_col`.
    `narrow=False`: `mentions` are (nearly) every mention the stored pairs hold (people, resolved whole), so the
    stored pairs are not first cut to them (a semi join that keeps nearly every row; the inner join below drops
    the few others: the same votes)."""
    if previous is None or len(previous) == 0:
        return {}
    old = pl.scan_parquet(previous) if isinstance(previous, list) else previous.lazy()
    old = old.select(*on, id_col).cast({"char_start": pl.Int64})
    if narrow:
        # the stored pairs of these mentions only, before `unique` (a daily run resolves a block of mentions
        # against every stored one: the unique of all of them was a transient of ~0.3 GB at 100k documents)
        old = old.join(mentions.lazy().select(*on).unique(), on=list(on), how="semi")
    old = old.unique()
    joined = mentions.lazy().select("cluster", *on).join(old, on=list(on), how="inner").collect()
    # ties (a cluster holding as many mentions of two old ids, two clusters as many of one) go to the
    # smaller cluster, then the smaller id: the same choice whatever order the votes were counted in
    votes = joined.group_by("cluster", id_col).len().sort(["len", "cluster", id_col], descending=[True, False, False])
    out, taken = {}, set()
    for cluster, old_id, _ in votes.iter_rows():
        if cluster not in out and old_id not in taken:
            out[cluster] = old_id
            taken.add(old_id)
    return out


def person_ids(clusters, old: dict) -> dict:
    """cluster -> id, never one twice: clusters holding a mention of the last run keep its id (they are
    distinct, see `previous_ids`); the others take one from their canonical name, salted with a counter
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


def event_ids(clusters, old: dict) -> list[str]:
    """An id per cluster (cluster, event_type, country, count, qualifier, first_doc, date), in order, never
    one twice: the cluster's id from the last run (`previous_ids` gives each old id to one cluster), else
    one from its key fields; an id another cluster holds is salted with the first source, then with a
    counter until it is free (ids of an earlier run can equal a salted one, and the load then failed on
    the events' primary key).

    Old ids are claimed first, so a new cluster never takes the id a stored event keeps; and the salts
    are content, not the cluster's number: two clusters alike in every key field lie in one block of
    incremental resolution (flows/resolution/incremental.py), so resolving that block alone gives the
    ids resolving everything gives."""
    clusters = list(clusters)
    seen = {old[c[0]] for c in clusters if c[0] in old}
    ids = []
    for cluster, etype, country, count, qual, first_doc, date in clusters:
        if cluster in old:
            ids.append(old[cluster])
            continue
        new_id = stable_id("E", etype, country, count, qual, date, None if etype == "prisoner_release" else first_doc)
        if new_id in seen:  # two events alike in every key field: tell them apart by their first source
            new_id = stable_id("E", etype, country, count, qual, date, first_doc, "salted")
        salt = 0
        while new_id in seen:
            salt += 1
            new_id = stable_id("E", etype, country, count, qual, date, first_doc, "salted", salt)
        seen.add(new_id)
        ids.append(new_id)
    return ids

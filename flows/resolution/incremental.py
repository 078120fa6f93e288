"""Incremental resolution (issue 24): a daily run resolves again only the blocks its documents touch.

A *block* is a set of mentions whose resolution depends on nothing outside it (its clusters, their ids,
rows, conflicts and evidence are a function of the block's mentions and of the ids they had):

- events: a release mention's block is its cluster before the cut by dates (`_release_labels`: counts
  rounded to a precise figure and qualified counts joined to the nearest exact count, both among the
  distinct exact counts of its country, then a swap's two sides joined across the countries its mentions
  link, `join_swap_sides`); where this section says a release's country, read its swap group (`swap_groups`:
  the countries linked by swap mentions' counterparts, transitively), the unit whose keys are labelled
  together; a touched release block is resolved with the first mention of
  each distinct exact count of its group as context, so it decides as among all mentions; any other
  event's block is its own cluster key, (type, country, date), or (type, country, document) when undated,
  as `consolidate_events` clusters them;
- sanctions: a move's (issuer, target, target country, action), the key `move_ids` cuts into moves by
  date; what a document decides for its own mentions first (issuer of the document, relief linked to the
  document's one release) makes the document's mentions depend on its release events' ids.

A run's touched blocks are those holding a mention of a document it adds or drops (a dropped release:
its whole country), with every release block of up to MEMBERS_MAX of a country where one such is touched (a named
release of one joins a counted group of another count block, `join_named_members`: `_Blocks.member_blocks`),
the release blocks whose kept mentions cluster otherwise once the day's counts come,
and, for sanctions, the moves of a kept document whose release mentions changed event. Those blocks are resolved again by the very
functions a full run uses (`consolidate_events`, `consolidate_sanctions`), on their mentions only, in
the order a full run sees them; every other block keeps its stored rows (events, sanctions, their
conflicts) and its mentions their stored ids. Why that is what a full run computes:

- a stored event or move is the last run's resolution of its block; an untouched block holds the same
  mentions now, and resolution is idempotent (a cluster holding the mentions of an old id keeps it);
- an old id lies in one block (the last run's cluster was inside one), so no cluster of a touched block
  can claim an id an untouched block keeps, and two clusters alike in every field an id is made of lie in
  one block (`ids.event_ids` salts with content, not with the cluster's number);
- within a block, a full run's decisions and tie-breaks read the mentions' relative order only, which a
  subset keeps.

The blocks mirror what `consolidate_events` and `consolidate_sanctions` cluster on (`event_block`,
`_release_labels`, `swap_groups`, `SANCTION_KEY`): a change there must change them too.

Any untouched mention that does not find exactly one stored id, or an id its stored table lacks, or an
id held in two blocks, makes its block touched (the safety net for a warehouse the code did not write); a
stored move whose id a touched one takes raises `IncrementalMismatch`, and the run resolves everything. Links
are made again only in the documents whose inputs changed (`link_event_people_incremental`). People and person
mentions are resolved whole, as before (people read across documents from the very first step,
`resolve_mentions_in_documents`); `changed_person_mention_docs` finds the documents whose mentions changed. `tests/test_incremental.py` checks, day after day, that these tables
equal the full resolution's, and that daily runs build the warehouse a full refresh builds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.core.frames import hash_slices, take
from flows.extraction.facts import EXTRACTOR_VERSION
from flows.language.lexicon import fold
from flows.resolution.agreement import CONFLICT_SCHEMA
from flows.resolution.events import (EVENT_SCHEMA, MEMBERS_MAX, cluster_releases, consolidate_events,
                                     round_counts_to_precise)
from flows.resolution.sanctions import RELIEF, SANCTION_SCHEMA, consolidate_sanctions

# a sanction move's block
SANCTION_KEY = ["issuer", "target", "target_country", "action"]
# what ties an event mention to the event it was in last run (load.PREVIOUS_IDS_SQL's columns)
EVENT_PREVIOUS_KEYS = ["doc_id", "char_start", "event_type"]


@dataclass
class Stored:
    """What the warehouse holds as the last run resolved it (frames or Parquet files), and what changes.

    `new_doc_ids`: the documents this run extracted; `gone_doc_ids`: stored documents it drops (removed
    or changed files). `events`, `sanctions`: the stored rows; `conflicts`: the stored conflicts of
    events and sanctions; `event_evidence`, `sanction_evidence`: their stored evidence (fact_id, doc_id,
    char_start, char_end, quote)."""
    new_doc_ids: list[str]
    gone_doc_ids: list[str]
    events: pl.DataFrame | list = field(default_factory=list)
    sanctions: pl.DataFrame | list = field(default_factory=list)
    conflicts: pl.DataFrame | list = field(default_factory=list)
    event_evidence: pl.DataFrame | list = field(default_factory=list)
    sanction_evidence: pl.DataFrame | list = field(default_factory=list)
    event_people: pl.DataFrame | list = field(default_factory=list)
    people: pl.DataFrame | list = field(default_factory=list)
    person_mentions: pl.DataFrame | list = field(default_factory=list)


EVIDENCE_SCHEMA = {"fact_id": pl.String, "doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
                   "quote": pl.String}


def kept_evidence(source: pl.DataFrame | list, kept_ids: pl.Series, where: pl.Expr | None = None) -> pl.DataFrame:
    """The stored evidence (quoted) of the facts an incremental run keeps as stored: the rows a full run
    makes for them from the same mentions, and the quotes `quote_evidence` gives those spans. `where`: of
    the rows it keeps only (pushed into the scan of the stored files)."""
    keep = pl.col("fact_id").is_in(kept_ids.implode())
    return _scan(source, EVIDENCE_SCHEMA).filter(keep if where is None else keep & where).collect()


def _scan(source: pl.DataFrame | list | None, schema: dict) -> pl.LazyFrame:
    """`_frame`, lazy: a filter on it is pushed into the scan of Parquet files."""
    if isinstance(source, pl.DataFrame):
        frame = source.lazy()
    elif source:
        frame = pl.concat([pl.scan_parquet(f) for f in source], how="vertical_relaxed")
    else:
        return pl.LazyFrame(schema=schema)
    return frame.select(list(schema)).cast(schema)


def changed_evidence_docs(now: pl.DataFrame, stored: pl.DataFrame | list, kept_ids: pl.Series) -> pl.Series:
    """Documents whose evidence of one fact table differs from the stored: `now`, the evidence rows the
    touched facts' mentions make (fact_id, doc_id, char_start, char_end), against the stored rows of every
    fact not kept as stored. A kept fact's rows are its stored ones on both sides, so a document outside
    the difference holds the very rows it stores (a document's evidence is its own mentions' spans and ids)."""
    keys = ["fact_id", "doc_id", "char_start", "char_end"]
    schema = {k: EVIDENCE_SCHEMA[k] for k in keys}
    stored = _scan(stored, EVIDENCE_SCHEMA)

    def differ(part: pl.Expr | None) -> pl.LazyFrame:
        here = take(now.lazy().select(keys).cast(schema), part).unique()
        before = take(stored.select(keys), part).filter(~pl.col("fact_id").is_in(kept_ids.implode())).unique()
        gained = here.join(before, on=keys, how="anti", nulls_equal=True).select("doc_id")
        lost = before.join(here, on=keys, how="anti", nulls_equal=True).select("doc_id")
        return pl.concat([gained, lost]).unique()

    # slice of documents by slice (`_collect_by_documents`): both sides' keys at 100k held ~0.25 GB at once
    return _collect_by_documents(differ, _collect(stored.select(pl.len())).item())["doc_id"]


def _frame(source: pl.DataFrame | list | None, schema: dict) -> pl.DataFrame:
    """A frame, Parquet files or nothing, in `schema`'s columns and types."""
    if isinstance(source, pl.DataFrame):
        frame = source
    elif source:
        frame = pl.concat([pl.read_parquet(f) for f in source], how="vertical_relaxed")
    else:
        return pl.DataFrame(schema=schema)
    return frame.select(list(schema)).cast(schema)


# the columns `event_block` reads
EVENT_BLOCK_COLUMNS = ["event_type", "country", "event_date", "doc_id"]


def event_block(country: pl.Expr | None = None) -> pl.Expr:
    """The block of an event mention (see the module): a release's country (`country`: its group of countries
    linked by swaps, `swap_groups`), another event's cluster key."""
    release = pl.col("event_type") == "prisoner_release"
    other = (pl.when(pl.col("event_date").is_not_null())
             .then(pl.concat_str("event_type", "country", pl.col("event_date").cast(pl.String), separator="|",
                                 ignore_nulls=True))
             .otherwise(pl.concat_str("event_type", "country", "doc_id", separator="|", ignore_nulls=True)))
    country = pl.col("country") if country is None else country
    return (pl.when(release).then(pl.concat_str(pl.lit("R"), country.fill_null("\x00"), separator="|"))
            .otherwise(pl.concat_str(pl.lit("O"), other, separator="|"))).alias("_block")


def _ids(frame: pl.DataFrame, column: str) -> pl.Series:
    return frame[column].drop_nulls().unique()


# what decides an event mention's block (`event_block` and the release keys)
BLOCK_INPUTS = ["event_type", "country", "event_date", "doc_id", "prisoner_count", "count_qualifier", "counterparts"]
RELEASE_KEY = ["country", "prisoner_count", "count_qualifier", "counterparts"]


def swap_groups(keys: pl.DataFrame) -> pl.DataFrame:
    """(country, _grp) of the countries linked by swaps: a release key whose counterparts name a country that has
    release keys links the two (transitively; `_grp`, the group's least country). `cluster_releases` joins a
    swap's two sides across countries only so linked (`join_swap_sides`), so a group holds every cluster of its
    countries: it is what a country was before swaps, the unit whose release keys are labelled together. Only
    countries in a group of two or more are listed."""
    has = keys.select(pl.col("country").alias("_other")).drop_nulls().unique()
    edges = (keys.filter(pl.col("country").is_not_null() & (pl.col("counterparts").list.len() > 0))
             .select("country", pl.col("counterparts").alias("_other")).explode("_other")
             .join(has, on="_other").filter(pl.col("country") != pl.col("_other")).unique())
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for a, b in edges.sort("country", "_other").iter_rows():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members = sorted(set(parent) | set(parent.values()))
    return pl.DataFrame({"country": members, "_grp": [root(c) for c in members]},
                        schema={"country": pl.String, "_grp": pl.String})


def _collect(frame: pl.LazyFrame) -> pl.DataFrame:
    """A query over every stored mention, run by polars' streaming engine: the mentions flow through it in
    morsels, so only its result (and a join's small side) is held, never every mention."""
    return frame.collect(engine="streaming")


# stored mentions a query joins or groups at once (see `_collect_by_documents`; at 100k, 1.8M mentions: two slices held
# the run's peak at ~970 MB as four did, for ~4 s less CPU; one slice peaked at ~1.1 GB)
MENTION_SLICE_ROWS = 1_000_000


def _collect_by_documents(query, n_rows: int) -> pl.DataFrame:
    """`query(in_slice)` (a lazy frame of the rows of one slice of documents, `frames.hash_slices`) collected
    slice by slice and stacked: a join or a group-by keyed by document holds one slice's hash table at a time.
    At 100k documents the join of every mention with its stored id held ~520 MB at once, a quarter of it in
    four slices (issue 24: the daily run's peak), for ~0.6 s more reading a query. For queries whose rows of one
    document depend on that document's rows only; a caller that wants distinct rows across slices says so."""
    return pl.concat([_collect(query(in_slice)) for in_slice in hash_slices(n_rows, MENTION_SLICE_ROWS)])


def _previous_scan(previous: pl.DataFrame | list | None, columns: list[str]) -> pl.LazyFrame:
    """Stored pairs (a frame or Parquet files) in `columns`, lazy (a filter on it is pushed into the scan of the
    stored pairs' file)."""
    if previous is None or len(previous) == 0:
        return pl.LazyFrame(schema={c: pl.Int64 if c == "char_start" else pl.String for c in columns})
    frame = pl.scan_parquet(previous) if isinstance(previous, list) else previous.lazy()
    return frame.select(columns).cast({"char_start": pl.Int64})


class _Blocks:
    """Which block each event mention is in (see the module), decided from the distinct release keys
    (country, count, qualifier) and the first mention of each, never from every mention held at once.

    A release's block is its cluster before the cut by dates (`_release_labels`) in the countries this run
    brings release mentions to, else its country; another event's is its cluster key (`event_block`).
    `touched`: the release blocks whose kept mentions are clustered otherwise than before this run's
    documents came (their counts now round to a new precise figure, or a qualified count found a nearer
    exact one). A cluster label depends on a mention's key alone, and on the order in which the distinct
    keys first appear (`cluster_releases`), so the keys in the order of their first mention get the labels
    the mentions get, and the kept mentions' keys in the order of their first kept mention the labels the
    kept mentions had before the run. Only where the run brings an exact count the country did not have are
    the kept mentions' clusters before the run decided (nothing else moves a kept mention: qualified counts
    join exact ones, and rounding reads exact counts only)."""

    def __init__(self, scan: pl.LazyFrame, new_docs: pl.Series) -> None:
        is_new = pl.col("doc_id").is_in(new_docs)
        # per distinct release key: its first mention, its first kept mention, whether a new document holds it
        keys = _collect(scan.filter(pl.col("event_type") == "prisoner_release").group_by(RELEASE_KEY).agg(
            _first=pl.col("_order").min(), _first_kept=pl.col("_order").filter(~is_new).min(), _new=is_new.any()))
        # a country's swap group stands for it (see `swap_groups`): a release's block is its group's, labelled
        self.groups = swap_groups(keys)
        keys = keys.join(self.groups, on="country", how="left").with_columns(_grp=pl.coalesce("_grp", "country"))
        self.keys = keys
        countries = keys.filter("_new").select("_grp").unique()
        rel = keys.join(countries, on="_grp", how="semi", nulls_equal=True).sort("_first")
        block = pl.concat_str(pl.lit("R"), pl.col("_grp").fill_null("\x00"), pl.col("_label").cast(pl.String),
                              separator="|")
        self.touched: set = set()
        # the blocks of counts up to MEMBERS_MAX, by country (`member_blocks`)
        self.small_blocks = pl.DataFrame(schema={"_grp": pl.String, "_label_block": pl.String})
        if rel.is_empty():
            self.labels = pl.DataFrame(schema={"event_type": pl.String, **{k: keys.schema[k] for k in RELEASE_KEY},
                                               "_label_block": pl.String})
            return
        rel = rel.with_columns(_label=_release_labels(rel))
        exact = pl.col("count_qualifier") == "exact"
        had = pl.col("_first_kept").is_not_null()
        new_exact = (rel.filter(pl.col("_new") & exact).select("_grp", "country", "prisoner_count").unique()
                     .join(rel.filter(had & exact), on=["country", "prisoner_count"], how="anti", nulls_equal=True))
        kept = (rel.filter(had).join(new_exact.select("_grp").unique(), on="_grp", how="semi", nulls_equal=True)
                .sort("_first_kept"))
        if kept.height:
            kept = kept.with_columns(_was=_release_labels(kept))
            # a kept cluster now split, or joined to another: every block it touches
            moved = kept.filter((pl.col("_label").n_unique().over("_was") > 1)
                                | (pl.col("_was").n_unique().over("_label") > 1))
            self.touched = set(moved.select(block.alias("_block"))["_block"].to_list())
        self.labels = rel.select(pl.lit("prisoner_release").alias("event_type"), *RELEASE_KEY,
                                 block.alias("_label_block"))
        self.small_blocks = (rel.filter(pl.col("prisoner_count") <= MEMBERS_MAX)
                             .select("_grp", block.alias("_label_block")).unique())

    def member_blocks(self, touched: set) -> set:
        """The release blocks `join_named_members` may tie to a touched one: a named release of one joins a counted
        release of 2 to MEMBERS_MAX of its country, which lies in another count block. Where a touched block of a
        country (its swap group) holds a count up to MEMBERS_MAX, every such block of that country is touched too, so
        that the join forms, or comes apart, as among all mentions (else the day a named one came, a group whose
        first mention names no one kept it apart, silently: `tests/test_incremental.py`,
        `test_a_named_release_of_one_joined_to_a_counted_group_day_after_day`)."""
        small = self.small_blocks
        if small.is_empty() or not touched:
            return set()
        hit = small.filter(pl.col("_label_block").is_in(pl.Series(sorted(touched), dtype=pl.String).implode()))
        if hit.is_empty():
            return set()
        return set(small.join(hit.select("_grp").unique(), on="_grp", how="semi", nulls_equal=True)
                   ["_label_block"].to_list())

    def of(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """`frame` (BLOCK_INPUTS at least) with `_block`."""
        return (frame.join(self.labels.lazy(), on=["event_type", *RELEASE_KEY], how="left", nulls_equal=True)
                .join(self.groups.lazy(), on="country", how="left")
                .with_columns(_block=pl.coalesce("_label_block", event_block(pl.coalesce("_grp", "country"))))
                .drop("_label_block", "_grp"))

    def context(self, touched: pl.Series) -> pl.Series:
        """The mentions (`_order`) a touched release block is resolved with though not in it: the first mention
        of each distinct exact count of the touched blocks' countries, so that counts round and qualified counts
        join exactly as among all mentions (both read a country's distinct exact counts, in order of appearance)."""
        keys = self.of(self.keys.lazy().drop("_grp").with_columns(
            event_type=pl.lit("prisoner_release"), event_date=pl.lit(None, pl.Date), doc_id=pl.lit(None, pl.String))
                       ).join(self.groups.lazy(), on="country", how="left").with_columns(
            _grp=pl.coalesce("_grp", "country"))
        countries = keys.filter(pl.col("_block").is_in(touched.implode())).select("_grp").unique()
        return (keys.filter(pl.col("count_qualifier") == "exact")
                .join(countries, on="_grp", how="semi", nulls_equal=True).collect()["_first"])


@dataclass
class IncrementalEventMentions:
    """The event mentions of an incremental run, without holding the kept ones (most of them): the touched
    blocks' mentions (`touched`, with `_order`), and the kept mentions of given documents read again from
    the stage (`of_docs`) with their stored ids. Their order is a full run's (`consolidate_events`)."""
    touched: pl.DataFrame
    touched_orders: pl.Series  # `_order` of every mention of the touched blocks
    scan: pl.LazyFrame
    previous: pl.LazyFrame
    columns: list[str]
    n_rows: int  # every stored mention

    def _kept(self, docs: pl.Series, where: pl.Expr | None = None, part: pl.Expr | None = None) -> pl.LazyFrame:
        """Kept mentions (untouched blocks) of these documents (`where`: those it keeps), with their stored ids
        (`part`: of one slice of documents only, `frames.hash_slices`).

        A mention is kept when its `_order` is not one of `touched_orders`, the mentions read as the touched blocks'
        (every mention of them), so the kept ones are told apart without finding each mention's block again
        (`_Blocks.of`: the labels and swap groups joined to every row, ~0.15 s CPU a call over most documents at
        10k documents)."""
        docs = pl.col("doc_id").is_in(docs.implode())
        if part is not None:
            docs = docs & part
        found = docs if where is None else docs & where
        rows = self.scan.filter(found).select("_order", *dict.fromkeys(BLOCK_INPUTS + self.columns))
        return (rows.filter(~pl.col("_order").is_in(self.touched_orders.implode()))
                .join(self.previous.filter(docs), on=EVENT_PREVIOUS_KEYS, how="left"))

    def _collect_kept(self, query, docs: pl.Series) -> pl.DataFrame:
        """`query(part)` over the kept mentions of `docs`, slice of documents by slice (`_collect_by_documents`:
        the join with the stored ids holds one slice's at a time; many documents' at 100k held ~0.3 GB). The
        slices are as many as the documents' own mentions need (a day's few documents: one pass, not one a
        slice of every stored mention)."""
        n_rows = _collect(self.scan.filter(pl.col("doc_id").is_in(docs.implode())).select(pl.len())).item()
        return _collect_by_documents(query, n_rows)

    def of_docs(self, docs: pl.Series | list) -> pl.DataFrame:
        """The mentions of these documents, touched and kept, as `consolidate_events` gives them."""
        docs = pl.Series(docs, dtype=pl.String).unique()
        kept = self._collect_kept(lambda part: self._kept(docs, part=part).select(self.touched.columns), docs)
        return _full_order(pl.concat([self.touched.filter(pl.col("doc_id").is_in(docs.implode())), kept])
                           ).drop("_order")

    def releases_of_docs(self, docs: pl.Series | list) -> pl.DataFrame:
        """What `consolidate_sanctions` reads of these documents' event mentions: their releases, one row per
        (document, event, country), in the order of their first mention (it reads which events a document's
        releases are in, and an event's country from its first row)."""
        docs = pl.Series(docs, dtype=pl.String).unique()
        is_release = pl.col("event_type") == "prisoner_release"
        columns = ["doc_id", "event_id", "event_type", "country"]
        first = pl.col("_order").min()
        kept = self._collect_kept(lambda part: self._kept(docs, is_release, part).group_by(columns).agg(first), docs)
        touched = self.touched.filter(is_release & pl.col("doc_id").is_in(docs.implode())).group_by(columns).agg(first)
        return (pl.concat([touched, kept]).sort("_order").unique(columns, keep="first", maintain_order=True)
                .drop("_order"))

    def releases_of(self, event_ids: pl.Series) -> pl.DataFrame:
        """(doc_id, event_id) of the release mentions of these events, touched and kept."""
        ids = event_ids.implode()
        is_release = pl.col("event_type") == "prisoner_release"
        docs = self.previous.filter(pl.col("event_id").is_in(ids) & is_release).select("doc_id").unique().collect()
        kept = self._collect_kept(lambda part: self._kept(docs["doc_id"], is_release, part)
                                  .filter(pl.col("event_id").is_in(ids)).select("doc_id", "event_id"), docs["doc_id"])
        return pl.concat([self.touched.filter(is_release & pl.col("event_id").is_in(ids)).select("doc_id", "event_id"),
                          kept])


def _full_order(mentions: pl.DataFrame) -> pl.DataFrame:
    """A full run's mention order: releases, then the other events, each in the order the stage holds them."""
    return mentions.sort(pl.col("event_type") != "prisoner_release", "_order")


def consolidate_events_incremental(ev: pl.DataFrame | pl.LazyFrame, previous, stored: Stored, sentences_at,
                                   mention_columns: list[str], freed: pl.DataFrame | pl.LazyFrame | None = None,
                                   collect: bool = True
                                   ) -> tuple[pl.DataFrame | pl.LazyFrame, IncrementalEventMentions, pl.DataFrame,
                                              set, pl.Series]:
    """`consolidate_events`' (events, mentions, conflicts) from the touched blocks and the stored rows; the
    kept documents whose release mentions changed event (their sanctions may link anew); the ids of the
    events kept as stored (their evidence is stored too). The mentions come as `IncrementalEventMentions`.
    `collect=False`: the events as a lazy frame (the resolved ones held, the kept ones read from the stored
    rows when it is collected), so that a caller need not hold every event through sanctions and links.

    The blocks and the safety net are decided by queries streamed over the stage's mentions (every stored
    mention at 100k documents: 1.8M), each holding its result only; the touched blocks' mentions alone are
    read whole, and the kept ones are never held (at 100k, every mention with its block and stored id was
    the run's peak, 1.8 GB). Where one slice holds every mention (`MENTION_SLICE_ROWS`), each mention's block
    and stored id are held narrow (its `_order`, block and id) between the net and reading the touched ones."""
    new_docs = pl.Series(stored.new_doc_ids, dtype=pl.String).implode()
    gone_docs = pl.Series(stored.gone_doc_ids, dtype=pl.String).implode()
    scan = ev.lazy().with_row_index("_order")
    if "counterparts" not in scan.collect_schema().names():  # mentions staged before swaps' counterparts
        scan = scan.with_columns(counterparts=pl.lit(None, pl.List(pl.String)))
    blocks = _Blocks(scan, new_docs)
    touched = set(blocks.touched)
    inputs = scan.select("_order", *BLOCK_INPUTS, "char_start")
    prev = _previous_scan(previous, EVENT_PREVIOUS_KEYS + ["event_id"])
    stored_events = _scan(stored.events, EVENT_SCHEMA)
    # the new documents' blocks
    touched |= set(_collect(blocks.of(inputs.filter(pl.col("doc_id").is_in(new_docs))).select("_block").unique())
                   ["_block"].to_list())
    # ... and the blocks a named release of one may join (`join_named_members`: across count blocks of a country)
    touched |= blocks.member_blocks(touched)
    # the blocks of the dropped documents' mentions, from the events they were in (a release: its country)
    group = pl.coalesce("_grp", "country")
    gone = _collect(prev.filter(pl.col("doc_id").is_in(gone_docs)).select("doc_id", "event_id")
                    .join(stored_events.select("event_id", "event_type", "country", "event_date"), on="event_id")
                    .join(blocks.groups.lazy(), on="country", how="left").select(event_block(group)).unique())["_block"]
    if gone.len():
        touched |= set(_collect(blocks.of(inputs).join(blocks.groups.lazy(), on="country", how="left")
                                .filter(event_block(group).is_in(gone.implode()))
                                .select("_block").unique())["_block"].to_list())
    # the safety net, decided once for all blocks: a mention with no stored id or several, or with an id its
    # stored table lacks, and an id held in two blocks (a stored event that is not one block's): those
    # blocks are resolved again.
    n_rows = _collect(scan.select(pl.len())).item()
    labeled = None
    if len(hash_slices(n_rows, MENTION_SLICE_ROWS)) == 1:
        # one slice holds every mention: each mention's block and stored id are found once and held narrow
        # (`_order`, block, stored id: ~15 MB at 10k documents); the net's pairs are their distinct rows, and the
        # touched blocks' mentions are then read by `_order`, whichever blocks the net adds. Finding the blocks
        # (`_Blocks.of`, the labels and swap groups joined to every mention) is the pass's cost; it was paid twice,
        # for the pairs and again for the touched mentions (at 10k a warehouse holds two counts of one sentence,
        # two release mentions at one (doc_id, char_start) with two stored ids, which the net resolves again:
        # every daily run read every mention twice). A mention with several stored ids comes once an id from
        # the join: its `_order` is held twice, which marks it (no pass over the stored pairs alone to find them)
        labeled = _collect(blocks.of(inputs).join(prev, on=EVENT_PREVIOUS_KEYS, how="left")
                           .select("_order", "_block", "event_id"))
        labeled = labeled.with_columns(_several=pl.col("_order").is_duplicated())
        pairs = labeled.select("_block", "event_id", "_several").unique()
    else:
        # one streamed pass, slice of documents by slice, holds the distinct (block, stored id) pairs only. It
        # marks the mentions with several stored ids too (the stored pairs' keys held twice, found first over
        # the stored pairs alone: a few rows), so the mentions are not read again to find their blocks (a third
        # pass over every mention and its block cost ~1.5 s at 100k)
        several = _collect_by_documents(lambda part: take(prev, part).group_by(EVENT_PREVIOUS_KEYS).agg(pl.len())
                                        .filter(pl.col("len") > 1).select(*EVENT_PREVIOUS_KEYS, _several=pl.lit(True)),
                                        n_rows)

        def pairs_of(part: pl.Expr) -> pl.LazyFrame:
            return (blocks.of(take(inputs, part)).join(take(prev, part), on=EVENT_PREVIOUS_KEYS, how="left")
                    .join(several.lazy(), on=EVENT_PREVIOUS_KEYS, how="left")
                    .select("_block", "event_id", pl.col("_several").fill_null(False)).unique())
        pairs = _collect_by_documents(pairs_of, n_rows).unique()
    several = pairs.filter("_several")["_block"]
    pairs = pairs.select("_block", "event_id").unique()
    known = _collect(stored_events.select("event_id"))["event_id"]
    touched |= set(pairs.filter(pl.col("event_id").is_null() | ~pl.col("event_id").is_in(known.implode()))
                   ["_block"].to_list())
    del known
    ided = pairs.filter(pl.col("event_id").is_not_null())
    touched |= set(ided.filter(pl.col("event_id").is_duplicated())["_block"].to_list())
    # several stored ids for one mention: the stored pairs' keys held twice
    touched |= set(several.to_list())
    del several
    touched_blocks = pl.Series(sorted(touched), dtype=pl.String)
    kept_ids = ided.filter(~pl.col("_block").is_in(touched_blocks.implode()))["event_id"].unique()
    del pairs, ided
    # the touched blocks' mentions (and their context) whole, in the stage's order
    in_block = pl.col("_block").is_in(touched_blocks.implode())
    context = blocks.context(touched_blocks)
    if labeled is not None:
        # (a mention with several stored ids is in `labeled` once an id: its `_order` taken once)
        touched_orders = labeled.filter(in_block)["_order"].unique()
        del labeled
        todo = _collect(scan.filter(pl.col("_order").is_in(pl.concat([touched_orders, context]).implode()))
                        ).sort("_order")
    else:
        todo = _collect_by_documents(lambda part: blocks.of(take(scan, part)).filter(
            in_block | pl.col("_order").is_in(context.implode())), n_rows).sort("_order")
        touched_orders = todo.filter(in_block)["_order"]
        todo = todo.drop("_block")
    in_touched = touched_orders.implode()
    events, mentions, conflicts = consolidate_events(todo, previous, sentences_at=sentences_at,
                                                     mention_columns=mention_columns + ["_order"], freed=freed)
    del todo
    # the context's own events are partial: only the touched blocks' events are kept
    mentions = _full_order(mentions.filter(pl.col("_order").is_in(in_touched)))
    touched_ids = _ids(mentions, "event_id").implode()
    events = events.filter(pl.col("event_id").is_in(touched_ids))
    conflicts = conflicts.filter(pl.col("fact_id").is_in(touched_ids))
    # kept documents whose release mentions are in another event than before
    releases = mentions.filter((pl.col("event_type") == "prisoner_release") & ~pl.col("doc_id").is_in(new_docs))
    was = prev.filter(pl.col("doc_id").is_in(releases["doc_id"].unique().implode())).rename({"event_id": "_was"})
    moved = (releases.lazy().join(was, on=EVENT_PREVIOUS_KEYS, how="left")
             .filter(pl.col("_was").is_null() | (pl.col("_was") != pl.col("event_id"))).collect())
    changed_docs = set(moved["doc_id"].to_list())
    kept = kept_ids.implode()
    events = pl.concat([events.lazy(), stored_events.filter(pl.col("event_id").is_in(kept))]).sort("event_id")
    if collect:
        events = events.collect()
    conflicts = pl.concat([conflicts, _scan(stored.conflicts, CONFLICT_SCHEMA).filter(
        (pl.col("fact_table") == "events") & pl.col("fact_id").is_in(kept)).collect()])
    columns = [c for c in mention_columns if c != "event_id"]
    return (events, IncrementalEventMentions(mentions, touched_orders, scan, prev, columns,
                                                      n_rows), conflicts,
            changed_docs, kept_ids)


def _release_labels(rel: pl.DataFrame) -> pl.Series:
    """The cluster a full run gives each release mention before cutting it by dates: counts rounded to the
    precise figure, then exact counts by value and qualified ones to the nearest (`consolidate_events`)."""
    rel = rel.with_columns(prisoner_count=round_counts_to_precise(rel))
    return cluster_releases(rel)


# what `assemble_tables` reads of an incremental run's sanction mentions (conflicts of dates, evidence)
SANCTION_MENTION_KEYS = ["sanction_id", "doc_id", "char_start", "char_end", "move_date", "date_precision",
                         "date_source"]


def consolidate_sanctions_incremental(sm: pl.DataFrame | pl.LazyFrame, event_mentions: IncrementalEventMentions,
                                      previous, stored: Stored,
                                      changed_docs: set, sentences_at
                                      ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.Series]:
    """`consolidate_sanctions`' sanctions from the touched moves and the stored rows; the mentions of the
    touched moves only (in SANCTION_MENTION_KEYS); the stored conflicts of the untouched moves; the ids of the moves kept as stored
    (their evidence is stored too)."""
    stored_sanctions = _frame(stored.sanctions, SANCTION_SCHEMA)
    stored_conflicts = _frame(stored.conflicts, CONFLICT_SCHEMA)
    # documents whose own decisions may differ from the stored ones: new, and those whose releases moved
    docs = pl.Series(sorted(set(stored.new_doc_ids) | set(changed_docs)), dtype=pl.String)
    sm = sm.lazy()  # a scan of the spool: only the mentions of the documents below are read into memory
    # numbered in the stage's order (`_sm_order`; `scan_stage(row_index=...)` numbers them as its files are read)
    if "_sm_order" not in sm.collect_schema().names():
        sm = sm.with_row_index("_sm_order")
    own = sm.filter(pl.col("doc_id").is_in(docs.implode())).drop("_sm_order").collect()
    own_targets = pl.col("target").is_in(own["target"].drop_nulls().unique().implode())
    _, first = consolidate_sanctions(own, event_mentions.releases_of_docs(docs), sentences_at=sentences_at,
                                     previous=_previous_of_targets(previous, own_targets))
    del own
    # the moves they touch: the keys they hold now, and those they (and the dropped documents) held before
    was = pl.Series(sorted(set(stored.gone_doc_ids) | set(changed_docs)), dtype=pl.String).implode()
    # the stored pairs with their moves' keys: two streamed queries, never every stored pair in memory
    stored_keyed = _previous_scan(previous, ["doc_id", "char_start", "sanction_id"]).join(
        stored_sanctions.lazy().select("sanction_id", *SANCTION_KEY), on="sanction_id", how="left")
    touched = pl.concat([first.select(SANCTION_KEY),
                         _collect(stored_keyed.filter(pl.col("doc_id").is_in(was)).select(SANCTION_KEY))]).unique()
    # every kept document that holds a touched move, with its mentions of that move's target and action: a
    # document names the issuer of a (target, action) once, and a proposal falls where it lifts or eases the
    # same target, so a proposal brings the document's reliefs of its target too
    holding = _collect(stored_keyed.join(touched.lazy(), on=SANCTION_KEY, how="semi", nulls_equal=True).select(
        "doc_id", "target", "action").unique())
    del stored_keyed
    proposals = holding.filter(pl.col("action") == "proposed")
    holding = pl.concat([holding, proposals.with_columns(action=pl.lit("lifted")),
                         proposals.with_columns(action=pl.lit("eased"))]).unique().with_columns(_holds=pl.lit(True))
    # streamed: only the mentions kept are held, not every sanction mention beside them (in the stage's order)
    todo = (sm
            .join(holding.lazy(), on=["doc_id", "target", "action"], how="left", nulls_equal=True)
            .filter(pl.col("doc_id").is_in(docs.implode()) | pl.col("_holds").fill_null(False)).drop("_holds"))
    # resolved a few targets at a time (at 100k a new document's move is held by nearly every document, so
    # the touched moves' mentions are most of all): every decision `consolidate_sanctions` makes stays within
    # one target's mentions (a document's issuer and its relief over a proposal, per document and target; a
    # move and its id, per key; ids that differ by the target's case only, per folded target), so resolving
    # the mentions of a group of folded targets alone, in the stage's order, gives what resolving all gives
    holders = pl.concat([docs, holding["doc_id"]]).unique()
    releases = event_mentions.releases_of_docs(holders)
    sanction_parts, mention_parts = _resolve_target_chunks(todo, touched, releases, previous, sentences_at)
    del releases
    sanctions = pl.concat(sanction_parts).sort("sanction_id") if sanction_parts else pl.DataFrame(schema=SANCTION_SCHEMA)
    mentions = (pl.concat(mention_parts).sort("_sm_order", maintain_order=True).drop("_sm_order") if mention_parts
                else first.select(SANCTION_MENTION_KEYS).clear())
    del sanction_parts, mention_parts
    kept = stored_sanctions.join(touched, on=SANCTION_KEY, how="anti", nulls_equal=True)
    clash = kept.filter(pl.col("sanction_id").is_in(sanctions["sanction_id"].implode()))
    if clash.height:  # a stored move's id taken by a touched one: not a warehouse this code wrote
        raise IncrementalMismatch(f"{clash.height} stored sanctions share an id with a touched one")
    kept_conflicts = stored_conflicts.filter((pl.col("fact_table") == "sanctions")
                                             & pl.col("fact_id").is_in(kept["sanction_id"].implode()))
    return pl.concat([sanctions, kept]).sort("sanction_id"), mentions, kept_conflicts, kept["sanction_id"]


def _resolve_target_chunks(todo: pl.LazyFrame, touched: pl.DataFrame, releases: pl.DataFrame, previous,
                           sentences_at) -> tuple[list[pl.DataFrame], list[pl.DataFrame]]:
    """The touched moves (`consolidate_sanctions_incremental`) resolved a few targets at a time: per group, its
    sanctions and its mentions (in SANCTION_MENTION_KEYS, with `_sm_order`)."""
    chunk_sentences = _sentences_once(sentences_at, todo, releases)
    sanction_parts, mention_parts = [], []
    for targets in _target_chunks(_collect(todo.group_by("target").len())):
        in_chunk = pl.col("target").is_in(pl.Series([t for t in targets if t is not None], dtype=pl.String).implode())
        if None in targets:
            in_chunk = in_chunk | pl.col("target").is_null()
        part = _collect(todo.filter(in_chunk)).sort("_sm_order")
        chunk_sanctions, chunk_mentions = consolidate_sanctions(
            part, releases.filter(pl.col("doc_id").is_in(part["doc_id"].unique().implode())),
            sentences_at=chunk_sentences, previous=_previous_of_targets(previous, in_chunk))
        del part
        sanction_parts.append(chunk_sanctions.join(touched, on=SANCTION_KEY, how="semi", nulls_equal=True))
        # in the columns the caller reads (their conflicts and evidence), not the ~690k held whole at 100k
        mention_parts.append(chunk_mentions.join(touched, on=SANCTION_KEY, how="semi", nulls_equal=True)
                             .select("_sm_order", *SANCTION_MENTION_KEYS))
        del chunk_sanctions, chunk_mentions
    return sanction_parts, mention_parts


def _sentences_once(sentences_at, todo: pl.LazyFrame, releases: pl.DataFrame):
    """`sentences_at` for the chunks of `consolidate_sanctions_incremental`, from one look-up: the sentences of every
    mention a chunk may ask for (`consolidate_sanctions` looks up relief on a non-country target in a document
    about exactly one release), read in one scan of the stage's sentences, not one scan a chunk (~0.4 s each at
    100k). A key the look-up lacks is looked up as before; the caller reads the rows as a mapping."""
    keys = ["doc_id", "char_start"]
    single = (releases.filter(pl.col("event_type") == "prisoner_release").group_by("doc_id")
              .agg(pl.col("event_id").unique().len().alias("_n")).filter(pl.col("_n") == 1)["doc_id"])
    wanted = _collect(todo.filter(pl.col("action").is_in(list(RELIEF)) & (pl.col("target_type") != "country")
                                  & pl.col("doc_id").is_in(single.implode())).select(keys).unique())
    found = sentences_at(wanted) if wanted.height else None

    def chunk_sentences(needs: pl.DataFrame) -> pl.DataFrame:
        if found is None:
            return sentences_at(needs)
        needs = needs.select(keys).unique()
        hit = found.join(needs, on=keys, how="semi")
        missing = needs.join(found.select(keys), on=keys, how="anti")
        return pl.concat([hit, sentences_at(missing).select(hit.columns)]) if missing.height else hit
    return chunk_sentences


def _previous_of_targets(previous: pl.DataFrame | list | None, in_chunk: pl.Expr) -> pl.DataFrame | list | None:
    """The stored sanction pairs of one group of targets (`move_ids` matches a mention's stored pair on its
    target among other keys, so the others can never match): each group's ids are voted among its own pairs,
    not by joining every stored pair again (~0.25 s a group at 100k)."""
    if previous is None or len(previous) == 0:
        return previous
    frame = pl.scan_parquet(previous) if isinstance(previous, list) else previous.lazy()
    return frame.filter(in_chunk).collect()


# the touched moves' mentions resolved at once, at most (a larger folded target is one group alone)
SANCTION_CHUNK_ROWS = 100_000


def _target_chunks(counts: pl.DataFrame, limit: int | None = None) -> list[list[str | None]]:
    """Targets (`counts`: target, len) grouped so that each group holds at most `limit` mentions, targets
    that fold alike (one id space: `move_ids` hashes the folded target) always in one group."""
    limit = SANCTION_CHUNK_ROWS if limit is None else limit
    folded: dict[str | None, list] = {}
    for target, n in counts.sort("target", nulls_last=True).iter_rows():
        entry = folded.setdefault(None if target is None else fold(target), [[], 0])
        entry[0].append(target)
        entry[1] += n
    chunks: list[list[str | None]] = []
    size = 0
    for targets, n in folded.values():
        if not chunks or size + n > limit:
            chunks.append([])
            size = 0
        chunks[-1].extend(targets)
        size += n
    return chunks


def link_event_people_incremental(event_mentions: IncrementalEventMentions, person_mentions: pl.DataFrame,
                                  sentences: pl.DataFrame | list, people: pl.DataFrame, previous: dict,
                                  stored: Stored) -> tuple[pl.DataFrame, pl.Series]:
    """`link_event_people`'s links, linking again only the documents whose inputs changed; and the documents
    whose links may differ from the stored ones (the others' are the stored rows).

    A document's links are a function of its release mentions (and their event ids), its person mentions
    (and their person ids), its sentences and which people hold a head-of-state role; across documents a
    link (event, person, role) is kept once, from the first person mention that states it. So the links
    of a document are linked again when it is new, when one of its release mentions is in another event
    than before, when its person mentions differ from the stored ones (which names are people, and whom
    a surname names, are decided across documents), or when one of its people gained or lost a head role.
    A stored link whose document is linked again or dropped may have hidden the same link stated later
    in another document: every document holding a mention of both its event and its person is linked
    again too. The stored links of the other documents are their links; the first statement of each
    link is then chosen among all, in person-mention order, as a full run chooses it."""
    from flows.resolution.links import HEAD_ROLE_RE, LINK_SCHEMA, link_event_people
    from flows.resolution.staging import scan_stage, stage_schema

    new_docs = pl.Series(stored.new_doc_ids, dtype=pl.String)
    # only a touched mention can be in another event than before (a kept one has its stored id)
    rel = event_mentions.touched.filter(pl.col("event_type") == "prisoner_release").select(
        "doc_id", pl.col("char_start").cast(pl.Int64), "event_type", "event_id")
    prev_ev = _previous_scan(previous.get("event_mentions"), EVENT_PREVIOUS_KEYS + ["event_id"]).filter(
        pl.col("doc_id").is_in(rel["doc_id"].unique().implode())).collect()
    moved = (rel.join(prev_ev.rename({"event_id": "_was"}), on=EVENT_PREVIOUS_KEYS, how="left")
             .filter(pl.col("_was").is_null() | (pl.col("_was") != pl.col("event_id")))["doc_id"])
    gone = pl.Series(stored.gone_doc_ids, dtype=pl.String).implode()
    pm = person_mentions.select("doc_id", pl.col("char_start").cast(pl.Int64), pl.col("person_id").cast(pl.String))
    # the kept documents' person mentions, now against then (a document may have gained or lost some): per
    # document, their count and the sum of their (char_start, person_id) hashes, the stored side streamed
    # (at 100k the stored pairs and their join with today's held ~0.2 GB for a few thousand documents' answer)
    then = _collect(_digest_mentions(_previous_scan(previous.get("person_mentions"),
                                                    ["doc_id", "char_start", "person_id"])
                                     .cast({"person_id": pl.String}).filter(~pl.col("doc_id").is_in(gone))))
    changed = (_digest_mentions(pm.lazy()).collect().join(then, on="doc_id", how="full", coalesce=True)
               .filter(pl.col("_n").ne_missing(pl.col("_n_right")) | pl.col("_h").ne_missing(pl.col("_h_right")))
               ["doc_id"])
    del then
    stored_people = _frame(stored.people, {"person_id": pl.String, "roles": pl.List(pl.String)})
    heads_now = {pid for pid, roles in people.select("person_id", "roles").iter_rows()
                 if any(HEAD_ROLE_RE.search(r) for r in roles or [])}
    heads_then = {pid for pid, roles in stored_people.iter_rows() if any(HEAD_ROLE_RE.search(r) for r in roles or [])}
    flipped = pl.Series(sorted(heads_now ^ heads_then), dtype=pl.String)
    flipped_docs = pm.filter(pl.col("person_id").is_in(flipped.implode()))["doc_id"]
    relink = pl.concat([new_docs, moved, changed, flipped_docs]).unique()
    links = _frame(stored.event_people, LINK_SCHEMA)
    # links whose stored statement goes: any document that may state them again is linked again
    lost = links.filter(pl.col("doc_id").is_in(relink.implode()) | pl.col("doc_id").is_in(gone)).select(
        "event_id", "person_id").unique()
    if lost.height:
        holders = (event_mentions.releases_of(lost["event_id"].unique()).unique().join(lost, on="event_id")
                   .join(pm.select("doc_id", "person_id").unique(), on=["doc_id", "person_id"], how="semi"))
        relink = pl.concat([relink, holders["doc_id"]]).unique()
    relink = relink.implode()
    sents = (scan_stage(sentences, "sentences", list(stage_schema("sentences")))
             .filter(pl.col("doc_id").is_in(relink)).collect())
    fresh = link_event_people(event_mentions.of_docs(relink.explode()),
                              person_mentions.filter(pl.col("doc_id").is_in(relink)), sents, people)
    kept = links.filter(~pl.col("doc_id").is_in(relink) & ~pl.col("doc_id").is_in(gone))
    # a full run's choice of the first statement of each link: by person mention, in person_mentions' order
    # (the rows of the links' statements only, streamed: every person mention's key hashed at 100k held ~0.25 GB)
    both = pl.concat([fresh.cast(LINK_SCHEMA), kept])
    spans = ["doc_id", "char_start"]
    order = _collect(pm.lazy().select(spans).with_row_index("_row")
                     .join(both.lazy().select(spans).unique(), on=spans, how="semi")
                     .group_by(spans).agg(pl.col("_row").min()))
    both = both.join(order, on=spans, how="left", maintain_order="left")
    out = (both.sort("_row", maintain_order=True).drop("_row")
           .unique(subset=["event_id", "person_id", "role"], keep="first", maintain_order=True))
    # a kept statement a relinked document now states first is gone from its document too
    dropped = kept.join(out, on=list(LINK_SCHEMA), how="anti", nulls_equal=True)["doc_id"]
    scope = pl.concat([relink.explode(), dropped, pl.Series(stored.gone_doc_ids, dtype=pl.String)]).unique()
    return out, scope


def _digest_mentions(pairs: pl.LazyFrame) -> pl.LazyFrame:
    """Per document: how many (char_start, person_id) rows it holds and the sum of their hashes."""
    return pairs.group_by("doc_id").agg(pl.len().alias("_n"), pl.struct("char_start", "person_id").hash(seed=0)
                                        .cast(pl.UInt64).sum().alias("_h"))


PERSON_MENTION_COLUMNS = ["person_id", "doc_id", "sent_idx", "surface", "name", "char_start", "char_end", "role",
                          "confidence"]


def changed_person_mention_docs(person_mentions: pl.DataFrame, stored: Stored) -> pl.Series:
    """Documents whose person mentions differ from the stored ones, new and dropped documents included
    (which names are people, whom a lone surname names and which person a name is are decided across
    documents, so a kept document's mentions can change). Per document: row count and sum of row hashes."""
    schema = {c: person_mentions.schema[c] for c in PERSON_MENTION_COLUMNS}

    def digest(frame: pl.LazyFrame) -> pl.DataFrame:
        return _collect(frame.select(PERSON_MENTION_COLUMNS).cast(schema).group_by("doc_id").agg(
            pl.len().alias("_n"), pl.struct(PERSON_MENTION_COLUMNS).hash(seed=0).cast(pl.UInt64).sum().alias("_h")))

    # the stored side streamed: per document its digest only (at 100k, reading every stored mention whole
    # held ~0.4 GB, the daily run's peak)
    both = digest(person_mentions.lazy()).join(digest(_scan(stored.person_mentions, schema)), on="doc_id", how="full",
                                               coalesce=True)
    changed = both.filter(pl.col("_n").ne_missing(pl.col("_n_right")) | pl.col("_h").ne_missing(pl.col("_h_right")))
    return pl.concat([changed["doc_id"], pl.Series(stored.new_doc_ids, dtype=pl.String),
                      pl.Series(stored.gone_doc_ids, dtype=pl.String)]).unique()


def stored_ids(source: pl.DataFrame | list, column: str) -> pl.Series:
    """One column of stored rows (a frame or Parquet files)."""
    if isinstance(source, pl.DataFrame):
        return source[column]
    if not source:
        return pl.Series(column, [], dtype=pl.String)
    return pl.scan_parquet(source).select(column).collect()[column]


class IncrementalMismatch(Exception):
    """The stored rows are not what this code's resolution of them gives: resolve everything instead."""


# what the resolution's decisions are made of: a warehouse resolved by other code is resolved whole again
FINGERPRINTED = ("resolution", "language", "extraction")


FINGERPRINTED_SUFFIXES = (".py", ".toml", ".json", ".yaml", ".yml", ".txt", ".csv", ".tsv")


def fingerprinted_files() -> list[Path]:
    """The code and rule files whose content `resolver_fingerprint` digests."""
    root = Path(__file__).resolve().parent.parent
    return [path for package in FINGERPRINTED for path in sorted((root / package).rglob("*"))
            if path.is_file() and path.suffix in FINGERPRINTED_SUFFIXES]


def resolver_fingerprint() -> str:
    """A digest of the code and rules that decide resolution (and of the extractor version)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in fingerprinted_files():
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]

"""Events: event mentions from many documents -> one row per real event.

Events merge when type and country agree and counts are compatible (52 and "more than 50" are;
52 and 123 are not), and are split again when their dates are too far apart.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

import polars as pl

from flows.core.frames import hash_slices, split
from flows.resolution.agreement import precision_conflicts
from flows.resolution.ids import event_ids, previous_ids
from flows.resolution.people import empty_conflicts, transliteration_skeleton
from flows.resolution.staging import sentence_lookup


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
        if count is None:  # a release of an unsaid number: its own cluster (see consolidate_events)
            labels.append(n_exact + n_other)
            n_other += 1
            continue
        # only this country's exact counts inside the compatible range are candidates (bisect, not a scan)
        counts = by_country.get(country, [])
        lo, hi = _compatible_range(count, qual)
        first, end = bisect_left(counts, (lo, -1)), bisect_right(counts, (hi, n_exact + 1))
        # the nearest is the last count below it or the first at or above it: the compatible counts of either
        # side lie next to it (a range around the count), so a farther one is never nearer nor compatible alone
        at = bisect_left(counts, (count, -1), first, end)
        options = [(abs(c - count), k) for c, k in counts[max(at - 1, first):min(at + 1, end)]
                   if _compatible(count, qual, c)]
        if options:
            labels.append(min(options)[1])
        else:
            labels.append(n_exact + n_other)
            n_other += 1
    exact = exact.with_columns(count_qualifier=pl.lit("exact"), label=pl.int_range(n_exact, dtype=pl.Int64))
    qualified = qualified.with_columns(label=pl.Series(labels, dtype=pl.Int64))
    on = ["country", "prisoner_count", "count_qualifier"]
    lookup = pl.concat([exact.select(*on, "label"), qualified.select(*on, "label")])
    labels = keys.select(on).join(lookup, on=on, how="left", nulls_equal=True, maintain_order="left")["label"]
    if "counterparts" in rel.columns:
        labels = join_swap_sides(rel.select(*on, "counterparts").with_columns(label=labels))
    return labels


def join_swap_sides(rel: pl.DataFrame) -> pl.Series:
    """`rel`'s labels (country, prisoner_count, count_qualifier, counterparts, label), the clusters of one swap's
    two sides made one: a release of A told as a swap whose counterparts hold B, and B's release of the same count
    (any qualifier) told as no swap or as a swap with A, are one swap one outlet tells as freed by A and another as
    freed by B (issue 22, class 2). B's release told as a swap with other states only is another swap. Joined
    clusters take the least label of them (transitively). A label depends on the distinct (country, count,
    qualifier, counterparts) keys alone, as `cluster_releases`' do."""
    keyed = pl.col("prisoner_count").is_not_null()
    swaps = (rel.filter(keyed & (pl.col("counterparts").list.len() > 0))
             .select("label", "country", "prisoner_count", pl.col("counterparts").alias("_other")).unique()
             .explode("_other"))
    if swaps.is_empty():
        return rel["label"]
    sides = rel.filter(keyed).select(pl.col("country").alias("_other"), "prisoner_count",
                                     pl.col("label").alias("_side"), pl.col("counterparts").alias("_told")).unique()
    pairs = (swaps.join(sides, on=["_other", "prisoner_count"])
             .filter((pl.col("label") != pl.col("_side"))
                     & ((pl.col("_told").list.len().fill_null(0) == 0)
                        | pl.col("_told").list.contains(pl.col("country")).fill_null(False))))
    if pairs.is_empty():
        return rel["label"]
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for a, b in pairs.select("label", "_side").unique().sort("label", "_side").iter_rows():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    moved = {x: root(x) for x in parent}
    return rel["label"].replace(moved)


ROUND_COUNT_MIN = 1000  # "1,600" beside "1,619", "23,000" beside "23,184": a rounded figure of one release
ROUND_COUNT_SLACK = 0.02


def round_counts_to_precise(rel: pl.DataFrame) -> pl.Series:
    """Mention counts with a round exact figure (a multiple of 100, at least ROUND_COUNT_MIN) replaced by the
    one precise exact count of the same country within ROUND_COUNT_SLACK of it, when there is exactly one:
    one release reported rounded by one source and to the unit by another (issue 22, class 11)."""
    counts = rel["prisoner_count"]
    if rel.is_empty():
        return counts
    keys = rel.filter((pl.col("count_qualifier") == "exact") & pl.col("prisoner_count").is_not_null()) \
        .select("country", "prisoner_count").unique()
    precise: dict[str | None, list[int]] = defaultdict(list)
    rounded: list[tuple[str | None, int]] = []
    for country, count in keys.iter_rows():
        if count >= ROUND_COUNT_MIN and count % 100 == 0:
            rounded.append((country, count))
        else:
            precise[country].append(count)
    to: dict[tuple[str | None, int], int] = {}
    for country, count in rounded:
        near = [p for p in precise.get(country, []) if abs(p - count) <= ROUND_COUNT_SLACK * p]
        if len(near) == 1:
            to[(country, count)] = near[0]
    if not to:
        return counts
    lookup = pl.DataFrame({"country": [k[0] for k in to], "prisoner_count": [k[1] for k in to],
                           "_precise": list(to.values()), "count_qualifier": ["exact"] * len(to)},
                          schema={"country": rel.schema["country"], "prisoner_count": rel.schema["prisoner_count"],
                                  "_precise": rel.schema["prisoner_count"], "count_qualifier": pl.String})
    joined = rel.select("country", "prisoner_count", "count_qualifier").join(
        lookup, on=["country", "prisoner_count", "count_qualifier"], how="left", nulls_equal=True, maintain_order="left")
    return joined.select(pl.coalesce("_precise", "prisoner_count").alias("prisoner_count"))["prisoner_count"]


# Two mentions of the same count and country whose dates lie further apart than this are two releases
# ("10 Americans" freed in 2019 and again in 2022), however alike (issue 22, class 6).
SAME_RELEASE_DAYS = 120


_PRECISION_DAYS = {"day": 0, "week": 7, "month": 31, "year": 366}


def split_by_time(rel: pl.DataFrame) -> pl.Series:
    """`rel`'s cluster labels, a cluster cut where its dated mentions fall into periods more than
    SAME_RELEASE_DAYS apart (plus their precision). A document's undated mentions go with its dated ones,
    else with the period most documents date, unless their `not_before` (a page without a publication date:
    its news is no older than the latest date it recalls) lies more than SAME_RELEASE_DAYS after that
    period: then with the latest period that is not so old, else on their own (issue 22, class 6: a page of
    2023 that dates nothing joins no release of 2020). Clusters with dates in one period (most) and no such
    page keep their label."""
    if rel.is_empty() or "event_date" not in rel.columns:
        return rel["cluster"]
    dated = (rel.filter(pl.col("event_date").is_not_null() & pl.col("date_precision").is_in(list(_PRECISION_DAYS)))
             .group_by("cluster", "event_date", "date_precision").agg(pl.col("doc_id").unique()))
    if dated.is_empty():
        return rel["cluster"]
    spread = dated.group_by("cluster").agg(lo=pl.col("event_date").min(), hi=pl.col("event_date").max())
    spread = spread.filter((pl.col("hi") - pl.col("lo")).dt.total_days() > SAME_RELEASE_DAYS)
    floors: dict[int, dict[str, object]] = {}  # cluster -> {undated document: its not_before}
    if "not_before" in rel.columns:
        dated_docs = dated.explode("doc_id").select("cluster", "doc_id").unique()
        floored = (rel.filter(pl.col("event_date").is_null() & pl.col("not_before").is_not_null())
                   .group_by("cluster", "doc_id").agg(pl.col("not_before").max())
                   .join(dated_docs, on=["cluster", "doc_id"], how="anti")
                   .join(dated.select("cluster").unique(), on="cluster", how="semi"))
        for cluster, doc_id, floor in floored.iter_rows():
            floors.setdefault(cluster, {})[doc_id] = floor
    todo = sorted(set(spread["cluster"].to_list()) | set(floors))
    if not todo:
        return rel["cluster"]
    next_label = int(rel["cluster"].max()) + 1
    # the periods of the clusters to cut: runs of a cluster's dated rows by date, then the finer precision first
    # (the periods depend on the order of one date's rows, as a row's slack is its own precision; a cluster's
    # rows differ in date or precision, so the order is one), a row opening a period when it lies more than
    # SAME_RELEASE_DAYS plus its own precision after the row before it
    days = pl.col("date_precision").replace_strict(_PRECISION_DAYS, return_dtype=pl.Int64)
    rows = (dated.join(pl.DataFrame({"cluster": todo}, schema={"cluster": dated.schema["cluster"]}), on="cluster",
                       how="semi")
            .with_columns(_days=days).sort("cluster", "event_date", "_days")
            .with_columns(_gap=(pl.col("event_date") - pl.col("event_date").shift(1).over("cluster")).dt.total_days())
            .with_columns(_period=((pl.col("_gap") > SAME_RELEASE_DAYS + pl.col("_days")).fill_null(True)
                                   .cast(pl.Int64).cum_sum().over("cluster") - 1)))
    # a document is in the first period that holds it; a period's size is its documents
    in_period = rows.select("cluster", "_period", "doc_id").explode("doc_id")
    periods = (in_period.group_by("cluster", "_period").agg(_n=pl.col("doc_id").n_unique())
               .join(rows.group_by("cluster", "_period").agg(_hi=pl.col("event_date").max(),
                                                             _slack=pl.col("_days").max()),
                     on=["cluster", "_period"]).sort("cluster", "_period"))
    # per cluster: its periods' number, the main one (most documents, ties: the earliest), their last dates and
    # widest precisions (for the pages that date nothing)
    spans: dict[int, list[tuple]] = {}
    for cluster, _, n, hi, slack in periods.iter_rows():
        spans.setdefault(cluster, []).append((n, hi, slack))
    base: dict[int, int] = {}  # cluster -> the label of its period 0 when not the main one
    main_of: dict[int, int] = {}
    relabel: dict[tuple[int, str], int] = {}  # (cluster, undated document) -> new label
    for cluster in todo:  # in label order: new labels follow the old ones' order
        found = spans.get(cluster, [])
        main = max(range(len(found)), key=lambda i: (found[i][0], -i))
        main_of[cluster], base[cluster] = main, next_label
        next_label += len(found)
        for doc_id, floor in sorted(floors.get(cluster, {}).items()):
            recent = [i for i, (_, hi, slack) in enumerate(found) if (floor - hi).days <= SAME_RELEASE_DAYS + slack]
            if main in recent:
                continue
            if recent:
                relabel[(cluster, doc_id)] = cluster if recent[-1] == main else base[cluster] + recent[-1]
            else:
                relabel[(cluster, doc_id)] = next_label
                next_label += 1
    key_schema = {"cluster": dated.schema["cluster"], "_main": pl.Int64, "_base": pl.Int64}
    firsts = (in_period.group_by("cluster", "doc_id").agg(pl.col("_period").min())
              .join(pl.DataFrame({"cluster": list(base), "_main": list(main_of.values()), "_base": list(base.values())},
                                 schema=key_schema), on="cluster")
              .select(pl.col("cluster").cast(rel.schema["cluster"]), pl.col("doc_id").cast(pl.String),
                      pl.when(pl.col("_period") == pl.col("_main")).then(pl.col("cluster").cast(pl.Int64))
                      .otherwise(pl.col("_base") + pl.col("_period")).alias("_label")))
    undated = pl.DataFrame({"cluster": [k[0] for k in relabel], "doc_id": [k[1] for k in relabel],
                            "_label": list(relabel.values())},
                           schema={"cluster": rel.schema["cluster"], "doc_id": pl.String, "_label": pl.Int64})
    keys = pl.concat([firsts, undated])
    joined = rel.select("cluster", "doc_id").join(keys, on=["cluster", "doc_id"], how="left", maintain_order="left")
    return joined.select(pl.coalesce("_label", pl.col("cluster").cast(pl.Int64)))["_label"].alias("cluster")


DOUBLED_LETTER_RE = re.compile(r"(\w)\1+")


def _sound_key(surname: str) -> str:
    """A surname's key across romanisations: a doubled letter written once ("Assadi", "Asadi"), q, g and k one
    letter and "dh" a d ("Gaddafi", "Qaddafi", "Kadhafi"), and the skeleton the people rules fold spellings to
    (`people.transliteration_skeleton`: "kh" an h, "ts" a c, ...). "Hassani" and "Hasan" stay two."""
    folded = surname.replace("dh", "d").replace("q", "k").replace("g", "k")
    return DOUBLED_LETTER_RE.sub(r"\1", transliteration_skeleton(folded))


FREED_NAMES_TO_TELL = 2  # the freed names a report gives that tell which release it is (fewer if it counts fewer)


def split_by_people(rel: pl.DataFrame) -> pl.Series:
    """`rel`'s cluster labels, a cluster cut where its documents name different people as freed (`freed`: a
    document's surnames told as freed, extraction/freed.py): reports that share no freed name are two releases,
    however alike their count and country ("two freed by Iran" in a swap of 2019 and in one of 2023; issue 22,
    class 6). Documents sharing a name are one group (transitively); the group with the most documents (ties:
    the first named) keeps the label, and so do documents that name no one freed and groups where no document
    names FREED_NAMES_TO_TELL freed (or all of a smaller count: one name of many freed tells little); each other group
    takes a new label, in order of first appearance. A label depends on its cluster's mentions and their order alone."""
    if rel.is_empty() or "freed" not in rel.columns:
        return rel["cluster"]
    named = (rel.filter(pl.col("freed").list.len() > 0).with_row_index("_i")
             .group_by("cluster", "doc_id").agg(pl.col("_i").min(), pl.col("freed").first(),
                                                pl.col("prisoner_count").max().alias("_count")))
    many = named.group_by("cluster").agg(pl.len()).filter(pl.col("len") > 1)["cluster"]
    named = named.filter(pl.col("cluster").is_in(many.implode())).sort("_i")
    if named.is_empty():
        return rel["cluster"]
    next_label = int(rel["cluster"].max()) + 1
    relabel: dict[tuple[int, str], int] = {}
    parts = named.partition_by("cluster", as_dict=True, maintain_order=True)
    for (cluster,) in sorted(parts):
        docs = parts[(cluster,)].select("doc_id", "freed").rows()  # in order of first appearance
        # a report naming two people freed (one, of a release of one) tells who this release was: "2" and
        # two names, or the three named hostages of a swap of many; one name among many freed tells nothing
        complete = [len(names) >= min(count or 0, FREED_NAMES_TO_TELL)
                    for names, count in parts[(cluster,)].select("freed", "_count").iter_rows()]
        parent = list(range(len(docs)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        first_of: dict[str, int] = {}  # a name -> the first document naming it
        for i, (_, names) in enumerate(docs):
            for name in names:
                # one surname in two transliterations ("Assadi", "Asadi"; "Gaddafi", "Qaddafi"): one sound key
                j = first_of.setdefault(_sound_key(name), i)
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        members: dict[int, list[str]] = {}
        whole: dict[int, bool] = {}
        for i, (doc_id, _) in enumerate(docs):
            members.setdefault(root(i), []).append(doc_id)
            whole[root(i)] = whole.get(root(i), False) or complete[i]
        if sum(whole.values()) < 1 or len(members) < 2:
            continue
        roots = sorted(members)  # a group's root is its first document
        groups = [members[r] for r in roots]
        main = max(range(len(groups)), key=lambda i: (len(groups[i]), -i))
        for i, group_docs in enumerate(groups):
            # only a group naming all its release's people is surely another release: reports naming a few
            # of many freed ("12 priests", two of them named here, one there) stay one release
            if i == main or not whole[roots[i]]:
                continue
            for d in group_docs:
                relabel[(cluster, d)] = next_label
            next_label += 1
    if not relabel:
        return rel["cluster"]
    keys = pl.DataFrame({"cluster": [k[0] for k in relabel], "doc_id": [k[1] for k in relabel],
                         "_label": list(relabel.values())},
                        schema={"cluster": rel.schema["cluster"], "doc_id": pl.String, "_label": pl.Int64})
    joined = rel.select("cluster", "doc_id").join(keys, on=["cluster", "doc_id"], how="left", maintain_order="left")
    return joined.select(pl.coalesce("_label", pl.col("cluster").cast(pl.Int64)))["_label"].alias("cluster")


def split_by_named(rel: pl.DataFrame) -> pl.Series:
    """`rel`'s cluster labels, a cluster of releases of one cut where its mentions name different people as freed
    (`freed_names`, the full names a mention's own sentence tells as freed): "<State> freed <A> <Surname>" and, a year
    before, "<State> released <B> <Surname>, <A>'s sister" are two releases of one, not one (issue 22, class 6). Two
    names are one person when their surnames sound alike (`_sound_key`) and their given names start alike ("Raif",
    "Raef"). The person named in most documents (ties: the first named) keeps the label, each other person's
    mentions take a new one in order of first appearance, and a mention naming no one stays. A label depends on its
    cluster's mentions and their order alone."""
    if rel.is_empty() or "freed_names" not in rel.columns:
        return rel["cluster"]
    named = (rel.with_row_index("_i").filter((pl.col("prisoner_count") == 1) & (pl.col("freed_names").list.len() > 0))
             .select("_i", "cluster", "doc_id", pl.col("freed_names").list.first().alias("_name")))
    if named.is_empty():
        return rel["cluster"]

    def person(name: str) -> tuple[str, str]:
        words = name.split()
        return words[0][:1], _sound_key(words[-1])
    multi = named.with_columns(_p=pl.col("_name").map_elements(lambda n: "|".join(person(n)), return_dtype=pl.String)) \
        .group_by("cluster").agg(pl.col("_p").n_unique().alias("_n")).filter(pl.col("_n") > 1)["cluster"]
    if multi.is_empty():
        return rel["cluster"]
    next_label = int(rel["cluster"].max()) + 1
    labels = rel["cluster"].to_list()
    in_multi = set(multi.to_list())
    by_cluster: dict[int, list[tuple[int, str, tuple[str, str]]]] = {}
    for i, cluster, doc_id, name in named.sort("_i").iter_rows():
        if cluster in in_multi:
            by_cluster.setdefault(cluster, []).append((i, doc_id, person(name)))
    for cluster in sorted(by_cluster):
        rows = by_cluster[cluster]
        order = list(dict.fromkeys(p for _, _, p in rows))  # people in order of first appearance
        n_docs = {p: len({d for _, d, q in rows if q == p}) for p in order}
        main = max(order, key=lambda p: (n_docs[p], -order.index(p)))
        new = {}
        for p in order:
            if p != main:
                new[p] = next_label
                next_label += 1
        for i, _doc_id, p in rows:
            if p != main:
                labels[i] = new[p]
    return pl.Series("cluster", labels, dtype=rel.schema["cluster"])


MEMBERS_MAX = 30  # the largest counted release a named release of one is read as a member of


def join_named_members(rel: pl.DataFrame) -> pl.Series:
    """`rel`'s cluster labels, a release of one told by name ("<State> frees opposition leader <A B>") joined to the
    counted release of a few (2 to MEMBERS_MAX) of the same country that another report tells with that person among
    its freed ("<B> and his five co-accused have been released"): one release of six, not two rows (issue 22, class
    3). The person is the release's `freed_names`; the group's freed are its documents' surnames told as freed
    (`freed`) and its mentions' `freed_names`; surnames match by `_sound_key`. Only when exactly one such group
    exists, every report of the one names that person, no document tells both (a report telling the one's release beside the group's keeps them apart), and
    their dates, where both have any, lie within SAME_RELEASE_DAYS. A label depends on its country's
    mentions alone: an incremental run touches every count block of up to MEMBERS_MAX of a country where it touches
    one (`incremental._Blocks.member_blocks`)."""
    if rel.is_empty() or "freed_names" not in rel.columns:
        return rel["cluster"]
    names = pl.col("freed_names").list.len().fill_null(0) > 0
    if not rel.select((names & (pl.col("prisoner_count") == 1)).any()).item():
        return rel["cluster"]
    stats = rel.group_by("cluster").agg(
        pl.col("country").first(), pl.col("prisoner_count").min().alias("_lo"), pl.col("prisoner_count").max().alias("_hi"),
        pl.col("event_date").min().alias("_d0"), pl.col("event_date").max().alias("_d1"), pl.col("doc_id").unique().alias("_docs"),
        pl.col("doc_id").filter(names).unique().alias("_named_docs"),
        pl.col("freed_names").filter(names).list.explode(keep_nulls=False, empty_as_null=False).alias("_named"),
        *([pl.col("freed").list.explode(keep_nulls=False, empty_as_null=False).alias("_told")] if "freed" in rel.columns else []))

    def keys(names_list, told) -> set[str]:
        out = {_sound_key(n.split()[-1]) for n in (names_list or []) if n}
        return out | {_sound_key(t) for t in (told or []) if t}
    singles, groups = [], []
    for row in stats.iter_rows(named=True):
        # (every report of the release of one names that person: a cluster mixing another's is left alone)
        if row["_lo"] == 1 and row["_hi"] == 1 and row["_named"] and set(row["_named_docs"]) == set(row["_docs"]):
            people = {_sound_key(n.split()[-1]) for n in row["_named"]}
            if len(people) == 1:
                singles.append((row["cluster"], row["country"], next(iter(people)), row["_d0"], row["_d1"],
                                set(row["_docs"])))
        elif row["_lo"] is not None and 2 <= row["_hi"] <= MEMBERS_MAX:
            groups.append((row["cluster"], row["country"], keys(row["_named"], row.get("_told")), row["_d0"], row["_d1"],
                           set(row["_docs"])))
    if not singles or not groups:
        return rel["cluster"]

    def near(a0, a1, b0, b1) -> bool:
        return a0 is None or b0 is None or ((b0 - a1).days <= SAME_RELEASE_DAYS and (a0 - b1).days <= SAME_RELEASE_DAYS)
    moved = {}
    for cluster, country, person, d0, d1, docs in sorted(singles, key=lambda t: t[0]):
        # (a report telling both apart, the one's release beside the group's, keeps them two: no shared document)
        found = [g for g, c, told, g0, g1, g_docs in groups
                 if c == country and person in told and near(d0, d1, g0, g1) and not docs & g_docs]
        if len(found) == 1:
            moved[cluster] = found[0]
    if not moved:
        return rel["cluster"]
    return rel["cluster"].replace(moved)


# a bare weekday a page without a publication date tells ("freed ... on Saturday", "late Thursday"): no "next" nor
# "last", nothing but the day and its preposition
_BARE_WEEKDAY_RE = re.compile(r"(?i)^(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:late|early)\s+)?"
                              r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekdays_by_the_other_reports(rel: pl.DataFrame) -> pl.DataFrame:
    """A release a page without a publication date tells on a bare weekday ("Iran on Saturday freed four") takes
    that weekday on or before the earliest day another document gives the same release (its publication date, or
    a day its text states): the page reports the same news, so the day falls in the week before that report; the
    weekday right after that day is the next day (a report dated on the eve, in a time zone behind) (issue 22,
    class 5). Mentions a document dates itself, and clusters no other document dates to the day, stay
    as they were."""
    if rel.is_empty() or "date_text" not in rel.columns:
        return rel
    weekday = pl.col("date_text").str.strip_chars().str.extract(_BARE_WEEKDAY_RE.pattern, 1).str.to_lowercase()
    open_rows = rel.with_row_index("_row").filter(
        pl.col("event_date").is_null() & weekday.is_not_null() & pl.col("prisoner_count").is_not_null())
    if open_rows.is_empty():
        return rel
    dated = rel.filter(pl.col("event_date").is_not_null() & (pl.col("date_precision") == "day")
                       & pl.col("cluster").is_in(open_rows["cluster"].unique().implode()))
    if dated.is_empty():
        return rel
    # per cluster: its earliest day and a document giving it, and the earliest day any other document gives: the
    # earliest day of the documents other than one is the first, or the second when it is that document
    first: dict[int, tuple[object, str]] = {}
    for cluster, doc_id, date in dated.select("cluster", "doc_id", "event_date").iter_rows():
        if cluster not in first or date < first[cluster][0]:
            first[cluster] = (date, doc_id)
    second: dict[int, object] = {}
    for cluster, doc_id, date in dated.select("cluster", "doc_id", "event_date").iter_rows():
        if doc_id != first[cluster][1] and (cluster not in second or date < second[cluster]):
            second[cluster] = date
    rows, dates = [], []
    for row, cluster, doc_id, text in open_rows.select("_row", "cluster", "doc_id", "date_text").iter_rows():
        if cluster not in first:
            continue
        anchor = first[cluster][0] if doc_id != first[cluster][1] else second.get(cluster)
        if anchor is None:
            continue
        day = _WEEKDAYS.index(_BARE_WEEKDAY_RE.match(text.strip()).group(1).lower())
        rows.append(row)
        # the day after the report's date is a clock ahead of the report's (a page dated on the eve in another time
        # zone), any other weekday the one before it
        ahead = (day - anchor.weekday()) % 7 == 1
        dates.append(anchor + dt.timedelta(days=1) if ahead else anchor - dt.timedelta(days=(anchor.weekday() - day) % 7))
    if not rows:
        return rel
    fill = pl.DataFrame({"_row": rows, "_date": dates}, schema={"_row": pl.UInt32, "_date": pl.Date})
    out = rel.with_row_index("_row").join(fill, on="_row", how="left", maintain_order="left")
    filled = pl.col("_date").is_not_null()
    cols = {"event_date": pl.coalesce("_date", "event_date"),
            "date_precision": pl.when(filled).then(pl.lit("day")).otherwise(pl.col("date_precision"))}
    if "date_source" in out.columns:
        cols["date_source"] = pl.when(filled).then(pl.lit("sentence")).otherwise(pl.col("date_source"))
    return out.with_columns(**cols).drop("_row", "_date")


EVENT_AGG_SLICE_ROWS = 300_000


def _aggregate_event_slice(m: pl.DataFrame) -> pl.DataFrame:
    """One row per cluster of a slice of mentions; a cluster's mentions in document order (stable sort)."""
    used = ["cluster", "doc_id", "char_start", "event_type", "cameo_code", "country", "prisoner_count",
            "count_qualifier", "event_date", "date_precision", "date_text"]
    if "_member" not in m.columns:
        m = m.with_columns(_member=pl.lit(False))
    counted = ~pl.col("_member")  # a named member's own count (1) is no vote on its release's
    if "date_source" not in m.columns:  # mentions staged before date_source: every date they hold is the text's
        m = m.with_columns(date_source=pl.when(pl.col("event_date").is_not_null()).then(pl.lit("sentence")))
    # a date the text gives ranks before a publication date (issue 22, class 5); then the most precise
    best = pl.col("_prank").filter(pl.col("event_date").is_not_null()).min()
    chosen = pl.col("event_date").filter(pl.col("_prank") == best).drop_nulls()
    return (
        m.select(*used, "date_source", "_member").with_columns(_prank=pl.col("date_precision").replace_strict(
            {"day": 0, "week": 1, "month": 2, "year": 3}, default=9, return_dtype=pl.Int8)
            + pl.when(pl.col("date_source") == "published").then(100).otherwise(0).cast(pl.Int8))
        .sort("doc_id", "char_start", maintain_order=True).group_by("cluster").agg(
            pl.col("event_type").first(),
            pl.col("cameo_code").first(),
            pl.col("country").drop_nulls().mode().sort().first().alias("country"),
            pl.col("prisoner_count").filter((pl.col("count_qualifier") == "exact") & counted).mode().sort().first()
            .alias("exact_count"),
            pl.col("prisoner_count").filter(counted).drop_nulls().mode().sort().first().alias("any_count"),
            pl.col("count_qualifier").drop_nulls().first().alias("any_qualifier"),
            pl.col("prisoner_count").filter(pl.col("count_qualifier") == "at_least").alias("_at_least_counts"),
            # the most precise dates the text gives, the one most of them give (ties: the latest); with none,
            # the earliest publication date of a document telling it as its news (the release came by then)
            pl.when(best >= 100).then(chosen.min()).otherwise(chosen.mode().sort(descending=True).first())
            .alias("event_date"),
            pl.col("date_precision").filter(pl.col("_prank") == best).drop_nulls().first().alias("date_precision"),
            pl.when(best >= 100).then(pl.lit("published")).when(best.is_not_null()).then(pl.lit("sentence"))
            .alias("date_source"),
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
        .with_columns(count_qualifier=_at_least_over_exact())
        .drop("_at_least_counts")
    )


def _at_least_over_exact() -> pl.Expr:
    """"At least 10 freed" in one report and "10 freed" in another: the careful count is a floor, so the
    event's count is at least 10, not exactly 10 (issue 22, class 11)."""
    return (pl.when(pl.col("count_qualifier") == "exact")
            .then(pl.when(pl.col("_at_least_counts").list.contains(pl.col("prisoner_count")))
                  .then(pl.lit("at_least")).otherwise(pl.lit("exact")))
            .otherwise(pl.col("count_qualifier")))



def consolidate_events(ev: pl.DataFrame | pl.LazyFrame, previous: pl.DataFrame | None = None, sentences_at=None,
                       mention_columns: list[str] | None = None, freed: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Event mentions -> (events, event mentions with event_id, conflicts).

    `sentences_at(keys)` gives the sentence of each (doc_id, char_start) in `keys`; without it the
    mentions' own `sentence` column is used (the run passes mentions without their sentences and
    looks up only the few it summarises). The run passes the mentions as a lazy scan of its spool, so
    that they are read straight into their two halves, never held whole beside them.
    `mention_columns` (besides event_id): the mentions' columns the caller needs, when not all of them.
    `freed` (doc_id, freed), a frame or a scan: the surnames each document tells as freed (extraction/freed.py); releases whose
    documents name different people are different events.
    """
    if sentences_at is None:
        sentences_at = sentence_lookup(ev.collect() if isinstance(ev, pl.LazyFrame) else ev)
    rel = ev.lazy().filter(pl.col("event_type") == "prisoner_release").collect()
    other = ev.lazy().filter(pl.col("event_type") != "prisoner_release").collect()
    del ev
    rel = rel.with_columns(prisoner_count=round_counts_to_precise(rel))
    rel = rel.with_columns(cluster=cluster_releases(rel))
    # a release of an unsaid number merges with nothing across documents (nothing to tell two apart)
    rel = rel.with_columns(cluster=pl.when(pl.col("prisoner_count").is_null())
                           .then(pl.col("cluster").max() + 1 + pl.col("doc_id").rank("dense").cast(pl.Int64))
                           .otherwise(pl.col("cluster")))
    if freed is not None and not rel.is_empty():
        # a scan of the stage (stg_freed_names): the rows of these releases' documents only, one per document
        freed = freed.lazy().filter(pl.col("doc_id").is_in(rel["doc_id"].unique().implode())).select(
            "doc_id", "freed").unique("doc_id", keep="last", maintain_order=True).collect()
        rel = rel.join(freed, on="doc_id", how="left", maintain_order="left")
        rel = rel.with_columns(cluster=split_by_people(rel))
    rel = rel.with_columns(cluster=split_by_named(rel))
    rel = rel.with_columns(cluster=split_by_time(rel))
    joined = join_named_members(rel)
    # (a member's own count is no vote on its release's count, nor a conflict with it)
    rel = rel.with_columns(_member=(joined != rel["cluster"]), cluster=joined)
    if "freed" in rel.columns:
        rel = rel.drop("freed")
    rel = weekdays_by_the_other_reports(rel)
    # other events: one per (type, country) per document; across documents only on the same known date
    other = other.with_columns(
        cluster=pl.when(pl.col("event_date").is_not_null())
        .then(pl.concat_str("event_type", "country", pl.col("event_date").cast(pl.String), separator="|", ignore_nulls=True))
        .otherwise(pl.concat_str("event_type", "country", "doc_id", separator="|", ignore_nulls=True))
        .rank("dense").cast(pl.Int64) + 1_000_000
    )
    m = pl.concat([rel, other.with_columns(_member=pl.lit(False))])
    del rel, other  # the two halves are m now: not held through the aggregation
    if m.is_empty():  # the mentions in the shape the other path returns (the columns asked for, no cluster)
        m = m.with_columns(event_id=pl.lit(None, pl.String)).drop("cluster", "_member")
        if mention_columns is not None:
            m = m.select(["event_id"] + [c for c in mention_columns if c != "event_id"])
        return pl.DataFrame(schema=EVENT_SCHEMA), m, empty_conflicts()
    old = previous_ids(m, previous, "event_id", on=("doc_id", "char_start", "event_type"))
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
        wanted = set(mention_columns) | set(CONFLICT_COLUMNS) | {"_member"}
        m = m.select([c for c in m.columns if c in wanted or c == "cluster"])
    m = m.join(cluster_ids, on="cluster", how="left", maintain_order="left").drop("cluster")
    conflicts = event_conflicts(m.filter(~pl.col("_member")))
    m = m.drop("_member")
    if mention_columns is not None:
        m = m.select(["event_id"] + [c for c in mention_columns if c != "event_id"])
    return events, m, conflicts


EVENT_SCHEMA = {
    "event_id": pl.String, "event_type": pl.String, "cameo_code": pl.String, "event_date": pl.Date,
    "date_precision": pl.String, "date_text": pl.String, "country": pl.String,
    "prisoner_count": pl.Int64, "count_qualifier": pl.String, "summary": pl.String, "n_sources": pl.Int64,
    "date_source": pl.String,
}


CONFLICT_COLUMNS = ("event_id", "doc_id", "prisoner_count", "count_qualifier", "event_date",
                    "date_precision")  # what event_conflicts reads


def event_conflicts(m: pl.DataFrame) -> pl.DataFrame:
    """Sources that give one event counts or dates that cannot both be true, compared at their precision
    (issue 25: "January 2024" and 2024-01-15 agree, as do "more than 50" and 52; see resolution/agreement.py)."""
    return precision_conflicts(m, "events", "event_id", "event_date", count=True)

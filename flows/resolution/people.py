"""People: person mentions from many documents -> one row per real person.

People merge across documents on transliteration-aware name similarity (anyascii folding,
Jaro-Winkler from rapidfuzz, blocking on the surname's first metaphone letter so cost stays
near-linear). Role conflicts (one person, two incompatible roles) are reported, not resolved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import jellyfish
import polars as pl
from rapidfuzz.distance import JaroWinkler, Levenshtein

from flows.extraction.names import is_given_name
from flows.language.lexicon import KIN_WORDS, NAME_MARKS, fold
from flows.resolution.ids import UnionFind, person_ids, previous_ids

SURNAME_MIN_SIM = 0.84
# ... and the share of their transliteration skeletons left unchanged by the fewest edits (Levenshtein)
SURNAME_MIN_EDIT_SIM = 0.65


GIVEN_MIN_SIM = 0.72


ARABIC_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an")


# a generational suffix closing a name: "<A B> Jr." is not "<A B>" (the son of a president, the president; a
# dictator and the son who later ruled), whatever the surnames' test reads ("trump" / "trumpjr" are close)
GENERATIONS = frozenset({"jr", "junior", "sr", "senior", "ii", "iii", "iv"})


@lru_cache(maxsize=500_000)
def generation(name: str) -> str:
    """The folded generational suffix that closes a name ("jr" of "<A B> Jr."), else ""."""
    words = re.sub(r"['’\.,]", " ", fold(name)).split()
    return words[-1] if len(words) >= 2 and words[-1] in GENERATIONS else ""


@lru_cache(maxsize=500_000)
def name_parts(name: str) -> tuple[str, str]:
    """(given, surname) folded; hyphens folded into the surname, Arabic articles dropped ("el-Baqer" = "al-Baqer")."""
    folded = re.sub(NAME_MARKS, "", fold(name))
    if " " not in folded.strip() and "-" in folded:
        # one hyphenated word is a surname alone ("Díaz-Canel", "al-Sharaa"), not a given name and a surname
        # (issue 22: people split over rows)
        parts = [p for p in folded.strip().split("-") if p]
        parts = parts[1:] if len(parts) > 1 and parts[0] in ARABIC_ARTICLES else parts
        return "", "".join(parts)
    tokens = folded.replace("-", " ").split()
    tokens = [t for i, t in enumerate(tokens) if not (i > 0 and t in ARABIC_ARTICLES and i < len(tokens) - 1)]
    if len(tokens) >= 2 and tokens[-1] in GENERATIONS:  # "<A B> Jr.": the surname is B's (`generation` tells them apart)
        tokens = tokens[:-1]
    if not tokens:
        return "", ""
    if len(tokens) == 1:
        return "", tokens[0]
    return tokens[0], "".join(tokens[1:])


@lru_cache(maxsize=500_000)
def transliteration_skeleton(word: str) -> str:
    """Collapse spelling differences of romanised names: Navalny/Navalnyi, Tsvetkova/Tzvetkova."""
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
    return surnames_agree(sa, sb) and given_names_agree(ga, gb)


def surnames_agree(sa: str, sb: str) -> bool:
    """`same_person`'s test of two folded surnames (`name_parts`): both present and close."""
    if not sa or not sb:
        return False
    if name_similarity(sa, sb) < SURNAME_MIN_SIM:
        return False
    # Jaro-Winkler rewards a shared start: "Khan" / "Khamenei", "Khrasko" / "Krasikov" pass it; a romanised
    # spelling of one surname differs by a few letters of its skeleton, two surnames by many (issue 22: two
    # people merged into one row)
    if sa != sb and Levenshtein.normalized_similarity(transliteration_skeleton(sa), transliteration_skeleton(sb)) \
            < SURNAME_MIN_EDIT_SIM:
        return False
    # gendered surname endings mark different people (Tikhanovsky / Tikhanovskaya)
    fem = ("aya", "ova", "eva", "ina", "ska", "ava", "iva")
    if sa[-3:] != sb[-3:] and (sa.endswith(fem) != sb.endswith(fem)) and sa[:-3] == sb[:len(sa) - 3]:
        return False
    return True


def given_names_agree(ga: str, gb: str) -> bool:
    """`same_person`'s test of two folded given names (`name_parts`): compatible, or one absent."""
    if ga and gb:
        if len(ga) == 1 or len(gb) == 1:
            return ga[0] == gb[0]
        return name_similarity(ga, gb) >= GIVEN_MIN_SIM
    return True


def _block_key(name: str) -> str:
    surname = name_parts(name)[1]
    code = jellyfish.metaphone(surname) if surname else ""
    return code[:1] or surname[:1]


def cluster_names(names: list[str]) -> dict[str, int]:
    """Cluster distinct full names; surname-only names join only an unambiguous full-name cluster.

    Within a block, only names whose surnames are close enough to pass `same_person` are compared:
    the close surname pairs come from one vectorised Jaro-Winkler matrix over the block's distinct
    surnames (rapidfuzz cdist, in C), not from a Python call per pair of names (issue 20: a page of
    100,000 names took minutes). Same clusters as comparing every pair of the block."""
    full = sorted({n for n in names if len(n.split()) >= 2})
    single = sorted({n for n in names if len(n.split()) < 2})
    uf = UnionFind()
    blocks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    given: dict[str, str] = {}
    for n in full:
        given[n], surname = name_parts(n)
        blocks[_block_key(n)][surname].append(n)
        uf.find(n)
    for by_surname in blocks.values():
        surnames = list(by_surname)
        for i, j in _close_surname_pairs(surnames):
            # `same_person` is the surnames' test and the given names': the first holds for every pair of the two
            # groups or none (each group is one surname), so it is asked once a pair of groups, not once a pair of
            # names (a 10k warehouse: ~70k pairs, most of one surname)
            if not surnames_agree(surnames[i], surnames[j]):
                continue
            group_a, group_b = by_surname[surnames[i]], by_surname[surnames[j]]
            pairs = ((a, b) for k, a in enumerate(group_a) for b in group_a[k + 1:]) if i == j else \
                ((a, b) for a in group_a for b in group_b)
            for a, b in pairs:
                if uf.find(a) != uf.find(b) and given_names_agree(given[a], given[b]) \
                        and generation(a) == generation(b):
                    uf.union(a, b)
    _join_middle_names(full, uf)
    _join_reversed_and_patronyms(full, uf)
    for s in single:
        surname = name_parts(s)[1]
        same_surname = blocks[_block_key(s)].get(surname, []) if _block_key(s) in blocks else []
        matches = [n for n in same_surname if same_person(s, n)]
        # a lone "<B>" is "<A B>" where the batch names both "<A B>" and "<A B> Jr." (the one a lone surname means
        # as a rule), "<A B> Jr." where it names no other
        plain = [n for n in matches if not generation(n)]
        roots = {uf.find(n) for n in (plain or matches)}
        if len(roots) == 1:
            uf.union(s, roots.pop())
        else:
            uf.find(s)
    roots = sorted({uf.find(n) for n in full + single})
    index = {r: i for i, r in enumerate(roots)}
    return {n: index[uf.find(n)] for n in full + single}


def _ends(name: str) -> tuple[str, str, int]:
    """(first word, last word, number of words) of a name, folded."""
    words = re.sub(NAME_MARKS, "", fold(name)).replace("-", " ").split()
    return (words[0], words[-1], len(words)) if words else ("", "", 0)


def _join_middle_names(full: list[str], uf: UnionFind) -> None:
    """A two-word name joins the one longer name that has its first and last words ("<given> <surname>" and
    "<given> <middle> <surname>", one person written with and without the middle name in two outlets): the
    surname comparison above reads the longer name's surname as middle + last and misses it (issue 22)."""
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)
    # ... and the same with the longer name's second surname ("<given> <middle> <paternal> <maternal>", as Spanish
    # and Portuguese names are written in full, and "<given> <paternal>" in most reports; issue 22, class 7):
    # keyed by its next-to-last word; of a name of three words, only for a two-word name whose surname is no given
    # name (there the next-to-last word is as often a middle name: "<given> <middle> <surname>")
    paternal: dict[tuple[str, str, bool], set[str]] = defaultdict(set)
    for n in full:
        first, last, k = _ends(n)
        if k >= 3 and not generation(n):  # "<A B> Jr." is no longer form of "<A B>"
            longer[(first, last)].add(n)
            paternal[(first, _next_to_last(n), k >= 4)].add(n)
    if not longer:
        return
    for n in full:
        first, last, k = _ends(n)
        if k != 2:
            continue
        found = longer.get((first, last)) or (paternal.get((first, last, True), set())
                                              | (paternal.get((first, last, False), set()) if not is_given_name(last) else set()))
        if found:
            roots = {uf.find(m) for m in found}
            if len(roots) == 1:
                uf.union(n, roots.pop())


# particles that open a patronymic ("bin <father>"): a name of two words opening with one is the part of a longer name
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "binti"})


def _join_reversed_and_patronyms(full: list[str], uf: UnionFind) -> None:
    """A two-word name joins the two-word name of its words reversed ("<surname> <given>" in one outlet, "<given>
    <surname>" in another, as Japanese, Chinese and Korean names are written either way; issue 22, class 7), and a
    patronymic alone ("Bin <father>") joins the one longer name that holds it ("<given> bin <father> <family>")."""
    words_of = {n: re.sub(NAME_MARKS, "", fold(n)).replace("-", " ").split() for n in full}
    two = defaultdict(list)
    for n, w in words_of.items():
        if len(w) == 2:
            two[(w[0], w[1])].append(n)
    for (a, b), names in two.items():
        if a != b and (b, a) in two:
            for n in names + two[(b, a)]:
                uf.union(names[0], n)
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, w in words_of.items():
        if len(w) >= 3:
            for i in range(len(w) - 1):
                if w[i] in PATRONYMIC_PARTICLES:
                    holders[(w[i], w[i + 1])].add(n)
    for n, w in words_of.items():
        if len(w) == 2 and w[0] in PATRONYMIC_PARTICLES and holders.get((w[0], w[1])):
            roots = {uf.find(m) for m in holders[(w[0], w[1])]}
            if len(roots) == 1:
                uf.union(n, roots.pop())


def _next_to_last(name: str) -> str:
    words = re.sub(NAME_MARKS, "", fold(name)).replace("-", " ").split()
    return words[-2] if len(words) >= 2 else ""


# people two documents must both name for a given name alone in one to join a full name of the other
LONE_GIVEN_SHARED_PEOPLE = 2


def join_lone_given_names(mentions: pl.DataFrame, clusters: dict[str, int]) -> dict[str, int]:
    """A known given name alone ("his wife, <given>", a document that never names her in full) joins the one
    person of the batch whose full name opens with it, when their documents share the story: at least
    LONE_GIVEN_SHARED_PEOPLE other people named on both sides (issue 22: one person split over rows) ...
    and when the given name's own documents name that person's surname, or the one whose kin that person is
    told to be ("<surname>'s wife, <given> <surname2>"): a story's people are not enough where two of them share
    a given name (a prisoner's brother told by his given name alone, and an envoy of that given name named in
    full elsewhere; issue 22, the join was told by batch-level evidence only).

    `mentions`: doc_id, name, and role when known; `clusters`: name -> cluster (cluster_names). Only the lone
    names cost work."""
    members: dict[int, list[str]] = defaultdict(list)
    for n, c in clusters.items():
        members[c].append(n)
    lone = [n for n in clusters if len(n.split()) == 1 and is_given_name(n)
            and all(len(x.split()) == 1 for x in members[clusters[n]])]
    if not lone:
        return clusters
    firsts: dict[str, set[int]] = defaultdict(set)
    for n, c in clusters.items():
        words = n.split()
        if len(words) >= 2:
            firsts[fold(words[0])].add(c)
    wanted = {n: firsts.get(fold(n), set()) - {clusters[n]} for n in lone}
    wanted = {n: next(iter(t)) for n, t in wanted.items() if len(t) == 1}
    if not wanted:
        return clusters
    pairs = mentions.select("doc_id", "name").unique().with_columns(
        cluster=pl.col("name").replace_strict(clusters, return_dtype=pl.Int64))
    docs_of: dict[int, set[str]] = defaultdict(set)
    in_doc: dict[str, set[int]] = defaultdict(set)
    surnames_in: dict[str, set[str]] = defaultdict(set)
    for doc, name, cluster in pairs.select("doc_id", "name", "cluster").iter_rows():
        docs_of[cluster].add(doc)
        in_doc[doc].add(cluster)
        surnames_in[doc].add(_last_word(name))
    out = dict(clusters)
    for n, target in wanted.items():
        own = clusters[n]
        mates = set().union(*(in_doc[d] for d in docs_of[own])) - {own, target}
        theirs = set().union(*(in_doc[d] for d in docs_of[target])) - {own, target}
        if len(mates & theirs) < LONE_GIVEN_SHARED_PEOPLE:
            continue
        told = set().union(*(surnames_in[d] for d in docs_of[own]))
        if _surnames_of(target, members, mentions) & told:
            for x in members[own]:
                out[x] = target
    return out


KIN_OF_RE = re.compile(r"([a-z][a-z\-]+)['’]s\s+(?:[a-z\-]+\s+)?(?:" + "|".join(sorted(KIN_WORDS)) + r")\b"
                       r"|\b(?:" + "|".join(sorted(KIN_WORDS)) + r")\s+of\s+(?:[a-z\-]+\s+)?([a-z][a-z\-]+)")


def _last_word(name: str) -> str:
    words = re.sub(NAME_MARKS, "", fold(name)).split()
    return words[-1] if words else ""


def _surnames_of(cluster: int, members: dict[int, list[str]], mentions: pl.DataFrame) -> set[str]:
    """The surnames a person goes by in the batch, and the surnames of those its roles tell it kin of."""
    names = members[cluster]
    out = {_last_word(n) for n in names if len(n.split()) >= 2}
    if "role" in mentions.columns:
        roles = mentions.filter(pl.col("name").is_in(names) & pl.col("role").is_not_null())["role"].unique()
        for role in roles.to_list():
            for m in KIN_OF_RE.finditer(fold(role)):
                out.add(m.group(1) or m.group(2))
    return out


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
        return empty_people, mentions.with_columns(person_id=pl.lit(None, pl.String)), empty_conflicts()
    clusters = cluster_names(mentions["name"].unique().to_list())
    clusters = join_lone_given_names(mentions.select("doc_id", "name", "role"), clusters)
    m = mentions.with_columns(cluster=pl.col("name").replace_strict(clusters, return_dtype=pl.Int64))
    # every mention of the run: the stored pairs need no cut to them first
    old = previous_ids(m, previous, "person_id", narrow=False)
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


def empty_conflicts() -> pl.DataFrame:
    return pl.DataFrame(schema={"fact_table": pl.String, "fact_id": pl.String, "field": pl.String,
                                "values": pl.List(pl.String), "doc_ids": pl.List(pl.String)})


FORMER_RE = re.compile(r"\bformer\b|\bex-", re.I)


def role_conflicts(m: pl.DataFrame) -> pl.DataFrame:
    """'former President' in one source and 'President' in another: a recorded conflict."""
    rows = []
    with_role = m.filter(pl.col("role").is_not_null())
    # each person's distinct roles first (the documents are read for the roles in a dispute only, a few)
    by_person: dict[str, list] = defaultdict(list)
    for pid, role in with_role.select("person_id", "role").unique().iter_rows():
        by_person[pid].append(role)
    is_former: dict[str, bool] = {}
    disputes: list[tuple[str, set]] = []  # (person, the roles in its dispute: their documents are cited)
    for pid, roles in sorted(by_person.items()):
        for r in roles:
            if r not in is_former:
                is_former[r] = FORMER_RE.search(r) is not None
        former = [r for r in roles if is_former[r]]
        current = [r for r in roles if not is_former[r]]
        values = set()
        for fr in former:
            core = re.sub(r"\bformer\s+|\bex-", "", fr, flags=re.I).split()[-1].lower()
            clash = [r for r in current if r.split()[-1].lower() == core]
            if clash:
                values |= {fr, *clash}
        if values:  # one row per person: every role in the dispute, every document behind it
            disputes.append((pid, values))
    if not disputes:
        return empty_conflicts()
    wanted = pl.DataFrame([(pid, r) for pid, values in disputes for r in values],
                          schema={"person_id": pl.String, "role": pl.String}, orient="row")
    docs_of: dict[str, set] = defaultdict(set)
    for pid, doc in with_role.join(wanted, on=["person_id", "role"], how="semi").select(
            "person_id", "doc_id").unique().iter_rows():
        docs_of[pid].add(doc)
    for pid, values in disputes:
        rows.append(("people", pid, "role", sorted(values), sorted(docs_of[pid])))
    return pl.DataFrame(rows, schema=empty_conflicts().schema, orient="row").unique(
        subset=["fact_id", "field"], keep="first", maintain_order=True)

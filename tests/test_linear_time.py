"""Extraction and name matching take time linear (or n log n) in a document's size (issue 20, item 4).

A hostile page repeating "released N prisoners" or listing tens of thousands of names once took
hours: the nearest release word was a minimum over every release word of the sentence for each count,
and name matching compared every name with every other. The timings here compare a big document with
a small one of the same kind (a ratio, generous: linear is ~10x for 10x the text, quadratic ~100x).
They count the process's CPU time, not the wall clock: on a loaded machine (CI, other jobs) the wall
time of a small run swings by more than the margin between linear and quadratic.
"""

import random
import string
import time

import polars as pl

from flows.extraction.clean import MAX_SENTENCE_CHARS
from flows.extraction.count_numbers import RELEASE_RE
from flows.extraction.counts import _nearest_trigger, find_release_counts
from flows.extraction.facts import extract_facts
from flows.extraction.mentions import resolve_mentions_in_documents
from flows.resolution.people import cluster_names, name_similarity, same_person, _block_key
from flows.resolution.ids import UnionFind


def _docs(text: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": ["d"], "text": [text], "published_at": [None], "status": ["loaded"]},
                        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date, "status": pl.String})


def _releases_text(n_bytes: int) -> str:
    parts, size, i = [], 0, 0
    while size < n_bytes:
        i += 1
        part = f"released {i % 400 + 2} prisoners "
        parts.append(part)
        size += len(part)
    return "Officials said that they " + "".join(parts) + ".\n"  # one sentence, no full stop inside


def _names_text(n_names: int, seed: int = 1) -> str:
    rnd = random.Random(seed)

    def word() -> str:
        return rnd.choice(string.ascii_uppercase) + "".join(rnd.choice("aeioulnrst") for _ in range(6))

    given = ["Anna", "Maria", "John", "Peter", "Olga", "Ivan"]
    names = [f"{rnd.choice(given)} {word()}" if i % 2 else f"{word()} {word()}" for i in range(n_names)]
    return "Officials said " + " and ".join(names) + " were there.\n"


def _seconds(text: str) -> float:
    """Extraction and the per-document name resolution of one document (cluster_names: see its own test)."""
    t0 = time.process_time()
    facts = extract_facts(_docs(text))
    resolve_mentions_in_documents(facts["name_candidates"])
    return time.process_time() - t0


def _ratio(make, small, big) -> float:
    _seconds(make(small))  # warm the caches and lexicons
    t_small = min(_seconds(make(small)) for _ in range(2))
    t_big = _seconds(make(big))
    return t_big / max(t_small, 0.02)


def test_repeated_release_counts_take_linear_time():
    # 30 KB vs 300 KB of one long sentence: linear is ~10x; the old search was ~100x (and hours at 2.5 MB)
    assert _ratio(_releases_text, 30_000, 300_000) < 40


def test_many_capitalised_names_take_linear_time():
    # 2,000 vs 20,000 names in one sentence (10x; linear ~10x, quadratic ~100x): the confirmed-name suffix
    # test was names x names
    assert _ratio(_names_text, 2_000, 20_000) < 40


def test_clustering_many_distinct_names_is_fast():
    # the batch's name clustering compares only surnames close enough to match, found by one Jaro-Winkler
    # matrix per block in C (still quadratic in a block's distinct surnames, ~100x faster than a Python call
    # per pair: 20,000 distinct random names took ~16 s before, ~1-2 s now); a generous bound, not a timing
    rnd = random.Random(7)
    names = sorted({rnd.choice(["Anna", "Ivan", "Olga", "Peter"]) + " " + rnd.choice(string.ascii_uppercase)
                    + "".join(rnd.choice("aeioulnrst") for _ in range(7)) for _ in range(20_000)})
    t0 = time.perf_counter()
    cluster_names(names)
    assert time.perf_counter() - t0 < 30


def test_a_long_sentence_is_cut_into_bounded_pieces():
    facts = extract_facts(_docs(_releases_text(50_000)))
    events = facts["event_mentions"]
    assert events.height > 0
    assert (events["char_end"] - events["char_start"]).max() <= MAX_SENTENCE_CHARS


def _nearest_by_min(triggers, start, end):
    return min(triggers, key=lambda t: min(abs(t.start() - end), abs(start - t.end())))


def test_bisected_nearest_trigger_is_the_minimum_over_every_trigger():
    rng = random.Random(5)
    words = ["released", "freed", "swap", "prisoner exchange", "the", "52 prisoners", "five detainees", "and",
             "10 for 10", "pardoned", "prisoner swap", "x", ","]
    for _ in range(3000):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        triggers = list(RELEASE_RE.finditer(sentence))
        if not triggers:
            continue
        starts, ends = [t.start() for t in triggers], [t.end() for t in triggers]
        for _ in range(4):
            a = rng.randrange(len(sentence) + 1)
            b = rng.randrange(a, len(sentence) + 1)
            assert _nearest_trigger(triggers, starts, ends, a, b) is _nearest_by_min(triggers, a, b), (sentence, a, b)


def test_release_counts_on_normal_text_unchanged(monkeypatch):
    """Every dev-set and seed sentence: the same releases and tallies as with the minimum over all triggers."""
    from tests.test_facts_speed_equivalence import _sentences

    texts = _sentences()
    fast = [find_release_counts(t) for t in texts]
    monkeypatch.setattr("flows.extraction.counts._nearest_trigger", lambda trig, s, e, a, b: _nearest_by_min(trig, a, b))
    assert [find_release_counts(t) for t in texts] == fast
    assert sum(bool(r) for r, _ in fast) > 20


def _cluster_names_pairwise(names):
    """cluster_names as it was: every pair of a block compared."""
    from collections import defaultdict

    from flows.resolution.people import name_parts

    full = sorted({n for n in names if len(n.split()) >= 2})
    single = sorted({n for n in names if len(n.split()) < 2})
    uf = UnionFind()
    blocks = defaultdict(list)
    for n in full:
        blocks[_block_key(n)].append(n)
        uf.find(n)
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if same_person(a, b):
                    uf.union(a, b)
    for s in single:
        roots = {uf.find(n) for n in blocks.get(_block_key(s), []) if same_person(s, n)
                 and name_parts(s)[1] == name_parts(n)[1]}
        if len(roots) == 1:
            uf.union(s, roots.pop())
        else:
            uf.find(s)
    roots = sorted({uf.find(n) for n in full + single})
    index = {r: i for i, r in enumerate(roots)}
    return {n: index[uf.find(n)] for n in full + single}


def test_cluster_names_same_clusters_as_pairwise():
    rnd = random.Random(3)
    given = ["Anna", "Maria", "John", "Jon", "Ivan", "Iwan", "Olga", "A.", "M.", "Sergei", "Sergey", "Ahmad", "Ahmed"]
    surnames = ["Navalny", "Navalnyi", "Tsikhanouski", "Tikhanovsky", "Tikhanovskaya", "Berg", "Bergh", "Smith",
                "Smyth", "el-Baqer", "al-Baqer", "Kara-Murza", "Muller", "Mueller", "Ivanov", "Ivanova"]
    names = set()
    for _ in range(1500):
        names.add(f"{rnd.choice(given)} {rnd.choice(surnames)}")
        names.add(rnd.choice(surnames))
        names.add(f"{rnd.choice(given)} " + "".join(rnd.choice("aeioubkrnst") for _ in range(rnd.randint(3, 7))).title())
    names = sorted(names)
    assert cluster_names(names) == _cluster_names_pairwise(names)
    assert name_similarity("navalny", "navalnyi") >= 0.84


def _batch(n_docs: int) -> pl.DataFrame:
    texts = [f"The two sides agreed the swap after months of talks, officials said. "
             f"Officials said {i % 90 + 10} soldiers were freed on Monday. "
             f"The guards released {i % 7 + 2} prisoners at dawn, a lawyer said.\n" for i in range(n_docs)]
    return pl.DataFrame({"doc_id": [f"d{i:05d}" for i in range(n_docs)], "text": texts,
                         "published_at": [None] * n_docs, "status": ["loaded"] * n_docs},
                        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date, "status": pl.String})


def test_a_batch_of_many_documents_takes_time_linear_in_their_number():
    # a rule comparing each release with every release of the batch (not of its own document) made a 2,000-document
    # batch of the bench corpus cost twice its linear time: 20x the documents cost ~12x here, and 84x with that rule
    def seconds(n: int) -> float:
        t0 = time.process_time()
        extract_facts(_batch(n))
        return time.process_time() - t0

    seconds(50)  # warm the caches and lexicons
    small = min(seconds(300) for _ in range(2))
    assert seconds(6000) / max(small, 0.02) < 40

"""Resolve stage: one person, one event (issue 5)."""

import datetime as dt

import polars as pl
import pytest

from flows.extraction.events import EVENT_MENTION_SCHEMA
from flows.resolution.people import cluster_names, resolve_people, same_person
from flows.resolution.events import consolidate_events
from flows.extraction.names import MENTION_SCHEMA


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Maria Kolesnikova", "Maria Kalesnikava"),
        ("Viktar Babaryka", "Viktor Babariko"),
        ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
        ("Siarhei Tsikhanouski", "Sergei Tikhanovsky"),
        ("Alexei Navalny", "Aleksei Navalnyi"),
        ("Vladimir Kara-Murza", "Vladimir Kara Murza"),
        ("J. Smith", "John Smith"),
    ],
)
def test_spelling_variants_are_one_person(a, b):
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Tikhanovsky", "Svetlana Tikhanovskaya"),  # husband and wife
        ("John Smith", "Mary Smith"),
        ("Alexander Lukin", "Alexander Lukashenko"),
    ],
)
def test_different_people_sharing_a_surname_stay_apart(a, b):
    assert not same_person(a, b)


def test_surname_only_joins_only_an_unambiguous_person():
    clusters = cluster_names(["Anna Berg", "Berg", "Tom Weiss", "Lena Weiss", "Weiss"])
    assert clusters["Berg"] == clusters["Anna Berg"]
    assert clusters["Weiss"] not in (clusters["Tom Weiss"], clusters["Lena Weiss"])


def _mentions(rows):
    return pl.DataFrame(rows, schema=MENTION_SCHEMA, orient="row")


def test_people_merge_across_documents_with_aliases_and_role_conflict():
    m = _mentions([
        ("d1", 0, 0, 17, "Maria Kolesnikova", "Maria Kolesnikova", "opposition leader", "high"),
        ("d2", 0, 5, 22, "Maria Kalesnikava", "Maria Kalesnikava", None, "high"),
        ("d2", 1, 40, 51, "Kalesnikava", "Maria Kalesnikava", None, "high"),
        ("d1", 2, 60, 72, "Donald Tramp", "Donald Tramp", "former President", "high"),
        ("d3", 0, 0, 12, "Donald Tramp", "Donald Tramp", "President", "high"),
    ])
    people, pm, conflicts = resolve_people(m)
    assert people.height == 2
    maria = people.filter(pl.col("canonical_name").str.starts_with("Maria")).row(0, named=True)
    assert set(maria["aliases"]) == {"Maria Kolesnikova", "Maria Kalesnikava", "Kalesnikava"}
    assert maria["n_documents"] == 2 and maria["n_mentions"] == 3
    assert conflicts.filter(pl.col("field") == "role").height == 1
    assert set(conflicts["values"][0]) == {"former President", "President"}


def test_person_ids_survive_a_second_run_with_a_new_spelling():
    first = _mentions([("d1", 0, 0, 17, "Maria Kolesnikova", "Maria Kolesnikova", None, "high")])
    _, pm1, _ = resolve_people(first)
    second = _mentions([("d1", 0, 0, 17, "Maria Kolesnikova", "Maria Kolesnikova", None, "high"),
                        ("d0", 0, 0, 16, "Mariya Kalesnikava", "Mariya Kalesnikava", None, "high")])
    people2, pm2, _ = resolve_people(second, pm1.select("doc_id", "char_start", "person_id"))
    assert people2.height == 1
    assert people2["person_id"][0] == pm1["person_id"][0]


def test_previous_ids_read_from_parquet_files_like_a_frame(tmp_path):
    """The run hands the previous ids as spool files (spool.RunSpool.copy_previous)."""
    first = _mentions([("d1", 0, 0, 17, "Maria Kolesnikova", "Maria Kolesnikova", None, "high")])
    _, pm1, _ = resolve_people(first)
    path = tmp_path / "previous-ids.parquet"
    pm1.select("doc_id", pl.col("char_start").cast(pl.Int32), "person_id").write_parquet(path)  # another int type
    second = _mentions([("d0", 0, 0, 16, "Mariya Kalesnikava", "Mariya Kalesnikava", None, "high"),
                        ("d1", 0, 0, 17, "Maria Kolesnikova", "Maria Kolesnikova", None, "high")])
    from_files, _, _ = resolve_people(second, [path])
    from_frame, _, _ = resolve_people(second, pm1.select("doc_id", "char_start", "person_id"))
    fresh, _, _ = resolve_people(second)
    assert from_files["person_id"].to_list() == from_frame["person_id"].to_list() == pm1["person_id"].to_list()
    assert fresh["person_id"].to_list() != pm1["person_id"].to_list()  # without them the id would change


def _event(doc, start, count, qual, country="Arvelia", date=None):
    return (doc, 0, start, start + 10, "prisoner_release", "0841", country, count, qual, None, date,
            "day" if date else "unknown", f"released {count}", "sentence" if date else None, None, None, None)


def test_releases_merge_on_compatible_counts_only():
    ev = pl.DataFrame([
        _event("a", 0, 52, "exact"), _event("b", 0, 52, "exact"), _event("c", 0, 50, "at_least"),
        _event("a", 100, 123, "exact"), _event("d", 0, 123, "exact"), _event("e", 0, 52, "exact", "Cuba"),
    ], schema=EVENT_MENTION_SCHEMA, orient="row")
    events, _, _ = consolidate_events(ev)
    rel = {(r["country"], r["prisoner_count"]): r["n_sources"] for r in events.to_dicts()}
    assert rel == {("Arvelia", 52): 3, ("Arvelia", 123): 2, ("Cuba", 52): 1}


def test_date_disagreement_is_a_conflict():
    ev = pl.DataFrame([_event("a", 0, 70, "exact", date=dt.date(2025, 3, 1)),
                       _event("b", 0, 70, "exact", date=dt.date(2025, 3, 2))],
                      schema=EVENT_MENTION_SCHEMA, orient="row")
    events, _, conflicts = consolidate_events(ev)
    assert events.height == 1
    assert conflicts.filter(pl.col("field") == "event_date").height == 1


def _cluster_releases_row_by_row(rows):
    """The rule of cluster_releases written out row by row (its first implementation): the reference."""
    from bisect import bisect_left, bisect_right
    from collections import defaultdict

    from flows.resolution.events import _compatible, _compatible_range

    exact_keys: dict[tuple, int] = {}
    for country, count, qual in rows:
        if qual == "exact":
            exact_keys.setdefault((country, count), len(exact_keys))
    by_country = defaultdict(list)
    for (ctry, c), k in exact_keys.items():
        by_country[ctry].append((c, k))
    for counts in by_country.values():
        counts.sort()
    labels, other_keys = [], {}
    for country, count, qual in rows:
        if qual == "exact":
            labels.append(exact_keys[(country, count)])
            continue
        counts = by_country.get(country, [])
        lo, hi = _compatible_range(count, qual)
        window = counts[bisect_left(counts, (lo, -1)):bisect_right(counts, (hi, len(exact_keys) + 1))]
        options = [(abs(c - count), k) for c, k in window if _compatible(count, qual, c)]
        if options:
            labels.append(min(options)[1])
        else:
            labels.append(other_keys.setdefault((country, count, qual), len(exact_keys) + len(other_keys)))
    return labels


@pytest.mark.parametrize("seed", range(5))
def test_release_clusters_equal_the_row_by_row_rule(seed):
    """Labels decided once per distinct key equal the rule applied to every row, in the same numbering
    (ids and their tie-breaks follow the numbering): random mentions with unknown countries and
    qualifiers, ties between two exact counts, keys that repeat."""
    import random

    rnd = random.Random(seed)
    quals = ["exact", "exact", "at_least", "about", "at_most", None]
    rows = [(rnd.choice(["Belarus", "Iran", None]), rnd.choice([10, 12, 14, 15, 20, 50, 52, 55, 100, 123]),
             rnd.choice(quals)) for _ in range(400)]
    rel = pl.DataFrame(rows, schema={"country": pl.String, "prisoner_count": pl.Int64,
                                     "count_qualifier": pl.String}, orient="row")
    from flows.resolution.events import cluster_releases

    assert cluster_releases(rel).to_list() == _cluster_releases_row_by_row(rows)


def test_event_ids_are_never_given_twice_when_an_old_id_equals_a_salted_one():
    """Two clusters alike in every key field: the second is told apart by its first source.
    An earlier run may have given exactly that salted id to a cluster that holds it now; the salted id
    must not be given again (the load failed on the key), and the old id stays where it was."""
    from flows.resolution.ids import event_ids, stable_id

    fields = ("prisoner_release", "Arvelia", 40, "exact", None)
    salted = stable_id("E", *fields[:4], None, "doc-c", "salted")
    clusters = [(0, *fields[:4], "doc-a", None),   # takes the plain id
                (1, *fields[:4], "doc-b", None),   # kept the salted id of cluster 2 from the earlier run
                (2, *fields[:4], "doc-c", None)]   # alike in every field: would salt to that same id
    ids = event_ids(clusters, {1: salted})
    assert len(set(ids)) == 3
    assert ids[:2] == [stable_id("E", *fields[:4], None, None), salted]  # the old id stays where it was
    # without old ids: the plain id, then the first source's salt (content, not the cluster's number)
    assert event_ids(clusters[:2], {}) == [stable_id("E", *fields[:4], None, None),
                                           stable_id("E", *fields[:4], None, "doc-b", "salted")]
    # old ids are claimed first: a new cluster before it never takes the id a stored event keeps
    plain = stable_id("E", *fields[:4], None, None)
    ids = event_ids(clusters, {2: plain})
    assert ids[2] == plain and len(set(ids)) == 3


def test_person_ids_are_never_given_twice():
    """A cluster that kept an old id may since have changed its canonical name: a new cluster whose name
    gives that same id takes another."""
    from flows.language.lexicon import fold
    from flows.resolution.ids import person_ids, stable_id

    taken = stable_id("P", fold("Ilko Varsh"))
    ids = person_ids([(0, "Ilko Varshovsky"), (1, "Ilko Varsh"), (2, "Mira Denn")], {0: taken})
    assert ids[0] == taken and len(set(ids.values())) == 3
    assert ids[2] == stable_id("P", fold("Mira Denn"))


def test_at_least_n_and_n_of_one_release_are_at_least_n():
    # issue 22, class 11: one report says "at least 10 freed", another "10 freed": the count is a floor
    ev = pl.DataFrame([_event("a", 0, 10, "exact"), _event("b", 0, 10, "at_least"), _event("c", 0, 7, "exact")],
                      schema=EVENT_MENTION_SCHEMA, orient="row")
    events, _, _ = consolidate_events(ev)
    assert sorted(events.select("prisoner_count", "count_qualifier").rows()) == [(7, "exact"), (10, "at_least")]


def test_a_rounded_count_joins_the_one_precise_count_near_it():
    # issue 22, class 11: "23,000 freed" in one report and "23,184 freed" in another are one release
    ev = pl.DataFrame([_event("a", 0, 23000, "exact"), _event("b", 0, 23184, "exact"),
                       _event("c", 0, 5000, "exact"), _event("d", 0, 5400, "exact")],
                      schema=EVENT_MENTION_SCHEMA, orient="row")
    events, _, _ = consolidate_events(ev)
    rel = {r["prisoner_count"]: r["n_sources"] for r in events.to_dicts()}
    assert rel == {23184: 2, 5000: 1, 5400: 1}  # 5,000 is not within 2% of 5,400


@pytest.mark.parametrize("short, full", [("Ortiz-Canel", "Mateo Ortiz-Canel"), ("al-Hadid", "Omar al-Hadid")])
def test_a_hyphenated_surname_alone_is_the_surname(short, full):
    # issue 22: "Díaz-Canel"-like surnames written alone were read as a given name and a surname
    assert same_person(short, full)


def test_no_event_mentions_give_mentions_in_the_shape_asked_for():
    """With nothing to consolidate, the mentions come in the columns asked for, as they do otherwise (a
    daily run whose documents touch no event block hands over none, and joined them with the stored ones)."""
    import polars as pl

    from flows.extraction.events import EVENT_MENTION_SCHEMA
    from flows.resolution.events import consolidate_events

    columns = ["event_id", "event_type", "country", "doc_id", "sent_idx", "char_start", "char_end"]
    events, mentions, conflicts = consolidate_events(pl.DataFrame(schema=EVENT_MENTION_SCHEMA), None,
                                                     sentences_at=lambda keys: keys, mention_columns=columns)
    assert events.is_empty() and conflicts.is_empty() and mentions.is_empty()
    assert mentions.columns == columns


# issue 22, class 6: two releases alike in count and country, told by pages that name different people freed
def test_reports_naming_different_freed_people_are_different_releases():
    from flows.resolution.events import split_by_people  # noqa: F401 (the rule under test)
    ev = pl.DataFrame([_event("a", 0, 2, "exact"), _event("b", 0, 2, "exact"), _event("c", 0, 2, "exact"),
                       _event("d", 0, 2, "exact")], schema=EVENT_MENTION_SCHEMA, orient="row")
    freed = pl.DataFrame({"doc_id": ["a", "b", "c"],
                          "freed": [["quill", "varenko"], ["varenko"], ["beck", "dorlan"]]})
    events, mentions, _ = consolidate_events(ev, freed=freed)
    assert sorted(events["n_sources"].to_list()) == [1, 3]
    by_doc = dict(mentions.select("doc_id", "event_id").iter_rows())
    # a and b share a name: one release; d names no one and joins the larger report; c is another release
    assert by_doc["a"] == by_doc["b"] == by_doc["d"] != by_doc["c"]
    # without the names the four are one release
    assert consolidate_events(ev)[0].height == 1
    # a release of twelve, a different one of them named by each report: nothing tells them apart
    many = ev.with_columns(prisoner_count=pl.lit(12, pl.Int64))
    one_each = pl.DataFrame({"doc_id": ["a", "b", "c"], "freed": [["varenko"], ["quill"], ["beck"]]})
    assert consolidate_events(many, freed=one_each)[0].height == 1
    # two named of the twelve by one report, two others by another: two releases (a swap's named hostages)
    assert consolidate_events(many, freed=freed)[0].height == 2


# issue 22, class 6/7 (rel9): one surname in two transliterations ("Hassani", "Hasani") is one person freed, not a
# sign of another release
def test_a_surname_spelt_with_a_doubled_letter_once_is_the_same_freed_person():
    ev = pl.DataFrame([_event("a", 0, 2, "exact"), _event("b", 0, 2, "exact")], schema=EVENT_MENTION_SCHEMA,
                      orient="row")
    variants = pl.DataFrame({"doc_id": ["a", "b"], "freed": [["hassani", "morrow"], ["hasani", "lund"]]})
    assert consolidate_events(ev, freed=variants)[0].height == 1
    others = pl.DataFrame({"doc_id": ["a", "b"], "freed": [["hassani", "morrow"], ["hasan", "lund"]]})
    assert consolidate_events(ev, freed=others)[0].height == 2
    # ... and in the romanisations of one sound: q, g and k, "dh" and "d" (issue 22: one person freed, two rows)
    romanised = pl.DataFrame({"doc_id": ["a", "b"], "freed": [["qaddouri", "morrow"], ["gadhouri", "lund"]]})
    assert consolidate_events(ev, freed=romanised)[0].height == 1


def test_freed_names_follow_release_verbs_and_passives_only():
    from flows.extraction.freed import freed_names
    sents = ["Officials in Velmar freed the agronomist Ilsa Varenko and a colleague on Monday.",
             "Varenko's colleague, Torvan Beck, was released hours later.",
             "The pair were released by order of President Hal Dorsey, the ministry said.",
             "Quen Marr, a lawyer for the family, welcomed the release.",
             "The militia handed over two guards—Oskar Lind and retired sergeant Pell Harrow—at the crossing.",
             "A court in the north freed nine more prisoners, Dara Quist said.",
             "Rebels released two drivers, Ivo Tesk and Lune Marrow."]
    sentences, cands, start = [], [], 0
    for i, s in enumerate(sents):
        sentences.append({"doc_id": "x", "sent_idx": i, "char_start": start, "char_end": start + len(s),
                          "sentence": s, "is_headline": False})
        for name in ("Ilsa Varenko", "Varenko", "Torvan Beck", "Hal Dorsey", "Quen Marr", "Oskar Lind", "Pell Harrow",
                     "Dara Quist", "Ivo Tesk", "Lune Marrow"):
            at = s.find(name)
            if at >= 0 and not (name == "Varenko" and "Ilsa Varenko" in s):
                cands.append({"doc_id": "x", "sent_idx": i, "char_start": start + at,
                              "char_end": start + at + len(name), "surface": name, "n_tokens": len(name.split())})
        start += len(s) + 1
    out = freed_names(pl.DataFrame(cands), pl.DataFrame(sentences), pl.Series(["x"]))
    assert out.rows() == [("x", ["beck", "harrow", "lind", "marrow", "tesk", "varenko"])]


# our own invented reports: one release of two told by two pages naming different people, and a third page
# naming no one
FREED_PAGES = {"fa": "Ruritania freed two aid workers, Alin Drovic and Mara Solberg, on Friday after months of talks.\n",
               "fb": "Ruritania released two aid workers, Piet Vandermolen and Oskar Harlan, on Friday, officials said.\n",
               "fc": "Ruritania freed two aid workers on Friday, officials said.\n",
               "fd": "The weather in the Ruritanian capital was mild on Friday, officials said.\n"}


def _freed_pages_stage() -> dict:
    from flows.extraction.facts import extract_facts
    return extract_facts(pl.DataFrame(
        {"doc_id": list(FREED_PAGES), "text": list(FREED_PAGES.values()), "published_at": [dt.date(2025, 6, 6)] * 4,
         "status": ["loaded"] * 4},
        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date, "status": pl.String}))


def test_freed_names_are_staged_per_release_document_when_extracted():
    """Who a release page tells as freed is found once, at extraction (stg_freed_names): a row per release
    document, an empty list for one naming no one (so that a page extracted again replaces its stored row),
    none for a page reporting no release."""
    freed = dict(_freed_pages_stage()["freed_names"].iter_rows())
    assert freed == {"fa": ["drovic", "solberg"], "fb": ["harlan", "vandermolen"], "fc": []}


def test_resolution_reads_the_staged_freed_names_not_the_text():
    """Resolution tells releases apart by the stored rows (read from a scan, for the documents it resolves):
    the pages naming different people are two releases; with the stored rows emptied, one."""
    from flows.resolution.assemble import assemble_tables

    stage = _freed_pages_stage()
    releases = lambda tables: tables["events"].filter(pl.col("event_type") == "prisoner_release")  # noqa: E731
    assert sorted(releases(assemble_tables(stage))["n_sources"].to_list()) == [1, 2]
    blank = {**stage, "freed_names": stage["freed_names"].with_columns(freed=pl.lit([], pl.List(pl.String)))}
    assert releases(assemble_tables(blank))["n_sources"].to_list() == [3]


def test_freed_names_from_a_scan_read_the_same_as_from_a_frame():
    ev = pl.DataFrame([_event("a", 0, 2, "exact"), _event("b", 0, 2, "exact"), _event("c", 0, 2, "exact")],
                      schema=EVENT_MENTION_SCHEMA, orient="row")
    freed = pl.DataFrame({"doc_id": ["z", "a", "b", "c"],
                          "freed": [["marr"], ["quill", "varenko"], ["varenko"], ["beck", "dorlan"]]})
    by_frame, by_scan = consolidate_events(ev, freed=freed), consolidate_events(ev, freed=freed.lazy())
    assert by_frame[0].height == 2
    for a, b in zip(by_frame, by_scan):
        assert a.equals(b)


def test_the_freed_of_a_one_for_one_swap_told_as_a_noun():
    """"last year's prisoner swap between <A> and <B>" tells its freed (issue 22, classes 2 and 6): a page on another
    release that recalls it names someone freed in it, which keeps the recalled swap apart from another state's
    swap of two whose reports name other people (split_by_people)."""
    from flows.extraction.facts import extract_facts

    text = ("Ruritania freed 14 fishermen on Monday. The minister compared the deal to last year's prisoner swap "
            "between football coach Lena Marsh and arms broker Omar Haddad.\n")
    stage = extract_facts(pl.DataFrame(
        {"doc_id": ["gc"], "text": [text], "published_at": [None], "status": ["loaded"]},
        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date, "status": pl.String}))
    assert dict(stage["freed_names"].iter_rows())["gc"] == ["haddad", "marsh"]
    rel = stage["event_mentions"].filter(pl.col("event_type") == "prisoner_release")
    assert sorted(rel["prisoner_count"].to_list()) == [2, 14]

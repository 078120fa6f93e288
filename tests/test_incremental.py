"""Incremental resolution (issue 24): a daily run resolves again only the blocks its documents touch, and
builds exactly what resolving everything builds: day after day, table by table, and as a full refresh."""

import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import SEEDS

# our own invented reports: a surname stored alone, then the full name; a release reported again; a
# rounded count, then the precise one; relief tied to a release; a removed and a changed file; two releases of
# two from one country told apart by the people they name (one reported again naming one of its two)
DAYS_EXTRA = [
    {"inc_a1.txt": "Authorities in Bolivia released 17 political prisoners on Tuesday, the ombudsman said. "
                   "Opposition leader Quiroga welcomed the decision but said dozens remain jailed.\n",
     "inc_a2.txt": "Egypt released 1,600 prisoners on March 3, 2025, in a presidential pardon, state media said.\n",
     "inc_a3.txt": "Belarus freed 14 political prisoners on 11 September 2025. The United States lifted sanctions on "
                   "Belavia as part of the deal, the envoy John Coale said.\n",
     "inc_a4.txt": "Iran freed two aid workers, Alin Drovic and Mara Solberg, on Friday after months of talks.\n"},
    {"inc_b1.txt": "Bolivia freed 17 political prisoners this week, officials said. Former president Jorge Quiroga "
                   "called it a first step.\n",
     "inc_b2.txt": "Egypt released 1,619 prisoners on March 3, 2025, the interior ministry said.\n",
     "inc_b3.txt": "Iran released two aid workers this week, Piet Vandermolen and Osk Harlan.\n"},
    {"inc_c1.txt": "Belarus released 14 political prisoners in September 2025 after talks with U.S. envoy John Coale. "
                   "Washington eased sanctions on Belavia in exchange.\n",
     "inc_c2.txt": "Iran freed two aid workers on Friday. Mara Solberg was released with a colleague, her family said.\n"},
]


def _write_day(src: Path, files: dict) -> None:
    src.mkdir(exist_ok=True)
    for name, text in files.items():
        (src / name).write_text(text)


def _frames_equal(a: pl.DataFrame, b: pl.DataFrame) -> bool:
    if a.columns != b.columns or a.height != b.height:
        return False
    cols = [c for c in a.columns if not isinstance(a.schema[c], pl.List)]
    return a.sort(cols, nulls_last=True).equals(b.sort(cols, nulls_last=True))


def _quoted(evidence: pl.DataFrame, stage) -> pl.DataFrame:
    import tempfile

    from flows.resolution.evidence import quote_evidence

    with tempfile.TemporaryDirectory() as folder:
        return pl.concat([pl.read_parquet(f) for f in quote_evidence(evidence, stage, folder)])


@pytest.fixture
def compare_resolutions(monkeypatch):
    """Every daily run resolves twice, incrementally and whole: the tables must be the same."""
    import flows.orchestration.flow as flow_module
    from flows.orchestration.pipeline import collected
    from flows.resolution.assemble import SCOPES, assemble_tables

    seen = []

    def both(stage, previous, stored=None):
        full = assemble_tables(stage, previous)
        if stored is None:
            seen.append("full")
            return full
        incremental = assemble_tables(stage, previous, stored)
        returned = incremental
        # a daily run's events and tallies are lazy (the run reads their scopes only): compared whole here
        incremental = collected(incremental)
        for name in full:
            if name == "evidence":  # an incremental run's stored evidence comes quoted: compare quoted
                # it holds the documents in its scope only (the others' evidence is the stored rows: the
                # warehouses compared at the end of each test show that no other document's changed)
                docs = incremental[SCOPES]["evidence"].implode()
                assert incremental[name]["doc_id"].is_in(docs).all()
                assert _frames_equal(_quoted(incremental[name], stage),
                                     _quoted(full[name].filter(pl.col("doc_id").is_in(docs)), stage)), "evidence differs"
            else:
                assert _frames_equal(incremental[name], full[name]), f"{name} differs"
        seen.append("incremental")
        return returned

    monkeypatch.setattr(flow_module, "assemble_tables", both)
    return seen


def _synth_days(tmp_path: Path, n: int, n_days: int, seed: int) -> list[list[Path]]:
    from bench.synth import generate_corpus

    pool = tmp_path / "pool"
    generate_corpus(n, pool, seed=seed)
    files = sorted(p for p in pool.iterdir() if p.suffix == ".txt")
    size = -(-len(files) // n_days)
    return [files[i:i + size] for i in range(0, len(files), size)]


def _copy(files: list[Path], src: Path) -> None:
    src.mkdir(exist_ok=True)
    for p in files:
        shutil.copy(p, src / p.name)
        if p.with_suffix(".json").exists():
            shutil.copy(p.with_suffix(".json"), src / p.with_suffix(".json").name)


@pytest.mark.slow
def test_daily_incremental_resolution_equals_resolving_everything(harness, tmp_path, compare_resolutions,
                                                                    monkeypatch):
    """Seeds, then synthetic days with our own reports mixed in (a full name after its surname alone, a
    second report of a stored release, the precise count of a rounded one, relief tied to a release), then
    a day that removes and changes files: each daily run's incremental tables equal the whole resolution's,
    and the warehouse equals a full refresh of the last folder (ids kept) table by table. The touched moves
    are resolved one folded target at a time (the largest split a 100k warehouse's day makes), and the stored
    mentions are joined with their ids in slices of a few documents (`_collect_by_documents`)."""
    from flows.orchestration.flow import dossier_flow
    from flows.resolution import incremental

    monkeypatch.setattr(incremental, "SANCTION_CHUNK_ROWS", 1)
    monkeypatch.setattr(incremental, "MENTION_SLICE_ROWS", 50)
    from scripts.table_digest import digests
    from tests.test_daily import tables

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, src)
    dossier_flow(source=str(src), db=str(db))
    days = _synth_days(tmp_path, 60, 3, seed=11)
    for synth, extra in zip(days, DAYS_EXTRA):
        _copy(synth, src)
        _write_day(src, extra)
        dossier_flow(source=str(src), db=str(db))
    # a day that removes two files and changes one
    (src / "inc_a2.txt").unlink()
    (src / days[0][0].name).unlink()
    changed = src / "inc_b1.txt"
    changed.write_text(changed.read_text() + "Bolivian authorities confirmed 17 releases on Wednesday.\n")
    dossier_flow(source=str(src), db=str(db))
    assert compare_resolutions == ["full"] + ["incremental"] * 4
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copyfile(db, refreshed)
    dossier_flow(source=str(src), db=str(refreshed), full_refresh=True)
    assert compare_resolutions[-1] == "full"
    assert tables(refreshed, ordered_staging=False) == tables(db, ordered_staging=False)
    assert digests(str(refreshed)) == digests(str(db))


@pytest.mark.slow
def test_a_warehouse_resolved_by_other_code_is_resolved_whole(harness, tmp_path, compare_resolutions):
    """No fingerprint of the current resolution code beside the warehouse (another version wrote it, or a
    copy without it): the next daily run resolves everything, then the fingerprint is back."""
    from flows.core.paths import resolver_path
    from flows.orchestration.flow import dossier_flow

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, src)
    dossier_flow(source=str(src), db=str(db))
    assert resolver_path(db).exists()
    resolver_path(db).write_text("another\n")
    _write_day(src, DAYS_EXTRA[0])
    dossier_flow(source=str(src), db=str(db))
    _write_day(src, DAYS_EXTRA[1])
    dossier_flow(source=str(src), db=str(db))
    assert compare_resolutions == ["full", "full", "incremental"]


# one swap (our own words) told by one outlet as freed by Chile, by another as freed by Peru, on different days
SWAP_DAYS = [
    {"swap_a.txt": "Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru, officials said.\n"},
    {"swap_b.txt": "Peru released four fishermen on Monday, officials in Lima said. Separately, Peru freed nine "
                   "miners held since spring.\n"},
    {"swap_c.txt": "Peru freed four fishermen on Monday, the ministry in Lima said.\n"},
]


def _swap_events(db: Path) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select country, prisoner_count, n_sources from events where event_type = "
                           "'prisoner_release' and prisoner_count = 4 and country in ('Chile', 'Peru')").fetchall()


@pytest.mark.slow
def test_a_swap_told_by_its_two_states_on_different_days(harness, tmp_path, compare_resolutions):
    """The report of a swap as freed by Chile comes one day, the report of it as freed by Peru the next: the
    daily run joins them into one event (the Peruvian release's block takes in Chile's), as resolving
    everything does; a third report the day after tips the event's country; then the report that told the swap
    is dropped and the two states' releases part again. Each day's incremental tables equal the whole
    resolution's, and the warehouse a full refresh's."""
    from flows.orchestration.flow import dossier_flow
    from scripts.table_digest import digests
    from tests.test_daily import tables

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, src)
    dossier_flow(source=str(src), db=str(db))
    seen = []
    for day in SWAP_DAYS:
        _write_day(src, day)
        dossier_flow(source=str(src), db=str(db))
        seen.append(sorted(_swap_events(db)))
    assert seen == [[("Chile", 4, 1)], [("Chile", 4, 2)], [("Peru", 4, 3)]]
    (src / "swap_a.txt").unlink()  # (with a new report: a run that only drops files is another matter)
    _write_day(src, {"swap_d.txt": "Chile released six prisoners on Friday after a court order.\n"})
    dossier_flow(source=str(src), db=str(db))
    assert sorted(_swap_events(db)) == [("Peru", 4, 2)]
    assert compare_resolutions == ["full"] + ["incremental"] * 4
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copyfile(db, refreshed)
    dossier_flow(source=str(src), db=str(refreshed), full_refresh=True)
    assert tables(refreshed, ordered_staging=False) == tables(db, ordered_staging=False)
    assert digests(str(refreshed)) == digests(str(db))


# one sentence telling two releases (our own words): two release mentions at one place, which the stored ids
# (doc_id, char_start, event_type) cannot tell apart; then a report of one of them, then of the other
TWO_COUNT_DAYS = [
    {"two_a.txt": "Nicaragua freed 30 prisoners on 25 October, and 185 activists walked free yesterday, their "
                  "relatives said.\n"},
    {"two_b.txt": "Nicaragua released 30 political prisoners on 25 October, the opposition said.\n"},
    {"two_c.txt": "Some 185 activists were freed in Nicaragua on 24 October, rights groups said.\n"},
]


def _two_ids_at_one_place(db: Path) -> int:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from (select e.doc_id, e.char_start, v.event_type from evidence e join "
                           "events v on v.event_id = e.fact_id where e.fact_table = 'events' group by all "
                           "having count(distinct e.fact_id) > 1)").fetchone()[0]


@pytest.mark.slow
def test_two_releases_told_at_one_place_day_after_day(harness, tmp_path, compare_resolutions):
    """A sentence telling two releases of one country stores two event ids for one (doc_id, char_start,
    event_type): the safety net resolves both releases' blocks again each day, in the pass that finds every
    mention's block once (one slice holds every mention, as at 10k documents), the net's added block read
    by its mentions' order. Each day's incremental tables equal the whole resolution's, and the warehouse a
    full refresh's."""
    from flows.orchestration.flow import dossier_flow
    from scripts.table_digest import digests
    from tests.test_daily import tables

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, src)
    dossier_flow(source=str(src), db=str(db))
    for day in TWO_COUNT_DAYS:
        _write_day(src, day)
        dossier_flow(source=str(src), db=str(db))
        assert _two_ids_at_one_place(db) == 1
    assert compare_resolutions == ["full"] + ["incremental"] * 3
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copyfile(db, refreshed)
    dossier_flow(source=str(src), db=str(refreshed), full_refresh=True)
    assert tables(refreshed, ordered_staging=False) == tables(db, ordered_staging=False)
    assert digests(str(refreshed)) == digests(str(db))


def test_the_blocks_of_event_mentions():
    """`event_block`: a release's block is its country (where the run brings no release mention; elsewhere
    `_Blocks` labels it by its count cluster); another event's is its cluster key (type, country, date or document)."""
    import datetime as dt

    from flows.resolution.incremental import event_block

    rows = pl.DataFrame({"event_type": ["prisoner_release", "prisoner_release", "election", "election"],
                         "country": ["Cuba", None, "Cuba", "Cuba"],
                         "event_date": [dt.date(2024, 1, 2), None, dt.date(2024, 1, 2), None],
                         "doc_id": ["d1", "d2", "d3", "d4"]})
    assert rows.select(event_block())["_block"].to_list() == [
        "R|Cuba", "R|\x00", "O|election|Cuba|2024-01-02", "O|election|Cuba|d4"]


@pytest.mark.slow
@pytest.mark.parametrize("slice_rows", [40, None])
def test_the_dev_set_in_three_days_equals_its_full_refresh(harness, tmp_path, compare_resolutions, monkeypatch,
                                                           slice_rows):
    """tests/data/dev (real-news shapes) arriving in three days: each daily run's incremental tables equal the
    whole resolution's, and the warehouse's digests equal a full refresh's; the touched moves resolved a few
    targets at a time, the stored mentions joined with their ids in slices of documents, or (`slice_rows`
    None) every mention in one slice, as a 10k warehouse's are (each mention's block found once and held, the
    touched ones read by their order; the set holds sentences with two counts, two release mentions at one
    place that the stored ids cannot tell apart)."""
    from flows.orchestration.flow import dossier_flow
    from flows.resolution import incremental

    monkeypatch.setattr(incremental, "SANCTION_CHUNK_ROWS", 5)
    if slice_rows is not None:
        monkeypatch.setattr(incremental, "MENTION_SLICE_ROWS", slice_rows)
    from scripts.table_digest import digests
    from tests.conftest import DEV_DIR

    files = sorted(p for p in DEV_DIR.iterdir() if p.suffix == ".txt")
    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    for k in range(3):
        _copy(files[k::3], src)
        dossier_flow(source=str(src), db=str(db))
    assert compare_resolutions == ["full", "incremental", "incremental"]
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copyfile(db, refreshed)
    dossier_flow(source=str(src), db=str(refreshed), full_refresh=True)
    assert digests(str(refreshed)) == digests(str(db))


def test_the_touched_moves_are_resolved_in_groups_of_targets_that_fold_apart():
    """Targets in groups of at most the limit's mentions (a larger one alone), and targets that differ by case
    or accents only (one id space) always in one group, whatever the limit."""
    from flows.resolution.incremental import _target_chunks

    counts = pl.DataFrame({"target": ["oil", "Oil", "gold", "Café Air", "Cafe Air", None, "steel"],
                           "len": [3, 2, 4, 1, 1, 2, 9]})
    for limit in (1, 4, 6, 100):
        chunks = _target_chunks(counts, limit)
        assert sorted(t for c in chunks for t in c if t is not None) == sorted(
            t for t in counts["target"].to_list() if t is not None)
        assert sum(None in c for c in chunks) == 1
        assert any({"oil", "Oil"} <= set(c) for c in chunks)
        assert any({"Café Air", "Cafe Air"} <= set(c) for c in chunks)
        size = dict(zip(counts["target"].to_list(), counts["len"].to_list()))
        for c in chunks:
            held = sum(size[t] for t in c)
            assert held <= limit or len({t and t.lower().replace("é", "e") for t in c}) == 1
    assert len(_target_chunks(counts, 100)) == 1


def test_the_fingerprint_covers_the_resolution_code_and_the_rules():
    """A change to resolution, to the language rules (Python or TOML) or to extraction makes a warehouse
    resolved before it one that the next daily run resolves whole."""
    from flows.resolution.incremental import fingerprinted_files

    root = Path(__file__).resolve().parent.parent
    names = {p.relative_to(root).as_posix() for p in fingerprinted_files()}
    assert {"flows/resolution/events.py", "flows/resolution/people.py", "flows/extraction/mentions.py"} <= names
    assert any(n.startswith("flows/language/rules/") and n.endswith(".toml") for n in names)


def test_a_warehouse_changed_by_hand_loses_its_fingerprint(tmp_path, capsys):
    """`dossier sql --write` may change stored rows: the next daily run must not keep them as resolution's."""
    import duckdb

    from flows.cli.main import main
    from flows.core.paths import resolver_path

    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create table events (event_id varchar)")
    resolver_path(db).write_text("fingerprint\n")
    assert main(["sql", "--db", str(db), "select count(*) as n from events"]) == 0
    assert resolver_path(db).exists()  # a read changes nothing
    assert main(["sql", "--write", "--db", str(db), "insert into events values ('E1')"]) == 0
    assert not resolver_path(db).exists()


# a release of twelve told without names; a named release of one by the same state on the same day, and a report naming
# him among the twelve (`events.join_named_members` joins the one into the twelve: two count blocks of one state);
# then unrelated releases, of another state and of the same state (our own words, invented names). The files' names
# set the stage's order: a group report naming no one first ("_a_"), the one naming him after it ("_b_") or before it ("_0_")
NAMED_GROUP = {"named_a_group.txt": "Paraguay freed 12 political prisoners on 3 May 2025, the justice ministry said.\n"}
NAMED_ONE = {"named_c_one.txt": "Paraguay frees opposition leader Tomas Verhaal\n\nA judge in Asuncion freed opposition "
                                "leader Tomas Verhaal on 3 May 2025 after charges against him were dropped.\n"}
AMONG_TEXT = ("Paraguay released 12 prisoners on 3 May 2025. Among those freed was opposition leader Tomas Verhaal, his "
              "lawyer said.\n")
NAMED_LATER = [{"named_d_other.txt": "Kenya freed 40 inmates on 9 June 2025 under a presidential pardon, officials said.\n"},
               {"named_e_same.txt": "Paraguay released 7 prisoners on 20 August 2025 after a court ruling, their "
                                    "families said.\n"}]


def _paraguay_releases(db: Path) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select prisoner_count, n_sources from events where event_type = 'prisoner_release' and "
                           "country = 'Paraguay' order by all").fetchall()


@pytest.mark.slow
@pytest.mark.parametrize("first_days, resolutions", [
    # the group, then the one and the report naming him among the group together: both count blocks have a new
    # document, the join forms inside the touched blocks (no fallback)
    ([NAMED_GROUP, {**NAMED_ONE, "named_b_among.txt": AMONG_TEXT}], ["incremental"] * 4),
    # the report naming him comes with the group, first of the twelve's mentions; the one the day after: only the
    # one's block has a new document, and it touches the twelve's (`_Blocks.member_blocks`; before, the one was
    # resolved with the twelve's first mention as context, which joined it, the partial twelve then shared its id
    # with the kept one, `assemble._scopes`, and that day was resolved whole)
    ([{**NAMED_GROUP, "named_0_among.txt": AMONG_TEXT}, NAMED_ONE], ["incremental"] * 4),
    # as above, but the twelve's first mention names no one: the one's block touches the twelve's (`member_blocks`),
    # else the context did not join the one, no id was shared, and the split stayed silently
    ([{**NAMED_GROUP, "named_b_among.txt": AMONG_TEXT}, NAMED_ONE], ["incremental"] * 4),
], ids=["one_with_its_group_report", "one_after_the_report_naming_him_first", "one_after_a_group_report_naming_none_first"])
def test_a_named_release_of_one_joined_to_a_counted_group_day_after_day(harness, tmp_path, compare_resolutions,
                                                                          first_days, resolutions):
    """A named release of one joins the counted release another report names him in (`join_named_members`), across
    two count blocks of one state: each day's incremental tables equal the whole resolution's (events, conflicts,
    links, evidence: the mentions' ids), on the day the join forms and on the days after (which runs fell back to
    resolving everything: `resolutions`), and the warehouse a full refresh's."""
    from flows.orchestration.flow import dossier_flow
    from scripts.table_digest import digests
    from tests.test_daily import tables

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, src)
    dossier_flow(source=str(src), db=str(db))
    seen = []
    for day in first_days + NAMED_LATER:
        _write_day(src, day)
        dossier_flow(source=str(src), db=str(db))
        seen.append(_paraguay_releases(db))
    joined = [(12, 3)]  # the one is a member of the twelve: one event of three reports
    assert seen == [[(12, 1)] if len(first_days[0]) == 1 else [(12, 2)], joined, joined, [(7, 1), (12, 3)]]
    assert compare_resolutions == ["full"] + resolutions
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copyfile(db, refreshed)
    dossier_flow(source=str(src), db=str(refreshed), full_refresh=True)
    assert tables(refreshed, ordered_staging=False) == tables(db, ordered_staging=False)
    assert digests(str(refreshed)) == digests(str(db))

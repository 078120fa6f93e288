"""The flow end to end on the seeds: tables, evidence, idempotency, the quality gate (issues 3, 5, 6, 7)."""

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.conftest import SEEDS, SHARED_GOLD

pytestmark = pytest.mark.slow


def q(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_smoke_import_flow():
    from flows.orchestration.flow import dossier_flow

    assert dossier_flow.name == "dossier"


def test_every_contract_table_exists(seeds_db):
    tables = {r[0] for r in q(seeds_db, "select table_name from information_schema.tables")}
    assert {"documents", "people", "person_mentions", "events", "event_people", "sanctions", "evidence",
            "conflicts", "dq_results", "runs"} <= tables


def test_seed_releases_after_merging(seeds_db):
    rows = q(seeds_db, "select prisoner_count, count_qualifier, country, n_sources from events "
                       "where event_type = 'prisoner_release' order by prisoner_count")
    assert rows == [(52, "exact", "Belarus", 3), (123, "exact", "Belarus", 2)]
    assert q(seeds_db, "select count(*) from events where prisoner_count in (300, 1000, 1400)") == [(0,)]


def test_seed_people_and_aliases(seeds_db):
    people = dict(q(seeds_db, "select canonical_name, aliases from people"))
    assert len(people) == 8
    maria = [a for n, a in people.items() if n.startswith("Maria")]
    assert len(maria) == 1 and {"Maria Kolesnikova", "Maria Kalesnikava"} <= set(maria[0])
    assert not {"Related Articles", "Comments", "Belavia", "Nobel Peace Prize"} & set(people)


def test_role_conflict_recorded(seeds_db):
    rows = q(seeds_db, "select p.canonical_name, c.values from conflicts c join people p on p.person_id = c.fact_id "
                       "where c.field = 'role'")
    assert any(name == "Donald Trump" for name, _ in rows)


def test_every_evidence_quote_is_the_document_span(seeds_db):
    rows = q(seeds_db, "select d.text, e.char_start, e.char_end, e.quote from evidence e "
                       "join documents d using (doc_id)")
    assert rows
    for text, start, end, quote in rows:
        assert text[start:end] == quote


def test_every_fact_has_evidence(seeds_db):
    for table, key in (("people", "person_id"), ("events", "event_id"), ("sanctions", "sanction_id")):
        missing = q(seeds_db, f"select count(*) from {table} t where not exists (select 1 from evidence e "
                              f"where e.fact_table = '{table}' and e.fact_id = t.{key})")
        assert missing == [(0,)], table


def test_furniture_yields_no_mentions(seeds_db):
    hits = q(seeds_db, "select count(*) from person_mentions m join documents d using (doc_id) "
                       "where m.char_start > strpos(d.text, 'Read also:') and strpos(d.text, 'Read also:') > 0")
    assert hits == [(0,)]


def test_seed_sanctions(seeds_db):
    rows = set(q(seeds_db, "select target, action from sanctions"))
    assert ("potash", "lifted") in rows
    assert ("exports", "proposed") in rows
    assert ("Belavia", "lifted") in rows or ("Belavia", "eased") in rows
    reasons = q(seeds_db, "select string_agg(reason, ' ') from sanctions where action = 'imposed'")[0][0]
    assert "human rights" in reasons and "Ukraine" in reasons


def test_eval_against_seed_gold(seeds_db):
    from flows.warehouse.evaluate import evaluate

    if not SHARED_GOLD.exists():
        pytest.skip("shared gold not beside the repo")
    with duckdb.connect(str(seeds_db), read_only=True) as con:
        result = evaluate(con, SHARED_GOLD)
    assert result["people"]["f1"] == 1.0
    assert result["releases"]["f1"] == 1.0
    assert result["release_count_accuracy"]["accuracy"] == 1.0
    assert result["sanctions"]["recall"] == 1.0


def test_rerun_is_a_noop_with_same_ids(seeds_copy, harness):
    from flows.orchestration.flow import dossier_flow

    before = {t: q(seeds_copy, f"select * from {t} order by all") for t in ("people", "events", "sanctions", "evidence")}
    result = dossier_flow(source=str(SEEDS), db=str(seeds_copy))
    assert result["noop"] and result["n_skipped"] == 5
    again = dossier_flow(source=str(SEEDS), db=str(seeds_copy), full_refresh=True)
    assert again["n_processed"] == 5
    after = {t: q(seeds_copy, f"select * from {t} order by all") for t in before}
    assert after == before


def test_adding_documents_keeps_earlier_ids(seeds_copy, harness, tmp_path):
    from flows.orchestration.flow import dossier_flow

    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    ids_before = set(q(seeds_copy, "select person_id from people") + q(seeds_copy, "select event_id from events "
                                                                      "where event_type = 'prisoner_release'"))
    (src / "900_new.txt").write_text(
        "Belarus frees 52 prisoners in deal with Washington\n"
        "Authorities in Belarus released 52 political prisoners, including opposition figure Maria Kalesnikava, "
        "the state news agency said. Mariya Kalesnikava thanked her supporters.\n")
    result = dossier_flow(source=str(src), db=str(seeds_copy))
    assert result["n_processed"] == 1 and result["n_skipped"] == 5
    ids_after = set(q(seeds_copy, "select person_id from people") + q(seeds_copy, "select event_id from events "
                                                                     "where event_type = 'prisoner_release'"))
    assert ids_before <= ids_after
    assert q(seeds_copy, "select n_sources from events where prisoner_count = 52") == [(4,)]
    aliases = q(seeds_copy, "select aliases from people where canonical_name like 'Maria%'")[0][0]
    assert "Mariya Kalesnikava" in aliases


def test_critical_failure_leaves_warehouse_byte_for_byte(seeds_copy, harness, monkeypatch):
    """Issue 6: a corrupted evidence span stops the load; the failure is recorded outside the warehouse."""
    import flows.orchestration.flow as flow_module
    from flows.orchestration.flow import dossier_flow
    from flows.orchestration.steps import DataQualityError
    from flows.warehouse.access import connect_read_only
    from flows.resolution.assemble import assemble_tables

    def corrupt(stage, previous):
        tables = assemble_tables(stage, previous)
        ev = tables["evidence"]
        tables["evidence"] = ev.with_columns(
            char_start=pl.when(pl.int_range(pl.len()) == 0).then(pl.col("char_start") + 1)
            .otherwise(pl.col("char_start")))
        return tables

    monkeypatch.setattr(flow_module, "assemble_tables", corrupt)
    before = digest(seeds_copy)
    with pytest.raises(DataQualityError, match="evidence quote equals document text"):
        dossier_flow(source=str(SEEDS), db=str(seeds_copy), full_refresh=True)
    assert digest(seeds_copy) == before
    con = connect_read_only(seeds_copy)
    status = con.execute("select status, message from runs order by started_at desc limit 1").fetchone()
    failed = con.execute("select count(*) from dq_results where not success and severity = 'critical'").fetchone()[0]
    con.close()
    assert status[0] == "failed_dq" and "evidence quote" in status[1]
    assert failed >= 1
    quarantine = list(Path(str(seeds_copy) + ".quarantine").rglob("*.parquet"))
    assert quarantine and pl.read_parquet(quarantine[0]).height == 1


def test_texts_round_trip_through_the_spool(harness, tmp_path):
    # texts leave memory after extraction and come back from disk at load: every loaded document's
    # text must be the file's text, copies keep none, and no spool folder outlives the run
    from flows.orchestration.flow import dossier_flow

    src = tmp_path / "src"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, src)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], src / "zz_copy.txt")
    db = tmp_path / "w.duckdb"
    stale = tmp_path / "w.duckdb.spool-999999"  # left by a killed run
    stale.mkdir()
    dossier_flow(source=str(src), db=str(db), batch_size=1)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select source_path, status, text from documents order by source_path").fetchall()
    assert [r[1] for r in rows] == ["loaded", "loaded", "loaded", "duplicate"]
    for path, status, text in rows[:3]:
        assert text == (src / path).read_text(encoding="utf-8").replace("\r\n", "\n")
    assert rows[3][2] is None
    assert not list(tmp_path.glob("w.duckdb.spool-*"))


def test_auto_processes_counts_only_the_batches_to_read(seeds_copy, tmp_path):
    from flows.orchestration.pipeline import processes_for, run_if_unchanged

    fresh = str(tmp_path / "new.duckdb")
    assert run_if_unchanged(str(SEEDS), fresh) == (None, 5)  # no warehouse yet: every file is read
    noop, n_to_read = run_if_unchanged(str(SEEDS), str(seeds_copy))
    assert noop["noop"] and n_to_read == 0  # nothing new to read
    assert run_if_unchanged(str(SEEDS), str(seeds_copy), full_refresh=True) == (None, 5)
    assert processes_for(5, batch_size=2000, cpus=2) == 1  # one batch
    assert processes_for(5, batch_size=2, cpus=2) == 2     # three batches
    assert processes_for(5, batch_size=2, cpus=8) == 3
    assert processes_for(0, batch_size=2, cpus=2) == 1


def test_process_pool_is_gone_before_resolve(harness, tmp_path, monkeypatch):
    """Issue 8: idle extraction workers would keep their memory through resolve and load."""
    import psutil

    import flows.orchestration.flow as flow_module
    from flows.orchestration import pipeline

    def pool_workers() -> int:
        return sum("spawn_main" in " ".join(p.cmdline())  # how ProcessPoolTaskRunner starts its workers
                   for p in psutil.Process().children(recursive=True))

    seen = {"during_extraction": 0}
    real_drop, real_assemble = pipeline.drop_seen_documents, flow_module.assemble_tables

    def drop_and_look(stage, seen_ids):  # the parent handles each batch's result here
        seen["during_extraction"] = max(seen["during_extraction"], pool_workers())
        return real_drop(stage, seen_ids)

    def assemble_and_look(stage, previous):
        seen["at_resolve"] = pool_workers()
        return real_assemble(stage, previous)

    monkeypatch.setattr(pipeline, "drop_seen_documents", drop_and_look)
    monkeypatch.setattr(flow_module, "assemble_tables", assemble_and_look)
    result = flow_module.flow_with_workers(1, 2)(source=str(SEEDS), db=str(tmp_path / "w.duckdb"), batch_size=2)
    assert result["status"] == "success" and result["n_processed"] == 5
    assert seen["during_extraction"] >= 1  # the batches did run in worker processes
    assert seen["at_resolve"] == 0


def test_run_history_has_the_time_of_every_stage_including_the_load(seeds_db):
    import json

    with duckdb.connect(str(seeds_db) + ".ops.duckdb", read_only=True) as con:
        raw = con.execute("select stage_seconds from runs where status = 'success' order by started_at desc limit 1").fetchone()[0]
    stages = json.loads(raw)
    assert {"plan", "extract+facts", "resolve", "validate", "load"} <= set(stages)
    assert all(v >= 0 for v in stages.values())

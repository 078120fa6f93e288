"""Past one machine on real engines: Prefect + Dask, DuckLake on a DuckDB file and on PostgreSQL (issue 8)."""

import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow
TABLES = ("people", "events", "sanctions", "evidence", "person_mentions", "event_people", "conflicts", "tallies")


def run(args, tmp_path, timeout=300):
    env = dict(os.environ, DOSSIER_PREFECT_HOME=str(tmp_path / ".prefect"), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "flows", "run", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=tmp_path)


def snapshot(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}


def test_dask_two_workers_build_the_same_warehouse(seeds_db, tmp_path):
    out = run(["--source", str(SEEDS), "--db", str(tmp_path / "dask.duckdb"), "--workers", "2",
               "--batch-size", "2"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert snapshot(tmp_path / "dask.duckdb") == snapshot(seeds_db)


def test_process_pool_builds_the_same_warehouse(seeds_db, tmp_path):
    out = run(["--source", str(SEEDS), "--db", str(tmp_path / "procs.duckdb"), "--processes", "2",
               "--batch-size", "2"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert snapshot(tmp_path / "procs.duckdb") == snapshot(seeds_db)


def test_ducklake_with_a_duckdb_catalog(tmp_path):
    lake = f"ducklake:{tmp_path / 'catalog.ducklake'}"
    out = run(["--source", str(SEEDS), "--db", str(tmp_path / "w.duckdb"), "--warehouse", lake,
               "--lake-data", str(tmp_path / "lake")], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "partition 'seeds' published" in out.stdout
    from flows.warehouse.extensions import load_extension

    con = duckdb.connect()
    load_extension(con, "ducklake")
    con.execute(f"attach '{lake}' as lake (data_path '{tmp_path / 'lake'}/', read_only)")
    assert con.execute("select count(*) from lake.events where event_type = 'prisoner_release'").fetchone() == (2,)
    assert glob.glob(str(tmp_path / "lake" / "**" / "*.parquet"), recursive=True)


def _pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture
def postgres(tmp_path):
    """A throwaway PostgreSQL cluster on a Unix socket (runs as the 'postgres' OS user when root)."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server not installed (`make postgres` installs it)")
    base = Path(f"/tmp/dossier-pg-{os.getpid()}")
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir()
    as_user = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = "55433"
    subprocess.run(as_user + [str(bindir / "initdb"), "-D", str(base / "data"), "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True, timeout=120)
    subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", str(base / "data"), "-w", "-l", str(base / "log"),
                              "-o", f"-p {port} -k {base} -c listen_addresses=''", "start"],
                   check=True, capture_output=True, timeout=120)
    subprocess.run(["psql", "-h", str(base), "-p", port, "-U", "postgres", "-c", "create database lake"],
                   check=True, capture_output=True, timeout=60)
    yield f"ducklake:postgres:dbname=lake host={base} port={port} user=postgres"
    subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"],
                   capture_output=True, timeout=60)
    shutil.rmtree(base, ignore_errors=True)


def test_two_flows_write_one_lake_on_postgres(postgres, tmp_path):
    data = tmp_path / "lake"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for f in seeds[:3]:
        shutil.copy(f, a)
    for f in seeds[3:]:
        shutil.copy(f, b)
    env = dict(os.environ, DOSSIER_PREFECT_HOME=str(tmp_path / ".prefect"), PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(src), "--db",
                               str(tmp_path / f"{src.name}.duckdb"), "--warehouse", postgres,
                               "--lake-data", str(data)], env=env, cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for src in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    from flows.warehouse.extensions import load_extension

    con = duckdb.connect()
    load_extension(con, "postgres")
    load_extension(con, "ducklake")
    con.execute(f"attach '{postgres}' as lake (data_path '{data}/', read_only)")
    parts = dict(con.execute("select lake_partition, count(*) from lake.documents group by 1").fetchall())
    assert parts == {"a": 3, "b": 2}
    releases = con.execute("select lake_partition, prisoner_count from lake.events "
                           "where event_type = 'prisoner_release' order by all").fetchall()
    assert ("a", 123) in releases and ("b", 52) in releases


def _publish_in_child(db, uri, partition, data):
    from flows.warehouse.lake import publish_to_lake

    publish_to_lake(Path(db), uri, partition, data)


def test_writers_racing_to_create_a_fresh_lake_all_succeed(postgres, seeds_db, tmp_path):
    # Three writers attach an empty catalog at the same moment: all race to create DuckLake's
    # metadata tables (a real CI failure); each must retry and publish its partition.
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_publish_in_child, args=(str(seeds_db), postgres, f"p{i}", str(tmp_path / "lake")))
             for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    from flows.warehouse.extensions import load_extension

    con = duckdb.connect()
    load_extension(con, "postgres")
    load_extension(con, "ducklake")
    con.execute(f"attach '{postgres}' as lake (data_path '{tmp_path / 'lake'}/', read_only)")
    parts = dict(con.execute("select lake_partition, count(*) from lake.documents group by 1").fetchall())
    assert parts == {"p0": 5, "p1": 5, "p2": 5}


def test_a_lake_made_by_an_older_schema_takes_the_new_columns(seeds_db, tmp_path):
    """A lake whose sanctions table predates target_country: publishing adds the column (null in the
    older partition) instead of failing on the insert."""
    from flows.warehouse.extensions import load_extension
    from flows.warehouse.lake import publish_to_lake

    uri, data = f"ducklake:{tmp_path / 'cat.ducklake'}", tmp_path / "lake"
    publish_to_lake(Path(seeds_db), uri, "old", str(data))
    con = duckdb.connect()
    load_extension(con, "ducklake")
    con.execute(f"attach '{uri}' as lake (data_path '{data}/')")
    con.execute("alter table lake.sanctions drop column target_country")
    con.close()
    publish_to_lake(Path(seeds_db), uri, "new", str(data))
    con = duckdb.connect()
    load_extension(con, "ducklake")
    con.execute(f"attach '{uri}' as lake (data_path '{data}/', read_only)")
    rows = con.execute("select lake_partition, count(*), count(target_country) from lake.sanctions "
                       "group by 1 order by 1").fetchall()
    n = rows[0][1]
    assert rows == [("new", n, n), ("old", n, 0)] and n > 0


def test_publishing_to_the_lake_waits_while_a_load_holds_the_warehouse(seeds_db, tmp_path):
    """A daily load commits in place holding the warehouse file for a moment: a lake publish that starts
    then retries its attach (as every reader does) instead of failing."""
    from flows.warehouse.lake import publish_to_lake

    db = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_db, db)
    mark = tmp_path / "held"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, pathlib, sys, time\n"
        "con = duckdb.connect(sys.argv[1])\n"
        "pathlib.Path(sys.argv[2]).touch()\n"
        "time.sleep(1.5)\n"
        "con.close()\n"), str(db), str(mark)])
    try:
        deadline = time.time() + 60
        while not mark.exists() and time.time() < deadline:
            time.sleep(0.05)
        assert mark.exists() and holder.poll() is None  # held for writing right now
        written = publish_to_lake(db, f"ducklake:{tmp_path / 'cat.ducklake'}", "p1", str(tmp_path / "lake"))
    finally:
        holder.wait(timeout=30)
    assert written["events"] > 0

"""Readers and the run history never block a run; a program holding the warehouse writable is exit 2."""

import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.test_robustness import GOOD, dossier, env_for, loading

pytestmark = pytest.mark.slow


def _history(db):
    with duckdb.connect(f"{db}.ops.duckdb", read_only=True) as con:
        return con.execute("select status, message from runs order by started_at").fetchall()


def _hold(db, *, read_only: bool, tmp_path):
    """Another process holding a DuckDB file open (a shell, a notebook) until killed."""
    code = (f"import duckdb, sys, time; con = duckdb.connect({str(db)!r}, read_only={read_only}); "
            "print('open', flush=True); time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_long_reader_of_the_history_does_not_block_a_run(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(GOOD)
    db = tmp_path / "w.duckdb"
    assert dossier(["run", "--source", str(src), "--db", str(db)], tmp_path).returncode == 0
    readers = [_hold(f"{db}.ops.duckdb", read_only=True, tmp_path=tmp_path),
               _hold(db, read_only=True, tmp_path=tmp_path)]
    try:
        (src / "b.txt").write_text(GOOD.replace("Bolivia", "Peru"))
        t = time.perf_counter()
        run = dossier(["run", "--source", str(src), "--db", str(db)], tmp_path)
        assert run.returncode == 0, run.stderr
        assert time.perf_counter() - t < 120
        assert [s for s, _ in _history(db)] == ["success", "success"]
    finally:
        for r in readers:
            r.kill()


def test_a_program_holding_the_warehouse_writable_is_exit_2_and_recorded(tmp_path):
    db = tmp_path / "w.duckdb"
    assert dossier(["run", "--source", str(SEEDS), "--db", str(db)], tmp_path).returncode == 0
    shell = _hold(db, read_only=False, tmp_path=tmp_path)
    try:
        # readers retry while a load commits in place (DOSSIER_READ_WAIT); a shell holds it for good
        run = dossier(["run", "--source", str(SEEDS), "--db", str(db), "--full-refresh"], tmp_path,
                      DOSSIER_READ_WAIT="1")
        assert run.returncode == 2 and run.stderr.count("\n") == 1
        assert "open for writing" in run.stderr and "-readonly" in run.stderr
        read = dossier(["sql", "select 1", "--db", str(db)], tmp_path, DOSSIER_READ_WAIT="1")
        assert read.returncode == 2 and "open for writing" in read.stderr
    finally:
        shell.kill()
        shell.wait()
    status, message = _history(db)[-1]
    assert status == "busy" and "open for writing" in message


def test_a_run_turned_away_by_another_run_is_recorded(tmp_path):
    db = tmp_path / "w.duckdb"
    first = subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(SEEDS), "--db", str(db)],
                             env=env_for(tmp_path, DOSSIER_FAULT_PAUSE="before_swap:6"), cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not list(tmp_path.glob("w.duckdb.next-*")) and not loading(tmp_path):
        time.sleep(0.2)
    second = dossier(["run", "--source", str(SEEDS), "--db", str(db)], tmp_path)
    assert second.returncode == 2
    first.communicate(timeout=120)
    assert first.returncode == 0
    statuses = [s for s, _ in _history(db)]
    assert sorted(statuses) == ["busy", "success"]

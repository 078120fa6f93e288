"""A kill at any point leaves the last good state and a history that says so."""

import hashlib
import shutil
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.test_robustness import GOOD, dossier, env_for, snapshot, wait_for_next_warehouse

pytestmark = pytest.mark.slow


def _history(db):
    with duckdb.connect(f"{db}.ops.duckdb", read_only=True) as con:
        return con.execute("select status, message from runs order by started_at").fetchall()


def test_a_kill_after_the_checks_and_before_the_swap_is_not_recorded_as_success(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        (src / p.name).write_bytes(p.read_bytes())
    db = tmp_path / "w.duckdb"
    assert dossier(["run", "--source", str(src), "--db", str(db)], tmp_path).returncode == 0
    good = hashlib.sha256(db.read_bytes()).hexdigest()
    (src / "900_extra.txt").write_text(GOOD)
    proc = subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(db)],
                            env=env_for(tmp_path, DOSSIER_FAULT_PAUSE="before_swap:60"), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    wait_for_next_warehouse(tmp_path)
    time.sleep(1.0)  # the checks have passed; the next warehouse waits to be swapped in
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == good
    # what a reader (and the dashboard) sees meanwhile: not a success
    assert [s for s, _ in _history(db)] == ["success", "loading"]
    # the next run settles it from the warehouse's own copy of the history: not swapped in, so failed
    run = dossier(["run", "--source", str(src), "--db", str(db)], tmp_path)
    assert run.returncode == 0, run.stderr
    history = _history(db)
    assert [s for s, _ in history] == ["success", "failed", "success"]
    assert "before its warehouse was swapped in" in history[1][1]
    with duckdb.connect(str(db), read_only=True) as con:
        assert [r[0] for r in con.execute("select status from runs order by started_at").fetchall()] == \
            ["success", "failed", "success"]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc"), reason="needs /proc (Linux)")
def test_the_prefect_server_child_dies_with_a_killed_run(tmp_path):
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(SEEDS), "--db", str(db)],
                            env=env_for(tmp_path, DOSSIER_FAULT_PAUSE="before_swap:60"), cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_next_warehouse(tmp_path)
        children = _children(proc.pid)
        assert children, "the run started no server child"
        proc.kill()  # SIGKILL to the run alone, not its process group: no cleanup of its own runs
        proc.wait(timeout=30)
        deadline = time.time() + 20
        while time.time() < deadline and any(_alive(c) for c in children):
            time.sleep(0.2)
        assert not any(_alive(c) for c in children)
    finally:
        for c in _children(proc.pid):
            os.kill(c, signal.SIGKILL)


def test_a_disk_that_fills_during_the_run_is_one_line_and_exit_2(seeds_copy, harness, monkeypatch, capsys):
    """The engines' own disk-full errors (polars ComputeError, DuckDB IOException) as the CLI sees them."""
    import polars as pl

    from flows.cli.main import main

    before = hashlib.sha256(seeds_copy.read_bytes()).hexdigest()

    def full(*args, **kwargs):
        raise pl.exceptions.ComputeError("failed to write parquet: No space left on device (os error 28)")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full)
    code = main(["run", "--source", str(SEEDS), "--db", str(seeds_copy), "--full-refresh"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "no space left on the disk" in err and "ComputeError" not in err
    assert hashlib.sha256(seeds_copy.read_bytes()).hexdigest() == before
    assert _history(seeds_copy)[-1][0] == "failed"


def _mount_tmpfs(folder, size: str) -> bool:
    folder.mkdir()
    try:
        return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def test_a_real_disk_filling_during_the_run_is_exit_2_and_leaves_the_last_good_state(tmp_path):
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "32m"):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        src = tmp_path / "src"
        src.mkdir()
        (src / "a.txt").write_text(GOOD)
        db = disk / "w.duckdb"
        roomy = {"DOSSIER_TEST_DISK_FREE": str(10**12)}  # past the run's own space check
        assert dossier(["run", "--source", str(src), "--db", str(db)], tmp_path, **roomy).returncode == 0
        good = snapshot(db)
        # leave room for a copy of the warehouse and little more
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "filler").write_bytes(b"\0" * (free - db.stat().st_size - 512 * 1024))
        for i in range(40):
            (src / f"n{i:03d}.txt").write_text((GOOD.replace("17", str(i + 20)) + " ") * 100)
        run = dossier(["run", "--source", str(src), "--db", str(db)], tmp_path, **roomy)
        assert run.returncode == 2, run.stderr
        errors = [line for line in run.stderr.splitlines() if not line.startswith("dossier: ") or "error" in line]
        assert len(errors) == 1 and "no space left" in errors[0].lower()  # besides progress lines
        assert "Traceback" not in run.stderr and "Error:" not in run.stderr
        # the daily load writes in place and needs no copy: the disk may fill before its commit (the last
        # good state stays) or after it (the new state is kept whole, and the warehouse's own history says
        # so). Never anything between; and once there is room, the next run gives an uninterrupted one's
        now = snapshot(db)
        with duckdb.connect(str(db), read_only=True) as con:
            kept = [r[0] for r in con.execute("select status from runs order by started_at").fetchall()]
        assert (now == good and kept == ["success"]) or (kept == ["success", "success"] and len(now["documents"]) == 41)
        (disk / "filler").unlink()
        assert dossier(["run", "--source", str(src), "--db", str(db)], tmp_path).returncode == 0
        clean = tmp_path / "clean.duckdb"
        assert dossier(["run", "--source", str(src), "--db", str(clean)], tmp_path).returncode == 0
        a, b = snapshot(db), snapshot(clean)
        strip = lambda rows: [r[:-1] if len(r) > 17 else r for r in rows]  # documents.run_id differs by design
        assert strip(a.pop("documents")) == strip(b.pop("documents"))
        assert a == b
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, timeout=10)


def test_sigterm_mid_extraction_stops_the_run_within_seconds_and_records_it(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(GOOD)
    db = tmp_path / "w.duckdb"
    assert dossier(["run", "--source", str(src), "--db", str(db)], tmp_path).returncode == 0
    good = hashlib.sha256(db.read_bytes()).hexdigest()
    (src / "b.txt").write_text(GOOD.replace("Bolivia", "Peru"))
    proc = subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(db)],
                            env=env_for(tmp_path, DOSSIER_FAULT_PAUSE="extract:300"), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not list(tmp_path.glob("w.duckdb.spool-*/*")):
        time.sleep(0.2)  # the spool exists once the run has planned; the batch is now pausing in its task
    time.sleep(2)
    children = _children(proc.pid)
    t = time.perf_counter()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    took = time.perf_counter() - t
    assert took < 15, f"SIGTERM took {took:.1f} s"
    assert proc.returncode == 143, err
    assert "terminated (SIGTERM)" in err and "Traceback" not in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == good
    assert not list(tmp_path.glob("w.duckdb.spool-*")) and not list(tmp_path.glob("w.duckdb.next-*"))
    status, message = _history(db)[-1]
    assert status == "failed" and "SIGTERM" in message
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(c) for c in children):
        time.sleep(0.2)
    assert not any(_alive(c) for c in children)
    # the lock was let go: the next run goes through at once
    assert dossier(["run", "--source", str(src), "--db", str(db)], tmp_path).returncode == 0


# the moments of a daily load written in place (flows/warehouse/load.py `_write_in_place`), in order
LOAD_MOMENTS = ("load_open", "load_documents", "load_staging", "load_facts", "load_checked", "before_swap",
                "load_committed")


@pytest.fixture(scope="module")
def daily_runs(tmp_path_factory):
    """A warehouse of the seeds (the state before), the day's folder (seeds + 2 files), and the tables an
    uninterrupted daily run gives (the state after)."""
    from tests.test_robustness import snapshot

    tmp = tmp_path_factory.mktemp("daily")
    src = tmp / "src"
    shutil.copytree(SEEDS, src)
    db = tmp / "w.duckdb"
    assert dossier(["run", "--source", str(src), "--db", str(db)], tmp).returncode == 0
    (src / "900_extra.txt").write_text(GOOD)
    (src / "901_extra.txt").write_text(GOOD.replace("Bolivia", "Peru").replace("17", "23"))
    done = tmp / "done.duckdb"
    shutil.copyfile(db, done)
    shutil.copyfile(f"{db}.ops.duckdb", f"{done}.ops.duckdb")
    assert dossier(["run", "--source", str(src), "--db", str(done)], tmp).returncode == 0
    return tmp, src, db, snapshot(db), snapshot(done)


def _strip(snap):
    snap = dict(snap)
    snap["documents"] = [r[:-1] if len(r) > 17 else r for r in snap["documents"]]  # run_id differs by design
    return snap


def _kill_at(moment: str, src, db, tmp_path) -> None:
    """A daily run into `db`, SIGKILLed (its whole process group) while paused at `moment` of the load."""
    mark = tmp_path / f"paused-{moment}"
    proc = subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(db)],
                            env=env_for(tmp_path, DOSSIER_FAULT_PAUSE=f"{moment}:60", DOSSIER_FAULT_MARK=str(mark)),
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 180
    while time.time() < deadline and not mark.exists() and proc.poll() is None:
        time.sleep(0.1)
    assert mark.exists(), f"the run never reached {moment}"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_a_sigkill_at_every_moment_of_the_load_leaves_a_readable_state_and_the_next_run_completes_it(
        daily_runs, tmp_path):
    """SIGKILL at each moment of an in-place load, one run after another on the same warehouse (each run
    starts from what the kill before left): the warehouse opens and holds the state before (or, once
    committed, the state after) and nothing between; a run killed before its checks leaves no record, one
    killed after them leaves 'loading', which the next run settles ('failed', or 'success' if it had
    committed); the run after the last kill finds nothing to do and the tables an uninterrupted run gives."""
    from tests.test_robustness import snapshot

    base, src, good_db, before, after = daily_runs
    db = tmp_path / "w.duckdb"
    shutil.copyfile(good_db, db)
    shutil.copyfile(f"{good_db}.ops.duckdb", f"{db}.ops.duckdb")
    recorded = len(_history(db))
    for moment in LOAD_MOMENTS:
        _kill_at(moment, src, db, tmp_path)
        assert _strip(snapshot(db)) == _strip(after if moment == "load_committed" else before), moment
        history = _history(db)
        if moment in ("load_checked", "before_swap", "load_committed"):  # checked: its 'loading' is on record
            assert len(history) == recorded + 1 and history[-1][0] == "loading", (moment, history)
            recorded += 1
        else:  # killed before its checks: no record, as a SIGKILL anywhere before them
            assert len(history) == recorded, (moment, history)
        assert all(s != "loading" for s, _ in history[:-1]), (moment, history)  # earlier ones settled
    run = dossier(["run", "--source", str(src), "--db", str(db)], tmp_path)
    assert run.returncode == 0, run.stderr
    assert _strip(snapshot(db)) == _strip(after)
    assert "no changes" in run.stdout  # the committed load was kept: nothing left to do
    statuses = [s for s, _ in _history(db)]
    # load_checked and before_swap settled as failed, load_committed as success, then this no-op run
    assert statuses[-4:] == ["failed", "failed", "success", "success"], statuses


def test_a_reader_querying_throughout_a_load_is_never_refused_and_sees_before_or_after(daily_runs, tmp_path):
    """A reader querying again and again while a daily run loads in place (paused inside its transaction
    for 3 s): every query answers, with the state before or the state after, never an error."""
    from flows.warehouse.access import open_read_only

    base, src, good_db, before, after = daily_runs
    db = tmp_path / "w.duckdb"
    shutil.copyfile(good_db, db)
    shutil.copyfile(f"{good_db}.ops.duckdb", f"{db}.ops.duckdb")
    mark = tmp_path / "paused"
    proc = subprocess.Popen([sys.executable, "-m", "flows", "run", "--source", str(src), "--db", str(db)],
                            env=env_for(tmp_path, DOSSIER_FAULT_PAUSE="load_facts:3", DOSSIER_FAULT_MARK=str(mark)),
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, waits = set(), []
    while proc.poll() is None:
        t = time.perf_counter()
        con = open_read_only(db)  # retries while the load holds the file
        try:
            seen.add(con.execute("select count(*) from documents").fetchone()[0])
        finally:
            con.close()
        waits.append(time.perf_counter() - t)
        time.sleep(0.05)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert mark.exists() and max(waits) > 1.0  # some queries did wait for the load
    assert seen <= {len(before["documents"]), len(after["documents"])} and len(after["documents"]) in seen | {
        len(after["documents"])}
    assert max(waits) < 60

"""A run's history row goes in through a Parquet file: the same row, replaced by run id, and no pandas import (the
no-op rerun would pay ~0.2 s for it)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CODE = r"""
import datetime as dt, sys
from pathlib import Path
import duckdb, polars as pl
from flows.core.paths import ops_path
from flows.warehouse.history import record_ops
from flows.warehouse.validate import DQ_SCHEMA

db = Path(sys.argv[1])
row = {"run_id": "r1", "started_at": dt.datetime(2026, 12, 5, 1, 2, 3, 456789), "finished_at": None,
       "status": "busy", "message": None, "source_dir": "it's here", "n_files": 3, "stage_seconds": "{}"}
record_ops(db, pl.DataFrame([row]), pl.DataFrame(schema=DQ_SCHEMA))
record_ops(db, pl.DataFrame([{**row, "status": "success", "message": "no changes"}]), pl.DataFrame(schema=DQ_SCHEMA))
print("pandas" in sys.modules)
with duckdb.connect(str(ops_path(db)), read_only=True) as con:
    print(con.execute("select run_id, started_at, finished_at, status, message, source_dir, n_files, n_processed, "
                      "stage_seconds from runs").fetchall())
print(sorted(p.name for p in db.parent.iterdir()))
"""


def test_run_row_replaced_without_pandas(tmp_path):
    out = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "w.duckdb")], capture_output=True, text=True,
                         check=True, cwd=str(ROOT)).stdout.splitlines()
    assert out[0] == "False"
    assert out[1] == ("[('r1', datetime.datetime(2026, 12, 5, 1, 2, 3, 456789), None, 'success', 'no changes', "
                      "\"it's here\", 3, None, '{}')]")
    assert out[2] == "['w.duckdb.ops.duckdb', 'w.duckdb.ops.lock']"


def test_run_row_goes_as_before_where_no_file_can_be_written(tmp_path, monkeypatch):
    import datetime as dt

    import duckdb
    import polars as pl

    from flows.core.paths import ops_path
    from flows.warehouse.history import record_ops
    from flows.warehouse.validate import DQ_SCHEMA

    def full(*args, **kwargs):
        raise pl.exceptions.ComputeError("failed to write parquet: No space left on device (os error 28)")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full)
    db = tmp_path / "w.duckdb"
    row = {"run_id": "r1", "started_at": dt.datetime(2026, 12, 5), "status": "failed", "message": "full"}
    record_ops(db, pl.DataFrame([row]), pl.DataFrame(schema=DQ_SCHEMA))
    with duckdb.connect(str(ops_path(db)), read_only=True) as con:
        assert con.execute("select run_id, status, message from runs").fetchall() == [("r1", "failed", "full")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb.ops.duckdb", "w.duckdb.ops.lock"]

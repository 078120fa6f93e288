"""When a run imports Great Expectations (issue 24): early, while Prefect's server starts, for a small run into a
small or new warehouse; at validation for a run into a big warehouse, where GX would sit through resolution's peak."""

from flows.cli.run import imports_gx_early
from flows.core import config


def test_a_small_run_into_a_new_or_small_warehouse_imports_gx_early(tmp_path):
    assert imports_gx_early(100, tmp_path / "absent.duckdb")
    small = tmp_path / "small.duckdb"
    small.write_bytes(b"\0" * 1024)
    assert imports_gx_early(100, small)


def test_a_run_into_a_big_warehouse_or_a_big_run_imports_gx_at_validation(tmp_path, monkeypatch):
    monkeypatch.setattr("flows.cli.run.EARLY_GX_MAX_WAREHOUSE_MB", 1)
    big = tmp_path / "big.duckdb"
    big.write_bytes(b"\0" * (2 * 2**20))
    assert not imports_gx_early(100, big)
    assert not imports_gx_early(config.EARLY_GX_MAX_DOCS + 1, tmp_path / "absent.duckdb")

"""The load on its own: what it writes and how much memory it needs for it."""

from pathlib import Path

import duckdb
import polars as pl

from flows.extract import DOCUMENT_SCHEMA


def _documents(n: int, loaded_every: int = 1) -> pl.DataFrame:
    rows = [{"doc_id": f"d{i:05d}", "source_path": f"f{i:05d}.txt", "n_bytes": 4000, "status": "loaded"
             if i % loaded_every == 0 else "duplicate", "text": None} for i in range(n)]
    frame = pl.DataFrame(rows, schema={k: v for k, v in DOCUMENT_SCHEMA.items()
                                       if k in ("doc_id", "source_path", "n_bytes", "status", "text")})
    return frame.with_columns(run_id=pl.lit("r1"))


def test_texts_load_from_the_spool_within_the_memory_limit(tmp_path, monkeypatch):
    """40 MB of spooled text into a warehouse capped at 16 MB: the texts must stream in with their rows.
    (Written by an UPDATE, DuckDB held every new value in memory and a 300k-document run failed with
    OutOfMemory under the real 512 MB cap.) Duplicates keep no text."""
    import flows.load as load

    monkeypatch.setattr(load, "LOAD_MEMORY_LIMIT", "16MB")
    docs = _documents(10_000, loaded_every=1)
    docs = docs.with_columns(status=pl.when(pl.col("doc_id") == "d00007").then(pl.lit("duplicate"))
                             .otherwise(pl.col("status")))
    text_files = []
    for part in range(5):  # one file per batch, as the run's spool writes them
        chunk = docs.slice(part * 2000, 2000).select(
            "source_path", text=pl.format("{} ", pl.col("doc_id")) + pl.lit("x" * 4000))
        path = tmp_path / f"texts-{part:06d}.parquet"
        chunk.write_parquet(path)
        text_files.append(path)
    db = tmp_path / "w.duckdb"
    load.write_warehouse(db, docs, [], {}, docs["doc_id"].to_list(), {}, lambda con: None, text_files=text_files)
    with duckdb.connect(str(db), read_only=True) as con:
        n, with_text, total = con.execute(
            "select count(*), count(text), sum(length(text)) from documents").fetchone()
        assert n == 10_000
        assert with_text == 9_999  # the duplicate keeps none
        assert total == 9_999 * (4000 + 7)
        assert con.execute("select text from documents where doc_id = 'd04321'").fetchone()[0].startswith("d04321 x")
        assert con.execute("select text from documents where doc_id = 'd00007'").fetchone()[0] is None


def test_a_loaded_row_without_a_spooled_text_goes_in_as_it_came(tmp_path):
    import flows.load as load

    docs = _documents(3)
    path = tmp_path / "texts-000000.parquet"
    pl.DataFrame({"source_path": ["f00000.txt", "f00002.txt"], "text": ["first text", "third text"]}).write_parquet(path)
    db = tmp_path / "w.duckdb"
    load.write_warehouse(db, docs, [], {}, docs["doc_id"].to_list(), {}, lambda con: None, text_files=[path])
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.execute("select doc_id, status, text from documents order by doc_id").fetchall()
    assert got == [("d00000", "loaded", "first text"), ("d00001", "loaded", None), ("d00002", "loaded", "third text")]

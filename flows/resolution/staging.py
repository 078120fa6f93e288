"""The run's staging frames (sentences, mentions, tallies), held in memory or spooled to Parquet, read by key."""

from __future__ import annotations

import polars as pl

from flows.extraction.clean import SENTENCE_SCHEMA
from flows.extraction.events import EVENT_MENTION_SCHEMA, TALLY_SCHEMA
from flows.extraction.freed import FREED_SCHEMA
from flows.extraction.names import CANDIDATE_SCHEMA
from flows.extraction.sanction_dates import DATED_SANCTION_MENTION_SCHEMA
from flows.core.frames import take


def sliced_scans(source: pl.DataFrame | list, key: str, columns: list[str], n_slices: int, column: str = "doc_id",
                 where: pl.Expr | None = None):
    """Yield, for each of `n_slices` hash slices (as `hash_slices` cuts them), a lazy frame of the source's
    rows in that slice, in the source's order.

    A spool (Parquet files) is read once and written out again per slice, next to it, so that a slice
    reads its own rows only: filtering a scan of every file for each slice read the whole spool once per
    slice, which grows with the square of the run (300k documents: 24 slices). The slice files go when
    the last slice has been yielded. A frame is filtered in memory. `where`: only the rows it keeps.
    """
    def scan(src) -> pl.LazyFrame:
        found = scan_stage(src, key, columns)
        return found if where is None else found.filter(where)

    if n_slices <= 1:
        yield scan(source)
        return
    if isinstance(source, pl.DataFrame) or not source:
        for part in range(n_slices):
            yield take(scan(source), (pl.col(column).hash(seed=0) % n_slices) == part)
        return
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix=f"slices-{key}-", dir=Path(source[0]).parent))
    try:
        parts: list[list[Path]] = [[] for _ in range(n_slices)]
        for i, path in enumerate(source):
            rows = scan([path]).with_columns(
                _slice=(pl.col(column).hash(seed=0) % n_slices).cast(pl.Int64)).collect()
            for (part,), group in rows.partition_by("_slice", as_dict=True, maintain_order=True).items():
                out = folder / f"{i:06d}-{part:04d}.parquet"
                group.drop("_slice").write_parquet(out)
                parts[part].append(out)
            del rows
        for files in parts:
            yield scan_stage(files, key, columns)  # rows `where` kept
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def stage_schema(key: str) -> dict:
    """Column types of a staging frame, as the extractors produce it."""

    return {"name_candidates": CANDIDATE_SCHEMA, "event_mentions": EVENT_MENTION_SCHEMA,
            "sanction_mentions": DATED_SANCTION_MENTION_SCHEMA, "sentences": SENTENCE_SCHEMA,
            "tallies": TALLY_SCHEMA, "freed_names": FREED_SCHEMA}[key]


def scan_stage(source: pl.DataFrame | list, key: str, columns: list[str] | None = None,
               row_index: str | None = None) -> pl.LazyFrame:
    """A staging frame or its Parquet files (the run's spool), as one lazy frame of the extractors' types.

    `row_index`: a first column of that name numbering the rows from 0 in this order, as `with_row_index` does;
    over files, each file's reader numbers its own rows (from the rows of the files before it), so a filter on
    the frame is still pushed into the files' scans (`with_row_index` on the whole stops it there)."""
    schema = stage_schema(key)
    columns = columns or list(schema)
    if isinstance(source, pl.DataFrame):
        frame = source.lazy().select(columns)
        return frame if row_index is None else frame.with_row_index(row_index)
    if not source:
        frame = pl.LazyFrame(schema={c: schema[c] for c in columns})
        return frame if row_index is None else frame.with_row_index(row_index)
    # files copied out of an older warehouse may type a column differently: cast each to the extractor's type
    if row_index is None:
        return pl.concat([pl.scan_parquet(f).select(columns).cast({c: schema[c] for c in columns}) for f in source])
    parts, offset = [], 0
    for f in source:
        parts.append(pl.scan_parquet(f, row_index_name=row_index, row_index_offset=offset)
                     .select(row_index, *columns).cast({c: schema[c] for c in columns}))
        offset += pl.scan_parquet(f).select(pl.len()).collect().item()
    return pl.concat(parts)


def stage_source(stage: dict, key: str) -> pl.DataFrame | list:
    """A stage key's frame or Parquet files (no files when the run has none)."""
    found = stage.get(key)
    return found if found is not None else []


def without_sentence(key: str) -> list[str]:
    return [c for c in stage_schema(key) if c != "sentence"]


def stage_frame(stage: dict, key: str, columns: list[str] | None = None) -> pl.DataFrame:
    """One staging frame (or some of its columns) from memory or from the run's spool."""
    return scan_stage(stage_source(stage, key), key, columns).collect()


def n_rows(source: pl.DataFrame | list) -> int:
    if isinstance(source, pl.DataFrame):
        return source.height
    return sum(pl.scan_parquet(f).select(pl.len()).collect().item() for f in source)


def sentence_lookup(frame: pl.DataFrame | list, key: str = "event_mentions"):
    """sentences_at(keys) over a frame or files holding (doc_id, char_start, sentence)."""
    def sentences_at(keys: pl.DataFrame) -> pl.DataFrame:
        return (scan_stage(frame, key, ["doc_id", "char_start", "sentence"])
                .join(keys.lazy().unique(), on=["doc_id", "char_start"], how="semi")
                .unique(["doc_id", "char_start"], keep="first")  # one sentence per start: any row says it
                .collect())
    return sentences_at

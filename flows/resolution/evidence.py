"""Evidence quotes: each fact's evidence rows get the sentence that states it, slice by slice."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from flows.core.frames import hash_slices, split
from flows.resolution.staging import sliced_scans, stage_source

# rows of evidence given their quotes at once (see quote_evidence)
QUOTE_SLICE_ROWS = 300_000


def quote_evidence(evidence: pl.DataFrame, stage: dict, folder, slice_rows: int = QUOTE_SLICE_ROWS) -> list:
    """Evidence with every quote, written to Parquet files in `folder` slice by slice.

    Events and sanctions are resolved without their sentences; an evidence row without a quote
    takes the sentence of the staging row found at its span. Documents are taken in hash slices,
    so only one slice's sentences are in memory at a time. A span that no staging row has gets an
    empty quote, which the "quote equals document text" check then fails.
    """
    files = []
    keys = ["doc_id", "char_start", "char_end"]
    # rows that come quoted (people's surface; an incremental run's stored evidence) are written as they are,
    # and only the documents of the others are read from the staging rows
    quoted = evidence.filter(pl.col("quote").is_not_null())
    if quoted.height:
        path = Path(folder) / "evidence-quoted.parquet"
        quoted.write_parquet(path)
        files.append(path)
        evidence = evidence.filter(pl.col("quote").is_null())
    del quoted
    if evidence.is_empty():
        return files
    docs = evidence["doc_id"].unique().implode()
    slices = hash_slices(evidence.height, slice_rows)
    events, sanctions = (sliced_scans(stage_source(stage, key), key, keys + ["sentence"], len(slices),
                                      where=pl.col("doc_id").is_in(docs))
                         for key in ("event_mentions", "sanction_mentions"))
    try:
        for part, (rows, said_events, said_sanctions) in enumerate(zip(split(evidence, len(slices)), events, sanctions)):
            # one sentence per span: any row says it
            said = pl.concat([said_events, said_sanctions]).unique(keys, keep="first").collect()
            rows = rows.join(said, on=keys, how="left").with_columns(
                quote=pl.coalesce("quote", "sentence", pl.lit(""))).drop("sentence")
            path = Path(folder) / f"evidence-{part:04d}.parquet"
            rows.write_parquet(path)
            files.append(path)
    finally:
        events.close()  # their slice files go now
        sanctions.close()
    return files

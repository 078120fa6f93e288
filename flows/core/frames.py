"""Frames cut into hash slices, so a stage holds one slice of a large frame at a time (bounded memory).
"""

from __future__ import annotations

import polars as pl


def hash_slices(n_rows: int, slice_rows: int, column: str = "doc_id") -> list[pl.Expr | None]:
    """Filters that cut rows into slices of about `slice_rows` by a hash of `column`, so that all rows of
    one document (or cluster) share a slice; [None] when one slice holds them all (see `take`)."""
    n = max(1, -(-n_rows // max(1, slice_rows)))
    return [None] if n == 1 else [(pl.col(column).hash(seed=0) % n) == part for part in range(n)]


def take(frame, in_slice: pl.Expr | None):
    """The rows of a frame (eager or lazy) in one slice of `hash_slices`."""
    return frame if in_slice is None else frame.filter(in_slice)


def split(frame: pl.DataFrame, n_slices: int, column: str = "doc_id"):
    """Yield the rows of an eager frame in each of the `n_slices` slices `hash_slices` cuts, in order:
    the column is hashed once, not once per slice (hashing a string column was most of a slice's cost)."""
    if n_slices <= 1:
        yield frame
        return
    part_of = frame[column].hash(seed=0) % n_slices
    for part in range(n_slices):
        yield frame.filter(part_of == part)

"""Print one line per warehouse table: row count and a digest of its rows (issue 21's "same warehouse" check).

    python scripts/table_digest.py WAREHOUSE.duckdb > digest.txt

Columns that differ between two runs of the same input by design are left out of the digest: the
run history tables (`runs`, `dq_results`), timestamps of when a run happened, and run ids. Two
warehouses built from the same documents by two versions of the code have the same digests when
the code's behaviour is the same.
"""

from __future__ import annotations

import hashlib
import sys

import duckdb

SKIP_TABLES = {"runs", "dq_results"}
SKIP_COLUMNS = {"run_id", "loaded_at", "first_run_id", "last_run_id", "extracted_at", "updated_at", "created_at"}


def digests(db: str) -> list[tuple[str, int, str]]:
    con = duckdb.connect(db, read_only=True)
    out = []
    tables = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_type = 'BASE TABLE' order by 1").fetchall()]
    for t in tables:
        if t in SKIP_TABLES:
            continue
        cols = [(c, ty) for c, ty in con.execute(
            "select column_name, data_type from information_schema.columns where table_name = ? order by ordinal_position",
            [t]).fetchall()]
        keep = [c for c, ty in cols if c not in SKIP_COLUMNS and not ty.startswith("TIMESTAMP")]
        sel = ", ".join(f'"{c}"::varchar' for c in keep)
        rows = con.execute(f'select {sel} from "{t}"').fetchall()
        lines = sorted("\x1f".join("\x00" if v is None else v for v in r) for r in rows)
        h = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
        out.append((t, len(rows), h))
    return out


if __name__ == "__main__":
    for t, n, h in digests(sys.argv[1]):
        print(f"{t:28} {n:8} {h}")

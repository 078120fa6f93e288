"""Dossier: news texts -> a DuckDB warehouse of people, events and sanctions."""

import os

# polars allocates with jemalloc, which by default keeps freed pages for ~10 s before giving them back.
# Resolve builds and drops frames of millions of rows one after another, so those pages pile up: giving
# them back at once cut the resolve peak of a 100k-document run by ~250 MB (resident 1.7 GB -> 1.3 GB
# after it) for ~5% more resolve time. jemalloc reads this when polars loads, so it must be set before
# the first `import polars` (running `dossier` or `python -m flows` does that); a value the user set wins.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

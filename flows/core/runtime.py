"""Every performance lever of the process, in one place, each with what it saves.

| lever | where it is pulled | what it saves (measured, see docs/scaling.md) |
|---|---|---|
| `configure_allocator` (jemalloc returns freed pages at once) | `import flows` | ~250 MB of resolve peak at 100k documents, for ~5% more resolve time |
| `frozen_imports` (no cyclic collection while Prefect/GX import) | the CLI's run, the Prefect server child | ~0.5 s of CPU per process start; time to a healthy server 5.9-6.7 -> 4.4-5.6 s |
| `frozen_heap` (long-lived objects out of the collector's walks) | the flow, each extracting worker | 0.8-1.1 s of a worker's 6-7.5 s per 2,000-document batch |
| `paused_collector` (no automatic collection while extracting) | `extract_facts` | ~0.5 s of ~9.5 s CPU per 1,500 documents (session 12) |
| `collect_batch` (one collection per extracted batch) | the flow, after spooling a batch | the parent growing by ~1.2 GB over 25 batches at 100k documents |
| `freeze_at_exit` (no last full collection) | `dossier` as a program | 0.3-0.4 s of wall time after a run |

Python's collector walks every tracked object of the oldest generation on each full collection. A
process that imported Prefect, polars and Great Expectations holds ~390k of them, and an extracting
worker adds its lexicons and caches: walking them again and again is what the gc levers avoid.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading

_frozen_depth = 0
_frozen_lock = threading.Lock()


@contextlib.contextmanager
def frozen_heap():
    """Keep the objects alive on entry out of the cyclic collector's walks until exit (`gc.freeze`).

    Long-lived objects (imported modules, the lexicons, the extractors' caches) are most of a process's
    heap, and every full collection walked them again. They are still freed by reference counting
    when released; a cycle among them waits for the first full collection after exit. Re-entrant
    across threads (the flow holds it while batch tasks on its threads enter and leave it):
    the heap is unfrozen when the last holder leaves."""
    global _frozen_depth
    with _frozen_lock:
        if _frozen_depth == 0:
            gc.freeze()
        _frozen_depth += 1
    try:
        yield
    finally:
        with _frozen_lock:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.unfreeze()


_paused_depth = 0
_paused_was_enabled = False


@contextlib.contextmanager
def paused_collector():
    """No automatic cyclic collection while a block runs; the collector is on again when the last holder leaves
    (if it was on at the first entry).

    Extraction allocates millions of short-lived containers (matches, tuples, rows) and almost no reference
    cycles (~300 cyclic objects over 1,483 documents, found by the first collection after the block): the
    ~1,100 young, ~100 middle and ~8 full collections made on the way cost ~0.5 s of ~9.5 s of its CPU
    (session 12). Reference counting still frees everything else at once. Re-entrant across threads."""
    global _paused_depth, _paused_was_enabled
    with _frozen_lock:
        if _paused_depth == 0:
            _paused_was_enabled = gc.isenabled()
            gc.disable()
        _paused_depth += 1
    try:
        yield
    finally:
        with _frozen_lock:
            _paused_depth -= 1
            if _paused_depth == 0 and _paused_was_enabled:
                gc.enable()


@contextlib.contextmanager
def frozen_imports():
    """Run a block of imports with the collector off, then freeze what they made.

    Imports make hundreds of thousands of objects and almost no garbage, but each automatic full
    collection on the way walked every object made so far (~0.7 s of the CLI's start, ~0.5 s of the
    Prefect server's). A `frozen_heap` entered later unfreezes these too when its last holder leaves."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def configure_allocator() -> None:
    """polars allocates with jemalloc, which by default keeps freed pages for ~10 s before giving them back.

    Resolve builds and drops frames of millions of rows one after another, so those pages pile up: giving
    them back at once cut the resolve peak of a 100k-document run by ~250 MB (resident 1.7 GB -> 1.3 GB
    after it) for ~5% more resolve time. jemalloc reads this when polars loads, so it must be set before
    the first `import polars` (`import flows` does it); a value the user set wins."""
    os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")


def collect_batch() -> None:
    """One collection after each extracted batch is spooled.

    A batch that came back from a worker process is held by reference cycles of Prefect's future and
    state objects: without a collection per batch they pile up until the next full one (the parent grew
    by ~1.2 GB over 25 batches at 100k); the heap being frozen, it looks only at what the run made."""
    gc.collect()


def freeze_at_exit() -> None:
    """The process ends now: no last full collection walking every object (~400k after a flow run,
    0.3-0.4 s of its wall time)."""
    gc.freeze()

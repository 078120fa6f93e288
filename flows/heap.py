"""The cyclic garbage collector, kept off the objects a process holds for its whole life.

Python's collector walks every tracked object of the oldest generation on each full collection. A
process that imported Prefect, polars and Great Expectations holds ~390k of them, and an extracting
worker adds its lexicons and caches: walking them again and again cost 0.8-1.1 s of a worker's
6-7.5 s per 2,000-document batch, and 0.25-0.4 s per batch in the flow's own collections.
"""

from __future__ import annotations

import contextlib
import gc
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

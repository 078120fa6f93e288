"""The flow keeps long-lived objects out of the cyclic collector's walks while it runs (flows.core.runtime)."""

import gc
import threading

from flows.core.runtime import frozen_heap, frozen_imports


def test_frozen_heap_freezes_until_the_last_holder_leaves():
    gc.unfreeze()  # whatever an earlier test left frozen
    long_lived = [[] for _ in range(1000)]
    entered, leave = threading.Event(), threading.Event()

    def batch_task():
        with frozen_heap():
            entered.set()
            leave.wait(10)

    with frozen_heap():
        frozen = gc.get_freeze_count()
        assert frozen >= len(long_lived)
        worker = threading.Thread(target=batch_task)
        worker.start()
        entered.wait(10)
        leave.set()
        worker.join(10)
        # the task thread left first: the flow still holds the heap frozen (not `>= frozen`: a frozen object
        # that another thread frees, e.g. a log record Prefect's log worker has sent, leaves the count)
        assert gc.get_freeze_count() >= len(long_lived)
    assert gc.get_freeze_count() == 0


def test_cycles_made_while_frozen_are_still_collected():
    class Node:
        pass

    with frozen_heap():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2


def test_frozen_imports_runs_no_collection_and_freezes_what_it_made():
    gc.unfreeze()
    collections = []
    gc.callbacks.append(lambda phase, info: collections.append(phase))
    try:
        with frozen_imports():
            assert not gc.isenabled()
            made = [[] for _ in range(50_000)]  # well past the youngest generation's threshold
        assert collections == []
        assert gc.isenabled() and gc.get_freeze_count() >= len(made)
    finally:
        gc.callbacks.pop()
        gc.unfreeze()

"""The flow keeps long-lived objects out of the cyclic collector's walks while it runs (flows.core.runtime)."""

import gc
import threading

from flows.core.runtime import frozen_heap, frozen_imports, paused_collector


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


def test_paused_collector_runs_no_collection_and_is_on_again_when_the_last_holder_leaves():
    class Node:
        pass

    collections = []
    gc.callbacks.append(lambda phase, info: collections.append(phase))
    entered, leave = threading.Event(), threading.Event()

    def batch_task():
        with paused_collector():
            entered.set()
            leave.wait(10)

    try:
        with paused_collector():
            worker = threading.Thread(target=batch_task)
            worker.start()
            entered.wait(10)
            a, b = Node(), Node()
            a.other, b.other = b, a
            del a, b
            made = [[] for _ in range(50_000)]  # well past the youngest generation's threshold
            assert not gc.isenabled() and collections == []
        assert not gc.isenabled()  # the task thread still holds it paused
        leave.set()
        worker.join(10)
        assert gc.isenabled() and len(made) == 50_000
        assert gc.collect() >= 2  # the cycle made while paused is found after
    finally:
        gc.callbacks.pop()
        gc.enable()
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()  # off on entry: left off
    gc.enable()

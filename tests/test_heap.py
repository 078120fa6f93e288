"""The flow keeps long-lived objects out of the cyclic collector's walks while it runs (flows.flow.frozen_heap)."""

import gc
import threading

from flows.heap import frozen_heap


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
        # the task thread left first: the flow still holds the heap frozen
        assert gc.get_freeze_count() >= frozen
    assert gc.get_freeze_count() == 0


def test_cycles_made_while_frozen_are_still_collected():
    class Node:
        pass

    with frozen_heap():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2

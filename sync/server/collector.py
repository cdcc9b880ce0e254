"""Python's cycle collector paused while HQ applies a push batch.

A 5,000-form batch is tens of thousands of fresh containers (the decoded entries, the checked
values, the rows and their parameters), all alive until the batch commits: each allocation
burst set off collections that walked them and every module's objects again, a quarter of
HQ's CPU on a 26,300-form push (docs/sync.md "The push"). None of them forms a cycle:
reference counting frees them when the batch is done; a cycle made meanwhile (by a pull on
another thread) is collected after.

The collector is the whole process's and HQ serves requests on several threads, so the pause is
counted: it ends when the last batch being applied ends, and only if the collector was on when
the first began. Only a process that serves HQ and nothing else pauses it (`serve` and the
workers' app factory call `pause_during_pushes`): a process that also runs Qt (the tests, with
an HQ in a thread beside the windows) keeps its collector as it is, since a collection delayed
and then started on HQ's thread could free Qt objects there (the window never pauses it).
"""

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_holders = 0
_resume = False
_pausing = False  # set by the processes that only serve HQ


def pause_during_pushes() -> None:
    """This process serves HQ and runs no Qt: pause the collector while batches are applied."""
    global _pausing
    _pausing = True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    global _holders, _resume
    if not _pausing:
        yield
        return
    with _lock:
        if _holders == 0:
            _resume = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _resume:
                gc.enable()

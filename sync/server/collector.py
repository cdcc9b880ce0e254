"""Python's cycle collector paused, and the GIL handed over sooner, while HQ applies a push batch.

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

For the same span the interpreter's switch interval is SWITCH_INTERVAL instead of its 5 ms. A
batch's insert leaves the GIL at each row SQLite steps and takes it back for the next row's
values; when the event loop's thread held it meanwhile (the next batch's body coming in, a
pull), the insert waited up to the whole interval for it, row after row (an insert beside a
busy thread was never faster than the two one after the other: docs/sync.md, "The 26,300-form
push"). The interval is the process's: it is set back when the last batch being applied ends.
"""

import contextlib
import gc
import sys
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_holders = 0
_resume = False
_pausing = False  # set by the processes that only serve HQ
_interval = 0.005  # the switch interval before the first batch began
# Seconds a thread holding the GIL keeps it while another asks for it, during a batch.
SWITCH_INTERVAL = 0.0005


def pause_during_pushes() -> None:
    """This process serves HQ and runs no Qt: pause the collector while batches are applied."""
    global _pausing
    _pausing = True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    global _holders, _resume, _interval
    if not _pausing:
        yield
        return
    with _lock:
        if _holders == 0:
            _resume = gc.isenabled()
            gc.disable()
            _interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_interval, SWITCH_INTERVAL))
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                sys.setswitchinterval(_interval)
                if _resume:
                    gc.enable()

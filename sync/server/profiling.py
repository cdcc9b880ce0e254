"""Where one HQ worker's CPU goes under load, for `bench/hq_capacity.py --profile` (issue 18 §3).

With FIELDINSPECT_HQ_PROFILE=<folder> in a worker's environment (the bench sets it when asked;
nothing else does), every thread of the worker runs under a cProfile of its own, timed in the
thread's CPU time (the event loop's and the database threads', each enabled at the thread's
first call), and every two
seconds the worker writes all of them, merged, to `<folder>/hq-<pid>.prof` (pstats format), so
a worker stopped in any way leaves its profile behind. Off, nothing is installed. Function
timings under cProfile run slower than without it: read the profile for shares, and measure
figures with it off.
"""

import cProfile
import os
import threading
import time
from pathlib import Path

from sync.server.settings import server_settings

_PROFILES: list[cProfile.Profile] = []
_LOCK = threading.Lock()


def folder() -> Path | None:
    return server_settings().hq_profile


def _start_here() -> None:
    profile = cProfile.Profile(time.thread_time)  # CPU, not the waits on PostgreSQL
    with _LOCK:
        _PROFILES.append(profile)
    profile.enable()  # replaces the Python-level hook below with cProfile's, in this thread


def _first_call(_frame, _event, _arg) -> None:
    _start_here()


def install(out: Path) -> None:
    """Profile this thread and every thread started from now on; write the merged profile
    to `out/hq-<pid>.prof` every two seconds."""
    import pstats

    threading.setprofile(_first_call)
    _start_here()
    target = out / f"hq-{os.getpid()}.prof"

    def write() -> None:
        while True:
            threading.Event().wait(2.0)
            with _LOCK:
                profiles = list(_PROFILES)
            stats = None
            for profile in profiles:
                try:
                    profile.snapshot_stats()
                except Exception:  # noqa: BLE001 - a thread mid-call: next time
                    continue
                if not profile.stats:
                    continue
                if stats is None:
                    stats = pstats.Stats(profile)
                else:
                    stats.add(profile)
            if stats is not None:
                stats.dump_stats(str(target) + ".part")
                os.replace(str(target) + ".part", target)

    threading.Thread(target=write, name="hq-profile", daemon=True).start()

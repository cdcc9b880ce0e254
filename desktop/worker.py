"""The window's two lanes for work off its thread (desktop/operations.py runs ops on them).

The database lane is one thread: SQLite has one writer and sessions never cross threads, so
every store call of the window runs here, in submission order, and comes back as plain objects
(the sync engine's store work too: `Session.sync_engine` hands it this lane). Work that needs no
store (rendering a PDF, scrubbing text, waiting for HQ) goes to the background lane, a small
pool, so it never holds the store while an unlock or a list page waits for it."""

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a finished job from the worker thread to the GUI thread (queued connection)."""

    finished = Signal(int, object, object)  # callback token, result, error


class DbWorker:
    """`submit(fn, on_done)` for callbacks (table models), `await run(fn)` for controllers."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldinspect-db")
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.busy_ms = 0.0
        # Callbacks stay on the GUI thread, looked up by token: the worker thread never holds
        # the last reference to a callback (and so to the widget or model it is bound to),
        # which would destroy a Qt object on the wrong thread.
        self._callbacks: dict[int, Callable[[Any, BaseException | None], None]] = {}
        self._tokens = itertools.count(1)

    def submit(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[[Any, BaseException | None], None] | None = None) -> Future:
        future = self._pool.submit(self._timed, fn, *args)
        if on_done is not None:
            token = next(self._tokens)
            self._callbacks[token] = on_done
            relay = self._relay
            future.add_done_callback(lambda f: relay.finished.emit(token, *_outcome(f)))
        return future

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run `fn(*args)` on the database thread; the awaiting coroutine gets its result."""
        return await asyncio.wrap_future(self._pool.submit(self._timed, fn, *args))

    def call_blocking(self, fn: Callable[..., Any], *args: Any) -> Any:
        """For start-up and tests only: wait for the worker without an event loop."""
        return self._pool.submit(self._timed, fn, *args).result()

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The lane's one thread, for code that takes an executor (the sync engine)."""
        return self._pool

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _timed(self, fn: Callable[..., Any], *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.busy_ms += (time.perf_counter() - start) * 1000

    def _deliver(self, token: int, result, error) -> None:
        callback = self._callbacks.pop(token, None)
        if callback is None:
            return
        try:
            callback(result, error)
        except Exception:  # a broken view must not take the worker relay down
            log.exception("callback of a database job failed")


def _outcome(future: Future) -> tuple[Any, BaseException | None]:
    if future.cancelled():
        return None, asyncio.CancelledError()
    error = future.exception()
    return (None, error) if error else (future.result(), None)


# Two threads: one renders while the other waits for HQ; more would only fight the GUI thread
# for the GIL on the two-core laptops the offices use.
BACKGROUND_THREADS = 2
_background: ThreadPoolExecutor | None = None


def background_lane() -> ThreadPoolExecutor:
    """The process's pool for work that needs no store (made on first use; an idle thread
    costs nothing)."""
    global _background
    if _background is None:
        _background = ThreadPoolExecutor(max_workers=BACKGROUND_THREADS,
                                         thread_name_prefix="fieldinspect-bg")
    return _background


async def run_in_background(fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)` on the background lane; never give it the store or a connection."""
    return await asyncio.wrap_future(background_lane().submit(fn, *args))

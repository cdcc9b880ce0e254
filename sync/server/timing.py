"""Where a request's time goes inside one HQ worker, for `bench/hq_capacity.py` (issue 18 §3).

With FIELDINSPECT_HQ_TIMING=1 in a worker's environment (the bench sets it; nothing else
does), every answer carries one more header, `x-hq-timing: <pid> <µs> <gc count> <gc µs>
<inside>`: the worker's process id, the microseconds from the ASGI call to the answer's start
(its status and headers; a one-record round's body follows at once), the worker's collector
pauses so far (how many, their total) and how many requests were already in the worker at the
call. The bench prints the server's own p95 next to the one its clients saw, per worker: a
tail the server does not see is queueing before the app (the kernel, uvicorn's loop) or the
load generator itself. Off, nothing is wrapped.
"""

import gc
import os
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.server.settings import server_settings

HEADER = b"x-hq-timing"


def enabled() -> bool:
    return server_settings().hq_timing


class _Collector:
    """The collector's pauses in this process (gc.callbacks)."""

    count = 0
    total = 0.0
    _started = 0.0

    @classmethod
    def watch(cls, phase: str, _info: dict) -> None:
        if phase == "start":
            cls._started = time.perf_counter()
        else:
            cls.count += 1
            cls.total += time.perf_counter() - cls._started


def timed(app: ASGIApp) -> ASGIApp:
    if _Collector.watch not in gc.callbacks:
        gc.callbacks.append(_Collector.watch)
    pid = os.getpid()
    inside = 0

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal inside
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        t0 = time.perf_counter()
        waiting = inside
        inside += 1

        async def send_timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = int((time.perf_counter() - t0) * 1e6)
                value = (f"{pid} {took} {_Collector.count} {int(_Collector.total * 1e6)} "
                         f"{waiting}").encode()
                message = {**message, "headers": [*message.get("headers", []),
                                                  (HEADER, value)]}
            await send(message)

        try:
            await app(scope, receive, send_timed)
        finally:
            inside -= 1
    return wrapped

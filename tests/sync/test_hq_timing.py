"""HQ's own time per request for `bench/hq_capacity.py` (sync/server/timing.py): only when
FIELDINSPECT_HQ_TIMING=1 is set for the worker, one header more; otherwise the app is as is."""

import asyncio
import os

from sync.server import timing


async def _answer(app) -> list[tuple[bytes, bytes]]:
    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"a", b"b")]})
        await send({"type": "http.response.body", "body": b"{}"})

    seen = []

    async def send(message):
        if message["type"] == "http.response.start":
            seen.extend(message["headers"])
    await app(inner)({"type": "http"}, None, send)
    return seen


def test_each_answer_names_its_worker_and_time_when_asked(monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_HQ_TIMING", "1")
    assert timing.enabled()
    headers = dict(asyncio.run(_answer(timing.timed)))
    pid, took, gcs, gc_us, inside = headers[timing.HEADER].split()
    assert int(pid) == os.getpid() and int(took) >= 0 and int(inside) == 0
    assert headers[b"a"] == b"b"  # the app's own headers untouched


def test_no_timing_unless_asked(monkeypatch):
    monkeypatch.delenv("FIELDINSPECT_HQ_TIMING", raising=False)
    assert not timing.enabled()

"""What a large push costs HQ beyond the insert (issue 18 §2), with every check still made."""

import asyncio
import gc
import threading

import httpx

from models.records import Evaluation
from sync.client import engine as engine_module
from sync.server import collector, push
from sync.server.collector import collector_paused
from tests.sync.helpers import form, seed_reference


def test_a_push_batch_is_applied_without_cycle_collections(hq, monkeypatch):
    """The batch's thousands of rows set off no collection while HQ applies them (they walked
    every live object again, a quarter of HQ's CPU), and the collector is on again after."""
    monkeypatch.setattr(collector, "_pausing", True)  # as `serve` sets it
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"G-{i}") for i in range(3000)])
    runs, applying = [], []
    apply_entries = push.apply_entries

    def watched(*args):
        applying.append(True)
        try:
            return apply_entries(*args)
        finally:
            applying.pop()

    def seen(phase, _info):
        if phase == "start" and applying:
            runs.append(threading.current_thread().name)

    monkeypatch.setattr(push, "apply_entries", watched)

    gc.collect()
    gc.callbacks.append(seen)
    try:
        laptop.sync()
    finally:
        gc.callbacks.remove(seen)
    assert len(hq.rows("evaluation")) == 3000
    assert runs == [] and gc.isenabled()


def test_a_process_that_is_not_only_hq_keeps_its_collector(monkeypatch):
    """Tests run HQ in a thread beside Qt windows: there the collector is never paused."""
    monkeypatch.setattr(collector, "_pausing", False)
    with collector_paused():
        assert gc.isenabled()


def test_serve_pauses_the_collector_during_pushes(monkeypatch, tmp_path):
    from sync.server import serve

    monkeypatch.setattr(collector, "_pausing", False)
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: None)
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", "serve-passphrase")
    serve.run(tmp_path, None, "127.0.0.1", 0)
    assert collector._pausing


def test_the_pause_is_counted_and_keeps_a_collector_left_off(monkeypatch):
    monkeypatch.setattr(collector, "_holders", 0)
    monkeypatch.setattr(collector, "_pausing", True)
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # another batch is still being applied
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()


class _Watching(httpx.AsyncBaseTransport):
    """Holds each push until HQ's answer to the batch before has begun to be stored (at most
    a few seconds), and notes how many had begun when it went."""

    def __init__(self, inner: httpx.AsyncBaseTransport, settled: list, seen: list):
        self.inner, self.settled, self.seen = inner, settled, seen

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/push":
            wanted = len(self.seen)  # the answers to every batch before this one
            for _ in range(300):
                if len(self.settled) >= wanted:
                    break
                await asyncio.sleep(0.01)
            self.seen.append(len(self.settled))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_hq_answer_to_a_batch_is_stored_while_the_next_is_pushed(hq, monkeypatch):
    """The device stores HQ's answer to batch k while batch k+1 is on its way and applied, not
    in between (HQ waited for it), and every entry is pushed once and pruned."""
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"S-{i}") for i in range(8)])
    settled, seen = [], []
    store = engine_module.settle

    def noted(*args):
        settled.append(1)
        return store(*args)

    monkeypatch.setattr(engine_module, "settle", noted)
    laptop.engine.transport = _Watching(laptop.engine.transport, settled, seen)
    laptop.engine.batch_entries = 2
    report = laptop.sync()
    assert seen == [0, 1, 2, 3]  # batch k went with the answer to batch k-1 being stored
    assert report.pushed == 8 and len(hq.rows("evaluation")) == 8
    with laptop.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0

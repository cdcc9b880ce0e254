"""What a large push costs HQ beyond the insert (issue 18 §2), with every check still made."""

import asyncio
import gc
import threading

import httpx
import orjson
import pytest

from models.records import Evaluation
from sync.client import engine as engine_module
from sync.server import collector, push
from sync.server.collector import collector_paused
from tests.sync.helpers import form, seed_reference

# Each test asserts what HQ does to the collector, which is on in a process that only serves HQ.
pytestmark = pytest.mark.usefixtures("cycle_collector_on")


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

    _sync_watching_collections(laptop, seen)
    assert len(hq.rows("evaluation")) == 3000
    assert runs == [] and gc.isenabled()


def test_no_cycle_collection_from_a_push_bodys_decoding_to_its_answer(hq, monkeypatch):
    """The collector stays paused until the batch's decoded entries are freed: resumed while
    they were alive (after the apply, before the answer), it walked them all at every batch."""
    from sync.server import routes

    monkeypatch.setattr(collector, "_pausing", True)  # as `serve` sets it
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"D-{i}") for i in range(3000)])
    runs, serving = [], []
    handle = routes._push_answer

    async def watched(*args):
        serving.append(True)
        try:
            return await handle(*args)
        finally:
            serving.pop()

    def seen(phase, info):
        if phase == "start" and serving:
            runs.append(info["generation"])

    monkeypatch.setattr(routes, "_push_answer", watched)
    _sync_watching_collections(laptop, seen)
    assert len(hq.rows("evaluation")) == 3000
    assert runs == [] and gc.isenabled()


def _sync_watching_collections(laptop, seen) -> None:
    """The laptop's sync with `seen` told of every collection started meanwhile."""
    gc.collect()
    gc.callbacks.append(seen)
    try:
        laptop.sync()
    finally:
        gc.callbacks.remove(seen)


def test_a_batch_is_applied_with_the_gil_handed_over_sooner_and_the_interval_set_back(
        hq, monkeypatch):
    """While HQ applies a batch its insert takes the GIL back at every row: another thread
    holding it (the next body coming in) keeps it at most SWITCH_INTERVAL, not Python's 5 ms;
    the process's interval is as it was once the push is answered."""
    import sys

    from sync.server import routes

    monkeypatch.setattr(collector, "_pausing", True)  # as `serve` sets it
    monkeypatch.setattr(collector, "_holders", 0)
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"G-{i}") for i in range(1200)])
    before, seen = sys.getswitchinterval(), []
    applied = routes.push_batch

    def watched(*args):
        seen.append(sys.getswitchinterval())
        return applied(*args)

    monkeypatch.setattr(routes, "push_batch", watched)
    laptop.sync()
    assert len(hq.rows("evaluation")) == 1200
    assert seen and max(seen) <= collector.SWITCH_INTERVAL < before
    assert sys.getswitchinterval() == before


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


class _Pipelined(httpx.AsyncBaseTransport):
    """Notes, at each batch's first sending, which batches' answers (HQ took them) the device
    had received; hands such an answer back only once a later batch has been sent (at most a
    few seconds; at once when all `batches` were), so the order does not hang on the load."""

    def __init__(self, inner: httpx.AsyncBaseTransport, batches: int):
        self.inner, self.batches = inner, batches
        self.sent: dict[int, set[int]] = {}  # a batch's first sequence -> answers received
        self.received: set[int] = set()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/v1/push":
            return await self.inner.handle_async_request(request)
        first = orjson.loads(request.content)["entries"][0]["seq"]
        self.sent.setdefault(first, set(self.received))
        response = await self.inner.handle_async_request(request)
        await response.aread()
        if response.status_code == 200:
            for _ in range(300):
                if len(self.sent) >= self.batches or max(self.sent) > first:
                    break
                await asyncio.sleep(0.01)
            self.received.add(first)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_each_batch_is_sent_before_hq_answers_the_one_before(hq, monkeypatch):
    """Pipelined push: from the round's second answer on, batch k+1 is on its way while HQ
    applies batch k, and HQ's answer to each batch is stored while the next is in flight; every
    entry is pushed once and pruned, and a batch that overtook the one before at HQ (409
    `sequence_gap`, nothing applied) went again after it."""
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"S-{i}") for i in range(8)])
    settled = []
    store = engine_module.settle

    def noted(*args):
        settled.append(1)
        return store(*args)

    monkeypatch.setattr(engine_module, "settle", noted)
    watching = _Pipelined(laptop.engine.transport, batches=4)
    laptop.engine.transport = watching
    laptop.engine.batch_entries = 2
    report = laptop.sync()
    firsts = sorted(watching.sent)
    assert len(firsts) == 4
    assert firsts[0] in watching.sent[firsts[1]]  # the round's first answer came first
    for before, batch in zip(firsts[1:], firsts[2:], strict=False):
        assert before not in watching.sent[batch]  # sent before the answer to the one before
    assert len(settled) == 3  # the fourth answer was stored with the first pull page
    assert report.pushed == 8 and len(hq.rows("evaluation")) == 8
    with laptop.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


class _FirstHeldBack(httpx.AsyncBaseTransport):
    """Holds the round's first push back until a later one has reached HQ (at most a few
    seconds), as a slow first connection would on a real network."""

    def __init__(self, inner: httpx.AsyncBaseTransport):
        self.inner, self.firsts = inner, []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/push":
            self.firsts.append(orjson.loads(request.content)["entries"][0]["seq"])
            if len(self.firsts) == 1:
                for _ in range(200):
                    if len(self.firsts) > 1:
                        break
                    await asyncio.sleep(0.01)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_a_new_devices_first_batch_held_back_on_the_way_loses_nothing(hq):
    """A device that never pushed: HQ holds no sequence for it, so a second batch reaching HQ
    before the first would be taken as the start of its queue and the first then answered as
    a replay without being applied (forms pruned on the device, never at HQ). Every form
    reaches HQ once and the outbox empties."""
    laptop = hq.device("office")
    ids = seed_reference(laptop)  # not pushed yet: the first push of this device is below
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"N-{i}") for i in range(9)])
    laptop.engine.transport = _FirstHeldBack(laptop.engine.transport)
    laptop.engine.batch_entries = 4
    report = laptop.sync()
    assert report.pushed == 12
    assert sorted(r["form_no"] for r in hq.rows("evaluation").values()) == sorted(
        f"N-{i}" for i in range(9))
    with laptop.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


class _Counting(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport):
        self.inner, self.sizes = inner, []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/push":
            self.sizes.append(len(orjson.loads(request.content)["entries"]))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_a_big_push_starts_with_a_small_batch_so_the_pipeline_starts_soon(hq, monkeypatch):
    """The round's first batch goes alone (HQ answers it before the next goes): it is small,
    and the batches after it are full; every form arrives once."""
    monkeypatch.setattr(engine_module, "FIRST_BATCH_ENTRIES", 5)
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"F-{i}") for i in range(25)])
    counting = _Counting(laptop.engine.transport)
    laptop.engine.transport = counting
    laptop.engine.batch_entries = 10
    report = laptop.sync()
    # a batch that overtook the one before at HQ goes again (409 `sequence_gap`)
    assert counting.sizes[0] == 5 and set(counting.sizes[1:]) == {10}
    assert report.pushed == 25 and len(hq.rows("evaluation")) == 25
    one = _Counting(laptop.engine.transport)
    laptop.engine.transport = one
    with laptop.write() as w:
        w.create(Evaluation, form(ids, "ONE"))
    laptop.sync()
    assert one.sizes == [1]  # a one-record round: one batch, as before


def test_hq_applies_a_pipelined_batch_only_after_the_one_it_follows(hq):
    """A device that never pushed has no sequence at HQ: a batch naming the entry it follows
    (sent before HQ answered that one) is refused, changing nothing, until HQ holds it; then
    both are applied, each once."""
    from sync.server.errors import ClientError
    from sync.server.push import push_batch
    from tests.sync.test_push_side_by_side import _entry

    boss = hq.device("hq")
    ids = seed_reference(boss)
    boss.sync()
    laptop = hq.device("office")
    who = hq.identity(laptop)
    first = [_entry(ids, 1, "P-1"), _entry(ids, 2, "P-2")]
    second = [_entry(ids, 3, "P-3"), _entry(ids, 4, "P-4")]
    try:
        push_batch(hq.db, who, second, follows=2)
    except ClientError as exc:
        assert exc.status == 409 and exc.code == "sequence_gap"
    else:
        raise AssertionError("a batch that overtook the one it follows was applied")
    assert hq.rows("evaluation") == {}
    assert push_batch(hq.db, who, first).acked_through == 2
    assert push_batch(hq.db, who, second, follows=2).acked_through == 4
    assert sorted(r["form_no"] for r in hq.rows("evaluation").values()) == [
        "P-1", "P-2", "P-3", "P-4"]

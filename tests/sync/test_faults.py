"""Cuts, replays, retries: a sync cut at any point loses nothing and doubles nothing."""

import random

import httpx
import orjson
import pytest
import sqlalchemy as sa

from models.errors import SyncError
from models.records import Evaluation
from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import tables as T
from tests.sync.helpers import FAST_RETRY, cut_at_a_random_byte, form, run, seed_reference


def _forms(dev, ids, n, prefix):
    with dev.write() as w:
        w.create_many(Evaluation, [form(ids, f"{prefix}{i}") for i in range(n)])


@pytest.mark.parametrize("when", ["before", "after"])
def test_push_cut_before_or_after_commit_applies_once(hq, when):
    a = hq.device("office")
    ids = seed_reference(a)
    _forms(a, ids, 10, "F")
    a.transport.cut("/v1/push", when)
    report = a.sync()  # the engine retries on its own
    assert len(hq.rows("evaluation")) == 10
    assert report.rejected == 0
    with a.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
    a.sync()
    assert len(hq.rows("evaluation")) == 10


@pytest.mark.parametrize("when", ["before", "after"])
def test_pull_cut_before_or_after_the_server_loses_nothing(hq, when):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    _forms(a, ids, 12, "P")
    a.sync()
    b.engine.page_limit = 5
    b.transport.cut("/v1/pull", when, times=2)
    b.sync()
    assert set(b.rows("evaluation")) == set(hq.rows("evaluation"))


def test_network_down_is_a_sync_error_and_the_queue_waits(hq):
    a = hq.device("office")
    ids = seed_reference(a)
    _forms(a, ids, 3, "N")
    a.transport.down = True
    with pytest.raises(SyncError, match="cannot be reached"):
        a.sync()
    a.transport.down = False
    a.sync()
    assert len(hq.rows("evaluation")) == 3


def test_replayed_batch_returns_the_stored_outcomes_and_changes_nothing(hq):
    a = hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        w.create(Evaluation, form(ids, "R1"))
        w.create(Evaluation, form(ids, "R2", unit_id="no-such-kiosk-unit", level="nonsense"))
    from sync.client.outbox import read_batch

    entries, _ = read_batch(a.store, 100, 10**6)
    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test")
    token = _token(a, hq)
    headers = {SCHEMA_HEADER: str(SCHEMA_VERSION), "Authorization": f"Bearer {token}"}
    body = orjson.dumps({"entries": entries})
    first = client.post("/v1/push", content=body, headers=headers).json()
    versions = {i: r["server_version"] for i, r in hq.rows("evaluation").items()}
    second = client.post("/v1/push", content=body, headers=headers).json()
    assert first == second
    assert [o["status"] for o in first["outcomes"]] == ["rejected"]
    assert {i: r["server_version"] for i, r in hq.rows("evaluation").items()} == versions


def test_a_rejected_entry_does_not_block_the_queue(hq):
    a = hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        w.create(Evaluation, form(ids, "X1", level="dissatisfied", reason=""))  # no reason
        w.create(Evaluation, form(ids, "X2"))
    report = a.sync()
    assert report.rejected == 1
    assert [r["form_no"] for r in hq.rows("evaluation").values()] == ["X2"]
    with a.store.read() as conn:
        kind, reason = conn.exec_driver_sql("SELECT kind, reason FROM sync_issue").one()
    assert kind == "rejected" and "reason" in reason


def test_expired_token_is_renewed_and_the_call_carries_on(hq):
    from sync.client.hq_client import HqClient

    a = hq.device("office")
    seed_reference(a)
    a.sync()

    async def two_pulls():
        client = HqClient("http://hq.test", credential=a.engine.credentials.load,
                          transport=a.transport)
        try:
            await client.call("GET", "/v1/pull", params={"cursor": 0})
            with hq.db.engine.begin() as conn:  # the token expires mid-round
                conn.execute(T.access_token.update().values(expires_at=sa.func.now()))
            return await client.call("GET", "/v1/pull", params={"cursor": 0})
        finally:
            await client.aclose()

    before = len(a.transport.calls)
    response = run(two_pulls())
    assert response.status_code == 200
    assert a.transport.calls[before:].count("/v1/token") == 2


def test_revoked_device_is_refused_and_stops(hq):
    from sync.client.hq_client import DeviceRevoked
    from sync.server.admin import revoke_device

    a = hq.device("office", name="laptop-7")
    ids = seed_reference(a)
    a.sync()
    revoke_device(hq.db, "laptop-7")
    _forms(a, ids, 2, "V")
    with pytest.raises(DeviceRevoked):
        a.sync()
    assert len(hq.rows("evaluation")) == 0
    with pytest.raises(DeviceRevoked):  # and it stays stopped, without calling HQ
        a.sync()


def _token(dev, hq) -> str:
    from sync.client.hq_client import HqClient

    async def get():
        client = HqClient("http://hq.test", credential=dev.engine.credentials.load,
                          transport=dev.transport)
        try:
            return await client._access_token()
        finally:
            await client.aclose()

    return run(get())


class _SyncASGI(httpx.BaseTransport):
    """A blocking transport over the ASGI app (for hand-made requests in tests)."""

    def __init__(self, app):
        self.inner = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def go():
            req = httpx.Request(request.method, request.url, headers=request.headers,
                                content=request.read())
            resp = await self.inner.handle_async_request(req)
            content = await resp.aread()
            return httpx.Response(resp.status_code, headers=resp.headers, content=content)

        return run(go())


def _outbox_size(dev) -> int:
    with dev.store.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()


def test_push_answered_then_pull_unreachable_settles_the_batch(hq):
    """HQ's answer to the last batch rides in the first pull page's transaction; when the pull
    never gets there the answer is still stored, with its refusals kept for a person."""
    a = hq.device("office")
    ids = seed_reference(a)
    _forms(a, ids, 4, "S")
    with a.write() as w:
        w.create(Evaluation, form(ids, "bad", level="dissatisfied", reason=""))
    a.transport.cut("/v1/pull", "before", times=5)
    with pytest.raises(SyncError, match="cannot be reached"):
        a.sync()
    assert len(hq.rows("evaluation")) == 4
    assert _outbox_size(a) == 0
    with a.store.read() as conn:
        assert conn.exec_driver_sql("SELECT kind FROM sync_issue").scalars().all() == [
            "rejected"]
    a.sync()
    assert len(hq.rows("evaluation")) == 4 and set(a.rows("evaluation")) >= set(
        hq.rows("evaluation"))


def test_answer_lost_on_the_device_is_replayed_from_hq_outcomes(hq):
    """A device that died between HQ's answer and storing it sends the batch again: HQ gives
    the stored outcomes, nothing is doubled and the refusal still reaches the device."""
    a = hq.device("office")
    ids = seed_reference(a)
    a.sync()
    _forms(a, ids, 3, "L")
    with a.write() as w:
        w.create(Evaluation, form(ids, "bad", level="dissatisfied", reason=""))

    async def push_and_die():
        from sync.client.engine import SyncReport

        client = a.engine.client()
        try:
            await a.engine._push(client, SyncReport(), None)
        finally:
            await client.aclose()
        a.engine._unsettled = None  # the process ends before anything is stored

    run(push_and_die())
    assert _outbox_size(a) == 4
    report = a.sync()
    assert report.rejected == 1 and len(hq.rows("evaluation")) == 3
    assert _outbox_size(a) == 0
    assert set(a.rows("evaluation")) >= set(hq.rows("evaluation"))


def test_replay_cut_into_other_batches_is_checked_entry_by_entry(hq):
    """HQ keeps one digest row per push; a replay cut differently (a retry once more changes
    were queued, or a copied store) is still checked entry by entry: the same entries are
    replays, and an entry that differs is refused from its number on, changing nothing."""
    from models.ids import new_id
    from sync.client.outbox import read_batch

    a = hq.device("office")
    a.engine.batch_entries = 3
    ids = seed_reference(a)
    _forms(a, ids, 7, "K")
    entries, _ = read_batch(a.store, 100, 10**6)
    a.sync()  # ten entries in four pushes
    versions = {i: r["server_version"] for i, r in hq.rows("evaluation").items()}
    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test")
    headers = {SCHEMA_HEADER: str(SCHEMA_VERSION), "Authorization": f"Bearer {_token(a, hq)}"}
    again = entries[1:9]  # across three of the four pushes
    same = client.post("/v1/push", content=orjson.dumps({"entries": again}), headers=headers)
    assert same.json() == {"acked_through": entries[-1]["seq"], "outcomes": []}
    other = [dict(e) for e in again]
    other[5]["row_id"] = new_id()  # another form under that number
    answer = client.post("/v1/push", content=orjson.dumps({"entries": other}),
                         headers=headers).json()
    assert answer["acked_through"] == other[5]["seq"] - 1
    assert [(o["seq"], o["code"]) for o in answer["outcomes"]] == [
        (other[5]["seq"], "sequence_reused")]
    assert {i: r["server_version"] for i, r in hq.rows("evaluation").items()} == versions


class _CutBatch(httpx.AsyncBaseTransport):
    """Cuts the pushes of the batch that starts at `seq` (its first `times` sendings): before
    HQ sees them, after HQ answered, or with HQ's answer cut at a random byte."""

    def __init__(self, inner: httpx.AsyncBaseTransport, seq: int, how: str, times: int):
        self.inner, self.seq, self.how, self.left = inner, seq, how, times
        self.cut_at: list[tuple[int, int]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if (request.url.path != "/v1/push" or not self.left
                or orjson.loads(request.content)["entries"][0]["seq"] != self.seq):
            return await self.inner.handle_async_request(request)
        self.left -= 1
        if self.how == "before":
            raise httpx.ConnectError("cut before the server", request=request)
        response = await self.inner.handle_async_request(request)
        if self.how == "after":
            await response.aread()
            raise httpx.ReadError("reply lost after the server committed", request=request)
        cut, at = await cut_at_a_random_byte(response, request)
        self.cut_at.append(at)
        return cut


@pytest.mark.parametrize("times", [1, FAST_RETRY.attempts], ids=["retried", "round-stops"])
@pytest.mark.parametrize("how", ["before", "after", "at-a-byte"])
def test_push_cut_at_any_batch_has_every_entry_once(hq, how, times):
    """A push of five batches cut in any one of them, once (the engine retries) or at every
    attempt (the round stops, the next one finishes), leaves every form at HQ once and the
    one refusal on the device once (kept for a pipelined push: batch k+1 sent before HQ
    answers batch k, docs/sync.md)."""
    a = hq.device("office")
    ids = seed_reference(a)
    a.sync()
    _forms(a, ids, 9, "Q")
    with a.write() as w:
        w.create(Evaluation, form(ids, "bad", level="dissatisfied", reason=""))
    with a.store.read() as conn:
        seqs = conn.exec_driver_sql("SELECT seq FROM outbox ORDER BY seq").scalars().all()
    a.engine.batch_entries = 2  # five batches
    cutter = _CutBatch(a.engine.transport, random.choice(seqs[::2]), how, times)
    a.engine.transport = cutter
    if times == 1:
        a.sync()
    else:
        with pytest.raises(SyncError):
            a.sync()
        a.sync()
    assert not cutter.left, (cutter.seq, cutter.cut_at)
    assert len(hq.rows("evaluation")) == 9
    assert set(a.rows("evaluation")) >= set(hq.rows("evaluation"))
    assert _outbox_size(a) == 0
    with a.store.read() as conn:
        assert conn.exec_driver_sql("SELECT kind FROM sync_issue").scalars().all() == [
            "rejected"], (cutter.seq, cutter.cut_at)

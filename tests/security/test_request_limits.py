"""HQ answers bad or oversized input with a clear 4xx and keeps going: bodies are capped before
they are read (anyone may call enrollment), a timestamp that overflows is refused for its entry
alone, a sequence number beyond HQ's columns is refused as a whole. SQLite and PostgreSQL."""

import asyncio

import httpx
import orjson

from sync.protocol import (
    CHUNK_BODY_BYTES,
    MAX_BODY_BYTES,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    SMALL_BODY_BYTES,
)
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference
from tests.sync.test_faults import _SyncASGI, _token

database_url, hq = sync_conftest.database_url, sync_conftest.hq  # HQ on SQLite and PostgreSQL

CHUNK = 64 * 1024


class Sender:
    """A body streamed in 64 KB pieces (no Content-Length), counting what HQ pulled of it."""

    def __init__(self, total: int) -> None:
        self.total, self.consumed = total, 0

    async def __aiter__(self):
        while self.consumed < self.total:
            self.consumed += CHUNK
            yield b"x" * CHUNK


def _post(hq, method: str, path: str, body, headers: dict) -> httpx.Response:
    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=hq.app),
                                     base_url="http://hq.test") as client:
            return await client.request(method, path, content=body, headers={
                SCHEMA_HEADER: str(SCHEMA_VERSION), **headers})

    return asyncio.run(go())


def _bearer(hq) -> dict:
    dev = hq.device("office")
    return {"Authorization": f"Bearer {_token(dev, hq)}"}


def test_hq_caps_request_bodies_before_reading(hq):
    auth = _bearer(hq)
    for method, path, limit, headers in (
            ("POST", "/v1/enroll", SMALL_BODY_BYTES, {}),
            ("POST", "/v1/token", SMALL_BODY_BYTES, {}),
            ("POST", "/v1/push", MAX_BODY_BYTES, auth),
            ("PUT", f"/v1/blobs/{'a' * 64}?offset=0", CHUNK_BODY_BYTES, auth)):
        declared = Sender(500 * 2**20)  # 500 MB announced: refused before a byte is read
        r = _post(hq, method, path, declared, {**headers, "Content-Length": str(500 * 2**20)})
        assert r.status_code == 413 and r.json()["code"] == "too_large", path
        assert r.json()["details"]["limit"] == limit and declared.consumed == 0, path
        streamed = Sender(32 * 2**20)  # 32 MB offered, chunked, no length announced
        r = _post(hq, method, path, streamed, headers)
        assert streamed.consumed <= limit + CHUNK, path  # stopped as soon as it passed the cap
        if path != "/v1/token":  # which reads no body at all: it answers 401 unread
            assert r.status_code == 413 and r.json()["code"] == "too_large", (path, r.text)


def test_a_body_within_its_cap_still_goes_through(hq):
    dev = hq.device("office")  # enrolled through the capped /v1/enroll
    seed_reference(dev)
    report = dev.sync()  # a token, a push and a pull under the caps
    assert report.pushed == 3 and len(hq.rows("unit")) == 2


GOOD = {"campaign_id": "c", "group": "citizen", "unit_id": "u", "level": "satisfied",
        "evaluated_on": "2026-03-01"}


def _entry(seq: int, n: int, table: str = "evaluation", **fields) -> dict:
    return {"seq": seq, "table": table, "row_id": f"01a213f7-0000-7000-8000-{n:012d}",
            "op": "insert", "fields": fields}


def _client(hq, role: str = "hq") -> httpx.Client:
    dev = hq.device(role)
    return httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test", headers={
        SCHEMA_HEADER: str(SCHEMA_VERSION), "Authorization": f"Bearer {_token(dev, hq)}"})


def test_overflowing_timestamp_is_refused_per_entry(hq):
    http = _client(hq)
    entries = [
        _entry(1, 1, **GOOD, created_at="9999-12-31T23:59:59-14:00"),
        _entry(2, 2, **GOOD, created_at="0001-01-01T00:00:00+14:00"),
        _entry(3, 3, **GOOD, created_at="9999-12-31 23:59:59.999999"),  # storage form
        _entry(4, 4, "visit", kind="secret", planned_at="9999-12-31T23:59:59-14:00"),
        _entry(5, 5, **GOOD, created_at="2026-03-01T08:00:00+08:00"),
    ]
    r = http.post("/v1/push", content=orjson.dumps({"entries": entries}))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["acked_through"] == 5  # the queue moved on
    refused = {o["seq"]: o for o in body["outcomes"]}
    assert sorted(refused) == [1, 2, 3, 4]
    assert {o["status"] for o in refused.values()} == {"rejected"}
    assert {o["code"] for o in refused.values()} == {"out_of_range"}
    assert [refused[s]["details"]["field"] for s in (1, 4)] == ["created_at", "planned_at"]
    assert "out of range" in refused[1]["reason"]
    assert list(hq.rows("evaluation")) == ["01a213f7-0000-7000-8000-000000000005"]
    assert hq.rows("visit") == {}


def test_sequence_beyond_hq_columns_is_refused_clearly(hq):
    http = _client(hq)
    for seq in (2**63, 2**63 - 1):
        r = http.post("/v1/push", content=orjson.dumps({"entries": [_entry(seq, 1, **GOOD)]}))
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "invalid_request" and "seq" in r.json()["message"]
    r = http.post("/v1/push", content=orjson.dumps({"entries": [
        {**_entry(1, 1, **GOOD), "base_version": 2**63}]}))
    assert r.status_code == 422 and "base_version" in r.json()["message"]
    r = http.post("/v1/push", content=orjson.dumps({"entries": [_entry(1, 1, **GOOD)]}))
    assert r.status_code == 200 and r.json()["acked_through"] == 1  # the device carries on

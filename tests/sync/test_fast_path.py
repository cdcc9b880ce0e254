"""The push and the pull served straight from the ASGI scope (`sync.server.fast_path`) answer
every request as their FastAPI routes do: the same status, the same JSON, refusal for refusal,
with the same checks in the same order; and a one-record round is still right through it. On
SQLite and PostgreSQL."""

import httpx
import orjson
import pytest

from models.records import Evaluation
from sync.protocol import FOLLOWS_HEADER, MAX_BODY_BYTES, SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import fast_path, routes
from tests.sync.helpers import form, seed_reference
from tests.sync.test_faults import _SyncASGI, _token


@pytest.fixture
def laptops(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    a.sync()
    b.sync()
    return a, b, ids


@pytest.fixture
def http(hq, laptops):
    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test")
    client.headers.update({SCHEMA_HEADER: str(SCHEMA_VERSION),
                           "Authorization": f"Bearer {_token(laptops[1], hq)}"})
    return client


def _entry(seq=1, **kw):
    return {"seq": seq, "table": "evaluation", "row_id": "01a213f7-0000-7000-8000-000000000001",
            "op": "insert", "fields": {}, **kw}


_JSON = {"Content-Type": "application/json"}
_NOT_SCHEMA = {SCHEMA_HEADER: "1"}
_NO_TOKEN = {"Authorization": "Bearer nope"}
_HASH = "0" * 64

# Requests that change nothing at HQ (refusals, and pulls from a cursor past every row), each
# as (method, path, query, headers, body).
REQUESTS = [
    ("GET", "/v1/pull", {}, {}, None),
    ("GET", "/v1/pull", {"cursor": 0, "limit": 1}, {}, None),
    ("GET", "/v1/pull", {"cursor": -1}, {}, None),
    ("GET", "/v1/pull", {"cursor": "x"}, {}, None),
    ("GET", "/v1/pull", {"limit": 0}, {}, None),
    ("GET", "/v1/pull", {"limit": 10**9}, {}, None),
    ("GET", "/v1/pull", {"cursor": 10**12}, {}, None),
    ("GET", "/v1/pull", {"cursor": "1.0"}, {}, None),
    ("GET", "/v1/pull", {"cursor": -1}, _NOT_SCHEMA, None),
    ("GET", "/v1/pull", {}, _NOT_SCHEMA, None),
    ("GET", "/v1/pull", {}, {SCHEMA_HEADER: ""}, None),
    ("GET", "/v1/pull", {}, {SCHEMA_HEADER: str(SCHEMA_VERSION + 1)}, None),
    ("GET", "/v1/pull", {}, _NO_TOKEN, None),
    ("GET", "/v1/pull", {}, {"Authorization": "Basic x"}, None),
    ("GET", "/v1/pull", {"cursor": 10**12}, {"Content-Length": str(2**30)}, None),
    ("POST", "/v1/pull", {}, _JSON, b'{"cursor": 0, "limit": 2}'),
    ("POST", "/v1/pull", {}, _JSON, b'{"cursor": 10000000000}'),
    ("POST", "/v1/pull", {}, _JSON, b'{"cursor": -1}'),
    ("POST", "/v1/pull", {}, _JSON, b'{"cursor": 0, "extra": 1}'),
    ("POST", "/v1/pull", {}, _JSON, b'{"cursor": 0, "audit": {"seq": 1, "hash": "x"}}'),
    ("POST", "/v1/pull", {}, _JSON, b"not json"),
    ("POST", "/v1/pull", {}, _JSON, b"[1]"),
    ("POST", "/v1/pull", {}, _JSON, b""),
    ("POST", "/v1/pull", {}, {"Content-Type": "text/plain"}, b'{"cursor": 0}'),
    ("POST", "/v1/pull", {}, {}, b'{"cursor": 0}'),
    ("POST", "/v1/pull", {}, {**_JSON, **_NOT_SCHEMA}, b'{"cursor": 0}'),
    ("POST", "/v1/pull", {}, {**_JSON, **_NOT_SCHEMA}, b"not json"),
    ("POST", "/v1/pull", {}, {**_JSON, **_NO_TOKEN}, b'{"cursor": 0}'),
    ("POST", "/v1/pull", {}, {**_JSON, **_NO_TOKEN}, b'{"cursor": -1}'),
    ("POST", "/v1/pull", {}, _JSON, b"{" + b" " * (2**17) + b"}"),
    ("POST", "/v1/push", {}, _JSON, b"not json"),
    ("POST", "/v1/push", {}, _JSON, b"{}"),
    ("POST", "/v1/push", {}, _JSON, b'{"entries": []}'),
    ("POST", "/v1/push", {}, _JSON, orjson.dumps({"entries": [_entry(), _entry(3)]})),
    ("POST", "/v1/push", {}, _JSON, orjson.dumps({"entries": [_entry()], "audit": {
        "seq": 1, "hash": "x"}})),
    ("POST", "/v1/push", {}, {**_JSON, FOLLOWS_HEADER: "x"}, b"not json"),
    ("POST", "/v1/push", {}, {**_JSON, FOLLOWS_HEADER: "x"},
     orjson.dumps({"entries": [_entry(seq=10**6)]})),
    ("POST", "/v1/push", {}, {**_JSON, **_NOT_SCHEMA}, b"not json"),
    ("POST", "/v1/push", {}, {**_JSON, **_NO_TOKEN}, b"not json"),
    ("POST", "/v1/push", {}, {"Content-Length": str(MAX_BODY_BYTES + 1), **_NO_TOKEN}, b"{}"),
    ("POST", "/v1/pull", {}, {"Content-Length": str(MAX_BODY_BYTES + 1), **_NO_TOKEN}, b"{}"),
]


def _answer(http: httpx.Client, method, path, query, headers, body):
    r = http.request(method, path, params=query, headers=headers, content=body)
    try:
        doc = r.json()
    except ValueError:
        doc = r.text
    return r.status_code, r.headers.get("content-type"), doc


def test_every_sync_request_is_answered_as_the_fastapi_route_answers_it(hq, http,
                                                                        monkeypatch):
    served = [_answer(http, *req) for req in REQUESTS]
    with monkeypatch.context() as m:
        m.setattr(fast_path, "FAST", {})  # every request through FastAPI's routing
        routed = [_answer(http, *req) for req in REQUESTS]
    for req, got, want in zip(REQUESTS, served, routed, strict=True):
        assert got == want, req[:4]
    statuses = {status for status, _, _ in served}
    assert {200, 400, 401, 409, 413, 422, 426} <= statuses


def test_the_push_and_the_pull_do_not_go_through_fastapi_routing(hq, laptops, monkeypatch):
    """A one-record round from A to B: answered, and not one request of it matched against
    FastAPI's routes (the per-request work this path leaves out)."""
    a, b, ids = laptops
    matched = []
    handle = type(hq.app.router).__call__

    async def counting(router, scope, receive, send):
        matched.append((scope["method"], scope["path"]))
        await handle(router, scope, receive, send)

    monkeypatch.setattr(type(hq.app.router), "__call__", counting)
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "FAST-1"))
    assert a.sync().pushed == 1
    assert b.sync().pulled >= 1
    assert b.rows("evaluation")[fid]["form_no"] == "FAST-1"
    assert matched == []
    # the other routes still go through it
    http = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test",
                        headers={SCHEMA_HEADER: str(SCHEMA_VERSION)})
    assert http.get("/v1/health").status_code == 200
    assert matched == [("GET", "/v1/health")]


def test_a_push_refused_by_the_database_is_answered_as_busy(hq, http, laptops, monkeypatch):
    """An exception below the route is answered through the app's own handlers."""
    import sqlalchemy as sa

    def busy(*_a, **_kw):
        raise sa.exc.OperationalError("UPDATE", {}, Exception("database is locked"))

    monkeypatch.setattr(routes, "push_batch", busy)
    _, _, ids = laptops
    r = http.post("/v1/push", headers=_JSON, content=orjson.dumps({"entries": [
        _entry(seq=1, fields=form(ids, "FAST-2"))]}))
    assert r.status_code == 503 and r.json()["code"] == "busy"

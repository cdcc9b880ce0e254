"""Bad, stale or oversized requests get a 4xx with a reason and write nothing; never a 500."""

import httpx
import orjson
import pytest

from sync.protocol import MAX_BODY_BYTES, SCHEMA_HEADER, SCHEMA_VERSION
from tests.sync.helpers import seed_reference
from tests.sync.test_faults import _SyncASGI, _token


@pytest.fixture
def office(hq):
    dev = hq.device("office")
    seed_reference(dev)
    dev.sync()
    return dev


@pytest.fixture
def http(hq, office):
    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test")
    client.headers.update({SCHEMA_HEADER: str(SCHEMA_VERSION),
                           "Authorization": f"Bearer {_token(office, hq)}"})
    return client


def _entry(seq=1, **kw):
    return {"seq": seq, "table": "evaluation", "row_id": "01a213f7-0000-7000-8000-000000000001",
            "op": "insert", "fields": {}, **kw}


def test_an_outdated_app_is_told_to_update_and_nothing_is_written(hq, http):
    before = len(hq.rows("unit"))
    r = http.post("/v1/push", headers={SCHEMA_HEADER: "1"},
                  content=orjson.dumps({"entries": [_entry()]}))
    assert r.status_code == 426 and r.json()["code"] == "update_app"
    assert "update the app" in r.json()["message"]
    r = http.get("/v1/pull", headers={SCHEMA_HEADER: str(SCHEMA_VERSION + 1)})
    assert r.status_code == 426 and r.json()["code"] == "update_hq"
    r = http.get("/v1/pull", headers={SCHEMA_HEADER: ""})
    assert r.status_code == 400
    assert len(hq.rows("unit")) == before


@pytest.mark.parametrize("body", [
    b"not json", b"{}", b'{"entries": []}', b'{"entries": [{"seq": 0}]}',
    b'{"entries": "x"}', b"[1, 2, 3]", b'{"entries": [{"seq": 1, "table": "unit", '
    b'"row_id": "x", "op": "explode"}]}',
])
def test_malformed_push_bodies_are_refused_with_a_reason(http, body):
    r = http.post("/v1/push", content=body)
    assert r.status_code == 422
    assert r.json()["code"] == "invalid_request" and r.json()["message"]


def test_non_contiguous_batch_is_refused(http):
    r = http.post("/v1/push", content=orjson.dumps({"entries": [_entry(1), _entry(3)]}))
    assert r.status_code == 422 and r.json()["code"] == "bad_batch"


def test_an_oversized_body_is_refused_before_it_is_read(http):
    r = http.post("/v1/push", content=b"x" * (MAX_BODY_BYTES + 1))
    assert r.status_code == 413 and "smaller batches" in r.json()["message"]


@pytest.mark.parametrize("fields", [
    {"campaign_id": 5}, {"level": "ecstatic"}, {"evaluated_on": "yesterday"},
    {"voided": "yes"}, {"nonsense_column": 1}, {"form_no": "9" * 500},
])
def test_bad_values_are_rejected_per_entry_and_the_queue_moves_on(hq, http, fields):
    good = {"campaign_id": "c", "group": "citizen", "unit_id": "u", "level": "satisfied",
            "evaluated_on": "2026-03-01"}
    start = _next_seq(hq)
    entries = [_entry(start, fields={**good, **fields}),
               _entry(start + 1, row_id="01a213f7-0000-7000-8000-000000000002", fields=good)]
    r = http.post("/v1/push", content=orjson.dumps({"entries": entries}))
    assert r.status_code == 200
    body = r.json()
    assert body["acked_through"] == start + 1
    assert [o["status"] for o in body["outcomes"]] == ["rejected"]


def test_bad_tokens_and_pull_parameters(hq, http):
    assert http.get("/v1/pull", params={"cursor": -1}).status_code == 422
    assert http.get("/v1/pull", params={"limit": 10**9}).status_code == 422
    r = http.get("/v1/pull", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["code"] == "invalid"
    r = http.get("/v1/pull", params={"cursor": 10**12})
    assert r.status_code == 409 and r.json()["code"] == "resync"


@pytest.mark.parametrize("cursor", [2**63, 2**64, 10**30])
def test_a_pull_cursor_beyond_64_bits_is_refused_with_a_reason_not_a_server_error(http, cursor):
    """Found by the schemathesis fuzzer: a cursor past SQLite's 64-bit integers reached the
    database and came back as a 500. It is refused as out of range, in a query and in a body."""
    for r in (http.get("/v1/pull", params={"cursor": cursor}),
              http.post("/v1/pull", json={"cursor": cursor})):
        assert r.status_code == 422, r.text
        assert "cursor" in r.text


def _next_seq(hq) -> int:
    import sqlalchemy as sa

    from sync.server import tables as T

    with hq.db.engine.connect() as conn:
        return (conn.execute(sa.select(sa.func.max(T.device.c.last_seq))).scalar() or 0) + 1


def test_text_with_a_nul_character_is_rejected_not_a_crash(hq, http):
    good = {"campaign_id": "c", "group": "citizen", "unit_id": "u", "level": "satisfied",
            "evaluated_on": "2026-03-01", "reason": "bad\x00byte"}
    r = http.post("/v1/push", content=orjson.dumps({"entries": [_entry(_next_seq(hq),
                                                                        fields=good)]}))
    assert r.status_code == 200 and r.json()["outcomes"][0]["status"] == "rejected"


def test_device_administration_is_for_hq_devices_only(hq, http):
    r = http.get("/v1/admin/devices")
    assert r.status_code == 403
    boss = hq.device("hq")
    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test", headers={
        SCHEMA_HEADER: str(SCHEMA_VERSION), "Authorization": f"Bearer {_token(boss, hq)}"})
    made = client.post("/v1/admin/devices", json={"role": "office", "label": "new-desk"})
    assert made.status_code == 200 and len(made.json()["code"]) == 26
    listed = client.get("/v1/admin/devices").json()
    assert "new-desk" in [d["label"] for d in listed]
    assert client.post("/v1/admin/devices/new-desk/revoke").status_code == 200


def test_a_whole_number_beyond_64_bits_is_refused_as_out_of_range_not_rounded(hq, http):
    """The push body is decoded exactly (msgspec): a 30-digit year reaches HQ's checks as the
    number sent, not as a rounded float, and is refused for its range, naming the field."""
    body = (b'{"entries": [{"seq": %d, "table": "campaign", "op": "insert", '
            b'"row_id": "01a213f7-0000-7000-8000-0000000000c1", '
            b'"fields": {"name": "Huge", "year": 123456789012345678901234567890}}]}' % _next_seq(hq))
    r = http.post("/v1/push", content=body)
    assert r.status_code == 200, r.text
    [refused] = r.json()["outcomes"]
    assert refused["status"] == "rejected" and refused["details"]["field"] == "year"
    assert "out of range" in refused["reason"]
    assert "01a213f7-0000-7000-8000-0000000000c1" not in hq.rows("campaign")

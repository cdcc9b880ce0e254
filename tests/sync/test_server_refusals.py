"""HQ's refusals: one shape on the wire, one exception type in the code, and the "HQ only"
check made before a route reads anything (issue 13 §5). On SQLite and PostgreSQL."""

import ast
from pathlib import Path

import httpx
import orjson
import pytest

from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
from tests.sync.test_faults import _SyncASGI, _token

SERVER = Path(__file__).resolve().parents[2] / "sync" / "server"


@pytest.fixture
def http(hq):
    office = hq.device("office")
    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test")
    client.headers.update({SCHEMA_HEADER: str(SCHEMA_VERSION),
                           "Authorization": f"Bearer {_token(office, hq)}"})
    return client


def _entry(seq: int) -> dict:
    return {"seq": seq, "table": "evaluation", "row_id": f"01a213f7-0000-7000-8000-{seq:012d}",
            "op": "insert", "fields": {}}


def test_an_office_laptop_is_refused_device_administration_before_its_request_is_read(http):
    # A malformed enrollment request from a non-HQ device learns nothing about the request's
    # shape: it is refused for who it is.
    r = http.post("/v1/admin/devices", json={"role": 12, "unexpected": True})
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    assert http.get("/v1/admin/devices").status_code == 403
    assert http.post("/v1/admin/devices/anyone/revoke").status_code == 403


def test_every_refusal_has_the_one_json_shape_the_client_reads(http):
    sha = "0" * 64
    assert http.post("/v1/push", content=orjson.dumps({"entries": [_entry(1)]})).is_success
    refusals = [
        (http.get("/v1/pull", headers={"Authorization": ""}), 401, "invalid", {}),
        (http.get("/v1/pull", headers={"Authorization": "Bearer nope"}), 401, "invalid", {}),
        (http.get("/v1/admin/devices"), 403, "forbidden", {}),
        (http.get(f"/v1/blobs/{sha}"), 404, "unknown_blob", {}),
        (http.get("/v1/blobs/NOT-A-HASH"), 400, "bad_hash", {}),
        (http.post("/v1/push", content=orjson.dumps({"entries": [_entry(1), _entry(3)]})),
         422, "bad_batch", {}),
        (http.post("/v1/push", content=orjson.dumps({"entries": [_entry(5)]})),
         409, "sequence_gap", {"expected": 2}),
        (http.get("/v1/pull", params={"cursor": 10**9}), 409, "resync", {}),
    ]
    for response, status, code, details in refusals:
        body = response.json()
        assert (response.status_code, body["code"]) == (status, code), body
        assert set(body) == {"code", "message", "details"} and body["message"]
        assert body["details"] == details


def _exception_classes(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef) and any(
                getattr(b, "id", getattr(b, "attr", "")).endswith(("Exception", "Error"))
                for b in node.bases):
            names.append(node.name)
    return names


def test_hq_refuses_a_client_with_one_exception_type():
    found = {p.name: _exception_classes(p) for p in SERVER.glob("*.py")}
    found = {name: classes for name, classes in found.items() if classes}
    # BodyTooLarge is raised inside the ASGI receive channel, where only an HTTPException passes
    # FastAPI's body reading unchanged; it is answered in the same shape. The other two never
    # become an HTTP error: a refused push entry is an outcome, a refused audit head an answer.
    assert found == {"errors.py": ["ClientError"], "body_limit.py": ["BodyTooLarge"],
                     "rows.py": ["BadValue"], "audit_heads.py": ["_Alarm"]}

"""Schemathesis against HQ's OpenAPI schema, as each device role: no 5xx, no stack traces.

Bounded examples per operation so that CI stays quick.
"""

import asyncio
import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION  # noqa: E402
from sync.server import admin  # noqa: E402
from sync.server.app import create_app  # noqa: E402
from sync.server.db import open_server_db  # noqa: E402

ROLES = ("representative", "office", "hq", "kiosk")
PASSPHRASE = "correct horse"
_ROLE_ARGS = {"representative": {"team": "第一督查组", "representative": "张明"}}


# Schemathesis wants the schema when the module is collected, so HQ starts here.
_ROOT = Path(tempfile.mkdtemp(prefix="fi-schemathesis-"))
atexit.register(shutil.rmtree, _ROOT, ignore_errors=True)  # every process collecting it made one
DB = open_server_db(f"sqlite:///{_ROOT / 'hq-server'}", blob_dir=_ROOT / "blobs",
                    passphrase=PASSPHRASE)
APP = create_app(db=DB)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def tokens():
    import httpx

    found = {}

    async def enroll_all():
        transport = httpx.ASGITransport(app=APP)
        async with httpx.AsyncClient(transport=transport, base_url="http://hq.test",
                                     headers={SCHEMA_HEADER: str(SCHEMA_VERSION)}) as http:
            for role in ROLES:
                try:
                    code = admin.enroll_device(DB, role=role, label=f"st-{role}",
                                               **_ROLE_ARGS.get(role, {}))["code"]
                except Exception:  # noqa: BLE001 - a role this HQ cannot enroll yet
                    continue
                granted = (await http.post("/v1/enroll", json={
                    "code": code, "device_id": f"dev-{role}", "label": role})).json()
                token = (await http.post("/v1/token", headers={
                    "Authorization": f"Device {granted['credential']}"})).json()
                found[role] = token["access_token"]

    asyncio.run(enroll_all())
    yield found
    DB.close()
    shutil.rmtree(_ROOT, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_and_no_stack_trace(case, tokens):
    """Each generated request, sent as every enrolled role in turn."""
    assert tokens
    for token in tokens.values():
        headers = {SCHEMA_HEADER: str(SCHEMA_VERSION), "Authorization": f"Bearer {token}"}
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])
        assert "Traceback" not in response.text

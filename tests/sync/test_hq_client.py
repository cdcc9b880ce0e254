"""The one HQ client against the real HQ app: each way a call can fail is a type the caller
switches on, with a message code that reads in Chinese and in English — no caller ever reads
the failure's text. About the client: HQ runs on SQLite only here (its refusals on PostgreSQL
are checked in test_server_refusals.py and tests/security/)."""

from datetime import timedelta

import pytest

from desktop import messages
from sync.client.failures import (
    DeviceRevoked,
    EnrollmentExpired,
    HqRefused,
    HqUnreachable,
    NeedsUpdate,
)
from sync.client.hq_client import HqClient
from sync.protocol import (
    MIN_SCHEMA_VERSION,
    SCHEMA_VERSION,
    DeviceInfo,
    EnrollDeviceRequest,
    EnrollRequest,
    NumberRequest,
    PulledPage,
)
from sync.server import admin
from tests.sync.helpers import FAST_RETRY, HQ_ON_SQLITE_ONLY, run, seed_reference

pytestmark = HQ_ON_SQLITE_ONLY


def _client(dev) -> HqClient:
    return HqClient("http://hq.test", credential=dev.engine.credentials.load,
                    transport=dev.transport, retry=FAST_RETRY)


async def _call(client: HqClient, method: str, *args):
    async with client:
        return await getattr(client, method)(*args)


def _both_languages(exc) -> tuple[str, str]:
    return (messages.error_text(exc, messages.CHINESE), messages.error_text(exc, messages.ENGLISH))


def test_hq_down_is_unreachable_with_its_address(hq):
    dev = hq.device("office")
    dev.transport.down = True
    with pytest.raises(HqUnreachable) as failed:
        run(_call(_client(dev), "pull", 0, 10))
    assert failed.value.url == "http://hq.test" and failed.value.exit_code == 3
    zh, en = _both_languages(failed.value)
    assert "http://hq.test" in zh and "无法连接到总部" in zh
    assert en.startswith("HQ cannot be reached at http://hq.test")


def test_a_refusal_carries_hqs_code_and_reads_in_chinese(hq):
    rep = hq.device("representative", team="第一组", representative="张三")
    request = NumberRequest(notice_id="n-1", prefix="余纠通", year=2026)
    with pytest.raises(HqRefused) as failed:  # only the office or HQ numbers notices
        run(_call(_client(rep), "notice_number", request))
    assert (failed.value.status, failed.value.hq_code) == (403, "forbidden")
    zh, en = _both_languages(failed.value)
    assert zh == "本设备无权在总部执行此操作。" and en == "This device may not do that at HQ."
    assert "Only the office or HQ issues notices." in str(failed.value)  # HQ's words: the log


def test_an_unknown_device_named_at_hq_comes_back_with_its_argument(hq):
    boss = hq.device("hq")
    with pytest.raises(HqRefused) as failed:
        run(_call(_client(boss), "revoke_device", "no-such-laptop"))
    assert (failed.value.status, failed.value.hq_code) == (404, "hq_device_unknown")
    zh, en = _both_languages(failed.value)
    assert zh == "没有名为“no-such-laptop”的设备。"
    assert en == "No device is known by 'no-such-laptop'."


def test_a_revoked_device_is_told_so(hq):
    dev = hq.device("office")
    admin.revoke_device(hq.db, dev.store.device_id)
    with pytest.raises(DeviceRevoked) as failed:
        run(_call(_client(dev), "pull", 0, 10))
    zh, en = _both_languages(failed.value)
    assert zh == "总部已吊销本设备；本设备不再同步。" and "revoked" in en


def test_an_expired_enrollment_code_says_ask_again(hq):
    code = admin.enroll_device(hq.db, role="office", ttl=timedelta(seconds=-1))["code"]
    client = HqClient("http://hq.test", transport=hq.device("office").transport,
                      retry=FAST_RETRY)
    with pytest.raises(EnrollmentExpired) as failed:
        run(_call(client, "enroll", EnrollRequest(code=code, device_id="new-laptop")))
    zh, en = _both_languages(failed.value)
    assert zh == "此登记码已过期；请向总部重新申请。" and "expired" in en


@pytest.mark.parametrize(("sent", "code"), [(MIN_SCHEMA_VERSION - 1, "update_app"),
                                            (SCHEMA_VERSION + 1, "update_hq")])
def test_a_version_hq_does_not_take_needs_an_update(hq, monkeypatch, sent, code):
    dev = hq.device("office")
    monkeypatch.setattr("sync.client.hq_client.SCHEMA_VERSION", sent)
    with pytest.raises(NeedsUpdate) as failed:
        run(_call(_client(dev), "pull", 0, 10))
    assert failed.value.hq_code == code
    assert (failed.value.minimum, failed.value.newest) == (MIN_SCHEMA_VERSION, SCHEMA_VERSION)
    zh, en = _both_languages(failed.value)
    assert f"{MIN_SCHEMA_VERSION} 至 {SCHEMA_VERSION}" in zh
    assert f"{MIN_SCHEMA_VERSION} to {SCHEMA_VERSION}" in en


def test_the_typed_calls_return_the_protocols_messages(hq):
    boss = hq.device("hq", name="boss")
    seed_reference(boss)
    boss.sync()
    granted = run(_call(_client(boss), "enroll_device", EnrollDeviceRequest(role="office")))
    assert len(granted.code) >= 20 and granted.hq_device_id
    devices = run(_call(_client(boss), "devices"))
    assert all(isinstance(d, DeviceInfo) for d in devices)
    assert {d.status for d in devices} == {"active", "pending"}
    page = run(_call(_client(boss), "pull", 0, 10_000))
    assert isinstance(page, PulledPage) and not page.more
    unit = page.tables["unit"]  # columnar, as HQ sent it: one list per row
    assert "id" in unit["columns"] and all(len(r) == len(unit["columns"]) for r in unit["rows"])

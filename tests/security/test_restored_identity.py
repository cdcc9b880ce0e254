"""A restored backup or a copied data directory never loses records silently (issue 11 §3).

A copy of a store numbers its new changes like ones the original already pushed. HQ keeps a
digest per (device, sequence) and refuses a "replay" that carries a different entry; a restored
store gives up the identity it was copied with and syncs only after enrolling with a new code.
Run against the real server app on SQLite and PostgreSQL.
"""

import shutil

import httpx
import pytest

from models.errors import SyncError
from models.records import Evaluation
from models.security.backup import backup_store, restore_store
from models.store.store import Store
from sync.client.engine import SyncEngine
from sync.server import admin
from tests.sync.conftest import _passphrase, database_url  # noqa: F401 - fixtures
from tests.sync.helpers import (
    FAST_RETRY,
    PASSPHRASE,
    CuttableTransport,
    Device,
    Hq,
    form,
    run,
    seed_reference,
)


@pytest.fixture
def hq(database_url, tmp_path):  # noqa: F811 - the fixture imported above
    server = Hq.start(database_url, tmp_path)
    yield server
    server.close()


def _open(hq: Hq, data_dir) -> Device:
    """A laptop whose data directory already exists (restored, copied, or the original)."""
    store = Store.open(data_dir, PASSPHRASE)
    transport = CuttableTransport(httpx.ASGITransport(app=hq.app))
    dev = Device(store, SyncEngine(store, transport=transport, retry=FAST_RETRY), transport)
    hq.devices.append(dev)
    return dev


def _forms(dev: Device, ids: dict, prefix: str, n: int = 2) -> None:
    with dev.write() as w:
        w.create_many(Evaluation, [form(ids, f"{prefix}{i}") for i in range(n)])


def _numbers(rows: dict) -> list[str]:
    return sorted(r["form_no"] for r in rows.values())


def _enroll_again(hq: Hq, dev: Device, label: str) -> None:
    code = admin.enroll_device(hq.db, role="office", label=label)["code"]
    run(dev.engine.enroll("http://hq.test", code, label))


def _devices(hq: Hq) -> dict[str, dict]:
    return {d["label"]: d for d in admin.list_devices(hq.db)}


def _open_issues(dev: Device) -> list[tuple[str, int]]:
    with dev.store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT code, outbox_seq FROM sync_issue WHERE resolved_at IS NULL "
            "ORDER BY outbox_seq")]


def _outbox(dev: Device) -> int:
    with dev.store.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()


def test_restored_backup_loses_no_records(hq, tmp_path):
    a = hq.device("office", name="laptop-a")
    ids = seed_reference(a)
    _forms(a, ids, "B")
    a.sync()
    _forms(a, ids, "P", 1)  # queued when the backup is taken, pushed by the laptop after it
    backup = tmp_path / "laptop-a.fibackup"
    backup_store(a.store, backup, "backup words")
    _forms(a, ids, "A")  # made after the backup and pushed: the backup does not hold them
    a.sync()
    data_dir, old_hq_id = a.store.data_dir, a.store.meta("hq_device_id")
    a.close()
    original = tmp_path / "original-laptop"
    shutil.copytree(data_dir, original)  # the laptop itself, kept to check it is not harmed
    shutil.rmtree(data_dir)
    restore_store(backup, data_dir, "backup words", new_passphrase=PASSPHRASE)

    restored = _open(hq, data_dir)
    _forms(restored, ids, "R")  # numbered like A0, A1, which HQ already applied
    with pytest.raises(SyncError) as refused:
        restored.sync()
    assert refused.value.code == "restored_store"
    assert "enroll" in refused.value.message
    assert _numbers(hq.rows("evaluation")) == ["A0", "A1", "B0", "B1", "P0"]
    assert _outbox(restored) == 3  # P0 as queued at the backup, R0, R1

    _enroll_again(hq, restored, "laptop-a-restored")
    report = restored.sync()
    assert report.rejected == 0 and report.duplicates == 1  # P0: HQ has it, not doubled
    assert _numbers(hq.rows("evaluation")) == ["A0", "A1", "B0", "B1", "P0", "R0", "R1"]
    assert _outbox(restored) == 0
    devices = _devices(hq)
    assert devices["laptop-a-restored"]["replaces_device_id"] == old_hq_id
    assert devices["laptop-a"]["status"] == "active"

    laptop = _open(hq, original)  # the original laptop syncs on, under its own identity
    _forms(laptop, ids, "O", 1)
    report = laptop.sync()
    assert report.rejected == 0 and _open_issues(laptop) == []
    assert _numbers(hq.rows("evaluation")) == ["A0", "A1", "B0", "B1", "O0", "P0", "R0", "R1"]
    restored.sync()
    assert _numbers(restored.rows("evaluation")) == _numbers(hq.rows("evaluation"))


def test_reused_sequence_with_different_entry_is_refused(hq, tmp_path):
    a = hq.device("office", name="laptop-a")
    ids = seed_reference(a)
    a.sync()
    data_dir, old_hq_id = a.store.data_dir, a.store.meta("hq_device_id")
    a.close()
    copied = tmp_path / "copied-laptop"
    shutil.copytree(data_dir, copied)  # a file-level copy: same identity, same numbering
    a, copy = _open(hq, data_dir), _open(hq, copied)
    _forms(a, ids, "A")
    a.sync()

    _forms(copy, ids, "C")
    with pytest.raises(SyncError) as refused:
        copy.sync()
    assert refused.value.code == "sequence_reused"
    assert "enroll" in refused.value.message
    assert _numbers(hq.rows("evaluation")) == ["A0", "A1"]
    assert _outbox(copy) == 2  # kept, not taken for replays and pruned
    issues = _open_issues(copy)
    assert [code for code, _ in issues] == ["sequence_reused", "sequence_reused"]
    with pytest.raises(SyncError):  # and it stays stopped until enrolled again
        copy.sync()

    _enroll_again(hq, copy, "laptop-a-copy")
    copy.sync()
    assert _numbers(hq.rows("evaluation")) == ["A0", "A1", "C0", "C1"]
    assert _open_issues(copy) == []  # settled once the entries reached HQ
    assert _devices(hq)["laptop-a-copy"]["replaces_device_id"] == old_hq_id
    _forms(a, ids, "D", 1)
    assert a.sync().rejected == 0
    assert _numbers(hq.rows("evaluation")) == ["A0", "A1", "C0", "C1", "D0"]


def test_retry_after_a_lost_reply_is_still_a_replay_after_an_edit(hq):
    """The digest check never mistakes a genuine retry for a copy: HQ applied the batch, the
    reply was lost, the form was edited before the next sync (an insert entry is sent as the
    row is now, so its fields differ the second time)."""
    a = hq.device("office", name="laptop-a")
    ids = seed_reference(a)
    _forms(a, ids, "L", 3)
    a.transport.cut("/v1/push", "after")  # HQ commits, the reply is lost,
    a.transport.cut("/v1/push", "before", times=2)  # and the retries do not get through
    with pytest.raises(SyncError, match="cannot be reached"):
        a.sync()
    assert _numbers(hq.rows("evaluation")) == ["L0", "L1", "L2"]
    first = next(i for i, r in a.rows("evaluation").items() if r["form_no"] == "L0")
    with a.write() as w:
        w.update(Evaluation, first, {"form_no": "L0-fixed"})
    report = a.sync()
    assert report.rejected == 0 and _open_issues(a) == [] and _outbox(a) == 0
    assert _numbers(hq.rows("evaluation")) == ["L0-fixed", "L1", "L2"]

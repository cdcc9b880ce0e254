"""HQ holds each device's audit head: a cut or a rewritten chain shows at the next sync."""

import pytest

from models.errors import SyncError
from models.records import Evaluation
from models.security import audit
from models.security.audit_verify import verify_chain
from sync.server.admin import list_devices
from sync.server.audit_heads import held_head
from tests.sync.conftest import database_url  # noqa: F401 - HQ on SQLite and PostgreSQL
from tests.sync.helpers import FAST_RETRY, Hq, form, seed_reference


@pytest.fixture
def hq(database_url, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    server = Hq.start(database_url, tmp_path)
    yield server
    server.close()


def _hq_head(hq, dev):
    return held_head(hq.db, dev.store.meta("hq_device_id"))


def _rehash_from(store, start_seq: int, profile: str) -> None:
    """The insider's best effort: change an entry and rebuild every hash after it."""
    with store.engine.begin() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq",
                                    (start_seq,)).mappings().all()
        prev = conn.exec_driver_sql("SELECT hash FROM audit_log WHERE seq = ?",
                                    (start_seq - 1,)).scalar()
        for i, r in enumerate(rows):
            who = profile if i == 0 else r["profile"]
            h = audit.entry_hash(prev, r["at"], r["device_id"], who, r["event"], r["table_name"],
                                 r["row_id"], r["content_hash"], r["details"])
            conn.exec_driver_sql("UPDATE audit_log SET profile=?, prev_hash=?, hash=? WHERE seq=?",
                                 (who, prev, h, r["seq"]))
            prev = h
        conn.exec_driver_sql("UPDATE store_meta SET value = ? WHERE key = 'audit_head'",
                             (f"{rows[-1]['seq']}:{prev}",))


def test_head_goes_to_hq_and_a_cut_tail_is_caught(hq):
    dev = hq.device("office", name="laptop-a")
    seed_reference(dev)
    dev.sync()
    head, alarm = _hq_head(hq, dev)
    assert head == dev.store.meta("audit_head_sent") and alarm is None
    with dev.store.read() as conn:
        assert verify_chain(conn).ok
    seq = int(head.split(":")[0])
    with dev.store.engine.begin() as conn:  # cut the tail, move the local anchor too
        conn.exec_driver_sql("DELETE FROM audit_log WHERE seq >= ?", (seq - 1,))
        conn.exec_driver_sql("UPDATE store_meta SET value = '1:x' WHERE key = 'audit_head'")
        conn.exec_driver_sql("DELETE FROM store_meta WHERE key = 'audit_head_sent'")
    dev.sync()
    head_after, alarm = _hq_head(hq, dev)
    assert head_after == head and "ends at entry" in alarm
    from sync.server.admin import list_devices  # what HQ's people see in the device list

    listed = {d["label"]: d for d in list_devices(hq.db)}
    assert "ends at entry" in listed["laptop-a"]["audit_alarm"]
    with dev.store.read() as conn:  # and on the device, against the head HQ holds
        broken = verify_chain(conn, expected_heads={"HQ": (seq, head.split(":")[1])}).broken
    assert broken is not None


def test_rewritten_history_is_caught_by_hq(hq):
    dev = hq.device("office", name="laptop-b")
    seed_reference(dev)
    dev.sync()
    _rehash_from(dev.store, 2, "someone else")
    with dev.store.read() as conn:
        assert verify_chain(conn, expected_heads={}).broken.kind == "edited"  # vs sent head
    dev.sync()
    _, alarm = _hq_head(hq, dev)
    assert "history rewritten" in alarm


def test_forged_audit_head_repeating_old_anchor_raises_alarm(hq, monkeypatch):
    """An insider rewrites history, then sends a report that vouches for HQ's anchor with the
    hash HQ holds (the device remembers it) instead of the hash that entry has now."""
    dev = hq.device("office", name="laptop-c")
    seed_reference(dev)
    dev.sync()
    anchor_before, _ = _hq_head(hq, dev)
    _rehash_from(dev.store, 2, "someone else")
    real = audit.head_report

    def forged(conn, details=None):
        report = real(conn, details)
        sent = conn.exec_driver_sql("SELECT value FROM store_meta WHERE key = 'audit_head_sent'"
                                    ).scalar()
        report["anchor"]["hash"] = sent.partition(":")[2]  # the old hash, repeated
        return report

    monkeypatch.setattr(audit, "head_report", forged)
    dev.sync()
    head, alarm = _hq_head(hq, dev)
    assert alarm and "history rewritten" in alarm  # before: accepted, no alarm
    assert head == anchor_before  # HQ still holds the point that commits to the real history
    listed = {d["label"]: d for d in list_devices(hq.db)}["laptop-c"]
    assert listed["audit_alarm_code"] == "audit_head_unreached"


def test_a_long_stretch_goes_in_several_reports_and_a_lost_answer_raises_no_alarm(
        hq, monkeypatch):
    dev = hq.device("office", name="laptop-d")
    ids = seed_reference(dev)
    dev.sync()
    monkeypatch.setattr(audit, "MAX_LINKS", 7)
    with dev.write() as w:
        w.create_many(Evaluation, [form(ids, f"L{i}") for i in range(30)])
    # HQ keeps a point; the device never hears it (every retry's answer lost too).
    dev.transport.cut("audit-head", "after", times=FAST_RETRY.attempts)
    with pytest.raises(SyncError):
        dev.sync()
    assert _hq_head(hq, dev)[0] != dev.store.meta("audit_head_sent")
    dev.sync()
    head, alarm = _hq_head(hq, dev)
    assert alarm is None
    assert head == dev.store.meta("audit_head_sent") == dev.store.meta("audit_head")

"""HQ holds each device's audit head: a cut or a rewritten chain shows at the next sync."""

import pytest

from models.security import audit
from models.security.audit_verify import verify_chain
from sync.server.audit_heads import held_head
from tests.sync.helpers import Hq, seed_reference


@pytest.fixture
def hq(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_NO_KEYRING", "1")
    server = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
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

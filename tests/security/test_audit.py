"""The audit chain catches each kind of tampering, and keeps the history of sensitive records."""

import datetime as dt

import pytest

from models import services
from models.records import PersonnelCriticism
from models.reference import Unit
from models.security import audit
from models.security.audit_verify import verify_chain
from models.security.history import record_history


def _some_changes(store, n=4):
    with store.write("clerk") as w:
        unit_id = w.create(Unit, {"name": "白泥镇", "kind": "township"})
    for i in range(n):
        with store.write("clerk") as w:
            w.update(Unit, unit_id, {"name": f"白泥镇 {i}"})
    return unit_id


def _raw(store, sql, params=()):
    with store.engine.begin() as conn:
        conn.exec_driver_sql(sql, params)


def _verify(store, **kw):
    with store.read() as conn:
        return verify_chain(conn, **kw)


def test_every_change_is_chained_in_the_same_transaction(store):
    _some_changes(store, 2)
    with pytest.raises(RuntimeError), store.write("clerk") as w:
        w.create(Unit, {"name": "rolled back", "kind": "other"})
        raise RuntimeError("half-way")
    with store.read() as conn:
        events = conn.exec_driver_sql("SELECT seq, event, profile FROM audit_log ORDER BY seq").all()
    assert [(e.seq, e.event) for e in events] == [
        (1, "unlock"), (2, "insert"), (3, "update"), (4, "update")]
    report = _verify(store)
    assert report.ok and report.checked == 4 and report.head_seq == 4


def test_record_api_logs_unlock_export_and_sync(store):
    with store.engine.begin() as conn:
        audit.record(conn, "unlock", profile="王芳")
        audit.record(conn, "export", profile="王芳", details={"kind": "ledger", "rows": 12})
    with store.read() as conn:
        rows = conn.exec_driver_sql("SELECT event, details FROM audit_log").all()
    assert [r.event for r in rows] == ["unlock", "unlock", "export"]
    assert '"rows":12' in rows[2].details
    assert _verify(store).ok


def test_an_event_is_logged_with_driver_statements_only_and_chains_on(store):
    """`record` (every sync round logs one in its page's transaction) reads the device's id
    and the head and writes the entry and the head anchor on the driver: SQLAlchemy runs no
    statement of it; the entry is chained on from the head, the anchor moved, the chain
    verifies, and a block that raises leaves neither behind."""
    from sqlalchemy import event

    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_: statements.append(statement.split()[0]))
    with store.engine.begin() as conn:
        before = audit.head(conn)
        statements.clear()
        logged = audit.record(conn, "sync", details={"pushed": 1, "pulled": 2})
        assert statements == []
    with store.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT seq, device_id, event, details, prev_hash, hash FROM audit_log "
            "ORDER BY seq DESC LIMIT 1").one()
        anchor = conn.exec_driver_sql(
            "SELECT value FROM store_meta WHERE key = ?", (audit.HEAD_META_KEY,)).scalar()
        device = conn.exec_driver_sql(
            "SELECT value FROM store_meta WHERE key = 'device_id'").scalar()
    assert row.seq == before[0] + 1 and row.prev_hash == before[1]
    assert (row.seq, row.hash) == logged and anchor == f"{row.seq}:{row.hash}"
    assert row.device_id == device and device and row.event == "sync"
    assert row.details == '{"pulled":2,"pushed":1}'
    assert _verify(store).ok
    with pytest.raises(RuntimeError), store.engine.begin() as conn:
        audit.record(conn, "export")
        raise RuntimeError("half-way")
    with store.read() as conn:
        assert audit.head(conn) == logged


def test_the_first_event_of_an_empty_log_starts_from_genesis(store):
    _raw(store, "DELETE FROM audit_log")
    with store.engine.begin() as conn:
        seq, digest = audit.record(conn, "unlock")
    with store.read() as conn:
        prev = conn.exec_driver_sql("SELECT prev_hash FROM audit_log WHERE seq = 1").scalar()
    assert seq == 1 and prev == audit.GENESIS and _verify(store).ok


def test_edited_entry_is_reported(store):
    _some_changes(store)
    _raw(store, "UPDATE audit_log SET profile = 'someone else' WHERE seq = 3")
    broken = _verify(store).broken
    assert (broken.seq, broken.kind) == (3, "edited")


def test_edited_and_rehashed_entry_is_reported(store):
    _some_changes(store)
    with store.engine.begin() as conn:
        row = conn.exec_driver_sql("SELECT * FROM audit_log WHERE seq = 3").mappings().one()
        new_hash = audit.entry_hash(row["prev_hash"], row["at"], row["device_id"], "forger",
                                    row["event"], row["table_name"], row["row_id"],
                                    row["content_hash"], row["details"])
        conn.exec_driver_sql("UPDATE audit_log SET profile='forger', hash=? WHERE seq=3",
                             (new_hash,))
    broken = _verify(store).broken
    assert (broken.seq, broken.kind) == (3, "edited")


def test_deleted_entry_is_reported(store):
    _some_changes(store)
    _raw(store, "DELETE FROM audit_log WHERE seq = 2")
    broken = _verify(store).broken
    assert (broken.seq, broken.kind) == (2, "deleted")


def test_reordered_pair_is_reported(store):
    _some_changes(store)
    _raw(store, "UPDATE audit_log SET seq = -1 WHERE seq = 2")
    _raw(store, "UPDATE audit_log SET seq = 2 WHERE seq = 3")
    _raw(store, "UPDATE audit_log SET seq = 3 WHERE seq = -1")
    broken = _verify(store).broken
    assert (broken.seq, broken.kind) == (2, "reordered")


def test_truncated_tail_is_reported_against_the_local_anchor(store):
    _some_changes(store)
    _raw(store, "DELETE FROM audit_log WHERE seq >= 4")
    broken = _verify(store).broken
    assert (broken.seq, broken.kind) == (4, "truncated")


def test_truncated_tail_is_reported_against_the_head_hq_holds(store):
    _some_changes(store)
    with store.read() as conn:
        sent = audit.head(conn)
    # An insider cuts the tail AND moves the local anchor: only HQ's copy of the head shows it.
    _raw(store, "DELETE FROM audit_log WHERE seq >= 4")
    _raw(store, "UPDATE store_meta SET value = '3:' || (SELECT hash FROM audit_log WHERE seq = 3)"
                " WHERE key = 'audit_head'")
    assert _verify(store).ok
    broken = _verify(store, expected_heads={"HQ": sent}).broken
    assert (broken.seq, broken.kind) == (4, "truncated")


def _criticism(store, units):
    with store.write("王芳") as w:
        return services.create_record(w, PersonnelCriticism, {
            "person_name": "李四", "unit_id": units, "behaviour": "迟到",
            "decided_on": dt.date(2024, 5, 1),
        })


def test_criticism_keeps_every_earlier_version(store):
    with store.write("clerk") as w:
        unit_id = w.create(Unit, {"name": "卫生院", "kind": "hospital"})
    crit_id = _criticism(store, unit_id)
    with store.write("张三") as w:
        services.update_record(w, PersonnelCriticism, crit_id, {"behaviour": "多次迟到"})
    with store.write("张三") as w:
        services.delete_record(w, PersonnelCriticism, crit_id)
    with store.read() as conn:
        versions = record_history(conn, "personnel_criticism", crit_id)
    assert [v.op for v in versions] == ["insert", "update", "delete"]
    assert [v.profile for v in versions] == ["王芳", "张三", "张三"]
    assert versions[0].values["behaviour"] == "迟到"
    assert versions[1].changed == {"behaviour": ("迟到", "多次迟到")}
    assert _verify(store).ok


def test_rewritten_history_is_reported(store):
    with store.write("clerk") as w:
        unit_id = w.create(Unit, {"name": "卫生院", "kind": "hospital"})
    crit_id = _criticism(store, unit_id)
    _raw(store, "UPDATE record_version SET snapshot = replace(snapshot, '迟到', '表现良好')"
                " WHERE row_id = ?", (crit_id,))
    assert _verify(store).broken.kind == "history_edited"

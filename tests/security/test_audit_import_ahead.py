"""An import's audit entries are the same whether they were hashed and chained while SQLite
built the forms' indexes and counted them (`WriteSession.hooks_ahead`) or by the hook itself:
each row's content hash is that of the row as stored, and the chain verifies."""

from datetime import date

from models.enums import Level
from models.imports import common
from models.records import Evaluation
from models.reference import Campaign, Unit
from models.security import audit
from models.security.audit_verify import verify_chain
from models.store import writes


def _forms(store, n: int) -> list[dict]:
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "单位", "kind": "township"})
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
    return [{"unit_id": unit, "campaign_id": campaign, "group": "citizen",
             "level": list(Level)[i % 4], "evaluated_on": date(2026, 1, 1 + i % 20),
             "form_no": f"A{i}"} for i in range(n)]


def _entries(store) -> list[tuple]:
    with store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT table_name, row_id, content_hash FROM audit_log "
            "WHERE event = 'insert' AND table_name = 'evaluation' ORDER BY seq")]


def _content_hashes(store) -> dict[str, str]:
    with store.read() as conn:
        cur = conn.exec_driver_sql("SELECT * FROM evaluation")
        columns = [d[0] for d in cur.cursor.description]
        return {r[columns.index("id")]: audit.sha256_text(audit.canonical_row(columns, r))
                for r in cur}


def test_an_import_hashes_its_rows_beside_the_index_builds_and_the_chain_holds(
        store, monkeypatch):
    monkeypatch.setattr(common, "CHUNK", 30)
    monkeypatch.setattr(writes, "core_free", lambda: True)
    forms = _forms(store, 90)
    used = []
    original = audit._chained_ahead

    def ahead(session, changes, read):
        done = original(session, changes, read)
        used.append(len(done[-1]))
        return done

    monkeypatch.setattr(audit.append_to_audit, "ahead", ahead)
    with store.write("clerk") as w:
        common.create_chunked(w, Evaluation, forms, None)
    assert used == [90]  # every form's row hashed ahead, on the thread
    entries = _entries(store)
    assert len(entries) == 90
    held = _content_hashes(store)
    assert all(held[row_id] == digest for _, row_id, digest in entries)
    with store.read() as conn:
        assert verify_chain(conn).ok


def test_a_failed_or_unfit_ahead_leaves_the_hook_to_hash_every_row(store, monkeypatch):
    monkeypatch.setattr(common, "CHUNK", 30)
    monkeypatch.setattr(writes, "core_free", lambda: True)
    forms = _forms(store, 60)

    def broken(session, changes, read):
        raise RuntimeError("no")

    monkeypatch.setattr(audit.append_to_audit, "ahead", broken)
    with store.write("clerk") as w:
        common.create_chunked(w, Evaluation, forms, None)
        assert audit.append_to_audit not in w.ahead
    monkeypatch.setattr(audit.append_to_audit, "ahead", lambda session, changes, read: (
        changes[::-1], read, "2000-01-01 00:00:00", [(0, "x")] * len(changes)))
    with store.write("clerk") as w:  # made for other changes: not used
        common.create_chunked(w, Evaluation, forms[:40] + forms[:40], None)
    monkeypatch.undo()
    monkeypatch.setattr(common, "CHUNK", 30)
    monkeypatch.setattr(writes, "core_free", lambda: True)
    with store.write("clerk") as w:  # an entry chained after the head it was made from
        common.create_chunked(w, Evaluation, forms * 4, None)
        audit.record(w.conn, "export", profile="clerk")
        assert audit.append_to_audit in w.ahead
    held = _content_hashes(store)
    entries = _entries(store)
    assert len(entries) == 380
    assert all(held[row_id] == digest for _, row_id, digest in entries)
    with store.read() as conn:
        assert verify_chain(conn).ok
    assert writes.AHEAD_SWITCH_INTERVAL < 0.005


def test_on_a_busy_machine_the_hook_does_its_work_itself(store, monkeypatch):
    monkeypatch.setattr(common, "CHUNK", 30)
    monkeypatch.setattr(writes, "core_free", lambda: False)
    started = []
    monkeypatch.setattr(audit.append_to_audit, "ahead",
                        lambda *args: started.append(1))
    forms = _forms(store, 60)
    with store.write("clerk") as w:
        common.create_chunked(w, Evaluation, forms, None)
    assert started == []
    held = _content_hashes(store)
    assert all(held[row_id] == digest for _, row_id, digest in _entries(store))
    with store.read() as conn:
        assert verify_chain(conn).ok

"""A one-record round at a SQLite HQ: its writes go to the driver, their work unchanged.

The audit head points HQ keeps (A's report on the push, B's on the pull), the push's entry
digests, its counter and device-row updates, the id and paper-number probes and the form's
INSERT are driver statements (`sync.server.db.on_driver`): through SQLAlchemy's `Connection`
each cost ~13 µs of HQ's CPU more (issue 18 row 4). Only the transactions' BEGINs and the two
checks of the device's row and token still pass through it.
"""

from sqlalchemy import event

from models.records import Evaluation
from tests.sync.helpers import HQ_ON_SQLITE_ONLY, form, seed_reference

pytestmark = HQ_ON_SQLITE_ONLY


def _count(hq, sql: str) -> int:
    with hq.db.engine.connect() as conn:
        return conn.exec_driver_sql(sql).scalar()


def test_a_one_record_rounds_writes_at_hq_go_to_the_driver(hq):
    a, b = hq.device("hq", name="a"), hq.device("hq", name="b")
    ids = seed_reference(a)
    for dev in (a, b, a, b):
        dev.sync()
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "ON-DRIVER"))
    anchors = _count(hq, "SELECT count(*) FROM sync_audit_anchor")
    digests = _count(hq, "SELECT count(*) FROM sync_entry_digest")
    version = _count(hq, "SELECT value FROM sync_counter WHERE id = 1")
    seen: list[str] = []
    event.listen(hq.db.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_: seen.append(" ".join(statement.split())))
    assert a.sync().pushed == 1 and b.sync().pulled == 1
    assert [s for s in seen if not s.startswith("BEGIN")] and all(
        s.startswith("BEGIN") or "FROM sync_device AS d" in s for s in seen), seen
    # the work is all there: A's new point kept (B's head had not moved), A's digest, the
    # form and its version
    assert _count(hq, "SELECT count(*) FROM sync_audit_anchor") == anchors + 1
    assert _count(hq, "SELECT count(*) FROM sync_entry_digest") == digests + 1
    assert _count(hq, "SELECT value FROM sync_counter WHERE id = 1") == version + 1
    assert _count(hq, f"SELECT server_version FROM evaluation WHERE id = '{fid}'") == version + 1
    assert fid in b.rows("evaluation")
    with hq.db.engine.connect() as conn:
        at = conn.exec_driver_sql("SELECT accepted_at FROM sync_audit_anchor ORDER BY "
                                  "accepted_at DESC LIMIT 1").scalar()
    assert len(at) == len("2026-12-03 00:00:00.000000")  # stored as the column type writes it
    assert b.sync().pulled == 0 and a.sync().pulled == 0  # the next reports build on them
    assert _count(hq, "SELECT count(*) FROM sync_audit_anchor") == anchors + 3  # both rounds
    assert _count(hq, "SELECT count(*) FROM store_meta WHERE key LIKE 'audit_alarm:%'") == 0

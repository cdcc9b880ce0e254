"""Pushes of new forms run side by side on a PostgreSQL HQ (issue 18 §3): one device's push in
flight does not hold up another's, and a pull made in between never skips the slower push's
form (its versions are taken at the end of its transaction, above every version handed out
before it commits). What must still take turns does: two pushes of one device (a retry racing
the first attempt), two forms with one paper number, an edit beside a push of new forms."""

import threading
import time

import orjson
import pytest
import sqlalchemy as sa

from models.ids import new_id
from sync.protocol import PushEntry
from sync.server import push as push_module
from sync.server import tables as T
from sync.server.pull import pull_page
from sync.server.push import push_batch
from tests.sync.helpers import Hq, count_round_trips, form, seed_reference

PAUSE = 15.0  # the longest a paused push waits to be let go (a hang fails, it never blocks CI)
QUICK = 5.0  # a push that must not wait for the paused one finishes within this


@pytest.fixture
def pg_hq(pg_url, tmp_path):
    server = Hq.start(pg_url, tmp_path)
    yield server
    server.close()


@pytest.fixture
def county(pg_hq):
    """Two office laptops (A, B) enrolled with the county's reference data at HQ, and a third
    device (C) that pulls."""
    a = pg_hq.device("office", name="a")
    ids = seed_reference(a)
    a.sync()
    b = pg_hq.device("office", name="b")
    c = pg_hq.device("office", name="c")
    return pg_hq, ids, a, b, c


class Pause:
    """Holds the push of one device after its rows are written, before its commit (when its
    entries' digests are made: the last thing before the push's closing statements)."""

    def __init__(self, monkeypatch, device_id: str):
        self.reached, self.go = threading.Event(), threading.Event()
        make = push_module.replays.digests_row

        def held(dev_id, entries):
            row = make(dev_id, entries)
            if dev_id == device_id:
                self.reached.set()
                self.go.wait(PAUSE)
            return row

        monkeypatch.setattr(push_module.replays, "digests_row", held)


def _seq(hq, who) -> int:
    with hq.db.engine.connect() as conn:
        last = conn.execute(sa.select(T.device.c.last_seq).where(
            T.device.c.id == who.id)).scalar()
    return (last or 0) + 1


def _entry(ids, seq: int, form_no: str) -> PushEntry:
    row_id = new_id()
    return PushEntry(seq=seq, table="evaluation", row_id=row_id, op="insert",
                     fields={**form(ids, form_no), "id": row_id, "source": "paper",
                             "voided": False}, profile="clerk")


def _in_thread(fn, *args):
    out: dict = {}

    def go():
        try:
            out["result"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out["error"] = exc

    thread = threading.Thread(target=go, daemon=True)
    thread.start()
    return thread, out


def _pull(hq, who, cursor: int) -> dict:
    return orjson.loads(pull_page(hq.db, who, cursor, 1000))


def _form_nos(page: dict) -> set[str]:
    table = page["tables"].get("evaluation")
    if not table:
        return set()
    k = table["columns"].index("form_no")
    return {r[k] for r in table["rows"]}


def test_a_push_in_flight_holds_up_no_other_device_and_no_pull_skips_it(county, monkeypatch):
    hq, ids, a, b, c = county
    who_a, who_b, who_c = hq.identity(a), hq.identity(b), hq.identity(c)
    start = _pull(hq, who_c, 0)["cursor"]
    pause = Pause(monkeypatch, who_a.id)
    slow, slow_out = _in_thread(push_batch, hq.db, who_a, [_entry(ids, _seq(hq, who_a), "A-1")])
    try:
        assert pause.reached.wait(QUICK)
        quick, quick_out = _in_thread(push_batch, hq.db, who_b,
                                      [_entry(ids, _seq(hq, who_b), "B-1")])
        quick.join(QUICK)
        assert not quick.is_alive(), "B's push waited for A's push in flight"
        assert "error" not in quick_out and quick_out["result"].outcomes == []
        between = _pull(hq, who_c, start)
        assert _form_nos(between) == {"B-1"}
    finally:
        pause.go.set()
        slow.join(PAUSE)
    assert "error" not in slow_out and slow_out["result"].outcomes == []
    after = _pull(hq, who_c, between["cursor"])
    assert _form_nos(after) == {"A-1"}  # committed later, numbered above what C already has
    assert after["cursor"] > between["cursor"]
    versions = {r["form_no"]: r["server_version"] for r in hq.rows("evaluation").values()}
    assert versions["A-1"] > versions["B-1"] > 0


def test_a_retried_push_racing_the_first_attempt_applies_once(county, monkeypatch):
    hq, ids, a, _b, _c = county
    who = hq.identity(a)
    batch = [_entry(ids, _seq(hq, who), "R-1")]
    pause = Pause(monkeypatch, who.id)
    first, first_out = _in_thread(push_batch, hq.db, who, batch)
    try:
        assert pause.reached.wait(QUICK)
        pause.reached.clear()
        retry, retry_out = _in_thread(push_batch, hq.db, who, batch)
        time.sleep(0.5)
        assert not pause.reached.is_set(), "the retry applied beside the first attempt"
    finally:
        pause.go.set()
        first.join(PAUSE)
        retry.join(PAUSE)
    assert "error" not in first_out and "error" not in retry_out
    assert retry_out["result"].acked_through == batch[0].seq
    assert sum(r["form_no"] == "R-1" for r in hq.rows("evaluation").values()) == 1


def test_one_paper_number_pushed_by_two_devices_at_once_is_flagged(county, monkeypatch):
    hq, ids, a, b, _c = county
    who_a, who_b = hq.identity(a), hq.identity(b)
    pause = Pause(monkeypatch, who_a.id)
    slow, slow_out = _in_thread(push_batch, hq.db, who_a, [_entry(ids, _seq(hq, who_a), "N-7")])
    try:
        assert pause.reached.wait(QUICK)
        second, second_out = _in_thread(push_batch, hq.db, who_b,
                                        [_entry(ids, _seq(hq, who_b), "N-7")])
        time.sleep(0.5)
    finally:
        pause.go.set()
        slow.join(PAUSE)
        second.join(PAUSE)
    assert "error" not in slow_out and "error" not in second_out
    assert slow_out["result"].outcomes == []
    [flagged] = second_out["result"].outcomes
    assert flagged.code == "duplicate_form_number"
    conflicts = hq.count(T.conflict)
    assert conflicts == 1
    with hq.db.engine.connect() as conn:
        version = conn.execute(sa.select(T.conflict.c.version)).scalar_one()
    assert version > 0


def test_an_edit_waits_for_a_push_of_new_forms_in_flight(county, monkeypatch):
    """An edit merges against what HQ holds: it runs alone, after the new forms committed."""
    hq, ids, a, b, _c = county
    who_a = hq.identity(a)
    campaign = hq.rows("campaign")[ids["campaign"]]
    pause = Pause(monkeypatch, who_a.id)
    slow, slow_out = _in_thread(push_batch, hq.db, who_a, [_entry(ids, _seq(hq, who_a), "E-1")])
    try:
        assert pause.reached.wait(QUICK)
        who_b = hq.identity(b)
        edit = PushEntry(seq=_seq(hq, who_b), table="campaign", row_id=ids["campaign"],
                         op="update", fields={"name": "2026 drive (spring)"},
                         base_version=campaign["server_version"], profile="clerk")
        editing, edit_out = _in_thread(push_batch, hq.db, who_b, [edit])
        editing.join(0.5)
        assert editing.is_alive(), "the edit ran beside a push in flight"
    finally:
        pause.go.set()
        slow.join(PAUSE)
        editing.join(PAUSE)
    assert "error" not in slow_out and "error" not in edit_out
    versions = {r["form_no"]: r["server_version"] for r in hq.rows("evaluation").values()}
    assert hq.rows("campaign")[ids["campaign"]]["server_version"] > versions["E-1"]


def test_a_push_of_one_new_form_takes_two_round_trips(county, monkeypatch):
    """Every round trip to PostgreSQL counts while pushes share the machine (issue 18 §3): the
    transaction's BEGIN and the writers' gate ride with the device's row and token check, and
    with them, after it, the row's prefetch, the paper number's lock and its holders; then
    the row's INSERT, the entry's digest, the stamping statement (versions, the rows' stamps,
    the device's sequence and sync time) and the COMMIT go together (eight before, then three
    and a COPY's two, then three). The device's sequence and last sync still land, and the
    form with its fields."""
    hq, ids, a, _b, _c = county
    who = hq.identity(a)
    seq = _seq(hq, who)
    sent: list[str] = []

    def counted(_conn, _cursor, statement, *_args):
        sent.append(statement)

    trips = count_round_trips(monkeypatch)
    sa.event.listen(hq.db.engine, "before_cursor_execute", counted)
    try:
        before = time.time()
        result = push_batch(hq.db, who, [_entry(ids, seq, "S-1")])
    finally:
        sa.event.remove(hq.db.engine, "before_cursor_execute", counted)
    assert result.outcomes == [] and result.acked_through == seq
    assert trips == ["statements", "statements"], trips
    assert not any(s.strip().startswith("SELECT pg_advisory_xact_lock_shared") for s in sent)
    with hq.db.engine.connect() as conn:
        device = conn.execute(sa.select(T.device).where(T.device.c.id == who.id)).mappings().one()
    assert device["last_seq"] == seq
    assert device["last_sync_at"].timestamp() >= before - 1
    assert _form_nos(_pull(hq, who, 0)) >= {"S-1"}
    (stored,) = [r for r in hq.rows("evaluation").values() if r["form_no"] == "S-1"]
    sent_fields = _entry(ids, seq, "S-1").fields
    assert {k: stored[k] for k in ("campaign_id", "unit_id", "level", "voided")} == \
        {k: sent_fields[k] for k in ("campaign_id", "unit_id", "level", "voided")}
    assert str(stored["evaluated_on"]) == sent_fields["evaluated_on"]
    assert stored["server_version"] > 0 and stored["deleted_at"] is None


def test_an_edit_holds_the_writers_gate_across_six_round_trips(county, monkeypatch):
    """An edit runs alone (the writers' gate exclusive, the counter locked) from its first
    statement to its COMMIT, so every round trip in between holds up every other writer
    (issue 18 §3): the BEGIN, the gate, the counter and the device's check go together, then
    the row, its field versions, the update and the field versions' write, then the digest,
    the counter with the device's sequence and the COMMIT together. The edit lands."""
    hq, ids, _a, b, _c = county
    who = hq.identity(b)
    campaign = hq.rows("campaign")[ids["campaign"]]
    edit = PushEntry(seq=_seq(hq, who), table="campaign", row_id=ids["campaign"], op="update",
                     fields={"name": "2026 drive (autumn)"},
                     base_version=campaign["server_version"], profile="clerk")
    trips = count_round_trips(monkeypatch)
    result = push_batch(hq.db, who, [edit])
    assert result.outcomes == [] and result.acked_through == edit.seq
    assert trips == ["statements"] + ["statement"] * 4 + ["statements"], trips
    monkeypatch.undo()
    assert hq.rows("campaign")[ids["campaign"]]["name"] == "2026 drive (autumn)"


def test_an_audit_report_riding_on_a_push_adds_no_round_trip(county, monkeypatch):
    """A device's audit head report rides on its push (every round of a device sends one):
    HQ's read of the device's points goes with the device's check, not in a round trip of
    its own (held under the writers' gate for an edit); the point kept is a statement of its
    own, as before. The report is still checked: a new point kept, an answer with the
    device's status, and a report that contradicts HQ's points raises the alarm while the
    push still applies."""
    from sync.server.audit_heads import AuditHeadReport

    hq, ids, _a, b, c = county
    who_b, who_c = hq.identity(b), hq.identity(c)
    campaign = hq.rows("campaign")[ids["campaign"]]
    edit = PushEntry(seq=_seq(hq, who_b), table="campaign", row_id=ids["campaign"],
                     op="update", fields={"name": "2026 drive (winter)"},
                     base_version=campaign["server_version"], profile="clerk")
    trips = count_round_trips(monkeypatch)
    result = push_batch(hq.db, who_b, [edit], AuditHeadReport(seq=7, hash="b" * 64))
    assert trips == ["statements"] + ["statement"] * 5 + ["statements"], trips  # was 8
    assert result.outcomes == [] and result.audit["accepted"] is True
    assert result.audit["head"] == f"7:{'b' * 64}" and result.audit["status"] == "active"
    first = _entry(ids, _seq(hq, who_c), "AR-1")
    trips.clear()
    result = push_batch(hq.db, who_c, [first], AuditHeadReport(seq=3, hash="c" * 64))
    assert trips == ["statements", "statement", "statements"], trips  # was 4
    assert result.outcomes == [] and result.audit["accepted"] is True
    # C now reports a chain shorter than the point HQ holds: the alarm, the form applied
    second = _entry(ids, _seq(hq, who_c), "AR-2")
    trips.clear()
    result = push_batch(hq.db, who_c, [second], AuditHeadReport(seq=2, hash="d" * 64))
    assert trips == ["statements", "statement", "statements"], trips  # the alarm kept; was 4
    assert result.audit["accepted"] is False and result.audit["code"] == "audit_truncated"
    monkeypatch.undo()
    assert hq.rows("campaign")[ids["campaign"]]["name"] == "2026 drive (winter)"
    assert _form_nos(_pull(hq, who_b, 0)) >= {"AR-1", "AR-2"}
    with hq.db.engine.connect() as conn:
        points = conn.exec_driver_sql(
            "SELECT device_id, seq, hash FROM sync_audit_anchor WHERE device_id IN "
            f"('{who_b.id}', '{who_c.id}') ORDER BY seq").all()
        alarm = conn.exec_driver_sql(
            f"SELECT count(*) FROM store_meta WHERE key = 'audit_alarm:{who_c.id}'").scalar()
    assert [tuple(p) for p in points] == [(who_c.id, 3, "c" * 64), (who_b.id, 7, "b" * 64)]
    assert alarm == 1

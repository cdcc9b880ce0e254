"""Devices and HQ converge: creations, field-wise merges, conflicts kept for a person."""

import json

import httpx
import sqlalchemy as sa

from models.records import Evaluation, Finding, Problem, Visit
from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import tables as T
from tests.sync.helpers import form, seed_reference


def test_forms_from_two_offices_reach_hq_and_each_other(hq):
    a, b = hq.device("office", name="office-a"), hq.device("office", name="office-b")
    ids = seed_reference(a)
    seed_reference(b)  # the same unit and campaign made offline on both laptops
    with a.write() as w:
        w.create_many(Evaluation, [form(ids, f"A{i}") for i in range(5)])
    with b.write() as w:
        w.create_many(Evaluation, [form(ids, f"B{i}") for i in range(3)])
    ra, rb = a.sync(), b.sync()
    a.sync()
    assert ra.pushed == 8 and rb.duplicates == 3  # b's unit and campaign were already at HQ
    assert len(hq.rows("evaluation")) == 8
    assert len(hq.rows("unit")) == 2 and len(hq.rows("campaign")) == 1
    assert set(a.rows("evaluation")) == set(b.rows("evaluation")) == set(hq.rows("evaluation"))
    with a.store.read() as conn:  # every entry acknowledged and pruned
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


def test_edits_to_different_fields_both_survive(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        form_id = w.create(Evaluation, form(ids, "7"))
    a.sync(), b.sync()
    with a.write() as w:
        w.update(Evaluation, form_id, {"suggestion": "more chairs"})
    with b.write() as w:
        w.update(Evaluation, form_id, {"level": "fairly_satisfied"})
    a.sync(), b.sync(), a.sync()
    for rows in (hq.rows("evaluation"), a.rows("evaluation"), b.rows("evaluation")):
        assert rows[form_id]["suggestion"] == "more chairs"
        assert rows[form_id]["level"] == "fairly_satisfied"
    assert hq.count(T.conflict) == 0


def test_same_field_keeps_first_and_records_a_conflict(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        form_id = w.create(Evaluation, form(ids, "8"))
    a.sync(), b.sync()
    with a.write() as w:
        w.update(Evaluation, form_id, {"reason": "first"})
    with b.write() as w:
        w.update(Evaluation, form_id, {"reason": "second"})
    a.sync()
    report = b.sync()
    a.sync()
    assert report.conflicts == 1
    assert hq.rows("evaluation")[form_id]["reason"] == "first"
    assert b.rows("evaluation")[form_id]["reason"] == "first"
    with hq.db.engine.connect() as conn:
        rows = conn.execute(sa.select(T.conflict)).all()
    assert len(rows) == 1 and rows[0].kind == "same_field" and "second" in rows[0].other
    with b.store.read() as conn:
        issues = conn.exec_driver_sql("SELECT kind, table_name FROM sync_issue").all()
    assert issues == [("conflict", "evaluation")]


def test_identical_edits_are_not_a_conflict(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        form_id = w.create(Evaluation, form(ids, "9"))
    a.sync(), b.sync()
    for dev in (a, b):
        with dev.write() as w:
            w.update(Evaluation, form_id, {"reason": "same words"})
        dev.sync()
    assert hq.count(T.conflict) == 0


def test_duplicate_paper_numbers_are_both_kept_and_flagged(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    a.sync(), b.sync()
    for dev in (a, b):
        with dev.write() as w:
            w.create(Evaluation, form(ids, "1234"))
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    assert len(hq.rows("evaluation")) == 2
    with hq.db.engine.connect() as conn:
        kinds = conn.execute(sa.select(T.conflict.c.kind)).scalars().all()
        from models.stats import Filters, duplicate_form_numbers
        assert duplicate_form_numbers(conn, Filters()) == 1
    assert kinds == ["duplicate_form_number"]


def test_delete_beats_edit_and_keeps_the_edit(hq):
    a, b = hq.device("office"), hq.device("hq")
    ids = seed_reference(a)
    with a.write() as w:
        form_id = w.create(Evaluation, form(ids, "55"))
    a.sync(), b.sync()
    with b.write() as w:
        w.delete(Evaluation, form_id)
    with a.write() as w:
        w.update(Evaluation, form_id, {"reason": "late edit"})
    b.sync()
    report = a.sync()
    assert report.conflicts == 1
    assert form_id not in hq.rows("evaluation")
    assert form_id not in a.rows("evaluation")  # the tombstone came down
    with hq.db.engine.connect() as conn:
        c = conn.execute(sa.select(T.conflict)).one()
    assert c.kind == "delete_edit" and "late edit" in c.other


def test_problem_status_keeps_the_furthest_step(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        pid = w.create(Problem, {"description": "queue too long", "reported_on": "2026-03-01",
                                 "unit_id": ids["window"], "measures": "second window opened"})
    a.sync(), b.sync()
    with a.write() as w:
        w.update(Problem, pid, {"status": "verified"})
    with b.write() as w:
        w.update(Problem, pid, {"status": "rectifying"})  # an older laptop, synced late
    a.sync(), b.sync(), a.sync()
    assert hq.rows("problem")[pid]["status"] == "verified"
    assert b.rows("problem")[pid]["status"] == "verified"


def test_reopen_racing_a_forward_step_is_a_conflict(hq):
    a, b = hq.device("office"), hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        pid = w.create(Problem, {"description": "rude staff", "reported_on": "2026-03-01",
                                 "unit_id": ids["window"], "status": "rectified",
                                 "measures": "staff trained"})
    a.sync(), b.sync()
    with a.write() as w:
        w.update(Problem, pid, {"status": "verified"})
    with b.write() as w:
        w.update(Problem, pid, {"status": "rectifying", "reopen_reason": "not fixed"})
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    assert hq.rows("problem")[pid]["status"] == "verified"
    with hq.db.engine.connect() as conn:
        assert conn.execute(sa.select(T.conflict.c.kind)).scalars().all() == ["reopen_raced"]


def test_findings_from_a_representative_reach_hq_but_not_an_office(hq):
    office = hq.device("office")
    ids = seed_reference(office)
    office.sync()
    rep = hq.device("representative", representative="Li Wei", team="Team 1")
    boss = hq.device("hq")
    rep.sync()
    team_id = next(iter(rep.rows("team")))
    with rep.write() as w:
        vid = w.create(Visit, {"kind": "open", "team_id": team_id, "unit_id": ids["window"],
                               "status": "done"})
        w.create(Finding, {"visit_id": vid, "unit_id": ids["window"],
                           "description": "absent from post"})
    rep.sync(), office.sync(), boss.sync()
    assert len(hq.rows("finding")) == 1 and len(boss.rows("finding")) == 1
    assert office.rows("finding") == {} and office.rows("visit") == {}


def test_conflicts_reach_the_supervisors_and_can_be_settled(hq):
    a, b, boss = hq.device("office"), hq.device("office"), hq.device("hq")
    ids = seed_reference(a)
    a.sync(), b.sync()
    for dev in (a, b):
        with dev.write() as w:
            w.create(Evaluation, form(ids, "77"))  # one paper number keyed on two desks
    a.sync(), b.sync(), a.sync(), boss.sync()
    for dev in (a, boss):  # the desk that did not cause it learns of it too
        with dev.store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT code, details FROM sync_issue WHERE id LIKE 'hq:%'").all()
        assert [r[0] for r in rows] == ["duplicate_form_number"]
    conflict_id = json.loads(rows[0][1])["hq_conflict_id"]
    from tests.sync.test_faults import _SyncASGI, _token

    client = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test", headers={
        SCHEMA_HEADER: str(SCHEMA_VERSION), "Authorization": f"Bearer {_token(boss, hq)}"})
    assert client.post(f"/v1/conflicts/{conflict_id}/resolve").status_code == 200
    with hq.db.engine.connect() as conn:
        assert conn.execute(sa.select(T.conflict.c.resolved_at)).scalar() is not None

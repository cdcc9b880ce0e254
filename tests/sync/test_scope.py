"""The authorization matrix at HQ: what each kind of device may push and receive."""

import sqlalchemy as sa

from models.records import Evaluation, Finding, PersonnelCriticism, Visit
from models.reference import Representative
from sync.server import tables as T
from tests.sync.helpers import form, seed_reference


def _setup(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    one = hq.device("representative", representative="Li Wei", team="Team 1")
    one_b = hq.device("representative", representative="Zhao Min", team="Team 1")
    two = hq.device("representative", representative="Wang Fang", team="Team 2")
    for d in (one, one_b, two):
        d.sync()
    return boss, ids, one, one_b, two


def _team(dev) -> str:
    return dev.store.meta("team_id")


def test_cross_team_push_is_forbidden_alone_and_the_queue_moves_on(hq):
    boss, ids, one, _, two = _setup(hq)
    t1, t2 = _team(one), _team(two)
    with two.write() as w:
        w.create(Visit, {"kind": "open", "team_id": t1, "status": "done"})  # not its team
        w.create(Visit, {"kind": "open", "team_id": t2, "status": "done"})
        w.create(Evaluation, form(ids, "Z1"))  # a representative does not key forms
    report = two.sync()
    assert report.rejected == 2 and report.forbidden == 2
    assert [v["team_id"] for v in hq.rows("visit").values()] == [t2]
    assert hq.rows("evaluation") == {}
    with two.store.read() as conn:
        kinds = conn.exec_driver_sql("SELECT kind FROM sync_issue").scalars().all()
    assert kinds == ["forbidden", "forbidden"]


def test_a_planned_secret_visit_is_seen_only_by_hq_and_its_assigned_representatives(hq):
    boss, ids, one, one_b, two = _setup(hq)
    rep_id, t1 = one.store.meta("representative_id"), _team(one)
    with boss.write() as w:
        vid = w.create(Visit, {"kind": "secret", "team_id": t1, "status": "planned",
                               "representative_ids": [rep_id], "unit_id": ids["window"]})
    boss.sync()
    for d in (one, one_b, two):
        d.sync()
    assert vid in one.rows("visit")
    assert vid not in one_b.rows("visit") and vid not in two.rows("visit")
    # recorded as done: its team sees it and its findings; the other team still does not
    with one.write() as w:
        w.update(Visit, vid, {"status": "done", "summary": "staff absent"})
        w.create(Finding, {"visit_id": vid, "description": "absent from post"})
    one.sync(), one_b.sync(), two.sync()
    assert vid in one_b.rows("visit") and len(one_b.rows("finding")) == 1
    assert two.rows("visit") == {} and two.rows("finding") == {}


def test_rows_leaving_a_scope_are_removed_from_the_device_only(hq):
    boss, ids, one, _, two = _setup(hq)
    t1, t2 = _team(one), _team(two)
    with one.write() as w:
        vid = w.create(Visit, {"kind": "open", "team_id": t1, "status": "done"})
        w.create(Finding, {"visit_id": vid, "description": "fees charged twice"})
    one.sync(), boss.sync()
    with boss.write() as w:  # HQ moves the visit to team 2
        w.update(Visit, vid, {"team_id": t2})
    boss.sync()
    report = one.sync()
    two.sync()
    assert report.removed == 2
    assert one.rows("visit", live_only=False) == {} and one.rows("finding") == {}
    assert vid in two.rows("visit") and len(two.rows("finding")) == 1
    assert vid in hq.rows("visit") and vid in boss.rows("visit")


def test_a_representative_changing_team_brings_the_new_team_visits(hq):
    boss, ids, one, _, two = _setup(hq)
    t2, rep_id = _team(two), one.store.meta("representative_id")
    with two.write() as w:
        vid = w.create(Visit, {"kind": "open", "team_id": t2, "status": "done"})
    two.sync(), boss.sync()
    with boss.write() as w:
        w.update(Representative, rep_id, {"team_id": t2})
    boss.sync()
    one.sync()
    assert vid in one.rows("visit")


def test_an_office_never_receives_visits_findings_or_criticisms(hq):
    boss, ids, one, _, _ = _setup(hq)
    office, t1 = hq.device("office"), _team(one)
    with one.write() as w:
        vid = w.create(Visit, {"kind": "open", "team_id": t1, "status": "done"})
        fid = w.create(Finding, {"visit_id": vid, "description": "rude"})
        w.create(PersonnelCriticism, {"person_name": "Staff A", "unit_id": ids["window"],
                                      "finding_id": fid})
    one.sync()
    office.sync()
    assert office.rows("visit") == office.rows("finding") == {}
    assert office.rows("personnel_criticism") == {}
    assert len(office.rows("unit")) == 2 and len(office.rows("campaign")) == 1


def test_a_kiosk_receives_its_unit_and_ancestors_and_may_only_create_its_forms(hq):
    boss = hq.device("hq")
    ids = seed_reference(boss)
    with boss.write() as w:
        w.create(Evaluation, form(ids, "K0"))
    boss.sync()
    kiosk = hq.device("kiosk", unit="County Hall/Window 1")
    kiosk.sync()
    assert set(kiosk.rows("unit")) == {ids["unit"], ids["window"]}
    assert kiosk.rows("evaluation") == {}
    with kiosk.write() as w:
        w.create(Evaluation, form(ids, None, source="kiosk"))
        w.create(Evaluation, form(ids, None, unit_id=ids["unit"], source="kiosk"))
    report = kiosk.sync()
    assert report.forbidden == 1
    assert len(hq.rows("evaluation")) == 2


def test_identity_comes_from_the_token_not_the_payload(hq):
    office = hq.device("office")
    ids = seed_reference(office)
    with office.write() as w:
        fid = w.create(Evaluation, form(ids, "T1"))
    with office.store.engine.begin() as conn:  # a doctored outbox claims another device
        conn.exec_driver_sql("UPDATE evaluation SET created_device = 'someone-else'")
    office.sync()
    with hq.db.engine.connect() as conn:
        dev = conn.execute(sa.select(T.device.c.store_device_id)).scalars().all()
    assert hq.rows("evaluation")[fid]["created_device"] == office.store.device_id
    assert office.store.device_id in dev

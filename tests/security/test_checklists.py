"""Checklists on site (issue 16 §2): only HQ writes templates, and a visit's checklist results
follow the visit, secret visits' embargo included. One attack each; SQLite and PostgreSQL."""

import sqlalchemy as sa

from models.checklist_defaults import item_id, template_id
from models.checklist_tables import ChecklistItem, ChecklistResult, ChecklistTemplate
from models.checklist_tables import ChecklistOutcome as O
from models.checklists import result_id, save_checklist, visit_checklist
from models.enums import UnitKind
from models.ids import natural_id
from models.records import Attachment, Visit
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase
PHOTO = b"\xff\xd8\xff\xe0CANARY-checklist-photo"  # a JPEG by its first bytes


def _codes(dev) -> list[str]:
    with dev.store.read() as conn:
        return conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()


def test_representative_cannot_write_a_checklist_template(hq):
    boss = hq.device("hq", name="hq")
    seed_reference(boss)
    boss.sync()
    li = hq.device("representative", representative="Li Wei", team="Team 1")
    li.sync()
    # A doctored client (its own store refuses this: tests/models/test_checklists.py).
    with li.write("mallory") as w:
        rigged = w.create(ChecklistTemplate, {"family_id": "x", "unit_kind": "school",
                                              "name": "Rigged", "active": True})
    report = li.sync()
    assert report.forbidden == 1 and _codes(li) == ["checklist_hq_only"]
    assert rigged not in hq.rows("checklist_template")


def test_office_device_cannot_change_a_checklist_item(hq):
    office = hq.device("office", name="county-office")
    office.sync()
    shipped = item_id(UnitKind.SERVICE_WINDOW, 0)
    with office.write("clerk") as w:  # straight to the store, as a doctored client does
        w.update(ChecklistItem, shipped, {"text": "Rigged", "category": "other"})
    assert office.sync().forbidden == 1 and _codes(office) == ["checklist_hq_only"]
    with hq.db.engine.connect() as conn:
        i = ChecklistItem.__table__
        assert conn.execute(sa.select(i.c.text).where(i.c.id == shipped)).scalar() == "在岗在位"


def _secret(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    li = hq.device("representative", representative="Li Wei", team="Team 1")
    zhao = hq.device("representative", representative="Zhao Min", team="Team 1")
    wang = hq.device("representative", representative="Wang Fang", team="Team 2")
    for d in (li, zhao, wang):
        d.sync()
    with boss.write("hq") as w:
        visit = w.create(Visit, {"kind": "secret", "status": "planned", "unit_id": ids["window"],
                                 "team_id": li.store.meta("team_id"),
                                 "representative_ids": [li.store.meta("representative_id")]})
    boss.sync()
    li.sync()
    with li.store.read() as conn:
        template, items, _ = visit_checklist(conn, visit)
    with li.write("li") as w:
        save_checklist(w, visit, template["id"], {items[0]["id"]: (O.FAIL, "CANARY-absent")})
        w.create(Attachment, {"sha256": li.store.blobs.put(PHOTO), "size": len(PHOTO),
                              "media_type": "image/jpeg", "owner_table": "checklist_result",
                              "owner_id": result_id(visit, items[0]["id"]),
                              "original_name": "window.jpg"})
    assert li.sync().forbidden == 0
    return boss, li, zhao, wang, visit


def test_unassigned_representative_does_not_receive_a_secret_visits_checklist(hq):
    boss, li, zhao, wang, visit = _secret(hq)
    assert [r for r in hq.rows("checklist_result").values() if r["visit_id"] == visit]
    assert [a["owner_table"] for a in hq.rows("attachment").values()] == ["checklist_result"]
    zhao.sync()
    wang.sync()
    for dev in (zhao, wang):
        assert not dev.rows("checklist_result") and not dev.rows("finding")
        assert not dev.rows("attachment")
    with boss.write("hq") as w:  # recorded as done: the team receives it, as its findings
        w.update(Visit, visit, {"status": "done"})
    boss.sync()
    zhao.sync()
    wang.sync()
    assert [r["visit_id"] for r in zhao.rows("checklist_result").values()] == [visit]
    assert [a["owner_table"] for a in zhao.rows("attachment").values()] == ["checklist_result"]
    assert not wang.rows("checklist_result") and not wang.rows("attachment")


def test_representative_cannot_record_a_checklist_on_a_visit_it_does_not_receive(hq):
    boss, li, zhao, wang, visit = _secret(hq)
    shipped = item_id(UnitKind.SERVICE_WINDOW, 1)
    with zhao.write("mallory") as w:  # knows the visit's id, not assigned to it
        w.create(ChecklistResult, {"id": natural_id("checklist_result", visit, shipped),
                                   "visit_id": visit, "item_id": shipped, "outcome": "fail",
                                   "template_id": template_id(UnitKind.SERVICE_WINDOW)})
    assert zhao.sync().forbidden == 1 and _codes(zhao) == ["not_in_scope"]
    at_hq = [r for r in hq.rows("checklist_result").values() if r["visit_id"] == visit]
    assert [r["item_id"] for r in at_hq] == [item_id(UnitKind.SERVICE_WINDOW, 0)]

"""Checklists on site (issue 16 §2): a new store ships a checklist per unit kind, and saving a
visit's checklist makes one finding per failed item, once (models/checklists.py)."""

import pytest

from models.checklist_admin import save_template
from models.checklist_defaults import DEFAULTS
from models.checklist_tables import ChecklistOutcome as O
from models.checklists import save_checklist, visit_checklist
from models.enums import UnitKind
from models.errors import DomainError
from models.records import Finding, Visit
from models.reference import Unit


def _visit(store, kind: str = "service_window") -> str:
    with store.write("rep") as w:
        unit = w.create(Unit, {"name": "政务服务中心社保窗口", "kind": kind})
        return w.create(Visit, {"kind": "secret", "status": "done", "unit_id": unit,
                                "visit_date": "2026-11-20"})


def _findings(store, visit_id: str) -> list[dict]:
    f = Finding.__table__
    with store.read() as conn:
        return [dict(r) for r in conn.execute(f.select().where(
            f.c.visit_id == visit_id, f.c.deleted_at.is_(None))).mappings()]


def _save(store, visit_id: str, answers: dict) -> dict:
    with store.read() as conn:
        template, items, _ = visit_checklist(conn, visit_id)
    with store.write("rep") as w:
        return save_checklist(w, visit_id, template["id"],
                              {items[n]["id"]: a for n, a in answers.items()})


def test_a_new_store_ships_a_checklist_for_each_kind_of_unit(store):
    visit = _visit(store)
    with store.read() as conn:
        template, items, results = visit_checklist(conn, visit)
    assert template["name"] == "服务窗口明察暗访清单" and template["version"] == 1
    assert [i["text"] for i in items[:3]] == ["在岗在位", "亮证上岗", "公示栏信息完整"]
    assert all(i["text_en"] for i in items) and results == {}
    assert set(DEFAULTS) == {UnitKind.SERVICE_WINDOW, UnitKind.SCHOOL, UnitKind.HOSPITAL,
                             UnitKind.DEPARTMENT, UnitKind.TOWNSHIP}


def test_two_failed_items_make_two_findings_and_saving_again_makes_no_more(store):
    visit = _visit(store)
    answers = {0: (O.FAIL, "窗口无人15分钟"), 1: (O.PASS, ""), 3: (O.FAIL, ""),
               5: (O.NOT_APPLICABLE, "")}
    assert _save(store, visit, answers)["made"] == 2
    found = sorted(_findings(store, visit), key=lambda f: f["category"])
    assert [(f["category"], f["description"]) for f in found] == [
        ("absent_from_post", "在岗在位：窗口无人15分钟"), ("poor_attitude", "服务态度热情规范")]
    assert all(f["checklist_item_id"] for f in found)
    assert str(found[0]["found_on"]) == "2026-11-20"
    assert _save(store, visit, answers) == {"made": 0, "rewritten": 0, "removed": 0}
    assert len(_findings(store, visit)) == 2


def test_an_item_no_longer_failed_takes_back_its_untouched_finding_only(store):
    visit = _visit(store)
    _save(store, visit, {0: (O.FAIL, ""), 3: (O.FAIL, "")})
    edited = next(f for f in _findings(store, visit) if f["category"] == "poor_attitude")
    with store.write("rep") as w:  # a person made this finding their own
        w.update(Finding, edited["id"], {"description": "窗口人员态度生硬，拒绝解释"})
    counts = _save(store, visit, {0: (O.PASS, ""), 3: (O.PASS, "")})
    assert counts["removed"] == 1
    assert [f["description"] for f in _findings(store, visit)] == ["窗口人员态度生硬，拒绝解释"]


def test_a_changed_note_rewrites_the_untouched_finding(store):
    visit = _visit(store)
    _save(store, visit, {0: (O.FAIL, "")})
    assert _save(store, visit, {0: (O.FAIL, "10:05 无人")})["rewritten"] == 1
    assert [f["description"] for f in _findings(store, visit)] == ["在岗在位：10:05 无人"]


def test_a_new_template_version_leaves_old_visits_with_theirs(store):
    old_visit = _visit(store)
    _save(store, old_visit, {0: (O.FAIL, "")})
    with store.read() as conn:
        old, _, _ = visit_checklist(conn, old_visit)
    with store.write("hq") as w:
        new = save_template(w, family_id=old["family_id"], unit_kind="service_window",
                            name="服务窗口清单（2027）", name_en="Service window 2027",
                            items=[{"text": "在岗在位", "category": "absent_from_post"},
                                   {"text": "好差评器正常使用", "category": "inaction"}])
    new_visit = _visit(store)
    with store.read() as conn:
        again, items, _ = visit_checklist(conn, old_visit)
        fresh, fresh_items, _ = visit_checklist(conn, new_visit)
    assert again["id"] == old["id"] and len(items) == len(DEFAULTS[UnitKind.SERVICE_WINDOW][2])
    assert fresh["id"] == new and fresh["version"] == 2
    assert [i["text"] for i in fresh_items] == ["在岗在位", "好差评器正常使用"]


def test_a_representatives_store_refuses_to_write_a_template(store):
    store.set_meta("device_role", "representative")
    with pytest.raises(DomainError) as refused, store.write("rep") as w:
        save_template(w, family_id=None, unit_kind="school", name="x", name_en="x",
                      items=[{"text": "y"}])
    assert refused.value.code == "checklist_hq_only"
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


def test_the_shipped_checklists_leave_a_new_store_empty_for_the_demo_and_onboarding(store):
    assert not store.holds_records()  # so the demo loads and the first-run screens show
    with store.write("hq") as w:
        save_template(w, family_id=None, unit_kind="school", name="学校清单", name_en="",
                      items=[{"text": "教师到岗"}])
    assert store.holds_records()


def test_the_demo_visits_were_worked_through_one_finding_per_failed_item(store):
    from models.demo import load_demo_data

    counts = load_demo_data(store)
    with store.read() as conn:
        failed = conn.exec_driver_sql(
            "SELECT count(*) FROM checklist_result WHERE outcome = 'fail'").scalar()
        linked = conn.exec_driver_sql(
            "SELECT count(*) FROM finding f JOIN checklist_result r ON r.visit_id = f.visit_id "
            "AND r.item_id = f.checklist_item_id AND r.outcome = 'fail'").scalar()
        worked = conn.exec_driver_sql(
            "SELECT count(DISTINCT visit_id) FROM checklist_result").scalar()
    assert counts["findings"] == 90  # the demo's findings, none added
    assert worked > 20 and failed > 10 and linked == failed

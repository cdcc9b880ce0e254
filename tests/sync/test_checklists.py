"""Checklists on site (issue 16 §2), through HQ on SQLite and PostgreSQL: a representative works
through a visit's checklist offline, two failed items become two findings, and after the sync
HQ holds them linked to the visit and the items; HQ's new template version reaches the
representatives, and old visits keep theirs."""

from models.checklist_admin import save_template
from models.checklist_tables import ChecklistOutcome as O
from models.checklists import save_checklist, visit_checklist
from models.records import Visit
from tests.sync.helpers import seed_reference


def _rep_with_visit(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    li = hq.device("representative", representative="Li Wei", team="Team 1")
    li.sync()
    with li.write("li") as w:
        visit = w.create(Visit, {"kind": "secret", "status": "done", "unit_id": ids["window"],
                                 "team_id": li.store.meta("team_id"),
                                 "representative_ids": [li.store.meta("representative_id")],
                                 "visit_date": "2026-11-20"})
    return boss, li, visit


def test_two_failed_items_saved_offline_reach_hq_as_two_findings_of_the_visit(hq):
    boss, li, visit = _rep_with_visit(hq)
    li.transport.down = True  # offline at the window
    with li.store.read() as conn:
        template, items, _ = visit_checklist(conn, visit)
    with li.write("li") as w:
        save_checklist(w, visit, template["id"], {
            items[0]["id"]: (O.FAIL, "窗口无人"), items[1]["id"]: (O.PASS, ""),
            items[3]["id"]: (O.FAIL, "")})
    li.transport.down = False
    report = li.sync()
    assert report.forbidden == 0 and report.rejected == 0
    findings = [f for f in hq.rows("finding").values() if f["visit_id"] == visit]
    assert sorted(f["checklist_item_id"] for f in findings) == sorted(
        [items[0]["id"], items[3]["id"]])
    assert {f["category"] for f in findings} == {"absent_from_post", "poor_attitude"}
    results = [r for r in hq.rows("checklist_result").values() if r["visit_id"] == visit]
    assert {(r["item_id"], r["outcome"]) for r in results} == {
        (items[0]["id"], "fail"), (items[1]["id"], "pass"), (items[3]["id"], "fail")}
    assert {r["template_id"] for r in results} == {template["id"]}
    with li.write("li") as w:  # saved again after the sync: nothing doubles at HQ either
        save_checklist(w, visit, template["id"], {items[0]["id"]: (O.FAIL, "窗口无人")})
    li.sync()
    assert len([f for f in hq.rows("finding").values() if f["visit_id"] == visit]) == 2


def test_hqs_new_template_version_reaches_representatives_and_old_visits_keep_theirs(hq):
    boss, li, visit = _rep_with_visit(hq)
    with li.store.read() as conn:
        old, items, _ = visit_checklist(conn, visit)
    with li.write("li") as w:
        save_checklist(w, visit, old["id"], {items[0]["id"]: (O.FAIL, "")})
    li.sync()
    with boss.write("hq") as w:
        new = save_template(w, family_id=old["family_id"], unit_kind="service_window",
                            name="服务窗口清单（2027）", name_en="Service windows 2027",
                            items=[{"text": "好差评器正常使用", "category": "inaction"}])
    boss.sync()
    li.sync()
    templates = li.rows("checklist_template")
    assert templates[new]["version"] == 2 and not templates[old["id"]]["active"]
    with li.write("li") as w:
        fresh = w.create(Visit, {"kind": "open", "status": "done",
                                 "unit_id": li.rows("visit")[visit]["unit_id"],
                                 "team_id": li.store.meta("team_id"),
                                 "representative_ids": [li.store.meta("representative_id")]})
    with li.store.read() as conn:
        assert visit_checklist(conn, visit)[0]["id"] == old["id"]
        got, fresh_items, _ = visit_checklist(conn, fresh)
    assert got["id"] == new and [i["text"] for i in fresh_items] == ["好差评器正常使用"]
    office = hq.device("office", name="county-office")
    office.sync()
    assert new in office.rows("checklist_template")

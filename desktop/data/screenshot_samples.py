"""Sample records the screenshots (desktop/screenshots.py) draw on the demo store: what units
sent HQ, and a liaison's store. The SQL lives here, in the data layer, as everywhere in desktop."""

import sqlalchemy as sa


def sample_answers(store, photo: bytes) -> None:
    """What units sent HQ (issue 14 §2): two completed reports, one with a photo, and two
    requests for a later deadline, on live problems still being rectified; and K lowered to 2
    so that the accountability list has units to open a case against."""
    from datetime import timedelta

    from models import services
    from models.records import Attachment
    from models.rectification import ExtensionRequest, RectificationReport
    from models.timeutil import local_today

    today = local_today()
    with store.read() as conn:
        problems = conn.exec_driver_sql(
            "SELECT id, deadline FROM problem WHERE deleted_at IS NULL AND unit_id IS NOT NULL "
            "AND status IN ('rectifying', 'investigating') ORDER BY reported_on LIMIT 4").all()
    if len(problems) < 4:
        return
    from models.office_settings import save_office_settings

    with store.write("screenshots") as w:  # K = 2: the demo county has units on the list
        save_office_settings(w, {"accountability_threshold": 2, "signer": "王五"})
    with store.write("卫生院联络员") as w:
        for (problem_id, _deadline), what in zip(problems[:2], (
                "在挂号窗口增设导办员一名，公示办事流程，每日巡查。",
                "收费项目和标准已在大厅公示栏公开，并在网站同步发布。"), strict=True):
            report = services.create_record(w, RectificationReport, {
                "problem_id": problem_id, "what_done": what, "reported_on": today,
                "completed_on": today - timedelta(days=2), "reported_by": "张联络员"})
        w.create(Attachment, {"sha256": store.blobs.put(photo), "size": len(photo),
                              "media_type": "image/jpeg", "owner_table": "rectification_report",
                              "owner_id": report, "original_name": "公示栏.jpg"})
        for (problem_id, deadline), reason in zip(problems[2:], (
                "需采购排队叫号设备，政府采购流程约需一个月。",
                "涉及多个科室职责调整，需党组会研究。"), strict=True):
            services.create_record(w, ExtensionRequest, {
                "problem_id": problem_id, "current_deadline": deadline,
                "requested_deadline": today + timedelta(days=30), "reason": reason,
                "requested_on": today, "requested_by": "张联络员"})

def liaison_sample(store) -> None:
    """Name the unit with the most problems as this store's unit; sign for its first problem,
    refuse an extension of the second and return a report of the third."""
    from datetime import timedelta

    from models.rectification import ExtensionRequest, ProblemReceipt, RectificationReport
    from models.store.store import set_meta
    from models.timeutil import local_today

    today = local_today()
    with store.write("screenshots") as w:
        unit = w.conn.exec_driver_sql(
            "SELECT unit_id FROM problem WHERE deleted_at IS NULL AND status != 'verified' "
            "GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1").scalar()
        set_meta(w.conn, "unit_id", unit)
        rows = w.conn.exec_driver_sql(
            "SELECT id, deadline FROM problem WHERE unit_id = ? AND deleted_at IS NULL "
            "AND status != 'verified' ORDER BY deadline LIMIT 3", (unit,)).all()
        signed = set(w.conn.exec_driver_sql(
            "SELECT problem_id FROM problem_receipt WHERE deleted_at IS NULL").scalars())
        for row in rows:  # the demo has signed for some already: a problem is signed for once
            if row.id not in signed:
                w.create(ProblemReceipt, {"problem_id": row.id,
                                          "signed_on": today - timedelta(9), "signed_by": "李联络"})
        if len(rows) > 1:
            w.create(ExtensionRequest, {
                "problem_id": rows[1].id, "current_deadline": rows[1].deadline,
                "requested_deadline": today + timedelta(30), "reason": "专项资金尚未下达",
                "requested_on": today - timedelta(5), "requested_by": "李联络",
                "decision": "refused", "decision_reason": "可先行整改，资金问题另行协调",
                "decided_on": today - timedelta(2), "decided_by": "王芳"})
        if len(rows) > 2:
            w.create(RectificationReport, {
                "problem_id": rows[2].id, "what_done": "已在大厅公示收费标准", "progress": "",
                "completed_on": today - timedelta(3), "reported_on": today - timedelta(3),
                "reported_by": "李联络", "review": "returned",
                "review_reason": "缺少整改前后对比照片", "reviewed_on": today - timedelta(1),
                "reviewed_by": "王芳"})


def first_secret_finding(conn: sa.Connection) -> str | None:
    return conn.exec_driver_sql(
        "SELECT f.id FROM finding f JOIN visit v ON v.id = f.visit_id WHERE v.kind = 'secret' "
        "AND f.deleted_at IS NULL ORDER BY f.id LIMIT 1").scalar()


def first_problem_with_sources(conn: sa.Connection) -> str | None:
    return conn.exec_driver_sql(
        "SELECT problem_id FROM problem_source ORDER BY problem_id LIMIT 1").scalar()


def checklist_sample(store) -> str | None:
    """A demo visit with a checklist half worked through (issue 16 §2): two items failed, one
    with a note. Returns the visit's id (None when no visit's unit has a checklist)."""
    from models.checklist_tables import ChecklistOutcome as O
    from models.checklists import save_checklist, visit_checklist

    with store.read() as conn:
        visits = conn.exec_driver_sql(
            "SELECT id FROM visit WHERE deleted_at IS NULL AND unit_id IS NOT NULL "
            "ORDER BY visit_date DESC, id").scalars().all()
        found = next(((v, *visit_checklist(conn, v)) for v in visits
                      if visit_checklist(conn, v)[0] is not None), None)
    if found is None:
        return None
    visit, template, items, _ = found
    outcomes = [O.PASS, O.FAIL, O.PASS, O.NOT_APPLICABLE, O.FAIL]
    notes = {4: "询问材料要求，被告知回去等通知"}
    with store.write("screenshots") as w:
        save_checklist(w, visit, template["id"], {
            item["id"]: (outcome, notes.get(n, "")) for n, (item, outcome) in
            enumerate(zip(items, outcomes, strict=False))})
    return visit

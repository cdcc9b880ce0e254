"""HQ makes a problem from findings in the window (交办, issue 14 §1): "Make a problem…" on the
Findings page opens a dialog pre-filled with the unit, the description, the office's default
deadline and, for a secret visit's finding, the unit-facing text without the visit's place;
saving writes the problem and its source rows. The problem form lists its sources, the
finding's form the problems it fed; the button is HQ's only."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from tests.desktop.conftest import make_session, until
from tests.desktop.test_flows import select_row

PLACE = "城东茶楼"


def _findings(store) -> dict:
    from models.enums import UnitKind, VisitKind, VisitStatus
    from models.office_settings import save_office_settings
    from models.records import Finding, Visit
    from models.reference import Campaign, Unit

    store.set_meta("device_role", "hq")
    ids = {}
    with store.write("hq") as w:
        save_office_settings(w, {"default_deadline_days": 20})
        ids["unit"] = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        visit = w.create(Visit, {"kind": VisitKind.SECRET, "unit_id": ids["unit"],
                                 "status": VisitStatus.DONE, "place": PLACE,
                                 "visit_date": date(2026, 3, 4)})
        ids["secret"] = w.create(Finding, {
            "visit_id": visit, "unit_id": ids["unit"], "category": "absent_from_post",
            "description": f"3月4日上午在{PLACE}旁的二号窗口发现工作人员脱岗",
            "found_on": date(2026, 3, 4)})
    return ids


def _page(qtbot, ready, session):
    from desktop.pages.findings import FindingsPage

    page = ready(FindingsPage(session))
    qtbot.addWidget(page)
    return page


def test_hq_makes_a_problem_from_a_finding_in_the_window(qtbot, ready, run, store, worker):
    ids = _findings(store)
    page = _page(qtbot, ready, make_session(store, worker, device_role="hq"))
    assert page.make_problem_button.isVisibleTo(page)
    select_row(page, ids["secret"], run)

    async def go():
        page.make_problem_button.click()
        await until(lambda: getattr(page, "make_problem_dialog", None) is not None)
        dialog = page.make_problem_dialog
        shown = {k: dialog.editors[k].get() for k in
                 ("unit_id", "description", "deadline", "assignment_text")}
        dialog.editors["responsible_person"].set("吴局长")
        await dialog.save()
        return shown

    shown = run(go())
    assert shown["unit_id"] == ids["unit"]
    assert shown["deadline"] == date.today() + timedelta(days=20)
    assert "二号窗口" in shown["description"]
    assert shown["assignment_text"].startswith("存在脱岗离岗问题")
    assert PLACE not in shown["assignment_text"] and "3月4日" not in shown["assignment_text"]
    with store.read() as conn:
        problem = conn.exec_driver_sql(
            "SELECT id, source, source_id, deadline, responsible_person, confidential_source, "
            "assignment_text FROM problem").mappings().one()
        links = conn.exec_driver_sql("SELECT kind, source_id FROM problem_source").all()
    assert (problem["source"], problem["source_id"]) == ("finding", ids["secret"])
    assert problem["deadline"] == (date.today() + timedelta(days=20)).isoformat()
    assert problem["responsible_person"] == "吴局长" and problem["confidential_source"]
    assert problem["assignment_text"] == shown["assignment_text"]
    assert [tuple(r) for r in links] == [("finding", ids["secret"])]


def test_the_forms_show_a_problems_sources_and_a_findings_problems(qtbot, ready, run, store,
                                                                 worker):
    from desktop.pages.problems import ProblemsPanel
    from models.assignments import make_problem

    ids = _findings(store)
    with store.write("hq") as w:
        problem = make_problem(w, [ids["secret"]], {"description": "窗口脱岗"})
    session = make_session(store, worker, device_role="hq")
    findings = _page(qtbot, ready, session)
    problems = ready(ProblemsPanel(session))
    qtbot.addWidget(problems)
    select_row(findings, ids["secret"], run)
    select_row(problems, problem, run)

    async def go():
        await findings.edit_selected()
        await until(lambda: hasattr(findings.current_dialog, "problems_box"))
        fed = findings.current_dialog.problems_box.lines.text()
        await problems.edit_selected()
        await until(lambda: hasattr(problems.current_dialog, "sources_box"))
        return fed, problems.current_dialog.sources_box.lines.text()

    fed, sources = run(go())
    assert fed.startswith("窗口脱岗（县社保中心）")
    assert sources == "Finding: Absent from post（县社保中心）"


@pytest.mark.parametrize("device_role", ["representative"])
def test_make_a_problem_is_hqs_only(qtbot, ready, store, small, worker, device_role):
    page = _page(qtbot, ready, make_session(store, worker, device_role=device_role))
    assert not page.make_problem_button.isVisibleTo(page)


@pytest.mark.parametrize("device_role,may_write", [("office", False), ("hq", True)])
def test_the_text_the_unit_reads_is_written_at_hq_only(qtbot, ready, run, store, worker,
                                                       device_role, may_write):
    from desktop.pages.problems import ProblemsPanel
    from models.assignments import make_problem

    ids = _findings(store)
    with store.write("hq") as w:
        problem = make_problem(w, [ids["secret"]], {"assignment_text": "存在脱岗问题"})
    store.set_meta("device_role", device_role)
    panel = ready(ProblemsPanel(make_session(store, worker, device_role=device_role)))
    qtbot.addWidget(panel)
    select_row(panel, problem, run)

    async def go():
        await panel.edit_selected()
        dialog = panel.current_dialog
        editable = {k: dialog.editors[k].widget.isEnabled()
                    for k in ("assignment_text", "assignment_no", "assigned_on")}
        shown = dialog.editors["assignment_text"].get()
        dialog.editors["assignment_text"].set("存在脱岗离岗问题，限期整改")
        await dialog.save()
        return editable, shown

    editable, shown = run(go())
    assert shown == "存在脱岗问题"
    assert editable == {"assignment_text": may_write, "assignment_no": False,
                        "assigned_on": False}
    with store.read() as conn:
        saved = conn.exec_driver_sql("SELECT assignment_text FROM problem").scalar()
    assert saved == ("存在脱岗离岗问题，限期整改" if may_write else "存在脱岗问题")


def test_a_visit_source_is_dated_at_hq_only(store):
    from desktop.data.assignments import problem_sources
    from models.assignments import add_sources, make_problem
    from models.enums import SourceKind

    ids = _findings(store)
    with store.read() as conn:
        visit = conn.exec_driver_sql("SELECT id FROM visit").scalar()
    with store.write("hq") as w:
        problem = make_problem(w, [ids["secret"]], {"assignment_text": "存在脱岗问题"})
        add_sources(w, problem, [(SourceKind.VISIT, visit)])
    with store.read() as conn:
        at_hq = problem_sources(conn, problem, at_hq=True)
        elsewhere = problem_sources(conn, problem, at_hq=False)
    assert [s["kind"] for s in at_hq] == ["finding", "visit"]
    assert at_hq[1]["day"] == date(2026, 3, 4) and elsewhere[1]["day"] is None
    assert all(PLACE not in str(s.values()) for s in at_hq + elsewhere)


def test_hq_adds_an_opinion_as_one_more_source_from_the_problem_form(qtbot, ready, run, store,
                                                                    worker):
    """On the problem form at HQ, "Add a source…" lists the opinions; the one picked is
    recorded and the Sources list shows it at once."""
    from PySide6.QtWidgets import QPushButton

    from desktop.pages.problems import ProblemsPanel
    from models.assignments import make_problem
    from models.records import Opinion
    from models.rectification import ProblemSourceLink

    ids = _findings(store)
    with store.write("hq") as w:
        problem = make_problem(w, [ids["secret"]], {"description": "窗口脱岗"})
        opinion = w.create(Opinion, {"text": "二号窗口常常没人", "unit_id": ids["unit"],
                                     "received_on": date(2026, 3, 10)})
    session = make_session(store, worker, device_role="hq")
    problems = ready(ProblemsPanel(session))
    qtbot.addWidget(problems)
    select_row(problems, problem, run)

    async def go():
        await problems.edit_selected()
        form = problems.current_dialog
        await until(lambda: hasattr(form, "sources_box"))
        form.findChild(QPushButton, "addSourceButton").click()
        await until(lambda: getattr(form, "add_source_dialog", None) is not None
                    and form.add_source_dialog.list.count() == 1)
        picker = form.add_source_dialog
        assert picker.kind.currentText() == "Opinion"
        assert "二号窗口常常没人" in picker.list.item(0).text()
        picker.buttons.accepted.emit()
        await until(lambda: "Opinion" in form.sources_box.lines.text())
        return form.sources_box.lines.text()

    lines = run(go()).splitlines()
    assert lines == ["Finding: Absent from post（县社保中心）",
                     "Opinion: 二号窗口常常没人（县社保中心）"]
    with store.read() as conn:
        links = conn.execute(sa.select(ProblemSourceLink.__table__.c.source_id)).scalars().all()
    assert opinion in links

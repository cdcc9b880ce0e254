"""The rectification loop end to end, as a new county would run it (issue 14, "done when"): a
representative logs a secret visit and its finding; after sync HQ makes a problem of it and
issues the assignment notice; the unit's liaison device signs for it, holds nothing of the
visit, and reports it completed with a photo; HQ accepts it; the 公示 lists it without secret
details; the reminder names only the units with problems overdue or due soon; `stats`, the
printed ledger and the window's ledger agree. On SQLite and PostgreSQL."""

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from io import BytesIO

import openpyxl
import pytest

from desktop.data.assignment_notices import issue_assignments
from models import acceptance, assignments, unit_reports
from models.enums import LABELS, ProblemStatus, ReportReview, parse_enum
from models.ids import natural_id
from models.records import Finding, Problem, Visit
from models.stats import county_stats
from models.timeutil import local_today
from reports.outputs import ReportRequest, produce, reminder_due_ids
from tests.reports.conftest import docx_text, pdf_text
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import Hq, seed_reference
from tests.sync.unit_county import store_texts

database_url = sync_conftest.database_url  # SQLite and PostgreSQL, as in tests/sync

TEAM, REP = "第三暗访组", "钱监督"
PLACE = "城东便民服务大厅二号窗口"
SUMMARY = "化装成办事群众，上午九点半到达"
ACCOUNT = "工作人员上班时间玩手机，群众排队无人办理"


@pytest.fixture
def county(database_url, tmp_path):
    hq = Hq.start(database_url, tmp_path)
    try:
        yield hq
    finally:
        hq.close()


def _photo(path) -> str:
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 90)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def _field_work(hq: Hq, ids: dict, visit_day) -> tuple[str, str]:
    """A representative's device logs a secret visit (date, place, team) and its finding."""
    rep = hq.device("representative", name="rep", team=TEAM, representative=REP)
    rep.sync()
    rep_id = natural_id("representative", REP, "")
    team_id = natural_id("team", TEAM)
    with rep.write(REP) as w:
        visit = w.create(Visit, {
            "kind": "secret", "team_id": team_id, "representative_ids": [rep_id],
            "unit_id": ids["window"], "status": "done", "place": PLACE, "summary": SUMMARY,
            "visit_date": visit_day,
            "actual_at": datetime.combine(visit_day, datetime.min.time(), UTC)
            + timedelta(hours=9, minutes=30)})
        finding = w.create(Finding, {"visit_id": visit, "unit_id": ids["window"],
                                     "category": "absent_from_post", "description": ACCOUNT,
                                     "found_on": visit_day})
    rep.sync()
    return visit, finding


def _ledger_statuses(boss, out) -> list[str]:
    """The statuses of the printed ledger (XLSX), one per problem row."""
    with boss.store.read() as conn:
        path = produce("ledger", conn, ReportRequest(out=out, fmt="xlsx", as_of=local_today()))[0]
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = [[str(c) if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if "整改状态" in r)
    column = rows[header].index("整改状态")
    return [parse_enum(ProblemStatus, r[column]).value for r in rows[header + 1:] if r[column]]


def test_a_secret_visit_finding_goes_round_the_loop_and_nothing_secret_leaves_hq(
        county, tmp_path, qtbot, run):
    hq, today = county, local_today()
    boss = hq.device("hq", name="hq-desk")
    ids = seed_reference(boss)  # County Hall and its Window 1, the 2026 drive
    with boss.write("hq") as w:
        from models.reference import Unit

        ids["tax"] = w.create(Unit, {"id": natural_id("unit", "Tax Office"),
                                     "name": "Tax Office", "kind": "department"})
        ids["clinic"] = w.create(Unit, {"id": natural_id("unit", "Clinic"),
                                        "name": "Clinic", "kind": "hospital"})
    boss.sync()
    visit_day = today - timedelta(days=20)
    visit, finding = _field_work(hq, ids, visit_day)

    # HQ makes a problem from the finding and issues the assignment notice.
    boss.sync()
    with boss.write("hq") as w:
        problem = assignments.make_problem(w, [finding], {"responsible_person": "李主任"})
        # two more problems for the reminder: one overdue, one far off
        overdue = w.create(Problem, {"description": "收费未公示", "unit_id": ids["tax"],
                                     "campaign_id": ids["campaign"],
                                     "status": "rectifying", "reported_on": today - timedelta(40),
                                     "deadline": today - timedelta(5)})
        w.create(Problem, {"description": "导办标识不清", "unit_id": ids["clinic"],
                           "campaign_id": ids["campaign"],
                           "status": "rectifying", "reported_on": today - timedelta(2),
                           "deadline": today + timedelta(90)})
    held = boss.rows("problem")[problem]
    assert held["confidential_source"] and PLACE not in held["assignment_text"]
    assert held["campaign_id"] == ids["campaign"] and held["unit_id"] == ids["window"]
    issued = issue_assignments(boss.store, ReportRequest(out=tmp_path / "交办", as_of=today),
                               "hq", transport=boss.transport)
    assert issued.assigned == 3 and issued.paths
    for path in issued.paths:
        text = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
        assert not any(s in text for s in (PLACE, TEAM, SUMMARY, visit_day.isoformat()))
    boss.sync()

    # The unit's liaison: enrolled for County Hall (the window is its sub-unit).
    liaison = hq.device("unit", name="liaison", unit="County Hall")
    liaison.sync()
    assert set(liaison.rows("problem")) == {problem}
    with liaison.write("联络员") as w:
        unit_reports.sign_for(w, problem)
    # (the finding's own words may reach the unit: HQ's assignment text copies them, without
    # the visit's date, time, place or team)
    secrets = (PLACE, TEAM, SUMMARY, REP, visit_day.isoformat(), visit, finding)
    found = [(t, c, [s for s in secrets if s in v]) for t, c, v in store_texts(liaison)
             if any(s in v for s in secrets)]
    assert found == []  # no trace of the visit's date, place or team anywhere in its store
    with liaison.write("联络员") as w:
        report = unit_reports.submit_report(
            w, liaison.store.blobs, problem, "已调整窗口排班，安排专人值守", completed_on=today,
            photos=[_photo(tmp_path / "after.jpg")])
    liaison.sync()

    # HQ accepts it; the liaison sees the answer.
    boss.sync()
    with boss.store.read() as conn:
        assert [r["id"] for r in acceptance.awaiting_acceptance(conn)] == [report]
    assert [a["owner_id"] for a in boss.rows("attachment").values()] == [report]
    with boss.write("hq") as w:
        acceptance.accept_report(w, report, "现场核验属实")
    boss.sync()
    liaison.sync()
    assert hq.rows("problem")[problem]["status"] == ProblemStatus.VERIFIED
    assert liaison.rows("rectification_report")[report]["review"] == ReportReview.ACCEPTED

    # The 公示 lists it, without secret details.
    with boss.store.read() as conn:
        paths = produce("notice", conn, ReportRequest(out=tmp_path / "公示.docx", as_of=today))
    notice = docx_text(paths[0])
    assert "Window 1" in notice and "脱岗" in notice
    assert not any(s in notice for s in (PLACE, TEAM, SUMMARY, REP, visit_day.isoformat()))

    # The reminder names only the unit with a problem overdue or due within N days.
    with boss.store.read() as conn:
        due, _prefix = reminder_due_ids(conn, ReportRequest(out=tmp_path, as_of=today))
    assert set(due) == {ids["tax"]} and due[ids["tax"]] == [overdue]

    # stats, the printed ledger and the window's ledger agree.
    with boss.store.read() as conn:
        figures = county_stats(conn, as_of=today)["problems"]
    printed = Counter(_ledger_statuses(boss, tmp_path / "台账.xlsx"))
    window = Counter(_window_statuses(boss, qtbot, run))
    assert figures["total"] == sum(printed.values()) == sum(window.values()) == 3
    assert figures["by_status"]["verified"] == 1 and figures["overdue"] == 1
    assert printed == window == Counter({k: v for k, v in figures["by_status"].items() if v})


def _window_statuses(boss, qtbot, run) -> list[str]:
    """The statuses the window's ledger shows, one per problem row."""
    from desktop.pages.ledger import LedgerPage
    from desktop.worker import DbWorker
    from tests.desktop.conftest import make_session

    worker = DbWorker()
    try:
        session = make_session(boss.store, worker, role="hq", device_role="hq")
        page = LedgerPage(session)
        qtbot.addWidget(page)

        async def show():
            page.activate()
            while not page.is_ready():
                await asyncio.sleep(0.02)

        run(show())
        model = page.problems.table_model
        status = [c.key for c in model.spec.columns].index("status")
        english = {en: member.value for member, (en, _zh) in LABELS[ProblemStatus].items()}
        return [english[model.data(model.index(r, status))] for r in range(model.rowCount())]
    finally:
        worker.shutdown()

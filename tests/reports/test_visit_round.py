"""The visit-round report (明察暗访情况通报, issue 14 §5) goes to every unit: it says per unit what
the visits found and what was done, and never when, where or by whom a secret visit was made
(docs/redaction.md)."""

from datetime import UTC, date, datetime

import pytest

from models.enums import FindingCategory, ProblemSource, ProblemStatus, UnitKind, VisitKind
from models.records import Finding, Problem, Visit
from models.reference import Representative, Team, Unit
from models.store.store import Store
from reports.outputs import ReportRequest, produce, with_office_settings
from tests.reports.conftest import docx_text, pdf_text
from tests.reports.test_cli import run

ISSUED = date(2026, 4, 10)
PLACE, TEAM, REPS = "社保中心二号窗口", "第三暗访组", ("钱暗访", "孙明察")
PLAIN = "工作人员上班时间玩手机，群众排队等候二十分钟无人办理"
LEAKY = f"3月4日上午9点{TEAM}在{PLACE}发现{REPS[0]}所说的窗口空岗"
SECRET_DETAILS = ("2026年3月4日", "3月4日", "2026-03-04", "09:30", "9点", PLACE, TEAM, *REPS)


def _plant(store):
    """A secret visit with everything filled in and two findings (one problem made from the
    first), and an open visit, all to one unit."""
    with store.write("hq") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        team = w.create(Team, {"name": TEAM})
        reps = [w.create(Representative, {"name": n}) for n in REPS]
        secret = w.create(Visit, {
            "kind": VisitKind.SECRET, "unit_id": unit, "team_id": team,
            "representative_ids": reps, "place": PLACE, "visit_date": date(2026, 3, 4),
            "actual_at": datetime(2026, 3, 4, 9, 30, tzinfo=UTC), "summary": "暗访记录"})
        w.create(Visit, {"kind": VisitKind.OPEN, "unit_id": unit,
                         "visit_date": date(2026, 3, 20), "place": "县社保中心大厅"})
        found = w.create(Finding, {"visit_id": secret, "unit_id": unit,
                                   "category": FindingCategory.ABSENT_FROM_POST,
                                   "description": PLAIN, "found_on": date(2026, 3, 4)})
        w.create(Finding, {"visit_id": secret, "unit_id": unit,
                           "category": FindingCategory.POOR_ATTITUDE, "description": LEAKY,
                           "found_on": date(2026, 3, 4)})
        w.create(Problem, {"description": "整改脱岗", "unit_id": unit,
                           "source": ProblemSource.FINDING, "source_id": found,
                           "status": ProblemStatus.RECTIFYING, "reported_on": date(2026, 3, 5),
                           "deadline": date(2026, 4, 5)})
    return store


def _text(store, path) -> str:
    req = ReportRequest(out=path, as_of=ISSUED, date_from=date(2026, 3, 1),
                        date_to=date(2026, 3, 31), number="3")
    with store.read() as conn:
        with_office_settings(conn, req)
        produce("visit-round", conn, req)
    return docx_text(path) if path.suffix == ".docx" else pdf_text(path)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_report_says_what_was_found_but_not_when_where_or_by_whom(store, tmp_path, fmt):
    text = _text(_plant(store), tmp_path / f"通报.{fmt}").replace("\n", "")
    assert "明察暗访情况通报" in text and "〔2026〕3号" in text
    assert "县社保中心" in text
    assert "脱岗离岗" in text and PLAIN in text
    assert "发现" in text and "窗口空岗" in text  # the leaky finding, scrubbed, is still there
    assert "整改中" in text and "2026年4月5日" in text  # what was done with the first finding
    for secret in SECRET_DETAILS:
        assert secret not in text, secret


def test_an_open_visit_is_counted_with_the_secret_one(store, tmp_path):
    text = _text(_plant(store), tmp_path / "通报.docx")
    assert "暗访1次" in text and "明查1次" in text
    assert "县社保中心大厅" not in text  # no visit's place is printed, open or not


def test_the_command_line_writes_the_report(tmp_path):
    data_dir = tmp_path / "dev"
    _plant(Store.open(data_dir, "pw")).close()
    out = tmp_path / "通报.pdf"
    res = run(data_dir, "report", "visit-round", "--out", str(out), "--from", "2026-03-01",
              "--to", "2026-03-31", "--as-of", ISSUED.isoformat())
    assert res.returncode == 0, res.stderr
    text = pdf_text(out)
    assert "明察暗访情况通报" in text and PLACE not in text and TEAM not in text


def test_the_report_lists_per_unit_the_checklist_items_failed(store, tmp_path):
    from models.checklist_tables import ChecklistOutcome as O
    from models.checklists import save_checklist, visit_checklist

    _plant(store)
    with store.read() as conn:
        visit = conn.exec_driver_sql("SELECT id FROM visit WHERE kind = 'secret'").scalar()
        template, items, _ = visit_checklist(conn, visit)
    with store.write("rep") as w:
        save_checklist(w, visit, template["id"], {
            items[0]["id"]: (O.FAIL, f"{TEAM}9点到达时无人"), items[1]["id"]: (O.PASS, ""),
            items[4]["id"]: (O.FAIL, "")})
    text = _text(store, tmp_path / "通报.docx").replace("\n", "")
    assert "检查清单未通过项：工作人员在岗在位、无推诿扯皮。" in text
    assert TEAM not in text and "9点" not in text  # the notes are not printed as such

"""A secret visit's finding never reaches a public output, on HQ or on an office device
(issue 11 §5; docs/redaction.md R1, docs/authorization.md). Each problem carries HQ's synced
`confidential_source` flag, and every device's public notice redacts from it."""

from datetime import date

import pytest

from models import services
from models.enums import ProblemSource, UnitKind, VisitKind, VisitStatus
from models.errors import ValidationError
from models.ids import natural_id
from models.records import Finding, Problem, Visit
from models.reference import Campaign, Unit
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import docx_text
from tests.sync.conftest import _passphrase, database_url, hq  # noqa: F401 - fixtures

AS_OF = date(2026, 6, 30)
SECRET_TEXT = "暗访组3月4日上午在社保中心二号窗口发现工作人员脱岗"
CONFIDENTIAL = ["暗访", "3月4日", "二号窗口", "城东茶楼", "化装成办事群众"]


def _problem(ids: dict, text: str, **kw) -> dict:
    # Under investigation: what a public notice lists by default (issue 14 §5).
    return {"status": "investigating", "description": text, "unit_id": ids["unit"],
            "campaign_id": ids["campaign"],
            "responsible_person": "吴局长", "measures": "3月5日起整改，调离窗口岗位",
            "reported_on": date(2026, 3, 5), "deadline": date(2026, 4, 5), **kw}


def _county(device) -> dict:
    """What HQ holds: a unit, the campaign, a secret visit (done) and its finding."""
    ids = {"unit": natural_id("unit", "县社保中心"), "campaign": natural_id("campaign", "2026")}
    with device.write("hq") as w:
        w.create(Unit, {"id": ids["unit"], "name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        w.create(Campaign, {"id": ids["campaign"], "name": "2026年万民评议", "year": 2026})
        ids["visit"] = w.create(Visit, {
            "kind": VisitKind.SECRET, "unit_id": ids["unit"], "status": VisitStatus.DONE,
            "place": "城东茶楼", "summary": "化装成办事群众", "visit_date": date(2026, 3, 4)})
        ids["finding"] = w.create(Finding, {
            "visit_id": ids["visit"], "unit_id": ids["unit"], "category": "absent_from_post",
            "description": SECRET_TEXT, "found_on": date(2026, 3, 4)})
    return ids


def _notice(device, path) -> str:
    with device.store.read() as conn:
        produce("notice", conn, ReportRequest(out=path, as_of=AS_OF))
    return docx_text(path)


def test_secret_visit_finding_never_reaches_public_notice(hq, tmp_path):  # noqa: F811
    """Typed at HQ from a secret visit's finding: without the link, flagged by hand, or linked.
    HQ's notice and an office's notice (which holds no findings) are the same, and clean."""
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = _county(boss)
    with boss.write("hq") as w:
        services.create_record(w, Problem, _problem(ids, SECRET_TEXT,
                                                    source=ProblemSource.FINDING))
        services.create_record(w, Problem, _problem(ids, "二号窗口暗访中发现脱岗（城东茶楼）",
                                                    confidential_source=True))
        services.create_record(w, Problem, _problem(
            ids, "化装成办事群众在二号窗口排队", source=ProblemSource.FINDING,
            source_id=ids["finding"]))
        services.create_record(w, Problem, _problem(ids, "窗口收费标准未公开",
                                                    measures="公开收费标准"))
    boss.sync()
    office.sync()
    at_hq, at_office = _notice(boss, tmp_path / "hq.docx"), _notice(office, tmp_path / "of.docx")
    assert at_hq == at_office
    assert [s for s in CONFIDENTIAL if s in at_office] == []
    assert "窗口收费标准未公开" in at_office and "公开收费标准" in at_office
    assert at_office.count("存在脱岗离岗问题") == 1  # the linked one, by its category
    assert at_office.count("存在其他问题") == 2  # no finding to name a category from
    assert len(office.rows("problem")) == 4


def test_unlinked_finding_problem_counts_as_flagged_before_hq_saw_it(store, tmp_path):
    """An office device, never synced: a problem from a finding it cannot resolve (it holds
    none) is published by category only until HQ's judgement arrives."""
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        ids = {"unit": unit, "campaign": campaign}
        for link in (None, "0192-no-such-finding"):
            services.create_record(w, Problem, _problem(
                ids, SECRET_TEXT, source=ProblemSource.FINDING, source_id=link))
    with store.read() as conn:
        produce("notice", conn, ReportRequest(out=tmp_path / "n.docx", as_of=AS_OF))
    text = docx_text(tmp_path / "n.docx")
    assert [s for s in CONFIDENTIAL if s in text] == []
    assert text.count("存在其他问题") == 2


def test_an_office_device_cannot_clear_the_confidential_flag(hq):  # noqa: F811
    """The flag is HQ's: an office (a tampered laptop) that lowers it is refused on its own
    and told why; HQ, and every other office, keep it."""
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    other = hq.device("office", name="other-office")
    ids = _county(boss)
    with boss.write("hq") as w:
        problem = services.create_record(w, Problem, _problem(ids, "二号窗口脱岗",
                                                              confidential_source=True))
    boss.sync()
    office.sync()
    with office.write("clerk") as w:  # straight through the write path, as a tampered app
        w.update(Problem, problem, {"confidential_source": False, "measures": "已整改"})
    office.sync()
    held = hq.rows("problem")[problem]
    assert held["confidential_source"] is True and held["measures"] != "已整改"
    other.sync()
    assert other.rows("problem")[problem]["confidential_source"] is True
    with office.store.read() as conn:
        issue = conn.exec_driver_sql(
            "SELECT kind, code FROM sync_issue WHERE row_id = ?", (problem,)).one()
    assert tuple(issue) == ("forbidden", "hq_only_field")


def test_hq_cannot_lower_the_flag_of_a_secret_visit_finding_problem(hq):  # noqa: F811
    """Only where the rule allows: a problem linked to a secret visit's finding stays flagged
    (refused in the window at HQ, and by HQ from a device that skipped that check)."""
    boss = hq.device("hq", name="hq-desk")
    ids = _county(boss)
    with boss.write("hq") as w:
        linked = services.create_record(w, Problem, _problem(
            ids, "脱岗", source=ProblemSource.FINDING, source_id=ids["finding"]))
        by_hand = services.create_record(w, Problem, _problem(ids, "暂列保密",
                                                              confidential_source=True))
    boss.sync()
    assert hq.rows("problem")[linked]["confidential_source"] is True
    with pytest.raises(ValidationError) as refused, boss.write("hq") as w:
        services.update_record(w, Problem, linked, {"confidential_source": False})
    assert refused.value.code == "confidential_source_kept"
    with boss.write("hq") as w:
        services.update_record(w, Problem, by_hand, {"confidential_source": False})
        w.update(Problem, linked, {"confidential_source": False})  # the check skipped
    boss.sync()
    rows = hq.rows("problem")
    assert rows[linked]["confidential_source"] is True
    assert rows[by_hand]["confidential_source"] is False

"""Planted confidential details never reach a public notice (docs/redaction.md)."""

from datetime import date

import pytest

from models.enums import ProblemSource, ProblemStatus, Sanction, UnitKind, VisitKind, VisitStatus
from models.records import Finding, Opinion, PersonnelCriticism, Problem, Visit
from models.reference import Campaign, Representative, Unit
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import docx_text, pdf_text

AS_OF = date(2026, 6, 30)
CONFIDENTIAL = [
    "城东茶楼", "化装成办事群众",          # a secret visit's place and account
    "3月4日",                              # its date, in the finding's text
    "李举报", "13812345678",                # the informant's name and phone (opinion contact)
    "张秘密", "赵谈话",                     # criticised by non-public sanctions
    "周代表", "13900001111",                # the representative who visited, and his phone
    "110101199003071234",                   # an ID number typed into an opinion
]


@pytest.fixture
def planted(store):
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        rep = w.create(Representative, {"name": "周代表", "phone": "13900001111"})
        visit = w.create(Visit, {
            "kind": VisitKind.SECRET, "unit_id": unit, "status": VisitStatus.DONE,
            "representative_ids": [rep], "place": "城东茶楼", "visit_date": date(2026, 3, 4),
            "summary": "化装成办事群众，排队两小时"})
        finding = w.create(Finding, {
            "visit_id": visit, "unit_id": unit, "category": "absent_from_post",
            "description": "3月4日周代表在城东茶楼旁的窗口发现张秘密脱岗", "found_on": date(2026, 3, 4)})
        opinion = w.create(Opinion, {
            "text": "李举报反映社保窗口乱收费，电话13812345678，身份证110101199003071234",
            "unit_id": unit, "campaign_id": campaign, "contact": "李举报 13812345678"})
        for source, source_id, text, measures in (
                (ProblemSource.FINDING, finding, "3月4日暗访发现张秘密脱岗（城东茶楼）",
                 "3月4日起整改，张秘密调离窗口岗位"),
                (ProblemSource.OPINION, opinion, "李举报反映乱收费，电话13812345678，"
                                                 "身份证110101199003071234", "公开收费标准"),
                (ProblemSource.OTHER, None, "赵谈话办事推诿，已提醒谈话", "建立首问负责制")):
            w.create(Problem, {"source": source, "source_id": source_id, "campaign_id": campaign,
                               "description": text, "unit_id": unit, "responsible_person": "吴局长",
                               "measures": measures, "status": ProblemStatus.INVESTIGATING,
                               "reported_on": date(2026, 3, 5), "deadline": date(2026, 4, 5)})
        for name, sanction in (("张秘密", Sanction.CRITICISM_EDUCATION),
                               ("赵谈话", Sanction.REMINDER_TALK),
                               ("钱公开", Sanction.CIRCULATED_CRITICISM)):
            w.create(PersonnelCriticism, {"person_name": name, "unit_id": unit, "post": "窗口人员",
                                          "sanction": sanction, "decided_on": date(2026, 3, 6),
                                          "behaviour": "上班时间脱岗"})
    return store


@pytest.mark.parametrize("fmt,read", [("docx", docx_text), ("pdf", pdf_text)])
def test_public_notice_leaves_out_everything_confidential(planted, tmp_path, fmt, read):
    with planted.read() as conn:
        path = produce("notice", conn, ReportRequest(out=tmp_path / f"公示.{fmt}", as_of=AS_OF))[0]
    text = read(path).replace("\n", "")  # a table cell wraps its text over lines in a PDF
    leaked = [s for s in CONFIDENTIAL if s in text]
    assert leaked == []
    # What the public is owed is there: the problems, measures, deadlines and who answers.
    assert "县社保中心" in text and "吴局长" in text and "2026-04-05" in text
    assert "存在脱岗离岗问题" in text       # the secret visit, by category only
    assert "乱收费" in text and "赵某办事推诿" in text and "张某调离窗口岗位" in text
    assert "钱公开" in text and "通报批评" in text  # the public sanction names its person


def test_circulated_criticism_notice_names_only_its_own_people(planted, tmp_path):
    with planted.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM personnel_criticism WHERE person_name = '钱公开'")]
        path = produce("criticism-notice", conn, ReportRequest(
            out=tmp_path / "tb.docx", as_of=AS_OF, ids=ids, number="余纠通〔2026〕3号"))[0]
    text = docx_text(path)
    assert "钱公开" in text and "余纠通〔2026〕3号" in text
    assert not any(s in text for s in ("张秘密", "赵谈话", "城东茶楼", "13812345678"))


def test_unit_feedback_never_carries_the_informant(planted, tmp_path):
    with planted.read() as conn:
        paths = produce("unit-feedback", conn, ReportRequest(out=tmp_path / "fb", as_of=AS_OF))
    text = pdf_text(paths[0])
    assert "乱收费" in text
    assert not any(s in text for s in ("李举报", "13812345678", "110101199003071234"))

"""A problem answered to its complainant (issue 14 §4) still keeps the complainant's contact out
of the public notice (R2, docs/redaction.md) and out of the ledger, which reads no contact."""

from datetime import date

import openpyxl

from models import services
from models.enums import ComplainantView, ProblemSource, ProblemStatus, ReplyMethod, UnitKind
from models.records import Opinion, Problem
from models.reference import Campaign, Unit
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import docx_text

CONTACT = "王来电 13700009999"


def _xlsx_text(path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                     for v in row if v is not None)


def test_a_replied_complainants_contact_is_in_no_public_notice_or_ledger(store, tmp_path):
    with store.write("hq") as w:  # never enrolled: a standalone office is its own HQ
        unit = w.create(Unit, {"name": "县不动产中心", "kind": UnitKind.DEPARTMENT})
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        opinion = services.create_record(w, Opinion, {
            "text": "办证要跑三趟", "unit_id": unit, "campaign_id": campaign,
            "contact": CONTACT, "received_on": date(2026, 3, 2)})
        problem = services.create_record(w, Problem, {
            "source": ProblemSource.OPINION, "source_id": opinion, "campaign_id": campaign,
            "description": "办证多次往返", "unit_id": unit, "reported_on": date(2026, 3, 5),
            "deadline": date(2026, 4, 5), "responsible_person": "吴主任"})
        services.change_problem_status(w, problem, ProblemStatus.INVESTIGATING, actor_role="hq")
        services.update_record(w, Problem, problem, {
            "reply_method": ReplyMethod.PHONE, "replied_on": date(2026, 4, 8),
            "replied_by": "李干事", "complainant_view": ComplainantView.SATISFIED})
    with store.read() as conn:
        notice = produce("notice", conn, ReportRequest(out=tmp_path / "公示.docx",
                                                       as_of=date(2026, 6, 30)))[0]
        ledger = produce("ledger", conn, ReportRequest(out=tmp_path / "台账.xlsx",
                                                       as_of=date(2026, 6, 30)))[0]
    for text in (docx_text(notice), _xlsx_text(ledger)):
        assert "办证多次往返" in text  # the problem is there ...
        assert not any(part in text for part in (CONTACT, "王来电", "13700009999"))  # ... not who

"""The unit feedback marks each overdue problem with its days overdue, and no other (issue 14
§3): the rule is models.rules.is_overdue, the mark "逾期N天"."""

import re

from models.timeutil import local_today
from reports.outputs import ReportRequest, produce
from tests.models.helpers import CHASE_CAMPAIGN, seed_overdue
from tests.reports.conftest import pdf_text


def _texts(store, tmp_path) -> dict[str, str]:
    with store.read() as conn:
        paths = produce("unit-feedback", conn, ReportRequest(
            out=tmp_path / "fb", as_of=local_today(), campaign=CHASE_CAMPAIGN))
    # a narrow column wraps a deadline cell: read the text without its line breaks
    return {p.name: re.sub(r"\s+", "", pdf_text(p)) for p in paths}


def test_unit_feedback_marks_overdue_problems_with_their_days(store, tmp_path):
    seed_overdue(store, tmp_path)
    texts = _texts(store, tmp_path)
    clinic = next(t for name, t in texts.items() if "卫生院" in name)
    office = next(t for name, t in texts.items() if "县社保中心" in name)
    assert sorted(re.findall(r"逾期(\d+)天", clinic), key=int) == ["1", "5", "10"]
    assert "夜间无人值守" in clinic  # listed, not yet due: not marked
    assert re.findall(r"逾期(\d+)天", office) == ["20"]

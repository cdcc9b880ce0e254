"""A person criticised in two campaigns is a "possible repeat" for a person at HQ to confirm
(issue 15 §3): it is never in a unit's feedback or a public notice, and never reaches a device
that does not act as HQ."""

from datetime import date

from models.comparison import comparison
from models.enums import Sanction, UnitKind
from models.records import Evaluation, PersonnelCriticism
from models.reference import Campaign, Unit
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import docx_text, pdf_text

MARKS = ("possible repeat", "possible_repeat", "可能重复", "repeat", "重复")


def _county(store) -> dict:
    with store.write("hq") as w:  # never enrolled: a standalone office is its own HQ
        unit = w.create(Unit, {"name": "县不动产中心", "kind": UnitKind.DEPARTMENT})
        old = w.create(Campaign, {"name": "2025年万民评议", "year": 2025})
        new = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        for campaign, day in ((old, date(2025, 3, 1)), (new, date(2026, 3, 1))):
            w.create(Evaluation, {"campaign_id": campaign, "group": "citizen", "unit_id": unit,
                                  "level": "satisfied", "evaluated_on": day})
            w.create(PersonnelCriticism, {
                "person_name": "王五", "unit_id": unit, "behaviour": "推诿",
                "sanction": Sanction.CIRCULATED_CRITICISM, "decided_on": day})
    return {"unit": unit, "new": new}


def test_possible_repeats_are_in_no_unit_feedback_or_notice(store, tmp_path):
    ids = _county(store)
    with store.read() as conn:
        assert comparison(conn, ids["new"], with_people=True)["possible_repeats"]  # HQ sees it
        feedback = produce("unit-feedback", conn, ReportRequest(
            out=tmp_path / "feedback", campaign="2026年万民评议", as_of=date(2026, 6, 30)))
        notice = produce("notice", conn, ReportRequest(out=tmp_path / "公示.docx",
                                                       as_of=date(2026, 6, 30)))
        criticism = produce("criticism-notice", conn, ReportRequest(
            out=tmp_path / "通报.docx", as_of=date(2026, 6, 30), include_circulated=True,
            date_from=date(2026, 1, 1), number="1"))
    texts = [pdf_text(p) if p.suffix == ".pdf" else docx_text(p)
             for p in (*feedback, *notice, *criticism)]
    assert feedback and notice and criticism
    for text in texts:
        assert not any(mark in text.lower() for mark in MARKS)
        assert "2025年万民评议" not in text  # nor the earlier campaign it was found in


def test_a_device_that_is_not_hq_never_reads_possible_repeats(store, tmp_path):
    from models.stats import Filters
    from models.trends import trend_figures

    ids = _county(store)
    store.set_meta("device_role", "office")
    with store.read() as conn:
        figures = trend_figures(conn, Filters(ids["new"]))
    assert "possible_repeats" not in figures["comparison"]
    assert "王五" not in str(figures)

"""The county summary carries the county's five criteria (issue 15 §1), the figures a
spreadsheet computes from the same forms (tests/test_cli_criteria.py gives the hand
computation)."""

from reports.outputs import ReportRequest, produce
from tests.models.helpers import FORM_HEADER, load_units, write_csv
from tests.reports.conftest import docx_tables
from tests.test_cli_criteria import FORMS


def test_county_summary_has_the_criteria_table(store, tmp_path):
    from models.imports import run_import

    load_units(store, tmp_path)
    forms = write_csv(tmp_path / "f.csv", [*FORM_HEADER, "discipline", "service"], FORMS)
    run_import(store, "evaluations", forms, profile="clerk")
    with store.read() as conn:
        docx = produce("county-summary", conn, ReportRequest(out=tmp_path / "s.docx"))[0]
    table = next(t for t in docx_tables(docx) if t[0][0] == "分项")
    assert table == [["分项", "评价票数", "满意率", "得分"],
                     ["遵守纪律", "5", "80.0%", "68.0"],
                     ["依法办事", "0", "—", "—"],
                     ["服务质量", "5", "60.0%", "48.0"],
                     ["廉洁自律", "0", "—", "—"],
                     ["工作效率", "0", "—", "—"]]

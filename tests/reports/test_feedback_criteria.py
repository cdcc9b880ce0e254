"""The unit feedback says which criterion pulled the unit down: its weakest criterion against
its appraisal category's average (issue 15 §1), with the unit's five criteria beside the
category's."""

import re

from reports.outputs import ReportRequest, produce
from tests.models.helpers import FORM_HEADER, load_units, write_csv
from tests.reports.conftest import pdf_text
from tests.test_cli_criteria import FORMS, C


def test_unit_feedback_names_the_criterion_below_its_category(store, tmp_path):
    from models.imports import run_import

    load_units(store, tmp_path)
    forms = write_csv(tmp_path / "f.csv", [*FORM_HEADER, "discipline", "service"], FORMS)
    run_import(store, "evaluations", forms, profile="clerk")
    with store.read() as conn:
        paths = produce("unit-feedback", conn, ReportRequest(out=tmp_path / "fb", campaign=C))
    texts = {p.name: re.sub(r"\s+", "", pdf_text(p)) for p in paths}
    # 龙溪镇's school: service 0 against the schools' 50, discipline 60 against 80
    longxi = next(t for name, t in texts.items() if "龙溪镇" in name)
    assert "拉低得分的分项：服务质量，得分0.0，低于同类单位平均50.0（相差50.0分）" in longxi
    # 白泥镇's school is above the schools' average on both criteria it was scored on
    baini = next(t for name, t in texts.items() if "白泥镇" in name and "小学" in name)
    assert "各分项得分均不低于同类单位平均" in baini
    assert "同类单位平均得分" in baini and "遵守纪律" in baini

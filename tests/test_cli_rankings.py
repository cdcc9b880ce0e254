"""`stats --json` gives the rankings within each appraisal category with bands and points, and
`report appraisal` writes the appraisal export (issue 15 §2), as operators script them."""

import json

import openpyxl
import pytest

from tests.models.helpers import FORM_HEADER, UNITS, write_csv
from tests.test_cli import run


def test_stats_json_and_the_appraisal_export_agree(tmp_path):
    d = tmp_path / "dev"
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    forms = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        [str(n), "2024年万民评议", "patient", "卫生院", level, "推诿" if level == "不满意" else "",
         "", "2024-05-01"] for n, level in enumerate(["满意"] * 29 + ["不满意"], start=1)])
    assert run(d, "import", "units", units).returncode == 0
    assert run(d, "import", "evaluations", forms).returncode == 0
    stats = json.loads(run(d, "stats", "--json").stdout)["rankings"]
    assert stats["settings"] == {"band_top_percent": 10.0, "band_bottom_count": 3,
                                 "appraisal_points": 10.0}
    (hospital,) = stats["by_category"]["hospital"]
    assert (hospital["unit_name"], hospital["forms"], hospital["rank"]) == ("卫生院", 30, 1)
    assert hospital["band"] == "advanced"  # ceil(1 × 10 %) = 1: the only one is 先进
    assert hospital["points"] == pytest.approx(29 / 30 * 100 / 100 * 10)
    out = tmp_path / "考核.xlsx"
    res = run(d, "report", "appraisal", "--out", str(out))
    assert res.returncode == 0, res.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 1
    assert rows[0][0] == "医院" and rows[0][1].endswith("卫生院") and rows[0][5] == 1
    assert rows[0][7] == pytest.approx(hospital["points"])

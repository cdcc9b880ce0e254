"""`stats --json` carries the breakdowns and the comparison with the previous campaign, and
`unit merge OLD NEW` moves a unit's history under its successor (issue 15 §3)."""

import json

from tests.models.helpers import FORM_HEADER, UNITS, write_csv
from tests.test_cli import run


def test_unit_merge_and_the_comparison_in_stats_json(tmp_path):
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    forms = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        ["1", "2023年万民评议", "citizen", "卫生院", "满意", "", "", "2023-05-01"],
        ["2", "2023年万民评议", "citizen", "县社保中心", "不满意", "推诿", "", "2023-05-02"],
        ["1", "2024年万民评议", "citizen", "卫生院", "满意", "", "", "2024-05-01"],
    ])
    d = tmp_path / "dev"
    assert run(d, "import", "units", units).returncode == 0
    assert run(d, "import", "evaluations", forms).returncode == 0
    before = json.loads(run(d, "stats", "--json").stdout)
    assert [m["key"] for m in before["breakdowns"]["month"]] == ["2023-05", "2024-05"]
    assert before["comparison"]["previous"]["name"] == "2023年万民评议"
    assert before["comparison"]["units"][0]["previous_forms"] == 1

    ambiguous = run(d, "unit", "merge", "第一小学", "卫生院")
    assert ambiguous.returncode == 1 and "2 units answer to 第一小学" in ambiguous.stderr
    merged = run(d, "unit", "merge", "县社保中心", "卫生院")
    assert merged.returncode == 0, merged.stderr
    assert "余庆县/县社保中心 lives on as 余庆县/白泥镇/卫生院" in merged.stdout
    after = json.loads(run(d, "stats", "--json").stdout)["comparison"]["units"][0]
    assert (after["previous_forms"], after["previous_rate"]) == (2, 0.5)

"""The five criteria in `stats --json` (issue 15 §1), checked against a hand computation, as a
clerk would recompute them in a spreadsheet from the same forms (docs/foundation.md)."""

import json

import pytest

from models.criteria import weakest_criterion
from tests.models.helpers import FORM_HEADER, UNITS, write_csv
from tests.test_cli import run

C = "2024年万民评议"
# form_no, campaign, group, unit, level, reason, suggestion, date, discipline, service
FORMS = [
    ["1", C, "patient", "白泥镇/卫生院", "satisfied", "", "", "2024-05-01", "satisfied",
     "dissatisfied"],
    ["2", C, "patient", "白泥镇/卫生院", "fairly_satisfied", "", "", "2024-05-01",
     "fairly_satisfied", "basically_satisfied"],
    ["3", C, "patient", "白泥镇/卫生院", "dissatisfied", "推诿", "", "2024-05-01",
     "dissatisfied", ""],
    ["4", C, "parent", "白泥镇/第一小学", "satisfied", "", "", "2024-05-01", "satisfied",
     "satisfied"],
    ["5", C, "parent", "龙溪镇/第一小学", "basically_satisfied", "", "", "2024-05-01",
     "basically_satisfied", "dissatisfied"],
    ["6", C, "citizen", "县社保中心", "satisfied", "", "", "2024-05-01", "", "fairly_satisfied"],
]


def fig(forms, rate, score):
    return {"forms": forms, "satisfaction_rate": pytest.approx(rate) if forms else None,
            "weighted_score": pytest.approx(score) if forms else None}


NONE = fig(0, None, None)


def criteria(discipline, service):
    return {"discipline": discipline, "law": NONE, "service": service, "integrity": NONE,
            "efficiency": NONE}


@pytest.fixture(scope="module")
def stats(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("criteria")
    d = tmp / "dev"
    assert run(d, "import", "units", write_csv(tmp / "u.csv", ["name", "kind", "parent"],
                                                UNITS)).returncode == 0
    forms = write_csv(tmp / "f.csv", [*FORM_HEADER, "discipline", "service"], FORMS)
    res = run(d, "import", "evaluations", forms)
    assert res.returncode == 0, res.stderr
    res = run(d, "stats", "--json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)["evaluations"]["criteria"]


def test_county_criteria_are_the_spreadsheets_figures(stats):
    # discipline: forms 1–5 at S F D S B; service: forms 1 2 4 5 6 at D B S D F (100/80/60/0)
    assert stats["county"] == criteria(fig(5, 4 / 5, (100 + 80 + 0 + 100 + 60) / 5),
                                       fig(5, 3 / 5, (0 + 60 + 100 + 0 + 80) / 5))


def test_criteria_by_category_township_and_unit(stats):
    assert stats["by_category"] == {
        "county_department": criteria(NONE, fig(1, 1, 80)),
        "hospital": criteria(fig(3, 2 / 3, 60), fig(2, 1 / 2, 30)),
        "school": criteria(fig(2, 1, 80), fig(2, 1 / 2, 50)),
    }
    towns = {t["unit_name"]: t["criteria"] for t in stats["by_township"]}
    assert towns == {"白泥镇": criteria(fig(4, 3 / 4, 70), fig(3, 2 / 3, 160 / 3)),
                     "龙溪镇": criteria(fig(1, 1, 60), fig(1, 0, 0))}
    units = {(u["unit_name"], u["township_id"]): u for u in stats["by_unit"]}
    town_ids = {t["unit_name"]: t["unit_id"] for t in stats["by_township"]}
    assert len(units) == 4 and units[("卫生院", town_ids["白泥镇"])]["criteria"] == criteria(
        fig(3, 2 / 3, 60), fig(2, 1 / 2, 30))
    assert units[("县社保中心", None)]["category"] == "county_department"
    assert units[("第一小学", town_ids["龙溪镇"])]["criteria"] == criteria(fig(1, 1, 60),
                                                                       fig(1, 0, 0))


def test_weakest_criterion_is_the_one_furthest_below_the_category(stats):
    school = stats["by_category"]["school"]
    lowest = [u for u in stats["by_unit"] if u["criteria"]["service"]["weighted_score"] == 0][0]
    weakest = weakest_criterion(lowest, school)
    assert (weakest["criterion"], weakest["weighted_score"], weakest["category_score"]) == (
        "service", 0, 50)
    best = [u for u in stats["by_unit"] if u["criteria"]["service"]["weighted_score"] == 100][0]
    assert weakest_criterion(best, school) is None  # above its category on both

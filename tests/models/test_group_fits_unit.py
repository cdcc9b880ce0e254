"""A form's respondent group fits its unit (issue 17 §1), in batch entry and import alike:
parents rate a unit that is or lies under a school, patients one that is or lies under a
hospital, citizens any unit."""

from datetime import date

import pytest

from models import batches
from models.enums import RespondentGroup
from models.errors import ValidationError
from models.imports import run_import
from models.reference import Campaign, Unit
from tests.models.helpers import FORM_HEADER, count, load_units, write_csv

CAMPAIGN = "2024年万民评议"


@pytest.fixture
def county(store, tmp_path):
    """The helpers' tree plus a class under 白泥镇/第一小学 and a ward under 卫生院."""
    load_units(store, tmp_path)
    with store.read() as conn:
        ids = dict(conn.exec_driver_sql(
            "SELECT name, id FROM unit WHERE name IN ('卫生院', '县社保中心')").all())
        ids["school"] = conn.exec_driver_sql(
            "SELECT u.id FROM unit u JOIN unit p ON u.parent_id = p.id "
            "WHERE u.name = '第一小学' AND p.name = '白泥镇'").scalar()
    with store.write("clerk") as w:
        ids["class"] = w.create(Unit, {"name": "三年级二班", "kind": "other",
                                       "parent_id": ids["school"]})
        ids["ward"] = w.create(Unit, {"name": "儿科", "kind": "other", "parent_id": ids["卫生院"]})
        ids["campaign"] = w.create(Campaign, {"name": CAMPAIGN, "year": 2024})
    return store, ids


def _open(store, ids, group, unit):
    with store.write("clerk") as w:
        return batches.open_batch(w, {"campaign_id": ids["campaign"], "group": group,
                                      "unit_id": ids[unit], "evaluated_on": date(2024, 5, 4),
                                      "cover_count": 1})


@pytest.mark.parametrize("group,unit,code", [
    (RespondentGroup.PARENT, "卫生院", "parents_need_school"),
    (RespondentGroup.PARENT, "县社保中心", "parents_need_school"),
    (RespondentGroup.PATIENT, "school", "patients_need_hospital"),
    (RespondentGroup.PATIENT, "class", "patients_need_hospital"),
])
def test_batch_entry_refuses_a_group_that_does_not_fit_the_unit(county, group, unit, code):
    store, ids = county
    with pytest.raises(ValidationError) as caught:
        _open(store, ids, group, unit)
    assert [(p.field, p.code) for p in caught.value.problems] == [("group", code)]
    assert count(store, "entry_batch") == 0


@pytest.mark.parametrize("group,unit", [
    (RespondentGroup.PARENT, "school"), (RespondentGroup.PARENT, "class"),
    (RespondentGroup.PATIENT, "卫生院"), (RespondentGroup.PATIENT, "ward"),
    (RespondentGroup.CITIZEN, "school"), (RespondentGroup.CITIZEN, "县社保中心"),
])
def test_batch_entry_takes_a_group_that_fits(county, group, unit):
    store, ids = county
    batch = _open(store, ids, group, unit)
    with store.write("clerk") as w:
        batches.add_form(w, batch, {"form_no": "1", "level": "satisfied"})
    assert count(store, "evaluation") == 1


def test_a_form_keyed_into_a_batch_cannot_change_to_a_group_that_does_not_fit(county):
    store, ids = county
    batch = _open(store, ids, RespondentGroup.CITIZEN, "县社保中心")
    with pytest.raises(ValidationError) as caught, store.write("clerk") as w:
        batches.add_form(w, batch, {"form_no": "1", "level": "satisfied", "group": "patient"})
    assert caught.value.problems[0].code == "patients_need_hospital"


def test_import_refuses_a_group_that_does_not_fit_its_unit(county, tmp_path):
    store, _ = county
    path = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        ["1", CAMPAIGN, "家长", "白泥镇/第一小学/三年级二班", "满意", "", "", "2024-05-01"],
        ["2", CAMPAIGN, "患者", "卫生院/儿科", "满意", "", "", "2024-05-01"],
        ["3", CAMPAIGN, "群众", "卫生院", "满意", "", "", "2024-05-01"],
        ["4", CAMPAIGN, "家长", "卫生院", "满意", "", "", "2024-05-01"],
        ["5", CAMPAIGN, "患者", "县社保中心", "满意", "", "", "2024-05-01"],
    ])
    with pytest.raises(ValidationError) as caught:
        run_import(store, "evaluations", path, profile="clerk")
    assert [(p.row, p.field, p.code) for p in caught.value.problems] == [
        (5, "group", "parents_need_school"), (6, "group", "patients_need_hospital")]
    report = run_import(store, "evaluations", path, profile="clerk", skip_invalid=True)
    assert report.imported == 3 and count(store, "evaluation") == 3


def test_each_row_of_a_repeated_misfit_gets_its_own_problem(county, tmp_path):
    """The same group and unit that do not fit, on several rows: each row is named, with its
    own problem (the pair is judged once, the problems are not shared)."""
    store, _ = county
    path = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        ["1", CAMPAIGN, "家长", "卫生院", "满意", "", "", "2024-05-01"],
        ["2", CAMPAIGN, "群众", "卫生院", "满意", "", "", "2024-05-01"],
        ["3", CAMPAIGN, "家长", "卫生院", "满意", "", "", "2024-05-02"],
    ])
    with pytest.raises(ValidationError) as caught:
        run_import(store, "evaluations", path, profile="clerk")
    problems = caught.value.problems
    assert [(p.row, p.field, p.code) for p in problems] == [
        (2, "group", "parents_need_school"), (4, "group", "parents_need_school")]
    assert problems[0] is not problems[1]

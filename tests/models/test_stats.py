"""Statistics on a small hand-made data set whose figures are computed by hand below."""

from datetime import date

import pytest

from models import services
from models.enums import ProblemStatus
from models.records import AccountabilityCase, PersonnelCriticism, Problem, Visit
from models.reference import Campaign
from models.stats import county_stats, county_stats_and_ranking, unit_ranking
from tests.models.helpers import FORM_HEADER, load_units, write_csv

C1, C2 = "2024年万民评议", "2023年万民评议"


@pytest.fixture
def county(store, tmp_path):
    from models.imports import run_import

    load_units(store, tmp_path)
    rows = [  # unit 卫生院: 3 forms; 县社保中心: 2 forms; campaign 2023: 1 form
        ["1", C1, "patient", "卫生院", "satisfied", "", "建议一", "2024-03-01"],
        ["2", C1, "patient", "卫生院", "dissatisfied", "推诿", "", "2024-03-02"],
        ["3", C1, "patient", "卫生院", "fairly_satisfied", "", "", "2024-04-01"],
        ["4", C1, "citizen", "县社保中心", "basically_satisfied", "", "建议二", "2024-04-02"],
        ["5", C1, "citizen", "县社保中心", "satisfied", "", "", "2024-04-03"],
        ["1", C2, "parent", "白泥镇/第一小学", "satisfied", "", "", "2023-06-01"],
    ]
    run_import(store, "evaluations", write_csv(tmp_path / "f.csv", FORM_HEADER, rows),
               profile="clerk")
    with store.read() as conn:
        ids = dict(conn.exec_driver_sql("SELECT name, id FROM campaign").all())
        unit = conn.exec_driver_sql("SELECT id FROM unit WHERE name='卫生院'").scalar()
        form5 = conn.exec_driver_sql("SELECT id FROM evaluation WHERE form_no='5' AND "
                                     f"campaign_id='{ids[C1]}'").scalar()
    with store.write("supervisor") as w:
        w.update(Campaign, ids[C1], {"min_sample": 3, "weight_fairly_satisfied": 90.0})
        services.void_evaluation(w, form5, "重复录入")
        for kind, status in [("secret", "done"), ("on_site_review", "done"),
                             ("media_inquiry", "done"), ("open", "planned")]:
            w.create(Visit, {"kind": kind, "status": status, "visit_date": date(2024, 5, 1)})
        for name, sanction in [("王五", "criticism_education"), ("赵六", "warning")]:
            w.create(PersonnelCriticism, {"person_name": name, "unit_id": unit,
                                          "sanction": sanction, "decided_on": date(2024, 5, 2)})
        for status, deadline in [("open", date(2024, 5, 1)), ("investigating", date(2024, 7, 1)),
                                 ("rectified", date(2024, 5, 1)), ("verified", None)]:
            w.create(Problem, {"description": "问题", "reported_on": date(2024, 4, 1),
                               "deadline": deadline, "status": ProblemStatus(status),
                               "campaign_id": ids[C1]})
        for person, outcome in [("甲", "disciplinary"), ("甲", "disciplinary"),
                                ("", "unit_accountable")]:
            w.create(AccountabilityCase, {"subject": "person" if person else "unit",
                                          "person_name": person, "unit_id": unit,
                                          "outcome": outcome, "decided_on": date(2024, 6, 1)})
    return store, ids


def test_county_figures(county):
    store, _ = county
    with store.read() as conn:
        s = county_stats(conn, as_of=date(2024, 6, 1))
    ev = s["evaluations"]
    assert ev["total"] == 5  # form 5 is voided
    assert ev["by_group"] == {"parent": 1, "patient": 3, "citizen": 1}
    assert ev["by_level"] == {"satisfied": 2, "fairly_satisfied": 1,
                              "basically_satisfied": 1, "dissatisfied": 1}
    assert ev["satisfaction_rate"] == pytest.approx(4 / 5)
    # 2024 weights 100/90/60/0 for four forms; 2023 default 100 for one form
    assert ev["weighted_score"] == pytest.approx((100 + 0 + 90 + 60 + 100) / 5)
    assert s["units_evaluated"] == 3
    assert s["visits"]["total"] == 3 and s["visits"]["planned"] == 1
    assert s["visits"]["public_events"] == 2
    assert s["visits"]["by_kind"]["secret"] == 1 and s["visits"]["by_kind"]["supervision"] == 0
    assert s["criticisms"] == {"total": 2, "by_sanction": {
        "criticism_education": 1, "reminder_talk": 0, "admonition_talk": 0,
        "circulated_criticism": 0, "warning": 1}}
    assert s["opinions"] == {"total": 2, "sorted": 0}
    p = s["problems"]
    assert (p["total"], p["investigated"], p["rectified"], p["overdue"]) == (4, 3, 2, 1)
    a = s["accountability"]
    assert (a["cases"], a["people_sanctioned"], a["units_held_accountable"]) == (3, 1, 1)


def test_campaign_and_period_filters(county):
    store, ids = county
    with store.read() as conn:
        only_2023 = county_stats(conn, campaign_id=ids[C2])
        april = county_stats(conn, date_from=date(2024, 4, 1), date_to=date(2024, 4, 30))
    assert only_2023["evaluations"]["total"] == 1
    assert only_2023["opinions"]["total"] == 0
    assert april["evaluations"]["total"] == 2  # forms 3 and 4 (5 is void)


def test_unit_ranking_respects_minimum_sample(county):
    store, ids = county
    with store.read() as conn:
        ranking = unit_ranking(conn, campaign_id=ids[C1])
    by_name = {u["unit_name"]: u for u in ranking}
    assert by_name["卫生院"]["rank"] == 1  # 3 forms >= min sample 3
    assert by_name["卫生院"]["weighted_score"] == pytest.approx(190 / 3)
    assert by_name["县社保中心"]["rank"] is None  # 1 valid form: unranked
    assert ranking[-1]["unit_name"] == "县社保中心"


@pytest.mark.parametrize("filters", [
    {}, {"campaign": C1}, {"date_from": date(2024, 4, 1), "date_to": date(2024, 4, 30)}])
def test_one_scan_gives_the_same_figures_and_ranking(county, filters):
    """The dashboard's single scan equals the two separate queries."""
    store, ids = county
    if "campaign" in filters:
        filters = {"campaign_id": ids[filters["campaign"]]}
    with store.read() as conn:
        both = county_stats_and_ranking(conn, as_of=date(2024, 6, 1), **filters)
        assert both == (county_stats(conn, as_of=date(2024, 6, 1), **filters),
                        unit_ranking(conn, **filters))


@pytest.mark.parametrize("filters", [{}, {"date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31)}])
def test_forms_are_counted_from_the_covering_index(county, filters):
    """The grouped count never reads the table, with or without a period (migration 0005)."""
    import sqlalchemy as sa

    from models.stats import EV, Filters, valid_forms

    store, _ = county
    keys = (EV.c.unit_id, EV.c.campaign_id, EV.c.group, EV.c.level)
    query = sa.select(*keys, sa.func.count()).where(*valid_forms(Filters(**filters)))
    with store.read() as conn:
        sql = str(query.group_by(*keys).compile(conn, compile_kwargs={"literal_binds": True}))
        plan = str(conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all())
    assert "COVERING INDEX ix_evaluation_unit_counts" in plan


def test_stats_read_through_views_that_match_the_tables():
    """models.stats reads Core views, not the SQLModel classes; each view's column exists in
    its table, and dates and flags carry the table's type (they are compared and read back)."""
    import sqlalchemy as sa

    from models.stats import VIEWS
    from models.tables import metadata

    for view in VIEWS:
        table = metadata.tables[view.name]
        for column in view.c:
            real = table.c[column.name].type
            if isinstance(real, sa.Date | sa.Boolean):
                assert type(column.type) is type(real), (view.name, column.name)


def test_importing_stats_leaves_sqlmodel_out():
    """The dashboard's first computation of a day does not pay for the table classes."""
    import subprocess
    import sys

    code = "import sys, models.stats; print('sqlmodel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_the_dashboards_computation_leaves_sqlmodel_out():
    """After a change the dashboard computes its figures, ranking and accountability list
    (desktop.data.dashboard.compute) without the table classes either (~0.3 s at start-up)."""
    import subprocess
    import sys

    code = ("import sys, models.stats, models.chase, models.rankings; "
            "print('sqlmodel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"

"""The validated entry points every path shares (window, import, server)."""

from datetime import date

import pytest

from models import services
from models.enums import ProblemStatus, ProfileRole
from models.errors import DomainError, DuplicateFormNumberError, ValidationError
from models.records import Evaluation, PersonnelCriticism, Problem
from models.reference import Campaign, Unit


@pytest.fixture
def ids(store):
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": "department"})
        campaign = w.create(Campaign, {"name": "2024年万民评议", "year": 2024})
    return {"unit": unit, "campaign": campaign}


def _form(ids, **kw):
    return {"campaign_id": ids["campaign"], "group": "citizen", "unit_id": ids["unit"],
            "level": "satisfied", "evaluated_on": date(2024, 5, 1), "form_no": "0001", **kw}


def test_form_is_validated_and_numbers_are_unique(store, ids):
    with pytest.raises(ValidationError) as err, store.write("clerk") as w:
        services.create_record(w, Evaluation, _form(ids, level="dissatisfied"))
    assert err.value.problems[0].field == "reason"
    with pytest.raises(ValidationError) as err, store.write("clerk") as w:
        services.create_record(w, Evaluation, _form(ids, level="excellent"))
    assert err.value.problems[0].field == "level"
    with store.write("王芳") as w:
        services.create_record(w, Evaluation, _form(ids, suggestion="延长办公时间"))
    with pytest.raises(DuplicateFormNumberError, match="by 王芳"), store.write("李四") as w:
        services.create_record(w, Evaluation, _form(ids))
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM evaluation").scalar() == 1
        assert conn.exec_driver_sql("SELECT text FROM opinion").scalar() == "延长办公时间"


def test_voided_form_frees_nothing_but_stays(store, ids):
    with store.write("clerk") as w:
        form = services.create_record(w, Evaluation, _form(ids))
    with pytest.raises(ValidationError), store.write("supervisor") as w:
        services.void_evaluation(w, form, " ")
    with store.write("supervisor") as w:
        services.void_evaluation(w, form, "重复录入")
    with store.read() as conn:
        row = conn.exec_driver_sql("SELECT voided, void_reason FROM evaluation").one()
    assert tuple(row) == (1, "重复录入")


def test_criticism_needs_person_and_unit(store, ids):
    with pytest.raises(ValidationError) as err, store.write("rep") as w:
        services.create_record(w, PersonnelCriticism, {"person_name": "", "unit_id": ids["unit"]})
    assert err.value.problems[0].field == "person_name"


def test_problem_workflow(store, ids):
    with pytest.raises(ValidationError, match="deadline"), store.write("s") as w:
        services.create_record(w, Problem, {"description": "排队太长",
                                            "reported_on": date(2024, 5, 2),
                                            "deadline": date(2024, 5, 1)})
    with store.write("s") as w:
        pid = services.create_record(w, Problem, {"description": "排队太长",
                                                  "reported_on": date(2024, 5, 2),
                                                  "deadline": date(2024, 6, 1)})
        services.change_problem_status(w, pid, ProblemStatus.RECTIFIED)
    with pytest.raises(DomainError), store.write("clerk") as w:
        services.change_problem_status(w, pid, ProblemStatus.RECTIFYING,
                                       actor_role=ProfileRole.CLERK, reopen_reason="未整改")
    with store.write("supervisor") as w:
        services.change_problem_status(w, pid, ProblemStatus.RECTIFYING,
                                       actor_role=ProfileRole.SUPERVISOR, reopen_reason="未整改")
    with store.read() as conn:
        row = conn.exec_driver_sql("SELECT status, reopen_reason, rectified_on FROM problem").one()
    assert tuple(row) == ("rectifying", "未整改", None)
    with pytest.raises(ValidationError), store.write("s") as w:
        services.update_record(w, Problem, pid, {"status": "verified"})


def test_update_records_only_changed_fields(store, ids):
    with store.write("clerk") as w:
        form = services.create_record(w, Evaluation, _form(ids))
        changed = services.update_record(w, Evaluation, form, {"level": "satisfied",
                                                               "suggestion": "好"})
    assert changed == {"suggestion": "好"}
    with store.write("clerk") as w:
        services.delete_record(w, Evaluation, form)
    with store.read() as conn:
        ops = [r[0] for r in conn.exec_driver_sql("SELECT op FROM outbox ORDER BY seq")]
        opinion = conn.exec_driver_sql("SELECT text FROM opinion").scalar()
    assert ops[-3:] == ["update", "insert", "delete"]  # the suggestion became an opinion
    assert opinion == "好"

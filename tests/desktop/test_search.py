"""The search box (issue 12 §4): it says what it searches and searches text, unit names and
numbers. A single word used to be taken for a form number ("parking" found nothing while
"more parking" found the visit), and in Visits a unit's name found nothing."""

from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit

from models import services
from models.records import Evaluation, Visit
from tests.desktop.conftest import make_session
from tests.desktop.test_lists import loaded_model


@pytest.fixture
def session(store, worker, small):
    with store.write("hq") as w:
        w.create(Visit, {"kind": "open", "status": "done", "unit_id": small["units"]["卫生院"],
                         "summary": "No signs for the more parking area", "visit_date": date.today()})
        w.create(Visit, {"kind": "open", "status": "done", "place": "县城东门",
                         "visit_date": date.today()})
        services.create_record(w, Evaluation, {
            "campaign_id": small["campaign"], "group": "citizen", "form_no": "B001",
            "unit_id": small["units"]["县社保中心"], "level": "satisfied",
            "suggestion": "more parking", "evaluated_on": date.today()})
    return make_session(store, worker, role="hq", device_role="hq")


def test_a_single_word_finds_the_form_it_is_in(qtbot, session):
    assert loaded_model(qtbot, session, "evaluations", {"search": "parking"}).rowCount() == 1
    assert loaded_model(qtbot, session, "evaluations", {"search": "more parking"}).rowCount() == 1
    assert loaded_model(qtbot, session, "visits", {"search": "parking"}).rowCount() == 1


def test_a_unit_name_finds_its_forms(qtbot, session):
    assert loaded_model(qtbot, session, "evaluations", {"search": "县社保"}).rowCount() == 1


def test_a_unit_name_finds_its_visits(qtbot, session):
    assert loaded_model(qtbot, session, "visits", {"search": "卫生院"}).rowCount() == 1


def test_a_form_number_still_finds_its_form(qtbot, session):
    assert loaded_model(qtbot, session, "evaluations", {"search": "A002"}).rowCount() == 1
    assert loaded_model(qtbot, session, "evaluations", {"search": "A00"}).rowCount() == 3


def test_the_search_box_says_what_it_searches(qtbot, session):
    from desktop.widgets.filter_bar import FilterBar

    bar = FilterBar([("search",)], session.reference)
    qtbot.addWidget(bar)
    box = bar.findChild(QLineEdit, "filter_search")
    assert box.placeholderText() == "Search text, unit names, numbers…"

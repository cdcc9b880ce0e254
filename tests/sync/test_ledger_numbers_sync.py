"""A problem's ledger number (issue 17 §1) travels like any field: a problem an office makes
gets its campaign's next number there, HQ and another office receive it, and a ledger number
HQ corrects reaches the office. SQLite and PostgreSQL."""

from datetime import date

from models import services
from models.records import Problem
from tests.sync.helpers import seed_reference


def test_ledger_numbers_travel_between_office_and_hq(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    boss.sync()
    office.sync()
    with office.write("clerk") as w:
        problem = services.create_record(w, Problem, {
            "description": "窗口推诿", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5)})
    office.sync()
    number = hq.rows("problem")[problem]["ledger_no"]
    assert number.endswith("-001")
    boss.sync()
    with boss.write("hq") as w:
        services.update_record(w, Problem, problem, {"ledger_no": "2026-017"})
    boss.sync()
    office.sync()
    assert office.rows("problem")[problem]["ledger_no"] == "2026-017"

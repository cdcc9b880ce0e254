"""What a unit is told of a problem is HQ's (issue 14 §1): an office device, even a doctored
one writing straight to its store, neither sets a problem's assignment (text, notice number,
date) nor adds where a problem came from. SQLite and PostgreSQL."""

from datetime import date

from models.enums import SourceKind
from models.records import Problem
from models.rectification import ProblemSourceLink
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def _issue_codes(device) -> list[str]:
    with device.store.read() as conn:
        return conn.exec_driver_sql("SELECT code FROM sync_issue ORDER BY code").scalars().all()


def test_office_device_cannot_pass_its_own_text_off_as_hqs_assignment(hq):
    office = hq.device("office", name="office")
    ids = seed_reference(office)
    with office.write("clerk") as w:  # a doctored client: past models.services
        problem = w.create(Problem, {
            "description": "窗口推诿", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5), "assignment_text": "县纠风办交办：限期整改",
            "assignment_no": "纠风交〔2026〕1号", "assigned_on": date(2026, 3, 6)})
    report = office.sync()
    assert report.forbidden == 1
    assert _issue_codes(office) == ["assignment_hq_only"]
    assert problem not in hq.rows("problem")


def test_office_device_cannot_add_a_source_to_a_problem(hq):
    office = hq.device("office", name="office")
    ids = seed_reference(office)
    with office.write("clerk") as w:
        problem = w.create(Problem, {
            "description": "窗口推诿", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5)})
        w.create(ProblemSourceLink, {"problem_id": problem, "kind": SourceKind.OPINION,
                                     "source_id": problem})
    report = office.sync()
    assert report.forbidden == 1
    assert _issue_codes(office) == ["role"]
    assert hq.rows("problem_source") == {}

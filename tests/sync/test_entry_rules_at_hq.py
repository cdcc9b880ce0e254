"""HQ applies the entry rules of issue 12 §4 to pushed rows where they decide results (a
problem verified without measures), not where older devices made such rows legitimately (a
finding without a description); a photo removed on a device is removed at HQ. On SQLite and
PostgreSQL."""

from datetime import date

from desktop.data.attachments import attach_files, remove_attachment
from models.records import Finding, Problem
from tests.sync.helpers import seed_reference


def _issue_codes(dev) -> list[str]:
    with dev.store.read() as conn:
        return conn.exec_driver_sql("SELECT code FROM sync_issue ORDER BY outbox_seq").scalars().all()

def test_hq_refuses_a_problem_verified_without_measures(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    with office.write("clerk") as w:  # a doctored client: straight to the store
        problem = w.create(Problem, {"description": "窗口推诿", "unit_id": ids["window"],
                                     "reported_on": date(2026, 5, 1)})
    office.sync()
    with office.write("clerk") as w:
        w.update(Problem, problem, {"status": "verified"})
    report = office.sync()
    assert report.rejected == 1
    assert _issue_codes(office) == ["verify_needs_measures"]
    assert hq.rows("problem")[problem]["status"] == "open"

def test_hq_keeps_a_finding_an_older_device_saved_without_description(hq):
    boss = hq.device("hq", name="hq")
    seed_reference(boss)
    boss.sync()
    rep = hq.device("representative", representative="Li Wei", team="Team 1")
    rep.sync()
    with rep.write() as w:
        finding = w.create(Finding, {"description": ""})
    report = rep.sync()
    assert report.rejected == 0 and finding in hq.rows("finding")

def test_a_photo_removed_on_a_device_is_removed_at_hq(hq, tmp_path):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    photo = tmp_path / "整改前.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with office.write("clerk") as w:
        problem = w.create(Problem, {"description": "窗口推诿", "unit_id": ids["window"],
                                     "reported_on": date(2026, 5, 1)})
        [attachment] = attach_files(w, office.store.blobs, "problem", problem, [str(photo)])
    office.sync()
    assert attachment in hq.rows("attachment")
    with office.write("clerk") as w:
        remove_attachment(w, attachment)
    report = office.sync()
    assert report.rejected == 0 and report.forbidden == 0
    assert attachment not in hq.rows("attachment")
    assert hq.rows("attachment", live_only=False)[attachment]["deleted_at"] is not None


def test_hq_refuses_a_deadline_before_the_problem_by_code_with_its_dates(hq):
    """A rule's refusal travels as its code and arguments (JSON), so the office reads it in its
    own language: the deadline and the reporting date, not HQ's English sentence."""
    import json

    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    with office.write("clerk") as w:  # a doctored client: straight to the store
        w.create(Problem, {"description": "窗口推诿", "unit_id": ids["window"],
                           "reported_on": date(2026, 5, 10), "deadline": date(2026, 5, 1)})
    report = office.sync()
    assert report.rejected == 1
    with office.store.read() as conn:
        code, details = conn.exec_driver_sql("SELECT code, details FROM sync_issue").one()
    details = json.loads(details) if isinstance(details, str) else details
    assert code == "deadline_before_report"
    assert details == {"field": "deadline", "deadline": "2026-05-01", "reported": "2026-05-10"}

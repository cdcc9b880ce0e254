"""A unit's liaison device (issue 14 §2): enrolled by HQ for one unit, it receives that unit's and
its sub-units' assigned problems (as a projection), reports back on them, and loses what leaves
its scope. On SQLite and PostgreSQL."""

from datetime import date

import pytest

from models.enums import ProfileRole
from models.errors import ValidationError
from models.profiles import acting_profile, list_profiles
from models.records import Attachment, Problem
from models.rectification import ExtensionRequest, ProblemReceipt, RectificationReport
from models.reference import Unit
from sync.server import admin
from tests.sync.unit_county import ASSIGNMENT, county, held, report

PHOTO = b"\xff\xd8\xff\xdb" + b"rota posted at window 1 " * 40 + b"\xff\xd9"  # no metadata


def test_a_unit_device_is_enrolled_for_its_unit_and_its_first_profile_is_a_liaison(hq):
    with pytest.raises(ValidationError) as refused:
        admin.enroll_device(hq.db, role="unit")
    assert refused.value.problems[0].code == "hq_unit_device_needs_unit"
    c = county(hq)
    assert c.liaison.store.meta("device_role") == "unit"
    assert acting_profile(c.liaison.store, None) == "admin"
    assert [p["role"] for p in list_profiles(c.liaison.store)] == [ProfileRole.UNIT]


def test_a_liaison_receives_its_units_assigned_problems_as_a_projection(hq):
    c = county(hq)
    ids, liaison = c.ids, c.liaison
    assert set(liaison.rows("unit")) == {ids["unit"], ids["window"]}  # not the Tax Office
    assert len(liaison.rows("campaign")) == 1
    problems = liaison.rows("problem")
    assert set(problems) == {ids["secret"], ids["replied"]}  # assigned, of its units
    secret, replied = problems[ids["secret"]], problems[ids["replied"]]
    assert secret["description"] == ASSIGNMENT and secret["confidential_source"]
    assert secret["source_category"] == "absent_from_post"
    assert replied["description"] == "Fees charged twice at the counter"
    for row in (secret, replied):
        assert (row["source"], row["source_id"]) == ("other", None)
        assert (row["reply_method"], row["replied_on"], row["replied_by"],
                row["complainant_view"]) == (None, None, "", None)
        assert row["deadline"] == date(2026, 5, 1) and row["assigned_on"] == date(2026, 4, 1)
    for table in ("visit", "finding", "opinion", "team", "problem_source"):
        assert liaison.rows(table) == {}, table
    c.boss.sync()  # HQ's own devices still read everything
    assert c.boss.rows("problem")[ids["secret"]]["source_id"] == ids["finding"]


def _report_back(c) -> dict:
    """What the liaison does: signs for both problems, asks for more time on one, reports the
    other completed with a photo."""
    ids, liaison = c.ids, c.liaison
    sha = liaison.store.blobs.put(PHOTO)
    with liaison.write("liaison") as w:
        for pid in (ids["secret"], ids["replied"]):
            w.create(ProblemReceipt, {"problem_id": pid, "signed_on": date(2026, 4, 2),
                                      "signed_by": "Liaison Sun"})
        ask = w.create(ExtensionRequest, {
            "problem_id": ids["replied"], "current_deadline": date(2026, 5, 1),
            "requested_deadline": date(2026, 6, 1), "reason": "Counter rebuilt in May",
            "requested_on": date(2026, 4, 3)})
        rep = w.create(RectificationReport, report(ids["secret"]))
        photo = w.create(Attachment, {"sha256": sha, "size": len(PHOTO),
                                      "owner_table": "rectification_report", "owner_id": rep,
                                      "original_name": "rota.jpg"})
    result = liaison.sync()
    assert result.forbidden == result.rejected == 0
    return {"ask": ask, "report": rep, "photo": photo, "sha": sha}


def test_a_liaisons_receipts_requests_and_reports_reach_hq_and_its_successor(hq):
    c = county(hq)
    sent = _report_back(c)
    assert len(hq.rows("problem_receipt")) == 2
    assert hq.rows("extension_request")[sent["ask"]]["decision"] == "pending"
    at_hq = hq.rows("rectification_report")[sent["report"]]
    assert at_hq["created_device"] == c.liaison.store.device_id and at_hq["review"] == "pending"
    assert hq.rows("attachment")[sent["photo"]]["owner_id"] == sent["report"]
    admin.revoke_device(hq.db, "liaison")  # the liaison leaves; HQ enrolls the successor
    successor = hq.device("unit", name="liaison-2", unit="County Hall")
    successor.sync()
    assert set(successor.rows("rectification_report")) == {sent["report"]}
    assert set(successor.rows("extension_request")) == {sent["ask"]}
    assert len(successor.rows("problem_receipt")) == 2
    assert set(successor.rows("attachment")) == {sent["photo"]}
    from tests.sync.helpers import run
    assert run(successor.engine.fetch_attachment(sent["sha"])) == PHOTO


def test_a_problem_moved_to_another_unit_leaves_the_liaison_device_with_its_reports(hq):
    c = county(hq)
    sent = _report_back(c)
    with c.boss.write("hq") as w:
        w.update(Problem, c.ids["secret"], {"unit_id": c.ids["tax"]})
    c.boss.sync()
    c.liaison.sync()
    assert held(c.liaison, "problem") == {c.ids["replied"]}
    assert held(c.liaison, "rectification_report") == set()
    assert held(c.liaison, "attachment") == set()
    assert len(held(c.liaison, "problem_receipt")) == 1
    assert held(c.liaison, "extension_request") == {sent["ask"]}


def test_a_sub_unit_moved_out_of_the_tree_takes_its_problems_off_the_liaison_device(hq):
    c = county(hq)
    _report_back(c)
    with c.boss.write("hq") as w:  # Window 1 now belongs to the Tax Office
        w.update(Unit, c.ids["window"], {"parent_id": c.ids["tax"]})
    c.boss.sync()
    c.liaison.sync()
    assert held(c.liaison, "unit") == {c.ids["unit"]}
    assert held(c.liaison, "problem") == {c.ids["replied"]}
    assert held(c.liaison, "rectification_report") == held(c.liaison, "attachment") == set()
    tax = hq.device("unit", name="tax-liaison", unit="Tax Office")
    tax.sync()  # and the Tax Office's liaison now receives the window and its problem
    assert held(tax, "unit") == {c.ids["tax"], c.ids["window"]}
    assert held(tax, "problem") == {c.ids["secret"], c.ids["other_unit"]}
    with c.boss.write("hq") as w:  # moved back: the first liaison receives them again
        w.update(Unit, c.ids["window"], {"parent_id": c.ids["unit"]})
    c.boss.sync()
    c.liaison.sync()
    assert held(c.liaison, "problem") == {c.ids["secret"], c.ids["replied"]}
    assert len(held(c.liaison, "rectification_report")) == 1


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "A unit liaison's device names its unit (--unit)"),
    ("zh_CN", "单位联络员设备须指明其所属单位（--unit）")])
def test_enrolling_a_unit_device_without_its_unit_is_refused_in_the_operators_language(
        tmp_path, capsys, lang, expected):
    from desktop import messages
    from desktop.cli import main

    try:
        code = main(["--data-dir", str(tmp_path / "hq"), "--lang", lang, "hq", "enroll-device",
                     "--role", "unit", "--name", "liaison"])
    finally:
        messages.set_language(messages.ENGLISH)
    err = capsys.readouterr().err
    assert code != 0 and expected in err and "Traceback" not in err

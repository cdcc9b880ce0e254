"""A unit's liaison device (issue 14 §2) reads its own units' assigned problems and writes only
its receipts, extension requests and reports on them: every other read or write is refused at HQ,
whatever a doctored client sends. On SQLite and PostgreSQL."""

import json
import struct
from datetime import date

import sqlalchemy as sa

from models.records import Attachment, Finding, Opinion, Problem, Visit
from models.rectification import ExtensionRequest, ProblemReceipt, RectificationReport
from models.store.outbox import append_to_outbox
from models.store.writes import Change
from sync.server import tables as T
from tests.sync import conftest as sync_conftest
from tests.sync.unit_county import county, held, report, store_texts

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def _jpeg(*segments: bytes) -> bytes:
    """A JPEG's bytes: its segments, a quantisation table and a scan."""
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + bytes(65)
    return b"\xff\xd8" + b"".join(segments) + dqt + b"\xff\xda\x00\x02rota\xff\xd9"


EXIF = b"Exif\x00\x00MM\x00*GPSLatitude 31.2304N GPSLongitude 121.4737E Make Canon"
WITH_GPS = _jpeg(b"\xff\xe1" + struct.pack(">H", len(EXIF) + 2) + EXIF)
CLEAN = _jpeg()


def _codes(dev) -> list[str]:
    with dev.store.read() as conn:
        return conn.exec_driver_sql("SELECT code FROM sync_issue ORDER BY created_at").scalars().all()


def test_a_unit_device_cannot_change_or_delete_a_problem(hq):
    c = county(hq)
    pid = c.ids["secret"]
    with c.liaison.write("liaison") as w:  # a doctored client: straight to its store
        w.update(Problem, pid, {"status": "verified", "description": "all fine",
                                "deadline": date(2027, 1, 1)})
        append_to_outbox(w, [Change("problem", c.ids["replied"], "delete", {}, 0)])
    result = c.liaison.sync()
    assert result.forbidden == 2 and _codes(c.liaison) == ["role", "role"]
    at_hq = hq.rows("problem")
    assert at_hq[pid]["status"] == "rectifying" and at_hq[pid]["deadline"] == date(2026, 5, 1)
    assert c.ids["replied"] in at_hq  # not deleted


def test_a_unit_device_cannot_report_on_another_units_or_an_unassigned_problem(hq):
    c = county(hq)
    with c.liaison.write("liaison") as w:
        w.create(RectificationReport, report(c.ids["other_unit"]))
        w.create(ProblemReceipt, {"problem_id": c.ids["unassigned"],
                                  "signed_on": date(2026, 4, 2)})
        w.create(ExtensionRequest, {"problem_id": c.ids["other_unit"], "reason": "later",
                                    "requested_deadline": date(2026, 9, 1),
                                    "requested_on": date(2026, 4, 3)})
    result = c.liaison.sync()
    assert result.forbidden == 3 and set(_codes(c.liaison)) == {"not_in_scope"}
    for table in ("rectification_report", "problem_receipt", "extension_request"):
        assert hq.rows(table) == {}, table


def test_a_unit_device_cannot_decide_its_own_extension_request(hq):
    c = county(hq)
    with c.liaison.write("liaison") as w:
        w.create(ExtensionRequest, {
            "problem_id": c.ids["replied"], "reason": "Counter rebuilt in May",
            "requested_deadline": date(2026, 6, 1), "requested_on": date(2026, 4, 3),
            "decision": "approved", "decided_on": date(2026, 4, 3), "decided_by": "me"})
    assert c.liaison.sync().forbidden == 1
    assert _codes(c.liaison) == ["extension_decision_hq_only"]
    assert hq.rows("extension_request") == {}
    assert hq.rows("problem")[c.ids["replied"]]["deadline"] == date(2026, 5, 1)


def test_a_unit_device_cannot_accept_its_own_report(hq):
    c = county(hq)
    with c.liaison.write("liaison") as w:
        w.create(RectificationReport, report(c.ids["secret"], review="accepted",
                                             review_reason="looks done"))
    assert c.liaison.sync().forbidden == 1
    assert _codes(c.liaison) == ["report_review_hq_only"]
    assert hq.rows("rectification_report") == {}
    assert hq.rows("problem")[c.ids["secret"]]["status"] == "rectifying"


def test_a_unit_device_holds_no_trace_of_a_secret_visit_a_finding_or_a_contact(hq):
    """Its whole store, every table and column, after it synced, signed and reported."""
    c = county(hq)
    with c.liaison.write("liaison") as w:
        w.create(ProblemReceipt, {"problem_id": c.ids["secret"], "signed_on": date(2026, 4, 2)})
        w.create(RectificationReport, report(c.ids["secret"]))
    assert c.liaison.sync().forbidden == 0
    c.liaison.sync()
    texts = store_texts(c.liaison)
    found = [(table, column, secret) for table, column, text in texts
             for secret in c.secrets
             if secret in text or json.dumps(secret)[1:-1] in text]
    assert found == []
    assert any(column == "description" and "请整改" in text for _, column, text in texts)


def test_a_unit_device_may_neither_create_nor_read_visits_findings_or_opinions(hq):
    c = county(hq)
    with c.liaison.write("liaison") as w:
        w.create(Visit, {"kind": "open", "unit_id": c.ids["unit"], "status": "done"})
        w.create(Finding, {"unit_id": c.ids["unit"], "description": "planted"})
        w.create(Opinion, {"text": "planted", "unit_id": c.ids["unit"]})
        w.create(Problem, {"description": "planted", "unit_id": c.ids["unit"],
                           "reported_on": date(2026, 4, 1), "assigned_on": date(2026, 4, 1)})
        append_to_outbox(w, [Change("finding", c.ids["finding"], "update",
                                    {"description": "rewritten"}, 0)])
    result = c.liaison.sync()
    assert result.forbidden == 5 and set(_codes(c.liaison)) == {"role"}
    assert len(hq.rows("visit")) == len(hq.rows("finding")) == len(hq.rows("opinion")) == 1
    assert len(hq.rows("problem")) == 4
    c.liaison.sync()  # and it still receives none of HQ's
    for table, key in (("visit", "visit"), ("finding", "finding"), ("opinion", "opinion"),
                       ("team", "team")):
        assert c.ids[key] not in held(c.liaison, table), table


def test_a_unit_device_cannot_send_a_photo_carrying_location_or_camera_data(hq):
    """HQ refuses the photo's bytes; the device holds that attachment back (a sync issue, in
    the liaison's language) and the rest of its sync goes on: the report and a clean photo
    reach HQ, the refused bytes never do."""
    from desktop import messages
    from desktop.data.sync_issues import refusal_sentence

    c = county(hq)
    with c.liaison.write("liaison") as w:
        rep_id = w.create(RectificationReport, report(c.ids["secret"]))
    c.liaison.sync()
    clean = c.liaison.store.blobs.put(CLEAN)
    refused = {}
    for photo, code in ((WITH_GPS, "photo_metadata"), (b"%PDF-1.4 GPS", "photo_format")):
        sha = c.liaison.store.blobs.put(photo)
        with c.liaison.write("liaison") as w:
            refused[code] = w.create(Attachment, {
                "sha256": sha, "size": len(photo), "media_type": "image/jpeg",
                "owner_table": "rectification_report", "owner_id": rep_id})
            if code == "photo_metadata":  # and a record of another kind in the same push
                w.create(ProblemReceipt, {"problem_id": c.ids["secret"],
                                          "signed_on": date(2026, 4, 2)})
            kept = w.create(Attachment, {
                "sha256": clean, "size": len(CLEAN), "media_type": "image/jpeg",
                "owner_table": "rectification_report", "owner_id": rep_id})
        result = c.liaison.sync()  # no error: the round went through
        assert result.held_back == 1
        assert kept in hq.rows("attachment") and refused[code] not in hq.rows("attachment")
    assert len(hq.rows("problem_receipt")) == 1 and hq.count(T.blob) == 1
    with c.liaison.store.read() as conn:
        issues = conn.exec_driver_sql(
            "SELECT code, row_id, table_name FROM sync_issue WHERE resolved_at IS NULL "
            "ORDER BY created_at").all()
    assert [tuple(i) for i in issues] == [
        ("photo_metadata", refused["photo_metadata"], "attachment"),
        ("photo_format", refused["photo_format"], "attachment")]
    try:
        messages.set_language(messages.CHINESE)
        said = refusal_sentence({"code": "photo_metadata", "details": "{}"})
    finally:
        messages.set_language(messages.ENGLISH)
    assert "照片" in said and "位置" in said


def test_a_unit_device_attaches_files_to_its_reports_only(hq):
    c = county(hq)
    sha = c.liaison.store.blobs.put(CLEAN)
    with c.liaison.write("liaison") as w:
        receipt = w.create(ProblemReceipt, {"problem_id": c.ids["secret"],
                                            "signed_on": date(2026, 4, 2)})
        for owner, owner_id in (("problem", c.ids["secret"]), ("problem_receipt", receipt)):
            w.create(Attachment, {"sha256": sha, "size": len(CLEAN), "owner_table": owner,
                                  "owner_id": owner_id})
    result = c.liaison.sync()
    assert result.forbidden == 2 and _codes(c.liaison) == ["attachment_owner"] * 2
    assert hq.rows("attachment") == {}


def test_a_problem_that_becomes_confidential_after_assignment_leaves_no_old_text_on_the_unit(hq):
    """The unit received a problem's description; HQ then links it to a secret visit's
    finding. After the next sync the unit's store holds the description nowhere (not in the
    row, not in its history): the row carries the assignment text HQ writes, else nothing."""
    from models.records import Problem as ProblemRow
    from models.rectification import ProblemSourceLink

    c = county(hq)
    old = "Fees charged twice at the counter"
    assert any(old in text for _, _, text in store_texts(c.liaison))  # received, not secret
    with c.boss.write("hq") as w:
        w.create(ProblemSourceLink, {"problem_id": c.ids["replied"], "kind": "finding",
                                     "source_id": c.ids["finding"]})
    c.boss.sync()
    c.liaison.sync()
    assert [(t, col) for t, col, text in store_texts(c.liaison) if old in text] == []
    with c.liaison.store.read() as conn:
        row = conn.execute(sa.select(ProblemRow.__table__).where(
            ProblemRow.__table__.c.id == c.ids["replied"])).mappings().one()
    assert row["confidential_source"] and row["description"] == ""
    assert row["source_category"] == "absent_from_post"  # what the liaison's window shows
    with c.boss.write("hq") as w:  # HQ writes what the unit is told
        w.update(ProblemRow, c.ids["replied"], {"assignment_text": "收费请按公示标准执行"})
    c.boss.sync()
    c.liaison.sync()
    with c.liaison.store.read() as conn:
        assert conn.exec_driver_sql("SELECT description FROM problem WHERE id = ?",
                                    (c.ids["replied"],)).scalar() == "收费请按公示标准执行"
    assert [(t, col) for t, col, text in store_texts(c.liaison) if old in text] == []

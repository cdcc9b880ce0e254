"""A unit's liaison signs for its problems, asks for extensions and reports back (issue 14 §2):
each refusal a liaison would meet, the records HQ receives (outboxed, attributed, audited), and
the report's photos kept without their location."""

import hashlib
import io
from datetime import date, timedelta

import pytest
from PIL import Image

from models import services, unit_reports
from models.errors import AppError, DomainError, NotFoundError, ValidationError
from models.records import Problem
from models.rectification import ExtensionRequest, RectificationReport
from models.timeutil import local_today
from tests.models.helpers import load_units

TODAY = local_today()


@pytest.fixture(autouse=True)
def _today():
    """Today as the test runs, not as the module was collected: a suite that runs across
    midnight otherwise compared yesterday's date with the one the app wrote."""
    global TODAY
    TODAY = local_today()


@pytest.fixture
def unit_store(store, tmp_path):
    """A unit device enrolled for 白泥镇, holding a problem of its 卫生院 (a sub-unit) and, as a
    stray row, one of 县社保中心 (another unit's)."""
    load_units(store, tmp_path)
    with store.read() as conn:
        units = dict(conn.exec_driver_sql("SELECT name, id FROM unit").fetchall())
    with store.write("hq") as w:  # as HQ's rows arrive by a pull
        ours = services.create_record(w, Problem, {
            "description": "挂号窗口推诿", "unit_id": units["卫生院"], "status": "open",
            "reported_on": TODAY - timedelta(days=20), "deadline": TODAY + timedelta(days=10),
            "assigned_on": TODAY - timedelta(days=15)})
        theirs = services.create_record(w, Problem, {
            "description": "办事要跑多次", "unit_id": units["县社保中心"],
            "reported_on": TODAY - timedelta(days=20), "deadline": TODAY + timedelta(days=10)})
    store.set_meta("device_role", "unit")
    store.set_meta("unit_id", units["白泥镇"])
    return {"store": store, "ours": ours, "theirs": theirs}


def _codes(fn) -> set[str]:
    with pytest.raises(ValidationError) as caught:
        fn()
    return {p.code for p in caught.value.problems}


def _rows(store, sql: str) -> list[tuple]:
    with store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql).fetchall()]


def _gps_jpeg(path):
    """A real JPEG carrying GPS and camera EXIF, as a phone writes it."""
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"  # Make
    exif[0x8825] = {1: "N", 2: (27.0, 13.0, 0.0), 3: "E", 4: (107.0, 53.0, 0.0)}  # GPS
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 30)).save(out, "JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


def test_a_liaison_signs_for_a_problem_once(unit_store):
    store, problem = unit_store["store"], unit_store["ours"]
    with store.write("李联络") as w:
        unit_reports.sign_for(w, problem)
    assert _rows(store, "SELECT signed_on, signed_by FROM problem_receipt") == [
        (TODAY.isoformat(), "李联络")]
    with store.write("李联络") as w:
        assert _codes(lambda: unit_reports.sign_for(w, problem)) == {"already_signed"}
    # The receipt is outboxed and audited; the problem is untouched.
    assert ("problem_receipt", "insert") in _rows(store, "SELECT table_name, op FROM outbox")
    assert _rows(store, "SELECT event, table_name FROM audit_log "
                        "WHERE table_name='problem_receipt'") != []
    assert _rows(store, f"SELECT status FROM problem WHERE id='{problem}'") == [("open",)]


def test_an_extension_needs_a_reason_a_later_date_and_no_pending_request(unit_store):
    store, problem = unit_store["store"], unit_store["ours"]
    current = TODAY + timedelta(days=10)
    with store.write("李联络") as w:
        assert _codes(lambda: unit_reports.request_extension(
            w, problem, current + timedelta(days=20), "  ")) == {"extension_needs_reason"}
        assert _codes(lambda: unit_reports.request_extension(
            w, problem, current, "资金未到位")) == {"extension_not_later"}
        unit_reports.request_extension(w, problem, current + timedelta(days=20), "资金未到位")
    with store.write("李联络") as w:
        assert _codes(lambda: unit_reports.request_extension(
            w, problem, current + timedelta(days=30), "再延")) == {"extension_pending"}
    assert _rows(store, "SELECT current_deadline, requested_deadline, reason, decision, "
                        "requested_by FROM extension_request") == [
        (current.isoformat(), (current + timedelta(days=20)).isoformat(), "资金未到位",
         "pending", "李联络")]
    # Once HQ answered (its decision arrives by a pull), a new request may follow.
    with store.write("hq") as w:
        w.update(ExtensionRequest, _rows(store, "SELECT id FROM extension_request")[0][0],
                 {"decision": "refused", "decision_reason": "理由不充分"})
    with store.write("李联络") as w:
        unit_reports.request_extension(w, problem, current + timedelta(days=15), "设备未到")


def test_a_report_needs_what_was_done_and_a_completion_date_not_in_the_future(unit_store):
    store, problem = unit_store["store"], unit_store["ours"]
    blobs = store.blobs
    with store.write("李联络") as w:
        assert _codes(lambda: unit_reports.submit_report(
            w, blobs, problem, " ", completed_on=TODAY + timedelta(days=1))) == {
            "report_needs_what_done", "completed_in_future"}
        unit_reports.submit_report(w, blobs, problem, "已约谈窗口负责人", progress="整改过半")
    assert _rows(store, "SELECT what_done, progress, completed_on, review, reported_by "
                        "FROM rectification_report") == [
        ("已约谈窗口负责人", "整改过半", None, "pending", "李联络")]


def test_no_new_report_while_a_completed_one_awaits_acceptance(unit_store):
    store, problem = unit_store["store"], unit_store["ours"]
    with store.write("李联络") as w:
        report = unit_reports.submit_report(w, store.blobs, problem, "已整改完毕",
                                            completed_on=TODAY)
    with store.write("李联络") as w:
        assert _codes(lambda: unit_reports.submit_report(
            w, store.blobs, problem, "补充材料")) == {"report_awaiting_acceptance"}
    with store.write("hq") as w:  # HQ returned it (退回): the liaison may report again
        w.update(RectificationReport, report, {"review": "returned",
                                               "review_reason": "缺少整改照片"})
    with store.write("李联络") as w:
        unit_reports.submit_report(w, store.blobs, problem, "补充了照片", completed_on=TODAY)
    assert len(_rows(store, "SELECT id FROM rectification_report")) == 2


def test_report_photos_are_kept_without_location_or_camera_data(unit_store, tmp_path):
    store, problem = unit_store["store"], unit_store["ours"]
    photo = _gps_jpeg(tmp_path / "现场.jpg")
    assert b"GPS" in photo.read_bytes() or b"\x88\x25" in photo.read_bytes()
    assert b"CanaryCam" in photo.read_bytes()
    with store.write("李联络") as w:
        report = unit_reports.submit_report(w, store.blobs, problem, "已整改", photos=[photo])
    [(sha, size, owner, name)] = _rows(
        store, "SELECT sha256, size, owner_table, original_name FROM attachment "
               f"WHERE owner_id='{report}'")
    kept = store.blobs.get(sha)
    assert b"CanaryCam" not in kept and b"Exif" not in kept
    assert sha == hashlib.sha256(kept).hexdigest() and size == len(kept)
    assert sha != hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (owner, name) == ("rectification_report", "现场.jpg")
    assert Image.open(io.BytesIO(kept)).size == (32, 24)  # the picture is intact
    assert ("attachment", "insert") in _rows(store, "SELECT table_name, op FROM outbox")


def test_a_photo_that_cannot_be_cleaned_refuses_the_report(unit_store, tmp_path):
    store, problem = unit_store["store"], unit_store["ours"]
    gif = tmp_path / "scan.gif"
    gif.write_bytes(b"GIF89a" + bytes(40))
    with store.write("李联络") as w:
        assert _codes(lambda: unit_reports.submit_report(
            w, store.blobs, problem, "已整改", photos=[gif])) == {"report_photo_not_cleanable"}
    assert _rows(store, "SELECT id FROM rectification_report") == []


def test_only_a_unit_device_writes_for_its_own_units(unit_store):
    store = unit_store["store"]
    with store.write("李联络") as w, pytest.raises(NotFoundError) as caught:
        unit_reports.sign_for(w, unit_store["theirs"])
    assert caught.value.code == "problem_not_for_unit"
    store.set_meta("device_role", "office")
    with store.write("clerk") as w, pytest.raises(DomainError) as refused:
        unit_reports.request_extension(w, unit_store["ours"], date(2099, 1, 1), "理由")
    assert refused.value.code == "unit_device_only"
    assert _rows(store, "SELECT id FROM extension_request") == []


def test_nothing_more_is_sent_for_a_verified_problem(unit_store):
    store, problem = unit_store["store"], unit_store["ours"]
    with store.write("hq") as w:
        w.update(Problem, problem, {"status": "verified", "measures": "已整改"})
    with store.write("李联络") as w, pytest.raises(AppError) as caught:
        unit_reports.submit_report(w, store.blobs, problem, "再次报告")
    assert caught.value.code == "problem_verified_closed"

"""Batches of paper forms: keying, reconciliation, correction, double-entry verification."""

from datetime import date

import pytest

from models import batches
from models.enums import Level, ProfileRole, RespondentGroup
from models.errors import DomainError, DuplicateFormNumberError, ValidationError
from models.reference import Campaign, Unit


@pytest.fixture
def ref(store):
    with store.write("admin") as w:
        campaign = w.create(Campaign, {"name": "2026 万民评议", "year": 2026})
        unit = w.create(Unit, {"name": "县社保中心", "kind": "department"})
    return {"campaign": campaign, "unit": unit}


def _batch(store, ref, cover=3, profile="clerk1"):
    with store.write(profile) as w:
        return batches.open_batch(w, {
            "campaign_id": ref["campaign"], "group": RespondentGroup.CITIZEN,
            "unit_id": ref["unit"], "evaluated_on": date(2026, 5, 4), "cover_count": cover})


def _key(store, batch_id, form_no, level="satisfied", profile="clerk1", **extra):
    with store.write(profile) as w:
        return batches.add_form(w, batch_id, {"form_no": form_no, "level": level, **extra})


def test_next_form_number_keeps_prefix_and_padding():
    assert batches.next_form_number("0099") == "0100"
    assert batches.next_form_number("A-009") == "A-010"
    assert batches.next_form_number("12号") == "13号"
    assert batches.next_form_number(None) == "1"


def test_forms_keyed_reconcile_against_the_cover(store, ref):
    batch = _batch(store, ref, cover=3)
    _key(store, batch, "0001")
    _key(store, batch, "0002", "dissatisfied", reason="态度差")
    with store.write("clerk1") as w:
        result = batches.close_batch(w, batch)
    assert (result.cover_count, result.entered, result.gap) == (3, 2, 1)
    with pytest.raises(DomainError):
        _key(store, batch, "0003")


def test_duplicate_and_missing_reason_are_refused(store, ref):
    batch = _batch(store, ref)
    _key(store, batch, "0001")
    with pytest.raises(DuplicateFormNumberError, match="0001 was already entered on .* by clerk1"):
        _key(store, batch, "0001", profile="clerk2")
    with pytest.raises(ValidationError, match="reason"):
        _key(store, batch, "0002", "dissatisfied")
    with store.read() as conn:
        assert len(batches.batch_forms(conn, batch)) == 1


def test_correct_a_form_of_the_batch(store, ref):
    batch = _batch(store, ref)
    form = _key(store, batch, "0001")
    with store.write("clerk1") as w:
        batches.correct_form(w, batch, form, {"level": Level.FAIRLY_SATISFIED})
    with store.read() as conn:
        assert batches.batch_forms(conn, batch)[0]["level"] == "fairly_satisfied"


def test_double_entry_mismatch_is_settled_by_a_supervisor(store, ref):
    batch = _batch(store, ref, cover=3)
    _key(store, batch, "0001")
    second = _key(store, batch, "0002", discipline="satisfied")
    _key(store, batch, "0003")
    with store.write("clerk1") as w:
        batches.close_batch(w, batch)
    with pytest.raises(DomainError, match="another clerk"), store.write("clerk1") as w:
        batches.add_verification(w, batch, {"form_no": "0001", "level": "satisfied"})
    with store.write("clerk2") as w:
        batches.add_verification(w, batch, {"form_no": "0001", "level": "satisfied"})
        batches.add_verification(w, batch, {"form_no": "0002", "level": "fairly_satisfied",
                                            "discipline": "satisfied"})
        found = batches.finish_verification(w, batch)
    assert [(d.form_no, d.kind) for d in found] == [("0002", "mismatch"), ("0003", "only_first")]
    assert found[0].fields == {"level": ("satisfied", "fairly_satisfied")}
    with pytest.raises(DomainError), store.write("clerk2") as w:
        batches.settle(w, batch, found[0].keying_id, "second", actor_role=ProfileRole.CLERK)
    with store.write("boss") as w:
        batches.settle(w, batch, found[0].keying_id, "second", actor_role=ProfileRole.SUPERVISOR)
    with store.read() as conn:
        assert batches.get_batch(conn, batch)["verified_at"] is None
    with store.write("boss") as w:
        batches.settle(w, batch, found[1].keying_id, "first", actor_role=ProfileRole.SUPERVISOR)
    with store.read() as conn:
        row = batches.get_batch(conn, batch)
        forms = {f["id"]: f for f in batches.batch_forms(conn, batch)}
        # the second keying is a verification, not more forms
        assert len(forms) == 3
    assert forms[second]["level"] == "fairly_satisfied"
    assert row["verified_by"] == "clerk2" and row["verified_at"] is not None


def test_sample_chosen_by_supervisor(store, ref):
    batch = _batch(store, ref, cover=5)
    for n in range(1, 6):
        _key(store, batch, f"{n:04d}")
    with store.write("clerk1") as w:
        batches.close_batch(w, batch)
    with store.write("boss") as w:
        chosen = batches.choose_sample(w, batch, 2, actor_role=ProfileRole.SUPERVISOR, seed=3)
    with store.read() as conn:
        assert batches.forms_to_verify(conn, batch) == chosen and len(chosen) == 2
    with store.write("clerk2") as w:
        for form_no in chosen:
            batches.add_verification(w, batch, {"form_no": form_no, "level": "satisfied"})
        assert batches.finish_verification(w, batch) == []
    with store.read() as conn:
        assert batches.get_batch(conn, batch)["verified_by"] == "clerk2"


def test_kiosk_rating_and_open_campaign(store, ref):
    with store.read() as conn:
        campaign = batches.find_campaign(conn)
        unit = batches.find_unit(conn, "县社保中心")
    with store.write("kiosk") as w:
        batches.record_kiosk_rating(w, campaign_id=campaign["id"], unit_id=unit["id"],
                                    group=batches.group_for_unit(unit["kind"]),
                                    level="dissatisfied", reason="等候太久")
    with store.read() as conn:
        row = conn.exec_driver_sql("SELECT source, form_no, reason FROM evaluation").one()
    assert tuple(row) == ("kiosk", None, "等候太久")


def test_no_open_campaign_says_so(store):
    with store.read() as conn, pytest.raises(Exception, match="No campaign is open"):
        batches.find_campaign(conn)


def _opinions(store):
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT text, deleted_at IS NOT NULL FROM opinion ORDER BY created_at").fetchall()


def test_a_corrected_suggestion_updates_the_opinion_made_from_it(store, ref):
    batch = _batch(store, ref)
    form = _key(store, batch, "0001", suggestion="窗口太少")
    plain = _key(store, batch, "0002")
    with store.write("clerk1") as w:
        batches.correct_form(w, batch, form, {"suggestion": "增加窗口"})
        batches.correct_form(w, batch, plain, {"suggestion": "延长办公时间"})
    assert _opinions(store) == [("增加窗口", 0), ("延长办公时间", 0)]
    with store.write("clerk1") as w:  # a suggestion keyed by mistake is taken back
        batches.correct_form(w, batch, plain, {"suggestion": ""})
    assert _opinions(store) == [("增加窗口", 0), ("延长办公时间", 1)]


def test_the_verification_sample_is_the_same_for_the_same_batch(store, ref):
    batch = _batch(store, ref, cover=20)
    for n in range(1, 21):
        _key(store, batch, f"{n:04d}")
    with store.write("clerk1") as w:
        batches.close_batch(w, batch)
    draws = []
    for _ in range(2):
        with store.write("boss") as w:
            draws.append(batches.choose_sample(w, batch, 5, actor_role=ProfileRole.SUPERVISOR))
    assert draws[0] == draws[1] and len(draws[0]) == 5


def test_double_entry_compares_the_suggestion_and_the_reason_as_keyed(store, ref):
    batch = _batch(store, ref, cover=4)
    _key(store, batch, "0001", suggestion="窗口太少")
    _key(store, batch, "0002", "dissatisfied", reason="态度差")
    _key(store, batch, "0003", suggestion="延长 办公时间，周末开放")
    _key(store, batch, "0004", suggestion="增加窗口")
    with store.write("clerk1") as w:
        batches.close_batch(w, batch)
    with store.write("clerk2") as w:
        batches.add_verification(w, batch, {"form_no": "0001", "level": "satisfied",
                                            "suggestion": "窗口太多"})
        batches.add_verification(w, batch, {"form_no": "0002", "level": "dissatisfied",
                                            "reason": "态度好"})
        # spacing and full/half-width forms are how it was typed, not what the form says
        batches.add_verification(w, batch, {"form_no": "0003", "level": "satisfied",
                                            "suggestion": "延长办公时间, 周末开放"})
        batches.add_verification(w, batch, {"form_no": "0004", "level": "satisfied"})
        found = batches.finish_verification(w, batch)
    assert {d.form_no: d.fields for d in found} == {
        "0001": {"suggestion": ("窗口太少", "窗口太多")},
        "0002": {"reason": ("态度差", "态度好")},
        "0004": {"suggestion": ("增加窗口", "")},
    }
    with store.write("boss") as w:
        batches.settle(w, batch, found[0].keying_id, "second", actor_role=ProfileRole.SUPERVISOR)
    with store.read() as conn:
        form = next(f for f in batches.batch_forms(conn, batch) if f["form_no"] == "0001")
    assert form["suggestion"] == "窗口太多"
    assert ("窗口太多", 0) in _opinions(store)

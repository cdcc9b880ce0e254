"""The clerks' own figures (issue 15 §4): forms keyed, keying time, forms per hour, and the
keying error rate that double entry finds, per clerk and per batch."""

from datetime import UTC, date, datetime, timedelta

import pytest

from models import batches, clerk_stats
from models.enums import ProfileRole, RespondentGroup
from models.profiles import create_profile
from models.reference import Campaign, Unit

FULL = {"level": "satisfied", "discipline": "satisfied", "law": "satisfied",
        "service": "satisfied", "integrity": "satisfied", "efficiency": "satisfied",
        "suggestion": "多设窗口"}


class Clock:
    """The store's clock, moved by the test (every row's created_at comes from it)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr("models.store.writes.utcnow", c)
    return c


@pytest.fixture
def ref(store):
    for name, role in (("clerkA", ProfileRole.CLERK), ("clerkB", ProfileRole.CLERK),
                       ("boss", ProfileRole.SUPERVISOR)):
        create_profile(store, name, role)
    with store.write("admin") as w:
        campaign = w.create(Campaign, {"name": "2026 万民评议", "year": 2026})
        unit = w.create(Unit, {"name": "县社保中心", "kind": "department"})
    return {"campaign": campaign, "unit": unit}


def _batch(store, ref, cover):
    with store.write("clerkA") as w:
        return batches.open_batch(w, {
            "campaign_id": ref["campaign"], "group": RespondentGroup.CITIZEN,
            "unit_id": ref["unit"], "evaluated_on": date(2026, 5, 4), "cover_count": cover})


def _key_all(store, batch, values_of, profile, clock=None, pause_after=None):
    """Key forms 0001… with `values_of(i)`; as the entry (clerkA) or the second keying."""
    with store.write(profile) as w:
        for i in range(len(values_of)):
            if clock:
                clock.wait(minutes=6) if i == pause_after else clock.wait(seconds=30)
            values = {"form_no": f"{i + 1:04d}", **values_of[i]}
            if profile == "clerkA":
                batches.add_form(w, batch, values)
            else:
                batches.add_verification(w, batch, values)
        if profile == "clerkA":
            batches.close_batch(w, batch)


def _mine(report, clerk):
    return next(f for f in report.batches if f.clerk == clerk)


def test_the_error_rate_counts_each_field_against_the_value_the_supervisor_settled(store, ref):
    batch = _batch(store, ref, cover=20)
    _key_all(store, batch, [FULL] * 20, "clerkA")
    second = [dict(FULL) for _ in range(20)]
    # clerk A keyed three fields wrong (forms 3 and 7), clerk B one (form 12)
    second[2].update(level="fairly_satisfied", law="fairly_satisfied")
    second[6]["suggestion"] = "多设两个窗口"
    second[11]["efficiency"] = "fairly_satisfied"
    _key_all(store, batch, second, "clerkB")
    with store.write("clerkB") as w:
        found = {d.form_no: d for d in batches.finish_verification(w, batch)}
    assert sorted(found) == ["0003", "0007", "0012"]
    with store.read() as conn:
        pending = clerk_stats.clerk_report(conn, "boss")
    assert {(f.clerk, f.errors, f.pending) for f in pending.batches} == {
        ("clerkA", 0, 4), ("clerkB", 0, 4)}
    with store.write("boss") as w:
        for form_no, resolution in (("0003", "second"), ("0007", "second"), ("0012", "first")):
            batches.settle(w, batch, found[form_no].keying_id, resolution,
                           actor_role=ProfileRole.SUPERVISOR)
    with store.read() as conn:
        report = clerk_stats.clerk_report(conn, "boss")
    a, b = _mine(report, "clerkA"), _mine(report, "clerkB")
    assert (a.keying, a.forms, a.fields_compared, a.errors) == ("entry", 20, 160, 3)
    assert (b.keying, b.forms, b.fields_compared, b.errors) == ("verification", 20, 160, 1)
    assert a.error_rate == pytest.approx(3 / 160) and b.error_rate == pytest.approx(1 / 160)
    assert a.pending == b.pending == 0
    assert [(t.clerk, t.errors) for t in report.clerks] == [("clerkA", 3), ("clerkB", 1)]


def test_keying_time_leaves_out_a_six_minute_pause(store, ref, clock):
    batch = _batch(store, ref, cover=4)
    # 30 s to each form from the opening, but 6 minutes (a pause) before the third
    _key_all(store, batch, [FULL] * 4, "clerkA", clock, pause_after=2)
    clock.wait(minutes=10)
    _key_all(store, batch, [FULL] * 4, "clerkB", clock)
    with store.read() as conn:
        report = clerk_stats.clerk_report(conn, "boss")
    a, b = _mine(report, "clerkA"), _mine(report, "clerkB")
    assert (a.forms, a.seconds) == (4, 90)
    assert a.forms_per_hour == pytest.approx(160)
    # the second keying's clock starts at its first form
    assert (b.forms, b.seconds, b.forms_per_hour) == (4, 90, pytest.approx(160))


def test_a_clerk_sees_only_their_own_figures_and_a_supervisor_everyones(store, ref):
    batch = _batch(store, ref, cover=2)
    _key_all(store, batch, [FULL] * 2, "clerkA")
    _key_all(store, batch, [FULL] * 2, "clerkB")
    with store.read() as conn:
        own = clerk_stats.clerk_report(conn, "clerkB", ProfileRole.CLERK)
        # a clerk claiming to supervise is still shown only their own
        claimed = clerk_stats.clerk_report(conn, "clerkA", ProfileRole.SUPERVISOR)
        everyone = clerk_stats.clerk_report(conn, "boss", ProfileRole.SUPERVISOR)
    assert {f.clerk for f in own.batches} == {"clerkB"}
    assert [t.clerk for t in own.clerks] == ["clerkB"]
    assert {f.clerk for f in claimed.batches} == {"clerkA"}
    assert {f.clerk for f in everyone.batches} == {"clerkA", "clerkB"}


def test_a_form_keyed_before_the_entry_was_kept_still_counts_the_first_clerks_error(
        store, ref):
    batch = _batch(store, ref, cover=2)
    _key_all(store, batch, [FULL] * 2, "clerkA")
    with store.write("admin") as w:  # as a store written before pass-1 rows kept the values
        w.conn.exec_driver_sql(
            "UPDATE batch_keying SET level = NULL, discipline = NULL, law = NULL, "
            "service = NULL, integrity = NULL, efficiency = NULL WHERE pass_no = 1")
    _key_all(store, batch, [FULL, {**FULL, "level": "fairly_satisfied"}], "clerkB")
    with store.write("clerkB") as w:
        (diff,) = batches.finish_verification(w, batch)
    with store.write("boss") as w:
        batches.settle(w, batch, diff.keying_id, "second", actor_role=ProfileRole.SUPERVISOR)
    with store.read() as conn:
        report = clerk_stats.clerk_report(conn, "boss")
    assert (_mine(report, "clerkA").errors, _mine(report, "clerkA").fields_compared) == (1, 16)

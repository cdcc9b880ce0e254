"""One record HQ cannot take never jams the queue: it waits on the device as a sync issue saying
what to do, the rest pushes, the pull runs, and once shortened it reaches HQ exactly once."""

import pytest
import sqlalchemy as sa

from desktop.cli.sync_commands import held_back_line
from models import services
from models.errors import ValidationError
from models.imports import run_import
from models.records import Evaluation
from models.reference import Unit
from models.store import writes
from sync.client.held_back import held_back_issues
from sync.server import tables as T
from tests.models.helpers import FORM_HEADER, write_csv
from tests.sync.helpers import form, seed_reference

ELEVEN_MB = "长" * (11 * 2**20 // 3 + 1)  # 11 MB of UTF-8


def _as_an_older_version(monkeypatch):
    """Writes that skip the text limits, as an app from before them did."""
    monkeypatch.setattr(writes, "_check_lengths", lambda params, sized: None)
    monkeypatch.setattr(writes.rules, "length_problems", lambda model, values: [])


def _open_issues(dev) -> list[dict]:
    with dev.store.read() as conn:
        return [dict(r) for r in conn.exec_driver_sql(
            "SELECT code, table_name, row_id, resolved_at FROM sync_issue").mappings()
            if r["resolved_at"] is None]


def _outcomes(hq, dev) -> list[tuple]:
    with hq.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(T.outcome.c.seq, T.outcome.c.code).where(
                T.outcome.c.device_id == dev.store.meta("hq_device_id")))]


def test_oversized_record_does_not_jam_the_queue(hq, tmp_path, monkeypatch):
    office, boss = hq.device("office"), hq.device("hq")
    ids = seed_reference(office)
    office.sync()
    # Today an 11 MB text is refused where it is typed or imported, with a clear error.
    with pytest.raises(ValidationError) as refused, office.write() as w:
        services.create_record(w, Evaluation, form(ids, "BIG", suggestion=ELEVEN_MB))
    assert refused.value.problems[0].code == "too_long"
    assert refused.value.problems[0].field == "suggestion"
    sheet = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        ["F1", "2026 drive", "citizen", "Window 1", "satisfied", "", ELEVEN_MB, "2026-03-01"]])
    with pytest.raises(ValidationError) as refused:
        run_import(office.store, "evaluations", sheet, profile="clerk")
    assert [(p.row, p.field, p.code) for p in refused.value.problems] == [
        (2, "suggestion", "too_long")]
    # An older version left two such entries in the queue, between good ones.
    with boss.write() as w:
        w.create(Unit, {"name": "Pulled meanwhile", "kind": "department"})
    boss.sync()
    with office.write() as w:
        before = w.create(Evaluation, form(ids, "A1"))
        edited = w.create(Evaluation, form(ids, "A2"))
    office.sync()
    with monkeypatch.context() as older, office.write() as w:
        _as_an_older_version(older)
        big = w.create(Evaluation, form(ids, "B1", suggestion=ELEVEN_MB))
        w.update(Evaluation, edited, {"reason": ELEVEN_MB, "level": "dissatisfied"})
        after = w.create(Evaluation, form(ids, "C1"))
    report = office.sync()  # before: HQ answered 413 to every push, and no pull ran
    at_hq = hq.rows("evaluation")
    assert before in at_hq and after in at_hq and big not in at_hq
    assert at_hq[edited]["level"] == "satisfied"  # the edit waits whole on the device
    assert "Pulled meanwhile" in {u["name"] for u in office.rows("unit").values()}
    assert report.held_back == 2
    assert sorted((i["code"], i["row_id"]) for i in _open_issues(office)) == sorted(
        [("too_large", big), ("too_large", edited)])
    lines = [held_back_line(r) for r in held_back_issues(office.store)]
    assert all("Shorten its longest text" in line for line in lines) and len(lines) == 2
    assert [c for _, c in _outcomes(hq, office)].count("too_large") == 2
    with office.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
    # A person shortens both; each reaches HQ once, whole, and the issues are settled.
    with office.write() as w:
        services.update_record(w, Evaluation, big, {"suggestion": "shortened"})
        services.update_record(w, Evaluation, edited, {"reason": "queue too long"})
    office.sync()
    at_hq = hq.rows("evaluation")
    assert at_hq[big]["suggestion"] == "shortened" and at_hq[big]["form_no"] == "B1"
    assert at_hq[edited]["reason"] == "queue too long"
    assert at_hq[edited]["level"] == "dissatisfied"  # the held edit's other field came too
    assert _open_issues(office) == []
    assert len(at_hq) == 4 and len(office.rows("evaluation")) == 4


def test_an_entry_hq_refuses_as_too_large_is_held_back_alone(hq, monkeypatch):
    """HQ's cap may be lower than this device thinks: a 413 is narrowed to the entry at fault."""
    office = hq.device("office")
    ids = seed_reference(office)
    with office.write() as w:
        made = [w.create(Evaluation, form(ids, f"N{i}")) for i in range(6)]
        heavy = w.create(Evaluation, form(ids, "H1", suggestion="重" * 2000))
        made += [w.create(Evaluation, form(ids, f"M{i}")) for i in range(6)]
    monkeypatch.setattr("sync.server.routes.MAX_BODY_BYTES", 5000)
    office.sync()
    at_hq = hq.rows("evaluation")
    assert all(m in at_hq for m in made) and heavy not in at_hq
    assert [(i["code"], i["row_id"]) for i in _open_issues(office)] == [("too_large", heavy)]


def test_an_entry_hq_refuses_by_its_schema_is_held_back_alone(hq):
    office = hq.device("office")
    ids = seed_reference(office)
    with office.write() as w:
        first = w.create(Evaluation, form(ids, "S1"))
        broken = w.create(Evaluation, form(ids, "S2"))
        last = w.create(Evaluation, form(ids, "S3"))
    with office.store.engine.begin() as conn:  # a damaged entry: a profile HQ's schema refuses
        conn.exec_driver_sql("UPDATE outbox SET profile = ? WHERE row_id = ?", ("x" * 81, broken))
    office.sync()
    at_hq = hq.rows("evaluation")
    assert first in at_hq and last in at_hq and broken not in at_hq
    assert [(i["code"], i["row_id"]) for i in _open_issues(office)] == [("held_back", broken)]


def test_a_text_hq_refuses_as_too_long_reaches_hq_once_shortened(hq, monkeypatch):
    """Under the push cap but over the field's limit (an older version saved it): HQ refuses
    the entry; the record waits on the device and goes whole with the change that fixes it."""
    office = hq.device("office")
    ids = seed_reference(office)
    with monkeypatch.context() as older, office.write() as w:
        _as_an_older_version(older)
        long_one = w.create(Evaluation, form(ids, "T1", suggestion="议" * 3000))
    office.sync()
    assert long_one not in hq.rows("evaluation")
    assert [(i["code"], i["row_id"]) for i in _open_issues(office)] == [("too_long", long_one)]
    with office.write() as w:
        services.update_record(w, Evaluation, long_one, {"suggestion": "议" * 300})
    office.sync()
    assert hq.rows("evaluation")[long_one]["suggestion"] == "议" * 300
    assert _open_issues(office) == []

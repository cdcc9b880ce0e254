"""Secret visits stay secret (issue 11 §2, part 1): a representative writes only visits it can
read, a visit's team and representatives change only at HQ, and neither a refusal nor a
conflict answer carries a value the device may not read. On SQLite and PostgreSQL."""

from dataclasses import dataclass

import httpx
import pytest
import sqlalchemy as sa

from desktop.data.attachments import attach_files
from models.records import Evaluation, Finding, PersonnelCriticism, Visit
from models.store.outbox import append_to_outbox
from models.store.writes import Change
from sync.server import tables as T
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import Device, form, seed_reference

# The sync tests' HQ on SQLite and on PostgreSQL (database_url is parametrised).
database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase

PLACE = "CANARY-place-7f3a"  # what the secret visit holds at HQ
SUMMARY = "CANARY-summary-91c2"
FINDING = "CANARY-finding-5d0e"
PERSON = "CANARY-person-b44f"
PHOTO = b"\xff\xd8\xff\xe0CANARY-photo-bytes-0c9d"  # a JPEG by its first bytes
LATER = "CANARY-later-e21b"  # what HQ writes afterwards (the value a conflict would carry)


@dataclass
class SecretVisit:
    boss: Device
    li: Device  # assigned to the visit
    zhao: Device  # same team, not assigned
    wang: Device  # another team
    visit: str
    finding: str
    ids: dict

    def rep_id(self, dev: Device) -> str:
        return dev.store.meta("representative_id")


def _secret_visit(hq, tmp_path) -> SecretVisit:
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    li = hq.device("representative", representative="Li Wei", team="Team 1")
    zhao = hq.device("representative", representative="Zhao Min", team="Team 1")
    wang = hq.device("representative", representative="Wang Fang", team="Team 2")
    for d in (li, zhao, wang):
        d.sync()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(PHOTO)
    with boss.write() as w:
        vid = w.create(Visit, {"kind": "secret", "team_id": li.store.meta("team_id"),
                               "status": "planned", "unit_id": ids["window"], "place": PLACE,
                               "summary": SUMMARY,
                               "representative_ids": [li.store.meta("representative_id")]})
        fid = w.create(Finding, {"visit_id": vid, "description": FINDING})
        cid = w.create(PersonnelCriticism, {"person_name": PERSON, "unit_id": ids["window"],
                                            "finding_id": fid})
        attach_files(w, boss.store.blobs, "personnel_criticism", cid, [str(photo)])
    boss.sync()
    for d in (li, zhao, wang):
        d.sync()
    return SecretVisit(boss, li, zhao, wang, vid, fid, ids)


def _forge(dev: Device, table: str, row_id: str, fields: dict, op: str = "update") -> None:
    """An outbox entry for a row the device does not hold, as a doctored client sends it."""
    with dev.write("mallory") as w:
        append_to_outbox(w, [Change(table, row_id, op, fields, 0)])


def _record_bodies(dev: Device) -> list[bytes]:
    """Every response body HQ sends this device from now on."""
    bodies: list[bytes] = []
    inner = dev.transport.inner

    class Recording(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            response = await inner.handle_async_request(request)
            body = await response.aread()
            bodies.append(body)
            return httpx.Response(response.status_code, headers=response.headers, content=body)

    dev.transport.inner = Recording()
    return bodies


def _issue_codes(dev: Device) -> dict[str, str]:
    with dev.store.read() as conn:
        return dict(conn.exec_driver_sql(
            "SELECT row_id, code FROM sync_issue WHERE kind = 'forbidden'").all())


def _holds_anything_of_the_visit(dev: Device) -> bool:
    return any(dev.rows(t, live_only=False) for t in
               ("visit", "finding", "personnel_criticism", "attachment"))


def test_unassigned_representative_cannot_add_itself_to_a_secret_visit(hq, tmp_path):
    s = _secret_visit(hq, tmp_path)
    li_id, zhao_id = s.rep_id(s.li), s.rep_id(s.zhao)
    assert not _holds_anything_of_the_visit(s.zhao)
    # Zhao knows the id and adds itself; Li (assigned) tries to add Zhao too.
    _forge(s.zhao, "visit", s.visit, {"representative_ids": [li_id, zhao_id]})
    with s.li.write() as w:
        w.update(Visit, s.visit, {"representative_ids": [li_id, zhao_id]})
    assert s.zhao.sync().forbidden == 1
    assert s.li.sync().forbidden == 1
    assert _issue_codes(s.zhao) == {s.visit: "not_in_scope"}
    assert _issue_codes(s.li) == {s.visit: "visit_assignment_hq_only"}
    assert hq.rows("visit")[s.visit]["representative_ids"] == [li_id]
    s.zhao.sync()
    assert not _holds_anything_of_the_visit(s.zhao)


def test_representative_creates_visits_only_for_its_own_team_and_members(hq, tmp_path):
    s = _secret_visit(hq, tmp_path)
    team, other_team = s.li.store.meta("team_id"), s.wang.store.meta("team_id")
    li_id, zhao_id, wang_id = s.rep_id(s.li), s.rep_id(s.zhao), s.rep_id(s.wang)
    with s.li.write() as w:
        elsewhere = w.create(Visit, {"kind": "open", "team_id": other_team, "status": "done"})
        outsider = w.create(Visit, {"kind": "secret", "team_id": team, "status": "planned",
                                    "representative_ids": [li_id, wang_id]})
        own = w.create(Visit, {"kind": "secret", "team_id": team, "status": "planned",
                               "representative_ids": [li_id, zhao_id]})
    report = s.li.sync()
    assert report.forbidden == 2
    assert _issue_codes(s.li) == {elsewhere: "other_team",
                                  outsider: "representative_outside_team"}
    assert own in hq.rows("visit") and {elsewhere, outsider}.isdisjoint(hq.rows("visit"))
    s.zhao.sync(), s.wang.sync()
    assert own in s.zhao.rows("visit")
    assert s.wang.rows("visit") == {}


def test_update_to_an_unreadable_visit_leaves_no_conflict_and_reveals_nothing(hq, tmp_path):
    s = _secret_visit(hq, tmp_path)
    with s.boss.write() as w:  # HQ changes the place, and deletes a second secret visit
        w.update(Visit, s.visit, {"place": LATER})
        gone = w.create(Visit, {"kind": "secret", "team_id": s.li.store.meta("team_id"),
                                "status": "planned", "place": PLACE,
                                "representative_ids": [s.rep_id(s.li)]})
    s.boss.sync()
    with s.boss.write() as w:
        w.delete(Visit, gone)
    s.boss.sync()
    conflicts = hq.count(T.conflict)
    bodies = _record_bodies(s.zhao)
    _forge(s.zhao, "visit", s.visit, {"place": "a guess"})  # based on nothing: HQ changed it
    _forge(s.zhao, "visit", gone, {"summary": "a guess"})
    report = s.zhao.sync()
    assert report.forbidden == 2 and report.conflicts == 0
    assert hq.count(T.conflict) == conflicts
    assert hq.rows("visit")[s.visit]["place"] == LATER
    everything = b"".join(bodies)
    for canary in (PLACE, SUMMARY, LATER, FINDING, PERSON):
        assert canary.encode() not in everything
    assert b'"deleted"' not in everything  # not even that HQ deleted the second one


def test_conflict_answer_carries_no_value_of_a_finding_the_device_may_not_read(hq, tmp_path):
    s = _secret_visit(hq, tmp_path)
    with s.boss.write() as w:
        w.update(Finding, s.finding, {"description": LATER})
    s.boss.sync()
    conflicts = hq.count(T.conflict)
    bodies = _record_bodies(s.zhao)
    _forge(s.zhao, "finding", s.finding, {"description": "a guess"})
    report = s.zhao.sync()
    assert report.forbidden == 1 and report.conflicts == 0
    assert hq.count(T.conflict) == conflicts
    everything = b"".join(bodies)
    for canary in (LATER, FINDING, PLACE, SUMMARY, PERSON):
        assert canary.encode() not in everything


def test_kiosk_duplicate_number_answer_names_no_form_it_may_not_read(hq):
    boss = hq.device("hq")
    ids = seed_reference(boss)
    with boss.write() as w:
        held = w.create(Evaluation, form(ids, "K-7"))
    boss.sync()
    kiosk = hq.device("kiosk", unit="County Hall/Window 1")
    kiosk.sync()
    bodies = _record_bodies(kiosk)
    with kiosk.write() as w:
        mine = w.create(Evaluation, form(ids, "K-7", source="kiosk"))
    assert kiosk.sync().conflicts == 1
    assert held.encode() not in b"".join(bodies)
    with hq.db.engine.connect() as conn:  # HQ still keeps both sides for the office to settle
        kept = conn.execute(sa.select(T.conflict.c.kept).where(
            T.conflict.c.row_id == mine)).scalar()
    assert held in kept


def test_representative_store_refuses_to_reassign_a_visit(store):
    from models import services
    from models.errors import DomainError

    store.set_meta("device_role", "representative")
    with store.write("li") as w:
        vid = services.create_record(w, Visit, {"kind": "secret", "status": "planned",
                                                "unit_id": "u1", "team_id": "t1",
                                                "representative_ids": ["a", "b"]})
    for change in ({"representative_ids": ["a", "b", "me"]}, {"team_id": "t2"}):
        with pytest.raises(DomainError) as refused, store.write("li") as w:
            services.update_record(w, Visit, vid, change)
        assert refused.value.code == "visit_assignment_hq_only"
    with store.write("li") as w:  # the order of the names is no reassignment; the rest is theirs
        services.update_record(w, Visit, vid, {"representative_ids": ["b", "a"],
                                               "summary": "staff absent"})
    store.set_meta("device_role", "hq")
    with store.write("hq") as w:
        services.update_record(w, Visit, vid, {"representative_ids": ["a", "b", "c"]})

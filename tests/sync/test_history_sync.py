"""Earlier versions of a criticism follow it by sync: a wording changed on a representative's
laptop shows at HQ with the earlier wording kept, attributed to who changed it."""

from models.records import PersonnelCriticism
from models.security.audit_verify import verify_chain
from models.security.history import record_history
from tests.sync.helpers import seed_reference


def history(device, row_id):
    with device.store.read() as conn:
        return record_history(conn, "personnel_criticism", row_id)


def test_a_criticism_rewritten_on_a_laptop_keeps_its_earlier_wording_at_hq(hq):
    rep = hq.device("representative", representative="Li Wei", team="Team 1")
    office = hq.device("hq", name="hq-desk")
    ids = seed_reference(office)
    office.sync()
    rep.sync()
    with rep.write("李伟") as w:
        crit = w.create(PersonnelCriticism, {"person_name": "Staff A", "unit_id": ids["window"],
                                             "behaviour": "late three times"})
    rep.sync()
    office.sync()
    with rep.write("李伟") as w:
        w.update(PersonnelCriticism, crit, {"behaviour": "late once"})
    rep.sync()
    office.sync()
    office.sync()  # nothing new: no extra version

    versions = history(office, crit)
    assert [v.op for v in versions] == ["insert", "update"]
    assert [v.profile for v in versions] == ["李伟", "李伟"]
    assert versions[1].changed["behaviour"] == ("late three times", "late once")
    with office.store.read() as conn:
        assert verify_chain(conn).ok

    # The laptop's own edits come back from HQ with their server version: no doubles there.
    rep.sync()
    assert [v.op for v in history(rep, crit)] == ["insert", "update"]

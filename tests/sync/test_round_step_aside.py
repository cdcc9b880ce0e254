"""Stepping aside (回避) through sync (issue 16 §1): after HQ replaces a drawn visit's
representative from the round's reserve, the stand-in's device receives the visit, the device
of the one who stepped aside no longer holds it, and nobody else receives it. On SQLite and
PostgreSQL."""

from models.round_replace import replace_representative
from tests.sync import conftest as sync_conftest
from tests.sync.test_random_rounds import _assigned, _drawn

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def test_a_representative_device_receives_the_visit_only_once_newly_assigned(hq):
    boss, reps, _office, doc = _drawn(hq, units=1)
    [leaving] = [r for r in reps if _assigned(doc, r)]
    [visit_id] = leaving.rows("visit")
    with boss.write("hq") as w:
        out = replace_representative(w, doc["meta"]["round"], visit_id,
                                     leaving.store.meta("representative_id"))
    boss.sync()
    for dev in reps:
        dev.sync()
    [stand_in] = [r for r in reps if r.store.meta("representative_id") == out["replacement"]]
    assert set(stand_in.rows("visit")) == {visit_id}
    assert leaving.rows("visit") == {}
    for other in reps:
        if other not in (stand_in, leaving):
            assert other.rows("visit") == {}

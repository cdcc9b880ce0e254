"""The embargo on a drawn round (双随机, issue 16 §1): a drawn visit reaches only HQ and its
assigned representatives, before and after it is done; the round record (pools, secret, seed)
never leaves HQ; no other device may write either. SQLite and PostgreSQL."""

from datetime import date

import pytest

from models.errors import DomainError
from models.records import Visit
from models.round_pools import RoundRequest
from models.round_table import DrawRound
from models.rounds import commit_round
from models.store.outbox import append_to_outbox
from models.store.writes import Change
from tests.sync import conftest as sync_conftest
from tests.sync.test_random_rounds import NAMES, _assigned, _drawn

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def test_an_unassigned_representative_cannot_change_a_drawn_visit_knowing_its_id(hq):
    boss, reps, office, doc = _drawn(hq)
    outsider = next(r for r in reps if not _assigned(doc, r))
    visit_id = next(iter(hq.rows("visit")))
    with outsider.write("mallory") as w:  # a doctored client, straight to its outbox
        append_to_outbox(w, [Change("visit", visit_id, "update", {"status": "done"}, 0)])
    assert outsider.sync().forbidden == 1
    assert hq.rows("visit")[visit_id]["status"] == "planned"
    assert outsider.rows("visit") == {}


def test_a_done_drawn_visit_stays_hidden_from_the_assigned_representatives_team(hq):
    boss, reps, office, doc = _drawn(hq, units=1, names=(*NAMES, "Sun Li"))
    drawn = next(i for i, r in enumerate(reps) if _assigned(doc, r))
    mate = reps[drawn ^ 1]  # two of Team 1, two of Team 2: the other one of the same team
    visit_id = next(iter(reps[drawn].rows("visit")))
    with reps[drawn].write("li") as w:
        w.update(Visit, visit_id, {"status": "done"})
    reps[drawn].sync()
    mate.sync()
    assert hq.rows("visit")[visit_id]["status"] == "done"
    assert mate.rows("visit") == {}


def test_the_round_record_never_reaches_a_representative_or_an_office(hq):
    boss, reps, office, doc = _drawn(hq)
    for dev in (*reps, office):
        dev.sync()
        assert dev.rows("draw_round") == {}
    assert doc["secret"] not in str(office.rows("visit")) + str(reps[0].rows("visit"))


def test_an_office_device_cannot_push_a_round(hq):
    boss, reps, office, doc = _drawn(hq)
    with office.write("clerk") as w:  # a doctored client, straight to its store
        w.create(DrawRound, {"campaign_id": "x", "date_from": date(2026, 3, 2),
                             "date_to": date(2026, 3, 3)})
    assert office.sync().forbidden == 1
    assert len(hq.rows("draw_round")) == 1


def test_an_office_store_refuses_to_draw_a_round(store):
    store.set_meta("device_role", "office")
    req = RoundRequest(campaign="c", units=1, date_from=date(2026, 3, 2),
                       date_to=date(2026, 3, 3))
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        commit_round(w, req, date(2026, 3, 1))
    assert refused.value.code == "round_hq_only"

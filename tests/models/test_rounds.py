"""A random round at HQ (issue 16 §1): commit, draw with the public value, export, publish —
the visits it makes, the constraints against the store's representatives, the audit trail."""

import json
from datetime import date

import pytest

from models.draw.round_file import to_bytes, verify
from models.errors import DomainError
from models.records import Visit
from models.reference import Campaign, Representative
from models.round_pools import RoundRequest
from models.rounds import commit_round, draw_committed, draw_with_seed, export_full, publish
from models.succession import find_unit
from tests.models.helpers import load_units

CAMPAIGN = "2026年明察暗访"
TODAY = date(2026, 3, 1)
LOTTERY = "2026-03-01 福彩3D 4 7 1"


def request(**kw) -> RoundRequest:
    return RoundRequest(**{"campaign": CAMPAIGN, "units": 3, "date_from": date(2026, 3, 2),
                           "date_to": date(2026, 3, 6), "team_size": 2, "max_per_rep": 2,
                           **kw})


@pytest.fixture
def county(store, tmp_path):
    """Units, a campaign and four representatives: two live in 白泥镇, one works at 县社保中心."""
    load_units(store, tmp_path)
    with store.read() as conn:
        u = {n: find_unit(conn, n) for n in ("白泥镇", "龙溪镇", "县社保中心")}
    with store.write("hq") as w:
        w.create(Campaign, {"name": CAMPAIGN, "year": 2026})
        people = {name: w.create(Representative, {"name": name, "kind": kind, **refs})
                  for name, kind, refs in [
                      ("张三", "deputy", {"township_unit_id": u["白泥镇"]}),
                      ("李四", "cppcc", {"township_unit_id": u["白泥镇"]}),
                      ("王五", "citizen", {"work_unit_id": u["县社保中心"]}),
                      ("赵六", "conduct_supervisor", {"township_unit_id": u["龙溪镇"]}),
                      ("钱七", "citizen", {})]}
    return store, u, people


def visits_of(store, round_id):
    with store.read() as conn:
        t = Visit.__table__
        return [dict(r) for r in conn.execute(t.select().where(t.c.round_id == round_id))
                .mappings()]


def test_a_committed_round_draws_secret_visits_without_a_team_and_verifies(county):
    store, units, people = county
    with store.write("hq") as w:
        committed = commit_round(w, request(), TODAY)
    with store.write("hq") as w:
        doc = draw_committed(w, committed["round"], LOTTERY)
    assert doc["commitment"] == committed["commitment"] and doc["verifiable"]
    assert verify(json.loads(to_bytes(doc))) == {"kind": "full", "verifiable": True}
    visits = visits_of(store, committed["round"])
    assert len(visits) == 3
    assert all(v["kind"] == "secret" and v["team_id"] is None and v["status"] == "planned"
               for v in visits)
    township_of = {u["id"]: u for u in doc["inputs"]["units"]}
    for v in visits:  # nobody in their own township or unit of work
        for pid in v["representative_ids"]:
            person = next(p for p in doc["inputs"]["representatives"] if p["id"] == pid)
            assert v["unit_id"] not in person["conflicts"]
            assert township_of[v["unit_id"]]["township"] not in person["conflicts"]


def test_the_commitment_is_in_the_audit_chain_before_the_draw(county):
    store, *_ = county
    with store.write("hq") as w:
        committed = commit_round(w, request(), TODAY)
    with store.write("hq") as w:
        draw_committed(w, committed["round"], LOTTERY)
    with store.read() as conn:
        events = conn.exec_driver_sql(
            "SELECT event, details FROM audit_log WHERE event LIKE 'round_%' ORDER BY seq").all()
    assert [e for e, _ in events] == ["round_committed", "round_drawn"]
    assert committed["commitment"] in events[0][1] and committed["inputs_hash"] in events[0][1]


def test_a_new_commitment_discards_the_waiting_one_and_counts_the_attempt(county):
    store, *_ = county
    with store.write("hq") as w:
        first = commit_round(w, request(), TODAY)
    with store.write("hq") as w:
        second = commit_round(w, request(), TODAY)
    with store.write("hq") as w:
        with pytest.raises(DomainError) as refused:
            draw_committed(w, first["round"], LOTTERY)
        assert refused.value.code == "round_not_committed"
    with store.write("hq") as w:
        doc = draw_committed(w, second["round"], LOTTERY)
    assert doc["attempts"] == 2
    with store.read() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM audit_log WHERE event = 'round_discarded'").scalar() == 1


def test_publish_waits_for_the_last_date_and_names_no_representative(county):
    store, _, people = county
    with store.write("hq") as w:
        doc = draw_with_seed(w, request(), TODAY, "5a" * 32)
    assert doc["verifiable"] is False
    round_id = doc["meta"]["round"]
    with store.write("hq") as w, pytest.raises(DomainError) as early:
        publish(w, round_id, date(2026, 3, 6))
    assert early.value.code == "round_not_over"
    with store.write("hq") as w:
        public = publish(w, round_id, date(2026, 3, 7))
        export_full(w, round_id)
    text = to_bytes(public).decode("utf-8")
    assert verify(public)["kind"] == "public"
    assert [r["outcome"] for r in public["results"]] == ["planned"] * 3
    assert not any(pid in text or name in text for name, pid in people.items())
    assert set(public["meta"]["unit_names"]) >= {r["unit"] for r in public["results"]}
    with store.read() as conn:
        events = conn.exec_driver_sql("SELECT event FROM audit_log WHERE event LIKE 'round_%'"
                                      " ORDER BY seq").scalars().all()
    assert events[-2:] == ["round_published", "round_exported"]

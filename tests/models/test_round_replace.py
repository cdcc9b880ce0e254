"""Stepping aside (回避, issue 16 §1): a representative leaves a drawn visit and the round's
reserve gives the stand-in — never someone who lives or works in the unit's township or unit —
recorded in the round file (which still verifies) and in the audit chain."""

import json

import pytest

from models.draw.round_file import to_bytes, verify
from models.errors import DomainError
from models.round_replace import replace_representative
from models.rounds import draw_with_seed, export_full
from tests.models.test_rounds import TODAY, county, request, visits_of  # noqa: F401

SEED = "5a" * 32


@pytest.fixture
def drawn(county):  # noqa: F811
    """One visit in 白泥镇, a team of two: 张三 and 李四 live in 白泥镇 and may never go."""
    store, units, people = county
    with store.write("hq") as w:
        doc = draw_with_seed(w, request(units=1, township="白泥镇", max_per_rep=1), TODAY, SEED)
    return store, people, doc


def test_a_representative_steps_aside_and_the_next_eligible_of_the_reserve_goes(drawn):
    store, people, doc = drawn
    round_id, visit = doc["meta"]["round"], visits_of(store, doc["meta"]["round"])[0]
    leaving = visit["representative_ids"][0]
    with store.write("hq") as w:
        out = replace_representative(w, round_id, visit["id"], leaving)
    outsiders = {people["王五"], people["赵六"], people["钱七"]}  # nobody from 白泥镇
    stayed = visit["representative_ids"][1]
    assert out["replacement"] == (outsiders - {leaving, stayed}).pop()
    after = visits_of(store, round_id)[0]["representative_ids"]
    assert after == [out["replacement"], stayed]
    with store.write("hq") as w, pytest.raises(DomainError) as none_left:
        replace_representative(w, round_id, visit["id"], stayed)
    assert none_left.value.code == "round_replace_none_eligible"  # 张三, 李四 live there


def test_a_replacement_is_audited_and_the_full_round_file_still_verifies(drawn):
    store, _people, doc = drawn
    round_id, visit = doc["meta"]["round"], visits_of(store, doc["meta"]["round"])[0]
    with store.write("hq") as w:
        out = replace_representative(w, round_id, visit["id"], visit["representative_ids"][0])
    with store.write("hq") as w:
        full = export_full(w, round_id)
    assert full["replacements"] == [{"visit": 0, "leaving": out["leaving"],
                                     "replacement": out["replacement"]}]
    assert verify(json.loads(to_bytes(full)))["kind"] == "full"
    with store.read() as conn:
        details = conn.exec_driver_sql("SELECT details FROM audit_log WHERE event = "
                                       "'round_replacement'").scalar()
    assert out["replacement"] in details and out["leaving"] in details


def test_verify_refuses_a_stand_in_the_rule_did_not_choose(drawn):
    store, people, doc = drawn
    round_id, visit = doc["meta"]["round"], visits_of(store, doc["meta"]["round"])[0]
    with store.write("hq") as w:
        replace_representative(w, round_id, visit["id"], visit["representative_ids"][0])
    with store.write("hq") as w:
        full = json.loads(to_bytes(export_full(w, round_id)))
    full["replacements"][0]["replacement"] = people["张三"]  # lives in 白泥镇
    with pytest.raises(DomainError) as refused:
        verify(full)
    assert refused.value.params == {"what": "replacements[0]"}


def test_only_someone_on_the_team_steps_aside(drawn):
    store, people, doc = drawn
    round_id, visit = doc["meta"]["round"], visits_of(store, doc["meta"]["round"])[0]
    with store.write("hq") as w, pytest.raises(DomainError) as refused:
        replace_representative(w, round_id, visit["id"], people["张三"])
    assert refused.value.code == "round_replace_not_on_visit"


def test_the_public_file_names_who_went_and_a_published_round_keeps_its_teams(drawn):
    from datetime import date

    from models.draw.round_file import pseudonym
    from models.rounds import _row, publish

    store, _people, doc = drawn
    round_id, visit = doc["meta"]["round"], visits_of(store, doc["meta"]["round"])[0]
    with store.write("hq") as w:
        out = replace_representative(w, round_id, visit["id"], visit["representative_ids"][0])
    with store.write("hq") as w:
        public = publish(w, round_id, date(2026, 3, 7))
        key = _row(w.conn, round_id)["pseudonym_key"]
    inspectors = public["draw"]["visits"][0]["inspectors"]
    assert pseudonym(key, out["replacement"]) in inspectors
    assert pseudonym(key, out["leaving"]) not in inspectors
    with store.write("hq") as w, pytest.raises(DomainError) as refused:
        replace_representative(w, round_id, visit["id"], out["replacement"])
    assert refused.value.code == "round_replace_published"

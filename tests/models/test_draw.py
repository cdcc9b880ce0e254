"""The draw of a random inspection round (双随机, issue 16 §1, docs/rounds.md): the documented
test vector, the constraints over random pools, byte-identical files and a verification that
notices any change."""

import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.draw import canonical
from models.draw.algorithm import draw, replacement
from models.draw.round_file import full_round, public_round, seed_material, to_bytes, verify
from models.draw.stream import Stream
from models.errors import DomainError

DOC = Path(__file__).resolve().parents[2] / "docs" / "rounds.md"


def documented_vector() -> dict:
    section = DOC.read_text(encoding="utf-8").split("## 8. Test vector", 1)[1]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))


def committed(inputs: dict, secret: str = "11" * 32, public_value: str = "lottery 123") -> dict:
    material = seed_material(canonical.inputs_hash(inputs), secret=secret,
                             public_value=public_value, seed=None)
    return full_round(inputs, material)


def test_the_documented_vector_gives_the_documented_draw():
    vector = documented_vector()
    want = vector["expected"]
    doc = committed(vector["inputs"], vector["secret"], vector["public_value"])
    assert canonical.units_hash(vector["inputs"]) == want["units_hash"]
    assert canonical.people_hash(vector["inputs"]) == want["people_hash"]
    assert {k: doc[k] for k in ("inputs_hash", "commitment", "seed", "draw")} == {
        k: want[k] for k in ("inputs_hash", "commitment", "seed", "draw")}
    assert verify(doc) == {"kind": "full", "verifiable": True}


def test_the_documented_stream_values():
    assert Stream("00" * 32).take(8).hex() == "f375180aba928884"
    s = Stream("00" * 32)
    assert [s.uniform(n) for n in (10, 10, 10, 1000, 3)] == [3, 5, 8, 698, 2]
    assert Stream("00" * 32).shuffle(list("abcdef")) == list("befcad")


def test_a_stepping_aside_representative_is_replaced_from_the_reserve_without_a_new_draw():
    vector = documented_vector()
    doc = committed(vector["inputs"], vector["secret"], vector["public_value"])
    # r-4 (the reserve) works at u-c: never sent there, so u-c's stand-in is nobody …
    assert replacement(vector["inputs"], doc["draw"], 2, "r-1") is None
    # … but r-4 may stand in at u-b.
    assert replacement(vector["inputs"], doc["draw"], 0, "r-3") == "r-4"


def test_the_public_file_checks_the_unit_draw_and_names_no_representative():
    vector = documented_vector()
    doc = committed(vector["inputs"], vector["secret"], vector["public_value"])
    public = public_round(doc, "ab" * 32)
    text = to_bytes(public).decode("utf-8")
    assert verify(public) == {"kind": "public", "verifiable": True}
    assert not re.search(r'"r-\d"', text)
    public["draw"]["units"][0], public["draw"]["units"][1] = (public["draw"]["units"][1],
                                                              public["draw"]["units"][0])
    with pytest.raises(DomainError) as refused:
        verify(public)
    assert refused.value.params == {"what": "units"}


# --- property-based: random pools -------------------------------------------------------------

KINDS = ("deputy", "cppcc", "conduct_supervisor", "citizen")


@st.composite
def pools(draw_):
    townships = [f"t-{i}" for i in range(draw_(st.integers(1, 4)))]
    units = [{"id": f"u-{i:02d}", "township": draw_(st.sampled_from([*townships, None])),
              "weight": draw_(st.sampled_from([100, 100, 100, 150, 300]))}
             for i in range(draw_(st.integers(1, 14)))]
    places = townships + [u["id"] for u in units]
    people = [{"id": f"r-{i:02d}", "kind": draw_(st.sampled_from(KINDS)),
               "conflicts": draw_(st.lists(st.sampled_from(places), max_size=3))}
              for i in range(draw_(st.integers(1, 16)))]
    constraints = {"units": draw_(st.integers(1, len(units))), "date_from": "2026-04-01",
                   "date_to": draw_(st.sampled_from(["2026-04-01", "2026-04-10", "2026-05-31"])),
                   "visit_kind": "secret", "team_size": draw_(st.integers(1, 3)),
                   "max_per_rep": draw_(st.integers(1, 3))}
    return {"units": units, "representatives": people, "constraints": constraints}


def drawn(inputs: dict, seed: str) -> dict | None:
    try:
        return draw(seed, inputs)
    except DomainError as refused:  # an infeasible pool is refused, reproducibly
        assert refused.code == "draw_team_short"
        return None


SEEDS = st.binary(min_size=32, max_size=32).map(bytes.hex)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(pools(), SEEDS)
def test_every_draw_keeps_the_constraints(inputs, seed):
    result = drawn(inputs, seed)
    if result is None:
        return
    c = inputs["constraints"]
    units = {u["id"]: u for u in inputs["units"]}
    people = {p["id"]: p for p in inputs["representatives"]}
    assert len(result["units"]) == len(set(result["units"])) == c["units"]
    load: dict[str, list[str]] = {}
    for visit in result["visits"]:
        unit, team = units[visit["unit"]], visit["representatives"]
        assert len(team) == len(set(team)) == c["team_size"]
        assert c["date_from"] <= visit["date"] <= c["date_to"]
        for pid in team:
            assert unit["id"] not in people[pid]["conflicts"]
            assert unit["township"] not in people[pid]["conflicts"]
            load.setdefault(pid, []).append(visit["date"])
    assert all(len(days) <= c["max_per_rep"] and len(set(days)) == len(days)
               for days in load.values())
    assert sorted(result["reserve"]) == sorted(set(people) - set(load))


@PROPERTY
@given(st.integers(1, 6), st.integers(2, 3), SEEDS)
def test_teams_mix_representative_kinds_when_the_pool_allows(count, team_size, seed):
    kinds = KINDS[:team_size]
    people = [{"id": f"r-{k}-{i}", "kind": k, "conflicts": []}
              for k in kinds for i in range(count * team_size)]
    inputs = {"units": [{"id": f"u-{i}", "township": None, "weight": 100} for i in range(count)],
              "representatives": people,
              "constraints": {"units": count, "date_from": "2026-04-01", "date_to": "2026-04-02",
                              "visit_kind": "secret", "team_size": team_size, "max_per_rep": 2}}
    kind_of = {p["id"]: p["kind"] for p in people}
    for visit in draw(seed, inputs)["visits"]:
        assert sorted(kind_of[pid] for pid in visit["representatives"]) == sorted(kinds)


@PROPERTY
@given(pools(), SEEDS)
def test_identical_inputs_give_byte_identical_round_files(inputs, secret):
    shuffled = copy.deepcopy(inputs)
    shuffled["units"].reverse()
    shuffled["representatives"].reverse()
    try:
        one, two = committed(inputs, secret), committed(shuffled, secret)
    except DomainError:
        return
    assert to_bytes(one) == to_bytes(two)


def _changes(doc: dict) -> list:
    """Ways to alter a round file after the fact: a pool, a constraint, the seed material."""
    def weight(d): d["inputs"]["units"][0]["weight"] += 1
    def drop_person(d): d["inputs"]["representatives"].pop()
    def conflict(d): d["inputs"]["representatives"][0]["conflicts"].append("t-x")
    def more_units(d): d["inputs"]["constraints"]["units"] += 1
    def team(d): d["inputs"]["constraints"]["max_per_rep"] += 1
    def public(d): d["public_value"] += "0"
    def secret(d): d["secret"] = "22" * 32
    def seed(d): d["seed"] = "33" * 32
    return [weight, drop_person, conflict, more_units, team, public, secret, seed]


@PROPERTY
@given(pools(), SEEDS, st.integers(0, 7))
def test_any_change_of_pool_constraint_or_seed_fails_verify(inputs, secret, which):
    try:
        doc = committed(inputs, secret)
    except DomainError:
        return
    _changes(doc)[which](doc)
    with pytest.raises(DomainError) as refused:
        verify(doc)
    assert refused.value.code == "round_verify_differs"


@PROPERTY
@given(pools(), SEEDS, SEEDS)
def test_another_seed_with_a_rehashed_file_still_only_verifies_its_own_draw(inputs, one, two):
    """Even re-hashing after a change (a not-verifiable --seed round) cannot keep a draw that the
    new inputs or seed do not give."""
    first, second = drawn(inputs, one), drawn(inputs, two)
    if first is None or second is None or first == second:
        return
    material = seed_material(canonical.inputs_hash(inputs), secret=None, public_value=None,
                             seed=two)
    doc = full_round(inputs, material)
    doc["draw"] = first
    with pytest.raises(DomainError):
        verify(doc)

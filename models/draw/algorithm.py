"""The draw itself (docs/rounds.md §4): which units, on which dates, by whom, and who stands in
reserve. Everything comes from one `Stream` in a fixed order — first the units (so the public
round file, which has no people, still lets anyone check the unit draw), then the order of the
representatives — and ties are broken by that order, never by a dict's or a set's.
"""

from datetime import date, timedelta

from models.draw.canonical import normalised
from models.draw.stream import Stream
from models.errors import DomainError


def draw_units(stream: Stream, units: list[dict], count: int) -> list[str]:
    """`count` unit ids without replacement, each pick weighted by the unit's integer weight:
    r = uniform(sum of the remaining weights); the pick is the first unit (by id) whose running
    total of weights exceeds r. A unit of weight 200 is twice as likely as one of 100."""
    pool = sorted(units, key=lambda u: u["id"])
    if count > len(pool):
        raise DomainError(code="draw_pool_too_small", params={"units": count, "pool": len(pool)})
    picked = []
    for _ in range(count):
        r, running = stream.uniform(sum(u["weight"] for u in pool)), 0
        for index, unit in enumerate(pool):
            running += unit["weight"]
            if r < running:
                picked.append(pool.pop(index)["id"])
                break
    return picked


def visit_dates(date_from: str, date_to: str, count: int) -> list[str]:
    """Visit i (0-based, in draw order) of n falls on day floor(i × D / n) of the D-day window:
    the dates spread evenly and the draw order decides which unit gets which."""
    start, end = date.fromisoformat(date_from), date.fromisoformat(date_to)
    days = (end - start).days + 1
    if days < 1:
        raise DomainError(code="draw_bad_window", params={"date_from": date_from,
                                                          "date_to": date_to})
    return [(start + timedelta(days=i * days // count)).isoformat() for i in range(count)]


def eligible(person: dict, unit: dict, day: str, team: list[str], state: dict) -> bool:
    """May `person` join the team visiting `unit` on `day`? Not twice on one team, at most
    max_per_rep visits, one visit a day, never the unit or township they live or work in."""
    pid = person["id"]
    conflicts = set(person["conflicts"])
    return (pid not in team and state["load"][pid] < state["max"]
            and day not in state["days"][pid]
            and unit["id"] not in conflicts and unit["township"] not in conflicts)


def _pick(order: list[dict], unit: dict, day: str, team: list[str], state: dict) -> dict | None:
    """The eligible person with (a kind not yet on the team, fewest visits so far, earliest in the
    shuffled order) smallest: teams mix kinds where they can and the load spreads."""
    kinds = {state["kind"][pid] for pid in team}
    best = None
    for position, person in enumerate(order):
        if eligible(person, unit, day, team, state):
            key = (person["kind"] in kinds, state["load"][person["id"]], position)
            if best is None or key < best[0]:
                best = (key, person)
    return best[1] if best else None


def assign(stream: Stream, people: list[dict], units: list[dict], dates: list[str],
           constraints: dict) -> tuple[list[dict], list[str]]:
    """Teams for the visits in draw order, and the reserve: the people left without a visit, in
    the shuffled order."""
    order = stream.shuffle(sorted(people, key=lambda p: p["id"]))
    state = {"max": constraints["max_per_rep"], "load": {p["id"]: 0 for p in order},
             "days": {p["id"]: set() for p in order}, "kind": {p["id"]: p["kind"] for p in order}}
    visits = []
    for unit, day in zip(units, dates, strict=True):
        team: list[str] = []
        for _ in range(constraints["team_size"]):
            person = _pick(order, unit, day, team, state)
            if person is None:
                raise DomainError(code="draw_team_short", params={
                    "unit": unit["id"], "needed": constraints["team_size"], "found": len(team)})
            team.append(person["id"])
            state["load"][person["id"]] += 1
            state["days"][person["id"]].add(day)
        visits.append({"unit": unit["id"], "date": day, "representatives": team})
    reserve = [p["id"] for p in order if state["load"][p["id"]] == 0]
    return visits, reserve


def draw_unit_list(seed_hex: str, units_part: dict) -> list[str]:
    """The unit draw alone, from the units part (what the public round file can check)."""
    return draw_units(Stream(seed_hex), units_part["units"], units_part["constraints"]["units"])


def draw(seed_hex: str, inputs: dict) -> dict:
    """The whole draw: {"units": ids in draw order, "visits": [{unit, date, representatives}],
    "reserve": ids}."""
    data = normalised(inputs)
    c = data["constraints"]
    stream = Stream(seed_hex)
    unit_ids = draw_units(stream, data["units"], c["units"])
    by_id = {u["id"]: u for u in data["units"]}
    dates = visit_dates(c["date_from"], c["date_to"], len(unit_ids))
    visits, reserve = assign(stream, data["representatives"], [by_id[u] for u in unit_ids],
                             dates, c)
    return {"units": unit_ids, "visits": visits, "reserve": reserve}


def replacement(inputs: dict, result: dict, visit_index: int, leaving: str,
                used: tuple[str, ...] = ()) -> str | None:
    """Who replaces `leaving` (回避) on visit `visit_index`: the first of the reserve, in order,
    not already `used` as a replacement, who is eligible for that visit. No new draw."""
    data = normalised(inputs)
    visit = result["visits"][visit_index]
    unit = next(u for u in data["units"] if u["id"] == visit["unit"])
    people = {p["id"]: p for p in data["representatives"]}
    team = [pid for pid in visit["representatives"] if pid != leaving]
    state = {"max": data["constraints"]["max_per_rep"], "load": dict.fromkeys(people, 0),
             "days": {pid: set() for pid in people}, "kind": {}}
    for pid in result["reserve"]:
        if pid not in used and eligible(people[pid], unit, visit["date"], team, state):
            return pid
    return None

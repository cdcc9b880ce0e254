"""A drawn round through sync (issue 16 §1): each representative device receives only its own
assignments, an office device none, the round record stays at HQ, an assigned representative
records its drawn visit, and the published list holds units and outcomes with no names.
On SQLite and PostgreSQL."""

from datetime import date

from models.records import Finding, Visit
from models.round_pools import RoundRequest
from models.rounds import commit_round, draw_committed, publish
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase

NAMES = ("Li Wei", "Zhao Min", "Wang Fang")


TEAMS = ("Team 1", "Team 1", "Team 2", "Team 2")


def _drawn(hq, units: int = 2, names: tuple[str, ...] = NAMES):
    boss = hq.device("hq", name="hq")
    seed_reference(boss)
    reps = [hq.device("representative", representative=name, team=team)
            for name, team in zip(names, TEAMS, strict=False)]
    office = hq.device("office", name="county-office")
    boss.sync()
    req = RoundRequest(campaign="2026 drive", units=units, date_from=date(2026, 3, 2),
                       date_to=date(2026, 3, 3), team_size=1, max_per_rep=1)
    with boss.write("hq") as w:
        committed = commit_round(w, req, date(2026, 3, 1))
    with boss.write("hq") as w:
        doc = draw_committed(w, committed["round"], "lottery 2026-03-01: 4 7 1")
    boss.sync()
    for dev in (*reps, office):
        dev.sync()
    return boss, reps, office, doc


def _assigned(doc, dev) -> set[str]:
    me = dev.store.meta("representative_id")
    return {v["unit"] for v in doc["draw"]["visits"] if me in v["representatives"]}


def test_each_representative_receives_only_its_own_drawn_visits_and_an_office_none(hq):
    boss, reps, office, doc = _drawn(hq)
    assert sum(len(_assigned(doc, r)) for r in reps) == 2
    for rep in reps:
        got = {v["unit_id"] for v in rep.rows("visit").values()}
        assert got == _assigned(doc, rep)
        assert rep.rows("draw_round") == {}
    assert office.rows("visit") == {} and office.rows("draw_round") == {}
    assert len(hq.rows("draw_round")) == 1
    second_hq = hq.device("hq", name="hq-2")
    second_hq.sync()
    assert len(second_hq.rows("draw_round")) == 1


def test_an_assigned_representative_records_its_drawn_visit_and_its_team_still_sees_nothing(hq):
    boss, reps, office, doc = _drawn(hq)
    rep = next(r for r in reps if _assigned(doc, r))
    visit_id = next(iter(rep.rows("visit")))
    with rep.write("li") as w:
        w.update(Visit, visit_id, {"status": "done", "summary": "窗口无人"})
        w.create(Finding, {"visit_id": visit_id, "description": "窗口无人值守"})
    report = rep.sync()
    assert report.forbidden == 0 and report.rejected == 0
    assert hq.rows("visit")[visit_id]["status"] == "done"
    for other in reps:
        other.sync()
        if other is not rep and not _assigned(doc, other):
            assert visit_id not in other.rows("visit") and other.rows("finding") == {}
    office.sync()
    assert office.rows("visit") == {}


def test_the_published_list_holds_units_and_outcomes_and_no_names(hq):
    boss, reps, office, doc = _drawn(hq)
    rep = next(r for r in reps if _assigned(doc, r))
    visit_id = next(iter(rep.rows("visit")))
    with rep.write("li") as w:
        w.update(Visit, visit_id, {"status": "done"})
    rep.sync()
    boss.sync()
    with boss.write("hq") as w:
        public = publish(w, doc["meta"]["round"], date(2026, 3, 4))
    outcomes = {r["unit"]: r["outcome"] for r in public["results"]}
    assert sorted(outcomes.values()) == ["done", "planned"]
    assert set(public["meta"]["unit_names"].values()) >= {"County Hall", "County Hall/Window 1"}
    text = str(public)
    ids = [r.store.meta("representative_id") for r in reps]
    assert not any(x in text for x in (*NAMES, *ids))

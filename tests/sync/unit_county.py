"""A county for the unit liaison tests (issue 14 §2): HQ holds a secret visit (team, place, date)
and its finding, an opinion with a contact, and problems made from them — two assigned to
"County Hall" or its window, one not assigned yet, one assigned to another unit — and a liaison
device enrolled for County Hall."""

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from models.ids import natural_id
from models.records import Finding, Opinion, Problem, Visit
from models.rectification import ProblemSourceLink
from models.reference import Team, Unit
from models.tables import SYNCED_TABLES
from tests.sync.helpers import Device, seed_reference

# What HQ holds that a unit must never read (ASCII markers, and Chinese as the office types it).
TEAM = "CANARY-team-Secret-7"
PLACE = "CANARY-place-城东茶楼"
SUMMARY = "CANARY-summary-化装成办事群众"
VISIT_DATE = date(2026, 3, 4)
FINDING = "CANARY-finding-二号窗口脱岗"
OPINION = "CANARY-opinion-text-c1"
CONTACT = "CANARY-13800001111"
REPLIER = "CANARY-replier-Ms-Qian"
# What it may read: the unit-facing text of the confidential problem.
ASSIGNMENT = "窗口工作人员上班时间脱岗，请整改"
ASSIGNMENT_NO = "县纠交〔2026〕1号"
ASSIGNED = date(2026, 4, 1)


@dataclass
class County:
    boss: Device  # HQ's desktop
    liaison: Device  # enrolled for County Hall
    ids: dict

    @property
    def secrets(self) -> list[str]:
        """Texts and ids of HQ's that a liaison device must hold nowhere."""
        ids = self.ids
        return [TEAM, PLACE, SUMMARY, FINDING, OPINION, CONTACT, REPLIER,
                VISIT_DATE.isoformat(), ids["team"], ids["visit"], ids["finding"],
                ids["opinion"], ids["unassigned"], ids["other_unit"], ids["tax"]]


def county(hq) -> County:
    boss = hq.device("hq", name="hq-desk")
    ids = seed_reference(boss)  # County Hall, its Window 1, the 2026 drive
    with boss.write("hq") as w:
        ids["tax"] = w.create(Unit, {"id": natural_id("unit", "Tax Office"),
                                     "name": "Tax Office", "kind": "department"})
        ids["team"] = w.create(Team, {"name": TEAM})
        ids["visit"] = w.create(Visit, {
            "kind": "secret", "team_id": ids["team"], "unit_id": ids["window"],
            "status": "done", "place": PLACE, "summary": SUMMARY, "visit_date": VISIT_DATE,
            "planned_at": datetime(2026, 3, 4, 9, 30)})
        ids["finding"] = w.create(Finding, {
            "visit_id": ids["visit"], "unit_id": ids["window"], "category": "absent_from_post",
            "description": FINDING, "found_on": VISIT_DATE})
        ids["opinion"] = w.create(Opinion, {
            "text": OPINION, "unit_id": ids["unit"], "contact": CONTACT,
            "received_on": date(2026, 3, 10)})
        ids["secret"] = w.create(Problem, _problem(
            ids["window"], f"{FINDING} at {PLACE}", source="finding", source_id=ids["finding"],
            assignment_text=ASSIGNMENT, assignment_no=ASSIGNMENT_NO, assigned_on=ASSIGNED))
        w.create(ProblemSourceLink, {"problem_id": ids["secret"], "kind": "finding",
                                     "source_id": ids["finding"]})
        ids["replied"] = w.create(Problem, _problem(
            ids["unit"], "Fees charged twice at the counter", source="opinion",
            source_id=ids["opinion"], reply_method="phone", replied_on=date(2026, 4, 2),
            replied_by=REPLIER, complainant_view="satisfied", assignment_no=ASSIGNMENT_NO,
            assigned_on=ASSIGNED))
        ids["unassigned"] = w.create(Problem, _problem(ids["unit"], "CANARY-not-assigned-yet"))
        ids["other_unit"] = w.create(Problem, _problem(
            ids["tax"], "CANARY-another-units-problem", assigned_on=ASSIGNED))
    boss.sync()
    liaison = hq.device("unit", name="liaison", unit="County Hall")
    liaison.sync()
    return County(boss, liaison, ids)


def _problem(unit_id: str, description: str, **kw) -> dict:
    return {"description": description, "unit_id": unit_id, "status": "rectifying",
            "responsible_person": "Director Wu", "reported_on": date(2026, 3, 20),
            "deadline": date(2026, 5, 1), **kw}


def store_texts(dev: Device) -> list[tuple[str, str, str]]:
    """(table, column, text) of every value in every table of the device's store."""
    out = []
    with dev.store.read() as conn:
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'").scalars().all()
        for name in tables:
            result = conn.exec_driver_sql(f'SELECT * FROM "{name}"')
            columns = list(result.keys())
            for row in result:
                out.extend((name, c, v if isinstance(v, str) else
                            v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v))
                           for c, v in zip(columns, row, strict=True) if v is not None)
    return out


def report(problem_id: str, **kw) -> dict:
    return {"problem_id": problem_id, "what_done": "Staff rota posted at the window",
            "progress": "done", "completed_on": date(2026, 4, 20),
            "reported_on": date(2026, 4, 21), **kw}


def held(dev: Device, table: str) -> set[str]:
    t = SYNCED_TABLES[table].__table__
    with dev.store.read() as conn:
        return set(conn.execute(sa.select(t.c.id)).scalars())

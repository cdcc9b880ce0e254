"""The demo county's field work (models/demo.py): visits with their places and accounts, what
they found, the people criticised and the cases — shaped like the county report.

The report's 51 supervision visits went to the county's social security and housing provident
fund centres and ended in 11 window staff criticised for procrastination; secret and open visits
go where the public is served; media inquiries and leader dialogues are held with county bodies.
Which texts go with which kind of unit: models/demo_catalogue.py and docs/demo.md.
"""

import random
from datetime import UTC, date, datetime, time, timedelta

from models import demo_catalogue as cat
from models.enums import (
    CaseSubject,
    FindingCategory,
    Outcome,
    Sanction,
    Severity,
    UnitKind,
    VisitKind,
    VisitStatus,
)
from models.ids import new_id

VISIT_PLAN = [(VisitKind.SUPERVISION, 51), (VisitKind.ON_SITE_REVIEW, 70),
              (VisitKind.MEDIA_INQUIRY, 30), (VisitKind.LEADER_DIALOGUE, 30),
              (VisitKind.SECRET, 40), (VisitKind.OPEN, 30)]
PROCRASTINATION_CRITICISMS = 11  # "criticised and educated 11 window staff for procrastination"
# The report's other 15 cadres notified, criticised, warned or talked to.
OTHER_SANCTIONS = [Sanction.REMINDER_TALK] * 4 + [Sanction.ADMONITION_TALK] * 3 + \
    [Sanction.CIRCULATED_CRITICISM] * 5 + [Sanction.WARNING] * 3
SERVED = (UnitKind.SERVICE_WINDOW, UnitKind.HOSPITAL, UnitKind.SCHOOL, UnitKind.TOWNSHIP)
_PLACES = {UnitKind.SERVICE_WINDOW: "办事大厅", UnitKind.HOSPITAL: "门诊大厅",
           UnitKind.SCHOOL: "校门口及食堂", UnitKind.TOWNSHIP: "为民服务中心",
           UnitKind.DEPARTMENT: "办公区"}


def name(rng: random.Random) -> str:
    return rng.choice(cat.SURNAMES) + "".join(rng.choice(cat.GIVEN)
                                              for _ in range(rng.randint(1, 2)))


def _date_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _where(rng: random.Random, kind: VisitKind, pools: dict[str, list[dict]], i: int) -> dict:
    """The unit a visit of this kind goes to."""
    if kind == VisitKind.SUPERVISION:
        return pools["supervised"][i % 2]
    if kind in (VisitKind.SECRET, VisitKind.OPEN):  # a kind of place first: not all schools
        return rng.choice(pools[rng.choice(SERVED)])
    if kind == VisitKind.ON_SITE_REVIEW:
        return rng.choice(pools["reviewed"])
    return rng.choice(pools["county"])


def _account(rng: random.Random, kind: VisitKind, unit: dict, path: str) -> tuple[str, str]:
    """Where the visit was held and what the team did there (place, summary)."""
    n = rng.randint(3, 12)
    if kind == VisitKind.SUPERVISION:
        return (f"{unit['name']}服务大厅",
                f"督查组随机旁听窗口办件{n}件，查阅办件登记台账，回访办事群众{n + 2}人。")
    if kind == VisitKind.SECRET:
        return (f"{path}{_PLACES[cat.kind_of(unit)]}",
                f"以办事群众身份暗访，观察窗口在岗和服务情况约{n * 10}分钟，留存视频资料。")
    if kind == VisitKind.OPEN:
        return (f"{path}{_PLACES[cat.kind_of(unit)]}",
                f"亮明身份明察，查看公示栏、考勤和服务台账，现场询问群众{n}人。")
    if kind == VisitKind.ON_SITE_REVIEW:
        return ("县政府第一会议室" if unit["kind"] == UnitKind.DEPARTMENT else f"{path}会议室",
                f"组织服务对象和群众代表{n + 20}人现场评议，单位负责人作述职并回应意见{n}条。")
    if kind == VisitKind.MEDIA_INQUIRY:
        return ("县融媒体中心演播厅",
                f"《问政余庆》直播，{unit['name']}主要负责人现场回答群众提问{n}个。")
    return ("县政务服务中心三楼会议室",
            f"{unit['name']}主要负责人与群众代表面对面对话，收集意见建议{n}条。")


def _pools(units: list[dict], paths: dict[str, str]) -> dict[str, list[dict]]:
    """Where each kind of visit may go; the county's own bodies are those right under it."""
    by_name = {u["name"]: u for u in units}
    return {"supervised": [by_name[cat.SOCIAL_SECURITY], by_name[cat.HOUSING_FUND]],
            **{kind: [u for u in units if u["kind"] == kind] for kind in SERVED},
            "reviewed": [u for u in units if u["kind"] in (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)
                         and paths[u["id"]].count("/") == 1],
            "county": [u for u in units if u["kind"] == UnitKind.DEPARTMENT
                       and paths[u["id"]].count("/") == 1]}


def build_visits(rng, units, teams, reps, start, as_of) -> list[dict]:
    """Each kind's visits done this year, and a few of each still planned."""
    paths = {u["id"]: u["_path"] for u in units}
    pools = _pools(units, paths)
    visits = []
    for kind, done in VISIT_PLAN:
        for i in range(done + 4):
            planned = i >= done
            last = max(as_of, min(as_of + timedelta(days=30), date(as_of.year, 12, 31)))
            day = _date_in(rng, as_of, last) if planned else _date_in(rng, start, as_of)
            team = rng.choice(teams)
            members = [r["id"] for r in reps if r["team_id"] == team["id"]][:3]
            at = datetime.combine(day, time(9 + rng.randint(0, 7)), UTC)
            unit = _where(rng, kind, pools, i)
            shown = paths[unit["id"]].removeprefix(f"{cat.COUNTY}/")
            if unit["kind"] == UnitKind.SERVICE_WINDOW:  # a window is found in its hall
                shown = shown.rsplit("/", 1)[0]
            shown = shown.replace("/", "")
            place, summary = _account(rng, kind, unit, shown)
            visits.append({
                "kind": kind, "team_id": team["id"], "unit_id": unit["id"],
                "representative_ids": members, "planned_at": at,
                "actual_at": None if planned else at, "visit_date": day,
                "place": place, "summary": "" if planned else summary,
                "status": VisitStatus.PLANNED if planned else VisitStatus.DONE, "id": new_id(),
            })
    return visits


def _finding(rng, visit: dict, kind: UnitKind, category: FindingCategory, text: str) -> dict:
    return {"id": new_id(), "visit_id": visit["id"], "unit_id": visit["unit_id"],
            "category": category, "severity": rng.choice(list(Severity)),
            "description": text, "found_on": visit["visit_date"]}


def build_findings(rng, visits, units) -> list[dict]:
    """90 findings of the done secret, open and supervision visits: the supervision visits'
    are procrastination at the centres' windows, the others what their kind of unit shows."""
    by_id = {u["id"]: u for u in units}
    done = [v for v in visits if v["status"] == VisitStatus.DONE
            and v["kind"] in (VisitKind.SECRET, VisitKind.OPEN, VisitKind.SUPERVISION)]
    findings = []
    for v in rng.sample(done, k=min(len(done), 90)):
        unit = by_id[v["unit_id"]]
        if v["kind"] == VisitKind.SUPERVISION:
            text = rng.choice(cat.SUPERVISED[unit["name"]])
            findings.append(_finding(rng, v, UnitKind.DEPARTMENT,
                                     FindingCategory.PROCRASTINATION, text))
            continue
        kind = cat.kind_of(unit)
        category = rng.choice(sorted(cat.FINDINGS[kind]))
        findings.append(_finding(rng, v, kind, category,
                                 rng.choice(cat.FINDINGS[kind][category])))
    return findings


def build_criticisms(rng, findings, visits, units, as_of) -> list[dict]:
    """The report's 11 window staff criticised and educated for procrastination (from the
    supervision visits' findings), and 15 other cadres talked to, criticised or warned."""
    kinds = {u["id"]: cat.kind_of(u) for u in units}
    supervision = {v["id"] for v in visits if v["kind"] == VisitKind.SUPERVISION}
    slow = [f for f in findings if f["visit_id"] in supervision]
    rest = [f for f in findings if f["visit_id"] not in supervision]
    picked = [(Sanction.CRITICISM_EDUCATION, f)
              for f in rng.sample(slow, k=PROCRASTINATION_CRITICISMS)]
    picked += list(zip(OTHER_SANCTIONS, rng.sample(rest, k=len(OTHER_SANCTIONS)), strict=True))
    return [{"person_name": name(rng), "post": cat.POSTS[kinds[f["unit_id"]]],
             "unit_id": f["unit_id"], "behaviour": f["description"], "finding_id": f["id"],
             "sanction": sanction, "decided_on": min(f["found_on"] + timedelta(days=7), as_of),
             "decided_by": "县纠风办" if sanction == Sanction.CRITICISM_EDUCATION else "县纪委监委"}
            for sanction, f in picked]


def build_cases(rng, units, start, as_of) -> list[dict]:
    """The report's 15 cases: 7 people disciplined, 8 units held responsible."""
    cases = []
    for i in range(15):
        unit = rng.choice([u for u in units if u["kind"] != UnitKind.COUNTY])
        person = i < 7
        cases.append({
            "subject": CaseSubject.PERSON if person else CaseSubject.UNIT,
            "person_name": name(rng) if person else "", "unit_id": unit["id"],
            "violation": rng.choice(["不作为", "慢作为", "乱作为", "违规收费", "推诿拖延"]),
            "outcome": Outcome.DISCIPLINARY if person else Outcome.UNIT_ACCOUNTABLE,
            "decided_on": _date_in(rng, start, as_of)})
    return cases

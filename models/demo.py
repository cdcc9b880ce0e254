"""A deterministic, county-sized demo data set shaped like the county report.

Demo data lives in its own store, marked so; such a store never enrolls with HQ, so made-up
figures never reach real ones.
"""

import random
from datetime import UTC, date, datetime, time, timedelta

from models.enums import (
    CaseSubject,
    FindingCategory,
    Level,
    OpinionCategory,
    OpinionSource,
    Outcome,
    ProblemSource,
    ProblemStatus,
    RepresentativeKind,
    RespondentGroup,
    Sanction,
    Severity,
    UnitKind,
    VisitKind,
    VisitStatus,
)
from models.errors import DomainError
from models.ids import natural_id, new_id
from models.records import (
    AccountabilityCase,
    Evaluation,
    Finding,
    Opinion,
    PersonnelCriticism,
    Problem,
    Visit,
)
from models.reference import Campaign, Representative, Team, Unit
from models.services import opinion_from_form
from models.store.store import set_meta
from models.timeutil import local_today

TOWNSHIPS = ["白泥镇", "龙溪镇", "构皮滩镇", "大乌江镇", "敖溪镇", "松烟镇", "关兴镇", "龙家镇",
             "花山乡", "子营街道", "凉风村", "小腮镇"]
DEPARTMENTS = ["人社局", "社保中心", "公积金管理中心", "教育局", "卫生局", "民政局", "公安局",
               "国土局", "住建局", "交通局", "水务局", "农牧局", "林业局", "环保局", "工商局",
               "质监局", "食药监局", "税务局", "财政局", "审计局", "统计局", "司法局", "安监局",
               "文广局", "旅游局", "商务局", "发改局", "扶贫办", "移民局", "城管局", "规划局",
               "房管局", "供电局", "邮政局", "电信公司", "烟草局", "气象局", "档案局"]
WINDOWS = ["社保缴费窗口", "医保报销窗口", "公积金提取窗口", "不动产登记窗口", "户籍办理窗口",
           "营业执照窗口", "税务申报窗口", "婚姻登记窗口", "出入境窗口", "车驾管窗口"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "明华强军平静敏燕芳丽勇杰娟涛超霞刚英秀兰红玉春梅海波宇鹏飞"
REASONS = ["办事推诿拖延", "服务态度生硬", "窗口人员脱岗", "乱收费", "办事效率低", "排队时间太长",
           "政策解释不清", "门难进、脸难看、事难办"]
SUGGESTIONS = ["希望延长窗口办公时间", "建议公开办事流程", "希望增加导办人员", "建议简化报销手续",
               "希望改善候诊环境", "建议加强师德师风建设", "希望公开收费标准", "建议推行网上办理"]
LEVEL_WEIGHTS = [(Level.SATISFIED, 70), (Level.FAIRLY_SATISFIED, 18),
                 (Level.BASICALLY_SATISFIED, 8.4), (Level.DISSATISFIED, 3.6)]
FORMS = {RespondentGroup.PARENT: 9800, RespondentGroup.PATIENT: 4500,
         RespondentGroup.CITIZEN: 12000}


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _unit(units: list, kind: UnitKind, name: str, parent: dict | None, path: str) -> dict:
    row = {"id": natural_id("unit", path), "name": name, "kind": kind,
           "parent_id": parent["id"] if parent else None, "_path": path}
    units.append(row)
    return row


def build_units() -> list[dict]:
    units: list[dict] = []
    county = _unit(units, UnitKind.COUNTY, "余庆县", None, "余庆县")
    for dept in DEPARTMENTS:
        _unit(units, UnitKind.DEPARTMENT, f"县{dept}", county, f"余庆县/县{dept}")
    hall = _unit(units, UnitKind.DEPARTMENT, "县政务服务中心", county, "余庆县/县政务服务中心")
    for window in WINDOWS * 2:
        if any(u["name"] == window and u["parent_id"] == hall["id"] for u in units):
            continue
        _unit(units, UnitKind.SERVICE_WINDOW, window, hall, f"余庆县/县政务服务中心/{window}")
    for name in ("县人民医院", "县中医院", "县妇幼保健院"):
        _unit(units, UnitKind.HOSPITAL, name, county, f"余庆县/{name}")
    for i, name in enumerate(("县一中", "县二中", "县实验学校", "县职校", "县幼儿园")):
        _unit(units, UnitKind.SCHOOL, name, county, f"余庆县/{name}#{i}".split("#")[0])
    for town in TOWNSHIPS:
        t = _unit(units, UnitKind.TOWNSHIP, town, county, f"余庆县/{town}")
        base = f"余庆县/{town}"
        centre = _unit(units, UnitKind.DEPARTMENT, "便民服务中心", t, f"{base}/便民服务中心")
        for w in ("社保窗口", "民政窗口", "计生窗口"):
            _unit(units, UnitKind.SERVICE_WINDOW, w, centre, f"{base}/便民服务中心/{w}")
        _unit(units, UnitKind.HOSPITAL, "卫生院", t, f"{base}/卫生院")
        for school in ("中学", "第一小学", "第二小学", "第三小学", "中心幼儿园", "第四小学",
                       "第五小学", "第六小学", "第七小学", "第八小学", "村小", "教学点",
                       "完全小学", "民族小学", "希望小学")[: 11 + TOWNSHIPS.index(town) % 5]:
            _unit(units, UnitKind.SCHOOL, school, t, f"{base}/{school}")
        for office in ("派出所", "国土所", "财政所", "林业站", "农技站", "司法所"):
            _unit(units, UnitKind.DEPARTMENT, office, t, f"{base}/{office}")
    return units


def _date_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def build_forms(rng, units, campaign, start, end, counter) -> tuple[list, list]:
    by_kind: dict[UnitKind, list] = {}
    for u in units:
        by_kind.setdefault(u["kind"], []).append(u["id"])
    targets = {
        RespondentGroup.PARENT: by_kind[UnitKind.SCHOOL],
        RespondentGroup.PATIENT: by_kind[UnitKind.HOSPITAL],
        RespondentGroup.CITIZEN: by_kind[UnitKind.DEPARTMENT] + by_kind[UnitKind.SERVICE_WINDOW]
        + by_kind[UnitKind.TOWNSHIP],
    }
    levels, weights = zip(*LEVEL_WEIGHTS)
    forms, opinions = [], []
    for group, count in FORMS.items():
        unit_weights = [rng.uniform(0.3, 1.7) for _ in targets[group]]
        unit_choice = rng.choices(targets[group], unit_weights, k=count)
        for unit_id, level in zip(unit_choice, rng.choices(levels, weights, k=count)):
            counter[0] += 1
            row = {"id": new_id(), "campaign_id": campaign["id"], "group": group,
                   "unit_id": unit_id, "level": level, "form_no": f"{counter[0]:06d}",
                   "evaluated_on": _date_in(rng, start, end),
                   "reason": rng.choice(REASONS) if level == Level.DISSATISFIED else "",
                   "suggestion": rng.choice(SUGGESTIONS) if rng.random() < 0.0685 else ""}
            if rng.random() < 0.3:
                for criterion in ("discipline", "law", "service", "integrity", "efficiency"):
                    row[criterion] = rng.choices(levels, weights)[0]
            forms.append(row)
            if row["suggestion"]:
                opinions.append(opinion_from_form(row, row["id"]))
    return forms, opinions


def build_people(rng) -> tuple[list, list]:
    teams = [{"id": natural_id("team", f"第{i}督查组"), "name": f"第{i}督查组"} for i in range(1, 11)]
    kinds = [RepresentativeKind.DEPUTY] * 60 + [RepresentativeKind.CPPCC] * 40 + \
        [RepresentativeKind.CONDUCT_SUPERVISOR] * 25 + [RepresentativeKind.CITIZEN] * 15
    reps = []
    for i, kind in enumerate(kinds):
        name, phone = _name(rng), f"139{rng.randint(10000000, 99999999)}"
        reps.append({"id": natural_id("representative", name, phone), "name": name, "kind": kind,
                     "township": rng.choice(TOWNSHIPS), "phone": phone,
                     "team_id": teams[i % len(teams)]["id"]})
    return teams, list({r["id"]: r for r in reps}.values())


VISIT_PLAN = [(VisitKind.SUPERVISION, 51), (VisitKind.ON_SITE_REVIEW, 70),
              (VisitKind.MEDIA_INQUIRY, 30), (VisitKind.LEADER_DIALOGUE, 30),
              (VisitKind.SECRET, 40), (VisitKind.OPEN, 30)]


def build_visits(rng, units, teams, reps, start, as_of) -> list[dict]:
    visits = []
    for kind, done in VISIT_PLAN:
        for i in range(done + 4):  # a few of each kind still planned
            planned = i >= done
            day = _date_in(rng, as_of, as_of + timedelta(days=30)) if planned \
                else _date_in(rng, start, as_of)
            team = rng.choice(teams)
            members = [r["id"] for r in reps if r["team_id"] == team["id"]][:3]
            at = datetime.combine(day, time(9 + rng.randint(0, 7)), UTC)
            visits.append({
                "kind": kind, "team_id": team["id"], "unit_id": rng.choice(units)["id"],
                "representative_ids": members, "planned_at": at,
                "actual_at": None if planned else at, "visit_date": day,
                "place": "", "summary": "" if planned else "现场查看窗口服务、查阅台账、走访群众",
                "status": VisitStatus.PLANNED if planned else VisitStatus.DONE, "id": new_id(),
            })
    return visits


def build_findings(rng, visits) -> list[dict]:
    done = [v for v in visits if v["status"] == VisitStatus.DONE
            and v["kind"] in (VisitKind.SECRET, VisitKind.OPEN, VisitKind.SUPERVISION)]
    findings = []
    for v in rng.sample(done, k=min(len(done), 90)):
        category = rng.choice(list(FindingCategory))
        findings.append({"id": new_id(), "visit_id": v["id"], "unit_id": v["unit_id"],
                         "category": category, "severity": rng.choice(list(Severity)),
                         "description": f"{rng.choice(REASONS)}（{v['visit_date']}）",
                         "found_on": v["visit_date"]})
    return findings


def build_criticisms(rng, findings, as_of) -> list[dict]:
    sanctions = [Sanction.CRITICISM_EDUCATION] * 11 + [Sanction.REMINDER_TALK] * 4 + \
        [Sanction.ADMONITION_TALK] * 3 + [Sanction.CIRCULATED_CRITICISM] * 5 + [Sanction.WARNING] * 3
    out = []
    for sanction, finding in zip(sanctions, rng.sample(findings, k=len(sanctions))):
        out.append({"person_name": _name(rng), "post": "窗口工作人员", "unit_id": finding["unit_id"],
                    "behaviour": finding["description"], "finding_id": finding["id"],
                    "sanction": sanction, "decided_on": min(finding["found_on"], as_of),
                    "decided_by": "县纠风办"})
    return out


def build_cases(rng, units, start, as_of) -> list[dict]:
    cases = []
    for i in range(15):
        unit = rng.choice(units)
        person = i < 7
        cases.append({
            "subject": CaseSubject.PERSON if person else CaseSubject.UNIT,
            "person_name": _name(rng) if person else "", "unit_id": unit["id"],
            "violation": rng.choice(["不作为", "慢作为", "乱作为", "违规收费", "推诿拖延"]),
            "outcome": Outcome.DISCIPLINARY if person else Outcome.UNIT_ACCOUNTABLE,
            "decided_on": _date_in(rng, start, as_of)})
    return cases


def build_problems(rng, opinions, findings, campaign, as_of) -> list[dict]:
    statuses = [ProblemStatus.VERIFIED] * 60 + [ProblemStatus.RECTIFIED] * 44 + \
        [ProblemStatus.RECTIFYING] * 40 + [ProblemStatus.INVESTIGATING] * 12 + \
        [ProblemStatus.OPEN] * 8
    sources = rng.sample(opinions, k=120) + rng.sample(findings, k=44)
    problems = []
    for status, src in zip(statuses, sources):
        from_opinion = "text" in src
        reported = src.get("received_on") or src.get("found_on")
        deadline = reported + timedelta(days=rng.choice((15, 30, 60, 90)))
        rectified = status in (ProblemStatus.RECTIFIED, ProblemStatus.VERIFIED)
        problems.append({
            "source": ProblemSource.OPINION if from_opinion else ProblemSource.FINDING,
            "source_id": src["id"] if not from_opinion else None,
            "campaign_id": campaign["id"],
            "description": src["text"] if from_opinion else src["description"],
            "unit_id": src["unit_id"], "responsible_person": _name(rng),
            "measures": "制定整改方案，明确责任人，限期整改到位", "reported_on": reported,
            "deadline": deadline, "status": status,
            "rectified_on": min(deadline, as_of) if rectified else None,
            "verification": "经回访群众满意" if status == ProblemStatus.VERIFIED else ""})
    return problems


def load_demo_data(store, *, seed: int = 1, as_of: date | None = None,
                   profile: str = "demo") -> dict[str, int]:
    """Fill an empty store with a county-sized demo set; how many of each were made."""
    if store.holds_records():
        raise DomainError(code="demo_needs_empty_store")
    rng, as_of = random.Random(seed), as_of or local_today()
    start = date(as_of.year, 1, 1) if as_of.month > 2 else date(as_of.year - 1, 3, 1)
    units = build_units()
    campaign = {"id": natural_id("campaign", f"{as_of.year}年万民评议"),
                "name": f"{as_of.year}年万民评议", "year": as_of.year, "start_date": start,
                "end_date": date(as_of.year, 12, 31)}
    forms, opinions = build_forms(rng, units, campaign, start, as_of, [0])
    for o in opinions:
        o["id"] = new_id()
    hotline = [{"id": new_id(), "text": rng.choice(SUGGESTIONS), "unit_id": rng.choice(units)["id"],
                "campaign_id": campaign["id"], "source": OpinionSource.HOTLINE,
                "contact": f"138{rng.randint(10000000, 99999999)}",
                "received_on": _date_in(rng, start, as_of)} for _ in range(60)]
    opinions += hotline
    for o in rng.sample(opinions, k=689):
        o["category"] = rng.choice(list(OpinionCategory))
    teams, reps = build_people(rng)
    visits = build_visits(rng, units, teams, reps, start, as_of)
    findings = build_findings(rng, visits)
    with store.write(profile) as w:
        w.create_many(Unit, [{k: v for k, v in u.items() if k != "_path"} for u in units])
        w.create(Campaign, campaign)
        w.create_many(Team, teams)
        w.create_many(Representative, reps)
        w.create_many(Evaluation, forms)
        w.create_many(Opinion, opinions)
        w.create_many(Visit, visits)
        w.create_many(Finding, findings)
        w.create_many(PersonnelCriticism, build_criticisms(rng, findings, as_of))
        w.create_many(AccountabilityCase, build_cases(rng, units, start, as_of))
        w.create_many(Problem, build_problems(rng, opinions, findings, campaign, as_of))
        set_meta(w.conn, "demo", "1")
    return {"units": len(units), "forms": len(forms), "opinions": len(opinions),
            "visits": len(visits), "findings": len(findings)}

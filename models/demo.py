"""A deterministic, county-sized demo data set shaped like the county report, paired as in
life (docs/demo.md): the texts are in models/demo_catalogue.py, the field work in
models/demo_field.py, the ledger and the rectification loop in models/demo_ledger.py.

Demo data lives in its own store, marked so; such a store never enrolls with HQ, so made-up
figures never reach real ones.
"""

import random
from datetime import date, timedelta

from models import demo_catalogue as cat
from models.checklist_tables import ChecklistResult
from models.demo_checklists import link_checklists
from models.demo_field import build_cases, build_criticisms, build_findings, build_visits
from models.demo_field import name as person_name
from models.demo_ledger import build_loop, build_problems, source_links
from models.enums import (
    AppraisalCategory,
    Level,
    OpinionSource,
    RepresentativeKind,
    RespondentGroup,
    UnitKind,
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
from models.rectification import (
    ExtensionRequest,
    ProblemReceipt,
    ProblemSourceLink,
    RectificationReport,
)
from models.reference import Campaign, Representative, Team, Unit
from models.services import opinion_from_form
from models.store.store import set_meta
from models.timeutil import local_today

# Every reason and suggestion the demo uses, whatever the unit (bench/import_bench.py).
REASONS = [text for pairs in cat.REASONS.values() for text, _ in pairs]
SUGGESTIONS = [text for pairs in cat.SUGGESTIONS.values() for text, _ in pairs]
LEVEL_WEIGHTS = [(Level.SATISFIED, 70), (Level.FAIRLY_SATISFIED, 18),
                 (Level.BASICALLY_SATISFIED, 8.4), (Level.DISSATISFIED, 3.6)]
FORMS = {RespondentGroup.PARENT: 9800, RespondentGroup.PATIENT: 4500,
         RespondentGroup.CITIZEN: 12000}


def _unit(units: list, kind: UnitKind, name: str, parent: dict | None, path: str) -> dict:
    row = {"id": natural_id("unit", path), "name": name, "kind": kind,
           "parent_id": parent["id"] if parent else None, "_path": path}
    units.append(row)
    return row


def build_units() -> list[dict]:
    """The county's bodies, the service hall's windows, its hospitals and schools, and each
    township with its service centre, windows, health centre, schools and stations (355)."""
    units: list[dict] = []
    county = _unit(units, UnitKind.COUNTY, cat.COUNTY, None, cat.COUNTY)
    for dept in cat.DEPARTMENTS:
        _unit(units, UnitKind.DEPARTMENT, f"县{dept}", county, f"{cat.COUNTY}/县{dept}")
    hall = _unit(units, UnitKind.DEPARTMENT, cat.HALL, county, f"{cat.COUNTY}/{cat.HALL}")
    for window in cat.WINDOWS:
        _unit(units, UnitKind.SERVICE_WINDOW, window, hall, f"{hall['_path']}/{window}")
    for name in cat.COUNTY_HOSPITALS:
        _unit(units, UnitKind.HOSPITAL, name, county, f"{cat.COUNTY}/{name}")
    for name in cat.COUNTY_SCHOOLS:
        _unit(units, UnitKind.SCHOOL, name, county, f"{cat.COUNTY}/{name}")
    for i, town in enumerate(cat.TOWNSHIPS):
        base = f"{cat.COUNTY}/{town}"
        t = _unit(units, UnitKind.TOWNSHIP, town, county, base)
        centre = _unit(units, UnitKind.DEPARTMENT, cat.CENTRE, t, f"{base}/{cat.CENTRE}")
        for w in cat.CENTRE_WINDOWS:
            _unit(units, UnitKind.SERVICE_WINDOW, w, centre, f"{base}/{cat.CENTRE}/{w}")
        _unit(units, UnitKind.HOSPITAL, "卫生院", t, f"{base}/卫生院")
        for school in cat.TOWN_SCHOOLS[: 18 if i < 7 else 17]:
            _unit(units, UnitKind.SCHOOL, school, t, f"{base}/{school}")
        for office in cat.STATIONS:
            _unit(units, UnitKind.DEPARTMENT, office, t, f"{base}/{office}")["category"] = \
                AppraisalCategory.STATION
    return units


def _date_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def build_forms(rng, units, campaign, start, end, counter) -> tuple[list, list]:
    """The report's 9,800 parents' forms on schools, 4,500 patients' on hospitals and 12,000
    citizens' on the rest, each reason and suggestion one that its kind of unit hears."""
    kind = {u["id"]: cat.kind_of(u) for u in units}
    targets: dict[RespondentGroup, list[str]] = {g: [] for g in FORMS}
    for u in units:
        if u["kind"] != UnitKind.COUNTY:
            targets[rules_group(u["kind"])].append(u["id"])
    levels, weights = zip(*LEVEL_WEIGHTS)
    forms, opinions = [], []
    for group, count in FORMS.items():
        unit_weights = [rng.uniform(0.3, 1.7) for _ in targets[group]]
        unit_choice = rng.choices(targets[group], unit_weights, k=count)
        for unit_id, level in zip(unit_choice, rng.choices(levels, weights, k=count)):
            counter[0] += 1
            said = cat.REASONS[kind[unit_id]], cat.SUGGESTIONS[kind[unit_id]]
            row = {"id": new_id(), "campaign_id": campaign["id"], "group": group,
                   "unit_id": unit_id, "level": level, "form_no": f"{counter[0]:06d}",
                   "evaluated_on": _date_in(rng, start, end),
                   "reason": rng.choice(said[0])[0] if level == Level.DISSATISFIED else "",
                   "suggestion": rng.choice(said[1])[0] if rng.random() < 0.0685 else ""}
            if rng.random() < 0.3:
                for criterion in ("discipline", "law", "service", "integrity", "efficiency"):
                    row[criterion] = rng.choices(levels, weights)[0]
            forms.append(row)
            if row["suggestion"]:
                opinions.append(opinion_from_form(row, row["id"]))
    return forms, opinions


def rules_group(kind: str) -> RespondentGroup:
    """Who rates a unit of this kind in the demo: parents a school, patients a hospital."""
    return {UnitKind.SCHOOL: RespondentGroup.PARENT,
            UnitKind.HOSPITAL: RespondentGroup.PATIENT}.get(kind, RespondentGroup.CITIZEN)


def build_hotline(rng, units, campaign, start, as_of) -> list[dict]:
    """60 calls to the hotline about any unit, each saying what its kind of unit hears."""
    rated = [u for u in units if u["kind"] != UnitKind.COUNTY]
    calls = []
    for _ in range(60):
        unit = rng.choice(rated)
        calls.append({"id": new_id(), "text": rng.choice(cat.SUGGESTIONS[cat.kind_of(unit)])[0],
                      "unit_id": unit["id"], "campaign_id": campaign["id"],
                      "source": OpinionSource.HOTLINE,
                      "contact": f"138{rng.randint(10000000, 99999999)}",
                      "received_on": _date_in(rng, start, as_of)})
    return calls


def build_people(rng) -> tuple[list, list]:
    teams = [{"id": natural_id("team", f"第{i}督查组"), "name": f"第{i}督查组"} for i in range(1, 11)]
    kinds = [RepresentativeKind.DEPUTY] * 60 + [RepresentativeKind.CPPCC] * 40 + \
        [RepresentativeKind.CONDUCT_SUPERVISOR] * 25 + [RepresentativeKind.CITIZEN] * 15
    reps = []
    for i, kind in enumerate(kinds):
        name, phone = person_name(rng), f"139{rng.randint(10000000, 99999999)}"
        reps.append({"id": natural_id("representative", name, phone), "name": name, "kind": kind,
                     "township": rng.choice(cat.TOWNSHIPS), "phone": phone,
                     "team_id": teams[i % len(teams)]["id"]})
    return teams, list({r["id"]: r for r in reps}.values())


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
    opinions += build_hotline(rng, units, campaign, start, as_of)
    for o in rng.sample(opinions, k=689):  # the report's 689 opinions sorted
        o["category"] = cat.opinion_category(o["text"])
    teams, reps = build_people(rng)
    townships = {u["name"]: u["id"] for u in units if u["kind"] == "township"}
    for r in reps:  # the reference a random round reads (issue 16 §1), as migration 0023 maps
        r["township_unit_id"] = townships.get(r["township"])
    visits = build_visits(rng, units, teams, reps, start, as_of)
    findings = build_findings(rng, visits, units)
    checklist_results = link_checklists(seed, visits, findings, units)
    criticisms = build_criticisms(rng, findings, visits, units, as_of)
    problems = build_problems(rng, {"opinions": opinions, "findings": findings, "visits": visits},
                              units, campaign, as_of)
    loop = build_loop(rng, problems, as_of)
    with store.write(profile) as w:
        w.create_many(Unit, [{k: v for k, v in u.items() if k != "_path"} for u in units])
        w.create(Campaign, campaign)
        w.create_many(Team, teams)
        w.create_many(Representative, reps)
        w.create_many(Evaluation, forms)
        w.create_many(Opinion, opinions)
        w.create_many(Visit, visits)
        w.create_many(Finding, findings)
        w.create_many(ChecklistResult, checklist_results)
        w.create_many(PersonnelCriticism, criticisms)
        w.create_many(AccountabilityCase, build_cases(rng, units, start, as_of))
        w.create_many(Problem, problems)
        w.create_many(ProblemSourceLink, source_links(problems))
        w.create_many(ProblemReceipt, loop["receipts"])
        w.create_many(RectificationReport, loop["reports"])
        w.create_many(ExtensionRequest, loop["requests"])
        set_meta(w.conn, "demo", "1")
    return {"units": len(units), "forms": len(forms), "opinions": len(opinions),
            "visits": len(visits), "findings": len(findings)}

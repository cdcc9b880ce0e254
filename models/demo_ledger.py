"""The demo county's ledger (models/demo.py): the report's 164 problems (104 rectified) with
measures their kind of unit would take, deadlines and completion dates around them, and the
rectification loop's records (issue 14) — assignment notices, receipts, reports HQ accepted,
a few awaiting acceptance, and requests for a later deadline — so every page has something.
"""

import random
from datetime import date, timedelta

from models import demo_catalogue as cat
from models import rules
from models.confidential import judge_link
from models.demo_field import name
from models.enums import ExtensionDecision, ProblemSource, ProblemStatus, ReportReview
from models.ids import new_id

STATUSES = [ProblemStatus.VERIFIED] * 60 + [ProblemStatus.RECTIFIED] * 44 + \
    [ProblemStatus.RECTIFYING] * 40 + [ProblemStatus.INVESTIGATING] * 12 + \
    [ProblemStatus.OPEN] * 8
ASSIGNED = (ProblemStatus.RECTIFYING, ProblemStatus.RECTIFIED, ProblemStatus.VERIFIED)
DONE = (ProblemStatus.RECTIFIED, ProblemStatus.VERIFIED)
VERIFICATIONS = ["经回访群众满意", "经现场复查整改到位", "经暗访复查未再发现问题",
                 "查阅整改台账和前后对比照片，整改到位"]
PREFIX = "余纠交"  # the county's assignment notices (a store's own prefix is in its settings)
AWAITING, EXTENSIONS = 3, 2  # reports awaiting acceptance; pending requests for more time


def _notice_day(reported: date, as_of: date) -> date:
    """HQ sends an assignment notice (交办) on the 10th and the 25th of each month."""
    day = reported + timedelta(days=1)
    notice = day.replace(day=10) if day.day <= 10 else day.replace(day=25) if day.day <= 25 \
        else (day.replace(day=1) + timedelta(days=32)).replace(day=10)
    return min(notice, as_of)


def _rectified_on(rng: random.Random, row: dict, as_of: date) -> date:
    """Most finish before their deadline, some on it, a few late."""
    day = row["deadline"] + timedelta(days=rng.randint(-25, 8))
    return min(max(day, row["assigned_on"] + timedelta(days=3)), as_of)


def _problem(rng, status, src, kind, campaign, as_of) -> dict:
    from_opinion = "text" in src
    reported = src.get("received_on") or src.get("found_on")
    row = {"source": ProblemSource.OPINION if from_opinion else ProblemSource.FINDING,
           "source_id": src["id"], "campaign_id": campaign["id"],
           "description": f"群众反映{cat.AS_PROBLEM[src['text']]}" if from_opinion
           else src["description"],
           "unit_id": src["unit_id"], "responsible_person": name(rng), "reported_on": reported,
           "status": status, "id": new_id(),
           "measures": "" if status == ProblemStatus.OPEN
           else "；".join(rng.sample(cat.MEASURES[kind], 2)) + "。",
           "assigned_on": _notice_day(reported, as_of) if status in ASSIGNED else None}
    start = row["assigned_on"] or reported
    row["deadline"] = start + timedelta(days=rng.choice((15, 30, 30, 45, 60, 90)))
    if status in DONE:
        row["rectified_on"] = _rectified_on(rng, row, as_of)
    if status == ProblemStatus.VERIFIED:
        row["verification"] = rng.choice(VERIFICATIONS)
    return row


def _number(problems: list[dict]) -> None:
    """One notice per unit and notice day (reports/assignment.py: one per unit), numbered from
    1 in each year in the order sent: 余纠交〔2026〕3号."""
    notices = sorted({(p["assigned_on"], p["unit_id"]) for p in problems if p["assigned_on"]})
    seq, counted = {}, {}
    for day, unit in notices:
        counted[day.year] = counted.get(day.year, 0) + 1
        seq[day, unit] = f"{PREFIX}〔{day.year}〕{counted[day.year]}号"
    for p in problems:
        if p["assigned_on"]:
            p["assignment_no"] = seq[p["assigned_on"], p["unit_id"]]


def _judge(problem: dict, lookup) -> None:
    """HQ's judgement of the source (models/confidential.py), and for a secret visit's finding
    the unit-facing text the unit reads instead (rules.propose_assignment_text)."""
    secret, category = judge_link(problem["source"], problem["source_id"], lookup)
    problem.update(confidential_source=secret, source_category=category)
    if secret and problem["assigned_on"]:
        problem["assignment_text"] = rules.propose_assignment_text(
            [(category, problem["description"])])


def _lookup(opinions: list[dict], findings: list[dict], visits: list[dict]):
    rows = {"opinion": {o["id"]: o for o in opinions}, "finding": {f["id"]: f for f in findings},
            "visit": {v["id"]: v for v in visits}}
    return lambda table, row_id: rows.get(table, {}).get(row_id)


def build_problems(rng, sources: dict[str, list[dict]], units, campaign, as_of) -> list[dict]:
    """120 problems from opinions and 44 from findings, each linked to its source."""
    kinds = {u["id"]: cat.kind_of(u) for u in units}
    picked = rng.sample([o for o in sources["opinions"] if o["unit_id"]], k=120) + \
        rng.sample(sources["findings"], k=44)
    problems = [_problem(rng, status, src, kinds[src["unit_id"]], campaign, as_of)
                for status, src in zip(_statuses(rng), _by_age(rng, picked), strict=True)]
    _number(problems)
    lookup = _lookup(sources["opinions"], sources["findings"], sources["visits"])
    for p in problems:
        _judge(p, lookup)
    return problems


def _statuses(rng: random.Random) -> list[ProblemStatus]:
    """The report's statuses, the finished ones (verified or not yet) first."""
    done = STATUSES[:104]
    rng.shuffle(done)
    return done + STATUSES[104:]


def _by_age(rng: random.Random, sources: list[dict]) -> list[dict]:
    """Oldest first, give or take a month: the older a problem, the likelier it is finished."""
    def reported(src: dict) -> date:
        return (src.get("received_on") or src.get("found_on")) + \
            timedelta(days=rng.randint(-30, 30))
    return sorted(sources, key=reported)


def source_links(problems: list[dict]) -> list[dict]:
    """The problem_source row of each problem (issue 14 §1), as HQ's make-problem writes it."""
    return [{"problem_id": p["id"], "kind": p["source"], "source_id": p["source_id"]}
            for p in problems]


def build_loop(rng, problems, as_of) -> dict[str, list[dict]]:
    """Receipts of every problem assigned and rectified, and half of those being rectified;
    HQ's accepted report of each verified one; a few completed reports awaiting acceptance;
    requests for a later deadline still to decide, and one HQ approved."""
    receipts, reports, requests = [], [], []
    latest = sorted(problems, key=lambda p: p["reported_on"], reverse=True)
    for p in problems:
        if p["status"] in DONE or (p["status"] in ASSIGNED and rng.random() < 0.5):
            receipts.append({"problem_id": p["id"], "signed_by": name(rng),
                             "signed_on": min(p["assigned_on"] + timedelta(rng.randint(1, 3)),
                                              as_of)})
        if p["status"] == ProblemStatus.VERIFIED:
            reports.append(_report(rng, p, ReportReview.ACCEPTED, as_of))
    for p in [p for p in latest if p["status"] == ProblemStatus.RECTIFIED][:AWAITING]:
        reports.append(_report(rng, p, ReportReview.PENDING, as_of))
    rectifying = [p for p in latest if p["status"] == ProblemStatus.RECTIFYING]
    for p in rectifying[:EXTENSIONS]:
        requests.append(_request(p, p["deadline"], as_of))
    approved = rectifying[EXTENSIONS]
    request = _request(approved, approved["deadline"], as_of)
    request.update(decision=ExtensionDecision.APPROVED, decided_by="县纠风办",
                   decided_on=request["requested_on"], decision_reason="同意延期")
    approved["deadline"] = request["requested_deadline"]  # an approval moves the deadline
    requests.append(request)
    return {"receipts": receipts, "reports": reports, "requests": requests}


def _report(rng, p: dict, review: ReportReview, as_of: date) -> dict:
    row = {"problem_id": p["id"], "what_done": p["measures"], "completed_on": p["rectified_on"],
           "reported_on": p["rectified_on"], "reported_by": p["responsible_person"],
           "review": review}
    if review == ReportReview.ACCEPTED:
        row.update(reviewed_on=min(p["rectified_on"] + timedelta(rng.randint(2, 10)), as_of),
                   reviewed_by="县纠风办", review_reason=p.get("verification", ""))
    return row


def _request(p: dict, current: date, as_of: date) -> dict:
    return {"problem_id": p["id"], "current_deadline": current,
            "requested_deadline": current + timedelta(days=30),
            "reason": "整改涉及设备采购，需走政府采购程序，申请延期一个月。",
            "requested_on": max(min(current - timedelta(days=5), as_of), p["assigned_on"]),
            "requested_by": p["responsible_person"]}

"""The visit-round report (明察暗访情况通报), DOCX and PDF: per unit, how many visits of each
kind were made in a period, what they found and what became of it (the problems made from
those findings, linked by `problem.source_id`, and their status).

Per unit it also lists the checklist items its visits failed (issue 16 §2), by the item's text
and how often, never a representative's note (the findings table carries those, scrubbed).

It goes to every unit, so it follows docs/redaction.md: a visit is only counted, never dated,
placed or attributed (no team, no representative), and a finding's description is scrubbed as
every public text is; for a secret visit's finding its dates and times are removed and its
team's and representatives' names masked on top of that.
"""

import re
from dataclasses import dataclass, replace
from datetime import date

import sqlalchemy as sa

from models.checklists import failed_items
from models.enums import FindingCategory, ProblemSource, ProblemStatus, VisitKind
from models.records import Finding, Visit
from models.records import Problem as ProblemRow
from models.reference import Representative, Team
from reports import document as d
from reports.criticism import ordinal
from reports.data import unit_labels
from reports.labels import zh
from reports.redaction import Redactor, build_redactor

TITLE = "明察暗访情况通报"
# "上午9点", "9:30", "14时20分": a secret visit's time of day is as telling as its date.
TIME = re.compile(r"(?:凌晨|早上|上午|中午|下午|傍晚|晚上)?\d{1,2}(?:[:：]\d{2}|[点时](?:\d{1,2}分|半)?)")
FINDINGS_HEADER = ["序号", "问题类别", "发现的问题", "整改情况"]
FINDINGS_WIDTHS = [4, 10, 30, 16]


@dataclass(frozen=True)
class Period:
    date_from: date
    date_to: date
    campaign_id: str | None = None  # only the problems of this campaign are listed


def _visit_day(v: dict) -> date | None:
    """The visit's date, else the local day it was made (or planned) on."""
    if v["visit_date"]:
        return v["visit_date"]
    when = v["actual_at"] or v["planned_at"]
    return when.astimezone().date() if when else None


def visits_in(conn: sa.Connection, period: Period) -> dict[str, dict]:
    """The visits made (or planned) in the period, by id."""
    v = Visit.__table__
    rows = conn.execute(sa.select(v).where(v.c.deleted_at.is_(None))).mappings()
    return {r["id"]: dict(r) for r in rows
            if (day := _visit_day(r)) is not None and period.date_from <= day <= period.date_to}


def findings_of(conn: sa.Connection, visits: dict[str, dict], period: Period) -> list[dict]:
    """The findings of those visits, and findings without a visit found in the period."""
    f = Finding.__table__
    rows = conn.execute(sa.select(f).where(f.c.deleted_at.is_(None))
                        .order_by(f.c.found_on, f.c.id)).mappings()
    out = []
    for r in rows:
        if r["visit_id"] in visits or (r["visit_id"] is None and r["found_on"] is not None
                                       and period.date_from <= r["found_on"] <= period.date_to):
            out.append(dict(r))
    return out


def problems_from(conn: sa.Connection, finding_ids: list[str],
                  campaign_id: str | None) -> dict[str, list[dict]]:
    """The problems made from each finding (source finding, linked by id)."""
    p = ProblemRow.__table__
    q = sa.select(p).where(p.c.deleted_at.is_(None), p.c.source == ProblemSource.FINDING,
                           p.c.source_id.in_(finding_ids))
    if campaign_id:
        q = q.where(p.c.campaign_id == campaign_id)
    found: dict[str, list[dict]] = {}
    for r in conn.execute(q.order_by(p.c.reported_on, p.c.id)).mappings():
        found.setdefault(r["source_id"], []).append(dict(r))
    return found


def secret_redactor(conn: sa.Connection, visits: dict[str, dict]) -> Redactor:
    """The public redactor, also masking the teams and representatives of secret visits."""
    base = build_redactor(conn)
    secret = [v for v in visits.values() if v["kind"] == VisitKind.SECRET]
    team_ids = {v["team_id"] for v in secret if v["team_id"]}
    rep_ids = {r for v in secret for r in (v["representative_ids"] or [])}
    t, rep = Team.__table__, Representative.__table__
    teams = {n for (n,) in conn.execute(sa.select(t.c.name).where(t.c.id.in_(team_ids)))}
    names = {n for (n,) in conn.execute(sa.select(rep.c.name).where(rep.c.id.in_(rep_ids)))}
    extra = {s.strip() for s in teams | names if s and len(s.strip()) >= 2}
    return replace(base, literals=base.literals | extra)


def _done(problems: list[dict]) -> str:
    if not problems:
        return "尚未交办"
    parts = []
    for p in problems:
        deadline = f"，时限{d.cn_date(p['deadline'])}" if p["deadline"] else ""
        parts.append(f"已交办（{zh(ProblemStatus, p['status'])}{deadline}）")
    return "；".join(parts)


def _description(f: dict, secret: bool, redactor: Redactor) -> str:
    text = redactor.scrub(f["description"], drop_dates=secret)
    return TIME.sub("", text) if secret else text


def _counts(visits: list[dict]) -> str:
    by_kind: dict[str, int] = {}
    for v in visits:
        by_kind[v["kind"]] = by_kind.get(v["kind"], 0) + 1
    return "，".join(f"{zh(VisitKind, k)}{n}次" for k, n in
                    sorted(by_kind.items(), key=lambda kv: list(VisitKind).index(kv[0])))


def _failed_by_unit(conn: sa.Connection, visits: dict[str, dict]) -> dict[str, str]:
    """Per unit id: the checklist items its visits failed, "在岗在位、亮证上岗（2次）"."""
    counts: dict[str, dict[str, int]] = {}
    for visit_id, items in failed_items(conn, list(visits)).items():
        per_unit = counts.setdefault(visits[visit_id]["unit_id"] or "", {})
        for item in items:
            per_unit[item["text"]] = per_unit.get(item["text"], 0) + 1
    return {unit: "、".join(t if n == 1 else f"{t}（{n}次）" for t, n in texts.items())
            for unit, texts in counts.items()}


def unit_sections(conn: sa.Connection, period: Period) -> list[tuple[str, str, list[list], str]]:
    """Per unit (by name): its visit counts, its findings' rows and its failed checklist items."""
    visits = visits_in(conn, period)
    findings = findings_of(conn, visits, period)
    problems = problems_from(conn, [f["id"] for f in findings], period.campaign_id)
    redactor = secret_redactor(conn, visits)
    labels = unit_labels(conn)
    by_unit: dict[str, tuple[list, list]] = {}
    for v in visits.values():
        by_unit.setdefault(v["unit_id"] or "", ([], []))[0].append(v)
    for f in findings:
        visit = visits.get(f["visit_id"]) or {}
        unit = f["unit_id"] or visit.get("unit_id") or ""
        secret = visit.get("kind", VisitKind.SECRET) == VisitKind.SECRET
        row = [zh(FindingCategory, f["category"]), _description(f, secret, redactor),
               _done(problems.get(f["id"], []))]
        by_unit.setdefault(unit, ([], []))[1].append(row)
    failed = _failed_by_unit(conn, visits)
    sections = [(labels.get(uid, "") or "其他", _counts(vs), rows, failed.get(uid, ""))
                for uid, (vs, rows) in by_unit.items()]
    return sorted(sections, key=lambda s: s[0])


def visit_round_blocks(conn: sa.Connection, period: Period, *, number: str, office: str,
                       issued_on: date) -> list[d.Block]:
    sections = unit_sections(conn, period)
    found = sum(len(rows) for _, _, rows, _ in sections)
    blocks = [*d.masthead(office, number, red=True), d.title(TITLE),
              d.para("各乡镇（街道）、县直各部门："),
              d.para(f"{d.cn_date(period.date_from)}至{d.cn_date(period.date_to)}，{office}"
                     f"组织对{len(sections)}个单位开展明察暗访，发现问题{found}个。"
                     "现将有关情况通报如下：")]
    for i, (unit, counts, rows, failed) in enumerate(sections, start=1):
        blocks.append(d.heading(f"{ordinal(i)}、{unit}"))
        blocks.append(d.para(f"开展{counts or '督查0次'}，发现问题{len(rows)}个。"))
        if failed:
            blocks.append(d.para(f"检查清单未通过项：{failed}。"))
        if rows:
            blocks.append(d.table(FINDINGS_HEADER, [[n, *r] for n, r in
                                                    enumerate(rows, start=1)], FINDINGS_WIDTHS))
    blocks += [d.para("各单位要对照通报的问题，举一反三，按期整改到位。"),
               *d.signoff(office, issued_on)]
    return blocks


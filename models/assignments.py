"""Findings become problems at HQ (交办, issue 14 §1), and a problem gathers its sources.

HQ turns one or more findings into a problem: the first finding's unit, the campaign of its
date (else the open one), a proposed description, a deadline of today + the office settings'
default, a responsible person. `problem.source`/`source_id` keep the first finding (existing
outputs and the office's opinion → problem flow read them); one `problem_source` row per source
records them all (docs/authorization.md: HQ alone writes them). More sources — findings, an
opinion, a visit, a dissatisfied form — may be added later, at HQ only.

A problem is confidential when ANY of its sources is a secret visit's (models/confidential.py);
for such a problem HQ writes, or takes as proposed, the unit-facing `assignment_text`
(`rules.propose_assignment_text`: the finding's category and description, never the visit's
date, time, place, team or people).
"""

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from models import rules, services
from models.campaigns import open_campaign_id
from models.confidential import FLAG, judge_link, row_lookup
from models.enums import Level, ProblemSource, SourceKind, VisitKind
from models.errors import Problem, ValidationError
from models.office_settings import read_office_settings
from models.records import Evaluation, Finding, Opinion, Visit
from models.records import Problem as ProblemRow
from models.rectification import ProblemSourceLink
from models.reference import Campaign, Representative, Team
from models.security.roles import require_hq_device
from models.store.writes import WriteSession
from models.timeutil import local_today

HQ_ONLY = "problem_sources_hq_only"
_TABLE = {SourceKind.FINDING: Finding, SourceKind.OPINION: Opinion, SourceKind.VISIT: Visit,
          SourceKind.EVALUATION: Evaluation}


def _require_hq(conn: sa.Connection) -> None:
    require_hq_device(conn, ["problem_source"], "Only HQ makes problems from findings and "
                                                "records where a problem came from.", HQ_ONLY)


def _live(conn: sa.Connection, model, ids: list[str]) -> dict[str, dict]:
    t = model.__table__
    rows = conn.execute(sa.select(t).where(t.c.id.in_(ids), t.c.deleted_at.is_(None)))
    return {r["id"]: dict(r) for r in rows.mappings()}


def findings_for(conn: sa.Connection, finding_ids: list[str]) -> list[dict]:
    """The live findings, in the order given; ValidationError naming any not found here."""
    found = _live(conn, Finding, list(finding_ids))
    missing = [i for i in finding_ids if i not in found]
    if missing or not finding_ids:
        raise ValidationError(Problem.of("source_id", "source_not_found"))
    return [found[i] for i in dict.fromkeys(finding_ids)]


def visit_secrets(conn: sa.Connection, visit_ids: list[str]) -> list[str]:
    """What names a secret visit in free text: its place, account, team and people."""
    visits = [v for v in _live(conn, Visit, [i for i in visit_ids if i]).values()
              if v["kind"] == VisitKind.SECRET]
    words = [w for v in visits for w in (v["place"], v["summary"])]
    team_ids = [v["team_id"] for v in visits if v["team_id"]]
    rep_ids = [r for v in visits for r in (v["representative_ids"] or [])]
    t, rep = Team.__table__, Representative.__table__
    words += conn.execute(sa.select(t.c.name).where(t.c.id.in_(team_ids))).scalars().all()
    words += conn.execute(sa.select(rep.c.name).where(rep.c.id.in_(rep_ids))).scalars().all()
    return [w for w in words if w]


def _campaign_of(conn: sa.Connection, day: date | None) -> str | None:
    """The live campaign whose dates hold the finding's day, else the open one."""
    c = Campaign.__table__
    if day is not None:
        held = conn.execute(sa.select(c.c.id).where(
            c.c.deleted_at.is_(None), c.c.start_date <= day, c.c.end_date >= day)
            .order_by(c.c.start_date.desc(), c.c.id).limit(1)).scalar()
        if held:
            return held
    return open_campaign_id(conn)


def proposal(conn: sa.Connection, finding_ids: list[str]) -> dict[str, Any]:
    """What the "Make a problem…" dialog starts from: unit, campaign, description, deadline,
    whether the source is confidential and, if so, the proposed assignment text."""
    findings = findings_for(conn, finding_ids)
    lookup = row_lookup(conn)
    confidential = any(judge_link(SourceKind.FINDING, f["id"], lookup)[0] for f in findings)
    days = read_office_settings(conn)["default_deadline_days"]
    first = findings[0]
    text = rules.propose_assignment_text(
        [(f["category"], f["description"]) for f in findings],
        visit_secrets(conn, [f["visit_id"] for f in findings])) if confidential else ""
    return {"unit_id": first["unit_id"], "campaign_id": _campaign_of(conn, first["found_on"]),
            "description": "\n".join(dict.fromkeys(f["description"] for f in findings)),
            "deadline": local_today() + timedelta(days=days), "responsible_person": "",
            "confidential": confidential, "assignment_text": text}


def make_problem(w: WriteSession, finding_ids: list[str], values: dict[str, Any]) -> str:
    """A problem from findings (HQ only), with one `problem_source` row per finding. `values`:
    the dialog's unit_id, description, deadline, responsible_person, assignment_text (the
    proposal fills what is not given)."""
    _require_hq(w.conn)
    base = proposal(w.conn, finding_ids)
    row = {k: base[k] for k in ("unit_id", "campaign_id", "description", "deadline",
                                "responsible_person", "assignment_text")}
    row.update({k: v for k, v in values.items() if k in row or k == "campaign_id"})
    row.update(source=ProblemSource.FINDING, source_id=finding_ids[0],
               reported_on=local_today())
    rules.raise_if(_assignment_problems(row, base["confidential"]))
    if base["confidential"]:
        row[FLAG] = True  # HQ judges it again on arrival; HQ's desk may raise it itself
    problem_id = services.create_record(w, ProblemRow, row)
    _write_links(w, problem_id, [(SourceKind.FINDING, f) for f in dict.fromkeys(finding_ids)])
    return problem_id


def _assignment_problems(row: dict, confidential: bool) -> list[Problem]:
    """A problem to assign names its unit; a confidential one, what the unit reads instead of
    its description."""
    problems = [] if row.get("unit_id") else [Problem.of("unit_id", "assignment_needs_unit")]
    if confidential and not (row.get("assignment_text") or "").strip():
        problems.append(Problem.of("assignment_text", "assignment_needs_text"))
    return problems


def add_sources(w: WriteSession, problem_id: str,
                sources: list[tuple[str, str]]) -> list[str]:
    """More sources for a problem (HQ only): (kind, id) of findings, an opinion, a visit, a
    dissatisfied form. Those it already has are skipped; raises the confidential flag when one
    of them is a secret visit's. The ids of the rows written."""
    _require_hq(w.conn)
    current = w.current(ProblemRow, problem_id)
    for kind, source_id in sources:
        _check_source(w.conn, SourceKind(kind), source_id)
    had = {(s["kind"], s["source_id"]) for s in sources_with_first(w.conn, current)}
    new = [(SourceKind(k), i) for k, i in dict.fromkeys(sources) if (k, i) not in had]
    ids = _write_links(w, problem_id, new)
    lookup = row_lookup(w.conn)
    if not current[FLAG] and any(judge_link(k, i, lookup)[0] for k, i in new):
        services.update_record(w, ProblemRow, problem_id, {FLAG: True})
    return ids


def _check_source(conn: sa.Connection, kind: SourceKind, source_id: str) -> None:
    row = _live(conn, _TABLE[kind], [source_id]).get(source_id)
    if row is None:
        raise ValidationError(Problem.of("source_id", "source_not_found"))
    if kind == SourceKind.EVALUATION and row["level"] != Level.DISSATISFIED:
        raise ValidationError(Problem.of("source_id", "source_form_not_dissatisfied"))


def _write_links(w: WriteSession, problem_id: str,
                 sources: list[tuple[SourceKind, str]]) -> list[str]:
    return w.create_many(ProblemSourceLink, [
        {"problem_id": problem_id, "kind": kind, "source_id": source_id}
        for kind, source_id in sources]) if sources else []


def sources_with_first(conn: sa.Connection, problem: dict) -> list[dict]:
    """Where the problem came from: its `problem_source` rows, and its own link first when no
    row records it (a problem made before issue 14, or from an opinion at the office)."""
    t = ProblemSourceLink.__table__
    rows = [dict(r) for r in conn.execute(sa.select(t.c.id, t.c.kind, t.c.source_id).where(
        t.c.problem_id == problem["id"], t.c.deleted_at.is_(None))
        .order_by(t.c.created_at, t.c.id)).mappings()]
    own = (problem.get("source"), problem.get("source_id"))
    if own[1] and own[0] in (ProblemSource.FINDING, ProblemSource.OPINION) and \
            own not in {(r["kind"], r["source_id"]) for r in rows}:
        rows.insert(0, {"id": None, "kind": own[0], "source_id": own[1]})
    return rows


def problems_from(conn: sa.Connection, kind: str, source_id: str) -> list[dict]:
    """The live problems a finding (opinion, visit, form) fed: by their own link or a
    `problem_source` row."""
    p, t = ProblemRow.__table__, ProblemSourceLink.__table__
    linked = sa.select(t.c.problem_id).where(t.c.kind == kind, t.c.source_id == source_id,
                                             t.c.deleted_at.is_(None))
    rows = conn.execute(sa.select(p.c.id, p.c.description, p.c.unit_id, p.c.status,
                                  p.c.deadline).where(
        p.c.deleted_at.is_(None),
        sa.or_(sa.and_(p.c.source == kind, p.c.source_id == source_id), p.c.id.in_(linked)))
        .order_by(p.c.reported_on, p.c.id)).mappings()
    return [dict(r) for r in rows]

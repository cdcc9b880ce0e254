"""What the window shows of where problems come from (issue 14 §1): a problem's sources, the
problems a finding fed, and what the "Make a problem…" dialog starts from. No Qt: the pages put
the labels on these plain rows in the window's language.

A source is described by what this device may show: a finding by its category and unit, an
opinion by the start of its text, a form by its unit and reason, a visit by its kind and unit —
its date only at HQ (docs/redaction.md R1: a secret visit's date, place and team never leave
HQ; an office holds no visits or findings at all and shows just the kind).
"""

import sqlalchemy as sa

from models import assignments
from models.records import Evaluation, Finding, Opinion, Visit
from models.records import Problem as ProblemRow

SUMMARY_CHARS = 40
_TABLES = {"finding": Finding, "opinion": Opinion, "visit": Visit, "evaluation": Evaluation}


def problem_sources(conn: sa.Connection, problem_id: str, *, at_hq: bool) -> list[dict]:
    """[{kind, category, unit_id, text, visit_kind, day}] — every source of the problem, its
    own link first; fields this device cannot (or may not) show are None."""
    p = ProblemRow.__table__
    problem = conn.execute(sa.select(p).where(p.c.id == problem_id)).mappings().first()
    if problem is None:
        return []
    return [_describe(conn, s["kind"], s["source_id"], dict(problem), at_hq)
            for s in assignments.sources_with_first(conn, dict(problem))]


def _describe(conn: sa.Connection, kind: str, source_id: str, problem: dict,
              at_hq: bool) -> dict:
    out = {"kind": str(kind), "category": None, "unit_id": None, "text": None,
           "visit_kind": None, "day": None}
    t = _TABLES[str(kind)].__table__
    row = conn.execute(sa.select(t).where(t.c.id == source_id)).mappings().first()
    if row is None:  # not held here (an office holds no findings): what HQ read of it
        if str(kind) == "finding" and source_id == problem.get("source_id"):
            out["category"] = problem.get("source_category")
        return out
    out["unit_id"] = row["unit_id"]
    if kind == "finding":
        out["category"] = row["category"]
    elif kind == "opinion":
        out["text"] = _summary(row["text"])
    elif kind == "evaluation":
        out["text"] = _summary(row["reason"])
    elif kind == "visit":
        out["visit_kind"] = row["kind"]
        out["day"] = row["visit_date"] if at_hq else None
    return out


def _summary(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"


def problems_fed_by(conn: sa.Connection, finding_id: str) -> list[dict]:
    """The problems a finding fed: [{id, description, unit_id, status, deadline}]."""
    return assignments.problems_from(conn, "finding", finding_id)


def problem_proposal(conn: sa.Connection, finding_ids: list[str]) -> dict:
    """What "Make a problem…" starts from (models/assignments.py `proposal`), and the findings'
    categories and units for the dialog's heading."""
    values = assignments.proposal(conn, finding_ids)
    findings = assignments.findings_for(conn, finding_ids)
    values["findings"] = [{"category": f["category"], "unit_id": f["unit_id"]}
                          for f in findings]
    return values

"""The discipline exposure notice (曝光, issue 14 §5), DOCX and PDF: the accountability cases HQ
chose for publication (`accountability_case.published`, ticked on the case at HQ), each with its
unit, person, violation, outcome and date.

The person is printed from the case's own field, as the office recorded it for publication
(often already "张某"); every free text follows docs/redaction.md: the violation is scrubbed as
any public text (contacts, phone and ID numbers, representatives, people criticised in private
masked: R1–R4, R7), the place, summary, team and representatives of every secret visit are
masked, and a case opened for a problem whose source is confidential also loses every date and
time of day of its violation (R1), as the visit-round report treats a secret visit's finding.
"""

from datetime import date

import sqlalchemy as sa

from models.enums import CaseSubject, Outcome, VisitKind
from models.records import AccountabilityCase, Visit
from models.records import Problem as ProblemRow
from reports import document as d
from reports.criticism import ordinal
from reports.data import unit_labels
from reports.errors import ReportError
from reports.labels import zh
from reports.redaction import Redactor
from reports.visit_round import TIME, secret_redactor

TITLE = "典型问题曝光"


def published_cases(conn: sa.Connection) -> list[dict]:
    """The live cases chosen for the exposure notice, oldest decision first."""
    t = AccountabilityCase.__table__
    rows = conn.execute(sa.select(t).where(t.c.deleted_at.is_(None), t.c.published.is_(True))
                        .order_by(t.c.decided_on, t.c.id)).mappings()
    return [dict(r) for r in rows]


def exposure_redactor(conn: sa.Connection) -> Redactor:
    """The public redactor, also masking the team and representatives of every secret visit."""
    v = Visit.__table__
    secret = conn.execute(sa.select(v).where(v.c.kind == VisitKind.SECRET)).mappings()
    return secret_redactor(conn, {r["id"]: dict(r) for r in secret})


def secret_cases(conn: sa.Connection, cases: list[dict], redactor: Redactor) -> set[str]:
    """The cases opened for at least one problem whose source is confidential."""
    p = ProblemRow.__table__
    ids = {i for c in cases for i in (c["problem_ids"] or [])}
    if not ids:
        return set()
    problems = {r["id"]: dict(r) for r in conn.execute(
        sa.select(p.c.id, p.c.confidential_source, p.c.source_category)
        .where(p.c.id.in_(ids))).mappings()}
    return {c["id"] for c in cases
            if any(redactor.is_secret(problems.get(i) or {"id": i, "confidential_source": True})
                   for i in c["problem_ids"] or [])}


def violation_text(case: dict, secret: bool, redactor: Redactor) -> str:
    text = redactor.scrub(case["violation"], drop_dates=secret)
    return TIME.sub("", text) if secret else text


def exposure_blocks(conn: sa.Connection, *, number: str, office: str,
                    issued_on: date) -> list[d.Block]:
    cases = published_cases(conn)
    if not cases:
        raise ReportError(code="no_published_case")
    labels, redactor = unit_labels(conn), exposure_redactor(conn)
    secret = secret_cases(conn, cases, redactor)
    blocks = [*d.masthead(office, number, red=True), d.title(TITLE),
              d.para("各乡镇（街道）、县直各部门："),
              d.para(f"为严肃纪律、警示教育，现将{len(cases)}起典型问题曝光如下：")]
    for i, c in enumerate(cases, start=1):
        unit = labels.get(c["unit_id"] or "", "")
        person = c["person_name"] if c["subject"] == CaseSubject.PERSON else ""
        who = "".join(part for part in (unit, person) if part) or "有关单位"
        blocks.append(d.heading(f"{ordinal(i)}、{who}"))
        violation = violation_text(c, c["id"] in secret, redactor).rstrip("。")
        when = f"（{d.cn_date(c['decided_on'])}）" if c["decided_on"] else ""
        blocks.append(d.para(f"{violation}。处理结果：{zh(Outcome, c['outcome'])}{when}。"))
    blocks += [d.para("各单位要以案为鉴、引以为戒，切实改进作风，严格遵守工作纪律。"),
               *d.signoff(office, issued_on)]
    return blocks


def exposure_ids(conn: sa.Connection) -> list[str]:
    """The cases the notice carries: what HQ records against its number."""
    return [c["id"] for c in published_cases(conn)]

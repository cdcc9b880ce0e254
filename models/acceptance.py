"""HQ's answers to a unit (issue 14 §2, loop.md decision 4): accepting (验收) or returning (退回)
its rectification reports, approving or refusing its requests for a later deadline (延期申请).

Each answer is an ordinary write of HQ's own store (outboxed, attributed, in the audit chain)
that HQ's sync then carries to the unit: the report's or request's answer fields, and the
problem's own change (verified, back to rectifying, a later deadline) through the same
validated entry points as any other edit, so the problem's rules still hold. Only HQ answers
(`require_hq_device`: a standalone office, which has no HQ above it, answers for itself).
"""

from typing import Any

import sqlalchemy as sa

from models import services
from models.enums import ExtensionDecision, ProblemStatus, ProfileRole, ReportReview
from models.errors import DomainError, Problem, ValidationError
from models.records import Attachment
from models.records import Problem as ProblemRow
from models.rectification import ExtensionRequest, RectificationReport
from models.reference import Unit
from models.security.roles import require_hq_device
from models.store.writes import WriteSession
from models.timeutil import local_today

REPORT, REQUEST = RectificationReport.__table__, ExtensionRequest.__table__
PROBLEM, PHOTO = ProblemRow.__table__, Attachment.__table__
_PROBLEM_COLUMNS = (PROBLEM.c.description, PROBLEM.c.unit_id, PROBLEM.c.deadline,
                    PROBLEM.c.status, PROBLEM.c.campaign_id)


# --- what awaits HQ ----------------------------------------------------------------------------
def unit_paths(conn: sa.Connection) -> dict[str, str]:
    """{unit id: "余庆县/白泥镇/卫生院"} of every live unit."""
    t = Unit.__table__
    units = {r.id: (r.name, r.parent_id) for r in conn.execute(
        sa.select(t.c.id, t.c.name, t.c.parent_id).where(t.c.deleted_at.is_(None)))}
    paths = {}
    for unit_id in units:
        names, seen, node = [], set(), unit_id
        while node in units and node not in seen:
            seen.add(node)
            names.append(units[node][0])
            node = units[node][1]
        paths[unit_id] = "/".join(reversed(names))
    return paths


def awaiting_acceptance(conn: sa.Connection) -> list[dict]:
    """The reports that say the rectification is completed and that HQ has not answered, of
    live problems, oldest report first: the report's fields, its problem's (description, unit,
    deadline, status), the unit's path and how many photos the report carries."""
    photos = (sa.select(sa.func.count()).select_from(PHOTO)
              .where(PHOTO.c.owner_table == REPORT.name, PHOTO.c.owner_id == REPORT.c.id,
                     PHOTO.c.deleted_at.is_(None)).scalar_subquery())
    rows = conn.execute(
        sa.select(REPORT.c.id, REPORT.c.problem_id, REPORT.c.what_done, REPORT.c.progress,
                  REPORT.c.completed_on, REPORT.c.reported_on, REPORT.c.reported_by,
                  *_PROBLEM_COLUMNS, photos.label("photos"))
        .join(PROBLEM, PROBLEM.c.id == REPORT.c.problem_id)
        .where(REPORT.c.deleted_at.is_(None), PROBLEM.c.deleted_at.is_(None),
               REPORT.c.completed_on.is_not(None), REPORT.c.review == ReportReview.PENDING)
        .order_by(REPORT.c.reported_on, REPORT.c.created_at)).mappings().all()
    return _with_paths(conn, rows)


def pending_extensions(conn: sa.Connection) -> list[dict]:
    """The requests for a later deadline HQ has not decided, of live problems, oldest first:
    the request's fields and its problem's (the deadline as it stands now)."""
    rows = conn.execute(
        sa.select(REQUEST.c.id, REQUEST.c.problem_id, REQUEST.c.current_deadline,
                  REQUEST.c.requested_deadline, REQUEST.c.reason, REQUEST.c.requested_on,
                  REQUEST.c.requested_by, *_PROBLEM_COLUMNS)
        .join(PROBLEM, PROBLEM.c.id == REQUEST.c.problem_id)
        .where(REQUEST.c.deleted_at.is_(None), PROBLEM.c.deleted_at.is_(None),
               REQUEST.c.decision == ExtensionDecision.PENDING)
        .order_by(REQUEST.c.requested_on, REQUEST.c.created_at)).mappings().all()
    return _with_paths(conn, rows)


def _with_paths(conn: sa.Connection, rows: Any) -> list[dict]:
    paths = unit_paths(conn)
    return [{**row, "unit_path": paths.get(row["unit_id"], "")} for row in rows]


# --- HQ's answers --------------------------------------------------------------------------------
def _pending_report(w: WriteSession, report_id: str) -> dict:
    require_hq_device(w.conn, ["review"], "Only HQ accepts or returns a rectification report.",
                      "report_review_hq_only")
    report = w.current(RectificationReport, report_id)
    if report["review"] != ReportReview.PENDING:
        raise DomainError(code="report_already_reviewed")
    return report


def _review(w: WriteSession, report_id: str, review: ReportReview, reason: str) -> None:
    services.update_record(w, RectificationReport, report_id, {
        "review": review, "review_reason": reason, "reviewed_on": local_today(),
        "reviewed_by": w.profile})


def accept_report(w: WriteSession, report_id: str, note: str = "") -> None:
    """验收: the report is accepted and its problem verified, rectified on the day the unit
    completed it (unless already set), HQ's note as the verification. A verified problem needs
    its measures: the report's account of what was done, when the problem has none."""
    report = _pending_report(w, report_id)
    if report["completed_on"] is None:
        raise DomainError(code="report_not_completed")
    problem = w.current(ProblemRow, report["problem_id"])
    changes: dict[str, Any] = {}
    if not (problem["measures"] or "").strip():
        changes["measures"] = report["what_done"]
    if note.strip():
        changes["verification"] = note.strip()
    if problem["rectified_on"] is None:
        changes["rectified_on"] = report["completed_on"]
    if changes:
        services.update_record(w, ProblemRow, problem["id"], changes)
    services.change_problem_status(w, problem["id"], ProblemStatus.VERIFIED,
                                   actor_role=ProfileRole.HQ)
    _review(w, report_id, ReportReview.ACCEPTED, "")


def return_report(w: WriteSession, report_id: str, reason: str) -> None:
    """退回: the report is returned with HQ's reason (the liaison reads it) and its problem goes
    back to rectifying (a reopen, with the same reason, when it had gone further)."""
    if not (reason or "").strip():
        raise ValidationError(Problem.of("review_reason", "return_needs_reason"))
    report = _pending_report(w, report_id)
    services.change_problem_status(w, report["problem_id"], ProblemStatus.RECTIFYING,
                                   actor_role=ProfileRole.HQ, reopen_reason=reason.strip())
    _review(w, report_id, ReportReview.RETURNED, reason.strip())


def _pending_request(w: WriteSession, request_id: str) -> dict:
    require_hq_device(w.conn, ["decision"], "Only HQ decides on a request for a later deadline.",
                      "extension_decision_hq_only")
    request = w.current(ExtensionRequest, request_id)
    if request["decision"] != ExtensionDecision.PENDING:
        raise DomainError(code="extension_already_decided")
    return request


def _decide(w: WriteSession, request_id: str, decision: ExtensionDecision, reason: str) -> None:
    services.update_record(w, ExtensionRequest, request_id, {
        "decision": decision, "decision_reason": reason, "decided_on": local_today(),
        "decided_by": w.profile})


def approve_extension(w: WriteSession, request_id: str) -> None:
    """The problem's deadline becomes the one requested (an ordinary, audited change of the
    problem), and the request is approved: the problem no longer counts towards the
    accountability list (models.stats.accountability_candidates)."""
    request = _pending_request(w, request_id)
    services.update_record(w, ProblemRow, request["problem_id"],
                           {"deadline": request["requested_deadline"]})
    _decide(w, request_id, ExtensionDecision.APPROVED, "")


def refuse_extension(w: WriteSession, request_id: str, reason: str) -> None:
    """The request is refused with HQ's reason; the deadline stays."""
    if not (reason or "").strip():
        raise ValidationError(Problem.of("decision_reason", "refusal_needs_reason"))
    _pending_request(w, request_id)
    _decide(w, request_id, ExtensionDecision.REFUSED, reason.strip())


__all__ = ["accept_report", "approve_extension", "awaiting_acceptance", "pending_extensions",
           "refuse_extension", "return_report", "unit_paths"]

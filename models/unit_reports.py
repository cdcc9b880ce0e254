"""What a unit's liaison (联络员) writes back about its own problems (issue 14 §2): it signs for
an assigned problem (签收), asks for a later deadline with a reason (延期申请) and reports what
was done (整改报告), with photos as evidence.

Only a unit device writes these, and only for a problem of its units that it holds (HQ sends
it nothing else); it never changes the problem itself, and never sets HQ's answer fields
(`rules.EXTENSION_DECISION_FIELDS`, `rules.REPORT_REVIEW_FIELDS`): those keep their defaults
until HQ answers. The rules are models/rules.py's, which HQ applies too. Every write goes
through the one write path (`WriteSession`), so it is outboxed, attributed and in the audit
chain.

A report's photos are stripped of their location and camera data HERE, before they are hashed
and sealed (models/security/published.py's byte surgery, no re-compression): the only bytes
this device keeps, sends and HQ holds are the stripped ones, so no copy anywhere says where the
liaison stood. A format that cannot be cleaned (HEIC, WebP...) is refused, naming the file.
"""

import struct
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from models import rules
from models.enums import DeviceRole, ExtensionDecision, ProblemStatus, ReportReview
from models.errors import DomainError, NotFoundError, Problem, ValidationError
from models.records import Attachment
from models.records import Problem as ProblemRow
from models.rectification import ExtensionRequest, ProblemReceipt, RectificationReport
from models.reference import Unit
from models.security.attachment_store import BlobStore
from models.security.published import UnsupportedImageError, strip_location
from models.store.store import get_meta
from models.store.writes import WriteSession
from models.timeutil import local_today

REPORT_OWNER = "rectification_report"  # Attachment.owner_table of a report's photos


def unit_scope(conn: sa.Connection) -> set[str] | None:
    """The units this device answers for: the unit it was enrolled for and all its
    descendants. None when the store names no unit (HQ sends a unit device only its own
    problems, so the store's problems are then all of them)."""
    root = get_meta(conn, "unit_id")
    if not root:
        return None
    t = Unit.__table__
    parents = {row.id: row.parent_id for row in conn.execute(
        sa.select(t.c.id, t.c.parent_id).where(t.c.deleted_at.is_(None)))}
    scope, frontier = {root}, {root}
    while frontier:
        frontier = {u for u, parent in parents.items() if parent in frontier} - scope
        scope |= frontier
    return scope


def _unit_problem(conn: sa.Connection, problem_id: str) -> dict:
    """The problem, when this is a unit device holding it for one of its units."""
    if get_meta(conn, "device_role") != DeviceRole.UNIT:
        raise DomainError(code="unit_device_only")
    t = ProblemRow.__table__
    row = conn.execute(sa.select(t.c.id, t.c.unit_id, t.c.deadline, t.c.status).where(
        t.c.id == problem_id, t.c.deleted_at.is_(None))).mappings().first()
    scope = unit_scope(conn)
    if row is None or scope is not None and row["unit_id"] not in scope:
        raise NotFoundError(code="problem_not_for_unit")
    return dict(row)


def _open_problem(conn: sa.Connection, problem_id: str) -> dict:
    problem = _unit_problem(conn, problem_id)
    if problem["status"] == ProblemStatus.VERIFIED:
        raise DomainError(code="problem_verified_closed")
    return problem


def _exists(conn: sa.Connection, table: sa.Table, problem_id: str, *where) -> bool:
    query = sa.select(sa.literal(1)).select_from(table).where(
        table.c.problem_id == problem_id, table.c.deleted_at.is_(None), *where).limit(1)
    return conn.execute(query).first() is not None


def sign_for(w: WriteSession, problem_id: str) -> str:
    """Sign for an assigned problem (签收), once. The problem itself does not change."""
    _unit_problem(w.conn, problem_id)
    rules.raise_if(rules.receipt_problems(
        _exists(w.conn, ProblemReceipt.__table__, problem_id)))
    return w.create(ProblemReceipt, {"problem_id": problem_id, "signed_on": local_today(),
                                     "signed_by": w.profile})


def request_extension(w: WriteSession, problem_id: str, requested_deadline: date | None,
                      reason: str) -> str:
    """Ask HQ for a later deadline (延期申请); HQ's decision stays pending until it answers."""
    problem = _open_problem(w.conn, problem_id)
    t = ExtensionRequest.__table__
    pending = _exists(w.conn, t, problem_id, t.c.decision == ExtensionDecision.PENDING)
    rules.raise_if(rules.extension_problems(problem["deadline"], requested_deadline, reason,
                                            pending=pending))
    return w.create(ExtensionRequest, {
        "problem_id": problem_id, "current_deadline": problem["deadline"],
        "requested_deadline": requested_deadline, "reason": reason.strip(),
        "requested_on": local_today(), "requested_by": w.profile})


def submit_report(w: WriteSession, blobs: BlobStore, problem_id: str, what_done: str,
                  progress: str = "", completed_on: date | None = None,
                  photos: list[str | Path] = ()) -> str:
    """Report what was done (整改报告); `completed_on` set marks the rectification completed and
    puts the report on HQ's "awaiting acceptance" list. `photos` (file paths) are cleaned of
    their location and camera data before anything is kept; one that cannot be refuses the
    whole report, before anything is written."""
    _open_problem(w.conn, problem_id)
    t = RectificationReport.__table__
    awaiting = _exists(w.conn, t, problem_id, t.c.completed_on.is_not(None),
                       t.c.review == ReportReview.PENDING)
    rules.raise_if(rules.report_problems(what_done, completed_on, local_today(),
                                         awaiting=awaiting))
    cleaned = clean_photos(photos)
    report_id = w.create(RectificationReport, {
        "problem_id": problem_id, "what_done": what_done.strip(), "progress": progress.strip(),
        "completed_on": completed_on, "reported_on": local_today(), "reported_by": w.profile})
    w.create_many(Attachment, [{
        "sha256": blobs.put(data), "size": len(data), "media_type": rules.photo_media_type(data),
        "owner_table": REPORT_OWNER, "owner_id": report_id, "original_name": name,
    } for name, data in cleaned])
    return report_id


def clean_photos(photos: list[str | Path]) -> list[tuple[str, bytes]]:
    """(file name, bytes without location or camera data) of each photo; every file that is
    no photo, or one that cannot be cleaned, is named in one refusal."""
    cleaned, problems = [], []
    for photo in photos:
        path = Path(photo)
        data = path.read_bytes()
        found = rules.photo_problems(path.name, data[:32])
        if not found:
            try:
                cleaned.append((path.name, strip_location(data)))
                continue
            except (UnsupportedImageError, IndexError, struct.error) as exc:
                code = ("report_photo_not_cleanable" if getattr(exc, "code", "")
                        == "photo_not_cleanable" else "report_photo_damaged")
                found = [Problem.of("photo", code, file=path.name)]
        problems += found
    if problems:
        raise ValidationError(problems)
    return cleaned

"""What HQ's acceptance page and the accountability case form read (issue 14 §2, §3): the
reports awaiting acceptance, the requests for a later deadline, a report's photos and the
problems a case was opened for. Each runs on the DB worker and returns plain rows."""

import sqlalchemy as sa

from models.acceptance import awaiting_acceptance, pending_extensions
from models.records import Problem
from models.security.attachment_store import BlobStore


def answers_awaited(conn: sa.Connection) -> dict[str, list[dict]]:
    """{reports: awaiting acceptance, requests: pending extensions}, in one read."""
    return {"reports": awaiting_acceptance(conn), "requests": pending_extensions(conn)}


def report_photos(conn: sa.Connection, blobs: BlobStore, report_id: str) -> list[dict]:
    """The photos of one rectification report, with their bytes (b"" while still at HQ)."""
    from desktop.data.attachments import attachments_of

    return attachments_of(conn, blobs, "rectification_report", report_id)


def linked_problems(conn: sa.Connection, problem_ids: list[str]) -> list[dict]:
    """The problems a case names, in its order: description, unit, deadline, status. A problem
    deleted since is still named (the case was opened for it)."""
    if not problem_ids:
        return []
    t = Problem.__table__
    rows = {r["id"]: dict(r) for r in conn.execute(
        sa.select(t.c.id, t.c.description, t.c.unit_id, t.c.deadline, t.c.status,
                  t.c.deleted_at).where(t.c.id.in_(problem_ids))).mappings()}
    return [rows[i] for i in problem_ids if i in rows]

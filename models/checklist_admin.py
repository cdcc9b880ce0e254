"""HQ's side of the checklists (issue 16 §2): writing a template, always as a new version.

A template is never changed in place: a visit's results point at the items it was worked
through with. Saving makes a new row of the same family with version + 1 and its own items, and
retires the version it replaces (`active` false). Only HQ writes templates: the device's own
write path refuses it here with `checklist_hq_only` (a standalone office or a demo acts as its
own HQ), and HQ refuses a pushed one with the same code (sync/server/scope.py).
"""

import sqlalchemy as sa

from models.checklist_tables import ChecklistItem, ChecklistTemplate
from models.checklists import items_of
from models.errors import Problem, ValidationError
from models.ids import new_id
from models.security.roles import require_hq_device
from models.store.writes import WriteSession

HQ_ONLY = "checklist_hq_only"


def _require_hq(w: WriteSession) -> None:
    require_hq_device(w.conn, ["checklist"], "Only HQ writes checklist templates; this device "
                                             "reads them.", HQ_ONLY)


def save_template(w: WriteSession, *, family_id: str | None, unit_kind: str, name: str,
                  name_en: str, items: list[dict]) -> str:
    """Write a template as a new version of `family_id` (None: a new template, version 1).
    `items`: dicts with text, text_en, category, in order. Returns the new version's id."""
    from models.services import validated

    _require_hq(w)
    if not [i for i in items if (i.get("text") or "").strip()]:
        raise ValidationError(Problem.of("items", "checklist_needs_items"))
    previous = _latest(w.conn, family_id) if family_id else None
    template_id = new_id()
    row = validated(ChecklistTemplate, {
        "family_id": family_id or template_id, "unit_kind": unit_kind, "name": name.strip(),
        "name_en": name_en.strip(), "active": True,
        "version": previous["version"] + 1 if previous else 1})
    w.create(ChecklistTemplate, {**row, "id": template_id})
    rows = [validated(ChecklistItem, {**{k: i.get(k, "") for k in ("text", "text_en")},
                                      "category": i.get("category") or "other",
                                      "template_id": template_id, "position": n})
            for n, i in enumerate(x for x in items if (x.get("text") or "").strip())]
    w.create_many(ChecklistItem, rows)
    for old in _active_versions(w.conn, family_id) if family_id else ():
        if old != template_id:
            w.update(ChecklistTemplate, old, {"active": False})
    return template_id


def _latest(conn: sa.Connection, family_id: str) -> dict | None:
    t = ChecklistTemplate.__table__
    row = conn.execute(sa.select(t).where(t.c.family_id == family_id)
                       .order_by(t.c.version.desc()).limit(1)).mappings().first()
    return dict(row) if row else None


def _active_versions(conn: sa.Connection, family_id: str) -> list[str]:
    t = ChecklistTemplate.__table__
    return list(conn.execute(sa.select(t.c.id).where(
        t.c.family_id == family_id, t.c.active.is_(True), t.c.deleted_at.is_(None))).scalars())


def templates(conn: sa.Connection) -> list[dict]:
    """The active templates with their items (for HQ's page), by unit kind."""
    t = ChecklistTemplate.__table__
    rows = conn.execute(sa.select(t).where(t.c.active.is_(True), t.c.deleted_at.is_(None))
                        .order_by(t.c.unit_kind, t.c.version.desc())).mappings()
    return [{**dict(r), "items": items_of(conn, r["id"])} for r in rows]


__all__ = ["HQ_ONLY", "save_template", "templates"]

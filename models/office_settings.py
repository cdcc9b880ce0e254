"""The county's office settings (issue 14 §5): one synced record, written at HQ, read everywhere.

The issuer's full name, the number prefix of each document kind, the hotline and e-mail, the
signer (签发人) of the upward work report, the default deadline of a new problem, N days for
"due soon" and K for the accountability list.
HQ alone writes it (`require_hq_device` here; HQ refuses a pushed change from any other device,
sync/server/scope.py); until HQ writes it, every device reads the defaults.
"""

from typing import Any

import sqlalchemy as sa

from models.ids import natural_id
from models.reference import OfficeSettings, OfficeSettingsCreate
from models.security.roles import require_hq_device
from models.store.writes import WriteSession

# One record per county: every HQ derives the same id, so two writes are one record.
OFFICE_SETTINGS_ID = natural_id("office_settings", "county")
FIELDS = tuple(OfficeSettingsCreate.model_fields)
# A document kind (as the numbering names it) -> the field holding its number prefix.
PREFIX_FIELD = {"criticism": "prefix_criticism", "assignment": "prefix_assignment",
                "reminder": "prefix_reminder", "visit_round": "prefix_visit_round",
                "exposure": "prefix_exposure", "work_report": "prefix_work_report"}
HQ_ONLY = "office_settings_hq_only"


def defaults() -> dict[str, Any]:
    return OfficeSettingsCreate().model_dump()


def read_office_settings(conn: sa.Connection) -> dict[str, Any]:
    """The settings as this device holds them (the defaults until HQ's record arrives)."""
    t = OfficeSettings.__table__
    row = conn.execute(sa.select(*(t.c[name] for name in FIELDS)).where(
        t.c.id == OFFICE_SETTINGS_ID, t.c.deleted_at.is_(None))).mappings().first()
    return dict(row) if row is not None else defaults()


def prefix_for(conn: sa.Connection, kind: str) -> str:
    """The number prefix HQ set for a document kind ("" when none is set)."""
    return read_office_settings(conn)[PREFIX_FIELD[kind]]


def save_office_settings(w: WriteSession, values: dict[str, Any]) -> dict[str, Any]:
    """Write the settings (HQ only); returns the fields that changed."""
    from models.services import validated

    before = read_office_settings(w.conn)
    row = validated(OfficeSettings, {**before, **values})
    changed = [name for name in FIELDS if row[name] != before[name]]
    require_hq_device(w.conn, changed, "Only HQ sets the office settings; this device reads "
                                       "them.", HQ_ONLY)
    if not changed:
        return {}
    exists = w.conn.execute(sa.select(OfficeSettings.__table__.c.id).where(
        OfficeSettings.__table__.c.id == OFFICE_SETTINGS_ID)).first() is not None
    if exists:
        return w.update(OfficeSettings, OFFICE_SETTINGS_ID, {k: row[k] for k in changed})
    w.create(OfficeSettings, {**row, "id": OFFICE_SETTINGS_ID})
    return {k: row[k] for k in changed}


__all__ = ["OFFICE_SETTINGS_ID", "PREFIX_FIELD", "prefix_for",
           "read_office_settings", "save_office_settings"]

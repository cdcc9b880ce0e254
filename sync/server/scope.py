"""The authorization matrix, enforced at HQ: who may pull, create, update, delete what.

Device role is fixed at enrollment and read from HQ's records, never from a payload. Clerk and
supervisor are profiles on an office device: HQ cannot tell them apart (a profile name is
attribution only), so their differences are enforced on the device; HQ enforces the device role.
docs/authorization.md is this table in prose.
"""

from collections.abc import Callable
from dataclasses import dataclass

import orjson
import sqlalchemy as sa

from models.enums import VisitKind, VisitStatus
from models.reference import Representative, Unit
from models.tables import SYNCED_TABLES
from sync.server.auth import DeviceIdentity

ALL = "rcud"
REFERENCE = ("unit", "team", "representative", "campaign")
# r = pull, c = create, u = update, d = delete. A missing table means no access at all.
MATRIX: dict[str, dict[str, str]] = {
    "hq": {name: ALL for name in SYNCED_TABLES},
    "office": {
        **{name: "rcu" for name in REFERENCE},
        "evaluation": "rcu", "opinion": "rcu", "problem": "rcu", "attachment": "rc",
        # paper-form batches and their double-entry verification keyings (the entry issue)
        "entry_batch": "rcu", "batch_keying": "rcu",
    },
    "representative": {
        **{name: "r" for name in REFERENCE},
        "visit": "rcud", "finding": "rcud", "personnel_criticism": "rcud",
        "opinion": "c", "attachment": "rc",
    },
    "kiosk": {"unit": "r", "campaign": "r", "evaluation": "c"},
}
# (role, table) pairs whose rows are filtered one by one (the rest is all-or-nothing per table).
ROW_FILTERED: dict[str, frozenset[str]] = {
    "representative": frozenset({"visit", "finding", "personnel_criticism", "attachment"}),
    "kiosk": frozenset({"unit", "evaluation"}),
    "office": frozenset({"attachment"}),
}
OP_LETTER = {"insert": "c", "update": "u", "delete": "d"}

Lookup = Callable[[str, str | None], dict | None]


@dataclass(frozen=True)
class Scope:
    device: DeviceIdentity
    team_id: str | None
    unit_ids: frozenset[str]

    @property
    def role(self) -> str:
        return self.device.role

    def pull_tables(self) -> list[str]:
        return [t for t, perms in MATRIX[self.role].items() if "r" in perms]

    def row_filtered(self, table: str) -> bool:
        return table in ROW_FILTERED.get(self.role, ())


def load_scope(conn: sa.Connection, device: DeviceIdentity) -> Scope:
    """The device's scope now: a representative follows their team if it changes at HQ."""
    team_id = device.team_id
    if device.representative_id:
        rep = Representative.__table__
        current = conn.execute(sa.select(rep.c.team_id).where(
            rep.c.id == device.representative_id)).scalar()
        team_id = current or team_id
    units = frozenset(_unit_and_ancestors(conn, device.unit_id)) if device.unit_id else frozenset()
    return Scope(device=device, team_id=team_id, unit_ids=units)


def _unit_and_ancestors(conn: sa.Connection, unit_id: str) -> list[str]:
    t, out = Unit.__table__, []
    while unit_id and unit_id not in out and len(out) < 50:
        out.append(unit_id)
        unit_id = conn.execute(sa.select(t.c.parent_id).where(t.c.id == unit_id)).scalar()
    return out


# --- writes ---------------------------------------------------------------------------------
def write_refusal(scope: Scope, table: str, op: str, rows: list[dict],
                  lookup: Lookup) -> str | None:
    """Why this device may not make this change, or None. `rows`: the row before and/or after
    the change (each must lie in the device's scope)."""
    perms = MATRIX[scope.role].get(table, "")
    if OP_LETTER[op] not in perms:
        return f"a {scope.role} device may not {_verb(op)} {table.replace('_', ' ')} records"
    check = _ROW_WRITE.get((scope.role, table))
    if check is None:
        return None
    for row in rows:
        reason = check(scope, row, lookup)
        if reason:
            return reason
    return None


def _verb(op: str) -> str:
    return {"insert": "create", "update": "change", "delete": "delete"}[op]


def _visit_in_team(scope: Scope, visit: dict | None, _lookup: Lookup) -> str | None:
    if visit is None:
        return "the visit is not known to HQ"
    if visit.get("team_id") != scope.team_id or scope.team_id is None:
        return "the visit belongs to another team"
    return None


def _finding_in_team(scope: Scope, finding: dict | None, lookup: Lookup) -> str | None:
    if finding is None:
        return "the finding is not known to HQ"
    if not finding.get("visit_id"):
        return None if finding.get("created_device") == scope.device.store_device_id else \
            "the finding belongs to another device"
    return _visit_in_team(scope, lookup("visit", finding["visit_id"]), lookup)


def _criticism_in_team(scope: Scope, row: dict, lookup: Lookup) -> str | None:
    if not row.get("finding_id"):
        return None if row.get("created_device") in (None, scope.device.store_device_id) else \
            "the criticism belongs to another device"
    return _finding_in_team(scope, lookup("finding", row["finding_id"]), lookup)


def _attachment_owner(scope: Scope, row: dict, lookup: Lookup) -> str | None:
    """A file goes only on a record HQ knows and this device may write: one it may change (by
    the row rules of that kind), or, for kinds it may only create, one it created."""
    owner = row.get("owner_table", "")
    perms = MATRIX[scope.role].get(owner, "")
    if "c" not in perms and "u" not in perms:
        return f"a {scope.role} device may not attach files to {owner} records"
    record = lookup(owner, row.get("owner_id"))
    if record is None:
        return "the record the file is attached to is not known to HQ"
    if "u" in perms:
        return write_refusal(scope, owner, "update", [record], lookup)
    if record.get("created_device") != scope.device.store_device_id:
        return f"a {scope.role} device attaches files only to {owner} records it made"
    return None


def _kiosk_form(scope: Scope, row: dict, _lookup: Lookup) -> str | None:
    if row.get("unit_id") != scope.device.unit_id:
        return "a kiosk records forms for its own unit only"
    return None


_ROW_WRITE = {
    ("representative", "visit"): lambda s, r, lk: _visit_in_team(s, r, lk),
    ("representative", "finding"): lambda s, r, lk: _finding_in_team(s, r, lk),
    ("representative", "personnel_criticism"): _criticism_in_team,
    ("representative", "attachment"): _attachment_owner,
    ("office", "attachment"): _attachment_owner,
    ("kiosk", "evaluation"): _kiosk_form,
}


# --- reads ----------------------------------------------------------------------------------
def as_list(value) -> list:
    if isinstance(value, str):
        return orjson.loads(value) if value else []
    return value or []


def visit_visible(scope: Scope, visit: dict | None) -> bool:
    """A planned secret visit: HQ and its assigned representatives only; otherwise the team."""
    if visit is None:
        return False
    assigned = scope.device.representative_id in as_list(visit.get("representative_ids"))
    secret_planned = (visit.get("kind") == VisitKind.SECRET
                      and visit.get("status") == VisitStatus.PLANNED)
    if secret_planned:
        return assigned
    return assigned or (scope.team_id is not None and visit.get("team_id") == scope.team_id)


def row_visible(scope: Scope, table: str, row: dict, lookup: Lookup) -> bool:
    if scope.role == "kiosk":
        return row.get("id") in scope.unit_ids if table == "unit" else False
    if table == "attachment":
        owner = row.get("owner_table", "")
        if "r" not in MATRIX[scope.role].get(owner, ""):
            return False
        if not scope.row_filtered(owner):
            return True
        return row_visible(scope, owner, lookup(owner, row.get("owner_id")) or {}, lookup)
    if table == "visit":
        return visit_visible(scope, row)
    if table == "finding":
        return visit_visible(scope, lookup("visit", row.get("visit_id")))
    if table == "personnel_criticism":
        if not row.get("finding_id"):
            return row.get("created_device") == scope.device.store_device_id
        finding = lookup("finding", row["finding_id"])
        return finding is not None and row_visible(scope, "finding", finding, lookup)
    return True

"""The authorization matrix, enforced at HQ: who may pull, create, update, delete what.

Device role is fixed at enrollment and read from HQ's records, never from a payload. Clerk and
supervisor are profiles on an office device: HQ cannot tell them apart (a profile name is
attribution only), so their differences are enforced on the device; HQ enforces the device role.
Beyond the table: a representative writes only visits it receives (and what follows them), a
unit's liaison only the receipts, requests and reports of its units' assigned problems, and
some fields only HQ sets (`HQ_FIELDS`: a visit's assignment, a campaign's result settings, HQ's
answers to a unit).
Each refusal carries a stable code (`Refusal`). docs/authorization.md is this table in prose.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import orjson
import sqlalchemy as sa

from models import rules
from models.enums import VisitKind, VisitStatus
from models.reference import Representative
from models.tables import SYNCED_TABLES
from sync.server.auth import DeviceIdentity
from sync.server.unit_tree import unit_and_ancestors, unit_subtree

ALL = "rcud"
REFERENCE = ("unit", "team", "representative", "campaign")
# r = pull, c = create, u = update, d = delete. A missing table means no access at all.
# `unit_succession` (which unit lives on as which, issue 15 §3) is HQ's alone: no other role
# is listed for it, so it is never sent to one and every push of it is refused.
MATRIX: dict[str, dict[str, str]] = {
    "hq": {name: ALL for name in SYNCED_TABLES},
    "office": {
        **{name: "rcu" for name in REFERENCE},
        # attachment "d": a photo removed from a record the device may write (issue 12 §4)
        "evaluation": "rcu", "opinion": "rcu", "problem": "rcu", "attachment": "rcd",
        # paper-form batches and their double-entry verification keyings (the entry issue)
        "entry_batch": "rcu", "batch_keying": "rcu",
        "office_settings": "r",
        # the rectification loop (issue 14): the ledger shows where a problem came from and
        # what its unit reported; HQ writes the links and answers, the unit the rest
        "problem_source": "r", "problem_receipt": "r", "extension_request": "r",
        "rectification_report": "r",
        # checklists on site (issue 16 §2): HQ writes the templates, the office reads them
        "checklist_template": "r", "checklist_item": "r",
    },
    "representative": {
        **{name: "r" for name in REFERENCE},
        "visit": "rcud", "finding": "rcud", "personnel_criticism": "rcud",
        "opinion": "c", "attachment": "rcd", "office_settings": "r",
        # checklists on site (issue 16 §2): the templates to read, a visit's results to write
        "checklist_template": "r", "checklist_item": "r", "checklist_result": "rcud",
    },
    "kiosk": {"unit": "r", "campaign": "r", "evaluation": "c", "office_settings": "r"},
    # A unit's liaison (issue 14 §2): its units' assigned problems, as a projection
    # (sync/server/projection.py), and what it reports back on them.
    "unit": {"unit": "r", "campaign": "r", "office_settings": "r", "problem": "r",
             "problem_receipt": "rc", "extension_request": "rc",
             "rectification_report": "rc", "attachment": "rc"},
}
# The rows of a unit's problems that follow the problem (pull and write).
FOLLOW_PROBLEM = ("problem_receipt", "extension_request", "rectification_report")
# (role, table) pairs whose rows are filtered one by one (the rest is all-or-nothing per table).
ROW_FILTERED: dict[str, frozenset[str]] = {
    "representative": frozenset({"visit", "finding", "personnel_criticism", "attachment",
                                 "checklist_result"}),
    "kiosk": frozenset({"unit", "evaluation"}),
    "office": frozenset({"attachment"}),
    "unit": frozenset({"unit", "problem", *FOLLOW_PROBLEM, "attachment"}),
}
OP_LETTER = {"insert": "c", "update": "u", "delete": "d"}

Lookup = Callable[[str, str | None], dict | None]


@dataclass(frozen=True)
class Scope:
    device: DeviceIdentity
    team_id: str | None
    unit_ids: frozenset[str]
    # A unit device's own units: the enrolled unit and its descendants (`unit_ids` adds their
    # ancestors, which it receives too).
    own_unit_ids: frozenset[str] = frozenset()

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
    units = frozenset(unit_and_ancestors(conn, device.unit_id)) if device.unit_id else frozenset()
    own: frozenset[str] = frozenset()
    if device.role == "unit" and device.unit_id:
        own = frozenset(unit_subtree(conn, [device.unit_id]))
        units = units | own
    return Scope(device=device, team_id=team_id, unit_ids=units, own_unit_ids=own)


# --- writes ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Refusal:
    """Why HQ refuses a pushed change: a stable code, HQ's words (the log, the device's issue
    list), and the arguments a window needs to say it in its own language."""

    code: str
    reason: str
    args: dict = field(default_factory=dict)


# A row HQ holds that the device may not read: the same answer whatever the row holds, so a
# refusal tells nothing of it (not even its team or whether it was deleted).
NOT_IN_SCOPE = Refusal("not_in_scope", "this device may not read or change this record")
RowRule = Callable[[Scope, dict | None, dict | None, Lookup], Refusal | None]


# Tables HQ alone writes and every other device reads: a change from another device is refused
# with the table's own code, which tells a person why (issue 14 §5).
_CHECKLIST_HQ_ONLY = Refusal("checklist_hq_only", "only HQ writes checklist templates")
HQ_WRITTEN = {"office_settings": Refusal("office_settings_hq_only",
                                         "only HQ sets the office settings"),
              "checklist_template": _CHECKLIST_HQ_ONLY, "checklist_item": _CHECKLIST_HQ_ONLY}


def role_refusal(scope: Scope, table: str, op: str) -> Refusal | None:
    if OP_LETTER[op] in MATRIX[scope.role].get(table, ""):
        return None
    if table in HQ_WRITTEN and "r" in MATRIX[scope.role].get(table, ""):
        return HQ_WRITTEN[table]
    return Refusal("role", f"a {scope.role} device may not {_verb(op)} "
                           f"{table.replace('_', ' ')} records",
                   {"role": scope.role, "table": table, "op": op})


def write_refusal(scope: Scope, table: str, op: str, before: dict | None, after: dict | None,
                  lookup: Lookup) -> Refusal | None:
    """Why this device may not make this change, or None. `before`: HQ's row (None for an
    insert); `after`: the row as the change leaves it (None for a delete)."""
    refusal = role_refusal(scope, table, op)
    if refusal is not None:
        return refusal
    check = _ROW_WRITE.get((scope.role, table))
    return None if check is None else check(scope, before, after, lookup)


def row_rule(scope: Scope, table: str) -> RowRule | None:
    """The row check `write_refusal` applies after the role's, or None (most tables for most
    roles): a push whose role check passed builds no row to check when there is none."""
    return _ROW_WRITE.get((scope.role, table))


def _verb(op: str) -> str:
    return {"insert": "create", "update": "change", "delete": "delete"}[op]


def _visit_readable(scope: Scope, visit: dict | None) -> bool:
    """A representative writes the visits of its team that it receives, and a visit drawn in a
    random round (no standing team, issue 16 §1) that it is assigned to."""
    if visit is None or not visit_visible(scope, visit):
        return False
    if visit.get("round_id") and visit.get("team_id") is None:
        return scope.device.representative_id in as_list(visit.get("representative_ids"))
    return scope.team_id is not None and visit.get("team_id") == scope.team_id


def _finding_readable(scope: Scope, finding: dict | None, lookup: Lookup) -> bool:
    if finding is None:
        return False
    if not finding.get("visit_id"):
        return finding.get("created_device") == scope.device.store_device_id
    return _visit_readable(scope, lookup("visit", finding["visit_id"]))


def _result_readable(scope: Scope, row: dict | None, lookup: Lookup) -> bool:
    """A visit's checklist result follows its visit (issue 16 §2)."""
    return row is not None and _visit_readable(scope, lookup("visit", row.get("visit_id")))


def _criticism_readable(scope: Scope, row: dict | None, lookup: Lookup) -> bool:
    if row is None:
        return False
    if not row.get("finding_id"):
        return row.get("created_device") in (None, scope.device.store_device_id)
    return _finding_readable(scope, lookup("finding", row["finding_id"]), lookup)


def _representative_visit(scope: Scope, before: dict | None, after: dict | None,
                          lookup: Lookup) -> Refusal | None:
    if before is not None and not _visit_readable(scope, before):
        return NOT_IN_SCOPE  # checked first: nothing is recorded or told about HQ's row
    if after is None:
        return None
    refusal = _new_visit(scope, after, lookup) if before is None else _reassigned(before, after)
    if refusal is None and not _visit_readable(scope, after):
        return Refusal("not_in_scope", "the visit would be hidden from this device")
    return refusal


def _new_visit(scope: Scope, visit: dict, lookup: Lookup) -> Refusal | None:
    """A new visit: for the device's own team, naming members of that team only."""
    if scope.team_id is None or visit.get("team_id") != scope.team_id:
        return Refusal("other_team", "a representative creates visits for its own team only")
    outside = [rid for rid in as_list(visit.get("representative_ids"))
               if not _member(scope, lookup("representative", rid))]
    if outside:
        return Refusal("representative_outside_team",
                       "the visit names representatives outside this device's team",
                       {"representative_ids": outside})
    return None


def _member(scope: Scope, rep: dict | None) -> bool:
    return rep is not None and rep.get("deleted_at") is None and \
        rep.get("team_id") == scope.team_id


def _reassigned(before: dict, after: dict) -> Refusal | None:
    changed = rules.assignment_changed(before, after)
    if changed:
        return Refusal("visit_assignment_hq_only",
                       "only HQ changes a visit's team and representatives",
                       {"fields": changed})
    return None


def _readable_rows(readable: Callable[[Scope, dict | None, Lookup], bool],
                   what: str) -> RowRule:
    """A rule for rows that follow a visit: HQ's row and the changed row both readable."""
    def check(scope: Scope, before: dict | None, after: dict | None,
              lookup: Lookup) -> Refusal | None:
        if before is not None and not readable(scope, before, lookup):
            return NOT_IN_SCOPE
        if after is not None and not readable(scope, after, lookup):
            return Refusal("not_in_scope", f"the {what} would lie outside this device's visits")
        return None
    return check


def _attachment_owner(scope: Scope, before: dict | None, after: dict | None,
                      lookup: Lookup) -> Refusal | None:
    """A file goes only on a record HQ knows and this device may write: one it may change (by
    the row rules of that kind), or, for kinds it may only create, one it created."""
    for row in (before, after):
        if row is not None:
            refusal = _owner_refusal(scope, row.get("owner_table", ""), row.get("owner_id"),
                                     lookup)
            if refusal is not None:
                return refusal
    return None


def _owner_refusal(scope: Scope, owner: str, owner_id, lookup: Lookup) -> Refusal | None:
    perms = MATRIX[scope.role].get(owner, "")
    if "c" not in perms and "u" not in perms:
        return Refusal("attachment_owner",
                       f"a {scope.role} device may not attach files to {owner} records",
                       {"owner_table": owner})
    record = lookup(owner, owner_id)
    if record is None:
        return NOT_IN_SCOPE  # as for a record it may not read: no oracle of HQ's ids
    readable = _OWNER_READABLE.get(owner) if scope.row_filtered(owner) else None
    if readable and not readable(scope, record, lookup):
        return NOT_IN_SCOPE
    if "u" in perms:
        return write_refusal(scope, owner, "update", record, record, lookup)
    if record.get("created_device") != scope.device.store_device_id:
        return Refusal("attachment_owner",
                       f"a {scope.role} device attaches files only to {owner} records it made",
                       {"owner_table": owner})
    return None


def _kiosk_form(scope: Scope, _before: dict | None, after: dict | None,
                _lookup: Lookup) -> Refusal | None:
    if after is not None and after.get("unit_id") != scope.device.unit_id:
        return Refusal("kiosk_unit", "a kiosk records forms for its own unit only")
    return None


def _office_campaign(_scope: Scope, before: dict | None, after: dict | None,
                     _lookup: Lookup) -> Refusal | None:
    changed = rules.result_settings_set(before, after)
    if changed:
        return Refusal("hq_setting", "only HQ sets a campaign's weights and minimum sample",
                       {"fields": changed})
    return None


def _office_unit(_scope: Scope, before: dict | None, after: dict | None,
                 _lookup: Lookup) -> Refusal | None:
    if rules.unit_category_set(before, after):
        return Refusal("unit_category_hq_only", "only HQ sets a unit's appraisal category",
                       {"fields": ["category"]})
    return None


def _office_problem(_scope: Scope, before: dict | None, after: dict | None,
                    _lookup: Lookup) -> Refusal | None:
    changed = rules.reply_changed(before, after)
    if changed:
        return Refusal("reply_hq_only", "only HQ records the reply to the complainant",
                       {"fields": changed})
    assigned = rules.problem_assignment_set(before, after)
    if assigned:
        return Refusal("assignment_hq_only", "only HQ assigns a problem to its unit",
                       {"fields": assigned})
    return None


def _unit_follower(table: str, fields: tuple[str, ...], code: str, what: str) -> RowRule:
    """A receipt, extension request or report from a unit device: only for a problem it
    receives, with HQ's answer fields left as a new record has them."""
    model = SYNCED_TABLES[table]
    defaults = {name: model.model_fields[name].default for name in fields}

    def check(scope: Scope, before: dict | None, after: dict | None,
              lookup: Lookup) -> Refusal | None:
        for row in (before, after):
            if row is not None and not problem_assigned(
                    scope, lookup("problem", row.get("problem_id"))):
                return NOT_IN_SCOPE
        answered = [name for name in fields if after is not None and name in after
                    and (after[name] or None) != (defaults[name] or None)]
        if answered:
            return Refusal(code, f"only HQ sets {what}", {"fields": answered})
        return None
    return check


def _unit_attachment(scope: Scope, before: dict | None, after: dict | None,
                     lookup: Lookup) -> Refusal | None:
    """A unit device attaches files (its evidence photos) to its rectification reports only."""
    for row in (before, after):
        if row is not None and row.get("owner_table") != "rectification_report":
            return Refusal("attachment_owner", "a unit device attaches files only to "
                           "rectification reports", {"owner_table": row.get("owner_table", "")})
    return _attachment_owner(scope, before, after, lookup)


_OWNER_READABLE = {
    "visit": lambda s, row, _lk: _visit_readable(s, row),
    "rectification_report": lambda s, row, lk: row_visible(s, "rectification_report", row, lk),
    "finding": _finding_readable,
    "personnel_criticism": _criticism_readable,
    "checklist_result": _result_readable,
}
_ROW_WRITE: dict[tuple[str, str], RowRule] = {
    ("representative", "visit"): _representative_visit,
    ("representative", "finding"): _readable_rows(_finding_readable, "finding"),
    ("representative", "personnel_criticism"): _readable_rows(_criticism_readable, "criticism"),
    ("representative", "checklist_result"): _readable_rows(_result_readable,
                                                           "checklist result"),
    ("representative", "attachment"): _attachment_owner,
    ("office", "attachment"): _attachment_owner,
    ("office", "campaign"): _office_campaign,
    ("office", "unit"): _office_unit,
    ("office", "problem"): _office_problem,
    ("kiosk", "evaluation"): _kiosk_form,
    ("unit", "problem_receipt"): _unit_follower("problem_receipt", (), "", ""),
    ("unit", "extension_request"): _unit_follower(
        "extension_request", rules.EXTENSION_DECISION_FIELDS, "extension_decision_hq_only",
        "the decision on an extension request"),
    ("unit", "rectification_report"): _unit_follower(
        "rectification_report", rules.REPORT_REVIEW_FIELDS, "report_review_hq_only",
        "the review of a rectification report"),
    ("unit", "attachment"): _unit_attachment,
}
# (role, table) pairs with fields only HQ sets (docs/authorization.md marks them "†").
HQ_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "office": {"campaign": rules.RESULT_SETTINGS, "unit": ("category",),
               "problem": rules.REPLY_FIELDS + rules.ASSIGNMENT_FIELDS},
    "representative": {"visit": rules.VISIT_ASSIGNMENT},
    "unit": {"extension_request": rules.EXTENSION_DECISION_FIELDS,
             "rectification_report": rules.REPORT_REVIEW_FIELDS},
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


def problem_assigned(scope: Scope, problem: dict | None) -> bool:
    """A unit device receives a problem of its units once HQ has assigned it (交办)."""
    return (problem is not None and problem.get("unit_id") in scope.own_unit_ids
            and problem.get("assigned_on") is not None)


def _unit_visible(scope: Scope, table: str, row: dict, lookup: Lookup) -> bool:
    if table == "unit":
        return row.get("id") in scope.unit_ids
    if table == "problem":
        return problem_assigned(scope, row)
    if table in FOLLOW_PROBLEM:
        return problem_assigned(scope, lookup("problem", row.get("problem_id")))
    if table == "attachment":  # its reports' files only, never a problem's or a unit's
        report = lookup("rectification_report", row.get("owner_id"))
        return row.get("owner_table") == "rectification_report" and report is not None \
            and _unit_visible(scope, "rectification_report", report, lookup)
    return "r" in MATRIX["unit"].get(table, "")


def row_visible(scope: Scope, table: str, row: dict, lookup: Lookup) -> bool:
    if scope.role == "unit":
        return _unit_visible(scope, table, row, lookup)
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
    if table in ("finding", "checklist_result"):
        return visit_visible(scope, lookup("visit", row.get("visit_id")))
    if table == "personnel_criticism":
        if not row.get("finding_id"):
            return row.get("created_device") == scope.device.store_device_id
        finding = lookup("finding", row["finding_id"])
        return finding is not None and row_visible(scope, "finding", finding, lookup)
    return True

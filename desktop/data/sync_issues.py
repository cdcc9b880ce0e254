"""What sync left for a person (the local `sync_issue` table), read and settled without Qt.

A conflict's details are HQ's: `{"conflicts": [{"kind", "field", "kept", "other"}]}` with the
two values as JSON text — the value HQ kept (it arrived first) and this device's value, set
aside. Keeping one goes through the write path, so the choice is pushed at the next sync.
"""

import json
import string
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from desktop import messages
from models import services
from models.messages import MESSAGES
from models.records import Evaluation
from models.security.roles import require_supervisor
from models.store.database import write_transaction
from models.store.outbox import HELD_BACK_CODES as HELD_BACK_CODES  # for the window
from models.store.store import get_meta, set_meta
from models.store.writes import WriteSession
from models.sync_state import SyncIssue
from models.tables import SYNCED_TABLES
from models.timeutil import utcnow

_T = SyncIssue.__table__
TO_RESOLVE_KEY = "conflicts_to_resolve"  # HQ conflict ids settled here, not yet told to HQ
KEEP_HQ, KEEP_MINE, SETTLED = "hq", "mine", "settled"
DUPLICATE = "duplicate_form_number"
SEQUENCE_REUSED = "sequence_reused"  # sync.protocol's code: a copied store, kept until enrolled
DELETED = "delete_edit"


@dataclass
class Side:
    field: str
    kept: Any  # HQ's value (or the form kept first)
    mine: Any  # this device's value (or its form)


@dataclass
class Comparison:
    kind: str  # same_field | reopen_raced | delete_edit | duplicate_form_number | refused
    rows: list[Side] = field(default_factory=list)
    choices: tuple[str, ...] = (SETTLED,)
    mine_id: str = ""  # duplicates: the form this device keyed
    kept_ids: list[str] = field(default_factory=list)  # duplicates: the forms keyed first


def open_issues(conn: sa.Connection) -> list[dict]:
    rows = conn.execute(sa.select(_T).where(_T.c.resolved_at.is_(None))
                        .order_by(_T.c.created_at.desc()).limit(500)).mappings()
    return [dict(r) for r in rows]


def resolve_issue(conn: sa.Connection, issue_id: str) -> None:
    conn.execute(_T.update().where(_T.c.id == issue_id).values(resolved_at=utcnow()))


def _value(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


# The outcome code of a pushed entry, where it differs from the conflict's kind.
KIND_OF_CODE = {"deleted": DELETED}
# HQ's refusal of a value outside the range it takes (a timestamp beyond 1900-2999).
OUT_OF_RANGE = "out_of_range"


def refusal_details(issue: dict) -> dict:
    """HQ's details of a refused entry (its field and a rule's arguments), {} when none."""
    try:
        details = json.loads(issue.get("details") or "{}")
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


def refusal_code(code: str, args: dict) -> str:
    """The message code of HQ's per-entry outcome `code`: a domain rule's own code
    (models/messages/general.py), else ``hq_entry_`` + the code, else the generic refusal;
    only a code whose arguments all came with the outcome."""
    for candidate in (code, f"hq_entry_{code}"):
        template = MESSAGES.get(candidate) if candidate else None
        if template is not None and _arguments(template) <= set(args):
            return candidate
    return "hq_entry_refused"


def _arguments(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def refusal_sentence(issue: dict, lang: str | None = None) -> str:
    """Why HQ refused an entry, in the user's language, from its outcome code and details
    (never HQ's English words, which stay in HQ's log and in `reason`)."""
    args = {k: v for k, v in refusal_details(issue).items() if k != "field"}
    return messages.text(refusal_code(issue.get("code") or "", args), args, lang)


def refused_issues(conn: sa.Connection) -> list[dict]:
    """The entries HQ refused and not settled (conflicts and held-back records aside)."""
    return [i for i in open_issues(conn) if i["kind"] != "conflict"
            and i["code"] not in HELD_BACK_CODES and i["code"] != SEQUENCE_REUSED]


def refused_field(issue: dict) -> str:
    """The field a refused entry's value was wrong in, as HQ named it ("" when it did not)."""
    return str(refusal_details(issue).get("field") or "")


def conflicts_of(issue: dict) -> list[dict]:
    """The conflicts an issue holds: one per row as the engine keeps them now
    (`{field, kept, other, hq_conflict_id}`), or HQ's list (`{"conflicts": [...]}`)."""
    try:
        details = json.loads(issue.get("details") or "{}")
    except ValueError:
        return []
    if not isinstance(details, dict):
        return []
    kind = KIND_OF_CODE.get(issue.get("code", ""), issue.get("code") or "same_field")
    if "conflicts" in details:
        return [{"kind": kind, **c} for c in details["conflicts"] if isinstance(c, dict)]
    if "kept" in details or "other" in details:
        return [{"kind": kind, **details}]
    return []


def hq_conflict_id(issue: dict) -> str | None:
    found = conflicts_of(issue)
    return (found[0].get("hq_conflict_id") or found[0].get("id")) if found else None


def compare(conn: sa.Connection, issue: dict) -> Comparison:
    """Both sides of an issue, ready to be shown side by side."""
    if issue["kind"] != "conflict":
        return Comparison("refused")
    found = conflicts_of(issue)
    kind = found[0]["kind"] if found else "same_field"
    if kind == DUPLICATE:
        return _duplicate(conn, found[0])
    if kind == DELETED:
        other = _value(found[0].get("other"))
        rows = [Side(k, "deleted", v) for k, v in other.items()] if isinstance(other, dict) \
            else [Side("", "deleted", other)]
        return Comparison(kind, rows)
    rows = [Side(c.get("field", ""), _value(c.get("kept")), _value(c.get("other")))
            for c in found]
    return Comparison(kind, rows, (KEEP_HQ, KEEP_MINE))


DUPLICATE_FIELDS = ("form_no", "evaluated_on", "unit_id", "group", "level", "reason",
                    "created_by", "created_at")


def _duplicate(conn: sa.Connection, conflict: dict) -> Comparison:
    kept, other = _value(conflict.get("kept")) or {}, _value(conflict.get("other")) or {}
    kept_ids = list(kept.get("held_by") or [])
    mine_id = other.get("id", "")
    t = Evaluation.__table__
    forms = {r["id"]: dict(r) for r in conn.execute(
        sa.select(t).where(t.c.id.in_([*kept_ids, mine_id]))).mappings()}
    first = forms.get(kept_ids[0], {}) if kept_ids else {}
    mine = forms.get(mine_id, {})
    rows = [Side(f, first.get(f), mine.get(f)) for f in DUPLICATE_FIELDS]
    return Comparison(DUPLICATE, rows, (KEEP_HQ, KEEP_MINE), mine_id, kept_ids)


def settle(w: WriteSession, issue: dict, comparison: Comparison, choice: str,
           void_reason: str = "", *, actor_role: str | None = None) -> None:
    """Apply the person's choice through the write path, then mark the issue settled.

    Which of two forms with one number is voided is a supervisor's call: the acting profile's
    stored role is checked here, whatever the window offered."""
    if choice in (KEEP_HQ, KEEP_MINE) and comparison.kind == DUPLICATE:
        require_supervisor(w.conn, w.profile, actor_role, "sync_duplicate_needs_supervisor")
    if choice in (KEEP_HQ, KEEP_MINE) and comparison.kind == DUPLICATE:
        losers = [comparison.mine_id] if choice == KEEP_HQ else comparison.kept_ids
        for form_id in losers:
            if w.current(Evaluation, form_id).get("voided"):
                continue
            services.void_evaluation(w, form_id, void_reason)
    elif choice in (KEEP_HQ, KEEP_MINE):
        model = SYNCED_TABLES[issue["table_name"]]
        current = w.current(model, issue["row_id"])
        wanted = {s.field: (s.kept if choice == KEEP_HQ else s.mine)
                  for s in comparison.rows if s.field}
        changes = {k: v for k, v in wanted.items() if _differs(current.get(k), v)}
        if changes:
            services.update_record(w, model, issue["row_id"], changes)
    resolve_issue(w.conn, issue["id"])
    hq_id = hq_conflict_id(issue)
    if hq_id:  # HQ marks it settled too, at the next sync
        set_meta(w.conn, TO_RESOLVE_KEY, json.dumps([*to_resolve(w.conn), hq_id]))


def to_resolve(conn: sa.Connection) -> list[str]:
    return json.loads(get_meta(conn, TO_RESOLVE_KEY) or "[]")


def resolved_at_hq(store, done: list[str]) -> None:
    """HQ now knows these conflicts are settled: no longer waiting to be told."""
    with write_transaction(store.engine) as conn:
        set_meta(conn, TO_RESOLVE_KEY,
                 json.dumps([i for i in to_resolve(conn) if i not in done]))


def _differs(local: Any, wanted: Any) -> bool:
    if hasattr(local, "isoformat"):
        local = local.isoformat()
    return str(local if local is not None else "") != str(wanted if wanted is not None else "")


def add_sample_conflict(store) -> None:
    """One conflict of the kind HQ reports, so the sync-issues page has both values to show
    (for the screenshots of a demo store)."""
    with write_transaction(store.engine) as conn:
        problem = conn.exec_driver_sql("SELECT id, responsible_person FROM problem "
                                       "LIMIT 1").first()
        if problem is None:
            return
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_issue (id, kind, code, table_name, row_id, reason, "
            "details, created_at) VALUES ('hq:sample', 'conflict', 'same_field', 'problem', "
            "?, 'same field: responsible_person', ?, ?)",
            (problem[0], json.dumps({"field": "responsible_person", "kept": problem[1],
                                     "other": "王建国", "hq_conflict_id": "sample"}),
             utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")))

"""Applying one pushed entry at HQ, with the merge rules of the protocol.

- Creations never conflict; a second creation of the same id (reference data made on two
  devices from one natural key) is a `duplicate` and keeps the first.
- An edit merges field by field against the fields' versions: a field nobody else changed since
  the edit's base version takes the device's value; a field another device changed meanwhile
  keeps HQ's value (the first to arrive) and the device's value goes to a conflict record.
  Identical values are never a conflict. A device's own earlier edits never conflict with its
  later ones (its base version lags until it pulls).
- A problem's status keeps the furthest step reached; a reopen racing a forward step is a
  conflict for HQ.
- Delete beats edit: the edit is kept in a conflict record.
- Two valid forms with one paper form number in a campaign are both kept and flagged.
- A problem's confidential-source flag is HQ's (sync/server/confidential.py).
Wall clocks never decide anything here.
"""

import functools
from itertools import repeat
from operator import attrgetter
from typing import Any

import sqlalchemy as sa

from models import rules
from models.errors import AppError
from models.services import column_problems, record_problems
from models.tables import SYNCED_TABLES
from models.timeutil import utcnow
from sync.protocol import (
    HELD_BACK_REASONS,
    MAX_ENTRY_BYTES,
    PHOTO_REFUSALS,
    EntryOutcome,
    PushedEntry,
)
from sync.server import confidential
from sync.server import tables as T
from sync.server.cascade import touch_dependents
from sync.server.context import ApplyContext, outcome
from sync.server.db import DeferredClock
from sync.server.form_batch import TypedForms, general
from sync.server.forms import flag_duplicate_number
from sync.server.pg_copy import RIDING_MAX, insert_statement
from sync.server.rows import (
    SPECS,
    BadValue,
    check_column_lists,
    check_columns,
    check_fields,
    created_column,
    created_value,
    insert_columns,
    stamp_insert,
    upsert,
)
from sync.server.scope import Refusal, role_refusal, row_rule, write_refusal

# Most entries simply apply: they get no outcome object (one per entry costs 20% of a push).
APPLIED = None

NOT_YET = object()  # `precheck` not made yet
# `precheck`'s answer: the fields' names, the checked columns, the positions a column refused,
# the columns by name, each row's domain-rule problems.
Prechecked = tuple[list[str], list[list], set[int], dict[str, list], list[list]]


def apply_entries(ctx: ApplyContext, entries: list[PushedEntry],
                  pre: Prechecked | None | object = NOT_YET) -> list[EntryOutcome | None]:
    """Each entry's outcome (or APPLIED), in order. The fields of the batch's inserts are
    checked first, per table and column (`rows.check_columns`); an insert any column refuses
    is checked alone in `_insert`, so its refusal reads as before. A batch of new forms only
    goes column by column from the check to the insert (`_new_forms`; `pre`: `precheck` of
    these very entries, made before the push's transaction)."""
    done = _new_forms(ctx, entries, pre)
    if done is not None:
        return done
    entries = general(entries)  # fields as dicts from here on
    by_table: dict[str, list[int]] = {}
    for k, e in enumerate(entries):
        if e.op == "insert" and e.table in SPECS:
            by_table.setdefault(e.table, []).append(k)
    checked: list[dict | None] = [None] * len(entries)
    for table, at in by_table.items():
        for k, values in zip(at, check_columns(SPECS[table], [entries[k].fields for k in at]),
                             strict=True):
            checked[k] = values
    return [apply_entry(ctx, e, values) for e, values in zip(entries, checked, strict=True)]


def apply_entry(ctx: ApplyContext, e: PushedEntry,
                checked: dict | None = None) -> EntryOutcome | None:
    """The entry's outcome, or APPLIED (None). `checked`: an insert's fields as
    `check_fields` gives them, when already checked with the batch's."""
    if e.op == "skip":
        return held_back(e)
    spec = SPECS.get(e.table)
    if spec is None:
        return outcome(e, "rejected", "unknown_table", f"HQ has no table '{e.table}'")
    refusal = role_refusal(ctx.scope, e.table, e.op)
    if refusal is not None:
        return _forbidden(e, refusal)
    try:
        if e.op == "insert":
            return _insert(ctx, e, checked)
        ctx.flush()  # an edit may touch a row inserted earlier in this batch
        return _update(ctx, e) if e.op == "update" else _delete(ctx, e)
    except BadValue as exc:  # invalid, out_of_range; the field named in details
        return outcome(e, "rejected", exc.code, str(exc),
                       {"field": exc.field} if exc.field else None)
    except AppError as exc:
        return outcome(e, "rejected", exc.code, exc.message)


# What HQ writes into a new row itself (`rows.stamp_insert`), beside the pushed fields.
_STAMPED = ("id", "created_at", "updated_at", "created_device", "created_by", "updated_device",
            "updated_by", "deleted_at", "server_version")


def precheck(entries: list[PushedEntry]) -> Prechecked | None:
    """What `_new_forms` finds of a batch of new forms from the entries alone, reading nothing
    of HQ's: the fields checked column by column and the domain rules. Made before the push's
    transaction, so a batch that came in while the one before it is being written (PostgreSQL,
    which writes in its own process) is checked meanwhile. None: not a batch for that path."""
    table = "evaluation"
    if set(map(_TABLE, entries)) != {table} or set(map(_OP, entries)) != {"insert"}:
        return None
    spec = SPECS[table]
    if isinstance(entries, TypedForms):  # checked while decoded (sync/server/form_batch.py)
        checked = list(entries.columns), list(entries.columns.values()), set()
    else:
        checked = check_column_lists(spec, [e.fields for e in entries])
    if checked is None:
        return None
    names, columns, failed = checked
    by_name = dict(zip(names, columns, strict=True))
    if len(by_name) + len(_STAMPED) != len(spec.table.columns) or \
            {*by_name, *_STAMPED} != set(spec.table.columns.keys()):
        return None
    # a refused row's values may be anything (a number where text belongs): the rules see
    # None there, and the row is checked alone below
    problems = column_problems(spec.model, by_name if not failed else {
        n: [None if j in failed else v for j, v in enumerate(c)] for n, c in by_name.items()})
    if problems is None:
        return None
    return names, columns, failed, by_name, problems


def _new_forms(ctx: ApplyContext, entries: list[PushedEntry],
               pre: Prechecked | None | object = NOT_YET) -> list[EntryOutcome | None] | None:
    """A batch of new forms and nothing else (a device's usual push), applied column by column:
    the fields checked per column (`rows.check_column_lists`), the domain rules fed from the
    columns (`services.column_problems`), the role asked once (forms have no row rule for any
    role that may create them; a role with one goes the general way), and the rows written
    from the columns (`rows.insert_columns`), with no dict per row. Per row in Python: the
    existence and paper-number lookups, the version and `created_at`. A row that is anything
    but plain (refused by a column or a rule, already held, twice in the batch, a `created_at`
    not in the store's text form, a paper number another form holds) goes through
    `apply_entry` in its turn, so its outcome is exactly the general path's. None: the batch
    is not one for this path."""
    table = "evaluation"
    if set(map(_TABLE, entries)) != {table} or set(map(_OP, entries)) != {"insert"} or \
            ctx.form_numbers is None or role_refusal(ctx.scope, table, "insert") is not None \
            or row_rule(ctx.scope, table) is not None:
        return None
    if pre is NOT_YET:
        pre = precheck(entries)
    if pre is None:
        return None
    names, columns, failed, by_name, problems = pre
    spec = SPECS[table]
    out: list[EntryOutcome | None] = [APPLIED] * len(entries)
    known, numbers, clock, now = ctx.rows, ctx.form_numbers, ctx.clock, ctx.now
    keep_text = ctx.conn.dialect.paramstyle == "qmark"
    form_no, voided, campaign = by_name["form_no"], by_name["voided"], by_name["campaign_id"]
    taken: list[int] = []  # positions written column by column
    ids: list[str] = []
    created: list = []
    versions: list[int] = []
    profiles: list[str] = []
    at: dict[str, int] = {}  # row id -> its position among `taken`

    def row_of(k: int) -> dict:  # a taken row as stamp_insert makes it
        j = taken[k]
        return {**{n: c[j] for n, c in by_name.items()}, "id": ids[k],
                "created_at": created[k], "updated_at": now, "created_device": ctx.me,
                "created_by": profiles[k], "updated_device": ctx.me,
                "updated_by": profiles[k], "deleted_at": None, "server_version": versions[k]}

    typed = isinstance(entries, TypedForms)
    stated = entries.stated if typed else [e.fields.get("created_at") for e in entries]
    kept = created_column(stated, keep_text)  # the store's text, checked as a column
    whole = None
    if not failed and not any(problems) and _all_new(table, entries, known, by_name, numbers):
        whole = kept if kept is not None else _created_all(stated, keep_text, now)
    if whole is None and typed:  # row by row below, each entry's fields as a dict
        return _new_forms(ctx, entries.general())
    if whole is not None:
        # Every row plain (the usual push): what the loop below finds row by row, found for
        # the batch as a whole: each row goes to the insert as it came.
        n = len(entries)
        ids = list(map(_ROW_ID, entries))
        profiles = list(map(_PROFILE, entries))
        versions = clock.take(n)
        me = ctx.me
        written = dict(zip(names, columns, strict=True))
        written.update(id=ids, created_at=whole, updated_at=[now] * n,
                       created_device=[me] * n, created_by=profiles, updated_device=[me] * n,
                       updated_by=profiles, deleted_at=[None] * n, server_version=versions)
        if isinstance(clock, DeferredClock) and n <= RIDING_MAX:  # a device's few new forms:
            # their INSERT rides with the push's closing statements (one round trip for all)
            clock.ride(insert_statement(ctx.conn.dialect, spec.table, written, n))
        else:
            insert_columns(ctx.conn, spec.table, written, n)
        return out
    for j, e in enumerate(entries):
        rid = e.row_id
        plain = (not failed or j not in failed) and not problems[j] and \
            known.get((table, rid)) is None
        if plain and rid not in at:
            if kept is not None:
                when = kept[j]
            else:
                try:
                    when = created_value(stated[j], keep_text, now)
                except BadValue:
                    plain = False
        else:
            plain = False
        # the values of a refused row are not looked at (a column may hold anything there)
        number = form_no[j] if plain else None
        held = bool(number) and not voided[j] and numbers.get((campaign[j], number))
        if not plain or (held and any(i != rid for i in held)):
            if rid in at:  # the batch's own row: as the general path finds it
                known[(table, rid)] = row_of(at[rid])
            out[j] = apply_entry(ctx, e, None)
            continue
        at[rid] = len(taken)
        taken.append(j)
        ids.append(rid)
        created.append(when)
        versions.append(clock.next())
        profiles.append(e.profile)
        if number and not voided[j]:
            if held:
                held.append(rid)
            else:
                numbers[(campaign[j], number)] = [rid]
    n = len(taken)
    if n:
        if n < len(entries):
            columns = [[c[j] for j in taken] for c in columns]
        written = dict(zip(names, columns, strict=True))
        me = ctx.me
        written.update(id=ids, created_at=created, updated_at=[now] * n,
                       created_device=[me] * n, created_by=profiles, updated_device=[me] * n,
                       updated_by=profiles, deleted_at=[None] * n, server_version=versions)
        insert_columns(ctx.conn, spec.table, written, n)
    return out


_ROW_ID, _PROFILE, _TABLE, _OP = (attrgetter(n) for n in ("row_id", "profile", "table", "op"))


def _created_all(stated: list, keep_text: bool, now) -> list | None:
    """`created_value` of each row (PostgreSQL: parsed one by one), None if any is refused."""
    try:
        return [created_value(v, keep_text, now) for v in stated]
    except BadValue:
        return None


def _all_new(table: str, entries: list[PushedEntry], known: dict, by_name: dict,
             numbers: dict) -> bool:
    """No row of the batch held at HQ or twice in it, and no paper number of a valid form
    held by another form or twice in the batch: `_new_forms`' loop would take every row as
    plain, in order (what it checks per row, checked per batch, in C where it can)."""
    ids = list(map(_ROW_ID, entries))
    if len(set(ids)) != len(ids) or any(map(known.get, zip(repeat(table), ids))):
        return False
    keys = [(c, no) for c, no, v in zip(by_name["campaign_id"], by_name["form_no"],
                                        by_name["voided"], strict=True) if no and not v]
    return len(set(keys)) == len(keys) and numbers.keys().isdisjoint(keys)


def held_back(e: PushedEntry) -> EntryOutcome:
    """A placeholder for an entry the device held back: recorded as refused, so its sequence
    number is used once and the queue goes on; the record stays on the device as a sync issue
    (nothing lost, and nothing doubled: it comes back under a new number when shortened)."""
    f = e.fields
    code = HELD_BACK_REASONS.get(f.get("reason"), "held_back")
    size = f.get("bytes") if type(f.get("bytes")) is int and 0 <= f.get("bytes") < 2**53 else 0
    names = f.get("fields") if isinstance(f.get("fields"), list) else []
    details = {"op": f.get("op") if f.get("op") in ("insert", "update", "delete") else "",
               "bytes": size, "limit": MAX_ENTRY_BYTES,
               "fields": [n for n in names[:200] if isinstance(n, str) and len(n) <= 60]}
    if code == "too_large":
        reason = (f"the device held this record back: it weighs {size:,} bytes, more than the "
                  f"{MAX_ENTRY_BYTES:,} a push carries; shorten its longest text on the device")
    elif code in PHOTO_REFUSALS:
        reason = "the device held this photo back after HQ refused its bytes"
    else:
        message = f.get("message") if isinstance(f.get("message"), str) else ""
        reason = f"the device held this record back after HQ refused it: {message[:300]}"
    return outcome(e, "rejected", code, reason, details)


def _insert(ctx: ApplyContext, e: PushedEntry, checked: dict | None) -> EntryOutcome | None:
    spec = SPECS[e.table]
    values = checked if checked is not None else check_fields(spec, e.fields, full=True)
    # Scope first (as for an edit): a device refused the row learns nothing of the rules.
    # The role may insert here (apply_entry asked); the row itself is checked when a rule
    # applies to it.
    rule = row_rule(ctx.scope, e.table)
    if rule is not None:
        probe = {**values, "id": e.row_id, "created_device": ctx.me}
        refusal = rule(ctx.scope, None, probe, ctx.lookup)
        if refusal:
            return _forbidden(e, refusal)
    problems = record_problems(spec.model, values, at_hq=True, lookup=ctx.lookup)
    if problems:
        return _invalid(e, problems)
    if e.table == "problem":
        values = confidential.on_insert(ctx, values)
    if ctx.lookup(e.table, e.row_id) is not None:
        return outcome(e, "duplicate", "exists", "HQ already holds this record")
    row = stamp_insert(values, e.row_id, ctx.me, e.profile, ctx.clock.next(),
                       e.fields.get("created_at"), keep_text=ctx.conn.dialect.paramstyle == "qmark",
                       now=ctx.now)
    ctx.buffer_insert(e.table, row)
    if e.table == "problem_source":  # another source: the problem is judged again
        confidential.follow_link(ctx, row)
    if e.table == "evaluation":
        details = flag_duplicate_number(ctx, row)
        if details:
            return outcome(e, "conflict", "duplicate_form_number",
                           f"form number {row['form_no']} is also held by another form",
                           details)
    return APPLIED


def _invalid(e: PushedEntry, problems: list) -> EntryOutcome:
    """Refused by a domain rule: the first problem's code (when it has one) and its field and
    arguments travel as the details, so the device can render the refusal in its language."""
    first = problems[0]
    details = {"field": first.field, **(first.args or {})} if first.code else None
    return outcome(e, "rejected", first.code or "validation",
                   "; ".join(str(p) for p in problems), details)


def _forbidden(e: PushedEntry, refusal: Refusal) -> EntryOutcome:
    """Refused on its own (the queue goes on); the arguments travel as the details."""
    return outcome(e, "forbidden", refusal.code, refusal.reason, refusal.args)


def _field_versions(ctx: ApplyContext, table: str, row_id: str) -> dict[str, Any]:
    return {r.field: r for r in ctx.conn.execute(_FIELD_VERSIONS, {"t": table, "r": row_id})}


# An edit's statements, built once (per table): SQLAlchemy memoizes a statement object's cache
# key, while the field versions' select, the row's UPDATE and the field versions' upsert built
# per edit cost ~0.2 ms of HQ's CPU each in construction and keying (issue 18 §3; an edit is
# the 50-engine bench's round, and it runs alone under the writers' gate).
_FIELD_VERSIONS = sa.select(T.field_version).where(
    T.field_version.c.table_name == sa.bindparam("t"),
    T.field_version.c.row_id == sa.bindparam("r"))
_EDITED = "_edited_row_id"  # the UPDATE's row, a name no column has


@functools.cache
def _update_by_id(name: str) -> sa.Update:
    """`name`'s UPDATE of one row by id; the columns set are the execution's parameters."""
    table = SYNCED_TABLES[name].__table__
    return table.update().where(table.c.id == sa.bindparam(_EDITED))


def _concurrent(ctx: ApplyContext, fv, base: int) -> bool:
    """Changed at HQ after the edit's base, by another device."""
    return fv is not None and fv.version > base and fv.device_id != ctx.me


def _update(ctx: ApplyContext, e: PushedEntry) -> EntryOutcome | None:
    spec = SPECS[e.table]
    current = ctx.lookup(e.table, e.row_id)
    if current is None:
        return outcome(e, "rejected", "not_found", "HQ does not hold this record")
    changes = check_fields(spec, e.fields, full=False)
    merged = {**current, **changes}
    # Scope first: an edit of a row the device may not read records nothing and learns nothing.
    refusal = write_refusal(ctx.scope, e.table, "update", current, merged, ctx.lookup)
    if refusal:
        return _forbidden(e, refusal)
    if current["deleted_at"] is not None:
        kept = ctx.record_conflict(e.table, e.row_id, "delete_edit", "", "deleted", changes)
        return outcome(e, "conflict", "deleted", "the record was deleted at HQ; your edit is "
                       "kept in the conflict record", {"conflicts": [kept]})
    problems = record_problems(spec.model, merged, set(changes), at_hq=True,
                               lookup=ctx.lookup)
    if problems:
        return _invalid(e, problems)
    if e.table == "problem":
        refused = confidential.update_refusal(ctx, current, changes)
        if refused:
            return outcome(e, *refused)
    applied, found = _merge_fields(ctx, e, current, changes)
    if e.table == "problem":
        applied.update(confidential.settle_update(ctx, current, applied))
    if applied:
        _write_update(ctx, e, current, applied)
    if found:
        return outcome(e, "conflict", found[0]["kind"], "changed at HQ meanwhile; HQ kept its "
                       "value and recorded yours for a person to settle", {"conflicts": found})
    return APPLIED


def _merge_fields(ctx: ApplyContext, e: PushedEntry, current: dict,
                  changes: dict) -> tuple[dict, list[dict]]:
    fvs = _field_versions(ctx, e.table, e.row_id)
    base = e.base_version or 0
    applied, found = {}, []
    for name, value in changes.items():
        if current.get(name) == value:
            continue
        concurrent = _concurrent(ctx, fvs.get(name), base)
        if e.table == "problem" and name == "status":
            decision = _status_decision(ctx, e, current, changes, concurrent)
            if decision == "apply":
                applied[name] = value
            elif decision == "conflict":
                found.append(ctx.record_conflict(e.table, e.row_id, "reopen_raced", name,
                                                 current[name], value))
            continue
        if concurrent:
            found.append(ctx.record_conflict(e.table, e.row_id, "same_field", name,
                                             current[name], value))
        else:
            applied[name] = value
    return applied, found


def _status_decision(ctx: ApplyContext, e: PushedEntry, current: dict, changes: dict,
                     concurrent: bool) -> str:
    """apply | keep | conflict: the furthest step wins; a reopen must not race a step."""
    old, new = current["status"], changes["status"]
    if rules.status_rank(new) > rules.status_rank(old):
        return "apply"
    reopen = bool((changes.get("reopen_reason") or "").strip())
    if concurrent:
        return "conflict" if reopen else "keep"
    role = "supervisor" if ctx.scope.role in ("office", "hq") else ctx.scope.role
    rules.check_status_change(old, new, actor_role=role,
                              reopen_reason=changes.get("reopen_reason",
                                                        current.get("reopen_reason")))
    return "apply"


def _write_update(ctx: ApplyContext, e: PushedEntry, current: dict, applied: dict) -> None:
    version = ctx.clock.next()
    stamp = {"updated_at": utcnow(), "updated_device": ctx.me, "updated_by": e.profile,
             "server_version": version}
    ctx.conn.execute(_update_by_id(e.table), {**applied, **stamp, _EDITED: e.row_id})
    ctx.rows[(e.table, e.row_id)] = {**current, **applied, **stamp}
    upsert(ctx.conn, T.field_version, [
        {"table_name": e.table, "row_id": e.row_id, "field": name, "version": version,
         "device_id": ctx.me} for name in applied
    ], ["table_name", "row_id", "field"], ["version", "device_id"])
    touch_dependents(ctx, e.table, current, applied)


def _delete(ctx: ApplyContext, e: PushedEntry) -> EntryOutcome | None:
    current = ctx.lookup(e.table, e.row_id)
    if current is None:
        return outcome(e, "rejected", "not_found", "HQ does not hold this record")
    refusal = write_refusal(ctx.scope, e.table, "delete", current, None, ctx.lookup)
    if refusal:
        return _forbidden(e, refusal)
    if current["deleted_at"] is not None:
        return outcome(e, "duplicate", "deleted", "already deleted")
    base = e.base_version or 0
    edited = {name: current[name] for name, fv in
              _field_versions(ctx, e.table, e.row_id).items() if _concurrent(ctx, fv, base)}
    table = SYNCED_TABLES[e.table].__table__
    now = utcnow()
    stamp = {"deleted_at": now, "updated_at": now, "updated_device": ctx.me,
             "updated_by": e.profile, "server_version": ctx.clock.next()}
    ctx.conn.execute(table.update().where(table.c.id == e.row_id).values(**stamp))
    ctx.rows[(e.table, e.row_id)] = {**current, **stamp}
    if edited:
        found = ctx.record_conflict(e.table, e.row_id, "delete_edit", "", "deleted", edited)
        return outcome(e, "conflict", "delete_edit", "edited at HQ meanwhile; the delete wins "
                       "and the edit is kept in the conflict record", {"conflicts": [found]})
    return APPLIED


__all__ = ["APPLIED", "apply_entries", "apply_entry"]

"""A push batch: applied in one transaction, idempotent by (device, sequence).

Entries at or below the device's last applied sequence are a replay (the reply to an earlier
attempt was lost): they get the outcomes stored the first time and change nothing. A gap is
refused. Each refused entry still advances the sequence, so one bad entry never blocks a queue;
a `skip` placeholder (an entry the device held back: too large to send, or refused alone) is
recorded as refused the same way (`merge.held_back`).
A "replay" carrying a different entry than the one HQ took under its number comes from a copy
of the store (`sync.server.replays`): it is refused, and nothing of that batch is applied.
"""

import logging
from operator import attrgetter
from typing import NamedTuple

import orjson
import sqlalchemy as sa

from models.tables import SYNCED_TABLES
from models.timeutil import utcnow
from sync.protocol import MAX_BATCH_ENTRIES, EntryOutcome, PushedEntry, PushResult
from sync.server import replays
from sync.server import tables as T
from sync.server.audit_heads import AuditHeadReport, accept_in, standing_statement
from sync.server.auth import DeviceIdentity, check_pushing, checked_pushing, pushing_statement
from sync.server.collector import collector_paused
from sync.server.conflicts import answer_for
from sync.server.context import ApplyContext
from sync.server.db import WRITERS_GATE, DeferredClock, ServerDB, VersionClock
from sync.server.errors import ClientError
from sync.server.form_batch import TypedForms
from sync.server.forms import numbers_statement, prefetch_numbers, take_numbers
from sync.server.merge import NOT_YET, apply_entries, precheck
from sync.server.pg_together import together
from sync.server.rows import existing_ids_statement
from sync.server.scope import load_scope

log = logging.getLogger("fieldinspect.sync.push")


def bad_batch(message: str) -> ClientError:
    return ClientError(422, "bad_batch", message)


def push_batch(db: ServerDB, device: DeviceIdentity, entries: list[PushedEntry],
               audit: AuditHeadReport | None = None, follows: int | None = None) -> PushResult:
    """`audit`: the device's audit head report riding on the push, checked in the same
    transaction (one commit at HQ for both); never for a store caught as a copy. `follows`:
    the entry the device sent just before this batch, its answer not in yet (a pipelined push):
    nothing is applied until HQ holds it."""
    if not 1 <= len(entries) <= MAX_BATCH_ENTRIES:  # the digests' lookup relies on the bound
        raise bad_batch(f"a push holds 1 to {MAX_BATCH_ENTRIES} entries")
    for prev, nxt in zip(entries, entries[1:], strict=False):
        if nxt.seq != prev.seq + 1:
            raise bad_batch("entries must carry contiguous sequence numbers in order")
    deferred = _new_rows_only(db, entries)
    with collector_paused():  # read nothing of HQ's: checked before the transaction
        pre = precheck(entries)
    # New forms only (PostgreSQL): the rows' prefetch rides with the device's check
    ahead = _prefetch_plan(entries) if deferred else None
    # PostgreSQL: the audit head's standing read rides with the device's check too
    standing = standing_statement(device.id, audit) if audit is not None and \
        not db.is_sqlite else None
    with db.write() as conn:
        clock, row, fetched, stood = _open(conn, device, deferred, ahead, standing)
        if follows is not None and (row.last_seq is None or row.last_seq < follows):
            # It overtook the batch before it. A device that never pushed has no sequence
            # here yet, and its first number is taken as the queue's start: without this, the
            # batch before, arriving after, was answered as a replay and never applied.
            raise ClientError(409, "sequence_gap", f"entry {follows} is not here yet",
                              expected=(row.last_seq or 0) + 1)
        last = row.last_seq if row.last_seq is not None else entries[0].seq - 1
        fresh = [e for e in entries if e.seq > last]
        if len(fresh) == len(entries):
            fresh = entries  # as they came (a batch decoded typed stays so)
        elif isinstance(entries, TypedForms):  # some replayed: the general way, fields as dicts
            entries = entries.general()
            fresh = [e for e in entries if e.seq > last]
        if fresh and fresh[0].seq != last + 1:
            raise ClientError(409, "sequence_gap", f"expected outbox entry {last + 1}, got "
                              f"{fresh[0].seq}", expected=last + 1)
        clash = replays.reused(conn, device.id, entries[:len(entries) - len(fresh)])
        if clash:
            return _refuse_copy(conn, device, entries, clash)
        replayed = _stored_outcomes(conn, device.id, entries[0].seq, min(last, entries[-1].seq))
        # (`pre` is of every entry: used only when every entry is fresh)
        # (the prefetch that rode with the check was of every entry: used when all are fresh)
        outcomes, conflicts = _apply(conn, device, clock, fresh, pre if len(fresh) ==
                                     len(entries) else NOT_YET, keep=db.is_sqlite,
                                     fetched=(ahead, fetched) if fresh is entries and
                                     ahead is not None else None) \
            if fresh else ([], 0)
        acked = max(last, entries[-1].seq)
        if db.is_sqlite:
            clock.save(device_seq=(device.id, acked, utcnow()))
            answer = accept_in(conn, device, audit) if audit is not None else None
        else:  # the entries' digests, the counter (or the stamps) and COMMIT: one round trip
            answer = accept_in(conn, device, audit, stood=stood) if audit is not None else None
            digests = (replays.DIGESTS_SQL, replays.digests_row(device.id, fresh)) \
                if fresh else None
            if deferred:  # last: the counter is held from here to COMMIT only
                clock.save(_stamped(fresh, conflicts), device_seq=(device.id, acked, utcnow()),
                           ahead=digests, commit=True)
            else:
                clock.save(device_seq=(device.id, acked, utcnow()), ahead=digests, commit=True)
    _log_refusals(device, outcomes)
    return PushResult(acked_through=acked, outcomes=replayed + outcomes, audit=answer)


def _open(conn: sa.Connection, device: DeviceIdentity, deferred: bool,
          ahead: "_PrefetchPlan | None" = None, standing: tuple[str, tuple] | None = None):
    """The push's clock, the device's row, read with the authoritative check of its token
    (auth.py), the row locked: two pushes of one device take turns, the answers of `ahead`
    (else None) and the rows of `standing` (else None). Edits, deletes, big batches: the
    writers' gate taken exclusive and the counter first, one writer at a time (on PostgreSQL
    sent in one round trip with the device's check and the transaction's BEGIN). New rows
    only (PostgreSQL): side by side, the writers' gate taken shared by the device's statement,
    before the row, versions taken at the end (db.DeferredClock); `ahead`, the rows' prefetch
    (`_prefetch_plan`), sent in the same round trip right after the device's statement, so in
    the same order as before: the gate, the device's row, the paper numbers' locks, their
    holders. `standing` (PostgreSQL): the audit head's read (`audit_heads.standing_statement`,
    it takes no lock), sent last in the same round trip, once the device's row is locked. A
    refused check rolls back whatever was read and locked with the transaction."""
    extra = [] if standing is None else [standing]
    if deferred:
        clock = DeferredClock(conn, take_gate=False)
        if ahead is None and standing is None:
            return clock, check_pushing(conn, device, shared_gate=WRITERS_GATE), None, None
        plan = [] if ahead is None else ahead.statements
        check, *fetched = together(
            conn, [pushing_statement(conn, device, shared_gate=WRITERS_GATE), *plan, *extra],
            named=(True,) + (False,) * (len(plan) + len(extra)))
        stood = fetched.pop() if standing is not None else None
        return clock, checked_pushing(device, check), \
            fetched if ahead is not None else None, stood
    if conn.dialect.name != "postgresql":
        return VersionClock(conn), check_pushing(conn, device), None, None
    opening = len(VersionClock.OPENING)
    answers = together(conn, [*VersionClock.OPENING, pushing_statement(conn, device), *extra],
                       named=(True,) * (opening + 1) + (False,) * len(extra))
    counter, check = answers[opening - 1], answers[opening]
    return VersionClock(conn, counter=counter.fetchone()[0]), checked_pushing(device, check), \
        None, answers[-1] if standing is not None else None


def _refuse_copy(conn: sa.Connection, device: DeviceIdentity, entries: list[PushedEntry],
                 clash: list[int]) -> PushResult:
    """Entries before the first reused number were the device's own (replays as usual); from
    there on nothing is applied and the device's sequence stays where it is, so the store
    that pushed under these numbers first syncs on unharmed. Not acknowledged either: a device
    that does not know the refusal keeps the entries rather than prune them."""
    acked = clash[0] - 1
    log.warning("device %s (%s) pushed entries %s.. that differ from the ones HQ holds under "
                "those numbers: a restored or copied store; refused", device.label, device.id,
                clash[0])
    return PushResult(acked_through=acked, outcomes=_stored_outcomes(
        conn, device.id, entries[0].seq, acked) + replays.refusals(entries, clash))


# Tables whose new rows a push may write side by side with other pushes (PostgreSQL): rows
# keyed by the device's own new ids, checked against rows only edits change (which run alone)
# and, for forms, against the paper numbers, locked per number. A batch holding anything else
# (an edit, a delete, a problem and its confidential flag, reference data keyed by a natural id)
# runs alone as before.
SIDE_BY_SIDE = frozenset({"evaluation"})
SIDE_BY_SIDE_MAX = 100  # a bigger batch runs alone: stamping its rows costs more than waiting


def _new_rows_only(db: ServerDB, entries: list[PushedEntry]) -> bool:
    return not db.is_sqlite and len(entries) <= SIDE_BY_SIDE_MAX and all(
        e.op == "insert" and e.table in SIDE_BY_SIDE for e in entries)


def _stamped(entries: list[PushedEntry], conflicts: int) -> list[sa.Column]:
    """The version columns a batch of new rows wrote under provisional numbers."""
    tables = dict.fromkeys(e.table for e in entries)
    columns = [SYNCED_TABLES[t].__table__.c.server_version for t in tables]
    return columns + [T.conflict.c.version] if conflicts else columns


def _apply(conn: sa.Connection, device: DeviceIdentity, clock: VersionClock | DeferredClock,
           entries: list, pre=NOT_YET, keep: bool = True,
           fetched: "tuple[_PrefetchPlan, list] | None" = None
           ) -> tuple[list[EntryOutcome], int]:
    """`keep`: the entries' digests written here (else by the caller, with its last
    statement). `fetched`: `entries`' prefetch already made (its plan and answers)."""
    ctx = ApplyContext(conn=conn, scope=load_scope(conn, device), clock=clock)
    with collector_paused():  # the batch's rows are no cycles (sync/server/collector.py)
        if fetched is not None and fetched[0].entries is entries:
            _prefetched(ctx, *fetched)
        else:
            _prefetch(ctx, entries)
        results = apply_entries(ctx, entries, pre)
        ctx.flush()
        if keep:
            replays.keep_digests(conn, device.id, entries)
    refused = [answer_for(ctx.scope, o, ctx.lookup) for o in results if o is not None]
    if refused:
        conn.execute(T.outcome.insert(), [
            {"device_id": device.id, "seq": o.seq, "status": o.status, "code": o.code,
             "reason": o.reason, "table_name": o.table, "row_id": o.row_id,
             "details": _details_text(o.details)} for o in refused])
    return refused, ctx.conflicts


_TABLE, _OP, _ROW_ID, _FIELDS = (attrgetter(n) for n in ("table", "op", "row_id", "fields"))


def _prefetch(ctx: ApplyContext, entries: list) -> None:
    if isinstance(ctx.clock, DeferredClock):  # new rows only (PostgreSQL): one round trip
        _prefetch_new(ctx, entries, _named_rows(entries)[0])
        return
    tables = set(map(_TABLE, entries))
    if len(tables) == 1 and set(map(_OP, entries)) == {"insert"}:  # a device's usual batch
        (table,) = tables
        if table in SYNCED_TABLES:
            ctx.prefetch(table, list(map(_ROW_ID, entries)), new=True)
        forms = entries.number_rows() if isinstance(entries, TypedForms) else \
            list(map(_FIELDS, entries)) if table == "evaluation" else []
    else:
        by_table, edited = _named_rows(entries)
        for table, ids in by_table.items():
            if table in SYNCED_TABLES:
                ctx.prefetch(table, ids, new=table not in edited)
        forms = [e.fields for e in entries if e.table == "evaluation" and e.op == "insert"]
    if forms:
        prefetch_numbers(ctx, forms)


def _named_rows(entries: list) -> tuple[dict[str, list[str]], set[str]]:
    """The rows a batch names, per table, and the tables it edits or deletes in."""
    by_table: dict[str, list[str]] = {}
    edited: set[str] = set()
    for e in entries:
        if e.op != "skip":
            by_table.setdefault(e.table, []).append(e.row_id)
            if e.op != "insert":
                edited.add(e.table)
    return by_table, edited


def _prefetch_new(ctx: ApplyContext, entries: list, by_table: dict[str, list[str]]) -> None:
    """`_prefetch` of a push of new forms only (PostgreSQL): which of its rows HQ holds
    already, the paper numbers' locks and the forms holding those numbers, in ONE round trip,
    in that order (the locks before the holders are read). A push whose entries are all fresh
    has sent these with the device's check already (`_open`)."""
    plan = _prefetch_plan(entries, by_table)
    _prefetched(ctx, plan, together(ctx.conn, plan.statements))


class _PrefetchPlan(NamedTuple):
    """`_prefetch_new`'s statements for a batch, made before its transaction opens."""
    entries: list
    tables: list[tuple[str, list[str]]]
    keys: set
    numbers: bool  # the last statement reads the numbers' holders
    statements: list[tuple[str, object]]


def _prefetch_plan(entries: list, by_table: dict[str, list[str]] | None = None
                   ) -> _PrefetchPlan:
    if isinstance(entries, TypedForms):
        forms = entries.number_rows()
        campaigns, form_nos = forms
    else:
        forms = [e.fields for e in entries]
        campaigns = [f.get("campaign_id") for f in forms]
        form_nos = [f.get("form_no") for f in forms]
    keys, numbers = numbers_statement(forms, sqlite=False)
    lock = DeferredClock.numbers_lock([f"{c}\x1f{no}" for c, no in zip(campaigns, form_nos,
                                                                       strict=True)
                                       if isinstance(no, str)])
    tables = list((by_table if by_table is not None else _named_rows(entries)[0]).items())
    return _PrefetchPlan(entries, tables, keys, numbers is not None, [
        existing_ids_statement(t, ids) for t, ids in tables] + [
        s for s in (lock, numbers) if s is not None])


def _prefetched(ctx: ApplyContext, plan: _PrefetchPlan, answers: list) -> None:
    """`ctx`'s prefetch from the answers to `plan`'s statements."""
    for (table, ids), present in zip(plan.tables, answers, strict=False):
        ctx.prefetch(table, ids, new=True, present={r[0] for r in present})
    take_numbers(ctx, plan.keys, answers[-1] if plan.numbers else ())


def _stored_outcomes(conn: sa.Connection, device_id: str, first: int,
                     last: int) -> list[EntryOutcome]:
    if last < first:
        return []
    rows = conn.execute(sa.select(T.outcome).where(
        T.outcome.c.device_id == device_id, T.outcome.c.seq.between(first, last)
    ).order_by(T.outcome.c.seq))
    return [EntryOutcome(seq=r.seq, status=r.status, code=r.code, reason=r.reason,
                         table=r.table_name, row_id=r.row_id, details=orjson.loads(r.details))
            for r in rows]


def _details_text(details: dict) -> str:
    return orjson.dumps(details, default=str).decode()


def _log_refusals(device: DeviceIdentity, outcomes: list[EntryOutcome]) -> None:
    for o in outcomes:
        if o.status in ("forbidden", "rejected"):
            log.warning("device %s (%s) entry %s %s on %s/%s: %s", device.label, device.id,
                        o.seq, o.status, o.table, o.row_id, o.reason)

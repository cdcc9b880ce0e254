"""Batches of paper forms keyed at the office, and their double-entry verification.

A clerk opens a batch (campaign, respondent group, unit, date, and the count written on the
batch cover), keys its forms one after another, and closes it; the close reconciles the count.
A second clerk may re-key the batch (or a sample of it) without seeing the first entry; that
keying is stored as `BatchKeying` rows of pass 2, never as more forms, and each difference is
settled by a supervisor. Pass-1 keying rows only link the batch to the forms it produced.
"""

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models import rules, services
from models.base import Code, JsonList, SyncedRow, Timestamp
from models.enums import (
    Criterion,
    EvaluationSource,
    Level,
    ProfileRole,
    RespondentGroup,
    UnitKind,
)
from models.errors import DomainError, NotFoundError, Problem, ValidationError
from models.records import Evaluation
from models.reference import Campaign, Unit
from models.store.writes import WriteSession
from models.timeutil import local_today, utcnow
from models.unit_lineage import kinds_up

CRITERIA = tuple(c.value for c in Criterion)
# Every field a clerk keys is compared between the two keyings (the form number pairs them).
COMPARED = ("level", *CRITERIA)
# Free text is compared as it reads, not keystroke by keystroke: full- and half-width forms
# (NFKC: "，" and ",", "１" and "1") and spacing do not change what a form says; any other
# difference, a word or a punctuation mark, is one for the supervisor.
TEXTS_COMPARED = ("reason", "suggestion")
SETTLE_ROLES = (ProfileRole.SUPERVISOR, ProfileRole.HQ)


class EntryBatchBase(SQLModel):
    campaign_id: str = Field(max_length=36, index=True)
    group: RespondentGroup = Code()
    unit_id: str = Field(max_length=36, index=True)
    evaluated_on: date
    cover_count: int = Field(ge=1, le=100_000)
    closed_at: datetime | None = Timestamp(default=None, nullable=True)
    closed_by: str = Field(default="", max_length=80)
    # Form numbers the supervisor chose for re-keying; empty means the whole batch.
    verify_forms: list[str] = JsonList()
    verified_at: datetime | None = Timestamp(default=None, nullable=True)
    verified_by: str = Field(default="", max_length=80)


class EntryBatch(EntryBatchBase, SyncedRow, table=True):
    __tablename__ = "entry_batch"


class EntryBatchCreate(EntryBatchBase):
    pass


class BatchKeyingBase(SQLModel):
    batch_id: str = Field(max_length=36, index=True)
    pass_no: int = 1  # 1: the entry (links a form); 2: a verification keying
    evaluation_id: str | None = Field(default=None, max_length=36, index=True)
    form_no: str | None = Field(default=None, max_length=40)
    level: Level | None = Code(default=None, nullable=True)
    discipline: Level | None = Code(default=None, nullable=True)
    law: Level | None = Code(default=None, nullable=True)
    service: Level | None = Code(default=None, nullable=True)
    integrity: Level | None = Code(default=None, nullable=True)
    efficiency: Level | None = Code(default=None, nullable=True)
    reason: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    suggestion: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS,
                            sa_column_kwargs={"server_default": ""})  # migration 0006
    resolution: str = Field(default="", max_length=20)  # first | second | voided
    settled_by: str = Field(default="", max_length=80)
    settled_at: datetime | None = Timestamp(default=None, nullable=True)


class BatchKeying(BatchKeyingBase, SyncedRow, table=True):
    __tablename__ = "batch_keying"
    # Pairs the entry with the second keying of each form (models/clerk_stats.py, migration
    # 0013): without it the pairing join scanned the whole batch for every form (100,000 forms
    # in batches of 500: 284 s under load, against 11 s for a plain scan of the rows).
    __table_args__ = (sa.Index("ix_batch_keying_pair", "batch_id", "form_no", "pass_no"),)


@dataclass
class Reconciliation:
    cover_count: int
    entered: int

    @property
    def gap(self) -> int:
        """Forms the cover promises that were not keyed (negative: more keyed than promised)."""
        return self.cover_count - self.entered


@dataclass
class Difference:
    keying_id: str
    form_no: str
    evaluation_id: str | None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name: (first, second)
    kind: str = "mismatch"  # mismatch | only_second | only_first
    resolution: str = ""


# --- numbers -------------------------------------------------------------------------------
def next_form_number(previous: str | None) -> str:
    """The number after `previous`, keeping its prefix and zero padding ("A-0099" → "A-0100")."""
    if not previous:
        return "1"
    match = re.search(r"(\d+)(\D*)$", previous)
    if match is None:
        return previous
    digits = match.group(1)
    bumped = str(int(digits) + 1).zfill(len(digits))
    return previous[: match.start(1)] + bumped + match.group(2)


def group_for_unit(kind: str | None) -> RespondentGroup:
    """Who rates a unit at its own window: parents a school, patients a hospital, else citizens."""
    return {UnitKind.SCHOOL: RespondentGroup.PARENT,
            UnitKind.HOSPITAL: RespondentGroup.PATIENT}.get(kind, RespondentGroup.CITIZEN)


# --- batches -------------------------------------------------------------------------------
def open_batch(w: WriteSession, values: dict[str, Any]) -> str:
    """A batch of one respondent group's forms for one unit; a group that does not fit the
    unit (parents rating a hospital) is refused (rules.group_fit_problems)."""
    row = EntryBatchCreate.model_validate(values).model_dump()
    rules.raise_if(rules.group_fit_problems(row["group"], kinds_up(w.conn, row["unit_id"])))
    return w.create(EntryBatch, {**row, "id": values.get("id")})


def get_batch(conn: sa.Connection, batch_id: str) -> dict:
    t = EntryBatch.__table__
    row = conn.execute(sa.select(t).where(t.c.id == batch_id, t.c.deleted_at.is_(None))
                       ).mappings().first()
    if row is None:
        raise NotFoundError(code="batch_not_found")
    return dict(row)


def open_batches(conn: sa.Connection, profile: str | None = None) -> list[dict]:
    t = EntryBatch.__table__
    query = sa.select(t).where(t.c.closed_at.is_(None), t.c.deleted_at.is_(None))
    if profile:
        query = query.where(t.c.created_by == profile)
    return [dict(r) for r in conn.execute(query.order_by(t.c.created_at)).mappings()]


def closed_unverified(conn: sa.Connection) -> list[dict]:
    t = EntryBatch.__table__
    query = sa.select(t).where(t.c.closed_at.is_not(None), t.c.verified_at.is_(None),
                               t.c.deleted_at.is_(None)).order_by(t.c.closed_at)
    return [dict(r) for r in conn.execute(query).mappings()]


def add_form(w: WriteSession, batch_id: str, values: dict[str, Any]) -> str:
    """Validate and save one paper form of an open batch; return the form's id."""
    batch = get_batch(w.conn, batch_id)
    if batch["closed_at"] is not None:
        raise DomainError(code="batch_closed")
    row = {
        "campaign_id": batch["campaign_id"], "group": batch["group"],
        "unit_id": batch["unit_id"], "evaluated_on": batch["evaluated_on"],
        "source": EvaluationSource.PAPER, **values,
    }
    if "group" in values or "unit_id" in values:
        rules.raise_if(rules.group_fit_problems(row["group"], kinds_up(w.conn, row["unit_id"])))
    evaluation_id = services.create_record(w, Evaluation, row)
    # The pass-1 row keeps what the clerk keyed: a supervisor's settlement later corrects the
    # form, and the clerk's keying error rate (models/clerk_stats.py) is counted against this.
    w.create(BatchKeying, {"batch_id": batch_id, "pass_no": 1, "evaluation_id": evaluation_id,
                           "form_no": values.get("form_no"), **_keyed(w.current(
                               Evaluation, evaluation_id))})
    return evaluation_id


def _keyed(form: dict) -> dict:
    """The fields a clerk keys, as a form holds them (for a pass-1 keying row)."""
    return {name: form[name] for name in COMPARED + TEXTS_COMPARED}


def _entry_keying(conn: sa.Connection, batch_id: str, evaluation_id: str) -> dict | None:
    k = BatchKeying.__table__
    row = conn.execute(sa.select(k).where(
        k.c.batch_id == batch_id, k.c.pass_no == 1, k.c.evaluation_id == evaluation_id,
        k.c.deleted_at.is_(None))).mappings().first()
    return dict(row) if row else None


def correct_form(w: WriteSession, batch_id: str, evaluation_id: str,
                 changes: dict[str, Any]) -> dict:
    if evaluation_id not in _batch_form_ids(w.conn, batch_id):
        raise NotFoundError(code="form_not_in_batch")
    changed = services.update_record(w, Evaluation, evaluation_id, changes)
    keying = _entry_keying(w.conn, batch_id, evaluation_id)
    if keying and get_batch(w.conn, batch_id)["closed_at"] is None:  # the clerk's own keying
        w.update(BatchKeying, keying["id"], _keyed(w.current(Evaluation, evaluation_id)))
    return changed


def batch_forms(conn: sa.Connection, batch_id: str) -> list[dict]:
    """The forms of a batch in keying order (voided ones included, marked)."""
    e, k = Evaluation.__table__, BatchKeying.__table__
    query = (
        sa.select(e.c.id, e.c.form_no, e.c.level, *(e.c[c] for c in CRITERIA), e.c.reason,
                  e.c.suggestion, e.c.voided, e.c.created_by, e.c.created_at)
        .join(k, k.c.evaluation_id == e.c.id)
        .where(k.c.batch_id == batch_id, k.c.pass_no == 1, k.c.deleted_at.is_(None),
               e.c.deleted_at.is_(None))
        .order_by(k.c.created_at, k.c.id)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def _batch_form_ids(conn: sa.Connection, batch_id: str) -> set[str]:
    k = BatchKeying.__table__
    return set(conn.execute(sa.select(k.c.evaluation_id).where(
        k.c.batch_id == batch_id, k.c.pass_no == 1, k.c.deleted_at.is_(None))).scalars())


def reconciliation(conn: sa.Connection, batch_id: str) -> Reconciliation:
    batch = get_batch(conn, batch_id)
    entered = sum(1 for f in batch_forms(conn, batch_id) if not f["voided"])
    return Reconciliation(batch["cover_count"], entered)


def close_batch(w: WriteSession, batch_id: str) -> Reconciliation:
    result = reconciliation(w.conn, batch_id)
    w.update(EntryBatch, batch_id, {"closed_at": utcnow(), "closed_by": w.profile})
    return result


# --- double-entry verification ---------------------------------------------------------------
def choose_sample(w: WriteSession, batch_id: str, size: int | None, *,
                  actor_role: str | None, seed: int | str | None = None) -> list[str]:
    """The supervisor picks how many forms are re-keyed (None or ≥ the batch: all of them).

    The draw is seeded from the batch id, so the same batch and size give the same sample on
    any device, and an auditor can redraw it."""
    _require_supervisor(w, actor_role, "sample_needs_supervisor")
    numbers = [f["form_no"] for f in batch_forms(w.conn, batch_id)
               if f["form_no"] and not f["voided"]]
    chosen = [] if size is None or size >= len(numbers) else sorted(
        random.Random(batch_id if seed is None else seed).sample(numbers, max(size, 1)))
    w.update(EntryBatch, batch_id, {"verify_forms": chosen})
    return chosen


def forms_to_verify(conn: sa.Connection, batch_id: str) -> list[str]:
    batch = get_batch(conn, batch_id)
    return list(batch["verify_forms"]) or [
        f["form_no"] for f in batch_forms(conn, batch_id) if f["form_no"] and not f["voided"]]


def verification_keyings(conn: sa.Connection, batch_id: str) -> list[dict]:
    k = BatchKeying.__table__
    query = sa.select(k).where(k.c.batch_id == batch_id, k.c.pass_no == 2,
                               k.c.deleted_at.is_(None)).order_by(k.c.created_at, k.c.id)
    return [dict(r) for r in conn.execute(query).mappings()]


def add_verification(w: WriteSession, batch_id: str, values: dict[str, Any]) -> str:
    """Store one re-keyed form of a closed batch (keyed again: the later keying replaces it)."""
    batch = get_batch(w.conn, batch_id)
    if batch["closed_at"] is None:
        raise DomainError(code="batch_open")
    if batch["verified_at"] is not None:
        raise DomainError(code="batch_verified")
    if w.profile == batch["created_by"]:
        raise DomainError(code="same_keyer")
    form_no = (values.get("form_no") or "").strip()
    if not form_no:
        raise ValidationError(Problem.of("form_no", "verify_needs_form_no"))
    if not values.get("level"):
        raise ValidationError(Problem.of("level", "verify_needs_level"))
    row = {"batch_id": batch_id, "pass_no": 2, "form_no": form_no,
           "level": Level(values["level"]), "reason": (values.get("reason") or "").strip(),
           "suggestion": (values.get("suggestion") or "").strip(),
           **{c: Level(values[c]) if values.get(c) else None for c in CRITERIA}}
    for earlier in verification_keyings(w.conn, batch_id):
        if earlier["form_no"] == form_no:
            w.delete(BatchKeying, earlier["id"])
    return w.create(BatchKeying, row)


def finish_verification(w: WriteSession, batch_id: str) -> list[Difference]:
    """Close the second keying: forms it skipped count as differences; no difference at all
    marks the batch verified at once."""
    keyed = {k["form_no"] for k in verification_keyings(w.conn, batch_id)}
    if not keyed:
        raise DomainError(code="nothing_keyed")
    for form_no in forms_to_verify(w.conn, batch_id):
        if form_no not in keyed:
            w.create(BatchKeying, {"batch_id": batch_id, "pass_no": 2, "form_no": form_no})
    found = differences(w.conn, batch_id)
    if not found:
        _mark_verified(w, batch_id)
    return found


def differences(conn: sa.Connection, batch_id: str) -> list[Difference]:
    by_no = {f["form_no"]: f for f in batch_forms(conn, batch_id)
             if f["form_no"] and not f["voided"]}
    found = []
    for keying in verification_keyings(conn, batch_id):
        first = by_no.get(keying["form_no"])
        diff = Difference(keying["id"], keying["form_no"], first and first["id"],
                          resolution=keying["resolution"])
        if first is None:
            diff.kind = "only_second"
        elif keying["level"] is None:
            diff.kind = "only_first"
        else:
            diff.fields = _differing_fields(first, keying)
            if not diff.fields:
                continue
        found.append(diff)
    return found


def _differing_fields(first: dict, second: dict) -> dict[str, tuple[Any, Any]]:
    fields = {c: (first[c], second[c]) for c in COMPARED
              if (first[c] or None) != (second[c] or None)}
    fields.update({t: (first[t] or "", second[t] or "") for t in TEXTS_COMPARED
                   if _as_read(first[t]) != _as_read(second[t])})
    return fields


def _as_read(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def settle(w: WriteSession, batch_id: str, keying_id: str, resolution: str, *,
           actor_role: str | None, void_reason: str = "") -> None:
    """A supervisor settles one difference: `first` keeps the form, `second` corrects it to the
    second keying, `voided` voids it. The batch is verified once every difference is settled."""
    _require_supervisor(w, actor_role, "settle_needs_supervisor")
    diff = next((d for d in differences(w.conn, batch_id) if d.keying_id == keying_id), None)
    if diff is None:
        raise NotFoundError(code="difference_not_found")
    if resolution == "second":
        if diff.evaluation_id is None or diff.kind != "mismatch":
            raise DomainError(code="nothing_to_correct")
        _keep_first_keying(w, batch_id, diff.evaluation_id)
        services.update_record(w, Evaluation, diff.evaluation_id,
                               {name: pair[1] for name, pair in diff.fields.items()})
    elif resolution == "voided":
        if diff.evaluation_id is not None:
            services.void_evaluation(w, diff.evaluation_id, void_reason or "keying difference")
    elif resolution != "first":
        raise ValidationError(Problem.of("resolution", "unknown_resolution",
                                         resolution=resolution))
    w.update(BatchKeying, keying_id, {"resolution": resolution, "settled_by": w.profile,
                                      "settled_at": utcnow()})
    if all(d.resolution for d in differences(w.conn, batch_id)):
        _mark_verified(w, batch_id)


def _keep_first_keying(w: WriteSession, batch_id: str, evaluation_id: str) -> None:
    """Before a form takes the second keying's values, its pass-1 row keeps the first's (a
    form keyed before pass-1 rows held them has none yet)."""
    keying = _entry_keying(w.conn, batch_id, evaluation_id)
    if keying and keying["level"] is None:
        w.update(BatchKeying, keying["id"], _keyed(w.current(Evaluation, evaluation_id)))


def differing_fields(first: dict, second: dict) -> dict[str, tuple[Any, Any]]:
    """The compared fields whose values differ between two keyings of one form."""
    return _differing_fields(first, second)


def _mark_verified(w: WriteSession, batch_id: str) -> None:
    keyers = [k["created_by"] for k in verification_keyings(w.conn, batch_id)]
    w.update(EntryBatch, batch_id, {"verified_at": utcnow(),
                                    "verified_by": keyers[0] if keyers else w.profile})
    from models.clerk_stats import keep_batch_figures  # built on this module

    keep_batch_figures(w.conn, batch_id)


def _require_supervisor(w: WriteSession, actor_role: str | None, code: str) -> None:
    """The acting profile's stored role decides (models/security/roles.py), not the caller;
    the refusal names what only a supervisor does (`code`)."""
    from models.security.roles import require_supervisor

    if actor_role is not None and actor_role not in SETTLE_ROLES:
        raise DomainError(code=code)
    require_supervisor(w.conn, w.profile, actor_role, code)


# --- kiosk ---------------------------------------------------------------------------------
def find_campaign(conn: sa.Connection, name: str | None = None) -> dict:
    """The named campaign, or the open one (the latest if several are open)."""
    t = Campaign.__table__
    query = sa.select(t.c.id, t.c.name, t.c.year, t.c.is_open).where(t.c.deleted_at.is_(None))
    query = query.where(t.c.name == name) if name else query.where(t.c.is_open.is_(True))
    row = conn.execute(query.order_by(t.c.year.desc(), t.c.created_at.desc())).mappings().first()
    if row is None:
        raise (NotFoundError(code="kiosk_campaign_not_found", params={"name": name}) if name
               else NotFoundError(code="kiosk_no_open_campaign"))
    return dict(row)


def find_unit(conn: sa.Connection, name: str) -> dict:
    t = Unit.__table__
    rows = conn.execute(sa.select(t.c.id, t.c.name, t.c.kind).where(
        t.c.name == name.strip(), t.c.deleted_at.is_(None))).mappings().all()
    if not rows:
        raise NotFoundError(code="kiosk_unit_not_found", params={"name": name})
    if len(rows) > 1:
        raise NotFoundError(code="kiosk_unit_ambiguous", params={"name": name})
    return dict(rows[0])


def record_kiosk_rating(w: WriteSession, *, campaign_id: str, unit_id: str, group: str,
                        level: str, reason: str = "") -> str:
    """One rating at a service window: a form of source "kiosk", without a paper number."""
    return services.create_record(w, Evaluation, {
        "campaign_id": campaign_id, "group": group, "unit_id": unit_id, "level": level,
        "reason": reason, "evaluated_on": local_today(), "source": EvaluationSource.KIOSK,
        "form_no": None,
    })

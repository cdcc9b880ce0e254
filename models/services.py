"""Validated entry points shared by the window, the importer and the server.

Keyword-light functions taking a `WriteSession` (one user action, one transaction). Each checks
the domain rules of `models.rules` before writing through the single write path.
"""

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError as PydanticError
from sqlmodel import SQLModel

from models import rules
from models.campaigns import open_campaign_id
from models.confidential import FLAG, judge_source, row_lookup, sources_of
from models.enums import EvaluationSource, Level, OpinionSource, ProblemStatus
from models.errors import DuplicateFormNumberError, Problem, ValidationError
from models.form_opinion import opinion_from_form
from models.ledger_numbers import next_ledger_no
from models.records import (
    Evaluation,
    Finding,
    Opinion,
    PersonnelCriticism,
    Visit,
)
from models.records import (
    Problem as ProblemRow,
)
from models.reference import Campaign, OfficeSettings, Unit
from models.security.roles import require_hq_device
from models.store.writes import WriteSession
from models.timeutil import local_today


def _create_variant(model: type[SQLModel]) -> type[SQLModel]:
    import models.checklist_tables as ck
    import models.records as r
    import models.reference as ref

    name = f"{model.__name__}Create"
    if model.__tablename__ in _ANSWERED:  # models.rectification: the Base variant checks a row
        return next(k for k in model.__mro__[1:] if issubclass(k, SQLModel))
    return getattr(r, name, None) or getattr(ck, name, None) or getattr(ref, name)


def validated(model: type[SQLModel], values: dict[str, Any]) -> dict[str, Any]:
    """Parse `values` with the model's Create variant; field errors become our Problems."""
    try:
        obj = _create_variant(model).model_validate(values)
    except PydanticError as exc:
        raise ValidationError([_problem_of(err) for err in exc.errors()]) from exc
    return obj.model_dump()


def _problem_of(err: dict) -> Problem:
    where = ".".join(str(p) for p in err["loc"]) or "value"
    if err["type"] == "string_too_long":  # worded as the importer and HQ word it
        return rules.too_long(where, len(err["input"]), err["ctx"]["max_length"])
    if err["type"] == "enum":  # as a file's or the command line's value is refused
        return Problem.of(where, "not_one_of", value=str(err.get("input")),
                          accepted=err["ctx"]["expected"])
    if err["type"] == "missing":
        return Problem(where, err["msg"], code="field_required")
    # Pydantic's own English stays in the message for logs; a person reads the code's sentence.
    return Problem(where, err["msg"], code="invalid_value")


# Rules HQ does not apply to pushed rows: devices older than them made such rows legitimately
# (a finding with no description; a secret visit an older window saved unassigned, which only HQ
# receives and only HQ may assign). Refusing them at HQ would lose field work already done.
ENTRY_ONLY = ("visit", "finding")


def record_problems(model: type[SQLModel], row: dict[str, Any],
                    changed: set[str] | None = None, *, at_hq: bool = False,
                    lookup: Callable[[str, str | None], Any] | None = None) -> list[Problem]:
    """The domain rules that apply to one full row of `model`. `changed`: the fields an edit
    sets (None: a new row); the entry rules of issue 12 look only at an edit that touches them.
    `at_hq`: HQ checking a pushed row, which skips the ENTRY_ONLY rules."""
    if at_hq and model.__table__.name in ENTRY_ONLY:  # __tablename__ is a slow descriptor
        return []
    if model is Evaluation:
        return rules.evaluation_problems(row.get("level"), row.get("reason"))
    if model is PersonnelCriticism:
        return rules.criticism_problems(row.get("person_name"), row.get("unit_id"))
    if model is ProblemRow:
        verified = (rules.verification_problems(row.get("status"), row.get("measures"))
                    if changed is None or changed & {"status", "measures"} else [])
        return (rules.deadline_problems(row.get("reported_on"), row.get("deadline")) + verified
                + _reply_problems(row, changed, lookup))
    if model is Visit:
        return rules.visit_problems(row, changed)
    if model is Finding:
        return rules.finding_problems(row, changed)
    if model is Campaign:
        return rules.campaign_problems(row, changed)
    return []


def column_problems(model: type[SQLModel], columns: dict[str, list]) -> list[list[Problem]] | None:
    """`record_problems(model, row, at_hq=True)` of each new row of a batch given column by
    column (`columns`: field -> values, one per row), or None for a model whose rules need
    the row whole (HQ then checks each row alone). The same rule functions, fed from the
    columns: a batch of new forms is not turned into a dict per row to be checked."""
    if model is Evaluation:
        return list(map(rules.evaluation_problems, columns["level"], columns["reason"]))
    return None


def _reply_problems(row: dict, changed: set[str] | None,
                    lookup: Callable[[str, str | None], Any] | None) -> list[Problem]:
    """The reply rules, when a change touches the reply (`lookup` finds the source opinion)."""
    if changed is not None and not changed & set(rules.REPLY_FIELDS):
        return []
    opinion = lookup("opinion", row.get("source_id")) if lookup and row.get("source_id") else None
    return rules.reply_problems(row, (opinion or {}).get("contact"))


def _opinion_lookup(conn: sa.Connection) -> Callable[[str, str | None], Any]:
    t = Opinion.__table__

    def lookup(table: str, row_id: str | None) -> Any:
        return conn.execute(sa.select(t.c.contact).where(t.c.id == row_id)).mappings().first()
    return lookup


def create_record(w: WriteSession, model: type[SQLModel], values: dict[str, Any]) -> str:
    if model in (ProblemRow, Opinion) and not values.get("campaign_id"):
        # Typed without a campaign: the open one, or every campaign's output drops it.
        values = {**values, "campaign_id": open_campaign_id(w.conn)}
    if model is ProblemRow and not (values.get("ledger_no") or "").strip():
        values = {**values, "ledger_no": next_ledger_no(w.conn, values.get("campaign_id"))}
    row = validated(model, values)
    _check_hq_fields(w, model, None, row)  # who may set it, before whether it is well set
    rules.raise_if(record_problems(model, row, lookup=_opinion_lookup(w.conn)))
    if model is Evaluation:
        return save_evaluation(w, row)
    return w.create(model, {**row, "id": values.get("id")})


def update_record(w: WriteSession, model: type[SQLModel], row_id: str, changes: dict) -> dict:
    if model is ProblemRow and "status" in changes:
        raise ValidationError(Problem.of("status", "status_change_only"))
    current = w.current(model, row_id)
    row = validated(model, {**current, **changes})
    _check_hq_fields(w, model, current, row)
    rules.raise_if(record_problems(model, row, set(changes), lookup=_opinion_lookup(w.conn)))
    if model is ProblemRow:
        check_confidential_kept(w.conn, current, row)
    if model is Evaluation and row.get("form_no") != current.get("form_no"):
        check_form_number(w.conn, row["campaign_id"], row.get("form_no"), exclude_id=row_id)
    changed = w.update(model, row_id, {k: row[k] for k in changes if k in row})
    if model is Evaluation and "suggestion" in changed:
        follow_suggestion(w, row_id)
    return changed


# The unit's rows that carry HQ's answer (issue 14 §2): the unit writes the row, HQ alone the
# answer (HQ refuses it from any other device too: sync/server/scope.py).
_ANSWERED = {
    "extension_request": (rules.EXTENSION_DECISION_FIELDS,
                          "Only HQ decides on a request for a later deadline.",
                          "extension_decision_hq_only"),
    "rectification_report": (rules.REPORT_REVIEW_FIELDS,
                             "Only HQ accepts or returns a rectification report.",
                             "report_review_hq_only"),
}


def _check_hq_fields(w: WriteSession, model: type[SQLModel], before: dict | None,
                     after: dict) -> None:
    """Fields only HQ sets (HQ refuses them from any other device too: sync/server/scope.py)."""
    if model is Campaign:
        require_hq_device(w.conn, rules.result_settings_set(before, after),
                          "Only HQ sets a campaign's weights and minimum sample; this device "
                          "reads them.", "hq_setting")
    elif model is Visit and before is not None:
        require_hq_device(w.conn, rules.assignment_changed(before, after),
                          "Only HQ changes a visit's team and representatives.",
                          "visit_assignment_hq_only")
    elif model is ProblemRow:
        require_hq_device(w.conn, rules.reply_changed(before, after),
                          "Only HQ records the reply to the complainant; this device reads it.",
                          "reply_hq_only")
        require_hq_device(w.conn, rules.problem_assignment_set(before, after),
                          "Only HQ assigns a problem to its unit; this device reads the "
                          "assignment.", "assignment_hq_only")
    elif model.__tablename__ in _ANSWERED:
        fields, message, code = _ANSWERED[model.__tablename__]
        require_hq_device(w.conn, rules.answer_changed(fields, before, after), message, code)
    elif model is Unit:
        require_hq_device(w.conn, rules.unit_category_set(before, after),
                          "Only HQ sets a unit's appraisal category; this device reads it.",
                          "unit_category_hq_only")
    elif model is OfficeSettings:
        require_hq_device(w.conn, [k for k in after if before is None or after[k] != before.get(k)],
                          "Only HQ sets the office settings; this device reads them.",
                          "office_settings_hq_only")


def delete_record(w: WriteSession, model: type[SQLModel], row_id: str) -> None:
    w.delete(model, row_id)


def check_confidential_kept(conn: sa.Connection, current: dict, row: dict) -> None:
    """A person at HQ may lower a problem's confidential-source flag, but not while its source
    is a secret visit's finding or cannot be found (HQ refuses it the same way)."""
    sources = sources_of(conn, [current["id"]]).get(current["id"], ()) if current.get(FLAG) else ()
    if current.get(FLAG) and not row.get(FLAG) and judge_source(row, row_lookup(conn),
                                                                sources)[0]:
        # The code HQ's outcome carries too (sync/server/confidential.py); its sentence is
        # the HQ outcome's.
        raise ValidationError(Problem(
            FLAG, "the problem comes from a secret visit's finding, or its source cannot be "
                  "found; it stays confidential", code="confidential_source_kept"),
            code="confidential_source_kept")


# --- evaluation forms ------------------------------------------------------------------------
def check_form_number(conn: sa.Connection, campaign_id: str, form_no: str | None,
                      *, exclude_id: str | None = None) -> None:
    """A paper form's number is unique within its campaign (checked at entry, on the device)."""
    if not form_no:
        return
    t = Evaluation.__table__
    query = sa.select(t.c.created_at, t.c.created_by).where(
        t.c.campaign_id == campaign_id, t.c.form_no == form_no,
        t.c.deleted_at.is_(None), t.c.voided.is_(False),
    )
    if exclude_id:
        query = query.where(t.c.id != exclude_id)
    first = conn.execute(query.limit(1)).first()
    if first is not None:
        when = first.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        raise DuplicateFormNumberError(Problem.of("form_no", "duplicate_form_number",
                                                  number=form_no, when=when,
                                                  who=first.created_by))


def save_evaluation(w: WriteSession, row: dict[str, Any]) -> str:
    """One form (already validated): number check, the form, and its suggestion as an Opinion."""
    if row.get("source", EvaluationSource.PAPER) == EvaluationSource.PAPER:
        check_form_number(w.conn, row["campaign_id"], row.get("form_no"))
    evaluation_id = w.create(Evaluation, row)
    if (row.get("suggestion") or "").strip():
        w.create(Opinion, opinion_from_form(row, evaluation_id))
    return evaluation_id


def follow_suggestion(w: WriteSession, evaluation_id: str) -> None:
    """Keep the Opinion made from a form's suggestion in step with the corrected form: its text
    follows, a suggestion typed later makes one, and an emptied suggestion (a keying slip)
    removes it unless the opinion already became a problem in the ledger."""
    form = w.current(Evaluation, evaluation_id)
    o, p = Opinion.__table__, ProblemRow.__table__
    opinion = w.conn.execute(sa.select(o.c.id).where(
        o.c.source_id == evaluation_id, o.c.source == OpinionSource.FORM,
        o.c.deleted_at.is_(None))).first()
    text = (form["suggestion"] or "").strip()
    if opinion is None:
        if text:
            w.create(Opinion, opinion_from_form(form, evaluation_id))
    elif text:
        w.update(Opinion, opinion.id, {"text": text})
    elif w.conn.execute(sa.select(p.c.id).where(
            p.c.source_id == opinion.id, p.c.deleted_at.is_(None))).first() is None:
        w.delete(Opinion, opinion.id)


def void_evaluation(w: WriteSession, evaluation_id: str, reason: str) -> None:
    """A form found invalid later is voided, never deleted."""
    if not reason.strip():
        raise ValidationError(Problem.of("void_reason", "void_needs_reason"))
    w.update(Evaluation, evaluation_id, {"voided": True, "void_reason": reason.strip()})


# --- rectification ---------------------------------------------------------------------------
def change_problem_status(w: WriteSession, problem_id: str, new_status: str, *,
                          actor_role: str | None = None, reopen_reason: str | None = None) -> dict:
    current = w.current(ProblemRow, problem_id)
    rules.check_status_change(current["status"], new_status, actor_role=actor_role,
                              reopen_reason=reopen_reason)
    rules.raise_if(rules.verification_problems(new_status, current["measures"]))
    changes: dict[str, Any] = {"status": ProblemStatus(new_status)}
    reached_rectified = rules.status_rank(new_status) >= rules.status_rank(ProblemStatus.RECTIFIED)
    if reached_rectified and current["rectified_on"] is None:
        changes["rectified_on"] = local_today()
    if rules.status_rank(new_status) < rules.status_rank(current["status"]):
        changes["reopen_reason"] = reopen_reason.strip()
        if not reached_rectified:
            changes["rectified_on"] = None
    return w.update(ProblemRow, problem_id, changes)


__all__ = [
    "Level",
    "change_problem_status",
    "check_form_number",
    "create_record",
    "delete_record",
    "save_evaluation",
    "update_record",
    "void_evaluation",
]

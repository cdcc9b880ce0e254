"""Import of accountability cases (问责, issue 17 §1): HQ's register of cases, or the cases
list as the window exports it. HQ only (docs/authorization.md: no other device holds a case);
any other device refuses the whole file.

Columns `outcome` (处理结果) and any of `decided_on`, `subject`, `person_name`, `unit`,
`violation`, `ledger_no` (日期, 对象, 姓名, 单位, 违纪事实, 台账编号). A case about a person
names the person, one about a unit names the unit. `ledger_no` lists the problems the case was
opened for by their ledger numbers (台账编号, separated by 、): each must name exactly one
problem this store holds (a number used in two campaigns is a row error naming it). Natural
key: subject, person, unit, date and outcome, so a file imported twice adds nothing.
"""

from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa

from models.enums import CaseSubject, DeviceRole, Outcome
from models.errors import Problem
from models.imports.common import ImportReport, Progress, column_limits
from models.imports.record_rows import (
    Context,
    RecordKind,
    cell,
    date_cell,
    import_records,
    names,
    parse_label,
    unit_cell,
)
from models.records import AccountabilityCase
from models.records import Problem as ProblemRow

REQUIRED = ("outcome",)
OPTIONAL = ("decided_on", "subject", "person_name", "unit", "violation", "ledger_no")
LIMITS = column_limits({"person_name": (AccountabilityCase, "person_name"),
                        "violation": (AccountabilityCase, "violation")},
                       ("outcome", "decided_on", "subject", "unit", "ledger_no"))


def _ledger(ctx: Context) -> dict[str, list[str]]:
    t = ProblemRow.__table__
    by_number = defaultdict(list)
    for r in ctx.conn.execute(sa.select(t.c.ledger_no, t.c.id).where(
            t.c.deleted_at.is_(None), t.c.ledger_no != "")):
        by_number[r.ledger_no].append(r.id)
    return by_number


def _problems(values: dict, ctx: Context, row: dict, errors: list[Problem]) -> None:
    ledger = ctx.once("ledger", lambda: _ledger(ctx))
    row["problem_ids"] = []
    for number in names(values.get("ledger_no") or ""):
        found = ledger.get(number, [])
        if len(found) == 1:
            row["problem_ids"].append(found[0])
        else:
            code = "import_ledger_no_ambiguous" if found else "import_unknown_ledger_no"
            errors.append(Problem.of("ledger_no", code, number=number))


def _parse(values: dict, ctx: Context) -> tuple[dict, list[Problem]]:
    errors: list[Problem] = []
    row = {"person_name": (values.get("person_name") or "").strip(),
           "violation": (values.get("violation") or "").strip()}
    cell(values, "outcome", lambda v: parse_label(Outcome, v), row, "outcome", errors)
    if not (values.get("outcome") or "").strip():
        errors.append(Problem.of("outcome", "field_required"))
    cell(values, "subject", lambda v: parse_label(CaseSubject, v), row, "subject", errors,
         CaseSubject.PERSON)
    unit_cell(values, ctx, row, errors)
    date_cell(values, "decided_on", row, "decided_on", errors)
    _problems(values, ctx, row, errors)
    if row.get("subject") == CaseSubject.PERSON and not row["person_name"]:
        errors.append(Problem.of("person_name", "import_case_needs_person"))
    if row.get("subject") == CaseSubject.UNIT and not row.get("unit_id") and not errors:
        errors.append(Problem.of("unit", "import_case_needs_unit"))
    return row, errors


def _key(row: dict) -> tuple:
    return (str(row.get("subject")), row["person_name"], row.get("unit_id"),
            row.get("decided_on"), str(row.get("outcome")))


def _known(ctx: Context) -> set:
    t = AccountabilityCase.__table__
    return {tuple(r) for r in ctx.conn.execute(
        sa.select(t.c.subject, t.c.person_name, t.c.unit_id, t.c.decided_on, t.c.outcome)
        .where(t.c.deleted_at.is_(None)))}


SPEC = RecordKind(
    kind="accountability", model=AccountabilityCase, required=REQUIRED, optional=OPTIONAL,
    limits=LIMITS, roles=(DeviceRole.HQ,), refusal="import_accountability_hq_only",
    parse=_parse, key=_key, known=_known, columns={"unit_id": "unit",
                                                   "problem_ids": "ledger_no"})


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    return import_records(SPEC, store, path, profile=profile, skip_invalid=skip_invalid,
                          dry_run=dry_run, progress=progress)

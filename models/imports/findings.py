"""Import of findings (发现的问题, issue 17 §1): what the visits found, from a team's own table
or the findings list as the window exports it.

Columns `unit,description` (单位, 问题描述) and any of `found_on`, `category`, `severity`,
`visit_date`, `visit_kind` (日期, 类别, 严重程度, 走访日期, 走访类别). Each finding belongs to a
visit this store holds, named by the finding's unit and the visit's date (`visit_date`, else
the finding's own date), and by the visit's kind where the unit had two visits that day: a
visit that is not there, or that the row does not single out, is a row error naming it. A
file that has the `visit_date` column but leaves it (and `visit_kind`) empty on a row records
that finding without a visit, as the window records one (its export writes them so). A
finding without a date takes its visit's. Natural key: the visit, the unit, the date, the
category and the description, so a file imported twice adds nothing. HQ and a representative's laptop import
findings (a representative's laptop holds only its team's visits, so it can only name those);
an office may not.
"""

from pathlib import Path

import sqlalchemy as sa

from models.enums import FindingCategory, Severity
from models.errors import Problem
from models.imports.common import ImportReport, Progress, column_limits
from models.imports.record_rows import (
    FIELD_ROLES,
    Context,
    RecordKind,
    cell,
    date_cell,
    import_records,
    parse_label,
    unit_cell,
    visit_cells,
)
from models.records import Finding, Visit

REQUIRED = ("unit", "description")
OPTIONAL = ("found_on", "category", "severity", "visit_date", "visit_kind")
LIMITS = column_limits({"description": (Finding, "description")},
                       ("unit", "found_on", "category", "severity", "visit_date", "visit_kind"))


def _visit_day(ctx: Context, visit_id: str):
    t = Visit.__table__
    return ctx.conn.execute(sa.select(t.c.visit_date).where(t.c.id == visit_id)).scalar()


def _names_no_visit(values: dict) -> bool:
    """A file with the visit's columns left empty on a row: a finding recorded without a visit,
    as the window records one (its export writes those cells empty)."""
    return "visit_date" in values and not any(
        (values.get(c) or "").strip() for c in ("visit_date", "visit_kind"))


def _parse(values: dict, ctx: Context) -> tuple[dict, list[Problem]]:
    errors: list[Problem] = []
    row = {"description": (values.get("description") or "").strip()}
    cell(values, "category", lambda v: parse_label(FindingCategory, v), row, "category",
         errors, FindingCategory.OTHER)
    cell(values, "severity", lambda v: parse_label(Severity, v), row, "severity", errors,
         Severity.MINOR)
    unit_cell(values, ctx, row, errors, required=True)
    date_cell(values, "found_on", row, "found_on", errors)
    row["visit_id"] = None
    if _names_no_visit(values):
        return row, errors
    if not (values.get("visit_date") or values.get("found_on") or "").strip():
        errors.append(Problem.of("visit_date", "import_finding_needs_visit_date"))
    row["visit_id"] = visit_cells(values, ctx, row, errors, row.get("found_on"), "found_on")
    if row["visit_id"] and not row.get("found_on"):
        row["found_on"] = _visit_day(ctx, row["visit_id"])
    return row, errors


def _key(row: dict) -> tuple:
    return (row.get("visit_id"), row.get("unit_id"), row.get("found_on"),
            str(row.get("category")), row["description"])


def _known(ctx: Context) -> set:
    t = Finding.__table__
    return {tuple(r) for r in ctx.conn.execute(
        sa.select(t.c.visit_id, t.c.unit_id, t.c.found_on, t.c.category, t.c.description)
        .where(t.c.deleted_at.is_(None)))}


SPEC = RecordKind(
    kind="findings", model=Finding, required=REQUIRED, optional=OPTIONAL, limits=LIMITS,
    roles=FIELD_ROLES, refusal="import_field_records_not_here", parse=_parse, key=_key,
    known=_known, columns={"unit_id": "unit", "found_on": "found_on"})


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    return import_records(SPEC, store, path, profile=profile, skip_invalid=skip_invalid,
                          dry_run=dry_run, progress=progress)

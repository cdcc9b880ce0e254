"""Import of personnel criticisms (对干部职工的批评教育, issue 17 §1): the office's table of
people criticised, or the criticisms list as the window exports it.

Columns `person_name,unit` (姓名, 单位) and any of `post`, `sanction`, `behaviour`,
`decided_on`, `decided_by`, `visit_date`, `visit_kind` (岗位, 处理方式, 问题行为, 日期, 决定人,
走访日期, 走访类别). A row that names a visit (its unit and `visit_date`, and its kind where the
unit had two visits that day) is tied to that visit's finding, as the window ties a criticism
to what was found: a visit that is not there or not singled out, or that holds no finding or
several, is a row error naming it. Natural key: person, unit, date, sanction and behaviour, so
a file imported twice adds nothing. HQ and a representative's laptop import them (the matrix);
an office may not.
"""

from pathlib import Path

import sqlalchemy as sa

from models.enums import Sanction
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
from models.records import Finding, PersonnelCriticism

REQUIRED = ("person_name", "unit")
OPTIONAL = ("post", "sanction", "behaviour", "decided_on", "decided_by", "visit_date",
            "visit_kind")
TEXTS = ("person_name", "post", "behaviour", "decided_by")
LIMITS = column_limits({k: (PersonnelCriticism, k) for k in TEXTS},
                       ("unit", "sanction", "decided_on", "visit_date", "visit_kind"))


def _finding(ctx: Context, visit_id: str, unit_id: str, values: dict,
             errors: list[Problem]) -> str | None:
    t = Finding.__table__
    found = list(ctx.conn.execute(sa.select(t.c.id).where(
        t.c.visit_id == visit_id, t.c.deleted_at.is_(None),
        sa.or_(t.c.unit_id == unit_id, t.c.unit_id.is_(None)))).scalars())
    if len(found) == 1:
        return found[0]
    code = "import_visit_findings_ambiguous" if found else "import_visit_has_no_finding"
    errors.append(Problem.of("visit_date", code, unit=values.get("unit", "").strip(),
                             date=values.get("visit_date", "").strip()))
    return None


def _parse(values: dict, ctx: Context) -> tuple[dict, list[Problem]]:
    errors: list[Problem] = []
    row: dict = {k: (values.get(k) or "").strip() for k in TEXTS}
    cell(values, "sanction", lambda v: parse_label(Sanction, v), row, "sanction", errors,
         Sanction.CRITICISM_EDUCATION)
    unit_cell(values, ctx, row, errors)
    date_cell(values, "decided_on", row, "decided_on", errors)
    row["finding_id"] = None
    if (values.get("visit_date") or "").strip():
        visit_id = visit_cells(values, ctx, row, errors, None)
        if visit_id:
            row["finding_id"] = _finding(ctx, visit_id, row["unit_id"], values, errors)
    return row, errors


def _key(row: dict) -> tuple:
    return (row["person_name"], row.get("unit_id"), row.get("decided_on"),
            str(row.get("sanction")), row["behaviour"])


def _known(ctx: Context) -> set:
    t = PersonnelCriticism.__table__
    return {tuple(r) for r in ctx.conn.execute(
        sa.select(t.c.person_name, t.c.unit_id, t.c.decided_on, t.c.sanction, t.c.behaviour)
        .where(t.c.deleted_at.is_(None)))}


SPEC = RecordKind(
    kind="criticisms", model=PersonnelCriticism, required=REQUIRED, optional=OPTIONAL,
    limits=LIMITS, roles=FIELD_ROLES, refusal="import_field_records_not_here", parse=_parse,
    key=_key, known=_known, columns={"unit_id": "unit"})


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    return import_records(SPEC, store, path, profile=profile, skip_invalid=skip_invalid,
                          dry_run=dry_run, progress=progress)

"""Import of inspection visits (明察暗访, issue 17 §1): a year's plan or record of visits, or
the visits list as the window exports it.

Columns `kind,unit,visit_date` (类别, 单位, 日期) and any of `status`, `team`,
`representatives`, `planned_at`, `actual_at`, `place`, `summary` (状态, 督查组, 督查代表 — names
separated by 、 —, 计划时间, 实际时间, 地点, 情况摘要). Natural key: unit, date and kind (a unit
visited twice the same day is visited in two kinds), so a file imported twice adds nothing.

Who may import them follows the matrix (docs/authorization.md): HQ, and a representative's
laptop for its own team only (an empty team is its own; another team, or a representative of
another team, is a row error), never an office. A secret visit is checked as the window checks
one (`rules.visit_problems`: its unit, team and representatives), and a planned secret visit
imported on a representative's laptop must name that representative, or the laptop would hide
its own visit from itself.
"""

from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa

from models.enums import DeviceRole, VisitKind, VisitStatus
from models.errors import Problem
from models.imports.common import ImportReport, Progress, column_limits
from models.imports.record_rows import (
    FIELD_ROLES,
    Context,
    RecordKind,
    cell,
    date_cell,
    import_records,
    names,
    parse_label,
    parse_when,
    unit_cell,
)
from models.records import Visit
from models.reference import Representative, Team

REQUIRED = ("kind", "unit", "visit_date")
OPTIONAL = ("status", "team", "representatives", "planned_at", "actual_at", "place", "summary")
LIMITS = column_limits({"place": (Visit, "place"), "summary": (Visit, "summary"),
                        "team": (Team, "name")},
                       ("kind", "unit", "visit_date", "status", "representatives",
                        "planned_at", "actual_at"))


def _people(ctx: Context) -> tuple[dict, dict]:
    """({team name: id}, {representative name: [(id, team id)]})."""
    teams = {r.name: r.id for r in ctx.conn.execute(sa.select(Team.__table__.c.name,
             Team.__table__.c.id).where(Team.__table__.c.deleted_at.is_(None)))}
    t = Representative.__table__
    reps = defaultdict(list)
    for r in ctx.conn.execute(sa.select(t.c.name, t.c.id, t.c.team_id)
                              .where(t.c.deleted_at.is_(None))):
        reps[r.name].append((r.id, r.team_id))
    return teams, reps


def _team(values: dict, ctx: Context, row: dict, errors: list[Problem]) -> None:
    teams, _ = ctx.once("people", lambda: _people(ctx))
    name = (values.get("team") or "").strip()
    own = ctx.team_id if ctx.role == DeviceRole.REPRESENTATIVE else None
    row["team_id"] = teams.get(name) if name else own
    if name and row["team_id"] is None:
        errors.append(Problem.of("team", "import_unknown_team", name=name))
    elif own and row["team_id"] != own:
        errors.append(Problem.of("team", "import_visit_other_team", name=name))


def _representatives(values: dict, ctx: Context, row: dict, errors: list[Problem]) -> None:
    _, reps = ctx.once("people", lambda: _people(ctx))
    row["representative_ids"] = []
    for name in names(values.get("representatives") or ""):
        found = [r for r in reps.get(name, []) if row["team_id"] in (None, r[1])]
        if len(found) != 1:
            code = "import_representative_ambiguous" if found else "import_unknown_representative"
            errors.append(Problem.of("representatives", code, name=name))
        else:
            row["representative_ids"].append(found[0][0])
            row["team_id"] = row["team_id"] or found[0][1]


def _parse(values: dict, ctx: Context) -> tuple[dict, list[Problem]]:
    errors: list[Problem] = []
    row = {"place": (values.get("place") or "").strip(),
           "summary": (values.get("summary") or "").strip()}
    cell(values, "kind", lambda v: parse_label(VisitKind, v), row, "kind", errors)
    if not (values.get("kind") or "").strip():
        errors.append(Problem.of("kind", "field_required"))
    cell(values, "status", lambda v: parse_label(VisitStatus, v), row, "status", errors,
         VisitStatus.PLANNED)
    unit_cell(values, ctx, row, errors, required=True)
    date_cell(values, "visit_date", row, "visit_date", errors, required=True)
    for column in ("planned_at", "actual_at"):
        cell(values, column, parse_when, row, column, errors)
    _team(values, ctx, row, errors)
    _representatives(values, ctx, row, errors)
    if not errors:
        errors += _hidden_from_itself(row, ctx)
    return row, errors


def _hidden_from_itself(row: dict, ctx: Context) -> list[Problem]:
    """A planned secret visit that its own laptop would not receive (docs/authorization.md)."""
    if (ctx.role == DeviceRole.REPRESENTATIVE and row.get("kind") == VisitKind.SECRET
            and row.get("status") == VisitStatus.PLANNED and row["representative_ids"]
            and ctx.representative_id not in row["representative_ids"]):
        return [Problem.of("representatives", "import_secret_visit_hidden")]
    return []


def _key(row: dict) -> tuple:
    return (row.get("unit_id"), row.get("visit_date"), str(row.get("kind")))


def _known(ctx: Context) -> set:
    t = Visit.__table__
    return {tuple(r) for r in ctx.conn.execute(
        sa.select(t.c.unit_id, t.c.visit_date, t.c.kind).where(t.c.deleted_at.is_(None)))}


SPEC = RecordKind(
    kind="visits", model=Visit, required=REQUIRED, optional=OPTIONAL, limits=LIMITS,
    roles=FIELD_ROLES, refusal="import_field_records_not_here", parse=_parse, key=_key,
    known=_known, columns={"unit_id": "unit", "team_id": "team",
                           "representative_ids": "representatives"})


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    return import_records(SPEC, store, path, profile=profile, skip_invalid=skip_invalid,
                          dry_run=dry_run, progress=progress)

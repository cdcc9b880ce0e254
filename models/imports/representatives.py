"""Import of the representatives' database: `name,kind,township,phone,team`, optionally
`work_unit` (工作单位, issue 16 §1). The township and the unit of work are also kept as unit
references (`township_unit_id`, `work_unit_id`), so a random round never sends a representative
where they live or work: the township by name when exactly one township unit has it, the unit of
work by its path or name (an unknown or ambiguous one is a row error)."""

from pathlib import Path

import sqlalchemy as sa

from models.enums import RepresentativeKind, parse_enum
from models.errors import ParseError, Problem
from models.ids import natural_id
from models.imports.common import (
    ImportReport,
    Progress,
    column_limits,
    create_chunked,
    long_cells,
    long_columns,
    refuse_if_invalid,
    tick,
)
from models.imports.reading import read_table
from models.imports.unit_references import unit_references
from models.reference import Representative, Team

REQUIRED = ("name", "kind", "township", "phone", "team")
OPTIONAL = ("work_unit",)
LIMITS = column_limits({"name": (Representative, "name"), "township": (Representative, "township"),
                        "phone": (Representative, "phone"), "team": (Team, "name")}, ("kind",))


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    headers, rows = read_table(path, REQUIRED)
    report = ImportReport(kind="representatives")
    report.headers = headers
    with store.read() as conn:
        known_reps = set(conn.execute(sa.select(Representative.__table__.c.id)).scalars())
        known_teams = set(conn.execute(sa.select(Team.__table__.c.id)).scalars())
        places = unit_references(conn)
    reps, teams = {}, {}
    limits = long_columns(rows, LIMITS)
    for number, values in rows:
        problems, cut = long_cells(values, limits) if limits else ([], values)
        name = cut.get("name", "")
        if not name and "name" not in {p.field for p in problems}:
            problems.append(Problem.of("name", "representative_name_empty"))
        try:
            kind = parse_enum(RepresentativeKind, cut.get("kind", "") or "citizen")
        except ParseError as exc:
            problems.append(exc.problem("kind"))
        work_unit = places.work_unit(cut.get("work_unit", ""), problems)
        if problems:
            for p in problems:
                p.row, p.source = number, str(path)
            report.rejected += problems
            report.rejected_rows.append((number, values))
            continue
        team = values.get("team", "")
        team_id = natural_id("team", team) if team else None
        if team_id and team_id not in known_teams:
            teams[team_id] = {"id": team_id, "name": team}
        rep_id = natural_id("representative", name, values.get("phone", ""))
        if rep_id in known_reps or rep_id in reps:
            report.skipped_existing += 1
            continue
        reps[rep_id] = {"id": rep_id, "name": name, "kind": kind,
                        "township": values.get("township", ""), "phone": values.get("phone", ""),
                        "team_id": team_id, "work_unit_id": work_unit,
                        "township_unit_id": places.township(values.get("township", ""))}
    refuse_if_invalid(report, skip_invalid)
    tick(progress, "reading", len(rows), len(rows))
    if not dry_run:
        with store.write(profile) as w:
            if teams:
                w.create_many(Team, list(teams.values()))
            create_chunked(w, Representative, list(reps.values()), progress)
    report.imported = len(reps)
    report.created = [("import_created_team", {"name": t["name"]}) for t in teams.values()]
    return report

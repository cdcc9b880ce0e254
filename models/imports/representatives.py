"""Import of the representatives' database: `name,kind,township,phone,team`."""

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
from models.reference import Representative, Team

REQUIRED = ("name", "kind", "township", "phone", "team")
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
                        "team_id": team_id}
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

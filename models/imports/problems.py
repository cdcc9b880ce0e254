"""Import of a rectification ledger (整改台账, issue 17 §1): last year's ledger in, or this
year's ledger exported, edited and brought back.

Columns `ledger_no,description,unit` (台账编号, 问题描述, 责任单位) and any of `campaign`,
`responsible_person`, `measures`, `deadline`, `status`, `rectified_on`, `reported_on`, `source`
(评议活动, 责任人, 整改措施, 整改时限, 整改状态, 完成时间, 登记日期, 问题来源). A row whose
ledger number the campaign already holds updates that problem (its source stays); the others
are created. Without a campaign column the open campaign takes them, as in the window. The
window's rules apply to every row: the deadline not before the report, verified only with the
measures, and a status that goes back only by a supervisor's reopen (never by a file).
"""

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from models import rules
from models.campaigns import campaign_named, open_campaign_id
from models.enums import ProblemSource, ProblemStatus, parse_enum
from models.errors import AppError, ParseError, Problem
from models.imports.common import (
    ImportReport,
    Progress,
    UnitIndex,
    column_limits,
    long_cells,
    long_columns,
    refuse_if_invalid,
    tick,
)
from models.imports.evaluations import parse_form_date
from models.imports.reading import read_table
from models.ledger_numbers import campaign_numbers
from models.records import Problem as ProblemRow
from models.timeutil import local_today

REQUIRED = ("ledger_no", "description", "unit")
OPTIONAL = ("campaign", "responsible_person", "measures", "deadline", "status", "rectified_on",
            "reported_on", "source")
TEXTS = ("description", "responsible_person", "measures")
DATES = ("deadline", "rectified_on", "reported_on")
LIMITS = column_limits({"ledger_no": (ProblemRow, "ledger_no"),
                        "description": (ProblemRow, "description"),
                        "responsible_person": (ProblemRow, "responsible_person"),
                        "measures": (ProblemRow, "measures")},
                       ("unit", "campaign", "deadline", "status", "rectified_on",
                        "reported_on", "source"))


class _Units:
    """A unit by path (`白泥镇/第一小学`) or by the ledger's label, the names run together
    below the county (`白泥镇第一小学`, reports.data.unit_labels), so an exported ledger
    imports back."""

    def __init__(self, index: UnitIndex):
        self.index, self.labels = index, {}
        for unit_id in index.units:
            parts = index.path(unit_id).split("/")
            for i in range(len(parts)):
                self.labels.setdefault("".join(parts[i:]), []).append(unit_id)

    def find(self, text: str) -> str:
        try:
            return self.index.find(text)
        except ParseError:
            found = self.labels.get(text.strip(), [])
            if len(found) == 1:
                return found[0]
            raise


def _source(text: str) -> ProblemSource:
    if text.strip().endswith("发现"):  # 暗访发现, 明察发现: the ledger's label of a finding
        return ProblemSource.FINDING
    return parse_enum(ProblemSource, text)


def _parse(values: dict, units: _Units, columns: set[str]) -> tuple[dict, list[Problem]]:
    """One row → the problem's fields (only the columns the file has) and its problems."""
    row: dict = {"ledger_no": values.get("ledger_no", "").strip()}
    errors = [] if row["ledger_no"] else [Problem.of("ledger_no", "ledger_no_empty")]
    row.update({k: values.get(k, "").strip() for k in TEXTS if k in columns})
    if not row.get("description"):
        errors.append(Problem.of("description", "problem_description_empty"))
    parsers = {"unit": ("unit_id", units.find),
               "status": ("status", lambda v: parse_enum(ProblemStatus, v) if v
                          else ProblemStatus.OPEN),
               "source": ("source", lambda v: _source(v) if v else ProblemSource.OTHER)}
    parsers.update({d: (d, lambda v: parse_form_date(v) if v else None) for d in DATES})
    for column, (name, parse) in parsers.items():
        if column in columns:
            try:
                row[name] = parse(values.get(column, ""))
            except ParseError as exc:
                errors.append(exc.problem(column))
    return row, errors


def _reported(row: dict) -> date:
    """A ledger without a date of report: its earliest date, else today."""
    dates = [d for d in (row.get("deadline"), row.get("rectified_on")) if d]
    return row.get("reported_on") or min(dates, default=local_today())


def _campaign_id(conn, values: dict, default: str | None, cache: dict) -> tuple[str | None, list]:
    name = values.get("campaign", "").strip()
    if not name:
        return default, []
    if name not in cache:
        cache[name] = campaign_named(conn, name)
    if cache[name] is None:
        return None, [Problem.of("campaign", "unknown_campaign", name=name)]
    return cache[name], []


def _rule_problems(before: dict | None, after: dict) -> list[Problem]:
    """The window's rules on the problem as the row leaves it."""
    found = rules.deadline_problems(after.get("reported_on"), after.get("deadline"))
    found += rules.verification_problems(after.get("status"), after.get("measures"))
    if before is not None:
        try:
            rules.check_status_change(before["status"], after["status"])
        except AppError as exc:
            found.append(Problem.of("status", exc.code, **exc.params))
    return found


def _existing(conn, ids: list[str]) -> dict[str, dict]:
    t = ProblemRow.__table__
    rows = conn.execute(sa.select(t).where(t.c.id.in_(ids))).mappings().all() if ids else []
    return {r["id"]: dict(r) for r in rows}


def _check(conn, rows, columns: set[str], limits, path: Path):
    """[(row number, values, problem id or None, fields, problems)] for every row."""
    units, default = _Units(UnitIndex(conn)), open_campaign_id(conn)
    numbers, campaigns, seen, out = {}, {}, {}, []
    for number, values in rows:
        errors, values_ok = long_cells(values, limits) if limits else ([], values)
        row, found = _parse(values_ok, units, columns)
        campaign_id, missing = _campaign_id(conn, values_ok, default, campaigns)
        errors += found + missing
        row["campaign_id"] = campaign_id
        if campaign_id not in numbers:
            numbers[campaign_id] = campaign_numbers(conn, campaign_id)
        key = (campaign_id, row["ledger_no"])
        if row["ledger_no"] and key in seen:
            errors.append(Problem.of("ledger_no", "ledger_no_repeated",
                                     number=row["ledger_no"], first_row=seen[key]))
        seen.setdefault(key, number)
        out.append((number, values, numbers[campaign_id].get(row["ledger_no"]), row, errors))
    current = _existing(conn, [o[2] for o in out if o[2]])
    for number, _values, problem_id, row, errors in out:
        before = current.get(problem_id)
        if not errors:
            full = {**before, **row} if before else {**row, "reported_on": _reported(row)}
            full.setdefault("status", ProblemStatus.OPEN)
            errors += _rule_problems(before, full)
        for problem in errors:
            problem.row, problem.source = number, str(path)
    return out


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    headers, rows = read_table(path, REQUIRED)
    report = ImportReport(kind="problems", headers=headers)
    columns = set(rows[0][1]) if rows else set()
    with store.read() as conn:
        checked = _check(conn, rows, columns, long_columns(rows, LIMITS), path)
    good = []
    for number, values, problem_id, row, errors in checked:
        if errors:
            report.rejected += errors
            report.rejected_rows.append((number, values))
        else:
            good.append((problem_id, row))
    refuse_if_invalid(report, skip_invalid)
    tick(progress, "reading", len(rows), len(rows))
    new = [{**row, "reported_on": _reported(row)} for pid, row in good if pid is None]
    updates = [(pid, row) for pid, row in good if pid is not None]
    report.imported = len(new)
    if dry_run:
        return report
    with store.write(profile) as w:
        if new:
            w.create_many(ProblemRow, new)
        changed = sum(1 for pid, row in updates
                      if w.update(ProblemRow, pid, {k: v for k, v in row.items()
                                                    if k != "source"}))
    tick(progress, "writing", len(good), len(good))
    report.skipped_existing = len(updates) - changed
    if changed:
        report.created.append(("import_updated_problems", {"count": changed}))
    return report

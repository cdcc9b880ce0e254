"""Import of the unit tree: `name,kind,parent` (名称, 类别, 上级单位); parent by name or path;
optionally `category` (考评类别, issue 15 §2), which HQ alone sets."""

from pathlib import Path

from models.enums import AppraisalCategory, UnitKind, en_label, parse_enum
from models.errors import ParseError, Problem
from models.ids import natural_id
from models.imports.common import (
    ImportReport,
    Progress,
    UnitIndex,
    column_limits,
    create_chunked,
    long_cells,
    long_columns,
    refuse_if_invalid,
    tick,
)
from models.imports.reading import read_table
from models.reference import Unit
from models.security.roles import require_hq_device

REQUIRED = ("name", "kind", "parent")
LIMITS = column_limits({"name": (Unit, "name")}, ("kind", "parent", "category"))


def _kind(values: dict) -> UnitKind:
    text = values.get("kind", "")
    return parse_enum(UnitKind, text) if text else UnitKind.OTHER


def _category(values: dict) -> AppraisalCategory | None:
    """考评类别 by its value, its Chinese label or its English one; empty: the kind's."""
    text = (values.get("category") or "").strip()
    if not text:
        return None
    for member in AppraisalCategory:
        if text.casefold() == (en_label(member) or "").casefold():
            return member
    return parse_enum(AppraisalCategory, text)


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    headers, rows = read_table(path, REQUIRED)
    report = ImportReport(kind="units")
    report.headers = headers
    with store.read() as conn:
        index = UnitIndex(conn)
    pending, new_units, errors, long = [], [], {}, {}
    limits = long_columns(rows, LIMITS)
    for number, values in rows:  # a row with a cell too long is refused before anything else
        problems, _ = long_cells(values, limits) if limits else ([], values)
        if problems:
            long[number] = problems
        else:
            pending.append((number, values))
    advanced = True
    while pending and advanced:  # parents may come later in the file
        advanced, waiting = False, []
        for number, values in pending:
            name, parent = values.get("name", ""), values.get("parent", "")
            if not name:
                errors[number] = Problem.of("name", "unit_name_empty")
                continue
            try:
                kind = _kind(values)
            except ParseError as exc:
                errors[number] = exc.problem("kind")
                waiting.append((number, values))
                continue
            try:
                category = _category(values)
            except ParseError as exc:
                errors[number] = exc.problem("category")
                continue
            try:
                parent_id = index.find(parent) if parent else None
            except ParseError as exc:
                errors[number] = exc.problem("parent")
                waiting.append((number, values))
                continue
            errors.pop(number, None)
            full_path = f"{index.path(parent_id)}/{name}" if parent_id else name
            unit_id = natural_id("unit", full_path)
            advanced = True
            if unit_id in index.units:
                report.skipped_existing += 1
                continue
            index.add(unit_id, name, parent_id)
            new_units.append({"id": unit_id, "name": name, "kind": kind, "parent_id": parent_id,
                              "category": category})
        pending = waiting
    for number, values in rows:
        found = long.get(number) or ([errors[number]] if number in errors else [])
        for problem in found:
            problem.row, problem.source = number, str(path)
        if found:
            report.rejected += found
            report.rejected_rows.append((number, values))
    refuse_if_invalid(report, skip_invalid)
    tick(progress, "reading", len(rows), len(rows))
    if new_units and not dry_run:
        with store.write(profile) as w:
            require_hq_device(w.conn, ["category"] if any(u["category"] for u in new_units)
                              else [], "Only HQ sets a unit's appraisal category; this device "
                              "reads it.", "unit_category_hq_only")
            create_chunked(w, Unit, new_units, progress)
    report.imported = len(new_units)
    return report

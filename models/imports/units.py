"""Import of the unit tree: `name,kind,parent` (名称, 类别, 上级单位); parent by name or path."""

from pathlib import Path

from models.enums import UnitKind, parse_enum
from models.errors import Problem
from models.ids import natural_id
from models.imports.common import ImportReport, UnitIndex, refuse_if_invalid
from models.imports.reading import read_table
from models.reference import Unit


def _kind(values: dict) -> UnitKind:
    text = values.get("kind", "")
    return parse_enum(UnitKind, text) if text else UnitKind.OTHER


def import_file(store, path: Path, *, profile: str, skip_invalid: bool) -> ImportReport:
    headers, rows = read_table(path, ("name", "kind", "parent"))
    report = ImportReport(kind="units")
    report.headers = headers
    with store.read() as conn:
        index = UnitIndex(conn)
    pending, new_units, errors = list(rows), [], {}
    progress = True
    while pending and progress:  # parents may come later in the file
        progress, waiting = False, []
        for number, values in pending:
            name, parent = values.get("name", ""), values.get("parent", "")
            try:
                if not name:
                    raise KeyError("name")
                kind = _kind(values)
                parent_id = index.find(parent) if parent else None
            except KeyError:
                errors[number] = ("name", "the unit's name is empty")
                continue
            except ValueError as exc:
                column = "kind" if "is not one of" in str(exc) else "parent"
                errors[number] = (column, str(exc))
                waiting.append((number, values))
                continue
            errors.pop(number, None)
            full_path = f"{index.path(parent_id)}/{name}" if parent_id else name
            unit_id = natural_id("unit", full_path)
            progress = True
            if unit_id in index.units:
                report.skipped_existing += 1
                continue
            index.add(unit_id, name, parent_id)
            new_units.append({"id": unit_id, "name": name, "kind": kind, "parent_id": parent_id})
        pending = waiting
    for number, values in rows:
        if number in errors:
            column, message = errors[number]
            report.rejected.append(Problem(column, message, row=number, source=str(path)))
            report.rejected_rows.append((number, values))
    refuse_if_invalid(report, skip_invalid)
    if new_units:
        with store.write(profile) as w:
            w.create_many(Unit, new_units)
    report.imported = len(new_units)
    return report

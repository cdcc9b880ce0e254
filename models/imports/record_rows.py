"""What the record imports share (issue 17 §1: opinions, visits, findings, criticisms and
accountability cases): who may import a kind on this device, parsing a cell the way the
window's lists write it, finding a visit by its unit and date, and the one import loop.

Each kind is a `RecordKind` in its own module: its columns, how a row becomes a record, its
natural key (importing the same file twice adds nothing: a row whose key the store already
holds, or that an earlier row of the file had, counts as already present) and its own checks.
The loop reads the whole file, checks every row with the window's rules (`models.services`:
the model's own validation and `record_problems`), refuses the whole file on any bad row
unless told to skip them, and writes the new records in one transaction through the store's
write path (`create_many`: executemany, with the outbox and the audit chain of every row).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from models import services
from models.enums import DeviceRole, en_label, parse_enum
from models.errors import DomainError, ParseError, Problem, ValidationError
from models.imports.common import (
    ImportReport,
    Progress,
    UnitIndex,
    create_chunked,
    long_cells,
    long_columns,
    refuse_if_invalid,
    tick,
)
from models.imports.evaluations import parse_form_date
from models.imports.reading import read_table
from models.records import Visit
from models.store.store import get_meta

# The devices that may import a kind (docs/authorization.md: what the role may create). A
# store that never enrolled (a standalone office) and a demo act as HQ, as everywhere else.
FIELD_ROLES = (DeviceRole.HQ, DeviceRole.REPRESENTATIVE)
SEPARATORS = ("、", "，", ",", ";", "；", "/")


@dataclass
class Context:
    """What parsing a row may look up, read once per import."""

    conn: sa.Connection
    units: UnitIndex
    role: str | None
    team_id: str | None = None
    representative_id: str | None = None
    cache: dict = field(default_factory=dict)

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        if name not in self.cache:
            self.cache[name] = make()
        return self.cache[name]


@dataclass
class RecordKind:
    """One import kind. `parse(values, ctx)` → (the record's fields, row problems);
    `key(row)` its natural key; `known(ctx)` the keys the store holds; `columns` maps a model
    field to the file's column (to name a rule's problem as the file names it)."""

    kind: str
    model: type[SQLModel]
    required: tuple[str, ...]
    optional: tuple[str, ...]
    limits: dict[str, int]
    roles: tuple[str, ...]
    refusal: str
    parse: Callable[[dict, Context], tuple[dict, list[Problem]]]
    key: Callable[[dict], tuple]
    known: Callable[[Context], set]
    columns: dict[str, str] = field(default_factory=dict)


def device_may_import(conn: sa.Connection, spec: RecordKind) -> None:
    """Refuse the whole file (DomainError, `spec.refusal`) on a device whose role may not
    create the kind."""
    role = get_meta(conn, "device_role")
    if not role or get_meta(conn, "demo") == "1" or role in spec.roles:
        return
    raise DomainError(code=spec.refusal)


@lru_cache(maxsize=4096)
def parse_label(enum_cls, text: str):
    """An enumerated value as the window's lists write it: its English label (an English
    window's export), its Chinese label or its code. Memoised: a file holds few distinct
    values (20,000 opinions: 3.8 s of 21 s under the profiler before)."""
    folded = text.strip().casefold()
    for member in enum_cls:
        if folded == (en_label(member) or "").casefold():
            return member
    return parse_enum(enum_cls, text)


def parse_when(text: str) -> datetime:
    """A time as the export writes it (`2026-03-05 09:30`, local time) → UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise ParseError("not_a_date_time", value=text) from None
    return (value if value.tzinfo else value.astimezone()).astimezone(UTC)


def cell(values: dict, column: str, parse: Callable[[str], Any], row: dict, name: str,
         errors: list[Problem], default: Any = None) -> None:
    """row[name] = parse(the cell) (an empty cell: `default`); a ParseError is the column's."""
    text = (values.get(column) or "").strip()
    try:
        row[name] = parse(text) if text else default
    except ParseError as exc:
        errors.append(exc.problem(column))


def unit_cell(values: dict, ctx: Context, row: dict, errors: list[Problem],
              required: bool = False) -> None:
    if required and not (values.get("unit") or "").strip():
        errors.append(Problem.of("unit", "import_unit_empty"))
        return
    cell(values, "unit", ctx.units.find, row, "unit_id", errors)


def date_cell(values: dict, column: str, row: dict, name: str, errors: list[Problem],
              required: bool = False) -> None:
    if required and not (values.get(column) or "").strip():
        errors.append(Problem.of(column, "import_date_empty"))
        return
    cell(values, column, parse_form_date, row, name, errors)


def names(text: str) -> list[str]:
    """The names in a cell that lists several (`张三、李四`)."""
    for sep in SEPARATORS[1:]:
        text = text.replace(sep, SEPARATORS[0])
    return [n.strip() for n in text.split(SEPARATORS[0]) if n.strip()]


class VisitIndex:
    """The visits this store holds, by unit and date: a finding's or a criticism's visit is
    named by its unit and date (and its kind, where a unit had two visits that day)."""

    def __init__(self, conn: sa.Connection):
        t = Visit.__table__
        self.by_day: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
        for r in conn.execute(sa.select(t.c.id, t.c.unit_id, t.c.visit_date, t.c.kind)
                              .where(t.c.deleted_at.is_(None))):
            self.by_day[(r.unit_id, r.visit_date)].append((r.id, r.kind))

    def find(self, unit_id: str, unit_text: str, day: date, kind: str | None) -> str:
        """The visit's id, or ParseError naming the visit looked for."""
        found = [v for v in self.by_day.get((unit_id, day), []) if kind in (None, v[1])]
        if len(found) == 1:
            return found[0][0]
        args = {"unit": unit_text, "date": day.isoformat()}
        if found:
            raise ParseError("import_visit_ambiguous", **args,
                             kinds=", ".join(sorted(k for _, k in found)))
        raise ParseError("import_visit_not_found", **args)


def visit_cells(values: dict, ctx: Context, row: dict, errors: list[Problem],
                day: date | None, day_column: str = "visit_date") -> str | None:
    """The visit named by the row's unit and `visit_date` (else `day`, the row's own date in
    `day_column`) and `visit_kind`; None when the row names none, a row problem (on the date's
    column) when it is missing or ambiguous."""
    from models.enums import VisitKind

    extra: dict = {}
    cell(values, "visit_date", parse_form_date, extra, "day", errors)
    cell(values, "visit_kind", lambda v: parse_label(VisitKind, v).value, extra, "kind", errors)
    day = extra.get("day") or day
    if not row.get("unit_id") or day is None or errors:
        return None
    index = ctx.once("visits", lambda: VisitIndex(ctx.conn))
    column = "visit_date" if extra.get("day") else day_column
    try:
        return index.find(row["unit_id"], values.get("unit", "").strip(), day, extra.get("kind"))
    except ParseError as exc:
        errors.append(exc.problem(column))
        return None


def _rule_problems(spec: RecordKind, row: dict) -> list[Problem]:
    """The window's checks on a new record (models.services), each named by its column."""
    try:
        full = services.validated(spec.model, row)
    except ValidationError as exc:
        found = exc.problems
    else:
        found = services.record_problems(spec.model, full)
    for problem in found:
        problem.field = spec.columns.get(problem.field, problem.field)
    return found


def _check(spec: RecordKind, ctx: Context, rows, path: Path, report: ImportReport) -> list[dict]:
    known, seen, new = spec.known(ctx), set(), []
    limits = long_columns(rows, spec.limits)
    for number, values in rows:
        errors, cut = long_cells(values, limits) if limits else ([], values)
        row, found = spec.parse(cut, ctx)
        errors += found
        key = spec.key(row) if not errors else None
        if key is not None and (key in known or key in seen):
            report.skipped_existing += 1
            continue
        errors += _rule_problems(spec, row) if not errors else []
        if errors:
            for problem in errors:
                problem.row, problem.source = number, str(path)
            report.rejected += errors
            report.rejected_rows.append((number, values))
            continue
        seen.add(key)
        new.append(row)
    return new


def import_records(spec: RecordKind, store, path: Path, *, profile: str, skip_invalid: bool,
                   dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """Import one file of `spec`'s records, all or nothing unless `skip_invalid`."""
    with store.read() as conn:
        device_may_import(conn, spec)
    headers, rows = read_table(path, spec.required, kind=spec.kind)
    report = ImportReport(kind=spec.kind, headers=headers)
    with store.read() as conn:
        ctx = Context(conn, UnitIndex(conn), get_meta(conn, "device_role"),
                      get_meta(conn, "team_id"), get_meta(conn, "representative_id"))
        new = _check(spec, ctx, rows, path, report)
    refuse_if_invalid(report, skip_invalid)
    tick(progress, "reading", len(rows), len(rows))
    report.imported = len(new)
    if new and not dry_run:
        with store.write(profile) as w:
            device_may_import(w.conn, spec)  # the role as it is when the rows are written
            create_chunked(w, spec.model, new, progress)
    return report

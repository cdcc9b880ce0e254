"""What every import shares: the report, unit lookup, and the all-or-nothing rule."""

from __future__ import annotations

import contextlib
import csv
import difflib
import gc
import importlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa

from models import rules
from models.cells import csv_text
from models.enums import EvaluationSource, parse_enum
from models.errors import AppError, ParseError, Problem, ValidationError
from models.messages import english
from models.output_folder import writing_file
from models.store.bulk_tables import BulkTable

# progress(phase, done, total), phase "reading" or "writing"; it may raise ImportCancelled,
# which rolls the one import transaction back.
Progress = Callable[[str, int, int], None]
# Rows per executemany while writing, between two progress reports (~0.1 s of writing, so a
# cancel still answers at once). Each chunk of forms also merges its tallies once
# (models/tally_bulk.py): 26,300 forms in chunks of 1,000 upserted 0.06-0.07 s of tally rows,
# in chunks of 4,000 0.027 s (distinct keys repeat less across fewer chunks).
CHUNK = 4000


class ImportCancelled(AppError):
    code = "import_cancelled"

    def __init__(self) -> None:
        super().__init__()


class ImportRefused(ValidationError):
    """A file refused for its bad rows; `headers` are the file's own, so that each problem's
    column is named as the file names it."""

    code = "import_refused"

    def __init__(self, problems: list[Problem], headers: list[str]):
        super().__init__(problems)
        self.headers = headers


def tick(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)


def create_chunked(w, model, rows: list[dict], progress: Progress | None,
                   done: int = 0, total: int | None = None) -> int:
    """Insert `rows` a chunk at a time inside the caller's transaction, reporting progress."""
    total = len(rows) if total is None else total
    with w.counts_merged_once(len(rows)):  # a tally key the chunks share is upserted once
        for start in range(0, len(rows), CHUNK):
            w.create_many(model, rows[start:start + CHUNK])
            done += len(rows[start:start + CHUNK])
            tick(progress, "writing", done, total)
    return done


@dataclass
class ImportReport:
    kind: str
    headers: list[str] = field(default_factory=list)
    imported: int = 0
    skipped_existing: int = 0
    rejected: list[Problem] = field(default_factory=list)
    rejected_rows: list[tuple[int, dict]] = field(default_factory=list)
    # What the import made on the way, as message codes with arguments
    # (("import_created_team", {"name": "第一督查组"}), ...).
    created: list[tuple[str, dict]] = field(default_factory=list)

    def summary_parts(self) -> list[tuple[str, dict]]:
        """What the import did, as message codes with arguments (rendered by the caller in
        the user's language)."""
        parts = [(f"imported_{self.kind}", {"count": self.imported})]
        if self.skipped_existing:
            parts.append(("import_skipped_existing", {"count": self.skipped_existing}))
        if self.rejected_rows:
            parts.append(("import_rejected_rows", {"count": len(self.rejected_rows)}))
        return parts + self.created

    def summary(self) -> str:
        """The English summary, for logs."""
        return "; ".join(english(code, args) for code, args in self.summary_parts())


def write_rejects(path: Path, headers: list[str], report: ImportReport) -> None:
    """The rejected rows as they were, with an added `error` column. Cells a spreadsheet would
    run as a formula are marked as the importer expects (`models.cells`), so the file,
    corrected, imports back as it was read."""
    by_row = defaultdict(list)
    for p in report.rejected:
        by_row[p.row].append(f"{p.field}: {p.message}")
    with writing_file(path), path.open("w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow([*headers, "error"])
        for number, values in report.rejected_rows:
            out.writerow([csv_text(v) for v in (*values.values(), "; ".join(by_row[number]))])


def column_limits(fields: dict[str, tuple], lookups: tuple[str, ...]) -> dict[str, int]:
    """{column: most characters} for an importer's columns: `fields` maps a column to the
    (model or its BulkTable, field) it fills; `lookups` are columns parsed or looked up (a
    unit, a level)."""
    limits = dict.fromkeys(lookups, rules.LOOKUP_CHARS)
    for column, (model, name) in fields.items():
        held = model.limits if isinstance(model, BulkTable) else rules.text_limits(model)
        limits[column] = held[name]
    return limits


def long_columns(rows: list[tuple[int, dict]], limits: dict[str, int]) -> dict[str, int]:
    """The limits of the columns where some cell is too long, found column by column (26,300
    forms: ~40 ms, against ~60 ms checking row by row), so most files check no row."""
    if not rows:
        return {}
    cells = [values for _, values in rows]
    # The file's longest cell, in one pass in C (~5 ms): a column whose limit it does not pass
    # holds no cell too long and is not measured on its own.
    longest = max(map(len, chain.from_iterable(map(dict.values, cells))), default=0)
    return {c: limits[c] for c in rows[0][1].keys() & limits.keys()
            if limits[c] < longest and max(map(len, map(itemgetter(c), cells))) > limits[c]}


def long_cells(values: dict[str, str], limits: dict[str, int]) -> tuple[list[Problem], dict]:
    """(row problems for cells longer than their column holds, the values with those cells
    emptied): no parser works on, and no message repeats, an 11 MB cell."""
    long = [rules.too_long(column, len(text), limits[column]) for column, text in values.items()
            if column in limits and len(text) > limits[column]]
    if not long:
        return [], values
    cut = {p.field for p in long}
    return long, {k: ("" if k in cut else v) for k, v in values.items()}


class UnitIndex:
    """Find a unit by its name or by a path of names (`白泥镇/第一小学`), as typed in a file."""

    def __init__(self, conn: sa.Connection):
        # Driver SQL, without the unit's SQLModel class (models.reference.Unit), which `import
        # evaluations` never loads (models/store/bulk_tables.py), or SQLAlchemy's statements.
        rows = conn.exec_driver_sql(
            "SELECT id, name, parent_id FROM unit WHERE deleted_at IS NULL").fetchall()
        self.units = {unit_id: (name, parent_id) for unit_id, name, parent_id in rows}
        self._found: dict[str, str] = {}
        self.by_suffix: dict[str, list[str]] = defaultdict(list)
        for unit_id in self.units:
            parts = self.path(unit_id).split("/")
            for i in range(len(parts)):
                self.by_suffix["/".join(parts[i:])].append(unit_id)

    def path(self, unit_id: str) -> str:
        names, seen = [], set()
        while unit_id in self.units and unit_id not in seen:
            seen.add(unit_id)
            name, unit_id = self.units[unit_id]
            names.append(name)
        return "/".join(reversed(names))

    def add(self, unit_id: str, name: str, parent_id: str | None) -> None:
        self._found.clear()
        self.units[unit_id] = (name, parent_id)
        parts = self.path(unit_id).split("/")
        for i in range(len(parts)):
            self.by_suffix["/".join(parts[i:])].append(unit_id)

    def find(self, text: str) -> str:
        """The unit's id, or ParseError (a ValueError) naming the candidates (a typo must not
        split figures)."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> str:
        key = "/".join(p.strip() for p in text.strip().strip("/").split("/"))
        found = self.by_suffix.get(key, [])
        if len(found) == 1:
            return found[0]
        if found:
            paths = ", ".join(sorted(self.path(u) for u in found))
            raise ParseError("ambiguous_unit", text=text, paths=paths)
        close = difflib.get_close_matches(key, list(self.by_suffix), n=3, cutoff=0.6)
        if close:
            raise ParseError("unknown_unit_did_you_mean", text=text, suggestions=", ".join(close))
        raise ParseError("unknown_unit", text=text)


@contextlib.contextmanager
def cyclic_gc_paused():
    """Python's cycle collector off while a file is read, checked and written: the rows, the
    parsed forms and the statements' parameters are millions of fresh containers, each
    allocation burst setting off collections that walk them and every module's objects again
    (~15 % of a 26,300-form import's CPU, docs/sync.md "The import"). None of them forms a
    cycle: reference counting frees them; a cycle made meanwhile is collected after.

    The collector is the whole process's: only a headless command (one thread) pauses it
    (`desktop/cli/data_commands.py`), never `run_import` itself. Paused from the window's
    import thread it stopped collection for the window too, and the Qt objects' cycles were
    then collected from whichever thread came next (a worker crashed in Qt's event loop)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_import(store, kind: str, path, *, profile: str, skip_invalid: bool = False,
               rejects_path=None, dry_run: bool = False,
               progress: Progress | None = None, source: str | None = None) -> ImportReport:
    """Import a file in one transaction. `dry_run` reads and checks every row, writes nothing
    and never refuses: the report lists the problems and `imported` counts the rows that would
    be imported (the window's preview). `source`: how evaluation forms were collected (paper,
    online, kiosk; evaluations only)."""
    importer = _importer(kind)
    options = {"source": parse_enum(EvaluationSource, source).value} if source else {}
    report = importer.import_file(store, Path(path), profile=profile,
                                  skip_invalid=skip_invalid or dry_run, dry_run=dry_run,
                                  progress=progress, **options)
    if rejects_path and report.rejected_rows and not dry_run:
        write_rejects(Path(rejects_path), report.headers, report)
    return report


IMPORT_KINDS = ("units", "representatives", "evaluations", "problems", "opinions", "visits",
                "findings", "criticisms", "accountability")


def _importer(kind: str):
    """The module of one import kind (`models.imports.<kind>`), imported alone: loading all
    nine, with the record imports' services, cost `import evaluations` ~0.1 s at start."""
    if kind not in IMPORT_KINDS:
        raise KeyError(kind)
    return importlib.import_module(f"models.imports.{kind}")


# The record imports of issue 17 §1 (models/imports/record_rows.py), in the command's order.
RECORD_KINDS = ("opinions", "visits", "findings", "criticisms", "accountability")


def import_roles(kind: str) -> tuple[str, ...]:
    """The device roles that may import a record kind (docs/authorization.md)."""
    return tuple(_importer(kind).SPEC.roles)


def columns_of(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) canonical columns of an import kind."""
    from models.imports import evaluations, problems, representatives, units

    if kind in RECORD_KINDS:
        spec = _importer(kind).SPEC
        return spec.required, spec.optional
    return {
        "problems": (problems.REQUIRED, problems.OPTIONAL),
        "units": (units.REQUIRED, ()),
        "representatives": (representatives.REQUIRED, representatives.OPTIONAL),
        "evaluations": (evaluations.REQUIRED,
                        ("reason", "suggestion", *evaluations.CRITERIA)),
    }[kind]


def refuse_if_invalid(report: ImportReport, skip_invalid: bool) -> None:
    """All or nothing: any bad row refuses the whole file unless told to skip bad rows."""
    if report.rejected and not skip_invalid:
        raise ImportRefused(report.rejected, report.headers)

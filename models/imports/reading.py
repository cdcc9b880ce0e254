"""Reading rows from a CSV or text file (encoding and separator found by
`models.imports.decoding`) or a workbook (`.xlsx`, `.xls`, `.ods`: `models.imports.workbooks`),
with header aliases. The one place every import kind reads its file.

A CSV cell the app marked with an apostrophe so that no spreadsheet runs it as a formula
(`models.cells`) reads back without that one apostrophe; workbook cells are read as they are.
Every row a file holds is read, or the file is refused with a file-level problem: a workbook
that unpacks to more than `MAX_FILE_BYTES` (a zip bomb: kilobytes that inflate to gigabytes)
or a sheet past `MAX_ROWS` rows is refused before it exhausts memory or time; a sheet's stated
size (its `dimension`, which openpyxl's streaming reader trusted and which once hid a row) is
ignored. Long cells are read whole: the importers refuse them as row errors (`models.rules`).
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from models.cells import from_csv_text
from models.errors import Problem, ValidationError
from models.imports.decoding import decode_table
from models.imports.record_headers import kind_aliases, kind_chinese, kind_english, kind_key
from models.imports.workbooks import (
    WORKBOOK_SUFFIXES,
    check_workbook,
    sheet_rows,
    too_big,
    too_many_rows,
)

# 128 MB of sheet XML or CSV is some 300,000 forms; Excel itself stops at 1,048,576 rows.
MAX_FILE_BYTES = 128 * 2**20
MAX_ROWS = 1_048_576
# Python's csv refuses a field over 128 KB as a damaged file; here a long cell is a row error.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))

# Canonical header → the other headers accepted: Chinese (GLOSSARY.md), and the window's
# English list headers, so a list exported from the window imports back.
HEADER_ALIASES = {
    "name": ("名称", "姓名"),
    "kind": ("类别",),
    "parent": ("上级单位", "Parent unit"),
    "category": ("考评类别", "Appraisal category"),
    "township": ("乡镇",),
    "work_unit": ("工作单位", "Unit of work"),
    "phone": ("电话",),
    "team": ("所属组", "督查组", "Inspection team"),
    "form_no": ("表号", "Form number"),
    "campaign": ("评议活动",),
    "group": ("评议群体", "Respondent group"),
    "unit": ("被评议单位", "Evaluated unit", "责任单位", "Unit responsible"),
    "level": ("评议等次",),
    "reason": ("不满意原因",),
    "suggestion": ("意见建议",),
    "date": ("日期",),
    "discipline": ("遵守纪律",),
    "law": ("依法办事",),
    "service": ("服务质量",),
    "integrity": ("廉洁自律",),
    "efficiency": ("工作效率",),
    # A rectification ledger (models/imports/problems.py, reports/ledger.py)
    "ledger_no": ("台账编号", "Ledger number"),
    "description": ("问题描述", "Description"),
    "responsible_person": ("责任人", "Responsible person"),
    "measures": ("整改措施", "Measures"),
    "deadline": ("整改时限", "Deadline"),
    "status": ("整改状态", "Status"),
    "rectified_on": ("完成时间", "Rectified on"),
    "reported_on": ("登记日期", "Reported on"),
    "source": ("问题来源", "Source"),
}
_CANONICAL = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}


def canonical_header(text: str, kind: str | None = None) -> str:
    """A header's key; `kind` (a record import: models/imports/record_headers.py) reads its
    own words first."""
    name = (text or "").strip().lstrip("\ufeff")
    return kind_key(kind, name) or _CANONICAL.get(name, name.lower())


def chinese_header(kind: str, key: str) -> str:
    """A canonical column's Chinese header (GLOSSARY.md): 表号, 评议等次 … ; a person's name is
    姓名, a unit's 名称."""
    if key == "name":
        return "姓名" if kind == "representatives" else "名称"
    if key == "unit" and kind == "problems":
        return "责任单位"
    if kind_chinese(kind, key):
        return kind_chinese(kind, key)
    return HEADER_ALIASES[key][0] if key in HEADER_ALIASES else key


def column_label(kind: str, key: str, headers: Sequence[str] = (), *,
                 chinese: bool = False) -> str:
    """An import problem's column as a person reads it: in Chinese its Chinese header, else
    the header the file itself uses for it (else its canonical name). "" for the file itself
    (a problem of the whole file names no column)."""
    if key in ("file", "header"):
        return ""
    if chinese:
        return chinese_header(kind, key)
    written = (h.strip().lstrip("\ufeff") for h in headers
               if canonical_header(h, kind) == key)
    return next(written, kind_english(kind, key) or key)


def _raw_rows(path: Path, expected: Iterable[str],
              kind: str | None = None) -> Iterator[list[str]]:
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        check_workbook(path, MAX_FILE_BYTES, MAX_ROWS)
        rows: Iterable[list[str]] = sheet_rows(path)
    else:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise too_big(path, size, MAX_FILE_BYTES)
        text, separator = decode_table(path.read_bytes(), str(path), expected,
                                       lambda h: canonical_header(h, kind))
        cells = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        if "'" in text:  # a cell the app marked may be there: unmark each cell
            rows = ([from_csv_text(v.strip()) for v in row] for row in cells)
        else:  # no apostrophe anywhere, so no marked cell (26,300 forms: ~60 ms less)
            rows = (list(map(str.strip, row)) for row in cells)
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise too_many_rows(path, MAX_ROWS)
        yield row


def _file_problem(path: Path, code: str) -> ValidationError:
    return ValidationError(Problem.of("file", code, source=str(path)))


def _header(rows: Iterator[list[str]]) -> tuple[list[str] | None, int]:
    """(the header, its row number): the first row, or the row below a title the app's own
    lists put above it (a merged first row of one cell: `2026年万民评议整改台账`)."""
    for number in range(1, 4):
        row = next(rows, None)
        if row is None or sum(1 for v in row if v.strip()) != 1:
            return row, number
    return row, 3


def read_table(path: Path, required: tuple[str, ...], kind: str | None = None,
               ) -> tuple[list[str], list[tuple[int, dict]]]:
    """(headers, [(spreadsheet row number, {canonical column: text})]); header problems raise.
    `kind`: a record import whose own header words come first (models/imports/record_headers)."""
    if not path.exists():
        raise _file_problem(path, "file_not_found")
    try:
        rows = iter(_raw_rows(path, required, kind))
        header, first = _header(rows)
        if not header:
            raise ValidationError(Problem.of("header", "file_empty", source=str(path)))
        keys = [canonical_header(h, kind) for h in header]
        missing = [c for c in required if c not in keys]
        if missing:
            raise ValidationError([
                Problem.of(c, "missing_column", source=str(path), row=1, column=c,
                           aliases="/".join(kind_aliases(kind, c) or HEADER_ALIASES[c]))
                for c in missing
            ])
        out, width = [], len(keys)
        for number, values in enumerate(rows, start=first + 1):
            if not any(values):
                continue
            if len(values) < width:  # a short row: its missing cells are empty
                values = values + [""] * (width - len(values))
            out.append((number, dict(zip(keys, values))))  # a repeated header: the last wins
        return header, out
    except ValidationError:
        raise
    except Exception as exc:  # calamine and csv raise many kinds on a damaged file
        raise _file_problem(path, "file_unreadable") from exc


def preview_rows(path: Path, limit: int = 20, expected: Iterable[str] = tuple(HEADER_ALIASES),
                 kind: str | None = None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header as written and the first `limit` non-empty rows as read, each with its
    spreadsheet row number (the numbers the problems name): the window's preview. A CSV is
    decoded as the import decodes it (`expected`: the columns its headers may show)."""
    if not path.exists():
        raise _file_problem(path, "file_not_found")
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    try:
        for number, row in enumerate(_raw_rows(path, expected, kind), start=1):
            if number == 1:
                header = row
            elif any(row):
                rows.append((number, row))
            if len(rows) >= limit:
                break
    except ValidationError:
        raise
    except Exception as exc:  # the same refusal the import gives
        raise _file_problem(path, "file_unreadable") from exc
    return header, rows

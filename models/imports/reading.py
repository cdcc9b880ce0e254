"""Reading rows from CSV (UTF-8, with or without BOM) or XLSX, with header aliases.

A CSV cell the app marked with an apostrophe so that no spreadsheet runs it as a formula
(`models.cells`) reads back without that one apostrophe; XLSX cells are read as they are."""

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from models.cells import from_csv_text
from models.errors import Problem, ValidationError

# Canonical header → the other headers accepted: Chinese (GLOSSARY.md), and the window's
# English list headers, so a list exported from the window imports back.
HEADER_ALIASES = {
    "name": ("名称", "姓名"),
    "kind": ("类别",),
    "parent": ("上级单位", "Parent unit"),
    "township": ("乡镇",),
    "phone": ("电话",),
    "team": ("所属组", "督查组", "Inspection team"),
    "form_no": ("表号", "Form number"),
    "campaign": ("评议活动",),
    "group": ("评议群体", "Respondent group"),
    "unit": ("被评议单位", "Evaluated unit"),
    "level": ("评议等次",),
    "reason": ("不满意原因",),
    "suggestion": ("意见建议",),
    "date": ("日期",),
    "discipline": ("遵守纪律",),
    "law": ("依法办事",),
    "service": ("服务质量",),
    "integrity": ("廉洁自律",),
    "efficiency": ("工作效率",),
}
_CANONICAL = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}


def canonical_header(text: str) -> str:
    name = (text or "").strip().lstrip("\ufeff")
    return _CANONICAL.get(name, name.lower())


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _raw_rows(path: Path) -> Iterator[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            for row in wb.active.iter_rows(values_only=True):
                yield [_cell(v) for v in row]
        finally:
            wb.close()
        return
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for row in csv.reader(fh):
            yield [from_csv_text(v.strip()) for v in row]


def read_table(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict]]]:
    """(headers, [(spreadsheet row number, {canonical column: text})]); header problems raise."""
    if not path.exists():
        raise ValidationError(Problem("file", "no such file", source=str(path)))
    try:
        rows = iter(_raw_rows(path))
        header = next(rows, None)
        if not header:
            raise ValidationError(Problem("header", "the file is empty", source=str(path)))
        keys = [canonical_header(h) for h in header]
        missing = [c for c in required if c not in keys]
        if missing:
            raise ValidationError([
                Problem(c, f"missing column (expected {c} or {'/'.join(HEADER_ALIASES[c])})",
                        source=str(path), row=1) for c in missing
            ])
        out = []
        for number, values in enumerate(rows, start=2):
            if not any(values):
                continue
            out.append((number, {k: (values[i] if i < len(values) else "")
                                 for i, k in enumerate(keys)}))
        return header, out
    except (UnicodeDecodeError, csv.Error, OSError) as exc:
        raise ValidationError(Problem("file", f"cannot be read as UTF-8 CSV or XLSX ({exc})",
                                      source=str(path))) from exc
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ValidationError(Problem("file", f"cannot be read ({exc})", source=str(path))) from exc


def preview_rows(path: Path, limit: int = 20) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header as written and the first `limit` non-empty rows as read, each with its
    spreadsheet row number (the numbers the problems name): the window's preview."""
    if not path.exists():
        raise ValidationError(Problem("file", "no such file", source=str(path)))
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    try:
        for number, row in enumerate(_raw_rows(path), start=1):
            if number == 1:
                header = row
            elif any(row):
                rows.append((number, row))
            if len(rows) >= limit:
                break
    except Exception as exc:  # the same refusal the import gives
        raise ValidationError(Problem("file", f"cannot be read ({exc})", source=str(path))) from exc
    return header, rows

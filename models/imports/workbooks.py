"""Reading a workbook's first visible sheet: `.xlsx`, legacy `.xls` and `.ods` (WPS and
LibreOffice save it), all with python-calamine, which replaced openpyxl's read-only reader here.

Measured by bench/xlsx_read_bench.py on 200,000 rows of forms: see the commit that brought it.
calamine loads a sheet as one dense grid sized by its farthest cell, so a hostile file with
one cell a billion rows down (or at column XFD) would ask for gigabytes and abort the process:
the cells' positions are read from the sheet's XML first, and a sheet past `MAX_ROWS` rows or
`MAX_CELLS` cells is refused before calamine sees it. Workbooks are zip files; each is also
refused by the size its parts unpack to (a zip bomb) before anything is inflated.
"""

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from models.errors import Problem, ValidationError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# 25 million cells is 800 MB of calamine's 32-byte cells: Excel's million rows at 25 columns.
MAX_CELLS = 25_000_000
# A cell's position (`<c r="B12"`); a row's (`<row r="12"`) has no letters, and no other part
# of sheet XML has an attribute named `r`.
_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,10})"')
_PREFIXED_CELL_TAG = re.compile(rb"<\w+:c[\s/>]")
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated="([0-9]+)"')
_ODS_TAG = re.compile(rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>")


def too_big(path: Path, size: int, limit: int) -> ValidationError:
    mb, limit_mb = -(-size // 2**20), limit // 2**20
    return ValidationError(Problem.of("file", "file_too_large", source=str(path), size_mb=mb,
                                      limit_mb=limit_mb))


def too_many_rows(path: Path, limit: int) -> ValidationError:
    return ValidationError(Problem.of("file", "too_many_rows", source=str(path), limit=limit))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _xlsx_extent(archive: zipfile.ZipFile) -> tuple[int, int]:
    """(rows, columns) the farthest cell of any sheet reaches, streamed a megabyte at a time.
    Excel, WPS, LibreOffice and openpyxl write every cell's position; a cell without one is
    placed after the last, which this bound over-counts rather than misses."""
    rows = columns = unplaced = 0
    for info in archive.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            continue
        with archive.open(info) as part:
            tail = b""
            while chunk := part.read(2**20):
                block, tail = tail + chunk, b""
                cut = block.rfind(b"<")
                block, tail = block[:cut], block[cut:]
                refs = _CELL_REF.findall(block)
                unplaced += max(_count_cell_tags(block) - len(refs), 0)
                if refs:
                    rows = max(rows, *(int(r) for r in {r for _, r in refs}))
                    columns = max(columns, *(_column_number(c) for c in {c for c, _ in refs}))
    return rows + unplaced, columns + unplaced


def _count_cell_tags(block: bytes) -> int:
    """`<c …>` tags (plain counting is ten times a regex's speed; a namespace prefix, which
    few writers use, takes the regex)."""
    count = block.count(b"<c ") + block.count(b"<c>") + block.count(b"<c/>")
    if b":c " in block or b":c>" in block or b":c/>" in block:
        count += len(_PREFIXED_CELL_TAG.findall(block))
    return count


def _ods_extent(archive: zipfile.ZipFile) -> tuple[int, int]:
    """(rows, columns) the farthest non-empty cell of any sheet reaches. LibreOffice and WPS
    repeat empty rows and cells to the sheet's end, which calamine does not spread; a repeated
    cell with a value is spread, so it counts as many times as it is repeated."""
    with archive.open("content.xml") as part:
        content = part.read()
    rows = columns = row = width = col = 0
    row_repeat, filled = 1, False
    for match in _ODS_TAG.finditer(content):
        tag, attrs = match.group(1), match.group(2)
        if filled:
            rows, columns = max(rows, row + row_repeat), max(columns, width)
        if tag == b"table":
            row, row_repeat, filled = 0, 0, False
        elif tag == b"table-row":
            row, row_repeat, filled, col, width = row + row_repeat, _repeat(attrs), False, 0, 0
        else:
            col += _repeat(attrs)
            if not attrs.endswith(b"/") or b"value-type" in attrs:
                filled, width = True, col
    if filled:
        rows, columns = max(rows, row + row_repeat), max(columns, width)
    return rows, columns


def _repeat(attrs: bytes) -> int:
    found = _ODS_REPEAT.search(attrs)
    return int(found.group(1)) if found else 1


def check_workbook(path: Path, max_bytes: int, max_rows: int) -> None:
    """Refuse a workbook that would unpack, or spread, past the limits, before reading it."""
    if path.suffix.lower() == ".xls":  # BIFF8: at most 65,536 rows of 256 columns
        if path.stat().st_size > max_bytes:
            raise too_big(path, path.stat().st_size, max_bytes)
        return
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
            if size > max_bytes:
                raise too_big(path, size, max_bytes)
            ods = path.suffix.lower() == ".ods"
            rows, columns = _ods_extent(archive) if ods else _xlsx_extent(archive)
    except (zipfile.BadZipFile, KeyError):
        return  # calamine says what is wrong with it
    if rows > max_rows:
        raise too_many_rows(path, max_rows)
    if rows * columns > MAX_CELLS:
        raise _too_spread(path)


def _too_spread(path: Path) -> ValidationError:
    return ValidationError(Problem.of("file", "sheet_too_spread", source=str(path),
                                      limit=MAX_CELLS))


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):  # a time of day only where there is one (a visit's)
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M" if not value.second else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def sheet_rows(path: Path) -> Iterator[list[str]]:
    """The first visible sheet's rows from A1 on (row 1 first, empty rows kept, so that row
    numbers are the spreadsheet's), each as wide as the header."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    with CalamineWorkbook.from_path(str(path)) as wb:
        visible = [i for i, m in enumerate(wb.sheets_metadata)
                   if m.visible == SheetVisibleEnum.Visible] or [0]
        sheet = wb.get_sheet_by_index(visible[0])
        # calamine's rows start at the sheet's first row (empty ones included) but its columns
        # at the first used one: pad them back (tests/models/test_import_formats.py checks it).
        start_col = (sheet.start or (0, 0))[1]
        rows = iter(sheet.iter_rows())
        header = [cell_text(v) for v in next(rows, [])]
        header = [""] * start_col + header
        while header and not header[-1]:
            header.pop()
        yield header
        # Cells right of the header have no column to go to; a row is as wide as the header.
        # A first row of one cell is a title over the header (the app's own lists, a ledger):
        # its width says nothing (reading.read_table finds the header below it).
        width = len(header) if sum(1 for v in header if v) > 1 else None
        for row in rows:
            yield ([""] * start_col + [cell_text(v) for v in row])[:width]

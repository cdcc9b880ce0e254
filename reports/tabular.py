"""A list output (ledger, rankings, overdue list) as one `Sheet`, written to XLSX, DOCX or PDF.

XLSX follows the office's customary layout: a merged title row, the header on row 2, frozen
below it with an autofilter, column widths in characters, real dates and percentages, A4
landscape printing with the header repeated on every page. Text is always a string cell
with its value unchanged, never a formula, whatever it begins with (`models.cells`).
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models.cells import keep_as_text, xlsx_text
from reports.errors import ReportError

FORMATS = ("xlsx", "docx", "pdf")


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 12  # characters in XLSX; relative elsewhere
    kind: str = "text"  # text | date | int | percent | float


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    name: str = ""  # the worksheet's tab
    subtitle: str = ""

    @property
    def header(self) -> list[str]:
        return [c.title for c in self.columns]


NUMBER_FORMATS = {"date": "yyyy-mm-dd", "percent": "0.0%", "float": "0.0", "int": "0"}


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        _fill_worksheet(wb.create_sheet(title=(sheet.name or sheet.title)[:31]), sheet)
    wb.save(path)


def _append(ws, values: list) -> None:
    """One row; text (a unit's name, a problem's description) stays text, even `=...`."""
    ws.append([xlsx_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        keep_as_text(cell)


def _fill_worksheet(ws, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    n = len(sheet.columns)
    _append(ws, [sheet.title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    _append(ws, sheet.header)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for row in sheet.rows:
        _append(ws, row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        fmt = NUMBER_FORMATS.get(col.kind)
        for (cell,) in ws.iter_rows(min_row=3, min_col=i, max_col=i):
            cell.border = border
            cell.alignment = wrap
            if fmt:
                cell.number_format = fmt
    ws.freeze_panes = "A3"
    if sheet.rows:
        ws.auto_filter.ref = f"A2:{get_column_letter(n)}{len(sheet.rows) + 2}"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def display(value, kind: str) -> str:
    """A cell as text for DOCX and PDF."""
    if value is None or value == "":
        return ""
    if kind == "percent":
        return f"{value * 100:.1f}%"
    if kind == "float":
        return f"{value:.1f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _text_rows(sheet: Sheet) -> list[list[str]]:
    kinds = [c.kind for c in sheet.columns]
    return [[display(v, k) for v, k in zip(row, kinds)] for row in sheet.rows]


def write_docx(path: Path, sheets: list[Sheet]) -> None:
    from reports import word

    doc = word.new_document(wide=True)
    for i, sheet in enumerate(sheets):
        if i:
            doc.add_page_break()
        word.title(doc, sheet.title)
        if sheet.subtitle:
            word.centred(doc, sheet.subtitle)
        word.table(doc, sheet.header, _text_rows(sheet), [c.width for c in sheet.columns],
                   usable_cm=25.7)
    doc.save(path)


def write_pdf(path: Path, sheets: list[Sheet]) -> None:
    from reportlab.platypus import PageBreak

    from reports import pdf

    story: list = []
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story += pdf.title_block(sheet.title, sheet.subtitle)
        story.append(pdf.table(sheet.header, _text_rows(sheet),
                               [c.width for c in sheet.columns], wide=True))
    pdf.build(path, story, title=sheets[0].title, wide=True)


WRITERS = {"xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf}


def resolve_format(path: Path, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """The format asked for, else the one the file name ends in; refused when not offered."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in allowed:
        raise ReportError(code="bad_format", params={"formats": " / ".join(allowed),
                                                     "chosen": chosen or Path(path).name})
    return chosen


def write(path: Path, sheets: list[Sheet], fmt: str) -> Path:
    from reports.files import atomic_path

    with atomic_path(path) as tmp:
        WRITERS[fmt](tmp, sheets)
    return Path(path)

"""Writing a table to CSV or XLSX so that it opens cleanly in Excel and LibreOffice.

CSV is UTF-8 with a byte-order mark (Excel otherwise reads Chinese as mojibake); XLSX keeps
dates as dates and numbers as numbers, a bold frozen header and sensible column widths. Text
that a spreadsheet would run as a formula is written as text (`models.cells`: an apostrophe in
CSV that the importer takes away again, a string cell in XLSX). The file is written beside its
destination under a temporary name and renamed into place at the end, so a cancelled or
failed export never leaves a half-written file where the user expects a whole one; a missing
destination folder is made, an unusable one refused with the reason (`models.output_folder`).
"""

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from models.cells import csv_text, keep_as_text, xlsx_text
from models.errors import AppError, Problem, ValidationError
from models.output_folder import writing_file

FORMATS = (".xlsx", ".csv")


class ExportCancelled(AppError):
    code = "export_cancelled"

    def __init__(self) -> None:
        super().__init__()


def _naive(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone().replace(tzinfo=None)
    return value


class TableWriter:
    """`write_rows` as often as needed, then `finish()` (renames into place) or `abort()`.

    As a context manager it aborts when the block raises."""

    def __init__(self, path: Path | str, headers: Sequence[str],
                 widths: Sequence[int] | None = None) -> None:
        self.path = Path(path)
        self.kind = self.path.suffix.lower()
        if self.kind not in FORMATS:
            raise ValidationError(Problem.of("file", "export_needs_extension",
                                             source=str(self.path)))
        with writing_file(self.path):  # a missing folder is made; an unusable one refused
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.stem}.", suffix=".partial",
                                        dir=self.path.parent)
        os.close(fd)
        self.temp = Path(temp)
        self.rows_written = 0
        if self.kind == ".csv":
            self._fh = self.temp.open("w", newline="", encoding="utf-8-sig")
            self._csv = csv.writer(self._fh)
            self._csv.writerow(list(headers))
        else:
            self._open_xlsx(headers, widths)

    def _open_xlsx(self, headers: Sequence[str], widths: Sequence[int] | None) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self._wb = Workbook(write_only=True)
        self._ws = self._wb.create_sheet(self.path.stem[:31] or "Sheet1")
        self._ws.freeze_panes = "A2"
        for i, header in enumerate(headers, start=1):
            width = (widths[i - 1] if widths and i <= len(widths) else 0) or 12
            self._ws.column_dimensions[get_column_letter(i)].width = max(width, len(header) * 2)
        bold = Font(bold=True)
        cells = []
        for header in headers:
            cell = WriteOnlyCell(self._ws, header)
            cell.font = bold
            cells.append(cell)
        self._ws.append(cells)

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        if self.kind == ".csv":
            for row in rows:
                self._csv.writerow([self._csv_value(v) for v in row])
                self.rows_written += 1
        else:
            for row in rows:
                self._ws.append([self._xlsx_value(v) for v in row])
                self.rows_written += 1

    @staticmethod
    def _csv_value(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return _naive(value).strftime("%Y-%m-%d %H:%M")
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int | float):
            return str(value)  # a number stays a number (-5), only text is marked
        return csv_text(str(value))

    def _xlsx_value(self, value: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if isinstance(value, dt.datetime):
            cell = WriteOnlyCell(self._ws, _naive(value))
            cell.number_format = "yyyy-mm-dd hh:mm"
            return cell
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(self._ws, value)
            cell.number_format = "yyyy-mm-dd"
            return cell
        if isinstance(value, str):
            text = xlsx_text(value)
            if text.startswith("="):
                cell = WriteOnlyCell(self._ws, text)
                keep_as_text(cell)
                return cell
            return text
        return value

    def finish(self) -> Path:
        with writing_file(self.path):  # a full disk is said as such
            if self.kind == ".csv":
                self._fh.close()
            else:
                self._wb.save(self.temp)
            os.replace(self.temp, self.path)
        return self.path

    def abort(self) -> None:
        try:
            if self.kind == ".csv":
                self._fh.close()
            else:  # end the sheet's XML stream and drop openpyxl's own temporary file
                self._ws.close()
                self._ws._writer.cleanup()
        finally:
            self.temp.unlink(missing_ok=True)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


def write_table(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                widths: Sequence[int] | None = None,
                progress: Callable[[int], None] | None = None) -> Path:
    """Write all `rows`; `progress(rows written)` every 1000 rows may raise ExportCancelled."""
    with TableWriter(path, headers, widths) as writer:
        for row in rows:
            writer.write_rows([row])
            if progress is not None and writer.rows_written % 1000 == 0:
                progress(writer.rows_written)
        return writer.finish()

"""Spreadsheet cells that never run as formulas, and text that imports back as it went out.

Excel and LibreOffice run a CSV cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula: `=HYPERLINK(...)` typed as a unit's name or a suggestion would run on the
clerk's machine when a list or a rejects file is opened. Every CSV the app writes puts an
apostrophe before such text (`csv_text`) and the importer takes exactly that one apostrophe away
again (`from_csv_text`), so a rejects file, corrected, and an exported list import back
unchanged. Text that already begins with apostrophes before one of those characters gets one
more, so the importer's rule undoes exactly what the writer did and nothing else.

XLSX needs no mark: a typed value is written as a string cell (never a formula) with its value
unchanged; only the control characters XML cannot hold are dropped (`xlsx_text`).
"""

import re

# One apostrophe is added before text matching this, and taken away on import before the rest.
_MARKED = re.compile(r"'*[=+\-@\t\r]")
_FIRST = frozenset("'=+-@\t\r")  # most cells start otherwise: no regex for them
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_text(text: str) -> str:
    """`text` as a CSV cell: an apostrophe before anything a spreadsheet would run."""
    return "'" + text if text[:1] in _FIRST and _MARKED.match(text) else text


def from_csv_text(text: str) -> str:
    """A CSV cell as the app wrote it back to its text: exactly one leading apostrophe is
    dropped, and only before what `csv_text` marks."""
    return text[1:] if text[:1] == "'" and _MARKED.match(text, 1) else text


def xlsx_text(text: str) -> str:
    """`text` without the control characters an XLSX file cannot hold (Excel refuses it)."""
    return _ILLEGAL_XML.sub("", text)


def keep_as_text(cell) -> None:
    """openpyxl makes any text beginning with `=` a formula cell; no value the app writes is
    one, so such a cell is turned back into a string cell."""
    if cell.data_type == "f":
        cell.data_type = "s"

"""A small hostile workbook cannot make the importer ask for gigabytes (issue 17 §1).

python-calamine reads a sheet into one dense grid sized by its farthest cell; a memory
allocation that fails there aborts the whole process (the window and every unsaved entry with
it). `models.imports.workbooks.check_workbook` reads the cells' positions first and refuses the
file with a message instead."""

import zipfile

import pytest
from openpyxl import Workbook

from models.errors import ValidationError
from models.imports import run_import
from tests.models.helpers import count
from tests.models.test_import_formats import write_ods


def _rewrite(path, part: str, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _refusal(store, path) -> str:
    with pytest.raises(ValidationError) as refused:
        run_import(store, "units", path, profile="clerk")
    (problem,) = refused.value.problems
    assert count(store, "unit") == 0
    return problem.code


def test_an_xlsx_cell_at_the_last_column_far_down_is_refused_not_allocated(store, tmp_path):
    """One cell at XFD200000: 3.3 billion grid cells, 100 GB, from a 5 KB file."""
    path = tmp_path / "units.xlsx"
    wb = Workbook()
    wb.active.append(["name", "kind", "parent"])
    wb.active.append(["县社保中心", "department", ""])
    wb.save(path)
    far = (b'<row r="200000"><c r="XFD200000" t="inlineStr"><is><t>x</t></is></c></row>'
           b"</sheetData>")
    _rewrite(path, "xl/worksheets/sheet1.xml", b"</sheetData>", far)
    assert _refusal(store, path) == "sheet_too_spread"


def test_an_ods_value_repeated_over_a_million_rows_is_refused_not_allocated(store, tmp_path):
    """LibreOffice's own trailing empty rows are fine (tests/models/test_import_formats.py); the
    same repeat on a cell that holds a value spreads it over 16 billion cells."""
    path = write_ods(tmp_path / "forms.ods")
    _rewrite(path, "content.xml",
             b'<table:table-cell table:number-columns-repeated="1024"/>',
             b'<table:table-cell table:number-columns-repeated="16384" '
             b'office:value-type="string"><text:p>x</text:p></table:table-cell>')
    assert _refusal(store, path) == "sheet_too_spread"


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_xlsx_cells_without_positions_are_counted_not_trusted(store, tmp_path, prefix):
    """A cell may omit its position (placed after the last): 6,000 such cells in one row of a
    5,000-row sheet spread it over 30 million cells, namespace prefix or not."""
    path = tmp_path / "units.xlsx"
    wb = Workbook()
    for row in [["name", "kind", "parent"], *[[f"镇{i}", "township", ""] for i in range(5000)]]:
        wb.active.append(row)
    wb.save(path)
    cell = f'<{prefix}c t="inlineStr"><{prefix}is><{prefix}t>x</{prefix}t></{prefix}is></{prefix}c>'
    _rewrite(path, "xl/worksheets/sheet1.xml", b"</row>", (cell * 6000).encode() + b"</row>")
    assert _refusal(store, path) == "sheet_too_spread"

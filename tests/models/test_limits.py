"""Text limits hold wherever a record comes in, and an import never loses a row quietly: a cell
over its field's limit is a row error, a hostile workbook a clear file-level refusal."""

import re
import zipfile

import pytest
from openpyxl import Workbook

from desktop.cli import main as cli
from models import rules, services
from models.errors import ValidationError
from models.imports import reading, run_import
from models.messages import english
from models.records import Evaluation, Problem
from models.reference import Campaign, Unit
from tests.conftest import PASSPHRASE
from tests.models.helpers import FORM_HEADER, UNITS, count, load_units, write_csv

CAMPAIGN = "2024年万民评议"
ELEVEN_MB = "长" * (11 * 2**20 // 3 + 1)


def _row(form_no: str, suggestion: str = "") -> list[str]:
    return [form_no, CAMPAIGN, "patient", "卫生院", "satisfied", "", suggestion, "2024-05-01"]


@pytest.fixture
def units(store, tmp_path):
    load_units(store, tmp_path)
    return store


def test_an_11_mb_text_cannot_be_saved_by_the_window_or_any_other_writer(store):
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "卫生院", "kind": "hospital"})
        campaign = w.create(Campaign, {"name": CAMPAIGN, "year": 2024})
    problem = {"description": ELEVEN_MB, "reported_on": "2024-05-01", "unit_id": unit}
    with pytest.raises(ValidationError) as refused, store.write("clerk") as w:
        services.create_record(w, Problem, problem)  # the window's path
    found = refused.value.problems[0]
    assert (found.field, found.code) == ("description", "too_long")
    assert found.args == {"length": len(ELEVEN_MB), "limit": rules.TEXT_CHARS}
    form = {"campaign_id": campaign, "group": "citizen", "unit_id": unit, "level": "satisfied",
            "evaluated_on": "2024-05-01", "suggestion": ELEVEN_MB}
    with pytest.raises(ValidationError, match="suggestion"), store.write("clerk") as w:
        w.create_many(Evaluation, [form])  # the bulk path under every importer
    with store.write("clerk") as w:
        kept = w.create(Evaluation, {**form, "suggestion": "ok"})
    with pytest.raises(ValidationError, match="reason"), store.write("clerk") as w:
        w.update(Evaluation, kept, {"reason": ELEVEN_MB})
    assert count(store, "problem") == 0 and count(store, "outbox") == 3


def test_a_cell_over_the_limit_is_a_row_error_never_silently_dropped(units, data_dir, tmp_path,
                                                                     capsys, monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", PASSPHRASE)
    units.close()  # the command line opens the same store
    too_long = "议" * (rules.NOTE_CHARS + 1)
    path = write_csv(tmp_path / "forms.csv", FORM_HEADER,
                     [_row("1"), _row("2", too_long), _row("3")])
    args = ["--data-dir", str(data_dir), "import", "evaluations", str(path)]
    assert cli(args) == 1
    err = capsys.readouterr().err
    # rendered by its code (too_long), in the command line's language (English here)
    assert f"{path}:3: suggestion: " + english(
        "too_long", {"length": rules.NOTE_CHARS + 1, "limit": rules.NOTE_CHARS}) in err
    rejects = tmp_path / "rejects.csv"
    assert cli([*args, "--skip-invalid", "--rejects", str(rejects)]) == 0
    assert "imported 2 forms; rejected 1 rows" in capsys.readouterr().out
    lines = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("2,") and too_long in lines[1]
    assert "suggestion: Too long: " in lines[1]


def test_an_11_mb_cell_in_a_workbook_is_a_row_error(units, tmp_path):
    wb = Workbook()
    wb.active.append(FORM_HEADER)
    wb.active.append(_row("1"))
    wb.active.append(_row("2", ELEVEN_MB))
    wb.save(tmp_path / "forms.xlsx")
    with pytest.raises(ValidationError) as refused:
        run_import(units, "evaluations", tmp_path / "forms.xlsx", profile="clerk")
    assert [(p.row, p.field, p.code) for p in refused.value.problems] == [
        (3, "suggestion", "too_long")]
    assert len(str(refused.value)) < 500  # the cell is not repeated in the message
    assert count(units, "evaluation") == 0


def _bomb(path, inflated_bytes: int) -> None:
    """A small workbook whose sheet inflates to `inflated_bytes` (padding the zip squeezes)."""
    wb = Workbook()
    wb.active.append(["name", "kind", "parent"])
    wb.active.append(["爆炸镇", "township", "余庆县"])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<sheetData>",
                                        b"<sheetData>" + b" " * inflated_bytes, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_zip_bomb_xlsx_is_refused_clearly(store, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 2**20)  # the same check, a smaller bomb
    path = tmp_path / "units.xlsx"
    _bomb(path, 3 * 2**20)
    assert path.stat().st_size < 50_000
    with pytest.raises(ValidationError) as refused:
        run_import(store, "units", path, profile="clerk")
    (problem,) = refused.value.problems
    assert (problem.field, problem.code, problem.row) == ("file", "file_too_large", None)
    assert re.search(r"holds 4 MB of data, more than the 1 MB a file may hold", problem.message)
    assert count(store, "unit") == 0
    with pytest.raises(ValidationError):  # the window's preview says the same
        reading.preview_rows(path)


def test_a_sheet_that_understates_its_size_loses_no_row(store, tmp_path):
    """openpyxl's streaming reader believes a sheet's `dimension`; a row past it was lost."""
    path = tmp_path / "units.xlsx"
    wb = Workbook()
    for row in [["name", "kind", "parent"], *UNITS]:
        wb.active.append(list(row))
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:C3"/>', parts[sheet])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = run_import(store, "units", path, profile="clerk")
    assert report.imported == len(UNITS) and count(store, "unit") == len(UNITS)


def test_a_sheet_with_a_row_a_billion_down_is_refused_not_walked(store, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 10_000)  # Excel's 1,048,576 takes ~1 s to reach
    path = tmp_path / "units.xlsx"
    wb = Workbook()
    wb.active.append(["name", "kind", "parent"])
    wb.active.append(["县社保中心", "department", ""])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    far = (b'<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>x</t></is></c></row>'
           b"</sheetData>")
    parts[sheet] = parts[sheet].replace(b"</sheetData>", far, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(ValidationError) as refused:
        run_import(store, "units", path, profile="clerk")
    assert refused.value.problems[0].code == "too_many_rows"
    assert count(store, "unit") == 0

"""Every spreadsheet a county office has imports the same (issue 17 §1): the CSV Excel and WPS
save on Chinese Windows (GB18030/GBK), Excel's "Unicode text" (UTF-16, tab-separated), and
`.xlsx`, legacy `.xls` and `.ods` workbooks. The `.xls` is written with xlwt and the `.ods` by
hand (calamine only reads; LibreOffice is not installed)."""

import csv
import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import xlwt
from openpyxl import Workbook

from models.errors import ValidationError
from models.imports import run_import
from models.imports.reading import preview_rows
from models.store.store import Store
from tests.conftest import PASSPHRASE
from tests.models.helpers import load_units

HEADER = ["表号", "评议活动", "评议群体", "被评议单位", "评议等次", "不满意原因", "意见建议", "日期",
          "服务质量"]
CAMPAIGN = "2024年万民评议"
FORMS = [  # (number, group, unit, level, reason, suggestion, date, service)
    (1, "群众", "县社保中心", "满意", "", "", dt.date(2024, 5, 1), "满意"),
    (2, "家长", "白泥镇/第一小学", "不满意", "乱收费", '公开收费标准, "一费制"', dt.date(2024, 5, 2), ""),
    (3, "患者", "卫生院", "基本满意", "", "周末增开挂号窗口\n夜间有人值守", dt.date(2024, 5, 3), "不满意"),
]


def _text_rows() -> list[list[str]]:
    return [[str(n), CAMPAIGN, g, u, lv, r, s, d.isoformat(), sv] for n, g, u, lv, r, s, d, sv in FORMS]


def _cells(form) -> list:
    n, g, u, lv, r, s, d, sv = form
    return [n, CAMPAIGN, g, u, lv, r, s, d, sv]


def write_gbk_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="gbk") as fh:
        csv.writer(fh).writerows([HEADER, *_text_rows()])
    return path


def write_unicode_text(path: Path) -> Path:
    """What Excel's "Save as Unicode text" writes: UTF-16LE with a BOM, tabs, CRLF."""
    with path.open("w", newline="", encoding="utf-16") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\r\n").writerows([HEADER, *_text_rows()])
    return path


def write_xlsx(path: Path) -> Path:
    wb = Workbook()
    for row in [HEADER, *map(_cells, FORMS)]:
        wb.active.append(row)
    wb.save(path)
    return path


def write_xls(path: Path) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("评议表")
    as_date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate([HEADER, *map(_cells, FORMS)]):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, as_date)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def _ods_cell(value) -> str:
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if value == "":
        return "<table:table-cell/>"
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def write_ods(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet as LibreOffice and WPS save it, trailing empty rows
    repeated to the sheet's end included."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    rows = "".join("<table:table-row>" + "".join(map(_ods_cell, row)) + "</table:table-row>"
                   for row in [HEADER, *map(_cells, FORMS)])
    rows += ('<table:table-row table:number-rows-repeated="1048572">'
             '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               f'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="评议表">{rows}</table:table>'
               f"</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


WRITERS = {"forms-gbk.csv": write_gbk_csv, "forms-unicode.txt": write_unicode_text,
           "forms.xlsx": write_xlsx, "forms.xls": write_xls, "forms.ods": write_ods}


def _imported_forms(tmp_path: Path, name: str) -> tuple[int, list[tuple], int]:
    """Import `name` into a fresh store: (imported, the forms as stored, opinions made)."""
    store = Store.open(tmp_path / name / "device", PASSPHRASE)
    try:
        load_units(store, tmp_path / name)
        path = WRITERS[name](tmp_path / name / name)
        report = run_import(store, "evaluations", path, profile="clerk")
        with store.read() as conn:
            forms = conn.exec_driver_sql(
                "SELECT e.form_no, c.name, e.\"group\", u.name, e.level, e.reason, e.suggestion, "
                "e.evaluated_on, e.service FROM evaluation e JOIN campaign c ON c.id = e.campaign_id "
                "JOIN unit u ON u.id = e.unit_id ORDER BY e.form_no").all()
            opinions = conn.exec_driver_sql("SELECT count(*) FROM opinion").scalar()
        return report.imported, [tuple(f) for f in forms], opinions
    finally:
        store.close()


def test_gbk_csv_unicode_text_xls_ods_and_xlsx_of_the_same_forms_import_the_same(tmp_path):
    for name in WRITERS:
        (tmp_path / name).mkdir()
    results = {name: _imported_forms(tmp_path, name) for name in WRITERS}
    expected = [("1", CAMPAIGN, "citizen", "县社保中心", "satisfied", "", "", "2024-05-01",
                 "satisfied"),
                ("2", CAMPAIGN, "parent", "第一小学", "dissatisfied", "乱收费",
                 '公开收费标准, "一费制"', "2024-05-02", None),
                ("3", CAMPAIGN, "patient", "卫生院", "basically_satisfied", "",
                 "周末增开挂号窗口\n夜间有人值守", "2024-05-03", "dissatisfied")]
    for name, (imported, forms, opinions) in results.items():
        assert (name, imported, forms, opinions) == (name, 3, expected, 2)


def test_the_windows_preview_reads_a_gbk_csv_as_the_import_does(tmp_path):
    header, rows = preview_rows(write_gbk_csv(tmp_path / "forms.csv"))
    assert header == HEADER
    assert rows[0] == (2, _text_rows()[0])


def test_a_file_in_no_known_encoding_is_refused_with_its_name_and_what_was_tried(store, tmp_path):
    """Big5 (Taiwan's encoding) bytes decode as GB18030 into nonsense: no header shows."""
    load_units(store, tmp_path)
    path = tmp_path / "forms-big5.csv"
    with path.open("w", newline="", encoding="big5") as fh:
        csv.writer(fh).writerows([["表號", "評議活動", "評議群體", "被評議單位", "評議等次", "日期"],
                                  ["1", "評議", "群眾", "縣社保中心", "滿意", "2024-05-01"]])
    with pytest.raises(ValidationError) as refused:
        run_import(store, "evaluations", path, profile="clerk")
    (problem,) = refused.value.problems
    assert (problem.field, problem.code, problem.source) == ("file", "file_encoding_unknown",
                                                              str(path))
    assert problem.args["tried"] == "UTF-8, GB18030"
    assert "UTF-8, GB18030" in problem.message and "headers" in problem.message


def test_a_workbook_problem_names_the_row_and_column_the_sheet_shows(store, tmp_path):
    """Empty rows above a bad one and an empty column A still count: the clerk finds row 5."""
    load_units(store, tmp_path)
    wb = Workbook()
    wb.active.append(["", *HEADER])
    wb.active.append(["", *_cells(FORMS[0])])
    wb.active.append([])
    wb.active.append([])
    wb.active.append(["", 9, CAMPAIGN, "群众", "县社保中心", "很好", "", "", dt.date(2024, 5, 1)])
    wb.save(tmp_path / "forms.xlsx")
    with pytest.raises(ValidationError) as refused:
        run_import(store, "evaluations", tmp_path / "forms.xlsx", profile="clerk")
    assert [(p.row, p.field) for p in refused.value.problems] == [(5, "level")]

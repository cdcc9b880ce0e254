"""Tables written to CSV and XLSX: readable back, Chinese intact, never half-written."""

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from models.exports import ExportCancelled, TableWriter, write_table

HEADERS = ["表号", "日期", "意见建议", "电话"]
ROWS = [["0001", dt.date(2026, 5, 1), "=HYPERLINK(\"x\")", "+86 139 0000 0001"],
        ["0002", dt.date(2026, 5, 2), "窗口太少\x07", "-5"]]


def test_csv_has_a_bom_and_neutralises_formulas(tmp_path):
    path = write_table(tmp_path / "out.csv", HEADERS, ROWS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == HEADERS
    # Text a spreadsheet would run (+, - included: "-A1+B1" runs as well as "-5" reads) gets
    # the apostrophe the importer takes away again; a number stays a number.
    assert rows[1] == ["0001", "2026-05-01", "'=HYPERLINK(\"x\")", "'+86 139 0000 0001"]
    assert rows[2][3] == "'-5"
    path = write_table(tmp_path / "numbers.csv", ["n"], [[-5], [2.5]])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1:] == [["-5"], ["2.5"]]


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@1", "\t1", "\r1", "'=1", "''-1", "'1",
                                  "1", "", "'", "a'=b", "'\t"])
def test_the_importer_takes_away_exactly_the_mark_the_writer_added(text):
    from models.cells import csv_text, from_csv_text

    assert from_csv_text(csv_text(text)) == text
    marked = csv_text(text) != text
    assert marked == (text.lstrip("'")[:1] in ("=", "+", "-", "@", "\t", "\r") and text != "")
    if not marked:  # an apostrophe the writer did not add is kept
        assert from_csv_text(text) == text


def test_xlsx_keeps_dates_and_text(tmp_path):
    path = write_table(tmp_path / "out.xlsx", HEADERS, ROWS, widths=[10, 12, 30, 16])
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == HEADERS and ws.freeze_panes == "A2"
    assert values[1][1] == dt.datetime(2026, 5, 1)  # a real date cell
    assert values[1][2] == "=HYPERLINK(\"x\")" and ws["C2"].data_type == "s"
    assert values[2][2] == "窗口太少"  # a control character Excel refuses is dropped


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_cancelled_export_leaves_no_file(tmp_path, suffix):
    target = tmp_path / f"out{suffix}"

    def rows():
        for i in range(5000):
            yield [str(i), None, "", ""]

    def progress(done):
        if done >= 2000:
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        write_table(target, HEADERS, rows(), progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_at_the_end(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), TableWriter(target, HEADERS) as writer:
        writer.write_rows(ROWS)
        raise RuntimeError("disk full")
    assert target.read_text() == "old" and len(list(tmp_path.iterdir())) == 1

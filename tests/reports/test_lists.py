"""Ledger, rankings and overdue list, read back with openpyxl against the data they came from."""

import datetime as dt

import openpyxl
import pytest

from models.stats import county_stats, unit_ranking
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import AS_OF, pdf_text

LEDGER_HEADER = ["序号", "台账编号", "问题来源", "问题描述", "责任单位", "责任人", "整改措施",
                 "登记日期", "整改时限", "整改状态", "完成时间", "备注"]


def _rows(ws):
    return [r for r in ws.iter_rows(min_row=3, values_only=True)]


def test_ledger_has_the_customary_layout_and_every_problem(conn, tmp_path):
    path = produce("ledger", conn, ReportRequest(out=tmp_path / "台账.xlsx", as_of=AS_OF))[0]
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[2]] == LEDGER_HEADER
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["D"].width == 40
    rows = _rows(ws)
    stats = county_stats(conn, as_of=AS_OF)["problems"]
    assert len(rows) == stats["total"]
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert all(isinstance(r[8], dt.datetime) for r in rows)  # dates stored as dates
    assert ws.cell(3, 9).number_format == "yyyy-mm-dd"
    assert sum(r[9] in ("已整改", "已办结") for r in rows) == stats["rectified"]
    assert sum("逾期" in (r[11] or "") for r in rows) == stats["overdue"]


def test_ledger_filters_by_status_overdue_and_unit(conn, tmp_path):
    out = tmp_path / "l.xlsx"
    open_rows = _rows(openpyxl.load_workbook(produce("ledger", conn, ReportRequest(
        out=out, as_of=AS_OF, status=["open"]))[0]).active)
    assert {r[9] for r in open_rows} == {"待查处"}
    assert len(open_rows) == county_stats(conn, as_of=AS_OF)["problems"]["by_status"]["open"]
    late = _rows(openpyxl.load_workbook(produce("ledger", conn, ReportRequest(
        out=out, as_of=AS_OF, overdue=True))[0]).active)
    assert len(late) == county_stats(conn, as_of=AS_OF)["problems"]["overdue"]
    town = _rows(openpyxl.load_workbook(produce("ledger", conn, ReportRequest(
        out=out, as_of=AS_OF, unit="白泥镇"))[0]).active)
    assert town and all(r[4].startswith("白泥镇") for r in town)


def test_overdue_list_counts_days(conn, tmp_path):
    path = produce("overdue", conn, ReportRequest(out=tmp_path / "o.xlsx", as_of=AS_OF,
                                                  within_days=10))[0]
    rows = _rows(openpyxl.load_workbook(path).active)
    late = [r for r in rows if r[1] == "逾期"]
    assert len(late) == county_stats(conn, as_of=AS_OF)["problems"]["overdue"]
    for r in rows:
        assert r[2] == (AS_OF - r[3].date()).days
    assert [r[2] for r in late] == sorted((r[2] for r in late), reverse=True)
    assert all(-10 <= r[2] <= 0 for r in rows if r[1] == "临期")


def test_rankings_follow_unit_ranking_with_the_minimum_sample(conn, tmp_path):
    path = produce("rankings", conn, ReportRequest(out=tmp_path / "r.xlsx", as_of=AS_OF))[0]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["分类别排名", "前列与末位", "千名家长评学校", "千名患者评医院", "万名群众评机关"]
    campaign_id = conn.exec_driver_sql("SELECT id FROM campaign").scalar()
    expected = unit_ranking(conn, campaign_id=campaign_id, group="citizen")
    rows = _rows(wb["万名群众评机关"])
    assert [r[0] for r in rows] == [u["rank"] for u in expected]
    assert [r[2] for r in rows] == [u["forms"] for u in expected]
    assert rows[0][4] == pytest.approx(expected[0]["weighted_score"])
    unranked = [r for r in rows if r[0] is None]
    assert all("样本不足" in r[5] for r in unranked)
    edges = _rows(wb["前列与末位"])
    assert sum(1 for r in edges if r[0] == "前列" and r[1] == "万名群众评机关") == 10


def test_a_list_can_be_printed_as_pdf(conn, tmp_path):
    path = produce("overdue", conn, ReportRequest(out=tmp_path / "o.pdf", as_of=AS_OF))[0]
    assert "逾期及临期整改问题清单" in pdf_text(path)


def test_an_unknown_format_is_refused_and_nothing_is_written(conn, tmp_path):
    from reports.errors import ReportError

    with pytest.raises(ReportError):
        produce("notice", conn, ReportRequest(out=tmp_path / "n.xlsx", as_of=AS_OF))
    assert list(tmp_path.iterdir()) == []

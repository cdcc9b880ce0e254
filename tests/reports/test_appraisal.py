"""The rankings document ranks within each appraisal category with bands, and the appraisal
export (绩效考核) gives one row per ranked unit with its points (issue 15 §2, done when)."""

import openpyxl
import pytest

from models.rankings import BAND_ZH, category_ranking
from models.stats import unit_ranking
from reports.appraisal import category_label
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import AS_OF


def _rows(ws):
    return list(ws.iter_rows(min_row=3, values_only=True))


def _campaign(conn) -> str:
    return conn.exec_driver_sql("SELECT id FROM campaign").scalar()


def test_appraisal_export_has_one_row_per_ranked_unit_with_its_points(conn, tmp_path):
    path = produce("appraisal", conn, ReportRequest(out=tmp_path / "考核.xlsx", as_of=AS_OF))[0]
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[2]] == ["考评类别", "被评议单位", "有效票数", "综合满意率",
                                        "测评得分", "类别内名次", "等次", "考核得分"]
    rows = _rows(ws)
    ranked = [u for u in unit_ranking(conn, campaign_id=_campaign(conn)) if u["rank"]]
    assert len(rows) == len(ranked) > 0
    assert len({r[1] for r in rows}) == len(rows)  # one row per unit
    for r in rows:  # the campaign's default: 10 points for a score of 100, linear
        assert r[7] == pytest.approx(r[4] / 100 * 10)
    assert {r[6] for r in rows} <= set(BAND_ZH.values())


def test_rankings_document_ranks_within_each_category_with_bands(conn, tmp_path):
    path = produce("rankings", conn, ReportRequest(out=tmp_path / "r.xlsx", as_of=AS_OF))[0]
    rows = _rows(openpyxl.load_workbook(path)["分类别排名"])
    expected = category_ranking(conn, _campaign(conn))
    headings = [r[1] for r in rows if r[1] and r[1].startswith("【")]
    assert headings == [f"【{category_label(c)}】" for c in expected]
    assert len(headings) > 1  # townships and bureaus are not ranked in one list
    at = 0
    for units in expected.values():
        block = rows[at + 1: at + 1 + len(units)]
        assert [r[0] for r in block] == [u["rank"] for u in units]
        assert [r[5] or "" for r in block] == [BAND_ZH.get(u["band"], "") for u in units]
        at += 1 + len(units)
    assert any(r[5] == "末位" for r in rows) and any(r[5] == "先进" for r in rows)

"""County summary, unit feedback and the circulated criticism notice, read back."""

import time

import pytest

from models.stats import county_stats
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import AS_OF, docx_tables, docx_text, pdf_fonts, pdf_text


def _figures(table: list[list[str]]) -> dict[str, str]:
    return {row[0]: row[1] for row in table[1:]}


def test_county_summary_figures_equal_county_stats(conn, tmp_path):
    s = county_stats(conn, as_of=AS_OF)
    docx = produce("county-summary", conn, ReportRequest(out=tmp_path / "s.docx", as_of=AS_OF))[0]
    figures = _figures(docx_tables(docx)[0])
    ev = s["evaluations"]
    assert figures["参评家长（份）"] == str(ev["by_group"]["parent"])
    assert figures["有效评议表合计（份）"] == str(ev["total"])
    assert figures["公开评议活动（场）"] == str(s["visits"]["public_events"])
    assert figures["被评议单位（个）"] == str(s["units_evaluated"])
    assert figures["收集意见建议（条）"] == str(s["opinions"]["total"])
    assert figures["梳理意见建议（条）"] == str(s["opinions"]["sorted"])
    assert figures["查处问题（件）"] == str(s["problems"]["total"]) == "164"
    assert figures["已受理调查问题（件）"] == str(s["problems"]["investigated"])
    assert figures["已整改问题（件）"] == str(s["problems"]["rectified"])
    assert figures["综合满意率"] == f"{ev['satisfaction_rate'] * 100:.1f}%"
    assert figures["受党纪政务处分（人）"] == str(s["accountability"]["people_sanctioned"])
    assert figures["被问责单位（个）"] == str(s["accountability"]["units_held_accountable"])
    levels = _figures(docx_tables(docx)[1])
    assert levels["不满意"] == str(ev["by_level"]["dissatisfied"])
    assert len(__import__("docx").Document(str(docx)).inline_shapes) == 3  # the charts


def test_county_summary_pdf_embeds_the_font_and_states_the_figures(conn, tmp_path):
    s = county_stats(conn, as_of=AS_OF)
    path = produce("county-summary", conn, ReportRequest(out=tmp_path / "s.pdf", as_of=AS_OF))[0]
    text = pdf_text(path)
    assert "工作情况汇总" in text
    assert f"{s['evaluations']['satisfaction_rate'] * 100:.1f}%" in text
    assert str(s["evaluations"]["total"]) in text
    assert pdf_fonts(path)  # the CJK TrueType font travels inside the file (subset)


def test_unit_feedback_for_every_unit_of_the_campaign(conn, tmp_path):
    seen = []
    start = time.perf_counter()
    paths = produce("unit-feedback", conn, ReportRequest(
        out=tmp_path / "feedback", as_of=AS_OF, progress=lambda d, t, u: seen.append((d, t))))
    elapsed = time.perf_counter() - start
    evaluated = county_stats(conn, as_of=AS_OF)["units_evaluated"]
    assert len(paths) >= evaluated > 340
    assert seen[-1] == (len(paths), len(paths)) and len(seen) == len(paths)
    print(f"unit feedback: {len(paths)} PDFs in {elapsed:.1f}s")
    one = next(p for p in paths if "县人民医院" in p.name)
    text = pdf_text(one)
    forms = conn.exec_driver_sql(
        "SELECT count(*) FROM evaluation e JOIN unit u ON u.id = e.unit_id "
        "WHERE u.name = '县人民医院' AND e.voided = 0").scalar()
    assert "县人民医院" in text and "千名患者评医院" in text and str(forms) in text


def test_unit_feedback_for_one_unit_tree(conn, tmp_path):
    paths = produce("unit-feedback", conn, ReportRequest(out=tmp_path / "f", as_of=AS_OF,
                                                         unit="白泥镇"))
    assert paths and all("白泥镇" in p.name for p in paths)


def _circulated_ids(conn) -> list[str]:
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT id FROM personnel_criticism WHERE sanction = 'circulated_criticism' "
        "ORDER BY decided_on")]


def test_criticism_notice_lists_the_chosen_cases_with_the_hq_number(conn, tmp_path):
    ids = _circulated_ids(conn)[:2]
    names = [conn.exec_driver_sql("SELECT person_name FROM personnel_criticism WHERE id = ?",
                                  (i,)).scalar() for i in ids]
    for fmt, read in (("docx", docx_text), ("pdf", pdf_text)):
        path = produce("criticism-notice", conn, ReportRequest(
            out=tmp_path / f"tb.{fmt}", as_of=AS_OF, ids=ids, number="3"))[0]
        text = read(path)
        assert "余纠通〔2026〕3号" in text
        assert all(n in text for n in names)
        assert "一、" in text and "二、" in text and "三、" not in text
        assert "县纠风办" in text and "2026年6月30日" in text


def test_criticism_notice_by_period_and_refusals(conn, tmp_path):
    from models.errors import ValidationError
    from reports.errors import ReportError

    path = produce("criticism-notice", conn, ReportRequest(
        out=tmp_path / "tb.docx", as_of=AS_OF, date_from=AS_OF.replace(month=1, day=1),
        date_to=AS_OF))[0]
    assert "〔2026〕　　号" in docx_text(path)  # a draft: HQ fills in the number
    private = conn.exec_driver_sql("SELECT id FROM personnel_criticism WHERE sanction = "
                                   "'reminder_talk' LIMIT 1").scalar()
    with pytest.raises(ValidationError):
        produce("criticism-notice", conn, ReportRequest(out=tmp_path / "x.docx", ids=[private]))
    with pytest.raises(ReportError):
        produce("criticism-notice", conn, ReportRequest(
            out=tmp_path / "x.docx", date_from=AS_OF.replace(year=2030), date_to=None))

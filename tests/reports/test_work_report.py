"""The upward work report (工作情况汇报) as HQ sends it: every section, 签发人 on the number's
line, the figures equal to models' (查处问题 = problems.total), the narrative left marked."""

import json

from models.work_report import work_report_figures
from reports.outputs import ReportRequest, produce
from reports.work_report import SECTIONS
from tests.models.test_trends import NEW, county  # noqa: F401  (the two-campaign county)
from tests.reports.conftest import AS_OF, docx_tables, docx_text, pdf_fonts, pdf_text
from tests.reports.test_cli import run


def _report(conn, out, **kw):
    req = ReportRequest(out=out, as_of=AS_OF, number="3", **kw)
    return produce("work-report", conn, req)[0]


def _table(tables, first_header: str) -> dict[str, list[str]]:
    found = next(t for t in tables if t[0][0] == first_header)
    return {row[0]: row[1:] for row in found[1:]}


def test_work_report_docx_has_every_section_the_signer_and_placeholders(conn, tmp_path):
    from docx import Document

    path = _report(conn, tmp_path / "汇报.docx", signer="张三")
    text = docx_text(path)
    for heading in SECTIONS:
        assert heading in text
    assert "工作情况汇报" in text
    number_line = next(p for p in Document(str(path)).paragraphs if "签发人" in p.text)
    assert number_line.text == "余纠通〔2026〕3号\t签发人：张三"  # one line, number then signer
    assert text.count("【请填写：") >= 6  # the narrative the clerk writes, clearly marked


def test_work_report_figures_equal_the_models_figures(conn, tmp_path):
    fig = work_report_figures(conn, None, AS_OF)
    p = fig["county"]["problems"]
    assert p["total"] == 164  # the seed's year
    path = _report(conn, tmp_path / "汇报.docx")
    text = docx_text(path)
    assert f"查处问题{p['total']}件，其中已受理调查问题{p['investigated']}件" in text
    tables = docx_tables(path)
    groups = _table(tables, "评议群体")
    assert groups["家长"] == [str(fig["by_group"]["parent"]["forms"]),
                            f"{fig['by_group']['parent']['satisfaction_rate'] * 100:.1f}%",
                            f"{fig['by_group']['parent']['weighted_score']:.1f}"]
    categories = _table(tables, "考评类别")
    assert categories["学校"][0] == str(fig["by_category"]["school"]["forms"])
    criteria = _table(tables, "分项")
    whole = fig["county"]["evaluations"]["criteria"]["county"]
    assert criteria["遵守纪律"][1] == f"{whole['discipline']['satisfaction_rate'] * 100:.1f}%"
    last = [r for r in tables if r[0][:2] == ["考评类别", "单位"]][0][1:]
    assert [r[1] for r in last] == [u["unit_name"] for u in fig["last_band"]]
    ev = fig["county"]["evaluations"]
    assert f"全县综合满意率{ev['satisfaction_rate'] * 100:.1f}%" in text
    assert "无上一轮评议可作同比" in text  # the demo has one campaign


def test_work_report_pdf_carries_the_signer_and_embeds_the_font(conn, tmp_path):
    path = _report(conn, tmp_path / "汇报.pdf", signer="张三")
    text = pdf_text(path)
    assert "签发人：张三" in text and "余纠通〔2026〕3号" in text
    assert "五、下一步打算" in text and "查处问题164件" in text.replace("\n", "")
    assert pdf_fonts(path)


def test_work_report_without_a_signer_leaves_the_name_blank(conn, tmp_path):
    text = docx_text(_report(conn, tmp_path / "汇报.docx"))
    assert "签发人：　　　　" in text


def test_work_report_and_stats_json_from_the_command_line(tmp_path):
    data = tmp_path / "dev"
    assert run(data, "demo-data", "--as-of", AS_OF.isoformat()).returncode == 0
    out = tmp_path / "汇报.docx"
    res = run(data, "report", "work-report", "--signer", "李四", "--number", "5", "--out",
              str(out), "--as-of", AS_OF.isoformat())
    assert res.returncode == 0, res.stderr
    assert "签发人：李四" in docx_text(out)
    stats = run(data, "stats", "--json", "--as-of", AS_OF.isoformat())
    ev = json.loads(stats.stdout)["evaluations"]
    groups = _table(docx_tables(out), "评议群体")
    rate = ev["by_group_figures"]["citizen"]["satisfaction_rate"]
    assert groups["群众"][1] == f"{rate * 100:.1f}%"
    assert set(ev["by_category_figures"]) <= {"county_department", "township", "station",
                                              "service_window", "school", "hospital"}


def test_work_report_follows_a_campaign_ranked_in_one_county_list(county, tmp_path):  # noqa: F811
    """HQ turned the grouping by category off: the report's last band is the county list's
    (4 ranked units: 1 先进, the last 3 末位) and says so."""
    from models.reference import Campaign

    store, ids, units = county
    with store.write("hq") as w:
        w.update(Campaign, ids[NEW], {"rank_by_category": False})
    with store.read() as conn:
        path = produce("work-report", conn, ReportRequest(
            out=tmp_path / "汇报.docx", as_of=AS_OF, campaign=NEW))[0]
    text = docx_text(path)
    assert "全县统一排名，列末位的单位3个" in text
    last = [r for r in docx_tables(path) if r[0][:2] == ["考评类别", "单位"]][0]
    assert last[0][2] == "全县名次" and [r[2] for r in last[1:]] == ["2", "3", "4"]
    assert "与2023年万民评议相比" in text


def test_work_report_takes_the_signer_and_prefix_hq_set_unless_given(county, tmp_path):  # noqa: F811
    """签发人 and the number prefix come from the office settings HQ keeps; --signer (or the
    Reports page's field) still wins for one report."""
    from models.office_settings import save_office_settings

    store, _, _ = county
    with store.write("hq") as w:
        save_office_settings(w, {"signer": "王五", "prefix_work_report": "余纠报"})
    with store.read() as conn:
        plain = produce("work-report", conn, ReportRequest(
            out=tmp_path / "a.docx", as_of=AS_OF, number="3", prefix="余纠通"))[0]
        named = produce("work-report", conn, ReportRequest(
            out=tmp_path / "b.docx", as_of=AS_OF, number="4", prefix="余纠通", signer="张三"))[0]
    assert "余纠报〔2026〕3号\t签发人：王五" in docx_text(plain)
    text = docx_text(named)
    assert "余纠报〔2026〕4号\t签发人：张三" in text and "王五" not in text


def test_work_report_from_the_command_line_carries_hqs_signer_without_signer(tmp_path):
    from models.office_settings import save_office_settings
    from models.store.store import Store

    data = tmp_path / "dev"
    assert run(data, "demo-data", "--as-of", AS_OF.isoformat()).returncode == 0
    store = Store.open(data, "pw")
    try:
        with store.write("hq") as w:  # a demo store acts as HQ
            save_office_settings(w, {"signer": "王五"})
    finally:
        store.close()
    out = tmp_path / "汇报.docx"
    res = run(data, "report", "work-report", "--number", "5", "--out", str(out),
              "--as-of", AS_OF.isoformat())
    assert res.returncode == 0, res.stderr
    assert "余纠通〔2026〕5号\t签发人：王五" in docx_text(out)  # no prefix set: as before

"""The 通报 in the national format of official documents (GB/T 9704-2012), measured: the DOCX's
section and styles read back, the PDF's page and text box measured with pypdf."""

from datetime import date

import pytest

from reports.outputs import ReportRequest, produce
from tests.reports.conftest import AS_OF

MM = 72 / 25.4  # points per millimetre
ISSUER = "中共余庆县纪委县监察局"


def _ids(conn) -> list[str]:
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT id FROM personnel_criticism WHERE sanction = 'circulated_criticism' "
        "ORDER BY decided_on")]


@pytest.fixture
def notice_docx(conn, tmp_path):
    return produce("criticism-notice", conn, ReportRequest(
        out=tmp_path / "tb.docx", as_of=AS_OF, ids=_ids(conn), number="3", office=ISSUER))[0]


def _long_notice_pdf(conn, path):
    """A 通报 of forty cases (several full pages), through the notice's own blocks."""
    from reports import document as d
    from reports.criticism import criticism_blocks

    unit = conn.exec_driver_sql("SELECT id FROM unit LIMIT 1").scalar()
    cases = [{"person_name": "张" + "甲乙丙丁戊己庚辛壬癸"[i % 10], "post": "窗口工作人员", "unit_id": unit,
              "decided_on": date(2026, 5, 1), "behaviour": "上班时间玩手机游戏" * 12}
             for i in range(40)]
    blocks = criticism_blocks(conn, cases, number="余纠通〔2026〕3号", office=ISSUER,
                              issued_on=AS_OF)
    return d.write(blocks, path, "pdf", doc_title="通报", official=True)


def _mm(length) -> float:
    return length / 36000  # EMU


def test_criticism_notice_docx_page_and_margins_are_the_standards(notice_docx):
    from docx import Document

    section = Document(str(notice_docx)).sections[0]
    assert round(_mm(section.page_width)) == 210 and round(_mm(section.page_height)) == 297
    margins = [_mm(m) for m in (section.top_margin, section.left_margin, section.right_margin,
                                section.bottom_margin)]
    assert margins == pytest.approx([37, 28, 26, 35], abs=0.05)


def test_criticism_notice_docx_sets_22_lines_of_28_characters(notice_docx):
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(str(notice_docx))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    line = int(grid.get(qn("w:linePitch"))) / 20
    body = doc.styles["Normal"]
    spacing = int(body.element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    pitch = body.font.size.pt + spacing
    width, height = 156 * MM, 225 * MM
    assert 22 * line <= height < 23 * line and line == pytest.approx(28.95)
    assert body.paragraph_format.line_spacing.pt == pytest.approx(line)
    assert 28 * pitch <= width < 29 * pitch


def _east_asian(style) -> str:
    from docx.oxml.ns import qn

    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_criticism_notice_docx_styles_name_the_offices_fonts_and_sizes(notice_docx):
    from docx import Document
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn

    doc = Document(str(notice_docx))
    body, title = doc.styles["Normal"], doc.styles["Title"]
    assert _east_asian(body) == "仿宋_GB2312" and body.font.size.pt == 16
    assert _east_asian(title) == "方正小标宋简体" and title.font.size.pt == 22
    fmt = body.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert fmt.line_spacing.pt == pytest.approx(28.95)
    assert fmt.first_line_indent.pt == pytest.approx(32)  # two characters of 3号
    assert fmt.element.pPr.ind.get(qn("w:firstLineChars")) == "200"
    assert title.paragraph_format.element.pPr.ind.get(qn("w:firstLineChars")) == "0"
    titles = [p for p in doc.paragraphs if p.style.name == "Title"]
    assert [p.text for p in titles] == [f"关于对{titles[0].text[3:].split('等')[0]}等5人的通报批评"]


def test_criticism_notice_docx_has_the_red_masthead_number_and_signoff(notice_docx):
    from docx import Document
    from docx.oxml.ns import qn

    paras = [p for p in Document(str(notice_docx)).paragraphs if p.text.strip()]
    masthead, number = paras[0], paras[1]
    assert masthead.text == ISSUER and str(masthead.runs[0].font.color.rgb) == "FF0000"
    assert number.text == "余纠通〔2026〕3号"
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000"
    assert [p.text for p in paras[-2:]] == [ISSUER, "2026年6月30日"]


def _field_text(paragraph) -> tuple[str, str]:
    from docx.oxml.ns import qn

    instr = "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
    return instr.strip(), paragraph.text


def test_criticism_notice_docx_page_numbers_odd_right_even_left(notice_docx):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document(str(notice_docx))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for p, align in ((odd, WD_ALIGN_PARAGRAPH.RIGHT), (even, WD_ALIGN_PARAGRAPH.LEFT)):
        instr, text = _field_text(p)
        assert instr == "PAGE" and text.startswith("— ") and text.endswith(" —")
        assert p.alignment == align


def _lines(page) -> list[tuple[float, float, str, float]]:
    """(x, y, text, character spacing) of each text line drawn on the page, x and y in the
    page's points."""
    found, spacing = [], [0.0]

    def before(op, args, cm, tm):
        if op == b"Tc":
            spacing[0] = float(args[0])

    def text(t, cm, tm, font, size):
        if t.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, t.strip(), spacing[0]))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found


def test_criticism_notice_pdf_is_a4_with_28_characters_a_line_in_156_mm(conn, tmp_path):
    from pypdf import PdfReader

    pages = PdfReader(str(_long_notice_pdf(conn, tmp_path / "tb.pdf"))).pages
    assert len(pages) >= 3
    assert [float(v) for v in pages[1].mediabox[2:]] == pytest.approx([210 * MM, 297 * MM],
                                                                        abs=0.5)
    lines = sorted((line for line in _lines(pages[1]) if "—" not in line[2]),
                   key=lambda line: -line[1])
    left = 28 * MM
    # a line followed by a continuation (flush left) is full; one of full-width text only
    full = [(x, t, tc) for (x, _, t, tc), nxt in zip(lines, lines[1:])
            if abs(nxt[0] - left) < 0.5 and all(ord(ch) > 0x2E7F for ch in t)]
    assert len(full) > 10
    for x, t, tc in full:
        indent = round((x - left) / 15.8)  # a paragraph's first line: two characters in
        assert len(t) + indent == 28 or (len(t) + indent == 29 and t[-1] in "，。、：；")
        end = x + len(t) * (16 + tc)
        assert end == pytest.approx(184 * MM, abs=1) if len(t) + indent == 28 else True


def test_criticism_notice_pdf_puts_22_lines_on_a_full_page(conn, tmp_path):
    from pypdf import PdfReader

    page = PdfReader(str(_long_notice_pdf(conn, tmp_path / "tb.pdf"))).pages[1]
    body = sorted({round(y, 1) for _, y, t, _ in _lines(page) if "—" not in t}, reverse=True)
    assert len(body) == 22
    steps = [a - b for a, b in zip(body, body[1:])]
    assert steps == pytest.approx([28.95] * 21, abs=0.15)
    assert body[0] <= (297 - 37) * MM and body[-1] >= 35 * MM


def test_criticism_notice_pdf_numbers_odd_pages_right_even_pages_left(conn, tmp_path):
    from pypdf import PdfReader

    pages = PdfReader(str(_long_notice_pdf(conn, tmp_path / "tb.pdf"))).pages
    for n, page in enumerate(pages[:2], start=1):
        (x, y, text, _), = [line for line in _lines(page) if "—" in line[2]]
        assert text == f"— {n} —" and y < 35 * MM - 7 * MM
        assert (x > 105 * MM) if n % 2 else (x < 40 * MM)


def test_criticism_notice_pdf_prints_the_masthead_red_over_the_number(conn, tmp_path):
    from pypdf import PdfReader

    path = produce("criticism-notice", conn, ReportRequest(
        out=tmp_path / "tb.pdf", as_of=AS_OF, ids=_ids(conn), number="3", office=ISSUER))[0]
    drawn, fill = [], [None]

    def before(op, args, cm, tm):
        if op == b"rg":
            fill[0] = tuple(float(a) for a in args)

    def text(t, cm, tm, font, size):
        if t.strip() and "—" not in t:  # the page number drawn first
            drawn.append((t.strip(), fill[0]))

    PdfReader(str(path)).pages[0].extract_text(visitor_operand_before=before, visitor_text=text)
    assert drawn[0] == (ISSUER, (1.0, 0.0, 0.0))
    assert drawn[1][0] == "余纠通〔2026〕3号" and drawn[1][1] != (1.0, 0.0, 0.0)

"""The blocks of an official document (reports/document.py) placed in a GB/T 9704-2012 DOCX:
版头 and 发文字号, the red separator line of a 通报, title, headings, body, tables and 落款.

The spaces the standard gives are whole lines of the grid (空二行 = two lines) or millimetres;
the 落款 (a line under the text) centres the issuer over the date, which stands four
characters in from the right.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from reports import gbt9704 as g

MASTHEAD_MAX_PT = 42  # the standard's ceiling: a character of the mark 15 mm wide at most
SEPARATOR_GAP_PT = 11  # the red line 4 mm under the number
# what follows w:pBdr in a paragraph's properties: Word refuses a file with them out of order
AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def text_width(text: str) -> float:
    """Width in characters: a full-width character is one, a Latin letter or digit half."""
    return sum(1 if ord(ch) > 0x2E7F else 0.5 for ch in text)


def masthead_size(text: str) -> float:
    """The largest size up to MASTHEAD_MAX_PT at which the mark fits the text block."""
    width_pt = g.TEXT_MM[0] / 25.4 * 72
    return float(min(MASTHEAD_MAX_PT, int(width_pt / max(text_width(text), 1))))


def _plain(doc, text: str, align, *, lines_before: int = 0):
    p = doc.add_paragraph(text)
    p.alignment = align
    g.set_indent(p.paragraph_format, 0)
    if lines_before:
        p.paragraph_format.space_before = Pt(g.LINE_PITCH_PT * lines_before)
    return p


def _red_rule(paragraph) -> None:
    """The red separator line as the paragraph's bottom border, as wide as the text block."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", str(SEPARATOR_GAP_PT)),
                        ("w:color", "FF0000")):
        bottom.set(qn(attr), value)
    border.append(bottom)
    paragraph.paragraph_format.element.get_or_add_pPr().insert_element_before(
        border, *AFTER_BORDER)


def _masthead(doc, b) -> None:
    p = _plain(doc, "", WD_ALIGN_PARAGRAPH.CENTER)
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = Mm(g.MASTHEAD_TOP_MM)
    run = p.add_run(b.text)
    g.set_font(run, g.TITLE_FONT, masthead_size(b.text))
    if b.red:
        run.font.color.rgb = g.RED


def _signoff(doc, b, date_text: str) -> None:
    """The date four characters in from the right; the issuer centred over it."""
    if b.kind == "signdate":
        p = _plain(doc, b.text, WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = Pt(g.BODY_PT * 4)
        return
    offset = 4 + (text_width(date_text) - text_width(b.text)) / 2
    p = _plain(doc, b.text, WD_ALIGN_PARAGRAPH.RIGHT, lines_before=1)
    p.paragraph_format.right_indent = Pt(g.BODY_PT * max(offset, 2))


def _table(doc, b) -> None:
    from reports import word

    t = word.table(doc, b.header, b.rows, b.widths, usable_cm=g.TEXT_MM[0] / 10)
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                g.set_indent(p.paragraph_format, 0)
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                for run in p.runs:
                    run.font.size = Pt(g.TABLE_PT)


def add_block(doc, b, previous, date_text: str = "") -> None:
    after_number = previous is not None and previous.kind == "docno"
    if b.kind == "masthead":
        _masthead(doc, b)
    elif b.kind == "docno":
        from reports.gbt_signer import docx_number_line

        p = (docx_number_line(doc, b) if b.signer
             else _plain(doc, b.text, WD_ALIGN_PARAGRAPH.CENTER, lines_before=2))
        if b.red:
            _red_rule(p)
    elif b.kind == "title":
        p = doc.add_paragraph(b.text, style="Title")
        p.paragraph_format.space_before = Pt(g.LINE_PITCH_PT * (2 if after_number else 0))
    elif b.kind == "subtitle":
        _plain(doc, b.text, WD_ALIGN_PARAGRAPH.CENTER)
    elif b.kind == "heading":
        doc.add_paragraph(b.text, style="Heading 1")
    elif b.kind == "para":
        doc.add_paragraph(b.text)
    elif b.kind == "addressee":
        _plain(doc, b.text, WD_ALIGN_PARAGRAPH.LEFT, lines_before=1)  # 标题下空一行
    elif b.kind == "right":
        _plain(doc, b.text, WD_ALIGN_PARAGRAPH.RIGHT)
    elif b.kind in ("signer", "signdate"):
        _signoff(doc, b, date_text)
    elif b.kind == "table":
        _table(doc, b)
    elif b.kind == "chart":
        from reports import charts

        doc.add_picture(charts.png_stream(b.chart), width=Cm(min(g.TEXT_MM[0] / 10, 15)))
    elif b.kind == "pagebreak":
        doc.add_page_break()

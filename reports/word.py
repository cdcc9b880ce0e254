"""DOCX building blocks (python-docx): A4, Chinese fonts named for East Asian text, tables.

A DOCX names its fonts rather than embedding them; 宋体/黑体 are what the office's machines
have, and LibreOffice substitutes an installed CJK font elsewhere.
"""

from collections.abc import Sequence

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

BODY_FONT, TITLE_FONT = "宋体", "黑体"


def _set_font(style_or_run, name: str, size: float | None = None) -> None:
    font = style_or_run.font
    font.name = name
    if size:
        font.size = Pt(size)
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def new_document(*, wide: bool = False) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    if wide:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    _set_font(doc.styles["Normal"], BODY_FONT, 11)
    return doc


def title(doc: Document, text: str, size: float = 18) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(p.add_run(text), TITLE_FONT, size)


def centred(doc: Document, text: str) -> None:
    doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER


def heading(doc: Document, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.bold = True
    _set_font(run, TITLE_FONT, 13)


def right(doc: Document, text: str) -> None:
    doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def table(doc: Document, header: Sequence[str], rows: Sequence[Sequence],
          widths: Sequence[float] | None = None, *, usable_cm: float = 17.0):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for c, text in zip(t.rows[0].cells, header):
        c.text = ""
        c.paragraphs[0].add_run(str(text)).bold = True
    for row in rows:
        cells = t.add_row().cells
        for c, value in zip(cells, row):
            c.text = "" if value is None else str(value)
    if widths:
        scale = usable_cm / sum(widths)
        for row in t.rows:
            for c, w in zip(row.cells, widths):
                c.width = Cm(w * scale)
    return t

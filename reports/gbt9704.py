"""The national format of official documents (GB/T 9704-2012) as a DOCX: the measures, the
styles and the blocks of a 通报, 公示, 交办, 催办, 明察暗访情况通报, 曝光 or 工作情况汇报.

A4, margins 37 / 28 / 26 / 35 mm (top / left / right / bottom) leave a 156 × 225 mm text
block of 22 lines of 28 characters at 3号 (16 pt). The lines are set exactly (28.95 pt: 22 fill
225 mm; the section's line grid says the same) and the body's characters are set 0.25 pt
closer (28 × 15.75 pt = 441 pt of the 442.2 pt line). A "lines and characters" grid was tried
first: LibreOffice gives a 16 pt character two cells of a 15.79 pt grid, 14 to a line.
The styles are the standard ones (Normal, Title, Heading 1, Footer) naming the fonts offices
have: 仿宋_GB2312 for the body, 方正小标宋简体 for the title, 黑体 for first-level headings;
the file names fonts and embeds none, so an office's own fonts apply (docs/documents.md).
Page numbers "— 1 —" in 4号 at the foot, odd pages right and even pages left, one character in.
"""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "left": 28, "right": 26, "bottom": 35}
TEXT_MM = (156, 225)
LINES, CHARS = 22, 28
BODY_PT, TITLE_PT, PAGE_NO_PT, TABLE_PT = 16, 22, 14, 12
LINE_PITCH_PT = 28.95  # 579 twips
CHAR_SPACING_TWIPS = -5  # −0.25 pt: 28 characters of 3号 in 156 mm, not 29
BODY_FONT, TITLE_FONT, HEADING_FONT, PAGE_NO_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体", "宋体"
RED = RGBColor(0xFF, 0x00, 0x00)
MASTHEAD_TOP_MM = 35  # 发文机关标志: its top 35 mm below the text block's
FOOTER_MM = 21  # the page number's line 7 mm below the text block


def set_font(target, name: str, size: float | None = None) -> None:
    """Name `name` for Latin and East Asian text of a style or run."""
    target.font.name = name
    if size:
        target.font.size = Pt(size)
    rfonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def _exact(fmt, pitch: float = LINE_PITCH_PT, indent_chars: int = 0) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch)
    fmt.space_before = fmt.space_after = Pt(0)
    set_indent(fmt, indent_chars)


def set_indent(fmt, chars: int) -> None:
    """First-line indent in characters; Word and LibreOffice read `firstLineChars` (on the
    grid), other readers the length. Both are set, as an inherited one would win."""
    fmt.first_line_indent = Pt(BODY_PT * chars)
    fmt.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), str(chars * 100))


def _char_spacing(style, twips: int) -> None:
    rpr = style.element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
                                  "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                                  "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em",
                                  "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
    spacing.set(qn("w:val"), str(twips))


def _setup_section(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    section.footer_distance = Mm(FOOTER_MM)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))


def _clear_style(style) -> None:
    """The template's Title and Heading 1 carry a colour, a border and a theme font."""
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:keepNext", "w:contextualSpacing"):
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:spacing", "w:kern", "w:b", "w:bCs", "w:sz", "w:szCs"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]


def _setup_styles(doc: Document) -> None:
    normal = doc.styles["Normal"]
    set_font(normal, BODY_FONT, BODY_PT)
    _char_spacing(normal, CHAR_SPACING_TWIPS)
    _exact(normal.paragraph_format, indent_chars=2)
    normal.paragraph_format.widow_control = False  # every page keeps its 22 lines
    for name, font in (("Title", TITLE_FONT), ("Heading 1", HEADING_FONT)):
        style = doc.styles[name]
        _clear_style(style)
        set_font(style, font, TITLE_PT if name == "Title" else BODY_PT)
        style.font.color.rgb = RGBColor(0, 0, 0)
        _exact(style.paragraph_format, indent_chars=0 if name == "Title" else 2)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _char_spacing(doc.styles["Title"], 0)
    footer = doc.styles["Footer"]
    set_font(footer, PAGE_NO_FONT, PAGE_NO_PT)
    _exact(footer.paragraph_format, pitch=PAGE_NO_PT)


def _page_field(paragraph) -> None:
    """"— N —" with N Word's PAGE field."""
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run(" —")


def _setup_footers(doc: Document) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["Footer"]
        p.alignment = align
        side = "right_indent" if align == WD_ALIGN_PARAGRAPH.RIGHT else "left_indent"
        setattr(p.paragraph_format, side, Pt(PAGE_NO_PT))  # 一字 in from the edge
        _page_field(p)


def new_document() -> Document:
    doc = Document()
    _setup_section(doc)
    _setup_styles(doc)
    _setup_footers(doc)
    return doc


def document(blocks) -> Document:
    from reports.gbt_blocks import add_block

    doc = new_document()
    date_text = next((b.text for b in blocks if b.kind == "signdate"), "")
    previous = None
    for b in blocks:
        add_block(doc, b, previous, date_text)
        previous = b
    return doc

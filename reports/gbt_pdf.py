"""An official document's blocks as a GB/T 9704-2012 PDF: the same measures as the DOCX
(reports/gbt9704.py), laid on a fixed grid so the printed page is the standard's.

reportlab's Paragraph has no character spacing, and at 16 pt only 27 characters fit 156 mm,
so body text is set by `GridText`: lines broken by width with the grid's spacing (156 mm / 28
per character, −0.21 pt between 16 pt characters), 28.95 pt apart — 22 to a page. Closing
punctuation never starts a line (it hangs at the end of the one before, as Word does).
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer

from reports import gbt9704 as g
from reports.fonts import official_pdf_font
from reports.gbt_blocks import masthead_size, text_width

TEXT_W, TEXT_H = g.TEXT_MM[0] * mm, g.TEXT_MM[1] * mm
LEFT, BOTTOM = g.MARGINS_MM["left"] * mm, g.MARGINS_MM["bottom"] * mm
GRID_SPACE = TEXT_W / g.CHARS - g.BODY_PT  # −0.207 pt
NO_LINE_START = "，。、；：？！）》」』”’…%,.;:?!)]"


@dataclass
class Setting:
    role: str = "body"  # body | title | heading: the face (reports/fonts.py)
    size: float = g.BODY_PT
    align: str = "left"  # left | centre | right
    indent: float = 0  # first line, in characters of the size
    right_indent: float = 0
    pitch: float = g.LINE_PITCH_PT
    space: float = GRID_SPACE  # between characters
    before: float = 0  # points above the first line
    color: colors.Color = field(default_factory=lambda: colors.black)

    @property
    def char(self) -> float:
        """One character of the grid: what the indents count in."""
        return self.size + self.space


def break_lines(text: str, s: Setting, width: float) -> list[str]:
    font = official_pdf_font(s.role)
    lines, line, used = [], "", s.indent * s.char
    limit = width - s.right_indent * s.char + 0.01
    for ch in text:
        advance = stringWidth(ch, font, s.size) + s.space
        if line and used + advance > limit and ch not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += advance
    return lines + [line] if line or not lines else lines


class GridText(Flowable):
    """Lines of one paragraph on the document's grid; splits between lines at a page end."""

    def __init__(self, text: str, setting: Setting, lines: list[str] | None = None,
                 first: bool = True):
        super().__init__()
        self.text, self.s, self.lines, self.first = text, setting, lines, first

    def wrap(self, aw, ah):
        if self.lines is None:
            self.lines = break_lines(self.text, self.s, aw)
        self.width, self.height = aw, self.s.before + len(self.lines) * self.s.pitch
        return aw, self.height

    def split(self, aw, ah):
        self.wrap(aw, ah)
        fit = int((ah - self.s.before + 0.01) // self.s.pitch)
        if fit <= 0 or fit >= len(self.lines):
            return []
        rest = replace(self.s, before=0)
        return [GridText(self.text, self.s, self.lines[:fit], self.first),
                GridText(self.text, rest, self.lines[fit:], first=False)]

    def _x(self, i: int, line: str) -> float:
        s = self.s
        width = sum(stringWidth(ch, official_pdf_font(s.role), s.size) + s.space for ch in line)
        if s.align == "centre":
            return (self.width - width) / 2
        if s.align == "right":
            return self.width - s.right_indent * s.char - width
        return s.indent * s.char if i == 0 and self.first else 0

    def draw(self):
        s, c = self.s, self.canv
        top = self.height - s.before
        for i, line in enumerate(self.lines):
            baseline = top - (i + 1) * s.pitch + (s.pitch - s.size) / 2 + 0.12 * s.size
            t = c.beginText(self._x(i, line), baseline)
            t.setFont(official_pdf_font(s.role), s.size)
            t.setCharSpace(s.space)
            t.setFillColor(s.color)
            t.textOut(line)
            c.drawText(t)


class RedRule(Flowable):
    """The 通报's red separator line, as wide as the text block, 4 mm under the number."""

    def wrap(self, aw, ah):
        self.width = aw
        return aw, 4 * mm + 1

    def draw(self):
        self.canv.setStrokeColor(colors.red)
        self.canv.setLineWidth(1.5)
        self.canv.line(0, 0.5, self.width, 0.5)


def _masthead(b) -> GridText:
    size = masthead_size(b.text)
    return GridText(b.text, Setting("title", size, "centre", pitch=size * 1.3, space=0,
                                    before=g.MASTHEAD_TOP_MM * mm,
                                    color=colors.red if b.red else colors.black))


def _signoff(b, date_text: str) -> GridText:
    if b.kind == "signdate":
        return GridText(b.text, Setting(align="right", right_indent=4))
    offset = 4 + (text_width(date_text) - text_width(b.text)) / 2
    return GridText(b.text, Setting(align="right", right_indent=max(offset, 2),
                                    before=g.LINE_PITCH_PT))


def flowables(b, previous, date_text: str) -> list:
    from reports import charts, pdf

    after_number = 2 * g.LINE_PITCH_PT if previous is not None and previous.kind == "docno" else 0
    simple = {"para": Setting(indent=2), "heading": Setting("heading", indent=2),
              "addressee": Setting(before=g.LINE_PITCH_PT),
              "subtitle": Setting(align="centre"), "right": Setting(align="right"),
              "title": Setting("title", g.TITLE_PT, "centre", space=0, before=after_number)}
    if b.kind in simple:
        return [GridText(b.text, simple[b.kind])]
    if b.kind == "masthead":
        return [_masthead(b)]
    if b.kind == "docno":
        from reports.gbt_signer import NumberAndSigner

        number = (NumberAndSigner(b.text, b.signer) if b.signer else
                  GridText(b.text, Setting(align="centre", before=2 * g.LINE_PITCH_PT)))
        return [number, RedRule()] if b.red else [number]
    if b.kind in ("signer", "signdate"):
        return [_signoff(b, date_text)]
    if b.kind == "table":
        return [pdf.table(b.header, b.rows, b.widths, width=TEXT_W), Spacer(1, 3 * mm)]
    if b.kind == "chart":
        return [charts.drawing(b.chart, TEXT_W), Spacer(1, 3 * mm)]
    if b.kind == "pagebreak":
        return [PageBreak()]
    raise ValueError(f"unknown block kind {b.kind}")


def _page_number(canvas, doc) -> None:
    """"— N —" 7 mm under the text block: odd pages right, even pages left, one character in."""
    n = canvas.getPageNumber()
    size = g.PAGE_NO_PT
    canvas.saveState()
    canvas.setFont(official_pdf_font("body"), size)
    y = BOTTOM - 7 * mm - 0.8 * size
    if n % 2:
        canvas.drawRightString(LEFT + TEXT_W - size, y, f"— {n} —")
    else:
        canvas.drawString(LEFT + size, y, f"— {n} —")
    canvas.restoreState()


def build(path: Path, blocks: list, *, title: str) -> None:
    doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author="FieldInspect",
                          leftMargin=LEFT, rightMargin=g.MARGINS_MM["right"] * mm,
                          topMargin=g.MARGINS_MM["top"] * mm, bottomMargin=BOTTOM)
    frame = Frame(LEFT, BOTTOM, TEXT_W, TEXT_H, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="text")
    doc.addPageTemplates([PageTemplate(id="gbt9704", frames=[frame], onPage=_page_number)])
    date_text = next((b.text for b in blocks if b.kind == "signdate"), "")
    story, previous = [], None
    for b in blocks:
        story += flowables(b, previous, date_text)
        previous = b
    doc.build(story)

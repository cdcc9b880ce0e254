"""The 发文字号 line of an upward document (GB/T 9704-2012 §7.2.3–7.2.4), DOCX and PDF: the
number one character in from the left and "签发人：name" one character in from the right, on
one line two lines under the issuer's mark, the red separator line under it.

The standard sets the name in 3号 楷体 and "签发人：" in 3号 仿宋; the DOCX names 楷体_GB2312
for the name (an office's own face applies), the PDF sets both in the body face (Debian has
no open simplified 楷体 that reportlab can embed: docs/documents.md).
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Pt
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from reports import gbt9704 as g
from reports.fonts import official_pdf_font

SIGNER_LABEL = "签发人："
NAME_FONT = "楷体_GB2312"
TEXT_PT = g.TEXT_MM[0] / 25.4 * 72


def docx_number_line(doc, b) -> object:
    """The number and the signer on one paragraph: a right tab one character from the edge."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt = p.paragraph_format
    g.set_indent(fmt, 0)
    fmt.left_indent = fmt.right_indent = Pt(g.BODY_PT)
    fmt.space_before = Pt(g.LINE_PITCH_PT * 2)
    fmt.tab_stops.add_tab_stop(Pt(TEXT_PT - g.BODY_PT), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(b.text)
    p.add_run("\t" + SIGNER_LABEL)
    g.set_font(p.add_run(b.signer), NAME_FONT)
    return p


class NumberAndSigner(Flowable):
    """The PDF's line: the number left, the signer right, each one character in."""

    def __init__(self, number: str, signer: str):
        super().__init__()
        self.number, self.signer = number, signer
        self.before = 2 * g.LINE_PITCH_PT

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.before + g.LINE_PITCH_PT
        return aw, self.height

    def _text(self, x: float, y: float, text: str) -> None:
        t = self.canv.beginText(x, y)
        t.setFont(official_pdf_font("body"), g.BODY_PT)
        t.textOut(text)
        self.canv.drawText(t)

    def draw(self):
        font, size = official_pdf_font("body"), g.BODY_PT
        baseline = (g.LINE_PITCH_PT - size) / 2 + 0.12 * size
        right = SIGNER_LABEL + self.signer
        self._text(size, baseline, self.number)
        self._text(self.width - size - stringWidth(right, font, size), baseline, right)

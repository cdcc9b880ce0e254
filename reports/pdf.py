"""PDF building blocks: A4, the embedded CJK font, black-and-white tables, page numbers."""

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import register_pdf_font

GRID_GREY = colors.Color(0.85, 0.85, 0.85)  # header shading that still prints on B&W


def styles() -> dict[str, ParagraphStyle]:
    font = register_pdf_font()
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER,
                                spaceAfter=4 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=base, alignment=TA_CENTER,
                                   spaceAfter=4 * mm),
        "heading": ParagraphStyle("heading", parent=base, fontSize=13, leading=20,
                                  spaceBefore=3 * mm, spaceAfter=2 * mm),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "right": ParagraphStyle("right", parent=base, alignment=2),
    }


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(register_pdf_font(), 9)
    canvas.drawCentredString(doc.pagesize[0] / 2, 10 * mm, f"— {doc.page} —")
    canvas.restoreState()


def build(path: Path, story: list, *, title: str, wide: bool = False) -> None:
    """Write `story` to an A4 PDF (landscape when `wide`), numbered pages, font embedded."""
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(str(path), pagesize=size, title=title, author="FieldInspect",
                            leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm)
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)


def usable_width(wide: bool = False) -> float:
    return (landscape(A4) if wide else A4)[0] - 36 * mm


def cell(text, style: ParagraphStyle) -> Paragraph:
    escaped = "" if text is None else (str(text).replace("&", "&amp;").replace("<", "&lt;")
                                       .replace(">", "&gt;").replace("\n", "<br/>"))
    return Paragraph(escaped, style)


def table(header: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float],
          *, wide: bool = False, width: float | None = None) -> Table:
    """A table with a repeated, shaded header; `widths` are relative and fill the page (or
    `width` points)."""
    st = styles()["cell"]
    total = width or usable_width(wide)
    scale = total / sum(widths)
    data = [[cell(h, st) for h in header]] + [[cell(v, st) for v in row] for row in rows]
    t = Table(data, colWidths=[w * scale for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), GRID_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return t


def heading(text: str) -> Paragraph:
    return cell(text, styles()["heading"])


def paragraph(text: str, style: str = "body") -> Paragraph:
    return cell(text, styles()[style])


def title_block(title: str, subtitle: str = "") -> list:
    parts = [cell(title, styles()["title"])]
    if subtitle:
        parts.append(cell(subtitle, styles()["subtitle"]))
    return parts


def gap(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)

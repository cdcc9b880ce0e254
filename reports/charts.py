"""Bar charts drawn without a screen: vector (reportlab graphics) in PDFs, and a PNG drawn
with Pillow for DOCX (reportlab's renderPM needs pycairo, which has no wheels here).

Bars are dark grey with the value printed above each, so they read in black and white.
"""

import io
from dataclasses import dataclass

from reports.fonts import pil_font, register_pdf_font


@dataclass(frozen=True)
class BarChart:
    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""  # printed after each value, e.g. "%" or "份"


def _value_text(c: BarChart, v: float) -> str:
    return f"{v:.1f}{c.unit}" if isinstance(v, float) and not v.is_integer() else \
        f"{int(v)}{c.unit}"


def drawing(c: BarChart, width: float, height: float = 200):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    font = register_pdf_font()
    d = Drawing(width, height)
    d.add(String(width / 2, height - 14, c.title, fontName=font, fontSize=11,
                 textAnchor="middle"))
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = 40, 30, width - 60, height - 70
    bc.data = [list(c.values)]
    bc.bars[0].fillColor = colors.Color(0.35, 0.35, 0.35)
    bc.categoryAxis.categoryNames = list(c.labels)
    bc.categoryAxis.labels.fontName = font
    bc.categoryAxis.labels.fontSize = 8
    bc.valueAxis.labels.fontName = font
    bc.valueAxis.valueMin = 0
    bc.barLabelFormat = lambda v: _value_text(c, v)
    bc.barLabels.fontName = font
    bc.barLabels.fontSize = 8
    bc.barLabels.nudge = 7
    d.add(bc)
    return d


def png_stream(c: BarChart, size: tuple[int, int] = (1200, 600)) -> io.BytesIO:
    from PIL import Image, ImageDraw

    w, h = size
    img = Image.new("RGB", size, "white")
    g = ImageDraw.Draw(img)
    g.text((w / 2, 30), c.title, font=pil_font(36), fill="black", anchor="mm")
    left, right, top, bottom = 80, w - 40, 90, h - 80
    g.line([(left, top), (left, bottom), (right, bottom)], fill="black", width=2)
    peak = max(c.values, default=0) or 1
    slot = (right - left) / max(1, len(c.values))
    for i, (label, v) in enumerate(zip(c.labels, c.values)):
        x0 = left + i * slot + slot * 0.2
        x1 = left + (i + 1) * slot - slot * 0.2
        y = bottom - (bottom - top - 30) * (v / peak)
        g.rectangle([x0, y, x1, bottom], fill=(90, 90, 90), outline="black")
        g.text(((x0 + x1) / 2, y - 16), _value_text(c, v), font=pil_font(24), fill="black",
               anchor="mm")
        g.text(((x0 + x1) / 2, bottom + 30), label, font=pil_font(24), fill="black",
               anchor="mm")
    out = io.BytesIO()
    img.save(out, format="PNG")
    out.seek(0)
    return out

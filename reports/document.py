"""A document as a list of blocks, rendered the same way to DOCX and to PDF.

Notices, the county summary and unit feedback are written once as blocks; `to_docx` and
`to_pdf` lay them out on A4 (print-safe in black and white). `official=True` lays a numbered
or upward document out as GB/T 9704-2012 says (reports/gbt9704.py, reports/gbt_pdf.py): the
issuer's 版头, 发文字号 and 落款 blocks only take their own shape there.
"""

from dataclasses import dataclass, field
from pathlib import Path

from reports.charts import BarChart
from reports.files import atomic_path


@dataclass
class Block:
    # title | subtitle | heading | para | right | table | chart | pagebreak, and the official
    # document's masthead (版头, `red` on a 通报) | docno (发文字号; `signer` on an upward one) |
    # addressee (主送机关) | signer | signdate (落款)
    kind: str
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    chart: BarChart | None = None
    red: bool = False
    signer: str = ""  # docno: 签发人 (an upward document's), right on the number's line


def title(text: str) -> Block:
    return Block("title", text)


def subtitle(text: str) -> Block:
    return Block("subtitle", text)


def heading(text: str) -> Block:
    return Block("heading", text)


def para(text: str) -> Block:
    return Block("para", text)


def right(text: str) -> Block:
    return Block("right", text)


def masthead(issuer: str, number: str, *, red: bool = False, signer: str = "") -> list[Block]:
    """The issuer (red with the separator line under the number when `red`: a 通报's 版头)
    and the 发文字号 under it; with `signer` (an upward document) the number stands one
    character in from the left and "签发人：name" one character in from the right."""
    return [Block("masthead", issuer, red=red), Block("docno", number, red=red, signer=signer)]


def addressee(text: str) -> Block:
    """主送机关: flush left under the title."""
    return Block("addressee", text)


def signoff(issuer: str, issued_on) -> list[Block]:
    """落款: the issuer's full name over the date."""
    return [Block("signer", issuer), Block("signdate", cn_date(issued_on))]


def table(header: list[str], rows: list[list], widths: list[float]) -> Block:
    return Block("table", header=header, rows=[["" if v is None else str(v) for v in r]
                                               for r in rows], widths=widths)


def chart(c: BarChart) -> Block:
    return Block("chart", chart=c)


def pagebreak() -> Block:
    return Block("pagebreak")


def _docx_block(doc, b: Block, usable_cm: float) -> None:
    from docx.shared import Cm

    from reports import charts, word

    if b.kind in ("title", "masthead"):
        word.title(doc, b.text)
    elif b.kind in ("subtitle", "docno"):
        word.centred(doc, b.text)
    elif b.kind == "heading":
        word.heading(doc, b.text)
    elif b.kind in ("para", "addressee"):
        doc.add_paragraph(b.text)
    elif b.kind in ("right", "signer", "signdate"):
        word.right(doc, b.text)
    elif b.kind == "table":
        word.table(doc, b.header, b.rows, b.widths, usable_cm=usable_cm)
    elif b.kind == "chart":
        doc.add_picture(charts.png_stream(b.chart), width=Cm(min(usable_cm, 15)))
    elif b.kind == "pagebreak":
        doc.add_page_break()


def to_docx(blocks: list[Block], path: Path, *, wide: bool = False,
            official: bool = False) -> Path:
    from reports import word

    if official:
        from reports import gbt9704

        with atomic_path(path) as tmp:
            gbt9704.document(blocks).save(tmp)
        return Path(path)
    doc = word.new_document(wide=wide)
    usable = 25.7 if wide else 17.0
    for b in blocks:
        _docx_block(doc, b, usable)
    with atomic_path(path) as tmp:
        doc.save(tmp)
    return Path(path)


def _pdf_flowables(b: Block, wide: bool) -> list:
    from reportlab.platypus import PageBreak

    from reports import charts, pdf

    simple = {"title": "title", "subtitle": "subtitle", "heading": "heading", "para": "body",
              "addressee": "body",
              "right": "right", "masthead": "title", "docno": "subtitle", "signer": "right",
              "signdate": "right"}
    if b.kind in simple:
        return [pdf.paragraph(b.text, simple[b.kind])]
    if b.kind == "table":
        return [pdf.table(b.header, b.rows, b.widths, wide=wide), pdf.gap(3)]
    if b.kind == "chart":
        return [charts.drawing(b.chart, pdf.usable_width(wide)), pdf.gap(3)]
    if b.kind == "pagebreak":
        return [PageBreak()]
    raise ValueError(f"unknown block kind {b.kind}")


def pdf_story(blocks: list[Block], *, wide: bool = False) -> list:
    return [f for b in blocks for f in _pdf_flowables(b, wide)]


def to_pdf(blocks: list[Block], path: Path, *, doc_title: str, wide: bool = False,
           official: bool = False) -> Path:
    from reports import pdf

    if official:
        from reports import gbt_pdf

        with atomic_path(path) as tmp:
            gbt_pdf.build(tmp, blocks, title=doc_title)
        return Path(path)
    with atomic_path(path) as tmp:
        pdf.build(tmp, pdf_story(blocks, wide=wide), title=doc_title, wide=wide)
    return Path(path)


def write(blocks: list[Block], path: Path, fmt: str, *, doc_title: str,
          wide: bool = False, official: bool = False) -> Path:
    """`official`: the GB/T 9704-2012 layout (A4 portrait; `wide` is then ignored)."""
    if fmt == "docx":
        return to_docx(blocks, path, wide=wide, official=official)
    return to_pdf(blocks, path, doc_title=doc_title, wide=wide, official=official)


def cn_date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"

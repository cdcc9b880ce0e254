"""Report tests: one county-sized demo store shared by the module (read-only), a planted store
for redaction, and helpers to read outputs back."""

from datetime import date
from pathlib import Path

import pytest

AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    from models.demo import load_demo_data
    from models.store.store import Store

    s = Store.open(tmp_path_factory.mktemp("demo") / "device", "pw")
    load_demo_data(s, seed=1, as_of=AS_OF)
    yield s
    s.close()


@pytest.fixture
def conn(demo_store):
    with demo_store.read() as c:
        yield c


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


def docx_tables(path: Path) -> list[list[list[str]]]:
    from docx import Document

    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(path)).tables]


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def pdf_fonts(path: Path) -> set[str]:
    """Base font names of the fonts embedded (with a font file) in the PDF."""
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in [font.get("/FontDescriptor")] + [
                    d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]:
                if desc is not None and "/FontFile2" in desc.get_object():
                    found.add(str(font["/BaseFont"]))
    return found

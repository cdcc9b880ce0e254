"""The CJK TrueType font embedded in every PDF (and used to draw chart images).

reportlab's built-in CJK fonts are only referenced, not embedded, and its TTF loader cannot
read CFF outlines (Noto CJK), so a TrueType font is needed: WenQuanYi Micro Hei
(`fonts-wqy-microhei`) by default, or any TrueType file named by FIELDINSPECT_CJK_FONT or
placed in resources/fonts/.
"""

from functools import lru_cache
from pathlib import Path

from models.settings import device_settings
from reports.errors import ReportError

FONT_NAME = "FieldInspectCJK"
RESOURCES_FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SYSTEM_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


def _candidates() -> list[Path]:
    found = []
    if env := device_settings().cjk_font:
        found.append(env)
    if RESOURCES_FONTS.is_dir():
        found += sorted(p for p in RESOURCES_FONTS.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    found += [Path(p) for p in SYSTEM_CANDIDATES]
    return found


@lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    for path in _candidates():
        if path.is_file():
            return path
    raise ReportError(code="no_cjk_font")


@lru_cache(maxsize=1)
def register_pdf_font() -> str:
    """Register the CJK font with reportlab once (embedded as a subset); return its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = cjk_font_path()
    try:
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
    except Exception as exc:  # a CFF-outline or damaged font
        raise ReportError(code="bad_cjk_font", params={"path": str(path)}) from exc
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME


@lru_cache(maxsize=8)
def pil_font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(cjk_font_path()), size, index=0)


# The official documents' faces (GB/T 9704-2012, docs/documents.md): Debian has no open
# 仿宋 or 小标宋, so body and title take AR PL UMing CN (fonts-arphic-uming: a Ming/Song serif
# with simplified forms, TrueType so reportlab can embed it; Noto Serif CJK is CFF and cannot
# be) and headings (黑体) WenQuanYi Micro Hei; each falls back to the font above.
OFFICIAL_FACES = {
    "body": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "title": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "heading": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}


@lru_cache(maxsize=4)
def official_pdf_font(role: str) -> str:
    """The registered name of the face for `role` (body | title | heading) in an official PDF."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path, index = OFFICIAL_FACES[role]
    name = f"FieldInspect{role.title()}"
    if not Path(path).is_file():
        return register_pdf_font()
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except Exception:  # a damaged file: the general face still prints every character
        return register_pdf_font()
    return name

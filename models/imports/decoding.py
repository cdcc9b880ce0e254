"""Which encoding and separator a CSV or text file was saved with, found without asking.

A county office's CSV comes from Excel or WPS on Chinese Windows (GB18030/GBK, no BOM), from
a web form (UTF-8, perhaps with a BOM), or as Excel's "Unicode text" (UTF-16LE with a BOM,
tab-separated). A BOM decides; otherwise UTF-8 is tried before GB18030, since GB18030 decodes
almost any bytes (a Big5 or Shift-JIS file "decodes" to nonsense). So a decoding is believed
only if its first line shows the headers the import expects under one of the separators; a
file no decoding makes sense of is refused naming what was tried (`file_encoding_unknown`).
"""

import codecs
import csv
import io
from collections.abc import Callable, Iterable

from models.errors import Problem, ValidationError

# (BOM, codec, name shown to a person); the longer UTF-32 marks would start with UTF-16's.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
         (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
_WITHOUT_BOM = (("utf-8", "UTF-8"), ("gb18030", "GB18030"))
# UTF-16 saved without its BOM is full of NUL bytes, which no UTF-8 or GB18030 text holds.
_NUL_WIDE = (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"))
SEPARATORS = (",", "\t", ";")


def _candidates(data: bytes) -> list[tuple[str, str, bool]]:
    """(codec, name, trusted) in the order tried; a BOM or clean UTF-8 is trusted even if
    its headers are wrong (the import then names the missing columns)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return [(codec, name, True)]
    wide = list(_NUL_WIDE) if b"\x00" in data[:4096] else []
    return [(codec, name, codec == "utf-8") for codec, name in (*wide, *_WITHOUT_BOM)]


def _first_row(text: str, separator: str) -> list[str]:
    return next(csv.reader(io.StringIO(text[:65536], newline=""), delimiter=separator), [])


def decode_table(data: bytes, source: str, expected: Iterable[str],
                 canonical: Callable[[str], str]) -> tuple[str, str]:
    """(text, separator) of a CSV/text file whose first line shows the `expected` columns
    (canonical names; `canonical` maps a written header to one). The decoding that shows the
    most of them wins, the first tried on a tie; one showing none is not believed unless it
    came from a BOM or clean UTF-8."""
    expected = set(expected)
    best: tuple[int, str, str] | None = None
    tried = []
    for codec, name, trusted in _candidates(data):
        tried.append(name)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        for separator in SEPARATORS:
            shown = len(expected & {canonical(h) for h in _first_row(text, separator)})
            if shown == len(expected) and expected:
                return text, separator
            if (shown or trusted) and (best is None or shown > best[0]):
                best = (shown, text, separator)
    if best is None:
        raise ValidationError(Problem.of("file", "file_encoding_unknown", source=source,
                                         tried=", ".join(tried)))
    return best[1], best[2]

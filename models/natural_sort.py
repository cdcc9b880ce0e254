"""Names with numbers in them sort as people count: 第1组, 第2组, 第10组 (not 第1组, 第10组, 第2组).

One key function for every list of teams (and anything else named by number), so the window,
the documents and the CLI order them alike.
"""

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key: runs of digits compare as numbers, the rest as text (case-folded)."""
    parts = _DIGITS.split(text or "")
    return tuple((0, int(p), "") if i % 2 else (1, 0, p.casefold())
                 for i, p in enumerate(parts) if p)


def natural_compare(a: str, b: str) -> int:
    """The same order as an SQLite collation (`COLLATE natural` on the device's store)."""
    ka, kb = natural_key(a), natural_key(b)
    return (ka > kb) - (ka < kb)

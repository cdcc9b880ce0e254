"""Document numbers of circulated criticism notices, in the county's pattern 余纠通〔2026〕3号.

The sequence is kept per year and handed out by the HQ server when a notice is issued, so two
laptops never give out one number; this module only formats and reads numbers.
"""

import re
from dataclasses import dataclass

from models.errors import Problem, ValidationError

DEFAULT_PREFIX = "余纠通"
PATTERN = re.compile(r"^(?P<prefix>\S+?)[〔\[［(（](?P<year>\d{4})[〕\]］)）](?P<seq>\d+)号$")


@dataclass(frozen=True)
class NoticeNumber:
    prefix: str
    year: int
    seq: int | None  # None: a draft, number still to be assigned

    def __str__(self) -> str:
        return format_number(self.prefix, self.year, self.seq)


@dataclass(frozen=True)
class IssuedNumber:
    """HQ's answer when a notice is issued: its number and which criticisms it may carry.

    `left_out` are those an earlier notice already circulated (HQ's record of every numbered
    notice); `number` is None when all of them were, and then no number was used up. The
    desktop asks HQ (desktop/data/hq_numbers.py) and hands the answer to `reports`, which never
    talks to HQ itself."""

    number: str | None  # HQ's prefix included: what the document prints
    criticism_ids: tuple[str, ...]  # the records it carries (criticisms, by the kind)
    left_out: tuple[str, ...]


def format_number(prefix: str, year: int, seq: int | None) -> str:
    """余纠通〔2026〕3号; a draft (no number yet) leaves the space for it blank."""
    if seq is not None and seq < 1:
        raise ValidationError(Problem.of("number", "notice_number_from_one"))
    return f"{prefix}〔{year}〕{'　　' if seq is None else seq}号"


def parse_number(text: str) -> NoticeNumber:
    """Read 余纠通〔2026〕3号 (square or round brackets accepted)."""
    m = PATTERN.match(text.strip())
    if not m:
        raise ValidationError(Problem.of("number", "not_a_notice_number", text=text,
                                         example="余纠通〔2026〕3号"))
    return NoticeNumber(m["prefix"], int(m["year"]), int(m["seq"]))

"""Time helpers: timestamps are UTC and timezone-aware; dates are calendar dates."""

from datetime import UTC, date, datetime
from functools import lru_cache

from models.errors import ParseError


def utcnow() -> datetime:
    return datetime.now(UTC)


def local_today() -> date:
    """Today in the device's local time (overdue is judged by the clerk's calendar)."""
    return datetime.now().astimezone().date()


@lru_cache(maxsize=8192)
def parse_date(text: str) -> date:
    """YYYY-MM-DD, or ParseError (a ValueError) `not_a_date` saying so."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ParseError("not_a_date", value=text) from None

"""Ledger numbers (台账编号, issue 17 §1): a problem's natural key within its campaign.

The rule for a new problem, written in docs/foundation.md: the campaign's highest number (the
one whose trailing digits are largest) plus one, keeping its prefix and its width ("2024-007"
→ "2024-008", "12" → "13"); a campaign with no number yet starts at "<year>-001" (its year), or
"001" without a campaign. An imported ledger keeps the numbers it has. Numbers are compared as
written, after trimming spaces.
"""

import re

import sqlalchemy as sa

from models.records import Problem
from models.reference import Campaign

_TRAILING = re.compile(r"^(.*?)(\d+)$")
_P, _C = Problem.__table__, Campaign.__table__


def campaign_numbers(conn: sa.Connection, campaign_id: str | None) -> dict[str, str]:
    """{ledger number: problem id} of the live problems of a campaign that have one."""
    rows = conn.execute(sa.select(_P.c.ledger_no, _P.c.id).where(
        _P.c.campaign_id == campaign_id if campaign_id else _P.c.campaign_id.is_(None),
        _P.c.deleted_at.is_(None), _P.c.ledger_no != "")).all()
    return {r.ledger_no: r.id for r in rows}


def following(numbers, first: str) -> str:
    """The number after the highest of `numbers` (see the module's rule); `first` if none."""
    best = None
    for number in numbers:
        found = _TRAILING.match(number)
        if found and (best is None or int(found.group(2)) > int(best.group(2))):
            best = found
    if best is None:
        return first
    prefix, digits = best.groups()
    return f"{prefix}{int(digits) + 1:0{len(digits)}d}"


def next_ledger_no(conn: sa.Connection, campaign_id: str | None) -> str:
    year = conn.execute(sa.select(_C.c.year).where(_C.c.id == campaign_id)).scalar() \
        if campaign_id else None
    return following(campaign_numbers(conn, campaign_id), f"{year}-001" if year else "001")

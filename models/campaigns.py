"""Which campaign a record belongs to when nobody says, and what a campaign filter leaves out.

Problems and opinions typed in the window carried no campaign, and every output that defaults
to a campaign dropped them without a word (3 problems stored, 1 printed). New problems and
opinions now take the *open campaign* (defined here, once), and an output filtered by campaign
counts the records it left out (`LeftOut`). Driver-level Core only: the window reads the open
campaign with its reference lists, before the SQLModel tables are imported.
"""

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

_C = sa.table("campaign", sa.column("id"), sa.column("name"), sa.column("year"),
              sa.column("start_date"), sa.column("created_at"),
              sa.column("is_open", sa.Boolean), sa.column("deleted_at"))


def open_campaign_id(conn: sa.Connection) -> str | None:
    """The open campaign: of the campaigns still open (not closed, not deleted), the one of the
    latest year, then the latest start, then the last made. None when none is open."""
    return conn.execute(
        sa.select(_C.c.id).where(_C.c.is_open.is_(True), _C.c.deleted_at.is_(None))
        .order_by(_C.c.year.desc(), _C.c.start_date.desc().nulls_last(),
                  _C.c.created_at.desc(), _C.c.id)
        .limit(1)).scalar()


def campaign_named(conn: sa.Connection, name: str) -> str | None:
    """The id of the live campaign called `name` (a command's --campaign); None when none is."""
    return conn.execute(
        sa.select(_C.c.id).where(_C.c.name == name, _C.c.deleted_at.is_(None))).scalar()


@dataclass(frozen=True)
class LeftOut:
    """Records an output filtered by campaign left out: with no campaign, or of another."""

    no_campaign: int = 0
    other_campaigns: int = 0

    @property
    def total(self) -> int:
        return self.no_campaign + self.other_campaigns

    def __add__(self, other: "LeftOut") -> "LeftOut":
        return LeftOut(self.no_campaign + other.no_campaign,
                       self.other_campaigns + other.other_campaigns)


def left_out(campaign_ids: Iterable[str | None], campaign_id: str | None) -> LeftOut:
    """Of the records an output would hold without its campaign filter (their campaign ids),
    those the filter `campaign_id` leaves out (nothing when there is no filter)."""
    return counted_left_out(((cid, 1) for cid in campaign_ids), campaign_id)


def counted_left_out(counts: Iterable[tuple[str | None, int]],
                     campaign_id: str | None) -> LeftOut:
    """`left_out` from (campaign id, number of records) pairs, as a grouped count gives."""
    if not campaign_id:
        return LeftOut()
    no_campaign = other = 0
    for cid, n in counts:
        if not cid:
            no_campaign += n
        elif cid != campaign_id:
            other += n
    return LeftOut(no_campaign, other)

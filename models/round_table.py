"""The `draw_round` table: one random inspection round (双随机, issue 16 §1) as HQ keeps it.

A synced table HQ alone holds (sync/server/scope.py lists it for no other role, so no office
or representative device ever receives a row): the inputs, their hash, the commitment and the
secret behind it, the public value, the seed, the draw and the per-round pseudonym key. The
drawn visits are ordinary visits carrying `round_id`. models/rounds.py writes it.
"""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.base import SyncedRow


class RoundStatus:
    COMMITTED = "committed"   # secret and inputs fixed, waiting for the public value
    DRAWN = "drawn"           # visits made
    PUBLISHED = "published"   # units and outcomes made public (公开)


class DrawRoundBase(SQLModel):
    campaign_id: str = Field(max_length=36, index=True)
    status: str = Field(default=RoundStatus.COMMITTED, max_length=20)
    date_from: date
    date_to: date
    inputs: str = Field(default="", sa_type=sa.Text)   # canonical JSON (docs/rounds.md §2)
    inputs_hash: str = Field(default="", max_length=64)
    commitment: str | None = Field(default=None, max_length=64)
    secret: str | None = Field(default=None, max_length=64)
    public_value: str | None = Field(default=None, max_length=500)
    seed: str | None = Field(default=None, max_length=64)
    verifiable: bool = True
    attempts: int = 1
    pseudonym_key: str = Field(default="", max_length=64)
    draw: str = Field(default="", sa_type=sa.Text)     # canonical JSON of the draw
    published_on: date | None = None


class DrawRound(DrawRoundBase, SyncedRow, table=True):
    __tablename__ = "draw_round"

"""Rows that belong to this device only: its people, its settings, its outbox."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.base import Code, SyncedRow, Timestamp
from models.enums import ProfileRole
from models.timeutil import utcnow


class ProfileBase(SQLModel):
    name: str = Field(max_length=80, unique=True)
    role: ProfileRole = Code()


class Profile(ProfileBase, SyncedRow, table=True):
    """A person using this device; their name is written on what they create and change."""

    pin_hash: str = Field(default="", max_length=200)


class StoreMeta(SQLModel, table=True):
    """Key/value facts about this store: device id, role, demo flag."""

    __tablename__ = "store_meta"
    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(default="", sa_type=sa.Text)


class OutboxEntry(SQLModel, table=True):
    """One local change waiting for HQ, written in the same transaction as the change.

    `seq` is contiguous per device. `fields` holds only what changed (the whole row for an
    insert); `base_version` is the server version the edit was based on.
    """

    __tablename__ = "outbox"
    seq: int = Field(primary_key=True)
    table_name: str = Field(max_length=40)
    row_id: str = Field(max_length=36, index=True)
    op: str = Field(max_length=10)
    fields: str = Field(default="{}", sa_type=sa.Text)
    base_version: int | None = None
    profile: str = Field(default="", max_length=80)
    created_at: datetime = Timestamp(default_factory=utcnow)

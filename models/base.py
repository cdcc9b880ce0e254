"""What every synced row carries, and the field helpers of the SQLModel tables (the column types
they share with the driver-level write path are in models.coltypes)."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Defined apart (no SQLModel import there) and importable from here as before.
from models.coltypes import META_COLUMNS, UTCDateTime, sqlite_timestamp  # noqa: F401
from models.timeutil import utcnow


def Timestamp(**kw: Any) -> Any:  # noqa: N802 - reads like a type in field declarations
    return Field(sa_type=UTCDateTime, **kw)


def Code(**kw: Any) -> Any:  # noqa: N802
    """An enum identifier stored as plain text (no native ENUM types to migrate)."""
    return Field(sa_type=sa.String(40), **kw)


def JsonList(**kw: Any) -> Any:  # noqa: N802
    return Field(default_factory=list, sa_type=sa.JSON, **kw)


class SyncedRow(SQLModel):
    """Identity, attribution, tombstone and server version carried by every synced row."""

    id: str = Field(primary_key=True, max_length=36)
    created_at: datetime = Timestamp(default_factory=utcnow)
    updated_at: datetime = Timestamp(default_factory=utcnow)
    created_device: str = Field(default="", max_length=36)
    created_by: str = Field(default="", max_length=80)
    updated_device: str = Field(default="", max_length=36)
    updated_by: str = Field(default="", max_length=80)
    deleted_at: datetime | None = Timestamp(default=None, nullable=True)
    # Indexed: the pull feed pages through rows by server version.
    server_version: int | None = Field(default=None, index=True)

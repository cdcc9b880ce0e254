"""What sync leaves on a device for a person to see: entries HQ refused, and conflicts.

Written by the sync engine (never through the write path: these rows are not pushed back).
The desktop lists them; a supervisor settles conflicts.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.base import Timestamp
from models.timeutil import utcnow


class SyncIssue(SQLModel, table=True):
    """One refused push entry (`rejected`, `forbidden`) or one conflict reported by HQ."""

    __tablename__ = "sync_issue"
    id: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=20, index=True)  # rejected | forbidden | conflict
    code: str = Field(default="", max_length=60)
    table_name: str = Field(default="", max_length=40)
    row_id: str = Field(default="", max_length=36, index=True)
    outbox_seq: int | None = None
    reason: str = Field(default="", sa_type=sa.Text)
    # JSON: for a conflict, the value HQ kept and the one it set aside.
    details: str = Field(default="{}", sa_type=sa.Text)
    created_at: datetime = Timestamp(default_factory=utcnow)
    resolved_at: datetime | None = Timestamp(default=None, nullable=True)

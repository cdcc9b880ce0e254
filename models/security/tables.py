"""Device-local security tables: the hash-chained audit log and the history of record versions.

Neither syncs as a record: the audit chain's head is sent to HQ so a cut-off tail shows.
"""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class AuditEntry(SQLModel, table=True):
    """One event; `hash` = SHA-256(prev_hash + canonical content), so any edit breaks the chain."""

    __tablename__ = "audit_log"
    seq: int = Field(primary_key=True)
    at: str = Field(max_length=32)
    device_id: str = Field(default="", max_length=36)
    profile: str = Field(default="", max_length=80)
    event: str = Field(max_length=20)
    table_name: str = Field(default="", max_length=40)
    row_id: str = Field(default="", max_length=36)
    content_hash: str = Field(default="", max_length=64)
    details: str = Field(default="", sa_type=sa.Text)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class RecordVersion(SQLModel, table=True):
    """A criticism, accountability case or problem as it stood after one local action.

    `snapshot` hashes to the `content_hash` of the audit entry `audit_seq`, so history edited
    behind the app's back fails `audit verify`.
    """

    __tablename__ = "record_version"
    id: int | None = Field(default=None, primary_key=True)
    table_name: str = Field(max_length=40)
    row_id: str = Field(max_length=36, index=True)
    audit_seq: int = Field(index=True)
    op: str = Field(max_length=10)
    at: str = Field(max_length=32)
    profile: str = Field(default="", max_length=80)
    snapshot: str = Field(sa_type=sa.Text)

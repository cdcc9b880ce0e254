# ruff: noqa
"""every audit-chain point HQ accepted from each device (was: the newest, in store_meta)

Revision ID: s0006
Revises: s0005
"""
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import models.base


revision: str = 's0006'
down_revision: str | None = 's0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    anchor = op.create_table('sync_audit_anchor',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('accepted_at', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'seq')
    )
    # The newest head HQ held per device (`audit_head:<device>` = "seq:hash") becomes its first
    # stored point.
    conn = op.get_bind()
    held = conn.execute(sa.text(
        "SELECT key, value FROM store_meta WHERE key LIKE 'audit_head:%'")).all()
    now = datetime.now(UTC)
    rows = []
    for key, value in held:
        seq, _, digest = (value or "").partition(":")
        if seq.isdigit() and len(digest) == 64:
            rows.append({"device_id": key.partition(":")[2], "seq": int(seq), "hash": digest,
                         "accepted_at": now})
    if rows:
        op.bulk_insert(anchor, rows)
    conn.execute(sa.text("DELETE FROM store_meta WHERE key LIKE 'audit_head:%'"))


def downgrade() -> None:
    conn = op.get_bind()
    newest = conn.execute(sa.text(
        "SELECT a.device_id, a.seq, a.hash FROM sync_audit_anchor a WHERE a.seq = "
        "(SELECT max(b.seq) FROM sync_audit_anchor b WHERE b.device_id = a.device_id)")).all()
    for device_id, seq, digest in newest:
        conn.execute(sa.text("INSERT INTO store_meta (key, value) VALUES (:k, :v)"),
                     {"k": f"audit_head:{device_id}", "v": f"{seq}:{digest}"})
    op.drop_table('sync_audit_anchor')

# ruff: noqa
"""a digest per pushed entry (packed per push); the device a re-enrolled store replaces

Revision ID: s0005
Revises: s0004
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 's0005'
down_revision: str | None = 's0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sync_entry_digest',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('first_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('digests', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'first_seq')
    )
    with op.batch_alter_table('sync_device', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replaces_device_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_device', schema=None) as batch_op:
        batch_op.drop_column('replaces_device_id')
    op.drop_table('sync_entry_digest')

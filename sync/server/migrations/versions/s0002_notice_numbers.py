# ruff: noqa
"""notice numbers handed out by HQ (circulated criticism notices)

Revision ID: s0002
Revises: s0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base


revision: str = 's0002'
down_revision: str | None = 's0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sync_notice_number',
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('criticism_ids', sa.JSON(), nullable=False),
    sa.Column('issued_at', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('prefix', 'year', 'seq'),
    sa.UniqueConstraint('notice_id')
    )


def downgrade() -> None:
    op.drop_table('sync_notice_number')

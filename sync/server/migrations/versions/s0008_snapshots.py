# ruff: noqa
"""snapshots for a new device's first sync, cached per scope (issue 18 §1)

Revision ID: s0008
Revises: s0007
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base


revision: str = 's0008'
down_revision: str | None = 's0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sync_snapshot',
    sa.Column('scope_key', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('representative_id', sa.String(length=36), nullable=True),
    sa.Column('unit_id', sa.String(length=36), nullable=True),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('held', sa.Text(), nullable=False),
    sa.Column('built_at', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('scope_key')
    )


def downgrade() -> None:
    op.drop_table('sync_snapshot')

# ruff: noqa
"""numbered notices of every kind (criticism, assignment, reminder, visit round, exposure)

`sync_notice_number` (criticism notices only, keyed by prefix and year) becomes
`sync_numbered_notice`, keyed by kind, prefix and year, with the records each notice carried;
the notices numbered so far are criticism notices.

Revision ID: s0007
Revises: s0006
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base


revision: str = 's0007'
down_revision: str | None = 's0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COMMON = "prefix, year, seq, notice_id, device_id, {ids}, issued_at"


def upgrade() -> None:
    op.create_table('sync_numbered_notice',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('prefix', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('record_ids', sa.JSON(), nullable=False),
    sa.Column('issued_at', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'prefix', 'year', 'seq'),
    sa.UniqueConstraint('notice_id')
    )
    op.execute(f"INSERT INTO sync_numbered_notice (kind, {_COMMON.format(ids='record_ids')}) "
               f"SELECT 'criticism', {_COMMON.format(ids='criticism_ids')} "
               f"FROM sync_notice_number")
    op.drop_table('sync_notice_number')


def downgrade() -> None:
    # Only criticism notices existed before: the numbers of other kinds are dropped.
    op.create_table('sync_notice_number',
    sa.Column('prefix', sa.String(length=40), nullable=False),  # settings' prefixes reach 40
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('criticism_ids', sa.JSON(), nullable=False),
    sa.Column('issued_at', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('prefix', 'year', 'seq'),
    sa.UniqueConstraint('notice_id')
    )
    op.execute(f"INSERT INTO sync_notice_number ({_COMMON.format(ids='criticism_ids')}) "
               f"SELECT {_COMMON.format(ids='record_ids')} FROM sync_numbered_notice "
               f"WHERE kind = 'criticism'")
    op.drop_table('sync_numbered_notice')

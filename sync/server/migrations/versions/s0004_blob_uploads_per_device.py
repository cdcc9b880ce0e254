# ruff: noqa
"""attachment uploads per device, and the devices that hold an attachment's bytes

An upload on its way becomes one device's session (`sync_blob_upload`, keyed by device and
hash) instead of a row per hash that any device could start with any size; `sync_blob` keeps
finished attachments only. `sync_blob_holder` records the devices that sent HQ an attachment's
whole bytes: only their attachment rows open the bytes to others.

Existing data: every device whose attachment row names a finished attachment counts as its
holder (HQ cannot tell now who really sent the bytes); unfinished uploads are dropped and start
again from zero (their chunks, kept by hash alone, are removed when HQ opens).

Revision ID: s0004
Revises: s0003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base


revision: str = 's0004'
down_revision: str | None = 's0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sync_blob_upload',
    sa.Column('store_device_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('store_device_id', 'sha256')
    )
    op.create_table('sync_blob_holder',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('store_device_id', sa.String(length=36), nullable=False),
    sa.Column('held_since', models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'store_device_id')
    )
    done = sa.bindparam('done', True, type_=sa.Boolean())
    op.execute(sa.text(
        "INSERT INTO sync_blob_holder (sha256, store_device_id, held_since) "
        "SELECT DISTINCT a.sha256, a.created_device, b.created_at FROM attachment a "
        "JOIN sync_blob b ON b.sha256 = a.sha256 "
        "WHERE b.complete = :done AND a.created_device IS NOT NULL").bindparams(done))
    op.execute(sa.text("DELETE FROM sync_blob WHERE complete <> :done").bindparams(done))
    with op.batch_alter_table('sync_blob', schema=None) as batch_op:
        batch_op.drop_column('complete')


def downgrade() -> None:
    with op.batch_alter_table('sync_blob', schema=None) as batch_op:
        batch_op.add_column(sa.Column('complete', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    op.drop_table('sync_blob_holder')
    op.drop_table('sync_blob_upload')

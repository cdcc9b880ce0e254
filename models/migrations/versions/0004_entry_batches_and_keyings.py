"""entry batches and verification keyings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 20:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import models.base
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
        sa.Column('updated_at', models.base.UTCDateTime(), nullable=False),
        sa.Column('created_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('updated_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('deleted_at', models.base.UTCDateTime(), nullable=True),
        sa.Column('server_version', sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('entry_batch', *_synced_columns(),
    sa.Column('campaign_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('group', sa.String(length=40), nullable=False),
    sa.Column('unit_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('evaluated_on', sa.Date(), nullable=False),
    sa.Column('cover_count', sa.Integer(), nullable=False),
    sa.Column('closed_at', models.base.UTCDateTime(), nullable=True),
    sa.Column('closed_by', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('verify_forms', sa.JSON(), nullable=True),
    sa.Column('verified_at', models.base.UTCDateTime(), nullable=True),
    sa.Column('verified_by', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entry_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_batch_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_batch_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_batch_server_version'), ['server_version'], unique=False)

    op.create_table('batch_keying', *_synced_columns(),
    sa.Column('batch_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('pass_no', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('form_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('level', sa.String(length=40), nullable=True),
    sa.Column('discipline', sa.String(length=40), nullable=True),
    sa.Column('law', sa.String(length=40), nullable=True),
    sa.Column('service', sa.String(length=40), nullable=True),
    sa.Column('integrity', sa.String(length=40), nullable=True),
    sa.Column('efficiency', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('resolution', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('settled_by', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('settled_at', models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('batch_keying', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_batch_keying_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_batch_keying_evaluation_id'), ['evaluation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_batch_keying_server_version'), ['server_version'], unique=False)


def downgrade() -> None:
    op.drop_table('batch_keying')
    op.drop_table('entry_batch')

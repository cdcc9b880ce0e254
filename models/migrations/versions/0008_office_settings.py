"""office_settings: the county's one settings record (HQ writes, every device reads)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:30:00

Additive: a new synced table (issue 14 §5). An older app ignores its rows in a pull; until HQ
writes the record, every device reads the defaults (models/office_settings.py).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.base

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(name: str, length: int) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=False)


def upgrade() -> None:
    op.create_table(
        'office_settings',
        _text('id', 36),
        sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
        sa.Column('updated_at', models.base.UTCDateTime(), nullable=False),
        _text('created_device', 36), _text('created_by', 80),
        _text('updated_device', 36), _text('updated_by', 80),
        sa.Column('deleted_at', models.base.UTCDateTime(), nullable=True),
        sa.Column('server_version', sa.Integer(), nullable=True),
        _text('issuer_name', 200),
        _text('prefix_criticism', 40), _text('prefix_assignment', 40),
        _text('prefix_reminder', 40), _text('prefix_visit_round', 40),
        _text('prefix_exposure', 40),
        _text('hotline', 40), _text('email', 200),
        sa.Column('default_deadline_days', sa.Integer(), nullable=False),
        sa.Column('due_soon_days', sa.Integer(), nullable=False),
        sa.Column('accountability_threshold', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('office_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_settings_server_version'),
                              ['server_version'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('office_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_settings_server_version'))
    op.drop_table('office_settings')

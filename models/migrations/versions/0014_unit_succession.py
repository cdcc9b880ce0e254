"""unit_succession: which unit lives on as which (issue 15 §3), HQ-written and HQ-held

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 04:10:00

Additive: a new synced table. Only HQ holds rows of it (sync/server/scope.py); a device's
store has the table empty. down_revision is 0011 for now: the merge re-chains it.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.base

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(name: str, length: int) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=False)


def upgrade() -> None:
    op.create_table(
        'unit_succession',
        _text('id', 36),
        sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
        sa.Column('updated_at', models.base.UTCDateTime(), nullable=False),
        _text('created_device', 36), _text('created_by', 80),
        _text('updated_device', 36), _text('updated_by', 80),
        sa.Column('deleted_at', models.base.UTCDateTime(), nullable=True),
        sa.Column('server_version', sa.Integer(), nullable=True),
        _text('old_unit_id', 36), _text('new_unit_id', 36),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('unit_succession', schema=None) as batch_op:
        for column in ('server_version', 'old_unit_id', 'new_unit_id'):
            batch_op.create_index(batch_op.f(f'ix_unit_succession_{column}'), [column],
                                  unique=False)


def downgrade() -> None:
    with op.batch_alter_table('unit_succession', schema=None) as batch_op:
        for column in ('server_version', 'old_unit_id', 'new_unit_id'):
            batch_op.drop_index(batch_op.f(f'ix_unit_succession_{column}'))
    op.drop_table('unit_succession')

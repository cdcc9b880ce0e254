"""random inspection rounds (双随机, issue 16 §1): draw_round, visit.round_id, a
representative's township and unit of work as unit references

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 06:40:00

Additive. `draw_round` is a synced table only HQ holds (sync/server/scope.py). A representative's
free-text township stays; `township_unit_id` is filled where exactly one live township unit has
that name (an ambiguous or unknown name is left for HQ to set).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.base

revision: str = '0023'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(name: str, length: int, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=nullable)


_MATCH = ("FROM unit u WHERE u.name = representative.township AND u.kind = 'township' "
          "AND u.deleted_at IS NULL")


def upgrade() -> None:
    op.create_table(
        'draw_round',
        _text('id', 36),
        sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
        sa.Column('updated_at', models.base.UTCDateTime(), nullable=False),
        _text('created_device', 36), _text('created_by', 80),
        _text('updated_device', 36), _text('updated_by', 80),
        sa.Column('deleted_at', models.base.UTCDateTime(), nullable=True),
        sa.Column('server_version', sa.Integer(), nullable=True),
        _text('campaign_id', 36), _text('status', 20),
        sa.Column('date_from', sa.Date(), nullable=False),
        sa.Column('date_to', sa.Date(), nullable=False),
        sa.Column('inputs', sa.Text(), nullable=False),
        _text('inputs_hash', 64), _text('commitment', 64, True), _text('secret', 64, True),
        _text('public_value', 500, True), _text('seed', 64, True),
        sa.Column('verifiable', sa.Boolean(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        _text('pseudonym_key', 64),
        sa.Column('draw', sa.Text(), nullable=False),
        sa.Column('published_on', sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('draw_round', schema=None) as batch_op:
        for column in ('server_version', 'campaign_id'):
            batch_op.create_index(batch_op.f(f'ix_draw_round_{column}'), [column], unique=False)
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.add_column(_text('round_id', 36, True))
        batch_op.create_index(batch_op.f('ix_visit_round_id'), ['round_id'], unique=False)
    with op.batch_alter_table('representative', schema=None) as batch_op:
        batch_op.add_column(_text('township_unit_id', 36, True))
        batch_op.add_column(_text('work_unit_id', 36, True))
    op.execute(f"UPDATE representative SET township_unit_id = (SELECT u.id {_MATCH}) "
               f"WHERE township <> '' AND (SELECT count(*) {_MATCH}) = 1")


def downgrade() -> None:
    with op.batch_alter_table('representative', schema=None) as batch_op:
        batch_op.drop_column('work_unit_id')
        batch_op.drop_column('township_unit_id')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_round_id'))
        batch_op.drop_column('round_id')
    with op.batch_alter_table('draw_round', schema=None) as batch_op:
        for column in ('server_version', 'campaign_id'):
            batch_op.drop_index(batch_op.f(f'ix_draw_round_{column}'))
    op.drop_table('draw_round')

"""The rectification loop (issue 14): a problem's sources, its assignment to the unit, the unit's
receipts, extension requests and rectification reports, and a case's problems and publication

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 03:20:00

Additive: four new synced tables (an older app ignores their rows in a pull) and new columns
with empty defaults — no problem is assigned yet, no case is linked or published.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.base

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def _text(name: str, length: int | None = None, **kw) -> sa.Column:
    kind = sa.Text() if length is None else _TEXT(length=length)
    return sa.Column(name, kind, nullable=kw.pop('nullable', False), **kw)


def _synced(name: str, *columns: sa.Column, indexed: tuple[str, ...] = ()) -> None:
    op.create_table(
        name,
        _text('id', 36),
        sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
        sa.Column('updated_at', models.base.UTCDateTime(), nullable=False),
        _text('created_device', 36), _text('created_by', 80),
        _text('updated_device', 36), _text('updated_by', 80),
        sa.Column('deleted_at', models.base.UTCDateTime(), nullable=True),
        sa.Column('server_version', sa.Integer(), nullable=True),
        *columns,
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column in ('server_version', *indexed):
            batch_op.create_index(batch_op.f(f'ix_{name}_{column}'), [column], unique=False)


TABLES = {
    'problem_source': ('problem_id', 'source_id'),
    'problem_receipt': ('problem_id',),
    'extension_request': ('problem_id',),
    'rectification_report': ('problem_id',),
}


def upgrade() -> None:
    _synced('problem_source', _text('problem_id', 36), _text('kind', 40),
            _text('source_id', 36), indexed=TABLES['problem_source'])
    _synced('problem_receipt', _text('problem_id', 36),
            sa.Column('signed_on', sa.Date(), nullable=False), _text('signed_by', 100),
            indexed=TABLES['problem_receipt'])
    _synced('extension_request', _text('problem_id', 36),
            sa.Column('current_deadline', sa.Date(), nullable=True),
            sa.Column('requested_deadline', sa.Date(), nullable=False),
            _text('reason'), sa.Column('requested_on', sa.Date(), nullable=False),
            _text('requested_by', 100), _text('decision', 40), _text('decision_reason'),
            sa.Column('decided_on', sa.Date(), nullable=True), _text('decided_by', 100),
            indexed=TABLES['extension_request'])
    _synced('rectification_report', _text('problem_id', 36), _text('what_done'),
            _text('progress'), sa.Column('completed_on', sa.Date(), nullable=True),
            sa.Column('reported_on', sa.Date(), nullable=False), _text('reported_by', 100),
            _text('review', 40), _text('review_reason'),
            sa.Column('reviewed_on', sa.Date(), nullable=True), _text('reviewed_by', 100),
            indexed=TABLES['rectification_report'])
    with op.batch_alter_table('problem', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignment_text', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('assignment_no', _TEXT(length=60), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('assigned_on', sa.Date(), nullable=True))
    with op.batch_alter_table('accountability_case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('problem_ids', sa.JSON(), nullable=False,
                                      server_default='[]'))
        batch_op.add_column(sa.Column('published', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('accountability_case', schema=None) as batch_op:
        batch_op.drop_column('published')
        batch_op.drop_column('problem_ids')
    with op.batch_alter_table('problem', schema=None) as batch_op:
        for name in ('assigned_on', 'assignment_no', 'assignment_text'):
            batch_op.drop_column(name)
    for name, indexed in reversed(TABLES.items()):
        with op.batch_alter_table(name, schema=None) as batch_op:
            for column in (*indexed, 'server_version'):
                batch_op.drop_index(batch_op.f(f'ix_{name}_{column}'))
        op.drop_table(name)

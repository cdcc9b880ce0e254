"""checklists on site (issue 16 §2): templates, items, a visit's results; a finding's item

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 06:40:00

Additive: three new synced tables and a nullable column `finding.checklist_item_id`. The
shipped templates (models/checklist_defaults.py) are written here, under the same natural ids
in every store and in HQ's database, with no device as author: nothing pushes them and HQ
needs to send none. An older app ignores the new tables' rows and the new column in a pull.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.base
from models.checklist_defaults import default_rows

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(name: str, length: int, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=nullable)


def _meta() -> list[sa.Column]:
    return [_text('id', 36),
            sa.Column('created_at', models.base.UTCDateTime(), nullable=False),
            sa.Column('updated_at', models.base.UTCDateTime(), nullable=False),
            _text('created_device', 36), _text('created_by', 80),
            _text('updated_device', 36), _text('updated_by', 80),
            sa.Column('deleted_at', models.base.UTCDateTime(), nullable=True),
            sa.Column('server_version', sa.Integer(), nullable=True)]


_INDEXED = {'checklist_template': ('server_version', 'family_id'),
            'checklist_item': ('server_version', 'template_id'),
            'checklist_result': ('server_version', 'visit_id', 'item_id')}


def upgrade() -> None:
    template = op.create_table(
        'checklist_template', *_meta(),
        _text('family_id', 36), sa.Column('unit_kind', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        _text('name', 200), _text('name_en', 200),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    item = op.create_table(
        'checklist_item', *_meta(),
        _text('template_id', 36), sa.Column('position', sa.Integer(), nullable=False),
        _text('text', 300), _text('text_en', 300),
        sa.Column('category', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'checklist_result', *_meta(),
        _text('visit_id', 36), _text('template_id', 36), _text('item_id', 36),
        sa.Column('outcome', sa.String(length=40), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    for table, columns in _INDEXED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.add_column(_text('checklist_item_id', 36, nullable=True))
    templates, items = default_rows()
    op.bulk_insert(template, templates)
    op.bulk_insert(item, items)


def downgrade() -> None:
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_column('checklist_item_id')
    for table, columns in _INDEXED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_index(batch_op.f(f'ix_{table}_{column}'))
        op.drop_table(table)

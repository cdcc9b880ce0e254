"""evaluation: covering indexes for the statistics

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 21:10:00

The grouped count of forms (models.stats.form_counts) walked ix_evaluation_unit_id and fetched
every row from the table, then sorted in a temporary b-tree; the duplicate form-number count
did the same through ix_evaluation_form_no. Both indexes are widened to hold every column those
queries read, so each is answered from the index alone, already in group order. No index is
added: ix_evaluation_unit_counts replaces ix_evaluation_unit_id (unit_id still leads it), and
ix_evaluation_form_no keeps its name and its leading column.
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNIT_COUNTS = ['unit_id', 'campaign_id', 'group', 'level', 'voided', 'deleted_at',
               'evaluated_on']
FORM_NO = ['form_no', 'campaign_id', 'voided', 'deleted_at', 'evaluated_on']


def upgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_unit_id')
        batch_op.create_index('ix_evaluation_unit_counts', UNIT_COUNTS, unique=False)
        batch_op.drop_index('ix_evaluation_form_no')
        batch_op.create_index('ix_evaluation_form_no', FORM_NO, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_form_no')
        batch_op.create_index('ix_evaluation_form_no', ['form_no'], unique=False)
        batch_op.drop_index('ix_evaluation_unit_counts')
        batch_op.create_index('ix_evaluation_unit_id', ['unit_id'], unique=False)

"""evaluation: the criteria after the level in the covering index for the statistics

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 04:10:00

The criteria figures (models.criteria, issue 15 §1) count the forms at each level on each
criterion per unit and campaign. Without the criteria in ix_evaluation_unit_counts that scan
fetched every row from the table; with them after the level it walks the index alone, in group
order (no sort), as models.stats.form_counts still does on the leading four columns. No index is added (each
costs the bulk import about a fifth of its time): the existing one is widened, its leading
columns unchanged.
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ['unit_id', 'campaign_id', 'group', 'level', 'voided', 'deleted_at', 'evaluated_on']
AFTER = ['unit_id', 'campaign_id', 'group', 'level', 'discipline', 'law', 'service',
         'integrity', 'efficiency', 'voided', 'deleted_at', 'evaluated_on']


def upgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_unit_counts')
        batch_op.create_index('ix_evaluation_unit_counts', AFTER, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_unit_counts')
        batch_op.create_index('ix_evaluation_unit_counts', BEFORE, unique=False)

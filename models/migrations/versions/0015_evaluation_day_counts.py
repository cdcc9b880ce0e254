"""evaluation: the date index widened for the breakdowns by month and source (issue 15 §3)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 04:20:00

The breakdowns by month and by source (models.trends.day_counts) grouped every valid form by
date, campaign, level and source: a scan of the table and a temporary b-tree (~550 ms against
~125 ms for 100,000 forms on the loaded bench machine). ix_evaluation_evaluated_on now holds
those columns in that order, so the grouped count is answered from the index alone, already in
group order. No index is added (the date still leads it; the bulk import pays no new index).
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DAY_COUNTS = ['evaluated_on', 'campaign_id', 'level', 'source', 'voided', 'deleted_at']


def upgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_evaluated_on')
        batch_op.create_index('ix_evaluation_evaluated_on', DAY_COUNTS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_evaluated_on')
        batch_op.create_index('ix_evaluation_evaluated_on', ['evaluated_on'], unique=False)

"""batch_keying: an index pairing each form's entry with its second keying

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 04:15:00

The clerks' own figures (models/clerk_stats.py, issue 15 §4) join the entry's keying row of a
form to its second keying by batch and form number; with only ix_batch_keying_batch_id the join
read the whole batch for every form.
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('batch_keying', schema=None) as batch_op:
        batch_op.create_index('ix_batch_keying_pair', ['batch_id', 'form_no', 'pass_no'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('batch_keying', schema=None) as batch_op:
        batch_op.drop_index('ix_batch_keying_pair')

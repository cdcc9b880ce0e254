"""campaign: whether its rankings are grouped by appraisal category (issue 15 §2)

Revision ID: 0021
Revises: 0017
Create Date: 2026-12-02 06:40:00

An HQ-only setting of a campaign (models.rules.RESULT_SETTINGS), like the bands: true ranks each
unit within its appraisal category (考评类别), false ranks the county's units in one list (the
bands then apply to that list). Existing campaigns keep what they had: grouped.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rank_by_category', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_column('rank_by_category')

"""campaign: the bands and the appraisal points (issue 15 §2)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 04:00:00

HQ-only settings of a campaign (models.rules.RESULT_SETTINGS): the share of each appraisal
category placed 先进 (band_top_percent), how many of each are placed 末位 (band_bottom_count),
and the appraisal points a score of 100 is worth (appraisal_points). Existing campaigns take the
defaults (10 %, 3, 10 points).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.add_column(sa.Column('band_top_percent', sa.Float(), nullable=False,
                                      server_default='10'))
        batch_op.add_column(sa.Column('band_bottom_count', sa.Integer(), nullable=False,
                                      server_default='3'))
        batch_op.add_column(sa.Column('appraisal_points', sa.Float(), nullable=False,
                                      server_default='10'))


def downgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_column('appraisal_points')
        batch_op.drop_column('band_bottom_count')
        batch_op.drop_column('band_top_percent')

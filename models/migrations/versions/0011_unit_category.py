"""unit: its appraisal category (考评类别, issue 15 §2)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 03:50:00

Nullable: an existing unit is ranked in the category its kind gives (models.rules.
appraisal_category) until HQ sets one.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=40),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_column('category')

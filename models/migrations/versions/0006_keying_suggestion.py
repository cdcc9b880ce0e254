"""batch_keying: the second keying's suggestion

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 09:30:00

Double entry compares every field a clerk keys; the suggestion is one of them, so a second
keying keeps the suggestion it typed. Additive: rows keyed before it compare as "no suggestion"
until re-keyed, and an older app's pushed keyings take the empty default.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('batch_keying', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suggestion', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('batch_keying', schema=None) as batch_op:
        batch_op.drop_column('suggestion')

"""problem: the reply to the complainant (issue 14 §4)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 02:00:00

How, when and by whom HQ answered the person whose opinion became a problem, and what they
thought of the handling. Nullable and empty on existing problems: nobody has replied yet.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

_TEXT = sqlmodel.sql.sqltypes.AutoString

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('problem', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_method', _TEXT(length=40), nullable=True))
        batch_op.add_column(sa.Column('replied_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('replied_by', _TEXT(length=100),
                                      nullable=False, server_default=''))
        batch_op.add_column(sa.Column('complainant_view', _TEXT(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('problem', schema=None) as batch_op:
        for name in ('complainant_view', 'replied_by', 'replied_on', 'reply_method'):
            batch_op.drop_column(name)

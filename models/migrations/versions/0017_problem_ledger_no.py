"""problem: its ledger number (台账编号, issue 17 §1), the natural key of a problem in a campaign

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 04:00:00

Not null, '' for a problem made before it: the importer and the ledger export read it, a new
problem gets the next number of its campaign (models/ledger_numbers.py). No unique index: two
offline devices may each give a number, and a sync must never fail on it; the importer refuses a
number written twice in one campaign.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('problem', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ledger_no', sqlmodel.sql.sqltypes.AutoString(length=40),
                                      nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_problem_ledger_no'), ['ledger_no'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('problem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_problem_ledger_no'))
        batch_op.drop_column('ledger_no')

"""office_settings: the signer (签发人) and the work report's number prefix (issue 17 §2)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02 07:50:00

Additive: two text columns, '' for a record written before them, so every device reads "none
set" and the work report falls back as before (--signer / the Reports page field, then a blank
space for the name; the criticism notice's prefix). HQ alone writes them, like every office
setting (models/office_settings.py, sync/server/scope.py).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0025'
down_revision: str | None = '0024'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {'signer': 40, 'prefix_work_report': 40}


def upgrade() -> None:
    with op.batch_alter_table('office_settings', schema=None) as batch_op:
        for name, length in COLUMNS.items():
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length),
                                          nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('office_settings', schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)

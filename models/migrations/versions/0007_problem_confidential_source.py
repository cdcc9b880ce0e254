"""problem: confidential_source flag and source_category

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 10:00:00

Every problem carries HQ's judgement of whether its source must stay out of public outputs
(models/confidential.py). Existing problems are judged here from what this database holds:
at HQ (which runs this migration too) that is HQ's judgement; on an office device, which holds
no findings, every problem from a finding counts as confidential until HQ's judgement arrives
(HQ's own migration s0003 re-announces its problems, so the next pull brings it).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('problem', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidential_source', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('source_category', sa.String(length=40), nullable=True))
    _judge_existing(op.get_bind())


def _judge_existing(conn: sa.Connection) -> None:
    from models.confidential import CATEGORY, FLAG, row_lookup, settled_flag

    p = sa.table('problem', sa.column('id'), sa.column('source'), sa.column('source_id'),
                 sa.column(FLAG, sa.Boolean), sa.column(CATEGORY))
    rows = conn.execute(sa.select(p.c.id, p.c.source, p.c.source_id).where(
        p.c.source.in_(('finding', 'opinion')))).mappings().all()
    lookup = row_lookup(conn)
    judged = [(r['id'], settled_flag(r, lookup)) for r in rows]
    changes = [{'rid': rid, 'flag': j[FLAG], 'category': j[CATEGORY]} for rid, j in judged
               if j[FLAG] or j[CATEGORY]]
    if changes:
        conn.execute(p.update().where(p.c.id == sa.bindparam('rid')).values(
            {FLAG: sa.bindparam('flag'), CATEGORY: sa.bindparam('category')}), changes)


def downgrade() -> None:
    with op.batch_alter_table('problem', schema=None) as batch_op:
        batch_op.drop_column('source_category')
        batch_op.drop_column('confidential_source')

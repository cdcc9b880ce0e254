# ruff: noqa
"""problems re-announced with HQ's confidential-source judgement

Revision ID: s0003
Revises: s0002

The models' migration 0006 (run just before, on this database) judged every problem from what
HQ holds. A device ran the same migration on what it holds: an office device, which holds no
findings, counts every problem from a finding as confidential. Each problem gets a fresh
server version here, so every device's next pull brings HQ's judgement.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 's0003'
down_revision: str | None = 's0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    counter = sa.table('sync_counter', sa.column('id', sa.Integer),
                       sa.column('value', sa.BigInteger))
    problem = sa.table('problem', sa.column('id'), sa.column('server_version', sa.Integer))
    last = conn.execute(sa.select(counter.c.value).where(counter.c.id == 1)
                        .with_for_update()).scalar_one()
    ids = conn.execute(sa.select(problem.c.id).where(problem.c.server_version.is_not(None))
                       .order_by(problem.c.server_version)).scalars().all()
    if not ids:
        return
    conn.execute(problem.update().where(problem.c.id == sa.bindparam('rid'))
                 .values(server_version=sa.bindparam('v')),
                 [{'rid': rid, 'v': last + i} for i, rid in enumerate(ids, start=1)])
    conn.execute(counter.update().where(counter.c.id == 1).values(value=last + len(ids)))


def downgrade() -> None:
    pass  # fresh versions only make devices pull the rows again

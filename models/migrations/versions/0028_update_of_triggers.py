"""The forms' update triggers name the columns they watch (AFTER UPDATE OF ...), so that an
UPDATE that sets none of them runs none of them

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-03 07:10:00

Each update trigger on `evaluation` (the counts of 0024 and 0027, the clerk figures of 0024)
already does nothing unless one of its columns changed (its WHEN). Without a column list SQLite
still runs every one of them for every updated row, only for the WHEN to say no: ten trigger
programs a row, about two thirds of the CPU of a pulled page of fifty forms whose text alone
changed. With `UPDATE OF` an UPDATE whose SET names none of a trigger's columns leaves that
trigger out when it is compiled; one that names them runs it as before, and its WHEN decides
as before. The bodies and WHEN clauses are kept word for word, read from the store itself.
"""
import re
from collections.abc import Sequence

from alembic import op

revision: str = '0028'
down_revision: str | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PLAIN = "AFTER UPDATE ON evaluation WHEN "
_NAMED = re.compile(r"AFTER UPDATE OF [^W]+? ON evaluation WHEN ")
_WATCHED = re.compile(r'OLD\.("?\w+"?) IS NOT NEW\.')


def _triggers() -> list[tuple[str, str]]:
    return [tuple(r) for r in op.get_bind().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'evaluation' "
        "ORDER BY name")]


def _replace(name: str, sql: str) -> None:
    op.execute(f"DROP TRIGGER {name}")
    op.execute(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, sql in _triggers():
        if _PLAIN not in sql:
            continue
        when = sql.split(_PLAIN, 1)[1].split(" BEGIN ", 1)[0]
        watched = list(dict.fromkeys(_WATCHED.findall(when)))
        if not watched:  # a WHEN that compares no column: left as it is
            continue
        _replace(name, sql.replace(_PLAIN, f"AFTER UPDATE OF {', '.join(watched)} ON evaluation "
                                           "WHEN ", 1))


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, sql in _triggers():
        if _NAMED.search(sql):
            _replace(name, _NAMED.sub(_PLAIN, sql, 1))

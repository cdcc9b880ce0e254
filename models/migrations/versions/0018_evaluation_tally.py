"""evaluation_tally: the valid forms counted as they are written, for the results figures in
≤ 50 ms over 100,000 forms (issue 15, "Performance")

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 06:40:00

Every results figure (the five criteria, rankings, breakdowns by month, township and source,
the comparison with the previous campaign) is a sum of valid forms grouped by some of: unit,
campaign, respondent group, level, source, month and the level on each criterion. The grouped
scan of 100,000 forms alone costs ~50 ms or more, so the counts are kept: one row per such
combination with its number of forms (`forms` > 0; a row whose last form goes is removed).
A criterion left blank is kept as '' (a key column of a primary key cannot hold NULL).

SQLite triggers on `evaluation` keep it, so no write path can forget it: the window's save,
edit, void and delete (tombstones are updates), batch entry and the double-entry settle, the
import's executemany, the sync apply's upsert (an upsert that updates fires the UPDATE
trigger) and its hard delete of a removal, merges. The UPDATE trigger acts only when a column
of the key, `voided` or `deleted_at` changed. The table is backfilled from the existing forms.
models/form_tally.py reads it; tests/models/test_form_tally.py checks it against the scan.
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CRITERIA = ('discipline', 'law', 'service', 'integrity', 'efficiency')
# In the order the criteria figures group by, so their GROUP BY walks the primary key.
KEY = ('unit_id', 'campaign_id', '"group"', 'level', *CRITERIA, 'source', 'month')
WATCHED = ('unit_id', 'campaign_id', '"group"', 'level', *CRITERIA, 'source', 'evaluated_on',
           'voided', 'deleted_at')


def _values(row: str) -> list[str]:
    """The key of the tally row of the form `row` (NEW or OLD), as SQL expressions."""
    crit = [f"coalesce({row}.{c}, '')" for c in CRITERIA]
    return [f'{row}.unit_id', f'{row}.campaign_id', f'{row}."group"', f'{row}.level',
            *crit, f'{row}.source', f'substr({row}.evaluated_on, 1, 7)']


def _counted(row: str) -> str:
    return f"{row}.voided = 0 AND {row}.deleted_at IS NULL"


def _add(row: str) -> str:
    return (f"INSERT INTO evaluation_tally ({', '.join(KEY)}, forms) "
            f"VALUES ({', '.join(_values(row))}, 1) "
            f"ON CONFLICT DO UPDATE SET forms = forms + 1;")


def _remove(row: str) -> str:
    match = " AND ".join(f"{k} = {v}" for k, v in zip(KEY, _values(row), strict=True))
    return (f"UPDATE evaluation_tally SET forms = forms - 1 WHERE {match};\n"
            f"DELETE FROM evaluation_tally WHERE forms <= 0 AND {match};")


def _changed() -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)


TRIGGERS = {
    "evaluation_tally_insert":
        f"AFTER INSERT ON evaluation WHEN {_counted('NEW')} BEGIN {_add('NEW')} END",
    "evaluation_tally_delete":
        f"AFTER DELETE ON evaluation WHEN {_counted('OLD')} BEGIN {_remove('OLD')} END",
    "evaluation_tally_update_old":
        f"AFTER UPDATE ON evaluation WHEN ({_changed()}) AND {_counted('OLD')} "
        f"BEGIN {_remove('OLD')} END",
    "evaluation_tally_update_new":
        f"AFTER UPDATE ON evaluation WHEN ({_changed()}) AND {_counted('NEW')} "
        f"BEGIN {_add('NEW')} END",
}


def upgrade() -> None:
    columns = ", ".join(f"{k} TEXT NOT NULL" for k in KEY)
    op.execute(f"CREATE TABLE evaluation_tally ({columns}, forms INTEGER NOT NULL, "
               f"PRIMARY KEY ({', '.join(KEY)})) WITHOUT ROWID")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    keys = ", ".join(_values("evaluation"))
    op.execute(f"INSERT INTO evaluation_tally ({', '.join(KEY)}, forms) "
               f"SELECT {keys}, count(*) FROM evaluation "
               f"WHERE {_counted('evaluation')} GROUP BY {keys}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE evaluation_tally")

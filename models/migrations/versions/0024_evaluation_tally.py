"""evaluation_tally: the valid forms counted as they are written, for the results figures in
≤ 50 ms over 100,000 forms (issue 15, "Performance")

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 06:40:00

Every results figure (the five criteria, rankings, breakdowns by month, township and source,
the comparison with the previous campaign) is a sum of valid forms grouped by a few keys. The
grouped scan of 100,000 forms alone costs ~50 ms or more, so the counts are kept, in three
narrow tables (one wide table keyed by every column was measured as large as the forms: the
levels on five criteria make nearly every form a combination of its own):
- `form_tally` (unit, campaign, respondent group, level): the forms counts, rankings, the
  breakdown by township and the comparison;
- `criterion_tally` (unit, campaign, criterion, level): the five criteria (a criterion left
  blank is not counted, as in the figure);
- `month_tally` (month of `evaluated_on`, campaign, level, source): the breakdowns by month and
  source, for any period of whole months.
Each row holds its number of forms (> 0; a row whose last form goes is removed).

SQLite triggers on `evaluation` keep them, so no write path can forget them: the window's save,
edit, void and delete (tombstones are updates), batch entry and the double-entry settle, the
import's executemany, the sync apply's upsert (an upsert that updates fires the UPDATE
trigger) and its hard delete of a removal, merges. The UPDATE triggers act only when a counted
column, `voided` or `deleted_at` changed. The tables are backfilled from the existing forms.
models/form_tally.py reads them; tests/models/test_form_tally.py checks them against the scan.

The clerks' figures (issue 15 §4) are kept per batch too: `clerk_batch_figures` holds a batch's
rows (per clerk and keying) once its figures are computed and kept (models/clerk_batches.py:
when a batch is verified), `clerk_batch_kept` names the batches whose rows are current.
Triggers forget a batch's rows whenever anything they are computed from changes: a keying of
the batch, the batch itself, or a compared field, the void or the deletion of a form keyed in
it; such a batch is computed from the keyings again until it is kept anew.
"""
from collections.abc import Sequence

from alembic import context, op

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CRITERIA = ('discipline', 'law', 'service', 'integrity', 'efficiency')
# table -> its key as SQL expressions of a form row ({r}: NEW, OLD or evaluation), in the order
# its figures group by, so their GROUP BY walks the primary key.
TALLIES = {
    'form_tally': {'unit_id': '{r}.unit_id', 'campaign_id': '{r}.campaign_id',
                   '"group"': '{r}."group"', 'level': '{r}.level'},
    'month_tally': {'month': 'substr({r}.evaluated_on, 1, 7)', 'campaign_id': '{r}.campaign_id',
                    'level': '{r}.level', 'source': '{r}.source'},
}
CRITERION_KEY = ('unit_id', 'campaign_id', 'criterion', 'level')
WATCHED = ('unit_id', 'campaign_id', '"group"', 'level', *CRITERIA, 'source', 'evaluated_on',
           'voided', 'deleted_at')


def _counted(row: str) -> str:
    return f"{row}.voided = 0 AND {row}.deleted_at IS NULL"


# The bulk paths pause the triggers and merge a batch at once (models/tally_bulk.py).
NOT_PAUSED = "NOT EXISTS (SELECT 1 FROM tally_paused)"


def _criteria(row: str) -> str:
    """The form's (unit, campaign, criterion, level) rows, one per criterion it scored."""
    return " UNION ALL ".join(
        f"SELECT {row}.unit_id AS unit_id, {row}.campaign_id AS campaign_id, "
        f"'{c}' AS criterion, {row}.{c} AS level WHERE {row}.{c} IS NOT NULL" for c in CRITERIA)


def _add(row: str) -> str:
    out = [f"INSERT INTO {t} ({', '.join(key)}, forms) VALUES "
           f"({', '.join(v.format(r=row) for v in key.values())}, 1) "
           f"ON CONFLICT DO UPDATE SET forms = forms + 1;" for t, key in TALLIES.items()]
    out.append(f"INSERT INTO criterion_tally ({', '.join(CRITERION_KEY)}, forms) "
               f"SELECT *, 1 FROM ({_criteria(row)}) WHERE true "
               f"ON CONFLICT DO UPDATE SET forms = forms + 1;")
    return " ".join(out)


def _remove(row: str) -> str:
    out = []
    for t, key in TALLIES.items():
        match = " AND ".join(f"{k} = {v.format(r=row)}" for k, v in key.items())
        out.append(f"UPDATE {t} SET forms = forms - 1 WHERE {match}; "
                   f"DELETE FROM {t} WHERE forms <= 0 AND {match};")
    for c in CRITERIA:
        match = (f"unit_id = {row}.unit_id AND campaign_id = {row}.campaign_id AND "
                 f"criterion = '{c}' AND level = {row}.{c}")
        out.append(f"UPDATE criterion_tally SET forms = forms - 1 WHERE {match}; "
                   f"DELETE FROM criterion_tally WHERE forms <= 0 AND {match};")
    return " ".join(out)


def _changed() -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)


TRIGGERS = {
    "evaluation_tally_insert":
        f"AFTER INSERT ON evaluation WHEN {_counted('NEW')} AND {NOT_PAUSED} "
        f"BEGIN {_add('NEW')} END",
    "evaluation_tally_delete":
        f"AFTER DELETE ON evaluation WHEN {_counted('OLD')} AND {NOT_PAUSED} "
        f"BEGIN {_remove('OLD')} END",
    "evaluation_tally_update_old":
        f"AFTER UPDATE ON evaluation WHEN ({_changed()}) AND {_counted('OLD')} "
        f"AND {NOT_PAUSED} BEGIN {_remove('OLD')} END",
    "evaluation_tally_update_new":
        f"AFTER UPDATE ON evaluation WHEN ({_changed()}) AND {_counted('NEW')} "
        f"AND {NOT_PAUSED} BEGIN {_add('NEW')} END",
}


def _create_tallies() -> None:
    op.execute("CREATE TABLE tally_paused (paused INTEGER NOT NULL)")
    for table, key in TALLIES.items():
        columns = ", ".join(f"{k} TEXT NOT NULL" for k in key)
        op.execute(f"CREATE TABLE {table} ({columns}, forms INTEGER NOT NULL, "
                   f"PRIMARY KEY ({', '.join(key)})) WITHOUT ROWID")
        values = ", ".join(v.format(r="evaluation") for v in key.values())
        op.execute(f"INSERT INTO {table} ({', '.join(key)}, forms) SELECT {values}, count(*) "
                   f"FROM evaluation WHERE {_counted('evaluation')} GROUP BY {values}")
    columns = ", ".join(f"{k} TEXT NOT NULL" for k in CRITERION_KEY)
    op.execute(f"CREATE TABLE criterion_tally ({columns}, forms INTEGER NOT NULL, "
               f"PRIMARY KEY ({', '.join(CRITERION_KEY)})) WITHOUT ROWID")
    op.execute(f"INSERT INTO criterion_tally ({', '.join(CRITERION_KEY)}, forms) " + " UNION ALL ".join(
        f"SELECT unit_id, campaign_id, '{c}', {c}, count(*) FROM evaluation "
        f"WHERE {_counted('evaluation')} AND {c} IS NOT NULL GROUP BY unit_id, campaign_id, {c}"
        for c in CRITERIA))
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


FORGET = ("DELETE FROM clerk_batch_figures WHERE batch_id {0}; "
          "DELETE FROM clerk_batch_kept WHERE batch_id {0};")
KEYED_FIELDS = ('level', *CRITERIA, 'reason', 'suggestion', 'voided', 'deleted_at')
_KEYED_IN = "IN (SELECT batch_id FROM batch_keying WHERE evaluation_id = {}.id)"
CLERK_TRIGGERS = {
    "clerk_batch_keying_insert": "AFTER INSERT ON batch_keying BEGIN "
                                 + FORGET.format("= NEW.batch_id") + " END",
    "clerk_batch_keying_update": "AFTER UPDATE ON batch_keying BEGIN "
                                 + FORGET.format("IN (OLD.batch_id, NEW.batch_id)") + " END",
    "clerk_batch_keying_delete": "AFTER DELETE ON batch_keying BEGIN "
                                 + FORGET.format("= OLD.batch_id") + " END",
    "clerk_batch_update": "AFTER UPDATE ON entry_batch BEGIN "
                          + FORGET.format("IN (OLD.id, NEW.id)") + " END",
    "clerk_batch_delete": "AFTER DELETE ON entry_batch BEGIN "
                          + FORGET.format("= OLD.id") + " END",
    "clerk_batch_form_update": "AFTER UPDATE ON evaluation WHEN ("
                               + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in KEYED_FIELDS)
                               + ") BEGIN " + FORGET.format(_KEYED_IN.format("OLD")) + " END",
    "clerk_batch_form_delete": "AFTER DELETE ON evaluation BEGIN "
                               + FORGET.format(_KEYED_IN.format("OLD")) + " END",
}


def _counts_kept() -> bool:
    """A device store keeps the counts. HQ's server database (SQLite or PostgreSQL; it runs
    these migrations for its record tables) computes no results figure and would only pay the
    triggers on every push applied."""
    return (context.config.attributes.get("device", True)
            and op.get_bind().dialect.name == "sqlite")


def upgrade() -> None:
    if not _counts_kept():
        return
    op.execute("CREATE TABLE clerk_batch_figures (batch_id TEXT NOT NULL, clerk TEXT NOT NULL, "
               "keying TEXT NOT NULL, forms INTEGER NOT NULL, seconds REAL NOT NULL, "
               "fields_compared INTEGER NOT NULL, errors INTEGER NOT NULL, "
               "pending INTEGER NOT NULL, PRIMARY KEY (batch_id, clerk, keying)) WITHOUT ROWID")
    op.execute("CREATE TABLE clerk_batch_kept (batch_id TEXT PRIMARY KEY) WITHOUT ROWID")
    for name, body in CLERK_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    _create_tallies()


def downgrade() -> None:
    for name in (*TRIGGERS, *CLERK_TRIGGERS):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in (*TALLIES, "criterion_tally", "tally_paused", "clerk_batch_figures", "clerk_batch_kept"):
        op.execute(f"DROP TABLE IF EXISTS {table}")

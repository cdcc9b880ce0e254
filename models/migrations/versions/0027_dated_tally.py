"""dated_tally: the valid forms counted per day and per month too, and the duplicated form
numbers, so a period that starts or ends mid-month and the dashboard's figures read counts, not
the forms (issue 15, "Performance": every figure over 100,000 forms in <= 50 ms)

Revision ID: 0027
Revises: 0025
Create Date: 2026-12-02 10:40:00

The tallies of migration 0024 answer no period (the unit tallies) or whole months without the
unit (month_tally). A period is a run of whole months and at most two runs of days at its ends,
so each valid form is counted twice more, under its day ("YYYY-MM-DD") and its month
("YYYY-MM") as the `span` of:
- `dated_tally` (span, unit, campaign, respondent group, level, source): the forms counts,
  rankings, the breakdowns by township, month and source of a period;
- `dated_criterion_tally` (span, unit, campaign, criterion, level): the five criteria of a
  period.
models/form_tally.py reads the months inside a period from the month rows and its ends from the
day rows (a month's rows sort before its days': '2026-03' < '2026-03-01').

`duplicate_form_no` (campaign, form number, forms) holds the numbers that more than one valid
form of a campaign carries (the county summary's "duplicate numbers", which a grouped scan of
the form-number index cost ~16 ms of the dashboard's ~54); a write recounts the numbers it
touches through that index. A period's duplicates are among these numbers.

Same triggers and pause (`tally_paused`, models/tally_bulk.py merges the bulk paths) as 0024, on
device stores only; backfilled from the existing forms.
"""
from collections.abc import Sequence

from alembic import context, op

revision: str = '0027'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CRITERIA = ('discipline', 'law', 'service', 'integrity', 'efficiency')
DATED_KEY = ('span', 'unit_id', 'campaign_id', '"group"', 'level', 'source')
CRITERION_KEY = ('span', 'unit_id', 'campaign_id', 'criterion', 'level')
WATCHED = ('unit_id', 'campaign_id', '"group"', 'level', *CRITERIA, 'source', 'evaluated_on',
           'voided', 'deleted_at')
NUMBERED = ('form_no', 'campaign_id', 'voided', 'deleted_at')
NOT_PAUSED = "NOT EXISTS (SELECT 1 FROM tally_paused)"


def _counted(row: str) -> str:
    return f"{row}.voided = 0 AND {row}.deleted_at IS NULL"


def _spans(row: str) -> str:
    return f"(SELECT {row}.evaluated_on AS span UNION ALL SELECT substr({row}.evaluated_on, 1, 7))"


def _criteria(row: str) -> str:
    return " UNION ALL ".join(
        f"SELECT '{c}' AS criterion, {row}.{c} AS level WHERE {row}.{c} IS NOT NULL"
        for c in CRITERIA)


def _add(row: str) -> str:
    key = ", ".join(DATED_KEY)
    return (f"INSERT INTO dated_tally ({key}, forms) SELECT span, {row}.unit_id, "
            f"{row}.campaign_id, {row}.\"group\", {row}.level, {row}.source, 1 FROM {_spans(row)} "
            f"WHERE true ON CONFLICT DO UPDATE SET forms = forms + 1; "
            f"INSERT INTO dated_criterion_tally ({', '.join(CRITERION_KEY)}, forms) "
            f"SELECT s.span, {row}.unit_id, {row}.campaign_id, c.criterion, c.level, 1 "
            f"FROM {_spans(row)} AS s, ({_criteria(row)}) AS c "
            f"WHERE true ON CONFLICT DO UPDATE SET forms = forms + 1;")


def _remove(row: str) -> str:
    spans = f"span IN ({row}.evaluated_on, substr({row}.evaluated_on, 1, 7))"
    match = (f"{spans} AND unit_id = {row}.unit_id AND campaign_id = {row}.campaign_id AND "
             f"\"group\" = {row}.\"group\" AND level = {row}.level AND source = {row}.source")
    out = [f"UPDATE dated_tally SET forms = forms - 1 WHERE {match}; "
           f"DELETE FROM dated_tally WHERE forms <= 0 AND {match};"]
    for c in CRITERIA:
        match = (f"{spans} AND unit_id = {row}.unit_id AND campaign_id = {row}.campaign_id AND "
                 f"criterion = '{c}' AND level = {row}.{c}")
        out.append(f"UPDATE dated_criterion_tally SET forms = forms - 1 WHERE {match}; "
                   f"DELETE FROM dated_criterion_tally WHERE forms <= 0 AND {match};")
    return " ".join(out)


def _recount(row: str) -> str:
    """The number's forms counted again (through ix_evaluation_form_no), kept if over one."""
    match = f"form_no = {row}.form_no AND campaign_id = {row}.campaign_id"
    return (f"DELETE FROM duplicate_form_no WHERE {match}; "
            f"INSERT INTO duplicate_form_no (campaign_id, form_no, forms) "
            f"SELECT campaign_id, form_no, count(*) FROM evaluation WHERE {match} "
            f"AND voided = 0 AND deleted_at IS NULL GROUP BY campaign_id, form_no "
            f"HAVING count(*) > 1;")


def _numbered(row: str) -> str:
    return f"{row}.form_no IS NOT NULL AND {row}.form_no != ''"


def _changed(columns) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


TRIGGERS = {
    "evaluation_dated_insert":
        f"AFTER INSERT ON evaluation WHEN {_counted('NEW')} AND {NOT_PAUSED} "
        f"BEGIN {_add('NEW')} END",
    "evaluation_dated_delete":
        f"AFTER DELETE ON evaluation WHEN {_counted('OLD')} AND {NOT_PAUSED} "
        f"BEGIN {_remove('OLD')} END",
    "evaluation_dated_update_old":
        f"AFTER UPDATE ON evaluation WHEN ({_changed(WATCHED)}) AND {_counted('OLD')} "
        f"AND {NOT_PAUSED} BEGIN {_remove('OLD')} END",
    "evaluation_dated_update_new":
        f"AFTER UPDATE ON evaluation WHEN ({_changed(WATCHED)}) AND {_counted('NEW')} "
        f"AND {NOT_PAUSED} BEGIN {_add('NEW')} END",
    "evaluation_number_insert":
        f"AFTER INSERT ON evaluation WHEN {_counted('NEW')} AND {_numbered('NEW')} "
        f"AND {NOT_PAUSED} BEGIN {_recount('NEW')} END",
    "evaluation_number_delete":
        f"AFTER DELETE ON evaluation WHEN {_counted('OLD')} AND {_numbered('OLD')} "
        f"AND {NOT_PAUSED} BEGIN {_recount('OLD')} END",
    "evaluation_number_update_old":
        f"AFTER UPDATE ON evaluation WHEN ({_changed(NUMBERED)}) AND {_numbered('OLD')} "
        f"AND {NOT_PAUSED} BEGIN {_recount('OLD')} END",
    "evaluation_number_update_new":
        f"AFTER UPDATE ON evaluation WHEN ({_changed(NUMBERED)}) AND {_numbered('NEW')} "
        f"AND {NOT_PAUSED} BEGIN {_recount('NEW')} END",
}


def _counts_kept() -> bool:
    """As migration 0024: device stores keep the counts, HQ's server database does not."""
    return (context.config.attributes.get("device", True)
            and op.get_bind().dialect.name == "sqlite")


def upgrade() -> None:
    if not _counts_kept():
        return
    columns = ", ".join(f"{k} TEXT NOT NULL" for k in DATED_KEY)
    op.execute(f"CREATE TABLE dated_tally ({columns}, forms INTEGER NOT NULL, "
               f"PRIMARY KEY ({', '.join(DATED_KEY)})) WITHOUT ROWID")
    columns = ", ".join(f"{k} TEXT NOT NULL" for k in CRITERION_KEY)
    op.execute(f"CREATE TABLE dated_criterion_tally ({columns}, forms INTEGER NOT NULL, "
               f"PRIMARY KEY ({', '.join(CRITERION_KEY)})) WITHOUT ROWID")
    op.execute("CREATE TABLE duplicate_form_no (campaign_id TEXT NOT NULL, "
               "form_no TEXT NOT NULL, forms INTEGER NOT NULL, "
               "PRIMARY KEY (campaign_id, form_no)) WITHOUT ROWID")
    valid = _counted("evaluation")
    rest = 'unit_id, campaign_id, "group", level, source'
    for span in ("evaluated_on", "substr(evaluated_on, 1, 7)"):
        op.execute(f"INSERT INTO dated_tally ({', '.join(DATED_KEY)}, forms) "
                   f"SELECT {span}, {rest}, count(*) FROM evaluation WHERE {valid} "
                   f"GROUP BY {span}, {rest}")
        op.execute(f"INSERT INTO dated_criterion_tally ({', '.join(CRITERION_KEY)}, forms) "
                   + " UNION ALL ".join(
                       f"SELECT {span}, unit_id, campaign_id, '{c}', {c}, count(*) "
                       f"FROM evaluation WHERE {valid} AND {c} IS NOT NULL "
                       f"GROUP BY {span}, unit_id, campaign_id, {c}" for c in CRITERIA))
    op.execute("INSERT INTO duplicate_form_no (campaign_id, form_no, forms) "
               "SELECT campaign_id, form_no, count(*) FROM evaluation WHERE "
               f"{valid} AND {_numbered('evaluation')} GROUP BY form_no, campaign_id "
               "HAVING count(*) > 1")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("dated_tally", "dated_criterion_tally", "duplicate_form_no"):
        op.execute(f"DROP TABLE IF EXISTS {table}")

# ruff: noqa
"""HQ's forms table: no device counts, and only the indexes HQ reads by (issue 18 §2, the
26,300-form push)

1. The counts a device keeps (models migrations 0024 and 0027: the tallies, the duplicated
   form numbers, the clerks' kept figures, and the triggers on `evaluation` that keep them)
   were meant for device stores only (`device=False` for HQ's database), but HQ's SQLite
   store was created by `Store.open`, which ran the models' chain as a device's: every form
   pushed to a SQLite HQ fired three counting triggers (a duplicated-number recount among
   them). `Store.open(device=False)` now makes HQ's store without them; this drops them from
   the HQ stores made before (PostgreSQL never had them). The statistics still answer on
   HQ's database, from the forms (models.form_tally.kept is false there, as on PostgreSQL).
2. ix_evaluation_unit_counts and ix_evaluation_evaluated_on cover a device's statistics and
   trends (models.stats, models.criteria, models.trends). HQ reads forms by id (the primary
   key), by server version (pulls, snapshots) and by paper number (ix_evaluation_form_no,
   kept); every pushed form paid for a 12- and a 6-column index entry it never reads.

Raw executemany of 26,300 forms into an encrypted store, CPU (docs/sync.md, "The
26,300-form push, fourth step"): with the triggers and all indexes 0.78-1.04 s; without the
triggers 0.51-0.58 s; without the two indexes too 0.33 s.

A models migration that changes either index or the counts runs on HQ's database too
(ensure_schema, device=False) and must leave HQ's side alone: `context.config.attributes
["device"]`, as 0024 and 0027 do.

Revision ID: s0009
Revises: s0008
"""
from collections.abc import Sequence

from alembic import op


revision: str = 's0009'
down_revision: str | None = 's0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As models/records.py declares them (migrations 0012 and 0015 of the models).
DEVICE_INDEXES = {
    "ix_evaluation_unit_counts": ["unit_id", "campaign_id", "group", "level", "discipline",
                                  "law", "service", "integrity", "efficiency", "voided",
                                  "deleted_at", "evaluated_on"],
    "ix_evaluation_evaluated_on": ["evaluated_on", "campaign_id", "level", "source", "voided",
                                   "deleted_at"],
}
# What models migrations 0024 and 0027 make on a device only.
DEVICE_TRIGGERS = (
    "evaluation_tally_insert", "evaluation_tally_delete", "evaluation_tally_update_old",
    "evaluation_tally_update_new", "clerk_batch_keying_insert", "clerk_batch_keying_update",
    "clerk_batch_keying_delete", "clerk_batch_update", "clerk_batch_delete",
    "clerk_batch_form_update", "clerk_batch_form_delete", "evaluation_dated_insert",
    "evaluation_dated_delete", "evaluation_dated_update_old", "evaluation_dated_update_new",
    "evaluation_number_insert", "evaluation_number_delete", "evaluation_number_update_old",
    "evaluation_number_update_new",
)
DEVICE_TABLES = ("form_tally", "month_tally", "criterion_tally", "tally_paused",
                 "clerk_batch_figures", "clerk_batch_kept", "dated_tally",
                 "dated_criterion_tally", "duplicate_form_no")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in DEVICE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in DEVICE_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {name}")
    for name in DEVICE_INDEXES:
        op.drop_index(name, table_name="evaluation", if_exists=True)


def downgrade() -> None:
    # The counts are not made again: an HQ never needed them (see above).
    for name, columns in DEVICE_INDEXES.items():
        op.create_index(name, "evaluation", columns, unique=False, if_not_exists=True)

"""The accountability candidates with the office's K (issue 14 §3), for the window and the
command line alike.

Here rather than in models.stats, which it builds on; like it, free of the table classes
(tests/models/test_stats.py)."""

from datetime import date

import sqlalchemy as sa

from models.ids import natural_id
from models.rules import DEFAULT_ACCOUNTABILITY_THRESHOLD
from models.stats import Filters, _view, accountability_candidates

# K read through a Core view: models.office_settings loads the table classes (~0.3 s), which
# the dashboard's computed start-up would pay (bench/desktop_bench.py, "after a change").
OFFICE = _view("office_settings", "id", "accountability_threshold")
OFFICE_SETTINGS_ID = natural_id("office_settings", "county")  # models.office_settings's


def accountability_threshold(conn: sa.Connection) -> int:
    """K of the office settings (models.office_settings.read_office_settings), the default
    until HQ's record arrives."""
    value = conn.execute(sa.select(OFFICE.c.accountability_threshold).where(
        OFFICE.c.id == OFFICE_SETTINGS_ID, OFFICE.c.deleted_at.is_(None))).scalar()
    return DEFAULT_ACCOUNTABILITY_THRESHOLD if value is None else value


def candidates_with_threshold(conn: sa.Connection, f: Filters, as_of: date) -> dict:
    """{threshold: K of the office settings, units: models.stats.accountability_candidates}."""
    threshold = accountability_threshold(conn)
    return {"threshold": threshold,
            "units": accountability_candidates(conn, f, as_of, threshold)}

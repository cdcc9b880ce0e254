"""The accountability candidates with the office's K (issue 14 §3), for the window and the
command line alike.

Here rather than in models.stats: reading the office settings loads the table classes, which
models.stats keeps out of the dashboard's start-up (tests/models/test_stats.py)."""

from datetime import date

import sqlalchemy as sa

from models.office_settings import read_office_settings
from models.stats import Filters, accountability_candidates


def candidates_with_threshold(conn: sa.Connection, f: Filters, as_of: date) -> dict:
    """{threshold: K of the office settings, units: models.stats.accountability_candidates}."""
    threshold = read_office_settings(conn)["accountability_threshold"]
    return {"threshold": threshold,
            "units": accountability_candidates(conn, f, as_of, threshold)}

"""A round's statements on a PostgreSQL HQ read the version indexes, not whole tables (issue 18
§3). psycopg prepares a statement a connection runs often, and PostgreSQL then keeps a generic
plan for it, made without the cursor's value and, on a table not analyzed yet (a new HQ, or one
filling faster than autovacuum analyzes it), without statistics: the pull's probe and the push's
stamping statement were then sequential scans of the forms, read whole for every round."""

import re

import pytest

from sync.server.db import _stamp_sql
from sync.server.pull import _probe_statement
from tests.sync.helpers import Hq

pytestmark = pytest.mark.pg


@pytest.fixture
def pg_hq(pg_url, tmp_path):
    server = Hq.start(pg_url, tmp_path)
    yield server
    server.close()


def _generic_plan(hq: Hq, sql: str, params: list) -> str:
    """The plan PostgreSQL keeps for `sql` prepared (psycopg's `%s` / `%(name)s` marks), as
    EXPLAIN shows it, with the generic plan forced."""
    names: list[str] = []

    def number(match: re.Match) -> str:
        key = match.group(1) or f"#{len(names)}"
        if key not in names:
            names.append(key)
        return f"${names.index(key) + 1}"

    text = re.sub(r"%(?:\((\w+)\))?s", number, sql)
    conn = hq.db.engine.raw_connection()
    try:
        driver = conn.driver_connection
        with driver.transaction(force_rollback=True), driver.cursor() as cur:
            cur.execute("SET LOCAL plan_cache_mode = force_generic_plan")
            cur.execute(f"PREPARE probed AS {text}")
            values = ", ".join(f"'{v}'" for v in params)
            cur.execute(f"EXPLAIN EXECUTE probed({values})")
            plan = "\n".join(r[0] for r in cur.fetchall())
            cur.execute("DEALLOCATE probed")
        return plan
    finally:
        conn.close()


def test_the_pull_probe_reads_no_table_whole(pg_hq):
    sql, params = _probe_statement(["evaluation", "visit"], 7, "%s", conflicts=True)
    plan = _generic_plan(pg_hq, sql, list(params))
    assert "Seq Scan on evaluation" not in plan, plan
    assert "ix_evaluation_server_version" in plan, plan


def test_the_push_stamping_statement_reads_no_table_whole(pg_hq):
    sql = _stamp_sql((("evaluation", "server_version"),))
    params = {"n": 1, "seq": 1, "at": "2026-12-03 00:00:00+00", "device": "x"}
    plan = _generic_plan(pg_hq, sql, _ordered(sql, params))
    assert "Seq Scan on evaluation" not in plan, plan
    assert "ix_evaluation_server_version" in plan, plan


def _ordered(sql: str, params: dict) -> list:
    """`params`' values in the order of their first mark in `sql`."""
    return [params[k] for k in dict.fromkeys(re.findall(r"%\((\w+)\)s", sql))]

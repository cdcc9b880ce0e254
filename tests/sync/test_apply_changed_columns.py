"""A few pulled forms are written in the columns that changed: the forms' update triggers
(migration 0028 names the columns each watches) then run only when a column they count changed,
and the counts and the forms stay what the full upsert left."""
import re

import sqlalchemy as sa

from models.records import Evaluation
from models.store.store import Store
from sync.client.apply import apply_page
from sync.protocol import PulledPage
from tests.models.test_form_tally import _seed, _values, assert_tally_matches_scan

FORM = {"unit": 0, "campaign": 1, "group": "citizen", "level": "satisfied",
        "source": "paper", "evaluated_on": "2026-01-05", "form_no": "7"}


def _page(store: Store, **change) -> PulledPage:
    """Every form as HQ sends it back, with `change` made and a newer server version."""
    with store.read() as conn:
        cur = conn.exec_driver_sql("SELECT * FROM evaluation ORDER BY id")
        columns, rows = [c[0] for c in cur.cursor.description], [list(r) for r in cur]
    for row in rows:
        for k, v in {**change, "server_version": (row[columns.index("server_version")] or 0) + 1
                     }.items():
            row[columns.index(k)] = v
    return PulledPage(cursor=1, more=False, removals=[], conflicts=[],
                      tables={"evaluation": {"columns": columns, "rows": rows}})


def _statements(store: Store, page: PulledPage) -> list[str]:
    fired: list[str] = []

    def trace(conn) -> None:
        conn.connection.driver_connection.set_trace_callback(fired.append)

    sa.event.listen(store.engine, "begin", trace)
    try:
        apply_page(store, page)
    finally:
        sa.event.remove(store.engine, "begin", trace)
        for conn in store.engine.pool._pool.queue:  # the trace off on every pooled connection
            conn.driver_connection.set_trace_callback(None)
    return [s for s in fired if "evaluation" in s.split(" WHERE ")[0]
            and s.lstrip().upper().startswith(("INSERT", "UPDATE"))]


def test_each_update_trigger_of_the_forms_names_the_columns_its_when_compares(store):
    with store.read() as conn:
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'evaluation' AND sql LIKE '%AFTER UPDATE%'").fetchall()
    assert len(triggers) == 7
    for name, sql in triggers:
        named = sql.split("AFTER UPDATE OF ", 1)[1].split(" ON evaluation", 1)[0]
        when = sql.split(" WHEN ", 1)[1].split(" BEGIN ", 1)[0]
        compared = re.findall(r'OLD\.("?\w+"?) IS NOT NEW\.', when)
        assert named.split(", ") == list(dict.fromkeys(compared)), name


def test_a_pulled_form_whose_text_alone_changed_runs_no_counting_trigger(store):
    ids = _seed(store)
    with store.write("clerk") as w:
        for i in range(3):
            w.create(Evaluation, _values(ids, {**FORM, "form_no": str(i)}))

    run = _statements(store, _page(store, suggestion="更多便民窗口"))

    # one UPDATE of the two changed columns: none of the counting triggers is coded into it
    # SQLite traces each row's UPDATE again for each trigger it runs and its statements: the
    # UPDATE, the clerk figures' trigger (the text is keyed) and its two DELETEs, per form;
    # with every update trigger run (the upsert setting every column) it was ten a form.
    assert len(run) == 3 * 4
    assert {r.split(" WHERE ")[0] for r in run} == {
        'UPDATE evaluation SET "server_version" = 1, "suggestion" = \'更多便民窗口\''}
    with store.read() as conn:
        assert {r[0] for r in conn.exec_driver_sql("SELECT suggestion FROM evaluation")} == {
            "更多便民窗口"}
    assert_tally_matches_scan(store, ids)


def test_a_pulled_form_whose_level_changed_is_counted_again(store):
    ids = _seed(store)
    with store.write("clerk") as w:
        for _ in range(3):
            w.create(Evaluation, _values(ids, {**FORM, "form_no": "8"}))

    _statements(store, _page(store, level="dissatisfied", form_no="9"))

    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT level, count(*) FROM evaluation GROUP BY 1"
                                    ).fetchall() == [("dissatisfied", 3)]
        assert conn.exec_driver_sql("SELECT form_no, forms FROM duplicate_form_no"
                                    ).fetchall() == [("9", 3)]
    assert_tally_matches_scan(store, ids)


def test_a_pulled_form_unchanged_is_left_as_it_is(store):
    ids = _seed(store)
    with store.write("clerk") as w:
        w.create(Evaluation, _values(ids, FORM))
    page = _page(store)
    apply_page(store, page)
    columns = page.tables["evaluation"]["columns"]
    page.tables["evaluation"]["rows"][0][columns.index("voided")] = False  # as HQ's JSON has it

    assert _statements(store, page) == []  # nothing written
    assert_tally_matches_scan(store, ids)

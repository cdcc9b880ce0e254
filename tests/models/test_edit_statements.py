"""A user's edit and delete run statements built once per table, not built anew per save.

The live row's SELECT and the UPDATE by id were built on every save: ~0.3 ms of the device's
CPU a save in construction and cache keying (a clerk's every save; each round of the
50-device bench, issue 18). What a save does is unchanged: only the fields that differ are
written and stamped, the outbox has the change, a deleted row is a tombstone, a gone row is
refused.
"""

import json

import pytest
from sqlalchemy import event
from sqlalchemy.sql import ClauseElement

from models.errors import NotFoundError
from models.reference import Unit


def _statements(store, run) -> list[ClauseElement]:
    seen: list[ClauseElement] = []

    def keep(_conn, clause, *_):
        if isinstance(clause, ClauseElement):
            seen.append(clause)

    event.listen(store.engine, "before_execute", keep)
    try:
        run()
    finally:
        event.remove(store.engine, "before_execute", keep)
    return seen


def _edit(store, uid: str, changes: dict) -> None:
    with store.write("clerk") as w:
        w.update(Unit, uid, changes)


def test_a_second_edit_and_a_delete_run_only_statements_already_built(store):
    with store.write("clerk") as w:
        uid = w.create(Unit, {"name": "龙溪镇中心学校", "kind": "school"})
        other = w.create(Unit, {"name": "县人民医院", "kind": "hospital"})
    first = _statements(store, lambda: _edit(store, uid, {"name": "龙溪镇第一小学"}))
    second = _statements(store, lambda: _edit(store, other, {"kind": "department"}))
    built = {id(s) for s in first}
    assert second and all(id(s) in built for s in second), [
        str(s) for s in second if id(s) not in built]

    def delete():
        with store.write("clerk") as w:
            w.delete(Unit, uid)
    assert all(id(s) in built for s in _statements(store, delete))

    with store.read() as conn:
        rows = dict(conn.exec_driver_sql(
            "SELECT id, name || '|' || kind || '|' || (deleted_at IS NOT NULL) || '|' || "
            "updated_by FROM unit").fetchall())
        queued = {row_id: json.loads(fields) for row_id, fields in conn.exec_driver_sql(
            "SELECT row_id, fields FROM outbox WHERE op = 'update' ORDER BY seq")}
    assert rows[uid] == "龙溪镇第一小学|school|1|clerk"
    assert rows[other] == "县人民医院|department|0|clerk"
    assert queued == {uid: {"name": "龙溪镇第一小学"}, other: {"kind": "department"}}
    with pytest.raises(NotFoundError), store.write("clerk") as w:
        w.update(Unit, uid, {"name": "改名"})

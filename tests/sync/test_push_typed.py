"""A push batch of new forms is decoded and checked typed (sync/server/form_batch.py): HQ's
answer and the rows it stores are exactly what the ordinary decode and checks give, for a batch
taken whole, for one the typed decode takes but the loop treats row by row, and for one the
typed decode refuses (decoded again the ordinary way, every refusal worded as before)."""

import re

import msgspec
import orjson
import pytest
import sqlalchemy as sa

from models.ids import new_id
from sync import protocol
from sync.server import form_batch, merge
from sync.server import tables as T
from sync.server.form_batch import TypedForms
from sync.server.push import push_batch
from tests.sync import test_push_columnwise as columnwise
from tests.sync.helpers import form, seed_reference


def _through(decode, kinds: list[str]):
    """`push_batch` given the entries as HQ decodes a body of them with `decode`; the kind of
    each decoded batch is noted in `kinds`."""
    def push(db, who, entries, *args):
        batch = decode(msgspec.json.encode({"entries": entries}))
        kinds.append("typed" if isinstance(batch.entries, TypedForms) else "ordinary")
        return push_batch(db, who, batch.entries, *args)
    return push


@pytest.mark.parametrize("mix", ["plain", "typed", "all"])
def test_a_batch_of_new_forms_decoded_typed_gives_what_the_ordinary_decode_gives(
        hq, monkeypatch, mix):
    dev = hq.device("office", name="a")
    ids = seed_reference(dev)
    dev.sync()
    who = hq.identity(dev)
    kinds: list[str] = []
    checked: list[int] = []
    check_column_lists = merge.check_column_lists
    monkeypatch.setattr(merge, "check_column_lists", lambda spec, rows: (
        checked.append(len(rows)), check_column_lists(spec, rows))[1])
    monkeypatch.setattr(columnwise, "push_batch", _through(form_batch.parse_push_body, kinds))
    typed = columnwise._push(hq, who, ids, "xa", plain=mix == "plain", typed=mix == "typed")
    # the held form's batch, then the batch itself: refused by the typed decode only when it
    # holds a value of the wrong type, length or code
    assert kinds == ["typed", "ordinary" if mix == "all" else "typed"]
    if mix == "plain":  # checked while decoded, and taken whole
        assert checked == []
    monkeypatch.setattr(columnwise, "push_batch", _through(protocol.parse_push_body, kinds))
    ordinary = columnwise._push(hq, who, ids, "xb", plain=mix == "plain", typed=mix == "typed")
    assert typed == ordinary
    outcomes = orjson.loads(typed[0])["outcomes"]
    assert (outcomes == []) == (mix == "plain")


def _body(ids, first: int, row_ids: list[str], refused: str = "") -> bytes:
    """New forms numbered from `first`; the one of row id `refused` breaks a rule."""
    return msgspec.json.encode({"entries": [
        {"seq": first + k, "table": "evaluation", "row_id": rid, "op": "insert",
         "fields": {**form(ids, f"R-{rid[-6:]}"), "source": "paper",
                    **({"level": "dissatisfied"} if rid == refused else {})},
         "profile": "clerk"} for k, rid in enumerate(row_ids)]})


def _last_seq(hq, who) -> int:
    with hq.db.engine.connect() as conn:
        return conn.execute(sa.select(T.device.c.last_seq).where(
            T.device.c.id == who.id)).scalar() or 0


def test_a_typed_batch_partly_replayed_is_answered_as_the_ordinary_decode_answers_it(hq):
    """A retried batch of which HQ took the first entries already: those get their stored
    outcomes, the others are applied; a number reused by another entry is refused as before."""
    dev = hq.device("office", name="a")
    ids = seed_reference(dev)
    dev.sync()
    who = hq.identity(dev)
    first = _last_seq(hq, who) + 1
    rids = [new_id() for _ in range(7)]
    taken = form_batch.parse_push_body(_body(ids, first, rids[:3], rids[1]))
    assert isinstance(taken.entries, TypedForms)
    answers = [push_batch(hq.db, who, taken.entries).model_dump()]
    again = form_batch.parse_push_body(_body(ids, first + 1, rids[1:5], rids[1]))
    assert isinstance(again.entries, TypedForms)
    answers.append(push_batch(hq.db, who, again.entries).model_dump())
    copy = _body(ids, first + 4, rids[5:])  # entry first+4 is another one here
    answers.append(push_batch(hq.db, who, form_batch.parse_push_body(copy).entries)
                   .model_dump())
    # the same three pushes on a second device, decoded the ordinary way
    dev2 = hq.device("office", name="b")
    dev2.sync()
    who2 = hq.identity(dev2)
    first2 = _last_seq(hq, who2) + 1
    rids2 = [new_id() for _ in range(7)]
    ordinary = [push_batch(hq.db, who2, protocol.parse_push_body(
        _body(ids, first2, rids2[:3], rids2[1])).entries).model_dump()]
    ordinary.append(push_batch(hq.db, who2, protocol.parse_push_body(
        _body(ids, first2 + 1, rids2[1:5], rids2[1])).entries).model_dump())
    ordinary.append(push_batch(hq.db, who2, protocol.parse_push_body(
        _body(ids, first2 + 4, rids2[5:])).entries).model_dump())

    def shown(answer: dict, first: int, rids: list[str]) -> str:
        text = orjson.dumps(answer).decode()
        for k, rid in enumerate(rids):
            text = text.replace(rid, f"row{k}")
        return re.sub(r'("seq":|"acked_through":|numbered )(\d+)',
                      lambda m: f'{m[1]}+{int(m[2]) - first}', text)

    assert [shown(a, first, rids) for a in answers] == \
        [shown(a, first2, rids2) for a in ordinary]
    # the replayed entry's stored outcome, then the batch's own entries applied
    assert answers[1]["acked_through"] == first + 4
    assert [(o["seq"], o["code"]) for o in answers[1]["outcomes"]] == [
        (first + 1, "reason_required")]
    assert [o["code"] for o in answers[2]["outcomes"]] == [protocol.SEQUENCE_REUSED]
    held = hq.rows("evaluation")
    assert [r in held for r in rids] == [r in held for r in rids2] == [
        True, False, True, True, True, False, False]


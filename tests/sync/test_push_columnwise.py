"""A push batch of new forms goes column by column from the check to the insert
(`merge._new_forms`): every outcome and every row HQ stores is what the general per-entry path
gives, for plain forms and for every kind of form that path treats apart (refused by a column,
by a domain rule or for its `created_at`, already held, twice in the batch, a paper number held
at HQ or earlier in the batch, voided, no number, a `created_at` not in the store's form)."""

import re

import orjson
import sqlalchemy as sa

from models import rules
from models.ids import new_id
from models.tables import SYNCED_TABLES
from sync.protocol import PushEntry
from sync.server import merge
from sync.server import tables as T
from sync.server.push import push_batch
from tests.sync.helpers import form, seed_reference

CREATED = "2026-03-01 09:00:00.000001"


def _next_seq(hq, who) -> int:
    with hq.db.engine.connect() as conn:
        last = conn.execute(sa.select(T.device.c.last_seq).where(
            T.device.c.id == who.id)).scalar()
    return (last or 0) + 1


def _entry(ids, seq: int, row_id: str, form_no: str | None, **kw) -> PushEntry:
    fields = {**form(ids, form_no), "id": row_id, "source": "paper", "voided": False,
              "created_at": CREATED, "reason": "", "suggestion": "", "void_reason": "",
              "discipline": None, "law": None, "service": None, "integrity": None,
              "efficiency": None, "created_by": "clerk", **kw}
    return PushEntry(seq=seq, table="evaluation", row_id=row_id, op="insert", fields=fields,
                     profile="clerk")


def _push(hq, who, ids, tag: str, plain: bool = False,
          typed: bool = False) -> tuple[str, list[tuple]]:
    """A batch of every kind of new form; HQ's answer and its rows, with the run's own ids
    and numbers written as labels (the two runs differ only in those; `tag` starts with a
    letter no id holds). `plain`: only forms taken as they come; `typed`: only forms whose
    every field has the right type, length and code (sync/server/form_batch.py decodes such
    a batch typed), of every kind the loop treats apart."""
    label: dict[str, str] = {}

    def rid(name: str) -> str:
        label[name] = new_id()
        return label[name]

    known = rid("known")
    push_batch(hq.db, who, [_entry(ids, _next_seq(hq, who), known, f"{tag}-held")])
    g2 = rid("g2")
    kinds = [
        (rid("g1"), f"{tag}-1", {}),
        (rid("rule"), f"{tag}-r", {"level": "dissatisfied"}),  # a reason is required
        (rid("column"), f"{tag}-c", {"level": "great"}),
        (rid("created"), f"{tag}-t", {"created_at": "yesterday"}),
        (known, f"{tag}-k", {}),  # HQ holds it
        (g2, f"{tag}-2", {}),
        (g2, f"{tag}-3", {}),  # twice in the batch
        (rid("held"), f"{tag}-held", {}),  # the number of a form HQ holds
        (rid("again"), f"{tag}-1", {}),  # the number of a form earlier in the batch
        (rid("voided"), f"{tag}-1", {"voided": True, "void_reason": "torn"}),
        (rid("iso"), f"{tag}-i", {"created_at": "2026-03-01T10:00:00+02:00"}),
        (rid("none"), None, {}),
        (rid("unhashable"), f"{tag}-u", {"unit_id": ["x"]}),
        (rid("g3"), f"{tag}-4", {"reason": "slow", "level": "dissatisfied"}),
        (rid("number"), f"{tag}-5", {"reason": 5, "level": "dissatisfied"}),
        # each refused by a column tested as a whole: a NUL, too long, None where true/false
        # belongs, a code outside its list in a column of unset scores, a number for text
        (rid("nul"), f"{tag}-6", {"suggestion": "a\x00b"}),
        (rid("long"), f"{tag}-7", {"suggestion": "x" * (rules.NOTE_CHARS + 1)}),
        (rid("unset"), f"{tag}-8", {"voided": None}),
        (rid("code"), f"{tag}-9", {"discipline": "great"}),
        (rid("numeric"), 7, {}),
    ]
    if plain:  # only rows the column pass takes as they come
        kinds = [
            (rid("p1"), f"{tag}-1", {}),
            (rid("p2"), f"{tag}-2", {"reason": "slow", "level": "dissatisfied"}),
            (rid("v1"), f"{tag}-1", {"voided": True, "void_reason": "torn"}),
            (rid("v2"), f"{tag}-1", {"voided": True, "void_reason": "wet"}),
            (rid("v3"), f"{tag}-held", {"voided": True, "void_reason": "torn"}),
            (rid("n1"), None, {}),
            (rid("n2"), None, {}),
            (rid("iso"), f"{tag}-i", {"created_at": "2026-03-01T10:00:00+02:00"}),
            (rid("p3"), f"{tag}-3", {"created_at": None}),
            (rid("p4"), f"{tag}-4", {"discipline": "satisfied"}),  # among unset scores
        ]
    if typed:  # the kinds above up to "none" whose every value is well typed (not the code)
        kinds = [k for k in kinds[:kinds.index((label["none"], None, {})) + 1]
                 if k[0] != label["column"]]
    seq = _next_seq(hq, who)
    result = push_batch(hq.db, who, [_entry(ids, seq + k, row_id, number, **kw)
                                     for k, (row_id, number, kw) in enumerate(kinds)])
    ev = SYNCED_TABLES["evaluation"].__table__
    with hq.db.engine.connect() as conn:
        rows = conn.execute(sa.select(ev).where(ev.c.id.in_(list(label.values())))
                            .order_by(ev.c.server_version)).mappings().all()

    def labelled(text: str) -> str:
        for name, row_id in label.items():
            text = text.replace(row_id, name)
        text = text.replace(f"{tag}-", "T-")
        return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID",
                      text)

    doc = orjson.loads(result.model_dump_json())  # numbers from the batch's first
    doc["acked_through"] -= seq
    for o in doc["outcomes"]:
        o["seq"] -= seq
    answer = labelled(orjson.dumps(doc).decode())
    stored = [labelled(orjson.dumps({k: "the push's time" if k == "created_at" and
                                     v == r["updated_at"] else v for k, v in r.items()
                                     if k not in ("updated_at", "server_version")},
                                    default=str).decode()) for r in rows]
    return answer, stored


def test_a_batch_of_new_forms_column_by_column_gives_what_entry_by_entry_gives(hq,
                                                                             monkeypatch):
    dev = hq.device("office", name="a")
    ids = seed_reference(dev)
    dev.sync()
    who = hq.identity(dev)
    written: list[int] = []
    insert_columns = merge.insert_columns
    monkeypatch.setattr(merge, "insert_columns", lambda conn, table, columns, n: (
        written.append(n), insert_columns(conn, table, columns, n)))
    columnwise = _push(hq, who, ids, "xa")
    assert written and written[-1] > 0  # the batch took the column-wise path
    monkeypatch.setattr(merge, "_new_forms", lambda ctx, entries, pre=None: None)
    general = _push(hq, who, ids, "xb")
    assert columnwise == general
    answer = orjson.loads(columnwise[0])
    codes = [(o["row_id"], o["status"], o["code"]) for o in answer["outcomes"]]
    assert codes == [("rule", "rejected", "reason_required"),
                     ("column", "rejected", "invalid"),
                     ("created", "rejected", "invalid"),
                     ("known", "duplicate", "exists"),
                     ("g2", "duplicate", "exists"),
                     ("held", "conflict", "duplicate_form_number"),
                     ("again", "conflict", "duplicate_form_number"),
                     ("unhashable", "rejected", "invalid"),
                     ("number", "rejected", "invalid"),
                     ("nul", "rejected", "invalid"),
                     ("long", "rejected", "too_long"),
                     ("unset", "rejected", "invalid"),
                     ("code", "rejected", "invalid"),
                     ("numeric", "rejected", "invalid")]
    assert len(columnwise[1]) == 9  # known, g1, g2, held, again, voided, iso, none, g3


def test_a_batch_of_plain_new_forms_taken_whole_gives_what_entry_by_entry_gives(hq,
                                                                               monkeypatch):
    """No row held, twice, refused or holding a taken number (voided forms sharing one, forms
    without a number, a `created_at` in another form or none): the batch is written as it came,
    with the same rows and answer as the loop row by row and the general path give."""
    dev = hq.device("office", name="a")
    ids = seed_reference(dev)
    dev.sync()
    who = hq.identity(dev)
    whole: list[bool] = []
    all_new = merge._all_new
    monkeypatch.setattr(merge, "_all_new", lambda *a: whole.append(all_new(*a)) or whole[-1])
    taken = _push(hq, who, ids, "xa", plain=True)
    assert whole == [True, True]  # the known form's batch, then this one
    monkeypatch.setattr(merge, "_all_new", lambda *a: False)  # the loop, row by row
    looped = _push(hq, who, ids, "xb", plain=True)
    monkeypatch.setattr(merge, "_new_forms", lambda ctx, entries, pre=None: None)
    general = _push(hq, who, ids, "xc", plain=True)
    assert taken == looped == general
    assert orjson.loads(taken[0])["outcomes"] == []
    assert len(taken[1]) == 11  # the known form and the ten
    stored = {r.split('"id":"')[1].split('"')[0]: r for r in taken[1]}
    assert '"created_at":"2026-03-01T08:00:00+00:00"' in stored["iso"]
    assert '"created_at":"the push\'s time"' in stored["p3"]


def test_a_device_pushes_new_rows_without_the_fields_hq_stamps_and_hq_stores_them(hq):
    """The id, the making device and profile are not in a pushed new row (HQ sets them from
    the entry and the device it authenticated); HQ's row has them as before."""
    from sync.client.outbox import read_batch

    dev = hq.device("office", name="a")
    ids = seed_reference(dev)
    dev.sync()
    with dev.write("clerk-7") as w:
        w.create_many(SYNCED_TABLES["evaluation"], [form(ids, f"S-{i}") for i in range(3)])
    entries, _ = read_batch(dev.store, 100, 10**6)
    sent = orjson.loads(orjson.dumps({"entries": entries}))["entries"]  # as the body carries them
    assert len(sent) == 3 and all(
        not {"id", "created_device", "created_by"} & set(e["fields"]) and
        e["fields"]["created_at"] for e in sent)
    dev.sync()
    mine = {e["row_id"]: e for e in entries}
    held = {k: r for k, r in hq.rows("evaluation").items() if k in mine}
    assert len(held) == 3 and all(
        r["id"] == k and r["created_device"] == dev.store.device_id and
        r["created_by"] == "clerk-7" for k, r in held.items())
    local = dev.rows("evaluation")
    assert all(str(held[k]["created_at"])[:19] == str(local[k]["created_at"])[:19]
               for k in held)

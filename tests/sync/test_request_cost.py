"""What one sync request costs HQ (issue 18 §3), with every check still made: a push is one
transaction (its token checked again inside it, so a device revoked, retired or expired a moment
ago still pushes nothing), and a one-record pull reads the tables that changed, not all of them.
On SQLite and PostgreSQL."""

from datetime import timedelta

import httpx
import orjson
import pytest
import sqlalchemy as sa

from models.ids import new_id
from models.records import Evaluation
from models.timeutil import utcnow
from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import admin, pull
from sync.server import tables as T
from tests.sync.helpers import form, seed_reference
from tests.sync.test_faults import _SyncASGI, _token


@pytest.fixture
def office(hq):
    """An office laptop with the county's reference data at HQ, and a client holding its
    access token, which has just been checked (a pull)."""
    laptop = hq.device("office", name="front-desk")
    ids = seed_reference(laptop)
    laptop.sync()
    http = httpx.Client(transport=_SyncASGI(hq.app), base_url="http://hq.test")
    http.headers.update({SCHEMA_HEADER: str(SCHEMA_VERSION),
                         "Authorization": f"Bearer {_token(laptop, hq)}"})
    assert http.get("/v1/pull").status_code == 200
    return laptop, ids, http


def _push_form(http: httpx.Client, ids: dict, seq: int, form_no: str) -> httpx.Response:
    row_id = new_id()
    fields = {**form(ids, form_no), "id": row_id, "source": "paper", "voided": False}
    return http.post("/v1/push", content=orjson.dumps({"entries": [{
        "seq": seq, "table": "evaluation", "row_id": row_id, "op": "insert",
        "fields": fields, "base_version": None, "profile": "clerk"}]}))


def _next_seq(hq, laptop) -> int:
    with hq.db.engine.connect() as conn:
        last = conn.execute(sa.select(T.device.c.last_seq).where(
            T.device.c.store_device_id == laptop.store.device_id)).scalar()
    return (last or 0) + 1


def _forms_at_hq(hq, form_no: str) -> int:
    return sum(1 for r in hq.rows("evaluation").values() if r["form_no"] == form_no)


def test_a_push_from_a_device_just_checked_takes_one_transaction(hq, office):
    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    checkouts = []

    def counted(*_args):
        checkouts.append(1)

    sa.event.listen(hq.db.engine, "checkout", counted)
    try:
        pushed = _push_form(http, ids, seq, "A-1")
    finally:
        sa.event.remove(hq.db.engine, "checkout", counted)
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    assert len(checkouts) == 1  # the token's check rides in the push's own transaction
    assert _forms_at_hq(hq, "A-1") == 1


@pytest.mark.parametrize("change", ["revoked", "retired", "expired"])
def test_a_push_right_after_the_device_lost_its_right_applies_nothing(hq, office, change):
    """The token was found valid a moment ago (the pull): the push is still refused if HQ
    revoked the device, retired it or the token expired since."""
    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    if change == "revoked":
        admin.revoke_device(hq.db, "front-desk")
    else:
        with hq.db.engine.begin() as conn:
            tokens = T.access_token
            if change == "retired":  # what `confirm_retired` leaves: no credential, no token
                conn.execute(tokens.delete())
            else:
                conn.execute(tokens.update().values(expires_at=utcnow() - timedelta(seconds=1)))
    refused = _push_form(http, ids, seq, "B-1")
    expected = {"revoked": "revoked", "retired": "invalid", "expired": "expired"}[change]
    assert (refused.status_code, refused.json()["code"]) == (401, expected)
    assert _forms_at_hq(hq, "B-1") == 0
    assert _next_seq(hq, laptop) == seq  # the device's sequence did not move


def test_a_one_record_pull_reads_only_the_table_that_changed(hq, office, monkeypatch):
    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    with laptop.write() as w:
        w.create(Evaluation, form(ids, "C-1"))
    laptop.sync()
    read = []
    real = pull._fetch_sql
    monkeypatch.setattr(pull, "_fetch_sql", lambda name, mark: read.append(name) or real(
        name, mark))
    page = http.get("/v1/pull", params={"cursor": cursor}).json()
    assert [r[page["tables"]["evaluation"]["columns"].index("form_no")]
            for r in page["tables"]["evaluation"]["rows"]] == ["C-1"]
    assert read == ["evaluation"]
    # and nothing after the new cursor: no table read at all
    read.clear()
    again = http.get("/v1/pull", params={"cursor": page["cursor"]}).json()
    assert again["tables"] == {} and read == []


def test_a_push_and_a_pull_each_take_one_trip_to_the_thread_pool(hq, office, monkeypatch):
    """The header checks (schema, token's form, the database handle) run on the event loop:
    each trip to the thread pool is a hand-over between threads that HQ pays per request."""
    import anyio.to_thread

    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    trips = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func, *args, **kw):
        trips.append(getattr(func, "__name__", repr(func)))
        return await run_sync(func, *args, **kw)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    pushed = _push_form(http, ids, seq, "T-1")
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    assert len(trips) == 1, trips  # the push itself
    trips.clear()
    assert http.get("/v1/pull").status_code == 200
    assert len(trips) == 1, trips  # the page itself


def test_a_push_with_its_page_riding_takes_one_trip_to_the_thread_pool(hq, office, monkeypatch):
    """A one-record round (the push, the first pull page riding on it) hands over to the
    thread pool once, and still answers the page: the push's form is in it."""
    import anyio.to_thread

    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    seq = _next_seq(hq, laptop)
    trips = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func, *args, **kw):
        trips.append(getattr(func, "__name__", repr(func)))
        return await run_sync(func, *args, **kw)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    row_id = new_id()
    fields = {**form(ids, "T-2"), "id": row_id, "source": "paper", "voided": False}
    pushed = http.post("/v1/push", content=orjson.dumps({"entries": [{
        "seq": seq, "table": "evaluation", "row_id": row_id, "op": "insert", "fields": fields,
        "base_version": None, "profile": "clerk"}], "pull": {"cursor": cursor}}))
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    page = pushed.json()["page"]
    table = page["tables"]["evaluation"]
    assert [r[table["columns"].index("form_no")] for r in table["rows"]] == ["T-2"]
    assert len(trips) == 1, trips
    # the gate was let go: the next push goes through
    again = _push_form(http, ids, seq + 1, "T-3")
    assert again.status_code == 200 and again.json()["outcomes"] == []


def test_a_one_form_push_checks_the_device_and_writes_its_sequence_without_compiling(hq, office):
    """HQ's per-push statements (the device's row with its token check, the counter, the
    device's sequence and sync time) go to the driver as text made once: none of them is
    compiled by SQLAlchemy per push (issue 18 §2), and the push still lands with its
    sequence and sync time."""
    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    compiled: list[str] = []

    def counted(conn, _cursor, statement, _params, context, _many):
        if context is not None and context.compiled is not None:
            compiled.append(statement.split()[0] + " " + " ".join(
                w for w in statement.split() if w.startswith("sync_"))[:80])

    before = utcnow()
    sa.event.listen(hq.db.engine, "before_cursor_execute", counted)
    try:
        pushed = _push_form(http, ids, seq, "D-1")
    finally:
        sa.event.remove(hq.db.engine, "before_cursor_execute", counted)
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    assert not [s for s in compiled if "sync_device" in s or "sync_counter" in s], compiled
    assert _forms_at_hq(hq, "D-1") == 1
    with hq.db.engine.connect() as conn:
        last_seq, last_sync_at = conn.execute(sa.select(
            T.device.c.last_seq, T.device.c.last_sync_at).where(
            T.device.c.store_device_id == laptop.store.device_id)).one()
    assert last_seq == seq and last_sync_at >= before.replace(microsecond=0)

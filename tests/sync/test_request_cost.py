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
from models.reference import Campaign
from models.timeutil import utcnow
from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import admin, fast_path, pull
from sync.server import tables as T
from tests.sync.helpers import HQ_ON_POSTGRESQL_ONLY, count_round_trips, form, seed_reference
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
    # no table read on a guess (PostgreSQL; tested with the guess below)
    monkeypatch.setattr(pull, "_guessing", lambda changed: None)
    monkeypatch.setattr(pull, "_GUESS", ())
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


@HQ_ON_POSTGRESQL_ONLY
def test_a_one_record_round_waits_on_postgresql_three_times(hq, office, monkeypatch):
    """A device's one-record round (a new form pushed, the first pull page riding on it)
    against a PostgreSQL HQ: each exchange with the database makes the request wait and, under
    load, costs HQ's worker a fresh turn at the GIL (issue 18 §3). The push: its BEGIN with
    the device's check and, behind it, the row's prefetch with the paper number's lock and
    holders; the row's INSERT with the digest, the stamping and the COMMIT; the page, the
    forms being the guess (`pull._GUESS`, what this process's last pages found changed): its
    BEGIN, the probe, the forms' read and the COMMIT. Fourteen before, then seven (the row by
    a COPY of two), then five, then three. The device still gets its form back in the page
    and HQ holds it once."""
    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    cursor = http.get("/v1/pull").json()["cursor"]
    monkeypatch.setattr(pull, "_GUESS", ("evaluation",))
    trips = count_round_trips(monkeypatch)
    row_id = new_id()
    fields = {**form(ids, "R-1"), "id": row_id, "source": "paper", "voided": False}
    answer = http.post("/v1/push", content=orjson.dumps({"entries": [{
        "seq": seq, "table": "evaluation", "row_id": row_id, "op": "insert", "fields": fields,
        "base_version": None, "profile": "clerk"}], "pull": {"cursor": cursor, "limit": 100}}))
    assert answer.status_code == 200, answer.text
    assert len(trips) == 3, " ".join(trips)
    page = answer.json()["page"]["tables"]["evaluation"]
    assert [r[page["columns"].index("id")] for r in page["rows"]] == [row_id]
    assert _forms_at_hq(hq, "R-1") == 1


@HQ_ON_POSTGRESQL_ONLY
@pytest.mark.parametrize("guess", [("evaluation",), ("campaign",), ("unit", "evaluation")])
def test_a_page_made_on_a_guess_holds_what_the_page_made_without_one_holds(hq, office,
                                                                          monkeypatch, guess):
    """A pull's page reads the guessed tables with its probe and commits (one round trip,
    PostgreSQL); when the probe finds another table changed too, the page is made again the
    two-trip way in a fresh snapshot. Either way it holds what the page made without a guess
    holds: the same rows of every changed table, the same cursor."""
    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    with laptop.write() as w:
        w.create(Evaluation, form(ids, "G-1"))
        w.update(Campaign, ids["campaign"], {"name": "2026 drive (spring)"})
        w.create(Evaluation, form(ids, "G-2"))
    laptop.sync()
    trips = count_round_trips(monkeypatch)  # (a pull's token check is a statement alone)
    monkeypatch.setattr(pull, "_GUESS", ())
    plain = http.get("/v1/pull", params={"cursor": cursor}).json()
    assert set(plain["tables"]) == {"evaluation", "campaign"}
    assert trips.count("statements") == 2, trips  # the probe, then the reads with the COMMIT
    monkeypatch.setattr(pull, "_GUESS", guess)
    trips.clear()
    guessed = http.get("/v1/pull", params={"cursor": cursor}).json()
    assert guessed == plain
    assert trips.count("statements") == 3, trips  # missed: its trip, then the two as above
    assert set(pull._GUESS) == {"evaluation", "campaign"}  # what the probe found, for the next
    # a guess that holds: one trip, the same page
    trips.clear()
    assert http.get("/v1/pull", params={"cursor": cursor}).json() == plain
    assert trips.count("statements") == 1, trips
    # nothing new: the guessed tables read nothing, the page is empty, one trip
    trips.clear()
    empty = http.get("/v1/pull", params={"cursor": plain["cursor"]}).json()
    assert (empty["tables"], empty["cursor"]) == ({}, plain["cursor"])
    assert trips.count("statements") == 1, trips


def _count_trips(monkeypatch) -> list[str]:
    """The functions the requests hand over to the thread pool from now on, in order."""
    import anyio.to_thread

    trips = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func, *args, **kw):
        trips.append(getattr(func, "__name__", repr(func)))
        return await run_sync(func, *args, **kw)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    return trips


def test_a_push_and_a_pull_each_take_one_trip_to_the_thread_pool(hq, office, monkeypatch):
    """The header checks (schema, token's form, the database handle) run on the event loop:
    each trip to the thread pool is a hand-over between threads that HQ pays per request."""
    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    trips = _count_trips(monkeypatch)
    pushed = _push_form(http, ids, seq, "T-1")
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    assert len(trips) == 1, trips  # the push itself
    trips.clear()
    assert http.get("/v1/pull").status_code == 200
    assert len(trips) == 1, trips  # the page itself


def test_a_push_with_its_page_riding_takes_one_trip_to_the_thread_pool(hq, office, monkeypatch):
    """A one-record round (the push, the first pull page riding on it) hands over to the
    thread pool once, and still answers the page: the push's form is in it."""
    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    seq = _next_seq(hq, laptop)
    trips = _count_trips(monkeypatch)
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


_SYNC_ROUTES = [("POST", "/v1/push"), ("GET", "/v1/pull"), ("POST", "/v1/pull")]


def test_a_push_and_a_pull_each_resolve_one_dependency(hq, office, monkeypatch):
    """FastAPI solves a route's dependency tree on the event loop for every request; for a
    push that was nearly half of the loop's CPU (check_schema, get_db, bearer, pushing_device
    and their two header parameters). The push and the pull now resolve ONE dependency that
    reads the headers itself (the route, then it: two solves), and `/docs` still shows the
    same two headers for them. Served, they are answered from the ASGI scope and solve none."""
    import fastapi.dependencies.utils as fastapi_deps
    import fastapi.routing as fastapi_routing

    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    solved = []
    real = fastapi_deps.solve_dependencies

    async def counted(*args, dependant, **kw):
        solved.append(getattr(dependant.call, "__name__", repr(dependant.call)))
        return await real(*args, dependant=dependant, **kw)

    monkeypatch.setattr(fastapi_deps, "solve_dependencies", counted)
    monkeypatch.setattr(fastapi_routing, "solve_dependencies", counted)
    # Served from the ASGI scope (sync/server/fast_path.py): no dependency solved at all.
    seq = _next_seq(hq, laptop)
    pushed = _push_form(http, ids, seq, "D-0")
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    page = http.get("/v1/pull", params={"cursor": cursor})
    assert page.status_code == 200 and "evaluation" in page.json()["tables"]
    assert http.post("/v1/pull", json={"cursor": cursor}).status_code == 200
    assert solved == []
    # Their FastAPI routes (what a request FastAPI must judge goes to): one dependency each.
    monkeypatch.setattr(fast_path, "FAST", {})
    pushed = _push_form(http, ids, seq + 1, "D-1")
    assert pushed.status_code == 200 and pushed.json()["outcomes"] == []
    assert solved == ["push", "pushing_caller"]
    solved.clear()
    page = http.get("/v1/pull", params={"cursor": cursor})
    assert page.status_code == 200 and "evaluation" in page.json()["tables"]
    assert solved == ["pull", "pulling_caller"]
    solved.clear()
    assert http.post("/v1/pull", json={"cursor": cursor}).status_code == 200
    assert solved == ["pull_reporting", "pulling_caller"]
    monkeypatch.undo()
    paths = hq.app.openapi()["paths"]
    for method, path in _SYNC_ROUTES:
        documented = {(p["in"], p["name"]) for p in paths[path][method.lower()]["parameters"]}
        assert {("header", "x-fieldinspect-schema"), ("header", "authorization")} <= documented


@pytest.mark.parametrize(("method", "path"), _SYNC_ROUTES)
def test_the_push_and_pull_checks_come_in_the_same_order(hq, office, method, path):
    """The schema first (nothing read for an app outside HQ's window, whatever its token),
    then the token's form, then the token itself; a refusal writes nothing."""
    laptop, ids, http = office
    seq = _next_seq(hq, laptop)
    body = orjson.dumps({"entries": [{"seq": seq, "table": "evaluation", "row_id": new_id(),
                                      "op": "insert", "fields": {}}]}) if path == "/v1/push" \
        else b"{}"

    def send(headers: dict) -> httpx.Response:
        request = http.build_request(method, path, content=None if method == "GET" else body,
                                     headers={"Content-Type": "application/json"})
        for name, value in headers.items():
            if value is None:
                del request.headers[name]
            else:
                request.headers[name] = value
        return http.send(request)

    def refusal(headers: dict) -> tuple[int, str]:
        answer = send(headers)
        return answer.status_code, answer.json()["code"]

    assert refusal({SCHEMA_HEADER: None, "Authorization": None}) == (400, "schema_missing")
    assert refusal({SCHEMA_HEADER: "1", "Authorization": "Bearer nope"}) == (426, "update_app")
    assert refusal({"Authorization": None}) == (401, "invalid")
    assert refusal({"Authorization": "Basic abc"}) == (401, "invalid")
    assert refusal({"Authorization": "Bearer not-a-token"}) == (401, "invalid")
    assert _next_seq(hq, laptop) == seq


def test_a_pull_checks_its_token_without_compiling(hq, office):
    """The token check of a pull (every pull, and every request but a push) goes to the
    driver as text made once, as the push's does (issue 18): nothing touching the devices or
    their tokens is compiled per pull; and a token HQ no longer holds is still refused."""
    laptop, _ids, http = office
    compiled: list[str] = []

    def counted(conn, _cursor, statement, _params, context, _many):
        if context is not None and context.compiled is not None:
            compiled.append(statement)

    sa.event.listen(hq.db.engine, "before_cursor_execute", counted)
    try:
        pulled = http.get("/v1/pull")
    finally:
        sa.event.remove(hq.db.engine, "before_cursor_execute", counted)
    assert pulled.status_code == 200
    assert not [s for s in compiled if T.device.name in s or T.access_token.name in s], compiled
    with hq.db.engine.begin() as conn:
        conn.execute(T.access_token.delete())
    refused = http.get("/v1/pull")
    assert refused.status_code == 401 and refused.json()["code"] == "invalid", refused.text


def test_a_page_carries_each_timestamp_as_the_pushing_store_wrote_it(hq, office):
    """A page's timestamps are the store's text to the microsecond, `.000000` included, on
    both HQs: PostgreSQL hands them over as that text (`pull._fetch_sql`), not as datetimes
    formatted back in Python (issue 18 §3)."""
    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    seq = _next_seq(hq, laptop)
    written = {"U-1": "2026-03-01 09:00:00.000000", "U-2": "2026-03-01 23:59:59.123456"}
    for i, (form_no, at) in enumerate(written.items()):
        row_id = new_id()
        fields = {**form(ids, form_no), "id": row_id, "source": "paper", "voided": False,
                  "created_at": at}
        answer = http.post("/v1/push", content=orjson.dumps({"entries": [{
            "seq": seq + i, "table": "evaluation", "row_id": row_id, "op": "insert",
            "fields": fields, "base_version": None, "profile": "clerk"}]}))
        assert answer.status_code == 200 and answer.json()["outcomes"] == [], answer.text
    page = http.get("/v1/pull", params={"cursor": cursor}).json()["tables"]["evaluation"]
    cols = page["columns"]
    got = {r[cols.index("form_no")]: r for r in page["rows"]}
    assert {n: got[n][cols.index("created_at")] for n in written} == written
    for row in got.values():  # HQ's own stamps in the same text
        for name in ("updated_at", "created_at"):
            assert len(row[cols.index(name)]) == 26 and row[cols.index(name)][19] == "."
        assert row[cols.index("deleted_at")] is None


@HQ_ON_POSTGRESQL_ONLY
def test_a_page_from_postgresql_builds_no_column_descriptions(hq, office, monkeypatch):
    """The statements sent together (`pg_together`) hand their rows back without building
    psycopg's description of every column of every read (~25 objects for a page of forms,
    each paid in HQ's CPU per round); the page still has its form."""
    from psycopg import _column

    laptop, ids, http = office
    cursor = http.get("/v1/pull").json()["cursor"]
    assert _push_form(http, ids, _next_seq(hq, laptop), "V-1").json()["outcomes"] == []
    built = []
    real = _column.Column.__init__
    monkeypatch.setattr(_column.Column, "__init__",
                        lambda self, *a, **k: built.append(1) or real(self, *a, **k))
    page = http.get("/v1/pull", params={"cursor": cursor}).json()["tables"]["evaluation"]
    assert [r[page["columns"].index("form_no")] for r in page["rows"]] == ["V-1"]
    # the token's check and the scope (SQLAlchemy) describe their few columns; the forms'
    # read none of its 25 (before: 25, and 2 for the probe)
    assert 0 < len(built) < len(page["columns"])

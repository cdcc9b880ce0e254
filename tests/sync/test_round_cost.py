"""A one-record round costs one request each way and one commit on each side (issue 18 §2).

Device A saves one form and syncs; device B syncs and has it. Each round is counted: the HTTP
requests the device makes (its push, the first pull page riding on it, or its pull alone; the
audit head and the device's status ride on them), the transactions that wrote something on the
device, and those at HQ.
"""

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from models.errors import SyncError
from models.records import Evaluation
from sync.client import engine as engine_module
from sync.client.engine import SyncEngine
from tests.sync.helpers import FAST_RETRY, form, run, seed_reference


class Commits:
    """Counts the committed transactions of an engine that changed something. SQLite says
    exactly (`total_changes` at begin and at commit); on PostgreSQL a transaction counts when
    a statement that writes ran in it."""

    def __init__(self, engine: sa.Engine):
        self.count = 0
        self._at_begin: dict[int, int] = {}
        self._wrote: set[int] = set()
        self.sqlite = engine.dialect.name == "sqlite"
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "after_cursor_execute", self._statement)

    def _begin(self, conn) -> None:
        if self.sqlite:
            self._at_begin[id(conn)] = conn.connection.driver_connection.total_changes
        self._wrote.discard(id(conn))

    def _statement(self, conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            self._wrote.add(id(conn))

    def _commit(self, conn) -> None:
        if self.sqlite:
            wrote = conn.connection.driver_connection.total_changes != self._at_begin.get(
                id(conn))
        else:
            wrote = id(conn) in self._wrote
        self.count += wrote

    def take(self) -> int:
        count, self.count = self.count, 0
        return count


def _requests(dev) -> list[str]:
    calls, dev.transport.requests[:] = list(dev.transport.requests), []
    return [f"{method} {path}" for method, path in calls]


def test_a_pulled_page_does_not_look_up_the_stores_schema_each_round(hq):
    """Whether the store keeps the form counts is read once per connection, not twice per
    pulled page: a one-record round reads nothing from sqlite_master on either device."""
    a, b = hq.device("hq", name="a"), hq.device("hq", name="b")
    ids = seed_reference(a)
    for dev in (a, b, a, b):
        dev.sync()
    schema_reads = []
    for dev in (a, b):
        event.listen(dev.store.engine, "before_cursor_execute",
                     lambda _c, _cur, statement, *_: schema_reads.append(statement)
                     if "sqlite_master" in statement else None)
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "SCHEMA"))
    assert a.sync().pushed == 1 and b.sync().pulled == 1
    with b.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM evaluation WHERE id = ?",
                                    (fid,)).scalar() == 1
    assert schema_reads == []


@pytest.mark.parametrize("role", ["hq", "office"])
def test_a_one_record_round_is_one_request_and_one_commit_each_side(hq, role):
    a, b = hq.device(role, name="a"), hq.device(role, name="b")
    ids = seed_reference(a)
    a.sync()
    b.sync()
    a.sync()  # the first rounds fetch tokens and settle what enrolment queued
    at_a, at_b, at_hq = Commits(a.store.engine), Commits(b.store.engine), Commits(hq.db.engine)
    _requests(a), _requests(b)

    with a.write() as w:  # the user's save: its own commit, not the round's
        fid = w.create(Evaluation, form(ids, "ONE"))
    assert at_a.take() == 1

    report = a.sync()
    assert report.pushed == 1 and report.pulled == 1
    assert _requests(a) == ["POST /v1/push"]  # the pull page rides on the push's answer
    assert (at_a.take(), at_hq.take()) == (1, 1)

    report = b.sync()
    assert report.pulled == 1 and fid in b.rows("evaluation")
    assert _requests(b) == ["POST /v1/pull"]
    assert (at_b.take(), at_hq.take()) == (1, 1)


def test_a_pushing_round_gets_what_other_devices_sent_in_the_pushs_answer(hq):
    """The pull page riding on the push is made after the push committed: it brings another
    device's form and HQ's own answer to the push, as a pull sent after it would; a round with
    more than one page pulls the rest on its own."""
    a, b = hq.device("office", name="a"), hq.device("office", name="b")
    ids = seed_reference(a)
    for dev in (a, b, a):
        dev.sync()
    with b.write() as w:
        theirs = w.create(Evaluation, form(ids, "B1"))
    b.sync()
    _requests(a)
    with a.write() as w:
        mine = w.create(Evaluation, form(ids, "A1"))
    report = a.sync()
    assert report.pushed == 1 and report.pulled >= 1
    assert {theirs, mine} <= set(a.rows("evaluation"))
    assert _requests(a) == ["POST /v1/push"]
    assert a.sync().pulled == 0  # nothing new: the riding page's cursor was kept

    a.engine.page_limit = 1
    with b.write() as w:
        more = [w.create(Evaluation, form(ids, f"B{i}")) for i in (2, 3)]
    b.sync()
    with a.write() as w:
        w.create(Evaluation, form(ids, "A2"))
    _requests(a)
    a.sync()
    assert set(more) <= set(a.rows("evaluation"))
    calls = _requests(a)
    assert calls[0] == "POST /v1/push" and len(calls) >= 2
    assert set(calls[1:]) == {"GET /v1/pull"}


def test_an_hq_that_does_not_know_the_riding_page_gets_the_push_and_the_pull_apart(
        hq, monkeypatch):
    from sync.protocol import BadPush
    from sync.server import routes

    parse = routes.parse_push_body

    def older_hq(body: bytes):
        if b'"pull"' in body:
            raise BadPush("Object contains unknown field `pull` - at `$`")
        return parse(body)

    a = hq.device("office", name="a")
    ids = seed_reference(a)
    a.sync()
    monkeypatch.setattr(routes, "parse_push_body", older_hq)
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "OLD"))
    _requests(a)
    assert a.sync().pushed == 1 and fid in hq.rows("evaluation")
    assert _requests(a) == ["POST /v1/push", "POST /v1/push", "GET /v1/pull"]


def test_a_cursor_ahead_of_hq_gets_the_push_answered_and_the_pull_refused_as_before(hq):
    """HQ restored from a backup: the page cannot ride (`resync`); the push is still answered
    and settled, and the device's own pull meets the refusal."""
    from sync.client.apply import CURSOR_KEY
    from sync.client.failures import HqRefused

    a = hq.device("office", name="a")
    ids = seed_reference(a)
    a.sync()
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "AHEAD"))
    a.store.set_meta(CURSOR_KEY, str(10**9))
    _requests(a)
    with pytest.raises(HqRefused) as refused:
        a.sync()
    assert refused.value.hq_code == "resync" and fid in hq.rows("evaluation")
    assert _requests(a) == ["POST /v1/push", "GET /v1/pull"]
    with a.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


def test_the_windows_rounds_share_one_hq_client_and_a_failed_round_lets_it_go(hq, monkeypatch):
    """The window runs every round on its one loop and its engine keeps the HQ client (and
    so the connection) from one round to the next; a round that failed starts the next on a
    fresh client, and a round on another loop (a command's `asyncio.run`) makes its own."""
    made = []

    class Counted(engine_module.HqClient):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            made.append(self)

    a = hq.device("office", name="a")
    ids = seed_reference(a)
    monkeypatch.setattr(engine_module, "HqClient", Counted)
    window = SyncEngine(a.store, transport=a.transport, retry=FAST_RETRY, keep_connection=True)

    async def rounds():
        await window.sync()
        for i in range(3):
            with a.write() as w:
                w.create(Evaluation, form(ids, f"K{i}"))
            assert (await window.sync()).pushed == 1
        assert len(made) == 1
        a.transport.down = True
        with pytest.raises(SyncError):
            await window.sync()
        a.transport.down = False
        with a.write() as w:
            w.create(Evaluation, form(ids, "K3"))
        assert (await window.sync()).pushed == 1
        await window.aclose()

    run(rounds())
    assert len(made) == 2 and all(c._http.is_closed for c in made)
    assert {f"K{i}" for i in range(4)} <= {r["form_no"] for r in hq.rows("evaluation").values()}

    command = SyncEngine(a.store, transport=a.transport, retry=FAST_RETRY, keep_connection=True)
    try:
        with a.write() as w:
            w.create(Evaluation, form(ids, "K4"))
        assert run(command.sync()).pushed == 1
        assert run(command.sync()).pushed == 0  # another loop: a client of its own, working
        assert len(made) == 4
    finally:
        command.close()


async def _answer_with_body_size(reader, writer, seen: list[int]) -> None:
    """A stand-in HQ on a socket: reads each request whole (head, then Content-Length bytes)
    and answers with the size of the body it got."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            seen.append(len(await reader.readexactly(length)))
            body = b'{"size": %d}' % seen[-1]
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


def test_a_request_leaves_the_device_in_one_socket_write(monkeypatch):
    """Head and body of a push go in one `send` (HQ's worker is woken once, not twice); a
    body too big to keep goes after its head, whole."""
    from sync.client import http11
    from sync.client.hq_client import HqClient

    writes: list[bytes] = []
    real_write = asyncio.StreamWriter.write

    def write(self, data):
        if bytes(data[:5]) != b"HTTP/":  # the device's, not the test server's answers
            writes.append(bytes(data))
        real_write(self, data)

    monkeypatch.setattr(asyncio.StreamWriter, "write", write)

    async def go() -> list:
        seen: list[int] = []
        handlers: list[asyncio.Task] = []

        def serve(reader, writer) -> None:
            handlers.append(asyncio.ensure_future(_answer_with_body_size(reader, writer, seen)))

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        answers = []
        try:
            async with HqClient(f"http://127.0.0.1:{port}", retry=FAST_RETRY) as client:
                for size in (600, http11.COALESCE_LIMIT + 1):
                    answer = await client.call("POST", "/v1/push", auth=False,
                                               content=b"x" * size)
                    answers.append((answer.json()["size"], len(writes)))
                    writes.clear()
        finally:
            server.close()
            await asyncio.gather(*handlers)  # each ends when the client's connection closed
            await server.wait_closed()
        return answers

    (small, small_writes), (big, big_writes) = asyncio.run(go())
    assert (small, small_writes) == (600, 1)
    assert (big, big_writes) == (http11.COALESCE_LIMIT + 1, 2)


def test_a_rounds_start_reads_the_store_through_the_driver(hq):
    """What a round needs before its first request (the device's standing, the cursor, a
    record held back as too large, the audit head report, the first outbox batch) is read
    in one read transaction with driver statements only, begun and ended on the driver:
    SQLAlchemy runs nothing (six statements and the BEGIN before, issue 18), and the facts
    read are the store's."""
    from models.security import audit
    from sync.client.round_start import round_start

    a = hq.device("hq", name="a")
    ids = seed_reference(a)
    a.sync()
    a.sync()  # HQ has acknowledged a point of the chain
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "START"))
    statements: list[str] = []
    event.listen(a.store.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_: statements.append(statement.split()[0]))
    driver_statements: list[str] = []

    def trace(dbapi, *_) -> None:
        dbapi.set_trace_callback(lambda sql: driver_statements.append(sql.split()[0]))

    event.listen(a.store.engine, "checkout", trace)
    start = round_start(a.store, 100, 1 << 20)
    event.remove(a.store.engine, "checkout", trace)
    assert statements == []
    # ... its reads in ONE read transaction begun and ended on the driver
    assert driver_statements[0] == "BEGIN" and driver_statements[-1] == "ROLLBACK"
    assert set(driver_statements[1:-1]) == {"SELECT"}
    sent_seq = int(a.store.meta(audit.SENT_HEAD_META_KEY).partition(":")[0])
    with a.store.read() as conn:
        head_seq, head_hash = audit.head(conn)
        anchor_hash = conn.exec_driver_sql("SELECT hash FROM audit_log WHERE seq = ?",
                                           (sent_seq,)).scalar()
    assert (start.audit["seq"], start.audit["hash"]) == (head_seq, head_hash)
    assert start.audit["anchor"] == {"seq": sent_seq, "hash": anchor_hash}
    assert len(start.audit["links"]) == head_seq - sent_seq > 0
    assert start.cursor == int(a.store.meta("sync_cursor"))
    assert [e["row_id"] for e in start.batch[0]] == [fid] and start.batch[1] == 1
    assert not start.revoked and not start.reenroll and not start.held_back

    with a.store.engine.begin() as conn:  # a creation held back as too large, not settled
        conn.exec_driver_sql(
            "INSERT INTO sync_issue (id, kind, code, table_name, row_id, reason, details, "
            "created_at) VALUES ('big', 'rejected', 'too_large', 'evaluation', ?, '', '{}', "
            "'2026-12-02 00:00:00.000000')", (fid,))
    assert round_start(a.store).held_back


def test_a_one_record_rounds_store_work_is_driver_statements_but_its_begins(hq):
    """On both devices a one-record round sends nothing through SQLAlchemy's statement
    machinery but its two BEGINs (the round's start read, the page's write): the outbox
    pruning, the stale-batch check, the audit chain's `sync` entry and the cursor go to the
    driver (issue 18 §2). What they do stays: A's outbox is empty, B has the form, both
    chains verify and log the round."""
    from models.security.audit_verify import verify_chain

    a, b = hq.device("hq", name="a"), hq.device("hq", name="b")
    ids = seed_reference(a)
    for dev in (a, b, a, b):
        dev.sync()
    seen: dict[str, list[str]] = {"a": [], "b": []}
    for name, dev in (("a", a), ("b", b)):
        event.listen(dev.store.engine, "before_cursor_execute",
                     lambda _c, _cur, statement, *_, name=name: seen[name].append(
                         " ".join(statement.split()[:2])))
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "DRIVER"))
    seen["a"].clear()
    assert a.sync().pushed == 1 and b.sync().pulled == 1
    assert seen == {"a": ["BEGIN IMMEDIATE"], "b": ["BEGIN IMMEDIATE"]}
    assert fid in b.rows("evaluation")
    with a.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
    for dev in (a, b):
        with dev.store.read() as conn:
            assert conn.exec_driver_sql(
                "SELECT event FROM audit_log ORDER BY seq DESC LIMIT 1").scalar() == "sync"
            assert verify_chain(conn).ok

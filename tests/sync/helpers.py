"""Helpers for sync tests: an in-process HQ, enrolled devices, a transport that can be cut."""

import asyncio
import random
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from models.ids import natural_id
from models.reference import Campaign, Unit
from models.store.store import Store
from models.tables import SYNCED_TABLES
from sync.client.engine import SyncEngine
from sync.client.hq_client import RetryPolicy
from sync.server import admin
from sync.server.app import create_app
from sync.server.db import open_server_db

PASSPHRASE = "correct horse"
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.001, max_delay=0.002)
# For a test about the client or a document, where HQ's database plays no part: its `hq`
# (through the `database_url` fixture) runs on SQLite only, not on PostgreSQL as well.
HQ_ON_SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
# For a test of what only a PostgreSQL HQ does (its round trips): not on SQLite.
HQ_ON_POSTGRESQL_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("pg", marks=pytest.mark.pg)], indirect=True)


def run(coro):
    return asyncio.run(coro)


class CuttableTransport(httpx.AsyncBaseTransport):
    """Forwards to the app; can drop a request before HQ sees it ("before") or lose the
    reply after HQ committed ("after"), for calls whose path contains `path`."""

    def __init__(self, inner: httpx.AsyncBaseTransport):
        self.inner = inner
        self.cuts: list[tuple[str, str]] = []  # (path fragment, before|after)
        self.down = False
        self.calls: list[str] = []
        self.requests: list[tuple[str, str]] = []

    def cut(self, path: str, when: str, times: int = 1) -> None:
        self.cuts.extend([(path, when)] * times)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        self.requests.append((request.method, request.url.path))
        if self.down:
            raise httpx.ConnectError("network is down", request=request)
        cut = next((c for c in self.cuts if c[0] in request.url.path), None)
        if cut and cut[1] == "before":
            self.cuts.remove(cut)
            raise httpx.ConnectError("cut before the server", request=request)
        response = await self.inner.handle_async_request(request)
        if cut and cut[1] == "after":
            self.cuts.remove(cut)
            await response.aread()
            raise httpx.ReadError("reply lost after the server committed", request=request)
        return response


async def cut_at_a_random_byte(response: httpx.Response, request: httpx.Request
                               ) -> tuple[httpx.Response, tuple[int, int]]:
    """HQ's `response` as the device receives it when the connection drops at a random byte of
    the body: the head whole, the body up to that byte, then the peer closes. Also (the byte,
    the body's length)."""
    body = await response.aread()
    at = random.randrange(0, len(body))

    class Cut(httpx.AsyncByteStream):
        async def __aiter__(self):
            yield body[:at]
            raise httpx.RemoteProtocolError("peer closed the connection", request=request)

    return (httpx.Response(response.status_code, headers=response.headers, stream=Cut(),
                           request=request), (at, len(body)))


@dataclass
class Device:
    store: Store
    engine: SyncEngine
    transport: CuttableTransport

    def sync(self):
        return run(self.engine.sync())

    def write(self, profile: str = "tester"):
        return self.store.write(profile)

    def rows(self, table: str, live_only: bool = True) -> dict[str, dict]:
        t = SYNCED_TABLES[table].__table__
        query = sa.select(t)
        if live_only:
            query = query.where(t.c.deleted_at.is_(None))
        with self.store.read() as conn:
            return {r["id"]: dict(r) for r in conn.execute(query).mappings()}

    def close(self):
        self.engine.close()
        self.store.close()


@dataclass
class Hq:
    db: object
    app: object
    root: Path
    devices: list[Device] = field(default_factory=list)

    @classmethod
    def start(cls, database_url: str, root: Path) -> "Hq":
        db = open_server_db(database_url, blob_dir=root / "blobs", passphrase=PASSPHRASE)
        return cls(db=db, app=create_app(db=db), root=root)

    def device(self, role: str = "office", *, name: str | None = None, **kw) -> Device:
        code = admin.enroll_device(self.db, role=role, label=name or "", **kw)["code"]
        store = Store.open(self.root / f"dev{len(self.devices)}", PASSPHRASE)
        transport = CuttableTransport(httpx.ASGITransport(app=self.app))
        engine = SyncEngine(store, transport=transport, retry=FAST_RETRY)
        run(engine.enroll("http://hq.test", code, name or ""))
        dev = Device(store, engine, transport)
        self.devices.append(dev)
        return dev

    def rows(self, table: str, live_only: bool = True) -> dict[str, dict]:
        t = SYNCED_TABLES[table].__table__
        query = sa.select(t)
        if live_only:
            query = query.where(t.c.deleted_at.is_(None))
        with self.db.engine.connect() as conn:
            return {r["id"]: dict(r) for r in conn.execute(query).mappings()}

    def identity(self, dev: Device):
        """HQ's record of an enrolled device, as its routes see the caller."""
        from sync.server import tables as T
        from sync.server.auth import _identity

        with self.db.engine.connect() as conn:
            return _identity(conn.execute(sa.select(T.device).where(
                T.device.c.store_device_id == dev.store.device_id)).one())

    def count(self, table: sa.Table) -> int:
        with self.db.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()

    def close(self):
        for d in self.devices:
            d.close()
        self.db.close()


def seed_reference(device: Device) -> dict:
    """A unit and a campaign made on a device (natural-key ids) — pushed at its next sync."""
    unit_id = natural_id("unit", "County Hall")
    window_id = natural_id("unit", "County Hall/Window 1")
    campaign_id = natural_id("campaign", "2026 drive")
    with device.write() as w:
        w.create(Unit, {"id": unit_id, "name": "County Hall", "kind": "department"})
        w.create(Unit, {"id": window_id, "name": "Window 1", "kind": "service_window",
                        "parent_id": unit_id})
        w.create(Campaign, {"id": campaign_id, "name": "2026 drive", "year": 2026})
    return {"unit": unit_id, "window": window_id, "campaign": campaign_id}


def form(ids: dict, form_no: str | None = None, **kw) -> dict:
    values = {"campaign_id": ids["campaign"], "group": "citizen", "unit_id": ids["window"],
              "level": "satisfied", "evaluated_on": "2026-03-01", "form_no": form_no}
    values.update(kw)
    return values


def count_round_trips(monkeypatch) -> list[str]:
    """The exchanges with PostgreSQL that make a request wait from now on, in order: a
    `statement` sent alone (with a `BEGIN` of its own before it when psycopg opens a
    transaction for it), `statements` sent together (sync/server/pg_together.py), a COPY's
    start and end, a COMMIT sent alone. Counted where psycopg waits for the server."""
    import psycopg

    trips: list[str] = []
    real = psycopg.Connection.wait
    idle = psycopg.pq.TransactionStatus.IDLE

    def wait(self, gen, *args, **kw):
        name = getattr(getattr(gen, "gi_code", None), "co_name", "")
        opening = self.pgconn.transaction_status == idle and not self.autocommit
        if name == "_execute_gen" and self._pipeline is None:
            trips.extend(["BEGIN", "statement"] if opening else ["statement"])
        elif name == "_exit_gen":
            trips.append("statements")
        elif name == "_commit_gen" and self.pgconn.transaction_status != idle:
            trips.append("COMMIT")
        elif name in ("_start_copy_gen", "copy_end"):
            trips.append(name)
        return real(self, gen, *args, **kw)

    monkeypatch.setattr(psycopg.Connection, "wait", wait)
    return trips

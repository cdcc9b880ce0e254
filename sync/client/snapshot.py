"""A new device's first sync from HQ's snapshot: every row of its scope in one response,
stored with its cursor in ONE local transaction, then ordinary pulls from that cursor.

Asked for only by a new store: cursor at zero, nothing in the outbox, no row in any synced
table (so nothing local can be overwritten or left unpushed). HQ refuses a device that ever
pushed (409 `snapshot_not_new`), and an HQ older than snapshots has no route (404): both mean
ordinary pulls, which give the same rows. A snapshot cut or killed half-way leaves the store
as it was (the body is applied whole or not at all, in memory until then: nothing of it is
written to disk outside the encrypted store); the next sync asks again.
"""

from collections.abc import Awaitable, Callable

from models.store.store import Store, get_meta
from sync.client.apply import CURSOR_KEY, apply_page
from sync.client.failures import HqRefused
from sync.client.hq_client import HqClient
from sync.protocol import PulledPage

SNAPSHOT_PATH = "/v1/snapshot"
# What HQ answers when a snapshot is not for this device: pull row by row instead.
NOT_OFFERED = {404, 409}


def wants_snapshot(store: Store) -> bool:
    """A new store: cursor zero, empty outbox, no synced record beyond what ships with the
    app (the default checklists, which every store and HQ hold under the same ids)."""
    with store.read() as conn:
        if get_meta(conn, CURSOR_KEY, "0") != "0":
            return False
        if conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM outbox)").scalar():
            return False
    return not store.holds_records()


async def take_snapshot(client: HqClient, store: Store,
                        on_db: Callable[..., Awaitable]) -> int:
    """Fetch and install the snapshot; how many rows it held (0 when HQ offers none)."""
    try:
        response = await client.call("GET", SNAPSHOT_PATH)
    except HqRefused as exc:
        if exc.status in NOT_OFFERED:
            return 0
        raise
    page = PulledPage.from_json(response.content)
    return await on_db(install, store, page)


def install(store: Store, page: PulledPage) -> int:
    """The rows and the cursor in one transaction (a pull page's apply), unless the store
    took rows of its own meanwhile: then the ordinary pulls bring the same rows."""
    if not wants_snapshot(store):
        return 0
    return apply_page(store, page)

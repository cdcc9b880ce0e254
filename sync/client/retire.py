"""A retiring device (issue 6): once everything is pushed and HQ confirms, it wipes itself."""

from models.errors import SyncError
from sync.client.http import HQClient, HQRefused


class DeviceRetired(SyncError):
    code = "retired"


def _pending(store) -> tuple[int, int]:
    """(entries not yet acknowledged by HQ, last outbox sequence)."""
    from sync.client.outbox import acked_seq

    with store.read() as conn:
        last = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM outbox").scalar()
        return last - min(acked_seq(conn), last), max(last, acked_seq(conn))


async def retire_if_asked(client: HQClient, store, run_db, status: str | None = None) -> None:
    """After a full sync: if HQ asked for retirement and holds everything, wipe; else carry on.
    `status`: the device's status as HQ's audit-head answer gave it (no request then)."""
    from models.security.wipe import wipe_store

    if status is None:
        try:
            status = (await client.call("GET", "/v1/device/status")).json().get("status")
        except HQRefused as exc:
            if exc.status == 404:  # an HQ from before retirement existed
                return
            raise
    if status != "retiring":
        return
    pending, last_seq = await run_db(_pending, store)
    if pending:
        return  # the next sync pushes the rest first
    answer = (await client.call("POST", "/v1/device/retired", json={"last_seq": last_seq})).json()
    if not answer.get("confirmed"):
        return
    await run_db(wipe_store, store, "retired: HQ confirmed it holds every record")
    raise DeviceRetired("HQ confirmed it holds every record; this device was retired and wiped.")

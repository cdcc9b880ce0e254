"""A retiring device (issue 6): once everything is pushed and HQ confirms, it wipes itself."""

from models.errors import SyncError
from sync.client.hq_client import HqClient, HqRefused


class DeviceRetired(SyncError):
    code = "hq_device_retired"


def _pending(store) -> tuple[int, int]:
    """(entries not yet acknowledged by HQ, last outbox sequence)."""
    from sync.client.outbox import acked_seq

    with store.read() as conn:
        last = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM outbox").scalar()
        return last - min(acked_seq(conn), last), max(last, acked_seq(conn))


async def retire_if_asked(client: HqClient, store, run_db, status: str | None = None) -> None:
    """After a full sync: if HQ asked for retirement and holds everything, wipe; else carry on.
    `status`: the device's status as HQ's audit-head answer gave it (no request then)."""
    from models.security.wipe import wipe_store

    if status is None:
        try:
            status = await client.device_status()
        except HqRefused as exc:
            if exc.status == 404:  # an HQ from before retirement existed
                return
            raise
    if status != "retiring":
        return
    pending, last_seq = await run_db(_pending, store)
    if pending:
        return  # the next sync pushes the rest first
    if not await client.device_retired(last_seq):
        return
    await run_db(wipe_store, store, "retired: HQ confirmed it holds every record")
    raise DeviceRetired()

"""A store that must enroll again before it syncs (issue 11): restored from a backup, or a copy
HQ caught reusing the sequence numbers of the store it was copied from.

Such a store keeps every record and outbox entry; it only gives up the identity it was copied
with (models.store.identity). Its entries HQ refused stay in the outbox and are listed as sync
issues; after an enrollment with a new code they are pushed under the new identity (HQ takes a
new device's first push at whatever number it starts), and the issues settle themselves.
"""

from models.errors import SyncError
from models.store.database import write_transaction
from models.store.identity import (
    NEEDS_ENROLLMENT_KEY,
    REPLACES_KEY,
    RESTORED,
    SEQUENCE_REUSED,
    needs_enrollment,
    release_identity,
)
from models.store.store import Store, get_meta
from sync.client.outbox import settle_in
from sync.protocol import SEQUENCE_REUSED as REUSED_CODE
from sync.protocol import PushResult

# The message code of each reason (what the window and the command line switch on; the
# sentences are in models/messages/sync.py).
CODES = {RESTORED: "restored_store", SEQUENCE_REUSED: REUSED_CODE}


class ReenrollNeeded(SyncError):
    """`code`: restored_store | sequence_reused; `details`: the reason and, when HQ has just
    refused entries, how many."""

    def __init__(self, reason: str, refused: int = 0):
        super().__init__(code=CODES[reason])
        self.details = {"reason": reason, "refused": refused}


def check_identity(store: Store) -> None:
    """Refuse to sync (before any request) a store that must enroll again."""
    with store.read() as conn:
        reason = needs_enrollment(conn)
    if reason:
        raise ReenrollNeeded(reason)


def previous_device_id(store: Store) -> str | None:
    """The device id to name at enrollment, when this store took over from another."""
    with store.read() as conn:
        if not get_meta(conn, NEEDS_ENROLLMENT_KEY):
            return None
        return get_meta(conn, REPLACES_KEY) or None


def refused_as_reused(result: PushResult) -> int:
    return sum(o.code == REUSED_CODE for o in result.outcomes)


def give_up_identity(store: Store, result: PushResult) -> None:
    """HQ refused entries as reused numbers: keep them and their issues (HQ did not acknowledge
    them, so settling prunes nothing of them) and drop the identity, in one transaction."""
    with write_transaction(store.engine) as conn:
        settle_in(conn, store, result)
        new_id = release_identity(conn, SEQUENCE_REUSED)
    store.device_id = new_id


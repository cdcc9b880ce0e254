"""A store gives up its sync identity: restored from a backup, or caught by HQ reusing numbers.

A copy of a store numbers its new changes like ones the original already pushed; under the old
identity HQ would take them for replays and the copy would prune them (issue 11: records lost
while sync reported success). So a restored store, and a copy HQ refused for `sequence_reused`,
takes a new device id and forgets its HQ credential and identity; sync refuses until it
enrolls with a new code. Its records and outbox stay: they are pushed under the new identity.
The device id it had is kept, so that HQ can record which device the new one replaces.
Lives in `models` because restoring a backup (models.security.backup) does it too.
"""

import sqlalchemy as sa

from models.ids import new_id
from models.security import audit
from models.store.store import get_meta, set_meta

NEEDS_ENROLLMENT_KEY = "needs_enrollment"  # why: RESTORED or SEQUENCE_REUSED
REPLACES_KEY = "replaces_device_id"  # the device id this store had when it was enrolled
RESTORED, SEQUENCE_REUSED = "restored", "sequence_reused"
# What ties a store to its HQ identity (the sync engine's keys, named here because models never
# imports sync): HQ's id for it, the credential when kept in the store and where it is kept,
# the pull cursor (a new identity pulls its scope afresh, so HQ learns which rows it holds),
# the last sync, and the audit head the old identity had acknowledged. Never the OS keyring
# entry: it is named after the old device id, and the original laptop may be using it.
IDENTITY_KEYS = ("hq_device_id", "device_credential", "credential_store", "sync_cursor",
                 "last_synced_at", audit.SENT_HEAD_META_KEY)


def needs_enrollment(conn: sa.Connection) -> str:
    """Why this store must enroll again before it syncs ("" when it need not)."""
    return get_meta(conn, NEEDS_ENROLLMENT_KEY) or ""


def release_identity(conn: sa.Connection, reason: str) -> str:
    """Take a new device id and drop the HQ identity, in the caller's transaction; return the
    new id. A copy of a copy not enrolled since still names the device that was enrolled."""
    old = get_meta(conn, "device_id") or ""
    if not needs_enrollment(conn):
        set_meta(conn, REPLACES_KEY, old)
    new = new_id()
    set_meta(conn, "device_id", new)
    set_meta(conn, NEEDS_ENROLLMENT_KEY, reason)
    conn.execute(sa.text("DELETE FROM store_meta WHERE key IN :keys")
                 .bindparams(sa.bindparam("keys", expanding=True)), {"keys": IDENTITY_KEYS})
    audit.record(conn, "identity_released", details={"reason": reason, "device_id": old})
    return new


def enrolled_anew(conn: sa.Connection) -> None:
    """The store enrolled under its new identity: nothing stops it syncing any more."""
    conn.execute(sa.text("DELETE FROM store_meta WHERE key IN (:a, :b)"),
                 {"a": NEEDS_ENROLLMENT_KEY, "b": REPLACES_KEY})

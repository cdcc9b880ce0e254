"""Telling a retried push from a copy of the store that reuses sequence numbers (issue 11).

An entry at or below a device's last applied sequence used to be taken for a replay (the reply
to an earlier attempt was lost) and answered "applied". A store restored from a backup, or a
data directory copied at file level, numbers its new changes like ones the original already
pushed: those changes were pruned on the copy and lost while sync reported success. So HQ keeps
a 64-bit digest of every entry it took, per (device, sequence) (packed in one row per push),
written in the push's own transaction, and a replay whose digest differs is refused as
`sequence_reused`.

What the digest covers: table, row id, operation, the edit's fields and base version, and the
profile. Not an insert's fields: the device sends an inserted row as it is when pushed, so a
genuine retry after an edit carries other values (the edit reaches HQ as its own entry); a
record made on a copy has a row id of its own. Entries HQ took before these digests existed have
none and are still taken for replays.
"""

import hashlib

import orjson
import sqlalchemy as sa

from sync.protocol import MAX_BATCH_ENTRIES, SEQUENCE_REUSED, EntryOutcome, PushedEntry
from sync.server import tables as T
from sync.server.db import driver_mark, on_driver

_SORTED = orjson.OPT_SORT_KEYS
SIZE = 8  # bytes per digest


def entry_digest(e: PushedEntry) -> bytes:
    """What identifies the entry, hashed to 8 bytes (~3 µs: 80 ms of a 26,300-form push)."""
    if e.op == "skip":
        return _skip_digest(e)
    fields = None if e.op == "insert" else e.fields
    text = orjson.dumps((e.table, e.row_id, e.op, fields, e.base_version, e.profile),
                        option=_SORTED)
    return hashlib.blake2b(text, digest_size=SIZE).digest()


def _skip_digest(e: PushedEntry) -> bytes:
    """A `skip` placeholder stands for whatever entry of that row the device held back (a
    retry may hold back an entry HQ took whole, or send whole one it held back before): it
    matches any entry of the same row under that number."""
    text = orjson.dumps((e.table, e.row_id, "skip"))
    return hashlib.blake2b(text, digest_size=SIZE).digest()


def _same_entry(held: bytes, e: PushedEntry) -> bool:
    return e.op == "skip" or held in (entry_digest(e), _skip_digest(e))


def keep_digests(conn: sa.Connection, device_id: str, entries: list[PushedEntry]) -> None:
    """The push's new entries (applied and refused alike: both advance the device's
    sequence), contiguous, in one row. Driver SQL: a compiled statement object still cost
    ~40 µs of SQLAlchemy's execution machinery a push."""
    row = digests_row(device_id, entries)
    on_driver(conn, _DIGESTS_SQL[driver_mark(conn)],
              (row["device_id"], row["first_seq"], row["last_seq"], row["digests"]))


def digests_row(device_id: str, entries: list[PushedEntry]) -> dict:
    """`keep_digests`'s row, for `DIGESTS_SQL` (a push on PostgreSQL sends it with its
    stamping statement and its COMMIT, sync/server/pg_together.py)."""
    return {"device_id": device_id, "first_seq": entries[0].seq, "last_seq": entries[-1].seq,
            "digests": b"".join(entry_digest(e) for e in entries)}


DIGESTS_SQL = (f"INSERT INTO {T.entry_digest.name} (device_id, first_seq, last_seq, digests) "
               "VALUES (%(device_id)s, %(first_seq)s, %(last_seq)s, %(digests)s)")
_DIGESTS_SQL = {mark: f"INSERT INTO {T.entry_digest.name} (device_id, first_seq, last_seq, "
                f"digests) VALUES ({', '.join([mark] * 4)})" for mark in ("?", "%s")}


def reused(conn: sa.Connection, device_id: str, replayed: list[PushedEntry]) -> list[int]:
    """The sequences among `replayed` (contiguous) whose entry differs from the one HQ took."""
    if not replayed:
        return []
    first, last = replayed[0].seq, replayed[-1].seq
    d = T.entry_digest
    held: dict[int, bytes] = {}
    for start, digests in conn.execute(sa.select(d.c.first_seq, d.c.digests).where(
            d.c.device_id == device_id, d.c.last_seq >= first,
            # a push holds at most MAX_BATCH_ENTRIES: the index range stays short
            d.c.first_seq.between(first - MAX_BATCH_ENTRIES + 1, last))):
        for seq in range(max(start, first), min(start + len(digests) // SIZE - 1, last) + 1):
            at = (seq - start) * SIZE
            held[seq] = bytes(digests[at:at + SIZE])
    return [e.seq for e in replayed if e.seq in held and not _same_entry(held[e.seq], e)]


def refusals(entries: list[PushedEntry], seqs: list[int]) -> list[EntryOutcome]:
    """Not stored (HQ keeps the outcome of the entry it took under that number): a retry of
    this batch is checked again and gets the same answer."""
    wanted = set(seqs)
    return [EntryOutcome(
        seq=e.seq, status="rejected", code=SEQUENCE_REUSED, table=e.table, row_id=e.row_id,
        reason=f"HQ already holds a different change numbered {e.seq} from this device: this "
               "store is a copy (restored from a backup or copied). Enroll it again with a new "
               "enrollment code; the change is kept on the device.",
        details={"seq": e.seq}) for e in entries if e.seq in wanted]

"""Checking the audit chain: the first broken link, and what kind of tampering it looks like.

An entry whose hash does not match its content was edited; an entry that follows a hash no
earlier entry has lost its predecessor (deleted) or had it edited and re-hashed; an entry that
follows a later entry was reordered; a log that ends before a head recorded elsewhere (the local
anchor, or the head HQ acknowledged) was cut off. Versions of criticisms, cases and problems must
hash to the content their audit entry committed to.
"""

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa

from models.security.audit import GENESIS, HEAD_META_KEY, SENT_HEAD_META_KEY, entry_hash

_COLUMNS = ("seq, at, device_id, profile, event, table_name, row_id, content_hash, details,"
            " prev_hash, hash")


@dataclass(frozen=True)
class BrokenLink:
    seq: int
    kind: str  # edited | deleted | reordered | truncated | history_edited
    message: str

    def __str__(self) -> str:
        return f"audit chain broken at entry {self.seq}: {self.message}"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    head_seq: int
    head_hash: str
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def parse_head(text: str | None) -> tuple[int, str] | None:
    """A head written as "seq:hash"."""
    if not text or ":" not in text:
        return None
    seq, _, digest = text.partition(":")
    return int(seq), digest


def _link_problem(row, prev_hash: str, expect_seq: int, seq_of: dict[str, int]) -> BrokenLink | None:
    recomputed = entry_hash(row.prev_hash, row.at, row.device_id, row.profile, row.event,
                            row.table_name, row.row_id, row.content_hash, row.details)
    if recomputed != row.hash:
        return BrokenLink(row.seq, "edited", "the entry was edited (its hash does not match it)")
    if row.prev_hash == prev_hash:
        if row.seq != expect_seq:
            return BrokenLink(expect_seq, "deleted", "entries were renumbered or removed")
        return None
    follows = seq_of.get(row.prev_hash)
    if follows is not None and follows > row.seq:
        return BrokenLink(row.seq, "reordered",
                          f"the entry was moved before entry {follows}, which it follows")
    if row.seq != expect_seq:
        missing = f"{expect_seq}" if row.seq == expect_seq + 1 else f"{expect_seq}–{row.seq - 1}"
        return BrokenLink(expect_seq, "deleted", f"entry {missing} was deleted")
    if follows is None and expect_seq > 1:
        return BrokenLink(expect_seq - 1, "edited",
                          "the entry was edited and re-hashed (the next entry does not follow it)")
    return BrokenLink(row.seq, "deleted", "the entry it follows is missing")


def _head_problem(anchor: tuple[int, str], seq_hash: dict[int, str], last_seq: int,
                  source: str) -> BrokenLink | None:
    seq, digest = anchor
    if seq > last_seq:
        return BrokenLink(last_seq + 1, "truncated",
                          f"the log ends at entry {last_seq} but {source} recorded entry {seq}")
    if seq and seq_hash.get(seq) != digest:
        return BrokenLink(seq, "edited", f"the entry differs from the one {source} recorded")
    return None


def _history_problem(conn: sa.Connection, content_of: dict[int, str]) -> BrokenLink | None:
    rows = conn.exec_driver_sql(
        "SELECT audit_seq, snapshot FROM record_version ORDER BY audit_seq").all()
    for audit_seq, snapshot in rows:
        if hashlib.sha256(snapshot.encode("utf-8")).hexdigest() != content_of.get(audit_seq):
            return BrokenLink(audit_seq, "history_edited",
                              "a stored earlier version of the record was changed")
    return None


def verify_chain(conn: sa.Connection, *, expected_heads: dict[str, tuple[int, str]] | None = None
                 ) -> ChainReport:
    """Walk the whole log once; `expected_heads` maps a source ("HQ") to a head it holds."""
    rows = conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq").all()
    seq_of = {r.hash: r.seq for r in rows}
    prev_hash, expect_seq, broken = GENESIS, 1, None
    for row in rows:
        broken = _link_problem(row, prev_hash, expect_seq, seq_of)
        if broken:
            break
        prev_hash, expect_seq = row.hash, row.seq + 1
    last_seq = rows[-1].seq if rows else 0
    anchors = dict(expected_heads or {})
    for key, source in ((HEAD_META_KEY, "the local anchor"), (SENT_HEAD_META_KEY, "HQ")):
        stored = parse_head(conn.exec_driver_sql(
            "SELECT value FROM store_meta WHERE key = ?", (key,)).scalar())
        if stored:
            anchors.setdefault(source, stored)
    seq_hash = {r.seq: r.hash for r in rows}
    for source, anchor in anchors.items():
        broken = broken or _head_problem(anchor, seq_hash, last_seq, source)
    if broken is None:
        broken = _history_problem(conn, {r.seq: r.content_hash for r in rows})
    return ChainReport(checked=len(rows), head_seq=last_seq,
                       head_hash=rows[-1].hash if rows else GENESIS, broken=broken)

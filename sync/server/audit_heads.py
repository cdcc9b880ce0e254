"""HQ's copy of each device's audit-chain head (issue 6): a cut-off or rewritten tail shows.

At each sync the device sends its head and, for the head HQ holds, the hash that entry has now.
A head that goes backwards (a truncated log) or an anchor whose hash changed (history rewritten
and re-hashed) is not accepted: HQ keeps the head it had, records an alarm and logs it; sync goes
on. Kept in HQ's `store_meta` (no schema change): `audit_head:<device>`, `audit_alarm:<device>`.
"""

import logging

import sqlalchemy as sa
from pydantic import BaseModel, Field

from models.store.store import get_meta, set_meta
from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.auth import Bearer, DeviceIdentity, identify
from sync.server.db import ServerDB

log = logging.getLogger("fieldinspect.sync.audit")
_HASH = r"^[0-9a-f]{64}$"


class ChainPoint(BaseModel):
    seq: int = Field(ge=0, le=2**62)
    hash: str = Field(pattern=_HASH)


class AuditHeadReport(BaseModel):
    seq: int = Field(ge=0, le=2**62)
    hash: str = Field(pattern=_HASH)
    anchor: ChainPoint | None = None  # the head HQ holds, as the device's chain has it now


class RetireConfirm(BaseModel):
    """A retiring device's last outbox sequence (sync/server/retire.py)."""

    last_seq: int = Field(ge=0, le=2**62)


def _parse(text: str | None) -> tuple[int, str] | None:
    if not text:
        return None
    seq, _, digest = text.partition(":")
    return int(seq), digest


def _problem(held: tuple[int, str] | None, report: AuditHeadReport) -> str:
    if held is None or held[0] == 0:
        return ""
    if report.seq < held[0]:
        return f"the audit log now ends at entry {report.seq}; HQ holds entry {held[0]}"
    if report.anchor is None or report.anchor.seq != held[0]:
        return f"the device did not vouch for entry {held[0]}, which HQ holds"
    if report.anchor.hash != held[1]:
        return f"entry {held[0]} differs from the one HQ holds (history rewritten)"
    return ""


def accept_head(db: ServerDB, who: DeviceIdentity | Bearer, report: AuditHeadReport) -> dict:
    """Keep the head (or raise an alarm). The answer also carries the device's status
    (`active`, `retiring`, ...), which saves the device a separate status request per sync.
    `who` may be a token not checked yet: it is checked in the same transaction."""
    with db.write() as conn:
        who = identify(conn, who)
        key = f"audit_head:{who.id}"
        status = conn.execute(sa.select(T.device.c.status)
                              .where(T.device.c.id == who.id)).scalar()
        held = _parse(get_meta(conn, key))
        problem = _problem(held, report)
        if problem:
            set_meta(conn, f"audit_alarm:{who.id}", f"{utcnow().isoformat()} {problem}")
            log.warning("audit chain of device %s (%s): %s", who.id, who.label, problem)
            return {"accepted": False, "problem": problem,
                    "head": f"{held[0]}:{held[1]}" if held else "", "status": status}
        set_meta(conn, key, f"{report.seq}:{report.hash}")
    return {"accepted": True, "problem": "", "head": f"{report.seq}:{report.hash}",
            "status": status}


def held_head(db: ServerDB, device_id: str) -> tuple[str | None, str | None]:
    """(head "seq:hash", alarm) HQ holds for a device, for `audit verify --head` on it."""
    with db.read() as conn:
        return (get_meta(conn, f"audit_head:{device_id}"),
                get_meta(conn, f"audit_alarm:{device_id}"))

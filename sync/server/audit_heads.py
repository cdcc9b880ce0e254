"""HQ's copy of each device's audit chain (issue 6): a cut-off or rewritten log shows.

HQ keeps every chain point it accepted from a device (`sync_audit_anchor`: seq and hash). At
each sync the device sends its head and, from the last point HQ acknowledged, the entries after
it (`links`, the content each entry's hash covers). HQ recomputes the chain itself, from its OWN
stored hash of that point, and compares every point it passes that it stored before, and the
end, with what the device reports. So a forged report that repeats the old hash of the anchor
over a rewritten history raises the alarm: the entries after the anchor were re-hashed on a
different anchor and no longer lead from HQ's copy to the reported head. A head that goes
backwards (a truncated log) is refused too. A refused report keeps HQ's points, records an alarm
(`audit_alarm:<device>` in HQ's `store_meta`: a code, its arguments and a sentence, shown by
`hq list-devices` and the HQ devices panel) and logs it; sync goes on. A long stretch goes in
several reports (at most MAX_LINKS entries each): HQ keeps the point each one reaches and
answers `more`. The first report of a device is taken as it stands (nothing to compare with).
"""

import functools
import logging

import orjson
import sqlalchemy as sa
from pydantic import BaseModel, Field, ValidationError

from models.security.audit import MAX_LINKS, entry_hash
from models.store.store import get_meta, set_meta
from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.auth import Bearer, DeviceIdentity, identify
from sync.server.db import ServerDB, driver_mark, driver_time, on_driver
from sync.server.errors import ClientError

log = logging.getLogger("fieldinspect.sync.audit")
_HASH = r"^[0-9a-f]{64}$"
# One entry as its hash covers it: at, device, profile, event, table, row, content hash, details.
Link = tuple[str, str, str, str, str, str, str, str]


class ChainPoint(BaseModel):
    seq: int = Field(ge=0, le=2**62)
    hash: str = Field(pattern=_HASH)


class AuditHeadReport(BaseModel):
    seq: int = Field(ge=0, le=2**62)
    hash: str = Field(pattern=_HASH)
    anchor: ChainPoint | None = None  # the point HQ acknowledged last, as the device has it now
    links: list[Link] = Field(default_factory=list, max_length=MAX_LINKS)  # the entries after it


class RetireConfirm(BaseModel):
    """A retiring device's last outbox sequence (sync/server/retire.py)."""

    last_seq: int = Field(ge=0, le=2**62)


def _newest(conn: sa.Connection, device_id: str) -> tuple[int, str] | None:
    a = T.audit_anchor
    row = conn.execute(sa.select(a.c.seq, a.c.hash).where(a.c.device_id == device_id)
                       .order_by(a.c.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row else None


def _standing(conn: sa.Connection, device_id: str, first: int | None
              ) -> tuple[str | None, dict[int, str]]:
    """(the device's status, HQ's points of its chain from `first` on, and the newest point
    whatever its seq) in ONE statement on the driver: a report rides on every round, and
    three SQLAlchemy statements cost ~1 ms of HQ's CPU per round (issue 18 §2)."""
    return _stood(on_driver(conn, *_standing_statement(driver_mark(conn), device_id,
                                                       first)).fetchall())


def standing_statement(device_id: str, report: "AuditHeadReport") -> tuple[str, tuple]:
    """`_standing`'s statement for `report` in psycopg's style (PostgreSQL), for a caller that
    sends it with statements of its own and hands its rows to `accept_in` (`stood`)."""
    return _standing_statement("%s", device_id, report.anchor.seq
                               if report.anchor is not None else None)


def _standing_statement(mark: str, device_id: str, first: int | None) -> tuple[str, tuple]:
    return _standing_sql(mark, first is not None), (
        device_id, *((device_id, first) if first is not None else ()), device_id)


@functools.cache
def _standing_sql(mark: str, points: bool) -> str:
    anchor, device = T.audit_anchor.name, T.device.name
    from_first = (f"SELECT NULL, seq, hash FROM {anchor} WHERE device_id = {mark} AND seq >= "
                  f"{mark} UNION ALL " if points else "")
    return (f"SELECT status, NULL, NULL FROM {device} WHERE id = {mark} UNION ALL {from_first}"
            f"SELECT NULL, seq, hash FROM (SELECT seq, hash FROM {anchor} WHERE device_id = "
            f"{mark} ORDER BY seq DESC LIMIT 1) AS newest")


def _stood(rows: list) -> tuple[str | None, dict[int, str]]:
    status = next((r[0] for r in rows if r[1] is None), None)
    return status, {int(r[1]): r[2] for r in rows if r[1] is not None}


class _Alarm(Exception):
    """A report HQ refuses: a machine code, its arguments, and the sentence for the log."""

    def __init__(self, code: str, text: str, **args: int):
        super().__init__(text)
        self.code, self.text, self.args_ = code, text, args

    def stored(self) -> str:
        return orjson.dumps({"at": utcnow().isoformat(), "code": self.code, "args": self.args_,
                             "text": self.text}).decode()


def _check(points: dict[int, str], held: tuple[int, str],
           report: AuditHeadReport) -> tuple[tuple[int, str], bool]:
    """(the point the report's entries lead to, whether HQ stores it anew), checked against
    HQ's own points (from the report's anchor on); _Alarm when the report does not hold."""
    if report.seq < held[0]:
        raise _Alarm("audit_truncated", f"the audit log now ends at entry {report.seq}; HQ "
                     f"holds entry {held[0]}", seq=report.seq, held=held[0])
    if report.anchor is None:
        raise _Alarm("audit_unvouched", f"the device did not vouch for entry {held[0]}, which "
                     "HQ holds", held=held[0])
    start = report.anchor.seq
    if start not in points:
        raise _Alarm("audit_unknown_anchor", f"the device started from entry {start}, which HQ "
                     "never accepted", seq=start)
    if report.anchor.hash != points[start]:
        raise _rewritten(start)
    reached = start + len(report.links)
    if reached > report.seq or reached == start < report.seq:
        raise _Alarm("audit_entries_missing", f"the device did not send the entries from entry "
                     f"{start} to its head, entry {report.seq}", seq=start, head=report.seq)
    digest = points[start]
    for seq, link in enumerate(report.links, start=start + 1):
        digest = entry_hash(digest, *link)
        if points.get(seq, digest) != digest:
            raise _rewritten(seq)
    if reached == report.seq and digest != report.hash:
        raise _Alarm("audit_head_unreached", f"the entries after entry {start} do not lead to "
                     "the head the device reports (history rewritten)", seq=start)
    return (reached, digest), reached not in points


def _rewritten(seq: int) -> _Alarm:
    return _Alarm("audit_rewritten", f"entry {seq} differs from the one HQ holds (history "
                  "rewritten)", seq=seq)


def accept_head(db: ServerDB, who: DeviceIdentity | Bearer, report: AuditHeadReport) -> dict:
    """Check the report; keep the point it reaches (or raise an alarm). The answer also carries
    the device's status (`active`, `retiring`, ...), which saves the device a separate status
    request per sync. `who` may be a token not checked yet: it is checked in the same
    transaction."""
    with db.write() as conn:
        return accept_in(conn, identify(conn, who), report)


# A point kept: driver SQL (a compiled statement object still cost ~40 µs of SQLAlchemy's
# execution machinery a round, twice a round: A's report and B's)
_ANCHOR_SQL = {mark: f"INSERT INTO {T.audit_anchor.name} (device_id, seq, hash, accepted_at) "
               f"VALUES ({', '.join([mark] * 4)})" for mark in ("?", "%s")}


def accept_in(conn: sa.Connection, who: DeviceIdentity, report: AuditHeadReport, *,
              stood: list | None = None) -> dict:
    """`accept_head` inside a writing transaction the caller holds: a push's or a pull's, on
    which the report rode (one commit at HQ per round).

    `stood`: the rows of `standing_statement` the caller read in this transaction already,
    sent with statements of its own (a PostgreSQL push: one round trip fewer, issue 18 §3)."""
    status, points = _stood(stood) if stood is not None else _standing(
        conn, who.id, report.anchor.seq if report.anchor is not None else None)
    held = max(points.items()) if points else None
    try:
        point, new = ((report.seq, report.hash), True) if held is None else \
            _check(points, held, report)
    except _Alarm as alarm:
        set_meta(conn, f"audit_alarm:{who.id}", alarm.stored())
        log.warning("audit chain of device %s (%s): %s", who.id, who.label, alarm.text)
        return {"accepted": False, "problem": alarm.text, "code": alarm.code,
                "head": f"{held[0]}:{held[1]}", "more": False, "status": status}
    if new:
        on_driver(conn, _ANCHOR_SQL[driver_mark(conn)],
                  (who.id, point[0], point[1], driver_time(conn, utcnow())))
    return {"accepted": True, "problem": "", "head": f"{point[0]}:{point[1]}",
            "more": point[0] < report.seq, "status": status}


def riding_report(raw: dict | None) -> AuditHeadReport | None:
    """The head report that rode on a push or a pull, checked (422 when malformed)."""
    if raw is None:
        return None
    try:
        return AuditHeadReport.model_validate(raw)
    except ValidationError as exc:
        raise ClientError(422, "invalid_request", f"audit: {exc.errors()[0]['msg']}") from None


def alarm_of(stored: str | None) -> dict:
    """An alarm as HQ stored it: {at, code, args, text}; one from before codes is text only."""
    if not stored:
        return {}
    if stored.startswith("{"):
        return orjson.loads(stored)
    at, _, text = stored.partition(" ")
    return {"at": at, "code": "", "args": {}, "text": text}


def held_head(db: ServerDB, device_id: str) -> tuple[str | None, str | None]:
    """(newest point "seq:hash", the alarm's sentence) HQ holds for a device, for
    `audit verify --head`."""
    with db.read() as conn:
        newest = _newest(conn, device_id)
        alarm = alarm_of(get_meta(conn, f"audit_alarm:{device_id}"))
    return f"{newest[0]}:{newest[1]}" if newest else None, alarm.get("text")

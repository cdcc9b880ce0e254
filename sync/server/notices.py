"""HQ hands out the numbers of the notices the office issues: one sequence per kind, prefix and
year (issue 14 §5: criticism, assignment, reminder, visit-round and exposure notices).

`POST /v1/notices/number` with a device-made `notice_id`; asking again with the same id
returns the same number (a lost reply is simply retried). Only office and HQ devices issue
notices. HQ picks the prefix: the office settings' prefix for the kind when HQ set one, else
the one the device proposes (an older client, or settings not yet written).

HQ records the records each numbered notice carried, per kind, so it is the one place that
knows what every device has issued. For criticism notices, with `leave_out_circulated` the
criticisms an earlier criticism notice already circulated are left out of the new one (the
answer's `criticism_ids` are those the notice may carry, `left_out` the others), in the same
locked transaction as the numbering, so two laptops issuing at once cannot both circulate one
criticism. When every criticism was already circulated no number is used up (`number` is
null). Without the flag (older clients, or the office choosing to circulate again) every
criticism asked for is recorded.
"""

import sqlalchemy as sa
from fastapi import APIRouter, Depends

from models.office_settings import prefix_for
from models.timeutil import utcnow
from sync.protocol import NoticeKind, NumberRequest, NumberResponse
from sync.server import tables as T
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB, lock_counter
from sync.server.deps import CallingDevice, Db, check_schema
from sync.server.errors import ClientError

ISSUING_ROLES = ("office", "hq")


def _answer(kind: str, prefix: str, year: int, seq: int | None, kept: list[str],
            asked: list[str]) -> dict:
    number = None if seq is None else f"{prefix}〔{year}〕{seq}号"
    held = set(kept)
    criticism = kind == NoticeKind.CRITICISM
    return {"kind": kind, "prefix": prefix, "year": year, "seq": seq, "number": number,
            "record_ids": kept, "criticism_ids": kept if criticism else [],
            "left_out": [i for i in asked if i not in held]}


def circulated_before(conn: sa.Connection, notice_id: str) -> set[str]:
    """Criticism ids carried by the criticism notices numbered so far, but `notice_id`."""
    t = T.notice_number
    out: set[str] = set()
    for ids in conn.execute(sa.select(t.c.record_ids).where(
            t.c.kind == NoticeKind.CRITICISM, t.c.notice_id != notice_id)).scalars():
        out.update(ids or ())
    return out


def hq_prefix(conn: sa.Connection, req: NumberRequest) -> str:
    """The office settings' prefix for the kind; the proposed one when HQ set none."""
    return prefix_for(conn, req.kind.value) or req.prefix


def allocate(db: ServerDB, who: DeviceIdentity, req: NumberRequest) -> dict:
    t = T.notice_number
    asked = req.carried()
    with db.write() as conn:
        lock_counter(conn)  # writers one at a time: no two notices get one number
        held = conn.execute(sa.select(t).where(t.c.notice_id == req.notice_id)).first()
        if held is not None:
            return _answer(held.kind, held.prefix, held.year, held.seq,
                           list(held.record_ids or ()), asked)
        prefix = hq_prefix(conn, req)
        kept = asked
        if req.leave_out_circulated and req.kind is NoticeKind.CRITICISM:
            earlier = circulated_before(conn, req.notice_id)
            kept = [i for i in asked if i not in earlier]
            if asked and not kept:
                return _answer(req.kind, prefix, req.year, None, [], asked)
        last = conn.execute(sa.select(sa.func.max(t.c.seq)).where(
            t.c.kind == req.kind, t.c.prefix == prefix, t.c.year == req.year)).scalar() or 0
        conn.execute(t.insert().values(
            kind=req.kind.value, prefix=prefix, year=req.year, seq=last + 1,
            notice_id=req.notice_id, device_id=who.id, record_ids=kept, issued_at=utcnow()))
    return _answer(req.kind, prefix, req.year, last + 1, kept, asked)


router = APIRouter(prefix="/v1", dependencies=[Depends(check_schema)])


@router.post("/notices/number", response_model=NumberResponse)
def notice_number(body: NumberRequest, db: Db, who: CallingDevice):
    if who.role not in ISSUING_ROLES:
        raise ClientError(403, "forbidden", "Only the office or HQ issues notices.")
    return allocate(db, who, body)

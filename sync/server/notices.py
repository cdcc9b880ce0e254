"""HQ hands out the numbers of circulated criticism notices: one sequence per prefix and year.

`POST /v1/notices/number` with a device-made `notice_id`; asking again with the same id
returns the same number (a lost reply is simply retried). Only office and HQ devices issue
notices.

HQ records the criticisms each numbered notice circulated, so it is the one place that knows
what every device has circulated. With `leave_out_circulated` the criticisms an earlier notice
already circulated are left out of the new one (the answer's `criticism_ids` are those the
notice may carry, `left_out` the others), in the same locked transaction as the numbering, so
two laptops issuing at once cannot both circulate one criticism. When every criticism was
already circulated no number is used up (`number` is null). Without the flag (older clients,
or the office choosing to circulate again) every criticism asked for is recorded.
"""

from fastapi import APIRouter, Depends

from models.timeutil import utcnow
from sync.protocol import NumberRequest, NumberResponse
from sync.server import tables as T
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB, lock_counter
from sync.server.deps import CallingDevice, Db, check_schema
from sync.server.errors import ClientError

ISSUING_ROLES = ("office", "hq")


def _answer(prefix: str, year: int, seq: int | None, kept: list[str],
            asked: list[str]) -> dict:
    number = None if seq is None else f"{prefix}〔{year}〕{seq}号"
    held = set(kept)
    return {"prefix": prefix, "year": year, "seq": seq, "number": number,
            "criticism_ids": kept, "left_out": [i for i in asked if i not in held]}


def circulated_before(conn, notice_id: str) -> set[str]:
    """Criticism ids carried by the notices numbered so far, other than `notice_id`."""
    import sqlalchemy as sa

    t = T.notice_number
    out: set[str] = set()
    for ids in conn.execute(sa.select(t.c.criticism_ids).where(t.c.notice_id != notice_id)
                            ).scalars():
        out.update(ids or ())
    return out


def allocate(db: ServerDB, who: DeviceIdentity, req: NumberRequest) -> dict:
    import sqlalchemy as sa

    t = T.notice_number
    with db.write() as conn:
        lock_counter(conn)  # writers one at a time: no two notices get one number
        held = conn.execute(sa.select(t).where(t.c.notice_id == req.notice_id)).first()
        if held is not None:
            return _answer(held.prefix, held.year, held.seq, list(held.criticism_ids or ()),
                           req.criticism_ids)
        kept = req.criticism_ids
        if req.leave_out_circulated:
            earlier = circulated_before(conn, req.notice_id)
            kept = [i for i in req.criticism_ids if i not in earlier]
            if req.criticism_ids and not kept:
                return _answer(req.prefix, req.year, None, [], req.criticism_ids)
        last = conn.execute(sa.select(sa.func.max(t.c.seq)).where(
            t.c.prefix == req.prefix, t.c.year == req.year)).scalar() or 0
        conn.execute(t.insert().values(
            prefix=req.prefix, year=req.year, seq=last + 1, notice_id=req.notice_id,
            device_id=who.id, criticism_ids=kept, issued_at=utcnow()))
    return _answer(req.prefix, req.year, last + 1, kept, req.criticism_ids)


router = APIRouter(prefix="/v1", dependencies=[Depends(check_schema)])


@router.post("/notices/number", response_model=NumberResponse)
def notice_number(body: NumberRequest, db: Db, who: CallingDevice):
    if who.role not in ISSUING_ROLES:
        raise ClientError(403, "forbidden", "Only the office or HQ issues notices.")
    return allocate(db, who, body)

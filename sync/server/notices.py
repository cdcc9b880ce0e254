"""HQ hands out the numbers of circulated criticism notices: one sequence per prefix and year.

`POST /v1/notices/number` with a device-made `notice_id`; asking again with the same id
returns the same number (a lost reply is simply retried). Only office and HQ devices issue
notices.
"""

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB, lock_counter
from sync.server.routes import check_schema, device

ISSUING_ROLES = ("office", "hq")


class NumberRequest(BaseModel):
    notice_id: str = Field(min_length=1, max_length=36)
    prefix: str = Field(min_length=1, max_length=20)
    year: int = Field(ge=2000, le=2100)
    criticism_ids: list[str] = Field(default_factory=list, max_length=500)


class NumberResponse(BaseModel):
    prefix: str
    year: int
    seq: int
    number: str


def _answer(prefix: str, year: int, seq: int) -> dict:
    return {"prefix": prefix, "year": year, "seq": seq, "number": f"{prefix}〔{year}〕{seq}号"}


def allocate(db: ServerDB, who: DeviceIdentity, req: NumberRequest) -> dict:
    import sqlalchemy as sa

    t = T.notice_number
    with db.write() as conn:
        lock_counter(conn)  # writers one at a time: no two notices get one number
        held = conn.execute(sa.select(t).where(t.c.notice_id == req.notice_id)).first()
        if held is not None:
            return _answer(held.prefix, held.year, held.seq)
        last = conn.execute(sa.select(sa.func.max(t.c.seq)).where(
            t.c.prefix == req.prefix, t.c.year == req.year)).scalar() or 0
        conn.execute(t.insert().values(
            prefix=req.prefix, year=req.year, seq=last + 1, notice_id=req.notice_id,
            device_id=who.id, criticism_ids=req.criticism_ids, issued_at=utcnow()))
    return _answer(req.prefix, req.year, last + 1)


router = APIRouter(prefix="/v1", dependencies=[Depends(check_schema)])


@router.post("/notices/number", response_model=NumberResponse)
def notice_number(body: NumberRequest, request: Request, who=Depends(device)):
    from sync.server.app import ClientError

    if who.role not in ISSUING_ROLES:
        raise ClientError(403, "forbidden", "Only the office or HQ issues notices.")
    return allocate(request.app.state.db, who, body)

"""Asking HQ for the number of a circulated criticism notice at the moment it is issued.

The desktop asks (through the one HQ client, as the enrolled device) and hands the answer to
`reports` as a `reports.numbering.IssuedNumber`: the documents never talk to HQ themselves
(an import contract in pyproject.toml keeps `reports` independent of `sync`).

The call runs on the caller's thread, usually the one building the notice while it holds a
read connection: the store's QueuePool (models/store/database.py) lends every checkout a
connection of its own, so the engine's reads here never take the report reader's.
"""

import asyncio

import httpx

from models.ids import new_id
from reports.numbering import IssuedNumber
from sync.protocol import NumberRequest, NumberResponse


async def ask_hq(store, request: NumberRequest,
                 transport: httpx.AsyncBaseTransport | None = None) -> NumberResponse:
    """HQ's answer to `request`, asked with this device's enrollment and credential."""
    from sync.client.engine import SyncEngine

    engine = SyncEngine(store, transport=transport)
    try:
        async with engine.client() as client:
            return await client.notice_number(request)
    finally:
        engine.close()


async def issue_number_async(store, *, prefix: str, year: int, criticism_ids: list[str],
                             include_circulated: bool = False, notice_id: str | None = None,
                             transport: httpx.AsyncBaseTransport | None = None) -> IssuedNumber:
    """The next number of `year` from HQ (the device must be enrolled as office or HQ); HQ
    leaves out the criticisms an earlier notice already circulated unless
    `include_circulated`."""
    request = NumberRequest(notice_id=notice_id or new_id(), prefix=prefix, year=year,
                            criticism_ids=criticism_ids,
                            leave_out_circulated=not include_circulated)
    answer = await ask_hq(store, request, transport)
    # An HQ that does not check what was circulated answers without `left_out`: it recorded
    # every criticism asked for.
    checked = "left_out" in answer.model_fields_set
    kept = answer.criticism_ids if checked else criticism_ids
    return IssuedNumber(answer.number, tuple(kept), tuple(answer.left_out))


def issue_number(store, **kw) -> IssuedNumber:
    return asyncio.run(issue_number_async(store, **kw))

"""Asking HQ for the number of a notice at the moment it is issued.

The request names the document kind (criticism, assignment, reminder, visit round, exposure:
each numbered on its own) and the records the notice carries; HQ picks the prefix (the office
settings' for the kind, else the one proposed here) and the answer's number, prefix included, is
what the document prints. The criticism notice asks, and the reminder notices (one number
per unit notice, `issue_numbers`).

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
from sync.protocol import NoticeKind, NumberRequest, NumberResponse


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


async def issue_number_async(store, *, prefix: str, year: int,
                             criticism_ids: list[str] | None = None,
                             kind: NoticeKind = NoticeKind.CRITICISM,
                             record_ids: list[str] | None = None,
                             include_circulated: bool = False, notice_id: str | None = None,
                             transport: httpx.AsyncBaseTransport | None = None) -> IssuedNumber:
    """The next number of `kind` and `year` from HQ (the device must be enrolled as office or
    HQ); for a criticism notice HQ leaves out the criticisms an earlier one already circulated
    unless `include_circulated`."""
    ids = list(record_ids if record_ids is not None else criticism_ids or [])
    criticism = kind is NoticeKind.CRITICISM
    # A criticism notice's records go as `criticism_ids`, which an HQ of any age reads.
    request = NumberRequest(notice_id=notice_id or new_id(), kind=kind, prefix=prefix,
                            year=year, criticism_ids=ids if criticism else [],
                            record_ids=[] if criticism else ids,
                            leave_out_circulated=criticism and not include_circulated)
    answer = await ask_hq(store, request, transport)
    # An HQ that does not check what was circulated answers without `left_out`: it recorded
    # every record asked for.
    checked = "left_out" in answer.model_fields_set
    carried = answer.record_ids if "record_ids" in answer.model_fields_set \
        else answer.criticism_ids
    kept = carried if checked else ids
    return IssuedNumber(answer.number, tuple(kept), tuple(answer.left_out))


def issue_number(store, **kw) -> IssuedNumber:
    return asyncio.run(issue_number_async(store, **kw))


def issue_numbers(store, *, kind: NoticeKind, records: dict[str, list[str]], prefix: str,
                  year: int, transport: httpx.AsyncBaseTransport | None = None
                  ) -> dict[str, str | None]:
    """One number of `kind` per notice: {notice key (a unit id): HQ's number}, each request
    naming the records that notice carries."""
    async def ask_all() -> dict[str, str | None]:
        return {key: (await issue_number_async(store, kind=kind, record_ids=ids, prefix=prefix,
                                               year=year, transport=transport)).number
                for key, ids in records.items()}

    return asyncio.run(ask_all())

"""Asking HQ for the number of a circulated criticism notice at the moment it is issued."""

import asyncio
from dataclasses import dataclass

import httpx

from models.ids import new_id

# The call runs on the caller's thread, usually the one building the notice while it holds a
# read connection. It once had to run on a thread of its own (one persistent thread, as a new
# thread per notice made the store's old SingletonThreadPool close the report reader's
# connection): that pool handed a thread's second `connect()` the connection it already held.
# The store's QueuePool (models/store/database.py) lends every checkout a connection of its own.


@dataclass(frozen=True)
class IssuedNumber:
    """HQ's answer when a notice is issued: its number and which criticisms it may carry.

    `left_out` are those an earlier notice already circulated (HQ's record of every numbered
    notice); `number` is None when all of them were, and then no number was used up."""
    number: str | None
    criticism_ids: tuple[str, ...]
    left_out: tuple[str, ...]


async def _ask(store, body: dict, transport: httpx.AsyncBaseTransport | None) -> dict:
    from sync.client.engine import SyncEngine

    engine = SyncEngine(store, transport=transport)
    client = engine._client()  # the enrolled HQ address and credential, as sync uses them
    try:
        response = await client.call("POST", "/v1/notices/number", json=body)
        return response.json()
    finally:
        await client.aclose()
        engine.close()


async def request_number_async(store, *, prefix: str, year: int, criticism_ids: list[str],
                               notice_id: str | None = None,
                               transport: httpx.AsyncBaseTransport | None = None) -> str:
    """The next number of `year` from HQ (the device must be enrolled as office or HQ).

    The caller may hold a read connection open while it builds the notice: the store lends
    this call connections of its own."""
    body = {"notice_id": notice_id or new_id(), "prefix": prefix, "year": year,
            "criticism_ids": criticism_ids}
    answer = await _ask(store, body, transport)
    return answer["number"]


async def issue_number_async(store, *, prefix: str, year: int, criticism_ids: list[str],
                             include_circulated: bool = False, notice_id: str | None = None,
                             transport: httpx.AsyncBaseTransport | None = None) -> IssuedNumber:
    """Like `request_number_async`, and HQ leaves out the criticisms an earlier notice already
    circulated unless `include_circulated`."""
    body = {"notice_id": notice_id or new_id(), "prefix": prefix, "year": year,
            "criticism_ids": criticism_ids, "leave_out_circulated": not include_circulated}
    answer = await _ask(store, body, transport)
    kept = answer.get("criticism_ids")
    if "left_out" not in answer:  # an HQ that does not check: it recorded them all
        kept = criticism_ids
    return IssuedNumber(answer["number"], tuple(kept), tuple(answer.get("left_out", ())))


def issue_number(store, **kw) -> IssuedNumber:
    return asyncio.run(issue_number_async(store, **kw))

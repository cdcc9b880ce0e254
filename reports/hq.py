"""Asking HQ for the number of a circulated criticism notice at the moment it is issued."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx

from models.ids import new_id

# The calls run on this one thread, not a new one each time: the store's pool keeps a connection
# per thread that used it and, past five, closes some of the others' - a new thread per notice
# would by the third or fourth notice close the connection of the thread building the report.
_NUMBERING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hq-numbering")


async def _on_numbering_thread(store, body: dict,
                               transport: httpx.AsyncBaseTransport | None) -> dict:
    return await asyncio.get_running_loop().run_in_executor(
        _NUMBERING, lambda: asyncio.run(_ask(store, body, transport)))


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

    Runs on the numbering thread: the store hands each thread its own connection, and the
    caller is usually holding a read connection open while it builds the notice."""
    body = {"notice_id": notice_id or new_id(), "prefix": prefix, "year": year,
            "criticism_ids": criticism_ids}
    answer = await _on_numbering_thread(store, body, transport)
    return answer["number"]


def request_number(store, **kw) -> str:
    return asyncio.run(request_number_async(store, **kw))


async def issue_number_async(store, *, prefix: str, year: int, criticism_ids: list[str],
                             include_circulated: bool = False, notice_id: str | None = None,
                             transport: httpx.AsyncBaseTransport | None = None) -> IssuedNumber:
    """Like `request_number_async`, and HQ leaves out the criticisms an earlier notice already
    circulated unless `include_circulated`."""
    body = {"notice_id": notice_id or new_id(), "prefix": prefix, "year": year,
            "criticism_ids": criticism_ids, "leave_out_circulated": not include_circulated}
    answer = await _on_numbering_thread(store, body, transport)
    kept = answer.get("criticism_ids")
    if "left_out" not in answer:  # an HQ that does not check: it recorded them all
        kept = criticism_ids
    return IssuedNumber(answer["number"], tuple(kept), tuple(answer.get("left_out", ())))


def issue_number(store, **kw) -> IssuedNumber:
    return asyncio.run(issue_number_async(store, **kw))

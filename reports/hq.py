"""Asking HQ for the number of a circulated criticism notice at the moment it is issued."""

import asyncio

import httpx

from models.ids import new_id


async def _ask(store, body: dict, transport: httpx.AsyncBaseTransport | None) -> str:
    from sync.client.engine import SyncEngine

    engine = SyncEngine(store, transport=transport)
    client = engine._client()  # the enrolled HQ address and credential, as sync uses them
    try:
        response = await client.call("POST", "/v1/notices/number", json=body)
        return response.json()["number"]
    finally:
        await client.aclose()
        engine.close()


async def request_number_async(store, *, prefix: str, year: int, criticism_ids: list[str],
                               notice_id: str | None = None,
                               transport: httpx.AsyncBaseTransport | None = None) -> str:
    """The next number of `year` from HQ (the device must be enrolled as office or HQ).

    Runs on its own thread: the store hands each thread its own connection, and the caller
    is usually holding a read connection open while it builds the notice."""
    body = {"notice_id": notice_id or new_id(), "prefix": prefix, "year": year,
            "criticism_ids": criticism_ids}
    return await asyncio.to_thread(lambda: asyncio.run(_ask(store, body, transport)))


def request_number(store, **kw) -> str:
    return asyncio.run(request_number_async(store, **kw))

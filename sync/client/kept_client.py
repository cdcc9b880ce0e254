"""The HQ client a sync engine keeps from one round to the next (issue 18 §2).

A new `HqClient` per round costs the device ~0.5 ms of CPU (httpx's client, its pool) and a new
TCP connection, which costs HQ a connection's set-up too; a one-record round's whole budget is
a few milliseconds. An engine whose rounds run on one long-lived event loop (the window's, qasync)
keeps its client, and the client its connection, while the rounds go well. The transport
(`sync.client.http11`) drops a connection HQ closed while idle (uvicorn keeps one 5 s) and
opens another. A client is bound to its loop: a round on another loop (a command's
`asyncio.run`) gets a client of its own.
"""

import asyncio
from collections.abc import Callable

from sync.client.hq_client import HqClient


class ClientKeeper:
    def __init__(self, keep: bool):
        self.keep = keep
        self._kept: tuple[HqClient, asyncio.AbstractEventLoop] | None = None

    def client(self, url: str, make: Callable[[], HqClient]) -> HqClient:
        """The kept client when it is for `url` and this loop, else a new one from `make`
        (kept, when this keeper keeps)."""
        loop = asyncio.get_running_loop()
        if self._kept is not None:
            client, kept_loop = self._kept
            if kept_loop is loop and client.url == url.rstrip("/"):
                return client
            self.drop()
        client = make()
        if self.keep:
            self._kept = (client, loop)
        return client

    async def done(self, client: HqClient, ok: bool) -> None:
        """The round with `client` is over: keep it when the round went well and it is the
        kept one, else close it (a failed round starts the next on a fresh client)."""
        if self._kept is not None and self._kept[0] is client:
            if ok:
                return
            self._kept = None
        await client.aclose()

    def drop(self) -> None:
        """Let go of the kept client (closed on its loop when called on that loop)."""
        kept, self._kept = self._kept, None
        if kept is None:
            return
        client, loop = kept
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            return
        if running is loop:
            loop.create_task(client.aclose())

    async def aclose(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None and kept[1] is asyncio.get_running_loop():
            await kept[0].aclose()

"""The HQ server's administration calls (`/v1/admin/devices`, `/v1/conflicts/…/resolve`) as
an HQ or office device makes them.

Qt-free and awaited on the window's loop; it authenticates with this device's own credential,
exactly as a sync round does. (Teams and campaigns are records: they go through the write
path and sync, see docs/authorization.md.)
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class EnrollRequest:
    role: str
    team: str | None = None
    representative: str | None = None
    unit: str | None = None
    label: str = ""

    def body(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")} | {
            "role": self.role}


class HqAdmin:
    def __init__(self, engine, server_url: str) -> None:
        self.engine = engine
        self.server_url = server_url

    def _client(self):
        from sync.client.http import HQClient

        return HQClient(self.server_url, credential=self.engine.credentials.load,
                        transport=self.engine.transport, retry=self.engine.retry)

    async def _call(self, method: str, path: str, **kw):
        client = self._client()
        try:
            response = await client.call(method, path, **kw)
            return response.json()
        finally:
            await client.aclose()

    async def devices(self) -> list[dict]:
        return await self._call("GET", "/v1/admin/devices")

    async def enroll(self, request: EnrollRequest) -> dict:
        """A pending device and the one-time code to type on it."""
        return await self._call("POST", "/v1/admin/devices", json=request.body())

    async def revoke(self, device_id: str) -> dict:
        return await self._call("POST", f"/v1/admin/devices/{device_id}/revoke")

    async def resolve_conflict(self, conflict_id: str) -> dict:
        """Mark a conflict settled at HQ (the record itself was fixed by a normal edit)."""
        return await self._call("POST", f"/v1/conflicts/{conflict_id}/resolve")

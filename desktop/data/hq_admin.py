"""The HQ server's administration calls (devices, settling conflicts) as an HQ or office
device makes them, through the one HQ client (`sync.client.hq_client`).

Qt-free and awaited on the window's loop; it authenticates with this device's own credential,
exactly as a sync round does. (Teams and campaigns are records: they go through the write
path and sync, see docs/authorization.md.) The enrollment request is the protocol's own
`EnrollDeviceRequest`.
"""

from sync.protocol import EnrollDeviceRequest

__all__ = ["EnrollDeviceRequest", "HqAdmin"]


class HqAdmin:
    def __init__(self, engine, server_url: str) -> None:
        self.engine = engine
        self.server_url = server_url

    def _client(self):
        return self.engine.client(self.server_url)

    async def devices(self) -> list[dict]:
        """The devices HQ knows, as plain rows for the devices page."""
        async with self._client() as client:
            return [d.model_dump() for d in await client.devices()]

    async def enroll(self, request: EnrollDeviceRequest) -> dict:
        """A pending device and the one-time code to type on it."""
        async with self._client() as client:
            return (await client.enroll_device(request)).model_dump()

    async def revoke(self, device_id: str) -> dict:
        async with self._client() as client:
            return await client.revoke_device(device_id)

    async def resolve_conflict(self, conflict_id: str) -> dict:
        """Mark a conflict settled at HQ (the record itself was fixed by a normal edit)."""
        async with self._client() as client:
            return await client.resolve_conflict(conflict_id)

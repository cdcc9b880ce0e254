"""What the window knows about the person at the keyboard and the store they opened."""

from dataclasses import dataclass, field

from desktop.data.reference import Reference, load_reference
from desktop.pages.registry import pages_for
from desktop.worker import DbWorker
from models.enums import DeviceRole, ProfileRole


@dataclass
class Session:
    store: object
    worker: DbWorker
    profile: str
    profile_role: str
    device_role: str
    is_demo: bool = False
    standalone: bool = False  # never enrolled: an office with no HQ keeps its own campaigns
    representative_id: str = ""  # a representative device's own representative (from HQ)
    idle_lock_minutes: int = 10  # the window locks after this long without input
    reference: Reference = field(default_factory=Reference)
    # How the sync engine reaches HQ: None for the network; tests put the in-process app here.
    sync_transport: object = None
    sync_retry: object = None
    _sync_engine: object = field(default=None, repr=False)
    # The window's desktop.change_hub.ChangeHub: pages reload on what it announces. Without
    # one (a page on its own, in tests), a page reloads itself after its own save.
    change_hub: object = field(default=None, repr=False)
    # Loads started on the database lane before the first window was built (desktop.app), by
    # page id: the page takes its own once, instead of starting the same read again.
    first_loads: dict = field(default_factory=dict, repr=False)

    def sync_engine(self):
        """The Qt-free sync engine of this store, made on first use (keeps httpx off start-up)."""
        if self._sync_engine is None:
            from sync.client.engine import SyncEngine

            # Its store work runs on the window's database lane, the store's one thread; its
            # rounds run on the window's one loop, so it keeps its HQ client between them.
            self._sync_engine = SyncEngine(self.store, transport=self.sync_transport,
                                           retry=self.sync_retry,
                                           db_executor=self.worker.executor,
                                           keep_connection=True)
        return self._sync_engine

    def close_sync(self) -> None:
        if self._sync_engine is not None:
            self._sync_engine.close()
            self._sync_engine = None

    @property
    def is_supervisor(self) -> bool:
        return self.profile_role in (ProfileRole.SUPERVISOR, ProfileRole.HQ)

    def visible_pages(self) -> tuple[str, ...]:
        """The ids of this person's pages (desktop.pages.registry): none for an unknown role."""
        # A demo store shows everything: it exists to explore the product.
        role = DeviceRole.HQ if self.is_demo else self.device_role
        return pages_for(role, self.profile_role, standalone=self.standalone)

    async def refresh_reference(self) -> Reference:
        store = self.store

        def load():
            with store.read() as conn:
                return load_reference(conn)

        self.reference = await self.worker.run(load)
        return self.reference

    def refresh_reference_blocking(self) -> Reference:
        store = self.store

        def load():
            with store.read() as conn:
                return load_reference(conn)

        self.reference = self.worker.call_blocking(load)
        return self.reference

    async def write(self, action):
        """Run `action(write_session)` as one transaction on the DB worker; return its result."""
        store, profile = self.store, self.profile

        def job():
            with store.write(profile) as w:
                return action(w)

        return await self.worker.run(job)

    async def read(self, action):
        store = self.store

        def job():
            with store.read() as conn:
                return action(conn)

        return await self.worker.run(job)

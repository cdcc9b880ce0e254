"""The sync engine: enroll once, then rounds of push (outbox) then pull (pages), Qt-free.

Local database work runs on ONE worker thread (SQLite has one writer; connections never cross
threads); network I/O is awaited on the caller's loop. Every step leaves the store consistent
(a batch is settled, or a page is stored with its cursor, in one local transaction), so a
cancelled, killed or cut sync just resumes next time.
"""

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime

import httpx
import orjson

from models.errors import DomainError, NotFoundError, SyncError
from models.security.attachment_store import BlobCorruptError
from models.security.audit import SENT_HEAD_META_KEY
from models.security.wipe import wipe_store
from models.store.database import write_transaction
from models.store.identity import SEQUENCE_REUSED, enrolled_anew
from models.store.outbox import HELD_BACK_CODES
from models.store.store import Store, set_meta
from models.timeutil import utcnow
from sync.client import attachments as blobs
from sync.client.apply import CURSOR_KEY, apply_page
from sync.client.audit_head import (
    accepted_point,
    may_ride,
    record_sync,
    report_to_send,
    send_rest,
)
from sync.client.credentials import CredentialStore
from sync.client.failures import DeviceRevoked, HqRefused, NotEnrolled
from sync.client.held_back import requeue_fitting
from sync.client.hq_client import HqClient, RetryPolicy
from sync.client.kept_client import ClientKeeper
from sync.client.outbox import backfill, read_batch, settle
from sync.client.reenroll import (
    ReenrollNeeded,
    give_up_identity,
    previous_device_id,
    refused_as_reused,
)
from sync.client.retire import retire_if_asked
from sync.client.round_start import round_start
from sync.client.snapshot import take_snapshot, wants_snapshot
from sync.client.standalone import hand_result_settings_to_hq
from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_BATCH_ENTRIES,
    PHOTO_REFUSALS,
    EnrollRequest,
    PulledPage,
    PushResult,
    skip_entry,
)

log = logging.getLogger(__name__)
BATCH_BYTES = 4 * 1024 * 1024
# A round's first batch goes alone (`SyncEngine._push`): kept small, so that HQ answers it
# soon and the batches after it go pipelined; a one-record round is one batch as before.
FIRST_BATCH_ENTRIES = 500
ENROLL_META = ("hq_device_id", "device_role", "team_id", "representative_id", "unit_id")


class SyncCancelled(SyncError):
    code = "sync_cancelled"


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    removed: int = 0
    rejected: int = 0
    forbidden: int = 0
    held_back: int = 0  # too large to send (or refused alone): kept here as sync issues
    conflicts: int = 0
    duplicates: int = 0
    attachments: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # push | pull | done
    done: int
    total: int | None = None


class SyncEngine:
    def __init__(self, store: Store, *, transport: httpx.AsyncBaseTransport | None = None,
                 retry: RetryPolicy | None = None,
                 on_progress: Callable[[SyncProgress], None] | None = None,
                 batch_entries: int = MAX_BATCH_ENTRIES, batch_bytes: int = BATCH_BYTES,
                 page_limit: int = DEFAULT_PULL_LIMIT,
                 db_executor: Executor | None = None, keep_connection: bool = False):
        self.store = store
        self.transport = transport
        self.retry = retry
        self.on_progress = on_progress
        self.batch_entries, self.batch_bytes, self.page_limit = (
            batch_entries, batch_bytes, page_limit)
        self.credentials = CredentialStore(store)
        self._cancelled = False
        self._token: str | None = None  # kept in memory only, between rounds
        self._unsettled: PushResult | None = None  # HQ's answer to the last batch, not stored
        self._first_page: PulledPage | None = None  # the pull page that rode on the last one
        self._audit_answer: dict | None = None  # HQ's answer to the round's audit head report
        self._unremembered: str | None = None  # the point HQ accepted, not stored yet
        # `keep_connection`: rounds on one long-lived loop (the window's) keep one HQ client.
        self._clients = ClientKeeper(keep_connection)
        # The store work of a round runs on one thread: the window's database lane when it
        # gives one (so the window's reads and the sync's writes never interleave), else a
        # thread of the engine's own (the command line).
        self._owns_worker = db_executor is None
        self._worker = db_executor or ThreadPoolExecutor(max_workers=1,
                                                         thread_name_prefix="sync-db")

    # --- facts ------------------------------------------------------------------------------
    def is_enrolled(self) -> bool:
        return bool(self.store.meta("hq_device_id"))

    def last_synced(self) -> datetime | None:
        value = self.store.meta("last_synced_at")
        return datetime.fromisoformat(value) if value else None

    def cancel(self) -> None:
        """Stop after the current batch or page (each is stored whole or not at all)."""
        self._cancelled = True

    def close(self) -> None:
        self._clients.drop()
        if self._owns_worker:
            self._worker.shutdown(wait=True)

    async def aclose(self) -> None:
        """Close the HQ client kept between rounds (`keep_connection`), then `close`."""
        await self._clients.aclose()
        self.close()

    async def _db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._worker, fn, *args)

    def client(self, server_url: str | None = None) -> HqClient:
        """The client for this device's HQ (or `server_url`), with its credential; the
        caller closes it (`async with`)."""
        url = server_url or self.store.meta("server_url")
        if not url:
            raise NotEnrolled(code="hq_not_enrolled")
        return HqClient(url, credential=self.credentials.load, transport=self.transport,
                        retry=self.retry, token=None if server_url else self._token)

    def _client_for(self, enrolled_url: str) -> HqClient:
        """The client for the HQ this device enrolled with (its URL as stored), with the
        token kept from the last round (the client kept from it, with `keep_connection`)."""
        return self._clients.client(enrolled_url, lambda: HqClient(
            enrolled_url, credential=self.credentials.load, transport=self.transport,
            retry=self.retry, token=self._token))

    # --- enrollment -------------------------------------------------------------------------
    async def enroll(self, server_url: str, code: str, label: str = "") -> dict:
        if self.store.is_demo:
            raise DomainError(code="hq_demo_store")
        if self.is_enrolled():
            raise DomainError(code="hq_already_enrolled")
        # A restored or copied store names the device it was: HQ records which it replaces.
        previous = await self._db(previous_device_id, self.store)
        request = _enroll_request(code, self.store.device_id, label, previous)
        async with self.client(server_url) as client:
            granted = (await client.enroll(request)).model_dump()
        self._token = None  # a token of an identity this store gave up is never used again
        # (until this enrollment, `check_identity` stops every round before any request)
        self._clients.drop()  # nor a client kept with one
        await self._db(self._remember_enrollment, server_url, granted)
        return granted

    def _remember_enrollment(self, server_url: str, granted: dict) -> None:
        if granted["role"] != "hq":  # a standalone office's own settings give way to HQ's
            hand_result_settings_to_hq(self.store)
        self.credentials.save(granted["credential"])
        granted = {**granted, "device_role": granted["role"]}
        with write_transaction(self.store.engine) as conn:
            set_meta(conn, "server_url", server_url.rstrip("/"))
            for key in ENROLL_META:
                set_meta(conn, key, granted.get(key) or "")
            enrolled_anew(conn)

    # --- one round ----------------------------------------------------------------------------
    async def sync(self, progress: Callable[[float], None] | None = None) -> SyncReport:
        """Push everything queued, then pull everything new. Raises SyncError when HQ cannot
        be reached or refuses; what was done before stays done."""
        if self.store.wiped:
            raise DeviceRevoked("HQ has revoked this device; it no longer syncs.")
        # One read for all the round needs, the first outbox batch with it.
        start = await self._db(round_start, self.store, self._first_batch, self.batch_bytes)
        if start.revoked:
            raise DeviceRevoked("HQ has revoked this device; it no longer syncs.")
        if start.reenroll:  # restored or copied: enroll again first
            raise ReenrollNeeded(start.reenroll)
        if not start.server_url:
            raise NotEnrolled(code="hq_not_enrolled")
        self._cancelled = False
        report = SyncReport()
        client = self._client_for(start.server_url)
        keep = False
        try:
            try:
                audit = start.audit
                queued = await self._db(backfill, self.store) if start.backfill else 0
                if start.held_back:
                    queued += await self._db(requeue_fitting, self.store)
                if queued:
                    audit = await self._db(report_to_send, self.store)
                # The audit head report and the device's status ride on the first push batch,
                # else on the first pull page: no request of their own (issue 18).
                self._audit_answer = self._unremembered = self._first_page = None
                riding, alone = (audit, None) if may_ride(audit) else (None, audit)
                # Records just queued (backfill, held back ones) come after the batch read.
                # The first pull page rides on the last push batch (one request for a
                # one-record round); a new device (no cursor yet) pulls on its own.
                riding = await self._push(client, report, progress, riding,
                                          None if queued else start.batch,
                                          start.cursor or None)
                first, self._first_page = self._first_page, None
                await self._pull(client, report, progress, riding, start.cursor, first)
                answer = await send_rest(client, self.store, self._db, self._audit_answer,
                                         alone)
                await retire_if_asked(client, self.store, self._db,
                                      (answer or {}).get("status"))
                keep = True  # a round that failed starts the next on a fresh client
            finally:
                await self._settle_left()
        except DeviceRevoked:
            await self._db(self.store.set_meta, "sync_revoked", "1")
            # A revoked device is a lost one: its confidential records and keys go (issue 6).
            await self._db(wipe_store, self.store, "revoked by HQ")
            raise
        finally:
            self._token = client.token
            await self._clients.done(client, keep)
        self._emit(progress, SyncProgress("done", 1, 1), 1.0)
        return report

    async def _push(self, client: HqClient, report: SyncReport, progress,
                    audit: dict | None = None,
                    first: tuple[list[dict], int] | None = None,
                    pull_cursor: int | None = None) -> dict | None:
        """Send the outbox in batches, pipelined: batch k+1 is read and sent before HQ's
        answer to batch k, so the device's reading and encoding and the HTTP overlap HQ's
        apply and commit. HQ applies a device's batches one at a time, in sequence order; one
        that overtakes the batch before gets 409 `sequence_gap`, changes nothing, and is sent
        again once that answer is in (`_land`). When HQ took only a part of batch k (413/422
        narrowing), batch k+1 is dropped unapplied and the outbox is read on after that part.
        HQ's answer to a batch is stored while the next one is in flight; the answer to the
        last batch is settled in the first pull page's transaction (`self._unsettled`), which
        saves a commit per round. `audit` rides on the first batch; it is returned when there
        was nothing to push (it rides on the pull then). `first`: the first batch, when the
        round's start read it. `pull_cursor`: the pull page after it rides on the last batch,
        kept in `self._first_page` (only when HQ took that whole batch)."""
        tally = [0, None]  # entries sent, entries queued at the first read
        reading = asyncio.ensure_future(_given(first) if first is not None else self._db(
            read_batch, self.store, self._first_batch, self.batch_bytes, None))
        flight: _Flight | None = None  # the batch sent before, its answer not taken yet
        sending: _Flight | None = None
        settling: asyncio.Future | None = None
        answered = False  # whether HQ answered a batch of this round yet
        try:
            while True:
                entries, remaining = await reading
                tally[1] = tally[1] if tally[1] is not None else remaining
                if not entries or self._cancelled:
                    if flight is not None:  # the last answer, left for the pull page
                        landed, flight = flight, None
                        pushed = await self._land(client, landed, settling, report, progress,
                                                  tally)
                        settling = None
                        if pushed[-1]["seq"] != landed.entries[-1]["seq"] and not entries:
                            reading = asyncio.ensure_future(self._db(  # HQ took a part
                                read_batch, self.store, self.batch_entries, self.batch_bytes,
                                pushed[-1]["seq"]))
                            continue
                    if entries:
                        self._check_cancel()
                    return audit
                uploaded, entries = await self._upload_blobs(client, entries)
                report.attachments += uploaded
                # Everything queued when it was read is in this batch: no further read needed.
                last = len(entries) >= remaining
                reading = asyncio.ensure_future(_nothing()) if last else asyncio.ensure_future(
                    self._db(read_batch, self.store, self.batch_entries, self.batch_bytes,
                             entries[-1]["seq"]))
                if flight is not None and not answered:
                    # Until HQ has answered a batch of this round it may hold no sequence for
                    # this device (a new identity takes whatever number comes first), so a
                    # second batch that overtook the first would be taken as the queue's
                    # start and the first then answered as a replay, never applied: the
                    # first batch is answered before the second goes. From then on HQ's
                    # sequence refuses any batch that overtakes (409 `sequence_gap`).
                    pushed = await self._land(client, flight, settling, report, progress, tally)
                    settling, answered = None, True
                    if pushed[-1]["seq"] != flight.entries[-1]["seq"]:  # HQ took a part
                        await asyncio.gather(reading, return_exceptions=True)
                        flight = None
                        reading = asyncio.ensure_future(self._db(
                            read_batch, self.store, self.batch_entries, self.batch_bytes,
                            pushed[-1]["seq"]))
                        continue
                    flight = None
                pull = (pull_cursor, self.page_limit) if last and pull_cursor else None
                follows = flight.entries[-1]["seq"] if flight is not None else None
                sending = _Flight(asyncio.ensure_future(self._post(client, entries, audit, pull,
                                                                   follows)),
                                  entries, audit, pull, early=flight is not None)
                audit = None
                if flight is None and self._unsettled is not None:  # after a part HQ took
                    settling = asyncio.ensure_future(self._settle_left())
                if flight is not None:
                    pushed = await self._land(client, flight, settling, report, progress, tally)
                    settling, answered = None, True
                    if pushed[-1]["seq"] != flight.entries[-1]["seq"]:
                        # HQ took a part: the batch sent after it cannot be applied (409), nor
                        # the read after it used; read on after that part.
                        sending.task.cancel()
                        await asyncio.gather(sending.task, reading, return_exceptions=True)
                        flight = sending = None
                        reading = asyncio.ensure_future(self._db(
                            read_batch, self.store, self.batch_entries, self.batch_bytes,
                            pushed[-1]["seq"]))
                        continue
                    # HQ's answer just taken is stored while the next batch is in flight.
                    settling = asyncio.ensure_future(self._settle_left())
                flight, sending = sending, None
        except BaseException:
            # Batches still in flight are dropped: what HQ applied of them is answered again,
            # from the outcomes it stored, when they are sent next round.
            posts = [f.task for f in (flight, sending) if f is not None]
            for task in posts:
                task.cancel()
            await asyncio.gather(reading, *posts, *([settling] if settling else []),
                                 return_exceptions=True)
            raise

    async def _land(self, client: HqClient, flight: "_Flight", settling, report: SyncReport,
                    progress, tally: list) -> list[dict]:
        """HQ's answer to a batch sent: taken in as the one to store next (after the answer
        before it is stored); returns the entries it covers."""
        try:
            result, pushed = await flight.task
        except HqRefused as exc:
            if not (flight.early and exc.status == 409 and exc.hq_code == "sequence_gap"):
                raise
            # It overtook the batch before it at HQ (nothing applied): again, in order now.
            result, pushed = await self._post(client, flight.entries, flight.audit,
                                              flight.pull)
        finally:
            if settling is not None:
                await settling
        page, result.page = result.page, None
        if flight.audit is not None:
            self._took_audit_answer(result.audit)
        if refused_as_reused(result):
            await self._give_up_identity(result)
        self._unsettled = result
        if page is not None and pushed[-1]["seq"] == flight.entries[-1]["seq"]:
            self._first_page = PulledPage.from_doc(page)
        _count(report, result, len(pushed))
        tally[0] += len(pushed)
        self._emit(progress, SyncProgress("push", tally[0], tally[1]),
                   0.5 * tally[0] / max(tally[1] or 0, 1))
        return pushed

    @property
    def _first_batch(self) -> int:
        return min(self.batch_entries, FIRST_BATCH_ENTRIES)

    async def _give_up_identity(self, result: PushResult) -> None:
        """HQ holds other entries under these numbers: this store is a copy. Keep the
        entries, list them, give up the identity; the round stops here."""
        await self._db(give_up_identity, self.store, result)
        raise ReenrollNeeded(SEQUENCE_REUSED, refused_as_reused(result))

    async def _post(self, client: HqClient, entries: list[dict], audit: dict | None = None,
                    pull: tuple[int, int] | None = None,
                    follows: int | None = None) -> tuple[PushResult, list]:
        """Push a batch; (HQ's answer, the entries it covers). A batch HQ refuses as too large
        (413) is halved until the one entry at fault is alone; that entry, or one HQ's schema
        refuses by its index (422), is held back: a `skip` placeholder goes in its place."""
        while True:
            try:
                return await client.push(entries, audit, pull, follows), entries
            except HqRefused as exc:
                if pull is not None and exc.status == 422 and "entry" not in exc.details:
                    pull = None  # an HQ older than the riding page refuses the key: the
                    continue  # batch goes without it, the pull on its own
                narrowed = _narrowed(entries, exc)
                if narrowed is None:
                    raise
                entries = narrowed

    async def _settle_left(self) -> None:
        """Settle an answer no pull page took (an earlier batch, or the round stopped before
        the pull). Should this fail, the batch is sent again and HQ answers it from the
        outcomes it stored, changing nothing."""
        result, self._unsettled = self._unsettled, None
        if result is not None and not self.store.wiped:
            try:
                await self._db(settle, self.store, result)
            except Exception as exc:  # noqa: BLE001 - harmless (see above), but never silent
                # The type only: an exception's text may quote a record (logs hold no
                # personal data).
                log.warning("could not settle HQ's answer to a pushed batch (%s); "
                            "it is sent again next round", type(exc).__name__)

    async def _upload_blobs(self, client: HqClient, entries: list[dict]
                            ) -> tuple[int, list[dict]]:
        """Bytes go up before the records that reference them. A photo whose bytes HQ refuses
        (location or camera data left, not JPEG or PNG) is held back: a `skip` placeholder
        goes in its record's place, the rest of the batch goes on (one photo never stops the
        device's sync). Returns how many went up, and the batch to push."""
        done, out = 0, []
        for e in entries:
            if e["table"] == "attachment" and e["op"] == "insert":
                sha = e["fields"].get("sha256", "")
                media = e["fields"].get("media_type") or "application/octet-stream"
                try:
                    done += await blobs.upload(client, self.store.blobs, sha, media)
                except HqRefused as exc:
                    if exc.hq_code not in PHOTO_REFUSALS:
                        raise
                    e = skip_entry(e, exc.hq_code, message=exc.reason)
            out.append(e)
        return done, out

    def _took_audit_answer(self, answer: dict | None) -> None:
        """HQ's answer to the head report: the point it accepted is stored with the next pull
        page (the round's one commit); should that not happen, the next report starts from the
        point before, which HQ holds too."""
        self._audit_answer = answer
        self._unremembered = accepted_point(answer)

    async def _pull(self, client: HqClient, report: SyncReport, progress,
                    audit: dict | None = None, cursor: int | None = None,
                    first: PulledPage | None = None) -> None:
        """Pull pages until HQ has no more; `audit` rides on the first. Each page's
        transaction also stores what is pending (HQ's answer to the last push batch, the audit
        point HQ accepted), and the last one logs the round in the audit chain: one commit for
        a one-record round. `first`: the first page, when it rode on the last push batch."""
        pages = 0
        # `cursor`: as read at the round's start (nothing but a pull moves it)
        if not cursor and await self._db(wants_snapshot, self.store):  # a new device
            report.pulled += await take_snapshot(client, self.store, self._db)
            cursor = None
        while True:
            self._check_cancel()
            if cursor is None:
                cursor = int(await self._db(self.store.meta, CURSOR_KEY, "0"))
            page, first = (first, None) if first is not None else (
                await client.pull(cursor, self.page_limit, audit), None)
            if audit is not None:
                self._took_audit_answer(page.audit)
                audit = None
            meta = {} if page.more else {"last_synced_at": utcnow().isoformat()}
            if self._unremembered:
                meta[SENT_HEAD_META_KEY] = self._unremembered
            removed = len(page.removals)
            finish = None if page.more else _sync_recorder(report, removed)
            report.pulled += await self._db(apply_page, self.store, page, meta,
                                            self._unsettled, finish)
            self._unsettled = self._unremembered = None
            cursor = page.cursor
            report.removed += removed
            pages += 1
            self._emit(progress, SyncProgress("pull", report.pulled), 0.5 + 0.5 * (
                1 - 1 / (pages + 1)))
            if not page.more:
                return

    async def fetch_attachment(self, sha256: str) -> bytes:
        """The bytes of an attachment, downloaded from HQ (and sealed into the store's blob
        folder) the first time they are opened."""
        held = self.store.blobs
        try:
            return await self._db(held.get, sha256)
        except NotFoundError:
            pass
        except BlobCorruptError:  # a damaged local copy is replaced by HQ's
            await self._db(held.delete, sha256)
        async with self.client() as client:
            data = await blobs.fetch(client, sha256)
        await self._db(lambda: held.put(data, expected_sha256=sha256))
        return data

    async def download_attachments(self, max_bytes: int):
        """After a round: the attachments this device may see, each up to `max_bytes`, that are
        not here yet (`sync.client.downloads`)."""
        from sync.client.downloads import download_missing

        return await download_missing(self, max_bytes)

    def _check_cancel(self) -> None:
        if self._cancelled:
            raise SyncCancelled()

    def _emit(self, progress, event: SyncProgress, fraction: float) -> None:
        if self.on_progress:
            self.on_progress(event)
        if progress:
            progress(min(1.0, fraction))


def _sync_recorder(report: SyncReport, removed: int):
    """Logs the round in the audit chain with its final counts, when it moved any row (a
    round that moved nothing adds nothing to the chain, so the head HQ holds stays the
    device's own); HQ gets the entry with the next round's report."""
    def finish(conn, count: int) -> None:
        # the report's fields as `as_dict` gives them (numbers only: no deep copy needed)
        details = {**vars(report), "pulled": report.pulled + count,
                   "removed": report.removed + removed}
        if details["pushed"] or details["pulled"] or details["removed"]:
            record_sync(conn, details)
    return finish


@dataclass
class _Flight:
    """A push batch sent, its answer awaited; `early`: sent before HQ answered the one before
    it (it may overtake it: 409 `sequence_gap`, sent again)."""

    task: asyncio.Future
    entries: list[dict]
    audit: dict | None
    pull: tuple[int, int] | None
    early: bool


async def _nothing() -> tuple[list, int]:
    return [], 0


async def _given(batch: tuple[list[dict], int]) -> tuple[list[dict], int]:
    return batch


def _enroll_request(code: str, device_id: str, label: str,
                    previous: str | None) -> EnrollRequest:
    """What the device sends to redeem a code; a malformed code is HQ's to refuse (with the
    same answer as an unknown one), so the request is built without the model's checks."""
    return EnrollRequest.model_construct(code=code, device_id=device_id, label=label,
                                         previous_device_id=previous or None)


def _narrowed(entries: list[dict], exc: HqRefused) -> list[dict] | None:
    """What to push instead of a batch HQ refused; None when the refusal is not about one
    entry (or falls on a placeholder already) and must stop the round as it is."""
    at = exc.details.get("entry") if exc.status == 422 else 0 if exc.status == 413 else None
    if type(at) is not int or not 0 <= at < len(entries):
        return None
    if exc.status == 413 and len(entries) > 1:
        return entries[:len(entries) // 2]
    if at > 0:
        return entries[:at]  # those before it go first; it comes first in the next batch
    if entries[0]["op"] == "skip":
        return None
    if exc.status == 413:
        return [skip_entry(entries[0], "too_large", len(orjson.dumps(entries[0])))]
    return [skip_entry(entries[0], "refused", message=exc.reason)]


def _count(report: SyncReport, result: PushResult, sent: int) -> None:
    report.pushed += sent
    for o in result.outcomes:
        if o.code in HELD_BACK_CODES:
            report.held_back += 1
        elif o.status in ("rejected", "forbidden"):
            report.rejected += 1  # `forbidden` is the part of it refused by scope
            report.forbidden += o.status == "forbidden"
        elif o.status == "conflict":
            report.conflicts += 1
        elif o.status == "duplicate":
            report.duplicates += 1

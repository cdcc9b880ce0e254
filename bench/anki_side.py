"""Anki's side of `bench/anki_compare.py` (issue 18 §4): the same figures measured on Anki's own
sync server (`python -m anki.syncserver`) with the `anki` package's Python API.

Kept apart from the comparison so the script's `--help` and its "install the extra" message
work without `anki` installed: nothing here is imported until the figures are taken.
"""

import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from anki.collection import AddNoteRequest, Collection, ImportCsvRequest
from anki.notes import Note
from anki.sync_pb2 import SyncCollectionResponse

USERS = (("bench", "pass"), ("push", "pass"))
Changes = SyncCollectionResponse.ChangesRequired


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AnkiServer:
    """Anki's sync server in a child process, on a free loopback port, storing under `base`."""

    def __init__(self, base: Path) -> None:
        self.port = _free_port()
        env = {f"SYNC_USER{i}": f"{u}:{p}" for i, (u, p) in enumerate(USERS, 1)}
        env.update(SYNC_BASE=str(base), SYNC_PORT=str(self.port), SYNC_HOST="127.0.0.1",
                   RUST_LOG="error")
        self.proc = subprocess.Popen([sys.executable, "-m", "anki.syncserver"], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.endpoint = f"http://127.0.0.1:{self.port}/"
        self._wait()

    def _wait(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("Anki's sync server exited at start")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("Anki's sync server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


class AnkiDevice:
    """One Anki collection logged in to the server as `user`."""

    def __init__(self, path: Path, server: AnkiServer, user: int = 0) -> None:
        self.col = Collection(str(path))
        name, password = USERS[user]
        self.auth = self.col.sync_login(name, password, server.endpoint)

    def sync(self) -> int:
        """A normal sync (NO_CHANGES comes back when it is done); a full upload or download
        when the server asks for one."""
        out = self.col.sync_collection(self.auth, sync_media=False)
        if out.new_endpoint:
            self.auth.endpoint = out.new_endpoint
        if out.required in (Changes.FULL_UPLOAD, Changes.FULL_DOWNLOAD, Changes.FULL_SYNC):
            upload = out.required != Changes.FULL_DOWNLOAD and self.col.note_count() > 0
            self.col.close_for_full_sync()
            self.col.full_upload_or_download(auth=self.auth, server_usn=out.server_media_usn,
                                             upload=upload)
            self.col.reopen(after_full_sync=True)
        return out.required

    def add(self, n: int, prefix: str) -> None:
        notetype = self.col.models.by_name("Basic")
        deck = self.col.decks.id_for_name("Default")
        requests = []
        for i in range(n):
            note = Note(self.col, notetype)
            note.fields = [f"{prefix} {i}", f"back {i}"]
            requests.append(AddNoteRequest(note=note, deck_id=deck))
        self.col.add_notes(requests)

    def close(self) -> None:
        self.col.close()


def csv_import(path: Path, folder: Path, records: int) -> float:
    """Seconds to import a CSV of `records` notes into a fresh collection (Basic, Default)."""
    csv = folder / "notes.csv"
    csv.write_text("#separator:Comma\n#html:false\n" + "".join(
        f"front {i},back {i}\n" for i in range(records)), encoding="utf-8")
    col = Collection(str(path))
    try:
        t0 = time.perf_counter()
        metadata = col.get_csv_metadata(str(csv), None)
        col.import_csv(ImportCsvRequest(path=str(csv), metadata=metadata))
        elapsed = time.perf_counter() - t0
        assert col.note_count() == records, col.note_count()
    finally:
        col.close()
    return elapsed


def measure(tmp: Path, records: int, forms: int, rounds: int = 20) -> dict:
    """Every Anki figure of the issue's table, in seconds, on `records` held and `forms` pushed."""
    figures = {"csv_import": csv_import(tmp / "seed.anki2", tmp, records)}
    server = AnkiServer(tmp / "anki-server")
    try:
        seed = AnkiDevice(tmp / "seed.anki2", server)
        t0 = time.perf_counter()
        seed.sync()
        figures["full_upload"] = time.perf_counter() - t0
        fresh = AnkiDevice(tmp / "fresh.anki2", server)
        t0 = time.perf_counter()
        assert fresh.sync() == Changes.FULL_DOWNLOAD
        figures["first_pull"] = time.perf_counter() - t0
        assert fresh.col.note_count() == records
        figures["round"] = _round(seed, fresh, rounds)
        figures["push"] = _push(tmp, server, forms)
        for device in (seed, fresh):
            device.close()
    finally:
        server.stop()
    return figures


def _round(a: AnkiDevice, b: AnkiDevice, rounds: int) -> float:
    """Median seconds for one new note on A to reach B: A's sync, then B's."""
    times = []
    for i in range(rounds):
        held = b.col.note_count()
        a.add(1, f"round {i}")
        t0 = time.perf_counter()
        a.sync()
        b.sync()
        times.append(time.perf_counter() - t0)
        assert b.col.note_count() == held + 1
    return statistics.median(times)


def _push(tmp: Path, server: AnkiServer, forms: int) -> float:
    """Seconds for a normal sync sending `forms` new notes from a device already in sync (its
    first note went up in the full upload Anki asks of a new account)."""
    device = AnkiDevice(tmp / "push.anki2", server, user=1)
    try:
        device.add(1, "start")
        device.sync()
        device.add(forms, "push")
        t0 = time.perf_counter()
        required = device.sync()
        elapsed = time.perf_counter() - t0
        assert required == Changes.NO_CHANGES, required  # a normal sync, done
    finally:
        device.close()
    return elapsed

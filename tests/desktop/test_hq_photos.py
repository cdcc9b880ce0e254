"""A photo a representative takes on a finding is seen at HQ after one sync (issue 12 §1 item 2):
HQ's window downloads attachments in the background after a round (within the device's size
cap), draws their thumbnails, and shows the large view; a photo over the cap, or one whose
download failed, is fetched when it is opened, never with a dialog in the way."""

import hashlib

import httpx
import pytest

from tests.desktop.conftest import make_session, until
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import HQ_ON_SQLITE_ONLY

database_url = sync_conftest.database_url
# The window's downloads: HQ on SQLite only (HQ's attachment rules on PostgreSQL are in
# tests/security/test_attachment_access.py).
pytestmark = HQ_ON_SQLITE_ONLY


@pytest.fixture
def hq(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    from tests.sync.helpers import Hq

    server = Hq.start(database_url, tmp_path)
    yield server
    server.close()


def _transport(hq):
    from tests.sync.helpers import CuttableTransport

    return CuttableTransport(httpx.ASGITransport(app=hq.app))


def _png(tmp_path, color: str) -> bytes:
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    path = tmp_path / f"{color}.png"
    assert image.save(str(path), "PNG")
    return path.read_bytes()


@pytest.fixture
def representative(hq, run, tmp_path):
    """A representative's laptop in Team 1 (a plain engine: no window needed there)."""
    from models.store.store import Store
    from sync.client.engine import SyncEngine
    from sync.server import admin
    from tests.sync.helpers import FAST_RETRY, PASSPHRASE

    code = admin.enroll_device(hq.db, role="representative", label="rep",
                               representative="Li Wei", team="Team 1")["code"]
    store = Store.open(tmp_path / "rep", PASSPHRASE)
    engine = SyncEngine(store, transport=_transport(hq), retry=FAST_RETRY)
    run(engine.enroll("http://hq.test", code, "rep"))
    run(engine.sync())
    yield engine
    engine.close()
    store.close()


def _photographs(engine, run, photos: dict[str, bytes]) -> str:
    """In the field: a done visit of the team, a finding, photos attached; then a sync."""
    from models.records import Attachment, Finding, Visit

    store = engine.store
    with store.write("li") as w:
        visit = w.create(Visit, {"kind": "open", "team_id": store.meta("team_id"),
                                 "status": "done"})
        fid = w.create(Finding, {"visit_id": visit, "description": "窗口收费两次"})
        for name, data in photos.items():
            w.create(Attachment, {"sha256": store.blobs.put(data), "size": len(data),
                                  "media_type": "image/png", "owner_table": "finding",
                                  "owner_id": fid, "original_name": name})
    assert run(engine.sync()).attachments == len(photos)
    return fid


@pytest.fixture
def hq_window(hq, store, worker, run, qtbot):
    """HQ's own computer, enrolled through the window's path, its window open."""
    from desktop.main_window import MainWindow
    from desktop.open_store import enroll_store
    from sync.server import admin
    from tests.sync.helpers import FAST_RETRY

    code = admin.enroll_device(hq.db, role="hq", label="hq")["code"]
    transport = _transport(hq)
    run(enroll_store(store, "http://hq.test", code, transport=transport))
    session = make_session(store, worker, role="hq", device_role="hq")
    session.sync_transport, session.sync_retry = transport, FAST_RETRY
    window = MainWindow(session, "en")
    qtbot.addWidget(window)
    yield window
    session.close_sync()


def _findings_page(run, window):
    async def go():
        page = window.show_page("findings")
        await until(page.is_ready)
        await until(lambda: page.table_model.rowCount() == 1)
        page.view.selectRow(0)
        await until(lambda: page.photos.count() > 0)
        return page

    return run(go())


def _large_view(run, window, page, row: int):
    page.photos.itemDoubleClicked.emit(page.photos.item(row))
    run(until(lambda: window.findChild(object, "photoView") is not None))
    return window.findChild(object, "photoView")


def test_a_representatives_photo_is_seen_at_hq_after_one_sync(representative, hq_window, run,
                                                             tmp_path):
    photo = _png(tmp_path, "darkred")
    _photographs(representative, run, {"收费窗口.png": photo})
    session = hq_window.session
    run(hq_window.sync.run_round())
    sha = hashlib.sha256(photo).hexdigest()
    assert session.store.blobs.get(sha) == photo  # on HQ's device store, sealed
    page = _findings_page(run, hq_window)
    item = page.photos.item(0)
    assert item.text() == "收费窗口.png"  # not "(not downloaded)"
    assert item.icon().pixmap(64, 48).toImage().pixelColor(32, 24).name() == "#8b0000"
    view = _large_view(run, hq_window, page, 0)
    shown = view.image.pixmap()
    assert not shown.isNull() and shown.width() > 64  # scaled up to fill the dialog
    assert shown.toImage().pixelColor(shown.width() // 2, shown.height() // 2).name() \
        == "#8b0000"
    assert hq_window.findChild(object, "errorDialog") is None


def test_photos_over_the_cap_are_fetched_when_opened(representative, hq_window, run, tmp_path):
    from models.security.settings import attachment_download_mb, set_attachment_download_mb

    session = hq_window.session
    assert attachment_download_mb(session.store) > 0  # on by default at HQ
    set_attachment_download_mb(session.store, 1, profile="tester", role="hq")
    small = _png(tmp_path, "navy")
    large = _png(tmp_path, "darkgreen") + b"\x00" * 1_100_000  # PNG readers ignore the tail
    _photographs(representative, run, {"a.png": small, "b.png": large})
    run(hq_window.sync.run_round())
    blobs = session.store.blobs
    assert blobs.has(hashlib.sha256(small).hexdigest())
    assert not blobs.has(hashlib.sha256(large).hexdigest())  # over 1 MB: left for opening
    page = _findings_page(run, hq_window)
    names = [page.photos.item(i).text() for i in range(page.photos.count())]
    assert names == ["a.png", "b.png (not downloaded)"]
    states = []
    page.photos.itemDoubleClicked.emit(page.photos.item(1))
    run(until(lambda: states.append(page.photos.item(1).text()) or
              hq_window.findChild(object, "photoView") is not None))
    view = hq_window.findChild(object, "photoView")
    assert "Downloading…" in states
    assert blobs.get(hashlib.sha256(large).hexdigest()) == large
    assert page.photos.item(1).text() == "b.png"
    assert not view.image.pixmap().isNull()


def test_a_failed_download_is_retried_next_round_without_a_dialog(representative, hq_window,
                                                                  run, tmp_path):
    photo = _png(tmp_path, "purple")
    _photographs(representative, run, {"p.png": photo})
    session = hq_window.session
    session.sync_transport.cut("/content", "before", times=3)  # every retry of the download
    run(hq_window.sync.run_round())
    sha = hashlib.sha256(photo).hexdigest()
    assert not session.store.blobs.has(sha)
    assert hq_window.sync.status.state == "idle"  # the round itself went through
    assert hq_window.findChild(object, "errorDialog") is None
    run(hq_window.sync.run_round())
    assert session.store.blobs.get(sha) == photo


def test_a_representative_device_fetches_others_photos_only_when_opened(representative, run):
    from models.security.settings import attachment_download_mb

    assert attachment_download_mb(representative.store) == 0


def test_the_download_cap_is_set_in_settings_by_a_supervisor(hq_window, run, qtbot):
    from models.security.settings import attachment_download_mb

    page = hq_window.show_page("settings")
    box = page.download_box
    run(until(box.isEnabled))
    assert box.value() == 20 and box.text() == "20 MB each"  # HQ: on by default
    box.setValue(0)
    assert box.text() == "Off: only when opened"
    box.editingFinished.emit()
    store = hq_window.session.store
    run(until(lambda: attachment_download_mb(store) == 0))


def test_cancel_while_photos_download_keeps_the_rounds_rows_shown(representative, hq_window,
                                                                   run, tmp_path, monkeypatch):
    from sync.client.engine import SyncCancelled

    _photographs(representative, run, {"c.png": _png(tmp_path, "teal")})
    engine = hq_window.session.sync_engine()

    async def cancelled(max_bytes):
        raise SyncCancelled("cancelled")

    monkeypatch.setattr(engine, "download_attachments", cancelled)
    finished = []
    hq_window.sync.sync_finished.connect(finished.append)
    assert run(hq_window.sync.run_round()) is not None  # pushed and pulled: that stands
    assert finished and finished[0].pulled > 0
    assert hq_window.sync.status.state == "idle"

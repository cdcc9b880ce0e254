"""Photos attached on the Findings page: sealed in the store's blob folder, thumbnails drawn
from the decrypted bytes, nothing readable left under the data directory."""

from tests.desktop.conftest import until

MARK = b"FINDINGPHOTOCANARY-7f3a"


def _photo(path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    image.setText("Comment", MARK.decode())  # a PNG text chunk: the mark is in the file's bytes
    assert image.save(str(path), "PNG")
    data = path.read_bytes()
    assert MARK in data
    return data


def test_attached_photo_is_sealed_and_shown_as_a_thumbnail(store, session, ready, run, qtbot,
                                                          tmp_path):
    import hashlib

    from desktop.pages.findings import FindingsPage
    from models import services
    from models.records import Finding

    with store.write("tester") as w:
        fid = services.create_record(w, Finding, {"description": "窗口无人"})
    source = tmp_path / "outside" / "现场.png"
    source.parent.mkdir()
    data = _photo(source)
    page = FindingsPage(session)
    qtbot.addWidget(page)
    ready(page)
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 1)
    page.view.selectRow(0)
    assert page.selected_id() == fid
    run(page.attach(fid, [str(source)]))
    run(until(lambda: page.photos.count() == 1))
    item = page.photos.item(0)
    assert item.text() == "现场.png"
    assert not item.icon().isNull()  # decoded from the decrypted bytes
    sha = hashlib.sha256(data).hexdigest()
    assert store.blobs.get(sha) == data
    for path in store.data_dir.rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            assert MARK not in body and data not in body, path
            assert sha not in path.name  # files are not named by the photo's hash


def test_photo_saved_for_publication_has_no_location_and_is_audited(store, session, ready, run,
                                                                   qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from desktop.pages import findings
    from desktop.pages.findings import FindingsPage
    from models import services
    from models.records import Finding

    with store.write("tester") as w:
        fid = services.create_record(w, Finding, {"description": "窗口无人"})
    source = tmp_path / "现场.png"
    original = _photo(source)  # its text chunk stands in for the camera's location block
    page = FindingsPage(session)
    qtbot.addWidget(page)
    ready(page)
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 1)
    page.view.selectRow(0)
    run(page.attach(fid, [str(source)]))
    run(until(lambda: page.photos.count() == 1))
    assert not page.publish_button.isEnabled()
    page.photos.item(0).setSelected(True)
    assert page.publish_button.isEnabled()
    target = tmp_path / "published" / "for the notice.png"
    target.parent.mkdir()

    suggested = []

    async def chosen(parent, title, name, name_filter):
        suggested.append(name)
        return target.with_suffix("")  # the extension is added

    monkeypatch.setattr(findings, "ask_publish_path", chosen)
    run(page.publish_photo())
    assert "现场" not in suggested[0] and suggested[0].endswith(".png")
    clean = target.read_bytes()
    assert MARK not in clean
    assert not QImage.fromData(clean).isNull()  # still the picture
    assert "Saved without location" in page.photo_hint.text()
    import hashlib

    assert store.blobs.get(hashlib.sha256(original).hexdigest()) == original  # the evidence
    with store.read() as conn:
        event, details = conn.exec_driver_sql(
            "SELECT event, details FROM audit_log ORDER BY seq DESC LIMIT 1").one()
    assert event == "export" and '"location_removed":true' in details


def test_photos_loaded_twice_at_once_are_listed_once(store, session, ready, run, qtbot,
                                                     tmp_path):
    """A selection and a background download both reload the list: each photo still shows once."""
    import asyncio

    from desktop.pages.findings import FindingsPage
    from models import services
    from models.records import Finding

    with store.write("tester") as w:
        fid = services.create_record(w, Finding, {"description": "窗口无人"})
    source = tmp_path / "a.png"
    _photo(source)
    page = FindingsPage(session)
    qtbot.addWidget(page)
    ready(page)
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 1)
    page.view.selectRow(0)
    run(page.attach(fid, [str(source)]))

    async def twice():
        await asyncio.gather(page.load_photos(), page.load_photos())

    run(twice())
    run(until(lambda: page.photos.count() >= 1))
    assert page.photos.count() == 1

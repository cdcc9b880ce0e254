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

    from desktop.pages.field_work import FindingsPage
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

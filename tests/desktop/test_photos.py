"""Photos can be managed (issue 12 §4): a file that is no photo is refused by its bytes, with
its name; a photo can be removed (a tombstone, audited and pushed); and the finding dialog
takes photos while the finding is being written."""

import pytest
from PySide6.QtWidgets import QLabel

from models.errors import ValidationError
from models.records import Finding
from tests.desktop.conftest import until
from tests.desktop.test_attachments import _photo

FAKE = b"this is a shopping list, not a photo\n"


def _rows(store, sql):
    with store.read() as conn:
        return conn.exec_driver_sql(sql).all()


def _finding(store) -> str:
    from models import services

    with store.write("tester") as w:
        return services.create_record(w, Finding, {"description": "窗口无人"})


def test_text_file_named_jpg_is_refused_naming_the_file(store, tmp_path):
    from desktop.data.attachments import attach_files

    finding = _finding(store)
    fake = tmp_path / "现场照片.jpg"
    fake.write_bytes(FAKE)
    real = tmp_path / "real.png"
    _photo(real)
    with pytest.raises(ValidationError) as err, store.write("tester") as w:
        attach_files(w, store.blobs, "finding", finding, [str(real), str(fake)])
    [problem] = err.value.problems
    assert (problem.code, problem.args) == ("not_a_photo", {"file": "现场照片.jpg"})
    assert _rows(store, "SELECT id FROM attachment") == []  # nothing half-written


def _page_with_photo(store, session, ready, run, qtbot, tmp_path):
    from desktop.pages.findings import FindingsPage

    finding = _finding(store)
    source = tmp_path / "门口.png"
    _photo(source)
    page = FindingsPage(session)
    qtbot.addWidget(page)
    ready(page)
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 1)
    page.view.selectRow(0)
    run(page.attach(finding, [str(source)]))
    run(until(lambda: page.photos.count() == 1))
    return page


def test_photo_can_be_removed_with_an_audit_trail(store, session, ready, run, qtbot, tmp_path,
                                                  monkeypatch):
    page = _page_with_photo(store, session, ready, run, qtbot, tmp_path)

    async def yes(*_args):
        return True

    monkeypatch.setattr("desktop.pages.findings.confirm", yes)
    page.photos.item(0).setSelected(True)
    assert page.remove_button.isEnabled()
    run(page.remove_photo())
    run(until(lambda: page.photos.count() == 0))
    [(attachment, deleted_at)] = _rows(store, "SELECT id, deleted_at FROM attachment")
    assert deleted_at is not None  # a tombstone, not a hard delete
    assert ("attachment", attachment, "delete") in _rows(
        store, "SELECT table_name, row_id, event FROM audit_log")
    assert ("attachment", attachment, "delete") in _rows(
        store, "SELECT table_name, row_id, op FROM outbox")


def test_finding_dialog_takes_photos_while_it_is_written(store, session, ready, run, qtbot,
                                                         tmp_path):
    from desktop.pages.findings import FindingsPage

    page = FindingsPage(session)
    qtbot.addWidget(page)
    ready(page)
    run(page.create_new())
    dialog = page.current_dialog
    real, fake = tmp_path / "门口.png", tmp_path / "notes.jpg"
    _photo(real)
    fake.write_bytes(FAKE)
    dialog.photo_picker.add([str(real), str(fake)])
    error = dialog.photo_picker.findChild(QLabel, "fieldError")
    assert not error.isHidden() and "notes.jpg" in error.text()
    assert dialog.photo_picker.files == [str(real)]
    dialog.editors["description"].set("大厅无人值守")
    run(dialog.save())
    assert not dialog.isVisible()
    [(finding,)] = _rows(store, "SELECT id FROM finding")
    assert _rows(store, "SELECT owner_id, original_name FROM attachment") == [(finding, "门口.png")]


def test_attach_photos_names_the_file_that_is_no_photo(store, session, ready, run, qtbot,
                                                       tmp_path):
    from PySide6.QtWidgets import QMessageBox

    page = _page_with_photo(store, session, ready, run, qtbot, tmp_path)
    fake = tmp_path / "会议纪要.jpg"
    fake.write_bytes(FAKE)
    run(page.attach(page.selected_id(), [str(fake)]))
    box = page.findChild(QMessageBox, "errorDialog")
    assert box.text() == "会议纪要.jpg is not a photo (JPEG, PNG, HEIC, WebP, GIF or BMP)."
    assert page.photos.count() == 1

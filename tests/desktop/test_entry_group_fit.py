"""Batch entry in the window (issue 17 §1): the group follows the unit the clerk types, and a
group picked that does not fit the unit is refused with a sentence, no batch opened."""

from PySide6.QtCore import Qt

from tests.desktop.test_entry import key, start_batch, type_text
from tests.models.helpers import count


def test_a_typed_unit_sets_the_group_it_fits(qtbot, page):
    start_batch(qtbot, page)
    assert page.keying.controller.batch["group"] == "citizen"


def test_parents_picked_for_a_social_security_office_are_refused(qtbot, page, store):
    header = page.keying.header
    index = header.group.findData("parent")
    header.group.setCurrentIndex(index)
    header.group.activated.emit(index)  # as the clerk's pick does
    header.unit.setFocus()
    type_text(header.unit.lineEdit(), "社保")
    key(header.start, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "school" in header.message.text(), timeout=5000)
    assert header.message.text() == \
        "parents rate a school or a unit under a school, not this unit"
    assert count(store, "entry_batch") == 0

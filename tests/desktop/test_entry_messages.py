"""A form number typed twice is refused in the clerk's language, saying when and by whom: on
the entry screen of a Chinese window, and from the same refusal (a code with its arguments,
never an English sentence taken apart) on the command line in either language."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop import messages
from tests.desktop.test_entry import key, start_batch
from tests.desktop.test_spreadsheets import chinese  # noqa: F401 - the fixture


def _entered_by_wang_fang(store, entry_ref):
    from models import services
    from models.records import Evaluation

    with store.write("王芳") as w:
        services.create_record(w, Evaluation, {
            "campaign_id": entry_ref["campaign"], "group": "citizen", "unit_id": entry_ref["unit"],
            "level": "satisfied", "form_no": "0007", "evaluated_on": date(2026, 5, 1)})


def _refusal(store, entry_ref):
    from models import services
    from models.errors import DuplicateFormNumberError
    from models.records import Evaluation

    with pytest.raises(DuplicateFormNumberError) as refused, store.write("李明") as w:
        services.create_record(w, Evaluation, {
            "campaign_id": entry_ref["campaign"], "group": "citizen", "unit_id": entry_ref["unit"],
            "level": "dissatisfied", "reason": "推诿", "form_no": "0007",
            "evaluated_on": date(2026, 5, 2)})
    return refused.value


@pytest.mark.usefixtures("chinese")
def test_a_chinese_entry_screen_refuses_a_number_typed_twice_in_chinese(qtbot, page, store,
                                                                        entry_ref):
    _entered_by_wang_fang(store, entry_ref)
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0007")
    key(screen.form.level, Qt.Key.Key_1)
    with qtbot.waitSignal(screen.controller.save_failed):
        key(screen.form.level, Qt.Key.Key_Return)
    message = screen.form.message.text()
    assert message.startswith("表号 0007 已于 20") and "由 王芳 录入" in message
    assert "entered" not in message and "Form number" not in message


def test_the_refusal_carries_when_and_who_as_arguments(store, entry_ref):
    _entered_by_wang_fang(store, entry_ref)
    refused = _refusal(store, entry_ref)
    problem = refused.problems[0]
    assert (problem.field, problem.code) == ("form_no", "duplicate_form_number")
    assert problem.args["number"] == "0007" and problem.args["who"] == "王芳"
    when = problem.args["when"]
    assert when.startswith("20")
    # The command line (and the window's error dialog) render the same refusal by its code.
    assert messages.error_text(refused, messages.CHINESE) == f"表号 0007 已于 {when} 由 王芳 录入"
    assert messages.error_text(refused, messages.ENGLISH) == (
        f"form number 0007 was already entered on {when} by 王芳")
    assert refused.message == f"form_no: form number 0007 was already entered on {when} by 王芳"

"""HQ's enroll dialog asks for the unit a kiosk serves or a unit liaison reports for (issue 14
§2), and sends it with the request; other roles send none."""

from types import SimpleNamespace

from desktop.pages.devices import EnrollDeviceDialog

REFERENCE = SimpleNamespace(
    teams=[{"name": "Team 1"}], representatives=[{"name": "Li Wei"}],
    units=[{"path": "County Hall", "id": "u-hall"}, {"path": "County Hall/Window 1", "id": "u-w1"}])


def _dialog(qtbot, role: str) -> EnrollDeviceDialog:
    dialog = EnrollDeviceDialog(REFERENCE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    return dialog


def test_enrolling_a_unit_liaison_asks_for_its_unit_and_sends_it(qtbot):
    dialog = _dialog(qtbot, "unit")
    assert dialog.role.currentText() == "Unit liaison"
    assert dialog.unit.isVisible() and dialog.form.labelForField(dialog.unit).text() == "Unit"
    assert not dialog.team.isVisible() and not dialog.representative.isVisible()
    dialog.unit.setCurrentIndex(dialog.unit.findData("u-hall"))
    dialog.label.setText("Hall liaison")
    request = dialog.request()
    assert (request.role, request.unit, request.team, request.label) == (
        "unit", "u-hall", None, "Hall liaison")


def test_an_office_device_is_enrolled_without_a_unit(qtbot):
    dialog = _dialog(qtbot, "office")
    assert not dialog.unit.isVisible()
    dialog.unit.setCurrentIndex(1)  # chosen before the role changed: not sent
    assert dialog.request().unit is None

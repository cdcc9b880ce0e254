"""HQ records that a merged or renamed unit lives on as another (issue 15 §3): the Units page's
"Record successor…" dialog, the window's form of `fieldinspect unit merge OLD NEW`."""

from PySide6.QtCore import QCoreApplication, Qt

from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_form import RecordFormDialog
from models.enums import DeviceRole

CONTEXT = "UnitSuccessionDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def records_successions(session) -> bool:
    """HQ, a never-enrolled office (its own HQ) and a demo record them; other devices never
    hold the table."""
    return session.is_demo or session.standalone or session.device_role == DeviceRole.HQ


def open_succession_dialog(page) -> RecordFormDialog:
    """The dialog, with the unit selected in the page's tree as the old unit."""
    from models.succession import record_succession

    session = page.session

    async def save(values):
        await session.write(lambda w: record_succession(w, values["old_unit_id"],
                                                        values["new_unit_id"]))
        page.records_changed.emit()

    fields = [FieldSpec("old_unit_id", _tr("Unit merged or renamed"), "unit", required=True),
              FieldSpec("new_unit_id", _tr("Lives on as"), "unit", required=True)]
    index = page.tree.currentIndex()
    selected = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole) if index.isValid() else None
    dialog = RecordFormDialog(page, _tr("Record a unit's successor"), fields, session.reference,
                              save, {"old_unit_id": selected} if selected else None)
    dialog.open()
    return dialog

"""Profiles of the people sharing this device: add one (role fitting the device), set PINs,
remove one who no longer uses it."""

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import message_for
from desktop.labels import label_of
from desktop.operations import store_call
from desktop.widgets.asking import confirm, run_dialog
from desktop.widgets.slots import widget_slot
from models import profile_admin as pf
from models.enums import ProfileRole
from models.errors import AppError

ACCEPTED = QDialog.DialogCode.Accepted


def pin_field(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(12)
    return edit


class ProfileEditDialog(QDialog):
    """A new profile (name, role, PIN), or a new PIN for an existing one (`name` given)."""

    def __init__(self, roles, name: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditDialog")
        self.setWindowTitle(self.tr("Set PIN") if name else self.tr("Add a profile"))
        self.name = QLineEdit(name or "", objectName="profileName")
        self.name.setReadOnly(bool(name))
        self.role = QComboBox(objectName="profileRole")
        for role in roles:
            self.role.addItem(label_of(ProfileRole, role.value), role.value)
        self.pin, self.repeat = pin_field("profilePin"), pin_field("profilePinRepeat")
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        if not name:
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN (4 digits or more; empty for none)"), self.pin)
        form.addRow(self.tr("Repeat the PIN"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _check(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("Give the person's name."))
        elif self.pin.text() != self.repeat.text():
            self.show_error(self.tr("The two PINs differ."))
        else:
            self.accept()


class ProfilesPanel(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("profilesPanel")
        self.session = session
        self.rows: list[dict] | None = None
        self.roles = pf.roles_for_device(session.device_role)
        self.manager = pf.may_manage(session.profile_role)
        self.table = QTableWidget(0, 3, objectName="profileTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("PIN")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(1, 140)
        self.table.setMinimumHeight(120)
        self.note = QLabel(objectName="profilesNote")
        self.note.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add a profile…"), objectName="addProfile")
        self.pin_button = QPushButton(self.tr("Set PIN…"), objectName="setPin")
        self.add_button.clicked.connect(self.add)
        self.pin_button.clicked.connect(self.change_pin)
        self.remove_button = QPushButton(self.tr("Remove…"), objectName="removeProfile")
        self.remove_button.clicked.connect(self.remove)
        self.add_button.setEnabled(self.manager)
        self.remove_button.setEnabled(self.manager)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.pin_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @widget_slot()
    async def reload(self) -> None:
        self.rows = await self.session.worker.run(pf.profile_rows, self.session.store)
        self.table.setRowCount(len(self.rows))
        for row, p in enumerate(self.rows):
            pin = (self.tr("Blocked: wrong PINs") if p["locked"] else
                   self.tr("Set") if p["has_pin"] else self.tr("None"))
            for col, text in enumerate((p["name"], label_of(ProfileRole, p["role"]), pin)):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def selected_name(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.rows:
            return self.rows[rows[0].row()]["name"]
        return self.session.profile

    @widget_slot()
    async def add(self) -> None:
        dialog = ProfileEditDialog(self.roles, parent=self)
        s = self.session
        while await run_dialog(dialog) == ACCEPTED:
            add = partial(pf.add_profile, s.store, dialog.name.text(), dialog.role.currentData(),
                          dialog.pin.text(), device_role=s.device_role, by=s.profile)
            if not await store_call(self, s, add, failure=lambda exc: dialog.show_error(
                    message_for(exc, {"name": self.tr("Name"), "pin": self.tr("PIN")}))).run():
                continue  # the refusal is shown in the dialog, which stays open
            self.note.setText(self.tr("Profile %1 added.").replace("%1", dialog.name.text()))
            break
        await self.reload()

    @widget_slot()
    async def change_pin(self) -> None:
        name = self.selected_name()
        dialog = ProfileEditDialog(self.roles, name, parent=self)
        s = self.session
        while await run_dialog(dialog) == ACCEPTED:
            change = partial(pf.set_pin, s.store, name, dialog.pin.text(), by=s.profile,
                             by_role=s.profile_role)
            if not await store_call(self, s, change, failure=lambda exc: dialog.show_error(
                    message_for(exc, {"pin": self.tr("PIN")}))).run():
                continue
            self.note.setText(self.tr("PIN of %1 changed.").replace("%1", name))
            break
        await self.reload()

    @widget_slot()
    async def remove(self) -> None:
        name, s = self.selected_name(), self.session
        if not await confirm(self, self.tr("Remove profile"), self.tr(
                "Remove the profile %1 from this device? What %1 wrote keeps the name.")
                .replace("%1", name)):
            return
        try:
            await s.worker.run(lambda: pf.remove_profile(s.store, name, by=s.profile,
                                                         by_role=s.profile_role))
        except AppError as exc:
            self.note.setText(_removal_refused(exc, name))
        else:
            self.note.setText(self.tr("Profile %1 removed.").replace("%1", name))
        await self.reload()


def _removal_refused(exc: AppError, name: str) -> str:
    translate = QCoreApplication.translate
    return {
        "remove_self": translate("ProfilesPanel", "You cannot remove your own profile."),
        "last_manager": translate("ProfilesPanel", "%1 is the last profile that can manage "
                                  "the others, so it stays.").replace("%1", name),
    }.get(exc.code) or message_for(exc)

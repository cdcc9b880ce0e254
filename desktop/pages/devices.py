"""HQ administration of devices over the HQ server's API: enroll (showing the code to type),
revoke, and each device's last sync."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
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

from desktop.data.hq_admin import EnrollDeviceRequest, HqAdmin
from desktop.errors import message_for
from desktop.labels import label_of
from desktop.operations import Op
from desktop.widgets.asking import confirm, run_dialog
from desktop.widgets.slots import widget_slot
from models.enums import DeviceRole

ACCEPTED = QDialog.DialogCode.Accepted
# Roles enrolled for a unit: a kiosk serves it, a liaison reports for it (and its sub-units).
UNIT_ROLES = (DeviceRole.KIOSK.value, DeviceRole.UNIT.value)


class EnrollDeviceDialog(QDialog):
    """What HQ needs to know about a new device before it makes the code."""

    def __init__(self, reference, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("enrollDeviceDialog")
        self.setWindowTitle(self.tr("Enroll a device"))
        self.role = QComboBox(objectName="deviceRole")
        for role in DeviceRole:
            self.role.addItem(label_of(DeviceRole, role.value), role.value)
        self.team = QComboBox(objectName="deviceTeam", editable=True)
        self.team.addItem("", None)
        for t in reference.teams:
            self.team.addItem(t["name"], t["name"])
        self.representative = QComboBox(objectName="deviceRepresentative", editable=True)
        self.representative.addItem("", None)
        for r in reference.representatives:
            self.representative.addItem(r["name"], r["name"])
        self.unit = QComboBox(objectName="deviceUnit")
        self.unit.addItem("", None)
        for u in reference.units:
            self.unit.addItem(u["path"], u["id"])
        self.label = QLineEdit(objectName="deviceLabel")
        self.label.setMaxLength(80)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Inspection team"), self.team)
        self.form.addRow(self.tr("Representative"), self.representative)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Label"), self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._update)
        self.setMinimumWidth(480)
        self._update()

    def _update(self) -> None:
        role = self.role.currentData()
        for widget, roles in ((self.representative, ("representative",)),
                              (self.unit, UNIT_ROLES), (self.team, ("representative",))):
            visible = role in roles
            widget.setVisible(visible)
            self.form.labelForField(widget).setVisible(visible)

    def request(self) -> EnrollDeviceRequest:
        role = self.role.currentData()
        return EnrollDeviceRequest(
            role=role, label=self.label.text().strip(),
            team=_text(self.team) if role == "representative" else None,
            representative=_text(self.representative) if role == "representative" else None,
            unit=self.unit.currentData() if role in UNIT_ROLES else None)


def _text(box: QComboBox) -> str | None:
    return box.currentText().strip() or None


class CodeDialog(QDialog):
    """The one-time code, large and selectable, to be typed on the new device."""

    def __init__(self, code: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("enrollCodeDialog")
        self.setWindowTitle(self.tr("Enrollment code"))
        intro = QLabel(self.tr("Type this code on the new device (Enroll with headquarters). "
                               "It works once, and only for a limited time."))
        intro.setWordWrap(True)
        self.code = QLabel(code, objectName="enrollCodeText")
        font = QFont(self.code.font())
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


class DevicesPanel(QWidget):
    COLUMNS = ("label", "role", "team", "status", "last_sync_at", "audit_alarm")

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("devicesPanel")
        self.session = session
        self.devices: list[dict] | None = None
        self.loaded = False
        self.table = QTableWidget(0, len(self.COLUMNS), objectName="deviceTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Label"), self.tr("Role"), self.tr("Inspection team"), self.tr("Status"),
            self.tr("Last sync"), self.tr("Audit log")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((220, 150, 160, 150, 130)):
            self.table.setColumnWidth(col, width)
        self.note = QLabel(objectName="devicesNote")
        self.note.setWordWrap(True)
        self.enroll_button = QPushButton(self.tr("Enroll a device…"), objectName="enrollDevice")
        self.revoke_button = QPushButton(self.tr("Revoke"), objectName="revokeDevice")
        self.reload_button = QPushButton(self.tr("Refresh"), objectName="reloadDevices")
        self.enroll_button.clicked.connect(self.enroll)
        self.revoke_button.clicked.connect(self.revoke)
        self.reload_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.reload_button, self.enroll_button, self.revoke_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_note(self, text: str, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setProperty("error", error)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    @widget_slot()
    async def reload(self) -> None:
        from desktop.sync_controller import sync_facts

        facts = await self.session.read(sync_facts)
        admin = None if self.session.is_demo or not facts.server_url else HqAdmin(
            self.session.sync_engine(), facts.server_url)
        self.admin_client = admin
        for b in (self.enroll_button, self.revoke_button, self.reload_button):
            b.setEnabled(admin is not None)
        if admin is None:
            self.set_note(self.tr("Devices are enrolled, revoked and listed with their last "
                                  "sync through the HQ server. Enroll this computer with the "
                                  "HQ server (Settings) to manage them."))
            self.devices, self.loaded = [], True
            self.table.setRowCount(0)
            return
        self.devices = []
        await Op(self, self.session, lambda t: admin.devices(),  # HQ, awaited on the loop
                 success=self._listed, failure=lambda exc: self.set_note(  # on the panel
                     self.tr("HQ did not answer: %1").replace("%1", message_for(exc)),
                     True)).run()
        self.loaded = True
        self.show_devices()

    def _listed(self, devices: list[dict]) -> None:
        self.devices = devices
        self.set_note(self.tr("%n device(s) known to HQ.", "", len(devices)))

    def show_devices(self) -> None:
        self.table.setRowCount(len(self.devices))
        status = {"active": self.tr("Active"), "pending": self.tr("Waiting for its code"),
                  "revoked": self.tr("Revoked")}
        for row, d in enumerate(self.devices):
            cells = [d["label"], label_of(DeviceRole, d["role"]), d.get("team") or "",
                     status.get(d["status"], d["status"]),
                     (d.get("last_sync_at") or "")[:16].replace("T", " ")]
            alarm = self.alarm_text(d)
            cells.append(self.tr("Cut or rewritten: %1").replace("%1", alarm) if alarm
                         else self.tr("Intact") if d.get("last_sync_at") else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d["id"])
                if alarm and col == len(cells) - 1:
                    item.setForeground(QColor("#b00020"))
                    item.setToolTip(alarm)
                self.table.setItem(row, col, item)

    def alarm_text(self, device: dict) -> str:
        """HQ's audit alarm for a device, from its code (sync/server/audit_heads.py)."""
        args = device.get("audit_alarm_args") or {}
        texts = {
            "audit_truncated": self.tr("the log now ends at entry %1; HQ holds entry %2"),
            "audit_unvouched": self.tr("the device did not vouch for entry %2, which HQ holds"),
            "audit_unknown_anchor": self.tr("the device started from entry %1, which HQ never "
                                            "accepted"),
            "audit_rewritten": self.tr("entry %1 differs from the one HQ holds (history "
                                       "rewritten)"),
            "audit_entries_missing": self.tr("the device did not send its entries from entry "
                                             "%1 to its head, entry %3"),
            "audit_head_unreached": self.tr("the entries after entry %1 do not lead to the head "
                                            "the device reports (history rewritten)"),
        }
        text = texts.get(device.get("audit_alarm_code") or "")
        if text is None:
            return device.get("audit_alarm") or ""
        for i, key in enumerate(("seq", "held", "head"), start=1):
            text = text.replace(f"%{i}", str(args.get(key, "")))
        return text

    def _refused(self, exc: BaseException) -> None:
        self.set_note(message_for(exc), True)  # on the panel, not as a dialog

    @widget_slot()
    async def enroll(self) -> None:
        dialog = EnrollDeviceDialog(self.session.reference, self)
        if await run_dialog(dialog) != ACCEPTED:
            return
        admin, granted = self.admin_client, []
        if not await Op(self, self.session, lambda t: admin.enroll(dialog.request()),
                        success=granted.append, failure=self._refused).run():
            return
        granted = granted[0]
        self.last_code = granted["code"]
        await self.reload()
        await run_dialog(CodeDialog(granted["code"], self))

    @widget_slot()
    async def revoke(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        device = self.devices[rows[0].row()]
        if not await confirm(self, self.tr("Revoke"), self.tr(
                "Revoke %1? It stops syncing at once and wipes its records at its next "
                "contact.").replace("%1", device["label"])):
            return
        admin = self.admin_client
        if await Op(self, self.session, lambda t: admin.revoke(device["id"]),
                    failure=self._refused).run():
            await self.reload()

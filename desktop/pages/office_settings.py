"""The county's office settings on the Settings page (issue 14 §5): every device shows them;
HQ edits them in a record form. Any other device reads them only (HQ refuses a change from it,
and so does its own store: models/office_settings.py)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton

from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_form import RecordFormDialog
from desktop.widgets.slots import widget_slot
from models.enums import DeviceRole
from models.office_settings import read_office_settings, save_office_settings
from models.reference import OfficeSettings
from models.rules import text_limits


class OfficeSettingsPanel(QGroupBox):
    """The settings as this device holds them, two to a row; at HQ an Edit button."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Office settings"))
        self.setObjectName("officeSettings")
        self.session = session
        self.values: dict | None = None
        self.current_dialog: RecordFormDialog | None = None
        self.shown: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for i, spec in enumerate(self.fields()):
            row, col = divmod(i, 2)
            shown = QLabel(objectName=f"office_{spec.key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(spec.label), row, col * 2)
            grid.addWidget(shown, row, col * 2 + 1)
            self.shown[spec.key] = shown
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        last = grid.rowCount()
        if self.writes():
            self.edit_button = QPushButton(self.tr("Edit office settings…"),
                                           objectName="editOfficeSettings")
            self.edit_button.clicked.connect(self.edit)
            grid.addWidget(self.edit_button, last, 3, Qt.AlignmentFlag.AlignRight)
        else:
            note = QLabel(self.tr("HQ sets these; this device reads them."),
                          objectName="officeSettingsNote")
            grid.addWidget(note, last, 0, 1, 4)

    def fields(self) -> list[FieldSpec]:
        read_only = not self.writes()
        return [FieldSpec(key, label, kind, read_only=read_only) for key, label, kind in (
            ("issuer_name", self.tr("Issuing office (full name)"), "text"),
            ("hotline", self.tr("Hotline"), "text"),
            ("email", self.tr("E-mail"), "text"),
            ("prefix_criticism", self.tr("Number prefix: criticism notice"), "text"),
            ("prefix_assignment", self.tr("Number prefix: assignment notice"), "text"),
            ("prefix_reminder", self.tr("Number prefix: reminder notice"), "text"),
            ("prefix_visit_round", self.tr("Number prefix: visit-round report"), "text"),
            ("prefix_exposure", self.tr("Number prefix: exposure notice"), "text"),
            ("prefix_work_report", self.tr("Number prefix: work report"), "text"),
            ("signer", self.tr("Signer (work report)"), "text"),
            ("default_deadline_days", self.tr("Default deadline (days)"), "int"),
            ("due_soon_days", self.tr("Due soon within (days)"), "int"),
            ("accountability_threshold", self.tr("Overdue problems for accountability"), "int"),
        )]

    def writes(self) -> bool:
        """HQ writes the settings; so do a standalone office (no HQ above it) and a demo."""
        s = self.session
        return s.is_demo or s.standalone or s.device_role == DeviceRole.HQ

    def is_ready(self) -> bool:
        return self.values is not None

    @widget_slot()
    async def reload(self) -> None:
        self.values = await self.session.read(read_office_settings)
        for key, label in self.shown.items():
            value = self.values.get(key)
            label.setText(str(value) if value not in (None, "") else "—")

    @widget_slot()
    async def edit(self) -> None:
        if self.values is None:
            await self.reload()

        async def save(values: dict) -> None:
            await self.session.write(lambda w: save_office_settings(w, values))
            await self.session.refresh_reference()  # a new problem's default deadline
            await self.reload()

        self.current_dialog = RecordFormDialog(
            self, self.tr("Office settings"), self.fields(), self.session.reference, save,
            self.values, text_limits(OfficeSettings))
        self.current_dialog.open()

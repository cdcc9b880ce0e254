"""Criticisms of named staff, with the person's earlier cases beside the form."""

from datetime import date

from PySide6.QtWidgets import QLabel

from desktop.data.criticisms import earlier_cases
from desktop.pages.record_import import import_buttons
from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_model import format_value
from desktop.widgets.slots import widget_slot
from models.records import PersonnelCriticism


class CriticismsPage(RecordPage):
    list_name = "criticisms"
    model = PersonnelCriticism
    keeps_history = True

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New criticism"), self.tr("Edit criticism")

    def extra_buttons(self) -> list:
        return import_buttons(self, "criticisms")

    def filters(self) -> list[tuple]:
        return [("search",), ("unit",),
                ("enum", "sanction", "Sanction", self.tr("Sanction")), ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("person_name", self.tr("Person"), required=True),
            FieldSpec("post", self.tr("Post")),
            FieldSpec("unit_id", self.tr("Unit"), "unit", required=True),
            FieldSpec("behaviour", self.tr("Behaviour"), "multiline"),
            FieldSpec("sanction", self.tr("Sanction"), "enum:Sanction", required=True),
            FieldSpec("decided_on", self.tr("Date"), "date", required=True),
            FieldSpec("decided_by", self.tr("Decided by")),
        ]

    def defaults(self) -> dict:
        return {"decided_on": date.today(), "decided_by": self.session.profile}

    def dialog_opened(self, dialog) -> None:
        """Beside the form: the person's earlier cases, looked up when the name is entered."""
        self.history_label = QLabel(objectName="historyLabel")
        self.history_label.setWordWrap(True)
        dialog.layout().insertWidget(1, self.history_label)
        name_edit = dialog.editors["person_name"].widget
        name_edit.editingFinished.connect(lambda: self.show_history(name_edit.text().strip()))
        if name_edit.text().strip():
            self.show_history(name_edit.text().strip())

    @widget_slot(str)
    async def show_history(self, name: str) -> None:
        if not name:
            self.history_label.clear()
            return
        rows = await self.session.read(lambda c: earlier_cases(c, name))
        if not rows:
            self.history_label.setText(self.tr("No earlier cases for %1.").replace("%1", name))
            return
        lines = [f"{format_value('date', r['decided_on'])}  "
                 f"{format_value('enum:Sanction', r['sanction'])}  {r['behaviour'][:40]}"
                 for r in rows]
        self.history_label.setText(
            self.tr("Earlier cases of %1:").replace("%1", name) + "\n" + "\n".join(lines))

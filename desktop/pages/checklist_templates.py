"""HQ administration → Checklists (issue 16 §2): the checklist of each unit kind, edited at HQ.

A template is never changed in place: "Save as new version" writes version + 1 with its items and
retires the old one (models/checklist_admin.py), so visits already worked through keep theirs;
the new version reaches the representatives at their next sync. Any other device's store
refuses the write (`checklist_hq_only`), and so does HQ for a pushed one.
"""

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.labels import choices, label_of
from desktop.messages import CHINESE, language
from desktop.operations import store_op
from desktop.pages.base import Page
from models.checklist_admin import save_template, templates
from models.enums import FindingCategory, UnitKind

COL_TEXT, COL_TEXT_EN, COL_CATEGORY = range(3)


class ChecklistsPanel(Page):
    panel_id = "checklists"
    tables_shown = frozenset({"checklist_template", "checklist_item"})

    def title(self) -> str:
        return self.tr("Checklists")

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.loaded, self.found = False, []
        self.list = QListWidget(objectName="checklistTemplates")
        self.list.currentRowChanged.connect(self._show)
        self.name = QLineEdit(objectName="checklistName")
        self.name_en = QLineEdit(objectName="checklistNameEn")
        self.version = QLabel(objectName="checklistVersion")
        self.items = QTableWidget(0, 3, objectName="checklistItems")
        self.items.setHorizontalHeaderLabels([self.tr("Item (Chinese)"),
                                              self.tr("Item (English)"),
                                              self.tr("Finding category")])
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TEXT_EN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        add = QPushButton(self.tr("Add item"), objectName="addItemButton")
        add.clicked.connect(lambda: self._add_row({}))
        remove = QPushButton(self.tr("Remove item"), objectName="removeItemButton")
        remove.clicked.connect(lambda: self.items.removeRow(self.items.currentRow()))
        self.save_button = QPushButton(self.tr("Save as new version"),
                                       objectName="saveChecklistButton")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(objectName="checklistStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name (Chinese)"), self.name)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Version"), self.version)
        buttons = QHBoxLayout()
        for b in (add, remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor = QVBoxLayout()
        note = QLabel(self.tr("Saving makes a new version: visits already worked through keep "
                              "theirs, and representatives receive the new one at their next "
                              "sync. Each failed item becomes a finding of its category."))
        note.setWordWrap(True)
        for part in (note, form, self.items, buttons, self.status):
            (editor.addLayout if isinstance(part, QFormLayout | QHBoxLayout)
             else editor.addWidget)(part)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(editor, 3)

    def first_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        store_op(self, self.session, templates, success=self._loaded).run()

    def is_ready(self) -> bool:
        return self.loaded

    def _loaded(self, found: list[dict]) -> None:
        current = self.list.currentRow()
        self.found, self.loaded = found, True
        self.list.clear()
        for t in found:
            name = t["name_en"] if language() != CHINESE and t["name_en"] else t["name"]
            self.list.addItem(QListWidgetItem(f"{label_of(UnitKind, t['unit_kind'])} — {name}"))
        if found:
            self.list.setCurrentRow(min(max(current, 0), len(found) - 1))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        t = self.found[row]
        self.name.setText(t["name"])
        self.name_en.setText(t["name_en"])
        self.version.setText(str(t["version"]))
        self.items.setRowCount(0)
        for item in t["items"]:
            self._add_row(item)

    def _add_row(self, item: dict) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        self.items.setItem(row, COL_TEXT, QTableWidgetItem(item.get("text", "")))
        self.items.setItem(row, COL_TEXT_EN, QTableWidgetItem(item.get("text_en", "")))
        box = QComboBox()
        for value, label in choices(FindingCategory):
            box.addItem(label, value)
        box.setCurrentIndex(max(box.findData(item.get("category", "other")), 0))
        self.items.setCellWidget(row, COL_CATEGORY, box)

    def edited_items(self) -> list[dict]:
        def cell(row: int, col: int) -> str:
            found = self.items.item(row, col)
            return found.text().strip() if found is not None else ""

        return [{"text": cell(r, COL_TEXT), "text_en": cell(r, COL_TEXT_EN),
                 "category": self.items.cellWidget(r, COL_CATEGORY).currentData()}
                for r in range(self.items.rowCount())]

    def save(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.found):
            return
        t, items = self.found[row], self.edited_items()
        name, name_en = self.name.text(), self.name_en.text()
        store_op(self, self.session, lambda w: save_template(
            w, family_id=t["family_id"], unit_kind=t["unit_kind"], name=name, name_en=name_en,
            items=items), write=True, success=lambda _id: self._saved()).run()

    def _saved(self) -> None:
        self.status.setText(self.tr("Saved as a new version."))
        self.records_changed.emit()
        self.refresh()


__all__ = ["ChecklistsPanel"]

"""Units (the tree) and the representatives' database, with import from CSV / XLSX."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import label_of
from desktop.pages.base import Page
from desktop.pages.representatives import RepresentativesPanel
from desktop.pages.unit_succession import open_succession_dialog, records_successions
from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_form import RecordFormDialog
from desktop.widgets.slots import widget_slot
from models import services
from models.enums import AppraisalCategory, DeviceRole, UnitKind
from models.ids import natural_id
from models.reference import Unit
from models.rules import appraisal_category


def category_text(unit: dict, by_kind: str = "{} (by kind)") -> str:
    """The category a unit is ranked in; `by_kind` marks the one its kind gives (HQ set none)."""
    category = appraisal_category(unit["kind"], unit.get("category"))
    label = label_of(AppraisalCategory, category)
    return by_kind.format(label) if category and not unit.get("category") else label


def build_tree(units: list[dict], by_kind: str = "{} (by kind)") -> QStandardItemModel:
    model = QStandardItemModel()
    items: dict[str, QStandardItem] = {}
    for unit in units:  # sorted by path: parents come first
        name = QStandardItem(unit["name"])
        name.setData(unit["id"], Qt.ItemDataRole.UserRole)
        row = [name, QStandardItem(label_of(UnitKind, unit["kind"])),
               QStandardItem(category_text(unit, by_kind))]
        for item in row:
            item.setEditable(False)
        items[unit["id"]] = name
        parent = items.get(unit["parent_id"])
        (parent or model.invisibleRootItem()).appendRow(row)
    return model


class UnitsPage(Page):
    """The unit tree on the left, the representatives on the right."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.tree = QTreeView(objectName="unitTree")
        self.tree.setUniformRowHeights(True)
        self.representatives = RepresentativesPanel(session, self)
        self.representatives.records_changed.connect(self.records_changed)
        self.new_unit = QPushButton(self.tr("New unit…"), objectName="newUnit")
        self.new_unit.clicked.connect(self.create_unit)
        self.edit_category = QPushButton(self.tr("Appraisal category…"),
                                         objectName="editCategory")
        self.edit_category.clicked.connect(self.open_category)
        self.edit_category.setVisible(self.sets_categories())
        self.import_units = QPushButton(self.tr("Import units…"), objectName="importUnits")
        self.import_reps = QPushButton(self.tr("Import representatives…"),
                                       objectName="importRepresentatives")
        self.import_units.clicked.connect(lambda: self.open_import("units"))
        self.export_units = QPushButton(self.tr("Export units…"), objectName="exportUnits")
        self.export_units.clicked.connect(self.export_unit_list)
        self.import_reps.clicked.connect(lambda: self.open_import("representatives"))
        self.succession = QPushButton(self.tr("Record successor…"), objectName="unitSuccessor")
        self.succession.setVisible(records_successions(session))
        self.succession.clicked.connect(self.record_successor)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Evaluated units"), objectName="sectionHeading"))
        left_layout.addWidget(self.tree, 1)
        self.representatives.layout_.insertWidget(
            0, QLabel(self.representatives.title(), objectName="sectionHeading"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.representatives)
        splitter.setSizes([520, 540])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_unit)
        buttons.addWidget(self.succession)
        buttons.addWidget(self.edit_category)
        buttons.addWidget(self.export_units)
        buttons.addWidget(self.import_units)
        buttons.addWidget(self.import_reps)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def first_show(self) -> None:
        self.show_tree()
        self.representatives.activate()

    def refresh(self) -> None:
        if self._activated:
            self.show_tree()
            self.representatives.refresh()

    def is_ready(self) -> bool:
        return self.representatives.is_ready()

    def show_tree(self) -> None:
        # %1: the category a unit's kind gives, shown when HQ has set none
        model = build_tree(self.session.reference.units,
                           self.tr("%1 (by kind)").replace("%1", "{}"))
        model.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Kind"),
                                         self.tr("Appraisal category")])
        old = self.tree.model()
        self.tree.setModel(model)
        if old is not None:
            old.deleteLater()
        self.tree.expandToDepth(0)
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 95)

    def unit_fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", self.tr("Name"), required=True),
            FieldSpec("kind", self.tr("Kind"), "enum:UnitKind", required=True),
            FieldSpec("parent_id", self.tr("Part of"), "unit"),
        ]

    @widget_slot()
    async def create_unit(self) -> None:
        """One unit typed in the window; its id derives from its path, as the import's does."""
        async def save(values):
            record = {k: values.get(k) for k in ("name", "kind", "parent_id")}
            parent = self.session.reference.unit_path(record["parent_id"]) \
                if record["parent_id"] else ""
            record["id"] = natural_id("unit", f"{parent}/{record['name']}" if parent
                                      else record["name"])
            await self.session.write(lambda w: services.create_record(w, Unit, record))
            await self.session.refresh_reference()
            self.refresh()
            self.records_changed.emit()

        self.unit_dialog = RecordFormDialog(self, self.tr("New unit"), self.unit_fields(),
                                            self.session.reference, save,
                                            {"kind": UnitKind.DEPARTMENT.value})
        self.unit_dialog.open()

    def record_successor(self) -> None:
        """HQ: a merged or renamed unit lives on as another (issue 15 §3)."""
        self.succession_dialog = open_succession_dialog(self)
    def sets_categories(self) -> bool:
        """HQ sets a unit's category (HQ refuses it from an office); a standalone office or a
        demo acts as its own HQ."""
        return (self.session.is_demo or self.session.standalone
                or self.session.device_role == DeviceRole.HQ)

    def selected_unit(self) -> dict | None:
        index = self.tree.currentIndex()
        unit_id = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        return next((u for u in self.session.reference.units if u["id"] == unit_id), None)

    @widget_slot()
    async def open_category(self) -> None:
        """HQ sets the selected unit's appraisal category; empty: the one its kind gives."""
        unit = self.selected_unit()
        if unit is None:
            return

        async def save(values):
            change = {"category": values.get("category") or None}
            await self.session.write(
                lambda w: services.update_record(w, Unit, unit["id"], change))
            await self.session.refresh_reference()
            self.show_tree()
            self.records_changed.emit()

        fields = [FieldSpec("category", self.tr("Appraisal category"),
                            "enum:AppraisalCategory")]
        self.category_dialog = RecordFormDialog(
            self, self.tr("Appraisal category of %1").replace("%1", unit["name"]), fields,
            self.session.reference, save, {"category": unit.get("category")})
        self.category_dialog.open()

    def export_unit_list(self, path=None):
        """The tree as name, kind, parent path: the columns the units import reads."""
        from desktop.spreadsheets.export import export_units

        return export_units(self, path)

    def open_import(self, kind: str) -> None:
        """The import dialog: preview, problems row by row, all or nothing (desktop/spreadsheets)."""
        from desktop.spreadsheets.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.session, kind, self)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()

    @widget_slot(object)
    async def _imported(self, _report) -> None:
        await self.session.refresh_reference()
        self.refresh()
        self.records_changed.emit()

"""A list of records with filters and New / Edit / Delete, the shape most pages share."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.data import lists
from desktop.operations import store_op
from desktop.pages.base import Page
from desktop.spreadsheets.export import export_page
from desktop.widgets.asking import confirm
from desktop.widgets.fields import FieldSpec
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.history_dialog import RecordHistoryDialog
from desktop.widgets.record_form import RecordFormDialog
from desktop.widgets.record_model import RecordTableModel
from desktop.widgets.slots import widget_slot
from models import rules, services
from models.ids import natural_id
from models.security.history import record_history


class RecordPage(Page):
    """Subclasses set `list_name`, `model` and implement `fields()`, `filters()`, `defaults()`."""

    list_name = ""
    model = None
    editable = True
    keeps_history = False  # the audit hook keeps this table's versions: offer History…

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.table_model = RecordTableModel(session.worker, session.store,
                                            lists.spec(self.list_name), self)
        self.tables_shown = self.table_model.spec.tables()
        self.table_model.fixed_filters = self.fixed_filters()
        self.table_model.loaded.connect(self._update_count)
        self.view = QTableView(objectName=f"table_{self.list_name}")
        self.view.setModel(self.table_model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Sorting is done in SQL. No indicator before sorting is enabled: enabling it sorts by
        # the indicated column at once, which would replace the list's own default order.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        for i, col in enumerate(self.table_model.spec.columns):
            if col.width:
                self.view.setColumnWidth(i, col.width)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.filter_bar = FilterBar(self.filters(), session.reference, self)
        self.filter_bar.changed.connect(self.table_model.set_filters)
        self.count_label = QLabel(objectName="countLabel")
        self.new_button = QPushButton(self.tr("New"), objectName="newButton")
        self.edit_button = QPushButton(self.tr("Edit"), objectName="editButton")
        self.delete_button = QPushButton(self.tr("Delete"), objectName="deleteButton")
        # Export writes the list as filtered and sorted here (desktop/spreadsheets/export.py).
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportButton")
        self.export_button.clicked.connect(lambda: export_page(self))
        self.new_button.clicked.connect(self.create_new)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        history = []
        if self.keeps_history:
            self.history_button = QPushButton(self.tr("History…"), objectName="historyButton")
            self.history_button.setEnabled(False)
            self.history_button.clicked.connect(self.open_history)
            # A reload resets the model, which drops the selection without a signal.
            self.view.selectionModel().selectionChanged.connect(self._selection_changed)
            self.table_model.modelReset.connect(self._selection_changed)
            history = [self.history_button]
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for button in self.extra_buttons() + history + [self.export_button, self.new_button,
                                                         self.edit_button, self.delete_button]:
            button.setVisible(self.editable or button not in (
                self.new_button, self.edit_button, self.delete_button))
            actions.addWidget(button)
        self._shortcuts()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.filter_bar)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addLayout(actions)

    def _shortcuts(self) -> None:
        """Ctrl+N makes a record, Ctrl+F goes to the search box. A window-wide key on a page:
        Qt fires it only for the page on show, so the keys work from the navigation too."""
        context = Qt.ShortcutContext.WindowShortcut
        for key, act in ((QKeySequence.StandardKey.New, RecordPage._new_by_key),
                         (QKeySequence.StandardKey.Find, RecordPage.focus_search)):
            shortcut = QShortcut(key, self, context=context)
            # Two lists on one page (the ledger's opinions and problems) share the key: it goes
            # to the list holding the focus, else to the one Qt picked.
            shortcut.activated.connect(lambda a=act: a(self._keyed_panel()))
            shortcut.activatedAmbiguously.connect(lambda a=act: a(self._keyed_panel()))

    def _keyed_panel(self) -> "RecordPage":
        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, RecordPage):
            widget = widget.parentWidget()
        return widget if widget is not None and widget.isVisible() else self

    def _new_by_key(self) -> None:
        if self.editable and self.new_button.isEnabled():
            self.create_new()

    def focus_search(self) -> None:
        search = self.filter_bar.findChild(QLineEdit, "filter_search")
        if search is not None:
            search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            search.selectAll()

    # --- for subclasses -------------------------------------------------------------------
    def fields(self) -> list[FieldSpec]:
        return []

    def filters(self) -> list[tuple]:
        return [("search",)]

    def fixed_filters(self) -> dict:
        """Rows this person may not see, whatever the filter bar says."""
        return {}

    def defaults(self) -> dict:
        return {}

    def extra_buttons(self) -> list[QPushButton]:
        return []

    def history_fields(self) -> list[FieldSpec]:
        """The fields History… shows: the form's, plus any the page changes another way."""
        return self.fields()

    def dialog_titles(self) -> tuple[str, str]:
        """The new and edit dialogs' titles, naming what kind of record they hold."""
        return self.tr("New record"), self.tr("Edit record")

    def dialog_opened(self, dialog: RecordFormDialog) -> None:
        """Hook: add page-specific help beside the form."""

    def to_record(self, values: dict) -> dict:
        """Turn the dialog's values into the record's fields (hook for derived fields)."""
        return values

    def natural_key(self, record: dict) -> tuple[str, ...] | None:
        """Reference rows: (kind, *key) their id derives from (models.ids.natural_id), so the
        same names made on two devices, or before enrolling, become one record at HQ."""
        return None

    def saving(self, dialog: RecordFormDialog):
        """Hook: what else the dialog's save writes, in the same transaction as the record:
        a function of (write session, record id), or None."""
        return None

    # --- behaviour ------------------------------------------------------------------------
    def first_show(self) -> None:
        self.table_model.set_filters(self.filter_bar.filters())

    def refresh(self) -> None:
        if self._activated:
            self.table_model.reload()

    def is_ready(self) -> bool:
        return self._activated and self.table_model.all_fetched()

    def _update_count(self) -> None:
        n = self.table_model.rowCount()
        if not self.table_model.complete:
            self.count_label.setText(QCoreApplication.translate("RecordPage", "Counting…"))
            return
        # Explicit context: PySide's self.tr() misses numerus forms from a subclass instance.
        self.count_label.setText(QCoreApplication.translate("RecordPage", "%n record(s)", "", n))

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.table_model.record_id(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        self.history_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def _saved(self) -> None:
        if self.session.change_hub is None:  # in a window, the committed tables reload it
            self.table_model.reload()
        self.records_changed.emit()

    def _open_dialog(self, dialog: RecordFormDialog) -> None:
        self.current_dialog = dialog
        dialog.open()
        self.dialog_opened(dialog)

    @widget_slot()
    async def create_new(self) -> None:
        async def save(values):
            record, also = self.to_record(values), self.saving(dialog)
            key = self.natural_key(record)
            if key is not None:
                record = {**record, "id": natural_id(*key)}

            def write(w):
                row_id = services.create_record(w, self.model, record)
                if also is not None:
                    also(w, row_id)

            await self.session.write(write)
            self._saved()

        dialog = RecordFormDialog(self, self.dialog_titles()[0], self.fields(),
                                  self.session.reference, save, self.defaults(),
                                  rules.text_limits(self.model))
        self._open_dialog(dialog)

    @widget_slot()
    async def edit_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is None or not self.editable:
            return
        table = self.model.__table__
        await store_op(self, self.session, lambda c: lists.fetch_record(c, table, row_id),
                       success=lambda current: self._edit(row_id, current)).run()

    def _edit(self, row_id: str, current: dict | None) -> None:
        if current is None:
            return

        async def save(values):
            changes, also = self.to_record(values), self.saving(dialog)

            def write(w):
                services.update_record(w, self.model, row_id, changes)
                if also is not None:
                    also(w, row_id)

            await self.session.write(write)
            self._saved()

        dialog = RecordFormDialog(self, _edit_title(self.dialog_titles()[1], current),
                                  self.fields(),
                                  self.session.reference, save, current,
                                  rules.text_limits(self.model))
        dialog.record_id = row_id  # which record it edits (for `dialog_opened`)
        self._open_dialog(dialog)

    @widget_slot()
    async def delete_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        if not await confirm(self, self.tr("Delete"), self.tr("Delete the selected record?")):
            return
        await store_op(self, self.session,
                       lambda w: services.delete_record(w, self.model, row_id), write=True,
                       success=lambda _: self._saved()).run()

    @widget_slot()
    async def open_history(self) -> None:
        """The selected record's versions: only a row this person sees in the list here."""
        row_id = self.selected_id()
        if row_id is None or not self.keeps_history:
            return
        dialog = RecordHistoryDialog(self, self.history_fields(), self.session.reference)
        self.history_dialog = dialog
        dialog.open()
        table_name = self.model.__tablename__
        await store_op(dialog, self.session,
                       lambda conn: record_history(conn, table_name, row_id),
                       success=dialog.show_versions, failure=dialog.unreadable).run()


def _edit_title(title: str, values: dict) -> str:
    """"Edit problem: 窗口推诿…": which record is open, by its name, number or text."""
    for key in ("name", "form_no", "person_name", "description", "content", "summary"):
        text = str(values.get(key) or "").strip().replace("\n", " ")
        if text:
            return f"{title}: {text[:30]}…" if len(text) > 30 else f"{title}: {text}"
    return title

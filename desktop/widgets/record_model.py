"""A table model over a list of any size: it holds rowids and fetches visible rows by page.

`data()` never raises and never touches the database; a missing page is requested from the DB
worker and the view is told when it arrives. `flags()` never fetches.
"""

import logging
import time
from collections import OrderedDict
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

import models.enums as enums
from desktop.data import lists
from desktop.labels import label_of, reason_label
from models import rules, timeutil

log = logging.getLogger(__name__)
PAGE = 200
MAX_PAGES = 60
OVERDUE_BRUSH = QBrush(QColor("#fde2e1"))
CONFIDENTIAL_BRUSH = QBrush(QColor("#fff4cc"))
VOIDED_BRUSH = QBrush(QColor("#9a9a9a"))
NO_TOOLTIP = frozenset({"date", "datetime", "number", "bool", "days_overdue"})


def format_value(kind: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if kind.startswith("enum:"):
        return label_of(getattr(enums, kind[5:]), value)
    if kind == "reason":
        return reason_label(value).replace("\n", " ")
    if kind == "bool":
        return QCoreApplication.translate("Lists", "Yes") if value else ""
    if kind == "datetime" and isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("\n", " ")


class RecordTableModel(QAbstractTableModel):
    """Rows of one `ListSpec`, filtered and sorted in SQL on the DB worker."""

    loaded = Signal()  # a new set of rowids is in place
    rows_arrived = Signal()

    def __init__(self, worker, store, spec: lists.ListSpec, parent=None) -> None:
        super().__init__(parent)
        self._worker, self._store, self.spec = worker, store, spec
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, dict]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self.filters: dict[str, Any] = {}
        self.fixed_filters: dict[str, Any] = {}  # who may see what; never shown in the bar
        first = spec.column(spec.default_sort) if spec.default_sort else None
        # Dates and numbers newest first; names in alphabetical order.
        newest_first = first is not None and first.kind in ("date", "datetime", "number")
        if spec.default_descending is not None:
            newest_first = spec.default_descending
        self._sort: tuple[str | None, bool] = (spec.default_sort or None, newest_first)
        self.last_load_ms = 0.0  # until the first rows are in
        self.count_ms = 0.0  # until every id (the count) is in
        self.loading = False
        self.complete = False

    # --- loading ---------------------------------------------------------------------------
    def set_filters(self, filters: dict[str, Any]) -> None:
        self.filters = dict(filters)
        self.reload()

    def reload(self) -> None:
        """Two stages on the DB worker: the first page of rows (shown at once; on an indexed
        sort it reads 200 rows, not the table), then every matching rowid (the count, and what
        the other pages are fetched by). The view never waits for the second."""
        self._generation += 1
        generation, started = self._generation, time.perf_counter()
        key, descending = self._sort
        spec, filters, store = self.spec, {**self.filters, **self.fixed_filters}, self._store
        self.loading, self.complete = True, False

        def first():
            with store.read() as conn:
                return lists.fetch_first_rows(conn, spec, filters, key, descending, PAGE)

        def all_ids():
            with store.read() as conn:
                return lists.fetch_ids(conn, spec, filters, key, descending)

        def first_done(rows, error):
            if generation != self._generation:
                return
            self.loading = False
            self.beginResetModel()
            self._ids = [] if error else [r["_rowid"] for r in rows]
            self._pages.clear()
            self._pending.clear()
            if not error:
                self._pages[0] = {r["_rowid"]: r for r in rows}
            self.endResetModel()
            self.last_load_ms = (time.perf_counter() - started) * 1000
            if error or len(rows) < PAGE:
                self._completed(started)
            else:
                self._worker.submit(all_ids, on_done=ids_done)
            self.loaded.emit()

        def ids_done(ids, error):
            if generation != self._generation:
                return
            if error is not None:  # the count stays unknown; say why in the log at least
                log.error("counting the %s list failed", spec.name, exc_info=error)
                return
            if ids[:len(self._ids)] != self._ids:  # changed in between: start afresh
                self.beginResetModel()
                self._ids, self._pending = ids, set()
                self._pages.clear()
                self.endResetModel()
            elif len(ids) > len(self._ids):
                self.beginInsertRows(QModelIndex(), len(self._ids), len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
            self._completed(started)
            self.loaded.emit()

        self._worker.submit(first, on_done=first_done)

    def _completed(self, started: float) -> None:
        self.complete = True
        self.count_ms = (time.perf_counter() - started) * 1000

    def _request_page(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation = self._generation
        wanted = self._ids[page * PAGE:(page + 1) * PAGE]
        spec, store = self.spec, self._store

        def query():
            with store.read() as conn:
                return lists.fetch_rows(conn, spec, wanted)

        def done(rows, error):
            if generation != self._generation:
                return
            self._pending.discard(page)
            self._pages[page] = {} if error else rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            first, last = page * PAGE, min(len(self._ids), (page + 1) * PAGE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last, self.columnCount() - 1))
            self.rows_arrived.emit()

        self._worker.submit(query, on_done=done)

    def row_dict(self, row: int) -> dict | None:
        """The row's values when fetched; None (and a fetch is started) otherwise."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            self._request_page(page)
            return None
        self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    def record_id(self, row: int) -> str | None:
        values = self.row_dict(row)
        return values["id"] if values else None

    def all_fetched(self) -> bool:
        return not self._pending and not self.loading and self.complete

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            return QCoreApplication.translate("Lists", self.spec.columns[section].header)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.column() < len(self.spec.columns):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.UserRole):
            return None
        values = self.row_dict(index.row())
        if values is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.UserRole:
            return values.get("id")
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(values)
        if role == Qt.ItemDataRole.ForegroundRole:
            return VOIDED_BRUSH if values.get("voided") else None
        col = self.spec.columns[index.column()]
        text = self._text(col, values)
        if col.key == "kind" and self._confidential(values):
            text += " · " + QCoreApplication.translate("Lists", "confidential")
        if role == Qt.ItemDataRole.ToolTipRole:
            # Any text may be cut off (Chinese is wide; a column keeps its width): hovering shows
            # it whole. Dates, numbers and yes/no always fit.
            return text if text and col.kind not in NO_TOOLTIP else None
        return text

    @staticmethod
    def _text(col, values: dict) -> str:
        if col.kind == "days_overdue":  # the one overdue rule, the day the list is looked at
            days = rules.days_overdue(values.get("deadline"), values.get("status") or "",
                                      timeutil.local_today())
            return "" if days is None else str(days)
        return format_value(col.kind, values.get(col.key))

    def _confidential(self, values: dict) -> bool:
        return self.spec.name == "visits" and values.get("kind") == enums.VisitKind.SECRET

    def _background(self, values: dict):
        if values.get("overdue"):
            return OVERDUE_BRUSH
        if self._confidential(values):
            return CONFIDENTIAL_BRUSH
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns) or not self.spec.columns[column].sortable:
            return
        self._sort = (self.spec.columns[column].key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

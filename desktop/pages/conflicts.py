"""What sync left for a person: entries HQ refused (with HQ's reason) and conflicts, shown
with both values side by side so the user can keep one."""

import json

import sqlalchemy as sa
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from qasync import asyncSlot

from desktop.errors import show_error
from desktop.pages.base import Page
from models.sync_state import SyncIssue
from models.timeutil import utcnow

_T = SyncIssue.__table__


def open_issues(conn: sa.Connection) -> list[dict]:
    rows = conn.execute(sa.select(_T).where(_T.c.resolved_at.is_(None))
                        .order_by(_T.c.created_at.desc()).limit(500)).mappings()
    return [dict(r) for r in rows]


def resolve_issue(conn: sa.Connection, issue_id: str) -> None:
    conn.execute(_T.update().where(_T.c.id == issue_id).values(resolved_at=utcnow()))


def side_by_side(details: str) -> list[tuple[str, str, str]]:
    """(field, value HQ kept, value set aside) from a conflict's details."""
    try:
        data = json.loads(details or "{}")
    except ValueError:
        return []
    kept, other = data.get("kept", {}), data.get("other", data.get("set_aside", {}))
    if not isinstance(kept, dict) or not isinstance(other, dict):
        return [("", str(kept), str(other))]
    return [(k, str(kept.get(k, "")), str(other.get(k, ""))) for k in sorted(set(kept) | set(other))]


class ConflictsPage(Page):
    page_id = "conflicts"

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.issues: list[dict] | None = None
        self.table = QTableWidget(0, 4, objectName="issueTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.values = QTableWidget(0, 3, objectName="conflictValues")
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.verticalHeader().setVisible(False)
        self.values.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("Nothing waits for you: no refused entries, no conflicts."),
                            objectName="emptyNote")
        self.dismiss = QPushButton(self.tr("Mark as settled"), objectName="settleButton")
        self.dismiss.clicked.connect(self.settle)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Both values"), objectName="sectionHeading"))
        layout.addWidget(self.values, 1)
        layout.addLayout(buttons)
        self._headers()

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Record"), self.tr("When"), self.tr("Reason from HQ")])
        self.values.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Value kept at HQ"), self.tr("Other value")])

    def title(self) -> str:
        return self.tr("Sync issues")

    def first_show(self) -> None:
        self.reload()

    def refresh(self) -> None:
        if self._activated:
            self.reload()

    def is_ready(self) -> bool:
        return self.issues is not None

    @asyncSlot()
    async def reload(self) -> None:
        self.issues = await self.session.read(open_issues)
        kinds = {"rejected": self.tr("Refused"), "forbidden": self.tr("Refused"),
                 "conflict": self.tr("Conflict")}
        self.table.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            cells = [kinds.get(issue["kind"], issue["kind"]),
                     f"{issue['table_name']} {issue['row_id'][:8]}",
                     issue["created_at"].astimezone().strftime("%Y-%m-%d %H:%M"),
                     issue["reason"]]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.empty.setVisible(not self.issues)

    def show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        pairs = side_by_side(self.issues[rows[0].row()]["details"]) if rows else []
        self.values.setRowCount(len(pairs))
        for row, cells in enumerate(pairs):
            for col, text in enumerate(cells):
                self.values.setItem(row, col, QTableWidgetItem(text))

    @asyncSlot()
    async def settle(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        issue_id = self.issues[rows[0].row()]["id"]
        store = self.session.store

        def job():
            with store.engine.begin() as conn:
                resolve_issue(conn, issue_id)

        try:
            await self.session.worker.run(job)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
        self.reload()


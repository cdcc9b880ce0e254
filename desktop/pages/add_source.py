"""HQ records one more source of an existing problem (issue 14 §1): "Add a source…" under the
problem form's Sources list opens `AddSourceDialog` — the kind (an opinion, a finding, a visit,
a dissatisfied form), then one record picked from the list of that kind, newest first. Saving
writes it through `models.assignments.add_sources` (which raises the confidential flag when the
source is a secret visit's) and the Sources list is read again."""

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from desktop.data.source_candidates import source_candidates
from desktop.labels import label_of
from desktop.operations import store_op
from desktop.widgets.slots import widget_slot
from models.assignments import add_sources
from models.enums import SourceKind

TEXT = {
    "button": QT_TRANSLATE_NOOP("AddSourceDialog", "Add a source…"),
    "title": QT_TRANSLATE_NOOP("AddSourceDialog", "Add a source"),
    "kind": QT_TRANSLATE_NOOP("AddSourceDialog", "Kind of source"),
    "none": QT_TRANSLATE_NOOP("AddSourceDialog", "No record of this kind to add."),
}
KINDS = (SourceKind.OPINION, SourceKind.FINDING, SourceKind.VISIT, SourceKind.EVALUATION)


def source_text(key: str) -> str:
    return QCoreApplication.translate("AddSourceDialog", TEXT[key])


class AddSourceDialog(QDialog):
    """Pick one record of a kind; `added()` is awaited once it is written."""

    def __init__(self, page, problem_id: str, describe: Callable[[dict], str],
                 added: Callable[[], Awaitable[None]]) -> None:
        super().__init__(page)
        self.setObjectName("addSourceDialog")
        self.setWindowTitle(source_text("title"))
        self.page, self.problem_id, self.describe, self.added = page, problem_id, describe, added
        self.kind = QComboBox(objectName="sourceKind")
        for kind in KINDS:
            self.kind.addItem(label_of(SourceKind, kind), kind.value)
        self.list = QListWidget(objectName="sourceCandidates")
        self.empty = QLabel(source_text("none"), objectName="hint")
        self.empty.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(source_text("kind")))
        layout.addWidget(self.kind)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.kind.currentIndexChanged.connect(lambda _i: self.load())

    @widget_slot()
    async def load(self) -> None:
        kind, problem_id = self.kind.currentData(), self.problem_id
        self.list.clear()
        await store_op(self, self.page.session,
                       lambda c: source_candidates(c, kind, problem_id),
                       success=self._fill).run()

    def _fill(self, rows: list[dict]) -> None:
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(self.describe(row))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
        self.empty.setVisible(not rows)
        if rows:
            self.list.setCurrentRow(0)

    @widget_slot()
    async def save(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        chosen = [(self.kind.currentData(), item.data(Qt.ItemDataRole.UserRole))]
        problem_id = self.problem_id
        if await store_op(self, self.page.session,
                          lambda w: add_sources(w, problem_id, chosen), write=True).run():
            self.accept()
            await self.added()

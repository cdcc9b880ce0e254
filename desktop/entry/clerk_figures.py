"""The clerks' own figures on the Form entry page (issue 15 §4): forms keyed, keying time,
forms per hour and the double-entry error rate, per clerk (all batches) and per batch.

A supervisor (or HQ) sees every clerk; a clerk their own rows only — the store decides from
the profile's stored role (`models.clerk_stats.sees_everyone`), the panel only says which view
it shows. "Export XLSX…" writes the same figures (reports/clerk_figures.py)."""

import asyncio
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clerk_stats
from models.clerk_stats import ClerkFigures


class ClerkFiguresPanel(QWidget):
    COLUMNS = ("Clerk", "Batch", "Keying", "Forms keyed", "Keying time (min)",
               "Forms per hour", "Fields compared", "Errors", "Error rate", "Pending fields")

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(objectName="clerkFiguresHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS), objectName="clerkFigures")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Export XLSX…"), objectName="clerkExport")
        self.export_button.clicked.connect(lambda: asyncio.ensure_future(self._ask_export()))
        self.message = QLabel(objectName="clerkFiguresMessage")
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.report: clerk_stats.ClerkReport | None = None

    def _role(self) -> str:
        return str(self.session.profile_role or "")

    def load(self) -> None:
        store, profile, role = self.session.store, self.session.profile, self._role()

        def job():
            with store.read() as conn:
                return (clerk_stats.sees_everyone(conn, profile, role),
                        clerk_stats.clerk_report(conn, profile, role))

        def done(result, error):
            if error is None:
                self._show(*result)
            else:
                from desktop.errors import message_for

                self.message.setText(message_for(error))

        self.session.worker.submit(job, on_done=done)

    def _show(self, everyone: bool, report: clerk_stats.ClerkReport) -> None:
        self.report = report
        self.heading.setText(
            self.tr("Every clerk's keying: totals first, then each batch. Pauses over 5 "
                    "minutes are not keying time; errors count against the supervisor's "
                    "settlement of the double entry.") if everyone else
            self.tr("Your own keying: totals first, then each batch. Pauses over 5 minutes "
                    "are not keying time; errors count against the supervisor's settlement "
                    "of the double entry."))
        rows = [*report.clerks, *report.batches]
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            for c, value in enumerate(self._cells(f)):
                item = QTableWidgetItem(value)
                if f.batch_id is None:  # a clerk's totals stand out from the batch rows
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _cells(self, f: ClerkFigures) -> list[str]:
        batch = (f"{f.unit} · {f.evaluated_on}" if f.batch_id else self.tr("All batches"))
        keying = {"entry": self.tr("Entry"), "verification": self.tr("Second keying")}.get(
            f.keying, "")
        rate = "" if f.error_rate is None else f"{f.error_rate * 100:.2f}%"
        per_hour = "" if f.forms_per_hour is None else f"{f.forms_per_hour:.1f}"
        return [f.clerk, batch, keying, str(f.forms), f"{f.seconds / 60:.1f}", per_hour,
                str(f.fields_compared), str(f.errors), rate, str(f.pending)]

    async def _ask_export(self) -> None:
        from desktop.pages.reports import ask_save_path, default_folder

        out = await ask_save_path(self, self.tr("Export the clerks' figures"),
                                  default_folder() / "录入员工作量.xlsx", "xlsx")
        if out is not None:
            await self.export(out)

    async def export(self, path: Path) -> bool:
        """Write the figures this profile may see to `path`; say where they went."""
        from reports.clerk_figures import write_clerk_figures

        store, profile, role = self.session.store, self.session.profile, self._role()

        def job():
            with store.read() as conn:
                return write_clerk_figures(conn, path, profile, role)

        self.export_button.setEnabled(False)
        try:
            await self.session.worker.run(job)
        except Exception as exc:  # shown as the app's message for it, never raw
            from desktop.errors import message_for

            self.message.setText(message_for(exc))
            return False
        finally:
            self.export_button.setEnabled(True)
        self.message.setText(self.tr("Saved to %1").replace("%1", str(path)))
        return True

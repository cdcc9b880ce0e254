"""The status-bar indicator: offline / N waiting / syncing with progress / last synced / error."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.sync_controller import SyncStatus


class SyncIndicator(QWidget):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel(objectName="syncLabel")
        self.progress = QProgressBar(objectName="syncProgress")
        self.progress.setMaximumWidth(120)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.button = QPushButton(self.tr("Sync"), objectName="syncButton")
        self.button.clicked.connect(controller.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.button)
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status)

    def describe(self, status: SyncStatus) -> str:
        waiting = self.tr("%n change(s) waiting", "", status.pending)
        if status.state == "demo":
            return self.tr("Demo data: never syncs")
        if status.state == "not_enrolled":
            return self.tr("Not enrolled with headquarters") + " · " + waiting
        if status.state == "syncing":
            return self.tr("Syncing…")
        if status.state == "error":
            return self.tr("Sync failed: %1").replace("%1", status.error)
        if status.state == "offline":
            return self.tr("Offline") + " · " + waiting
        if status.last_synced is not None:
            when = status.last_synced.astimezone().strftime("%Y-%m-%d %H:%M")
            return self.tr("Last synced %1").replace("%1", when) + " · " + waiting
        return waiting

    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(self.describe(status))
        self.label.setProperty("error", status.state == "error")
        self.progress.setVisible(status.state == "syncing")
        if status.progress is not None:
            self.progress.setValue(int(status.progress * 100))
        self.button.setEnabled(status.state not in ("demo", "syncing"))

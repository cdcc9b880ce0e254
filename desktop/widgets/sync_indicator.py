"""The status-bar indicator: offline / N waiting / syncing with progress / last synced / error."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.sync_controller import SyncStatus


class SyncIndicator(QWidget):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel(objectName="syncLabel")
        self.issues = QLabel(objectName="syncIssues")
        self.progress = QProgressBar(objectName="syncProgress")
        self.progress.setMaximumWidth(120)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.button = QPushButton(self.tr("Sync"), objectName="syncButton")
        self.button.clicked.connect(controller.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="syncCancel")
        self.cancel_button.clicked.connect(controller.cancel)
        self.cancel_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.issues, self.label, self.progress, self.button, self.cancel_button):
            layout.addWidget(w)
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status)

    def waiting(self, status: SyncStatus) -> str:
        return self.tr("%n change(s) waiting", "", status.pending)

    def describe(self, status: SyncStatus) -> str:
        if status.state == "demo":
            return self.tr("Demo data: never syncs")
        if status.state == "reenroll":
            return self.tr("This store is a restored or copied one: enroll it again with a new "
                           "code") + " · " + self.waiting(status)
        if status.state == "not_enrolled":
            return self.tr("Not enrolled with headquarters") + " · " + self.waiting(status)
        if status.state == "revoked":
            return self.tr("Headquarters revoked this device")
        if status.state == "syncing":
            phase = {"push": self.tr("sending"), "pull": self.tr("receiving"),
                     "attachments": self.tr("fetching photos")}.get(
                status.phase, "")
            return self.tr("Syncing…") + (f" ({phase})" if phase else "")
        if status.state == "error":
            return self.tr("Sync failed: %1").replace("%1", status.error) + " · " + \
                self.waiting(status)
        if status.state == "offline":  # after a round: why, in the window's language
            return (status.error or self.tr("Offline: headquarters cannot be reached")) + \
                " · " + self.waiting(status)
        if status.last_synced is not None:
            when = status.last_synced.astimezone().strftime("%Y-%m-%d %H:%M")
            return self.tr("Last synced %1").replace("%1", when) + " · " + self.waiting(status)
        return self.tr("Never synced") + " · " + self.waiting(status)

    def show_status(self, status: SyncStatus) -> None:
        text = self.describe(status)
        self.label.setText(text)
        self.label.setToolTip(status.error or text)
        self.label.setProperty("error", status.state in ("error", "revoked"))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.issues.setText(self.tr("%n sync issue(s)", "", status.issues) if status.issues
                            else "")
        self.issues.setVisible(bool(status.issues))
        syncing = status.state == "syncing"
        self.progress.setVisible(syncing)
        if status.progress is not None:
            self.progress.setValue(int(status.progress * 100))
        self.button.setVisible(not syncing)
        self.button.setEnabled(status.state not in ("demo", "not_enrolled", "reenroll",
                                                    "revoked"))
        self.cancel_button.setVisible(syncing)

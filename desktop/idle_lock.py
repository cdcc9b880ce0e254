"""The window's idle lock: after the minutes a supervisor set without a key or a click, the
window hides every record (its pages and any open dialog) behind a lock screen that asks for
the profile's PIN, or the store's passphrase for a profile without one. From the lock screen
another person can switch to their own profile (their PIN; no restart).

Nothing is lost by locking: an open form dialog is hidden with what was typed in it and comes
back after the unlock; the store stays open, so a sync or a save under way finishes.
"""

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.security.relock import PIN

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


FILTER_AFTER_MS = 1000
PANEL_WIDTH, PANEL_MARGIN = 480, 28  # the lock screen's panel


class IdleWatcher(QObject):
    """Emits `idle` once no input reached the application for `timeout_ms`."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        self._last_input = time.monotonic()
        # One timer fired at the deadline, not restarted on every event: input only stamps
        # the time, which keeps the filter cheap while a clerk types at full speed.
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._check)
        # Watching starts a moment after the window is built: the thousands of paint and
        # layout events of start-up need no Python call each, and nobody types in that second.
        QTimer.singleShot(FILTER_AFTER_MS, self, self._install)
        self._installed = False
        self.resume()

    def _install(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self.timeout_ms = timeout_ms
        if self._timer.isActive():
            self._check()

    def resume(self) -> None:
        """Count idle time afresh (at start and after an unlock)."""
        self._last_input = time.monotonic()
        self._timer.start(self.timeout_ms)

    def pause(self) -> None:
        self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = True  # and never installed later

    def _check(self) -> None:
        left = self.timeout_ms - (time.monotonic() - self._last_input) * 1000
        if left <= 0:
            self.idle.emit()
        else:
            self._timer.start(int(left) + 1)


class LockScreen(QWidget):
    """What the window shows while locked: who it is locked for and a field for the secret."""

    unlock_requested = Signal(str)
    quit_requested = Signal()
    switch_user_clicked = Signal()  # the window answers with `offer_profiles`
    switch_requested = Signal(str, str)  # another profile's name, its secret

    def __init__(self, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.profile = profile
        self.title = QLabel(self.tr("FieldInspect is locked"), objectName="lockTitle")
        self.explanation = QLabel(objectName="lockExplanation")
        self.explanation.setWordWrap(True)
        self.profile_box = QComboBox(objectName="lockProfile")
        self.profile_box.hide()
        self.secret = QLineEdit(objectName="lockSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.returnPressed.connect(self._submit)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        quit_button = QPushButton(self.tr("Quit FieldInspect"), objectName="lockQuitButton")
        quit_button.clicked.connect(self.quit_requested)
        self.switch_button = QPushButton(self.tr("Switch user…"), objectName="switchUserButton")
        self.switch_button.clicked.connect(self.switch_user_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(quit_button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        panel = QFrame(objectName="lockPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(PANEL_WIDTH)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(PANEL_MARGIN, 24, PANEL_MARGIN, 24)
        inner.setSpacing(12)
        for widget in (self.title, self.explanation, self.profile_box, self.secret, self.error):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def ask(self, kind: str, minutes: int) -> None:
        """Show the question for this profile and clear whatever was there before."""
        what = (self.tr("Type the PIN of %1 to go on.") if kind == PIN else
                self.tr("Type the store's passphrase to go on (%1 has no PIN)."))
        self.explanation.setText(
            # Explicit context: PySide's self.tr() misses numerus forms.
            QCoreApplication.translate(
                "LockScreen", "The window locked after %n min without use. Everything typed "
                "is kept.", "", minutes) + "\n" + what.replace("%1", self.profile))
        self.secret.setPlaceholderText(self.tr("PIN") if kind == PIN else self.tr("Passphrase"))
        self.profile_box.hide()
        self._fit_explanation()
        self.secret.clear()
        self.error.hide()
        self.set_busy(False)
        self.secret.setFocus()

    def _fit_explanation(self) -> None:
        """A wrapped label in the fixed-width panel: reserve the height its lines need (the
        layout kept the old text's height and clipped a longer one)."""
        width = PANEL_WIDTH - 2 * PANEL_MARGIN
        self.explanation.setMinimumHeight(self.explanation.heightForWidth(width))

    def set_busy(self, busy: bool) -> None:
        for widget in (self.secret, self.unlock_button, self.switch_button, self.profile_box):
            widget.setEnabled(not busy)

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.secret.clear()
        self.set_busy(False)
        self.secret.setFocus()

    def offer_profiles(self, profiles: list[dict]) -> None:
        """Switching user: pick another profile, then type its PIN (or the passphrase)."""
        self.profile_box.clear()
        for p in profiles:
            if p["name"] != self.profile:
                self.profile_box.addItem(p["name"], p["name"])
        if self.profile_box.count():
            self.explanation.setText(self.tr("Choose who you are and type your PIN (the store's "
                                             "passphrase for a profile without a PIN)."))
            self.secret.setPlaceholderText(self.tr("PIN or passphrase"))
        else:  # the lock screen's question for this profile stays as it was
            self.error.setText(self.tr("This device has no other profile: a supervisor adds "
                                       "one under Settings."))
        self.profile_box.setVisible(self.profile_box.count() > 0)
        self.error.setVisible(not self.profile_box.count())
        self._fit_explanation()
        self.secret.clear()
        self.set_busy(False)
        self.secret.setFocus()

    def _submit(self) -> None:
        if not self.secret.text():
            return
        self.set_busy(True)
        if self.profile_box.isVisible() and self.profile_box.currentData():
            self.switch_requested.emit(self.profile_box.currentData(), self.secret.text())
        else:
            self.unlock_requested.emit(self.secret.text())

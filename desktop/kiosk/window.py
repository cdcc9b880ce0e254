"""The kiosk: four big buttons, reasons on "dissatisfied", a thank-you screen that resets
itself, and a supervisor's PIN to leave. Keys 1–4 choose like the buttons (hardware
four-button evaluators send them)."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.entry.level_keys import LEVELS, key_index
from desktop.labels import label_of
from models.enums import KioskReason, Level

STYLE = """
#kioskWindow { background: #f4f7fb; }
#kioskTitle { font-size: 34px; font-weight: bold; color: #1d3557; }
#kioskUnit { font-size: 22px; color: #555; }
#kioskThanks { font-size: 48px; font-weight: bold; color: #1d7a46; }
QPushButton { font-size: 30px; font-weight: bold; border-radius: 16px; color: white; }
#kioskLevel_satisfied { background: #1d7a46; }
#kioskLevel_fairly_satisfied { background: #3f9a5a; }
#kioskLevel_basically_satisfied { background: #c98a12; }
#kioskLevel_dissatisfied { background: #b83232; }
#kioskReason, #kioskSend { background: #2f5d8a; font-size: 24px; }
QLineEdit { font-size: 24px; padding: 8px; }
#kioskPinMessage { font-size: 22px; color: #b83232; }
"""
THANKS_MS = 3000  # the thank-you screen resets itself well within 5 seconds
REASON_TIMEOUT_MS = 60_000  # a walk-away on the reasons screen still records the rating


class KioskWindow(QWidget):
    rating_saved = Signal(str)
    rating_failed = Signal(object)
    exit_requested = Signal()  # the PIN was right

    def __init__(self, session, target: dict, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Satisfaction kiosk"))
        self.session, self.target = session, target  # campaign_id, unit_id, group, unit_name
        self.stack = QStackedWidget()
        self.choose = self._choose_page()
        self.reasons = self._reasons_page()
        self.thanks = self._thanks_page()
        self.pin_page = self._pin_page()
        for page in (self.choose, self.reasons, self.thanks, self.pin_page):
            self.stack.addWidget(page)
        QVBoxLayout(self).addWidget(self.stack)
        self.reset_timer = QTimer(self, singleShot=True, interval=THANKS_MS)
        self.reset_timer.timeout.connect(self.reset)
        self.reason_timer = QTimer(self, singleShot=True, interval=REASON_TIMEOUT_MS)
        self.reason_timer.timeout.connect(self._submit_reason)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    # --- pages ----------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("How satisfied are you with our service today?"),
                       objectName="kioskTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        unit = QLabel(self.target.get("unit_name", ""), objectName="kioskUnit")
        unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        self.level_buttons = []
        for i, level in enumerate(LEVELS):
            button = QPushButton(f"{label_of(Level, level)}\n{i + 1}",
                                 objectName=f"kioskLevel_{level.value}")
            button.setMinimumSize(220, 220)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, lv=level: self.choose_level(lv))
            row.addWidget(button)
            self.level_buttons.append(button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(unit)
        layout.addWidget(title)
        layout.addSpacing(30)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def common_reasons(self) -> list[tuple[str, str]]:
        """(code, label in the kiosk's language): the code is what is stored, so HQ reads
        each reason in its own language and counts the same reason as one."""
        return [(m.value, label_of(KioskReason, m.value)) for m in KioskReason
                if m != KioskReason.NOT_GIVEN]

    def _reasons_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Sorry. What went wrong? (choose one, or type)"),
                       objectName="kioskTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.reason_buttons = []
        for i, (code, text) in enumerate(self.common_reasons()):
            button = QPushButton(f"{i + 1}  {text}", objectName="kioskReason")
            button.setMinimumHeight(80)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=code: self.record(Level.DISSATISFIED, c))
            grid.addWidget(button, i // 2, i % 2)
            self.reason_buttons.append(button)
        self.reason_text = QLineEdit(objectName="kioskReasonText")
        self.reason_text.setPlaceholderText(self.tr("Or type what happened"))
        self.reason_text.returnPressed.connect(self._submit_reason)
        submit = QPushButton(self.tr("Send"), objectName="kioskSend")
        submit.clicked.connect(self._submit_reason)
        submit.setMinimumSize(160, 60)
        free = QHBoxLayout()
        free.addWidget(self.reason_text, 1)
        free.addWidget(submit)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addLayout(free)
        layout.addStretch(1)
        return page

    def _thanks_page(self) -> QWidget:
        self.thanks_label = QLabel(self.tr("Thank you for your rating!"), objectName="kioskThanks")
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page = QWidget()
        QVBoxLayout(page).addWidget(self.thanks_label)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget()
        label = QLabel(self.tr("Supervisor PIN to leave kiosk mode"), objectName="kioskTitle")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin = QLineEdit(objectName="kioskPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.returnPressed.connect(self._check_pin)
        self.pin_message = QLabel(objectName="kioskPinMessage")
        self.pin_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for w in (label, self.pin, self.pin_message):
            layout.addWidget(w)
        layout.addStretch(1)
        return page

    # --- flow -----------------------------------------------------------------------------
    def choose_level(self, level: Level) -> None:
        if level == Level.DISSATISFIED:
            self.reason_text.clear()
            self.stack.setCurrentWidget(self.reasons)
            self.reason_timer.start()
            self.setFocus()
        else:
            self.record(level, "")

    def _submit_reason(self) -> None:
        text = self.reason_text.text().strip()
        self.record(Level.DISSATISFIED, text or KioskReason.NOT_GIVEN.value)

    def record(self, level: Level, reason: str) -> None:
        from models.batches import record_kiosk_rating

        self.reason_timer.stop()
        store, profile, t = self.session.store, self.session.profile, self.target

        def job():
            with store.write(profile) as w:
                return record_kiosk_rating(w, campaign_id=t["campaign_id"], unit_id=t["unit_id"],
                                           group=t["group"], level=level, reason=reason)

        def done(result, error):
            if error is None:
                self.rating_saved.emit(result)
            else:
                self.rating_failed.emit(error)

        self.session.worker.submit(job, on_done=done)
        # The person at the window is thanked at once; a failed save is logged and reported.
        self.stack.setCurrentWidget(self.thanks)
        self.reset_timer.start()
        self.setFocus()

    def reset(self) -> None:
        self.reset_timer.stop()
        self.stack.setCurrentWidget(self.choose)
        self.setFocus()

    def ask_pin(self) -> None:
        self.pin.clear()
        self.pin_message.clear()
        self.stack.setCurrentWidget(self.pin_page)
        self.pin.setFocus()
        self.reset_timer.start(30_000)  # nobody typed a PIN: back to rating

    def _check_pin(self) -> None:
        # A supervisor's (or HQ's) PIN, checked in the store with a growing wait after wrong
        # ones and every attempt audited (models/security/roles.py).
        from models.security.lockout import LockedOutError
        from models.security.pins import WrongPinError
        from models.security.roles import kiosk_exit

        pin = self.pin.text()
        self.pin.clear()
        try:
            self.session.worker.call_blocking(kiosk_exit, self.session.store, pin)
        except WrongPinError:
            self.pin_message.setText(self.tr("Wrong PIN."))
            return
        except LockedOutError as exc:
            self.pin_message.setText(self.tr("Too many wrong PINs: try again in %n second(s).",
                                             "", int(exc.wait_seconds or 0) + 1))
            return
        self.reset_timer.stop()
        self.exit_requested.emit()

    # --- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        current = self.stack.currentWidget()
        index = key_index(event)
        if event.key() == Qt.Key.Key_Escape:
            self.reset() if current is self.pin_page else self.ask_pin()
        elif current is self.choose and index is not None:
            self.choose_level(LEVELS[index])
        elif current is self.reasons and index is not None:
            self.reason_buttons[index].click()
        elif current is self.thanks and index is not None:
            self.reset()
            self.choose_level(LEVELS[index])
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        # Only the supervisor's PIN ends kiosk mode (exit_requested, then the owner closes).
        if getattr(self, "_may_close", False):
            super().closeEvent(event)
        else:
            event.ignore()
            self.ask_pin()

    def allow_close(self) -> None:
        self._may_close = True

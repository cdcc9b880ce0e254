"""Keys a clerk types while the entry screen cannot take them yet, kept in order and replayed.

A trained clerk keys "1⏎" every few milliseconds, faster than a save comes back from the DB
worker. While a save (or the batch's first load, or the count before closing) is in flight,
every key typed into the screen is held here instead of reaching the form still on screen; when
the answer comes, the screen shows the next form and the held keys are replayed to it one by one,
stopping as soon as one of them starts another save (the rest wait for that one).

If a form is refused, the keys typed after it stay held: they were meant for the forms after it,
never for it. Keys still coming in the same burst (typed before the clerk could read the refusal)
are held too, until the typing pauses for `SETTLE_MS`; from then on keys reach the refused form,
so the clerk can fix it, and saving it replays the held keys. The clerk may discard them instead.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# A pause this long ends a burst of typing: nobody reads a refusal and starts fixing faster,
# and clerks typing ahead press keys 7–150 ms apart.
SETTLE_MS = 500


@dataclass(frozen=True)
class HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    commit: str | None = None  # an input method's committed text (Chinese typed with an IME)

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.key | self.modifiers.value)


class TypeAhead(QObject):
    """Holds the keys typed into `screen` while `holding`; `replay` gives them back in order."""

    changed = Signal()  # the held keys, or whether they are held, changed

    def __init__(self, screen: QWidget, deliver: Callable[[HeldKey], None]) -> None:
        super().__init__(screen)
        self.screen, self.deliver = screen, deliver
        self.keys: list[HeldKey] = []
        self.holding = False
        self.replaying = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)

    @property
    def settling(self) -> bool:
        """A refusal was just shown and the burst of typing that followed it goes on."""
        return self._settle.isActive()

    def hold(self) -> None:
        """From now on keys typed into the screen are held (an answer is awaited)."""
        self._settle.stop()
        if not self.holding:
            self.holding = True
            QCoreApplication.instance().installEventFilter(self)
            self.changed.emit()

    def hold_until_pause(self) -> None:
        """After a refusal: hold the keys of the burst still being typed, then let keys through."""
        self.hold()
        self._settle.start()

    def release(self) -> None:
        """Keys reach the screen again; those already held stay held."""
        self._settle.stop()
        if self.holding:
            self.holding = False
            QCoreApplication.instance().removeEventFilter(self)
            self.changed.emit()

    def replay(self) -> None:
        """Deliver the held keys in order until one of them makes the screen hold again."""
        self.release()
        self.replaying = True
        try:
            while self.keys and not self.holding:
                self.deliver(self.keys.pop(0))
        finally:
            self.replaying = False
        self.changed.emit()

    def discard(self) -> int:
        count = len(self.keys)
        self.keys.clear()
        self.changed.emit()
        return count

    def _settled(self) -> None:
        self.release()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride,
                        QEvent.Type.InputMethod) or self.replaying:
            return False
        if not isinstance(obj, QWidget) or not (obj is self.screen
                                                or self.screen.isAncestorOf(obj)):
            return False
        if obj is not QApplication.focusWidget() and kind != QEvent.Type.InputMethod:
            # A key goes to the focus widget first, then up to its parents if not taken: a
            # line edit's Enter that has just started a save comes here again on its way up,
            # and is the same key, not one typed ahead.
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the key so that no shortcut fires now: its key press comes next and is held
            # (the screen's own shortcuts are replayed by the screen).
            event.accept()
            return True
        if kind == QEvent.Type.InputMethod:
            if not event.commitString():
                return False  # the input method's composing text only; nothing is typed yet
            held = HeldKey(0, Qt.KeyboardModifier.NoModifier, "", event.commitString())
        else:
            held = HeldKey(event.key(), event.modifiers(), event.text())
        self.keys.append(held)
        if self.settling:
            self._settle.start()  # the burst goes on
        self.changed.emit()
        return True


class HeldKeysLabel(QLabel):
    """How many keys are held; once they wait on a refused form, what the clerk can do."""

    def __init__(self, type_ahead: TypeAhead, parent=None) -> None:
        super().__init__(parent, objectName="heldKeys")
        self.type_ahead = type_ahead
        type_ahead.changed.connect(self._update)

    def _update(self) -> None:
        n = len(self.type_ahead.keys)
        blocked = bool(n) and not self.type_ahead.holding
        if blocked:
            text = QCoreApplication.translate(
                "TypeAhead", "Keys held after this form: %1. Saving it replays them; Esc "
                "discards them.")
        else:
            text = QCoreApplication.translate("TypeAhead", "Keys typed ahead: %1") if n else ""
        text = text.replace("%1", str(n))
        if text != self.text():  # no relayout for each save of a clerk who waits
            self.setText(text)
            self.setProperty("error", blocked)
            self.style().unpolish(self)
            self.style().polish(self)


def discarded_text(count: int) -> str:
    return QCoreApplication.translate(
        "TypeAhead", "Discarded the keys typed after this form (%1).").replace("%1", str(count))


def send_key(widget: QWidget, held: HeldKey) -> None:
    """Give a held key to `widget` as if it had just been typed there."""
    if held.commit is not None:
        event = QInputMethodEvent()
        event.setCommitString(held.commit)
        QCoreApplication.sendEvent(widget, event)
        return
    press = QKeyEvent(QEvent.Type.KeyPress, held.key, held.modifiers, held.text)
    QCoreApplication.sendEvent(widget, press)
    QCoreApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, held.key,
                                                 held.modifiers, held.text))

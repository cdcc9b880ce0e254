"""What every page offers the main window."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A page loads lazily the first time it is shown and reloads when records change."""

    page_id = ""
    records_changed = Signal()  # this page saved something other pages may show
    # The tables whose rows this page shows: a committed change to another table leaves it
    # alone. None: any change may concern it.
    tables_shown: frozenset[str] | None = None

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._activated = False
        self.setObjectName(f"page_{self.page_id}")

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self.first_show()

    def shows(self, tables: frozenset[str]) -> bool:
        """Whether a commit that changed `tables` may change what this page shows."""
        return self.tables_shown is None or "*" in tables or bool(self.tables_shown & tables)

    def first_show(self) -> None:
        """Start loading; never block."""

    def refresh(self) -> None:
        """Records changed elsewhere: reload what is shown (when already shown once)."""

    def is_ready(self) -> bool:
        """True once the page shows its data (used by the self-test and the screenshots)."""
        return True

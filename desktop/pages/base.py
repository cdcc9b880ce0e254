"""What every page offers the main window."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.pages.registry import spec_of_class


class Page(QWidget):
    """A page loads lazily the first time it is shown and reloads when records change.

    A page of the navigation takes its id and title from the table of pages
    (desktop.pages.registry); a panel inside a page (a tab, one half) names itself with
    `panel_id` and says its own title."""

    panel_id = ""
    records_changed = Signal()  # this page saved something other pages may show
    # The tables whose rows this page shows: a committed change to another table leaves it
    # alone. None: any change may concern it.
    tables_shown: frozenset[str] | None = None

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._activated = False
        self.page_spec = spec_of_class(type(self))
        self.page_id = self.page_spec.id if self.page_spec is not None else self.panel_id
        self.setObjectName(f"page_{self.page_id}")

    @classmethod
    def for_window(cls, window) -> "Page":
        """The page as the main window opens it (a page needing more than the session says so)."""
        return cls(window.session)

    def title(self) -> str:
        if self.page_spec is None:
            raise NotImplementedError("a panel says its own title")
        return self.page_spec.title_text()

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


class ReloadingPage(Page):
    """A page that loads all it shows with one `reload()` (an asyncSlot in the pages that
    read the store): when first shown, and again when records change elsewhere once shown."""

    def reload(self) -> None:
        raise NotImplementedError

    def first_show(self) -> None:
        self.reload()

    def refresh(self) -> None:
        if self._activated:
            self.reload()

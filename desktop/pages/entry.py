"""Rapid entry of paper forms (and the kiosk): the page the entry issue builds.

The main window only needs a `Page` subclass with `page_id = "entry"` here."""

from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.pages.base import Page


class EntryPage(Page):
    """The place for rapid form entry and the kiosk (built by the entry issue)."""

    page_id = "entry"

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        note = QLabel(self.tr("Rapid entry of paper forms will appear here. Until then, add "
                              "forms on the Evaluations page."), objectName="emptyNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Form entry")

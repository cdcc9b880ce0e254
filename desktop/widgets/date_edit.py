"""Date fields that one Tab leaves.

Qt's QDateTimeEdit spends Tab on its own sections (year, month, day), so a clerk needed three
Tabs to leave a date; the arrows and typing still move between sections, Tab moves on.
"""

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


class DateEdit(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        return QWidget.focusNextPrevChild(self, next)


class DateTimeEdit(QDateTimeEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        return QWidget.focusNextPrevChild(self, next)

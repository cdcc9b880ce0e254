"""The Import… button of the record pages (issue 17 §1: opinions, visits, findings,
criticisms, accountability cases), shown only on a device that may import the kind — the
same rule the import itself applies (`models.imports.record_rows.device_may_import`, from the
authorization matrix) — and opening the import dialog for it."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from models.imports.common import import_roles


def offers_import(session, kind: str) -> bool:
    """Whether this device may import `kind` (a standalone office and a demo act as HQ)."""
    role = session.device_role
    return session.is_demo or not role or role in import_roles(kind)


def import_buttons(page, kind: str) -> list[QPushButton]:
    """[Import…] for `page` when this device may import `kind`, else []."""
    if not offers_import(page.session, kind):
        return []
    button = QPushButton(QCoreApplication.translate("RecordPage", "Import…"),
                         objectName="importButton")
    button.clicked.connect(lambda: open_import(page, kind))
    return [button]


def open_import(page, kind: str) -> None:
    """The import dialog for `kind`; the page's list reloads after an import."""
    from desktop.spreadsheets.import_dialog import ImportDialog

    page.import_dialog = ImportDialog(page.session, kind, page)
    page.import_dialog.imported.connect(lambda _report: page._saved())
    page.import_dialog.open()

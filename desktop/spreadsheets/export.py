"""Export a list, as filtered and sorted on screen, to XLSX or CSV.

The rows come from the list's own SQL (`desktop.data.lists`: the same filter and order the
table model uses) read on the database lane, not from the table's small cache of visible rows;
the file is written on the background lane so the store stays free, under a temporary name
renamed into place at the end (`models.exports`). The export is one op (desktop/operations.py):
its progress shows after a moment and Cancel leaves no file behind. Headers and coded values
are in the window's language, so a Chinese window writes GLOSSARY headers (表号, 评议等次 …)
and Chinese levels.

At HQ the opinions list has a second export, "Export with contacts…" (issue 14 §4): the same
rows with the complainant's contact, each such export in the audit trail as `export_contacts`
naming the file and the row count. No other device offers it, and the ordinary export never
has a contact column (docs/redaction.md R2)."""

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

import models.enums as enums
from desktop.data import lists
from desktop.data.lists import fetch_for_export
from desktop.errors import show_error
from desktop.labels import choices
from desktop.operations import Op, OpCancelled, Ticket
from desktop.widgets.asking import run_dialog
from models.exports import ExportCancelled, write_table
from models.output_folder import default_output_folder
from models.reference import Unit
from models.rules import kiosk_reason
from models.security.audit import log_event

translate = QCoreApplication.translate  # lupdate reads translate("Spreadsheets", ...)


def headers_for(spec: lists.ListSpec) -> list[str]:
    """The list's headers in the window's language; where the import reads a different word
    (GLOSSARY: 姓名, 所属组, 上级单位) the export writes that one, so the file imports back."""
    special = {
        ("representatives", "name"): translate("Spreadsheets", "Name", "a person's name"),
        ("representatives", "team"): translate("Spreadsheets", "Inspection team",
                                               "a representative's team"),
        ("units", "name"): translate("Spreadsheets", "Name", "a unit's name"),
        ("units", "kind"): translate("Spreadsheets", "Kind", "a unit's kind"),
        ("units", "parent"): translate("Spreadsheets", "Parent unit"),
        ("units", "category"): translate("Spreadsheets", "Appraisal category"),
    }
    return [special.get((spec.name, c.key)) or QCoreApplication.translate("Lists", c.header)
            for c in spec.columns]


def units_spec() -> lists.ListSpec:
    """The unit tree as a flat list: name, kind, parent path and the appraisal category HQ
    set (考评类别; blank: the kind's, as the import reads a blank) — the units import's
    columns, so the file imports back with its categories (issue 15 §2)."""
    t = Unit.__table__
    parent = t.alias("parent_unit")
    return lists.ListSpec(
        name="units", table=t, default_sort="name",
        joins=[(parent, parent.c.id == t.c.parent_id)], search_columns=("name",),
        columns=[lists.Col("name", "Name", t.c.name, width=220),
                 lists.Col("kind", "Kind", t.c.kind, "enum:UnitKind", width=100),
                 lists.Col("parent", "Parent unit", parent.c.name, width=260),
                 lists.Col("category", "Appraisal category", t.c.category,
                           "enum:AppraisalCategory", width=120)])


class RowFormatter:
    """Database values → spreadsheet values, prepared on the GUI thread (translations, unit
    paths) so the writing thread only looks things up in plain dicts."""

    def __init__(self, spec: lists.ListSpec, unit_paths: dict[str, str]) -> None:
        self.columns = [(c.key, c.kind) for c in spec.columns]
        self.unit_paths = unit_paths
        self.labels = {kind: dict(choices(getattr(enums, kind[5:])))
                       for _, kind in self.columns if kind.startswith("enum:")}
        self.yes = QCoreApplication.translate("Lists", "Yes")
        self.reasons = dict(choices(enums.KioskReason))  # code -> label, looked up off-thread

    def __call__(self, row: dict) -> list[Any]:
        out = []
        for key, kind in self.columns:
            value = row.get(key)
            if key == "unit" and row.get("_unit_id"):
                value = self.unit_paths.get(row["_unit_id"], value)
            elif key == "parent" and row.get("_parent_id"):
                value = self.unit_paths.get(row["_parent_id"], value)
            elif kind.startswith("enum:") and value is not None:
                value = self.labels[kind].get(str(value), str(value))
            elif kind == "bool":
                value = self.yes if value else ""
            elif kind == "reason" and value:
                code = kiosk_reason(value)
                value = self.reasons[code.value] if code else value
            out.append(value)
        return out


def with_contacts(spec: lists.ListSpec) -> lists.ListSpec:
    """The opinions list with the complainant's contact as its last column (HQ only)."""
    from dataclasses import replace

    contact = lists.Col("contact", QT_TRANSLATE_NOOP("Lists", "Contact"),
                        spec.table.c.contact, width=160)
    return replace(spec, columns=[*spec.columns, contact])


def offers_contacts(session) -> bool:
    """Only HQ exports the complainants' contacts."""
    return session.is_demo or session.device_role == enums.DeviceRole.HQ


async def export_rows(ticket: Ticket, spec: lists.ListSpec, filters: dict,
                      sort: tuple[str | None, bool], path: Path) -> int:
    """The work of an export op: the rows on the database lane, the file on the background
    lane, the export in the audit trail; the number of rows written. An export holding the
    contacts is audited as `export_contacts`, with the file's name."""
    session = ticket.session
    formatter = RowFormatter(spec, {u["id"]: u["path"] for u in session.reference.units})
    headers = headers_for(spec)
    widths = [max(8, c.width // 7) for c in spec.columns]
    rows = await ticket.read(
        lambda conn: fetch_for_export(conn, spec, filters, sort, lambda: ticket.cancelled))

    def progress(done: int) -> None:
        if ticket.cancelled:
            raise ExportCancelled()
        ticket.report(done, len(rows))

    await ticket.background(lambda: write_table(path, headers, (formatter(r) for r in rows),
                                                widths=widths, progress=progress))
    details = {"list": spec.name, "rows": len(rows), "format": path.suffix.lower()}
    event = "export"
    if any(c.key == "contact" for c in spec.columns):
        event, details["file"] = "export_contacts", path.name
    await session.worker.run(lambda: log_event(session.store, event,
                                               profile=session.profile, details=details))
    return len(rows)


def default_export_path(title: str) -> Path:
    folder = default_output_folder(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    safe = "".join(ch for ch in title if ch not in '\\/:*?"<>|').strip() or "export"
    return folder / f"{safe} {date.today().isoformat()}.xlsx"


async def ask_export_path(parent: QWidget, title: str) -> Path | None:
    dialog = QFileDialog(parent, translate("Spreadsheets", "Export the list"))
    dialog.setObjectName("exportFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    xlsx = translate("Spreadsheets", "Excel workbook (*.xlsx)")
    csv_ = translate("Spreadsheets", "CSV, UTF-8 (*.csv)")
    dialog.setNameFilters([xlsx, csv_])
    dialog.selectFile(str(default_export_path(title)))
    if not await run_dialog(dialog) or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if dialog.selectedNameFilter() == csv_
                                           else ".xlsx"))
    return path


async def export_with_dialogs(parent: QWidget, session, spec: lists.ListSpec, filters: dict,
                              sort: tuple[str | None, bool], title: str,
                              path: Path | None = None) -> int | None:
    """Ask where (unless `path` is given), export, and say how it went."""
    path = path or await ask_export_path(parent, title)
    if path is None:
        return None
    written: list[int] = []

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ExportCancelled | OpCancelled):
            _tell(parent, translate("Spreadsheets", "Export cancelled"),
                  translate("Spreadsheets", "Cancelled: no file was written."))
        else:
            show_error(parent, exc)

    op = Op(parent, session, lambda t: export_rows(t, spec, filters, sort, path),
            success=written.append, failure=failed, label=translate("Spreadsheets", "Exporting…"))
    if not await op.run():
        return None
    _tell(parent, translate("Spreadsheets", "Export finished"),
          translate("Spreadsheets", "%1 rows written to %2.").replace("%1", str(written[0]))
          .replace("%2", str(path)))
    return written[0]


def _tell(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("exportDone")
    box.open()


def export_page(page, path: Path | None = None) -> asyncio.Task:
    """The Export button of a list page: the page's spec, its current filters and sort."""
    model = page.table_model
    sort = getattr(model, "_sort", (model.spec.default_sort or None, True))
    task = asyncio.ensure_future(export_with_dialogs(
        page, page.session, model.spec, model.filters, sort, page.title(), path))
    page._export_task = task  # keep a reference while it runs
    return task


def export_with_contacts(page, path: Path | None = None) -> asyncio.Task:
    """The opinions list with contacts (HQ's "Export with contacts…"), filtered and sorted as
    on screen."""
    if not offers_contacts(page.session):
        from models.errors import DomainError

        raise DomainError(code="contacts_export_hq_only")
    model = page.table_model
    sort = getattr(model, "_sort", (model.spec.default_sort or None, True))
    title = translate("Spreadsheets", "%1 with contacts").replace("%1", page.title())
    task = asyncio.ensure_future(export_with_dialogs(
        page, page.session, with_contacts(model.spec), model.filters, sort, title, path))
    page._export_task = task
    return task


def export_units(page, path: Path | None = None) -> asyncio.Task:
    """The unit tree (the Units page's Export units button)."""
    task = asyncio.ensure_future(export_with_dialogs(
        page, page.session, units_spec(), {}, ("name", False), page.title(), path))
    page._export_task = task
    return task

"""Render every page to PNG, in English and Chinese, on the demo data, at 1366×768.

    QT_QPA_PLATFORM=offscreen python -m desktop.screenshots [OUT_DIR [PAGE_ID ...]]
    (default screenshots/; page ids: only those pages, e.g. `dashboard acceptance`)
"""

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path


async def _render(out: Path, only: tuple[str, ...] = ()) -> int:
    from desktop.data.clerk_sample import clerk_figures_sample
    from desktop.data.rounds import sample_round
    from desktop.data.screenshot_samples import sample_answers
    from desktop.data.sync_issues import add_sample_conflict
    from desktop.i18n import CHINESE, ENGLISH, Translations
    from desktop.main_window import MainWindow
    from desktop.self_test import demo_session, wait_until
    from desktop.worker import DbWorker

    tmp = Path(tempfile.mkdtemp(prefix="fieldinspect-shots-"))
    worker = DbWorker()
    translations = Translations()
    out.mkdir(parents=True, exist_ok=True)
    try:
        session = await demo_session(worker, tmp / "data")
        await worker.run(add_sample_conflict, session.store)
        await worker.run(sample_answers, session.store, _drawn_photo("导办台"))
        await worker.run(clerk_figures_sample, session.store)
        await worker.run(sample_round, session.store)
        for lang in (ENGLISH, CHINESE):
            translations.switch(lang)
            window = MainWindow(session, lang)
            window.resize(1366, 768)
            window.show()
            for page_id in [p for p in window.page_ids if not only or p in only]:
                page = window.show_page(page_id)
                await wait_until(page.is_ready)
                await asyncio.sleep(0.3)  # let charts and fetched rows paint
                stem = out / f"{lang}_{window.page_ids.index(page_id):02d}_{page_id}"
                save(window, f"{stem}.png")
                await _extra_views(window, page, stem)
            await _lock_screen(window, out / f"{lang}_{len(window.page_ids):02d}_lock.png")
            window.close()
            window.deleteLater()
        await _liaison_views(session, out, translations)
        await worker.run(session.store.close)
    finally:
        worker.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def save(widget, path: str) -> None:
    widget.grab().save(path)
    print(path)


async def _extra_views(window, page, stem) -> None:
    """What a page hides behind a tab, a selection or a button."""
    from PySide6.QtWidgets import QScrollArea

    from desktop.entry.page import EntryPage
    from desktop.pages.acceptance import AcceptancePage
    from desktop.pages.accountability import AccountabilityPage
    from desktop.pages.criticisms import CriticismsPage
    from desktop.pages.dashboard import DashboardPage
    from desktop.pages.findings import FindingsPage
    from desktop.pages.hq_administration import HqAdminPage
    from desktop.pages.ledger import LedgerPage
    from desktop.pages.reports import ReportsPage
    from desktop.pages.settings import SettingsPage
    from desktop.pages.sync_issues import ConflictsPage
    from desktop.pages.trends import TrendsPage
    from desktop.pages.units import UnitsPage
    from desktop.pages.visits import VisitsPage
    from desktop.self_test import wait_until

    if isinstance(page, (HqAdminPage, TrendsPage)):
        for i in range(1, page.tabs.count()):
            page.tabs.setCurrentIndex(i)
            await asyncio.sleep(0.3)
            save(window, f"{stem}_tab{i}.png")
        page.tabs.setCurrentIndex(0)
        if isinstance(page, HqAdminPage):  # the campaign form: weights, bands, grouping
            await _edit_dialog(page.campaigns, f"{stem}_campaign.png")
    elif isinstance(page, SettingsPage):  # the office settings form (HQ edits it)
        await _office_dialog(page.office, f"{stem}_office.png")
    elif isinstance(page, ConflictsPage) and page.table.rowCount():
        page.table.selectRow(0)
        await wait_until(lambda: page.comparison is not None)
        await asyncio.sleep(0.2)
        save(window, f"{stem}_selected.png")
    elif isinstance(page, VisitsPage):
        page.view.selectRow(0)
        page.edit_selected()
        await wait_until(lambda: getattr(page, "current_dialog", None) is not None)
        await asyncio.sleep(0.3)
        save(page.current_dialog, f"{stem}_dialog.png")
        page.current_dialog.reject()
        page.current_dialog = None
        await _import_view(page, "visits", stem)
        await _checklist_view(page, stem)
    elif isinstance(page, (CriticismsPage, AccountabilityPage, LedgerPage)):
        await _history_view(page.problems if isinstance(page, LedgerPage) else page, stem)
        if isinstance(page, AccountabilityPage):  # "Publish in the exposure notice"
            await _edit_dialog(page, f"{stem}_dialog.png")
    elif isinstance(page, ReportsPage):  # the rows below the fold (交办, 曝光)
        bar = page.findChild(QScrollArea, "reportsScroll").verticalScrollBar()
        bar.setValue(bar.maximum())
        await asyncio.sleep(0.3)
        save(window, f"{stem}_bottom.png")
        bar.setValue(0)
    elif isinstance(page, FindingsPage):
        await _photo_views(window, page, stem)
        if page.make_problem_button.isVisible():
            await _make_problem_views(page, stem)
    elif isinstance(page, AcceptancePage):
        await _acceptance_views(window, page, stem)
    elif isinstance(page, UnitsPage) and not page.succession.isHidden():
        page.record_successor()  # HQ: a merged or renamed unit's successor (issue 15 §3)
        await asyncio.sleep(0.3)
        save(page.succession_dialog, f"{stem}_successor.png")
        page.succession_dialog.reject()
    elif isinstance(page, DashboardPage) and page.overdue_panel.candidates:
        await _case_from_candidate(page, stem)
    if isinstance(page, UnitsPage):  # a representative's township and unit of work
        await _edit_dialog(page.representatives, f"{stem}_representative.png")
    if isinstance(page, LedgerPage):
        await _problem_sources_view(page.problems, stem)
    if isinstance(page, EntryPage):  # the clerks' own figures
        page.tabs.setCurrentWidget(page.figures)
        await wait_until(lambda: page.figures.table.rowCount() > 0)
        await asyncio.sleep(0.3)
        save(window, f"{stem}_clerks.png")
        page.tabs.setCurrentIndex(0)
    if isinstance(page, DashboardPage) and page.ranking_model.rows:
        await _unit_figures_view(page, stem)


# A visits file with one bad row (issue 17 §1): the import dialog's preview and its problem.
SAMPLE_VISITS = ("类别,状态,日期,单位,地点,情况摘要\n"
                 "明查,已完成,2026-11-20,县社保中心,办事大厅,窗口秩序良好\n"
                 "暗访,已完成,2026-11-21,县行政服务中心,,\n"
                 "监督走访,计划中,2026-11-25,县社保中心,,\n")


async def _import_view(page, kind: str, stem: str) -> None:
    from desktop.pages.record_import import open_import

    folder = Path(tempfile.mkdtemp(prefix="fieldinspect-import-"))
    path = folder / "visits.csv"
    path.write_text(SAMPLE_VISITS, encoding="utf-8-sig")
    open_import(page, kind)
    await page.import_dialog.load(str(path))
    await asyncio.sleep(0.3)
    save(page.import_dialog, f"{stem}_import.png")
    page.import_dialog.reject()
    shutil.rmtree(folder, ignore_errors=True)
async def _checklist_view(page, stem) -> None:
    """A visit's checklist, two items failed (issue 16 §2)."""
    from desktop.data.screenshot_samples import checklist_sample
    from desktop.self_test import wait_until

    visit = await page.session.worker.run(checklist_sample, page.session.store)
    model = page.table_model
    ids = [model.record_id(r) for r in range(model.rowCount())]
    if visit not in ids:
        return
    page.view.selectRow(ids.index(visit))
    page.open_checklist()
    await wait_until(lambda: getattr(page, "checklist_dialog", None) is not None)
    page.checklist_dialog.add_photos(4, ["窗口.jpg"])  # shown as waiting; never saved here
    page.checklist_dialog.table.setCurrentCell(5, 0)
    await asyncio.sleep(0.3)
    save(page.checklist_dialog, f"{stem}_checklist.png")
    page.checklist_dialog.reject()
    page.checklist_dialog = None


async def _unit_figures_view(page, stem) -> None:
    """The figures of the first unit of the ranking, as a double-click opens them."""
    from desktop.self_test import wait_until

    await page.open_unit(0)
    await wait_until(lambda: getattr(page, "unit_dialog", None) is not None)
    await asyncio.sleep(0.2)
    save(page.unit_dialog, f"{stem}_unit.png")
    page.unit_dialog.reject()


async def _acceptance_views(window, page, stem) -> None:
    """A report selected with its photo, and the extension requests' tab."""
    from desktop.self_test import wait_until

    page.reports_table.selectRow(next((i for i, r in enumerate(page.reports) if r["photos"]), 0))
    await wait_until(lambda: page.photos.list.count() > 0)
    await asyncio.sleep(0.3)
    save(window, f"{stem}_report.png")
    page.tabs.setCurrentIndex(1)
    page.requests_table.selectRow(0)
    await asyncio.sleep(0.3)
    save(window, f"{stem}_tab1.png")
    page.tabs.setCurrentIndex(0)


async def _case_from_candidate(page, stem) -> None:
    """Open a case… on the first unit of the accountability list: the form and its problems."""
    from desktop.self_test import wait_until

    panel = page.overdue_panel
    panel.candidates_table.selectRow(0)
    panel.open_case_button.click()
    dialog = page.case_dialog
    await wait_until(lambda: dialog.findChild(object, "caseProblemList").count() > 0)
    await asyncio.sleep(0.3)
    save(dialog, f"{stem}_case.png")
    dialog.reject()




def _drawn_photo(text: str) -> bytes:
    from PySide6.QtCore import QBuffer, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(960, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#8aa37b"))
    painter = QPainter(image)
    painter.fillRect(QRectF(260, 140, 440, 320), QColor("#f2efe8"))
    painter.setFont(QFont("Noto Sans CJK SC", 40))
    painter.drawText(QRectF(260, 140, 440, 320), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    return bytes(buffer.data())


async def _edit_dialog(page, path: str) -> None:
    """The first row's edit dialog."""
    from desktop.self_test import wait_until

    page.view.selectRow(0)
    page.edit_selected()
    await wait_until(lambda: getattr(page, "current_dialog", None) is not None)
    await asyncio.sleep(0.3)
    save(page.current_dialog, path)
    page.current_dialog.reject()
    page.current_dialog = None


async def _office_dialog(panel, path: str) -> None:
    """The office settings form HQ edits (the signer and each number prefix)."""
    panel.edit()
    await _wait_dialog(panel)
    save(panel.current_dialog, path)
    panel.current_dialog.reject()
    panel.current_dialog = None


async def _wait_dialog(owner) -> None:
    from desktop.self_test import wait_until

    await wait_until(lambda: getattr(owner, "current_dialog", None) is not None)
    await asyncio.sleep(0.3)


async def _photo_views(window, page, stem) -> None:
    """A finding's thumbnails (one photo here, one not downloaded yet) and the large view."""
    from desktop.self_test import wait_until

    page.view.selectRow(0)
    finding_id = page.selected_id()
    if finding_id is None:
        return
    if finding_id not in _EDITED:
        _EDITED.add(finding_id)
        await page.session.worker.run(_sample_photos, page.session.store, finding_id)
        page.load_photos()
    await wait_until(lambda: page.photos.count() == 2)
    page.photos.setCurrentRow(0)
    await asyncio.sleep(0.3)
    save(window, f"{stem}_photos.png")
    page.photos.itemDoubleClicked.emit(page.photos.item(0))
    await wait_until(lambda: window.findChild(object, "photoView") is not None)
    dialog = window.findChild(object, "photoView")
    await asyncio.sleep(0.3)
    save(dialog, f"{stem}_photo_view.png")
    dialog.close()
    dialog.setObjectName("")  # closed; deleted later


async def _make_problem_views(page, stem) -> None:
    """"Make a problem…" on a secret visit's finding (its unit-facing text), and a finding's
    form listing the problems made from it."""
    from desktop.data.screenshot_samples import first_secret_finding
    from desktop.self_test import wait_until

    model = page.table_model
    secret = await page.session.read(first_secret_finding)
    ids = [model.record_id(r) for r in range(model.rowCount())]
    row = ids.index(secret) if secret in ids else 0
    page.view.selectRow(row)
    page.make_problem_dialog = None
    page.make_problem_button.click()
    await wait_until(lambda: page.make_problem_dialog is not None)
    await asyncio.sleep(0.3)
    save(page.make_problem_dialog, f"{stem}_make_problem.png")
    await page.make_problem_dialog.save()
    await wait_until(lambda: model.rowCount() > row)  # the list reloads after the save
    page.view.selectRow(row)
    page.current_dialog = None
    await page.edit_selected()
    await wait_until(lambda: hasattr(page.current_dialog, "problems_box"))
    await asyncio.sleep(0.3)
    save(page.current_dialog, f"{stem}_problems_made.png")
    page.current_dialog.reject()


async def _problem_sources_view(panel, stem) -> None:
    """A problem made from findings: its form scrolled to its assignment, with its sources."""
    from PySide6.QtWidgets import QScrollArea

    from desktop.data.screenshot_samples import first_problem_with_sources
    from desktop.self_test import wait_until

    made = await panel.session.read(first_problem_with_sources)
    ids = [panel.table_model.record_id(r) for r in range(panel.table_model.rowCount())]
    panel.view.selectRow(ids.index(made) if made in ids else 0)
    panel.current_dialog = None
    await panel.edit_selected()
    await wait_until(lambda: hasattr(panel.current_dialog, "sources_box"))
    bar = panel.current_dialog.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())
    await asyncio.sleep(0.3)
    save(panel.current_dialog, f"{stem}_problem_sources.png")
    panel.current_dialog.reject()


def _sample_photos(store, finding_id: str) -> None:
    """A drawn 'photo' on this device, and one whose bytes are still at HQ."""
    import hashlib

    from PySide6.QtCore import QBuffer, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from models.records import Attachment

    image = QImage(960, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#6b8fb3"))
    painter = QPainter(image)
    painter.fillRect(QRectF(0, 420, 960, 220), QColor("#c9b79c"))
    painter.fillRect(QRectF(300, 180, 360, 300), QColor("#f2efe8"))
    painter.setFont(QFont("Noto Sans CJK SC", 40))
    painter.drawText(QRectF(300, 180, 360, 300), Qt.AlignmentFlag.AlignCenter, "办事窗口 3")
    painter.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    data = bytes(buffer.data())
    missing = hashlib.sha256(b"a photo still at headquarters").hexdigest()
    with store.write("screenshots") as w:
        for sha, size, name in ((store.blobs.put(data), len(data), "窗口.jpg"),
                                (missing, 2_400_000, "现场2.jpg")):
            w.create(Attachment, {"sha256": sha, "size": size, "media_type": "image/jpeg",
                                  "owner_table": "finding", "owner_id": finding_id,
                                  "original_name": name})


async def _lock_screen(window, path) -> None:
    """The idle lock, as it greets someone coming back to the laptop."""
    from desktop.self_test import wait_until

    window.idle.set_timeout_ms(0)
    await wait_until(lambda: window.locked and window.lock_screen.secret.isEnabled())
    await asyncio.sleep(0.2)
    save(window, str(path))


_EDITED: set[str] = set()  # records given sample edits (once, not once per language)


async def _history_view(page, stem) -> None:
    """History… of the first row, after two edits so that it has before → after to show."""
    from desktop.self_test import wait_until

    row = 0
    if page.list_name == "problems":  # one whose status can still move on, to show it change
        statuses = [(page.table_model.row_dict(r) or {}).get("status")
                    for r in range(min(page.table_model.rowCount(), 50))]
        row = next((r for r, s in enumerate(statuses) if s not in (None, "verified")), 0)
    page.view.selectRow(row)
    row_id = page.selected_id()
    if row_id is None:
        return
    if row_id not in _EDITED:
        _EDITED.add(row_id)
        await page.session.worker.run(_sample_edits, page.session.store, page.model, row_id)
    await page.open_history()
    dialog = page.history_dialog
    await wait_until(lambda: hasattr(dialog, "versions"))
    await asyncio.sleep(0.3)
    save(dialog, f"{stem}_history.png")
    dialog.reject()


def _sample_edits(store, model, row_id: str) -> None:
    """Two later versions by two people, in the fields each kind of record changes most."""
    from models import services

    table = model.__tablename__
    if table == "problem":
        from models.enums import ProblemStatus

        order = list(ProblemStatus)
        with store.write("王芳") as w:
            status = w.current(model, row_id)["status"]
            if not w.current(model, row_id)["measures"]:  # verifying needs them (rules.py)
                services.update_record(w, model, row_id, {"measures": "约谈窗口负责人，限期整改。"})
            if status != order[-1]:
                services.change_problem_status(w, row_id, order[order.index(status) + 1],
                                               actor_role="supervisor")
        with store.write("李明") as w:
            services.update_record(w, model, row_id, {
                "progress_notes": "已约谈窗口负责人，制定整改方案并公示，每周复查一次。"})
        return
    field = "behaviour" if table == "personnel_criticism" else "violation"
    enum_field, value = (("sanction", "warning") if table == "personnel_criticism"
                         else ("outcome", "organisational"))
    with store.write("王芳") as w:
        services.update_record(w, model, row_id, {enum_field: value})
    with store.write("李明") as w:
        current = w.current(model, row_id)
        services.update_record(w, model, row_id, {field: current[field] + "（经复核补充）"})


async def _liaison_views(hq_session, out: Path, translations) -> None:
    """The unit liaison's window (issue 14 §2) on the demo county's busiest unit, with a
    receipt, a refused extension and a returned report to show HQ's answers, and its two
    dialogs. Rendered after HQ's pages: it names the unit in the store's meta."""
    from dataclasses import replace

    from desktop.data.screenshot_samples import liaison_sample
    from desktop.i18n import CHINESE, ENGLISH
    from desktop.main_window import MainWindow
    from desktop.self_test import wait_until

    store = hq_session.store
    await hq_session.worker.run(liaison_sample, store)
    session = replace(hq_session, profile_role="unit", device_role="unit", is_demo=False,
                      change_hub=None, _sync_engine=None)
    for lang in (ENGLISH, CHINESE):
        translations.switch(lang)
        window = MainWindow(session, lang)
        window.resize(1366, 768)
        window.show()
        page = window.show_page(window.page_ids[0])
        await wait_until(page.is_ready)
        returned = [i for i, r in enumerate(page.rows)  # to show HQ's answer in the details
                    if r["report"] and r["report"]["review"] == "returned"]
        page.table.selectRow(returned[0] if returned else 0)
        await asyncio.sleep(0.5)
        stem = out / f"{lang}_unit_00_{window.page_ids[0]}"
        save(window, f"{stem}.png")
        for name, opener in (("extension", page.request_extension), ("report", page.report)):
            await opener()
            dialog = page.current_dialog
            dialog.resize(1366 // 2, 768 // 2 + 120)
            await asyncio.sleep(0.3)
            save(dialog, f"{stem}_{name}.png")
            dialog.reject()
        window.close()
        window.deleteLater()




def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
    from qasync import QEventLoop

    from desktop.app import make_application

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    only = tuple(sys.argv[2:])
    app = make_application()
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(_render(out, only))


if __name__ == "__main__":
    raise SystemExit(main())

"""The reminder notices' row on the Reports page (issue 14 §3): a folder of notices, one per
unit due a reminder; numbered by HQ when the device is enrolled, left blank without it."""

from datetime import date, timedelta

from tests.desktop.test_reports_page import _hq_reports_page, page  # noqa: F401 (fixture)
from tests.reports.conftest import docx_text


def _chosen(monkeypatch, folder):
    import desktop.pages.reports as reports_page

    async def chosen(parent, title, suggested):
        return folder

    monkeypatch.setattr(reports_page, "ask_folder", chosen)


def test_reminders_from_the_page_without_hq_leave_the_number_blank(page, run, tmp_path,  # noqa: F811
                                                                    monkeypatch):
    folder = tmp_path / "催办"
    _chosen(monkeypatch, folder)
    assert not page.rows["reminder"]["hq_number"].isEnabled()  # a standalone store
    paths = run(page.save("reminder"))
    # 卫生院's problem is 2 days overdue; 县社保中心's are due in 20 days (N is 7)
    assert sorted(p.suffix for p in paths) == [".docx"] and "卫生院" in paths[0].name
    text = docx_text(paths[0])
    assert "逾期2天" in text and "食堂卫生差" in text and f"催办〔{date.today().year}〕　　号" in text
    assert str(folder) in page.rows["reminder"]["result"].text()


def test_reminders_numbered_by_a_running_hq_one_per_unit(qtbot, tmp_path, worker, ready, run,
                                                         monkeypatch):
    from models.enums import UnitKind
    from models.records import Problem
    from models.reference import Unit
    from tests.sync.helpers import Hq

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    hq = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    try:
        device = hq.device("office", name="office")
        today = date.today()
        with device.write() as w:
            for name, days in (("县社保中心", -3), ("卫生院", 1), ("教育局", 30)):
                unit = w.create(Unit, {"name": name, "kind": UnitKind.DEPARTMENT})
                w.create(Problem, {"description": f"{name}问题", "unit_id": unit,
                                   "reported_on": today - timedelta(days=40),
                                   "deadline": today + timedelta(days=days)})
        page = _hq_reports_page(device, worker, qtbot, ready)
        assert page.rows["reminder"]["hq_number"].isChecked()
        page.rows["reminder"]["format"].setCurrentIndex(0)  # DOCX
        paths = run(page.generate("reminder", tmp_path / "out"))
        worker.call_blocking(lambda: None)
    finally:
        hq.close()
    texts = sorted(docx_text(p) for p in paths)
    assert len(texts) == 2 and not any("教育局" in t for t in texts)
    numbers = sorted(n for t in texts for n in (f"催办〔{today.year}〕1号",
                                                f"催办〔{today.year}〕2号") if n in t)
    assert len(numbers) == 2


def test_a_reminder_run_with_nothing_due_says_so_and_writes_nothing(page, run, tmp_path,  # noqa: F811
                                                                    monkeypatch):
    """No unit has a problem overdue or due soon: the row says there is nothing due (a coded
    message), no file is written and no error dialog appears."""
    import sqlalchemy as sa

    from desktop import messages
    from models.records import Problem

    far = date.today() + timedelta(days=200)
    with page.session.store.write("clerk") as w:
        w.conn.execute(sa.update(Problem.__table__).values(deadline=far))
    folder = tmp_path / "催办"
    _chosen(monkeypatch, folder)
    shown = []
    monkeypatch.setattr("desktop.pages.reports.show_error", lambda *a: shown.append(a))
    paths = run(page.save("reminder"))
    assert paths == [] and not shown
    assert page.rows["reminder"]["result"].text() == messages.text("reminder_nothing_due")
    assert not folder.exists() or not any(folder.iterdir())

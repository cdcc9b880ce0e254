"""The assignment notices' row on the Reports page (issue 14 §1): at HQ, a folder of notices
numbered by HQ, after which the problems carry their number; no other device offers it."""

from datetime import date

from tests.desktop.test_reports_page import _hq_reports_page
from tests.reports.conftest import docx_text
from tests.reports.test_assignment import ASSIGNMENT_TEXT, PLACE, TEAM, _plant


def test_hq_issues_the_assignment_notices_from_the_page(qtbot, tmp_path, worker, ready, run,
                                                        monkeypatch):
    from tests.sync.helpers import Hq

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    hq = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    try:
        device = hq.device("hq", name="hq")
        with device.write("hq") as w:
            ids = _plant(w)
        page = _hq_reports_page(device, worker, qtbot, ready)
        page.rows["assignment"]["format"].setCurrentIndex(0)  # DOCX
        paths = run(page.generate("assignment", tmp_path / "out"))
        worker.call_blocking(lambda: None)
        problems = device.rows("problem")
    finally:
        hq.close()
    assert len(paths) == 2 and all(p.suffix == ".docx" for p in paths)
    texts = "\n".join(docx_text(p) for p in paths)
    assert ASSIGNMENT_TEXT in texts and PLACE not in texts and TEAM not in texts
    assert f"交办〔{date.today().year}〕" in texts
    assert all(problems[i]["assignment_no"] for i in ids.values())
    assert "3" in page.rows["assignment"]["result"].text()


def test_an_office_device_has_no_assignment_row(qtbot, store, worker, ready):
    from desktop.pages.reports import ReportsPage
    from tests.desktop.conftest import make_session

    page = ReportsPage(make_session(store, worker, "supervisor", "office"))
    qtbot.addWidget(page)
    assert "assignment" not in ready(page).rows and "reminder" in page.rows

"""The discipline exposure notice (曝光, issue 14 §5) from the window: HQ ticks "Publish in the
exposure notice" on a case (read-only on any other device), and the Reports page writes the
notice of the ticked cases."""

import re

import pytest
import sqlalchemy as sa

from tests.desktop.conftest import make_session, until
from tests.reports.conftest import docx_text


def _cases_page(qtbot, ready, session):
    from desktop.pages.accountability import AccountabilityPage

    page = ready(AccountabilityPage(session))
    qtbot.addWidget(page)
    return page


@pytest.mark.parametrize("device_role,may_set", [("office", False), ("hq", True)])
def test_publication_is_ticked_at_hq_only(qtbot, ready, run, store, small, worker,
                                          device_role, may_set):
    page = _cases_page(qtbot, ready, make_session(store, worker, device_role=device_role))

    async def go():
        await page.create_new()
        dialog = page.current_dialog
        dialog.editors["subject"].set("person")
        dialog.editors["person_name"].set("王某")
        dialog.editors["violation"].set("上班时间打牌")
        dialog.editors["outcome"].set("organisational")
        dialog.editors["published"].set(True)
        editable = dialog.editors["published"].widget.isEnabled()
        await dialog.save()
        await until(lambda: page.table_model.rowCount() == 1)
        return editable

    assert run(go()) is may_set
    with store.read() as conn:
        published = conn.execute(sa.text("SELECT published FROM accountability_case")).scalar()
    assert bool(published) is may_set


def test_the_reports_page_writes_the_exposure_notice(qtbot, ready, run, store, small, worker,
                                                     tmp_path):
    from desktop.pages.reports import ReportsPage
    from models.records import AccountabilityCase

    with store.write("hq") as w:
        w.create(AccountabilityCase, {"subject": "person", "person_name": "王某",
                                      "unit_id": small["units"]["卫生院"],
                                      "violation": "上班时间打牌", "outcome": "organisational",
                                      "decided_on": "2026-05-01", "published": True})
    page = ready(ReportsPage(make_session(store, worker, "hq", "hq")))
    qtbot.addWidget(page)
    assert not page.rows["exposure"]["hq_number"].isEnabled()  # a standalone store
    page.rows["exposure"]["format"].setCurrentIndex(0)  # DOCX
    paths = run(page.generate("exposure", tmp_path / "曝光.docx"))
    text = re.sub(r"\s+", "", docx_text(paths[0]))
    assert "典型问题曝光" in text and "王某" in text and "上班时间打牌" in text
    assert "组织处理" in text and "2026年5月1日" in text

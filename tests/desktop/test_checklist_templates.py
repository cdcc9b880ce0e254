"""HQ administration → Checklists (issue 16 §2): HQ edits a unit kind's checklist in the window,
and saving makes a new version that new visits use while old visits keep theirs."""

from tests.desktop.conftest import make_session, until


def test_hq_edits_a_checklist_and_saving_makes_a_new_version(qtbot, ready, run, store, worker):
    from desktop.pages.hq_administration import HqAdminPage
    from models.checklist_admin import templates

    page = ready(HqAdminPage(make_session(store, worker, device_role="hq")))
    qtbot.addWidget(page)
    panel = page.checklists
    kinds = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "Service window — Service window checklist" in kinds
    panel.list.setCurrentRow(kinds.index("Service window — Service window checklist"))
    assert panel.version.text() == "1" and panel.items.item(0, 0).text() == "在岗在位"
    panel.items.item(0, 0).setText("工作人员在岗在位")
    panel._add_row({"text": "好差评器正常使用", "text_en": "Rating device in use",
                    "category": "inaction"})
    before = panel.items.rowCount()
    panel.save_button.click()
    run(until(lambda: panel.status.text() != "" and panel.version.text() == "2"))
    with store.read() as conn:
        window = next(t for t in templates(conn) if t["unit_kind"] == "service_window")
    assert window["version"] == 2 and len(window["items"]) == before
    assert window["items"][0]["text"] == "工作人员在岗在位"
    assert (window["items"][-1]["text"], window["items"][-1]["category"]) == (
        "好差评器正常使用", "inaction")


def test_an_office_cannot_save_a_checklist(qtbot, ready, run, store, worker, monkeypatch):
    from desktop.pages.checklist_templates import ChecklistsPanel

    store.set_meta("device_role", "office")
    shown = []
    monkeypatch.setattr("desktop.operations.show_error", lambda _p, exc: shown.append(exc.code))
    panel = ready(ChecklistsPanel(make_session(store, worker, device_role="office")))
    qtbot.addWidget(panel)
    panel.list.setCurrentRow(0)
    panel.save_button.click()
    run(until(lambda: shown))
    assert shown == ["checklist_hq_only"]

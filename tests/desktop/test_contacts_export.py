"""The complainant's contact leaves the store in one file only (issue 14 §4): HQ's "Export with
contacts…" on the opinions list, each such export audited with the file's name and row count;
on any other device the action is absent and the export has no contact column."""

import csv
import json

import pytest

from tests.desktop.conftest import make_session, until

CONTACT = "周举报 13812345678"


def _opinions(qtbot, ready, run, store, small, worker, device_role):
    from desktop.pages.ledger import LedgerPage
    from models.records import Opinion

    with store.write("clerk") as w:
        w.create(Opinion, {"text": "窗口没人", "unit_id": small["units"]["卫生院"],
                           "campaign_id": small["campaign"], "contact": CONTACT})
    page = ready(LedgerPage(make_session(store, worker, "supervisor", device_role)))
    qtbot.addWidget(page)
    panel = page.opinions
    run(until(lambda: panel.is_ready() and panel.table_model.rowCount() == 1))
    return panel


def _read(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _last_audit(store) -> tuple[str, dict]:
    with store.read() as conn:
        event, details = conn.exec_driver_sql(
            "SELECT event, details FROM audit_log ORDER BY seq DESC LIMIT 1").one()
    return event, json.loads(details)


def test_hq_exports_opinions_with_contacts_and_the_export_is_audited(
        qtbot, ready, run, store, small, worker, tmp_path):
    from desktop.spreadsheets.export import export_with_contacts

    panel = _opinions(qtbot, ready, run, store, small, worker, "hq")
    assert panel.contacts_button.isVisibleTo(panel)
    target = tmp_path / "意见含联系方式.csv"
    assert run(export_with_contacts(panel, target)) == 1
    rows = _read(target)
    assert rows[0][-1] == "Contact" and rows[1][-1] == CONTACT
    event, details = _last_audit(store)
    assert event == "export_contacts"
    assert details["file"] == target.name and details["rows"] == 1
    assert details["list"] == "opinions"


def test_elsewhere_there_is_no_contact_export_and_no_contact_column(
        qtbot, ready, run, store, small, worker, tmp_path):
    from desktop.spreadsheets.export import export_page, export_with_contacts
    from models.errors import DomainError

    panel = _opinions(qtbot, ready, run, store, small, worker, "office")
    assert panel.findChild(type(panel.export_button), "exportContactsButton") is None
    target = tmp_path / "意见.csv"
    assert run(export_page(panel, target)) == 1
    text = target.read_text(encoding="utf-8-sig")
    assert "13812345678" not in text and "周举报" not in text
    assert _last_audit(store)[0] == "export"
    with pytest.raises(DomainError):
        export_with_contacts(panel, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()

"""The Random rounds page at HQ (issue 16 §1): commit a round from the form, draw it with the
public value, see its visits with the representatives' names, and verify it."""

from datetime import date, timedelta

from PySide6.QtCore import QDate


def test_commit_draw_and_verify_from_the_page(qtbot, ready, demo_session, monkeypatch):
    from desktop.pages import rounds
    from desktop.pages.rounds import RoundsPage

    errors = []
    monkeypatch.setattr(rounds, "show_error", lambda _parent, exc: errors.append(exc))

    page = RoundsPage(demo_session)
    qtbot.addWidget(page)
    page.show()
    ready(page)
    assert page.rounds == [] and page.campaign.count() > 0
    start = date.today() + timedelta(days=3)
    page.date_from.setDate(QDate(start.year, start.month, start.day))
    end = start + timedelta(days=9)
    page.date_to.setDate(QDate(end.year, end.month, end.day))
    page.units.setValue(4)
    page.max_per_rep.setValue(2)
    page.commit()
    qtbot.waitUntil(lambda: bool(page.rounds), timeout=20000)
    assert "Commitment" in page.status.text() and page.rounds[0]["status"] == "committed"
    page.public_value.setText("福彩3D 第2026321期 4 7 1")
    page.draw()
    qtbot.waitUntil(lambda: errors or page.rounds[0]["status"] == "drawn"
                    and page.visits.rowCount() == 4, timeout=20000)
    assert errors == []
    assert all(page.visits.item(i, 2).text() for i in range(4))  # the names, at HQ
    page.verify()
    qtbot.waitUntil(lambda: "verifies" in page.status.text(), timeout=20000)

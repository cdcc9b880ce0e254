"""A record too large to send shows in the window's sync issues with what to do about it, and
the rest of the work syncs."""

from tests.desktop.test_sync_window import hq, office, open_page, window_for  # noqa: F401


def test_a_record_too_large_to_send_is_listed_with_what_to_do(office, qtbot, run,  # noqa: F811
                                                              monkeypatch):
    from models.records import Opinion
    from models.store import writes

    window = window_for(office, qtbot)
    with monkeypatch.context() as older:  # written by an app from before the text limits
        older.setattr(writes, "_check_lengths", lambda params, sized: None)
        with office.store.write("tester") as w:
            w.create(Opinion, {"text": "长" * (9 * 2**20 // 3)})
            w.create(Opinion, {"text": "short"})
    report = run(window.sync.run_round())
    assert report.held_back == 1 and report.pushed == 2
    page = open_page(run, window, "conflicts")
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Held back on this device"
    assert page.table.item(0, 3).text() == (
        "Too large to send (9.0 MB; one record may take 7.9 MB)")
    page.table.selectRow(0)
    run(until_explained(page))
    assert "Shorten its longest text" in page.explain.text()


def until_explained(page):
    from tests.desktop.conftest import until

    return until(lambda: bool(page.explain.text()))

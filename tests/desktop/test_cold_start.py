"""The window's cold start (issue 15, Performance: the dashboard drawn within 0.6 s on 100,000
forms; bench/desktop_bench.py measures it): what runs in which order, checked here."""

import asyncio
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.desktop.conftest import desktop_app_on, until

ROOT = Path(__file__).resolve().parents[2]

SPY_ON_THE_UNLOCK = """
import sys
from pathlib import Path

import desktop.data.local_store as local_store

seen = []
real = local_store.unlock_key


def spy(*args):
    seen.append("sqlalchemy" in sys.modules)
    return real(*args)


local_store.unlock_key = spy
store = local_store.open_local_store(Path(sys.argv[1]), sys.argv[2])
print(seen, store.meta("device_id") is not None)
store.close()
"""


def test_the_key_is_derived_before_sqlalchemy_is_needed(data_dir):
    """The scrypt derivation (~0.1 s) runs while the window's warm-up thread imports
    SQLAlchemy (desktop.open_store.warm_up), not after it: opening the store derives the key
    before anything imports SQLAlchemy, and the store it gives is open."""
    from models.store.store import Store

    Store.open(data_dir, PASSPHRASE).close()
    done = subprocess.run([sys.executable, "-c", SPY_ON_THE_UNLOCK, str(data_dir), PASSPHRASE],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[False]", "True"]


def test_a_wrong_passphrase_still_opens_nothing(data_dir):
    import pytest

    from desktop.data.local_store import open_local_store
    from models.errors import StoreLockedError
    from models.store.store import Store

    Store.open(data_dir, PASSPHRASE).close()
    with pytest.raises(StoreLockedError):
        open_local_store(data_dir, PASSPHRASE + "x")
    store = open_local_store(data_dir, PASSPHRASE)
    try:
        assert store.meta("device_id")
    finally:
        store.close()


def test_the_dashboard_is_read_before_the_sync_counts(run, worker, session, monkeypatch):
    """A new window reads the dashboard's figures first on the one database lane; the sync
    indicator's counts (a count of the whole outbox: ~30-50 ms on 100,000 unsent forms) come
    after, and the indicator still shows them."""
    from desktop.data import dashboard as dashboard_data
    from desktop.data import sync_status
    from desktop.main_window import MainWindow

    order = []
    real_load, real_facts = dashboard_data.load_dashboard, sync_status.sync_facts

    def load(*args):
        order.append("dashboard")
        return real_load(*args)

    def facts(conn):
        order.append("sync counts")
        return real_facts(conn)

    monkeypatch.setattr("desktop.pages.dashboard.load_dashboard", load)
    monkeypatch.setattr("desktop.sync_controller.sync_facts", facts)

    async def go():
        window = MainWindow(session, "en")
        window.show()
        window.sync.start_auto()
        try:
            assert window.current_page_id() == "dashboard"
            page = window.page("dashboard")
            await until(lambda: page.is_ready() and order.count("sync counts") >= 2)
            await until(lambda: window.sync.facts is not None)
            return window.sync.status
        finally:
            window.sync.timer.stop()
            window.close()

    def unsent():
        with session.store.read() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()

    status = run(go())
    assert order[0] == "dashboard", order
    assert status.pending == worker.call_blocking(unsent) > 0


def test_the_dashboard_shows_the_figures_asked_for_before_the_window(run, worker, session,
                                                                      qapp, monkeypatch):
    """The window's start asks for the dashboard's figures before building the window
    (desktop.app.DesktopApp.start_first_load); the page shows those, read once, and a later
    reload (another campaign) reads again."""
    from desktop.data import dashboard as dashboard_data
    from models.stats import county_stats

    calls = []
    real_load = dashboard_data.load_dashboard

    def load(store, filters, keep_later=False):
        calls.append(dict(filters))
        return real_load(store, filters, keep_later)

    monkeypatch.setattr("desktop.data.dashboard.load_dashboard", load)
    monkeypatch.setattr("desktop.pages.dashboard.load_dashboard", load)
    monkeypatch.setattr("desktop.app.preferred_language", lambda: "en")
    app = desktop_app_on(qapp, worker, session)

    async def go():
        app.start_first_load()
        assert calls or "dashboard" in session.first_loads  # asked before the window exists
        app.show_window()
        page = app.window.page("dashboard")
        await until(page.is_ready)
        shown = page.figures
        page.figures = None
        campaign_id = session.reference.campaigns[0]["id"]
        page.campaign_box.setCurrentIndex(page.campaign_box.findData(campaign_id))
        await until(page.is_ready)
        return shown, campaign_id

    try:
        shown, campaign_id = run(go())
        with session.store.read() as conn:
            assert shown == county_stats(conn)
            assert app.window.pages["dashboard"].figures == county_stats(
                conn, campaign_id=campaign_id)
        assert [c["campaign_id"] for c in calls] == [None, campaign_id]  # read once each
        assert not session.first_loads
    finally:
        app.translations.remove()  # the next test's window is in the source language again
        app.window.sync.timer.stop()
        app.window.close()
        run(asyncio.sleep(0.3))  # loads started by the window end before the store closes
        worker.call_blocking(lambda: None)

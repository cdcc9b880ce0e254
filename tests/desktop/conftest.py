"""Desktop tests: offscreen Qt, a qasync loop per test, a fresh store per test (and one demo
store shared read-only by the tests that only look)."""

import asyncio
import os
from datetime import date, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")

PASSPHRASE = "correct horse"


@pytest.fixture(autouse=True)
def _messages_in_english():
    """A test that switched the window to Chinese and failed half-way must not leave the
    message language behind for the next test."""
    from desktop import messages

    yield
    messages.set_language(messages.ENGLISH)


@pytest.fixture
def aloop(qapp):
    from qasync import QEventLoop

    loop = QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run(aloop):
    """Run a coroutine to completion inside the qasync loop (slots are driven from here)."""

    def runner(coro, timeout: float = 30):
        return aloop.run_until_complete(asyncio.wait_for(coro, timeout))

    return runner


@pytest.fixture
def worker(request):
    from desktop.worker import DbWorker

    if "store" in request.fixturenames:
        # Set the store up first so that it is closed only after the worker has finished
        # its last job (fixtures are torn down in reverse order).
        request.getfixturevalue("store")
    w = DbWorker()
    yield w
    w.shutdown()


def fill_small(store, tmp_path) -> dict:
    """Units, one campaign, a few forms and problems: enough to see every list move."""
    from models import services
    from models.records import Evaluation, Problem
    from models.reference import Campaign
    from tests.models.helpers import load_units

    load_units(store, tmp_path)
    with store.read() as conn:
        units = dict(conn.exec_driver_sql("SELECT name, id FROM unit").fetchall())
    today = date.today()
    with store.write("clerk") as w:
        campaign = services.create_record(w, Campaign, {"name": "2025年万民评议", "year": 2025})
        for i, level in enumerate(["satisfied", "fairly_satisfied", "dissatisfied"]):
            services.create_record(w, Evaluation, {
                "campaign_id": campaign, "group": "citizen", "unit_id": units["卫生院"],
                "level": level, "reason": "态度差" if level == "dissatisfied" else "",
                "form_no": f"A{i + 1:03d}", "evaluated_on": today})
        overdue = services.create_record(w, Problem, {
            "description": "窗口推诿", "unit_id": units["卫生院"],
            "reported_on": today - timedelta(days=60), "deadline": today - timedelta(days=5)})
        services.create_record(w, Problem, {
            "description": "收费不公示", "unit_id": units["县社保中心"],
            "reported_on": today, "deadline": today + timedelta(days=30)})
    return {"campaign": campaign, "units": units, "overdue_problem": overdue}


@pytest.fixture
def small(store, tmp_path):
    return fill_small(store, tmp_path)


def make_session(store, worker, role="supervisor", device_role="office", demo=False):
    from desktop.session import Session

    session = Session(store=store, worker=worker, profile="tester", profile_role=role,
                      device_role=device_role, is_demo=demo)
    session.refresh_reference_blocking()
    return session


def desktop_app_on(qapp, worker, session):
    """A DesktopApp running on the test's worker and session (its own worker shut down), not
    yet shown: the window's start as `fieldinspect` runs it, on the test's store."""
    from desktop.app import DesktopApp

    app = DesktopApp(qapp, None, None)
    app.worker.shutdown()
    app.worker, app.session = worker, session
    app._closed = None
    return app


@pytest.fixture
def entry_ref(store):
    """A campaign and a unit: enough to open a batch on the Form entry page (`page`)."""
    from models.reference import Campaign, Unit

    with store.write("admin") as w:
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        unit = w.create(Unit, {"name": "县社保中心", "kind": "department"})
    return {"campaign": campaign, "unit": unit}


@pytest.fixture
def page(qtbot, store, worker, entry_ref):
    """The Form entry page, as a clerk sees it (test_entry.py, test_entry_type_ahead.py)."""
    from desktop.entry.page import EntryPage

    session = make_session(store, worker, role="clerk")
    page = EntryPage(session)
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.fixture
def session(store, small, worker):
    return make_session(store, worker, device_role="hq")


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    from models.demo import load_demo_data
    from models.store.store import Store

    s = Store.open(tmp_path_factory.mktemp("demo") / "data", PASSPHRASE)
    load_demo_data(s)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_worker():
    from desktop.worker import DbWorker

    w = DbWorker()
    yield w
    w.shutdown()


@pytest.fixture
def demo_session(demo_store, demo_worker, qapp):
    return make_session(demo_store, demo_worker, role="hq", device_role="hq", demo=True)


async def until(predicate, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError(f"condition not met within {timeout} s")
        await asyncio.sleep(0.01)


@pytest.fixture
def ready(run):
    """Show a page inside the qasync loop and wait until its data is on screen."""

    def show(page):
        async def go():
            page.activate()
            await until(page.is_ready)
            return page

        return run(go())

    return show

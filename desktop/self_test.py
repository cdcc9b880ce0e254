"""`--self-test`: the built program opens its window offscreen on a temporary data directory,
loads the demo data, visits every page in both languages, and exits 0."""

import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PAGE_TIMEOUT_S = 60


async def wait_until(predicate, timeout: float = PAGE_TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


async def demo_session(worker, data_dir: Path, passphrase: str = "self-test"):
    """A session on a fresh store filled with the demo data (also used by the screenshots)."""
    from desktop.app import make_session
    from desktop.data.local_store import open_local_store
    from models.demo import load_demo_data
    from models.profiles import acting_profile, list_profiles

    store = await worker.run(open_local_store, data_dir, passphrase)
    if not await worker.run(store.holds_records):
        await worker.run(lambda: load_demo_data(store))
    await worker.run(acting_profile, store, None)
    profile = (await worker.run(list_profiles, store))[0]
    return await make_session(worker, store, profile)


async def visit_every_page(window, report=print) -> list[str]:
    """Open each page and wait for its data; return the ids of pages that never got ready."""
    failed = []
    for page_id in window.page_ids:
        started = time.perf_counter()
        page = window.show_page(page_id)
        ok = await wait_until(page.is_ready)
        report(f"  {page_id:<15} {'ok' if ok else 'TIMEOUT'} "
               f"{(time.perf_counter() - started) * 1000:7.0f} ms")
        if not ok:
            failed.append(page_id)
    return failed


async def _self_test() -> int:
    from desktop.i18n import CHINESE, ENGLISH, Translations
    from desktop.main_window import MainWindow
    from desktop.worker import DbWorker

    tmp = Path(tempfile.mkdtemp(prefix="fieldinspect-selftest-"))
    worker = DbWorker()
    translations = Translations()
    failed = []
    try:
        session = await demo_session(worker, tmp / "data")
        for lang in (ENGLISH, CHINESE):
            if not translations.switch(lang):
                print(f"self-test: no translation for {lang}", file=sys.stderr)
                failed.append(f"translation {lang}")
            print(f"self-test: pages in {lang}")
            window = MainWindow(session, lang)
            window.show()
            failed += await visit_every_page(window)
            window.close()
            window.deleteLater()
        await worker.run(session.store.close)
    finally:
        worker.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("self-test ok")
    return 0


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
    from qasync import QEventLoop

    from desktop.app import collect_on_the_gui_thread, make_application

    app = make_application()
    collect_on_the_gui_thread(app)
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(_self_test())

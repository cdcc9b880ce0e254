"""Render every page to PNG, in English and Chinese, on the demo data, at 1366×768.

    QT_QPA_PLATFORM=offscreen python -m desktop.screenshots [OUT_DIR]   (default screenshots/)
"""

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path


async def _render(out: Path) -> int:
    from desktop.i18n import CHINESE, ENGLISH, Translations
    from desktop.main_window import MainWindow
    from desktop.self_test import demo_session, wait_until
    from desktop.worker import DbWorker

    tmp = Path(tempfile.mkdtemp(prefix="fieldinspect-shots-"))
    worker = DbWorker()
    translations = Translations()
    out.mkdir(parents=True, exist_ok=True)
    try:
        session = await demo_session(worker, tmp / "data")
        for lang in (ENGLISH, CHINESE):
            translations.switch(lang)
            window = MainWindow(session, lang)
            window.resize(1366, 768)
            window.show()
            for page_id in window.page_ids:
                page = window.show_page(page_id)
                await wait_until(page.is_ready)
                await asyncio.sleep(0.3)  # let charts and fetched rows paint
                path = out / f"{lang}_{window.page_ids.index(page_id):02d}_{page_id}.png"
                window.grab().save(str(path))
                print(path)
            window.close()
            window.deleteLater()
        await worker.run(session.store.close)
    finally:
        worker.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
    from qasync import QEventLoop

    from desktop.app import make_application

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    app = make_application()
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(_render(out))


if __name__ == "__main__":
    raise SystemExit(main())

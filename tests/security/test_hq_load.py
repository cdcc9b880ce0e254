"""HQ stays up, and loses and doubles nothing, when many devices sync at once (issue 11 §1).

The SQLite HQ used to take SQLAlchemy's default pool for its URL: a SingletonThreadPool of five
that closes connections other threads are still using. With six or more requests at the
database at once the server died with SIGSEGV, and every device then read "HQ cannot be
reached" until someone restarted it. Here more devices than that sync at once against a real
`fieldinspect serve`, each writing forms between rounds. The full-size run (40 devices × 60 s)
is bench/load_bench.py.
"""

from tests.sync.conftest import database_url  # noqa: F401 - SQLite, and PostgreSQL in CI
from tests.sync.helpers import PASSPHRASE
from tests.sync.load import HqProcess, enroll_fleet, race, tally

DEVICES = 8  # more than the five connections of the old pool
SECONDS = 10


def test_hq_survives_many_devices_at_once(database_url, tmp_path):  # noqa: F811
    hq = HqProcess(tmp_path / "hq", PASSPHRASE,
                   None if database_url.startswith("sqlite") else database_url)
    codes = hq.codes(DEVICES, "office")
    hq.start()
    devices = []
    try:
        devices = enroll_fleet(hq, tmp_path, codes)
        run = race(devices, SECONDS)
        alive = hq.alive()
        hq.stop()
        counts = tally(hq, devices)
    finally:
        hq.stop()
        for dev in devices:
            dev.close()
    assert alive, f"HQ died (exit {hq.proc.returncode}): {hq.stderr_tail()}"
    assert run.errors == []
    assert run.rounds >= DEVICES and run.refused == 0
    assert counts.written >= 2 * DEVICES
    assert (counts.lost, counts.doubled, counts.missing_on_devices) == (0, 0, 0)
    assert counts.at_hq == counts.written

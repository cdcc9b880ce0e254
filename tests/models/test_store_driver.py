"""A store reached through the SQLite driver alone (models/store/driver.py), as `import
evaluations` opens it: the same transactions, hooks and checks as through SQLAlchemy's engine."""

import re
import time
from datetime import datetime, timedelta

import pytest

from models.errors import ValidationError
from models.security.audit_verify import verify_chain
from models.store.bulk_tables import CAMPAIGN
from models.store.store import Store
from tests.cli_runner import run_cli
from tests.models.helpers import FORM_HEADER, UNITS, write_csv


def _campaign(name: str) -> dict:
    return {"id": f"c-{name}", "name": name, "year": 2026}


def test_a_new_store_opened_through_the_driver_is_made_migrated_and_written(tmp_path):
    store = Store.open(tmp_path / "dev", "pw", driver_only=True)
    try:
        assert getattr(store.engine, "driver_only", False)
        with store.write("admin") as w:
            w.create(CAMPAIGN, _campaign("2026年评议"))
        with store.read() as conn:
            names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM campaign")]
            outbox = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
        assert names == ["2026年评议"] and outbox == 1
    finally:
        store.close()
    full = Store.open(tmp_path / "dev", "pw")  # the same file, through SQLAlchemy's engine
    try:
        with full.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM campaign").scalar() == 1
            assert verify_chain(conn).ok
    finally:
        full.close()


def test_a_failed_write_through_the_driver_leaves_nothing(tmp_path):
    store = Store.open(tmp_path / "dev", "pw", driver_only=True)
    try:
        with store.read() as conn:
            entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
        with pytest.raises(ValidationError), store.write("admin") as w:
            w.create(CAMPAIGN, _campaign("甲"))
            w.create(CAMPAIGN, _campaign("x" * 10_000))  # longer than a name holds
        with store.write("admin") as w:  # the connection given back still writes
            w.create(CAMPAIGN, _campaign("乙"))
        with store.read() as conn:
            names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM campaign")]
            assert names == ["乙"]
            assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() == entries + 1
    finally:
        store.close()


@pytest.fixture
def local_zone(monkeypatch):
    """The command line in China's time zone (the machine's may be UTC)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_import_evaluations_on_a_new_store_then_a_repeated_file_names_when(tmp_path, local_zone):
    """Through the driver alone: a first command on a new store makes its profile, the forms
    are written, and a second import of the same numbers is refused naming when (local time)
    and by whom the first were entered, as before."""
    env = {"FIELDINSPECT_PASSPHRASE": "pw", "TZ": "Asia/Shanghai"}
    d = tmp_path / "dev"
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    forms = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        ["7", "2026年评议", "patient", "卫生院", "满意", "", "", "2026-05-01"]])
    first = run_cli(["--data-dir", str(d), "import", "evaluations", str(forms)], env)
    assert first.returncode == 1 and "unknown unit" in first.stderr  # no units yet
    assert run_cli(["--data-dir", str(d), "import", "units", str(units)], env).returncode == 0
    done = run_cli(["--data-dir", str(d), "import", "evaluations", str(forms)], env)
    assert done.returncode == 0 and "imported 1 forms" in done.stdout
    again = run_cli(["--data-dir", str(d), "import", "evaluations", str(forms)], env)
    assert again.returncode == 1
    found = re.search(r"already entered on (\d{4}-\d\d-\d\d \d\d:\d\d) by admin", again.stderr)
    assert found, again.stderr
    shown = datetime.strptime(found.group(1), "%Y-%m-%d %H:%M")
    assert abs(shown - datetime.now()) < timedelta(minutes=2)  # local time, not UTC

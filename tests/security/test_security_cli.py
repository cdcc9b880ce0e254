"""The security commands as an office scripts them: verify, backup, restore, recover."""

import sqlite3

from tests.models.helpers import UNITS, write_csv
from tests.test_cli import run


def _tamper(d):
    # The insider's edit needs the key: open through the app's own store, then cut a link.
    from models.store.store import Store

    s = Store.open(d, "pw")
    with s.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET profile = 'nobody' WHERE seq = 2")
    s.close()


def test_audit_verify_exit_codes(tmp_path):
    d = tmp_path / "dev"
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    assert run(d, "import", "units", units).returncode == 0
    ok = run(d, "audit", "verify")
    assert ok.returncode == 0 and ok.stdout.startswith("audit chain intact")
    _tamper(d)
    bad = run(d, "audit", "verify")
    assert bad.returncode == 1 and "broken at entry 2" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_backup_restore_and_recover_from_the_command_line(tmp_path):
    d, r = tmp_path / "dev", tmp_path / "restored"
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    assert run(d, "import", "units", units).returncode == 0
    gen = run(d, "recovery-key", "generate", "--out", str(tmp_path / "hq.pem"))
    assert gen.returncode == 0 and "BEGIN PUBLIC KEY" in gen.stdout
    (tmp_path / "hq.pub").write_text(gen.stdout)
    assert run(d, "recovery-key", "install", str(tmp_path / "hq.pub")).returncode == 0
    assert run(d, "backup", "--out", str(tmp_path / "b.fib")).returncode == 0
    assert run(r, "restore", str(tmp_path / "b.fib")).returncode == 0
    again = run(r, "stats", "--json")
    assert again.returncode == 0 and '"units_evaluated"' in again.stdout
    # forgotten passphrase: HQ recovers the original device with its private key
    assert run(d, "stats", passphrase="forgotten").returncode == 4
    rec = run(d, "recover", "--recovery-key", str(tmp_path / "hq.pem"), passphrase="new one")
    assert rec.returncode == 0, rec.stderr
    assert run(d, "stats", passphrase="new one").returncode == 0
    assert b"BEGIN" not in (d / "fieldinspect.db").read_bytes()
    try:
        sqlite3.connect(d / "fieldinspect.db").execute("SELECT 1 FROM unit").fetchall()
        raise AssertionError("the database opened without its key")
    except sqlite3.DatabaseError:
        pass


def test_idle_lock_is_set_by_a_supervisor(tmp_path):
    d = tmp_path / "dev"
    assert run(d, "idle-lock").stdout.strip() == "10"
    assert run(d, "idle-lock", "5").stdout.strip() == "5"  # an office device's admin supervises
    assert run(d, "idle-lock", "0").returncode == 1

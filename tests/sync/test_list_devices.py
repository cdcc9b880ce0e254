"""`fieldinspect hq list-devices`: HQ's people see which unit a kiosk or a unit liaison's
device serves (issue 14 §2: a liaison who leaves is revoked; HQ must find the right device)."""

import pytest


@pytest.mark.parametrize(("lang", "heading"), [("en", "unit"), ("zh_CN", "单位")])
def test_list_devices_shows_the_unit_of_a_kiosk_and_of_a_unit_device(
        tmp_path, capsys, monkeypatch, database_url, lang, heading):
    from desktop import messages
    from desktop.cli import main
    from models.reference import Unit
    from sync.server import admin
    from tests.sync.helpers import Hq

    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", "correct horse")
    hq = Hq.start(database_url, tmp_path)
    try:
        with hq.db.write() as conn:
            for name in ("县税务局", "县医院"):
                conn.execute(Unit.__table__.insert().values(
                    id=name, name=name, kind="department"))
        admin.enroll_device(hq.db, role="unit", label="tax-liaison", unit="县税务局")
        admin.enroll_device(hq.db, role="kiosk", label="hall-kiosk", unit="县医院")
        admin.enroll_device(hq.db, role="office", label="office-a")
    finally:
        hq.close()
    try:
        code = main(["--data-dir", str(tmp_path / "hq"), "--lang", lang, "hq", "list-devices",
                     "--database-url", database_url])
    finally:
        messages.set_language(messages.ENGLISH)
    out = capsys.readouterr().out.splitlines()
    assert code == 0 and heading in out[0].split()
    line = {name: next(x for x in out if name in x) for name in
            ("tax-liaison", "hall-kiosk", "office-a")}
    assert "县税务局" in line["tax-liaison"] and "县医院" in line["hall-kiosk"]
    assert "县税务局" not in line["office-a"] and "县医院" not in line["office-a"]

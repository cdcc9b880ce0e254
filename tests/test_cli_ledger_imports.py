"""The imports of issue 17 §1 as an operator scripts them: online or kiosk forms, and a ledger
whose bad rows are named `FILE:ROW: column: message` (in Chinese under a Chinese locale)."""

import os

from models.store.store import Store
from tests.cli_runner import run_cli
from tests.models.helpers import FORM_HEADER, UNITS, write_csv


def run(data_dir, *args, lang="C"):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update({"FIELDINSPECT_PASSPHRASE": "pw", "LANG": lang})
    return run_cli(["--data-dir", data_dir, *args], env)  # in this process


def _sources(data_dir) -> dict[str, str]:
    store = Store.open(data_dir, "pw")
    try:
        with store.read() as conn:
            return dict(conn.exec_driver_sql("SELECT form_no, source FROM evaluation").all())
    finally:
        store.close()


def test_imported_forms_can_be_online_or_kiosk_not_always_paper(tmp_path):
    d = tmp_path / "dev"
    assert run(d, "import", "units", write_csv(tmp_path / "u.csv", ["name", "kind", "parent"],
                                              UNITS)).returncode == 0
    for source, number in (("online", "W1"), ("kiosk", "K1"), (None, "P1")):
        path = write_csv(tmp_path / f"{number}.csv", FORM_HEADER, [
            [number, "2024年万民评议", "citizen", "县社保中心", "满意", "", "", "2024-05-01"]])
        res = run(d, "import", "evaluations", path, *(("--source", source) if source else ()))
        assert res.returncode == 0, res.stderr
    assert _sources(d) == {"W1": "online", "K1": "kiosk", "P1": "paper"}
    res = run(d, "import", "units", tmp_path / "u.csv", "--source", "online")
    assert res.returncode == 2 and "--source goes with import evaluations" in res.stderr


def test_a_bad_ledger_row_is_named_in_the_readers_language(tmp_path):
    d = tmp_path / "dev"
    run(d, "import", "units", write_csv(tmp_path / "u.csv", ["name", "kind", "parent"], UNITS))
    ledger = write_csv(tmp_path / "台账.csv", ["台账编号", "问题描述", "责任单位", "整改状态"], [
        ["1", "窗口推诿", "县社保中心", "整改中"], ["2", "收费未公示", "卫生院", "已办结"]])
    res = run(d, "import", "problems", ledger)
    assert res.returncode == 1
    assert f"{ledger}:3: measures: " in res.stderr
    res = run(d, "import", "problems", ledger, lang="zh_CN.UTF-8")
    assert f"{ledger}:3: 整改措施: " in res.stderr
    res = run(d, "import", "problems", ledger, "--skip-invalid")
    assert res.returncode == 0 and "imported 1 problems; rejected 1 rows" in res.stdout

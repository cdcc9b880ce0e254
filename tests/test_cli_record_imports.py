"""The record imports of issue 17 §1 as an operator scripts them: a bad row named
`FILE:ROW: column: message` in the reader's language with nothing imported (exit 1), the good
rows with --skip-invalid, and a kind the device may not import refused whole in its language."""

from models.store.store import Store
from tests.models.helpers import UNITS, write_csv
from tests.test_cli_ledger_imports import run


def test_opinions_from_the_command_line_in_chinese(tmp_path):
    d = tmp_path / "dev"
    run(d, "import", "units", write_csv(tmp_path / "u.csv", ["name", "kind", "parent"], UNITS))
    path = write_csv(tmp_path / "意见.csv", ["意见建议内容", "单位", "收到日期"],
                     [["窗口态度差", "县社保中心", "2026-03-01"],
                      ["收费不透明", "县医院", "2026-03-02"]])
    res = run(d, "import", "opinions", path, lang="zh_CN.UTF-8")
    assert res.returncode == 1
    assert f"{path}:3: 单位: 没有单位“县医院”" in res.stderr
    res = run(d, "import", "opinions", path, "--skip-invalid")
    assert res.returncode == 0 and "imported 1 opinions; rejected 1 rows" in res.stdout
    res = run(d, "import", "opinions", path, "--skip-invalid", lang="zh_CN.UTF-8")
    assert "导入意见建议0条；1 条已存在" in res.stdout


def test_an_office_is_refused_accountability_cases_in_its_language(tmp_path):
    d = tmp_path / "dev"
    run(d, "import", "units", write_csv(tmp_path / "u.csv", ["name", "kind", "parent"], UNITS))
    store = Store.open(d, "pw")
    store.set_meta("device_role", "office")
    store.close()
    path = write_csv(tmp_path / "问责.csv", ["处理结果", "姓名"], [["组织处理", "王五"]])
    res = run(d, "import", "accountability", path, lang="zh_CN.UTF-8")
    assert res.returncode != 0 and "只有总部可以导入问责案件。" in res.stderr
    res = run(d, "import", "accountability", path)
    assert res.returncode != 0 and "Only HQ imports accountability cases." in res.stderr

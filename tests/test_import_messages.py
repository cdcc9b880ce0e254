"""A bad spreadsheet, and a form number typed twice, read in the operator's language on the
command line: `FILE:ROW: 列名: 说明` under a Chinese locale (or `--lang zh_CN`), English under
`LANG=C`. Every row problem and refusal is a code with arguments (models/messages), so nothing
recovers its meaning from English text."""

import os
import re

import pytest

from tests.cli_runner import run_cli
from tests.models.helpers import FORM_HEADER, UNITS, write_csv

CJK = re.compile(r"[\u4e00-\u9fff]")
# English words of the import's sentences: none may reach a Chinese reader.
ENGLISH_WORDS = re.compile(r"\b(unknown|reason|required|is not|one of|date of|form number|"
                           r"appears|again|campaign|empty|nothing|imported|problems|entered)\b",
                           re.IGNORECASE)
CAMPAIGN = "2024年万民评议"


def run(data_dir, *args, lang="C", extra_env=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update({"FIELDINSPECT_PASSPHRASE": "pw", "LANG": lang, **(extra_env or {})})
    return run_cli(["--data-dir", data_dir, *args], env)  # in this process


@pytest.fixture
def office(tmp_path):
    """A device with the unit tree and one form (number 1) already entered, and a file whose
    every row is wrong in a different way."""
    data = tmp_path / "dev"
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    assert run(data, "import", "units", units).returncode == 0
    first = write_csv(tmp_path / "first.csv", FORM_HEADER,
                      [["1", CAMPAIGN, "patient", "卫生院", "满意", "", "", "2024-05-01"]])
    assert run(data, "import", "evaluations", first).returncode == 0
    rows = [
        ["1", CAMPAIGN, "patient", "卫生院", "满意", "", "", "2024-05-02"],   # 2: entered before
        ["2", CAMPAIGN, "patient", "卫生所", "满意", "", "", "2024-05-02"],   # 3: unknown unit
        ["3", CAMPAIGN, "patient", "卫生院", "不满意", "", "", "2024-05-02"],  # 4: no reason
        ["4", CAMPAIGN, "patient", "卫生院", "很好", "", "", "2024-05-02"],   # 5: not a level
        ["5", CAMPAIGN, "patient", "卫生院", "满意", "", "", "2024-13-02"],   # 6: not a date
        ["5", CAMPAIGN, "patient", "卫生院", "满意", "", "", "2024-05-02"],   # 7: number again
        ["6", "", "patient", "卫生院", "满意", "", "", "2024-05-02"],         # 8: no campaign
    ]
    english = write_csv(tmp_path / "bad.csv", FORM_HEADER, rows)
    chinese = write_csv(tmp_path / "坏表.csv", ["表号", "评议活动", "评议群体", "被评议单位",
                                               "评议等次", "不满意原因", "意见建议", "日期"], rows)
    return data, english, chinese


def _problem_lines(stderr: str, path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{path}:")]


@pytest.mark.parametrize("how", [{"lang": "zh_CN.UTF-8"}, {"flag": True},
                                 {"extra_env": {"LC_ALL": "zh_CN.UTF-8"}}])
def test_a_bad_import_reads_in_chinese_under_a_chinese_locale(office, how):
    data, english_file, chinese_file = office
    for path in (english_file, chinese_file):
        flag = ["--lang", "zh_CN"] if how.get("flag") else []
        res = run(data, *flag, "import", "evaluations", path, lang=how.get("lang", "C"),
                  extra_env=how.get("extra_env"))
        assert res.returncode == 1 and "Traceback" not in res.stderr
        lines = _problem_lines(res.stderr, path)
        assert [line.split(": ", 2)[:2] for line in lines] == [
            [f"{path}:2", "表号"], [f"{path}:3", "被评议单位"], [f"{path}:4", "不满意原因"],
            [f"{path}:5", "评议等次"], [f"{path}:6", "日期"], [f"{path}:7", "表号"],
            [f"{path}:8", "评议活动"]]
        for line in lines:
            sentence = line.split(": ", 2)[2]
            assert CJK.search(sentence) and not ENGLISH_WORDS.search(sentence), line
        assert re.search(r": 表号: 表号 1 已于 \d{4}-\d\d-\d\d \d\d:\d\d 由 \S+ 录入$", lines[0])
        assert lines[1].endswith("没有单位“卫生所”；是否指 卫生院？")
        assert "表号 5 重复出现（首次在第 6 行）" in lines[5]
        others = [line for line in res.stderr.splitlines() if line not in lines]
        assert others == ["fieldinspect: 未导入任何内容（共 7 个问题）。"]


def test_a_bad_import_reads_in_english_under_lang_c(office):
    data, english_file, chinese_file = office
    res = run(data, "import", "evaluations", english_file, lang="C")
    assert res.returncode == 1
    lines = _problem_lines(res.stderr, english_file)
    assert re.fullmatch(rf"{re.escape(str(english_file))}:2: form_no: form number 1 was already "
                        r"entered on \d{4}-\d\d-\d\d \d\d:\d\d by \S+", lines[0]), lines[0]
    assert lines[1] == f"{english_file}:3: unit: unknown unit '卫生所'; did you mean 卫生院?"
    assert lines[2] == f"{english_file}:4: reason: a reason is required when the level is " \
                       "dissatisfied"
    assert lines[5] == f"{english_file}:7: form_no: form number 5 appears again (first on row 6)"
    assert lines[6] == f"{english_file}:8: campaign: the campaign is empty"
    assert "fieldinspect: nothing was imported (7 problems)." in res.stderr
    # A file with Chinese headers names its columns as it does, in English sentences.
    res = run(data, "--lang", "en", "import", "evaluations", chinese_file,
              extra_env={"LC_ALL": "zh_CN.UTF-8"})
    lines = _problem_lines(res.stderr, chinese_file)
    assert lines[2] == f"{chinese_file}:4: 不满意原因: a reason is required when the level is " \
                       "dissatisfied"
    assert "nothing was imported (7 problems)." in res.stderr


def test_a_file_that_cannot_be_imported_says_so_in_chinese(office, tmp_path):
    data, *_ = office
    missing = tmp_path / "无此文件.csv"
    res = run(data, "import", "evaluations", missing, lang="zh_CN.UTF-8")
    assert f"{missing}: 文件不存在" in res.stderr.splitlines()
    no_level = write_csv(tmp_path / "少列.csv", ["表号", "评议活动", "评议群体", "被评议单位", "日期"],
                         [["9", CAMPAIGN, "patient", "卫生院", "2024-05-02"]])
    res = run(data, "import", "evaluations", no_level, lang="zh_CN.UTF-8")
    assert f"{no_level}:1: 评议等次: 缺少此列（表头应为 level 或 评议等次）" in res.stderr.splitlines()


def test_an_import_that_skips_bad_rows_says_what_it_did_in_chinese(office, tmp_path):
    data, english_file, _ = office
    res = run(data, "import", "evaluations", english_file, "--skip-invalid", lang="zh_CN.UTF-8")
    assert res.returncode == 0
    assert res.stdout.strip() == "导入了 0 份评议表；拒绝了 7 行"


def test_an_option_value_that_is_not_one_of_the_choices_is_refused_in_chinese(tmp_path):
    res = run(tmp_path / "dev", "report", "ledger", "--out", str(tmp_path / "x.xlsx"),
              "--status", "很好", lang="zh_CN.UTF-8")
    assert res.returncode == 2
    assert "“很好”不是以下之一：待查处, " in res.stderr and "is not one of" not in res.stderr
    res = run(tmp_path / "dev", "report", "ledger", "--out", str(tmp_path / "x.xlsx"),
              "--status", "很好", lang="C")
    assert "'很好' is not one of open/待查处, " in res.stderr

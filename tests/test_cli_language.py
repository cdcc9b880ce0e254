"""The command line speaks the clerk's language: under a Chinese locale (or `--lang zh_CN`)
every line it prints is Chinese, under any other locale English, and `--json` keeps its English
keys and raw values either way (issue 13 §1)."""

import json
import os
import re
import subprocess
import sys

import pytest

from tests.models.helpers import UNITS, write_csv

AS_OF = "2024-11-30"
CAMPAIGN = "2024年万民评议"  # the demo set's campaign for AS_OF
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def run(data_dir, *args, lang_env="C"):
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(LANG=lang_env, FIELDINSPECT_PASSPHRASE="pw")
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    res = run(data_dir, "demo-data", "--as-of", AS_OF)
    assert res.returncode == 0, res.stderr
    return data_dir


def english_words(text: str) -> list[str]:
    return LATIN_WORD.findall(text)


@pytest.mark.parametrize(("flag", "lang_env"), [((), "zh_CN.UTF-8"), (("--lang", "zh_CN"), "C")])
def test_stats_reads_all_chinese_under_a_chinese_locale(demo, flag, lang_env):
    res = run(demo, *flag, "stats", "--as-of", AS_OF, "--campaign", CAMPAIGN,
              lang_env=lang_env)
    assert res.returncode == 0, res.stderr
    assert english_words(res.stdout) == [], res.stdout
    for label in ("评议表", "综合满意率", "满意", "不满意", "家长", "暗访", "通报批评", "逾期未整改",
                  "已整改", "评议活动筛选"):
        assert label in res.stdout
    assert res.stderr == ""


def test_stats_reads_english_under_the_c_locale(demo):
    res = run(demo, "stats", "--as-of", AS_OF, lang_env="C")
    assert res.returncode == 0, res.stderr
    assert not CJK.search(res.stdout), res.stdout
    for label in ("Evaluation forms", "Overall satisfaction", "Dissatisfied", "Parents",
                  "Secret visit", "Circulated criticism", "overdue"):
        assert label in res.stdout


def test_stats_json_keeps_english_keys_and_raw_values_in_both_languages(demo):
    chinese = run(demo, "--lang", "zh_CN", "stats", "--json", "--as-of", AS_OF,
                  "--campaign", CAMPAIGN)
    english = run(demo, "stats", "--json", "--as-of", AS_OF, "--campaign", CAMPAIGN,
                  lang_env="C")
    assert json.loads(chinese.stdout) == json.loads(english.stdout)
    figures = json.loads(chinese.stdout)
    assert set(figures["evaluations"]["by_level"]) == {
        "satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied"}
    assert "secret" in figures["visits"]["by_kind"] and "left_out_by_campaign" in figures


def test_an_import_reports_its_result_in_chinese(tmp_path):
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    res = run(tmp_path / "dev", "import", "units", units, lang_env="zh_CN.UTF-8")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"导入了 {len(UNITS)} 个单位"
    english = run(tmp_path / "dev2", "import", "units", units)
    assert english.stdout.strip() == f"imported {len(UNITS)} units"


@pytest.mark.parametrize(("args", "in_english"), [
    (("report", "ledger"), "the following arguments are required: --out"),
    (("report", "nonsense", "--out", "x.xlsx"), "invalid choice: 'nonsense'"),
    (("stats", "--no-such-option"), "unrecognized arguments: --no-such-option"),
    (("stats", "--as-of", "yesterday"), "'yesterday' is not a date"),
    (("report", "ledger", "--out", "x.xlsx", "--status", "gone"), "'gone' is not one of"),
])
def test_a_usage_error_reads_in_chinese(tmp_path, args, in_english):
    res = run(tmp_path, *args, lang_env="zh_CN.UTF-8")
    assert res.returncode == 2
    usage, error = res.stderr.strip().splitlines()[0], res.stderr.strip().splitlines()[-1]
    assert usage.startswith("用法：fieldinspect")
    assert error.startswith("fieldinspect: ") and CJK.search(error)
    for english in ("the following", "required", "invalid", "unrecognized", "choose from",
                    "not one of", "not a date", "usage"):
        assert english not in res.stderr
    english = run(tmp_path, *args, lang_env="C")
    assert english.returncode == 2 and english.stderr.startswith("usage: fieldinspect")
    assert in_english in english.stderr.splitlines()[-1]


def test_help_lists_the_commands_in_chinese(tmp_path):
    res = run(tmp_path, "--help", lang_env="zh_CN.UTF-8")
    assert res.returncode == 0
    unwrapped = "".join(res.stdout.split())  # argparse wraps a long help line
    for line in ("督查通：",
                 "导入单位、评议代表、评议表、问题、意见建议、明察暗访、发现问题、批评教育或问责记录",
                 "全县统计数据", "用法：", "选项", "显示此帮助信息并退出", "本设备的数据目录"):
        assert line in unwrapped
    assert "import units, representatives" not in res.stdout
    english = run(tmp_path, "--help", lang_env="C")
    assert ("import units, representatives, evaluation forms, problems, opinions, visits, "
            "findings, criticisms or accountability records") in " ".join(english.stdout.split())
    report = run(tmp_path, "report", "--help", lang_env="zh_CN.UTF-8")
    assert "要写入的文件" in report.stdout and "问题状态（可重复）" in report.stdout
    assert "the file to write" not in report.stdout

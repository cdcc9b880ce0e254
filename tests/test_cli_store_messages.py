"""The command line's refusals of the store and of the documents read in the locale's language:
a wrong passphrase under a Chinese locale is one Chinese sentence, under LANG=C English, with
exit code 4 either way; a document that cannot be written says why the same way (issue 13 §1)."""

import os
import re

import pytest

from tests.cli_runner import run_cli

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
PREFIX = "fieldinspect: "


def run(data_dir, *args, passphrase="pw", lang="C"):
    env = {k: v for k, v in os.environ.items()
           if k not in ("FIELDINSPECT_PASSPHRASE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(FIELDINSPECT_PASSPHRASE=passphrase, LANG=lang)
    return run_cli(["--data-dir", data_dir, *args], env)  # in this process


def said(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert lines and all(line.startswith(PREFIX) for line in lines), stderr
    return [line[len(PREFIX):] for line in lines]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("store")
    assert run(d, "stats").returncode == 0  # made with the passphrase "pw"
    return d


@pytest.mark.parametrize("how", [{"lang": "zh_CN.UTF-8"}, {"flag": "zh_CN"}])
def test_wrong_passphrase_under_a_chinese_locale_prints_only_chinese(data_dir, how):
    flag = ("--lang", how["flag"]) if "flag" in how else ()
    res = run(data_dir, *flag, "stats", passphrase="wrong", lang=how.get("lang", "C"))
    assert res.returncode == 4
    assert said(res.stderr) == ["密码错误：数据库仍处于锁定状态。"]
    assert res.stdout == ""


def test_wrong_passphrase_under_lang_c_is_english(data_dir):
    res = run(data_dir, "stats", passphrase="wrong", lang="C")
    assert res.returncode == 4
    assert said(res.stderr) == ["Wrong passphrase: the store stays locked."]


def test_a_document_into_an_unusable_folder_says_why_in_the_locale(data_dir, tmp_path):
    blocker = tmp_path / "ledger.xlsx"  # a file where the folder should be
    blocker.write_text("not a folder")
    out = blocker / "ledger.xlsx"
    zh = run(data_dir, "report", "ledger", "--out", str(out), lang="zh_CN.UTF-8")
    assert zh.returncode == 1
    [line] = said(zh.stderr)
    assert line == f"无法创建文件夹 {blocker}：已有同名文件；请另选位置。"
    en = run(data_dir, "report", "ledger", "--out", str(out), lang="C")
    assert said(en.stderr) == [f"{blocker} cannot be made a folder: a file of that name is in "
                               "the way; choose another place."]


def test_a_format_not_offered_is_refused_in_chinese(data_dir, tmp_path):
    res = run(data_dir, "report", "ledger", "--out", str(tmp_path / "ledger.txt"),
              lang="zh_CN.UTF-8")
    assert res.returncode == 1
    [line] = said(res.stderr)
    assert line == "此文档只能输出为 xlsx / docx / pdf；“txt”不在其中。"


def test_a_missing_chinese_font_is_refused_in_chinese(tmp_path, monkeypatch, capsys):
    from desktop.cli import main
    from reports import fonts

    monkeypatch.setattr(fonts, "_candidates", lambda: [])
    fonts.cjk_font_path.cache_clear()
    fonts.register_pdf_font.cache_clear()
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", "pw")
    try:
        code = main(["--lang", "zh_CN", "--data-dir", str(tmp_path / "d"), "report", "ledger",
                     "--out", str(tmp_path / "台账.pdf")])
    finally:
        monkeypatch.undo()
        fonts.cjk_font_path.cache_clear()
        fonts.register_pdf_font.cache_clear()
    assert code == 1
    [line] = said(capsys.readouterr().err)
    assert line.startswith("未找到用于生成 PDF 的中文 TrueType 字体。")

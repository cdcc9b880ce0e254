"""Every message code reads in Chinese and in English, from the one catalogue; the command line
picks its language from --lang, else the locale."""

import re

import pytest

from desktop import messages
from models.errors import AppError, Problem, ValidationError
from models.messages import MESSAGES, english

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_code_reads_in_chinese(code):
    template = MESSAGES[code]
    translated = messages.catalogue(messages.CHINESE).get(template)
    assert translated, f"{code}: no finished Chinese entry in the catalogue (context Messages)"
    assert CJK.search(translated), f"{code}: the Chinese entry has no Chinese: {translated!r}"
    assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(template)), (
        f"{code}: the Chinese entry must take the same arguments as {template!r}")
    args = {name: f"<{name}>" for name in PLACEHOLDER.findall(template)}
    shown = messages.text(code, args, messages.CHINESE)
    assert "{" not in shown and all(v in shown for v in args.values())


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_code_reads_in_english(code):
    args = {name: f"<{name}>" for name in PLACEHOLDER.findall(MESSAGES[code])}
    shown = messages.text(code, args, messages.ENGLISH)
    assert shown == english(code, args) and not CJK.search(shown) and "{" not in shown


@pytest.mark.parametrize(("flag", "environ", "expected"), [
    ("zh_CN", {"LANG": "C"}, "zh_CN"),
    ("en", {"LC_ALL": "zh_CN.UTF-8"}, "en"),
    (None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "C"}, "zh_CN"),
    (None, {"LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    (None, {"LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    (None, {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    (None, {"LANG": "C"}, "en"),
    (None, {}, "en"),
])
def test_the_command_line_language_follows_flag_then_locale(flag, environ, expected):
    assert messages.language_from_environment(flag, environ) == expected


def test_an_error_renders_by_its_code_and_keeps_its_english_for_logs():
    exc = AppError(code="visit_assignment_hq_only")
    assert exc.message == MESSAGES["visit_assignment_hq_only"]
    assert CJK.search(messages.error_text(exc, messages.CHINESE))
    assert messages.error_text(exc, messages.ENGLISH) == exc.message


def test_a_row_problem_says_where_and_what_in_chinese():
    problem = Problem.of("reason", "too_long", row=7, source="forms.csv", length=300, limit=200)
    assert problem.message == "Too long: 300 characters; at most 200 fit here."
    line = messages.problem_line(problem, field_label="原因", lang=messages.CHINESE)
    assert line.startswith("forms.csv:7: 原因: ") and "300" in line and CJK.search(line[16:])
    error = ValidationError(problem)
    assert messages.error_text(error, messages.ENGLISH) == (
        "forms.csv:7: reason: Too long: 300 characters; at most 200 fit here.")

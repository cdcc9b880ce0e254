"""What an import found wrong, in the window's language.

The importer (models/imports) words its problems in English for the command line and the
rejects file; here the known phrasings are matched and said again through tr(), and the
column is named as the spreadsheet's header would name it (GLOSSARY: 表号, 评议等次 …)."""

import re

from PySide6.QtCore import QCoreApplication


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("Spreadsheets", text, disambiguation)


def column_label(kind: str, key: str) -> str:
    """A canonical column as its header reads in the window's language."""
    labels = {
        "name": _t("name", "a person") if kind == "representatives" else _t("name"),
        "kind": _t("kind"), "parent": _t("parent"), "township": _t("township"),
        "phone": _t("phone"), "team": _t("team"), "form_no": _t("form_no"),
        "campaign": _t("campaign"), "group": _t("group"), "unit": _t("unit"),
        "level": _t("level"), "reason": _t("reason"), "suggestion": _t("suggestion"),
        "date": _t("date"), "discipline": _t("discipline"), "law": _t("law"),
        "service": _t("service"), "integrity": _t("integrity"), "efficiency": _t("efficiency"),
        "file": _t("file"), "header": _t("header"),
    }
    return labels.get(key, key)


def _patterns() -> list[tuple[re.Pattern, str]]:
    return [
        (re.compile(r"unknown unit '(.*)'; did you mean (.*)\?$"),
         _t("unknown unit '%1'; did you mean %2?")),
        (re.compile(r"unknown unit '(.*)'$"), _t("unknown unit '%1'")),
        (re.compile(r"'(.*)' is ambiguous: write the path, one of (.*)$"),
         _t("'%1' names several units: write the path, one of %2")),
        (re.compile(r"'(.*)' is not one of (.*)$"), _t("'%1' is not one of %2")),
        (re.compile(r"'(.*)' is not a date of the form YYYY-MM-DD$"),
         _t("'%1' is not a date of the form YYYY-MM-DD")),
        (re.compile(r"form number (.*) was already entered on (.*) by (.*)$"),
         _t("form number %1 was already entered on %2 by %3")),
        (re.compile(r"form number (.*) appears again \(first on row (\d+)\)$"),
         _t("form number %1 appears again (first on row %2)")),
        (re.compile(r"missing column \(expected (\S+) or (.*)\)$"),
         _t("missing column (expected %1 or %2)")),
        (re.compile(r"cannot be read as UTF-8 CSV or XLSX \((.*)\)$"),
         _t("cannot be read as UTF-8 CSV or XLSX (%1)")),
        (re.compile(r"cannot be read \((.*)\)$"), _t("cannot be read (%1)")),
        (re.compile(r"a reason is required when the level is dissatisfied$"),
         _t("a reason is required when the level is dissatisfied")),
        (re.compile(r"the campaign is empty$"), _t("the campaign is empty")),
        (re.compile(r"the unit's name is empty$"), _t("the unit's name is empty")),
        (re.compile(r"the representative's name is empty$"),
         _t("the representative's name is empty")),
        (re.compile(r"the file is empty$"), _t("the file is empty")),
        (re.compile(r"no such file$"), _t("no such file")),
    ]


def problem_text(message: str) -> str:
    """`message` in the window's language when its phrasing is known; as it is otherwise."""
    for pattern, text in _patterns():
        found = pattern.match(message)
        if found:
            for i, part in enumerate(found.groups(), start=1):
                text = text.replace(f"%{i}", part)
            return text
    return message

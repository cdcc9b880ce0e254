"""What an import found wrong, in the window's language.

The importer (models/imports) words its problems in English for the command line and the
rejects file; here the known phrasings are matched and said again through tr(), and the
column is named as the spreadsheet's header would name it (GLOSSARY: 表号, 评议等次 …)."""

import re

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Spreadsheets", ...)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    return text


# The canonical columns; in Chinese they read as the GLOSSARY's headers.
COLUMNS = (
    QT_TRANSLATE_NOOP("Spreadsheets", "kind"), QT_TRANSLATE_NOOP("Spreadsheets", "parent"),
    QT_TRANSLATE_NOOP("Spreadsheets", "township"), QT_TRANSLATE_NOOP("Spreadsheets", "phone"),
    QT_TRANSLATE_NOOP("Spreadsheets", "team"), QT_TRANSLATE_NOOP("Spreadsheets", "form_no"),
    QT_TRANSLATE_NOOP("Spreadsheets", "campaign"), QT_TRANSLATE_NOOP("Spreadsheets", "group"),
    QT_TRANSLATE_NOOP("Spreadsheets", "unit"), QT_TRANSLATE_NOOP("Spreadsheets", "level"),
    QT_TRANSLATE_NOOP("Spreadsheets", "reason"), QT_TRANSLATE_NOOP("Spreadsheets", "suggestion"),
    QT_TRANSLATE_NOOP("Spreadsheets", "date"), QT_TRANSLATE_NOOP("Spreadsheets", "discipline"),
    QT_TRANSLATE_NOOP("Spreadsheets", "law"), QT_TRANSLATE_NOOP("Spreadsheets", "service"),
    QT_TRANSLATE_NOOP("Spreadsheets", "integrity"),
    QT_TRANSLATE_NOOP("Spreadsheets", "efficiency"), QT_TRANSLATE_NOOP("Spreadsheets", "file"),
    QT_TRANSLATE_NOOP("Spreadsheets", "header"),
)


def column_label(kind: str, key: str) -> str:
    """A canonical column as its header reads in the window's language."""
    if key == "name":
        return (translate("Spreadsheets", "name", "a person") if kind == "representatives"
                else translate("Spreadsheets", "name"))
    return translate("Spreadsheets", key) if key in COLUMNS else key


def _patterns() -> list[tuple[re.Pattern, str]]:
    return [
        (re.compile(r"unknown unit '(.*)'; did you mean (.*)\?$"),
         translate("Spreadsheets", "unknown unit '%1'; did you mean %2?")),
        (re.compile(r"unknown unit '(.*)'$"), translate("Spreadsheets", "unknown unit '%1'")),
        (re.compile(r"'(.*)' is ambiguous: write the path, one of (.*)$"),
         translate("Spreadsheets", "'%1' names several units: write the path, one of %2")),
        (re.compile(r"'(.*)' is not one of (.*)$"), translate("Spreadsheets", "'%1' is not one of %2")),
        (re.compile(r"'(.*)' is not a date of the form YYYY-MM-DD$"),
         translate("Spreadsheets", "'%1' is not a date of the form YYYY-MM-DD")),
        (re.compile(r"form number (.*) was already entered on (.*) by (.*)$"),
         translate("Spreadsheets", "form number %1 was already entered on %2 by %3")),
        (re.compile(r"form number (.*) appears again \(first on row (\d+)\)$"),
         translate("Spreadsheets", "form number %1 appears again (first on row %2)")),
        (re.compile(r"missing column \(expected (\S+) or (.*)\)$"),
         translate("Spreadsheets", "missing column (expected %1 or %2)")),
        (re.compile(r"cannot be read as UTF-8 CSV or XLSX \((.*)\)$"),
         translate("Spreadsheets", "cannot be read as UTF-8 CSV or XLSX (%1)")),
        (re.compile(r"cannot be read \((.*)\)$"), translate("Spreadsheets", "cannot be read (%1)")),
        (re.compile(r"a reason is required when the level is dissatisfied$"),
         translate("Spreadsheets", "a reason is required when the level is dissatisfied")),
        (re.compile(r"the campaign is empty$"), translate("Spreadsheets", "the campaign is empty")),
        (re.compile(r"the unit's name is empty$"), translate("Spreadsheets", "the unit's name is empty")),
        (re.compile(r"the representative's name is empty$"),
         translate("Spreadsheets", "the representative's name is empty")),
        (re.compile(r"the file is empty$"), translate("Spreadsheets", "the file is empty")),
        (re.compile(r"no such file$"), translate("Spreadsheets", "no such file")),
    ]


_CODE_AND_LABEL = re.compile(r"[a-z_]+/([^,/]+)")


def _coded(code: str, args: dict) -> str | None:
    """A problem that carries a code, said from its code and arguments."""
    if code == "too_long":
        text = translate("Spreadsheets", "the text is %1 characters long; at most %2 fit here")
        return text.replace("%1", f"{args['length']:,}").replace("%2", f"{args['limit']:,}")
    if code == "file_too_large":
        text = translate("Spreadsheets", "holds %1 MB of data, more than the %2 MB a file may "
                                         "hold (a damaged or hostile file?); split it into "
                                         "smaller files")
        return text.replace("%1", f"{args['size_mb']:,}").replace("%2", f"{args['limit_mb']:,}")
    if code == "too_many_rows":
        text = translate("Spreadsheets", "has more than %1 rows; split it into smaller files")
        return text.replace("%1", f"{args['limit']:,}")
    return None


def problem_text(message: str, code: str = "", args: dict | None = None) -> str:
    """A problem in the window's language: from its code when it has one, else when its
    phrasing is known; as it is otherwise."""
    if code:
        coded = _coded(code, args or {})
        if coded is not None:
            return coded
    # In a Chinese window the accepted values "satisfied/满意, …" read as "满意, …".
    chinese = translate("Spreadsheets", "form_no") != "form_no"
    for pattern, text in _patterns():
        found = pattern.match(message)
        if found:
            for i, part in enumerate(found.groups(), start=1):
                text = text.replace(f"%{i}", _CODE_AND_LABEL.sub(r"\1", part) if chinese
                                    else part)
            return text
    return message

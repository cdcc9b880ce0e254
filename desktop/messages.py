"""Messages in the user's language, for the window and the command line alike (no Qt here).

A message is a code with arguments (models/messages); this module renders it from the one
catalogue, ``resources/translations/fieldinspect_<lang>.ts`` (context ``Messages``), which it
reads itself so that a headless command never loads Qt. The window sets the language when it
switches its translator (desktop/i18n.py); the command line takes ``--lang``, else the locale
(``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``): Chinese when it names Chinese, else English.
"""

import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from models.errors import AppError, Problem, ValidationError
from models.messages import MESSAGES, fill

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (ENGLISH, CHINESE)
CONTEXT = "Messages"

_language = ENGLISH


def resources_dir() -> Path:
    """resources/ beside the code, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def ts_file(lang: str = CHINESE) -> Path:
    return resources_dir() / "translations" / f"fieldinspect_{lang}.ts"


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGUAGES else ENGLISH


def language() -> str:
    return _language


def language_from_environment(flag: str | None, environ: Mapping[str, str]) -> str:
    """`--lang` when given, else the first locale variable set (POSIX order)."""
    chosen = flag or next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG")
                           if environ.get(name)), "")
    return CHINESE if chosen.lower().replace("-", "_").startswith("zh") else ENGLISH


@cache
def catalogue(lang: str) -> dict[str, str]:
    """English template -> finished translation, from the .ts file's `Messages` context."""
    path = ts_file(lang)
    if lang == ENGLISH or not path.exists():
        return {}
    found: dict[str, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                  "vanished"):
                continue
            if translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


def text(code: str, args: Mapping[str, Any] | None = None, lang: str | None = None) -> str:
    """The message `code` in `lang` (default: the current language). An argument `name` may
    come with its Chinese form as `name_zh` (the values a column accepts: "满意, 比较满意 …"
    rather than "satisfied/满意, …"), which a Chinese sentence takes instead."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    lang = lang or _language
    if lang == CHINESE and args:
        args = {**args, **{k[:-3]: v for k, v in args.items() if k.endswith("_zh")}}
    return fill(catalogue(lang).get(template, template), args)


def has_text(code: str | None) -> bool:
    return bool(code) and code in MESSAGES


def problem_text(problem: Problem, lang: str | None = None) -> str:
    """One problem's sentence (without where): by its code, else its own message."""
    return text(problem.code, problem.args, lang) if has_text(problem.code) else problem.message


def problem_line(problem: Problem, field_label: str | None = None,
                 lang: str | None = None) -> str:
    """``FILE:ROW: field: sentence`` — where, what, in the user's language."""
    where = ":".join(str(p) for p in (problem.source, problem.row) if p is not None)
    parts = [where] if where else []
    label = field_label if field_label is not None else problem.field
    if label:
        parts.append(label)
    parts.append(problem_text(problem, lang))
    return ": ".join(parts)


def error_text(exc: AppError, lang: str | None = None) -> str:
    """An app error's sentence(s): a validation error's problems one per line, else its code's
    message, else its own (English) message."""
    if isinstance(exc, ValidationError) and not has_text(exc.code):
        return "\n".join(problem_line(p, lang=lang) for p in exc.problems)
    if has_text(exc.code):
        return text(exc.code, exc.params, lang)
    return exc.message

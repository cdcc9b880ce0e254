"""The language messages are said in, and the catalogue they are said from (no Qt here).

A message is a code with arguments (this package's tables); it is rendered from the one
catalogue, ``resources/translations/fieldinspect_<lang>.ts`` (context ``Messages``), read here
so that every layer can say a message in the user's language without loading Qt: the window
(desktop/messages.py, which adds problems and errors), the command line, and the HQ server's
own command. The window sets the language when it switches its translator (desktop/i18n.py);
the command line takes ``--lang``, else the locale (``LC_ALL``, else ``LC_MESSAGES``, else
``LANG``): Chinese when it names Chinese, else English.
"""

import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from models.messages import MESSAGES, fill

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (ENGLISH, CHINESE)
CONTEXT = "Messages"

_language = ENGLISH


def translations_dir() -> Path:
    """resources/translations beside the code, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources" / "translations"


def ts_file(lang: str = CHINESE) -> Path:
    return translations_dir() / f"fieldinspect_{lang}.ts"


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

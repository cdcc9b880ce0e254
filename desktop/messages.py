"""Messages in the user's language, for the window and the command line alike (no Qt here).

The language and the catalogue are models/messages/language.py (so the HQ server's command
speaks the user's language too); this module adds how a row problem and an error are said:
``FILE:ROW: field: sentence``, a validation error's problems one per line.
"""

import sys
from pathlib import Path

from models.errors import AppError, Problem, ValidationError
from models.messages.language import (  # noqa: F401 (the window and the command line read them here)
    CHINESE,
    CONTEXT,
    ENGLISH,
    LANGUAGES,
    catalogue,
    has_text,
    language,
    language_from_environment,
    set_language,
    text,
    ts_file,
)


def resources_dir() -> Path:
    """resources/ beside the code, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


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

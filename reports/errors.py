"""Errors a person sees when an output cannot be produced."""

from models.errors import AppError


class ReportError(AppError):
    """An output could not be produced (no CJK font, unknown format, nothing to report…)."""

    code = "report"

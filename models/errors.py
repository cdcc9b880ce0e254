"""The app's exceptions. Each carries a stable code with its arguments (``params``) and the
English sentence for logs; the window and the command line render the code in the user's
language from the one table of messages (models/messages, desktop/messages.py) and the command
line maps the class to an exit code. Technical causes are chained with ``raise ... from``.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from models.messages import english


class AppError(Exception):
    """Base of every error the app shows to a person."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 params: dict[str, Any] | None = None):
        if code:
            self.code = code
        self.params: dict[str, Any] = dict(params or {})
        if message is None:  # the English sentence of the code (models/messages)
            message = english(self.code, self.params)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DomainError(AppError):
    """A domain rule refused the operation (e.g. a status change the workflow forbids)."""

    code = "domain"


@dataclass
class Problem:
    """One thing wrong with some input: where (file, row, field) and what. `code` and `args`
    name the refusal for the window, which renders it in the user's language (desktop/errors.py);
    `message` is the English text for logs, the command line and HQ's outcome records."""

    field: str
    message: str
    row: int | None = None
    source: str | None = None
    # A stable machine code and its arguments, for a window or a CLI that words the problem
    # itself (e.g. "too_long" with {"length", "limit"}); "" for the older, English-only ones.
    code: str = ""
    args: dict[str, Any] = dataclass_field(default_factory=dict)

    @classmethod
    def of(cls, field: str, code: str, *, row: int | None = None, source: str | None = None,
           **args: Any) -> "Problem":
        """A problem named by its code; its English message comes from models/messages."""
        return cls(field=field, message=english(code, args), row=row, source=source, code=code,
                   args=args)

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.source, self.row) if p is not None)
        return f"{where}: {self.field}: {self.message}" if where else f"{self.field}: {self.message}"


class ValidationError(AppError):
    """Input that breaks a rule; ``problems`` says where and what."""

    code = "validation"

    def __init__(self, problems: list[Problem] | Problem, *, code: str | None = None):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems), code=code)

    @classmethod
    def single(cls, field: str, message: str, *, code: str | None = None) -> "ValidationError":
        return cls(Problem(field=field, message=message), code=code)


class DuplicateFormNumberError(ValidationError):
    """A paper form's number already entered in its campaign; its problem's arguments
    (``number``, ``when``, ``who``) are the error's too, so it renders by its code."""

    code = "duplicate_form_number"

    def __init__(self, problems: list[Problem] | Problem, *, code: str | None = None):
        super().__init__(problems, code=code)
        self.params = dict(self.problems[0].args)


class ParseError(ValueError):
    """A text that does not read as the value wanted (a date, a level, a unit): a code with
    arguments, which the caller turns into a row problem with `problem(field)`. A ValueError,
    so a caller that only wants the English sentence reads it as before."""

    def __init__(self, code: str, **params: Any):
        self.code, self.params = code, params
        super().__init__(english(code, params))

    def problem(self, field: str, *, row: int | None = None,
                source: str | None = None) -> Problem:
        return Problem.of(field, self.code, row=row, source=source, **self.params)


class NotFoundError(AppError):
    code = "not_found"


class ConflictError(AppError):
    code = "conflict"


class StoreLockedError(AppError):
    """Wrong or missing passphrase."""

    code = "store_locked"
    exit_code = 4


class WrongPassphraseError(StoreLockedError):
    """The passphrase did not unwrap the key: counted by the unlock lockout."""

    code = "wrong_passphrase"


class DeviceKeyMissingError(StoreLockedError):
    """The device part is not on this machine (a copied data directory, a wiped keyring)."""

    code = "device_key_missing"


class StoreTooNewError(AppError):
    """The store was written by a newer version of the app."""

    code = "store_too_new"
    exit_code = 5


class SyncError(AppError):
    """HQ unreachable or refusing."""

    code = "sync"
    exit_code = 3


def scrubbed_traceback(exc: BaseException) -> str:
    """Where an unexpected error happened, for a log: the frames and the exception's type, but
    not its message, which may quote a record (a name, a form's text) that must stay inside
    the encrypted store. Chained causes are included the same way."""
    import traceback

    parts, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        frames = "".join(traceback.format_tb(exc.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}"
                     f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)\n")
        exc = exc.__cause__ or exc.__context__
    return "\nThe above happened while handling:\n".join(reversed(parts))

"""What every subcommand shares: opening the store, the acting profile, error reporting, and
the helpers that word options and tables in the command line's language."""

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop import messages
from desktop.cli.usage import columns
from models.enums import en_label, parse_enum, zh_label
from models.errors import AppError, ParseError, StoreLockedError
from models.paths import resolve_data_dir, resolve_log_dir
from models.settings import device_settings


@dataclass
class CommandContext:
    data_dir: str | None = None
    user: str | None = None
    _store: object = field(default=None, repr=False)

    @property
    def path(self):
        return resolve_data_dir(self.data_dir)

    def store(self, *, driver_only: bool = False):
        """The unlocked store (created on first use with the given passphrase). `driver_only`
        (when this call opens it): reached through the SQLite driver alone, for a command whose
        path sends only driver SQL (`import evaluations`; desktop.data.local_store)."""
        if self._store is None:
            from desktop.data.local_store import open_local_store, store_exists

            creating = not store_exists(self.path)
            self._store = open_local_store(self.path, self._passphrase(creating),
                                           driver_only=driver_only)
        return self._store

    def profile(self) -> str:
        from models.profiles import acting_profile

        return acting_profile(self.store(), self.user)

    def _passphrase(self, creating: bool) -> str | None:
        env = device_settings().passphrase
        if env is not None:
            return env
        if not sys.stdin.isatty():
            raise StoreLockedError(code="cli_store_locked")
        first = getpass.getpass(messages.text("cli_prompt_new_passphrase" if creating
                                              else "cli_prompt_passphrase"))
        if creating and getpass.getpass(messages.text("cli_prompt_repeat_passphrase")) != first:
            raise StoreLockedError(code="cli_passphrases_differ")
        return first

    def run(self, handler: Callable, args) -> int:
        try:
            return handler(self, args)
        except AppError as exc:  # by its code, in the command line's language
            say(messages.error_text(exc))
            return exc.exit_code
        except KeyboardInterrupt:
            say(messages.text("cli_interrupted"))
            return 1
        except Exception as exc:  # a bug: say so plainly, keep the details in a log file
            log = _log_crash(exc)
            kind = type(exc).__name__
            say(messages.text("cli_unexpected", {"kind": kind, "log": log}) if log
                else messages.text("cli_unexpected_no_log", {"kind": kind}))
            return 1

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def say(text: str) -> None:
    """One message to stderr, each line prefixed with the program's name."""
    for line in text.splitlines() or [""]:
        print(f"fieldinspect: {line}", file=sys.stderr)


def _log_crash(exc: BaseException) -> str | None:
    """Where the scrubbed traceback was written: the log folder, else a temporary file; None
    when neither could be written (the message must never name a file that does not exist)."""
    import tempfile

    from models.errors import scrubbed_traceback

    text = scrubbed_traceback(exc)
    try:
        folder = resolve_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text)
        return str(path)
    except OSError:
        pass
    try:
        fd, name = tempfile.mkstemp(prefix="fieldinspect-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return name
    except OSError:
        return None


def enum_option(enum_cls: type[StrEnum]) -> Callable[[str], str]:
    """An argparse `type` for an option taking one of `enum_cls`'s values: the identifier or
    its Chinese label (`--status 已整改`), from the one table (models.enums.LABELS)."""
    def parse(text: str) -> str:
        try:
            return parse_enum(enum_cls, text).value
        except ParseError as exc:  # said in the command line's language
            raise argparse.ArgumentTypeError(messages.text(exc.code, exc.params)) from None

    parse.__name__ = enum_cls.__name__  # argparse names the type in its refusal
    return parse


def enum_help(enum_cls: type[StrEnum]) -> str:
    return ", ".join(f"{m.value}/{zh_label(m)}" for m in enum_cls)


def date_option(text: str) -> date:
    """An argparse `type` for a date option (YYYY-MM-DD), refused in the user's language."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            messages.text("cli_not_a_date", {"value": text})) from None


def label(enum_cls: type[StrEnum], value: str) -> str:
    """`value`'s label in the command line's language (models.enums.LABELS), else `value`."""
    try:
        member = enum_cls(value)
    except ValueError:
        return value
    shown = zh_label(member) if messages.language() == messages.CHINESE else en_label(member)
    return shown or value


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded to `width` terminal columns: a Chinese character takes two."""
    fill = " " * max(width - columns(text), 0)
    return fill + text if right else text + fill

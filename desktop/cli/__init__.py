"""The `fieldinspect` command line: a contract that operators and tests script against.

Exit codes: 0 ok; 1 invalid input or a refused operation; 2 usage; 3 HQ unreachable or refusing;
4 store locked (wrong or missing passphrase); 5 store newer than the app. Errors go to stderr in
plain words, never as a traceback. Headless commands never import Qt.
"""

import argparse
import atexit
import gc
import importlib
import os
import sys

from desktop import messages
from desktop.cli import usage
from desktop.cli.context import CommandContext

# Each module offers `register(subparsers)`; a subcommand sets `handler(ctx, args) -> int`.
COMMAND_MODULES = (
    "desktop.cli.data_commands",
    "desktop.cli.report_commands",
    "sync.server.serve",  # the HQ server's command lives with the server
    "desktop.cli.sync_commands",
    "desktop.cli.kiosk_commands",
    "desktop.cli.security_commands",
    "desktop.cli.profile_commands",
    "desktop.cli.trend_commands",
    "desktop.cli.plan_commands",
)
# Which module registers each command. A command's run registers (and imports) only its own
# module: building every parser imported the report, sync and security commands' modules too,
# about a tenth of a second of `import evaluations` (docs/sync.md, "The import"). The help, a
# usage error and anything unrecognised build them all; the window (no command) builds none.
# tests/test_cli.py checks the table.
COMMAND_OF = {
    **dict.fromkeys(("import", "stats", "demo-data"), "desktop.cli.data_commands"),
    "report": "desktop.cli.report_commands",
    "serve": "sync.server.serve",
    **dict.fromkeys(("hq", "enroll", "sync"), "desktop.cli.sync_commands"),
    "kiosk": "desktop.cli.kiosk_commands",
    **dict.fromkeys(("audit", "backup", "restore", "recover", "recovery-key", "idle-lock"),
                    "desktop.cli.security_commands"),
    "profile": "desktop.cli.profile_commands",
    "unit": "desktop.cli.trend_commands",
    "plan": "desktop.cli.plan_commands",
}

EXIT_USAGE = 2
# Commands whose first step is to open the store: its key's derivation (scrypt, ~0.1 s with
# the GIL released) starts on a thread before their modules are imported (SQLAlchemy ~0.2 s),
# when the passphrase is given in the environment (a prompt comes later, on this thread).
EARLY_UNLOCK = frozenset({"import", "stats"})


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", usage.HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        print(f"fieldinspect: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


# The options every command shares. The packaged program parses them before it knows whether
# it opens the window or runs a command, so it forwards each one (issue 13: a dropped --user put
# the wrong person in the audit trail).
# Each with the message code of its help (models/messages/cli_usage.py).
GLOBAL_OPTIONS = (
    ("--data-dir", "help_data_dir"),
    ("--user", "help_user"),
    ("--lang", "help_lang"),
)


def add_global_options(parser: argparse.ArgumentParser) -> None:
    for flag, help_code in GLOBAL_OPTIONS:
        parser.add_argument(flag, help=messages.text(help_code))


def global_options_argv(args: argparse.Namespace) -> list[str]:
    """The global options given in `args`, as arguments for `main()`."""
    out = []
    for flag, _ in GLOBAL_OPTIONS:
        value = getattr(args, flag.lstrip("-").replace("-", "_"), None)
        if value is not None:
            out.append(f"{flag}={value}")
    return out


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parsers, their help in the current language (set it first). Given the arguments
    about to be parsed, only their command's parser when they name one (see COMMAND_OF)."""
    usage.install()
    parser = _Parser(prog="fieldinspect", description=messages.text("help_description"))
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in _modules_to_register(argv):
        importlib.import_module(name).register(sub)
    return parser


def _modules_to_register(argv: list[str] | None) -> tuple[str, ...]:
    """A command's own module; none for the window (no command word: only global options);
    every one for the help, a usage error or an unknown word."""
    if argv is None:
        return COMMAND_MODULES
    word = _command_word(argv)
    if word is None:
        return ()  # the window: building every command's parser cost its start ~0.3 s
    module = COMMAND_OF.get(word)
    return (module,) if module else COMMAND_MODULES


def _command_word(argv: list[str]) -> str | None:
    """The first word after the global options (the command, when one is given)."""
    flags = {flag for flag, _ in GLOBAL_OPTIONS}
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word in flags:
            i += 2
        elif word.split("=", 1)[0] in flags and "=" in word:
            i += 1
        else:
            return word
    return None


def main(argv: list[str] | None = None) -> int:
    messages.set_language(messages.language_from_environment(_lang_flag(argv), os.environ))
    words = sys.argv[1:] if argv is None else argv
    _start_unlocking(words)
    parser = build_parser(words)
    args = parser.parse_args(argv)
    if args.command is None:
        return _launch_window(args)
    ctx = CommandContext(data_dir=args.data_dir, user=args.user)
    if argv is None:  # the process's own command line: it ends when the command is done
        end_without_final_collection()
    try:
        return ctx.run(args.handler, args)
    finally:
        ctx.close()
        if args.command in EARLY_UNLOCK:  # a derivation the command never took (exit 2...)
            from desktop.data.local_store import stop_unlocking

            stop_unlocking()


def end_without_final_collection() -> None:
    """For a process that ends when its command is done (never a test's, nor the window's):
    at exit, the collector's objects are frozen, so that the interpreter's last collection
    does not walk the hundred thousand objects SQLAlchemy and the app's modules made (~0.1 s
    of CPU after a 26,300-form import, docs/imports.md). Exit handlers still run and the
    standard streams are still flushed; the store was closed by the command itself."""
    atexit.register(gc.freeze)


def _lang_flag(argv: list[str] | None) -> str | None:
    """`--lang` read before parsing, so that a usage error is in that language too."""
    return _flag_value(list(sys.argv[1:] if argv is None else argv), "--lang")


def _flag_value(words: list[str], flag: str) -> str | None:
    for i, word in enumerate(words):
        if word.startswith(f"{flag}="):
            return word.split("=", 1)[1]
        if word == flag and i + 1 < len(words):
            return words[i + 1]
    return None


def _start_unlocking(words: list[str]) -> None:
    """For a command in EARLY_UNLOCK with the passphrase in the environment: the store's key
    derivation started before the command's modules are imported. The store is opened, and
    a wrong passphrase refused and counted, where it always was (`CommandContext.store`)."""
    if _command_word(list(words)) not in EARLY_UNLOCK:
        return
    from models.paths import resolve_data_dir
    from models.settings import device_settings

    passphrase = device_settings().passphrase
    if passphrase is None:
        return
    from desktop.data.local_store import start_unlocking

    start_unlocking(resolve_data_dir(_flag_value(list(words), "--data-dir")), passphrase)


# The pip package that provides a module the window needs, where the names differ.
_PACKAGE_OF = {"PySide6": "PySide6-Essentials", "shiboken6": "PySide6-Essentials"}
_OWN_PACKAGES = ("desktop", "models", "reports", "sync")


def _launch_window(args: argparse.Namespace) -> int:
    try:
        app = importlib.import_module("desktop.app")
    except ModuleNotFoundError as exc:  # e.g. a headless install without PySide6
        print(missing_module_message(exc.name or "?"), file=sys.stderr)
        return EXIT_USAGE
    return app.run(data_dir=args.data_dir, user=args.user)


def missing_module_message(module: str) -> str:
    """Which module the window lacks and how to get it, in the command line's language."""
    top = module.split(".")[0]
    if top in _OWN_PACKAGES:
        return "fieldinspect: " + messages.text("window_missing_own_module", {"module": top})
    return "fieldinspect: " + messages.text(
        "window_missing_module", {"module": top, "package": _PACKAGE_OF.get(top, top)})


if __name__ == "__main__":
    raise SystemExit(main())

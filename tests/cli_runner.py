"""`fieldinspect ...` run in the test's own process: the same `desktop.cli.main(argv)` that
`python -m desktop.cli` calls, with its own environment, an empty stdin and its output caught,
answered as a `subprocess.CompletedProcess`. Starting a new interpreter per command cost about
a second each (most of it importing); a few tests still start real processes on purpose: exit
codes, headless commands never loading Qt, the locale (tests/test_cli.py, test_boundaries.py,
test_cli_language.py)."""

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping


class _Stdin(io.StringIO):
    """stdin=DEVNULL: empty, and not a terminal (the passphrase is never prompted for)."""

    def isatty(self) -> bool:
        return False


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_cli(argv: list[str], env: Mapping[str, str]) -> subprocess.CompletedProcess:
    """Run one command as `python -m desktop.cli *argv` would, with exactly `env`."""
    from desktop import messages
    from desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    language = messages.language()
    with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            _stdin(_Stdin()):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as stop:  # argparse's usage errors
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            messages.set_language(language)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(stream) -> Iterator[None]:
    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved

"""`bench/anki_compare.py` is an optional benchmark: without the `anki` package (the
`bench-anki` extra) its --help still works and a run says how to install the extra and exits 2.
Run with `python -S`, which leaves site-packages (and so anki) out."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_without_site_packages(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-S", "bench/anki_compare.py", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_anki_compare_help_runs_without_anki():
    done = run_without_site_packages("--help")
    assert done.returncode == 0, done.stderr
    assert "--records" in done.stdout and "--forms" in done.stdout


def test_anki_compare_without_anki_names_the_extra_and_exits_2():
    done = run_without_site_packages("--records", "10")
    assert done.returncode == 2
    assert "bench-anki" in done.stderr

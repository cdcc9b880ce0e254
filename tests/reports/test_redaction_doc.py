"""docs/redaction.md stays in step with the outputs: every `fieldinspect report` kind has its
row in "Which outputs are public" (who reads it, which rules apply), and every test the document
names exists, so a reader can check each promise."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "redaction.md").read_text(encoding="utf-8")


def _table() -> str:
    section = DOC.split("## Which outputs are public", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("|"))


def test_every_report_kind_has_its_row():
    from desktop.cli.report_commands import KINDS

    table = _table()
    missing = [kind for kind in KINDS if f"`report {kind}`" not in table
                and f"`report {kind}," not in table]
    assert not missing, f"docs/redaction.md has no row for: {missing}"


def test_every_test_the_document_names_exists():
    files = set(re.findall(r"`(tests/[\w/]+\.py)`", DOC))
    assert files and all((ROOT / f).is_file() for f in files), files
    names = set(re.findall(r"`(test_\w+)`", DOC))
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    missing = [n for n in names if f"def {n}(" not in sources]
    assert not missing, f"docs/redaction.md names tests that do not exist: {missing}"

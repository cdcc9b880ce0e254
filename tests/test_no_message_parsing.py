"""Nothing in desktop/ recovers an error's meaning from its English text (issue 13 §1): an error
or a row problem is a code with arguments, and the window and the command line render it by
that code. A reworded English message can then no longer change what a screen does or says.

The check reads desktop/'s code (its syntax tree) for an error's text — `exc.message`,
`str(exc)`, `exc.args`, a problem's `.message`, or a parameter named `message` — being matched
by a regular expression, searched with `in`, or taken apart with a string method."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"
TEXT_METHODS = {"search", "match", "fullmatch", "findall", "finditer", "sub", "split",
                "startswith", "endswith", "find", "index", "count", "partition", "rpartition"}
ERROR_NAMES = {"exc", "error", "err", "e"}


def _error_text(node: ast.AST, names: set[str], *, argument: bool) -> bool:
    if isinstance(node, ast.Attribute) and node.attr in ("message", "reason", "msg"):
        # `self.message` is a screen's label, not an error
        return not (isinstance(node.value, ast.Name) and node.value.id == "self")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("str", "repr") and node.args:
        return isinstance(node.args[0], ast.Name) and node.args[0].id in names
    if isinstance(node, ast.Attribute) and node.attr == "args":
        return isinstance(node.value, ast.Name) and node.value.id in names
    if isinstance(node, ast.Subscript):
        return _error_text(node.value, names, argument=argument)
    return argument and isinstance(node, ast.Name) and node.id == "message"


def message_parsing(path: Path) -> list[int]:
    """Lines of `path` that read meaning out of an error's text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = ERROR_NAMES | {h.name for h in ast.walk(tree)
                           if isinstance(h, ast.ExceptHandler) and h.name}
    return [node.lineno for node in ast.walk(tree) if _searched(node, names)]


def _searched(node: ast.AST, names: set[str]) -> bool:
    """`node` searches an error's text (`... in exc.message`, `PATTERN.match(message)` …)."""
    if isinstance(node, ast.Compare) and any(isinstance(o, (ast.In, ast.NotIn))
                                             for o in node.ops):
        return any(_error_text(c, names, argument=True) for c in node.comparators)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in TEXT_METHODS:
        return _error_text(node.func.value, names, argument=False) or any(
            _error_text(a, names, argument=True) for a in node.args)
    return False


def test_no_screen_or_command_reads_meaning_out_of_an_errors_text():
    found = {f"{p.relative_to(ROOT)}:{line}" for p in DESKTOP.rglob("*.py")
             for line in message_parsing(p)}
    assert found == set()


def test_the_regular_expression_tables_are_gone():
    assert not (DESKTOP / "spreadsheets" / "problems.py").exists()
    entry = (DESKTOP / "entry" / "form_widget.py").read_text(encoding="utf-8")
    assert "_DUPLICATE" not in entry and "import re" not in entry


def test_the_check_finds_what_the_tables_did(tmp_path):
    """The check itself: the two ways the deleted tables read English are found."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import re\n"
        "def f(exc):\n"
        "    return re.compile('by (.+)$').search(exc.problems[0].message)\n"
        "def g(message):\n"
        "    return PATTERN.match(message)\n"
        "def h():\n"
        "    try:\n"
        "        pass\n"
        "    except OSError as oops:\n"
        "        return 'cannot be reached' in str(oops)\n", encoding="utf-8")
    assert message_parsing(sample) == [3, 5, 10]

"""No code in the window or the command line shows an error's English text (or searches it):
errors are told apart by type and code, and shown through the one table of messages
(desktop/messages.py). A reworded message can no longer break
behaviour, and nothing English reaches a Chinese screen."""

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
RENDERER = DESKTOP / "messages.py"  # the one place that falls back to an error's own text
TEXT_ATTRS = {"message", "reason"}


def _handler_misuses(handler: ast.ExceptHandler) -> list[ast.AST]:
    if not handler.name:
        return []
    found = []
    for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
        if (isinstance(node, ast.Attribute) and node.attr in TEXT_ATTRS
                and isinstance(node.value, ast.Name) and node.value.id == handler.name):
            found.append(node)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("str", "repr") and node.args
                and isinstance(node.args[0], ast.Name) and node.args[0].id == handler.name):
            found.append(node)
    return found


def _substring_tests(tree: ast.AST) -> list[ast.AST]:
    """`"cannot be reached" in exc.message` and the like: a text searched in an error's text."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.Compare)
            and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops)
            and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)
            and any(isinstance(c, ast.Attribute) and c.attr in TEXT_ATTRS
                    for c in node.comparators)]


def test_no_desktop_code_shows_an_errors_own_text():
    offences = []
    for path in sorted(DESKTOP.rglob("*.py")):
        if path == RENDERER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offences += [f"{path.relative_to(DESKTOP.parent)}:{n.lineno}"
                     for n in _substring_tests(tree)]
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler):
                offences += [f"{path.relative_to(DESKTOP.parent)}:{n.lineno}"
                             for n in _handler_misuses(node)]
    assert not offences, "an error's English text is read (use its type/code): " + ", ".join(
        offences)

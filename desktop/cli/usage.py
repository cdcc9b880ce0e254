"""argparse's own words (usage errors, the help's headings) in the command line's language.

argparse asks ``gettext`` for every sentence it prints, through the module-level ``_`` it
imported (``from gettext import gettext as _``). ``install()`` replaces that ``_`` with a
look-up in our one catalogue: a msgid listed in ``models.messages.cli_usage.ARGPARSE`` comes
back in the current language (desktop/messages.py), anything else unchanged. It touches no
other module's gettext and no locale directory, and in English it changes nothing. The list
holds only the strings our parsers can produce; tests/test_cli_language.py reads the usage
errors a clerk meets.
"""

import argparse
import re
import unicodedata

from desktop import messages
from models.messages.cli_usage import ARGPARSE

_CODE_OF_MSGID = {msgid: code for code, msgid in ARGPARSE.items()}
# A wide (Chinese) character, a run of other non-space characters, or a run of spaces.
_TOKENS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|"
                     r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+")


def translate(msgid: str) -> str:
    """gettext-compatible: argparse's `msgid` in the current language (itself when unknown)."""
    code = _CODE_OF_MSGID.get(msgid)
    return messages.text(code) if code else msgid


def install() -> None:
    argparse._ = translate


def columns(text: str) -> int:
    """`text`'s width on a terminal: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken between Chinese characters or at
    spaces (textwrap counts characters and breaks only at spaces and hyphens, so a Chinese help
    ran twice as wide as the terminal or broke inside `criticism-notice`)."""
    lines, line = [], ""
    for token in _keep_together(_TOKENS.findall(" ".join(text.split()))):
        if line and not token.isspace() and columns(line) + columns(token) > width:
            lines.append(line.rstrip())
            line = ""
        if line or not token.isspace():
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


_OPENING, _CLOSING = "（〔“《", "）〕”》，。；：、！？"


def _keep_together(tokens: list[str]) -> list[str]:
    """No line ends on an opening bracket or starts with a closing one or a comma."""
    out: list[str] = []
    for token in tokens:
        if out and (token[0] in _CLOSING or out[-1][-1] in _OPENING) and not token.isspace():
            out[-1] += token
        else:
            out.append(token)
    return out


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, its lines wrapped by display width (see `wrap`)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

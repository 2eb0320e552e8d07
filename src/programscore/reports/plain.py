"""Text from the sheet or the profile made safe for a line of a terminal table or of Markdown.

A name, label or description can hold anything a spreadsheet cell can: a newline would start a new
row of a table (or a new Markdown block), a ``|`` a new Markdown column, an escape character would
drive the terminal, and ``<img onerror=...>`` would be live HTML in a Markdown viewer.
"""

from __future__ import annotations

import re

# line breaks of every kind, and the other separators that end a line somewhere
_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
# the rest of the control characters (C0, DEL, C1) and the invisible bidirectional overrides, which
# can make a terminal show text other than what is there
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
# what Markdown (CommonMark with GitHub tables) reads as markup anywhere in a line
_MARKDOWN = re.compile(r"[\\`*_\[\]|#~]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def one_line(value: object) -> str:
    """``value`` as one line of plain text: line breaks and tabs become a space, other control
    characters the replacement character (``\ufffd``)."""
    text = str(value)
    if text.isprintable():
        return text
    text = _BREAKS.sub(" ", text.replace("\t", " "))
    return _CONTROLS.sub("\ufffd", text)


def markdown_text(value: object) -> str:
    """``value`` as Markdown that shows exactly this text on one line: markup characters escaped,
    ``&``, ``<`` and ``>`` as entities (so no HTML of the data is live), and a leading list or
    heading marker escaped."""
    text = one_line(value)
    text = re.sub(r"[&<>]", lambda m: _HTML[m.group(0)], text)
    text = _MARKDOWN.sub(lambda m: "\\" + m.group(0), text)
    # at the start of a line, "- x", "+ x", "1. x" and "= x" would make a list or a heading
    return re.sub(r"^(\s*)([-+=]|\d+(?=[.)]))", lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    return marker + "\\" if marker[0].isdigit() else "\\" + marker

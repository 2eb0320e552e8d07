"""The table for a terminal: the answer on its first line, then the ranking, fitted to the width.

With a width (the terminal's, or ``--width``), the table is made to fit in steps, each taken only
when the one before is not enough: headers on two lines, then abbreviated, then names shortened
(common words first, then with an ellipsis), then the least weighted criteria left out, with a
note naming them. Without a width (output to a file or a pipe) every column is shown in full.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

import pandas as pd

from . import robustness
from .plain import one_line
from .text import _tabulate, footer, points_frame

if TYPE_CHECKING:
    from ..result import Ranking
    from . import Options

NAME_MIN = 30  # names keep this many characters while columns can go instead
ELLIPSIS = "…"
# common long words of programme and university names, and how they are usually shortened
SHORTER_WORDS = {
    "University": "Univ.",
    "Universität": "Univ.",
    "Université": "Univ.",
    "Institute": "Inst.",
    "Institut": "Inst.",
    "Technology": "Tech.",
    "Technical": "Tech.",
    "Technological": "Tech.",
    "College": "Coll.",
    "School": "Sch.",
    "Business": "Bus.",
    "International": "Intl.",
    "Polytechnic": "Poly.",
    "Engineering": "Eng.",
    "Management": "Mgmt.",
}
SHORT_HEADERS = {"dominated by": "dom. by", "total cost": "total cost", "per 1k": "per 1k"}
_SHORTER = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SHORTER_WORDS), key=len, reverse=True)) + r")\b")


def table(result: Ranking, options: Options) -> str:
    if options.sensitivity is not None:
        return robustness.table(options.sensitivity, options)
    frame = points_frame(result, options)
    frame["name"] = frame["name"].map(one_line)
    body, left_out = fit(frame, result, options.tablefmt, options.width)
    head = [one_line(line) for line in robustness.verdict(result)]
    foot = [one_line(line) for line in footer(result, options)]
    if left_out:
        foot.append(f"not shown at this width: {', '.join(left_out)} (--width or -f csv for every column)")
    if options.width is not None:
        head = [part for line in head for part in textwrap.wrap(line, max(options.width, 20))]
        foot = [part for line in foot for part in textwrap.wrap(line, max(options.width, 20))]
    return "\n".join([*head, *([""] if head else []), body, "", *foot]) + "\n"


def width_of(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def fit(frame: pd.DataFrame, result: Ranking, tablefmt: str, width: int | None) -> tuple[str, list[str]]:
    """The table as text within ``width`` characters (None: as it is), and the columns left out."""
    body = _tabulate(frame, tablefmt)
    if width is None or width_of(body) <= width:
        return body, []
    from tabulate import multiline_formats

    multiline = tablefmt in multiline_formats
    keys = result.profile.keys
    points = list(frame.columns[3 : 3 + len(keys)])  # the criteria's columns follow rank, name and score
    weights = dict(zip(points, (result.profile.weights[k] for k in keys), strict=True))
    # the criteria least weighted go first (later ones first among equals), then the cost columns
    droppable = sorted(points, key=lambda k: (weights[k], -points.index(k)))
    droppable += [c for c in ("per 1k", "total cost", "dominated by") if c in frame.columns]
    for level in (1, 2):
        headers = {c: short_header(c, level, multiline) for c in frame.columns if c not in ("rank", "name")}
        shown = frame.rename(columns=headers)
        body = _tabulate(shown, tablefmt)
        if width_of(body) <= width:
            return body, []
    left_out: list[str] = []
    while True:
        shown = frame.drop(columns=left_out).rename(columns=headers)
        body = _tabulate(shown, tablefmt)
        spare = width - (width_of(body) - _name_width(shown))
        names = shorten_names(frame["name"], max(spare, NAME_MIN))
        shown.iloc[:, 1] = names
        body = _tabulate(shown, tablefmt)
        if width_of(body) <= width or len(left_out) == len(droppable):
            break
        left_out.append(droppable[len(left_out)])
    if width_of(body) > width:  # even rank, name and score alone are too wide: names as short as it takes
        spare = width - (width_of(body) - _name_width(shown))
        shown.iloc[:, 1] = shorten_names(frame["name"], max(spare, 4))
        body = _tabulate(shown, tablefmt)
    return body, [c if c not in points or c.endswith(" points") else f"{c} points" for c in left_out]


def _name_width(shown: pd.DataFrame) -> int:
    names = shown.iloc[:, 1]
    return max(int(names.map(len).max()) if len(names) else 0, len("name"))


def short_header(column: str, level: int, multiline: bool) -> str:
    """``job_support`` on two lines (``job`` / ``support``), then abbreviated (``job`` / ``supp.``)."""
    words = [w for w in re.split(r"[_\s]+", SHORT_HEADERS.get(column, str(column)) if level >= 2 else str(column)) if w]
    if level >= 2:
        words = [w if len(w) <= 5 else w[:4] + "." for w in words]
    return ("\n" if multiline else " ").join(words) if multiline or level >= 2 else str(column)


def shorten_names(names: pd.Series, limit: int) -> pd.Series:
    """Names within ``limit`` characters: common long words shortened first (University -> Univ.),
    then the end cut with an ellipsis."""

    def shorter(name: str) -> str:
        if len(name) <= limit:
            return name
        name = _SHORTER.sub(lambda m: SHORTER_WORDS[m.group(0)], name)
        if len(name) <= limit:
            return name
        return cut_parts(name.split(", "), limit)

    return names.map(shorter)


def cut_parts(parts: list[str], limit: int) -> str:
    """``parts`` joined by ", " within ``limit`` characters, the longest parts cut first (each with an
    ellipsis), so that a programme's name and its university both stay recognisable."""
    room = limit - 2 * (len(parts) - 1)
    if room < 2 * len(parts):  # no room for every part: the first, cut
        return parts[0][: max(limit - 1, 1)].rstrip(" ,;") + ELLIPSIS if len(parts[0]) > limit else parts[0]
    lengths = sorted(len(p) for p in parts)
    cap = room  # the longest a part may stay: the largest cap with sum(min(len, cap)) <= room
    for i, length in enumerate(lengths):
        rest = len(lengths) - i
        if sum(lengths[:i]) + length * rest > room:
            cap = (room - sum(lengths[:i])) // rest
            break
    return ", ".join(p if len(p) <= cap else p[: max(cap - 1, 1)].rstrip(" ,;") + ELLIPSIS for p in parts)

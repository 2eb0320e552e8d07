"""kind = "duration": a programme's length in months.

``1 year``, ``12 months``, ``1½ year``, ``18 mo``, ``one year``, ``1 year, 4 months``, ``52 weeks``,
``120 ECTS (2 years)``, ``4 Trimesters (16 Months)``, ``Full-time 1 year, part-time 2 years``.
Rules: part-time figures are dropped when a full-time one is given; a range takes its upper bound;
a larger unit followed by a smaller one adds up (``1 year 4 months``); other figures restate each
other and the longest is taken; ECTS credits count only when no time is given (60 ECTS = 1 year).
"""

from __future__ import annotations

import itertools
import math
import re

from .text import (
    ASSUMED,
    ERROR,
    MISSING,
    NAN,
    NUMBER,
    NUMBER_WORD,
    OK,
    Cell,
    clean,
    missing_marker,
    not_stated,
    number_value,
)

MONTHS = {
    "years": 12.0, "months": 1.0, "weeks": 12.0 / 52.0, "days": 12.0 / 365.0, "semesters": 6.0,
    "trimesters": 4.0, "terms": 4.0, "quarters": 3.0, "ects": 12.0 / 60.0,
}  # fmt: skip
_UNIT_WORDS = [
    ("years", r"years?|yrs?|y|academic years?|calendar years?"),
    ("months", r"months?|mo|mos|mths?|m"),
    ("weeks", r"weeks?|wks?|w"),
    ("days", r"days?|d"),
    ("semesters", r"semesters?|sem"),
    ("trimesters", r"trimesters?"),
    ("terms", r"terms?"),
    ("quarters", r"quarters?"),
    ("ects", r"ects(?: credits?)?|ec"),
]
_UNIT = "|".join(f"(?P<{name}>{words})" for name, words in _UNIT_WORDS)
_VALUE = rf"(?:{NUMBER}|\b(?:{NUMBER_WORD})\b)"
QUANTITY = re.compile(
    rf"(?P<low>{_VALUE})(?:\s*(?:-|to|/|or)\s*(?P<high>{_VALUE}))?\s*-?\s*(?:{_UNIT})\b",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"[,;|()\[\]]|\s/\s|\bor\b", re.IGNORECASE)
_PART_TIME = re.compile(r"\bpart[- ]?time\b|\bPT\b|\bdistance\b", re.IGNORECASE)
_FULL_TIME = re.compile(r"\bfull[- ]?time\b|\bFT\b", re.IGNORECASE)
_MODE = re.compile(rf"{_PART_TIME.pattern}|{_FULL_TIME.pattern}", re.IGNORECASE)


def _segments(text: str) -> list[str]:
    """Pieces of text that each state one study mode.

    Punctuation separates them; a piece naming both modes ("Full-time 1 year part-time 2 years") is
    cut at its markers, which lead their figures when the piece starts with one, else trail them.
    """
    pieces = []
    for piece in _SEGMENTS.split(text):
        if not piece or not piece.strip():
            continue
        markers = list(_MODE.finditer(piece))
        if not (_PART_TIME.search(piece) and _FULL_TIME.search(piece)):
            pieces.append(piece)
            continue
        leading = markers[0].start() == len(piece) - len(piece.lstrip())
        cuts = [m.start() for m in markers[1:]] if leading else [m.end() for m in markers[:-1]]
        bounds = [0, *cuts, len(piece)]
        pieces.extend(piece[a:b] for a, b in itertools.pairwise(bounds))
    # "12 months (full-time)": a mode on its own belongs to the figure before it
    merged: list[str] = []
    for piece in pieces:
        if merged and _MODE.search(piece) and not QUANTITY.search(piece):
            merged[-1] += " " + piece
        else:
            merged.append(piece)
    return merged


_HALF = re.compile(r"\b(?:a|one) (year|month) and a half\b|\bhalf a (year)\b", re.IGNORECASE)


def parse_duration(raw: object, unit: str = "months") -> Cell:
    """Length in months; a bare number is in ``unit``."""
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not a length")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite length")
        return _positive(float(raw) * MONTHS[unit], OK, None)
    text = clean(str(raw))
    if not text:
        return Cell(NAN, MISSING)
    bare = re.fullmatch(rf"({NUMBER})", text)
    if bare:
        return _positive(number_value(bare.group(1)) * MONTHS[unit], OK, None)
    if text.startswith("-") and re.fullmatch(rf"-\s*{NUMBER}.*", text):
        return Cell(NAN, ERROR, "a length cannot be negative")
    text = _HALF.sub(lambda m: f"1.5 {m.group(1) or m.group(2)}", text)

    segments = _segments(text)
    full = [s for s in segments if not _PART_TIME.search(s)]
    notes: list[str] = []
    if len(full) < len(segments) and not any(QUANTITY.search(s) for s in full):
        full = segments  # only part-time figures are given
        notes.append("only a part-time length is given")
    quantities = []  # (months, unit, position)
    for segment_index, segment in enumerate(full):
        for match in QUANTITY.finditer(segment):
            unit_name = next(name for name, _ in _UNIT_WORDS if match.group(name))
            value = number_value(match.group("high") or match.group("low"))
            quantities.append((value * MONTHS[unit_name], unit_name, segment_index))
    if not quantities:
        if missing_marker(text) or not re.search(r"\d", text):
            return not_stated(text) if missing_marker(text) else Cell(NAN, ERROR, "no length found")
        return Cell(NAN, ERROR, "no length found")
    timed = [q for q in quantities if q[1] != "ects"]
    if not timed:
        notes.append("length taken from ECTS credits (60 ECTS = 1 year)")
        timed = quantities
    months = _combine(timed)
    return _positive(months, ASSUMED if notes else OK, "; ".join(notes) or None)


def _combine(quantities: list[tuple[float, str, int]]) -> float:
    """Add a larger unit followed by a smaller one (1 year 4 months); else take the longest."""
    order = ["years", "semesters", "trimesters", "terms", "quarters", "months", "weeks", "days", "ects"]
    totals: list[float] = []
    previous_unit = None
    for months, unit, _ in quantities:
        if (
            previous_unit is not None
            and order.index(unit) > order.index(previous_unit)
            and previous_unit == "years"
            and unit in ("months", "weeks")
            and months < 12
        ):
            totals[-1] += months
        else:
            totals.append(months)
        previous_unit = unit
    return max(totals)


def _positive(months: float, status: str, message: str | None) -> Cell:
    if months < 0:
        return Cell(NAN, ERROR, "a length cannot be negative")
    if months == 0:
        return Cell(NAN, ERROR, "a length of zero")
    return Cell(months, status, message)

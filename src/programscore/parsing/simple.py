"""kinds boolean, rating and percent: one short rule each."""

from __future__ import annotations

import math
import re

from .text import (
    ASSUMED,
    ERROR,
    MISSING,
    NAN,
    NUMBER,
    OK,
    Cell,
    clean,
    missing_marker,
    not_stated,
    number_value,
    plain_number,
)

_TRUE = re.compile(
    r"^(?:yes|y|true|t|1|✓|✔|☑|x|available|offered|included|provided|guaranteed|mandatory|compulsory|required|"
    r"integrated|with placement|placement)(?!\w)",
    re.IGNORECASE,
)
_FALSE = re.compile(
    r"^(?:no|n|false|f|0|✗|✘|☐|none|not available|not offered|unavailable|without)(?!\w)", re.IGNORECASE
)
_HALF = re.compile(
    r"\b(?:optional|possible|on request|sometimes|some|partial|partly|competitive|limited)\b", re.IGNORECASE
)


def parse_boolean(raw: object) -> Cell:
    """1 for yes, 0 for no, 0.5 for optional."""
    if isinstance(raw, bool):
        return Cell(float(raw), OK)
    if isinstance(raw, int | float):
        if raw in (0, 0.5, 1):
            return Cell(float(raw), OK)
        return Cell(NAN, ERROR, "not yes or no")
    text = clean(str(raw))
    if not text:
        return Cell(NAN, MISSING)
    if missing_marker(text):
        return not_stated(text)
    if _HALF.search(text) and not _FALSE.match(text):
        return Cell(0.5, OK)
    if _FALSE.match(text):
        return Cell(0.0, OK)
    if _TRUE.match(text):
        return Cell(1.0, OK)
    if missing_marker(text):
        return not_stated(text)
    return Cell(NAN, ERROR, "not yes or no")


# Default words for ratings, as fractions of the scale.
LEVELS = {
    "none": 0.0, "no": 0.0, "nil": 0.0, "very low": 0.1, "very weak": 0.1, "very poor": 0.1, "poor": 0.2,
    "weak": 0.25, "low": 0.25, "limited": 0.3, "basic": 0.4, "some": 0.4, "fair": 0.5, "average": 0.5,
    "moderate": 0.5, "medium": 0.5, "ok": 0.5, "okay": 0.5, "adequate": 0.5, "good": 0.7, "high": 0.8,
    "strong": 0.8, "very good": 0.85, "very high": 0.9, "very strong": 0.9, "extensive": 0.9,
    "excellent": 1.0, "outstanding": 1.0, "exceptional": 1.0, "exemplary": 1.0,
}  # fmt: skip
_RATIO = re.compile(rf"^({NUMBER})\s*(?:/|out of|of)\s*({NUMBER})(?:\s*(?:stars?|points?))?$", re.IGNORECASE)


def parse_rating(raw: object, scale: tuple[float, float], levels: dict[str, float] | None = None) -> Cell:
    """A value on ``scale``: a number, ``4/5`` (rescaled), stars, or a word of ``levels``."""
    low, high = scale
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not a rating")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite rating")
        return _on_scale(float(raw), low, high)
    text = clean(str(raw))
    if not text:
        return Cell(NAN, MISSING)
    number = plain_number(text)
    if number is not None:
        return _on_scale(number, low, high)
    ratio = _RATIO.match(text)
    if ratio:
        got, out_of = number_value(ratio.group(1)), number_value(ratio.group(2))
        if out_of <= 0 or got > out_of:
            return Cell(NAN, ERROR, f"{got:g} out of {out_of:g} is not a rating")
        return Cell(low + got / out_of * (high - low), OK)
    if re.fullmatch(r"[★☆⭐]+", text):
        filled = text.count("★") + text.count("⭐")
        if "☆" in text:  # "★★★☆☆": three of five stars
            return Cell(low + filled / len(text) * (high - low), OK)
        return _on_scale(float(low + filled), low, high)
    word = text.lower().rstrip(".!")
    if levels:
        for name, value in levels.items():
            if word == name.lower():
                return _on_scale(float(value), low, high)
    if word in LEVELS:
        return Cell(low + LEVELS[word] * (high - low), OK)
    # a level word at the start of a longer remark: "Strong - 40 partners"
    first = re.match(r"(very \w+|\w+)", word)
    if first and first.group(1) in LEVELS:
        level = first.group(1)
        return Cell(low + LEVELS[level] * (high - low), ASSUMED, f"read as {level!r}")
    if missing_marker(text):
        return not_stated(text)
    return Cell(NAN, ERROR, f"not a rating on [{low:g}, {high:g}] nor a known level word")


def _on_scale(value: float, low: float, high: float) -> Cell:
    if value < low or value > high:
        return Cell(NAN, ERROR, f"{value:g} is outside the scale [{low:g}, {high:g}]")
    return Cell(value, OK)


_PERCENT = re.compile(
    rf"^(?:[<>~≈]=?|about|approx\.?|over|under)?\s*({NUMBER})\s*(%|percent|per cent|pc)?$", re.IGNORECASE
)


def parse_percent(raw: object) -> Cell:
    """A share in [0, 1]: ``85%``, ``0.85`` and ``85`` are all 0.85."""
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not a percentage")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite percentage")
        return _share(float(raw), False)
    text = clean(str(raw))
    if not text:
        return Cell(NAN, MISSING)
    negative = text.startswith("-")
    match = _PERCENT.match(text.lstrip("-").strip())
    if match:
        value = number_value(match.group(1))
        return _share(-value if negative else value, bool(match.group(2)))
    if missing_marker(text):
        return not_stated(text)
    return Cell(NAN, ERROR, "not a percentage")


def _share(value: float, has_sign: bool) -> Cell:
    if value < 0:
        return Cell(NAN, ERROR, "a percentage cannot be negative")
    share = value / 100 if (has_sign or value > 1) else value
    if share > 1:
        return Cell(NAN, ERROR, "above 100%")
    return Cell(share, OK)

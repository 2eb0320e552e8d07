"""kinds boolean, rating and percent: one short rule each."""

from __future__ import annotations

import math
import re

from .mentions import mask_noise, quote
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
    suppressed,
)

_TRUE = re.compile(
    r"^(?:yes|y|ja|oui|sí|si|true|t|1|✓|✔|☑|✅|x|available|offered|included|provided|guaranteed|mandatory|"
    r"compulsory|required|integrated|embedded|with placement|placement|includes?|built[- ]in|essential|always)(?!\w)",
    re.IGNORECASE,
)
_FALSE = re.compile(
    r"^(?:no|n|nein|non|nej|nee|não|nope|false|f|0|✗|✘|×|☐|❌|none|not available|not offered|unavailable|without|"
    r"never|nil)(?!\w)",
    re.IGNORECASE,
)
# "Placement not available", "Not included", "Not possible": a negation anywhere says no ...
_NEGATED = re.compile(
    r"\bnot (?:available|offered|included|possible|provided|part of|an option|compulsory|guaranteed|required)\b|"
    r"\b(?:no|without) (?:placements?|internships?|work placements?|industr\w+ placements?|option)\b|"
    r"\bunavailable\b|\bnot (?:currently )?(?:available|offered)\b|\bdoes not (?:include|offer)\b|"
    r"\bisn't (?:available|offered|included)\b",
    re.IGNORECASE,
)
# ... except where it denies that the thing is optional: "Not optional" is compulsory.
_NOT_OPTIONAL = re.compile(r"\bnot optional\b|\bnon-optional\b", re.IGNORECASE)
# "Not compulsory": it is there, but optional
_NOT_COMPULSORY = re.compile(r"\bnot (?:compulsory|mandatory|required|obligatory)\b", re.IGNORECASE)
# "Work placement included": the thing is there, said after it
_AFFIRMED = re.compile(r"\b(?:included|includes|offered|guaranteed|compulsory|mandatory|embedded|integrated)\b", re.I)
_LABEL = re.compile(r"^[A-Za-z][\w /-]{0,30}:\s*(?=\S)")
_HALF = re.compile(
    r"\b(?:optional|possible|on request|sometimes|some|partial|partly|competitive|limited|may|can be|elective|"
    r"subject to availability|if available|available to some|own placement|self-arranged|self-sourced|"
    r"find their own|arrange their own|organise their own|organize their own)\b",
    re.IGNORECASE,
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
    withheld = suppressed(text, tick=True)
    if withheld:
        return withheld
    text = _LABEL.sub("", text)  # "Internship: yes"
    doubled = re.fullmatch(r"(\w+?)\1", text)
    if doubled and len(doubled.group(1)) > 1:
        text = doubled.group(1)  # "YesYes": a scrape that took the same text twice
    if _NOT_OPTIONAL.search(text):
        return Cell(1.0, OK, note=f"yes, from {quote(text)} (not optional: compulsory)")
    if _NOT_COMPULSORY.search(text):
        return Cell(0.5, OK, note=f"optional (half), from {quote(text)} (not compulsory)")
    if text.lower() in ("x", "n/a", "na"):
        # a tick column marks "x" for yes; "n/a" is not stated
        return Cell(1.0, OK, note='yes, from "x" (a tick)') if text.lower() == "x" else not_stated(text)
    if re.search(r"\b(?:tbc|tba|tbd|to be (?:confirmed|announced|decided)|unknown|not known|unclear)\b", text, re.I):
        return not_stated(text)
    if re.fullmatch(r"not (?:currently )?(?:available|offered)\.?", text, re.IGNORECASE):
        return Cell(0.0, OK, note=f"no, from {quote(text)}")
    if missing_marker(text) and not re.match(r"(?:yes|no)\b(?!\s+(?:data|information|info|details))", text, re.I):
        return not_stated(text)
    answer = re.match(r"(yes|no|ja|nein|oui|non)\b(?!\s+(?:data|information|info|details))", text, re.IGNORECASE)
    if answer:
        value = 1.0 if answer.group(1).lower() in ("yes", "ja", "oui") else 0.0
        if not _NEGATED.search(text[answer.end() :]) and not _HALF.search(text[answer.end() :]):
            return Cell(value, OK, note=f"{'yes' if value else 'no'}, from {quote(text)}")
    if missing_marker(text):
        return not_stated(text)
    if _NEGATED.search(text) or _FALSE.match(text):
        return Cell(0.0, OK, note=f"no, from {quote(text)}")
    if _HALF.search(text):
        return Cell(0.5, OK, note=f"optional (half), from {quote(text)}")
    if _TRUE.match(text) or _AFFIRMED.search(text):
        return Cell(1.0, OK, note=f"yes, from {quote(text)}")
    return Cell(NAN, ERROR, "not yes or no")


_NO_DATA = re.compile(
    r"^(?:no (?:data|information|info|rating|score|details)(?: available| given| yet)?|none given|not rated|unrated|"
    r"no data available|not enough data|insufficient data|data not available|n\.?d\.?)$",
    re.IGNORECASE,
)
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
    # a level word ("none" in an industry-links rating is 0) is no suppression marker
    named = text.lower() in LEVELS or (bool(levels) and text.lower() in {str(k).lower() for k in levels})  # type: ignore[union-attr]
    withheld = None if named else suppressed(text)
    if withheld:
        return withheld
    number = plain_number(text)
    if number is not None:
        return _on_scale(number, low, high)
    ratio = _RATIO.match(text)
    if ratio:
        got, out_of = number_value(ratio.group(1)), number_value(ratio.group(2))
        if out_of <= 0 or got > out_of:
            return Cell(NAN, ERROR, f"{got:g} out of {out_of:g} is not a rating")
        if out_of == high and low <= got:  # "4/5" on [1, 5] is 4: the scale the cell is written on
            return Cell(got, OK, note=f"{got:g} of {high:g}, from {quote(text)}")
        return Cell(low + got / out_of * (high - low), OK, note=f"{got:g}/{out_of:g} rescaled to [{low:g}, {high:g}]")
    if re.fullmatch(r"[★☆⭐✩✰]+", text):
        filled = text.count("★") + text.count("⭐")
        stars = len(text)
        if stars == high and filled >= low:  # "★★★★☆" is 4 on [0, 5] and on [1, 5]
            return Cell(float(filled), OK, note=f"{filled} stars of {stars}")
        if "☆" in text or "✩" in text or "✰" in text:
            return Cell(low + filled / stars * (high - low), OK, note=f"{filled} stars of {stars}, rescaled")
        return _on_scale(float(filled), low, high)
    word = text.lower().rstrip(".!")
    if missing_marker(text) or _NO_DATA.match(word):
        return not_stated(text)
    bracketed = re.fullmatch(rf"[A-Za-z][\w -]*\(\s*({NUMBER})\s*(?:/\s*({NUMBER}))?\s*\)", text)
    if bracketed:  # "Good (4)", "Strong (4/5)": the figure says more than the word
        figure = bracketed.group(1) + (f"/{bracketed.group(2)}" if bracketed.group(2) else "")
        found = parse_rating(figure, scale, levels)
        if found.status == OK:
            return found._replace(note=f"{found.value:g}, from {quote(text)}")
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
    return _rating_in_text(text, low, high)


def _rating_in_text(text: str, low: float, high: float) -> Cell:
    """A rating inside a remark: "Rated 4.5/5 by students (NSS 2024)", "3.5 stars", "4 (Guardian 2024)"."""
    masked = mask_noise(text).masked
    ratio = re.search(rf"({NUMBER})\s*(?:/|out of)\s*({NUMBER})", masked)
    if ratio:
        found = parse_rating(f"{ratio.group(1)}/{ratio.group(2)}", (low, high))
        return found._replace(note=f"{found.value:g}, from {quote(text)}") if found.status == OK else found
    stars = re.search(rf"({NUMBER})\s*stars?\b", masked, re.IGNORECASE) or re.match(r"\s*([★☆⭐]+)", masked)
    if stars:
        found = parse_rating(stars.group(1), (low, high))
        return found._replace(note=f"{found.value:g}, from {quote(text)}") if found.status == OK else found
    numbers = re.findall(rf"(?<![\w.]){NUMBER}(?![\w.])", masked)
    lead = re.match(rf"\s*({NUMBER})(?![\w.])", masked)
    if lead and len(numbers) == 1:
        value = number_value(lead.group(1))
        if low <= value <= high:
            return Cell(value, ASSUMED, f"read as {value:g}", note=f"{value:g}, from {quote(text)}")
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
    withheld = suppressed(text)
    if withheld:
        return withheld
    ranged = re.fullmatch(rf"({NUMBER})\s*%?\s*(?:-|to)\s*({NUMBER})\s*%", text)
    if ranged:  # "85-90%": both ends said, the upper one scores
        low, high = number_value(ranged.group(1)), number_value(ranged.group(2))
        found = _share(high, True)
        if found.status == OK and low <= high:
            return Cell(found.value, ASSUMED, f"a range {low:g}-{high:g}%, kept as an interval", low=low / 100,
                        note=f"{low:g}-{high:g}%, from {quote(text)}")  # fmt: skip
    negative = text.startswith("-")
    match = _PERCENT.match(text.lstrip("-").strip())
    if match:
        value = number_value(match.group(1))
        return _share(-value if negative else value, bool(match.group(2)))
    if missing_marker(text):
        return not_stated(text)
    return _percent_in_text(text)


def _percent_in_text(text: str) -> Cell:
    """A share inside a remark: "95% employed within 6 months", "9 in 10 graduates in work"."""
    if re.search(r"\b(?:top|bottom|best|ranked in the top)\s+\d+(?:\.\d+)?\s*%", text, re.IGNORECASE):
        return Cell(NAN, MISSING, "a rank (top N%), not a rate: not stated; treated as missing")
    signed = re.findall(rf"(?<![\w.])({NUMBER})\s*(?:%|per ?cent\b)", text, re.IGNORECASE)
    if signed:
        value = number_value(signed[0])
        found = _share(value, True)
        if found.status != OK:
            return found
        if len(set(signed)) > 1:
            return Cell(found.value, ASSUMED, f"several percentages; used the first ({value:g}%)",
                        note=f"{value:g}%, from {quote(text)}")  # fmt: skip
        return found._replace(note=f"{value:g}%, from {quote(text)}")
    ratio = re.search(r"\b(\d+) (?:in|out of) (\d+)\b", text)
    if ratio and int(ratio.group(2)) > 0 and int(ratio.group(1)) <= int(ratio.group(2)):
        share = int(ratio.group(1)) / int(ratio.group(2))
        return Cell(share, OK, note=f"{ratio.group(1)} in {ratio.group(2)}, from {quote(text)}")
    return Cell(NAN, ERROR, "not a percentage")


def _share(value: float, has_sign: bool) -> Cell:
    if value < 0:
        return Cell(NAN, ERROR, "a percentage cannot be negative")
    share = value / 100 if (has_sign or value > 1) else value
    if share > 1:
        return Cell(NAN, ERROR, "above 100%")
    return Cell(share, OK)

"""Shared pieces of the cell parsers: cleaning text, missing markers, numbers and number words."""

from __future__ import annotations

import math
import re
from typing import NamedTuple


class Cell(NamedTuple):
    """What one distinct cell value parsed to.

    ``status`` is "ok", "missing" (blank or a marker such as N/A: no issue unless ``message``),
    "assumed" (a value, with a warning saying what was assumed) or "error" (unreadable: missing,
    with an error issue). ``period`` is the money period ("year", "total", ...), else None. ``low`` is
    the lower end of a range (NaN: no range), ``note`` says what the value was read from and what was
    assumed (``12,500 EUR per year, from "..."; converted at 0.85``).
    """

    value: float
    status: str
    message: str | None = None
    period: str | None = None
    low: float = math.nan
    note: str | None = None


NAN = math.nan
OK = "ok"
MISSING = "missing"
ASSUMED = "assumed"
ERROR = "error"

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009]+")
_MISSING_EXACT = re.compile(
    r"^(?:n/?a|n\.a\.?|na|nil|null|none given|none stated|not (?:known|stated|given|published|available|applicable|"
    r"specified|provided|disclosed|listed)(?: yet)?|no (?:data|information|info|details)(?: available| given)?|"
    r"information (?:not|un)available|not yet (?:known|available|published|confirmed)|coming soon|"
    r"unknown|tb[acd]|t\.b\.[acd]\.?|to be (?:confirmed|announced|decided|determined)|-+|–|—|\?+|\.+|x|"
    r"varies|various|variable|pending|ask|enquire|contact us|see (?:below|above|notes?))$",
    re.IGNORECASE,
)
_MISSING_PHRASE = re.compile(
    r"\b(?:see|visit|check|refer to|please|contact|enquire|consult|available on|details on)\b.*"
    r"\b(?:website|web ?site|page|site|description|prospectus|details|online|office|link|programme|program|course)\b",
    re.IGNORECASE,
)


# Full-width digits and punctuation of Chinese, Japanese and Korean text, as ASCII ("５３５，８００円").
_FULL_WIDTH = str.maketrans(
    {**{chr(0xFF10 + d): str(d) for d in range(10)}, "，": ",", "．": ".", "（": "(", "）": ")", "：": ":",
     "／": "/", "；": ";", "￥": "¥", "、": ", ", "。": ". ", "～": "-", "％": "%",
     **{c: "" for c in "¹²³⁴⁵⁶⁷⁸⁹⁰"}}
)  # fmt: skip


def months_text(months: float, spec: str = "g") -> str:
    """``1 month``, ``1.5 months``, ``12 months`` (the number formatted with ``spec``)."""
    number = format(months, spec)
    return f"{number} month" + ("" if number == "1" else "s")


def clean(text: str) -> str:
    """Collapse every kind of space, unify minus signs and full-width forms, and strip."""
    text = text.translate(_FULL_WIDTH)
    text = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-").replace("\ufeff", "")
    return _SPACES.sub(" ", text).strip()


def missing_marker(text: str) -> bool:
    """True for text that says the value is not given (N/A, TBC, 'see website', ...)."""
    if _MISSING_EXACT.match(text):
        return True
    return bool(_MISSING_PHRASE.search(text)) and not re.search(r"\d", text)


# Markers that outcome tables (ministries, HESA, IPEDS, Eurostat) put where a figure is withheld or does
# not apply: each is missing, with the reason it gives.
_SUPPRESSED = [
    (re.compile(r"^(?:ns|n\.s\.?)$", re.I), "not shown (ns)"),
    (re.compile(r"^(?:nd|n\.d\.?)$", re.I), "no data (nd)"),
    (re.compile(r"^c$", re.I), "withheld as confidential (c)"),
    (re.compile(r"^z$", re.I), "not applicable (z)"),
    (re.compile(r"^x$", re.I), "not available (x)"),
    (re.compile(r"^(?:\.\.|…|:)$"), "not available (..)"),
    (re.compile(r"^privacy ?suppressed$|^suppressed$|^redacted$|^\*+$", re.I), "suppressed in the source"),
    (re.compile(r"^null$|^none$|^nan$|^#n/a$", re.I), "empty in the source"),
    (re.compile(r"^[—–]$"), "not available (—)"),
    (re.compile(r"^(?:<|fewer than|less than)\s*\d{1,2}$", re.I), "suppressed: a count too small to show"),
]


def suppressed(text: str, tick: bool = False) -> Cell | None:
    """Missing, with its reason, for a withheld or not-applicable marker; None for other text.
    ``tick``: a yes/no column, where ``x`` means yes and ``None`` means no."""
    for pattern, reason in _SUPPRESSED:
        if pattern.match(text):
            if tick and reason in ("not available (x)", "empty in the source") and text.lower() != "null":
                return None
            return Cell(NAN, MISSING, f"{reason}: treated as missing")
    return None


def not_stated(text: str) -> Cell:
    return Cell(NAN, MISSING, "not stated; treated as missing")


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_NUMBER_WORDS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "half": 0.5, "single": 1, **_TENS,
    **{f"{ten}{joint}{unit}": value + k for ten, value in _TENS.items() for k, unit in enumerate(_UNITS, 1)
       for joint in ("-", " ")},
}  # fmt: skip
NUMBER_WORD = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# A number as catalogues write it: 1,234.5 / 1 234 / 1.234,5 / 1½ / ½
NUMBER = r"(?:\d+(?:[.,' ]\d{3})*(?:[.,]\d+)?[½¼¾⅓⅔]?|\.\d+|[½¼¾⅓⅔])"


def number_value(token: str) -> float:
    """The value of a NUMBER or number-word token (``1,234.5`` -> 1234.5, ``1½`` -> 1.5, ``two`` -> 2)."""
    token = " ".join(token.strip().lower().split())
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    fraction = 0.0
    if token and token[-1] in _FRACTIONS:
        fraction = _FRACTIONS[token[-1]]
        token = token[:-1]
        if not token:
            return fraction
    token = token.replace("'", "").replace(" ", "")
    if "," in token and "." in token:
        # the later separator is the decimal point
        if token.rfind(",") > token.rfind("."):
            token = token.replace(".", "").replace(",", ".")
        else:
            token = token.replace(",", "")
    elif "," in token:
        if re.fullmatch(r"\d{1,3}(,\d{3})+", token):
            token = token.replace(",", "")
        else:
            token = token.replace(",", ".")
    elif token.count(".") > 1:
        token = token.replace(".", "")
    return float(token) + fraction


_PLAIN_NUMBER = re.compile(rf"^([+-]?)\s*({NUMBER})$")


def plain_number(text: str) -> float | None:
    """A cell that is just a number (signs, separators, unicode minus allowed), else None."""
    match = _PLAIN_NUMBER.match(text)
    if not match:
        match_paren = re.fullmatch(rf"\(({NUMBER})\)", text)  # accounting negative: (5)
        if match_paren:
            return -number_value(match_paren.group(1))
        return None
    value = number_value(match.group(2))
    return -value if match.group(1) == "-" else value


def parse_number(raw: object) -> Cell:
    """kind = "number"."""
    if isinstance(raw, bool):
        return Cell(float(raw), OK)
    if isinstance(raw, int | float):
        return Cell(float(raw), OK) if math.isfinite(raw) else Cell(NAN, ERROR, "not a finite number")
    text = clean(str(raw))
    if not text:
        return Cell(NAN, MISSING)
    withheld = suppressed(text)
    if withheld:
        return withheld
    value = plain_number(text)
    if value is not None:
        return Cell(value, OK)
    if missing_marker(text):
        return not_stated(text)
    # a number with a unit or remark around it: "about 30", "30 students"
    numbers = re.findall(rf"(?<![\w.])-?{NUMBER}", text)
    if len(numbers) == 1:
        value = number_value(numbers[0].lstrip("-"))
        value = -value if numbers[0].startswith("-") else value
        return Cell(value, ASSUMED, f"read as {value:g}")
    return Cell(NAN, ERROR, "not a number")


def typed_as_date(raw: object, what: str) -> Cell | None:
    """An error for a workbook cell that holds a date or time where ``what`` (a length, an amount)
    belongs: a spreadsheet turns ``1-2`` or ``12/1`` into a date as it is typed. None otherwise."""
    import datetime

    if not isinstance(raw, datetime.date | datetime.time | datetime.timedelta):
        return None
    shown = raw.isoformat() if hasattr(raw, "isoformat") else str(raw)
    shown = shown.removesuffix("T00:00:00")
    return Cell(
        NAN,
        ERROR,
        f"a date or time ({shown}), not {what}: a spreadsheet may have turned what was typed (such as 1-2 "
        "or 12/1) into a date; type the cell as text",
    )


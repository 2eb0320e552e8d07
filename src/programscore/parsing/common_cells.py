"""The common cells of a fee or length column, read all at once.

A catalogue column of a million rows may hold hundreds of thousands of distinct cells, nearly all of a
few plain shapes: ``£9,250 / year``, ``12,000 EUR``, ``€9,000 (Total)``, ``18 months``, ``1 year
full-time``, ``Full-time 14 months, part-time 30 months``. Read one at a time, each costs tens of
microseconds; here whole-cell (anchored) Arrow regular expressions read them together, and every cell
they do not fully claim goes to the full parser.

A cell is claimed only where the full parser is certain to give the same reading: a plain value read
without any assumption (status ok, no message), so there is no warning text to reproduce. Anything
else (a value under 100, an unknown currency, a year-like figure, a leading zero, any other spacing or
symbol) is left to the full parser; the tests check the two agree on every corpus cell and on
generated variants.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .currencies import AMBIGUOUS, FAMILIES, ISO, NOT_CODES, SYMBOLS, currency_code
from .duration import parse_duration
from .fee_words import period_of
from .length_words import MONTHS
from .money import MoneyRules, parse_money
from .text import Cell

ENABLED = True  # tests and benchmarks turn this off to compare with the cell-by-cell reading


class Common(NamedTuple):
    """What the common shapes gave, per distinct value: ``claimed`` cells are read (status ok, no
    message, no range) with ``values``; ``periods`` is the money period of each claimed cell."""

    claimed: np.ndarray
    values: np.ndarray
    periods: np.ndarray | None = None


@dataclass(frozen=True)
class MoneyReader:
    """kind = "money": one cell (the full parser) or many distinct cells at once (the common shapes)."""

    rules: MoneyRules

    def __call__(self, raw: object) -> Cell:
        return parse_money(raw, self.rules)

    def common(self, uniques: pd.Index) -> Common | None:
        return common_fees(_texts(uniques), self.rules) if ENABLED else None


@dataclass(frozen=True)
class LengthReader:
    """kind = "duration": one cell, or many distinct cells at once; a bare number is in ``unit``."""

    unit: str

    def __call__(self, raw: object) -> Cell:
        return parse_duration(raw, self.unit)

    def common(self, uniques: pd.Index) -> Common | None:
        return common_lengths(_texts(uniques)) if ENABLED else None


def _texts(uniques: pd.Index) -> pa.Array:
    """The distinct values as Arrow strings; a value that is not text (a number, a date) is null."""
    if isinstance(uniques.dtype, pd.StringDtype):
        return pa.array(uniques.array, type=pa.large_string())
    values = uniques.to_numpy(dtype=object)
    is_text = np.fromiter((isinstance(v, str) for v in values), dtype=bool, count=len(values))
    return pa.array(values, type=pa.large_string(), mask=~is_text, from_pandas=True)


# Text the full parser reads only after changing it is never claimed: these would be set apart by
# ``mentions.lines_apart`` ("Full-time1 year", "12Months", "Fees£9,250"). The shapes below admit
# single ASCII spaces only, so ``text.clean`` leaves every claimed cell as it is.
_GLUED = r"[a-z][A-Z]|[a-z][0-9]|[0-9][A-Z][a-z]|[a-z][£€$]"

# An amount: 9,250 / 180,000.50 / 9250 (no leading zero; under 10^15, so always a plausible size)
_AMOUNT = r"[1-9][0-9]{0,2}(?:,[0-9]{3}){1,4}(?:\.[0-9]{2})?|[1-9][0-9]{0,11}(?:\.[0-9]{2})?"
# "per" in any case but "PER", which the full parser takes for a currency code ("£9,250 PER YEAR")
_PER = r"(?:p[eE][rR]|Pe[rR]|PEr)"
_PERIOD = (
    rf"(?: ?/ ?(?i:year|yr|annum|semester|term|month)| {_PER} (?i:year|annum|academic year|semester|term|month)"
    r"|(?i: a year| p\.a\.?| \((?:total|per year|per annum)\)| in total| total))"
)
_FEE = (
    rf"^(?P<pre>£|€|\$|[A-Z]{{1,3}}\$|[A-Z]{{3}})?(?P<gap> ?)(?P<num>{_AMOUNT})"
    rf"(?P<post> ?(?:[A-Z]{{3}}|€|£))?(?P<period>{_PERIOD})?$"
)
_YEARLIKE = r"^(?:19[89][0-9]|20[0-4][0-9])$"
_PERIODS_CLAIMED = ("year", "total", "semester", "term", "month")


def common_fees(texts: pa.Array, rules: MoneyRules) -> Common:
    """Read ``£9,250 / year``, ``12,000 EUR``, ``$12,000 per year``, ``€9,000 (Total)`` all at once: one
    amount, one currency (before or after it, never both), perhaps a period."""
    found = pc.extract_regex(texts, _FEE)
    matched = _filled(found.is_valid()) & ~_filled(pc.match_substring_regex(texts, _GLUED))
    pre, post = found.field("pre"), pc.utf8_trim_whitespace(found.field("post"))
    token = pc.if_else(pc.equal(pre, ""), post, pre)
    one_currency = pc.not_equal(pc.equal(pre, ""), pc.equal(post, ""))
    matched &= _filled(one_currency)
    num = found.field("num")
    matched &= ~_filled(pc.match_substring_regex(num, _YEARLIKE))
    amounts = _floats(pc.replace_substring(num, ",", ""), matched)

    rates, rate_ok = _lookup(token, matched, lambda t: _rate_of(t, rules))
    period_names = [None, *_PERIODS_CLAIMED]
    codes, period_ok = _lookup(found.field("period"), matched, lambda p: _period_code(p, rules, period_names))
    claimed = matched & rate_ok & period_ok & (amounts >= 100)  # under 100 the full parser warns
    values = np.where(claimed, amounts * rates, np.nan)
    periods = np.array(period_names, dtype=object)[np.where(claimed, codes, 0).astype(np.intp)]
    return Common(claimed, values, periods)


def _rate_of(token: str, rules: MoneyRules) -> float:
    """The rate into the base currency of a currency token as the full parser resolves it with no other
    words in the cell to go by; NaN where that is not certain (a shared or unknown symbol)."""
    if token.lower() in AMBIGUOUS or token.lower() in ("rs", "rs.", "¥"):
        return math.nan
    if len(token) == 3 and token.isalpha() and not (token in ISO or token in rules.rates or token == rules.base):
        return math.nan  # capitals that are not a code the profile or ISO knows
    if token in NOT_CODES or (token.endswith("$") and token not in SYMBOLS and token not in rules.symbols):
        return math.nan
    code, problem = currency_code(token, "", rules)
    if code is None or problem:
        return math.nan
    family = FAMILIES.get(token.lower()) or FAMILIES.get(token)
    if family and rules.currency_stated and rules.default_currency in family:
        code = rules.default_currency  # "$" in a column whose header says AUD
    rate = 1.0 if code == rules.base else rules.rates.get(code)
    return math.nan if rate is None else float(rate)


def _period_code(tail: str, rules: MoneyRules, names: list[str | None]) -> float:
    """The index in ``names`` of the period a cell's tail states (or the column's, for no tail)."""
    period = (period_of(tail) if tail else None) or rules.default_period
    if tail and period_of(tail) not in _PERIODS_CLAIMED:
        return math.nan
    if period not in names:
        names.append(period)  # the column's own default period, when it is none of the claimed ones
    return float(names.index(period))


_NUMBER = r"(?:[1-9][0-9]{0,3}|0)(?:\.[0-9]{1,2})?"
_YEAR_FIRST = r"^(?:19[89][0-9]|20[0-4][0-9])"  # "2024 months": the full parser masks a year-like figure
_UNIT = r"(?i:years?|months?|weeks?)"
_MODE = r"(?i:full|part)[- ](?i:time)"
_ONE = rf"^(?P<n1>{_NUMBER}) ?(?P<u1>{_UNIT})(?P<full>(?i: full[- ]time))?$"
_TWO = (
    rf"^(?P<m1>{_MODE}) ?:? ?(?P<n1>{_NUMBER}) ?(?P<u1>{_UNIT}) ?[,;] ?"
    rf"(?P<m2>{_MODE}) ?:? ?(?P<n2>{_NUMBER}) ?(?P<u2>{_UNIT})$"
)


def common_lengths(texts: pa.Array) -> Common:
    """Read ``18 months``, ``1 year full-time``, ``Full-time 1 year, part-time 2 years`` all at once."""
    plain = ~_filled(pc.match_substring_regex(texts, _GLUED))
    one = pc.extract_regex(texts, _ONE)
    one_ok = _filled(one.is_valid()) & plain & ~_year_like(one.field("n1"))
    months = _floats(one.field("n1"), one_ok) * _unit_months(one.field("u1"), one_ok)

    two = pc.extract_regex(texts, _TWO)
    first_full = _filled(pc.starts_with(two.field("m1"), "f", ignore_case=True))
    second_full = _filled(pc.starts_with(two.field("m2"), "f", ignore_case=True))
    two_ok = _filled(two.is_valid()) & plain & (first_full != second_full)  # one full-time, one part-time
    two_ok &= ~_year_like(two.field("n1")) & ~_year_like(two.field("n2"))
    full_months = np.where(
        first_full,
        _floats(two.field("n1"), two_ok) * _unit_months(two.field("u1"), two_ok),
        _floats(two.field("n2"), two_ok) * _unit_months(two.field("u2"), two_ok),
    )
    values = np.where(one_ok, months, np.where(two_ok, full_months, np.nan))
    claimed = (one_ok | two_ok) & (values > 0)  # a length of zero is an error the full parser words
    return Common(claimed, np.where(claimed, values, np.nan))


def _year_like(numbers: pa.Array) -> np.ndarray:
    return _filled(pc.match_substring_regex(numbers, _YEAR_FIRST))


def _unit_months(units: pa.Array, where: np.ndarray) -> np.ndarray:
    first = pc.utf8_lower(pc.utf8_slice_codeunits(units, 0, 1))
    out = np.full(len(units), np.nan)
    for letter, factor in (("y", MONTHS["years"]), ("m", MONTHS["months"]), ("w", MONTHS["weeks"])):
        out[_filled(pc.equal(first, letter)) & where] = factor
    return out


def _filled(mask: pa.Array) -> np.ndarray:
    """An Arrow boolean array as numpy, null as False."""
    return np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)


def _floats(digits: pa.Array, where: np.ndarray) -> np.ndarray:
    """The numbers written in ``digits`` (NaN outside ``where``): Arrow's parse is correctly rounded, as
    Python's float() is."""
    chosen = pc.if_else(pa.array(where), digits, pa.scalar(None, type=digits.type))
    return np.asarray(pc.cast(chosen, pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)


def _lookup(keys: pa.Array, where: np.ndarray, read) -> tuple[np.ndarray, np.ndarray]:
    """``read`` of each distinct key (there are few: currency tokens, period words), spread over the
    cells; NaN (and False in the mask) where it gives NaN or outside ``where``."""
    encoded = pc.dictionary_encode(pc.if_else(pa.array(where), keys, pa.scalar(None, type=keys.type)))
    table = np.array([read(k) for k in encoded.dictionary.to_pylist()] + [math.nan], dtype=np.float64)
    indices = pc.fill_null(encoded.indices, len(table) - 1).to_numpy(zero_copy_only=False)
    out = table[indices]
    return out, ~np.isnan(out)

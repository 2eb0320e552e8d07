"""kind = "money": the tuition fee a cell states, its currency and the period it covers.

A cell is read in three steps. ``mentions`` masks every number that is not a value (links, phone
numbers, dates, academic years, fee bands, percentages). ``amounts`` finds each remaining amount with
its currency, multiplier and range, and classifies it by its context: its period ("per year"), its
label ("international") and its role (tuition, or an application fee, deposit, loan, scholarship,
contribution, living cost, placement fee, another award, a first instalment). ``choose`` then decides
which amount is the tuition fee, or says that none is, and why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .amounts import NUM, Amount, amount_value, find_amounts
from .currencies import FAMILIES, SIMPLE_SYMBOLS, currency_code
from .fee_choice import choose
from .fee_choice import figure as _figure
from .fee_words import (
    FREE,
    NOT_STATED,
    PERIOD_WORDS,
    period_of,
)
from .mentions import Context, has_digit, lines_apart, mask_noise, quote
from .text import ASSUMED, ERROR, MISSING, NAN, OK, Cell, clean, missing_marker, plain_number, suppressed, typed_as_date


@dataclass(frozen=True)
class MoneyRules:
    """What the parser needs from the profile and the column."""

    base: str
    rates: dict[str, float]
    symbols: dict[str, str]
    default_currency: str  # for a bare number
    default_period: str  # for an amount with no stated period
    prefer: tuple[str, ...] | str | None  # labels, in order, whose amount is used when a cell lists several
    currency_stated: bool = False  # the default currency came from the profile or the header
    period_stated: bool = False  # the default period came from the profile or the header
    scale: float = 1.0  # 1000 where the header says the column is in thousands ("Fees (£000s)")

    @property
    def preferred(self) -> tuple[str, ...]:
        if not self.prefer:
            return ()
        return (self.prefer,) if isinstance(self.prefer, str) else tuple(self.prefer)


def parse_money(raw: object, rules: MoneyRules) -> Cell:
    """The tuition fee in the base currency, with its period (``Cell.period``) and what it was read from."""
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not an amount of money")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite amount")
        return _bare(float(raw), f"{raw:g}", rules)
    dated = typed_as_date(raw, "an amount")
    if dated is not None:
        return dated
    text = clean(lines_apart(str(raw)))
    if not text:
        return Cell(NAN, MISSING)
    withheld = suppressed(text)
    if withheld:
        return withheld
    plain = plain_number(text)
    if plain is not None:  # a cell that is just a number: an amount in the default currency
        if plain < 0:
            return Cell(NAN, ERROR, "a fee cannot be negative")
        if _ONE_NUMBER.fullmatch(text):
            plain = amount_value(text)  # "12.500" in a fee column is twelve thousand five hundred
        return _bare(plain, quote(text), rules)
    if FAST:
        simple = _one_priced_amount(text, rules)
        if simple is not None:
            return simple
    scientific = _scientific(text)
    if isinstance(scientific, Cell):
        return scientific
    text = scientific
    masked = mask_noise(text)
    amounts = find_amounts(masked.masked, text, rules)
    free = [m for m in FREE.finditer(masked.masked)]
    if not amounts and not free:
        return _nothing(text, masked.reason())
    chosen = choose(text, amounts, free, rules)
    return chosen if isinstance(chosen, Cell) else _reading(*chosen[:1], text, rules, *chosen[1:])


def _bare(value: float, source: str, rules: MoneyRules) -> Cell:
    """A cell that is only a number: in the column's currency and units; under 100, said."""
    notes, doubts = [], []
    if rules.scale != 1:
        value *= rules.scale
        notes.append(f"in thousands, as the header says (x {rules.scale:g})")
    if 0 < value < 100:
        doubts.append(f"a bare {value:g} is too small for a tuition fee: check the unit (thousands?)")
    return _convert(value, value, rules.default_currency, rules.default_period, rules, source, notes, doubts)


_ONE_NUMBER = re.compile(NUM.replace("sep", "s"))
_YEARLIKE = re.compile(r"(?:19[89]\d|20[0-4]\d)")
FAST = True  # the shortcut below; tests turn it off to check it reads every cell as the full path does
_SIMPLE = re.compile(
    rf"(?P<pre>(?:{SIMPLE_SYMBOLS})|(?-i:[A-Z]{{3}}))?\s?(?P<num>{NUM.replace('sep', 's')})"
    rf"(?P<post>\s?(?:(?:{SIMPLE_SYMBOLS})|(?-i:[A-Z]{{3}})|euros?|pounds?))?"
    r"(?P<period>\s*(?:(?:/|per|a|each)\s*(?:year|yr|annum|academic year|semester|term|month|credit)|"
    r"p\.a\.?|\((?:total|per year|per annum)\)|in total|total))?",
    re.IGNORECASE,
)


def _one_priced_amount(text: str, rules: MoneyRules) -> Cell | None:
    """The common cell, read at once: one amount with its currency and perhaps a period
    (``£9,250 / year``, ``12,000 EUR``, ``SEK 180 000 per semester``). None: take the full path."""
    match = _SIMPLE.fullmatch(text)
    if match is None:
        return None
    pre, post = (match.group("pre") or "").strip(), (match.group("post") or "").strip()
    token = pre or post
    if bool(pre) == bool(post) or (pre or post).rstrip(".").lower() in ("¥", "rs"):
        return None  # no currency, two of them, or a symbol whose doubt the full path says
    num = match.group("num")
    if _YEARLIKE.fullmatch(num) or (num.startswith("0") and len(num) > 1):
        return None  # a year or a number with a leading zero: the full path decides
    code, problem = currency_code(token, text, rules)
    if code is None or problem:
        return None
    family = FAMILIES.get(token.lower()) or FAMILIES.get(token)
    if family and rules.currency_stated and rules.default_currency in family:
        code = rules.default_currency  # "$" in a column whose header says AUD
    value = amount_value(num)
    tail = match.group("period") or ""
    amount = Amount(match.start("num") - len(match.group("pre") or ""), match.end("post") if post else
                    match.end("num"), value, value, code, Context("", tail.strip()))  # fmt: skip
    amount.period = period_of(tail) if tail else None
    return _reading(amount, text, rules, [], [])


def _scientific(text: str) -> str | Cell:
    """"1.2E+04", as spreadsheets export big numbers: written out, or refused when absurd."""
    found = re.search(r"(?<![\w.,])\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])", text)
    if not found:
        return text
    number = float(found.group(0))
    if not math.isfinite(number) or abs(number) >= 1e15:
        return Cell(NAN, ERROR, "not a plausible amount (too large)")
    return text[: found.start()] + f"{number:.2f}" + text[found.end() :]


def _nothing(text: str, reason: str | None) -> Cell:
    """A cell with no amount: missing, with the reason when it held digits."""
    if reason:
        return Cell(NAN, MISSING, f"{reason}, not an amount: not stated; treated as missing")
    if missing_marker(text) or NOT_STATED.match(text):
        return Cell(NAN, MISSING, "not stated; treated as missing")
    if not has_digit(text):  # words only ("Fees to be confirmed", "expensive"): no amount is stated
        return Cell(NAN, MISSING, "no amount stated; treated as missing")
    return Cell(NAN, ERROR, "no amount found")


def _reading(amount: Amount, text: str, rules: MoneyRules, notes: list[str], doubts: list[str]) -> Cell:
    """The chosen amount as a Cell: totalled per credit or module when the cell counts them, converted."""
    period = amount.period
    high, low = amount.high, amount.low
    doubts.extend(amount.doubts)
    if amount.is_range:
        doubts.append(f"a range {_figure(low)}-{_figure(high)}, kept as an interval")
    if amount.bound:
        doubts.append(f"stated as a bound ({amount.bound!r}): the fee may differ")
    if 0 < high < 100 and period not in ("credit", "module", "month", "week"):
        doubts.append(f"a tuition fee of {_figure(high)} is implausibly low: check the cell")
    block = _PER_BLOCK.match(amount.context.tail) if period == "credit" else None
    if period == "credit" and block and float(block.group(1)) > 1:  # "£1,250 per 15 credits"
        high, low = high / float(block.group(1)), low / float(block.group(1))
    paid_in = _INSTALMENTS_OF.search(amount.context.lead)
    if paid_in and period in (None, "total"):  # "Pay in 10 monthly instalments of £1,200"
        count = _COUNT_WORDS.get(paid_in.group(1).lower()) or int(paid_in.group(1))
        notes.append(f"{count} instalments of {_figure(high)}")
        high, low, period = high * count, low * count, "total"
    periods = _SPAN_COUNTS[period].search(text) if period in _SPAN_COUNTS else None
    if periods:  # "$31,200 per term (two terms)": the cell says how many; "(3 quarters per year)": in a year
        count = _COUNT_WORDS.get(periods.group(1).lower()) or int(periods.group(1))
        notes.append(f"{_figure(high)} per {period} x {count} {period}s")
        high, low, period = high * count, low * count, "year" if periods.group(2) else "total"
    if period in ("credit", "module"):
        counted = _count(text, period)
        if counted is None:
            if period == "module":
                return Cell(NAN, ERROR, "fee per module: the cell does not say how many modules")
        else:
            count_low, count_high = counted
            if count_low != count_high:
                doubts.append(f"{_figure(count_low)}-{_figure(count_high)} {period}s; the upper count scores")
            notes.append(f"{_figure(high)} per {period} x {_figure(count_high)} {period}s")
            high, low = high * count_high, low * count_low
            period = "total"
    currency = amount.currency or rules.default_currency
    if amount.currency is None and not rules.currency_stated:
        notes.append(f"no currency stated: read as {currency}")
    if amount.period is None and period is None and rules.period_stated:
        notes.append(f"period {rules.default_period} from the column")
    period = period or rules.default_period
    lead = amount.context.wide_lead or amount.context.lead
    source = quote(text[max(0, amount.start - len(lead) - 1) : amount.end + len(amount.context.tail) + 1])
    return _convert(high, low, currency, period, rules, source, notes, doubts)


_SPANS = ("term", "semester", "trimester", "quarter")
_PER_BLOCK = re.compile(r"\s*per\s+(\d+)\s+(?:credits?|ects|cr[ée]ditos?)", re.IGNORECASE)
_INSTALMENTS_OF = re.compile(r"\b(\d{1,2}|two|three|four|five|six)\s+(?:\w+\s+)?instal(?:l)?ments\s+of\s*$", re.I)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SPAN_COUNTS = {
    span: re.compile(rf"\(?\b(\d|{'|'.join(_COUNT_WORDS)})\s+{span}s\b(\s*(?:per|a|each) (?:academic )?year)?", re.I)
    for span in _SPANS
}


def _count(text: str, period: str) -> tuple[float, float] | None:
    """How many credits (or modules) the cell says the programme has: (low, high)."""
    unit = (
        r"credits?|credit hours?|ects|units?|points|cr[ée]ditos?|crediti|cr[ée]dits?|leistungspunkte?"
        if period == "credit"
        else r"modules?|courses?"
    )
    number = r"(\d+(?:\.\d+)?)(?:\s?(?:-|–|to)\s?(\d+(?:\.\d+)?))?"
    text = re.sub(rf"\bper\s+\d+\s+(?:{unit})", " ", text, flags=re.IGNORECASE)  # "per 15 credits" is no count
    found = re.search(rf"{number}\s*(?:{unit})\b(?!\s*(?:fee|cost))", text, re.IGNORECASE) or re.search(
        rf"(?:{unit})\s*(?:required|in total|total)?\s*:?\s*{number}\b(?!\s*(?:%|per|/))", text, re.IGNORECASE
    )
    if not found:
        return None
    low = float(found.group(1))
    high = float(found.group(2) or low)
    return low, max(low, high)


def _convert(
    high: float,
    low: float,
    code: str,
    period: str,
    rules: MoneyRules,
    source: str,
    notes: list[str],
    doubts: list[str] | None = None,
) -> Cell:
    rate = 1.0 if code == rules.base else rules.rates.get(code)
    if rate is None:
        return Cell(
            NAN,
            ERROR,
            f"unknown currency {code}: the profile has no rate for it "
            f"(add {code} = <value of 1 {code} in {rules.base}> to [currency] rates)",
        )
    if high < 0 or low < 0:
        return Cell(NAN, ERROR, "a fee cannot be negative")
    if not math.isfinite(high) or high >= 1e15:
        return Cell(NAN, ERROR, "not a plausible amount (too large)")
    value, value_low = high * rate, low * rate
    stated = f"{_figure(high)} {code}" if low == high else f"{_figure(low)}-{_figure(high)} {code}"
    reading = f"{stated} {PERIOD_WORDS.get(period, 'per ' + period)}, from {source}"
    if code != rules.base:
        reading += f"; converted at {rate:g}"
    if notes:
        reading += "; " + "; ".join(notes)
    if doubts:
        return Cell(value, ASSUMED, "; ".join(doubts), period, value_low, reading)
    return Cell(value, OK, None, period, value_low, reading)

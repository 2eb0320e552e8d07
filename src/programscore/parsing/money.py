"""kind = "money": an amount, its currency and the period it covers.

``£9,250``, ``$45k``, ``12,000 EUR``, ``HK$179,300``, ``5,117,157 BDT / year``, ``SEK 180 000 / year``,
``$447.60 per credit``, ``Free``, ``Fees UK: £18,000 (Total) International: £34,750 (Total)``.
Amounts and symbols are read by price-parser; the period, the k/m suffix, the currency code and
the choice between several labelled amounts are decided here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from price_parser import Price

from .text import ASSUMED, ERROR, MISSING, NAN, NUMBER, OK, Cell, clean, missing_marker, not_stated, number_value

# Symbols and words that name a currency. "$" is the US dollar unless the profile says otherwise.
SYMBOLS = {
    "£": "GBP", "€": "EUR", "$": "USD", "US$": "USD", "USD$": "USD", "HK$": "HKD", "A$": "AUD",
    "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "R$": "BRL", "MX$": "MXN", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "৳": "BDT",
    "Tk": "BDT", "₩": "KRW", "₺": "TRY", "₦": "NGN", "zł": "PLN", "Kč": "CZK", "RM": "MYR",
    "Fr.": "CHF", "₽": "RUB", "₱": "PHP", "₫": "VND", "฿": "THB", "₪": "ILS",
}  # fmt: skip
WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "euro": "EUR", "euros": "EUR",
    "dollar": "USD", "dollars": "USD", "rupee": "INR", "rupees": "INR", "taka": "BDT",
    "yen": "JPY", "yuan": "CNY", "francs": "CHF", "kronor": "SEK", "krona": "SEK",
}  # fmt: skip
AMBIGUOUS = {"kr", "kr.", ",-"}  # Swedish, Norwegian or Danish krone: the code is needed

_SYMBOL_RE = "|".join(sorted((re.escape(s) for s in SYMBOLS), key=len, reverse=True))
# One amount with what may stand around it: a symbol or code before, k/m and a code or word after.
AMOUNT = re.compile(
    rf"(?P<pre>(?:{_SYMBOL_RE}|\b[A-Z]{{3}}\b|\bkr\.?)?)\s?"
    rf"(?P<num>{NUMBER})"
    rf"(?P<mult>\s?(?:k|K|m|M|mn|million|thousand)\b)?"
    rf"(?P<post>\s?(?:{_SYMBOL_RE}|\b[A-Z]{{3}}\b|kr\.?|[a-z]+)?)"
)


def _per(units: str) -> str:
    """'per year', 'a year', 'each year', '/ year', '/yr' for the given unit words."""
    return rf"(?:\b(?:per|a|an|each|every)\s+|/\s*)(?:{units})\b"


PERIOD_PATTERNS = [
    ("credit", _per(r"credit|credit hour|cr|unit|ects|module")),
    ("semester", _per(r"semester|sem") + r"|\bsemesterly\b"),
    ("trimester", _per(r"trimester")),
    ("term", _per(r"term")),
    ("quarter", _per(r"quarter")),
    ("month", _per(r"month|mo|mth") + r"|\bmonthly\b|\bp\.\s?m\.?(?=\W|$)|\bpcm\b"),
    ("week", _per(r"week|wk") + r"|\bweekly\b"),
    ("year", _per(r"year|yr|annum|academic year|session|ay") + r"|\bp\.?\s?a\.?(?=\W|$)|\bannual(?:ly)?\b|\byearly\b"),
    (
        "total",
        r"\btotal\b|\bwhole (?:course|programme|program|degree)\b|\bfull (?:course|programme|program|degree)\b|"
        r"\boverall\b|\bentire\b",
    ),
]
_PERIODS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in PERIOD_PATTERNS]
_FREE = re.compile(
    r"^(?:free|none|no fees?|no tuition(?: fees?)?|tuition[- ]free|fully funded|fees? waived|waived|nil fees?)\b",
    re.IGNORECASE,
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6}


@dataclass(frozen=True)
class MoneyRules:
    """What the parser needs from the profile and the column."""

    base: str
    rates: dict[str, float]
    symbols: dict[str, str]
    default_currency: str  # for a bare number
    default_period: str  # for an amount with no stated period
    prefer: str | None  # label whose amount is used when a cell lists several


def _currency_of(pre: str, post: str, rules: MoneyRules) -> tuple[str | None, str | None]:
    """(code, problem): the currency named next to an amount."""
    for token in (pre.strip(), post.strip()):
        if not token:
            continue
        if token in rules.symbols:
            return rules.symbols[token], None
        if token.lower() in AMBIGUOUS:
            return None, f"{token!r} could be Swedish, Norwegian or Danish kroner; write SEK, NOK or DKK"
        if token in SYMBOLS:
            return SYMBOLS[token], None
        if token.lower() in WORDS:
            return WORDS[token.lower()], None
        if re.fullmatch(r"[A-Z]{3}", token):
            return token, None
    return None, None


_SCIENTIFIC = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])")


def _period_of(text: str) -> str | None:
    for name, pattern in _PERIODS:
        if pattern.search(text):
            return name
    return None


def parse_money(raw: object, rules: MoneyRules) -> Cell:
    """The amount in the base currency, with its period (``Cell.period``)."""
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not an amount of money")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite amount")
        return _convert(float(raw), rules.default_currency, rules.default_period, rules, "", None)
    text = clean(str(raw))
    if not text:
        return Cell(NAN, MISSING)
    if _FREE.match(text) and not re.search(r"\d", text):
        return Cell(0.0, OK, None, "total")
    scientific = _SCIENTIFIC.search(text)
    if scientific:  # "1.2E+04", as spreadsheets export big numbers: written out, or refused when absurd
        number = float(scientific.group(0))
        if not math.isfinite(number) or abs(number) >= 1e15:
            return Cell(NAN, ERROR, "not a plausible amount (too large)")
        text = text[: scientific.start()] + f"{number:.2f}" + text[scientific.end() :]
    matches = [m for m in AMOUNT.finditer(text) if re.search(r"\d", m.group("num"))]
    if not matches:
        if missing_marker(text) or not re.search(r"\d", text):
            return not_stated(text) if missing_marker(text) else Cell(NAN, ERROR, "no amount found")
        return Cell(NAN, ERROR, "no amount found")

    priced = [m for m in matches if _names_currency(m)]
    if priced:
        matches = priced  # "36 credits" or "2 years" beside a price are not amounts
    chosen, note = 0, None
    if len(matches) > 1:
        if rules.prefer:
            label = re.search(re.escape(rules.prefer), text, re.IGNORECASE)
            after = [i for i, m in enumerate(matches) if label and m.start() >= label.end()]
            if after:
                chosen = after[0]
            else:
                note = f"several amounts and none after {rules.prefer!r}; used the first"
        else:
            note = 'several amounts; used the first (set prefer = "label" in the profile to choose)'
    match = matches[chosen]
    start = matches[chosen - 1].end() if chosen > 0 else 0
    end = matches[chosen + 1].start() if chosen + 1 < len(matches) else len(text)
    clause = text[start:end]

    price = Price.fromstring(match.group("num"))
    if price.amount is None:
        return Cell(NAN, ERROR, "no amount found")
    amount = float(price.amount)
    if match.group("mult"):
        amount *= _MULTIPLIERS[match.group("mult").strip().lower()]
    sign_at = match.start("num") - 1
    while sign_at >= 0 and text[sign_at] == " ":
        sign_at -= 1
    pre = match.group("pre")
    minus_before_symbol = bool(pre) and match.start() > 0 and text[match.start() - 1] == "-"
    if (sign_at >= 0 and text[sign_at] == "-" and not pre) or minus_before_symbol:
        amount = -amount
    post = match.group("post")
    if post and post.strip().islower() and post.strip().lower() not in WORDS and post.strip().lower() not in AMBIGUOUS:
        post = ""  # an ordinary word after the amount ("12,000 per year")
    code, problem = _currency_of(pre, post, rules)
    if problem:
        return Cell(NAN, ERROR, problem)
    if code is None:
        # a symbol elsewhere in the clause: "Fees (GBP): 9,250"
        code, problem = _currency_of("", _loose_currency(clause, rules), rules)
        if problem:
            return Cell(NAN, ERROR, problem)
    period = _period_of(clause) or _period_of(text) if len(matches) == 1 else _period_of(clause)
    if period == "credit":
        # "$447.60 per credit (36 credits)": the cell itself says how many
        count = re.search(rf"({NUMBER})\s*(?:credits|credit hours|units|ects)\b", text, re.IGNORECASE)
        if count:
            amount *= float(number_value(count.group(1)))
            period = "total"
    return _convert(amount, code or rules.default_currency, period or rules.default_period, rules, text, note)


def _names_currency(match: re.Match[str]) -> bool:
    post = match.group("post").strip()
    return bool(match.group("pre").strip()) or (bool(post) and (not post.islower() or post.lower() in WORDS))


def _loose_currency(clause: str, rules: MoneyRules) -> str:
    for token in re.findall(rf"{_SYMBOL_RE}|\b[A-Z]{{3}}\b", clause):
        if token in rules.symbols or token in SYMBOLS or token in rules.rates or token == rules.base:
            return token
    return ""


def _convert(amount: float, code: str, period: str, rules: MoneyRules, text: str, note: str | None) -> Cell:
    rate = 1.0 if code == rules.base else rules.rates.get(code)
    if rate is None:
        return Cell(
            NAN,
            ERROR,
            f"unknown currency {code}: the profile has no rate for it "
            f"(add {code} = <value of 1 {code} in {rules.base}> to [currency] rates)",
        )
    if amount < 0:
        return Cell(NAN, ERROR, "a fee cannot be negative")
    if not math.isfinite(amount) or amount >= 1e15:
        return Cell(NAN, ERROR, "not a plausible amount (too large)")
    value = amount * rate
    if note:
        return Cell(value, ASSUMED, note, period)
    return Cell(value, OK, None, period)

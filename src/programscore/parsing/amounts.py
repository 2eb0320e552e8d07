"""Step two of reading a fee cell: every amount it mentions, with its currency, multiplier and range,
and what its context says of it (period, role, whether it is a bound).

Masked text (``mentions.mask_noise``) comes in, so no link, phone number or year is ever an amount.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .currencies import (
    CURRENCY,
    FAMILIES,
    ISO,
    MULTIPLIERS,
    NOT_CODES,
    POST_ONLY,
    SYMBOLS,
    WORDS,
    country_currency,
    currency_code,
)
from .fee_words import BOUND, COUNTED, MONEY_WORDS, PART_TIME, ROLE_PATTERNS, TUITION, period_of
from .mentions import MASK, MONTH, Context, contexts

if TYPE_CHECKING:
    from .money import MoneyRules

# An amount as catalogues write it: 1,234.5 / 1.234,5 / 180 000 / 1'460 / 2,50,000 (lakh style) / 9250
NUM = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"
    r"|\d{1,3}(?:(?P<sep>[,.'’\u00a0 ])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d{1,2}(?!\d))?"
    r"|\d+(?:[.,]\d+)?)"
)
_MULT = r"(?:\s?(?:k|K|m|M|mn|bn)\b|\s(?:thousand|million|lakhs?|lacs?|crores?)\b|万|萬|만)"
NOT_A_CODE = "|".join(sorted(NOT_CODES))  # "PER" in "£9,250 PER YEAR" is a word, not a currency code
AMOUNT = re.compile(
    rf"(?P<pre>{CURRENCY}|\b(?-i:[A-Z]{{3}})(?=\d))?\s?(?P<num>{NUM.replace('sep', 'sep1')})(?P<mult1>{_MULT})?"
    rf"(?:(?P<mid>\s?{CURRENCY})?\s?(?:-|–|to|bis|till|until|a|à|hasta|tot)\s?(?P<pre2>{CURRENCY})?\s?"
    rf"(?P<num2>{NUM.replace('sep', 'sep2')})"
    rf"(?P<mult2>{_MULT})?)?"
    rf"(?P<post>(?!\s?(?-i:{NOT_A_CODE})\b)(?:\s?{CURRENCY}|(?-i:[A-Z]{{3}})\b))?(?:[.,]-|[.,]–|/-)?",
    re.IGNORECASE,
)


@dataclass
class Amount:
    """One amount a cell mentions, with what its context says of it."""

    start: int
    end: int
    high: float  # the amount (a range's upper end)
    low: float  # a range's lower end (= high for one amount)
    currency: str | None
    context: Context
    period: str | None = None
    role: str = "tuition"
    bound: str | None = None  # "from" / "up to": the amount is a bound, not the fee
    problem: str | None = None  # a currency that cannot be told
    symbol: str = ""  # the currency as written
    doubts: list[str] = field(default_factory=list)  # what the context leaves unsure (said in a warning)

    @property
    def is_range(self) -> bool:
        return self.low != self.high


_LAKH = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?")
_GROUPED = re.compile(r"(\d{1,3})((?:([,.' ])\d{3})(?:\3\d{3})*)(?:[.,](\d{1,2}))?")
_SIMPLE_NUMBER = re.compile(r"(\d+)(?:([.,])(\d+))?")


def amount_value(token: str) -> float:
    """The value of one written amount: ``12,500`` and ``12.500`` are 12500, ``12.5`` and ``1,5`` are 12.5
    and 1.5, ``2,50,000`` is 250000, ``180 000`` and ``1'460`` are thousands."""
    token = token.strip().replace("\u00a0", " ").replace("’", "'")
    if token.isdigit():
        return float(token)
    if _LAKH.fullmatch(token):
        return float(token.replace(",", ""))
    grouped = _GROUPED.fullmatch(token)
    if grouped:
        whole = grouped.group(1) + "".join(ch for ch in grouped.group(2) if ch.isdigit())
        decimals = grouped.group(4)
        return float(whole + ("." + decimals if decimals else ""))
    simple = _SIMPLE_NUMBER.fullmatch(token)
    if simple is None:
        raise ValueError(token)
    whole, _, decimals = simple.groups()
    if decimals is None:
        return float(whole)
    if len(decimals) == 3:  # 12.500 and 1,500: a thousands separator, as money is written
        return float(whole + decimals)
    return float(f"{whole}.{decimals}")


def find_amounts(masked: str, text: str, rules: MoneyRules) -> list[Amount]:
    """Every amount in the (masked) cell, with currency, range, context, period, role and bound."""
    found = []
    for match in AMOUNT.finditer(masked):
        num = match.group("num")
        if not num or not _stands_alone(masked, match):
            continue
        pre, post = (match.group("pre") or "").strip(), (match.group("post") or "").strip()
        pre2 = (match.group("pre2") or "").strip()
        if pre in POST_ONLY or pre.lower() in POST_ONLY:
            pre = ""  # "won 3 awards": a word before a figure, not a currency
        if not post and match.group("mid"):
            post = match.group("mid").strip()
        before = re.search(r"\b((?-i:[A-Z]{3}))\s?$", masked[: match.start()])
        if before and before.group(1) in ISO and not pre[:3].isupper():
            pre = before.group(1)  # "AUD $49,500": the code says which dollar
        symbol = pre or pre2 or post
        currency, problem = _currency(pre or pre2, post, text, rules)
        if currency is None and problem is None and re.fullmatch(r"[A-Z]{3}", post) and post not in NOT_CODES:
            problem = (
                f"unknown currency {post}: the profile has no rate for it "
                f"(add {post} = <value of 1 {post} in {rules.base}> to [currency] rates)"
            )
        high = amount_value(num) * _multiplier(match.group("mult1") or match.group("mult2"))
        low = high
        if match.group("num2"):
            second = amount_value(match.group("num2")) * _multiplier(match.group("mult2"))
            if not match.group("mult1") and match.group("mult2"):
                high = amount_value(num) * _multiplier(match.group("mult2"))  # "£9-12k"
            low, high = high, second
            if high < low:  # "£1,200 - 50 per credit" is no range: keep the first figure
                high = low
        if currency is None and problem is None and "\ufffd" in masked[max(0, match.start() - 2) : match.start("num")]:
            problem = "the currency symbol was lost in the file's encoding (�): read the file with --encoding"
        if currency is None and problem is None:
            problem = _unknown_unit(masked, match)
        if _negative(masked, match.start()):
            problem = "a fee cannot be negative"
        amount = Amount(match.start(), match.end(), high, low, currency, Context("", ""), problem=problem)
        amount.symbol = symbol
        found.append(amount)
    if not found:
        return []
    if any(a.currency or a.problem for a in found):  # bare figures beside priced ones are no amounts
        found = [a for a in found if a.currency or a.problem]
    for amount, context in zip(found, contexts(masked, [(a.start, a.end) for a in found]), strict=True):
        amount.context = context
        # a bracket that counts something ("(3 quarters per year)", "(52-58 credits)") is not the amount's period
        tail = _COUNTING_BRACKET.sub(" ", context.tail)
        stated = [p for p in map(period_of, (tail, context.lead, context.wide_tail, context.wide_lead)) if p]
        if stated and stated[0] == "total" and any(p in ("credit", "module") for p in stated):
            stated.remove("total")  # "Cost per credit $1,150 Total credits 30": the total labels the count
        amount.period = (stated or [None])[0] or (
            period_of(context.heading) if context.heading and period_of(context.heading) != "total" else None
        )
        if amount.period == "term" and re.search(r"\bfall\b|\bspring\b|\bautumn semester\b", text, re.I):
            amount.period = "semester"  # American terms: fall and spring
        unknown = _UNKNOWN_PER.match(tail)
        if amount.period is None and unknown and not COUNTED.match(unknown.group(1)):
            per = unknown.group(1)
            amount.doubts.append(f"a fee per {per!r}, a period programscore does not know: read as the total")
        amount.role = _role_of(context)
        if amount.role == "instalment" and amount.period not in (None, "total"):
            amount.role = "tuition"  # "€650/month": a fee per month, paid as it says
        bound = BOUND.search(context.lead)
        amount.bound = bound.group(0).strip().lower() if bound else None
    for previous, amount in itertools.pairwise(found):
        # "Application fee: $90 ($75 for early deadline)": a figure in brackets right after another is its variant
        inside = re.fullmatch(r"\s*\([^()]*", masked[previous.end : amount.start])
        if inside and previous.role != "tuition" and amount.role == "tuition" and not TUITION.search(inside.group(0)):
            amount.role = previous.role
    _shared_period(found, masked)
    return _currency_for_bare(_resolve_families(found, masked, text, rules), masked, text, rules)


# Short capitalised words that stand beside a figure without being a currency ("Fee 9,250", "UK 9,250").
_NOT_UNITS = frozenset(
    [
        "uk", "eu", "eea", "ms", "msc", "ma", "mba", "phd", "llm", "meng", "mres", "mfa", "mph", "fee", "fees",
        "total", "year", "yr", "home", "band", "no", "tel", "ref", "id", "room", "top", "only", "from", "up", "upto",
        "is", "at", "of", "to", "by", "pay", "plus", "cost", "costs", "tuition", "per", "the", "for", "and", "or",
        "approx", "ca", "circa", "about", "around", "over", "under", "min", "max", "non", "all", "new", "via", "inc",
        "incl", "excl", "part", "full", "time", "term", "each", "a", "an", "est", "avg", "year1", "year2", "intl",
        "int", "uk/eu", "price", "sem", "fall", "fy", "ay", "cat", "gbp", "page", "step", "unit", "rate", "fixed",
        "net", "gpa", "cgpa", "gre", "gmat", "ielts", "toefl", "sat", "act", "pte", "room", "bldg", "unit",
    ]
)


def _unknown_unit(masked: str, match: re.Match[str]) -> str | None:
    """A capitalised short word glued to a bare figure ("KSh 380,000", "380,000 Rp") is likely a currency
    programscore does not know: say so rather than read the figure in the default currency."""
    before = re.search(r"(?<![\w.])([A-Z][A-Za-z]{0,3}\.?)\s?$", masked[: match.start("num")])
    after = re.match(r"\s?([A-Z][A-Za-z]{0,3})(?![\w])", masked[match.end() :])
    for found in (before, after):
        if found and found.group(1).rstrip(".").lower() not in _NOT_UNITS and not MONTH.fullmatch(found.group(1)):
            word = found.group(1)
            return f"{word!r} beside the figure may be a currency programscore does not know: write its ISO code"
    return None


_COUNTING_BRACKET = re.compile(r"\(\s*\d[^()]*\)")
_UNKNOWN_PER = re.compile(
    r"\s*(?:(?:per|pro|por|je|pr\.?|par)\s+|/\s*)(?!(?:full|whole|entire|the|person|student|head|capita)\b)"
    r"((?:\d+(?:\.\d+)?[- ]?)?[^\W\d_][\w-]*)",
    re.IGNORECASE,
)


def _shared_period(amounts: list[Amount], masked: str) -> None:
    """"£12,750 (UK) | £27,900 (International) per year": a period after the last figure, when no other
    figure states one, covers them all."""
    stated = [a for a in amounts if a.period]
    if len(amounts) > 1 and len(stated) == 1 and stated[0] is amounts[-1] and stated[0].period != "total":
        after_bracket = re.match(r"\s*\([^()]*\)(.*)", amounts[-1].context.tail)
        if after_bracket and period_of(after_bracket.group(1)):  # the period follows the figure and its bracket
            for amount in amounts[:-1]:
                amount.period = stated[0].period


def _negative(masked: str, start: int) -> bool:
    """A minus sign right before an amount ("-£500", "fee: -500"), not a dash after a word or figure."""
    if start == 0 or masked[start - 1] != "-":
        return False
    before = masked[: start - 1].rstrip()
    return not before or before[-1] in "(:="


def _stands_alone(masked: str, match: re.Match[str]) -> bool:
    """Digits glued to letters (``4870f``, ``SW7``, ``12th``) or counted things are no amount."""
    start, _end = match.span("num")
    before = masked[start - 1] if start > 0 else " "
    after_text = masked[match.end() :] if match.end() < len(masked) else ""
    if before.isalpha() and not (match.group("pre") or "").strip() and ord(before) < 0x2E80:
        return False  # (a figure right after Chinese or Japanese text stands alone: "年額535,800円")
    if (before and before in "/#" + MASK) or (before == "-" and start > 1 and masked[start - 2].isalnum()):
        return False
    glued_period = re.match(r"(?:pa|pm|pcm|pw)\b", after_text, re.IGNORECASE)  # "9250pa": per year
    if (after_text[:1].isalpha() and not glued_period) or after_text[:1] == MASK or re.match(r"[:.]\d", after_text):
        return False
    if before == ":" and start > 1 and masked[start - 2].isdigit():
        return False
    if after_text[:1] == "/" and not re.match(r"/\s*[^\W\d_]", after_text):
        return False
    has_currency = bool((match.group("pre") or "").strip() or (match.group("post") or "").strip()
                        or (match.group("pre2") or "").strip())  # fmt: skip
    return not (not has_currency and COUNTED.match(after_text))


def _multiplier(suffix: str | None) -> float:
    if not suffix:
        return 1.0
    word = suffix.strip().lower()
    if word == "bn":
        return 1e9
    return MULTIPLIERS[word]


def _resolve_families(amounts: list[Amount], masked: str, text: str, rules: MoneyRules) -> list[Amount]:
    """``$`` in a cell that says "(all amounts CAD)" or "(pesos chilenos)", ``kr`` in a SEK column,
    ``¥`` beside "RMB"."""
    loose = {t for t in re.findall(r"\b(?-i:[A-Z]{3})\b", masked) if t in ISO}
    loose |= {WORDS[w.lower()] for w in _LONG_WORDS.findall(text)}
    if re.search(r"\bRMB\b|人民币|yuan|元", text, re.IGNORECASE):
        loose.add("CNY")
    for amount in amounts:
        family = FAMILIES.get(amount.symbol.lower()) or FAMILIES.get(amount.symbol)
        if not family:
            continue
        named = loose & family
        country = country_currency(text, family)
        if len(named) == 1:
            amount.currency, amount.problem = named.pop(), None
        elif country:
            amount.currency, amount.problem = country, None  # "$45,000 per year (McGill, Montréal, Canada)"
        elif rules.currency_stated and rules.default_currency in family:
            amount.currency, amount.problem = rules.default_currency, None
        elif amount.symbol.rstrip(".").lower() in ("¥", "rs") and amount.symbol not in rules.symbols:
            amount.doubts.append(f"{amount.symbol!r} read as {amount.currency} (it names other currencies too)")
    return amounts


_LONG_WORDS = re.compile(
    "|".join(rf"\b{re.escape(w)}\b" for w in sorted((w for w in WORDS if " " in w), key=len, reverse=True)), re.I
)


def _currency(pre: str, post: str, text: str, rules: MoneyRules) -> tuple[str | None, str | None]:
    """(code, problem) of the currency named next to an amount; a code beats a symbol ("$7,500 CAD")."""
    if re.fullmatch(r"[A-Z]{3}", post) and post in ISO and pre in SYMBOLS:
        pre = ""
    for token in (pre, post):
        if not token:
            continue
        code, problem = currency_code(token, text, rules)
        if code or problem:
            return code, problem
    return None, None


def _currency_for_bare(amounts: list[Amount], masked: str, text: str, rules: MoneyRules) -> list[Amount]:
    """Bare figures beside priced ones are not amounts; a lone currency elsewhere in the cell ("Fees
    (EUR): 12,000") names the bare ones' currency; a bare figure with nothing to say it is money
    ("Number of places: 40", "IELTS 6.5") is marked as no amount."""
    priced = [a for a in amounts if a.currency or a.problem]
    if priced:
        return priced
    loose = _loose_currency(masked, text, rules)
    for amount in amounts:
        if loose:
            amount.currency = loose
        elif not _money_like(amount, masked, rules):
            amount.role = "figure that is not an amount"
    return amounts


def _money_like(amount: Amount, masked: str, rules: MoneyRules) -> bool:
    """A figure with no currency is an amount only when something says so: fee words around it, a
    currency from the column or profile, or a cell that is little more than the figure."""
    if amount.high < 100 and amount.high != 0:
        return False  # no tuition fee is under 100: a band, a count, a score
    return bool(
        rules.currency_stated or MONEY_WORDS.search(amount.context.wide) or MONEY_WORDS.search(amount.context.words)
    )


def _loose_currency(masked: str, text: str, rules: MoneyRules) -> str | None:
    codes = set()
    for token in re.finditer(CURRENCY, masked, re.IGNORECASE):
        code, _ = currency_code(token.group(0), text, rules)
        if code and (token.group(0).strip().upper() != token.group(0).strip() or len(token.group(0).strip()) != 3
                     or token.group(0).strip() in ISO):  # fmt: skip
            codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def _role_of(context: Context) -> str:
    """What an amount is, from the words right after it ("£1,500 placement fee"), then right before it
    ("Application fee: £50", "loans of up to £11,836"). A bracket after it speaks of something else."""
    near_tail = " ".join(re.split(r"[(\[]", context.tail)[0].split()[:6])
    bracket = re.match(r"\s*\(([^()]*)\)", context.wide_tail)
    if (bracket and PART_TIME.search(bracket.group(1))) or PART_TIME.search(context.tail):
        return "part-time fee"  # "£5,625 per year (part-time, 2 years)", "£10,500 per year for 2 years part time"
    near_lead = " ".join(context.lead.split()[-7:])
    for part in (near_tail, near_lead):
        for name, pattern in ROLE_PATTERNS:
            if pattern.search(part):
                if name == "placement fee" and not re.search(r"fee|cost|charge|extra|additional|\+", part, re.I):
                    continue  # "with placement: £12,000" is a tuition fee
                if name == "instalment" and re.search(r"\btotal\b", f"{near_lead} {near_tail}", re.IGNORECASE):
                    continue  # "total €13,500 payable in three instalments" is the whole fee
                return name
    if PART_TIME.search(near_lead) or PART_TIME.search(near_tail):
        return "part-time fee"
    return "tuition"



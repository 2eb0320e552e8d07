"""Step three of reading a fee cell: which of its amounts is the tuition fee, or why none is.

Amounts come classified from ``amounts``; what is left out is named in the notes (the reading), what is
guessed in the doubts (the warning).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .amounts import Amount
from .fee_words import ARTICLE, AUDIENCE, EXCLUDED, RESTATED, TUITION
from .mentions import MASTERS, Context, quote
from .text import ERROR, MISSING, NAN, OK, Cell

if TYPE_CHECKING:
    from .money import MoneyRules


def choose(
    text: str, amounts: list[Amount], free: list[re.Match[str]], rules: MoneyRules
) -> Cell | tuple[Amount, list[str], list[str]]:
    """Decide which amount is the tuition fee (with what was decided and what was guessed), or say, as a
    Cell, that none is and why.

    ``notes`` say what was decided (they go into the reading); ``doubts`` say what was guessed (they
    also become the warning).
    """
    notes: list[str] = []
    doubts: list[str] = []
    if free:  # beside "no tuition", a semester fee is the students' contribution, not tuition
        for amount in amounts:
            if re.search(r"semester fee|semestergebühr", amount.context.wide, re.IGNORECASE):
                amount.role = "contribution"
    tuition = [a for a in amounts if a.role not in EXCLUDED]
    left_out = [a for a in amounts if a.role in EXCLUDED]
    if left_out:
        notes.append("not tuition: " + ", ".join(_describe(a, rules) for a in left_out))
    if free and not tuition:
        reading = f"no tuition fee, from {quote(free[0].group(0))}" + "".join(f"; {n}" for n in notes)
        return Cell(0.0, OK, None, "total", 0.0, reading)
    if not tuition:
        roles = list(dict.fromkeys(a.role for a in left_out))
        names = " and ".join(ARTICLE.get(r, f"a {r}") for r in roles[:2])
        return Cell(NAN, MISSING, f"only {names}, not a tuition fee: treated as missing")
    readable = [a for a in tuition if not a.problem]
    if not readable:
        return Cell(NAN, ERROR, tuition[0].problem)
    tuition = _drop_restatements(readable, text)
    if all(a.role == "other award" for a in tuition):
        return Cell(NAN, MISSING, "only the fee of another award or course, not the Master's: treated as missing")
    if all(a.role == "part-time fee" for a in tuition):
        doubts.append("only a part-time fee is given")
    parts = [a for a in tuition if a.role == "instalment"]
    if parts and len(parts) == len(tuition):
        if len(parts) > 1 and len({a.currency for a in parts}) == 1:
            # "First instalment £6,000 ...; balance of £12,000": the payments together are the fee
            summed = Amount(parts[0].start, parts[-1].end, sum(a.high for a in parts), sum(a.low for a in parts),
                            parts[0].currency, parts[0].context, period=parts[0].period)  # fmt: skip
            notes.append("the payments added up: " + " + ".join(figure(a.high) for a in parts))
            return summed, notes, doubts
        deposits = [a for a in left_out if a.role == "deposit"]
        if len(parts) == 1 and deposits and re.search(r"\bbalance\b|\bremainder\b", parts[0].context.words, re.I):
            # "Registration deposit £500; balance of £12,450": the deposit and the balance are the fee
            whole = [deposits[0], parts[0]]
            summed = Amount(whole[0].start, whole[1].end, sum(a.high for a in whole), sum(a.low for a in whole),
                            parts[0].currency, parts[0].context, period=parts[0].period)  # fmt: skip
            notes.append(f"the deposit and the balance added up: {figure(whole[0].high)} + {figure(whole[1].high)}")
            return summed, notes, doubts
        return Cell(NAN, MISSING, "only a part payment of the fee, not the whole: treated as missing")
    for role, why in (("other award", "another award"), ("instalment", "a part payment"),
                      ("part-time fee", "the part-time fee")):  # fmt: skip
        kept = [a for a in tuition if a.role != role]
        if kept and len(kept) < len(tuition):
            notes.append(f"left out {_listing([a for a in tuition if a.role == role], rules)} ({why})")
            tuition = kept
    extras = [a for a in tuition if a.role == "placement fee"]
    if extras and len(extras) < len(tuition):
        doubts.append(f"tuition only: {_listing(extras, rules)} ({extras[0].role}) not added")
        tuition = [a for a in tuition if a.role != "placement fee"]
    if free:
        tuition = sorted([*tuition, *(_free_amount(m, text) for m in free)], key=lambda a: a.start)
    chosen, doubt = _pick(tuition, rules)
    if doubt:
        doubts.append(doubt)
    return chosen, notes, doubts


def _free_amount(match: re.Match[str], text: str) -> Amount:
    lead = text[max(0, match.start() - 40) : match.start()]
    tail = text[match.end() : match.end() + 60]
    tail = re.split(r"[;|\n]|\.\s", tail)[0]
    return Amount(match.start(), match.end(), 0.0, 0.0, None, Context(lead, tail), period="total")


def _drop_restatements(amounts: list[Amount], text: str) -> list[Amount]:
    """A second figure in brackets right after a first (``€12,500 (about £10,700)``) restates it; figures in
    a bracket that add up to the one before it (``9.900 € (matrícula 1.000 € + 8.900 €)``) are its parts."""
    kept: list[Amount] = []
    for i, amount in enumerate(amounts):
        if kept:
            between = text[kept[-1].end : amount.start]
            if "(" in between and RESTATED.match(between.split("(")[-1]) and kept[-1].currency != amount.currency:
                continue
            if "(" in between and ")" not in between.split("(")[-1] and _breakdown(kept[-1], amounts[i:], text):
                continue
            if "(" in between and ")" not in between.split("(")[-1] and _per_period_restated(kept[-1], amount):
                continue
        kept.append(amount)
    return kept


def _per_period_restated(whole: Amount, inner: Amount) -> bool:
    """"£19,500 (£9,750 per year for two years)": a bracketed fee per period that makes up the one before it."""
    if inner.period in (None, "total") or not inner.high or inner.currency != whole.currency:
        return False
    ratio = whole.high / inner.high
    return any(abs(ratio - n) <= 0.01 * n for n in (1, 2, 3, 4, 6, 8))


def _breakdown(whole: Amount, following: list[Amount], text: str) -> bool:
    """Whether the figures in the bracket after ``whole`` add up to it."""
    close = text.find(")", whole.end)
    inside = [a for a in following if close < 0 or a.end <= close]
    total = sum(a.high for a in inside)
    return len(inside) > 1 and abs(total - whole.high) <= 0.01 * whole.high


def _pick(amounts: list[Amount], rules: MoneyRules) -> tuple[Amount, str | None]:
    """The amount to use among several tuition amounts, and the doubt if the choice is a guess."""
    if len(amounts) == 1:
        return amounts[0], None
    for label in rules.preferred:
        pattern = _label_pattern(label)
        for where in ("words", "wide", "heading"):
            matches = [a for a in amounts if pattern.search(getattr(a.context, where) or "")]
            if matches:
                return matches[0], None
    fee_totals = [a for a in amounts if re.search(r"\btotal (?:tuition|fee|programme fee|course fee|cost of tuition)|"
                                              r"\btuition (?:fee )?total", a.context.words, re.IGNORECASE)]  # fmt: skip
    if fee_totals and len(fee_totals) < len(amounts):
        return fee_totals[0], None
    # "Tuition: $58,000/yr. Fees: $2,800/yr", "Tuition Fee INR 6,00,000; ... Total: INR 8,00,000": the one
    # amount labelled tuition, when the others are not fees for other students
    labelled = [a for a in amounts if TUITION.search(" ".join(a.context.lead.split()[-6:]))]
    others = [a for a in amounts if a not in labelled]
    if len(labelled) == 1 and not any(AUDIENCE.search(f"{a.context.words} {a.context.heading}") for a in others):
        return labelled[0], None
    # a total beside the same fee per year or per semester (not beside other students' fees)
    totals = [a for a in amounts if re.search(r"\btotal\b|=\s*$", a.context.words, re.IGNORECASE)]
    per_period = [a for a in amounts if a not in totals and a.period not in (None, "total")]
    if totals and per_period and len(totals) + len(per_period) == len(amounts):
        return totals[0], None
    masters = [a for a in amounts if MASTERS.search(a.context.words)]
    if len(masters) == 1:
        return masters[0], None
    years = [_year_of(a) for a in amounts]
    if all(years) and years == list(range(1, len(amounts) + 1)):
        # "Year 1: £12,000; Year 2: £12,500": the programme costs the years together
        total = sum(a.high for a in amounts)
        summed = Amount(amounts[0].start, amounts[-1].end, total, sum(a.low for a in amounts), amounts[0].currency,
                        Context(amounts[0].context.lead, amounts[-1].context.tail), period="total")  # fmt: skip
        return summed, None
    if len({(a.high, a.low, a.currency or "") if a.high else 0 for a in amounts}) == 1:
        # the same fee written twice, perhaps with two periods: the whole programme needs no length
        totals = [a for a in amounts if a.period == "total"]
        return (totals or amounts)[0], None
    listed = _listing(amounts[:4], rules)
    if rules.preferred:
        wanted = ", ".join(repr(p) for p in rules.preferred)
        return amounts[0], f"several amounts ({listed}) and none labelled {wanted}; used the first"
    return amounts[0], f'several amounts ({listed}); used the first (set prefer = "label" in the profile to choose)'


_ORDINAL_YEARS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def _year_of(amount: Amount) -> int | None:
    """Which year of study an amount is for: "Year 1: £12,000", "€7,200 (second year)"."""
    lead = re.fullmatch(r"(?:year|yr)\s*(\d)\s*[:-]?", amount.context.lead, re.IGNORECASE)
    if lead:
        return int(lead.group(1))
    tail = re.match(r"\s*\(?\s*(?:(first|second|third|1st|2nd|3rd)\s+year|year\s*(\d))\b", amount.context.tail, re.I)
    if tail:
        return _ORDINAL_YEARS[tail.group(1).lower()] if tail.group(1) else int(tail.group(2))
    return None


def _label_pattern(label: str) -> re.Pattern[str]:
    escaped = re.escape(label.strip())
    lead = r"(?<!non-)(?<!non )(?<!non)" if not label.lower().startswith("non") else ""
    return re.compile(rf"{lead}(?<!\w){escaped}(?!\w)", re.IGNORECASE)


def _describe(amount: Amount, rules: MoneyRules) -> str:
    what = ARTICLE.get(amount.role, f"a {amount.role}")
    return f"{what} of {figure(amount.high)} {amount.currency or rules.default_currency}"


def _listing(amounts: list[Amount], rules: MoneyRules) -> str:
    return ", ".join(f"{figure(a.high)} {a.currency or rules.default_currency}" for a in amounts)


def figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

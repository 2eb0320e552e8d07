"""Stage 3: turn each criterion's raw cells into numbers in canonical units.

Catalogues repeat values heavily, so each distinct cell value is parsed once and the results are
spread back over the rows with numpy indexing. Every cell that cannot be read, or was read with an
assumption, becomes an issue with its sheet coordinates; nothing here raises on bad data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import ProfileError
from ..issues import empty_issues, make_issues
from ..profiles import Criterion, Profile
from .duration import parse_duration
from .money import MoneyRules, parse_money
from .simple import parse_boolean, parse_percent, parse_rating
from .text import ASSUMED, ERROR, MISSING, NAN, OK, Cell, clean, parse_number

__all__ = ["Cell", "ParsedColumn", "parse_cells", "parser_for"]

STATUSES = (OK, MISSING, ASSUMED, ERROR)


@dataclass
class ParsedColumn:
    """One criterion's cells, parsed. ``values`` are NaN where missing or unreadable."""

    key: str
    column: str
    values: np.ndarray
    statuses: np.ndarray  # index into STATUSES per row
    period_codes: np.ndarray | None  # money only: index into period_names per row
    issues: pd.DataFrame
    period_names: tuple[str | None, ...] = ()  # the periods fees are stated for ("year", "credit", None)
    lows: np.ndarray | None = None  # the lower end where a cell gave a range (``values`` holds the upper), else NaN

    @property
    def periods(self) -> np.ndarray | None:
        """The period each fee covers, per row (None: the whole programme)."""
        if self.period_codes is None:
            return None
        return np.array(self.period_names, dtype=object)[self.period_codes]

    def counts(self) -> dict[str, int]:
        found = np.bincount(self.statuses, minlength=len(STATUSES))
        return {name: int(found[i]) for i, name in enumerate(STATUSES)}


def parser_for(criterion: Criterion, profile: Profile, header: str = "") -> Callable[[object], Cell]:
    """The cell parser for a criterion (with the column header's unit or currency as a hint)."""
    kind = criterion.kind
    if kind == "number":
        return parse_number
    if kind == "money":
        header_currency = _currency_in_header(header, profile)
        header_period = period_in_header(header)
        rules = MoneyRules(
            base=profile.currency.base,
            rates=profile.currency.rates,
            symbols=dict(profile.currency.symbols),
            default_currency=criterion.currency or header_currency or profile.currency.base,
            default_period=criterion.period if criterion.period != "total" or not header_period else header_period,
            prefer=criterion.prefer,
            currency_stated=bool(criterion.currency or header_currency),
            period_stated=bool(header_period),
            scale=1000.0 if _THOUSANDS.search(header) else 1.0,
        )
        return lambda raw: parse_money(raw, rules)
    if kind == "duration":
        unit = _unit_in_header(header) or criterion.unit or "months"  # the sheet's own header says most
        return lambda raw: parse_duration(raw, unit)
    if kind == "boolean":
        return parse_boolean
    if kind == "rating":
        scale = (float(criterion.scale[0]), float(criterion.scale[1]))  # type: ignore[index]
        return lambda raw: parse_rating(raw, scale, criterion.levels)
    if kind == "percent":
        return parse_percent
    if kind == "keywords":
        return keyword_reader(criterion.match or [], criterion.unless or [])
    raise ValueError(f"unknown kind {kind!r}")  # profiles validate kinds; this is a programming error


_THOUSANDS = re.compile(r"000s|'000|\bthousands?\b|\(k\)|\bin k\b|\(£k\)|\(\$k\)|\(€k\)|\bk£|\bk€", re.IGNORECASE)


def _phrases(words: list[str]) -> re.Pattern[str]:
    """Whole words or phrases, any case, any spacing between their words."""
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words if w.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


NEAR = 40  # characters: how close an ``unless`` phrase must be to cancel a match (the same clause)


def keyword_reader(match: list[str], unless: list[str]) -> Callable[[object], Cell]:
    """kind = "keywords": 1 where a ``match`` phrase occurs, unless an ``unless`` phrase overlaps it or
    stands within NEAR characters of it in the same sentence; the reading quotes a few words around it."""
    wanted = _phrases(match)
    cancel = _phrases(unless) if unless else None

    def read(raw: object) -> Cell:
        text = clean(str(raw))
        if not text:
            return Cell(NAN, MISSING)
        cancelled = None
        for found in wanted.finditer(text):
            if cancel is not None:
                start = max(0, found.start() - NEAR)
                around = text[start : found.end() + NEAR]
                near = cancel.search(around)
                if near and _same_sentence(around, near.span(), (found.start() - start, found.end() - start)):
                    cancelled = cancelled or (found, near.group(0))
                    continue
            return Cell(1.0, OK, note=f"mentioned: {found.group(0)!r} in {_around(text, found.span())}")
        if cancelled:
            found, phrase = cancelled
            return Cell(0.0, OK, note=f"not mentioned: {found.group(0)!r} cancelled by {phrase!r} in "
                        f"{_around(text, found.span())}")  # fmt: skip
        return Cell(0.0, OK, note="not mentioned")

    return read


def _same_sentence(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    a, b = sorted([first, second])
    return not re.search(r"[.;!?|]\s", text[a[1] : b[0]]) if b[0] > a[1] else True


def _around(text: str, span: tuple[int, int], words: int = 4) -> str:
    """A few words either side of a match, quoted: never the whole description."""
    before = text[: span[0]].split()[-words:]
    after = text[span[1] :].split()[:words]
    shown = " ".join([*before, text[span[0] : span[1]], *after])
    lead = "..." if len(text[: span[0]].split()) > words else ""
    trail = "..." if len(text[span[1] :].split()) > words else ""
    return f'"{lead}{shown}{trail}"'


def _unit_in_header(header: str) -> str | None:
    words = re.findall(r"[a-z]+", header.lower())
    for unit, names in (("years", {"years", "year", "yrs"}), ("weeks", {"weeks"}), ("months", {"months", "mo"})):
        if names & set(words):
            return unit
    return None


def _currency_in_header(header: str, profile: Profile) -> str | None:
    """The currency a header names: "Fees (EUR)", "Tuition (£)", "Fee in euros"."""
    from .currencies import ISO, SYMBOLS, WORDS

    for token in re.findall(r"[A-Z]{3}|[£€$¥₹]|[A-Za-z]+", header):
        if token in profile.currency.rates or token == profile.currency.base or token in ISO:
            return token
        if token in SYMBOLS and not token.isalpha():
            return profile.currency.symbols.get(token, SYMBOLS[token])
        if token.lower() in WORDS and len(token) > 3:
            return WORDS[token.lower()]
    return None


def period_in_header(header: str) -> str | None:
    """The period a header states: "Tuition fee per year", "Fees (per annum)", "Fees per semester"."""
    from .fee_words import period_of as _period_of

    period = _period_of(header)
    return period if period != "total" else None


def parse_column(
    sheet: pd.DataFrame, column: str, key: str, parser: Callable[[object], Cell], limit: bool = True
) -> ParsedColumn:
    """Parse one column, each distinct value once. ``limit``: refuse cells too long to hold a value
    (free text searched for keywords has no such limit)."""
    codes, uniques = pd.factorize(sheet[column], use_na_sentinel=True)
    cells = [_finite(parser(value)) if not (limit and _too_long(value)) else TOO_LONG for value in uniques]
    cells.append(Cell(NAN, MISSING))  # code -1: an empty cell
    values = np.array([c.value for c in cells], dtype=np.float64)[codes]
    ends = np.array([c.low if c.low < c.value else NAN for c in cells], dtype=np.float64)
    lows = ends[codes] if np.isfinite(ends).any() else None
    statuses = np.array([STATUSES.index(c.status) for c in cells], dtype=np.int8)[codes]
    period_codes, period_names = None, ()
    if any(c.period for c in cells):
        period_names = tuple(dict.fromkeys(c.period for c in cells))
        period_codes = np.array([period_names.index(c.period) for c in cells], dtype=np.int16)[codes]
    has_message = np.array([c.message is not None for c in cells])
    issues = empty_issues()
    if has_message.any():
        positions = np.flatnonzero(has_message[codes])
        cell_codes = codes[positions]
        raw = np.asarray([*uniques, None], dtype=object)
        messages = np.array([c.message for c in cells], dtype=object)
        readings = np.array([c.note for c in cells], dtype=object)
        severity = np.array(["error" if c.status == ERROR else "warning" for c in cells], dtype=object)
        parts = []
        for level in ("error", "warning"):
            chosen = positions[severity[cell_codes] == level]
            if len(chosen):
                chosen_codes = codes[chosen]
                parts.append(
                    make_issues(
                        sheet, column, chosen, raw[chosen_codes], level, messages[chosen_codes], readings[chosen_codes]
                    )
                )
        issues = pd.concat(parts, ignore_index=True) if parts else issues
    return ParsedColumn(key, column, values, statuses, period_codes, issues, period_names, lows)


LONGEST_CELL = 1_000  # characters: no fee, length or rating is written at such length
TOO_LONG = Cell(NAN, ERROR, f"longer than {LONGEST_CELL:,} characters: not a value (left unread)")


def _too_long(value: object) -> bool:
    """A huge cell is refused before any pattern runs over it (a 1 MB cell must not stall the run)."""
    return isinstance(value, str) and len(value) > LONGEST_CELL


def _finite(cell: Cell) -> Cell:
    """A value that is not a finite number is never scored (whatever kind of cell gave it)."""
    if cell.status in (OK, ASSUMED) and not np.isfinite(cell.value):
        return Cell(NAN, ERROR, "not a finite number")
    return cell


PERIOD_MONTHS = {
    "year": 12.0,
    "semester": 6.0,
    "trimester": 4.0,
    "term": 4.0,
    "quarter": 3.0,
    "month": 1.0,
    "week": 12 / 52,
}


def total_fees(
    sheet: pd.DataFrame, fees: ParsedColumn, criterion: Criterion, months: np.ndarray | None
) -> tuple[np.ndarray, pd.DataFrame]:
    """Turn fees stated per year (semester, credit, ...) into the cost of the whole programme."""
    if fees.period_codes is None:
        return fees.values, empty_issues()
    codes = fees.period_codes
    names = np.array(fees.period_names, dtype=object)
    values = fees.values.copy()
    known = ~np.isnan(values)
    spans = np.array([PERIOD_MONTHS.get(p, np.nan) for p in fees.period_names])  # type: ignore[arg-type]
    per_time = ~np.isnan(spans)[codes] & known
    per_credit = (names == "credit")[codes] & known
    parts = []
    if per_time.any():
        span = spans[codes[per_time]]
        if months is None:
            positions = np.flatnonzero(per_time)
            parts.append(
                make_issues(
                    sheet,
                    fees.column,
                    positions,
                    sheet[fees.column].to_numpy()[positions],
                    "warning",
                    [
                        f"fee per {p} used as stated: the profile has no length criterion to total it"
                        for p in names[codes[positions]]
                    ],
                )
            )
        else:
            length = months[per_time]
            values[per_time] = values[per_time] * length / span
            unknown = np.flatnonzero(per_time)[np.isnan(length)]
            if len(unknown):
                parts.append(
                    make_issues(
                        sheet,
                        fees.column,
                        unknown,
                        sheet[fees.column].to_numpy()[unknown],
                        "warning",
                        [f"fee per {p}, but the length is missing: total cost unknown" for p in names[codes[unknown]]],
                    )
                )
    if per_credit.any():
        positions = np.flatnonzero(per_credit)
        if criterion.credits:
            values[per_credit] = values[per_credit] * criterion.credits
        else:
            values[per_credit] = np.nan
            parts.append(
                make_issues(
                    sheet,
                    fees.column,
                    positions,
                    sheet[fees.column].to_numpy()[positions],
                    "error",
                    [f"fee per credit: set credits = N on criterion {criterion.key!r} to total it"] * len(positions),
                )
            )
    issues = pd.concat(parts, ignore_index=True) if parts else empty_issues()
    return values, issues


def parse_cells(sheet: pd.DataFrame, columns: dict[str, str], profile: Profile) -> dict[str, ParsedColumn]:
    """Parse every matched criterion column; money is totalled over the programme's length."""
    parsed: dict[str, ParsedColumn] = {}
    for criterion in profile.criteria:
        column = columns[criterion.key]
        parsed[criterion.key] = parse_column(
            sheet, column, criterion.key, parser_for(criterion, profile, column), limit=criterion.kind != "keywords"
        )
    for criterion in profile.criteria:
        if criterion.kind != "money":
            continue
        length = profile.length_criterion(criterion)
        months = parsed[length.key].values if length is not None else None
        column = parsed[criterion.key]
        totals, issues = total_fees(sheet, column, criterion, months)
        if column.lows is not None:
            # a fee range is totalled as its upper end was (the same factor: per year x the length)
            with np.errstate(divide="ignore", invalid="ignore"):
                column.lows = column.lows * np.where(column.values != 0, totals / column.values, np.nan)
        lost = np.isnan(totals) & ~np.isnan(column.values)
        if lost.any():
            # per credit with no credit count is unreadable; per year with no length is missing
            unreadable = lost & (np.array(column.period_names, dtype=object) == "credit")[column.period_codes]
            column.statuses = column.statuses.copy()
            column.statuses[unreadable] = STATUSES.index(ERROR)
            column.statuses[lost & ~unreadable] = STATUSES.index(MISSING)
        column.values = totals
        column.issues = pd.concat([column.issues, issues], ignore_index=True) if len(issues) else column.issues
        if criterion.total and profile.costs.per_month > 0:
            if column.lows is not None and months is not None:
                column.lows = column.lows + profile.costs.per_month * months
            column.values, extra = add_study_costs(sheet, column, profile, months)
            if len(extra):
                column.issues = pd.concat([column.issues, extra], ignore_index=True)
    for criterion in profile.criteria:
        if criterion.kind in GUARDED:
            column = parsed[criterion.key]
            far = far_values(sheet, column, criterion, profile.currency.base)
            if len(far):
                column.issues = pd.concat([column.issues, far], ignore_index=True)
    return parsed


GUARDED = ("money", "duration", "number")
FAR = 20  # times the median: a value this far from the rest is more likely misread than real
LOWEST_FEE = 100  # in the base currency: no tuition fee is this low, but a misread band or count is


def far_values(sheet: pd.DataFrame, column: ParsedColumn, criterion: Criterion, base: str) -> pd.DataFrame:
    """Warnings for values far outside the rest of their column (one wrong outlier flattens min-max
    normalisation for every other programme), and for tuition fees too low to be real."""
    values = column.values
    known = ~np.isnan(values)
    if known.sum() < 5:
        return empty_issues()
    median = float(np.median(values[known]))
    unit = base if criterion.kind == "money" else ("months" if criterion.kind == "duration" else "")
    far = np.zeros(len(values), dtype=bool)
    if median > 0:
        far = known & ((values > FAR * median) | ((values > 0) & (values < median / FAR)))
    low = known & (values > 0) & (values < LOWEST_FEE) if criterion.kind == "money" else np.zeros_like(far)
    flagged = np.flatnonzero(far | low)
    if not len(flagged):
        return empty_issues()
    # one message per distinct flagged value (a catalogue repeats its values), spread back over the rows
    distinct, inverse = np.unique(values[flagged], return_inverse=True)
    is_low = distinct < LOWEST_FEE if criterion.kind == "money" else np.zeros(len(distinct), dtype=bool)
    texts = []
    for value, below in zip(distinct, is_low, strict=True):
        limit = "max" if value > median else "min"
        shown = f"{value:,.2f}".rstrip("0").rstrip(".") + (f" {unit}" if unit else "")
        if below and value > 0:
            texts.append(f"a tuition fee of {shown} is implausibly low: check the cell (a fee band or a count?)")
        else:
            texts.append(
                f"{shown} is far outside the rest of the column (median {median:,.6g}{' ' + unit if unit else ''}): "
                f"check the cell; set {limit} = N on {criterion.key!r} to exclude such values"
            )
    messages = np.array(texts, dtype=object)[inverse]
    raw = sheet[column.column].to_numpy()[flagged]
    return make_issues(sheet, column.column, flagged, raw, "warning", messages)


def add_study_costs(
    sheet: pd.DataFrame, fees: ParsedColumn, profile: Profile, months: np.ndarray | None
) -> tuple[np.ndarray, pd.DataFrame]:
    """fees + (living + earnings forgone / 12) x months: the total cost of study."""
    if months is None:
        raise ProfileError(
            f"criterion {fees.key!r} has total = true, but the profile has no duration criterion to count the months"
        )
    totals = fees.values + profile.costs.per_month * months
    unknown = np.flatnonzero(~np.isnan(fees.values) & np.isnan(months))
    if len(unknown) == 0:
        return totals, empty_issues()
    fees.statuses = fees.statuses.copy()
    fees.statuses[unknown] = STATUSES.index(MISSING)
    raw = sheet[fees.column].to_numpy()[unknown]
    message = "the length is missing, so the total cost of study (living costs, earnings forgone) is unknown"
    return totals, make_issues(sheet, fees.column, unknown, raw, "warning", [message] * len(unknown))

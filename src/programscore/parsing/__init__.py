"""Stage 3: turn each criterion's raw cells into numbers in canonical units.

Catalogues repeat values heavily, so each distinct cell value is parsed once and the results are
spread back over the rows with numpy indexing. Every cell that cannot be read, or was read with an
assumption, becomes an issue with its sheet coordinates; nothing here raises on bad data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import ProfileError
from ..issues import empty_issues, make_issues
from ..profiles import Criterion, Profile
from .common_cells import LengthReader, MoneyReader
from .keywords import keyword_reader
from .money import MoneyRules
from .outliers import far_values
from .simple import parse_boolean, parse_percent, parse_rating
from .text import ASSUMED, ERROR, MISSING, NAN, OK, Cell, parse_number

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
        return MoneyReader(rules)
    if kind == "duration":
        return LengthReader(_unit_in_header(header) or criterion.unit or "months")  # the sheet's header says most
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
    read = _read_distinct(uniques, parser, limit)
    values = read.values[codes]
    lows = read.ends[codes] if np.isfinite(read.ends).any() else None
    statuses = read.statuses[codes]
    period_codes, period_names = None, ()
    if read.periods is not None and any(read.periods):
        period_names = tuple(dict.fromkeys(read.periods.tolist()))
        index = {name: i for i, name in enumerate(period_names)}
        period_codes = np.array([index[p] for p in read.periods.tolist()], dtype=np.int16)[codes]
    issues = empty_issues()
    if read.has_message.any():
        positions = np.flatnonzero(read.has_message[codes])
        cell_codes = codes[positions]
        raw = np.asarray([*uniques, None], dtype=object)
        messages, readings = read.messages, read.readings
        severity = np.where(read.statuses == STATUSES.index(ERROR), "error", "warning").astype(object)
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


class Distinct(NamedTuple):
    """Each distinct value's reading, with one more for the empty cell (code -1)."""

    values: np.ndarray
    ends: np.ndarray  # the lower end of a range, else NaN
    statuses: np.ndarray
    periods: np.ndarray | None
    has_message: np.ndarray
    messages: np.ndarray
    readings: np.ndarray


def _read_distinct(uniques: pd.Index, parser: Callable[[object], Cell], limit: bool) -> Distinct:
    """Read every distinct value: the common shapes all at once where the parser knows them
    (``common_cells``), every other value by the parser, one at a time."""
    common = getattr(parser, "common", None)
    shared = common(uniques) if common is not None and len(uniques) else None
    if shared is None:
        rest = np.arange(len(uniques))
    else:
        rest = np.flatnonzero(~shared.claimed)
    cells = [_finite(parser(value)) if not (limit and _too_long(value)) else TOO_LONG for value in uniques[rest]]
    cells.append(Cell(NAN, MISSING))  # code -1: an empty cell
    rest = np.append(rest, len(uniques))
    size = len(uniques) + 1
    values = np.full(size, NAN)
    ends = np.full(size, NAN)
    statuses = np.zeros(size, dtype=np.int8)  # a claimed cell is "ok"
    has_message = np.zeros(size, dtype=bool)
    messages = np.full(size, None, dtype=object)
    readings = np.full(size, None, dtype=object)
    periods = None
    if shared is not None:
        values[:-1][shared.claimed] = shared.values[shared.claimed]
        if shared.periods is not None:
            periods = np.full(size, None, dtype=object)
            periods[:-1][shared.claimed] = shared.periods[shared.claimed]
    values[rest] = [c.value for c in cells]
    ends[rest] = [c.low if c.low < c.value else NAN for c in cells]
    statuses[rest] = [STATUSES.index(c.status) for c in cells]
    has_message[rest] = [c.message is not None for c in cells]
    messages[rest] = [c.message for c in cells]
    readings[rest] = [c.note for c in cells]
    if periods is not None or any(c.period for c in cells):
        periods = np.full(size, None, dtype=object) if periods is None else periods
        periods[rest] = [c.period for c in cells]
    return Distinct(values, ends, statuses, periods, has_message, messages, readings)


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

"""Row filters (``where``): which rows of the sheet are candidates at all.

A filter is ``NAME OP VALUE``. On a sheet column (its header matched as criterion columns are, ignoring
case, spaces and punctuation) ``=`` and ``!=`` compare text (any case, trimmed) and ``~`` and ``!~``
search for a regular expression (any case, anywhere in the cell). On a criterion key ``<``, ``<=``,
``>``, ``>=``, ``=`` and ``!=`` compare its parsed value in canonical units (months, the base currency
after totals, 0..1 for boolean and percent); a missing value satisfies none of them.

``parse_filter`` reads an expression without a sheet (so a profile's filters are checked when it is
loaded), ``resolve`` decides what each filter compares against one sheet, ``row_masks`` is the pure
vectorised kernel, and ``apply`` puts them together and says how many rows were kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import DataError, FilterError, closest

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

OPERATORS = ("=", "!=", "~", "!~", "<", "<=", ">", ">=")
TEXT_OPERATORS = ("=", "!=", "~", "!~")
ORDER_OPERATORS = ("<", "<=", ">", ">=")  # only ever numeric
# the name holds no operator character, so the first operator in the text is the filter's
_EXPRESSION = re.compile(r"(?P<name>[^<>=!~]*?)\s*(?P<op><=|>=|==|!=|!~|<|>|=|~)\s*(?P<value>.*)", re.DOTALL)
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


@dataclass(frozen=True)
class Filter:
    """One filter as read: ``name operator value``; ``expression`` is the text as given."""

    expression: str
    name: str
    operator: str
    value: str
    number: float | None = None  # the value as a number, when it is one (``80%`` is 0.8)
    percent: bool = False  # written with a % sign
    pattern: re.Pattern[str] | None = None  # ~ and !~: compiled, ignoring case

    def __str__(self) -> str:
        return f"{self.name} {self.operator} {self.value}".rstrip()


@dataclass(frozen=True)
class Target:
    """What one filter compares on a given sheet: a column's text or a criterion's parsed values."""

    filter: Filter
    column: str | None = None  # the sheet header compared as text
    criterion: str | None = None  # the criterion key compared on its value
    threshold: float | None = None  # the value in the criterion's canonical units


@dataclass(frozen=True)
class Filtered:
    """What the filters did: the filters applied, the rows they kept and the rows they left out."""

    where: tuple[str, ...]
    kept: int
    left_out: int

    def summary(self) -> str:
        """``12 of 40 rows kept by --where (length <= 12; country = UK)``."""
        return f"{self.kept} of {self.kept + self.left_out} rows kept by --where ({'; '.join(self.where)})"

    def to_dict(self) -> dict[str, object]:
        return {"where": list(self.where), "kept": self.kept, "left_out": self.left_out}


def parse_filter(expression: str) -> Filter:
    """Read ``NAME OP VALUE``; a missing operator or name, a bad regular expression, or a non-number
    after ``<``, ``<=``, ``>`` or ``>=`` is a ``FilterError``."""
    if not isinstance(expression, str):
        raise FilterError(f'a filter is text such as "length <= 12" (got {expression!r})', str(expression))
    found = _EXPRESSION.fullmatch(expression.strip())
    if found is None:
        raise FilterError(
            f"{expression!r} has no operator; write NAME OP VALUE with OP one of {' '.join(OPERATORS)} "
            '(e.g. "length <= 12")',
            expression,
        )
    name, operator, value = found["name"].strip(), found["op"], found["value"].strip()
    operator = "=" if operator == "==" else operator
    if not name:
        raise FilterError(f"{expression!r} names no column or criterion before {operator!r}", expression)
    number, percent = _number(value)
    pattern = None
    if operator in ("~", "!~"):
        try:
            pattern = re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise FilterError(f"{expression!r}: {value!r} is not a regular expression ({exc})", expression) from None
    elif operator in ORDER_OPERATORS and number is None:
        problem = f"{value!r} after {operator!r} is not a number" if value else f"{operator!r} needs a number after it"
        raise FilterError(f"{expression!r}: {problem}", expression)
    return Filter(expression, name, operator, value, number, percent, pattern)


def parse_filters(expressions: Sequence[str]) -> list[Filter]:
    return [parse_filter(e) for e in expressions]


def _number(text: str) -> tuple[float | None, bool]:
    """(the value as a number, written with %); ``20,000`` and ``1_000`` are numbers, NaN is not."""
    percent = text.endswith("%")
    core = text[:-1].strip() if percent else text
    if "," in core:
        if not _GROUPED.fullmatch(core):
            return None, percent
        core = core.replace(",", "")
    try:
        number = float(core.replace("\u2212", "-"))
    except ValueError:
        return None, percent
    if math.isnan(number):
        return None, percent
    return (number / 100 if percent else number), percent


def resolve(
    filters: Sequence[Filter], headers: Sequence[str], columns: Mapping[str, str], kinds: Mapping[str, str]
) -> list[Target]:
    """What each filter compares on a sheet with ``headers``, whose criteria (``columns``: key -> header,
    ``kinds``: key -> kind) were matched. A name that is both a criterion key and a column is the
    criterion for ``<`` ``<=`` ``>`` ``>=`` and for ``=`` ``!=`` with a number, the column otherwise; a
    criterion key alone is compared as text on its own column."""
    from .matching import squash

    by_header: dict[str, str] = {}
    for header in headers:
        by_header.setdefault(squash(header), str(header))
    by_key = {squash(key): key for key in columns}
    targets = []
    for f in filters:
        wanted = squash(f.name)
        header, key = by_header.get(wanted), by_key.get(wanted)
        if not wanted or (header is None and key is None):
            raise FilterError(_unknown(f.name, headers, list(columns)), f.expression)
        numeric = f.operator in ORDER_OPERATORS or (f.operator in ("=", "!=") and f.number is not None)
        if numeric and key is not None:
            number = float(f.number)  # type: ignore[arg-type]
            if kinds.get(key) == "percent" and not f.percent and number > 1:
                number /= 100  # as for the profile's anchors and limits: above 1 is a percentage
            targets.append(Target(f, criterion=key, threshold=number))
        elif f.operator in ORDER_OPERATORS:
            raise FilterError(
                f"{f.expression!r}: {f.operator!r} compares a criterion's value, and {f.name!r} is a column, "
                f"not a criterion (the criteria are {', '.join(columns)})",
                f.expression,
            )
        else:
            targets.append(Target(f, column=header if header is not None else columns[key]))  # type: ignore[index]
    return targets


def _unknown(name: str, headers: Sequence[str], keys: list[str]) -> str:
    from .matching import squash

    shown: dict[str, str] = {}
    for choice in [*map(str, headers), *keys]:
        shown.setdefault(squash(choice), choice)
    close = closest(squash(name), shown)
    if close is not None:
        return f"no column or criterion {name!r}; did you mean {shown[close]!r}?"
    return (
        f"no column or criterion {name!r}; the columns are {', '.join(repr(str(h)) for h in headers)} "
        f"and the criteria {', '.join(keys)}"
    )


def row_masks(targets: Sequence[Target], sheet: pd.DataFrame, values: Mapping[str, np.ndarray]) -> np.ndarray:
    """One row of booleans per filter (True: the sheet row satisfies it). Pure and vectorised: text
    filters run as Arrow string kernels over the column (one text form per column, shared)."""
    import numpy as np

    masks = np.empty((len(targets), len(sheet)), dtype=bool)
    texts: dict[str, pd.Series] = {}
    for i, target in enumerate(targets):
        if target.criterion is not None:
            masks[i] = _compare(values[target.criterion], target.filter.operator, target.threshold)  # type: ignore[arg-type]
            continue
        column = target.column
        if column not in texts:
            texts[column] = cell_text(sheet[column])  # type: ignore[index]
        masks[i] = _text_test(texts[column], target.filter)  # type: ignore[index]
    return masks


def cell_text(column: pd.Series) -> pd.Series:
    """Each cell as trimmed text, "" for an empty one; workbook numbers and dates as a person reads
    them (12, not 12.0), worked out once per distinct value."""
    import numpy as np
    import pandas as pd

    text_type = pd.StringDtype("pyarrow", na_value=np.nan)
    if not isinstance(column.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        distinct = np.append(pd.Series(uniques, dtype=object).map(_cell_text).to_numpy(dtype=object), "")
        column = pd.Series(distinct[codes], index=column.index, dtype=text_type)  # code -1 (empty) takes ""
    return column.fillna("").str.strip()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text_test(text: pd.Series, f: Filter) -> np.ndarray:
    if f.pattern is None:
        found = text.str.lower() == f.value.lower()
    else:
        try:  # Arrow's regular expressions (RE2) where they can take the pattern
            found = text.str.contains(f.pattern.pattern, case=False, regex=True)
        except ValueError:  # ArrowInvalid: look-arounds and back references need Python's own
            found = text.astype(object).str.contains(f.pattern, regex=True)
    found = found.to_numpy(dtype=bool)
    return ~found if f.operator in ("!=", "!~") else found


def _compare(values: np.ndarray, operator: str, threshold: float) -> np.ndarray:
    """``values OP threshold``; NaN (missing) satisfies nothing, ``!=`` included."""
    import numpy as np

    with np.errstate(invalid="ignore"):
        if operator == "<":
            return values < threshold
        if operator == "<=":
            return values <= threshold
        if operator == ">":
            return values > threshold
        if operator == ">=":
            return values >= threshold
        # parsed values went through conversions: equal within rounding
        same = np.abs(values - threshold) <= 1e-9 * max(1.0, abs(threshold))
        return same if operator == "=" else ~same & ~np.isnan(values)


def apply(
    filters: Sequence[Filter],
    sheet: pd.DataFrame,
    columns: Mapping[str, str],
    kinds: Mapping[str, str],
    values: Mapping[str, np.ndarray],
) -> tuple[np.ndarray, Filtered]:
    """(True for each row every filter keeps, what the filters did); leaving no row is a ``DataError``."""
    targets = resolve(filters, [str(h) for h in sheet.columns], columns, kinds)
    masks = row_masks(targets, sheet, values)
    kept = masks.all(axis=0)
    count = int(kept.sum())
    if count == 0 and len(sheet):
        raise DataError(_nothing_left(filters, masks.sum(axis=1), len(sheet)))
    return kept, Filtered(tuple(str(f) for f in filters), count, len(sheet) - count)


def _nothing_left(filters: Sequence[Filter], counts: np.ndarray, rows: int) -> str:
    empty = [str(f) for f, count in zip(filters, counts, strict=True) if count == 0]
    if empty:
        return f"the filters leave no row: none of the {rows} rows satisfies {'; '.join(empty)}"
    each = "; ".join(f"{f}: {int(count)}" for f, count in zip(filters, counts, strict=True))
    return f"the filters leave no row: each keeps some of the {rows} rows ({each}), but none satisfies them all"

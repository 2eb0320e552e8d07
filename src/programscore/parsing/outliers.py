"""Values far outside the rest of their column, and tuition fees too low to be real: read, but warned of."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..issues import empty_issues, make_issues

if TYPE_CHECKING:
    from ..profiles import Criterion
    from . import ParsedColumn

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

"""Swing weights (Edwards & Barron's SMARTER family): the improvement taken first is worth 100,
each other is rated against it from 0 to 100, and the weights are the normalised ratings.

An improvement that covers only part of a criterion's value scale (the sheet's range inside wider
anchors) is divided by that part, so that a weighted sum of the normalised values gives each
improvement the worth it was rated.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from ..errors import ProgramscoreError


class SwingError(ProgramscoreError):
    """Ratings that give no weights."""


def swing(ratings: Mapping[str, float], spans: Mapping[str, float] | None = None) -> dict[str, float]:
    """Weights (summing to 1) from the swing ratings (0-100; the first improvement is 100).

    ``spans`` (by key, 0 < span <= 1) is the share of each criterion's value scale the improvement
    covers; without it every improvement covers the whole scale (min-max criteria).
    """
    if not ratings:
        raise SwingError("no ratings: rate at least one improvement")
    raw: dict[str, float] = {}
    for key, rating in ratings.items():
        if isinstance(rating, bool) or not isinstance(rating, numbers.Real) or not math.isfinite(rating):
            raise SwingError(f"{key}: the rating must be a number from 0 to 100 (got {rating!r})")
        if not -1e-9 <= rating <= 100 + 1e-9:
            raise SwingError(f"{key}: the rating must be from 0 to 100 (got {rating:g})")
        span = 1.0 if spans is None else spans.get(key, 1.0)
        if not 0 < span <= 1:
            raise SwingError(f"{key}: the share of the value scale must be above 0 and at most 1 (got {span:g})")
        raw[key] = float(rating) / span
    total = sum(raw.values())
    if total <= 0:
        raise SwingError("every rating is 0: at least one improvement must be worth something")
    return {key: value / total for key, value in raw.items()}

"""The improvements the questions are about: each criterion from the worst to the best value of the
sheet (the programmes being ranked), in the sheet's own units, and what share of the profile's 0-1
value scale that improvement covers.

The share matters when a profile fixes anchors wider than the sheet: with job support anchored at 0
and 5, a sheet whose ratings run from 2 to 5 covers 0.6 of the scale, so an improvement worth r
points is worth r / 0.6 per unit of the scale. For min-max criteria the share is 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ProfileError
from ..profiles import Criterion, Profile

DISCRETE = ("boolean", "keywords")
CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥"}


@dataclass
class Swing:
    """One criterion's improvement from ``worst`` to ``best`` (canonical units: months, base currency,
    0..1 for percent and boolean); ``span`` is the normalised value it adds (0 < span <= 1)."""

    key: str
    label: str
    kind: str
    better: str
    worst: float
    best: float
    span: float
    currency: str = "GBP"
    target: float | None = None
    scale_top: float | None = None  # rating: the top of its scale

    @property
    def discrete(self) -> bool:
        """Yes/no criteria: only the whole improvement can be asked about."""
        return self.kind in DISCRETE

    @property
    def width(self) -> float:
        """The size of the improvement in units (for a target, how much closer it comes)."""
        if self.better == "target":
            return abs(self.worst - self.target) - abs(self.best - self.target)  # type: ignore[operator]
        return abs(self.best - self.worst)

    @property
    def value_range(self) -> float:
        """Units per 1.0 of normalised value (range_i of the README): width / span."""
        return self.width / self.span

    def value(self, x: float) -> str:
        """A value as people write it: ``£71,100``, ``24 months``, ``92%``, ``4 of 5``, ``yes``."""
        return value_text(x, self.kind, self.currency, self.scale_top)

    def describe(self) -> str:
        """``Programme length from 24 down to 12 months``."""
        if self.discrete:
            return f"{self.label} from {self.value(self.worst)} to {self.value(self.best)}"
        if self.better == "target":
            return (
                f"{self.label} from {self.value(self.worst)} to {self.value(self.best)} "
                f"(the target is {self.value(self.target)})"  # type: ignore[arg-type]
            )
        direction = "down to" if self.best < self.worst else "up to"
        if self.kind in ("duration", "rating"):  # "from 24 down to 12 months", "from 2 up to 5 (of 5)"
            last = (
                self.value(self.best)
                if self.kind == "duration"
                else f"{_number(self.best)} (of {_number(self.scale_top or 0)})"
            )
            return f"{self.label} from {_number(self.worst)} {direction} {last}"
        return f"{self.label} from {self.value(self.worst)} {direction} {self.value(self.best)}"


def value_text(x: float, kind: str, currency: str = "GBP", scale_top: float | None = None) -> str:
    if kind == "money":
        sign = CURRENCY_SIGNS.get(currency)
        amount = f"{x:,.0f}" if abs(x) >= 100 or x == round(x) else f"{x:,.2f}"
        return f"{sign}{amount}" if sign else f"{amount} {currency}"
    if kind == "duration":
        return f"{_number(x)} months"
    if kind == "percent":
        return f"{_number(x * 100)}%"
    if kind == "boolean":
        return {1.0: "yes", 0.0: "no", 0.5: "optional"}.get(float(x), _number(x))
    if kind == "keywords":
        return "mentioned" if x else "not mentioned"
    if kind == "rating" and scale_top is not None:
        return f"{_number(x)} of {_number(scale_top)}"
    return _number(x)


def delta_text(amount: float, kind: str, currency: str = "GBP") -> str:
    """A difference as people write it: ``£5,000``, ``6 months``, ``10 percentage points``."""
    if kind == "percent":
        return f"{_number(amount * 100)} percentage points"
    if kind in ("rating", "number"):
        return _number(amount)
    return value_text(amount, kind, currency)


def _number(x: float) -> str:
    if x == round(x):
        return f"{x:,.0f}"
    return f"{x:,.3g}" if abs(x) < 1000 else f"{x:,.0f}"


def sheet_swings(values: np.ndarray, profile: Profile) -> tuple[list[Swing], list[str]]:
    """The swings of the criteria over ``values`` (programmes x criteria of ``profile``, canonical
    units, NaN where missing), and a note for each criterion that has none."""
    from ..scoring import normalise

    swings: list[Swing] = []
    notes: list[str] = []
    for j, c in enumerate(profile.criteria):
        observed = values[:, j][np.isfinite(values[:, j])]
        if observed.size == 0:
            notes.append(f"{c.key}: no programme has a value, so there is nothing to ask about")
            continue
        ends = _ends(observed, c)
        if ends is None:
            notes.append(f"{c.key}: every programme scores the same on it, so it cannot change the order")
            continue
        worst, best = ends
        normalised = normalise(np.concatenate([observed, [worst, best]])[:, None], [c])[-2:, 0]
        span = float(normalised[1] - normalised[0])
        if not span > 1e-12:
            notes.append(f"{c.key}: every programme scores the same on it, so it cannot change the order")
            continue
        swings.append(_swing(c, profile, worst, best, min(span, 1.0)))
    return swings, notes


def anchor_swings(profile: Profile) -> list[Swing]:
    """Without a sheet: each criterion between its profile's anchors (yes/no criteria from no to yes)."""
    swings = []
    for c in profile.criteria:
        if c.better == "target" and c.worst is not None:
            worst, best = float(c.worst), float(c.target)  # type: ignore[arg-type]
        elif c.best is not None and c.worst is not None:
            worst, best = float(c.worst), float(c.best)
        elif c.kind in DISCRETE:
            worst, best = (1.0, 0.0) if c.lower_is_better else (0.0, 1.0)
        else:
            raise ProfileError(
                f"criterion {c.key!r} is scaled over the sheet ({c.anchors_text()}), so its range comes from "
                "the sheet: give INPUT"
            )
        swings.append(_swing(c, profile, worst, best, 1.0))
    return swings


def _ends(observed: np.ndarray, c: Criterion) -> tuple[float, float] | None:
    """(worst, best) observed values, kept within the profile's anchors (beyond them nothing changes)."""
    if c.better == "target":
        distance = np.abs(observed - c.target)  # type: ignore[operator]
        if c.worst is not None:
            distance = np.minimum(distance, abs(c.worst - c.target))  # type: ignore[operator]
        far, near = observed[int(np.argmax(distance))], observed[int(np.argmin(distance))]
        if c.worst is not None and abs(far - c.target) > abs(c.worst - c.target):  # type: ignore[operator]
            far = c.worst
        if math.isclose(abs(far - c.target), abs(near - c.target)):  # type: ignore[operator]
            return None
        return float(far), float(near)
    low, high = float(observed.min()), float(observed.max())
    anchors = [a for a in (c.best, c.worst) if a is not None]
    if anchors and len(anchors) == 2:
        low, high = max(low, min(anchors)), min(high, max(anchors))
    elif anchors:
        one = anchors[0]
        # a single anchor bounds the values on its own side only
        if (c.best is not None) != c.lower_is_better:
            high = min(high, one)  # best (higher is better) or worst (lower is better) is the top
        else:
            low = max(low, one)
    if not high > low:
        return None
    return (high, low) if c.lower_is_better else (low, high)


def _swing(c: Criterion, profile: Profile, worst: float, best: float, span: float) -> Swing:
    scale: Any = c.scale
    return Swing(
        key=c.key,
        label=c.label or c.key,
        kind=c.kind,
        better=c.better,
        worst=worst,
        best=best,
        span=span,
        currency=profile.currency.base,
        target=c.target,
        scale_top=float(scale[1]) if c.kind == "rating" and scale else None,
    )

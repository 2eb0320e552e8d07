"""Trade-off questions: how much of the reference criterion would you give up for an improvement on
another? Each pair is bisected to the point of indifference, and each indifference fixes a ratio of
weights.

With linear value functions v(x) = (x - worst) / (best - worst) (min-max or between the profile's
anchors; ``range`` = best - worst), a weighted sum values a change of dx on criterion i at
w_i dx / range_i. Indifference between dx_i on i and dx_j on j therefore means
w_i dx_i / range_i = w_j dx_j / range_j, i.e. w_i / w_j = (dx_j / range_j) / (dx_i / range_i).

The bisection runs on u in [0, 2], one scale for every ratio rho = value of the other criterion's whole
improvement / value of the reference's: for u <= 1 the question sets the other's whole improvement
against u times the reference's (rho = u); for u > 1 against the reference's whole improvement it sets
(2 - u) of the other's (rho = 1 / (2 - u)), or for a yes/no criterion, which cannot be split, 1 / (2 - u)
times the reference's improvement, beyond the sheet's range. The first question is at u = 1 (both
whole), each answer halves the interval, and the estimate is the middle of the last interval: after
four answers it is within 1/16 of the true u.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..errors import ProgramscoreError
from .ranges import Swing

QUESTIONS_PER_PAIR = 4
TOLERANCE = 2.0 / 2 ** (QUESTIONS_PER_PAIR + 1)  # half the last interval on the u scale: 1/16


class PairwiseError(ProgramscoreError):
    """Ratios that do not give weights."""


def rho_to_u(rho: float) -> float:
    return rho if rho <= 1 else 2.0 - 1.0 / rho


def u_to_rho(u: float) -> float:
    return u if u <= 1 else (math.inf if u >= 2 else 1.0 / (2.0 - u))


def tradeoff_ratio(delta_i: float, range_i: float, delta_j: float, range_j: float) -> float:
    """w_i / w_j when dx_i on criterion i is worth as much as dx_j on criterion j."""
    return (delta_j / range_j) / (delta_i / range_i)


def round_significant(x: float, digits: int = 3) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


@dataclass
class Offer:
    """One trade-off question: give up ``reference_delta`` on the reference for ``delta`` on the other."""

    u: float
    reference_delta: float
    delta: float
    whole: bool  # the other criterion's whole improvement
    beyond: bool  # the reference's change is larger than the sheet's range


@dataclass
class Bisection:
    """The questions for one pair (reference, other) and what the answers so far imply."""

    reference: Swing
    other: Swing
    limit: int = QUESTIONS_PER_PAIR
    low: float = 0.0
    high: float = 2.0
    asked: list[tuple[Offer, str]] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return len(self.asked) >= self.limit or self.low == self.high

    def next_offer(self) -> Offer | None:
        if self.done:
            return None
        u = 1.0 if not self.asked else (self.low + self.high) / 2
        return self.offer(u)

    def offer(self, u: float) -> Offer:
        """The question at ``u``, its amounts rounded to 3 significant figures (and u moved to match)."""
        ref_width, width = self.reference.width, self.other.width
        if u == 1:  # both whole, as the sheet has them
            reference_delta, delta = ref_width, width
            whole, beyond = True, False
        elif u < 1:
            reference_delta, delta = round_significant(u * ref_width), width
            whole, beyond = True, False
        elif self.other.discrete:
            reference_delta, delta = round_significant(ref_width / (2.0 - u)), width
            whole, beyond = True, True
        else:
            reference_delta, delta = ref_width, round_significant((2.0 - u) * width)
            whole, beyond = False, False
        rho = (reference_delta / ref_width) / (delta / width)
        return Offer(rho_to_u(rho), reference_delta, delta, whole, beyond)

    def answer(self, offer: Offer, reply: str) -> None:
        """``y``: the improvement is worth more than what is given up; ``n``: less; ``=``: as much."""
        if reply == "y":
            self.low = max(self.low, offer.u)
        elif reply == "n":
            self.high = min(self.high, offer.u)
        elif reply == "=":
            self.low = self.high = offer.u
        else:
            raise PairwiseError(f"a trade-off answer is y, n or = (got {reply!r})")
        self.asked.append((offer, reply))

    @property
    def estimate_u(self) -> float:
        return (self.low + self.high) / 2

    @property
    def rho(self) -> float:
        """The other's whole improvement over the reference's, at the estimate."""
        return u_to_rho(self.estimate_u)

    @property
    def indifference(self) -> tuple[float, float]:
        """(reference change, other change) in units that the answers make worth the same."""
        u = self.estimate_u
        if u <= 1:
            return u * self.reference.width, self.other.width
        if self.other.discrete:
            return self.reference.width / (2.0 - u), self.other.width
        return self.reference.width, (2.0 - u) * self.other.width

    @property
    def weight_ratio(self) -> float:
        """w_other / w_reference."""
        reference_delta, delta = self.indifference
        return tradeoff_ratio(delta, self.other.value_range, reference_delta, self.reference.value_range)


def pairwise(ratios: Mapping[tuple[str, str], float], keys: list[str] | None = None) -> dict[str, float]:
    """Weights (summing to 1) from ratios ``{(i, j): w_i / w_j}``.

    A tree of n - 1 ratios fixes the weights exactly; more ratios than that are reconciled by least
    squares on their logarithms (the geometric-mean solution). Every criterion must be reached.
    """
    names = list(keys) if keys is not None else list(dict.fromkeys(k for pair in ratios for k in pair))
    if not names:
        raise PairwiseError("no criteria")
    if len(names) == 1:
        return {names[0]: 1.0}
    index = {k: i for i, k in enumerate(names)}
    rows, targets = [], []
    for (i, j), ratio in ratios.items():
        for k in (i, j):
            if k not in index:
                raise PairwiseError(f"ratio {i}/{j}: unknown criterion {k!r}")
        if isinstance(ratio, bool) or not isinstance(ratio, numbers.Real) or not (0 < ratio < math.inf):
            raise PairwiseError(f"ratio {i}/{j} must be a positive number (got {ratio!r})")
        row = np.zeros(len(names))
        row[index[i]], row[index[j]] = 1.0, -1.0
        rows.append(row)
        targets.append(math.log(ratio))
    design = np.array(rows) if rows else np.zeros((0, len(names)))
    _check_connected(names, list(ratios))
    gauge = np.ones((1, len(names)))  # the logs sum to 0: fixes the common factor
    logs, *_ = np.linalg.lstsq(np.vstack([design, gauge]), np.array([*targets, 0.0]), rcond=None)
    weights = np.exp(logs - logs.max())
    weights /= weights.sum()
    return {k: float(w) for k, w in zip(names, weights, strict=True)}


def _check_connected(names: list[str], pairs: list[tuple[str, str]]) -> None:
    reached = {names[0]}
    changed = True
    while changed:
        changed = False
        for i, j in pairs:
            if (i in reached) != (j in reached):
                reached |= {i, j}
                changed = True
    missing = [k for k in names if k not in reached]
    if missing:
        raise PairwiseError(f"no ratio links {', '.join(missing)} to {names[0]}: every criterion must be compared")

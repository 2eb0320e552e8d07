"""How far each weight can move before the first place changes, and which pairs swap when one
programme is left out (see ``sensitivity.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import ProgramscoreError
from .kernels import sample_scores

if TYPE_CHECKING:
    from .result import Ranking

REVERSAL_LIMIT = 1000  # leaving each programme out re-ranks all the others: n^3 work
TOLERANCE = 1e-9


@dataclass
class Stability:
    """The weight share of one criterion within which the first programme stays first."""

    key: str
    share: float
    low: float
    high: float
    below: str | None  # who takes first place just below ``low`` (None: nobody, low is 0)
    above: str | None  # who takes first place just above ``high`` (None: nobody, high is 1)



# --- stability intervals -------------------------------------------------------------------------


def shares_to_weights(base: np.ndarray, j: int, share: np.ndarray) -> np.ndarray:
    """(len(share), k) weights: criterion j at ``share``, the others scaled in proportion to fill the rest."""
    rest = 1.0 - base[j]
    weights = np.empty((len(share), len(base)))
    if rest <= 0:
        others = np.full(len(base), 1.0 / max(len(base) - 1, 1))
        others[j] = 0.0
    else:
        others = base / rest
        others[j] = 0.0
    weights[:] = (1.0 - share)[:, None] * others[None, :]
    weights[:, j] = share
    return weights


def stability_intervals(ranking: Ranking, grid: int = 400) -> list[Stability]:
    normalised = ranking.normalised.to_numpy(dtype=np.float64)
    keys = ranking.profile.keys
    base = np.array([ranking.profile.weights[k] for k in keys])
    names = ranking.names
    if len(normalised) < 2:
        return [Stability(k, float(base[j]), 0.0, 1.0, None, None) for j, k in enumerate(keys)]
    scorer = _scorer(ranking, normalised)
    result = []
    for j, key in enumerate(keys):
        if ranking.method == "weighted-sum" and ranking.left_out is None:
            low, high, below, above = _linear_interval(normalised, base, j)
        else:
            low, high, below, above = _numeric_interval(scorer, base, j, grid)
        result.append(
            Stability(
                key,
                float(base[j]),
                float(low),
                float(high),
                None if below is None else str(names[below]),
                None if above is None else str(names[above]),
            )
        )
    return result


def _linear_interval(normalised: np.ndarray, base: np.ndarray, j: int) -> tuple[float, float, int | None, int | None]:
    """Weighted-sum: score_i(s) = rest_i + s (n_ij - rest_i); where each line crosses the leader's."""
    share = base[j]
    ends = shares_to_weights(base, j, np.array([0.0, 1.0]))
    at_zero, at_one = 100.0 * ends @ normalised.T  # scores with share 0 and share 1
    leader = 0  # rows are in rank order: the first programme
    gap0 = at_zero[leader] - at_zero  # leader minus the others, linear in s
    gap1 = at_one[leader] - at_one
    slope = gap1 - gap0
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = np.where(slope != 0, -gap0 / slope, np.nan)
    cross[leader] = np.nan
    # below the current share: those whose gap shrinks as s falls (slope > 0) cross at cross < share
    lower = np.where((slope > 0) & (cross < share + TOLERANCE), cross, -np.inf)
    upper = np.where((slope < 0) & (cross > share - TOLERANCE), cross, np.inf)
    low_at, high_at = int(np.argmax(lower)), int(np.argmin(upper))
    low = max(0.0, float(lower[low_at])) if np.isfinite(lower[low_at]) else 0.0
    high = min(1.0, float(upper[high_at])) if np.isfinite(upper[high_at]) else 1.0
    below = low_at if np.isfinite(lower[low_at]) and lower[low_at] > 0 else None
    above = high_at if np.isfinite(upper[high_at]) and upper[high_at] < 1 else None
    return low, high, below, above


def _scorer(ranking: Ranking, normalised: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """Scores of every programme for (m, k) weights: sample_scores, or over the criteria each programme
    has when missing = "renormalise" left some out (then no score is linear in a weight share)."""
    if ranking.left_out is None:
        return lambda weights: sample_scores(normalised, weights, ranking.method)
    from .uncertainty import data_model

    model, rng = data_model(ranking, "none"), np.random.default_rng(0)  # nothing is drawn
    return lambda weights: model.scores(weights, rng)


def _margin(scorer: Callable[[np.ndarray], np.ndarray], base: np.ndarray, j: int, shares: np.ndarray) -> tuple:
    scores = scorer(shares_to_weights(base, j, shares))
    others = scores.copy()
    others[:, 0] = -np.inf
    challenger = others.argmax(axis=1)
    return scores[:, 0] - others.max(axis=1), challenger


def _numeric_interval(
    scorer: Callable[[np.ndarray], np.ndarray], base: np.ndarray, j: int, grid: int
) -> tuple[float, float, int | None, int | None]:
    share = float(base[j])
    shares = np.linspace(0.0, 1.0, grid + 1)
    margin, _ = _margin(scorer, base, j, shares)
    keeps = margin >= -TOLERANCE

    def refine(inside: float, outside: float) -> tuple[float, int]:
        for _ in range(60):
            middle = (inside + outside) / 2
            m, _ = _margin(scorer, base, j, np.array([middle]))
            if m[0] >= -TOLERANCE:
                inside = middle
            else:
                outside = middle
        _, who = _margin(scorer, base, j, np.array([outside]))
        return inside, int(who[0])

    low, below = 0.0, None
    lost = np.flatnonzero(~keeps & (shares < share))
    if len(lost):
        low, below = refine(min(shares[lost[-1] + 1], share), shares[lost[-1]])
    high, above = 1.0, None
    lost = np.flatnonzero(~keeps & (shares > share))
    if len(lost):
        high, above = refine(max(shares[lost[0] - 1], share), shares[lost[0]])
    return low, high, below, above


# --- rank reversal -------------------------------------------------------------------------------


def rank_reversals(ranking: Ranking) -> pd.DataFrame:
    """Every pair whose order flips when one other programme is left out."""
    from .scoring import aggregate

    n = len(ranking.names)
    if n > REVERSAL_LIMIT:
        raise ProgramscoreError(
            f"the rank-reversal check re-ranks every programme without each other one; it is limited to "
            f"{REVERSAL_LIMIT:,} programmes (this ranking has {n:,})"
        )
    values = ranking.values.loc[ranking.rows, ranking.profile.keys].to_numpy(dtype=np.float64)
    scores = ranking.scores
    found = []
    everyone = np.arange(n)
    for left_out in range(n):
        keep = everyone != left_out
        _, new_scores = aggregate(values[keep], ranking.profile)
        old = scores[keep]
        ahead_before = old[:, None] > old[None, :] + TOLERANCE
        ahead_after = new_scores[None, :] > new_scores[:, None] + TOLERANCE
        flipped = np.argwhere(ahead_before & ahead_after)
        kept_positions = everyone[keep]
        for a, b in flipped:
            found.append(
                {
                    "left_out": str(ranking.names[left_out]),
                    "was_ahead": str(ranking.names[kept_positions[a]]),
                    "now_ahead": str(ranking.names[kept_positions[b]]),
                    "gap_before": float(old[a] - old[b]),
                    "gap_after": float(new_scores[b] - new_scores[a]),
                }
            )
    return pd.DataFrame(found, columns=["left_out", "was_ahead", "now_ahead", "gap_before", "gap_after"])

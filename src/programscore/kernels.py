"""Pure numeric kernels: normalisation, aggregation and ranking on numpy arrays.

No validation here (the public layer in ``scoring.py`` does it); every function is vectorised
over programmes. Missing values are NaN and stay NaN through normalisation.
"""

from __future__ import annotations

import numpy as np

TIE_TOLERANCE = 1e-9


def minmax(values: np.ndarray, lower_is_better: bool) -> np.ndarray:
    """Min-max over the observed values: best observed -> 1, worst -> 0; one distinct value -> 1."""
    finite = values[np.isfinite(values)]
    if finite.size == 0 or finite.min() == finite.max():
        return np.where(np.isnan(values), np.nan, 1.0)
    low, high = finite.min(), finite.max()
    scaled = (values - low) / (high - low)
    return 1.0 - scaled if lower_is_better else scaled


def anchored(values: np.ndarray, best: float, worst: float) -> np.ndarray:
    """Linear between fixed anchors, clipped: at or beyond ``best`` -> 1, at or beyond ``worst`` -> 0."""
    return np.clip((values - worst) / (best - worst), 0.0, 1.0) + 0.0  # + 0.0 turns -0.0 into 0.0


def to_target(values: np.ndarray, target: float, worst: float | None) -> np.ndarray:
    """1 at the target, falling linearly with the distance to it.

    The distance that scores 0 is ``|worst - target|`` when given, else the largest observed distance.
    """
    distance = np.abs(values - target)
    if worst is not None:
        limit = abs(worst - target)
    else:
        limit = np.nanmax(distance) if np.isfinite(distance).any() else np.nan
    if not np.isfinite(limit) or limit == 0:
        return np.where(np.isnan(values), np.nan, 1.0)
    return np.clip(1.0 - distance / limit, 0.0, 1.0)


def weighted_sum(normalised: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(scores, contributions): score = 100 * sum_j w_j n_ij / sum_j w_j; contributions add up to it."""
    share = weights / weights.sum()
    contributions = 100.0 * normalised * share
    return contributions.sum(axis=1), contributions


def topsis(normalised: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Closeness x 100 on already normalised values; ideal and anti-ideal are the observed extremes."""
    weighted = normalised * (weights / weights.sum())
    ideal = weighted.max(axis=0)
    anti = weighted.min(axis=0)
    to_ideal = np.sqrt(((weighted - ideal) ** 2).sum(axis=1))
    to_anti = np.sqrt(((weighted - anti) ** 2).sum(axis=1))
    total = to_ideal + to_anti
    # every programme equal on every criterion: all are as good as the best observed
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 100.0 * to_anti / total, 100.0)


def competition_rank(scores: np.ndarray, tolerance: float = TIE_TOLERANCE) -> tuple[np.ndarray, np.ndarray]:
    """(ranks, order): 1 = best, ties share the best place (1, 2, 2, 4), tied programmes keep input order.

    ``order`` lists the programmes from first to last.
    """
    n = len(scores)
    if n == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    by_score = np.argsort(-scores, kind="stable")
    ordered = scores[by_score]
    starts = np.ones(n, dtype=bool)
    starts[1:] = (ordered[:-1] - ordered[1:]) > tolerance
    place = np.maximum.accumulate(np.where(starts, np.arange(n), 0)) + 1
    ranks = np.empty(n, dtype=np.int64)
    ranks[by_score] = place
    order = np.lexsort((np.arange(n), ranks))
    return ranks, order

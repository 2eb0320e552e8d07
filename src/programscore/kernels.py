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
    with np.errstate(over="ignore"):
        spread = high - low
    if np.isfinite(spread):
        scaled = (values - low) / (high - low)
    else:  # values near the float limits: halved, the differences stay finite
        scaled = (values / 2 - low / 2) / (high / 2 - low / 2)
    return 1.0 - scaled if lower_is_better else scaled


def anchored(values: np.ndarray, best: float, worst: float) -> np.ndarray:
    """Linear between fixed anchors, clipped: at or beyond ``best`` -> 1, at or beyond ``worst`` -> 0."""
    out = values - worst
    out /= best - worst
    np.clip(out, 0.0, 1.0, out=out)
    out += 0.0  # turns -0.0 into 0.0
    return out


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


def relative(weights: np.ndarray) -> np.ndarray:
    """Weights as given, or divided by the largest when their sum would overflow (weights are
    relative: 1e308 and 1e308 are 1 and 1)."""
    if weights.size and weights.max() > 1e150:
        return weights / weights.max()
    return weights


def point_shares(weights: np.ndarray) -> np.ndarray:
    """The points each criterion is worth out of 100: 100 x w_j / sum_j w_j."""
    weights = relative(weights)
    return 100.0 * weights / weights.sum()


def weighted_sum(normalised: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(scores, contributions): score = 100 * sum_j w_j n_ij / sum_j w_j; contributions add up to it."""
    share = point_shares(weights)
    contributions = normalised * share
    return contributions.sum(axis=1), contributions


def weighted_scores(normalised: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The scores of ``weighted_sum`` alone, summed column by column (no n x k product in memory)."""
    share = point_shares(weights)
    scores = np.zeros(len(normalised))
    for j in range(normalised.shape[1]):
        scores += normalised[:, j] * share[j]
    return scores


def renormalised_scores(normalised: np.ndarray, weights: np.ndarray, available: np.ndarray) -> np.ndarray:
    """Weighted-sum over the criteria each programme has (``available``), its weights divided by their sum.

    A programme with none of them available scores 0.
    """
    row_weights = weights[None, :] * available
    totals = row_weights.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = 100.0 * (normalised * row_weights).sum(axis=1) / totals
    return np.where(totals > 0, scores, 0.0)


def row_point_shares(weights: np.ndarray, available: np.ndarray) -> np.ndarray:
    """(n, k) points each criterion is worth to each programme, over the criteria it has."""
    row_weights = weights[None, :] * available
    totals = row_weights.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, 100.0 * row_weights / totals, 0.0)


def topsis(normalised: np.ndarray, weights: np.ndarray, available: np.ndarray | None = None) -> np.ndarray:
    """Closeness x 100 on already normalised values; ideal and anti-ideal are the observed extremes.

    ``available`` (n, k), when given, leaves each programme's unavailable criteria out of both of its
    distances (renormalising its weights would scale both alike, which leaves the closeness unchanged).
    """
    weights = relative(weights)
    weighted = normalised * (weights / weights.sum())
    if available is None:
        ideal = weighted.max(axis=0)
        anti = weighted.min(axis=0)
        to_ideal = np.sqrt(((weighted - ideal) ** 2).sum(axis=1))
        to_anti = np.sqrt(((weighted - anti) ** 2).sum(axis=1))
    else:
        ideal = np.where(available, weighted, -np.inf).max(axis=0, initial=-np.inf)
        anti = np.where(available, weighted, np.inf).min(axis=0, initial=np.inf)
        ideal, anti = np.where(np.isfinite(ideal), ideal, 0.0), np.where(np.isfinite(anti), anti, 0.0)
        to_ideal = np.sqrt((available * (weighted - ideal) ** 2).sum(axis=1))
        to_anti = np.sqrt((available * (weighted - anti) ** 2).sum(axis=1))
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
    by_score = np.argsort(-scores)  # not stable: ties are put in input order below
    ordered = scores[by_score]
    starts = np.ones(n, dtype=bool)
    starts[1:] = (ordered[:-1] - ordered[1:]) > tolerance
    place = np.maximum.accumulate(np.where(starts, np.arange(n), 0)) + 1
    ranks = np.empty(n, dtype=np.int64)
    ranks[by_score] = place
    if starts.all():
        return ranks, by_score
    # sort by (place, input position); the keys are sorted already but inside ties, so this is fast
    return ranks, by_score[np.argsort(place * n + by_score, kind="stable")]


def reorder_rows(matrix: np.ndarray, order: np.ndarray) -> None:
    """``matrix[:] = matrix[order]`` in place, a column at a time (no second matrix in memory)."""
    for j in range(matrix.shape[1]):
        matrix[:, j] = matrix[:, j][order]


def dominance(better: np.ndarray, worse: np.ndarray) -> np.ndarray:
    """(len(better), len(worse)) matrix: row i of ``better`` dominates row j of ``worse``."""
    return _dominance(np.ascontiguousarray(better.T), np.ascontiguousarray(worse.T))


def _dominance(better: np.ndarray, worse: np.ndarray) -> np.ndarray:
    """``dominance`` of columns: (criteria, rows) arrays, one criterion a row."""
    at_least = better[0][:, None] >= worse[0][None, :]
    if len(better) > 1:
        step = np.empty_like(at_least)
        for d in range(1, len(better)):
            np.greater_equal(better[d][:, None], worse[d][None, :], out=step)
            at_least &= step
    # equal everywhere is no dominance: only columns of ``worse`` whose bits equal a column of
    # ``better`` (-0.0 made 0.0) can be, and for those the values are compared
    width = np.dtype((np.void, 8 * len(better)))
    shared = np.flatnonzero(
        np.isin(
            np.ascontiguousarray(worse.T + 0.0, dtype=np.float64).view(width).ravel(),
            np.ascontiguousarray(better.T + 0.0, dtype=np.float64).view(width).ravel(),
        )
    )
    if len(shared):
        equal = (better.T[:, None, :] == worse.T[None, shared, :]).all(axis=2)
        at_least[:, shared] &= ~equal
    return at_least


PAIRS = 1 << 21  # pairs compared at once (a boolean each, per criterion)
CHUNK = 1 << 15  # rows taken at once once the front is known in part


def dominators(normalised: np.ndarray, scores: np.ndarray, block: int = 512, leaders: int = 16) -> np.ndarray:
    """For each row, the index of a row that dominates it (at least as good everywhere, better once), else -1.

    The dominator reported is the one with the highest score (among equal scores, the first in
    decreasing order of sum). Rows are taken in decreasing order of their sum (a dominator always has
    a larger sum), in chunks compared against the non-dominated rows found so far (the front), so the
    work grows with n times the size of the front, never n squared. Each chunk meets the ``leaders``
    best-scoring rows of the front one at a time, dropping the rows each dominates (in real catalogues
    a few leaders dominate nearly everything), then the rest of the front in blocks, best first,
    dropping the rows each block dominates.
    """
    n = len(normalised)
    result = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return result
    order = np.argsort(-normalised.sum(axis=1), kind="stable")  # equal sums cannot dominate each other
    found = _in_order(np.ascontiguousarray(normalised[order].T), scores[order], block, leaders)
    hit = found >= 0
    result[order[hit]] = order[found[hit]]
    return result


def _in_order(values: np.ndarray, scores: np.ndarray, block: int, leaders: int) -> np.ndarray:
    """``dominators`` of columns already in decreasing order of sum: ``values`` (criteria, rows)."""
    n = values.shape[1]
    result = np.full(n, -1, dtype=np.int64)
    front = np.empty(0, dtype=np.int64)
    start = 0
    while start < n:
        size = block if len(front) == 0 else max(block, CHUNK)
        chunk = np.arange(start, min(start + size, n))
        start += size
        open_rows = _against_front(values, front[np.argsort(-scores[front], kind="stable")], chunk, result, leaders)
        closed = chunk[result[chunk] >= 0]
        # a row of the chunk that no front row dominates can only be dominated by another such row
        # (whatever dominates the dominator dominates the row too)
        if len(open_rows) > block:
            inner = _in_order(values[:, open_rows], scores[open_rows], block, leaders)
            hit = inner >= 0
            result[open_rows[hit]] = open_rows[inner[hit]]
        elif len(open_rows) > 1:
            inside = _dominance(values[:, open_rows], values[:, open_rows])
            hit = inside.any(axis=0)
            if hit.any():
                best = np.where(inside[:, hit], scores[open_rows][:, None], -np.inf).argmax(axis=0)
                result[open_rows[hit]] = open_rows[best]
        new = open_rows[result[open_rows] < 0]
        if len(new) and len(closed):
            # a new front row of this chunk may outscore the dominator found for a row the old front dominated
            new = new[np.argsort(-scores[new], kind="stable")]
            closed = closed[scores[result[closed]] < scores[new[0]]]
            step = max(1, PAIRS // len(new))
            for at in range(0, len(closed), step):
                part = closed[at : at + step]
                dominates = _dominance(values[:, new], values[:, part])
                hit = dominates.any(axis=0)
                better = new[dominates[:, hit].argmax(axis=0)]
                improved = scores[better] > scores[result[part[hit]]]
                result[part[hit][improved]] = better[improved]
        front = np.concatenate([front, new])
    return result


def _against_front(
    values: np.ndarray, front: np.ndarray, rows: np.ndarray, result: np.ndarray, leaders: int
) -> np.ndarray:
    """Mark in ``result`` the ``rows`` (consecutive) that a row of ``front`` (best score first)
    dominates, with the best-scoring such row; return the rows that none dominates."""
    if len(front) == 0:
        return rows
    columns = [values[d, rows[0] : rows[-1] + 1] for d in range(len(values))]
    for leader in front[:leaders]:
        best = values[:, leader]
        at_least = columns[0] <= best[0]
        for d in range(1, len(columns)):
            at_least &= columns[d] <= best[d]
        hit = np.flatnonzero(at_least)
        if len(hit):
            hit = hit[(values[:, rows[hit]] != best[:, None]).any(axis=0)]  # equal everywhere is no dominance
        if len(hit):
            result[rows[hit]] = leader
            keep = np.ones(len(rows), dtype=bool)
            keep[hit] = False
            rows = rows[keep]
            columns = [c[keep] for c in columns]
            if len(rows) == 0:
                return rows
    rest = front[leaders:]
    at, grow = 0, 16  # blocks double: the best-scoring rows of the front dominate the most
    while at < len(rest) and len(rows):
        part = rest[at : at + max(1, min(grow, PAIRS // len(rows)))]
        at, grow = at + len(part), grow * 2
        dominates = _dominance(values[:, part], np.stack(columns))
        hit = dominates.any(axis=0)
        if hit.any():
            result[rows[hit]] = part[dominates[:, hit].argmax(axis=0)]  # the first is the best-scoring
            keep = ~hit
            rows = rows[keep]
            columns = [c[keep] for c in columns]
    return rows


def cost_frontier(costs: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """True for programmes no other beats on both total cost (lower) and score (higher)."""
    n = len(costs)
    on_front = np.zeros(n, dtype=bool)
    known = np.flatnonzero(np.isfinite(costs))
    if len(known) == 0:
        return on_front
    # cheapest first, best score first among equal costs; a point is on the front when it scores
    # strictly more than everything cheaper
    order = known[np.lexsort((-scores[known], costs[known]))]
    best_so_far = np.maximum.accumulate(scores[order])
    previous_best = np.concatenate([[-np.inf], best_so_far[:-1]])
    on_front[order] = scores[order] > previous_best
    return on_front


def sample_scores(normalised: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """(samples, n) scores of every programme under every weight vector (weights sum to 1)."""
    if method == "weighted-sum":
        return 100.0 * weights @ normalised.T
    to_ideal = (normalised - normalised.max(axis=0)) ** 2
    to_anti = (normalised - normalised.min(axis=0)) ** 2
    squared = weights**2
    plus = np.sqrt(squared @ to_ideal.T)
    minus = np.sqrt(squared @ to_anti.T)
    total = plus + minus
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 100.0 * minus / total, 100.0)

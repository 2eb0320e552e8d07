"""What the sheet does not say: ranges kept as intervals, unknown values counted, and dominance
decided on what is known.

- **Ranges**: a cell such as ``12-15 months`` or ``£9,000-£12,000`` keeps both ends; the criterion's
  ``range`` policy picks the end that scores (``upper``, ``lower``, ``middle``; unset: the worse end for
  the criterion's direction, so a range never flatters a programme).
- **Unknowns**: a value no cell gave. ``max_unknown`` excludes programmes with too many of them.
- **Dominance on known values**: A dominates B only when A at its worst on its unknowns is still at
  least as good as B at its best on B's unknowns, on every criterion, and better on one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import kernels
from .profiles import Criterion, Profile

if TYPE_CHECKING:
    from .result import Ranking


def scored_ends(values: np.ndarray, lows: np.ndarray, criteria: list[Criterion]) -> np.ndarray:
    """Each range's scored value, in place of its upper end in ``values`` (n, k); returns the upper ends
    of the ranges (NaN where a cell gave one value)."""
    ranged = np.isfinite(lows)
    highs = np.where(ranged, values, np.nan)
    for j, c in enumerate(criteria):
        rows = np.flatnonzero(ranged[:, j])
        if not len(rows):
            continue
        low, high = lows[rows, j], highs[rows, j]
        values[rows, j] = _end(low, high, c)
    return highs


def _end(low: np.ndarray, high: np.ndarray, c: Criterion) -> np.ndarray:
    policy = c.range
    if policy == "upper":
        return high
    if policy == "lower":
        return low
    if policy == "middle":
        return (low + high) / 2
    if c.better == "lower":
        return high
    if c.better == "higher":
        return low
    # a target: the end farther from it
    return np.where(np.abs(low - c.target) > np.abs(high - c.target), low, high)  # type: ignore[operator]


def too_many_unknown(profile: Profile, values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """(mask, reason per row) for programmes with more unknown criteria than ``max_unknown``."""
    limit = profile.max_unknown
    unknown = np.isnan(values)
    counts = unknown.sum(axis=1)
    if limit is None:
        return np.zeros(len(values), dtype=bool), []
    mask = counts > limit
    keys = np.array(profile.keys, dtype=object)
    reasons = (
        [
            f"{counts[p]} of {len(keys)} criteria unknown ({', '.join(keys[unknown[p]])}): "
            f"more than max_unknown = {limit}"
            if mask[p]
            else ""
            for p in range(len(values))
        ]
        if mask.any()
        else [""] * len(values)
    )
    return mask, reasons


def dominators(normalised: np.ndarray, unknown: np.ndarray | None, scores: np.ndarray) -> np.ndarray:
    """For each row, a row that dominates it on what is known, else -1 (rows in rank order).

    A row's unknown values count as the column's worst known value when it would dominate, and as the
    column's best known value when it would be dominated: so a blank never makes a programme look
    dominated, and never makes one look dominant. Without unknowns this is ``kernels.dominators``.
    """
    if unknown is None or not unknown.any():
        return kernels.dominators(normalised, scores)
    known = np.where(unknown, np.nan, normalised)
    empty = np.isnan(known).all(axis=0)  # nobody's value is known: any value is possible
    known[:, empty] = 0.0
    worst = np.where(empty, 0.0, np.nanmin(known, axis=0))
    best = np.where(empty, 1.0, np.nanmax(known, axis=0))
    pessimistic = np.where(unknown, worst[None, :], normalised)
    optimistic = np.where(unknown, best[None, :], normalised)
    # a row with no unknowns is the same in both; its dominators are found among the pessimistic rows
    result = kernels.dominators(pessimistic, scores)
    # whatever dominates a dominator (pessimistically) dominates what it dominates: the front suffices
    front = np.flatnonzero(result < 0)
    hidden = np.flatnonzero(unknown.any(axis=1))
    result[hidden] = -1
    front = front[np.argsort(-scores[front], kind="stable")]
    block = max(1, (1 << 21) // max(len(front), 1))
    for start in range(0, len(hidden), block):
        rows = hidden[start : start + block]
        beaten = kernels.dominance(pessimistic[front], optimistic[rows])
        hit = beaten.any(axis=0)
        result[rows[hit]] = front[beaten[:, hit].argmax(axis=0)]
    return result


def dominance_basis(unknown: np.ndarray | None, keys: list[str], dominated: int, dominator: int) -> str:
    """How a dominance was decided, in words: on known values, or despite the unknowns."""
    if unknown is None:
        return "on every criterion, all known"
    parts = []
    theirs = [k for k, u in zip(keys, unknown[dominated], strict=True) if u]
    mine = [k for k, u in zip(keys, unknown[dominator], strict=True) if u]
    if theirs:
        parts.append(f"even at its best on the unknown {', '.join(theirs)}")
    if mine:
        parts.append(f"with the dominating programme at its worst on its unknown {', '.join(mine)}")
    return "; ".join(parts) if parts else "on every criterion, all known"


# --- what the reports mark ------------------------------------------------------------------------


def imputed_cells(ranking: Ranking) -> np.ndarray:
    """(ranked, criteria) True where a programme's points on a criterion come from an imputed value:
    no cell gave it and the missing policy (worst, mean) filled one in. Reports mark these cells."""
    if ranking.unknown is None:
        return np.zeros((len(ranking.names), len(ranking.profile.keys)), dtype=bool)
    if ranking.left_out is None:
        return ranking.unknown
    return ranking.unknown & ~ranking.left_out


def imputed_labels(ranking: Ranking) -> np.ndarray:
    """Per ranked programme, its imputed criteria as text (``"cost; employment"``; None when none)."""
    marked = imputed_cells(ranking)
    keys = np.array(ranking.profile.keys, dtype=object)
    labels = np.full(len(marked), None, dtype=object)
    for i in np.flatnonzero(marked.any(axis=1)):
        labels[i] = "; ".join(keys[marked[i]])
    return labels


def marked_points(ranking: Ranking, n: int, fmt: str = ".1f") -> dict[str, list[str]]:
    """For each criterion with an imputed point among the first ``n`` programmes, its points as text,
    an imputed one followed by IMPUTED_MARK (``"0.0*"``): what the text tables show."""
    marked = imputed_cells(ranking)[:n]
    points = ranking.contributions.to_numpy(dtype=np.float64)[:n]
    return {
        key: [f"{p:{fmt}}{IMPUTED_MARK if m else ''}" for p, m in zip(points[:, j], marked[:, j], strict=True)]
        for j, key in enumerate(ranking.profile.keys)
        if marked[:, j].any()
    }


def interval_frames(ranking: Ranking) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(lows, highs) as (ranked, criteria) arrays in rank order, NaN where a cell gave one value;
    (None, None) when no cell gave a range."""
    if ranking.interval_low is None or ranking.interval_high is None:
        return None, None
    keys = ranking.profile.keys
    low = ranking.interval_low.loc[ranking.rows, keys].to_numpy(dtype=np.float64)
    high = ranking.interval_high.loc[ranking.rows, keys].to_numpy(dtype=np.float64)
    return low, high


IMPUTED_MARK = "*"  # beside a point earned from an imputed value, in the text reports
IMPUTED_NOTE = "* points from an imputed value (no cell gave it; the missing policy filled one in)"

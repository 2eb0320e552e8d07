"""How much does the ranking depend on the weights?

- **Monte Carlo over the weights**: each weight multiplied by an independent factor in [1-S, 1+S] and
  renormalised, or (``spread="any"``) weights drawn uniformly over all weight vectors, as stochastic
  multicriteria acceptability analysis does with no preference information. Scores for every sample
  are one matrix product (TOPSIS too: its squared distances are linear in the squared weights).
- **Stability intervals**: for each criterion, the range of its weight share, the others scaled in
  proportion, within which the current first programme stays first. Exact for weighted-sum (every score
  is linear in the share); found on a grid and refined by bisection for TOPSIS.
- **Rank reversals**: with min-max normalisation (and always under TOPSIS) leaving a programme out can
  swap two others; every such pair is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .errors import ProgramscoreError

if TYPE_CHECKING:
    from .result import Ranking

REVERSAL_LIMIT = 1000  # leaving each programme out re-ranks all the others: n^3 work
HISTOGRAM_LIMIT = 3000  # an n x n table of rank counts stays small up to here
STORED_RANKS_LIMIT = 200_000_000  # beyond the histogram, every sampled rank is kept (4 bytes each)
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


@dataclass
class Sensitivity:
    """What ``Ranking.sensitivity`` found. ``programmes`` follows the ranking's order."""

    ranking: Ranking
    samples: int
    spread: float | None  # None: weights drawn uniformly over all weight vectors
    seed: int
    top: int
    programmes: pd.DataFrame  # name, rank, score, p_first, p_top, median_rank, rank_p5, rank_p95
    rank_probabilities: np.ndarray  # [programme, r]: probability of rank r + 1, for r < top
    stability: list[Stability]
    reversals: pd.DataFrame | None = None  # left_out, higher, lower (before), score gap after
    notices: list[str] = field(default_factory=list)

    @property
    def described_spread(self) -> str:
        return "any weights (uniform over all weight vectors)" if self.spread is None else f"±{self.spread:.0%}"

    def to_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, np.generic):
                return value.item()
            return value

        return {
            "samples": self.samples,
            "spread": "any" if self.spread is None else self.spread,
            "seed": self.seed,
            "top": self.top,
            "programmes": [{k: plain(v) for k, v in row.items()} for row in self.programmes.to_dict("records")],
            "stability": [
                {"criterion": s.key, "share": s.share, "low": s.low, "high": s.high, "below": s.below, "above": s.above}
                for s in self.stability
            ],
            "reversals": None
            if self.reversals is None
            else [{k: plain(v) for k, v in row.items()} for row in self.reversals.to_dict("records")],
        }

    def render(self, format: str = "table", **options: Any) -> str | bytes:
        """The report as text (``str``), or ``bytes`` for the workbook."""
        from .reports import Options, render_text

        return render_text(self.ranking, format, Options(sensitivity=self, **options))

    def write(self, path: str, format: str | None = None, **options: Any) -> None:
        from .reports import choose_format, write_output

        fmt = choose_format(path, format)
        write_output(self.render(fmt, **options), path, protect=self.ranking.read_files)


# --- sampling ------------------------------------------------------------------------------------


def sample_weights(base: np.ndarray, samples: int, spread: float | None, rng: np.random.Generator) -> np.ndarray:
    """(samples, k) weight vectors, each summing to 1."""
    if spread is None:
        weights = rng.dirichlet(np.ones(len(base)), size=samples)
    else:
        factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(samples, len(base)))
        weights = base[None, :] * factors
    totals = weights.sum(axis=1, keepdims=True)
    totals[totals == 0] = 1.0
    return weights / totals


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


def ordinal_ranks(scores: np.ndarray) -> np.ndarray:
    """(samples, n) ranks from 1, ties broken by the base order (columns are in rank order already)."""
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, scores.shape[1] + 1)[None, :], axis=1)
    return ranks


def monte_carlo(
    ranking: Ranking,
    samples: int = 10_000,
    spread: float | None = 0.25,
    seed: int = 0,
    top: int = 3,
    progress: Callable[[int], None] | None = None,
    chunk: int = 2_000,
) -> tuple[pd.DataFrame, np.ndarray]:
    normalised = ranking.normalised.to_numpy(dtype=np.float64)
    n = len(normalised)
    base = np.array([ranking.profile.weights[k] for k in ranking.profile.keys])
    rng = np.random.default_rng(seed)
    top = min(top, n)
    if n > HISTOGRAM_LIMIT and n * samples > STORED_RANKS_LIMIT:
        raise ProgramscoreError(
            f"{n:,} programmes x {samples:,} samples is too many to keep every rank; use fewer --samples "
            f"(at most {STORED_RANKS_LIMIT // n:,} here)"
        )
    histogram = np.zeros((n, n), dtype=np.int32) if n <= HISTOGRAM_LIMIT else None  # [rank - 1, programme]
    stored: list[np.ndarray] = []
    positions = np.arange(n)
    done = 0
    while done < samples:
        size = min(chunk, samples - done)
        weights = sample_weights(base, size, spread, rng)
        ranks = ordinal_ranks(sample_scores(normalised, weights, ranking.method))
        if histogram is not None:
            cells = ((ranks - 1) * n + positions[None, :]).ravel()
            histogram += np.bincount(cells, minlength=n * n).reshape(n, n).astype(np.int32)
        else:
            stored.append(ranks.astype(np.int32))
        done += size
        if progress is not None:
            progress(size)
    if histogram is not None:
        counts = histogram
    else:
        every = np.concatenate(stored)
        counts = np.stack([(every == r + 1).sum(axis=0) for r in range(top)])
    first = counts[0] / samples
    rank_probabilities = (counts[:top].T / samples).astype(np.float64)
    in_top = rank_probabilities.sum(axis=1)
    if histogram is not None:
        quantiles = _quantiles_from_histogram(histogram, samples, (0.05, 0.5, 0.95))
    else:
        quantiles = np.quantile(every, (0.05, 0.5, 0.95), axis=0, method="inverted_cdf").T
    table = pd.DataFrame(
        {
            "name": ranking.names,
            "rank": ranking.ranks,
            "score": ranking.scores,
            "p_first": first,
            "p_top": in_top,
            "median_rank": quantiles[:, 1].astype(int),
            "rank_p5": quantiles[:, 0].astype(int),
            "rank_p95": quantiles[:, 2].astype(int),
        }
    )
    return table, rank_probabilities


def _quantiles_from_histogram(histogram: np.ndarray, samples: int, levels: tuple[float, ...]) -> np.ndarray:
    """Nearest-rank quantiles of each programme's rank from [rank - 1, programme] counts."""
    cumulative = np.cumsum(histogram, axis=0) / samples  # [rank, programme]
    columns = []
    for level in levels:
        columns.append((cumulative < level - 1e-12).sum(axis=0) + 1)
    return np.column_stack(columns)


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
    result = []
    for j, key in enumerate(keys):
        if ranking.method == "weighted-sum":
            low, high, below, above = _linear_interval(normalised, base, j)
        else:
            low, high, below, above = _numeric_interval(normalised, base, j, ranking.method, grid)
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


def _margin(normalised: np.ndarray, base: np.ndarray, j: int, shares: np.ndarray, method: str) -> tuple:
    scores = sample_scores(normalised, shares_to_weights(base, j, shares), method)
    others = scores.copy()
    others[:, 0] = -np.inf
    challenger = others.argmax(axis=1)
    return scores[:, 0] - others.max(axis=1), challenger


def _numeric_interval(
    normalised: np.ndarray, base: np.ndarray, j: int, method: str, grid: int
) -> tuple[float, float, int | None, int | None]:
    share = float(base[j])
    shares = np.linspace(0.0, 1.0, grid + 1)
    margin, _ = _margin(normalised, base, j, shares, method)
    keeps = margin >= -TOLERANCE

    def refine(inside: float, outside: float) -> tuple[float, int]:
        for _ in range(60):
            middle = (inside + outside) / 2
            m, _ = _margin(normalised, base, j, np.array([middle]), method)
            if m[0] >= -TOLERANCE:
                inside = middle
            else:
                outside = middle
        _, who = _margin(normalised, base, j, np.array([outside]), method)
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


def analyse(
    ranking: Ranking,
    samples: int = 10_000,
    spread: float | str | None = 0.25,
    seed: int = 0,
    top: int = 3,
    reversal: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Sensitivity:
    """Monte Carlo acceptability, stability intervals and (optionally) rank reversals."""
    if spread == "any":
        spread = None
    if spread is not None and (not isinstance(spread, int | float) or not 0 <= float(spread) < 1):
        raise ProgramscoreError(
            f"the spread must be a number from 0 up to (not including) 1, or 'any' (got {spread!r})"
        )
    if not isinstance(samples, int) or samples < 1:
        raise ProgramscoreError(f"samples must be a whole number of at least 1 (got {samples!r})")
    if not isinstance(top, int) or top < 1:
        raise ProgramscoreError(f"top must be a whole number of at least 1 (got {top!r})")
    if len(ranking.names) == 0:
        raise ProgramscoreError("no programme is ranked, so there is nothing to analyse")
    programmes, probabilities = monte_carlo(ranking, samples, spread, seed, top, progress)
    return Sensitivity(
        ranking=ranking,
        samples=samples,
        spread=None if spread is None else float(spread),
        seed=seed,
        top=min(top, len(ranking.names)),
        programmes=programmes,
        rank_probabilities=probabilities,
        stability=stability_intervals(ranking),
        reversals=rank_reversals(ranking) if reversal else None,
    )

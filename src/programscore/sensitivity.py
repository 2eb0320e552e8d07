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
from .kernels import sample_scores
from .ranks import RankTally
from .stability import REVERSAL_LIMIT, TOLERANCE, Stability, rank_reversals, shares_to_weights, stability_intervals
from .uncertainty import DATA_UNCERTAINTY, confidence_factors, data_model, order_places, ordered_weights

if TYPE_CHECKING:
    from .result import Ranking

__all__ = [
    "REVERSAL_LIMIT", "TOLERANCE", "Sensitivity", "Stability", "analyse", "monte_carlo", "rank_reversals",
    "sample_scores", "sample_weights", "shares_to_weights", "stability_intervals",
]  # fmt: skip

HISTOGRAM_LIMIT = 3000  # up to here the rank percentiles are nearest ranks, beyond np.quantile's inverted CDF
STORED_RANKS = 200_000_000  # sampled ranks kept for the percentiles (2-4 bytes each)
MIN_TRACKED = 1_000  # programmes given rank percentiles whatever the samples
DEFAULT_SAMPLES = 10_000
SAMPLE_BUDGET = 100_000_000  # programmes x samples drawn by default
MIN_SAMPLES = 100
SCORE_CELLS = 40_000_000  # scores of one chunk of samples (8 bytes each)



@dataclass
class Sensitivity:
    """What ``Ranking.sensitivity`` found. ``programmes`` follows the ranking's order."""

    ranking: Ranking
    samples: int
    spread: float | str | None  # None: uniform over all weight vectors; "order": consistent with an order
    seed: int
    top: int
    programmes: pd.DataFrame  # name, rank, score, p_first, p_top, median_rank, rank_p5, rank_p95
    rank_probabilities: np.ndarray  # [programme, r]: probability of rank r + 1, for r < top
    stability: list[Stability]
    reversals: pd.DataFrame | None = None  # left_out, higher, lower (before), score gap after
    notices: list[str] = field(default_factory=list)
    data_uncertainty: str = "none"  # none | ranges | all: what of the data is drawn with the weights
    drawn_cells: int = 0  # cells whose values were drawn (ranges, and imputed values with "all")
    order: str | None = None  # the order of importance the weights keep (spread "order")
    central: pd.DataFrame | None = None  # name, p_first, confidence, one column of central weight per criterion

    @property
    def described_spread(self) -> str:
        if self.spread == "order":
            return f"weights consistent with the order {self.order} (uniform over them)"
        return "any weights (uniform over all weight vectors)" if self.spread is None else f"±{self.spread:.0%}"

    @property
    def described_data(self) -> str:
        return {
            "none": "the data as scored",
            "ranges": "each range drawn uniformly between its ends",
            "all": "each range drawn between its ends and each imputed value from its column's known values",
        }[self.data_uncertainty]

    def central_lines(self) -> list[str]:
        """'X wins when you weigh ...': each programme that can come first, its central weights and
        confidence factor (SMAA-2)."""
        if self.central is None:
            return []
        keys = self.ranking.profile.keys
        lines = []
        for row in self.central.itertuples(index=False):
            weights = ", ".join(f"{k} {getattr(row, k) * 100:.0f}%" for k in keys)
            lines.append(
                f"{row.name} wins when you weigh {weights} (first in {row.p_first:.1%} of samples; "
                f"confidence factor {row.confidence:.2f})"
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if value is pd.NA:  # a rank percentile not computed (see the notices)
                return None
            if isinstance(value, np.generic):
                return value.item()
            return value

        return {
            "samples": self.samples,
            "spread": "any" if self.spread is None else self.spread,
            "order": self.order,
            "data_uncertainty": self.data_uncertainty,
            "drawn_cells": self.drawn_cells,
            "central_weights": None
            if self.central is None
            else [
                {
                    "name": str(row["name"]),
                    "p_first": float(row["p_first"]),
                    "confidence": float(row["confidence"]),
                    "weights": {k: float(row[k]) for k in self.ranking.profile.keys},
                }
                for row in self.central.to_dict("records")
            ],
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
            **({"notices": list(self.notices)} if self.notices else {}),
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


CENTRAL_LIMIT = 10  # programmes given central weights and a confidence factor, most often first first
CONFIDENCE_SAMPLES = 2_000  # data draws for each confidence factor (at most the samples asked for)


def monte_carlo(
    ranking: Ranking,
    samples: int = 10_000,
    spread: float | str | None = 0.25,
    seed: int = 0,
    top: int = 3,
    progress: Callable[[int], None] | None = None,
    chunk: int = 2_000,
    data_uncertainty: str = "none",
) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame, int]:
    """(programmes, rank probabilities, central weights, cells drawn) from ``samples`` weight (and data) draws."""
    model = data_model(ranking, data_uncertainty)
    normalised = model.normalised
    n = len(normalised)
    keys = ranking.profile.keys
    base = np.array([ranking.profile.weights[k] for k in keys])
    places = order_places(ranking.profile.rank, keys) if spread == "order" else None
    rng = np.random.default_rng(seed)
    weight_sums = np.zeros((n, len(keys)))
    top = min(top, n)
    tally = RankTally(n, samples, top, tracked_programmes(n, samples))
    chunk = max(1, min(chunk, SCORE_CELLS // max(n, 1)))
    done = 0
    while done < samples:
        size = min(chunk, samples - done)
        if places is not None:
            weights = ordered_weights(places, size, rng)
        else:
            weights = sample_weights(base, size, spread, rng)  # type: ignore[arg-type]
        scores = model.scores(weights, rng)
        first_of = scores.argmax(axis=1)  # ties to the earlier programme, as in the ranks
        for j in range(len(keys)):
            weight_sums[:, j] += np.bincount(first_of, weights=weights[:, j], minlength=n)
        tally.add(scores)
        del scores
        done += size
        if progress is not None:
            progress(size)
    counts = tally.places  # [place, programme]
    first = counts[0] / samples
    rank_probabilities = (counts[:top].T / samples).astype(np.float64)
    in_top = rank_probabilities.sum(axis=1)
    quantiles = tally.quantiles(histogram=n <= HISTOGRAM_LIMIT)
    banded = len(quantiles)

    def band(column: int) -> pd.Series | np.ndarray:
        if banded == n:
            return quantiles[:, column].astype(int)
        values = np.concatenate([quantiles[:, column], np.zeros(n - banded, dtype=np.int64)])
        return pd.arrays.IntegerArray(values, np.arange(n) >= banded)  # blank beyond the tracked

    table = pd.DataFrame(
        {
            "name": ranking.names,
            "rank": ranking.ranks,
            "score": ranking.scores,
            "p_first": first,
            "p_top": in_top,
            "median_rank": band(1),
            "rank_p5": band(0),
            "rank_p95": band(2),
        }
    )
    return table, rank_probabilities, _central(ranking, model, first, weight_sums, samples, rng), model.cells()


def tracked_programmes(n: int, samples: int) -> int:
    """How many programmes, the first in the ranking, have their rank percentiles computed: every
    programme while programmes x samples stays within STORED_RANKS, else as many as fit (at least
    MIN_TRACKED)."""
    if n * samples <= STORED_RANKS:
        return n
    return min(n, max(MIN_TRACKED, STORED_RANKS // samples))


def default_samples(n: int) -> int:
    """The weight samples drawn when none are asked for: DEFAULT_SAMPLES, fewer beyond
    SAMPLE_BUDGET // DEFAULT_SAMPLES programmes so that programmes x samples stays near SAMPLE_BUDGET
    (never below MIN_SAMPLES)."""
    return max(MIN_SAMPLES, min(DEFAULT_SAMPLES, SAMPLE_BUDGET // max(n, 1)))


def _central(
    ranking: Ranking, model: Any, first: np.ndarray, weight_sums: np.ndarray, samples: int, rng: np.random.Generator
) -> pd.DataFrame:
    """SMAA-2 central weights and confidence factors of the programmes that came first in some sample."""
    keys = ranking.profile.keys
    counts = np.rint(first * samples)
    winners = np.flatnonzero(counts > 0)
    winners = winners[np.argsort(-counts[winners], kind="stable")][:CENTRAL_LIMIT]
    central = np.zeros_like(weight_sums)
    central[winners] = weight_sums[winners] / counts[winners, None]
    confidence = confidence_factors(model, central, winners, min(samples, CONFIDENCE_SAMPLES), rng)
    table = pd.DataFrame({"name": [str(ranking.names[w]) for w in winners], "p_first": first[winners]})
    table["confidence"] = confidence
    for j, key in enumerate(keys):
        table[key] = central[winners, j]
    return table


def analyse(
    ranking: Ranking,
    samples: int | None = None,
    spread: float | str | None = "default",
    seed: int = 0,
    top: int = 3,
    reversal: bool = False,
    progress: Callable[[int], None] | None = None,
    data_uncertainty: str = "ranges",
) -> Sensitivity:
    """Monte Carlo acceptability (with the data drawn as ``data_uncertainty`` says), SMAA-2 central
    weights and confidence factors, stability intervals and (optionally) rank reversals.

    ``spread``: a number S (each weight times a factor in [1-S, 1+S]), ``"any"`` (uniform over all
    weight vectors), ``"order"`` (uniform over the weights consistent with the profile's order of
    importance) or ``"default"`` (``"order"`` when the profile has one, else 0.25). A view of a ranking
    (``by_value``, ``without_dominated``) is analysed as the whole ranking it shows.

    ``samples``: None draws 10,000 up to 10,000 programmes and fewer beyond (100 million programmes x
    samples in all, at least 100: 1,000 for 100,000 programmes). Rank percentiles are computed for
    every programme while programmes x samples is at most 200 million, else for the first
    200 million // samples in the ranking (at least 1,000); the notices say so.
    """
    if ranking.full is not None:
        ranking = ranking.full
    if spread == "default":
        spread = "order" if ranking.profile.rank else 0.25
    if spread == "any":
        spread = None
    if spread == "order" and not ranking.profile.rank:
        raise ProgramscoreError('spread "order" needs an order of importance (--rank, or rank in the profile)')
    if spread is not None and spread != "order" and (
        not isinstance(spread, int | float) or isinstance(spread, bool) or not 0 <= float(spread) < 1
    ):
        raise ProgramscoreError(
            f"the spread must be a number from 0 up to (not including) 1, 'any' or 'order' (got {spread!r})"
        )
    if data_uncertainty not in DATA_UNCERTAINTY:
        raise ProgramscoreError(
            f"data uncertainty must be one of {', '.join(DATA_UNCERTAINTY)} (got {data_uncertainty!r})"
        )
    notices = []
    if samples is None:
        samples = default_samples(len(ranking.names))
        if samples < DEFAULT_SAMPLES:
            notices.append(
                f"{len(ranking.names):,} programmes: {samples:,} weight samples by default ({DEFAULT_SAMPLES:,} "
                f"up to {SAMPLE_BUDGET // DEFAULT_SAMPLES:,} programmes, fewer beyond so that programmes x samples "
                f"stays near {SAMPLE_BUDGET // 1_000_000:,} million); ask for more with --samples"
            )
    if not isinstance(samples, int) or samples < 1:
        raise ProgramscoreError(f"samples must be a whole number of at least 1 (got {samples!r})")
    if not isinstance(top, int) or top < 1:
        raise ProgramscoreError(f"top must be a whole number of at least 1 (got {top!r})")
    if len(ranking.names) == 0:
        raise ProgramscoreError("no programme is ranked, so there is nothing to analyse")
    programmes, probabilities, central, drawn_cells = monte_carlo(
        ranking, samples, spread, seed, top, progress, data_uncertainty=data_uncertainty
    )
    return Sensitivity(
        ranking=ranking,
        samples=samples,
        spread=None if spread is None else (spread if spread == "order" else float(spread)),  # type: ignore[arg-type]
        data_uncertainty=data_uncertainty,
        order=ranking.profile.rank if spread == "order" else None,
        central=central,
        drawn_cells=drawn_cells,
        seed=seed,
        top=min(top, len(ranking.names)),
        programmes=programmes,
        rank_probabilities=probabilities,
        stability=stability_intervals(ranking),
        reversals=rank_reversals(ranking) if reversal else None,
        notices=notices + _band_notices(len(ranking.names), samples),
    )


def _band_notices(n: int, samples: int) -> list[str]:
    tracked = tracked_programmes(n, samples)
    if tracked == n:
        return []
    return [
        f"median rank and ranks 5-95% are given for the first {tracked:,} programmes by score only (programmes x "
        f"samples beyond {STORED_RANKS:,}); P(first) and P(top K) count every programme"
    ]

"""What the sensitivity analysis draws besides the weights: the data, and weights that keep an order.

- **Data** (``data_uncertainty``): ``"ranges"`` draws each range's value uniformly between its two ends;
  ``"all"`` also draws each imputed value (missing worst or mean) from the values the column's other
  programmes have; ``"none"`` keeps the data as scored. Each column keeps the normalisation of the
  ranking (a drawn value beyond the observed values scores as the observed end, unless both anchors
  are fixed). A value left out by ``missing = "renormalise"`` stays left out.
- **Ordered weights** (``spread = "order"``): uniform over the weight vectors consistent with an order
  of importance (``a > b = c > d``), by sorted uniform spacings; tied criteria share one weight.
- **SMAA-2 descriptive measures** (Lahdelma & Salminen 2001): the central weight vector of a programme
  (the mean of the weights under which it comes first) and its confidence factor (the share of data
  draws in which it comes first when the weights are fixed at its central weight vector).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import ProgramscoreError

if TYPE_CHECKING:
    from .profiles import Criterion
    from .result import Ranking

DATA_UNCERTAINTY = ("none", "ranges", "all")


# --- weights consistent with an order --------------------------------------------------------------


def ordered_weights(places: np.ndarray, samples: int, rng: np.random.Generator) -> np.ndarray:
    """(samples, k) weights uniform over {w : w sum to 1, w_a >= w_b when a's place comes first,
    w_a = w_b when a and b share a place}; ``places`` gives each criterion's place (0 = most important).

    With m places of sizes s_1..s_m and C_g = s_1 + ... + s_g, the place weights v_1 >= ... >= v_m are
    v_g = sum_{h >= g} t_h / C_h with t uniform on the simplex (its spacings): a linear map with a
    constant Jacobian, so v is uniform on its polytope. Without ties, the mean weight of place i is the
    rank-order centroid (1/k) sum_{h >= i} 1/h.
    """
    sizes = np.bincount(places)
    m = len(sizes)
    cuts = np.sort(rng.random((samples, m - 1)), axis=1)
    spacings = np.diff(cuts, axis=1, prepend=0.0, append=1.0)  # (samples, m), uniform on the simplex
    scaled = spacings / np.cumsum(sizes)[None, :]
    values = np.cumsum(scaled[:, ::-1], axis=1)[:, ::-1]  # v_g = sum_{h >= g}
    return values[:, places]


def order_centroid(places: np.ndarray) -> np.ndarray:
    """The mean of ``ordered_weights``: the centroid of the weights consistent with the order."""
    sizes = np.bincount(places)
    inverse = 1.0 / np.cumsum(sizes)
    values = np.cumsum(inverse[::-1])[::-1] / len(sizes)
    return values[places]


def order_places(order: str, keys: list[str]) -> np.ndarray:
    """Each criterion's place in an order such as ``"a > b = c"`` (0 = most important)."""
    from .order import rank_groups

    place = {key: g for g, group in enumerate(rank_groups(order)) for key in group}
    return np.array([place[k] for k in keys], dtype=np.int64)


# --- scores with the data drawn --------------------------------------------------------------------


@dataclass
class Draws:
    """One column's uncertain cells: their rows (rank order) and how to draw their normalised values."""

    column: int
    rows: np.ndarray
    low: np.ndarray  # raw ends of the ranges (NaN for an imputed cell)
    high: np.ndarray
    imputed: np.ndarray  # bool per cell: drawn from ``pool`` instead of between low and high
    pool: np.ndarray  # the column's known normalised values
    reference: np.ndarray  # the column's raw values as ranked, for its normalisation
    fixed: bool  # both anchors fixed: no clipping to the observed values
    affine: tuple[float, float] | None = None  # n = clip(a x + b, 0, 1) after clipping (None: normalise)


@dataclass
class DataModel:
    """Scores of every ranked programme for many weight vectors, the data drawn afresh for each."""

    normalised: np.ndarray  # (n, k), rank order, missing policy applied
    available: np.ndarray | None  # (n, k) False where renormalise left the value out
    method: str
    draws: list[Draws]
    ranking: Ranking

    @property
    def uncertain(self) -> bool:
        return bool(self.draws)

    def cells(self) -> int:
        return sum(len(d.rows) for d in self.draws)

    def _drawn(self, d: Draws, samples: int, rng: np.random.Generator) -> np.ndarray:
        """(samples, len(d.rows)) normalised values for one column's uncertain cells."""
        from .scoring import normalise

        u = rng.random((samples, len(d.rows)))
        raw = d.low[None, :] + u * (d.high - d.low)[None, :]
        known = d.reference[np.isfinite(d.reference)]
        if not d.fixed and known.size:
            np.clip(raw, known.min(), known.max(), out=raw)
        if d.affine is not None:
            out = raw
            out *= d.affine[0]
            out += d.affine[1]
            np.clip(out, 0.0, 1.0, out=out)
        else:
            criterion = self.ranking.profile.criteria[d.column]
            flat = np.concatenate([d.reference, raw.ravel()])
            out = normalise(flat[:, None], [criterion])[len(d.reference) :, 0].reshape(raw.shape)
        if d.imputed.any():
            if len(d.pool):
                picks = rng.integers(0, len(d.pool), size=(samples, int(d.imputed.sum())))
                out[:, d.imputed] = d.pool[picks]
            else:
                out[:, d.imputed] = self.normalised[d.rows[d.imputed], d.column][None, :]
        return out

    def scores(self, weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """(samples, n) scores; ``weights`` (samples, k) sum to 1."""
        if self.method == "weighted-sum":
            return self._weighted(weights, rng)
        return self._topsis(weights, rng)

    def _weighted(self, weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        base = self.normalised if self.available is None else self.normalised * self.available
        scores = 100.0 * weights @ base.T
        for d in self.draws:
            drawn = self._drawn(d, len(weights), rng)
            scores[:, d.rows] += 100.0 * weights[:, d.column : d.column + 1] * (drawn - base[d.rows, d.column])
        if self.available is not None:
            totals = weights @ self.available.T.astype(np.float64)
            with np.errstate(invalid="ignore", divide="ignore"):
                scores = np.where(totals > 0, scores / totals, 0.0)
        return scores

    def _topsis(self, weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        from .kernels import sample_scores

        if not self.draws and self.available is None:
            return sample_scores(self.normalised, weights, self.method)
        n, k = self.normalised.shape
        mask = np.ones((n, k)) if self.available is None else self.available.astype(np.float64)
        values = np.where(mask > 0, self.normalised, np.nan)
        drawn = {d.column: self._drawn(d, len(weights), rng) for d in self.draws}
        # the ideal and anti-ideal of each sample: the extremes over the cells as drawn
        ideal = np.repeat(
            np.nan_to_num(np.nanmax(values, axis=0, initial=-np.inf), neginf=0.0)[None, :], len(weights), 0
        )
        anti = np.repeat(np.nan_to_num(np.nanmin(values, axis=0, initial=np.inf), posinf=0.0)[None, :], len(weights), 0)
        for d in self.draws:
            others = np.delete(values[:, d.column], d.rows)
            others = others[np.isfinite(others)]
            top = others.max() if others.size else -np.inf
            bottom = others.min() if others.size else np.inf
            ideal[:, d.column] = np.maximum(top, drawn[d.column].max(axis=1))
            anti[:, d.column] = np.minimum(bottom, drawn[d.column].min(axis=1))
        squared = weights**2

        def distance(target: np.ndarray) -> np.ndarray:
            # sum_j w_sj^2 m_ij (n_sij - t_sj)^2, a column at a time (no n x k x samples array)
            total = np.zeros((len(weights), n))
            for j in range(k):
                column = np.broadcast_to(self.normalised[:, j], (len(weights), n))
                if j in drawn:
                    column = column.copy()
                    column[:, rows_of[j]] = drawn[j]
                total += squared[:, j : j + 1] * mask[None, :, j] * (column - target[:, j : j + 1]) ** 2
            return np.sqrt(total)

        rows_of = {d.column: d.rows for d in self.draws}
        plus, minus = distance(ideal), distance(anti)
        both = plus + minus
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(both > 0, 100.0 * minus / both, 100.0)


def data_model(ranking: Ranking, data_uncertainty: str = "ranges") -> DataModel:
    """What the sensitivity analysis draws for ``ranking`` (in rank order)."""
    if data_uncertainty not in DATA_UNCERTAINTY:
        raise ProgramscoreError(
            f"data uncertainty must be one of {', '.join(DATA_UNCERTAINTY)} (got {data_uncertainty!r})"
        )
    from .unknowns import imputed_cells, interval_frames

    normalised = ranking.normalised.to_numpy(dtype=np.float64)
    available = None if ranking.left_out is None else ~ranking.left_out
    draws: list[Draws] = []
    if data_uncertainty != "none":
        low, high = interval_frames(ranking)
        imputed = imputed_cells(ranking) if data_uncertainty == "all" else np.zeros(normalised.shape, dtype=bool)
        ranged = np.zeros(normalised.shape, dtype=bool) if low is None else np.isfinite(low)
        keys = ranking.profile.keys
        for j, c in enumerate(ranking.profile.criteria):
            rows = np.flatnonzero(ranged[:, j] | imputed[:, j])
            if not len(rows):
                continue
            reference = ranking.values.loc[ranking.rows, keys[j]].to_numpy(dtype=np.float64)
            known = ~ranking.unknown[:, j] if ranking.unknown is not None else np.ones(len(reference), dtype=bool)
            fixed = c.better != "target" and c.best is not None and c.worst is not None
            draws.append(
                Draws(
                    column=j,
                    rows=rows,
                    low=np.zeros(len(rows)) if low is None else np.nan_to_num(low[rows, j], nan=0.0),
                    high=np.zeros(len(rows)) if high is None else np.nan_to_num(high[rows, j], nan=0.0),
                    imputed=imputed[rows, j],
                    pool=normalised[known, j],
                    reference=reference,
                    fixed=fixed,
                    affine=_affine(reference, c),
                )
            )
    return DataModel(normalised, available, ranking.method, draws, ranking)


def _affine(reference: np.ndarray, c: Criterion) -> tuple[float, float] | None:
    """(a, b) when the column's normalisation is n = clip(a x + b, 0, 1) over the observed range (min-max
    and anchors), so drawn values need no call to ``normalise``; None otherwise (a target)."""
    from .scoring import normalise

    known = reference[np.isfinite(reference)]
    if c.better == "target" or known.size == 0:
        return None
    low, high = float(known.min()), float(known.max())
    if low == high:
        at = normalise(np.concatenate([reference, [low]])[:, None], [c])[-1, 0]
        return 0.0, float(at)
    probes = np.array([low, high, (low + high) / 2, low + (high - low) / 3])
    ends = normalise(np.concatenate([reference, probes])[:, None], [c])[-4:, 0]
    a = (ends[1] - ends[0]) / (high - low)
    b = ends[0] - a * low
    if not np.allclose(np.clip(a * probes + b, 0.0, 1.0), ends, rtol=0, atol=1e-12):
        return None  # a step at one fixed anchor: not affine
    return float(a), float(b)


def confidence_factors(
    model: DataModel, central: np.ndarray, candidates: np.ndarray, samples: int, rng: np.random.Generator
) -> np.ndarray:
    """SMAA-2 confidence factor of each candidate: the share of data draws in which it comes first with
    the weights fixed at its central weight vector (one evaluation when nothing in the data is drawn)."""
    draws = samples if model.uncertain else 1
    found = np.empty(len(candidates))
    for c, who in enumerate(candidates):
        weights = np.repeat(central[who][None, :], draws, axis=0)
        scores = model.scores(weights, rng)
        found[c] = float((scores.argmax(axis=1) == who).mean())
    return found

"""Saaty's analytic hierarchy process on one matrix of pairwise judgements: the principal
eigenvector, the consistency ratio, and the judgement that fits the others worst.

``a[i][j]`` says how many times more criterion i matters than criterion j, on Saaty's 1-9 scale
(1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more; 2, 4, 6, 8 between;
reciprocals for the other way round), so ``a[j][i] = 1 / a[i][j]``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..errors import ProgramscoreError

# Saaty's random consistency index: the mean consistency index of random reciprocal matrices of
# order n with entries from the 1-9 scale (T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill,
# 1980, table 1.7 for n up to 15).
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)
CONSISTENT_ENOUGH = 0.1  # Saaty's rule: a consistency ratio up to 0.1 is acceptable
SCALE = tuple(sorted({*(Fraction(k) for k in range(1, 10)), *(Fraction(1, k) for k in range(2, 10))}))


class AHPError(ProgramscoreError):
    """A matrix that is not a positive reciprocal matrix of judgements."""


@dataclass
class Inconsistency:
    """The judgement that fits the priorities worst, and the scale value that would fit them."""

    row: int
    column: int
    given: float
    fitting: float  # w_row / w_column
    suggested: Fraction  # the value of Saaty's scale nearest (on a log scale) to ``fitting``


def check_matrix(matrix: object) -> np.ndarray:
    """The matrix as floats, or an ``AHPError`` naming the first entry that is wrong."""
    try:
        a = np.array(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        raise AHPError("the judgements must be a square matrix of positive numbers") from None
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise AHPError(f"the judgements must be a square matrix (got shape {a.shape})")
    n = a.shape[0]
    if n > len(RANDOM_INDEX):
        raise AHPError(f"AHP is limited to {len(RANDOM_INDEX)} criteria (Saaty's random indices); got {n}")
    bad = np.argwhere(~np.isfinite(a) | (a <= 0))
    if len(bad):
        i, j = bad[0]
        raise AHPError(f"judgement [{i + 1}][{j + 1}] must be a positive number (got {a[i, j]:g})")
    off = np.argwhere(~np.isclose(a * a.T, 1.0, rtol=1e-6))
    if len(off):
        i, j = off[0]
        raise AHPError(
            f"judgement [{i + 1}][{j + 1}] is {_shown(a[i, j])} but [{j + 1}][{i + 1}] is {_shown(a[j, i])}; "
            "a matrix of judgements is reciprocal (a[j][i] = 1 / a[i][j], and 1 on the diagonal)"
        )
    return a


def principal_eigen(a: np.ndarray) -> tuple[np.ndarray, float]:
    """(priorities summing to 1, largest eigenvalue) of a positive matrix (Perron-Frobenius)."""
    values, vectors = np.linalg.eig(a)
    top = int(np.argmax(values.real))
    vector = np.abs(vectors[:, top].real)
    return vector / vector.sum(), float(values[top].real)


def consistency_ratio(a: np.ndarray, eigenvalue: float) -> float:
    """CR = CI / RI with CI = (lambda_max - n) / (n - 1); 0 for one or two criteria (always consistent)."""
    n = a.shape[0]
    if n <= 2:
        return 0.0
    return max(0.0, (eigenvalue - n) / (n - 1)) / RANDOM_INDEX[n - 1]


def ahp(matrix: object) -> tuple[np.ndarray, float]:
    """(weights, consistency ratio) of a matrix of pairwise judgements."""
    a = check_matrix(matrix)
    weights, eigenvalue = principal_eigen(a)
    return weights, consistency_ratio(a, eigenvalue)


def nearest_scale_value(ratio: float) -> Fraction:
    """The value of Saaty's scale (1/9 ... 1 ... 9) nearest to ``ratio`` on a log scale."""
    logs = np.log(np.array([float(s) for s in SCALE]))
    return SCALE[int(np.argmin(np.abs(logs - math.log(ratio))))]


def most_inconsistent(matrix: object) -> Inconsistency | None:
    """The judgement a_ij (i < j) farthest from what the priorities imply, |ln a_ij - ln(w_i / w_j)|;
    None when every judgement fits (a consistent matrix)."""
    a = check_matrix(matrix)
    weights, _ = principal_eigen(a)
    fitting = weights[:, None] / weights[None, :]
    misfit = np.abs(np.log(a) - np.log(fitting))
    misfit[np.tril_indices_from(misfit)] = 0.0
    i, j = np.unravel_index(int(np.argmax(misfit)), misfit.shape)
    if misfit[i, j] < 1e-9:
        return None
    return Inconsistency(int(i), int(j), float(a[i, j]), float(fitting[i, j]), nearest_scale_value(fitting[i, j]))


def parse_judgement(text: str | float | int) -> Fraction:
    """A value of Saaty's scale from ``3``, ``1/3``, ``0.2`` (read as 1/5) or ``"1"``."""
    if isinstance(text, bool):
        raise ValueError(f"{text!r} is not a judgement")
    if isinstance(text, int | float):
        value = float(text)
    else:
        raw = str(text).strip()
        try:
            value = float(Fraction(raw))
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{raw!r} is not a number such as 3 or 1/3") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{text!r} is not a positive number")
    nearest = nearest_scale_value(value)
    if not math.isclose(float(nearest), value, rel_tol=0.02):
        raise ValueError(f"{text!r} is not on Saaty's scale (1 to 9, or 1/2 to 1/9)")
    return nearest


def scale_text(value: Fraction | float) -> str:
    """``3``, ``1/5``: a judgement as people write it."""
    value = Fraction(value).limit_denominator(9)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _shown(value: float) -> str:
    nearest = nearest_scale_value(value) if value > 0 and math.isfinite(value) else None
    return scale_text(nearest) if nearest is not None and math.isclose(nearest, value) else f"{value:.4g}"

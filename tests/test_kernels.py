"""The numeric kernels, with worked examples from published sources."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from programscore import kernels


def minmax_all(matrix, lower=()):
    return np.column_stack([kernels.minmax(matrix[:, j], j in lower) for j in range(matrix.shape[1])])


def test_topsis_tzeng_huang_2011():
    # Tzeng & Huang (2011), Multiple Attribute Decision Making, TOPSIS example with min-max
    # normalisation, as reproduced in pymcdm's tests: closeness 0.4853, 0.6484, 0.7768, 0.3630.
    matrix = np.array([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], dtype=float)
    weights = np.array([0.3, 0.4, 0.3])
    closeness = kernels.topsis(minmax_all(matrix), weights) / 100
    assert closeness == pytest.approx([0.4853, 0.6484, 0.7768, 0.3630], abs=5e-5)
    ranks, _ = kernels.competition_rank(closeness)
    assert ranks.tolist() == [3, 2, 1, 4]


def test_weighted_sum_triantaphyllou_2000():
    # Triantaphyllou (2000), Multi-Criteria Decision Making Methods: A Comparative Study, ch. 2, the
    # WSM example (reproduced in Wikipedia's "Weighted sum model"): weights 0.20 0.15 0.40 0.25,
    # A1 = 21.50, A2 = 22.00, A3 = 22.00 on the raw matrix (all benefit criteria, one unit).
    matrix = np.array([[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]], dtype=float)
    weights = np.array([0.20, 0.15, 0.40, 0.25])
    scores, contributions = kernels.weighted_sum(matrix, weights)
    assert scores / 100 == pytest.approx([21.50, 22.00, 22.00])
    assert contributions.sum(axis=1) == pytest.approx(scores)
    ranks, order = kernels.competition_rank(scores / 100)
    # A2 and A3 tie for first (competition ranking), and keep their input order
    assert ranks.tolist() == [3, 1, 1]
    assert order.tolist() == [1, 2, 0]


def test_minmax_directions_and_constant_column():
    x = np.array([10.0, 20.0, np.nan, 15.0])
    assert kernels.minmax(x, False)[[0, 1, 3]].tolist() == [0.0, 1.0, 0.5]
    assert kernels.minmax(x, True)[[0, 1, 3]].tolist() == [1.0, 0.0, 0.5]
    assert np.isnan(kernels.minmax(x, False)[2])
    assert kernels.minmax(np.array([3.0, 3.0]), True).tolist() == [1.0, 1.0]
    assert np.isnan(kernels.minmax(np.array([np.nan, np.nan]), False)).all()


def test_anchored_clips_and_target():
    length = np.array([9.0, 12.0, 18.0, 24.0, 36.0])
    assert kernels.anchored(length, best=12, worst=24).tolist() == [1.0, 1.0, 0.5, 0.0, 0.0]
    assert kernels.to_target(np.array([10.0, 12.0, 15.0]), 12, None).tolist() == [1 - 2 / 3, 1.0, 0.0]
    assert kernels.to_target(np.array([10.0, 12.0, 18.0]), 12, 24).tolist() == [1 - 2 / 12, 1.0, 0.5]


def test_competition_rank_tolerance_and_order():
    scores = np.array([50.0, 90.0, 50.0 + 1e-12, 70.0, 90.0])
    ranks, order = kernels.competition_rank(scores)
    assert ranks.tolist() == [4, 1, 4, 3, 1]
    assert order.tolist() == [1, 4, 3, 0, 2]


def test_topsis_all_equal_is_not_a_division_by_zero():
    scores = kernels.topsis(np.ones((3, 2)), np.array([1.0, 1.0]))
    assert scores.tolist() == [100.0, 100.0, 100.0]


matrices = st.integers(2, 12).flatmap(
    lambda n: st.integers(1, 5).flatmap(
        lambda k: st.tuples(
            arrays(np.float64, (n, k), elements=st.floats(0, 1, allow_nan=False)),
            arrays(np.float64, (k,), elements=st.floats(0.01, 10)),
        )
    )
)


@given(matrices, st.floats(0.01, 1000))
def test_scaling_weights_changes_nothing(data, factor):
    normalised, weights = data
    for kernel in (lambda n, w: kernels.weighted_sum(n, w)[0], kernels.topsis):
        assert kernel(normalised, weights * factor) == pytest.approx(kernel(normalised, weights), abs=1e-9)


@given(matrices)
def test_scores_in_range_and_contributions_add_up(data):
    normalised, weights = data
    scores, contributions = kernels.weighted_sum(normalised, weights)
    assert ((scores >= -1e-9) & (scores <= 100 + 1e-9)).all()
    assert contributions.sum(axis=1) == pytest.approx(scores)
    closeness = kernels.topsis(normalised, weights)
    assert ((closeness >= -1e-9) & (closeness <= 100 + 1e-9)).all()


@given(matrices, st.randoms(use_true_random=False))
def test_row_order_changes_no_score(data, random):
    normalised, weights = data
    permutation = list(range(len(normalised)))
    random.shuffle(permutation)
    for kernel in (lambda n, w: kernels.weighted_sum(n, w)[0], kernels.topsis):
        assert kernel(normalised[permutation], weights) == pytest.approx(kernel(normalised, weights)[permutation])

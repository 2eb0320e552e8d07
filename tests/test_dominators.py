"""Which programme is named as dominating another, against a brute-force reference: of the
non-dominated programmes that dominate it, the best-scoring, and among equal scores the first in
decreasing order of the sum of the normalised values (then of position)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from programscore import kernels
from programscore.unknowns import dominators as known_dominators

values = st.integers(1, 5).flatmap(
    lambda k: arrays(np.float64, st.tuples(st.integers(1, 70), st.just(k)), elements=st.sampled_from([0, 0.5, 1, 0.25]))
)
weights = st.lists(st.sampled_from([0.0, 1.0, 2.0]), min_size=5, max_size=5)


def dominates(better: np.ndarray, worse: np.ndarray) -> np.ndarray:
    """[i, j]: row i of ``better`` at least as good as row j of ``worse`` everywhere, better once."""
    at_least = (better[:, None, :] >= worse[None, :, :]).all(axis=2)
    strictly = (better[:, None, :] > worse[None, :, :]).any(axis=2)
    return at_least & strictly


def named(beats: np.ndarray, front: np.ndarray, scores: np.ndarray, order: np.ndarray) -> np.ndarray:
    """For each column of ``beats``, the front row that beats it with the best score, ties to the first in
    ``order``; -1 when none does."""
    place = np.empty(len(order), dtype=np.int64)
    place[order] = np.arange(len(order))
    result = np.full(beats.shape[1], -1, dtype=np.int64)
    for j in range(beats.shape[1]):
        candidates = [i for i in np.flatnonzero(beats[:, j]) if front[i]]
        if candidates:
            result[j] = min(candidates, key=lambda i: (-scores[i], place[i]))
    return result


def reference(matrix: np.ndarray, scores: np.ndarray) -> np.ndarray:
    beats = dominates(matrix, matrix)
    order = np.argsort(-matrix.sum(axis=1), kind="stable")
    return named(beats, ~beats.any(axis=0), scores, order)


@settings(max_examples=120, deadline=None)
@given(values, weights, st.sampled_from([1, 3, 7, 512]), st.integers(0, 5))
def test_the_dominator_named_is_the_reference(matrix, weight, block, leaders):
    scores = matrix @ np.array(weight[: matrix.shape[1]])
    found = kernels.dominators(matrix, scores, block=block, leaders=leaders)
    assert (found == reference(matrix, scores)).all()


def test_random_continuous_data_against_the_reference():
    rng = np.random.default_rng(11)
    matrix = rng.random((1500, 6))
    scores = matrix @ rng.random(6)
    assert (kernels.dominators(matrix, scores, block=64) == reference(matrix, scores)).all()


@settings(max_examples=80, deadline=None)
@given(values, weights, st.data())
def test_the_dominator_named_on_known_values_is_the_reference(matrix, weight, data):
    unknown = data.draw(arrays(bool, matrix.shape, elements=st.sampled_from([False, False, False, True])))
    unknown[0] = False  # every column keeps a known value
    # an unknown counts as the column's worst known value when dominating, its best when dominated
    known = np.where(unknown, np.nan, matrix)
    pessimistic = np.where(unknown, np.nanmin(known, axis=0), matrix)
    optimistic = np.where(unknown, np.nanmax(known, axis=0), matrix)
    # which programmes are dominated does not depend on the scores; which is named does, and is the
    # reference's when no programme outscores one that dominates it on the values compared
    arbitrary = known_dominators(matrix, unknown, matrix @ np.array(weight[::-1][: matrix.shape[1]]) + 1)
    scores = pessimistic @ np.array(weight[: matrix.shape[1]])
    found = known_dominators(matrix, unknown, scores)
    assert ((arbitrary >= 0) == (found >= 0)).all()
    front = ~dominates(pessimistic, pessimistic).any(axis=0)
    expected = reference(pessimistic, scores)
    hidden = unknown.any(axis=1)
    # a row with unknowns: the best-scoring front row that beats its optimistic values, ties by position
    expected[hidden] = named(dominates(pessimistic, optimistic[hidden]), front, scores, np.arange(len(matrix)))
    assert (found == expected).all()

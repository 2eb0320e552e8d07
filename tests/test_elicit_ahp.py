"""AHP on one matrix: published examples with their numbers, consistency, and the judgement that
fits the others worst."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.elicit.ahp import RANDOM_INDEX, consistency_ratio, parse_judgement, principal_eigen

# The matrix of the issue: Saaty's 5x5 example, published weights 0.152, 0.433, 0.072, 0.305, 0.038, CR 0.05.
SAATY_5 = [
    [1, 1 / 5, 3, 1 / 2, 5],
    [5, 1, 7, 1, 7],
    [1 / 3, 1 / 7, 1, 1 / 4, 3],
    [2, 1, 4, 1, 7],
    [1 / 5, 1 / 7, 1 / 3, 1 / 7, 1],
]
# Wikipedia, "Analytic hierarchy process - leader example": criteria Experience, Education, Charisma,
# Age with Experience 4x Education, 3x Charisma, 7x Age; Education 1/3 Charisma, 3x Age; Charisma 5x Age.
# Published priorities .547, .127, .270, .056 (the same matrix is the sample of Haskell's hahp package).
LEADER = [
    [1, 4, 3, 7],
    [1 / 4, 1, 1 / 3, 3],
    [1 / 3, 3, 1, 5],
    [1 / 7, 1 / 3, 1 / 5, 1],
]
# Same page: the candidates on Experience (Tom, Dick, Harry), published .217, .717, .066.
LEADER_EXPERIENCE = [[1, 1 / 4, 4], [4, 1, 9], [1 / 4, 1 / 9, 1]]


def test_saaty_five_by_five_published_weights_and_consistency_ratio():
    weights, cr = ps.elicit.ahp(SAATY_5)
    assert np.round(weights, 3).tolist() == [0.152, 0.433, 0.072, 0.305, 0.038]
    assert round(cr, 2) == 0.05
    assert cr <= 0.1


def test_leader_example_criteria_and_experience_priorities():
    weights, cr = ps.elicit.ahp(LEADER)
    assert weights == pytest.approx([0.547, 0.127, 0.270, 0.056], abs=1e-3)  # published to 3 decimals
    assert cr < 0.1
    weights, _ = ps.elicit.ahp(LEADER_EXPERIENCE)
    assert np.round(weights, 3).tolist() == [0.217, 0.717, 0.066]


def test_transposed_matrix_gives_the_reversed_order_with_the_same_consistency():
    # Entering every judgement the wrong way round (a[j][i] for a[i][j]) cannot be told from the
    # consistency ratio (the eigenvalues of the transpose are the same), but it reverses the order.
    weights, cr = ps.elicit.ahp(SAATY_5)
    flipped, flipped_cr = ps.elicit.ahp(np.array(SAATY_5).T)
    assert list(np.argsort(flipped)) == list(np.argsort(weights))[::-1]
    assert flipped_cr == pytest.approx(cr)


def test_random_index_is_saatys_table():
    assert RANDOM_INDEX[:10] == (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
    assert len(RANDOM_INDEX) == 15


def test_consistency_ratio_from_the_eigenvalue():
    a = np.array(SAATY_5)
    _, eigenvalue = principal_eigen(a)
    assert consistency_ratio(a, eigenvalue) == pytest.approx((eigenvalue - 5) / 4 / 1.12)
    assert ps.elicit.ahp([[1, 7], [1 / 7, 1]]) == (pytest.approx([0.875, 0.125]), 0.0)


def test_most_inconsistent_names_the_judgement_and_the_fitting_scale_value():
    # consistent 4x4 from weights 8:4:2:1, then one judgement entered badly: a[0][3] = 1/2 for 8
    w = np.array([8.0, 4.0, 2.0, 1.0])
    a = w[:, None] / w[None, :]
    a[0, 3], a[3, 0] = 1 / 2, 2
    weights, cr = ps.elicit.ahp(a)
    assert cr > 0.1
    found = ps.elicit.most_inconsistent(a)
    assert (found.row, found.column) == (0, 3)
    assert found.given == 0.5
    assert found.fitting == pytest.approx(weights[0] / weights[3])
    assert found.fitting == pytest.approx(1.6526, abs=1e-4)  # pulled down by the bad judgement itself
    assert found.suggested == Fraction(2)  # the scale value nearest to it
    a[0, 3], a[3, 0] = 2, 1 / 2
    assert ps.elicit.ahp(a)[1] == pytest.approx(0.0923, abs=1e-4)  # acceptable now
    again = ps.elicit.most_inconsistent(a)  # and a second revision moves it on towards 8
    assert (again.row, again.column, again.suggested) == (0, 3, Fraction(4))


def test_a_consistent_matrix_has_no_inconsistent_judgement():
    w = np.array([3.0, 2.0, 1.0])
    assert ps.elicit.most_inconsistent(w[:, None] / w[None, :]) is None


@pytest.mark.parametrize(
    "matrix, message",
    [
        (
            [[1, 2], [2, 1]],
            "judgement [1][2] is 2 but [2][1] is 2; a matrix of judgements is reciprocal "
            "(a[j][i] = 1 / a[i][j], and 1 on the diagonal)",
        ),
        ([[1, 2, 3], [1 / 2, 1, 1]], "the judgements must be a square matrix (got shape (2, 3))"),
        ([[1, -2], [-1 / 2, 1]], "judgement [1][2] must be a positive number (got -2)"),
        ([[1, "x"], [1, 1]], "the judgements must be a square matrix of positive numbers"),
        (np.ones((16, 16)), "AHP is limited to 15 criteria (Saaty's random indices); got 16"),
    ],
)
def test_bad_matrices_are_refused_with_the_entry(matrix, message):
    with pytest.raises(ps.elicit.AHPError) as error:
        ps.elicit.ahp(matrix)
    assert str(error.value) == message


@pytest.mark.parametrize("text, value", [("3", 3), ("1/3", Fraction(1, 3)), (" 9 ", 9), (0.2, Fraction(1, 5)), (1, 1)])
def test_judgements_are_read_on_saatys_scale(text, value):
    assert parse_judgement(text) == value


@pytest.mark.parametrize("text", ["10", "0", "-3", "1/10", "abc", "2.5", True])
def test_judgements_off_the_scale_are_refused(text):
    with pytest.raises(ValueError):
        parse_judgement(text)


weights_strategy = st.lists(st.floats(0.05, 1.0), min_size=2, max_size=8)


@settings(max_examples=60, deadline=None)
@given(weights_strategy)
def test_a_consistent_matrix_gives_back_its_weights(hidden):
    w = np.array(hidden) / sum(hidden)
    weights, cr = ps.elicit.ahp(w[:, None] / w[None, :])
    assert weights == pytest.approx(w, rel=1e-9, abs=1e-12)
    assert cr == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(weights_strategy, st.randoms(use_true_random=False))
def test_reordering_the_criteria_reorders_the_weights(hidden, rnd):
    w = np.array(hidden)
    a = w[:, None] / w[None, :]
    a = np.exp(np.log(a) + np.triu(np.full_like(a, 0.3), 1) - np.tril(np.full_like(a, 0.3), -1))  # inconsistent
    order = list(range(len(w)))
    rnd.shuffle(order)
    weights, cr = ps.elicit.ahp(a)
    shuffled, shuffled_cr = ps.elicit.ahp(a[np.ix_(order, order)])
    assert shuffled == pytest.approx(weights[order])
    assert shuffled_cr == pytest.approx(cr)


def test_a_judgement_can_name_the_improvement_that_matters_more():
    from programscore.elicit.questions import judgement_question

    a = ps.elicit.Swing("job_support", "Support into a job", "rating", "higher", 2.0, 5.0, 0.6, scale_top=5.0)
    b = ps.elicit.Swing("cost", "Tuition fees", "money", "lower", 71_100.0, 0.0, 1.0)
    question = judgement_question(a, b, 1, 1)
    assert question.text == (
        "[1/1] Which improvement matters more to you, and how much?\n"
        "  A  job_support: Support into a job from 2 up to 5 (of 5)\n"
        "  B  cost: Tuition fees from £71,100 down to £0"
    )
    assert question.read("cost 5") == Fraction(1, 5)
    assert question.read("job_support 3") == 3
    assert question.read("1/7") == Fraction(1, 7)
    with pytest.raises(ValueError, match="after a name, give how much more it matters: 1 to 9"):
        question.read("cost 1/3")
    with pytest.raises(ValueError, match="answer 1 to 9 if job_support matters more, 1/2 to 1/9 if cost does"):
        question.read("a lot")

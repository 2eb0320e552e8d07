"""Trade-offs bisected to indifference: a hand-worked session, agreement with the project's own
weighted sum, the question budget, and recovery of hidden weights."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.elicit.pairwise import QUESTIONS_PER_PAIR, TOLERANCE, rho_to_u, u_to_rho
from programscore.elicit.ranges import Swing
from programscore.scoring import aggregate

SHEET = 'Programme,Fees,Length,Placement\nA,"£40,000",2 years,no\nB,Free,12 months,yes\nC,"£20,000",18 months,yes\n'


def profile(*keys):
    criteria = {
        "cost": ps.Criterion(key="cost", kind="money", better="lower", columns=["fees"]),
        "length": ps.Criterion(key="length", kind="duration", better="lower"),
        "placement": ps.Criterion(key="placement", kind="boolean"),
    }
    return ps.Profile(name="small", criteria=[criteria[k] for k in keys])


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text(SHEET, encoding="utf-8")
    return ps.read_sheet(path)


class Recorder:
    def __init__(self, replies):
        self.replies = list(replies)
        self.asked = []

    def __call__(self, question):
        self.asked.append(question.text)
        return question.read(self.replies.pop(0))


def test_hand_worked_trade_off_between_cost_and_length(sheet):
    setup = ps.elicit.setup(sheet, profile("cost", "length"))
    ask = Recorder(["n", "y", "n", "y"])
    result = ps.elicit.run("pairwise", setup.swings, ask)
    assert ask.asked == [
        "[length 1] Would you pay £40,000 more for a programme that is 12 months shorter (12 months instead of 24 months)?",
        "[length 2] Would you pay £20,000 more for a programme that is 12 months shorter (12 months instead of 24 months)?",
        "[length 3] Would you pay £30,000 more for a programme that is 12 months shorter (12 months instead of 24 months)?",
        "[length 4] Would you pay £25,000 more for a programme that is 12 months shorter (12 months instead of 24 months)?",
    ]
    # indifference in the middle of £25,000-£30,000: £27,500 for 12 months, so
    # w_length / w_cost = (27,500 / 40,000) / (12 / 12) = 11/16 and the weights are 16/27, 11/27
    assert result.reference == "cost"
    assert result.weights == pytest.approx({"cost": 16 / 27, "length": 11 / 27})
    assert result.notes == ["length: £27,500 of cost is worth 12 months of length; w_length / w_cost = 0.688"]


def test_a_yes_no_criterion_is_weighed_beyond_the_sheets_range(sheet):
    setup = ps.elicit.setup(sheet, profile("cost", "placement"))
    ask = Recorder(["y", "n", "y", "n"])
    result = ps.elicit.run("pairwise", setup.swings, ask)
    assert ask.asked[:2] == [
        "[placement 1] Would you pay £40,000 more for a programme that has Placement yes instead of no?",
        "[placement 2] Would you pay £80,000 more for a programme that has Placement yes instead of no? "
        "(more than the whole range of cost in your sheet, £40,000 to £0)",
    ]
    assert "£53,300" in ask.asked[2] and "£64,000" in ask.asked[3]
    # between £53,300 and £64,000 on the u scale: u = 2 - 1/rho at each end, the estimate in the middle
    low, high = rho_to_u(53_300 / 40_000), rho_to_u(64_000 / 40_000)
    ratio = result.weights["placement"] / result.weights["cost"]
    assert ratio == pytest.approx(u_to_rho((low + high) / 2))
    assert 53_300 / 40_000 < ratio < 64_000 / 40_000


def test_indifferent_programmes_score_the_same_with_the_weights_found():
    sheet = ps.read_sheet("data/programmes.csv")
    setup = ps.elicit.setup(sheet, "article")
    replies = {
        "job_support": "ynyn",
        "employment": "nyn=",
        "length": "nyyn",
        "industry_links": "nnyy",
        "placement": "nnyn",
    }
    answers = {"tradeoffs": {k: list(v) for k, v in replies.items()}}
    result = ps.elicit.run("pairwise", setup.swings, ps.elicit.Replay(answers))
    written = ps.elicit.elicited_profile(setup.profile, result)
    keys = written.keys
    observed = setup.ranking.values.loc[setup.ranking.rows, keys].to_numpy(dtype=float)
    swings = {s.key: s for s in setup.swings}
    cost = swings["cost"]
    for key, reply in replies.items():
        bisection = ps.elicit.Bisection(cost, swings[key])
        for answer in reply:
            bisection.answer(bisection.next_offer(), answer)
        paid, gained = bisection.indifference
        # two programmes alike but for the trade: one at the cheapest fee and the worst of `key`, the
        # other paying `paid` more and `gained` better on `key`
        base = np.array([swings[k].worst if k in swings and k != "cost" else np.nanmin(observed[:, j])
                         for j, k in enumerate(keys)])  # fmt: skip
        base[keys.index("cost")] = cost.best
        traded = base.copy()
        traded[keys.index("cost")] = cost.best + paid
        step = 1 if swings[key].best > swings[key].worst else -1
        traded[keys.index(key)] = swings[key].worst + step * gained
        _, scores = aggregate(np.vstack([observed, base, traded]), written)
        assert scores[-1] == pytest.approx(scores[-2], abs=0.01), key  # weights are written to 4 decimals


def test_at_most_four_questions_per_criterion(sheet):
    setup = ps.elicit.setup(sheet, profile("cost", "length", "placement"))
    ask = Recorder(["y"] * 20)
    ps.elicit.run("pairwise", setup.swings, ask)
    assert len(ask.asked) == (3 - 1) * QUESTIONS_PER_PAIR
    ask = Recorder(["=", "="])
    result = ps.elicit.run("pairwise", setup.swings, ask)  # "either" ends a criterion's questions
    assert len(ask.asked) == 2
    assert result.weights == pytest.approx({"cost": 1 / 3, "length": 1 / 3, "placement": 1 / 3})


def test_every_criterion_yes_no_has_no_reference():
    swings = [Swing("a", "A", "boolean", "higher", 0, 1, 1.0), Swing("b", "B", "keywords", "higher", 0, 1, 1.0)]
    with pytest.raises(ps.elicit.ElicitError, match="every criterion here is yes/no: use --method swing or ahp"):
        ps.elicit.run("pairwise", swings, Recorder([]))


def test_ratios_to_weights():
    assert ps.elicit.pairwise({("a", "b"): 2.0, ("b", "c"): 3.0}) == pytest.approx({"a": 0.6, "b": 0.3, "c": 0.1})
    # an inconsistent cycle is reconciled by least squares on the logarithms
    found = ps.elicit.pairwise({("a", "b"): 2.0, ("b", "c"): 2.0, ("a", "c"): 2.0})
    assert found["a"] / found["b"] == pytest.approx(2 ** (2 / 3)) and found["b"] / found["c"] == pytest.approx(
        2 ** (2 / 3)
    )
    with pytest.raises(ps.elicit.PairwiseError, match="no ratio links c to a"):
        ps.elicit.pairwise({("a", "b"): 2.0}, keys=["a", "b", "c"])
    with pytest.raises(ps.elicit.PairwiseError, match="must be a positive number"):
        ps.elicit.pairwise({("a", "b"): 0.0})
    # the README's formula: dx_i on i worth dx_j on j means w_i dx_i / range_i = w_j dx_j / range_j
    assert ps.elicit.tradeoff_ratio(6, 12, 20_000, 40_000) == pytest.approx(1.0)


swing_kinds = st.sampled_from([("duration", "lower", 24.0, 12.0), ("rating", "higher", 1.0, 5.0),
                               ("percent", "higher", 0.6, 0.95), ("boolean", "higher", 0.0, 1.0)])  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    st.floats(1_000, 100_000),
    st.floats(0.2, 1.0),
    st.lists(st.tuples(swing_kinds, st.floats(0.02, 1.0), st.floats(0.2, 1.0)), min_size=1, max_size=6),
    st.floats(0.02, 1.0),
)
def test_answers_from_hidden_weights_recover_them_within_the_tolerance(width, ref_span, others, ref_weight):
    reference = Swing("cost", "Cost", "money", "lower", width, 0.0, ref_span)
    swings = [reference]
    hidden = {"cost": ref_weight}
    for n, ((kind, better, worst, best), weight, span) in enumerate(others):
        swings.append(Swing(f"c{n}", f"C{n}", kind, better, worst, best, span))
        hidden[f"c{n}"] = weight
    worth = {s.key: hidden[s.key] * s.span for s in swings}  # what each whole improvement adds

    def oracle(question):
        key = question.id.removeprefix("tradeoffs.")
        offer = current[key].next_offer()
        truth = worth[key] / worth["cost"]
        asked = u_to_rho(offer.u)
        reply = "=" if math.isclose(truth, asked, rel_tol=1e-12) else ("y" if truth > asked else "n")
        current[key].answer(offer, reply)
        counts[key] = counts.get(key, 0) + 1
        return reply

    current = {s.key: ps.elicit.Bisection(reference, s) for s in swings[1:]}
    counts = {}
    result = ps.elicit.run("pairwise", swings, oracle)
    assert all(n <= QUESTIONS_PER_PAIR for n in counts.values())
    found = result.weights
    for s in swings[1:]:
        true_u = rho_to_u(worth[s.key] / worth["cost"])
        found_u = rho_to_u(found[s.key] * s.span / (found["cost"] * reference.span))
        assert abs(found_u - true_u) <= TOLERANCE + 0.005  # amounts are asked to 3 significant figures


def test_money_that_is_better_higher_is_not_a_price():
    salary = Swing("salary", "Median salary", "money", "higher", 30_000, 50_000, 1.0)
    length = Swing("length", "Length", "duration", "lower", 24, 12, 1.0)
    assert ps.elicit.choose_reference([salary, length]) is salary  # the first on a scale, no cost here
    ask = Recorder(["n", "n", "n", "n"])
    ps.elicit.run("pairwise", [salary, length], ask)
    assert ask.asked[1] == (
        "[length 2] Would you take a programme that has Median salary £10,000 lower if it is 12 months "
        "shorter (12 months instead of 24 months)?"
    )


def test_answers_at_the_end_of_the_scale_are_said_to_be_a_bound(sheet):
    setup = ps.elicit.setup(sheet, profile("cost", "placement", "length"))
    result = ps.elicit.run("pairwise", setup.swings, Recorder(["y"] * 4 + ["n"] * 4))
    assert result.notes == [
        "placement: £640,000 of cost is worth placement no to yes; w_placement / w_cost = 16",
        "placement: every answer put its improvement at more than 8 times the whole of cost's; "
        "the weight takes the middle of the last interval, 16 times",
        "length: £2,500 of cost is worth 12 months of length; w_length / w_cost = 0.0625",
        "length: every answer put its improvement at less than 0.125 times the whole of cost's; "
        "the weight takes the middle of the last interval, 0.0625 times",
    ]

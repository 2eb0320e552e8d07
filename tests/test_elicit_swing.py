"""Swing weights and the ranges the questions are about: hand-worked examples, the sheet's own
ranges and units, and recovery of hidden weights."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.elicit.questions import first_question, rating_question

SMALL = 'Programme,Fees,Length,Placement,Job support\nA,"£10,000",12 months,yes,5\nB,"£20,000",2 years,no,2\nC,"£15,000",18 months,yes,3\n'


def small_profile(**job):
    return ps.Profile(
        name="small",
        criteria=[
            ps.Criterion(key="cost", kind="money", better="lower", columns=["fees"]),
            ps.Criterion(key="length", kind="duration", better="lower"),
            ps.Criterion(key="placement", kind="boolean"),
            ps.Criterion(key="job_support", kind="rating", **job),
        ],
    )


@pytest.fixture
def small_sheet(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text(SMALL, encoding="utf-8")
    return ps.read_sheet(path)


def test_the_sheets_ranges_in_its_own_units():
    setup = ps.elicit.setup(ps.read_sheet("data/programmes.csv"), "article")
    described = {s.key: s.describe() for s in setup.swings}
    assert described == {
        "job_support": "Support into a job from 2 up to 5 (of 5)",
        "employment": "Graduates in work from 70% up to 95%",
        "length": "Programme length from 24 down to 12 months",
        "cost": "Tuition fees from £71,100 down to £0",
        "industry_links": "Links with industry from 1.25 up to 5 (of 5)",
        "placement": "Placement offered from no to yes",
    }
    spans = {s.key: s.span for s in setup.swings}
    # anchors 0-5 for job support: 2 to 5 is 60% of the scale; employment 50%-100%: 70%-95% is half
    assert spans == pytest.approx(
        {"job_support": 0.6, "employment": 0.5, "length": 1.0, "cost": 1.0, "industry_links": 0.75, "placement": 1.0}
    )
    assert setup.notes == []


def test_total_cost_when_the_profile_counts_living_costs():
    profile = ps.load_profile("article")
    profile.costs = ps.Costs(living=1000.0)
    profile.criterion("cost").total = True
    sheet = ps.read_sheet("data/programmes.csv")
    setup = ps.elicit.setup(sheet, profile)
    cost = next(s for s in setup.swings if s.key == "cost")
    totals = setup.ranking.total_cost
    assert (cost.worst, cost.best) == (np.nanmax(totals), np.nanmin(totals))
    assert cost.describe() == "Tuition fees from £95,100 down to £21,250"  # £71,100 + 24 months x £1,000


def test_a_criterion_with_one_value_is_left_out_with_a_note(small_sheet):
    sheet = small_sheet.copy()
    sheet["Placement"] = "yes"
    setup = ps.elicit.setup(sheet, small_profile())
    assert [s.key for s in setup.swings] == ["cost", "length", "job_support"]
    assert setup.notes == ["placement: every programme scores the same on it, so it cannot change the order"]


def test_hand_worked_swing_on_min_max_criteria(small_sheet):
    setup = ps.elicit.setup(small_sheet, small_profile())
    assert [s.describe() for s in setup.swings] == [
        "Cost from £20,000 down to £10,000",
        "Length from 24 down to 12 months",
        "Placement from no to yes",
        "Job support from 2 up to 5 (of 5)",
    ]
    # cost first (100), length 50, placement 25, job support 0: weights 4/7, 2/7, 1/7, 0
    answers = {"first": "cost", "ratings": {"length": 50, "placement": 25, "job_support": 0}}
    result = ps.elicit.run("swing", setup.swings, ps.elicit.Replay(answers))
    assert result.weights == pytest.approx({"cost": 4 / 7, "length": 2 / 7, "placement": 1 / 7, "job_support": 0})


def test_hand_worked_swing_with_anchors_wider_than_the_sheet(small_sheet):
    # job support anchored at 0 and 5: the sheet's 2 to 5 is 0.6 of the scale, so a rating of 60
    # for it is worth as much per unit of the scale as 100 for cost
    setup = ps.elicit.setup(small_sheet, small_profile(best=5, worst=0))
    job = next(s for s in setup.swings if s.key == "job_support")
    assert job.span == pytest.approx(0.6)
    assert ps.elicit.swing({"cost": 100, "job_support": 60}, {"cost": 1.0, "job_support": 0.6}) == pytest.approx(
        {"cost": 0.5, "job_support": 0.5}
    )
    # and the ranking agrees: with those weights the sheet's job support range adds 60% of the
    # points the cost range adds, as rated
    profile = small_profile(best=5, worst=0).with_changes(
        weights={"cost": 0.5, "job_support": 0.5, "length": 0, "placement": 0}
    )
    points = ps.score(small_sheet, profile).contributions
    spread = points.max() - points.min()
    assert spread["job_support"] / spread["cost"] == pytest.approx(0.6)


def test_swing_validates_the_ratings():
    with pytest.raises(ps.elicit.SwingError, match="every rating is 0"):
        ps.elicit.swing({"a": 0, "b": 0})
    with pytest.raises(ps.elicit.SwingError, match=r"b: the rating must be from 0 to 100 \(got 120\)"):
        ps.elicit.swing({"a": 100, "b": 120})
    with pytest.raises(ps.elicit.SwingError, match="a: the share of the value scale"):
        ps.elicit.swing({"a": 100}, {"a": 0})


def test_rating_questions_ask_again_on_bad_answers(small_sheet):
    swings = ps.elicit.setup(small_sheet, small_profile()).swings
    first = first_question(swings)
    assert first.read("2") == "length" and first.read("cost") == "cost"
    with pytest.raises(ValueError, match="a number from 1 to 4 or a criterion key"):
        first.read("5")
    rating = rating_question(swings[1], swings[0])
    assert rating.read("55") == 55
    with pytest.raises(ValueError, match="above 100: then this improvement would come before cost"):
        rating.read("101")
    with pytest.raises(ValueError, match="answer with a number from 0 to 100"):
        rating.read("lots")


def test_without_a_sheet_the_profiles_anchors_are_the_ranges():
    profile = ps.load_profile("article").without(["cost"])
    swings = ps.elicit.anchor_swings(profile)
    assert [s.describe() for s in swings][:3] == [
        "Support into a job from 0 up to 5 (of 5)",
        "Graduates in work from 50% up to 100%",
        "Programme length from 24 down to 12 months",
    ]
    with pytest.raises(ps.ProfileError, match="criterion 'cost' is scaled over the sheet"):
        ps.elicit.anchor_swings(ps.load_profile("article"))


def test_a_target_criterion_swings_towards_its_target(small_sheet):
    profile = ps.Profile(name="t", criteria=[ps.Criterion(key="length", kind="duration", better="target", target=15),
                                             ps.Criterion(key="cost", kind="money", better="lower",
                                                          columns=["fees"])])  # fmt: skip
    swing = ps.elicit.setup(small_sheet, profile).swings[0]
    assert swing.describe() == "Length from 24 months to 12 months (the target is 15 months)"
    assert (swing.width, swing.span) == (6, pytest.approx(1 - 3 / 9))


hidden = st.lists(st.tuples(st.floats(0.01, 1.0), st.floats(0.1, 1.0)), min_size=2, max_size=7)


@settings(max_examples=80, deadline=None)
@given(hidden)
def test_ratings_from_hidden_weights_give_them_back(criteria):
    weights = np.array([w for w, _ in criteria])
    spans = np.array([s for _, s in criteria])
    worth = weights * spans  # what each improvement adds under the hidden weights
    first = int(np.argmax(worth))
    keys = [f"c{i}" for i in range(len(criteria))]
    ratings = {k: 100 * worth[i] / worth[first] for i, k in enumerate(keys)}
    found = ps.elicit.swing(ratings, dict(zip(keys, spans, strict=True)))
    assert list(found.values()) == pytest.approx(list(weights / weights.sum()), rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(hidden)
def test_whole_number_ratings_are_reproduced_by_the_weights(criteria):
    weights = np.array([w for w, _ in criteria])
    spans = np.array([s for _, s in criteria])
    worth = weights * spans
    first = int(np.argmax(worth))
    keys = [f"c{i}" for i in range(len(criteria))]
    ratings = np.array([round(100 * worth[i] / worth[first]) for i in range(len(keys))])
    found = np.array(
        list(ps.elicit.swing(dict(zip(keys, ratings, strict=True)), dict(zip(keys, spans, strict=True))).values())
    )
    # the improvements are worth, under the weights found, what the ratings said...
    assert 100 * found * spans / (found[first] * spans[first]) == pytest.approx(ratings, abs=1e-9)
    # ...and each hidden worth was within half a rating point of its rating
    assert np.all(np.abs(100 * worth / worth[first] - ratings) <= 0.5)


def test_readme_promise_ps_elicit_is_importable():
    assert Path(ps.elicit.__file__).parent.name == "elicit"


def test_one_criterion_that_varies_takes_the_whole_weight_without_questions():
    only = ps.elicit.Swing("cost", "Cost", "money", "lower", 100.0, 0.0, 1.0)
    result = ps.elicit.run("swing", [only], lambda question: pytest.fail("asked"))
    assert result.weights == {"cost": 1.0} and result.record == []


def test_ahp_refuses_more_criteria_than_the_random_indices_before_asking():
    swings = [ps.elicit.Swing(f"c{i}", f"C{i}", "number", "higher", 0.0, 1.0, 1.0) for i in range(16)]
    with pytest.raises(ps.elicit.ElicitError, match="random indices go up to 15 criteria; this profile has 16"):
        ps.elicit.run("ahp", swings, lambda question: pytest.fail("asked"))


def test_a_topsis_profile_is_told_the_weights_are_for_a_weighted_sum():
    profile = ps.load_profile("article").with_changes(method="topsis")
    notes = ps.elicit.setup(ps.read_sheet("data/programmes.csv"), profile).notes
    assert notes == [
        "the weights are worked out for a weighted sum of linear values; this profile's method is topsis, "
        "which uses weights differently, so rankings follow the answers less exactly"
    ]


def test_one_anchor_bounds_its_own_side_only(small_sheet):
    # job support best = 4 (higher is better): 4 and 5 both score 1, so the improvement stops at 4;
    # the worst end is the sheet's (2)
    swing = next(s for s in ps.elicit.setup(small_sheet, small_profile(best=4)).swings if s.key == "job_support")
    assert (swing.worst, swing.best, swing.span) == (2, 4, 1.0)
    swing = next(s for s in ps.elicit.setup(small_sheet, small_profile(worst=1)).swings if s.key == "job_support")
    assert (swing.worst, swing.best, swing.span) == (2, 5, pytest.approx(0.75))


SETUP = {}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0.01, 1.0), min_size=6, max_size=6))
def test_a_session_answered_from_hidden_weights_writes_them(hidden):
    if not SETUP:
        SETUP["article"] = ps.elicit.setup(ps.read_sheet("data/programmes.csv"), "article")
    setup = SETUP["article"]
    weights = dict(zip([s.key for s in setup.swings], np.array(hidden) / sum(hidden), strict=True))
    worth = {s.key: weights[s.key] * s.span for s in setup.swings}
    first = max(worth, key=worth.get)
    answers = {"first": first, "ratings": {k: 100 * v / worth[first] for k, v in worth.items() if k != first}}
    result = ps.elicit.run("swing", setup.swings, ps.elicit.Replay(answers))
    written = ps.elicit.elicited_profile(setup.profile, result)
    # the file holds 4 decimals (each within 5e-5; their sum, which the loader divides by, within 3e-4 of 1)
    assert written.weights == pytest.approx(weights, abs=4e-4)

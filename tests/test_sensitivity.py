"""Sensitivity to the weights: acceptability, stability intervals, rank reversal."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import programscore as ps
from programscore.cli import main
from programscore.sensitivity import sample_scores, shares_to_weights


def numbers(matrix, weights, method="weighted-sum", **options):
    matrix = np.asarray(matrix, dtype=float)
    sheet = pd.DataFrame({f"c{j}": matrix[:, j] for j in range(matrix.shape[1])})
    sheet.insert(0, "name", [f"P{i + 1}" for i in range(len(matrix))])
    profile = ps.Profile(
        name="n",
        method=method,
        criteria=[ps.Criterion(key=f"c{j}", kind="number", weight=w, **options) for j, w in enumerate(weights)],
    )
    return ps.score(sheet, profile)


@pytest.fixture(scope="module")
def example():
    return ps.score(ps.read_sheet("data/programmes.csv"), "article")


@pytest.mark.parametrize("spread", [0.0, 0.25, 0.9, "any"])
@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_a_dominant_programme_is_always_first(spread, method):
    result = numbers([[5, 5, 5], [4, 5, 1], [1, 2, 5], [3, 3, 3]], [1, 2, 3], method)
    analysis = result.sensitivity(samples=2000, spread=spread, seed=1)
    table = analysis.programmes.set_index("name")
    assert table.loc["P1", "p_first"] == 1.0
    assert table.loc["P1", "rank_p95"] == 1


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 9), min_size=3, max_size=3), min_size=2, max_size=12),
    st.sampled_from([0.3, "any"]),
)
def test_probabilities_of_each_rank_sum_to_one(matrix, spread):
    result = numbers(matrix, [1, 1, 2])
    analysis = result.sensitivity(samples=300, spread=spread, seed=2, top=len(matrix))
    assert analysis.rank_probabilities.sum(axis=0) == pytest.approx(np.ones(len(matrix)))
    assert analysis.rank_probabilities.sum(axis=1) == pytest.approx(np.ones(len(matrix)))
    assert analysis.programmes["p_first"].sum() == pytest.approx(1)


def test_same_seed_same_answer(example):
    a = example.sensitivity(samples=3000, spread=0.5, seed=11).render("json")
    b = example.sensitivity(samples=3000, spread=0.5, seed=11).render("json")
    c = example.sensitivity(samples=3000, spread=0.5, seed=12).render("json")
    assert a == b and a != c


def first_and_margin(result, key, share):
    """Scores at a share of one criterion (others in proportion): who leads, and by how much over the rest."""
    base = np.array([result.profile.weights[k] for k in result.profile.keys])
    j = result.profile.keys.index(key)
    scores = sample_scores(result.normalised.to_numpy(), shares_to_weights(base, j, np.array([share])), result.method)[
        0
    ]
    return scores


@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_stability_endpoints_are_confirmed_just_inside_and_just_outside(example, method):
    result = (
        example
        if method == "weighted-sum"
        else ps.score(ps.read_sheet("data/programmes.csv"), "article", method="topsis")
    )
    names = list(result.names)
    checked = 0
    for interval in result.sensitivity(samples=10).stability:
        assert interval.low <= interval.share <= interval.high
        for end, taker, step in ((interval.low, interval.below, -1), (interval.high, interval.above, 1)):
            if taker is None:
                continue
            inside = first_and_margin(result, interval.key, end - step * 1e-6)
            outside = first_and_margin(result, interval.key, end + step * 1e-6)
            assert inside[0] >= inside.max() - 1e-7  # still first just inside
            assert outside[names.index(taker)] > outside[0]  # the taker leads just outside
            checked += 1
    assert checked >= 3


def test_stability_interval_worked_example():
    # P1 = (1, 0), P2 = (0, 1), P3 = (0.4, 0.4) after min-max; weights 0.6 / 0.4: P1 leads with 60.
    # With share s on c0: P1 = 100 s, P2 = 100 (1 - s); P1 stays first for s >= 0.5.
    result = numbers([[10, 0], [0, 10], [4, 4]], [0.6, 0.4])
    stability = {s.key: s for s in result.sensitivity(samples=10).stability}
    assert stability["c0"].low == pytest.approx(0.5) and stability["c0"].below == "P2"
    assert stability["c0"].high == 1.0 and stability["c0"].above is None
    assert stability["c1"].high == pytest.approx(0.5) and stability["c1"].above == "P2"


def test_rank_reversal_with_min_max():
    # Min-max over the sheet: P1 sets the bottom of c1's range; without it P3 passes P2.
    # Before: P2 = 58.33, P3 = 57.14. Without P1: c1 runs from 4 to 9, P2 = 50.00, P3 = 57.14.
    result = numbers([[2, 3], [9, 4], [3, 9], [2, 4]], [0.5, 0.5])
    assert list(result.names) == ["P2", "P3", "P4", "P1"]
    reversals = result.sensitivity(samples=10, reversal=True).reversals
    assert reversals.to_dict("records") == [
        {"left_out": "P1", "was_ahead": "P2", "now_ahead": "P3", "gap_before": pytest.approx(58.3333 - 57.1429, abs=1e-3),
         "gap_after": pytest.approx(57.1429 - 50, abs=1e-3)}
    ]  # fmt: skip


def test_no_reversal_with_fixed_anchors():
    result = numbers([[2, 3], [9, 4], [3, 9], [2, 4]], [0.5, 0.5], best=10, worst=0)
    assert result.sensitivity(samples=10, reversal=True).reversals.empty


def test_bad_arguments():
    result = numbers([[1, 2], [2, 1]], [1, 1])
    with pytest.raises(ps.ProgramscoreError, match="the spread must be a number from 0 up to"):
        result.sensitivity(spread=1.5)
    with pytest.raises(ps.ProgramscoreError, match="samples must be a whole number of at least 1"):
        result.sensitivity(samples=0)


def test_cli_table_json_workbook_and_page(tmp_path):
    runner = CliRunner()
    table = runner.invoke(main, ["sensitivity", "data/programmes.csv", "--samples", "2000", "--reversal"])
    assert table.exit_code == 0, table.output
    assert table.output.startswith("2,000 weight samples, ±25%, seed 0 (weighted-sum, profile 'article')\n")
    assert "before MSc Business Analytics, Kingsgate University loses first place:" in table.output
    assert "Rank reversal: 1 pair(s) change order when one programme is left out:" in table.output
    data = json.loads(
        runner.invoke(main, ["sensitivity", "data/programmes.csv", "--samples", "500", "-f", "json"]).output
    )
    assert set(data) == {"profile", "ranking", "excluded", "issues", "sensitivity"}
    assert data["sensitivity"]["samples"] == 500 and data["sensitivity"]["spread"] == 0.25
    assert {"name", "p_first", "p_top", "median_rank", "rank_p5", "rank_p95"} <= set(
        data["sensitivity"]["programmes"][0]
    )
    path = tmp_path / "s.xlsx"
    assert (
        runner.invoke(main, ["sensitivity", "data/programmes.csv", "--samples", "500", "-o", str(path)]).exit_code == 0
    )
    sheet = load_workbook(path)["Sensitivity"]
    assert [c.value for c in sheet[1]][:8] == ["Rank", "Programme", "Score", "P(first)", "P(top 3)", "Median rank",
                                               "Rank 5%", "Rank 95%"]  # fmt: skip
    assert sheet._charts and sheet._charts[0].grouping == "stacked"
    page = tmp_path / "s.html"
    assert (
        runner.invoke(main, ["sensitivity", "data/programmes.csv", "--samples", "500", "-o", str(page)]).exit_code == 0
    )
    assert 'id="sensitivity-table"' in page.read_text()
    csv = runner.invoke(main, ["sensitivity", "data/programmes.csv", "--samples", "500", "-f", "csv"]).output
    assert csv.splitlines()[0] == '"rank","name","row","score","p_first","p_top3","median_rank","rank_p5","rank_p95"'
    bad = runner.invoke(main, ["sensitivity", "data/programmes.csv", "--spread", "lots"])
    assert bad.exit_code == 2 and "Invalid value for --spread: 'lots' is not a number, 'any' or 'order'" in bad.output

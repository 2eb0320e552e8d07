"""Weights from an order of importance, dominance, total cost of study and value for money."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from openpyxl import load_workbook

import programscore as ps
from programscore import kernels
from programscore.cli import main

ORDER = "job_support > cost > length = placement > industry_links > employment"


def test_roc_weights_published_values():
    # Rank-order centroid (Barron & Barrett 1996): for 6 criteria 0.4083, 0.2417, 0.1583, 0.1028, 0.0611, 0.0278.
    weights = ps.weights_from_order("a > b > c > d > e > f")
    assert list(weights.values()) == pytest.approx([0.4083, 0.2417, 0.1583, 0.1028, 0.0611, 0.0278], abs=5e-5)
    assert ps.weights_from_order("a > b") == {"a": 0.75, "b": 0.25}
    assert sum(weights.values()) == pytest.approx(1)


def test_roc_ties_share_the_mean_of_their_places():
    six = list(ps.weights_from_order("a > b > c > d > e > f").values())
    tied = ps.weights_from_order("a > b > c = d > e > f")
    assert tied["c"] == tied["d"] == pytest.approx((six[2] + six[3]) / 2)
    assert tied["a"] == pytest.approx(six[0]) and tied["f"] == pytest.approx(six[5])
    everyone = ps.weights_from_order("a = b = c")
    assert list(everyone.values()) == pytest.approx([1 / 3] * 3)


def test_order_errors():
    keys = ["a", "b", "c"]
    with pytest.raises(ps.ProfileError, match="the order leaves out 'c'; name every criterion"):
        ps.weights_from_order("a > b", keys)
    with pytest.raises(ps.ProfileError, match=r"the order names 'd', which is not a criterion"):
        ps.weights_from_order("a > b > c > d", keys)
    with pytest.raises(ps.ProfileError, match="the order names 'a' twice"):
        ps.weights_from_order("a > b = a > c", keys)
    with pytest.raises(ps.ProfileError, match="has an empty place"):
        ps.weights_from_order("a > > b", keys)


def test_rank_in_a_profile_sets_the_weights_and_survives_dropping_a_criterion(tmp_path):
    text = ps.load_profile("article").to_toml().replace('name = "article"', f'name = "ranked"\nrank = "{ORDER}"')
    path = tmp_path / "ranked.toml"
    path.write_text(text)
    profile = ps.load_profile(path)
    assert profile.weights["job_support"] == pytest.approx(0.4083, abs=5e-5)
    assert profile.weights["employment"] == pytest.approx(0.0278, abs=5e-5)
    sheet = ps.read_sheet("data/programmes.csv").drop(columns=["Graduate employment"])
    result = ps.score(sheet, profile)
    # five criteria left: ROC over five places, the tie sharing places 3 and 4
    five = list(ps.weights_from_order("a > b > c > d > e").values())
    assert result.profile.weights["length"] == pytest.approx((five[2] + five[3]) / 2)
    shown = CliRunner().invoke(main, ["profile", "show", str(path)])
    assert "job_support     rating    higher    0.4083    40.8%" in shown.output
    assert f"weights from the order of importance (rank-order centroid): {ORDER}" in shown.output


def test_rank_through_the_cli_and_with_weights_refused():
    runner = CliRunner()
    result = runner.invoke(main, ["score", "data/programmes.csv", "--rank", ORDER, "-f", "json"])
    assert result.exit_code == 0, result.output
    weights = {c["key"]: c["weight"] for c in json.loads(result.output)["profile"]["criteria"]}
    assert weights["cost"] == pytest.approx(0.2417, abs=5e-5)
    both = runner.invoke(main, ["score", "data/programmes.csv", "--rank", ORDER, "-w", "cost=2"])
    assert both.exit_code == 2 and "give -w weights or --rank, not both" in both.output
    bad = runner.invoke(main, ["score", "data/programmes.csv", "--rank", "cost > lenght"])
    assert bad.exit_code == 2  # a usage error, as an unknown key of -w is
    assert "Invalid value for --rank: the order names 'lenght', which is not a criterion (did you mean 'length'?)" in (
        bad.output
    )


def brute_force(values):
    at_least = (values[:, None, :] >= values[None, :, :]).all(axis=2)
    better = (values[:, None, :] > values[None, :, :]).any(axis=2)
    return at_least & better  # [i, j]: i dominates j


def test_dominance_hand_made():
    values = np.array([[1.0, 1.0], [1.0, 0.5], [0.5, 1.0], [0.2, 0.2], [1.0, 1.0]])
    scores = values.sum(axis=1)
    found = kernels.dominators(values, scores)
    assert found.tolist() == [-1, 0, 0, 0, -1]  # equal rows do not dominate each other


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float64, st.tuples(st.integers(1, 60), st.integers(1, 4)), elements=st.sampled_from([0, 0.25, 0.5, 1])),
    st.integers(0, 5),
)
def test_dominance_against_brute_force(values, leaders):
    scores = values @ np.arange(1, values.shape[1] + 1)
    found = kernels.dominators(values, scores, block=7, leaders=leaders)
    dominates = brute_force(values)
    assert ((found >= 0) == dominates.any(axis=0)).all()
    for j in np.flatnonzero(found >= 0):
        assert dominates[found[j], j]
        assert scores[found[j]] == scores[dominates[:, j]].max()


def test_dominance_on_random_data_against_brute_force():
    rng = np.random.default_rng(3)
    for values in (rng.integers(0, 5, (400, 3)).astype(float), rng.random((1500, 5))):
        scores = values @ rng.random(values.shape[1])
        found = kernels.dominators(values, scores, block=64)
        dominates = brute_force(values)
        assert ((found >= 0) == dominates.any(axis=0)).all()
        chosen = np.flatnonzero(found >= 0)
        assert dominates[found[chosen], chosen].all()
        assert all(scores[found[j]] == scores[dominates[:, j]].max() for j in chosen)


def test_dominated_in_the_ranking_and_hidden():
    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    table = result.table
    westbridge = table.set_index("name").loc["MSc AI for Business, Westbridge Business School"]
    assert westbridge["dominated_by"] == "MSc Data Science, Northfield University"
    hidden = result.without_dominated()
    assert hidden.dominated.sum() == 0 and len(hidden.names) == (~result.dominated).sum()
    assert list(hidden.ranks) == sorted(hidden.ranks)  # ranks are kept, not renumbered
    out = CliRunner().invoke(main, ["score", "data/programmes.csv", "--hide-dominated"])
    # programmes with unknowns are dominated only when their unknowns could not rescue them
    assert "Westbridge" not in out.output and "11 shown of 21 ranked (10 dominated hidden)" in out.output


def sheet(fees, lengths):
    return pd.DataFrame({"Programme": [f"P{i}" for i in range(len(fees))], "Fees": fees, "Length": lengths})


def costs_profile(total=True, living=1000.0, earnings=24000.0):
    return ps.Profile(
        name="costs",
        currency=ps.Currency(base="GBP", rates={"EUR": 0.85}),
        costs=ps.Costs(living=living, earnings=earnings),
        criteria=[
            ps.Criterion(key="cost", kind="money", columns=["Fees"], better="lower", total=total),
            ps.Criterion(key="length", kind="duration", columns=["Length"], better="lower", weight=0),
        ],
    )


def test_total_cost_of_study_arithmetic():
    result = ps.score(sheet(["£9,000 / year", "€10,000 per year", "£12,000"], ["2 years", "18 months", "1 year"]),
                      costs_profile())  # fmt: skip
    totals = dict(zip(result.names, result.total_cost, strict=True))
    per_month = 1000 + 24000 / 12
    assert totals["P0"] == pytest.approx(2 * 9000 + 24 * per_month)
    assert totals["P1"] == pytest.approx(1.5 * 10000 * 0.85 + 18 * per_month)
    assert totals["P2"] == pytest.approx(12000 + 12 * per_month)
    values = result.values["cost"].tolist()
    assert values == pytest.approx([totals["P0"], totals["P1"], totals["P2"]])  # the criterion scores the total


def test_total_cost_shown_even_when_the_criterion_scores_fees_only():
    result = ps.score(sheet(["£9,000 / year"], ["2 years"]), costs_profile(total=False))
    assert result.values["cost"].tolist() == [18000]
    assert result.total_cost.tolist() == [18000 + 24 * 3000]


def test_total_cost_with_missing_length_is_unknown_with_a_warning():
    result = ps.score(sheet(["£9,000", "£8,000"], ["1 year", None]), costs_profile())
    assert np.isnan(result.values.loc[3, "cost"])
    assert result.issues["message"].tolist() == [
        "the length is missing, so the total cost of study (living costs, earnings forgone) is unknown"
    ]


def test_costs_in_a_profile_file(tmp_path):
    text = """name = "c"
[costs]
living = 1100
earnigns = 20000
[[criteria]]
key = "cost"
kind = "money"
"""
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ps.ProfileError) as caught:
        ps.load_profile(path)
    assert str(caught.value) == f"{path}, line 4: unknown key 'earnigns' in [costs] (did you mean 'earnings'?)"
    path.write_text(text.replace("earnigns", "earnings"))
    profile = ps.load_profile(path)
    assert profile.costs.per_month == pytest.approx(1100 + 20000 / 12)
    assert ps.profile_io.parse_profile(profile.to_toml()) == profile


def test_value_for_money_and_frontier():
    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    value = dict(zip(result.names, result.value_for_money, strict=True))
    assert value["MSc Data Science, Northfield University"] == pytest.approx(86.903 / 12.5, abs=1e-3)
    assert np.isinf(value["MSc Statistics and Machine Learning, Fjordvik University"])  # free
    front = [str(n) for n, f in zip(result.names, result.cost_frontier, strict=True) if f]
    assert front == [
        "MSc Business Analytics, Kingsgate University",
        "MSc Machine Learning, Harbourside Institute of Technology",
        "MSc Data Science, Northfield University",
        "MSc Artificial Intelligence, Vale College",
        "MSc Statistics and Machine Learning, Fjordvik University",
    ]
    by_value = result.by_value()
    assert by_value.names[0] == "MSc Statistics and Machine Learning, Fjordvik University"
    assert by_value.names[1] == "MSc Data Science and AI, Rhinemark Hochschule"  # also free
    assert by_value.names[2] == "MSc Data Science, Northfield University"
    assert by_value.names[-1] == "MSc Robotics and AI, Caledon University"  # fees not stated: last


def test_cost_frontier_kernel():
    costs = np.array([10.0, 20.0, 15.0, np.nan, 10.0])
    scores = np.array([50.0, 80.0, 40.0, 99.0, 60.0])
    assert kernels.cost_frontier(costs, scores).tolist() == [False, True, False, False, True]


def test_value_sheet_and_html_section(tmp_path):
    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    path = tmp_path / "r.xlsx"
    result.to_excel(path)
    workbook = load_workbook(path)
    value = workbook["Value"]
    chart = value._charts[0]
    assert type(chart).__name__ == "ScatterChart" and len(chart.series) == 2
    frontier = [value.cell(row=r, column=1).value for r in range(2, 7)]
    assert frontier[0] == "MSc Statistics and Machine Learning, Fjordvik University"
    ranking = workbook["Ranking"]
    header = [c.value for c in ranking[1]]
    assert header[-3:] == ["Total cost (GBP)", "Points per 1,000 GBP", "Dominated by"]
    page = result.render("html")
    assert 'id="value-chart"' in page and page.count("<circle") == 20  # one programme's fees are not stated

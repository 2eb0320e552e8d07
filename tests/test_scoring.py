"""The whole pipeline from raw cells to a Ranking."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import programscore as ps


def numbers_profile(k=3, method="weighted-sum", weights=None, **options):
    weights = weights or [1.0] * k
    return ps.Profile(
        name="numbers",
        method=method,
        criteria=[ps.Criterion(key=f"c{j}", kind="number", weight=weights[j], **options) for j in range(k)],
    )


def sheet_of(matrix, names=None):
    matrix = np.asarray(matrix, dtype=float)
    frame = pd.DataFrame({f"c{j}": matrix[:, j] for j in range(matrix.shape[1])})
    frame.insert(0, "name", names or [f"P{i + 1}" for i in range(len(matrix))])
    return frame


def test_topsis_example_through_the_pipeline():
    # The Tzeng & Huang (2011) example again, from a sheet of text cells.
    sheet = pd.DataFrame(
        {
            "name": ["A1", "A2", "A3", "A4"],
            "c0": ["5", "7", "8", "7"],
            "c1": ["8", "6", "8", "4"],
            "c2": ["4", "8", "6", "6"],
        }
    )
    result = ps.score(sheet, numbers_profile(method="topsis", weights=[0.3, 0.4, 0.3]))
    assert list(result.names) == ["A3", "A2", "A1", "A4"]
    assert result.scores / 100 == pytest.approx([0.7768, 0.6484, 0.4853, 0.3630], abs=5e-5)
    assert result.ranks.tolist() == [1, 2, 3, 4]
    assert result.rows.tolist() == [4, 3, 2, 5]


def test_weighted_sum_contributions_and_table():
    result = ps.score(sheet_of([[1, 10], [3, 30], [2, 20]]), numbers_profile(2, weights=[3, 1]))
    table = result.table
    assert list(table.columns) == ["rank", "name", "score", "c0", "c1", "dominated_by"]
    assert table["name"].tolist() == ["P2", "P3", "P1"]
    assert table["score"].tolist() == pytest.approx([100, 50, 0])
    assert table["c0"].tolist() == pytest.approx([75, 37.5, 0])
    assert table[["c0", "c1"]].sum(axis=1).tolist() == pytest.approx(table["score"].tolist())


def test_article_profile_on_the_example_data():
    result = ps.score(ps.read_sheet("data/programmes.csv"), ps.load_profile("article"))
    assert len(result.names) == 21 and result.excluded.empty
    assert result.names[0] == "MSc Business Analytics, Kingsgate University"
    assert result.scores[0] == pytest.approx(91.455, abs=0.001)
    # every programme's points add up to its score
    assert result.contributions.sum(axis=1).to_numpy() == pytest.approx(result.scores)
    assert sorted(result.issues["cell"]) == ["E13", "E3", "H18", "I22"]  # website, two fees, TBC, N/A
    assert set(result.issues["severity"]) == {"warning"}
    assert result.values.loc[8, "cost"] == pytest.approx(447.60 * 36 * 0.79)  # per credit (36 credits)
    xlsx = ps.score(ps.read_sheet("data/programmes.xlsx"), ps.load_profile("article"))
    assert list(xlsx.names) == list(result.names)
    assert xlsx.scores == pytest.approx(result.scores)


def test_explain_lists_points_per_criterion():
    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    explanation = result.explain("vale college")
    assert explanation.name == "MSc Artificial Intelligence, Vale College"
    assert (explanation.rank, explanation.row) == (11, 4)
    assert explanation.criteria["points"].sum() == pytest.approx(explanation.score)
    cost = explanation.criteria.loc["cost"]
    assert (cost["raw"], cost["value"], cost["column"]) == ("£9,250 / year", "9,250 GBP", "Tuition fees")
    assert "rank 11, score 62.75 (weighted-sum)" in str(explanation)
    with pytest.raises(ps.ProgramscoreError, match=r"'MSc Data Science' matches 4 programmes"):
        result.explain("MSc Data Science")
    with pytest.raises(ps.ProgramscoreError, match="no programme called 'Oxbridge'"):
        result.explain("Oxbridge")


def test_hard_limits_exclude_with_readable_reasons():
    profile = ps.load_profile("article")
    profile.criterion("cost").max = 30000
    profile.criterion("length").max = 18
    result = ps.score(ps.read_sheet("data/programmes.csv"), profile)
    excluded = dict(zip(result.excluded["name"], result.excluded["reasons"], strict=True))
    assert excluded["MS Machine Learning, Pacific Crest University"] == [
        "length 24 months is above max 18 months",
        "cost 71,100 GBP is above max 30,000 GBP",
    ]
    assert excluded["MSc Data Analytics, Meridian University Dhaka"] == ["cost 49,892 GBP is above max 30,000 GBP"]
    assert len(result.names) + len(result.excluded) == 21


def test_require_boolean():
    profile = ps.Profile(name="p", criteria=[ps.Criterion(key="placement", kind="boolean", require=True)])
    sheet = pd.DataFrame({"name": ["a", "b", "c"], "placement": ["yes", "no", "optional"]})
    result = ps.score(sheet, profile)
    assert list(result.names) == ["a", "c"]
    assert result.excluded.to_dict("records") == [
        {"name": "b", "row": 3, "reasons": ["placement is required but not offered"]}
    ]


@pytest.mark.parametrize(
    "policy, expected",
    [("worst", [100.0, 0.0, 50.0]), ("mean", [100.0, 75.0, 50.0])],
)
def test_missing_policies(policy, expected):
    sheet = sheet_of([[3, 1], [math.nan, 1], [2, 1]])
    profile = numbers_profile(2, weights=[1, 0], missing=policy)
    profile.criteria[0].best, profile.criteria[0].worst = 3, 1
    assert dict(zip(ps.score(sheet, profile).names, ps.score(sheet, profile).scores, strict=True)) == dict(
        zip(["P1", "P2", "P3"], expected, strict=True)
    )


def test_missing_exclude_and_error():
    sheet = sheet_of([[3], [math.nan], [2]])
    result = ps.score(sheet, numbers_profile(1, missing="exclude"))
    assert list(result.names) == ["P1", "P3"]
    assert result.excluded["reasons"].tolist() == [["c0 is missing"]]
    with pytest.raises(ps.DataError) as caught:
        ps.score(sheet, numbers_profile(1, missing="error"))
    assert str(caught.value) == (
        "the sheet: criterion 'c0' has missing = \"error\" and 1 programme(s) have no readable value "
        "in column 'c0': B3 (empty)"
    )


def test_optional_criterion_without_column_is_left_out_with_a_notice():
    sheet = pd.DataFrame(
        {
            "Programme": ["a", "b"],
            "Length": ["1 year", "2 years"],
            "Fees": ["£1", "£2"],
            "Job support": [3, 4],
            "Industry": ["high", "low"],
            "Placement": ["yes", "no"],
        }
    )
    result = ps.score(sheet, "article")
    assert "employment" not in result.profile.keys
    assert result.notices == ["criterion 'employment' left out: the sheet has no column for it"]
    assert sum(result.profile.weights.values()) == pytest.approx(1)


def test_required_column_missing_lists_headers():
    sheet = pd.DataFrame({"Programme": ["a"], "Lenght": ["1 year"]})
    with pytest.raises(ps.SheetError) as caught:
        ps.score(sheet, ps.Profile(name="p", criteria=[ps.Criterion(key="length", kind="duration")]))
    assert str(caught.value) == (
        "the sheet: no column for criterion 'length' (looked for 'length', 'Length'); the headers are "
        "'Programme', 'Lenght'; the closest is 'Lenght'"
    )


def test_two_columns_for_one_criterion():
    sheet = pd.DataFrame({"Fees (UK)": ["£1"], "Fees (international)": ["£2"]})
    with pytest.raises(ps.SheetError, match="columns 'Fees \\(UK\\)' and 'Fees \\(international\\)' both match"):
        ps.score(sheet, ps.Profile(name="p", criteria=[ps.Criterion(key="cost", kind="money", columns=["fees"])]))


def test_weights_override_and_unknown_key():
    sheet = ps.read_sheet("data/programmes.csv")
    cheap = ps.score(sheet, "article", weights={"cost": 20})
    assert cheap.profile.weights["cost"] > 0.6
    assert cheap.names[0] != ps.score(sheet, "article").names[0]
    with pytest.raises(ps.ProfileError, match=r"unknown criterion 'cots' in weights \(did you mean 'cost'\?\)"):
        ps.score(sheet, "article", weights={"cots": 1})


def test_to_dict_has_the_documented_shape():
    data = ps.score(ps.read_sheet("data/programmes.csv"), "article").to_dict()
    assert set(data) == {"profile", "ranking", "excluded", "issues"}
    assert sum(c["weight"] for c in data["profile"]["criteria"]) == pytest.approx(1)
    first = data["ranking"][0]
    assert set(first) == {
        "rank",
        "name",
        "row",
        "score",
        "contributions",
        "values",
        "imputed",
        "unknown",
        "dominated_by",
        "total_cost",
        "per_1000",
    }
    assert first["values"]["length"] == 12.0 and first["values"]["cost"] == 26500.0
    assert sum(first["contributions"].values()) == pytest.approx(first["score"])
    issue = next(i for i in data["issues"] if i["cell"] == "H18")
    assert issue == {
        "sheet": None,
        "row": 18,
        "column": "Careers support",
        "cell": "H18",
        "value": "TBC",
        "severity": "warning",
        "message": "not stated; treated as missing",
        "reading": None,
    }


def test_constant_column_gives_one_not_a_division_by_zero():
    result = ps.score(sheet_of([[5, 1], [5, 2]]), numbers_profile(2))
    assert result.normalised["c0"].tolist() == [1.0, 1.0]


# --- properties -----------------------------------------------------------------------------------

values = st.floats(0, 1000, allow_nan=False).map(lambda v: round(v, 3))
sheets = st.integers(2, 10).flatmap(
    lambda n: st.lists(st.lists(values, min_size=3, max_size=3), min_size=n, max_size=n)
)
weight_lists = st.lists(st.floats(0.1, 10), min_size=3, max_size=3)
methods = st.sampled_from(["weighted-sum", "topsis"])


def scores_by_name(result):
    return dict(zip(result.names, result.scores, strict=True))


@settings(max_examples=60, deadline=None)
@given(sheets, weight_lists, methods, st.floats(0.01, 100))
def test_property_scaling_weights_changes_nothing(matrix, weights, method, factor):
    a = ps.score(sheet_of(matrix), numbers_profile(weights=weights, method=method))
    b = ps.score(sheet_of(matrix), numbers_profile(weights=[w * factor for w in weights], method=method))
    assert b.scores == pytest.approx(a.scores, abs=1e-7)
    assert list(b.ranks) == list(a.ranks)


@settings(max_examples=60, deadline=None)
@given(sheets, weight_lists, methods, st.randoms(use_true_random=False))
def test_property_row_order_changes_no_score(matrix, weights, method, random):
    order = list(range(len(matrix)))
    random.shuffle(order)
    names = [f"P{i + 1}" for i in range(len(matrix))]
    a = ps.score(sheet_of(matrix, names), numbers_profile(weights=weights, method=method))
    b = ps.score(
        sheet_of([matrix[i] for i in order], [names[i] for i in order]), numbers_profile(weights=weights, method=method)
    )
    sa, sb = scores_by_name(a), scores_by_name(b)
    assert all(sb[n] == pytest.approx(sa[n], abs=1e-7) for n in names)


@settings(max_examples=80, deadline=None)
@given(sheets, weight_lists, st.integers(0, 9), st.integers(0, 2), st.floats(0.001, 500))
def test_property_improving_never_lowers_rank(matrix, weights, who, criterion, step):
    who = who % len(matrix)
    profile = numbers_profile(weights=weights)
    before = ps.score(sheet_of(matrix), profile)
    better = [row[:] for row in matrix]
    better[who][criterion] += step
    after = ps.score(sheet_of(better), profile)
    name = f"P{who + 1}"
    rank_before = before.ranks[list(before.names).index(name)]
    rank_after = after.ranks[list(after.names).index(name)]
    assert rank_after <= rank_before


@settings(max_examples=60, deadline=None)
@given(sheets, weight_lists, methods)
def test_property_scores_in_range_and_points_add_up(matrix, weights, method):
    result = ps.score(sheet_of(matrix), numbers_profile(weights=weights, method=method))
    assert ((result.scores >= -1e-9) & (result.scores <= 100 + 1e-9)).all()
    if method == "weighted-sum":
        assert result.contributions.sum(axis=1).to_numpy() == pytest.approx(result.scores, abs=1e-9)

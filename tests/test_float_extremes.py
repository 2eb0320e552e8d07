"""Arbitrary floats, from subnormals to 1e308 and the infinities, in weights, values and costs: every
command and writer gives a finite ranking or a programscore error, never NaN, inf or a crash."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.errors import ProgramscoreError

EXTREMES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5e-324, -5e-324, 1e-308, 1.7976931348623157e308, 0.0, -0.0]),
)
POSITIVE = st.one_of(
    st.floats(min_value=0, allow_infinity=True),
    st.just(math.nan),
    st.sampled_from([1e308, 1e307, 5e-324, 1.7976931348623157e308]),
)


def profile(weights: list[float], living: float):
    text = f'name = "extreme"\n[costs]\nliving = {_toml(living)}\n'
    for j, weight in enumerate(weights):
        text += f'[[criteria]]\nkey = "c{j}"\nkind = "number"\ncolumns = ["c{j}"]\nweight = {_toml(weight)}\n'
    text += '[[criteria]]\nkey = "cost"\nkind = "money"\ncolumns = ["fee"]\nbetter = "lower"\ntotal = true\n'
    text += 'length = "length"\n[[criteria]]\nkey = "length"\nkind = "duration"\ncolumns = ["length"]\n'
    text += "better = \"lower\"\nweight = 0\n"
    return ps.parse_profile(text, source="extreme.toml")


def _toml(x: float) -> str:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def finite_numbers(text: str) -> None:
    assert not re.search(r"\b(?:nan|NaN|inf|Infinity)\b", text), text[:500]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    weights=st.lists(POSITIVE, min_size=2, max_size=3),
    values=st.lists(st.lists(EXTREMES, min_size=3, max_size=3), min_size=2, max_size=4),
    fees=st.lists(EXTREMES, min_size=4, max_size=4),
    living=POSITIVE,
)
def test_extreme_floats_give_a_finite_ranking_or_an_error(weights, values, fees, living):
    try:
        chosen = profile(weights, living)
    except ProgramscoreError:
        return  # refused with a message naming the key
    rows = len(values)
    sheet = pd.DataFrame({f"c{j}": [row[j % 3] for row in values] for j in range(len(weights))})
    sheet.insert(0, "name", [f"P{i}" for i in range(rows)])
    sheet["fee"] = fees[:rows]
    sheet["length"] = ["12 months"] * rows
    try:
        result = ps.score(sheet, chosen)
    except ProgramscoreError:
        return
    assert np.isfinite(result.scores).all()
    assert np.isfinite(result.table["score"].to_numpy(dtype=float)).all()
    for fmt in ("table", "markdown", "csv", "html"):
        text = result.render(fmt)
        ranking = text if fmt == "csv" else text.split("Issues")[0].split("issue")[0]  # the raw cells may say inf
        finite_numbers(ranking)
    def no_constant(name: str) -> None:
        raise AssertionError(f"JSON holds {name}")

    json.loads(result.render("json"), parse_constant=no_constant)
    assert isinstance(result.render("xlsx"), bytes)
    analysis = result.sensitivity(samples=50, seed=1)
    finite_numbers(str(analysis.render("csv")))


@pytest.mark.parametrize("weight", [1e307, 1e308, 1.7976931348623157e308])
def test_huge_weights_are_relative(weight):
    sheet = pd.DataFrame({"name": ["A", "B"], "c0": [1, 2], "c1": [2, 1], "fee": ["£1", "£2"],
                          "length": ["1 year", "1 year"]})  # fmt: skip
    result = ps.score(sheet, profile([weight, weight], 0.0))
    assert result.profile.weights["c0"] == pytest.approx(0.5)
    assert np.isfinite(result.scores).all() and result.scores.max() < 100


def test_costs_beyond_sense_are_refused():
    with pytest.raises(ProgramscoreError, match=r"costs living must be a number from 0 to 1,000,000,000,000"):
        profile([1, 1], 1e307)


def test_numpy_numbers_are_weights():
    sheet = ps.read_sheet("data/programmes.csv")
    plain = ps.score(sheet, weights={"cost": 3, "length": 2})
    numpy = ps.score(sheet, weights={"cost": np.int64(3), "length": np.float32(2)})
    assert np.allclose(plain.scores, numpy.scores)

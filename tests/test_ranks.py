"""The sensitivity report's rank statistics against a plain reference: a stable sort of each sample's
scores for the ranks, np.quantile for the percentiles, and counting for the first places."""

from __future__ import annotations

import io
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
from programscore.cli import main
from programscore.ranks import LEVELS, RankTally, descending_order, quantile_positions

# few distinct values, so ties are common; values a few units in the last place apart, so keys agree
# above the position bits without the scores being equal; signed zeros, infinities and NaN
VALUES = [0.0, -0.0, 1.0, 2.5, -3.0, 1e-300, -1e-300, 5.0, 5.000000000000001, 5.000000000000002, np.inf, -np.inf]
scores = st.integers(1, 12).flatmap(
    lambda samples: st.integers(1, 40).flatmap(
        lambda n: arrays(np.float64, (samples, n), elements=st.sampled_from([*VALUES, np.nan]))
    )
)


def reference_ranks(matrix: np.ndarray) -> np.ndarray:
    order = np.argsort(-matrix, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, matrix.shape[1] + 1)[None, :], axis=1)
    return ranks


def nearest_rank(ranks: np.ndarray, samples: int) -> np.ndarray:
    """The percentiles as computed from a table of rank counts (up to 3,000 programmes)."""
    n = ranks.shape[1]
    table = np.stack([(ranks == r + 1).sum(axis=0) for r in range(n)])  # [rank - 1, programme]
    cumulative = np.cumsum(table, axis=0) / samples
    return np.column_stack([(cumulative < level - 1e-12).sum(axis=0) + 1 for level in LEVELS])


@settings(max_examples=150, deadline=None)
@given(scores)
def test_order_is_a_stable_sort_of_the_scores(matrix: np.ndarray) -> None:
    assert (descending_order(matrix) == np.argsort(-matrix, axis=1, kind="stable")).all()


@settings(max_examples=150, deadline=None)
@given(scores, st.integers(1, 5), st.integers(1, 40), st.integers(1, 7))
def test_tally_matches_the_reference(matrix: np.ndarray, top: int, tracked: int, parts: int) -> None:
    samples, n = matrix.shape
    top, tracked = min(top, n), min(tracked, n)
    tally = RankTally(n, samples, top, tracked)
    for chunk in np.array_split(matrix, min(parts, samples)):
        tally.add(chunk)
    ranks = reference_ranks(matrix)
    assert (ranks[:, :tracked] == tally.ranks.T).all()
    expected_places = np.stack([(ranks == r + 1).sum(axis=0) for r in range(top)])
    assert (tally.places == expected_places).all()
    quantiles = np.quantile(ranks[:, :tracked], LEVELS, axis=0, method="inverted_cdf").T
    assert (tally.quantiles(histogram=False) == quantiles).all()
    assert (tally.quantiles(histogram=True) == nearest_rank(ranks, samples)[:tracked]).all()


def test_keys_that_agree_above_the_position_bits_are_put_in_order() -> None:
    # 5.0 and the floats just above it differ only below the position bits of 40 programmes: the
    # sorted keys alone would leave them in position order, not best first
    ladder = np.full(40, 5.0)
    for i in range(1, 40):
        ladder[i] = np.nextafter(ladder[i - 1], np.inf)
    matrix = np.stack([ladder, ladder[::-1], np.full(40, 5.0)])
    assert (descending_order(matrix) == np.argsort(-matrix, axis=1, kind="stable")).all()


@given(st.integers(1, 20_000))
def test_quantile_positions_pick_what_np_quantile_picks(samples: int) -> None:
    ranks = np.arange(samples)
    picked = quantile_positions(samples, histogram=False)
    assert [ranks[p - 1] for p in picked] == list(np.quantile(ranks, LEVELS, method="inverted_cdf"))


# --- many programmes: fewer samples by default, percentiles for the first in the ranking -------------


def test_default_samples_fall_with_the_programmes() -> None:
    from programscore.sensitivity import default_samples, tracked_programmes

    assert [default_samples(n) for n in (21, 10_000, 20_000, 100_000, 1_000_000, 5_000_000)] == [
        10_000, 10_000, 5_000, 1_000, 100, 100,
    ]  # fmt: skip
    assert tracked_programmes(100_000, 1_000) == 100_000
    assert tracked_programmes(100_000, 10_000) == 20_000
    assert tracked_programmes(1_000_000, 1_000_000) == 1_000


def test_fewer_default_samples_are_said(monkeypatch: pytest.MonkeyPatch) -> None:
    import programscore.sensitivity as sensitivity

    monkeypatch.setattr(sensitivity, "SAMPLE_BUDGET", 21 * 300)  # 300 samples for the 21 programmes
    runner = CliRunner()
    table = runner.invoke(main, ["sensitivity", "data/programmes.csv"])
    assert table.exit_code == 0, table.output
    assert table.stdout.startswith("300 weight samples, ±25%")
    assert "note: 21 programmes: 300 weight samples by default" in table.stdout
    csv = runner.invoke(main, ["sensitivity", "data/programmes.csv", "-f", "csv"])
    assert csv.exit_code == 0 and "note: 21 programmes: 300 weight samples by default" in csv.stderr
    assert "note" not in csv.stdout
    explicit = runner.invoke(main, ["sensitivity", "data/programmes.csv", "--samples", "300"])
    assert "note" not in explicit.output and explicit.stdout.splitlines()[3:] == table.stdout.splitlines()[4:]


def test_percentiles_for_the_first_programmes_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import programscore.sensitivity as sensitivity

    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    every = result.sensitivity(samples=40, seed=5)
    monkeypatch.setattr(sensitivity, "STORED_RANKS", 400)
    monkeypatch.setattr(sensitivity, "MIN_TRACKED", 4)  # 400 // 40: the first 10 programmes
    first = result.sensitivity(samples=40, seed=5)
    assert first.notices == [
        "median rank and ranks 5-95% are given for the first 10 programmes by score only (programmes x samples "
        "beyond 400); P(first) and P(top K) count every programme"
    ]
    columns = ["median_rank", "rank_p5", "rank_p95"]
    pd.testing.assert_frame_equal(first.programmes.drop(columns=columns), every.programmes.drop(columns=columns))
    assert (first.programmes[columns].iloc[:10].astype(int) == every.programmes[columns].iloc[:10]).all().all()
    assert first.programmes[columns].iloc[10:].isna().all().all()
    assert (first.rank_probabilities == every.rank_probabilities).all()
    rows = first.render("csv").splitlines()
    assert rows[10].endswith(",10,9,12") and rows[11].endswith(",62.74835912,0,0,,,")
    data = json.loads(first.render("json"))["sensitivity"]
    assert data["programmes"][10]["median_rank"] is None and data["notices"] == first.notices
    assert "note: median rank and ranks 5-95% are given for the first 10" in first.render("table")
    sheet = load_workbook(io.BytesIO(first.render("xlsx")))["Sensitivity"]
    assert [c.value for c in sheet[12]][5:8] == [None, None, None]


def test_rows_sorted_on_several_processors_are_sorted_as_one():
    from programscore.ranks import sort_rows

    keys = np.random.default_rng(4).integers(0, 1 << 62, size=(7, 1_000), dtype=np.uint64)
    expected = np.sort(keys, axis=1)
    sort_rows(keys, least=0)
    assert (keys == expected).all()

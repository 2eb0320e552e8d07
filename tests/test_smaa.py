"""Acceptability indices, central weights and confidence factors against exact answers, and weights
drawn consistent with an order of importance."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.cli import main
from programscore.order import weights_from_order
from programscore.uncertainty import order_centroid, order_places, ordered_weights

SAMPLES = 40_000


def ranking(values):
    """Programmes whose normalised values are ``values`` (anchors 0 and 1 keep them as given)."""
    values = np.asarray(values, dtype=float)
    k = values.shape[1]
    criteria = [ps.Criterion(key=f"c{j}", kind="number", best=1, worst=0) for j in range(k)]
    frame = pd.DataFrame(values, columns=[f"c{j}" for j in range(k)])
    frame.insert(0, "name", [f"P{i}" for i in range(len(values))])
    return ps.score(frame, ps.Profile(name="exact", criteria=criteria))


def within(found, exact, samples=SAMPLES):
    """Within 4.5 standard errors of a proportion estimated from ``samples`` draws."""
    error = np.sqrt(np.maximum(exact * (1 - exact), 1e-12) / samples)
    return abs(found - exact) <= 4.5 * error + 1e-12


def analysed(values, **options):
    result = ranking(values)
    analysis = result.sensitivity(samples=SAMPLES, spread="any", seed=11, **options)
    return analysis.programmes.set_index("name"), analysis


# --- two programmes, two criteria: by hand -----------------------------------------------------------


def test_two_by_two_by_hand():
    # A = (0.9, 0.1), B = (0.5, 0.6): A - B = 0.4 w1 - 0.5 (1 - w1) > 0 when w1 > 5/9; w1 is uniform
    table, analysis = analysed([[0.9, 0.1], [0.5, 0.6]])
    assert within(table.loc["P0", "p_first"], 4 / 9)
    assert within(table.loc["P1", "p_first"], 5 / 9)
    central = analysis.central.set_index("name")
    # the mean of w1 over (5/9, 1) and over (0, 5/9); w1 is uniform, its standard deviation is width / sqrt(12)
    assert abs(central.loc["P0", "c0"] - 7 / 9) < 4.5 * (4 / 9) / np.sqrt(12 * SAMPLES * 4 / 9)
    assert abs(central.loc["P1", "c0"] - 5 / 18) < 4.5 * (5 / 9) / np.sqrt(12 * SAMPLES * 5 / 9)
    # no data is uncertain: at its central weights each programme is first for certain
    assert central["confidence"].tolist() == [1.0, 1.0]


# --- three programmes, two and three criteria: by geometry ---------------------------------------------


def interval_shares(values):
    """Two criteria: the share of w1 in [0, 1] where each programme scores highest, exactly."""
    values = np.asarray(values, dtype=float)
    shares = []
    for i in range(len(values)):
        low, high = 0.0, 1.0
        for other in range(len(values)):
            if other == i:
                continue
            # (x_i - x_o) . (w1, 1 - w1) = b + a w1 > 0
            d = values[i] - values[other]
            a, b = d[0] - d[1], d[1]
            if a > 0:
                low = max(low, -b / a)
            elif a < 0:
                high = min(high, -b / a)
            elif b <= 0:
                high = low
        shares.append(max(0.0, high - low))
    return np.array(shares)


def clip(polygon, a, b, c):
    """Sutherland-Hodgman: the part of ``polygon`` where a x + b y + c >= 0."""
    out = []
    for p, q in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        fp, fq = a * p[0] + b * p[1] + c, a * q[0] + b * q[1] + c
        if fp >= 0:
            out.append(p)
        if (fp >= 0) != (fq >= 0):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def area_and_centroid(polygon):
    if len(polygon) < 3:
        return 0.0, (np.nan, np.nan)
    area = cx = cy = 0.0
    for p, q in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        cross = p[0] * q[1] - q[0] * p[1]
        area += cross
        cx += (p[0] + q[0]) * cross
        cy += (p[1] + q[1]) * cross
    area /= 2
    return abs(area), (cx / (6 * area), cy / (6 * area))


def simplex_regions(values):
    """Three criteria: for each programme, the share of the weight triangle where it scores highest
    and that region's centroid (its exact central weights)."""
    values = np.asarray(values, dtype=float)
    found = []
    for i in range(len(values)):
        region = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)]  # (w1, w2); w3 = 1 - w1 - w2
        for other in range(len(values)):
            if other != i:
                d = values[i] - values[other]
                region = clip(region, d[0] - d[2], d[1] - d[2], d[2])
        area, (x, y) = area_and_centroid(region)
        found.append((area / 0.5, np.array([x, y, 1 - x - y])))
    return found


def test_three_programmes_two_criteria_by_geometry():
    values = [[0.9, 0.2], [0.6, 0.7], [0.1, 0.9]]
    exact = interval_shares(values)
    assert exact.sum() == pytest.approx(1) and (exact > 0.1).all()  # every programme can win
    table, _ = analysed(values)
    for i, share in enumerate(exact):
        assert within(table.loc[f"P{i}", "p_first"], share)


@pytest.mark.parametrize(
    "values",
    [
        [[0.9, 0.2, 0.4], [0.5, 0.8, 0.3], [0.3, 0.4, 0.9]],
        [[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.6, 0.6, 0.0]],
    ],
)
def test_three_programmes_three_criteria_by_geometry(values):
    regions = simplex_regions(values)
    assert sum(share for share, _ in regions) == pytest.approx(1)
    table, analysis = analysed(values)
    central = analysis.central.set_index("name")
    for i, (share, centre) in enumerate(regions):
        assert within(table.loc[f"P{i}", "p_first"], share)
        if share > 0.05:
            # a weight's standard deviation over a region of the triangle is below 0.3
            found = central.loc[f"P{i}", ["c0", "c1", "c2"]].to_numpy(dtype=float)
            assert np.abs(found - centre).max() < 4.5 * 0.3 / np.sqrt(share * SAMPLES)


def test_confidence_factor_with_uncertain_data():
    # P0's first criterion is the range 20-100% (drawn uniformly), P1 has 60%; both 0.5 on the second.
    # P0 - P1 = (x - 0.6) w1: at any central weights with w1 > 0, P0 is first exactly when x > 0.6,
    # which happens half the time; so its confidence factor and its P(first) are both 1/2.
    frame = pd.DataFrame({"name": ["P0", "P1"], "c0": ["20-100%", "60%"], "c1": [0.5, 0.5]})
    criteria = [
        ps.Criterion(key="c0", kind="percent", best=1, worst=0),
        ps.Criterion(key="c1", kind="number", best=1, worst=0),
    ]
    result = ps.score(frame, ps.Profile(name="cf", criteria=criteria))
    analysis = result.sensitivity(samples=SAMPLES, spread="any", seed=2, data_uncertainty="ranges")
    central = analysis.central.set_index("name")
    assert within(central.loc["P0", "confidence"], 0.5, samples=2000)
    assert within(analysis.programmes.set_index("name").loc["P0", "p_first"], 0.5)
    fixed = result.sensitivity(samples=2000, spread="any", seed=2, data_uncertainty="none")
    assert fixed.central["confidence"].tolist() == [1.0]  # the range scores 20%: P1 always first


# --- ordered weights -----------------------------------------------------------------------------


@st.composite
def orders(draw):
    k = draw(st.integers(2, 7))
    keys = draw(st.permutations([f"k{j}" for j in range(k)]))
    ties = draw(st.lists(st.booleans(), min_size=k - 1, max_size=k - 1))
    text = keys[0]
    for key, tied in zip(keys[1:], ties, strict=True):
        text += (" = " if tied else " > ") + key
    return text, sorted(keys)


@settings(max_examples=60, deadline=None)
@given(orders(), st.integers(0, 2**32 - 1))
def test_ordered_weights_never_break_the_order(order, seed):
    text, keys = order
    places = order_places(text, keys)
    weights = ordered_weights(places, 500, np.random.default_rng(seed))
    assert np.allclose(weights.sum(axis=1), 1) and (weights >= 0).all()
    for a in range(len(keys)):
        for b in range(len(keys)):
            if places[a] < places[b]:
                assert (weights[:, a] >= weights[:, b]).all()
            elif places[a] == places[b]:
                assert (weights[:, a] == weights[:, b]).all()


def test_ordered_weights_mean_is_the_rank_order_centroid():
    keys = ["a", "b", "c", "d", "e"]
    text = "c > a > e > b > d"
    places = order_places(text, keys)
    weights = ordered_weights(places, 200_000, np.random.default_rng(0))
    roc = np.array([weights_from_order(text, keys)[k] for k in keys])
    error = weights.std(axis=0) / np.sqrt(len(weights))
    assert (np.abs(weights.mean(axis=0) - roc) < 4.5 * error).all()
    assert order_centroid(places) == pytest.approx(roc)  # (1/n) sum_{k=i..n} 1/k


def test_ordered_weights_with_ties_centre_on_the_tied_polytope():
    keys = ["a", "b", "c"]
    places = order_places("a > b = c", keys)
    weights = ordered_weights(places, 200_000, np.random.default_rng(1))
    # places of sizes 1 and 2: v1 = t1 + t2 / 3, v2 = t2 / 3 with E[t] = 1/2: (2/3, 1/6, 1/6)
    assert order_centroid(places) == pytest.approx([2 / 3, 1 / 6, 1 / 6])
    error = weights.std(axis=0) / np.sqrt(len(weights))
    assert (np.abs(weights.mean(axis=0) - [2 / 3, 1 / 6, 1 / 6]) < 4.5 * error).all()


def test_spread_order_from_the_command_line():
    order = "job_support > employment > cost > length = placement > industry_links"
    runner = CliRunner()
    out = runner.invoke(
        main, ["sensitivity", "data/programmes.csv", "--rank", order, "--samples", "3000", "-f", "json"]
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)["sensitivity"]
    assert data["spread"] == "order" and data["order"] == order
    for entry in data["central_weights"]:  # a mean of weights that keep the order keeps it
        w = entry["weights"]
        assert w["job_support"] >= w["employment"] >= w["cost"] >= w["length"] >= w["industry_links"] - 1e-12
        assert w["length"] == pytest.approx(w["placement"])
    table = runner.invoke(main, ["sensitivity", "data/programmes.csv", "--rank", order, "--samples", "500"]).output
    assert f"weights consistent with the order {order} (uniform over them)" in table
    assert " wins when you weigh job_support " in table and "confidence factor" in table
    bad = runner.invoke(main, ["sensitivity", "data/programmes.csv", "--spread", "order"])
    assert bad.exit_code == 1
    assert 'Error: spread "order" needs an order of importance (--rank, or rank in the profile)' in bad.output
    noise = runner.invoke(
        main, ["sensitivity", "data/programmes.csv", "--rank", order, "--spread", "0.1", "-f", "json"]
    )
    assert json.loads(noise.output)["sensitivity"]["spread"] == 0.1


def test_central_weights_in_the_page_and_the_workbook(tmp_path):
    from openpyxl import load_workbook

    order = "job_support > employment > cost > length = placement > industry_links"
    runner = CliRunner()
    page, book = tmp_path / "s.html", tmp_path / "s.xlsx"
    for path in (page, book):
        out = runner.invoke(
            main, ["sensitivity", "data/vague.csv", "--rank", order, "--samples", "2000", "-o", str(path)]
        )
        assert out.exit_code == 0, out.output
    html = page.read_text()
    assert "<h3>Central weights and confidence factors</h3>" in html
    assert "data: each range drawn uniformly between its ends (3 cell(s))" in html
    rows = [r for r in load_workbook(book)["Stability"].iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] == "Programme" and r[2] == "Confidence factor")
    winners = [r for r in rows[at + 1 :] if r[0]]
    assert winners and all(0 <= r[2] <= 1 and abs(sum(r[3:9]) - 1) < 1e-9 for r in winners)

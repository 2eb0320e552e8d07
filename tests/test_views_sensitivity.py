"""Sensitivity of a view of a ranking (by value, without dominated) is the sensitivity of the ranking."""

import pandas as pd

import programscore as ps


def ranking():
    return ps.score(ps.read_sheet("data/programmes.csv"), "article")


def by_name(analysis):
    table = analysis.programmes.set_index("name").sort_index()
    return table[["p_first", "p_top", "median_rank", "rank_p5", "rank_p95"]]


def test_by_value_sensitivity_is_the_full_rankings():
    full = ranking()
    view = full.by_value()
    assert view.names[0] != full.names[0]  # the view starts elsewhere: the case the fix is about
    a, b = full.sensitivity(samples=2000, seed=3), view.sensitivity(samples=2000, seed=3)
    pd.testing.assert_frame_equal(by_name(a), by_name(b))
    assert [(s.key, s.low, s.high, s.below, s.above) for s in a.stability] == [
        (s.key, s.low, s.high, s.below, s.above) for s in b.stability
    ]


def test_without_dominated_sensitivity_is_the_full_rankings():
    full = ranking()
    view = full.without_dominated()
    assert len(view.names) < len(full.names)
    a, b = full.sensitivity(samples=2000, seed=3), view.sensitivity(samples=2000, seed=3)
    pd.testing.assert_frame_equal(by_name(a), by_name(b))
    assert [(s.key, s.low, s.high) for s in a.stability] == [(s.key, s.low, s.high) for s in b.stability]

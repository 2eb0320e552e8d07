"""The JSON report is written column by column, yet it is exactly ``json.dumps`` of ``to_dict()``:
hostile names, extreme floats, ranges, unknowns, dominance, views and cuts."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.reports import json_text

DATA = Path(__file__).resolve().parent.parent / "data"


def dumped(result: ps.Ranking, top: int | None = None) -> str:
    document = result.to_dict()
    if top is not None:
        document["ranking"] = document["ranking"][:top]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=40))
def test_numbers_are_written_as_json_dumps_writes_them(values: list[float]) -> None:
    array = np.array(values, dtype=np.float64)
    assert json_text.json_numbers(array).to_pylist() == [json.dumps(v) for v in values]
    nulls = [None if math.isnan(v) else v for v in values]
    assert json_text.json_numbers(array, "null").to_pylist() == [json.dumps(v) for v in nulls]


def test_numbers_at_the_edges_of_plain_digits() -> None:
    edges = [1e-4, np.nextafter(1e-4, 0), 1e16, np.nextafter(1e16, 0), 1e15, 123456789012345.6, 1e-5, 0.0, -0.0]
    edges += [5e-324, -1.7976931348623157e308, 2.5e20, 1e21, 1e22, 37482362181.71135, 9999999999999998.0]
    edges += list(np.random.default_rng(5).lognormal(0, 25, 5000))
    assert json_text.json_numbers(np.array(edges)).to_pylist() == [json.dumps(float(v)) for v in edges]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=20))
def test_text_is_written_as_json_dumps_writes_it(texts: list[str]) -> None:
    texts = [t.encode("utf-8", "replace").decode("utf-8", "replace") for t in texts]  # Arrow holds UTF-8
    written = json_text.json_strings(pa.array(texts, pa.large_string())).to_pylist()
    assert written == [json.dumps(t, ensure_ascii=False) for t in texts]


HOSTILE = [
    'MSc "Quoted" \\ Back\\slash',
    "MSc Tab\there, new\nline, return\r, bell\x07, escape\x1b",
    "MSc Ünïcödé – 数据科学 🎓",
    "MSc Separators \u2028 \u2029 and \x7f",
    '=HYPERLINK("x")',
    "MSc Plain",
]


def hostile_sheet() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Programme": HOSTILE,
            "Length": ["1 year", "12-18 months", "TBC", "2 years", "1 year", "1 year"],
            "Tuition fees": ["£9,250", "£1e300", "Free", "£9,000-£24,000", "N/A", "£0.00001"],
            "Industry links": ["high", "low", "medium", "", "excellent", "3"],
            "Placement": ["yes", "no", "optional", "yes", "", "no"],
            "Careers support": ["4/5", "5", "", "1", "3", "2"],
            "Graduate employment": ["92%", "85-95%", "", "50%", "0.999999999999", "61%"],
        }
    )


EXTREME_PROFILE = """name = "extreme"
[[criteria]]
key = "tiny"
kind = "number"
columns = ["tiny"]
[[criteria]]
key = "huge"
kind = "number"
columns = ["huge"]
better = "lower"
missing = "mean"
"""


def rankings() -> dict[str, ps.Ranking]:
    example = ps.score(ps.read_sheet(str(DATA / "programmes.csv")), "article")
    hostile = ps.score(hostile_sheet(), "article")
    extreme_sheet = pd.DataFrame(
        {
            "name": ["a", "b", "c", "d", "e"],
            "tiny": ["5e-324", "1e-5", "0.0001", "-0", "0.3"],
            "huge": ["1.7976931348623157e308", "1e16", "9999999999999998", "", "123456789012345.6"],
        }
    )
    extreme = ps.score(extreme_sheet, ps.parse_profile(EXTREME_PROFILE, source="extreme.toml"))
    return {
        "example": example,
        "example topsis": ps.score(ps.read_sheet(str(DATA / "programmes.csv")), "article", method="topsis"),
        "vague": ps.score(ps.read_sheet(str(DATA / "vague.csv")), "article"),
        "hostile": hostile,
        "hostile by value": hostile.by_value(),
        "extreme": extreme,
        "example without dominated": example.without_dominated(),
        "example by value": example.by_value(),
    }


@pytest.mark.parametrize("name", list(rankings()))
def test_the_report_is_json_dumps_of_to_dict(name: str) -> None:
    result = rankings()[name]
    assert result.render("json") == dumped(result)
    assert json.loads(result.render("json")) == json.loads(dumped(result))


def test_a_cut_ranking_and_an_empty_one() -> None:
    result = rankings()["hostile"]
    assert result.render("json", top=2) == dumped(result, top=2)
    assert result.render("json", top=0) == dumped(result, top=0)
    assert '"ranking": [],' in result.render("json", top=0)


def test_many_pieces_are_joined_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text, "PIECE_ROWS", 4)  # the 21 programmes in six pieces, on several threads
    result = rankings()["example"]
    assert result.render("json") == dumped(result)


def test_written_to_a_file_as_rendered(tmp_path: Path) -> None:
    result = rankings()["vague"]
    result.write(str(tmp_path / "ranked.json"))
    assert (tmp_path / "ranked.json").read_text(encoding="utf-8") == dumped(result)


def test_issues_of_every_shape_are_written_as_to_dict_has_them() -> None:
    import datetime
    from dataclasses import replace

    result = rankings()["example"]
    odd = [None, 3, 2.5, math.inf, -math.inf, math.nan, np.int64(7), np.float64(1.5), 10**30,
           datetime.date(2025, 9, 1), True, 'say "TBC"\n']  # fmt: skip
    n = len(odd)
    issues = pd.DataFrame(
        {
            "sheet": [None] * (n - 1) + ["Fees"],
            "row": pd.array([2.0] * (n - 1) + [math.nan], dtype=object),
            "column": ["Fee"] * n,
            "cell": [f"B{i}" for i in range(n)],
            "value": pd.array(odd, dtype=object),
            "severity": ["warning"] * n,
            "message": ["odd"] * n,
            "reading": [math.nan] * (n - 1) + ["read"],
        }
    )
    shaped = replace(result, issues=issues)
    assert shaped.render("json") == dumped(shaped)
    assert replace(result, issues=issues.iloc[:0]).render("json") == dumped(replace(result, issues=issues.iloc[:0]))


@pytest.mark.parametrize("name", ["example", "vague", "hostile"])
def test_a_sensitivity_report_is_json_dumps_of_both_dicts(name: str) -> None:
    result = rankings()[name]
    analysis = result.sensitivity(samples=300, seed=2, reversal=True)
    document = result.to_dict()
    document["sensitivity"] = analysis.to_dict()
    expected = json.dumps(document, indent=2, ensure_ascii=False, default=json_text._plain) + "\n"
    assert analysis.render("json") == expected
    cut = json.loads(analysis.render("json", top=2))  # --top cuts the ranking, not the analysis
    assert len(cut["ranking"]) == 2 and len(cut["sensitivity"]["programmes"]) == len(analysis.programmes)

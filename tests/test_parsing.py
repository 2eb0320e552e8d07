"""Cell parsers: the strings real catalogues contain, each with its exact reading."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import programscore as ps
from programscore.parsing import parse_cells, parse_column, parser_for
from programscore.parsing.duration import parse_duration
from programscore.parsing.money import MoneyRules, parse_money
from programscore.parsing.simple import parse_boolean, parse_percent, parse_rating
from programscore.parsing.text import parse_number

RATES = {"USD": 0.79, "EUR": 0.85, "SEK": 0.073, "BDT": 0.0065, "HKD": 0.10, "AUD": 0.52}
RULES = MoneyRules("GBP", RATES, {}, "GBP", "total", None)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


@pytest.mark.parametrize(
    "raw, value, period, status",
    [
        ("£9,250", 9250, "total", "ok"),
        ("£9,250 / year", 9250, "year", "ok"),
        ("£9,250 per annum", 9250, "year", "ok"),
        ("€12.500 p.a.", 12500 * 0.85, "year", "ok"),
        ("$45k", 45000 * 0.79, "total", "ok"),
        ("12,000 EUR", 12000 * 0.85, "total", "ok"),
        ("12000 euros", 12000 * 0.85, "total", "ok"),
        ("HK$179,300", 179300 * 0.10, "total", "ok"),
        ("A$48,000", 48000 * 0.52, "total", "ok"),
        ("5,117,157 BDT / year", 5117157 * 0.0065, "year", "ok"),
        ("SEK 180 000 / year", 180000 * 0.073, "year", "ok"),
        ("$447.60 per credit", 447.60 * 0.79, "credit", "ok"),
        ("£4,500 per semester", 4500, "semester", "ok"),
        ("£14,000 (Total)", 14000, "total", "ok"),
        ("£1.2m", 1.2e6, "total", "ok"),
        ("Free", 0, "total", "ok"),
        ("No tuition fees", 0, "total", "ok"),
        ("9250", 9250, "total", "ok"),
        (28000, 28000, "total", "ok"),
        ("Fees UK: £18,000 (Total) International: £34,750 (Total)", 18000, "total", "assumed"),
        ("Please see the university website", math.nan, None, "missing"),
        ("See programme description", math.nan, None, "missing"),
        ("TBC", math.nan, None, "missing"),
        ("", math.nan, None, "missing"),
        ("100 XYZ", math.nan, None, "error"),
        ("kr 100000", math.nan, None, "error"),
        ("-£500", math.nan, None, "error"),
        ("expensive", math.nan, None, "missing"),
        # capitals: PER is a word, not a currency code, so the period after it is read
        ("£9,250 PER YEAR (2025)", 9250, "year", "ok"),
        ("£9,250 PER ANNUM 2025/26", 9250, "year", "ok"),
        ("£4,500 PER TERM (2025)", 4500, "term", "ok"),
        ("12,000 EUR PER YEAR 2025", 12000 * 0.85, "year", "ok"),
        ("£1,200 PER MODULE (2025)", math.nan, None, "error"),
    ],
)
def test_money(raw, value, period, status):
    cell = parse_money(raw, RULES)
    assert same(cell.value, value)
    assert cell.period == period
    assert cell.status == status


def test_money_messages_say_what_to_do():
    assert parse_money("100 XYZ", RULES).message == (
        "unknown currency XYZ: the profile has no rate for it (add XYZ = <value of 1 XYZ in GBP> to [currency] rates)"
    )
    assert parse_money("kr 100000", RULES).message == (
        "'kr' could be Swedish, Norwegian or Danish kroner; write SEK, NOK or DKK"
    )
    assert parse_money("Fees UK: £18,000 (Total) International: £34,750 (Total)", RULES).message == (
        'several amounts (18,000 GBP, 34,750 GBP); used the first (set prefer = "label" in the profile to choose)'
    )


def test_money_prefer_label_and_dollar_symbol():
    rules = MoneyRules("GBP", RATES, {"$": "AUD"}, "GBP", "total", "international")
    cell = parse_money("Fees UK: £18,000 (Total) International: £34,750 (Total)", rules)
    assert (cell.value, cell.status, cell.period) == (34750, "ok", "total")
    assert parse_money("$1,000", rules).value == pytest.approx(520)


@pytest.mark.parametrize(
    "raw, months, status",
    [
        ("1 year", 12, "ok"),
        ("12 months", 12, "ok"),
        ("1.5 years", 18, "ok"),
        ("1½ year", 18, "ok"),
        ("18 mo", 18, "ok"),
        ("one year", 12, "ok"),
        ("two academic years", 24, "ok"),
        ("a year and a half", 18, "ok"),
        ("1 year, 4 months", 16, "ok"),
        ("52 weeks", 12, "ok"),
        ("120 ECTS (2 years)", 24, "ok"),
        ("90 ECTS", 18, "assumed"),
        ("4 Trimesters (16 Months)", 16, "ok"),
        ("4 semesters", 24, "ok"),
        ("18 months full time with placement", 18, "ok"),
        ("Full-time 1 year, part-time 2 years", 12, "ok"),
        ("1 year full-time (2 years part-time)", 12, "ok"),
        ("12 months (full-time) or 24 months (part-time)", 12, "ok"),
        ("FT: 12 months; PT: 24 months", 12, "ok"),
        ("Part-time 2 years", 24, "assumed"),
        ("9-12 months", 12, "assumed"),
        ("12 to 18 months", 18, "assumed"),
        ("12-month", 12, "ok"),
        ("16", 16, "ok"),
        (16, 16, "ok"),
        ("See programme description", math.nan, "missing"),
        ("N/A", math.nan, "missing"),
        ("0 months", math.nan, "error"),
        ("-1 year", math.nan, "error"),
        ("soon", math.nan, "missing"),
    ],
)
def test_duration(raw, months, status):
    cell = parse_duration(raw)
    assert same(cell.value, months)
    assert cell.status == status


def test_duration_bare_number_takes_the_unit():
    assert parse_duration("1", "years").value == 12
    assert parse_duration(2, "years").value == 24


@pytest.mark.parametrize(
    "raw, value",
    [("yes", 1), ("Y", 1), ("TRUE", 1), ("1", 1), ("✓", 1), ("available", 1), (1, 1), (True, 1),
     ("no", 0), ("n", 0), ("false", 0), ("0", 0), ("✗", 0), ("none", 0), (0, 0),
     ("optional", 0.5), ("Yes (optional)", 0.5), (0.5, 0.5),
     ("N/A", math.nan), ("", math.nan), ("maybe", math.nan)],
)  # fmt: skip
def test_boolean(raw, value):
    assert same(parse_boolean(raw).value, value)


@pytest.mark.parametrize(
    "raw, value, status",
    [("4", 4, "ok"), (4.5, 4.5, "ok"), ("4/5", 4, "ok"), ("8/10", 4, "ok"), ("3 out of 5", 3, "ok"),
     ("high", 4, "ok"), ("Excellent", 5, "ok"), ("medium", 2.5, "ok"), ("none", 0, "ok"),
     ("★★★☆☆", 3, "ok"), ("★★★★", 4, "ok"), ("Strong - 40 partners", 4, "assumed"),
     ("7", math.nan, "error"), ("TBC", math.nan, "missing"), ("blah", math.nan, "error")],
)  # fmt: skip
def test_rating(raw, value, status):
    cell = parse_rating(raw, (0.0, 5.0))
    assert same(cell.value, value)
    assert cell.status == status


def test_rating_levels_are_on_the_scale():
    assert parse_rating("gold", (0.0, 10.0), {"Gold": 9, "silver": 6}).value == 9
    assert parse_rating("high", (0.0, 10.0)).value == 8


@pytest.mark.parametrize(
    "raw, share, status",
    [("85%", 0.85, "ok"), ("0.85", 0.85, "ok"), ("85", 0.85, "ok"), (92, 0.92, "ok"), (0.9, 0.9, "ok"),
     ("85 percent", 0.85, "ok"), (">90%", 0.9, "ok"), ("150%", math.nan, "error"),
     ("-5%", math.nan, "error"), ("n/a", math.nan, "missing")],
)  # fmt: skip
def test_percent(raw, share, status):
    cell = parse_percent(raw)
    assert same(cell.value, share)
    assert cell.status == status


@pytest.mark.parametrize(
    "raw, value, status",
    [("1,234.5", 1234.5, "ok"), ("1 234", 1234, "ok"), ("−5", -5, "ok"), ("1.234,5", 1234.5, "ok"),
     ("about 30", 30, "assumed"), ("N/A", math.nan, "missing"), ("-", math.nan, "missing"),
     ("abc", math.nan, "error")],
)  # fmt: skip
def test_number(raw, value, status):
    cell = parse_number(raw)
    assert same(cell.value, value)
    assert cell.status == status


def keywords_profile():
    return ps.Profile(
        name="k",
        criteria=[
            ps.Criterion(key="placement", kind="keywords", columns=["description"], match=["placement", "internship"])
        ],
    )


def test_keywords_whole_words_any_case():
    profile = keywords_profile()
    parse = parser_for(profile.criteria[0], profile)
    assert parse("Includes a 3-month INTERNSHIP with partners").value == 1
    assert parse("Placements are not offered").value == 0  # "Placements" is not the word "placement"
    assert parse("See programme description").value == 0
    assert math.isnan(parse("").value)


def test_each_distinct_value_is_parsed_once():
    calls = []

    def counting(raw):
        calls.append(raw)
        return parse_duration(raw)

    sheet = pd.DataFrame({"Length": ["1 year", "2 years", "1 year", None, "1 year", "-3 years"] * 1000})
    parsed = parse_column(sheet, "Length", "length", counting)
    assert sorted(calls) == ["-3 years", "1 year", "2 years"]
    assert parsed.values[:6].tolist()[:3] == [12, 24, 12]
    assert parsed.counts() == {"ok": 4000, "missing": 1000, "assumed": 0, "error": 1000}
    assert len(parsed.issues) == 1000
    first = parsed.issues.iloc[0]
    assert (first["cell"], first["value"], first["severity"], first["message"]) == (
        "A7",
        "-3 years",
        "error",
        "a length cannot be negative",
    )


def test_per_year_fees_are_totalled_over_the_length():
    profile = ps.load_profile("article")
    sheet = pd.DataFrame(
        {
            "Length": ["18 months", "2 years", None, "1 year"],
            "Fees": ["£10,000 / year", "$10,000 per year", "£9,000 / year", "£400 per credit"],
        }
    )
    wanted = ps.Profile(
        name="t", criteria=[profile.criterion("length"), profile.criterion("cost")], currency=profile.currency
    )
    parsed = parse_cells(sheet, {"length": "Length", "cost": "Fees"}, wanted)
    cost = parsed["cost"]
    assert cost.values[:2].tolist() == pytest.approx([15000, 2 * 7900])
    assert np.isnan(cost.values[2:]).all()
    assert cost.issues[["cell", "severity", "message"]].values.tolist() == [
        ["B4", "warning", "fee per year, but the length is missing: total cost unknown"],
        ["B5", "error", "fee per credit: set credits = N on criterion 'cost' to total it"],
    ]


text_or_number = st.one_of(st.text(max_size=60), st.floats(), st.integers(), st.booleans(), st.none())


@given(text_or_number)
def test_parsers_never_raise(raw):
    for parse in (
        lambda r: parse_money(r, RULES),
        parse_duration,
        parse_boolean,
        lambda r: parse_rating(r, (0.0, 5.0)),
        parse_percent,
        parse_number,
    ):
        if raw is None:
            continue
        cell = parse(raw)
        assert cell.status in ("ok", "missing", "assumed", "error")
        assert math.isnan(cell.value) or math.isfinite(cell.value)
        assert (cell.status in ("ok", "assumed")) != math.isnan(cell.value) or cell.status == "missing"


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("ns", "not shown (ns)"),
        ("n.s.", "not shown (ns)"),
        ("nd", "no data (nd)"),
        ("c", "withheld as confidential (c)"),
        ("z", "not applicable (z)"),
        ("x", "not available (x)"),
        ("..", "not available (..)"),
        ("PrivacySuppressed", "suppressed in the source"),
        ("NULL", "empty in the source"),
        ("None", "empty in the source"),
        ("<5", "suppressed: a count too small to show"),
    ],
)
def test_suppressed_markers_in_outcome_tables_are_missing_with_their_reason(raw, reason):
    for parse in (parse_percent, parse_number):
        cell = parse(raw)
        assert (cell.status, cell.message) == ("missing", f"{reason}: treated as missing")
    assert parse_boolean("x").value == 1  # in a tick column x is yes
    assert parse_boolean("None").value == 0
    assert parse_rating("none", (0.0, 5.0)).value == 0  # a level word, not a marker

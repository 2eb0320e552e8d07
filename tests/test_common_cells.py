"""The common shapes read all at once (parsing/common_cells.py) must read every cell they claim exactly
as the full parser does, cell by cell: on every corpus cell, on generated cells, under several headers and
profile settings, with the full parser's own shortcuts on and off."""

from __future__ import annotations

import dataclasses
import functools
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programscore import load_profile
from programscore.parsing import common_cells, duration, money, parse_column, parser_for

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import generate

PROFILE = load_profile("article")
CRITERIA = {c.kind: c for c in PROFILE.criteria}
# headers that change a reading: a currency (one that "$" may be), a period, thousands, a unit
MONEY_HEADERS = ["Tuition fees", "Fees (AUD)", "Tuition fee per year", "Fees (£000s)"]
LENGTH_HEADERS = ["Length", "Length (years)"]


def _profiles():
    """The article profile, and one whose settings change how a common cell reads: "$" as the Canadian
    dollar, fees per year by default in US dollars, another base currency."""
    other = dataclasses.replace(
        PROFILE,
        currency=dataclasses.replace(PROFILE.currency, symbols={"$": "CAD", "kr": "SEK"}),
        criteria=[
            dataclasses.replace(c, currency="USD", period="year") if c.kind == "money" else c for c in PROFILE.criteria
        ],
    )
    rates = {code: rate / PROFILE.currency.rates["EUR"] for code, rate in PROFILE.currency.rates.items() if code != "EUR"}
    euro = dataclasses.replace(
        PROFILE, currency=dataclasses.replace(PROFILE.currency, base="EUR", rates={**rates, "GBP": 1.17})
    )
    return [PROFILE, other, euro]


def readers(kind: str, headers: list[str] | None = None):
    """The parsers of ``kind``: the article profile under every header, the other profiles under two."""
    for n, profile in enumerate(_profiles() if kind == "money" else [PROFILE]):
        criterion = next(c for c in profile.criteria if c.kind == kind)
        for header in headers or (MONEY_HEADERS[: 4 if n == 0 else 2] if kind == "money" else LENGTH_HEADERS):
            yield parser_for(criterion, profile, header)


@functools.cache
def corpus_cells(kind: str) -> list[object]:
    """Every cell of that kind the test corpora hold, and the generated benchmark columns."""
    import cell_redteam
    import cell_redteam2
    import cell_redteam3
    from cell_corpus import CASES
    from cell_holdout import CASES as HOLDOUT
    from corpus_round2 import CELLS

    cells = [c.raw for c in [*CASES, *HOLDOUT] if c.kind == kind]
    cells += [case[2] for case in [*cell_redteam2.CASES, *cell_redteam3.CASES] if case[0] == kind]
    cells += [cell for k, cell, *_ in CELLS if k == kind]
    if kind == "money":
        cells += [cell for cell, *_ in [*cell_redteam.MONEY, *cell_redteam.MONEY_H]]
        cells += list(set(generate.text_columns(300, distinct=200)["Tuition fees"]))
        cells += list(set(generate.programmes(200, distinct=100)["Tuition fees"]))
    else:
        cells += [cell for cell, *_ in cell_redteam.DURATION]
        cells += list(set(generate.text_columns(300, distinct=200)["Length"]))
        cells += list(set(generate.programmes(200)["Length"]))
    return list(dict.fromkeys(cells))


def full_reading(reader, raw: object):
    """The cell read one at a time, with the parser's shortcuts on and then off (both must agree)."""
    with_shortcuts = reader(raw)
    money.FAST = duration.FAST = False
    try:
        without = reader(raw)
    finally:
        money.FAST = duration.FAST = True
    return with_shortcuts, without


def check_claims(reader, cells: list[object]) -> int:
    """Every cell the common shapes claim reads as the full parser reads it: the same value, status ok,
    no message, no range, the same period. Returns how many were claimed."""
    index = pd.Index(cells, dtype=object)
    common = reader.common(index)
    assert common is not None
    for i in np.flatnonzero(common.claimed):
        raw = cells[i]
        for full in full_reading(reader, raw):
            assert full.status == "ok" and full.message is None, (raw, full)
            assert full.value == common.values[i], (raw, full.value, common.values[i])
            assert not full.low < full.value, raw
            if common.periods is not None:
                assert full.period == common.periods[i], (raw, full.period, common.periods[i])
            else:
                assert full.period is None, raw
    return int(common.claimed.sum())


@pytest.mark.parametrize("kind", ["money", "duration"])
def test_common_shapes_read_every_corpus_cell_as_the_full_parser_does(kind) -> None:
    cells = corpus_cells(kind)
    claimed = [check_claims(reader, cells) for reader in readers(kind)]
    assert min(claimed) > 150, claimed  # the shapes were taken, and agreed


def _column(cells: list[object], dtype: str | None) -> pd.DataFrame:
    rows = np.random.default_rng(1).integers(0, len(cells), 4 * len(cells))
    values = [cells[i] for i in rows] + [None]
    return pd.DataFrame({"c": pd.Series(values, dtype=dtype)})


@pytest.mark.parametrize("kind", ["money", "duration"])
def test_a_column_reads_the_same_with_and_without_the_common_shapes(kind, monkeypatch) -> None:
    """Whole columns (text, and mixed with numbers and dates), under every header and profile: values,
    statuses, periods, ranges and issues identical."""
    import datetime

    cells = corpus_cells(kind)
    claimed = next(readers(kind)).common(pd.Index(cells, dtype=object)).claimed
    # the claimed cells, and a sample of the others (each is read by the full parser, twice per column)
    cells = [c for c, taken in zip(cells, claimed, strict=True) if taken] + [
        c for c, taken in zip(cells, claimed, strict=True) if not taken
    ][::10]
    texts = [c for c in cells if isinstance(c, str)]
    mixed = [*cells, 9250, 12.5, 0, datetime.date(2025, 1, 12), True]
    for n, reader in enumerate(readers(kind, headers=["Fees (AUD)"] if kind == "money" else ["Length"])):
        for sheet in (_column(texts, "str"), _column(mixed, None))[: 2 if n == 0 else 1]:
            fast = parse_column(sheet, "c", kind, reader)
            monkeypatch.setattr(common_cells, "ENABLED", False)
            slow = parse_column(sheet, "c", kind, reader)
            monkeypatch.setattr(common_cells, "ENABLED", True)
            assert_same_column(fast, slow)


def assert_same_column(fast, slow) -> None:
    np.testing.assert_array_equal(fast.values, slow.values)
    np.testing.assert_array_equal(fast.statuses, slow.statuses)
    assert fast.period_names == slow.period_names
    assert (fast.period_codes is None) == (slow.period_codes is None)
    if fast.period_codes is not None:
        np.testing.assert_array_equal(fast.period_codes, slow.period_codes)
    assert (fast.lows is None) == (slow.lows is None)
    if fast.lows is not None:
        np.testing.assert_array_equal(fast.lows, slow.lows)
    pd.testing.assert_frame_equal(fast.issues, slow.issues)


def test_cells_that_need_the_full_parser_are_not_claimed() -> None:
    """Doubtful or unusual cells go to the full parser: under 100, a year, a leading zero, two
    currencies, a shared symbol, an unknown code, a fee per credit, odd spacing, glued words."""
    fees = ["£50", "€2025", "£09,250", "£9,250 EUR", "¥100,000", "Rs 100,000", "kr 100,000", "12,000 ABC",
            "£1,200 per credit", "£9,250  / year", " £9,250", "£9,250 per year.", "Fees£9,250", "£9,250\n",
            "£9,250 (Total", "12.500 EUR", "£9 250", "US$12,000 per week", "£9,250/year (2025)", "XY$9,000",
            "£9,250 PER YEAR"]  # fmt: skip
    lengths = ["0 months", "1 year part-time", "12Months", "Full-time 1 year, full-time 2 years", "012 months",
               "1 year  full-time", "1,5 years", "1 year full-time; 2 years part-time", "18 months max", "2024 months",
               "Full-time 12 months, part-time 2030 months", "12000 months"]  # fmt: skip
    for kind, cells in (("money", fees), ("duration", lengths)):
        reader = parser_for(CRITERIA[kind], PROFILE, "Tuition fees" if kind == "money" else "Length")
        common = reader.common(pd.Index(cells, dtype=object))
        assert not common.claimed.any(), [c for c, taken in zip(cells, common.claimed, strict=True) if taken]


def test_common_cells_are_claimed_with_their_reading() -> None:
    reader = parser_for(CRITERIA["money"], PROFILE, "Tuition fees")
    cells = ["£9,250 / year", "$12,000 per year", "12,000 EUR", "€9,000 (Total)", "HK$120,000", "£1,250.50 p.a."]
    common = reader.common(pd.Index(cells))
    assert common.claimed.all()
    rates = PROFILE.currency.rates
    expected = [9250, 12000 * rates["USD"], 12000 * rates["EUR"], 9000 * rates["EUR"], 120000 * rates["HKD"], 1250.5]
    assert common.values.tolist() == expected
    assert common.periods.tolist() == ["year", "year", "total", "total", "total", "year"]
    lengths = parser_for(CRITERIA["duration"], PROFILE, "Length")
    cells = ["1 year", "18 months", "1.5 years full-time", "Full-time 14 months, part-time 30 months", "52 weeks",
             "Part-time: 3 years; Full-time: 1 year"]  # fmt: skip
    common = lengths.common(pd.Index(cells))
    assert common.claimed.all()
    assert common.values.tolist() == [12, 18, 18, 14, 12, 12]


# Generated cells: amounts with and without separators and decimals, currencies before and after (some
# shared or unknown), periods in any case, single and double spaces.
_DIGITS = st.integers(0, 10**13).map(str) | st.sampled_from(["0", "07", "2020", "1999", "99", "100", "1000"])
_TOKENS = st.sampled_from(
    ["£", "€", "$", "US$", "HK$", "A$", "C$", "CAD$", "R$", "NZ$", "XY$", "¥", "Rs", "kr", "EUR", "GBP", "USD",
     "AUD", "SEK", "CHF", "RMB", "WON", "ABC", "TBC", "MSC", "eur", "Eur", "euros", "R", "RM", "CNY", "JPY"]
)  # fmt: skip
_PERIODS = st.sampled_from(
    ["", "/ year", "/year", "/ yr", " / annum", " per year", " Per Year", " PER ANNUM", " per academic year", " a year",
     " p.a.", " p.a", " (Total)", " (total)", " (per year)", " (Per Annum)", " in total", " total", " Total",
     " per credit", " per semester", " / semester", " per term", " per month", " per week", " each year",
     " / Month", "  per year", " per  year", " per year (2025)"]
)  # fmt: skip
_SPACE = st.sampled_from(["", " ", " ", "  "])


@st.composite
def fee_cells(draw) -> str:
    digits = draw(_DIGITS)
    if draw(st.booleans()):
        digits = f"{int(digits):,}" if not digits.startswith("0") else digits
    if draw(st.booleans()):
        digits += draw(st.sampled_from([".50", ".5", ".00", ".125", ",50"]))
    token = draw(_TOKENS)
    where = draw(st.sampled_from(["pre", "post", "both", "none"]))
    before = token + draw(_SPACE) if where in ("pre", "both") else ""
    after = draw(_SPACE) + token if where in ("post", "both") else ""
    text = before + digits + after + draw(_PERIODS)
    return text.upper() if draw(st.integers(0, 9)) == 0 else text


@st.composite
def length_cells(draw) -> str:
    def figure() -> str:
        number = draw(st.sampled_from(["0", "1", "1.5", "2", "12", "18", "24", "0.5", "01", "100", "999", "1.25",
                                       "1.125", "3", "1073", "2024", "1999.5", "1979", "2050", "9999", "10000"]))
        unit = draw(st.sampled_from(["year", "years", "month", "months", "week", "weeks", "Year", "MONTHS", "yrs",
                                     "mo", "semesters", "days"]))  # fmt: skip
        return number + draw(_SPACE) + unit

    mode = st.sampled_from(["Full-time", "full time", "Part-time", "part time", "FULL-TIME", "Full-Time", "PT"])
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return figure()
    if shape == 1:
        return figure() + draw(st.sampled_from([" full-time", " full time", " Full-Time", " part-time", "  full-time",
                                                " full-time.", " (full-time)"]))  # fmt: skip
    colon = draw(st.sampled_from(["", ":", ": ", " : "]))
    separator = draw(st.sampled_from([", ", "; ", ",", " , ", " and ", "  ,"]))
    first, second = draw(mode), draw(mode)
    return f"{first}{colon} {figure()}{separator}{second}{colon} {figure()}"


MONEY_READERS = list(readers("money"))
LENGTH_READERS = list(readers("duration"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fee_cells(), min_size=1, max_size=40, unique=True), st.sampled_from(MONEY_READERS))
def test_generated_fee_cells_read_as_the_full_parser_does(cells, reader) -> None:
    check_claims(reader, cells)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(length_cells(), min_size=1, max_size=40, unique=True), st.sampled_from(LENGTH_READERS))
def test_generated_length_cells_read_as_the_full_parser_does(cells, reader) -> None:
    check_claims(reader, cells)


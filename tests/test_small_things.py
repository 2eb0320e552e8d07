"""What users hit first: file permissions, the library's render types, usage errors, names that are
nearly right, numbers as people write them, CSV figures and the profile ``init`` writes."""

import csv
import io
import os
import re
import stat

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import programscore as ps
from programscore.cli import main
from programscore.reports import write_output
from programscore.reports.text import significant

CSV_PATH = "data/programmes.csv"


@pytest.fixture(scope="module")
def result():
    return ps.score(ps.read_sheet(CSV_PATH), "article")


@pytest.fixture
def umask():
    previous = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_gets_the_umask_permissions(tmp_path, umask, mask, mode):
    umask(mask)
    target = tmp_path / "ranked.csv"
    write_output(b"x\n", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["ranked.csv"]  # no temporary file left


def test_an_output_written_over_keeps_its_permissions(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "ranked.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_output(b"new\n", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new\n"


def test_cli_outputs_and_init_files_honour_the_umask(tmp_path, umask):
    umask(0o027)
    runner = CliRunner()
    for name in ("r.csv", "r.html", "r.xlsx", "r.json"):
        assert runner.invoke(main, ["score", CSV_PATH, "-o", str(tmp_path / name)]).exit_code == 0
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640, name
    assert runner.invoke(main, ["init", str(tmp_path / "new")]).exit_code == 0
    for path in (tmp_path / "new").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, path.name


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "tsv", "json", "html"])
def test_render_gives_text_for_text_formats(result, fmt):
    text = result.render(fmt, top=3)
    assert isinstance(text, str) and "Kingsgate" in text


def test_render_gives_bytes_for_the_workbook(result):
    data = result.render("xlsx")
    assert isinstance(data, bytes) and data[:2] == b"PK"
    analysis = result.sensitivity(samples=100)
    assert isinstance(analysis.render("csv"), str) and isinstance(analysis.render("xlsx"), bytes)
    with pytest.raises(ps.ProgramscoreError, match="unknown format 'pdf'"):
        result.render("pdf")


@pytest.mark.parametrize(
    "order, message",
    [
        ("job_support > cost > lenght", "the order names 'lenght', which is not a criterion (did you mean 'length'?)"),
        ("job_support >> cost", "the order 'job_support >> cost' has an empty place"),
    ],
)
def test_unknown_criterion_in_rank_is_a_usage_error(order, message):
    outcome = CliRunner().invoke(main, ["score", CSV_PATH, "--rank", order])
    assert outcome.exit_code == 2
    assert f"Error: Invalid value for --rank: {message}" in outcome.output
    weights = CliRunner().invoke(main, ["score", CSV_PATH, "-w", "lenght=2"])
    assert weights.exit_code == 2  # as -w


@pytest.mark.parametrize(
    "typed, closest",
    [
        ("Kinsgate", "MSc Business Analytics, Kingsgate University"),
        ("Harborside", "MSc Machine Learning, Harbourside Institute of Technology"),
        ("Valle Colege", "MSc Artificial Intelligence, Vale College"),
    ],
)
def test_explain_an_unknown_name_lists_the_closest(typed, closest):
    outcome = CliRunner().invoke(main, ["explain", CSV_PATH, typed])
    assert outcome.exit_code == 1
    assert outcome.output == f"Error: no programme called {typed!r}; did you mean {closest!r}?\n"


def test_explain_shows_numbers_as_written():
    sheet = pd.DataFrame({"Programme": ["A", "B"], "Length": ["1 month", "1 year"], "Fees": [12500.0, 9250.5],
                          "Rating": [4.0, 3.0]})  # fmt: skip
    profile = ps.Profile(
        name="p",
        criteria=[
            ps.Criterion(key="length", kind="duration", better="lower"),
            ps.Criterion(key="fees", kind="money", better="lower"),
            ps.Criterion(key="rating", kind="rating", scale=[0, 5]),
        ],
    )
    explanation = ps.score(sheet, profile).explain("A")
    rows = explanation.criteria
    assert list(rows["raw"]) == ["1 month", "12,500", "4"]
    assert list(rows["value"]) == ["1 month", "12,500 GBP", "4 of 5"]
    assert "Length: 1 month, from" in str(explanation)
    other = ps.score(sheet, profile).explain("B").criteria
    assert list(other["raw"]) == ["1 year", "9,250.5", "3"]


def test_check_readings_show_numbers_as_written():
    outcome = CliRunner().invoke(main, ["check", "data/programmes.xlsx", "--readings"])
    assert "  job_support H5 (x4) 4 -> 4 of 5, from \"4\"" in outcome.output
    assert "4.0" not in outcome.output


def read_back(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_csv_figures_are_rounded_and_read_back_as_shown(result):
    text = result.render("csv")
    assert "0.9529000000000001" not in text
    digits = [len(cell.replace("-", "").replace(".", "").lstrip("0")) for cell in text.replace("\n", ",").split(",")
              if cell[:1].isdigit() and "." in cell]  # fmt: skip
    assert digits and max(digits) <= 10
    rows = read_back(text)
    assert float(rows[0]["score"]) == float(f"{result.scores[0]:.10g}")
    points = result.contributions.to_numpy()
    for i, row in enumerate(rows):
        for j, key in enumerate(result.profile.keys):
            assert float(row[f"{key} points"]) == float(f"{points[i, j]:.10g}")
            assert float(row[f"{key} points"]) == pytest.approx(points[i, j], rel=1e-9, abs=1e-12)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30), max_size=30))
def test_significant_gives_the_nearest_double_to_ten_digits(values):
    rounded = significant(np.array(values, dtype=np.float64))
    for value, got in zip(values, rounded, strict=True):
        if abs(value) >= 1e-13:
            assert got == float(f"{value:.10g}")
        else:  # 22 decimal places at most: a figure this small is rounding noise
            assert abs(got - value) <= 5e-23
        assert len(repr(float(got)).split("e")[0].replace("-", "").replace(".", "").strip("0")) <= 10


def test_significant_keeps_what_it_cannot_round():
    values = np.array([np.nan, np.inf, -np.inf, 0.0, 1.7976931348623157e308, 0.9529000000000001])
    out = significant(values)
    assert np.isnan(out[0]) and list(out[1:]) == [np.inf, -np.inf, 0.0, 1.7976931348623157e308, 0.9529]


def test_score_and_sensitivity_csv_share_their_first_columns(result):
    score_header = read_back(result.render("csv"))[0].keys()
    sensitivity = read_back(result.sensitivity(samples=200).render("csv"))
    assert list(score_header)[:4] == list(sensitivity[0])[:4] == ["rank", "name", "row", "score"]
    assert [int(r["row"]) for r in sensitivity] == list(result.rows)


def test_init_profile_explains_costs_and_total(tmp_path):
    from programscore.template import write_template

    write_template(tmp_path)
    text = (tmp_path / "profile.toml").read_text()
    assert "# [costs]" in text and "# living = " in text and "# earnings = " in text
    assert "# total = true" in text
    assert ps.load_profile(tmp_path / "profile.toml").costs.per_month == 0  # as written: fees alone
    enabled = re.sub(r"^# (\[costs\]|living = |earnings = |total = true)", r"\1", text, flags=re.M)  # as a user would
    (tmp_path / "enabled.toml").write_text(enabled)
    profile = ps.load_profile(tmp_path / "enabled.toml")
    assert profile.costs.living == 1100 and profile.costs.earnings == 24000
    assert profile.criterion("cost").total is True

"""The terminal table: the answer on its first line, and a table that fits the width it is given."""

import re

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main
from programscore.cli_support import table_width
from programscore.reports.terminal import cut_parts, shorten_names

CSV_PATH = "data/programmes.csv"
BEST = "Best: MSc Business Analytics, Kingsgate University (91.5); next 87.9, 86.9"


@pytest.fixture(scope="module")
def result():
    return ps.score(ps.read_sheet(CSV_PATH), "article")


def test_piped_output_shows_every_column_in_full():
    output = CliRunner().invoke(main, ["score", CSV_PATH]).output
    lines = output.splitlines()
    assert lines[0] == BEST
    header = next(line for line in lines if line.lstrip().startswith("rank"))
    assert header.split() == ["rank", "name", "score", "job_support", "employment", "length", "cost",
                              "industry_links", "placement", "total", "cost", "per", "1k", "dominated", "by"]  # fmt: skip
    assert "MSc Machine Learning, Harbourside Institute of Technology" in output
    assert "not shown at this width" not in output
    assert CliRunner().invoke(main, ["score", CSV_PATH, "--width", "0"]).output == output  # 0: every column


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120, 150, 180])
def test_the_table_fits_the_width(result, width):
    text = result.render("table", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert text.splitlines()[0].startswith("Best: MSc Business Analytics")
    rows = [line for line in text.splitlines() if re.match(r"\s+\d+\s{2}", line)]
    assert len(rows) == 21  # one line per programme, whatever the width
    assert [int(r.split()[0]) for r in rows] == list(result.ranks)
    scores = [re.search(r"\s(\d+\.\d\d)(\s|$)", r).group(1) for r in rows]
    assert scores == [f"{s:.2f}" for s in result.scores]  # the score is always shown


def test_narrow_tables_shorten_headers_and_names_then_leave_columns_out(result):
    text = result.render("table", width=80, top=3)
    assert "job\n" not in text  # headers on two lines are two lines of the table, not broken cells
    lines = text.splitlines()
    header = lines.index(next(line for line in lines if line.lstrip().startswith("rank")))
    assert lines[header].split()[:4] == ["rank", "name", "score", "job"] and "supp." in lines[header + 1]
    assert "MSc Bus. Anal…, Kingsgate Uni…" in text  # common words shortened, then each part cut
    note = " ".join(lines[lines.index(next(line for line in lines if line.startswith("not shown"))) :])
    assert note.startswith("not shown at this width: placement points, industry_links points, cost points")
    assert "placement" not in lines[header] and "plac." not in lines[header + 1]
    wide = result.render("table", width=150, top=3)
    assert "not shown" not in wide and "indu." in wide  # at 150 every column fits, abbreviated


def test_names_are_shortened_sensibly():
    names = pd.Series(["MSc Machine Learning, Harbourside Institute of Technology", "MSc AI, Vale College"])
    short = shorten_names(names, 40)
    assert list(short) == ["MSc Machine Learni…, Harbourside Inst.…", "MSc AI, Vale College"]  # both parts cut
    assert all(len(n) <= 40 for n in short)
    assert cut_parts(["A very long programme name", "Uni"], 20) == "A very long pr…, Uni"  # the short part kept
    assert cut_parts(["Programme name here", "University name here"], 20) == "Programm…, Universi…"


def shares(base: dict[str, float], key: str, share: float) -> dict[str, float]:
    """Weights with ``key`` at ``share`` and the others scaled in proportion (the stability interval's path)."""
    rest = 1 - base[key]
    return {k: share if k == key else w * (1 - share) / rest for k, w in base.items()}


def test_the_robustness_line_is_where_first_place_changes(result):
    line = result.render("table").splitlines()[1]
    found = re.fullmatch(
        r"First place holds unless a weight moves by more than (\d+\.\d) points \((\w+) (down|up) from "
        r"(\d+\.\d)% to (\d+\.\d)% puts (.+) first\)\.",
        line,
    )
    assert found, line
    move, key, _, now, to, who = found.groups()
    assert (key, who) == ("placement", "MSc Machine Learning, Harbourside Institute of Technology")
    assert float(move) == pytest.approx(float(now) - float(to), abs=0.11)
    sheet = ps.read_sheet(CSV_PATH)
    base = result.profile.weights
    edge = float(to) / 100
    before = ps.score(sheet, "article", weights=shares(base, key, edge + 0.002))
    after = ps.score(sheet, "article", weights=shares(base, key, edge - 0.002))
    assert before.names[0] == result.names[0] and after.names[0] == who
    # no other single weight changes first place with a smaller move
    for other, share in base.items():
        for step in np.linspace(-float(move) / 100 + 0.002, float(move) / 100 - 0.002, 7):
            if 0 <= share + step <= 1:
                moved = ps.score(sheet, "article", weights=shares(base, other, share + step))
                assert moved.names[0] == result.names[0], (other, step)


def test_topsis_and_ties_say_only_what_is_known():
    topsis = CliRunner().invoke(main, ["score", CSV_PATH, "--method", "topsis", "--top", "2"]).output
    assert topsis.startswith("Best: ") and "First place holds" not in topsis
    sheet = pd.DataFrame({"Programme": ["A", "B", "C"], "Score": [3, 3, 1]})
    profile = ps.Profile(name="p", criteria=[ps.Criterion(key="quality", kind="number", columns=["Score"])])
    tied = ps.score(sheet, profile).render("table")
    assert tied.splitlines()[0] == "Best (tied): A, B (100.0); next 0.0"
    assert "First place holds" not in tied
    one = ps.score(sheet.iloc[:1], profile).render("table")
    assert one.splitlines()[0] == "Best: A (100.0)"


def test_width_from_the_terminal_only_when_it_is_one(monkeypatch):
    import sys

    monkeypatch.setenv("COLUMNS", "77")
    assert table_width(None, None) is None  # under pytest standard output is not a terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert table_width(None, None) == 77 and table_width(None, "-") == 77
    assert table_width(None, "ranked.txt") is None and table_width(0, None) is None and table_width(90, None) == 90


def test_the_readme_shows_what_the_fitted_table_prints():
    from pathlib import Path

    readme = Path("README.md").read_text()
    command = "$ programscore score data/programmes.csv --top 3 --width 80\n"
    block = readme[readme.index(command) + len(command) :]
    printed = block[: block.index("\n```\n")]
    output = CliRunner().invoke(main, ["score", CSV_PATH, "--top", "3", "--width", "80"]).output
    assert output == printed + "\n"

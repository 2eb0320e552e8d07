"""What the workbook writer does with hostile or oversized text, huge rankings and Ctrl-C."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import programscore as ps
from programscore.cli import main
from programscore.reports import excel, excel_layout

INJECTION = "=cmd|' /C calc'!A0"


def hostile_result():
    sheet = pd.DataFrame(
        {
            "Programme": ["Bell\x07 MSc", "=1+1", "Tab\tand\x0bvertical", "Long " + "x" * 40_000, "@SUM(A1)"],
            "Score": [1, 2, 3, 4, 5],
            "Fees": ["£9000", "£10000", "£11000", "£12000", "£13000"],
        }
    )
    profile = ps.Profile(
        name="+evil",
        description="-2+3",
        criteria=[
            ps.Criterion(key="score", kind="number", label=INJECTION),
            ps.Criterion(key="fees", kind="money", better="lower", columns=["Fees"], label="@fees\x01"),
        ],
    )
    return ps.score(sheet, profile)


def test_no_text_from_the_data_or_profile_becomes_a_formula_or_breaks_the_file(tmp_path):
    path = tmp_path / "hostile.xlsx"
    result = hostile_result()
    result.sensitivity(100).write(str(path))
    book = load_workbook(path)
    texts = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    assert len(cell.value.encode("utf-16-le")) // 2 <= 32_767
                    assert not excel_layout.UNWRITABLE.search(cell.value)
                    if cell.value[:1] in "=+-@":
                        assert cell.quotePrefix, (ws.title, cell.coordinate)  # stays text when edited
    ranking = book["Ranking"]
    assert ranking["E1"].value == f"{INJECTION} (points)" and ranking["E1"].data_type == "s"
    assert "@fees (points)" in [c.value for c in ranking[1]]
    assert {"=1+1", "@SUM(A1)", "Bell MSc", "Tab\tandvertical"} <= set(texts)
    long = next(t for t in texts if t.startswith("Long "))
    assert len(long) == 32_767 and long.endswith("…")
    profile = [row[0] for row in book["Profile"].iter_rows(values_only=True)]
    start = profile.index("Notes")
    notes = profile[start + 1 : start + 3]
    assert notes[0].startswith("warning: removed control characters that a workbook cannot hold from ")
    assert "sheets Ranking, Value, Sensitivity" in notes[0] and "the first began '@fees\\x01 (points)'" in notes[0]
    assert notes[1].startswith("warning: shortened 2 cells to Excel's limit of 32,767 characters (sheets Ranking, ")
    assert profile[0] == "Profile" and book["Profile"]["A2"].value == "+evil"


def test_a_long_ranking_is_charted_from_a_bounded_sample(tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "CHART_POINTS", 5)
    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    path = tmp_path / "r.xlsx"
    result.to_excel(str(path))
    value = load_workbook(path)["Value"]
    chart = value._charts[0]
    dots, frontier = chart.series
    assert dots.xVal.numRef.f.startswith("'Value'!$B$")  # the sample on this sheet, not all of Ranking
    rows = [value.cell(row=r, column=1).value for r in range(1, value.max_row + 1)]
    start = rows.index("Programmes in the chart (an even sample, by rank)")
    assert len([r for r in rows[start + 1 :] if (r and r.startswith("MSc")) or (r and r.startswith("M"))]) == 5
    assert rows[0] == "Frontier: no other is cheaper and better"
    assert any(r and r.startswith("The chart shows an even sample of 5 of the 20 programmes") for r in rows)
    assert frontier.xVal.numRef.f == "'Value'!$B$2:$B$6"  # five frontier points: all drawn


def test_even_sample_keeps_the_ends():
    assert excel.even_sample(3, 5).tolist() == [0, 1, 2]
    picked = excel.even_sample(1_000_000, 2_000)
    assert len(picked) == 2_000 and picked[0] == 0 and picked[-1] == 999_999


def test_a_ranking_longer_than_a_sheet_is_refused_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "EXCEL_ROWS", 10)
    out = tmp_path / "r.xlsx"
    run = CliRunner().invoke(main, ["score", "data/programmes.csv", "-o", str(out)])
    assert run.exit_code == 1 and not out.exists()
    assert run.output == ("Error: a workbook sheet holds at most 9 programmes and this ranking has 21: "
                          "give --top N, or write CSV\n")  # fmt: skip
    assert CliRunner().invoke(main, ["score", "data/programmes.csv", "--top", "9", "-o", str(out)]).exit_code == 0


def test_full_issue_and_excluded_sheets_say_what_is_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(excel_layout, "EXCEL_ROWS", 3)
    profile = ps.load_profile("article")
    profile.criterion("cost").max = 12000
    result = ps.score(ps.read_sheet("data/programmes.xlsx"), profile)
    path = tmp_path / "r.xlsx"
    result.write(str(path), "xlsx", top=1)
    book = load_workbook(path)
    issues = [row[0] for row in book["Issues"].iter_rows(values_only=True)]
    assert (
        issues[-1] == f"… and {len(result.issues) - 1} more issues (`programscore check` lists them all): "
        "a sheet holds 3 rows"
    )
    excluded = [row[0] for row in book["Excluded"].iter_rows(values_only=True)]
    assert len(excluded) == 3 and excluded[-1].startswith(f"… and {len(result.excluded) - 1} more excluded")


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("stage", ["_issues_sheet", "_profile_sheet"])
def test_ctrl_c_while_writing_a_workbook_leaves_nothing_and_no_traceback(tmp_path, monkeypatch, stage):
    import gc
    import tempfile

    before = set(Path(tempfile.gettempdir()).glob("programscore-*"))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(excel, stage, interrupted)
    out = tmp_path / "r.xlsx"
    run = CliRunner().invoke(main, ["score", "data/programmes.csv", "-o", str(out)])
    assert run.exit_code == 1 and "Traceback" not in run.output
    assert run.output.strip() == "Aborted!"
    assert list(tmp_path.iterdir()) == []  # no workbook and no temporary file
    gc.collect()  # the sheets begun are collected without an "Exception ignored" traceback
    assert set(Path(tempfile.gettempdir()).glob("programscore-*")) <= before  # nor the writer's row files

"""The workbook as a person sees it: chart properties asserted on the written chart XML, the page
setup of every sheet, and (where LibreOffice is installed) the workbook printed to PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import programscore as ps

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "ranked.xlsx"
    result = ps.score(ps.read_sheet("data/programmes.xlsx"), "article")
    result.sensitivity(500, 0.25, 0, 3, True).write(str(path))
    return path, result


def charts(path: Path) -> dict[str, object]:
    """Chart XML by the sheet it sits on."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        found = {}
        for sheet in load_workbook(path).sheetnames:
            index = load_workbook(path).sheetnames.index(sheet) + 1
            rels = f"xl/worksheets/_rels/sheet{index}.xml.rels"
            if rels not in names:
                continue
            drawing = re.search(r'Target="/?(?:\.\./)?(xl/)?drawings/(drawing\d+\.xml)"', archive.read(rels).decode())
            if drawing is None:
                continue
            drawing_rels = archive.read(f"xl/drawings/_rels/{drawing.group(2)}.rels").decode()
            chart = re.search(r'Target="/?(?:\.\./)?(?:xl/)?charts/(chart\d+\.xml)"', drawing_rels)
            found[sheet] = ElementTree.fromstring(archive.read(f"xl/charts/{chart.group(1)}"))
    return found


def test_every_axis_is_shown_and_every_name_labelled(workbook):
    path, _ = workbook
    found = charts(path)
    assert set(found) == {"Ranking", "Value", "Sensitivity"}
    for sheet, chart in found.items():
        axes = chart.findall(f".//{C}valAx") + chart.findall(f".//{C}catAx")
        assert len(axes) == 2, sheet
        for axis in axes:
            assert axis.find(f"{C}delete").get("val") == "0", sheet
    for sheet in ("Ranking", "Sensitivity"):
        assert found[sheet].find(f".//{C}barDir").get("val") == "bar"
        assert found[sheet].find(f".//{C}catAx/{C}tickLblSkip").get("val") == "1"
    ranking = found["Ranking"]
    assert [float(ranking.find(f".//{C}valAx/{C}scaling/{C}{end}").get("val")) for end in ("min", "max")] == [0, 100]


def test_value_chart_markers_lines_and_axes_fit_the_data(workbook):
    path, result = workbook
    chart = charts(path)["Value"]
    assert chart.find(f".//{C}scatterStyle").get("val") == "lineMarker"
    dots, frontier = chart.findall(f".//{C}ser")
    for series in (dots, frontier):
        assert series.find(f"{C}smooth").get("val") == "0"
        marker = series.find(f"{C}marker")
        assert marker.find(f"{C}symbol").get("val") in {"circle", "diamond"}
        assert marker.find(f"{C}spPr/{A}solidFill/{A}srgbClr") is not None  # filled, so visible
    assert dots.find(f"{C}spPr/{A}ln/{A}noFill") is not None  # dots are not joined
    assert frontier.find(f"{C}spPr/{A}ln/{A}solidFill") is not None  # the frontier is a drawn line
    x_axis, y_axis = chart.findall(f".//{C}valAx")
    costs = result.total_cost[~(result.total_cost != result.total_cost)]
    x_min, x_max = (float(x_axis.find(f"{C}scaling/{C}{end}").get("val")) for end in ("min", "max"))
    assert x_min <= costs.min() and costs.max() <= x_max <= costs.max() * 1.25
    y_min, y_max = (float(y_axis.find(f"{C}scaling/{C}{end}").get("val")) for end in ("min", "max"))
    assert y_min <= result.scores.min() and result.scores.max() <= y_max <= 100 and y_min > 0


def test_every_sheet_prints_landscape_one_page_wide_with_titles(workbook):
    path, _ = workbook
    book = load_workbook(path)
    assert book.sheetnames == ["Ranking", "Value", "Sensitivity", "Stability", "Reversals", "Excluded", "Issues",
                               "Profile"]  # fmt: skip
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        # fitToWidth="1" is the file format's default, and may be left out of the file
        assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.oddHeader.center.text == "&A", ws.title
        if ws.title != "Profile":
            assert ws.print_title_rows == "$1:$1", ws.title


def test_header_rows_are_tall_enough_and_columns_fit(workbook):
    path, result = workbook
    book = load_workbook(path)
    ranking = book["Ranking"]
    # "Support into a job (points)" wraps onto three lines of a 10-character column
    assert ranking.row_dimensions[1].height >= 45
    for column in "EFGHIJ":  # no header word is broken across lines
        words = str(ranking[f"{column}1"].value).split()
        assert ranking.column_dimensions[column].width >= max(len(w) for w in words)
    sensitivity, stability = book["Sensitivity"], book["Stability"]
    assert sensitivity.column_dimensions["B"].width >= 40  # programme names, not a 6-character column
    below = max(len(str(c.value or "")) for c in stability["E"])
    assert stability.column_dimensions["E"].width >= min(below, 48)
    assert stability.column_dimensions["A"].width >= max(len(s.key) for s in result.sensitivity(50).stability)


OFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed: the printed workbook is not checked")
def test_the_workbook_prints_as_a_few_pages_with_every_name(workbook, tmp_path):
    path, result = workbook
    profile = tmp_path / "office-profile"
    done = subprocess.run(
        [OFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(path)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "ranked.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode()[-500:]
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    # eight sheets: one page each, the sensitivity chart on a page of its own, the profile's TOML on four
    assert 8 <= pages <= 14, pages
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text of the pages is not checked")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                           check=True, timeout=60).stdout.decode()  # fmt: skip
    assert first.split()[0] == "Ranking"  # the page header names the sheet
    for name in result.names:  # the whole ranking, and the top 15 named in the chart, on page one
        assert first.count(name) >= (2 if list(result.names).index(name) < 15 else 1), name
    assert "Dominated by" in first  # the last column is on the page: one page wide
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, timeout=60).stdout.decode()
    headed = [page.split()[0] for page in text.split("\f") if page.strip()]  # each page's header: its sheet
    assert set(headed) == {"Ranking", "Value", "Sensitivity", "Stability", "Reversals", "Excluded", "Issues", "Profile"}
    assert headed.count("Ranking") == headed.count("Value") == 1

"""Reports read back: the workbook with openpyxl, the JSON against its shape, the HTML parsed."""

import json
from html.parser import HTMLParser

import pandas as pd
import pytest
from openpyxl import load_workbook

import programscore as ps
from programscore.reports import FORMATS, Options, choose_format, format_for_path, render


@pytest.fixture(scope="module")
def result():
    return ps.score(ps.read_sheet("data/programmes.csv"), "article")


def test_registry_drives_extension_inference():
    assert format_for_path("x.XLSX") == "xlsx" and format_for_path("x.md") == "markdown"
    assert format_for_path("x.pdf") is None
    assert choose_format(None, None) == "table" and choose_format("out.tsv", None) == "tsv"
    assert choose_format("out.tsv", "json") == "json"
    assert set(FORMATS) == {"table", "csv", "tsv", "json", "markdown", "html", "xlsx"}


def test_xlsx_workbook(tmp_path, result):
    path = tmp_path / "ranked.xlsx"
    result.to_excel(path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Ranking", "Value", "Excluded", "Issues", "Profile"]
    ranking = workbook["Ranking"]
    assert ranking.freeze_panes == "C2"
    assert ranking.auto_filter.ref == "A1:S22"
    assert [c.value for c in ranking[1]][:5] == [
        "Rank",
        "Programme",
        "Sheet row",
        "Score",
        "Support into a job (points)",
    ]
    assert ranking["M1"].value == "Programme length (months)" and ranking["N1"].value == "Tuition fees (GBP)"
    scores = [ranking.cell(row=r, column=4).value for r in range(2, 23)]
    assert scores == pytest.approx(list(result.scores))
    assert ranking["B2"].value == result.names[0]
    assert ranking["D2"].number_format == "0.00" and ranking["E2"].number_format == "0.0"
    assert ranking["N2"].number_format == '#,##0 "GBP"' and ranking["M2"].number_format == '0.0 "months"'
    rules = {rule.type for cf in ranking.conditional_formatting for rule in cf.rules}
    assert rules == {"dataBar", "colorScale"}
    chart = ranking._charts[0]
    assert (chart.type, chart.grouping, len(chart.series)) == ("bar", "stacked", 6)
    # 48 characters wide: the file stores it as Excel does, with the cell's padding (48.71)
    assert 48 < ranking.column_dimensions["B"].width < 49
    issues = workbook["Issues"]
    assert [c.value for c in issues[2]] == [None, "H18", 18, "Careers support", "TBC", "warning",
                                            "not stated; treated as missing"]  # fmt: skip
    profile = workbook["Profile"]
    assert profile["A2"].value == "article" and profile["B2"].value == "weighted-sum"
    toml_lines = [profile.cell(row=r, column=1).value for r in range(13, profile.max_row + 1)]
    assert ps.profile_io.parse_profile("\n".join(line or "" for line in toml_lines)) == result.profile


def test_xlsx_excluded_sheet(tmp_path):
    profile = ps.load_profile("article")
    profile.criterion("cost").max = 30000
    result = ps.score(ps.read_sheet("data/programmes.csv"), profile)
    path = tmp_path / "r.xlsx"
    result.to_excel(path)
    rows = list(load_workbook(path)["Excluded"].iter_rows(values_only=True))
    assert rows[0] == ("Programme", "Sheet row", "Reasons")
    assert ("MS Machine Learning, Pacific Crest University", 9, "cost 71,100 GBP is above max 30,000 GBP") in rows


def test_the_ranking_sheet_written_in_blocks_is_the_same(monkeypatch, result):
    import io

    from python_calamine import CalamineWorkbook

    from programscore.reports import excel

    def read(data):
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        ranking = load_workbook(io.BytesIO(data))["Ranking"]
        italic = [c.coordinate for row in ranking.iter_rows() for c in row if c.font.i]
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}, italic

    whole = read(result.render("xlsx"))
    monkeypatch.setattr(excel, "BLOCK_ROWS", 4)  # 21 programmes: six blocks
    assert read(result.render("xlsx")) == whole and len(whole[1]) == 9


def test_the_xlsx_floors_write_the_cells_of_the_workbook(tmp_path, result):
    """benchmarks/xlsx_floor.py times the writers on the cells programscore writes: the same values."""
    import io
    import sys
    from pathlib import Path

    from python_calamine import CalamineWorkbook

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import xlsx_floor

    def sheets(source):
        book = CalamineWorkbook.from_filelike(source)
        return {name: book.get_sheet_by_name(name).to_python() for name in ("Ranking", "Excluded", "Issues")}

    cells = xlsx_floor.sheet_cells(result)
    ours = sheets(io.BytesIO(result.render("xlsx")))
    assert len(ours["Ranking"]) == 22 and len(ours["Issues"]) > 1
    for write in (xlsx_floor.write_xlsxwriter, xlsx_floor.write_openpyxl):
        path = tmp_path / f"{write.__name__}.xlsx"
        write(cells, path)
        with path.open("rb") as floor:
            assert sheets(floor) == ours, write.__name__


def check_shape(data):
    """The JSON document of DESIGN.md, key by key and type by type."""
    assert set(data) == {"profile", "ranking", "excluded", "issues"}
    assert {"name", "method", "criteria"} <= set(data["profile"])
    for c in data["profile"]["criteria"]:
        assert isinstance(c["key"], str) and isinstance(c["weight"], float)
    for r in data["ranking"]:
        assert set(r) == {
            "rank",
            "name",
            "row",
            "score",
            "contributions",
            "values",
            "dominated_by",
            "total_cost",
            "per_1000",
            "imputed",
            "unknown",
        } | ({"dominance"} if r["dominated_by"] else set()) | ({"intervals"} if "intervals" in r else set())
        assert r["dominated_by"] is None or isinstance(r["dominated_by"], str)
        assert all(key in r["values"] for key in r["imputed"]) and r["unknown"] >= len(r["imputed"])
        assert isinstance(r["rank"], int) and isinstance(r["row"], int) and isinstance(r["score"], float)
        assert all(v is None or isinstance(v, float) for v in r["values"].values())
    for e in data["excluded"]:
        assert set(e) == {"name", "row", "reasons"} and all(isinstance(x, str) for x in e["reasons"])
    for i in data["issues"]:
        assert {"row", "column", "cell", "value", "severity", "message"} <= set(i)
        assert i["severity"] in ("error", "warning")


def test_json_shape(result):
    data = json.loads(render(result, "json"))
    check_shape(data)
    assert sum(c["weight"] for c in data["profile"]["criteria"]) == pytest.approx(1)
    assert len(json.loads(render(result, "json", Options(top=2)))["ranking"]) == 2


class Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scores, self.in_score, self.external = [], False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_score = tag == "td" and "score" in (attrs.get("class") or "")
        for key in ("src", "href"):
            if attrs.get(key):
                self.external.append(attrs[key])

    def handle_data(self, data):
        if self.in_score:
            self.scores.append(float(data))
            self.in_score = False


def test_html_numbers_match_the_ranking(result):
    page = render(result, "html").decode()
    parser = Cells()
    parser.feed(page)
    assert parser.scores == [round(s, 2) for s in result.scores]
    assert parser.external == []  # self-contained: no links to load
    assert page.count("<svg") == len(result.scores) + 1  # a bar per programme, and the value chart
    # one inline script (the live weights) and its JSON data, nothing loaded from elsewhere
    assert page.count("<script>") == 1 and page.count("<script") == 2 and "<script src" not in page


def test_html_escapes_names():
    sheet = pd.DataFrame({"Programme": ["<script>alert(1)</script>", "B"], "Score": [1, 2]})
    profile = ps.Profile(name="p", criteria=[ps.Criterion(key="score", kind="number")])
    page = render(ps.score(sheet, profile), "html").decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_csv_escapes_formulas_unless_asked():
    sheet = pd.DataFrame({"Programme": ['=HYPERLINK("http://x")', "@SUM(A1)", "Plain"], "Score": [1, 2, 3]})
    profile = ps.Profile(name="p", criteria=[ps.Criterion(key="score", kind="number")])
    result = ps.score(sheet, profile)
    text = render(result, "csv").decode()
    assert '\n3,"\'=HYPERLINK(""http://x"")",' in text and '\n2,"\'@SUM(A1)",' in text
    raw = render(result, "csv", Options(escape=False)).decode()
    assert '\n3,"=HYPERLINK(""http://x"")",' in raw
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == ["Plain", "'@SUM(A1)", '\'=HYPERLINK("http://x")']
    assert rows[1]["dominated by"] == "Plain"


def test_xlsx_never_holds_a_formula_from_the_data(tmp_path):
    sheet = pd.DataFrame({"Programme": ["=1+1", "+cmd", "-2+3", "@x"], "Score": [1, 2, 3, 4]})
    profile = ps.Profile(name="p", criteria=[ps.Criterion(key="score", kind="number")])
    path = tmp_path / "r.xlsx"
    ps.score(sheet, profile).to_excel(path)
    workbook = load_workbook(path)
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    names = [workbook["Ranking"].cell(row=r, column=2).value for r in range(2, 6)]
    assert names == ["@x", "-2+3", "+cmd", "=1+1"]


def test_no_exported_workbook_holds_a_formula_from_the_data(tmp_path):
    """Every sheet of every workbook (ranking with Value, Excluded, Issues, Profile; sensitivity):
    text from the data that starts like a formula is stored as text."""
    sheet = pd.DataFrame(
        {
            "Programme": ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x")'],
            "Fees": ["£9000", "=cmd()", "£12000", "£50000", "£8000"],
            "Score": [1, 2, 3, 4, 5],
        }
    )
    profile = ps.Profile(
        name="p",
        criteria=[
            ps.Criterion(key="score", kind="number"),
            ps.Criterion(key="fees", kind="money", better="lower", max=40000, columns=["Fees"]),
        ],
    )
    result = ps.score(sheet, profile)
    assert len(result.excluded) == 1 and len(result.issues) >= 1  # Excluded and Issues sheets hold data too
    paths = [tmp_path / "ranking.xlsx", tmp_path / "sensitivity.xlsx"]
    result.to_excel(paths[0])
    result.sensitivity(samples=200).write(str(paths[1]))
    checked = 0
    for path in paths:
        workbook = load_workbook(path)
        for ws in workbook.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and cell.value[:1] in "=+-@" and ws.title != "Profile":
                        checked += 1
    assert checked >= 10  # the formula-like names and cells were written, as text


def test_markdown_and_table_styles(result):
    md = render(result, "markdown", Options(top=2)).decode()
    assert md.startswith("# Ranking: profile article\n\nShort, affordable, linked to industry, with a placement and "
                         "support into a job\n\nBest: MSc Business Analytics, Kingsgate University (91.5); next 87.9, "
                         "86.9\nFirst place holds unless")  # fmt: skip
    assert "\n\n|   rank | name" in md
    grid = render(result, "table", Options(top=1, tablefmt="grid")).decode()
    assert grid.splitlines()[3].startswith("+--------+")  # after the answer (two lines and a blank)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_streamed_export_in_pieces_matches_the_rendered_one(tmp_path, monkeypatch, fmt):
    from programscore.reports import text

    result = ps.score(ps.read_sheet("data/programmes.csv"), "article")
    monkeypatch.setattr(text, "PIECE_ROWS", 4)  # 21 programmes: six pieces, formatted on two threads
    monkeypatch.setattr(text, "_processors", lambda: {0, 1})
    out = tmp_path / f"ranked.{fmt}"
    result.write(str(out))
    rendered = result.render(fmt)
    assert out.read_text(encoding="utf-8") == rendered
    assert rendered.count("\n") == len(result.names) + 1  # one header

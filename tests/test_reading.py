"""Reading real spreadsheets: encodings, delimiters, title blocks, merged headers, several sheets."""

import hashlib
import io
from pathlib import Path

import pandas as pd
import pytest

import programscore as ps

CSV = 'Programme,Length,Fees\nMSc A,1 year,"£9,250"\nMSc B,2 years,"£12,000 / year"\n'


def cells(frame):
    return [[None if pd.isna(v) else v for v in row] for row in frame.astype(object).values.tolist()]


@pytest.mark.parametrize(
    "encoding, delimiter",
    [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t"), ("cp1252", "|")],
)
def test_text_encodings_and_delimiters(tmp_path, encoding, delimiter):
    text = CSV.replace(",", delimiter).replace('"£9' + delimiter + '250"', '"£9,250"')
    text = text.replace('"£12' + delimiter + '000 / year"', '"£12,000 / year"')
    path = tmp_path / "p.csv"
    path.write_bytes(text.encode(encoding))
    frame = ps.read_sheet(path)
    assert list(frame.columns) == ["Programme", "Length", "Fees"]
    assert cells(frame) == [["MSc A", "1 year", "£9,250"], ["MSc B", "2 years", "£12,000 / year"]]
    assert list(frame.index) == [2, 3]
    notices = frame.attrs["notices"]
    if encoding == "cp1252":
        assert notices == [
            f"warning: {path} is not UTF-8; read as Windows-1252 (cp1252). If characters look wrong, "
            "name the encoding with --encoding"
        ]
    else:
        assert notices == []


def test_explicit_encoding_and_bad_encoding(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(CSV.encode("latin-1"))
    assert ps.read_sheet(path, encoding="latin-1").iloc[0, 2] == "£9,250"
    with pytest.raises(ps.SheetError, match=r"unknown encoding 'klingon'"):
        ps.read_sheet(path, encoding="klingon")


def test_binary_junk_suggests_encoding(tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ps.SheetError) as caught:
        ps.read_sheet(path)
    assert str(caught.value) == (
        f"{path}: not a text file in UTF-8, UTF-16 or Windows-1252; if it is text, name its encoding "
        "with --encoding (for example --encoding latin-1)"
    )


def test_text_with_title_rows_blank_rows_and_notes(tmp_path):
    text = (
        "Shortlist of programmes,,\n"
        ",,\n"
        "\n"
        "Programme,Length,Fees\n"
        "MSc A,1 year,£9000\n"
        ",,\n"
        "MSc B,2 years,£8000\n"
        "\n"
        "Note: fees for 2026 entry,,\n"
        "Source: websites,,\n"
    )
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    frame = ps.read_sheet(path)
    assert cells(frame) == [["MSc A", "1 year", "£9000"], ["MSc B", "2 years", "£8000"]]
    assert list(frame.index) == [5, 7]
    assert frame.attrs["header_row"] == 4
    assert frame.attrs["notices"] == ["2 note row(s) under the table were left out (from row 9)"]


def test_header_row_override(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\nProgramme,Length\nMSc A,1 year\n")
    frame = ps.read_sheet(path, header_row=2)
    assert list(frame.columns) == ["Programme", "Length"] and list(frame.index) == [3]
    with pytest.raises(ps.SheetError, match="row 9 is empty; it cannot be the header row"):
        ps.read_sheet(path, header_row=9)


def test_xlsx_title_block(titled_xlsx):
    frame = ps.read_sheet(titled_xlsx)
    assert list(frame.columns) == [
        "Programme",
        "University",
        "Length",
        "Fees",
        "Industry links",
        "Placement",
        "Job support",
    ]
    assert list(frame.index) == [5, 6, 7]
    assert frame.attrs["letters"]["Programme"] == "B" and frame.attrs["letters"]["Fees"] == "E"
    assert frame.attrs["sheet"] == "Shortlist" and frame.attrs["header_row"] == 4
    assert cells(frame)[1] == ["MSc AI", "Vale", "2 years", "£9,250 / year", "medium", "no", "TBC"]
    assert frame.attrs["notices"] == ["1 note row(s) under the table were left out (from row 10)"]
    # an issue points at the cell as the spreadsheet shows it
    result = ps.score(frame, "article")
    assert result.issues[["sheet", "cell", "value", "message"]].values.tolist() == [
        ["Shortlist", "H6", "TBC", "not stated; treated as missing"]
    ]


def test_merged_header_cells_and_formulas(merged_xlsx):
    frame = ps.read_sheet(merged_xlsx)
    assert list(frame.columns) == ["Programme", "Length", "Fees UK", "Fees International", "Placement"]
    assert cells(frame) == [["MSc A", "1 year", 9000.0, 18000.0, "yes"], ["MSc B", "2 years", 12000.0, 24000.0, "no"]]
    assert list(frame.index) == [3, 4]


def test_several_sheets(two_sheet_xlsx):
    frame = ps.read_sheet(two_sheet_xlsx)
    assert frame.attrs["sheet"] == "Programmes"
    assert frame.attrs["notices"][0] == "read sheet 'Programmes' of 2 ('Read me', 'Programmes')"
    assert len(frame) == 3
    with pytest.raises(ps.SheetError) as caught:
        ps.read_sheet(two_sheet_xlsx, sheet="Programs")
    assert str(caught.value) == f"{two_sheet_xlsx}: no sheet 'Programs'; the sheets are 'Read me', 'Programmes'"


def test_ods(tmp_path):
    path = tmp_path / "p.ods"
    pd.DataFrame({"Programme": ["MSc A", "MSc B"], "Length": ["1 year", "2 years"], "Fees": [9000, 12000]}).to_excel(
        path, engine="odf", index=False
    )
    frame = ps.read_sheet(path)
    assert cells(frame) == [["MSc A", "1 year", 9000.0], ["MSc B", "2 years", 12000.0]]


def test_duplicate_headers_are_made_unique(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("Programme,Fees,Fees\nA,1,2\n")
    frame = ps.read_sheet(path)
    assert list(frame.columns) == ["Programme", "Fees", "Fees (2)"]
    assert frame.attrs["notices"] == ["warning: header 'Fees' appears more than once; column C is called 'Fees (2)'"]


def test_file_object_and_stdin(monkeypatch):
    frame = ps.read_sheet(io.BytesIO(CSV.encode()))
    assert len(frame) == 2
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CSV.encode())))
    frame = ps.read_sheet("-")
    assert frame.attrs["source"] == "<stdin>" and len(frame) == 2


def test_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("Programme,Length\n")
    with pytest.raises(ps.SheetError) as caught:
        ps.read_sheet(path)
    assert str(caught.value) == f"{path}: not a .xlsx workbook (the file is not a zip or Excel file); is it misnamed?"


def test_empty_and_missing_files(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(ps.SheetError, match="the file is empty"):
        ps.read_sheet(path)
    with pytest.raises(ps.SheetError, match=r"nope\.csv: no such file"):
        ps.read_sheet(tmp_path / "nope.csv")


def test_duplicate_programmes_are_warnings(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text(
        "Programme,Length,Fees,Job support,Industry,Placement\nA,1 year,£9000,3,high,yes\n"
        "B,1 year,£9500,3,high,yes\na,2 years,£9900,3,high,yes\n"
    )
    report = ps.check(ps.read_sheet(path), "article")
    assert report.issues[["cell", "value", "severity", "message"]].values.tolist() == [
        ["A4", "a", "warning", "duplicate programme: same name as row 2; told apart by 'Length'"]
    ]
    names = list(ps.score(ps.read_sheet(path), "article").table["name"])
    assert sorted(names) == ["A (1 year)", "B", "a (2 years)"]
    assert report.errors == 0 and report.warnings == 1


def test_check_counts(titled_xlsx):
    report = ps.check(ps.read_sheet(titled_xlsx), "article")
    counts = report.columns.set_index("key")
    assert counts.loc["job_support", ["column", "letter", "ok", "missing"]].tolist() == ["Job support", "H", 2, 1]
    assert counts.loc["cost", ["ok", "missing", "assumed", "error"]].tolist() == [3, 0, 0, 0]
    assert report.to_dict()["issues"] == [
        {
            "sheet": "Shortlist",
            "row": 6,
            "column": "Job support",
            "cell": "H6",
            "value": "TBC",
            "severity": "warning",
            "message": "not stated; treated as missing",
            "reading": None,
        }
    ]


def test_reading_leaves_the_file_unchanged(titled_xlsx):
    before = hashlib.sha256(Path(titled_xlsx).read_bytes()).hexdigest()
    ps.score(ps.read_sheet(titled_xlsx), "article")
    assert hashlib.sha256(Path(titled_xlsx).read_bytes()).hexdigest() == before


# --- which sheet: the one whose headers the profile's criteria find ---------------------------------


def _workbook(path, sheets):
    """A workbook of the given {title: rows} (rows as lists of cells), in that order."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _programmes():
    from conftest import HEADER, ROWS

    return [HEADER, *ROWS]


def test_read_me_with_two_lines_of_notes_is_a_table_without_a_profile(tmp_path):
    notes = [["Scraped from the universities' websites."], ["Fees for 2026 entry."]]
    path = _workbook(tmp_path / "w.xlsx", {"Read me": notes, "Programmes": _programmes()})
    frame = ps.read_sheet(path)  # today's behaviour: the first sheet that holds a table
    assert frame.attrs["sheet"] == "Read me"
    assert frame.attrs["notices"] == ["read sheet 'Read me' of 2 ('Read me', 'Programmes')"]


def test_profile_picks_the_sheet_whose_headers_match_most_criteria(tmp_path):
    notes = [["Scraped from the universities' websites."], ["Fees for 2026 entry."]]
    fees = [["Programme", "Fees"], ["MSc A", "£9,000"]]
    path = _workbook(tmp_path / "w.xlsx", {"Read me": notes, "Fees": fees, "Programmes": _programmes()})
    frame = ps.read_sheet(path, profile="article")
    assert frame.attrs["sheet"] == "Programmes"
    assert list(frame.index) == [2, 3, 4]
    assert frame.attrs["notices"] == [
        "used sheet 'Programmes': its headers match 5 of 6 criteria (sheet 'Read me': 0, sheet 'Fees': 1)"
    ]
    # a Profile object works as well as its name, and the scores come from the programmes
    result = ps.score(ps.read_sheet(path, profile=ps.load_profile("article")), "article")
    assert len(result.table) == 3


def test_profile_choice_names_sheets_without_a_table(two_sheet_xlsx):
    frame = ps.read_sheet(two_sheet_xlsx, profile="article")
    assert frame.attrs["sheet"] == "Programmes"
    assert frame.attrs["notices"] == [
        "used sheet 'Programmes': its headers match 5 of 6 criteria (sheet 'Read me': no table)"
    ]


def test_profile_choice_ties_go_to_the_earlier_sheet(tmp_path):
    path = _workbook(tmp_path / "w.xlsx", {"2025": _programmes(), "2026": _programmes()})
    frame = ps.read_sheet(path, profile="article")
    assert frame.attrs["sheet"] == "2025"
    assert frame.attrs["notices"] == ["used sheet '2025': its headers match 5 of 6 criteria (sheet '2026': 5)"]


def test_profile_does_not_override_a_named_sheet_or_a_single_sheet(tmp_path, titled_xlsx):
    fees = [["Programme", "Fees"], ["MSc A", "£9,000"]]
    path = _workbook(tmp_path / "w.xlsx", {"Fees": fees, "Programmes": _programmes()})
    frame = ps.read_sheet(path, sheet="Fees", profile="article")
    assert frame.attrs["sheet"] == "Fees"
    assert frame.attrs["notices"] == ["read sheet 'Fees' of 2 ('Fees', 'Programmes')"]
    single = ps.read_sheet(titled_xlsx, profile="article")
    assert single.attrs["notices"] == ["1 note row(s) under the table were left out (from row 10)"]


def test_profile_is_not_loaded_for_a_text_file(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(CSV)
    assert len(ps.read_sheet(path, profile="no-such-profile")) == 2


def test_cli_reads_the_sheet_the_profile_matches(tmp_path):
    import json

    from click.testing import CliRunner

    from programscore.cli import main

    fees = [["Programme", "Fees"], ["MSc A", "£9,000"]]
    path = _workbook(tmp_path / "w.xlsx", {"Fees": fees, "Programmes": _programmes()})
    notice = "note: used sheet 'Programmes': its headers match 5 of 6 criteria (sheet 'Fees': 1)"
    score = CliRunner().invoke(main, ["score", str(path)])
    assert score.exit_code == 0 and notice in score.output.splitlines()
    check = CliRunner().invoke(main, ["check", str(path)])
    assert check.exit_code == 0 and notice in check.output.splitlines()
    assert check.output.splitlines()[0] == f"{path}, sheet 'Programmes': 3 programmes, header on row 1"
    as_json = CliRunner().invoke(main, ["score", str(path), "--format", "json"])
    assert [row["name"] for row in json.loads(as_json.output)["ranking"]] == [
        "MSc Data Science, Northfield", "MSc ML, Eastmoor", "MSc AI, Vale"
    ]  # fmt: skip
    explain = CliRunner().invoke(main, ["explain", str(path), "MSc AI"])
    assert explain.output.splitlines()[0] == "MSc AI, Vale (row 3): rank 3, score 16.79 (weighted-sum)"
    sensitivity = CliRunner().invoke(main, ["sensitivity", str(path), "--samples", "10"])
    assert sensitivity.exit_code == 0 and "MSc Data Science, Northfield" in sensitivity.output

"""Workbook cells whose currency shows only in their number format (``#,##0 [$€-407]``)."""

import datetime

import pandas as pd
import pytest
from openpyxl import Workbook

import programscore as ps
from programscore import number_formats
from programscore.number_formats import AMBIGUOUS, currency_styles, format_currency, number_text


def cells(frame):
    return [[None if pd.isna(v) else v for v in row] for row in frame.astype(object).values.tolist()]


@pytest.mark.parametrize(
    "code, currency",
    [
        ("#,##0 [$€-407]", "EUR"),
        ("[$$-409]#,##0", "USD"),
        ("[$£-809]#,##0.00", "GBP"),
        ('"£"#,##0', "GBP"),
        ('#,##0 "€"', "EUR"),
        ("#,##0\\ \\€", "EUR"),
        ("[$CHF] #,##0", "CHF"),
        ("[$¥-411]#,##0", "JPY"),
        ("[$¥-804]#,##0", "CNY"),
        ("_-[$€-2]\\ * #,##0.00_-", "EUR"),
        ("#,##0 [$SEK]", "SEK"),
        ("[$kr-41D] #,##0", "SEK"),
        ("[$kr-414] #,##0", "NOK"),
        ("[$kr.-406] #,##0", "DKK"),
        ("[$kr] #,##0", AMBIGUOUS),
        ('#,##0 "kr"', AMBIGUOUS),
        ("[$$-C09]#,##0", "AUD"),
        ("[$$-1009]#,##0", "CAD"),
        ("[$$-1409]#,##0", "NZD"),
        ("[$$-3C09]#,##0", "HKD"),
        ("[$$-C04]#,##0", "HKD"),
        ("[$$-1004]#,##0", "SGD"),
        ("[$$-en-AU]#,##0", "AUD"),
        ('"US$"#,##0', "USD"),
        ('#,##0.00 "USD/yr"', "USD"),
        ("$#,##0;[Red]-$#,##0", "USD"),
        ("[$-409]d mmm yyyy", None),
        ("[$-F800]dddd, mmmm dd, yyyy", None),
        ("yyyy-mm-dd", None),
        ("[h]:mm:ss", None),
        ("0.00E+00", None),
        ("[Red]#,##0.00", None),
        ('0 "ECTS"', None),
        ('"TBC"0', None),
        ("General", None),
    ],
)
def test_format_currency(code, currency):
    assert format_currency(code) == currency


def test_number_text_keeps_every_digit():
    assert [number_text(v) for v in (12500.0, 9250.5, 0.1 + 0.2, 7, 1e20)] == [
        "12500",
        "9250.5",
        "0.30000000000000004",
        "7",
        "100000000000000000000",
    ]


def _fees_workbook(path, formats, header="Tuition fees", title="Programmes"):
    """Programmes in A, fees in E (B-D hold length, start date and placement), one row per
    (fee, number format or None)."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["Programme", "Length", "Start", "Placement", header])
    for i, (fee, number_format) in enumerate(formats):
        ws.append([f"MSc {i + 1}", "1 year", datetime.datetime(2026, 9, 21), "yes", fee])
        ws.cell(row=i + 2, column=3).number_format = "yyyy-mm-dd"  # a date format names no currency
        if number_format is not None:
            ws.cell(row=i + 2, column=5).number_format = number_format
    wb.save(path)
    return path


def test_currency_in_the_number_format_is_read_as_a_code(tmp_path):
    path = _fees_workbook(tmp_path / "f.xlsx", [(12500, "#,##0 [$€-407]")] * 3)
    frame = ps.read_sheet(path)
    assert frame["Tuition fees"].tolist() == ["12500 EUR"] * 3
    assert frame["Start"].tolist() == [datetime.date(2026, 9, 21)] * 3
    assert frame.attrs["notices"] == [
        "column 'Tuition fees' (E): 3 cells state their currency only in the number format (EUR); read as EUR"
    ]
    profile = tmp_path / "cost.toml"
    profile.write_text(
        'name = "cost"\n[currency]\nbase = "GBP"\nrates = { EUR = 0.85 }\n'
        '[[criteria]]\nkey = "cost"\ncolumns = ["tuition fees"]\nkind = "money"\nbetter = "lower"\n'
    )
    result = ps.score(frame, ps.load_profile(profile))
    assert result.issues.empty
    assert result.to_dict()["ranking"][0]["values"]["cost"] == pytest.approx(12500 * 0.85)


def test_mixed_column_only_the_formatted_cells_change(tmp_path):
    formats = [(9250.5, '"£"#,##0.00'), (12000, None), (30000, "[$$-409]#,##0"), (8000, "#,##0.00")]
    frame = ps.read_sheet(_fees_workbook(tmp_path / "m.xlsx", formats))
    assert frame["Tuition fees"].tolist() == ["9250.5 GBP", 12000.0, "30000 USD", 8000.0]
    assert frame.attrs["notices"] == [
        "column 'Tuition fees' (E): 2 cells state their currency only in the number format (GBP, USD); "
        "each read as its format says"
    ]


def test_one_cell_and_the_built_in_currency_formats(tmp_path):
    # '"$"#,##0.00_);("$"#,##0.00)' is built-in format 7: its symbol follows the reader's locale
    formats = [(100, '"$"#,##0.00_);("$"#,##0.00)'), (200, "[$CHF] #,##0"), (300, "0")]
    frame = ps.read_sheet(_fees_workbook(tmp_path / "b.xlsx", formats))
    assert frame["Tuition fees"].tolist() == [100.0, "200 CHF", 300.0]
    assert frame.attrs["notices"] == [
        "column 'Tuition fees' (E): 1 cell states its currency only in the number format (CHF); read as CHF"
    ]


def test_krone_without_a_locale_is_left_as_a_number(tmp_path):
    formats = [(180000, "[$kr-41D] #,##0"), (150000, "[$kr] #,##0"), (140000, '#,##0 "kr"')]
    frame = ps.read_sheet(_fees_workbook(tmp_path / "k.xlsx", formats))
    assert frame["Tuition fees"].tolist() == ["180000 SEK", 150000.0, 140000.0]
    assert frame.attrs["notices"] == [
        "column 'Tuition fees' (E): 1 cell states its currency only in the number format (SEK); read as SEK",
        "column 'Tuition fees' (E): 2 cells show 'kr' in the number format with no locale to tell SEK, NOK, "
        "DKK or ISK apart; left as numbers",
    ]


def test_no_currency_format_leaves_the_frame_unchanged_and_the_sheet_unread(tmp_path, monkeypatch):
    formats = [(12500, "#,##0"), (9000, "0.00"), (7000, None)]
    path = _fees_workbook(tmp_path / "n.xlsx", formats)

    def never(*args):
        raise AssertionError("the sheet's XML was streamed")

    monkeypatch.setattr(number_formats, "styled_cells", never)
    frame = ps.read_sheet(path)
    assert cells(frame) == [
        [f"MSc {i}", "1 year", datetime.date(2026, 9, 21), "yes", fee]
        for i, fee in enumerate([12500.0, 9000.0, 7000.0], start=1)
    ]
    assert frame.attrs["notices"] == []


def test_header_text_and_other_sheets_are_left_alone(tmp_path):
    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes["A1"], notes["B1"] = "Programme", "Fees"
    notes["A2"], notes["B2"] = "MSc Z", 1
    notes["B2"].number_format = "[$€-407]#,##0"
    data = wb.create_sheet("Programmes")
    data.append(["Programme", "Fees"])
    data.append(["MSc A", 5000])
    data["B1"].number_format = "[$€-407]#,##0"  # on the header: text, not a number
    data["B2"].number_format = "[$£-809]#,##0"
    path = tmp_path / "s.xlsx"
    wb.save(path)
    frame = ps.read_sheet(path, sheet="Programmes")
    assert cells(frame) == [["MSc A", "5000 GBP"]]
    assert frame.attrs["notices"] == [
        "read sheet 'Programmes' of 2 ('Notes', 'Programmes')",
        "column 'Fees' (B): 1 cell states its currency only in the number format (GBP); read as GBP",
    ]


def test_currency_styles_maps_cell_styles_to_codes():
    styles = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0 [$&#8364;-407]"/>'
        b'<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>'
        b'<numFmt numFmtId="7" formatCode="&quot;&#163;&quot;#,##0.00"/></numFmts>'
        b'<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="164"/><xf numFmtId="7"/>'
        b"</cellXfs></styleSheet>"
    )
    assert currency_styles(styles) == {2: "EUR"}


def test_a_dtd_in_the_styles_is_refused_and_the_numbers_stay(tmp_path):
    import zipfile

    path = _fees_workbook(tmp_path / "d.xlsx", [(12500, "#,##0 [$€-407]")])
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    styles = members["xl/styles.xml"]
    assert not styles.startswith(b"<?xml")
    members["xl/styles.xml"] = b'<!DOCTYPE styleSheet [<!ENTITY a "aaaaaaaaaa">]>' + styles
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    assert number_formats.format_currencies(path.read_bytes(), "Programmes") == {}
    assert ps.read_sheet(path)["Tuition fees"].tolist() == [12500.0]


def test_styled_cells_reads_references_and_skips_text():
    sheet = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        b'<x:row r="1"><x:c r="A1" s="2" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>5</x:v></x:c></x:row>'
        b"<x:row r='7'><x:c r='C7' s='2'><x:v>9250</x:v></x:c><x:c t='n' s='3' r='AA7'><x:v>1</x:v></x:c>"
        b'<x:c r="AB7" s="2" t="str"><x:v>12</x:v></x:c><x:c r="AC7" s="22"><x:v>3</x:v></x:c></x:row>'
        b"</x:sheetData></x:worksheet>"
    )
    assert number_formats.styled_cells(sheet, {2: "EUR", 3: "GBP"}) == {2: ([6], ["EUR"]), 26: ([6], ["GBP"])}


def test_styled_cells_counts_positions_where_cells_have_no_reference():
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row><c t="s"><v>0</v></c><c><v>1</v></c></row>'
        b'<row r="4"><c><v>1</v></c><c s="2"><v>9250</v></c><c s="2" t="s"><v>1</v></c></row>'
        b'<row><c r="C5" s="2"><v>7</v></c></row>'
        b"</sheetData></worksheet>"
    )
    assert number_formats.styled_cells(sheet, {2: "EUR"}) == {1: ([3], ["EUR"]), 2: ([4], ["EUR"])}
    with pytest.raises(ValueError, match="DTDs and entities are refused"):
        number_formats.styled_cells(b'<!DOCTYPE w [<!ENTITY a "a">]>' + sheet, {2: "EUR"})

"""Fixture files built for the tests: workbooks and text files in the shapes users bring."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

HEADER = ["Programme", "University", "Length", "Fees", "Industry links", "Placement", "Job support"]
ROWS = [
    ["MSc Data Science", "Northfield", "1 year", "£12,500", "high", "yes", 4],
    ["MSc AI", "Vale", "2 years", "£9,250 / year", "medium", "no", "TBC"],
    ["MSc ML", "Eastmoor", "18 months", "$30k", "excellent", "optional", 5],
]


def add_cached_values(path: Path, values: dict[str, str]) -> None:
    """openpyxl writes formulas without results; Excel stores both. Write the results in."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = members[sheet].decode()
    for ref, value in values.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', rf"\g<1>\g<2><v>{value}</v>", xml)
    members[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


@pytest.fixture
def titled_xlsx(tmp_path: Path) -> Path:
    """A title block and a note above the header (row 4), a blank column A, notes under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Shortlist"
    ws["B1"] = "My shortlist of ML Master's"
    ws["B2"] = "Collected 2026-10-01"
    for j, h in enumerate(HEADER):
        ws.cell(row=4, column=j + 2, value=h)
    for i, row in enumerate(ROWS):
        for j, v in enumerate(row):
            ws.cell(row=5 + i, column=j + 2, value=v)
    ws["B10"] = "Source: university websites"
    path = tmp_path / "titled.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def merged_xlsx(tmp_path: Path) -> Path:
    """A group header "Fees" merged over two sub-headers, and a formula with its cached value."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"], ws["B1"], ws["C1"], ws["E1"] = "Programme", "Length", "Fees", "Placement"
    ws.merge_cells("C1:D1")
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("E1:E2")
    ws["C2"], ws["D2"] = "UK", "International"
    ws.append(["MSc A", "1 year", 9000, "=C3*2", "yes"])
    ws.append(["MSc B", "2 years", 12000, "=C4*2", "no"])
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    add_cached_values(path, {"D3": "18000", "D4": "24000"})
    return path


@pytest.fixture
def two_sheet_xlsx(tmp_path: Path) -> Path:
    wb = Workbook()
    notes = wb.active
    notes.title = "Read me"
    notes["A1"] = "This workbook lists programmes on the next sheet."
    data = wb.create_sheet("Programmes")
    data.append(HEADER)
    for row in ROWS:
        data.append(row)
    path = tmp_path / "two.xlsx"
    wb.save(path)
    return path

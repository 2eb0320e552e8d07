"""Write programmes.xlsx from programmes.csv (same content; plain numbers stored as numbers).

Run from the repository root: python data/make_xlsx.py
"""

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

here = Path(__file__).parent
with open(here / "programmes.csv", encoding="utf-8", newline="") as handle:
    rows = list(csv.reader(handle))

workbook = Workbook()
sheet = workbook.active
sheet.title = "Programmes"
for r, row in enumerate(rows, start=1):
    for c, value in enumerate(row, start=1):
        cell = sheet.cell(row=r, column=c)
        if value == "":
            continue
        cell.value = int(value) if r > 1 and value.isdigit() else value
        if r == 1:
            cell.font = Font(bold=True)
for column in sheet.columns:
    width = max(len(str(c.value or "")) for c in column)
    sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 60)
sheet.freeze_panes = "A2"
workbook.save(here / "programmes.xlsx")

"""Cells and page layout of the workbook: text that stays text and that Excel accepts, number cells
with shared styles, header rows tall enough for their wrapped text, column widths, and the page setup
(landscape, one page wide, the header row on every page, the sheet's name in the page header).

Every text cell, from the data or from the profile, goes through ``Sheet.text``: it is stored as
text (never a formula), marked with Excel's quote prefix when it starts like a formula (the same
test as the CSV escaping), stripped of the control characters a workbook cannot hold, and shortened
to Excel's 32,767 characters; the workbook's Notes say what was cleaned.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from .text import escape_formula

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
EXCEL_ROWS = 1_048_576  # rows in a sheet
EXCEL_CELL = 32_767  # characters in a cell, counted in UTF-16 code units as Excel counts them
LINE_POINTS = 15.0  # the height of one line of 11-point text
POINTS_PER_CM = 72 / 2.54
CM_PER_CHARACTER = 0.19  # a column's width is counted in characters of 11-point text
PAGE_CM = (25.0, 15.5)  # what a landscape A4 or Letter page holds inside its margins, header and footer
CHART_BELOW = 50  # a table of up to this many rows has its chart below it (printed with it), else beside
# what openpyxl refuses, lone surrogates (no XML can hold them) and the two non-characters
UNWRITABLE = re.compile(ILLEGAL_CHARACTERS_RE.pattern + "|[\ud800-\udfff\ufffe\uffff]")


@dataclass
class Cleaning:
    """What was changed to fit text into the workbook, for the Notes: per kind of change, how many
    cells, on which sheets, and how the first one began."""

    kinds: dict[str, tuple[int, list[str], str]] = field(default_factory=dict)

    def record(self, kind: str, sheet: str, original: str) -> None:
        count, sheets, first = self.kinds.get(kind, (0, [], original[:40]))
        self.kinds[kind] = (count + 1, sheets if sheet in sheets else [*sheets, sheet], first)

    def notices(self) -> list[str]:
        what = {
            "control": "removed control characters that a workbook cannot hold from {cells}",
            "long": f"shortened {{cells}} to Excel's limit of {EXCEL_CELL:,} characters",
        }
        notes = []
        for kind, (count, sheets, first) in self.kinds.items():
            cells = f"{count:,} cell{'s' if count != 1 else ''}"
            where = f"sheet{'s' if len(sheets) > 1 else ''} {', '.join(sheets)}"
            notes.append(f"warning: {what[kind].format(cells=cells)} ({where}; the first began {first!r})")
        return notes


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fit_text(text: str, limit: int = EXCEL_CELL) -> str:
    """``text`` cut to ``limit`` UTF-16 code units, ending in an ellipsis."""
    if len(text) <= limit // 2 or utf16_length(text) <= limit:
        return text
    cut = limit - 1
    while utf16_length(text[:cut]) > limit - 1:
        cut -= max(1, (utf16_length(text[:cut]) - limit + 1) // 2)
    return text[:cut] + "…"


class Sheet:
    """A write-only worksheet that counts its rows and writes its cells safely."""

    def __init__(
        self, workbook: Workbook, title: str, cleaning: Cleaning, widths: list[float], title_rows: str | None = "1:1"
    ) -> None:
        self.ws: WriteOnlyWorksheet = workbook.create_sheet(title)
        self.title = title
        self.cleaning = cleaning
        self.rows = 0
        self._styles: dict[object, object] = {}
        self.widths = widths
        self.heights: list[float] = []  # of the header rows
        for j, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(j)].width = width
        setup_page(self.ws, title_rows)

    def append(self, row: list[object]) -> None:
        self.ws.append(row)
        self.rows += 1

    @property
    def room(self) -> int:
        """Rows still free in the sheet."""
        return EXCEL_ROWS - self.rows

    def text(self, value: object) -> object:
        """A text cell: never a formula, and only characters a workbook can hold."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, np.generic):
            value = value.item()
        if not isinstance(value, str):
            return value
        if UNWRITABLE.search(value):
            self.cleaning.record("control", self.title, value)
            value = UNWRITABLE.sub("", value)
        if len(value) > EXCEL_CELL // 2 and utf16_length(value) > EXCEL_CELL:
            self.cleaning.record("long", self.title, value)
            value = fit_text(value)
        cell = WriteOnlyCell(self.ws, value=None)
        cell._value = value
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        if escape_formula(value) is not value:  # Excel keeps it text when the cell is edited
            self._style(cell, "quote", lambda c: setattr(c, "quotePrefix", True))
        return cell

    def number(self, value: float | None, number_format: str) -> object:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        cell = WriteOnlyCell(self.ws, value=float(value))
        self._style(cell, number_format, lambda c: setattr(c, "number_format", number_format))
        return cell

    def _style(self, cell: Cell, key: object, apply) -> None:  # type: ignore[no-untyped-def]
        # the style of the first cell with this key, shared: setting it anew costs more than the cell
        if key in self._styles:
            cell._style = self._styles[key]
        else:
            apply(cell)
            self._styles[key] = cell._style

    def header(self, names: list[str], first_column: int = 1, wrap: bool = True) -> None:
        """A header row, as tall as its most wrapped header (or one line, its text running on)."""
        cells = []
        lines = 1
        for j, name in enumerate(names, start=first_column):
            cell = self.text(name)
            if isinstance(cell, Cell):
                cell.font = HEADER_FONT
                cell.fill = HEADER_FILL
                cell.alignment = HEADER_ALIGNMENT if wrap else Alignment(vertical="top")
                width = self.widths[j - 1] if j - 1 < len(self.widths) else 8.43
                if self.rows == 0:  # the columns are not written yet: widen one to its longest header word
                    width = max(width, longest_word(str(cell.value)))
                    if j - 1 < len(self.widths):
                        self.widths[j - 1] = width
                    self.ws.column_dimensions[get_column_letter(j)].width = width
                if wrap:
                    lines = max(lines, wrapped_lines(str(cell.value), width))
            cells.append(cell)
        self.ws.row_dimensions[self.rows + 1].height = LINE_POINTS * lines
        self.heights.append(LINE_POINTS * lines)
        self.append([None] * (first_column - 1) + cells)


def place_chart(sheet: Sheet, chart: object, beside: int) -> None:
    """Below the table written so far when it is short (so the chart prints with it, on a page of
    its own when both would not fit on one), else beside it, at column ``beside``."""
    rows = sheet.rows
    if rows - 1 > CHART_BELOW:
        sheet.ws.add_chart(chart, f"{get_column_letter(beside)}2")
        return
    width_cm = sum(sheet.widths) * CM_PER_CHARACTER
    scale = min(1.0, PAGE_CM[0] / max(width_cm, chart.width))  # type: ignore[attr-defined]
    table_cm = sum(sheet.heights) / POINTS_PER_CM + LINE_POINTS / POINTS_PER_CM * (rows - len(sheet.heights))
    if (table_cm + chart.height + 1) * scale > PAGE_CM[1]:  # type: ignore[attr-defined]
        sheet.ws.row_breaks.append(Break(id=rows + 1))
    sheet.ws.add_chart(chart, f"B{rows + 3}")


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide (bold text is a little wider)."""
    columns = max(1, math.floor(width / 1.1) - 1)
    return max(1, len(textwrap.wrap(text, columns, break_long_words=True)))


def longest_word(text: str) -> float:
    """The width a column needs to show the longest word of a bold header unbroken."""
    return round(max((len(word) for word in text.split()), default=0) * 1.1 + 2, 1)


def text_width(texts: object, low: float, high: float) -> float:
    """A column width that fits the longest of ``texts``, within ``low`` and ``high``."""
    longest = max((len(str(t)) for t in texts if t is not None), default=0)  # type: ignore[attr-defined]
    return float(min(high, max(low, longest + 2)))


def setup_page(ws: WriteOnlyWorksheet, title_rows: str | None = "1:1") -> None:
    """Landscape, one page wide and as many pages high as needed, the header row on every page, the
    sheet's name above and the page number below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = "&A"
    ws.oddHeader.center.size = 12
    ws.oddFooter.center.text = "Page &P of &N"
    ws.oddFooter.right.text = "programscore"

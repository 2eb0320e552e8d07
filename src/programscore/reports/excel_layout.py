"""Cells and page layout of the workbook: text that stays text and that Excel accepts, number cells
with shared formats, whole columns written a row at a time through xlsxwriter's fast path, header rows
tall enough for their wrapped text, column widths, and the page setup (landscape, one page wide, the
header row on every page, the sheet's name in the page header).

The workbook is written by xlsxwriter in ``constant_memory`` mode: each row goes to a temporary file
(in a folder of its own, removed when the workbook is done or abandoned) as soon as the next begins,
so a sheet is written top to bottom and memory stays flat however long the ranking.

Every text cell, from the data or from the profile, goes through ``Sheet.text`` (or, a column at a
time, ``Sheet.text_column``): it is stored as text (never a formula), marked with Excel's quote prefix
when it starts like a formula (the same test as the CSV escaping), stripped of the control characters
a workbook cannot hold, and shortened to Excel's 32,767 characters; the workbook's Notes say what was
cleaned.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import tempfile
import textwrap
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format

from .text import FORMULA_STARTS

HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#305496", "valign": "top"}
EXCEL_ROWS = 1_048_576  # rows in a sheet
EXCEL_CELL = 32_767  # characters in a cell, counted in UTF-16 code units as Excel counts them
LINE_POINTS = 15.0  # the height of one line of 11-point text
POINTS_PER_CM = 72 / 2.54
CM_PER_CHARACTER = 0.19  # a column's width is counted in characters of 11-point text
PAGE_CM = (25.0, 15.5)  # what a landscape A4 or Letter page holds inside its margins, header and footer
CHART_BELOW = 50  # a table of up to this many rows has its chart below it (printed with it), else beside
# the control characters XML 1.0 cannot hold (all below a space but tab, newline and carriage return),
# lone surrogates (no UTF-8 can hold them) and the two non-characters
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_LINE = re.compile("^[=+\\-@\t\r]", re.MULTILINE)  # a line that starts like a formula


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


@dataclass(slots=True)
class Cell:
    """A value with its format (and a note shown when the cell is pointed at)."""

    value: Any
    format: Format | None = None
    comment: str | None = None


class Book:
    """An xlsxwriter workbook written into memory, its rows streamed through temporary files in a
    folder of its own, with one format object per distinct set of properties."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="programscore-")
        self.output = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self.output,
            {
                "constant_memory": True,
                "tmpdir": self.folder,
                "strings_to_formulas": False,  # text that starts with "=" stays text
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "nan_inf_to_errors": True,
            },
        )
        self._formats: dict[tuple, Format] = {}

    def format(self, **properties: object) -> Format | None:
        if not properties:
            return None
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format(properties)
        return self._formats[key]

    def close(self) -> bytes:
        self.workbook.close()
        return self.output.getvalue()

    def discard(self) -> None:
        """Close the row files of the sheets begun and remove the folder that holds them."""
        for ws in self.workbook.worksheets():
            handle = getattr(ws, "row_data_fh", None)
            if handle is not None:
                with suppress(Exception):
                    handle.close()
        self.workbook.fileclosed = True
        shutil.rmtree(self.folder, ignore_errors=True)


def plain(value: object) -> object:
    """A Python value for a cell: None for a missing one (an empty cell)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return plain(value.item())
    return value


def integer_column(values: object) -> list:
    """Whole numbers as Python ints, a missing one (a nullable integer's NA) as None (an empty cell)."""
    missing = np.asarray(pd.isna(values), dtype=bool)
    if not missing.any():
        return np.asarray(values, dtype=np.int64).tolist()
    cells = np.asarray(pd.Series(values).fillna(0), dtype=np.int64).astype(object)
    cells[missing] = None
    return cells.tolist()


def number_column(values: object) -> list:
    """Numbers as Python floats, NaN as None (an empty cell)."""
    array = np.asarray(values, dtype=float)
    missing = np.isnan(array)
    if not missing.any():
        return array.tolist()
    cells = array.astype(object)
    cells[missing] = None
    return cells.tolist()


class Sheet:
    """A worksheet written top to bottom, that counts its rows and writes its cells safely."""

    def __init__(
        self, book: Book, title: str, cleaning: Cleaning, widths: list[float], title_rows: bool = True
    ) -> None:
        self.book = book
        self.ws = book.workbook.add_worksheet(title)
        self.title = title
        self.cleaning = cleaning
        self.rows = 0
        self.widths = widths
        self.formats: dict[int, Format | None] = {}  # a column's number format, for its empty cells too
        self.headers: list[list[str | None]] = []  # the text of each header row written
        self.heights: list[float] = []  # of the header rows
        for j, width in enumerate(widths):
            self.ws.set_column(j, j, width)
        setup_page(self.ws, title_rows)

    def append(self, row: list[object]) -> None:
        for j, cell in enumerate(row):
            self._write(self.rows, j, cell)
        self.rows += 1

    def _write(self, r: int, j: int, cell: object) -> None:
        ws = self.ws
        style = None
        if isinstance(cell, Cell):
            if cell.comment is not None:
                ws.write_comment(r, j, cell.comment, {"author": "programscore"})
            cell, style = cell.value, cell.format
        if cell is None or cell == "":
            if style is not None:  # an empty cell that shows its format (a header's fill)
                ws.write_blank(r, j, None, style)
            return
        if isinstance(cell, str):
            ws.write_string(r, j, cell, style)
        elif isinstance(cell, bool):
            ws.write_boolean(r, j, cell, style)
        elif isinstance(cell, int | float):
            ws.write_number(r, j, cell, style)
        else:
            ws.write(r, j, cell, style)

    @property
    def room(self) -> int:
        """Rows still free in the sheet."""
        return EXCEL_ROWS - self.rows

    def _clean(self, value: str) -> str:
        if UNWRITABLE.search(value):
            self.cleaning.record("control", self.title, value)
            value = UNWRITABLE.sub("", value)
        if len(value) > EXCEL_CELL // 2 and utf16_length(value) > EXCEL_CELL:
            self.cleaning.record("long", self.title, value)
            value = fit_text(value)
        return value

    def text(self, value: object) -> object:
        """A text cell: never a formula, and only characters a workbook can hold."""
        value = plain(value)
        if not isinstance(value, str):
            return value
        value = self._clean(value)
        if value.startswith(FORMULA_STARTS):  # Excel keeps it text when the cell is edited
            return Cell(value, self.book.format(quote_prefix=True))
        return value

    def text_column(self, values: object) -> tuple[list, list[int]]:
        """A column of text for ``write_columns``, cleaned as ``text`` cleans each cell (whole-column
        tests first: most columns need nothing), and the positions that need Excel's quote prefix."""
        cells = values.tolist() if isinstance(values, np.ndarray) else list(values)  # type: ignore[call-overload]
        strings = [v for v in cells if isinstance(v, str)]
        if len(strings) < len(cells):  # numbers, None or NaN among them
            cells = [v if isinstance(v, str) else plain(v) for v in cells]
        joined = "\n".join(strings)
        if UNWRITABLE.search(joined) or max(map(len, strings), default=0) > EXCEL_CELL // 2:
            cells = [self._clean(v) if isinstance(v, str) else v for v in cells]
            joined = "\n".join(v for v in cells if isinstance(v, str))
        quoted = []
        if FORMULA_LINE.search(joined):
            quoted = [i for i, v in enumerate(cells) if isinstance(v, str) and v.startswith(FORMULA_STARTS)]
        return cells, quoted

    def text_columns(self, columns: list, positions: list[int]) -> tuple[list[list], dict[int, list]]:
        """Columns of text for ``write_columns`` (at ``positions`` among the sheet's columns), and
        the cells that need Excel's quote prefix, by row, for ``write_columns``' ``special``."""
        cells: list[list] = []
        special: dict[int, list] = {}
        quote = self.book.format(quote_prefix=True)
        for j, column in zip(positions, columns, strict=True):
            texts, quoted = self.text_column(column)
            for i in quoted:
                special.setdefault(i, []).append((j, Cell(texts[i], quote)))
            cells.append(texts)
        return cells, special

    def number(self, value: float | None, number_format: str) -> object:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return Cell(float(value), self.book.format(num_format=number_format))

    def write_columns(self, columns: list[list], formats: list[str | None], special: dict[int, list] | None = None):  # type: ignore[no-untyped-def]
        """Rows from whole columns of plain values, a row at a time through the writer's fast path:
        each column's number format is set once on the column (a cell written without a format takes
        its column's), and ``special`` holds, by position in the columns, the (column, Cell) pairs
        written over a row's plain values (quote prefixes, imputed points)."""
        for j, number_format in enumerate(formats):
            if number_format is not None:
                self.formats[j] = self.book.format(num_format=number_format)
                self.ws.set_column(j, j, self.widths[j] if j < len(self.widths) else None, self.formats[j])
        first = self.rows
        special = {first + i: cells for i, cells in (special or {}).items()}
        write_row, write = self.ws.write_row, self._write
        for r, row in enumerate(zip(*columns, strict=True), start=first):
            write_row(r, 0, row)
            if r in special:
                for j, cell in special[r]:
                    write(r, j, cell)
        self.rows += len(columns[0]) if columns else 0

    def header(
        self, names: list[str], first_column: int = 1, wrap: bool = True, notes: dict[int, str] | None = None
    ) -> None:
        """A header row, as tall as its most wrapped header (or one line, its text running on);
        ``notes`` by column (counted from 0) are shown when a header is pointed at."""
        cells: list[object] = [None] * (first_column - 1)
        texts: list[str | None] = [None] * (first_column - 1)
        lines = 1
        for j, name in enumerate(names, start=first_column):
            value = self.text(name)
            text = value.value if isinstance(value, Cell) else value
            texts.append(text if isinstance(text, str) else None)
            if text is None:
                cells.append(None)
                continue
            quoted = isinstance(value, Cell)
            style = self.book.format(**HEADER, text_wrap=wrap, **({"quote_prefix": True} if quoted else {}))
            cells.append(Cell(text, style, (notes or {}).get(j - 1)))
            width = self.widths[j - 1] if j - 1 < len(self.widths) else 8.43
            if self.rows == 0:  # the columns are not written yet: widen one to its longest header word
                width = max(width, longest_word(str(text)))
                if j - 1 < len(self.widths):
                    self.widths[j - 1] = width
                self.ws.set_column(j - 1, j - 1, width)
            if wrap:
                lines = max(lines, wrapped_lines(str(text), width))
        self.ws.set_row(self.rows, LINE_POINTS * lines)
        self.heights.append(LINE_POINTS * lines)
        self.headers.append(texts)
        self.append(cells)


def place_chart(sheet: Sheet, chart: Any, beside: int) -> None:
    """Below the table written so far when it is short (so the chart prints with it, on a page of
    its own when both would not fit on one), else beside it, at column ``beside``."""
    rows = sheet.rows
    if rows - 1 > CHART_BELOW:
        sheet.ws.insert_chart(1, beside - 1, chart.chart)
        return
    width_cm = sum(sheet.widths) * CM_PER_CHARACTER
    scale = min(1.0, PAGE_CM[0] / max(width_cm, chart.width))
    table_cm = sum(sheet.heights) / POINTS_PER_CM + LINE_POINTS / POINTS_PER_CM * (rows - len(sheet.heights))
    if (table_cm + chart.height + 1) * scale > PAGE_CM[1]:
        sheet.ws.set_h_pagebreaks([rows + 1])
    sheet.ws.insert_chart(rows + 2, 1, chart.chart)


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


def setup_page(ws: Any, title_rows: bool = True) -> None:
    """Landscape, one page wide and as many pages high as needed, the header row on every page, the
    sheet's name above and the page number below."""
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.75, right=0.75, top=1, bottom=1)
    ws.set_header("&C&12&A", {"margin": 0.5})
    ws.set_footer("&CPage &P of &N&Rprogramscore", {"margin": 0.5})
    if title_rows:
        ws.repeat_rows(0)

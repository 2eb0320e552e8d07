"""Stage 1, workbooks: refuse a sheet whose cells span an absurd area before anything is materialised.

One stray cell at ``XFD1048576`` makes a sheet of ten cells span 17 billion: a reader that builds the
sheet as a grid (calamine does) asks for hundreds of GiB and the process dies. The worksheet XML of an
.xlsx/.xlsm is scanned once, inflating it in chunks,
and the span of its cell references is compared with the number of cells it really holds.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

import numpy as np

from .errors import SheetError
from .issues import column_letter

UNSAVED = re.compile(rb"</(?:\w+:)?f>\s*</(?:\w+:)?c>|<(?:\w+:)?f\b[^>]*/>\s*</(?:\w+:)?c>")
UNSAVED_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*</(?:\w+:)?c>'
)
SUSPECT = re.compile(rb'r="[A-Z](?:[A-Z]|[0-9]{6})')  # past column Z or row 99,999
ATTRIBUTE = {key: re.compile(rb"\s" + key.encode() + rb'="([^"]*)"') for key in ("Id", "Target", "name", "r:id")}
CHUNK = 1 << 24
MAX_SPAN = 50_000_000  # cells: a 1,000,000 x 50 sheet is fine when it holds them
MAX_EMPTY_SHARE = 20  # a span may hold 20 times its cells (blank rows and columns), no more


def check_extent(archive: zipfile.ZipFile, name: str) -> set[str]:
    """Refuse an .xlsx/.xlsm whose sheet spans more than ``MAX_SPAN`` cells with far fewer in it;
    return the names of the sheets holding a formula with no saved value (a reader sees a blank)."""
    names = _sheet_names(archive)
    unsaved = set()
    for member in archive.namelist():
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            sheet = names.get(member, member)
            if _check_member(archive, member, sheet, name):
                unsaved.add(sheet)
    return unsaved


def _check_member(archive: zipfile.ZipFile, member: str, sheet: str, name: str) -> bool:
    suspect = unsaved = False
    for piece in _pieces(archive, member):
        suspect = suspect or SUSPECT.search(piece) is not None
        unsaved = unsaved or (b"<f" in piece and UNSAVED.search(piece) is not None)  # "in" first: no regex
    if not suspect:
        return unsaved  # no cell past column Z or row 99,999: the span is at most 2.6 million cells
    rows = columns = cells = 0
    for piece, limit in _pieces(archive, member, limits=True):
        found_rows, found_columns, found_cells = _references(piece, limit)
        rows, columns, cells = max(rows, found_rows), max(columns, found_columns), cells + found_cells
    span = rows * columns
    if span > MAX_SPAN and span > MAX_EMPTY_SHARE * max(cells, 1):
        raise SheetError(
            f"{name}, sheet {sheet!r}: refused: its cells reach {column_letter(columns - 1)}{rows} (a span of "
            f"{span:,} cells) but it holds {cells:,}; delete the stray cells far from the table and save it again"
        )
    return unsaved


def unsaved_formulas(archive: zipfile.ZipFile, sheet: str, limit: int = 5) -> tuple[list[str], int]:
    """(the first ``limit`` references, how many) of the cells of ``sheet`` that hold a formula with
    no saved value."""
    member = next((m for m, n in _sheet_names(archive).items() if n == sheet), None)
    if member is None:
        return [], 0
    found = [m.group(1).decode() for m in UNSAVED_CELL.finditer(archive.read(member))]
    return found[:limit], len(found)


def _pieces(archive: zipfile.ZipFile, member: str, limits: bool = False) -> Iterator:
    """The member's XML in pieces that overlap by 16 bytes (a reference cut by one is whole in the
    next); with ``limits``, (piece, where its own part ends)."""
    tail = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(CHUNK)
            text = tail + chunk
            limit = max(len(text) - 16, 0) if chunk else len(text)
            yield (text, limit) if limits else text
            tail = text[limit:]
            if not chunk:
                return


def _references(text: bytes, limit: int) -> tuple[int, int, int]:
    """(last row, last column, cells) of the cells with a value (``<c r="AB12" ...>``, not an empty
    ``<c r="AB12" s="3"/>``) whose ``r=`` lies before ``limit`` in a piece of sheet XML, found with
    array operations."""
    data = np.frombuffer(text + bytes(16), dtype=np.uint8)
    equals = np.flatnonzero(data[:limit] == ord("="))
    equals = equals[equals >= 2]
    at = equals[(data[equals - 1] == ord("r")) & (data[equals + 1] == ord('"')) & (data[equals - 2] <= ord(" "))]
    closes = np.flatnonzero(data == ord(">"))
    if len(at) == 0 or len(closes) == 0:
        return 0, 0, 0
    ends = closes[np.minimum(np.searchsorted(closes, at), len(closes) - 1)]
    at = at[data[ends - 1] != ord("/")]  # an empty cell, kept for its style only, is no cell to a reader

    def letter(k: int) -> np.ndarray:
        return (data[at + 2 + k] >= ord("A")) & (data[at + 2 + k] <= ord("Z"))

    first, second, third, fourth = letter(0), letter(1), letter(2), letter(3)
    letters = first.astype(np.int64) + (first & second) + (first & second & third)
    start = at + 2 + letters
    digits = np.zeros(len(at), dtype=np.int64)
    alive = np.ones(len(at), dtype=bool)
    for k in range(8):
        alive &= (data[start + k] >= ord("0")) & (data[start + k] <= ord("9"))
        digits += alive
    cell = (letters > 0) & (digits > 0) & ~(first & second & third & fourth)
    if not cell.any():
        return 0, 0, 0
    widest = at[cell & (letters == letters[cell].max())]  # the furthest column has the most letters
    column = np.zeros(len(widest), dtype=np.int64)
    for k in range(int(letters[cell].max())):
        column = column * 26 + data[widest + 2 + k] - 64
    deepest = start[cell & (digits == digits[cell].max())]  # the furthest row has the most digits
    row = np.zeros(len(deepest), dtype=np.int64)
    for k in range(int(digits[cell].max())):
        row = row * 10 + data[deepest + k] - 48
    return int(row.max()), int(column.max()), int(cell.sum())


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet XML member -> the sheet's name, from the workbook's parts (empty if they are odd)."""
    try:
        workbook = archive.read("xl/workbook.xml")
        relations = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    targets = {}
    for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", relations):
        key, target = ATTRIBUTE["Id"].search(tag), ATTRIBUTE["Target"].search(tag)
        if key and target:
            path = target.group(1).decode("utf-8", "replace").lstrip("/")
            targets[key.group(1)] = path if path.startswith("xl/") else f"xl/{path}"
    names = {}
    for tag in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", workbook):
        sheet, key = ATTRIBUTE["name"].search(tag), ATTRIBUTE["r:id"].search(tag)
        if sheet and key and key.group(1) in targets:
            names[targets[key.group(1)]] = sheet.group(1).decode("utf-8", "replace")
    return names

"""Finding the table in a grid of cells: the header row (below any title block), merged and
multi-row headers, blank rows and columns, notes under the table, repeated header names.

A grid's cell (i, j) is row i+1, column j+1 of the sheet, so every position found here is a
coordinate the user can see.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .errors import SheetError
from .issues import column_letter

HEADER_SEARCH_ROWS = 30
HEADER_DEPTH = 4  # rows a header merged down may span


def find_table(grid: pd.DataFrame, merged: dict, header_row: int | None, name: str, sheet: str | None) -> pd.DataFrame:
    """Cut the table out of a grid whose cell (i, j) is row i+1, column j+1 of the sheet."""
    where = f"{name}, sheet {sheet!r}" if sheet else name
    known = grid.attrs.get("filled")
    filled = known if isinstance(known, np.ndarray) and known.shape == grid.shape else grid.notna().to_numpy()
    if grid.empty or not filled.any():
        raise SheetError(f"{where}: the sheet is empty")
    row_counts = filled.sum(axis=1)
    if header_row is not None:
        top = header_row - 1
        if top >= len(grid) or row_counts[top] == 0:
            raise SheetError(f"{where}: row {header_row} is empty; it cannot be the header row")
    else:
        top = _find_header(grid, row_counts)
    notices: list[str] = []
    used = filled[top:].any(axis=0)
    positions = np.flatnonzero(used)
    headers, bottom = _header_names(grid, merged, top, positions)
    for k, j in enumerate(positions):
        if not headers[k]:
            headers[k] = f"column {column_letter(int(j))}"
            notices.append(f"column {column_letter(int(j))} has no header; called it {headers[k]!r}")
    headers = _unique(headers, positions, notices)

    body = grid.iloc[bottom + 1 :, positions]
    body_counts = row_counts[bottom + 1 :]
    body_filled = filled[bottom + 1 :][:, positions]
    end = _table_end(body_filled)
    if end < len(body):
        notes = np.flatnonzero(body_counts[end:] > 0)
        if len(notes):
            first = bottom + 2 + end + int(notes[0])
            notices.append(f"{len(notes)} note row(s) under the table were left out (from row {first})")
        body = body.iloc[:end]
        body_filled = body_filled[:end]
    nonblank = body_filled.any(axis=1)
    if not nonblank.all():
        body = body[nonblank]
    if header_row is None and len(body) == 0:
        raise SheetError(f"{where}: the sheet has a header row but no programmes under it")
    frame = body.copy()
    frame.attrs.pop("filled", None)  # the grid's, not the table's
    frame.columns = headers
    frame.index = pd.Index(np.asarray(body.index, dtype=np.int64) + 1)
    frame.attrs.update(
        {
            "source": name,
            "sheet": sheet,
            "letters": {h: column_letter(int(j)) for h, j in zip(headers, positions, strict=True)},
            "programscore_rows": True,
            "header_row": top + 1,
            "notices": notices,
        }
    )
    return frame


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _header_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _find_header(grid: pd.DataFrame, row_counts: np.ndarray) -> int:
    """The first row, near the top, that is about as wide as the table and mostly text."""
    limit = min(len(grid), HEADER_SEARCH_ROWS)
    widest = int(row_counts[:limit].max())
    needed = max(1, min(2, widest), math.ceil(widest * 0.5))
    for i in range(limit):
        if row_counts[i] < needed:
            continue
        cells = [v for v in grid.iloc[i].tolist() if v is not None and not _is_nan(v)]
        text = sum(1 for v in cells if isinstance(v, str) and not _numeric(v))
        if text * 2 >= len(cells):
            return i
    return int(np.argmax(row_counts[:limit] > 0))


def _numeric(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _header_names(grid: pd.DataFrame, merged: dict, top: int, positions: np.ndarray) -> tuple[list[str], int]:
    """Names of the header cells, and the header's last row.

    Header cells merged down (``Programme`` over two rows) make the header two rows deep, and a cell
    merged across (``Fees`` over ``UK`` and ``International``) names every column it spans, so those
    columns are called ``Fees UK`` and ``Fees International``. A merged group row just above the
    detected header is part of it too.
    """
    downs = [r1 for (r0, _), (r1, _) in merged.items() if r0 == top and r1 - r0 < HEADER_DEPTH]  # a header's depth
    bottom = min(max([top, *downs]), len(grid) - 1)
    start = top
    if top > 0 and any(r0 == r1 == top - 1 and c1 > c0 for (r0, c0), (r1, c1) in merged.items()):
        start = top - 1
    wanted = {int(j) for j in positions}
    across = {}  # only the header's cells: a range merged over a million rows costs nothing more
    for (r0, c0), (r1, c1) in merged.items():
        if r1 < start or r0 > bottom:
            continue
        for r in range(max(r0, start), min(r1, bottom) + 1):
            for c in wanted.intersection(range(c0, c1 + 1)) if c1 - c0 > len(wanted) else range(c0, c1 + 1):
                across[(r, c)] = (r0, c0)
    names = []
    for j in positions:
        parts: list[str] = []
        for r in range(start, bottom + 1):
            r0, c0 = across.get((r, int(j)), (r, int(j)))
            if r0 != r or c0 >= grid.shape[1]:
                continue  # the lower part of a cell merged down
            value = grid.iat[r0, c0]
            if value is None or _is_nan(value):
                continue
            text = _header_text(value)
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        names.append(" ".join(parts))
    return names, bottom


def _unique(headers: list[str], positions: np.ndarray, notices: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for header, j in zip(headers, positions, strict=True):
        key = header.casefold()
        if key in seen:
            seen[key] += 1
            renamed = f"{header} ({seen[key]})"
            letter = column_letter(int(j))
            notices.append(f"warning: header {header!r} appears more than once; column {letter} is called {renamed!r}")
            result.append(renamed)
        else:
            seen[key] = 1
            result.append(header)
    return result


def _table_end(filled: np.ndarray) -> int:
    """Rows of the table proper: trailing notes (after a blank row, one cell each) are cut off.

    The first blank row after which no row holds more than one cell, with a row of several cells
    before it; found in one pass (suffix maxima, prefix counts), so a sheet of mostly blank rows
    costs no more than its cells."""
    counts = filled.sum(axis=1)
    if len(counts) == 0 or not counts.any():
        return 0
    after_max = np.append(np.maximum.accumulate(counts[::-1])[::-1][1:], 0)  # max of counts[b + 1 :]
    wide_before = np.concatenate(([0], np.cumsum(counts > 1)[:-1]))  # rows of several cells before b
    last = int(np.flatnonzero(counts > 0)[-1])
    ends = np.flatnonzero((counts == 0) & (after_max <= 1) & (wide_before > 0) & (np.arange(len(counts)) < last))
    return int(ends[0]) if len(ends) else len(filled)

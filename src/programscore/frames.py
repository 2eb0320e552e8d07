"""What the library takes as a sheet: a pandas DataFrame of raw cells. A caller's own frame may be odd
in ways ``read_sheet`` never makes one (two-level headers, repeated headers or row numbers, cells that
hold lists); each is made plain or refused here with a ``ProgramscoreError``, never a TypeError."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import DataError
from .issues import column_letter

NOT_CELLS = (list, tuple, dict, set, frozenset, np.ndarray)


def checked_sheet(sheet: object) -> pd.DataFrame:
    """``sheet`` as a frame the pipeline reads: headers of several levels joined into one (as merged
    header cells are), repeated row numbers renumbered; a non-frame or a frame with no columns or
    with a repeated header refused."""
    if not isinstance(sheet, pd.DataFrame):
        raise DataError(
            f"a sheet must be a pandas DataFrame of the sheet's cells (got {type(sheet).__name__}); "
            "read one with programscore.read_sheet(path)"
        )
    name = str(sheet.attrs.get("source") or "the sheet")
    notices: list[str] = []
    if isinstance(sheet.columns, pd.MultiIndex):
        headers = [_joined_header(parts) for parts in sheet.columns]
        sheet = sheet.set_axis(headers, axis=1)
        notices.append("the sheet's headers have several levels; each column is named by them all")
    if len(sheet.columns) == 0:
        raise DataError(f"{name}: the sheet has no columns")
    if not sheet.columns.is_unique:
        duplicated = sheet.columns[sheet.columns.duplicated()][0]
        raise DataError(f"{name}: the header {duplicated!r} appears more than once")
    if sheet.attrs.get("programscore_rows") and not sheet.index.is_unique:
        sheet = sheet.copy(deep=False)
        sheet.attrs = {**sheet.attrs, "programscore_rows": False}
        notices.append("the sheet's row numbers repeat (a sheet joined to itself?); rows are counted from 2 in order")
    if notices:
        sheet.attrs = {**sheet.attrs, "notices": [*sheet.attrs.get("notices", []), *notices]}
    return sheet


def _joined_header(parts: tuple) -> str:
    words = [str(p).strip() for p in parts if p is not None and str(p).strip() and not str(p).startswith("Unnamed:")]
    return " ".join(dict.fromkeys(words))


def refuse_odd_cells(sheet: pd.DataFrame, columns: list[str]) -> None:
    """Name the first cell of ``columns`` that holds a list, dict, set or array (called when parsing
    failed on one: a sheet read from a file never holds them)."""
    for column in columns:
        values = sheet[column].to_numpy(dtype=object)
        odd = np.flatnonzero([isinstance(v, NOT_CELLS) for v in values])
        if len(odd):
            value = values[odd[0]]
            position = int(odd[0])
            row = int(sheet.index[position]) if sheet.attrs.get("programscore_rows") else position + 2
            letters = sheet.attrs.get("letters") or {}
            letter = letters.get(column) or column_letter(list(sheet.columns).index(column))
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            raise DataError(
                f"{sheet.attrs.get('source') or 'the sheet'}, cell {letter}{row} ({column}): a "
                f"{type(value).__name__} ({shown}) is not a cell value; cells hold text or numbers"
            )

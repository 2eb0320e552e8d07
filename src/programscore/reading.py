"""Reading a sheet of programmes into a DataFrame of raw cells.

Every cell is kept as the user wrote it (text stays text, so ``1,234`` and ``£9,250`` reach the
parsers intact). The frame's index holds the row numbers a spreadsheet program shows, and
``attrs`` records the source, the sheet name and each header's column letter, so every later
issue can point at its cell.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import pandas as pd

from .errors import SheetError
from .issues import column_letter

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def read_sheet(source: str | Path | IO[bytes], sheet: str | None = None) -> pd.DataFrame:
    """Read a CSV, TSV or Excel/ODS sheet. ``source`` may be a path, ``-`` or a binary file object."""
    name = "<stdin>" if str(source) == "-" else getattr(source, "name", str(source))
    if str(source) == "-":
        import sys

        data = sys.stdin.buffer.read()
    elif hasattr(source, "read"):
        data = source.read()  # type: ignore[union-attr]
    else:
        path = Path(source)
        if not path.is_file():
            raise SheetError(f"{name}: no such file")
        data = path.read_bytes()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if (
        data[:4] == b"PK\x03\x04"
        or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        or str(name).lower().endswith(EXCEL_SUFFIXES)
    ):
        return _read_excel(data, name, sheet)
    return _read_text(data, name)


def _read_text(data: bytes, name: str) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t", "|"], key=first.count)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, skip_blank_lines=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SheetError(f"{name}: cannot read as delimited text ({exc})") from None
    return _finish(frame.replace("", None), name, None, header_row=1)


def _read_excel(data: bytes, name: str, sheet: str | None) -> pd.DataFrame:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error types for every broken file
        raise SheetError(f"{name}: not a readable workbook ({exc})") from None
    names = workbook.sheet_names
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        raise SheetError(f"{name}: no sheet {sheet!r}; the sheets are {', '.join(map(repr, names))}")
    rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    if not rows:
        raise SheetError(f"{name}, sheet {sheet!r}: the sheet is empty")
    header = [str(h).strip() if h not in (None, "") else f"column {column_letter(i)}" for i, h in enumerate(rows[0])]
    body = [[None if v == "" else v for v in row] for row in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    return _finish(frame, name, sheet, header_row=1)


def _finish(frame: pd.DataFrame, name: str, sheet: str | None, header_row: int) -> pd.DataFrame:
    frame.index = pd.RangeIndex(header_row + 1, header_row + 1 + len(frame))
    letters = {str(col): column_letter(i) for i, col in enumerate(frame.columns)}
    frame.columns = [str(c) for c in frame.columns]
    empty = frame.isna().all(axis=1)
    frame = frame[~empty]
    frame.attrs.update({"source": name, "sheet": sheet, "letters": letters, "programscore_rows": True})
    return frame

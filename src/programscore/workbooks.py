"""Stage 1, workbooks: the cells of an XLSX, XLSM, XLS, XLSB or ODS sheet, read with python-calamine
(openpyxl as a second opinion for an .xlsx or .xlsm calamine cannot open), after refusing zip bombs."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import SheetError
from .tables import find_table as _table

if TYPE_CHECKING:
    from .profiles import Profile

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROTECTED = "the workbook is password-protected; save an unprotected copy and read that"

MAX_MEMBER_BYTES = 1 << 30  # 1 GiB inflated: far beyond any sheet of programmes
MAX_RATIO = 200  # XML compresses well, but not 200:1 over megabytes


Loader = Callable[[str], tuple[pd.DataFrame, dict]]


def check_zip(data: bytes, name: str) -> set[str]:
    """Refuse a zip bomb before anything is inflated (sizes and ratios come from the central
    directory), and a sheet spanning an absurd area; returns the sheets with unsaved formulas."""
    import zipfile
    import zlib

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
        raise SheetError(f"{name}: a damaged or truncated workbook ({_short(exc)})") from None
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if (
            member.file_size > MAX_MEMBER_BYTES
            or total > 2 * MAX_MEMBER_BYTES
            or (member.file_size > (1 << 24) and ratio > MAX_RATIO)
        ):
            raise SheetError(
                f"{name}: refused: {member.filename} would inflate to {member.file_size:,} bytes from "
                f"{member.compress_size:,} (a zip bomb?)"
            )
    from .sheet_extent import check_extent

    with contextlib.suppress(zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                             RuntimeError):
        return check_extent(archive, name)  # a damaged member is skipped: the reader names the damage
    return set()


def read_workbook(
    data: bytes, name: str, sheet: str | None, header_row: int | None, profile: Profile | str | Path | None = None
) -> pd.DataFrame:
    """The table of a workbook's sheet: the one named, else the first that holds a table, or, given a
    profile (a ``Profile`` or what ``load_profile`` takes) and several sheets, the one whose headers
    match most of its criteria."""
    unsaved = check_zip(data, name) if data.startswith(ZIP) else set()
    every, hidden, load = _open_workbook(data, name)
    if sheet is not None and sheet not in every:
        listed = ", ".join(repr(n) for n in every)
        raise SheetError(f"{name}: no sheet {sheet!r}; the sheets are {listed}")
    names = [n for n in every if n not in hidden] or every  # a hidden sheet is read only when named
    skipped = [n for n in hidden if n in every and n not in names]
    if sheet is None and profile is not None and len(names) > 1:
        frame = _best_sheet(names, load, header_row, name, profile)
    else:
        frame = _first_table(names, load, sheet, header_row, name)
    if frame.attrs["sheet"] in unsaved:
        frame.attrs["notices"].append(_unsaved_notice(data, frame.attrs["sheet"]))
    if skipped and sheet is None:
        listed = ", ".join(repr(n) for n in skipped)
        frame.attrs["notices"].append(f"left out hidden sheet(s) {listed}; name one with --sheet to read it")
    if data.startswith(ZIP):
        from .number_formats import state_currencies

        state_currencies(frame, data, frame.attrs["sheet"])
    return frame


def _unsaved_notice(data: bytes, sheet: str) -> str:
    import zipfile

    from .sheet_extent import unsaved_formulas

    cells, count = unsaved_formulas(zipfile.ZipFile(io.BytesIO(data)), sheet)
    listed = ", ".join(cells) + (f" and {count - len(cells)} more" if count > len(cells) else "")
    return (
        f"warning: {count} cell(s) ({listed}) hold a formula without a saved value and are read as blank: "
        "open the file in a spreadsheet program and save it"
    )


def _first_table(names: list[str], load: Loader, sheet: str | None, header_row: int | None, name: str) -> pd.DataFrame:
    chosen = [sheet] if sheet is not None else names
    first_error: SheetError | None = None
    for sheet_name in chosen:
        grid, merged = load(sheet_name)
        try:
            frame = _table(grid, merged, header_row, name, sheet_name)
        except SheetError as exc:
            if sheet is not None:
                raise
            first_error = first_error or exc
            continue
        if len(names) > 1:
            frame.attrs["notices"].insert(
                0, f"read sheet {sheet_name!r} of {len(names)} ({', '.join(repr(n) for n in names)})"
            )
        return frame
    if first_error is not None and len(chosen) == 1:
        raise first_error
    raise _no_table(name, names)


def _best_sheet(
    names: list[str], load: Loader, header_row: int | None, name: str, profile: Profile | str | Path
) -> pd.DataFrame:
    """The table of the sheet whose headers find most of the profile's criteria (ties: the earlier);
    each sheet is loaded once."""
    from .matching import criteria_found
    from .profile_io import load_profile

    loaded = load_profile(profile)
    tables: dict[str, pd.DataFrame | None] = {}
    for sheet_name in names:
        grid, merged = load(sheet_name)
        try:
            tables[sheet_name] = _table(grid, merged, header_row, name, sheet_name)
        except SheetError:
            tables[sheet_name] = None
    found = {s: criteria_found([str(h) for h in t.columns], loaded) for s, t in tables.items() if t is not None}
    if not found:
        raise _no_table(name, names)
    best = max(found, key=lambda s: (found[s], -names.index(s)))
    others = ", ".join(f"sheet {s!r}: {found.get(s, 'no table')}" for s in names if s != best)
    total = len(loaded.criteria)
    frame = tables[best]
    assert frame is not None
    frame.attrs["notices"].insert(
        0,
        f"used sheet {best!r}: its headers match {found[best]} of {total} "
        f"{'criterion' if total == 1 else 'criteria'} ({others})",
    )
    return frame


def _no_table(name: str, names: list[str]) -> SheetError:
    return SheetError(f"{name}: no sheet holds a table (sheets: {', '.join(repr(n) for n in names)})")


def _open_workbook(data: bytes, name: str) -> tuple[list[str], set[str], Loader]:
    """The worksheet names, those hidden, and a function that reads one into (grid of cells from A1,
    merged ranges)."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [m for m in workbook.sheets_metadata if str(m.typ).rsplit(".", 1)[-1].lower() == "worksheet"]
        names = [meta.name for meta in sheets]
        hidden = {meta.name for meta in sheets if str(meta.visible).rsplit(".", 1)[-1].lower() != "visible"}
    except PasswordError:
        raise SheetError(f"{name}: {PROTECTED}") from None
    except Exception as exc:  # calamine has an error type per format; any of them means "unreadable"
        if data.startswith(OLE) and b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data:
            raise SheetError(f"{name}: {PROTECTED}") from None
        if data.startswith(ZIP):
            return _openpyxl_workbook(data, name, exc)
        raise SheetError(f"{name}: not a readable workbook ({_short(exc)})") from None

    def load(sheet_name: str) -> tuple[pd.DataFrame, dict]:
        try:
            sheet = workbook.get_sheet_by_name(sheet_name)
            rows = sheet.to_python(skip_empty_area=False)
        except Exception as exc:
            raise SheetError(f"{name}, sheet {sheet_name!r}: cannot be read ({_short(exc)})") from None
        try:
            merged = {(r0, c0): (r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []}
        except Exception:  # merged ranges are a nicety; some formats do not record them
            merged = {}
        return _grid(rows), merged

    return names, hidden, load


def _openpyxl_workbook(data: bytes, name: str, first_error: Exception) -> tuple[list[str], set[str], Loader]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception:  # openpyxl raises many types for broken files; calamine's message is the clearer
        raise SheetError(f"{name}: not a readable workbook ({_short(first_error)})") from None

    def load(sheet_name: str) -> tuple[pd.DataFrame, dict]:
        ws = workbook[sheet_name]
        rows = [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
        merged = {(r.min_row - 1, r.min_col - 1): (r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges}
        return _grid(rows), merged

    hidden = {ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"}
    return [ws.title for ws in workbook.worksheets], hidden, load


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


def _grid(rows: list[list[object]]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame()
    cells = np.array(rows, dtype=object)
    if cells.ndim != 2:  # ragged rows (openpyxl): pad them
        width = max(len(r) for r in rows)
        cells = np.array([list(r) + [""] * (width - len(r)) for r in rows], dtype=object)
    empty = cells == ""
    cells[empty] = None
    grid = pd.DataFrame(cells, dtype=object)
    grid.attrs["filled"] = ~empty  # a sheet holds no NaN: blank is "", so find_table need not look again
    return grid

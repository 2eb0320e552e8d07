"""The floor for writing a ranked workbook: the fastest either library writes the same cells.

    python benchmarks/xlsx_floor.py benchmarks/.data/programmes-100k.csv [--runs 3] [--out DIR]

Two floors, each writing the cells of programscore's big sheets and nothing else (no charts, no page
setup, no column widths, no conditional formats):

- xlsxwriter in ``constant_memory`` mode (rows streamed to disk, text inline), and
- openpyxl in write-only mode (rows streamed, one shared style object per format, as its docs advise).

The cells are those of the Ranking sheet (rank, name, sheet row, score, points and value per
criterion, total cost, points per 1,000, dominated by), with the same number format per column, the
header's bold white-on-blue style and the italic orange of points from an imputed value; then the
Issues and Excluded sheets' text. The small sheets (Value, Profile) hold a few thousand cells at most
and are left out, which only makes the floor lower. Every value is converted to a plain Python value
before the clock starts, so a floor times the writer alone.

From benchmarks/run.py::

    from xlsx_floor import floors
    figures = floors(path_or_frame, out_dir, runs=3)   # medians in seconds
    figures["floor"], figures["fastest"], figures["programscore"], figures["ratio"]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

HEADER = {"bold": True, "color": "FFFFFF", "fill": "305496"}
IMPUTED = {"italic": True, "color": "C55A11"}


def _plain(values: Any) -> list:
    """A column as Python values, NaN as None (an empty cell)."""
    array = np.asarray(values)
    if array.dtype.kind == "f":
        return [None if v != v else v for v in array.tolist()]
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in array.tolist()]


def sheet_cells(result: Any) -> dict:
    """The cells of the Ranking, Issues and Excluded sheets: per sheet, headers, columns of Python
    values and a number format per column (None for text); for Ranking, the imputed points too."""
    from programscore.reports.excel import VALUE_FORMATS, ranking_headers

    criteria = result.profile.criteria
    base = result.profile.currency.base
    n = len(result.names)
    costs = result.total_cost is not None
    headers = ranking_headers(result)
    points = result.contributions.to_numpy(dtype=float)[:n]
    values = result.values.loc[result.rows[:n], result.profile.keys].to_numpy(dtype=float)
    columns = [_plain(result.ranks[:n]), [str(v) for v in result.names[:n]], _plain(result.rows[:n]),
               _plain(result.scores[:n])]  # fmt: skip
    columns += [_plain(points[:, j]) for j in range(len(criteria))]
    columns += [_plain(values[:, j]) for j in range(len(criteria))]
    formats = [None, None, None, "0.00"] + ["0.0"] * len(criteria)
    formats += [VALUE_FORMATS[c.kind].format(base=base) for c in criteria]
    if costs:
        per = np.asarray(result.value_for_money[:n], dtype=float)
        per_cells = ["free" if v is not None and math.isinf(v) else v for v in _plain(per)]
        columns += [_plain(result.total_cost[:n]), per_cells]
        formats += [VALUE_FORMATS["money"].format(base=base), "0.00"]
    columns.append([name or None for name in result.dominator_names()[:n]])
    formats.append(None)
    imputed = np.argwhere(np.asarray(result.imputed)[:n])  # (row, criterion) pairs
    issues = result.issues[["sheet", "cell", "row", "column", "value", "severity", "message"]]
    excluded = result.excluded
    return {
        "Ranking": (headers, columns, formats, [(int(i), 4 + int(j)) for i, j in imputed]),
        "Excluded": (
            ["Programme", "Sheet row", "Reasons"],
            [_plain(excluded["name"]), _plain(excluded["row"]), ["; ".join(r) for r in excluded["reasons"]]],
            [None] * 3,
            [],
        ),
        "Issues": (
            ["Sheet", "Cell", "Row", "Column", "Value", "Severity", "Message"],
            [_plain(issues[c].astype(object)) for c in issues.columns],
            [None] * 7,
            [],
        ),
    }


def write_xlsxwriter(cells: dict, path: Path) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    header = workbook.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#305496",
                                  "text_wrap": True, "valign": "top"})  # fmt: skip
    for title, (headers, columns, formats, imputed) in cells.items():
        ws = workbook.add_worksheet(title)
        styles = [workbook.add_format({"num_format": f}) if f else None for f in formats]
        for j, style in enumerate(styles):
            if style is not None:
                ws.set_column(j, j, None, style)
        marked = {}
        for i, j in imputed:
            marked.setdefault(i, []).append(j)
        italic = workbook.add_format({"italic": True, "font_color": "#C55A11", "num_format": "0.0"})
        ws.write_row(0, 0, headers, header)
        write_row = ws.write_row
        for i, row in enumerate(zip(*columns, strict=True)):
            write_row(i + 1, 0, row)
            if i in marked:
                for j in marked[i]:
                    ws.write_number(i + 1, j, row[j], italic)
    workbook.close()


def write_openpyxl(cells: dict, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook(write_only=True)
    for title, (headers, columns, formats, imputed) in cells.items():
        ws = workbook.create_sheet(title)
        styles = []
        for f in formats:  # one style object per format, shared by the column's cells
            if f is None:
                styles.append(None)
                continue
            model = WriteOnlyCell(ws, 0.0)
            model.number_format = f
            styles.append(model._style)
        italic = WriteOnlyCell(ws, 0.0)
        italic.number_format = "0.0"
        italic.font = Font(italic=True, color="C55A11")
        marked = set(imputed)
        row = []
        for name in headers:
            cell = WriteOnlyCell(ws, name)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="305496")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            row.append(cell)
        ws.append(row)
        styled = [j for j, s in enumerate(styles) if s is not None]
        for i, values in enumerate(zip(*columns, strict=True)):
            row = list(values)
            for j in styled:
                if row[j] is not None and not isinstance(row[j], str):
                    cell = WriteOnlyCell(ws, row[j])
                    cell._style = italic._style if (i, j) in marked else styles[j]
                    row[j] = cell
            ws.append(row)
    workbook.save(str(path))


def _timed(function: Any) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def floors(
    table: str | Path | pd.DataFrame, out_dir: str | Path, runs: int = 3, ours: bool = True, openpyxl: bool = True
) -> dict:
    """Median seconds (over ``runs``, interleaved, the order reversed each run) of the two floors
    writing the workbook of ``table`` (a programmes sheet's path, or its frame) scored with the
    article profile, and, when ``ours``, of programscore writing its whole workbook of it; ``floor``
    is the faster floor and ``ratio`` programscore's time over it (the median of the per-run ratios). ``openpyxl=False``
    leaves out the openpyxl floor (several times the slower of the two, so it rarely decides)."""
    import programscore as ps

    frame = ps.read_sheet(table) if not isinstance(table, pd.DataFrame) else table
    result = ps.score(frame, "article")
    cells = sheet_cells(result)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    jobs = {"xlsxwriter": lambda: write_xlsxwriter(cells, out / "floor-xlsxwriter.xlsx")}
    if openpyxl:
        jobs["openpyxl write-only"] = lambda: write_openpyxl(cells, out / "floor-openpyxl.xlsx")
    if ours:
        jobs["programscore"] = lambda: result.write(str(out / "programscore.xlsx"))
    times: dict[str, list[float]] = {name: [] for name in jobs}
    order = list(jobs)
    for _ in range(runs):
        for name in order:
            times[name].append(_timed(jobs[name]))
        order.reverse()  # each writer goes first as often as last: neither gains from going second
    figures: dict[str, Any] = {name: statistics.median(seconds) for name, seconds in times.items()}
    figures["rows"] = len(result.names)
    figures["runs"] = runs
    floors_timed = [name for name in jobs if name != "programscore"]
    figures["fastest"] = min(floors_timed, key=figures.__getitem__)
    figures["floor"] = figures[figures["fastest"]]
    if ours:
        best = [min(run) for run in zip(*(times[name] for name in floors_timed), strict=True)]
        figures["ratio"] = statistics.median(p / f for p, f in zip(times["programscore"], best, strict=True))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / ".data" / "xlsx-floor"))
    parser.add_argument("--no-ours", action="store_true", help="time the floors only")
    parser.add_argument("--no-openpyxl", action="store_true", help="leave out the openpyxl floor")
    args = parser.parse_args()
    figures = floors(args.table, args.out, args.runs, ours=not args.no_ours, openpyxl=not args.no_openpyxl)
    for key, value in figures.items():
        print(f"{key:<22} {value:.3f}" if isinstance(value, float) else f"{key:<22} {value}")


if __name__ == "__main__":
    sys.exit(main())

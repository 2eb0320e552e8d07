"""The Excel report: Ranking (with formats, colour scales, data bars and a stacked chart), Excluded,
Issues and Profile sheets. Written with openpyxl in write-only mode, which streams rows and keeps
big exports fast.

Text from the user's sheet is always written as text: a name such as ``=HYPERLINK(...)`` stays a
string and never becomes a formula.
"""

from __future__ import annotations

import copy
import io
import math
import weakref
from typing import TYPE_CHECKING

import numpy as np
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .text import top_rows

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from ..result import Ranking
    from ..sensitivity import Sensitivity
    from . import Options

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
CHART_PROGRAMMES = 15
VALUE_FORMATS = {
    "money": '#,##0 "{base}"',
    "duration": '0.0 "months"',
    "percent": "0%",
    "boolean": "0.0",
    "rating": "0.0",
    "keywords": "0",
    "number": "#,##0.##",
}


def _header(ws: WriteOnlyWorksheet, names: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for name in names:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def _text(ws: WriteOnlyWorksheet, value: object) -> object:
    """A value from the user's data: text stays text, whatever it starts with."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        return cell
    if isinstance(value, np.generic):
        return value.item()
    return value


_STYLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _number(ws: WriteOnlyWorksheet, value: float, number_format: str) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    cell = WriteOnlyCell(ws, value=float(value))
    styles = _STYLES.setdefault(ws, {})
    if number_format not in styles:
        cell.number_format = number_format
        styles[number_format] = cell._style
    else:  # the style of the first cell with this format, shared: setting it anew costs more than the cell
        cell._style = styles[number_format]
    return cell


def _widths(ws: WriteOnlyWorksheet, widths: list[float]) -> None:
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width


def xlsx(result: Ranking, options: Options) -> bytes:
    workbook = Workbook(write_only=True)
    ranking, headers = _ranking_sheet(workbook, result, options)
    if result.total_cost is not None:
        _value_sheet(workbook, result, ranking, headers, top_rows(result, options))
    if options.sensitivity is not None:
        _sensitivity_sheet(workbook, options.sensitivity, options)
    _excluded_sheet(workbook, result)
    _issues_sheet(workbook, result)
    _profile_sheet(workbook, result)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ranking_sheet(workbook: Workbook, result: Ranking, options: Options) -> tuple[WriteOnlyWorksheet, list[str]]:
    """The Ranking sheet, and its headers."""
    ws = workbook.create_sheet("Ranking")
    criteria = result.profile.criteria
    base = result.profile.currency.base
    n = top_rows(result, options)
    k = len(criteria)
    units = {"money": base, "duration": "months", "percent": "%"}
    costs = result.total_cost is not None
    headers = (
        ["Rank", "Programme", "Sheet row", "Score"]
        + [f"{c.label} (points)" for c in criteria]
        + [f"{c.label} ({units[c.kind]})" if c.kind in units else f"{c.label} (value)" for c in criteria]
        + ([f"Total cost ({base})", f"Points per 1,000 {base}"] if costs else [])
        + ["Dominated by"]
    )
    first_points, first_value = 5, 5 + k
    ws.freeze_panes = "C2"
    _widths(ws, [6, 48, 9, 9] + [12] * k + [14] * k + ([14, 12] if costs else []) + [40])
    ws.append(_header(ws, headers))
    points = result.contributions.to_numpy(dtype=float)
    values = result.values.loc[result.rows[:n], result.profile.keys].to_numpy(dtype=float) if n else np.empty((0, k))
    formats = [VALUE_FORMATS[c.kind].format(base=base) for c in criteria]
    dominators = result.dominator_names()
    value = result.value_for_money
    imputed = result.imputed
    for i in range(n):
        row = [int(result.ranks[i]), _text(ws, str(result.names[i])), int(result.rows[i])]
        row.append(_number(ws, result.scores[i], "0.00"))
        row.extend(_number(ws, points[i, j], "0.0") for j in range(k))
        _mark_imputed(row[4 : 4 + k], imputed[i])
        row.extend(_number(ws, values[i, j], formats[j]) for j in range(k))
        if costs:
            row.append(_number(ws, result.total_cost[i], VALUE_FORMATS["money"].format(base=base)))  # type: ignore[index]
            per = value[i]  # type: ignore[index]
            row.append("free" if np.isinf(per) else _number(ws, per, "0.00"))
        row.append(_text(ws, dominators[i]))
        ws.append(row)
    last_row = n + 1
    last_column = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last_column}{last_row}"
    if n:
        ws.conditional_formatting.add(
            f"D2:D{last_row}",
            DataBarRule(start_type="num", start_value=0, end_type="num", end_value=100, color="5B9BD5"),
        )
        span = f"{get_column_letter(first_points)}2:{get_column_letter(first_value - 1)}{last_row}"
        ws.conditional_formatting.add(
            span, ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B")
        )
        _chart(ws, min(n, CHART_PROGRAMMES), k, first_points, last_column)
    return ws, headers


IMPUTED_FONT = Font(italic=True, color="C55A11")


def _mark_imputed(cells: list, marks: np.ndarray) -> None:
    """Points earned from an imputed value: italic and orange, with a note saying so."""
    from openpyxl.comments import Comment

    from ..unknowns import IMPUTED_NOTE

    for cell, marked in zip(cells, marks, strict=True):
        if marked and cell is not None:
            cell._style = copy.copy(cell._style)  # the number style is shared with other cells
            cell.font = IMPUTED_FONT
            cell.comment = Comment(IMPUTED_NOTE.lstrip("* "), "programscore")


def _chart(ws: WriteOnlyWorksheet, programmes: int, k: int, first_points: int, last_column: str) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = f"Top {programmes}: points by criterion"
    chart.y_axis.title = "points"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.x_axis.scaling.orientation = "maxMin"  # the best programme on top
    data = Reference(ws, min_col=first_points, max_col=first_points + k - 1, min_row=1, max_row=programmes + 1)
    names = Reference(ws, min_col=2, min_row=2, max_row=programmes + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(names)
    chart.height = max(7.5, 0.6 * programmes + 3)
    chart.width = 24
    ws.add_chart(chart, f"{get_column_letter(first_points + 2 * k + 4)}2")


def _value_sheet(
    workbook: Workbook, result: Ranking, ranking: WriteOnlyWorksheet, ranking_headers: list[str], n: int
) -> None:
    """The programmes no other beats on both total cost and score (cheapest first), and a chart of
    score against total cost for every programme (read from the Ranking sheet) with that frontier."""
    ws = workbook.create_sheet("Value")
    base = result.profile.currency.base
    money = VALUE_FORMATS["money"].format(base=base)
    _widths(ws, [48, 14, 9])
    ws.freeze_panes = "A2"
    ws.append(_header(ws, ["Frontier: no other is cheaper and better", f"Total cost ({base})", "Score"]))
    costs = result.total_cost
    front = np.flatnonzero(result.cost_frontier)
    front = front[np.lexsort((-result.scores[front], costs[front]))]  # type: ignore[index]
    for i in front:
        ws.append(
            [_text(ws, str(result.names[i])), _number(ws, costs[i], money), _number(ws, result.scores[i], "0.00")]  # type: ignore[index]
        )
    if not n or not np.isfinite(costs).any():  # type: ignore[arg-type]
        return
    cost_column = ranking_headers.index(f"Total cost ({base})") + 1
    chart = ScatterChart()
    chart.title = f"Score against total cost ({base})"
    chart.style = 13
    chart.x_axis.title = f"total cost ({base})"
    chart.y_axis.title = "score"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    everyone = Series(
        Reference(ranking, min_col=4, min_row=2, max_row=n + 1),
        Reference(ranking, min_col=cost_column, min_row=2, max_row=n + 1),
        title="programmes",
    )
    everyone.marker.symbol = "circle"
    everyone.graphicalProperties.line.noFill = True
    best = Series(
        Reference(ws, min_col=3, min_row=2, max_row=len(front) + 1),
        Reference(ws, min_col=2, min_row=2, max_row=len(front) + 1),
        title="frontier (no other is cheaper and better)",
    )
    best.marker.symbol = "diamond"
    chart.series.extend([everyone, best])
    chart.height, chart.width = 10, 18
    ws.add_chart(chart, "E2")


def _sensitivity_sheet(workbook: Workbook, analysis: Sensitivity, options: Options) -> None:
    """Acceptability per programme, with a chart of each one's 5-95% range of ranks; stability; reversals."""
    ws = workbook.create_sheet("Sensitivity")
    _widths(ws, [6, 48, 9, 10, 10, 10, 10, 10, 4, 12])
    ws.freeze_panes = "C2"
    k = analysis.top
    ws.append(
        _header(ws, ["Rank", "Programme", "Score", "P(first)", f"P(top {k})", "Median rank", "Rank 5%", "Rank 95%",
                     "", "Range"])
    )  # fmt: skip
    frame = analysis.programmes if options.top is None else analysis.programmes.iloc[: options.top]
    for row in frame.itertuples(index=False):
        ws.append(
            [int(row.rank), _text(ws, str(row.name)), _number(ws, row.score, "0.00"), _number(ws, row.p_first, "0.0%"),
             _number(ws, row.p_top, "0.0%"), int(row.median_rank), int(row.rank_p5), int(row.rank_p95), None,
             int(row.rank_p95) - int(row.rank_p5) + 1]
        )  # fmt: skip
    shown = len(frame)
    if shown:
        # floating bars: an invisible bar up to the 5% rank, then a visible one spanning to the 95% rank
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = f"Ranks in 90% of {analysis.samples:,} weight samples ({analysis.described_spread})"
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.title = "rank"
        programmes = min(shown, CHART_PROGRAMMES * 2)
        start = Reference(ws, min_col=7, min_row=1, max_row=programmes + 1)
        span = Reference(ws, min_col=10, min_row=1, max_row=programmes + 1)
        chart.add_data(start, titles_from_data=True)
        chart.add_data(span, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=programmes + 1))
        chart.series[0].graphicalProperties.noFill = True
        chart.series[0].graphicalProperties.line.noFill = True
        chart.height = max(7.5, 0.5 * programmes + 3)
        chart.width = 20
        ws.add_chart(chart, "L2")
    ws.append([])
    ws.append(_header(ws, ["Criterion", "Weight now", "Stays first from", "To", "First below", "First above"]))
    for s in analysis.stability:
        ws.append(
            [s.key, _number(ws, s.share, "0.0%"), _number(ws, s.low, "0.0%"), _number(ws, s.high, "0.0%"),
             _text(ws, s.below), _text(ws, s.above)]
        )  # fmt: skip
    _central_rows(ws, analysis)
    if analysis.reversals is not None:
        ws.append([])
        ws.append(_header(ws, ["Left out", "Was ahead", "Now ahead", "Gap before", "Gap after"]))
        for row in analysis.reversals.itertuples(index=False):
            ws.append(
                [_text(ws, row.left_out), _text(ws, row.was_ahead), _text(ws, row.now_ahead),
                 _number(ws, row.gap_before, "0.00"), _number(ws, row.gap_after, "0.00")]
            )  # fmt: skip


def _central_rows(ws: WriteOnlyWorksheet, analysis: Sensitivity) -> None:
    """SMAA-2 central weights and confidence factor of each programme that can come first."""
    if analysis.central is None or not len(analysis.central):
        return
    keys = analysis.ranking.profile.keys
    ws.append([])
    ws.append(_header(ws, ["Programme", "P(first)", "Confidence factor", *(f"Central weight: {k}" for k in keys)]))
    for row in analysis.central.to_dict("records"):
        ws.append([_text(ws, row["name"]), _number(ws, row["p_first"], "0.0%"), _number(ws, row["confidence"], "0.00"),
                   *(_number(ws, row[k], "0.0%") for k in keys)])  # fmt: skip


def _excluded_sheet(workbook: Workbook, result: Ranking) -> None:
    ws = workbook.create_sheet("Excluded")
    _widths(ws, [48, 9, 80])
    ws.freeze_panes = "A2"
    ws.append(_header(ws, ["Programme", "Sheet row", "Reasons"]))
    for name, row, reasons in result.excluded[["name", "row", "reasons"]].itertuples(index=False):
        ws.append([_text(ws, str(name)), int(row), _text(ws, "; ".join(reasons))])


def _issues_sheet(workbook: Workbook, result: Ranking) -> None:
    ws = workbook.create_sheet("Issues")
    _widths(ws, [14, 8, 8, 24, 36, 10, 70])
    ws.freeze_panes = "A2"
    ws.append(_header(ws, ["Sheet", "Cell", "Row", "Column", "Value", "Severity", "Message"]))
    columns = ["sheet", "cell", "row", "column", "value", "severity", "message"]
    for record in result.issues[columns].itertuples(index=False):
        ws.append([_text(ws, v) for v in record])
    if len(result.issues):
        ws.auto_filter.ref = f"A1:G{len(result.issues) + 1}"


def _profile_sheet(workbook: Workbook, result: Ranking) -> None:
    ws = workbook.create_sheet("Profile")
    profile = result.profile
    _widths(ws, [16, 22, 10, 22, 9, 9, 8, 9, 9, 9, 9, 9, 9])
    ws.append(_header(ws, ["Profile", "Method", "Currency", "Source"]))
    ws.append([_text(ws, profile.name), profile.method, profile.currency.base, _text(ws, result.source)])
    if result.filtered is not None:
        ws.append([])
        ws.append(_header(ws, ["Filter (where)", "Rows kept", "Rows left out"]))
        for expression in result.filtered.where:
            ws.append([_text(ws, expression)])
        ws.append([_text(ws, "all of them"), result.filtered.kept, result.filtered.left_out])
    if result.joined is not None:
        ws.append([])
        ws.append([_text(ws, result.joined.summary())])
    ws.append([])
    ws.append(
        _header(
            ws,
            [
                "Criterion",
                "Label",
                "Kind",
                "Column",
                "Weight",
                "Share",
                "Better",
                "Best",
                "Worst",
                "Target",
                "Min",
                "Max",
                "Missing",
            ],
        )
    )
    weights = profile.weights
    for c in profile.criteria:
        ws.append(
            [
                c.key,
                _text(ws, c.label),
                c.kind,
                _text(ws, result.columns.get(c.key)),
                c.weight,
                _number(ws, weights[c.key], "0.0%"),
                c.better,
                c.best,
                c.worst,
                c.target,
                c.min,
                c.max,
                c.missing,
            ]
        )
    ws.append([])
    ws.append(_header(ws, ["Profile as TOML (save as profile.toml to reproduce this ranking)"]))
    for line in profile.to_toml().splitlines():
        ws.append([_text(ws, line)])

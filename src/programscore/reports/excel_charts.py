"""The workbook's charts, drawn so LibreOffice and Excel show the same thing: filled markers with a
legend symbol, straight frontier lines (``smooth`` written as off on every series), axes scaled to the
data, every axis explicitly shown (``<c:delete val="0"/>``; an axis left unset is hidden by some
readers), and every programme's name on a category axis (a label for each one). Each series carries
a cache of its values, so a reader that does not recalculate shows the chart as written.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlsxwriter.chart_bar import ChartBar
from xlsxwriter.chart_scatter import ChartScatter

from .excel_layout import number_column

BLUE, ORANGE = "#4472C4", "#ED7D31"
CM_PER_PROGRAMME = 0.55  # room for one name on a category axis at 9 points
PIXELS_PER_CM = 96 / 2.54
AXIS_FONT = {"size": 9}


class _Shown:
    """Every axis written as shown, and every series' smoothing written out even when it is off."""

    def _write_scaling(self, reverse, min_val, max_val, log_base) -> None:  # type: ignore[no-untyped-def]
        super()._write_scaling(reverse, min_val, max_val, log_base)  # type: ignore[misc]
        self._write_delete(0)  # type: ignore[attr-defined]

    def _write_c_smooth(self, smooth) -> None:  # type: ignore[no-untyped-def]
        self._xml_empty_tag("c:smooth", [("val", "1" if smooth else "0")])  # type: ignore[attr-defined]


class _Bar(_Shown, ChartBar):
    pass


class _Scatter(_Shown, ChartScatter):
    pass


@dataclass
class Chart:
    """A chart with its size in centimetres (for placing it on the page)."""

    chart: Any
    width: float
    height: float

    def __post_init__(self) -> None:
        self.chart.set_size({"width": round(self.width * PIXELS_PER_CM), "height": round(self.height * PIXELS_PER_CM)})


def _new(workbook: Any, kind: type, options: dict) -> Any:
    chart = workbook.add_chart(options)
    chart.__class__ = kind  # the same chart, writing its axes and series as above
    return chart


def reference(sheet: str, first_row: int, column: int, last_row: int | None = None) -> str:
    """A range of one column (rows and column counted from 1), its sheet's name quoted."""
    letters = _letters(column)
    cells = f"${letters}${first_row}" + (f":${letters}${last_row}" if last_row is not None else "")
    return "='" + sheet.replace("'", "''") + "'!" + cells


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def nice_bounds(low: float, high: float, floor: float | None = None, ceiling: float | None = None):  # type: ignore[no-untyped-def]
    """(minimum, maximum, major unit) of an axis that shows ``low`` to ``high`` with a little margin,
    on round numbers, kept within ``floor`` and ``ceiling``."""
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    span = high - low or max(abs(high), 1.0)
    try:
        step: float | None = _nice_step(span * 1.1 / 5)
        minimum = math.floor((low - span * 0.05) / step) * step  # type: ignore[operator]
        maximum = math.ceil((high + span * 0.05) / step) * step  # type: ignore[operator]
    except (ValueError, OverflowError, ZeroDivisionError):  # a range too narrow or too wide for round steps
        step, minimum, maximum = None, low, high
    if floor is not None:
        minimum = max(minimum, floor)
    if ceiling is not None:
        maximum = min(maximum, ceiling)
    return float(minimum), float(maximum), None if step is None else float(step)


def _nice_step(raw: float, integer: bool = False) -> float:
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10) if integer and power < 10 else (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _category_height(programmes: int) -> float:
    """A chart tall enough for one name per category."""
    return max(7.5, CM_PER_PROGRAMME * programmes + 4.5)


def _category_axis() -> dict:
    """Every name shown (one label per category), the first programme on top."""
    return {"reverse": True, "interval_unit": 1, "interval_tick": 1, "num_font": AXIS_FONT}


def ranking_chart(
    workbook: Any, sheet: str, headers: Sequence[str | None], names: Sequence[str], points: Any, first_points: int
) -> Chart:
    """The top programmes' points (``points``: their rows, a column per criterion, starting at
    column ``first_points``), stacked by criterion, as horizontal bars named on the left."""
    programmes, k = len(names), points.shape[1]
    chart = _new(workbook, _Bar, {"type": "bar", "subtype": "stacked"})
    for j in range(k):
        column = first_points + j
        series = {
            "name": reference(sheet, 1, column),
            "name_data": [headers[column - 1]],
            "categories": reference(sheet, 2, 2, programmes + 1),
            "categories_data": list(names),
            "values": reference(sheet, 2, column, programmes + 1),
            "values_data": number_column(points[:, j]),
        }
        if j == 0:
            series.update(overlap=100, gap=60)
        chart.add_series(series)
    chart.set_title({"name": f"Top {programmes}: points by criterion"})
    chart.set_x_axis({"name": "points", "min": 0, "max": 100, "major_unit": 10, "num_format": "0",
                      "num_font": AXIS_FONT})  # fmt: skip
    chart.set_y_axis(_category_axis())
    chart.set_legend({"position": "bottom"})
    return Chart(chart, 26, _category_height(programmes) + 0.6 * math.ceil(k / 3))  # and the legend's rows


def value_chart(
    workbook: Any,
    everyone: tuple[str, int, int, int, int, Any, Any],
    frontier: tuple[str, int, int, Any, Any],
    costs: tuple[float, float],
    scores: tuple[float, float],
    base: str,
) -> Chart:
    """Score against total cost: every programme (``everyone``: sheet, score column, cost column,
    first and last row, their costs and scores) as dots, and the frontier (sheet, first and last row
    of its columns B and C, their costs and scores) as a line."""
    sheet, score_column, cost_column, first, last, dot_costs, dot_scores = everyone
    front_sheet, front_first, front_last, front_costs, front_scores = frontier
    chart = _new(workbook, _Scatter, {"type": "scatter"})
    chart.add_series({
        "name": "programmes",
        "categories": reference(sheet, first, cost_column, last),
        "categories_data": number_column(dot_costs),
        "values": reference(sheet, first, score_column, last),
        "values_data": number_column(dot_scores),
        "marker": {"type": "circle", "size": 7, "fill": {"color": BLUE}, "border": {"color": BLUE}},
        "line": {"none": True},
    })  # fmt: skip
    chart.add_series({
        "name": "frontier (no other is cheaper and better)",
        "categories": reference(front_sheet, front_first, 2, front_last),
        "categories_data": number_column(front_costs),
        "values": reference(front_sheet, front_first, 3, front_last),
        "values_data": number_column(front_scores),
        "marker": {"type": "diamond", "size": 11, "fill": {"color": ORANGE}, "border": {"color": ORANGE}},
        "line": {"color": ORANGE, "width": 1.75},
    })  # fmt: skip
    chart.set_title({"name": f"Score against total cost ({base})"})
    low, high, step = nice_bounds(*costs, floor=0)
    chart.set_x_axis({"name": f"total cost ({base})", "min": low, "max": high, "major_unit": step,
                      "num_format": "#,##0", "major_gridlines": {"visible": False}, "num_font": AXIS_FONT})  # fmt: skip
    low, high, step = nice_bounds(*scores, 0, 100)
    chart.set_y_axis({"name": "score", "min": low, "max": high, "major_unit": step, "num_format": "0",
                      "major_gridlines": {"visible": True}, "num_font": AXIS_FONT})  # fmt: skip
    chart.set_legend({"position": "bottom"})
    return Chart(chart, 20, 11)


def rank_chart(workbook: Any, sheet: str, names: Sequence[str], low: Any, span: Any, worst: int, title: str) -> Chart:
    """Floating bars: an invisible bar up to each programme's 5% rank (``low``, column G), then a
    visible one spanning to its 95% rank (``span``, column J)."""
    programmes = len(names)
    chart = _new(workbook, _Bar, {"type": "bar", "subtype": "stacked"})
    for column, header, data, style in (
        (7, "Rank 5%", low, {"fill": {"none": True}, "border": {"none": True}, "overlap": 100, "gap": 60}),
        (10, "Range", span, {"fill": {"color": BLUE}, "border": {"color": BLUE}}),
    ):
        chart.add_series({
            "name": reference(sheet, 1, column),
            "name_data": [header],
            "categories": reference(sheet, 2, 2, programmes + 1),
            "categories_data": list(names),
            "values": reference(sheet, 2, column, programmes + 1),
            "values_data": number_column(data),
            **style,
        })  # fmt: skip
    chart.set_title({"name": title})
    chart.set_x_axis({"name": "rank", "min": 0, "max": worst + 1, "num_format": "0", "num_font": AXIS_FONT,
                      "major_unit": max(1, _nice_step(max(worst, 1) / 10, integer=True))})  # fmt: skip
    chart.set_y_axis(_category_axis())
    chart.set_legend({"none": True})  # the title says what the bars are; the invisible ones need no entry
    return Chart(chart, 22, _category_height(programmes))

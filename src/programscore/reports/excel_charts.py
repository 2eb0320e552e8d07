"""The workbook's charts, drawn so LibreOffice and Excel show the same thing: filled markers with a
legend symbol, straight frontier lines (``smooth`` off on the series and the chart), axes scaled to
the data, every axis explicitly shown (``delete = False``; openpyxl leaves it unset, and Excel then
hides the axis), and every programme's name on a category axis (``tickLblSkip = 1``)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.legend import Legend
from openpyxl.chart.marker import Marker
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

BLUE, ORANGE = "4472C4", "ED7D31"
CM_PER_PROGRAMME = 0.55  # room for one name on a category axis at 9 points


def nice_bounds(low: float, high: float, floor: float | None = None, ceiling: float | None = None):  # type: ignore[no-untyped-def]
    """(minimum, maximum, major unit) of an axis that shows ``low`` to ``high`` with a little margin,
    on round numbers, kept within ``floor`` and ``ceiling``."""
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    span = high - low or max(abs(high), 1.0)
    step = _nice_step(span * 1.1 / 5)
    minimum = math.floor((low - span * 0.05) / step) * step
    maximum = math.ceil((high + span * 0.05) / step) * step
    if floor is not None:
        minimum = max(minimum, floor)
    if ceiling is not None:
        maximum = min(maximum, ceiling)
    return float(minimum), float(maximum), float(step)


def _nice_step(raw: float, integer: bool = False) -> float:
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10) if integer and power < 10 else (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _font(size: int, bold: bool = False) -> RichText:
    properties = CharacterProperties(sz=size * 100, b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=properties), r=[], endParaRPr=properties)])


def _show_axes(chart: BarChart | ScatterChart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.txPr = _font(9)
    chart.y_axis.txPr = _font(9)


def _category_axis(chart: BarChart, programmes: int) -> None:
    """Every name shown: one label per category, and a chart tall enough for them."""
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.tickMarkSkip = 1
    chart.x_axis.scaling.orientation = "maxMin"  # the first programme on top
    chart.height = max(7.5, CM_PER_PROGRAMME * programmes + 4.5)
    chart.legend = Legend(legendPos="b")


def ranking_chart(ws: WriteOnlyWorksheet, programmes: int, k: int, first_points: int) -> BarChart:
    """The top programmes' points, stacked by criterion, as horizontal bars named on the left."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = f"Top {programmes}: points by criterion"
    chart.y_axis.title = "points"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 10
    chart.y_axis.number_format = "0"
    data = Reference(ws, min_col=first_points, max_col=first_points + k - 1, min_row=1, max_row=programmes + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=programmes + 1))
    _show_axes(chart)
    _category_axis(chart, programmes)
    chart.height += 0.6 * math.ceil(k / 3)  # the legend's rows
    chart.width = 26
    return chart


def value_chart(
    ws: WriteOnlyWorksheet,
    everyone: tuple[WriteOnlyWorksheet, int, int, int, int],
    frontier: tuple[int, int],
    costs: tuple[float, float],
    scores: tuple[float, float],
    base: str,
) -> ScatterChart:
    """Score against total cost: every programme (``everyone``: sheet, score column, cost column,
    first and last row) as dots, and the frontier (rows of this sheet's columns B and C) as a line."""
    sheet, score_column, cost_column, first, last = everyone
    chart = ScatterChart()
    chart.title = f"Score against total cost ({base})"
    chart.scatterStyle = "lineMarker"
    chart.x_axis.title = f"total cost ({base})"
    chart.y_axis.title = "score"
    chart.x_axis.scaling.min, chart.x_axis.scaling.max, chart.x_axis.majorUnit = nice_bounds(*costs, floor=0)
    chart.y_axis.scaling.min, chart.y_axis.scaling.max, chart.y_axis.majorUnit = nice_bounds(*scores, 0, 100)
    chart.x_axis.number_format = "#,##0"
    chart.y_axis.number_format = "0"
    chart.x_axis.majorGridlines = None
    chart.x_axis.axPos = "b"
    dots = Series(
        Reference(sheet, min_col=score_column, min_row=first, max_row=last),
        Reference(sheet, min_col=cost_column, min_row=first, max_row=last),
        title="programmes",
    )
    dots.marker = Marker(symbol="circle", size=7, spPr=_filled(BLUE))
    dots.graphicalProperties = GraphicalProperties(ln=LineProperties(noFill=True))
    dots.smooth = False
    line = Series(
        Reference(ws, min_col=3, min_row=frontier[0], max_row=frontier[1]),
        Reference(ws, min_col=2, min_row=frontier[0], max_row=frontier[1]),
        title="frontier (no other is cheaper and better)",
    )
    line.marker = Marker(symbol="diamond", size=11, spPr=_filled(ORANGE))
    line.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=ORANGE, w=22225))
    line.smooth = False
    chart.series.extend([dots, line])
    _show_axes(chart)
    chart.legend = Legend(legendPos="b")
    chart.height, chart.width = 11, 20
    return chart


def _filled(colour: str) -> GraphicalProperties:
    return GraphicalProperties(solidFill=colour, ln=LineProperties(solidFill=colour))


def rank_chart(ws: WriteOnlyWorksheet, programmes: int, worst: int, title: str) -> BarChart:
    """Floating bars: an invisible bar up to each programme's 5% rank (column G), then a visible one
    spanning to its 95% rank (column J holds the span)."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = title
    chart.y_axis.title = "rank"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = worst + 1
    chart.y_axis.majorUnit = max(1, _nice_step(max(worst, 1) / 10, integer=True))
    chart.y_axis.number_format = "0"
    chart.add_data(Reference(ws, min_col=7, min_row=1, max_row=programmes + 1), titles_from_data=True)
    chart.add_data(Reference(ws, min_col=10, min_row=1, max_row=programmes + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=programmes + 1))
    chart.series[0].graphicalProperties = GraphicalProperties(noFill=True, ln=LineProperties(noFill=True))
    chart.series[1].graphicalProperties = GraphicalProperties(solidFill=BLUE, ln=LineProperties(solidFill=BLUE))
    _show_axes(chart)
    _category_axis(chart, programmes)
    chart.legend = None  # the title says what the bars are; the invisible ones need no entry
    chart.width = 22
    return chart

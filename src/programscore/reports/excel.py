"""The Excel report: Ranking (with formats, colour scales, data bars and a chart of the top 15), Value
(the cost frontier and a chart of score against cost), Sensitivity, Stability and Reversals (when
asked for), Excluded, Issues and Profile sheets. Written with openpyxl in write-only mode, which
streams rows and keeps big exports fast.

Every sheet prints landscape, one page wide, with its header row on each page. Text from the user's
sheet or profile is always written as text (``excel_layout.Sheet.text``): a name such as
``=HYPERLINK(...)`` stays a string and never becomes a formula.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..errors import ProgramscoreError
from .excel_charts import rank_chart, ranking_chart, value_chart
from .excel_layout import CHART_BELOW, EXCEL_ROWS, Cleaning, Sheet, place_chart, text_width
from .text import top_rows

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from ..result import Ranking
    from ..sensitivity import Sensitivity
    from . import Options

CHART_PROGRAMMES = 15
CHART_POINTS = 2_000  # dots (and frontier points) in the Value chart: more only slow a spreadsheet down
NAME_WIDTH = (20, 48)
VALUE_FORMATS = {
    "money": '#,##0 "{base}"',
    "duration": '0.0 "months"',
    "percent": "0%",
    "boolean": "0.0",
    "rating": "0.0",
    "keywords": "0",
    "number": "#,##0.##",
}


def xlsx(result: Ranking, options: Options) -> bytes:
    n = top_rows(result, options)
    if n >= EXCEL_ROWS:
        raise ProgramscoreError(
            f"a workbook sheet holds at most {EXCEL_ROWS - 1:,} programmes and this ranking has {n:,}: "
            "give --top N, or write CSV"
        )
    workbook = Workbook(write_only=True)
    try:
        return _write(workbook, result, options, n)
    except BaseException:  # Ctrl-C or an error: drop the half-written sheets quietly, files and all
        _discard(workbook)
        raise


def _discard(workbook: Workbook) -> None:
    """Close the streams of the sheets begun, so no traceback is printed when they are collected,
    and remove openpyxl's temporary files."""
    for ws in workbook.worksheets:
        for stream in (getattr(ws, "_rows", None), getattr(getattr(ws, "_writer", None), "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)


def _write(workbook: Workbook, result: Ranking, options: Options, n: int) -> bytes:
    cleaning = Cleaning()
    ranking, headers = _ranking_sheet(workbook, cleaning, result, options, n)
    if result.total_cost is not None:
        _value_sheet(workbook, cleaning, result, ranking, headers, n)
    notices = list(result.notices)
    if options.sensitivity is not None:
        _sensitivity_sheets(workbook, cleaning, options.sensitivity, options)
        notices += [note for note in options.sensitivity.notices if note not in notices]
    _excluded_sheet(workbook, cleaning, result)
    _issues_sheet(workbook, cleaning, result)
    _profile_sheet(workbook, cleaning, result, notices)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ranking_sheet(
    workbook: Workbook, cleaning: Cleaning, result: Ranking, options: Options, n: int
) -> tuple[WriteOnlyWorksheet, list[str]]:
    """The Ranking sheet, and its headers."""
    criteria = result.profile.criteria
    base = result.profile.currency.base
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
    dominators = result.dominator_names()[:n]
    names = [str(name) for name in result.names[:n]]
    widths = (
        [6, text_width(names, *NAME_WIDTH), 9, 9]
        + [10] * k
        + [13] * k
        + ([14, 12] if costs else [])
        + [text_width(dominators, 14, NAME_WIDTH[1])]
    )
    sheet = Sheet(workbook, "Ranking", cleaning, widths)
    ws = sheet.ws
    ws.freeze_panes = "C2"
    sheet.header(headers)
    first_points, first_value = 5, 5 + k
    points = result.contributions.to_numpy(dtype=float)
    values = result.values.loc[result.rows[:n], result.profile.keys].to_numpy(dtype=float) if n else np.empty((0, k))
    formats = [VALUE_FORMATS[c.kind].format(base=base) for c in criteria]
    money = VALUE_FORMATS["money"].format(base=base)
    value = result.value_for_money
    imputed = result.imputed
    for i in range(n):
        row = [int(result.ranks[i]), sheet.text(names[i]), int(result.rows[i]), sheet.number(result.scores[i], "0.00")]
        row.extend(sheet.number(points[i, j], "0.0") for j in range(k))
        _mark_imputed(row[4 : 4 + k], imputed[i])
        row.extend(sheet.number(values[i, j], formats[j]) for j in range(k))
        if costs:
            row.append(sheet.number(result.total_cost[i], money))  # type: ignore[index]
            per = value[i]  # type: ignore[index]
            row.append("free" if np.isinf(per) else sheet.number(per, "0.00"))
        row.append(sheet.text(dominators[i]))
        sheet.append(row)
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
        if n > CHART_BELOW:  # the chart sits beside a long table, and is left out of its printout
            ws.print_area = f"A1:{last_column}{last_row}"
        place_chart(sheet, ranking_chart(ws, min(n, CHART_PROGRAMMES), k, first_points), len(headers) + 2)
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


def _central_rows(sheet: Sheet, analysis: Sensitivity) -> None:
    """SMAA-2 central weights and confidence factor of each programme that can come first."""
    if analysis.central is None or not len(analysis.central):
        return
    keys = analysis.ranking.profile.keys
    sheet.append([])
    sheet.header(["Programme", "P(first)", "Confidence factor", *(f"Central weight: {k}" for k in keys)])
    for row in analysis.central.to_dict("records"):
        sheet.append([sheet.text(row["name"]), sheet.number(row["p_first"], "0.0%"),
                      sheet.number(row["confidence"], "0.00"),
                      *(sheet.number(row[k], "0.0%") for k in keys)])  # fmt: skip


def even_sample(count: int, size: int) -> np.ndarray:
    """``size`` positions spread evenly over ``range(count)``, first and last included."""
    if count <= size:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, size).round().astype(np.int64))


def _value_sheet(
    workbook: Workbook,
    cleaning: Cleaning,
    result: Ranking,
    ranking: WriteOnlyWorksheet,
    ranking_headers: list[str],
    n: int,
) -> None:
    """The programmes no other beats on both total cost and score (cheapest first), and a chart of
    score against total cost with that frontier. A long ranking is drawn from an even sample of it,
    and a long frontier from an even sample of its points; the sheet says so."""
    base = result.profile.currency.base
    money = VALUE_FORMATS["money"].format(base=base)
    costs = result.total_cost
    assert costs is not None
    front = np.flatnonzero(result.cost_frontier)
    front = front[np.lexsort((-result.scores[front], costs[front]))]
    names = result.names
    sheet = Sheet(workbook, "Value", cleaning, [text_width([str(names[i]) for i in front], *NAME_WIDTH), 14, 9, 3])
    ws = sheet.ws
    ws.freeze_panes = "A2"
    priced = np.flatnonzero(np.isfinite(costs[:n]))
    drawn = priced[even_sample(len(priced), CHART_POINTS)] if len(priced) > CHART_POINTS else None
    front_drawn = front[even_sample(len(front), CHART_POINTS)] if len(front) > CHART_POINTS else None
    notes = []
    if drawn is not None:
        notes.append(f"The chart shows an even sample of {len(drawn):,} of the {len(priced):,} programmes with a "
                     "total cost (by rank, listed below the frontier), not all of them.")  # fmt: skip
    if front_drawn is not None:
        notes.append(f"The chart's frontier line is drawn through {len(front_drawn):,} of its {len(front):,} points.")
    sheet.header(["Frontier: no other is cheaper and better", f"Total cost ({base})", "Score"])
    shown_front = front[: max(0, sheet.room - 2 * CHART_POINTS - 8)]
    for i in shown_front:
        sheet.append([sheet.text(str(names[i])), sheet.number(costs[i], money), sheet.number(result.scores[i], "0.00")])
    if len(shown_front) < len(front):
        sheet.append([sheet.text(f"… and {len(front) - len(shown_front):,} more: the sheet is full")])
    frontier_rows = (2, len(shown_front) + 1)

    def block(title: str, rows: np.ndarray) -> tuple[int, int]:
        sheet.append([])
        sheet.header([title, f"Total cost ({base})", "Score"])
        first = sheet.rows + 1
        for i in rows:
            sheet.append([sheet.text(str(names[i])), sheet.number(costs[i], money),
                          sheet.number(result.scores[i], "0.00")])  # fmt: skip
        return first, sheet.rows

    if front_drawn is not None:
        frontier_rows = block("Frontier points in the chart", front_drawn)
    if not n or not len(priced):
        return
    if drawn is not None:
        first, last = block("Programmes in the chart (an even sample, by rank)", drawn)
        everyone = (ws, 3, 2, first, last)
    else:
        cost_column = ranking_headers.index(f"Total cost ({base})") + 1
        everyone = (ranking, 4, cost_column, 2, n + 1)
    for note in notes:
        sheet.append([sheet.text(note)])
    shown = priced if drawn is None else drawn
    chart = value_chart(
        ws,
        everyone,
        frontier_rows,
        (float(np.min(costs[shown])), float(np.max(costs[shown]))),
        (float(np.min(result.scores[shown])), float(np.max(result.scores[shown]))),
        base,
    )
    ws.add_chart(chart, "E2")


def _sensitivity_sheets(workbook: Workbook, cleaning: Cleaning, analysis: Sensitivity, options: Options) -> None:
    """Acceptability per programme, with a chart of each one's 5-95% range of ranks; then a Stability
    sheet (how far each weight may move) and, when computed, a Reversals sheet."""
    frame = analysis.programmes if options.top is None else analysis.programmes.iloc[: options.top]
    names = [str(name) for name in frame["name"]]
    sheet = Sheet(workbook, "Sensitivity", cleaning, [6, text_width(names, *NAME_WIDTH), 9, 9, 9, 9, 9, 9, 2, 9])
    ws = sheet.ws
    ws.freeze_panes = "C2"
    k = analysis.top
    sheet.header(["Rank", "Programme", "Score", "P(first)", f"P(top {k})", "Median rank", "Rank 5%", "Rank 95%", "",
                  "Range"])  # fmt: skip
    for name, row in zip(names, frame.itertuples(index=False), strict=True):
        banded = row.median_rank is not pd.NA  # rank percentiles may be computed for the first programmes only
        sheet.append(
            [int(row.rank), sheet.text(name), sheet.number(row.score, "0.00"), sheet.number(row.p_first, "0.0%"),
             sheet.number(row.p_top, "0.0%"), *((int(row.median_rank), int(row.rank_p5), int(row.rank_p95)) if banded
             else (None, None, None)), None, int(row.rank_p95) - int(row.rank_p5) + 1 if banded else None]
        )  # fmt: skip
    shown = len(frame)
    if shown:
        programmes = min(shown, CHART_PROGRAMMES * 2)
        title = f"Ranks in 90% of {analysis.samples:,} weight samples ({analysis.described_spread})"
        if programmes < shown:
            title += f": the first {programmes}"
        worst = int(frame["rank_p95"].iloc[:programmes].max())
        if shown > CHART_BELOW:
            ws.print_area = f"A1:J{shown + 1}"
        place_chart(sheet, rank_chart(ws, programmes, worst, title), 12)
    stability = Sheet(workbook, "Stability", cleaning, [text_width([s.key for s in analysis.stability], 12, 30), 11, 11,
                      9, *[text_width([s.below for s in analysis.stability] + [s.above for s in analysis.stability],
                                      14, NAME_WIDTH[1])] * 2])  # fmt: skip
    stability.ws.freeze_panes = "B2"
    stability.header(["Criterion", "Weight now", "Stays first from", "To", "First below", "First above"])
    for s in analysis.stability:
        stability.append(
            [stability.text(s.key), stability.number(s.share, "0.0%"), stability.number(s.low, "0.0%"),
             stability.number(s.high, "0.0%"), stability.text(s.below), stability.text(s.above)]
        )  # fmt: skip
    _central_rows(stability, analysis)
    if analysis.reversals is not None:
        reversals = analysis.reversals
        width = text_width([*reversals["left_out"], *reversals["was_ahead"], *reversals["now_ahead"]], *NAME_WIDTH)
        sheet = Sheet(workbook, "Reversals", cleaning, [width, width, width, 10, 10])
        sheet.ws.freeze_panes = "A2"
        sheet.header(["Left out", "Was ahead", "Now ahead", "Gap before", "Gap after"])
        for row in reversals.iloc[: sheet.room - 2].itertuples(index=False):
            sheet.append(
                [sheet.text(row.left_out), sheet.text(row.was_ahead), sheet.text(row.now_ahead),
                 sheet.number(row.gap_before, "0.00"), sheet.number(row.gap_after, "0.00")]
            )  # fmt: skip
        _more(sheet, len(reversals), sheet.rows - 1, "reversals")


def _more(sheet: Sheet, total: int, written: int, what: str) -> None:
    if written < total:
        rows = sheet.rows + sheet.room  # what a sheet holds
        sheet.append([sheet.text(f"… and {total - written:,} more {what}: a sheet holds {rows:,} rows")])


def _excluded_sheet(workbook: Workbook, cleaning: Cleaning, result: Ranking) -> None:
    excluded = result.excluded
    reasons = ["; ".join(r) for r in excluded["reasons"]]
    names = [str(name) for name in excluded["name"]]
    sheet = Sheet(workbook, "Excluded", cleaning, [text_width(names, *NAME_WIDTH), 9, text_width(reasons, 20, 80)])
    sheet.ws.freeze_panes = "A2"
    sheet.header(["Programme", "Sheet row", "Reasons"])
    written = min(len(names), sheet.room - 1)
    for name, row, reason in zip(names[:written], excluded["row"][:written], reasons[:written], strict=True):
        sheet.append([sheet.text(name), int(row), sheet.text(reason)])
    _more(sheet, len(names), written, "excluded programmes")


def _issues_sheet(workbook: Workbook, cleaning: Cleaning, result: Ranking) -> None:
    columns = ["sheet", "cell", "row", "column", "value", "severity", "message"]
    issues = result.issues[columns]
    widths = [text_width(issues["sheet"], 8, 24), 8, 8, text_width(issues["column"], 10, 30),
              text_width(issues["value"], 10, 40), 10, text_width(issues["message"], 20, 80)]  # fmt: skip
    sheet = Sheet(workbook, "Issues", cleaning, widths)
    sheet.ws.freeze_panes = "A2"
    sheet.header(["Sheet", "Cell", "Row", "Column", "Value", "Severity", "Message"])
    written = min(len(issues), sheet.room - 1)
    for record in issues.iloc[:written].itertuples(index=False):
        sheet.append([sheet.text(v) for v in record])
    _more(sheet, len(issues), written, "issues (`programscore check` lists them all)")
    if written:
        sheet.ws.auto_filter.ref = f"A1:G{written + 1}"


def _profile_sheet(workbook: Workbook, cleaning: Cleaning, result: Ranking, notices: list[str]) -> None:
    """The profile, the filters and the join, the notes (what reading, scoring and writing this
    workbook said), the criteria, and the profile as TOML."""
    profile = result.profile
    # several tables, one under another: no header row repeats on each page
    sheet = Sheet(workbook, "Profile", cleaning, [16, 22, 10, 22, 9, 9, 8, 9, 9, 9, 9, 9, 9], title_rows=None)
    text = sheet.text
    rows: list[tuple[str, list[object]]] = []  # ("header" | "wide" | "row", cells), built first for the notes
    rows.append(("header", ["Profile", "Method", "Currency", "Source"]))
    rows.append(("row", [text(profile.name), text(profile.method), text(profile.currency.base), text(result.source)]))
    if result.filtered is not None:
        rows += [("row", []), ("header", ["Filter (where)", "Rows kept", "Rows left out"])]
        rows += [("row", [text(expression)]) for expression in result.filtered.where]
        rows.append(("row", [text("all of them"), result.filtered.kept, result.filtered.left_out]))
    if result.joined is not None:
        rows += [("row", []), ("row", [text(result.joined.summary())])]
    rows += [("row", []), ("header", ["Criterion", "Label", "Kind", "Column", "Weight", "Share", "Better", "Best",
                                      "Worst", "Target", "Min", "Max", "Missing"])]  # fmt: skip
    weights = profile.weights
    for c in profile.criteria:
        rows.append(
            ("row", [text(c.key), text(c.label), text(c.kind), text(result.columns.get(c.key)), text(c.weight),
                     sheet.number(weights[c.key], "0.0%"), text(c.better), text(c.best), text(c.worst),
                     text(c.target), text(c.min), text(c.max), text(c.missing)])
        )  # fmt: skip
    rows += [("row", []), ("header", ["Profile as TOML", "save it as profile.toml to reproduce this ranking"])]
    rows += [("row", [text(line)]) for line in profile.to_toml().splitlines()]
    notes = notices + cleaning.notices()
    if notes:
        rows[2:2] = [("row", []), ("wide", ["Notes"])] + [("row", [text(note)]) for note in notes]
    for kind, cells in rows:
        if kind != "row":
            sheet.header(cells, wrap=kind == "header")  # type: ignore[arg-type]
        else:
            sheet.append(cells)

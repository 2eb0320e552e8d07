"""The Excel report: Ranking (with formats, colour scales, data bars and a chart of the top 15), Value
(the cost frontier and a chart of score against cost), Sensitivity, Stability and Reversals (when
asked for), Excluded, Issues and Profile sheets. Written with xlsxwriter in ``constant_memory`` mode:
rows stream to disk as they are written, and the long tables go in whole columns, a row at a time
through the writer's own fast path, each column's number format set once on the column.

Every sheet prints landscape, one page wide, with its header row on each page. Text from the user's
sheet or profile is always written as text (``excel_layout.Sheet.text``): a name such as
``=HYPERLINK(...)`` stays a string and never becomes a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..errors import ProgramscoreError
from ..unknowns import IMPUTED_NOTE
from .excel_charts import rank_chart, ranking_chart, value_chart
from .excel_layout import (
    CHART_BELOW,
    EXCEL_ROWS,
    Book,
    Cell,
    Cleaning,
    Sheet,
    integer_column,
    number_column,
    place_chart,
    text_width,
)
from .text import top_rows

if TYPE_CHECKING:
    from ..result import Ranking
    from ..sensitivity import Sensitivity
    from . import Options

CHART_PROGRAMMES = 15
BLOCK_ROWS = 65_536  # rows of the Ranking sheet turned into cells at a time
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
IMPUTED = {"italic": True, "font_color": "#C55A11", "num_format": "0.0"}
IMPUTED_HEADER_NOTE = "In italic orange: " + IMPUTED_NOTE.lstrip("* ")


def xlsx(result: Ranking, options: Options) -> bytes:
    n = top_rows(result, options)
    if n >= EXCEL_ROWS:
        raise ProgramscoreError(
            f"a workbook sheet holds at most {EXCEL_ROWS - 1:,} programmes and this ranking has {n:,}: "
            "give --top N, or write CSV"
        )
    book = Book()
    try:  # on Ctrl-C or an error the half-written sheets go quietly, their temporary files and all
        _write(book, result, options, n)
        return book.close()
    finally:
        book.discard()


def _write(book: Book, result: Ranking, options: Options, n: int) -> None:
    cleaning = Cleaning()
    headers = _ranking_sheet(book, cleaning, result, options, n)
    if result.total_cost is not None:
        _value_sheet(book, cleaning, result, headers, n)
    notices = list(result.notices)
    if options.sensitivity is not None:
        _sensitivity_sheets(book, cleaning, options.sensitivity, options)
        notices += [note for note in options.sensitivity.notices if note not in notices]
    _excluded_sheet(book, cleaning, result)
    _issues_sheet(book, cleaning, result)
    _profile_sheet(book, cleaning, result, notices)


def ranking_headers(result: Ranking) -> list[str]:
    """The Ranking sheet's headers: rank, name, row, score, points and value per criterion, costs."""
    criteria = result.profile.criteria
    base = result.profile.currency.base
    units = {"money": base, "duration": "months", "percent": "%"}
    return (
        ["Rank", "Programme", "Sheet row", "Score"]
        + [f"{c.label} (points)" for c in criteria]
        + [f"{c.label} ({units[c.kind]})" if c.kind in units else f"{c.label} (value)" for c in criteria]
        + ([f"Total cost ({base})", f"Points per 1,000 {base}"] if result.total_cost is not None else [])
        + ["Dominated by"]
    )


def _ranking_sheet(book: Book, cleaning: Cleaning, result: Ranking, options: Options, n: int) -> list[str]:
    """The Ranking sheet; its headers."""
    criteria = result.profile.criteria
    base = result.profile.currency.base
    k = len(criteria)
    costs = result.total_cost is not None
    headers = ranking_headers(result)
    dominators = result.dominator_names()[:n]
    names = [str(name) for name in result.names[:n]]
    widths = (
        [6, text_width(names, *NAME_WIDTH), 9, 9]
        + [10] * k
        + [13] * k
        + ([14, 12] if costs else [])
        + [text_width(dominators, 14, NAME_WIDTH[1])]
    )
    sheet = Sheet(book, "Ranking", cleaning, widths)
    ws = sheet.ws
    ws.freeze_panes("C2")
    first_points, first_value = 5, 5 + k
    points = result.contributions.to_numpy(dtype=float)[:n]
    imputed = np.asarray(result.imputed[:n], dtype=bool) & ~np.isnan(points)
    marked = np.flatnonzero(imputed.any(axis=0))
    sheet.header(headers, notes={first_points - 1 + int(j): IMPUTED_HEADER_NOTE for j in marked})
    values = result.values.loc[result.rows[:n], result.profile.keys].to_numpy(dtype=float) if n else np.empty((0, k))
    formats = [None, None, None, "0.00", *["0.0"] * k, *(VALUE_FORMATS[c.kind].format(base=base) for c in criteria)]
    formats += [VALUE_FORMATS["money"].format(base=base), "0.00", None] if costs else [None]
    chart_names: list = []
    for start in range(0, n, BLOCK_ROWS):  # a block of rows at a time: memory stays flat
        rows = slice(start, min(n, start + BLOCK_ROWS))
        (name_cells, dominator_cells), special = sheet.text_columns([names[rows], dominators[rows]],
                                                                    [1, len(headers) - 1])  # fmt: skip
        columns = [integer_column(result.ranks[rows]), name_cells, integer_column(result.rows[rows]),
                   number_column(result.scores[rows]), *(number_column(points[rows, j]) for j in range(k)),
                   *(number_column(values[rows, j]) for j in range(k))]  # fmt: skip
        if costs:
            per = np.asarray(result.value_for_money[rows], dtype=float)  # type: ignore[index]
            per_cells = np.asarray(number_column(per), dtype=object)
            per_cells[np.isinf(per)] = "free"
            columns += [number_column(result.total_cost[rows]), per_cells.tolist()]  # type: ignore[index]
        columns.append(dominator_cells)
        _mark_imputed(sheet, special, points[rows], imputed[rows])
        sheet.write_columns(columns, formats, special)
        chart_names = chart_names or name_cells[:CHART_PROGRAMMES]
    last_row = n + 1
    ws.autofilter(0, 0, n, len(headers) - 1)
    if n:
        bars = {"type": "data_bar", "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 100,
                "bar_color": "#5B9BD5", "data_bar_2010": False}  # fmt: skip
        ws.conditional_format(1, 3, n, 3, bars)
        ws.conditional_format(1, first_points - 1, n, first_value - 2,
                              {"type": "2_color_scale", "min_type": "min", "min_color": "#FFFFFF", "max_type": "max",
                               "max_color": "#63BE7B"})  # fmt: skip
        if n > CHART_BELOW:  # the chart sits beside a long table, and is left out of its printout
            ws.print_area(0, 0, last_row - 1, len(headers) - 1)
        shown = min(n, CHART_PROGRAMMES)
        chart = ranking_chart(book.workbook, "Ranking", sheet.headers[0], chart_names[:shown], points[:shown],
                              first_points)  # fmt: skip
        place_chart(sheet, chart, len(headers) + 2)
    return headers


def _mark_imputed(sheet: Sheet, special: dict[int, list], points: np.ndarray, imputed: np.ndarray) -> None:
    """Points earned from an imputed value: italic and orange (their column's header has a note
    that says so: one note a column, as thousands of notes on cells slow a spreadsheet down)."""
    style = sheet.book.format(**IMPUTED)
    for i, j in np.argwhere(imputed).tolist():
        special.setdefault(i, []).append((4 + j, Cell(float(points[i, j]), style)))


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


def _programme_rows(sheet: Sheet, result: Ranking, rows: np.ndarray, money: str) -> None:
    """Name, total cost and score of the programmes at ``rows``, one a line."""
    picked = result.names[np.asarray(rows, dtype=np.int64)]  # one take, not an element at a time
    (names,), special = sheet.text_columns([[str(name) for name in picked]], [0])
    costs = result.total_cost
    assert costs is not None
    sheet.write_columns([names, number_column(costs[rows]), number_column(result.scores[rows])], [None, money, "0.00"],
                        special)  # fmt: skip


def _value_sheet(book: Book, cleaning: Cleaning, result: Ranking, ranking_headers: list[str], n: int) -> None:
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
    sheet = Sheet(book, "Value", cleaning, [text_width([str(names[i]) for i in front], *NAME_WIDTH), 14, 9, 3])
    sheet.ws.freeze_panes("A2")
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
    _programme_rows(sheet, result, shown_front, money)
    if len(shown_front) < len(front):
        sheet.append([sheet.text(f"… and {len(front) - len(shown_front):,} more: the sheet is full")])
    frontier = ("Value", 2, len(shown_front) + 1, costs[shown_front], result.scores[shown_front])

    def block(title: str, rows: np.ndarray) -> tuple[int, int]:
        sheet.append([])
        sheet.header([title, f"Total cost ({base})", "Score"])
        first = sheet.rows + 1
        _programme_rows(sheet, result, rows, money)
        return first, sheet.rows

    if front_drawn is not None:
        frontier = ("Value", *block("Frontier points in the chart", front_drawn), costs[front_drawn],
                    result.scores[front_drawn])  # fmt: skip
    if not n or not len(priced):
        return
    if drawn is not None:
        first, last = block("Programmes in the chart (an even sample, by rank)", drawn)
        everyone = ("Value", 3, 2, first, last, costs[drawn], result.scores[drawn])
    else:
        cost_column = ranking_headers.index(f"Total cost ({base})") + 1
        everyone = ("Ranking", 4, cost_column, 2, n + 1, costs[:n], result.scores[:n])
    for note in notes:
        sheet.append([sheet.text(note)])
    shown = priced if drawn is None else drawn
    chart = value_chart(
        book.workbook,
        everyone,
        frontier,  # type: ignore[arg-type]
        (float(np.min(costs[shown])), float(np.max(costs[shown]))),
        (float(np.min(result.scores[shown])), float(np.max(result.scores[shown]))),
        base,
    )
    sheet.ws.insert_chart(1, 4, chart.chart)


def _sensitivity_sheets(book: Book, cleaning: Cleaning, analysis: Sensitivity, options: Options) -> None:
    """Acceptability per programme, with a chart of each one's 5-95% range of ranks; then a Stability
    sheet (how far each weight may move) and, when computed, a Reversals sheet."""
    frame = analysis.programmes if options.top is None else analysis.programmes.iloc[: options.top]
    names = [str(name) for name in frame["name"]]
    sheet = Sheet(book, "Sensitivity", cleaning, [6, text_width(names, *NAME_WIDTH), 9, 9, 9, 9, 9, 9, 2, 9])
    sheet.ws.freeze_panes("C2")
    k = analysis.top
    sheet.header(["Rank", "Programme", "Score", "P(first)", f"P(top {k})", "Median rank", "Rank 5%", "Rank 95%", "",
                  "Range"])  # fmt: skip
    (name_cells,), special = sheet.text_columns([names], [1])
    low, high = integer_column(frame["rank_p5"]), integer_column(frame["rank_p95"])
    span = integer_column(frame["rank_p95"] - frame["rank_p5"] + 1)  # blank where the percentiles are
    sheet.write_columns(
        [integer_column(frame["rank"]), name_cells, number_column(frame["score"]), number_column(frame["p_first"]),
         number_column(frame["p_top"]), integer_column(frame["median_rank"]), low, high, [None] * len(names), span],
        [None, None, "0.00", "0.0%", "0.0%", None, None, None, None, None],
        special,
    )  # fmt: skip
    shown = len(frame)
    if shown:
        programmes = min(shown, CHART_PROGRAMMES * 2)
        title = f"Ranks in 90% of {analysis.samples:,} weight samples ({analysis.described_spread})"
        if programmes < shown:
            title += f": the first {programmes}"
        worst = int(frame["rank_p95"].iloc[:programmes].max())
        if shown > CHART_BELOW:
            sheet.ws.print_area(0, 0, shown, 9)
        chart = rank_chart(book.workbook, "Sensitivity", name_cells[:programmes], low[:programmes],
                           span[:programmes], worst, title)  # fmt: skip
        place_chart(sheet, chart, 12)
    stability = Sheet(book, "Stability", cleaning, [text_width([s.key for s in analysis.stability], 12, 30), 11, 11,
                      9, *[text_width([s.below for s in analysis.stability] + [s.above for s in analysis.stability],
                                      14, NAME_WIDTH[1])] * 2])  # fmt: skip
    stability.ws.freeze_panes("B2")
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
        sheet = Sheet(book, "Reversals", cleaning, [width, width, width, 10, 10])
        sheet.ws.freeze_panes("A2")
        sheet.header(["Left out", "Was ahead", "Now ahead", "Gap before", "Gap after"])
        for row in reversals.iloc[: sheet.room - 2].itertuples(index=False):
            sheet.append(
                [sheet.text(row.left_out), sheet.text(row.was_ahead), sheet.text(row.now_ahead),
                 sheet.number(row.gap_before, "0.00"), sheet.number(row.gap_after, "0.00")]
            )  # fmt: skip
        _more(sheet, len(reversals), sheet.rows - 1, "reversals")


def _excluded_sheet(book: Book, cleaning: Cleaning, result: Ranking) -> None:
    excluded = result.excluded
    reasons = ["; ".join(r) for r in excluded["reasons"]]
    names = [str(name) for name in excluded["name"]]
    sheet = Sheet(book, "Excluded", cleaning, [text_width(names, *NAME_WIDTH), 9, text_width(reasons, 20, 80)])
    sheet.ws.freeze_panes("A2")
    sheet.header(["Programme", "Sheet row", "Reasons"])
    written = min(len(names), sheet.room - 1)
    (name_cells, reason_cells), special = sheet.text_columns([names[:written], reasons[:written]], [0, 2])
    sheet.write_columns([name_cells, integer_column(excluded["row"][:written]), reason_cells], [None] * 3, special)
    _more(sheet, len(names), written, "excluded programmes")


def _issues_sheet(book: Book, cleaning: Cleaning, result: Ranking) -> None:
    columns = ["sheet", "cell", "row", "column", "value", "severity", "message"]
    issues = result.issues[columns]
    widths = [text_width(issues["sheet"], 8, 24), 8, 8, text_width(issues["column"], 10, 30),
              text_width(issues["value"], 10, 40), 10, text_width(issues["message"], 20, 80)]  # fmt: skip
    sheet = Sheet(book, "Issues", cleaning, widths)
    sheet.ws.freeze_panes("A2")
    sheet.header(["Sheet", "Cell", "Row", "Column", "Value", "Severity", "Message"])
    written = min(len(issues), sheet.room - 1)
    shown = issues.iloc[:written]
    cells, special = sheet.text_columns([shown[c].to_numpy(dtype=object) for c in columns], list(range(len(columns))))
    sheet.write_columns(cells, [None] * len(columns), special)
    _more(sheet, len(issues), written, "issues (`programscore check` lists them all)")
    if written:
        sheet.ws.autofilter(0, 0, written, len(columns) - 1)


def _more(sheet: Sheet, total: int, written: int, what: str) -> None:
    if written < total:
        rows = sheet.rows + sheet.room  # what a sheet holds
        sheet.append([sheet.text(f"… and {total - written:,} more {what}: a sheet holds {rows:,} rows")])


def _profile_sheet(book: Book, cleaning: Cleaning, result: Ranking, notices: list[str]) -> None:
    """The profile, the filters and the join, the notes (what reading, scoring and writing this
    workbook said), the criteria, and the profile as TOML."""
    profile = result.profile
    # several tables, one under another: no header row repeats on each page
    sheet = Sheet(book, "Profile", cleaning, [16, 22, 10, 22, 9, 9, 8, 9, 9, 9, 9, 9, 9], title_rows=False)
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

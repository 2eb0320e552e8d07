"""Text reports: table, CSV, TSV, JSON and Markdown."""

from __future__ import annotations

import json as json_module
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import pandas as pd

from .. import kernels
from ..unknowns import IMPUTED_NOTE, imputed_labels, interval_frames, marked_points
from . import robustness

if TYPE_CHECKING:
    from ..result import Ranking
    from . import Options

# A spreadsheet program runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: object) -> object:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def top_rows(result: Ranking, options: Options) -> int:
    return len(result.names) if options.top is None else min(options.top, len(result.names))


def points_frame(result: Ranking, options: Options) -> pd.DataFrame:
    """What a text table shows: rank, name, score, points per criterion, total cost, points per
    1,000 of it, and the rank of a programme that dominates this one."""
    n = top_rows(result, options)
    table = result.table.iloc[:n].copy()
    if "total_cost" in table:
        table["total_cost"] = [_money(c) for c in table["total_cost"]]
        table["per_1000"] = [_per_1000(v) for v in table["per_1000"]]
        table = table.rename(columns={"total_cost": "total cost", "per_1000": "per 1k"})
    table["dominated_by"] = [f"#{result.ranks[d]}" if d >= 0 else "" for d in result.dominated_by[:n]]
    for key, points in marked_points(result, n).items():  # a point from an imputed value carries a mark
        table[key] = points
    return table.rename(columns={"dominated_by": "dominated by"})


def _money(value: float) -> str:
    return "" if np.isnan(value) else f"{value:,.0f}"


def _per_1000(value: float) -> str:
    if np.isnan(value):
        return ""
    return "free" if np.isinf(value) else f"{value:.2f}"


def footer(result: Ranking, options: Options) -> list[str]:
    weights = ", ".join(f"{key} {share * 100:.3g}%" for key, share in result.profile.weights.items())
    shown = top_rows(result, options)
    lines = [f"{result.method} (profile {result.profile.name!r}); weights: {weights}"]
    if result.filtered is not None:
        lines.append(result.filtered.summary())
    if result.joined is not None:
        lines.append(result.joined.summary())
    counted = f"{result.ranked_count} ranked"
    if shown < result.ranked_count:
        counted = f"{shown} of {result.ranked_count} ranked shown"
    errors = int((result.issues["severity"] == "error").sum())
    lines.append(
        f"{counted}, {len(result.excluded)} excluded, {len(result.issues)} cell issue(s) ({errors} error(s))"
        + ("; see `programscore check`" if len(result.issues) else "")
    )
    lines.extend(f"note: {n}" for n in result.notices)
    if result.imputed[:shown].any():
        lines.append(IMPUTED_NOTE)
    if result.unknown is not None and (result.dominated[:shown] & result.unknown[:shown].any(axis=1)).any():
        lines.append("dominated by: decided on known values (a programme's unknowns count at their best)")
    return lines


def _tabulate(frame: pd.DataFrame, tablefmt: str) -> str:
    from tabulate import tabulate

    text_columns = [
        j for j, column in enumerate(frame.columns) if not pd.api.types.is_numeric_dtype(frame[column]) and j != 1
    ]
    return tabulate(
        frame,
        headers="keys",
        showindex=False,
        tablefmt=tablefmt,
        floatfmt=["g", "", ".2f"] + [".1f"] * (len(frame.columns) - 3),
        disable_numparse=text_columns,
        colalign=["right", "left"] + ["right"] * (len(frame.columns) - 2),
    )


def table(result: Ranking, options: Options) -> str:
    if options.sensitivity is not None:
        return robustness.table(options.sensitivity, options)
    body = _tabulate(points_frame(result, options), options.tablefmt)
    return body + "\n\n" + "\n".join(footer(result, options)) + "\n"


def export_columns(result: Ranking, options: Options) -> dict[str, object]:
    """The columns of the CSV/TSV export: points and parsed values per criterion, total cost, points
    per 1,000 of it, and the programme that dominates this one."""
    return export_pieces(result, options)(0, top_rows(result, options))


def export_pieces(result: Ranking, options: Options) -> Callable[[int, int], dict[str, object]]:
    """A function giving the export's columns for ranked programmes ``start`` to ``stop``, so a big
    export is built piece by piece and never holds a second copy of the ranking."""
    import pyarrow as pa

    n = top_rows(result, options)
    keys = result.profile.keys
    names = text_array(result.names)
    weights = np.array([c.weight for c in result.profile.criteria], dtype=np.float64)
    share = kernels.point_shares(weights)  # as kernels.weighted_sum: the same products, digit for digit
    normalised = result.normalised.to_numpy(dtype=np.float64)
    values = [result.values[key].to_numpy(dtype=np.float64) for key in keys]
    positions = result.values.index.get_indexer(result.rows[:n])
    criteria = result.profile.criteria
    # without living costs or earnings forgone, the total cost is the money criterion's value, a column already
    total = result.profile.costs.per_month > 0 and not any(c.kind == "money" and c.total for c in criteria)

    points = result.contributions.to_numpy() if result.left_out is not None else None  # renormalised shares
    imputed, unknown = imputed_labels(result), result.unknown_counts
    low, high = interval_frames(result)
    ranged = [] if low is None else [j for j in range(len(keys)) if np.isfinite(low[:n, j]).any()]

    def piece(start: int, stop: int) -> dict[str, object]:
        part = slice(start, min(stop, n))
        columns: dict[str, object] = {
            "rank": result.ranks[part],
            "name": names.slice(part.start, part.stop - part.start),
            "row": result.rows[part],
            "score": result.scores[part],
        }
        for j, key in enumerate(keys):
            columns[f"{key} points"] = normalised[part, j] * share[j] if points is None else points[part, j]
        for j, key in enumerate(keys):
            columns[f"{key} value"] = values[j][positions[part]]
        for j in ranged:  # both ends of a range, for the criteria where a cell gave one
            columns[f"{keys[j]} low"], columns[f"{keys[j]} high"] = low[part, j], high[part, j]  # type: ignore[index]
        if result.total_cost is not None:
            cost = result.total_cost[part]
            if total:
                columns["total cost"] = cost
            with np.errstate(divide="ignore", invalid="ignore"):
                per_1000 = np.where(cost > 0, result.scores[part] / (cost / 1000.0), np.nan)  # free: no figure
            columns["points per 1000"] = np.where(np.isnan(cost), np.nan, per_1000)
        above = result.dominated_by[part]
        columns["dominated by"] = names.take(pa.array(above, mask=above < 0))
        columns["imputed"], columns["unknown"] = text_array(imputed[part]), unknown[part]
        return columns

    return piece


def text_array(values: object):  # -> pyarrow.LargeStringArray; None and NaN become empty cells
    import pyarrow as pa

    if isinstance(values, pa.Array):
        return values
    if isinstance(values, pd.api.extensions.ExtensionArray):
        return pa.array(values, pa.large_string())  # Arrow-backed names: no copy
    return pa.array(np.asarray(values, dtype=object), pa.large_string(), from_pandas=True)


def escape_formulas(values: object):  # -> pyarrow.LargeStringArray
    """Text that a spreadsheet would run as a formula gets a leading apostrophe, so it stays text
    (``escape_formula`` over a whole column at once)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = text_array(values)
    risky = pc.match_substring_regex(text, "^[=+\\-@\t\r]")
    if not pc.any(risky).as_py():
        return text
    apostrophe = pa.scalar("'", pa.large_string())
    return pc.if_else(risky, pc.binary_join_element_wise(apostrophe, text, pa.scalar("", pa.large_string())), text)


def write_delimited(
    columns: dict[str, object] | Callable[[int, int], dict[str, object]],
    delimiter: str,
    out: BinaryIO | None = None,
    rows: int | None = None,
) -> bytes:
    """CSV/TSV through Arrow's writer: strings quoted, numbers as the shortest text that reads back
    the same, empty cells for missing values; far faster than pandas on numbers.

    ``columns`` are whole columns, or a function giving the columns of rows ``start`` to ``stop`` of
    ``rows`` (so a big export is built piece by piece). Written into ``out`` when given (and b""
    returned), else returned."""
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    if not callable(columns):
        whole = _arrow_table(columns)
        rows = whole.num_rows

        def part(start: int, stop: int):  # -> pyarrow.Table
            return whole.slice(start, stop - start)
    else:
        pieces = columns

        def part(start: int, stop: int):  # -> pyarrow.Table
            return _arrow_table(pieces(start, stop))

    if out is None:
        sink = pa.BufferOutputStream()
        arrow_csv.write_csv(part(0, rows or 0), sink, arrow_csv.WriteOptions(delimiter=delimiter))
        return sink.getvalue().to_pybytes()
    _write_in_pieces(part, rows or 0, delimiter, out)
    return b""


def _arrow_table(columns: dict[str, object]):  # -> pyarrow.Table
    import pyarrow as pa

    arrays = {}
    for name, column in columns.items():
        if isinstance(column, pa.Array | pa.ChunkedArray):
            arrays[str(name)] = column
        else:
            values = np.asarray(column)
            kind = pa.large_string() if values.dtype == object else None
            arrays[str(name)] = pa.array(values, kind, from_pandas=True)
    return pa.table(arrays)


PIECE_ROWS = 16_384


def _write_in_pieces(part: Callable, rows: int, delimiter: str, out: BinaryIO) -> None:
    """Write ``rows`` rows as CSV in pieces (``part(start, stop)`` gives each as an Arrow table),
    formatted on every processor the process may use (Arrow formats without holding Python's lock)
    and written in order; a few pieces are in memory at a time. Formatting numbers is most of the
    cost of a big export."""
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    def piece(start: int):  # -> pyarrow.Buffer
        sink = pa.BufferOutputStream()
        options = arrow_csv.WriteOptions(delimiter=delimiter, include_header=start == 0)
        arrow_csv.write_csv(part(start, min(start + PIECE_ROWS, rows)), sink, options)
        return sink.getvalue()

    starts = list(range(0, max(rows, 1), PIECE_ROWS))
    workers = min(len(_processors()), 4, len(starts))
    if workers <= 1:
        for start in starts:
            out.write(piece(start))
        return
    with ThreadPoolExecutor(workers) as pool:
        pending = [pool.submit(piece, start) for start in starts[:workers]]
        for start in starts[workers:] + [None] * workers:
            out.write(pending.pop(0).result())
            if start is not None:
                pending.append(pool.submit(piece, start))


def _processors() -> set[int]:
    import os

    try:
        return os.sched_getaffinity(0)
    except AttributeError:  # not on Linux
        return set(range(os.cpu_count() or 1))


def _delimited(result: Ranking, options: Options, delimiter: str, out: BinaryIO | None = None) -> bytes:
    if options.sensitivity is not None:
        return robustness.delimited(options.sensitivity, options, delimiter, out)

    columns_of = export_pieces(result, options)

    def piece(start: int, stop: int) -> dict[str, object]:
        columns = columns_of(start, stop)
        if options.escape:
            for column in ("name", "dominated by"):
                columns[column] = escape_formulas(columns[column])
        return columns

    return write_delimited(piece, delimiter, out, rows=top_rows(result, options))


def csv(result: Ranking, options: Options) -> bytes:
    return _delimited(result, options, ",")


def tsv(result: Ranking, options: Options) -> bytes:
    return _delimited(result, options, "\t")


def write_csv(result: Ranking, options: Options, out: BinaryIO) -> None:
    _delimited(result, options, ",", out)


def write_tsv(result: Ranking, options: Options, out: BinaryIO) -> None:
    _delimited(result, options, "\t", out)


def json(result: Ranking, options: Options) -> str:
    data = result.to_dict()
    data["ranking"] = data["ranking"][: top_rows(result, options)]
    if options.sensitivity is not None:
        data["sensitivity"] = options.sensitivity.to_dict()
    return json_module.dumps(data, indent=2, ensure_ascii=False, default=_plain) + "\n"


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def markdown(result: Ranking, options: Options) -> str:
    if options.sensitivity is not None:
        return robustness.markdown(options.sensitivity, options)
    frame = points_frame(result, options).copy()
    frame["name"] = frame["name"].map(lambda n: str(n).replace("|", "\\|"))
    body = _tabulate(frame, "pipe")
    lines = [f"# Ranking: profile {result.profile.name}", "", body, ""]
    lines.extend(f"- {line}" for line in footer(result, options))
    if len(result.excluded):
        lines += ["", "## Excluded", ""]
        for name, row, reasons in result.excluded[["name", "row", "reasons"]].itertuples(index=False):
            lines.append(f"- {name} (row {row}): {'; '.join(reasons)}")
    return "\n".join(lines) + "\n"

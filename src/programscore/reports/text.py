"""Text reports: table, CSV, TSV, JSON and Markdown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import pandas as pd

from .. import kernels
from ..unknowns import IMPUTED_NOTE, imputed_labels, interval_frames, marked_points
from . import robustness
from .plain import markdown_text

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


def shown_count(result: Ranking, shown: int) -> str:
    """``21 ranked``, ``5 shown of 21 ranked``, ``7 shown of 21 ranked (14 dominated hidden)``."""
    counted = f"{result.ranked_count} ranked"
    if shown < result.ranked_count:
        counted = f"{shown} shown of {counted}"
    if result.hidden_dominated:
        counted += f" ({result.hidden_dominated} dominated hidden)"
    return counted


def footer(result: Ranking, options: Options) -> list[str]:
    weights = ", ".join(f"{key} {share * 100:.3g}%" for key, share in result.profile.weights.items())
    shown = top_rows(result, options)
    lines = [f"{result.method} (profile {result.profile.name!r}); weights: {weights}"]
    if result.filtered is not None:
        lines.append(result.filtered.summary())
    if result.joined is not None:
        lines.append(result.joined.summary())
    counted = shown_count(result, shown)
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
        j for j, column in enumerate(frame.columns) if not pd.api.types.is_numeric_dtype(frame[column])
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
                per_1000 = np.where(cost > 1e-9, result.scores[part] / (cost / 1000.0), np.nan)  # free: no figure
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
    escape: bool = False,
) -> bytes:
    """CSV/TSV through Arrow's writer: strings quoted, numbers as the shortest text that reads back
    the same, empty cells for missing values; far faster than pandas on numbers.

    ``columns`` are whole columns, or a function giving the columns of rows ``start`` to ``stop`` of
    ``rows`` (so a big export is built piece by piece). Written into ``out`` when given (and b""
    returned), else returned. Floats are rounded to ``SIGNIFICANT_DIGITS``; with ``escape``, every
    header and text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    if not callable(columns):
        whole = _arrow_table(columns, escape)
        rows = whole.num_rows

        def part(start: int, stop: int):  # -> pyarrow.Table
            return whole.slice(start, stop - start)
    else:
        pieces = columns

        def part(start: int, stop: int):  # -> pyarrow.Table
            return _arrow_table(pieces(start, stop), escape)

    if out is None:
        sink = pa.BufferOutputStream()
        arrow_csv.write_csv(part(0, rows or 0), sink, arrow_csv.WriteOptions(delimiter=delimiter))
        return sink.getvalue().to_pybytes()
    _write_in_pieces(part, rows or 0, delimiter, out)
    return b""


SIGNIFICANT_DIGITS = 10  # what the data supports: no figure in a sheet is known to more
_POWERS_OF_TEN = 10.0 ** np.arange(23.0)  # the same doubles as 10.0 ** k, looked up


def significant(values: np.ndarray, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Floats rounded to ``digits`` significant digits, each the double nearest to its rounded decimal
    (so the shortest text that reads back the same is that decimal: ``0.9529``, not
    ``0.9529000000000001``). Whole columns at once; NaN and inf stay as they are, numbers from 1e32
    too (no power of ten that large is exact), and below 1e-13 at most 22 decimal places are kept
    (a figure that small is rounding noise; below 5e-23 it becomes 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        exponent = np.floor(np.log10(np.abs(values)))
    shift = np.where(np.isfinite(exponent), digits - 1 - exponent, 0.0)
    if shift.min(initial=0.0) >= 0:  # the usual column, no value of 1e10 or more: one rounding, in place
        scale = _POWERS_OF_TEN[np.minimum(shift, 22).astype(np.intp)]
        with np.errstate(invalid="ignore", over="ignore"):
            out = values * scale
            np.round(out, out=out)
            out /= scale
        return out
    scale = 10.0 ** np.minimum(np.abs(shift), 22)  # powers of ten up to 1e22 are exact doubles
    with np.errstate(invalid="ignore", over="ignore"):
        # one correctly rounded division (or product) by an exact power of ten: the nearest double
        up = np.round(values * scale) / scale
        down = np.round(values / scale) * scale
    return np.where(shift >= 0, up, np.where(shift < -22, values, down))


def _arrow_table(columns: dict[str, object], escape: bool = False):  # -> pyarrow.Table
    import pyarrow as pa

    arrays = {}
    for name, column in columns.items():
        header = str(escape_formula(str(name)) if escape else name)
        if isinstance(column, pa.Array | pa.ChunkedArray):
            array = column
            if pa.types.is_floating(array.type):
                array = pa.array(significant(array.to_numpy(zero_copy_only=False)), from_pandas=True)
        else:
            values = np.asarray(column)
            if values.dtype.kind == "f":
                values = significant(values.astype(np.float64, copy=False))
            kind = pa.large_string() if values.dtype == object else None
            array = pa.array(values, kind, from_pandas=True)
        if escape and (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
            array = escape_formulas(array)
        arrays[header] = array
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

    pieces = export_pieces(result, options)
    return write_delimited(pieces, delimiter, out, rows=top_rows(result, options), escape=options.escape)


def csv(result: Ranking, options: Options) -> bytes:
    return _delimited(result, options, ",")


def tsv(result: Ranking, options: Options) -> bytes:
    return _delimited(result, options, "\t")


def write_csv(result: Ranking, options: Options, out: BinaryIO) -> None:
    _delimited(result, options, ",", out)


def write_tsv(result: Ranking, options: Options, out: BinaryIO) -> None:
    _delimited(result, options, "\t", out)


def markdown(result: Ranking, options: Options) -> str:
    if options.sensitivity is not None:
        return robustness.markdown(options.sensitivity, options)
    frame = points_frame(result, options).copy()
    frame["name"] = frame["name"].map(markdown_text)
    frame.columns = [markdown_text(c) for c in frame.columns]
    body = _tabulate(frame, "pipe")
    lines = [f"# Ranking: profile {markdown_text(result.profile.name)}", ""]
    if result.profile.description:
        lines += [markdown_text(result.profile.description), ""]
    verdict = robustness.verdict(result)
    if verdict:
        lines += [*(markdown_text(line) for line in verdict), ""]
    lines += [body, ""]
    lines.extend(f"- {markdown_text(line)}" for line in footer(result, options))
    if len(result.excluded):
        lines += ["", "## Excluded", ""]
        for name, row, reasons in result.excluded[["name", "row", "reasons"]].itertuples(index=False):
            lines.append(f"- {markdown_text(name)} (row {row}): {markdown_text('; '.join(reasons))}")
    return "\n".join(lines) + "\n"

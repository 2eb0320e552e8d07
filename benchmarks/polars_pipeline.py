"""programscore's job done with polars: the floor a hand-written dataframe pipeline sets.

    python benchmarks/polars_pipeline.py INPUT.csv OUTPUT.csv [--profile NAME|FILE]

It reads the CSV with polars (every cell as text), reads each criterion's cells with programscore's
own parsers run once per DISTINCT value (as programscore does), totals fees stated per year over the
length, normalises (fixed anchors where the profile has them, else min-max with the direction
inverted for costs), takes the weighted sum, ranks (competition ranking, scores within 1e-9 tied,
ties in input order), finds the programme that dominates each one (programscore's kernel: a polars
user would need the same algorithm) and writes the same columns as ``programscore score -o x.csv``
(points, parsed values, points per 1000, dominated by, imputed, unknown; floats to 10 significant
digits, text quoted). Its scores are bit-for-bit programscore's (the same floating-point operations in
the same order); ``benchmarks/run.py`` and the tests check that.

What it leaves out is what makes programscore a tool rather than a script: column matching by
aliases, the issues list (unreadable cells, far values, duplicate names), filters, exclusions,
missing-value policies other than "worst", ranges, joins and every other format. It handles the
weighted-sum profiles whose columns are found by their header and whose name columns are all present,
on sheets whose criterion cells all hold a value (a blank changes the dominance check, not handled here).
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import polars as pl

from programscore import kernels, load_profile
from programscore.parsing import PERIOD_MONTHS, parser_for
from programscore.parsing import _finite as finite_cell
from programscore.profiles import Profile
from programscore.reports.text import significant


def _column_for(criterion, headers: list[str]) -> str:
    by_header = {h.strip().lower(): h for h in headers}
    for alias in criterion.columns or [criterion.key]:
        if alias.lower() in by_header:
            return by_header[alias.lower()]
    raise SystemExit(f"no column for criterion {criterion.key!r}")


def _parsed(frame: pl.DataFrame, column: str, parse) -> tuple[pl.Series, pl.Series]:
    """(values, periods) of one column: the parser runs once per distinct cell."""
    distinct = frame.get_column(column).unique().drop_nulls()
    cells = [finite_cell(parse(value)) for value in distinct.to_list()]
    values = pl.Series([c.value for c in cells], dtype=pl.Float64)
    periods = pl.Series([PERIOD_MONTHS.get(c.period, np.nan) if c.period else np.nan for c in cells])
    cell = frame.get_column(column)
    return (
        cell.replace_strict(distinct, values, default=np.nan, return_dtype=pl.Float64),
        cell.replace_strict(distinct, periods, default=np.nan, return_dtype=pl.Float64),
    )


def _over(value: pl.Expr, constant: float, rows: int) -> pl.Expr:
    """``value / constant`` as IEEE division: polars divides by a scalar through its reciprocal (off in
    the last bit for a third of the values), but a column by a column exactly."""
    return value / pl.lit(pl.Series(np.full(rows, constant)))


def _normalised(value: pl.Expr, c, frame: pl.DataFrame, name: str) -> pl.Expr:
    """kernels.anchored / kernels.minmax as polars expressions (the same operations, in order)."""
    if c.best is not None and c.worst is not None:
        return _over(value - c.worst, c.best - c.worst, frame.height).clip(0.0, 1.0) + 0.0
    observed = frame.get_column(name).filter(frame.get_column(name).is_not_nan())
    low, high = observed.min(), observed.max()
    if low is None or low == high:
        return pl.when(value.is_nan()).then(np.nan).otherwise(1.0)
    scaled = _over(value - low, high - low, frame.height)
    return 1.0 - scaled if c.lower_is_better else scaled


def rank(path: str, profile: Profile) -> pl.DataFrame:
    """The ranked table, in rank order, with the columns of programscore's CSV export (unrounded)."""
    frame = pl.read_csv(path, infer_schema=False)
    headers = frame.columns
    names_from = [h for h in headers if h.strip().lower() in profile.name_columns]
    keys = profile.keys
    columns = {c.key: _column_for(c, headers) for c in profile.criteria}
    parsed: dict[str, pl.Series] = {}
    spans: dict[str, pl.Series] = {}
    for c in profile.criteria:
        parsed[c.key], spans[c.key] = _parsed(frame, columns[c.key], parser_for(c, profile, columns[c.key]))
    for c in profile.criteria:  # fees per year (semester, ...) times the length over the period's months
        length = profile.length_criterion(c) if c.kind == "money" else None
        if length is not None:
            per_time = spans[c.key].is_not_nan()
            total = parsed[c.key] * parsed[length.key] / spans[c.key]
            parsed[c.key] = pl.select(pl.when(per_time).then(total).otherwise(parsed[c.key])).to_series()
    table = pl.DataFrame(
        {
            "name": frame.select(pl.concat_str([pl.col(h) for h in names_from], separator=", ")).to_series(),
            "row": pl.int_range(2, frame.height + 2, eager=True),
            **{f"{k} value": parsed[k] for k in keys},
        }
    )
    share = kernels.point_shares(np.array([c.weight for c in profile.criteria], dtype=np.float64))
    normalised = [
        _normalised(pl.col(f"{c.key} value"), c, table, f"{c.key} value").fill_nan(0.0).alias(f"{c.key} n")
        for c in profile.criteria
    ]
    table = table.with_columns(normalised)
    points = [(pl.col(f"{k} n") * share[j]).alias(f"{k} points") for j, k in enumerate(keys)]
    table = table.with_columns(points)
    total = pl.lit(0.0)
    for k in keys:  # summed column by column from zero, as kernels.weighted_scores
        total = total + pl.col(f"{k} points")
    table = table.with_columns(total.alias("score")).with_row_index("position")
    # competition rank: by score, then a place per run of scores within the tolerance, ties in input order
    table = table.sort("score", descending=True, maintain_order=True)
    starts = (pl.col("score").shift(1) - pl.col("score") > kernels.TIE_TOLERANCE).fill_null(True)
    place = pl.when(starts).then(pl.int_range(pl.len())).otherwise(0).cum_max() + 1
    table = table.with_columns(place.alias("rank")).sort("rank", "position")
    matrix = np.column_stack([table.get_column(f"{k} n").to_numpy() for k in keys])
    above = kernels.dominators(np.asfortranarray(matrix), table.get_column("score").to_numpy())
    names = table.get_column("name")
    money = next((c.key for c in profile.criteria if c.kind == "money"), None)
    extra = {}
    if money is not None:
        cost = pl.col(f"{money} value")
        per_1000 = pl.col("score") / _over(cost, 1000.0, table.height)
        extra["points per 1000"] = (
            pl.when(cost.is_nan()).then(np.nan).when(cost > 1e-9).then(per_1000).otherwise(np.nan)
        )
    unknown = pl.sum_horizontal([pl.col(f"{k} value").is_nan().cast(pl.Int64) for k in keys])
    return table.select(
        "rank",
        "name",
        "row",
        "score",
        *[f"{k} points" for k in keys],
        *[f"{k} value" for k in keys],
        **extra,
        **{
            "dominated by": names.gather(pl.Series(above).set(pl.Series(above) < 0, 0)).set(pl.Series(above) < 0, None),
            "imputed": pl.lit(None, pl.String),
            "unknown": unknown,
        },
    )


def write(table: pl.DataFrame, out: str) -> None:
    """programscore's CSV: floats to 10 significant digits, NaN as an empty cell, text quoted."""
    rounded = table.with_columns(
        pl.Series(name, significant(table.get_column(name).to_numpy())).fill_nan(None)
        for name, kind in table.schema.items()
        if kind == pl.Float64
    )
    rounded.write_csv(out, quote_style="non_numeric")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--profile", default="article")
    args = parser.parse_args(argv)
    write(rank(args.input, load_profile(args.profile)), args.output)
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

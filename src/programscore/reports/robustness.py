"""Sensitivity reports in text form: the acceptability table, the stability intervals, the reversals."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

import pandas as pd

if TYPE_CHECKING:
    from ..sensitivity import Sensitivity
    from . import Options


def programmes_frame(analysis: Sensitivity, options: Options) -> pd.DataFrame:
    """rank, name, score, P(first), P(top K), median rank and the 5-95% range of ranks."""
    frame = analysis.programmes
    if options.top is not None:
        frame = frame.iloc[: options.top]
    return pd.DataFrame(
        {
            "rank": frame["rank"],
            "name": frame["name"],
            "score": frame["score"],
            "P(first)": frame["p_first"],
            f"P(top {analysis.top})": frame["p_top"],
            "median rank": frame["median_rank"],
            "ranks 5-95%": [
                f"{a}-{b}" if a != b else f"{a}" for a, b in zip(frame["rank_p5"], frame["rank_p95"], strict=True)
            ],
        }
    )


def stability_frame(analysis: Sensitivity) -> pd.DataFrame:
    rows = []
    for s in analysis.stability:
        rows.append(
            {
                "criterion": s.key,
                "weight now": f"{s.share:.1%}",
                "stays first from": f"{s.low:.1%}",
                "to": f"{s.high:.1%}",
                "first below": s.below or "-",
                "first above": s.above or "-",
            }
        )
    return pd.DataFrame(rows)


def headline(analysis: Sensitivity) -> str:
    drawn = analysis.drawn_cells
    data = f"; data: {analysis.described_data} ({drawn:,} cell(s))" if drawn else ""
    return (
        f"{analysis.samples:,} weight samples, {analysis.described_spread}{data}, seed {analysis.seed} "
        f"({analysis.ranking.method}, profile {analysis.ranking.profile.name!r})"
    )


def central_lines(analysis: Sensitivity) -> list[str]:
    """The SMAA-2 central weights and confidence factors, with a line saying what they are."""
    lines = analysis.central_lines()
    if not lines:
        return []
    return [
        "Central weights (the mean weights under which each programme comes first) and confidence factors "
        "(how often it comes first at those weights as the data is drawn):",
        *(f"  {line}" for line in lines),
    ]


def reversal_lines(analysis: Sensitivity) -> list[str]:
    if analysis.reversals is None:
        return []
    if analysis.reversals.empty:
        return ["Rank reversal: leaving out any one programme changes the order of no other pair."]
    lines = [f"Rank reversal: {len(analysis.reversals)} pair(s) change order when one programme is left out:"]
    for row in analysis.reversals.itertuples(index=False):
        lines.append(f"  without {row.left_out}: {row.now_ahead} moves ahead of {row.was_ahead}")
    return lines


def _floatfmt(frame: pd.DataFrame) -> list[str]:
    return ["g", "", ".2f", ".3f", ".3f"] + ["g"] * (len(frame.columns) - 5)


def table(analysis: Sensitivity, options: Options, tablefmt: str | None = None) -> str:
    from tabulate import tabulate

    fmt = tablefmt or options.tablefmt
    frame = programmes_frame(analysis, options)
    filtered = analysis.ranking.filtered
    parts = [
        headline(analysis),
        *([filtered.summary()] if filtered is not None else []),
        "",
        tabulate(frame, headers="keys", showindex=False, tablefmt=fmt, floatfmt=_floatfmt(frame),
                 disable_numparse=[len(frame.columns) - 1]),
        "",
        f"How far each weight can move, the others scaled in proportion, before {analysis.ranking.names[0]} "
        "loses first place:",
        tabulate(stability_frame(analysis), headers="keys", showindex=False, tablefmt=fmt, disable_numparse=True),
    ]  # fmt: skip
    central = central_lines(analysis)
    if central:
        parts += ["", *central]
    reversal = reversal_lines(analysis)
    if reversal:
        parts += ["", *reversal]
    return "\n".join(parts) + "\n"


def markdown(analysis: Sensitivity, options: Options) -> str:
    body = table(analysis, options, tablefmt="pipe")
    return f"# Sensitivity: profile {analysis.ranking.profile.name}\n\n{body}"


def delimited(analysis: Sensitivity, options: Options, delimiter: str, out: BinaryIO | None = None) -> bytes:
    from .text import escape_formulas, write_delimited

    frame = analysis.programmes if options.top is None else analysis.programmes.iloc[: options.top]
    top = f"p_top{analysis.top}"
    columns: dict[str, object] = {
        top if name == "p_top" else str(name): frame[name].to_numpy() for name in frame.columns
    }
    if options.escape:
        columns["name"] = escape_formulas(columns["name"])
    return write_delimited(columns, delimiter, out)

"""Sensitivity reports in text form: the acceptability table, the stability intervals, the reversals."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import pandas as pd

from .plain import markdown_text, one_line

if TYPE_CHECKING:
    from ..result import Ranking
    from ..sensitivity import Sensitivity
    from . import Options


def verdict(result: Ranking) -> list[str]:
    """The answer first: ``Best: <name> (91.5); next 87.9, 86.9``, and for weighted-sum (where the
    stability of first place is closed-form, so cheap) how far one weight must move to change it.
    Under --by value, the best value for money too."""
    if len(result.names) == 0:
        return []
    order = np.argsort(result.ranks, kind="stable")
    by_rank = result if (order == np.arange(len(order))).all() else result.select(order)
    scores, ranks = by_rank.scores, by_rank.ranks
    tied = int((ranks == ranks[0]).sum())
    if tied > 1:
        names = ", ".join(str(n) for n in by_rank.names[:tied])
        line = f"Best (tied): {names} ({scores[0]:.1f})"
    else:
        line = f"Best: {by_rank.names[0]} ({scores[0]:.1f})"
    following = scores[tied : tied + 2]
    if len(following):
        line += "; next " + ", ".join(f"{s:.1f}" for s in following)
    lines = [line]
    if result.method == "weighted-sum" and tied == 1 and len(scores) > 1:
        lines.append(first_place_margin(by_rank))
    if result.ordered_by == "value" and result.value_for_money is not None:
        value = result.value_for_money[0]
        if not np.isnan(value):
            figure = "free" if np.isinf(value) else f"{value:.2f} points per 1,000"
            lines.append(f"Best value for money: {result.names[0]} ({figure}; score {result.scores[0]:.1f})")
    return lines


def first_place_margin(ranking: Ranking) -> str:
    """How far one weight can move (the others scaled in proportion) before first place changes:
    the nearest end of the stability intervals, in percentage points."""
    from ..sensitivity import stability_intervals

    nearest = None
    for s in stability_intervals(ranking):
        for end, who in ((s.low, s.below), (s.high, s.above)):
            if who is not None and (nearest is None or abs(end - s.share) < nearest[0]):
                nearest = (abs(end - s.share), s, end, who)
    if nearest is None:
        return "First place holds whatever one weight is set to (the others scaled in proportion)."
    move, s, end, who = nearest
    direction = "down" if end < s.share else "up"
    return (
        f"First place holds unless a weight moves by more than {move * 100:.1f} points "
        f"({s.key} {direction} from {s.share:.1%} to {end:.1%} puts {who} first)."
    )


def programmes_frame(analysis: Sensitivity, options: Options) -> pd.DataFrame:
    """rank, name, score, P(first), P(top K), median rank and the 5-95% range of ranks."""
    frame = analysis.programmes
    if options.top is not None:
        frame = frame.iloc[: options.top]
    median: pd.Series = frame["median_rank"]
    if median.isna().any():  # percentiles computed for the first programmes only (see the notices)
        median = median.astype(object).where(median.notna(), "")
    return pd.DataFrame(
        {
            "rank": frame["rank"],
            "name": frame["name"],
            "score": frame["score"],
            "P(first)": frame["p_first"],
            f"P(top {analysis.top})": frame["p_top"],
            "median rank": median,
            "ranks 5-95%": [
                "" if a is pd.NA else f"{a}-{b}" if a != b else f"{a}"
                for a, b in zip(frame["rank_p5"], frame["rank_p95"], strict=True)
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


def table(
    analysis: Sensitivity, options: Options, tablefmt: str | None = None, clean: Callable[[object], str] = one_line
) -> str:
    """The sensitivity report as text; ``clean`` makes each piece of the data's text safe (one line
    for a terminal, escaped for Markdown)."""
    from tabulate import tabulate

    fmt = tablefmt or options.tablefmt
    frame = programmes_frame(analysis, options)
    frame["name"] = frame["name"].map(clean)
    frame.columns = [clean(c) for c in frame.columns]
    stability = stability_frame(analysis).map(clean)
    stability.columns = [clean(c) for c in stability.columns]
    filtered = analysis.ranking.filtered
    parts = [
        clean(headline(analysis)),
        *([clean(filtered.summary())] if filtered is not None else []),
        *(clean(f"note: {notice}") for notice in analysis.notices),
        "",
        tabulate(frame, headers="keys", showindex=False, tablefmt=fmt, floatfmt=_floatfmt(frame),
                 disable_numparse=[1, len(frame.columns) - 1]),
        "",
        clean(f"How far each weight can move, the others scaled in proportion, before {analysis.ranking.names[0]} "
              "loses first place:"),
        tabulate(stability, headers="keys", showindex=False, tablefmt=fmt, disable_numparse=True),
    ]  # fmt: skip
    central = central_lines(analysis)
    if central:
        parts += ["", clean(central[0]), *(f"  {clean(line.strip())}" for line in central[1:])]
    reversal = reversal_lines(analysis)
    if reversal:
        parts += ["", *(clean(line) for line in reversal)]
    return "\n".join(parts) + "\n"


def markdown(analysis: Sensitivity, options: Options) -> str:
    body = table(analysis, options, tablefmt="pipe", clean=markdown_text)
    return f"# Sensitivity: profile {markdown_text(analysis.ranking.profile.name)}\n\n{body}"


def delimited(analysis: Sensitivity, options: Options, delimiter: str, out: BinaryIO | None = None) -> bytes:
    from .text import write_delimited

    frame = analysis.programmes if options.top is None else analysis.programmes.iloc[: options.top]
    # the columns of the ranking's export first, in its order: rank, name, sheet row, score
    columns: dict[str, object] = {
        "rank": frame["rank"].to_numpy(),
        "name": frame["name"].to_numpy(),
        "row": analysis.ranking.rows[: len(frame)],
        "score": frame["score"].to_numpy(),
    }
    for name in frame.columns:
        if name not in columns:
            columns[f"p_top{analysis.top}" if name == "p_top" else str(name)] = frame[name].to_numpy()
    return write_delimited(columns, delimiter, out, escape=options.escape)

"""The HTML report: one self-contained page (inline CSS, SVG and script, no network).

The page embeds the normalised values as JSON; its inline script recomputes scores, ranks, bars,
stability and the value-for-money chart when a weight moves. Without scripts it is the static ranking."""

from __future__ import annotations

import base64
import hashlib
import json
import shlex
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from . import robustness
from .text import _money, _per_1000, shown_count, top_rows

if TYPE_CHECKING:
    from ..result import Ranking
    from . import Options

LIVE_LIMIT = 5000  # programmes embedded for live re-ranking (the best first)
PAGE_TOP = 500  # programmes the table shows unless --top says otherwise; the whole ranking is for CSV/JSON
SCATTER_POINTS = 1000  # points of the value chart beyond its cost frontier: an even sample of the rest
LISTED = 500  # excluded programmes and cell issues listed (`programscore check` lists every issue)

# Colour-blind-safe palette (Okabe & Ito), repeated if there are more criteria.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def context(result: Ranking, options: Options) -> dict:
    """What the template shows, all taken from the Ranking."""
    from .. import __version__
    from ..issues import issue_records

    profile = result.profile
    weights = profile.weights
    criteria = [
        {
            "key": c.key,
            "label": c.label,
            "kind": c.kind,
            "better": c.better,
            "column": result.columns.get(c.key),
            "share": f"{weights[c.key] * 100:.1f}%",
            "anchors": c.anchors_text(),
            "limits": c.limits_text() or "none",
            "missing": c.missing,
            "colour": PALETTE[j % len(PALETTE)],
        }
        for j, c in enumerate(profile.criteria)
    ]
    from ..unknowns import IMPUTED_NOTE

    shown = page_rows(result, options)
    points = _points(result, shown)
    scatter = _scatter(result)  # the chart, and the live page's copy of its geometry
    costs, value = result.total_cost, result.value_for_money
    imputed = result.imputed
    ranked = []
    for i in range(shown):
        x = 0.0
        segments = []
        for j, c in enumerate(criteria):
            width = max(0.0, float(points[i, j]))
            segments.append({"x": x, "width": width, "colour": c["colour"], "label": c["label"]})
            x += width
        above = int(result.dominated_by[i])
        ranked.append(
            {
                "rank": int(result.ranks[i]),
                "name": str(result.names[i]),
                "row": int(result.rows[i]),
                "score": float(result.scores[i]),
                "points": [float(p) for p in points[i]],
                "imputed": [bool(m) for m in imputed[i]],
                "segments": segments,
                "total_cost": None if costs is None else _money(costs[i]),
                "per_1000": None if value is None else _per_1000(value[i]),
                "dominated_by": None if above < 0 else {"rank": int(result.ranks[above]),
                                                        "name": str(result.names[above])},
            }
        )  # fmt: skip
    return {
        "sensitivity": _sensitivity(options, shown),
        "scatter": scatter,
        "version": __version__,
        "profile": profile,
        "method": result.method,
        "currency": profile.currency.base,
        "criteria": criteria,
        "labels": {c["key"]: c["label"] for c in criteria},
        "ranked": ranked,
        "imputed_note": IMPUTED_NOTE if imputed[: len(ranked)].any() else None,
        "shown": len(ranked),
        "total": len(result.names),
        "whole": _whole_ranking(result),
        "ranked_count": result.ranked_count,
        "counts": shown_count(result, len(ranked)),
        "verdict": robustness.verdict(result),
        "by_value": result.ordered_by == "value",
        "has_cost": costs is not None,
        "any_dominated": bool((result.dominated_by[: len(ranked)] >= 0).any()),
        "excluded": [
            {"name": str(n), "row": int(r), "reasons": list(reasons)}
            for n, r, reasons in result.excluded[["name", "row", "reasons"]].iloc[:LISTED].itertuples(index=False)
        ],
        "excluded_count": len(result.excluded),
        "issues": issue_records(result.issues.iloc[:LISTED]),
        "issue_count": len(result.issues),
        "notices": result.notices,
        "filtered": None if result.filtered is None else result.filtered.summary(),
        "joined": None if result.joined is None else result.joined.summary(),
        "source": result.source,
        "live": _live(result, criteria, len(ranked), scatter),
    }


def _live(result: Ranking, criteria: list[dict], shown: int, scatter: dict | None) -> dict:
    """The data of the live weights (JSON, escaped for a script element), or why there are none."""
    if result.full is not None or result.ordered_by == "value":
        why = ("this page shows a selection of the ranking (hidden dominated programmes or the value-for-money "
               "order), whose ranks the page cannot recompute from what it shows")
        return {"disabled": why}
    if len(result.names) == 0:
        return {"disabled": "no programme is ranked"}
    profile = result.profile
    n = min(len(result.names), max(shown, PAGE_TOP), LIVE_LIMIT)  # the table's programmes, or all of a small sheet
    normalised = result.normalised.to_numpy(dtype=np.float64)
    available = None if result.left_out is None else ~result.left_out
    if available is None:
        col_max, col_min = normalised.max(axis=0), normalised.min(axis=0)
    else:
        col_max = np.where(available, normalised, -np.inf).max(axis=0)
        col_min = np.where(available, normalised, np.inf).min(axis=0)
        col_max, col_min = np.where(np.isfinite(col_max), col_max, 0.0), np.where(np.isfinite(col_min), col_min, 0.0)
    weights = [float(c.weight) for c in profile.criteria]
    costs = result.total_cost
    dominated = [int(d) if d < n else -1 for d in result.dominated_by[:n]]
    command = [] if result.source is None else [result.source]
    from pathlib import Path

    from_file = bool(profile.source) and Path(str(profile.source)).is_file()  # a profile read from a file: its path
    command += ["-p", str(profile.source) if from_file else profile.name, "-m", result.method]
    data = {
        "method": result.method,
        "keys": list(profile.keys),
        "labels": [c["label"] for c in criteria],
        "colours": [c["colour"] for c in criteria],
        "weights": weights,
        "max": max(100.0, 2 * max(weights)) if max(weights) < 1e300 else max(weights),
        "names": [str(x) for x in result.names[:n]],
        "rows": [int(r) for r in result.rows[:n]],
        "input": np.argsort(np.argsort(result.rows[:n], kind="stable"), kind="stable").tolist(),
        "normalised": normalised[:n].tolist(),
        "available": None if available is None else available[:n].astype(int).tolist(),
        "colMax": col_max.tolist(),
        "colMin": col_min.tolist(),
        "imputed": result.imputed[:n].astype(int).tolist(),
        "cost": None if costs is None else [None if not np.isfinite(c) else float(c) for c in costs[:n]],
        "currency": profile.currency.base,
        "dominatedBy": dominated,
        "anyDominated": bool((result.dominated_by[:shown] >= 0).any()),
        "shown": shown,
        "tolerance": 1e-9,
        "stable": result.method == "weighted-sum" and result.left_out is None,
        "command": shlex.join(command),
        "scatter": None,
    }
    if scatter is not None and scatter["thinned"] is None and n == len(result.names):  # every point drawn
        known = np.flatnonzero(np.isfinite(costs)).tolist()
        box = scatter["box"]
        x = [box["left"] + (box["right"] - box["left"]) * float(c) / (float(costs[known].max()) or 1.0)
             if np.isfinite(c) else None for c in costs]  # fmt: skip
        data["scatter"] = {"known": known, "x": x, **box}
    try:
        text = json.dumps(data, allow_nan=False, separators=(",", ":"))
    except ValueError:  # values or weights at the float limits
        return {"disabled": "some values or weights are too large for the page's arithmetic"}
    return {
        "json": text.replace("<", "\\u003c"),
        "limited": n < len(result.names),
        "count": n,
        "stable": data["stable"],
        "scatter": data["scatter"] is not None,
    }


def page_rows(result: Ranking, options: Options) -> int:
    """Programmes the page's table shows: ``--top``, else the best ``PAGE_TOP``."""
    return top_rows(result, options) if options.top is not None else min(PAGE_TOP, len(result.names))


def _points(result: Ranking, n: int) -> np.ndarray:
    """The points of the first ``n`` programmes (as ``result.contributions``, not worked out for all)."""
    if n == len(result.names):
        return result.contributions.to_numpy(dtype=float)
    return result.select(np.arange(n)).contributions.to_numpy(dtype=float)


def _whole_ranking(result: Ranking) -> str:
    """The command that writes the whole ranking, for a page that shows part of it."""
    source = result.source if isinstance(result.source, str) and result.source != "-" else "FILE"
    return shlex.join(["programscore", "score", source, "-o", "ranked.csv"])


def live_script() -> str:
    """The page's script, its indentation and whole-line comments left out (it has no multi-line strings)."""
    text = (resources.files("programscore") / "reports" / "templates" / "live.js").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _sensitivity(options: Options, shown: int) -> dict | None:
    analysis = options.sensitivity
    if analysis is None:
        return None
    frame = analysis.programmes.iloc[:shown]
    frame = frame[frame["median_rank"].notna()]  # rank percentiles may be computed for the first only
    n = max(len(analysis.ranking.names), 1)
    rows = [
        {
            "rank": int(r.rank),
            "name": str(r.name),
            "score": float(r.score),
            "p_first": float(r.p_first),
            "p_top": float(r.p_top),
            "median": int(r.median_rank),
            "low": int(r.rank_p5),
            "high": int(r.rank_p95),
            # the range of ranks on a 0-100 axis (rank 1 at the left)
            "x": 100.0 * (int(r.rank_p5) - 1) / n,
            "width": max(100.0 * (int(r.rank_p95) - int(r.rank_p5) + 1) / n, 0.8),
            "mark": 100.0 * (int(r.median_rank) - 0.5) / n,
        }
        for r in frame.itertuples(index=False)
    ]
    return {
        "headline": f"{analysis.samples:,} weight samples, {analysis.described_spread}, seed {analysis.seed}"
        + (f"; data: {analysis.described_data} ({analysis.drawn_cells:,} cell(s))" if analysis.drawn_cells else "")
        + "".join(f"; note: {notice}" for notice in analysis.notices),
        "central": analysis.central_lines(),
        "top": analysis.top,
        "rows": rows,
        "stability": analysis.stability,
        "leader": str(analysis.ranking.names[0]),
        "reversals": None if analysis.reversals is None else analysis.reversals.to_dict("records"),
    }


def _scatter(result: Ranking) -> dict | None:
    """Score against total cost, in the coordinates of a 600 x 360 SVG, with the cost frontier."""
    if result.total_cost is None:
        return None
    costs = result.total_cost
    known = np.flatnonzero(np.isfinite(costs))
    if len(known) == 0:
        return None
    left, right, top, bottom = 70.0, 580.0, 20.0, 320.0
    high = float(costs[known].max()) or 1.0
    frontier = result.cost_frontier

    def x(cost: float) -> float:
        return left + (right - left) * cost / high

    def y(score: float) -> float:
        return bottom - (bottom - top) * score / 100.0

    drawn, thinned = _drawn(known, frontier)
    points = [
        {"x": x(costs[i]), "y": y(result.scores[i]), "name": str(result.names[i]), "cost": float(costs[i]),
         "score": float(result.scores[i]), "front": bool(frontier[i])}
        for i in drawn
    ]  # fmt: skip
    front = sorted((p for p in points if p["front"]), key=lambda p: p["cost"])
    ticks = [{"x": x(high * f), "label": f"{high * f:,.0f}", "anchor": "end" if f == 1 else "middle"}
             for f in (0, 0.25, 0.5, 0.75, 1)]  # fmt: skip
    return {
        "points": points,
        "line": " ".join(f"{p['x']:.1f},{p['y']:.1f}" for p in front),
        "front": front,
        "xticks": ticks,
        "yticks": [{"y": y(v), "label": str(v)} for v in (0, 25, 50, 75, 100)],
        "box": {"left": left, "right": right, "top": top, "bottom": bottom},
        "thinned": thinned,
    }


def _drawn(known: np.ndarray, frontier: np.ndarray) -> tuple[np.ndarray, str | None]:
    """The programmes the value chart draws, in rank order: all of them, or beyond ``SCATTER_POINTS``
    the cost frontier and an even sample of the rest (every k-th in rank order, so the same sheet
    always gives the same chart), with a sentence saying so."""
    rest = known[~frontier[known]]
    if len(known) <= SCATTER_POINTS or len(rest) <= SCATTER_POINTS:
        return known, None
    sample = rest[np.linspace(0, len(rest) - 1, SCATTER_POINTS).round().astype(np.int64)]
    front = known[frontier[known]]
    note = (
        f"The chart draws the {len(front):,} programme{'s' if len(front) != 1 else ''} of the frontier and an "
        f"even sample of {SCATTER_POINTS:,} of the other {len(rest):,} (spread evenly over the ranking, the "
        "same each time); every programme is in the CSV or JSON export."
    )
    return np.union1d(front, sample), note


def html(result: Ranking, options: Options) -> str:
    from jinja2 import Environment, select_autoescape

    template_text = (resources.files("programscore") / "reports" / "templates" / "report.html.j2").read_text("utf-8")
    environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=False)
    script = live_script()
    return environment.from_string(template_text).render(
        **context(result, options), script=script, script_hash=script_hash(script)
    )

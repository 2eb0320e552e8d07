"""The ``Ranking`` result: everything a report needs, computed once by ``scoring.score``."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import ProgramscoreError
from .profiles import Criterion, Profile


def format_value(value: float, criterion: Criterion, base: str) -> str:
    """A parsed value as a person reads it: ``12 months``, ``9,250 GBP``, ``85%``, ``yes``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "missing"
    kind = criterion.kind
    if kind == "money":
        return f"{value:,.0f} {base}"
    if kind == "duration":
        return f"{value:.3g} months"
    if kind == "percent":
        return f"{value * 100:.3g}%"
    if kind == "boolean":
        return {1.0: "yes", 0.0: "no", 0.5: "optional"}.get(float(value), f"{value:g}")
    if kind == "keywords":
        return "mentioned" if value else "not mentioned"
    if kind == "rating":
        return f"{value:.3g} of {criterion.scale[1]:g}"  # type: ignore[index]
    return f"{value:,.6g}"


def issue_records(issues: pd.DataFrame) -> list[dict[str, Any]]:
    """Issues as plain JSON-ready dicts (numpy scalars unwrapped, odd cell values as text)."""
    records = []
    for record in issues.to_dict("records"):
        item = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in record.items()}
        value = item["value"]
        if isinstance(value, float) and math.isnan(value):
            item["value"] = None
        elif value is not None and not isinstance(value, str | int | float | bool):
            item["value"] = str(value)
        for key in ("row",):
            if item.get(key) is not None and isinstance(item[key], float) and math.isnan(item[key]):
                item[key] = None
        records.append(item)
    return records


@dataclass
class Explanation:
    """Points per criterion for one programme (see ``Ranking.explain``)."""

    name: str
    row: int
    rank: int | None
    score: float | None
    method: str
    criteria: pd.DataFrame  # index: criterion key; label, column, raw, value, normalised, weight, points
    reasons: list[str] = field(default_factory=list)  # why it was excluded, if it was

    def __str__(self) -> str:
        from tabulate import tabulate

        if self.rank is None:
            head = f"{self.name} (row {self.row}) is excluded: " + "; ".join(self.reasons)
        else:
            head = f"{self.name} (row {self.row}): rank {self.rank}, score {self.score:.2f} ({self.method})"
        shown = self.criteria[["label", "raw", "value", "normalised", "weight", "points"]].copy()
        shown["weight"] = (shown["weight"] * 100).map(lambda w: f"{w:.1f}%")
        shown["normalised"] = shown["normalised"].map(lambda n: "" if pd.isna(n) else f"{n:.3f}")
        shown["points"] = shown["points"].map(lambda p: "" if pd.isna(p) else f"{p:.2f}")
        table = tabulate(shown, headers="keys", showindex=False, tablefmt="simple", disable_numparse=True)
        return f"{head}\n{table}"


@dataclass
class Comparison:
    """The score gap between two ranked programmes, split by criterion."""

    first: Explanation
    second: Explanation

    @property
    def gap(self) -> float:
        return float(self.first.score) - float(self.second.score)  # type: ignore[arg-type]

    @property
    def differences(self) -> pd.Series:
        """Points of the first minus points of the second, per criterion, largest first."""
        diff = self.first.criteria["points"] - self.second.criteria["points"]
        return diff.reindex(diff.abs().sort_values(ascending=False, kind="stable").index)

    def __str__(self) -> str:
        lead, trail = (self.first, self.second) if self.gap >= 0 else (self.second, self.first)
        diffs = self.differences if self.gap >= 0 else -self.differences
        parts = [f"{d:+.1f} on {key}" for key, d in diffs.items() if abs(d) >= 0.05]
        verb = "ties with" if abs(self.gap) < 1e-9 else f"leads {trail.name} by {abs(self.gap):.1f} points"
        head = f"{lead.name} {verb}" + (f" {trail.name}" if abs(self.gap) < 1e-9 else "")
        detail = ": " + ", ".join(parts) if parts else ""
        note = ""
        if lead.method == "topsis":
            note = " (TOPSIS: the points describe each criterion's part; the gap is in the closeness score)"
        return head + detail + note


@dataclass
class Ranking:
    """A scored sheet: ranked programmes, excluded ones with reasons, cell issues and the profile."""

    profile: Profile  # as applied: method and weights in force, absent optional criteria left out
    columns: dict[str, str]  # criterion key -> sheet header
    names: np.ndarray  # ranked programmes, best first
    rows: np.ndarray  # their sheet row numbers
    ranks: np.ndarray
    scores: np.ndarray
    values: pd.DataFrame  # parsed values in canonical units, one column per criterion
    normalised: pd.DataFrame  # 0..1 after the missing policy, 1 = best
    contributions: pd.DataFrame  # points per criterion; add up to the score for weighted-sum
    raw: pd.DataFrame  # the cells as written
    excluded: pd.DataFrame  # name, row, reasons
    issues: pd.DataFrame  # sheet, row, column, cell, value, severity, message
    notices: list[str] = field(default_factory=list)
    source: str | None = None

    @property
    def method(self) -> str:
        return self.profile.method

    @property
    def table(self) -> pd.DataFrame:
        """rank, name, score and one column of points per criterion, best first."""
        table = pd.DataFrame({"rank": self.ranks, "name": self.names, "score": self.scores})
        for key in self.contributions.columns:
            table[key] = self.contributions[key].to_numpy()
        return table

    def _find(self, name: str) -> tuple[str, int]:
        """('ranked' | 'excluded', position) of the programme called ``name``."""
        wanted = name.strip().casefold()
        pools = [("ranked", list(self.names)), ("excluded", list(self.excluded["name"]))]
        for test in (lambda n: n.casefold() == wanted, lambda n: wanted in n.casefold()):
            found = [(pool, i, n) for pool, names in pools for i, n in enumerate(names) if test(str(n))]
            if len(found) == 1:
                return found[0][0], found[0][1]
            if len(found) > 1:
                listed = "; ".join(f"{n} (row {self._row_of(p, i)})" for p, i, n in found[:10])
                raise ProgramscoreError(f"{name!r} matches {len(found)} programmes: {listed}")
        everyone = [str(n) for _, names in pools for n in names]
        import difflib

        close = difflib.get_close_matches(name, everyone, n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ProgramscoreError(f"no programme called {name!r}{hint}")

    def _row_of(self, pool: str, position: int) -> int:
        return int(self.rows[position] if pool == "ranked" else self.excluded["row"].iloc[position])

    def explain(self, name: str) -> Explanation:
        """Raw value, parsed value, normalised value, weight and points per criterion for one programme."""
        pool, position = self._find(name)
        weights = self.profile.weights
        row = self._row_of(pool, position)
        frame = []
        for criterion in self.profile.criteria:
            key = criterion.key
            raw = self.raw.loc[row, key] if row in self.raw.index else None
            value = self.values.loc[row, key] if row in self.values.index else np.nan
            ranked = pool == "ranked"
            frame.append(
                {
                    "key": key,
                    "label": criterion.label,
                    "column": self.columns.get(key),
                    "raw": "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else str(raw),
                    "value": format_value(value, criterion, self.profile.currency.base),
                    "normalised": self.normalised[key].iloc[position] if ranked else np.nan,
                    "weight": weights[key],
                    "points": self.contributions[key].iloc[position] if ranked else np.nan,
                }
            )
        criteria = pd.DataFrame(frame).set_index("key")
        if pool == "ranked":
            return Explanation(
                str(self.names[position]),
                row,
                int(self.ranks[position]),
                float(self.scores[position]),
                self.method,
                criteria,
            )
        reasons = list(self.excluded["reasons"].iloc[position])
        return Explanation(str(self.excluded["name"].iloc[position]), row, None, None, self.method, criteria, reasons)

    def compare(self, name: str, other: str) -> Comparison:
        """Why one programme beats another: the score gap split by criterion."""
        a, b = self.explain(name), self.explain(other)
        if a.rank is None or b.rank is None:
            out = a if a.rank is None else b
            raise ProgramscoreError(f"{out.name} is excluded ({'; '.join(out.reasons)}), so it has no score to compare")
        if (a.row, a.name) == (b.row, b.name):
            raise ProgramscoreError(f"{name!r} and {other!r} are the same programme")
        return Comparison(a, b)

    def render(
        self, format: str = "table", top: int | None = None, tablefmt: str = "simple", escape: bool = True
    ) -> bytes:
        """The report in one of ``reports.FORMATS`` as bytes."""
        from .reports import Options, render

        return render(self, format, Options(top=top, tablefmt=tablefmt, escape=escape))

    def write(self, path: str, format: str | None = None, **options: Any) -> None:
        """Write a report; the format comes from the file's extension unless given."""
        from .reports import choose_format, write_output

        fmt = choose_format(path, format)
        write_output(self.render(fmt, **options), path, protect=[self.source] if self.source else None)

    def to_excel(self, path: str, **options: Any) -> None:
        self.write(path, "xlsx", **options)

    def to_html(self, path: str, **options: Any) -> None:
        self.write(path, "html", **options)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of DESIGN.md: profile, ranking, excluded, issues."""
        weights = self.profile.weights
        criteria = []
        for c in self.profile.criteria:
            item = {
                "key": c.key,
                "label": c.label,
                "kind": c.kind,
                "column": self.columns.get(c.key),
                "weight": weights[c.key],
                "better": c.better,
            }
            for extra in ("target", "best", "worst", "min", "max"):
                if getattr(c, extra) is not None:
                    item[extra] = getattr(c, extra)
            if c.require:
                item["require"] = True
            item["missing"] = c.missing
            criteria.append(item)
        values = self.values.loc[self.rows] if len(self.rows) else self.values.iloc[:0]
        keys = list(self.contributions.columns)
        value_matrix = values[keys].to_numpy(dtype=float) if keys else np.empty((len(self.rows), 0))
        points = self.contributions.to_numpy(dtype=float)
        ranking = [
            {
                "rank": int(self.ranks[i]),
                "name": str(self.names[i]),
                "row": int(self.rows[i]),
                "score": float(self.scores[i]),
                "contributions": {k: float(points[i, j]) for j, k in enumerate(keys)},
                "values": {
                    k: (None if np.isnan(value_matrix[i, j]) else float(value_matrix[i, j])) for j, k in enumerate(keys)
                },
            }
            for i in range(len(self.rows))
        ]
        excluded = [
            {"name": str(n), "row": int(r), "reasons": list(reasons)}
            for n, r, reasons in zip(self.excluded["name"], self.excluded["row"], self.excluded["reasons"], strict=True)
        ]
        issues = issue_records(self.issues)
        return {
            "profile": {
                "name": self.profile.name,
                "method": self.method,
                "currency": self.profile.currency.base,
                "criteria": criteria,
            },
            "ranking": ranking,
            "excluded": excluded,
            "issues": issues,
        }

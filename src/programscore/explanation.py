"""What ``explain`` shows: one programme's points per criterion, and why one programme beats another."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .reports.plain import one_line

RAW_SHOWN = 40  # characters of a cell in the explanation table (a description is quoted in "read as:")


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
    dominated: str | None = None  # the programme that dominates this one, and on what basis

    def __str__(self) -> str:
        from tabulate import tabulate

        if self.rank is None:
            head = f"{self.name} (row {self.row}) is excluded: " + "; ".join(self.reasons)
        else:
            head = f"{self.name} (row {self.row}): rank {self.rank}, score {self.score:.2f} ({self.method})"
            if self.dominated:
                head += f"\ndominated by {self.dominated}"
        shown = self.criteria[["label", "raw", "value", "normalised", "weight", "points"]].copy()
        shown["label"] = shown["label"].map(one_line)
        shown["raw"] = shown["raw"].map(one_line)  # a cell's line breaks would break the table's rows
        shown["raw"] = shown["raw"].map(lambda r: r if len(r) <= RAW_SHOWN else r[: RAW_SHOWN - 3].rstrip() + "...")
        shown["weight"] = (shown["weight"] * 100).map(lambda w: f"{w:.1f}%")
        shown["normalised"] = shown["normalised"].map(lambda n: "" if pd.isna(n) else f"{n:.3f}")
        shown["points"] = shown["points"].map(lambda p: "" if pd.isna(p) else f"{p:.2f}")
        table = tabulate(shown, headers="keys", showindex=False, tablefmt="simple", disable_numparse=True)
        readings = [
            f"  {label}: {reading}"
            for label, reading in zip(self.criteria["label"], self.criteria.get("reading", []), strict=False)
            if isinstance(reading, str) and reading
        ]
        readings = [one_line(line) for line in readings]
        return f"{one_line(head)}\n{table}" + ("\nread as:\n" + "\n".join(readings) if readings else "")


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
        return one_line(head + detail + note)

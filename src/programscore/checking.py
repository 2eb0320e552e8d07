"""``check``: the sheet as programscore understands it, before any scoring.

Which column feeds each criterion, how many of its cells parsed, were missing or could not be
read, and every issue with its cell, value and what was assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .issues import describe, sheet_letter
from .parsing import STATUSES
from .profiles import Profile
from .scoring import prepare


@dataclass
class CheckReport:
    """What ``check`` found. ``errors`` > 0 means some cells could not be read."""

    source: str | None
    sheet: str | None
    header_row: int | None
    programmes: int
    profile: Profile
    columns: pd.DataFrame  # one row per criterion: key, label, column, letter, ok, assumed, missing, error
    name_columns: list[str]
    issues: pd.DataFrame
    notices: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return int((self.issues["severity"] == "error").sum())

    @property
    def warnings(self) -> int:
        return int((self.issues["severity"] == "warning").sum())

    def to_dict(self) -> dict[str, Any]:
        from .result import issue_records

        return {
            "source": self.source,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "programmes": self.programmes,
            "columns": self.columns.to_dict("records"),
            "notices": list(self.notices),
            "issues": issue_records(self.issues),
        }

    def __str__(self) -> str:
        from tabulate import tabulate

        where = self.source or "the sheet"
        if self.sheet:
            where += f", sheet {self.sheet!r}"
        lines = [f"{where}: {self.programmes} programmes, header on row {self.header_row}"]
        if self.name_columns:
            lines.append(f"names from: {', '.join(self.name_columns)}")
        shown = self.columns.rename(columns={"error": "unreadable"})
        lines.append(tabulate(shown, headers="keys", showindex=False, tablefmt="simple", disable_numparse=True))
        for notice in self.notices:
            lines.append(f"note: {notice}")
        if len(self.issues):
            lines.append("")
            lines.append("issues:")
            for record in self.issues.to_dict("records"):
                lines.append(f"  {record['severity']}: {describe(record)}")
        lines.append("")
        lines.append(f"{self.errors} error(s), {self.warnings} warning(s)")
        return "\n".join(lines)


def check(sheet: pd.DataFrame, profile: Profile | str | Path = "article") -> CheckReport:
    """Match, parse and report; nothing is scored."""
    prepared = prepare(sheet, profile)
    rows = []
    for criterion in prepared.profile.criteria:
        column = prepared.match.columns[criterion.key]
        counts = prepared.parsed[criterion.key].counts()
        rows.append(
            {
                "key": criterion.key,
                "label": criterion.label,
                "column": column,
                "letter": sheet_letter(sheet, column),
                **{status: counts[status] for status in STATUSES},
            }
        )
    return CheckReport(
        source=sheet.attrs.get("source"),
        sheet=sheet.attrs.get("sheet"),
        header_row=sheet.attrs.get("header_row"),
        programmes=len(sheet),
        profile=prepared.profile,
        columns=pd.DataFrame(rows),
        name_columns=prepared.name_columns,
        issues=prepared.issues,
        notices=prepared.notices,
    )

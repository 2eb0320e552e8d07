"""``check``: the sheet as programscore understands it, before any scoring.

Which column feeds each criterion, how many of its cells parsed, were missing or could not be
read, and every issue with its cell, value and what was assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .filters import Filtered
from .issues import cell_text, describe, sheet_letter, sheet_rows, shorten
from .joining import JoinReport, JoinSpec
from .parsing import STATUSES
from .profiles import Profile
from .reports.plain import one_line
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
    readings: pd.DataFrame | None = None  # with readings=True: each distinct cell and what it was read as
    filtered: Filtered | None = None  # what the row filters kept; None without filters
    joined: JoinReport | None = None  # what joining another table did; None without a join

    @property
    def errors(self) -> int:
        return int((self.issues["severity"] == "error").sum())

    @property
    def warnings(self) -> int:
        return int((self.issues["severity"] == "warning").sum())

    def to_dict(self) -> dict[str, Any]:
        from .issues import issue_records

        return {
            "source": self.source,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "programmes": self.programmes,
            "columns": self.columns.to_dict("records"),
            "notices": list(self.notices),
            "issues": issue_records(self.issues),
            **({"readings": _records(self.readings)} if self.readings is not None else {}),
            **({"filtered": self.filtered.to_dict()} if self.filtered is not None else {}),
            **({"join": self.joined.to_dict()} if self.joined is not None else {}),
        }

    def __str__(self) -> str:
        from tabulate import tabulate

        where = self.source or "the sheet"
        if self.sheet:
            where += f", sheet {self.sheet!r}"
        lines = [f"{where}: {self.programmes} programmes, header on row {self.header_row}"]
        if self.filtered is not None:
            lines.append(self.filtered.summary())
        if self.joined is not None:
            lines.append(self.joined.summary())
        if self.name_columns:
            lines.append(f"names from: {', '.join(self.name_columns)}")
        shown = self.columns.rename(columns={"error": "unreadable"}).map(one_line)  # a header may hold a newline
        table_at = len(lines)
        lines.append(tabulate(shown, headers="keys", showindex=False, tablefmt="simple", disable_numparse=True))
        for notice in [*self.notices, *(self.joined.notices if self.joined is not None else [])]:
            lines.append(f"note: {notice}")
        if len(self.issues):
            lines.append("")
            lines.append("issues:")
            for record in self.issues.to_dict("records"):
                lines.append(f"  {record['severity']}: {describe(record)}")
        if self.readings is not None and len(self.readings):
            lines.append("")
            lines.append("readings (each distinct cell once, with how many rows hold it):")
            for record in self.readings.to_dict("records"):
                shown = shorten(record["value"])
                read = next((str(t) for t in (record["reading"], record["message"]) if isinstance(t, str)), "blank")
                mark = "" if record["status"] == "ok" else f" [{record['status']}]"
                lines.append(f"  {record['key']} {record['cell']} (x{record['rows']}) {shown} -> {read}{mark}")
        lines.append("")
        lines.append(f"{self.errors} error(s), {self.warnings} warning(s)")
        return "\n".join(line if i == table_at else one_line(line) for i, line in enumerate(lines))


def check(
    sheet: pd.DataFrame,
    profile: Profile | str | Path = "article",
    readings: bool = False,
    where: list[str] | tuple[str, ...] | None = None,
    join: JoinSpec | None = None,
) -> CheckReport:
    """Match, parse and report; nothing is scored. ``readings``: also list what each distinct cell was
    read as. ``where``: row filters added to the profile's; only the rows they keep are reported.
    ``join``: another table whose columns are added (in place of the profile's ``[join]``)."""
    prepared = prepare(sheet, profile, where=where, join=join)
    sheet = prepared.sheet
    rows = []
    for criterion in prepared.profile.criteria:
        column = prepared.match.columns[criterion.key]
        counts = prepared.parsed[criterion.key].counts()
        rows.append(
            {
                "key": criterion.key,
                "label": criterion.label,
                "column": column,
                "letter": _letter(sheet, column, prepared.joined),
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
        readings=cell_readings(sheet, prepared.profile, prepared.match.columns) if readings else None,
        filtered=prepared.filtered,
        joined=prepared.joined,
    )


def _letter(sheet: pd.DataFrame, column: str, joined: JoinReport | None) -> str:
    """A column's letter; a joined column's is in the joined file (``outcomes.csv!C``)."""
    if joined is not None and column in joined.letters:
        return f"{joined.file}!{joined.letters[column]}"
    return sheet_letter(sheet, column)


READING_COLUMNS = ["key", "column", "cell", "rows", "value", "status", "reading", "message"]


def cell_readings(sheet: pd.DataFrame, profile: Profile, columns: dict[str, str]) -> pd.DataFrame:
    """Each criterion's distinct cells, in sheet order, with the first cell holding each, how many rows
    hold it, and what it was read as (the parse is the pipeline's own, run once per distinct value)."""
    from .parsing import parser_for
    from .parsing.mentions import quote
    from .result import format_value

    rows = sheet_rows(sheet)
    records = []
    for criterion in profile.criteria:
        column = columns[criterion.key]
        parse = parser_for(criterion, profile, column)
        codes, uniques = pd.factorize(sheet[column], use_na_sentinel=True)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        first = np.full(len(uniques), -1)
        present = np.flatnonzero(codes >= 0)
        first[codes[present[::-1]]] = present[::-1]  # the first row of each distinct value
        letter = sheet_letter(sheet, column)
        for code, raw in enumerate(uniques):
            cell = parse(raw)
            reading = cell.note
            if reading is None and not np.isnan(cell.value):
                reading = f"{format_value(cell.value, criterion, profile.currency.base)}, from {quote(cell_text(raw))}"
            records.append(
                {
                    "key": criterion.key,
                    "column": column,
                    "cell": f"{letter}{rows[first[code]]}",
                    "rows": int(counts[code]),
                    "value": raw,
                    "status": cell.status,
                    "reading": reading,
                    "message": cell.message,
                }
            )
    return pd.DataFrame(records, columns=READING_COLUMNS, dtype=object)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in r.items()} for r in frame.to_dict("records")]


def _plain(value: object) -> object:
    """None for NaN, Python numbers for numpy ones (JSON-ready)."""
    if isinstance(value, np.generic):
        value = value.item()
    return None if isinstance(value, float) and np.isnan(value) else value

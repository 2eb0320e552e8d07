"""Cell issues and sheet coordinates: where in the user's spreadsheet each value came from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

ISSUE_COLUMNS = ["sheet", "row", "column", "cell", "value", "severity", "message", "reading"]


def column_letter(position: int) -> str:
    """Spreadsheet letters of a 0-based column position: 0 -> A, 26 -> AA."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_rows(sheet: pd.DataFrame) -> np.ndarray:
    """The row number a spreadsheet program shows for each data row (header row included)."""
    import numpy as np

    if sheet.attrs.get("programscore_rows"):
        return np.asarray(sheet.index, dtype=np.int64)
    return np.arange(len(sheet), dtype=np.int64) + 2


def sheet_letter(sheet: pd.DataFrame, column: str) -> str:
    letters = sheet.attrs.get("letters") or {}
    if column in letters:
        return letters[column]
    return column_letter(list(sheet.columns).index(column))


def empty_issues() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=object) for name in ISSUE_COLUMNS})


def make_issues(
    sheet: pd.DataFrame,
    column: str,
    positions: np.ndarray,
    values: list[object] | np.ndarray,
    severity: str,
    messages: list[str] | np.ndarray,
    readings: list[str | None] | np.ndarray | None = None,
) -> pd.DataFrame:
    """Issues for the data rows at ``positions`` (0-based) of ``column``.

    ``readings`` say, per issue, what value was read and from which words (None: no value).
    """
    import numpy as np
    import pandas as pd

    rows = sheet_rows(sheet)[positions]
    letter = sheet_letter(sheet, column)
    return pd.DataFrame(
        {
            "sheet": sheet.attrs.get("sheet"),
            "row": rows.astype(np.int64),
            "column": column,
            "cell": (letter + pd.Series(rows, dtype=np.int64).astype(str)).to_numpy(dtype=object),
            "value": list(values),
            "severity": severity,
            "message": list(messages),
            "reading": list(readings) if readings is not None else None,
        },
        columns=ISSUE_COLUMNS,
    )


def describe(issue: dict) -> str:
    """One line naming the cell, its value and the problem."""
    where = f"{issue['sheet']}!{issue['cell']}" if issue.get("sheet") else str(issue["cell"])
    line = f"{where} ({issue['column']}) {shorten(issue['value'])}: {issue['message']}"
    reading = issue.get("reading")
    if isinstance(reading, str) and reading:
        line += f" [read: {reading}]"
    return line


def cell_text(value: object) -> str:
    """A cell as a person writes it: a number without a trailing ``.0`` and with thousands separators
    (``4``, ``12,500``, ``0.85``), anything else as its text."""
    if _finite_number(value):
        number = float(value)  # type: ignore[arg-type]
        return f"{int(number):,}" if number.is_integer() and abs(number) < 1e15 else f"{number:,.10g}"
    return str(value)


def _finite_number(value: object) -> bool:
    import math
    import numbers

    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def shorten(value: object, limit: int = 80) -> str:
    """``repr(value)`` (a number as ``cell_text`` writes it), cut in the middle when long (a 1 MB cell
    stays one readable line)."""
    text = cell_text(value) if _finite_number(value) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit // 2]}...{text[-limit // 4 :]} ({len(str(value)):,} characters)"


def issue_records(issues: pd.DataFrame) -> list[dict[str, Any]]:
    """Issues as plain JSON-ready dicts (numpy scalars unwrapped, odd cell values as text)."""
    return [{k: issue_cell(k, v) for k, v in record.items()} for record in issues.to_dict("records")]


def issue_cell(key: str, value: Any) -> Any:
    """One field of an issue as the JSON document holds it: a numpy scalar unwrapped; a cell value
    that is no number, text or truth value as text (a missing one null, infinity as ``inf``); a
    missing row null."""
    import math

    import numpy as np

    if isinstance(value, np.generic):
        value = value.item()
    if key == "value":
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, float) and math.isinf(value):
            return str(value)  # a cell that held infinity: JSON has no such number
        if value is not None and not isinstance(value, str | int | float | bool):
            return str(value)
    if key == "row" and isinstance(value, float) and math.isnan(value):
        return None
    return value

"""Stage 2: find the column that feeds each criterion, and the columns that name a programme."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import SheetError
from .issues import sheet_rows
from .profiles import Criterion, Profile

NAME_ALIASES = ["programme", "program", "programme name", "program name", "course", "course name", "degree",
                "title", "name", "university", "institution", "school", "provider"]  # fmt: skip


def squash(header: str) -> str:
    """A header as compared: lower case, letters and digits only (``Length (months)`` -> ``lengthmonths``)."""
    return re.sub(r"[^0-9a-z]+", "", str(header).casefold())


@dataclass
class ColumnMatch:
    """Which header feeds each criterion, and what was left out."""

    columns: dict[str, str]
    dropped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def _candidates(headers: list[str], aliases: list[str]) -> list[str]:
    wanted = [squash(a) for a in aliases if squash(a)]
    exact = [h for h in headers if squash(h) in wanted]
    if exact:
        return exact
    # "Tuition fees (international)" still feeds "tuition fees"
    return [h for h in headers if any(squash(h).startswith(w) for w in wanted if len(w) >= 4)]


def criteria_found(headers: list[str], profile: Profile) -> int:
    """How many of the profile's criteria find a column among ``headers``, looked for as
    ``match_columns`` looks (so the reader can tell which sheet holds the programmes)."""
    return sum(1 for criterion in profile.criteria if _candidates(headers, criterion.columns))


def where(sheet: pd.DataFrame) -> str:
    source = sheet.attrs.get("source") or "the sheet"
    return f"{source}, sheet {sheet.attrs['sheet']!r}" if sheet.attrs.get("sheet") else str(source)


def match_columns(sheet: pd.DataFrame, profile: Profile) -> ColumnMatch:
    headers = [str(h) for h in sheet.columns]
    columns: dict[str, str] = {}
    dropped: list[str] = []
    notices: list[str] = []
    for criterion in profile.criteria:
        found = _candidates(headers, criterion.columns)
        if len(found) > 1:
            raise SheetError(
                f"{where(sheet)}: columns {found[0]!r} and {found[1]!r} both match criterion {criterion.key!r}; "
                f"rename one or set columns = [...] for {criterion.key!r} in the profile"
            )
        if not found:
            if criterion.required:
                close = difflib.get_close_matches(
                    squash(criterion.columns[0]), [squash(h) for h in headers], n=1, cutoff=0.5
                )
                closest = next((h for h in headers if close and squash(h) == close[0]), None)
                hint = f"; the closest is {closest!r}" if closest else ""
                raise SheetError(
                    f"{where(sheet)}: no column for criterion {criterion.key!r} (looked for "
                    f"{', '.join(repr(a) for a in criterion.columns)}); the headers are "
                    f"{', '.join(repr(h) for h in headers)}{hint}"
                )
            dropped.append(criterion.key)
            notices.append(f"criterion {criterion.key!r} left out: the sheet has no column for it")
            continue
        columns[criterion.key] = found[0]
    # one column may feed several criteria (a description searched for industry links and for a
    # placement) when each criterion names it outright; a column only guessed at is not shared
    owners: dict[str, str] = {}
    by_key = {c.key: c for c in profile.criteria}
    for key, column in columns.items():
        if column in owners:
            first = by_key[owners[column]]
            if _named(column, first) and _named(column, by_key[key]):
                notices.append(f"column {column!r} feeds criteria {owners[column]!r} and {key!r}")
                continue
            raise SheetError(
                f"{where(sheet)}: column {column!r} matches both criteria {owners[column]!r} and {key!r}; "
                "set columns = [...] in the profile so each criterion has its own (criteria that both name "
                "a column exactly may share it)"
            )
        owners[column] = key
    return ColumnMatch(columns, dropped, notices)


def _named(column: str, criterion: Criterion) -> bool:
    """Whether one of the criterion's ``columns`` is the header itself (not a guess from a prefix)."""
    return squash(column) in {squash(a) for a in criterion.columns}


def name_columns(sheet: pd.DataFrame, profile: Profile, used: set[str]) -> list[str]:
    """Columns that name a programme: every one of the profile's ``name_columns`` the sheet has, in the
    order the profile lists them; without them, the first two headers that look like names."""
    if profile.name_columns:
        headers = {squash(h): h for h in reversed(list(sheet.columns)) if h not in used}
        found = [headers[squash(a)] for a in profile.name_columns if squash(a) in headers]
        return list(dict.fromkeys(found))
    wanted = {squash(a) for a in NAME_ALIASES}
    return [h for h in sheet.columns if squash(h) in wanted and h not in used][:2]


def _text(column: pd.Series):  # -> pyarrow string array, "" for an empty cell, trimmed
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        values = pa.array(column.array)  # the reader's text columns: no copy
    else:  # workbook cells (numbers, dates, text): as str() shows them
        values = pa.array(column.astype(object).where(column.notna(), "").astype(str).to_numpy(), pa.large_string())
    values = pc.cast(values, pa.large_string())
    if values.null_count:
        values = pc.fill_null(values, "")
    ascii = pc.all(pc.string_is_ascii(values)).as_py() is not False
    return (pc.ascii_trim_whitespace if ascii else pc.utf8_trim_whitespace)(values)


def programme_names(sheet: pd.DataFrame, columns: list[str]) -> pd.api.extensions.ExtensionArray:
    """One display name per row (an Arrow-backed string array): the name columns joined by ", ",
    else "row N"."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.large_string()

    def labels():  # "row N"
        return pc.binary_join_element_wise(
            pa.scalar("row ", text), pc.cast(pa.array(sheet_rows(sheet)), text), pa.scalar("", text)
        )

    if not columns:
        names = labels()
    else:
        parts = [_text(sheet[c]) for c in columns]
        names = pc.binary_join_element_wise(*parts, pa.scalar(", ", text))
        if len(parts) > 1 and any(pc.any(pc.equal(part, "")).as_py() for part in parts):
            names = pc.utf8_trim(names, ", ")  # a missing part leaves its separator at an end
        empty = pc.equal(names, "")
        if pc.any(empty).as_py():
            names = pc.if_else(empty, labels(), names)
    return pd.array(names, dtype=pd.StringDtype("pyarrow", na_value=np.nan))


def duplicate_names(sheet: pd.DataFrame, names: object, columns: list[str]) -> tuple[object, pd.DataFrame]:
    """Names told apart, and a warning on each programme whose name (ignoring case) an earlier row has.

    Where another column tells the rows of each repeated name apart (the study mode, the campus), its
    value is added to their names: ``MSc Data Science, Northfield University (Part-time)``.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from .issues import empty_issues, make_issues

    if not columns or len(names) == 0:
        return names, empty_issues()
    text = pa.array(names, pa.large_string())
    kind = pa.string() if text.nbytes < (1 << 31) - (1 << 24) else pa.large_string()
    text = text.cast(kind)  # 32-bit offsets hash twice as fast as 64-bit ones
    unusual = np.flatnonzero(~pc.string_is_ascii(text).to_numpy(zero_copy_only=False))
    folded = pc.ascii_lower(text)
    if len(unusual):  # full case folding (ß = SS) where ASCII lower case is not enough
        folded = folded.to_numpy(zero_copy_only=False).astype(object)
        folded[unusual] = [str(n).casefold() for n in names[unusual]]
        folded = pa.array(folded, kind)
    if len(pc.unique(folded)) == len(folded):  # the usual case, found without encoding every name
        return names, empty_issues()
    if isinstance(folded, pa.ChunkedArray):  # names held by pandas in Arrow chunks (a concatenated sheet)
        folded = folded.combine_chunks()
    codes = pc.dictionary_encode(folded).indices.to_numpy()
    _, first, counts = np.unique(codes, return_index=True, return_counts=True)
    first_position = first[codes]
    repeated = np.flatnonzero(first_position != np.arange(len(codes)))
    if len(repeated) == 0:
        return names, empty_issues()
    told, told_by = _told_apart(sheet, names, columns, codes, counts)
    earlier = sheet_rows(sheet)[first_position[repeated]]
    how = f"; told apart by {told_by!r}" if told_by else ""
    messages = [f"duplicate programme: same name as row {r}{how}" for r in earlier]
    return told, make_issues(sheet, columns[0], repeated, names[repeated], "warning", messages)


TELL_APART_COLUMNS = 30  # the columns looked at, in sheet order: a catalogue's mode or campus comes early


def _told_apart(
    sheet: pd.DataFrame, names: object, columns: list[str], codes: np.ndarray, counts: np.ndarray
) -> tuple[object, str | None]:
    """The names with the first other column that tells each repeated name's rows apart added."""
    rows = np.flatnonzero(counts[codes] > 1)
    groups = codes[rows]
    for column in [c for c in sheet.columns if c not in columns][:TELL_APART_COLUMNS]:
        values = sheet[column].iloc[rows].astype(object).where(sheet[column].iloc[rows].notna(), "").astype(str)
        values = values.str.strip().to_numpy()
        frame = pd.DataFrame({"group": groups, "value": values})
        if (values != "").all() and (frame.groupby("group")["value"].nunique() == frame.groupby("group").size()).all():
            amended = np.asarray(names, dtype=object).copy()
            amended[rows] = [f"{n} ({v})" for n, v in zip(amended[rows], values, strict=True)]
            return pd.array(amended, dtype=pd.StringDtype("pyarrow", na_value=np.nan)), str(column)
    return names, None

"""Joining another table (``--join FILE --on LEFT=RIGHT``): its columns are added to the sheet, row by
row, where the key cells name the same thing, so criteria can read them like any other column.

Keys are compared by ``key_words``: accents, case and punctuation dropped, ``&`` read as ``and``,
``Univ.`` as ``University``, and the words that do not tell one institution from another (the, of,
university ...) left out, in any order, so "Univ. of Northfield" is "Northfield University". A key
with no such twin in the other table takes the closest one, if it is very close (a notice naming
both); two equally close is a warning and nothing is joined, as is no match at all.

Only distinct keys are compared (in Python, once each); rows are mapped to them with numpy indexing.
``match_keys`` is the pure kernel over distinct keys, ``join`` puts it together, and the report
travels with the joined sheet (``attrs["join"]``) so that ``score`` and ``check`` can say what the
join did and issues in joined columns point at the joined file's cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ProfileError, ProgramscoreError, SheetError, closest
from .join_keys import (
    AMBIGUOUS,
    APPROXIMATE,
    APPROXIMATELY,
    EXACT,
    UNMATCHED,
    key_words,
    match_keys,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

JOINED_SUFFIX = " (joined)"


class JoinError(ProgramscoreError):
    """A join cannot be made as asked (a key column that is not there, a second join)."""


@dataclass(frozen=True)
class JoinSpec:
    """What to join: ``file`` (a path, or a frame of raw cells) on ``on``, pairs of (this sheet's
    header, the other table's header); ``"LEFT=RIGHT"`` strings are read too. ``base`` is the folder a
    relative path is taken from (a profile's own folder)."""

    file: Any
    on: tuple[tuple[str, str], ...]
    base: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "on", parse_on(self.on))
        if not isinstance(self.file, str | Path) and not hasattr(self.file, "columns"):
            raise ProfileError(f'join: file must be the path of a table (got {self.file!r})', "join")

    @property
    def source(self) -> Any:
        """The path to read (relative ones from ``base``), or the frame itself."""
        if isinstance(self.file, str | Path) and self.base is not None and str(self.file) != "-":
            path = Path(self.file)
            return path if path.is_absolute() else self.base / path
        return self.file

    @property
    def on_text(self) -> list[str]:
        return [f"{left}={right}" for left, right in self.on]


def parse_on(on: object) -> tuple[tuple[str, str], ...]:
    """``["University=Institution"]`` or ``[("University", "Institution")]`` as pairs; anything else is
    a ``ProfileError`` on ``join``."""
    example = 'on = ["University=Institution"]'
    if isinstance(on, str) or not isinstance(on, Sequence) or not on:
        raise ProfileError(f"join: on must be a list of LEFT=RIGHT column pairs, e.g. {example}", "join")
    pairs = []
    for item in on:
        if isinstance(item, str):
            left, sep, right = item.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise ProfileError(f"join: {item!r} is not LEFT=RIGHT (e.g. University=Institution)", "join")
            pairs.append((left.strip(), right.strip()))
        elif isinstance(item, Sequence) and len(item) == 2 and all(isinstance(x, str) and x.strip() for x in item):
            pairs.append((item[0].strip(), item[1].strip()))
        else:
            raise ProfileError(f"join: {item!r} is not a LEFT=RIGHT column pair, e.g. {example}", "join")
    return tuple(pairs)


@dataclass(eq=False)
class JoinReport:
    """What a join did, counted over the sheet's rows: matched exactly, approximately (with the pairs
    of keys), unmatched (ambiguous ones included); the columns it added; where their cells came from."""

    file: str
    on: list[str]
    columns: list[str]  # the headers added to the sheet
    exact: int
    approximate: int
    unmatched: int
    ambiguous: int
    approximations: list[dict[str, Any]]  # key, value, matched, similarity: one per distinct key
    issues: pd.DataFrame  # a warning on each row that got nothing (unmatched or ambiguous)
    letters: dict[str, str] = field(default_factory=dict)  # added header -> its letter in the joined file
    joined_rows: pd.Series | None = None  # the sheet's row number -> the joined file's row number (-1: none)
    path: str | None = None  # the joined file as read (None for a frame)

    def summary(self) -> str:
        """``join outcomes.csv on University=Institution: 30 matched exactly, 4 approximately, 6 unmatched``."""
        ambiguous = f" ({self.ambiguous} ambiguous)" if self.ambiguous else ""
        return (
            f"join {self.file} on {', '.join(self.on)}: {self.exact} matched exactly, "
            f"{self.approximate} approximately, {self.unmatched} unmatched{ambiguous}"
        )

    @property
    def notices(self) -> list[str]:
        return [
            f"join: {a['key']} {a['value']!r} matched {a['matched']!r} of {self.file} approximately "
            f"({a['similarity']:.0%} alike)"
            for a in self.approximations
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "on": list(self.on),
            "columns": list(self.columns),
            "matched_exactly": self.exact,
            "matched_approximately": self.approximate,
            "unmatched": self.unmatched,
            "ambiguous": self.ambiguous,
            "approximate": [dict(a) for a in self.approximations],
        }

    def relocate(self, issues: pd.DataFrame) -> pd.DataFrame:
        """Issues on joined columns point at the joined file's cell (``sheet`` is the file, ``cell`` its
        cell), and say which row of the sheet they were joined to."""
        import numpy as np

        if not len(issues) or self.joined_rows is None:
            return issues
        mask = issues["column"].isin(self.letters).to_numpy()
        if not mask.any():
            return issues
        issues = issues.copy()
        rows = issues.loc[mask, "row"]
        joined = rows.map(self.joined_rows).fillna(-1).astype(np.int64)
        letters = issues.loc[mask, "column"].map(self.letters)
        issues.loc[mask, "sheet"] = self.file
        issues.loc[mask, "cell"] = (letters + joined.astype(str)).to_numpy(dtype=object)
        issues.loc[mask, "message"] = (
            issues.loc[mask, "message"] + " (joined to row " + rows.astype(np.int64).astype(str) + ")"
        ).to_numpy(dtype=object)
        return issues


def resolve_column(name: str, headers: Sequence[str], source: str) -> str:
    """The header ``name`` names (ignoring case, spaces and punctuation); a ``JoinError`` naming the
    closest one otherwise."""
    from .matching import squash

    by_squashed: dict[str, str] = {}
    for header in headers:
        by_squashed.setdefault(squash(header), str(header))
    found = by_squashed.get(squash(name))
    if found is not None and squash(name):
        return found
    close = closest(squash(name), by_squashed)
    hint = (
        f"; did you mean {by_squashed[close]!r}?"
        if close is not None
        else f"; the columns are {', '.join(repr(str(h)) for h in headers)}"
    )
    raise JoinError(f"no column {name!r} in {source}{hint}")


@dataclass
class _Key:
    """One key pair on both tables: each row as the code of its compared key (the position of its form
    among the other table's distinct forms; -1 for none), and how each of the sheet's rows matched."""

    left_codes: np.ndarray  # the sheet's rows -> a form of the other table, -1: none
    right_codes: np.ndarray  # the other table's rows -> their form, -1: empty
    forms: int  # distinct forms of the other table
    how: np.ndarray  # per row of the sheet: EXACT, APPROXIMATELY, UNMATCHED or AMBIGUOUS
    value_codes: np.ndarray  # per row of the sheet: the code of its distinct value
    values: list[str]  # the sheet's distinct values
    approximations: list[dict[str, Any]]
    ambiguous: dict[int, str]  # distinct value code -> why it is ambiguous


def _match_key(left: pd.Series, right: pd.Series, names: tuple[str, str], label: str, threshold: float) -> _Key:
    import numpy as np
    import pandas as pd

    from .filters import cell_text

    codes, values = pd.factorize(cell_text(left))
    other_codes, other_values = pd.factorize(cell_text(right))
    values, other_values = [str(v) for v in values], [str(v) for v in other_values]
    forms, form_of_other = np.unique(np.array([key_words(v) for v in other_values], dtype=object), return_inverse=True)
    form_of_other = form_of_other.reshape(-1)
    matches = match_keys([key_words(v) for v in values], list(forms), threshold)

    def shown(form: int) -> str:  # the other table's first value with this form
        return other_values[int(np.flatnonzero(form_of_other == form)[0])]

    approximations = [
        {"key": names[0], "value": values[i], "matched": shown(int(matches.target[i])),
         "similarity": round(float(matches.similarity[i]), 4)}
        for i in np.flatnonzero(matches.how == APPROXIMATELY)
    ]  # fmt: skip
    ambiguous = {
        i: f"{values[i]!r} is equally close to {names[1]} {shown(a)!r} and {shown(b)!r} of {label}"
        for i, (a, b) in matches.candidates.items()
    }
    empty = np.array([f == "" for f in forms], dtype=bool)
    right_codes = np.where(empty[form_of_other], -1, form_of_other)[other_codes]
    return _Key(matches.target[codes], right_codes, len(forms), matches.how[codes], codes, values,
                approximations, ambiguous)  # fmt: skip


def join(
    sheet: pd.DataFrame,
    other: pd.DataFrame | str | Path,
    on: Sequence[tuple[str, str]] | Sequence[str],
    threshold: float = APPROXIMATE,
) -> tuple[pd.DataFrame, JoinReport]:
    """``sheet`` with the columns of ``other`` (a frame of raw cells, or a file ``read_sheet`` reads)
    added where every key pair of ``on`` (this sheet's header, the other's) matches; its key columns
    are not added again, and a header the sheet already has is renamed ``Name (joined)``. Returns the
    joined sheet (its ``attrs["join"]`` is the report) and the ``JoinReport``."""
    import numpy as np
    import pandas as pd

    from .issues import column_letter, sheet_rows
    from .matching import squash, where
    from .reading import read_sheet

    if sheet.attrs.get("join") is not None:
        raise JoinError(f"{where(sheet)} is already joined with {sheet.attrs['join'].file}; one join per run")
    pairs = parse_on(on)
    if isinstance(other, pd.DataFrame):
        right = other
    else:
        try:
            right = read_sheet(other)
        except SheetError as exc:
            raise SheetError(f"cannot join {exc}") from None
    label = where(right) if right.attrs.get("source") else "the joined table"
    lefts = [resolve_column(left, [str(h) for h in sheet.columns], where(sheet)) for left, _ in pairs]
    rights = [resolve_column(r, [str(h) for h in right.columns], label) for _, r in pairs]
    keys = [
        _match_key(sheet[left], right[r], (left, r), label, threshold) for left, r in zip(lefts, rights, strict=True)
    ]

    # a row is matched when each of its keys is and the other table holds the combination once
    left_codes = np.stack([k.left_codes for k in keys], axis=1)
    right_codes = np.stack([k.right_codes for k in keys], axis=1)
    dims = [max(k.forms, 1) for k in keys]
    usable = (right_codes >= 0).all(axis=1)
    right_positions = np.flatnonzero(usable)
    combos, first, counts = np.unique(
        np.ravel_multi_index(right_codes[usable].T, dims), return_index=True, return_counts=True
    )
    keyed = (left_codes >= 0).all(axis=1)
    wanted = np.zeros(len(sheet), dtype=np.int64)
    wanted[keyed] = np.ravel_multi_index(left_codes[keyed].T, dims)
    slot = np.searchsorted(combos, wanted).clip(0, max(len(combos) - 1, 0))
    found = keyed & (combos[slot] == wanted) if len(combos) else np.zeros(len(sheet), dtype=bool)
    duplicated = found & (counts[slot] > 1) if len(combos) else found
    taken = np.where(found & ~duplicated, right_positions[first[slot]] if len(combos) else -1, -1)
    how = np.max(np.stack([k.how for k in keys]), axis=0)
    how = np.where(taken >= 0, how, np.where(duplicated | (how == AMBIGUOUS), AMBIGUOUS, UNMATCHED))

    # the other table's columns but its keys, renamed where the sheet has the header already
    existing = {squash(h) for h in sheet.columns}
    added: dict[str, Any] = {}
    letters: dict[str, str] = {}
    right_letters = right.attrs.get("letters") or {}
    for position, column in enumerate(right.columns):
        if column in rights:
            continue
        name = str(column)
        while squash(name) in existing or squash(name) in {squash(a) for a in added}:
            name += JOINED_SUFFIX
        added[name] = pd.api.extensions.take(right[column].array, taken, allow_fill=True)
        letters[name] = right_letters.get(column, column_letter(position))
    joined = pd.concat([sheet, pd.DataFrame(added, index=sheet.index)], axis=1) if added else sheet.copy()
    joined.attrs = {**sheet.attrs, "letters": {**(sheet.attrs.get("letters") or {}), **letters}}

    other_rows = sheet_rows(right)
    report = JoinReport(
        file=label,
        on=[f"{left}={r}" for left, r in zip(lefts, rights, strict=True)],
        columns=list(added),
        exact=int((how == EXACT).sum()),
        approximate=int((how == APPROXIMATELY).sum()),
        unmatched=int((how >= UNMATCHED).sum()),
        ambiguous=int((how == AMBIGUOUS).sum()),
        approximations=[a for k in keys for a in k.approximations],
        issues=_row_issues(sheet, lefts, rights, label, keys, how, duplicated, left_codes, right_codes, other_rows),
        letters=letters,
        joined_rows=pd.Series(np.where(taken >= 0, other_rows[taken.clip(0)], -1), index=sheet_rows(sheet)),
        path=None if isinstance(other, pd.DataFrame) else str(other),
    )
    joined.attrs["join"] = report
    return joined, report


def _row_issues(
    sheet: pd.DataFrame,
    lefts: list[str],
    rights: list[str],
    label: str,
    keys: list[_Key],
    how: np.ndarray,
    duplicated: np.ndarray,
    left_codes: np.ndarray,
    right_codes: np.ndarray,
    other_rows: np.ndarray,
) -> pd.DataFrame:
    """A warning on the first key cell of each row that got nothing, its message worked out once per
    distinct combination of key values."""
    import numpy as np

    from .issues import empty_issues, make_issues

    problem = np.flatnonzero(how >= UNMATCHED)
    if not len(problem):
        return empty_issues()
    combos, inverse = np.unique(
        np.stack([k.value_codes[problem] for k in keys], axis=1), axis=0, return_inverse=True
    )
    inverse = inverse.reshape(-1)
    messages = []
    for n, combo in enumerate(combos):
        row = problem[int(np.flatnonzero(inverse == n)[0])]
        values = [k.values[int(c)] for k, c in zip(keys, combo, strict=True)]
        stated = " and ".join(f"{r} = {v!r}" for r, v in zip(rights, values, strict=True))
        reasons = [k.ambiguous[int(c)] for k, c in zip(keys, combo, strict=True) if int(c) in k.ambiguous]
        if not any(values):
            messages.append(f"no {' or '.join(lefts)} to join {label} on; nothing joined")
        elif reasons:
            messages.append(f"{'; '.join(reasons)}; nothing joined")
        elif duplicated[row]:
            same = other_rows[np.flatnonzero((right_codes == left_codes[row]).all(axis=1))]
            listed = ", ".join(str(r) for r in same[:-1]) + f" and {same[-1]}"
            messages.append(f"rows {listed} of {label} all match {stated}; nothing joined")
        elif len(keys) == 1:
            messages.append(f"no matching {rights[0]} in {label}; nothing joined")
        else:
            messages.append(f"no row of {label} matches {stated}; nothing joined")
    values = sheet[lefts[0]].iloc[problem].to_numpy(dtype=object)
    return make_issues(sheet, lefts[0], problem, values, "warning", np.array(messages, dtype=object)[inverse])

"""Stages 4 to 7: limits and missing values, normalisation, aggregation and ranking.

``score`` is the validating public layer over the kernels in ``kernels.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from . import filters, joining, kernels, unknowns
from .errors import DataError, FilterError, ProfileError, suggest
from .frames import checked_sheet, refuse_odd_cells
from .issues import empty_issues, sheet_letter, sheet_rows
from .joining import JoinReport, JoinSpec
from .matching import ColumnMatch, duplicate_names, match_columns, name_columns, programme_names, where
from .parsing import ParsedColumn, parse_cells
from .profile_io import load_profile
from .profiles import Criterion, Profile
from .result import Ranking, format_value


def score(
    sheet: pd.DataFrame,
    profile: Profile | str | Path = "article",
    method: str | None = None,
    weights: dict[str, float] | None = None,
    rank: str | None = None,
    where: list[str] | tuple[str, ...] | None = None,
    join: JoinSpec | None = None,
    max_unknown: int | None = None,
) -> Ranking:
    """Score and rank the programmes of ``sheet`` (a frame of raw cells, e.g. from ``read_sheet``).

    ``method``, ``weights`` (by criterion key, relative) and ``rank`` (an order of importance such as
    ``"job_support > cost = length"``, which sets rank-order centroid weights) override the profile's;
    ``where`` (row filters such as ``"length <= 12"``) add to the profile's; ``join`` (a ``JoinSpec``)
    adds another table's columns, in place of the profile's ``[join]``; ``max_unknown`` excludes
    programmes with more unknown criteria than that (in place of the profile's).
    """
    prepared = prepare(
        sheet, profile, method=method, weights=weights, rank=rank, where=where, join=join, max_unknown=max_unknown
    )
    profile, match, names, parsed = prepared.profile, prepared.match, prepared.names, prepared.parsed
    sheet = prepared.sheet
    keys = profile.keys
    rows = sheet_rows(sheet)
    # column-major: each criterion's values are contiguous, and pandas takes the block without a copy
    values = np.empty((len(sheet), len(keys)), order="F")
    for j, key in enumerate(keys):
        values[:, j] = parsed[key].values
        parsed[key].values = values[:, j]  # a view: the parsed values are held once
    issue_parts = [prepared.issues] if len(prepared.issues) else []
    notices = list(prepared.notices)
    intervals = _intervals(parsed, profile, values)

    _stop_on_missing(sheet, profile, match.columns, values)
    excluded_mask, reasons = _exclusions(profile, values)
    kept = ~excluded_mask
    ranked = values[kept] if excluded_mask.any() else values
    if len(ranked):
        for criterion, empty in zip(profile.criteria, np.isnan(ranked).all(axis=0), strict=True):
            if empty:
                notices.append(f"criterion {criterion.key!r}: no programme has a value; all score 0 on it")
    normalised, scores = aggregate(ranked, profile)
    if not np.isfinite(scores).all():  # values near the float limits that no normalisation could bound
        position = int(np.flatnonzero(~np.isfinite(scores))[0])
        source = sheet.attrs.get("source") or "the sheet"
        raise DataError(
            f"{source}: the score of row {int(rows[kept][position])} is not a finite number; "
            "its values are too large to compare (check the cells of that row)"
        )
    ranks, order = kernels.competition_rank(scores)
    kernels.reorder_rows(normalised, order)
    unknown = np.isnan(ranked)[order] if np.isnan(ranked).any() else None
    dominators = unknowns.dominators(normalised, unknown, scores[order])
    left_out = _left_out(profile, unknown)
    if left_out is not None and left_out.any():
        shown = ", ".join(c.key for c, gone in zip(profile.criteria, left_out.any(axis=0), strict=True) if gone)
        notices.append(
            f"missing = \"renormalise\": a programme missing {shown} is scored over the criteria it has, "
            "its weights renormalised to add up to 1"
        )
    costs = total_cost(profile, parsed)

    positions = order if not excluded_mask.any() else np.flatnonzero(kept)[order]
    kept_rows = rows[positions]
    raw = sheet[[match.columns[k] for k in keys]].copy()
    raw.columns = keys
    raw.index = rows
    excluded_positions = np.flatnonzero(excluded_mask)
    excluded = pd.DataFrame(
        {
            "name": names[excluded_positions],
            "row": rows[excluded_positions],
            "reasons": [reasons[p] for p in excluded_positions],
        }
    )
    return Ranking(
        profile=profile,
        columns=dict(match.columns),
        names=names[positions],
        rows=kept_rows,
        ranks=ranks[order],
        scores=scores[order],
        values=pd.DataFrame(values, index=rows, columns=keys, copy=False),
        normalised=pd.DataFrame(normalised, index=kept_rows, columns=keys, copy=False),
        raw=raw,
        excluded=excluded,
        issues=pd.concat(issue_parts, ignore_index=True) if issue_parts else empty_issues(),
        notices=notices,
        source=sheet.attrs.get("source"),
        dominated_by=dominators,
        total_cost=None if costs is None else costs[positions],
        filtered=prepared.filtered,
        joined=prepared.joined,
        unknown=unknown,
        left_out=left_out if left_out is not None and left_out.any() else None,
        interval_low=None if intervals is None else pd.DataFrame(intervals[0], index=rows, columns=keys),
        interval_high=None if intervals is None else pd.DataFrame(intervals[1], index=rows, columns=keys),
    )


def _intervals(
    parsed: dict[str, ParsedColumn], profile: Profile, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """(lows, highs) of the cells that gave a range, NaN elsewhere; ``values`` then holds each
    range's scored end (the criterion's ``range`` policy). None when no cell gave a range."""
    lows = [parsed[k].lows for k in profile.keys]
    if all(low is None for low in lows):
        return None
    matrix = np.column_stack([np.full(len(values), np.nan) if low is None else low for low in lows])
    matrix[np.isnan(values)] = np.nan
    highs = unknowns.scored_ends(values, matrix, profile.criteria)
    return matrix, highs


def _left_out(profile: Profile, unknown: np.ndarray | None) -> np.ndarray | None:
    """(n, k) True where a programme's value is unknown and the criterion's policy is renormalise."""
    columns = np.array([c.missing == "renormalise" for c in profile.criteria])
    if unknown is None or not columns.any():
        return None
    return unknown & columns[None, :]


def total_cost(profile: Profile, parsed: dict[str, ParsedColumn]) -> np.ndarray | None:
    """Each programme's total cost of study, from the profile's money criterion (None without one).

    Fees (already totalled over the length) plus living costs and earnings forgone over the length,
    when the profile declares them.
    """
    money = [c for c in profile.criteria if c.kind == "money"]
    if not money:
        return None
    chosen = next((c for c in money if c.total), money[0])
    fees = parsed[chosen.key].values
    if chosen.total or profile.costs.per_month == 0:
        return fees
    length = profile.length_criterion(chosen)
    if length is None:
        return fees
    return fees + profile.costs.per_month * parsed[length.key].values


@dataclass
class Prepared:
    """Stages 1-3 done: the profile as applied, the rows the filters kept, the matched columns,
    names and parsed cells."""

    profile: Profile
    sheet: pd.DataFrame  # the candidate rows (all of them without filters)
    match: ColumnMatch
    names: pd.api.extensions.ExtensionArray
    name_columns: list[str]
    parsed: dict[str, ParsedColumn]
    issues: pd.DataFrame
    notices: list[str]
    filtered: filters.Filtered | None = None
    joined: JoinReport | None = None


def prepare(
    sheet: pd.DataFrame,
    profile: Profile | str | Path = "article",
    method: str | None = None,
    weights: dict[str, float] | None = None,
    rank: str | None = None,
    where: list[str] | tuple[str, ...] | None = None,
    join: JoinSpec | None = None,
    max_unknown: int | None = None,
) -> Prepared:
    """Apply the overrides, join another table (``join``, else the profile's), match columns to
    criteria, parse every criterion's cells and keep the rows the filters (the profile's ``where`` and
    ``where``) keep."""
    sheet = checked_sheet(sheet)
    profile = load_profile(profile)
    if weights is not None and not isinstance(weights, Mapping):
        raise ProfileError(f"weights must map criterion keys to numbers, e.g. {{'cost': 3}} (got {weights!r})")
    for key in weights or {}:
        if key not in profile.keys:
            raise ProfileError(
                f"unknown criterion {key!r} in weights{suggest(key, profile.keys)}; "
                f"the criteria are {', '.join(profile.keys)}"
            )
    where_given = [where] if isinstance(where, str) else list(where or [])
    profile = profile.with_changes(
        method=method, weights=weights, rank=rank, where=where_given, max_unknown=max_unknown
    )
    try:
        sheet = _joined(sheet, join if join is not None else profile.join)
    except joining.JoinError as exc:
        if join is not None:
            raise
        raise joining.JoinError(f"{profile.source or 'the profile'}: join: {exc}") from None
    joined: JoinReport | None = sheet.attrs.get("join")
    match = match_columns(sheet, profile)
    if match.dropped:
        profile = profile.without(match.dropped)
    naming = name_columns(sheet, profile, set(match.columns.values()))
    try:
        parsed = parse_cells(sheet, match.columns, profile)
    except (TypeError, AttributeError):
        refuse_odd_cells(sheet, list(match.columns.values()))
        raise
    filtered = None
    if profile.where:
        try:
            kept, filtered = filters.apply(
                filters.parse_filters(profile.where),
                sheet,
                match.columns,
                {c.key: c.kind for c in profile.criteria},
                {key: column.values for key, column in parsed.items()},
            )
        except FilterError as exc:
            if exc.expression in where_given:
                raise
            raise FilterError(f"{profile.source or 'the profile'}: where: {exc}", exc.expression) from None
        if filtered.left_out:
            sheet, parsed = _keep_rows(sheet, parsed, kept)
    names, duplicates = duplicate_names(sheet, programme_names(sheet, naming), naming)
    parts = [duplicates] + [parsed[k].issues for k in profile.keys]
    if joined is not None:
        parts = [_kept_issues(joined.issues, sheet), *(joined.relocate(p) for p in parts)]
    parts = [p for p in parts if len(p)]
    issues = pd.concat(parts, ignore_index=True) if parts else empty_issues()
    notices = list(sheet.attrs.get("notices", [])) + list(match.notices)
    return Prepared(profile, sheet, match, names, naming, parsed, issues, notices, filtered, joined)


def _joined(sheet: pd.DataFrame, spec: JoinSpec | None) -> pd.DataFrame:
    """The sheet with the other table's columns added (as it is without ``spec``)."""
    if spec is None:
        return sheet
    return joining.join(sheet, spec.source, spec.on)[0]


def _kept_issues(issues: pd.DataFrame, sheet: pd.DataFrame) -> pd.DataFrame:
    """The join's issues on the rows still in ``sheet`` (the filters may have left some out)."""
    if not len(issues) or not sheet.attrs.get("programscore_rows"):
        return issues
    return issues[issues["row"].isin(sheet_rows(sheet))].reset_index(drop=True)


def _keep_rows(
    sheet: pd.DataFrame, parsed: dict[str, ParsedColumn], kept: np.ndarray
) -> tuple[pd.DataFrame, dict[str, ParsedColumn]]:
    """The sheet and its parsed cells with only the ``kept`` rows; rows keep their sheet numbers and
    the issues of the rows left out go with them (they were never candidates)."""
    positions = np.flatnonzero(kept)
    rows = sheet_rows(sheet)[positions]
    candidates = sheet.iloc[positions].set_axis(pd.Index(rows), axis=0)
    candidates.attrs = {**sheet.attrs, "programscore_rows": True}

    def subset(column: ParsedColumn) -> ParsedColumn:
        issues = column.issues
        if len(issues):
            issues = issues[issues["row"].isin(rows) | issues["row"].isna()].reset_index(drop=True)
        return replace(
            column,
            values=column.values[positions],
            statuses=column.statuses[positions],
            period_codes=None if column.period_codes is None else column.period_codes[positions],
            issues=issues,
            lows=None if column.lows is None else column.lows[positions],
        )

    return candidates, {key: subset(column) for key, column in parsed.items()}


def aggregate(values: np.ndarray, profile: Profile) -> tuple[np.ndarray, np.ndarray]:
    """(normalised, scores) for the programmes being ranked, in their given order."""
    normalised = normalise(values, profile.criteria)
    available = _left_out(profile, np.isnan(normalised))
    for j, criterion in enumerate(profile.criteria):
        column = normalised[:, j]
        fill = 0.0
        if criterion.missing == "mean" and not np.isnan(column).all():
            fill = float(np.nanmean(column))
        column[np.isnan(column)] = fill
    weights = np.array([c.weight for c in profile.criteria], dtype=np.float64)
    if not len(normalised):
        return normalised, np.empty(0)
    if available is not None and available.any():
        available = ~available
        if profile.method == "weighted-sum":
            return normalised, kernels.renormalised_scores(normalised, weights, available)
        return normalised, kernels.topsis(normalised, weights, available)
    if profile.method == "weighted-sum":
        return normalised, kernels.weighted_scores(normalised, weights)
    return normalised, kernels.topsis(normalised, weights)


def normalise(values: np.ndarray, criteria: list[Criterion]) -> np.ndarray:
    """Each column to [0, 1], 1 = best; NaN (missing) stays NaN."""
    out = np.empty(values.shape, dtype=np.float64, order="F")
    for j, c in enumerate(criteria):
        column = values[:, j]
        if c.better == "target":
            out[:, j] = kernels.to_target(column, c.target, c.worst)  # type: ignore[arg-type]
        elif c.best is None and c.worst is None:
            out[:, j] = kernels.minmax(column, c.lower_is_better)
        else:
            out[:, j] = _anchored(column, c)
    return out


def _anchored(column: np.ndarray, c: Criterion) -> np.ndarray:
    """Fixed anchors; a missing one is the observed best or worst value."""
    lower = c.lower_is_better
    if c.best is not None and c.worst is not None and ((c.worst > c.best) if lower else (c.worst < c.best)):
        return kernels.anchored(column, c.best, c.worst)
    finite = column[np.isfinite(column)]
    if finite.size == 0:
        return np.full_like(column, np.nan)
    best = c.best if c.best is not None else (finite.min() if lower else finite.max())
    worst = c.worst if c.worst is not None else (finite.max() if lower else finite.min())
    if (worst <= best) if lower else (worst >= best):
        # every observed value is at or beyond the one fixed anchor
        reached = (column <= best) if lower else (column >= best)
        return np.where(np.isnan(column), np.nan, np.where(reached, 1.0, 0.0))
    return kernels.anchored(column, best, worst)


def _stop_on_missing(sheet: pd.DataFrame, profile: Profile, columns: dict[str, str], values: np.ndarray) -> None:
    """``missing = "error"``: stop, listing the cells."""
    rows = sheet_rows(sheet)
    for j, c in enumerate(profile.criteria):
        if c.missing != "error":
            continue
        gaps = np.flatnonzero(np.isnan(values[:, j]))
        if len(gaps):
            column = columns[c.key]
            letter = sheet_letter(sheet, column)
            cells = [f"{letter}{rows[p]} {_shown(sheet[column].iloc[p])}" for p in gaps[:10]]
            more = f" and {len(gaps) - 10} more" if len(gaps) > 10 else ""
            raise DataError(
                f'{where(sheet)}: criterion {c.key!r} has missing = "error" and {len(gaps)} programme(s) '
                f"have no readable value in column {column!r}: {', '.join(cells)}{more}"
            )


def _shown(raw: object) -> str:
    if raw is None or (isinstance(raw, float) and np.isnan(raw)):
        return "(empty)"
    return repr(str(raw))


def _exclusions(profile: Profile, values: np.ndarray) -> tuple[np.ndarray, dict[int, list[str]]]:
    """Programmes outside the hard limits, or missing a value whose policy is "exclude"."""
    n = len(values)
    excluded = np.zeros(n, dtype=bool)
    reasons: dict[int, list[str]] = {}
    base = profile.currency.base

    def add(mask: np.ndarray, message: object) -> None:
        for p in np.flatnonzero(mask):
            reasons.setdefault(int(p), []).append(message(values[p, j]) if callable(message) else str(message))
        excluded[mask] = True

    too_many, unknown_reasons = unknowns.too_many_unknown(profile, values)
    for p in np.flatnonzero(too_many):
        reasons.setdefault(int(p), []).append(unknown_reasons[p])
    excluded |= too_many
    for j, c in enumerate(profile.criteria):
        column = values[:, j]
        missing = np.isnan(column)
        if c.missing == "exclude":
            add(missing, f"{c.key} is missing")
        if c.min is not None:
            add(
                ~missing & (column < c.min),
                lambda v, c=c: f"{c.key} {format_value(v, c, base)} is below min {format_value(c.min, c, base)}",
            )
        if c.max is not None:
            add(
                ~missing & (column > c.max),
                lambda v, c=c: f"{c.key} {format_value(v, c, base)} is above max {format_value(c.max, c, base)}",
            )
        if c.require:
            add(~missing & (column <= 0), f"{c.key} is required but not offered")
    return excluded, reasons

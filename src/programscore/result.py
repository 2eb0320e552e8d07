"""The ``Ranking`` result: everything a report needs, computed once by ``scoring.score``."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import kernels
from .errors import ProgramscoreError
from .explanation import Comparison, Explanation
from .filters import Filtered
from .issues import cell_text
from .joining import JoinReport
from .parsing.text import months_text
from .profiles import Criterion, Profile
from .unknowns import dominance_basis, imputed_cells


def format_value(value: float, criterion: Criterion, base: str) -> str:
    """A parsed value as a person reads it: ``12 months``, ``9,250 GBP``, ``85%``, ``yes``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "missing"
    kind = criterion.kind
    if kind == "money":
        return f"{value:,.0f} {base}"
    if kind == "duration":
        return months_text(value, ".3g")
    if kind == "percent":
        return f"{value * 100:.3g}%"
    if kind == "boolean":
        return {1.0: "yes", 0.0: "no", 0.5: "optional"}.get(float(value), f"{value:g}")
    if kind == "keywords":
        return "mentioned" if value else "not mentioned"
    if kind == "rating":
        return f"{value:.3g} of {criterion.scale[1]:g}"  # type: ignore[index]
    return f"{value:,.6g}"


def closest_names(name: str, names: list[str], limit: int = 5) -> list[str]:
    """The names most like ``name`` (a misspelt part of one, such as ``Kinsgate``, finds it), best first."""
    from rapidfuzz import fuzz, process, utils

    found = process.extract(name, names, scorer=fuzz.partial_ratio, processor=utils.default_process,
                            limit=limit, score_cutoff=80)  # fmt: skip
    if not found:
        return []
    best = found[0][1]
    return [match for match, similarity, _ in found if similarity >= best - 15]


@dataclass
class Ranking:
    """A scored sheet: ranked programmes, excluded ones with reasons, cell issues and the profile."""

    profile: Profile  # as applied: method and weights in force, absent optional criteria left out
    columns: dict[str, str]  # criterion key -> sheet header
    names: pd.api.extensions.ExtensionArray | np.ndarray  # ranked programmes, best first (Arrow strings)
    rows: np.ndarray  # their sheet row numbers
    ranks: np.ndarray
    scores: np.ndarray
    values: pd.DataFrame  # parsed values in canonical units, one column per criterion
    normalised: pd.DataFrame  # 0..1 after the missing policy, 1 = best
    raw: pd.DataFrame  # the cells as written
    excluded: pd.DataFrame  # name, row, reasons
    issues: pd.DataFrame  # sheet, row, column, cell, value, severity, message
    notices: list[str] = field(default_factory=list)
    source: str | None = None
    dominated_by: np.ndarray | None = None  # position (in ranked order) of a programme that dominates, or -1
    total_cost: np.ndarray | None = None  # total cost of study in the base currency, ranked order
    ranked_count: int | None = None  # programmes ranked, when this view shows only some of them
    filtered: Filtered | None = None  # what the row filters (where) kept and left out; None without filters
    joined: JoinReport | None = None  # what joining another table (--join) did; None without a join
    hidden_dominated: int = 0  # dominated programmes this view leaves out (``without_dominated``)
    ordered_by: str = "score"  # "score", or "value" for the value-for-money view (``by_value``)
    unknown: np.ndarray | None = None  # (ranked, criteria) True where no cell gave the value; None: none unknown
    left_out: np.ndarray | None = None  # (ranked, criteria) True where missing = "renormalise" left it out
    interval_low: pd.DataFrame | None = None  # like ``values``: a range's lower end, NaN where no range
    interval_high: pd.DataFrame | None = None  # its upper end (``values`` holds the end that scores)
    full: Ranking | None = field(default=None, repr=False)  # the whole ranking this view was selected from

    def __post_init__(self) -> None:
        if self.dominated_by is None:
            self.dominated_by = np.full(len(self.names), -1, dtype=np.int64)
        if self.ranked_count is None:
            self.ranked_count = len(self.names)

    @property
    def method(self) -> str:
        return self.profile.method

    @functools.cached_property
    def contributions(self) -> pd.DataFrame:
        """Points per criterion: 100 x weight share x normalised value; they add up to the score for
        weighted-sum. Worked out when first asked for (a big ranking need not hold them twice)."""
        weights = np.array([c.weight for c in self.profile.criteria], dtype=np.float64)
        normalised = self.normalised.to_numpy(dtype=np.float64)
        if self.left_out is not None:
            points = normalised * kernels.row_point_shares(weights, ~self.left_out)
        else:
            _, points = kernels.weighted_sum(normalised, weights)
        return pd.DataFrame(points, index=self.normalised.index, columns=self.normalised.columns, copy=False)

    @property
    def dominated(self) -> np.ndarray:
        """True for programmes another is at least as good as on every criterion, and better on one."""
        return self.dominated_by >= 0

    def dominator_names(self) -> list[str | None]:
        return [None if d < 0 else str(self.names[d]) for d in self.dominated_by]

    def dominance_basis(self, position: int) -> str | None:
        """How the dominance of the programme at ``position`` was decided (None: not dominated)."""
        above = int(self.dominated_by[position])
        return None if above < 0 else dominance_basis(self.unknown, self.profile.keys, position, above)

    @property
    def imputed(self) -> np.ndarray:
        """(ranked, criteria) True where a point was earned from an imputed value (``missing`` worst or
        mean filled in a value no cell gave); see ``imputed_cells``."""
        return imputed_cells(self)

    @property
    def unknown_counts(self) -> np.ndarray:
        """How many criteria each ranked programme has no value for."""
        if self.unknown is None:
            return np.zeros(len(self.names), dtype=np.int64)
        return self.unknown.sum(axis=1)

    @property
    def value_for_money(self) -> np.ndarray | None:
        """Points per 1,000 of total cost (base currency); inf for a free programme, NaN when unknown."""
        if self.total_cost is None:
            return None
        cost = self.total_cost
        with np.errstate(divide="ignore", invalid="ignore"):
            value = np.where(cost > 1e-9, self.scores / (cost / 1000.0), np.inf)  # a fee of 5e-324 is free
        return np.where(np.isnan(cost), np.nan, value)

    @property
    def cost_frontier(self) -> np.ndarray:
        """True for programmes that no other beats on both total cost and score."""
        from .kernels import cost_frontier

        if self.total_cost is None:
            return np.zeros(len(self.names), dtype=bool)
        return cost_frontier(self.total_cost, self.scores)

    @property
    def table(self) -> pd.DataFrame:
        """rank, name, score, points per criterion, total cost, points per 1,000 and dominance; best first."""
        table = pd.DataFrame({"rank": self.ranks, "name": self.names, "score": self.scores})
        taken = {"rank", "name", "score", "total_cost", "per_1000", "dominated_by"}
        for key in self.contributions.columns:
            # a criterion keyed like a column of the table (``score``) must not replace that column
            table[f"{key} points" if key in taken else key] = self.contributions[key].to_numpy()
        if self.total_cost is not None:
            table["total_cost"] = self.total_cost
            table["per_1000"] = self.value_for_money
        table["dominated_by"] = self.dominator_names()
        return table

    def select(self, positions: np.ndarray) -> Ranking:
        """The same ranking showing only, or re-ordering, the programmes at ``positions`` (ranks kept)."""
        positions = np.asarray(positions, dtype=np.int64)
        where_now = np.full(len(self.names), -1, dtype=np.int64)
        where_now[positions] = np.arange(len(positions))
        dominated_by = np.where(self.dominated_by[positions] >= 0, where_now[self.dominated_by[positions]], -1)
        rows = self.rows[positions]
        return replace(
            self,
            names=self.names[positions],
            rows=rows,
            ranks=self.ranks[positions],
            scores=self.scores[positions],
            normalised=self.normalised.iloc[positions],
            dominated_by=dominated_by,
            total_cost=None if self.total_cost is None else self.total_cost[positions],
            unknown=None if self.unknown is None else self.unknown[positions],
            left_out=None if self.left_out is None else self.left_out[positions],
            full=self.full if self.full is not None else self,
        )

    def without_dominated(self) -> Ranking:
        kept = self.select(np.flatnonzero(~self.dominated))
        return replace(kept, hidden_dominated=self.hidden_dominated + int(self.dominated.sum()))

    def by_value(self) -> Ranking:
        """Best value for money first (points per 1,000 of total cost); unknown costs last."""
        value = self.value_for_money
        if value is None:
            raise ProgramscoreError("the profile has no money criterion, so there is no value for money")
        order = np.lexsort((np.arange(len(value)), -np.nan_to_num(value, nan=-np.inf)))
        return replace(self.select(order), ordered_by="value")

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
        close = closest_names(name, everyone)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        if self.filtered is not None and self.filtered.left_out:
            hint += f" ({self.filtered.summary()})"
        raise ProgramscoreError(f"no programme called {name!r}{hint}")

    def _row_of(self, pool: str, position: int) -> int:
        return int(self.rows[position] if pool == "ranked" else self.excluded["row"].iloc[position])

    def explain(self, name: str) -> Explanation:
        """Raw value, parsed value, normalised value, weight and points per criterion for one programme."""
        pool, position = self._find(name)
        weights = self.profile.weights
        row = self._row_of(pool, position)
        frame = []
        from .parsing import parser_for

        for criterion in self.profile.criteria:
            key = criterion.key
            raw = self.raw.loc[row, key] if row in self.raw.index else None
            empty = raw is None or (isinstance(raw, float) and math.isnan(raw))
            column = self.columns.get(key) or ""
            # what the cell was read as, in words: the cell is read again (one cell, the same pure parser)
            cell = None if empty else parser_for(criterion, self.profile, column)(raw)
            reading = None if cell is None else cell.note
            if cell is not None and cell.message:
                reading = f"{reading} (warning: {cell.message})" if reading else f"warning: {cell.message}"
            value = self.values.loc[row, key] if row in self.values.index else np.nan
            ranked = pool == "ranked"
            shown = format_value(value, criterion, self.profile.currency.base)
            if self.interval_low is not None and np.isfinite(self.interval_low.loc[row, key]):
                low, high = self.interval_low.loc[row, key], self.interval_high.loc[row, key]  # type: ignore[union-attr]
                base = self.profile.currency.base
                shown += f" (range {format_value(low, criterion, base)} to {format_value(high, criterion, base)})"
            elif np.isnan(value) and ranked:
                left_out = self.left_out is not None and bool(self.left_out[position, len(frame)])
                shown += " (left out: renormalised)" if left_out else f" (imputed: missing = {criterion.missing})"
            frame.append(
                {
                    "key": key,
                    "label": criterion.label,
                    "column": self.columns.get(key),
                    "raw": "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else cell_text(raw),
                    "value": shown,
                    "normalised": self.normalised[key].iloc[position] if ranked else np.nan,
                    "weight": weights[key],
                    "points": self.contributions[key].iloc[position] if ranked else np.nan,
                    "reading": reading,
                }
            )
        criteria = pd.DataFrame(frame).set_index("key")
        if pool == "ranked":
            basis = self.dominance_basis(position)
            return Explanation(
                str(self.names[position]),
                row,
                int(self.ranks[position]),
                float(self.scores[position]),
                self.method,
                criteria,
                dominated=None if basis is None else f"{self.names[self.dominated_by[position]]} ({basis})",
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

    def sensitivity(
        self,
        samples: int | None = None,
        spread: float | str | None = "default",
        seed: int = 0,
        top: int = 3,
        reversal: bool = False,
        progress: Any = None,
        data_uncertainty: str = "ranges",
    ) -> Any:
        """How the ranking depends on the weights and the uncertain data (a
        ``programscore.sensitivity.Sensitivity``; see ``sensitivity.analyse``)."""
        from .sensitivity import analyse

        return analyse(
            self,
            samples=samples,
            spread=spread,
            seed=seed,
            top=top,
            reversal=reversal,
            progress=progress,
            data_uncertainty=data_uncertainty,
        )

    def render(
        self,
        format: str = "table",
        top: int | None = None,
        tablefmt: str = "simple",
        escape: bool = True,
        width: int | None = None,
    ) -> str | bytes:
        """The report in one of ``reports.FORMATS``: text (``str``) for the text formats, ``bytes``
        for the workbook. ``width`` fits the table to that many characters (default: all columns)."""
        from .reports import Options, render_text

        return render_text(self, format, Options(top=top, tablefmt=tablefmt, escape=escape, width=width))

    @property
    def read_files(self) -> dict[str, str]:
        """The files this ranking was read from, each with what it is (input, profile, joined table):
        ``write`` never writes over one of them."""
        files = {str(self.source): "input file"} if isinstance(self.source, str | Path) else {}
        if self.profile.source and Path(self.profile.source).exists():
            files.setdefault(self.profile.source, "profile file")
        if self.joined is not None and self.joined.path:
            files.setdefault(self.joined.path, "joined file")
        return files

    def write(self, path: str, format: str | None = None, **options: Any) -> None:
        """Write a report; the format comes from the file's extension unless given."""
        from .reports import FORMATS, Options, choose_format, write_output

        fmt = choose_format(path, format)
        writer = FORMATS[fmt].writer(self, Options(**options))
        write_output(writer, path, protect=self.read_files)

    def to_excel(self, path: str, **options: Any) -> None:
        self.write(path, "xlsx", **options)

    def to_html(self, path: str, **options: Any) -> None:
        self.write(path, "html", **options)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of DESIGN.md: profile, ranking, excluded, issues (and, with row filters,
        filtered: the filters, the rows kept and the rows left out)."""
        from .document import ranking_document

        return ranking_document(self)

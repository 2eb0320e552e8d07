"""Profiles: the scoring scheme, as TOML files or Python objects.

A profile names the criteria, where their values come from (column aliases), how each cell is read
(its kind), which direction is better, how much each counts and what happens to missing values.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .criterion_checks import (
    LARGEST,
    MAX_CRITERIA,
    METHODS,
    criterion_problem,
    is_number,
)
from .errors import ProfileError, suggest
from .joining import JoinSpec
from .order import rank_groups, weights_from_order

TOP_KEYS = (
    "name", "description", "method", "name_columns", "rank", "where", "join", "currency", "costs", "criteria",
    "max_unknown",
)  # fmt: skip
COSTS_KEYS = ("living", "earnings")
CURRENCY_KEYS = ("base", "rates", "symbols")


@dataclass
class Criterion:
    """One criterion of a profile. See DESIGN.md and the README for each field."""

    key: str
    kind: str
    label: str | None = None
    columns: list[str] = field(default_factory=list)
    better: str = "higher"
    target: float | None = None
    best: float | None = None
    worst: float | None = None
    weight: float = 1.0
    missing: str = "worst"
    range: str | None = None  # upper | lower | middle: the end of a range that scores (None: the worse end)
    required: bool = True
    min: float | None = None
    max: float | None = None
    require: bool = False
    # kind-specific options
    unit: str | None = None  # duration: unit of a bare number (default months)
    scale: list[float] | None = None  # rating: [low, high], default [0, 5]
    levels: dict[str, float] | None = None  # rating: words -> value on the scale
    match: list[str] | None = None  # keywords: words that make the cell 1
    unless: list[str] | None = None  # keywords: phrases that cancel a match near them ("no placement")
    currency: str | None = None  # money: currency of a bare number (default: the base)
    period: str = "total"  # money: what a fee with no stated period covers
    credits: float | None = None  # money: credits in the programme, for "per credit" fees
    prefer: str | list[str] | None = None  # money: labels, in order, whose amount is used ("international")
    length: str | None = None  # money: duration criterion that totals per-year fees
    total: bool = False  # money: score the total cost of study (fees + living + earnings forgone)

    def __post_init__(self) -> None:
        if not self.label:
            self.label = self.key.replace("_", " ").capitalize()
        if not self.columns:
            self.columns = [self.key, self.label]
        if self.kind == "percent":
            # Anchors and limits follow the cell rule: a value above 1 is a percentage.
            for name in ("best", "worst", "target", "min", "max"):
                value = getattr(self, name)
                if is_number(value) and value > 1:
                    setattr(self, name, value / 100)
        if self.kind == "rating" and self.scale is None:
            self.scale = [0.0, 5.0]
        problem = criterion_problem(self)
        if problem:
            raise ProfileError(f"criterion {self.key!r}: {problem[1]}", problem[0])

    @property
    def lower_is_better(self) -> bool:
        return self.better == "lower"

    def anchors_text(self) -> str:
        """How values become 0..1, for people: ``best 12, worst 24``, ``target 12``, ``min-max over the sheet``."""
        if self.better == "target":
            return f"target {self.target:g}" + (f", 0 at {self.worst:g}" if self.worst is not None else "")
        if self.best is None and self.worst is None:
            return "min-max over the sheet"
        ends = (("best", self.best), ("worst", self.worst))
        return ", ".join(f"{name} {value:g}" for name, value in ends if value is not None)

    def limits_text(self) -> str:
        """The hard limits, for people (``min 12, max 24``, ``required``); empty when there are none."""
        parts = [f"{name} {value:g}" for name, value in (("min", self.min), ("max", self.max)) if value is not None]
        if self.require:
            parts.append("required")
        return ", ".join(parts)


def _check_max_unknown(value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ProfileError(f"max_unknown must be a whole number of at least 0 (got {value!r})", "max_unknown")


@dataclass
class Currency:
    """Money is converted into ``base``; ``rates[X]`` is the value of one X in base units."""

    base: str = "GBP"
    rates: dict[str, float] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.base, str) or not re.fullmatch(r"[A-Z]{3}", self.base):
            raise ProfileError(f"currency base must be a three-letter code such as GBP (got {self.base!r})", "base")
        for code, rate in self.rates.items():
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ProfileError(f"currency rates: {code!r} is not a three-letter currency code", "rates")
            if not is_number(rate) or not 1 / LARGEST <= rate <= LARGEST:
                raise ProfileError(
                    f"currency rates: the rate for {code} must be a positive number up to {LARGEST:,.0f} "
                    f"(got {rate!r})",
                    "rates",
                )
        for symbol, code in self.symbols.items():
            if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
                raise ProfileError(
                    f"currency symbols: {symbol!r} must map to a three-letter code (got {code!r})", "symbols"
                )

    def rate(self, code: str) -> float | None:
        """Units of base per unit of ``code``, or None when the profile has no rate."""
        if code == self.base:
            return 1.0
        return self.rates.get(code)


@dataclass
class Costs:
    """What studying costs besides fees, in the base currency: living costs per month and the
    earnings given up per year. A money criterion with ``total = true`` scores
    fees + (living + earnings / 12) x months."""

    living: float = 0.0
    earnings: float = 0.0

    def __post_init__(self) -> None:
        for name in COSTS_KEYS:
            value = getattr(self, name)
            if not is_number(value) or not 0 <= value <= LARGEST:
                raise ProfileError(f"costs {name} must be a number from 0 to {LARGEST:,.0f} (got {value!r})", name)

    @property
    def per_month(self) -> float:
        return float(self.living) + float(self.earnings) / 12.0


@dataclass
class Profile:
    """A scoring scheme: criteria, weights, method and currency."""

    name: str
    criteria: list[Criterion]
    description: str = ""
    method: str = "weighted-sum"
    name_columns: list[str] | None = None
    currency: Currency = field(default_factory=Currency)
    rank: str | None = None  # an order of importance; when given, it sets the weights (rank-order centroid)
    costs: Costs = field(default_factory=Costs)
    source: str | None = field(default=None, compare=False, repr=False)
    where: list[str] = field(default_factory=list)  # row filters, e.g. "length <= 12" (see filters.py)
    join: JoinSpec | None = None  # another table whose columns are added to the sheet (see joining.py)
    max_unknown: int | None = None  # programmes with more unknown criteria than this are excluded

    def __post_init__(self) -> None:
        _check_max_unknown(self.max_unknown)
        if self.method not in METHODS:
            raise ProfileError(
                f"method {self.method!r} is not one of {', '.join(METHODS)}{suggest(str(self.method), METHODS)}",
                "method",
            )
        if not self.criteria:
            raise ProfileError("a profile needs at least one criterion", "criteria")
        if len(self.criteria) > MAX_CRITERIA:
            raise ProfileError(f"refused: {len(self.criteria):,} criteria (at most {MAX_CRITERIA})", "criteria")
        keys = [c.key for c in self.criteria]
        repeated = [key for key, n in Counter(keys).items() if n > 1]
        if repeated:
            raise ProfileError(f"two criteria have the key {repeated[0]!r}", "criteria")
        if self.rank is not None and not isinstance(self.rank, str):
            raise ProfileError(
                f'rank must be an order in quotes, e.g. "job_support > cost = length" (got {self.rank!r})', "rank"
            )
        if self.rank is not None:
            for key, weight in weights_from_order(self.rank, keys).items():
                self.criterion(key).weight = weight
        if max(c.weight for c in self.criteria) <= 0:
            raise ProfileError("all weights are zero: at least one criterion needs a positive weight", "weight")
        for c in self.criteria:
            if c.currency is not None and c.currency != self.currency.base and c.currency not in self.currency.rates:
                known = ", ".join([self.currency.base, *self.currency.rates])
                raise ProfileError(
                    f"criterion {c.key!r}: currency {c.currency} has no rate in [currency] rates (known: {known}); "
                    f"add {c.currency} = <value of 1 {c.currency} in {self.currency.base}>",
                    "currency",
                )
            if c.kind == "money" and c.length is not None:
                target = self.criterion(c.length) if c.length in keys else None
                if target is None or target.kind != "duration":
                    raise ProfileError(
                        f"criterion {c.key!r}: length {c.length!r} is not a duration criterion of this profile",
                        "length",
                    )
        if self.name_columns is not None and not (
            isinstance(self.name_columns, list) and all(isinstance(x, str) for x in self.name_columns)
        ):
            raise ProfileError("name_columns must be a list of header names", "name_columns")
        self._check_where()
        if self.join is not None and not isinstance(self.join, JoinSpec):
            raise ProfileError("join must be a JoinSpec(file, on=[...]) (in TOML: [join] file and on)", "join")

    def _check_where(self) -> None:
        if not isinstance(self.where, list | tuple) or not all(isinstance(w, str) for w in self.where):
            raise ProfileError('where must be a list of filters, e.g. ["length <= 12", "country = UK"]', "where")
        self.where = list(self.where)
        if self.where:
            from .errors import FilterError
            from .filters import parse_filter

            for expression in self.where:
                try:
                    parse_filter(expression)
                except FilterError as exc:
                    raise ProfileError(f"where: {exc}", "where") from None

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.criteria]

    def criterion(self, key: str) -> Criterion:
        for c in self.criteria:
            if c.key == key:
                return c
        raise ProfileError(
            f"unknown criterion {key!r}{suggest(key, self.keys)}; the criteria are {', '.join(self.keys)}"
        )

    @property
    def weights(self) -> dict[str, float]:
        """Weights divided by their sum."""
        largest = max(c.weight for c in self.criteria)
        scale = largest if largest > 1e150 else 1.0  # weights are relative: 1e308 and 1e308 are 1 and 1
        total = sum(c.weight / scale for c in self.criteria)
        return {c.key: c.weight / scale / total for c in self.criteria}

    def length_criterion(self, money: Criterion) -> Criterion | None:
        """The duration criterion that turns ``money``'s per-year fees into a total."""
        if money.length is not None:
            return self.criterion(money.length)
        return next((c for c in self.criteria if c.kind == "duration"), None)

    def with_changes(
        self,
        method: str | None = None,
        weights: dict[str, float] | None = None,
        rank: str | None = None,
        where: list[str] | tuple[str, ...] | None = None,
        max_unknown: int | None = None,
    ) -> Profile:
        """A copy with another method, some weights replaced (by criterion key), an order of importance,
        or row filters added to the profile's own."""
        changed = copy.deepcopy(self)
        if where:
            changed.where = [*changed.where, *(w for w in where if w not in changed.where)]
        if method is not None:
            changed.method = method
        if max_unknown is not None:
            changed.max_unknown = max_unknown
        if rank is not None and weights:
            raise ProfileError("give weights or an order of importance (rank), not both")
        if rank is not None:
            changed.rank = rank
        elif weights:
            changed.rank = None  # explicit weights replace the order's
        for key, weight in (weights or {}).items():
            criterion = changed.criterion(key)
            criterion.weight = weight
            problem = criterion_problem(criterion)
            if problem:
                raise ProfileError(f"criterion {key!r}: {problem[1]}")
        changed.__post_init__()
        return changed

    def without(self, keys: list[str]) -> Profile:
        """A copy without the criteria in ``keys`` (optional criteria whose column is absent)."""
        changed = copy.deepcopy(self)
        changed.criteria = [c for c in changed.criteria if c.key not in keys]
        if changed.rank is not None:
            groups = [[k for k in group if k not in keys] for group in rank_groups(changed.rank)]
            changed.rank = " > ".join(" = ".join(group) for group in groups if group)
        changed.__post_init__()
        return changed

    def to_dict(self) -> dict[str, Any]:
        """The profile as TOML-ready data (defaults left out)."""
        data: dict[str, Any] = {"name": self.name}
        if self.description:
            data["description"] = self.description
        data["method"] = self.method
        if self.name_columns is not None:
            data["name_columns"] = list(self.name_columns)
        if self.rank is not None:
            data["rank"] = self.rank
        if self.where:
            data["where"] = list(self.where)
        if self.max_unknown is not None:
            data["max_unknown"] = self.max_unknown
        if self.join is not None and isinstance(self.join.file, str | Path):
            data["join"] = {"file": str(self.join.file), "on": self.join.on_text}
        currency: dict[str, Any] = {"base": self.currency.base}
        if self.currency.rates:
            currency["rates"] = dict(self.currency.rates)
        if self.currency.symbols:
            currency["symbols"] = dict(self.currency.symbols)
        data["currency"] = currency
        if self.costs != Costs():
            data["costs"] = {"living": self.costs.living, "earnings": self.costs.earnings}
        defaults = {f.name: f.default for f in fields(Criterion) if f.default is not field}
        criteria = []
        for c in self.criteria:
            item: dict[str, Any] = {}
            for f in fields(Criterion):
                value = getattr(c, f.name)
                if value is None or (
                    f.name in defaults and value == defaults[f.name] and f.name not in ("kind", "key")
                ):
                    continue
                if f.name == "weight" and self.rank is not None:
                    continue  # the order of importance sets it
                item[f.name] = list(value) if isinstance(value, tuple) else value
            criteria.append(item)
        data["criteria"] = criteria
        return data

    def to_toml(self) -> str:
        import tomli_w

        return tomli_w.dumps(self.to_dict())

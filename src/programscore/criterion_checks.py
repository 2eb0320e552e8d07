"""What a criterion may hold: the values each field takes, and the first thing wrong with a criterion."""

from __future__ import annotations

import math
import numbers
import re
from typing import TYPE_CHECKING

from .errors import suggest

if TYPE_CHECKING:
    from .profiles import Criterion

KINDS = ("number", "money", "duration", "boolean", "rating", "percent", "keywords")
METHODS = ("weighted-sum", "topsis")
BETTER = ("higher", "lower", "target")
MISSING = ("worst", "mean", "exclude", "error", "renormalise")
RANGES = ("upper", "lower", "middle")  # the end of a range that scores (unset: the worse end)
PERIODS = ("total", "year", "semester", "trimester", "term", "quarter", "month", "week", "credit")
DURATION_UNITS = ("months", "years", "weeks", "days", "semesters", "trimesters", "terms", "quarters")


LARGEST = 1e12  # no anchor, limit, count or cost of a profile is sensibly beyond this
MAX_CRITERIA = 200
FLAGS = ("required", "require", "total")
TEXTS = ("label", "unit", "currency", "length", "period", "missing", "better", "kind")


def is_number(x: object) -> bool:
    """An int or float, numpy's included (``np.float32(2)``); never a bool."""
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def described(value: object) -> str:
    """A wrong value, for a message: ``the string 'no'``, ``5``."""
    return f"the string {value!r}" if isinstance(value, str) else repr(value)


def _type_problem(c: Criterion) -> tuple[str, str] | None:
    for name in FLAGS:
        if not isinstance(getattr(c, name), bool):
            return name, f"{name} must be true or false, not {described(getattr(c, name))}"
    for name in TEXTS:
        value = getattr(c, name)
        if value is not None and not isinstance(value, str):
            return name, f"{name} must be text in quotes, not {described(value)}"
    for name in ("target", "best", "worst", "min", "max", "credits"):
        value = getattr(c, name)
        if value is not None and (not is_number(value) or not -LARGEST <= value <= LARGEST):
            return name, f"{name} must be a number from {-LARGEST:,.0f} to {LARGEST:,.0f} (got {value!r})"
    if c.credits is not None and not c.credits > 0:
        return "credits", f"credits must be a positive number (got {c.credits!r})"
    return None


def criterion_problem(c: Criterion) -> tuple[str, str] | None:
    """The first thing wrong with a criterion, as (field, message), or None."""
    if not isinstance(c.key, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", c.key):
        return "key", f"key must be a word of letters, digits, _ and - (got {c.key!r})"
    problem = _type_problem(c)
    if problem:
        return problem
    if c.kind not in KINDS:
        return "kind", f"kind {c.kind!r} is not one of {', '.join(KINDS)}{suggest(str(c.kind), KINDS)}"
    if c.better not in BETTER:
        return "better", f"better {c.better!r} is not one of {', '.join(BETTER)}{suggest(str(c.better), BETTER)}"
    if c.missing not in MISSING:
        return "missing", f"missing {c.missing!r} is not one of {', '.join(MISSING)}{suggest(str(c.missing), MISSING)}"
    if c.range is not None and c.range not in RANGES:
        return "range", f"range {c.range!r} is not one of {', '.join(RANGES)}{suggest(str(c.range), RANGES)}"
    if not is_number(c.weight) or math.isnan(c.weight) or math.isinf(c.weight):
        return "weight", f"weight must be a number (got {c.weight!r})"
    if c.weight < 0:
        return "weight", f"weight must not be negative (got {c.weight!r})"
    if c.better == "target" and c.target is None:
        return "target", 'better = "target" needs target = N'
    if c.better != "target" and c.target is not None:
        return "target", 'target is only used with better = "target"'
    if c.best is not None and c.worst is not None:
        if c.best == c.worst:
            return "worst", f"best and worst must differ (both {c.best})"
        if c.better == "higher" and c.best < c.worst:
            return "best", f'best ({c.best}) is below worst ({c.worst}) but better = "higher"'
        if c.better == "lower" and c.best > c.worst:
            return "best", f'best ({c.best}) is above worst ({c.worst}) but better = "lower"'
    if c.better == "target" and c.best is not None:
        return "best", 'with better = "target" the best value is the target; give worst only'
    if c.min is not None and c.max is not None and c.min > c.max:
        return "min", f"min ({c.min}) is above max ({c.max})"
    if not isinstance(c.columns, list) or not all(isinstance(x, str) and x.strip() for x in c.columns):
        return "columns", "columns must be a list of header names"
    if c.require and c.kind != "boolean":
        return "require", "require = true is for boolean criteria (use min/max for others)"
    if c.unit is not None and c.unit not in DURATION_UNITS:
        return (
            "unit",
            f"unit {c.unit!r} is not one of {', '.join(DURATION_UNITS)}{suggest(str(c.unit), DURATION_UNITS)}",
        )
    if c.period not in PERIODS:
        return "period", f"period {c.period!r} is not one of {', '.join(PERIODS)}{suggest(str(c.period), PERIODS)}"
    if c.scale is not None:
        if (
            not isinstance(c.scale, list | tuple)
            or len(c.scale) != 2
            or not all(is_number(x) and -LARGEST <= x <= LARGEST for x in c.scale)
            or c.scale[0] >= c.scale[1]
        ):
            return "scale", f"scale must be [low, high] with low < high (got {c.scale!r})"
    if c.levels is not None:
        if not isinstance(c.levels, dict) or not all(is_number(v) for v in c.levels.values()):
            return "levels", "levels must map words to numbers, e.g. { high = 4, low = 1 }"
    if c.total and c.kind != "money":
        return "total", "total = true is for money criteria"
    if c.kind == "keywords" and not c.match:
        return "match", 'a keywords criterion needs match = ["word", ...]'
    if c.match is not None and not (
        isinstance(c.match, list) and all(isinstance(x, str) and x.strip() for x in c.match)
    ):
        return "match", "match must be a list of words"
    if c.unless is not None and not (
        isinstance(c.unless, list) and all(isinstance(x, str) and x.strip() for x in c.unless)
    ):
        return "unless", "unless must be a list of phrases"
    if c.unless is not None and c.kind != "keywords":
        return "unless", "unless is for keywords criteria"
    if c.prefer is not None and not (
        (isinstance(c.prefer, str) and c.prefer.strip())
        or (isinstance(c.prefer, list | tuple) and c.prefer and all(isinstance(x, str) and x.strip() for x in c.prefer))
    ):
        return "prefer", 'prefer must be a label or a list of labels, e.g. ["international", "overseas"]'
    if c.prefer is not None and c.kind != "money":
        return "prefer", "prefer is for money criteria"
    if c.currency is not None and not re.fullmatch(r"[A-Z]{3}", str(c.currency)):
        return "currency", f"currency must be a three-letter code such as GBP (got {c.currency!r})"
    return None

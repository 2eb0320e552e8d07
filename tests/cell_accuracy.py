"""How well the cell parsers read the ground-truth corpus of ``tests/cell_corpus.py``.

Run ``python tests/cell_accuracy.py`` for precision and recall, overall and per kind, and a list of every
wrong or missed case (``--holdout`` measures the held-out cases of ``tests/cell_holdout.py`` instead); or
``from cell_accuracy import measure`` and call ``measure(CASES)``.

- A value is *given* when the parser's status is "ok" or "assumed" and the value is not NaN.
- precision = right / given: the share of values given that are right (a value given for a cell that
  states none is wrong).
- recall = right / stated: the share of the values cells state that the parser found (right).

Each case goes through the public entry point, ``programscore.parsing.parser_for(criterion, profile,
header)``, with the article profile's criterion of that kind changed by the case's options
(``dataclasses.replace``); the ``header`` option is the column header. Money is compared in the base
currency with the profile's rates (relative tolerance 1e-6) together with its period (no period = "total").
A fee per credit in a criterion that sets ``credits`` is totalled as the pipeline does
(``parsing.total_fees``) before comparing. Durations are compared within 0.05 months (weeks: 52 a year).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cell_corpus import CASES, MISSING, Case

import programscore
from programscore.parsing import parser_for

KINDS = ("money", "duration", "boolean", "rating", "percent")
CRITERION_OF_KIND = {
    "money": "cost",
    "duration": "length",
    "boolean": "placement",
    "rating": "job_support",
    "percent": "employment",
}
GIVEN_STATUSES = ("ok", "assumed")
DURATION_TOLERANCE = 0.05  # months: about a day and a half, so 12/52 and 7/30.44 months a week both pass
VALUE_TOLERANCE = 1e-6


def run_case(case: Case, profile: programscore.Profile):
    """The Cell the parser gives for one case (exceptions propagate)."""
    options = dict(case.options)
    header = options.pop("header", "")
    criterion = replace(profile.criterion(CRITERION_OF_KIND[case.kind]), **options)
    return parser_for(criterion, profile, header)(case.raw)


def _given(cell) -> bool:
    value = getattr(cell, "value", math.nan)
    return getattr(cell, "status", None) in GIVEN_STATUSES and isinstance(value, int | float) and not math.isnan(value)


def _money_got(case: Case, cell) -> tuple[float, str]:
    """The fee the cell gave, in the base currency, and its period (credits totalled as the pipeline does)."""
    value, period = float(cell.value), cell.period or "total"
    credits = case.options.get("credits")
    if period == "credit" and credits:
        value, period = value * float(credits), "total"
    return value, period


def is_right(case: Case, cell, profile: programscore.Profile) -> bool:
    """Whether a given value matches the case's expectation."""
    if case.expected is MISSING:
        return False
    if case.kind == "money":
        amount, code, period = case.expected
        rate = profile.currency.rate(code)
        if rate is None:
            raise ValueError(f"the corpus uses {code}, which has no rate in the profile")
        value, got_period = _money_got(case, cell)
        return math.isclose(value, amount * rate, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9) and got_period == period
    tolerance = DURATION_TOLERANCE if case.kind == "duration" else VALUE_TOLERANCE
    return abs(float(cell.value) - float(case.expected)) <= tolerance


def _describe_got(case: Case, cell, profile: programscore.Profile) -> str:
    if isinstance(cell, Exception):
        return f"raised {type(cell).__name__}: {cell}"
    text = f"status={cell.status}"
    if _given(cell):
        if case.kind == "money":
            value, period = _money_got(case, cell)
            text = f"{value:,.2f} {profile.currency.base}"
            if case.expected is not MISSING:
                rate = profile.currency.rate(case.expected[1]) or 1.0
                text += f" (= {value / rate:,.2f} {case.expected[1]})"
            text += f" /{period} [{cell.status}]"
        else:
            text = f"{cell.value:g} [{cell.status}]"
    if getattr(cell, "message", None):
        text += f" {cell.message!r}"
    return text


def _describe_expected(case: Case) -> str:
    if case.expected is MISSING:
        return "MISSING"
    if case.kind == "money":
        amount, code, period = case.expected
        return f"{amount:,.2f} {code} /{period}"
    return f"{case.expected:g}"


def _ratios(counts: dict[str, int]) -> dict[str, float]:
    given, stated, right = counts["given"], counts["stated"], counts["right"]
    return {
        **counts,
        "precision": right / given if given else math.nan,
        "recall": right / stated if stated else math.nan,
    }


def measure(cases: Iterable[Case] = CASES, profile: programscore.Profile | None = None) -> dict:
    """Precision and recall of the parsers on ``cases``, overall and per kind, and the failures.

    Returns ``{"overall": {...}, "kinds": {kind: {...}}, "failures": [...]}`` where each summary holds
    ``cases, given, stated, right, precision, recall`` and each failure ``case, outcome, got`` with
    outcome "wrong" (a value given that is not the cell's) or "missed" (a stated value not given).
    """
    profile = profile or programscore.load_profile("article")
    empty = {"cases": 0, "given": 0, "stated": 0, "right": 0}
    counts = {kind: dict(empty) for kind in KINDS}
    failures = []
    for case in cases:
        try:
            cell = run_case(case, profile)
        except Exception as error:  # a crash on one cell is a miss, not the end of the measurement
            cell = error
        tally = counts.setdefault(case.kind, dict(empty))
        tally["cases"] += 1
        stated = case.expected is not MISSING
        given = not isinstance(cell, Exception) and _given(cell)
        right = given and is_right(case, cell, profile)
        tally["stated"] += stated
        tally["given"] += given
        tally["right"] += right
        if given and not right:
            failures.append({"case": case, "outcome": "wrong", "got": _describe_got(case, cell, profile)})
        elif stated and not given:
            failures.append({"case": case, "outcome": "missed", "got": _describe_got(case, cell, profile)})
    overall = {key: sum(tally[key] for tally in counts.values()) for key in empty}
    return {
        "overall": _ratios(overall),
        "kinds": {kind: _ratios(tally) for kind, tally in counts.items()},
        "failures": failures,
    }


def _pct(x: float) -> str:
    return "  n/a " if math.isnan(x) else f"{100 * x:5.1f}%"


def report(result: dict) -> str:
    lines = [f"{'kind':<10}{'cases':>6}{'stated':>8}{'given':>7}{'right':>7}{'precision':>11}{'recall':>9}"]
    rows = [*result["kinds"].items(), ("overall", result["overall"])]
    for name, s in rows:
        lines.append(
            f"{name:<10}{s['cases']:>6}{s['stated']:>8}{s['given']:>7}{s['right']:>7}"
            f"{_pct(s['precision']):>11}{_pct(s['recall']):>9}"
        )
    for outcome in ("wrong", "missed"):
        chosen = [f for f in result["failures"] if f["outcome"] == outcome]
        lines.append("")
        lines.append(f"{outcome.upper()} ({len(chosen)}):")
        for failure in chosen:
            case = failure["case"]
            options = f" options={case.options}" if case.options else ""
            why = f"  [{case.why}]" if case.why else ""
            lines.append(f"- {case.kind}: {case.raw!r}{options}")
            lines.append(f"    expected {_describe_expected(case)}, got {failure['got']}{why}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Report on the corpus; ``--holdout`` measures the held-out cases of ``tests/cell_holdout.py`` instead."""
    import argparse

    parser = argparse.ArgumentParser(description="Precision and recall of the cell parsers.")
    parser.add_argument(
        "--holdout", action="store_true", help="measure the held-out cases (tests/cell_holdout.py) instead"
    )
    args = parser.parse_args(argv)
    if args.holdout:
        from cell_holdout import CASES as HOLDOUT_CASES

        print(report(measure(HOLDOUT_CASES)))
    else:
        print(report(measure(CASES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

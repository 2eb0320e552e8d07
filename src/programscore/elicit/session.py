"""The three ways of asking, as flows over the sheet's swings: each question goes to ``ask`` (a
person at a terminal, or an answers file), and the answers become weights and a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import ProgramscoreError
from . import questions
from .ahp import CONSISTENT_ENOUGH, RANDOM_INDEX, ahp, most_inconsistent, scale_text
from .pairwise import QUESTIONS_PER_PAIR, Bisection, pairwise, u_to_rho
from .questions import Question
from .ranges import Swing
from .swing import swing

METHODS = ("swing", "pairwise", "ahp")
Ask = Callable[[Question], Any]
Say = Callable[[str], None]


class ElicitError(ProgramscoreError):
    """The questions cannot be asked (too few criteria with a range, no reference for trade-offs)."""


@dataclass
class Exchange:
    """One question and its answer, as the profile records them."""

    id: str
    question: str
    answer: str


@dataclass
class Elicitation:
    """What the questions found: weights (summing to 1) over the criteria asked about."""

    method: str
    swings: list[Swing]
    weights: dict[str, float]
    record: list[Exchange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    consistency_ratio: float | None = None  # ahp
    reference: str | None = None  # pairwise

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.swings]


def _quiet(text: str) -> None:
    return None


def run(method: str, swings: list[Swing], ask: Ask, say: Say = _quiet, revise: bool = True) -> Elicitation:
    """Ask the questions of ``method`` about ``swings`` and work out the weights."""
    if method not in METHODS:
        raise ElicitError(f"unknown method {method!r}; the methods are {', '.join(METHODS)}")
    if not swings:
        raise ElicitError("no criterion varies over the programmes, so there is nothing to ask about")
    if len(swings) == 1:
        only = swings[0]
        return Elicitation(method, swings, {only.key: 1.0}, notes=[f"{only.key} is the only criterion that varies"])
    if method == "swing":
        return _swing(swings, ask, say)
    if method == "pairwise":
        return _pairwise(swings, ask, say)
    return _ahp(swings, ask, say, revise)


def _swing(swings: list[Swing], ask: Ask, say: Say) -> Elicitation:
    by_key = {s.key: s for s in swings}
    first_q = questions.first_question(swings)
    first = by_key[ask(first_q)]
    record = [Exchange(first_q.id, "Which single improvement would you take first?", first.key)]
    say(questions.rating_intro(first))
    ratings = {first.key: 100.0}
    for s in swings:
        if s is first:
            continue
        q = questions.rating_question(s, first)
        ratings[s.key] = ask(q)
        record.append(Exchange(q.id, f"{s.key} ({s.describe()}) against {first.key} = 100", q.shown(ratings[s.key])))
    weights = swing(ratings, {s.key: s.span for s in swings})
    return Elicitation("swing", swings, _ordered(weights, swings), record, _span_notes(swings))


def choose_reference(swings: list[Swing]) -> Swing:
    """The criterion the trade-offs are measured in: a cost if the profile scores one, else the first
    criterion that can be split (a yes/no one cannot)."""
    continuous = [s for s in swings if not s.discrete]
    if not continuous:
        raise ElicitError(
            "trade-off questions need a criterion measured on a scale (money, length, a rating...); "
            "every criterion here is yes/no: use --method swing or ahp"
        )
    return next((s for s in continuous if questions.is_price(s)), continuous[0])


def _pairwise(swings: list[Swing], ask: Ask, say: Say) -> Elicitation:
    reference = choose_reference(swings)
    say(
        f"Each question offers a trade against {reference.key} ({reference.describe()}), all else equal: "
        f"answer y to take it, n to refuse it, = if either is as good. Up to {QUESTIONS_PER_PAIR} "
        "questions per criterion, each halving the range of what the answer can be."
    )
    record: list[Exchange] = []
    ratios: dict[tuple[str, str], float] = {}
    notes = _span_notes(swings)
    for other in swings:
        if other is reference:
            continue
        bisection = Bisection(reference, other)
        number = 0
        while (offer := bisection.next_offer()) is not None:
            number += 1
            q = questions.tradeoff_question(reference, other, offer, number)
            reply = ask(q)
            bisection.answer(offer, reply)
            record.append(
                Exchange(f"{q.id}[{number - 1}]", q.text.split("] ", 1)[1], {"=": "either"}.get(reply, reply))
            )
        ratios[(other.key, reference.key)] = bisection.weight_ratio
        given, taken = bisection.indifference
        notes.append(
            f"{other.key}: {questions.indifference_text(reference, other, given, taken)}; "
            f"w_{other.key} / w_{reference.key} = {bisection.weight_ratio:.3g}"
        )
        if bisection.high >= 2 or bisection.low <= 0:
            bound = (
                f"more than {u_to_rho(bisection.low):.3g}" if bisection.high >= 2 else f"less than {bisection.high:.3g}"
            )
            notes.append(
                f"{other.key}: every answer put its improvement at {bound} times the whole of {reference.key}'s; "
                f"the weight takes the middle of the last interval, {bisection.rho:.3g} times"
            )
    weights = pairwise(ratios, [s.key for s in swings])
    return Elicitation("pairwise", swings, weights, record, notes, reference=reference.key)


def _ahp(swings: list[Swing], ask: Ask, say: Say, revise: bool) -> Elicitation:
    n = len(swings)
    _check_ahp_size(n)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    say(questions.SAATY_HELP)
    matrix = np.ones((n, n))
    record: list[Exchange] = []

    def judge(i: int, j: int, number: int) -> None:
        q = questions.judgement_question(swings[i], swings[j], number, len(pairs))
        value: Fraction = ask(q)
        matrix[i, j], matrix[j, i] = float(value), float(1 / value)
        text = f"how much more {swings[i].key} matters than {swings[j].key}"
        record.append(Exchange(q.id, text, q.shown(value)))

    for number, (i, j) in enumerate(pairs, 1):
        judge(i, j, number)
    priorities, ratio = ahp(matrix)
    notes = _span_notes(swings)
    while ratio > CONSISTENT_ENOUGH:
        worst = most_inconsistent(matrix)
        if worst is None:
            break
        a, b = swings[worst.row], swings[worst.column]
        advice = (
            f"consistency ratio {ratio:.3f} is above {CONSISTENT_ENOUGH}: {a.key} vs {b.key} fits the "
            f"other answers worst (you said {scale_text(worst.given)}; "
            f"{scale_text(worst.suggested)} would fit them)"
        )
        if not revise:
            notes.append(advice)
            break
        say(advice[0].upper() + advice[1:] + ".")
        offer = questions.revise_question(a, b, Fraction(worst.given).limit_denominator(9), worst.suggested)
        again = ask(offer)
        record.append(Exchange(offer.id, f"revise {a.key} vs {b.key}", offer.shown(again)))
        if not again:
            notes.append(advice)
            break
        judge(worst.row, worst.column, pairs.index((worst.row, worst.column)) + 1)
        priorities, ratio = ahp(matrix)
    spans = {s.key: s.span for s in swings}
    values = {s.key: float(p) for s, p in zip(swings, priorities, strict=True)}
    raw = {k: v / spans[k] for k, v in values.items()}
    total = sum(raw.values())
    weights = {k: v / total for k, v in raw.items()}
    notes.insert(0, "priorities of the improvements: " + ", ".join(f"{k} {v:.3f}" for k, v in values.items()))
    return Elicitation("ahp", swings, weights, record, notes, consistency_ratio=ratio)


def _check_ahp_size(n: int) -> None:
    if n > len(RANDOM_INDEX):
        raise ElicitError(
            f"AHP compares every pair of criteria and Saaty's random indices go up to {len(RANDOM_INDEX)} "
            f"criteria; this profile has {n} that vary: use --method swing or pairwise"
        )


def _ordered(weights: dict[str, float], swings: list[Swing]) -> dict[str, float]:
    return {s.key: weights[s.key] for s in swings}


def _span_notes(swings: list[Swing]) -> list[str]:
    return [
        f"{s.key}: the sheet's range is {s.span:.0%} of the profile's scale, so its weight is its worth / {s.span:.3g}"
        for s in swings
        if s.span < 1 - 1e-9
    ]


def plan(method: str, swings: list[Swing]) -> str:
    """The questions ``method`` would ask, for ``--dry-run``."""
    if method not in METHODS:
        raise ElicitError(f"unknown method {method!r}; the methods are {', '.join(METHODS)}")
    if len(swings) < 2:
        return "Nothing to ask: fewer than two criteria vary over the programmes."
    if method == "swing":
        first = questions.first_question(swings)
        lines = [first.text, f"  ({first.id})", "", "Then, taking that one as 100, for each of the others:"]
        lines += [f"  {s.key}: {s.describe()}  [0-100]  (ratings.{s.key})" for s in swings]
        return "\n".join(lines)
    if method == "pairwise":
        reference = choose_reference(swings)
        lines = [f"Trade-offs against {reference.key}: {reference.describe()}."]
        lines.append(f"For each other criterion, up to {QUESTIONS_PER_PAIR} questions; the first is:")
        for other in swings:
            if other is reference:
                continue
            offer = Bisection(reference, other).next_offer()
            q = questions.tradeoff_question(reference, other, offer, 1)  # type: ignore[arg-type]
            lines.append(f"  {q.text}  [y/n/=]  ({q.id})")
        lines.append("and each next one halves the interval the answers leave, up to "
                     f"{(len(swings) - 1) * QUESTIONS_PER_PAIR} questions in all.")  # fmt: skip
        return "\n".join(lines)
    n = len(swings)
    _check_ahp_size(n)
    total = n * (n - 1) // 2
    lines = [questions.SAATY_HELP, ""]
    number = 0
    for i in range(n):
        for j in range(i + 1, n):
            number += 1
            q = questions.judgement_question(swings[i], swings[j], number, total)
            lines += [q.text, f"  ({q.id})"]
    return "\n".join(lines)

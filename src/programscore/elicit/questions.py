"""The questions, in the sheet's units, and how their answers are read.

Each question has an ``id`` (its key in an answers file: ``first``, ``ratings.cost``,
``tradeoffs.length``, ``judgements.job_support/cost``), the text shown to people, and ``read``,
which turns an answer (typed, or from the file) into a value or raises ``ValueError`` with a message
that says what is expected.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .ahp import parse_judgement, scale_text
from .pairwise import Offer
from .ranges import Swing, delta_text


@dataclass
class Question:
    id: str
    text: str  # what is asked (one or more lines)
    prompt: str  # the short line the answer is typed after
    read: Callable[[Any], Any]
    shown: Callable[[Any], str] = str  # an answer as the record writes it


# --- swing ---------------------------------------------------------------------------------------


def swing_list(swings: list[Swing]) -> str:
    lines = ["Imagine a programme at the worst of your sheet on every criterion. It could improve on one:"]
    lines += [f"  {n}. {s.key}: {s.describe()}" for n, s in enumerate(swings, 1)]
    return "\n".join(lines)


def first_question(swings: list[Swing]) -> Question:
    keys = [s.key for s in swings]

    def read(answer: Any) -> str:
        text = str(answer).strip()
        if text.isdigit() and 1 <= int(text) <= len(keys):
            return keys[int(text) - 1]
        if text in keys:
            return text
        raise ValueError(f"answer with a number from 1 to {len(keys)} or a criterion key ({', '.join(keys)})")

    return Question(
        id="first",
        text=swing_list(swings) + "\nWhich single improvement would you take first?",
        prompt=f"Improvement taken first (1-{len(keys)} or key)",
        read=read,
    )


def rating_question(swing: Swing, first: Swing) -> Question:
    def read(answer: Any) -> float:
        value = _number(answer)
        if value is None:
            raise ValueError("answer with a number from 0 to 100")
        if value > 100 + 1e-9:  # a computed 100.00000000000001 is 100
            raise ValueError(f"{value:g} is above 100: then this improvement would come before {first.key}; "
                             "answer from 0 to 100")  # fmt: skip
        if value < 0:
            raise ValueError(f"{value:g} is below 0: answer from 0 to 100")
        return min(value, 100.0)

    return Question(
        id=f"ratings.{swing.key}",
        text=f"{swing.key}: {swing.describe()}",
        prompt=f"  worth (0-100, where {first.key} = 100)",
        read=read,
        shown=lambda v: f"{v:g}",
    )


def rating_intro(first: Swing) -> str:
    return (
        f"{first.key} is worth 100. How much is each other improvement worth on the same scale "
        f"(0 = nothing, 100 = as much as {first.key})?"
    )


# --- pairwise ------------------------------------------------------------------------------------


def tradeoff_question(reference: Swing, other: Swing, offer: Offer, number: int) -> Question:
    gain = _change(other, offer.delta, better=True, whole=offer.whole)
    if is_price(reference):
        amount = delta_text(offer.reference_delta, "money", reference.currency)
        text = f"Would you pay {amount} more for a programme that {gain}?"
    else:
        loss = _change(reference, offer.reference_delta, better=False, whole=False)
        text = f"Would you take a programme that {loss} if it {gain}?"
    if offer.beyond:
        text += f" (more than the whole range of {reference.key} in your sheet, {_range(reference)})"
    return Question(
        id=f"tradeoffs.{other.key}",
        text=f"[{other.key} {number}] {text}",
        prompt="  y (yes), n (no) or = (either)",
        read=_yes_no,
    )


def is_price(s: Swing) -> bool:
    """A cost: the trade-offs are asked as "would you pay ... more"."""
    return s.kind == "money" and s.better == "lower"


def _yes_no(answer: Any) -> str:
    if isinstance(answer, bool):
        return "y" if answer else "n"
    text = str(answer).strip().lower()
    if text in ("y", "yes"):
        return "y"
    if text in ("n", "no"):
        return "n"
    if text in ("=", "either", "same", "equal"):
        return "="
    raise ValueError("answer y (yes), n (no) or = (either is as good)")


def _range(s: Swing) -> str:
    return f"{s.value(s.worst)} to {s.value(s.best)}"


def _change(s: Swing, amount: float, better: bool, whole: bool) -> str:
    """``is 6 months shorter``, ``costs £5,000 more``, ``has Placement offered yes instead of no``."""
    if s.discrete:
        ends = (s.best, s.worst) if better else (s.worst, s.best)
        return f"has {s.label} {s.value(ends[0])} instead of {s.value(ends[1])}"
    if whole and s.kind in ("rating", "percent", "number") and s.better != "target":
        scale = f" (of {s.scale_top:g})" if s.kind == "rating" and s.scale_top is not None else ""
        shown = (_plain(s.best), _plain(s.worst)) if s.kind == "rating" else (s.value(s.best), s.value(s.worst))
        return f"has {s.label} {shown[0]} instead of {shown[1]}{scale}"
    size = delta_text(amount, s.kind, s.currency)
    if s.better == "target":
        phrase = f"is {size} {'closer to' if better else 'farther from'} the target of {s.value(s.target)}"  # type: ignore[arg-type]
    else:
        up = (s.better == "higher") == better
        if s.kind == "money" and s.better == "lower":
            phrase = f"costs {size} {'more' if up else 'less'}"
        elif s.kind == "duration":
            phrase = f"is {size} {'longer' if up else 'shorter'}"
        else:
            scale = f" (of {s.scale_top:g})" if s.kind == "rating" and s.scale_top is not None else ""
            phrase = f"has {s.label} {size} {'higher' if up else 'lower'}{scale}"
    if whole:
        phrase += f" ({s.value(s.best)} instead of {s.value(s.worst)})"
    return phrase


def _plain(x: float) -> str:
    return f"{x:g}"


# --- AHP -----------------------------------------------------------------------------------------


def judgement_question(a: Swing, b: Swing, number: int, total: int) -> Question:
    def read(answer: Any) -> Fraction:
        if isinstance(answer, str):
            words = answer.split()
            if len(words) == 2 and words[0] in (a.key, b.key):
                strength = parse_judgement(words[1])
                if strength < 1:
                    raise ValueError(f"after a name, give how much more it matters: 1 to 9 (got {words[1]})")
                return strength if words[0] == a.key else 1 / strength
        try:
            return parse_judgement(answer)
        except ValueError as exc:
            raise ValueError(
                f"{exc}; answer 1 to 9 if {a.key} matters more, 1/2 to 1/9 if {b.key} does, or name one: '{b.key} 3'"
            ) from None

    return Question(
        id=f"judgements.{a.key}/{b.key}",
        text=(
            f"[{number}/{total}] Which improvement matters more to you, and how much?\n"
            f"  A  {a.key}: {a.describe()}\n  B  {b.key}: {b.describe()}"
        ),
        prompt=f"  {a.key} vs {b.key} (1-9 for A, 1/2-1/9 for B)",
        read=read,
        shown=scale_text,
    )


SAATY_HELP = (
    "Answer on Saaty's scale: 1 = both matter equally; 3 = A matters moderately more, 5 strongly, "
    "7 very strongly, 9 extremely (2, 4, 6, 8 between); 1/3, 1/5, 1/7, 1/9 = B matters that much more. "
    "Or name the one that matters more: 'cost 5'."
)


def revise_question(a: Swing, b: Swing, given: Fraction, suggested: Fraction) -> Question:
    def read(answer: Any) -> bool:
        return _yes_no(answer) == "y"

    return Question(
        id=f"revise.{a.key}/{b.key}",
        text=(
            f"Your answers disagree most on {a.key} vs {b.key}: you said {scale_text(given)}, "
            f"and {scale_text(suggested)} would fit your other answers."
        ),
        prompt="  Revise it? (y/n)",
        read=read,
        shown=lambda v: "yes" if v else "no",
    )


def _number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        value = float(answer)
    else:
        try:
            value = float(str(answer).strip().rstrip("%").replace(",", ""))
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def indifference_text(reference: Swing, other: Swing, reference_delta: float, delta: float) -> str:
    """``£35,550 of cost for 6 months of length``: what the answers make worth the same."""
    given = delta_text(reference_delta, reference.kind, reference.currency)
    if other.discrete:
        return (
            f"{given} of {reference.key} is worth {other.key} {other.value(other.worst)} to {other.value(other.best)}"
        )
    taken = delta_text(delta, other.kind, other.currency)
    if other.kind == "rating" and other.scale_top is not None:
        taken += f" (of {other.scale_top:g})"
    return f"{given} of {reference.key} is worth {taken} of {other.key}"

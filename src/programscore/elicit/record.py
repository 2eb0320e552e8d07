"""The profile an elicitation writes: the base profile with the new weights, after comments that
record the method, every question and answer, and the weights; and reading that record back."""

from __future__ import annotations

import textwrap
from pathlib import Path

from ..profiles import Profile
from .session import Elicitation

MARK = "Weights elicited by `programscore elicit"
WIDTH = 100


def elicited_profile(base: Profile, elicitation: Elicitation, name: str | None = None) -> Profile:
    """``base`` with the elicited weights (rounded to 4 decimals, as the file holds them); a criterion
    that was not asked about (no range in the sheet, or no column) gets weight 0."""
    weights = {c.key: round(elicitation.weights.get(c.key, 0.0), 4) for c in base.criteria}
    profile = base.with_changes(weights=weights)
    profile.rank = None
    if name:
        profile.name = name
    return profile


def profile_text(profile: Profile, elicitation: Elicitation, context: list[str] | None = None) -> str:
    """The TOML of ``profile`` after the comments that record how its weights were found."""
    lines = [f"{MARK} --method {elicitation.method}`."]
    lines += [f"{line}" for line in context or []]
    lines.append(f"method: {DESCRIPTIONS[elicitation.method]}")
    lines.append("improvements asked about (the sheet's range for each criterion):")
    lines += [f"  {s.key}: {s.describe()}" for s in elicitation.swings]
    lines.append("questions and answers:")
    for number, exchange in enumerate(elicitation.record, 1):
        lines.append(f"  {number}. {exchange.question} -> {exchange.answer}")
    if not elicitation.record:
        lines.append("  (none)")
    if elicitation.consistency_ratio is not None:
        lines.append(f"consistency ratio: {elicitation.consistency_ratio:.3f} (acceptable up to 0.1)")
    for note in elicitation.notes:
        lines.append(f"note: {note}")
    weights = profile.weights
    lines.append("weights: " + ", ".join(f"{c.key} {weights[c.key]:.1%}" for c in profile.criteria))
    comment = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        wrapped = textwrap.wrap(line, WIDTH - 2, subsequent_indent=" " * (indent + 4), break_on_hyphens=False)
        comment += [f"# {part}" for part in wrapped or [""]]
    return "\n".join(comment) + "\n\n" + profile.to_toml()


def recorded_elicitation(profile: str | Path) -> list[str] | None:
    """The record at the top of a profile file written by ``programscore elicit`` (None for a built-in
    profile's name or any other file)."""
    path = Path(profile)
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return read_record(text)


def read_record(text: str) -> list[str] | None:
    lines = text.splitlines()
    if not lines or not lines[0].startswith(f"# {MARK}"):
        return None
    record = []
    for line in lines:
        if not line.startswith("#"):
            break
        record.append(line[2:] if line.startswith("# ") else line[1:])
    return record


DESCRIPTIONS = {
    "swing": "swing weighting (Edwards & Barron): the improvement taken first is worth 100, the others are "
    "rated against it, and the weights are the normalised ratings",
    "pairwise": "trade-offs bisected to indifference; with linear values, dx_i on i worth dx_j on j means "
    "w_i dx_i / range_i = w_j dx_j / range_j",
    "ahp": "Saaty's pairwise comparisons on the 1-9 scale; weights from the principal eigenvector",
}

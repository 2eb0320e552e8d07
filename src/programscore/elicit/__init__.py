"""Weights from questions: swing weighting, trade-offs bisected to indifference, and Saaty's AHP,
all asked about the improvements the user's own sheet offers.

    import programscore as ps
    setup = ps.elicit.setup(ps.read_sheet("data/programmes.csv"), "article")
    result = ps.elicit.run("swing", setup.swings, ps.elicit.Replay(ps.elicit.read_answers("answers.toml")))
    profile = ps.elicit.elicited_profile(setup.profile, result)
    weights, cr = ps.elicit.ahp([[1, 3], [1 / 3, 1]])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..profile_io import load_profile
from ..profiles import Profile
from .ahp import RANDOM_INDEX, AHPError, Inconsistency, ahp, most_inconsistent, nearest_scale_value
from .answers import AnswersError, Replay, read_answers
from .outcome import ranking_summary, weights_table
from .pairwise import Bisection, PairwiseError, pairwise, tradeoff_ratio
from .ranges import Swing, anchor_swings, sheet_swings
from .record import elicited_profile, profile_text, recorded_elicitation
from .session import METHODS, Elicitation, ElicitError, Exchange, choose_reference, plan, run
from .swing import SwingError, swing

__all__ = [
    "METHODS", "RANDOM_INDEX", "AHPError", "AnswersError", "Bisection", "ElicitError", "Elicitation",
    "Exchange", "Inconsistency", "PairwiseError", "Replay", "Setup", "Swing", "SwingError", "ahp",
    "anchor_swings", "choose_reference", "elicited_profile", "most_inconsistent", "nearest_scale_value",
    "pairwise", "plan", "profile_text", "ranking_summary", "read_answers", "recorded_elicitation", "run",
    "setup", "sheet_swings", "swing", "tradeoff_ratio", "weights_table",
]  # fmt: skip


@dataclass
class Setup:
    """What the questions are about: the profile, the improvements of the sheet, and the ranking with
    the profile's own weights (None without a sheet)."""

    profile: Profile
    swings: list[Swing]
    notes: list[str] = field(default_factory=list)
    ranking: Any = None


def setup(
    sheet: pd.DataFrame | None,
    profile: Profile | str | Path = "article",
    where: list[str] | tuple[str, ...] | None = None,
    join: Any = None,
) -> Setup:
    """The swings of ``sheet`` (the programmes the profile ranks: after its limits and ``where``), or
    without a sheet the profile's anchors."""
    loaded = load_profile(profile)
    method_note = []
    if loaded.method != "weighted-sum":
        method_note = [
            f"the weights are worked out for a weighted sum of linear values; this profile's method is "
            f"{loaded.method}, which uses weights differently, so rankings follow the answers less exactly"
        ]
    if sheet is None:
        return Setup(
            loaded, anchor_swings(loaded), [*method_note, "no sheet: each criterion between the profile's anchors"]
        )
    from ..scoring import score

    ranking = score(sheet, loaded, where=where, join=join)
    keys = ranking.profile.keys
    values = ranking.values.loc[ranking.rows, keys].to_numpy(dtype=np.float64)
    swings, notes = sheet_swings(values, ranking.profile)
    dropped = [c.key for c in loaded.criteria if c.key not in keys]
    notes += [f"{key}: the sheet has no column for it" for key in dropped] + method_note
    return Setup(loaded, swings, notes, ranking)

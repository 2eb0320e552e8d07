"""After the questions: the weights, the first programmes with them, and how firmly the first stays first."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from ..profiles import Profile
from .ranges import Swing

SAMPLES = 10_000


def weights_table(profile: Profile, swings: list[Swing]) -> str:
    """Each weight, and the points (of 100) its criterion's improvement over the sheet is worth with it:
    weight x the share of the value scale the sheet covers."""
    shares = profile.weights
    spans = {s.key: s.span for s in swings}
    rows = []
    for c in profile.criteria:
        points = f"{100 * shares[c.key] * spans[c.key]:.1f}" if c.key in spans else "not asked"
        rows.append([c.key, f"{shares[c.key]:.1%}", points])
    headers = ["criterion", "weight", "points from worst to best"]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def ranking_summary(ranking: Any, top: int = 5) -> str:
    """The first ``top`` programmes, then the chance the first stays first when each weight moves by up
    to ±25% and the range of each weight within which it stays first (``programscore sensitivity``)."""
    count = min(top, len(ranking.names))
    if count == 0:
        return "No programme is ranked."
    rows = [[int(ranking.ranks[i]), str(ranking.names[i]), f"{ranking.scores[i]:.2f}"] for i in range(count)]
    lines = [f"The first {count} with these weights:", tabulate(rows, headers=["rank", "name", "score"],
                                                                 tablefmt="simple", disable_numparse=True)]  # fmt: skip
    if len(ranking.names) < 2:
        return "\n".join(lines)
    analysis = ranking.sensitivity(samples=SAMPLES, spread=0.25, seed=0, top=3)
    leader = str(ranking.names[0])
    p_first = float(analysis.programmes["p_first"].iloc[0])
    lines += [
        "",
        f"{leader} stays first in {p_first:.1%} of {SAMPLES:,} samples of these weights each varied by up to "
        "±25%, and while each weight (the others scaled in proportion) stays within:",
    ]
    rows = []
    for s in analysis.stability:
        rows.append([s.key, f"{s.share:.1%}", f"{s.low:.1%}", f"{s.high:.1%}", s.below or "-", s.above or "-"])
    headers = ["criterion", "weight", "from", "to", "first below", "first above"]
    lines.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
    return "\n".join(lines)

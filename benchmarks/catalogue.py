"""An invented catalogue of programmes at invented universities, and an outcomes table to join to it."""

from __future__ import annotations

import generate

SYLLABLES = ["north", "vale", "king", "gate", "east", "moor", "harb", "side", "glen", "row", "lin", "den",
             "fjord", "vik", "cedar", "brook", "lake", "mont", "marl", "heath", "west", "bridge", "ald", "ric",
             "salt", "marsh", "quill", "field", "bright", "water"]  # fmt: skip


def catalogue_and_outcomes(rows: int, universities: int, seed: int = 11):
    """A catalogue of ``rows`` programmes at ``universities`` invented universities, and an outcomes
    table with one row per university whose names are, for about 10% of them, written differently:
    half as "Univ. of ..." (the same key once normalised), half with one letter changed (an approximate
    match). Also returns the outcomes table with the catalogue's own spelling, for an exact merge."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    words = sorted({a + b for a in SYLLABLES for b in SYLLABLES if a != b})
    names: list[str] = []
    seen: set[tuple[str, str]] = set()
    while len(names) < universities:
        first, second = (words[i] for i in rng.integers(0, len(words), 2))
        if first != second and (first, second) not in seen:
            seen.add((first, second))
            names.append(f"{first.title()} {second.title()} University")
    sheet = generate.programmes(rows, seed=seed).drop(columns=["Graduate employment"])
    sheet["University"] = np.array(names, dtype=object)[rng.integers(0, universities, rows)]
    written = list(names)
    for i in rng.choice(universities, universities // 10, replace=False):
        first, second, _ = names[i].split(" ")
        if i % 2:
            written[i] = f"Univ. of {first} {second}"
        else:
            at = len(second) // 2
            written[i] = f"{first} {second[:at]}{'x' if second[at] != 'x' else 'z'}{second[at + 1 :]} University"
    employment = (rng.integers(50, 100, universities)).astype(str).astype(object) + "%"
    outcomes = pd.DataFrame({"Institution": written, "Graduate employment": employment})
    exact = pd.DataFrame({"University": names, "Graduate employment": employment})
    return sheet, outcomes, exact

"""The cell parsers against the ground-truth corpus (tests/cell_corpus.py, measured by tests/cell_accuracy.py)."""

from __future__ import annotations

import math

from cell_accuracy import measure
from cell_corpus import CASES, MISSING

from programscore import load_profile
from programscore.criterion_checks import PERIODS

KINDS = {"money", "duration", "boolean", "rating", "percent"}


def test_corpus_is_large_and_covers_many_currencies() -> None:
    assert len(CASES) >= 400
    currencies = {c.expected[1] for c in CASES if c.kind == "money" and c.expected is not MISSING}
    assert len(currencies) >= 10, sorted(currencies)


def test_corpus_cases_are_well_formed() -> None:
    rates = load_profile("article").currency
    seen: dict[tuple, object] = {}
    for case in CASES:
        assert case.kind in KINDS, case
        key = (case.kind, repr(case.raw), repr(sorted(case.options.items())))
        assert key not in seen, f"duplicate case {case}"
        seen[key] = case.expected
        if case.expected is MISSING:
            continue
        if case.kind == "money":
            amount, code, period = case.expected
            assert amount >= 0 and period in PERIODS, case
            assert rates.rate(code) is not None, case
        elif case.kind == "boolean":
            assert case.expected in (0.0, 0.5, 1.0), case
        elif case.kind == "percent":
            assert 0 <= case.expected <= 1, case
        elif case.kind == "rating":
            low, high = case.options.get("scale", [0, 5])
            assert low <= case.expected <= high, case


def test_measure_counts_add_up() -> None:
    result = measure(CASES)
    overall = result["overall"]
    assert overall["cases"] == len(CASES)
    assert overall["right"] <= min(overall["given"], overall["stated"])
    assert sum(k["cases"] for k in result["kinds"].values()) == len(CASES)


# Gate for the rewritten cell parsers (src/programscore/parsing/): of the values they give, at least 99%
# must be what the cell says. The old parsers fail this; run `python tests/cell_accuracy.py` for the list.
def test_parsers_precision_at_least_99_percent() -> None:
    precision = measure(CASES)["overall"]["precision"]
    assert not math.isnan(precision) and precision >= 0.99, f"precision {precision:.3f}"


def test_shortcuts_read_every_cell_as_the_full_path_does(monkeypatch) -> None:
    """money and duration read common cells ("£9,250 / year", "12 months") by a shortcut; with it off, every
    corpus cell, under several headers, must give the same value, status, message, period and reading."""
    import sys
    from pathlib import Path

    from programscore.parsing import duration, money, parser_for

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import generate
    from cell_holdout import CASES as HOLDOUT

    taken = []
    for module, name in ((money, "_one_priced_amount"), (duration, "_common_length")):
        shortcut = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _s=shortcut: taken.append(_s(*a)) or taken[-1])

    profile = load_profile("article")
    criteria = {c.kind: c for c in profile.criteria}
    generated = generate.text_columns(2_000, distinct=1_000)
    cells = {
        "money": [c.raw for c in [*CASES, *HOLDOUT] if c.kind == "money"] + list(set(generated["Tuition fees"])),
        "duration": [c.raw for c in [*CASES, *HOLDOUT] if c.kind == "duration"] + list(set(generated["Length"])),
    }
    headers = {"money": ["Tuition fees", "Fees (EUR)", "Fees (AUD)", "Tuition fee per year"],
               "duration": ["Length", "Length (years)"]}  # fmt: skip
    for kind, module in (("money", money), ("duration", duration)):
        for header in headers[kind]:
            parse = parser_for(criteria[kind], profile, header)
            for raw in cells[kind]:
                fast = parse(raw)
                module.FAST = False
                try:
                    full = parse(raw)
                finally:
                    module.FAST = True
                assert (fast.status, fast.message, fast.period, fast.note) == (
                    full.status, full.message, full.period, full.note
                ), raw  # fmt: skip
                assert fast.value == full.value or (math.isnan(fast.value) and math.isnan(full.value)), raw
    assert sum(t is not None for t in taken) > 1_000  # the shortcuts were taken, and agreed


def test_red_team_cells_are_never_silently_wrong() -> None:
    """The red team's 510 cells (tests/cell_redteam.py): no value given without a warning is wrong."""
    from cell_redteam import classify_all

    _, counts, out = classify_all()
    silent = [(kind, raw) for kind, raw, *_ in out["SILENTLY WRONG"]]
    assert silent == []
    right = sum(n for (_, cls), n in counts.items() if cls in ("RIGHT", "OVER-CAUTIOUS", "UNWARNED"))
    assert right / sum(counts.values()) >= 0.97


def test_second_red_team_cells_are_never_silently_wrong() -> None:
    """The second red team's 457 cells (tests/cell_redteam2.py), including those with two fair readings."""
    from cell_redteam2 import classify_all

    counts, rows = classify_all()
    silent = [(kind, cell) for cls, kind, _, cell, *_ in rows if cls in ("SILENT", "SILENT-AMB", "CRASH")]
    assert silent == []
    assert sum(c["RIGHT"] + c["OVER"] for c in counts.values()) / len(rows) >= 0.97


def test_third_red_team_cells_are_never_silently_wrong() -> None:
    """The third red team's 492 cells from whole scraped rows (tests/cell_redteam3.py)."""
    from cell_redteam3 import CASES as THIRD
    from cell_redteam3 import classify_all as classify_third

    counts, rows = classify_third()
    assert len(rows) == len(THIRD)  # no cell crashed the parser
    assert [(kind, text) for kind, _, text, _, cls, _ in rows if cls == "SILENTLY WRONG"] == []
    right = sum(c["RIGHT"] + c["OVER-CAUTIOUS"] for c in counts.values())
    assert right / len(rows) >= 0.95

"""The scaling table: each command at 10k, 100k, 1M and 3M generated programmes, time and peak memory.

A command that fails, is refused or goes over the time (or memory) cap shows what happened in its
cell, and the table goes on. The workbook format holds at most 1,048,575 programmes under its header
row, so larger sheets are not tried as xlsx.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path

from measure import Failed, process

SHEET_ROWS = 1_048_575  # an xlsx sheet's rows below its header
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "3m": 3_000_000}


def _commands(path: Path, workdir: Path, size: str, programscore: list[str]) -> dict[str, list[str] | None]:
    def score(output: str) -> list[str]:
        return [*programscore, "score", str(path), "-o", str(workdir / f"scaling-{size}.{output}")]

    return {
        "`score -o ranked.csv`": score("csv"),
        "`check`": [*programscore, "check", str(path)],
        "`score -o ranked.json`": score("json"),
        "`score -o ranked.html`": score("html"),
        "`score -o ranked.xlsx`": score("xlsx") if SIZES[size] <= SHEET_ROWS else None,
        "`sensitivity` (defaults)": [*programscore, "sensitivity", str(path), "-o", str(workdir / f"s-{size}.csv")],
    }


def _cell(argv: list[str] | None, runs: int, cap: float) -> str:
    if argv is None:
        return "refused (sheet limit)"
    measured = []
    try:
        for _ in range(runs):
            measured.append(process(argv, cap_seconds=cap))
    except Failed as error:
        return str(error).replace("|", "/")
    seconds = statistics.median(r.seconds for r in measured)
    mib = statistics.median(r.mib for r in measured)
    return f"{seconds:.2f} s, {mib:,.0f} MiB"


def table(
    workdir: Path, sizes: list[str], runs: int, cap: float, sheet: Callable[[Path, str], Path], programscore: list[str]
) -> list[str]:
    """The Markdown lines of the table; each cell is printed (to stderr-free stdout) as it is measured."""
    paths = {size: sheet(workdir, size) for size in sizes}
    cells: dict[str, dict[str, str]] = {}
    for size in sizes:
        for name, argv in _commands(paths[size], workdir, size, programscore).items():
            cells.setdefault(name, {})[size] = value = _cell(argv, runs, cap)
            print(f"  {name} at {size}: {value}", flush=True)
    labels = {"10k": "10,000", "100k": "100,000", "1m": "1,000,000", "3m": "3,000,000"}
    lines = [
        "",
        "| command | " + " | ".join(f"{labels[s]} rows" for s in sizes) + " |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " |",
    ]
    lines += [f"| {name} | " + " | ".join(row[s] for s in sizes) + " |" for name, row in cells.items()]
    return lines

"""programscore's benchmarks: each figure a median over several runs, with its ratio against a baseline
timed in the same run (interleaved, so drift in the machine's speed hits both alike).

    python benchmarks/run.py [--runs N] [--only NAME ...] [--workdir DIR]

Data are generated into --workdir by benchmarks/generate.py (kept between runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# one core: the targets are stated for a single core
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import generate  # noqa: E402


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def compare(name: str, ours: Callable[[], object], baseline: Callable[[], object], runs: int, target: str) -> dict:
    ours()  # warm-up: imports, caches, page cache
    baseline()
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        theirs.append(timed(baseline))
    ratio = statistics.median(m / t for m, t in zip(mine, theirs, strict=True))
    row = {
        "name": name,
        "ours": statistics.median(mine),
        "baseline": statistics.median(theirs),
        "ratio": ratio,
        "target": target,
    }
    print(f"{name:<58} {row['ours']:8.3f}s  baseline {row['baseline']:8.3f}s  ratio {ratio:5.2f}  ({target})", flush=True)
    return row


def bench_read_xlsx(workdir: Path, runs: int) -> dict:
    path = workdir / "programmes-50k.xlsx"
    if not path.exists():
        generate.write(generate.programmes(50_000), str(path))
    from python_calamine import CalamineWorkbook

    import programscore as ps

    def calamine() -> object:
        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()

    return compare(
        "read_sheet, 50,000-row XLSX vs calamine's own read",
        lambda: ps.read_sheet(path),
        calamine,
        runs,
        "ratio <= 1.5",
    )


def alone(name: str, function: Callable[[], object], runs: int, target: str) -> dict:
    function()
    times = [timed(function) for _ in range(runs)]
    row = {"name": name, "ours": statistics.median(times), "target": target}
    print(f"{name:<58} {row['ours']:8.3f}s  (min {min(times):.3f}, max {max(times):.3f}; {target})", flush=True)
    return row


def bench_sensitivity(workdir: Path, runs: int) -> dict:
    import numpy as np
    import pandas as pd

    import programscore as ps

    rng = np.random.default_rng(5)
    sheet = pd.DataFrame(rng.random((1000, 6)) * 100, columns=[f"c{j}" for j in range(6)])
    sheet.insert(0, "name", [f"Programme {i}" for i in range(1000)])
    profile = ps.Profile(
        name="bench", criteria=[ps.Criterion(key=f"c{j}", kind="number", weight=j + 1) for j in range(6)]
    )
    result = ps.score(sheet, profile)
    return alone(
        "sensitivity: 10,000 samples x 1,000 programmes x 6 criteria",
        lambda: result.sensitivity(samples=10_000),
        runs,
        "under 2 s",
    )


BENCHMARKS = {"read-xlsx": bench_read_xlsx, "sensitivity": bench_sensitivity}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", choices=list(BENCHMARKS))
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/.data"))
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    import platform

    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; median of {args.runs} runs")
    for name in args.only or BENCHMARKS:
        BENCHMARKS[name](args.workdir, args.runs)


if __name__ == "__main__":
    main()

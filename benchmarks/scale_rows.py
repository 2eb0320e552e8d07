"""Rows of the benchmarks for the sensitivity analysis and dominance at catalogue scale.

    python benchmarks/scale_rows.py [--runs N] [--workdir DIR] [--previous SRC] [--only NAME ...]

Each row is a dict (name, ours, memory, and with a baseline: baseline, baseline_memory, ratio), for
``benchmarks/run.py`` to print or gather:

- ``sensitivity_command(workdir, rows, runs)``: the whole command ``programscore sensitivity FILE -f csv``
  on a generated sheet of ``rows`` programmes (default samples: 10,000 up to 10,000 programmes, fewer
  beyond), as a process: wall time and peak memory of the child.
- ``sensitivity_library(workdir, runs)``: ``Ranking.sensitivity(samples=10_000)`` of 10,000 programmes
  in this process, against its floor: the same samples' scores and one sort of each sample's scores
  (what any exact ranking of every sample needs; no ranks kept, no percentiles).
- ``dominance(runs)``: ``kernels.dominators`` of 1,000,000 rows x 6 criteria of random continuous
  data (scores a weighted sum), against its floor: the stable sort by sum it starts with.

``previous``: a directory holding an earlier ``programscore`` package (e.g. ``git archive <commit> src
| tar -x -C DIR``, then DIR/src); the command rows and the dominance row then also time it, in the
same run, interleaved, as the baseline.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
from run import command, process, timed


def sheet(workdir: Path, rows: int) -> Path:
    path = workdir / f"programmes-{rows}.csv"
    if not path.exists():
        generate.write(generate.programmes(rows), str(path))
    return path


def _previous_env(previous: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(previous))


def _process(arguments: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    if env is None:
        return process(arguments)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        return process(arguments)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def sensitivity_command(workdir: Path, rows: int, runs: int, previous: Path | None = None,
                        samples: int | None = None) -> dict:  # fmt: skip
    path = sheet(workdir, rows)
    extra = [] if samples is None else ["--samples", str(samples)]
    ours = [*command(), "sensitivity", str(path), "-f", "csv", *extra]
    theirs = [sys.executable, "-m", "programscore", "sensitivity", str(path), "-f", "csv", *extra]
    mine, before = [], []
    for _ in range(runs):
        mine.append(_process(ours))
        if previous is not None:
            before.append(_process(theirs, _previous_env(previous)))
    row = {
        "name": f"sensitivity {rows:,} programmes{'' if samples is None else f' x {samples:,} samples'} -f csv",
        "ours": statistics.median(m[0] for m in mine),
        "memory": statistics.median(m[1] for m in mine),
    }
    if before:
        row |= {
            "baseline": statistics.median(b[0] for b in before),
            "baseline_memory": statistics.median(b[1] for b in before),
            "ratio": statistics.median(m[0] / b[0] for m, b in zip(mine, before, strict=True)),
        }
    return row


def sensitivity_library(workdir: Path, runs: int) -> dict:
    import numpy as np

    import programscore as ps
    from programscore.sensitivity import sample_weights
    from programscore.uncertainty import data_model

    result = ps.score(ps.read_sheet(sheet(workdir, 10_000)), "article")

    def floor() -> None:
        model = data_model(result, "ranges")
        rng = np.random.default_rng(0)
        base = np.array([result.profile.weights[k] for k in result.profile.keys])
        for _ in range(5):
            scores = model.scores(sample_weights(base, 2_000, 0.25, rng), rng)
            scores.sort(axis=1)

    return _compare("Ranking.sensitivity(samples=10_000), 10,000 programmes, vs scores + one sort per sample",
                    lambda: result.sensitivity(samples=10_000), floor, runs)  # fmt: skip


def _matrix(rows: int = 1_000_000) -> tuple:
    import numpy as np

    rng = np.random.default_rng(0)
    values = rng.random((rows, 6))
    return values, values @ np.arange(1, 7) / 21 * 100


def dominance(runs: int, previous: Path | None = None) -> dict:
    from programscore import kernels

    values, scores = _matrix()
    if previous is not None:
        spec = importlib.util.spec_from_file_location("previous_kernels", previous / "programscore" / "kernels.py")
        old = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(old)  # type: ignore[union-attr]
        return _compare(
            "kernels.dominators, 1,000,000 x 6 random continuous, vs the previous implementation",
            lambda: kernels.dominators(values, scores),
            lambda: old.dominators(values, scores),
            runs,
        )
    import numpy as np

    return _compare("kernels.dominators, 1,000,000 x 6 random continuous, vs its stable sort by sum",
                    lambda: kernels.dominators(values, scores),
                    lambda: np.argsort(-values.sum(axis=1), kind="stable"), runs)  # fmt: skip


def _compare(name: str, ours, baseline, runs: int) -> dict:  # type: ignore[no-untyped-def]
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        theirs.append(timed(baseline))
    return {
        "name": name,
        "ours": statistics.median(mine),
        "baseline": statistics.median(theirs),
        "ratio": statistics.median(m / t for m, t in zip(mine, theirs, strict=True)),
    }


def show(row: dict) -> None:
    line = f"{row['name']:<92} {row['ours']:8.2f}s"
    if "memory" in row:
        line += f" {row['memory']:7.0f}MiB"
    if "baseline" in row:
        line += f"  baseline {row['baseline']:8.2f}s"
        if "baseline_memory" in row:
            line += f" {row['baseline_memory']:7.0f}MiB"
        line += f"  ratio {row['ratio']:5.2f}"
    print(line, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path(__file__).resolve().parent / ".data")
    parser.add_argument("--previous", type=Path, help="an earlier programscore package's parent directory")
    parser.add_argument("--only", nargs="*", choices=["10k", "100k", "1m", "10k-explicit-100k", "library",
                                                      "dominance"])  # fmt: skip
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    chosen = set(args.only or ["10k", "100k", "1m", "library", "dominance"])
    if "10k" in chosen:
        show(sensitivity_command(args.workdir, 10_000, args.runs, args.previous))
    if "100k" in chosen:
        show(sensitivity_command(args.workdir, 100_000, args.runs))
    if "10k-explicit-100k" in chosen:  # the previous implementation refused this
        show(sensitivity_command(args.workdir, 100_000, args.runs, samples=10_000))
    if "1m" in chosen:
        show(sensitivity_command(args.workdir, 1_000_000, args.runs))
    if "library" in chosen:
        show(sensitivity_library(args.workdir, args.runs))
    if "dominance" in chosen:
        show(dominance(args.runs, args.previous))


if __name__ == "__main__":
    main()

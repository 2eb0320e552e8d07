"""programscore's benchmarks: each figure a median over several runs, with its ratio against a baseline
timed in the same run (interleaved, so drift in the machine's speed hits both alike).

    python benchmarks/run.py [--runs N] [--only NAME ...] [--workdir DIR]

Data are generated into --workdir by benchmarks/generate.py (kept between runs). Whole commands are
timed as processes (wall clock, and peak memory from the operating system's accounting of the
finished child); functions are timed in this process, on one thread. The scikit-criteria rows need
the bench extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
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


def _report(row: dict) -> None:
    print(
        f"{row['name']:<66} {row['ours']:8.3f}s  baseline {row['baseline']:8.3f}s  ratio {row['ratio']:5.2f}"
        f"  ({row['target']})",
        flush=True,
    )


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
    _report(row)
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
    print(f"{name:<66} {row['ours']:8.3f}s  (min {min(times):.3f}, max {max(times):.3f}; {target})", flush=True)
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


# --- whole processes --------------------------------------------------------------------------------


def process(command: list[str], pin: int | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one run of ``command``, its output thrown away."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=(lambda: os.sched_setaffinity(0, {pin})) if pin is not None else None,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024


def compare_processes(
    name: str, ours: list[str], baseline: list[str], runs: int, target: str, pin: int | None = None
) -> dict:
    process(ours, pin)  # warm-up: page cache, compiled bytecode
    process(baseline, pin)
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(process(ours, pin))
        theirs.append(process(baseline, pin))
    ratio = statistics.median(m[0] / t[0] for m, t in zip(mine, theirs, strict=True))
    row = {
        "name": name,
        "ours": statistics.median(m[0] for m in mine),
        "baseline": statistics.median(t[0] for t in theirs),
        "ratio": ratio,
        "target": target,
        "memory": statistics.median(m[1] for m in mine),
        "baseline_memory": statistics.median(t[1] for t in theirs),
    }
    _report(row)
    return row


def command() -> list[str]:
    """The installed ``programscore`` command beside this Python (no shell or shim in between)."""
    script = Path(sys.executable).with_name("programscore")
    return [str(script)] if script.exists() else [sys.executable, "-m", "programscore"]


PANDAS_ROUND_TRIP = "import sys, pandas as pd; pd.read_csv(sys.argv[1]).to_csv(sys.argv[2], index=False)"


def big_csv(workdir: Path) -> Path:
    path = workdir / "programmes-1m.csv"
    if not path.exists():
        generate.write(generate.programmes(1_000_000), str(path))
    return path


def bench_end_to_end(workdir: Path, runs: int) -> list[dict]:
    path = big_csv(workdir)
    ours = [*command(), "score", str(path), "-o", str(workdir / "ranked.csv")]
    baseline = [sys.executable, "-c", PANDAS_ROUND_TRIP, str(path), str(workdir / "round-trip.csv")]
    rows = []
    for pin, label in ((None, ""), (min(os.sched_getaffinity(0)), ", one core")):
        row = compare_processes(
            f"score 1,000,000-row CSV -o ranked.csv{label} vs pandas read+write",
            ours,
            baseline,
            runs,
            "ratio <= 1.5",
            pin,
        )
        memory = row["memory"] / row["baseline_memory"]
        print(
            f"{'  peak memory' + label:<66} {row['memory']:7.0f}MiB baseline {row['baseline_memory']:7.0f}MiB"
            f"  ratio {memory:5.2f}  (ratio <= 2)",
            flush=True,
        )
        rows.append(row)
    return rows


def bench_help(workdir: Path, runs: int) -> dict:
    return compare_processes(
        "programscore --help vs python -c 'import click'",
        [*command(), "--help"],
        [sys.executable, "-c", "import click"],
        runs * 3,
        "ratio <= 2",
    )


# --- functions in this process ----------------------------------------------------------------------


def _matrix_profile(method: str):  # -> (values, profile): 1M x 6 floats, mixed directions
    import numpy as np

    import programscore as ps

    rng = np.random.default_rng(11)
    values = rng.random((1_000_000, 6)) * 100
    criteria = [
        ps.Criterion(key=f"c{j}", kind="number", weight=w, better="lower" if j in (2, 3) else "higher")
        for j, w in enumerate([3, 2, 2, 2, 1.5, 1.5])
    ]
    return values, ps.Profile(name="bench", method=method, criteria=criteria)


def bench_kernels(workdir: Path, runs: int) -> list[dict]:
    import warnings

    warnings.simplefilter("ignore")  # scikit-criteria's deprecation notices
    try:
        import skcriteria as skc
        from skcriteria.agg.simple import WeightedSumModel
        from skcriteria.agg.topsis import TOPSIS
        from skcriteria.pipelines import mkpipe
        from skcriteria.preprocessing.invert_objectives import InvertMinimize
        from skcriteria.preprocessing.scalers import MinMaxScaler
    except ImportError:
        print("kernels vs scikit-criteria: skipped (pip install -e '.[bench]')")
        return []
    from programscore import kernels
    from programscore.scoring import aggregate

    rows = []
    for method, pipeline, target in (
        ("weighted-sum", mkpipe(InvertMinimize(), MinMaxScaler(target="matrix"), WeightedSumModel()), "ratio <= 0.2"),
        ("topsis", mkpipe(MinMaxScaler(target="matrix"), TOPSIS()), "ratio <= 0.33"),
    ):
        values, profile = _matrix_profile(method)
        objectives = [max if c.better == "higher" else min for c in profile.criteria]
        matrix = skc.mkdm(values, objectives, weights=[c.weight for c in profile.criteria])

        def ours(values=values, profile=profile) -> object:
            _, scores = aggregate(values, profile)  # normalise (min-max) and aggregate
            return kernels.competition_rank(scores)  # rank

        rows.append(
            compare(
                f"{method}: normalise, aggregate, rank 1M x 6 vs scikit-criteria",
                ours,
                lambda pipeline=pipeline, matrix=matrix: pipeline.evaluate(matrix),
                runs,
                target,
            )
        )
    return rows


def bench_parse(workdir: Path, runs: int) -> list[dict]:
    import pandas as pd

    import programscore as ps
    from programscore.parsing import parse_column, parser_for

    sheet = pd.DataFrame(generate.text_columns(1_000_000, distinct=10_000))
    profile = ps.load_profile("article")
    rows = []
    for key, column in (("cost", "Tuition fees"), ("length", "Length")):
        criterion = next(c for c in profile.criteria if c.key == key)
        parser = parser_for(criterion, profile, column)
        distinct = sheet[column].nunique()

        def naive(column: str = column) -> object:  # strip everything but digits: no currencies, no periods
            return pd.to_numeric(sheet[column].str.replace(r"[^0-9.]", "", regex=True), errors="coerce")

        rows.append(
            compare(
                f"parse 1M-row {key} column ({distinct:,} distinct) vs naive pandas",
                lambda column=column, key=key, parser=parser: parse_column(sheet, column, key, parser),
                naive,
                runs,
                "under 1 s",
            )
        )
    return rows


def bench_xlsx_export(workdir: Path, runs: int) -> dict:
    import numpy as np
    import pandas as pd

    import programscore as ps
    from programscore.reports import Options
    from programscore.reports.text import export_columns

    result = ps.score(generate.programmes(50_000), "article")
    columns = export_columns(result, Options())
    table = pd.DataFrame({k: v.to_pylist() if hasattr(v, "to_pylist") else np.asarray(v) for k, v in columns.items()})
    ours_path, theirs_path = workdir / "ranked-50k.xlsx", workdir / "pandas-50k.xlsx"
    return compare(
        "xlsx export, 50,000 ranked rows vs pandas to_excel (openpyxl)",
        lambda: result.write(str(ours_path)),
        lambda: table.to_excel(theirs_path, index=False, engine="openpyxl"),
        max(3, runs // 2),
        "ratio <= 1.2",
    )


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


def bench_join(workdir: Path, runs: int) -> dict:
    import programscore as ps

    sheet, outcomes, exact = catalogue_and_outcomes(100_000, 10_000)
    path = workdir / "outcomes-10k.csv"
    outcomes.to_csv(path, index=False)
    join = ps.JoinSpec(str(path), on=["University=Institution"])
    print(f"  {ps.score(sheet, 'article', join=join).joined.summary()}", flush=True)

    def baseline() -> object:
        return ps.score(sheet.merge(exact, on="University", how="left"), "article")

    return compare(
        "join and score a 100,000-row catalogue with a 10,000-row outcomes table",
        lambda: ps.score(sheet, "article", join=join),
        baseline,
        runs,
        "under 3 s",
    )


BENCHMARKS = {
    "end-to-end": bench_end_to_end,
    "kernels": bench_kernels,
    "parse": bench_parse,
    "help": bench_help,
    "xlsx-export": bench_xlsx_export,
    "read-xlsx": bench_read_xlsx,
    "sensitivity": bench_sensitivity,
    "join": bench_join,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", choices=list(BENCHMARKS))
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/.data"))
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    import platform

    import numpy
    import pandas

    print(
        f"python {platform.python_version()}, pandas {pandas.__version__}, numpy {numpy.__version__}, "
        f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores; median of {args.runs} runs"
    )
    for name in args.only or BENCHMARKS:
        BENCHMARKS[name](args.workdir, args.runs)


if __name__ == "__main__":
    main()

"""programscore's benchmarks: each row a median over several runs, against a baseline timed in the same
run (interleaved, so drift in the machine's speed hits both alike), with time and peak memory of both.

    python benchmarks/run.py [--runs N] [--only NAME ...] [--workdir DIR] [--markdown]
    python benchmarks/run.py --scaling [--sizes 10k 100k 1m 3m] [--runs N] [--cap SECONDS]

Data are generated into --workdir by benchmarks/generate.py (kept between runs). Every figure is of a
child process (see measure.py): a command runs as its own process, a function in a forked child, so
the peak memory is that of the job alone, never of this runner. The baselines are described in
baselines.py and polars_pipeline.py; the polars, scikit-criteria and xlsxwriter rows need the bench
extra (pip install -e '.[bench]'). ``--markdown`` ends with the rows as README table lines;
``--scaling`` prints the README's scaling table (see scaling.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# one thread for numpy: the targets are stated for this 2-core machine, with others at work
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import measure  # noqa: E402

measure.start_launcher()  # before numpy and pandas: the commands' peak memory is theirs alone

import baselines  # noqa: E402
import generate  # noqa: E402
from catalogue import catalogue_and_outcomes  # noqa: E402
from measure import Failed, Row, answer_in_child, compare, in_child, markdown, process, within  # noqa: E402


def command() -> list[str]:
    """The installed ``programscore`` command beside this Python (no shell or shim in between)."""
    script = Path(sys.executable).with_name("programscore")
    return [str(script)] if script.exists() else [sys.executable, "-m", "programscore"]


SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "3m": 3_000_000}


def sheet(workdir: Path, size: str) -> Path:
    """The generated CSV of ``size`` programmes, made once."""
    path = workdir / f"programmes-{size}.csv"
    if not path.exists():  # made in a child: this runner stays small
        answer_in_child(lambda: generate.write(generate.programmes(SIZES[size]), str(path)))
    return path


def score_command(workdir: Path, size: str, output: str, *extra: str) -> list[str]:
    return [*command(), "score", str(sheet(workdir, size)), "-o", str(workdir / output), *extra]


def run(argv: list[str]):  # -> a function giving one Run of the command
    return lambda: process(argv)


# --- whole commands ---------------------------------------------------------------------------------


def bench_score_csv(workdir: Path, runs: int) -> list[Row]:
    ours = score_command(workdir, "1m", "ranked-1m.csv")
    process(ours)  # programscore's own columns, for the pandas baseline to write
    polars_out = workdir / "polars-1m.csv"
    rows = [
        compare(
            "score 1M-row CSV -o ranked.csv vs a polars pipeline doing the same job",
            run(ours),
            run(baselines.polars_pipeline(sheet(workdir, "1m"), polars_out)),
            runs,
            "ratio <= 1.3",
            "polars pipeline",
            within(ratio=1.3),
        )
    ]
    same = answer_in_child(lambda: baselines.same_scores(workdir / "ranked-1m.csv", polars_out))
    print(f"  {same} (programscore and the polars pipeline)")
    pandas = answer_in_child(
        lambda: baselines.pandas_same_columns(
            sheet(workdir, "1m"), workdir / "ranked-1m.csv", workdir / "ranked-1m.arrow", workdir / "pandas-1m.csv"
        )
    )
    rows.append(
        compare(
            "score 1M-row CSV -o ranked.csv vs pandas read_csv + to_csv of the same columns",
            run(ours),
            run(pandas),
            runs,
            "ratio <= 1.0",
            "pandas read_csv + to_csv, same 20 columns",
            within(ratio=1.0),
        )
    )
    return rows


def bench_json(workdir: Path, runs: int) -> list[Row]:
    return [
        compare(
            "score 1M rows --format json vs the CSV path",
            run(score_command(workdir, "1m", "ranked-1m.json")),
            run(score_command(workdir, "1m", "ranked-1m.csv")),
            runs,
            "time and memory ratio <= 2",
            "score -o ranked.csv",
            within(ratio=2, memory_ratio=2),
        )
    ]


def bench_html(workdir: Path, runs: int) -> list[Row]:
    return [
        compare(
            f"score {size.upper()} rows -o ranked.html vs the CSV path",
            run(score_command(workdir, size, f"ranked-{size}.html")),
            run(score_command(workdir, size, f"ranked-{size}.csv")),
            runs,
            "the page <= 3 s and <= 50 MiB over the CSV path",
            "score -o ranked.csv",
            within(extra_seconds=3, extra_mib=50),
        )
        for size in ("100k", "1m")
    ]


def bench_check(workdir: Path, runs: int) -> list[Row]:
    return [
        compare(
            "check 1M-row CSV vs the CSV score path",
            run([*command(), "check", str(sheet(workdir, "1m"))]),
            run(score_command(workdir, "1m", "ranked-1m.csv")),
            runs,
            "ratio <= 1.5",
            "score -o ranked.csv",
            within(ratio=1.5),
        )
    ]


def bench_sensitivity(workdir: Path, runs: int) -> list[Row]:
    sensitivity = [*command(), "sensitivity"]
    return [
        compare(
            "sensitivity 10k programmes x 10,000 samples vs scoring them",
            run([*sensitivity, str(sheet(workdir, "10k")), "--samples", "10000", "-o", str(workdir / "s-10k.csv")]),
            run(score_command(workdir, "10k", "ranked-10k.csv")),
            runs,
            "under 5 s and 1 GiB",
            "score -o ranked.csv",
            within(seconds=5, mib=1024),
        ),
        compare(
            "sensitivity 100k programmes, default samples vs scoring them",
            run([*sensitivity, str(sheet(workdir, "100k")), "-o", str(workdir / "s-100k.csv")]),
            run(score_command(workdir, "100k", "ranked-100k.csv")),
            max(1, runs // 2),
            "works, with a sensible default",
            "score -o ranked.csv",
        ),
    ]


def bench_help(workdir: Path, runs: int) -> list[Row]:
    return [
        compare(
            "programscore --help vs python -c 'import click'",
            run([*command(), "--help"]),
            run([sys.executable, "-c", "import click"]),
            runs * 3,
            "ratio <= 2",
            "import click",
            within(ratio=2),
        )
    ]


# --- functions, each in a forked child ---------------------------------------------------------------


def bench_xlsx(workdir: Path, runs: int) -> list[Row]:
    import programscore as ps

    source = sheet(workdir, "100k")
    ours_path = workdir / "ranked-100k.xlsx"

    def scored() -> object:
        return ps.score(ps.read_sheet(source), "article")

    import xlsx_floor  # the floors: the workbook's big sheets' cells, formats and styles, and nothing else

    floors = [
        ("xlsxwriter constant_memory", xlsx_floor.write_xlsxwriter),
        ("openpyxl write-only", xlsx_floor.write_openpyxl),
    ]
    rows = []
    for label, writer in floors:
        if label.startswith("xlsxwriter"):
            try:
                import xlsxwriter  # noqa: F401
            except ImportError:
                print(f"xlsx vs {label}: skipped (pip install -e '.[bench]')")
                continue
        floor_path = workdir / f"floor-100k-{label.split()[0]}.xlsx"
        rows.append(
            compare(
                f"write the 100k-row workbook vs the same cells, {label}",
                lambda: in_child(scored, lambda result: result.write(str(ours_path))),
                lambda writer=writer, floor_path=floor_path: in_child(
                    lambda: xlsx_floor.sheet_cells(scored()), lambda cells: writer(cells, floor_path)
                ),
                max(1, runs // 2),
                "ratio <= 1.2 of the fastest floor",
                label,
                within(ratio=1.2),
            )
        )
    measured = [r for r in rows if r.measured]
    if measured:
        fastest = min(measured, key=lambda r: r.baseline_seconds)
        print(f"  fastest floor: {fastest.baseline_name}, ratio {fastest.ratio:.2f} (target <= 1.2)")
    return rows


def _matrix(rows: int = 1_000_000, method: str = "weighted-sum"):  # -> (values, profile): 1M x 6, mixed directions
    import numpy as np

    import programscore as ps

    values = np.random.default_rng(11).random((rows, 6)) * 100
    criteria = [
        ps.Criterion(key=f"c{j}", kind="number", weight=w, better="lower" if j in (2, 3) else "higher")
        for j, w in enumerate([3, 2, 2, 2, 1.5, 1.5])
    ]
    return values, ps.Profile(name="bench", method=method, criteria=criteria)


def _ranked(values, profile):  # -> (normalised in rank order, scores in rank order)
    from programscore import kernels
    from programscore.scoring import aggregate

    normalised, scores = aggregate(values, profile)
    _, order = kernels.competition_rank(scores)
    kernels.reorder_rows(normalised, order)
    return normalised, scores[order]


def bench_kernels(workdir: Path, runs: int) -> list[Row]:
    if baselines.skcriteria_pipelines() is None:
        print("kernels vs scikit-criteria: skipped (pip install -e '.[bench]')")
        return []

    def decision_matrix(method: str):  # -> (values, profile, scikit-criteria's matrix), made in the child
        import skcriteria as skc

        values, profile = _matrix(method=method)
        objectives = [max if c.better == "higher" else min for c in profile.criteria]
        return values, profile, skc.mkdm(values, objectives, weights=[c.weight for c in profile.criteria])

    def theirs(state, method: str) -> object:
        return baselines.skcriteria_pipelines()[method].evaluate(state[2])  # type: ignore[index]

    def agree(state, method: str) -> None:
        import numpy as np

        ours, result = _ranked(state[0], state[1])[1], theirs(state, method)
        scores = np.sort(result.e_.score if method == "weighted-sum" else result.e_.similarity)[::-1]
        scale = 100 / sum(c.weight for c in state[1].criteria) if method == "weighted-sum" else 100
        if not np.allclose(ours, scores * scale, rtol=0, atol=1e-9):
            raise AssertionError("the scores differ from scikit-criteria's")

    rows = []
    for method, target in (("weighted-sum", 0.2), ("topsis", 0.33)):
        try:
            in_child(lambda method=method: decision_matrix(method), lambda state, method=method: agree(state, method))
            print(f"  {method}: the same scores as scikit-criteria's (MinMaxInverter)")
        except Failed as error:
            print(f"  {method}: {error}")

        def setup(method: str = method):
            return decision_matrix(method)

        rows.append(
            compare(
                f"{method}: normalise, aggregate, rank 1M x 6 vs scikit-criteria",
                lambda setup=setup: in_child(setup, lambda state: _ranked(state[0], state[1])),
                lambda setup=setup, method=method: in_child(setup, lambda state: theirs(state, method)),
                runs,
                f"ratio <= {target}",
                "scikit-criteria MinMaxInverter + " + ("WeightedSumModel" if method == "weighted-sum" else "TOPSIS"),
                within(ratio=target),
            )
        )
    return rows


def bench_dominance(workdir: Path, runs: int) -> list[Row]:
    from programscore import unknowns

    def ranked():  # -> (normalised, scores) of 1M continuous random rows, in rank order
        return _ranked(*_matrix())

    def rank_only():
        return _matrix()

    return [
        compare(
            "dominance: 1M rows x 6 continuous random criteria vs ranking them",
            lambda: in_child(ranked, lambda state: unknowns.dominators(state[0], None, state[1])),
            lambda: in_child(rank_only, lambda state: _ranked(*state)),
            runs,
            "under 2 s",
            "normalise, aggregate, rank",
            within(seconds=2),
        )
    ]


def bench_parse(workdir: Path, runs: int) -> list[Row]:
    import pandas as pd

    import programscore as ps
    from programscore.parsing import parse_column, parser_for

    profile = ps.load_profile("article")
    rows = []
    for key, column, distinct, target in (
        ("cost", "Tuition fees", 300_000, 3.0),
        ("cost", "Tuition fees", 10_000, 1.0),
        ("length", "Length", 10_000, 1.0),
    ):
        criterion = next(c for c in profile.criteria if c.key == key)
        parser = parser_for(criterion, profile, column)

        def cells(distinct: int = distinct) -> pd.DataFrame:
            return pd.DataFrame(generate.text_columns(1_000_000, distinct=distinct))

        def naive(frame: pd.DataFrame, column: str = column) -> object:  # digits only: no currency, no period
            return pd.to_numeric(frame[column].str.replace(r"[^0-9.]", "", regex=True), errors="coerce")

        rows.append(
            compare(
                f"parse 1M-row {key} column ({distinct:,} distinct) vs naive pandas",
                lambda cells=cells, column=column, key=key, parser=parser: in_child(
                    cells, lambda frame: parse_column(frame, column, key, parser)
                ),
                lambda cells=cells, naive=naive: in_child(cells, naive),
                runs,
                f"under {target:g} s",
                "str.replace + to_numeric",
                within(seconds=target),
            )
        )
    return rows


def bench_read_xlsx(workdir: Path, runs: int) -> list[Row]:
    path = workdir / "programmes-50k.xlsx"
    if not path.exists():
        answer_in_child(lambda: generate.write(generate.programmes(50_000), str(path)))
    import programscore as ps

    def calamine(_: object) -> object:
        from python_calamine import CalamineWorkbook

        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()

    return [
        compare(
            "read_sheet, 50,000-row XLSX vs calamine's own read",
            lambda: in_child(lambda: None, lambda _: ps.read_sheet(path)),
            lambda: in_child(lambda: None, calamine),
            runs,
            "ratio <= 1.5",
            "calamine",
            within(ratio=1.5),
        )
    ]


def bench_join(workdir: Path, runs: int) -> list[Row]:
    import programscore as ps

    path = workdir / "outcomes-10k.csv"

    def setup():
        sheet, outcomes, exact = catalogue_and_outcomes(100_000, 10_000)
        outcomes.to_csv(path, index=False)
        return sheet, exact

    def joined(state) -> object:
        return ps.score(state[0], "article", join=ps.JoinSpec(str(path), on=["University=Institution"]))

    return [
        compare(
            "join and score a 100,000-row catalogue with a 10,000-row outcomes table",
            lambda: in_child(setup, joined),
            lambda: in_child(setup, lambda state: ps.score(state[0].merge(state[1], on="University", how="left"))),
            runs,
            "under 3 s",
            "pandas merge on the exact key, then the same score",
            within(seconds=3),
        )
    ]


BENCHMARKS = {
    "score-csv": bench_score_csv,
    "json": bench_json,
    "html": bench_html,
    "xlsx": bench_xlsx,
    "sensitivity": bench_sensitivity,
    "parse": bench_parse,
    "dominance": bench_dominance,
    "check": bench_check,
    "kernels": bench_kernels,
    "help": bench_help,
    "read-xlsx": bench_read_xlsx,
    "join": bench_join,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", choices=list(BENCHMARKS))
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/.data"))
    parser.add_argument("--markdown", action="store_true", help="end with the rows as README table lines")
    parser.add_argument("--scaling", action="store_true", help="the scaling table instead of the rows")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--cap", type=float, default=600, help="seconds a command of the scaling table may take")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    import platform

    import numpy
    import pandas

    print(
        f"python {platform.python_version()}, pandas {pandas.__version__}, numpy {numpy.__version__}, "
        f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores; median of {args.runs} runs"
    )
    if args.scaling:
        import scaling

        for line in scaling.table(args.workdir, args.sizes, args.runs, args.cap, sheet, command()):
            print(line, flush=True)
        return
    rows: list[Row] = []
    for name in args.only or BENCHMARKS:
        try:
            rows.extend(BENCHMARKS[name](args.workdir, args.runs))
        except Failed as error:  # its preparation failed (the rows themselves report their own failures)
            print(f"{name}: {error}", flush=True)
    if args.markdown:
        print()
        print("\n".join(markdown(rows)))


if __name__ == "__main__":
    main()

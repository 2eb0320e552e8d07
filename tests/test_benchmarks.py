"""The benchmarks' baselines do programscore's job: the polars pipeline gives the same scores, bit for
bit, and the pandas baseline writes the same columns and values as ``score -o ranked.csv``."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A generated sheet of 3,000 programmes and programscore's ranked.csv of it."""
    folder = tmp_path_factory.mktemp("bench")
    source, ranked = folder / "programmes.csv", folder / "ranked.csv"
    generate.write(generate.programmes(3_000, distinct=800, seed=5), str(source))
    result = CliRunner().invoke(main, ["score", str(source), "-o", str(ranked)])
    assert result.exit_code == 0, result.output
    return source, ranked


POLARS_RUN = """
import sys
import numpy as np
sys.path.insert(0, sys.argv[1])
import polars_pipeline
import programscore as ps
table = polars_pipeline.rank(sys.argv[2], ps.load_profile("article"))
np.save(sys.argv[3], table.get_column("score").to_numpy())
np.save(sys.argv[4], table.get_column("rank").to_numpy())
polars_pipeline.write(table, sys.argv[5])
"""


def test_polars_pipeline_scores_are_programscores(catalogue: tuple[Path, Path], tmp_path: Path) -> None:
    import importlib.util
    import subprocess

    if importlib.util.find_spec("polars") is None:
        pytest.skip("polars is in the bench extra")
    source, ranked = catalogue
    scores, ranks, out = tmp_path / "scores.npy", tmp_path / "ranks.npy", tmp_path / "polars.csv"
    # in its own process: polars' thread pools and address space stay out of this one
    subprocess.run(
        [sys.executable, "-c", POLARS_RUN, str(ROOT / "benchmarks"), str(source), str(scores), str(ranks), str(out)],
        check=True,
    )
    result = ps.score(ps.read_sheet(source), "article")
    assert np.array_equal(np.load(scores), result.scores)  # bit for bit
    assert np.array_equal(np.load(ranks), result.ranks)
    written = pd.read_csv(out)
    assert written["name"].tolist() == list(result.names)
    pd.testing.assert_frame_equal(written, pd.read_csv(ranked))  # every column, as written


def test_pandas_baseline_writes_the_same_columns_and_values(catalogue: tuple[Path, Path], tmp_path: Path) -> None:
    import subprocess

    import baselines

    source, ranked = catalogue
    out = tmp_path / "pandas.csv"
    subprocess.run(baselines.pandas_same_columns(source, ranked, tmp_path / "ranked.arrow", out), check=True)
    ours, theirs = ranked.read_text().splitlines(), out.read_text().splitlines()
    assert theirs[0] == ours[0].replace('"', "")  # the header, unquoted
    assert theirs[1:] == ours[1:]  # every row byte for byte


def test_a_failed_command_is_reported_not_raised_through() -> None:
    import measure

    row = measure.compare(
        "a failing command",
        lambda: measure.process([sys.executable, "-c", "import sys; sys.exit('Error: no such file x.csv')"]),
        lambda: measure.process([sys.executable, "-c", "pass"]),
        1,
        "n/a",
        "python",
    )
    assert row.failure == "exit 1: Error: no such file x.csv"
    assert measure.markdown([row])[-1] == "| a failing command | exit 1: Error: no such file x.csv | | | n/a |"

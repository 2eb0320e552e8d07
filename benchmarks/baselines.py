"""The baselines the benchmarks compare programscore with, each the fair floor of one job.

- ``pandas_same_columns``: pandas reads the same input CSV, and writes a frame of the same columns
  and values programscore writes (its own ranked.csv, loaded from an Arrow file prepared beforehand,
  which costs a fraction of a second) with ``to_csv(float_format="%.10g")``. On the generated sheets
  every row comes out byte for byte programscore's (each name holds a comma, so both quote it); only
  the header is unquoted. pandas' default ``to_csv`` of the input alone writes
  8 text columns where programscore writes 20, mostly numbers; that flattered programscore.
- ``polars_pipeline.py``: programscore's job done with polars (see that module).
- the workbook's floors are in ``xlsx_floor.py``: the cells, number formats and styles of its big
  sheets written by xlsxwriter (constant memory) or openpyxl (write-only), nothing else.
- ``skcriteria_pipelines``: scikit-criteria with programscore's own transform, ``MinMaxInverter``
  (min-max, a cost criterion inverted as ``(x - max) / (min - max)``), then its weighted sum or TOPSIS.
"""

from __future__ import annotations

import sys
from pathlib import Path

PANDAS_SAME_COLUMNS = """
import sys
import pandas as pd
import pyarrow.feather as feather
sheet = pd.read_csv(sys.argv[1])  # the input, as programscore reads it (its text columns as Arrow strings)
ranked = feather.read_table(sys.argv[2]).to_pandas()  # the columns programscore writes, already computed
ranked.to_csv(sys.argv[3], index=False, float_format="%.10g")
"""


def pandas_same_columns(source: Path, ranked_csv: Path, columns: Path, out: Path) -> list[str]:
    """The baseline command; ``columns`` (an Arrow file of ``ranked_csv``) is made here when missing
    or older than ``ranked_csv``."""
    if not columns.exists() or columns.stat().st_mtime < ranked_csv.stat().st_mtime:
        import pyarrow.csv as arrow_csv
        import pyarrow.feather as feather

        feather.write_feather(arrow_csv.read_csv(ranked_csv), str(columns), compression="uncompressed")
    return [sys.executable, "-c", PANDAS_SAME_COLUMNS, str(source), str(columns), str(out)]


def polars_pipeline(source: Path, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("polars_pipeline.py")), str(source), str(out)]


def same_scores(ours: Path, theirs: Path) -> str:
    """ "identical" when both files rank the same names in the same order with the same written scores."""
    import pyarrow.csv as arrow_csv

    columns = arrow_csv.ConvertOptions(include_columns=["name", "score"])
    a = arrow_csv.read_csv(ours, convert_options=columns)
    b = arrow_csv.read_csv(theirs, convert_options=columns)
    return "identical scores" if a.equals(b) else "SCORES DIFFER"


def skcriteria_pipelines():  # -> {method: pipeline}, or None without the bench extra
    import warnings

    warnings.simplefilter("ignore")  # scikit-criteria's deprecation notices
    try:
        from skcriteria.agg.simple import WeightedSumModel
        from skcriteria.agg.topsis import TOPSIS
        from skcriteria.pipelines import mkpipe
        from skcriteria.preprocessing.invert_objectives import MinMaxInverter
    except ImportError:
        return None
    return {
        "weighted-sum": mkpipe(MinMaxInverter(), WeightedSumModel()),
        "topsis": mkpipe(MinMaxInverter(), TOPSIS()),
    }

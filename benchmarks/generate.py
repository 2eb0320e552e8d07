"""Generate a large sheet of programmes with realistic text cells.

    python benchmarks/generate.py ROWS OUT.{csv,xlsx} [--distinct N] [--seed S]

Money and duration columns hold text such as "£9,250 / year" and "1 year full-time", drawn from
up to N distinct strings (catalogues repeat values heavily).
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

CURRENCIES = ["£{:,} / year", "£{:,}", "${:,} per year", "{:,} EUR", "€{:,} (Total)", "HK${:,}"]
LENGTHS = ["{} year full-time", "{} months", "Full-time {} year, part-time 2 years", "{} yrs", "{} year"]


def programmes(rows: int, distinct: int = 10_000, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    fee_pool = np.array(
        [
            CURRENCIES[i % len(CURRENCIES)].format(int(amount))
            for i, amount in enumerate(rng.integers(10, 600, size=distinct) * 50)
        ],
        dtype=object,
    )
    length_values = ["1", "1.5", "2", "12", "18", "24", "9", "16"]
    length_pool = np.array(
        [
            LENGTHS[i % len(LENGTHS)].format(length_values[(i // len(LENGTHS)) % len(length_values)])
            for i in range(min(distinct, len(LENGTHS) * len(length_values)))
        ],
        dtype=object,
    )
    levels = np.array(["low", "medium", "high", "excellent", "4/5", "3", "5"], dtype=object)
    yes_no = np.array(["yes", "no", "optional", "Yes", "No"], dtype=object)
    return pd.DataFrame(
        {
            "Programme": [f"MSc Programme {i}" for i in range(rows)],
            "University": np.char.add("University ", (np.arange(rows) % 5000).astype(str)).astype(object),
            "Length": length_pool[rng.integers(0, len(length_pool), rows)],
            "Tuition fees": fee_pool[rng.integers(0, len(fee_pool), rows)],
            "Industry links": levels[rng.integers(0, len(levels), rows)],
            "Placement": yes_no[rng.integers(0, len(yes_no), rows)],
            "Careers support": levels[rng.integers(0, len(levels), rows)],
            "Graduate employment": (rng.integers(50, 100, rows)).astype(str).astype(object) + "%",
        }
    )


def text_columns(rows: int, distinct: int = 10_000, seed: int = 3) -> dict[str, pd.Series]:
    """A money and a duration column of ``rows`` cells drawn from exactly ``distinct`` different
    strings each ("£9,250 / year", "Full-time 14 months, part-time 30 months", ...)."""
    rng = np.random.default_rng(seed)
    amounts = (np.arange(distinct) + 400) * 25
    fees = [CURRENCIES[i % len(CURRENCIES)].format(int(a)) for i, a in enumerate(rng.permutation(amounts))]
    side = int(np.ceil(np.sqrt(distinct)))
    lengths = [
        f"Full-time {6 + i // side} months, part-time {7 + i // side + i % side} months" for i in range(distinct)
    ]
    return {
        "Tuition fees": pd.Series(np.array(fees, dtype=object)[rng.integers(0, distinct, rows)], dtype="str"),
        "Length": pd.Series(np.array(lengths, dtype=object)[rng.integers(0, distinct, rows)], dtype="str"),
    }


def write(frame: pd.DataFrame, out: str) -> None:
    if out.endswith(".xlsx"):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Programmes")
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append(list(row))
        workbook.save(out)
    else:
        frame.to_csv(out, index=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--distinct", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    write(programmes(args.rows, args.distinct, args.seed), args.out)
    print(f"wrote {args.rows} programmes to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

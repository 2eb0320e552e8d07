"""Every report stays byte-for-byte what it was unless its format is meant to change.

The SHA-256 of each output (of the example data through the CLI, and of a 10,000-row generated sheet
through the library) is kept in ``tests/golden/outputs.json``. A deliberate change of format is blessed
by re-running with ``PROGRAMSCORE_BLESS=1`` and saying in the commit which outputs changed and why.
Workbooks are compared by the values of their cells (their zip container records the time written).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).with_name("golden") / "outputs.json"
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

EXAMPLE = "data/programmes.csv"  # relative: reports name their input as given, so the digests hold in any clone

COMMANDS: dict[str, list[str]] = {
    "score table": ["score", EXAMPLE],
    "score csv": ["score", EXAMPLE, "-f", "csv"],
    "score tsv": ["score", EXAMPLE, "-f", "tsv"],
    "score json": ["score", EXAMPLE, "-f", "json"],
    "score markdown": ["score", EXAMPLE, "-f", "markdown"],
    "score html": ["score", EXAMPLE, "-f", "html"],
    "score topsis csv": ["score", EXAMPLE, "-m", "topsis", "-f", "csv"],
    "score value hide-dominated markdown": ["score", EXAMPLE, "--by", "value", "--hide-dominated", "-f", "markdown"],
    "score value html": ["score", EXAMPLE, "--by", "value", "-f", "html"],
    "score rank json": ["score", EXAMPLE, "--rank", "job_support > cost > length = placement > industry_links = employment",
                        "-f", "json"],
    "check text": ["check", EXAMPLE],
    "check json": ["check", EXAMPLE, "-f", "json"],
    "explain": ["explain", EXAMPLE, "MSc Data Science, Northfield University"],
    "sensitivity table": ["sensitivity", EXAMPLE, "--samples", "2000"],
    "sensitivity csv": ["sensitivity", EXAMPLE, "--samples", "2000", "-f", "csv"],
    "sensitivity json": ["sensitivity", EXAMPLE, "--samples", "2000", "-f", "json", "--reversal"],
    "sensitivity any markdown": ["sensitivity", EXAMPLE, "--samples", "2000", "--spread", "any", "-f", "markdown"],
    "sensitivity order json": ["sensitivity", EXAMPLE, "--samples", "2000", "--rank",
                               "job_support > cost > length = placement > industry_links = employment", "-f", "json"],
}


def digest(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def workbook_digest(data: bytes) -> str:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    cells = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    return digest(json.dumps(cells, default=str, ensure_ascii=False))


def outputs() -> dict[str, str]:
    found: dict[str, str] = {}
    runner = CliRunner()
    for name, args in COMMANDS.items():
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (name, result.output)
        found[f"example: {name}"] = digest(result.stdout_bytes)
    example = ps.score(ps.read_sheet(EXAMPLE), "article")
    found["example: score xlsx cells"] = workbook_digest(example.render("xlsx"))
    found["example: sensitivity xlsx cells"] = workbook_digest(example.sensitivity(samples=2000).render("xlsx"))

    sheet = generate.programmes(10_000)
    result = ps.score(sheet, "article")
    for fmt in ("table", "csv", "tsv", "json", "markdown", "html"):
        found[f"10k: score {fmt}"] = digest(result.render(fmt))
    found["10k: score xlsx cells"] = workbook_digest(result.render("xlsx"))
    found["10k: dominated"] = digest(json.dumps(result.table["dominated_by"].astype(str).tolist()))
    sensitivity = result.sensitivity(samples=500, seed=3)
    for fmt in ("csv", "json"):
        found[f"10k: sensitivity {fmt}"] = digest(sensitivity.render(fmt))
    topsis = ps.score(sheet, "article", method="topsis")
    found["10k: topsis csv"] = digest(topsis.render("csv"))
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="digests recorded on Linux")
def test_outputs_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    found = outputs()
    if os.environ.get("PROGRAMSCORE_BLESS"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
    expected = json.loads(GOLDEN.read_text())
    changed = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
    assert not changed, f"outputs changed: {changed}"

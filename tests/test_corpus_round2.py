"""The second corpus (tests/corpus_round2.py): every case in a child process with a memory and time
limit, so that a reader that would hang or take all memory fails its test; then the exact error line
or output line, the exit code, and what must hold of the folder afterwards (inputs untouched, no
temporary file left)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import select
import signal
from dataclasses import replace
from pathlib import Path

import pytest
from corpus_round2 import CASES, CELLS, DATES, Case

MEMORY = 3 << 30  # bytes of address space for a case's process


def run_limited(case: Case, folder: Path) -> tuple[int, str]:
    """(exit code, output) of the case's command, run in a forked child under ``MEMORY`` and
    ``case.seconds``; a child killed by a limit gives exit code -signal."""
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        code = 1
        try:
            os.close(read_end)
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
            resource.setrlimit(resource.RLIMIT_CPU, (case.seconds, case.seconds + 1))
            os.chdir(folder)
            os.umask(0o022)
            from click.testing import CliRunner

            from programscore.cli import main

            result = CliRunner().invoke(main, case.args)
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            payload = {"code": result.exit_code, "output": result.output, "crashed": crashed}
            with os.fdopen(write_end, "w") as stream:
                json.dump(payload, stream)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end) as stream:
        deadline = case.seconds + 30
        while True:
            ready, _, _ = select.select([stream], [], [], deadline)
            if not ready:
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
                return -signal.SIGKILL, "(killed: over the time limit)"
            chunk = stream.read()
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(child, 0)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status), "(killed by a signal)"
    payload = json.loads("".join(chunks) or "{}")
    if not payload:
        return 99, "(the child gave no result)"
    if payload["crashed"]:
        return 98, "(an exception escaped) " + payload["output"]
    return payload["code"], payload["output"]


def test_the_corpora_hold_at_least_120_inputs():
    from corpus import CASES as FIRST

    assert len(FIRST) + len(CASES) + len(CELLS) + len(DATES) >= 120
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, tmp_path: Path):
    digests = {n: hashlib.sha256(d.encode() if isinstance(d, str) else d).hexdigest() for n, d in case.files.items()}
    code, output = run_limited(case, tmp_path)
    assert "Traceback" not in output
    assert code == case.exit_code, output[-2000:]
    if case.kind == "error":
        assert output == f"Error: {case.expect}\n"
    elif case.kind == "usage":
        assert "Usage:" in output and "Error:" in output
    elif case.kind == "finite":
        assert not re.search(r"\b(?:nan|NaN|inf|Infinity)\b", output), output[-2000:]
    else:
        lines = [line.rstrip() for line in output.splitlines()]
        for expected in [case.expect, *case.extra]:
            assert not expected or expected in lines, output[-3000:]
    if case.check is not None:
        case.check(tmp_path)
    for name, digest in digests.items():
        path = tmp_path / name
        if path.is_file() and name not in _written(case):
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} was changed"


def _written(case: Case) -> set[str]:
    return {case.args[i + 1] for i, arg in enumerate(case.args[:-1]) if arg in ("-o", "--output")}


def test_a_case_that_blows_up_fails_instead_of_the_machine(tmp_path: Path):
    """The limits are real: a profile path that makes the child allocate past its memory ends it."""
    blowup = replace(CASES[0], args=["score", "in.csv", "--top", str(1 << 62)], seconds=5)
    code, _ = run_limited(blowup, tmp_path)
    assert code in (0, 1, 2)  # a ranking or an error: the top option is bounded, not allocated


@pytest.mark.parametrize(("kind", "raw", "value", "period"), CELLS)
def test_cells_read_right(kind: str, raw: str, value: float, period: str | None):
    from programscore.parsing import parser_for
    from programscore.profile_io import load_profile

    profile = load_profile("article")
    profile.currency.rates["INR"] = 0.0095
    cell = parser_for(profile.criterion("cost" if kind == "money" else "length"), profile, "x")(raw)
    assert cell.value == pytest.approx(value) and cell.status in ("ok", "assumed")
    if kind == "money":
        assert (cell.period or "total") == period


@pytest.mark.parametrize("shown", DATES)
@pytest.mark.parametrize("kind", ["money", "duration"])
def test_a_date_typed_into_a_number_cell_is_an_error_saying_so(kind: str, shown: str):
    import datetime

    from programscore.parsing import parser_for
    from programscore.profile_io import load_profile

    raw = datetime.time.fromisoformat(shown) if ":" in shown else datetime.datetime.fromisoformat(shown)
    profile = load_profile("article")
    cell = parser_for(profile.criterion("cost" if kind == "money" else "length"), profile, "x")(raw)
    assert cell.status == "error"
    assert cell.message.startswith(f"a date or time ({shown}), not a")
    assert "type the cell as text" in cell.message

"""The corpus of broken and hostile inputs (tests/corpus.py): every case ends with its exact error line
and exit 1, or with a ranking or check that reports the problem; none ends with a traceback, and no
input file is ever changed."""

import hashlib

import pytest
from corpus import CASES, run


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 40 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, tmp_path):
    result = run(case, tmp_path)
    inputs = {name: hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()
              for name, data in case.files.items()}  # fmt: skip
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no crash, caught or not
    assert result.exit_code == case.exit_code, result.output[-2000:]
    if case.kind == "error":
        assert result.output == f"Error: {case.expect}\n"
    else:
        lines = [line.rstrip() for line in result.output.splitlines()]
        assert case.expect.rstrip() in lines, result.output[-3000:]
        for extra in case.extra:
            assert extra in lines
    for name, digest in inputs.items():
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == digest  # inputs untouched

"""A coverage-guided fuzz target for programscore's readers (run by hand, not in the test suite).

    pip install atheris
    mkdir -p /tmp/fuzz-corpus
    python fuzz/fuzz_readers.py -atheris_runs=200000 -max_len=4096 /tmp/fuzz-corpus data/

(new inputs go to the first folder; data/ only seeds it.)

Each input is read as a text file and, when it is a zip or an OLE file, as a workbook; then scored
with the article profile. Only programscore's own errors may come out: anything else is a crash
that atheris reports with the input that caused it.
"""

import io
import sys

import atheris

with atheris.instrument_imports(include=["programscore"]):
    # programscore imports its stages lazily: import them here, so that they are instrumented
    import programscore as ps
    import programscore.matching
    import programscore.parsing
    import programscore.reading
    import programscore.scoring
    import programscore.tables
    from programscore.errors import ProgramscoreError


def one_input(data: bytes) -> None:
    try:
        frame = ps.read_sheet(io.BytesIO(data))
    except ProgramscoreError:
        return
    try:
        ps.score(frame, "article")
    except ProgramscoreError:
        return


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

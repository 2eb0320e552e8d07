"""The corpus of broken and hostile inputs: each case builds its files in a folder and names the
command to run, the exit code and the exact line (an error) or the exact issue, notice or warning it
must produce. ``tests/test_corpus.py`` runs them all; ``python tests/corpus.py`` prints what each case
gives now (to review a change of wording).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "data" / "programmes.csv").read_bytes()
WORKBOOK = (ROOT / "data" / "programmes.xlsx").read_bytes()
HEADER = "Programme,University,Length,Tuition fees,Industry links,Placement,Careers support,Graduate employment\n"
ROW = "MSc Data Science,Northfield University,1 year,£9000,high,yes,4/5,90%\n"


def rows(*cells: str) -> bytes:
    """A small CSV: the header above, then one line per argument (the sample row if empty)."""
    return (HEADER + "".join((c or ROW) for c in cells)).encode()


def sample_with(old: str, new: str) -> bytes:
    assert old.encode() in SAMPLE, old
    return SAMPLE.replace(old.encode(), new.encode(), 1)


def zip_with(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_member(data: bytes, member: str, change: Callable[[str], str]) -> bytes:
    """The zip ``data`` with ``member``'s text changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == member:
                content = change(content.decode()).encode()
            target.writestr(item, content)
    return buffer.getvalue()


def workbook_sheet(change: Callable[[str], str]) -> bytes:
    """data/programmes.xlsx with its first sheet's XML changed."""
    return patch_member(WORKBOOK, "xl/worksheets/sheet1.xml", change)


def many_columns() -> bytes:
    extra = [f"Note {i}" for i in range(9_992)]
    header = HEADER.rstrip("\n") + "," + ",".join(extra) + "\n"
    line = ROW.rstrip("\n") + "," + ",".join("x" for _ in extra) + "\n"
    return (header + line * 3).encode()


BOMB = zip_with({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"\0" * (64 << 20)})
BOMB_PACKED = zipfile.ZipFile(io.BytesIO(BOMB)).getinfo("xl/worksheets/sheet1.xml").compress_size  # zlib's own


@dataclass
class Case:
    name: str
    files: dict[str, bytes | str]
    args: list[str]
    exit_code: int
    expect: str  # the whole error line, or a line the output must hold
    kind: str = "error"  # error: stderr is exactly "Error: <expect>"; line: a line of the output; issue: a check issue
    extra: list[str] = field(default_factory=list)  # more lines the output must hold


PROFILE_HEAD = 'name = "mine"\n\n[[criteria]]\nkey = "cost"\nkind = "money"\ncolumns = ["Tuition fees"]\n'

CASES = [
    # --- files that are not tables ---------------------------------------------------------------
    Case("empty file", {"in.csv": b""}, ["score", "in.csv"], 1, "in.csv: the file is empty"),
    Case("blank lines only", {"in.csv": b"\n\n \n\r\n"}, ["score", "in.csv"], 1, "in.csv: the file is empty"),
    Case(
        "header only",
        {"in.csv": rows().decode().split("\n")[0].encode() + b"\n"},
        ["score", "in.csv"],
        1,
        "in.csv: the sheet has a header row but no programmes under it",
    ),
    Case(
        "binary junk named .csv",
        {"in.csv": bytes(range(256)) * 50},
        ["score", "in.csv"],
        1,
        "in.csv: not a text file in UTF-8, UTF-16 or Windows-1252; if it is text, name its encoding with "
        "--encoding (for example --encoding latin-1)",
    ),
    Case(
        "a text file named .xlsx",
        {"in.xlsx": SAMPLE},
        ["score", "in.xlsx"],
        1,
        "in.xlsx: not a .xlsx workbook (the file is not a zip or Excel file); is it misnamed?",
    ),
    Case(
        "truncated workbook",
        {"in.xlsx": WORKBOOK[: len(WORKBOOK) // 2]},
        ["score", "in.xlsx"],
        1,
        "in.xlsx: a damaged or truncated workbook (File is not a zip file)",
    ),
    Case(
        "password-protected workbook",
        {"in.xlsx": (ROOT / "tests" / "fixtures" / "protected.xlsx").read_bytes()},
        ["score", "in.xlsx"],
        1,
        "in.xlsx: the workbook is password-protected; save an unprotected copy and read that",
    ),
    Case(
        "zip bomb",
        {"in.xlsx": BOMB},
        ["score", "in.xlsx"],
        1,
        f"in.xlsx: refused: xl/worksheets/sheet1.xml would inflate to 67,108,864 bytes from {BOMB_PACKED:,} (a zip bomb?)",
    ),
    Case(
        "a zip that is no workbook",
        {"in.xlsx": zip_with({"readme.txt": b"hello"})},
        ["score", "in.xlsx"],
        1,
        "in.xlsx: not a readable workbook (Cannot detect file format)",
    ),
    Case("a folder", {"in.csv/keep": b""}, ["score", "in.csv"], 1, "in.csv: is a folder, not a file"),
    Case("no such file", {}, ["score", "missing.csv"], 1, "missing.csv: no such file"),
    Case(
        "a title and notes, no table",
        {"in.csv": b"Programmes I like\n\nsee the website\n"},
        ["score", "in.csv"],
        1,
        "in.csv: no column for criterion 'job_support' (looked for 'job support', 'careers support', 'career support', 'careers service', 'employability support', 'employability', 'career services'); the headers are 'Programmes I like'",
    ),
    Case(
        "no column for a required criterion",
        {"in.csv": b"Programme,Colour\nMSc A,red\n"},
        ["score", "in.csv"],
        1,
        "in.csv: no column for criterion 'job_support' (looked for 'job support', 'careers support', 'career support', 'careers service', 'employability support', 'employability', 'career services'); the headers are 'Programme', 'Colour'",
    ),
    # --- text that is odd but readable -----------------------------------------------------------
    Case(
        "NUL bytes",
        {"in.csv": sample_with("MSc Data Science,", "MSc Data\0 Science,")},
        ["score", "in.csv"],
        0,
        "note: warning: in.csv holds NUL bytes; they were removed",
        kind="line",
    ),
    Case(
        "Windows-1252 text",
        {"in.csv": rows("MSc Données,École,1 year,£9000,high,yes,4/5,90%\n").decode().encode("cp1252")},
        ["score", "in.csv"],
        0,
        "note: warning: in.csv is not UTF-8; read as Windows-1252 (cp1252). If characters look wrong, name the "
        "encoding with --encoding",
        kind="line",
    ),
    Case(
        "UTF-16 with a byte-order mark",
        {"in.csv": rows("", "MSc B,Vale,2 years,£5000,low,no,2/5,60%\n").decode().encode("utf-16")},
        ["score", "in.csv", "-f", "csv"],
        0,
        '2,"MSc B, Vale",3,33.125,10,3.333333333,0,16.66666667,3.125,0,2,0.6,24,5000,1.25,0,6.625,,,0',
        kind="line",
    ),
    Case(
        "mixed line endings",
        {
            "in.csv": rows().replace(b"\n", b"\r\n", 1)
            + b"MSc B,Vale,2 years,\xc2\xa35000,low,no,2/5,60%\r"
            + b"MSc C,Fen,1 year,\xc2\xa35000,low,no,2/5,60%\n"
        },
        ["score", "in.csv", "-f", "csv"],
        0,
        '2,"MSc B, Vale",2,33.125,10,3.333333333,0,16.66666667,3.125,0,2,0.6,24,5000,1.25,0,6.625,"MSc C, Fen",,0',
        kind="line",
    ),
    Case(
        "one programme",
        {"in.csv": rows("")},
        ["score", "in.csv", "-f", "csv"],
        0,
        '1,"MSc Data Science, Northfield University",2,89.16666667,20,13.33333333,16.66666667,16.66666667,10,12.5,4,0.9,12,9000,4,1,9.907407407,,,0',
        kind="line",
    ),
    Case(
        "a 1 MB cell",
        {"in.csv": rows("", "MSc " + "x" * (1 << 20) + ",Vale,1 year,£9000,high,yes,4/5,90%\n")},
        ["score", "in.csv", "-f", "csv"],
        0,
        '1,"MSc Data Science, Northfield University",2,89.16666667,20,13.33333333,16.66666667,16.66666667,10,12.5,4,0.9,12,9000,4,1,9.907407407,,,0',
        kind="line",
    ),
    Case(
        "a 1 MB cell in a criterion",
        {"in.csv": rows("", "MSc B,Vale,1 year," + "9" * (1 << 20) + ",high,yes,4/5,90%\n")},
        ["check", "in.csv"],
        1,
        "  error: D3 (Tuition fees) '999999999999999999999999999999999999999...9999999999999999999' (1,048,576 characters): longer than 1,000 characters: not a value (left unread)",
        kind="line",
    ),
    Case(
        "10,000 columns",
        {"in.csv": many_columns()},
        ["score", "in.csv", "-f", "csv"],
        0,
        '1,"MSc Data Science, Northfield University",4,89.16666667,20,13.33333333,16.66666667,16.66666667,10,12.5,4,0.9,12,9000,4,1,9.907407407,,,0',
        kind="line",
    ),
    Case(
        "rows wider than the header",
        {"in.csv": rows("", "MSc B,Vale,1 year,£9000,high,yes,4/5,90%,extra\n")},
        ["check", "in.csv"],
        0,
        "note: column I has no header; called it 'column I'",
        kind="line",
    ),
    Case(
        "a record-separator byte in a header (found by fuzzing)",
        {"in.csv": b"Programogramme,m\x1e,Length\nA,1 wea\x8e\xec"},
        ["score", "in.csv"],
        1,
        "in.csv: no column for criterion 'job_support' (looked for 'job support', 'careers support', 'career "
        "support', 'careers service', 'employability support', 'employability', 'career services'); the headers "
        "are 'Programogramme', 'm', 'Length'",
    ),
    Case(
        "an unclosed quote",
        {"in.csv": rows('"MSc B,Vale,1 year,£9000,high,yes,4/5,90%\n', "")},
        ["score", "in.csv"],
        1,
        "in.csv: the quote that opens a cell on row 2 is never closed, so the rest of the file would be one cell; close it or remove it",
    ),
    Case(
        "duplicate headers",
        {"in.csv": (HEADER.rstrip("\n") + ",Placement\n" + ROW.rstrip("\n") + ",no\n").encode()},
        ["check", "in.csv"],
        0,
        "note: warning: header 'Placement' appears more than once; column I is called 'Placement (2)'",
        kind="line",
    ),
    Case(
        "duplicate programmes",
        {"in.csv": rows("", "")},
        ["check", "in.csv"],
        0,
        "  warning: A3 (Programme) 'MSc Data Science, Northfield University': duplicate programme: same name as row 2",
        kind="line",
    ),
    Case(
        "a criterion column entirely empty",
        {"in.csv": rows("MSc A,U,1 year,,high,yes,4/5,90%\n", "MSc B,V,2 years,,low,no,2/5,60%\n")},
        ["score", "in.csv"],
        0,
        "note: criterion 'cost': no programme has a value; all score 0 on it",
        kind="line",
    ),
    # --- cells that would give a wrong score ------------------------------------------------------
    Case(
        "a negative fee",
        {"in.csv": rows("", "MSc B,Vale,1 year,-£5000,low,no,2/5,60%\n")},
        ["check", "in.csv"],
        1,
        "  error: D3 (Tuition fees) '-£5000': a fee cannot be negative",
        kind="line",
    ),
    Case(
        "a negative length",
        {"in.csv": rows("", "MSc B,Vale,-12 months,£5000,low,no,2/5,60%\n")},
        ["check", "in.csv"],
        1,
        "  error: C3 (Length) '-12 months': a length cannot be negative",
        kind="line",
    ),
    Case(
        "a percentage above 100",
        {"in.csv": rows("", "MSc B,Vale,1 year,£5000,low,no,2/5,120%\n")},
        ["check", "in.csv"],
        1,
        "  error: H3 (Graduate employment) '120%': above 100%",
        kind="line",
    ),
    Case(
        "a fee too big to be a number",
        {"in.csv": rows("", "MSc B,Vale,1 year,£1e400,low,no,2/5,60%\n")},
        ["check", "in.csv"],
        1,
        "  error: D3 (Tuition fees) '£1e400': not a plausible amount (too large)",
        kind="line",
    ),
    Case(
        "a rating above its scale",
        {"in.csv": rows("", "MSc B,Vale,1 year,£5000,low,no,9/5,60%\n")},
        ["check", "in.csv"],
        1,
        "  error: G3 (Careers support) '9/5': 9 out of 5 is not a rating",
        kind="line",
    ),
    Case(
        "a fee to be confirmed",
        {"in.csv": rows("", "MSc B,Vale,1 year,TBC,low,no,2/5,60%\n")},
        ["check", "in.csv"],
        0,
        "  warning: D3 (Tuition fees) 'TBC': not stated; treated as missing",
        kind="line",
    ),
    Case(
        "a workbook formula error",
        {
            "in.xlsx": workbook_sheet(
                lambda x: x.replace(
                    '<c r="E2" t="inlineStr"><is><t>£12,500</t></is></c>', '<c r="E2" t="e"><v>#DIV/0!</v></c>'
                )
            )
        },
        ["check", "in.xlsx"],
        0,
        "cost            Tuition fees         Tuition fees         E         18    2          1          0",
        kind="line",
    ),
    # --- profiles ----------------------------------------------------------------------------------
    Case(
        "a profile with a TOML syntax error",
        {"in.csv": rows(""), "p.toml": 'name = "mine"\n[[criteria]\nkey = "cost"\n'},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml, line 2, column 11: TOML syntax error: Expected ']]' at the end of an array declaration",
    ),
    Case(
        "a profile with an unknown key",
        {"in.csv": rows(""), "p.toml": PROFILE_HEAD + "weigth = 2\n"},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml, line 7: criterion 'cost': unknown key 'weigth' (did you mean 'weight'?)",
    ),
    Case(
        "a negative weight",
        {"in.csv": rows(""), "p.toml": PROFILE_HEAD + "weight = -2\n"},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml, line 7: criterion 'cost': weight must not be negative (got -2)",
    ),
    Case(
        "a NaN weight",
        {"in.csv": rows(""), "p.toml": PROFILE_HEAD + "weight = nan\n"},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml, line 7: criterion 'cost': weight must be a number (got nan)",
    ),
    Case(
        "all weights zero",
        {"in.csv": rows(""), "p.toml": PROFILE_HEAD + "weight = 0\n"},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml, line 7: all weights are zero: at least one criterion needs a positive weight",
    ),
    Case(
        "an unknown currency",
        {"in.csv": rows(""), "p.toml": PROFILE_HEAD + 'currency = "ZZZ"\n'},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml: criterion 'cost': currency ZZZ has no rate in [currency] rates (known: GBP); add ZZZ = <value of 1 ZZZ in GBP>",
    ),
    Case(
        "a profile that is not TOML at all",
        {"in.csv": rows(""), "p.toml": bytes(range(256))},
        ["score", "in.csv", "--profile", "p.toml"],
        1,
        "p.toml: not a UTF-8 text file (invalid start byte at byte 128)",
    ),
    Case(
        "a missing profile",
        {"in.csv": rows("")},
        ["score", "in.csv", "--profile", "nope.toml"],
        1,
        "nope.toml: no such profile file",
    ),
    # --- options -------------------------------------------------------------------------------------
    Case(
        "an unknown sheet",
        {"in.xlsx": WORKBOOK},
        ["score", "in.xlsx", "--sheet", "Nope"],
        1,
        "in.xlsx: no sheet 'Nope'; the sheets are 'Programmes'",
    ),
    Case(
        "a header row past the end",
        {"in.csv": rows("")},
        ["score", "in.csv", "--header-row", "40"],
        1,
        "in.csv: row 40 is empty; it cannot be the header row",
    ),
    Case(
        "an unknown encoding",
        {"in.csv": rows("")},
        ["score", "in.csv", "--encoding", "klingon"],
        1,
        "in.csv: unknown encoding 'klingon'",
    ),
    Case(
        "an output folder that does not exist",
        {"in.csv": rows("")},
        ["score", "in.csv", "-o", "nowhere/ranked.csv"],
        1,
        "nowhere/ranked.csv: the folder 'nowhere' does not exist",
    ),
    Case(
        "output over the input",
        {"in.csv": rows("")},
        ["score", "in.csv", "-o", "in.csv"],
        1,
        "in.csv: that is the input file; programscore never writes over a file it reads",
    ),
]


def run(case: Case, folder: Path):  # -> click.testing.Result
    import os

    from click.testing import CliRunner

    from programscore.cli import main

    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    before = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, case.args)
    finally:
        os.chdir(before)


if __name__ == "__main__":
    import tempfile

    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            result = run(case, Path(folder))
        output = result.output if len(result.output) < 3000 else result.output[:1500] + " ... " + result.output[-800:]
        print(f"== {case.name} (exit {result.exit_code})\n{output}")

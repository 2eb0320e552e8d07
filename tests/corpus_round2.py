"""The second corpus of broken and hostile inputs: the classes a red team found past the first corpus
(``tests/corpus.py``): outputs that would replace what a command reads or a special file, tiny files that
would crash or hang a reader, profiles whose values have the wrong type or no sense, numbers at the float
limits, and text written into every format. Each case names the command, the exit code and the exact
error line or a line the output must hold; ``tests/test_corpus_round2.py`` runs each reader case in a
child process under a memory and time limit, so a blow-up fails the test instead of the machine.
``python tests/corpus_round2.py`` prints what each case gives now.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus import HEADER, ROW, SAMPLE, patch_member, rows

ARTICLE = (Path(__file__).resolve().parent.parent / "src" / "programscore" / "profiles" / "article.toml").read_text()
RANKED_2 = "2 ranked, 0 excluded, 0 cell issue(s) (0 error(s))"


@dataclass
class Case:
    name: str
    files: dict[str, bytes | str]
    args: list[str]
    exit_code: int
    expect: str  # the whole error line, or a line the output must hold
    kind: str = "error"  # error: the output is exactly "Error: <expect>"; line: a line of the output
    extra: list[str] = field(default_factory=list)  # more lines the output must hold
    check: Callable[[Path], None] | None = None  # what must hold of the folder afterwards
    seconds: int = 60  # the time limit of the child process


def two_rows() -> list[list[str]]:
    first = ROW.rstrip("\n").split(",")
    return [first, ["MSc AI", "South University", "2 years", "£12000", "low", "no", "3/5", "80%"]]


def xlsx(change: Callable[[str], str] | None = None, build: Callable | None = None) -> bytes:
    """A workbook of the corpus header and two programmes; ``build`` changes the openpyxl workbook,
    ``change`` the first sheet's XML."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.rstrip("\n").split(","))
    for row in two_rows():
        sheet.append(row)
    if build is not None:
        build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue() if change is None else patch_member(buffer.getvalue(), "xl/worksheets/sheet1.xml", change)


def far_cell(ref: str) -> Callable:
    def build(book) -> None:
        book.active[ref] = "x"

    return build


def hidden_first(state: str) -> Callable:
    def build(book) -> None:
        old = book.create_sheet("old", 0)
        old.sheet_state = state
        old.append(HEADER.rstrip("\n").split(","))
        old.append(["MSc Stale", *two_rows()[0][1:]])
        old.append(["MSc Older", *two_rows()[1][1:]])

    return build


def all_hidden() -> bytes:
    """Every sheet hidden (openpyxl will not save that: the workbook's XML is changed afterwards)."""
    return patch_member(xlsx(build=hidden_first("hidden")), "xl/workbook.xml",
                        lambda xml: xml.replace('state="visible"', 'state="hidden"'))  # fmt: skip


def merged(ref: str) -> Callable[[str], str]:
    return lambda xml: xml.replace("</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>')


def cell_xml(ref: str, xml: str) -> Callable[[str], str]:
    return lambda sheet: re.sub(rf'<c r="{ref}"[^>]*>.*?</c>', xml, sheet, count=1)


def ods(middle: str) -> bytes:
    def row(cells: list[str]) -> str:
        inner = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in cells
        )
        return f"<table:table-row>{inner}</table:table-row>"

    first, second = two_rows()
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="S">{row(HEADER.rstrip().split(","))}{row(first)}{middle}'
        f"{row(second)}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>',
        )
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def article(old: str, new: str, count: int = 1) -> str:
    assert old in ARTICLE, old
    return ARTICLE.replace(old, new, count)


def costs(text: str) -> str:
    return article('method = "weighted-sum"', f'method = "weighted-sum"\n\n[costs]\n{text}\n').replace(
        'columns = ["cost", "fees"', 'total = true\ncolumns = ["cost", "fees"', 1
    ) if "[costs]" not in ARTICLE else ARTICLE


def unchanged(name: str, data: bytes) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert (folder / name).read_bytes() == data, f"{name} was changed"

    return check


def regular_file(name: str, mode: int | None = None) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        path = folder / name
        assert path.is_file() and path.stat().st_size > 0
        if mode is not None:
            assert path.stat().st_mode & 0o777 == mode, oct(path.stat().st_mode)
        assert not [p for p in folder.iterdir() if p.name.endswith(".part")], "a temporary file was left"

    return check


def nothing_left(folder: Path) -> None:
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")], "a temporary file was left"


def line_in_toml(name: str, key: str) -> str:
    """The line of ``key`` in the article profile (as messages give it)."""
    for number, line in enumerate(ARTICLE.splitlines(), 1):
        if line.startswith(key):
            return f"{name}, line {number}"
    raise AssertionError(key)


WIDE = "x" * 250 + ".csv"
MANY_CRITERIA = 'name = "many"\n' + "".join(f'[[criteria]]\nkey = "k{i}"\nkind = "rating"\n' for i in range(20_000))

CASES = [
    # --- outputs that would replace a file the command reads, or a special file -------------------
    Case("-o names the profile", {"in.csv": SAMPLE, "mine.toml": ARTICLE},
         ["score", "in.csv", "-p", "mine.toml", "-f", "csv", "-o", "mine.toml"], 1,
         "mine.toml: that is the profile file; programscore never writes over a file it reads",
         check=unchanged("mine.toml", ARTICLE.encode())),
    Case("-o names the profile by another path", {"in.csv": SAMPLE, "p/mine.toml": ARTICLE},
         ["score", "in.csv", "-p", "p/mine.toml", "-f", "csv", "-o", "p/../p/mine.toml"], 1,
         'p/../p/mine.toml: that is the profile file; programscore never writes over a file it reads'),
    Case("sensitivity -o names the profile", {"in.csv": SAMPLE, "mine.toml": ARTICLE},
         ["sensitivity", "in.csv", "-p", "mine.toml", "--samples", "10", "-f", "csv", "-o", "mine.toml"], 1,
         'mine.toml: that is the profile file; programscore never writes over a file it reads'),
    Case("-o names the joined file", {"in.csv": SAMPLE, "more.csv": SAMPLE},
         ["score", "in.csv", "--join", "more.csv", "--on", "Programme=Programme", "-o", "more.csv"], 1,
         "more.csv: that is the joined file; programscore never writes over a file it reads",
         check=unchanged("more.csv", SAMPLE)),
    Case("-o names the profile's joined file",
         {"in.csv": SAMPLE, "more.csv": SAMPLE,
          "mine.toml": ARTICLE + '\n[join]\nfile = "more.csv"\non = ["Programme=Programme"]\n'},
         ["score", "in.csv", "-p", "mine.toml", "-o", "more.csv"], 1,
         'more.csv: that is the joined file; programscore never writes over a file it reads'),
    Case("-o a folder", {"in.csv": SAMPLE, "out.csv/keep": b""}, ["score", "in.csv", "-o", "out.csv"], 1,
         'out.csv: is a folder; name a file to write'),
    Case("-o /dev/null is written into, not replaced", {"in.csv": SAMPLE},
         ["score", "in.csv", "-f", "csv", "-o", "/dev/null"], 0, "", kind="line",
         check=lambda folder: _is_device("/dev/null")),
    Case("-o a 250-character name", {"in.csv": SAMPLE}, ["score", "in.csv", "-o", WIDE], 0, "", kind="line",
         check=regular_file(WIDE)),
    Case("-o a new file gets the umask's mode", {"in.csv": SAMPLE}, ["score", "in.csv", "-o", "out.csv"], 0, "",
         kind="line", check=regular_file("out.csv", 0o644)),
    Case("-o replaces a file and keeps its mode", {"in.csv": SAMPLE, "out.csv": b"old"},
         ["score", "in.csv", "-o", "out.csv"], 0, "", kind="line", check=regular_file("out.csv", 0o644)),
    # --- tiny workbooks that would crash or hang the reader --------------------------------------
    Case("a cell at XFD1048576", {"in.xlsx": xlsx(build=far_cell("XFD1048576"))}, ["score", "in.xlsx"], 1,
         "in.xlsx, sheet 'Sheet': refused: its cells reach XFD1048576 (a span of 17,179,869,184 cells) but it "
         "holds 25; delete the stray cells far from the table and save it again"),
    Case("a cell at ZZ1048000", {"in.xlsx": xlsx(build=far_cell("ZZ1048000"))}, ["score", "in.xlsx"], 1,
         "in.xlsx, sheet 'Sheet': refused: its cells reach ZZ1048000 (a span of 735,696,000 cells) but it "
         "holds 25; delete the stray cells far from the table and save it again"),
    Case("a far cell under a dimension that lies",
         {"in.xlsx": xlsx(lambda x: re.sub(r'<dimension ref="[^"]*" ?/>', '<dimension ref="A1:H3"/>', x),
                          build=far_cell("XFD1048576"))},
         ["score", "in.xlsx"], 1,
         "in.xlsx, sheet 'Sheet': refused: its cells reach XFD1048576 (a span of 17,179,869,184 cells) but it "
         "holds 25; delete the stray cells far from the table and save it again"),
    Case("a dimension of A1:XFD1048576 over 24 cells",
         {"in.xlsx": xlsx(lambda x: re.sub(r'<dimension ref="[^"]*" ?/>', '<dimension ref="A1:XFD1048576"/>', x))},
         ["score", "in.xlsx"], 0, RANKED_2, kind="line"),
    Case("a far cell with a style and no value",
         {"in.xlsx": xlsx(lambda x: x.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
                                              "</sheetData>"))},
         ["score", "in.xlsx"], 0, RANKED_2, kind="line"),
    Case("a far cell in a hidden second sheet",
         {"in.xlsx": xlsx(build=lambda b: (b.create_sheet("junk"), b["junk"].__setitem__("XFD1048576", "x"),
                                           setattr(b["junk"], "sheet_state", "hidden")))},
         ["score", "in.xlsx"], 1,
         "in.xlsx, sheet 'junk': refused: its cells reach XFD1048576 (a span of 17,179,869,184 cells) but it "
         "holds 1; delete the stray cells far from the table and save it again"),
    Case("a range merged over the whole sheet", {"in.xlsx": xlsx(merged("A5:XFD1048576"))}, ["score", "in.xlsx"],
         0, RANKED_2, kind="line"),
    Case("a header merged down a million rows", {"in.xlsx": xlsx(merged("A1:A1048576"))}, ["score", "in.xlsx"],
         0, RANKED_2, kind="line"),
    Case("a header merged across every column", {"in.xlsx": xlsx(merged("I1:XFD1"))}, ["score", "in.xlsx"],
         0, RANKED_2, kind="line"),
    Case("a thousand merged ranges", {"in.xlsx": xlsx(lambda x: x.replace(
        "</sheetData>", '</sheetData><mergeCells count="1000">' + "".join(
            f'<mergeCell ref="J{5 + 2 * i}:K{6 + 2 * i}"/>' for i in range(1000)) + "</mergeCells>"))},
         ["score", "in.xlsx"], 0, RANKED_2, kind="line"),
    Case("a million blank lines in a CSV",
         {"in.csv": rows("", "\n" * 1_000_000 + "MSc AI,South University,2 years,£12000,low,no,3/5,80%\n")},
         ["score", "in.csv"], 0, RANKED_2, kind="line", seconds=30),
    Case("300,000 rows of empty cells in a CSV",
         {"in.csv": rows("", ",,,,,,,\n" * 300_000 + "MSc AI,South University,2 years,£12000,low,no,3/5,80%\n")},
         ["score", "in.csv"], 0, RANKED_2, kind="line", seconds=30),
    Case("blank rows then a note under the table",
         {"in.csv": rows("", "MSc AI,South University,2 years,£12000,low,no,3/5,80%\n" + "\n" * 100_000
                         + "Fees are per year\n")},
         ["score", "in.csv"], 0, "note: 1 note row(s) under the table were left out (from row 100004)",
         kind="line", seconds=30),
    Case("an ODS with a row repeated a million times",
         {"in.ods": ods('<table:table-row table:number-rows-repeated="1048570"><table:table-cell/></table:table-row>')},
         ["score", "in.ods"], 0, RANKED_2, kind="line", seconds=60),
    Case("an ODS with 16,384 empty columns repeated a million times",
         {"in.ods": ods('<table:table-row table:number-rows-repeated="1048570">'
                        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')},
         ["score", "in.ods"], 0, RANKED_2, kind="line", seconds=60),
    # --- hidden sheets ---------------------------------------------------------------------------
    Case("a hidden first sheet holding a stale table", {"in.xlsx": xlsx(build=hidden_first("hidden"))},
         ["check", "in.xlsx"], 0, "note: left out hidden sheet(s) 'old'; name one with --sheet to read it",
         kind="line", extra=["in.xlsx, sheet 'Sheet': 2 programmes, header on row 1"]),
    Case("a very hidden first sheet", {"in.xlsx": xlsx(build=hidden_first("veryHidden"))},
         ["check", "in.xlsx"], 0, "note: left out hidden sheet(s) 'old'; name one with --sheet to read it",
         kind="line"),
    Case("--sheet names a hidden sheet", {"in.xlsx": xlsx(build=hidden_first("hidden"))},
         ["check", "in.xlsx", "--sheet", "old"], 0, "in.xlsx, sheet 'old': 2 programmes, header on row 1",
         kind="line"),
    Case("every sheet hidden", {"in.xlsx": all_hidden()}, ["check", "in.xlsx"], 0,
         "in.xlsx, sheet 'old': 2 programmes, header on row 1", kind="line"),
    # --- workbook cells ----------------------------------------------------------------------------
    Case("a formula with no saved value", {"in.xlsx": xlsx(cell_xml("D2", '<c r="D2"><f>SUM(X1:X9)</f></c>'))},
         ["check", "in.xlsx"], 0,
         "note: warning: 1 cell(s) (D2) hold a formula without a saved value and are read as blank: open the "
         "file in a spreadsheet program and save it", kind="line"),
    Case("a shared formula with no saved value",
         {"in.xlsx": xlsx(cell_xml("D2", '<c r="D2"><f t="shared" si="0"/></c>'))}, ["check", "in.xlsx"], 0,
         "note: warning: 1 cell(s) (D2) hold a formula without a saved value and are read as blank: open the "
         "file in a spreadsheet program and save it", kind="line"),
    Case("a formula with its saved value", {"in.xlsx": xlsx(cell_xml("D2", '<c r="D2"><f>9000</f><v>9000</v></c>'))},
         ["check", "in.xlsx"], 0, "0 error(s), 0 warning(s)", kind="line"),
    # --- pipes and devices as input ------------------------------------------------------------------
    Case("a profile that is a folder", {"in.csv": SAMPLE, "mine.toml/keep": b""},
         ["score", "in.csv", "-p", "mine.toml"], 1, "mine.toml: is a folder, not a profile file"),
    Case("/dev/null as the profile", {"in.csv": SAMPLE}, ["score", "in.csv", "-p", "/dev/null"], 1,
         "/dev/null: the profile needs name = \"...\""),
    Case("/dev/null as the input", {}, ["score", "/dev/null"], 1, "/dev/null: the file is empty"),
    # --- profiles whose values have the wrong type ---------------------------------------------------
    Case("required = \"no\"", {"in.csv": SAMPLE, "mine.toml": article("required = false", 'required = "no"')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         f"{line_in_toml('mine.toml', 'required')}: criterion 'employment': required must be true or false, "
         "not the string 'no'"),
    Case("require = \"false\"",
         {"in.csv": SAMPLE, "mine.toml": article('kind = "boolean"', 'kind = "boolean"\nrequire = "false"')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 72: criterion 'placement': require must be true or false, not the string 'false'"),
    Case("total = \"false\"", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\ntotal = "false"')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 53: criterion 'cost': total must be true or false, not the string 'false'"),
    Case("total = 1", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\ntotal = 1')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 53: criterion 'cost': total must be true or false, not 1"),
    Case("prefer = 5", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\nprefer = 5')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         'mine.toml, line 53: criterion \'cost\': prefer must be a label or a list of labels, e.g. ["international", "overseas"]'),
    Case("label = 5", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\nunit = 5')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 53: criterion 'cost': unit must be text in quotes, not 5"),
    Case("credits = -36", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\ncredits = -36')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 53: criterion 'cost': credits must be a positive number (got -36)"),
    Case("credits = 0", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\ncredits = 0')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 53: criterion 'cost': credits must be a positive number (got 0)"),
    Case("credits = \"36\"", {"in.csv": SAMPLE, "mine.toml": article('kind = "money"', 'kind = "money"\ncredits = "36"')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 53: criterion 'cost': credits must be a number from -1,000,000,000,000 to 1,000,000,000,000 (got '36')"),
    Case("best = 1e308", {"in.csv": SAMPLE, "mine.toml": article("best = 5", "best = 1e308")},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 22: criterion 'job_support': best must be a number from -1,000,000,000,000 to 1,000,000,000,000 (got 1e+308)"),
    Case("worst = -inf", {"in.csv": SAMPLE, "mine.toml": article("worst = 0", "worst = -inf")},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 23: criterion 'job_support': worst must be a number from -1,000,000,000,000 to 1,000,000,000,000 (got -inf)"),
    Case("min = nan", {"in.csv": SAMPLE, "mine.toml": article("worst = 0", "worst = 0\nmin = nan")},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 24: criterion 'job_support': min must be a number from -1,000,000,000,000 to 1,000,000,000,000 (got nan)"),
    Case("living = 1e307", {"in.csv": SAMPLE, "mine.toml": ARTICLE + "\n[costs]\nliving = 1e307\n"},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         'mine.toml, line 78: costs living must be a number from 0 to 1,000,000,000,000 (got 1e+307)'),
    Case("earnings = inf", {"in.csv": SAMPLE, "mine.toml": ARTICLE + "\n[costs]\nearnings = inf\n"},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         'mine.toml, line 78: costs earnings must be a number from 0 to 1,000,000,000,000 (got inf)'),
    Case("living = true", {"in.csv": SAMPLE, "mine.toml": ARTICLE + "\n[costs]\nliving = true\n"},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         'mine.toml, line 78: costs living must be a number from 0 to 1,000,000,000,000 (got True)'),
    Case("a rate of 1e300", {"in.csv": SAMPLE, "mine.toml": article("EUR = 0.85", "EUR = 1e300")},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 13: currency rates: the rate for EUR must be a positive number up to 1,000,000,000,000 (got 1e+300)"),
    Case("a rate of 0", {"in.csv": SAMPLE, "mine.toml": article("EUR = 0.85", "EUR = 0")},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 13: currency rates: the rate for EUR must be a positive number up to 1,000,000,000,000 (got 0)"),
    Case("rank = 5", {"in.csv": SAMPLE, "mine.toml": article('method = "weighted-sum"', 'method = "weighted-sum"\nrank = 5')},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         'mine.toml, line 8: rank must be an order in quotes, e.g. "job_support > cost = length" (got 5)'),
    Case("scale = [0, inf]", {"in.csv": SAMPLE, "mine.toml": article("scale = [0, 5]", "scale = [0, inf]")},
         ["score", "in.csv", "-p", "mine.toml"], 1,
         "mine.toml, line 20: criterion 'job_support': scale must be [low, high] with low < high (got [0, inf])"),
    Case("arrays nested 5,000 deep", {"in.csv": SAMPLE, "mine.toml": 'name = "x"\nx = ' + "[" * 5000 + "]" * 5000},
         ["score", "in.csv", "-p", "mine.toml"], 1, "mine.toml: refused: arrays or tables nested too deeply"),
    Case("tables nested 3,000 deep", {"in.csv": SAMPLE, "mine.toml": 'name = "x"\nx = ' + "{a=" * 3000 + "1" + "}" * 3000},
         ["score", "in.csv", "-p", "mine.toml"], 1, "mine.toml: refused: arrays or tables nested too deeply"),
    Case("20,000 criteria", {"in.csv": SAMPLE, "mine.toml": MANY_CRITERIA}, ["score", "in.csv", "-p", "mine.toml"],
         1, "mine.toml: refused: 20,000 criteria (at most 200)", seconds=20),
    Case("a profile of two megabytes", {"in.csv": SAMPLE, "mine.toml": ARTICLE + "#" * (2 << 20)},
         ["score", "in.csv", "-p", "mine.toml"], 1, "mine.toml: refused: a profile of more than 1,048,576 bytes"),
    # --- weights and numbers at the float limits ----------------------------------------------------
    Case("every weight 1e308", {"in.csv": SAMPLE, "mine.toml": re.sub(r"weight = [0-9.]+", "weight = 1e308", ARTICLE)},
         ["score", "in.csv", "-p", "mine.toml", "--top", "1"], 0,
         "weighted-sum (profile 'article'); weights: job_support 16.7%, employment 16.7%, length 16.7%, "
         "cost 16.7%, industry_links 16.7%, placement 16.7%", kind="line"),
    Case("-w weights of 1e308", {"in.csv": SAMPLE},
         ["score", "in.csv", "-w", "cost=1e308", "-w", "length=1e308", "--top", "1"], 0, "", kind="finite"),
    Case("-w a weight of 1e309", {"in.csv": SAMPLE}, ["score", "in.csv", "-w", "cost=1e309"], 1,
         "criterion 'cost': weight must be a number (got inf)"),
    Case("-w a weight of nan", {"in.csv": SAMPLE}, ["score", "in.csv", "-w", "cost=nan"], 1,
         "criterion 'cost': weight must be a number (got nan)"),
    Case("-w a weight of 5e-324", {"in.csv": SAMPLE}, ["score", "in.csv", "-w", "cost=5e-324", "--top", "1"], 0,
         "", kind="finite"),
    Case("values of 1e308 and -1e308",
         {"in.csv": rows("", "MSc B,Vale,1e308 months,£1e308,high,yes,4/5,90%\n",
                         "MSc C,Fen,-1e308,-1e308,low,no,1/5,10%\n")},
         ["score", "in.csv", "-f", "csv"], 0, "", kind="finite"),
    Case("sensitivity with weights of 1e308", {"in.csv": SAMPLE},
         ["sensitivity", "in.csv", "-w", "cost=1e308", "-w", "length=1e308", "--samples", "200"], 0, "",
         kind="finite"),
    # --- options that mean nothing -------------------------------------------------------------------
    Case("--seed -1", {"in.csv": SAMPLE}, ["sensitivity", "in.csv", "--seed", "-1"], 2, "", kind="usage"),
    Case("--spread -0", {"in.csv": SAMPLE}, ["sensitivity", "in.csv", "--spread", "-0", "--samples", "20"], 0,
         "20 weight samples, ±0%, seed 0 (weighted-sum, profile 'article')", kind="line"),
    Case("--spread nan", {"in.csv": SAMPLE}, ["sensitivity", "in.csv", "--spread", "nan"], 2, "", kind="usage"),
    Case("--spread inf", {"in.csv": SAMPLE}, ["sensitivity", "in.csv", "--spread", "inf"], 2, "", kind="usage"),
    Case("--samples 0", {"in.csv": SAMPLE}, ["sensitivity", "in.csv", "--samples", "0"], 2, "", kind="usage"),
    Case("--top 0", {"in.csv": SAMPLE}, ["score", "in.csv", "--top", "0"], 2, "", kind="usage"),
]


def _is_device(path: str) -> None:
    import os
    import stat

    assert stat.S_ISCHR(os.stat(path).st_mode), f"{path} is no longer a device"


# Cells that were misread: (kind, cell, value, period); money in GBP with INR = 0.0095.
CELLS = [
    ("money", "₹2,50,000", 2375.0, "total"),
    ("money", "₹12 lakh", 11400.0, "total"),
    ("money", "₹1.2 crore", 114000.0, "total"),
    ("money", "INR 12,50,000 per year", 11875.0, "year"),
    ("money", "£9,250 p/a", 9250.0, "year"),
    ("money", "£9250 pa", 9250.0, "year"),
    ("money", "£800 p/m", 800.0, "month"),
    ("money", "£800pm", 800.0, "month"),
    ("money", "£800 pcm", 800.0, "month"),
    ("money", "£500pw", 500.0, "week"),
    ("money", "£500 p/w", 500.0, "week"),
    ("money", "£9,000 (apply by 5pm)", 9000.0, "total"),
    ("money", "Deadline 5 pm, fee £9,000", 9000.0, "total"),
    ("duration", "1,5 years", 18.0, None),
    ("duration", "1 ½ years", 18.0, None),
    ("duration", "twenty-one months", 21.0, None),
    ("duration", "thirty six months", 36.0, None),
    ("duration", "Forty-Eight months", 48.0, None),
    ("duration", "nineteen months", 19.0, None),
]
# Workbook values where a spreadsheet turned what was typed into a date: an error saying so.
DATES = ["2025-01-12", "12:00:00"]


if __name__ == "__main__":
    import tempfile

    from test_corpus_round2 import run_limited

    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            code, output = run_limited(case, Path(folder))
        print(f"== {case.name} (exit {code})\n{output[:1500]}")

"""The command line, through click's CliRunner: exit codes and exact messages."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main
from programscore.reports import FORMATS

DATA = Path("data")
CSV_PATH = DATA / "programmes.csv"
XLSX_PATH = DATA / "programmes.xlsx"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def all_commands():
    names = []
    for name, command in main.commands.items():
        if hasattr(command, "commands"):
            names += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        names.append((name, command))
    return names


@pytest.mark.parametrize("name, command", all_commands())
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name, command):
    assert command.help and "Example:" in command.help
    result = run(*name.split(), "--help")
    assert result.exit_code == 0 and "Example:" in result.output
    assert f"programscore {name}" in Path("README.md").read_text()


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output == f"programscore, version {ps.__version__}\n"


@pytest.mark.parametrize("source", [CSV_PATH, XLSX_PATH])
def test_score_table(source):
    before = digest(source)
    result = run("score", source, "--top", 3)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Best: MSc Business Analytics, Kingsgate University (91.5); next 87.9, 86.9"
    assert lines[1].startswith("First place holds unless a weight moves by more than 6.8 points")
    lines = lines[3:]  # the table follows the answer
    assert lines[0].split() == ["rank", "name", "score", "job_support", "employment", "length", "cost",
                                "industry_links", "placement", "total", "cost", "per", "1k", "dominated", "by"]  # fmt: skip
    assert lines[2].startswith("     1  MSc Business Analytics, Kingsgate University")
    assert "91.45" in lines[2]
    assert "3 shown of 21 ranked, 0 excluded, 4 cell issue(s) (0 error(s)); see `programscore check`" in result.output
    assert digest(source) == before


def test_score_from_stdin_matches_file():
    from_file = run("score", CSV_PATH, "-f", "csv").output
    from_stdin = run("score", "-", "-f", "csv", input=CSV_PATH.read_bytes()).output
    assert from_stdin == from_file
    workbook = run("score", "-", "-f", "csv", input=XLSX_PATH.read_bytes())
    assert workbook.exit_code == 0 and workbook.output.splitlines()[1:] == from_file.splitlines()[1:]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_to_a_file(tmp_path, fmt):
    out = tmp_path / f"ranked{FORMATS[fmt].extensions[0]}"
    result = run("score", CSV_PATH, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert out.stat().st_size > 0
    assert not list(tmp_path.glob(".*part"))  # no temporary file left behind


def test_json_numbers_match_the_table(tmp_path):
    out = tmp_path / "ranked.json"
    assert run("score", XLSX_PATH, "-o", out).exit_code == 0
    data = json.loads(out.read_text())
    table = ps.score(ps.read_sheet(XLSX_PATH), "article").table
    assert [r["score"] for r in data["ranking"]] == pytest.approx(table["score"].tolist())
    assert [r["name"] for r in data["ranking"]] == table["name"].tolist()


def test_weights_and_method_options():
    result = run("score", CSV_PATH, "-w", "cost=20", "-m", "topsis", "-f", "json")
    data = json.loads(result.output)
    assert data["profile"]["method"] == "topsis"
    weights = {c["key"]: c["weight"] for c in data["profile"]["criteria"]}
    assert weights["cost"] == pytest.approx(20 / 30)


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["score", "nope.csv"], 1, "Error: nope.csv: no such file\n"),
        (["score", CSV_PATH, "-w", "cots=1"], 2,
         "Error: Invalid value for -w: unknown criterion 'cots' (did you mean 'cost'?); the criteria are "
         "job_support, employment, length, cost, industry_links, placement\n"),
        (["score", CSV_PATH, "-w", "cost"], 2, "Error: Invalid value for -w: 'cost' is not KEY=WEIGHT (e.g. -w cost=3)\n"),
        (["score", CSV_PATH, "-w", "cost=-1"], 1, "Error: criterion 'cost': weight must not be negative (got -1.0)\n"),
        (["score", CSV_PATH, "--fmt", "gird"], 2,
         "Error: Invalid value for --fmt: 'gird' is not a tabulate format (did you mean 'grid'?)\n"),
        (["score", CSV_PATH, "-o", "ranked.pdf"], 1,
         "Error: cannot tell the format of 'ranked.pdf' from its extension (.txt, .csv, .tsv, .tab, .json, .md, "
         ".markdown, .html, .htm, .xlsx); give --format\n"),
        (["score", CSV_PATH, "-o", CSV_PATH], 1,
         "Error: data/programmes.csv: that is the input file; programscore never writes over a file it reads\n"),
        (["score", CSV_PATH, "-p", "articel"], 1,
         "Error: no built-in profile 'articel' (did you mean 'article'?); built-in profiles: article "
         "(or give the path of a .toml file)\n"),
        (["score", XLSX_PATH, "--sheet", "Sheet9"], 1,
         "Error: data/programmes.xlsx: no sheet 'Sheet9'; the sheets are 'Programmes'\n"),
        (["explain", CSV_PATH, "Oxbridge"], 1,
         "Error: no programme called 'Oxbridge'; did you mean 'MSc Financial Data Science, Ironbridge University'?\n"),
        (["explain", CSV_PATH, "Zzyzx"], 1, "Error: no programme called 'Zzyzx'\n"),
    ],
)  # fmt: skip
def test_errors(args, code, message):
    before = digest(CSV_PATH)
    result = run(*args)
    assert result.exit_code == code
    assert result.output.endswith(message)
    assert "Traceback" not in result.output
    assert digest(CSV_PATH) == before


def test_ambiguous_name_lists_candidates():
    result = run("explain", CSV_PATH, "MSc Data Science")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: 'MSc Data Science' matches 4 programmes: MSc Data Science, Northfield University (row 2); "
    )


def test_explain_one_and_two():
    one = run("explain", CSV_PATH, "vale college")
    assert one.exit_code == 0
    assert one.output.startswith(
        "MSc Artificial Intelligence, Vale College (row 4): rank 11, score 62.75 (weighted-sum)"
    )
    assert re.search(r"Tuition fees\s+£9,250 / year\s+9,250 GBP\s+0.870\s+16.7%\s+14.50", one.output)
    two = run("explain", CSV_PATH, "Kingsgate", "Vale College")
    assert two.exit_code == 0
    assert two.output.startswith(
        "MSc Business Analytics, Kingsgate University leads MSc Artificial Intelligence, Vale College by 28.7 points: "
        "+12.5 on placement, +10.0 on job_support, +6.2 on industry_links, -4.0 on cost, +4.0 on employment\n"
    )


def test_check_ok_and_json():
    result = run("check", XLSX_PATH)
    assert result.exit_code == 0
    assert result.output.startswith("data/programmes.xlsx, sheet 'Programmes': 21 programmes, header on row 1\n")
    assert "0 error(s), 4 warning(s)" in result.output
    data = json.loads(run("check", CSV_PATH, "--format", "json").output)
    assert [i["cell"] for i in data["issues"]] == ["H18", "I22", "E3", "E13"]


def test_check_exits_1_on_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Programme,Length,Fees,Job support,Industry,Placement\nA,-1 year,£9000,3,high,yes\n")
    result = run("check", path)
    assert result.exit_code == 1
    assert f"error: {path.name}" not in result.output
    assert "error: B2 (Length) '-1 year': a length cannot be negative" in result.output
    from_stdin = run("check", "-", input=path.read_bytes())
    assert from_stdin.exit_code == 1 and "error: B2 (Length) '-1 year': a length cannot be negative" in from_stdin.output


def test_profiles_and_profile_show(tmp_path):
    assert run("profiles").output.startswith("article: Short, affordable")
    shown = run("profile", "show", "article")
    assert shown.exit_code == 0 and "job_support     rating    higher    3         25.0%" in shown.output
    toml = run("profile", "show", "article", "--toml").output
    (tmp_path / "p.toml").write_text(toml)
    assert ps.load_profile(tmp_path / "p.toml") == ps.load_profile("article")


def test_init_writes_and_never_overwrites(tmp_path):
    result = run("init", tmp_path / "new")
    assert result.exit_code == 0
    assert result.output == f"wrote {tmp_path}/new/programmes.xlsx\nwrote {tmp_path}/new/profile.toml\n"
    scored = run("score", tmp_path / "new" / "programmes.xlsx", "-p", tmp_path / "new" / "profile.toml")
    assert scored.exit_code == 0 and "MSc Data Science, Example University" in scored.output
    again = run("init", tmp_path / "new")
    assert again.exit_code == 1 and "init never overwrites a file" in again.output


def test_template_has_dropdowns_and_comments(tmp_path):
    from openpyxl import load_workbook

    run("init", tmp_path)
    sheet = load_workbook(tmp_path / "programmes.xlsx")["Programmes"]
    assert all(cell.comment is not None for cell in sheet[1])
    lists = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert lists == {'"yes,no,optional"', '"none,low,medium,high,excellent"'}
    assert sheet["A2"].value == "MSc Data Science" and sheet["A3"].value == "MSc Machine Learning"


def test_readme_lists_every_format_from_the_registry():
    readme = Path("README.md").read_text()
    for fmt in FORMATS.values():
        row = f"| `{fmt.name}` | {', '.join(fmt.extensions)} | {fmt.description} |"
        assert row in readme


def test_check_readings_list_each_distinct_cell_and_its_reading():
    result = run("check", CSV_PATH, "--readings")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "readings (each distinct cell once, with how many rows hold it):" in lines
    assert (
        "  cost E6 (x1) 'SEK 180 000 / year' -> 180,000 SEK per year, from \"SEK 180 000 / year\"; converted at 0.073"
        in lines
    )
    assert "  placement G2 (x10) 'yes' -> yes, from \"yes\"" in lines
    assert "  cost E13 (x1) 'Please see the university website' -> not stated; treated as missing [missing]" in lines
    data = json.loads(run("check", CSV_PATH, "--readings", "--format", "json").output)
    first = next(r for r in data["readings"] if r["cell"] == "E3")
    assert first == {
        "key": "cost",
        "column": "Tuition fees",
        "cell": "E3",
        "rows": 1,
        "value": "Fees UK: £18000 (Total) International: £34750 (Total)",
        "status": "assumed",
        "reading": '18,000 GBP in total, from "Fees UK: £18000 (Total)"',
        "message": 'several amounts (18,000 GBP, 34,750 GBP); used the first (set prefer = "label" in the profile to choose)',
    }
    assert "readings" not in json.loads(run("check", CSV_PATH, "--format", "json").output)

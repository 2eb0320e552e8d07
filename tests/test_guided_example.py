"""The README's guided example ("A guided example: a scraped catalogue"): each command of the section is
run and its output compared with the block the README shows; lines elided with "..." are not compared."""

import shlex
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from programscore.cli import main

SECTION = "## A guided example: a scraped catalogue"


def blocks():
    readme = Path("README.md").read_text()
    section = readme[readme.index(SECTION) : readme.index("## The example data")]
    found = []
    for chunk in section.split("```console\n$ ")[1:]:
        block = chunk[: chunk.index("```\n")]
        command, _, printed = block.partition("\n")
        found.append((command, printed))
    return found


def run(command):
    args = shlex.split(command)
    assert args[0] == "programscore"
    return CliRunner().invoke(main, args[1:])


def test_the_section_has_its_five_commands():
    commands = [command for command, _ in blocks()]
    assert [c.split()[1] for c in commands] == ["check", "check", "score", "explain", "score"]
    assert commands[0] == "programscore check data/catalogue.csv -p data/catalogue-profile.toml"
    assert commands[2] == (
        'programscore score data/catalogue.csv -p data/catalogue-profile.toml --where "country = UK" '
        '--where "subject ~ machine learning|data science" --where "length <= 12" --top 5'
    )


@pytest.mark.parametrize("index", [0, 2, 3])
def test_each_complete_block_is_what_the_command_prints(index):
    command, printed = blocks()[index]
    result = run(command)
    assert result.exit_code == 0
    assert result.output == printed


def test_the_readings_block_shows_lines_the_command_prints():
    command, printed = blocks()[1]
    assert command.endswith(" --readings")
    result = run(command)
    assert result.exit_code == 0
    shown = [line for line in printed.splitlines() if line != "..."]
    assert len(shown) == 7
    lines = result.output.splitlines()
    positions = [lines.index(line) for line in shown]
    assert positions == sorted(positions)  # in the order the command prints them


def test_the_workbook_command_writes_the_ranking(tmp_path, monkeypatch):
    command, printed = blocks()[4]
    assert printed == ""
    catalogue = Path("data").resolve()
    command = command.replace("data/", f"{catalogue}/")
    monkeypatch.chdir(tmp_path)
    result = run(command)
    assert result.exit_code == 0 and result.output == ""
    book = openpyxl.load_workbook(tmp_path / "ranked.xlsx")
    assert book.sheetnames == ["Ranking", "Value", "Excluded", "Issues", "Profile"]
    names = [row[1] for row in book["Ranking"].iter_rows(min_row=2, values_only=True)]
    assert len(names) == 11
    assert names[0] == "MSc Data Science, Glenmorrow University"

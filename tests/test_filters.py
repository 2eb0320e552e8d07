"""Row filters (--where): every operator on columns and criteria, the profile key, the library
argument, the exact usage errors, and what the reports say about the rows left out."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main
from programscore.errors import DataError, FilterError, ProfileError
from programscore.filters import parse_filter, resolve, row_masks
from programscore.profile_io import parse_profile
from programscore.unknowns import IMPUTED_NOTE

CSV_PATH = Path("data") / "programmes.csv"
XLSX_PATH = Path("data") / "programmes.xlsx"

# parsed: length 12, 18, 24, missing; cost 9,000, 20,000, 10,000 (SEK at 0.1), 15,000;
# placement 1, 0, 0.5, 1; employment 0.9, missing, 0.7, 0.8
SHEET = pd.DataFrame(
    {
        "Programme": ["MSc Data Science", "MSc Machine Learning", "MSc Robotics", "MSc Statistics"],
        "Country": ["United Kingdom", "  united KINGDOM ", "Sweden", None],
        "Length": ["1 year", "18 months", "2 years", "TBC"],
        "Fees": ["£9,000", "£20,000", "SEK 100,000", "£15,000"],
        "Placement": ["yes", "no", "optional", "yes"],
        "Employment": ["90%", "N/A", "70%", "80%"],
    }
)
NAMES = list(SHEET["Programme"])


def profile(**changes):
    return ps.Profile(
        name="small",
        currency=ps.Currency(base="GBP", rates={"SEK": 0.1}),
        criteria=[
            ps.Criterion(key="length", kind="duration", better="lower", weight=2),
            ps.Criterion(key="cost", kind="money", better="lower", columns=["fees"], **changes),
            ps.Criterion(key="placement", kind="boolean"),
            ps.Criterion(key="employment", kind="percent"),
        ],
    )


def kept(*where, sheet=SHEET):
    result = ps.score(sheet, profile(), where=list(where))
    return sorted(str(n) for n in result.names)


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def names(*positions):
    return sorted(NAMES[p] for p in positions)


@pytest.mark.parametrize(
    "where, expected",
    [
        ("length <= 12", names(0)),
        ("length < 18", names(0)),
        ("length > 12", names(1, 2)),
        ("length >= 18", names(1, 2)),
        ("length = 18", names(1)),
        ("length != 18", names(0, 2)),  # the missing length satisfies no comparison, != included
        ("cost < 10000", names(0)),
        ("cost <= 10,000", names(0, 2)),  # SEK 100,000 at 0.1 is 10,000 GBP
        ("cost > 14999.5", names(1, 3)),
        ("placement = 0.5", names(2)),
        ("placement = 1", names(0, 3)),
        ("placement >= 0.5", names(0, 2, 3)),
        ("employment >= 0.8", names(0, 3)),
        ("employment >= 80", names(0, 3)),  # above 1 is a percentage, as for the profile's limits
        ("employment >= 80%", names(0, 3)),
        ("employment < 0.85", names(2, 3)),
    ],
)
def test_numeric_operators_on_criteria(where, expected):
    assert kept(where) == expected


@pytest.mark.parametrize(
    "where, expected",
    [
        ("country = United Kingdom", names(0, 1)),  # any case, trimmed
        ("country = UNITED KINGDOM  ", names(0, 1)),
        ("country != united kingdom", names(2, 3)),  # an empty cell is not United Kingdom
        ("country =", names(3)),  # an empty value matches the empty cell
        ("country ~ ^swe", names(2)),
        ("country ~ KINGDOM", names(0, 1)),
        ("country !~ kingdom", names(2, 3)),
        ("programme ~ machine learning|data science", names(0, 1)),
        ("programme ~ (?<=msc )r", names(2)),  # a look-behind: Python's regular expressions, not only RE2's
        ("Coun-try = sweden", names(2)),  # the header matched ignoring case, spaces and punctuation
        ("placement = yes", names(0, 3)),  # a key that is also a column: text for a word
        ("placement != optional", names(0, 1, 3)),
        ("cost ~ sek", names(2)),  # a criterion key alone: text on its own column (Fees)
        ("length ~ year", names(0, 2)),
    ],
)
def test_text_operators_on_columns(where, expected):
    assert kept(where) == expected


def test_filters_combine_and_all_must_hold():
    assert kept("country = united kingdom", "length <= 12") == names(0)
    assert kept("placement = 1", "employment >= 0.85") == names(0)


def test_workbook_numbers_are_compared_as_written():
    sheet = SHEET.assign(Intake=[2025.0, 2026.0, 2025.0, np.nan])
    assert kept("intake = 2025", sheet=sheet) == names(0, 2)
    assert kept("intake ~ ^2026$", sheet=sheet) == names(1)


def test_the_mask_is_a_pure_function():
    filters = [parse_filter("country = sweden"), parse_filter("length >= 12")]
    targets = resolve(filters, list(SHEET.columns), {"length": "Length"}, {"length": "duration"})
    values = {"length": np.array([12.0, 18.0, 24.0, np.nan])}
    masks = row_masks(targets, SHEET, values)
    assert masks.tolist() == [[False, False, True, False], [True, True, True, False]]
    assert [t.column for t in targets] == ["Country", None] and targets[1].criterion == "length"


def test_normalisation_is_over_the_rows_kept():
    everyone = ps.score(SHEET, profile())
    uk = ps.score(SHEET, profile(), where=["country = united kingdom"])
    # 18 months is halfway between 12 and 24 over the sheet, the worst of 12 and 18 over the UK rows
    assert everyone.normalised.loc[3, "length"] == pytest.approx(0.5)
    assert uk.normalised.loc[3, "length"] == 0.0
    assert list(uk.rows) == [2, 3]  # rows keep their sheet numbers


def test_rows_left_out_are_not_excluded_and_their_issues_go():
    result = ps.score(SHEET, profile(max=16000), where=["country = united kingdom"])
    assert result.filtered.to_dict() == {"where": ["country = united kingdom"], "kept": 2, "left_out": 2}
    assert list(result.excluded["name"]) == ["MSc Machine Learning"]  # above max; not the rows left out
    assert set(result.issues["row"]) <= {2, 3}  # 'TBC' and 'N/A' of rows 5 and 3: only row 3's stays
    assert list(result.issues["cell"]) == ["F3"]


def test_library_filters_add_to_the_profile():
    own = profile()
    own.where = ["country = united kingdom"]
    result = ps.score(SHEET, own, where=["length <= 12"])
    assert result.filtered.where == ("country = united kingdom", "length <= 12")
    assert result.profile.where == ["country = united kingdom", "length <= 12"]
    assert own.where == ["country = united kingdom"]  # the profile given is left alone
    assert ps.score(SHEET, own, where="length <= 12").filtered.kept == 1  # one filter may be a string


def test_without_filters_nothing_is_recorded():
    result = ps.score(SHEET, profile())
    assert result.filtered is None and "filtered" not in result.to_dict()


def test_check_reports_only_the_rows_kept():
    report = ps.check(SHEET, profile(), where=["country = sweden"])
    assert report.programmes == 1
    assert report.filtered.summary() == "1 of 4 rows kept by --where (country = sweden)"
    assert report.to_dict()["filtered"] == {"where": ["country = sweden"], "kept": 1, "left_out": 3}
    assert len(report.issues) == 0
    assert list(report.columns["ok"]) == [1, 1, 1, 1]


@pytest.mark.parametrize(
    "where, message",
    [
        (
            "length 12",
            "'length 12' has no operator; write NAME OP VALUE with OP one of = != ~ !~ < <= > >= "
            '(e.g. "length <= 12")',
        ),
        ("<= 12", "'<= 12' names no column or criterion before '<='"),
        ("cost < cheap", "'cost < cheap': 'cheap' after '<' is not a number"),
        ("cost >=", "'cost >=': '>=' needs a number after it"),
        ("cost < 1,50", "'cost < 1,50': '1,50' after '<' is not a number"),
        (
            "programme ~ (data",
            "'programme ~ (data': '(data' is not a regular expression (missing ), unterminated subpattern at position 0)",
        ),
    ],
)
def test_bad_expressions(where, message):
    with pytest.raises(FilterError) as caught:
        parse_filter(where)
    assert str(caught.value) == message and caught.value.expression == where


@pytest.mark.parametrize(
    "where, message",
    [
        ("contry = UK", "no column or criterion 'contry'; did you mean 'Country'?"),
        ("lenght <= 12", "no column or criterion 'lenght'; did you mean 'Length'?"),
        ("placment = 1", "no column or criterion 'placment'; did you mean 'Placement'?"),
        (
            "intake = 2025",
            "no column or criterion 'intake'; the columns are 'Programme', 'Country', 'Length', 'Fees', "
            "'Placement', 'Employment' and the criteria length, cost, placement, employment",
        ),
        (
            "country < 5",
            "'country < 5': '<' compares a criterion's value, and 'country' is a column, not a criterion "
            "(the criteria are length, cost, placement, employment)",
        ),
    ],
)
def test_unknown_names(where, message):
    with pytest.raises(FilterError) as caught:
        ps.score(SHEET, profile(), where=[where])
    assert str(caught.value) == message


def test_a_filter_that_keeps_nothing():
    with pytest.raises(DataError) as caught:
        kept("country = France", "length <= 12")
    assert str(caught.value) == "the filters leave no row: none of the 4 rows satisfies country = France"
    with pytest.raises(DataError) as caught:
        kept("country = sweden", "length <= 12")
    assert str(caught.value) == (
        "the filters leave no row: each keeps some of the 4 rows (country = sweden: 1; length <= 12: 1), "
        "but none satisfies them all"
    )


def test_missing_values_satisfy_no_comparison():
    sheet = SHEET.assign(Length=["TBC", "N/A", "", None])
    for where in ("length < 1000", "length >= 0", "length != 5", "length = 0"):
        with pytest.raises(DataError, match="none of the 4 rows satisfies"):
            kept(where, sheet=sheet)


# the profile key

PROFILE = """\
name = "uk"
where = ["country = UK", "length <= 12"]

[[criteria]]
key = "length"
kind = "duration"
better = "lower"
"""


def test_profile_where_is_read_and_round_trips():
    loaded = parse_profile(PROFILE, source="p.toml")
    assert loaded.where == ["country = UK", "length <= 12"]
    assert parse_profile(loaded.to_toml()) == loaded
    result = ps.score(ps.read_sheet(CSV_PATH), loaded)
    assert result.filtered.to_dict() == {"where": ["country = UK", "length <= 12"], "kept": 8, "left_out": 13}


@pytest.mark.parametrize(
    "line, message",
    [
        ('where = ["country = UK", "cost < cheap"]', "p.toml, line 2: where: 'cost < cheap': 'cheap' after '<' is not a number"),
        ('where = "country = UK"', 'p.toml, line 2: where must be a list of filters, e.g. ["length <= 12", "country = UK"]'),
        ("wher = []", "p.toml, line 2: unknown key 'wher' (did you mean 'where'?)"),
    ],
)  # fmt: skip
def test_profile_where_is_validated_with_its_line(line, message):
    text = PROFILE.replace('where = ["country = UK", "length <= 12"]', line)
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, source="p.toml")
    assert str(caught.value) == message


def test_profile_show_lists_the_filters(tmp_path):
    path = tmp_path / "uk.toml"
    path.write_text(PROFILE)
    shown = run("profile", "show", path)
    assert shown.exit_code == 0 and "rows kept only where: country = UK; length <= 12" in shown.output
    as_toml = run("profile", "show", path, "--toml")
    assert parse_profile(as_toml.output) == parse_profile(PROFILE)


# the command line

FOOTER = "8 of 21 rows kept by --where (length <= 12; country = UK)"


@pytest.mark.parametrize("from_stdin", [False, True])
def test_score_footer(from_stdin):
    source = "-" if from_stdin else CSV_PATH
    result = run("score", source, "--where", "length <= 12", "--where", "country = UK",
                 input=CSV_PATH.read_bytes() if from_stdin else None)  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-3:] == [
        FOOTER,
        "8 ranked, 0 excluded, 4 cell issue(s) (0 error(s)); see `programscore check`",
        IMPUTED_NOTE,  # the imputed points shown follow the counts
    ]
    assert len(lines) == 3 + 2 + 8 + 5  # the answer (two lines and a blank), the header, 8 rows, the footer


def test_score_json_gets_a_filtered_object_and_keeps_its_keys():
    plain = json.loads(run("score", CSV_PATH, "-f", "json").output)
    result = run("score", CSV_PATH, "-f", "json", "--where", "length <= 12", "--where", "country = UK")
    data = json.loads(result.output)
    assert list(data) == [*plain, "filtered"]
    assert data["filtered"] == {"where": ["length <= 12", "country = UK"], "kept": 8, "left_out": 13}
    assert len(data["ranking"]) == 8 and data["excluded"] == []
    assert all(r["values"]["length"] <= 12 for r in data["ranking"])
    assert "filtered" not in plain


def test_command_line_filters_add_to_the_profile(tmp_path):
    path = tmp_path / "uk.toml"
    path.write_text(PROFILE)
    result = run("score", CSV_PATH, "-p", path, "--where", "placement = yes", "-f", "json")
    assert json.loads(result.output)["filtered"] == {
        "where": ["country = UK", "length <= 12", "placement = yes"],
        "kept": 5,
        "left_out": 16,
    }


def test_check_reports_the_same_line():
    result = run("check", CSV_PATH, "--where", "length <= 12", "--where", "country = UK")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == ["data/programmes.csv: 8 programmes, header on row 1", FOOTER]
    data = json.loads(run("check", CSV_PATH, "-f", "json", "--where", "country = UK").output)
    assert data["programmes"] == 11 and data["filtered"] == {"where": ["country = UK"], "kept": 11, "left_out": 10}


@pytest.mark.parametrize("command", [["score"], ["check"], ["explain", "Vale"], ["sensitivity", "--samples", "10"]])
def test_every_command_that_scores_takes_where(command):
    result = run(command[0], CSV_PATH, *command[1:], "--where", "country = UK")
    assert result.exit_code == 0, result.output
    bad = run(command[0], CSV_PATH, *command[1:], "--where", "contry = UK")
    assert bad.exit_code == 2
    assert bad.output.splitlines()[-1] == "Error: no column or criterion 'contry'; did you mean 'Country'?"


def test_sensitivity_says_which_rows_it_weighed():
    result = run("sensitivity", CSV_PATH, "--samples", "10", "--where", "country = UK")
    assert result.output.splitlines()[1] == "11 of 21 rows kept by --where (country = UK)"


def test_explain_a_programme_left_out():
    result = run("explain", CSV_PATH, "Lakeshore", "--where", "country = UK")
    assert result.exit_code == 1
    assert result.output == "Error: no programme called 'Lakeshore' (11 of 21 rows kept by --where (country = UK))\n"


@pytest.mark.parametrize(
    "where, message",
    [
        ("length 12", "Error: Invalid value for '--where': 'length 12' has no operator; write NAME OP VALUE "
                      'with OP one of = != ~ !~ < <= > >= (e.g. "length <= 12")'),
        ("cost < cheap", "Error: Invalid value for '--where': 'cost < cheap': 'cheap' after '<' is not a number"),
        ("programme ~ [a-", "Error: Invalid value for '--where': 'programme ~ [a-': '[a-' is not a regular "
                            "expression (unterminated character set at position 0)"),
        ("contry = UK", "Error: no column or criterion 'contry'; did you mean 'Country'?"),
    ],
)  # fmt: skip
def test_usage_errors(where, message):
    result = run("score", CSV_PATH, "--where", where)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message


def test_a_profile_filter_naming_no_column_is_a_data_error(tmp_path):
    path = tmp_path / "uk.toml"
    path.write_text(PROFILE.replace("country = UK", "contry = UK"))
    result = run("score", CSV_PATH, "-p", path)
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: where: no column or criterion 'contry'; did you mean 'Country'?\n"


def test_a_filter_that_keeps_nothing_exits_1():
    result = run("score", CSV_PATH, "--where", "country = UK", "--where", "country = Sweden")
    assert result.exit_code == 1
    assert result.output == (
        "Error: the filters leave no row: each keeps some of the 21 rows (country = UK: 11; "
        "country = Sweden: 1), but none satisfies them all\n"
    )


def test_the_other_reports_keep_working(tmp_path):
    where = ["--where", "length <= 12", "--where", "country = UK"]
    markdown = run("score", CSV_PATH, "-f", "markdown", *where)
    assert f"- {FOOTER.replace('<', '&lt;')}" in markdown.output.splitlines()  # escaped, as in the page
    html = run("score", CSV_PATH, "-f", "html", *where)
    assert f'<p class="meta">{FOOTER.replace("<", "&lt;")}.</p>' in html.output  # escaped
    csv = run("score", CSV_PATH, "-f", "csv", *where)
    assert csv.exit_code == 0 and len(csv.output.splitlines()) == 1 + 8
    out = tmp_path / "ranked.xlsx"
    assert run("score", XLSX_PATH, "-o", out, *where).exit_code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(out)["Profile"]
    rows = [tuple(c for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]
    start = rows.index(("Filter (where)", "Rows kept", "Rows left out"))
    assert rows[start + 1 : start + 4] == [("length <= 12",), ("country = UK",), ("all of them", 8, 13)]


def test_the_readme_example_is_what_the_command_prints():
    readme = Path("README.md").read_text()
    section = readme[readme.index("#### Keeping only some rows: `--where`") :]
    block = section[section.index("```console\n$ ") + len("```console\n$ ") : section.index("\n```\n")]
    command, _, printed = block.partition("\n")
    assert command == 'programscore score data/programmes.csv --where "country = UK" --where "length <= 12" --top 3'
    result = run("score", CSV_PATH, "--where", "country = UK", "--where", "length <= 12", "--top", 3)
    assert result.output == printed + "\n"

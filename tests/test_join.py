"""Joining another table (--join, a profile's [join], ps.join): how keys are compared, exact,
approximate, unmatched and ambiguous keys, two keys, where issues in joined columns point, what check
and score report, the exact usage errors, and the README example."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main
from programscore.errors import ProfileError
from programscore.join_keys import AMBIGUOUS, APPROXIMATELY, EXACT, UNMATCHED, key_words, match_keys, normalise_key
from programscore.profile_io import parse_profile
from programscore.unknowns import IMPUTED_NOTE

CSV_PATH = Path("data") / "programmes.csv"
OUTCOMES = Path("data") / "outcomes.csv"
ON = "University=Institution"

SHEET = pd.DataFrame(
    {
        "Programme": ["MSc Data Science", "MSc Robotics", "MSc Statistics", "MSc AI", "MSc Vision"],
        "University": ["Northfield University", "Välé University", "Kingsgat University", "Eastmoor & Hill", "Nowhere"],
        "Length": ["1 year", "1 year", "2 years", "18 months", "1 year"],
        "Fees": ["£9,000", "£12,000", "£20,000", "£15,000", "£10,000"],
    }
)
OUTCOMES_FRAME = pd.DataFrame(
    {
        "Institution": ["Univ. of Northfield", "University of Vale", "Kingsgate Univ", "Eastmoor and Hill"],
        "Employment rate": ["95%", "80%", "TBC", "70%"],
        "Fees": ["x", "y", "z", "w"],
    }
)


def profile(**extra):
    return ps.Profile(
        name="small",
        criteria=[
            ps.Criterion(key="length", kind="duration", better="lower"),
            ps.Criterion(key="cost", kind="money", better="lower", columns=["fees"]),
            ps.Criterion(key="employment", kind="percent", columns=["employment rate"], required=False),
        ],
        **extra,
    )


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


# comparing keys


@pytest.mark.parametrize(
    "text, words",
    [
        ("Northfield University", "northfield"),
        ("University of Northfield", "northfield"),
        ("Univ. of Northfield", "northfield"),
        ("The Univ Northfield", "northfield"),
        ("NORTHFIELD   university", "northfield"),
        ("Välé University", "vale"),  # accents go
        ("Université de Vale", "de universite vale"),  # only English words are generic
        ("Eastmoor & Hill", "eastmoor hill"),
        ("Eastmoor and Hill", "eastmoor hill"),
        ("St Aldric's College", "aldrics college saint"),
        ("Saint Aldric’s College", "aldrics college saint"),
        ("Meridian University, Dhaka", "dhaka meridian"),
        ("University", "university"),  # nothing but generic words: they are the key
        ("", ""),
    ],
)
def test_key_words(text, words):
    assert key_words(text) == words


def test_normalise_key_keeps_every_word_in_order():
    assert normalise_key("Université d'Érable & Co.") == "universite derable and co"
    assert normalise_key("Univ. of X") == "university of x"


def test_match_keys_on_distinct_keys():
    left = ["northfield", "kingsgate universty", "riverside colleg", "nowhere", ""]
    right = ["northfield", "kingsgate university", "riverside college", "riverside collegy", ""]
    found = match_keys(left, right)
    assert list(found.how) == [EXACT, APPROXIMATELY, AMBIGUOUS, UNMATCHED, UNMATCHED]
    assert list(found.target) == [0, 1, -1, -1, -1]
    assert found.similarity[1] == pytest.approx(0.974, abs=1e-3)
    assert found.candidates == {2: (2, 3)}


# the library


def test_exact_approximate_and_unmatched_keys():
    joined, report = ps.join(SHEET, OUTCOMES_FRAME, on=[("University", "Institution")])
    assert list(joined.columns) == [*SHEET.columns, "Employment rate", "Fees (joined)"]  # no second Institution
    assert list(joined["Employment rate"].fillna("-")) == ["95%", "80%", "TBC", "70%", "-"]
    assert list(joined["Fees (joined)"].fillna("-")) == ["x", "y", "z", "w", "-"]
    assert (report.exact, report.approximate, report.unmatched, report.ambiguous) == (3, 1, 1, 0)
    assert report.summary() == "join the joined table on University=Institution: 3 matched exactly, 1 approximately, 1 unmatched"
    assert report.notices == [
        "join: University 'Kingsgat University' matched 'Kingsgate Univ' of the joined table approximately (94% alike)"
    ]
    assert report.issues[["row", "column", "cell", "value", "severity", "message"]].to_dict("records") == [
        {"row": 6, "column": "University", "cell": "B6", "value": "Nowhere", "severity": "warning",
         "message": "no matching Institution in the joined table; nothing joined"}
    ]  # fmt: skip
    assert joined.attrs["join"] is report


def test_approximate_matches_name_both_strings():
    other = OUTCOMES_FRAME.assign(Institution=["Northfield", "Vale", "Kingsgate", "Eastmoor"])
    sheet = SHEET.assign(University=["Northfeld University", "Vale", "Kingsgate", "Eastmoor", "Nowhere"])
    _, report = ps.join(sheet, other, on=["University=Institution"])
    assert (report.exact, report.approximate, report.unmatched) == (3, 1, 1)
    assert report.notices == [
        "join: University 'Northfeld University' matched 'Northfield' of the joined table approximately (95% alike)"
    ]
    assert report.to_dict()["approximate"] == [
        {"key": "University", "value": "Northfeld University", "matched": "Northfield", "similarity": 0.9474}
    ]


def test_two_keys_must_both_match():
    sheet = pd.DataFrame(
        {
            "University": ["Northfield University", "Northfield University", "Vale College", "Vale College"],
            "Subject": ["Data Science", "Robotics", "data-science", "Statistics"],
        }
    )
    other = pd.DataFrame(
        {
            "Institution": ["University of Northfield", "University of Northfield", "Vale College"],
            "Discipline": ["Data Science", "Robotics", "Data Science"],
            "Salary": ["£30,000", "£35,000", "£28,000"],
        }
    )
    joined, report = ps.join(sheet, other, on=["University=Institution", "Subject=Discipline"])
    assert list(joined["Salary"].fillna("-")) == ["£30,000", "£35,000", "£28,000", "-"]
    assert report.summary() == (
        "join the joined table on University=Institution, Subject=Discipline: 3 matched exactly, 0 approximately, "
        "1 unmatched"
    )
    assert list(report.issues["message"]) == [
        "no row of the joined table matches Institution = 'Vale College' and Discipline = 'Statistics'; nothing joined"
    ]


def test_equally_close_candidates_join_nothing():
    sheet = pd.DataFrame({"University": ["Riverside Colleg", "Westbridge"]})
    other = pd.DataFrame(
        {"Institution": ["Riverside College", "Riverside Collegy", "Westbridge", "Westbridge Univ."], "Rate": ["1", "2", "3", "4"]}
    )
    joined, report = ps.join(sheet, other, on=["University=Institution"])
    assert joined["Rate"].isna().all()
    assert (report.unmatched, report.ambiguous) == (2, 2)
    assert report.summary().endswith("0 matched exactly, 0 approximately, 2 unmatched (2 ambiguous)")
    assert list(report.issues["message"]) == [
        "'Riverside Colleg' is equally close to Institution 'Riverside College' and 'Riverside Collegy' of the "
        "joined table; nothing joined",
        "rows 4 and 5 of the joined table all match Institution = 'Westbridge'; nothing joined",
    ]


def test_unknown_key_columns_name_the_closest():
    with pytest.raises(ps.JoinError, match=r"^no column 'Univrsity' in the sheet; did you mean 'University'\?$"):
        ps.join(SHEET, OUTCOMES_FRAME, on=["Univrsity=Institution"])
    with pytest.raises(ps.JoinError, match=r"^no column 'institution name' in the joined table; did you mean"):
        ps.join(SHEET, OUTCOMES_FRAME, on=["university=institution name"])
    with pytest.raises(ProfileError, match="is not LEFT=RIGHT"):
        ps.join(SHEET, OUTCOMES_FRAME, on=["University"])


def test_a_joined_column_feeds_a_criterion_and_its_issues_point_at_the_joined_file(tmp_path):
    path = tmp_path / "outcomes.csv"
    OUTCOMES_FRAME.to_csv(path, index=False)
    plain = ps.score(SHEET, profile())
    assert "employment" not in plain.profile.keys  # the sheet has no employment column
    result = ps.score(SHEET, profile(), join=ps.JoinSpec(path, on=[("University", "Institution")]))
    assert result.columns["employment"] == "Employment rate"
    assert np.allclose(result.values["employment"], [0.95, 0.8, np.nan, 0.7, np.nan], equal_nan=True)
    assert list(result.normalised.loc[[2, 6], "employment"]) == [1.0, 0.0]  # it scores like any criterion
    assert result.joined.summary() == f"join {path} on University=Institution: 3 matched exactly, 1 approximately, 1 unmatched"
    issue = result.issues[result.issues["column"] == "Employment rate"].iloc[0].to_dict()
    assert {k: issue[k] for k in ("sheet", "row", "cell", "value", "message")} == {
        "sheet": str(path),
        "row": 4,  # the programme's row in the sheet
        "cell": "B4",  # Kingsgate's cell in outcomes.csv
        "value": "TBC",
        "message": "not stated; treated as missing (joined to row 4)",
    }
    assert result.to_dict()["join"]["matched_exactly"] == 3


def test_joined_issues_follow_the_filters():
    result = ps.score(SHEET, profile(), where=["length <= 12"], join=ps.JoinSpec(OUTCOMES_FRAME, ["University=Institution"]))
    assert list(result.issues["cell"]) == ["B6"]  # Kingsgate (2 years) and its TBC went with the filter


# profiles


PROFILE = """name = "outcomes"

[join]
file = "outcomes.csv"
on = ["University=Institution"]

[[criteria]]
key = "employment"
kind = "percent"
columns = ["employment rate"]
"""


def test_profile_join_is_read_from_the_profile_folder_and_round_trips(tmp_path):
    OUTCOMES_FRAME.to_csv(tmp_path / "outcomes.csv", index=False)
    path = tmp_path / "outcomes.toml"
    path.write_text(PROFILE)
    loaded = ps.load_profile(path)
    assert loaded.join.on == (("University", "Institution"),)
    assert loaded.join.source == tmp_path / "outcomes.csv"
    result = ps.score(SHEET, loaded)
    assert result.joined.exact == 3 and result.columns == {"employment": "Employment rate"}
    assert parse_profile(loaded.to_toml()).join == loaded.join
    assert "[join]" in loaded.to_toml()


@pytest.mark.parametrize(
    "join, message",
    [
        ('[join]\nfile = "o.csv"\non = ["University"]\n', "line 5: [join] 'University' is not LEFT=RIGHT"),
        ('[join]\nfile = "o.csv"\nkeys = ["a=b"]\n', "line 5: unknown key 'keys' in [join]"),
        ('[join]\nfile = "o.csv"\n', "[join] needs on = ..."),
        ('join = "o.csv"\n', "join must be a table"),
    ],
)
def test_profile_join_is_validated(join, message):
    text = 'name = "x"\n\n' + join + '\n[[criteria]]\nkey = "cost"\nkind = "money"\n'
    with pytest.raises(ProfileError, match=None) as caught:
        parse_profile(text, source="p.toml")
    assert message in str(caught.value)


def test_a_profile_join_naming_no_column_is_a_data_error(tmp_path):
    OUTCOMES_FRAME.to_csv(tmp_path / "outcomes.csv", index=False)
    path = tmp_path / "outcomes.toml"
    path.write_text(PROFILE.replace("University=", "Univrsity="))
    result = run("score", CSV_PATH, "-p", path)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: join: no column 'Univrsity' in data/programmes.csv; did you mean 'University'?\n"
    )


# the command line

LINE = "join data/outcomes.csv on University=Institution: 15 matched exactly, 3 approximately, 3 unmatched"


@pytest.mark.parametrize("from_stdin", [False, True])
def test_score_footer(from_stdin):
    source = "-" if from_stdin else CSV_PATH
    result = run("score", source, "--join", OUTCOMES, "--on", ON, input=CSV_PATH.read_bytes() if from_stdin else None)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-4:] == [
        LINE,
        "21 ranked, 0 excluded, 7 cell issue(s) (0 error(s)); see `programscore check`",
        IMPUTED_NOTE,  # the imputed points, and how dominance treats unknowns, follow the counts
        "dominated by: decided on known values (a programme's unknowns count at their best)",
    ]


def test_check_reports_the_join_in_text_and_json():
    result = run("check", CSV_PATH, "--join", OUTCOMES, "--on", ON)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == LINE
    assert (
        "note: join: University 'Pacific Crest University' matched 'Pacific Crest U.' of data/outcomes.csv "
        "approximately (93% alike)"
    ) in lines
    assert "  warning: B11 (University) 'Harbour City University': no matching Institution in data/outcomes.csv; nothing joined" in lines
    data = json.loads(run("check", CSV_PATH, "--join", OUTCOMES, "--on", ON, "-f", "json").output)
    assert {k: v for k, v in data["join"].items() if k != "approximate"} == {
        "file": "data/outcomes.csv",
        "on": ["University=Institution"],
        "columns": ["Median salary", "Satisfaction"],
        "matched_exactly": 15,
        "matched_approximately": 3,
        "unmatched": 3,
        "ambiguous": 0,
    }
    assert [a["value"] for a in data["join"]["approximate"]] == [
        "Harbourside Institute of Technology", "Pacific Crest University", "Westbridge Business School"
    ]  # fmt: skip
    assert "join" not in json.loads(run("check", CSV_PATH, "-f", "json").output)


def test_score_json_gets_a_join_object():
    data = json.loads(run("score", CSV_PATH, "-f", "json", "--join", OUTCOMES, "--on", ON).output)
    assert list(data)[-1] == "join" and data["join"]["matched_exactly"] == 15


@pytest.mark.parametrize("command", [["score"], ["check"], ["explain", "Vale"], ["sensitivity", "--samples", "10"]])
def test_every_command_that_scores_takes_join(command):
    result = run(command[0], CSV_PATH, *command[1:], "--join", OUTCOMES, "--on", ON)
    assert result.exit_code == 0, result.output
    bad = run(command[0], CSV_PATH, *command[1:], "--join", OUTCOMES, "--on", "University=Instituion")
    assert bad.exit_code == 2
    assert bad.output.splitlines()[-1] == "Error: no column 'Instituion' in data/outcomes.csv; did you mean 'Institution'?"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--on", "Univrsity=Institution"], 2, "Error: no column 'Univrsity' in data/programmes.csv; did you mean 'University'?"),
        (["--on", "University"], 2, "Error: Invalid value for '--on': 'University' is not LEFT=RIGHT (a header of INPUT "
                                    "= a header of the joined file, e.g. University=Institution)"),
        ([], 2, "Error: --join needs the key columns: --on LEFT=RIGHT (e.g. --on University=Institution)"),
    ],
)  # fmt: skip
def test_usage_errors(args, code, message):
    result = run("score", CSV_PATH, "--join", OUTCOMES, *args)
    assert result.exit_code == code
    assert result.output.splitlines()[-1] == message


def test_on_without_join_and_a_missing_file():
    result = run("score", CSV_PATH, "--on", ON)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: --on names the key columns of --join FILE; give --join too"
    missing = run("score", CSV_PATH, "--join", "data/nope.csv", "--on", ON)
    assert missing.exit_code == 1
    assert missing.output == "Error: cannot join data/nope.csv: no such file\n"


def test_the_readme_example_is_what_the_command_prints():
    readme = Path("README.md").read_text()
    section = readme[readme.index("#### Adding another table: `--join`") :]
    block = section[section.index("```console\n$ ") + len("```console\n$ ") : section.index("\n```\n")]
    command, _, printed = block.partition("\n")
    assert command == "programscore score data/programmes.csv --join data/outcomes.csv --on University=Institution --top 3"
    result = run("score", CSV_PATH, "--join", OUTCOMES, "--on", ON, "--top", 3)
    assert result.output == printed + "\n"

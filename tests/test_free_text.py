"""Free-text criteria on real descriptions: one column for several criteria, unless phrases, any length,
and what matched, shown with a few words around it."""

import pandas as pd
import pytest

import programscore as ps

LONG = "Our department has a long history of research. " * 60  # 2,900 characters of boilerplate

DESCRIPTIONS = [
    "The MSc includes an industrial placement with partners such as Arm and AstraZeneca. " + LONG,
    "There is no placement on this course, but industry partners teach two modules.",
    "Placement not available for international students. " + LONG,
    "A research-led programme with a dissertation.",
]


def free_text_profile(**placement):
    return ps.Profile(
        name="free text",
        name_columns=["programme"],
        criteria=[
            ps.Criterion(key="industry_links", kind="keywords", columns=["description"],
                         match=["industry partners", "partners such as"]),
            ps.Criterion(key="placement", kind="keywords", columns=["description"], match=["placement"],
                         **placement),
        ],
    )  # fmt: skip


def sheet():
    return pd.DataFrame(
        {"Programme": [f"MSc {c}" for c in "ABCD"], "Description": DESCRIPTIONS}, dtype=object
    )


def test_one_description_feeds_two_criteria_named_outright():
    result = ps.score(sheet(), free_text_profile(unless=["no placement", "not available"]))
    values = {r["name"]: r["values"] for r in result.to_dict()["ranking"]}
    assert values["MSc A"] == {"industry_links": 1.0, "placement": 1.0}
    assert values["MSc B"] == {"industry_links": 1.0, "placement": 0.0}  # "no placement" cancels it
    assert values["MSc C"] == {"industry_links": 0.0, "placement": 0.0}  # "not available" near it
    assert values["MSc D"] == {"industry_links": 0.0, "placement": 0.0}
    assert "column 'Description' feeds criteria 'industry_links' and 'placement'" in result.notices


def test_without_unless_a_negated_mention_still_counts():
    values = {r["name"]: r["values"] for r in ps.score(sheet(), free_text_profile()).to_dict()["ranking"]}
    assert values["MSc B"]["placement"] == 1.0


def test_long_descriptions_are_searched_not_refused():
    result = ps.score(sheet(), free_text_profile())
    assert len(DESCRIPTIONS[0]) > 1_000
    assert not any("longer than" in m for m in result.issues["message"])


def test_explain_shows_the_phrase_with_a_few_words_around_it():
    text = str(ps.score(sheet(), free_text_profile(unless=["no placement"])).explain("MSc A"))
    assert "Placement: mentioned: 'placement' in \"...MSc includes an industrial placement with partners such as...\"" in text
    text = str(ps.score(sheet(), free_text_profile(unless=["no placement"])).explain("MSc B"))
    assert "not mentioned: 'placement' cancelled by 'no placement' in \"There is no placement on this course, but...\"" in text
    assert LONG not in text  # never the whole description


def test_a_guessed_column_is_still_not_shared():
    profile = ps.Profile(
        name="guess",
        name_columns=["programme"],
        criteria=[
            ps.Criterion(key="a", kind="keywords", columns=["description"], match=["x"]),
            ps.Criterion(key="b", kind="keywords", columns=["desc"], match=["y"]),  # a prefix guess
        ],
    )
    with pytest.raises(ps.SheetError, match="column 'Description' matches both criteria 'a' and 'b'"):
        ps.score(sheet(), profile)


def test_unless_is_validated():
    with pytest.raises(ps.ProfileError, match="unless is for keywords criteria"):
        ps.Criterion(key="c", kind="money", unless=["x"])
    with pytest.raises(ps.ProfileError, match="unless must be a list of phrases"):
        ps.Criterion(key="c", kind="keywords", match=["x"], unless="no x")


def test_name_columns_are_used_in_the_order_listed():
    frame = pd.DataFrame(
        {"University": ["Uni Z"], "Programme": ["MSc Q"], "Campus": ["North"], "Length": ["1 year"]}, dtype=object
    )
    profile = ps.Profile(
        name="names",
        name_columns=["programme", "campus", "university"],
        criteria=[ps.Criterion(key="length", kind="duration", columns=["length"], better="lower")],
    )
    assert list(ps.score(frame, profile).table["name"]) == ["MSc Q, North, Uni Z"]


def test_withheld_markers_through_the_cli(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from programscore.cli import main

    path = tmp_path / "outcomes.csv"
    rows = ["MSc A,1 year,£9000,3,high,yes,c", "MSc B,1 year,£9500,3,high,yes,..", "MSc C,1 year,£9900,3,high,yes,ns",
            "MSc D,1 year,£9100,3,high,yes,PrivacySuppressed", "MSc E,1 year,£9200,3,high,yes,<5",
            "MSc F,1 year,£9300,3,high,yes,88%"]  # fmt: skip
    path.write_text("Programme,Length,Fees,Job support,Industry,Placement,Employment\n" + "\n".join(rows) + "\n")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    for cell, value, reason in [
        ("G2", "c", "withheld as confidential (c)"),
        ("G3", "..", "not available (..)"),
        ("G4", "ns", "not shown (ns)"),
        ("G5", "PrivacySuppressed", "suppressed in the source"),
        ("G6", "<5", "suppressed: a count too small to show"),
    ]:
        assert f"  warning: G{cell[1:]} (Employment) {value!r}: {reason}: treated as missing" in result.output
    # the join is named in the page and the workbook as in the table's footer
    out = tmp_path / "ranked.xlsx"
    run = CliRunner().invoke(
        main, ["score", "data/catalogue.csv", "-p", "data/catalogue-profile.toml", "-o", str(out)]
    )
    assert run.exit_code == 0, run.output
    sheet = openpyxl.load_workbook(out)["Profile"]
    assert any(str(r[0]).startswith("join ") for r in sheet.iter_rows(values_only=True) if r and r[0])
    page = tmp_path / "ranked.html"
    assert CliRunner().invoke(main, ["score", "data/catalogue.csv", "-p", "data/catalogue-profile.toml",
                                     "-o", str(page)]).exit_code == 0  # fmt: skip
    assert "22 matched exactly, 3 approximately, 15 unmatched" in page.read_text()

"""Profiles: loading, validation messages with lines and suggestions, building in Python, TOML round trip."""

import math

import pytest

import programscore as ps
from programscore.profile_io import parse_profile

GOOD = """\
name = "mine"
method = "topsis"

[currency]
base = "EUR"
rates = { GBP = 1.17 }

[[criteria]]
key = "cost"
kind = "money"
better = "lower"
weight = 2

[[criteria]]
key = "length"
kind = "duration"
better = "lower"
best = 12
worst = 24
"""


def test_article_profile_is_built_in():
    assert "article" in ps.builtin_profiles()
    profile = ps.load_profile("article")
    assert profile.keys == ["job_support", "employment", "length", "cost", "industry_links", "placement"]
    assert profile.method == "weighted-sum"
    assert sum(profile.weights.values()) == pytest.approx(1)
    assert profile.criterion("employment").required is False
    assert profile.criterion("job_support").weight == max(c.weight for c in profile.criteria)


def test_profile_from_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(GOOD)
    profile = ps.load_profile(path)
    assert profile.name == "mine" and profile.method == "topsis"
    assert profile.currency.rate("GBP") == 1.17 and profile.currency.rate("EUR") == 1.0
    assert profile.weights == {"cost": pytest.approx(2 / 3), "length": pytest.approx(1 / 3)}
    assert profile.criterion("length").columns == ["length", "Length"]


def test_round_trip_through_toml():
    for profile in (ps.load_profile("article"), parse_profile(GOOD)):
        again = parse_profile(profile.to_toml())
        assert again == profile


def test_profile_in_python():
    profile = ps.Profile(
        name="quick",
        criteria=[
            ps.Criterion(key="cost", kind="money", better="lower", weight=3, max=30000),
            ps.Criterion(key="placement", kind="boolean", require=True),
        ],
    )
    assert profile.weights == {"cost": 0.75, "placement": 0.25}
    assert "require = true" in profile.to_toml()


def bad(text: str) -> str:
    with pytest.raises(ps.ProfileError) as caught:
        parse_profile(text, source="p.toml")
    return str(caught.value)


def test_unknown_key_names_the_line_and_suggests():
    text = GOOD.replace("weight = 2", "wieght = 2")
    assert bad(text) == "p.toml, line 12: criterion 'cost': unknown key 'wieght' (did you mean 'weight'?)"
    assert bad("nme = 'x'\n" + GOOD) == "p.toml, line 1: unknown key 'nme' (did you mean 'name'?)"
    assert bad(GOOD.replace("base =", "bsae =")) == (
        "p.toml, line 5: unknown key 'bsae' in [currency] (did you mean 'base'?)"
    )


def test_toml_syntax_error_has_line_and_column():
    assert bad(GOOD.replace('kind = "money"', 'kind = "money')) == (
        "p.toml, line 10, column 14: TOML syntax error: Illegal character '\\n'"
    )


@pytest.mark.parametrize(
    "weight, message",
    [
        ("-1", "p.toml, line 12: criterion 'cost': weight must not be negative (got -1)"),
        ("nan", "p.toml, line 12: criterion 'cost': weight must be a number (got nan)"),
        ('"heavy"', "p.toml, line 12: criterion 'cost': weight must be a number (got 'heavy')"),
    ],
)
def test_bad_weights(weight, message):
    assert bad(GOOD.replace("weight = 2", f"weight = {weight}")) == message


def test_all_zero_weights():
    text = GOOD.replace("weight = 2", "weight = 0").replace("worst = 24", "worst = 24\nweight = 0")
    assert bad(text) == "p.toml, line 12: all weights are zero: at least one criterion needs a positive weight"


def test_other_validation_messages():
    assert bad(GOOD.replace('kind = "money"', 'kind = "mony"')) == (
        "p.toml, line 10: criterion 'cost': kind 'mony' is not one of number, money, duration, boolean, "
        "rating, percent, keywords (did you mean 'money'?)"
    )
    assert bad(GOOD.replace("best = 12", "best = 30")) == (
        "p.toml, line 18: criterion 'length': best (30) is above worst (24) but better = \"lower\""
    )
    assert bad(GOOD.replace('method = "topsis"', 'method = "topsys"')) == (
        "p.toml, line 2: method 'topsys' is not one of weighted-sum, topsis (did you mean 'topsis'?)"
    )
    assert bad(GOOD.replace("GBP = 1.17", "GBP = -1")) == (
        "p.toml, line 6: currency rates: the rate for GBP must be a positive number up to 1,000,000,000,000 (got -1)"
    )
    assert bad(GOOD + '\n[[criteria]]\nkey = "cost"\nkind = "number"\n') == "p.toml: two criteria have the key 'cost'"


def test_unknown_builtin_suggests():
    with pytest.raises(ps.ProfileError, match=r"no built-in profile 'articel' \(did you mean 'article'\?\)"):
        ps.load_profile("articel")
    with pytest.raises(ps.ProfileError, match=r"missing\.toml: no such profile file"):
        ps.load_profile("missing.toml")


def test_with_changes_validates():
    profile = ps.load_profile("article")
    changed = profile.with_changes(method="topsis", weights={"cost": 6})
    assert changed.method == "topsis" and changed.criterion("cost").weight == 6
    assert profile.criterion("cost").weight == 2  # the original is untouched
    with pytest.raises(ps.ProfileError, match="weight must not be negative"):
        profile.with_changes(weights={"cost": -1})
    with pytest.raises(ps.ProfileError, match=r"unknown criterion 'cots' \(did you mean 'cost'\?\)"):
        profile.with_changes(weights={"cots": 1})
    with pytest.raises(ps.ProfileError, match="weight must be a number"):
        profile.with_changes(weights={"cost": math.nan})


def test_percent_anchors_read_like_cells():
    c = ps.Criterion(key="employment", kind="percent", best=95, worst=50)
    assert (c.best, c.worst) == (0.95, 0.5)

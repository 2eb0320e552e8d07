"""What the ranking does not know: imputed cells, renormalise, max_unknown, dominance on known values,
ranges kept as intervals, and the data drawn in the sensitivity analysis."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore import kernels
from programscore.cli import main
from programscore.uncertainty import data_model


def profile(**changes):
    criteria = [
        ps.Criterion(key="cost", kind="money", better="lower", columns=["Fee"], **changes.pop("cost", {})),
        ps.Criterion(key="length", kind="duration", better="lower", columns=["Length"]),
        ps.Criterion(key="employment", kind="percent", columns=["Employment"], **changes.pop("employment", {})),
    ]
    return ps.Profile(name="t", criteria=criteria, **changes)


def sheet(rows):
    return pd.DataFrame(rows, columns=["Programme", "Fee", "Length", "Employment"])


# --- dominance on known values -------------------------------------------------------------------


def test_a_blank_fee_is_not_dominated_on_that_basis():
    result = ps.score(
        sheet(
            [["A", "£9,000", "12 months", "90%"], ["B", None, "12 months", "90%"], ["C", "£12,000", "24 months", "60%"]]
        ),
        profile(),
    )
    by_name = dict(zip(result.names, result.dominator_names(), strict=True))
    # scored as the worst fee, B would be dominated by A; its fee is unknown, so it is not
    assert by_name["B"] is None
    assert by_name["C"] == "A"
    i = list(result.names).index("C")
    assert result.dominance_basis(i) == "on every criterion, all known"


def test_dominated_even_at_its_best_on_the_unknown_fee():
    result = ps.score(
        sheet(
            [["A", "£5,000", "12 months", "90%"], ["B", None, "18 months", "80%"], ["C", "£9,000", "24 months", "85%"]]
        ),
        profile(),
    )
    i = list(result.names).index("B")
    assert result.dominator_names()[i] == "A"  # at the best known fee (A's own £5,000) B is longer and worse
    assert result.dominance_basis(i) == "even at its best on the unknown cost"
    data = result.to_dict()
    record = next(r for r in data["ranking"] if r["name"] == "B")
    assert record["dominated_by"] == "A" and record["dominance"] == "even at its best on the unknown cost"


def test_a_programme_with_unknowns_dominates_only_at_its_worst():
    rows = [["A", None, "12 months", "90%"], ["B", "£10,000", "13 months", "85%"], ["C", "£8,000", "24 months", "60%"]]
    result = ps.score(sheet(rows), profile())
    by_name = dict(zip(result.names, result.dominator_names(), strict=True))
    # A at the worst known fee (£10,000) is still as cheap as B, and shorter and better placed
    assert by_name["B"] == "A"
    i = list(result.names).index("B")
    assert result.dominance_basis(i) == "with the dominating programme at its worst on its unknown cost"
    assert by_name["C"] is None  # C is the cheapest known: A at its worst fee does not beat it


def brute_force(normalised, unknown):
    known = np.where(unknown, np.nan, normalised)
    worst, best = np.nanmin(known, axis=0), np.nanmax(known, axis=0)
    low = np.where(unknown, worst, normalised)
    high = np.where(unknown, best, normalised)
    n = len(normalised)
    found = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(n):
            found[a, b] = a != b and (low[a] >= high[b]).all() and (low[a] > high[b]).any()
    return found


@pytest.mark.parametrize("seed", range(6))
def test_dominance_on_known_values_against_brute_force(seed):
    from programscore.unknowns import dominators

    rng = np.random.default_rng(seed)
    normalised = rng.integers(0, 4, size=(60, 3)) / 3.0
    unknown = rng.random((60, 3)) < 0.15
    unknown[:, 0] &= np.arange(60) > 0  # every column keeps a known value
    scores = normalised.sum(axis=1)
    found = dominators(normalised, unknown, scores)
    truth = brute_force(normalised, unknown)
    assert ((found >= 0) == truth.any(axis=0)).all()
    chosen = np.flatnonzero(found >= 0)
    assert truth[found[chosen], chosen].all()


# --- renormalise -----------------------------------------------------------------------------------


def renormalise_case(method="weighted-sum"):
    criteria = [
        ps.Criterion(key="a", kind="number", weight=1, missing="renormalise"),
        ps.Criterion(key="b", kind="number", weight=3, missing="renormalise"),
    ]
    frame = pd.DataFrame({"name": ["P1", "P2", "P3"], "a": [10, 0, 5], "b": [0, 10, None]})
    return ps.score(frame, ps.Profile(name="r", criteria=criteria, method=method))


def test_renormalise_by_hand():
    # a: 10, 0, 5 -> 1, 0, 0.5; b: 0, 10, blank -> 0, 1, -; weights 1/4 and 3/4
    # P1 = 100 x (1/4 x 1 + 3/4 x 0) = 25; P2 = 100 x 3/4 = 75; P3 over a alone: 100 x 0.5 = 50
    result = renormalise_case()
    assert list(result.names) == ["P2", "P3", "P1"]
    assert result.scores == pytest.approx([75.0, 50.0, 25.0])
    p3 = result.table.set_index("name").loc["P3"]
    assert p3["a"] == pytest.approx(50.0) and p3["b"] == pytest.approx(0.0)  # the points add up to the score
    assert any('missing = "renormalise"' in n and "b" in n for n in result.notices)
    record = result.to_dict()["ranking"][1]
    assert record["name"] == "P3" and record["unknown"] == 1 and record["imputed"] == []  # left out, not imputed
    assert record["contributions"] == pytest.approx({"a": 50.0, "b": 0.0})


def test_renormalise_compared_with_worst():
    worst = renormalise_case().profile.with_changes()
    for c in worst.criteria:
        c.missing = "worst"
    frame = pd.DataFrame({"name": ["P1", "P2", "P3"], "a": [10, 0, 5], "b": [0, 10, None]})
    result = ps.score(frame, worst)
    assert dict(zip(result.names, result.scores, strict=True))["P3"] == pytest.approx(12.5)  # 100 x 1/4 x 0.5
    assert result.to_dict()["ranking"][-1]["imputed"] == ["b"]


def test_renormalise_topsis_by_hand():
    # v = n x w: a 0.25, 0, 0.125; b 0, 0.75, -; P3's distances use a alone: |0.125 - 0.25| and |0.125 - 0|
    result = renormalise_case("topsis")
    assert dict(zip(result.names, result.scores, strict=True))["P3"] == pytest.approx(50.0)


# --- max_unknown -----------------------------------------------------------------------------------


def test_max_unknown_excludes_with_a_reason():
    rows = [["A", "£9,000", "12 months", "90%"], ["B", None, None, "80%"], ["C", "£5,000", None, "85%"]]
    result = ps.score(sheet(rows), profile(), max_unknown=1)
    assert list(result.names) == ["A", "C"] or set(result.names) == {"A", "C"}
    assert result.excluded["reasons"].iloc[0] == ["2 of 3 criteria unknown (cost, length): more than max_unknown = 1"]
    assert ps.score(sheet(rows), profile(max_unknown=0)).excluded["name"].tolist() == ["B", "C"]


def test_max_unknown_in_a_profile_file_and_on_the_command_line(tmp_path):
    (tmp_path / "p.toml").write_text(
        'name = "p"\nmax_unknown = 0\n[[criteria]]\nkey = "cost"\nkind = "money"\nbetter = "lower"\ncolumns = ["Fee"]\n'
    )
    csv = tmp_path / "s.csv"
    csv.write_text("Programme,Fee\nA,£9000\nB,\n")
    out = CliRunner().invoke(main, ["score", str(csv), "--profile", str(tmp_path / "p.toml"), "-f", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert [e["name"] for e in data["excluded"]] == ["B"]
    assert data["excluded"][0]["reasons"] == ["1 of 1 criteria unknown (cost): more than max_unknown = 0"]
    out = CliRunner().invoke(main, ["score", "data/programmes.csv", "--max-unknown", "0", "-f", "json"])
    assert out.exit_code == 0 and all(r["unknown"] == 0 for r in json.loads(out.output)["ranking"])
    bad = CliRunner().invoke(main, ["score", "data/programmes.csv", "--max-unknown", "-1"])
    assert bad.exit_code == 2 and "-1 is not in the range x>=0" in bad.output
    (tmp_path / "bad.toml").write_text('name = "p"\nmax_unknown = "two"\n[[criteria]]\nkey = "cost"\nkind = "money"\n')
    bad = CliRunner().invoke(main, ["score", str(csv), "--profile", str(tmp_path / "bad.toml")])
    assert bad.exit_code == 1 and "max_unknown must be a whole number of at least 0 (got 'two')" in bad.output


# --- imputed cells -------------------------------------------------------------------------------


def test_imputed_and_unknown_in_json_and_csv():
    out = CliRunner().invoke(main, ["score", "data/programmes.csv", "-f", "json"])
    data = json.loads(out.output)
    for record in data["ranking"]:
        missing = [k for k, v in record["values"].items() if v is None]
        assert record["imputed"] == missing and record["unknown"] == len(missing)
    assert any(r["imputed"] for r in data["ranking"])
    csv = CliRunner().invoke(main, ["score", "data/programmes.csv", "-f", "csv"]).output
    frame = pd.read_csv(pd.io.common.StringIO(csv))
    assert "imputed" in frame and "unknown" in frame
    for record, (_, row) in zip(data["ranking"], frame.iterrows(), strict=True):
        assert (row["imputed"] if isinstance(row["imputed"], str) else "") == "; ".join(record["imputed"])
        assert row["unknown"] == record["unknown"]


def test_imputed_cells_helper():
    from programscore.unknowns import imputed_cells

    result = ps.score(sheet([["A", "£9,000", "12 months", None], ["B", None, "12 months", "90%"]]), profile())
    marked = imputed_cells(result)
    names = list(result.names)
    assert marked[names.index("A")].tolist() == [False, False, True]
    assert marked[names.index("B")].tolist() == [True, False, False]


# --- ranges --------------------------------------------------------------------------------------


RANGED = [["A", "£9,000-£12,000", "12-15 months", "85-90%"], ["B", "£10,000", "12 months", "80%"]]


def test_a_range_scores_its_worse_end_by_default():
    result = ps.score(sheet(RANGED), profile())
    values = result.values.loc[2]
    assert values["cost"] == 12_000 and values["length"] == 15 and values["employment"] == pytest.approx(0.85)
    record = next(r for r in result.to_dict()["ranking"] if r["name"] == "A")
    assert record["intervals"] == {"cost": [9000.0, 12000.0], "length": [12.0, 15.0], "employment": [0.85, 0.9]}
    assert "intervals" not in next(r for r in result.to_dict()["ranking"] if r["name"] == "B")


@pytest.mark.parametrize(("policy", "cost", "employment"), [("upper", 12_000, 0.9), ("lower", 9_000, 0.85),
                                                            ("middle", 10_500, 0.875)])  # fmt: skip
def test_range_policy(policy, cost, employment):
    result = ps.score(sheet(RANGED), profile(cost={"range": policy}, employment={"range": policy}))
    assert result.values.loc[2, "cost"] == pytest.approx(cost)
    assert result.values.loc[2, "employment"] == pytest.approx(employment)


def test_range_towards_a_target_scores_the_farther_end():
    criteria = [ps.Criterion(key="length", kind="duration", better="target", target=12, columns=["Length"])]
    frame = pd.DataFrame({"Programme": ["A", "B"], "Length": ["10-13 months", "12 months"]})
    assert ps.score(frame, ps.Profile(name="t", criteria=criteria)).values.loc[2, "length"] == 10


def test_a_bad_range_policy_is_a_profile_error():
    with pytest.raises(ps.ProfileError, match="range 'uper' is not one of upper, lower, middle"):
        profile(cost={"range": "uper"})


def test_a_fee_range_is_totalled_like_its_upper_end():
    frame = pd.DataFrame({"Programme": ["A", "B"], "Fee": ["£9,000-£12,000 per year", "£9,000"],
                          "Length": ["2 years", "1 year"], "Employment": ["80%", "80%"]})  # fmt: skip
    result = ps.score(frame, profile())
    assert result.interval_low.loc[2, "cost"] == 18_000 and result.interval_high.loc[2, "cost"] == 24_000


# --- the data in the sensitivity analysis ----------------------------------------------------------


def spread_zero(rows, data_uncertainty, samples=400):
    result = ps.score(sheet(rows), profile())
    return result.sensitivity(samples=samples, spread=0, data_uncertainty=data_uncertainty, seed=1)


ROWS = [
    ["P1", "£9,000", "12 months", "80%"],
    ["P2", "£10,000", "12 months", "82%"],
    ["P3", "£11,000", "12 months", "84%"],
    ["P4", "£12,000", "12 months", "86%"],
    ["P5", "£13,000", "12 months", "88%"],
]


def test_a_wide_fee_range_widens_the_rank_range_and_a_point_gives_one_rank():
    points = spread_zero(ROWS, "ranges").programmes
    assert (points["rank_p5"] == points["rank_p95"]).all()  # no range, no spread: one rank each
    wide = [*ROWS[:2], ["P3", "£2,000-£40,000", "12 months", "84%"], *ROWS[3:]]
    analysis = spread_zero(wide, "ranges")
    p3 = analysis.programmes.set_index("name").loc["P3"]
    assert p3["rank_p5"] < p3["rank_p95"]
    assert analysis.drawn_cells == 1
    fixed = spread_zero(wide, "none").programmes.set_index("name")
    assert (fixed["rank_p5"] == fixed["rank_p95"]).all()


def test_all_draws_imputed_values_from_the_column():
    rows = [*ROWS[:2], ["P3", "£11,000", "12 months", None], *ROWS[3:]]
    ranges = spread_zero(rows, "ranges").programmes.set_index("name").loc["P3"]
    assert ranges["rank_p5"] == ranges["rank_p95"]
    everything = spread_zero(rows, "all", samples=2000)
    p3 = everything.programmes.set_index("name").loc["P3"]
    assert p3["rank_p5"] < p3["rank_p95"]
    model = data_model(ps.score(sheet(rows), profile()), "all")
    (draws,) = model.draws
    drawn = model._drawn(draws, 500, np.random.default_rng(0))
    assert set(np.round(drawn.ravel(), 12)) <= set(np.round(draws.pool, 12)) and len(set(drawn.ravel())) == 4


@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_drawn_scores_are_the_scores_of_the_drawn_data(method):
    rows = [["P1", "£9,000-£15,000", "12 months", "80%"], ["P2", "£10,000", "12-20 months", None],
            ["P3", "£11,000", "18 months", "70-95%"], ["P4", "£12,000", "24 months", "60%"]]  # fmt: skip
    result = ps.score(sheet(rows), profile(method=method))
    model = data_model(result, "all")
    weights = np.random.default_rng(2).dirichlet(np.ones(3), size=50)
    scores = model.scores(weights, np.random.default_rng(9))
    rng = np.random.default_rng(9)
    drawn = {d.column: (d, model._drawn(d, len(weights), rng)) for d in model.draws}
    for s in range(len(weights)):
        matrix = model.normalised.copy()
        for j, (d, values) in drawn.items():
            matrix[d.rows, j] = values[s]
        expected = (
            kernels.weighted_scores(matrix, weights[s])
            if method == "weighted-sum"
            else kernels.topsis(matrix, weights[s])
        )
        assert scores[s] == pytest.approx(expected, abs=1e-9)


def test_no_draws_reproduces_the_scores():
    for method in ("weighted-sum", "topsis"):
        result = ps.score(sheet(RANGED + ROWS), profile(method=method))
        model = data_model(result, "none")
        base = np.array([result.profile.weights[k] for k in result.profile.keys])
        assert model.scores(base[None, :], np.random.default_rng(0))[0] == pytest.approx(result.scores)


def test_renormalised_scores_under_sampled_weights():
    result = renormalise_case()
    model = data_model(result, "all")
    weights = np.random.default_rng(4).dirichlet(np.ones(2), size=20)
    scores = model.scores(weights, np.random.default_rng(0))
    available = ~result.left_out
    for s in range(len(weights)):
        expected = kernels.renormalised_scores(result.normalised.to_numpy(), weights[s], available)
        assert scores[s] == pytest.approx(expected)


def test_cli_data_uncertainty(tmp_path):
    csv = tmp_path / "s.csv"
    sheet([*ROWS[:2], ["P3", "£2,000-£40,000", "12 months", "84%"], *ROWS[3:]]).to_csv(csv, index=False)
    toml = tmp_path / "p.toml"
    toml.write_text(profile().to_toml())
    runner = CliRunner()

    def run(*options):
        return runner.invoke(main, ["sensitivity", str(csv), "--profile", str(toml), "--samples", "200", *options])

    out = run("-f", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)["sensitivity"]
    assert data["data_uncertainty"] == "ranges" and data["drawn_cells"] == 1
    table = run().output
    assert "data: each range drawn uniformly between its ends (1 cell(s))" in table.splitlines()[0]
    none = run("--data-uncertainty", "none").output
    assert "data:" not in none.splitlines()[0]
    bad = run("--data-uncertainty", "some")
    assert bad.exit_code == 2 and "'some' is not one of 'none', 'ranges', 'all'" in bad.output
    with pytest.raises(ps.ProgramscoreError, match="data uncertainty must be one of none, ranges, all"):
        ps.score(sheet(ROWS), profile()).sensitivity(samples=10, data_uncertainty="some")


# --- the marks in every report ----------------------------------------------------------------------


def test_every_report_marks_imputed_points(tmp_path):
    from openpyxl import load_workbook

    runner = CliRunner()
    table = runner.invoke(main, ["score", "data/programmes.csv"]).output
    caledon = next(line for line in table.splitlines() if "Caledon" in line)
    assert caledon.count("0.0*") == 2  # its employment and fee were imputed
    assert "* points from an imputed value (no cell gave it; the missing policy filled one in)" in table
    assert "dominated by: decided on known values" in table
    markdown = runner.invoke(main, ["score", "data/programmes.csv", "-f", "markdown"]).output
    assert "0.0*" in markdown and "- \\* points from an imputed value" in markdown  # escaped for Markdown
    page = tmp_path / "r.html"
    assert runner.invoke(main, ["score", "data/programmes.csv", "-o", str(page)]).exit_code == 0
    html = page.read_text()
    assert html.count('class="num points imputed" title="from an imputed value') == 9
    assert "points from an imputed value" in html
    book = tmp_path / "r.xlsx"
    assert runner.invoke(main, ["score", "data/programmes.csv", "-o", str(book)]).exit_code == 0
    sheet = load_workbook(book)["Ranking"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if "Caledon" in str(r[1].value))
    fee = row[headers.index("Tuition fees (points)")]
    assert fee.font.i and fee.font.color.rgb.endswith("C55A11") and fee.number_format == "0.0"
    length = row[headers.index("Programme length (points)")]
    assert not length.font.i and length.number_format == "0.0"  # the column's number style is left alone
    # one note a column, on the header of each column with an imputed point, saying what the italic means
    notes = {cell.value: cell.comment.text for cell in sheet[1] if cell.comment is not None}
    assert "Tuition fees (points)" in notes and "Programme length (points)" not in notes
    assert all("italic orange: points from an imputed value" in note for note in notes.values())
    italic = {headers[c.column - 1] for r in sheet.iter_rows(min_row=2) for c in r if c.font.i}
    assert italic == set(notes)
    explained = runner.invoke(main, ["explain", "data/programmes.csv", "Caledon"]).output
    assert "missing (imputed: missing = worst)" in explained


def test_explain_shows_a_range_and_a_dominance_basis():
    rows = [
        ["A", "£5,000", "12 months", "90%"],
        ["B", None, "12-18 months", "80%"],
        ["C", "£9,000", "24 months", "85%"],
    ]
    result = ps.score(sheet(rows), profile())
    text = str(result.explain("B"))
    assert "18 months (range 12 months to 18 months)" in text
    assert "dominated by A (even at its best on the unknown cost)" in text


def test_stability_intervals_under_renormalise():
    # P2 leads (75) before P3 (50, on a alone) and P1 (25). With b's share s (a's 1 - s):
    # P2 = 100 s; P3 = 50 whatever s (it has only a); P1 = 100 (1 - s). P2 stays first from s = 1/2 to 1.
    result = renormalise_case()
    analysis = result.sensitivity(samples=100, spread=0)
    b = next(s for s in analysis.stability if s.key == "b")
    assert b.low == pytest.approx(0.5, abs=1e-9) and b.high == 1.0
    assert b.below == "P1"


@pytest.mark.parametrize("anchors", [{}, {"best": 5_000, "worst": 30_000}, {"best": 9_500}, {"worst": 11_000}])
def test_drawn_values_keep_the_columns_normalisation(anchors):
    from programscore.scoring import normalise

    rows = [["P1", "£9,000-£15,000", "12 months", "80%"], ["P2", "£10,000", "12 months", "70%"],
            ["P3", "£4,000-£40,000", "12 months", "75%"], ["P4", "£12,000", "12 months", "60%"]]  # fmt: skip
    result = ps.score(sheet(rows), profile(cost=anchors))
    model = data_model(result, "ranges")
    d = next(d for d in model.draws if d.column == 0)
    raw = np.linspace(1_000, 45_000, 89)
    known = d.reference[np.isfinite(d.reference)]
    clipped = raw if d.fixed else np.clip(raw, known.min(), known.max())
    expected = normalise(np.concatenate([d.reference, clipped])[:, None], [result.profile.criteria[0]])[
        len(d.reference) :, 0
    ]
    if d.affine is not None:
        assert np.clip(d.affine[0] * clipped + d.affine[1], 0, 1) == pytest.approx(expected, abs=1e-12)
    # the reference itself maps to the ranking's normalised values
    assert normalise(d.reference[:, None], [result.profile.criteria[0]])[:, 0] == pytest.approx(model.normalised[:, 0])


def test_csv_shows_both_ends_of_a_range():
    out = CliRunner().invoke(main, ["score", "data/vague.csv", "-f", "csv"])
    frame = pd.read_csv(pd.io.common.StringIO(out.output)).set_index("name")
    assert {"cost low", "cost high", "length low", "length high", "employment low", "employment high"} <= set(frame)
    harbourside = frame.loc["MSc Machine Learning, Harbourside Institute of Technology"]
    assert (harbourside["cost low"], harbourside["cost high"], harbourside["cost value"]) == (9000, 24000, 24000)
    assert np.isnan(frame.loc["MSc Data Science, Northfield University", "cost low"])
    plain = CliRunner().invoke(main, ["score", "data/programmes.csv", "-f", "csv"]).output.splitlines()[0]
    assert " low" not in plain  # no range in the sheet, no such columns

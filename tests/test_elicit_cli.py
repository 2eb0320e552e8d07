"""``programscore elicit`` through CliRunner: typed answers (bad ones asked again), Ctrl-C and the end
of input (no file left), answers replayed from TOML and JSON, --dry-run, the profile written and
``profile show``."""

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main

CSV = "data/programmes.csv"
SWING_INPUT = "cost\n90\n60\n80\n20\n30\n"
SWING_ANSWERS = {"first": "cost", "ratings": {"job_support": 90, "employment": 60, "length": 80,
                                              "industry_links": 20, "placement": 30}}  # fmt: skip


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def leftovers(folder: Path):
    return sorted(p.name for p in folder.iterdir())


def test_interactive_swing_asks_again_after_bad_answers(tmp_path):
    out = tmp_path / "mine.toml"
    result = run("elicit", CSV, "-o", out, input="7\nprice\ncost\n150\nlots\n90\n60\n80\n20\n30\n")
    assert result.exit_code == 0, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert errors == [
        "Error: answer with a number from 1 to 6 or a criterion key "
        "(job_support, employment, length, cost, industry_links, placement)",
        "Error: answer with a number from 1 to 6 or a criterion key "
        "(job_support, employment, length, cost, industry_links, placement)",
        "Error: 150 is above 100: then this improvement would come before cost; answer from 0 to 100",
        "Error: answer with a number from 0 to 100",
    ]
    assert "  4. cost: Tuition fees from £71,100 down to £0\n" in result.output
    assert "length: Programme length from 24 down to 12 months\n" in result.output
    assert result.output.endswith(f"\nwrote {out}\n")
    written = ps.load_profile(out)
    # ratings / span, normalised: 90/0.6, 60/0.5, 80, 100, 20/0.75, 30
    raw = {"job_support": 150, "employment": 120, "length": 80, "cost": 100, "industry_links": 80 / 3, "placement": 30}
    expected = {k: v / sum(raw.values()) for k, v in raw.items()}
    assert written.weights == pytest.approx(expected, abs=1e-4)
    assert f"job_support     {expected['job_support']:.1%}" in result.output
    base = ps.load_profile("article").to_dict()
    mine = written.to_dict()
    for data in (base, mine):
        data.pop("name")
        for criterion in data["criteria"]:
            criterion.pop("weight")
    assert mine == base  # the base profile, with new weights


def test_the_ranking_and_the_stability_of_first_place_follow(tmp_path):
    result = run("elicit", CSV, "-o", tmp_path / "mine.toml", "--top", 3, input=SWING_INPUT)
    assert result.exit_code == 0
    scored = ps.score(ps.read_sheet(CSV), ps.load_profile(tmp_path / "mine.toml"))
    assert "The first 3 with these weights:" in result.output
    for i in range(3):
        assert f"{i + 1}       {scored.names[i]}" in result.output
    leader = scored.sensitivity(samples=10_000, seed=0)
    assert (
        f"{scored.names[0]} stays first in {leader.programmes['p_first'].iloc[0]:.1%} of 10,000 samples"
        in result.output
    )
    for s in leader.stability:
        assert f"{s.key:<16}{s.share:.1%}" in result.output


@pytest.mark.parametrize("interruption", ["abort", "keyboard"])
def test_ctrl_c_leaves_no_file(tmp_path, monkeypatch, interruption):
    real = click.prompt
    calls = []

    def prompt(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            if interruption == "keyboard":
                raise KeyboardInterrupt
            try:  # what click.prompt does with Ctrl-C
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                raise click.Abort() from None
        return real(*args, **kwargs)

    monkeypatch.setattr(click, "prompt", prompt)
    result = run("elicit", CSV, "-o", tmp_path / "mine.toml", input=SWING_INPUT)
    assert result.exit_code == 130
    assert result.stderr == "\nInterrupted: no profile written.\n"
    assert "Traceback" not in result.output
    assert leftovers(tmp_path) == []


def test_input_ending_early_leaves_no_file(tmp_path):
    result = run("elicit", CSV, "-o", tmp_path / "mine.toml", input="cost\n90\n")
    assert result.exit_code == 1
    assert result.stderr.endswith("Error: the input ended before the last answer; no profile written\n")
    assert leftovers(tmp_path) == []


def test_answers_replayed_from_toml_and_json_write_the_same_profile(tmp_path):
    (tmp_path / "answers.json").write_text(json.dumps(SWING_ANSWERS))
    ratings = "\n".join(f"{k} = {v}" for k, v in SWING_ANSWERS["ratings"].items())
    (tmp_path / "answers.toml").write_text(f'method = "swing"\nfirst = "cost"\n[ratings]\n{ratings}\n')
    typed = run("elicit", CSV, "-o", tmp_path / "typed.toml", input=SWING_INPUT)
    for name in ("answers.json", "answers.toml"):
        result = run("elicit", CSV, "--answers", tmp_path / name, "-o", tmp_path / "typed.toml")
        assert result.exit_code == 0, result.output
        assert "Improvement taken first (1-6 or key): cost\n" in result.output
        assert result.output == typed.output  # the same transcript as typing the answers
    result = run("elicit", CSV, "--answers", tmp_path / "answers.toml", "-o", tmp_path / "replayed.toml")
    assert (tmp_path / "replayed.toml").read_text().replace("replayed", "typed") == (
        tmp_path / "typed.toml"
    ).read_text()


def test_ahp_answers_name_the_inconsistent_judgement(tmp_path):
    keys = ["job_support", "employment", "length", "cost", "industry_links", "placement"]
    judgements = {f"{a}/{b}": 2 for i, a in enumerate(keys) for b in keys[i + 1 :]}
    judgements["industry_links/placement"] = "1/9"
    judgements["length/job_support"] = judgements.pop("job_support/length")  # either way round
    lines = [f'"{k}" = {json.dumps(v)}' for k, v in judgements.items()]
    (tmp_path / "ahp.toml").write_text('method = "ahp"\n[judgements]\n' + "\n".join(lines) + "\n")
    result = run("elicit", CSV, "--answers", tmp_path / "ahp.toml", "-o", tmp_path / "mine.toml")
    assert result.exit_code == 0, result.output
    assert "  length vs job_support" not in result.output  # asked as job_support vs length, read as 1/2
    assert "  job_support vs length (1-9 for A, 1/2-1/9 for B): 1/2\n" in result.output
    assert (
        "note: consistency ratio 0." in result.output and "above 0.1: industry_links vs placement fits" in result.output
    )
    text = (tmp_path / "mine.toml").read_text()
    assert "# consistency ratio: " in text


def test_ahp_interactive_offers_a_revision(tmp_path):
    answers = ["2"] * 14 + ["1/9", "maybe", "y", "12", "1/2"]
    result = run("elicit", CSV, "-m", "ahp", "-o", tmp_path / "mine.toml", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Your answers disagree most on industry_links vs placement: you said 1/9, and" in result.output
    assert "Error: answer y (yes), n (no) or = (either is as good)" in result.output
    assert "Error: '12' is not on Saaty's scale (1 to 9, or 1/2 to 1/9)" in result.output
    record = run("profile", "show", tmp_path / "mine.toml").output
    assert "revise industry_links vs placement -> yes" in record
    assert "how much more industry_links matters than placement -> 1/2" in record


def test_pairwise_interactive(tmp_path):
    typed = "ynyn nyn= nyyn nnyy nnyn".replace(" ", "")
    result = run("elicit", CSV, "-m", "pairwise", "-o", tmp_path / "mine.toml", input="?\n" + "\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Would you pay £") == 19 + 1  # 20 questions, the first asked twice
    assert "[length 1] Would you pay £71,100 more for a programme that is 12 months shorter" in result.output
    assert "note: length: £57,850 of cost is worth 12 months of length; w_length / w_cost = 0.814" in result.output


def test_dry_run_prints_the_questions_and_writes_nothing(tmp_path):
    for method, count in (("swing", 1), ("pairwise", 5), ("ahp", 15)):
        result = run("elicit", CSV, "-m", method, "--dry-run")
        assert result.exit_code == 0, result.output
        marker = {"swing": "Which single improvement", "pairwise": "Would you pay", "ahp": "Which improvement matters"}
        assert result.output.count(marker[method]) == count
    assert "  (judgements.job_support/employment)" in result.output


def test_profile_show_displays_the_record(tmp_path):
    out = tmp_path / "mine.toml"
    run("elicit", CSV, "-o", out, input=SWING_INPUT)
    shown = run("profile", "show", out)
    assert shown.exit_code == 0
    assert "Weights elicited by `programscore elicit --method swing`." in shown.output
    assert "  1. Which single improvement would you take first? -> cost" in shown.output
    assert "  2. job_support (Support into a job from 2 up to 5 (of 5)) against cost = 100 -> 90" in shown.output
    assert "weights: job_support 29.6%, employment 23.7%, length 15.8%, cost 19.7%" in shown.output
    assert "Weights elicited" not in run("profile", "show", "article").output


@pytest.mark.parametrize(
    "args, answers, code, message",
    [
        ([], None, 2, "Error: give -o FILE, where the profile is written (or --dry-run to see the questions)"),
        (["-o", "-"], None, 2, "Error: -o needs a file name: the terminal shows the questions"),
        (["-o", "OUT", "--answers", "ANSWERS"], 'first = "cost"\n', 1,
         "Error: ANSWERS: no answer for ratings.job_support"),
        (["-o", "OUT", "--answers", "ANSWERS"], 'frist = "cost"\n', 1,
         "Error: ANSWERS: unknown key 'frist' (did you mean 'first'?); the keys are method, first, ratings, tradeoffs, judgements"),
        (["-o", "OUT", "--answers", "ANSWERS", "-m", "ahp"], 'method = "swing"\n', 2,
         "Error: --method ahp but ANSWERS holds answers for method swing"),
        (["-o", "OUT", "--answers", "ANSWERS"], 'first = "cost"\n[ratings]\njob_support = 200\n', 1,
         "Error: ANSWERS: ratings.job_support: 200: 200 is above 100: then this improvement would come before cost; answer from 0 to 100"),
        (["-o", "OUT", "--answers", "ANSWERS", "-m", "pairwise"], "[tradeoffs]\njob_support = ['y', 'n', 'y', 'n', 'y']\n"
         + "".join(f"{k} = ['n', 'n', 'n', 'n']\n" for k in ("employment", "length", "industry_links", "placement")), 1,
         "Error: ANSWERS: answers not used by any question: tradeoffs.job_support (1 more)"),
        (["-o", "OUT", "--answers", "ANSWERS"], "not toml", 1, "Error: ANSWERS: not valid TOML: "),
        (["-o", CSV, "--answers", "ANSWERS"], None, 1, f"Error: {CSV}: that is the input file; programscore never writes over a file it reads"),
    ],
)  # fmt: skip
def test_errors_are_one_line_and_write_nothing(tmp_path, args, answers, code, message):
    answers_path = tmp_path / "answers.toml"
    if answers is not None:
        answers_path.write_text(answers)
    else:
        answers_path.write_text(
            'first = "cost"\n[ratings]\n' + "\n".join(f"{k} = {v}" for k, v in SWING_ANSWERS["ratings"].items())
        )
    swap = {"OUT": str(tmp_path / "mine.toml"), "ANSWERS": str(answers_path)}
    message = message.replace("ANSWERS", str(answers_path))
    result = run("elicit", CSV, *[swap.get(a, a) for a in args])
    assert result.exit_code == code, result.output
    if code == 1:
        assert result.stderr.startswith(message) and result.stderr.count("\n") == 1  # one line
    else:
        assert result.stderr.splitlines()[-1] == message  # after click's usage lines
    assert not (tmp_path / "mine.toml").exists()


def test_a_pairwise_file_with_too_few_answers(tmp_path):
    (tmp_path / "a.toml").write_text("[tradeoffs]\njob_support = ['y']\n")
    result = run("elicit", CSV, "-m", "pairwise", "--answers", tmp_path / "a.toml", "-o", tmp_path / "mine.toml")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'a.toml'}: tradeoffs.job_support: the questions go on after the last answer (add one)\n"
    )


def test_without_a_sheet_the_ranges_come_from_the_profiles_anchors():
    result = run("elicit", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: criterion 'cost' is scaled over the sheet (min-max over the sheet), so its range comes from the "
        "sheet: give INPUT\n"
    )


def readme_session():
    readme = Path("README.md").read_text()
    section = readme[readme.index("### `programscore elicit`") :]
    block = section[section.index("```console\n$ ") + len("```console\n$ ") :]
    block = block[: block.index("```\n")]
    command, _, printed = block.partition("\n")
    return command, printed


def test_the_readme_transcript_is_what_the_session_prints(tmp_path, monkeypatch):
    # the README shows a real terminal session with these answers typed
    command, printed = readme_session()
    assert command == "programscore elicit data/programmes.csv -o my-profile.toml"
    assert [
        line.rsplit(": ", 1)[1] for line in printed.splitlines() if line.startswith(("Improvement", "  worth"))
    ] == (SWING_INPUT.split())
    csv = Path(CSV).resolve()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["elicit", str(csv), "-o", "my-profile.toml"], input=SWING_INPUT)
    assert result.exit_code == 0
    assert result.output.replace(str(csv), CSV) == printed
    text = (tmp_path / "my-profile.toml").read_text().replace(str(csv), CSV).splitlines()
    readme = Path(Path(csv).parent.parent / "README.md").read_text()
    shown = readme[readme.index("```toml\n# Weights elicited") + len("```toml\n") :]
    shown = [line for line in shown[: shown.index("```\n")].splitlines() if line != "..."]
    assert [text.index(line) for line in shown] == sorted(text.index(line) for line in shown)  # in order, all there


def test_a_criterion_without_a_column_is_not_asked_and_weighs_nothing(tmp_path):
    sheet = tmp_path / "no-employment.csv"
    lines = Path(CSV).read_text(encoding="utf-8").splitlines()
    sheet.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", encoding="utf-8")
    result = run("elicit", sheet, "-o", tmp_path / "mine.toml", input="cost\n90\n80\n20\n30\n")
    assert result.exit_code == 0, result.output
    assert "note: employment: the sheet has no column for it\n" in result.stderr
    assert "employment      0.0%      not asked" in result.output
    written = ps.load_profile(tmp_path / "mine.toml")
    assert written.criterion("employment").weight == 0
    assert "# note: employment: the sheet has no column for it" in (tmp_path / "mine.toml").read_text()


def test_where_narrows_the_ranges_and_is_recorded(tmp_path):
    result = run("elicit", CSV, "--where", "country = UK", "--dry-run")
    assert result.exit_code == 0
    assert "  4. cost: Tuition fees from £26,500 down to £8,400\n" in result.output  # the UK programmes' fees
    out = tmp_path / "uk.toml"
    result = run("elicit", CSV, "--where", "country = UK", "-o", out, input=SWING_INPUT)
    assert result.exit_code == 0, result.output
    assert "# rows kept only where: country = UK\n" in out.read_text()
    assert "(11 programmes ranked)" in out.read_text()


def test_the_answers_file_is_never_written_over(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(SWING_ANSWERS))
    before = answers.read_text()
    result = run("elicit", CSV, "--answers", answers, "-o", answers)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {answers}: that is the input file; programscore never writes over a file it reads\n"
    assert answers.read_text() == before

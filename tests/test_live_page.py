"""The live weights of the HTML page, driven in a real browser (Chromium through Playwright): the page's
scores and ranks equal the library's for the same weights, the copied command line reproduces them,
names are shown as text, and a re-rank of 5,000 programmes is fast. Skipped, with the reason, where
Playwright or Chromium is missing."""

import base64
import hashlib
import itertools
import json
import random
import re
import shlex
import shutil

import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main

CSV_PATH = "data/programmes.csv"
CHROMIUM = shutil.which("/usr/bin/chromium") or shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


def write_sheet(path, n: int, seed: int = 1, names: dict | None = None) -> str:
    """A CSV of ``n`` programmes with varied values (names overridden by ``names``: index -> name)."""
    rng = random.Random(seed)
    lines = ["Programme,University,Country,Length,Tuition fees,Industry links,Placement,Careers support,"
             "Graduate employment"]  # fmt: skip
    for i in range(n):
        name = (names or {}).get(i, f"MSc Subject {i}")
        lines.append(
            f'"{name}",University {i % 37},UK,{rng.choice(["1 year", "2 years", "18 months"])},'
            f'"£{rng.randrange(4000, 40000):,}",{rng.choice(["high", "medium", "low"])},'
            f"{rng.choice(['yes', 'no'])},{rng.randint(1, 5)}/5,{rng.randint(50, 99)}%"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_page_embeds_escaped_json_and_a_policy_with_the_scripts_hash(tmp_path):
    sheet_path = write_sheet(tmp_path / "s.csv", 3, names={0: "</script><script>alert(1)</script>"})
    result = ps.score(ps.read_sheet(sheet_path))
    page = result.render("html")
    data_text = re.search(r'<script type="application/json" id="live-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_text
    data = json.loads(data_text)
    assert data["names"][: len(result.names)] == [str(n) for n in result.names]
    assert data["normalised"] == result.normalised.to_numpy().tolist()
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert len(scripts[0].encode("utf-8")) < 15_000


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: browser tests skipped")
    if CHROMIUM is None:
        pytest.skip("no chromium executable on PATH: browser tests skipped")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def open_page(browser, path, scripts=True, wait=True):
    context = browser.new_context(java_script_enabled=scripts)
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.goto(path.as_uri())
    if scripts and wait:
        settle(page)
    return page, problems


def set_weights(page, weights: dict) -> None:
    page.evaluate(
        """weights => {
            const keys = window.programscoreLive.data.keys;
            let box = null;
            for (const [key, value] of Object.entries(weights)) {
                box = document.getElementById("live-box-" + keys.indexOf(key));
                box.value = String(value);
            }
            box.dispatchEvent(new Event("input", {bubbles: true}));
        }""",
        weights,
    )
    settle(page)


def settle(page) -> None:
    """Wait until the page has written every row (the rows after the first are written in batches)."""
    page.wait_for_function("() => !document.getElementById('live').hasAttribute('data-pending')")


def table(page) -> list[tuple[int, str, str]]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('#ranking-table tbody tr')).map(tr =>
            [Number(tr.cells[0].textContent), tr.cells[1].textContent, tr.cells[2].textContent])"""
    )


def expected(result) -> list[tuple[int, str, str]]:
    return [[int(r), str(n), f"{s:.2f}"] for r, n, s in zip(result.ranks, result.names, result.scores, strict=True)]


WEIGHTS = [
    {"job_support": 1, "employment": 5, "length": 0.5, "cost": 4, "industry_links": 0, "placement": 2},
    {"job_support": 0, "employment": 0, "length": 0, "cost": 1, "industry_links": 0, "placement": 0},
    {"job_support": 2.5, "employment": 1, "length": 3, "cost": 0.25, "industry_links": 7, "placement": 1},
]


@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_moving_weights_gives_the_librarys_scores_and_ranks(browser, tmp_path, method):
    sheet = ps.read_sheet(write_sheet(tmp_path / "s.csv", 120, seed=7))
    path = tmp_path / "page.html"
    ps.score(sheet, method=method).write(str(path))
    page, problems = open_page(browser, path)
    assert page.locator("#live").is_visible()
    assert page.locator("#live-method").text_content() == method
    assert table(page) == expected(ps.score(sheet, method=method))
    for weights in WEIGHTS:
        set_weights(page, weights)
        assert table(page) == expected(ps.score(sheet, method=method, weights=weights)), weights
    page.click("#live-reset")
    settle(page)
    assert table(page) == expected(ps.score(sheet, method=method))
    assert problems == []


def test_the_copied_command_line_reproduces_the_pages_ranking(browser, tmp_path):
    csv_path = write_sheet(tmp_path / "s.csv", 40, seed=3)
    path = tmp_path / "page.html"
    ps.score(ps.read_sheet(csv_path)).write(str(path))
    page, problems = open_page(browser, path)
    set_weights(page, WEIGHTS[2])
    shown = table(page)
    command = shlex.split(page.locator("#live-cli").input_value())
    assert command[:3] == ["programscore", "score", csv_path]
    out = tmp_path / "again.json"
    run = CliRunner().invoke(main, [*command[1:], "-o", str(out)])
    assert run.exit_code == 0, run.output
    again = json.loads(out.read_text())
    rows = again["ranking"]
    assert [[r["rank"], r["name"], f"{r['score']:.2f}"] for r in rows] == shown
    toml = page.locator("#live-toml").input_value()
    assert toml.count("[[criteria]]") == 6 and 'key = "industry_links"\nweight = 7' in toml
    assert problems == []


def test_stability_is_recomputed_as_the_library_does(browser, tmp_path):
    sheet = ps.read_sheet(write_sheet(tmp_path / "s.csv", 60, seed=11))
    path = tmp_path / "page.html"
    ps.score(sheet).write(str(path))
    page, problems = open_page(browser, path)
    set_weights(page, WEIGHTS[0])
    analysis = ps.score(sheet, weights=WEIGHTS[0]).sensitivity(samples=50)
    cells = page.evaluate(
        "() => Array.from(document.querySelectorAll('#live-stability tr')).map(tr => "
        "Array.from(tr.cells).map(c => c.textContent))"
    )
    assert [c[1:] for c in cells] == [
        [f"{s.share * 100:.1f}%", f"{s.low * 100:.1f}%", f"{s.high * 100:.1f}%", s.below or "-", s.above or "-"]
        for s in analysis.stability
    ]
    assert problems == []


def test_a_hostile_name_is_text_and_runs_nothing(browser, tmp_path):
    hostile = "<img src=x onerror=alert(1)>"
    sheet = ps.read_sheet(write_sheet(tmp_path / "s.csv", 12, names={0: hostile, 1: "</script><b>x</b>"}))
    path = tmp_path / "page.html"
    ps.score(sheet).write(str(path))
    page, problems = open_page(browser, path)
    set_weights(page, WEIGHTS[1])
    set_weights(page, WEIGHTS[0])
    names = [row[1] for row in table(page)]
    assert any(name.startswith(hostile) for name in names)
    assert any(name.startswith("</script><b>x</b>") for name in names)
    assert page.locator("#ranking-table img, #ranking-table b").count() == 0
    page.wait_for_timeout(100)
    assert problems == []


def test_without_scripts_the_page_is_the_static_ranking(browser, tmp_path):
    sheet = ps.read_sheet(CSV_PATH)
    path = tmp_path / "page.html"
    ps.score(sheet).write(str(path))
    page, _ = open_page(browser, path, scripts=False)
    assert not page.locator("#live").is_visible()
    assert table(page) == expected(ps.score(sheet))


def test_a_re_rank_of_5000_programmes_is_fast(browser, tmp_path):
    """Scores, ranks, stability and the first 200 rows within 100 ms (the rows below follow after a frame)."""
    path = tmp_path / "page.html"
    result = ps.score(ps.read_sheet(write_sheet(tmp_path / "s.csv", 5000, seed=5)))
    result.write(str(path), top=5000)  # the table shows, and the page embeds, all 5000
    page, problems = open_page(browser, path, wait=False)
    times = page.evaluate(
        """weights => weights.map(w => {
            const live = window.programscoreLive, keys = live.data.keys;
            for (const [key, value] of Object.entries(w)) {
                document.getElementById("live-box-" + keys.indexOf(key)).value = String(value);
            }
            live.update();
            return live.data.lastMs;
        })""",
        WEIGHTS,
    )
    assert min(times) < 100, times
    expected_top = expected(ps.score(ps.read_sheet(str(tmp_path / "s.csv")), weights=WEIGHTS[-1]))
    assert table(page)[:200] == expected_top[:200]
    assert problems == []


def test_a_big_sheets_page_re_ranks_the_programmes_it_shows(browser, tmp_path):
    """Beyond 500 programmes the table shows the best 500; moving a weight re-ranks those 500 (in the
    library's order for the new weights) and says so."""
    sheet = ps.read_sheet(write_sheet(tmp_path / "s.csv", 700, seed=9))
    path = tmp_path / "page.html"
    ps.score(sheet).write(str(path))
    page, problems = open_page(browser, path)
    shown = {row[1] for row in table(page)}
    assert len(shown) == 500
    assert "the page embeds only the best 500" in page.locator("#live").text_content()
    set_weights(page, WEIGHTS[0])
    moved = table(page)
    library = [row for row in expected(ps.score(sheet, weights=WEIGHTS[0])) if row[1] in shown]
    assert [row[1:] for row in moved] == [row[1:] for row in library]
    assert moved[0][0] == 1 and all(a[0] <= b[0] for a, b in itertools.pairwise(moved))
    assert problems == []

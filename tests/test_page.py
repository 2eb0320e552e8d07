"""The HTML page: the numbers of the table, a heading that counts what is shown and hidden, criterion
labels, and a layout that reads on a phone (measured in Chromium where it is installed)."""

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import numpy as np
import pytest
from click.testing import CliRunner

import programscore as ps
from programscore.cli import main

CSV_PATH = "data/programmes.csv"


class Table(HTMLParser):
    """The ranking table's header texts and its rows' cells (text by class)."""

    def __init__(self):
        super().__init__()
        self.headers, self.rows, self.inside, self.cell, self.h1 = [], [], False, None, ""
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.inside = attrs.get("id") == "ranking-table"
        if tag == "h1":
            self.in_h1 = True
        if not self.inside:
            return
        if tag == "tr":
            self.rows.append({})
        if tag in ("td", "th"):
            self.cell = [tag, attrs.get("class") or "", ""]

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        if tag == "h1":
            self.in_h1 = False
        if tag in ("td", "th") and self.cell is not None and self.inside:
            kind, classes, text = self.cell
            if kind == "th":
                self.headers.append(text.strip())
            else:
                self.rows[-1].setdefault(classes, []).append(text.strip())
            self.cell = None

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data
        if self.cell is not None:
            self.cell[2] += data


def parse(page: str) -> Table:
    table = Table()
    table.feed(page)
    table.rows = [r for r in table.rows if r]
    return table


@pytest.fixture(scope="module")
def result():
    return ps.score(ps.read_sheet(CSV_PATH), "article")


def test_page_has_cost_value_and_dominance_columns(result):
    table = parse(result.render("html"))
    labels = [c.label for c in result.profile.criteria]
    assert table.headers == ["Rank", "Programme", "Score", "Points by criterion", *labels,
                             "Total cost (GBP)", "Points per 1,000", "Dominated by"]  # fmt: skip
    assert len(table.rows) == 21
    by_rank = {int(r["num"][0]): r for r in table.rows}
    kingsgate, fjordvik, westbridge = by_rank[1], by_rank[15], by_rank[4]
    assert kingsgate["num cost"] == ["26,500"] and kingsgate["num per-1000"] == ["3.45"]
    assert kingsgate["num dominated"] == [""]
    assert fjordvik["num cost"] == ["0"] and fjordvik["num per-1000"] == ["free"]
    assert westbridge["num dominated"] == ["#3"]  # dominated by Northfield, ranked third
    assert [float(p) for p in kingsgate["num points"]] == pytest.approx(
        [round(p, 1) for p in result.contributions.iloc[0]], abs=0.05
    )


def test_page_without_costs_has_no_cost_columns():
    import pandas as pd

    sheet = pd.DataFrame({"Programme": ["A", "B", "C"], "Score": [1, 2, 3]})
    profile = ps.Profile(name="p", criteria=[ps.Criterion(key="score", kind="number", label="Quality")])
    table = parse(ps.score(sheet, profile).render("html"))
    assert table.headers == ["Rank", "Programme", "Score", "Points by criterion", "Quality", "Dominated by"]


def test_heading_counts_what_is_shown_and_hidden():
    runner = CliRunner()
    page = runner.invoke(main, ["score", CSV_PATH, "--by", "value", "--hide-dominated", "-f", "html"]).output
    table = parse(page)
    assert table.h1 == "Ranking of 21 programmes, by value for money"
    assert "11 shown of 21 ranked (10 dominated hidden), 0 excluded, 4 cell issues." in page
    assert len(table.rows) == 11
    assert "Dominated by" not in table.headers  # none of the programmes shown is dominated
    assert "Best value for money: MSc Statistics and Machine Learning, Fjordvik University (free; score 52.8)" in page
    top = runner.invoke(main, ["score", CSV_PATH, "--top", "5", "-f", "html"]).output
    assert "5 shown of 21 ranked, 0 excluded" in top
    assert "The best 5 of 21 ranked programmes are shown; the whole ranking: <code>programscore score" in top
    assert "<strong>Best: MSc Business Analytics, Kingsgate University (91.5); next 87.9, 86.9</strong>" in top


def test_page_layout_for_a_phone(result):
    page = result.render("html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert re.search(r'<div class="scroll">\s*<table id="ranking-table">', page)  # scrolls in its box
    assert re.search(r'<div class="scroll"><div class="chart">\s*<svg id="value-chart" viewBox="0 0 600 380"', page)
    style = page[page.index("<style>") : page.index("</style>")]
    # the chart's text in CSS px: its font size (in the 600-unit box) times the chart's width / 600
    assert ".chart { min-width: 20rem;" in style
    phone = re.search(r"@media \(max-width: 40rem\) \{.*?\.chart text \{ font-size: (\d+)px; \}", style, re.S)
    assert phone and int(phone.group(1)) * 320 / 600 >= 10
    desktop = re.search(r"^  \.chart text \{ font-size: (\d+)px;", style, re.M)
    assert desktop and int(desktop.group(1)) * (640 - 32) / 600 >= 10  # from 40rem, less the page's padding
    assert "font-size=" not in page  # no fixed size in the chart that the rules above would not cover


PROBE = """<script>
window.onload = function () {
  var chart = document.getElementById('value-chart'), scale = chart.getBoundingClientRect().width / 600, sizes = [];
  document.querySelectorAll('#value-chart text').forEach(function (t) {
    sizes.push(parseFloat(getComputedStyle(t).fontSize) * scale);
  });
  var wide = document.documentElement.scrollWidth > document.documentElement.clientWidth;
  window.parent.document.body.setAttribute('data-w' + window.innerWidth,
    Math.min.apply(null, sizes).toFixed(2) + ' ' + sizes.length + ' ' + (wide ? 'overflows' : 'fits'));
};
</script>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_chart_text_and_page_width_in_chromium(tmp_path, result):
    """The page as a browser lays it out at phone and desktop widths (each in an iframe of that width):
    no chart text under 10 CSS px, and no page wider than the screen (the table scrolls in its box)."""
    widths = (320, 390, 1280)
    (tmp_path / "page.html").write_text(result.render("html").replace("</body>", PROBE + "</body>"))
    frames = "".join(f'<iframe src="page.html" width="{w}" height="900"></iframe>' for w in widths)
    (tmp_path / "frames.html").write_text(f"<html><body>{frames}</body></html>")
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files",
               f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000", "--virtual-time-budget=5000",
               "--dump-dom", (tmp_path / "frames.html").as_uri()]  # fmt: skip
    try:
        dom = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium did not finish in 60 s")
    found = dict(re.findall(r'data-w(\d+)="([^"]*)"', dom))
    if not found:
        pytest.skip("Chromium ran no script here")
    assert sorted(map(int, found)) == list(widths)
    for width, measured in found.items():
        smallest, count, fits = measured.split()
        assert int(count) == 12 and float(smallest) >= 10, (width, measured)
        assert fits == "fits", (width, measured)


def big_sheet(n: int) -> "ps.Ranking":
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(4)
    fees = [f"£{f:,}" for f in rng.integers(4000, 40000, n)]
    for i in range(0, n, 2):  # half the fees unstated: a cell issue each
        fees[i] = "TBC"
    sheet = pd.DataFrame({"Programme": [f"MSc {i}" for i in range(n)], "Careers support": rng.integers(1, 6, n),
                          "Tuition fees": fees})  # fmt: skip
    profile = ps.parse_profile(
        'name = "big"\n[[criteria]]\nkey = "support"\nkind = "number"\ncolumns = ["Careers support"]\n'
        '[[criteria]]\nkey = "cost"\nkind = "money"\ncolumns = ["Tuition fees"]\nbetter = "lower"\n',
        source="big.toml",
    )
    return ps.score(sheet, profile)


def test_a_big_page_shows_the_best_500_and_thins_its_chart():
    result = big_sheet(2400)
    page = result.render("html")
    assert len(parse(page).rows) == 500
    assert "The best 500 of 2,400 ranked programmes are shown; the whole ranking: <code>programscore score FILE -o " \
           "ranked.csv</code> or <code>.json</code>." in page  # fmt: skip
    live = re.search(r'<script type="application/json" id="live-data">(.*?)</script>', page, re.S).group(1)
    assert len(json.loads(live)["names"]) == 500
    known = int(np.isfinite(result.total_cost).sum())
    front = int(result.cost_frontier.sum())
    assert page.count("<circle ") == front + 1000 < known
    assert f"of the frontier and an even sample of 1,000 of the other {known - front:,}" in page
    issues = len(result.issues)
    assert f"{issues} cell issues." in page and page.count('<td class="warning">') == 500
    listed = f"The first 500 of {issues:,} cell issues are listed; <code>programscore check</code> lists them all."
    assert listed in page
    top = result.render("html", top=800)
    assert len(parse(top).rows) == 800 and "The best 800 of 2,400" in top
    assert page == result.render("html")  # the sample is the same each time

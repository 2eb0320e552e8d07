"""Hostile text in the sheet and in the profile: every text output shows it as text, never as a
formula, a new table row or column, a new Markdown block, a terminal escape or live HTML."""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import programscore as ps
from programscore.reports import Options, render
from programscore.reports.plain import markdown_text, one_line

MARK = "NEWLINE-MARK"  # what follows a line break in every hostile text: it must never start a line
HOSTILE = [
    '=cmd|" /C calc"!A0',
    "+SUM(1,2)",
    "-2+3|x",
    "@SUM(A1)",
    f"plain|pipe\n{MARK} after a newline",
    f"crlf\r\n{MARK}\u2028{MARK} and a line separator",
    "bell\x07 escape\x1b[31m red\x1b[0m nul-free tab\tend",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u202eevil bidi",
    "# heading? | - list? | 1. ordered?",
]


@pytest.fixture(scope="module")
def hostile():
    """A sheet and a profile whose every text field holds an injection string."""
    n = len(HOSTILE)
    sheet = pd.DataFrame(
        {
            "Programme": HOSTILE,
            f"Score\n{MARK} =1+1 <script>": [float(i + 1) for i in range(n)],
            "Fees": ["£9,000", "=cmd()", "£12,000", "<script>x</script>", "£8,000"] + ["£10,000"] * (n - 5),
        }
    )
    profile = ps.Profile(
        name=f"=evil|name\n{MARK} <script>alert('n')</script>",
        description=f"@description | with a pipe\n{MARK} <img src=x onerror=alert(1)> \x1b[2J",
        criteria=[
            ps.Criterion(
                key="score",
                kind="number",
                label=f'=HYPERLINK("http://x")|label\n{MARK} <script>s</script>',
                columns=[f"Score\n{MARK} =1+1 <script>"],
            ),
            ps.Criterion(key="fees", kind="money", better="lower", label="+fees|<b>bold</b>\x07", columns=["Fees"]),
        ],
    )
    result = ps.score(sheet, profile)
    assert len(result.names) == n and len(result.issues) >= 2  # the hostile fee cells are issues
    return result


def outputs(result, fmt):
    yield "ranking", render(result, fmt).decode()
    yield "sensitivity", render(result, fmt, Options(sensitivity=result.sensitivity(samples=100))).decode()


def starts_a_line(text: str) -> bool:
    return any(line.lstrip(" |").startswith(MARK) for line in text.splitlines())


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_no_delimited_cell_or_header_starts_a_formula(hostile, fmt):
    for which, text in outputs(hostile, fmt):
        rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) == 1 + len(HOSTILE), which  # a newline inside a cell is quoted, not a new row
        cells = [cell for row in rows for cell in row]
        for cell in cells:
            if cell and not re.fullmatch(r"-?[0-9.e+-]+|-?inf", cell):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (which, cell)
        assert "'=cmd|\" /C calc\"!A0" in cells and "'@SUM(A1)" in cells  # kept, as text


def test_markdown_keeps_its_columns_and_holds_no_html(hostile):
    for which, text in outputs(hostile, "markdown"):
        assert not starts_a_line(text), which
        assert "<script" not in text and "<img" not in text and "<b>" not in text, which
        assert "\x1b" not in text and "\x07" not in text
        blocks = re.findall(r"(?:^\|.*\n)+", text, flags=re.M)  # each Markdown table: consecutive | lines
        assert len(blocks[0].splitlines()) == 2 + len(HOSTILE), which  # header, rule, one row per programme
        for block in blocks:
            widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}
            assert len(widths) == 1, (which, block)  # every row has the header's columns
    ranking = render(hostile, "markdown").decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in ranking  # the description, shown as text


def test_terminal_table_keeps_one_line_per_programme(hostile):
    for which, text in outputs(hostile, "table"):
        assert not starts_a_line(text), which
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", text), which  # no terminal control
        assert sum(1 for line in text.splitlines() if re.match(r"\s+\d+\s", line)) >= len(HOSTILE), which
    first = next(line for line in hostile.render("table").splitlines() if re.match(r"\s+1\s", line))
    assert f"{hostile.scores[0]:.2f}" in first  # a criterion keyed "score" does not replace the score column
    assert "score points" in hostile.table.columns
    fitted = hostile.render("table", width=60)
    assert max(len(line) for line in fitted.splitlines()) <= 60 and not starts_a_line(fitted)


def test_json_holds_the_text_intact(hostile):
    data = json.loads(render(hostile, "json"))
    assert sorted(r["name"] for r in data["ranking"]) == sorted(HOSTILE)
    assert data["profile"]["name"] == hostile.profile.name
    assert data["profile"]["criteria"][0]["label"] == hostile.profile.criteria[0].label
    assert {i["value"] for i in data["issues"]} >= {"=cmd()", "<script>x</script>"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "script":
            self.scripts = [*getattr(self, "scripts", []), dict(attrs)]

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_every_text(hostile):
    for which, page in outputs(hostile, "html"):
        parser = Tags()
        parser.feed(page)
        # the page's own two scripts (its data as JSON, its inline code), nothing loaded, nothing from the data
        scripts = getattr(parser, "scripts", [])
        assert len(scripts) <= 2 and all("src" not in attrs for attrs in scripts), which
        assert all(attrs.get("type") in (None, "application/json") for attrs in scripts), which
        assert "<img" not in page.split("<body", 1)[-1].replace("&lt;img", ""), which
        assert "img" not in parser.tags and "b" not in parser.tags, which
        assert parser.handlers == [], which
        shown = "".join(parser.text)
        assert "<img src=x onerror=alert(1)>" in shown and "<script>alert(1)</script>" in shown  # as text


def test_one_line_and_markdown_text():
    assert one_line("a\nb\r\nc\u2028d\te\x1b[0m") == "a b c d e\ufffd[0m"
    assert one_line("Plain £9,250 Düsseldorf") == "Plain £9,250 Düsseldorf"
    assert markdown_text("a|b <i> & *x* [l](u) `c`") == "a\\|b &lt;i&gt; &amp; \\*x\\* \\[l\\](u) \\`c\\`"
    assert markdown_text("- item") == "\\- item" and markdown_text("1. first") == "1\\. first"
    assert markdown_text("# title") == "\\# title" and markdown_text("job_support") == "job\\_support"

"""The ``programscore`` command: a thin layer over the library."""

from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="programscore")
def main() -> None:
    """Rank Master's programmes: short, affordable, linked to industry, with a placement and job support."""


@main.command()
@click.argument("input", type=click.Path(allow_dash=True))
@click.option("--profile", "-p", default="article", show_default=True, help="Built-in profile name or TOML file.")
@click.option("--method", "-m", type=click.Choice(["weighted-sum", "topsis"]), help="Override the profile's method.")
def score(input: str, profile: str, method: str | None) -> None:
    """Score and rank the programmes in INPUT.

    Example:

        programscore score data/programmes.csv
    """
    from tabulate import tabulate

    from . import reading, scoring
    from .errors import ProgramscoreError

    try:
        result = scoring.score(reading.read_sheet(input), profile, method=method)
    except ProgramscoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(tabulate(result.table, headers="keys", showindex=False, floatfmt=".1f"))

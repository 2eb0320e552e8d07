"""The ``programscore`` command: a thin layer over the library.

Each command reads the sheet, calls one library function and writes its report; library errors
become ``Error: ...`` and exit 1. pandas and the rest are imported inside the commands so that
``programscore --help`` starts fast.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .reports import FORMATS

FORMAT_NAMES = list(FORMATS)
TABLE_FORMATS_HELP = "any tabulate format, e.g. simple, github, grid, psql, rounded_outline (default simple)"


def fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


def library_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's errors into exit 1 with one line on stderr, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import ProgramscoreError

        try:
            return command(*args, **kwargs)
        except ProgramscoreError as exc:
            raise fail(exc) from None
        except MemoryError:
            raise click.ClickException("out of memory reading this input") from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:
            if os.environ.get("PROGRAMSCORE_DEBUG"):
                raise
            raise click.ClickException(
                f"unexpected failure ({type(exc).__name__}: {exc}); set PROGRAMSCORE_DEBUG=1 for details"
            ) from None

    return wrapper


def profile_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--profile",
        "-p",
        default="article",
        show_default=True,
        metavar="NAME|FILE",
        help="A built-in profile (see `programscore profiles`) or a TOML file.",
    )(command)


def input_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.argument("input", type=click.Path(allow_dash=True, dir_okay=False)),
            click.option("--sheet", metavar="NAME", help="Workbook sheet to read (default: the first with a table)."),
            click.option(
                "--header-row",
                type=click.IntRange(min=1),
                metavar="N",
                help="Row number of the header (default: found).",
            ),
            click.option("--encoding", metavar="NAME", help="Text encoding of a CSV/TSV file (default: detected)."),
        ]
    ):
        command = option(command)
    return command


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.option(
                "-o", "--output", metavar="FILE", help="Write to FILE (its extension sets the format); - for stdout."
            ),
            click.option(
                "--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), help="Output format (default: table)."
            ),
            click.option(
                "--fmt", "tablefmt", default="simple", metavar="TABLEFMT", help=f"Table style: {TABLE_FORMATS_HELP}."
            ),
            click.option("--top", type=click.IntRange(min=1), metavar="N", help="Show only the first N programmes."),
            click.option(
                "--no-escape",
                is_flag=True,
                help="In CSV/TSV, do not prefix text starting with = + - @ with an apostrophe.",
            ),
        ]
    ):
        command = option(command)
    return command


def read(input: str, sheet: str | None, header_row: int | None, encoding: str | None) -> Any:
    from .reading import read_sheet

    return read_sheet(input, sheet=sheet, header_row=header_row, encoding=encoding)


def parse_weights(values: tuple[str, ...]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for item in values:
        key, sep, number = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not KEY=WEIGHT (e.g. -w cost=3)", param_hint="-w")
        try:
            weights[key.strip()] = float(number)
        except ValueError:
            raise click.BadParameter(f"{item!r}: the weight {number!r} is not a number", param_hint="-w") from None
    return weights


def check_weight_keys(weights: dict[str, float], profile: Any) -> None:
    from .errors import suggest

    for key in weights:
        if key not in profile.keys:
            raise click.BadParameter(
                f"unknown criterion {key!r}{suggest(key, profile.keys)}; the criteria are {', '.join(profile.keys)}",
                param_hint="-w",
            )


def emit(data: bytes, output: str | None, fmt: str, protect: list[str]) -> None:
    from .reports import FORMATS, write_output

    if FORMATS[fmt].binary and (output is None or output == "-") and sys.stdout.isatty():
        raise click.ClickException(f"{fmt} is a binary format; write it to a file with -o FILE.{fmt}")
    write_output(data, output, protect=protect)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="programscore")
def main() -> None:
    """Rank Master's programmes: short, affordable, linked to industry, with a placement and job support.

    Example:

        programscore score data/programmes.xlsx
    """
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `programscore score x.csv | head` ends quietly


@main.command()
@input_options
@profile_option
@click.option("--method", "-m", type=click.Choice(["weighted-sum", "topsis"]), help="Override the profile's method.")
@click.option(
    "-w",
    "--weight",
    "weights",
    multiple=True,
    metavar="KEY=WEIGHT",
    help="Override a criterion's weight (repeatable), e.g. -w cost=3.",
)
@click.option(
    "--rank",
    "order",
    metavar="ORDER",
    help='Weights from an order of importance, e.g. "job_support > cost > length = placement".',
)
@click.option("--hide-dominated", is_flag=True, help="Leave out programmes another beats or equals on every criterion.")
@click.option(
    "--by",
    type=click.Choice(["score", "value"]),
    default="score",
    show_default=True,
    help="Order by score, or by value for money (points per 1,000 of total cost).",
)
@output_options
@library_errors
def score(
    input: str,
    sheet: str | None,
    header_row: int | None,
    encoding: str | None,
    profile: str,
    method: str | None,
    weights: tuple[str, ...],
    order: str | None,
    hide_dominated: bool,
    by: str,
    output: str | None,
    fmt: str | None,
    tablefmt: str,
    top: int | None,
    no_escape: bool,
) -> None:
    """Score and rank the programmes in INPUT (CSV, TSV, XLSX, XLS, ODS, or - for stdin).

    Example:

        programscore score data/programmes.xlsx --top 5
        programscore score data/programmes.csv -w cost=4 --method topsis -o ranked.xlsx
        programscore score data/programmes.csv --rank "job_support > cost > length = placement > industry_links"
        programscore score data/programmes.csv --by value --hide-dominated
    """
    from .profile_io import load_profile
    from .reports import choose_format
    from .scoring import score as score_sheet

    chosen = choose_format(output, fmt)
    check_tablefmt(tablefmt)
    loaded = load_profile(profile)
    overrides = parse_weights(weights)
    check_weight_keys(overrides, loaded)
    if order is not None and overrides:
        raise click.UsageError("give -w weights or --rank, not both")
    result = score_sheet(read(input, sheet, header_row, encoding), loaded, method=method, weights=overrides, rank=order)
    if hide_dominated:
        result = result.without_dominated()
    if by == "value":
        result = result.by_value()
    data = result.render(chosen, top=top, tablefmt=tablefmt, escape=not no_escape)
    emit(data, output, chosen, protect=[input])


def check_tablefmt(tablefmt: str) -> None:
    from tabulate import tabulate_formats

    if tablefmt not in tabulate_formats:
        from .errors import suggest

        raise click.BadParameter(
            f"{tablefmt!r} is not a tabulate format{suggest(tablefmt, tabulate_formats)}", param_hint="--fmt"
        )


def parse_spread(value: str) -> float | str:
    if value == "any":
        return value
    try:
        spread = float(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a number or 'any'", param_hint="--spread") from None
    if not 0 <= spread < 1:
        raise click.BadParameter(f"{value!r} must be at least 0 and below 1 (0.25 = ±25%)", param_hint="--spread")
    return spread


@main.command()
@input_options
@profile_option
@click.option("--method", "-m", type=click.Choice(["weighted-sum", "topsis"]), help="Override the profile's method.")
@click.option("-w", "--weight", "weights", multiple=True, metavar="KEY=WEIGHT", help="Override a weight (repeatable).")
@click.option("--rank", "order", metavar="ORDER", help="Weights from an order of importance.")
@click.option(
    "--samples", type=click.IntRange(min=1), default=10_000, show_default=True, help="Weight samples to draw."
)
@click.option(
    "--spread",
    default="0.25",
    show_default=True,
    metavar="S|any",
    help="Each weight varies by up to ±S (0.25 = ±25%); 'any' draws weights uniformly over all weight vectors.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (the same seed, the same answer).")
@click.option("--top", "top_k", type=click.IntRange(min=1), default=3, show_default=True, help="K of P(top K).")
@click.option("--reversal", is_flag=True, help="Also list pairs whose order flips when one programme is left out.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (its extension sets the format); - for stdout.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), help="Output format (default: table).")
@click.option("--fmt", "tablefmt", default="simple", metavar="TABLEFMT", help="Table style (any tabulate format).")
@library_errors
def sensitivity(
    input: str,
    sheet: str | None,
    header_row: int | None,
    encoding: str | None,
    profile: str,
    method: str | None,
    weights: tuple[str, ...],
    order: str | None,
    samples: int,
    spread: str,
    seed: int,
    top_k: int,
    reversal: bool,
    output: str | None,
    fmt: str | None,
    tablefmt: str,
) -> None:
    """How much the ranking depends on the weights: the chance each programme comes first or in the top K
    when the weights vary, how far each weight can move before the first place changes, and (with
    --reversal) pairs whose order flips when one programme is left out.

    Example:

        programscore sensitivity data/programmes.csv
        programscore sensitivity data/programmes.csv --spread any --samples 20000 --seed 7 -o sensitivity.xlsx
    """
    from .profile_io import load_profile
    from .reports import choose_format
    from .scoring import score as score_sheet

    spread_value = parse_spread(spread)
    chosen = choose_format(output, fmt)
    check_tablefmt(tablefmt)
    loaded = load_profile(profile)
    overrides = parse_weights(weights)
    check_weight_keys(overrides, loaded)
    if order is not None and overrides:
        raise click.UsageError("give -w weights or --rank, not both")
    result = score_sheet(read(input, sheet, header_row, encoding), loaded, method=method, weights=overrides, rank=order)
    if sys.stderr.isatty() and samples * max(len(result.names), 1) >= 5_000_000:
        with click.progressbar(length=samples, label="sampling weights", file=sys.stderr) as bar:
            analysis = result.sensitivity(samples, spread_value, seed, top_k, reversal, progress=bar.update)
    else:
        analysis = result.sensitivity(samples, spread_value, seed, top_k, reversal)
    emit(analysis.render(chosen, tablefmt=tablefmt), output, chosen, protect=[input])


@main.command()
@input_options
@profile_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for programs (the issues list of the JSON output).",
)
@library_errors
def check(input: str, sheet: str | None, header_row: int | None, encoding: str | None, profile: str, fmt: str) -> None:
    """Report how INPUT is read: the column feeding each criterion and every cell issue.

    Exits 1 when some cells cannot be read, 0 otherwise.

    Example:

        programscore check data/programmes.xlsx
        programscore check data/programmes.csv --format json
    """
    import json

    from .checking import check as check_sheet

    report = check_sheet(read(input, sheet, header_row, encoding), profile)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(str(report))
    if report.errors:
        sys.exit(1)


@main.command()
@input_options
@click.argument("programme")
@click.argument("other", required=False)
@profile_option
@click.option("--method", "-m", type=click.Choice(["weighted-sum", "topsis"]), help="Override the profile's method.")
@click.option("-w", "--weight", "weights", multiple=True, metavar="KEY=WEIGHT", help="Override a weight (repeatable).")
@library_errors
def explain(
    input: str,
    sheet: str | None,
    header_row: int | None,
    encoding: str | None,
    programme: str,
    other: str | None,
    profile: str,
    method: str | None,
    weights: tuple[str, ...],
) -> None:
    """Show the points PROGRAMME earns on each criterion; with OTHER, why one beats the other.

    A name matches case-insensitively, in full or in part.

    Example:

        programscore explain data/programmes.csv "Vale College"
        programscore explain data/programmes.csv Kingsgate "Vale College"
    """
    from .profile_io import load_profile
    from .scoring import score as score_sheet

    loaded = load_profile(profile)
    overrides = parse_weights(weights)
    check_weight_keys(overrides, loaded)
    result = score_sheet(read(input, sheet, header_row, encoding), loaded, method=method, weights=overrides)
    if other is None:
        click.echo(str(result.explain(programme)))
    else:
        comparison = result.compare(programme, other)
        click.echo(str(comparison))
        click.echo()
        click.echo(str(comparison.first))
        click.echo()
        click.echo(str(comparison.second))


@main.command()
@library_errors
def profiles() -> None:
    """List the built-in profiles.

    Example:

        programscore profiles
    """
    from .profile_io import builtin_profiles, load_profile

    for name in builtin_profiles():
        loaded = load_profile(name)
        click.echo(f"{name}: {loaded.description} ({len(loaded.criteria)} criteria, {loaded.method})")


@main.group()
def profile() -> None:
    """Inspect a profile.

    Example:

        programscore profile show article
    """


@profile.command("show")
@click.argument("name_or_file", metavar="NAME|FILE")
@click.option("--toml", "as_toml", is_flag=True, help="Print the profile as TOML (a file you can edit).")
@library_errors
def profile_show(name_or_file: str, as_toml: bool) -> None:
    """Show a profile's criteria, weights (as shares), anchors and limits.

    Example:

        programscore profile show article
        programscore profile show article --toml > my-profile.toml
    """
    from .profile_io import describe_profile, load_profile

    loaded = load_profile(name_or_file)
    click.echo(loaded.to_toml() if as_toml else describe_profile(loaded), nl=not as_toml)


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@library_errors
def init(directory: str) -> None:
    """Write a template workbook (programmes.xlsx) and an editable profile (profile.toml) into DIRECTORY.

    Existing files are never overwritten.

    Example:

        programscore init my-search
    """
    from .template import write_template

    for path in write_template(directory):
        click.echo(f"wrote {path}")

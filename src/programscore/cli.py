"""The ``programscore`` command: a thin layer over the library.

Each command reads the sheet, calls one library function and writes its report; library errors
become ``Error: ...`` and exit 1. pandas and the rest are imported inside the commands so that
``programscore --help`` starts fast.
"""

from __future__ import annotations

import signal
import sys
from typing import Any

import click

from . import __version__
from .cli_support import (
    FORMAT_NAMES,
    check_tablefmt,
    emit,
    guard_output,
    input_options,
    join_option,
    join_spec,
    join_usage,
    library_errors,
    output_options,
    parse_spread,
    profile_option,
    ranking_inputs,
    read,
    scored,
    table_width,
    where_option,
    where_usage,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="programscore")
def main() -> None:
    """Rank Master's programmes: short, affordable, linked to industry, with a placement and job support.

    Example:

    \b
        programscore score data/programmes.xlsx
    """
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `programscore score x.csv | head` ends quietly


@main.command()
@ranking_inputs
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
    hide_dominated: bool,
    by: str,
    output: str | None,
    fmt: str | None,
    tablefmt: str,
    top: int | None,
    width: int | None,
    no_escape: bool,
    **given: Any,
) -> None:
    """Score and rank the programmes in INPUT (CSV, TSV, XLSX, XLS, ODS, or - for stdin).

    Example:

    \b
        programscore score data/programmes.xlsx --top 5
        programscore score data/programmes.csv --width 80
        programscore score data/programmes.csv -w cost=4 --method topsis -o ranked.xlsx
        programscore score data/programmes.csv --rank "job_support > cost > length = placement > industry_links"
        programscore score data/programmes.csv --by value --hide-dominated
        programscore score data/programmes.csv --where "length <= 12" --where "country = UK"
        programscore score data/programmes.csv --join data/outcomes.csv --on University=Institution
    """
    from .reports import choose_format

    chosen = choose_format(output, fmt)
    check_tablefmt(tablefmt)
    guard_output(output, given)
    result = scored(**given)
    if hide_dominated:
        result = result.without_dominated()
    if by == "value":
        result = result.by_value()
    from .reports import FORMATS, Options

    options = Options(top=top, tablefmt=tablefmt, escape=not no_escape, width=table_width(width, output))
    emit(FORMATS[chosen].writer(result, options), output, chosen, protect=result.read_files)


@main.command()
@ranking_inputs
@click.option(
    "--samples", type=click.IntRange(min=1), default=None, help="Weight samples to draw. Default: 10,000 up to "
    "10,000 programmes, fewer beyond (programmes x samples near 100 million, at least 100: 1,000 for 100,000 "
    "programmes). Beyond 200 million programmes x samples, the median rank and 5-95% ranks are given for the first "
    "200 million / samples programmes (at least 1,000).",
)
@click.option(
    "--spread",
    default=None,
    metavar="S|any|order",
    help="Each weight varies by up to ±S (0.25 = ±25%); 'any' draws weights uniformly over all weight vectors; "
    "'order' only weights that keep the order of importance (--rank). Default: 'order' with an order, else 0.25.",
)
@click.option(
    "--data-uncertainty",
    type=click.Choice(["none", "ranges", "all"]),
    default="ranges",
    show_default=True,
    help="Also draw the data: each range between its ends ('ranges'), and each imputed value from its "
    "column's known values ('all').",
)
@click.option("--seed", type=click.IntRange(min=0, max=2**63 - 1), default=0, show_default=True,
              help="Random seed (the same seed, the same answer).")
@click.option("--top", "top_k", type=click.IntRange(min=1), default=3, show_default=True, help="K of P(top K).")
@click.option("--reversal", is_flag=True, help="Also list pairs whose order flips when one programme is left out.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (its extension sets the format); - for stdout.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), help="Output format (default: table).")
@click.option("--fmt", "tablefmt", default="simple", metavar="TABLEFMT", help="Table style (any tabulate format).")
@library_errors
def sensitivity(
    samples: int | None,
    spread: str | None,
    data_uncertainty: str,
    seed: int,
    top_k: int,
    reversal: bool,
    output: str | None,
    fmt: str | None,
    tablefmt: str,
    **given: Any,
) -> None:
    """How much the ranking depends on the weights: the chance each programme comes first or in the top K
    when the weights vary, how far each weight can move before the first place changes, and (with
    --reversal) pairs whose order flips when one programme is left out.

    Example:

    \b
        programscore sensitivity data/programmes.csv
        programscore sensitivity data/programmes.csv --spread any --samples 20000 --seed 7 -o sensitivity.xlsx
        programscore sensitivity data/programmes.csv --rank "job_support > cost > length = placement > industry_links"
        programscore sensitivity data/programmes.csv --data-uncertainty all --max-unknown 1
    """
    from .reports import choose_format

    spread_value = parse_spread(spread)
    chosen = choose_format(output, fmt)
    check_tablefmt(tablefmt)
    guard_output(output, given)
    result = scored(**given)
    from .sensitivity import default_samples

    drawn = samples or default_samples(len(result.names))  # for the progress bar
    if sys.stderr.isatty() and drawn * max(len(result.names), 1) >= 5_000_000:
        with click.progressbar(length=drawn, label="sampling weights", file=sys.stderr) as bar:
            analysis = result.sensitivity(
                samples, spread_value, seed, top_k, reversal, progress=bar.update, data_uncertainty=data_uncertainty
            )
    else:
        analysis = result.sensitivity(samples, spread_value, seed, top_k, reversal, data_uncertainty=data_uncertainty)
    if chosen not in ("table", "markdown", "xlsx"):  # these carry the notes themselves
        for notice in analysis.notices:
            click.echo(f"note: {notice}", err=True)
    emit(analysis.render(chosen, tablefmt=tablefmt), output, chosen, protect=result.read_files)


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
@click.option("--readings", is_flag=True, help="Also list each distinct cell and what it was read as.")
@where_option
@join_option
@library_errors
def check(
    input: str,
    sheet: str | None,
    header_row: int | None,
    encoding: str | None,
    profile: str,
    fmt: str,
    readings: bool,
    where: tuple[str, ...],
    join_file: str | None,
    join_on: tuple[str, ...],
) -> None:
    """Report how INPUT is read: the column feeding each criterion and every cell issue.

    Exits 1 when some cells cannot be read, 0 otherwise.

    Example:

    \b
        programscore check data/programmes.xlsx
        programscore check data/programmes.csv --format json
        programscore check data/programmes.csv --readings
        programscore check data/programmes.csv --where "country = UK"
        programscore check data/programmes.csv --join data/outcomes.csv --on University=Institution
    """
    import json

    from .checking import check as check_sheet

    join = join_spec(join_file, join_on)
    with where_usage(where), join_usage(join):
        report = check_sheet(
            read(input, sheet, header_row, encoding, profile), profile, readings=readings, where=where, join=join
        )
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(str(report))
    if report.errors:
        sys.exit(1)


@main.command()
@ranking_inputs
@click.argument("programme")
@click.argument("other", required=False)
@library_errors
def explain(programme: str, other: str | None, **given: Any) -> None:
    """Show the points PROGRAMME earns on each criterion; with OTHER, why one beats the other.

    A name matches case-insensitively, in full or in part.

    Example:

    \b
        programscore explain data/programmes.csv "Vale College"
        programscore explain data/programmes.csv Kingsgate "Vale College"
    """
    result = scored(**given)
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
@click.argument("input", required=False, type=click.Path(allow_dash=True))
@click.option("--sheet", metavar="NAME", help="Workbook sheet to read (default: the one whose headers match best).")
@click.option(
    "--header-row", type=click.IntRange(min=1), metavar="N", help="Row number of the header (default: found)."
)
@click.option("--encoding", metavar="NAME", help="Text encoding of a CSV/TSV file (default: detected).")
@profile_option
@click.option("--method", "-m", type=click.Choice(["swing", "pairwise", "ahp"]),
              help="swing (default): rate each improvement against the one taken first; pairwise: trade-offs "
              "bisected to indifference; ahp: Saaty's 1-9 comparisons.")
@click.option("--answers", "answers_file", metavar="FILE", help="Replay the answers of a TOML or JSON file.")
@click.option("--dry-run", is_flag=True, help="Print the questions and stop.")
@click.option("-o", "--output", metavar="FILE", help="Write the profile with the new weights to FILE (TOML).")
@click.option(
    "--top", type=click.IntRange(min=1), default=5, show_default=True, metavar="N", help="Programmes shown after."
)
@where_option
@join_option
@library_errors
def elicit(
    input: str | None,
    sheet: str | None,
    header_row: int | None,
    encoding: str | None,
    profile: str,
    method: str | None,
    answers_file: str | None,
    dry_run: bool,
    output: str | None,
    top: int,
    where: tuple[str, ...],
    join_file: str | None,
    join_on: tuple[str, ...],
) -> None:
    """Find weights by answering questions about the improvements INPUT offers, and write them as a
    profile whose comments record the questions and answers; then show the first programmes with them.

    Example:

    \b
        programscore elicit data/programmes.csv -o my-profile.toml
        programscore elicit data/programmes.csv --method ahp --dry-run
        programscore elicit data/programmes.csv --method pairwise --answers answers.toml -o my-profile.toml
    """
    from .elicit.terminal import elicit as elicit_weights

    if output is None and not dry_run:
        raise click.UsageError("give -o FILE, where the profile is written (or --dry-run to see the questions)")
    if output == "-":
        raise click.UsageError("-o needs a file name: the terminal shows the questions")
    if input == "-" and answers_file is None and not dry_run:
        raise click.UsageError("the answers are typed on standard input: give INPUT as a file, or --answers FILE")
    join = join_spec(join_file, join_on)
    if input is None and (where or join is not None):
        raise click.UsageError("--where and --join need INPUT")
    read_sheet = None if input is None else read(input, sheet, header_row, encoding, profile)
    with where_usage(where), join_usage(join):
        elicit_weights(read_sheet, input, profile, method, answers_file, dry_run, output, top, where, join)


@main.command()
@library_errors
def profiles() -> None:
    """List the built-in profiles.

    Example:

    \b
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

    \b
        programscore profile show article
    """


@profile.command("show")
@click.argument("name_or_file", metavar="NAME|FILE")
@click.option("--toml", "as_toml", is_flag=True, help="Print the profile as TOML (a file you can edit).")
@library_errors
def profile_show(name_or_file: str, as_toml: bool) -> None:
    """Show a profile's criteria, weights (as shares), anchors and limits.

    Example:

    \b
        programscore profile show article
        programscore profile show article --toml > my-profile.toml
    """
    from .profile_io import describe_profile, load_profile

    loaded = load_profile(name_or_file)
    click.echo(loaded.to_toml() if as_toml else describe_profile(loaded), nl=not as_toml)
    if not as_toml:
        from .elicit.record import recorded_elicitation

        record = recorded_elicitation(name_or_file)  # a profile written by `programscore elicit`
        if record:
            click.echo("\n" + "\n".join(record))


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@library_errors
def init(directory: str) -> None:
    """Write a template workbook (programmes.xlsx) and an editable profile (profile.toml) into DIRECTORY.

    Existing files are never overwritten.

    Example:

    \b
        programscore init my-search
    """
    from .template import write_template

    for path in write_template(directory):
        click.echo(f"wrote {path}")

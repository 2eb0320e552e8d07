"""What the commands of ``cli.py`` share: option decorators, reading and scoring from the command
line's arguments, turning library errors into ``Error: ...`` and exit 1, and writing output."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

import click

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
            click.argument("input", type=click.Path(allow_dash=True)),
            click.option("--sheet", metavar="NAME",
                         help="Workbook sheet to read (default: the one whose headers match the profile best)."),
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
                "--width",
                type=click.IntRange(min=0),
                metavar="N",
                help="Fit the table to N characters (default: the terminal's width; every column, in full, "
                "when the output is a file or a pipe; 0: every column).",
            ),
            click.option(
                "--no-escape",
                is_flag=True,
                help="In CSV/TSV, do not prefix text starting with = + - @ with an apostrophe.",
            ),
        ]
    ):
        command = option(command)
    return command


def _read_where(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Each --where is read when the command line is (a bad expression is a usage error before any reading)."""
    from .errors import FilterError
    from .filters import parse_filter

    for value in values:
        try:
            parse_filter(value)
        except FilterError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return values


def where_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--where",
        multiple=True,
        metavar="EXPR",
        callback=_read_where,
        help='Keep only the rows where EXPR holds (repeatable: all must hold), e.g. "length <= 12", '
        '"country = UK", "programme ~ machine learning|data science"; adds to the profile\'s where.',
    )(command)


def _read_on(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        left, sep, right = value.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise click.BadParameter(
                f"{value!r} is not LEFT=RIGHT (a header of INPUT = a header of the joined file, "
                "e.g. University=Institution)",
                ctx=ctx,
                param=param,
            )
    return values


def join_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--join FILE --on LEFT=RIGHT``: add another table's columns to the sheet (one file per run)."""
    for option in reversed(
        [
            click.option("--join", "join_file", metavar="FILE",
                         help="Add the columns of another table (any format INPUT may be) where its keys "
                         "match; replaces the profile's [join]."),
            click.option("--on", "join_on", multiple=True, metavar="LEFT=RIGHT", callback=_read_on,
                         help="The key columns for --join: a header of INPUT = a header of FILE "
                         "(repeatable: all must match), e.g. --on University=Institution."),
        ]
    ):  # fmt: skip
        command = option(command)
    return command


def join_spec(join_file: str | None, join_on: tuple[str, ...]) -> Any:
    """The command line's join (None without --join); --join and --on go together."""
    if join_file is None:
        if join_on:
            raise click.UsageError("--on names the key columns of --join FILE; give --join too")
        return None
    if not join_on:
        raise click.UsageError("--join needs the key columns: --on LEFT=RIGHT (e.g. --on University=Institution)")
    from .joining import JoinSpec

    return JoinSpec(join_file, join_on)


@contextlib.contextmanager
def join_usage(spec: Any) -> Any:
    """A --on naming no column of INPUT or of the joined file is a usage error (exit 2); a profile's
    join stays the library's error (exit 1)."""
    from .joining import JoinError

    try:
        yield
    except JoinError as exc:
        if spec is not None:
            raise click.UsageError(str(exc), ctx=click.get_current_context(silent=True)) from None
        raise


@contextlib.contextmanager
def where_usage(where: tuple[str, ...]) -> Any:
    """A --where naming no column or criterion of the sheet is a usage error (exit 2); a filter of the
    profile's stays the library's error (exit 1)."""
    from .errors import FilterError

    try:
        yield
    except FilterError as exc:
        if exc.expression in where:
            raise click.UsageError(str(exc), ctx=click.get_current_context(silent=True)) from None
        raise


def ranking_inputs(command: Callable[..., Any]) -> Callable[..., Any]:
    """INPUT and what shapes the ranking: sheet, header row, encoding, profile, method, weights, order
    and the row filters."""
    for option in reversed(
        [
            click.option("--method", "-m", type=click.Choice(["weighted-sum", "topsis"]),
                         help="Override the profile's method."),
            click.option("-w", "--weight", "weights", multiple=True, metavar="KEY=WEIGHT",
                         help="Override a criterion's weight (repeatable), e.g. -w cost=3."),
            click.option("--rank", "order", metavar="ORDER",
                         help='Weights from an order of importance, e.g. "job_support > cost > length = placement".'),
            click.option("--max-unknown", type=click.IntRange(min=0), metavar="N",
                         help="Exclude programmes with more than N unknown criteria."),
            where_option,
            join_option,
        ]
    ):  # fmt: skip
        command = option(command)
    return input_options(profile_option(command))


def scored(
    input: str,
    sheet: str | None,
    header_row: int | None,
    encoding: str | None,
    profile: str,
    method: str | None,
    weights: tuple[str, ...],
    order: str | None,
    where: tuple[str, ...] = (),
    join_file: str | None = None,
    join_on: tuple[str, ...] = (),
    max_unknown: int | None = None,
) -> Any:
    """Read INPUT and score it with the profile, the overrides, the filters and the join given on the
    command line."""
    tune_process()
    from .profile_io import load_profile
    from .scoring import score as score_sheet

    loaded = load_profile(profile)
    overrides = parse_weights(weights)
    check_weight_keys(overrides, loaded)
    if order is not None and overrides:
        raise click.UsageError("give -w weights or --rank, not both")
    if order is not None:
        check_order_keys(order, loaded)
    join = join_spec(join_file, join_on)
    sheet_read = read(input, sheet, header_row, encoding, loaded)
    with where_usage(where), join_usage(join):
        return score_sheet(
            sheet_read, loaded, method=method, weights=overrides, rank=order, where=where, join=join,
            max_unknown=max_unknown,
        )  # fmt: skip


def tune_process() -> None:
    """Memory settings for the command's own process (a library user's process is left alone).

    numpy asks for transparent huge pages on big arrays, so every short-lived 8 MB temporary costs
    the kernel a fresh zeroed 2 MB page run; Arrow's jemalloc pool returns freed memory sooner than
    its default. Together they cut the system time and the peak memory of a 1M-row run by a quarter.
    A user's own NUMPY_MADVISE_HUGEPAGE or ARROW_DEFAULT_MEMORY_POOL wins.
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        import pyarrow as pa

        with contextlib.suppress(NotImplementedError):  # a build without jemalloc keeps its default
            pa.set_memory_pool(pa.jemalloc_memory_pool())


def read(input: str, sheet: str | None, header_row: int | None, encoding: str | None, profile: Any = None) -> Any:
    """Read INPUT; with the profile (loaded, or its name or file), a workbook of several sheets is
    read from the sheet whose headers match most of its criteria."""
    tune_process()
    from .reading import read_sheet

    return read_sheet(input, sheet=sheet, header_row=header_row, encoding=encoding, profile=profile)


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


def guard_output(output: str | None, given: dict[str, Any]) -> None:
    """Before any reading: refuse an output that names the input, the profile or the joined file."""
    from .reports import guard_output as guard

    named = [(given.get("input"), "input file"), (given.get("profile"), "profile file"),
             (given.get("join_file"), "joined file")]  # fmt: skip
    files: dict[str, str] = {}
    for path, role in named:
        if path:
            files.setdefault(str(path), role)
    guard(output, files)


def check_order_keys(order: str, profile: Any) -> None:
    """An order that cannot be read, or names a criterion the profile lacks, is a usage error (exit 2),
    as an unknown key of -w is."""
    from .errors import ProfileError, suggest
    from .order import rank_groups

    try:
        named = [key for group in rank_groups(order) for key in group]
    except ProfileError as exc:
        raise click.BadParameter(str(exc).removeprefix("rank: "), param_hint="--rank") from None
    for key in named:
        if key not in profile.keys:
            raise click.BadParameter(
                f"the order names {key!r}, which is not a criterion{suggest(key, profile.keys)}; "
                f"the criteria are {', '.join(profile.keys)}",
                param_hint="--rank",
            )


def table_width(width: int | None, output: str | None) -> int | None:
    """The width the table is fitted to: --width, else the terminal's when standard output is one;
    None (every column) for a file, a pipe, or --width 0."""
    if width is not None:
        return width or None
    if (output is None or output == "-") and sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def emit(
    data: str | bytes | Callable[[BinaryIO], None], output: str | None, fmt: str, protect: dict[str, str] | list[str]
) -> None:
    """Write a report (bytes, or a function that writes it into a stream) to a file or standard output."""
    from .reports import FORMATS, write_output

    if FORMATS[fmt].binary and (output is None or output == "-") and sys.stdout.isatty():
        raise click.ClickException(f"{fmt} is a binary format; write it to a file with -o FILE.{fmt}")
    write_output(data, output, protect=protect)


def check_tablefmt(tablefmt: str) -> None:
    if tablefmt == "simple":  # the default: no need to import tabulate for a CSV
        return
    from tabulate import tabulate_formats

    if tablefmt not in tabulate_formats:
        from .errors import suggest

        raise click.BadParameter(
            f"{tablefmt!r} is not a tabulate format{suggest(tablefmt, tabulate_formats)}", param_hint="--fmt"
        )


def parse_spread(value: str | None) -> float | str:
    if value is None:
        return "default"
    if value in ("any", "order"):
        return value
    try:
        spread = float(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a number, 'any' or 'order'", param_hint="--spread") from None
    spread += 0.0  # -0 is 0
    if not 0 <= spread < 1:
        raise click.BadParameter(f"{value!r} must be at least 0 and below 1 (0.25 = ±25%)", param_hint="--spread")
    return spread

"""Stage 8: reports. One registry of output formats; the CLI's choices, ``-o`` extension inference
and the README's list all come from ``FORMATS``.

Every report is rendered whole in memory from a ``Ranking`` (nothing is recomputed) and then written
through ``write_output``: to a temporary file beside the target, renamed into place, so a failure
never leaves a half-written file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import ProgramscoreError

if TYPE_CHECKING:
    from ..result import Ranking
    from ..sensitivity import Sensitivity


@dataclass(frozen=True)
class Options:
    """What shapes a report: how many programmes, which tabulate format, CSV escaping."""

    top: int | None = None
    tablefmt: str = "simple"
    escape: bool = True
    sensitivity: Sensitivity | None = None  # when set, reports show the sensitivity analysis


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    binary: bool
    description: str
    renderer: str  # "module:function", imported on use so the CLI starts fast
    streamer: str | None = None  # "module:function" that writes into a binary stream (big outputs)

    def render(self, result: Ranking, options: Options) -> bytes:
        output = _load(self.renderer)(result, options)
        return output.encode("utf-8") if isinstance(output, str) else output

    def writer(self, result: Ranking, options: Options) -> Callable[[BinaryIO], None]:
        """A function that writes the report into a binary stream, without holding it all in memory
        where the format allows."""
        if self.streamer is not None:
            stream = _load(self.streamer)
            return lambda out: stream(result, options, out)
        return lambda out: out.write(self.render(result, options))


def _load(spec: str) -> Callable:
    from importlib import import_module

    module, function = spec.split(":")
    return getattr(import_module(module, __name__), function)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", (".txt",), False, "aligned text table (tabulate; --fmt picks its style)", ".text:table"),
        Format("csv", (".csv",), False, "comma-separated values", ".text:csv", ".text:write_csv"),
        Format("tsv", (".tsv", ".tab"), False, "tab-separated values", ".text:tsv", ".text:write_tsv"),
        Format(
            "json",
            (".json",),
            False,
            "the JSON document of the design (profile, ranking, excluded, issues)",
            ".text:json",
        ),
        Format(
            "markdown", (".md", ".markdown"), False, "a Markdown table with the method and weights", ".text:markdown"
        ),
        Format(
            "html", (".html", ".htm"), False, "one self-contained page with charts (no network needed)", ".html:html"
        ),
        Format("xlsx", (".xlsx",), True, "a formatted Excel workbook with charts, ready to print", ".excel:xlsx"),
    )
}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name implies (``ranked.xlsx`` -> ``xlsx``), or None."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt.name
    return None


def choose_format(output: str | None, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise ProgramscoreError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
        return fmt
    if output and output != "-":
        inferred = format_for_path(output)
        if inferred is None:
            known = ", ".join(ext for f in FORMATS.values() for ext in f.extensions)
            raise ProgramscoreError(f"cannot tell the format of {output!r} from its extension ({known}); give --format")
        return inferred
    return "table"


def write_output(
    data: bytes | Callable[[BinaryIO], None], output: str | None, protect: list[str] | None = None
) -> None:
    """Write ``data`` (bytes, or a function that writes into a binary stream) to ``output`` (``None``
    or ``-``: standard output) atomically."""
    if output is None or output == "-":
        stream = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if stream is None:
            import io

            buffer = io.BytesIO()
            _write(data, buffer)
            sys.stdout.write(buffer.getvalue().decode("utf-8"))
        else:
            _write(data, stream)
            stream.flush()
        return
    target = Path(output)
    for source in protect or []:
        if source not in ("-", "") and _same_file(Path(source), target):
            raise ProgramscoreError(f"{output}: that is the input file; programscore never writes over its input")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ProgramscoreError(f"{output}: the folder {str(folder)!r} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            _write(data, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ProgramscoreError(f"{output}: cannot write ({exc.strerror})") from None
        raise


def _write(data: bytes | Callable[[BinaryIO], None], stream: BinaryIO) -> None:
    if callable(data):
        data(stream)
    else:
        stream.write(data)


def save(result: Ranking, fmt: str, options: Options, output: str | None, protect: list[str] | None = None) -> None:
    """Render ``result`` as ``fmt`` and write it to ``output`` atomically (streamed where the format allows)."""
    write_output(FORMATS[fmt].writer(result, options), output, protect)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def render(result: Ranking, fmt: str, options: Options | None = None) -> bytes:
    return FORMATS[fmt].render(result, options or Options())

"""Stage 8: reports. One registry of output formats; the CLI's choices, ``-o`` extension inference
and the README's list all come from ``FORMATS``.

Every report is rendered whole in memory from a ``Ranking`` (nothing is recomputed) and then written
through ``write_output``: to a temporary file beside the target, renamed into place, so a failure
never leaves a half-written file.
"""

from __future__ import annotations

import os
import stat
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
    width: int | None = None  # the text table fits this many characters; None: every column, in full


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
        Format("table", (".txt",), False, "aligned text table (tabulate; --fmt picks its style)", ".terminal:table"),
        Format("csv", (".csv",), False, "comma-separated values", ".text:csv", ".text:write_csv"),
        Format("tsv", (".tsv", ".tab"), False, "tab-separated values", ".text:tsv", ".text:write_tsv"),
        Format(
            "json",
            (".json",),
            False,
            "the JSON document of the design (profile, ranking, excluded, issues)",
            ".json_text:json",
            ".json_text:write_json",
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
    data: str | bytes | Callable[[BinaryIO], None],
    output: str | None,
    protect: list[str] | dict[str, str] | None = None,
) -> None:
    """Write ``data`` (bytes, or a function that writes into a binary stream) to ``output`` (``None``
    or ``-``: standard output).

    A file is written atomically: into a temporary file beside it, renamed over it when complete (a
    symbolic link's target is the file replaced). A pipe or character device (``/dev/null``, a FIFO)
    is written into directly. ``protect`` names the files the command read: none is ever written over.
    """
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
    guard_output(output, protect or [])
    target = Path(os.path.realpath(output))  # a symbolic link: replace the file it points to
    kind = _kind(target)
    if kind == "folder":
        raise ProgramscoreError(f"{output}: is a folder; name a file to write")
    if kind == "stream":  # a pipe or a device: no rename is possible, nor needed
        try:
            with open(target, "wb") as stream:
                _write(data, stream)
        except OSError as exc:
            raise ProgramscoreError(f"{output}: cannot write ({exc.strerror})") from None
        return
    if kind == "other":
        raise ProgramscoreError(f"{output}: is not a regular file (a socket or block device); name a file to write")
    folder = target.parent
    if not folder.is_dir():
        raise ProgramscoreError(f"{output}: the folder {str(Path(output).parent)!r} does not exist")
    _write_atomically(data, output, target)


def guard_output(output: str | None, protect: list[str] | dict[str, str]) -> None:
    """Refuse an output that is one of the files the command reads: ``protect`` lists them (all
    inputs) or maps each to what it is (``{"mine.toml": "profile file"}``)."""
    if output is None or output == "-":
        return
    roles = protect if isinstance(protect, dict) else dict.fromkeys(protect, "input file")
    target = Path(output)
    for source, role in roles.items():
        if source not in ("-", "") and _same_file(Path(source), target):
            raise ProgramscoreError(f"{output}: that is the {role}; programscore never writes over a file it reads")


def _kind(target: Path) -> str:
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return "new"
    except OSError:
        return "new"  # the folder or the write says what is wrong
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return "stream"
    return "other"


def _write_atomically(data: str | bytes | Callable[[BinaryIO], None], output: str, target: Path) -> None:
    """Into a temporary file beside ``target``, then renamed over it; the temporary file goes on any
    failure, Ctrl-C, SIGTERM or SIGHUP. The file gets the mode a new file gets (the umask), or keeps
    the mode of the file it replaces."""
    temporary: str | None = None
    stopped: int | None = None
    previous = _on_signals(_stop)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            _write(data, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
        temporary = None
    except _Stopped as exc:
        stopped = exc.args[0]
    except OSError as exc:
        raise ProgramscoreError(f"{output}: cannot write ({exc.strerror})") from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        _on_signals(previous)
    if stopped is not None:  # cleaned up: now the signal does what it would have done
        import signal

        signal.raise_signal(stopped)
        raise ProgramscoreError(f"{output}: stopped by signal {stopped}; nothing was written")


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written."""


def _stop(signum: int, frame: object) -> None:
    raise _Stopped(signum)


def _on_signals(handler: object) -> object:
    """Set ``handler`` (a function, or what this returned before) for SIGTERM and SIGHUP, in the main
    thread only; returns the handlers it replaced."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    if handler is None:
        return None
    if isinstance(handler, dict):
        for name, old in handler.items():
            signal.signal(getattr(signal, name), old)
        return None
    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    return {name: signal.signal(getattr(signal, name), handler) for name in names}


def _write(data: str | bytes | Callable[[BinaryIO], None], stream: BinaryIO) -> None:
    if callable(data):
        data(stream)
    elif isinstance(data, str):
        stream.write(data.encode("utf-8"))
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
    """The report as bytes (UTF-8 text, or the workbook)."""
    return FORMATS[fmt].render(result, options or Options())


def render_text(result: Ranking, fmt: str, options: Options | None = None) -> str | bytes:
    """The report as text (``str``) for the text formats, ``bytes`` for a binary one (the workbook)."""
    if fmt not in FORMATS:
        raise ProgramscoreError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
    output = _load(FORMATS[fmt].renderer)(result, options or Options())
    if FORMATS[fmt].binary:
        return bytes(output)
    return output.decode("utf-8") if isinstance(output, bytes) else output

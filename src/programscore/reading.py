"""Stage 1: read a sheet of programmes into a DataFrame of raw cells.

Every cell is kept as the user wrote it (text stays text, so ``1,234`` and ``£9,250`` reach the
parsers intact). The frame's index holds the row numbers a spreadsheet program shows, and
``attrs`` records the source, the sheet, each header's column letter and what the reader noticed
(which sheet it used, an encoding it guessed, headers it renamed), so every later issue can point
at its cell.

Excel and ODS files are read with python-calamine; an .xlsx or .xlsm that calamine cannot open is
tried again with openpyxl. Text files are read with pandas' C parser.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import mmap
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pandas as pd

from .errors import SheetError
from .tables import find_table as _table
from .workbooks import OLE, ZIP, read_workbook

if TYPE_CHECKING:
    from .profiles import Profile

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab", ".psv")
DELIMITERS = (",", ";", "\t", "|")


def read_sheet(
    source: str | Path | IO[bytes],
    sheet: str | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    profile: Profile | str | Path | None = None,
) -> pd.DataFrame:
    """Read a CSV/TSV/delimited text file, or a sheet of an XLSX, XLSM, XLS or ODS workbook.

    ``source`` is a path, ``"-"`` for standard input, or a binary file object. ``sheet`` names a
    workbook's sheet (default: the first that holds a table, or with ``profile``, a ``Profile`` or a
    name or file ``load_profile`` takes, the sheet whose headers match most of its criteria);
    ``header_row`` is the row number of the header as a spreadsheet shows it (default: found);
    ``encoding`` overrides the text detection. A number in an .xlsx whose currency shows only in its
    number format (``#,##0 [$€-407]``) is read as text naming it (``12500 EUR``), with a notice.
    """
    if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
        raise SheetError(f"{source}: the header row must be a row number from 1 (got {header_row!r})")
    in_place = _utf8_text_file(source) if sheet is None and encoding is None else None
    if in_place is not None:  # the parser reads the file itself, as pandas alone would
        head, path = in_place
        with contextlib.suppress(UnicodeDecodeError):  # not UTF-8 after all: the general path says so
            frame = _table(_text_grid(head, path, str(source)), {}, header_row, str(source), None)
            return frame
    data, name = _load(source)
    if _is_workbook(data, name):
        if encoding is not None:
            raise SheetError(f"{name}: --encoding is for text files; this is a workbook")
        return read_workbook(data, name, sheet, header_row, profile)
    if sheet is not None:
        raise SheetError(f"{name}: a text file has no sheets (--sheet is for workbooks)")
    head, utf8, notices = _text_bytes(data, name, encoding)
    try:
        grid = _text_grid(head, utf8, name)
    except UnicodeDecodeError:  # UTF-8 at the start, not further on: decode the whole file and say how
        text, _, notices = _decode(data, name, None)
        grid = _text_grid(text[:HEAD_CHARACTERS], text.encode("utf-8"), name)
    frame = _table(grid, {}, header_row, name, None)
    frame.attrs["notices"] = notices + frame.attrs["notices"]
    return frame


def _utf8_text_file(source: str | Path | IO[bytes]) -> tuple[str, Path] | None:
    """(first characters, path) of a file on disk that starts as UTF-8 text with no NUL bytes;
    None for anything else (standard input, streams, workbooks, other encodings)."""
    if not isinstance(source, str | Path) or str(source) == "-" or str(source).lower().endswith(EXCEL_SUFFIXES):
        return None
    path = Path(source)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a pipe or device is read once, whole, by the general path
        with open(path, "rb") as handle:  # read-only
            start = handle.read(HEAD_CHARACTERS)
            size = os.fstat(handle.fileno()).st_size
            if not start or start.startswith((ZIP, OLE, b"\xff\xfe", b"\xfe\xff")):
                return None
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                if mapped.find(b"\x00") >= 0:
                    return None
    except (OSError, ValueError):
        return None  # the general path names the problem
    head = _utf8_head(start, size)
    if head is None or _looks_binary(head):
        return None
    return head, path


def _utf8_head(start: bytes, size: int) -> str | None:
    """The first bytes of a file of ``size`` bytes as UTF-8 text, or None if they are not UTF-8
    (a character cut at the end of the sample is fine)."""
    try:
        return start.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if size > len(start) and exc.start >= len(start) - 3 and "end of data" in exc.reason:
            return start[: exc.start].decode("utf-8-sig")
        return None


def _load(source: str | Path | IO[bytes]) -> tuple[bytes, str]:
    if isinstance(source, str | Path) and str(source) == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    if hasattr(source, "read"):
        data = source.read()  # type: ignore[union-attr]
        name = str(getattr(source, "name", "<stream>"))
        return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), name
    path = Path(source)  # type: ignore[arg-type]
    name = str(source)
    if path.is_dir():
        raise SheetError(f"{name}: is a folder, not a file")
    try:
        with open(path, "rb") as handle:  # read-only: the input is never opened for writing
            return handle.read(), name
    except FileNotFoundError:
        raise SheetError(f"{name}: no such file") from None
    except OSError as exc:
        raise SheetError(f"{name}: cannot read the file ({exc.strerror})") from None


def _is_workbook(data: bytes, name: str) -> bool:
    if data.startswith(ZIP) or data.startswith(OLE):
        return True
    if name.lower().endswith(EXCEL_SUFFIXES):
        kind = name.rsplit(".", 1)[-1]
        raise SheetError(f"{name}: not a .{kind} workbook (the file is not a zip or Excel file); is it misnamed?")
    return False


# --- text ----------------------------------------------------------------------------------------


HEAD_CHARACTERS = 400_000  # enough lines to find the delimiter and to tell text from binary


def _text_bytes(data: bytes, name: str, encoding: str | None) -> tuple[str, bytes, list[str]]:
    """(the first characters, the whole file as UTF-8 bytes, notices) of a text file.

    A file that starts as UTF-8 goes to the parser as read, without decoding it all first (the parser
    checks the rest and raises UnicodeDecodeError if it is not UTF-8 after all).
    """
    if encoding is None and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = _utf8_head(data[:HEAD_CHARACTERS], len(data))
        if head is not None:
            if _looks_binary(head):
                raise SheetError(BINARY.format(name=name))
            if b"\x00" not in data:
                return head, data, []
            return head.replace("\x00", ""), data.replace(b"\x00", b""), [NUL.format(name=name)]
    text, _, notices = _decode(data, name, encoding)
    return text[:HEAD_CHARACTERS], text.encode("utf-8"), notices


BINARY = "{name}: binary data, not a text table; if it is text, name its encoding with --encoding"
NUL = "warning: {name} holds NUL bytes; they were removed"


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str, list[str]]:
    """(text, codec, notices) of a file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252 with a
    warning."""
    notices: list[str] = []
    codec = encoding or "utf-8-sig"
    if encoding is not None:
        try:
            return data.decode(encoding), codec, notices
        except LookupError:
            raise SheetError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise SheetError(f"{name}: not valid {encoding} (byte {exc.start}: {exc.reason})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", notices
        except UnicodeDecodeError as exc:
            raise SheetError(f"{name}: broken UTF-16 text at byte {exc.start}; try --encoding") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            codec = "cp1252"
        except UnicodeDecodeError:
            text = None
        if text is None or _looks_binary(text):
            raise SheetError(
                f"{name}: not a text file in UTF-8, UTF-16 or Windows-1252; if it is text, name its encoding "
                "with --encoding (for example --encoding latin-1)"
            ) from None
        notices.append(
            f"warning: {name} is not UTF-8; read as Windows-1252 (cp1252). If characters look wrong, "
            "name the encoding with --encoding"
        )
    if _looks_binary(text):
        raise SheetError(BINARY.format(name=name))
    if "\x00" in text:
        text = text.replace("\x00", "")
        notices.append(NUL.format(name=name))
    return text, codec, notices


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x0c")
    return control > max(2, len(sample) // 20)


# the line breaks of a CSV file (str.splitlines also breaks at \x1c-\x1e, \x85 and \u2028; the parser does not)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@contextlib.contextmanager
def _no_field_limit() -> Iterator[None]:
    """The csv module refuses fields over 128 KiB; a sheet may hold bigger cells (restored after)."""
    before = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent number of fields."""
    lines = [line for line in _LINE_BREAK.split(text, maxsplit=60)[:60] if line.strip()][:40]
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        with _no_field_limit():
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts:
            continue
        widths = [c for c in counts if c > 1]
        if not widths:
            continue
        mode = max(set(widths), key=widths.count)
        score = widths.count(mode) * math.log2(mode + 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _text_grid(head: str, utf8: bytes | Path, name: str) -> pd.DataFrame:
    """The cells of a delimited text file (its UTF-8 bytes, or its path); ``head`` is its first
    characters, for sniffing."""
    if isinstance(utf8, Path) and not head.strip():
        utf8 = utf8.read_bytes()  # blank at the start: look at the whole file
    if not head.strip() and not utf8.removeprefix(b"\xef\xbb\xbf").strip():  # type: ignore[union-attr]
        raise SheetError(f"{name}: the file is empty")
    delimiter = sniff_delimiter(head)
    sample = _LINE_BREAK.split(head[:200_000], maxsplit=200)[:200]
    with _no_field_limit():
        width = max((len(row) for row in csv.reader(sample, delimiter=delimiter)), default=1)
    try:
        # no dtype: a column with any text (its header, at least) stays text as written, kept as Arrow
        # strings, which is ten times faster than dtype=str; low_memory=False infers each column once
        # pandas' C tokenizer skips a UTF-8 byte-order mark itself (utf-8-sig would decode and
        # re-encode the whole file)
        grid = pd.read_csv(
            utf8 if isinstance(utf8, Path) else io.BytesIO(utf8),
            encoding="utf-8",
            sep=delimiter,
            header=None,
            names=range(width),
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            engine="c",
            quoting=csv.QUOTE_MINIMAL,
            low_memory=False,
        )
        if not isinstance(grid.index, pd.RangeIndex):  # pandas took the cells beyond `width` as an index
            raise pd.errors.ParserError("rows wider than the first ones")
    except (pd.errors.ParserError, ValueError) as exc:
        unclosed = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if unclosed:
            row = int(unclosed.group(1)) + 1
            raise SheetError(
                f"{name}: the quote that opens a cell on row {row} is never closed, so the rest of the file "
                "would be one cell; close it or remove it"
            ) from None
        # rows wider than the first ones: let the csv module take the ragged table
        data = utf8.read_bytes() if isinstance(utf8, Path) else utf8
        try:
            with _no_field_limit():
                rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
        except csv.Error as problem:
            raise SheetError(f"{name}: not a readable table ({problem})") from None
        if not any(rows):
            raise SheetError(f"{name}: the file is empty") from None
        width = max(len(r) for r in rows)
        grid = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object).replace("", None)
    return grid

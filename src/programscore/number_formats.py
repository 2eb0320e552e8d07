"""Stage 1, workbooks: a currency an .xlsx or .xlsm states only in a cell's number format.

Excel shows 12500 formatted ``#,##0 [$€-407]`` as ``12.500 €``, but calamine returns the bare number,
and a bare number in a money column would be taken for the profile's base currency. So when the
workbook's styles define a number format that names a currency, the cells of the sheet read that
use one are rewritten as text naming it (``12500 EUR``), which the money parser reads like any
other amount. Most workbooks have no such format; for them only ``xl/styles.xml`` is parsed.

The built-in currency formats (numFmtId 5-8 and 41-44) follow the locale of the machine that opens
the file, so they name no currency and their cells stay numbers.
"""

from __future__ import annotations

import functools
import io
import math
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import IO

import pandas as pd

from .issues import column_letter
from .parsing.currencies import SYMBOLS as TEXT_SYMBOLS

AMBIGUOUS = "kr"  # Swedish, Norwegian, Danish or Icelandic krone: only a locale tells them apart
LOCALE_CURRENCY = [5, 6, 7, 8, 41, 42, 43, 44]  # built-in formats that show the machine's currency

# The currency symbols of cell text (one list for both), with the full-width yen of East Asian formats
SYMBOLS = {**TEXT_SYMBOLS, "￥": "JPY", "kr": AMBIGUOUS, "kr.": AMBIGUOUS}

# where a symbol's currency depends on the country of the format's locale
BY_REGION = {
    "$": {"AU": "AUD", "CA": "CAD", "NZ": "NZD", "HK": "HKD", "SG": "SGD", "MX": "MXN"},
    "¥": {"CN": "CNY"},
    "￥": {"CN": "CNY"},
    AMBIGUOUS: {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"},
}
# Windows locale ids (the hex after the symbol in ``[$kr-41D]``) of those countries
LCID_REGION = {
    0x0C09: "AU", 0x1009: "CA", 0x0C0C: "CA", 0x1409: "NZ", 0x3C09: "HK", 0x0C04: "HK", 0x1004: "SG",
    0x4809: "SG", 0x080A: "MX", 0x0804: "CN", 0x041D: "SE", 0x0414: "NO", 0x0814: "NO", 0x0406: "DK",
    0x040F: "IS",
}  # fmt: skip


def _symbol_pattern() -> re.Pattern[str]:
    """A symbol of SYMBOLS (the longest first, ``US$`` before ``$``) or three capital letters, in the
    literal text of a format; letters must not run on into a word."""
    parts = []
    for symbol in sorted(SYMBOLS, key=len, reverse=True):
        part = re.escape(symbol)
        if symbol[0].isalpha():
            part = r"(?<![A-Za-z])" + part
        if symbol[-1].isalpha():
            part += r"(?![A-Za-z])"
        parts.append(part)
    return re.compile("|".join([*parts, r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])"]))


_SYMBOL_TEXT = _symbol_pattern()


@functools.cache
def _iso_codes() -> frozenset[str]:
    """ISO 4217 as price-parser (a dependency) knows it, with the codes cell text knows besides."""
    from .parsing.currencies import ISO

    try:
        from price_parser._currencies import CURRENCIES  # a private table: a release may move it
    except ImportError:
        return ISO
    return frozenset(CURRENCIES) | ISO


def format_currency(code: str) -> str | None:
    """The currency a number format names, as an ISO code: ``#,##0 [$€-407]`` -> ``EUR``,
    ``[$$-C09]#,##0`` -> ``AUD``, ``"£"#,##0`` -> ``GBP``; ``kr`` (AMBIGUOUS) for a krone with no
    locale to say which; None for a format that names none (``0.00``, ``[$-409]d mmm yyyy``)."""
    for symbol, locale in _mentions(code):
        currency = _currency(symbol.strip(), locale)
        if currency is not None:
            return currency
    return None


def _mentions(code: str) -> Iterator[tuple[str, str | None]]:
    """The currency-like text a format shows, with the locale written beside it: ``[$sym-locale]``
    gives one mention, and each symbol or three capital letters in its literal text (quoted,
    escaped or bare) another. Skipped widths (``_)``) and fill characters (``* ``) show nothing."""
    literal: list[str] = []
    i = 0
    while i < len(code):
        ch = code[i]
        if ch == '"':
            end = code.find('"', i + 1)
            end = len(code) if end < 0 else end
            literal.append(code[i + 1 : end])
            i = end + 1
        elif ch == "\\":
            literal.append(code[i + 1 : i + 2])
            i += 2
        elif ch in "_*":
            literal.append(" ")
            i += 2
        elif ch == "[":
            end = code.find("]", i)
            end = len(code) if end < 0 else end
            inner = code[i + 1 : end]
            if inner.startswith("$"):
                symbol, _, locale = inner[1:].partition("-")
                yield symbol, locale or None
            literal.append(" ")
            i = end + 1
        elif ch in "$£€¥￥":
            literal.append(ch)
            i += 1
        else:  # a placeholder, separator or date code: ends a run of literal text
            literal.append(" ")
            i += 1
    for found in _SYMBOL_TEXT.finditer("".join(literal)):
        yield found.group(), None


def _currency(symbol: str, locale: str | None) -> str | None:
    if not symbol:
        return None  # [$-409]: a locale alone, as date formats carry it
    if symbol in SYMBOLS:
        currency = SYMBOLS[symbol]
        region = _region(locale)
        return BY_REGION.get(currency if currency == AMBIGUOUS else symbol, {}).get(region or "", currency)
    upper = symbol.upper()
    return upper if len(upper) == 3 and upper.isalpha() and upper in _iso_codes() else None


def _region(locale: str | None) -> str | None:
    """The country of a format's locale: a Windows locale id in hex (``C09``; the bits above the
    low 16 choose a calendar) or a language tag (``en-AU``)."""
    if not locale:
        return None
    tag = re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Z]{2})", locale)
    if tag:
        return tag.group(1)
    try:
        return LCID_REGION.get(int(locale, 16) & 0xFFFF)
    except ValueError:
        return None


# --- the workbook's parts ----------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def currency_styles(styles_xml: bytes) -> dict[int, str]:
    """Cell style index (a cell's ``s``) -> the currency its number format names, from styles.xml."""
    from defusedxml import ElementTree

    root = ElementTree.fromstring(styles_xml)
    formats: dict[int, str] = {}
    xfs: list[int] = []
    for section in root:
        if _local(section.tag) == "numFmts":
            for fmt in section:
                number = fmt.get("numFmtId", "")
                if number.isdigit() and int(number) not in LOCALE_CURRENCY:
                    currency = format_currency(fmt.get("formatCode", ""))
                    if currency is not None:
                        formats[int(number)] = currency
        elif _local(section.tag) == "cellXfs":
            xfs = [int(xf.get("numFmtId", "0") or 0) for xf in section if _local(xf.tag) == "xf"]
    if not formats:
        return {}
    return {index: formats[number] for index, number in enumerate(xfs) if number in formats}


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding a sheet's cells, through workbook.xml and its relationships."""
    from defusedxml import ElementTree

    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relation = None
    for element in workbook.iter():
        if _local(element.tag) == "sheet" and element.get("name") == sheet:
            relation = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
    if relation is None:
        return None
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for element in relations:
        if element.get("Id") == relation:
            target = element.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    return None


_REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)$")

Cells = dict[int, tuple[list[int], list[str]]]  # column from 0 -> (rows from 0, their currencies)


class _Refused(ValueError):
    """A sheet's XML declares a DTD or entities, which Excel never writes: a bomb, not a sheet."""


def _refuse(*args: object) -> None:
    raise _Refused("DTDs and entities are refused")


def styled_cells(sheet_xml: bytes, styles: dict[int, str]) -> Cells:
    """The numeric cells of a sheet's XML whose style is in ``styles``.

    A regular expression finds the opening tags of those cells (a sheet's cells are empty elements
    or hold only ``<v>``/``<f>``/``<is>``, whose text cannot hold a ``<``), four times faster than
    any parser that calls back into Python for every element; where a cell has no ``r`` reference
    (some writers leave it out), the positions are counted with expat instead.
    """
    wanted = "|".join(str(style) for style in sorted(styles)).encode()
    tags = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s([^>]*?\bs\s*=\s*[\"'](" + wanted + rb")[\"'][^>]*)>")
    cells: Cells = {}
    for tag in tags.finditer(sheet_xml):
        attributes = tag.group(1)
        reference = _REFERENCE_ATTRIBUTE.search(attributes)
        if reference is None:
            return _counted_cells(io.BytesIO(sheet_xml), styles)
        kind = _TYPE_ATTRIBUTE.search(attributes)
        if kind is not None and kind.group(1) != b"n":
            continue
        rows, currencies = cells.setdefault(_column_index(reference.group(1).decode()), ([], []))
        rows.append(int(reference.group(2)) - 1)
        currencies.append(styles[int(tag.group(2))])
    return cells


_REFERENCE_ATTRIBUTE = re.compile(rb"(?<![\w:])r\s*=\s*[\"']([A-Z]{1,3})(\d+)[\"']")
_TYPE_ATTRIBUTE = re.compile(rb"(?<![\w:])t\s*=\s*[\"'](\w*)[\"']")


def _counted_cells(sheet_xml: IO[bytes], styles: dict[int, str]) -> Cells:
    """``styled_cells`` for a sheet whose cells may lack references, streamed with expat (the C
    parser; its DTD and entity handlers refuse what defusedxml would)."""
    from xml.parsers import expat

    cells: Cells = {}
    position = [-1, -1]  # row, column of the last cell, for cells and rows without a reference

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition(":")[2]
        if local == "c":
            reference = _REFERENCE.match(attrs.get("r", ""))
            if reference:
                position[0], position[1] = int(reference.group(2)) - 1, _column_index(reference.group(1))
            else:
                position[1] += 1
            style = attrs.get("s")
            if style is not None and attrs.get("t", "n") == "n" and style.isdigit() and int(style) in styles:
                rows, currencies = cells.setdefault(position[1], ([], []))
                rows.append(position[0])
                currencies.append(styles[int(style)])
        elif local == "row":
            number = attrs.get("r", "")
            position[0] = int(number) - 1 if number.isdigit() else position[0] + 1
            position[1] = -1

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse  # type: ignore[assignment]
    parser.ParseFile(sheet_xml)
    return cells


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def format_currencies(data: bytes, sheet: str) -> Cells:
    """The numeric cells of ``sheet`` (an .xlsx or .xlsm already checked for zip bombs) whose
    number format names a currency; empty, having read only the styles, for most workbooks."""
    from xml.parsers.expat import ExpatError

    from defusedxml import DefusedXmlException

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if "xl/styles.xml" not in archive.namelist():
            return {}
        styles = currency_styles(archive.read("xl/styles.xml"))
        if not styles:
            return {}
        part = _sheet_part(archive, sheet)
        if part is None or part not in archive.namelist():
            return {}
        return styled_cells(archive.read(part), styles)
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError, DefusedXmlException, ExpatError, NotImplementedError,
            OSError, EOFError, RuntimeError, zlib.error):  # fmt: skip
        return {}  # the cells were read; a part that does not parse (or unpack) only loses the currencies


# --- the frame -------------------------------------------------------------------------------------


def number_text(value: float | int) -> str:
    """A number as text without losing digits: 12500.0 -> ``12500``, 9250.5 -> ``9250.5``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def state_currencies(frame: pd.DataFrame, data: bytes, sheet: str) -> None:
    """Rewrite the frame's numbers whose number format names a currency as ``12500 EUR``, with a
    notice per column (in place: the frame is the reader's own)."""
    cells = format_currencies(data, sheet)
    if not cells:
        return
    headers = {letter: header for header, letter in frame.attrs["letters"].items()}
    notices = frame.attrs["notices"]
    for column in sorted(cells):
        letter = column_letter(column)
        header = headers.get(letter)
        if header is None:
            continue  # a note beside the table
        rows, currencies = cells[column]
        at = frame.index.get_indexer([row + 1 for row in rows])
        position = frame.columns.get_loc(header)
        values = frame.iloc[:, position].to_numpy(dtype=object, copy=True)
        stated: Counter[str] = Counter()
        ambiguous = 0
        for i, currency in zip(at.tolist(), currencies, strict=True):
            if i < 0 or not _is_number(values[i]):
                continue  # a header or note cell, or text
            if currency == AMBIGUOUS:
                ambiguous += 1
                continue
            values[i] = f"{number_text(values[i])} {currency}"
            stated[currency] += 1
        if stated:
            frame.isetitem(position, values)
            codes = sorted(stated)
            count = sum(stated.values())
            how = f"read as {codes[0]}" if len(codes) == 1 else "each read as its format says"
            notices.append(
                f"column {header!r} ({letter}): {count} {'cell states its' if count == 1 else 'cells state their'} "
                f"currency only in the number format ({', '.join(codes)}); {how}"
            )
        if ambiguous:
            notices.append(
                f"column {header!r} ({letter}): {ambiguous} {'cell shows' if ambiguous == 1 else 'cells show'} "
                "'kr' in the number format with no locale to tell SEK, NOK, DKK or ISK apart; left as numbers"
            )

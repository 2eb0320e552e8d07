"""The JSON report, written as a stream.

The text is the one ``json.dumps(result.to_dict(), indent=2, ensure_ascii=False)`` gives, byte for
byte, but the ranking is never a list of dicts: its records are built a piece of rows at a time,
column by column (numbers formatted by Arrow, text escaped as a column), joined into text and
written before the next piece is made. A ranking of millions of programmes holds a few pieces of
text in memory, not a dict per programme.
"""

from __future__ import annotations

import functools
import json as json_module
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np
import pandas as pd

from ..document import ranking_document
from ..unknowns import dominance_basis, interval_frames
from .text import _processors, top_rows

if TYPE_CHECKING:
    import pyarrow as pa

    from ..result import Ranking
    from . import Options

PIECE_ROWS = 8_192
RECORD = "\n    "  # a record of the ranking starts on its own line, two levels in
FIELD = "\n      "  # a field of a record, three levels in
ITEM = "\n        "  # an item of a field (a criterion's points, an imputed key), four levels in


def json(result: Ranking, options: Options) -> bytes:
    import io

    buffer = io.BytesIO()
    write_json(result, options, buffer)
    return buffer.getvalue()


def write_json(result: Ranking, options: Options, out: BinaryIO) -> None:
    """The document of ``Ranking.to_dict`` (its ranking cut to ``options.top``) into ``out``."""
    from dataclasses import replace

    document = ranking_document(result, records=False)
    analysis = options.sensitivity
    if analysis is not None:  # its programmes are written column by column below
        document["sensitivity"] = replace(analysis, programmes=analysis.programmes.iloc[:0]).to_dict()
    out.write(b"{")
    for place, (key, value) in enumerate(document.items()):
        out.write(f"{',' if place else ''}\n  {dumps(key)}: ".encode())
        if key == "ranking":
            _write_records(ranking_pieces(result), top_rows(result, options), out)
        elif key == "issues":
            _write_records(frame_pieces(result.issues, 1, _issue_texts), len(result.issues), out)
        elif key == "sensitivity" and analysis is not None:
            out.write(b"{")
            for inner, (name, part) in enumerate(value.items()):
                out.write(f"{',' if inner else ''}\n    {dumps(name)}: ".encode())
                if name == "programmes":
                    programmes = analysis.programmes
                    _write_records(frame_pieces(programmes, 2, _plain_texts), len(programmes), out, level=2)
                else:
                    out.write(_nested(part, 2))
            out.write(b"\n  }")
        else:
            out.write(_nested(value, 1))
    out.write(b"\n}\n")


def _nested(value: object, level: int) -> bytes:
    """``value`` as JSON nested ``level`` levels in: every line of its text moves right."""
    return dumps(value, indent=2).replace("\n", "\n" + "  " * level).encode("utf-8")


def dumps(value: object, indent: int | None = None) -> str:
    return json_module.dumps(value, indent=indent, ensure_ascii=False, default=_plain)


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def _write_records(pieces: Callable[[int, int], memoryview], n: int, out: BinaryIO, level: int = 1) -> None:
    """A list of ``n`` records, ``pieces(start, stop)`` giving their text, into ``out``; the list
    is nested ``level`` levels in."""
    if n == 0:
        out.write(b"[]")
        return
    out.write(b"[")
    first = True
    for text in _in_order(pieces, n):
        out.write(text[1:] if first else text)  # the first record follows the bracket: no comma before it
        first = False
    out.write(("\n" + "  " * level + "]").encode())


def _in_order(piece: Callable[[int, int], memoryview], rows: int) -> Iterator[memoryview]:
    """``piece(start, stop)`` for every piece of ``rows``, made on every processor the process may
    use (Arrow formats without holding Python's lock) and given in order, a few pieces at a time."""
    from concurrent.futures import ThreadPoolExecutor

    starts = list(range(0, rows, PIECE_ROWS))
    workers = min(len(_processors()), 4, len(starts))
    if workers <= 1:
        for start in starts:
            yield piece(start, min(start + PIECE_ROWS, rows))
        return
    with ThreadPoolExecutor(workers) as pool:
        pending = [pool.submit(piece, s, min(s + PIECE_ROWS, rows)) for s in starts[:workers]]
        for start in starts[workers:] + [None] * workers:
            yield pending.pop(0).result()
            if start is not None:
                pending.append(pool.submit(piece, start, min(start + PIECE_ROWS, rows)))


def ranking_pieces(result: Ranking) -> Callable[[int, int], memoryview]:
    """A function giving the text of ranked programmes ``start`` to ``stop``: each record preceded
    by ``,`` and a new line, as the records of ``Ranking.to_dict()["ranking"]`` are in the document."""
    import pyarrow as pa

    from .text import text_array

    keys = list(result.contributions.columns)
    names = text_array(result.names).cast(pa.large_string())
    points = result.contributions.to_numpy(dtype=np.float64)
    values = result.values[keys].to_numpy(dtype=np.float64) if keys else np.empty((len(result.values), 0))
    positions = result.values.index.get_indexer(result.rows)
    imputed, unknown = result.imputed, result.unknown_counts
    low, high = interval_frames(result)
    value = result.value_for_money
    quoted_keys = [dumps(k) for k in keys]

    def piece(start: int, stop: int) -> bytes:
        part = slice(start, stop)
        rows = stop - start
        fields: list[Any] = [
            ",\n    {" + FIELD + '"rank": ',
            _integers(result.ranks[part]),
            "," + FIELD + '"name": ',
            json_strings(names.slice(start, rows)),
            "," + FIELD + '"row": ',
            _integers(result.rows[part]),
            "," + FIELD + '"score": ',
            json_numbers(result.scores[part]),
            "," + FIELD + '"contributions": ',
        ]
        fields += _object(quoted_keys, points[part], None)
        fields.append("," + FIELD + '"values": ')
        fields += _object(quoted_keys, values[positions[part]], "null")
        fields += ["," + FIELD + '"dominated_by": ', *_dominance(result, names, part)]
        fields += ["," + FIELD + '"imputed": ', _imputed(keys, imputed[part])]
        fields += ["," + FIELD + '"unknown": ', _integers(unknown[part])]
        if low is not None and high is not None:
            fields.append(_intervals(quoted_keys, low[part], high[part]))
        if result.total_cost is not None and value is not None:
            per = value[part]
            fields += ["," + FIELD + '"total_cost": ', json_numbers(result.total_cost[part], "null")]
            fields += ["," + FIELD + '"per_1000": ', json_numbers(np.where(np.isinf(per), np.nan, per), "null")]
        fields.append(RECORD + "}")
        return _joined(fields, rows)

    return piece


def frame_pieces(
    frame: pd.DataFrame, level: int, texts: Callable[[str, pd.Series], pa.LargeStringArray]
) -> Callable[[int, int], memoryview]:
    """A function giving the text of rows ``start`` to ``stop`` of ``frame`` as a list of records
    nested ``level`` levels in (each preceded by ``,``); ``texts(key, column)`` writes a column."""
    record = "\n" + "  " * (level + 1)
    field = record + "  "
    quoted = [dumps(str(key)) for key in frame.columns]

    def piece(start: int, stop: int) -> memoryview:
        fields: list[Any] = []
        for j, key in enumerate(frame.columns):
            fields.append(("," if j else "," + record + "{") + field + quoted[j] + ": ")
            fields.append(texts(str(key), frame.iloc[start:stop, j]))
        fields.append(record + "}")
        return _joined(fields, stop - start)

    return piece


def _issue_texts(key: str, column: pd.Series) -> pa.LargeStringArray:
    """A column of issues as ``issue_records`` has it (a missing row or cell value null, an
    infinite cell value as text)."""
    from ..issues import issue_cell

    missing = "null" if key in ("value", "row") else None
    return _cell_texts(column, lambda v: issue_cell(key, v), missing, finite=key == "value")


def _plain_texts(key: str, column: pd.Series) -> pa.LargeStringArray:
    """A column of records as ``to_dict`` gives them (numpy scalars unwrapped, a nullable integer's
    NA as null)."""
    return _cell_texts(column, lambda v: None if v is pd.NA else v.item() if isinstance(v, np.generic) else v)


def _cell_texts(
    column: pd.Series, convert: Callable[[Any], Any], missing: str | None = None, finite: bool = False
) -> pa.LargeStringArray:
    """A column of cells as JSON: text, whole numbers, floats and None a kind at a time (NaN as
    ``missing``; with ``finite``, infinities left to ``convert``), the rest (numpy scalars, dates,
    truth values) one by one through ``convert``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    objects = column.to_numpy(dtype=object)
    kinds = np.fromiter(map(type, objects), dtype=object, count=len(objects))
    texts = pa.array(np.full(len(objects), "", dtype=object), pa.large_string())
    done = np.zeros(len(objects), dtype=bool)
    for kind in (str, int, float, type(None)):
        chosen = kinds == kind
        if kind is float and finite:
            chosen[chosen] = ~np.isinf(objects[chosen].astype(np.float64))
        if not chosen.any():
            continue
        part = objects[chosen]
        if kind is str:
            written = json_strings(pa.array(part, pa.large_string()))
        elif kind is int:
            try:
                written = _integers(part.astype(np.int64))
            except OverflowError:  # beyond 64 bits: one by one below
                continue
        elif kind is float:
            written = json_numbers(part.astype(np.float64), missing)
        else:
            written = pa.array(np.full(len(part), "null", dtype=object), pa.large_string())
        texts = pc.replace_with_mask(texts, pa.array(chosen), written)
        done |= chosen
    if not done.all():
        others = [dumps(convert(v)) for v in objects[~done].tolist()]
        texts = pc.replace_with_mask(texts, pa.array(~done), pa.array(others, pa.large_string()))
    return texts


def _join(*parts: Any) -> pa.LargeStringArray:
    """Text columns (or texts, the same in every row) joined row by row."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = pa.large_string()
    columns = [pa.scalar(p, kind) if isinstance(p, str) else p for p in parts]
    return pc.binary_join_element_wise(*columns, pa.scalar("", kind))


def _joined(fields: list[Any], rows: int) -> memoryview:
    """The fields (text columns, or one text for every row) joined row by row, all rows as one text."""
    text = _join(*fields)
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int64)[text.offset : text.offset + rows + 1]
    return memoryview(text.buffers()[2])[offsets[0] : offsets[-1]]  # no copy of the text


def _object(quoted_keys: list[str], matrix: np.ndarray, missing: str | None) -> list[Any]:
    """The fields of ``{"key": number, ...}`` for a column of rows (``missing`` writes NaN)."""
    if not quoted_keys:
        return ["{}"]
    fields: list[Any] = ["{"]
    for j, key in enumerate(quoted_keys):
        fields += [("," if j else "") + ITEM + key + ": ", json_numbers(matrix[:, j], missing)]
    fields.append(FIELD + "}")
    return fields


def _dominance(result: Ranking, names: pa.LargeStringArray, part: slice) -> list[Any]:
    """The ``dominated_by`` field's value, and for a dominated programme the ``dominance`` field."""
    import pyarrow as pa
    import pyarrow.compute as pc

    above = result.dominated_by[part]  # type: ignore[index]
    start = part.start or 0
    dominated = above >= 0
    if not dominated.any():
        return ["null"]
    dominator = json_strings(names.take(pa.array(np.where(dominated, above, 0))))
    by = pc.if_else(pa.array(dominated), dominator, pa.scalar("null", pa.large_string()))
    keys = result.profile.keys
    unknown = result.unknown
    if unknown is None:
        codes = np.zeros(len(above), dtype=np.int64)
    else:  # the words depend only on which criteria each of the two programmes has unknown
        bits = 1 << np.arange(len(keys), dtype=np.int64)
        mine = unknown[part].astype(np.int64) @ bits
        theirs = unknown[np.where(dominated, above, 0)].astype(np.int64) @ bits
        codes = mine * (1 << len(keys)) + theirs
    found, first, inverse = np.unique(np.where(dominated, codes, -1), return_index=True, return_inverse=True)
    label = "," + FIELD + '"dominance": '
    words = [
        "" if code < 0 else label + dumps(dominance_basis(unknown, keys, start + i, int(above[i])))
        for code, i in zip(found, first, strict=True)
    ]
    return [by, pa.array(words, pa.large_string()).take(pa.array(inverse.ravel()))]


def _imputed(keys: list[str], marked: np.ndarray) -> Any:
    """The ``imputed`` list: the keys of the criteria a programme's points were imputed on."""
    import pyarrow as pa

    if not marked.any():
        return "[]"
    codes = marked.astype(np.int64) @ (1 << np.arange(len(keys), dtype=np.int64))
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    lists = [dumps([k for k, flag in zip(keys, marked[i], strict=True) if flag], indent=2) for i in first]
    texts = [text.replace("\n", FIELD) for text in lists]
    return pa.array(texts, pa.large_string()).take(pa.array(inverse.ravel()))


def _intervals(quoted_keys: list[str], low: np.ndarray, high: np.ndarray) -> Any:
    """The ``intervals`` field of the programmes with a range on some criterion, else nothing."""
    import pyarrow as pa
    import pyarrow.compute as pc

    empty = pa.scalar("", pa.large_string())
    entries = []
    for j, key in enumerate(quoted_keys):
        ranged = np.isfinite(low[:, j])
        if not ranged.any():
            continue
        ends = [json_numbers(low[:, j]), json_numbers(high[:, j])]
        entry = _join("," + ITEM + key + ": [" + ITEM + "  ", ends[0], "," + ITEM + "  ", ends[1], ITEM + "]")
        entries.append(pc.if_else(pa.array(ranged), entry, empty))
    if not entries:
        return ""
    joined = _join(*entries)
    inside = pc.utf8_slice_codeunits(joined, 1)  # the comma before the first entry goes
    wrapped = _join("," + FIELD + '"intervals": {', inside, FIELD + "}")
    return pc.if_else(pc.equal(pc.binary_length(joined), 0), empty, wrapped)


def _integers(values: np.ndarray) -> pa.LargeStringArray:
    import pyarrow as pa

    return pa.array(np.asarray(values, dtype=np.int64)).cast(pa.large_string())


# Python writes a float in plain digits from 1e-4 up to 1e16, Arrow from 1e-6 up to 1e10: where both
# do, they write the same shortest digits (Python adds ".0" to a whole number).
PLAIN_LOW, PLAIN_HIGH = 1e-4, 1e9


def json_numbers(values: np.ndarray, missing: str | None = None) -> pa.LargeStringArray:
    """Floats as ``json.dumps`` writes them (``repr``: ``20.0``, ``1e-05``, ``NaN``, ``Infinity``),
    a whole column at once; with ``missing``, NaN is written as that instead (``null``).

    Arrow writes the shortest digits that read back the same, as Python does; in the range where
    both write plain digits only ``.0`` after a whole number differs. The rest (exponents, NaN,
    infinities, amounts of a billion and more; few in real data) goes through Python's ``repr``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    values = np.ascontiguousarray(values, dtype=np.float64)
    magnitude = np.abs(values)
    with np.errstate(invalid="ignore"):
        plain = ((magnitude >= PLAIN_LOW) & (magnitude < PLAIN_HIGH)) | (values == 0)
        whole = plain & (values == np.trunc(values))
    text = _join(pa.array(values).cast(pa.large_string()), _whole_suffix().take(pa.array(whole.view(np.int8))))
    if plain.all():
        return text
    written = [_float_text(v, missing) for v in values[~plain].tolist()]
    return pc.replace_with_mask(text, pa.array(~plain), pa.array(written, pa.large_string()))


@functools.cache
def _whole_suffix() -> pa.LargeStringArray:  # "" or ".0", taken per number
    import pyarrow as pa

    return pa.array(["", ".0"], pa.large_string())


def _float_text(value: float, missing: str | None) -> str:
    if value != value:
        return "NaN" if missing is None else missing
    return json_module.dumps(value)


def json_strings(values: pa.LargeStringArray) -> pa.LargeStringArray:
    """Text as ``json.dumps(..., ensure_ascii=False)`` writes it: quoted, with quotes, backslashes
    and control characters escaped (through Python for the few that have one). A missing name is
    written as ``str`` of it would be (``None``)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    special = pc.match_substring_regex(values, '[\\x00-\\x1f"\\\\]')
    awkward = pc.or_kleene(pc.is_null(values), special).fill_null(True).to_numpy(zero_copy_only=False)
    quoted = _join('"', values.fill_null(""), '"')
    if not awkward.any():
        return quoted
    written = [dumps(str(v)) for v in values.filter(pa.array(awkward)).to_pylist()]
    return pc.replace_with_mask(quoted, pa.array(awkward), pa.array(written, pa.large_string()))

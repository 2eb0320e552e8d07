"""kind = "duration": the full-time length of the Master's, in months.

``1 year``, ``12 months``, ``1½ year``, ``18 mo``, ``one and a half years``, ``2 1/2 years``,
``1 year, 4 months``, ``52 weeks``, ``4 Semester``, ``120 ECTS (2 years)``,
``Full-time 1 year, part-time 2 years, 5 years flexible``, ``MSc 1 year ... PGDip 9 months``.

Like money, a cell is read as mentions, then a choice. ``mentions`` masks what is not a length (dates,
academic years, links). Each figure with a unit is found, then the words around it say its study mode
(full-time, part-time, flexible), whether it is a bound (``maximum registration period 3 years``, ``up
to 5 years``), which award it belongs to (MSc or PGDip) and whether it is a variant (``with a
placement year``). The full-time length of the Master's is chosen; ranges take the upper bound; a
larger unit followed by a smaller one, or figures joined by ``+``, add up; ECTS credits count only when
no time is given (60 ECTS = 1 year).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace

from .length_words import (
    AFTER_CUT,
    AND_A_HALF,
    BEFORE_CUT,
    BOUNDS,
    CJK_DIGITS,
    CJK_NUMERAL,
    CLAUSE_CUTS,
    HALF,
    MIXED,
    MODE_RES,
    MONTHS,
    NOT_A_LENGTH,
    OTHER_AWARD,
    PART,
    QUANTITY,
    REQUIREMENT,
    SPELLED,
    TRAILING_BOUND,
    UNIT_WORDS,
    VARIANT,
    YEAR_OUT,
)
from .mentions import MASK, MASTERS, has_digit, lines_apart, mask_noise, quote
from .text import (
    ASSUMED,
    ERROR,
    MISSING,
    NAN,
    NUMBER,
    OK,
    Cell,
    clean,
    missing_marker,
    months_text,
    not_stated,
    number_value,
    suppressed,
    typed_as_date,
)

FAST = True  # the shortcuts for common cells; tests turn them off to check they read as the full path does
@dataclass
class Figure:
    """One length a cell mentions, with what its context says of it."""

    start: int
    end: int
    months: float
    unit: str
    alternatives: bool  # "1/2 years": one or two years
    mode: str | None = None
    bound: bool = False
    award: str | None = None  # "master" | "other" | None
    variant: bool = False
    range: tuple[float, float] | None = None  # "9-12 months": both ends, in months
    part: bool = False  # a part of a longer figure: "(including a 3-month internship)", "2 years (4 terms + ...)"


def parse_duration(raw: object, unit: str = "months") -> Cell:
    """Length in months; a bare number is in ``unit``."""
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not a length")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite length")
        return bare_length(float(raw), unit, f"{raw:g}")
    dated = typed_as_date(raw, "a length")
    if dated is not None:
        return dated
    text = clean(lines_apart(str(raw)))
    if not text:
        return Cell(NAN, MISSING)
    withheld = suppressed(text)
    if withheld:
        return withheld
    bare = re.fullmatch(rf"({NUMBER})", text)
    if bare:
        return bare_length(number_value(bare.group(1)), unit, text)
    if text.startswith("-") and re.fullmatch(rf"-\s*{NUMBER}.*", text):
        return Cell(NAN, ERROR, "a length cannot be negative")
    if FAST:
        common = _common_length(text)
        if common is not None:
            return common
    written = _spell_out(text)
    masked = mask_noise(written, keep=("percent", "band"))
    masked = replace(masked, masked=REQUIREMENT.sub(lambda m: MASK * len(m.group(0)), masked.masked))
    figures = _figures(masked.masked)
    if not figures:
        if masked.reason() and not has_digit(masked.masked):
            return Cell(NAN, MISSING, f"{masked.reason()}, not a length: not stated; treated as missing")
        if missing_marker(text) or not has_digit(text):
            stated = "no length stated; treated as missing"
            return not_stated(text) if missing_marker(text) else Cell(NAN, MISSING, stated)
        return Cell(NAN, ERROR, "no length found")
    _describe(figures, masked.masked)
    return _choose(figures, masked.masked, text)


def _figure_pattern(number: str, unit: str) -> str:
    return rf"(?P<{number}>\d{{1,3}}(?:\.\d{{1,2}})?)\s*(?P<{unit}>years?|months?|weeks?)"


def _mode_pattern(name: str) -> str:
    return rf"(?P<{name}>full[- ]time|part[- ]time)\s*:?\s*"


_ONE = re.compile(_figure_pattern("n1", "u1"), re.IGNORECASE)
_TWO = re.compile(
    _mode_pattern("m1") + _figure_pattern("n1", "u1") + r"\s*[,;]\s*"
    + _mode_pattern("m2") + _figure_pattern("n2", "u2"),
    re.IGNORECASE,
)


def _common_length(text: str) -> Cell | None:
    """The common cells, read at once: ``12 months``, ``Full-time 1 year, part-time 2 years``.
    None: take the full path (which reads these the same, as the tests check)."""
    one = _ONE.fullmatch(text)
    if one:
        figures = [_figure_of(one, "n1", "u1")]
    else:
        two = _TWO.fullmatch(text)
        if two is None or two.group("m1")[0].lower() == two.group("m2")[0].lower():
            return None
        figures = [_figure_of(two, "n1", "u1"), _figure_of(two, "n2", "u2")]
        figures[0].mode, figures[1].mode = (_mode_name(two.group("m1")), _mode_name(two.group("m2")))
    return _choose(figures, text, text)


def _figure_of(match: re.Match[str], number: str, unit: str) -> Figure:
    name = {"y": "years", "m": "months", "w": "weeks"}[match.group(unit)[0].lower()]
    value = float(match.group(number))
    return Figure(match.start(number), match.end(unit), value * MONTHS[name], name, False)


def _mode_name(word: str) -> str:
    return "full-time" if word[0].lower() == "f" else "part-time"


def bare_length(value: float, unit: str, text: str) -> Cell:
    """A number with no unit: in ``unit``, unless that makes no sense for a Master's (then said)."""
    if value < 0:
        return Cell(NAN, ERROR, "a length cannot be negative")
    if unit == "months" and 0 < value < 6:
        months = value * 12
        return Cell(months, ASSUMED, f"a bare {value:g} read as {value:g} year(s), not months",
                    note=f"{months:g} months, from {quote(text)}: a bare number under 6 read as years")  # fmt: skip
    if unit == "years" and value >= 6:
        note = f"{value:g} months, from {quote(text)}: a bare number of 6 or more read as months"
        return Cell(value, ASSUMED, f"a bare {value:g} read as {value:g} months, not years", note=note)
    months = value * MONTHS[unit]
    if months > 60:
        return _positive(months, ASSUMED, f"{months:g} months is longer than any Master's: check the unit", text)
    return _positive(months, OK, None, text, f"a bare number, in {unit}")


def _spell_out(text: str) -> str:
    """"one and a half years" -> "1.5 years", "2 1/2 years" -> "2.5 years", "a year and a half" -> "1.5 year"."""
    if not SPELLED.search(text):
        return text
    text = re.sub(r"(\d)\s+([½¼¾⅓⅔])", r"\1\2", text)  # "1 ½ years"
    text = CJK_NUMERAL.sub(lambda m: str(CJK_DIGITS[m.group(1)]), text)  # "一年制"
    text = HALF.sub(lambda m: f"1.5 {m.group(1) or m.group(2)}", text)
    # "3 semesters + thesis semester": a unit on its own after "+" is one of it
    text = re.sub(r"(\+|\bplus)\s*(?:an? |one )?(?:[a-z]+ )?(semester|year|month|term|trimester)\b", r"\1 1 \2", text,
                  flags=re.IGNORECASE)  # fmt: skip
    text = AND_A_HALF.sub(_and_a_half, text)
    return MIXED.sub(lambda m: f"{int(m.group(1)) + int(m.group(2)) / int(m.group(3)):g}", text)


def _and_a_half(match: re.Match[str]) -> str:
    """"one and a half" -> "1.5"; "1 año y medio" -> "1.5 año"."""
    if match.group(1):
        return f"{number_value(match.group(1)) + 0.5:g}"
    count = 1.0 if not match.group(2).isdigit() else float(match.group(2))
    return f"{count + 0.5:g} {match.group(3)}"


def _figures(masked: str) -> list[Figure]:
    figures = []
    for match in QUANTITY.finditer(masked):
        unit_name = next(name for name, _ in UNIT_WORDS if match.group(name))
        if unit_name in ("months", "weeks", "days") and len(match.group(unit_name)) == 1:
            # "12 m" is months, "5 d" days; but not "2 M.Sc." or a lone letter in a sentence
            after = masked[match.end() : match.end() + 1]
            if after == "." or after.isalpha():
                continue
        low, high = match.group("low"), match.group("high")
        if low.lower() in ("a", "an", "one") and YEAR_OUT.match(masked, match.end()):
            continue  # "with a year in industry": the placement year, not a length of its own
        alternatives = bool(high) and match.group("join").lower() in ("/", "or")
        if alternatives and number_value(high) < number_value(low):
            alternatives = False
            high = None  # "1/2 year" is half a year, as written
            value = number_value(low) / number_value(match.group("high"))
        else:
            value = number_value(low if alternatives else (high or low))
        figure = Figure(match.start(), match.end(), value * MONTHS[unit_name], unit_name, alternatives)
        if high and not alternatives:
            figure.range = (number_value(low) * MONTHS[unit_name], figure.months)
        figures.append(figure)
    return figures


def _describe(figures: list[Figure], masked: str) -> None:
    """Give each figure its mode, bound, award and variant, from the words around it."""
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    markers = []
    for name, pattern in MODE_RES:
        markers += [(m.start(), m.end(), name) for m in pattern.finditer(masked)]
    # a study mode or an award belongs to the figures of its own clause:
    # "2 years (120 ECTS), part-time option 3 years", "1 year (180 credits); PGDip 9 months"
    for figure, mode in zip(figures, _by_clause(markers, figures, masked), strict=True):
        figure.mode = mode
    awards = [(m.start(), m.end(), "other") for m in OTHER_AWARD.finditer(masked)]
    awards += [(m.start(), m.end(), "master") for m in MASTERS.finditer(masked)]
    for figure, award in zip(figures, _by_clause(awards, figures, masked), strict=True):
        figure.award = award
    # "Flexible, 2-6 years": a mode that heads the cell covers it, unless a full-time figure is named
    heading = re.match(r"\s*(part[- ]?time|flexible|modular|distance learning|online)\s*[:,;(-]", masked, re.I)
    if heading and not any(f.mode == "full-time" for f in figures):
        for figure in figures:
            figure.mode = figure.mode or ("part-time" if heading.group(1).lower().startswith("part") else "flexible")
    for i, figure in enumerate(figures):
        before = masked[(ends[i - 1] if i else 0) : figure.start]
        before = BEFORE_CUT.split(before)[-1]
        following = starts[i + 1] if i + 1 < len(figures) else len(masked)
        after = AFTER_CUT.split(masked[figure.end : following], maxsplit=1)[0]
        shared = following < len(masked) and len(after) == following - figure.end  # no cut before the next figure
        figure.bound = bool(BOUNDS.search(before)) or bool(TRAILING_BOUND.match(after))
        opened = masked[ends[i - 1] : figure.start] if i else ""
        if i > 0 and re.fullmatch(r"\s*\([^()]*", opened) and "academic" in masked[starts[i - 1] : ends[i - 1]].lower():
            figures[i - 1].part = True  # "1 academic year (9 months)": the bracket says how long that year is
        figure.part = bool(PART.search(before)) or (
            i > 0
            and figures[i - 1].unit != "ects"
            and figure.months < figures[i - 1].months - 0.5  # "4 Trimesters (16 Months)" restates, it is no part
            and bool(re.fullmatch(r"\s*\((?!\s*(?:plus|\+))[^()]*", opened, re.IGNORECASE))
        )
        figure.variant = bool(VARIANT.search(before[-40:]))
        if not shared:
            # "12 months with a placement year", "2 years (MSc with Industrial Placement)"
            figure.variant |= bool(VARIANT.match(after.strip()[:60])) or (
                bool(re.match(r"\s*\(", after)) and bool(VARIANT.search(after[:60]))
            )


def _by_clause(markers: list[tuple[int, int, str]], figures: list[Figure], masked: str) -> list[str | None]:
    """The marker of each figure, looked for within the figure's clause only."""
    found: list[str | None] = [None] * len(figures)
    cuts = [0, *(m.end() for m in CLAUSE_CUTS.finditer(masked)), len(masked) + 1]
    for a, b in itertools.pairwise(cuts):
        inside = [i for i, f in enumerate(figures) if a <= f.start < b]
        if not inside:
            continue
        clause_markers = sorted(m for m in markers if a <= m[0] < b)
        attached = _attach(clause_markers, [figures[i].start for i in inside], [figures[i].end for i in inside])
        for i, marker in zip(inside, attached, strict=True):
            found[i] = marker
    return found


def _attach(markers: list[tuple[int, int, str]], starts: list[int], ends: list[int]) -> list[str | None]:
    """Which marker each figure belongs to.

    When the first marker comes before the first figure, markers lead their figures ("Full-time 1 year,
    part-time 2 years"): each figure takes the latest marker before it, and a marker after the last
    figure belongs to that figure. Otherwise markers trail ("1 year full time, 2 years part time").
    """
    if not markers:
        return [None] * len(starts)
    leading = markers[0][0] < starts[0]
    found: list[str | None] = []
    for i, start in enumerate(starts):
        next_start = starts[i + 1] if i + 1 < len(starts) else None
        if leading:
            before = [name for s, _, name in markers if s < start]
            value = before[-1] if before else None
            if next_start is None:
                trailing = [name for s, _, name in markers if s >= ends[i]]
                value = trailing[0] if trailing and value is not None and trailing[0] != value else value
            found.append(value)
        else:
            after = [name for s, _, name in markers if s >= ends[i] and (next_start is None or s < next_start)]
            found.append(after[0] if after else None)
    return found


def _choose(figures: list[Figure], masked: str, text: str) -> Cell:
    notes: list[str] = []
    doubts: list[str] = []
    pool = [f for f in figures if not f.bound]
    if not pool:
        return Cell(NAN, MISSING, "only a maximum length is given, not the length: treated as missing")
    full = [f for f in pool if f.mode in (None, "full-time")]
    if not full:
        full = [f for f in pool if f.mode == "part-time"] or pool
        doubts.append(f"only a {full[0].mode} length is given")
    elif len(full) < len(pool):
        notes.append("the full-time length")
    whole = [f for f in full if not f.part]
    if whole and len(whole) < len(full):
        notes.append("parts of the programme named inside it left out")
        full = whole
    masters = [f for f in full if f.award != "other"]
    if masters and len(masters) < len(full):
        notes.append("the Master's, not the other award")
        full = masters
    plain = [f for f in full if not f.variant]
    if plain and len(plain) < len(full):
        longest = max(f.months for f in full if f.variant)
        doubts.append(f"the length without the placement or variant ({longest:g} months with it)")
        full = plain
    if any(f.alternatives for f in full):
        doubts.append('"a/b years" or "a or b years" read as the full-time a years')
    timed = [f for f in full if f.unit != "ects"]
    if not timed:
        doubts.append("length taken from ECTS credits (60 ECTS = 1 year)")
        timed = full
    months, restated = _combine(timed, masked)
    ranged = [f for f in timed if f.range and f.months == months]
    if ranged:
        low, high = ranged[0].range  # type: ignore[misc]
        doubts.append(f"a range {low:g}-{high:g} months, kept as an interval")
    if restated:
        doubts.append(f"several lengths ({', '.join(f'{m:g}' for m in restated)} months); used the longest")
    if NOT_A_LENGTH.search(masked) and all(f.unit == "months" and f.months < 1 for f in timed):
        return Cell(NAN, MISSING, "a start date, not a length: not stated; treated as missing")
    reading = f"{months_text(months)}, from {quote(text)}" + "".join(f"; {n}" for n in notes)
    status = ASSUMED if doubts else OK
    cell = _positive(months, status, "; ".join(doubts) or None, text)
    if cell.status == ERROR:
        return cell
    low_end = ranged[0].range[0] if ranged and ranged[0].range[0] > 0 else NAN  # type: ignore[index]
    return cell._replace(note=reading, low=low_end)


def _combine(figures: list[Figure], masked: str) -> tuple[float, list[float]]:
    """Add a larger unit followed by a smaller one (1 year 4 months) or figures joined by "+"; else the
    longest. Returns the months and, when differing figures were left out, the figures."""
    order = ["years", "semesters", "trimesters", "terms", "quarters", "months", "weeks", "days", "ects"]
    totals: list[float] = []
    previous: Figure | None = None
    for figure in figures:
        between = masked[previous.end : figure.start] if previous else ""
        joined = previous is not None and re.fullmatch(r"\s*\(?\s*(?:[a-z]+\s+){0,2}(?:\+|plus)\s*", between, re.I)
        follows = (
            previous is not None
            and previous.unit == "years"
            and figure.unit in ("months", "weeks")
            and figure.months < 12
            and order.index(figure.unit) > order.index(previous.unit)
            and re.fullmatch(r"\s*(?:,|and|&)?\s*", between)
        )
        if joined or follows:
            totals[-1] += figure.months
        else:
            totals.append(figure.months)
        previous = figure
    distinct = sorted({round(t, 6) for t in totals})
    return max(totals), (distinct if len(distinct) > 1 and distinct[-1] - distinct[0] > 1 else [])


def _positive(months: float, status: str, message: str | None, text: str = "", how: str | None = None) -> Cell:
    if months < 0:
        return Cell(NAN, ERROR, "a length cannot be negative")
    if months == 0:
        return Cell(NAN, ERROR, "a length of zero")
    note = f"{months_text(months)}, from {quote(text)}" + (f"; {how}" if how else "") if text else None
    return Cell(months, status, message, None, NAN, note)

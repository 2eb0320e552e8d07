"""kind = "keywords": whether free text mentions a phrase (``match``), unless a phrase that cancels it
(``unless``) stands beside it in the same sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import MISSING, NAN, OK, Cell, clean


def _phrases(words: list[str]) -> re.Pattern[str]:
    """Whole words or phrases, any case, any spacing between their words."""
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words if w.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


NEAR = 40  # characters: how close an ``unless`` phrase must be to cancel a match (the same clause)


def keyword_reader(match: list[str], unless: list[str]) -> Callable[[object], Cell]:
    """kind = "keywords": 1 where a ``match`` phrase occurs, unless an ``unless`` phrase overlaps it or
    stands within NEAR characters of it in the same sentence; the reading quotes a few words around it."""
    wanted = _phrases(match)
    cancel = _phrases(unless) if unless else None

    def read(raw: object) -> Cell:
        text = clean(str(raw))
        if not text:
            return Cell(NAN, MISSING)
        cancelled = None
        for found in wanted.finditer(text):
            if cancel is not None:
                start = max(0, found.start() - NEAR)
                around = text[start : found.end() + NEAR]
                near = cancel.search(around)
                if near and _same_sentence(around, near.span(), (found.start() - start, found.end() - start)):
                    cancelled = cancelled or (found, near.group(0))
                    continue
            return Cell(1.0, OK, note=f"mentioned: {found.group(0)!r} in {_around(text, found.span())}")
        if cancelled:
            found, phrase = cancelled
            return Cell(0.0, OK, note=f"not mentioned: {found.group(0)!r} cancelled by {phrase!r} in "
                        f"{_around(text, found.span())}")  # fmt: skip
        return Cell(0.0, OK, note="not mentioned")

    return read


def _same_sentence(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    a, b = sorted([first, second])
    return not re.search(r"[.;!?|]\s", text[a[1] : b[0]]) if b[0] > a[1] else True


def _around(text: str, span: tuple[int, int], words: int = 4) -> str:
    """A few words either side of a match, quoted: never the whole description."""
    before = text[: span[0]].split()[-words:]
    after = text[span[1] :].split()[:words]
    shown = " ".join([*before, text[span[0] : span[1]], *after])
    lead = "..." if len(text[: span[0]].split()) > words else ""
    trail = "..." if len(text[span[1] :].split()) > words else ""
    return f'"{lead}{shown}{trail}"'

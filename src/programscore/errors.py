"""Exceptions of the library. Only ``cli.py`` turns them into exit codes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ProgramscoreError(Exception):
    """Base class: a problem with the user's input that a person can fix."""


class ProfileError(ProgramscoreError):
    """A profile (TOML file or Python object) is not valid; ``field`` names the offending key."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SheetError(ProgramscoreError):
    """A sheet cannot be read, or its columns do not fit the profile."""


class DataError(ProgramscoreError):
    """Cells hold values the profile forbids (e.g. ``missing = "error"``)."""


class FilterError(ProgramscoreError):
    """A row filter (``where``) cannot be read, or names no column or criterion; ``expression`` is the
    filter as written (the command line tells its own filters, a usage error, from a profile's)."""

    def __init__(self, message: str, expression: str) -> None:
        super().__init__(message)
        self.expression = expression


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``word``, or None when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix, or "" when nothing is close."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""

"""Answers from a file (TOML or JSON), for scripts and tests: ``--answers FILE`` replays them.

```toml
method = "swing"                 # optional: swing | pairwise | ahp
first = "job_support"            # swing: the improvement taken first
[ratings]                        # swing: each other improvement, 0-100
cost = 80
[tradeoffs]                      # pairwise: the answers to each criterion's questions, in order
length = ["n", "y", "y", "="]
[judgements]                     # ahp: "A/B" = how much more A matters (1-9, or "1/3")
"job_support/cost" = 3
```
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ProgramscoreError, suggest
from .questions import Question

SECTIONS = ("method", "first", "ratings", "tradeoffs", "judgements")


class AnswersError(ProgramscoreError):
    """An answers file that cannot be read, or does not answer the questions asked."""


def read_answers(path: str | Path) -> dict[str, Any]:
    """The answers of a TOML or JSON file (a ``.json`` file is JSON; anything else TOML)."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AnswersError(f"{source}: no such answers file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError(f"{source}: cannot read the answers ({exc})") from None
    try:
        data = json.loads(text) if source.lower().endswith(".json") else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        kind = "JSON" if source.lower().endswith(".json") else "TOML"
        raise AnswersError(f"{source}: not valid {kind}: {exc}") from None
    if not isinstance(data, dict):
        raise AnswersError(f"{source}: the answers must be a table of first, ratings, tradeoffs or judgements")
    for key, value in data.items():
        if key not in SECTIONS:
            raise AnswersError(
                f"{source}: unknown key {key!r}{suggest(key, SECTIONS)}; the keys are {', '.join(SECTIONS)}"
            )
        if key in ("ratings", "tradeoffs", "judgements") and not isinstance(value, dict):
            raise AnswersError(f"{source}: {key} must be a table ([{key}])")
    return data


class Replay:
    """An ``ask`` that answers each question from the file; every answer must be used."""

    def __init__(self, answers: dict[str, Any], source: str = "answers", echo: Any = None) -> None:
        self.source = source
        self.echo = echo  # shows each question and its answer as a terminal would
        self.pending: dict[str, Any] = {}
        for key, value in answers.items():
            if key == "method":
                continue
            if isinstance(value, dict):
                for name, item in value.items():
                    self.pending[f"{key}.{name}"] = list(item) if isinstance(item, list) else item
            else:
                self.pending[key] = value
        self.lines: list[str] = []  # the questions and the answers given, as a transcript

    def __call__(self, question: Question) -> Any:
        value, invert = self._take(question.id)
        try:
            read = question.read(value)
        except ValueError as exc:
            raise AnswersError(f"{self.source}: {question.id}: {value!r}: {exc}") from None
        if invert:
            read = 1 / read
        lines = [question.text, f"{question.prompt}: {question.shown(read)}"]
        self.lines += lines
        if self.echo is not None:
            self.echo("\n".join(lines))
        return read

    def _take(self, id: str) -> tuple[Any, bool]:
        invert = False
        if id not in self.pending and id.startswith("judgements."):
            a, _, b = id.removeprefix("judgements.").partition("/")
            if f"judgements.{b}/{a}" in self.pending:
                id, invert = f"judgements.{b}/{a}", True
        if id not in self.pending:
            raise AnswersError(f"{self.source}: no answer for {id}{suggest(id, list(self.pending))}")
        value = self.pending[id]
        if isinstance(value, list):
            if not value:
                raise AnswersError(f"{self.source}: {id}: the questions go on after the last answer (add one)")
            return value.pop(0), invert
        del self.pending[id]
        return value, invert

    def finish(self) -> None:
        """Answers left over mean the file was written for other questions: say which."""
        left_over = [f"{k} ({len(v)} more)" if isinstance(v, list) else k for k, v in self.pending.items() if v != []]
        if left_over:
            left = ", ".join(sorted(left_over))
            raise AnswersError(f"{self.source}: answers not used by any question: {left}")

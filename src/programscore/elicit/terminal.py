"""``programscore elicit`` at a terminal: questions through click's prompts (a bad answer is asked
again), answers replayed from a file, the plan for ``--dry-run``, and the profile written whole or
not at all (Ctrl-C leaves no file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from . import Replay, elicited_profile, plan, profile_text, ranking_summary, read_answers, run, setup, weights_table
from .questions import Question


def prompt(question: Question) -> Any:
    """Ask at the terminal until the answer can be read."""
    click.echo(question.text)

    def read(text: str) -> Any:
        try:
            return question.read(text)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None

    return click.prompt(question.prompt, value_proc=read)


def elicit(
    sheet: Any,
    source: str | None,
    profile: str,
    method: str | None,
    answers_file: str | None,
    dry_run: bool,
    output: str | None,
    top: int,
    where: tuple[str, ...] = (),
    join: Any = None,
) -> None:
    answers = read_answers(answers_file) if answers_file else None
    given = answers.get("method") if answers else None
    if given is not None and given not in ("swing", "pairwise", "ahp"):
        raise click.ClickException(f"{answers_file}: method {given!r} is not swing, pairwise or ahp")
    if method is not None and given is not None and method != given:
        raise click.UsageError(f"--method {method} but {answers_file} holds answers for method {given}")
    method = method or given or "swing"
    ground = setup(sheet, profile, where=where, join=join)
    for note in ground.notes:
        click.echo(f"note: {note}", err=True)
    if dry_run:
        click.echo(plan(method, ground.swings))
        return
    assert output is not None
    if answers is not None:
        replay = Replay(answers, answers_file or "answers", echo=click.echo)
        result = run(method, ground.swings, replay, say=click.echo, revise=False)
        replay.finish()
    else:
        result = _interactive(method, ground.swings)
    name = Path(output).stem or ground.profile.name
    written = elicited_profile(ground.profile, result, name=name)
    context = [f"base profile: {ground.profile.source or ground.profile.name}"]
    if source:
        context.append(f"sheet: {source} ({len(ground.ranking.names)} programmes ranked)")
    context += [f"rows kept only where: {w}" for w in where]
    context += [f"note: {n}" for n in ground.notes]
    text = profile_text(written, result, context)
    click.echo()
    click.echo(weights_table(written, result.swings))
    if result.consistency_ratio is not None:
        click.echo(f"consistency ratio: {result.consistency_ratio:.3f} (acceptable up to 0.1)")
    for note in result.notes:
        click.echo(f"note: {note}")
    if sheet is not None:
        from ..scoring import score

        click.echo()
        click.echo(ranking_summary(score(sheet, written, where=where, join=join), top))
    from ..reports import write_output

    protect = [p for p in (source, answers_file, ground.profile.source) if p]
    write_output(text.encode("utf-8"), output, protect=protect)
    click.echo(f"\nwrote {output}")


def _interactive(method: str, swings: list[Any]) -> Any:
    try:
        return run(method, swings, prompt, say=click.echo)
    except click.Abort as exc:
        if isinstance(exc.__context__, EOFError):
            raise click.ClickException("the input ended before the last answer; no profile written") from None
        raise _interrupted() from None
    except KeyboardInterrupt:
        raise _interrupted() from None


def _interrupted() -> click.exceptions.Exit:
    click.echo("\nInterrupted: no profile written.", err=True)
    return click.exceptions.Exit(130)

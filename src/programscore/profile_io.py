"""Profiles as files: the built-in TOML profiles, loading and validating TOML with messages that
name the file, the line and the key, and a plain-text description of a profile.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ProfileError, suggest
from .joining import JoinSpec
from .profiles import COSTS_KEYS, CURRENCY_KEYS, TOP_KEYS, Costs, Criterion, Currency, Profile

MAX_PROFILE_BYTES = 1 << 20  # a profile is a page of TOML; a megabyte is far beyond any


def builtin_profiles() -> list[str]:
    """Names of the profiles shipped with programscore."""
    folder = resources.files("programscore") / "profiles"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_profile(name_or_path: str | Path | Profile) -> Profile:
    """A built-in profile by name, or a profile from a TOML file."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    text_name = str(name_or_path)
    path = Path(text_name)
    if text_name.endswith(".toml") or (path.exists() and not path.is_dir()):
        if path.is_dir():
            raise ProfileError(f"{text_name}: is a folder, not a profile file")
        if not path.exists():
            raise ProfileError(f"{text_name}: no such profile file")
        try:
            with open(path, "rb") as handle:  # a pipe (<(...)) or device is read once, like a file
                raw = handle.read(MAX_PROFILE_BYTES + 1)
            if len(raw) > MAX_PROFILE_BYTES:
                raise ProfileError(f"{text_name}: refused: a profile of more than {MAX_PROFILE_BYTES:,} bytes")
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ProfileError(f"{text_name}: not a UTF-8 text file ({exc.reason} at byte {exc.start})") from None
        except OSError as exc:
            raise ProfileError(f"{text_name}: cannot read the profile ({exc.strerror})") from None
        return parse_profile(text, source=text_name)
    names = builtin_profiles()
    if text_name not in names:
        raise ProfileError(
            f"no built-in profile {text_name!r}{suggest(text_name, names)}; built-in profiles: {', '.join(names)} "
            "(or give the path of a .toml file)"
        )
    text = (resources.files("programscore") / "profiles" / f"{text_name}.toml").read_text(encoding="utf-8")
    return parse_profile(text, source=f"built-in profile {text_name!r}")


def parse_profile(text: str, source: str = "profile") -> Profile:
    """Read a profile from TOML text; errors name ``source``, the line and the key."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ProfileError(f"{source}: refused: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if at:
            where = f"{source}, line {at.group(1)}, column {at.group(2)}"
            raise ProfileError(f"{where}: TOML syntax error: {message[: at.start()]}") from None
        raise ProfileError(f"{source}: TOML syntax error: {message}") from None
    return profile_from_dict(data, source=source, text=text)


def profile_from_dict(data: dict[str, Any], source: str = "profile", text: str | None = None) -> Profile:
    """Build and validate a profile from parsed TOML data."""

    def fail(message: str, section: str | None, index: int | None, key: str | None) -> ProfileError:
        line = _locate(text, section, index, key) if text else None
        where = f"{source}, line {line}" if line else source
        return ProfileError(f"{where}: {message}")

    for key in data:
        if key not in TOP_KEYS:
            raise fail(f"unknown key {key!r}{suggest(key, TOP_KEYS)}", None, None, key)
    if "name" not in data or not isinstance(data["name"], str):
        raise fail('the profile needs name = "..."', None, None, None)
    raw_currency = data.get("currency", {})
    if not isinstance(raw_currency, dict):
        raise fail("currency must be a table: [currency]", None, None, "currency")
    for key in raw_currency:
        if key not in CURRENCY_KEYS:
            raise fail(f"unknown key {key!r} in [currency]{suggest(key, CURRENCY_KEYS)}", "currency", None, key)
    try:
        currency = Currency(**raw_currency)
    except ProfileError as exc:
        raise fail(str(exc), "currency", None, exc.field) from None
    except TypeError as exc:
        raise fail(f"[currency]: {exc}", "currency", None, None) from None

    raw_costs = data.get("costs", {})
    if not isinstance(raw_costs, dict):
        raise fail("costs must be a table: [costs]", None, None, "costs")
    for key in raw_costs:
        if key not in COSTS_KEYS:
            raise fail(f"unknown key {key!r} in [costs]{suggest(key, COSTS_KEYS)}", "costs", None, key)
    try:
        costs = Costs(**raw_costs)
    except ProfileError as exc:
        raise fail(str(exc), "costs", None, exc.field) from None

    join = _join_from(data.get("join"), source, fail)

    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise fail("the profile needs at least one [[criteria]] table", None, None, None)
    criterion_keys = [f.name for f in fields(Criterion)]
    criteria = []
    for index, raw in enumerate(raw_criteria):
        label = f"criterion {raw.get('key', index + 1)!r}" if isinstance(raw, dict) else f"criterion {index + 1}"
        if not isinstance(raw, dict):
            raise fail(f"{label} must be a table", None, None, None)
        for key in raw:
            if key not in criterion_keys:
                raise fail(f"{label}: unknown key {key!r}{suggest(key, criterion_keys)}", "criteria", index, key)
        for key in ("key", "kind"):
            if key not in raw:
                raise fail(f"{label}: missing {key} = ...", "criteria", index, None)
        try:
            criteria.append(Criterion(**raw))
        except ProfileError as exc:
            raise fail(str(exc), "criteria", index, exc.field) from None
    try:
        profile = Profile(
            name=data["name"],
            criteria=criteria,
            description=data.get("description", ""),
            method=data.get("method", "weighted-sum"),
            name_columns=data.get("name_columns"),
            currency=currency,
            rank=data.get("rank"),
            costs=costs,
            source=source,
            where=data.get("where", []),
            join=join,
            max_unknown=data.get("max_unknown"),
        )
    except ProfileError as exc:
        key = exc.field
        raise fail(str(exc), None if key in TOP_KEYS else "criteria", None, key) from None
    return profile


JOIN_KEYS = ("file", "on")


def _join_from(raw: Any, source: str, fail: Any) -> JoinSpec | None:
    """``[join] file = "outcomes.csv", on = ["University=Institution"]``; the file is taken from the
    profile's own folder."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise fail('join must be a table: [join] file = "..." on = ["LEFT=RIGHT"]', None, None, "join")
    for key in raw:
        if key not in JOIN_KEYS:
            raise fail(f"unknown key {key!r} in [join]{suggest(key, JOIN_KEYS)}", "join", None, key)
    for key in JOIN_KEYS:
        if key not in raw:
            raise fail(f"[join] needs {key} = ...", "join", None, None)
    if not isinstance(raw["file"], str) or not raw["file"].strip():
        raise fail('[join] file must be the path of a table, e.g. file = "outcomes.csv"', "join", None, "file")
    folder = Path(source).parent if Path(source).is_file() else None
    try:
        return JoinSpec(raw["file"], raw["on"], base=folder)
    except ProfileError as exc:
        raise fail(f"[join] {str(exc).removeprefix('join: ')}", "join", None, "on") from None


def _locate(text: str | None, section: str | None, index: int | None, key: str | None) -> int | None:
    """Best-effort line number of ``key`` in a section (``[[criteria]]`` number ``index``)."""
    if text is None:
        return None
    lines = text.splitlines()
    start, end = 0, len(lines)
    headers = [i for i, line in enumerate(lines) if re.match(r"\s*\[", line)]
    if section == "criteria" and index is not None:
        blocks = [i for i, line in enumerate(lines) if re.match(r"\s*\[\[\s*criteria\s*\]\]", line)]
        if index < len(blocks):
            start = blocks[index]
            end = next((h for h in headers if h > start), len(lines))
        elif key is None:
            return None
    elif section in ("currency", "costs", "join"):
        block = next((i for i, line in enumerate(lines) if re.match(rf"\s*\[\s*{section}\s*\]", line)), None)
        if block is not None:
            start = block
            end = next((h for h in headers if h > start), len(lines))
    elif section is None:
        end = headers[0] if headers else len(lines)
    if key is None:
        return start + 1 if section == "criteria" and index is not None else None
    pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for i in range(start, end):
        if pattern.match(lines[i]):
            return i + 1
    if section == "criteria" and key is not None:
        # A value that failed validation without its own line (e.g. inherited): point at the block.
        for i in range(start, len(lines)):
            if pattern.match(lines[i]):
                return i + 1
    return None


def describe_profile(profile: Profile) -> str:
    """A profile for people: criteria, weights as shares, anchors, limits and missing policy."""
    from tabulate import tabulate

    from .reports.plain import one_line

    weights = profile.weights
    rows = []
    for c in profile.criteria:
        rows.append(
            [
                c.key,
                c.kind,
                c.better,
                f"{c.weight:.4g}",
                f"{weights[c.key] * 100:.1f}%",
                c.anchors_text(),
                c.limits_text() or "-",
                c.missing,
                "yes" if c.required else "no",
            ]
        )
    table = tabulate(
        rows,
        headers=["criterion", "kind", "better", "weight", "share", "anchors", "limits", "missing", "required"],
        tablefmt="simple",
        disable_numparse=True,
    )
    head = f"{profile.name}: {profile.description}" if profile.description else profile.name
    rates = ", ".join(f"{code} {rate:g}" for code, rate in profile.currency.rates.items())
    lines = [head, f"method: {profile.method}; money in {profile.currency.base}"]
    if profile.rank:
        lines.append(f"weights from the order of importance (rank-order centroid): {profile.rank}")
    if profile.where:
        lines.append(f"rows kept only where: {'; '.join(profile.where)}")
    if profile.costs.per_month:
        costs = profile.costs
        lines.append(f"study costs: living {costs.living:,.0f} a month, earnings forgone {costs.earnings:,.0f} a year")
    lines = [one_line(line) for line in lines]  # a description or a filter may hold a newline
    lines += ["", table]
    if rates:
        lines += ["", f"rates (1 unit in {profile.currency.base}): {rates}"]
    return "\n".join(lines)
